//! The ranges of the shipped datasets checked by brute force: every combination of readings
//! and of the threat option, with the consent weight on a grid ten times finer than the band's
//! points, must fall within the reported range, and the range's ends must be values some
//! combination reaches.

use bilik::analysis::range::{Band, Dimension, Space, control_ranges};
use bilik::analysis::{Options, analyze};
use bilik::data::{EMBEDDED, resolve};

#[test]
fn shipped_ranges_hold_every_combination_on_a_fine_grid() {
    for e in EMBEDDED {
        let ds = resolve(e.id).unwrap();
        let options = Options::of(&ds);
        let Some(head) = ds.head_of_state().map(|b| b.id.clone()) else {
            continue;
        };
        let Some(court) = ds
            .bodies
            .iter()
            .find(|b| b.role == Some(bilik::model::Role::ConstitutionalReview))
            .map(|b| b.id.clone())
        else {
            continue;
        };
        let space = Space::of(&ds, &Band::default());
        let ranges = control_ranges(&ds, &options, &space).unwrap();
        assert!(
            ranges.exact,
            "{}: the shipped data must be enumerable",
            e.id
        );
        let (lo, hi) = ranges.get(&court, &head).unwrap();
        let radix: Vec<usize> = space
            .dimensions
            .iter()
            .map(|d| match d {
                Dimension::Reading(i) => space.contested[*i].choices(),
                Dimension::Threat => 2,
                Dimension::Weight { .. } => 1,
            })
            .collect();
        let (mut seen_lo, mut seen_hi) = (f64::INFINITY, f64::NEG_INFINITY);
        let mut choice = vec![0usize; radix.len()];
        loop {
            let (d, mut o) = space.realise(&ds, &options, &choice);
            for i in 0..=40 {
                // The band moves every consent, a threatened one keeping its ratio (R19).
                let ratio = options.weights.consent_under_threat / options.weights.consent;
                o.weights.consent = 0.5 * 4f64.powf(f64::from(i) / 40.0);
                o.weights.consent_under_threat = ratio * o.weights.consent;
                let v = analyze(&d, &o)
                    .unwrap()
                    .body(&court)
                    .unwrap()
                    .control_of(&head);
                assert!(
                    lo - 1e-9 <= v && v <= hi + 1e-9,
                    "{}: {v} at consent {} is outside {lo}-{hi}",
                    e.id,
                    o.weights.consent
                );
                seen_lo = seen_lo.min(v);
                seen_hi = seen_hi.max(v);
            }
            let mut k = 0;
            while k < choice.len() {
                choice[k] += 1;
                if choice[k] < radix[k] {
                    break;
                }
                choice[k] = 0;
                k += 1;
            }
            if k == choice.len() {
                break;
            }
        }
        let point = analyze(&ds, &options)
            .unwrap()
            .body(&court)
            .unwrap()
            .control_of(&head);
        seen_lo = seen_lo.min(point);
        seen_hi = seen_hi.max(point);
        assert!(
            (seen_lo - lo).abs() < 1e-9 && (seen_hi - hi).abs() < 1e-9,
            "{}: range {lo}-{hi}, but the grid reaches {seen_lo}-{seen_hi}",
            e.id
        );
    }
}

/// The ranges reuse each body's row across combinations (`analysis::range::rows`); every end
/// must still be, to the last bit, the smallest or largest figure of a combination analysed
/// afresh: every reading, the threat option and the band's points, on every shipped dataset.
#[test]
fn cached_ranges_equal_every_combination_analysed_afresh() {
    use bilik::analysis::control_values;
    use bilik::analysis::range::AT_POINT;
    for e in EMBEDDED {
        let ds = resolve(e.id).unwrap();
        let options = Options::of(&ds);
        let space = Space::of(&ds, &Band::default());
        let ranges = control_ranges(&ds, &options, &space).unwrap();
        assert!(ranges.exact, "{}", e.id);
        let principals = analyze(&ds, &options).unwrap().principals;
        let keys: Vec<(usize, &str)> = (0..ds.bodies.len())
            .flat_map(|b| principals.iter().map(move |p| (b, p.as_str())))
            .collect();
        let radix: Vec<usize> = space
            .dimensions
            .iter()
            .map(|d| match d {
                Dimension::Reading(i) => space.contested[*i].choices(),
                Dimension::Threat => 2,
                Dimension::Weight { .. } => 5,
            })
            .collect();
        // The point: every element as coded, every weight as in force.
        let point: Vec<usize> = space
            .dimensions
            .iter()
            .map(|d| match d {
                Dimension::Weight { .. } => AT_POINT,
                _ => 0,
            })
            .collect();
        let figures = |choice: &[usize]| {
            let (d, o) = space.realise(&ds, &options, choice);
            control_values(&d, &o, &keys).unwrap()
        };
        let mut lo = figures(&point);
        let mut hi = lo.clone();
        let mut choice = vec![0usize; radix.len()];
        loop {
            for (i, v) in figures(&choice).into_iter().enumerate() {
                lo[i] = lo[i].min(v);
                hi[i] = hi[i].max(v);
            }
            let mut k = 0;
            while k < choice.len() {
                choice[k] += 1;
                if choice[k] < radix[k] {
                    break;
                }
                choice[k] = 0;
                k += 1;
            }
            if k == choice.len() {
                break;
            }
        }
        for (i, &(b, p)) in keys.iter().enumerate() {
            let got = ranges.get(&ds.bodies[b].id, p).unwrap();
            assert_eq!(got, (lo[i], hi[i]), "{}: {} / {p}", e.id, ds.bodies[b].id);
        }
    }
}

use crate::synth::generate;

/// The ranges of `ds` with their distinct systems solved on one thread and on two: every
/// range, every driver and the headline's solved figures the same to the last bit.
fn one_and_two_threads_agree(name: &str, ds: &bilik::model::Dataset, band: &Band) {
    use bilik::analysis::range::ControlRanges;
    let options = Options::of(ds);
    let mut space = Space::of(ds, band);
    space.threads_from = usize::MAX;
    let one = control_ranges(ds, &options, &space).unwrap();
    space.threads_from = 0;
    let two = control_ranges(ds, &options, &space).unwrap();
    let bits = |r: &ControlRanges| {
        r.iter()
            .map(|(b, p, (lo, hi))| {
                let drivers: Vec<(String, u64)> = r
                    .drivers(b, p)
                    .into_iter()
                    .map(|d| (d.choice, d.value.to_bits()))
                    .collect();
                (
                    b.to_string(),
                    p.to_string(),
                    lo.to_bits(),
                    hi.to_bits(),
                    drivers,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(one.combinations, two.combinations, "{name}");
    assert_eq!(one.exact, two.exact, "{name}");
    assert!(bits(&one) == bits(&two), "{name}: the ranges moved");
    assert_eq!(one, two, "{name}");
}

/// The distinct systems solved on two threads give the ranges one thread gives, bit for bit:
/// on every shipped dataset (contested readings, the threat option, voting-power rows) with
/// the default band and a band of two weights, and on a synthetic state of the size that
/// takes two threads by default.
#[test]
fn ranges_on_two_threads_equal_ranges_on_one() {
    let mut wide = Band::default();
    wide.apply_spec("recommend=0..0.5").unwrap();
    for e in EMBEDDED {
        let ds = resolve(e.id).unwrap();
        one_and_two_threads_agree(e.id, &ds, &Band::default());
        one_and_two_threads_agree(e.id, &ds, &wide);
    }
    let n = bilik::analysis::range::THREADS_FROM;
    let text = generate::generate(n, 5);
    let ds = bilik::data::check_str("synth.ron", &text).dataset.unwrap();
    let space = Space::of(&ds, &Band::default());
    assert!(ds.bodies.len() >= space.threads_from);
    one_and_two_threads_agree("synth", &ds, &Band::default());
}

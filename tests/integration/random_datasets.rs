//! Invariants over random valid datasets, written as RON text and loaded like a user's file:
//! control values are shares that add up, seats add up, the order of the file does not
//! matter, reforms switched off leave the baseline, and the JSON export carries the numbers
//! exactly. Case counts are small: each case loads and analyses a few datasets.

use bilik::analysis::{Analysis, Options, analyze};
use bilik::data::load_str;
use bilik::model::{Dataset, Lang};
use bilik::output::export::{Format, RenderOptions, Snapshot, render};
use bilik::output::fmt::r4;
use bilik::reform::{self, Scenario};
use proptest::prelude::*;

/// One step: actor index, role.
type StepSpec = (usize, &'static str);

#[derive(Debug, Clone)]
struct ChannelSpec {
    seats: u32,
    steps: Vec<StepSpec>,
}

#[derive(Debug, Clone)]
struct BodySpec {
    seats: u32,
    independent: bool,
    channels: Vec<ChannelSpec>,
}

#[derive(Debug, Clone)]
struct Spec {
    bodies: Vec<BodySpec>,
    /// (from, to, channel index): at-will dismissal of a channel's holders.
    edges: Vec<(usize, usize, usize)>,
    consent: f64,
    recommend: f64,
}

/// Body 0 is the electorate, body 1 the President it elects, the last a court. Every other
/// body is picked by an earlier one, so every chain reaches the electorate; consents and
/// recommendations may come from any other body, later ones included (cycles of consent).
fn spec() -> impl Strategy<Value = Spec> {
    (3usize..8).prop_flat_map(|n| {
        let channel = move |i: usize| {
            (
                1u32..6,
                0..i,
                prop::sample::select(vec!["appoint", "elect", "nominate"]),
                prop::option::of((0..n, prop::sample::select(vec!["consent", "recommend"]))),
            )
                .prop_map(move |(seats, picker, role, extra)| {
                    let mut steps = vec![(picker, role)];
                    if role == "nominate" {
                        // Someone other than the nominator and the body fills the seat.
                        let decider = if picker == 0 && i > 1 { 1 } else { 0 };
                        steps.push((decider, "elect"));
                    }
                    if let Some((actor, r)) = extra
                        && actor != i
                        && steps.iter().all(|s| s.0 != actor)
                    {
                        steps.push((actor, r));
                    }
                    ChannelSpec { seats, steps }
                })
        };
        let bodies: Vec<BoxedStrategy<BodySpec>> = (0..n)
            .map(|i| match i {
                0 => Just(BodySpec {
                    seats: 1,
                    independent: false,
                    channels: vec![],
                })
                .boxed(),
                1 => Just(BodySpec {
                    seats: 1,
                    independent: false,
                    channels: vec![ChannelSpec {
                        seats: 1,
                        steps: vec![(0, "elect")],
                    }],
                })
                .boxed(),
                _ => (prop::collection::vec(channel(i), 1..4), any::<bool>())
                    .prop_map(|(channels, independent)| BodySpec {
                        seats: channels.iter().map(|c| c.seats).sum(),
                        independent,
                        channels,
                    })
                    .boxed(),
            })
            .collect();
        (
            bodies,
            prop::collection::vec((1..n, 2..n, 0usize..3), 0..3),
            prop::sample::select(vec![0.0, 0.25, 0.5, 1.0, 2.0]),
            prop::sample::select(vec![0.0, 0.25, 1.0]),
        )
            .prop_map(|(bodies, edges, consent, recommend)| {
                // Edges from a body to itself, or to a channel the target lacks, are dropped.
                let edges = edges
                    .into_iter()
                    .filter(|&(f, t, c)| f != t && c < bodies[t].channels.len())
                    .collect();
                Spec {
                    bodies,
                    edges,
                    consent,
                    recommend,
                }
            })
    })
}

fn body_id(i: usize) -> String {
    match i {
        0 => "electorate".into(),
        1 => "president".into(),
        _ => format!("b{i}"),
    }
}

/// The dataset as a file, with bodies, channels and edges written in the given orders.
fn text(s: &Spec, body_order: &[usize], reverse_channels: bool) -> String {
    let n = s.bodies.len();
    let mut out = format!(
        "(id: \"rnd\", title: \"Random\", jurisdiction: \"Nowhere\", as_of: \"2024-02-29\",\n weights: {{\"consent\": {}, \"recommend\": {}}},\n bodies: [\n",
        s.consent, s.recommend
    );
    for &i in body_order {
        let b = &s.bodies[i];
        let (branch, role) = match i {
            0 => ("electorate", ""),
            1 => ("executive", "role: head_of_state, "),
            _ if i == n - 1 => ("judicial", "role: constitutional_review, "),
            _ => ("legislative", ""),
        };
        out += &format!(
            "  (id: \"{id}\", name: (en: \"{id}\", ru: \"{id}\", kk: \"{id}\"), branch: {branch}, {role}seats: {seats}, independent: {ind}, source: \"art. {i}\", channels: [\n",
            id = body_id(i),
            seats = b.seats,
            ind = b.independent,
        );
        let mut channels: Vec<(usize, &ChannelSpec)> = b.channels.iter().enumerate().collect();
        if reverse_channels {
            channels.reverse();
        }
        for (j, c) in channels {
            let steps: Vec<String> = c
                .steps
                .iter()
                .map(|(a, r)| format!("(actor: \"{}\", role: {r})", body_id(*a)))
                .collect();
            out += &format!(
                "    (id: \"c{j}\", seats: {}, steps: [{}], source: \"art. {i}({j})\"),\n",
                c.seats,
                steps.join(", ")
            );
        }
        out += "  ]),\n";
    }
    out += " ],\n edges: [\n";
    let mut edges: Vec<&(usize, usize, usize)> = s.edges.iter().collect();
    if reverse_channels {
        edges.reverse();
    }
    let mut seen = std::collections::BTreeSet::new();
    for &&(f, t, c) in &edges {
        if seen.insert((f, t, c)) {
            out += &format!(
                "  (from: \"{}\", to: \"{}\", kind: dismiss_at_will, channel: \"c{c}\", source: \"art. 99\"),\n",
                body_id(f),
                body_id(t)
            );
        }
    }
    out + " ],\n)\n"
}

fn load(text: &str) -> Dataset {
    load_str("random.ron", text).unwrap_or_else(|e| panic!("{}\n{text}", e.report))
}

fn analysed(d: &Dataset) -> Analysis {
    analyze(d, &Options::of(d)).unwrap_or_else(|e| panic!("{e}"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn control_is_a_share_that_adds_up_and_direct_seats_add_up(s in spec()) {
        let order: Vec<usize> = (0..s.bodies.len()).collect();
        let d = load(&text(&s, &order, false));
        let a = analysed(&d);
        for (b, ba) in d.bodies.iter().zip(&a.bodies) {
            let total: f64 = ba.control.values().sum();
            prop_assert!(close(total, 1.0), "{}: control sums to {total}", b.id);
            for (p, c) in &ba.control {
                prop_assert!((0.0..=1.0 + 1e-12).contains(c), "{}: {p} holds {c}", b.id);
            }
            if !b.channels.is_empty() && !a.principals.contains(&b.id) {
                let seats: f64 = ba.direct.values().sum();
                prop_assert!(close(seats, f64::from(b.seats)), "{}: direct {seats} of {}", b.id, b.seats);
            }
        }
        // No report prints a negative zero.
        let report = bilik::output::summary::text::render(&d, &a, &[], Lang::En, None);
        prop_assert!(!report.contains("-0.0") && !report.contains("-0%"), "{report}");
    }

    #[test]
    fn results_do_not_depend_on_the_order_of_the_file(s in spec(), seed in any::<u64>()) {
        let n = s.bodies.len();
        let forward: Vec<usize> = (0..n).collect();
        // A permutation from the seed: sort by a hash of the index.
        let mut shuffled = forward.clone();
        shuffled.sort_by_key(|&i| (i as u64 + 1).wrapping_mul(seed | 1).rotate_left(17));
        let a = load(&text(&s, &forward, false));
        let b = load(&text(&s, &shuffled, true));
        let (aa, ab) = (analysed(&a), analysed(&b));
        for body in &a.bodies {
            let x = aa.body(&body.id).unwrap();
            let y = ab.body(&body.id).unwrap();
            for (p, c) in &x.control {
                prop_assert!(close(*c, y.control_of(p)), "{}: {p} {c} vs {}", body.id, y.control_of(p));
            }
            prop_assert_eq!(x.control.len(), y.control.len());
            for (actor, seats) in &x.direct {
                prop_assert!(close(*seats, y.direct.get(actor).copied().unwrap_or(0.0)), "{}: {actor}", body.id);
            }
            prop_assert_eq!(&x.vetoes, &y.vetoes);
        }
        let mut fa: Vec<String> = aa.flags.iter().map(|f| format!("{} {}", f.body, f.message(&a))).collect();
        let mut fb: Vec<String> = ab.flags.iter().map(|f| format!("{} {}", f.body, f.message(&b))).collect();
        fa.sort();
        fb.sort();
        prop_assert_eq!(fa, fb);
    }

    #[test]
    fn presets_switched_off_leave_the_baseline(s in spec(), toggles in prop::collection::vec(0usize..4, 1..8)) {
        let order: Vec<usize> = (0..s.bodies.len()).collect();
        let base = load(&text(&s, &order, false));
        let court = body_id(s.bodies.len() - 1);
        let presets = format!(r#"(dataset: "rnd", title: "Random presets", presets: [
            (id: "A", title: (en: "a", ru: "a", kk: "a"), description: "d", operations: [change_body(id: "{court}", non_partisan: true, source: "s")]),
            (id: "B", title: (en: "b", ru: "b", kk: "b"), description: "d", operations: [change_body(id: "b2", independent: true, note: "n", source: "s")]),
            (id: "C", title: (en: "c", ru: "c", kk: "c"), description: "d", operations: [change_channel(body: "b2", id: "c0", steps: [(actor: "president", role: appoint)], source: "s")]),
            (id: "D", title: (en: "d", ru: "d", kk: "d"), description: "d", operations: [remove_edge(from: "president", kind: dismiss_at_will, to: "{court}", channel: "c0"), add_edge(from: "president", to: "{court}", kind: dismiss_at_will, channel: "c0", source: "s")]),
        ])"#);
        let set = reform::load_str("random-presets.ron", &presets).unwrap_or_else(|e| panic!("{}", e.report));
        let ids: Vec<String> = set.ids().iter().map(|s| s.to_string()).collect();
        let mut scenario = Scenario::new(base.clone(), set);
        for &t in &toggles {
            scenario.toggle(&ids[t]);
            // Whether a subset applies depends on the dataset (D removes an edge that may not
            // exist); switched off again, every preset leaves the baseline.
            if let Ok(d) = scenario.reformed() {
                prop_assert!(analyze(&d, &Options::of(&d)).is_ok());
            }
        }
        scenario.reset();
        prop_assert_eq!(&scenario.reformed().unwrap(), &base);
    }

    #[test]
    fn the_json_export_carries_every_number(s in spec()) {
        let order: Vec<usize> = (0..s.bodies.len()).collect();
        let d = load(&text(&s, &order, false));
        let a = analysed(&d);
        let bytes = render(Format::Json, &Snapshot::new(&d, &a, Lang::En), &RenderOptions::default()).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let bodies = json["bodies"].as_array().unwrap();
        prop_assert_eq!(bodies.len(), d.bodies.len());
        for ba in &a.bodies {
            let out = bodies.iter().find(|b| b["id"].as_str() == Some(ba.id.as_str()));
            prop_assert!(out.is_some(), "{} is not exported", ba.id);
            let out = out.unwrap();
            let control = out["control"].as_object().unwrap();
            prop_assert_eq!(control.len(), ba.control.len());
            // The contract rounds to four decimals (`output::fmt::r4`); the number read back is
            // exactly that rounding of the analysis's value.
            for (p, c) in &ba.control {
                prop_assert_eq!(control[p].as_f64(), Some(r4(*c)), "{} {}", ba.id, p);
            }
            for (actor, seats) in &ba.direct {
                prop_assert_eq!(out["direct"][actor].as_f64(), Some(r4(*seats)));
            }
            prop_assert_eq!(out["hhi"].as_f64(), Some(r4(ba.hhi)));
        }
        prop_assert_eq!(json["summary"]["system_hhi"].as_f64(), Some(r4(a.summary.system_hhi)));
    }
}

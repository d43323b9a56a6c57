//! The operations model can express a real reform: the 2022 referendum's changes to Parliament
//! and to constitutional review, as presets over kz-2017, give the kz-2022 composition.

use bilik::analysis::Options;
use bilik::model::{Dataset, StepRole};
use bilik::reform;

use crate::common::fixture;

/// A channel as compared here: id, seats and its chain of (actor, role).
type Composition = Vec<(String, u32, Vec<(String, StepRole)>)>;

/// The channels of a body, sorted by id.
fn composition(d: &Dataset, body: &str) -> Composition {
    let mut out: Composition = d
        .body(body)
        .unwrap()
        .channels
        .iter()
        .map(|c| {
            let steps = c.steps.iter().map(|s| (s.actor.clone(), s.role)).collect();
            (c.id.clone(), c.seats, steps)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_2022_referendum_as_presets_over_kz_2017_gives_kz_2022() {
    let before = bilik::data::resolve("kz-2017").unwrap_or_else(|e| panic!("{}", e.report));
    let target = bilik::data::resolve("kz-2022").unwrap_or_else(|e| panic!("{}", e.report));
    let set = reform::load_file(&fixture("reforms/referendum-2022.ron"))
        .unwrap_or_else(|e| panic!("{}", e.report));
    let report = reform::check(&set, &before);
    assert!(report.diagnostics.is_empty(), "{report}");
    let active: Vec<String> = set.ids().iter().map(|s| s.to_string()).collect();
    let after = reform::apply(&before, &set, &active).unwrap_or_else(|e| panic!("{e}"));
    for body in ["senate", "mazhilis", "constitutional_court"] {
        assert_eq!(
            after.body(body).unwrap().seats,
            target.body(body).unwrap().seats,
            "{body}"
        );
        assert_eq!(
            composition(&after, body),
            composition(&target, body),
            "{body}"
        );
    }
    assert_eq!(
        after.body("constitutional_court").unwrap().names.en,
        "Constitutional Court"
    );
    assert!(after.body("first_president").is_none());
    assert_eq!(after.principals(), target.principals());
    // And the Constitutional Court headline is the baseline's: 52.7%.
    let c = reform::delta(&before, &after, &Options::of(&before), None).unwrap();
    let h = c.headline.1.unwrap();
    assert!((h.total - 5.8 / 11.0).abs() < 1e-9, "{}", h.total);
    // The Council of 2017, for comparison: 3 of its 8 seats his own, and through the Senate
    // (15 of 49 appointed by him) and its Chair (his nominee): 49.5%.
    let senate = 15.0 / 49.0;
    let was = c.headline.0.unwrap();
    let council = (3.0 + (0.5 + 0.5 * senate) + senate) / 8.0;
    assert!((was.total - council).abs() < 1e-9, "{}", was.total);
}

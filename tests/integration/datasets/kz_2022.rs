//! Legal facts of data/kz-2022.ron (the 1995 Constitution as amended in 2022).

use super::{consented_by, s, steps};
use bilik::analysis::{Options, analyze, headline};
use bilik::model::{Dataset, EdgeKind, Mandate, StepRole};

fn dataset() -> Dataset {
    super::dataset("kz-2022")
}

#[test]
fn the_constitutional_court_is_filled_as_article_71_says() {
    let d = dataset();
    let cc = d.body("constitutional_court").unwrap();
    assert_eq!(cc.seats, 11);
    assert_eq!(cc.term_years, Some(8.0));
    let seats: Vec<(&str, u32)> = cc
        .channels
        .iter()
        .map(|c| (c.id.as_str(), c.seats))
        .collect();
    assert_eq!(
        seats,
        vec![
            ("chair", 1),
            ("president_judges", 4),
            ("senate_judges", 3),
            ("mazhilis_judges", 3)
        ]
    );
    assert_eq!(
        steps(&d, "constitutional_court", "chair"),
        vec![
            s("president", StepRole::Appoint),
            s("senate", StepRole::Consent)
        ]
    );
    assert_eq!(
        steps(&d, "constitutional_court", "senate_judges"),
        vec![
            s("senate_chair", StepRole::Nominate),
            s("senate", StepRole::Appoint)
        ]
    );
    assert_eq!(
        steps(&d, "constitutional_court", "mazhilis_judges"),
        vec![
            s("mazhilis_chair", StepRole::Nominate),
            s("mazhilis", StepRole::Appoint)
        ]
    );
}

#[test]
fn the_senate_has_forty_elected_and_ten_appointed() {
    let d = dataset();
    let senate = d.body("senate").unwrap();
    assert_eq!(senate.seats, 50);
    let seats: Vec<(&str, u32)> = senate
        .channels
        .iter()
        .map(|c| (c.id.as_str(), c.seats))
        .collect();
    assert_eq!(
        seats,
        vec![
            ("elected", 40),
            ("assembly_quota", 5),
            ("presidential_quota", 5)
        ]
    );
    assert_eq!(
        steps(&d, "senate", "assembly_quota"),
        vec![
            s("assembly_of_people", StepRole::Nominate),
            s("president", StepRole::Appoint)
        ]
    );
    assert_eq!(
        steps(&d, "senate_chair", "election"),
        vec![
            s("president", StepRole::Nominate),
            s("senate", StepRole::Elect)
        ]
    );
}

#[test]
fn the_mazhilis_is_mixed_and_its_list_seats_are_party_bound() {
    let d = dataset();
    let m = d.body("mazhilis").unwrap();
    assert_eq!(m.seats, 98);
    let list = m.channel("party_list").unwrap();
    assert_eq!((list.seats, list.mandate), (69, Mandate::Imperative));
    assert_eq!(m.channel("districts").unwrap().seats, 29);
}

#[test]
fn senate_consent_covers_exactly_the_five_posts_of_article_55_2() {
    let d = dataset();
    assert_eq!(
        consented_by(&d, "senate"),
        vec![
            "constitutional_court/chair",
            "national_bank/chair",
            "national_security_committee/chair",
            "prosecutor_general/appointment",
            "supreme_judicial_council/chair",
        ]
    );
}

#[test]
fn every_channel_and_edge_cites_the_law() {
    let d = dataset();
    for b in &d.bodies {
        for c in &b.channels {
            assert!(!c.source.trim().is_empty(), "{}/{}", b.id, c.id);
        }
    }
    for e in &d.edges {
        assert!(!e.source.trim().is_empty(), "{e:?}");
    }
    assert!(
        d.edges
            .iter()
            .any(|e| e.from == "president" && e.to == "maslikhats" && e.kind == EdgeKind::Dissolve)
    );
}

#[test]
fn the_headline_quantifies_f11() {
    let d = dataset();
    let o = Options::of(&d);
    let a = analyze(&d, &o).unwrap();
    let h = headline::headline(&d, &o, &a).unwrap();
    assert_eq!(
        (h.principal.as_str(), h.body.as_str()),
        ("president", "constitutional_court")
    );
    assert_eq!(h.picked, 5, "the Chair and 4 judges");
    assert!((h.direct - 4.5 / 11.0).abs() < 1e-12);
    // Through the Senate: its consent to the Chair (0.5 seat) and its 3 judges (1.5 seats)
    // times the President's 20% of the Senate; through the Senate Chair he nominates: 1.5
    // seats times his 60% of the Chair.
    let through: f64 = h.through_total();
    assert!(
        (through - (2.0 * 0.2 + 1.5 * 0.6) / 11.0).abs() < 1e-12,
        "{through}"
    );
    assert!((h.total - 5.8 / 11.0).abs() < 1e-12);
    // Consent counting nothing gives the President the Chair and, through the Senate Chair,
    // the Senate's three judges: 8 of 11.
    let zero = h.sensitivity.iter().find(|(w, _)| *w == 0.0).unwrap().1;
    assert!((zero - 8.0 / 11.0).abs() < 1e-12);
    assert!(
        a.flags
            .iter()
            .any(|f| f.rule == "independent_majority" && f.body == "constitutional_court")
    );
}

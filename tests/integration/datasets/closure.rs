//! Majority-control closure and single points of control (codebook R32) on the shipped data.

use super::{analysis, dataset};

#[test]
fn kz_2022_the_president_controls_neither_the_court_nor_the_senate() {
    let d = dataset("kz-2022");
    let a = analysis(&d);
    let court = a.body("constitutional_court").unwrap();
    // An expected share above one half, and no control: 4 seats of 11 against a quota of 6.
    assert!(court.control_of("president") > 0.5);
    assert!(court.controlled_by.is_empty(), "{:?}", court.controlled_by);
    assert_eq!(court.quota, 6.0);
    assert_eq!(court.closure_seats["president"], 4.0);
    assert_eq!(court.closure_seats["mazhilis"], 3.0);
    assert!(court.dominators.is_empty());
    // The Senate is the maslikhats' (40 of 50); the President fills 10 (his 5 and the
    // Assembly's 5, the Assembly being his).
    let senate = a.body("senate").unwrap();
    assert_eq!(senate.controlled_by, vec!["maslikhats"]);
    assert_eq!(senate.closure_seats["president"], 10.0);
    let president: Vec<&str> = a
        .closure
        .iter()
        .find(|c| c.principal == "president")
        .unwrap()
        .controlled
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(
        president,
        [
            "presidential_administration",
            "assembly_of_people",
            "local_courts"
        ]
    );
}

#[test]
fn kz_2022_single_points_of_control() {
    let d = dataset("kz-2022");
    let a = analysis(&d);
    let mut flagged: Vec<(&str, &str, &str)> = a
        .flags
        .iter()
        .filter(|f| f.rule == "single_point_of_control")
        .map(|f| {
            (
                f.body.as_str(),
                f.actor.as_deref().unwrap_or(""),
                f.severity.as_str(),
            )
        })
        .collect();
    flagged.sort();
    assert_eq!(
        flagged,
        [
            ("assembly_of_people", "president", "low"),
            ("local_courts", "president", "high"),
            ("mazhilis_chair", "mazhilis", "low"),
            ("presidential_administration", "president", "low"),
        ]
    );
    let f = a
        .flags
        .iter()
        .find(|f| f.rule == "single_point_of_control" && f.body == "local_courts")
        .unwrap();
    assert_eq!(
        f.message(&d),
        "Every chain of appointment to the local and other courts passes through the President: no member reaches it by another route."
    );
    assert!(
        f.sources.iter().any(|s| s.contains("82")),
        "{:?}",
        f.sources
    );
}

#[test]
fn kz_2026_the_president_controls_more_bodies_outright() {
    let a = analysis(&dataset("kz-2026"));
    let president = &a
        .closure
        .iter()
        .find(|c| c.principal == "president")
        .unwrap()
        .controlled;
    assert_eq!(president.len(), 7, "{president:?}");
    assert!(
        a.body("constitutional_court")
            .unwrap()
            .controlled_by
            .is_empty()
    );
}

#[test]
fn us_every_pick_of_the_president_needs_the_senate() {
    let a = analysis(&dataset("us"));
    assert!(a.closure.iter().all(|c| c.controlled.is_empty()));
}

//! Legal facts of data/kz-2022.ron (the 1995 Constitution as amended in 2022).

use super::{close, consented_by, s, steps};
use bilik::analysis::{Options, analyze, headline};
use bilik::model::{Alignment, Dataset, EdgeKind, Mandate, Power, StepRole};

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

#[test]
fn chamber_decisions_are_majorities_of_all_deputies() {
    // Art. 56(1)(2), 58(1), 62(5): every consent, election and appointment by a chamber is by
    // a majority of all its deputies: veto strength 1, no figure moves.
    let d = dataset();
    let mut n = 0;
    for b in &d.bodies {
        for c in &b.channels {
            for st in &c.steps {
                if matches!(st.actor.as_str(), "senate" | "mazhilis")
                    && matches!(
                        st.role,
                        StepRole::Consent | StepRole::Elect | StepRole::Appoint
                    )
                {
                    let v = st
                        .vote
                        .as_ref()
                        .unwrap_or_else(|| panic!("{}/{}", b.id, c.id));
                    assert!(v.to_string().contains("members"), "{}/{}: {v}", b.id, c.id);
                    assert!(close(st.veto_strength(), 1.0));
                    n += 1;
                }
            }
        }
    }
    assert_eq!(n, 16);
}

#[test]
fn dissolution_is_at_will_and_puts_no_consent_under_threat() {
    // Art. 63(1)-(2), 86(5): at will, with bars; no clause ties it to a refusal (R12-R13).
    let d = dataset();
    let m = d
        .edges
        .iter()
        .find(|e| e.from == "president" && e.to == "mazhilis" && e.kind == EdgeKind::Dissolve)
        .unwrap();
    assert!(m.bars.contains("63(2)"), "{}", m.bars);
    assert!(
        !d.edges
            .iter()
            .any(|e| e.kind == EdgeKind::DissolveOnRefusal)
    );
    let a = analyze(&d, &Options::of(&d)).unwrap();
    let pm = a.body("prime_minister").unwrap();
    assert!(pm.channels[0].steps.iter().all(|s| !s.under_threat));
    assert!(close(pm.control_of("president"), 0.5));
    // With the at-will setting on, the Mazhilis's consent to the Prime Minister is discounted.
    let mut o = Options::of(&d);
    o.at_will_threat = true;
    let a = analyze(&d, &o).unwrap();
    assert!(close(
        a.body("prime_minister").unwrap().control_of("president"),
        2.0 / 3.0
    ));
}

#[test]
fn regional_akims_are_picked_by_the_deputies_from_the_presidents_list() {
    // Art. 87(4): at least two candidates, the one with "большее количество голосов" of those
    // voting has consent: a shortlist and a plurality election (codebook R6).
    let d = dataset();
    assert_eq!(
        steps(&d, "regional_akims", "appointment"),
        vec![
            s("president", StepRole::Shortlist),
            s("maslikhats", StepRole::Elect)
        ]
    );
    let ch = d
        .body("regional_akims")
        .unwrap()
        .channel("appointment")
        .unwrap();
    assert!(close(ch.steps[1].veto_strength(), 0.0));
    assert_eq!(ch.alternatives[0].id, "akim_as_consent");
}

#[test]
fn contested_readings_are_carried_as_alternatives() {
    let d = dataset();
    let contested = d.contested();
    let mut ids: Vec<&str> = contested
        .iter()
        .flat_map(|c| c.readings.iter().map(|r| r.id.as_str()))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(
        ids,
        [
            "akim_as_consent",
            "art57_6_discretionary",
            "cc_chair_release_for_cause",
            "consultation_as_recommendation",
            "hrc_release_for_cause",
            "pg_release_for_cause",
            "sjc_recommendation_binding",
        ]
    );
    // One reading, one choice, however many elements it bears on.
    let targets = |id: &str| {
        contested
            .iter()
            .find(|c| c.readings.iter().any(|r| r.id == id))
            .unwrap()
            .targets
            .len()
    };
    assert_eq!(targets("sjc_recommendation_binding"), 2);
    assert_eq!(targets("art57_6_discretionary"), 2);
    // The release of the Constitutional Court's Chair for cause: the President keeps his
    // picks but loses the at-will removal, which counts nothing by default.
    let alt = d
        .with_alternatives(&["cc_chair_release_for_cause".to_string()])
        .unwrap();
    assert!(
        alt.edges
            .iter()
            .any(|e| e.to == "constitutional_court" && e.kind == EdgeKind::DismissForCause)
    );
}

#[test]
fn mazhilis_and_maslikhats_alignment_and_the_presidents_powers() {
    // Codebook R21-R22.
    let d = dataset();
    let m = &d.body("mazhilis").unwrap().alignment;
    assert_eq!(m.len(), 3);
    assert!(!m.contains_key(&Alignment::HeadMayLeadParty), "art. 43(3)");
    assert!(!m.contains_key(&Alignment::ConcurrentElections));
    assert_eq!(d.body("maslikhats").unwrap().alignment.len(), 2);
    let p = &d.body("president").unwrap().powers;
    assert_eq!(p.len(), 2);
    assert!(
        !p.contains_key(&Power::DecreesWithForceOfLaw),
        "art. 45(2) repealed in 2017"
    );
}

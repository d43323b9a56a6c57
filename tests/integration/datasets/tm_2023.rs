//! Legal facts of data/tm-2023.ron (Turkmenistan after the Constitutional Law of 21 January
//! 2023) pinned as tests. The articles are quoted in docs/datasets/tm-2023.md.

use super::{analysis, close, consented_by, s, steps};
use bilik::model::{Alignment, Confidence, Dataset, EdgeKind, Power, Role, StepRole};

fn dataset() -> Dataset {
    super::dataset("tm-2023")
}

fn has_edge(d: &Dataset, from: &str, to: &str, kind: EdgeKind) -> bool {
    d.edges
        .iter()
        .any(|e| e.from == from && e.to == to && e.kind == kind)
}

#[test]
fn the_president_is_elected_directly_for_seven_years_and_heads_the_executive() {
    // Art. 68, 70: head of state and of the executive; no separate head of government.
    let d = dataset();
    let p = d.head_of_state().unwrap();
    assert_eq!(p.id, "president");
    assert_eq!(p.term_years, Some(7.0));
    assert_eq!(
        steps(&d, "president", "election"),
        vec![s("electorate", StepRole::Elect)]
    );
    assert!(
        !d.bodies
            .iter()
            .any(|b| b.role == Some(Role::HeadOfGovernment))
    );
}

#[test]
fn there_is_no_body_of_constitutional_review() {
    // Codebook R30: no constitutional court; no headline body; no `reviews` edge.
    let d = dataset();
    assert!(
        !d.bodies
            .iter()
            .any(|b| b.role == Some(Role::ConstitutionalReview))
    );
    assert!(!d.edges.iter().any(|e| e.kind == EdgeKind::Reviews));
}

#[test]
fn the_mejlis_is_unicameral_125_seats_elected_in_districts() {
    let d = dataset();
    let m = d.body("mejlis").unwrap();
    assert_eq!(m.seats, 125);
    assert_eq!(m.role, Some(Role::Legislature));
    assert_eq!(m.term_years, Some(5.0));
    assert_eq!(
        steps(&d, "mejlis", "districts"),
        vec![s("electorate", StepRole::Elect)]
    );
    assert!(d.default_principals().contains(&"mejlis".to_string()));
    assert!(
        !d.bodies
            .iter()
            .any(|b| matches!(b.role, Some(Role::UpperChamber | Role::LowerChamber)))
    );
}

#[test]
fn the_mejlis_cannot_be_dissolved_at_will_and_cannot_vote_no_confidence() {
    // Codebook R31 (art. 61 of the 2016 wording): dissolution only on a failure to form its
    // organs; no dissolution edge. R21: only executive_free_of_confidence.
    let d = dataset();
    assert!(!d.edges.iter().any(|e| matches!(
        e.kind,
        EdgeKind::Dissolve | EdgeKind::DissolveOnRefusal | EdgeKind::NoConfidence
    )));
    assert_eq!(
        d.body("mejlis")
            .unwrap()
            .alignment
            .keys()
            .copied()
            .collect::<Vec<_>>(),
        vec![Alignment::ExecutiveFreeOfConfidence]
    );
}

#[test]
fn the_president_appoints_and_dismisses_all_judges() {
    // Art. 100; the Chair of the Supreme Court with the Mejlis's consent (art. 71, 81(11)).
    let d = dataset();
    assert_eq!(
        steps(&d, "supreme_court", "judges"),
        vec![s("president", StepRole::Appoint)]
    );
    assert_eq!(
        steps(&d, "supreme_court", "chair"),
        vec![
            s("president", StepRole::Appoint),
            s("mejlis", StepRole::Consent)
        ]
    );
    assert_eq!(
        steps(&d, "local_courts", "judges"),
        vec![s("president", StepRole::Appoint)]
    );
    for body in ["supreme_court", "local_courts"] {
        assert!(
            has_edge(&d, "president", body, EdgeKind::DismissAtWill),
            "{body}"
        );
    }
    assert!(
        !d.bodies
            .iter()
            .any(|b| b.role == Some(Role::JudicialCouncil))
    );
}

#[test]
fn the_president_controls_95_percent_of_the_supreme_court() {
    // 9 judges alone, the Chair half his with the Mejlis (a principal) holding the other half.
    let d = dataset();
    let a = analysis(&d);
    let p = a.body("supreme_court").unwrap().control_of("president");
    assert!(close(p, 0.95), "{p}");
}

#[test]
fn the_mejlis_consents_to_four_of_the_presidents_picks() {
    // Art. 81(11) of the 2016 wording: the Chair of the Supreme Court, the Prosecutor General,
    // the ministers of internal affairs and of justice; the election commission's Chair (Law "On
    // the Central Commission" of 2011 art. 4(1); corrected at the second check: the Mejlis
    // approves the Chair only, the President forms the rest of the fifteen).
    let d = dataset();
    assert_eq!(
        consented_by(&d, "mejlis"),
        vec![
            "cabinet_of_ministers/interior_and_justice",
            "central_election_commission/chair",
            "prosecutor_general/appointment",
            "supreme_court/chair"
        ]
    );
    assert_eq!(
        d.body("cabinet_of_ministers")
            .unwrap()
            .channel("ministers")
            .unwrap()
            .seats,
        18
    );
}

#[test]
fn the_halk_maslahaty_chair_is_appointed_by_the_president() {
    // Constitutional Law "On the Halk Maslahaty" art. 3(1), as reported (NCA).
    let d = dataset();
    let hm = d.body("halk_maslahaty").unwrap();
    assert_eq!(hm.confidence, Confidence::Low);
    assert_eq!(
        steps(&d, "halk_maslahaty", "chair"),
        vec![s("president", StepRole::Appoint)]
    );
    assert_eq!(hm.channels.iter().map(|c| c.seats).sum::<u32>(), hm.seats);
}

#[test]
fn the_ombudsman_is_elected_by_the_mejlis_on_the_presidents_proposal() {
    let d = dataset();
    assert_eq!(
        steps(&d, "ombudsman", "election"),
        vec![
            s("president", StepRole::Nominate),
            s("mejlis", StepRole::Elect)
        ]
    );
    assert_eq!(d.body("ombudsman").unwrap().term_years, Some(5.0));
}

#[test]
fn the_presidents_powers_and_the_suspensive_veto() {
    // R22: emergency (art. 71) and judges appointed and dismissed by him (art. 100).
    let d = dataset();
    assert_eq!(
        d.body("president")
            .unwrap()
            .powers
            .keys()
            .copied()
            .collect::<Vec<_>>(),
        vec![Power::EmergencyPowers, Power::PresidesJudicialDiscipline]
    );
    assert!(has_edge(&d, "president", "mejlis", EdgeKind::Vetoes));
    let o = d
        .edges
        .iter()
        .find(|e| e.from == "mejlis" && e.kind == EdgeKind::Overrides)
        .unwrap();
    assert!(o.threshold.as_deref().unwrap().contains("two thirds"));
}

#[test]
fn statutory_heads_are_low_confidence_presidential_appointees() {
    let d = dataset();
    for body in ["central_bank", "supreme_control_chamber"] {
        let b = d.body(body).unwrap();
        assert_eq!(b.confidence, Confidence::Low, "{body}");
        assert_eq!(
            steps(&d, body, "chair"),
            vec![s("president", StepRole::Appoint)]
        );
    }
}

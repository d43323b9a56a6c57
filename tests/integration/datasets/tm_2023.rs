//! Legal facts of data/tm-2023.ron (Turkmenistan after the Constitutional Law of 21 January
//! 2023) pinned as tests. The articles are quoted in docs/datasets/tm-2023.md, from the Turkmen
//! text of the 2023 wording and its Russian translation.

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
    // Codebook R31 (art. 79): dissolution by referendum, by itself, or by the President only on
    // a failure to form its organs within six months; no dissolution edge. R21: no party bar on
    // the President (art. 68-76, 73) and no confidence vote: a = 2/5, on the local councils too.
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
        vec![
            Alignment::HeadMayLeadParty,
            Alignment::ExecutiveFreeOfConfidence
        ]
    );
    assert_eq!(
        d.body("local_councils").unwrap().alignment.len(),
        2,
        "local councils: party leadership and the hakims (art. 112)"
    );
}

#[test]
fn the_president_appoints_and_dismisses_all_judges() {
    // Art. 100; the Chair of the Supreme Court with the Mejlis's consent (art. 71(16), 81(7)).
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
    // Art. 71(16), 81(7): the Chair of the Supreme Court, the Prosecutor General, the ministers
    // of internal affairs and of justice; the election commission's Chair (Law "On the Central
    // Commission" of 2011 art. 4(1); the Mejlis approves the Chair only, the President forms the
    // rest of the fifteen, Constitution art. 71(12)).
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
fn the_president_forms_the_election_commission_and_may_change_it() {
    // Art. 71(12): "образует Центральную комиссию ... вносит изменения в её состав".
    let d = dataset();
    assert_eq!(
        steps(&d, "central_election_commission", "members"),
        vec![s("president", StepRole::Appoint)]
    );
    assert!(has_edge(
        &d,
        "president",
        "central_election_commission",
        EdgeKind::DismissAtWill
    ));
}

#[test]
fn the_hakims_answer_to_the_president_and_the_prosecutor_general_to_no_one() {
    // Art. 112: appointed, released by and accountable to the President. Art. 129-133 state no
    // accountability of the Prosecutor General (the 2016-based edge was removed).
    let d = dataset();
    assert!(has_edge(
        &d,
        "president",
        "hakims",
        EdgeKind::HoldsToAccount
    ));
    assert!(has_edge(&d, "president", "hakims", EdgeKind::DismissAtWill));
    assert!(
        !d.edges
            .iter()
            .any(|e| e.to == "prosecutor_general" && e.kind == EdgeKind::HoldsToAccount)
    );
}

#[test]
fn the_ombudsman_is_elected_by_the_mejlis_on_the_presidents_proposal() {
    // Art. 71(17), 81(8).
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
    // R22: emergency (art. 71(19)) and judges appointed and dismissed by him (art. 100); his
    // acts are binding (art. 72) and law-making is only delegated (art. 82): no decree power.
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

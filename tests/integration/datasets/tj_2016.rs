//! Legal facts of data/tj-2016.ron (Tajikistan, the 1994 Constitution as amended by the
//! referendum of 22 May 2016) pinned as tests. The articles are quoted in docs/datasets/tj-2016.md.

use super::{analysis, close, consented_by, s, steps};
use bilik::model::{Alignment, Dataset, EdgeKind, Power, Role, StepRole};

fn dataset() -> Dataset {
    super::dataset("tj-2016")
}

fn has_edge(d: &Dataset, from: &str, to: &str, kind: EdgeKind) -> bool {
    d.edges
        .iter()
        .any(|e| e.from == from && e.to == to && e.kind == kind)
}

#[test]
fn the_president_is_elected_directly_for_seven_years_and_may_lead_a_party() {
    // Art. 64-66, 68.
    let d = dataset();
    let p = d.head_of_state().unwrap();
    assert_eq!(p.id, "president");
    assert_eq!(p.term_years, Some(7.0));
    assert!(!p.non_partisan, "art. 68 bars no party membership");
    assert_eq!(
        steps(&d, "president", "election"),
        vec![s("electorate", StepRole::Elect)]
    );
}

#[test]
fn a_quarter_of_the_majlisi_milli_is_appointed_by_the_president() {
    // Art. 49: three quarters elected by the local majlises' deputies, one quarter appointed.
    let d = dataset();
    let mm = d.body("majlisi_milli").unwrap();
    assert_eq!(mm.seats, 33);
    assert_eq!(mm.role, Some(Role::UpperChamber));
    assert_eq!(mm.channel("elected").unwrap().seats, 25);
    assert_eq!(mm.channel("presidential_quota").unwrap().seats, 8);
    assert_eq!(
        steps(&d, "majlisi_milli", "elected"),
        vec![s("local_majlises", StepRole::Elect)]
    );
    assert_eq!(
        steps(&d, "majlisi_milli", "presidential_quota"),
        vec![s("president", StepRole::Appoint)]
    );
}

#[test]
fn the_majlisi_namoyandagon_is_elected_directly_and_is_a_principal() {
    // Art. 49(1): universal, equal and direct suffrage; 63 deputies (22 list + 41 districts).
    let d = dataset();
    let mn = d.body("majlisi_namoyandagon").unwrap();
    assert_eq!(mn.seats, 63);
    assert_eq!(mn.channel("party_list").unwrap().seats, 22);
    assert_eq!(mn.channel("districts").unwrap().seats, 41);
    assert!(
        d.default_principals()
            .contains(&"majlisi_namoyandagon".to_string())
    );
    assert!(
        !d.default_principals()
            .contains(&"majlisi_milli".to_string())
    );
}

#[test]
fn the_majlisi_milli_elects_every_constitutional_court_judge_on_the_presidents_proposal() {
    // Art. 56, 69, 89: seven judges, elected and recalled on the President's proposal.
    let d = dataset();
    let cc = d.body("constitutional_court").unwrap();
    assert_eq!(cc.seats, 7);
    assert_eq!(cc.term_years, Some(10.0));
    assert_eq!(cc.channels.len(), 1);
    assert_eq!(
        steps(&d, "constitutional_court", "judges"),
        vec![
            s("president", StepRole::Nominate),
            s("majlisi_milli", StepRole::Elect)
        ]
    );
    for body in ["supreme_court", "higher_economic_court"] {
        assert_eq!(
            steps(&d, body, "chair_and_judges"),
            vec![
                s("president", StepRole::Nominate),
                s("majlisi_milli", StepRole::Elect)
            ],
            "{body}"
        );
    }
    // The recall ("отзыв") runs from the Majlisi milli, at will, with a for-cause reading.
    let e = d
        .edges
        .iter()
        .find(|e| e.from == "majlisi_milli" && e.to == "constitutional_court")
        .unwrap();
    assert_eq!(e.kind, EdgeKind::DismissAtWill);
    assert_eq!(e.alternatives[0].id, "tj_high_judges_recall_for_cause");
}

#[test]
fn the_president_controls_62_percent_of_the_constitutional_court() {
    // Half of each seat by his proposal, and 8/33 of the Majlisi milli's half.
    let d = dataset();
    let a = analysis(&d);
    let p = a
        .body("constitutional_court")
        .unwrap()
        .control_of("president");
    let expected = 0.5 + 0.5 * 8.0 / 33.0;
    assert!(close(p, expected), "{p} vs {expected}");
    assert!((p - 0.621).abs() < 0.001, "{p}");
}

#[test]
fn the_prime_minister_and_ministers_need_both_chambers_approval() {
    // Art. 69: decrees on the Prime Minister and members of the Government go to the joint
    // sitting; no vote of no confidence exists.
    let d = dataset();
    for (body, channel) in [("prime_minister", "appointment"), ("government", "members")] {
        assert_eq!(
            steps(&d, body, channel),
            vec![
                s("president", StepRole::Appoint),
                s("majlisi_namoyandagon", StepRole::Consent),
                s("majlisi_milli", StepRole::Consent)
            ],
            "{body}"
        );
        assert!(has_edge(&d, "president", body, EdgeKind::DismissAtWill));
    }
    assert!(!d.edges.iter().any(|e| e.kind == EdgeKind::NoConfidence));
}

#[test]
fn the_prosecutor_general_is_appointed_with_the_majlisi_millis_consent_and_accountable_to_both() {
    // Art. 56, 69, 94-97.
    let d = dataset();
    let pg = d.body("prosecutor_general").unwrap();
    assert_eq!(pg.term_years, Some(5.0));
    assert!(pg.independent && pg.non_partisan);
    assert_eq!(
        steps(&d, "prosecutor_general", "appointment"),
        vec![
            s("president", StepRole::Appoint),
            s("majlisi_milli", StepRole::Consent)
        ]
    );
    assert!(has_edge(
        &d,
        "majlisi_milli",
        "prosecutor_general",
        EdgeKind::HoldsToAccount
    ));
    assert!(has_edge(
        &d,
        "president",
        "prosecutor_general",
        EdgeKind::HoldsToAccount
    ));
    assert_eq!(
        consented_by(&d, "majlisi_milli"),
        vec![
            "government/members",
            "prime_minister/appointment",
            "prosecutor_general/appointment"
        ]
    );
}

#[test]
fn the_president_appoints_and_dismisses_the_other_judges_and_no_judicial_council_exists() {
    // Art. 86.
    let d = dataset();
    assert_eq!(
        steps(&d, "local_courts", "judges"),
        vec![s("president", StepRole::Appoint)]
    );
    assert!(has_edge(
        &d,
        "president",
        "local_courts",
        EdgeKind::DismissAtWill
    ));
    assert!(
        !d.bodies
            .iter()
            .any(|b| b.role == Some(Role::JudicialCouncil))
    );
}

#[test]
fn no_dissolution_and_impeachment_only_for_treason_by_two_thirds() {
    // Art. 72; no clause of the text read gives a power of dissolution.
    let d = dataset();
    assert!(
        !d.edges
            .iter()
            .any(|e| matches!(e.kind, EdgeKind::Dissolve | EdgeKind::DissolveOnRefusal))
    );
    for chamber in ["majlisi_milli", "majlisi_namoyandagon"] {
        let e = d
            .edges
            .iter()
            .find(|e| e.from == chamber && e.to == "president" && e.kind == EdgeKind::Impeach)
            .unwrap();
        assert!(e.threshold.as_deref().unwrap().contains("two thirds"));
    }
}

#[test]
fn alignment_and_powers() {
    // Codebook R21-R22: no party bar (art. 68), no confidence vote (art. 69, 74); emergency
    // measures approved afterwards by the joint sitting (art. 69); the President himself appoints
    // and releases the lower judges (art. 86), read as tm-2023 reads its art. 100 (R20; changed at
    // the second check).
    let d = dataset();
    assert_eq!(
        d.body("majlisi_namoyandagon")
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
        d.body("president")
            .unwrap()
            .powers
            .keys()
            .copied()
            .collect::<Vec<_>>(),
        vec![Power::EmergencyPowers, Power::PresidesJudicialDiscipline]
    );
}

#[test]
fn the_statutory_bodies_are_marked_low_confidence() {
    // The Accounts Chamber and the Commissioner are not in the Constitution.
    let d = dataset();
    for body in ["accounts_chamber", "human_rights_commissioner"] {
        let b = d.body(body).unwrap();
        assert_eq!(b.confidence, bilik::model::Confidence::Low, "{body}");
        assert_eq!(
            steps(&d, body, b.channels[0].id.as_str()),
            vec![
                s("president", StepRole::Nominate),
                s("majlisi_namoyandagon", StepRole::Elect)
            ],
            "{body}"
        );
    }
}

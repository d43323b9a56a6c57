//! Legal facts of data/us.ron (the United States federal system) pinned as tests.

use super::{analysis, close, s, steps};
use bilik::analysis::{Options, analyze};
use bilik::model::{Alignment, Confidence, Dataset, EdgeKind, Power, Role, StepRole};

fn dataset() -> Dataset {
    super::dataset("us")
}

fn edge<'a>(
    d: &'a Dataset,
    from: &str,
    to: &str,
    kind: EdgeKind,
) -> Option<&'a bilik::model::Edge> {
    d.edges
        .iter()
        .find(|e| e.from == from && e.to == to && e.kind == kind)
}

/// "The President nominates, and by and with the Advice and Consent of the Senate, shall
/// appoint" (Art. II s.2 cl.2).
fn advice_and_consent() -> Vec<(String, StepRole)> {
    vec![
        s("president", StepRole::Appoint),
        s("senate", StepRole::Consent),
    ]
}

#[test]
fn the_president_is_the_only_head_of_state_and_the_supreme_court_does_constitutional_review() {
    let d = dataset();
    let heads: Vec<&str> = d
        .bodies
        .iter()
        .filter(|b| b.role == Some(Role::HeadOfState))
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(heads, vec!["president"]);
    assert_eq!(d.body("president").unwrap().term_years, Some(4.0));
    assert_eq!(
        steps(&d, "president", "election"),
        vec![s("electorate", StepRole::Elect)],
        "the Electoral College is modelled as chosen by the voters"
    );
    let court = d.body("supreme_court").unwrap();
    assert_eq!(court.role, Some(Role::ConstitutionalReview));
    assert_eq!(court.seats, 9);
    assert!(court.independent);
    let ag = d.body("attorney_general").unwrap();
    assert_eq!(ag.role, Some(Role::Prosecution));
    assert!(
        !ag.independent,
        "the Attorney General serves at the President's pleasure"
    );
}

#[test]
fn justices_and_judges_are_appointed_with_senate_consent_and_removed_only_by_impeachment() {
    let d = dataset();
    let a = analysis(&d);
    for (body, channel) in [("supreme_court", "justices"), ("federal_judges", "judges")] {
        assert_eq!(steps(&d, body, channel), advice_and_consent(), "{body}");
        let b = a.body(body).unwrap();
        assert!(close(b.control_of("president"), 0.5), "{body}");
        assert!(close(b.control_of("senate"), 0.5), "{body}");
        assert_eq!(b.vetoes, vec!["senate".to_string()], "{body}");
        assert!(b.removable_at_will_by.is_empty(), "{body}");
        assert!(
            edge(&d, "house", body, EdgeKind::Impeach).is_some(),
            "{body}"
        );
        assert!(
            edge(&d, "senate", body, EdgeKind::Impeach).is_some(),
            "{body}"
        );
        assert!(
            !d.edges.iter().any(|e| e.to == body
                && matches!(e.kind, EdgeKind::DismissAtWill | EdgeKind::DismissForCause)),
            "{body}: tenure during good behaviour"
        );
    }
}

#[test]
fn the_presidents_share_of_the_supreme_court_moves_with_the_consent_weight() {
    let d = dataset();
    let mut options = Options::of(&d);
    options.weights.consent = 0.25;
    let a = analyze(&d, &options).unwrap();
    let control = a.body("supreme_court").unwrap().control_of("president");
    assert!(close(control, 0.8), "{control}");
}

#[test]
fn congress_is_elected_cannot_be_dissolved_and_overrides_vetoes_by_two_thirds() {
    let d = dataset();
    let senate = d.body("senate").unwrap();
    assert_eq!((senate.seats, senate.term_years), (100, Some(6.0)));
    let house = d.body("house").unwrap();
    assert_eq!((house.seats, house.term_years), (435, Some(2.0)));
    for chamber in ["senate", "house"] {
        assert_eq!(
            steps(&d, chamber, "election"),
            vec![s("electorate", StepRole::Elect)]
        );
        assert!(
            edge(&d, "president", chamber, EdgeKind::Vetoes).is_some(),
            "{chamber}"
        );
        let o = edge(&d, chamber, "president", EdgeKind::Overrides).unwrap();
        assert!(o.threshold.as_deref().unwrap().contains("2/3"), "{chamber}");
    }
    assert!(
        !d.edges.iter().any(|e| e.kind == EdgeKind::Dissolve),
        "no dissolution of Congress"
    );
    let principals = d.principals();
    for p in ["electorate", "president", "senate", "house"] {
        assert!(principals.iter().any(|x| x == p), "{p}");
    }
}

#[test]
fn the_cabinet_the_attorney_general_and_inspectors_general_serve_at_the_presidents_pleasure() {
    let d = dataset();
    let a = analysis(&d);
    assert_eq!(d.body("government").unwrap().seats, 15);
    assert_eq!(
        steps(&d, "government", "department_heads"),
        advice_and_consent()
    );
    assert_eq!(
        steps(&d, "attorney_general", "appointment"),
        advice_and_consent()
    );
    assert_eq!(
        steps(&d, "inspectors_general", "establishment_igs"),
        advice_and_consent()
    );
    for body in ["government", "attorney_general", "inspectors_general"] {
        assert!(
            edge(&d, "president", body, EdgeKind::DismissAtWill).is_some(),
            "{body}"
        );
        assert_eq!(
            a.body(body).unwrap().removable_at_will_by,
            vec!["president".to_string()],
            "{body}"
        );
    }
    let ig = edge(
        &d,
        "president",
        "inspectors_general",
        EdgeKind::DismissAtWill,
    )
    .unwrap();
    assert!(ig.threshold.as_deref().unwrap().contains("30 days"));
    assert!(a.flags.iter().any(|f| f.rule == "appoint_dismiss_at_will"
        && f.body == "inspectors_general"
        && f.actor.as_deref() == Some("president")));
}

#[test]
fn the_comptroller_general_is_recommended_by_congress_and_removable_only_by_congress() {
    let d = dataset();
    let gao = d.body("gao").unwrap();
    assert_eq!(gao.role, Some(Role::Audit));
    assert_eq!(gao.term_years, Some(15.0));
    assert_eq!(
        steps(&d, "gao", "comptroller_general"),
        vec![
            s("house", StepRole::Recommend),
            s("senate", StepRole::Recommend),
            s("president", StepRole::Appoint),
            s("senate", StepRole::Consent),
        ]
    );
    assert!(edge(&d, "president", "gao", EdgeKind::DismissAtWill).is_none());
    assert!(edge(&d, "president", "gao", EdgeKind::DismissForCause).is_none());
    assert!(edge(&d, "house", "gao", EdgeKind::DismissForCause).is_some());
    assert!(edge(&d, "senate", "gao", EdgeKind::DismissForCause).is_some());
    let a = analysis(&d);
    let b = a.body("gao").unwrap();
    assert!(close(b.control_of("president"), 0.4));
    assert!(close(b.control_of("senate"), 0.5));
    assert!(close(b.control_of("house"), 0.1));
}

#[test]
fn fec_party_balance_is_not_non_partisanship_and_its_removal_is_contested() {
    let d = dataset();
    let fec = d.body("fec").unwrap();
    assert_eq!((fec.seats, fec.term_years), (6, Some(6.0)));
    assert_eq!(fec.role, Some(Role::Elections));
    assert!(fec.independent);
    assert!(
        !fec.non_partisan,
        "at most 3 of one party is balance, not a party ban"
    );
    assert_eq!(steps(&d, "fec", "commissioners"), advice_and_consent());
    let removal = edge(&d, "president", "fec", EdgeKind::DismissAtWill).unwrap();
    assert_eq!(removal.confidence, Confidence::Low);
    let a = analysis(&d);
    assert!(a.flags.iter().any(|f| f.rule == "appoint_dismiss_at_will"
        && f.body == "fec"
        && f.actor.as_deref() == Some("president")));
    // Humphrey's Executor, Wiener, FEC v. NRA Political Victory Fund: the for-cause reading.
    assert_eq!(removal.alternatives.len(), 1);
    let alt = &removal.alternatives[0];
    assert_eq!(alt.id, "fec_removal_for_cause");
    assert_eq!(alt.change.kind, Some(EdgeKind::DismissForCause));
    assert!(alt.source.contains("295 U.S. 602"), "{}", alt.source);
    let read = d
        .with_alternatives(&["fec_removal_for_cause".to_string()])
        .unwrap();
    let a = analysis(&read);
    assert!(
        !a.flags
            .iter()
            .any(|f| f.rule == "appoint_dismiss_at_will" && f.body == "fec")
    );
}

#[test]
fn senate_consent_is_a_majority_of_those_voting_by_practice() {
    // Art. I s.5 cl.2 and the Senate's rules: a simple-majority veto, s = 1, on every consent.
    let d = dataset();
    let mut n = 0;
    for b in &d.bodies {
        for c in &b.channels {
            for st in c.steps.iter().filter(|st| st.role == StepRole::Consent) {
                assert_eq!(st.actor, "senate", "{}/{}", b.id, c.id);
                let v = st
                    .vote
                    .as_ref()
                    .unwrap_or_else(|| panic!("{}/{}", b.id, c.id));
                assert!(v.to_string().contains("cast"), "{v}");
                assert!(close(st.veto_strength(), 1.0));
                assert!(st.note.contains("practice"), "{}", st.note);
                n += 1;
            }
        }
    }
    assert_eq!(n, 9);
    let mut ids: Vec<String> = d
        .contested()
        .iter()
        .flat_map(|c| c.readings.iter().map(|r| r.id.clone()))
        .collect();
    ids.sort();
    assert_eq!(ids, ["fec_removal_for_cause", "gao_list_binding"]);
}

#[test]
fn congress_alignment_and_the_presidents_powers() {
    // Codebook R21-R22: no dissolution, staggered or partial renewals, no imperative mandate;
    // emergency powers by statute only.
    let d = dataset();
    for chamber in ["senate", "house"] {
        assert_eq!(
            d.body(chamber)
                .unwrap()
                .alignment
                .keys()
                .copied()
                .collect::<Vec<_>>(),
            vec![
                Alignment::HeadMayLeadParty,
                Alignment::ExecutiveFreeOfConfidence
            ],
            "{chamber}"
        );
    }
    let p = &d.body("president").unwrap().powers;
    assert_eq!(
        p.keys().copied().collect::<Vec<_>>(),
        vec![Power::EmergencyPowers]
    );
    assert!(p[&Power::EmergencyPowers].contains("50 U.S.C."));
}

#[test]
fn fed_governors_are_removable_only_for_cause_and_the_chair_is_a_channel_of_its_own() {
    let d = dataset();
    let fed = d.body("federal_reserve_board").unwrap();
    assert_eq!((fed.seats, fed.term_years), (7, Some(14.0)));
    assert_eq!(fed.role, Some(Role::CentralBank));
    assert_eq!(fed.channel("chair").unwrap().seats, 1);
    assert_eq!(fed.channel("governors").unwrap().seats, 6);
    assert_eq!(
        steps(&d, "federal_reserve_board", "chair"),
        advice_and_consent()
    );
    let cause = edge(
        &d,
        "president",
        "federal_reserve_board",
        EdgeKind::DismissForCause,
    )
    .unwrap();
    assert_eq!(
        cause.confidence,
        Confidence::Low,
        "Trump v. Cook is undecided"
    );
    assert!(
        edge(
            &d,
            "president",
            "federal_reserve_board",
            EdgeKind::DismissAtWill
        )
        .is_none()
    );
    let a = analysis(&d);
    assert!(
        a.body("federal_reserve_board")
            .unwrap()
            .removable_at_will_by
            .is_empty()
    );
}

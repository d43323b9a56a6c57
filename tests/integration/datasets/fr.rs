//! Legal facts of data/fr.ron (France, the Constitution of 4 October 1958 as amended) pinned as
//! tests.

use super::{analysis, close, s, steps};
use bilik::analysis::{Options, analyze};
use bilik::model::{Alignment, Dataset, EdgeKind, Power, Role, StepRole};

fn dataset() -> Dataset {
    super::dataset("fr")
}

fn has_edge(d: &Dataset, from: &str, to: &str, kind: EdgeKind) -> bool {
    d.edges
        .iter()
        .any(|e| e.from == from && e.to == to && e.kind == kind)
}

/// Seats of `body` whose candidate `actor` picks (the first step of the channel).
fn seats_picked_by(d: &Dataset, body: &str, actor: &str) -> u32 {
    d.body(body)
        .unwrap()
        .channels
        .iter()
        .filter(|c| c.steps[0].actor == actor)
        .map(|c| c.seats)
        .sum()
}

#[test]
fn the_president_appoints_the_prime_minister_alone_and_the_assembly_can_censure() {
    let d = dataset();
    let heads: Vec<&str> = d
        .bodies
        .iter()
        .filter(|b| b.role == Some(Role::HeadOfState))
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(heads, vec!["president"]);
    assert_eq!(d.body("president").unwrap().term_years, Some(5.0));
    assert_eq!(
        steps(&d, "prime_minister", "appointment"),
        vec![s("president", StepRole::Appoint)],
        "no investiture vote (Art. 8, 49)"
    );
    assert_eq!(
        steps(&d, "government", "ministers"),
        vec![
            s("prime_minister", StepRole::Nominate),
            s("president", StepRole::Appoint)
        ]
    );
    for body in ["government", "prime_minister"] {
        assert!(
            has_edge(&d, "national_assembly", body, EdgeKind::NoConfidence),
            "{body}"
        );
        assert!(
            !has_edge(&d, "senate", body, EdgeKind::NoConfidence),
            "{body}"
        );
    }
}

#[test]
fn only_the_national_assembly_can_be_dissolved_and_not_under_threat() {
    let d = dataset();
    let dissolutions: Vec<(&str, &str, Option<u32>)> = d
        .edges
        .iter()
        .filter(|e| e.kind == EdgeKind::Dissolve)
        .map(|e| (e.from.as_str(), e.to.as_str(), e.after_refusals))
        .collect();
    assert_eq!(dissolutions, vec![("president", "national_assembly", None)]);
    // Art. 12 para. 4, 16 para. 5, 7 para. 11: the bars, recorded apart from the figures.
    let e = d
        .edges
        .iter()
        .find(|e| e.kind == EdgeKind::Dissolve)
        .unwrap();
    assert!(
        e.bars.contains("Art. 12 para. 4") && e.bars.contains("Art. 16"),
        "{}",
        e.bars
    );
    assert!(
        !d.edges
            .iter()
            .any(|e| e.kind == EdgeKind::DissolveOnRefusal)
    );
    let a = analysis(&d);
    assert!(a.flags.iter().any(|f| f.rule == "dissolves_elected_body"
        && f.body == "national_assembly"
        && f.actor.as_deref() == Some("president")));
    assert!(!a.flags.iter().any(|f| f.rule == "consent_under_threat"));
}

#[test]
fn the_senate_is_elected_by_the_local_councils_which_the_voters_elect() {
    let d = dataset();
    let senate = d.body("senate").unwrap();
    assert_eq!((senate.seats, senate.term_years), (348, Some(6.0)));
    assert_eq!(
        steps(&d, "senate", "election"),
        vec![s("local_councils", StepRole::Elect)]
    );
    assert_eq!(
        steps(&d, "local_councils", "local_elections"),
        vec![s("electorate", StepRole::Elect)]
    );
    assert_eq!(d.body("national_assembly").unwrap().seats, 577);
    assert!(d.principals().iter().any(|p| p == "local_councils"));
    let a = analysis(&d);
    assert!(close(
        a.body("senate").unwrap().control_of("local_councils"),
        1.0
    ));
}

#[test]
fn the_conseil_constitutionnel_is_three_plus_three_plus_three_under_the_article_13_veto() {
    let d = dataset();
    let cc = d.body("constitutional_court").unwrap();
    assert_eq!(cc.role, Some(Role::ConstitutionalReview));
    assert_eq!((cc.seats, cc.term_years), (9, Some(9.0)));
    assert_eq!(seats_picked_by(&d, "constitutional_court", "president"), 3);
    assert_eq!(
        seats_picked_by(&d, "constitutional_court", "president_of_national_assembly"),
        3
    );
    assert_eq!(
        seats_picked_by(&d, "constitutional_court", "president_of_senate"),
        3
    );
    // The President of the Conseil: named by the President of the Republic (Art. 56 para. 3).
    assert_eq!(cc.channel("president_of_council").unwrap().seats, 1);
    assert_eq!(
        steps(&d, "constitutional_court", "president_of_council"),
        vec![
            s("president", StepRole::Appoint),
            s("art13_committees", StepRole::Consent)
        ]
    );
    assert_eq!(
        steps(&d, "constitutional_court", "na_president_appointees"),
        vec![
            s("president_of_national_assembly", StepRole::Appoint),
            s("national_assembly", StepRole::Consent)
        ]
    );
    // Art. 13 last para.: blocked only by three fifths of the votes cast against: s = 0.8.
    for c in &cc.channels {
        let veto = c
            .steps
            .iter()
            .find(|st| st.role == StepRole::Consent)
            .unwrap();
        assert!(
            veto.threshold.as_deref().unwrap().contains("3/5"),
            "{}",
            c.id
        );
        assert!(close(veto.veto_strength(), 0.8), "{}", c.id);
    }
    assert!(
        !d.edges.iter().any(|e| e.to == "constitutional_court"
            && matches!(e.kind, EdgeKind::DismissAtWill | EdgeKind::DismissForCause)),
        "no outside body can remove a member"
    );
    let a = analysis(&d);
    let president = a
        .body("constitutional_court")
        .unwrap()
        .control_of("president");
    // Each of his three seats: 1 / (1 + 0.8) = 5/9.
    assert!(close(president, 5.0 / 27.0), "{president}");
    let mut options = Options::of(&d);
    options.weights.consent = 0.25;
    let weak_veto = analyze(&d, &options).unwrap();
    let president = weak_veto
        .body("constitutional_court")
        .unwrap()
        .control_of("president");
    assert!(close(president, 5.0 / 18.0), "{president}");
}

#[test]
fn who_may_refer_to_the_conseil_constitutionnel() {
    let d = dataset();
    for from in [
        "president",
        "prime_minister",
        "president_of_national_assembly",
        "president_of_senate",
        "national_assembly",
        "senate",
        "conseil_detat",
        "supreme_court",
    ] {
        assert!(
            has_edge(&d, from, "constitutional_court", EdgeKind::Petitions),
            "{from}"
        );
    }
    for to in ["national_assembly", "senate", "president"] {
        assert!(
            has_edge(&d, "constitutional_court", to, EdgeKind::Reviews),
            "{to}"
        );
    }
}

#[test]
fn the_csm_has_22_members_mostly_magistrates_elected_by_their_peers() {
    let d = dataset();
    let csm = d.body("csm").unwrap();
    assert_eq!(csm.role, Some(Role::JudicialCouncil));
    assert_eq!(csm.seats, 22);
    assert_eq!(seats_picked_by(&d, "csm", "magistrates"), 12);
    assert_eq!(seats_picked_by(&d, "csm", "president"), 2);
    assert_eq!(
        seats_picked_by(&d, "csm", "president_of_national_assembly"),
        2
    );
    assert_eq!(seats_picked_by(&d, "csm", "president_of_senate"), 2);
    for actor in ["supreme_court", "prosecution", "conseil_detat", "bar"] {
        assert_eq!(seats_picked_by(&d, "csm", actor), 1, "{actor}");
    }
    let a = analysis(&d);
    let b = a.body("csm").unwrap();
    assert!(b.control_of("magistrates") > 0.5);
    let president = b.control_of("president");
    assert!(president > 0.15 && president < 0.20, "{president}");
    // The CSM disciplines judges; the Minister of Justice disciplines prosecutors.
    assert!(has_edge(&d, "csm", "judiciary", EdgeKind::DismissForCause));
    assert!(has_edge(
        &d,
        "government",
        "prosecution",
        EdgeKind::DismissForCause
    ));
    assert!(!d.body("prosecution").unwrap().independent);
}

#[test]
fn the_defenseur_des_droits_is_irrevocable_and_named_in_the_council_of_ministers() {
    let d = dataset();
    let ddd = d.body("human_rights_commissioner").unwrap();
    assert_eq!(ddd.role, Some(Role::Ombudsman));
    assert_eq!((ddd.seats, ddd.term_years), (1, Some(6.0)));
    assert_eq!(
        steps(&d, "human_rights_commissioner", "appointment"),
        vec![
            s("president", StepRole::Appoint),
            s("art13_committees", StepRole::Consent),
            s("government", StepRole::Consent),
        ]
    );
    assert!(!d.edges.iter().any(|e| e.to == "human_rights_commissioner"
        && matches!(
            e.kind,
            EdgeKind::DismissAtWill | EdgeKind::DismissForCause | EdgeKind::Impeach
        )));
    let a = analysis(&d);
    assert!(close(
        a.body("human_rights_commissioner")
            .unwrap()
            .control_of("president"),
        5.0 / 7.0
    ));
}

#[test]
fn the_article_13_hearing_read_as_an_opinion_is_one_choice_over_eight_posts() {
    let d = dataset();
    let contested = d.contested();
    let art13 = contested
        .iter()
        .find(|c| c.readings.iter().any(|r| r.id == "art13_as_recommendation"))
        .expect("art13_as_recommendation");
    assert_eq!(art13.targets.len(), 8);
    assert_eq!(art13.readings.len(), 1);
    let mut ids: Vec<&str> = contested
        .iter()
        .flat_map(|c| c.readings.iter().map(|r| r.id.as_str()))
        .collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "art13_as_recommendation",
            "csm_prosecutor_opinion_followed",
            "pm_dismissal_convention_only",
        ]
    );
    // Under that reading the President holds his Conseil seats as a recommendation-checked
    // pick: 1 / (1 + 0.25) of each.
    let read = d
        .with_alternatives(&["art13_as_recommendation".to_string()])
        .unwrap();
    let a = analysis(&read);
    let president = a
        .body("constitutional_court")
        .unwrap()
        .control_of("president");
    assert!(close(president, 3.0 * 0.8 / 9.0), "{president}");
}

#[test]
fn assembly_alignment_and_the_presidents_powers() {
    // Codebook R21-R22: Art. 12 dissolution, no bar on party leadership; Art. 16.
    let d = dataset();
    let na = &d.body("national_assembly").unwrap().alignment;
    assert_eq!(
        na.keys().copied().collect::<Vec<_>>(),
        vec![Alignment::HeadMayLeadParty, Alignment::DissolutionAtNoCost]
    );
    assert_eq!(d.body("local_councils").unwrap().alignment.len(), 1);
    let p = &d.body("president").unwrap().powers;
    assert_eq!(
        p.keys().copied().collect::<Vec<_>>(),
        vec![Power::EmergencyPowers]
    );
    assert!(p[&Power::EmergencyPowers].contains("Art. 16"));
}

#[test]
fn the_cour_des_comptes_is_headed_by_a_presidential_appointee_who_cannot_be_removed() {
    let d = dataset();
    let cdc = d.body("cour_des_comptes").unwrap();
    assert_eq!(cdc.role, Some(Role::Audit));
    assert!(cdc.independent);
    assert_eq!(
        steps(&d, "cour_des_comptes", "first_president"),
        vec![
            s("president", StepRole::Appoint),
            s("government", StepRole::Consent)
        ]
    );
    assert!(!d.edges.iter().any(|e| e.to == "cour_des_comptes"
        && matches!(e.kind, EdgeKind::DismissAtWill | EdgeKind::DismissForCause)));
    assert!(has_edge(
        &d,
        "cour_des_comptes",
        "government",
        EdgeKind::Audits
    ));
    let a = analysis(&d);
    assert!(close(
        a.body("cour_des_comptes").unwrap().control_of("president"),
        1.0
    ));
    assert!(a.flags.iter().any(|f| f.rule == "independent_majority"
        && f.body == "cour_des_comptes"
        && f.actor.as_deref() == Some("president")));
}

#[test]
fn the_president_is_removable_only_by_parliament_as_high_court_or_for_incapacity() {
    let d = dataset();
    assert!(has_edge(
        &d,
        "national_assembly",
        "president",
        EdgeKind::Impeach
    ));
    assert!(has_edge(&d, "senate", "president", EdgeKind::Impeach));
    assert!(has_edge(
        &d,
        "constitutional_court",
        "president",
        EdgeKind::DismissForCause
    ));
    assert!(
        !d.edges
            .iter()
            .any(|e| e.to == "president" && e.kind == EdgeKind::DismissAtWill)
    );
}

//! Legal facts of data/kz-2026.ron (Kazakhstan, Constitution of 2026) pinned as tests.

use super::close;
use bilik::analysis::{Options, analyze};
use bilik::model::{
    Alignment, Cover, Dataset, Edge, EdgeKind, Mandate, Power, Registration, StepRole,
};

/// The President's integrated control of the Supreme Court, 56.1% (70.2% while the merged
/// dissolution edge put the judges' election under threat).
const SC_PRESIDENT: f64 = 0.561_437;

fn dataset() -> Dataset {
    super::dataset("kz-2026")
}

/// The (actor, role) steps of a body's channel.
fn steps<'a>(d: &'a Dataset, body: &str, channel: &str) -> Vec<(&'a str, StepRole)> {
    d.body(body)
        .unwrap_or_else(|| panic!("no body {body}"))
        .channel(channel)
        .unwrap_or_else(|| panic!("no channel {body}.{channel}"))
        .steps
        .iter()
        .map(|s| (s.actor.as_str(), s.role))
        .collect()
}

fn edge<'a>(d: &'a Dataset, from: &str, kind: EdgeKind, to: &str) -> Option<&'a Edge> {
    d.edges
        .iter()
        .find(|e| e.from == from && e.kind == kind && e.to == to)
}

#[test]
fn kurultai_is_145_party_list_seats_with_an_imperative_mandate() {
    // Art. 53(1): 145 deputies by proportional representation; Art. 55(4) items 4-5: the
    // mandate is lost on leaving the party. No appointed seats.
    let d = dataset();
    let k = d.body("kurultai").unwrap();
    assert_eq!(k.seats, 145);
    assert_eq!(k.channels.len(), 1);
    let ch = &k.channels[0];
    assert_eq!(ch.seats, 145);
    assert_eq!(ch.mandate, Mandate::Imperative);
    assert_eq!(
        steps(&d, "kurultai", &ch.id),
        vec![
            ("political_parties", StepRole::Nominate),
            ("electorate", StepRole::Elect)
        ]
    );
    // Parties exist by permit of the Government (Ministry of Justice): statutory.
    let parties = d.body("political_parties").unwrap();
    assert_eq!(parties.registration, Some(Registration::Permit));
    assert_eq!(
        steps(&d, "political_parties", "registration"),
        vec![
            ("electorate", StepRole::Nominate),
            ("government", StepRole::Consent)
        ]
    );
}

#[test]
fn vice_president_prime_minister_and_kurultai_chair_are_presidential_picks_the_kurultai_ratifies() {
    let d = dataset();
    // Art. 46(2), 49(1): VP with the Kurultai's consent; released by the President at will.
    assert_eq!(
        steps(&d, "vice_president", "appointment"),
        vec![
            ("president", StepRole::Appoint),
            ("kurultai", StepRole::Consent)
        ]
    );
    assert!(edge(&d, "president", EdgeKind::DismissAtWill, "vice_president").is_some());
    // Art. 46(4): PM with the Kurultai's consent.
    assert_eq!(
        steps(&d, "prime_minister", "appointment"),
        vec![
            ("president", StepRole::Appoint),
            ("kurultai", StepRole::Consent)
        ]
    );
    // Art. 57(1): the Chair is nominated by the President and elected by the Kurultai.
    assert_eq!(
        steps(&d, "kurultai_chair", "election"),
        vec![
            ("president", StepRole::Nominate),
            ("kurultai", StepRole::Elect)
        ]
    );
}

#[test]
fn president_may_dissolve_the_kurultai_at_will_and_after_a_repeated_refusal() {
    // Art. 62(1): at will after consultations, barred by 62(3) and 51(3).
    let d = dataset();
    let at_will = edge(&d, "president", EdgeKind::Dissolve, "kurultai").expect("at will");
    assert!(at_will.source.contains("62(1)"), "{}", at_will.source);
    assert!(
        at_will.bars.contains("62(3)") && at_will.bars.contains("51(3)"),
        "{}",
        at_will.bars
    );
    assert_eq!(at_will.after_refusals, None);
    assert!(at_will.covers.is_empty());
    // Art. 62(2), 46(2), 46(4), 46(8), 57(1): after a repeated refusal of a consent or of the
    // Chair's election, under the same bars.
    let e = edge(&d, "president", EdgeKind::DissolveOnRefusal, "kurultai")
        .expect("dissolve on refusal");
    assert_eq!(e.after_refusals, Some(2));
    assert!(e.source.contains("62(2)"), "{}", e.source);
    assert!(e.bars.contains("62"), "{}", e.bars);
    assert_eq!(
        e.covers,
        vec![
            Cover::Role(StepRole::Consent),
            Cover::Channel {
                body: "kurultai_chair".to_string(),
                channel: "election".to_string()
            }
        ]
    );
    let a = analyze(&d, &Options::of(&d)).unwrap();
    for (body, channel) in [
        ("constitutional_court", "judges"),
        ("vice_president", "appointment"),
        ("prime_minister", "appointment"),
        ("kurultai_chair", "election"),
    ] {
        assert!(
            a.flags.iter().any(|f| f.rule == "consent_under_threat"
                && f.body == body
                && f.actor.as_deref() == Some("kurultai")
                && f.channel.as_deref() == Some(channel)),
            "no consent_under_threat flag on {body}.{channel}"
        );
    }
    // 62(2) does not name the Kurultai's elections of judges (Art. 56(10)).
    assert!(
        !a.flags
            .iter()
            .any(|f| f.rule == "consent_under_threat" && f.body == "supreme_court"),
        "the Supreme Court judges' election is not under threat"
    );
}

#[test]
fn constitutional_court_chair_by_the_president_alone_and_ten_judges_with_kurultai_consent() {
    // Art. 72(2)-(4), 46(5), 46(8), 56(9).
    let d = dataset();
    let court = d.body("constitutional_court").unwrap();
    assert_eq!(court.seats, 11);
    assert_eq!(court.term_years, Some(8.0));
    assert!(court.independent && court.non_partisan);
    assert_eq!(court.channel("chair").unwrap().seats, 1);
    assert_eq!(
        steps(&d, "constitutional_court", "chair"),
        vec![("president", StepRole::Appoint)]
    );
    assert_eq!(court.channel("judges").unwrap().seats, 10);
    assert_eq!(
        steps(&d, "constitutional_court", "judges"),
        vec![
            ("president", StepRole::Appoint),
            ("kurultai", StepRole::Consent)
        ]
    );
    // The President releases the Chair and the judges (Art. 46(5), 46(8)); no grounds stated.
    let release = edge(
        &d,
        "president",
        EdgeKind::DismissAtWill,
        "constitutional_court",
    )
    .expect("release edge");
    assert_eq!(release.channel, None);
}

#[test]
fn president_controls_23_of_33_of_the_constitutional_court() {
    // Chair 1 + 10 judges x 1/(1 + 0.5) under threat = 23/3 of 11 seats.
    let d = dataset();
    let a = analyze(&d, &Options::of(&d)).unwrap();
    let cc = a.body("constitutional_court").unwrap();
    assert!(
        close(cc.control_of("president"), 23.0 / 33.0),
        "{}",
        cc.control_of("president")
    );
    assert!(
        close(cc.control_of("kurultai"), 10.0 / 33.0),
        "{}",
        cc.control_of("kurultai")
    );
    assert!(cc.removable_at_will_by.iter().any(|r| r == "president"));
    assert_eq!(cc.vetoes, vec!["kurultai".to_string()]);
    let flag = a
        .flags
        .iter()
        .find(|f| f.rule == "independent_majority" && f.body == "constitutional_court")
        .expect("independent_majority flag");
    assert_eq!(flag.actor.as_deref(), Some("president"));
    assert!(close(flag.value, 23.0 / 33.0));

    // Without the threat discount the President still holds 6 of 11.
    let mut o = Options::of(&d);
    o.weights.consent_under_threat = 1.0;
    let a = analyze(&d, &o).unwrap();
    let control = a
        .body("constitutional_court")
        .unwrap()
        .control_of("president");
    assert!(close(control, 6.0 / 11.0), "{control}");
}

#[test]
fn art_46_5_officials_are_appointed_by_the_president_alone() {
    let d = dataset();
    for body in [
        "national_bank",
        "prosecutor_general",
        "national_security_committee",
    ] {
        assert_eq!(d.body(body).unwrap().channels.len(), 1, "{body}");
        let ch = &d.body(body).unwrap().channels[0].id;
        assert_eq!(
            steps(&d, body, ch),
            vec![("president", StepRole::Appoint)],
            "{body}"
        );
        assert!(
            edge(&d, "president", EdgeKind::DismissAtWill, body).is_some(),
            "{body}"
        );
    }
    assert_eq!(
        steps(&d, "human_rights_commissioner", "appointment"),
        vec![("president", StepRole::Appoint)]
    );
    for body in [
        "central_election_commission",
        "supreme_audit_chamber",
        "supreme_judicial_council",
    ] {
        assert_eq!(
            steps(&d, body, "chair"),
            vec![("president", StepRole::Appoint)],
            "{body}"
        );
    }
    // Supreme Court Chair: by the President on the Council's recommendation, no Kurultai role.
    assert_eq!(
        steps(&d, "supreme_court", "chair"),
        vec![
            ("supreme_judicial_council", StepRole::Recommend),
            ("president", StepRole::Appoint)
        ]
    );
    // CEC = Chair + 6, SAC = Chair + 8 members, with the Kurultai's consent (Art. 46(8)).
    let cec = d.body("central_election_commission").unwrap();
    assert_eq!((cec.seats, cec.channel("members").unwrap().seats), (7, 6));
    let sac = d.body("supreme_audit_chamber").unwrap();
    assert_eq!((sac.seats, sac.channel("members").unwrap().seats), (9, 8));
    for body in ["central_election_commission", "supreme_audit_chamber"] {
        assert_eq!(
            steps(&d, body, "members"),
            vec![
                ("president", StepRole::Appoint),
                ("kurultai", StepRole::Consent)
            ],
            "{body}"
        );
    }
}

#[test]
fn supreme_court_judges_election_is_not_under_threat() {
    // Art. 62(2) names consents and the Chair's election, not the Kurultai's election of
    // Supreme Court judges (Art. 56(10)): a free vote unless the at-will setting is on.
    let d = dataset();
    let under_threat = |at_will_threat: bool| {
        let mut o = Options::of(&d);
        o.at_will_threat = at_will_threat;
        let a = analyze(&d, &o).unwrap();
        let ch = a
            .body("supreme_court")
            .unwrap()
            .channels
            .iter()
            .find(|c| c.channel == "judges")
            .unwrap()
            .clone();
        let sjc = a
            .body("supreme_judicial_council")
            .unwrap()
            .control_of("president");
        (
            ch.steps[2].under_threat,
            a.body("supreme_court").unwrap().control_of("president"),
            sjc,
        )
    };
    let (threat, control, sjc) = under_threat(false);
    assert!(!threat);
    // The Chair: the President 1, the Council's recommendation 0.25; each of the nine judges:
    // the President 1, the Council 0.25, the Kurultai's free election 1.
    let expected = (1.0 + 0.25 * sjc) / 1.25 + 9.0 * (1.0 + 0.25 * sjc) / 2.25;
    assert!(close(control, expected / 10.0), "{control}");
    assert!(close(control, SC_PRESIDENT), "{control}");
    let (threat, control, _) = under_threat(true);
    assert!(threat);
    assert!(control > SC_PRESIDENT, "{control}");
    // The Chair's election and every consent are covered.
    let a = analyze(&d, &Options::of(&d)).unwrap();
    for (body, channel) in [
        ("kurultai_chair", "election"),
        ("prime_minister", "appointment"),
    ] {
        let ch = a
            .body(body)
            .unwrap()
            .channels
            .iter()
            .find(|c| c.channel == channel)
            .unwrap();
        assert!(ch.steps.iter().any(|s| s.under_threat), "{body}/{channel}");
    }
}

#[test]
fn regional_akims_are_picked_by_the_deputies_from_the_presidents_list() {
    // Art. 89(4): at least two candidates; "большинство голосов" of those voting: a shortlist
    // and an election by a majority of the votes cast (codebook R6, R20). The literal consent
    // reading is the alternative.
    let d = dataset();
    assert_eq!(
        steps(&d, "regional_akims", "appointment"),
        vec![
            ("president", StepRole::Shortlist),
            ("maslikhats", StepRole::Elect)
        ]
    );
    let ch = d
        .body("regional_akims")
        .unwrap()
        .channel("appointment")
        .unwrap();
    let vote = ch.steps[1].vote.as_ref().expect("vote");
    assert!(vote.to_string().contains("cast"), "{vote}");
    assert!(close(ch.steps[1].veto_strength(), 1.0));
    assert_eq!(ch.alternatives.len(), 1);
    assert_eq!(ch.alternatives[0].id, "akim_as_consent");
}

#[test]
fn contested_readings_are_carried_as_alternatives() {
    let d = dataset();
    let mut ids: Vec<String> = d
        .contested()
        .iter()
        .flat_map(|c| c.readings.iter().map(|r| r.id.clone()))
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(
        ids,
        [
            "akim_as_consent",
            "art56_17_discretionary",
            "cc_release_for_cause",
            "cec_release_for_cause",
            "consultation_as_recommendation",
            "hrc_release_for_cause",
            "pg_release_for_cause",
            "sac_release_for_cause",
            "sc_chair_release_at_will",
            "sjc_recommendation_binding",
        ]
    );
    // The binding reading of the Council's recommendation is one choice over three channels.
    let sjc = d
        .contested()
        .into_iter()
        .find(|c| {
            c.readings
                .iter()
                .any(|r| r.id == "sjc_recommendation_binding")
        })
        .unwrap();
    assert_eq!(sjc.targets.len(), 3);
}

#[test]
fn kurultai_alignment_and_the_presidents_powers() {
    // Codebook R21-R22, with their articles.
    let d = dataset();
    let k = d.body("kurultai").unwrap();
    assert_eq!(
        k.alignment.keys().copied().collect::<Vec<_>>(),
        vec![
            Alignment::DissolutionAtNoCost,
            Alignment::ExecutiveFreeOfConfidence,
            Alignment::ImperativeMandate
        ]
    );
    assert!(k.alignment[&Alignment::DissolutionAtNoCost].contains("62(1)"));
    assert_eq!(d.body("maslikhats").unwrap().alignment.len(), 2);
    let p = d.body("president").unwrap();
    assert_eq!(p.powers.len(), 3);
    assert!(p.powers[&Power::DecreesWithForceOfLaw].contains("47(2)"));
}

#[test]
fn supreme_court_judges_are_elected_and_released_by_the_kurultai() {
    // Art. 83(1), 56(10), 80(1).
    let d = dataset();
    assert_eq!(
        steps(&d, "supreme_court", "judges"),
        vec![
            ("supreme_judicial_council", StepRole::Recommend),
            ("president", StepRole::Nominate),
            ("kurultai", StepRole::Elect),
        ]
    );
    let e = edge(&d, "kurultai", EdgeKind::DismissForCause, "supreme_court").expect("release");
    assert_eq!(e.channel.as_deref(), Some("judges"));
    let e = edge(&d, "president", EdgeKind::DismissForCause, "supreme_court").expect("chair");
    assert_eq!(e.channel.as_deref(), Some("chair"));
}

#[test]
fn party_ban_and_relatives_ban_follow_articles_26_45_and_49() {
    let d = dataset();
    // Art. 26(2), 45(1), 49(2).
    for body in [
        "president",
        "vice_president",
        "constitutional_court",
        "supreme_court",
        "local_courts",
        "central_election_commission",
        "supreme_audit_chamber",
        "national_security_committee",
    ] {
        assert!(d.body(body).unwrap().non_partisan, "{body}");
    }
    for body in [
        "national_bank",
        "human_rights_commissioner",
        "presidential_administration",
    ] {
        assert!(!d.body(body).unwrap().non_partisan, "{body}");
    }
    // Art. 45(2) bars only the President's relatives.
    let banned: Vec<&str> = d
        .bodies
        .iter()
        .filter(|b| b.relatives_ban)
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(banned, vec!["president"]);
}

#[test]
fn local_government_and_oversight_edges() {
    let d = dataset();
    // Art. 88(5): the President ends maslikhats' powers early.
    assert!(edge(&d, "president", EdgeKind::Dissolve, "maslikhats").is_some());
    // Art. 89(4)-(5): akims dismissed at will, no confidence.
    assert!(edge(&d, "president", EdgeKind::DismissAtWill, "regional_akims").is_some());
    assert!(edge(&d, "maslikhats", EdgeKind::NoConfidence, "regional_akims").is_some());
    // Art. 50(3): impeachment by the Kurultai; Art. 56(13): no confidence in the Government.
    assert!(edge(&d, "kurultai", EdgeKind::Impeach, "president").is_some());
    assert!(edge(&d, "kurultai", EdgeKind::NoConfidence, "government").is_some());
    // Art. 56(15): the Kurultai hears the audit chamber; Art. 84(2): the prosecution answers
    // only to the President.
    assert!(
        edge(
            &d,
            "kurultai",
            EdgeKind::HoldsToAccount,
            "supreme_audit_chamber"
        )
        .is_some()
    );
    assert!(
        edge(
            &d,
            "president",
            EdgeKind::HoldsToAccount,
            "prosecutor_general"
        )
        .is_some()
    );
    assert!(
        edge(
            &d,
            "kurultai",
            EdgeKind::HoldsToAccount,
            "prosecutor_general"
        )
        .is_none()
    );
    // Art. 73: who may petition the Constitutional Court.
    for from in [
        "president",
        "kurultai_chair",
        "kurultai",
        "prime_minister",
        "electorate",
        "prosecutor_general",
        "human_rights_commissioner",
        "local_courts",
    ] {
        assert!(
            edge(&d, from, EdgeKind::Petitions, "constitutional_court").is_some(),
            "{from}"
        );
    }
}

#[test]
fn president_holds_a_majority_of_every_independent_body() {
    let d = dataset();
    let a = analyze(&d, &Options::of(&d)).unwrap();
    let independent: Vec<&str> = d
        .bodies
        .iter()
        .filter(|b| b.independent)
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(independent.len(), 9);
    for id in independent {
        let control = a.body(id).unwrap().control_of("president");
        assert!(control > 0.5, "{id}: {control}");
    }
    let cec = a
        .body("central_election_commission")
        .unwrap()
        .control_of("president");
    assert!(close(cec, 5.0 / 7.0), "{cec}");
    let sac = a
        .body("supreme_audit_chamber")
        .unwrap()
        .control_of("president");
    assert!(close(sac, 19.0 / 27.0), "{sac}");
}

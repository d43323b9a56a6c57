//! Legal facts of data/ru-2020.ron (Russia, the 1993 Constitution as amended on 1 July 2020)
//! pinned as tests. Article numbers are those of the 2020 text.

use super::{analysis, close, s, steps};
use bilik::analysis::{Options, analyze, headline};
use bilik::model::{Alignment, Dataset, EdgeKind, Power, Role, StepRole};

fn dataset() -> Dataset {
    super::dataset("ru-2020")
}

fn has_edge(d: &Dataset, from: &str, to: &str, kind: EdgeKind) -> bool {
    d.edges
        .iter()
        .any(|e| e.from == from && e.to == to && e.kind == kind)
}

#[test]
fn the_president_is_elected_for_six_years_and_holds_decrees_and_emergency_powers() {
    let d = dataset();
    let heads: Vec<&str> = d
        .bodies
        .iter()
        .filter(|b| b.role == Some(Role::HeadOfState))
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(heads, vec!["president"]);
    let p = d.body("president").unwrap();
    assert_eq!(p.term_years, Some(6.0), "art. 81(1)");
    assert!(!p.non_partisan, "no bar on party membership in arts. 80-93");
    assert_eq!(
        steps(&d, "president", "election"),
        vec![s("electorate", StepRole::Elect)]
    );
    assert_eq!(
        p.powers.keys().copied().collect::<Vec<_>>(),
        vec![Power::DecreesWithForceOfLaw, Power::EmergencyPowers]
    );
    assert!(p.powers[&Power::EmergencyPowers].contains("88"));
}

#[test]
fn the_federation_council_is_170_regional_senators_and_30_presidential_representatives() {
    // Art. 95(2)(а), (в): two per subject, and up to 30 appointed by the President, coded at
    // the ceiling (codebook R1).
    let d = dataset();
    let fc = d.body("federation_council").unwrap();
    assert_eq!(fc.seats, 200);
    let seats: Vec<(&str, u32)> = fc
        .channels
        .iter()
        .map(|c| (c.id.as_str(), c.seats))
        .collect();
    assert_eq!(
        seats,
        [
            ("regional_legislatures", 85),
            ("regional_executives", 85),
            ("presidential_quota", 30)
        ]
    );
    assert_eq!(
        steps(&d, "federation_council", "presidential_quota"),
        vec![s("president", StepRole::Appoint)]
    );
    assert!(
        fc.channel("presidential_quota")
            .unwrap()
            .note
            .contains("up to 7 for life")
    );
    let a = analysis(&d);
    let p = a
        .body("federation_council")
        .unwrap()
        .control_of("president");
    assert!(close(p, 0.15), "{p}");
}

#[test]
fn the_constitutional_court_is_11_judges_appointed_by_the_council_on_the_presidents_proposal() {
    // Art. 125(1), 83(е), 102(1)(ж), 128(1).
    let d = dataset();
    let cc = d.body("constitutional_court").unwrap();
    assert_eq!(cc.seats, 11);
    assert!(cc.independent);
    assert_eq!(
        cc.channels.len(),
        1,
        "the Chair and Deputy Chair as the judges"
    );
    assert_eq!(
        steps(&d, "constitutional_court", "judges"),
        vec![
            s("president", StepRole::Nominate),
            s("federation_council", StepRole::Appoint)
        ]
    );
    // The Supreme Court's Chair and judges follow the same chain, after the qualification
    // collegium's recommendation (statute).
    assert_eq!(
        steps(&d, "supreme_court", "chair_and_judges"),
        vec![
            s("judicial_council", StepRole::Recommend),
            s("president", StepRole::Nominate),
            s("federation_council", StepRole::Appoint)
        ]
    );
}

#[test]
fn the_president_controls_57_5_percent_of_the_constitutional_court() {
    // Half of each seat is his pick; the Council's half is his by his 30 of its 200 seats.
    let d = dataset();
    let o = Options::of(&d);
    let a = analyze(&d, &o).unwrap();
    let h = headline::headline(&d, &o, &a).unwrap();
    assert_eq!(
        (h.principal.as_str(), h.body.as_str()),
        ("president", "constitutional_court")
    );
    assert_eq!(h.picked, 11);
    assert!(close(h.direct, 0.5), "{}", h.direct);
    assert!(close(h.total, 0.5 + 0.5 * 0.15), "{}", h.total);
    // The weight band: a consent worth half a pick gives 2/3 + 1/3 x 15%; worth two picks,
    // 1/3 + 2/3 x 15%.
    let at = |w: f64| h.sensitivity.iter().find(|(x, _)| *x == w).unwrap().1;
    assert!(close(at(0.5), 2.0 / 3.0 + 0.15 / 3.0), "{}", at(0.5));
    assert!(close(at(2.0), 1.0 / 3.0 + 0.1), "{}", at(2.0));
    assert!(
        a.flags
            .iter()
            .any(|f| f.rule == "independent_majority" && f.body == "constitutional_court")
    );
}

#[test]
fn judges_powers_are_ended_by_the_council_on_the_presidents_proposal_for_cause() {
    // Art. 83(е.3), 102(1)(л): grounds stated, so for cause (codebook R9(1), R9(4)). Not art.
    // 128(3), which since 2020 is on the courts' powers and procedure (second check, issue 16).
    let d = dataset();
    for body in ["constitutional_court", "supreme_court"] {
        let e = d
            .edges
            .iter()
            .find(|e| {
                e.from == "federation_council"
                    && e.to == body
                    && e.kind == EdgeKind::DismissForCause
            })
            .unwrap_or_else(|| panic!("{body}"));
        assert!(!has_edge(
            &d,
            "federation_council",
            body,
            EdgeKind::DismissAtWill
        ));
        assert!(e.source.contains("83(е.3)") && e.source.contains("102(1)(л)"));
        assert!(!e.source.contains("128(3)"), "{}", e.source);
        assert!(
            e.threshold
                .as_deref()
                .unwrap()
                .contains("President's proposal")
        );
        assert_eq!(e.alternatives[0].id, "judges_removal_at_will");
        assert!(!has_edge(&d, "president", body, EdgeKind::DismissAtWill));
    }
    let cc = d
        .edges
        .iter()
        .find(|e| e.to == "constitutional_court" && e.kind == EdgeKind::DismissForCause)
        .unwrap();
    assert!(cc.note.contains("порочащего честь и достоинство судьи"));
}

#[test]
fn the_dumas_approval_of_the_government_can_be_overridden_after_three_refusals() {
    // Art. 111(4), 112(4): codebook R24. Three rounds, then the President appoints: s = 0.
    let d = dataset();
    assert_eq!(
        steps(&d, "prime_minister", "appointment"),
        vec![
            s("president", StepRole::Appoint),
            s("state_duma", StepRole::Consent)
        ]
    );
    assert_eq!(
        steps(&d, "government", "on_pm_proposal"),
        vec![
            s("prime_minister", StepRole::Nominate),
            s("state_duma", StepRole::Appoint)
        ]
    );
    for (body, channel) in [
        ("prime_minister", "appointment"),
        ("government", "on_pm_proposal"),
    ] {
        let st = d
            .body(body)
            .unwrap()
            .channel(channel)
            .unwrap()
            .steps
            .iter()
            .find(|st| st.actor == "state_duma")
            .unwrap();
        assert!(close(st.veto_strength(), 0.0), "{body}/{channel}");
    }
    let a = analysis(&d);
    assert!(close(
        a.body("prime_minister").unwrap().control_of("president"),
        1.0
    ));
    assert!(close(
        a.body("government").unwrap().control_of("president"),
        1.0
    ));
    // Read as a binding majority veto, the Duma's consent counts, under the threat of art.
    // 111(4) (codebook R13): the President holds 1 / (1 + 0.5) of the Chairman.
    let alt = d
        .with_alternatives(&["duma_approval_binding".to_string()])
        .unwrap();
    let a = analysis(&alt);
    let pm = a.body("prime_minister").unwrap().control_of("president");
    assert!(close(pm, 2.0 / 3.0), "{pm}");
}

#[test]
fn the_duma_is_dissolved_only_after_refusals_never_at_will() {
    let d = dataset();
    let e = d
        .edges
        .iter()
        .find(|e| {
            e.from == "president" && e.to == "state_duma" && e.kind == EdgeKind::DissolveOnRefusal
        })
        .unwrap();
    assert_eq!(e.after_refusals, Some(3));
    assert_eq!(
        e.covers.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
        ["prime_minister/appointment", "government/on_pm_proposal"]
    );
    assert!(e.bars.contains("109(3)-(5)"), "{}", e.bars);
    assert!(!has_edge(&d, "president", "state_duma", EdgeKind::Dissolve));
    // Art. 117(3)-(4): the answer to a no-confidence vote is recorded on that edge (R25).
    let nc = d
        .edges
        .iter()
        .find(|e| e.from == "state_duma" && e.kind == EdgeKind::NoConfidence)
        .unwrap();
    assert_eq!(nc.to, "government");
    assert!(nc.note.contains("R25"));
    let a = analysis(&d);
    assert!(
        a.flags
            .iter()
            .any(|f| f.rule == "consent_under_threat" && f.body == "prime_minister")
    );
}

#[test]
fn the_duma_is_aligned_by_party_leadership_confidence_and_the_imperative_mandate() {
    // Codebook R21: no concurrent elections (5 and 6 years), no dissolution at will.
    let d = dataset();
    let duma = d.body("state_duma").unwrap();
    assert_eq!(duma.seats, 450);
    assert_eq!(duma.term_years, Some(5.0));
    assert_eq!(
        duma.alignment.keys().copied().collect::<Vec<_>>(),
        vec![
            Alignment::HeadMayLeadParty,
            Alignment::ExecutiveFreeOfConfidence,
            Alignment::ImperativeMandate
        ]
    );
}

#[test]
fn the_prosecutor_general_is_appointed_after_a_consultation_and_released_at_will() {
    // Art. 83(е.1), 129(3): since 2020 no consent of the Council (codebook R7).
    let d = dataset();
    assert_eq!(
        steps(&d, "prosecutor_general", "appointment"),
        vec![s("president", StepRole::Appoint)]
    );
    assert!(has_edge(
        &d,
        "president",
        "prosecutor_general",
        EdgeKind::DismissAtWill
    ));
    let a = analysis(&d);
    assert!(close(
        a.body("prosecutor_general")
            .unwrap()
            .control_of("president"),
        1.0
    ));
    // The Council's statutory resolution read as a recommendation: 1 / 1.25 directly, and his
    // 15% of the Council's quarter.
    let alt = d
        .with_alternatives(&["fc_consultation_as_recommendation".to_string()])
        .unwrap();
    let p = analysis(&alt)
        .body("prosecutor_general")
        .unwrap()
        .control_of("president");
    assert!(close(p, 0.8 + 0.2 * 0.15), "{p}");
}

#[test]
fn the_duma_appoints_the_central_bank_chair_on_the_presidents_proposal_and_the_ombudsman_alone() {
    // Art. 83(г), 103(1)(г), 103(1)(е).
    let d = dataset();
    assert_eq!(
        steps(&d, "central_bank", "chair"),
        vec![
            s("president", StepRole::Nominate),
            s("state_duma", StepRole::Appoint)
        ]
    );
    assert!(has_edge(
        &d,
        "state_duma",
        "central_bank",
        EdgeKind::DismissAtWill
    ));
    assert_eq!(
        steps(&d, "human_rights_commissioner", "appointment"),
        vec![s("state_duma", StepRole::Elect)]
    );
    let a = analysis(&d);
    assert!(close(
        a.body("central_bank").unwrap().control_of("president"),
        0.5
    ));
    assert!(close(
        a.body("human_rights_commissioner")
            .unwrap()
            .control_of("president"),
        0.0
    ));
}

#[test]
fn the_election_commission_and_the_accounts_chamber_are_split_between_the_chambers() {
    let d = dataset();
    let cec: Vec<(&str, u32)> = d
        .body("central_election_commission")
        .unwrap()
        .channels
        .iter()
        .map(|c| (c.id.as_str(), c.seats))
        .collect();
    assert_eq!(
        cec,
        [
            ("duma_members", 5),
            ("fc_members", 5),
            ("president_members", 5)
        ]
    );
    let ac = d.body("accounts_chamber").unwrap();
    assert_eq!(ac.seats, 14);
    // Since 2020 the Council appoints the Chair and the Duma the Deputy Chair (art. 102(1)(и),
    // 103(1)(д)); the first coding had them the other way round (second check, issue 16).
    let label = |id: &str| {
        ac.channels
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.label.clone())
            .unwrap_or_default()
    };
    assert!(
        label("fc_members").starts_with("Chair"),
        "{}",
        label("fc_members")
    );
    assert!(
        label("duma_members").starts_with("Deputy Chair"),
        "{}",
        label("duma_members")
    );
    for (channel, chamber) in [
        ("duma_members", "state_duma"),
        ("fc_members", "federation_council"),
    ] {
        assert_eq!(
            steps(&d, "accounts_chamber", channel),
            vec![
                s("president", StepRole::Nominate),
                s(chamber, StepRole::Appoint)
            ]
        );
    }
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
            "ac_release_for_cause",
            "cb_release_for_cause",
            "duma_approval_binding",
            "fc_consultation_as_recommendation",
            "hrc_release_for_cause",
            "judges_removal_at_will",
        ]
    );
    let targets = |id: &str| {
        contested
            .iter()
            .find(|c| c.readings.iter().any(|r| r.id == id))
            .unwrap()
            .targets
            .len()
    };
    assert_eq!(targets("fc_consultation_as_recommendation"), 3);
    assert_eq!(targets("duma_approval_binding"), 2);
    assert_eq!(targets("judges_removal_at_will"), 2);
}

#[test]
fn the_accounts_chamber_is_appointed_and_released_on_the_presidents_proposal() {
    // Art. 83(е.4), 102(1)(и), 103(1)(д), read in the consolidated text: each chamber appoints
    // and releases its half "по представлению Президента Российской Федерации", no grounds.
    let d = dataset();
    for (chamber, channel) in [
        ("state_duma", "duma_members"),
        ("federation_council", "fc_members"),
    ] {
        assert_eq!(
            steps(&d, "accounts_chamber", channel)[0],
            s("president", StepRole::Nominate)
        );
        let e = d
            .edges
            .iter()
            .find(|e| {
                e.from == chamber && e.to == "accounts_chamber" && e.kind == EdgeKind::DismissAtWill
            })
            .unwrap();
        assert!(e.source.contains("83(е.4)"), "{}", e.source);
    }
}

#[test]
fn the_text_read_is_cited_and_the_2020_wording_of_117_4_is_quoted() {
    // The consolidated 2020 text was read in full (source CT); art. 117(4) in its 2020 wording
    // leaves the President a choice after a first refusal of confidence.
    let d = dataset();
    assert!(
        d.meta
            .sources
            .iter()
            .any(|s| s.id == "CT" && s.url.contains("constitution-of-russia-history"))
    );
    let nc = d
        .edges
        .iter()
        .find(|e| e.from == "state_duma" && e.kind == EdgeKind::NoConfidence)
        .unwrap();
    assert!(nc.note.contains("вправе принять решение"), "{}", nc.note);
    assert!(
        d.edges
            .iter()
            .find(|e| e.from == "president" && e.to == "prime_minister")
            .unwrap()
            .source
            .contains("83(а)")
    );
}

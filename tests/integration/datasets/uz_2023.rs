//! Legal facts of data/uz-2023.ron (Uzbekistan, the Constitution in the new wording adopted by the
//! referendum of 30 April 2023) pinned as tests. Each test names the article it pins; the sheet
//! docs/datasets/uz-2023.md quotes them.

use super::{analysis, close, s, steps};
use bilik::model::{Alignment, Confidence, Dataset, EdgeKind, Power, Role, StepRole};

fn dataset() -> Dataset {
    super::dataset("uz-2023")
}

fn has_edge(d: &Dataset, from: &str, to: &str, kind: EdgeKind) -> bool {
    d.edges
        .iter()
        .any(|e| e.from == from && e.to == to && e.kind == kind)
}

#[test]
fn the_president_is_elected_directly_for_seven_years() {
    // Art. 106.
    let d = dataset();
    let p = d.body("president").unwrap();
    assert_eq!(p.role, Some(Role::HeadOfState));
    assert_eq!(p.term_years, Some(7.0));
    assert_eq!(
        steps(&d, "president", "election"),
        vec![s("electorate", StepRole::Elect)]
    );
}

#[test]
fn the_legislative_chamber_has_150_deputies_half_from_party_lists() {
    // Art. 92 (150 deputies); the 75/75 split is statutory.
    let d = dataset();
    let lc = d.body("legislative_chamber").unwrap();
    assert_eq!(lc.seats, 150);
    assert_eq!(lc.role, Some(Role::LowerChamber));
    assert_eq!(lc.channel("party_list").unwrap().seats, 75);
    assert_eq!(lc.channel("districts").unwrap().seats, 75);
    assert_eq!(
        lc.channel("party_list").unwrap().confidence,
        Confidence::Medium
    );
}

#[test]
fn the_senate_is_56_elected_by_local_councils_and_9_appointed_by_the_president() {
    // Art. 92: four from each of 14 units, nine appointed by the President.
    let d = dataset();
    let senate = d.body("senate").unwrap();
    assert_eq!(senate.seats, 65);
    assert_eq!(senate.channel("elected").unwrap().seats, 56);
    assert_eq!(senate.channel("presidential_quota").unwrap().seats, 9);
    assert_eq!(
        steps(&d, "senate", "elected"),
        vec![s("local_councils", StepRole::Elect)]
    );
    assert_eq!(
        steps(&d, "senate", "presidential_quota"),
        vec![s("president", StepRole::Appoint)]
    );
    let a = analysis(&d);
    let p = a.body("senate").unwrap().control_of("president");
    assert!(close(p, 9.0 / 65.0), "{p}");
}

#[test]
fn the_prime_minister_and_ministers_need_the_legislative_chambers_approval() {
    // Art. 94(3), 94(5), 109(9), 118: appointed after the Legislative Chamber's approval,
    // dismissed by the President.
    let d = dataset();
    for (body, channel) in [("prime_minister", "appointment"), ("government", "members")] {
        assert_eq!(
            steps(&d, body, channel),
            vec![
                s("president", StepRole::Appoint),
                s("legislative_chamber", StepRole::Consent)
            ],
            "{body}"
        );
        assert!(
            has_edge(&d, "president", body, EdgeKind::DismissAtWill),
            "{body}"
        );
    }
    // Art. 118: after a third rejection he appoints the Prime Minister anyway and may dissolve
    // the chamber: the approval only delays (codebook R24, as ru-2020's art. 111(4)).
    let e = d
        .edges
        .iter()
        .find(|e| e.kind == EdgeKind::DissolveOnRefusal)
        .expect("art. 118 edge");
    assert_eq!(
        (e.from.as_str(), e.to.as_str()),
        ("president", "legislative_chamber")
    );
    assert_eq!(e.after_refusals, Some(3));
    let a = analysis(&d);
    let p = a.body("prime_minister").unwrap().control_of("president");
    assert!(close(p, 1.0), "{p}");
    // The reading that the approval binds (a majority veto under the threat of dissolution,
    // R13) is the alternative that bounds the range from below.
    let alt = d.body("prime_minister").unwrap().channels[0].steps[1]
        .alternatives
        .iter()
        .map(|a| a.id.as_str())
        .collect::<Vec<_>>();
    assert_eq!(alt, ["chamber_approval_binding"]);
}

#[test]
fn the_president_nominates_the_senate_chair() {
    // Art. 109(8).
    let d = dataset();
    assert_eq!(
        steps(&d, "senate_chair", "election"),
        vec![
            s("president", StepRole::Nominate),
            s("senate", StepRole::Elect)
        ]
    );
}

#[test]
fn the_supreme_court_and_judicial_council_chairs_are_elected_by_the_senate_on_his_proposal() {
    // Art. 134 (Chair and deputies of the Supreme Court), art. 135 (Chair and Deputy of the SJC).
    let d = dataset();
    let pick = vec![
        s("president", StepRole::Nominate),
        s("senate", StepRole::Elect),
    ];
    assert_eq!(steps(&d, "supreme_court", "chair_and_deputies"), pick);
    assert_eq!(steps(&d, "supreme_judicial_council", "chair"), pick);
    assert_eq!(steps(&d, "supreme_judicial_council", "deputy_chair"), pick);
    assert_eq!(d.body("supreme_court").unwrap().term_years, Some(5.0));
    // Art. 95(1), 109(13): the whole Council is elected by the Senate on his proposal.
    assert_eq!(steps(&d, "supreme_judicial_council", "members"), pick);
    let a = analysis(&d);
    let p = a
        .body("supreme_judicial_council")
        .unwrap()
        .control_of("president");
    assert!(close(p, 0.5 + 0.5 * 9.0 / 65.0), "{p}");
}

#[test]
fn the_president_holds_57_percent_of_the_constitutional_court() {
    // Art. 132: elected by the Senate on the President's proposal from among specialists the
    // Supreme Judicial Council recommends; a single ten-year term. He proposes every seat
    // (1), the Senate ratifies (1), the Council recommends (0.25); 9 of the Senate's 65 seats
    // and 56.9% of the Council are his.
    let d = dataset();
    let cc = d.body("constitutional_court").unwrap();
    assert_eq!(cc.role, Some(Role::ConstitutionalReview));
    assert_eq!(cc.term_years, Some(10.0));
    assert_eq!(cc.confidence, Confidence::High);
    assert_eq!(
        steps(&d, "constitutional_court", "judges"),
        vec![
            s("supreme_judicial_council", StepRole::Recommend),
            s("president", StepRole::Nominate),
            s("senate", StepRole::Elect)
        ]
    );
    let a = analysis(&d);
    let p = a
        .body("constitutional_court")
        .unwrap()
        .control_of("president");
    let senate = 9.0 / 65.0;
    let sjc = 0.5 + 0.5 * senate;
    let expected = (1.0 + senate + 0.25 * sjc) / 2.25;
    assert!(close(p, expected), "{p} vs {expected}");
    assert!((p - 0.569).abs() < 0.001, "{p}");
}

#[test]
fn the_prosecutor_general_and_the_accounts_chamber_are_appointed_with_the_senate() {
    // Art. 95(2), 109(11): appointed after the Senate's approval, dismissed by the President.
    let d = dataset();
    for (body, channel) in [
        ("prosecutor_general", "appointment"),
        ("accounts_chamber", "chair"),
    ] {
        assert_eq!(
            steps(&d, body, channel),
            vec![
                s("president", StepRole::Appoint),
                s("senate", StepRole::Consent)
            ],
            "{body}"
        );
        assert!(
            has_edge(&d, "president", body, EdgeKind::DismissAtWill),
            "{body}"
        );
    }
    assert_eq!(d.body("prosecutor_general").unwrap().term_years, Some(5.0));
    // Art. 145: the prosecution acts independently.
    assert!(d.body("prosecutor_general").unwrap().independent);
    assert!(has_edge(
        &d,
        "accounts_chamber",
        "government",
        EdgeKind::Audits
    ));
}

#[test]
fn the_central_bank_chair_is_appointed_and_released_by_the_senate_on_his_proposal() {
    // Art. 151: independent in carrying out its tasks; art. 95(5): the Senate appoints and
    // releases the Chair of the Board on the President's proposal.
    let d = dataset();
    let cb = d.body("central_bank").unwrap();
    assert_eq!(cb.role, Some(Role::CentralBank));
    assert!(cb.independent);
    assert_eq!(
        steps(&d, "central_bank", "chair"),
        vec![
            s("president", StepRole::Nominate),
            s("senate", StepRole::Appoint)
        ]
    );
    assert!(has_edge(
        &d,
        "senate",
        "central_bank",
        EdgeKind::DismissAtWill
    ));
    assert!(!has_edge(
        &d,
        "president",
        "central_bank",
        EdgeKind::DismissAtWill
    ));
}

#[test]
fn the_ombudsman_is_elected_by_the_chambers_with_an_alternative() {
    // Art. 93(16), a joint power; who proposes is statutory (the alternative). The other two
    // contested codings are the Constitutional Court's (art. 132, the binding recommendation)
    // and the Prime Minister's (art. 118, the approval binding despite the override, R24).
    let d = dataset();
    assert_eq!(
        steps(&d, "human_rights_commissioner", "election"),
        vec![
            s("legislative_chamber", StepRole::Elect),
            s("senate", StepRole::Consent)
        ]
    );
    assert_eq!(d.contested().len(), 3);
}

#[test]
fn the_constitutional_court_reviews_the_acts_of_every_political_branch() {
    // Art. 133(1).
    let d = dataset();
    for to in ["legislative_chamber", "senate", "president", "government"] {
        assert!(
            has_edge(&d, "constitutional_court", to, EdgeKind::Reviews),
            "{to}"
        );
    }
}

#[test]
fn dissolution_and_no_confidence_follow_arts_111_and_119() {
    // Art. 111: dissolution on broad grounds after consulting the Constitutional Court, coded
    // at will with bars (medium); art. 119: the Legislative Chamber alone votes no confidence.
    let d = dataset();
    for (from, to, kind, conf) in [
        (
            "president",
            "legislative_chamber",
            EdgeKind::Dissolve,
            Confidence::Medium,
        ),
        (
            "president",
            "senate",
            EdgeKind::Dissolve,
            Confidence::Medium,
        ),
        (
            "legislative_chamber",
            "prime_minister",
            EdgeKind::NoConfidence,
            Confidence::High,
        ),
    ] {
        let e = d
            .edges
            .iter()
            .find(|e| e.from == from && e.to == to && e.kind == kind)
            .unwrap_or_else(|| panic!("{from} -> {to}"));
        assert_eq!(e.confidence, conf, "{from} -> {to}");
    }
    // Codebook R21-R22: two alignment features for each elected body, one power.
    let mut lc = d
        .body("legislative_chamber")
        .unwrap()
        .alignment
        .keys()
        .copied()
        .collect::<Vec<_>>();
    lc.sort_by_key(|k| format!("{k:?}"));
    assert_eq!(
        lc,
        vec![Alignment::DissolutionAtNoCost, Alignment::HeadMayLeadParty]
    );
    assert_eq!(d.body("local_councils").unwrap().alignment.len(), 2);
    assert_eq!(
        d.body("president")
            .unwrap()
            .powers
            .keys()
            .copied()
            .collect::<Vec<_>>(),
        vec![Power::EmergencyPowers]
    );
}

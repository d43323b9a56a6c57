//! Legal facts of data/kg-2021.ron (Kyrgyzstan, the Constitution adopted by referendum on
//! 11 April 2021, with its 2021 constitutional laws) pinned as tests. The articles and their
//! sources are quoted in docs/datasets/kg-2021.md.

use super::{analysis, close, consented_by, s, steps};
use bilik::model::{Alignment, Confidence, Dataset, EdgeKind, Mandate, Power, Role, StepRole};

fn dataset() -> Dataset {
    super::dataset("kg-2021")
}

fn has_edge(d: &Dataset, from: &str, to: &str, kind: EdgeKind, channel: Option<&str>) -> bool {
    d.edges
        .iter()
        .any(|e| e.from == from && e.to == to && e.kind == kind && e.channel.as_deref() == channel)
}

#[test]
fn the_president_is_directly_elected_for_five_years_and_heads_the_executive() {
    let d = dataset();
    assert_eq!(d.meta.as_of, "2022-01-01");
    let heads: Vec<&str> = d
        .bodies
        .iter()
        .filter(|b| b.role == Some(Role::HeadOfState))
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(heads, vec!["president"]);
    let p = d.body("president").unwrap();
    assert_eq!(p.term_years, Some(5.0));
    assert_eq!(
        steps(&d, "president", "election"),
        vec![s("electorate", StepRole::Elect)]
    );
    // LCM art. 1(3), 2(1): he heads the executive; the Cabinet is accountable to him.
    assert!(has_edge(
        &d,
        "president",
        "government",
        EdgeKind::Directs,
        None
    ));
    assert!(has_edge(
        &d,
        "president",
        "government",
        EdgeKind::HoldsToAccount,
        None
    ));
}

#[test]
fn the_jogorku_kenesh_has_90_deputies_for_five_years_54_list_and_36_district_seats() {
    // Art. 76(2): "Жогорку Кенеш состоит из 90 депутатов и избирается сроком на 5 лет".
    let d = dataset();
    let jk = d.body("jogorku_kenesh").unwrap();
    assert_eq!(jk.seats, 90);
    assert_eq!(jk.term_years, Some(5.0));
    assert_eq!(jk.role, Some(Role::Legislature));
    assert_eq!(jk.channel("party_list").unwrap().seats, 54);
    assert_eq!(jk.channel("districts").unwrap().seats, 36);
    assert_eq!(jk.channel("party_list").unwrap().mandate, Mandate::Free);
    assert_eq!(
        steps(&d, "jogorku_kenesh", "party_list"),
        vec![
            s("political_parties", StepRole::Nominate),
            s("electorate", StepRole::Elect)
        ]
    );
    assert!(d.principals().contains(&"jogorku_kenesh".to_string()));
}

#[test]
fn the_cabinet_is_appointed_with_the_kenesh_consent_and_dismissed_by_the_president_alone() {
    // Art. 70: "с согласия Жогорку Кенеша назначает Председателя Кабинета Министров, его
    // заместителей и членов Кабинета Министров"; he releases them alone.
    let d = dataset();
    let appoint_with_consent = vec![
        s("president", StepRole::Appoint),
        s("jogorku_kenesh", StepRole::Consent),
    ];
    assert_eq!(
        steps(&d, "cabinet_chair", "appointment"),
        appoint_with_consent
    );
    assert_eq!(steps(&d, "government", "members"), appoint_with_consent);
    for body in ["cabinet_chair", "government"] {
        assert!(
            has_edge(&d, "president", body, EdgeKind::DismissAtWill, None),
            "{body}"
        );
        assert!(
            !has_edge(&d, "jogorku_kenesh", body, EdgeKind::NoConfidence, None),
            "{body}: no binding no-confidence vote was found"
        );
    }
    let a = analysis(&d);
    assert!(close(
        a.body("government").unwrap().control_of("president"),
        0.5
    ));
}

#[test]
fn the_cabinet_chairman_heads_the_presidential_administration_ex_officio() {
    // Art. 89: the Chairman of the Cabinet of Ministers is the Head of the Administration.
    let d = dataset();
    assert_eq!(
        steps(&d, "presidential_administration", "head"),
        vec![s("cabinet_chair", StepRole::ExOfficio)]
    );
    assert_eq!(
        d.body("cabinet_chair").unwrap().role,
        Some(Role::HeadOfGovernment)
    );
}

#[test]
fn constitutional_court_judges_are_elected_on_the_presidents_submission_based_on_the_council() {
    // LSJ art. 19(3): elected by the Jogorku Kenesh on the President's submission based on the
    // Council for Justice Affairs' proposal, by not less than half of all deputies; the Chair
    // appointed by the President with the Kenesh's consent.
    let d = dataset();
    let cc = d.body("constitutional_court").unwrap();
    assert_eq!(cc.seats, 11);
    assert!(cc.independent);
    assert_eq!(cc.channel("chair").unwrap().seats, 1);
    assert_eq!(cc.channel("judges").unwrap().seats, 10);
    assert_eq!(
        steps(&d, "constitutional_court", "chair"),
        vec![
            s("president", StepRole::Appoint),
            s("jogorku_kenesh", StepRole::Consent)
        ]
    );
    let judges = vec![
        s("council_for_justice", StepRole::Recommend),
        s("president", StepRole::Nominate),
        s("jogorku_kenesh", StepRole::Elect),
    ];
    assert_eq!(steps(&d, "constitutional_court", "judges"), judges);
    assert_eq!(steps(&d, "supreme_court", "judges"), judges);
    let elect = &cc.channel("judges").unwrap().steps[2];
    assert!(
        close(elect.veto_strength(), 1.0),
        "a majority of all deputies"
    );
    // Removal: for cause only, by the Kenesh (judges) and the President (the Chair).
    assert!(has_edge(
        &d,
        "jogorku_kenesh",
        "constitutional_court",
        EdgeKind::DismissForCause,
        None
    ));
    assert!(has_edge(
        &d,
        "president",
        "constitutional_court",
        EdgeKind::DismissForCause,
        Some("chair")
    ));
    assert!(
        !d.edges
            .iter()
            .any(|e| e.to == "constitutional_court" && e.kind == EdgeKind::DismissAtWill)
    );
}

#[test]
fn the_president_controls_52_percent_of_the_constitutional_court() {
    // Chair 1/2; each judge 1/(1 + 1 + 0.25) directly plus what he holds of the Council's
    // recommendation: 51.7% in all.
    let d = dataset();
    let a = analysis(&d);
    let cc = a.body("constitutional_court").unwrap();
    assert!(close(cc.direct["president"], 0.5 + 10.0 / 2.25));
    let p = cc.control_of("president");
    assert!((p - 0.517).abs() < 0.001, "{p}");
    assert!(cc.control_of("jogorku_kenesh") < p);
}

#[test]
fn the_council_for_justice_affairs_is_two_thirds_judges_and_one_third_four_groups() {
    let d = dataset();
    let cja = d.body("council_for_justice").unwrap();
    assert_eq!(cja.role, Some(Role::JudicialCouncil));
    assert_eq!(cja.seats, 12);
    assert!(cja.seats_nominal);
    assert_eq!(cja.channel("judges").unwrap().seats, 8);
    assert_eq!(cja.confidence, Confidence::Low);
    for (channel, nominator) in [
        ("president_member", "president"),
        ("kurultai_member", "peoples_kurultai"),
        ("legal_community_member", "legal_community"),
    ] {
        assert_eq!(
            steps(&d, "council_for_justice", channel),
            vec![
                s(nominator, StepRole::Nominate),
                s("jogorku_kenesh", StepRole::Elect)
            ]
        );
    }
    // The President does not preside over it (codebook R22).
    let p = &d.body("president").unwrap().powers;
    assert!(!p.contains_key(&Power::PresidesJudicialDiscipline));
    assert!(!p.contains_key(&Power::DecreesWithForceOfLaw));
    assert!(p.contains_key(&Power::EmergencyPowers));
}

#[test]
fn the_prosecutor_general_needs_half_of_all_deputies_to_be_appointed_and_released() {
    let d = dataset();
    assert_eq!(
        steps(&d, "prosecutor_general", "appointment"),
        vec![
            s("president", StepRole::Appoint),
            s("jogorku_kenesh", StepRole::Consent)
        ]
    );
    let e = d
        .edges
        .iter()
        .find(|e| e.from == "president" && e.to == "prosecutor_general")
        .unwrap();
    assert_eq!(e.kind, EdgeKind::DismissAtWill);
    assert_eq!(e.alternatives[0].id, "pg_release_needs_consent");
}

#[test]
fn the_kenesh_elects_half_the_election_commission_and_a_third_of_the_accounts_chamber_on_his_proposal()
 {
    let d = dataset();
    let cec = d.body("central_election_commission").unwrap();
    assert_eq!(cec.seats, 12);
    assert_eq!(cec.channel("president_quota").unwrap().seats, 6);
    assert_eq!(cec.channel("kenesh_quota").unwrap().seats, 6);
    let ac = d.body("accounts_chamber").unwrap();
    assert_eq!(ac.seats, 9);
    assert_eq!(ac.channel("president_quota").unwrap().seats, 3);
    for body in ["central_election_commission", "accounts_chamber"] {
        assert_eq!(
            steps(&d, body, "president_quota"),
            vec![
                s("president", StepRole::Nominate),
                s("jogorku_kenesh", StepRole::Elect)
            ]
        );
        assert_eq!(
            steps(&d, body, "kenesh_quota"),
            vec![s("jogorku_kenesh", StepRole::Elect)]
        );
    }
    let a = analysis(&d);
    assert!(close(
        a.body("central_election_commission")
            .unwrap()
            .control_of("president"),
        0.25
    ));
    assert!(close(
        a.body("accounts_chamber").unwrap().control_of("president"),
        1.0 / 6.0
    ));
    assert!(has_edge(
        &d,
        "accounts_chamber",
        "government",
        EdgeKind::Audits,
        None
    ));
}

#[test]
fn the_national_bank_and_the_akyikatchy_are_elected_by_the_kenesh() {
    let d = dataset();
    assert_eq!(
        steps(&d, "national_bank", "chair"),
        vec![
            s("president", StepRole::Nominate),
            s("jogorku_kenesh", StepRole::Elect)
        ]
    );
    assert_eq!(
        steps(&d, "human_rights_commissioner", "election"),
        vec![s("jogorku_kenesh", StepRole::Elect)]
    );
    assert_eq!(
        d.body("human_rights_commissioner").unwrap().role,
        Some(Role::Ombudsman)
    );
    // The Kenesh's consents to the President's picks.
    assert_eq!(
        consented_by(&d, "jogorku_kenesh"),
        vec![
            "cabinet_chair/appointment",
            "constitutional_court/chair",
            "government/members",
            "prosecutor_general/appointment",
            "supreme_court/chair",
        ]
    );
}

#[test]
fn no_dissolution_by_the_president_and_the_kenesh_is_aligned_by_one_feature_in_five() {
    // Only self-dissolution (1/3 initiative, 2/3 of all deputies): no edge, nothing under threat.
    let d = dataset();
    assert!(
        !d.edges
            .iter()
            .any(|e| matches!(e.kind, EdgeKind::Dissolve | EdgeKind::DissolveOnRefusal))
    );
    let jk = &d.body("jogorku_kenesh").unwrap().alignment;
    assert_eq!(
        jk.keys().copied().collect::<Vec<_>>(),
        vec![Alignment::ExecutiveFreeOfConfidence]
    );
}

#[test]
fn the_judicial_councils_proposal_is_coded_as_in_kazakhstan() {
    // Codebook R28 and R20: the proposal of the Council for Justice Affairs, like the Kazakh
    // Supreme Judicial Council's recommendation (1995 art. 82(1)), is a recommendation whose
    // binding reading is one alternative on every court it proposes to.
    let d = dataset();
    let contested = d.contested();
    let targets = contested
        .iter()
        .find(|c| c.readings.iter().any(|r| r.id == "cja_proposal_binding"))
        .unwrap()
        .targets
        .len();
    assert_eq!(targets, 3);
    let kz = super::dataset("kz-2022");
    let kz_sc = &kz.body("supreme_court").unwrap().channels[0];
    assert_eq!(kz_sc.steps[0].role, StepRole::Recommend);
    assert_eq!(
        steps(&d, "local_courts", "judges"),
        vec![
            s("council_for_justice", StepRole::Recommend),
            s("president", StepRole::Appoint)
        ]
    );
    // The binding reading barely moves the Court: 51.7% -> 51.9%.
    let alt = d
        .with_alternatives(&["cja_proposal_binding".to_string()])
        .unwrap();
    let p = analysis(&alt)
        .body("constitutional_court")
        .unwrap()
        .control_of("president");
    assert!((p - 0.519).abs() < 0.001, "{p}");
}

//! Legal facts of data/tr.ron (Türkiye, the 1982 Constitution as amended by Law No. 6771 of 2017)
//! pinned as tests.

use super::{analysis, close, s, steps};
use bilik::model::{Alignment, Dataset, EdgeKind, Mandate, Power, Registration, Role, StepRole};

fn dataset() -> Dataset {
    super::dataset("tr")
}

fn has_edge(d: &Dataset, from: &str, to: &str, kind: EdgeKind, channel: Option<&str>) -> bool {
    d.edges
        .iter()
        .any(|e| e.from == from && e.to == to && e.kind == kind && e.channel.as_deref() == channel)
}

#[test]
fn the_president_is_head_of_state_and_executive_and_may_keep_party_membership() {
    let d = dataset();
    let heads: Vec<&str> = d
        .bodies
        .iter()
        .filter(|b| b.role == Some(Role::HeadOfState))
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(heads, vec!["president"]);
    let p = d.body("president").unwrap();
    assert_eq!(p.term_years, Some(5.0));
    assert!(
        !p.non_partisan,
        "the 2017 amendment dropped the severance from the party"
    );
    assert_eq!(
        steps(&d, "president", "election"),
        vec![s("electorate", StepRole::Elect)]
    );
    // Vice Presidents and ministers: appointed and dismissed by the President alone (Art. 104, 106).
    for body in ["vice_president", "government", "minister_of_justice"] {
        assert_eq!(
            steps(&d, body, "appointment"),
            vec![s("president", StepRole::Appoint)],
            "{body}"
        );
        assert!(
            has_edge(&d, "president", body, EdgeKind::DismissAtWill, None),
            "{body}"
        );
        assert!(
            has_edge(&d, "tbmm", body, EdgeKind::Impeach, None),
            "{body}"
        );
        assert!(
            has_edge(&d, "constitutional_court", body, EdgeKind::Impeach, None),
            "{body}"
        );
        assert!(
            !has_edge(&d, "tbmm", body, EdgeKind::NoConfidence, None),
            "{body}"
        );
    }
}

#[test]
fn the_tbmm_has_600_party_list_seats_with_a_free_mandate() {
    let d = dataset();
    let tbmm = d.body("tbmm").unwrap();
    assert_eq!(tbmm.seats, 600);
    assert_eq!(tbmm.role, Some(Role::Legislature));
    assert_eq!(tbmm.term_years, Some(5.0));
    let ch = tbmm.channel("party_lists").unwrap();
    assert_eq!(ch.seats, 600);
    assert_eq!(ch.mandate, Mandate::Free);
    assert_eq!(
        steps(&d, "tbmm", "party_lists"),
        vec![
            s("political_parties", StepRole::Nominate),
            s("electorate", StepRole::Elect)
        ]
    );
    let parties = d.body("political_parties").unwrap();
    assert_eq!(parties.registration, Some(Registration::Notification));
    assert_eq!(
        steps(&d, "political_parties", "founding"),
        vec![s("electorate", StepRole::Elect)]
    );
    // The Constitutional Court may dissolve a party on the Chief Prosecutor's case (Art. 69).
    assert!(has_edge(
        &d,
        "constitutional_court",
        "political_parties",
        EdgeKind::Dissolve,
        None
    ));
    assert!(has_edge(
        &d,
        "prosecutor_general",
        "constitutional_court",
        EdgeKind::Petitions,
        None
    ));
}

#[test]
fn either_side_may_renew_the_elections_and_the_veto_is_overridden_by_301() {
    let d = dataset();
    assert!(has_edge(&d, "president", "tbmm", EdgeKind::Dissolve, None));
    let renewal = d
        .edges
        .iter()
        .find(|e| e.from == "tbmm" && e.to == "president" && e.kind == EdgeKind::Dissolve)
        .unwrap();
    assert!(renewal.threshold.as_deref().unwrap().contains("360"));
    assert!(renewal.after_refusals.is_none());
    assert!(has_edge(&d, "president", "tbmm", EdgeKind::Vetoes, None));
    let override_edge = d
        .edges
        .iter()
        .find(|e| e.from == "tbmm" && e.to == "president" && e.kind == EdgeKind::Overrides)
        .unwrap();
    assert!(override_edge.threshold.as_deref().unwrap().contains("301"));
    let impeach = d
        .edges
        .iter()
        .find(|e| e.from == "tbmm" && e.to == "president" && e.kind == EdgeKind::Impeach)
        .unwrap();
    let t = impeach.threshold.as_deref().unwrap();
    assert!(
        t.contains("301") && t.contains("360") && t.contains("400"),
        "{t}"
    );
}

#[test]
fn the_constitutional_court_is_12_by_the_president_and_3_by_the_tbmm() {
    let d = dataset();
    let cc = d.body("constitutional_court").unwrap();
    assert_eq!(cc.seats, 15);
    assert_eq!(cc.term_years, Some(12.0));
    assert!(cc.independent && cc.non_partisan);
    let seats: Vec<(&str, u32)> = cc
        .channels
        .iter()
        .map(|c| (c.id.as_str(), c.seats))
        .collect();
    assert_eq!(
        seats,
        vec![
            ("court_of_cassation", 3),
            ("council_of_state", 2),
            ("yok", 3),
            ("president_direct", 4),
            ("court_of_accounts", 2),
            ("bar", 1)
        ]
    );
    for (channel, nominator) in [
        ("court_of_cassation", "court_of_cassation"),
        ("council_of_state", "council_of_state"),
        ("yok", "yok"),
    ] {
        assert_eq!(
            steps(&d, "constitutional_court", channel),
            vec![
                s(nominator, StepRole::Shortlist),
                s("president", StepRole::Appoint)
            ]
        );
    }
    assert_eq!(
        steps(&d, "constitutional_court", "court_of_accounts"),
        vec![
            s("sayistay", StepRole::Shortlist),
            s("tbmm", StepRole::Elect)
        ]
    );
    assert_eq!(
        steps(&d, "constitutional_court", "bar"),
        vec![
            s("bar_associations", StepRole::Shortlist),
            s("tbmm", StepRole::Elect)
        ]
    );
    // Membership ends only by Art. 147: nobody may dismiss, dissolve or impeach the Court.
    assert!(!d.edges.iter().any(|e| e.to == "constitutional_court"
        && matches!(
            e.kind,
            EdgeKind::DismissAtWill
                | EdgeKind::DismissForCause
                | EdgeKind::Dissolve
                | EdgeKind::Impeach
        )));
}

#[test]
fn the_hsk_is_two_ex_officio_four_presidential_and_seven_tbmm_members() {
    let d = dataset();
    let hsk = d.body("hsk").unwrap();
    assert_eq!(hsk.seats, 13);
    assert_eq!(hsk.role, Some(Role::JudicialCouncil));
    assert_eq!(
        steps(&d, "hsk", "minister"),
        vec![s("minister_of_justice", StepRole::ExOfficio)]
    );
    assert_eq!(
        steps(&d, "hsk", "undersecretary"),
        vec![s("justice_undersecretary", StepRole::ExOfficio)]
    );
    assert_eq!(hsk.channel("president_members").unwrap().seats, 4);
    assert_eq!(
        steps(&d, "hsk", "president_members"),
        vec![s("president", StepRole::Appoint)]
    );
    assert_eq!(hsk.channel("tbmm_members").unwrap().seats, 7);
    assert_eq!(
        steps(&d, "hsk", "tbmm_members"),
        vec![s("tbmm", StepRole::Elect)]
    );
    // The ex officio pair serves at the President's pleasure, the other 11 do not.
    assert!(has_edge(
        &d,
        "president",
        "hsk",
        EdgeKind::DismissAtWill,
        Some("minister")
    ));
    assert!(has_edge(
        &d,
        "president",
        "hsk",
        EdgeKind::DismissAtWill,
        Some("undersecretary")
    ));
    assert!(!has_edge(
        &d,
        "president",
        "hsk",
        EdgeKind::DismissAtWill,
        None
    ));
    let a = analysis(&d);
    let h = a.body("hsk").unwrap();
    assert!(
        close(h.control_of("president"), 6.0 / 13.0),
        "{}",
        h.control_of("president")
    );
    assert!(
        close(h.control_of("tbmm"), 7.0 / 13.0),
        "{}",
        h.control_of("tbmm")
    );
    assert_eq!(h.removable_at_will_by, vec!["president".to_string()]);
}

#[test]
fn the_high_courts_and_election_council_are_filled_through_the_hsk() {
    let d = dataset();
    assert_eq!(
        steps(&d, "court_of_cassation", "hsk"),
        vec![s("hsk", StepRole::Elect)]
    );
    let cos = d.body("council_of_state").unwrap();
    assert!(cos.seats_nominal);
    assert_eq!(cos.channel("hsk").unwrap().seats, 3);
    assert_eq!(cos.channel("president").unwrap().seats, 1);
    assert_eq!(
        steps(&d, "prosecutor_general", "appointment"),
        vec![
            s("court_of_cassation", StepRole::Shortlist),
            s("president", StepRole::Appoint)
        ]
    );
    let ysk = d.body("central_election_commission").unwrap();
    assert_eq!(ysk.role, Some(Role::Elections));
    assert_eq!(ysk.seats, 7);
    assert_eq!(ysk.channel("court_of_cassation").unwrap().seats, 4);
    assert_eq!(ysk.channel("council_of_state").unwrap().seats, 3);
    let a = analysis(&d);
    // Council of State: 1/4 directly + 3/4 x 6/13 through the HSK.
    let cos_p = a.body("council_of_state").unwrap().control_of("president");
    assert!(close(cos_p, 0.25 + 0.75 * 6.0 / 13.0), "{cos_p}");
    // Supreme Election Council: 4/7 through the Court of Cassation, 3/7 through the Council of State.
    let ysk_p = a
        .body("central_election_commission")
        .unwrap()
        .control_of("president");
    assert!(
        close(
            ysk_p,
            4.0 / 7.0 * 6.0 / 13.0 + 3.0 / 7.0 * (0.25 + 0.75 * 6.0 / 13.0)
        ),
        "{ysk_p}"
    );
}

#[test]
fn the_tbmm_elects_the_court_of_accounts_and_the_chief_ombudsperson() {
    let d = dataset();
    let sayistay = d.body("sayistay").unwrap();
    assert_eq!(sayistay.role, Some(Role::Audit));
    assert_eq!(
        steps(&d, "sayistay", "president"),
        vec![s("tbmm", StepRole::Elect)]
    );
    assert!(has_edge(
        &d,
        "sayistay",
        "government",
        EdgeKind::Audits,
        None
    ));
    let ombudsman = d.body("human_rights_commissioner").unwrap();
    assert_eq!(ombudsman.role, Some(Role::Ombudsman));
    assert_eq!(ombudsman.term_years, Some(4.0));
    assert_eq!(
        steps(&d, "human_rights_commissioner", "election"),
        vec![s("tbmm", StepRole::Elect)]
    );
    let a = analysis(&d);
    for body in ["sayistay", "human_rights_commissioner"] {
        assert!(
            close(a.body(body).unwrap().control_of("tbmm"), 1.0),
            "{body}"
        );
    }
}

#[test]
fn the_president_controls_71_percent_of_the_constitutional_court() {
    let d = dataset();
    let a = analysis(&d);
    let cc = a.body("constitutional_court").unwrap();
    // Direct seats: 4 alone + half of each of the 8 shortlisted seats.
    assert!(
        close(cc.direct["president"], 8.0),
        "{}",
        cc.direct["president"]
    );
    assert!(close(cc.direct["tbmm"], 1.5), "{}", cc.direct["tbmm"]);
    // Integrated: 8/15 + 1.5/15 x 6/13 (Court of Cassation via the HSK)
    // + 1/15 x (1/4 + 3/4 x 6/13) (Council of State) + 1.5/15 x 11/12 (YÖK).
    let expected = 8.0 / 15.0
        + 1.5 / 15.0 * 6.0 / 13.0
        + 1.0 / 15.0 * (0.25 + 0.75 * 6.0 / 13.0)
        + 1.5 / 15.0 * 11.0 / 12.0;
    let p = cc.control_of("president");
    assert!(close(p, expected), "{p} vs {expected}");
    assert!((p - 0.711).abs() < 0.001, "{p}");
    assert!(a.flags.iter().any(|f| f.rule == "independent_majority"
        && f.body == "constitutional_court"
        && f.actor.as_deref() == Some("president")));
    // The Court that tries the President is mostly the President's pick.
    assert!(
        a.flags
            .iter()
            .any(|f| f.rule == "overseer_formed_by_overseen"
                && f.body == "constitutional_court"
                && f.actor.as_deref() == Some("president"))
    );
}

#[test]
fn tbmm_elections_end_in_a_run_off_or_a_lot_so_no_minority_can_block() {
    // Art. 146, 159, 74: qualified majorities in the first rounds, then the top two. The last
    // round decides (codebook R8): s = 0, reported only, since the TBMM is the proposer.
    let d = dataset();
    for (body, channel) in [
        ("constitutional_court", "court_of_accounts"),
        ("constitutional_court", "bar"),
        ("hsk", "tbmm_members"),
        ("human_rights_commissioner", "election"),
    ] {
        let st = d
            .body(body)
            .unwrap()
            .channel(channel)
            .unwrap()
            .steps
            .iter()
            .find(|st| st.actor == "tbmm")
            .unwrap();
        let v = st
            .vote
            .as_ref()
            .unwrap_or_else(|| panic!("{body}/{channel}"));
        assert!(v.to_string().contains("2/3"), "{body}/{channel}: {v}");
        assert!(close(st.veto_strength(), 0.0), "{body}/{channel}");
    }
    // Art. 154, 79: the HSK and the high courts' general assemblies by an absolute majority.
    let st = &d
        .body("court_of_cassation")
        .unwrap()
        .channel("hsk")
        .unwrap()
        .steps[0];
    assert!(close(st.veto_strength(), 1.0));
    // No reading meets codebook R18.
    assert!(d.contested().is_empty());
    // The renewal of elections by the President: the bar of Art. 116.
    let e = d
        .edges
        .iter()
        .find(|e| e.from == "president" && e.to == "tbmm" && e.kind == EdgeKind::Dissolve)
        .unwrap();
    assert!(e.bars.contains("Art. 105"), "{}", e.bars);
}

#[test]
fn tbmm_alignment_and_the_presidents_powers() {
    // Codebook R21-R22: concurrent elections (Art. 77, 116), party leadership (Art. 101 as
    // amended), no confidence vote (Art. 98, 106); decrees, emergency, the HSK under the
    // Minister of Justice (Art. 104(17), 119, 159).
    let d = dataset();
    assert_eq!(
        d.body("tbmm")
            .unwrap()
            .alignment
            .keys()
            .copied()
            .collect::<Vec<_>>(),
        vec![
            Alignment::ConcurrentElections,
            Alignment::HeadMayLeadParty,
            Alignment::ExecutiveFreeOfConfidence
        ]
    );
    let p = &d.body("president").unwrap().powers;
    assert_eq!(
        p.keys().copied().collect::<Vec<_>>(),
        vec![
            Power::DecreesWithForceOfLaw,
            Power::EmergencyPowers,
            Power::PresidesJudicialDiscipline
        ]
    );
    assert!(p[&Power::PresidesJudicialDiscipline].contains("159"));
}

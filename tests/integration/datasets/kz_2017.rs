//! Legal facts of data/kz-2017.ron (the 1995 Constitution as amended on 10 March 2017, as of
//! 1 June 2022, the last week before the referendum amendments took effect).

use super::{close, consented_by, s, steps};
use bilik::analysis::{Options, analyze, headline};
use bilik::model::{Alignment, Dataset, EdgeKind, Mandate, Power, Role, StepRole};

fn dataset() -> Dataset {
    super::dataset("kz-2017")
}

#[test]
fn the_constitutional_council_is_filled_as_old_article_71_says() {
    let d = dataset();
    let cc = d.body("constitutional_court").unwrap();
    assert_eq!(cc.role, Some(Role::ConstitutionalReview));
    assert_eq!(cc.names.en, "Constitutional Council");
    assert_eq!(cc.names.ru, "Конституционный Совет");
    assert_eq!(cc.names.kk, "Конституциялық Кеңес");
    // Seven members plus the one ex-President living at the as_of date.
    assert_eq!(cc.seats, 8);
    assert_eq!(cc.term_years, Some(6.0));
    let seats: Vec<(&str, u32)> = cc
        .channels
        .iter()
        .map(|c| (c.id.as_str(), c.seats))
        .collect();
    assert_eq!(
        seats,
        vec![
            ("chair", 1),
            ("president_members", 2),
            ("senate_members", 2),
            ("mazhilis_members", 2),
            ("ex_presidents", 1),
        ]
    );
    // The Chair: the President alone, no Senate consent before 2022.
    assert_eq!(
        steps(&d, "constitutional_court", "chair"),
        vec![s("president", StepRole::Appoint)]
    );
    assert_eq!(
        steps(&d, "constitutional_court", "senate_members"),
        vec![
            s("senate_chair", StepRole::Nominate),
            s("senate", StepRole::Appoint)
        ]
    );
    assert_eq!(
        steps(&d, "constitutional_court", "mazhilis_members"),
        vec![
            s("mazhilis_chair", StepRole::Nominate),
            s("mazhilis", StepRole::Appoint)
        ]
    );
    assert_eq!(
        steps(&d, "constitutional_court", "ex_presidents"),
        vec![s("first_president", StepRole::ExOfficio)]
    );
    // Old art. 23(2) did not cover the Council.
    assert!(!cc.non_partisan);
}

#[test]
fn the_senate_has_thirty_four_elected_and_fifteen_appointed() {
    let d = dataset();
    let senate = d.body("senate").unwrap();
    assert_eq!(senate.seats, 49);
    let seats: Vec<(&str, u32)> = senate
        .channels
        .iter()
        .map(|c| (c.id.as_str(), c.seats))
        .collect();
    assert_eq!(seats, vec![("elected", 34), ("presidential_quota", 15)]);
    assert_eq!(
        steps(&d, "senate", "elected"),
        vec![s("maslikhats", StepRole::Elect)]
    );
    assert_eq!(
        steps(&d, "senate", "presidential_quota"),
        vec![s("president", StepRole::Appoint)]
    );
    assert!(d.edges.iter().any(|e| e.from == "president"
        && e.to == "senate"
        && e.kind == EdgeKind::DismissAtWill
        && e.channel.as_deref() == Some("presidential_quota")));
}

#[test]
fn the_mazhilis_has_ninety_eight_list_seats_and_nine_from_the_assembly() {
    let d = dataset();
    let m = d.body("mazhilis").unwrap();
    assert_eq!(m.seats, 107);
    let list = m.channel("party_list").unwrap();
    assert_eq!((list.seats, list.mandate), (98, Mandate::Imperative));
    assert_eq!(
        steps(&d, "mazhilis", "party_list"),
        vec![
            s("political_parties", StepRole::Nominate),
            s("electorate", StepRole::Elect)
        ]
    );
    let quota = m.channel("assembly_quota").unwrap();
    assert_eq!((quota.seats, quota.mandate), (9, Mandate::Free));
    assert_eq!(
        steps(&d, "mazhilis", "assembly_quota"),
        vec![s("assembly_of_people", StepRole::Elect)]
    );
    assert!(
        m.channel("districts").is_none(),
        "no single-member districts before 2022"
    );
}

#[test]
fn senate_consent_covers_only_the_three_posts_of_old_article_55_2() {
    let d = dataset();
    assert_eq!(
        consented_by(&d, "senate"),
        vec![
            "national_bank/chair",
            "national_security_committee/chair",
            "prosecutor_general/appointment"
        ]
    );
    // The Highest Judicial Council's Chair: the President alone.
    assert_eq!(
        steps(&d, "supreme_judicial_council", "chair"),
        vec![s("president", StepRole::Appoint)]
    );
    // No constitutional term for the Prosecutor General in this model.
    assert_eq!(d.body("prosecutor_general").unwrap().term_years, None);
}

#[test]
fn the_accounts_committee_is_the_audit_body() {
    let d = dataset();
    assert!(d.body("supreme_audit_chamber").is_none());
    let ac = d.body("accounts_committee").unwrap();
    assert_eq!(ac.role, Some(Role::Audit));
    assert!(ac.independent);
    assert_eq!(ac.seats, 9);
    let seats: Vec<(&str, u32)> = ac
        .channels
        .iter()
        .map(|c| (c.id.as_str(), c.seats))
        .collect();
    assert_eq!(
        seats,
        vec![
            ("president_members", 3),
            ("senate_members", 3),
            ("mazhilis_members", 3)
        ]
    );
    assert_eq!(d.body("central_election_commission").unwrap().seats, 7);
    // Exactly one body in each comparison role the headline reads.
    assert_eq!(
        d.bodies
            .iter()
            .filter(|b| b.role == Some(Role::Audit))
            .count(),
        1
    );
    assert_eq!(
        d.bodies
            .iter()
            .filter(|b| b.role == Some(Role::HeadOfState))
            .count(),
        1
    );
}

#[test]
fn only_officials_and_courts_may_petition_the_council() {
    let d = dataset();
    let mut from: Vec<&str> = d
        .edges
        .iter()
        .filter(|e| e.kind == EdgeKind::Petitions && e.to == "constitutional_court")
        .map(|e| e.from.as_str())
        .collect();
    from.sort();
    assert_eq!(
        from,
        vec![
            "local_courts",
            "mazhilis_chair",
            "president",
            "prime_minister",
            "senate_chair"
        ]
    );
}

#[test]
fn the_president_serves_five_years_may_join_a_party_and_dissolves() {
    let d = dataset();
    let p = d.body("president").unwrap();
    assert_eq!(p.term_years, Some(5.0));
    assert!(!p.non_partisan);
    assert!(!p.relatives_ban);
    for to in ["mazhilis", "senate", "maslikhats"] {
        assert!(
            d.edges
                .iter()
                .any(|e| e.from == "president" && e.to == to && e.kind == EdgeKind::Dissolve),
            "{to}"
        );
    }
}

#[test]
fn regional_akims_single_candidate_and_the_president_may_annul_their_acts() {
    let d = dataset();
    let akims = d.body("regional_akims").unwrap();
    assert_eq!(akims.seats, 17);
    assert_eq!(
        steps(&d, "regional_akims", "appointment"),
        vec![
            s("president", StepRole::Appoint),
            s("maslikhats", StepRole::Consent)
        ]
    );
    assert!(
        d.edges.iter().any(|e| e.from == "president"
            && e.to == "regional_akims"
            && e.kind == EdgeKind::Directs)
    );
    assert!(d.edges.iter().any(|e| e.from == "president"
        && e.to == "regional_akims"
        && e.kind == EdgeKind::DismissAtWill));
}

#[test]
fn every_channel_and_edge_cites_the_law() {
    let d = dataset();
    for b in &d.bodies {
        assert!(!b.source.trim().is_empty(), "{}", b.id);
        for c in &b.channels {
            assert!(!c.source.trim().is_empty(), "{}/{}", b.id, c.id);
        }
    }
    for e in &d.edges {
        assert!(!e.source.trim().is_empty(), "{e:?}");
    }
}

#[test]
fn the_headline_the_president_holds_the_largest_bloc_not_a_majority() {
    let d = dataset();
    let o = Options::of(&d);
    let a = analyze(&d, &o).unwrap();
    let h = headline::headline(&d, &o, &a).unwrap();
    assert_eq!(
        (h.principal.as_str(), h.body.as_str()),
        ("president", "constitutional_court")
    );
    assert_eq!(h.picked, 3, "the Chair and 2 members");
    assert!(close(h.direct, 3.0 / 8.0), "{}", h.direct);
    // Through the Senate Chair (1 seat of nomination, of which the President holds
    // 1/2 + 1/2 * 15/49) and the Senate (1 seat of appointment, 15/49 his).
    let senate = 15.0 / 49.0;
    let chair = 0.5 + 0.5 * senate;
    assert!(close(h.total, (3.0 + chair + senate) / 8.0), "{}", h.total);
    let cc = a.body("constitutional_court").unwrap();
    assert!(close(cc.control_of("first_president"), 1.0 / 8.0));
    // Below one half: a largest-bloc flag, not a majority flag.
    assert!(
        a.flags
            .iter()
            .any(|f| f.rule == "independent_largest_bloc" && f.body == "constitutional_court")
    );
    assert!(
        !a.flags
            .iter()
            .any(|f| f.rule == "independent_majority" && f.body == "constitutional_court")
    );
    // The Commissioner, appointed by the President on the Senate's recommendation.
    let hrc = a
        .body("human_rights_commissioner")
        .unwrap()
        .control_of("president");
    assert!(close(hrc, 0.8 + 0.2 * senate), "{hrc}");
}

#[test]
fn contested_readings_include_the_disputed_ombudsman_procedure() {
    // Codebook R18 ground 4: the Commissioner's site and RFE/RL disagree on the Senate's role.
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
            "art57_6_discretionary",
            "cc_chair_release_for_cause",
            "consultation_as_recommendation",
            "ombudsman_senate_consent",
            "sjc_recommendation_binding",
        ]
    );
    let read = d
        .with_alternatives(&["ombudsman_senate_consent".to_string()])
        .unwrap();
    assert_eq!(
        steps(&read, "human_rights_commissioner", "election"),
        vec![
            s("president", StepRole::Appoint),
            s("senate", StepRole::Consent)
        ]
    );
}

#[test]
fn mazhilis_alignment_and_the_presidents_powers() {
    // Codebook R21-R22: before 8 June 2022 the President could lead a party (art. 43(3) came
    // then); art. 45(2) decrees were repealed on 10 March 2017.
    let d = dataset();
    let m = &d.body("mazhilis").unwrap().alignment;
    assert_eq!(m.len(), 4);
    assert!(m.contains_key(&Alignment::HeadMayLeadParty));
    assert!(!m.contains_key(&Alignment::ConcurrentElections));
    assert_eq!(d.body("maslikhats").unwrap().alignment.len(), 3);
    assert!(d.body("first_president").unwrap().alignment.is_empty());
    let p = &d.body("president").unwrap().powers;
    assert_eq!(p.len(), 2);
    assert!(!p.contains_key(&Power::DecreesWithForceOfLaw));
}

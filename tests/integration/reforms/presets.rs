//! Each preset alone against kz-2022, with the change the analysis must see, and all eleven.

use bilik::model::{EdgeKind, Registration, StepRole};

use super::{baseline, keys, presets, reformed};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn every_preset_alone_changes_what_the_analysis_sees() {
    for id in presets().ids() {
        let (_, c) = reformed(&[id]);
        assert!(!c.diff.is_empty(), "{id} changes nothing visible");
    }
}

#[test]
fn p1_makes_the_presidential_administration_non_partisan() {
    let (after, c) = reformed(&["P1"]);
    assert!(
        after
            .body("presidential_administration")
            .unwrap()
            .non_partisan
    );
    assert_eq!(
        keys(&c.diff.flags_cleared),
        vec![("non_partisan_gap", "presidential_administration", None)]
    );
    assert!(c.diff.flags_raised.is_empty());
}

#[test]
fn p2_bans_relatives_in_every_senior_post() {
    let (after, c) = reformed(&["P2"]);
    assert_eq!(c.diff.flags_cleared.len(), 16);
    assert!(
        c.diff
            .flags_cleared
            .iter()
            .all(|f| f.rule == "relatives_ban_gap")
    );
    assert!(!c.after.flags.iter().any(|f| f.rule == "relatives_ban_gap"));
    let pm = after.body("prime_minister").unwrap();
    assert!(pm.relatives_ban);
    assert!(
        pm.attribute_source("relatives_ban")
            .starts_with("Proposal P2 of the source article (ART)")
    );
}

#[test]
fn p3_has_the_president_head_a_government_no_chamber_can_bring_down() {
    let (after, c) = reformed(&["P3"]);
    let steps: Vec<(&str, StepRole)> = after
        .body("prime_minister")
        .unwrap()
        .channel("appointment")
        .unwrap()
        .steps
        .iter()
        .map(|s| (s.actor.as_str(), s.role))
        .collect();
    assert_eq!(
        steps,
        vec![
            ("president", StepRole::Appoint),
            ("senate", StepRole::Consent)
        ]
    );
    let gov = after.body("government").unwrap();
    let channels: Vec<&str> = gov.channels.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(channels, vec!["ministers"]);
    assert_eq!(
        c.diff.edges_removed,
        vec![
            "mazhilis -no_confidence-> government",
            "president -dissolve-> mazhilis",
            "president -dissolve-> senate"
        ]
    );
    // The President's direction of the Government is in the baseline (art. 66(1), 66(9-1)).
    assert_eq!(c.diff.edges_added, Vec::<String>::new());
    assert!(keys(&c.diff.flags_cleared).contains(&(
        "dissolves_elected_body",
        "mazhilis",
        Some("president")
    )));
    // The Mazhilis no longer consents to the Prime Minister: its half goes to the Senate.
    let pm = c.diff.body("prime_minister").unwrap();
    assert_eq!(pm.control["mazhilis"], (0.5, 0.0));
    assert!(close(pm.control["president"].1, 0.6));
}

#[test]
fn p4_takes_the_dissolution_of_maslikhats_from_the_president() {
    let (after, c) = reformed(&["P4"]);
    assert!(
        !after
            .edges
            .iter()
            .any(|e| e.from == "president" && e.to == "maslikhats")
    );
    assert_eq!(
        c.diff.edges_added,
        vec!["electorate -dissolve-> maslikhats"]
    );
    assert_eq!(
        keys(&c.diff.flags_cleared),
        vec![("dissolves_elected_body", "maslikhats", Some("president"))]
    );
}

#[test]
fn p5_fills_the_senate_by_direct_election() {
    let (after, c) = reformed(&["P5"]);
    let senate = after.body("senate").unwrap();
    assert_eq!(senate.seats, 40);
    assert_eq!(senate.channels.len(), 1);
    assert!(c.after.principals.contains(&"senate".to_string()));
    assert!(!c.before.principals.contains(&"senate".to_string()));
    let s = c.diff.body("senate").unwrap();
    assert_eq!(s.seats, (Some(50), Some(40)));
    assert!(close(s.control["president"].0, 0.2) && s.control["president"].1 == 0.0);
    assert!(close(s.control["electorate"].1, 1.0));
    let cleared = keys(&c.diff.flags_cleared);
    assert!(cleared.contains(&("appoint_dismiss_at_will", "senate", Some("president"))));
    for body in [
        "constitutional_court",
        "national_bank",
        "prosecutor_general",
        "national_security_committee",
        "supreme_judicial_council",
        "supreme_court",
        "human_rights_commissioner",
        "senate_chair",
    ] {
        assert!(
            cleared.contains(&("self_confirmation", body, Some("president"))),
            "{body}"
        );
    }
    assert!(keys(&c.diff.flags_raised).contains(&(
        "dissolves_elected_body",
        "senate",
        Some("president")
    )));
}

#[test]
fn p6_moves_twenty_mazhilis_seats_from_the_parties_to_the_voters() {
    let (_, c) = reformed(&["P6"]);
    let m = c.diff.body("mazhilis").unwrap();
    assert_eq!(m.channels_changed, vec!["districts", "party_list"]);
    assert_eq!(m.direct["political_parties"], (34.5, 24.5));
    assert_eq!(m.direct["electorate"], (63.5, 73.5));
    let flag = c
        .after
        .flags
        .iter()
        .find(|f| f.rule == "imperative_mandate")
        .unwrap();
    assert_eq!(flag.value, 49.0);
}

#[test]
fn p7_ends_registration_by_permit() {
    let (after, c) = reformed(&["P7"]);
    assert_eq!(
        after.body("political_parties").unwrap().registration,
        Some(Registration::Notification)
    );
    assert!(keys(&c.diff.flags_cleared).contains(&(
        "party_registration_permit",
        "political_parties",
        Some("government")
    )));
    let p = c.diff.body("political_parties").unwrap();
    assert!(close(p.control["electorate"].0, 0.5) && close(p.control["electorate"].1, 1.0));
}

#[test]
fn p8_lets_both_chambers_investigate_the_government() {
    let (after, c) = reformed(&["P8"]);
    assert_eq!(
        c.diff.edges_added,
        vec![
            "mazhilis -investigates-> government",
            "senate -investigates-> government"
        ]
    );
    assert!(
        after
            .edges
            .iter()
            .filter(|e| e.kind == EdgeKind::Investigates)
            .all(|e| e
                .source
                .starts_with("Proposal P8 of the source article (ART)"))
    );
    // The Government already answers to both chambers (art. 57(6)): no flag moves.
    assert!(c.diff.flags_raised.is_empty() && c.diff.flags_cleared.is_empty());
}

#[test]
fn p9_has_parliament_form_the_whole_audit_chamber() {
    let (after, c) = reformed(&["P9"]);
    let sac = after.body("supreme_audit_chamber").unwrap();
    assert!(
        !sac.channels
            .iter()
            .any(|ch| ch.steps.iter().any(|s| s.actor == "president"))
    );
    let d = c.diff.body("supreme_audit_chamber").unwrap();
    // Before: his 3 seats, and 60% of the Chair of the Senate's and 20% of the Senate's 1.5
    // seats each. After: only through the Senate's 4 members (2 seats to its Chair, 2 to the
    // Senate) and its third of the new Chair's seat.
    assert!(close(
        d.control["president"].0,
        (3.0 + 1.5 * 0.6 + 1.5 * 0.2) / 9.0
    ));
    assert!(close(
        d.control["president"].1,
        (2.0 * 0.6 + (2.0 + 1.0 / 3.0) * 0.2) / 9.0
    ));
    assert_eq!(
        keys(&c.diff.flags_cleared),
        vec![(
            "independent_largest_bloc",
            "supreme_audit_chamber",
            Some("president")
        )]
    );
    assert_eq!(
        keys(&c.diff.flags_raised),
        vec![(
            "independent_majority",
            "supreme_audit_chamber",
            Some("mazhilis")
        )]
    );
}

#[test]
fn p10_hands_the_constitutional_court_to_the_mazhilis_and_the_communities() {
    let (after, c) = reformed(&["P10"]);
    for id in ["legal_self_government", "human_rights_organisations"] {
        assert!(
            after.body(id).unwrap().channels.is_empty(),
            "{id} is a root"
        );
        assert!(
            c.after.principals.contains(&id.to_string()),
            "{id} is a principal"
        );
    }
    // "Advocates, judges and others": half a root, half the judges, whom the President
    // appoints (art. 82(2)); so the communities are not a principal (codebook R16).
    assert!(
        !c.after
            .principals
            .contains(&"legal_professions".to_string())
    );
    let lp = c.after.body("legal_professions").unwrap();
    let judges = c
        .after
        .body("local_courts")
        .unwrap()
        .control_of("president");
    assert!(close(lp.control_of("president"), 0.5 * judges));
    assert!(close(lp.control_of("legal_self_government"), 0.5));
    let cc = c.after.body("constitutional_court").unwrap();
    // 6 of 11 seats on the communities' nomination, half of each the nominator's.
    assert!(close(
        cc.control_of("president"),
        6.0 * 0.5 * 0.5 * judges / 11.0
    ));
    assert!(close(
        cc.control_of("legal_self_government"),
        6.0 * 0.5 * 0.5 / 11.0
    ));
    assert!(close(
        cc.control_of("human_rights_organisations"),
        2.5 / 11.0
    ));
    // The article's reading, the communities wholly independent, is the alternative.
    let independent = after
        .with_alternatives(&["legal_professions_independent".to_string()])
        .unwrap();
    let a = bilik::analysis::analyze(&independent, &bilik::analysis::Options::of(&independent))
        .unwrap();
    assert_eq!(
        a.body("constitutional_court")
            .unwrap()
            .control_of("president"),
        0.0
    );
    let cleared = keys(&c.diff.flags_cleared);
    assert!(cleared.contains(&(
        "independent_majority",
        "constitutional_court",
        Some("president")
    )));
    assert!(cleared.contains(&(
        "appoint_dismiss_at_will",
        "constitutional_court",
        Some("president")
    )));
}

#[test]
fn p11_adds_financial_liability_of_judges() {
    let (_, c) = reformed(&["P11"]);
    assert_eq!(
        keys(&c.diff.flags_cleared),
        vec![
            ("judicial_liability_gap", "local_courts", None),
            ("judicial_liability_gap", "supreme_court", None)
        ]
    );
}

#[test]
fn the_headline_of_f11_moves_with_p5_and_p10() {
    let (_, c) = reformed(&[]);
    let h = c.headline.0.as_ref().unwrap();
    let through = |h: &bilik::analysis::Headline, id: &str| {
        h.through.iter().find(|(k, _)| k == id).map(|(_, x)| *x)
    };
    // Baseline: 40.9% directly, 8.2% through the Chair of the Senate, 3.6% through the Senate.
    assert!(close(h.direct, 4.5 / 11.0));
    assert!(close(through(h, "senate_chair").unwrap(), 1.5 * 0.6 / 11.0));
    assert!(close(through(h, "senate").unwrap(), 2.0 * 0.2 / 11.0));
    assert!(close(h.total, 5.8 / 11.0));
    // P5: the part through the Senate disappears; the Chair of the Senate, still the
    // President's nominee, now owes him half instead of 60%.
    let (_, c) = reformed(&["P5"]);
    let h = c.headline.1.as_ref().unwrap();
    assert_eq!(through(h, "senate"), None);
    assert!(close(through(h, "senate_chair").unwrap(), 1.5 * 0.5 / 11.0));
    assert!(close(h.total, 5.25 / 11.0));
    // P10: the President picks nothing; what he keeps comes only through the judges among
    // the legal professional communities.
    let (_, c) = reformed(&["P10"]);
    let h = c.headline.1.as_ref().unwrap();
    assert_eq!((h.direct, h.picked), (0.0, 0));
    assert_eq!(h.through.len(), 1);
    assert!(close(through(h, "legal_professions").unwrap(), h.total));
    assert!(h.total > 0.12 && h.total < 0.13, "{}", h.total);
}

#[test]
fn all_eleven_compose() {
    let all = presets();
    let ids = all.ids();
    let (after, c) = reformed(&ids);
    assert_eq!(bilik::model::validate(&after), vec![]);
    // Only the judges among P10's legal professional communities still tie the Court to him.
    let h = c.headline.1.as_ref().unwrap();
    assert_eq!((h.direct, h.picked), (0.0, 0));
    assert!(h.total > 0.12 && h.total < 0.13, "{}", h.total);
    let president = |s: &bilik::analysis::SystemSummary| s.principal("president").unwrap().clone();
    let (before, now) = (president(&c.before.summary), president(&c.after.summary));
    assert_eq!((before.bodies_majority, now.bodies_majority), (13, 5));
    assert!(now.independent_seat_share < before.independent_seat_share - 0.2);
    assert!(c.after.summary.system_hhi < c.before.summary.system_hhi);
    // Every attribute flag of the article is gone.
    for rule in [
        "non_partisan_gap",
        "relatives_ban_gap",
        "party_registration_permit",
        "judicial_liability_gap",
        "dissolves_elected_body",
    ] {
        let left: Vec<_> = c.after.flags.iter().filter(|f| f.rule == rule).collect();
        let expected = usize::from(rule == "non_partisan_gap") * 3;
        assert_eq!(left.len(), expected, "{rule}: {left:?}");
    }
    assert_eq!(
        keys(&c.diff.flags_raised),
        vec![
            // With the judges' half of P10's communities no longer a root, the Mazhilis's
            // share of the Court passes one half.
            (
                "independent_majority",
                "constitutional_court",
                Some("mazhilis")
            ),
            (
                "independent_majority",
                "supreme_audit_chamber",
                Some("mazhilis")
            ),
            (
                "independent_largest_bloc",
                "central_election_commission",
                Some("president")
            ),
            ("unaccountable", "constitutional_court", None),
        ]
    );
    // Applying them in any order of listing gives the same state.
    let mut reversed: Vec<String> = ids.iter().rev().map(|s| s.to_string()).collect();
    reversed.dedup();
    assert_eq!(
        bilik::reform::apply(&baseline(), &all, &reversed).unwrap(),
        after
    );
}

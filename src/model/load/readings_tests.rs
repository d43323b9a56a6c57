//! The conversions of `readings`: each new field read into the domain, and each way it can
//! be wrong reported with its code.

use super::tests::MINI;
use super::*;
use crate::model::vote::{Base, Fraction, Round, Rule};
use crate::model::{Alignment, Cover, EdgeKind, Power, StepRole};

const CONSENT: &str = r#"(actor: "electorate", role: consent)"#;
const EDGE: &str = r#"(from: "president", to: "court", kind: dismiss_at_will, channel: "chair", source: "art. 3(3)"),"#;

fn with_consent(step: &str) -> String {
    MINI.replace(CONSENT, step)
}

fn with_edge(edge: &str) -> String {
    MINI.replace(EDGE, edge)
}

fn load(text: &str) -> Dataset {
    load_str("t.ron", text).unwrap_or_else(|e| panic!("{}", e.report))
}

fn codes(text: &str) -> Vec<&'static str> {
    check_str("t.ron", text)
        .report
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}

fn consent_step(d: &Dataset) -> &crate::model::Step {
    &d.body("court").unwrap().channels[0].steps[1]
}

fn frac(s: &str) -> Fraction {
    Fraction::parse(s).unwrap()
}

#[test]
fn votes_are_read_with_their_rounds_and_base() {
    let d = load(&with_consent(
        r#"(actor: "electorate", role: consent, vote: (approve: "2/3", then: [(approve: "1/2", of: cast)]))"#,
    ));
    let v = consent_step(&d).vote.clone().unwrap();
    assert_eq!(
        v.rounds,
        [
            Round {
                rule: Rule::Approve(frac("2/3")),
                of: Base::Members
            },
            Round {
                rule: Rule::Approve(Fraction::HALF),
                of: Base::Cast
            },
        ]
    );
    let d = load(&with_consent(
        r#"(actor: "electorate", role: consent, vote: (block: "3/5", of: present))"#,
    ));
    assert!((consent_step(&d).veto_strength() - 0.8).abs() < 1e-12);
    let d = load(&with_consent(
        r#"(actor: "electorate", role: consent, vote: (plurality: true, of: cast))"#,
    ));
    assert_eq!(
        consent_step(&d).vote.as_ref().unwrap().rounds[0].rule,
        Rule::Plurality
    );
}

#[test]
fn a_vote_states_one_rule_with_a_fraction_and_a_known_base() {
    let step = |v: &str| {
        with_consent(&format!(
            r#"(actor: "electorate", role: consent, vote: {v})"#
        ))
    };
    assert_eq!(
        codes(&step(r#"(approve: "1/2", block: "1/3")"#)),
        ["bad-vote"]
    );
    assert_eq!(codes(&step("(of: members)")), ["bad-vote"]);
    assert_eq!(codes(&step("(plurality: false)")), ["bad-vote"]);
    assert_eq!(codes(&step(r#"(approve: "0/3")"#)), ["bad-fraction"]);
    assert_eq!(codes(&step(r#"(block: "two thirds")"#)), ["bad-fraction"]);
    assert_eq!(
        codes(&step(r#"(approve: "1/2", of: everyone)"#)),
        ["unknown-vote-base"]
    );
    assert_eq!(
        codes(&step(r#"(approve: "1/2", then: [(approve: "5/3")])"#)),
        ["bad-fraction"]
    );
}

#[test]
fn a_dissolution_on_refusal_is_read_with_its_covers_and_bars() {
    // The court consents to its own chair, so that a dissolution of the court can cover it.
    let text = with_consent(r#"(actor: "court", role: consent)"#);
    let d = load(&text.replace(
        EDGE,
        r#"(from: "president", to: "court", kind: dissolve_on_refusal, after_refusals: 2, covers: ["consent", "court/chair"], bars: "not in the last year of the term", source: "art. 9"),"#,
    ));
    let e = &d.edges[0];
    assert_eq!(e.kind, EdgeKind::DissolveOnRefusal);
    assert_eq!(e.after_refusals, Some(2));
    assert_eq!(
        e.covers,
        [
            Cover::Role(StepRole::Consent),
            Cover::Channel {
                body: "court".into(),
                channel: "chair".into()
            }
        ]
    );
    assert_eq!(e.bars, "not in the last year of the term");
    // An at-will dissolution has no trigger and may carry bars.
    let d = load(&with_edge(
        r#"(from: "president", to: "court", kind: dissolve, bars: "not twice a year", source: "art. 9"),"#,
    ));
    assert!(d.edges[0].covers.is_empty() && d.edges[0].after_refusals.is_none());
}

#[test]
fn triggers_belong_to_a_dissolution_on_refusal_only() {
    let edge = |fields: &str| {
        with_edge(&format!(
            r#"(from: "president", to: "court", {fields}, source: "art. 9"),"#
        ))
    };
    assert_eq!(
        codes(&edge("kind: dissolve, after_refusals: 2")),
        ["bad-refusals"]
    );
    let old = check_str("t.ron", &edge("kind: dissolve, after_refusals: 2"));
    assert!(
        old.report.diagnostics[0]
            .notes
            .iter()
            .any(|h| h.contains("`kind: dissolve_on_refusal` with the `covers`")),
        "{}",
        old.report
    );
    assert_eq!(
        codes(&edge(r#"kind: audits, covers: ["consent"]"#)),
        ["bad-covers"]
    );
    assert_eq!(codes(&edge(r#"kind: audits, bars: "never""#)), ["bad-bars"]);
    assert_eq!(
        codes(&edge("kind: dissolve_on_refusal, after_refusals: 2")),
        ["missing-field"]
    );
    assert_eq!(
        codes(&edge(r#"kind: dissolve_on_refusal, covers: ["elect"]"#)),
        ["missing-field"]
    );
    assert_eq!(
        codes(&edge(
            "kind: dissolve_on_refusal, after_refusals: 2, covers: []"
        )),
        ["empty-field"]
    );
    assert_eq!(
        codes(&edge(
            r#"kind: dissolve_on_refusal, after_refusals: 0, covers: ["elect"]"#
        )),
        ["bad-refusals"]
    );
    assert_eq!(
        codes(&edge(
            r#"kind: dissolve_on_refusal, after_refusals: 2, covers: ["concent"]"#
        )),
        ["unknown-cover"]
    );
    // A channel cover must exist, and the dissolved body must act in it.
    assert_eq!(
        codes(&edge(
            r#"kind: dissolve_on_refusal, after_refusals: 2, covers: ["court/chiar"]"#
        )),
        ["unknown-cover"]
    );
    assert_eq!(
        codes(&edge(
            r#"kind: dissolve_on_refusal, after_refusals: 2, covers: ["president/election"]"#
        )),
        ["unknown-cover"]
    );
}

#[test]
fn alignment_and_powers_are_read_with_their_citations() {
    let text = MINI
        .replace(
            r#"role: head_of_state, seats: 1, source: "art. 2","#,
            r#"role: head_of_state, seats: 1, source: "art. 2", powers: { emergency_powers: "art. 9" },"#,
        )
        .replace(
            r#"independent: true, source: "art. 3","#,
            r#"independent: true, source: "art. 3", alignment: { concurrent_elections: "art. 3(4)" },"#,
        );
    let d = load(&text);
    assert_eq!(
        d.body("president")
            .unwrap()
            .powers
            .get(&Power::EmergencyPowers)
            .map(String::as_str),
        Some("art. 9")
    );
    assert_eq!(
        d.body("court")
            .unwrap()
            .alignment
            .get(&Alignment::ConcurrentElections)
            .map(String::as_str),
        Some("art. 3(4)")
    );
    let bad = text.replace(
        "concurrent_elections: \"art. 3(4)\"",
        "concurrent_elections: \" \"",
    );
    assert_eq!(codes(&bad), ["empty-field"]);
    let bad = text.replace("emergency_powers", "emergency_power");
    assert_eq!(codes(&bad), ["unknown-power"]);
    let bad = MINI.replace(
        r#"independent: true, source: "art. 3","#,
        r#"independent: true, source: "art. 3", powers: { emergency_powers: "art. 9" },"#,
    );
    assert_eq!(codes(&bad), ["misplaced-powers"]);
}

const STEP_ALT: &str = r#"(actor: "electorate", role: consent, alternatives: [(id: "veto", role: recommend, source: "Commentary", argument: "The consent is advisory.", confidence: medium)])"#;

#[test]
fn alternatives_are_read_on_steps_channels_and_edges() {
    let text = with_consent(STEP_ALT)
        .replace(
            r#"source: "art. 3(2)")"#,
            r#"source: "art. 3(2)", alternatives: [(id: "elected", steps: [(actor: "electorate", role: elect)], source: "Commentary", argument: "The judges are elected.")])"#,
        )
        .replace(
            EDGE,
            r#"(from: "president", to: "court", kind: dismiss_at_will, channel: "chair", source: "art. 3(3)", alternatives: [(id: "for_cause", kind: dismiss_for_cause, source: "Case law", argument: "Removal needs a cause."), (id: "no_removal", absent: true, source: "Case law", argument: "No removal at all.")]),"#,
        );
    let d = load(&text);
    let alt = &consent_step(&d).alternatives[0];
    assert_eq!(alt.id, "veto");
    assert_eq!(alt.change.role, Some(StepRole::Recommend));
    assert_eq!(alt.confidence, crate::model::Confidence::Medium);
    let judges = &d.body("court").unwrap().channels[1];
    assert_eq!(
        judges.alternatives[0].change.steps.as_ref().unwrap()[0].role,
        StepRole::Elect
    );
    assert_eq!(
        d.edges[0].alternatives[0].change.kind,
        Some(EdgeKind::DismissForCause)
    );
    assert!(d.edges[0].alternatives[1].change.absent);
    assert_eq!(d.contested().len(), 3);
}

#[test]
fn an_alternative_is_sourced_argued_unique_and_changes_something() {
    let alt = |a: &str| {
        with_consent(&format!(
            r#"(actor: "electorate", role: consent, alternatives: [{a}])"#
        ))
    };
    assert_eq!(
        codes(&alt(r#"(id: "x", role: recommend, source: "c")"#)),
        ["missing-field"]
    );
    assert_eq!(
        codes(&alt(r#"(id: "x", role: recommend, argument: "a")"#)),
        ["missing-source"]
    );
    assert_eq!(
        codes(&alt(
            r#"(id: "x", role: recommend, source: "c", argument: " ")"#
        )),
        ["empty-field"]
    );
    assert_eq!(
        codes(&alt(r#"(id: "x", source: "c", argument: "a")"#)),
        ["empty-alternative"]
    );
    // Restating the step's own role changes nothing either.
    assert_eq!(
        codes(&alt(
            r#"(id: "x", role: consent, source: "c", argument: "a")"#
        )),
        ["empty-alternative"]
    );
    assert_eq!(
        codes(&alt(
            r#"(id: "x", role: recommend, source: "c", argument: "a"), (id: "x", role: nominate, source: "c", argument: "b")"#
        )),
        ["duplicate-id"]
    );
    assert_eq!(
        codes(&alt(
            r#"(id: "x", vote: (approve: "9/8"), source: "c", argument: "a")"#
        )),
        ["bad-fraction"]
    );
    // An edge reading that makes it a dissolution on refusal says what it covers.
    let edge = with_edge(
        r#"(from: "president", to: "court", kind: dissolve, source: "art. 9", alternatives: [(id: "y", kind: dissolve_on_refusal, source: "c", argument: "a")]),"#,
    );
    assert_eq!(codes(&edge), ["missing-field"]);
    let edge = with_edge(
        r#"(from: "president", to: "court", kind: dissolve, source: "art. 9", alternatives: [(id: "y", covers: ["consent"], source: "c", argument: "a")]),"#,
    );
    assert_eq!(codes(&edge), ["bad-covers"]);
}

#[test]
fn one_reading_on_several_elements_has_one_argument() {
    let shared = |argument: &str| {
        with_consent(STEP_ALT).replace(
            EDGE,
            &format!(
                r#"(from: "president", to: "court", kind: dismiss_at_will, channel: "chair", source: "art. 3(3)", alternatives: [(id: "veto", kind: dismiss_for_cause, source: "Commentary", argument: "{argument}")]),"#
            ),
        )
    };
    let d = load(&shared("The consent is advisory."));
    let contested = d.contested();
    assert_eq!(contested.len(), 1);
    assert_eq!(contested[0].targets.len(), 2);
    let checked = check_str("t.ron", &shared("Another argument."));
    assert_eq!(
        checked
            .report
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect::<Vec<_>>(),
        ["alternative-mismatch"]
    );
    let d = &checked.report.diagnostics[0];
    assert!(
        checked.report.location(d).starts_with("t.ron:17:"),
        "{}",
        checked.report
    );
    assert!(
        d.notes
            .iter()
            .any(|n| n.starts_with("first given on line 12")),
        "{d:?}"
    );
}

#[test]
fn an_alternative_must_leave_a_valid_dataset() {
    // Read as an appointment, the consent makes a second deciding step.
    let text = with_consent(
        r#"(actor: "electorate", role: consent, alternatives: [(id: "appoints", role: appoint, source: "c", argument: "a")])"#,
    );
    let checked = check_str("t.ron", &text);
    let d = &checked.report.diagnostics[0];
    assert_eq!(d.code, "bad-alternative");
    assert!(
        d.message.contains("under the alternative `appoints`"),
        "{}",
        d.message
    );
    assert!(
        d.message.contains("more than one deciding step"),
        "{}",
        d.message
    );
    // An actor that is no body.
    let text = with_consent(
        r#"(actor: "electorate", role: consent, alternatives: [(id: "other", actor: "senate", source: "c", argument: "a")])"#,
    );
    assert_eq!(codes(&text), ["bad-alternative"]);
}

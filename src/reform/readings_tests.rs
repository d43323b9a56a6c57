//! Presets carry the fields of issue 9: votes on the steps they add, alternatives on the
//! channels, steps and edges they add or change, and the covers and bars of a dissolution.

use super::apply::apply;
use super::load::load_str;
use crate::model::testdata::tiny_dataset;
use crate::model::{Cover, EdgeKind, StepRole};

fn preset(operations: &str) -> String {
    format!(
        r#"(
    dataset: "tiny",
    title: "Issue 9",
    presets: [
        (
            id: "A",
            title: (en: "a", ru: "a", kk: "a"),
            description: "d",
            operations: [
                {operations}
            ],
        ),
    ],
)"#
    )
}

fn codes(text: &str) -> Vec<&'static str> {
    match load_str("t.ron", text) {
        Ok(_) => Vec::new(),
        Err(e) => e.report.diagnostics.iter().map(|d| d.code).collect(),
    }
}

#[test]
fn presets_add_and_change_the_new_fields() {
    let text = preset(
        r#"add_edge(from: "president", kind: dissolve_on_refusal, to: "senate", after_refusals: 2, covers: ["consent"], bars: "not in an emergency", source: "Proposal 1"),
                change_edge(from: "president", kind: dismiss_at_will, to: "court", channel: "chair", source: "Proposal 1",
                    alternatives: [(id: "for_cause", kind: dismiss_for_cause, source: "Commentary", argument: "Removal needs a cause.")]),
                change_channel(body: "court", id: "chair", source: "Proposal 1",
                    steps: [(actor: "president", role: appoint), (actor: "senate", role: consent, vote: (approve: "2/3"),
                        alternatives: [(id: "majority", vote: (approve: "1/2"), source: "Commentary", argument: "The organic law may lower it.")])]),
                add_channel(body: "senate", id: "bar", seats: 1, source: "Proposal 1",
                    steps: [(actor: "president", role: appoint)],
                    alternatives: [(id: "bar_elects", steps: [(actor: "voters", role: elect)], source: "Commentary", argument: "The bar is elected.")]),
                change_body(id: "senate", seats: 11, source: "Proposal 1"),"#,
    );
    let set = load_str("t.ron", &text).unwrap_or_else(|e| panic!("{}", e.report));
    let d = apply(&tiny_dataset(), &set, &["A".to_string()]).unwrap_or_else(|e| panic!("{e:?}"));
    let e = d
        .edges
        .iter()
        .find(|e| e.kind == EdgeKind::DissolveOnRefusal)
        .unwrap();
    assert_eq!(e.covers, [Cover::Role(StepRole::Consent)]);
    assert_eq!(e.bars, "not in an emergency");
    let chair = d.body("court").unwrap().channel("chair").unwrap();
    assert!((chair.steps[1].veto_strength() - 4.0 / 3.0).abs() < 1e-12);
    assert_eq!(chair.steps[1].alternatives[0].id, "majority");
    let ids: Vec<String> = d
        .contested()
        .iter()
        .flat_map(|c| c.readings.iter().map(|r| r.id.clone()))
        .collect();
    assert_eq!(ids, ["bar_elects", "majority", "for_cause"]);
}

#[test]
fn a_preset_keeps_the_triggers_to_a_dissolution_on_refusal() {
    let change = |fields: &str| {
        preset(&format!(
            r#"change_edge(from: "president", kind: dismiss_at_will, to: "court", channel: "chair", {fields}, source: "Proposal 1"),"#
        ))
    };
    assert_eq!(codes(&change(r#"covers: ["consent"]"#)), ["bad-covers"]);
    assert_eq!(codes(&change("after_refusals: 2")), ["bad-refusals"]);
    assert_eq!(codes(&change(r#"bars: "never""#)), ["bad-bars"]);
    let add = preset(
        r#"add_edge(from: "president", kind: dissolve, to: "senate", after_refusals: 2, source: "Proposal 1"),"#,
    );
    assert_eq!(codes(&add), ["bad-refusals"]);
    let alt = change(r#"alternatives: [(id: "x", kind: audits, source: "c")]"#);
    assert_eq!(codes(&alt), ["missing-field"]);
}

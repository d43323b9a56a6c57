//! Applying presets to a dataset, and checking a preset file against a dataset.
//!
//! ```text
//!   apply(baseline, set, active)
//!     └─ Ledger (ledger.rs): the active presets in file order, an operation at a time
//!          ├─ execute (execute.rs): the operation carried out on a trial copy, or a Miss
//!          └─ finish: the result validated again, or a ReformError (error.rs) whose
//!             diagnostics point into the preset file
//! ```
//!
//! Complexity: applying K operations costs what the ledger states (ledger.rs: each operation
//! in place unless a clash needs a trial copy) plus one validation, linear in the dataset.

use std::collections::{BTreeMap, BTreeSet};

use super::PresetSet;
use super::error::ReformError;
use super::ledger::Ledger;
use crate::diag::{FileReport, Level};
use crate::model::Dataset;

/// The baseline with the `active` presets of `set` applied in file order (whatever order
/// `active` lists them in), then validated again. The baseline is never changed: switching a
/// preset off means applying the others to the baseline again.
pub fn apply(
    baseline: &Dataset,
    set: &PresetSet,
    active: &[String],
) -> Result<Dataset, ReformError> {
    if active.is_empty() {
        return Ok(baseline.clone());
    }
    if set.dataset != baseline.meta.id && !set.is_empty() {
        return Err(ReformError::WrongDataset {
            file: set.path.clone(),
            expected: set.dataset.clone(),
            found: baseline.meta.id.clone(),
        });
    }
    let order = set.order(active)?;
    let mut ledger = Ledger::new(set, baseline);
    for id in &order {
        if let Some(preset) = set.get(id) {
            ledger.preset(preset);
        }
    }
    // The reformed state reads the prose the presets brought (a new channel's label) too.
    ledger.finish().map(|mut d| {
        d.translations = d.translations.merged(&set.translations);
        d
    })
}

/// Checks a preset file against the dataset it is for: each preset must apply to the
/// baseline on its own (errors), and pairs that cannot be active together are reported
/// (warnings). The report is on the set's file, with every problem located.
///
/// Complexity: each preset is applied alone once (linear in its operations and the dataset);
/// a pair is applied together only when the two reach a body in common (one that either
/// touches or names, or both the principals), found through an index from each body to the
/// presets that reach it, so that presets about different bodies cost nothing more. Two
/// presets that reach no body in common cannot clash on an element, name what the other
/// removes, or break a rule of one body; the one problem left unchecked is a body cut off
/// from every principal only by both together through bodies neither touches, which `apply`
/// still reports when both are made active.
pub fn check(set: &PresetSet, baseline: &Dataset) -> FileReport {
    let mut report = FileReport {
        path: set.path.clone(),
        text: set.text.clone(),
        diagnostics: Vec::new(),
    };
    if set.dataset != baseline.meta.id {
        let e = ReformError::WrongDataset {
            file: set.path.clone(),
            expected: set.dataset.clone(),
            found: baseline.meta.id.clone(),
        };
        report.diagnostics = e.diagnostics(set);
        return report;
    }
    let mut alone = Vec::new();
    let mut reached_by: BTreeMap<Option<String>, Vec<usize>> = BTreeMap::new();
    for p in &set.presets {
        let mut ledger = Ledger::new(set, baseline);
        ledger.preset(p);
        let reach = ledger.reach(p);
        match ledger.finish() {
            Ok(_) => {
                for key in reach {
                    reached_by.entry(key).or_default().push(alone.len());
                }
                alone.push(p.id.clone());
            }
            Err(e) => report.diagnostics.extend(e.diagnostics(set)),
        }
    }
    let mut pairs = BTreeSet::new();
    for presets in reached_by.values() {
        for (k, &i) in presets.iter().enumerate() {
            for &j in &presets[k + 1..] {
                pairs.insert((i, j));
            }
        }
    }
    for (i, j) in pairs {
        let (a, b) = (&alone[i], &alone[j]);
        if let Err(e) = apply(baseline, set, &[a.clone(), b.clone()]) {
            for mut d in e.diagnostics(set) {
                d.level = Level::Warning;
                d.message = if d.code == "reform-conflict" {
                    format!("{}: they cannot be active together", d.message)
                } else {
                    format!("with {a} and {b} active, {}", d.message)
                };
                report.diagnostics.push(d);
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::tiny_dataset;
    use crate::model::{Element, StepRole};
    use crate::reform::{Conflict, OpError, load_str};

    /// A preset file over the `tiny` dataset with one preset per line, from line 2.
    fn set(presets: &[(&str, &str)]) -> PresetSet {
        let mut text = String::from("(dataset: \"tiny\", title: \"t\", presets: [\n");
        for (id, ops) in presets {
            text.push_str(&format!(
                "(id: \"{id}\", title: (en: \"{id}\", ru: \"{id}\", kk: \"{id}\"), description: \"d\", operations: [{ops}]),\n"
            ));
        }
        text.push_str("])\n");
        load_str("t.ron", &text).unwrap_or_else(|e| panic!("{}", e.report))
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn invalid(e: ReformError) -> (Vec<Conflict>, Vec<OpError>) {
        match e {
            ReformError::Invalid { conflicts, errors } => (conflicts, errors),
            other => panic!("{other}"),
        }
    }

    const TO_COUNCILS: &str = r#"change_channel(body: "court", id: "president_judges", steps: [(actor: "councils", role: appoint)], source: "s")"#;

    #[test]
    fn a_reform_changes_a_copy_and_never_the_baseline() {
        let base = tiny_dataset();
        let s = set(&[("A", TO_COUNCILS)]);
        let after = apply(&base, &s, &ids(&["A"])).unwrap();
        let steps = &after
            .body("court")
            .unwrap()
            .channel("president_judges")
            .unwrap()
            .steps;
        assert_eq!(
            (steps[0].actor.as_str(), steps[0].role),
            ("councils", StepRole::Appoint)
        );
        assert_eq!(steps.len(), 1);
        assert_eq!(base, tiny_dataset());
        assert_eq!(apply(&base, &s, &[]).unwrap(), base);
        assert_eq!(
            after
                .body("court")
                .unwrap()
                .channel("president_judges")
                .unwrap()
                .source,
            "s"
        );
    }

    #[test]
    fn the_same_change_twice_is_no_conflict_but_a_different_one_is() {
        let base = tiny_dataset();
        let s = set(&[
            (
                "A",
                r#"change_body(id: "court", non_partisan: true, source: "s")"#,
            ),
            (
                "B",
                r#"change_body(id: "court", non_partisan: true, source: "s")"#,
            ),
            (
                "C",
                r#"remove_edge(from: "president", kind: dismiss_at_will, to: "court", channel: "chair")"#,
            ),
            (
                "D",
                r#"remove_edge(from: "president", kind: dismiss_at_will, to: "court", channel: "chair")"#,
            ),
            (
                "E",
                r#"change_channel(body: "court", id: "chair", steps: [(actor: "senate", role: appoint)], source: "s")"#,
            ),
            (
                "F",
                r#"change_channel(body: "court", id: "chair", steps: [(actor: "councils", role: appoint)], source: "s")"#,
            ),
        ]);
        assert!(apply(&base, &s, &ids(&["A", "B", "C", "D"])).is_ok());
        // Listed in any order, presets apply in file order: E first.
        let (conflicts, errors) = invalid(apply(&base, &s, &ids(&["F", "E"])).unwrap_err());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(conflicts.len(), 1);
        let c = &conflicts[0];
        assert_eq!(c.element, Element::Channel("court".into(), "chair".into()));
        assert_eq!(
            (c.first.preset.as_str(), c.second.preset.as_str()),
            ("E", "F")
        );
        assert_eq!(c.first.location.as_deref(), Some("t.ron:6:78"));
        let text = c.to_string();
        assert!(
            text.starts_with(
                "E and F conflict over channel `chair` of `court`: E and F change it differently."
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "F operation 1 (t.ron:7:78): change channel court/chair: steps = councils appoint"
            ),
            "{text}"
        );
    }

    #[test]
    fn removing_what_another_preset_changes_or_names_is_a_conflict() {
        let base = tiny_dataset();
        let remove = r#"remove_body(id: "councils"), change_channel(body: "senate", id: "elected", steps: [(actor: "voters", role: elect)], source: "s"), set_principals(principals: ["voters", "president"])"#;
        let audit = r#"add_edge(from: "councils", kind: audits, to: "court", source: "s")"#;
        let s = set(&[
            (
                "A",
                r#"change_body(id: "councils", term_years: 5, source: "s")"#,
            ),
            ("B", remove),
            ("C", audit),
        ]);
        assert!(apply(&base, &s, &ids(&["B"])).is_ok());
        let (conflicts, _) = invalid(apply(&base, &s, &ids(&["A", "B"])).unwrap_err());
        assert_eq!(
            conflicts[0].element,
            Element::Attribute("councils".into(), "term_years".into())
        );
        assert_eq!(conflicts[0].reason, "B removes what A sets");
        // The removal first: the edge that names the removed body is found when it is added.
        let (conflicts, _) = invalid(apply(&base, &s, &ids(&["B", "C"])).unwrap_err());
        assert_eq!(conflicts[0].element, Element::Body("councils".into()));
        assert_eq!(conflicts[0].reason, "C names `councils`, which B removes");
        // The edge first: validating the result finds it, and blames both.
        let s = set(&[("C", audit), ("B", remove)]);
        let (conflicts, errors) = invalid(apply(&base, &s, &ids(&["B", "C"])).unwrap_err());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            (
                conflicts[0].first.preset.as_str(),
                conflicts[0].second.preset.as_str()
            ),
            ("C", "B")
        );
        assert!(
            conflicts[0]
                .reason
                .contains("names `councils`, which is not a body"),
            "{}",
            conflicts[0].reason
        );
    }

    #[test]
    fn operations_that_do_not_apply_are_located_with_a_suggestion() {
        let base = tiny_dataset();
        let s = set(&[
            (
                "A",
                r#"remove_edge(from: "president", kind: dissolve, to: "senate")"#,
            ),
            (
                "B",
                r#"change_body(id: "senat", independent: true, source: "s")"#,
            ),
            ("C", r#"change_body(id: "senate", seats: 12, source: "s")"#),
            ("D", r#"remove_body(id: "councils")"#),
            (
                "E",
                r#"remove_edge(from: "presidnet", kind: dismiss_at_will, to: "court", channel: "chair")"#,
            ),
        ]);
        let failure = |id: &str| {
            let e = apply(&base, &s, &ids(&[id])).unwrap_err();
            let rendered = e.report(&s).render(false);
            let (_, mut errors) = invalid(e);
            (errors.remove(0), rendered)
        };
        let (f, text) = failure("A");
        assert_eq!(f.code, "no-such-edge");
        assert!(
            text.contains(
                "edges from `president` to `senate`: president -dismiss_at_will-> senate/appointed"
            ),
            "{text}"
        );
        let (f, text) = failure("B");
        assert_eq!(f.code, "unknown-id");
        assert!(text.contains("t.ron:3:"), "{text}");
        assert!(text.contains("did you mean `senate`?"), "{text}");
        let (f, text) = failure("C");
        assert_eq!(f.code, "seats-mismatch");
        assert!(
            f.message
                .contains("add up to 10 seats (elected 8 + appointed 2), but the body has 12"),
            "{}",
            f.message
        );
        assert!(text.contains("preset C:"), "{text}");
        assert_eq!(f.op.as_ref().map(|o| o.preset.as_str()), Some("C"));
        let (f, text) = failure("E");
        assert_eq!(f.code, "unknown-id");
        assert!(text.contains("t.ron:6:96"), "{text}");
        assert!(text.contains("did you mean `president`?"), "{text}");
        let (f, _) = failure("D");
        assert_eq!(f.code, "unknown-id");
        assert!(
            f.message.contains("names `councils`, which is not a body"),
            "{}",
            f.message
        );
    }

    #[test]
    fn renaming_a_body_renames_every_reference() {
        let base = tiny_dataset();
        let s = set(&[("A", r#"rename_body(id: "senate", to: "upper_house")"#)]);
        let after = apply(&base, &s, &ids(&["A"])).unwrap();
        assert!(after.body("senate").is_none());
        let court = after.body("court").unwrap();
        assert_eq!(
            court.channel("chair").unwrap().steps[1].actor,
            "upper_house"
        );
        assert!(after.edges.iter().any(|e| e.to == "upper_house"));
    }

    #[test]
    fn presets_for_another_dataset_are_refused() {
        let s = set(&[("A", TO_COUNCILS)]);
        let kz = crate::data::default_dataset();
        let e = apply(&kz, &s, &ids(&["A"])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the presets of t.ron apply to dataset `tiny`, not `kz-2022`"
        );
        let e = apply(&tiny_dataset(), &s, &ids(&["a"])).unwrap_err();
        assert!(e.to_string().contains("did you mean `A`?"), "{e}");
    }

    #[test]
    fn check_reports_broken_presets_and_pairs_that_conflict() {
        let s = set(&[
            (
                "A",
                r#"change_channel(body: "court", id: "chair", steps: [(actor: "senate", role: appoint)], source: "s")"#,
            ),
            (
                "B",
                r#"change_channel(body: "court", id: "chair", steps: [(actor: "councils", role: appoint)], source: "s")"#,
            ),
            ("C", r#"remove_channel(body: "court", id: "vice_chair")"#),
        ]);
        let report = check(&s, &tiny_dataset());
        let found: Vec<(&str, String)> = report
            .diagnostics
            .iter()
            .map(|d| (d.code, report.location(d)))
            .collect();
        assert_eq!(
            found,
            vec![
                ("no-such-channel", "t.ron:4:112".to_string()),
                ("reform-conflict", "t.ron:3:78".to_string())
            ]
        );
        assert_eq!(report.errors(), 1);
        assert_eq!(
            report.diagnostics[1].message,
            "presets A and B conflict over channel `chair` of `court`: they cannot be active together"
        );
    }
}

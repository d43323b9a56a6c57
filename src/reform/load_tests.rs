//! Tests of the preset loader: every operation, and every way a file can be wrong.
use super::*;
use crate::model::StepRole;

/// Every kind of operation, over the `tiny` dataset of the analysis tests.
const EVERY_OPERATION: &str = r#"(
        dataset: "tiny",
        title: "Every operation",
        presets: [
            (
                id: "A",
                title: (en: "All", ru: "Все", kk: "Барлығы"),
                article: (proposal: 1),
                description: "One of each.",
                assumptions: ["none"],
                operations: [
                    add_body(id: "bar", name: (en: "Bar", ru: "Адвокатура", kk: "Адвокатура"), branch: society, seats: 1, source: "s"),
                    remove_body(id: "councils"),
                    rename_body(id: "court", to: "high_court"),
                    change_body(id: "senate", seats: 12, independent: true, source: "s"),
                    add_channel(body: "senate", id: "bar_seats", seats: 2, steps: [(actor: "bar", role: elect)], source: "s"),
                    remove_channel(body: "senate", id: "appointed"),
                    change_channel(body: "senate", id: "elected", steps: [(actor: "voters", role: elect)], source: "s"),
                    add_edge(from: "bar", kind: petitions, to: "senate", source: "s"),
                    remove_edge(from: "president", kind: dismiss_at_will, to: "senate", channel: "appointed"),
                    change_edge(from: "president", kind: dismiss_at_will, to: "court", channel: "chair", threshold: "t", source: "s"),
                    set_principals(principals: ["voters", "president"]),
                    default_principals,
                ],
            ),
        ],
    )"#;

fn problems(text: &str) -> Vec<(&'static str, String)> {
    match load_str("t.ron", text) {
        Ok(_) => Vec::new(),
        Err(e) => e
            .report
            .diagnostics
            .iter()
            .map(|d| (d.code, e.report.location(d)))
            .collect(),
    }
}

#[test]
fn every_operation_loads_and_reads_as_one_line() {
    let set = load_str("t.ron", EVERY_OPERATION).unwrap_or_else(|e| panic!("{}", e.report));
    assert_eq!(set.dataset, "tiny");
    let p = &set.presets[0];
    assert_eq!(
        p.article.map(|a| a.to_string()).as_deref(),
        Some("proposal 1")
    );
    let lines: Vec<String> = p.operations.iter().map(|o| o.to_string()).collect();
    assert_eq!(
        lines,
        vec![
            "add body bar \"Bar\" (society, 1 seat, filled by no one: a root principal)",
            "remove body councils",
            "rename body court to high_court",
            "change body senate: seats = 12, independent = true",
            "add channel senate/bar_seats (2 seats): bar elect",
            "remove channel senate/appointed",
            "change channel senate/elected: steps = voters elect",
            "add edge bar -petitions-> senate",
            "remove edge president -dismiss_at_will-> senate/appointed",
            "change edge president -dismiss_at_will-> court/chair: threshold = \"t\"",
            "set principals: voters, president",
            "principals: back to the default rule",
        ]
    );
    match &p.operations[4].change {
        Change::AddChannel { channel, .. } => {
            assert_eq!(channel.steps[0].role, StepRole::Elect)
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn additions_and_changes_must_cite_a_source() {
    let text = EVERY_OPERATION.replace(
        r#"add_edge(from: "bar", kind: petitions, to: "senate", source: "s")"#,
        r#"add_edge(from: "bar", kind: petitions, to: "senate")"#,
    );
    assert_eq!(
        problems(&text),
        vec![("missing-source", "t.ron:19:21".into())]
    );
    let err = load_str("t.ron", &text).unwrap_err();
    assert!(
        err.report
            .to_string()
            .contains("a reform cites the proposal and the article it would amend"),
        "{}",
        err.report
    );
}

#[test]
fn unknown_words_operations_and_fields_get_a_suggestion() {
    let text = EVERY_OPERATION.replace("kind: petitions", "kind: petition");
    assert_eq!(
        problems(&text),
        vec![("unknown-kind", "t.ron:19:49".into())]
    );
    let err = load_str("t.ron", &text).unwrap_err();
    assert!(err.report.to_string().contains("did you mean `petitions`?"));

    let text = EVERY_OPERATION.replace("remove_channel(", "remove_chanel(");
    assert_eq!(
        problems(&text),
        vec![("unknown-operation", "t.ron:17:21".into())]
    );
    let err = load_str("t.ron", &text).unwrap_err();
    assert!(
        err.report
            .to_string()
            .contains("did you mean `remove_channel`?")
    );

    let text = EVERY_OPERATION.replace("seats: 12,", "seat: 12,");
    let err = load_str("t.ron", &text).unwrap_err();
    assert_eq!(err.report.diagnostics[0].code, "syntax");
    assert!(err.report.to_string().contains("did you mean `seats`?"));
}

#[test]
fn presets_need_ids_titles_and_operations() {
    let text = EVERY_OPERATION.replace(r#"ru: "Все", "#, "");
    assert_eq!(
        problems(&text),
        vec![("missing-field", "t.ron:7:24".into())]
    );
    let two = EVERY_OPERATION.replace(
            "    ],\n    )",
            "    (id: \"A\", title: (en: \"b\", ru: \"b\", kk: \"b\"), description: \"d\", operations: []),\n    ],\n    )",
        );
    let found: Vec<&str> = problems(&two).iter().map(|p| p.0).collect();
    assert_eq!(found, vec!["duplicate-id", "empty-preset"]);
    let text = EVERY_OPERATION.replace("proposal: 1", "proposal: 0");
    assert_eq!(problems(&text), vec![("bad-article", "t.ron:8:37".into())]);
    let text = EVERY_OPERATION.replace(
        r#"change_body(id: "senate", seats: 12, independent: true, source: "s")"#,
        r#"change_body(id: "senate", source: "s")"#,
    );
    assert_eq!(
        problems(&text),
        vec![("empty-change", "t.ron:15:21".into())]
    );
}

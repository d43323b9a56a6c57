//! The command line: `bilik reforms`, `bilik diff`, `--reform` and `--reforms`.

use serde_json::Value;

use crate::common::{bilik, stderr, stdout};
use crate::contract::problems;

/// The cells of the report row whose label starts with `label` (split on two spaces).
fn row(report: &str, label: &str) -> Vec<String> {
    report
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no row '{label}' in\n{report}"))
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

fn ok(args: &[&str]) -> String {
    let out = bilik(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn reforms_lists_the_presets_with_their_article_references() {
    let s = ok(&["reforms"]);
    assert!(
        s.starts_with("Reform presets for kz-2022, from data/reforms/kz-adilet-2024.ron, in the order they apply:"),
        "{s}"
    );
    assert_eq!(
        row(&s, "P5 "),
        vec!["P5", "Directly elected Senate", "proposal 5"]
    );
    assert_eq!(
        row(&s, "P10"),
        vec![
            "P10",
            "Constitutional Court appointed by the Mazhilis",
            "proposal 10"
        ]
    );
    assert_eq!(
        s.lines()
            .filter(|l| l.trim_start().starts_with('P'))
            .count(),
        11
    );
    let kk = ok(&["reforms", "--lang", "kk"]);
    assert!(kk.contains("Сенатты тікелей сайлау"), "{kk}");
    let none = ok(&["reforms", "--data", "kz-2026"]);
    assert!(
        none.starts_with("No reform presets apply to dataset kz-2026."),
        "{none}"
    );
}

#[test]
fn diff_p5_shows_the_part_through_the_senate_disappear() {
    let s = ok(&["diff", "--reform", "P5"]);
    assert!(
        s.contains("HEADLINE: how much of the Constitutional Court does the President control?")
    );
    assert_eq!(
        row(&s, "directly (own weighted share of seats)")[1..],
        ["40.9%", "40.9%", "0.0 pp"]
    );
    assert_eq!(
        row(&s, "through the Chair of the Senate")[1..],
        ["+8.2%", "+6.8%", "-1.4 pp"]
    );
    assert_eq!(
        row(&s, "through the Senate ")[1..],
        ["+3.6%", "-", "-3.6 pp"]
    );
    assert_eq!(
        row(&s, "total integrated control")[1..],
        ["52.7%", "47.7%", "-5.0 pp"]
    );
    assert!(
        s.contains("Senate [senate]: seats 50 -> 40; channels removed: assembly_quota, presidential_quota; channels changed: elected"),
        "{s}"
    );
    assert!(
        s.contains(
            "[high] independent_majority · Constitutional Court: The President holds a majority"
        ),
        "{s}"
    );
    assert!(
        s.contains("  president -dismiss_at_will-> senate/presidential_quota"),
        "{s}"
    );
    assert_eq!(
        row(&s, "Senate   ")[1..],
        ["- -> 13.23", "- -> 0", "- -> 28.5%"]
    );
}

#[test]
fn diff_p10_shows_the_court_leave_the_president() {
    let s = ok(&["diff", "--reform", "P10"]);
    // What the President keeps comes through the judges among the legal professional
    // communities (codebook R16): half of their nominations, 92.8% of the local courts.
    assert_eq!(
        row(&s, "total integrated control")[1..],
        ["52.7%", "12.6%", "-40.1 pp"]
    );
    assert_eq!(
        row(&s, "through the Legal professional communities")[1..],
        ["-", "+12.6%", "+12.6 pp"]
    );
    assert_eq!(
        row(&s, "through the Senate ")[1..],
        ["+3.6%", "-", "-3.6 pp"]
    );
    assert!(
        s.contains("    control: President 52.7% -> 12.6% (-40.1 pp), Mazhilis 27.3% -> 50.3% (+23.0 pp), National human-rights organisations 0.0% -> 22.7% (+22.7 pp), Maslikhats (local councils) 20.0% -> 0.7% (-19.3 pp), Self-governing legal professions (the bar and others) 0.0% -> 13.6% (+13.6 pp)"),
        "{s}"
    );
    assert!(
        s.contains("Legal professional communities [legal_professions]: added; channels added: judges, self_governing"),
        "{s}"
    );
    assert!(
        s.contains("Self-governing legal professions (the bar and others) [legal_self_government]: added, filled by no one: a root, always a principal"),
        "{s}"
    );
}

#[test]
fn diff_under_the_de_facto_layer_and_banzhaf_reads_as_summary_does() {
    let opts = ["--layer", "de-facto", "--share-model", "banzhaf"];
    let with = |args: &[&str]| ok(&[args, &opts[..]].concat());
    let s = with(&["diff", "--reform", "P5"]);
    assert!(
        s.contains("layer: DE FACTO: blocs and alignments from cited sources, not law (codebook R34) · share model: Banzhaf power (codebook R33)"),
        "{s}"
    );
    // Each side is what `summary` prints under the same options, without and with P5.
    let before = with(&["summary"]);
    let after = with(&["summary", "--reform", "P5"]);
    let total = |report: &str| row(report, "total integrated control")[1].clone();
    let point = |cell: String| cell.split(' ').next().unwrap().to_string();
    let diff_row = row(&s, "total integrated control");
    assert_eq!(diff_row[1], point(total(&before)), "{s}\n{before}");
    assert_eq!(diff_row[2], point(total(&after)), "{s}\n{after}");
    // Through AMANAT's alignment the Mazhilis answers to the President: 84.4%, not the
    // 52.7% of seat shares in the law as written.
    assert_eq!(diff_row[1], "84.4%", "{s}");
    let plain = ok(&["diff", "--reform", "P5"]);
    assert_eq!(row(&plain, "total integrated control")[1], "52.7%");

    let out = bilik(&[&["diff", "--reform", "P5", "--format", "json"], &opts[..]].concat());
    let d: Value = serde_json::from_slice(&out.stdout).unwrap();
    let exported = |extra: &[&str]| -> Value {
        let out = bilik(&[&["export"], extra, &opts[..]].concat());
        serde_json::from_slice(&out.stdout).unwrap()
    };
    assert_eq!(
        (d["layer"].as_str(), d["share_model"].as_str()),
        (Some("de_facto"), Some("banzhaf"))
    );
    assert_eq!(
        d["headline"]["before"]["total"],
        exported(&[])["headline"]["total"]
    );
    assert_eq!(
        d["headline"]["after"]["total"],
        exported(&["--reform", "P5"])["headline"]["total"]
    );
}

#[test]
fn diff_json_is_a_document_of_its_own() {
    let out = bilik(&["diff", "--reform", "P10,P5", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let d: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d["schema"], "bilik.diff/1");
    let ids: Vec<&str> = d["reforms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["P5", "P10"], "file order");
    // The proposal by its number alone: no line of any copy of the article.
    assert_eq!(
        d["reforms"][0]["article"],
        serde_json::json!({"proposal": 5})
    );
    assert_eq!(
        d["reforms"][1]["title"]["kk"],
        "Конституциялық Сотты Мәжілістің тағайындауы"
    );
    assert_eq!(d["headline"]["before"]["total"], 0.5273);
    assert_eq!(d["headline"]["before"]["through"]["senate"], 0.0364);
    // What the President keeps comes through the judges among the legal professional
    // communities (P10, codebook R16).
    assert_eq!(d["headline"]["after"]["total"], 0.1247);
    let cc = d["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == "constitutional_court")
        .unwrap();
    assert_eq!(
        cc["control"]["president"],
        serde_json::json!({"before": 0.5273, "after": 0.1247, "change": -0.4026})
    );
    assert!(
        cc["attributes"]["note"]["after"]
            .as_str()
            .unwrap()
            .starts_with("Under P10")
    );
    assert!(
        d["principals"]["after"]
            .as_array()
            .unwrap()
            .contains(&Value::from("senate"))
    );
    assert!(
        d["flags_cleared"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "independent_majority" && f["body"] == "constitutional_court")
    );
    // Deterministic, like the export.
    let again = bilik(&["diff", "--reform", "P5,P10", "--format", "json"]);
    assert_eq!(again.stdout, out.stdout);
}

#[test]
fn diff_markdown_and_output_file() {
    let s = ok(&["diff", "--reform", "P5", "--format", "md"]);
    assert!(
        s.starts_with("# Reforms P5 against the baseline `kz-2022`"),
        "{s}"
    );
    assert!(
        s.contains("| total integrated control | 52.7% | 47.7% | -5.0 pp |"),
        "{s}"
    );
    assert!(s.contains("### Senate (`senate`)\n\n- seats 50 → 40\n- channels removed: assembly_quota, presidential_quota"), "{s}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p5.md");
    let out = bilik(&[
        "diff",
        "--reform",
        "P5",
        "-f",
        "md",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), s);
    let none = ok(&["diff"]);
    assert!(none.contains("No reform is active"), "{none}");
}

#[test]
fn summary_and_export_apply_the_reforms() {
    let s = ok(&["summary", "--reform", "P10,P5"]);
    assert!(
        s.lines().nth(1).unwrap().ends_with("· reforms P5+P10"),
        "{s}"
    );
    assert!(
        s.contains("principals: Electorate, President, Senate, Mazhilis, Maslikhats (local councils), Self-governing legal professions (the bar and others), National human-rights organisations"),
        "{s}"
    );
    // The range reaches 0.0% under the reading that the legal professions are wholly
    // independent (`legal_professions_independent`, the article's own premise).
    assert_eq!(row(&s, "total integrated control")[1], "12.5% (0.0–17.1)");
    let out = bilik(&["export", "--reform", "P10,P5"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let d: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d["reforms"], serde_json::json!(["P5", "P10"]));
    assert_eq!(problems(&d), Vec::<String>::new());
    assert_eq!(d["headline"]["total"], 0.1247);
    // Every preset's export still meets the contract.
    for id in ["P1", "P2", "P3", "P4", "P6", "P7", "P8", "P9", "P11"] {
        let out = bilik(&["export", "--reform", id]);
        let d: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(problems(&d), Vec::<String>::new(), "{id}");
    }
    // The default command takes them too.
    let s = ok(&["--reform", "P5"]);
    assert_eq!(row(&s, "total integrated control")[1], "47.7% (42.4–58.2)");
}

#[test]
fn unknown_presets_and_datasets_without_presets_fail_cleanly() {
    for (args, needle) in [
        (
            vec!["diff", "--reform", "p5"],
            "no reform preset `p5` for dataset `kz-2022`",
        ),
        (vec!["summary", "--reform", "p5"], "did you mean `P5`?"),
        (
            vec!["summary", "--data", "kz-2026", "--reform", "P5"],
            "no reform presets apply to dataset `kz-2026`",
        ),
    ] {
        let out = bilik(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn a_user_preset_file_applies_and_conflicts_are_reported() {
    let file = "tests/fixtures/reforms/valid.ron";
    let s = ok(&["diff", "--reforms", file, "--reform", "court_by_mazhilis"]);
    assert_eq!(
        row(&s, "total integrated control")[1..],
        ["52.7%", "16.4%", "-36.4 pp"]
    );
    let file = "tests/fixtures/reforms/conflict.ron";
    let out = bilik(&["reforms", "--reforms", file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning[reform-conflict]: presets mazhilis_chair and senate_chair conflict over channel `chair` of `constitutional_court`: they cannot be active together"),
        "{}",
        stderr(&out)
    );
    let out = bilik(&[
        "summary",
        "--reforms",
        file,
        "--reform",
        "senate_chair,mazhilis_chair",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error[reform-conflict]: presets mazhilis_chair and senate_chair conflict over channel `chair` of `constitutional_court`"),
        "{err}"
    );
    assert!(err.contains(&format!("{file}:21:17")), "{err}");
    assert!(err.contains("first: mazhilis_chair operation 1"), "{err}");
    assert!(
        !err.contains("warning"),
        "only the error for the pair chosen: {err}"
    );
    assert!(stdout(&out).is_empty());
    // Each alone is fine.
    ok(&["summary", "--reforms", file, "--reform", "senate_chair"]);
}

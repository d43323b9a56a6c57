//! The real binary, command by command.

use std::io::Read;
use std::process::{Command, Stdio};

use crate::common::{bilik, root, stderr, stdout};

/// The value at the end of the report line that starts with `label`.
fn figure(report: &str, label: &str) -> String {
    report
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no line '{label}' in\n{report}"))[label.len()..]
        .trim()
        .to_string()
}

/// The point value of a figure printed with its range: `52.7%` of `52.7% (48.5–58.2)`.
fn point(report: &str, label: &str) -> String {
    figure(report, label).split(' ').next().unwrap().to_string()
}

#[test]
fn summary_prints_the_constitutional_court_headline() {
    let out = bilik(&["summary"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(
        s.contains("HEADLINE: how much of the Constitutional Court does the President control?"),
        "{s}"
    );
    assert!(s.contains("The President picks 5 of the 11 seats."), "{s}");
    assert_eq!(
        figure(&s, "directly (own weighted share of seats)"),
        "40.9%"
    );
    assert_eq!(figure(&s, "through the Chair of the Senate"), "+8.2%");
    assert_eq!(figure(&s, "through the Senate "), "+3.6%");
    assert_eq!(figure(&s, "total integrated control"), "52.7% (48.5–61.1)");
    assert!(s.contains("consent 0 -> 72.7%"), "{s}");
    assert!(
        s.contains("[high] independent_majority · Constitutional Court"),
        "{s}"
    );
    assert!(
        s.contains("sources: Constitution art. 71(2), 44(4), 55(2)"),
        "{s}"
    );
}

#[test]
fn no_command_on_a_pipe_prints_the_summary() {
    let out = bilik(&[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(point(&stdout(&out), "total integrated control"), "52.7%");
}

#[test]
fn weights_move_the_headline() {
    let out = bilik(&["summary", "--weights", "consent=0.5"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(
        s.contains("weights: recommend 0.25, propose 1, consent 0.50"),
        "{s}"
    );
    assert_eq!(point(&s, "total integrated control"), "58.2%");
    // Counting removal at will as control hands the Chair of the Court to the President but
    // also the Chair of the Senate to the Senate, which can recall him: 5.6 of 11 seats.
    let out = bilik(&["summary", "--weights", "at_will_removal=1"]);
    assert_eq!(point(&stdout(&out), "total integrated control"), "50.9%");
}

#[test]
fn principals_can_be_changed() {
    let out = bilik(&[
        "summary",
        "-p",
        "senate",
        "-p",
        "president",
        "-p",
        "mazhilis",
        "-p",
        "maslikhats",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(
        s.contains(
            "principals: Electorate, President, Senate, Mazhilis, Maslikhats (local councils)"
        ),
        "{s}"
    );
    // The Senate is now where the walk stops: nothing arrives "through" it any more.
    assert!(!s.contains("through the Senate "), "{s}");
    assert_eq!(figure(&s, "through the Chair of the Senate"), "+6.8%");
}

#[test]
fn bad_options_fail_cleanly() {
    for (args, needle) in [
        (
            vec!["summary", "--weights", "consnt=1"],
            "did you mean 'consent'?",
        ),
        (
            vec!["summary", "--weights", "consent=-1"],
            "must be a number >= 0",
        ),
        (
            vec!["summary", "--weights", "consent"],
            "not of the form name=value",
        ),
        (vec!["summary", "--weights", "propose=0"], "must be above 0"),
        (
            vec!["summary", "-p", "presidnet"],
            "did you mean 'president'?",
        ),
        (
            vec!["summary", "--data", "kz-2023"],
            "did you mean 'kz-2022'?",
        ),
        (
            vec!["summary", "--data", "tests/fixtures/broken/unknown-id.ron"],
            "error[unknown-id]",
        ),
        (
            vec![
                "summary",
                "--weights",
                "consent=0",
                "--data",
                "tests/fixtures/valid/fragile.ron",
            ],
            "never reaches a principal",
        ),
    ] {
        let out = bilik(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"));
    }
    let out = bilik(&["summary", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2), "usage errors exit 2");
}

#[test]
fn another_dataset_by_path() {
    let out = bilik(&["summary", "--data", "tests/fixtures/valid/minimal.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(
        s.contains("HEADLINE: how much of the Court does the President control?"),
        "{s}"
    );
}

#[test]
fn names_follow_the_language() {
    let out = bilik(&["summary", "--lang", "kk"]);
    let s = stdout(&out);
    assert!(s.contains("Конституциялық Сот"), "{s}");
    let out = bilik(&["summary", "--lang", "ru"]);
    assert!(stdout(&out).contains("Конституционный Суд"));
}

#[test]
fn export_json_to_stdout_and_to_a_file() {
    let out = bilik(&["export", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["schema"], "bilik.summary/2");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kz.json");
    let out = bilik(&["export", "-o", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = std::fs::read(&path).unwrap();
    assert_eq!(written, bilik(&["export"]).stdout, "file and stdout agree");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["kz.json"], "no temporary file is left behind");
}

#[test]
fn export_is_deterministic() {
    let a = bilik(&["export", "--weights", "consent=0.5"]).stdout;
    let b = bilik(&["export", "--weights", "consent=0.5"]).stdout;
    assert_eq!(a, b);
}

#[test]
fn export_into_a_missing_folder_fails_with_exit_3() {
    let out = bilik(&["export", "-o", "/nonexistent-folder/x.json"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("cannot write /nonexistent-folder/x.json"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bilik"))
        .args(["export"])
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "{status:?}: {err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn datasets_lists_the_embedded_data() {
    let out = bilik(&["datasets"]);
    assert!(stdout(&out).contains("kz-2022"), "{}", stdout(&out));
}

#[test]
fn completions_man_and_help() {
    let out = bilik(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("_bilik()"));
    let out = bilik(&["man"]);
    assert!(stdout(&out).contains(".TH bilik"), "{}", stdout(&out));
    for cmd in [
        vec!["--help"],
        vec!["summary", "--help"],
        vec!["check", "--help"],
        vec!["export", "--help"],
    ] {
        let out = bilik(&cmd);
        assert_eq!(out.status.code(), Some(0), "{cmd:?}");
        assert!(stdout(&out).contains("Usage: bilik"), "{cmd:?}");
    }
    let out = bilik(&["--version"]);
    assert!(stdout(&out).starts_with("bilik "));
}

/// `52.7% (48.5–58.2)` -> (point, lo, hi), in percent.
fn ranged(figure: &str) -> (f64, f64, f64) {
    let num = |s: &str| s.trim_matches(['(', ')', '%']).parse::<f64>().unwrap();
    let (p, r) = figure.split_once(' ').unwrap_or((figure, ""));
    match r.split_once('–') {
        Some((lo, hi)) => (num(p), num(lo), num(hi)),
        None => (num(p), num(p), num(p)),
    }
}

#[test]
fn the_headline_range_contains_the_point_and_names_its_drivers() {
    for d in bilik::data::EMBEDDED.iter().map(|e| e.id) {
        let out = bilik(&["summary", "-d", d]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let s = stdout(&out);
        let Some(line) = s
            .lines()
            .find(|l| l.trim().starts_with("total integrated control"))
        else {
            continue;
        };
        let (p, lo, hi) = ranged(line.trim()["total integrated control".len()..].trim());
        assert!(lo <= p && p <= hi, "{d}: {line}");
        assert!(s.contains("  range: "), "{d}: {s}");
    }
    let s = stdout(&bilik(&["summary", "-d", "kz-2022"]));
    assert!(
        s.contains("  range: consent 0.5 → 58.2%, at-will threat on → 55.8% [exact over 1281 combinations; band consent 0.5–2]"),
        "{s}"
    );
    assert!(s.contains("at-will threat: off · ranges: exact over 1281 combinations"));
    // Body lines carry the ranges too.
    assert!(s.contains("President 52.7% (48.5–61.1)"), "{s}");
}

#[test]
fn no_band_and_no_alternative_leave_a_single_value() {
    // The minimal fixture has no alternative and no dissolution at will: with no band there
    // is nothing to vary.
    let out = bilik(&[
        "export",
        "--band",
        "none",
        "-d",
        "tests/fixtures/valid/minimal.ron",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d["alternatives"], serde_json::json!([]));
    assert_eq!(d["ranges"]["combinations"], 1);
    let mut seen = 0;
    for b in d["bodies"].as_array().unwrap() {
        for (p, x) in b["control"].as_object().unwrap() {
            assert_eq!(
                b["control_range"][p],
                serde_json::json!([x, x]),
                "{}",
                b["id"]
            );
            seen += 1;
        }
    }
    assert!(seen > 0);
    // The same file with the default band does vary.
    let out = bilik(&["export", "-d", "tests/fixtures/valid/minimal.ron"]);
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(d["ranges"]["combinations"].as_u64().unwrap() > 1);
}

#[test]
fn the_threat_option_band_and_choice_are_taken_and_checked() {
    let s = stdout(&bilik(&["summary", "--at-will-threat"]));
    assert!(s.contains("at-will threat: on"), "{s}");
    // The President may dissolve the Mazhilis at will (art. 63): its consents now count at
    // consent_under_threat, and the sensitivity says what it varies.
    assert_eq!(point(&s, "total integrated control"), "55.8%");
    assert!(s.contains("at-will threat off → 52.7%"), "{s}");
    assert!(
        s.contains("As the consent weight w varies (consents under threat weighed w × 0.50)"),
        "{s}"
    );
    assert!(s.contains("with no threat discount: 52.7%"), "{s}");
    let s = stdout(&bilik(&["summary", "--band", "none"]));
    assert!(s.contains("band none"), "{s}");
    let s = stdout(&bilik(&[
        "summary",
        "--band",
        "consent=1..3",
        "--band",
        "recommend=0..0.5",
    ]));
    assert!(s.contains("band consent 1–3, recommend 0–0.5"), "{s}");
    for (args, words) in [
        (vec!["summary", "--band", "consent=2..1"], "swap"),
        (vec!["summary", "--band", "consnet=0..1"], "did you mean"),
        (vec!["summary", "--band", "consent"], "name=lo..hi"),
        (
            vec!["summary", "--choose", "no_such_reading"],
            "unknown alternative 'no_such_reading'",
        ),
        (
            vec!["summary", "-d", "kz-2022", "-d", "kz-2026"],
            "only `bilik sweep` takes several",
        ),
    ] {
        let out = bilik(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(words), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn diff_shows_each_headline_with_its_range() {
    let out = bilik(&["diff", "--reform", "P5"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(
        s.contains("  Total before: 52.7% (48.5–61.1); range: "),
        "{s}"
    );
    assert!(
        s.contains("  Total after: 47.7% (42.4–58.2); range: "),
        "{s}"
    );
    let out = bilik(&["diff", "--reform", "P5", "--format", "json"]);
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        d["headline"]["before"]["range"],
        serde_json::json!([0.4848, 0.6109])
    );
    assert_eq!(d["headline"]["after"]["exact"], true);
}

fn sweep_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["sweep", "--format", "json"];
    all.extend_from_slice(args);
    let out = bilik(&all);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn sweep_finds_where_the_kazakh_courts_cross() {
    let args = [
        "--body",
        "constitutional_court",
        "--weight",
        "consent",
        "-d",
        "kz-2022",
        "-d",
        "kz-2026",
    ];
    let d = sweep_json(&args);
    assert_eq!(d["schema"], "bilik.sweep/1");
    assert_eq!(d["principal"], "president");
    let series = d["series"].as_array().unwrap();
    assert_eq!(series.len(), 2);
    for s in series {
        assert_eq!(s["points"].as_array().unwrap().len(), 201);
        for b in s["breakpoints"].as_array().unwrap() {
            let w = b["weight"].as_f64().unwrap();
            assert!((0.0..=2.0).contains(&w), "{b}");
        }
    }
    // Measured: every consent on the Court in kz-2026 is under threat (art. 62(2)), so the
    // free consent weight leaves it at 69.7%; kz-2022 starts above (72.7% at 0) and falls
    // through it, then through one half.
    let bps = series[0]["breakpoints"].as_array().unwrap();
    let crossing = bps.iter().find(|b| b["kind"] == "crossing").unwrap();
    assert_eq!(crossing["with"], "kz-2026");
    assert!(
        (crossing["weight"].as_f64().unwrap() - 0.0651).abs() < 1e-4,
        "{crossing}"
    );
    let lost = bps.iter().find(|b| b["kind"] == "majority_lost").unwrap();
    assert!(
        (lost["weight"].as_f64().unwrap() - 1.5092).abs() < 1e-4,
        "{lost}"
    );
    // The text says the same in words.
    let mut all = vec!["sweep"];
    all.extend_from_slice(&args);
    let s = stdout(&bilik(&all));
    assert!(
        s.contains("kz-2022 crosses kz-2026 at consent = 0.0651"),
        "{s}"
    );
    assert!(
        s.contains("kz-2022: the President loses the majority at consent = 1.5092"),
        "{s}"
    );
}

#[test]
fn sweep_with_a_reform_has_two_series_and_writes_every_format() {
    let d = sweep_json(&[
        "--body",
        "constitutional_court",
        "--reform",
        "P10",
        "--steps",
        "20",
    ]);
    let labels: Vec<&str> = d["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["kz-2022", "kz-2022+P10"]);
    assert_eq!(d["series"][1]["reforms"], serde_json::json!(["P10"]));
    assert_eq!(d["series"][0]["points"].as_array().unwrap().len(), 21);
    let dir = tempfile::tempdir().unwrap();
    for (format, start) in [("csv", "weight,series,value\r\n"), ("svg", "<svg ")] {
        let path = dir.path().join(format!("sweep.{format}"));
        let out = bilik(&[
            "sweep",
            "--body",
            "constitutional_court",
            "--steps",
            "10",
            "--format",
            format,
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(start), "{text}");
        if format == "csv" {
            assert_eq!(text.lines().count(), 1 + 11);
        }
    }
}

#[test]
fn sweep_errors_are_usage_errors() {
    for (args, words) in [
        (
            vec!["sweep", "--body", "constitutional_curt"],
            "did you mean 'constitutional_court'",
        ),
        (
            vec!["sweep", "--body", "senate", "--weight", "consnet"],
            "did you mean 'consent'",
        ),
        (
            vec!["sweep", "--body", "senate", "--from", "2", "--to", "1"],
            "larger --to",
        ),
        (
            vec!["sweep", "--body", "senate", "--weight", "at_will_removal"],
            "can be swept within",
        ),
        (vec!["sweep", "--body", "senate", "--steps", "0"], "--steps"),
        (
            vec!["sweep", "--body", "senate", "-p", "nobody"],
            "not a principal",
        ),
    ] {
        let out = bilik(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(words), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn an_alternative_widens_the_range_and_can_be_chosen() {
    let file = "tests/fixtures/valid/contested.ron";
    // Measured: the Senate's consent read as a hearing lifts the President's hold on the Court
    // from 33.3% to 41.3%; with the band, consent 2 takes it down to 28.9%.
    let s = stdout(&bilik(&["summary", "-d", file]));
    assert_eq!(figure(&s, "total integrated control"), "33.3% (28.9–41.3)");
    assert!(
        s.contains(
            "range: consent_as_hearing → 41.3%, consent 2 → 28.9% [exact over 21 combinations"
        ),
        "{s}"
    );
    let s = stdout(&bilik(&["summary", "-d", file, "--band", "none"]));
    assert_eq!(figure(&s, "total integrated control"), "33.3% (33.3–41.3)");
    // Chosen, the reading is the point; the range still spans the coding as written.
    let out = bilik(&[
        "summary",
        "-d",
        file,
        "--band",
        "none",
        "--choose",
        "consent_as_hearing",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    assert_eq!(figure(&s, "total integrated control"), "41.3% (33.3–41.3)");
    assert!(s.contains("readings chosen: consent_as_hearing"), "{s}");
    let out = bilik(&["export", "-d", file]);
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = d["alternatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["consent_as_hearing", "chair_for_cause"]);
    assert_eq!(d["alternatives"][0]["confidence"], "medium");
    assert_eq!(d["headline"]["range"], serde_json::json!([0.2889, 0.4133]));
    let out = bilik(&["summary", "-d", file, "--choose", "consent_as_hearin"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean 'consent_as_hearing'"),
        "{}",
        stderr(&out)
    );
}

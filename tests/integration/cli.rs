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
        .unwrap_or_else(|| panic!("no line '{label}' in\n{report}"))
        .rsplit(' ')
        .next()
        .unwrap()
        .to_string()
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
    assert_eq!(figure(&s, "total integrated control"), "52.7%");
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
    assert_eq!(figure(&stdout(&out), "total integrated control"), "52.7%");
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
    assert_eq!(figure(&s, "total integrated control"), "58.2%");
    // Counting removal at will as control hands the Chair of the Court to the President but
    // also the Chair of the Senate to the Senate, which can recall him: 5.6 of 11 seats.
    let out = bilik(&["summary", "--weights", "at_will_removal=1"]);
    assert_eq!(figure(&stdout(&out), "total integrated control"), "50.9%");
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
    assert_eq!(doc["schema"], "bilik.summary/1");
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

//! Every file in `tests/fixtures/broken` breaks the model in one way and says, in its first
//! line, which problem `bilik check` must report and where: `// expect: CODE LINE:COL`.

use crate::common::{bilik, fixture, stderr, stdout};

fn expectation(text: &str) -> (String, String) {
    let first = text.lines().next().unwrap_or_default();
    let rest = first
        .strip_prefix("// expect: ")
        .unwrap_or_else(|| panic!("fixture lacks an `// expect:` line: {first}"));
    let (code, place) = rest.split_once(' ').expect("expect: CODE LINE:COL");
    (code.to_string(), place.trim().to_string())
}

#[test]
fn each_broken_fixture_names_its_problem_and_place() {
    let dir = fixture("broken");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "only {} broken fixtures", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let (code, place) = expectation(&text);
        let rel = format!(
            "tests/fixtures/broken/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        let out = bilik(&["check", &rel]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{rel}: exit code\n{err}");
        assert!(
            err.contains(&format!("error[{code}]")),
            "{rel}: expected error[{code}]\n{err}"
        );
        assert!(
            err.contains(&format!("{rel}:{place}")),
            "{rel}: expected the place {place}\n{err}"
        );
        // The offending line is shown under the location.
        let line: usize = place.split(':').next().unwrap().parse().unwrap();
        let shown = text.lines().nth(line - 1).unwrap().trim();
        if !shown.is_empty() {
            assert!(
                err.contains(shown),
                "{rel}: the offending line is not shown\n{err}"
            );
        }
        assert!(err.contains(&format!("{rel}: invalid")), "{rel}\n{err}");
        assert!(stdout(&out).is_empty(), "{rel}: nothing on stdout");
    }
}

#[test]
fn the_valid_fixture_and_the_shipped_datasets_pass() {
    let out = bilik(&[
        "check",
        "tests/fixtures/valid/minimal.ron",
        "data/kz-2022.ron",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(
        s.contains("tests/fixtures/valid/minimal.ron: ok, 4 bodies"),
        "{s}"
    );
    assert!(s.contains("data/kz-2022.ron: ok"), "{s}");
    assert!(stderr(&out).is_empty(), "no diagnostics: {}", stderr(&out));
}

#[test]
fn one_run_reports_every_file_and_every_problem() {
    let out = bilik(&[
        "check",
        "tests/fixtures/broken/unknown-id.ron",
        "tests/fixtures/valid/minimal.ron",
        "tests/fixtures/broken/bad-weight.ron",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("did you mean `president`?"), "{err}");
    assert!(
        err.contains("error[bad-weight]") && err.contains("error[unknown-weight]"),
        "{err}"
    );
    assert!(stdout(&out).contains("minimal.ron: ok"));
}

#[test]
fn unreadable_input_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("binary.ron");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x28]).unwrap();
    let big = dir.path().join("big.ron");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(17 * 1024 * 1024).unwrap();
    let deep = dir.path().join("deep.ron");
    std::fs::write(&deep, "[".repeat(100_000)).unwrap();
    for (path, needle) in [
        (binary, "not UTF-8"),
        (big, "is larger than the input limit"),
        (deep, "error[syntax]"),
        (dir.path().join("missing.ron"), "cannot read"),
        (dir.path().to_path_buf(), "is a folder"),
    ] {
        let out = bilik(&["check", path.to_str().unwrap()]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{}: {err}", path.display());
        assert!(err.contains(needle), "{}: {err}", path.display());
        assert!(!err.contains("panicked"), "{err}");
    }
}

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

/// A source of the bibliography that no citation names (kg-2021's UN Women database, quoted
/// only in notes) is a warning at its id, as `bilik sources` says: the check still passes.
#[test]
fn a_source_no_citation_names_is_a_warning() {
    let out = bilik(&["check", "data/kg-2021.ron"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("warning[uncited-source]: source `UNW` is listed, but no citation names it"),
        "{err}"
    );
    assert!(err.contains("data/kg-2021.ron:16:"), "{err}");
    assert!(!err.contains("error["), "{err}");
    assert!(
        stdout(&out).contains("data/kg-2021.ron: ok, 18 bodies, 25 channels, 16 edges, 3 warnings"),
        "{}",
        stdout(&out)
    );
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

/// A byte-order mark (Windows editors write one) is read past, and old Mac line ends (a lone
/// CR) count as lines: places are those the author's editor shows, and the quoted line is one
/// line, not the whole file.
#[test]
fn a_byte_order_mark_and_old_mac_line_ends_are_read_as_the_author_sees_them() {
    let minimal = std::fs::read_to_string(fixture("valid/minimal.ron")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let bom = dir.path().join("bom.ron");
    std::fs::write(&bom, format!("\u{feff}{minimal}")).unwrap();
    let out = bilik(&["check", bom.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("bom.ron: ok, 4 bodies"),
        "{}",
        stdout(&out)
    );

    let broken = minimal.replace("seats: 3,", "seats: 4,");
    for (name, text) in [
        ("cr.ron", broken.replace('\n', "\r")),
        (
            "bom-cr.ron",
            format!("\u{feff}{}", broken.replace('\n', "\r")),
        ),
        ("crlf.ron", broken.replace('\n', "\r\n")),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = bilik(&["check", path.to_str().unwrap()]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains("error[seats-mismatch]"), "{name}: {err}");
        assert!(err.contains(&format!("{name}:16:120")), "{name}: {err}");
        // The quoted line is the court's, not the file.
        assert!(!err.contains("id: \"minimal\""), "{name}: {err}");
    }
}

/// With the head of state left out of the principals, his control is counted for those who
/// fill his office: the headline says the question was not asked rather than print 0.0%.
#[test]
fn the_headline_says_when_the_head_of_state_is_not_a_principal() {
    let out = bilik(&[
        "summary",
        "--data",
        "tests/fixtures/valid/minimal.ron",
        "-p",
        "electorate",
    ]);
    let s = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        s.contains("HEADLINE: how much of the Court does the President control?\n  Not computed: the President is not among the principals in force"),
        "{s}"
    );
    assert!(!s.contains("total integrated control"), "{s}");
    let md = bilik(&[
        "export",
        "--data",
        "tests/fixtures/valid/minimal.ron",
        "-p",
        "electorate",
        "--format",
        "md",
    ]);
    assert!(
        stdout(&md).contains("Not computed: the President is not among the principals in force"),
        "{}{}",
        stdout(&md),
        stderr(&md)
    );
}

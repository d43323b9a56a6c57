//! Every file in `tests/fixtures/reforms/broken` breaks a preset file in one way and says, in
//! its first line, which problem `bilik reforms --reforms FILE` must report and where:
//! `// expect: CODE LINE:COL`. They are checked against kz-2022.

use crate::common::{bilik, fixture, stderr, stdout};

/// What some of them must also say.
const SAYS: &[(&str, &str)] = &[
    ("unknown-operation.ron", "did you mean `remove_edge`?"),
    ("unknown-field.ron", "did you mean `seats`?"),
    ("unknown-id.ron", "did you mean `government`?"),
    ("unknown-kind.ron", "did you mean `investigates`?"),
    ("unknown-role.ron", "did you mean `elect`?"),
    (
        "missing-source.ron",
        "a reform cites the proposal and the article it would amend",
    ),
    ("no-such-channel.ron", "did you mean `presidential_quota`?"),
    (
        "no-such-edge.ron",
        "edges from `president` to `constitutional_court`: president -dismiss_at_will-> constitutional_court/chair; president -petitions-> constitutional_court",
    ),
    (
        "seats-mismatch.ron",
        "the channels of body `senate` add up to 50 seats (elected 40 + assembly_quota 5 + presidential_quota 5), but the body has 40",
    ),
    (
        "dangling-reference.ron",
        "edge `president -dismiss_at_will-> prime_minister` names `prime_minister`, which is not a body",
    ),
    ("no-principal.ron", "never reaches a principal"),
    (
        "wrong-dataset.ron",
        "apply to dataset `kz-2026`, not `kz-2022`",
    ),
];

#[test]
fn each_broken_preset_file_names_its_problem_and_place() {
    let dir = fixture("reforms/broken");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "only {} broken fixtures", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap_or_default();
        let (code, place) = first
            .strip_prefix("// expect: ")
            .and_then(|r| r.split_once(' '))
            .unwrap_or_else(|| panic!("{}: no `// expect:` line", path.display()));
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let rel = format!("tests/fixtures/reforms/broken/{name}");
        let out = bilik(&["reforms", "--reforms", &rel]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{rel}: exit code\n{err}");
        assert!(
            err.contains(&format!("error[{code}]")),
            "{rel}: expected error[{code}]\n{err}"
        );
        assert!(
            err.contains(&format!("{rel}:{place}")),
            "{rel}: expected {place}\n{err}"
        );
        let line: usize = place.split(':').next().unwrap().parse().unwrap();
        let shown = text.lines().nth(line - 1).unwrap().trim();
        assert!(
            err.contains(shown),
            "{rel}: the offending line is not shown\n{err}"
        );
        assert!(err.contains("problem"), "{rel}: no verdict\n{err}");
        if let Some((_, says)) = SAYS.iter().find(|(f, _)| *f == name) {
            assert!(err.contains(says), "{rel}: expected «{says}»\n{err}");
        }
        assert!(!err.contains("panicked"), "{err}");
        assert!(stdout(&out).is_empty(), "{rel}: nothing on stdout");
    }
}

#[test]
fn the_shipped_and_the_valid_preset_files_pass() {
    for file in [
        "data/reforms/kz-adilet-2024.ron",
        "tests/fixtures/reforms/valid.ron",
    ] {
        let out = bilik(&["reforms", "--reforms", file]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "{file}: {}", stderr(&out));
    }
}

//! Files people share are untrusted: a name holding terminal escapes, a bidi override, a NUL
//! or a line break is shown visibly in every text output and on stderr, never obeyed; CSV
//! cells a spreadsheet would run are neutralised; a closed stderr or stdout is no panic.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::{bilik, fixture, root, stderr, stdout};

/// What an attacker puts in a name: a window title, a screen clear, a right-to-left
/// override, a NUL and a forged line.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}Voters\u{1b}[2J\u{202e}evil\u{0}x\nforged line";
const SHOWN: &str = r"\u{1b}]0;pwned\u{7}Voters\u{1b}[2J\u{202e}evil\u{0}x";

/// The escaping fixture with the hostile name (a valid dataset), and a broken copy whose
/// error is on the hostile line, so that the quoted source line carries it.
fn hostile_files(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let text = std::fs::read_to_string(fixture("valid/escaping.ron")).unwrap();
    let text = text.replace(r#"Voters, \"all\" of them"#, HOSTILE);
    let valid = dir.join("hostile.ron");
    std::fs::write(&valid, &text).unwrap();
    let broken = dir.join("hostile-broken.ron");
    std::fs::write(
        &broken,
        text.replace(
            r#"(id: "voters", "#,
            "(id: \"voters\", colour: \"\u{1b}[2J\u{202e}\", ",
        ),
    )
    .unwrap();
    let presets = std::fs::read_to_string(fixture("reforms/valid.ron"))
        .unwrap()
        .replace(
            "The Mazhilis appoints the President's four judges",
            "The Mazhilis\n\u{1b}]0;x\u{7}appoints\u{202e}",
        );
    let presets_path = dir.join("presets.ron");
    std::fs::write(&presets_path, presets).unwrap();
    (valid, broken, presets_path)
}

/// No byte of the output may act on a terminal: no C0 control but line break and tab, no
/// C1 control, no DEL and no bidirectional control.
fn assert_inert(what: &str, text: &str) {
    for c in text.chars() {
        let bad = (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}');
        assert!(!bad, "{what}: raw U+{:04X} in\n{text}", c as u32);
    }
}

#[test]
fn every_text_output_shows_hostile_text_visibly() {
    let dir = tempfile::tempdir().unwrap();
    let (valid, broken, presets) = hostile_files(dir.path());
    let (valid, broken, presets) = (
        valid.to_str().unwrap(),
        broken.to_str().unwrap(),
        presets.to_str().unwrap(),
    );
    let runs: Vec<Vec<&str>> = vec![
        vec!["summary", "--data", valid],
        vec!["compare", valid, "kz-2022"],
        vec!["check", valid],
        vec!["check", broken],
        vec!["summary", "--data", broken],
        vec!["reforms", "--reforms", presets],
        vec![
            "diff",
            "--reforms",
            presets,
            "--reform",
            "court_by_mazhilis",
        ],
        vec!["--color", "always", "check", broken],
    ];
    for args in runs {
        let out = bilik(&args);
        assert!(!stderr(&out).contains("panicked"), "{args:?}");
        assert_inert(&format!("{args:?} stdout"), &stdout(&out));
        // Colours in diagnostics are the tool's own escapes; the data's are not.
        let err = stderr(&out)
            .replace("\u{1b}[0m", "")
            .replace("\u{1b}[1m", "");
        let err = regex_free_strip_sgr(&err);
        assert_inert(&format!("{args:?} stderr"), &err);
    }
    let summary = stdout(&bilik(&["summary", "--data", valid]));
    assert!(summary.contains(SHOWN), "{summary}");
    let check = bilik(&["check", broken]);
    assert_eq!(check.status.code(), Some(1));
    let err = stderr(&check);
    assert!(err.contains(r#"colour: "\u{1b}[2J\u{202e}""#), "{err}");
    assert!(err.contains(SHOWN), "{err}");
    // A line break in a name or a preset title is shown as `\n`: no report line is forged.
    let forging = dir.path().join("forging.ron");
    let text = std::fs::read_to_string(fixture("reforms/valid.ron")).unwrap();
    let text = text.replace(
        "The Mazhilis appoints the President's four judges",
        "The Mazhilis\nforged line",
    );
    std::fs::write(&forging, text).unwrap();
    let forging = forging.to_str().unwrap();
    for args in [
        vec!["summary", "--data", valid],
        vec!["compare", valid, "kz-2022"],
        vec![
            "diff",
            "--reforms",
            forging,
            "--reform",
            "court_by_mazhilis",
        ],
    ] {
        let out = stdout(&bilik(&args));
        assert!(
            !out.lines()
                .any(|l| l.trim_start().starts_with("forged line")),
            "{args:?}: a forged line in\n{out}"
        );
    }
    assert!(
        summary.contains(&format!(r"{SHOWN}\nforged line")),
        "{summary}"
    );
    let reforms = stdout(&bilik(&["reforms", "--reforms", presets]));
    assert!(
        reforms.contains(r"The Mazhilis\n\u{1b}]0;x\u{7}appoints\u{202e}"),
        "{reforms}"
    );
}

/// Removes the SGR colour sequences (`ESC [ digits ; ... m`) codespan writes.
fn regex_free_strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\u{1b}[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let end = after.find(|c: char| !(c.is_ascii_digit() || c == ';'));
        match end {
            Some(e) if after[e..].starts_with('m') => rest = &after[e + 1..],
            _ => {
                out.push_str("\u{1b}[");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn csv_cells_that_would_run_as_formulas_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("valid/escaping.ron"))
        .unwrap()
        .replace(r#"Voters, \"all\" of them"#, "=cmd|' /C calc'!A0");
    let path = dir.path().join("formula.ron");
    std::fs::write(&path, text).unwrap();
    for table in ["bodies", "edges", "control", "flags"] {
        let out = bilik(&[
            "export",
            "--format",
            "csv",
            "--table",
            table,
            "--data",
            path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let csv = stdout(&out);
        let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '@', '\t', '\r'])
                        && (!cell.starts_with('-') || cell.parse::<f64>().is_ok()),
                    "{table}: cell {cell:?}"
                );
            }
        }
        if table != "flags" {
            assert!(csv.contains("'=cmd|' /C calc'!A0"), "{table}: {csv}");
        }
    }
}

#[test]
fn a_closed_pipe_on_stderr_is_no_panic() {
    // Enough output to fill a pipe: the same broken file many times.
    let file = "tests/fixtures/broken/unknown-id.ron";
    let mut args = vec!["check"];
    args.extend(std::iter::repeat_n(file, 3000));
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(r#"exec "$@" 2>&1"#)
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_bilik"))
        .args(&args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("error["), "{first}");
    // The reader is gone, like `| head -1`; bilik ends with the check's own exit code.
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
    // stdout and stderr closed outright.
    let out = Command::new("sh")
        .arg("-c")
        .arg(r#""$0" check "$1" data/kz-2022.ron >&- 2>&-; echo "exit $?""#)
        .arg(env!("CARGO_BIN_EXE_bilik"))
        .arg(file)
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "exit 1\n");
    let out = Command::new("sh")
        .arg("-c")
        .arg(r#""$0" summary >&- 2>&-; echo "exit $?""#)
        .arg(env!("CARGO_BIN_EXE_bilik"))
        .current_dir(root())
        .output()
        .unwrap();
    // Rust's standard output treats a closed descriptor as a sink: the report goes nowhere.
    assert_eq!(stdout(&out), "exit 0\n");
}

/// What a name or caption carries into a figure or a Markdown page: a right-to-left override,
/// controls, a script, the end of a CDATA section, an ampersand, table and code markup and a
/// script link.
const MARKUP: &str = "\u{202e}evil\u{7}<script>alert(1)</script>]]> & |pipe| `tick` [x](javascript:alert(1))\u{1b}[2J";

/// `s` as the inside of a RON string.
fn ron_str(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The escaping fixture with both principals named [`MARKUP`], a preset file for it whose
/// titles and source carry it, and a tour whose title and captions carry it (a tour's steps
/// name shipped datasets only).
fn markup_files(dir: &Path) -> (String, String, String) {
    let m = ron_str(MARKUP);
    let text = std::fs::read_to_string(fixture("valid/escaping.ron"))
        .unwrap()
        .replace(r#"Voters, \"all\" of them"#, &m)
        .replace(r#"Head of \"State\" & <Co>"#, &format!("Head {m}"));
    let data = dir.join("markup.ron");
    std::fs::write(&data, text).unwrap();
    let presets = format!(
        r#"(dataset: "escaping", title: "P {m}", presets: [(id: "hostile",
            title: (en: "R {m}", ru: "R", kk: "R"), description: "D {m}",
            operations: [change_channel(body: "court", id: "chair",
                steps: [(actor: "chamber", role: appoint)], source: "S {m}")])])"#
    );
    let presets_path = dir.join("markup-presets.ron");
    std::fs::write(&presets_path, presets).unwrap();
    let tour = format!(
        r#"(title: (en: "T {m}", ru: "T", kk: "T"), steps: [
            (dataset: "us", view: bodies, body: "supreme_court", caption: (en: "C {m}", ru: "C", kk: "C")),
            (dataset: "kz-2022", view: bodies, body: "constitutional_court", caption: (en: "| a | b |\n|---|---|\n| {m} | c |", ru: "C", kk: "C")),
        ])"#
    );
    let tour_path = dir.join("markup-tour.ron");
    std::fs::write(&tour_path, tour).unwrap();
    let s = |p: PathBuf| p.to_str().unwrap().to_owned();
    (s(data), s(presets_path), s(tour_path))
}

/// `bilik diff` of the hostile preset on the hostile dataset, in `format`.
fn diff_args<'a>(data: &'a str, presets: &'a str, format: &'a str) -> Vec<&'a str> {
    vec![
        "diff",
        "--data",
        data,
        "--reforms",
        presets,
        "--reform",
        "hostile",
        "--format",
        format,
    ]
}

/// The output of `args`, which must succeed, checked for hidden characters.
fn inert_output(args: &[&str]) -> String {
    let out = bilik(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    let text = stdout(&out);
    assert_inert(&format!("{args:?}"), &text);
    text
}

#[test]
fn figures_and_the_tour_page_keep_hostile_text_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let (data, presets, tour) = markup_files(dir.path());
    let figures: Vec<Vec<&str>> = vec![
        vec![
            "export", "--format", "svg", "--data", &data, "--focus", "court",
        ],
        vec!["export", "--format", "svg", "--data", &data],
        vec!["compare", &data, "kz-2022", "--format", "svg"],
        diff_args(&data, &presets, "svg"),
    ];
    for args in figures {
        let svg = inert_output(&args);
        assert!(!svg.to_lowercase().contains("<script"), "{args:?}:\n{svg}");
        let doc = roxmltree::Document::parse(&svg)
            .unwrap_or_else(|e| panic!("{args:?}: not XML ({e}):\n{svg}"));
        assert!(
            doc.descendants().all(|n| n.tag_name().name() != "script"),
            "{args:?}"
        );
        // Character references decode: the parsed text must be inert too, and the name is
        // there as text, not dropped.
        let text: String = doc.descendants().filter_map(|n| n.text()).collect();
        assert_inert(&format!("{args:?} parsed"), &text);
        assert!(
            text.contains("<script>alert(1)</script>]]> & |pipe|"),
            "{args:?}: {text}"
        );
    }
    let out = bilik(&["tour", &tour, "--export", "md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert_inert("tour --export md", &md);
    assert!(md.contains("evil"), "{md}");
    assert_markdown_inert("tour --export md", &md);
}

/// Dataset text in a Markdown page stays text: no HTML, no link, no table of its own (its
/// `|` are escaped), no code span.
fn assert_markdown_inert(what: &str, md: &str) {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(md, options) {
        match &event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("{what}: HTML {h:?} in\n{md}"),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                assert!(
                    !dest_url.trim().to_lowercase().starts_with("javascript:"),
                    "{what}: a script link in\n{md}"
                );
            }
            Event::Start(Tag::Table(_)) => panic!("{what}: a caption became a table in\n{md}"),
            Event::Code(c) => assert!(!c.contains("evil"), "{what}: code span {c:?}"),
            _ => {}
        }
    }
    assert!(
        !md.replace(r"\](", "").contains("](javascript:"),
        "{what}: a link in\n{md}"
    );
}

/// The comparison's and the diff's Markdown carry names and flag messages in tables and in
/// lines of their own: no hidden character, no HTML and no `javascript:` link reaches the page.
#[test]
fn the_comparison_and_the_diff_in_markdown_keep_hostile_names_as_text() {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let dir = tempfile::tempdir().unwrap();
    let (data, presets, _) = markup_files(dir.path());
    let pages: Vec<Vec<&str>> = vec![
        vec!["compare", &data, "kz-2022", "--format", "md"],
        diff_args(&data, &presets, "md"),
    ];
    for args in pages {
        let md = inert_output(&args);
        assert!(md.contains("evil"), "{args:?}: the name is kept\n{md}");
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        for event in Parser::new_ext(&md, options) {
            match &event {
                Event::Html(h) | Event::InlineHtml(h) => {
                    panic!("{args:?}: HTML {h:?} in\n{md}")
                }
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    panic!("{args:?}: a link to {dest_url:?} in\n{md}")
                }
                _ => {}
            }
        }
    }
}

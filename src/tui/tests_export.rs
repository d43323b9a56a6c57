//! The export picker: what it offers in each view, its focus (j/k pick in the list, are text
//! in the name), and the question before a file is written over.

use super::app::{App, Effect};
use super::tests::{app_for, keys, render, text};
use super::theme::Theme;
use super::views::export::{Doc, Focus, Report};

fn app() -> App {
    app_for("kz-2022", 100, 30, Theme::colored())
}

fn status(app: &App) -> String {
    app.ctx
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// The path and the content of the export the effect asks the loop to write, written through
/// the loop's own streamed writer into a temporary folder.
fn written(a: &App, effect: Effect) -> (std::path::PathBuf, String) {
    match effect {
        Effect::Write { path, doc } => (path, written_text(a, doc)),
        other => panic!("expected a write, got {other:?}"),
    }
}

pub(super) fn written_text(a: &App, doc: Doc) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export");
    super::write_export(a, &file, doc).unwrap();
    std::fs::read_to_string(&file).unwrap()
}

#[test]
fn in_the_list_j_and_k_pick_the_format_and_in_the_name_they_are_text() {
    let mut a = app();
    keys(&mut a, &["e"]);
    let p = a.export.as_ref().unwrap();
    assert_eq!((p.focus, p.path.as_str()), (Focus::List, "kz-2022.md"));
    keys(&mut a, &["j", "j", "j", "k"]);
    let p = a.export.as_ref().unwrap();
    assert_eq!(p.path, "kz-2022.dot", "j/k moved, nothing typed");
    // Any other letter starts the name; from there j and k are letters.
    keys(&mut a, &["backspace", "backspace", "backspace", "jk"]);
    let p = a.export.as_ref().unwrap();
    assert_eq!((p.focus, p.path.as_str()), (Focus::Name, "kz-2022.jk"));
    assert!(text(&render(&a)).contains("file▸ kz-2022.jk█"));
    // Tab goes back to the list, where j moves again and the typed name stays.
    keys(&mut a, &["tab", "j"]);
    let p = a.export.as_ref().unwrap();
    assert_eq!(
        (p.focus, p.choice, p.path.as_str()),
        (Focus::List, 3, "kz-2022.jk")
    );
}

#[test]
fn the_compare_view_exports_the_comparison_as_a_figure() {
    let mut a = app();
    keys(&mut a, &["7", "e"]);
    let p = a.export.as_ref().unwrap();
    assert_eq!(p.doc(), Doc::Comparison(Report::Text));
    assert!(
        p.path.starts_with("compare") && p.path.ends_with(".txt"),
        "{}",
        p.path
    );
    keys(&mut a, &["j", "j", "j", "j"]);
    assert_eq!(
        a.export.as_ref().unwrap().doc(),
        Doc::Comparison(Report::Svg)
    );
    let (path, svg) = {
        let e = keys(&mut a, &["enter"]);
        written(&a, e)
    };
    assert!(path.to_string_lossy().ends_with(".svg"));
    assert!(svg.contains("<svg") && svg.contains("Constitutional review"));
    assert!(svg.contains("kz-2022"));
}

#[test]
fn the_reforms_view_exports_the_diff_first() {
    let mut a = app();
    keys(&mut a, &["6", "j", "j", "j", "j", "space"]);
    keys(&mut a, &["j", "j", "j", "j", "j", "space", "e"]);
    let p = a.export.as_ref().unwrap();
    assert_eq!(p.doc(), Doc::Diff(Report::Text));
    assert_eq!(p.path, "kz-2022+P5+P10-diff.txt");
    let (_, report) = {
        let e = keys(&mut a, &["enter"]);
        written(&a, e)
    };
    assert!(report.contains("HEADLINE"), "{report}");
    keys(&mut a, &["e", "j", "j", "j"]);
    assert_eq!(a.export.as_ref().unwrap().path, "kz-2022+P5+P10-diff.svg");
    let (_, svg) = {
        let e = keys(&mut a, &["enter"]);
        written(&a, e)
    };
    assert!(svg.contains("What P5 + P10 change in kz-2022"));
    // The state's own formats follow the diff's.
    keys(&mut a, &["e"]);
    let p = a.export.as_ref().unwrap();
    assert!(
        p.choices
            .iter()
            .any(|c| c.0 == Doc::State(crate::output::export::Format::Json, None))
    );
}

#[test]
fn a_file_that_exists_is_written_over_only_after_yes() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("kept.md");
    std::fs::write(&target, "mine").unwrap();
    let mut a = app();
    keys(&mut a, &["e"]);
    for _ in 0..20 {
        keys(&mut a, &["backspace"]);
    }
    keys(&mut a, &[target.to_str().unwrap()]);
    assert_eq!(keys(&mut a, &["enter"]), Effect::None);
    assert!(
        status(&a).contains("exists: write over it? y/n"),
        "{}",
        status(&a)
    );
    assert!(text(&render(&a)).contains("y writes over it"));
    // n goes back to the name; nothing is written.
    assert_eq!(keys(&mut a, &["n"]), Effect::None);
    let p = a.export.as_ref().expect("the picker stays open");
    assert!(p.overwrite.is_none());
    assert!(status(&a).contains("not written"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine");
    keys(&mut a, &["enter"]);
    let (path, report) = {
        let e = keys(&mut a, &["y"]);
        written(&a, e)
    };
    assert_eq!(path, target);
    assert!(report.contains("Kazakhstan"));
    assert!(a.export.is_none());
}

#[test]
fn the_picker_in_the_compare_view() {
    let mut a = app();
    keys(&mut a, &["7", "e", "j", "j", "j", "j"]);
    insta::assert_snapshot!("export_compare_100x30", text(&render(&a)));
}

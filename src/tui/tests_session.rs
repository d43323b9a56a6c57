//! Sessions, undo/redo and the watched dataset file, driven through `update` as a user would.

use super::app::{Action, App, AppOptions, update};
use super::session::{Layer, Session, ShareModel, Source};
use super::tests::{app_for, keys, render, text};
use super::theme::Theme;
use super::{View, keymap::Keymap};
use crate::model::Lang;

fn app() -> App {
    app_for("kz-2022", 100, 30, Theme::colored())
}

fn status(a: &App) -> String {
    a.ctx
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn court(a: &App) -> f64 {
    a.ctx
        .analysis
        .body("constitutional_court")
        .unwrap()
        .control_of("president")
}

/// The explorer a session restores, as `bilik` builds it; and what it dropped.
fn restore(s: &Session) -> (App, Vec<String>) {
    let mut dropped = Vec::new();
    let start = s.start(&mut dropped).expect("the dataset loads");
    let mut a = App::new(AppOptions {
        dataset: start.dataset,
        presets: start.presets,
        active: start.active,
        options: start.options,
        custom_principals: start.custom_principals,
        lang: Lang::En,
        keymap: Keymap::default(),
        theme: Theme::colored(),
        message: None,
    })
    .unwrap();
    a.source = start.source;
    let mut dropped = start.dropped;
    dropped.extend(s.apply_view_state(&mut a));
    update(
        &mut a,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    (a, dropped)
}

#[test]
fn a_session_round_trips_through_its_file() {
    let mut a = app();
    a.source = Source::new("kz-2022", None);
    // P5 on, consent down twice, the Senate a principal, Flags sorted by body, Russian names,
    // the Senate selected, the Weights view on screen.
    keys(&mut a, &["6", "j", "j", "j", "j", "space"]);
    keys(&mut a, &["5", "j", "j", "-", "-"]);
    keys(&mut a, &["4", "s", "L"]);
    keys(&mut a, &["/", "Senate", "enter", "5"]);
    // The de facto layer, and Banzhaf power for the bodies with blocs.
    keys(&mut a, &["d", "m"]);
    assert_eq!(
        a.ctx.options.share_model,
        crate::analysis::ShareModel::Banzhaf
    );
    let saved = Session::of(&a);
    assert_eq!(saved.reforms, ["P5"]);
    assert_eq!(saved.selected.as_deref(), Some("senate"));
    assert_eq!(saved.view, "weights");
    assert_eq!(saved.lang, "ru");
    assert_eq!(saved.flags_sort, "body");
    assert!((saved.weights["consent"] - 0.8).abs() < 1e-9);

    let text = saved.to_ron();
    assert!(text.starts_with("Session("), "{text}");
    assert!(text.contains("layer: de_facto"), "{text}");
    assert!(text.contains("share_model: banzhaf"), "{text}");
    let parsed = Session::parse("session.ron", &text).unwrap();
    assert_eq!(parsed, saved);
    let (b, dropped) = restore(&parsed);
    assert_eq!(dropped, Vec::<String>::new());
    assert_eq!(Session::of(&b), saved);
    assert_eq!(
        b.ctx.options.share_model,
        crate::analysis::ShareModel::Banzhaf
    );
    assert_eq!(b.view, View::Weights);
    assert_eq!(b.ctx.selected, "senate");
    assert!((court(&b) - court(&a)).abs() < 1e-12);
    let screen = super::tests::text(&render(&b));
    assert!(screen.contains("kz-2022+P5"), "{screen}");

    // The same file as a bilik without the share model wrote it opens, in seat shares.
    let old: String = text
        .lines()
        .filter(|l| !l.contains("share_model"))
        .map(|l| format!("{l}\n"))
        .collect();
    let parsed = Session::parse("old.ron", &old).unwrap();
    assert_eq!(parsed.share_model, ShareModel::Seats);
    let (c, dropped) = restore(&parsed);
    assert_eq!(dropped, Vec::<String>::new());
    assert_eq!(
        c.ctx.options.share_model,
        crate::analysis::ShareModel::Seats
    );
    assert_eq!(c.ctx.options.layer, crate::model::Layer::DeFacto);
    assert!(court(&c) < court(&b), "{} {}", court(&c), court(&b));
}

#[test]
fn a_session_that_no_longer_fits_restores_what_it_can() {
    let s = Session {
        reforms: vec!["P5".into(), "P99".into()],
        principals: Some(vec!["president".into(), "regent".into()]),
        selected: Some("star_chamber".into()),
        view: "Scrolls".into(),
        weights: [("consent".to_string(), 0.5), ("bribe".to_string(), 2.0)].into(),
        ..Session::default()
    };
    let (a, dropped) = restore(&s);
    assert_eq!(a.ctx.scenario.active, ["P5"]);
    assert!(a.ctx.custom_principals);
    assert!((a.ctx.options.weights.consent - 0.5).abs() < 1e-9);
    assert_eq!(a.view, View::Bodies);
    assert_eq!(a.ctx.selected, "constitutional_court");
    let message = super::session::restored_message(std::path::Path::new("s.ron"), &dropped);
    for part in [
        "reform P99 (unknown)",
        "principal regent (no such body)",
        "selected body star_chamber (not in the dataset)",
        "view Scrolls",
        "weight bribe",
    ] {
        assert!(message.contains(part), "{part}: {message}");
    }
    assert!(message.starts_with("session restored from s.ron; dropped: "));
}

#[test]
fn a_session_whose_dataset_is_gone_names_it() {
    let s = Session {
        data: "/nonexistent/mine.ron".into(),
        ..Session::default()
    };
    let mut dropped = Vec::new();
    assert!(s.start(&mut dropped).is_none());
    assert_eq!(dropped.len(), 1);
    assert!(
        dropped[0].starts_with("dataset /nonexistent/mine.ron ("),
        "{dropped:?}"
    );
}

#[test]
fn a_broken_session_file_names_its_line_and_column() {
    let e = Session::parse(
        "s.ron",
        "Session(\n  data: \"kz-2022\",\n  reforms: [P5],\n)",
    )
    .unwrap_err();
    assert!(e.starts_with("session s.ron:3:"), "{e}");
    // An older file with fewer fields loads with the defaults for the rest.
    let s = Session::parse("s.ron", "(data: \"us\")").unwrap();
    assert_eq!(s.data, "us");
    assert_eq!(s.layer, Layer::DeJure);
    assert_eq!(s.share_model, ShareModel::Seats);
}

#[test]
fn undo_and_redo_walk_the_changes_back_and_forth() {
    let mut a = app();
    let baseline = court(&a);
    keys(&mut a, &["6", "j", "j", "j", "j", "space"]);
    let with_p5 = court(&a);
    keys(&mut a, &["5", "j", "j", "-"]);
    let with_consent = court(&a);
    assert!(with_p5 != baseline && with_consent != with_p5);

    keys(&mut a, &["u"]);
    assert_eq!(status(&a), "undid: consent 1.00 → 0.90");
    assert!((court(&a) - with_p5).abs() < 1e-12);
    keys(&mut a, &["u"]);
    assert_eq!(status(&a), "undid: P5 on");
    assert!(a.ctx.scenario.active.is_empty());
    assert!((court(&a) - baseline).abs() < 1e-12);
    keys(&mut a, &["u"]);
    assert_eq!(status(&a), "nothing to undo");

    keys(&mut a, &["ctrl-r"]);
    assert_eq!(status(&a), "redid: P5 on");
    assert_eq!(a.ctx.scenario.active, ["P5"]);
    let screen = text(&render(&a));
    assert!(screen.contains("redid: P5 on"), "{screen}");

    // A new change after an undo: what was undone can no longer be redone.
    keys(&mut a, &["u", "6", "space"]);
    assert!(status(&a).contains("P5 on"), "{}", status(&a));
    keys(&mut a, &["ctrl-r"]);
    assert_eq!(status(&a), "nothing to redo");
    keys(&mut a, &["u"]);
    assert_eq!(status(&a), "undid: P5 on");
}

#[test]
fn undo_covers_principals_and_the_threat_option() {
    let mut a = app();
    let n = crate::model::Weights::NAMES.len();
    let row = a
        .ctx
        .dataset
        .bodies
        .iter()
        .position(|b| b.id == "senate")
        .unwrap();
    keys(&mut a, &["5"]);
    for _ in 0..(n + row) {
        keys(&mut a, &["j"]);
    }
    keys(&mut a, &["space", "T"]);
    assert!(a.ctx.options.at_will_threat);
    keys(&mut a, &["u"]);
    assert_eq!(status(&a), "undid: at-will threat on");
    keys(&mut a, &["u"]);
    assert_eq!(status(&a), "undid: Senate a principal");
    assert!(!a.ctx.options.principals.contains(&"senate".to_string()));
    assert!(!a.ctx.custom_principals);
}

#[test]
fn the_history_is_bounded() {
    let a = app();
    let mut h = super::undo::History::default();
    let mut before = super::undo::Snapshot::of(&a.ctx);
    for i in 0..(super::undo::DEPTH + 20) {
        let mut after = before.clone();
        after.options.weights.consent = i as f64;
        h.record(&a.ctx, before, after.clone());
        before = after;
    }
    assert_eq!(h.can_undo(), super::undo::DEPTH);
    assert_eq!(h.can_redo(), 0);
}

/// A copy of a dataset file the test can edit.
fn watched() -> (tempfile::TempDir, std::path::PathBuf, String, App) {
    let text = std::fs::read_to_string("data/kz-2022.ron").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.ron");
    std::fs::write(&path, &text).unwrap();
    let mut a = app_for(path.to_str().unwrap(), 100, 30, Theme::colored());
    a.source = Source::new(path.to_str().unwrap(), None);
    (dir, path, text, a)
}

#[test]
fn an_edited_dataset_reloads_and_a_broken_one_shows_its_errors() {
    let (_dir, _path, good, mut a) = watched();
    keys(&mut a, &["/", "Senate", "enter"]);
    let before = court(&a);

    let broken = good.replacen("seats: 7", "seats: \"seven\"", 1);
    assert_ne!(broken, good);
    update(&mut a, Action::FileChanged(Ok(broken)));
    let error = a.load_error.clone().expect("an error pane");
    assert!(error.contains("mine.ron:"), "{error}");
    let screen = text(&render(&a));
    assert!(
        screen.contains("mine.ron does not load · the last good version is on screen"),
        "{screen}"
    );
    assert!(
        screen.contains("Constitutional Court     ███▏    53%"),
        "the last good figures: {screen}"
    );
    assert_eq!(court(&a), before);

    // Fixed, and with another figure: the pane goes, the figure moves, the Senate stays.
    let changed = good.replacen(
        "    as_of: \"2024-01-01\",\n",
        "    as_of: \"2024-01-01\",\n    weights: { \"consent\": 0.5 },\n",
        1,
    );
    assert_ne!(changed, good, "the dataset now sets its consent weight");
    update(&mut a, Action::FileChanged(Ok(changed)));
    assert_eq!(a.load_error, None);
    assert!(
        status(&a).ends_with("mine.ron: fixed and reloaded"),
        "{}",
        status(&a)
    );
    assert_eq!(a.ctx.selected, "senate");
    assert!((court(&a) - 0.5818).abs() < 1e-4, "{}", court(&a));
    let screen = text(&render(&a));
    assert!(!screen.contains("does not load"), "{screen}");

    // A file that can no longer be read is an error like any other.
    update(
        &mut a,
        Action::FileChanged(Err("mine.ron: the file is gone".into())),
    );
    assert_eq!(a.load_error.as_deref(), Some("mine.ron: the file is gone"));
}

#[test]
fn a_reload_keeps_the_reforms_that_still_apply() {
    let (_dir, _path, good, mut a) = watched();
    keys(&mut a, &["6", "j", "j", "j", "j", "space"]);
    assert_eq!(a.ctx.scenario.active, ["P5"]);
    update(&mut a, Action::FileChanged(Ok(good.clone())));
    assert_eq!(a.ctx.scenario.active, ["P5"]);
    assert_eq!(a.load_error, None);
}

#[test]
fn the_watch_reads_a_changed_file_once_it_has_settled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.ron");
    std::fs::write(&path, "one").unwrap();
    let mut w = super::watch::Watch::new(&path);
    assert_eq!(w.poll(), None);
    std::fs::write(&path, "two, longer").unwrap();
    assert_eq!(w.poll(), None, "settling");
    assert_eq!(w.poll(), Some(Ok("two, longer".to_string())));
    assert_eq!(w.poll(), None, "read once");
    std::fs::remove_file(&path).unwrap();
    assert_eq!(w.poll(), None);
    let gone = w.poll().unwrap().unwrap_err();
    assert!(
        gone.ends_with("the file is gone (removed or renamed)"),
        "{gone}"
    );
}

//! The de facto layer (`d`) and the share model (`m` in Weights) driven through `update`:
//! the Constitutional Court's figures, the badge, the session and undo.

use super::app::App;
use super::session::{Layer, Session};
use super::tests::{app_for, keys, render, text};
use super::theme::Theme;

fn app(width: u16, height: u16) -> App {
    app_for("kz-2022", width, height, Theme::colored())
}

fn status(a: &App) -> String {
    a.ctx
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// The President's control of the Constitutional Court as the explorer shows it.
fn court(a: &App) -> String {
    let v = a
        .ctx
        .analysis
        .body("constitutional_court")
        .unwrap()
        .control_of("president");
    format!("{:.1}%", v * 100.0)
}

#[test]
fn d_switches_the_court_figure_to_the_de_facto_layer_and_back() {
    let mut a = app(120, 40);
    assert_eq!(court(&a), "52.7%");
    let screen = text(&render(&a));
    assert!(!screen.contains("DE FACTO"), "{screen}");
    assert!(
        screen.contains("de jure 52.7% · de facto 71.9%"),
        "{screen}"
    );

    keys(&mut a, &["d"]);
    assert_eq!(court(&a), "71.9%");
    assert!(status(&a).contains("DE FACTO layer on"), "{}", status(&a));
    let screen = text(&render(&a));
    assert!(screen.contains("DE FACTO"), "{screen}");
    // Both figures stay on screen, whichever layer is on.
    assert!(
        screen.contains("de jure 52.7% · de facto 71.9%"),
        "{screen}"
    );

    keys(&mut a, &["d"]);
    assert_eq!(court(&a), "52.7%");
    assert!(!text(&render(&a)).contains("DE FACTO"));
}

#[test]
fn the_badge_marks_every_view() {
    let mut a = app(100, 30);
    keys(&mut a, &["d"]);
    for view in ["1", "2", "3", "4", "5", "6", "7"] {
        keys(&mut a, &[view]);
        let screen = text(&render(&a));
        let header = screen.lines().next().unwrap();
        assert!(header.contains("DE FACTO"), "view {view}: {header}");
    }
}

#[test]
fn m_cycles_the_share_model_in_weights() {
    let mut a = app(120, 40);
    keys(&mut a, &["d", "5"]);
    let screen = text(&render(&a));
    assert!(screen.contains("share model (m) seat shares"), "{screen}");
    keys(&mut a, &["m"]);
    assert_eq!(court(&a), "84.4%");
    assert!(status(&a).contains("Banzhaf power"), "{}", status(&a));
    let screen = text(&render(&a));
    assert!(screen.contains("Banzhaf power"), "{screen}");
    keys(&mut a, &["m"]);
    assert!(
        status(&a).contains("Shapley-Shubik power"),
        "{}",
        status(&a)
    );
    keys(&mut a, &["m"]);
    assert_eq!(court(&a), "71.9%");
    assert!(status(&a).contains("seat shares"), "{}", status(&a));
}

#[test]
fn the_bodies_detail_lists_each_bloc_with_its_power_and_source() {
    let mut a = app(160, 80);
    keys(&mut a, &["d", "/", "Mazhilis", "enter"]);
    let screen = text(&render(&a));
    assert!(screen.contains("VOTING POWER"), "{screen}");
    assert!(screen.contains("Banzhaf"), "{screen}");
    assert!(screen.contains("Shapley-Shubik"), "{screen}");
}

#[test]
fn d_on_a_dataset_without_a_de_facto_layer_says_so_and_changes_nothing() {
    let mut a = app_for("us", 100, 30, Theme::colored());
    let before = a.ctx.options.clone();
    keys(&mut a, &["d"]);
    assert!(
        status(&a).contains("has no de facto layer"),
        "{}",
        status(&a)
    );
    assert_eq!(a.ctx.options, before);
    assert!(!text(&render(&a)).contains("DE FACTO"));
    assert_eq!(a.history.can_undo(), 0);
}

#[test]
fn the_session_keeps_the_layer() {
    let mut a = app(100, 30);
    a.source = super::session::Source::new("kz-2022", None);
    keys(&mut a, &["d"]);
    let saved = Session::of(&a);
    assert_eq!(saved.layer, Layer::DeFacto);
    let text = saved.to_ron();
    assert!(text.contains("layer: de_facto"), "{text}");
    let parsed = Session::parse("session.ron", &text).unwrap();
    let mut dropped = Vec::new();
    let start = parsed.start(&mut dropped).unwrap();
    assert_eq!(start.options.layer, crate::model::Layer::DeFacto);
    let b = App::new(super::app::AppOptions {
        dataset: start.dataset,
        presets: start.presets,
        active: start.active,
        custom_principals: start.custom_principals,
        options: start.options,
        lang: crate::model::Lang::En,
        keymap: super::keymap::Keymap::default(),
        theme: Theme::colored(),
        message: None,
    })
    .unwrap();
    assert_eq!(court(&b), "71.9%");
    assert!(b.ctx.de_facto());
}

#[test]
fn undo_and_redo_cover_the_layer_and_the_share_model() {
    let mut a = app(100, 30);
    keys(&mut a, &["d"]);
    assert_eq!(court(&a), "71.9%");
    keys(&mut a, &["u"]);
    assert_eq!(court(&a), "52.7%");
    assert!(!a.ctx.de_facto());
    assert_eq!(status(&a), "undid: de facto layer on");
    keys(&mut a, &["ctrl-r"]);
    assert_eq!(court(&a), "71.9%");
    keys(&mut a, &["5", "m"]);
    assert_eq!(court(&a), "84.4%");
    keys(&mut a, &["u"]);
    assert_eq!(court(&a), "71.9%");
    assert_eq!(status(&a), "undid: share model seats → banzhaf");
}

#[test]
fn snapshot_bodies_de_facto() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app(w, h);
        keys(&mut a, &["d"]);
        let screen = text(&render(&a));
        // Every tab beside the badge, which covers none of them: at 80 columns the eight
        // labels lose their padding and then the last letters of their titles, never their
        // keys; at 160 they are whole.
        let header = screen.lines().next().unwrap();
        for tab in super::View::ALL {
            let key = (tab as usize + 1).to_string();
            let title: String = tab
                .title()
                .chars()
                .take(if w < 100 { 5 } else { 99 })
                .collect();
            assert!(
                header.contains(&format!("{key} {title}")),
                "{w}x{h}: {header}"
            );
        }
        assert!(
            header.trim_end().ends_with(" DE FACTO"),
            "{w}x{h}: {header}"
        );
        insta::assert_snapshot!(format!("bodies_de_facto_{w}x{h}"), screen);
    }
}

#[test]
fn snapshot_weights_share_model() {
    let mut a = app(120, 36);
    keys(&mut a, &["d", "5", "m"]);
    insta::assert_snapshot!("weights_share_model_120x36", text(&render(&a)));
}

#[test]
fn the_voting_power_section_speaks_russian_and_kazakh() {
    use crate::model::Lang;
    use crate::model::i18n::leftover::{data_strings, english_left_on_screen};
    let data = data_strings(include_str!("../../data/kz-2022.ron"));
    for (presses, lang) in [(1, Lang::Ru), (2, Lang::Kk)] {
        let mut a = app(160, 80);
        for _ in 0..presses {
            keys(&mut a, &["L"]);
        }
        assert_eq!(a.ctx.lang, lang);
        keys(&mut a, &["d", "/", "Мажилис", "enter"]);
        let screen = text(&render(&a));
        assert!(screen.contains("Банцаф"), "{screen}");
        let left = english_left_on_screen(&screen, &data);
        assert!(left.is_empty(), "{lang:?}: {left:?}\n{screen}");
    }
}

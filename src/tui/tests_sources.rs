//! The Sources view (`8`): the bibliography, the citations, and the text of the article the
//! selected citation names, driven through `update` and rendered as insta snapshots.

use super::View;
use super::app::App;
use super::keymap::{Command, Keymap};
use super::tests::{app_for, keys, render, text};
use super::theme::Theme;
use super::views::Pane;
use super::views::sources::Coded;

fn app(width: u16, height: u16) -> App {
    app_for("kz-2022", width, height, Theme::colored())
}

/// The row of the Court's Chair channel.
fn chair_row(a: &App) -> usize {
    let court = a.ctx.dataset.body("constitutional_court").unwrap();
    let chair = court.channels.iter().position(|c| c.id == "chair").unwrap();
    a.sources
        .citations(&a.ctx)
        .iter()
        .position(|c| c.body == "constitutional_court" && c.coded == Coded::Channel(chair))
        .unwrap()
}

#[test]
fn key_8_opens_the_sources_on_the_selected_bodys_citations() {
    let mut a = app(120, 40);
    assert_eq!(a.ctx.selected, "constitutional_court");
    keys(&mut a, &["8"]);
    assert_eq!(a.view, View::Sources);
    let citations = a.sources.citations(&a.ctx);
    assert_eq!(citations[a.sources.row].body, "constitutional_court");
    assert_eq!(citations[a.sources.row].coded, Coded::Body);
    let screen = text(&render(&a));
    assert!(screen.contains(" 8 Sources "), "{screen}");
    assert!(screen.contains("Sources of kz-2022 (16)"), "{screen}");
    assert!(screen.contains("Citations ("), "{screen}");
    // The bibliography says what cites each source.
    assert!(screen.contains("channels,"), "{screen}");
    // Every channel and every edge is listed once, with its citation.
    let ds = &a.ctx.dataset;
    let channels = citations
        .iter()
        .filter(|c| matches!(c.coded, Coded::Channel(_)))
        .count();
    let edges = citations
        .iter()
        .filter(|c| matches!(c.coded, Coded::Edge(_)))
        .count();
    assert_eq!(
        channels,
        ds.bodies.iter().map(|b| b.channels.len()).sum::<usize>()
    );
    assert_eq!(edges, ds.edges.len());
}

#[test]
fn selecting_the_chair_shows_article_71_paragraph_2() {
    let mut a = app(120, 40);
    keys(&mut a, &["8"]);
    let target = chair_row(&a);
    while a.sources.row < target {
        keys(&mut a, &["j"]);
    }
    assert_eq!(a.sources.row, target);
    assert_eq!(
        a.ctx.selected, "constitutional_court",
        "j/k select the body"
    );
    let screen = text(&render(&a));
    assert!(screen.contains("Article 71, paragraph 2"), "{screen}");
    assert!(
        screen.contains("2. Председатель Конституционного Суда назначается"),
        "{screen}"
    );
    // The source the citation names is marked in the bibliography, with its address.
    assert!(screen.contains("▸ S1"), "{screen}");
    assert!(
        screen.contains("https://adilet.zan.kz/rus/docs/K950001000_"),
        "{screen}"
    );
    // Enter puts the focus on the text, which scrolls; ← comes back to the list.
    keys(&mut a, &["enter"]);
    assert_eq!(a.sources.focus, Pane::Detail);
    keys(&mut a, &["j", "j"]);
    assert_eq!(a.sources.scroll, 2);
    assert_eq!(
        a.sources.row, target,
        "scrolling the text keeps the citation"
    );
    keys(&mut a, &["G"]);
    let bottom = a.sources.scroll;
    keys(&mut a, &["j"]);
    assert_eq!(a.sources.scroll, bottom, "no scrolling past the end");
    keys(&mut a, &["h", "j"]);
    assert_eq!(a.sources.focus, Pane::List);
    assert_eq!(a.sources.row, target + 1);
    assert_eq!(a.sources.scroll, 0, "another citation starts at its top");
}

#[test]
fn the_text_is_said_plainly_not_to_ship() {
    // kz-2017's wording of the constitution does not ship.
    let mut a = app_for("kz-2017", 120, 40, Theme::colored());
    keys(&mut a, &["8"]);
    let screen = text(&render(&a));
    assert!(
        screen.contains("The text is not shipped for kz-2017"),
        "{screen}"
    );
    // A statute's citation in kz-2022 names no article of the constitution.
    let mut a = app(160, 48);
    keys(&mut a, &["8"]);
    let citations = a.sources.citations(&a.ctx);
    let statute = citations
        .iter()
        .position(|c| crate::law::constitution_cites(&c.source).is_empty())
        .expect("a citation of a statute");
    keys(&mut a, &["g"]);
    for _ in 0..statute {
        keys(&mut a, &["j"]);
    }
    let screen = text(&render(&a));
    assert!(
        screen.contains("names no article of the constitution"),
        "{screen}"
    );
}

#[test]
fn the_selection_follows_other_views_and_the_list_moves_it() {
    let mut a = app(120, 40);
    keys(&mut a, &["1", "j", "8"]);
    assert_eq!(a.ctx.selected, "supreme_court");
    let c = &a.sources.citations(&a.ctx)[a.sources.row];
    assert_eq!(c.body, "supreme_court");
    // Moving past the body's last citation selects the next body everywhere.
    let n = a
        .sources
        .citations(&a.ctx)
        .iter()
        .filter(|c| c.body == "supreme_court")
        .count();
    for _ in 0..n {
        keys(&mut a, &["j"]);
    }
    assert_ne!(a.ctx.selected, "supreme_court");
    let now = a.ctx.selected.clone();
    keys(&mut a, &["1"]);
    assert_eq!(a.ctx.selected, now);
}

#[test]
fn the_explain_overlay_leads_to_the_sources() {
    let mut a = app(120, 40);
    keys(&mut a, &["x", "8"]);
    assert!(a.explain.is_none());
    assert_eq!(a.view, View::Sources);
    assert_eq!(
        a.sources.citations(&a.ctx)[a.sources.row].body,
        "constitutional_court"
    );
}

#[test]
fn the_help_lists_key_8() {
    let k = Keymap::default();
    let b = k.binding(Command::Show(View::Sources)).unwrap();
    assert_eq!(b.name, "view_sources");
    let mut a = app(120, 40);
    keys(&mut a, &["8", "?"]);
    let screen = text(&render(&a));
    assert!(screen.contains("Keys in the Sources view"), "{screen}");
    assert!(screen.contains("Sources: the bibliography"), "{screen}");
}

#[test]
fn hostile_citations_never_reach_the_terminal() {
    let text_in = std::fs::read_to_string("tests/fixtures/valid/escaping.ron")
        .unwrap()
        .replace(
            "Art. 4(1) | Art. 9",
            "Art. 4(1)\u{1b}[2J\u{202e}evil\u{0}\nforged",
        );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.ron");
    std::fs::write(&path, text_in).unwrap();
    let mut a = app_for(path.to_str().unwrap(), 120, 40, Theme::colored());
    keys(&mut a, &["8", "j", "j", "j", "j", "j", "j", "j"]);
    let screen = text(&render(&a));
    let hidden = |c: char| c != '\n' && crate::diag::visible::hidden(c);
    assert!(!screen.chars().any(hidden), "{screen}");
    assert!(screen.contains("Sources of escaping"), "{screen}");
}

#[test]
fn no_size_breaks_the_sources_view() {
    let mut a = app(80, 24);
    keys(&mut a, &["8", "j", "enter", "j"]);
    for (w, h) in [(60, 15), (61, 16), (70, 20), (100, 30), (200, 60), (30, 10)] {
        super::app::update(
            &mut a,
            super::app::Action::Resize {
                width: w,
                height: h,
            },
        );
        let _ = render(&a);
    }
}

fn snapshots(width: u16, height: u16) {
    for (name, setup) in [
        ("sources", vec!["8"]),
        ("sources_text", vec!["8", "j", "enter", "j"]),
    ] {
        let mut a = app(width, height);
        keys(&mut a, &setup);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text(&render(&a)));
    }
}

#[test]
fn snapshots_at_80x24() {
    snapshots(80, 24);
}

#[test]
fn snapshots_at_160x48() {
    snapshots(160, 48);
}

//! The explanation overlay (`x`): opened on the selected figure of each view that has one,
//! scrolled, closed, and rendered as insta snapshots.

use super::app::App;
use super::tests::{app_for, keys, render, text};
use super::theme::Theme;
use super::views::explain::ExplainOverlay;

fn app(width: u16, height: u16) -> App {
    app_for("kz-2022", width, height, Theme::colored())
}

fn question(a: &App) -> String {
    let o: &ExplainOverlay = a.explain.as_ref().expect("the overlay is open");
    let d = o.doc.as_ref().expect("an explanation");
    format!("{} {}", d.question, d.answer)
}

#[test]
fn x_explains_the_courts_figure_and_esc_closes_it() {
    let mut a = app(80, 24);
    keys(&mut a, &["x"]);
    assert_eq!(
        question(&a),
        "How much of the Constitutional Court does the President control? 52.7% (48.5–61.1%) = 40.9% directly + 8.2% through the Chair of the Senate + 3.6% through the Senate"
    );
    let screen = text(&render(&a));
    assert!(screen.contains("Explain"), "{screen}");
    assert!(
        screen.contains("1. THE SEATS, CHANNEL BY CHANNEL"),
        "{screen}"
    );
    keys(&mut a, &["j", "j", "G"]);
    assert!(a.explain.as_ref().unwrap().scroll > 2);
    let bottom = text(&render(&a));
    assert!(bottom.contains("THE RANGE"), "{bottom}");
    keys(&mut a, &["esc"]);
    assert!(a.explain.is_none());
    assert_eq!(
        a.view,
        super::View::Bodies,
        "Esc closes the overlay, not the explorer"
    );
}

#[test]
fn the_matrix_explains_the_cell_under_the_cursor() {
    let mut a = app(160, 48);
    keys(&mut a, &["3"]);
    let principal = a.ctx.analysis.principals[a.matrix.col - 1].clone();
    keys(&mut a, &["x"]);
    let name = a.ctx.name(&principal).to_string();
    assert!(
        question(&a).contains(&format!("does the {name} control?")),
        "{}",
        question(&a)
    );
}

#[test]
fn weights_reforms_and_compare_explain_too() {
    for view in ["5", "6", "7"] {
        let mut a = app(120, 40);
        keys(&mut a, &[view, "x"]);
        assert!(a.explain.is_some(), "view {view}");
        assert!(question(&a).starts_with("How much of the"), "view {view}");
    }
    // In Compare, a dataset of the list explains its own counterpart of the selected body.
    let mut a = app(120, 40);
    keys(&mut a, &["7"]);
    let row = 1 + crate::data::EMBEDDED
        .iter()
        .position(|e| e.id == "kz-2026")
        .unwrap();
    a.compare.row = row;
    keys(&mut a, &["x"]);
    assert!(
        question(&a).contains("Constitutional Court does the President control? 69.7%"),
        "{}",
        question(&a)
    );
}

#[test]
fn snapshots() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app(w, h);
        keys(&mut a, &["x"]);
        insta::assert_snapshot!(format!("explain_{w}x{h}"), text(&render(&a)));
    }
}

//! The Graph view at every common terminal size (issue 13, defects 1 and 2): the three parts of
//! the neighbourhood never overlap, the seat weights stay on screen, the arrows run from the
//! body that acts to the body acted upon, and the overview reads as text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::tests::{app_for, keys, render, text};
use super::theme::Theme;
use super::views::graph::geometry;

const SIZES: [(u16, u16); 6] = [
    (80, 24),
    (120, 40),
    (134, 40),
    (160, 48),
    (200, 60),
    (250, 70),
];

/// The pane inside the view's border: below the tab row and the top border, above the bottom
/// border and the two status rows.
fn pane(buf: &Buffer) -> Rect {
    assert_eq!(buf[(0, 1)].symbol(), "┌", "the view's border moved");
    Rect::new(1, 2, buf.area.width - 2, buf.area.height - 5)
}

fn row(buf: &Buffer, y: u16, from: u16, to: u16) -> String {
    (from..to.min(buf.area.width))
        .map(|x| buf[(x, y)].symbol())
        .collect()
}

#[test]
fn the_neighbourhood_keeps_its_columns_apart_at_every_size() {
    for (w, h) in SIZES {
        let mut a = app_for("kz-2022", w, h, Theme::colored());
        keys(&mut a, &["2"]);
        let buf = render(&a);
        let screen = text(&buf);
        insta::assert_snapshot!(format!("graph_neighbourhood_{w}x{h}"), screen);
        let inner = pane(&buf);
        let g = geometry(inner);
        assert!(g.left >= inner.x && g.right as usize + g.side <= (inner.x + inner.width) as usize);
        for y in inner.y..inner.y + inner.height {
            let left = row(&buf, y, g.left, g.left + g.side as u16);
            for c in ["┌", "┐", "└", "┘", "│", "─"] {
                assert!(
                    !left.contains(c),
                    "{w}x{h}: the centre box is drawn in the left column at row {y}: {left:?}\n{screen}"
                );
            }
            let right = row(&buf, y, g.right, g.right + g.side as u16);
            assert!(!right.contains('│'), "{w}x{h} row {y}: {right:?}\n{screen}");
        }
        // The box sits between the columns, with the body's name and its size in words.
        let top = (inner.y..inner.y + inner.height)
            .find(|y| buf[(g.centre, *y)].symbol() == "┌")
            .unwrap_or_else(|| panic!("{w}x{h}: no centre box at x = {}\n{screen}", g.centre));
        assert!(row(&buf, top + 1, g.centre, g.right).contains("Constitutional"));
        assert!(row(&buf, top + 2, g.centre, g.right).contains("11 seats"));
        // Every filler's seats under the weights stay on screen.
        let lines: Vec<&str> = screen.lines().collect();
        for (who, weight) in [("President", "4.50 ━▶"), ("Senate", "2 ┄▶")] {
            assert!(
                lines.iter().any(|l| l.contains(who) && l.contains(weight)),
                "{w}x{h}: {who} without {weight}\n{screen}"
            );
        }
    }
}

#[test]
fn the_arrows_run_from_the_body_that_acts() {
    let mut a = app_for("kz-2022", 160, 48, Theme::colored());
    keys(&mut a, &["2"]);
    let screen = text(&render(&a));
    // The Court reviews the Mazhilis's laws: the arrow leaves the Court's box and the words
    // read with the Court as their subject.
    assert!(screen.contains("─▶ ⚖ reviews Mazhilis"), "{screen}");
    assert!(!screen.contains("◀┤"), "{screen}");
    assert!(!screen.contains("Mazhilis reviews"), "{screen}");
    // The President's picks for the Court run into it.
    assert!(screen.contains("President"), "{screen}");
    assert!(screen.contains("━▶┼▶ │"), "{screen}");

    // From the President, the right column is what it picks, with the share it holds.
    keys(&mut a, &["h", "enter"]);
    assert_eq!(a.ctx.selected, "president");
    let screen = text(&render(&a));
    assert!(
        screen.contains("━▶ picks 40.9% of Constitutional Court"),
        "{screen}"
    );
}

#[test]
fn the_overview_lists_the_bodies_by_layer_at_every_size() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app_for("kz-2022", w, h, Theme::colored());
        keys(&mut a, &["2", "o"]);
        let screen = text(&render(&a));
        insta::assert_snapshot!(format!("graph_layers_{w}x{h}"), screen);
        assert!(
            !screen
                .chars()
                .any(|c| ('\u{2800}'..='\u{28ff}').contains(&c)),
            "braille in the overview\n{screen}"
        );
        assert!(screen.contains("Layer 5 · 4 bodies"), "{screen}");
        let court = screen
            .lines()
            .find(|l| l.contains("▶ Constitutional Court"))
            .unwrap_or_else(|| panic!("the selected Court is not marked\n{screen}"));
        assert!(court.contains("◀━ President"), "{court}");
    }
}

#[test]
fn the_overview_walks_its_own_order_and_enter_opens_the_neighbourhood() {
    let mut a = app_for("kz-2022", 80, 24, Theme::colored());
    keys(&mut a, &["2", "o", "g"]);
    let first = a.ctx.selected.clone();
    let (layer, order) = super::views::graph::layered(&a.ctx);
    assert_eq!(a.ctx.dataset.bodies[order[0]].id, first);
    assert_eq!(layer[order[0]], 0);
    keys(&mut a, &["j"]);
    assert_eq!(a.ctx.selected, a.ctx.dataset.bodies[order[1]].id);
    keys(&mut a, &["enter"]);
    assert!(!a.graph.overview);
    let screen = text(&render(&a));
    assert!(screen.contains("Neighbourhood of"), "{screen}");
}

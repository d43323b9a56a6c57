//! Where everything is on screen, as pure functions of the terminal size and the state, so that
//! rendering and mouse hit-testing agree.
//!
//! ```text
//!  ┌ 1 Bodies │ 2 Graph │ 3 Matrix │ 4 Flags │ 5 Weights ─────────── bilik ┐  tabs (1 row)
//!  │ list pane            │ detail pane                                     │  main
//!  │ (Bodies, Flags,      │                                                 │
//!  │  Weights)            │                                                 │
//!  └────────────────────────────────────────────────────────────────────────┘
//!   kz-2022 · weights · language   (or the last message)                    footer (2 rows)
//!   ↓ move  → pane  Enter open  / search  ? help  q quit
//! ```

use ratatui::layout::{Position, Rect};

use super::View;
use super::app::{App, views};
use crate::model::Branch;

/// Below this the explorer shows a "terminal too small" message instead of a broken layout.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub struct Screen {
    pub tabs: Rect,
    pub main: Rect,
    pub status: Rect,
}

/// The footer's height: the state line and the key hints.
pub const STATUS_ROWS: u16 = 2;

pub fn screen(area: Rect) -> Screen {
    let h = area.height;
    let footer = STATUS_ROWS.min(h.saturating_sub(1));
    Screen {
        tabs: Rect::new(area.x, area.y, area.width, h.min(1)),
        main: Rect::new(
            area.x,
            area.y + h.min(1),
            area.width,
            h.saturating_sub(1 + footer),
        ),
        status: Rect::new(
            area.x,
            area.y + h.saturating_sub(footer),
            area.width,
            footer,
        ),
    }
}

/// The inside of a bordered block.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// The tab labels and where they start; the tab bar draws exactly these. Each label carries
/// the key that shows the view, from the keymap (so a user's override shows too).
pub fn tabs(area: Rect, keymap: &super::keymap::Keymap) -> Vec<(View, String, Rect)> {
    let mut x = area.x;
    let mut out = Vec::new();
    for v in views() {
        let key = keymap
            .binding(super::keymap::Command::Show(*v))
            .and_then(|b| b.keys.first())
            .map(|k| format!("{k} "))
            .unwrap_or_default();
        let label = format!(" {key}{} ", v.title());
        let w = label.chars().count() as u16;
        if x + w > area.x + area.width {
            break;
        }
        out.push((*v, label, Rect::new(x, area.y, w, 1)));
        x += w + 1;
    }
    out
}

/// The list and detail panes of the Bodies view.
pub fn bodies_split(main: Rect) -> (Rect, Rect) {
    let list_w = (main.width * 2 / 5).clamp(30.min(main.width), 46.min(main.width));
    (
        Rect::new(main.x, main.y, list_w, main.height),
        Rect::new(
            main.x + list_w,
            main.y,
            main.width.saturating_sub(list_w),
            main.height,
        ),
    )
}

/// The rows of the Bodies list: branch headers and bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow {
    Header(Branch),
    Body(usize),
}

pub fn body_list_rows(app: &App) -> Vec<ListRow> {
    let mut rows = Vec::new();
    let mut current: Option<Branch> = None;
    for (display, &i) in app.order.iter().enumerate() {
        let b = app.dataset.bodies[i].branch;
        if current != Some(b) {
            rows.push(ListRow::Header(b));
            current = Some(b);
        }
        rows.push(ListRow::Body(display));
    }
    rows
}

pub fn body_list_row(app: &App, display: usize) -> usize {
    body_list_rows(app)
        .iter()
        .position(|r| *r == ListRow::Body(display))
        .unwrap_or(0)
}

fn main_of(size: Rect) -> Rect {
    screen(size).main
}

pub fn list_height(size: Rect) -> usize {
    inner(bodies_split(main_of(size)).0).height as usize
}

pub fn detail_height(size: Rect) -> usize {
    inner(bodies_split(main_of(size)).1).height as usize
}

pub fn matrix_height(size: Rect) -> usize {
    // Borders, the header row and the gap under it.
    main_of(size).height.saturating_sub(4) as usize
}

pub fn flags_split(main: Rect) -> (Rect, Rect) {
    let detail_h = (main.height / 3).clamp(5.min(main.height), 12);
    (
        Rect::new(main.x, main.y, main.width, main.height - detail_h),
        Rect::new(
            main.x,
            main.y + main.height - detail_h,
            main.width,
            detail_h,
        ),
    )
}

pub fn flags_height(size: Rect) -> usize {
    flags_split(main_of(size)).0.height.saturating_sub(3) as usize
}

pub fn weights_split(main: Rect) -> (Rect, Rect) {
    let left = (main.width / 2).max(main.width.min(44));
    (
        Rect::new(main.x, main.y, left, main.height),
        Rect::new(main.x + left, main.y, main.width - left, main.height),
    )
}

pub fn weights_height(size: Rect) -> usize {
    inner(weights_split(main_of(size)).0).height as usize
}

/// Rows of the Weights list before the weights (a header) and before the bodies (a gap and a
/// header).
pub fn weights_visual_row(row: usize) -> usize {
    let n = crate::model::Weights::NAMES.len();
    if row < n { row + 1 } else { row + 3 }
}

fn weights_row_at(visual: usize, rows: usize) -> Option<usize> {
    let n = crate::model::Weights::NAMES.len();
    let row = if (1..=n).contains(&visual) {
        visual - 1
    } else if visual >= n + 3 {
        visual - 3
    } else {
        return None;
    };
    (row < rows).then_some(row)
}

/// What a click or a wheel turn lands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Tab(View),
    ListRow(usize),
    Detail,
    MatrixRow(usize),
    FlagRow(usize),
    WeightRow(usize),
    CompareRow(usize),
    ReformRow(usize),
}

pub fn hit(app: &App, at: Position) -> Option<Hit> {
    let s = screen(app.size);
    if too_small(app.size) {
        return None;
    }
    if s.tabs.contains(at) {
        return tabs(s.tabs, &app.keymap)
            .into_iter()
            .find(|(_, _, r)| r.contains(at))
            .map(|(v, _, _)| Hit::Tab(v));
    }
    if !s.main.contains(at) {
        return None;
    }
    match app.view {
        View::Bodies => {
            let (list, detail) = bodies_split(s.main);
            let li = inner(list);
            if li.contains(at) {
                let row = app.bodies.list_offset + usize::from(at.y - li.y);
                match body_list_rows(app).get(row) {
                    Some(ListRow::Body(d)) => Some(Hit::ListRow(*d)),
                    _ => None,
                }
            } else if detail.contains(at) {
                Some(Hit::Detail)
            } else {
                None
            }
        }
        View::Matrix => {
            let top = s.main.y + 3;
            (at.y >= top && at.y < s.main.y + s.main.height - 1)
                .then(|| app.matrix.offset + usize::from(at.y - top))
                .filter(|r| *r < app.order.len())
                .map(Hit::MatrixRow)
        }
        View::Flags => {
            let (table, _) = flags_split(s.main);
            let top = table.y + 2;
            (at.y >= top && at.y < table.y + table.height - 1)
                .then(|| app.flags.offset + usize::from(at.y - top))
                .filter(|r| *r < app.analysis.flags.len())
                .map(Hit::FlagRow)
        }
        View::Weights => {
            let (list, _) = weights_split(s.main);
            let li = inner(list);
            if !li.contains(at) {
                return None;
            }
            weights_row_at(
                app.weights.offset + usize::from(at.y - li.y),
                app.weight_rows(),
            )
            .map(Hit::WeightRow)
        }
        View::Compare => {
            let w = if s.main.width >= 100 { 22 } else { 18 };
            let li = inner(Rect::new(
                s.main.x,
                s.main.y,
                w.min(s.main.width / 3),
                s.main.height,
            ));
            (li.contains(at) && usize::from(at.y - li.y) <= crate::data::EMBEDDED.len())
                .then(|| Hit::CompareRow(usize::from(at.y - li.y)))
        }
        View::Reforms => {
            let (list, _) = super::views::reforms::split(s.main);
            let li = inner(list);
            (li.contains(at))
                .then(|| app.reforms.offset + usize::from(at.y - li.y))
                .filter(|r| *r < app.scenario.set.presets.len())
                .map(Hit::ReformRow)
        }
        View::Graph => None,
    }
}

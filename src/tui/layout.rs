//! Where everything is on screen, as pure functions of the terminal size, so that rendering and
//! mouse hit-testing agree.
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

use super::keymap::{Command, Keymap};
use super::tabs::View;

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
/// Where the spaced labels (` 1 Bodies `, a cell apart) do not all fit, as at 80 columns,
/// they close up (` 1 Bodies 2 Graph`) so that every view keeps its tab.
pub fn tabs(area: Rect, keymap: &Keymap) -> Vec<(View, String, Rect)> {
    let named: Vec<(View, String)> = View::ALL
        .iter()
        .map(|v| {
            let key = keymap
                .binding(Command::Show(*v))
                .and_then(|b| b.keys.first())
                .map(|k| format!("{k} "))
                .unwrap_or_default();
            (*v, format!(" {key}{}", v.title()))
        })
        .collect();
    let spaced: usize = named.iter().map(|(_, l)| l.chars().count() + 2).sum();
    let (pad, gap) = if spaced.saturating_sub(1) <= usize::from(area.width) {
        (" ", 1)
    } else {
        ("", 0)
    };
    let mut x = area.x;
    let mut out = Vec::new();
    for (v, label) in named {
        let label = format!("{label}{pad}");
        let w = label.chars().count() as u16;
        if x + w > area.x + area.width {
            break;
        }
        out.push((v, label, Rect::new(x, area.y, w, 1)));
        x += w + gap;
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

/// Lines of the Weights list between the weights and the bodies: the threat option, the share
/// model and the band, a gap and the principals' header.
pub const WEIGHTS_GAP: usize = 5;

/// Rows of the Weights list before the weights (a header) and before the bodies (the
/// options, a gap and a header).
pub fn weights_visual_row(row: usize) -> usize {
    let n = crate::model::Weights::NAMES.len();
    if row < n {
        row + 1
    } else {
        row + 1 + WEIGHTS_GAP
    }
}

/// The Weights row at a row of the list, if it is one (not a header, an option or the gap).
pub fn weights_row_at(visual: usize, rows: usize) -> Option<usize> {
    let n = crate::model::Weights::NAMES.len();
    let row = if (1..=n).contains(&visual) {
        visual - 1
    } else if visual >= n + 1 + WEIGHTS_GAP {
        visual - 1 - WEIGHTS_GAP
    } else {
        return None;
    };
    (row < rows).then_some(row)
}

/// The Reforms view's list pane, and its right column (detail above the delta).
pub fn reforms_split(main: Rect) -> (Rect, Rect) {
    // Wide terminals give the list room for whole titles (the longest, with its checkbox and
    // number, is 67 cells); narrow ones keep the detail readable.
    let list_w = if main.width >= 140 {
        (main.width / 2).min(68)
    } else {
        (main.width * 2 / 5).clamp(24.min(main.width), 42.min(main.width))
    };
    (
        Rect::new(main.x, main.y, list_w, main.height),
        Rect::new(main.x + list_w, main.y, main.width - list_w, main.height),
    )
}

/// The Reforms view's right column: the preset's detail, and the delta below it.
pub fn reforms_right_split(right: Rect) -> (Rect, Rect) {
    let detail_h = (right.height * 2 / 5).max(5.min(right.height));
    (
        Rect::new(right.x, right.y, right.width, detail_h),
        Rect::new(
            right.x,
            right.y + detail_h,
            right.width,
            right.height - detail_h,
        ),
    )
}

/// The Compare view's dataset list, and the comparison table.
pub fn compare_split(main: Rect) -> (Rect, Rect) {
    let left_w = if main.width >= 100 { 22 } else { 18 }.min(main.width / 3);
    (
        Rect::new(main.x, main.y, left_w, main.height),
        Rect::new(main.x + left_w, main.y, main.width - left_w, main.height),
    )
}

/// What a click or a wheel turn lands on: a tab, or the main area, where the view on screen
/// works out what is under the pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Tab(View),
    Main,
}

pub fn hit(size: Rect, keymap: &Keymap, at: Position) -> Option<Hit> {
    let s = screen(size);
    if too_small(size) {
        return None;
    }
    if s.tabs.contains(at) {
        return tabs(s.tabs, keymap)
            .into_iter()
            .find(|(_, _, r)| r.contains(at))
            .map(|(v, _, _)| Hit::Tab(v));
    }
    s.main.contains(at).then_some(Hit::Main)
}

//! The views: one module per view, each with its own state, its update and its rendering,
//! plus the frame around them (tabs, status bar), the overlays (help, the export picker) and
//! the search prompt.
//!
//! ```text
//!  update(&mut self, &mut Ctx, Command) ──> the view's state, the shared Ctx
//!  render(&self, &Ctx, Rect, &mut Buffer) <── both, borrowed
//! ```
//!
//! A view changes its own state and the shared [`Ctx`], and never sees the `App` or another
//! view. Rendering (each view's `render`, the frame, the overlays) borrows the state and the
//! context; nothing there changes them.

pub mod bodies;
pub mod compare;
pub mod explain;
pub mod export;
pub mod flags;
pub mod frame;
pub mod graph;
pub mod help;
pub mod law;
pub mod layers;
pub mod matrix;
pub mod reforms;
pub mod search;
pub mod sources;
pub mod sweep;
pub mod weights;
pub mod why;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::ctx::{Changes, Ctx};
use super::keymap::Command;
use super::tabs::View;
use super::theme::Theme;
use crate::model::EdgeKind;
pub use crate::output::fmt::pct;

/// What every view in the tab bar does. `App` holds one of each and forwards to the one on
/// screen; the hooks with a default body are those most views do not need.
pub trait Tab {
    /// Carries out a command no overlay took; returns the view to show instead, if the command
    /// leads to another one.
    fn update(&mut self, ctx: &mut Ctx, c: Command) -> Option<View>;

    /// A click at `at`, inside `main`, the area the view is drawn in.
    fn click(&mut self, _ctx: &mut Ctx, _main: Rect, _at: Position) {}

    /// The wheel turns over `at`, before it scrolls: the pane under it takes the focus.
    fn wheel(&mut self, _ctx: &Ctx, _main: Rect, _at: Position) {}

    /// The shared state changed under the view (another body selected, a reform switched, a
    /// resize): cursors that follow it catch up. Every view hears of it, on screen or not.
    fn catch_up(&mut self, _ctx: &Ctx, _changes: Changes) {}

    /// Computes the derived data the view shows, when its inputs changed. Called at the end of
    /// every update while the view is on screen, never while drawing.
    fn refresh(&mut self, _ctx: &mut Ctx) {}

    fn render(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Detail,
}

/// Derived data with the inputs it was computed from; stale as soon as they differ.
#[derive(Debug, Clone)]
pub struct Memo<K, T>(Option<(K, T)>);

impl<K, T> Default for Memo<K, T> {
    fn default() -> Self {
        Memo(None)
    }
}

impl<K: PartialEq, T> Memo<K, T> {
    /// The value, if it was computed from `key`.
    pub fn get(&self, key: &K) -> Option<&T> {
        self.0.as_ref().filter(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn set(&mut self, key: K, value: T) {
        self.0 = Some((key, value));
    }

    /// The value for `key`, computed by `f` unless it already was.
    pub fn get_or_insert_with(&mut self, key: K, f: impl FnOnce() -> T) -> &T {
        if self.0.as_ref().is_some_and(|(k, _)| *k != key) {
            self.0 = None;
        }
        &self.0.get_or_insert_with(|| (key, f())).1
    }

    pub fn clear(&mut self) {
        self.0 = None;
    }
}

/// Moves a list selection by a command; returns the new index.
pub fn step(index: usize, len: usize, c: Command, page: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let last = len - 1;
    let page = page.max(1);
    match c {
        Command::Up => index.saturating_sub(1),
        Command::Down => (index + 1).min(last),
        Command::PageUp => index.saturating_sub(page),
        Command::PageDown => (index + page).min(last),
        Command::HalfPageUp => index.saturating_sub(page / 2),
        Command::HalfPageDown => (index + page / 2).min(last),
        Command::Top => 0,
        Command::Bottom => last,
        _ => index.min(last),
    }
}

/// The offset that keeps `row` inside a window of `height` rows.
pub fn scroll_to(offset: usize, row: usize, height: usize) -> usize {
    let height = height.max(1);
    if row < offset {
        row
    } else if row >= offset + height {
        row + 1 - height
    } else {
        offset
    }
}

/// The weights in force, compactly: `consent 1 · threat .5 · rec .25 · removal 0`.
pub fn weights_summary(ctx: &Ctx) -> String {
    let w = &ctx.options.weights;
    let defaults = ctx.dataset.weights;
    let changed = *w != defaults;
    let lang = ctx.lang;
    let mut s = format!(
        "{}consent {} · threat {} · recommend {} · removal {} · propose {}",
        if changed {
            crate::model::i18n::tr(lang, "weights changed: ")
        } else {
            ""
        },
        num(w.consent),
        num(w.consent_under_threat),
        num(w.recommend),
        num(w.at_will_removal),
        num(w.propose),
    );
    if ctx.options.at_will_threat {
        s.push_str(" · ");
        s.push_str(crate::model::i18n::tr(lang, "at-will threat on"));
    }
    s
}

/// A weight without needless zeros: 1, 0.5, 0.25.
pub fn num(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// Cuts `s` to `width` terminal columns (an ellipsis marks the cut) and pads it to exactly
/// that width, so that Cyrillic and Kazakh text lines up like Latin.
pub fn fit(s: &str, width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    let w = s.width();
    if w <= width {
        return format!("{s}{}", " ".repeat(width - w));
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > width - 1 {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    used += 1;
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

/// A horizontal bar of `width` cells for a share in [0, 1], with eighth-blocks.
pub fn bar(share: f64, width: usize) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = (share.clamp(0.0, 1.0) * width as f64 * 8.0).round() as usize;
    let full = eighths / 8;
    let mut s = "█".repeat(full.min(width));
    if full < width {
        s.push(PARTS[eighths % 8]);
        s.push_str(&" ".repeat(width - full - 1));
    }
    s
}

/// A bordered block whose border shows whether it has the focus.
pub fn block<'a>(theme: &Theme, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(title)
}

/// `text` wrapped to `width` as a list item: `mark` (two columns wide) before its first line,
/// the lines after it indented under the text.
pub fn item(mark: &'static str, text: &str, width: usize) -> impl Iterator<Item = String> {
    wrap(text, width.saturating_sub(2))
        .into_iter()
        .enumerate()
        .map(move |(i, l)| format!("{}{l}", if i == 0 { mark } else { "  " }))
}

/// Greedy word wrap by display width.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if candidate.width() > width && !line.is_empty() {
            out.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
        while line.width() > width {
            let cut: String = fit(&line, width).trim_end_matches(['…', ' ']).to_string();
            let cut_len = cut.len().max(1);
            let rest = line[cut_len.min(line.len())..].to_string();
            out.push(cut);
            line = rest;
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

pub fn glyph(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::DismissAtWill => "✕",
        EdgeKind::DismissForCause => "⊗",
        EdgeKind::Dissolve | EdgeKind::DissolveOnRefusal => "⊘",
        EdgeKind::Impeach => "⚖",
        EdgeKind::HoldsToAccount => "⋯",
        EdgeKind::NoConfidence => "⊥",
        EdgeKind::Audits => "§",
        EdgeKind::Investigates => "?",
        EdgeKind::Reviews => "⚖",
        EdgeKind::Vetoes => "✋",
        EdgeKind::Overrides => "↺",
        EdgeKind::Directs => "→",
        EdgeKind::Petitions => "✉",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_display_width() {
        assert_eq!(fit("Сенат", 7), "Сенат  ");
        assert_eq!(fit("Конституциялық Сот", 8), "Констит…");
        assert_eq!(fit("Конституциялық Сот", 8).width(), 8);
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn bars_are_exact_widths() {
        for share in [0.0, 0.1, 0.527, 1.0, 1.5] {
            assert_eq!(bar(share, 6).chars().count(), 6, "{share}");
        }
        assert_eq!(bar(1.0, 4), "████");
    }

    #[test]
    fn numbers_drop_needless_zeros() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(0.5), "0.5");
        assert_eq!(num(0.25), "0.25");
    }

    #[test]
    fn wrapping_respects_width_and_keeps_words() {
        let lines = wrap(
            "The President holds a majority of the Constitutional Court",
            20,
        );
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(
            lines.join(" "),
            "The President holds a majority of the Constitutional Court"
        );
        let long = wrap("Конституциялық_Соттың_төрағасы_және_судьялары", 10);
        assert!(long.iter().all(|l| l.width() <= 10), "{long:?}");
    }
}

//! Rendering: one module per view, plus the frame around them (tabs, status bar, help, the
//! search prompt). Everything here borrows the state; nothing changes it.

pub mod bodies;
pub mod compare;
pub mod export;
pub mod flags;
pub mod graph;
pub mod matrix;
pub mod reforms;
pub mod weights;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::View;
use super::app::{App, StatusKind};
use super::keymap::Command;
use super::layout;
pub use crate::output::fmt::pct;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        if layout::too_small(area) {
            too_small(area, buf);
            return;
        }
        let s = layout::screen(area);
        tabs(self, s.tabs, buf);
        match self.view {
            View::Bodies => bodies::render(self, s.main, buf),
            View::Graph => graph::render(self, s.main, buf),
            View::Matrix => matrix::render(self, s.main, buf),
            View::Flags => flags::render(self, s.main, buf),
            View::Weights => weights::render(self, s.main, buf),
            View::Reforms => reforms::render(self, s.main, buf),
            View::Compare => compare::render(self, s.main, buf),
        }
        status(self, s.status, buf);
        if self.help.is_some() {
            help(self, s.main, buf);
        }
        export::render(self, s.main, buf);
    }
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let text = vec![
        Line::from(Span::styled(
            "Terminal too small",
            Style::default().add_modifier(Modifier::BOLD),
        )),
        Line::from(format!("{}x{}", area.width, area.height)),
        Line::from(format!(
            "bilik needs {}x{}",
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        )),
        Line::from("enlarge it, or press q"),
    ];
    let top = area.height.saturating_sub(text.len() as u16) / 2;
    let inner = Rect::new(area.x, area.y + top, area.width, area.height - top);
    Paragraph::new(text)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}

fn tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    buf.set_style(area, t.tab);
    for (v, label, r) in layout::tabs(area, &app.keymap) {
        let style = if v == app.view { t.tab_active } else { t.tab };
        buf.set_stringn(r.x, r.y, &label, r.width as usize, style);
    }
    let brand = format!(" bilik · {} ", app.state_label());
    let w = brand.width() as u16;
    let used = layout::tabs(area, &app.keymap)
        .last()
        .map(|(_, _, r)| r.x + r.width)
        .unwrap_or(area.x);
    if area.x + area.width > used + w {
        buf.set_string(area.x + area.width - w, area.y, &brand, t.title);
    }
}

/// The hints the status bar shows for each view, most useful first.
fn hints(view: View) -> &'static [Command] {
    match view {
        View::Bodies => &[
            Command::Down,
            Command::Right,
            Command::Activate,
            Command::Search,
            Command::Language,
            Command::Export,
            Command::Help,
            Command::Quit,
            Command::Back,
        ],
        View::Graph => &[
            Command::Down,
            Command::Right,
            Command::Activate,
            Command::Overview,
            Command::Back,
            Command::Help,
            Command::Quit,
        ],
        View::Matrix => &[
            Command::Right,
            Command::Sort,
            Command::Activate,
            Command::Help,
            Command::Quit,
        ],
        View::Flags => &[
            Command::Down,
            Command::Sort,
            Command::Activate,
            Command::Help,
            Command::Quit,
        ],
        View::Reforms => &[
            Command::Down,
            Command::Toggle,
            Command::Reset,
            Command::Right,
            Command::Help,
            Command::Quit,
        ],
        View::Compare => &[
            Command::Down,
            Command::Toggle,
            Command::Right,
            Command::Help,
            Command::Quit,
        ],
        View::Weights => &[
            Command::Increase,
            Command::Decrease,
            Command::Toggle,
            Command::Reset,
            Command::Help,
            Command::Quit,
        ],
    }
}

fn short(c: Command) -> &'static str {
    match c {
        Command::Down => "move",
        Command::Right => "pane",
        Command::Activate => "open",
        Command::Back => "back",
        Command::Search => "search",
        Command::Language => "lang",
        Command::Help => "help",
        Command::Quit => "quit",
        Command::Overview => "overview",
        Command::Sort => "sort",
        Command::Increase => "more",
        Command::Decrease => "less",
        Command::Toggle => "on/off",
        Command::Reset => "reset",
        Command::Export => "export",
        _ => "",
    }
}

/// The weights in force, compactly: `consent 1 · threat .5 · rec .25 · removal 0`.
pub fn weights_summary(app: &App) -> String {
    let w = &app.options.weights;
    let defaults = app.dataset.weights;
    let changed = *w != defaults;
    format!(
        "{}consent {} · threat {} · recommend {} · removal {} · propose {}",
        if changed { "weights changed: " } else { "" },
        num(w.consent),
        num(w.consent_under_threat),
        num(w.recommend),
        num(w.at_will_removal),
        num(w.propose),
    )
}

/// A weight without needless zeros: 1, 0.5, 0.25.
pub fn num(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

fn status(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    buf.set_style(area, t.status);
    let state_row = Rect::new(area.x, area.y, area.width, area.height.min(1));
    let hints_row = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    if let Some(prompt) = &app.search.prompt {
        let line = Line::from(vec![
            Span::styled(" / ", t.status_key),
            Span::styled(prompt.clone(), t.status),
            Span::styled("█", t.status_key),
            Span::styled(
                app.status
                    .as_ref()
                    .map(|s| format!("   {}", s.text))
                    .unwrap_or_default(),
                t.status,
            ),
        ]);
        buf.set_line(state_row.x, state_row.y, &line, state_row.width);
    } else if let Some(s) = &app.status {
        let style = match s.kind {
            StatusKind::Error => t.status_key,
            StatusKind::Info => t.status,
        };
        buf.set_line(
            state_row.x,
            state_row.y,
            &Line::from(Span::styled(format!(" {}", s.text), style)),
            state_row.width,
        );
    } else {
        let line = Line::from(vec![
            Span::styled(format!(" {} ", app.state_label()), t.status_key),
            Span::styled(
                format!("· {} · {} ", weights_summary(app), app.lang.code()),
                t.status,
            ),
        ]);
        buf.set_line(state_row.x, state_row.y, &line, state_row.width);
    }
    if hints_row.height == 0 {
        return;
    }
    let keys: &[Command] = if app.search.prompt.is_some() {
        &[]
    } else {
        hints(app.view)
    };
    let mut spans = Vec::new();
    if app.search.prompt.is_some() {
        spans.push(Span::styled(" Enter", t.status_key));
        spans.push(Span::styled(" go", t.status));
        spans.push(Span::styled("  Esc", t.status_key));
        spans.push(Span::styled(" cancel", t.status));
    }
    for c in keys {
        let key = app
            .keymap
            .binding(*c)
            .and_then(|b| b.keys.first())
            .map(|k| k.to_string())
            .unwrap_or_default();
        spans.push(Span::styled(format!(" {key}"), t.status_key));
        spans.push(Span::styled(format!(" {} ", short(*c)), t.status));
    }
    buf.set_line(
        hints_row.x,
        hints_row.y,
        &Line::from(spans),
        hints_row.width,
    );
}

fn help(app: &App, main: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let w = main.width.saturating_sub(6).min(84);
    let h = main.height.saturating_sub(2);
    let area = Rect::new(main.x + (main.width - w) / 2, main.y + 1, w, h);
    Clear.render(area, buf);
    let key_w = 22usize;
    let mut lines = vec![
        Line::from(Span::styled(
            format!(
                "Keys in the {} view (generated from the key map)",
                app.view.title()
            ),
            t.title,
        )),
        Line::from(""),
    ];
    let text_w = (w as usize).saturating_sub(key_w + 3).max(10);
    for b in app.keymap.for_view(app.view) {
        let keys: Vec<String> = b.keys.iter().map(|k| k.to_string()).collect();
        for (i, part) in bodies::wrap(b.help, text_w).into_iter().enumerate() {
            let key = if i == 0 {
                keys.join(" ")
            } else {
                String::new()
            };
            lines.push(Line::from(vec![
                Span::styled(fit(&key, key_w), t.accent),
                Span::raw(" "),
                Span::raw(part),
            ]));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "Mouse: click to select, wheel to scroll. Letters typed on a Russian or Kazakh layout act as the QWERTY key in the same place.",
        t.dim,
    )));
    if let Some(p) = super::config::path() {
        lines.push(Line::from(Span::styled(
            format!("Override keys and colours in {}", p.display()),
            t.dim,
        )));
    }
    let scroll = app.help.unwrap_or(0).min(lines.len().saturating_sub(1)) as u16;
    Paragraph::new(lines)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(t.border_focused)
                .title(" Help · any other key closes "),
        )
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(area, buf);
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
pub fn block<'a>(app: &App, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            app.theme.border_focused
        } else {
            app.theme.border
        })
        .title(title)
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
}

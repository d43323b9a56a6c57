//! The frame around the views: the tab bar, the footer (state, messages, the search prompt,
//! key hints), and what shows instead when the terminal is too small.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{fit, weights_summary, wrap};
use crate::model::i18n;
use crate::tui::ctx::{Ctx, StatusKind};
use crate::tui::keymap::{Command, Keymap};
use crate::tui::layout;
use crate::tui::tabs::View;

pub fn too_small(area: Rect, buf: &mut Buffer) {
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

/// The tab bar, with the state on screen at its right end.
pub fn tabs(ctx: &Ctx, keymap: &Keymap, view: View, area: Rect, buf: &mut Buffer) {
    let t = &ctx.theme;
    buf.set_style(area, t.tab);
    let badge = if ctx.de_facto() { BADGE } else { "" };
    let tabs = layout::tabs_in(area, keymap, ctx.lang, badge.width() as u16);
    for (v, label, r) in &tabs {
        let style = if *v == view { t.tab_active } else { t.tab };
        buf.set_stringn(r.x, r.y, label, r.width as usize, style);
    }
    let brand = match ctx.switching() {
        Some(mark) => format!(" bilik · {} · {mark} ", ctx.state_label()),
        None => format!(" bilik · {} ", ctx.state_label()),
    };
    let used = tabs.last().map(|(_, _, r)| r.x + r.width).unwrap_or(area.x);
    let right = area.x + area.width;
    let w = (brand.width() + badge.width()) as u16;
    if right > used + w {
        buf.set_string(right - w, area.y, &brand, t.title);
    }
    // The layer the figures come from is never cut, even where the brand has no room.
    let bw = badge.width() as u16;
    if bw > 0 && right >= area.x + bw {
        buf.set_string(right - bw, area.y, badge, t.status_key);
    }
}

/// Marks every view while its figures come from the de facto layer.
pub const BADGE: &str = " DE FACTO ";

/// The columns the badge takes at the right end of the tab bar (none with the layer off).
pub fn badge_width(ctx: &Ctx) -> u16 {
    if ctx.de_facto() {
        BADGE.width() as u16
    } else {
        0
    }
}

/// The hints the status bar shows for each view, most useful first.
fn hints(view: View) -> &'static [Command] {
    match view {
        View::Bodies => &[
            Command::Down,
            Command::Right,
            Command::Activate,
            Command::Sweep,
            Command::Search,
            Command::Export,
            Command::Help,
            Command::Quit,
            Command::Back,
            Command::Language,
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
            Command::Sweep,
            Command::Help,
            Command::Quit,
        ],
        View::Sources => &[
            Command::Down,
            Command::Activate,
            Command::Right,
            Command::Back,
            Command::Help,
            Command::Quit,
        ],
        View::Weights => &[
            Command::Increase,
            Command::Decrease,
            Command::Toggle,
            Command::Threat,
            Command::Band,
            Command::ShareModel,
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
        Command::Threat => "threat",
        Command::Band => "band",
        Command::Sweep => "sweep",
        Command::Undo => "undo",
        Command::Layer => "layer",
        Command::ShareModel => "model",
        _ => "",
    }
}

/// The footer: the search prompt, the last message or the state on screen, and the key hints.
pub fn status(
    ctx: &Ctx,
    keymap: &Keymap,
    view: View,
    prompt: Option<&str>,
    area: Rect,
    buf: &mut Buffer,
) {
    let t = &ctx.theme;
    buf.set_style(area, t.status);
    let state_row = Rect::new(area.x, area.y, area.width, area.height.min(1));
    let hints_row = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    if let Some(prompt) = prompt {
        let line = Line::from(vec![
            Span::styled(" / ", t.status_key),
            Span::styled(prompt.to_string(), t.status),
            Span::styled("█", t.status_key),
            Span::styled(
                ctx.status
                    .as_ref()
                    .map(|s| format!("   {}", s.text))
                    .unwrap_or_default(),
                t.status,
            ),
        ]);
        buf.set_line(state_row.x, state_row.y, &line, state_row.width);
    } else if let Some(s) = &ctx.status {
        let style = match s.kind {
            StatusKind::Error => t.status_key,
            StatusKind::Info => t.status,
        };
        // A message too long for its row (an export error names a path and a cause) takes
        // the hints' row too, rather than losing its end.
        let width = (area.width as usize).saturating_sub(2).max(1);
        let rows = area.height as usize;
        let mut lines = wrap(&s.text, width);
        if lines.len() > rows {
            // A long path has no spaces to break at: cut by width, keeping the end (the
            // cause) when even that does not fit.
            lines = chunks(&s.text, width);
            if lines.len() > rows {
                let tail = chunks(&s.text, width.saturating_sub(1).max(1));
                lines = vec![fit(&format!("{}…", tail[0]), width)];
                lines.extend(tail[tail.len() + 1 - rows..].iter().cloned());
            }
        }
        if lines.len() > 1 && rows > 1 {
            for (i, text) in lines.iter().take(rows).enumerate() {
                buf.set_line(
                    area.x,
                    area.y + i as u16,
                    &Line::from(Span::styled(format!(" {text}"), style)),
                    area.width,
                );
            }
            return;
        }
        buf.set_line(
            state_row.x,
            state_row.y,
            &Line::from(Span::styled(format!(" {}", s.text), style)),
            state_row.width,
        );
    } else {
        let badge = if ctx.de_facto() { BADGE } else { "" };
        let mut spans = vec![
            Span::styled(format!(" {} ", ctx.state_label()), t.status_key),
            Span::styled(badge, t.status_key),
        ];
        // The state on screen is the one before a switch until the new one arrives.
        if let Some(mark) = ctx.switching() {
            spans.push(Span::styled(format!("· {mark} "), t.accent));
        }
        spans.push(Span::styled(
            format!("· {} · {} ", weights_summary(ctx), ctx.lang.code()),
            t.status,
        ));
        let line = Line::from(spans);
        buf.set_line(state_row.x, state_row.y, &line, state_row.width);
    }
    if hints_row.height == 0 {
        return;
    }
    let keys: &[Command] = if prompt.is_some() { &[] } else { hints(view) };
    let mut spans = Vec::new();
    if prompt.is_some() {
        spans.push(Span::styled(" Enter", t.status_key));
        spans.push(Span::styled(
            format!(" {}", i18n::word(ctx.lang, "hint", "go")),
            t.status,
        ));
        spans.push(Span::styled("  Esc", t.status_key));
        spans.push(Span::styled(
            format!(" {}", i18n::word(ctx.lang, "hint", "cancel")),
            t.status,
        ));
    }
    // Whole hints only: the ones that do not fit are left out, not cut in the middle.
    let mut used: usize = spans.iter().map(|s| s.content.width()).sum();
    for c in keys {
        let key = keymap
            .binding(*c)
            .and_then(|b| b.keys.first())
            .map(|k| k.to_string())
            .unwrap_or_default();
        let (k, word) = (
            format!(" {key}"),
            format!(" {} ", i18n::word(ctx.lang, "hint", short(*c))),
        );
        let w = k.width() + word.trim_end().width() + 1;
        if used + w > hints_row.width as usize {
            continue;
        }
        used += w;
        spans.push(Span::styled(k, t.status_key));
        spans.push(Span::styled(word, t.status));
    }
    buf.set_line(
        hints_row.x,
        hints_row.y,
        &Line::from(spans),
        hints_row.width,
    );
}

/// `text` cut into rows of `width` cells, without regard to words.
fn chunks(text: &str, width: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            out.push(String::new());
            used = 0;
        }
        if let Some(last) = out.last_mut() {
            last.push(c);
        }
        used += w;
    }
    out
}

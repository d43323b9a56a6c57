//! The help overlay (`?`): the key map of the view on screen, generated from the bindings so
//! that it never disagrees with them. It takes the keys that scroll it and closes on any other.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::{fit, wrap};
use crate::tui::config;
use crate::tui::keymap::{Command, Keymap};
use crate::tui::tabs::View;
use crate::tui::theme::Theme;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    pub scroll: usize,
}

impl Help {
    /// Scrolls on the keys that scroll; false when the command closes the overlay.
    pub fn update(&mut self, c: Command) -> bool {
        match c {
            Command::Down => self.scroll += 1,
            Command::Up => self.scroll = self.scroll.saturating_sub(1),
            Command::PageDown | Command::HalfPageDown => self.scroll += 10,
            Command::PageUp | Command::HalfPageUp => self.scroll = self.scroll.saturating_sub(10),
            Command::Top => self.scroll = 0,
            _ => return false,
        }
        true
    }

    pub fn render(&self, theme: &Theme, keymap: &Keymap, view: View, main: Rect, buf: &mut Buffer) {
        let t = theme;
        let w = main.width.saturating_sub(6).min(84);
        let h = main.height.saturating_sub(2);
        let area = Rect::new(main.x + (main.width - w) / 2, main.y + 1, w, h);
        Clear.render(area, buf);
        let key_w = 22usize;
        let mut lines = vec![
            Line::from(Span::styled(
                format!(
                    "Keys in the {} view (generated from the key map)",
                    view.title()
                ),
                t.title,
            )),
            Line::from(""),
        ];
        let text_w = (w as usize).saturating_sub(key_w + 3).max(10);
        for b in keymap.for_view(view) {
            let keys: Vec<String> = b.keys.iter().map(|k| k.to_string()).collect();
            for (i, part) in wrap(b.help, text_w).into_iter().enumerate() {
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
        if let Some(p) = config::path() {
            lines.push(Line::from(Span::styled(
                format!("Override keys and colours in {}", p.display()),
                t.dim,
            )));
        }
        let scroll = self.scroll.min(lines.len().saturating_sub(1)) as u16;
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
}

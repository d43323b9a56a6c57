//! The help overlay (`?`): the key map of the view on screen, generated from the bindings so
//! that it never disagrees with them. It takes the keys that scroll it and closes on any other.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::{fit, wrap};
use crate::model::Lang;
use crate::model::i18n::tr;
use crate::t;
use crate::tui::config;
use crate::tui::keymap::{Command, Keymap};
use crate::tui::tabs::View;
use crate::tui::theme::Theme;

/// The glossary in short; docs/glossary.md has the long form with a worked example for each.
const GLOSSARY: &[(&str, &str)] = &[
    (
        "seats he picks",
        "the seats whose holder the head of state proposes, whoever must agree (kz-2022 Court: 5 of 11)",
    ),
    (
        "direct share",
        "each channel's seats split among the actors that fill them, by position: propose 1, consent 1, consent under threat 0.5, recommend 0.25 (his 4 judges + half the Chair: 4.5 of 11 = 40.9%)",
    ),
    (
        "integrated control",
        "the direct shares followed up the chain until they reach the voters or the bodies they elect; an expected share, not a majority (40.9% direct + 8.2% through the Chair of the Senate + 3.6% through the Senate = 52.7%)",
    ),
    (
        "hold",
        "how much of his own picking survives the vetoes of bodies he does not hold; a veto only discounts, seats he can dismiss at will count fully (55.3%)",
    ),
    (
        "concentration",
        "the hold averaged over the nine independent roles, each role once: the cross-country headline (kz-2022: 0.689)",
    ),
    (
        "HHI",
        "the sum of squared shares: 1 when one principal has everything (Court: 0.527² + 0.273² + 0.200² = 0.392)",
    ),
    (
        "veto point",
        "an actor whose agreement a channel needs: a consent, a shortlist, or the deciding vote after another's nomination",
    ),
    (
        "consent under threat",
        "a consent the proposer can punish by dissolving the consenting body for refusing; it weighs 0.5, not 1",
    ),
    (
        "range",
        "the lowest and highest value over the contested codings, the at-will threat on and off and the consent band 0.5-2",
    ),
];

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

    pub fn render(
        &self,
        theme: &Theme,
        keymap: &Keymap,
        view: View,
        lang: Lang,
        main: Rect,
        buf: &mut Buffer,
    ) {
        let t = theme;
        let w = main.width.saturating_sub(6).min(84);
        let h = main.height.saturating_sub(2);
        let area = Rect::new(main.x + (main.width - w) / 2, main.y + 1, w, h);
        Clear.render(area, buf);
        let key_w = 22usize;
        let mut lines = vec![
            Line::from(Span::styled(
                t!(
                    lang,
                    "Keys in the {view} view (generated from the key map)",
                    view = view.title_in(lang)
                ),
                t.title,
            )),
            Line::from(""),
        ];
        let text_w = (w as usize).saturating_sub(key_w + 3).max(10);
        for b in keymap.for_view(view) {
            let keys: Vec<String> = b.keys.iter().map(|k| k.to_string()).collect();
            for (i, part) in wrap(tr(lang, b.help), text_w).into_iter().enumerate() {
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
            tr(lang, "What the numbers mean"),
            t.title,
        )));
        for (term, meaning) in GLOSSARY {
            for (i, part) in wrap(tr(lang, meaning), text_w).into_iter().enumerate() {
                let term = if i == 0 { tr(lang, term) } else { "" };
                lines.push(Line::from(vec![
                    Span::styled(fit(term, key_w), t.accent),
                    Span::raw(" "),
                    Span::raw(part),
                ]));
            }
        }
        lines.push(Line::from(Span::styled(
            tr(
                lang,
                "Each worked by hand on the kz-2022 Court in docs/glossary.md.",
            ),
            t.dim,
        )));
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            tr(
                lang,
                "Mouse: click to select, wheel to scroll. Letters typed on a Russian or Kazakh layout act as the QWERTY key in the same place.",
            ),
            t.dim,
        )));
        if let Some(p) = config::path() {
            lines.push(Line::from(Span::styled(
                t!(
                    lang,
                    "Override keys and colours in {path}",
                    path = p.display()
                ),
                t.dim,
            )));
        }
        let scroll = self.scroll.min(lines.len().saturating_sub(1)) as u16;
        Paragraph::new(lines)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(t.border_focused)
                    .title(format!(" {} ", tr(lang, "Help · any other key closes"))),
            )
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .render(area, buf);
    }
}

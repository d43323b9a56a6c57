//! The explanation overlay (`x`): how the selected figure is made, step by step, each step with
//! its article and codebook rule: the same words as `bilik explain` ([`crate::output::explain`]).
//! It scrolls on the movement keys and closes on any other (Esc included).
//!
//! ```text
//!  ┌ Explain · ↑/↓ scroll · any other key closes ───────────────────────────┐
//!  │How much of the Constitutional Court does the President control?        │
//!  │52.7% (48.5–61.1%) = 40.9% directly + 8.2% through the Chair of the …   │
//!  │1. THE SEATS, CHANNEL BY CHANNEL (11 seats)                             │
//!  │  Chair: 1 seat (Constitution art. 71(2), 44(4), 55(2))                 │
//! ```
//!
//! Every string from the data reaches the terminal only through ratatui spans, which drop
//! control characters.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::wrap;
use crate::analysis::explain::explain;
use crate::analysis::{Options, analyze};
use crate::model::i18n::tr;
use crate::model::{BodyId, Dataset, Lang, Role};
use crate::output::explain::{Doc, doc};
use crate::t;
use crate::tui::ctx::Ctx;
use crate::tui::keymap::Command;
use crate::tui::theme::Theme;

/// Which figure to explain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A body of the state on screen, for a principal (the default one when `None`).
    State {
        body: BodyId,
        principal: Option<BodyId>,
    },
    /// The head of state's control of the counterpart, by role, of the selected body in an
    /// embedded dataset (the Compare view's columns).
    Embedded { id: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExplainOverlay {
    /// The explanation, or why there is none.
    pub doc: Result<Doc, String>,
    pub scroll: usize,
    /// The language of the frame's words (the explanation's own are in `doc`).
    pub lang: Lang,
    target: Target,
    /// The key of the Sources view, named in the title: the texts the derivation cites.
    pub sources_key: String,
}

#[derive(Clone, Copy)]
enum Kind {
    Question,
    Answer,
    Dim,
    Heading,
    Text,
}

impl ExplainOverlay {
    pub fn open(ctx: &Ctx, target: Target) -> ExplainOverlay {
        ExplainOverlay {
            doc: build(ctx, &target),
            scroll: 0,
            lang: ctx.lang,
            target,
            sources_key: "8".to_string(),
        }
    }

    /// The state's ranges arrived from the worker: an explanation of the state on screen is
    /// built again with them (it said they were being computed), keeping its scroll.
    pub fn ranges_arrived(&mut self, ctx: &Ctx) {
        if matches!(self.target, Target::State { .. }) {
            self.doc = build(ctx, &self.target);
        }
    }

    /// Scrolls on the keys that scroll; false when the command closes the overlay.
    pub fn update(&mut self, c: Command) -> bool {
        match c {
            Command::Down => self.scroll += 1,
            Command::Up => self.scroll = self.scroll.saturating_sub(1),
            Command::PageDown | Command::HalfPageDown => self.scroll += 10,
            Command::PageUp | Command::HalfPageUp => self.scroll = self.scroll.saturating_sub(10),
            Command::Top => self.scroll = 0,
            Command::Bottom => self.scroll = usize::MAX / 2,
            _ => return false,
        }
        true
    }

    /// The lines at `width`, each wrapped with its indent kept.
    fn lines(&self, width: usize) -> Vec<(Kind, String)> {
        let mut out = Vec::new();
        let doc = match &self.doc {
            Ok(d) => d,
            Err(e) => {
                out.push((Kind::Heading, "No explanation for this figure".to_string()));
                for l in wrap(e, width) {
                    out.push((Kind::Text, l));
                }
                return out;
            }
        };
        let mut push = |kind: Kind, indent: usize, text: &str| {
            if text.is_empty() {
                out.push((kind, String::new()));
                return;
            }
            let pad = " ".repeat(indent * 2);
            let w = width.saturating_sub(pad.len() + 2).max(10);
            for (i, l) in wrap(text, w).into_iter().enumerate() {
                let lead = if i == 0 {
                    pad.clone()
                } else {
                    format!("{pad}  ")
                };
                out.push((kind, format!("{lead}{l}")));
            }
        };
        push(Kind::Question, 0, &doc.question);
        push(Kind::Answer, 0, &doc.answer);
        push(Kind::Dim, 0, &doc.basis);
        for s in &doc.sections {
            push(Kind::Heading, 0, "");
            push(Kind::Heading, 0, &s.title);
            for l in &s.lines {
                push(Kind::Text, l.indent, &l.text);
            }
        }
        out
    }

    pub fn render(&self, theme: &Theme, main: Rect, buf: &mut Buffer) {
        let t = theme;
        // The whole pane on a narrow screen; a reading width on a wide one.
        let w = main.width.min(124);
        let h = main.height;
        let area = Rect::new(main.x + (main.width - w) / 2, main.y, w, h);
        Clear.render(area, buf);
        let inner_w = usize::from(w.saturating_sub(2));
        let inner_h = usize::from(h.saturating_sub(2));
        let lines = self.lines(inner_w);
        let last = lines.len().saturating_sub(inner_h);
        let scroll = self.scroll.min(last);
        let style = |k: Kind| -> Style {
            match k {
                Kind::Question => t.title,
                Kind::Answer => t.accent,
                Kind::Dim => t.dim,
                Kind::Heading => t.title,
                Kind::Text => t.base,
            }
        };
        let shown: Vec<Line> = lines
            .into_iter()
            .skip(scroll)
            .map(|(k, s)| Line::from(Span::styled(s, style(k))))
            .collect();
        let more = if scroll < last {
            tr(self.lang, " · more below")
        } else {
            ""
        };
        Paragraph::new(shown)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(t.border_focused)
                    .title(t!(
                        self.lang,
                        " Explain · ↑/↓ scroll{more} · {key} the texts cited · any other key closes ",
                        more = more,
                        key = self.sources_key
                    )),
            )
            .render(area, buf);
    }
}

fn build(ctx: &Ctx, target: &Target) -> Result<Doc, String> {
    match target {
        Target::State { body, principal } => {
            let ranges = ctx.ranges();
            let e = explain(
                &ctx.dataset,
                &ctx.analysis,
                body,
                principal.as_deref(),
                ranges,
            )
            .map_err(|e| e.to_string())?;
            // While they are computed, the basis says so in place of the ranges.
            let basis = (ranges.is_some() || ctx.ranges_pending()).then(|| ctx.range_basis());
            Ok(doc(&ctx.dataset, &e, ctx.lang, basis.as_deref()))
        }
        Target::Embedded { id } => {
            let ds: Dataset = crate::data::resolve(id).map_err(|e| e.to_string())?;
            let role = ctx
                .dataset
                .body(&ctx.selected)
                .and_then(|b| b.role)
                .filter(|r| !matches!(r, Role::HeadOfState | Role::Electorate))
                .unwrap_or(Role::ConstitutionalReview);
            let body = ds
                .bodies
                .iter()
                .find(|b| b.role == Some(role))
                .map(|b| b.id.clone())
                .ok_or_else(|| format!("{id} has no body of the selected body's role"))?;
            let options = Options {
                weights: ctx.options.weights,
                principals: ds.principals(),
                at_will_threat: ctx.options.at_will_threat,
                share_model: ctx.options.share_model,
                layer: ctx.options.layer,
            };
            let a = analyze(&ds, &options).map_err(|e| e.to_string())?;
            let e = explain(&ds, &a, &body, None, None).map_err(|e| e.to_string())?;
            Ok(doc(&ds, &e, ctx.lang, None))
        }
    }
}

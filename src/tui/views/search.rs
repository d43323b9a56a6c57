//! The search prompt (`/`): bodies by name in any language or by id. Typing previews the
//! number of matches, Enter jumps to the first, `n` and `N` cycle through the rest.

use crate::model::{BodyId, Lang};
use crate::tui::ctx::{Ctx, StatusKind};
use crate::tui::keymap::{Command, Keymap};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// The text being typed, while the prompt is open.
    pub prompt: Option<String>,
    /// The last submitted query and its matches (body ids in display order).
    pub query: String,
    pub matches: Vec<BodyId>,
}

impl Search {
    pub fn open(&mut self, ctx: &mut Ctx) {
        self.prompt = Some(String::new());
        preview(ctx, "");
    }

    pub fn input(&mut self, ctx: &mut Ctx, c: char) {
        if let Some(p) = &mut self.prompt {
            p.push(c);
            preview(ctx, p);
        }
    }

    /// Pasted text, as text: one preview for the whole of it.
    pub fn paste(&mut self, ctx: &mut Ctx, text: &str) {
        if let Some(p) = &mut self.prompt {
            p.push_str(&prompt_text(text));
            preview(ctx, p);
        }
    }

    pub fn backspace(&mut self, ctx: &mut Ctx) {
        if let Some(p) = &mut self.prompt {
            p.pop();
            preview(ctx, p);
        }
    }

    pub fn cancel(&mut self, ctx: &mut Ctx) {
        self.prompt = None;
        ctx.status = None;
    }

    /// Closes the prompt and jumps to the first match; the keymap names the keys that cycle.
    pub fn submit(&mut self, ctx: &mut Ctx, keymap: &Keymap) {
        let query = self.prompt.take().unwrap_or_default();
        let matches = matches(ctx, &query);
        self.query = query.clone();
        self.matches = matches.clone();
        match matches.first() {
            Some(first) => {
                ctx.jump_to(first);
                ctx.set_status(
                    format!(
                        "/{query}: {} match{} ({} next, {} previous)",
                        matches.len(),
                        if matches.len() == 1 { "" } else { "es" },
                        keymap.keys_text(Command::NextMatch),
                        keymap.keys_text(Command::PrevMatch)
                    ),
                    StatusKind::Info,
                );
            }
            None => ctx.set_status(format!("/{query}: no body matches"), StatusKind::Error),
        }
    }

    /// Jumps to the next (or previous) match of the last search.
    pub fn cycle(&self, ctx: &mut Ctx, forward: bool) {
        if self.matches.is_empty() {
            ctx.set_status("no search: press / to search", StatusKind::Info);
            return;
        }
        let n = self.matches.len();
        let current = self.matches.iter().position(|m| *m == ctx.selected);
        let next = match (current, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => 0,
            (None, false) => n - 1,
        };
        ctx.jump_to(&self.matches[next]);
        ctx.set_status(
            format!("/{}: match {} of {n}", self.query, next + 1),
            StatusKind::Info,
        );
    }
}

/// Pasted text as a one-line prompt takes it: line breaks and tabs become spaces, and other
/// control characters (an ESC among them) and bidi controls are dropped, so that nothing
/// pasted can leave the prompt, reach the terminal or reorder what is shown.
pub fn prompt_text(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

fn preview(ctx: &mut Ctx, query: &str) {
    let n = matches(ctx, query).len();
    ctx.set_status(
        if query.is_empty() {
            "type a name in English, Russian or Kazakh, or an id".to_string()
        } else {
            format!("{n} match{}", if n == 1 { "" } else { "es" })
        },
        if n == 0 && !query.is_empty() {
            StatusKind::Error
        } else {
            StatusKind::Info
        },
    );
}

/// Bodies whose name in any language, or whose id, contains `query` (case-insensitive), in
/// display order.
pub fn matches(ctx: &Ctx, query: &str) -> Vec<BodyId> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    ctx.order
        .iter()
        .map(|&i| &ctx.dataset.bodies[i])
        .filter(|b| {
            b.id.to_lowercase().contains(&q)
                || Lang::ALL
                    .iter()
                    .any(|l| b.name(*l).to_lowercase().contains(&q))
        })
        .map(|b| b.id.clone())
        .collect()
}

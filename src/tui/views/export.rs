//! The export picker (`e`): a format and a path, with a default name from the state on screen
//! (`kz-2022+P5+P10.md`). Confirming renders the export in `update` and hands the bytes to the
//! event loop, which writes them atomically and reports back, so the screen never blocks or
//! breaks.
//!
//! ```text
//!            ┌ Export ─────────────────────────────┐
//!            │  md        report for a paper       │
//!            │▶ svg       picture                  │
//!            │ ...                                 │
//!            │ file: kz-2022+P5+P10.svg█           │
//!            └ ↑↓ format · type a path · Enter · Esc┘
//! ```

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::{block, fit};
use crate::output::export::{self, Format, RenderOptions, Snapshot, Table};
use crate::reform::Delta;
use crate::tui::ctx::{Ctx, StatusKind};
use crate::tui::theme::Theme;

/// The choices the picker offers, in order: every format, CSV once per table.
pub const CHOICES: [(Format, Option<Table>, &str); 12] = [
    (Format::Md, None, "report to paste into a paper"),
    (Format::Json, None, "bilik.summary/2 for other tools"),
    (Format::Dot, None, "Graphviz source"),
    (Format::Svg, None, "picture, no Graphviz needed"),
    (Format::Mermaid, None, "flowchart GitHub renders"),
    (Format::Csv, Some(Table::Bodies), "table of bodies"),
    (
        Format::Csv,
        Some(Table::Edges),
        "table of channel steps and edges",
    ),
    (
        Format::Csv,
        Some(Table::Control),
        "table of control by principal",
    ),
    (Format::Csv, Some(Table::Flags), "table of flags"),
    (Format::Graphml, None, "for Gephi, yEd, networkx"),
    (Format::Png, None, "picture for slides (300 dpi)"),
    (Format::Pdf, None, "picture for print, fonts embedded"),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPicker {
    pub choice: usize,
    pub path: String,
    /// Whether the user typed the path; until then it follows the format.
    pub edited: bool,
}

fn options(choice: usize) -> (Format, RenderOptions) {
    let (format, table, _) = CHOICES[choice.min(CHOICES.len() - 1)];
    (format, RenderOptions { table })
}

/// The state on screen as the exporters see it. `baseline` is the state before the reforms,
/// when some are on.
pub fn snapshot<'a>(ctx: &'a Ctx, baseline: Option<&'a crate::analysis::Analysis>) -> Snapshot<'a> {
    Snapshot {
        reforms: &ctx.scenario.active,
        presets: Some(&ctx.scenario.set),
        baseline: baseline.map(|a| (&ctx.scenario.baseline, a)),
        ..Snapshot::new(&ctx.dataset, &ctx.analysis, ctx.lang)
    }
}

/// The file name the picker proposes for a choice.
pub fn default_path(ctx: &Ctx, choice: usize) -> String {
    let (format, opts) = options(choice);
    export::default_file_name(&snapshot(ctx, None), format, &opts)
}

/// Renders the chosen export of the state on screen: the bytes to write, or what went wrong.
/// `delta` is the Reforms view's comparison with the baseline, if it has a current one.
pub fn render_bytes(ctx: &Ctx, choice: usize, delta: Option<&Delta>) -> Result<Vec<u8>, String> {
    let (format, opts) = options(choice);
    export::validate(format, &opts).map_err(|e| e.to_string())?;
    // With reforms on, exports show what changed: the baseline is analysed under the same
    // weights, and under its own principals unless the user chose them.
    let baseline = if ctx.scenario.active.is_empty() {
        None
    } else {
        match delta {
            Some(d) => Some(d.before.clone()),
            None => {
                let principals = ctx
                    .custom_principals
                    .then(|| ctx.options.principals.clone());
                let d = crate::reform::delta(
                    &ctx.scenario.baseline,
                    &ctx.dataset,
                    &ctx.options.weights,
                    ctx.options.at_will_threat,
                    principals.as_deref(),
                )
                .map_err(|e| e.to_string())?;
                Some(d.before)
            }
        }
    };
    export::render(format, &snapshot(ctx, baseline.as_ref()), &opts).map_err(|e| e.to_string())
}

impl ExportPicker {
    pub fn open(ctx: &Ctx) -> ExportPicker {
        ExportPicker {
            choice: 0,
            path: default_path(ctx, 0),
            edited: false,
        }
    }

    pub fn move_choice(&mut self, ctx: &Ctx, down: bool) {
        let n = CHOICES.len();
        self.choice = if down {
            (self.choice + 1) % n
        } else {
            (self.choice + n - 1) % n
        };
        if !self.edited {
            self.path = default_path(ctx, self.choice);
        }
    }

    pub fn input(&mut self, c: char) {
        self.path.push(c);
        self.edited = true;
    }

    /// A pasted path, as text (see [`prompt_text`](super::search::prompt_text)).
    pub fn paste(&mut self, text: &str) {
        self.path.push_str(&super::search::prompt_text(text));
        self.edited = true;
    }

    pub fn backspace(&mut self) {
        self.path.pop();
        self.edited = true;
    }

    /// Renders the export for writing: the path and the bytes, or `None` with the reason in
    /// the status bar (and the picker stays open).
    pub fn confirm(
        &self,
        ctx: &mut Ctx,
        delta: Option<&Delta>,
    ) -> Option<(std::path::PathBuf, Vec<u8>)> {
        if self.path.trim().is_empty() {
            ctx.set_status("export: type a file name", StatusKind::Error);
            return None;
        }
        match render_bytes(ctx, self.choice, delta) {
            Ok(bytes) => {
                ctx.set_status(format!("writing {} …", self.path), StatusKind::Info);
                Some((std::path::PathBuf::from(self.path.trim()), bytes))
            }
            Err(e) => {
                ctx.set_status(format!("export: {e}"), StatusKind::Error);
                None
            }
        }
    }

    pub fn render(&self, theme: &Theme, main: Rect, buf: &mut Buffer) {
        let t = theme;
        let w = main.width.saturating_sub(4).min(64);
        let h = (CHOICES.len() as u16 + 5).min(main.height);
        let area = Rect::new(
            main.x + (main.width.saturating_sub(w)) / 2,
            main.y + (main.height.saturating_sub(h)) / 2,
            w,
            h,
        );
        Clear.render(area, buf);
        let blk = block(
            t,
            Span::styled(
                " Export what is on screen · ↑↓ format · Enter write · Esc ",
                t.title,
            ),
            true,
        );
        let inner = blk.inner(area);
        blk.render(area, buf);
        let iw = inner.width as usize;
        let mut lines: Vec<Line> = CHOICES
            .iter()
            .enumerate()
            .map(|(i, (format, table, what))| {
                let name = match table {
                    Some(t) => format!("csv {t}"),
                    None => format.as_str().to_string(),
                };
                let text = fit(
                    &format!(
                        "{} {:<13} {what}",
                        if i == self.choice { "▶" } else { " " },
                        name
                    ),
                    iw,
                );
                Line::from(Span::styled(
                    text,
                    if i == self.choice { t.selected } else { t.base },
                ))
            })
            .collect();
        lines.push(Line::from(""));
        lines.push(Line::from(vec![
            Span::styled("file: ", t.title),
            Span::raw(self.path.clone()),
            Span::styled("█", t.accent),
        ]));
        lines.push(Line::from(Span::styled(
            fit("type to change the path; written atomically", iw),
            t.dim,
        )));
        Paragraph::new(lines).render(inner, buf);
    }
}

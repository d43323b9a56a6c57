//! The export picker (`e`): a format and a path, with a default name from the state on screen
//! (`kz-2022+P5+P10.md`). Confirming renders the export in `update` and hands the bytes to the
//! event loop as an [`Effect::Write`](crate::tui::app::Effect); the loop writes them atomically
//! and reports back, so the screen never blocks or breaks.
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
use crate::tui::app::App;

/// The choices the picker offers, in order: every format, CSV once per table.
pub const CHOICES: [(Format, Option<Table>, &str); 10] = [
    (Format::Md, None, "report to paste into a paper"),
    (Format::Json, None, "bilik.summary/1 for other tools"),
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
pub fn snapshot<'a>(app: &'a App, baseline: Option<&'a crate::analysis::Analysis>) -> Snapshot<'a> {
    Snapshot {
        reforms: &app.scenario.active,
        presets: Some(&app.scenario.set),
        baseline: baseline.map(|a| (&app.scenario.baseline, a)),
        ..Snapshot::new(&app.dataset, &app.analysis, app.lang)
    }
}

/// The file name the picker proposes for a choice.
pub fn default_path(app: &App, choice: usize) -> String {
    let (format, opts) = options(choice);
    export::default_file_name(&snapshot(app, None), format, &opts)
}

pub fn open(app: &App) -> ExportPicker {
    ExportPicker {
        choice: 0,
        path: default_path(app, 0),
        edited: false,
    }
}

pub fn move_choice(app: &mut App, down: bool) {
    let Some(p) = &mut app.export else { return };
    let n = CHOICES.len();
    p.choice = if down {
        (p.choice + 1) % n
    } else {
        (p.choice + n - 1) % n
    };
    if !p.edited {
        let choice = p.choice;
        let path = default_path(app, choice);
        if let Some(p) = &mut app.export {
            p.path = path;
        }
    }
}

/// Renders the chosen export of the state on screen: the bytes to write, or what went wrong.
pub fn render_bytes(app: &App, choice: usize) -> Result<Vec<u8>, String> {
    let (format, opts) = options(choice);
    export::validate(format, &opts).map_err(|e| e.to_string())?;
    // With reforms on, exports show what changed: the baseline is analysed under the same
    // weights, and under its own principals unless the user chose them.
    let baseline = if app.scenario.active.is_empty() {
        None
    } else {
        match &app.delta {
            Some(d) => Some(d.before.clone()),
            None => {
                let principals = app
                    .custom_principals
                    .then(|| app.options.principals.clone());
                let d = crate::reform::delta(
                    &app.scenario.baseline,
                    &app.dataset,
                    &app.options.weights,
                    principals.as_deref(),
                )
                .map_err(|e| e.to_string())?;
                Some(d.before)
            }
        }
    };
    export::render(format, &snapshot(app, baseline.as_ref()), &opts).map_err(|e| e.to_string())
}

pub fn render(app: &App, main: Rect, buf: &mut Buffer) {
    let Some(p) = &app.export else { return };
    let t = &app.theme;
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
        app,
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
                    if i == p.choice { "▶" } else { " " },
                    name
                ),
                iw,
            );
            Line::from(Span::styled(
                text,
                if i == p.choice { t.selected } else { t.base },
            ))
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(vec![
        Span::styled("file: ", t.title),
        Span::raw(p.path.clone()),
        Span::styled("█", t.accent),
    ]));
    lines.push(Line::from(Span::styled(
        fit("type to change the path; written atomically", iw),
        t.dim,
    )));
    Paragraph::new(lines).render(inner, buf);
}

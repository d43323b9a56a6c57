//! The export picker (`e`): a format and a path, with a default name from the state on screen
//! (`kz-2022+P5+P10.md`). In the Compare view it exports the comparison; in the Reforms view,
//! with reforms on, the diff against the baseline first, then the state. A file that exists
//! is written over only after `y`. Confirming renders the export in `update` and hands the bytes to the
//! event loop, which writes them atomically and reports back, so the screen never blocks or
//! breaks.
//!
//! ```text
//!            ┌ Export ─────────────────────────────┐
//!            │  md        report for a paper       │
//!            │▶ svg       picture                  │
//!            │ ...                                 │
//!            │ file: kz-2022+P5+P10.svg█           │
//!            └ j/k format · type or Tab: the name ┘
//! ```

use std::io;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::{block, fit};
use crate::comparative::Comparison;
use crate::model::Lang;
use crate::model::i18n::tr;
use crate::output::export::{self, Format, RenderOptions, Snapshot, Table};
use crate::output::{compare, diff, render};
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

/// The state on screen as the exporters see it. `baseline` is the state before the reforms,
/// when some are on.
pub fn snapshot<'a>(ctx: &'a Ctx, baseline: Option<&'a crate::analysis::Analysis>) -> Snapshot<'a> {
    Snapshot {
        reforms: &ctx.scenario.active,
        presets: Some(&ctx.scenario.set),
        baseline: baseline.map(|a| (&*ctx.scenario.baseline, a)),
        ..Snapshot::new(&ctx.dataset, &ctx.analysis, ctx.lang)
    }
}

/// What the picker exports: the state on screen, the Compare view's comparison, or the
/// Reforms view's diff against the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    State(Format, Option<Table>),
    Comparison(Report),
    Diff(Report),
}

/// A format of the comparison or the diff, as `bilik compare` and `bilik diff` write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    Text,
    Md,
    Json,
    Csv,
    Svg,
    Png,
    Pdf,
}

impl Report {
    fn name(self) -> &'static str {
        match self {
            Report::Text => "text",
            Report::Md => "md",
            Report::Json => "json",
            Report::Csv => "csv",
            Report::Svg => "svg",
            Report::Png => "png",
            Report::Pdf => "pdf",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Report::Text => "txt",
            r => r.name(),
        }
    }
}

const COMPARISON: [(Report, &str); 7] = [
    (Report::Text, "the comparison's tables"),
    (Report::Md, "tables to paste into a paper"),
    (Report::Json, "bilik.compare/1 for other tools"),
    (Report::Csv, "one row per dataset"),
    (Report::Svg, "figure: indicators, roles, ranges"),
    (Report::Png, "the figure for slides (300 dpi)"),
    (Report::Pdf, "the figure for print"),
];

const DIFF: [(Report, &str); 6] = [
    (Report::Text, "what the reforms change"),
    (Report::Md, "the same, to paste into a paper"),
    (Report::Json, "bilik.diff/1 for other tools"),
    (Report::Svg, "figure: before and after"),
    (Report::Png, "the figure for slides (300 dpi)"),
    (Report::Pdf, "the figure for print"),
];

/// Which part of the picker the keys go to: in the list `j`/`k` pick the format; in the name
/// every character is text. Typing any other character in the list moves to the name, so
/// that a path can be typed at once; Tab switches back and forth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Name,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPicker {
    /// What each line of the list exports, its name and its description.
    pub choices: Vec<(Doc, String, &'static str)>,
    pub choice: usize,
    pub path: String,
    /// Whether the user typed the path; until then it follows the format.
    pub edited: bool,
    pub focus: Focus,
    /// The export chosen for a path that exists, waiting for `y` (write over it) or `n`.
    pub overwrite: Option<(std::path::PathBuf, Doc)>,
}

/// What Enter in the picker leads to.
#[derive(Debug, PartialEq)]
pub enum Confirmed {
    /// Write this export there ([`write`]).
    Write(std::path::PathBuf, Doc),
    /// The file exists: the picker asks first.
    Ask,
    /// Nothing to write (the reason is in the status bar).
    Stay,
}

/// What the view the picker was opened in holds.
#[derive(Default)]
pub struct Source<'a> {
    pub comparison: Option<&'a Comparison>,
    /// The Reforms view's delta, if it has a current one.
    pub delta: Option<&'a Delta>,
}

/// Where the picker is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    Compare,
    Reforms,
    Elsewhere,
}

/// The choices for the view on screen: the comparison in Compare; in Reforms, when some
/// reform is on, the diff and then the state; elsewhere the state.
fn choices(ctx: &Ctx, at: Opened) -> Vec<(Doc, String, &'static str)> {
    if at == Opened::Compare {
        return COMPARISON
            .iter()
            .map(|(r, what)| (Doc::Comparison(*r), format!("compare {}", r.name()), *what))
            .collect();
    }
    let mut out = Vec::new();
    if at == Opened::Reforms && !ctx.scenario.active.is_empty() {
        out.extend(
            DIFF.iter()
                .map(|(r, what)| (Doc::Diff(*r), format!("diff {}", r.name()), *what)),
        );
    }
    out.extend(CHOICES.iter().map(|(f, t, what)| {
        let name = match t {
            Some(t) => format!("csv {t}"),
            None => f.as_str().to_string(),
        };
        (Doc::State(*f, *t), name, *what)
    }));
    out
}

/// The file name the picker proposes for a choice.
pub fn default_path(ctx: &Ctx, doc: Doc, comparison: Option<&Comparison>) -> String {
    match doc {
        Doc::State(format, table) => {
            export::default_file_name(&snapshot(ctx, None), format, &RenderOptions { table })
        }
        Doc::Diff(r) => format!("{}-diff.{}", snapshot(ctx, None).stem(), r.extension()),
        Doc::Comparison(r) => {
            let ids: Vec<&str> = comparison
                .map(|c| c.entries.iter().map(|e| e.id()).collect())
                .unwrap_or_default();
            let stem = if ids.is_empty() || ids.len() > 4 {
                "compare".to_string()
            } else {
                format!("compare-{}", ids.join("+"))
            };
            format!("{stem}.{}", r.extension())
        }
    }
}

/// The baseline and the state on screen side by side when reforms are on: the Reforms
/// view's, or computed (the baseline under the same options, and under its own principals
/// unless the user chose them).
fn baseline_delta(ctx: &Ctx, delta: Option<&Delta>) -> Result<Option<Delta>, String> {
    if ctx.scenario.active.is_empty() {
        return Ok(None);
    }
    if let Some(d) = delta {
        return Ok(Some(d.clone()));
    }
    let principals = ctx
        .custom_principals
        .then(|| ctx.options.principals.clone());
    // The baseline in the layer on screen, as the reformed state is (as the Reforms view's).
    let base = ctx.scenario.baseline.in_layer(ctx.options.layer);
    crate::reform::delta(&base, &ctx.dataset, &ctx.options, principals.as_deref())
        .map(Some)
        .map_err(|e| e.to_string())
}

/// A figure's SVG in the format chosen.
fn figure(svg: String, r: Report) -> Result<Vec<u8>, String> {
    match r {
        Report::Png => render::png(&svg, export::PNG_SCALE).map_err(|e| format!("{e:#}")),
        Report::Pdf => render::pdf(&svg).map_err(|e| format!("{e:#}")),
        _ => Ok(svg.into_bytes()),
    }
}

/// Whether the chosen export can be written now; what stands in the way otherwise. Cheap:
/// nothing is rendered (that happens as the file is written, [`write`]).
pub fn ready(ctx: &Ctx, doc: Doc, source: &Source) -> Result<(), String> {
    match doc {
        Doc::State(format, table) => {
            export::validate(format, &RenderOptions { table }).map_err(|e| e.to_string())
        }
        Doc::Comparison(_) if source.comparison.is_none() => Err(tr(
            ctx.lang,
            "the comparison is not measured yet; try again in a moment",
        )
        .into()),
        Doc::Diff(_) if ctx.scenario.active.is_empty() => {
            Err(tr(ctx.lang, "no reform is on: there is no diff").into())
        }
        Doc::Comparison(_) | Doc::Diff(_) => Ok(()),
    }
}

/// Writes the chosen export to `out` as it is produced: the state through the same streamed
/// writers as `bilik export` ([`export::produce`]), so that neither holds a JSON, Markdown,
/// CSV or GraphML export whole in memory; the comparison and the diff (a few rows per
/// dataset or changed body) rendered first. A rendering error is an
/// [`io::ErrorKind::Other`] error carrying the reason, before anything is written.
pub fn write(ctx: &Ctx, doc: Doc, source: &Source, out: &mut dyn io::Write) -> io::Result<()> {
    match doc {
        Doc::State(format, table) => {
            // With reforms on, exports show what changed against the baseline.
            let d = baseline_delta(ctx, source.delta).map_err(io::Error::other)?;
            let snapshot = snapshot(ctx, d.as_ref().map(|d| &*d.before));
            export::produce(format, &snapshot, &RenderOptions { table })
                .map_err(|e| io::Error::other(e.to_string()))?
                .write_to(out)
        }
        Doc::Comparison(_) | Doc::Diff(_) => {
            let bytes = render_report(ctx, doc, source).map_err(io::Error::other)?;
            out.write_all(&bytes)
        }
    }
}

/// Renders the chosen export whole: the bytes [`write`] writes, or what went wrong.
pub fn render_bytes(ctx: &Ctx, doc: Doc, source: &Source) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    write(ctx, doc, source, &mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// The comparison or the diff, rendered.
fn render_report(ctx: &Ctx, doc: Doc, source: &Source) -> Result<Vec<u8>, String> {
    match doc {
        Doc::State(..) => unreachable!("the state is written by `write`"),
        Doc::Comparison(r) => {
            let c = source.comparison.ok_or_else(|| {
                tr(
                    ctx.lang,
                    "the comparison is not measured yet; try again in a moment",
                )
            })?;
            let ranges = compare::figure::ranges(c, &ctx.band);
            let text = match r {
                Report::Text => compare::text::render(c, ctx.lang, &ranges),
                Report::Md => compare::md::render(c, ctx.lang, &ranges),
                Report::Json => compare::json::render(c, &ranges),
                Report::Csv => compare::csv::render(c, &ranges).map_err(|e| e.to_string())?,
                Report::Svg | Report::Png | Report::Pdf => {
                    let svg = compare::figure::render(c, ctx.lang, &ranges, &ctx.band);
                    return figure(svg, r);
                }
            };
            Ok(text.into_bytes())
        }
        Doc::Diff(r) => {
            let d = baseline_delta(ctx, source.delta)?
                .ok_or_else(|| tr(ctx.lang, "no reform is on: there is no diff"))?;
            let presets: Vec<&crate::reform::Preset> = ctx
                .scenario
                .active
                .iter()
                .filter_map(|id| ctx.scenario.set.get(id))
                .collect();
            let view = diff::DiffView {
                baseline: &ctx.scenario.baseline,
                reformed: &ctx.dataset,
                presets: &presets,
                delta: &d,
                lang: ctx.lang,
                ranges: None,
            };
            match r {
                Report::Md => Ok(diff::md::render(&view).into_bytes()),
                Report::Json => Ok(diff::json::render(&view).into_bytes()),
                Report::Svg | Report::Png | Report::Pdf => figure(diff::figure::render(&view), r),
                Report::Text | Report::Csv => Ok(diff::text::render(&view).into_bytes()),
            }
        }
    }
}

impl ExportPicker {
    /// The picker for the view on screen (`at`); `c` is the Compare view's comparison.
    pub fn open(ctx: &Ctx, at: Opened, c: Option<&Comparison>) -> ExportPicker {
        let choices = choices(ctx, at);
        let path = default_path(ctx, choices[0].0, c);
        ExportPicker {
            choices,
            choice: 0,
            path,
            edited: false,
            focus: Focus::List,
            overwrite: None,
        }
    }

    pub fn doc(&self) -> Doc {
        self.choices[self.choice.min(self.choices.len() - 1)].0
    }

    pub fn move_choice(&mut self, ctx: &Ctx, down: bool, c: Option<&Comparison>) {
        let n = self.choices.len();
        self.choice = if down {
            (self.choice + 1) % n
        } else {
            (self.choice + n - 1) % n
        };
        if !self.edited {
            self.path = default_path(ctx, self.doc(), c);
        }
    }

    pub fn toggle_focus(&mut self) {
        self.focus = match self.focus {
            Focus::List => Focus::Name,
            Focus::Name => Focus::List,
        };
    }

    pub fn input(&mut self, c: char) {
        self.focus = Focus::Name;
        self.path.push(c);
        self.edited = true;
    }

    /// A pasted path, as text (see [`prompt_text`](super::search::prompt_text)).
    pub fn paste(&mut self, text: &str) {
        self.focus = Focus::Name;
        self.path.push_str(&super::search::prompt_text(text));
        self.edited = true;
    }

    pub fn backspace(&mut self) {
        self.focus = Focus::Name;
        self.path.pop();
        self.edited = true;
    }

    /// Chooses the export to write (rendered as it is written, [`write`]). A path that exists
    /// is not written over until the user says so ([`Confirmed::Ask`]); if the export cannot
    /// be written ([`ready`]) the reason goes to the status bar and the picker stays open.
    pub fn confirm(&mut self, ctx: &mut Ctx, source: &Source) -> Confirmed {
        let lang = ctx.lang;
        if self.path.trim().is_empty() {
            ctx.set_status(tr(lang, "export: type a file name"), StatusKind::Error);
            return Confirmed::Stay;
        }
        match ready(ctx, self.doc(), source) {
            Ok(()) => {
                let path = std::path::PathBuf::from(self.path.trim());
                if path.exists() {
                    ctx.set_status(
                        crate::t!(
                            lang,
                            "{path} exists: write over it? y/n",
                            path = self.path.trim()
                        ),
                        StatusKind::Info,
                    );
                    self.overwrite = Some((path, self.doc()));
                    return Confirmed::Ask;
                }
                ctx.set_status(
                    crate::t!(lang, "writing {path} …", path = self.path),
                    StatusKind::Info,
                );
                Confirmed::Write(path, self.doc())
            }
            Err(e) => {
                ctx.set_status(
                    crate::t!(lang, "export: {error}", error = e),
                    StatusKind::Error,
                );
                Confirmed::Stay
            }
        }
    }

    pub fn render(&self, theme: &Theme, lang: Lang, main: Rect, buf: &mut Buffer) {
        let t = theme;
        let w = main.width.saturating_sub(4).min(64);
        let h = (self.choices.len() as u16 + 5).min(main.height);
        let area = Rect::new(
            main.x + (main.width.saturating_sub(w)) / 2,
            main.y + (main.height.saturating_sub(h)) / 2,
            w,
            h,
        );
        Clear.render(area, buf);
        let title = tr(
            lang,
            match self.choices.first().map(|c| c.0) {
                Some(Doc::Comparison(_)) => " Export the comparison · Tab list/name · Enter · Esc ",
                Some(Doc::Diff(_)) => {
                    " Export the diff or the state · Tab list/name · Enter · Esc "
                }
                _ => " Export what is on screen · Tab list/name · Enter · Esc ",
            },
        );
        let blk = block(t, Span::styled(title, t.title), true);
        let inner = blk.inner(area);
        blk.render(area, buf);
        let iw = inner.width as usize;
        // The list scrolls to keep the choice in sight; three lines are the name's.
        let room = (inner.height as usize).saturating_sub(3).max(1);
        let offset = (self.choice + 1).saturating_sub(room);
        let listed = self.focus == Focus::List;
        let mut lines: Vec<Line> = self
            .choices
            .iter()
            .enumerate()
            .skip(offset)
            .take(room)
            .map(|(i, (_, name, what))| {
                let mark = match (i == self.choice, listed) {
                    (true, true) => "▶",
                    (true, false) => "▷",
                    _ => " ",
                };
                let text = fit(&format!("{mark} {name:<14} {}", tr(lang, what)), iw);
                Line::from(Span::styled(
                    text,
                    if i == self.choice { t.selected } else { t.base },
                ))
            })
            .collect();
        lines.push(Line::from(""));
        let mut file = vec![
            Span::styled(tr(lang, if listed { "file: " } else { "file▸ " }), t.title),
            Span::raw(self.path.clone()),
        ];
        if !listed {
            file.push(Span::styled("█", t.accent));
        }
        lines.push(Line::from(file));
        let hint = match (&self.overwrite, listed) {
            (Some(_), _) => "the file exists: y writes over it, n goes back",
            (None, true) => "j/k or ↑↓ format · type or Tab to edit the name",
            (None, false) => "typing edits the name · ↑↓ format · Tab back to the list",
        };
        let style = if self.overwrite.is_some() {
            t.accent
        } else {
            t.dim
        };
        lines.push(Line::from(Span::styled(fit(tr(lang, hint), iw), style)));
        Paragraph::new(lines).render(inner, buf);
    }
}

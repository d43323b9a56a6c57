//! The Compare view: states side by side in the same numbers.
//!
//! ```text
//!  ┌ Datasets ──────────┐┌ Comparison ────────────────────────────────────────────┐
//!  │[ ] this state      ││                kz-2017 kz-2022 kz-2026    us    fr    tr│
//!  │[x] kz-2017         ││concentration     .726    .689    .911  .637  .535  .493│
//!  │[x] kz-2022         ││ ...                                                     │
//!  │ ...                ││TIMELINE kz-2017 → kz-2022 → kz-2026                     │
//!  └────────────────────┘└─────────────────────────────────────────────────────────┘
//! ```
//!
//! The left pane chooses the columns (Space), including the state on screen with its weights
//! and reforms; every column is measured under the weights in force. Values that differ from
//! the first column are marked ▲ (higher) or ▼ (lower). Under each row that shows the head
//! of state's control a dim `range` row gives each column's range over its contested codings,
//! the threat option and the band in force (`48–58`; `·` when nothing moves it). `s` opens the
//! sweep chart of the selected body's role in every column.

use std::ops::Range;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Memo, Pane, Tab, bar, block, fit, pct, scroll_to, step, weights_summary};
use crate::analysis::{Analysis, Options};
use crate::comparative::{Comparison, Entry, INDEPENDENT_ROLES};
use crate::data::EMBEDDED;
use crate::model::i18n::{tr, word};
use crate::model::{Dataset, Lang};
use crate::output::compare::role_words_in;
use crate::t;
use crate::tui::ctx::{Ctx, StatusKind};
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::ranges::{Answer, Target, Work};
use crate::tui::tabs::View;

/// What the user chose to compare, and the comparison.
#[derive(Debug, Clone)]
pub struct CompareView {
    /// Embedded dataset ids in the comparison.
    pub chosen: Vec<String>,
    /// Whether the state on screen (with its weights and reforms) is a column.
    pub current: bool,
    /// Cursor in the dataset list: 0 is the state on screen, then the embedded datasets.
    pub row: usize,
    pub offset: usize,
    /// The first column of the table shown when not every column fits the pane.
    pub first_col: usize,
    pub focus: Pane,
    /// The comparison the view shows, for the revision of the state it was measured under;
    /// cleared when the choice changes.
    comparison: Memo<u64, Arc<Comparison>>,
    /// The ticket of the columns' ranges asked of the worker with the comparison (the rows
    /// that show the head of state's control: see [`crate::tui::ranges::compare`]).
    ranges: Memo<u64, u64>,
    /// The ticket the comparison of a revision was asked of the worker with.
    asked: Memo<u64, u64>,
    /// Whether the state on screen differs from its dataset as given (reforms, options), per
    /// revision: the dataset's principals are a pass over every body, not one per frame.
    changed: Memo<u64, bool>,
}

/// Whether the state on screen is its dataset as given: no reform, the dataset's options.
/// Unless the user chose the principals they are the dataset's own (every new state takes
/// them), so its principals, a pass over every body (tens of milliseconds of the view's
/// first opening at 100,000 bodies), are read only when the user chose some.
fn as_given(ctx: &Ctx) -> bool {
    let o = &ctx.options;
    // The rest as `Options::of` gives them.
    ctx.scenario.active.is_empty()
        && o.weights == ctx.dataset.weights
        && !o.at_will_threat
        && o.share_model == crate::analysis::ShareModel::Seats
        && o.layer == crate::model::Layer::DeJure
        && (!ctx.custom_principals || o.principals == ctx.dataset.principals())
}

/// The Compare view's columns, to measure off the frame path (the eleven embedded datasets
/// loaded and analysed, and the state on screen, copied into its column: tens of
/// milliseconds, a copy of 100,000 bodies).
#[derive(Debug, Clone)]
pub struct ComparisonWork {
    current: Option<(Arc<Dataset>, Arc<Analysis>)>,
    chosen: Vec<String>,
    /// The weights, threat option, share model and layer in force.
    options: Options,
}

impl ComparisonWork {
    pub fn run(self) -> Result<Arc<Comparison>, String> {
        let mut entries = Vec::new();
        if let Some((dataset, analysis)) = self.current {
            let dataset = Arc::try_unwrap(dataset).unwrap_or_else(|d| (*d).clone());
            let analysis = Arc::try_unwrap(analysis).unwrap_or_else(|a| (*a).clone());
            entries.push(Entry::from_analysis(dataset, analysis).map_err(|e| e.to_string())?);
        }
        for e in EMBEDDED {
            if !self.chosen.iter().any(|c| c == e.id) {
                continue;
            }
            let dataset = crate::data::resolve(e.id).map_err(|err| err.to_string())?;
            let options = Options {
                weights: self.options.weights,
                principals: dataset.principals(),
                at_will_threat: self.options.at_will_threat,
                share_model: self.options.share_model,
                layer: self.options.layer,
            };
            entries.push(Entry::analyze(dataset, &options).map_err(|err| err.to_string())?);
        }
        Ok(Arc::new(Comparison::new(entries)))
    }
}

impl Default for CompareView {
    fn default() -> Self {
        CompareView {
            chosen: EMBEDDED.iter().map(|e| e.id.to_string()).collect(),
            current: false,
            row: 1,
            offset: 0,
            first_col: 0,
            focus: Pane::List,
            comparison: Memo::default(),
            ranges: Memo::default(),
            asked: Memo::default(),
            changed: Memo::default(),
        }
    }
}

impl CompareView {
    /// The column under the cursor in the dataset list: the state on screen (row 0) or an
    /// embedded dataset, whose counterpart of the selected body is explained.
    pub fn explain_target(&self, ctx: &Ctx) -> super::explain::Target {
        match EMBEDDED.get(self.row.wrapping_sub(1)) {
            Some(e) if self.row > 0 => super::explain::Target::Embedded {
                id: e.id.to_string(),
            },
            _ => super::explain::Target::State {
                body: ctx.selected.clone(),
                principal: None,
            },
        }
    }
}

fn rows() -> usize {
    1 + EMBEDDED.len()
}

impl Tab for CompareView {
    fn update(&mut self, ctx: &mut Ctx, c: Command) -> Option<View> {
        match (self.focus, c) {
            (Pane::Detail, Command::Right | Command::Left) => {
                let n = self.comparison(ctx).map_or(0, |c| c.entries.len());
                let width = detail_width(ctx);
                let (_, _, shown) = columns(n, width, self.first_col);
                if c == Command::Right && shown.end < n {
                    self.first_col = shown.start + 1;
                } else if c == Command::Left && shown.start > 0 {
                    self.first_col = shown.start - 1;
                } else if c == Command::Left {
                    self.focus = Pane::List;
                }
            }
            (_, Command::Right) => self.focus = Pane::Detail,
            (_, Command::Left) => self.focus = Pane::List,
            (Pane::List, Command::Toggle | Command::Activate) => {
                if self.row == 0 {
                    self.current = !self.current;
                } else if let Some(e) = EMBEDDED.get(self.row - 1) {
                    let id = e.id.to_string();
                    if let Some(i) = self.chosen.iter().position(|c| *c == id) {
                        self.chosen.remove(i);
                    } else {
                        self.chosen.push(id);
                        // Keep the embedded order: columns do not jump around as they are added.
                        self.chosen
                            .sort_by_key(|c| EMBEDDED.iter().position(|e| e.id == c));
                    }
                }
                self.comparison.clear();
                self.ranges.clear();
                self.asked.clear();
                self.first_col = 0;
            }
            (Pane::List, _) => {
                self.row = step(self.row, rows(), c, 5);
            }
            (Pane::Detail, _) => {
                let total = self.content(ctx, 120).len();
                let height = layout::screen(ctx.size).main.height.saturating_sub(2) as usize;
                let max = total.saturating_sub(height);
                self.offset = step(self.offset, max + 1, c, height);
                self.offset = scroll_to(self.offset, self.offset, height);
            }
        }
        None
    }

    fn click(&mut self, _ctx: &mut Ctx, main: Rect, at: ratatui::layout::Position) {
        let li = layout::inner(layout::compare_split(main).0);
        if li.contains(at) && usize::from(at.y - li.y) <= EMBEDDED.len() {
            self.focus = Pane::List;
            self.row = usize::from(at.y - li.y);
        }
    }

    /// Makes sure the comparison is there while the view is shown: asked of the worker (the
    /// embedded datasets loaded and analysed, the state on screen measured), then its
    /// columns' ranges once it is there.
    fn refresh(&mut self, ctx: &mut Ctx) {
        self.changed
            .get_or_insert_with(ctx.revision(), || !as_given(ctx));
        if self.comparison(ctx).is_some() {
            return;
        }
        let revision = ctx.revision();
        let ticket = match self.asked.get(&revision) {
            Some(t) => *t,
            None => {
                let t = ctx.want(Target::Comparison, Work::Comparison(self.work(ctx)));
                self.asked.set(revision, t);
                t
            }
        };
        let Some(Answer::Comparison(answer)) = ctx.answer(Target::Comparison, ticket) else {
            return;
        };
        match &**answer {
            Ok(c) => {
                let c = Arc::clone(c);
                let ticket = ctx.want_compare_ranges(Arc::clone(&c));
                self.ranges.set(revision, ticket);
                self.comparison.set(revision, c);
            }
            Err(e) => {
                let text = t!(ctx.lang, "cannot compare: {error}", error = e);
                ctx.set_status(text, StatusKind::Error)
            }
        }
    }

    fn render(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        let t = &ctx.theme;
        let (list_area, right) = layout::compare_split(area);

        let lang = ctx.lang;
        let blk = block(t, tr(lang, " Datasets "), self.focus == Pane::List);
        let inner = blk.inner(list_area);
        blk.render(list_area, buf);
        let mut lines = vec![];
        let changed = match self.changed.get(&ctx.revision()) {
            Some(&c) => c,
            // A frame drawn before the view's first update in this state.
            None => !as_given(ctx),
        };
        let current_label = if changed {
            format!("{}*", tr(lang, "this state"))
        } else {
            tr(lang, "this state").to_string()
        };
        let entries: Vec<(bool, String)> = std::iter::once((self.current, current_label))
            .chain(
                EMBEDDED
                    .iter()
                    .map(|e| (self.chosen.iter().any(|c| c == e.id), e.id.to_string())),
            )
            .collect();
        for (i, (on, name)) in entries.iter().enumerate() {
            let text = fit(
                &format!("[{}] {name}", if *on { "x" } else { " " }),
                inner.width as usize,
            );
            let style = if i == self.row {
                if self.focus == Pane::List {
                    t.selected
                } else {
                    t.selected_unfocused
                }
            } else {
                t.base
            };
            lines.push(Line::from(Span::styled(text, style)));
        }
        lines.push(Line::from(""));
        for hint in ["Space: in / out", "←→: the table", "▲▼: vs 1st column"] {
            lines.push(Line::from(Span::styled(tr(lang, hint), t.dim)));
        }
        Paragraph::new(lines).render(inner, buf);

        let blk = block(
            t,
            Line::from(vec![
                Span::styled(tr(lang, " Comparison "), t.title),
                Span::styled(
                    t!(
                        lang,
                        "· weights as in force ({weights}) ",
                        weights = weights_summary(ctx)
                    ),
                    t.dim,
                ),
            ]),
            self.focus == Pane::Detail,
        );
        let inner = blk.inner(right);
        blk.render(right, buf);
        Paragraph::new(self.content(ctx, inner.width as usize))
            .scroll((self.offset as u16, 0))
            .render(inner, buf);
    }
}

impl CompareView {
    /// The comparison on screen, if one was measured for the state on screen.
    pub fn comparison(&self, ctx: &Ctx) -> Option<&Comparison> {
        self.comparison.get(&ctx.revision()).map(|c| &**c)
    }

    /// What measuring the chosen datasets under the weights in force needs: the state on
    /// screen shared, not copied (it is copied into its column on the worker).
    fn work(&self, ctx: &Ctx) -> ComparisonWork {
        ComparisonWork {
            current: self
                .current
                .then(|| (Arc::clone(&ctx.dataset), Arc::clone(&ctx.analysis))),
            chosen: self.chosen.clone(),
            options: ctx.options.clone(),
        }
    }

    /// A dim row under a control row: each column's range, `48–58`, or `·` when the figure
    /// does not move. `figure` picks the figure of an entry (see [`control_ranges`]).
    fn range_row(
        &self,
        ctx: &Ctx,
        c: &Comparison,
        (label_w, col, shown): (usize, usize, &Range<usize>),
        figure: impl Fn(&Entry) -> Option<usize>,
    ) -> Line<'static> {
        let t = &ctx.theme;
        let mut spans = vec![Span::styled(
            fit(&format!("  {}", tr(ctx.lang, "range")), label_w),
            t.dim,
        )];
        let Some(ranges) = self
            .ranges
            .get(&ctx.revision())
            .and_then(|ticket| ctx.compare_ranges(*ticket))
        else {
            spans.push(Span::styled(tr(ctx.lang, "ranges being computed"), t.dim));
            return Line::from(spans);
        };
        for (i, e) in c
            .entries
            .iter()
            .enumerate()
            .skip(shown.start)
            .take(shown.len())
        {
            let r = ranges
                .get(i)
                .and_then(Option::as_ref)
                .zip(figure(e))
                .and_then(|(r, k)| r.get(k));
            let text = match r {
                Some((lo, hi)) if (hi - lo) * 100.0 >= 0.5 => {
                    format!("{:.0}–{:.0}", lo * 100.0, hi * 100.0)
                }
                Some(_) => "·".to_string(),
                None => "-".to_string(),
            };
            spans.push(Span::styled(
                format!("{:>w$} ", fit(&text, col - 1).trim_end(), w = col - 1),
                t.dim,
            ));
        }
        Line::from(spans)
    }

    fn column_label(&self, c: &Comparison, i: usize, lang: Lang) -> String {
        if self.current && i == 0 {
            tr(lang, "this").into()
        } else {
            c.entries[i].id().to_string()
        }
    }

    /// The right pane's lines for a pane `width` columns wide.
    pub fn content(&self, ctx: &Ctx, width: usize) -> Vec<Line<'static>> {
        let t = &ctx.theme;
        let lang = ctx.lang;
        let Some(c) = self.comparison(ctx) else {
            if self.asked.get(&ctx.revision()).is_some() && !ctx.computes_now() {
                return vec![Line::from(Span::styled(
                    tr(lang, "the comparison: measuring…"),
                    t.dim,
                ))];
            }
            return vec![Line::from(tr(lang, "Choose datasets on the left (Space)."))];
        };
        if c.entries.is_empty() {
            return vec![Line::from(tr(
                lang,
                "Choose at least one dataset on the left (Space).",
            ))];
        }
        let n = c.entries.len();
        let (col, label_w, shown) = columns(n, width, self.first_col);
        let mut out = Vec::new();
        if shown.len() < n {
            out.push(Line::from(Span::styled(
                format!(
                    "{} · {}{}",
                    t!(
                        lang,
                        "columns {from}–{to} of {n}",
                        from = shown.start + 1,
                        to = shown.end,
                        n = n
                    ),
                    if shown.start > 0 { "← " } else { "" },
                    tr(
                        lang,
                        if shown.end < n {
                            "→ for more"
                        } else {
                            "for more"
                        }
                    ),
                ),
                t.dim,
            )));
        }
        let header = |title: &str| -> Line<'static> {
            let mut spans = vec![Span::styled(fit(title, label_w), t.title)];
            for i in shown.clone() {
                spans.push(Span::styled(
                    format!(
                        "{:>col$}",
                        fit(&heading(&self.column_label(c, i, lang), col - 1), col - 1).trim_end()
                    ),
                    t.title,
                ));
            }
            Line::from(spans)
        };
        let marked =
            |v: f64, reference: f64, text: String, higher_is_more: bool| -> Span<'static> {
                let (mark, style) = if (v - reference).abs() < 5e-4 {
                    (" ", t.base)
                } else if v > reference {
                    ("▲", if higher_is_more { t.high } else { t.ok })
                } else {
                    ("▼", if higher_is_more { t.ok } else { t.high })
                };
                let style = if t.color {
                    style
                } else if mark == " " {
                    Style::default()
                } else {
                    Style::default().add_modifier(Modifier::BOLD)
                };
                Span::styled(format!("{:>w$}{mark}", text, w = col - 1), style)
            };

        out.push(header(tr(lang, "HEAD OF STATE")));
        let scalars: Vec<Vec<(&str, f64)>> =
            c.entries.iter().map(|e| e.indicators.scalars()).collect();
        for (k, (name, _)) in scalars[0].iter().enumerate() {
            let reference = scalars[0][k].1;
            let mut spans = vec![Span::raw(fit(label(lang, name), label_w))];
            for s in &scalars[shown.clone()] {
                let v = s[k].1;
                // The veto discount is shown as a deduction; more of it means less concentration.
                let more = *name != "veto_discount";
                spans.push(marked(v, reference, value(name, v), more));
            }
            out.push(Line::from(spans));
            if *name == "integrated_control" {
                out.push(self.range_row(ctx, c, (label_w, col, &shown), |_| Some(0)));
            }
        }

        out.push(Line::from(""));
        out.push(header(tr(lang, "HIS CONTROL BY ROLE")));
        for role in INDEPENDENT_ROLES {
            let values: Vec<Option<f64>> = c
                .entries
                .iter()
                .map(|e| e.indicators.class(role).map(|cl| cl.control))
                .collect();
            if values.iter().all(Option::is_none) {
                continue;
            }
            let reference = values.iter().flatten().next().copied().unwrap_or(0.0);
            let mut spans = vec![Span::raw(fit(&role_words_in(lang, role), label_w))];
            for v in values[shown.clone()].iter().copied() {
                spans.push(match v {
                    Some(v) => marked(v, reference, format!("{:.0}%", v * 100.0), true),
                    None => Span::styled(format!("{:>w$} ", "-", w = col - 1), t.dim),
                });
            }
            out.push(Line::from(spans));
            out.push(self.range_row(ctx, c, (label_w, col, &shown), |e: &Entry| {
                // Integrated control comes first, then the classes in order.
                e.indicators
                    .classes
                    .iter()
                    .position(|cl| cl.role == role)
                    .map(|k| k + 1)
            }));
        }

        for tl in &c.timelines {
            out.push(Line::from(""));
            out.push(Line::from(Span::styled(
                t!(
                    lang,
                    "TIMELINE {jurisdiction}: {datasets}",
                    jurisdiction = crate::output::compare::jurisdiction_in(c, tl, lang),
                    datasets = tl.datasets.join(" → ")
                ),
                t.title,
            )));
            let bar_w = 5usize;
            for row in &tl.rows {
                let mut spans = vec![Span::raw(fit(&role_words_in(lang, row.role), label_w))];
                for p in &row.points {
                    match p {
                        Some(p) => {
                            spans.push(Span::styled(bar(p.control, bar_w), t.bar));
                            spans.push(Span::raw(format!(
                                "{:>5} ",
                                pct(p.control).replace(".0%", "%")
                            )));
                        }
                        None => {
                            spans.push(Span::styled(format!("{:>w$}", "- ", w = bar_w + 6), t.dim))
                        }
                    }
                }
                out.push(Line::from(spans));
            }
            let heads: Vec<String> = tl.headline.iter().map(|h| value("x", *h)).collect();
            out.push(Line::from(Span::styled(
                t!(lang, "concentration {figures}", figures = heads.join(" → ")),
                t.dim,
            )));
        }

        out.push(Line::from(""));
        out.push(Line::from(Span::styled(
            tr(lang, "WHO CONTROLS WHAT, ROLE BY ROLE"),
            t.title,
        )));
        for row in &c.roles.rows {
            out.push(Line::from(Span::styled(
                format!(
                    "{}{}",
                    role_words_in(lang, row.role),
                    if row.independent_class {
                        tr(lang, " (independent role)")
                    } else {
                        ""
                    }
                ),
                t.accent,
            )));
            for (i, cells) in row.cells.iter().enumerate() {
                for cell in cells {
                    let entry = &c.entries[i];
                    let largest = cell
                        .largest
                        .as_ref()
                        .map(|(ids, v)| {
                            let names: Vec<&str> = ids
                                .iter()
                                .map(|id| entry.dataset.name(id, ctx.lang))
                                .collect();
                            format!("{} {}", names.join(" = "), pct(*v))
                        })
                        .unwrap_or_else(|| tr(lang, "root").into());
                    out.push(Line::from(vec![
                        Span::styled(
                            format!("  {:<8}", fit(&self.column_label(c, i, lang), 8).trim_end()),
                            t.dim,
                        ),
                        Span::raw(fit(
                            &format!(
                                "{}{}",
                                t!(
                                    lang,
                                    "{body} · largest: {largest} · head of state {share}",
                                    body = entry.dataset.name(&cell.id, lang),
                                    largest = largest,
                                    share = pct(cell.head_control)
                                ),
                                if cell.removable_at_will_by_head {
                                    tr(lang, " · at will")
                                } else {
                                    ""
                                }
                            ),
                            width.saturating_sub(11),
                        )),
                    ]));
                }
            }
        }
        out
    }
}

/// How the table fits a pane `width` columns wide, showing columns from `first` on: the column
/// width, the row labels' width and the columns shown. Every column is shown while the labels
/// keep 8 characters; past that the table scrolls sideways (→, ←) with labels of 12 or more,
/// because a row whose label is cut to nothing cannot be read whatever its numbers.
fn columns(n: usize, width: usize, first: usize) -> (usize, usize, Range<usize>) {
    // Narrow terminals trade a column's padding for longer row labels.
    let col = if width >= n * 8 + 16 { 8 } else { 7 };
    if width >= n * col + 8 {
        return (col, width.saturating_sub(n * col).clamp(8, 22), 0..n);
    }
    let visible = (width.saturating_sub(12) / col).clamp(1, n.max(1));
    let start = first.min(n.saturating_sub(visible));
    let label_w = width.saturating_sub(visible * col).clamp(8, 22);
    (col, label_w, start..(start + visible).min(n))
}

/// The width of the table pane for the terminal in `ctx`.
fn detail_width(ctx: &Ctx) -> usize {
    let main = layout::screen(ctx.size).main;
    layout::inner(layout::compare_split(main).1).width as usize
}

/// A row's label in `lang`: the English below is the key of `cmplabel.<scalar>`.
fn label(lang: Lang, name: &'static str) -> &'static str {
    if lang != Lang::En && !name.is_empty() {
        return word(lang, "cmplabel", name);
    }
    match name {
        "head_of_state_concentration" => "concentration",
        "picks" => " picks",
        "veto_discount" => " − vetoes",
        "at_will" => " + at will",
        "head_of_state_concentration_unified" => "if elected his",
        "head_of_state_concentration_aligned" => "aligned index",
        "aligned_hold" => " aligned hold",
        "powers_present" => " powers",
        "integrated_control" => "integrated ctrl",
        "independent_roles" => "indep. roles",
        "independent_bodies" => "indep. bodies",
        "majority" => "majorities",
        "largest_bloc" => "largest bloc",
        "controlled" => "controls (R32)",
        "picked_share" => "seats he picks",
        "consented_share" => " need consent",
        "independent_removable_at_will" => "removable",
        "hhi_by_role" => "HHI by role",
        "hhi_by_seat" => "HHI by seat",
        _ => "",
    }
}

fn is_count(name: &str) -> bool {
    matches!(
        name,
        "independent_roles"
            | "independent_bodies"
            | "powers_present"
            | "majority"
            | "largest_bloc"
            | "controlled"
            | "independent_removable_at_will"
    )
}

fn value(name: &str, v: f64) -> String {
    if is_count(name) {
        format!("{v:.0}")
    } else if name.ends_with("share") || name == "integrated_control" {
        format!("{:.0}%", v * 100.0)
    } else {
        let s = format!("{v:.3}");
        s.replacen("0.", ".", 1)
    }
}

/// A column heading that fits `width`: `kz-2022` becomes `kz22` in narrow columns.
fn heading(label: &str, width: usize) -> String {
    if label.chars().count() <= width {
        label.to_string()
    } else {
        label.replace("-20", "").replace('-', "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::theme::Theme;

    /// `as_given` reads the principals only when the user chose them: it says what comparing
    /// the options with `Options::of` says, whatever was changed.
    #[test]
    fn the_state_is_as_given_exactly_when_its_options_are_the_dataset_s() {
        let mut app = crate::tui::tests::app_for("kz-2022", 120, 40, Theme::colored());
        let slow =
            |ctx: &Ctx| ctx.scenario.active.is_empty() && ctx.options == Options::of(&ctx.dataset);
        let ctx = &mut app.ctx;
        assert!(as_given(ctx) && slow(ctx));
        let own = ctx.options.principals.clone();
        ctx.custom_principals = true;
        assert_eq!(as_given(ctx), slow(ctx));
        ctx.options.principals.pop();
        assert!(!as_given(ctx) && !slow(ctx));
        ctx.options.principals = own;
        ctx.options.weights.consent += 0.5;
        assert!(!as_given(ctx) && !slow(ctx));
        ctx.options.weights = ctx.dataset.weights;
        ctx.options.at_will_threat = true;
        assert!(!as_given(ctx) && !slow(ctx));
        ctx.options.at_will_threat = false;
        ctx.options.layer = crate::model::Layer::DeFacto;
        assert_eq!(as_given(ctx), slow(ctx));
    }
}

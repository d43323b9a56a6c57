//! The Reforms view: the article's proposals as presets to switch on and off, with what each
//! changes and what the active ones change together, against the baseline.
//!
//! ```text
//!  ┌ Reforms (2 on) ─────────┐┌ P5 · Directly elected Senate ─────────────────────────┐
//!  │[ ] P4 President hands…  ││ proposal 5 · description · operations                 │
//!  │[x] P5 Directly elected… │├ Against the baseline: P5 + P10 ───────────────────────┤
//!  │[ ] P6 Mazhilis 50/50    ││ the President's control of the Constitutional Court   │
//!  │                         ││ 52.7% → 0.0% (−52.7 pp) · bodies that moved · flags    │
//!  └─────────────────────────┘└───────────────────────────────────────────────────────┘
//! ```
//!
//! Space toggles the preset under the cursor (Enter too), `r` switches all off; every other
//! view shows the reformed state.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Memo, Pane, Tab, block, fit, item, pct, scroll_to, step, wrap};
use crate::analysis::diff::BodyChange;
use crate::analysis::range::PctRange;
use crate::analysis::{Analysis, Options};
use crate::model::i18n::{tr, word};
use crate::model::{BodyId, Dataset, Lang};
use crate::reform::{Delta, Scenario, Side, side_options};
use crate::t;
use crate::tui::ctx::{BaselineKey, Ctx, StatusKind};
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::ranges::{Answer, Target, Work};
use crate::tui::tabs::View;
use crate::tui::theme::Theme;

#[derive(Debug, Clone)]
pub struct ReformsView {
    pub row: usize,
    pub offset: usize,
    /// List, then the preset's detail, then the delta (`Pane::Detail` with `delta_focus`).
    pub focus: Pane,
    pub delta_focus: bool,
    pub detail_offset: usize,
    pub delta_offset: usize,
    /// The baseline and the state on screen side by side, for the revision of the state it
    /// was computed for.
    /// `None` inside when it could not be computed (the status line said why).
    delta: Memo<u64, Option<Arc<Delta>>>,
    /// The ticket the delta of a revision was asked for with.
    asked: Memo<u64, u64>,
    baseline: Memo<BaselineKey, BaselineSide>,
    /// The delta pane's first lines (the headline, with its range), for the state and its
    /// ranges, the language and the width they were laid out for.
    head_lines: Memo<LinesKey, Vec<Line<'static>>>,
    /// The rest of the delta pane (every body that moved, the flags, the principals), for the
    /// state, the language and the width: a reform can move every body of a large state, so
    /// the worker lays them out with the delta ([`DeltaWork`]), and ranges arriving do not
    /// lay them out again.
    rest_lines: Memo<RestKey, Arc<Vec<Line<'static>>>>,
}

/// What the delta pane's first lines depend on besides the delta: the state, its ranges, the
/// language, the width.
type LinesKey = (u64, u64, Lang, usize);

/// What the rest of the delta pane depends on besides the delta: the state, the language, the
/// width.
type RestKey = (u64, Lang, usize);

fn lines_key(ctx: &Ctx, width: usize) -> LinesKey {
    (ctx.revision(), ctx.ranges_revision(), ctx.lang, width)
}

/// The width of the delta pane's text at the terminal's size.
fn delta_width(ctx: &Ctx) -> usize {
    let (_, delta) =
        layout::reforms_right_split(layout::reforms_split(layout::screen(ctx.size).main).1);
    delta.width.saturating_sub(2) as usize
}

impl Default for ReformsView {
    fn default() -> Self {
        ReformsView {
            row: 0,
            offset: 0,
            focus: Pane::List,
            delta_focus: false,
            detail_offset: 0,
            delta_offset: 0,
            delta: Memo::default(),
            asked: Memo::default(),
            baseline: Memo::default(),
            head_lines: Memo::default(),
            rest_lines: Memo::default(),
        }
    }
}

impl Tab for ReformsView {
    fn update(&mut self, ctx: &mut Ctx, c: Command) -> Option<View> {
        let n = ctx.scenario.set.presets.len();
        match (self.focus, c) {
            (Pane::List, Command::Right) => {
                self.focus = Pane::Detail;
                self.delta_focus = false;
            }
            (Pane::Detail, Command::Right) => self.delta_focus = true,
            (Pane::Detail, Command::Left) if self.delta_focus => self.delta_focus = false,
            (_, Command::Left) => self.focus = Pane::List,
            (_, Command::Reset) => ctx.reset_reforms(),
            (Pane::List, Command::Toggle | Command::Activate) => {
                if let Some(p) = ctx.scenario.set.presets.get(self.row) {
                    let id = p.id.clone();
                    ctx.toggle_reform(&id);
                }
            }
            (Pane::List, _) => {
                let height = layout::inner(layout::reforms_split(layout::screen(ctx.size).main).0)
                    .height as usize;
                self.row = step(self.row, n, c, height);
                self.offset = scroll_to(self.offset, self.row, height);
                self.detail_offset = 0;
            }
            (Pane::Detail, _) => {
                let (detail, delta) = layout::reforms_right_split(
                    layout::reforms_split(layout::screen(ctx.size).main).1,
                );
                let (area, total, offset) = if self.delta_focus {
                    let width = delta.width.saturating_sub(2) as usize;
                    self.fresh_lines(ctx, width);
                    let total = self.lines_total(ctx, width);
                    (delta, total, &mut self.delta_offset)
                } else {
                    let total = self
                        .detail_lines(ctx, detail.width.saturating_sub(2) as usize)
                        .len();
                    (detail, total, &mut self.detail_offset)
                };
                let height = area.height.saturating_sub(2) as usize;
                let max = total.saturating_sub(height);
                *offset = step(*offset, max + 1, c, height);
            }
        }
        None
    }

    fn click(&mut self, ctx: &mut Ctx, main: Rect, at: ratatui::layout::Position) {
        let (list, _) = layout::reforms_split(main);
        let li = layout::inner(list);
        if let Some(r) = (li.contains(at))
            .then(|| self.offset + usize::from(at.y - li.y))
            .filter(|r| *r < ctx.scenario.set.presets.len())
        {
            self.focus = Pane::List;
            self.row = r;
        }
    }

    /// Computes the delta when its inputs changed, and asks for the baseline's ranges (the
    /// worker's; they do not change when a reform is switched).
    fn refresh(&mut self, ctx: &mut Ctx) {
        if !ctx.scenario.active.is_empty() {
            ctx.want_baseline_ranges();
        }
        // With no reform on there is nothing to compare (the pane says so).
        if self.delta.get(&ctx.revision()).is_none() && !ctx.scenario.active.is_empty() {
            self.want_delta(ctx);
        }
        self.fresh_lines(ctx, delta_width(ctx));
    }

    fn render(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        let t = &ctx.theme;
        let lang = ctx.lang;
        let (list_area, right) = layout::reforms_split(area);
        let on = ctx.scenario.active.len();
        let blk = block(
            t,
            Span::styled(t!(lang, " Reforms ({n} on) ", n = on), t.title),
            self.focus == Pane::List,
        );
        let inner = blk.inner(list_area);
        blk.render(list_area, buf);
        let w = inner.width as usize;
        let lines: Vec<Line> = ctx
            .scenario
            .set
            .presets
            .iter()
            .enumerate()
            .skip(self.offset)
            .take(inner.height as usize)
            .map(|(i, p)| {
                let active = ctx.scenario.is_active(&p.id);
                let text = fit(
                    &format!(
                        "[{}] {:<4}{}",
                        if active { "x" } else { " " },
                        p.id,
                        p.title(ctx.lang)
                    ),
                    w,
                );
                let style = if i == self.row {
                    if self.focus == Pane::List {
                        t.selected
                    } else {
                        t.selected_unfocused
                    }
                } else if active {
                    t.ok
                } else {
                    t.base
                };
                Line::from(Span::styled(text, style))
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);

        let (detail, delta) = layout::reforms_right_split(right);
        let title = ctx
            .scenario
            .set
            .presets
            .get(self.row)
            .map(|p| format!(" {} · {} ", p.id, p.title(ctx.lang)))
            .unwrap_or_else(|| word(lang, "reforms", " Reform ").into());
        let focused = self.focus == Pane::Detail;
        let blk = block(
            t,
            Span::styled(title, t.title),
            focused && !self.delta_focus,
        );
        let inner = blk.inner(detail);
        blk.render(detail, buf);
        Paragraph::new(self.detail_lines(ctx, inner.width as usize))
            .scroll((self.detail_offset as u16, 0))
            .render(inner, buf);

        let blk = block(
            t,
            Span::styled(
                t!(
                    lang,
                    " Against the baseline: {state} ",
                    state = ctx.state_label()
                ),
                t.title,
            ),
            focused && self.delta_focus,
        );
        let inner = blk.inner(delta);
        blk.render(delta, buf);
        // Only the lines in the window are handed over: the pane may list every body.
        let lines = self.window(
            ctx,
            inner.width as usize,
            self.delta_offset,
            inner.height as usize,
        );
        Paragraph::new(lines).render(inner, buf);
    }
}

/// The baseline in the layer on screen and its side of the delta, for what they depend on:
/// switching a reform does not change them, so a switch analyses only the state on screen.
pub type BaselineSide = Arc<(Arc<Dataset>, Side)>;

/// The Reforms view's delta, to compute off the frame path (the baseline's side alone is an
/// analysis and a headline: seconds at 100,000 bodies).
#[derive(Debug, Clone)]
pub struct DeltaWork {
    key: BaselineKey,
    /// The baseline's side computed for `key` before, if the view has it.
    baseline: Option<BaselineSide>,
    scenario: Arc<Scenario>,
    dataset: Arc<Dataset>,
    analysis: Arc<Analysis>,
    options: Options,
    principals: Option<Vec<BodyId>>,
    /// How the delta pane lays its lines out, for [`rest_lines`].
    theme: Theme,
    lang: Lang,
    width: usize,
}

/// A delta computed, with the baseline's side it used (for the next switch), or why there is
/// none; with the rest of the delta pane laid out for the language and width asked.
#[derive(Debug)]
pub struct DeltaDone {
    key: BaselineKey,
    baseline: Option<BaselineSide>,
    delta: Result<Arc<Delta>, String>,
    rest: Option<(Lang, usize, Arc<Vec<Line<'static>>>)>,
}

impl DeltaWork {
    fn of(ctx: &Ctx, baseline: Option<BaselineSide>) -> DeltaWork {
        DeltaWork {
            key: ctx.baseline_key(),
            baseline,
            scenario: Arc::clone(&ctx.scenario),
            dataset: Arc::clone(&ctx.dataset),
            analysis: Arc::clone(&ctx.analysis),
            options: ctx.options.clone(),
            principals: ctx
                .custom_principals
                .then(|| ctx.options.principals.clone()),
            theme: ctx.theme.clone(),
            lang: ctx.lang,
            width: delta_width(ctx),
        }
    }

    pub fn run(self) -> DeltaDone {
        let principals = self.principals.as_deref();
        let baseline = match self.baseline {
            Some(b) => b,
            None => {
                // The baseline in the layer on screen, as the reformed state is.
                let base = self.scenario.baseline_in(self.options.layer);
                match crate::reform::side(&base, &self.options, principals) {
                    Ok(side) => Arc::new((base, side)),
                    Err(e) => {
                        return DeltaDone {
                            key: self.key,
                            baseline: None,
                            delta: Err(e.to_string()),
                            rest: None,
                        };
                    }
                }
            }
        };
        // The state on screen was analysed when it was put there, under the same options
        // unless the user's principals include one the reform removed.
        let options = side_options(&self.dataset, &self.options, principals);
        let after = if options == self.options {
            Ok(crate::reform::side_of(
                &self.dataset,
                &options,
                Arc::clone(&self.analysis),
            ))
        } else {
            crate::reform::side(&self.dataset, &self.options, principals)
        };
        let delta = after
            .map(|after| {
                let (base, before) = &*baseline;
                Arc::new(crate::reform::delta_of(
                    base,
                    before.clone(),
                    &self.dataset,
                    after,
                ))
            })
            .map_err(|e| e.to_string());
        let rest = delta.as_ref().ok().map(|d| {
            let lines = rest_lines(
                d,
                &self.dataset,
                &self.scenario.baseline,
                &self.theme,
                self.lang,
                self.width,
            );
            (self.lang, self.width, Arc::new(lines))
        });
        DeltaDone {
            key: self.key,
            baseline: Some(baseline),
            delta,
            rest,
        }
    }
}

impl ReformsView {
    /// Asks for the delta of the state on screen (once per state), and takes it when it is
    /// there.
    fn want_delta(&mut self, ctx: &mut Ctx) {
        let revision = ctx.revision();
        let ticket = match self.asked.get(&revision) {
            Some(t) => *t,
            None => {
                let baseline = self.baseline.get(&ctx.baseline_key()).cloned();
                let work = DeltaWork::of(ctx, baseline);
                let t = ctx.want(Target::Delta, Work::Delta(Box::new(work)));
                self.asked.set(revision, t);
                t
            }
        };
        let Some(Answer::Delta(done)) = ctx.answer(Target::Delta, ticket) else {
            return;
        };
        let done = Arc::clone(done);
        if let Some(b) = &done.baseline {
            self.baseline.set(done.key.clone(), Arc::clone(b));
        }
        if let Some((lang, width, lines)) = &done.rest {
            self.rest_lines
                .set((revision, *lang, *width), Arc::clone(lines));
        }
        match &done.delta {
            Ok(d) => self.delta.set(revision, Some(Arc::clone(d))),
            Err(e) => {
                self.delta.set(revision, None);
                ctx.set_status(
                    t!(
                        ctx.lang,
                        "cannot compare with the baseline: {error}",
                        error = e
                    ),
                    StatusKind::Error,
                );
            }
        }
    }

    /// The comparison with the baseline, if one was computed for the state on screen.
    pub fn delta(&self, ctx: &Ctx) -> Option<&Delta> {
        self.delta.get(&ctx.revision())?.as_deref()
    }

    fn detail_lines(&self, ctx: &Ctx, width: usize) -> Vec<Line<'static>> {
        let t = &ctx.theme;
        let lang = ctx.lang;
        let Some(p) = ctx.scenario.set.presets.get(self.row) else {
            return vec![Line::from(tr(
                lang,
                "No reform presets for this dataset (load a file with --reforms FILE).",
            ))];
        };
        let mut out = vec![Line::from(vec![
            Span::styled(
                word(
                    lang,
                    "reforms",
                    if ctx.scenario.is_active(&p.id) {
                        "ON "
                    } else {
                        "off "
                    },
                ),
                if ctx.scenario.is_active(&p.id) {
                    t.ok
                } else {
                    t.dim
                },
            ),
            Span::styled(
                p.article
                    .map(|a| {
                        t!(
                            lang,
                            "{article} of the source article",
                            article = a.in_lang(lang)
                        )
                    })
                    .unwrap_or_default(),
                t.dim,
            ),
        ])];
        for l in wrap(ctx.scenario.set.prose(lang, &p.description), width) {
            out.push(Line::from(l));
        }
        if !p.assumptions.is_empty() {
            out.push(Line::from(Span::styled(tr(lang, "Assumptions"), t.title)));
            for a in &p.assumptions {
                out.extend(item("• ", ctx.scenario.set.prose(lang, a), width).map(Line::from));
            }
        }
        out.push(Line::from(Span::styled(
            t!(lang, "Operations ({n})", n = p.operations.len()),
            t.title,
        )));
        for op in &p.operations {
            out.extend(
                item("· ", &op.to_string(), width).map(|l| Line::from(Span::styled(l, t.accent))),
            );
        }
        out
    }

    /// Lays the delta pane out for the state on screen at `width`, unless it already is:
    /// the rest from the worker's job when it came for this width and language.
    fn fresh_lines(&mut self, ctx: &Ctx, width: usize) {
        let key = lines_key(ctx, width);
        if self.head_lines.get(&key).is_none() {
            let lines = self.head_lines(ctx, width);
            self.head_lines.set(key, lines);
        }
        let key = (ctx.revision(), ctx.lang, width);
        if self.rest_lines.get(&key).is_none()
            && let Some(d) = self.delta(ctx)
        {
            let lines = rest_lines(
                d,
                &ctx.dataset,
                &ctx.scenario.baseline,
                &ctx.theme,
                ctx.lang,
                width,
            );
            self.rest_lines.set(key, Arc::new(lines));
        }
    }

    /// The delta pane's lines at `width`, the cached ones when they are for the state on
    /// screen, else laid out now (a frame drawn before the view's first update).
    fn parts(&self, ctx: &Ctx, width: usize) -> [std::borrow::Cow<'_, [Line<'static>]>; 2] {
        use std::borrow::Cow;
        let head = match self.head_lines.get(&lines_key(ctx, width)) {
            Some(l) => Cow::Borrowed(l.as_slice()),
            None => Cow::Owned(self.head_lines(ctx, width)),
        };
        let rest = match (
            self.rest_lines.get(&(ctx.revision(), ctx.lang, width)),
            self.delta(ctx),
        ) {
            (_, None) => Cow::Borrowed(&[][..]),
            (Some(l), Some(_)) => Cow::Borrowed(l.as_slice()),
            (None, Some(d)) => Cow::Owned(rest_lines(
                d,
                &ctx.dataset,
                &ctx.scenario.baseline,
                &ctx.theme,
                ctx.lang,
                width,
            )),
        };
        [head, rest]
    }

    /// How many lines the delta pane has at `width`.
    fn lines_total(&self, ctx: &Ctx, width: usize) -> usize {
        self.parts(ctx, width).iter().map(|p| p.len()).sum()
    }

    /// The delta pane's lines `from` on, at most `n` of them: only these are copied.
    fn window(&self, ctx: &Ctx, width: usize, from: usize, n: usize) -> Vec<Line<'static>> {
        let [head, rest] = self.parts(ctx, width);
        head.iter()
            .chain(rest.iter())
            .skip(from)
            .take(n)
            .cloned()
            .collect()
    }

    /// The effect of every active preset together, against the baseline: every line of the
    /// delta pane (the tests read it whole).
    pub fn delta_lines(&self, ctx: &Ctx, width: usize) -> Vec<Line<'static>> {
        let [head, rest] = self.parts(ctx, width);
        head.iter().chain(rest.iter()).cloned().collect()
    }

    /// The delta pane's first lines: what to wait for, or the headline before and after with
    /// its range.
    fn head_lines(&self, ctx: &Ctx, width: usize) -> Vec<Line<'static>> {
        let t = &ctx.theme;
        let lang = ctx.lang;
        if ctx.scenario.active.is_empty() {
            return vec![Line::from(Span::styled(
                tr(
                    lang,
                    "No reform is on: this is the baseline. Space switches the preset under the cursor on.",
                ),
                t.dim,
            ))];
        }
        let Some(d) = self.delta(ctx) else {
            return vec![Line::from(Span::styled(tr(lang, "measuring…"), t.dim))];
        };
        let name = |id: &str| name_in(&ctx.dataset, &ctx.scenario.baseline, lang, id);
        let mut out = Vec::new();
        if let (Some(before), after) = (&d.headline.0, &d.headline.1) {
            let after_total = after.as_ref().map(|h| h.total).unwrap_or(0.0);
            out.push(Line::from(Span::styled(
                fit(
                    &super::weights::control_title(
                        lang,
                        &name(&before.principal),
                        &name(&before.body),
                    ),
                    width,
                ),
                t.title,
            )));
            out.push(Line::from(vec![
                Span::raw(format!("  {} → ", pct(before.total))),
                Span::styled(pct(after_total), t.high),
                Span::raw(format!("  ({})", pp(before.total, after_total))),
            ]));
            // The ranges go on a line of their own: beside the figures they would not fit
            // the pane at 80 columns.
            let span = |r: Option<(f64, f64)>, v: f64| -> String {
                let full = PctRange(v, r).to_string();
                full.strip_prefix(pct(v).as_str())
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .unwrap_or(tr(lang, "(no range)"))
                    .to_string()
            };
            let before_r = ctx.baseline_range(&before.body, &before.principal);
            let after_r = after
                .as_ref()
                .and_then(|h| ctx.range(&h.body, &h.principal));
            let pending = before_r.is_err() || (after.is_some() && ctx.ranges_pending());
            let before_r = before_r.ok().flatten();
            if pending {
                out.push(Line::from(Span::styled(
                    fit(tr(lang, "  range being computed"), width),
                    t.dim,
                )));
            } else if before_r.is_some_and(|(l, h)| h - l >= 5e-4)
                || after_r.is_some_and(|(l, h)| h - l >= 5e-4)
            {
                out.push(Line::from(Span::styled(
                    fit(
                        &t!(
                            lang,
                            "  range {before} → {after}",
                            before = span(before_r, before.total),
                            after = span(after_r, after_total)
                        ),
                        width,
                    ),
                    t.dim,
                )));
            }
            if let Some(after) = after {
                let via = |h: &crate::analysis::Headline| -> String {
                    let mut parts = vec![t!(lang, "{share} directly", share = pct(h.direct))];
                    parts.extend(h.through.iter().map(|(v, x)| {
                        t!(lang, "{share} via {via}", share = pct(*x), via = name(v))
                    }));
                    parts.join(", ")
                };
                let before_text = t!(lang, "before: {x}", x = via(before));
                for l in wrap(&before_text, width.saturating_sub(2)) {
                    out.push(Line::from(Span::styled(format!("  {l}"), t.dim)));
                }
                let after_text = t!(lang, "after: {x}", x = via(after));
                for l in wrap(&after_text, width.saturating_sub(2)) {
                    out.push(Line::from(Span::styled(format!("  {l}"), t.dim)));
                }
            }
        }
        out
    }
}

/// A body's name in `lang` as the state on screen has it, else as the baseline had it (a
/// body the reforms removed), else its id.
fn name_in(dataset: &Dataset, baseline: &Dataset, lang: Lang, id: &str) -> String {
    dataset
        .body(id)
        .or_else(|| baseline.body(id))
        .map(|b| b.name(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn pp(a: f64, b: f64) -> String {
    format!("{:+.1} pp", (b - a) * 100.0)
}

/// The delta pane after the headline: every body that moved, the flags cleared and raised,
/// each principal's shares and the system's concentration. At 100,000 bodies a reform can
/// move most of them, so the worker lays this out with the delta.
fn rest_lines(
    d: &Delta,
    dataset: &Dataset,
    baseline: &Dataset,
    t: &Theme,
    lang: Lang,
    width: usize,
) -> Vec<Line<'static>> {
    let name = |id: &str| name_in(dataset, baseline, lang, id);
    let mut out = Vec::new();
    out.push(Line::from(Span::styled(
        t!(lang, "Bodies that changed ({n})", n = d.diff.bodies.len()),
        t.title,
    )));
    for b in &d.diff.bodies {
        let template = match b.change {
            BodyChange::Added => "{name} (added):{seats} {detail}",
            BodyChange::Removed => "{name} (removed):{seats} {detail}",
            BodyChange::Changed => "{name}:{seats} {detail}",
        };
        let mut moves: Vec<(&String, &(f64, f64))> = b.control.iter().collect();
        moves.sort_by(|x, y| (y.1.1 - y.1.0).abs().total_cmp(&(x.1.1 - x.1.0).abs()));
        let detail = moves
            .iter()
            .take(2)
            .map(|(p, (a, c))| format!("{} {}→{} ({})", name(p), pct(*a), pct(*c), pp(*a, *c)))
            .collect::<Vec<_>>()
            .join("; ");
        let seats = match b.seats {
            (Some(x), Some(y)) if x != y => t!(lang, " {x}→{y} seats;", x = x, y = y),
            _ => String::new(),
        };
        // A reform that changes only a body's rules (P1 makes the Administration
        // non-partisan) moves no share: its rules are what changed.
        let rules = match (baseline.body(&b.id), dataset.body(&b.id)) {
            (Some(before), Some(after)) => {
                crate::output::diff::attributes::changed(lang, before, after, "→")
            }
            _ => Vec::new(),
        };
        let detail = [detail]
            .into_iter()
            .chain(rules)
            .filter(|d| !d.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        let line = crate::model::i18n::fill(
            lang,
            template,
            &[("name", name(&b.id)), ("seats", seats), ("detail", detail)],
        );
        out.extend(item("• ", &line, width).map(Line::from));
    }

    out.push(Line::from(Span::styled(
        t!(
            lang,
            "Flags cleared ({cleared}) and raised ({raised})",
            cleared = d.diff.flags_cleared.len(),
            raised = d.diff.flags_raised.len()
        ),
        t.title,
    )));
    for (sign, flags, style) in [
        ("−", &d.diff.flags_cleared, t.ok),
        ("+", &d.diff.flags_raised, t.high),
    ] {
        for f in flags {
            out.push(Line::from(vec![
                Span::styled(format!("{sign} "), style),
                Span::raw(fit(
                    &format!(
                        "{} · {} · {}",
                        word(lang, "severity", f.severity.as_str()),
                        f.title_in(lang),
                        name(&f.body)
                    ),
                    width.saturating_sub(2),
                )),
            ]));
        }
    }

    out.push(Line::from(Span::styled(
        tr(
            lang,
            "Per principal: share of independent seats, majorities",
        ),
        t.title,
    )));
    for p in &d.diff.principals {
        let b = p.before.as_ref();
        let a = p.after.as_ref();
        out.push(Line::from(fit(
            &format!(
                "  {:<18} {} → {}   {} → {}",
                fit(&name(&p.id), 18),
                b.map(|x| pct(x.independent_seat_share))
                    .unwrap_or("-".into()),
                a.map(|x| pct(x.independent_seat_share))
                    .unwrap_or("-".into()),
                b.map(|x| x.bodies_majority.to_string())
                    .unwrap_or("-".into()),
                a.map(|x| x.bodies_majority.to_string())
                    .unwrap_or("-".into()),
            ),
            width,
        )));
    }
    out.push(Line::from(Span::styled(
        t!(
            lang,
            "system HHI {before} → {after}",
            before = format!("{:.3}", d.diff.system_hhi.0),
            after = format!("{:.3}", d.diff.system_hhi.1)
        ),
        t.dim,
    )));
    out
}

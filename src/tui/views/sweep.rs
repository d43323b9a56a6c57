//! The sweep chart (`s` in Bodies and Compare): a body's control by the head of state as one
//! role weight runs over its range, one curve per state, with the weights at which a
//! conclusion flips listed under it (codebook: the sweep, `analysis::sweep`).
//!
//! ```text
//!  ┌ Sweep · consent 0–2 · ←/→ another weight · any other key closes ──────────────┐
//!  │ the President's control of the Constitutional Court                           │
//!  │100%┤⠑⠢⣀                                                          ── kz-2022     │
//!  │ 50%┤   ⠉⠒⠤⣀⣀___________________________                       ── majority    │
//!  │  0%┼────────────────────────────────────                                     │
//!  │    0                 1                  2                                     │
//!  │ kz-2022 loses the majority at consent 1.12 (50.0%)                            │
//!  └───────────────────────────────────────────────────────────────────────────────┘
//! ```
//!
//! The curves are computed when the chart opens and when the weight changes, never while
//! drawing. The chart takes the arrows; any other key closes it (the state under it cannot
//! change while it is open, so what it shows is never stale).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Block, Borders, Chart, Clear, Dataset as Curve, GraphType, Paragraph, Widget,
};

use super::{fit, num, pct};
use crate::analysis::sweep::{self, BreakKind, Point, Spec, State, Sweep, SweepError};
use crate::analysis::{Options, analyze};
use crate::model::Lang;
use crate::model::i18n::{tr, word};
use crate::model::phrase::control_of;
use crate::model::{BodyId, Dataset, Role, Weights};
use crate::t;
use crate::tui::ctx::Ctx;
use crate::tui::keymap::Command;

/// Grid steps of the chart: finer than any terminal is wide in Braille dots at 80 columns,
/// coarse enough to stay well under a second for six datasets; breakpoints are exact anyway.
pub const STEPS: usize = 100;

/// One state to sweep, with the body and the principal it is read for (ids differ between
/// datasets: the Compare view follows the selected body's role).
struct Subject {
    label: String,
    dataset: Dataset,
    options: Options,
    body: BodyId,
    principal: BodyId,
}

/// What the chart was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The state on screen, and the baseline too when reforms are on.
    Bodies,
    /// Every dataset in the comparison (embedded ids), and the state on screen if chosen.
    Compare { chosen: Vec<String>, current: bool },
}

/// The chart's content: the curves and what they say.
#[derive(Debug, Clone, PartialEq)]
pub struct Plot {
    /// `the President's control of the Constitutional Court`.
    pub subject: String,
    pub sweep: Sweep,
    /// One line per breakpoint, then what was left out.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SweepChart {
    pub source: Source,
    /// Index into [`Weights::NAMES`].
    pub weight: usize,
    pub plot: Result<Plot, String>,
}

impl SweepChart {
    /// Opens the chart on the `consent` weight and computes it.
    pub fn open(ctx: &Ctx, source: Source) -> SweepChart {
        let weight = Weights::NAMES
            .iter()
            .position(|n| *n == "consent")
            .unwrap_or(0);
        let plot = compute(ctx, &source, Weights::NAMES[weight]);
        SweepChart {
            source,
            weight,
            plot,
        }
    }

    /// The arrows switch the weight (and recompute); false when the command closes the chart.
    pub fn update(&mut self, ctx: &Ctx, c: Command) -> bool {
        let n = Weights::NAMES.len();
        self.weight = match c {
            Command::Right | Command::Down => (self.weight + 1) % n,
            Command::Left | Command::Up => (self.weight + n - 1) % n,
            _ => return false,
        };
        self.plot = compute(ctx, &self.source, Weights::NAMES[self.weight]);
        true
    }

    pub fn render(&self, ctx: &Ctx, main: Rect, buf: &mut Buffer) {
        let t = &ctx.theme;
        let lang = ctx.lang;
        let name = Weights::NAMES[self.weight];
        let (from, to) = span(name);
        Clear.render(main, buf);
        let blk = Block::default()
            .borders(Borders::ALL)
            .border_style(t.border_focused)
            .title(Span::styled(
                t!(
                    lang,
                    " Sweep · {weight} {from}–{to} · ←/→ another weight · any other key closes ",
                    weight = name,
                    from = num(from),
                    to = num(to)
                ),
                t.title,
            ));
        let inner = blk.inner(main);
        blk.render(main, buf);
        // The explorer shows its too-small message below 60x15; a smaller pane than that
        // (a frame drawn before a resize arrives) gets the border alone.
        if inner.height < 4 || inner.width < 10 {
            return;
        }
        let w = inner.width as usize;
        let plot = match &self.plot {
            Ok(p) => p,
            Err(e) => {
                Paragraph::new(vec![
                    Line::from(Span::styled(tr(lang, "No sweep for this body"), t.title)),
                    Line::from(fit(e, w)),
                ])
                .render(inner, buf);
                return;
            }
        };
        // The notes take what the chart can spare: three fifths of the pane (at least six
        // rows) stay for the curves, and a last line says how many notes did not fit.
        let top = 2u16;
        let keep = (inner.height * 3 / 5).max(6);
        let notes = plot
            .notes
            .len()
            .min(usize::from(inner.height.saturating_sub(top + keep)));
        let chart_h = inner.height.saturating_sub(top + notes as u16);
        buf.set_line(
            inner.x,
            inner.y,
            &Line::from(Span::styled(fit(&plot.subject, w), t.accent)),
            inner.width,
        );
        // The key, on a line of its own: ratatui's legend box would hide curves, or itself.
        let mut key: Vec<Span> = Vec::new();
        for (i, series) in plot.sweep.series.iter().enumerate() {
            key.push(Span::styled(
                format!("{} ", glyph(marker(t.color, i))),
                series_style(ctx, i),
            ));
            key.push(Span::raw(format!("{}  ", series.label)));
        }
        key.push(Span::styled("• ", t.dim));
        key.push(Span::styled(tr(lang, "one half"), t.dim));
        buf.set_line(inner.x, inner.y + 1, &Line::from(key), inner.width);
        let chart_area = Rect::new(inner.x, inner.y + top, inner.width, chart_h);
        let majority = [(from, 0.5), (to, 0.5)];
        let mut curves: Vec<Curve> = plot
            .sweep
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                Curve::default()
                    .name(s.label.clone())
                    .marker(marker(t.color, i))
                    .graph_type(GraphType::Line)
                    .style(series_style(ctx, i))
                    .data(&s.points)
            })
            .collect();
        curves.push(
            Curve::default()
                .name(tr(lang, "one half"))
                .marker(Marker::Dot)
                .graph_type(GraphType::Line)
                .style(t.dim)
                .data(&majority),
        );
        let mid = (from + to) / 2.0;
        Chart::new(curves)
            .x_axis(Axis::default().bounds([from, to]).style(t.dim).labels([
                num(from),
                num(mid),
                num(to),
            ]))
            .y_axis(
                Axis::default()
                    .bounds([0.0, 1.0])
                    .style(t.dim)
                    .labels(["0%", "50%", "100%"]),
            )
            .legend_position(None)
            .render(chart_area, buf);
        for (k, note) in plot.notes.iter().take(notes).enumerate() {
            let y = chart_area.y + chart_area.height + k as u16;
            let more = k + 1 == notes && plot.notes.len() > notes;
            let text = if more {
                t!(
                    lang,
                    "… {n} more (a taller terminal shows them)",
                    n = plot.notes.len() - k
                )
            } else {
                note.clone()
            };
            buf.set_line(
                inner.x,
                y,
                &Line::from(Span::raw(fit(&text, w))),
                inner.width,
            );
        }
    }
}

/// Where a weight is swept: 0 to 2 (a ratifier counts up to twice the proposer), the share
/// removal at will takes up to all of a seat, and a proposer's weight starts above nothing.
pub fn span(weight: &str) -> (f64, f64) {
    match weight {
        "at_will_removal" => (0.0, 1.0),
        "propose" => (0.01, 2.0),
        _ => (0.0, 2.0),
    }
}

fn marker(color: bool, i: usize) -> Marker {
    // Without colour the curves differ by their dots.
    const MARKERS: [Marker; 4] = [Marker::Braille, Marker::Dot, Marker::Block, Marker::Bar];
    if color {
        Marker::Braille
    } else {
        MARKERS[i % MARKERS.len()]
    }
}

/// The character a curve is drawn with, for the key.
fn glyph(m: Marker) -> &'static str {
    match m {
        Marker::Dot => "•",
        Marker::Block => "█",
        Marker::Bar => "▄",
        _ => "⣿",
    }
}

fn series_style(ctx: &Ctx, i: usize) -> Style {
    let t = &ctx.theme;
    if !t.color {
        return Style::default().add_modifier(if i == 0 {
            Modifier::BOLD
        } else {
            Modifier::empty()
        });
    }
    [t.accent, t.high, t.ok, t.medium, t.link, t.low][i % 6]
}

/// The principal a body's control is read for: the head of state when he is one, else the
/// body's largest principal.
fn principal_for(
    ds: &Dataset,
    options: &Options,
    body: &str,
    lang: crate::model::Lang,
) -> Result<BodyId, String> {
    if let Some(h) = ds.head_of_state()
        && options.principals.contains(&h.id)
    {
        return Ok(h.id.clone());
    }
    let a = analyze(ds, options).map_err(|e| e.to_string())?;
    a.body(body)
        .and_then(|b| b.largest())
        .map(|(p, _)| p.to_string())
        .ok_or_else(|| {
            t!(
                lang,
                "no principal controls the {body}",
                body = ds.name(body, lang)
            )
        })
}

fn subjects(ctx: &Ctx, source: &Source) -> Result<(Vec<Subject>, Vec<String>), String> {
    let mut out = Vec::new();
    let mut notes = Vec::new();
    match source {
        Source::Bodies => {
            let body = ctx.selected.clone();
            if ctx
                .dataset
                .body(&body)
                .is_some_and(|b| b.channels.is_empty())
            {
                return Err(t!(
                    ctx.lang,
                    "the {body} is filled by no one: its control does not depend on any weight",
                    body = ctx.name(&body)
                ));
            }
            let principal = principal_for(&ctx.dataset, &ctx.options, &body, ctx.lang)?;
            out.push(Subject {
                label: ctx.state_label(),
                dataset: (*ctx.dataset).clone(),
                options: ctx.options.clone(),
                body: body.clone(),
                principal: principal.clone(),
            });
            if !ctx.scenario.active.is_empty() {
                // The baseline in the layer on screen, as the reformed state is.
                let base = &*ctx.scenario.baseline.in_layer(ctx.options.layer);
                let mut options = ctx.options.clone();
                if ctx.custom_principals {
                    options.principals.retain(|p| base.body(p).is_some());
                } else {
                    options.principals = base.principals();
                }
                if base.body(&body).is_some() && options.principals.contains(&principal) {
                    out.push(Subject {
                        label: t!(ctx.lang, "{id} (baseline)", id = base.meta.id),
                        dataset: base.clone(),
                        options,
                        body,
                        principal,
                    });
                } else {
                    notes.push(
                        tr(
                            ctx.lang,
                            "the baseline has no such body or principal: no curve",
                        )
                        .into(),
                    );
                }
            }
        }
        Source::Compare { chosen, current } => {
            // The selected body's role finds its counterpart in every dataset.
            let role = ctx
                .dataset
                .body(&ctx.selected)
                .and_then(|b| b.role)
                .filter(|r| !matches!(r, Role::HeadOfState | Role::Electorate))
                .unwrap_or(Role::ConstitutionalReview);
            let mut states: Vec<(String, Dataset, Options)> = Vec::new();
            if *current {
                states.push((
                    ctx.state_label(),
                    (*ctx.dataset).clone(),
                    ctx.options.clone(),
                ));
            }
            for e in crate::data::EMBEDDED {
                if !chosen.iter().any(|c| c == e.id) {
                    continue;
                }
                let ds = crate::data::resolve(e.id).map_err(|err| err.to_string())?;
                let options = Options {
                    weights: ctx.options.weights,
                    principals: ds.principals(),
                    at_will_threat: ctx.options.at_will_threat,
                    share_model: ctx.options.share_model,
                    layer: ctx.options.layer,
                };
                states.push((e.id.to_string(), ds, options));
            }
            for (label, ds, options) in states {
                let Some(body) = ds.bodies.iter().find(|b| b.role == Some(role)) else {
                    notes.push(t!(
                        ctx.lang,
                        "{label} has no {role}: no curve",
                        label = label,
                        role = role_name(ctx.lang, role)
                    ));
                    continue;
                };
                let body = body.id.clone();
                match principal_for(&ds, &options, &body, ctx.lang) {
                    Ok(principal) => out.push(Subject {
                        label,
                        dataset: ds,
                        options,
                        body,
                        principal,
                    }),
                    Err(e) => notes.push(format!("{label}: {e}")),
                }
            }
            if out.is_empty() {
                return Err(t!(
                    ctx.lang,
                    "no dataset in the comparison has a {role}: choose some (Space)",
                    role = role_name(ctx.lang, role)
                ));
            }
        }
    }
    Ok((out, notes))
}

fn role_name(lang: Lang, r: Role) -> String {
    crate::output::compare::role_words_in(lang, r)
}

/// Sweeps the states of `source` over `weight`.
pub fn compute(ctx: &Ctx, source: &Source, weight: &str) -> Result<Plot, String> {
    let (subjects, left_out) = subjects(ctx, source)?;
    let (from, to) = span(weight);
    let first = &subjects[0];
    let same = subjects
        .iter()
        .all(|s| s.body == first.body && s.principal == first.principal);
    let spec = Spec {
        body: first.body.clone(),
        principal: first.principal.clone(),
        weight: weight.to_string(),
        from,
        to,
        steps: STEPS,
    };
    let labels: Vec<String> = subjects.iter().map(|s| s.label.clone()).collect();
    let result = if same {
        let states: Vec<State> = subjects
            .iter()
            .map(|s| State {
                label: s.label.clone(),
                dataset: &s.dataset,
                options: s.options.clone(),
            })
            .collect();
        sweep::sweep(&states, &spec)
    } else {
        // Each dataset names its body and head of state its own way.
        spec.check().and_then(|()| {
            sweep::sweep_with(&labels, &spec, |i, w| evaluate(&subjects[i], weight, w))
        })
    };
    let sweep = result.map_err(|e| e.to_string())?;
    let lang = ctx.lang;
    let subject = if same && lang == Lang::En {
        control_of(
            first.dataset.name(&first.principal, lang),
            first.dataset.name(&first.body, lang),
            "control",
        )
    } else if same {
        t!(
            lang,
            "the {principal}'s control of the {body}",
            principal = first.dataset.name(&first.principal, lang),
            body = first.dataset.name(&first.body, lang)
        )
    } else {
        let role = first
            .dataset
            .body(&first.body)
            .and_then(|b| b.role)
            .map_or_else(|| tr(lang, "body").to_string(), |r| role_name(lang, r));
        t!(
            lang,
            "the head of state's control of the {role} body in each state",
            role = role
        )
    };
    // A state with no curve is said first: below a dozen crossings it would be cut off, and a
    // reader would take the missing curve for an overlap.
    let mut notes = left_out;
    let no_curve = notes.len();
    let in_force = ctx.options.weights.get(weight).unwrap_or(0.0);
    for (i, s) in sweep.series.iter().enumerate() {
        for b in &s.breakpoints {
            let at = t!(
                lang,
                "at {weight} {value} ({share})",
                weight = weight,
                value = format!("{:.2}", b.weight),
                share = pct(b.value)
            );
            notes.push(match (&b.kind, &b.with) {
                (BreakKind::Crossing, Some(other)) => {
                    // Each crossing once, from the earlier curve.
                    if labels
                        .iter()
                        .position(|l| l == other)
                        .is_some_and(|j| j < i)
                    {
                        continue;
                    }
                    t!(
                        lang,
                        "{label} crosses {other} {at}",
                        label = s.label,
                        other = other,
                        at = at
                    )
                }
                (kind, _) if lang == Lang::En => format!("{} {} {at}", s.label, kind.phrase()),
                (kind, _) => t!(
                    lang,
                    "{label} {what} {at}",
                    label = s.label,
                    what = word(lang, "breakkind", kind.as_str()),
                    at = at
                ),
            });
        }
    }
    if notes.len() == no_curve {
        notes.push(t!(
            lang,
            "no breakpoint: no curve crosses another, one half or the next principal between {weight} {from} and {to}",
            weight = weight,
            from = num(from),
            to = num(to)
        ));
    }
    notes.push(t!(
        lang,
        "{weight} in force: {value} · other weights and the threat option as in force",
        weight = weight,
        value = num(in_force)
    ));
    Ok(Plot {
        subject,
        sweep,
        notes,
    })
}

/// The analysis of one state at one weight: what `sweep::sweep` evaluates, for a body and a
/// principal of the state's own.
fn evaluate(s: &Subject, weight: &str, w: f64) -> Result<Point, SweepError> {
    let mut o = s.options.clone();
    o.weights
        .set_computed(weight, w)
        .map_err(SweepError::Range)?;
    let a = analyze(&s.dataset, &o).map_err(SweepError::Analysis)?;
    let b = a
        .body(&s.body)
        .ok_or_else(|| SweepError::UnknownBody(s.body.clone()))?;
    let control = b.control_of(&s.principal);
    let others = b
        .control
        .iter()
        .filter(|(p, _)| **p != s.principal)
        .map(|(_, v)| *v)
        .fold(0.0, f64::max);
    Ok(Point {
        control,
        lead: control - others,
    })
}

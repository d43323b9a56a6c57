//! The Reforms view: the article's proposals as presets to switch on and off, with what each
//! changes and what the active ones change together, against the baseline.
//!
//! ```text
//!  ┌ Reforms (2 on) ─────────┐┌ P5 · Directly elected Senate ─────────────────────────┐
//!  │[ ] P4 President hands…  ││ proposal 5, l. 252-267 · description · operations     │
//!  │[x] P5 Directly elected… │├ Against the baseline: P5 + P10 ───────────────────────┤
//!  │[ ] P6 Mazhilis 50/50    ││ the President's control of the Constitutional Court   │
//!  │                         ││ 52.7% → 0.0% (−52.7 pp) · bodies that moved · flags    │
//!  └─────────────────────────┘└───────────────────────────────────────────────────────┘
//! ```
//!
//! Space toggles the preset under the cursor (Enter too), `r` switches all off; every other
//! view shows the reformed state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::bodies::wrap;
use super::{block, fit, pct};
use crate::analysis::diff::BodyChange;
use crate::tui::app::{App, Pane, Status, StatusKind, scroll_to, step};
use crate::tui::keymap::Command;
use crate::tui::layout;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReformsState {
    pub row: usize,
    pub offset: usize,
    /// List, then the preset's detail, then the delta (`Pane::Detail` with `delta_focus`).
    pub focus: Pane,
    pub delta_focus: bool,
    pub detail_offset: usize,
    pub delta_offset: usize,
}

impl Default for ReformsState {
    fn default() -> Self {
        ReformsState {
            row: 0,
            offset: 0,
            focus: Pane::List,
            delta_focus: false,
            detail_offset: 0,
            delta_offset: 0,
        }
    }
}

/// The list pane, and the right column (detail above the delta).
pub fn split(main: Rect) -> (Rect, Rect) {
    let list_w = (main.width * 2 / 5).clamp(24.min(main.width), 42.min(main.width));
    (
        Rect::new(main.x, main.y, list_w, main.height),
        Rect::new(main.x + list_w, main.y, main.width - list_w, main.height),
    )
}

fn right_split(right: Rect) -> (Rect, Rect) {
    let detail_h = (right.height * 2 / 5).max(5.min(right.height));
    (
        Rect::new(right.x, right.y, right.width, detail_h),
        Rect::new(
            right.x,
            right.y + detail_h,
            right.width,
            right.height - detail_h,
        ),
    )
}

/// Computes the delta when the view needs it and its inputs changed; called by `update`.
pub fn refresh(app: &mut App) {
    if app.view != crate::tui::View::Reforms || app.delta.is_some() {
        return;
    }
    let principals = app
        .custom_principals
        .then(|| app.options.principals.clone());
    match crate::reform::delta(
        &app.scenario.baseline,
        &app.dataset,
        &app.options.weights,
        principals.as_deref(),
    ) {
        Ok(d) => app.delta = Some(d),
        Err(e) => {
            app.status = Some(Status {
                text: format!("cannot compare with the baseline: {e}"),
                kind: StatusKind::Error,
            })
        }
    }
}

pub fn command(app: &mut App, c: Command) {
    let n = app.scenario.set.presets.len();
    match (app.reforms.focus, c) {
        (Pane::List, Command::Right) => {
            app.reforms.focus = Pane::Detail;
            app.reforms.delta_focus = false;
        }
        (Pane::Detail, Command::Right) => app.reforms.delta_focus = true,
        (Pane::Detail, Command::Left) if app.reforms.delta_focus => app.reforms.delta_focus = false,
        (_, Command::Left) => app.reforms.focus = Pane::List,
        (_, Command::Reset) => app.reset_reforms(),
        (Pane::List, Command::Toggle | Command::Activate) => {
            if let Some(p) = app.scenario.set.presets.get(app.reforms.row) {
                let id = p.id.clone();
                app.toggle_reform(&id);
            }
        }
        (Pane::List, _) => {
            let height = layout::inner(split(layout::screen(app.size).main).0).height as usize;
            app.reforms.row = step(app.reforms.row, n, c, height);
            app.reforms.offset = scroll_to(app.reforms.offset, app.reforms.row, height);
            app.reforms.detail_offset = 0;
        }
        (Pane::Detail, _) => {
            let (detail, delta) = right_split(split(layout::screen(app.size).main).1);
            let (area, total, offset) = if app.reforms.delta_focus {
                let total = delta_lines(app, delta.width.saturating_sub(2) as usize).len();
                (delta, total, &mut app.reforms.delta_offset)
            } else {
                let total = detail_lines(app, detail.width.saturating_sub(2) as usize).len();
                (detail, total, &mut app.reforms.detail_offset)
            };
            let height = area.height.saturating_sub(2) as usize;
            let max = total.saturating_sub(height);
            *offset = step(*offset, max + 1, c, height);
        }
    }
}

fn detail_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let Some(p) = app.scenario.set.presets.get(app.reforms.row) else {
        return vec![Line::from(
            "No reform presets for this dataset (load a file with --reforms FILE).",
        )];
    };
    let mut out = vec![Line::from(vec![
        Span::styled(
            if app.scenario.is_active(&p.id) {
                "ON "
            } else {
                "off "
            },
            if app.scenario.is_active(&p.id) {
                t.ok
            } else {
                t.dim
            },
        ),
        Span::styled(
            p.article
                .map(|a| format!("{a} of the source article"))
                .unwrap_or_default(),
            t.dim,
        ),
    ])];
    for l in wrap(&p.description, width) {
        out.push(Line::from(l));
    }
    if !p.assumptions.is_empty() {
        out.push(Line::from(Span::styled("Assumptions", t.title)));
        for a in &p.assumptions {
            for (i, l) in wrap(a, width.saturating_sub(2)).into_iter().enumerate() {
                out.push(Line::from(format!(
                    "{}{l}",
                    if i == 0 { "• " } else { "  " }
                )));
            }
        }
    }
    out.push(Line::from(Span::styled(
        format!("Operations ({})", p.operations.len()),
        t.title,
    )));
    for op in &p.operations {
        for (i, l) in wrap(&op.to_string(), width.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            out.push(Line::from(Span::styled(
                format!("{}{l}", if i == 0 { "· " } else { "  " }),
                t.accent,
            )));
        }
    }
    out
}

/// The effect of every active preset together, against the baseline.
pub fn delta_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    if app.scenario.active.is_empty() {
        return vec![Line::from(Span::styled(
            "No reform is on: this is the baseline. Space switches the preset under the cursor on.",
            t.dim,
        ))];
    }
    let Some(d) = &app.delta else {
        return vec![Line::from("…")];
    };
    let name = |id: &str| -> String {
        app.dataset
            .body(id)
            .or_else(|| app.scenario.baseline.body(id))
            .map(|b| b.name(app.lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let pp = |a: f64, b: f64| format!("{:+.1} pp", (b - a) * 100.0);
    let mut out = Vec::new();
    if let (Some(before), after) = (&d.headline.0, &d.headline.1) {
        let after_total = after.as_ref().map(|h| h.total).unwrap_or(0.0);
        out.push(Line::from(Span::styled(
            fit(
                &format!(
                    "The {}'s control of the {}",
                    name(&before.principal),
                    name(&before.body)
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
        if let Some(after) = after {
            let via = |h: &crate::analysis::Headline| -> String {
                let mut parts = vec![format!("{} directly", pct(h.direct))];
                parts.extend(
                    h.through
                        .iter()
                        .map(|(v, x)| format!("{} via {}", pct(*x), name(v))),
                );
                parts.join(", ")
            };
            for l in wrap(&format!("before: {}", via(before)), width.saturating_sub(2)) {
                out.push(Line::from(Span::styled(format!("  {l}"), t.dim)));
            }
            for l in wrap(&format!("after: {}", via(after)), width.saturating_sub(2)) {
                out.push(Line::from(Span::styled(format!("  {l}"), t.dim)));
            }
        }
    }

    out.push(Line::from(Span::styled(
        format!("Bodies that changed ({})", d.diff.bodies.len()),
        t.title,
    )));
    for b in &d.diff.bodies {
        let what = match b.change {
            BodyChange::Added => " (added)",
            BodyChange::Removed => " (removed)",
            BodyChange::Changed => "",
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
            (Some(x), Some(y)) if x != y => format!(" {x}→{y} seats;"),
            _ => String::new(),
        };
        for (i, l) in wrap(
            &format!("{}{what}:{seats} {detail}", name(&b.id)),
            width.saturating_sub(2),
        )
        .into_iter()
        .enumerate()
        {
            out.push(Line::from(format!(
                "{}{l}",
                if i == 0 { "• " } else { "  " }
            )));
        }
    }

    out.push(Line::from(Span::styled(
        format!(
            "Flags cleared ({}) and raised ({})",
            d.diff.flags_cleared.len(),
            d.diff.flags_raised.len()
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
                    &format!("{} · {} · {}", f.severity, f.rule, name(&f.body)),
                    width.saturating_sub(2),
                )),
            ]));
        }
    }

    out.push(Line::from(Span::styled(
        "Per principal: share of independent seats, majorities",
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
        format!(
            "system HHI {:.3} → {:.3}",
            d.diff.system_hhi.0, d.diff.system_hhi.1
        ),
        t.dim,
    )));
    out
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let (list_area, right) = split(area);
    let on = app.scenario.active.len();
    let blk = block(
        app,
        Span::styled(format!(" Reforms ({on} on) "), t.title),
        app.reforms.focus == Pane::List,
    );
    let inner = blk.inner(list_area);
    blk.render(list_area, buf);
    let w = inner.width as usize;
    let lines: Vec<Line> = app
        .scenario
        .set
        .presets
        .iter()
        .enumerate()
        .skip(app.reforms.offset)
        .take(inner.height as usize)
        .map(|(i, p)| {
            let active = app.scenario.is_active(&p.id);
            let text = fit(
                &format!(
                    "[{}] {:<4}{}",
                    if active { "x" } else { " " },
                    p.id,
                    p.title(app.lang)
                ),
                w,
            );
            let style = if i == app.reforms.row {
                if app.reforms.focus == Pane::List {
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

    let (detail, delta) = right_split(right);
    let title = app
        .scenario
        .set
        .presets
        .get(app.reforms.row)
        .map(|p| format!(" {} · {} ", p.id, p.title(app.lang)))
        .unwrap_or_else(|| " Reform ".into());
    let focused = app.reforms.focus == Pane::Detail;
    let blk = block(
        app,
        Span::styled(title, t.title),
        focused && !app.reforms.delta_focus,
    );
    let inner = blk.inner(detail);
    blk.render(detail, buf);
    Paragraph::new(detail_lines(app, inner.width as usize))
        .scroll((app.reforms.detail_offset as u16, 0))
        .render(inner, buf);

    let blk = block(
        app,
        Span::styled(
            format!(" Against the baseline: {} ", app.state_label()),
            t.title,
        ),
        focused && app.reforms.delta_focus,
    );
    let inner = blk.inner(delta);
    blk.render(delta, buf);
    Paragraph::new(delta_lines(app, inner.width as usize))
        .scroll((app.reforms.delta_offset as u16, 0))
        .render(inner, buf);
}

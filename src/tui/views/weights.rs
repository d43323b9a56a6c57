//! The Weights view: change the role weights and the set of principals and watch every
//! number move; this is how a user checks how robust a conclusion is.
//!
//! ```text
//!  ┌ Weights and principals ───────────┐┌ What moves ─────────────────────────────┐
//!  │ ROLE WEIGHTS                      ││ President's control of the              │
//!  │ propose    1    ████▌             ││ Constitutional Court: 52.7%             │
//!  │ consent    1    ████▌             ││   40.9% directly, +8.2% through ...     │
//!  │ PRINCIPALS                        ││ PRINCIPALS  indep. seats  majorities    │
//!  │ [x] Electorate   always           ││                                         │
//!  └───────────────────────────────────┘└─────────────────────────────────────────┘
//! ```

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{bar, block, fit, num, pct};
use crate::analysis::headline;
use crate::model::Weights;
use crate::tui::app::App;
use crate::tui::layout;

fn explain(name: &str) -> &'static str {
    match name {
        "propose" => {
            "the actor who picks the candidate: the nominator, or the appointer or elector when nobody nominates"
        }
        "consent" => {
            "an actor whose approval the pick needs: a consent, or an election of someone else's nominee"
        }
        "consent_under_threat" => {
            "a consent whose holder the proposer may dissolve for refusing it"
        }
        "recommend" => "a non-binding recommendation",
        "at_will_removal" => {
            "the part of a seat that goes to whoever can dismiss its holder at will (0 to 1)"
        }
        _ => "",
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let (left, right) = layout::weights_split(area);
    list(app, left, buf);
    effects(app, right, buf);
}

fn list(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let blk = block(app, Span::styled(" Weights and principals ", t.title), true);
    let inner = blk.inner(area);
    blk.render(area, buf);
    let w = inner.width as usize;
    let n = Weights::NAMES.len();
    let mut rows: Vec<Line> = vec![Line::from(Span::styled(
        fit("ROLE WEIGHTS  (+/- to change)", w),
        t.title,
    ))];
    for (i, name) in Weights::NAMES.iter().enumerate() {
        let value = app.options.weights.get(name).unwrap_or(0.0);
        let changed = app.dataset.weights.get(name) != Some(value);
        let scale = if *name == "at_will_removal" { 1.0 } else { 2.0 };
        let selected = app.weights.row == i;
        let line = Line::from(vec![
            Span::raw(fit(name, 21.min(w))),
            Span::styled(
                format!("{:>5} ", num(value)),
                if changed { t.medium } else { t.base },
            ),
            Span::styled(bar(value / scale, 8.min(w.saturating_sub(28))), t.bar),
            Span::styled(if changed { " *" } else { "" }, t.medium),
        ]);
        rows.push(if selected {
            highlight(line, t.selected)
        } else {
            line
        });
    }
    rows.push(Line::from(""));
    rows.push(Line::from(Span::styled(
        fit("PRINCIPALS  (Space toggles)", w),
        t.title,
    )));
    for (j, b) in app.dataset.bodies.iter().enumerate() {
        let on = app.analysis.principals.contains(&b.id);
        let root = b.channels.is_empty();
        let selected = app.weights.row == n + j;
        let line = Line::from(vec![
            Span::raw(if on { "[x] " } else { "[ ] " }),
            Span::raw(fit(b.name(app.lang), w.saturating_sub(12))),
            Span::styled(if root { " always" } else { "" }, t.dim),
        ]);
        rows.push(if selected {
            highlight(line, t.selected)
        } else {
            line
        });
    }
    Paragraph::new(rows)
        .scroll((app.weights.offset as u16, 0))
        .render(inner, buf);
}

fn highlight(mut line: Line<'static>, style: ratatui::style::Style) -> Line<'static> {
    for s in line.spans.iter_mut() {
        s.style = s.style.patch(style);
    }
    line.style(style)
}

fn effects(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let mut lines: Vec<Line> = Vec::new();
    let n = Weights::NAMES.len();
    if app.weights.row < n {
        let name = Weights::NAMES[app.weights.row];
        lines.push(Line::from(Span::styled(name.to_string(), t.accent)));
        lines.push(Line::from(explain(name)));
        lines.push(Line::from(""));
    }
    if let Some(h) = headline::headline(&app.dataset, &app.options, &app.analysis) {
        lines.push(Line::from(Span::styled(
            format!(
                "The {}'s control of the {}",
                app.name(&h.principal),
                app.name(&h.body)
            ),
            t.title,
        )));
        lines.push(Line::from(vec![
            Span::styled(format!("{:>6} ", pct(h.total)), t.high),
            Span::styled(bar(h.total, 20), t.bar),
        ]));
        lines.push(Line::from(format!(
            "picks {} of {} seats · {} directly",
            h.picked,
            h.seats,
            pct(h.direct)
        )));
        for (via, x) in &h.through {
            lines.push(Line::from(format!(
                "+{} through the {}",
                pct(*x),
                app.name(via)
            )));
        }
        let steps: Vec<String> = h
            .sensitivity
            .iter()
            .map(|(w, v)| format!("{} → {}", num(*w), pct(*v)))
            .collect();
        lines.push(Line::from(Span::styled(
            format!("consent {}", steps.join(" · ")),
            t.dim,
        )));
        lines.push(Line::from(""));
    }
    let name_w = (area.width as usize).saturating_sub(2 + 20).clamp(8, 30);
    lines.push(Line::from(Span::styled(
        format!("{} indep.seats majors", fit("PRINCIPAL", name_w)),
        t.title,
    )));
    for p in &app.analysis.summary.principals {
        lines.push(Line::from(format!(
            "{} {:>11} {:>6}",
            fit(app.name(&p.id), name_w),
            pct(p.independent_seat_share),
            p.bodies_majority
        )));
    }
    lines.push(Line::from(Span::styled(
        format!(
            "system HHI {:.3} · {} flags",
            app.analysis.summary.system_hhi,
            app.analysis.flags.len()
        ),
        t.dim,
    )));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block(app, Span::styled(" What moves ", t.title), false))
        .render(area, buf);
}

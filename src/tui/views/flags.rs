//! The Flags view: every flag, sortable by severity, body or rule, with the selected flag's
//! message, number and legal sources below. Enter opens the flag's body.
//!
//! ```text
//!  ┌ Flags (55) · by severity ────────────────────────────────────────────┐
//!  │ HIGH   independent_majority       Constitutional Court  The Presid… │
//!  ├ independent_majority · Constitutional Court ─────────────────────────┤
//!  │ The President holds a majority of ... sources: Constitution art. 71 │
//!  └──────────────────────────────────────────────────────────────────────┘
//! ```

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{block, fit};
use crate::tui::View;
use crate::tui::app::{App, FlagSort, scroll_to, step};
use crate::tui::keymap::Command;
use crate::tui::layout;

pub fn command(app: &mut App, c: Command) {
    let height = layout::flags_height(app.size);
    match c {
        Command::Sort => {
            let current = app.flag_rows().get(app.flags.row).copied();
            app.flags.sort = match app.flags.sort {
                FlagSort::Severity => FlagSort::Body,
                FlagSort::Body => FlagSort::Rule,
                FlagSort::Rule => FlagSort::Severity,
            };
            if let Some(r) = current.and_then(|f| app.flag_rows().iter().position(|x| *x == f)) {
                app.flags.row = r;
                app.flags.offset = scroll_to(0, r, height);
            }
        }
        Command::Activate => {
            if let Some(&f) = app.flag_rows().get(app.flags.row) {
                let body = app.analysis.flags[f].body.clone();
                app.jump_to(&body);
                app.view = View::Bodies;
            }
        }
        _ => {
            let n = app.analysis.flags.len();
            app.flags.row = step(app.flags.row, n, c, height);
            app.flags.offset = scroll_to(app.flags.offset, app.flags.row, height);
        }
    }
}

fn sort_name(s: FlagSort) -> &'static str {
    match s {
        FlagSort::Severity => "by severity",
        FlagSort::Body => "by body",
        FlagSort::Rule => "by rule",
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let (table_area, detail_area) = layout::flags_split(area);
    let rows = app.flag_rows();
    let blk = block(
        app,
        Line::from(vec![
            Span::styled(format!(" Flags ({}) ", rows.len()), t.title),
            Span::styled(format!("· {} · s: sort ", sort_name(app.flags.sort)), t.dim),
        ]),
        true,
    );
    let inner = blk.inner(table_area);
    blk.render(table_area, buf);
    if inner.height < 2 || inner.width < 20 {
        return;
    }
    let w = inner.width as usize;
    let rule_w = 28.min(w / 4);
    let body_w = 24.min(w / 4);
    let msg_w = w.saturating_sub(7 + rule_w + body_w + 2);
    buf.set_line(
        inner.x,
        inner.y,
        &Line::from(vec![Span::styled(
            format!(
                "{} {} {} {}",
                fit("LEVEL", 6),
                fit("rule", rule_w),
                fit("body", body_w),
                fit("message", msg_w)
            ),
            t.title,
        )]),
        inner.width,
    );
    let height = (inner.height as usize).saturating_sub(1);
    for (r, &f) in rows.iter().enumerate().skip(app.flags.offset).take(height) {
        let flag = &app.analysis.flags[f];
        let y = inner.y + 1 + (r - app.flags.offset) as u16;
        let selected = r == app.flags.row;
        let base = if selected { t.selected } else { t.base };
        let line = Line::from(vec![
            Span::styled(
                fit(&flag.severity.as_str().to_uppercase(), 6),
                if selected {
                    t.selected
                } else {
                    t.severity(flag.severity)
                },
            ),
            Span::styled(" ", base),
            Span::styled(
                fit(flag.rule, rule_w),
                if selected { base } else { t.accent },
            ),
            Span::styled(" ", base),
            Span::styled(fit(app.name(&flag.body), body_w), base),
            Span::styled(" ", base),
            Span::styled(fit(&flag.message, msg_w), base),
        ]);
        buf.set_line(inner.x, y, &line, inner.width);
    }

    let Some(flag) = rows.get(app.flags.row).map(|&f| &app.analysis.flags[f]) else {
        Paragraph::new("No flags: nothing in this dataset trips a rule under these weights.")
            .block(block(app, " Flag ", false))
            .render(detail_area, buf);
        return;
    };
    let mut text = vec![
        Line::from(vec![
            Span::styled(
                format!("{} ", flag.severity.as_str().to_uppercase()),
                t.severity(flag.severity),
            ),
            Span::styled(flag.rule.to_string(), t.accent),
            Span::raw(format!(
                " · value {}{}",
                crate::output::fmt::seats((flag.value * 10_000.0).round() / 10_000.0),
                flag.actor
                    .as_ref()
                    .map(|a| format!(" · actor {}", app.name(a)))
                    .unwrap_or_default()
            )),
        ]),
        Line::from(flag.message.clone()),
    ];
    text.push(Line::from(Span::styled(
        format!("Sources: {}", flag.sources.join("; ")),
        t.dim,
    )));
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .block(block(
            app,
            Line::from(Span::styled(
                format!(" {} · Enter: open ", app.name(&flag.body)),
                t.title,
            )),
            false,
        ))
        .render(detail_area, buf);
}

//! The Control matrix: principals by bodies as a heat map of integrated control, with each
//! body's HHI. `s` sorts by the selected column (again: the other way round).
//!
//! ```text
//!  Body                    Elector  Preside  Mazhili  Maslikh   HHI
//!  Constitutional Court        0.0     52.7     27.3     20.0  .393
//! ```

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{block, fit};
use crate::tui::View;
use crate::tui::app::{App, scroll_to, step};
use crate::tui::keymap::Command;
use crate::tui::layout;

const CELL: usize = 8;

pub fn command(app: &mut App, c: Command) {
    let ncols = app.analysis.principals.len() + 2;
    let height = layout::matrix_height(app.size);
    match c {
        Command::Left => app.matrix.col = app.matrix.col.saturating_sub(1),
        Command::Right => app.matrix.col = (app.matrix.col + 1).min(ncols - 1),
        Command::Sort => {
            let col = app.matrix.col;
            app.matrix.sort = match app.matrix.sort {
                Some((c, desc)) if c == col => Some((col, !desc)),
                _ => Some((col, col != 0)),
            };
            // Keep the same body selected after the rows move.
            if let Some(r) = app
                .matrix_rows()
                .iter()
                .position(|&i| app.dataset.bodies[i].id == app.selected)
            {
                app.matrix.row = r;
                app.matrix.offset = scroll_to(0, r, height);
            }
        }
        Command::Activate => app.view = View::Bodies,
        _ => {
            let rows = app.matrix_rows();
            app.matrix.row = step(app.matrix.row, rows.len(), c, height);
            app.matrix.offset = scroll_to(app.matrix.offset, app.matrix.row, height);
            if let Some(&i) = rows.get(app.matrix.row) {
                app.selected = app.dataset.bodies[i].id.clone();
            }
        }
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let sort_text = match app.matrix.sort {
        None => "unsorted".to_string(),
        Some((c, desc)) => format!(
            "sorted by {} {}",
            column_name(app, c),
            if desc { "▼" } else { "▲" }
        ),
    };
    let blk = block(
        app,
        Line::from(vec![
            Span::styled(" Integrated control: principals by bodies ", t.title),
            Span::styled(format!("· {sort_text} "), t.dim),
        ]),
        true,
    );
    let inner = blk.inner(area);
    blk.render(area, buf);
    if inner.height < 3 || inner.width < 20 {
        return;
    }
    let principals = &app.analysis.principals;
    let w = inner.width as usize;
    let name_w = (w / 3).clamp(12, 30);
    let fit_cols = (w.saturating_sub(name_w + 6)) / CELL;
    // A window of principal columns that keeps the selected one visible.
    let first = if app.matrix.col >= 1 && app.matrix.col > fit_cols {
        app.matrix.col - fit_cols
    } else {
        0
    };
    let shown: Vec<usize> = (first..principals.len()).take(fit_cols.max(1)).collect();

    let header_style = |col: usize| {
        if col == app.matrix.col {
            t.selected
        } else {
            t.title
        }
    };
    let mut header = vec![Span::styled(fit("Body", name_w), header_style(0))];
    for &p in &shown {
        header.push(Span::styled(
            format!(" {}", fit(app.name(&principals[p]), CELL - 1)),
            header_style(p + 1),
        ));
    }
    header.push(Span::styled(
        format!(" {:>5}", "HHI"),
        header_style(principals.len() + 1),
    ));
    buf.set_line(inner.x, inner.y, &Line::from(header), inner.width);
    buf.set_string(inner.x, inner.y + 1, "─".repeat(w), t.border);

    let rows = app.matrix_rows();
    let height = (inner.height as usize).saturating_sub(2);
    for (r, &i) in rows.iter().enumerate().skip(app.matrix.offset).take(height) {
        let y = inner.y + 2 + (r - app.matrix.offset) as u16;
        let body = &app.dataset.bodies[i];
        let a = &app.analysis.bodies[i];
        let selected = r == app.matrix.row;
        let mut spans = vec![Span::styled(
            fit(body.name(app.lang), name_w),
            if selected { t.selected } else { t.base },
        )];
        for &p in &shown {
            let v = a.control_of(&principals[p]);
            let mut style = t.heat(v);
            if selected {
                style = style.add_modifier(Modifier::BOLD);
            }
            let text = if v < 0.0005 {
                "·".to_string()
            } else {
                format!("{:.1}", v * 100.0)
            };
            spans.push(Span::raw(" "));
            spans.push(Span::styled(format!("{text:>w$}", w = CELL - 1), style));
        }
        let hhi = if body.channels.is_empty() {
            "root".to_string()
        } else {
            format!("{:.3}", a.hhi).trim_start_matches('0').to_string()
        };
        spans.push(Span::styled(format!(" {hhi:>5}"), t.dim));
        buf.set_line(inner.x, y, &Line::from(spans), inner.width);
    }
}

fn column_name(app: &App, col: usize) -> String {
    let principals = &app.analysis.principals;
    if col == 0 {
        "name".into()
    } else if col <= principals.len() {
        app.name(&principals[col - 1]).to_string()
    } else {
        "HHI".into()
    }
}

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

use super::{Memo, Tab, block, fit, scroll_to, step};
use crate::model::Lang;
use crate::model::i18n::tr;
use crate::tui::ctx::{Changes, Ctx};
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::tabs::View;

const CELL: usize = 8;

/// What the rows were sorted for: the state on screen, the sort, the language (of the names).
type RowsKey = (u64, Option<(usize, bool)>, Lang);

#[derive(Debug, Clone)]
pub struct MatrixView {
    pub row: usize,
    /// 0 = the body name, 1..=n the principals, n+1 the HHI.
    pub col: usize,
    pub offset: usize,
    /// Column and descending?
    pub sort: Option<(usize, bool)>,
    /// The rows in the order shown, sorted once per state and sort rather than per frame.
    sorted: Memo<RowsKey, Vec<usize>>,
}

impl Default for MatrixView {
    fn default() -> Self {
        MatrixView {
            row: 0,
            col: 1,
            offset: 0,
            sort: None,
            sorted: Memo::default(),
        }
    }
}

impl MatrixView {
    /// The figure under the cursor: the row's body, for the column's principal (the default
    /// principal on the name and HHI columns).
    pub fn explain_target(&self, ctx: &Ctx) -> super::explain::Target {
        let principals = &ctx.analysis.principals;
        let body = self
            .rows(ctx)
            .get(self.row)
            .and_then(|&i| ctx.dataset.bodies.get(i))
            .map_or_else(|| ctx.selected.clone(), |b| b.id.clone());
        let principal = (1..=principals.len())
            .contains(&self.col)
            .then(|| principals[self.col - 1].clone());
        super::explain::Target::State { body, principal }
    }

    /// Body indices in the order the sort puts them.
    pub fn rows(&self, ctx: &Ctx) -> Vec<usize> {
        match self.sorted.get(&self.rows_key(ctx)) {
            Some(rows) => rows.clone(),
            None => sorted(ctx, self.sort),
        }
    }

    fn rows_key(&self, ctx: &Ctx) -> RowsKey {
        (ctx.revision(), self.sort, ctx.lang)
    }

    /// The rows in the order shown, sorted again only when the state or the sort changed.
    fn fresh_rows(&mut self, ctx: &Ctx) -> &[usize] {
        let sort = self.sort;
        self.sorted
            .get_or_insert_with(self.rows_key(ctx), || sorted(ctx, sort))
    }

    /// The row of the selected body, if it has one.
    fn selected_row(&mut self, ctx: &Ctx) -> Option<usize> {
        self.fresh_rows(ctx)
            .iter()
            .position(|&i| ctx.dataset.bodies[i].id == ctx.selected)
    }
}

/// Body indices in the order `sort` puts them.
fn sorted(ctx: &Ctx, sort: Option<(usize, bool)>) -> Vec<usize> {
    let mut rows: Vec<usize> = ctx.order.clone();
    if let Some((col, desc)) = sort {
        let principals = &ctx.analysis.principals;
        let key = |i: &usize| -> f64 {
            let a = &ctx.analysis.bodies[*i];
            if col == 0 {
                0.0
            } else if col <= principals.len() {
                a.control_of(&principals[col - 1])
            } else {
                a.hhi
            }
        };
        // Stable sorts: ties keep the display order in either direction.
        rows.sort_by(|a, b| {
            let ord = if col == 0 {
                ctx.dataset.bodies[*a]
                    .name(ctx.lang)
                    .cmp(ctx.dataset.bodies[*b].name(ctx.lang))
            } else {
                key(a).total_cmp(&key(b))
            };
            if desc { ord.reverse() } else { ord }
        });
    }
    rows
}

impl Tab for MatrixView {
    fn update(&mut self, ctx: &mut Ctx, c: Command) -> Option<View> {
        let ncols = ctx.analysis.principals.len() + 2;
        let height = layout::matrix_height(ctx.size);
        match c {
            Command::Left => self.col = self.col.saturating_sub(1),
            Command::Right => self.col = (self.col + 1).min(ncols - 1),
            Command::Sort => {
                let col = self.col;
                self.sort = match self.sort {
                    Some((c, desc)) if c == col => Some((col, !desc)),
                    _ => Some((col, col != 0)),
                };
                // Keep the same body selected after the rows move.
                if let Some(r) = self.selected_row(ctx) {
                    self.row = r;
                    self.offset = scroll_to(0, r, height);
                }
            }
            Command::Activate => return Some(View::Bodies),
            _ => {
                let current = self.row;
                let rows = self.fresh_rows(ctx);
                let row = step(current, rows.len(), c, height);
                let body = rows.get(row).copied();
                self.row = row;
                self.offset = scroll_to(self.offset, self.row, height);
                if let Some(i) = body {
                    // Walking the rows only points at a body: no history entry, and the other
                    // views keep their cursors.
                    ctx.selected = ctx.dataset.bodies[i].id.clone();
                }
            }
        }
        None
    }

    fn click(&mut self, ctx: &mut Ctx, main: Rect, at: ratatui::layout::Position) {
        let top = main.y + 3;
        let Some(r) = (at.y >= top && at.y < main.y + main.height - 1)
            .then(|| self.offset + usize::from(at.y - top))
            .filter(|r| *r < ctx.order.len())
        else {
            return;
        };
        self.row = r;
        if let Some(&i) = self.fresh_rows(ctx).get(r) {
            let id = ctx.dataset.bodies[i].id.clone();
            ctx.select(id);
        }
    }

    /// The dataset's first row after a reform; the selected body's row after any move.
    fn refresh(&mut self, ctx: &mut Ctx) {
        self.fresh_rows(ctx);
    }

    fn catch_up(&mut self, ctx: &Ctx, changes: Changes) {
        if changes.dataset {
            self.row = 0;
        }
        if let Some(r) = self.selected_row(ctx) {
            self.row = r;
            self.offset = scroll_to(self.offset, r, layout::matrix_height(ctx.size));
        }
    }

    fn render(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        let t = &ctx.theme;
        let lang = ctx.lang;
        let sort_text = match self.sort {
            None => tr(lang, "unsorted").to_string(),
            Some((c, desc)) => crate::t!(
                lang,
                "sorted by {column} {arrow}",
                column = column_name(ctx, c),
                arrow = if desc { "▼" } else { "▲" }
            ),
        };
        let blk = block(
            t,
            Line::from(vec![
                Span::styled(
                    tr(lang, " Integrated control: principals by bodies "),
                    t.title,
                ),
                Span::styled(format!("· {sort_text} "), t.dim),
            ]),
            true,
        );
        let inner = blk.inner(area);
        blk.render(area, buf);
        if inner.height < 3 || inner.width < 20 {
            return;
        }
        let principals = &ctx.analysis.principals;
        let w = inner.width as usize;
        let name_w = (w / 3).clamp(12, 30);
        let fit_cols = (w.saturating_sub(name_w + 6)) / CELL;
        // A window of principal columns that keeps the selected one visible.
        let first = if self.col >= 1 && self.col > fit_cols {
            self.col - fit_cols
        } else {
            0
        };
        let shown: Vec<usize> = (first..principals.len()).take(fit_cols.max(1)).collect();

        let header_style = |col: usize| {
            if col == self.col { t.selected } else { t.title }
        };
        let mut header = vec![Span::styled(fit(tr(lang, "Body"), name_w), header_style(0))];
        for &p in &shown {
            header.push(Span::styled(
                format!(" {}", fit(ctx.name(&principals[p]), CELL - 1)),
                header_style(p + 1),
            ));
        }
        header.push(Span::styled(
            format!(" {:>5}", "HHI"),
            header_style(principals.len() + 1),
        ));
        buf.set_line(inner.x, inner.y, &Line::from(header), inner.width);
        buf.set_string(inner.x, inner.y + 1, "─".repeat(w), t.border);

        let computed;
        let rows = match self.sorted.get(&self.rows_key(ctx)) {
            Some(rows) => rows,
            // A frame drawn before the view's first update in this state.
            None => {
                computed = sorted(ctx, self.sort);
                &computed
            }
        };
        let height = (inner.height as usize).saturating_sub(2);
        for (r, &i) in rows.iter().enumerate().skip(self.offset).take(height) {
            let y = inner.y + 2 + (r - self.offset) as u16;
            let body = &ctx.dataset.bodies[i];
            let a = &ctx.analysis.bodies[i];
            let selected = r == self.row;
            let mut spans = vec![Span::styled(
                fit(body.name(ctx.lang), name_w),
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
                // Filled by no one: no concentration to measure. Five cells wide in every
                // language.
                crate::model::i18n::word(lang, "matrix", "root").to_string()
            } else {
                format!("{:.3}", a.hhi).trim_start_matches('0').to_string()
            };
            spans.push(Span::styled(format!(" {hhi:>5}"), t.dim));
            buf.set_line(inner.x, y, &Line::from(spans), inner.width);
        }
    }
}

fn column_name(ctx: &Ctx, col: usize) -> String {
    let principals = &ctx.analysis.principals;
    if col == 0 {
        crate::model::i18n::word(ctx.lang, "matrix", "name").into()
    } else if col <= principals.len() {
        ctx.name(&principals[col - 1]).to_string()
    } else {
        "HHI".into()
    }
}

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

use super::{Memo, Tab, block, fit, scroll_to, step};
use crate::model::Lang;
use crate::model::i18n::{tr, word};
use crate::t;
use crate::tui::ctx::{Changes, Ctx};
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::tabs::View;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagSort {
    Severity,
    Body,
    Rule,
}

/// What the rows were sorted for: the state on screen, the sort, the language (of the names).
type RowsKey = (u64, FlagSort, Lang);

#[derive(Debug, Clone)]
pub struct FlagsView {
    pub row: usize,
    pub offset: usize,
    pub sort: FlagSort,
    /// The rows in the order shown, sorted once per state and sort rather than per frame.
    sorted: Memo<RowsKey, Vec<usize>>,
}

impl Default for FlagsView {
    fn default() -> Self {
        FlagsView {
            row: 0,
            offset: 0,
            sort: FlagSort::Severity,
            sorted: Memo::default(),
        }
    }
}

impl FlagsView {
    /// Flag indices in the order the sort puts them.
    pub fn rows(&self, ctx: &Ctx) -> Vec<usize> {
        match self.sorted.get(&(ctx.revision(), self.sort, ctx.lang)) {
            Some(rows) => rows.clone(),
            None => sorted(ctx, self.sort),
        }
    }

    /// The rows in the order shown, sorted again only when the state or the sort changed.
    fn fresh_rows(&mut self, ctx: &Ctx) -> &[usize] {
        let sort = self.sort;
        self.sorted
            .get_or_insert_with((ctx.revision(), sort, ctx.lang), || sorted(ctx, sort))
    }
}

/// Flag indices in the order `sort` puts them.
fn sorted(ctx: &Ctx, sort: FlagSort) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..ctx.analysis.flags.len()).collect();
    let flags = &ctx.analysis.flags;
    match sort {
        FlagSort::Severity => {} // the analysis already sorts by severity, then body
        FlagSort::Body => rows.sort_by(|a, b| {
            ctx.name(&flags[*a].body)
                .cmp(ctx.name(&flags[*b].body))
                .then(flags[*a].severity.cmp(&flags[*b].severity))
        }),
        FlagSort::Rule => rows.sort_by(|a, b| {
            flags[*a]
                .rule
                .cmp(flags[*b].rule)
                .then(flags[*a].severity.cmp(&flags[*b].severity))
        }),
    }
    rows
}

impl Tab for FlagsView {
    fn update(&mut self, ctx: &mut Ctx, c: Command) -> Option<View> {
        let height = layout::flags_height(ctx.size);
        match c {
            Command::Sort => {
                let row = self.row;
                let current = self.fresh_rows(ctx).get(row).copied();
                self.sort = match self.sort {
                    FlagSort::Severity => FlagSort::Body,
                    FlagSort::Body => FlagSort::Rule,
                    FlagSort::Rule => FlagSort::Severity,
                };
                if let Some(r) =
                    current.and_then(|f| self.fresh_rows(ctx).iter().position(|x| *x == f))
                {
                    self.row = r;
                    self.offset = scroll_to(0, r, height);
                }
            }
            Command::Activate => {
                let row = self.row;
                if let Some(&f) = self.fresh_rows(ctx).get(row) {
                    let body = ctx.analysis.flags[f].body.clone();
                    ctx.jump_to(&body);
                    return Some(View::Bodies);
                }
            }
            _ => {
                let n = ctx.analysis.flags.len();
                self.row = step(self.row, n, c, height);
                self.offset = scroll_to(self.offset, self.row, height);
            }
        }
        None
    }

    fn click(&mut self, ctx: &mut Ctx, main: Rect, at: ratatui::layout::Position) {
        let (table, _) = layout::flags_split(main);
        let top = table.y + 2;
        if let Some(r) = (at.y >= top && at.y < table.y + table.height - 1)
            .then(|| self.offset + usize::from(at.y - top))
            .filter(|r| *r < ctx.analysis.flags.len())
        {
            self.row = r;
        }
    }

    /// Another dataset may have fewer flags.
    fn refresh(&mut self, ctx: &mut Ctx) {
        self.fresh_rows(ctx);
    }

    fn catch_up(&mut self, ctx: &Ctx, changes: Changes) {
        if changes.dataset {
            self.row = self.row.min(ctx.analysis.flags.len().saturating_sub(1));
        }
    }

    fn render(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        let t = &ctx.theme;
        let lang = ctx.lang;
        let level =
            |f: &crate::analysis::Flag| word(lang, "severity", f.severity.as_str()).to_uppercase();
        let (table_area, detail_area) = layout::flags_split(area);
        let computed;
        let rows = match self.sorted.get(&(ctx.revision(), self.sort, ctx.lang)) {
            Some(rows) => rows,
            // A frame drawn before the view's first update in this state.
            None => {
                computed = sorted(ctx, self.sort);
                &computed
            }
        };
        let blk = block(
            t,
            Line::from(vec![
                Span::styled(
                    format!(" {} ", t!(lang, "Flags ({n})", n = rows.len())),
                    t.title,
                ),
                Span::styled(
                    format!(
                        "· {} · s: {} ",
                        tr(lang, sort_name(self.sort)),
                        word(lang, "hint", "sort")
                    ),
                    t.dim,
                ),
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
                    fit(tr(lang, "LEVEL"), 6),
                    fit(tr(lang, "rule"), rule_w),
                    fit(tr(lang, "body"), body_w),
                    fit(tr(lang, "message"), msg_w)
                ),
                t.title,
            )]),
            inner.width,
        );
        let height = (inner.height as usize).saturating_sub(1);
        for (r, &f) in rows.iter().enumerate().skip(self.offset).take(height) {
            let flag = &ctx.analysis.flags[f];
            let y = inner.y + 1 + (r - self.offset) as u16;
            let selected = r == self.row;
            let base = if selected { t.selected } else { t.base };
            let line = Line::from(vec![
                Span::styled(
                    fit(&level(flag), 6),
                    if selected {
                        t.selected
                    } else {
                        t.severity(flag.severity)
                    },
                ),
                Span::styled(" ", base),
                Span::styled(
                    fit(flag.title_in(lang), rule_w),
                    if selected { base } else { t.accent },
                ),
                Span::styled(" ", base),
                Span::styled(fit(ctx.name(&flag.body), body_w), base),
                Span::styled(" ", base),
                Span::styled(fit(&flag.message_in(lang, &ctx.dataset), msg_w), base),
            ]);
            buf.set_line(inner.x, y, &line, inner.width);
        }

        let Some(flag) = rows.get(self.row).map(|&f| &ctx.analysis.flags[f]) else {
            Paragraph::new(tr(
                lang,
                "No flags: nothing in this dataset trips a rule under these weights.",
            ))
            .block(block(t, format!(" {} ", tr(lang, "Flag")), false))
            .render(detail_area, buf);
            return;
        };
        let mut text = vec![
            Line::from(vec![
                Span::styled(format!("{} · ", level(flag)), t.severity(flag.severity)),
                Span::styled(flag.title_in(lang).to_string(), t.accent),
                Span::raw(format!(
                    " ({}) · {}{}",
                    flag.rule,
                    t!(
                        lang,
                        "value {value}",
                        value =
                            crate::output::fmt::seats((flag.value * 10_000.0).round() / 10_000.0)
                    ),
                    flag.actor
                        .as_ref()
                        .map(|a| format!(" · {}", t!(lang, "actor {name}", name = ctx.name(a))))
                        .unwrap_or_default()
                )),
            ]),
            Line::from(flag.message_in(lang, &ctx.dataset)),
        ];
        text.push(Line::from(Span::styled(
            format!("{} {}", tr(lang, "Sources:"), flag.sources.join("; ")),
            t.dim,
        )));
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(block(
                t,
                Line::from(Span::styled(
                    format!(
                        " {} · Enter: {} ",
                        ctx.name(&flag.body),
                        word(lang, "hint", "open")
                    ),
                    t.title,
                )),
                false,
            ))
            .render(detail_area, buf);
    }
}

fn sort_name(s: FlagSort) -> &'static str {
    match s {
        FlagSort::Severity => "by severity",
        FlagSort::Body => "by body",
        FlagSort::Rule => "by rule",
    }
}

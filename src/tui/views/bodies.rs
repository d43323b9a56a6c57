//! The Bodies view: every body grouped by branch on the left; on the right the selected body's
//! composition with sources, its control by principal, veto points, tenure, powers and flags.
//!
//! ```text
//!  ┌ Bodies ───────────────┐┌ Constitutional Court ──────────────────────────┐
//!  │── Judicial ──         ││ judicial · 11 seats · 8 years · independent    │
//!  │⚑ Constitutional C ███ ││ COMPOSITION                                    │
//!  │  Supreme Court    ██▌ ││  Chair · 1 seat · Constitution art. 71(2) ...  │
//!  └───────────────────────┘└────────────────────────────────────────────────┘
//! ```
//!
//! In the detail pane every line that names another body is a link: move to it and press Enter
//! to jump there; Backspace comes back.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Memo, Pane, Tab, bar, block, fit, glyph, num, pct, scroll_to, step, wrap};
use unicode_width::UnicodeWidthStr;

use crate::analysis::Position;
use crate::analysis::range::PctRange;
use crate::model::i18n::{tr, word};
use crate::model::phrase::size_in;
use crate::model::{BodyId, Branch, Confidence, EdgeKind, Lang};
use crate::t;
use crate::tui::ctx::{Changes, Ctx, StatusKind};
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::tabs::View;

/// The detail pane's content at a given width: lines, and the body each line links to.
#[derive(Debug, Clone)]
pub struct Detail {
    pub lines: Vec<Line<'static>>,
    pub links: Vec<(usize, BodyId)>,
}

/// The detail's lines as they are built; the sections of [`super::why`] add to it too.
pub(super) struct Builder<'a> {
    pub(super) ctx: &'a Ctx,
    pub(super) width: usize,
    lines: Vec<Line<'static>>,
    links: Vec<(usize, BodyId)>,
}

impl Builder<'_> {
    pub(super) fn push(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    pub(super) fn link(&mut self, line: Line<'static>, target: &str) {
        self.links.push((self.lines.len(), target.to_string()));
        self.lines.push(line);
    }

    pub(super) fn heading(&mut self, text: &str) {
        if !self.lines.is_empty() {
            self.push(Line::from(""));
        }
        self.push(Line::from(Span::styled(
            text.to_string(),
            self.ctx.theme.title,
        )));
    }

    /// Word-wrapped text with a hanging indent.
    pub(super) fn wrapped(&mut self, indent: usize, text: &str, style: Style) {
        for l in wrap(text, self.width.saturating_sub(indent).max(10)) {
            self.push(Line::from(vec![
                Span::raw(" ".repeat(indent)),
                Span::styled(l, style),
            ]));
        }
    }
}

fn role_verb(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::DismissAtWill => "dismisses at will",
        EdgeKind::DismissForCause => "dismisses for cause",
        EdgeKind::Dissolve => "dissolves",
        EdgeKind::DissolveOnRefusal => "dissolves on refusal",
        EdgeKind::Impeach => "can impeach",
        EdgeKind::HoldsToAccount => "holds to account",
        EdgeKind::NoConfidence => "can vote no confidence in",
        EdgeKind::Audits => "audits",
        EdgeKind::Investigates => "investigates",
        EdgeKind::Reviews => "reviews the acts of",
        EdgeKind::Vetoes => "can veto",
        EdgeKind::Overrides => "can override the veto of",
        EdgeKind::Directs => "directs",
        EdgeKind::Petitions => "may petition",
    }
}

/// Builds the detail of the selected body for a pane `width` columns wide.
pub fn detail(ctx: &Ctx, width: usize) -> Detail {
    let mut b = Builder {
        ctx,
        width,
        lines: Vec::new(),
        links: Vec::new(),
    };
    let t = &ctx.theme;
    let lang = ctx.lang;
    let Some(body) = ctx.dataset.body(&ctx.selected) else {
        return Detail {
            lines: b.lines,
            links: b.links,
        };
    };
    let Some(a) = ctx.analysis.body(&body.id) else {
        return Detail {
            lines: b.lines,
            links: b.links,
        };
    };
    let mut facts = vec![word(lang, "branch", body.branch.as_str()).to_string()];
    if let Some(r) = body.role
        && lang == Lang::En
    {
        facts.push(r.to_string().replace('_', " "));
    }
    facts.push(size_in(lang, body.seats, body.seats_nominal));
    if let Some(term) = body.term_years {
        facts.push(t!(lang, "{n} years", n = num(term)));
    }
    if body.independent {
        facts.push(tr(lang, "independent").into());
    }
    if body.non_partisan {
        facts.push(tr(lang, "non-partisan").into());
    }
    b.wrapped(0, &format!("[{}] {}", body.id, facts.join(" · ")), t.base);
    if ctx.analysis.principals.contains(&body.id) {
        b.push(Line::from(Span::styled(
            tr(
                lang,
                "a principal: the walk up the appointment chain stops here",
            ),
            t.accent,
        )));
    }
    b.wrapped(
        0,
        &t!(lang, "Source: {source}", source = body.source),
        t.dim,
    );
    if body.confidence != Confidence::High {
        let what = match lang {
            Lang::En => format!("Confidence {}", body.confidence),
            _ => crate::output::summary::text::confidence(lang, body.confidence),
        };
        b.wrapped(
            0,
            &format!("{what}: {}", ctx.dataset.prose(lang, &body.note)),
            t.medium,
        );
    }

    if !body.channels.is_empty() {
        b.heading(tr(lang, "COMPOSITION"));
        let name_w = 24.min(width / 3).max(8);
        for (c, cs) in body.channels.iter().zip(&a.channels) {
            let label = if c.label.is_empty() {
                &c.id
            } else {
                ctx.dataset.prose(lang, &c.label)
            };
            b.push(Line::from(vec![
                Span::styled(
                    format!("▸ {label}"),
                    Style::default().add_modifier(ratatui::style::Modifier::BOLD),
                ),
                Span::raw(match lang {
                    Lang::En => {
                        format!(" · {} seat{}", c.seats, if c.seats == 1 { "" } else { "s" })
                    }
                    _ => format!(" · {}", t!(lang, "{n} seats", n = c.seats)),
                }),
                Span::styled(
                    if c.mandate == crate::model::Mandate::Imperative {
                        tr(lang, " · imperative mandate")
                    } else {
                        ""
                    },
                    t.medium,
                ),
                Span::styled(
                    if c.confidence == Confidence::High {
                        String::new()
                    } else {
                        format!(
                            " · {}",
                            crate::output::summary::text::confidence(lang, c.confidence)
                        )
                    },
                    t.medium,
                ),
            ]));
            for s in &c.steps {
                let share: f64 = cs
                    .shares
                    .iter()
                    .filter(|x| x.actor == s.actor && x.position != Position::RemoveAtWill)
                    .map(|x| x.seats)
                    .sum();
                let veto = cs.vetoes.contains(&s.actor);
                b.link(
                    Line::from(vec![
                        Span::raw("    "),
                        Span::styled(fit(ctx.name(&s.actor), name_w), t.link),
                        Span::raw(format!(" {:<10}", word(lang, "role", s.role.as_str()))),
                        Span::raw(format!("{:>6} ", crate::output::fmt::seats(share))),
                        Span::styled(if veto { tr(lang, "veto") } else { "" }, t.consent),
                    ]),
                    &s.actor,
                );
            }
            for r in &cs.removers {
                let share: f64 = cs
                    .shares
                    .iter()
                    .filter(|x| x.actor == *r && x.position == Position::RemoveAtWill)
                    .map(|x| x.seats)
                    .sum();
                let counted = if share > 0.0 {
                    format!("{:>6} ", crate::output::fmt::seats(share))
                } else {
                    "       ".to_string()
                };
                b.link(
                    Line::from(vec![
                        Span::raw("    "),
                        Span::styled(fit(ctx.name(r), name_w), t.link),
                        Span::styled(format!(" {:<10}", tr(lang, "removes")), t.dismiss),
                        Span::raw(counted),
                        Span::styled(tr(lang, "at will"), t.dismiss),
                    ]),
                    r,
                );
            }
            b.wrapped(4, &c.source, t.dim);
            if !c.note.is_empty() {
                b.wrapped(4, ctx.dataset.prose(lang, &c.note), t.dim);
            }
        }

        b.heading(&t!(
            lang,
            "CONTROL BY PRINCIPAL · HHI {hhi}",
            hhi = format!("{:.3}", a.hhi)
        ));
        let mut control: Vec<(&String, &f64)> =
            a.control.iter().filter(|(_, v)| **v > 0.00005).collect();
        control.sort_by(|x, y| y.1.total_cmp(x.1).then_with(|| x.0.cmp(y.0)));
        let name_w = 22.min(width / 3).max(8);
        let bar_w = 12.min(width.saturating_sub(name_w + 10) / 2).max(4);
        for (p, v) in control {
            // The range goes beside the figure when the pane has room for it and a bar of at
            // least four cells; else the bar keeps its width and the range is left out.
            let point = pct(*v);
            let full = PctRange(*v, ctx.range(&body.id, p)).to_string();
            let range = full.strip_prefix(point.as_str()).unwrap_or("").to_string();
            let room = width.saturating_sub(name_w + 3 + 6);
            let (bar_w, range) = if range.is_empty() {
                (bar_w, range)
            } else if room >= range.width() + 4 {
                (bar_w.min(room - range.width()), range)
            } else {
                (bar_w, String::new())
            };
            b.link(
                Line::from(vec![
                    Span::raw(" "),
                    Span::styled(fit(ctx.name(p), name_w), t.link),
                    Span::raw(" "),
                    Span::styled(bar(*v, bar_w), t.bar),
                    Span::raw(format!(" {point:>6}")),
                    Span::styled(range, t.dim),
                ]),
                p,
            );
            if let Some(both) = super::layers::both_layers(ctx, &body.id, p, *v) {
                b.wrapped(3, &both, t.accent);
            }
            if let Some(via) = a.via.get(p.as_str()) {
                let mut parts: Vec<(&String, &f64)> = via.iter().collect();
                parts.sort_by(|x, y| y.1.total_cmp(x.1));
                if parts.len() > 1 || parts.first().is_some_and(|(k, _)| *k != p) {
                    let text: Vec<String> = parts
                        .iter()
                        .map(|(k, x)| {
                            if *k == p {
                                t!(lang, "{share} directly", share = pct(**x))
                            } else {
                                t!(
                                    lang,
                                    "{share} through the {via}",
                                    share = pct(**x),
                                    via = ctx.name(k)
                                )
                            }
                        })
                        .collect();
                    b.wrapped(3, &text.join(", "), t.dim);
                }
            }
        }
        // Beside the expected share, because a share above one half is not control.
        let name = |id: &str| ctx.name(id).to_string();
        b.wrapped(
            1,
            &format!(
                "{} {}",
                tr(lang, "Majority control by closure:"),
                crate::output::summary::closure_line_in(
                    lang,
                    a,
                    body.seats,
                    ctx.analysis.principals.contains(&body.id),
                    name
                )
            ),
            t.base,
        );
        if !a.dominators.is_empty() {
            b.wrapped(
                1,
                &format!(
                    "{} {}",
                    tr(lang, "Every chain of appointment passes through:"),
                    crate::output::summary::dominators_line_in(lang, a, name)
                ),
                t.base,
            );
        }
    }

    super::layers::section(&mut b, body, a);
    super::why::section(&mut b, body, a);

    let list = |ids: &[String]| -> String {
        if ids.is_empty() {
            tr(lang, "none").to_string()
        } else {
            ids.iter()
                .map(|i| ctx.name(i))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    b.heading(tr(lang, "VETO POINTS AND TENURE"));
    b.wrapped(
        1,
        &format!("{} {}", tr(lang, "Consent needed from:"), list(&a.vetoes)),
        t.base,
    );
    b.wrapped(
        1,
        &format!(
            "{} {}",
            tr(lang, "Removable at will by:"),
            list(&a.removable_at_will_by)
        ),
        t.base,
    );
    b.wrapped(
        1,
        &format!(
            "{} {}",
            tr(lang, "Removable for cause by:"),
            list(&a.removable_for_cause_by)
        ),
        t.base,
    );

    // What this body does to others.
    let mut fills: Vec<(String, String)> = Vec::new();
    for other in &ctx.dataset.bodies {
        for c in &other.channels {
            for s in c.steps.iter().filter(|s| s.actor == body.id) {
                let label = if c.label.is_empty() {
                    &c.id
                } else {
                    ctx.dataset.prose(lang, &c.label)
                };
                fills.push((
                    other.id.clone(),
                    format!(
                        "{} · {label} ({}): {}",
                        ctx.name(&other.id),
                        c.seats,
                        word(lang, "role", s.role.as_str())
                    ),
                ));
            }
        }
    }
    let outgoing: Vec<&crate::model::Edge> = ctx
        .dataset
        .edges
        .iter()
        .filter(|e| e.from == body.id)
        .collect();
    if !fills.is_empty() || !outgoing.is_empty() {
        b.heading(tr(lang, "POWERS"));
        for (target, text) in fills {
            b.link(
                Line::from(vec![
                    Span::styled(" ━▶ ", t.appoint),
                    Span::styled(fit(&text, width.saturating_sub(5)), t.link),
                ]),
                &target,
            );
        }
        for e in outgoing {
            let scope = e
                .channel
                .as_ref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            b.link(
                Line::from(vec![
                    Span::styled(format!(" {} ", glyph(e.kind)), ctx.theme.edge(e.kind)),
                    Span::styled(
                        fit(
                            &match lang {
                                Lang::En => {
                                    format!("{} the {}{scope}", role_verb(e.kind), ctx.name(&e.to))
                                }
                                _ => format!(
                                    "{}: {}{scope}",
                                    word(lang, "kind", e.kind.as_str()),
                                    ctx.name(&e.to)
                                ),
                            },
                            width.saturating_sub(4),
                        ),
                        t.link,
                    ),
                ]),
                &e.to,
            );
        }
    }
    let incoming: Vec<&crate::model::Edge> = ctx
        .dataset
        .edges
        .iter()
        .filter(|e| e.to == body.id)
        .collect();
    if !incoming.is_empty() {
        b.heading(tr(lang, "ANSWERS TO"));
        for e in incoming {
            let scope = e
                .channel
                .as_ref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            b.link(
                Line::from(vec![
                    Span::styled(format!(" {} ", glyph(e.kind)), ctx.theme.edge(e.kind)),
                    Span::styled(
                        fit(
                            &match lang {
                                Lang::En => format!(
                                    "the {} {}{scope}",
                                    ctx.name(&e.from),
                                    role_verb(e.kind)
                                ),
                                _ => format!(
                                    "{}: {}{scope}",
                                    ctx.name(&e.from),
                                    word(lang, "kind", e.kind.as_str())
                                ),
                            },
                            width.saturating_sub(4),
                        ),
                        t.link,
                    ),
                ]),
                &e.from,
            );
            b.wrapped(4, &e.source, t.dim);
        }
    }

    let flags: Vec<&crate::analysis::Flag> = ctx.analysis.flags_of(&body.id).collect();
    if !flags.is_empty() {
        b.heading(&t!(lang, "FLAGS ({n})", n = flags.len()));
        for f in flags {
            let head = Line::from(vec![
                Span::styled(
                    format!(
                        " {} · ",
                        word(lang, "severity", f.severity.as_str()).to_uppercase()
                    ),
                    ctx.theme.severity(f.severity),
                ),
                Span::styled(f.title_in(lang).to_string(), t.accent),
            ]);
            match &f.actor {
                Some(actor) => b.link(head, actor),
                None => b.push(head),
            }
            b.wrapped(3, &f.message_in(lang, &ctx.dataset), t.base);
            b.wrapped(
                3,
                &format!("{} {}", tr(lang, "sources:"), f.sources.join("; ")),
                t.dim,
            );
        }
    }
    if !body.note.is_empty() && body.confidence == Confidence::High {
        b.heading(tr(lang, "NOTE"));
        b.wrapped(1, ctx.dataset.prose(lang, &body.note), t.dim);
    }
    super::law::section(&mut b, body);
    Detail {
        lines: b.lines,
        links: b.links,
    }
}

/// The rows of the Bodies list: branch headers and bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow {
    Header(Branch),
    Body(usize),
}

pub fn list_rows(ctx: &Ctx) -> Vec<ListRow> {
    let mut rows = Vec::new();
    let mut current: Option<Branch> = None;
    for (display, &i) in ctx.order.iter().enumerate() {
        let b = ctx.dataset.bodies[i].branch;
        if current != Some(b) {
            rows.push(ListRow::Header(b));
            current = Some(b);
        }
        rows.push(ListRow::Body(display));
    }
    rows
}

fn list_row(ctx: &Ctx, display: usize) -> usize {
    list_rows(ctx)
        .iter()
        .position(|r| *r == ListRow::Body(display))
        .unwrap_or(0)
}

fn detail_width(size: Rect) -> usize {
    layout::inner(layout::bodies_split(layout::screen(size).main).1).width as usize
}

/// What the detail pane was built for: the state on screen and its ranges, the body, the
/// language, the width.
type DetailKey = (u64, u64, BodyId, Lang, usize);

fn detail_key(ctx: &Ctx, width: usize) -> DetailKey {
    (
        ctx.revision(),
        ctx.ranges_revision(),
        ctx.selected.clone(),
        ctx.lang,
        width,
    )
}

/// The detail pane's content for the state on screen, built again only when it changed.
fn fresh_detail<'a>(memo: &'a mut Memo<DetailKey, Detail>, ctx: &Ctx) -> &'a Detail {
    let width = detail_width(ctx.size);
    memo.get_or_insert_with(detail_key(ctx, width), || detail(ctx, width))
}

/// Where a click or a wheel turn lands in the view.
enum Hit {
    Row(usize),
    Detail,
}

#[derive(Debug, Clone)]
pub struct BodiesView {
    pub focus: Pane,
    pub list_offset: usize,
    /// The selected link (an actor line) in the detail pane.
    pub link: usize,
    pub detail_offset: usize,
    detail: Memo<DetailKey, Detail>,
}

impl Default for BodiesView {
    fn default() -> Self {
        BodiesView {
            focus: Pane::List,
            list_offset: 0,
            link: 0,
            detail_offset: 0,
            detail: Memo::default(),
        }
    }
}

impl BodiesView {
    fn hit(&self, ctx: &Ctx, main: Rect, at: ratatui::layout::Position) -> Option<Hit> {
        let (list, detail) = layout::bodies_split(main);
        let li = layout::inner(list);
        if li.contains(at) {
            let row = self.list_offset + usize::from(at.y - li.y);
            match list_rows(ctx).get(row) {
                Some(ListRow::Body(d)) => Some(Hit::Row(*d)),
                _ => None,
            }
        } else if detail.contains(at) {
            Some(Hit::Detail)
        } else {
            None
        }
    }

    /// Draws the cached detail, or builds one when the pane is drawn at another width than the
    /// terminal size it was built for (a frame drawn before its resize event arrives).
    fn detail_pane(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        let focused = self.focus == Pane::Detail;
        let title = ctx
            .dataset
            .body(&ctx.selected)
            .map(|b| format!(" {} ", b.name(ctx.lang)))
            .unwrap_or_default();
        let blk = block(&ctx.theme, Span::styled(title, ctx.theme.title), focused);
        let inner = blk.inner(area);
        blk.render(area, buf);
        let built;
        let d = match self.detail.get(&detail_key(ctx, inner.width as usize)) {
            Some(d) => d,
            None => {
                built = detail(ctx, inner.width as usize);
                &built
            }
        };
        let selected_line = d.links.get(self.link).map(|(l, _)| *l);
        // Only the lines in the window are copied: a court that reviews every body of a large
        // state lists thousands.
        let from = self.detail_offset.min(d.lines.len());
        let to = (from + inner.height as usize).min(d.lines.len());
        let mut lines = d.lines[from..to].to_vec();
        if focused
            && let Some(l) = selected_line
                .and_then(|l| l.checked_sub(from))
                .and_then(|l| lines.get_mut(l))
        {
            let s = ctx.theme.selected;
            for span in l.spans.iter_mut() {
                span.style = span.style.patch(s);
            }
        }
        Paragraph::new(lines).render(inner, buf);
    }

    fn list(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        let t = &ctx.theme;
        let focused = self.focus == Pane::List;
        // The bar is the largest controller's share; `=` marks a tie for the largest.
        let lang = ctx.lang;
        let title = if area.width >= 42 {
            t!(
                lang,
                " Bodies ({n}) · largest controller, =tie ",
                n = ctx.order.len()
            )
        } else {
            t!(lang, " Bodies ({n}) · largest share ", n = ctx.order.len())
        };
        let blk = block(t, title, focused);
        let inner = blk.inner(area);
        blk.render(area, buf);
        let rows = list_rows(ctx);
        let height = inner.height as usize;
        let w = inner.width as usize;
        let selected = ctx.selected_index();
        let name_w = w.saturating_sub(14);
        for (i, row) in rows.iter().skip(self.list_offset).take(height).enumerate() {
            let y = inner.y + i as u16;
            let line = match row {
                ListRow::Header(branch) => Line::from(Span::styled(
                    fit(
                        &format!(
                            "── {} ──",
                            capitalize(word(lang, "branch", branch.as_str()))
                        ),
                        w,
                    ),
                    t.title,
                )),
                ListRow::Body(display) => {
                    let Some(body) = ctx.body_at(*display) else {
                        continue;
                    };
                    let a = ctx.analysis.body(&body.id);
                    let (marker, mstyle) = match ctx.worst_flag(&body.id) {
                        Some(s) => ("⚑ ", t.severity(s)),
                        None => ("  ", t.base),
                    };
                    let (barstr, share) = match a.and_then(|a| a.largest()) {
                        Some((_, v)) if !body.channels.is_empty() => {
                            let tied = a.is_some_and(|a| {
                                a.control
                                    .values()
                                    .filter(|x| (**x - v).abs() < 1e-9)
                                    .count()
                                    > 1
                            });
                            let pct = format!("{:.0}%", v * 100.0);
                            let share = if tied {
                                format!("{:>4}", format!("={pct}"))
                            } else {
                                format!("{pct:>4}")
                            };
                            (bar(v, 6), share)
                        }
                        _ => (
                            format!("{:>6}", word(lang, "list", "root")),
                            "    ".to_string(),
                        ),
                    };
                    let style = if *display == selected {
                        if focused {
                            t.selected
                        } else {
                            t.selected_unfocused
                        }
                    } else {
                        t.base
                    };
                    let mut line = Line::from(vec![
                        Span::styled(marker, mstyle),
                        Span::raw(fit(body.name(ctx.lang), name_w)),
                        Span::raw(" "),
                        Span::styled(barstr, t.bar),
                        Span::raw(" "),
                        Span::raw(share),
                    ]);
                    if *display == selected {
                        line = line.style(style);
                        for span in line.spans.iter_mut() {
                            span.style = span.style.patch(style);
                        }
                    }
                    line
                }
            };
            buf.set_line(inner.x, y, &line, inner.width);
        }
    }
}

impl Tab for BodiesView {
    fn update(&mut self, ctx: &mut Ctx, c: Command) -> Option<View> {
        match (self.focus, c) {
            (Pane::List, Command::Right | Command::Activate) | (Pane::Detail, Command::Right) => {
                self.focus = Pane::Detail;
            }
            (Pane::Detail, Command::Left) | (Pane::List, Command::Left) => {
                self.focus = Pane::List;
            }
            (Pane::List, _) => {
                let page = layout::list_height(ctx.size);
                let next = step(ctx.selected_index(), ctx.order.len(), c, page);
                ctx.select_display(next);
            }
            (Pane::Detail, Command::Activate) => {
                let d = fresh_detail(&mut self.detail, ctx);
                if let Some((_, target)) = d.links.get(self.link) {
                    let target = target.clone();
                    if target == ctx.selected {
                        ctx.set_status("that is this body", StatusKind::Info);
                    } else {
                        ctx.jump_to(&target);
                    }
                }
            }
            (Pane::Detail, _) => {
                let d = fresh_detail(&mut self.detail, ctx);
                let height = layout::detail_height(ctx.size);
                if d.links.is_empty() {
                    let max = d.lines.len().saturating_sub(height);
                    self.detail_offset = step(self.detail_offset, max + 1, c, height);
                    return None;
                }
                // Pages jump by lines, then land on the nearest link.
                let link = match c {
                    Command::PageDown
                    | Command::PageUp
                    | Command::HalfPageDown
                    | Command::HalfPageUp => {
                        let current = d.links[self.link.min(d.links.len() - 1)].0;
                        let target_line = step(current, d.lines.len(), c, height);
                        d.links
                            .iter()
                            .position(|(l, _)| *l >= target_line)
                            .unwrap_or(d.links.len() - 1)
                    }
                    _ => step(self.link, d.links.len(), c, height),
                };
                self.link = link;
                let line = d.links[link].0;
                let mut offset = scroll_to(self.detail_offset, line, height);
                if link == d.links.len() - 1
                    && matches!(c, Command::Down | Command::Bottom | Command::PageDown)
                {
                    // Past the last link there may be text (flag sources, notes): show it.
                    offset = offset.max(d.lines.len().saturating_sub(height)).min(line);
                }
                if link == 0 && matches!(c, Command::Top) {
                    offset = 0;
                }
                self.detail_offset = offset;
            }
        }
        None
    }

    fn click(&mut self, ctx: &mut Ctx, main: Rect, at: ratatui::layout::Position) {
        match self.hit(ctx, main, at) {
            Some(Hit::Row(display)) => {
                self.focus = Pane::List;
                ctx.select_display(display);
            }
            Some(Hit::Detail) => self.focus = Pane::Detail,
            None => {}
        }
    }

    fn wheel(&mut self, ctx: &Ctx, main: Rect, at: ratatui::layout::Position) {
        match self.hit(ctx, main, at) {
            Some(Hit::Row(_)) => self.focus = Pane::List,
            Some(Hit::Detail) => self.focus = Pane::Detail,
            None => {}
        }
    }

    /// A new selection starts at the top of its detail; the list keeps it in view.
    fn catch_up(&mut self, ctx: &Ctx, changes: Changes) {
        if changes.selection {
            self.link = 0;
            self.detail_offset = 0;
        }
        let height = layout::list_height(ctx.size);
        let row = list_row(ctx, ctx.selected_index());
        self.list_offset = scroll_to(self.list_offset, row, height);
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        // A terminal too small shows no detail pane.
        if !layout::too_small(ctx.size) {
            fresh_detail(&mut self.detail, ctx);
        }
    }

    fn render(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        let (list_area, detail_area) = layout::bodies_split(area);
        self.list(ctx, list_area, buf);
        self.detail_pane(ctx, detail_area, buf);
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

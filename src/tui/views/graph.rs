//! The Graph view: the selected body's neighbourhood, or the whole system.
//!
//! ```text
//!   who fills it / powers over it        what it fills / powers it holds
//!   President  4.50 appoint ━┐          ┌━▶ 0.50 President  propose
//!   Senate     2.00 consent ┄┤╶▶[ CC ]◀╴├─▶ reviews Mazhilis
//!   President  dismiss (chair) ✕┘        └✉ petitions ...
//! ```
//!
//! Arrow keys move between neighbours (up and down within a column, left and right between
//! the columns), Enter re-centres on the selected neighbour, `o` switches to the overview: every
//! body in branch columns with the appointment edges.

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{self, Canvas};
use ratatui::widgets::{Paragraph, Widget};

use super::{Tab, block, fit, glyph, pct, step};
use crate::analysis::Position;
use crate::model::{BodyId, Branch, EdgeKind};
use crate::output::fmt::seats;
use crate::tui::ctx::{Changes, Ctx};
use crate::tui::keymap::Command;
use crate::tui::tabs::View;

/// Which column of the neighbourhood has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Fillers,
    Filled,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphView {
    pub overview: bool,
    pub column: Column,
    pub index: usize,
}

impl Default for GraphView {
    fn default() -> Self {
        GraphView {
            overview: false,
            column: Column::Fillers,
            index: 0,
        }
    }
}

/// One neighbour in a column.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub target: BodyId,
    pub glyph: &'static str,
    pub kind: ItemKind,
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ItemKind {
    Propose,
    Consent,
    Other,
    Edge(EdgeKind),
}

/// The left column (who fills the selected body, and which powers bear on it) and the right
/// column (what it fills, and the powers it holds).
pub fn neighbours(ctx: &Ctx) -> (Vec<Item>, Vec<Item>) {
    let mut left = Vec::new();
    let mut right = Vec::new();
    let id = &ctx.selected;
    if let Some(a) = ctx.analysis.body(id) {
        // Fillers: one item per actor, with its seats under the weights and its positions.
        let mut actors: Vec<(String, f64, BTreeSet<Position>)> = Vec::new();
        for cs in &a.channels {
            for s in &cs.shares {
                match actors.iter_mut().find(|x| x.0 == s.actor) {
                    Some(x) => {
                        x.1 += s.seats;
                        x.2.insert(s.position);
                    }
                    None => actors.push((s.actor.clone(), s.seats, BTreeSet::from([s.position]))),
                }
            }
        }
        actors.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        for (actor, seats_held, positions) in actors {
            let kind = if positions.contains(&Position::Propose) {
                ItemKind::Propose
            } else if positions.iter().any(|p| p.is_veto()) {
                ItemKind::Consent
            } else {
                ItemKind::Other
            };
            left.push(Item {
                target: actor,
                glyph: match kind {
                    ItemKind::Propose => "━▶",
                    ItemKind::Consent => "┄▶",
                    _ => "╌▶",
                },
                kind,
                label: seats(seats_held),
            });
        }
    }
    // Petitions bear on no seat; the Bodies view lists them.
    let powers = |e: &&crate::model::Edge| e.kind != EdgeKind::Petitions;
    for e in ctx
        .dataset
        .edges
        .iter()
        .filter(|e| e.to == *id)
        .filter(powers)
    {
        left.push(Item {
            target: e.from.clone(),
            glyph: glyph(e.kind),
            kind: ItemKind::Edge(e.kind),
            label: edge_label(e),
        });
    }
    for (other, oa) in ctx.dataset.bodies.iter().zip(&ctx.analysis.bodies) {
        if let Some(held) = oa.direct.get(id.as_str()) {
            let proposes = oa.channels.iter().any(|c| c.proposer == *id);
            right.push(Item {
                target: other.id.clone(),
                glyph: if proposes { "━▶" } else { "┄▶" },
                kind: if proposes {
                    ItemKind::Propose
                } else {
                    ItemKind::Consent
                },
                label: pct(held / f64::from(other.seats)),
            });
        }
    }
    for e in ctx
        .dataset
        .edges
        .iter()
        .filter(|e| e.from == *id)
        .filter(powers)
    {
        right.push(Item {
            target: e.to.clone(),
            glyph: glyph(e.kind),
            kind: ItemKind::Edge(e.kind),
            label: edge_label(e),
        });
    }
    (left, right)
}

fn edge_label(e: &crate::model::Edge) -> String {
    let verb = match e.kind {
        EdgeKind::DismissAtWill => "dismisses",
        EdgeKind::DismissForCause => "dismisses for cause",
        EdgeKind::Dissolve => "dissolves",
        EdgeKind::DissolveOnRefusal => "dissolves on refusal",
        EdgeKind::Impeach => "impeaches",
        EdgeKind::HoldsToAccount => "holds to account",
        EdgeKind::NoConfidence => "no confidence",
        EdgeKind::Audits => "audits",
        EdgeKind::Investigates => "investigates",
        EdgeKind::Reviews => "reviews",
        EdgeKind::Vetoes => "vetoes",
        EdgeKind::Overrides => "overrides",
        EdgeKind::Directs => "directs",
        EdgeKind::Petitions => "petitions",
    };
    match &e.channel {
        Some(c) => format!("{verb} ({c})"),
        None => verb.to_string(),
    }
}

fn column_len(ctx: &Ctx, column: Column) -> usize {
    let (l, r) = neighbours(ctx);
    match column {
        Column::Fillers => l.len(),
        Column::Filled => r.len(),
    }
}

impl Tab for GraphView {
    fn update(&mut self, ctx: &mut Ctx, c: Command) -> Option<View> {
        match c {
            Command::Overview => self.overview = !self.overview,
            _ if self.overview => {
                // In the overview the arrows walk the bodies, as in the Bodies list.
                let next = step(ctx.selected_index(), ctx.order.len(), c, 5);
                ctx.select_display(next);
            }
            Command::Left => {
                self.column = Column::Fillers;
                self.index = self
                    .index
                    .min(column_len(ctx, Column::Fillers).saturating_sub(1));
            }
            Command::Right => {
                self.column = Column::Filled;
                self.index = self
                    .index
                    .min(column_len(ctx, Column::Filled).saturating_sub(1));
            }
            Command::Activate => {
                let (l, r) = neighbours(ctx);
                let items = match self.column {
                    Column::Fillers => l,
                    Column::Filled => r,
                };
                if let Some(item) = items.get(self.index) {
                    let target = item.target.clone();
                    ctx.jump_to(&target);
                }
            }
            _ => {
                let n = column_len(ctx, self.column);
                self.index = step(self.index, n, c, 10);
            }
        }
        None
    }

    /// A new selection starts at the top of its first column.
    fn catch_up(&mut self, _ctx: &Ctx, changes: Changes) {
        if changes.selection {
            self.index = 0;
        }
    }

    fn render(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        if self.overview {
            overview(ctx, area, buf);
        } else {
            self.neighbourhood(ctx, area, buf);
        }
    }
}

fn item_style(ctx: &Ctx, kind: ItemKind) -> Style {
    let t = &ctx.theme;
    match kind {
        ItemKind::Propose => t.appoint,
        ItemKind::Consent => t.consent,
        ItemKind::Other => t.dim,
        ItemKind::Edge(k) => t.edge(k),
    }
}

impl GraphView {
    fn neighbourhood(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        let t = &ctx.theme;
        let name = ctx.name(&ctx.selected).to_string();
        let blk = block(
            t,
            Line::from(vec![
                Span::styled(format!(" Neighbourhood of {name} "), t.title),
                Span::styled(
                    "· ━▶ picks ┄▶ ratifies ✕ dismisses ⊘ dissolves ⚖ reviews · o: all ",
                    t.dim,
                ),
            ]),
            true,
        );
        let inner = blk.inner(area);
        blk.render(area, buf);
        if inner.width < 20 || inner.height < 3 {
            return;
        }
        let (left, right) = neighbours(ctx);
        let w = inner.width as usize;
        let box_w = (w / 4).clamp(10, 26);
        // Wide terminals get a compact, centred picture rather than columns far apart.
        let side = ((w - box_w - 6) / 2).min(48);
        let lx = inner.x + ((w - box_w - 6 - 2 * side) / 2) as u16;
        let bx = inner.x + side as u16 + 3;
        let rx = bx + box_w as u16 + 3;
        let rows = inner.height as usize;
        let mid = inner.y + (rows as u16) / 2;

        // Columns scroll to keep the selection in view.
        let visible = |active: bool| -> usize {
            if active && self.index >= rows {
                self.index + 1 - rows
            } else {
                0
            }
        };
        let draw_column =
            |items: &Vec<Item>, x: u16, left_side: bool, active: bool, buf: &mut Buffer| {
                let skip = visible(active);
                let shown: Vec<(usize, &Item)> =
                    items.iter().enumerate().skip(skip).take(rows).collect();
                let n = shown.len();
                if n == 0 {
                    let msg = if left_side {
                        "filled by no one"
                    } else {
                        "fills nothing, holds no power"
                    };
                    buf.set_stringn(x, mid, msg, side, t.dim);
                    return;
                }
                let top = mid.saturating_sub((n as u16) / 2).max(inner.y);
                let first_y = top;
                let last_y = top + n as u16 - 1;
                for (row, (i, item)) in shown.iter().enumerate() {
                    let y = top + row as u16;
                    let selected = active && *i == self.index;
                    let style = item_style(ctx, item.kind);
                    let name_w = side.saturating_sub(item.label.chars().count() + 4).max(6);
                    let text = if left_side {
                        format!(
                            "{} {} {}",
                            fit(ctx.name(&item.target), name_w),
                            item.label,
                            item.glyph
                        )
                    } else {
                        format!(
                            "{} {} {}",
                            item.glyph,
                            fit(ctx.name(&item.target), name_w),
                            item.label
                        )
                    };
                    let text = fit(&text, side);
                    let text_style = if selected { t.selected } else { t.base };
                    if left_side {
                        buf.set_stringn(x, y, &text, side, text_style);
                        let g = item.glyph.chars().count() as u16;
                        let trimmed = text.trim_end().chars().count() as u16;
                        buf.set_stringn(
                            x + trimmed.saturating_sub(g),
                            y,
                            item.glyph,
                            2,
                            if selected { t.selected } else { style },
                        );
                    } else {
                        buf.set_stringn(x, y, &text, side, text_style);
                        buf.set_stringn(
                            x,
                            y,
                            item.glyph,
                            2,
                            if selected { t.selected } else { style },
                        );
                    }
                }
                // The bus joining the column to the box.
                let bus_x = if left_side { x + side as u16 } else { x - 2 };
                for y in first_y.min(mid)..=last_y.max(mid) {
                    let at_item = y >= first_y && y <= last_y;
                    let ch = match (
                        at_item,
                        y == mid,
                        y == first_y.min(mid),
                        y == last_y.max(mid),
                    ) {
                        (_, true, _, _) if first_y == last_y => "─",
                        (_, true, _, _) => {
                            if left_side {
                                "├"
                            } else {
                                "┤"
                            }
                        }
                        (true, _, true, _) => {
                            if left_side {
                                "┐"
                            } else {
                                "┌"
                            }
                        }
                        (true, _, _, true) => {
                            if left_side {
                                "┘"
                            } else {
                                "└"
                            }
                        }
                        (true, _, _, _) => {
                            if left_side {
                                "┤"
                            } else {
                                "├"
                            }
                        }
                        _ => "│",
                    };
                    buf.set_string(bus_x, y, ch, t.border);
                }
                let (ax, arrow) = if left_side {
                    (bus_x + 1, "▶")
                } else {
                    (bus_x - 1, "◀")
                };
                buf.set_string(ax, mid, arrow, t.border);
            };
        draw_column(&left, lx, true, self.column == Column::Fillers, buf);
        draw_column(&right, rx, false, self.column == Column::Filled, buf);

        // The centre box.
        let a = ctx.analysis.body(&ctx.selected);
        let body = ctx.dataset.body(&ctx.selected);
        let mut lines = vec![Line::from(Span::styled(fit(&name, box_w - 2), t.title))];
        if let Some(b) = body {
            lines.push(Line::from(format!("{} seats", b.seats)));
        }
        if let Some((p, v)) = a.and_then(|a| a.largest()) {
            lines.push(Line::from(fit(
                &format!("{} {}", pct(v), ctx.name(p)),
                box_w - 2,
            )));
        }
        let h = lines.len() as u16 + 2;
        let by = mid.saturating_sub(h / 2).max(inner.y);
        let rect = Rect::new(bx, by, box_w as u16, h.min(inner.height));
        Paragraph::new(lines)
            .block(block(t, "", true))
            .render(rect, buf);
    }
}

/// Branch columns with the bodies stacked in each, and the appointment edges drawn between
/// them on a braille canvas.
fn overview(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let t = &ctx.theme;
    let blk = block(
        t,
        Line::from(vec![
            Span::styled(" Whole system: who picks whom ", t.title),
            Span::styled(
                format!(
                    "· {}: its picks and consents in colour · o: neighbourhood ",
                    ctx.name(&ctx.selected)
                ),
                t.dim,
            ),
        ]),
        true,
    );
    let inner = blk.inner(area);
    blk.render(area, buf);
    if inner.width < 16 || inner.height < 4 {
        return;
    }
    let branches: Vec<Branch> = Branch::ALL
        .iter()
        .copied()
        .filter(|b| ctx.dataset.bodies.iter().any(|x| x.branch == *b))
        .collect();
    let cols = branches.len().max(1);
    let col_w = inner.width as f64 / cols as f64;
    let label_w = (col_w as usize).saturating_sub(1).max(3);
    let height = inner.height as f64;
    // Anchor of every body: column, row; in canvas units (x: 0..width, y: 0..height).
    let mut anchors: Vec<(BodyId, f64, f64)> = Vec::new();
    for (ci, br) in branches.iter().enumerate() {
        let members: Vec<&crate::model::Body> = ctx
            .dataset
            .bodies
            .iter()
            .filter(|b| b.branch == *br)
            .collect();
        let n = members.len();
        for (ri, b) in members.iter().enumerate() {
            let y = height - 2.0 - (ri as f64 + 0.5) * ((height - 2.0) / n.max(1) as f64);
            anchors.push((b.id.clone(), ci as f64 * col_w, y));
        }
    }
    let anchor = |id: &str| anchors.iter().find(|a| a.0 == id).map(|a| (a.1, a.2));
    // Every pick (proposer -> body) in a dim colour; the selected body's own edges, picks and
    // consents both, bright, so that the picture stays readable.
    let mut lines: Vec<(f64, f64, f64, f64, Color)> = Vec::new();
    let mut highlighted: Vec<(f64, f64, f64, f64, Color)> = Vec::new();
    let color = |s: Style| s.fg.unwrap_or(Color::Reset);
    let dim = if t.color {
        Color::DarkGray
    } else {
        Color::Reset
    };
    for (b, a) in ctx.dataset.bodies.iter().zip(&ctx.analysis.bodies) {
        let Some((tx, ty)) = anchor(&b.id) else {
            continue;
        };
        let mut seen = BTreeSet::new();
        for cs in &a.channels {
            for s in &cs.shares {
                let touches = b.id == ctx.selected || s.actor == ctx.selected;
                let pick = s.position == Position::Propose;
                if s.actor == b.id || !(pick || touches) || !seen.insert((s.actor.clone(), pick)) {
                    continue;
                }
                let Some((sx, sy)) = anchor(&s.actor) else {
                    continue;
                };
                let (x1, x2) = if sx < tx {
                    (sx + label_w as f64, tx)
                } else if sx > tx {
                    (sx, tx + label_w as f64)
                } else {
                    (sx + label_w as f64, tx + label_w as f64)
                };
                if touches {
                    let c = if pick {
                        color(t.appoint)
                    } else {
                        color(t.consent)
                    };
                    highlighted.push((x1, sy, x2, ty, c));
                } else {
                    lines.push((x1, sy, x2, ty, dim));
                }
            }
        }
    }
    lines.extend(highlighted);
    let selected = ctx.selected.clone();
    let headers: Vec<(f64, String)> = branches
        .iter()
        .enumerate()
        .map(|(i, b)| (i as f64 * col_w, fit(&b.as_str().to_uppercase(), label_w)))
        .collect();
    let labels: Vec<(f64, f64, String, bool)> = anchors
        .iter()
        .map(|(id, x, y)| {
            (
                *x,
                *y,
                fit(ctx.name(id), label_w).trim_end().to_string(),
                *id == selected,
            )
        })
        .collect();
    let (label_style, selected_style, header_style) = (t.base, t.selected, t.title);
    Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([0.0, inner.width as f64])
        .y_bounds([0.0, height])
        .paint(move |ctx| {
            for (x1, y1, x2, y2, c) in &lines {
                ctx.draw(&canvas::Line {
                    x1: *x1,
                    y1: *y1,
                    x2: *x2,
                    y2: *y2,
                    color: *c,
                });
            }
            ctx.layer();
            for (x, h) in &headers {
                ctx.print(*x, height - 0.5, Span::styled(h.clone(), header_style));
            }
            for (x, y, text, sel) in &labels {
                ctx.print(
                    *x,
                    *y,
                    Span::styled(
                        text.clone(),
                        if *sel { selected_style } else { label_style },
                    ),
                );
            }
        })
        .render(inner, buf);
}

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
//! body grouped by layer (its appointment depth, as in the SVG's layered drawing), each with who
//! picks it and whom it picks.

use std::collections::{BTreeSet, HashMap};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::{Memo, Tab, block, fit, glyph, pct, step};
use crate::analysis::Position;
use crate::model::i18n::{tr, word};
use crate::model::phrase::size_in;
use crate::model::{BodyId, EdgeKind, Lang};
use crate::output::fmt::seats;
use crate::output::graph::placement;
use crate::t;
use crate::tui::ctx::{Changes, Ctx};
use crate::tui::keymap::Command;
use crate::tui::tabs::View;

/// Which column of the neighbourhood has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Fillers,
    Filled,
}

#[derive(Debug, Clone)]
pub struct GraphView {
    pub overview: bool,
    pub column: Column,
    pub index: usize,
    /// The selected body's two columns, for the state and body they were gathered for.
    near: Memo<(u64, BodyId), (Vec<Item>, Vec<Item>)>,
    /// The overview's layers and rows, for the state and language they were laid out for.
    whole: Memo<(u64, Lang), Overview>,
}

impl Default for GraphView {
    fn default() -> Self {
        GraphView {
            overview: false,
            column: Column::Fillers,
            index: 0,
            near: Memo::default(),
            whole: Memo::default(),
        }
    }
}

/// One neighbour in a column.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub target: BodyId,
    pub glyph: &'static str,
    pub kind: ItemKind,
    /// The seats an actor holds (left column), the share held of the target (right column), or
    /// the power's verb (`reviews`, `dismisses`).
    pub label: String,
    /// For a power over one channel's holders: the channel (`dismisses (chair)`).
    pub channel: Option<String>,
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
                channel: None,
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
            label: verb(e.kind).to_string(),
            channel: e.channel.clone(),
        });
    }
    // Only the bodies in whose channels it has a share can hold it directly: a pass over
    // every body per selection was most of the view's first opening at 100,000 bodies.
    for &i in ctx.holdings.of_actor(id) {
        let (Some(other), Some(oa)) = (ctx.dataset.bodies.get(i), ctx.analysis.bodies.get(i))
        else {
            continue;
        };
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
                channel: None,
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
            label: verb(e.kind).to_string(),
            channel: e.channel.clone(),
        });
    }
    (left, right)
}

/// A power as a verb whose subject is the body that holds it.
fn verb(kind: EdgeKind) -> &'static str {
    match kind {
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
    }
}

/// An item's label in the language on screen: a power's verb from the catalogue (`graph.`
/// and the English verb), a figure as it is.
fn label(ctx: &Ctx, item: &Item) -> String {
    match item.kind {
        ItemKind::Edge(k) => word(ctx.lang, "graph", verb(k)).to_string(),
        _ => item.label.clone(),
    }
}

/// A left-column line: the actor first, so that it reads as a sentence ending in the arrow
/// to the selected body (`President  4.50 ━▶`, `President dismisses (chair) ✕`).
fn left_text(ctx: &Ctx, item: &Item, width: usize) -> String {
    let label = label(ctx, item);
    let tail = match &item.channel {
        Some(c) => format!("{label} ({c}) {}", item.glyph),
        None => format!("{label} {}", item.glyph),
    };
    let name_w = width.saturating_sub(tail.width() + 1).max(6);
    fit(
        &format!("{} {tail}", fit(ctx.name(&item.target), name_w)),
        width,
    )
}

/// A right-column line: the selected body is the subject, the target the object, after the
/// arrow that leaves the box (`▶ picks 40.9% of Senate`, `▶ ⚖ reviews Mazhilis`).
fn right_text(ctx: &Ctx, item: &Item, width: usize) -> String {
    let name = ctx.name(&item.target);
    let lang = ctx.lang;
    // One template per line and language: Kazakh puts a share before its verb.
    let text = match item.kind {
        ItemKind::Propose => t!(
            lang,
            "▶ picks {share} of {name}",
            share = item.label,
            name = name
        ),
        ItemKind::Consent | ItemKind::Other => {
            t!(
                lang,
                "▶ ratifies {share} of {name}",
                share = item.label,
                name = name
            )
        }
        ItemKind::Edge(_) => {
            let (glyph, verb) = (item.glyph, label(ctx, item));
            match &item.channel {
                Some(c) => t!(
                    lang,
                    "▶ {glyph} {verb} {name} ({channel})",
                    glyph = glyph,
                    verb = verb,
                    name = name,
                    channel = c
                ),
                None => t!(
                    lang,
                    "▶ {glyph} {verb} {name}",
                    glyph = glyph,
                    verb = verb,
                    name = name
                ),
            }
        }
    };
    fit(&text, width)
}

impl GraphView {
    /// The two columns of the selected body, gathered again only when it or the state changed.
    fn fresh_neighbours(&mut self, ctx: &Ctx) -> &(Vec<Item>, Vec<Item>) {
        self.near
            .get_or_insert_with((ctx.revision(), ctx.selected.clone()), || neighbours(ctx))
    }

    fn column_len(&mut self, ctx: &Ctx, column: Column) -> usize {
        let (l, r) = self.fresh_neighbours(ctx);
        match column {
            Column::Fillers => l.len(),
            Column::Filled => r.len(),
        }
    }

    fn fresh_overview(&mut self, ctx: &Ctx) -> &Overview {
        self.whole
            .get_or_insert_with((ctx.revision(), ctx.lang), || Overview::of(ctx))
    }
}

impl Tab for GraphView {
    fn update(&mut self, ctx: &mut Ctx, c: Command) -> Option<View> {
        match c {
            Command::Overview => self.overview = !self.overview,
            Command::Activate if self.overview => self.overview = false,
            _ if self.overview => {
                // In the overview the arrows walk the bodies in the order shown.
                let order = &self.fresh_overview(ctx).order;
                let bodies = &ctx.dataset.bodies;
                let at = order
                    .iter()
                    .position(|&i| bodies[i].id == ctx.selected)
                    .unwrap_or(0);
                let next = step(at, order.len(), c, 10);
                if let Some(id) = order.get(next).map(|&i| bodies[i].id.clone()) {
                    ctx.select(id);
                }
            }
            Command::Left => {
                self.column = Column::Fillers;
                self.index = self
                    .index
                    .min(self.column_len(ctx, Column::Fillers).saturating_sub(1));
            }
            Command::Right => {
                self.column = Column::Filled;
                self.index = self
                    .index
                    .min(self.column_len(ctx, Column::Filled).saturating_sub(1));
            }
            Command::Activate => {
                let (column, index) = (self.column, self.index);
                let (l, r) = self.fresh_neighbours(ctx);
                let items = match column {
                    Column::Fillers => l,
                    Column::Filled => r,
                };
                if let Some(item) = items.get(index) {
                    let target = item.target.clone();
                    ctx.jump_to(&target);
                }
            }
            _ => {
                let n = self.column_len(ctx, self.column);
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

    fn refresh(&mut self, ctx: &mut Ctx) {
        if self.overview {
            self.fresh_overview(ctx);
        } else {
            self.fresh_neighbours(ctx);
        }
    }

    fn render(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        if self.overview {
            let built;
            let o = match self.whole.get(&(ctx.revision(), ctx.lang)) {
                Some(o) => o,
                // A frame drawn before the view's first update in this state.
                None => {
                    built = Overview::of(ctx);
                    &built
                }
            };
            overview(ctx, o, area, buf);
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
        let lang = ctx.lang;
        let name = ctx.name(&ctx.selected).to_string();
        let blk = block(
            t,
            Line::from(vec![
                Span::styled(t!(lang, " Neighbourhood of {name} ", name = name), t.title),
                Span::styled(
                    tr(
                        lang,
                        "· ━▶ picks ┄▶ ratifies ✕ dismisses ⊘ dissolves ⚖ reviews · o: all ",
                    ),
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
        let built;
        let (left, right) = match self.near.get(&(ctx.revision(), ctx.selected.clone())) {
            Some(n) => n,
            None => {
                built = neighbours(ctx);
                &built
            }
        };
        let g = geometry(inner);
        let side = g.side;
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
                    let msg = tr(
                        lang,
                        if left_side {
                            "filled by no one"
                        } else {
                            "fills nothing, holds no power"
                        },
                    );
                    buf.set_stringn(x, mid, fit(msg, side), side, t.dim);
                    return;
                }
                let top = mid.saturating_sub((n as u16) / 2).max(inner.y);
                let first_y = top;
                let last_y = top + n as u16 - 1;
                for (row, (i, item)) in shown.iter().enumerate() {
                    let y = top + row as u16;
                    let selected = active && *i == self.index;
                    let style = if selected {
                        t.selected
                    } else {
                        item_style(ctx, item.kind)
                    };
                    let text_style = if selected { t.selected } else { t.base };
                    if left_side {
                        let text = left_text(ctx, item, side);
                        buf.set_stringn(x, y, &text, side, text_style);
                        // The arrow in the colour of its kind, where the text ends.
                        let g = item.glyph.width() as u16;
                        let trimmed = text.trim_end().width() as u16;
                        buf.set_stringn(x + trimmed.saturating_sub(g), y, item.glyph, 2, style);
                    } else {
                        let text = right_text(ctx, item, side);
                        buf.set_stringn(x, y, &text, side, text_style);
                        // The stroke leaving the bus shows the kind: ━ picks, ┄ ratifies.
                        let stroke = match item.kind {
                            ItemKind::Propose => "━",
                            ItemKind::Consent | ItemKind::Other => "┄",
                            ItemKind::Edge(_) => "─",
                        };
                        buf.set_string(x - 1, y, stroke, style);
                        buf.set_string(x, y, "▶", style);
                    }
                }
                // The bus joining the column to the box: the left column's arrows run into
                // the box, the right column's leave it.
                let bus_x = if left_side { x + side as u16 } else { x - 2 };
                let (from, to) = (first_y.min(mid), last_y.max(mid));
                for y in from..=to {
                    let at_item = y >= first_y && y <= last_y;
                    let ch = if from == to {
                        "─"
                    } else if y == mid {
                        // The stub to the box joins here, and so does an item on this row.
                        match (y == from, y == to, at_item, left_side) {
                            (true, _, _, _) => "┬",
                            (_, true, _, _) => "┴",
                            (_, _, true, _) => "┼",
                            (_, _, false, true) => "├",
                            (_, _, false, false) => "┤",
                        }
                    } else if !at_item {
                        "│"
                    } else {
                        match (y == from, y == to, left_side) {
                            (true, _, true) => "┐",
                            (_, true, true) => "┘",
                            (_, _, true) => "┤",
                            (true, _, false) => "┌",
                            (_, true, false) => "└",
                            (_, _, false) => "├",
                        }
                    };
                    buf.set_string(bus_x, y, ch, t.border);
                }
                if left_side {
                    buf.set_string(bus_x + 1, mid, "▶", t.border);
                } else {
                    buf.set_string(bus_x - 1, mid, "─", t.border);
                }
            };
        draw_column(left, g.left, true, self.column == Column::Fillers, buf);
        draw_column(right, g.right, false, self.column == Column::Filled, buf);

        // The centre box.
        let box_w = g.box_w;
        let a = ctx.analysis.body(&ctx.selected);
        let body = ctx.dataset.body(&ctx.selected);
        let mut lines = vec![Line::from(Span::styled(fit(&name, box_w - 2), t.title))];
        if let Some(b) = body {
            lines.push(Line::from(fit(
                &size_in(lang, b.seats, b.seats_nominal),
                box_w - 2,
            )));
        }
        if let Some((p, v)) = a.and_then(|a| a.largest()) {
            lines.push(Line::from(fit(
                &format!("{} {}", pct(v), ctx.name(p)),
                box_w - 2,
            )));
        }
        let h = lines.len() as u16 + 2;
        let by = mid.saturating_sub(h / 2).max(inner.y);
        let rect = Rect::new(g.centre, by, box_w as u16, h.min(inner.height));
        Paragraph::new(lines)
            .block(block(t, "", true))
            .render(rect, buf);
    }
}

/// Where the neighbourhood's parts go: the left column, the centre box and the right column,
/// each `side` (columns) or `box_w` (box) cells wide, with 3 cells for the buses between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub left: u16,
    pub centre: u16,
    pub right: u16,
    pub side: usize,
    pub box_w: usize,
}

/// Wide terminals get a compact picture centred in `inner`, rather than columns far apart.
pub fn geometry(inner: Rect) -> Geometry {
    let w = inner.width as usize;
    let box_w = (w / 4).clamp(10, 26);
    let side = (w.saturating_sub(box_w + 6) / 2).min(48);
    let left = inner.x + (w.saturating_sub(box_w + 6 + 2 * side) / 2) as u16;
    let centre = left + side as u16 + 3;
    Geometry {
        left,
        centre,
        right: centre + box_w as u16 + 3,
        side,
        box_w,
    }
}

/// The layer of every body (its appointment depth, as in the SVG's layered drawing) and the
/// bodies in the overview's order: by layer, then as in the data.
pub fn layered(ctx: &Ctx) -> (Vec<usize>, Vec<usize>) {
    let index = body_index(ctx);
    let mut edges = Vec::new();
    for (to, a) in ctx.analysis.bodies.iter().enumerate() {
        for cs in &a.channels {
            if let Some(&from) = index.get(cs.proposer.as_str()) {
                edges.push((from, to, true));
            }
        }
    }
    let layer = placement::layers(ctx.dataset.bodies.len(), &edges);
    let mut order: Vec<usize> = (0..layer.len()).collect();
    order.sort_by_key(|i| (layer[*i], *i));
    (layer, order)
}

fn body_index(ctx: &Ctx) -> HashMap<&str, usize> {
    ctx.dataset
        .bodies
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.as_str(), i))
        .collect()
}

/// The overview as laid out for a state and a language: computed once, not per frame.
#[derive(Debug, Clone)]
pub struct Overview {
    /// The bodies in the order shown, for the arrow keys.
    order: Vec<usize>,
    rows: Vec<Row>,
    picked_by: Vec<Vec<usize>>,
    picks: Vec<Vec<usize>>,
    /// The widest `◀━ …` and `━▶ …` texts, in columns.
    widest: (usize, usize),
}

impl Overview {
    fn of(ctx: &Ctx) -> Overview {
        let n = ctx.dataset.bodies.len();
        let (layer, order) = layered(ctx);
        let index = body_index(ctx);
        let mut picked_by: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut picks: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (to, a) in ctx.analysis.bodies.iter().enumerate() {
            for cs in &a.channels {
                if let Some(&from) = index.get(cs.proposer.as_str())
                    && from != to
                {
                    if !picked_by[to].contains(&from) {
                        picked_by[to].push(from);
                    }
                    // `to` only grows, so a repeat can only be the last one pushed: no scan of
                    // the president's thousands of picks.
                    if picks[from].last() != Some(&to) {
                        picks[from].push(to);
                    }
                }
            }
        }
        let mut sizes: HashMap<usize, usize> = HashMap::new();
        for l in &layer {
            *sizes.entry(*l).or_default() += 1;
        }
        let mut rows = Vec::new();
        let mut current = None;
        for &i in &order {
            if current != Some(layer[i]) {
                current = Some(layer[i]);
                rows.push(Row::Heading(layer[i], sizes[&layer[i]]));
            }
            rows.push(Row::Body(i));
        }
        let names = |ids: &[usize]| -> String {
            ids.iter()
                .map(|i| ctx.name(&ctx.dataset.bodies[*i].id))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let widest = |lists: &[Vec<usize>], arrow: &str| {
            lists
                .iter()
                .map(|l| {
                    if l.is_empty() {
                        0
                    } else {
                        format!("{arrow} {}", names(l)).width()
                    }
                })
                .max()
                .unwrap_or(0)
                .max(1)
        };
        let widest = (widest(&picked_by, "◀━"), widest(&picks, "━▶"));
        Overview {
            order,
            rows,
            picked_by,
            picks,
            widest,
        }
    }
}

/// A row of the overview: a layer's heading (layer, number of bodies) or a body.
#[derive(Debug, Clone)]
enum Row {
    Heading(usize, usize),
    Body(usize),
}

/// The whole system as a list grouped by layer: layer 1 holds the bodies no body of the state
/// picks, each further layer the bodies picked from the layers above. Each row names who picks
/// the body and whom it picks, so the picture reads at any size.
fn overview(ctx: &Ctx, o: &Overview, area: Rect, buf: &mut Buffer) {
    let t = &ctx.theme;
    let lang = ctx.lang;
    let blk = block(
        t,
        Line::from(vec![
            Span::styled(tr(lang, " Whole system by layer "), t.title),
            Span::styled(
                tr(
                    lang,
                    "· ◀━ picked by · ━▶ picks · Enter: neighbourhood · o: back ",
                ),
                t.dim,
            ),
        ]),
        true,
    );
    let inner = blk.inner(area);
    blk.render(area, buf);
    if inner.width < 16 || inner.height < 2 {
        return;
    }
    let Overview {
        rows,
        picked_by,
        picks,
        widest: (bw, pw),
        ..
    } = o;
    let (bw, pw) = (*bw, *pw);
    let selected = ctx.dataset.bodies.iter().position(|b| b.id == ctx.selected);
    let sel_row = rows
        .iter()
        .position(|r| matches!(r, Row::Body(i) if Some(*i) == selected))
        .unwrap_or(0);
    let height = inner.height as usize;
    // Keep the selection in view, in the middle once the list is longer than the screen.
    let offset = sel_row
        .saturating_sub(height / 2)
        .min(rows.len().saturating_sub(height));

    let names = |ids: &[usize]| -> String {
        ids.iter()
            .map(|i| ctx.name(&ctx.dataset.bodies[*i].id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let arrowed = |arrow: &str, ids: &[usize]| -> String {
        if ids.is_empty() {
            String::new()
        } else {
            format!("{arrow} {}", names(ids))
        }
    };
    let w = inner.width as usize;
    let name_w = (w * 3 / 10).clamp(10, 34);
    let rest = w.saturating_sub(name_w + 4);
    // Who picks a body is short and read first; whom it picks takes the rest of the row.
    let by_w = if bw + pw <= rest {
        bw
    } else {
        bw.min(rest / 2)
    };
    let picks_w = rest.saturating_sub(by_w);
    for (k, row) in rows.iter().skip(offset).take(height).enumerate() {
        let y = inner.y + k as u16;
        match row {
            Row::Heading(l, size) => {
                let text = if *l == 0 {
                    t!(
                        lang,
                        "Layer {layer} · {n} {n:body|bodies}, picked by no body of the state",
                        layer = l + 1,
                        n = size
                    )
                } else {
                    t!(
                        lang,
                        "Layer {layer} · {n} {n:body|bodies}, picked from the layers above",
                        layer = l + 1,
                        n = size
                    )
                };
                buf.set_stringn(inner.x, y, fit(&text, w), w, t.title);
            }
            Row::Body(i) => {
                let sel = Some(*i) == selected;
                let style = if sel { t.selected } else { t.base };
                let by = arrowed("◀━", &picked_by[*i]);
                let to = arrowed("━▶", &picks[*i]);
                let text = format!(
                    "{} {} {} {}",
                    if sel { "▶" } else { " " },
                    fit(ctx.name(&ctx.dataset.bodies[*i].id), name_w),
                    fit(&by, by_w),
                    fit(&to, picks_w),
                );
                buf.set_stringn(inner.x, y, &text, w, style);
                if !sel {
                    let col = inner.x + 2 + name_w as u16 + 1;
                    if !by.is_empty() {
                        buf.set_stringn(col, y, "◀━", 2, t.appoint);
                    }
                    if !to.is_empty() {
                        buf.set_stringn(col + by_w as u16 + 1, y, "━▶", 2, t.appoint);
                    }
                }
            }
        }
    }
}

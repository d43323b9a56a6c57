//! Section B of the diff's figure: each principal's integrated control of the bodies where it
//! moved, an arrow from before to after.
//!
//! ```text
//!   Central Election Commission          │ Senate; National Bank; …
//!   Senate        o──────>    0.0% → 21.4%  │ Senate        o────>   0.0% → 50.0%
//!   Maslikhats    <─────o    17.1% → 0.0%   │ …
//! ```
//!
//! Bodies whose moves read alike (the same principals, the same figures as printed) share
//! one block under all their names, and the blocks flow down two columns when there are many,
//! so that a reform touching a dozen bodies stays within a page at 7 pt.

use super::DiffView;
use super::figure::{LABEL, MARGIN, MOVED, SMALL, section};
use crate::model::i18n::tr;
use crate::output::chart::{Anchor, GREY, RULE, Svg, WIDTH, text_width, wrap};
use crate::output::escape::xml;
use crate::output::fmt::pct;

/// Line height of a row, in pt.
const ROW: f64 = 8.0;
/// Room at the right of each column for `52.7% → 12.5%`.
const VALUES: f64 = 56.0;
/// Between the two columns.
const GUTTER: f64 = 14.0;
/// Above this many lines in one column the blocks go to two.
const ONE_COLUMN: usize = 14;

/// One principal's move in a body: its id and its share before and after.
type Move<'a> = (&'a str, f64, f64);

/// Bodies that moved alike, and their moves, largest first.
struct Block<'a> {
    bodies: Vec<&'a str>,
    moves: Vec<Move<'a>>,
}

/// The blocks in the order of the diff's bodies, each block at its first body.
fn blocks<'a>(v: &'a DiffView) -> Vec<Block<'a>> {
    let mut out: Vec<Block> = Vec::new();
    for b in &v.delta.diff.bodies {
        let mut moves: Vec<Move> = b
            .control
            .iter()
            .filter(|(_, (a, z))| (a - z).abs() >= MOVED)
            .map(|(p, (a, z))| (p.as_str(), *a, *z))
            .collect();
        if moves.is_empty() {
            continue;
        }
        moves.sort_by(|p, q| {
            let d = |m: &Move| (m.2 - m.1).abs();
            d(q).total_cmp(&d(p)).then(p.0.cmp(q.0))
        });
        // Alike as printed: the figure shows one decimal.
        let printed = |m: &[Move]| -> Vec<(String, String, String)> {
            m.iter()
                .map(|(p, a, z)| (p.to_string(), pct(*a), pct(*z)))
                .collect()
        };
        match out
            .iter_mut()
            .find(|k| printed(&k.moves) == printed(&moves))
        {
            Some(k) => k.bodies.push(&b.id),
            None => out.push(Block {
                bodies: vec![&b.id],
                moves,
            }),
        }
    }
    out
}

/// A block laid out at a column's width: its heading's lines and each move's name's lines.
struct Laid<'a> {
    heading: Vec<String>,
    moves: Vec<(Move<'a>, Vec<String>)>,
}

impl Laid<'_> {
    fn lines(&self) -> usize {
        self.heading.len() + self.moves.iter().map(|m| m.1.len()).sum::<usize>()
    }

    fn height(&self) -> f64 {
        self.lines() as f64 * ROW + 3.0
    }
}

/// The x-ranges of a column's parts: where the principal's name starts and how wide it may
/// be, and the axis.
struct Column {
    x: f64,
    width: f64,
    who: f64,
    axis: (f64, f64),
}

impl Column {
    /// A column at `x`, `width` wide, whose names' part is at least `word` wide (the
    /// longest word of a principal's name, so that names wrap between words, never inside
    /// one).
    fn new(x: f64, width: f64, word: f64) -> Column {
        let who = ((width - VALUES) * 0.5).max(word + 4.0).min(124.0);
        Column {
            x,
            width,
            who,
            axis: (x + who + 6.0, x + width - VALUES - 4.0),
        }
    }

    fn at(&self, s: f64) -> f64 {
        self.axis.0 + s.clamp(0.0, 1.0) * (self.axis.1 - self.axis.0)
    }
}

fn lay<'a>(v: &'a DiffView, b: Block<'a>, c: &Column) -> Laid<'a> {
    let names: Vec<&str> = b.bodies.iter().map(|id| v.name(id)).collect();
    // Bold runs about a tenth wider than `text_width` measures.
    let heading = wrap(&names.join("; "), LABEL, (c.width - 4.0) / 1.12);
    let moves = b
        .moves
        .into_iter()
        .map(|m| {
            let who = wrap(v.name(m.0), SMALL, c.who - 4.0);
            (m, who)
        })
        .collect();
    Laid { heading, moves }
}

/// Where the blocks split between two columns: the first index of the second, so that the
/// taller column is as short as it can be.
pub(super) fn split(heights: &[f64]) -> usize {
    let total: f64 = heights.iter().sum();
    let mut best = (f64::INFINITY, heights.len());
    let mut left = 0.0;
    for k in 0..=heights.len() {
        let tallest = f64::max(left, total - left);
        // On a tie the left column takes more: it is read first.
        if tallest <= best.0 {
            best = (tallest, k);
        }
        left += heights.get(k).copied().unwrap_or(0.0);
    }
    best.1
}

/// B: per block of bodies, an arrow per principal from its share before to its share after;
/// the colours are the principals' (each is also named).
pub fn moved(svg: &mut Svg, y: f64, v: &DiffView, colours: &[(String, &'static str)]) -> f64 {
    let all = blocks(v);
    if all.is_empty() {
        return y;
    }
    let y = section(
        svg,
        y,
        tr(
            v.lang,
            "B. Integrated control that moved by half a point or more, before → after",
        ),
    );
    let full = WIDTH - 2.0 * MARGIN;
    let word = all
        .iter()
        .flat_map(|b| &b.moves)
        .flat_map(|m| v.name(m.0).split_whitespace())
        .map(|w| text_width(w, SMALL))
        .fold(0.0, f64::max);
    let one = Column::new(MARGIN, full, word);
    let lines: usize = all.iter().map(|b| 1 + b.moves.len()).sum::<usize>().max(1);
    let columns: Vec<Column> = if lines <= ONE_COLUMN {
        vec![one]
    } else {
        let w = (full - GUTTER) / 2.0;
        vec![
            Column::new(MARGIN, w, word),
            Column::new(MARGIN + w + GUTTER, w, word),
        ]
    };
    let laid: Vec<Laid> = all.into_iter().map(|b| lay(v, b, &columns[0])).collect();
    let at = if columns.len() == 2 {
        split(&laid.iter().map(Laid::height).collect::<Vec<_>>())
    } else {
        laid.len()
    };
    svg.raw(
        r##"<defs><marker id="head" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="4.5" markerHeight="4.5" orient="auto-start-reverse"><path d="M0,0 L6,3 L0,6 z" fill="context-stroke"/></marker></defs>"##,
    );
    let top = y + 2.0;
    let mut bottom = top;
    let mut laid = laid.into_iter();
    let parts: Vec<Vec<Laid>> = vec![laid.by_ref().take(at).collect(), laid.collect()];
    for (c, part) in columns.iter().zip(parts) {
        let mut ry = top;
        for (i, b) in part.into_iter().enumerate() {
            ry = block(svg, ry, v, c, b, i % 2 == 1, colours);
        }
        // Each column's scale right under its last block.
        axis(svg, c, ry);
        bottom = f64::max(bottom, ry);
    }
    bottom + 12.0
}

/// One block from `y`; returns the y below it.
fn block(
    svg: &mut Svg,
    y: f64,
    v: &DiffView,
    c: &Column,
    b: Laid,
    stripe: bool,
    colours: &[(String, &'static str)],
) -> f64 {
    let h = b.height();
    if stripe {
        svg.raw(&format!(
            r##"<rect x="{:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="#f2f2f2"/>"##,
            c.x, c.width
        ));
    }
    // The gridlines run beside the moves, not through the bodies' names above them.
    grid(svg, c, y + 1.5 + b.heading.len() as f64 * ROW, y + h);
    let line_y = |k: usize| y + 1.5 + (k as f64 + 0.5) * ROW;
    for (k, line) in b.heading.iter().enumerate() {
        svg.text(
            c.x + 2.0,
            line_y(k) + 2.6,
            LABEL,
            Anchor::Start,
            r#"font-weight="bold""#,
            line,
        );
    }
    let mut k = b.heading.len();
    for ((p, before, after), who) in b.moves {
        let cy = line_y(k);
        let colour = colours
            .iter()
            .find(|(id, _)| id == p)
            .map_or(GREY, |(_, c)| c);
        for (i, line) in who.iter().enumerate() {
            svg.text(
                c.x + 6.0,
                cy + 2.5 + i as f64 * ROW,
                SMALL,
                Anchor::Start,
                &format!(r#"fill="{colour}""#),
                line,
            );
        }
        k += who.len();
        let tip = format!("{}: {} -> {}", v.name(p), pct(before), pct(after));
        svg.raw(&format!(
            r#"<g class="move"><title>{}</title><circle cx="{:.1}" cy="{cy:.1}" r="1.6" fill="none" stroke="{colour}" stroke-width="0.8"/><line x1="{:.1}" y1="{cy:.1}" x2="{:.1}" y2="{cy:.1}" stroke="{colour}" stroke-width="1.3" marker-end="url(#head)"/></g>"#,
            xml(&tip),
            c.at(before),
            c.at(before),
            c.at(after)
        ));
        svg.text(
            c.x + c.width - 1.0,
            cy + 2.5,
            SMALL,
            Anchor::End,
            "",
            &format!("{} → {}", pct(before), pct(after)),
        );
    }
    y + h
}

/// A column's gridlines from `top` to `bottom`, one half dashed.
fn grid(svg: &mut Svg, c: &Column, top: f64, bottom: f64) {
    for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let style = if t == 0.5 {
            format!(r#"stroke="{GREY}" stroke-width="0.6" stroke-dasharray="2 1.5""#)
        } else {
            format!(r#"stroke="{RULE}" stroke-width="0.5""#)
        };
        svg.line((c.at(t), top), (c.at(t), bottom), &style);
    }
}

/// A column's ticks below `bottom`.
fn axis(svg: &mut Svg, c: &Column, bottom: f64) {
    for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
        if t != 0.25 && t != 0.75 {
            let label = format!("{:.0}%", t * 100.0);
            // The end ticks stay inside the axis so two columns' labels never meet.
            let (x, anchor) = match t {
                0.0 => (c.at(t) - text_width("0", SMALL) / 2.0, Anchor::Start),
                1.0 => (c.at(t) + text_width("0", SMALL) / 2.0, Anchor::End),
                _ => (c.at(t), Anchor::Middle),
            };
            svg.text(
                x,
                bottom + 9.0,
                SMALL,
                anchor,
                &format!(r#"fill="{GREY}""#),
                &label,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_split_keeps_the_taller_column_short() {
        assert_eq!(split(&[10.0, 10.0, 10.0, 10.0]), 2);
        assert_eq!(split(&[30.0, 5.0, 5.0, 5.0]), 1);
        assert_eq!(split(&[5.0]), 1);
    }
}

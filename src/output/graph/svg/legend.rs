//! The legend: only the principals and the kinds of arrow the figure shows, each entry
//! followed by the next on the same line while the width allows, a section per heading
//! (principals, arrows, reforms). Two columns of one entry a line took a third of a page's
//! height under a Court's chain; flowing, the same entries take a few lines.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::text_width;
use super::{MARGIN, SMALL_SIZE, change_color, dash, marker_id, num, paint, stroke_width};
use crate::model::Lang;
use crate::model::i18n::tr;
use crate::output::escape::xml;
use crate::output::graph::print::wrap;
use crate::output::graph::{Arrow, Change, Class, Graph};

/// The legend's text: the figure's smallest.
const SIZE: f64 = SMALL_SIZE;
const ROW: f64 = SIZE + 3.0;
/// Inside the legend's frame, around its lines.
const PAD: f64 = 7.0;
/// Between two entries on a line.
const ENTRY_GAP: f64 = 14.0;
const SWATCH_W: f64 = 15.0;
const SAMPLE_W: f64 = 34.0;

enum Entry {
    Swatch(String, String),
    Line(Class, Change, String),
    Text(String),
}

impl Entry {
    /// Where the entry's text starts, from its left.
    fn indent(&self) -> f64 {
        match self {
            Entry::Swatch(..) => SWATCH_W + 5.0,
            Entry::Line(..) => SAMPLE_W + 8.0,
            Entry::Text(_) => 0.0,
        }
    }

    fn text(&self) -> &str {
        match self {
            Entry::Swatch(_, t) | Entry::Line(_, _, t) | Entry::Text(t) => t,
        }
    }
}

/// A piece of the legend where the layout put it: the entry's sample (if this is the
/// entry's first line), its text, and the line it is on.
struct Placed<'a> {
    entry: &'a Entry,
    sample: bool,
    text: String,
    bold: bool,
    x: f64,
    line: usize,
}

pub(super) struct Legend {
    sections: Vec<(String, Vec<Entry>)>,
    /// The width the entries flow in, set by [`Legend::fit`].
    avail: f64,
}

impl Legend {
    pub(super) fn new(g: &Graph, arrows: &[Arrow], lang: Lang) -> Legend {
        let mut principals: Vec<Entry> = g
            .principals_shown()
            .map(|p| {
                let name = g.node(p).map_or(*p, |n| n.body.name(lang));
                Entry::Swatch(
                    g.swatches.get(*p).map_or("#cccccc".to_string(), paint),
                    name.to_string(),
                )
            })
            .collect();
        for text in [
            "fill: the principal with the largest share (paler = smaller)",
            "bar: integrated control by principal, the shares on it (hatched for print)",
            "double border: a principal",
        ] {
            principals.push(Entry::Text(tr(lang, text).into()));
        }
        let present: BTreeSet<Class> = arrows.iter().map(|a| a.class).collect();
        let mut kinds: Vec<Entry> = Class::ALL
            .iter()
            .filter(|c| present.contains(c))
            .map(|c| Entry::Line(*c, Change::Same, tr(lang, c.legend()).to_string()))
            .collect();
        for text in [
            "one arrow per pair of bodies, in the style of its first kind;",
            "its label: seats filled / the body's seats, then the other powers",
        ] {
            kinds.push(Entry::Text(tr(lang, text).into()));
        }
        let mut sections = vec![
            (tr(lang, "Principals").to_string(), principals),
            (tr(lang, "Arrows").to_string(), kinds),
        ];
        let changes: Vec<Entry> = [
            (Change::Added, "added by reform"),
            (
                Change::Changed,
                "changed by reform (seats, channels or attributes)",
            ),
            (Change::Removed, "removed by reform"),
        ]
        .into_iter()
        .filter(|(change, _)| {
            g.nodes.iter().any(|n| n.change == *change)
                || arrows.iter().any(|a| a.change == *change)
        })
        .map(|(change, text)| Entry::Line(Class::Appointment, change, tr(lang, text).to_string()))
        .collect();
        if !changes.is_empty() {
            sections.push((tr(lang, "Reforms").to_string(), changes));
        }
        Legend {
            sections,
            avail: f64::INFINITY,
        }
    }

    /// The entries flow in `width` (the frame's, padding included).
    pub(super) fn fit(&mut self, width: f64) {
        self.avail = (width - 2.0 * PAD).max(1.0);
    }

    /// Each section starts a line with its heading; its entries follow on that line while
    /// they fit, then on the next; an entry wider than a line wraps under its own text.
    fn placed(&self) -> Vec<Placed<'_>> {
        let mut out = Vec::new();
        let mut line = 0;
        let width = |t: &str, bold: bool| text_width(t, SIZE, bold);
        for (si, (heading, entries)) in self.sections.iter().enumerate() {
            if si > 0 {
                line += 1;
            }
            let Some(first) = entries.first() else {
                continue;
            };
            out.push(Placed {
                entry: first,
                sample: false,
                text: format!("{heading}:"),
                bold: true,
                x: 0.0,
                line,
            });
            let mut x = width(&format!("{heading}:"), true) + ENTRY_GAP * 0.6;
            for e in entries {
                let indent = e.indent();
                let pieces = wrap(e.text(), self.avail - indent, |t| width(t, false));
                let w = indent + width(e.text(), false);
                if x > 0.0 && (x + w > self.avail || pieces.len() > 1) {
                    line += 1;
                    x = 0.0;
                }
                for (i, p) in pieces.iter().enumerate() {
                    if i > 0 {
                        line += 1;
                    }
                    out.push(Placed {
                        entry: e,
                        sample: i == 0,
                        text: p.clone(),
                        bold: false,
                        x: x + indent,
                        line,
                    });
                }
                x += if pieces.len() > 1 {
                    self.avail
                } else {
                    w + ENTRY_GAP
                };
            }
        }
        out
    }

    fn lines_used(&self) -> usize {
        self.placed().last().map_or(0, |p| p.line + 1)
    }

    /// The frame's width: the longest line's, padding included.
    pub(super) fn width(&self) -> f64 {
        self.placed()
            .iter()
            .map(|p| p.x + text_width(&p.text, SIZE, p.bold))
            .fold(0.0, f64::max)
            + 2.0 * PAD
    }

    pub(super) fn height(&self) -> f64 {
        self.lines_used() as f64 * ROW + 2.0 * PAD - 3.0
    }

    /// The arrow samples' colours and heads, for the markers.
    pub(super) fn lines(&self) -> impl Iterator<Item = (Class, Change)> + '_ {
        self.sections
            .iter()
            .flat_map(|c| &c.1)
            .filter_map(|r| match r {
                Entry::Line(class, change, _) => Some((*class, *change)),
                _ => None,
            })
    }

    pub(super) fn draw(&self, out: &mut String, top: f64, width: f64) {
        out.push_str("<g class=\"legend\">\n");
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"5\" fill=\"#fafafa\" stroke=\"#cccccc\"/>",
            num(MARGIN),
            num(top),
            num(width),
            num(self.height())
        );
        let left = MARGIN + PAD;
        for p in self.placed() {
            let y = top + PAD + p.line as f64 * ROW + SIZE * 0.8;
            let (text_x, color) = if p.bold {
                (left + p.x, "#1a1a1a")
            } else {
                let x0 = left + p.x - p.entry.indent();
                match p.entry {
                    Entry::Swatch(color, _) if p.sample => {
                        let _ = writeln!(
                            out,
                            "<rect class=\"swatch\" x=\"{}\" y=\"{}\" width=\"{SWATCH_W}\" height=\"9\" fill=\"{color}\" stroke=\"#555555\" stroke-width=\"0.6\"/>",
                            num(x0),
                            num(y - 8.0)
                        );
                        (left + p.x, "#1a1a1a")
                    }
                    Entry::Line(class, change, _) if p.sample => {
                        line_sample(out, x0, y - 3.5, *class, *change);
                        (left + p.x, "#1a1a1a")
                    }
                    Entry::Text(_) => (left + p.x, "#424242"),
                    _ => (left + p.x, "#1a1a1a"),
                }
            };
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{SIZE}\"{} fill=\"{color}\">{}</text>",
                num(text_x),
                num(y),
                if p.bold { " font-weight=\"bold\"" } else { "" },
                xml(&p.text)
            );
        }
        out.push_str("</g>\n");
    }
}

fn line_sample(out: &mut String, x: f64, y: f64, class: Class, change: Change) {
    let color = change_color(class, change);
    let _ = writeln!(
        out,
        "<path d=\"M{},{} L{},{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{}\"{} marker-end=\"url(#{})\"/>",
        num(x),
        num(y),
        num(x + SAMPLE_W - 4.0),
        num(y),
        stroke_width(class, change),
        dash(class)
            .map(|d| format!(" stroke-dasharray=\"{d}\""))
            .unwrap_or_default(),
        marker_id(color, class == Class::Other)
    );
}

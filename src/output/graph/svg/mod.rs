//! `svg`: the picture, drawn without Graphviz: bodies in layers by appointment depth
//! (`placement`), each filled with its largest principal's colour and carrying a bar of
//! its integrated control by principal with the shares written on it; arrows styled by kind,
//! labelled with seats; a title with the headline ([`title`]) and a legend ([`legend`]).
//! Hovering a body or an arrow shows its details.
//!
//! ```text
//!   ┌ title: dataset, date, reforms, weights, headline ─────────────┐
//!   │            [body]        [body]                               │
//!   │           ╱      ╲         │         the layered graph        │
//!   │     [body]        [body] [body]                               │
//!   ├ legend: principals: ■ … ■ …   arrows: → … → …   reforms: … ──┤
//!   └────────────────────────────────────────────────────────────────┘
//! ```

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

mod legend;
mod title;

use legend::Legend;
use title::{draw_title, reforms_text, title, wrap_title};

use super::bundle::{self, Bundle, LabelLine};
use super::colour::{Hatch, Swatch};
use super::placement::grid::Grid;
use super::placement::{self, Fit, Input, Pt, Rect};
use super::print::{wrap, wrap_joined};
use super::{ADDED_COLOR, CHANGED_COLOR, Change, Class, Graph, Node, REMOVED_COLOR};
use crate::model::Lang;
use crate::model::i18n::{lookup, tr, word};
use crate::output::escape::xml;
use crate::output::export::Snapshot;
use crate::output::fmt::pct;
use crate::t;

/// Fonts with Cyrillic and the Kazakh letters, then the generic family: whatever the viewer
/// has, a name never falls back to boxes.
const FONT: &str = "DejaVu Sans, Noto Sans, Liberation Sans, Arial, Helvetica, sans-serif";
/// The smallest text of the figure: the print size scales it to the chosen font size.
const MIN_TEXT: f64 = SMALL_SIZE;
/// The widths a body's text wraps at, in turn, while the figure is wider than asked.
const WRAPPED_TEXT: [f64; 4] = [190.0, 150.0, 118.0, 96.0];
/// The widest a layer's bodies may be, as parts of the width asked for, in turn, when
/// stacking them is what makes the figure fit (the arrows passing a layer take the rest).
const STACKED_LAYER: [f64; 5] = [1.0, 0.85, 0.7, 0.55, 0.4];
/// Beyond this many bodies a figure is no page's: it is not stacked to fit one.
const STACKED_BODIES: usize = 150;
const NAME_LINE: f64 = 14.0;
const SMALL_LINE: f64 = 12.5;
/// Round the figure: a journal sets its own margins.
const MARGIN: f64 = 12.0;
const NAME_SIZE: f64 = 12.0;
const SMALL_SIZE: f64 = 10.0;
/// Room for a line of name, a line of facts and the bar with its values on it.
const NODE_HEIGHT: f64 = 55.0;
/// The bar's top, from the bottom of its body, and its height: tall enough for its values.
const BAR_BOTTOM: f64 = 18.0;
const BAR_HEIGHT: f64 = 12.0;
/// Beside a body's text: what the rounded corners need, no more (a narrower box leaves
/// its name on fewer lines).
const NODE_PADDING: f64 = 12.0;
const MIN_NODE_WIDTH: f64 = 100.0;
const LABEL_SIZE: f64 = 10.0;
const ADDED_BADGE: &str = "new";
const CHANGED_BADGE: &str = "changed";

/// An estimate of the width of `s` in a sans-serif font of `size` pixels, generous enough
/// for DejaVu Sans (the widest of the usual fallbacks), so that boxes fit their text without
/// measuring it.
pub fn text_width(s: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            ' ' => 0.32,
            'i' | 'l' | 'j' | 'I' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' | '(' | ')' => 0.34,
            'f' | 't' | 'r' | '-' => 0.44,
            'm' | 'w' | 'M' | 'W' | 'Ш' | 'Щ' | 'Ж' | 'Ю' | 'ш' | 'щ' | 'ж' | 'ю' | 'Ы' | 'ы'
            | '%' => 0.92,
            c if c.is_uppercase() => 0.74,
            c if c.is_ascii_digit() => 0.64,
            _ => 0.62,
        })
        .sum();
    em * size * if bold { 1.1 } else { 1.0 }
}

fn num(x: f64) -> String {
    format!("{x:.1}")
}

fn dash(class: Class) -> Option<&'static str> {
    match class {
        Class::Consent | Class::DismissalForCause => Some("7 4"),
        Class::Accountability => Some("1.5 3.5"),
        _ => None,
    }
}

fn stroke_width(class: Class, change: Change) -> f64 {
    let base = match class {
        Class::Dissolution => 3.2,
        Class::Recommendation | Class::Other => 1.0,
        Class::Accountability => 1.8,
        _ => 1.4,
    };
    if matches!(change, Change::Added | Change::Changed) {
        base + 1.2
    } else {
        base
    }
}

/// An arrow's colour: its kind's, unless a reform added, changed or removed it.
fn change_color(class: Class, change: Change) -> &'static str {
    match change {
        Change::Same => class.color(),
        Change::Added => ADDED_COLOR,
        Change::Changed => CHANGED_COLOR,
        Change::Removed => REMOVED_COLOR,
    }
}

/// The id of an arrowhead marker: its colour, and whether it is open.
fn marker_id(color: &str, open: bool) -> String {
    format!(
        "{}-{}",
        if open { "open" } else { "head" },
        color.trim_start_matches('#')
    )
}

struct Lines {
    name: Vec<String>,
    facts: Vec<String>,
    control: Vec<String>,
}

/// A body's text, its name and facts wrapped at `max` (unbounded: one line each).
fn lines(g: &Graph, n: &Node, lang: Lang, max: f64) -> Lines {
    let b = n.body;
    let mut facts = if lang == Lang::En {
        vec![
            format!("{} seat{}", b.seats, if b.seats == 1 { "" } else { "s" }),
            b.branch.to_string(),
        ]
    } else {
        vec![
            t!(lang, "{n} seats", n = b.seats),
            word(lang, "branch", b.branch.as_str()).to_string(),
        ]
    };
    if b.independent {
        facts.push(tr(lang, "independent").to_string());
    }
    let control = if n.change == Change::Removed {
        tr(lang, "removed by reform").to_string()
    } else {
        let line = g.largest_line(n, lang).unwrap_or_default();
        lookup(lang, &line).map_or(line, str::to_string)
    };
    Lines {
        name: wrap(b.name(lang), max, |t| text_width(t, NAME_SIZE, true)),
        facts: wrap_joined(&facts, " · ", max, |t| text_width(t, SMALL_SIZE, false)),
        control: wrap(&control, max, |t| text_width(t, SMALL_SIZE, false)),
    }
}

/// `<tspan>`s, one per line, centred on `x`; every line but the last keeps its trailing
/// space, so that the element's text is the whole name again.
fn tspans(lines: &[String], x: f64, line_height: f64) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let space = if i + 1 < lines.len() { " " } else { "" };
            let dy = if i == 0 { 0.0 } else { line_height };
            format!(
                "<tspan x=\"{}\" dy=\"{}\">{}{space}</tspan>",
                num(x),
                num(dy),
                xml(l)
            )
        })
        .collect()
}

fn node_tooltip(n: &Node, lang: Lang, g: &Graph) -> String {
    let b = n.body;
    let mut t = format!(
        "{} ({})\n{} / {} / {}",
        b.name(lang),
        b.id,
        b.names.en,
        b.names.ru,
        b.names.kk
    );
    let mut control: Vec<(&String, &f64)> = n
        .analysis
        .control
        .iter()
        .filter(|(_, v)| **v >= 0.0005)
        .collect();
    control.sort_by(|x, y| y.1.total_cmp(x.1).then_with(|| x.0.cmp(y.0)));
    for (p, v) in control {
        let name = g.node(p).map_or(p.as_str(), |x| x.body.name(lang));
        let _ = write!(t, "\n{name}: {}", pct(*v));
    }
    let _ = write!(t, "\nHHI {:.3}\n{}", n.analysis.hhi, b.source);
    t
}

fn draw_node(out: &mut String, g: &Graph, n: &Node, r: &Rect, lang: Lang, max: f64) {
    let l = lines(g, n, lang, max);
    let removed = n.change == Change::Removed;
    let (stroke, width, dash) = match n.change {
        Change::Same => ("#555555", 1.0, ""),
        Change::Added => (ADDED_COLOR, 3.0, ""),
        Change::Changed => (CHANGED_COLOR, 3.0, ""),
        Change::Removed => (REMOVED_COLOR, 1.5, " stroke-dasharray=\"6 4\""),
    };
    let text_color = if removed { "#8c8c8c" } else { "#1a1a1a" };
    let _ = writeln!(out, "<g class=\"body\" id=\"body-{}\">", xml(n.id()));
    let _ = writeln!(out, "<title>{}</title>", xml(&node_tooltip(n, lang, g)));
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"7\" fill=\"{}\" stroke=\"{stroke}\" stroke-width=\"{width}\"{dash}/>",
        num(r.x),
        num(r.y),
        num(r.w),
        num(r.h),
        g.fill(n)
    );
    if n.principal && !removed {
        // A double border marks a principal, as in the DOT export.
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"5\" fill=\"none\" stroke=\"#555555\" stroke-width=\"1\"/>",
            num(r.x + 3.0),
            num(r.y + 3.0),
            num(r.w - 6.0),
            num(r.h - 6.0)
        );
    }
    let cx = r.cx();
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{NAME_SIZE}\" font-weight=\"bold\" fill=\"{text_color}\">{}</text>",
        num(cx),
        num(r.y + 17.0),
        tspans(&l.name, cx, NAME_LINE)
    );
    let below_name = r.y + 30.5 + (l.name.len() - 1) as f64 * NAME_LINE;
    // What a reform did to the body ends the line of facts, in the reform's colour.
    let badge = match n.change {
        Change::Added => format!(
            " · <tspan fill=\"{ADDED_COLOR}\" font-weight=\"bold\">{}</tspan>",
            tr(lang, ADDED_BADGE)
        ),
        Change::Changed => format!(
            " · <tspan fill=\"{CHANGED_COLOR}\" font-weight=\"bold\">{}</tspan>",
            tr(lang, CHANGED_BADGE)
        ),
        _ => String::new(),
    };
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{SMALL_SIZE}\" fill=\"{}\">{}{badge}</text>",
        num(cx),
        num(below_name),
        if removed { "#8c8c8c" } else { "#424242" },
        tspans(&l.facts, cx, SMALL_LINE)
    );
    if removed {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{SMALL_SIZE}\" fill=\"#8c8c8c\">{}</text>",
            num(cx),
            num(below_name + 13.0 + (l.facts.len() - 1) as f64 * SMALL_LINE),
            tspans(&l.control, cx, SMALL_LINE)
        );
    } else {
        // The bar: integrated control by principal, in legend order, each share's value on
        // its part where it fits beside the one before (a white halo keeps it legible on any
        // colour). The largest principal's name is the fill's and the tooltip's: a line of
        // its own told the reader what the bar already did.
        let (x0, w) = (r.x + 10.0, r.w - 20.0);
        let top = r.y + r.h - BAR_BOTTOM;
        let mut x = x0;
        let mut values = String::new();
        let mut free_from = x0;
        for p in &g.principals {
            let share = n.analysis.control_of(p);
            if share <= 0.0 {
                continue;
            }
            let color = g.swatches.get(*p).map_or("#cccccc".to_string(), paint);
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{BAR_HEIGHT}\" fill=\"{color}\" stroke=\"#555555\" stroke-width=\"0.4\"/>",
                num(x),
                num(top),
                num(w * share)
            );
            let value = pct(share);
            let half = text_width(&value, SMALL_SIZE, false) / 2.0;
            let centre = (x + w * share / 2.0).clamp(x0 + half, x0 + w - half);
            if centre - half >= free_from {
                let _ = write!(
                    values,
                    "<tspan x=\"{}\">{}</tspan>",
                    num(centre),
                    xml(&value)
                );
                free_from = centre + half + 4.0;
            }
            x += w * share;
        }
        if !values.is_empty() {
            let _ = writeln!(
                out,
                "<text class=\"bar-values\" y=\"{}\" text-anchor=\"middle\" font-size=\"{SMALL_SIZE}\" fill=\"#1a1a1a\" stroke=\"#ffffff\" stroke-width=\"2.6\" stroke-linejoin=\"round\" paint-order=\"stroke\">{values}</text>",
                num(top + BAR_HEIGHT / 2.0 + SMALL_SIZE * 0.36)
            );
        }
    }
    out.push_str("</g>\n");
}

/// Places the arrows' labels along their last curves, each where it overlaps neither a body
/// nor a label placed before it: near the target first, then beside the curve, then anywhere
/// along the arrow; failing all, where it overlaps no other label, and failing that, where it
/// overlaps the least.
fn place_labels(labels: &[Vec<LabelLine>], laid: &placement::Output) -> Vec<(Pt, usize)> {
    // Near the target first, where ports give each label its room.
    const CHOICES: [f64; 9] = [0.86, 0.78, 0.92, 0.7, 0.62, 0.54, 0.46, 0.38, 0.3];
    let mut taken: Vec<Rect> = laid.boxes.clone();
    let bodies = taken.len();
    // The grid answers the common question (is this spot free?) without a scan.
    let mut grid = Grid::new(laid.boxes.iter().copied());
    let mut out = Vec::new();
    for (i, lines) in labels.iter().enumerate() {
        if lines.is_empty() {
            continue;
        }
        let (w, h) = (label_width(lines), label_height(lines));
        let boxed = |p: Pt| Rect {
            x: p.x - w / 2.0,
            y: p.y - h / 2.0,
            w,
            h,
        };
        let route = &laid.routes[i];
        let on_curve: Vec<Pt> = CHOICES.iter().map(|t| route.label_at(*t)).collect();
        let beside = on_curve.iter().flat_map(|p| {
            [-1.0, 1.0].map(|side| Pt {
                x: p.x + side * (w / 2.0 + 3.0),
                y: p.y,
            })
        });
        let samples = route.samples();
        // Off the curve, further out, only when nothing nearer is free: a crowded gap of a
        // whole system otherwise put two labels over each other.
        let farther: Vec<Pt> = on_curve
            .iter()
            .chain(samples.iter().rev())
            .flat_map(|p| {
                [
                    (-1.0, 0.0),
                    (1.0, 0.0),
                    (0.0, -1.0),
                    (0.0, 1.0),
                    (-2.0, 0.0),
                    (2.0, 0.0),
                ]
                .map(|(sx, sy)| Pt {
                    x: p.x + sx * (w / 2.0 + 3.0) + sx.signum() * 3.0,
                    y: p.y + sy * (h + 2.0),
                })
            })
            .collect();
        let candidates: Vec<Pt> = on_curve
            .iter()
            .copied()
            .chain(beside)
            .chain(samples.into_iter().rev())
            .chain(farther)
            .collect();
        let overlap = |p: Pt, from: usize| -> f64 {
            let b = boxed(p);
            taken[from..]
                .iter()
                .map(|r| {
                    let dx = (b.x + b.w).min(r.x + r.w) - b.x.max(r.x);
                    let dy = (b.y + b.h).min(r.y + r.h) - b.y.max(r.y);
                    dx.max(0.0) * dy.max(0.0)
                })
                .sum()
        };
        let at = candidates
            .iter()
            .find(|p| !grid.overlaps(&boxed(**p)))
            .or_else(|| {
                candidates
                    .iter()
                    .find(|p| !taken[bodies..].iter().any(|r| r.overlaps(&boxed(**p))))
            })
            .copied()
            .unwrap_or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .min_by(|a, b| overlap(*a, bodies).total_cmp(&overlap(*b, bodies)))
                    .unwrap_or(on_curve[0])
            });
        taken.push(boxed(at));
        grid.push(boxed(at));
        out.push((at, i));
    }
    out
}

/// A label centred on `p`, a line per kind in its colour (a reform's colour when a reform
/// added, changed or removed the arrow).
fn draw_label(out: &mut String, p: Pt, lines: &[LabelLine], change: Change) {
    let top = p.y - label_height(lines) / 2.0 + LABEL_SIZE * 0.85;
    let spans: String = lines
        .iter()
        .enumerate()
        .map(|(i, (text, color))| {
            let color = if change == Change::Same {
                color
            } else {
                change_color(Class::Appointment, change)
            };
            format!(
                "<tspan x=\"{}\" y=\"{}\" fill=\"{color}\">{}</tspan>",
                num(p.x),
                num(top + i as f64 * LABEL_LINE),
                xml(text)
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "<text text-anchor=\"middle\" font-size=\"{LABEL_SIZE}\" font-weight=\"bold\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">{spans}</text>"
    );
}

const LABEL_LINE: f64 = LABEL_SIZE + 1.5;

fn label_height(lines: &[LabelLine]) -> f64 {
    lines.len() as f64 * LABEL_LINE + 0.5
}

fn label_width(lines: &[LabelLine]) -> f64 {
    lines
        .iter()
        .map(|(t, _)| text_width(t, LABEL_SIZE, true) + 4.0)
        .fold(0.0, f64::max)
}

/// The width and height of a body's box: room for its name, its facts and its bar.
fn node_size(g: &Graph, n: &Node, lang: Lang, max: f64) -> (f64, f64) {
    let l = lines(g, n, lang, max);
    let badge = match n.change {
        Change::Added => ADDED_BADGE,
        Change::Changed => CHANGED_BADGE,
        _ => "",
    };
    let widest = |lines: &[String], size: f64, bold: bool| {
        lines
            .iter()
            .map(|t| text_width(t, size, bold))
            .fold(0.0, f64::max)
    };
    let last_facts = format!("{} · {badge}", l.facts.last().map_or("", String::as_str));
    // The line of control is drawn only for a body a reform removed, in place of its bar.
    let control: &[String] = if n.change == Change::Removed {
        &l.control
    } else {
        &[]
    };
    let w = widest(&l.name, NAME_SIZE, true)
        .max(widest(&l.facts, SMALL_SIZE, false))
        .max(text_width(&last_facts, SMALL_SIZE, true))
        .max(
            control
                .iter()
                .map(|t| text_width(t, SMALL_SIZE, false))
                .fold(0.0, f64::max),
        )
        + 2.0 * NODE_PADDING;
    let extra = (l.name.len() - 1) as f64 * NAME_LINE
        + (l.facts.len() - 1 + control.len().saturating_sub(1)) as f64 * SMALL_LINE;
    (w.max(MIN_NODE_WIDTH).ceil(), NODE_HEIGHT + extra)
}

/// One arrowhead marker per colour and head shape in use.
fn draw_markers(out: &mut String, used: BTreeSet<(&'static str, bool)>) {
    out.push_str("<defs>\n");
    for (color, open) in used {
        let (fill, stroke) = if open {
            ("#ffffff", color)
        } else {
            (color, "none")
        };
        let _ = writeln!(
            out,
            "<marker id=\"{}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0.5,0.8 L9.5,5 L0.5,9.2 z\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.2\"/></marker>",
            marker_id(color, open)
        );
    }
    out.push_str("</defs>\n");
}

fn draw_arrows(
    out: &mut String,
    drawn: &[(Bundle, usize, usize)],
    laid: &placement::Output,
    s: &Snapshot,
) {
    out.push_str("<g class=\"arrows\">\n");
    // Removed arrows first, so that the state's own arrows are drawn over them.
    let mut order: Vec<usize> = (0..drawn.len()).collect();
    order.sort_by_key(|i| (drawn[*i].0.change() != Change::Removed, *i));
    let name = |id: &str| {
        s.dataset
            .body(id)
            .or_else(|| s.baseline.and_then(|(b, _)| b.body(id)))
            .map_or(id.to_string(), |b| b.name(s.lang).to_string())
    };
    for i in order {
        let b = &drawn[i].0;
        let a = b.primary();
        let color = change_color(a.class, a.change);
        let _ = writeln!(
            out,
            "<path d=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{}\"{} marker-end=\"url(#{})\"><title>{}</title></path>",
            laid.routes[i].path(),
            stroke_width(a.class, a.change),
            dash(a.class)
                .map(|d| format!(" stroke-dasharray=\"{d}\""))
                .unwrap_or_default(),
            marker_id(color, a.class == Class::Other),
            xml(&format!(
                "{} → {}\n{}",
                name(a.from),
                name(a.to),
                b.details_in(s.lang)
            ))
        );
    }
    out.push_str("</g>\n");
}

/// How a principal's share is painted: its colour, hatched for monochrome print.
fn paint(s: &Swatch) -> String {
    match s.hatch {
        None => s.color.to_string(),
        Some(_) => format!("url(#{})", hatch_id(s)),
    }
}

fn hatch_id(s: &Swatch) -> String {
    format!("hatch-{}", s.color.trim_start_matches('#'))
}

/// One pattern per hatched swatch in use: the colour, with dark lines or dots over it.
fn draw_hatches(out: &mut String, g: &Graph) {
    let used: BTreeSet<(&str, &str, i32)> = g
        .swatches
        .values()
        .filter_map(|s| {
            Some(match s.hatch? {
                Hatch::Lines(angle) => (s.color, "<path d=\"M2,0 L2,4\" stroke=\"#000000\" stroke-opacity=\"0.55\" stroke-width=\"0.9\"/>", angle),
                Hatch::Cross => (s.color, "<path d=\"M2,0 L2,4 M0,2 L4,2\" stroke=\"#000000\" stroke-opacity=\"0.55\" stroke-width=\"0.7\"/>", 45),
                Hatch::Dots => (s.color, "<circle cx=\"2\" cy=\"2\" r=\"0.9\" fill=\"#000000\" fill-opacity=\"0.55\"/>", 0),
            })
        })
        .collect();
    for (color, marks, angle) in used {
        let _ = writeln!(
            out,
            "<pattern id=\"hatch-{}\" patternUnits=\"userSpaceOnUse\" width=\"4\" height=\"4\" patternTransform=\"rotate({angle})\"><rect width=\"4\" height=\"4\" fill=\"{color}\"/>{marks}</pattern>",
            color.trim_start_matches('#')
        );
    }
}

/// The layered drawing of the bodies, their text wrapped at `max`.
fn lay_out(
    g: &Graph,
    nodes: &[&Node],
    drawn: &[(Bundle, usize, usize)],
    labels: &[Vec<LabelLine>],
    lang: Lang,
    max: f64,
    fit: Fit,
) -> placement::Output {
    let heights: Vec<f64> = labels.iter().map(|l| label_height(l)).collect();
    placement::layout_with(
        &Input {
            fit,
            sizes: nodes.iter().map(|n| node_size(g, n, lang, max)).collect(),
            edges: drawn
                .iter()
                .map(|(b, f, t)| (*f, *t, b.primary().class == Class::Appointment))
                .collect(),
            // Room at the target for the label's first line: the lines under it find their room
            // along the curve (`place_labels`), so a body many bundles reach stays narrow.
            labels: labels
                .iter()
                .map(|l| label_width(&l[..l.len().min(1)]))
                .collect(),
        },
        &heights,
    )
}

pub fn render(s: &Snapshot) -> String {
    drawn(s).0
}

/// The figure and its width in mm: wider than asked when a row of bodies cannot be narrower
/// at the chosen text size (text is never scaled down), which the caller may tell the user.
pub fn drawn(s: &Snapshot) -> (String, f64) {
    let g = Graph::new(s);
    let arrows = g.arrows();
    // Points per unit of the drawing: the smallest text prints at the chosen size.
    let scale = s.figure.font_pt / MIN_TEXT;
    // Whole units, so that the figure, rounded up to them, is no wider than asked.
    let target = (s.figure.width.pt() / scale - 2.0 * MARGIN).floor();

    // Bodies grouped by branch, so that layers start out with each branch together.
    let mut nodes: Vec<&Node> = g.nodes.iter().collect();
    nodes.sort_by(|a, b| (a.body.branch, a.id()).cmp(&(b.body.branch, b.id())));
    // The first body of an id, as a scan would find it, in constant time.
    let mut at: HashMap<&str, usize> = HashMap::with_capacity(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        at.entry(n.id()).or_insert(i);
    }
    let index = |id: &str| at.get(id).copied();
    // Parallel arrows merged: one per pair of bodies, labelled with all it stands for.
    let drawn: Vec<(Bundle, usize, usize)> = bundle::bundle(&arrows)
        .into_iter()
        .filter_map(|b| {
            let (f, t) = (index(b.from())?, index(b.to())?);
            Some((b, f, t))
        })
        .collect();
    let labels: Vec<Vec<LabelLine>> = drawn
        .iter()
        .map(|(b, _, _)| b.label_in(bundle::seats_of(&g, b.to()), s.lang))
        .collect();
    // Too wide for the width asked: narrower bodies, their names on more lines, as little
    // as it takes.
    let mut max = f64::INFINITY;
    let mut laid = lay_out(&g, &nodes, &drawn, &labels, s.lang, max, Fit::FREE);
    for narrower in WRAPPED_TEXT {
        if laid.width <= target {
            break;
        }
        max = narrower;
        laid = lay_out(&g, &nodes, &drawn, &labels, s.lang, max, Fit::FREE);
    }
    // Still too wide: less white space, then fewer columns (the bodies of a wide layer in
    // several layers), the shortest that fits or else the narrowest. A state too large for
    // a page is drawn as it is rather than laid out again and again.
    if laid.width > target && nodes.len() <= STACKED_BODIES {
        let stacked = STACKED_LAYER.map(|k| (k * target, false));
        let packed = STACKED_LAYER.map(|k| (k * target, true));
        let tries = std::iter::once((f64::INFINITY, false))
            .chain(stacked)
            .chain(packed);
        for (max_layer, packed) in tries {
            let fit = Fit {
                compact: true,
                max_layer,
                packed,
            };
            let tried = lay_out(&g, &nodes, &drawn, &labels, s.lang, max, fit);
            // Of the drawings that fit, the shortest (a page is only so tall); until one
            // fits, the narrowest.
            let better = if laid.width <= target {
                tried.width <= target && tried.height < laid.height
            } else {
                tried.width <= target || tried.width < laid.width
            };
            if better {
                laid = tried;
            }
        }
    }

    let mut legend = Legend::new(&g, &arrows, s.lang);
    let fits = laid.width.max(target);
    legend.fit(fits);
    let title = wrap_title(title(s), fits.max(legend.width()));
    let title_height = title::height(&title);
    let title_width = title
        .iter()
        .map(|l| text_width(&l.text, l.size, l.bold))
        .fold(0.0, f64::max);
    let graph_top = MARGIN + title_height + 6.0;
    // Room for the dips of arrows within the last layer.
    let graph_height = laid.height + laid.tail;
    let inner = laid.width.max(legend.width()).max(title_width).max(target);
    let width = (inner + 2.0 * MARGIN).ceil();
    let graph_left = MARGIN + (inner - laid.width) / 2.0;
    let legend_top = graph_top + graph_height + 6.0;
    let height = (legend_top + legend.height() + MARGIN).ceil();

    let mut out = String::new();
    let width_mm = width * scale * 25.4 / 72.0;
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}mm\" height=\"{}mm\" viewBox=\"0 0 {width} {height}\" font-family=\"{FONT}\">",
        num(width_mm),
        num(height * scale * 25.4 / 72.0)
    );
    let _ = writeln!(
        out,
        "<title>{}</title>",
        xml(&t!(
            s.lang,
            "{title} ({id}, reforms: {reforms})",
            title = s.dataset.prose(s.lang, &s.dataset.meta.title),
            id = s.dataset.meta.id,
            reforms = reforms_text(s)
        ))
    );
    let markers = drawn
        .iter()
        .map(|(b, _, _)| (b.primary().class, b.change()))
        .chain(legend.lines())
        .map(|(class, change)| (change_color(class, change), class == Class::Other))
        .collect();
    draw_markers(&mut out, markers);
    out.push_str("<defs>\n");
    draw_hatches(&mut out, &g);
    out.push_str("</defs>\n");
    out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    draw_title(&mut out, &title);

    let _ = writeln!(
        out,
        "<g class=\"graph\" transform=\"translate({},{})\">",
        num(graph_left),
        num(graph_top)
    );
    draw_arrows(&mut out, &drawn, &laid, s);
    out.push_str("<g class=\"bodies\">\n");
    for (i, n) in nodes.iter().enumerate() {
        draw_node(&mut out, &g, n, &laid.boxes[i], s.lang, max);
    }
    out.push_str("</g>\n<g class=\"labels\" id=\"labels\">\n");
    for (p, i) in place_labels(&labels, &laid) {
        draw_label(&mut out, p, &labels[i], drawn[i].0.change());
    }
    out.push_str("</g>\n</g>\n");
    legend.draw(&mut out, legend_top, inner);
    out.push_str("</svg>\n");
    (out, width_mm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_is_estimated_wider() {
        assert!(text_width("Constitutional Court", 12.0, false) > text_width("Court", 12.0, false));
        assert!(text_width("Court", 12.0, true) > text_width("Court", 12.0, false));
        // Cyrillic and Kazakh letters count like Latin ones.
        let kk = text_width("Конституциялық Сот", 12.0, false);
        assert!(kk > 100.0 && kk < 160.0, "{kk}");
    }
}

//! `dot`: Graphviz source. Bodies are boxes clustered by branch and filled with the colour of
//! the principal that controls the largest share of them (paler for a smaller share);
//! principals have a double border. Arrows are styled by kind (see [`Class`]) and reforms'
//! additions, changes and removals are coloured. Ranks follow the layers of the SVG's layered
//! placement (`newrank`, so that a rank crosses the clusters). No `concentrate`: tried with
//! Graphviz 2.43.0 on kz-2022, kz-2026, us and fr, it no longer crashes but merges edges whose
//! seat labels it then drops ("Warning: no position for edge with xlabel 1"; kz-2022 draws
//! 99 edges instead of 110 and loses a label, fr loses two), and a figure that silently
//! loses a seat count misleads. `dot -Tsvg` renders it.
//!
//! Complexity, n bodies and e links: O(n + e) after the sorts of [`Graph::new`] (O(e log e)),
//! written line by line ([`write`]). The ranks come from the layering of the layered placement
//! alone ([`placement::drawn_layers`]: longest path, leaves moved down), not from the whole
//! drawing, whose crossing reduction and placement grow faster than the bodies (over two
//! minutes and 1.3 GB at 10,000 bodies) and whose positions DOT never wrote: Graphviz orders
//! and places the nodes itself. So DOT has no cap on the bodies, unlike the SVG
//! ([`MAX_FIGURE_BODIES`](crate::output::export::MAX_FIGURE_BODIES)); whether Graphviz can
//! draw 10,000 bodies is another matter.

use std::collections::HashMap;
use std::fmt::Write;

use super::placement::{self, Input};
use super::svg::text_width;
use super::{ADDED_COLOR, Arrow, CHANGED_COLOR, Change, Class, Graph, Node, REMOVED_COLOR};
use crate::model::{Branch, Lang};
use crate::output::escape::{dot as q, xml};
use crate::output::export::Snapshot;
use crate::output::fmt::{self, pct};
use crate::output::sink::{self, Sink};

/// Graphviz hands this to fontconfig (or to the browser in SVG), which falls back to a font
/// with Cyrillic and Kazakh letters.
const FONT: &str = "Helvetica,Arial,sans-serif";

fn style(class: Class) -> (&'static str, f64, &'static str) {
    // (style, pen width, arrowhead)
    match class {
        Class::Appointment => ("solid", 1.3, "normal"),
        Class::Recommendation => ("solid", 0.8, "normal"),
        Class::Consent => ("dashed", 1.2, "normal"),
        Class::DismissalAtWill => ("solid", 1.5, "normal"),
        Class::DismissalForCause => ("dashed", 1.5, "normal"),
        Class::Dissolution => ("bold", 2.8, "normal"),
        Class::Accountability => ("dotted", 1.5, "normal"),
        Class::Other => ("solid", 0.8, "empty"),
    }
}

/// A line of text that looks like the arrow, for the legend.
fn sample(class: Class) -> &'static str {
    match style(class).0 {
        "dashed" => "– – –▶",
        "dotted" => "·······▶",
        "bold" => "━━━▶",
        _ if class == Class::Other => "───▷",
        _ => "───▶",
    }
}

fn change_color(change: Change) -> Option<&'static str> {
    match change {
        Change::Same => None,
        Change::Added => Some(ADDED_COLOR),
        Change::Changed => Some(CHANGED_COLOR),
        Change::Removed => Some(REMOVED_COLOR),
    }
}

fn node_line(out: &mut Sink, g: &Graph, n: &Node, lang: Lang) {
    let b = n.body;
    let mut label = format!(
        "{}\n{} seat{}",
        b.name(lang),
        b.seats,
        if b.seats == 1 { "" } else { "s" }
    );
    if let Some(line) = g.largest_line(n, lang) {
        let _ = write!(label, " · {line}");
    }
    if n.change != Change::Same {
        let _ = write!(label, "\n({} by reform)", n.change.as_str());
    }
    let mut attrs = vec![
        format!("label=\"{}\"", q(&label)),
        format!("fillcolor=\"{}\"", g.fill(n)),
        format!("tooltip=\"{}\"", q(&tooltip(n))),
    ];
    if n.principal {
        attrs.push("peripheries=2".into());
    }
    match n.change {
        Change::Same => {}
        Change::Removed => {
            attrs.push("style=\"rounded,filled,dashed\"".into());
            attrs.push(format!("color=\"{REMOVED_COLOR}\""));
            attrs.push(format!("fontcolor=\"{REMOVED_COLOR}\""));
        }
        c => {
            attrs.push(format!(
                "color=\"{}\"",
                change_color(c).unwrap_or("#555555")
            ));
            attrs.push("penwidth=3".into());
        }
    }
    let _ = writeln!(out, "    \"{}\" [{}];", q(n.id()), attrs.join(", "));
}

fn tooltip(n: &Node) -> String {
    let b = n.body;
    let mut t = format!(
        "{} / {} / {} [{}]",
        b.names.en, b.names.ru, b.names.kk, b.id
    );
    let control: Vec<String> = n
        .analysis
        .control
        .iter()
        .filter(|(_, v)| **v >= 0.0005)
        .map(|(p, v)| format!("{p} {}", pct(*v)))
        .collect();
    if !control.is_empty() {
        let _ = write!(t, "\ncontrol: {}", control.join(", "));
    }
    let _ = write!(t, "\nHHI {:.3}\n{}", n.analysis.hhi, b.source);
    t
}

/// `layers` gives the arrow's ends' layers: only an arrow down constrains the ranks, so that no
/// other can pull a body up.
fn arrow_line(out: &mut Sink, a: &Arrow, layers: Option<(usize, usize)>) {
    let (style, width, head) = style(a.class);
    let color = change_color(a.change).unwrap_or(a.class.color());
    let width = if matches!(a.change, Change::Added | Change::Changed) {
        width + 1.5
    } else {
        width
    };
    let mut attrs = vec![
        format!("style=\"{style}\""),
        format!("color=\"{color}\""),
        format!("penwidth={width:.1}"),
    ];
    if head != "normal" {
        attrs.push(format!("arrowhead=\"{head}\""));
    }
    // No `minlen`: with it Graphviz 2.43 fails to route some splines (kz-2026 in Russian).
    if !matches!(layers, Some((from, to)) if from < to) {
        attrs.push("constraint=false".into());
    }
    if let Some(l) = a.label() {
        // An external label: an inline one is a node of the layout, which widens the figure
        // and makes Graphviz 2.43 fail to route some splines.
        attrs.push(format!("xlabel=\"{}\"", q(&l)));
        attrs.push(format!("fontcolor=\"{color}\""));
    }
    attrs.push(format!("tooltip=\"{}\"", q(&a.details())));
    let _ = writeln!(
        out,
        "  \"{}\" -> \"{}\" [{}];",
        q(a.from),
        q(a.to),
        attrs.join(", ")
    );
}

/// The legend, as an HTML-like table: principals' colours, arrow kinds and reform colours.
fn legend(g: &Graph, arrows: &[Arrow], lang: Lang) -> String {
    let mut rows = String::new();
    rows.push_str("<tr><td colspan=\"2\" align=\"left\"><b>Fill: principal with the largest integrated control (paler = smaller share); double border: a principal</b></td></tr>");
    for p in &g.principals {
        let name = g.node(p).map_or(*p, |n| n.body.name(lang));
        let _ = write!(
            rows,
            "<tr><td bgcolor=\"{}\" width=\"24\"> </td><td align=\"left\">{}</td></tr>",
            g.principal_color(p).unwrap_or("#eeeeee"),
            xml(name)
        );
    }
    for class in Class::ALL {
        if !arrows.iter().any(|a| a.class == class) {
            continue;
        }
        let _ = write!(
            rows,
            "<tr><td><font color=\"{}\">{}</font></td><td align=\"left\">{}</td></tr>",
            class.color(),
            sample(class),
            xml(class.legend())
        );
    }
    for change in [Change::Added, Change::Changed, Change::Removed] {
        if g.nodes.iter().any(|n| n.change == change) || arrows.iter().any(|a| a.change == change) {
            let _ = write!(
                rows,
                "<tr><td bgcolor=\"{}\" width=\"24\"> </td><td align=\"left\">{} by reform</td></tr>",
                change_color(change).unwrap_or("#ffffff"),
                change.as_str()
            );
        }
    }
    format!(
        "<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"3\">{rows}</table>>"
    )
}

/// The arrows of `arrows` whose ends are both among `nodes`, with their ends' indices, and
/// the placement's input for them.
fn input(nodes: &[&Node], arrows: &[Arrow], lang: Lang) -> Input {
    // The first node of an id, as a scan would find it, in constant time.
    let mut at = HashMap::with_capacity(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        at.entry(n.id()).or_insert(i);
    }
    let index = |id: &str| at.get(id).copied();
    let drawn: Vec<(&Arrow, usize, usize)> = arrows
        .iter()
        .filter_map(|a| Some((a, index(a.from)?, index(a.to)?)))
        .collect();
    Input {
        fit: placement::Fit::FREE,
        sizes: nodes
            .iter()
            .map(|n| {
                (
                    (text_width(n.body.name(lang), 12.0, true) + 24.0).max(120.0),
                    56.0,
                )
            })
            .collect(),
        edges: drawn
            .iter()
            .map(|(a, f, t)| (*f, *t, a.class == Class::Appointment))
            .collect(),
        labels: drawn
            .iter()
            .map(|(a, _, _)| a.label().map_or(0.0, |l| text_width(&l, 10.0, false)))
            .collect(),
    }
}

/// The layered placement the SVG uses, of `nodes` and the arrows between them: GraphML takes
/// its positions from it, so that it and the SVG agree on who sits above whom. Superlinear
/// ([`placement::layout`]).
pub(super) fn placed(nodes: &[&Node], arrows: &[Arrow], lang: Lang) -> placement::Output {
    placement::layout(&input(nodes, arrows, lang))
}

/// Each node's layer (0 at the top) in [`placed`]'s drawing, without drawing it: DOT's ranks.
/// O(n + e).
pub(super) fn layers(nodes: &[&Node], arrows: &[Arrow], lang: Lang) -> Vec<usize> {
    placement::drawn_layers(&input(nodes, arrows, lang))
}

pub fn render(s: &Snapshot) -> String {
    sink::to_string(|out| write(s, out), false)
}

/// Writes the DOT source to `out` as it is produced: O(n + e) (the sorts of [`Graph::new`]
/// aside), with no memory beyond the graph and one line.
pub fn write(s: &Snapshot, out: &mut Sink) {
    let g = Graph::new(s);
    let arrows = g.arrows();
    let ds = s.dataset;
    let reforms = if s.reforms.is_empty() {
        "none".to_string()
    } else {
        s.reforms.join(", ")
    };
    let _ = writeln!(
        out,
        "// bilik: {} (law as of {}), reforms: {}. Render with: dot -Tsvg FILE -o FILE.svg",
        ds.meta.id.replace('\n', " "),
        ds.meta.as_of.replace('\n', " "),
        reforms.replace('\n', " ")
    );
    let _ = writeln!(out, "digraph \"{}\" {{", q(&s.stem()));
    let title = format!(
        "{}\n{} · law as of {} · reforms: {}\nweights: {}",
        ds.meta.title,
        ds.meta.id,
        ds.meta.as_of,
        reforms,
        fmt::weights(&s.analysis.options.weights)
    );
    let _ = writeln!(
        out,
        "  graph [label=\"{}\", labelloc=\"t\", fontsize=16, fontname=\"{FONT}\", rankdir=\"TB\", newrank=true, ranksep=\"1.6\", nodesep=\"0.2\"];",
        q(&title)
    );
    let _ = writeln!(
        out,
        "  node [shape=\"box\", style=\"rounded,filled\", fontname=\"{FONT}\", fontsize=11, color=\"#555555\", margin=\"0.12,0.06\"];"
    );
    let _ = writeln!(
        out,
        "  edge [fontname=\"{FONT}\", fontsize=10, arrowsize=0.7];"
    );
    for branch in Branch::ALL {
        let members: Vec<&Node> = g
            .nodes
            .iter()
            .filter(|n| n.body.branch == *branch)
            .collect();
        if members.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  subgraph \"cluster_{}\" {{", branch.as_str());
        let _ = writeln!(
            out,
            "    label=\"{}\"; style=\"rounded,dashed\"; color=\"#bdbdbd\"; fontcolor=\"#757575\"; fontname=\"{FONT}\"; fontsize=11;",
            branch.as_str()
        );
        for n in members {
            node_line(out, &g, n, s.lang);
        }
        let _ = writeln!(out, "  }}");
    }
    // One rank per layer of the layered placement, across the branches' clusters
    // (`newrank` lets a rank cross clusters).
    let all: Vec<&Node> = g.nodes.iter().collect();
    let layers = layers(&all, &arrows, s.lang);
    let mut first = HashMap::with_capacity(all.len());
    for (n, l) in all.iter().zip(&layers) {
        first.entry(n.id()).or_insert(*l);
    }
    let layer_of = |id: &str| first.get(id).copied();
    let mut ranks: Vec<Vec<&Node>> = vec![Vec::new(); layers.iter().max().map_or(0, |m| m + 1)];
    for (n, l) in all.iter().zip(&layers) {
        ranks[*l].push(n);
    }
    for members in ranks {
        out.push_str("  { rank=\"same\"; ");
        for (i, n) in members.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let _ = write!(out, "\"{}\";", q(n.id()));
        }
        out.push_str(" }\n");
    }
    for a in &arrows {
        let ends = layer_of(a.from).zip(layer_of(a.to));
        arrow_line(out, a, ends);
    }
    // Body ids are lowercase words, so a dash keeps this id from ever meeting one.
    let _ = writeln!(
        out,
        "  \"bilik-legend\" [shape=\"plaintext\", style=\"\", fontsize=10, label={}];",
        legend(&g, &arrows, s.lang)
    );
    out.push_str("}\n");
}

#[cfg(test)]
mod tests {
    use super::placement::{self, Fit, Input};
    use proptest::prelude::*;

    /// The layers as the drawing shows them: the distinct centre lines of its boxes, from the
    /// top (how DOT took its ranks before it stopped drawing the whole layout).
    fn from_the_drawing(input: &Input) -> Vec<usize> {
        let laid = placement::layout(input);
        let mut centres: Vec<f64> = laid.boxes.iter().map(|b| b.y + b.h / 2.0).collect();
        centres.sort_by(f64::total_cmp);
        centres.dedup_by(|a, b| (*a - *b).abs() < 0.5);
        laid.boxes
            .iter()
            .map(|b| {
                centres
                    .iter()
                    .position(|c| (c - (b.y + b.h / 2.0)).abs() < 0.5)
                    .unwrap_or(0)
            })
            .collect()
    }

    fn graph() -> impl Strategy<Value = Input> {
        (1usize..40).prop_flat_map(|n| {
            (
                prop::collection::vec((120.0f64..400.0, 40.0f64..80.0), n),
                prop::collection::vec((0..n, 0..n, any::<bool>(), 0.0f64..60.0), 0..3 * n),
            )
                .prop_map(|(sizes, edges)| Input {
                    fit: Fit::FREE,
                    sizes,
                    edges: edges.iter().map(|e| (e.0, e.1, e.2)).collect(),
                    labels: edges.iter().map(|e| e.3).collect(),
                })
        })
    }

    proptest! {
        /// DOT's ranks without the drawing are the drawing's layers: cycles, self-loops,
        /// parallel edges, leaves moved down and bodies of different heights included.
        #[test]
        fn the_layers_without_the_drawing_are_the_drawings(input in graph()) {
            prop_assert_eq!(placement::drawn_layers(&input), from_the_drawing(&input));
        }
    }
}

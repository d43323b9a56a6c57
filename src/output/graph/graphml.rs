//! `graphml`: the graph of the current state for Gephi, yEd and networkx. Every channel step
//! and power edge is an edge (so two bodies may be joined by several); every attribute is
//! declared with a typed `<key>`, and a value that does not apply is left out rather than
//! written empty. `label` holds the name in the export's language, which Gephi shows.
//! `x` and `y` are the SVG's layered placement, up to
//! [`MAX_FIGURE_BODIES`](crate::output::export::MAX_FIGURE_BODIES) bodies; above, they are
//! left out (that layout grows faster than linearly) and the reader lays the graph out.
//!
//! Written as it is produced ([`write`]): O(n + e) for n bodies and e edges after the sorts
//! of [`Graph::new`] (each edge's target found by binary search), on top of the layout up to
//! the cap, with no memory beyond one element.

use std::fmt::Write;

use super::{Graph, Node};
use crate::output::escape::{word, xml};
use crate::output::export::{MAX_FIGURE_BODIES, Snapshot};
use crate::output::fmt::{self, fixed4};
use crate::output::sink::{self, Sink};

#[derive(Clone, Copy)]
enum Ty {
    Str,
    Int,
    Double,
    Bool,
}

impl Ty {
    fn as_str(self) -> &'static str {
        match self {
            Ty::Str => "string",
            Ty::Int => "int",
            Ty::Double => "double",
            Ty::Bool => "boolean",
        }
    }
}

const GRAPH_KEYS: [(&str, Ty); 8] = [
    ("dataset", Ty::Str),
    ("title", Ty::Str),
    ("jurisdiction", Ty::Str),
    ("as_of", Ty::Str),
    ("reforms", Ty::Str),
    ("weights", Ty::Str),
    ("principals", Ty::Str),
    ("system_hhi", Ty::Double),
];

const NODE_KEYS: [(&str, Ty); 18] = [
    ("label", Ty::Str),
    ("name_en", Ty::Str),
    ("name_ru", Ty::Str),
    ("name_kk", Ty::Str),
    ("branch", Ty::Str),
    ("role", Ty::Str),
    ("seats", Ty::Int),
    ("seats_nominal", Ty::Bool),
    ("independent", Ty::Bool),
    ("non_partisan", Ty::Bool),
    ("principal", Ty::Bool),
    ("largest_principal", Ty::Str),
    ("largest_control", Ty::Double),
    ("hhi", Ty::Double),
    ("source", Ty::Str),
    ("confidence", Ty::Str),
    ("note", Ty::Str),
    ("change", Ty::Str),
];

const EDGE_KEYS: [(&str, Ty); 11] = [
    ("label", Ty::Str),
    ("kind", Ty::Str),
    ("class", Ty::Str),
    ("channel", Ty::Str),
    ("seats", Ty::Int),
    ("share", Ty::Double),
    ("threshold", Ty::Str),
    ("source", Ty::Str),
    ("confidence", Ty::Str),
    ("note", Ty::Str),
    ("change", Ty::Str),
];

fn key(out: &mut Sink, prefix: &str, domain: &str, name: &str, ty: Ty) {
    let _ = writeln!(
        out,
        "  <key id=\"{prefix}_{}\" for=\"{domain}\" attr.name=\"{}\" attr.type=\"{}\"/>",
        word(name),
        xml(name),
        ty.as_str()
    );
}

/// A `<data>` element, or nothing for a value that does not apply (readers such as networkx
/// turn an empty element into the string "None").
fn data(out: &mut Sink, indent: &str, key: &str, value: Option<String>) {
    if let Some(v) = value.filter(|v| !v.is_empty()) {
        let _ = writeln!(
            out,
            "{indent}<data key=\"{}\">{}</data>",
            word(key),
            xml(&v)
        );
    }
}

/// A step's weight: the share of the body's seats its channel fills (channel seats / body
/// seats, in (0, 1]). A power edge fills no seats and weighs 1, so that tools that need a
/// weight on every edge still draw it.
fn weight(l: &super::Link, g: &Graph) -> Option<f64> {
    match l.seats {
        None => Some(1.0),
        Some(seats) => {
            let body = g.node(l.to)?.body.seats;
            (body > 0 && seats > 0).then(|| (f64::from(seats) / f64::from(body)).min(1.0))
        }
    }
}

pub fn render(s: &Snapshot) -> String {
    sink::to_string(|out| write(s, out), false)
}

/// Writes the GraphML to `out` as it is produced: no memory beyond one element, on top of
/// the layout that gives the nodes their positions.
pub fn write(s: &Snapshot, out: &mut Sink) {
    let g = Graph::new(s);
    let ds = s.dataset;
    let a = s.analysis;
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (name, ty) in GRAPH_KEYS {
        key(out, "g", "graph", name, ty);
    }
    for (name, ty) in NODE_KEYS {
        key(out, "n", "node", name, ty);
    }
    for p in &g.principals {
        key(out, "n", "node", &format!("control_{p}"), Ty::Double);
    }
    for (name, ty) in EDGE_KEYS {
        key(out, "e", "edge", name, ty);
    }
    // Gephi reads a layout only from these bare ids, and an edge's thickness from `weight`.
    for name in ["x", "y"] {
        let _ = writeln!(
            out,
            "  <key id=\"{name}\" for=\"node\" attr.name=\"{name}\" attr.type=\"double\"/>"
        );
    }
    out.push_str("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n");

    let _ = writeln!(
        out,
        "  <graph id=\"{}\" edgedefault=\"directed\">",
        xml(&s.stem())
    );
    let weights = fmt::weights_as(&a.options.weights, |k, v| format!("{k}={}", fixed4(v)), ",");
    let ind = "    ";
    data(out, ind, "g_dataset", Some(ds.meta.id.clone()));
    data(out, ind, "g_title", Some(ds.meta.title.clone()));
    data(
        out,
        ind,
        "g_jurisdiction",
        Some(ds.meta.jurisdiction.clone()),
    );
    data(out, ind, "g_as_of", Some(ds.meta.as_of.clone()));
    data(out, ind, "g_reforms", Some(s.reforms.join(",")));
    data(out, ind, "g_weights", Some(weights));
    data(out, ind, "g_principals", Some(a.principals.join(",")));
    data(out, ind, "g_system_hhi", Some(fixed4(a.summary.system_hhi)));

    let ind = "      ";
    // The positions of the SVG's layered placement, y growing downwards as on screen.
    let present: Vec<&Node> = g.present_nodes().collect();
    let arrows: Vec<_> = g
        .arrows()
        .into_iter()
        .filter(|a| a.change != super::Change::Removed)
        .collect();
    // Above the figures' cap the layout would take minutes: positions are left out, and the
    // reader (Gephi, yEd) lays the graph out itself.
    let laid =
        (present.len() <= MAX_FIGURE_BODIES).then(|| super::dot::placed(&present, &arrows, s.lang));
    for (i, n) in present.iter().enumerate() {
        let b = n.body;
        let _ = writeln!(out, "    <node id=\"{}\">", xml(&b.id));
        let largest = n.analysis.largest();
        let change = n.change.as_str();
        let values: [(&str, Option<String>); 18] = [
            ("n_label", Some(b.name(s.lang).to_string())),
            ("n_name_en", Some(b.names.en.clone())),
            ("n_name_ru", Some(b.names.ru.clone())),
            ("n_name_kk", Some(b.names.kk.clone())),
            ("n_branch", Some(b.branch.to_string())),
            ("n_role", b.role.map(|r| r.to_string())),
            ("n_seats", Some(b.seats.to_string())),
            ("n_seats_nominal", Some(b.seats_nominal.to_string())),
            ("n_independent", Some(b.independent.to_string())),
            ("n_non_partisan", Some(b.non_partisan.to_string())),
            ("n_principal", Some(n.principal.to_string())),
            ("n_largest_principal", largest.map(|l| l.0.to_string())),
            ("n_largest_control", largest.map(|l| fixed4(l.1))),
            ("n_hhi", Some(fixed4(n.analysis.hhi))),
            ("n_source", Some(b.source.clone())),
            ("n_confidence", Some(b.confidence.to_string())),
            ("n_note", Some(b.note.clone())),
            ("n_change", Some(change.to_string())),
        ];
        for (k, v) in values {
            data(out, ind, k, v);
        }
        for p in &g.principals {
            data(
                out,
                ind,
                &format!("n_control_{p}"),
                Some(fixed4(n.analysis.control_of(p))),
            );
        }
        if let Some(at) = laid.as_ref().map(|l| &l.boxes[i]) {
            data(out, ind, "x", Some(format!("{:.1}", at.cx())));
            data(out, ind, "y", Some(format!("{:.1}", at.y + at.h / 2.0)));
        }
        out.push_str("    </node>\n");
    }
    for (i, l) in g.present_links().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            xml(l.from),
            xml(l.to)
        );
        let change = l.change.as_str();
        let values: [(&str, Option<String>); 11] = [
            ("e_label", Some(l.kind.as_str().replace('_', " "))),
            ("e_kind", Some(l.kind.as_str().to_string())),
            ("e_class", Some(l.class().as_str().to_string())),
            ("e_channel", l.channel.map(str::to_string)),
            ("e_seats", l.seats.map(|x| x.to_string())),
            ("e_share", l.share.map(fixed4)),
            ("e_threshold", l.threshold.map(str::to_string)),
            ("e_source", Some(l.source.to_string())),
            ("e_confidence", Some(l.confidence.to_string())),
            ("e_note", Some(l.note.to_string())),
            ("e_change", Some(change.to_string())),
        ];
        for (k, v) in values {
            data(out, ind, k, v);
        }
        data(out, ind, "weight", weight(l, &g).map(fixed4));
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
}

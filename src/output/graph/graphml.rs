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
use crate::output::escape::{word, xml, xml_to};
use crate::output::export::{MAX_FIGURE_BODIES, Snapshot};
use crate::output::fmt::{self, Fixed4, fixed4};
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
/// turn an empty element into the string "None"). The value is borrowed or written into
/// `scratch`, and escaped straight into `out`: at 100,000 bodies a string per value was 11
/// million allocations.
fn data(out: &mut Sink, indent: &str, key: &str, value: Option<&str>) {
    // Keys come worded ([`word`]): the fixed ones are words already, the principals' are
    // worded once.
    debug_assert_eq!(key, word(key));
    if let Some(v) = value.filter(|v| !v.is_empty()) {
        let _ = write!(out, "{indent}<data key=\"{key}\">");
        let _ = xml_to(out, v);
        out.push_str("</data>\n");
    }
}

/// A value formatted into `scratch`, for [`data`].
fn shown(scratch: &mut String, value: impl std::fmt::Display) -> &str {
    scratch.clear();
    let _ = write!(scratch, "{value}");
    scratch
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
    data(out, ind, "g_dataset", Some(&ds.meta.id));
    data(out, ind, "g_title", Some(&ds.meta.title));
    data(out, ind, "g_jurisdiction", Some(&ds.meta.jurisdiction));
    data(out, ind, "g_as_of", Some(&ds.meta.as_of));
    data(out, ind, "g_reforms", Some(&s.reforms.join(",")));
    data(out, ind, "g_weights", Some(&weights));
    data(out, ind, "g_principals", Some(&a.principals.join(",")));
    data(
        out,
        ind,
        "g_system_hhi",
        Some(&fixed4(a.summary.system_hhi)),
    );

    let ind = "      ";
    // The positions of the SVG's layered placement, y growing downwards as on screen.
    let present: Vec<&Node> = g.present_nodes().collect();
    // Above the figures' cap the layout would take minutes: positions are left out, and the
    // reader (Gephi, yEd) lays the graph out itself; the arrows only the layout reads are
    // not made either (at 100,000 bodies their groups held 66 MB).
    let laid = (present.len() <= MAX_FIGURE_BODIES).then(|| {
        let arrows: Vec<_> = g
            .arrows()
            .into_iter()
            .filter(|a| a.change != super::Change::Removed)
            .collect();
        super::dot::placed(&present, &arrows, s.lang)
    });
    let control_keys: Vec<String> = g
        .principals
        .iter()
        .map(|p| word(&format!("n_control_{p}")))
        .collect();
    let mut scratch = String::new();
    for (i, n) in present.iter().enumerate() {
        let b = n.body;
        out.push_str("    <node id=\"");
        let _ = xml_to(out, &b.id);
        out.push_str("\">\n");
        let largest = n.analysis.largest();
        let yes_no = |x: bool| if x { "true" } else { "false" };
        data(out, ind, "n_label", Some(b.name(s.lang)));
        data(out, ind, "n_name_en", Some(&b.names.en));
        data(out, ind, "n_name_ru", Some(&b.names.ru));
        data(out, ind, "n_name_kk", Some(&b.names.kk));
        data(out, ind, "n_branch", Some(b.branch.as_str()));
        data(out, ind, "n_role", b.role.map(|r| r.as_str()));
        data(out, ind, "n_seats", Some(shown(&mut scratch, b.seats)));
        data(out, ind, "n_seats_nominal", Some(yes_no(b.seats_nominal)));
        data(out, ind, "n_independent", Some(yes_no(b.independent)));
        data(out, ind, "n_non_partisan", Some(yes_no(b.non_partisan)));
        data(out, ind, "n_principal", Some(yes_no(n.principal)));
        data(out, ind, "n_largest_principal", largest.map(|l| l.0));
        data(
            out,
            ind,
            "n_largest_control",
            largest.map(|l| shown(&mut scratch, Fixed4(l.1))),
        );
        data(
            out,
            ind,
            "n_hhi",
            Some(shown(&mut scratch, Fixed4(n.analysis.hhi))),
        );
        data(out, ind, "n_source", Some(&b.source));
        data(out, ind, "n_confidence", Some(b.confidence.as_str()));
        data(out, ind, "n_note", Some(&b.note));
        data(out, ind, "n_change", Some(n.change.as_str()));
        for (p, k) in g.principals.iter().zip(&control_keys) {
            let v = shown(&mut scratch, Fixed4(n.analysis.control_of(p)));
            data(out, ind, k, Some(v));
        }
        if let Some(at) = laid.as_ref().map(|l| &l.boxes[i]) {
            let x = format!("{:.1}", at.cx());
            data(out, ind, "x", Some(&x));
            let y = format!("{:.1}", at.y + at.h / 2.0);
            data(out, ind, "y", Some(&y));
        }
        out.push_str("    </node>\n");
    }
    for (i, l) in g.present_links().enumerate() {
        let _ = write!(out, "    <edge id=\"e{i}\" source=\"");
        let _ = xml_to(out, l.from);
        out.push_str("\" target=\"");
        let _ = xml_to(out, l.to);
        out.push_str("\">\n");
        scratch.clear();
        scratch.extend(
            l.kind
                .as_str()
                .chars()
                .map(|c| if c == '_' { ' ' } else { c }),
        );
        data(out, ind, "e_label", Some(&scratch));
        data(out, ind, "e_kind", Some(l.kind.as_str()));
        data(out, ind, "e_class", Some(l.class().as_str()));
        data(out, ind, "e_channel", l.channel);
        data(out, ind, "e_seats", l.seats.map(|x| shown(&mut scratch, x)));
        data(
            out,
            ind,
            "e_share",
            l.share.map(|x| shown(&mut scratch, Fixed4(x))),
        );
        data(out, ind, "e_threshold", l.threshold);
        data(out, ind, "e_source", Some(l.source));
        data(out, ind, "e_confidence", Some(l.confidence.as_str()));
        data(out, ind, "e_note", Some(&l.note));
        data(out, ind, "e_change", Some(l.change.as_str()));
        let w = weight(l, &g).map(|x| shown(&mut scratch, Fixed4(x)));
        data(out, ind, "weight", w);
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
}

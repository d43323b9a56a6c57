//! `mermaid`: a flowchart that GitHub renders inside a ```` ```mermaid ```` block. The same
//! picture as `dot`: bodies in one subgraph per branch, filled by their largest principal,
//! arrows styled by kind, reforms' changes coloured.
//!
//! Mermaid ids are bare words and some words (`end`, a leading `o` or `x` after `--`) mean
//! something, so every id is prefixed; labels are quoted, with entity codes for what Mermaid
//! would otherwise read as syntax.
//!
//! Complexity, n bodies and e links: O(n + e) after the sorts of [`Graph::new`] (O(e log e)),
//! written line by line ([`write`]); ids are settled through a hash set and names found by
//! [`Graph::node`]'s binary search. No layout: Mermaid lays the chart out itself.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use super::{ADDED_COLOR, CHANGED_COLOR, Change, Class, Graph, REMOVED_COLOR};
use crate::model::Branch;
use crate::output::escape::{mermaid as label, word};
use crate::output::export::Snapshot;
use crate::output::sink::{self, Sink};

fn link_syntax(class: Class) -> &'static str {
    match class {
        Class::Dissolution => "==>",
        Class::Consent | Class::DismissalForCause | Class::Accountability => "-.->",
        _ => "-->",
    }
}

fn link_style(class: Class, change: Change) -> String {
    let color = match change {
        Change::Same => class.color(),
        Change::Added => ADDED_COLOR,
        Change::Changed => CHANGED_COLOR,
        Change::Removed => REMOVED_COLOR,
    };
    let width = match (class, change) {
        (Class::Dissolution, _) => 3.0,
        (_, Change::Added | Change::Changed) => 2.5,
        (Class::Recommendation | Class::Other, _) => 1.0,
        _ => 1.5,
    };
    let dash = match class {
        Class::Consent | Class::DismissalForCause => ",stroke-dasharray:6 4",
        Class::Accountability => ",stroke-dasharray:2 3",
        _ => "",
    };
    format!("stroke:{color},stroke-width:{width}px{dash}")
}

pub fn render(s: &Snapshot) -> String {
    sink::to_string(|out| write(s, out), false)
}

/// Writes the flowchart to `out` as it is produced: O(n + e) (the sorts of [`Graph::new`]
/// aside), with no memory beyond the graph, its ids and one line.
pub fn write(s: &Snapshot, out: &mut Sink) {
    let g = Graph::new(s);
    let arrows = g.arrows();
    let _ = writeln!(
        out,
        "%% bilik: {} (law as of {}), reforms: {}",
        s.dataset.meta.id,
        s.dataset.meta.as_of.replace(['\r', '\n'], " "),
        if s.reforms.is_empty() {
            "none".to_string()
        } else {
            s.reforms.join(", ")
        }
    );
    out.push_str("flowchart TD\n");

    // Body ids are already words; the index settles any two that a sanitised id merges.
    // `taken` holds the ids given so far (the nodes' ids are unique), so that the check is
    // not a scan of them all.
    let mut ids: HashMap<&str, String> = HashMap::with_capacity(g.nodes.len());
    let mut taken: HashSet<String> = HashSet::with_capacity(g.nodes.len());
    for (i, n) in g.nodes.iter().enumerate() {
        let mut id = format!("b_{}", word(n.id()));
        if taken.contains(&id) {
            id = format!("{id}_{i}");
        }
        taken.insert(id.clone());
        ids.insert(n.id(), id);
    }
    let id = |body: &str| ids.get(body).cloned().unwrap_or_else(|| word(body));

    for branch in Branch::ALL {
        let members: Vec<_> = g
            .nodes
            .iter()
            .filter(|n| n.body.branch == *branch)
            .collect();
        if members.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "  subgraph g_{}[\"{}\"]",
            branch.as_str(),
            label(branch.as_str())
        );
        for n in members {
            let b = n.body;
            let mut text = format!(
                "{}\n{} seat{}",
                b.name(s.lang),
                b.seats,
                if b.seats == 1 { "" } else { "s" }
            );
            if let Some(line) = g.largest_line(n, s.lang) {
                let _ = write!(text, " · {line}");
            }
            if n.change != Change::Same {
                let _ = write!(text, "\n({} by reform)", n.change.as_str());
            }
            let _ = writeln!(out, "    {}[\"{}\"]", id(n.id()), label(&text));
        }
        out.push_str("  end\n");
    }

    // The legend: a subgraph of its own, one swatch per principal and one sample arrow per
    // kind drawn, so that the figure reads without the SVG beside it. Its ids start with
    // `legend_`, which no body id (prefixed `b_`) can take.
    out.push_str("  subgraph legend[\"Legend\"]\n");
    let shown: Vec<&str> = g.principals_shown().copied().collect();
    for (i, p) in shown.iter().enumerate() {
        let name = g.node(p).map_or(*p, |n| n.body.name(s.lang));
        let _ = writeln!(
            out,
            "    legend_p{i}[\"{}\"]",
            label(&format!("largest share: {name}"))
        );
    }
    let classes: Vec<Class> = Class::ALL
        .into_iter()
        .filter(|c| arrows.iter().any(|a| a.class == *c))
        .collect();
    for (i, c) in classes.iter().enumerate() {
        let _ = writeln!(
            out,
            "    legend_a{i}[\" \"] {}|\"{}\"| legend_b{i}[\" \"]",
            link_syntax(*c),
            label(c.legend())
        );
    }
    out.push_str("  end\n");

    for a in &arrows {
        let text = a
            .label()
            .map(|l| format!("|\"{}\"|", label(&l)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} {}{} {}",
            id(a.from),
            link_syntax(a.class),
            text,
            id(a.to)
        );
    }

    for n in &g.nodes {
        let mut st = format!("fill:{}", g.fill(n));
        match n.change {
            Change::Same if n.principal => st.push_str(",stroke:#333333,stroke-width:3px"),
            Change::Same => st.push_str(",stroke:#555555,stroke-width:1px"),
            Change::Added => {
                let _ = write!(st, ",stroke:{ADDED_COLOR},stroke-width:3px");
            }
            Change::Changed => {
                let _ = write!(st, ",stroke:{CHANGED_COLOR},stroke-width:3px");
            }
            Change::Removed => {
                let _ = write!(
                    st,
                    ",stroke:{REMOVED_COLOR},stroke-width:1px,stroke-dasharray:5 4,color:#8c8c8c"
                );
            }
        }
        let _ = writeln!(out, "  style {} {st}", id(n.id()));
    }
    for (i, p) in shown.iter().enumerate() {
        let fill = g.principal_color(p).unwrap_or("#eeeeee");
        let _ = writeln!(
            out,
            "  style legend_p{i} fill:{},stroke:#555555,stroke-width:1px",
            super::tint(fill, 0.6)
        );
    }
    for i in 0..classes.len() {
        let _ = writeln!(
            out,
            "  style legend_a{i} fill:#ffffff,stroke:#ffffff\n  style legend_b{i} fill:#ffffff,stroke:#ffffff"
        );
    }
    // Links are numbered in the order they appear: the legend's samples come first.
    for (i, c) in classes.iter().enumerate() {
        let _ = writeln!(out, "  linkStyle {i} {}", link_style(*c, Change::Same));
    }
    for (i, a) in arrows.iter().enumerate() {
        let _ = writeln!(
            out,
            "  linkStyle {} {}",
            i + classes.len(),
            link_style(a.class, a.change)
        );
    }
}

//! Single points of control (codebook R32): for each body, the actors that every chain of
//! appointment to it passes through.
//!
//! The appointment graph has an edge from each actor that takes a binding part in a channel
//! (the one who picks, and every ratifier with a veto: [`super::closure::binding_actors`]) to
//! the channel's body, and an edge from a virtual root to every principal in force; edges into
//! principals are left out, since the walk stops at them (codebook R16). A body's dominators
//! are the bodies other than itself and the root that lie on every path from the root to it
//! (petgraph's `simple_fast`, Cooper, Harvey and Kennedy's iterative algorithm: O(V + E) per
//! pass over the graph, a handful of passes on graphs of this shape, V = B + 1 and E = S + P).

use petgraph::algo::dominators::simple_fast;
use petgraph::graph::{DiGraph, NodeIndex};

use super::Analysis;
use super::closure::binding_actors;
use crate::model::{BodyId, Dataset};

/// Per body, in dataset order: its dominators, the nearest first (empty for principals and
/// for bodies that two independent chains reach).
pub fn dominators(dataset: &Dataset, analysis: &Analysis) -> Vec<Vec<BodyId>> {
    let n = dataset.bodies.len();
    let mut graph: DiGraph<(), ()> = DiGraph::with_capacity(n + 1, n);
    for _ in 0..=n {
        graph.add_node(());
    }
    let root = NodeIndex::new(n);
    let principal = super::closure::principal_flags(analysis);
    for (b, (body, ba)) in dataset.bodies.iter().zip(&analysis.bodies).enumerate() {
        if principal[b] {
            graph.add_edge(root, NodeIndex::new(b), ());
            continue;
        }
        for (channel, cs) in body.channels.iter().zip(&ba.channels) {
            for a in binding_actors(channel, cs) {
                if let Some(&i) = analysis.index.get(a)
                    && i != b
                {
                    graph.add_edge(NodeIndex::new(i), NodeIndex::new(b), ());
                }
            }
        }
    }
    let doms = simple_fast(&graph, root);
    (0..n)
        .map(|b| {
            doms.strict_dominators(NodeIndex::new(b))
                .map(|it| {
                    it.filter(|d| *d != root)
                        .map(|d| dataset.bodies[d.index()].id.clone())
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::analysis::closure::tests::state;
    use crate::analysis::{Options, analyze};

    fn doms(ds: &crate::model::Dataset, body: &str) -> Vec<String> {
        let a = analyze(ds, &Options::of(ds)).unwrap();
        a.body(body).unwrap().dominators.clone()
    }

    #[test]
    fn a_body_reached_only_through_one_office() {
        // x is filled by a alone, a by p alone: every chain to x passes through a, then p.
        let ds = state(&[
            ("a", 1, &[(1, &[("p", "appoint")])]),
            ("x", 5, &[(3, &[("a", "appoint")]), (2, &[("a", "elect")])]),
        ]);
        assert_eq!(doms(&ds, "x"), vec!["a", "p"]);
        assert_eq!(doms(&ds, "a"), vec!["p"]);
        assert!(doms(&ds, "p").is_empty(), "a principal hangs from the root");
    }

    #[test]
    fn two_disjoint_chains_leave_no_dominator() {
        // x: p picks, q consents: two chains from the root, through p and through q.
        let ds = state(&[("x", 3, &[(3, &[("p", "appoint"), ("q", "consent")])])]);
        assert!(doms(&ds, "x").is_empty());
        // Two chains that meet again at a before x: a dominates x.
        let ds = state(&[
            ("a", 3, &[(2, &[("p", "appoint")]), (1, &[("q", "elect")])]),
            ("x", 1, &[(1, &[("a", "appoint")])]),
        ]);
        assert_eq!(doms(&ds, "x"), vec!["a"]);
    }

    #[test]
    fn a_recommendation_is_not_a_chain() {
        let ds = state(&[("x", 1, &[(1, &[("q", "recommend"), ("p", "appoint")])])]);
        assert_eq!(doms(&ds, "x"), vec!["p"]);
    }

    #[test]
    fn a_cycle_does_not_hide_the_entry() {
        // a and b fill each other, and p fills part of a: every chain enters through p.
        let ds = state(&[
            ("a", 3, &[(2, &[("b", "elect")]), (1, &[("p", "appoint")])]),
            ("b", 3, &[(3, &[("a", "elect")])]),
        ]);
        assert_eq!(doms(&ds, "a"), vec!["p"]);
        assert_eq!(doms(&ds, "b"), vec!["a", "p"]);
    }
}

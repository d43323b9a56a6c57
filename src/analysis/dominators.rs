//! Single points of control (codebook R32): for each body, the actors that every chain of
//! appointment to it passes through.
//!
//! The appointment graph has an edge from each actor that takes a binding part in a channel
//! (the one who picks, and every ratifier with a veto: [`super::closure::binding_actors`], each
//! looked up once for the closure and the dominators) to
//! the channel's body, and an edge from a virtual root to every principal in force; edges into
//! principals are left out, since the walk stops at them (codebook R16). A body's dominators
//! are the bodies other than itself and the root that lie on every path from the root to it
//! (Cooper, Harvey and Kennedy's iterative algorithm over the graph by position, in flat
//! vectors: O(V + E) per pass over the graph, a handful of passes on graphs of this shape,
//! V = B + 1 and E = S + P; each actor is looked up by its id once). Listing the dominators is
//! O(B + the length of the lists).

use super::Analysis;
use super::closure::Binding;
use crate::model::{BodyId, Dataset};

/// No node yet: not reached from the root, or its immediate dominator not yet found.
const NONE: u32 = u32::MAX;

/// Per body, in dataset order: its dominators, the nearest first (empty for principals and
/// for bodies that two independent chains reach).
pub fn dominators(dataset: &Dataset, analysis: &Analysis) -> Vec<Vec<BodyId>> {
    let principal = super::closure::principal_flags(analysis);
    let bound = super::closure::binding(dataset, analysis, &principal);
    dominators_with(dataset, analysis, &principal, &bound)
}

/// [`dominators`] given which bodies are principals and the binding actors of the others'
/// channels (by position, as the closure reads them).
pub(super) fn dominators_with(
    dataset: &Dataset,
    analysis: &Analysis,
    principal: &[bool],
    bound: &Binding,
) -> Vec<Vec<BodyId>> {
    let n = dataset.bodies.len();
    let root = n as u32;
    // The edges (from, to), by position; the root is position n.
    let mut edges: Vec<(u32, u32)> = Vec::with_capacity(n + bound.actors.len());
    let mut c = 0;
    for (b, (body, ba)) in dataset.bodies.iter().zip(&analysis.bodies).enumerate() {
        if principal[b] {
            edges.push((root, b as u32));
            continue;
        }
        for _ in body.channels.iter().zip(&ba.channels) {
            for &i in &bound.actors[bound.at[c]..bound.at[c + 1]] {
                if i as usize != b {
                    edges.push((i, b as u32));
                }
            }
            c += 1;
        }
    }
    let idom = immediate(n + 1, root, &edges);
    drop(edges);
    (0..n)
        .map(|b| {
            let mut out = Vec::new();
            if idom[b] == NONE {
                return out;
            }
            let mut d = idom[b];
            while d != root {
                out.push(dataset.bodies[d as usize].id.clone());
                d = idom[d as usize];
            }
            out
        })
        .collect()
}

/// The lists of a graph of `v` nodes by node, flat: `(offsets, targets)`, the targets of node
/// `x` at `offsets[x]..offsets[x + 1]`, in the order of `pairs` (key, target).
fn grouped(v: usize, pairs: impl Iterator<Item = (u32, u32)> + Clone) -> (Vec<u32>, Vec<u32>) {
    let mut offsets = vec![0u32; v + 1];
    for (k, _) in pairs.clone() {
        offsets[k as usize + 1] += 1;
    }
    for x in 0..v {
        offsets[x + 1] += offsets[x];
    }
    let mut next = offsets.clone();
    let mut targets = vec![0u32; offsets[v] as usize];
    for (k, t) in pairs {
        targets[next[k as usize] as usize] = t;
        next[k as usize] += 1;
    }
    (offsets, targets)
}

/// The immediate dominator of each of `v` nodes in the graph of `edges` from `root` (the root's
/// own is the root; [`NONE`] for a node the root does not reach).
fn immediate(v: usize, root: u32, edges: &[(u32, u32)]) -> Vec<u32> {
    let (succ_at, succ) = grouped(v, edges.iter().copied());
    let (pred_at, pred) = grouped(v, edges.iter().map(|&(f, t)| (t, f)));
    // Postorder numbers by a depth-first walk from the root.
    let mut post = vec![NONE; v];
    let mut seen = vec![false; v];
    let mut order: Vec<u32> = Vec::with_capacity(v);
    let mut stack: Vec<(u32, u32)> = vec![(root, succ_at[root as usize])];
    seen[root as usize] = true;
    while let Some(top) = stack.last_mut() {
        let x = top.0 as usize;
        if top.1 < succ_at[x + 1] {
            let y = succ[top.1 as usize];
            top.1 += 1;
            if !seen[y as usize] {
                seen[y as usize] = true;
                stack.push((y, succ_at[y as usize]));
            }
        } else {
            post[x] = order.len() as u32;
            order.push(x as u32);
            stack.pop();
        }
    }
    let mut idom = vec![NONE; v];
    idom[root as usize] = root;
    let mut changed = true;
    while changed {
        changed = false;
        // Reverse postorder, the root (last in postorder) left out.
        for &x in order.iter().rev().skip(1) {
            let x = x as usize;
            let mut new = NONE;
            for &p in &pred[pred_at[x] as usize..pred_at[x + 1] as usize] {
                if idom[p as usize] == NONE {
                    continue;
                }
                new = if new == NONE {
                    p
                } else {
                    intersect(&idom, &post, p, new)
                };
            }
            if idom[x] != new {
                idom[x] = new;
                changed = true;
            }
        }
    }
    idom
}

/// The nearest common dominator of `a` and `b` in the tree found so far.
fn intersect(idom: &[u32], post: &[u32], mut a: u32, mut b: u32) -> u32 {
    while a != b {
        while post[a as usize] < post[b as usize] {
            a = idom[a as usize];
        }
        while post[b as usize] < post[a as usize] {
            b = idom[b as usize];
        }
    }
    a
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
    fn the_same_dominators_as_petgraph() {
        use petgraph::algo::dominators::simple_fast;
        use petgraph::graph::{DiGraph, NodeIndex};
        // Graphs with cycles, joins, unreached nodes and repeated edges, from a fixed
        // sequence: every node's immediate dominator as petgraph's `simple_fast` finds it.
        let mut x: u64 = 1;
        let mut next = |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        for v in [2usize, 3, 5, 8, 13, 40, 200] {
            for _ in 0..20 {
                let root = (v - 1) as u32;
                let e = next(3 * v as u64) as usize;
                let edges: Vec<(u32, u32)> = (0..e)
                    .map(|_| (next(v as u64) as u32, next(v as u64 - 1) as u32))
                    .collect();
                let mut g: DiGraph<(), ()> = DiGraph::new();
                for _ in 0..v {
                    g.add_node(());
                }
                for &(f, t) in &edges {
                    g.add_edge(NodeIndex::new(f as usize), NodeIndex::new(t as usize), ());
                }
                let want = simple_fast(&g, NodeIndex::new(root as usize));
                let got = super::immediate(v, root, &edges);
                for (n, &found) in got.iter().enumerate() {
                    let w = want
                        .immediate_dominator(NodeIndex::new(n))
                        .map_or(super::NONE, |d| d.index() as u32);
                    let w = if n as u32 == root { root } else { w };
                    assert_eq!(found, w, "node {n} of {v}, edges {edges:?}");
                }
            }
        }
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

//! Step 1 of the layered drawing: each body's layer. The longest path from the roots along
//! the edges that fill seats (cycles broken where a depth-first search meets them), pure
//! sources pulled down to just above their first child, leaves moved down to narrower layers
//! and, for a fit, wide layers stacked into rows; each body widened for its arrow ends.
//! O(n + e) apart from the layers a leaf may move down to: DOT and the explorer take their
//! layers from here without the rest of the drawing.

use super::{COMPACT_NODE_GAP, Input, NODE_GAP, PORT_SPAN};

/// What moving a body one layer further from its appointer costs, in pixels of layer width.
const LAYER_MOVE_COST: f64 = 400.0;

/// Each node's layer and its size widened for its arrow ends: steps 1 (with leaves moved
/// down and, for a fit, wide layers stacked) of [`super::layout`]. O(n + e), plus the layers a leaf
/// may move down to.
pub(super) fn ranked(input: &Input) -> (Vec<usize>, Vec<(f64, f64)>) {
    let n = input.sizes.len();
    let mut rank = ranks(n, &input.edges);
    let mut sizes = widened(input, &rank);
    balance(&mut rank, &sizes, &input.edges);
    if input.fit.max_layer.is_finite() {
        let gap = if input.fit.compact {
            COMPACT_NODE_GAP
        } else {
            NODE_GAP
        };
        stack(&mut rank, &sizes, &input.edges, gap, input.fit.max_layer);
        // Arrows within a layer that stacking split now leave by another side.
        sizes = widened(input, &rank);
    }
    (rank, sizes)
}

/// The layer of each node in [`super::layout`]'s drawing, from 0 at the top and counting only the
/// layers that hold a node (as the drawing's distinct centre lines of equal-height boxes do),
/// without ordering or placing anything: O(n + e) where [`super::layout`] is superlinear. DOT takes
/// its ranks from it and leaves the drawing to Graphviz.
pub fn drawn_layers(input: &Input) -> Vec<usize> {
    let (rank, _) = ranked(input);
    let mut used = vec![false; rank.iter().max().map_or(0, |r| r + 1)];
    for r in &rank {
        used[*r] = true;
    }
    let mut index = Vec::with_capacity(used.len());
    let mut next = 0;
    for u in used {
        index.push(next);
        next += usize::from(u);
    }
    rank.iter().map(|r| index[*r]).collect()
}

/// The nodes' sizes, widened for bodies with many arrow ends on one side.
fn widened(input: &Input, rank: &[usize]) -> Vec<(f64, f64)> {
    // [top, bottom] room.
    let mut room = vec![[0.0f64; 2]; input.sizes.len()];
    for (e, &(from, to, _)) in input.edges.iter().enumerate() {
        if from != to {
            let down = rank[from] <= rank[to];
            room[from][usize::from(down)] += input.room(e, false);
            room[to][usize::from(rank[from] == rank[to] || !down)] += input.room(e, true);
        }
    }
    input
        .sizes
        .iter()
        .zip(&room)
        .map(|(&(w, h), r)| (w.max(r[0].max(r[1]) / PORT_SPAN + 8.0).ceil(), h))
        .collect()
}

/// Rows no wider than `max` (as far as single bodies allow): each body, in the order of its
/// layer and then the caller's (by branch), goes to the first row at or below its layer (or
/// just below its lowest appointer, if that is lower) with room for it. A row's overflow fills
/// the rows below that have room rather than pushing them all down by a new row, so bodies of
/// different depths with no edge between them share a row; every seat-filling edge that
/// pointed down still does.
fn stack(
    rank: &mut [usize],
    sizes: &[(f64, f64)],
    edges: &[(usize, usize, bool)],
    gap: f64,
    max: f64,
) {
    let n = rank.len();
    let mut parents: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b, decides) in edges {
        if decides && a != b && rank[a] < rank[b] {
            parents[b].push(a);
        }
    }
    let mut by_layer: Vec<usize> = (0..n).collect();
    by_layer.sort_by_key(|v| (rank[*v], *v));
    let mut row = vec![0usize; n];
    let mut filled: Vec<f64> = Vec::new();
    for v in by_layer {
        let below_parents = parents[v].iter().map(|p| row[*p] + 1).max();
        let mut r = below_parents.unwrap_or(rank[v]).max(rank[v]);
        let w = sizes[v].0;
        loop {
            if filled.len() <= r {
                filled.resize(r + 1, 0.0);
            }
            if filled[r] == 0.0 || filled[r] + gap + w <= max {
                break;
            }
            r += 1;
        }
        filled[r] += if filled[r] > 0.0 { gap + w } else { w };
        row[v] = r;
    }
    // Rows left empty (none should be, but a cycle's broken edges could leave one) close up.
    let mut used: Vec<usize> = row.clone();
    used.sort_unstable();
    used.dedup();
    for v in 0..n {
        rank[v] = used.binary_search(&row[v]).unwrap_or(0);
    }
}

/// The layer of each node, from 0 at the top: the appointment depth that [`super::layout`] starts
/// from (before it moves leaves down to narrower layers, which only a drawing needs). The
/// explorer's overview lists the bodies by it.
pub fn layers(n: usize, edges: &[(usize, usize, bool)]) -> Vec<usize> {
    ranks(n, edges)
}

/// Layer of each node: see the module documentation.
fn ranks(n: usize, edges: &[(usize, usize, bool)]) -> Vec<usize> {
    let mut out_edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut has_in = vec![false; n];
    for &(a, b, decides) in edges {
        if decides && a != b {
            out_edges[a].push(b);
            has_in[b] = true;
        }
    }
    // Sorted, each child once (a `contains` per edge cost the square of a principal's
    // thousands of children).
    for o in &mut out_edges {
        o.sort_unstable();
        o.dedup();
    }
    // Depth-first search from the roots first, so that the edges it drops as closing a cycle
    // are the ones pointing back up.
    let mut state = vec![0u8; n]; // 0 new, 1 on the stack, 2 done
    let mut dag: Vec<Vec<usize>> = vec![Vec::new(); n];
    let starts: Vec<usize> = (0..n)
        .filter(|i| !has_in[*i])
        .chain((0..n).filter(|i| has_in[*i]))
        .collect();
    for s in starts {
        if state[s] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(s, 0)];
        state[s] = 1;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&w) = out_edges[v].get(*next) {
                *next += 1;
                match state[w] {
                    0 => {
                        dag[v].push(w);
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    2 => dag[v].push(w),
                    _ => {} // closes a cycle
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    // Longest path, in topological order (reverse post-order of the acyclic graph).
    let mut indegree = vec![0usize; n];
    for outs in &dag {
        for &w in outs {
            indegree[w] += 1;
        }
    }
    let mut queue: Vec<usize> = (0..n).filter(|i| indegree[*i] == 0).collect();
    let mut rank = vec![0usize; n];
    let mut topo = Vec::with_capacity(n);
    let mut head = 0;
    while head < queue.len() {
        let v = queue[head];
        head += 1;
        topo.push(v);
        for &w in &dag[v] {
            rank[w] = rank[w].max(rank[v] + 1);
            indegree[w] -= 1;
            if indegree[w] == 0 {
                queue.push(w);
            }
        }
    }
    // A source that fills seats only far below sits just above its first child. (Whether a
    // node has a parent is counted once: asking per node cost n x edges on large states.)
    let mut has_parent = vec![false; n];
    for outs in &dag {
        for &w in outs {
            has_parent[w] = true;
        }
    }
    for &v in topo.iter().rev() {
        if !has_parent[v]
            && let Some(min_child) = dag[v].iter().map(|w| rank[*w]).min()
            && min_child > 0
        {
            rank[v] = rank[v].max(min_child - 1);
        }
    }
    rank
}

/// Moves bodies that fill no seats (the leaves of the appointment graph) down to narrower
/// layers, or to one new layer below the rest: longest-path layering stacks them all just
/// below their appointers, which can make one layer as wide as the whole state.
fn balance(rank: &mut [usize], sizes: &[(f64, f64)], edges: &[(usize, usize, bool)]) {
    let deepest = rank.iter().copied().max().unwrap_or(0) + 1;
    let mut width = vec![0.0; deepest + 1];
    for (i, r) in rank.iter().enumerate() {
        width[*r] += sizes[i].0 + NODE_GAP;
    }
    // Whether each node fills seats of another, and has its own filled by another: counted
    // once, as asking per node cost n x edges (minutes at 100,000 bodies).
    let mut fills = vec![false; rank.len()];
    let mut filled = vec![false; rank.len()];
    for &(a, b, d) in edges {
        if d && a != b {
            fills[a] = true;
            filled[b] = true;
        }
    }
    for v in 0..rank.len() {
        if fills[v] || !filled[v] {
            continue;
        }
        let from = rank[v];
        width[from] -= sizes[v].0 + NODE_GAP;
        let best = (from..=deepest)
            .min_by(|a, b| {
                let cost = |l: usize| width[l] + LAYER_MOVE_COST * (l - from) as f64;
                cost(*a).total_cmp(&cost(*b)).then(a.cmp(b))
            })
            .unwrap_or(from);
        rank[v] = best;
        width[best] += sizes[v].0 + NODE_GAP;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_follow_appointment_depth_and_break_cycles() {
        assert_eq!(
            ranks(
                4,
                &[
                    (0, 1, true),
                    (1, 2, true),
                    (0, 2, true),
                    (2, 0, false),
                    (1, 3, true)
                ]
            ),
            vec![0, 1, 2, 2]
        );
        // A cycle of seat-filling edges still gets layers.
        let r = ranks(3, &[(0, 1, true), (1, 2, true), (2, 1, true)]);
        assert_eq!(r, vec![0, 1, 2]);
        // A source whose only child is deep moves down next to it.
        let r = ranks(4, &[(0, 1, true), (1, 2, true), (3, 2, true)]);
        assert_eq!(r, vec![0, 1, 2, 1]);
    }

    #[test]
    fn a_full_rows_overflow_fills_a_row_below_and_arrows_still_point_down() {
        // 0 fills 1, 2, 3 (one layer, too wide for two); 1 fills 4, whose layer has room.
        let edges = [(0, 1, true), (0, 2, true), (0, 3, true), (1, 4, true)];
        let mut rank = ranks(5, &edges);
        assert_eq!(rank, vec![0, 1, 1, 1, 2]);
        stack(&mut rank, &[(80.0, 40.0); 5], &edges, 10.0, 180.0);
        // 3 goes to the row of 4, not to a new row that pushes 4 down.
        assert_eq!(rank, vec![0, 1, 1, 2, 2]);
        for (a, b, _) in edges {
            assert!(rank[a] < rank[b], "{a} -> {b}: {rank:?}");
        }
    }
}

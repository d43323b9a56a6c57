//! A layered (Sugiyama-style) drawing of a directed graph, for the SVG export:
//!
//! ```text
//!   layer 0   [Electorate]
//!                 │  ╲
//!   layer 1   [President]  [Maslikhats]      a body's layer is its appointment depth
//!              │    ╲  ·      │              long edges pass through dummy slots
//!   layer 2   [Senate]  ·  [Mazhilis]        between the bodies of the layers they cross
//! ```
//!
//! 1. Layers ([`layers`]): the longest path from the roots along the edges that fill seats (cycles broken
//!    where a depth-first search meets them), with pure sources pulled down to just above
//!    their first child.
//! 2. Every edge that spans more than one layer gets a dummy slot in each layer it crosses.
//! 3. Order within layers: barycentre sweeps, keeping the order with the fewest crossings.
//! 4. Horizontal positions: each slot wants the mean position of its neighbours; a weighted
//!    isotonic regression (pool adjacent violators) puts it as close as the order and the
//!    gaps allow, so long edges run straight.
//! 5. Routes ([`route`]): ports spread along a body's top and bottom in the order of where
//!    their edges go; curves with vertical tangents between layers, straight lines through
//!    dummy slots; an edge within a layer dips below it.
//!
//! Everything is deterministic: ties are broken by index, and only `+ - * /` and `sqrt` are
//! used, which IEEE 754 rounds the same way everywhere.

pub mod grid;
mod layers;
mod route;

pub use route::Route;
use route::route;

use layers::ranked;
pub use layers::{drawn_layers, layers};

/// Vertical space between two layers, for curves and labels.
pub const LAYER_GAP: f64 = 96.0;
/// The least gap between two layers: room for a curve and its arrowhead.
pub const MIN_GAP: f64 = 38.0;
/// The most a gap grows for its labels: the labels of many arrows into one body find their
/// room up the curves (`svg::place_labels`) rather than in a taller gap.
const MAX_LABEL_GAP: f64 = 84.0;
/// Room in a gap besides a label: the curve's start above it and its arrowhead below.
const LABEL_ROOM: f64 = 22.0;
/// Room for an arrow within a layer to dip below it, under its label.
const DIP_ROOM: f64 = 44.0;
const NODE_GAP: f64 = 34.0;
const DUMMY_GAP: f64 = 9.0;
const DUMMY_WIDTH: f64 = 6.0;
const COMPACT_NODE_GAP: f64 = 16.0;
const COMPACT_DUMMY_GAP: f64 = 4.0;
const COMPACT_DUMMY_WIDTH: f64 = 3.0;
/// Room per arrow end along a body's side, so that a body many arrows leave is wide enough
/// to tell them apart.
const PORT_SPACING: f64 = 7.0;
/// The part of a body's side that ports use: the rounded corners stay free.
const PORT_SPAN: f64 = 0.86;
const SWEEPS: usize = 24;
const SWAP_PASSES: usize = 3;
const PLACEMENT_ROUNDS: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pt {
    pub x: f64,
    pub y: f64,
}

impl Pt {
    fn new(x: f64, y: f64) -> Pt {
        Pt { x, y }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }
}

/// How hard a drawing tries to fit a width: the gaps between slots, and the widest a layer
/// may be before its bodies stack into several layers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// The narrower gaps: a print figure keeps its text size and gives up white space first.
    pub compact: bool,
    /// A layer whose bodies (and the gaps between them) are wider than this stacks them in
    /// as many layers as it takes, fewer columns rather than smaller text.
    pub max_layer: f64,
    /// Each layer's slots side by side with no more than the gaps between them, centred on
    /// one axis: the narrowest drawing of the order, its long arrows no longer straight.
    pub packed: bool,
}

impl Fit {
    /// The drawing as wide as its layers make it.
    pub const FREE: Fit = Fit {
        compact: false,
        max_layer: f64::INFINITY,
        packed: false,
    };
}

#[derive(Debug, Clone)]
pub struct Input {
    pub fit: Fit,
    /// Width and height of each node.
    pub sizes: Vec<(f64, f64)>,
    /// Directed edges (from, to) and whether each decides layers (fills seats).
    pub edges: Vec<(usize, usize, bool)>,
    /// Per edge, the width of its label, which sits just before its target (0 for none).
    pub labels: Vec<f64>,
}

impl Input {
    /// Room an edge end takes along a body's side.
    fn room(&self, e: usize, target: bool) -> f64 {
        let label = if target {
            self.labels.get(e).copied().unwrap_or(0.0)
        } else {
            0.0
        };
        PORT_SPACING.max(label + 3.0)
    }
}

pub struct Output {
    pub boxes: Vec<Rect>,
    pub routes: Vec<Route>,
    pub width: f64,
    pub height: f64,
    /// Room below the last layer for the arrows that dip under it.
    pub tail: f64,
}

/// The slots of the layered drawing: nodes first (slot `i` is node `i`), then dummies.
struct Slots {
    layer: Vec<usize>,
    width: Vec<f64>,
    /// For a dummy: its edge.
    edge: Vec<Option<usize>>,
    /// Neighbours in the layer above and below (a slot appears once per edge joining them).
    up: Vec<Vec<usize>>,
    down: Vec<Vec<usize>>,
    compact: bool,
}

impl Slots {
    fn push(&mut self, layer: usize, width: f64, edge: Option<usize>) -> usize {
        self.layer.push(layer);
        self.width.push(width);
        self.edge.push(edge);
        self.up.push(Vec::new());
        self.down.push(Vec::new());
        self.layer.len() - 1
    }

    fn gap(&self, a: usize, b: usize) -> f64 {
        let (node, dummy) = if self.compact {
            (COMPACT_NODE_GAP, COMPACT_DUMMY_GAP)
        } else {
            (NODE_GAP, DUMMY_GAP)
        };
        if self.edge[a].is_none() && self.edge[b].is_none() {
            node
        } else {
            dummy
        }
    }
}

/// Lays out the graph with its top-left corner at (0, 0), its layers [`LAYER_GAP`] apart.
pub fn layout(input: &Input) -> Output {
    layout_with(input, &[])
}

/// Lays out the graph with each gap between layers as tall as the labels that sit in it
/// need (`label_heights`, per edge; a label sits on the curve that ends at its target),
/// and never less than [`MIN_GAP`]: a fixed gap tall enough for the tallest label made a
/// chain of six layers twice a page tall. No heights: every gap [`LAYER_GAP`].
pub fn layout_with(input: &Input, label_heights: &[f64]) -> Output {
    let n = input.sizes.len();
    let (rank, sizes) = ranked(input);
    let dummy_width = if input.fit.compact {
        COMPACT_DUMMY_WIDTH
    } else {
        DUMMY_WIDTH
    };
    let layer_count = rank.iter().max().map_or(0, |r| r + 1);

    let mut slots = Slots {
        layer: Vec::new(),
        width: Vec::new(),
        edge: Vec::new(),
        up: Vec::new(),
        down: Vec::new(),
        compact: input.fit.compact,
    };
    for (i, r) in rank.iter().enumerate() {
        slots.push(*r, sizes[i].0, None);
    }
    // The slots each edge passes through, from its source to its target.
    let mut chains: Vec<Vec<usize>> = Vec::with_capacity(input.edges.len());
    for (e, &(from, to, _)) in input.edges.iter().enumerate() {
        let (r1, r2) = (rank[from], rank[to]);
        let mut chain = vec![from];
        let between: Vec<usize> = if r1 < r2 {
            (r1 + 1..r2).collect()
        } else {
            (r2 + 1..r1).rev().collect()
        };
        for r in between {
            chain.push(slots.push(r, dummy_width, Some(e)));
        }
        chain.push(to);
        for w in chain.windows(2) {
            let (a, b) = (w[0], w[1]);
            if slots.layer[a] + 1 == slots.layer[b] {
                slots.down[a].push(b);
                slots.up[b].push(a);
            } else if slots.layer[b] + 1 == slots.layer[a] {
                slots.down[b].push(a);
                slots.up[a].push(b);
            }
        }
        chains.push(chain);
    }
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); layer_count];
    for (s, r) in slots.layer.iter().enumerate() {
        layers[*r].push(s);
    }

    order(&mut layers, &slots);
    let mut x = placement(&mut layers, &slots);
    if input.fit.packed {
        for layer in &layers {
            let gaps: f64 = layer.windows(2).map(|w| slots.gap(w[0], w[1])).sum();
            let total: f64 = layer.iter().map(|s| slots.width[*s]).sum::<f64>() + gaps;
            let mut right = -total / 2.0;
            for (i, &s) in layer.iter().enumerate() {
                let g = if i == 0 {
                    0.0
                } else {
                    slots.gap(layer[i - 1], s)
                };
                x[s] = right + g + slots.width[s] / 2.0;
                right = x[s] + slots.width[s] / 2.0;
            }
        }
    }

    let mut left = f64::INFINITY;
    let mut right = f64::NEG_INFINITY;
    for (s, cx) in x.iter().enumerate() {
        left = left.min(cx - slots.width[s] / 2.0);
        right = right.max(cx + slots.width[s] / 2.0);
    }
    if !left.is_finite() {
        (left, right) = (0.0, 0.0);
    }
    // Each layer is a band as tall as its tallest body; bodies share its centre line.
    let mut band = vec![0.0f64; layer_count];
    for (i, r) in rank.iter().enumerate() {
        band[*r] = band[*r].max(sizes[i].1);
    }
    let gaps = gaps(input, label_heights, &rank, layer_count);
    let mut top = Vec::with_capacity(layer_count);
    let mut y = 0.0;
    for (r, h) in band.iter().enumerate() {
        top.push(y);
        y += h + gaps[r];
    }
    let height = (y - gaps.last().copied().unwrap_or(0.0)).max(0.0);
    let x: Vec<f64> = x.iter().map(|v| v - left).collect();
    let boxes: Vec<Rect> = (0..n)
        .map(|i| {
            let (w, h) = sizes[i];
            Rect {
                x: x[i] - w / 2.0,
                y: top[rank[i]] + (band[rank[i]] - h) / 2.0,
                w,
                h,
            }
        })
        .collect();

    let routes = route(
        input, &rank, &chains, &slots, &x, &boxes, &top, &band, &gaps,
    );
    // Arrows within the last layer dip below it.
    let last = layer_count.saturating_sub(1);
    let dips = input
        .edges
        .iter()
        .any(|&(a, b, _)| a != b && rank[a] == last && rank[b] == last);
    Output {
        boxes,
        routes,
        width: right - left,
        height,
        tail: if dips { gaps[last] * 0.45 } else { 6.0 },
    }
}

/// The gap below each layer (the last one's is the room its dipping arrows take): as tall
/// as the tallest label that sits in it, with room for the curve's ends.
fn gaps(input: &Input, label_heights: &[f64], rank: &[usize], layers: usize) -> Vec<f64> {
    if label_heights.is_empty() {
        return vec![LAYER_GAP; layers];
    }
    let mut gaps = vec![MIN_GAP; layers];
    // Per gap and target: the tallest label and the sum of them all. The labels of arrows
    // into one body sit side by side above it, and where they are too many for its width
    // some move up the curves: half the others' height is room enough for that.
    let mut into: std::collections::BTreeMap<(usize, usize), (f64, f64, f64)> =
        std::collections::BTreeMap::new();
    for (e, &(from, to, _)) in input.edges.iter().enumerate() {
        if from == to {
            continue;
        }
        let h = label_heights.get(e).copied().unwrap_or(0.0);
        let (at, room) = match rank[from].cmp(&rank[to]) {
            std::cmp::Ordering::Less => (rank[to] - 1, LABEL_ROOM),
            std::cmp::Ordering::Greater => (rank[to], LABEL_ROOM),
            // An arrow within a layer dips below it, its label on the dip.
            std::cmp::Ordering::Equal => (rank[from], DIP_ROOM),
        };
        let g = into.entry((at, to)).or_insert((0.0, 0.0, 0.0));
        g.0 = g.0.max(h);
        g.1 += h;
        g.2 = g.2.max(room);
    }
    for ((at, _), (tallest, sum, room)) in into {
        let need = tallest + room + (sum - tallest) / 2.0;
        gaps[at] = gaps[at].max(need.min(MAX_LABEL_GAP));
    }
    gaps
}

/// Orders the slots of each layer to reduce crossings (barycentre heuristic).
fn order(layers: &mut [Vec<usize>], slots: &Slots) {
    let mut pos = vec![0usize; slots.layer.len()];
    let index = |layers: &[Vec<usize>], pos: &mut [usize]| {
        for layer in layers {
            for (i, s) in layer.iter().enumerate() {
                pos[*s] = i;
            }
        }
    };
    index(layers, &mut pos);
    let mut best = layers.to_vec();
    let mut best_crossings = crossings(layers, slots, &pos);
    for sweep in 0..SWEEPS {
        let downward = sweep % 2 == 0;
        let range: Vec<usize> = if downward {
            (1..layers.len()).collect()
        } else {
            (0..layers.len().saturating_sub(1)).rev().collect()
        };
        for r in range {
            let mut keyed: Vec<(f64, usize, usize)> = layers[r]
                .iter()
                .enumerate()
                .map(|(i, &s)| {
                    let neighbours = if downward {
                        &slots.up[s]
                    } else {
                        &slots.down[s]
                    };
                    let key = if neighbours.is_empty() {
                        i as f64
                    } else {
                        neighbours.iter().map(|t| pos[*t]).sum::<usize>() as f64
                            / neighbours.len() as f64
                    };
                    (key, i, s)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            layers[r] = keyed.into_iter().map(|k| k.2).collect();
            for (i, s) in layers[r].iter().enumerate() {
                pos[*s] = i;
            }
        }
        let c = crossings(layers, slots, &pos);
        if c < best_crossings {
            best_crossings = c;
            best = layers.to_vec();
        }
    }
    layers.clone_from_slice(&best);
    // Local swaps finish what the sweeps left, once: on every sweep they would cost more than
    // the sweeps themselves on large states.
    index(layers, &mut pos);
    transpose(layers, slots, &mut pos);
}

/// Crossings between the edges of `u` and `v` (of one layer) when `u` is left of `v`: the
/// pairs of a neighbour of `u` and a neighbour of `v`, in the same adjacent layer, that are
/// the other way round.
fn pair_crossings(slots: &Slots, pos: &[usize], u: usize, v: usize) -> usize {
    let mut c = 0;
    for (nu, nv) in [
        (&slots.up[u], &slots.up[v]),
        (&slots.down[u], &slots.down[v]),
    ] {
        if nu.len() * nv.len() <= 64 {
            for a in nu {
                c += nv.iter().filter(|b| pos[*a] > pos[**b]).count();
            }
        } else {
            // Busy bodies: count with two sorted lists instead of every pair.
            let mut a: Vec<usize> = nu.iter().map(|x| pos[*x]).collect();
            let mut b: Vec<usize> = nv.iter().map(|x| pos[*x]).collect();
            a.sort_unstable();
            b.sort_unstable();
            let mut below = 0;
            for x in a {
                while below < b.len() && b[below] < x {
                    below += 1;
                }
                c += below;
            }
        }
    }
    c
}

/// Swaps neighbours in a layer while that removes crossings with the layers above and below.
fn transpose(layers: &mut [Vec<usize>], slots: &Slots, pos: &mut [usize]) {
    let cost = |u: usize, v: usize, pos: &[usize]| pair_crossings(slots, pos, u, v);
    let mut improved = true;
    let mut rounds = 0;
    while improved && rounds < 16 {
        improved = false;
        rounds += 1;
        for layer in layers.iter_mut() {
            for i in 0..layer.len().saturating_sub(1) {
                let (u, v) = (layer[i], layer[i + 1]);
                if cost(v, u, pos) < cost(u, v, pos) {
                    layer.swap(i, i + 1);
                    pos[u] = i + 1;
                    pos[v] = i;
                    improved = true;
                }
            }
        }
    }
}

fn crossings(layers: &[Vec<usize>], slots: &Slots, pos: &[usize]) -> usize {
    let mut total = 0;
    for layer in layers {
        // Segments in the order of their upper ends; two cross when their lower ends are the
        // other way round, so the crossings are the inversions of the lower ends.
        let mut segs: Vec<(usize, usize)> = layer
            .iter()
            .flat_map(|&u| slots.down[u].iter().map(move |&l| (pos[u], pos[l])))
            .collect();
        segs.sort_unstable();
        let mut lower: Vec<usize> = segs.iter().map(|s| s.1).collect();
        total += inversions(&mut lower);
        // Segments sharing an upper end never cross; the sort by (upper, lower) already
        // counts none between them.
    }
    total
}

/// Counts the pairs i < j with v[i] > v[j] (merge sort, O(n log n)); sorts `v`.
fn inversions(v: &mut [usize]) -> usize {
    if v.len() < 2 {
        return 0;
    }
    let mid = v.len() / 2;
    let mut count = inversions(&mut v[..mid]) + inversions(&mut v[mid..]);
    let mut merged = Vec::with_capacity(v.len());
    let (mut i, mut j) = (0, mid);
    while i < mid && j < v.len() {
        if v[i] <= v[j] {
            merged.push(v[i]);
            i += 1;
        } else {
            merged.push(v[j]);
            count += mid - i;
            j += 1;
        }
    }
    merged.extend_from_slice(&v[i..mid]);
    merged.extend_from_slice(&v[j..]);
    v.copy_from_slice(&merged);
    count
}

/// Horizontal centres of all slots: each wants the mean of its neighbours' centres. Two
/// neighbours that want to be the other way round swap when that adds no crossing (a body
/// and the edges passing beside it often can).
fn placement(layers: &mut [Vec<usize>], slots: &Slots) -> Vec<f64> {
    let mut pos = vec![0usize; slots.layer.len()];
    for layer in layers.iter() {
        for (i, s) in layer.iter().enumerate() {
            pos[*s] = i;
        }
    }
    let mut x = vec![0.0; slots.layer.len()];
    for layer in layers.iter() {
        let mut right = 0.0;
        for (i, &s) in layer.iter().enumerate() {
            let g = if i == 0 {
                0.0
            } else {
                slots.gap(layer[i - 1], s)
            };
            x[s] = right + g + slots.width[s] / 2.0;
            right = x[s] + slots.width[s] / 2.0;
        }
    }
    for round in 0..PLACEMENT_ROUNDS {
        // Pull towards the layer above (going down), the layer below (going up), then both.
        let (use_up, use_down, range): (bool, bool, Vec<usize>) = match round % 3 {
            0 => (true, false, (0..layers.len()).collect()),
            1 => (false, true, (0..layers.len()).rev().collect()),
            _ => (true, true, (0..layers.len()).collect()),
        };
        for r in range {
            let layer = &mut layers[r];
            let mut wanted = Vec::with_capacity(layer.len());
            let mut weights = Vec::with_capacity(layer.len());
            for &s in layer.iter() {
                let mut neighbours: Vec<usize> = Vec::new();
                if use_up {
                    neighbours.extend(&slots.up[s]);
                }
                if use_down {
                    neighbours.extend(&slots.down[s]);
                }
                if neighbours.is_empty() {
                    wanted.push(x[s]);
                } else {
                    wanted.push(
                        neighbours.iter().map(|t| x[*t]).sum::<f64>() / neighbours.len() as f64,
                    );
                }
                // Dummies pull harder, so that long edges run straight.
                weights.push(match slots.edge[s] {
                    None => 1.0 + neighbours.len() as f64,
                    Some(_) => 4.0,
                });
            }
            // A few passes per round: later rounds continue where these stop.
            for _ in 0..SWAP_PASSES {
                let mut swapped = false;
                for i in 0..layer.len().saturating_sub(1) {
                    let (u, v) = (layer[i], layer[i + 1]);
                    if wanted[i] > wanted[i + 1]
                        && pair_crossings(slots, &pos, v, u) <= pair_crossings(slots, &pos, u, v)
                    {
                        layer.swap(i, i + 1);
                        wanted.swap(i, i + 1);
                        weights.swap(i, i + 1);
                        pos[u] = i + 1;
                        pos[v] = i;
                        swapped = true;
                    }
                }
                if !swapped {
                    break;
                }
            }
            let min_dist: Vec<f64> = layer
                .windows(2)
                .map(|w| slots.width[w[0]] / 2.0 + slots.gap(w[0], w[1]) + slots.width[w[1]] / 2.0)
                .collect();
            for (s, v) in layer.iter().zip(place(&wanted, &weights, &min_dist)) {
                x[*s] = v;
            }
        }
    }
    x
}

/// Positions closest (weighted least squares) to `wanted` such that consecutive positions
/// are at least `min_dist` apart: subtracting the cumulative minimum distances turns this
/// into isotonic regression, which pool-adjacent-violators solves exactly.
fn place(wanted: &[f64], weights: &[f64], min_dist: &[f64]) -> Vec<f64> {
    let mut offset = Vec::with_capacity(wanted.len());
    let mut acc = 0.0;
    for i in 0..wanted.len() {
        if i > 0 {
            acc += min_dist[i - 1];
        }
        offset.push(acc);
    }
    // Blocks of (weighted mean, total weight, count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for i in 0..wanted.len() {
        blocks.push((wanted[i] - offset[i], weights[i], 1));
        while blocks.len() > 1 {
            let (m2, w2, c2) = blocks[blocks.len() - 1];
            let (m1, w1, c1) = blocks[blocks.len() - 2];
            if m1 <= m2 {
                break;
            }
            blocks.pop();
            let last = blocks.len() - 1;
            blocks[last] = ((m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, c1 + c2);
        }
    }
    let mut out = Vec::with_capacity(wanted.len());
    for (m, _, c) in blocks {
        for _ in 0..c {
            let i = out.len();
            out.push(m + offset[i]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::route::Seg;
    use super::*;

    fn chain_input() -> Input {
        // 0 -> 1 -> 2, and 0 -> 2 (a long edge), 2 -> 0 (a back edge), 1 -> 3 (same layer
        // as 2 after ranking).
        Input {
            fit: Fit::FREE,
            sizes: vec![(80.0, 40.0); 4],
            edges: vec![
                (0, 1, true),
                (1, 2, true),
                (0, 2, true),
                (2, 0, false),
                (1, 3, true),
            ],
            labels: vec![10.0, 10.0, 10.0, 0.0, 0.0],
        }
    }

    #[test]
    fn pair_crossings_agree_for_small_and_busy_bodies() {
        // Slot 0 and 1 in one layer; 2..=21 below them, in order.
        let mut slots = Slots {
            layer: vec![0, 0],
            width: vec![10.0, 10.0],
            edge: vec![None, None],
            up: vec![Vec::new(), Vec::new()],
            down: vec![Vec::new(), Vec::new()],
            compact: false,
        };
        for _ in 0..20 {
            slots.push(1, 10.0, None);
        }
        let pos: Vec<usize> = (0..22).map(|i| if i < 2 { i } else { i - 2 }).collect();
        let brute = |u: &[usize], v: &[usize]| {
            u.iter()
                .map(|a| v.iter().filter(|b| pos[*a] > pos[**b]).count())
                .sum::<usize>()
        };
        slots.down[0] = (2..22).step_by(2).collect();
        slots.down[1] = (3..22).step_by(3).collect();
        let expected = brute(&slots.down[0], &slots.down[1]);
        assert_eq!(pair_crossings(&slots, &pos, 0, 1), expected);
        slots.down[0].truncate(3);
        slots.down[1].truncate(3);
        let expected = brute(&slots.down[0], &slots.down[1]);
        assert_eq!(pair_crossings(&slots, &pos, 0, 1), expected);
    }

    #[test]
    fn crossings_are_the_inversions_of_lower_ends() {
        let mut v = vec![3, 1, 2, 0];
        assert_eq!(inversions(&mut v), 5);
        assert_eq!(v, vec![0, 1, 2, 3]);
        assert_eq!(inversions(&mut [0, 0, 1]), 0);
    }

    #[test]
    fn placement_keeps_order_and_gaps() {
        let x = place(&[10.0, 10.0, 10.0], &[1.0, 1.0, 1.0], &[5.0, 5.0]);
        assert_eq!(x, vec![5.0, 10.0, 15.0]);
        let x = place(&[0.0, 100.0], &[1.0, 1.0], &[10.0]);
        assert_eq!(x, vec![0.0, 100.0]);
    }

    #[test]
    fn boxes_do_not_overlap_and_routes_end_on_their_bodies() {
        let input = chain_input();
        let out = layout(&input);
        for (i, a) in out.boxes.iter().enumerate() {
            for b in &out.boxes[i + 1..] {
                let apart = a.x + a.w <= b.x + 1e-9
                    || b.x + b.w <= a.x + 1e-9
                    || a.y + a.h <= b.y + 1e-9
                    || b.y + b.h <= a.y + 1e-9;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
        for ((from, to, _), r) in input.edges.iter().zip(&out.routes) {
            let (a, b) = (out.boxes[*from], out.boxes[*to]);
            let end = match r.segs.last().unwrap() {
                Seg::Line(p) | Seg::Cubic(_, _, p) => *p,
            };
            assert!(r.start.x >= a.x && r.start.x <= a.x + a.w);
            assert!(r.start.y == a.y || r.start.y == a.y + a.h);
            assert!(end.x >= b.x && end.x <= b.x + b.w);
            assert!(end.y == b.y || end.y == b.y + b.h);
        }
        // The long edge passes through a dummy in the middle layer, beside body 1.
        let long = &out.routes[2];
        assert!(long.segs.iter().any(|s| matches!(s, Seg::Line(_))));
    }

    #[test]
    fn gaps_are_as_tall_as_their_labels_need() {
        let input = chain_input();
        let flat = layout(&input);
        let sized = layout_with(&input, &[12.0, 12.0, 12.0, 0.0, 0.0]);
        assert!(sized.height < flat.height);
        // No label taller than the fixed gap: never a taller drawing.
        let tall = layout_with(&input, &[500.0; 5]);
        assert!(tall.height <= flat.height + 1e-9);
    }

    #[test]
    fn the_same_input_gives_the_same_drawing() {
        let a = layout(&chain_input());
        let b = layout(&chain_input());
        assert_eq!(a.boxes, b.boxes);
        assert_eq!(a.routes, b.routes);
    }
}

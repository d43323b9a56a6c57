//! Integrated control: absorption probabilities of the appointment chain.
//!
//! Each body's direct shares, divided by its seats, are a row of a stochastic matrix: from a
//! seat of body B, step to the actor that filled it. Principals are absorbing. For a transient
//! body t the absorption distribution satisfies
//!
//! ```text
//!     h(t) = sum_j r(t, j) * h(j),      h(p) = e_p for every principal p,
//! ```
//!
//! i.e. `(I - Q) H = R`. We solve it with Gauss-Seidel over the sparse rows (never a dense
//! inverse), visiting the transient bodies in dependency order: the strongly connected
//! components of the graph "t reads j" (Tarjan's algorithm, iterative), each component after
//! every component its rows read ([`Order`]). A body outside any cycle reads only final
//! values, so one visit makes it exact; only the bodies of a cycle (the Senate confirms a
//! Chair it partly elects) iterate, each cycle on its own until it has converged, before
//! anything that reads it. The iteration converges because every transient body reaches a
//! principal (checked first), so the spectral radius of Q, and of each cycle's block of it, is
//! below 1.
//!
//! **Sweeps.** [`Solution::sweeps`] is the most passes any one component took: 1 when no body
//! fills another in a circle (every body visited once), otherwise the passes of the slowest
//! cycle until no entry of it moved by more than [`TOLERANCE`] (the pass that shows it
//! included) and each of its rows carries its whole mass ([`MASS_TOLERANCE`]).
//! [`Solution::visits`] counts the rows evaluated in all.
//!
//! Complexity, for B bodies, N nonzeros in the rows and P principals: the unreachable check
//! and the order O(B + N); the acyclic bodies one pass, O((B + N) x P); each cycle c of n_c
//! nonzeros O(sweeps_c x n_c x P), sweeps_c its own passes (a handful for the two- and
//! three-body cycles of real states); the residual one more pass. So O((B + N) x P) when the
//! cycles are small, whatever the file order of the bodies. All the passes together are
//! bounded by [`MAX_WORK`] multiply-adds (and each cycle by [`MAX_SWEEPS`] passes), so that
//! no input makes the program hang.

use std::collections::VecDeque;
use std::fmt;

/// A component's passes stop when no entry of it moved by more than this in a pass.
pub const TOLERANCE: f64 = 1e-12;
/// The solution is accepted only when every row's absorption probabilities add up to 1 within
/// this.
pub const MASS_TOLERANCE: f64 = 1e-9;
/// A bound on one component's passes; reached only by pathological near-closed cycles,
/// reported as an error.
pub const MAX_SWEEPS: usize = 1_000_000;
/// The most multiply-adds a solve may spend (passes x nonzeros x principals, over every
/// component): a few seconds at worst, so that no input makes the program hang.
pub const MAX_WORK: usize = 4_000_000_000;
/// The most cells (bodies x principals) the solution may hold: 32 million, 256 MiB. Real states
/// need a few thousand; a larger input is refused rather than allowed to exhaust memory.
pub const MAX_CELLS: usize = 32_000_000;

/// Sparse rows: for each body, (actor index, probability) pairs summing to 1 (or empty for a
/// root nobody fills).
pub type Rows = Vec<Vec<(usize, f64)>>;

#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// `h[b * m + k]` ([`Solution::at`]): probability that the walk *at* body `b` ends at
    /// absorbing state `k` of `m` (`e_p` for principals). One flat array: at 100,000 bodies a
    /// vector per body cost more in allocation and cache misses than the arithmetic.
    pub h: Vec<f64>,
    /// Absorbing states (columns).
    pub m: usize,
    /// The most passes any one strongly connected component of the transient bodies took
    /// (1 when no bodies fill each other in a circle, 0 when every body is a principal): see
    /// the module's doc.
    pub sweeps: usize,
    /// Rows evaluated in all, over every component's passes (the transient bodies once each
    /// when there is no cycle).
    pub visits: usize,
    /// Largest residual |h(t) - sum_j r(t,j) h(j)| after the last pass.
    pub residual: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SolveError {
    /// These transient bodies cannot reach any principal.
    Unreachable(Vec<usize>),
    NoConvergence {
        sweeps: usize,
        change: f64,
    },
    /// The solution would need more than [`MAX_CELLS`] cells.
    TooLarge {
        bodies: usize,
        principals: usize,
    },
}

impl Solution {
    /// Probability that the walk at body `b` ends at absorbing state `k`.
    pub fn at(&self, b: usize, k: usize) -> f64 {
        self.h[b * self.m + k]
    }
}

impl fmt::Display for SolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The solver knows bodies by index only; the analysis names them
            // ([`crate::analysis::AnalysisError::Unreachable`]).
            SolveError::Unreachable(ix) => write!(
                f,
                "the chain of channels from bodies {} (by index) never reaches a principal",
                ix.iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            SolveError::NoConvergence { sweeps, change } => write!(
                f,
                "the control computation did not converge after {sweeps} sweeps (last change {change:e}): some bodies fill each other in an almost closed circle"
            ),
            SolveError::TooLarge { bodies, principals } => write!(
                f,
                "{bodies} bodies and {principals} principals are too many to analyse (at most {MAX_CELLS} cells); choose fewer principals with --principal"
            ),
        }
    }
}

impl std::error::Error for SolveError {}

/// Bodies from which no absorbing body can be reached along positive rows.
pub fn unreachable<R: AsRef<[(usize, f64)]>>(rows: &[R], absorbing: &[bool]) -> Vec<usize> {
    let n = rows.len();
    // Edges point from the actor to the body it fills; a body reaches a principal iff the
    // principal reaches it in this graph. Built as compressed adjacency lists, in the order a
    // per-edge list would give them.
    let mut start = vec![0usize; n + 1];
    for row in rows {
        for &(a, p) in row.as_ref() {
            if p > 0.0 && a < n {
                start[a + 1] += 1;
            }
        }
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut to = vec![0usize; start[n]];
    for (b, row) in rows.iter().enumerate() {
        for &(a, p) in row.as_ref() {
            if p > 0.0 && a < n {
                to[fill[a]] = b;
                fill[a] += 1;
            }
        }
    }
    let mut seen = vec![false; n];
    let mut queue: VecDeque<usize> = VecDeque::new();
    for (i, &abs) in absorbing.iter().enumerate() {
        if abs {
            seen[i] = true;
            queue.push_back(i);
        }
    }
    while let Some(v) = queue.pop_front() {
        for &t in &to[start[v]..start[v + 1]] {
            if !seen[t] {
                seen[t] = true;
                queue.push_back(t);
            }
        }
    }
    (0..n).filter(|&i| !seen[i]).collect()
}

/// The transient bodies in dependency order: the strongly connected components of "body `t`
/// reads `j`" (`j` in `t`'s row, both transient), each after every component it reads, the
/// members of a component in file order. A function of the rows' pattern (which actors each
/// row names), not of their values: rows with the same pattern have the same order.
#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    /// The transient bodies, component after component.
    bodies: Vec<usize>,
    /// Component `c` is `bodies[ends[c - 1]..ends[c]]` (from 0 for the first), with the top
    /// bit of `ends[c]` set when it must iterate (a circle, or a body that fills itself).
    ends: Vec<usize>,
}

/// The bit of [`Order::ends`] marking a component that iterates.
const CYCLIC: usize = 1 << (usize::BITS - 1);

impl Order {
    /// Tarjan's algorithm with an explicit stack (no recursion: a chain may be 100,000
    /// bodies long), O(B + N).
    pub fn of<R: AsRef<[(usize, f64)]>>(rows: &[R], absorbing: &[bool]) -> Order {
        const NONE: usize = usize::MAX;
        let n = rows.len();
        let reads = |j: usize| j < n && !absorbing[j];
        let mut index = vec![NONE; n];
        let mut low = vec![0usize; n];
        let mut on_stack = vec![false; n];
        let mut stack: Vec<usize> = Vec::new();
        // (body, position of the next entry of its row to follow)
        let mut calls: Vec<(usize, usize)> = Vec::new();
        let mut next = 0;
        let mut finish = vec![0usize; n];
        let mut done = 0;
        let mut bodies = Vec::with_capacity(n);
        let mut ends = Vec::new();
        for root in (0..n).filter(|&i| !absorbing[i]) {
            if index[root] != NONE {
                continue;
            }
            index[root] = next;
            low[root] = next;
            next += 1;
            stack.push(root);
            on_stack[root] = true;
            calls.push((root, 0));
            while let Some(&(v, at)) = calls.last() {
                let row = rows[v].as_ref();
                if let Some(&(j, _)) = row.get(at) {
                    if let Some(call) = calls.last_mut() {
                        call.1 += 1;
                    }
                    if !reads(j) {
                        continue;
                    }
                    if index[j] == NONE {
                        index[j] = next;
                        low[j] = next;
                        next += 1;
                        stack.push(j);
                        on_stack[j] = true;
                        calls.push((j, 0));
                    } else if on_stack[j] {
                        low[v] = low[v].min(index[j]);
                    }
                    continue;
                }
                calls.pop();
                finish[v] = done;
                done += 1;
                if let Some(&(u, _)) = calls.last() {
                    low[u] = low[u].min(low[v]);
                }
                if low[v] == index[v] {
                    let from = bodies.len();
                    loop {
                        let w = stack.pop().expect("v is on the stack");
                        on_stack[w] = false;
                        bodies.push(w);
                        if w == v {
                            break;
                        }
                    }
                    let members = &mut bodies[from..];
                    members.sort_unstable_by_key(|&w| finish[w]);
                    let cyclic = members.len() > 1 || row.iter().any(|&(j, _)| j == v);
                    ends.push(bodies.len() | if cyclic { CYCLIC } else { 0 });
                }
            }
        }
        Order { bodies, ends }
    }

    /// The components in order: (members, whether they iterate).
    pub fn components(&self) -> impl Iterator<Item = (&[usize], bool)> + '_ {
        let mut from = 0;
        self.ends.iter().map(move |&e| {
            let to = e & !CYCLIC;
            let c = (&self.bodies[from..to], e & CYCLIC != 0);
            from = to;
            c
        })
    }

    /// The number of components that iterate and the bodies in the largest.
    pub fn cycles(&self) -> (usize, usize) {
        self.components()
            .filter(|c| c.1)
            .fold((0, 0), |(k, big), (c, _)| (k + 1, big.max(c.len())))
    }
}

/// The orders of the last few patterns solved, each kept with its pattern (every row's
/// actors, and which bodies absorb) and found again only by an exact match of it: a run of
/// systems of one shape (the ranges' combinations, whose weights move the values but rarely
/// which actors a row names) orders its bodies once. A different pattern gets its own order,
/// so the figures are those of a fresh solve, bit for bit.
#[derive(Debug, Default)]
pub struct Orders {
    keep: usize,
    /// Most recently used first.
    kept: Vec<(Option<Pattern>, Order)>,
}

#[derive(Debug)]
struct Pattern {
    absorbing: Vec<bool>,
    lens: Vec<usize>,
    actors: Vec<usize>,
}

impl Pattern {
    fn of<R: AsRef<[(usize, f64)]>>(rows: &[R], absorbing: &[bool]) -> Pattern {
        Pattern {
            absorbing: absorbing.to_vec(),
            lens: rows.iter().map(|r| r.as_ref().len()).collect(),
            actors: rows.iter().flat_map(|r| r.as_ref()).map(|e| e.0).collect(),
        }
    }

    fn fits<R: AsRef<[(usize, f64)]>>(&self, rows: &[R], absorbing: &[bool]) -> bool {
        self.absorbing == absorbing
            && self.lens.len() == rows.len()
            && rows
                .iter()
                .zip(&self.lens)
                .all(|(r, &l)| r.as_ref().len() == l)
            && rows
                .iter()
                .flat_map(|r| r.as_ref())
                .map(|e| e.0)
                .eq(self.actors.iter().copied())
    }
}

impl Orders {
    /// Keeps the orders of the last `keep` patterns solved (none: each solve orders afresh).
    pub fn keeping(keep: usize) -> Orders {
        Orders {
            keep,
            kept: Vec::new(),
        }
    }

    /// The order of `rows`: a kept one if its pattern is theirs, else computed (and kept).
    fn of<R: AsRef<[(usize, f64)]>>(&mut self, rows: &[R], absorbing: &[bool]) -> &Order {
        let found = self
            .kept
            .iter()
            .position(|(p, _)| p.as_ref().is_some_and(|p| p.fits(rows, absorbing)));
        let first = match found {
            Some(i) => self.kept.remove(i),
            None => {
                let pattern = (self.keep > 0).then(|| Pattern::of(rows, absorbing));
                (pattern, Order::of(rows, absorbing))
            }
        };
        self.kept.insert(0, first);
        self.kept.truncate(self.keep.max(1));
        &self.kept[0].1
    }
}

/// Solves for the absorption distribution of every body. `absorbing[k]` marks principals; the
/// columns of `h` follow the order of `absorbing_ids`, the indices of absorbing bodies.
pub fn solve<R: AsRef<[(usize, f64)]>>(
    rows: &[R],
    absorbing: &[bool],
) -> Result<Solution, SolveError> {
    solve_with(rows, absorbing, &mut Orders::default())
}

/// [`solve`], taking the order of the bodies from `orders` when it holds that of the rows'
/// pattern (and keeping it there otherwise): the same figures, bit for bit.
pub fn solve_with<R: AsRef<[(usize, f64)]>>(
    rows: &[R],
    absorbing: &[bool],
    orders: &mut Orders,
) -> Result<Solution, SolveError> {
    let n = rows.len();
    let cols: Vec<usize> = (0..n).filter(|&i| absorbing[i]).collect();
    let m = cols.len();
    if n.saturating_mul(m) > MAX_CELLS {
        return Err(SolveError::TooLarge {
            bodies: n,
            principals: m,
        });
    }
    let stuck = unreachable(rows, absorbing);
    if !stuck.is_empty() {
        return Err(SolveError::Unreachable(stuck));
    }
    let order = orders.of(rows, absorbing);
    let mut h = vec![0.0; n * m];
    for (k, &i) in cols.iter().enumerate() {
        h[i * m + k] = 1.0;
    }
    // The transient rows in one contiguous array, in the order of the passes: a pass then
    // reads memory in order except for the values it looks up.
    let mut start = Vec::with_capacity(order.bodies.len() + 1);
    let nonzeros: usize = order.bodies.iter().map(|&t| rows[t].as_ref().len()).sum();
    let mut entries: Vec<(usize, f64)> = Vec::with_capacity(nonzeros);
    start.push(0);
    for &t in &order.bodies {
        entries.extend_from_slice(rows[t].as_ref());
        start.push(entries.len());
    }
    let mut sweep = Sweep {
        order,
        start: &start,
        entries: &entries,
        m,
        work: 0,
        visits: 0,
    };
    // The usual few principals get a loop unrolled for their number; the sums are the same,
    // in the same order.
    let sweeps = match m {
        1 => sweep.run(&mut h, &mut Fixed::<1>),
        2 => sweep.run(&mut h, &mut Fixed::<2>),
        3 => sweep.run(&mut h, &mut Fixed::<3>),
        4 => sweep.run(&mut h, &mut Fixed::<4>),
        5 => sweep.run(&mut h, &mut Fixed::<5>),
        6 => sweep.run(&mut h, &mut Fixed::<6>),
        7 => sweep.run(&mut h, &mut Fixed::<7>),
        8 => sweep.run(&mut h, &mut Fixed::<8>),
        _ => sweep.run(&mut h, &mut Any(vec![0.0; m])),
    }?;
    let visits = sweep.visits;
    let residual = order
        .bodies
        .iter()
        .map(|&t| {
            (0..m)
                .map(|k| {
                    let lhs = h[t * m + k];
                    let rhs: f64 = rows[t]
                        .as_ref()
                        .iter()
                        .map(|&(j, p)| p * h[j * m + k])
                        .sum();
                    (lhs - rhs).abs()
                })
                .fold(0.0, f64::max)
        })
        .fold(0.0, f64::max);
    Ok(Solution {
        h,
        m,
        sweeps,
        visits,
        residual,
    })
}

/// One row's update: `h[t] = sum_j p h[j]`, returning the largest move of an entry.
trait Update {
    fn update(&mut self, h: &mut [f64], t: usize, row: &[(usize, f64)]) -> f64;
    /// The mass of `t`'s distribution.
    fn mass(&self, h: &[f64], t: usize) -> f64;
}

/// [`Update`] with `M` absorbing states known at compile time.
struct Fixed<const M: usize>;

impl<const M: usize> Update for Fixed<M> {
    #[inline]
    fn update(&mut self, h: &mut [f64], t: usize, row: &[(usize, f64)]) -> f64 {
        let (h, _) = h.as_chunks_mut::<M>();
        let mut next = [0.0; M];
        for &(j, p) in row {
            let hj = &h[j];
            for k in 0..M {
                next[k] += p * hj[k];
            }
        }
        let ht = &mut h[t];
        let mut change: f64 = 0.0;
        for k in 0..M {
            change = change.max((ht[k] - next[k]).abs());
            ht[k] = next[k];
        }
        change
    }

    fn mass(&self, h: &[f64], t: usize) -> f64 {
        h[t * M..(t + 1) * M].iter().sum()
    }
}

/// [`Update`] for any number of absorbing states, with its buffer.
struct Any(Vec<f64>);

impl Update for Any {
    fn update(&mut self, h: &mut [f64], t: usize, row: &[(usize, f64)]) -> f64 {
        let m = self.0.len();
        let next = &mut self.0;
        next.iter_mut().for_each(|x| *x = 0.0);
        for &(j, p) in row {
            for (x, hj) in next.iter_mut().zip(&h[j * m..(j + 1) * m]) {
                *x += p * hj;
            }
        }
        let mut change: f64 = 0.0;
        for (old, new) in h[t * m..(t + 1) * m].iter_mut().zip(next.iter()) {
            change = change.max((*old - new).abs());
            *old = *new;
        }
        change
    }

    fn mass(&self, h: &[f64], t: usize) -> f64 {
        let m = self.0.len();
        h[t * m..(t + 1) * m].iter().sum()
    }
}

/// The Gauss-Seidel passes, component by component, over the transient rows stored
/// contiguously in the order's.
struct Sweep<'a> {
    order: &'a Order,
    /// The `i`-th body of the order has the row `entries[start[i]..start[i + 1]]`.
    start: &'a [usize],
    entries: &'a [(usize, f64)],
    m: usize,
    /// Multiply-adds spent so far, against [`MAX_WORK`].
    work: usize,
    visits: usize,
}

impl Sweep<'_> {
    /// Solves every component in order; returns the most passes one took.
    fn run(&mut self, h: &mut [f64], u: &mut impl Update) -> Result<usize, SolveError> {
        let mut most = 0;
        let mut from = 0;
        let order = self.order;
        for (members, cyclic) in order.components() {
            let to = from + members.len();
            let passes = self.component(h, u, from, members, cyclic)?;
            most = most.max(passes);
            from = to;
        }
        Ok(most)
    }

    /// Passes over the component whose members are `members`, the order's bodies from
    /// position `from`, until it has converged (one pass when it does not iterate: it reads
    /// final values only).
    fn component(
        &mut self,
        h: &mut [f64],
        u: &mut impl Update,
        from: usize,
        members: &[usize],
        cyclic: bool,
    ) -> Result<usize, SolveError> {
        let span = self.start[from]..self.start[from + members.len()];
        let cost = span.len().max(1).saturating_mul(self.m);
        let mut passes = 0;
        loop {
            passes += 1;
            self.work = self.work.saturating_add(cost);
            self.visits += members.len();
            let mut change: f64 = 0.0;
            for (i, &t) in members.iter().enumerate() {
                let row = &self.entries[self.start[from + i]..self.start[from + i + 1]];
                change = change.max(u.update(h, t, row));
            }
            // A small step is not enough: in an almost closed circle of bodies the values
            // creep up by tiny steps far from the answer. Every row must also carry its whole
            // mass: the walk from any body ends at some principal with probability 1.
            let short = members
                .iter()
                .map(|&t| 1.0 - u.mass(h, t))
                .fold(0.0, f64::max);
            // A body outside a cycle read final values: it moves no more.
            if (!cyclic || change < TOLERANCE) && short < MASS_TOLERANCE {
                return Ok(passes);
            }
            if !cyclic || passes >= MAX_SWEEPS || self.work.saturating_add(cost) > MAX_WORK {
                return Err(SolveError::NoConvergence {
                    sweeps: passes,
                    change,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_two_body_cycle_matches_the_hand_computation() {
        // 0 = P, 1 = Q (principals); 2 = A: half P, half B; 3 = B: half Q, half A.
        // h(A) = P/2 + h(B)/2, h(B) = Q/2 + h(A)/2  =>  h(A) = 2/3 P + 1/3 Q.
        let rows: Rows = vec![
            vec![],
            vec![],
            vec![(0, 0.5), (3, 0.5)],
            vec![(1, 0.5), (2, 0.5)],
        ];
        let abs = [true, true, false, false];
        let s = solve(&rows, &abs).unwrap();
        assert!((s.at(2, 0) - 2.0 / 3.0).abs() < 1e-10);
        assert!((s.at(2, 1) - 1.0 / 3.0).abs() < 1e-10);
        assert!((s.at(3, 0) - 1.0 / 3.0).abs() < 1e-10);
        assert!((s.at(3, 1) - 2.0 / 3.0).abs() < 1e-10);
        assert!(s.residual < 1e-10);
    }

    #[test]
    fn a_self_loop_is_fine_when_an_exit_exists() {
        // A fills 9/10 of itself (co-optation) and P the rest: all control ends at P.
        let rows: Rows = vec![vec![], vec![(1, 0.9), (0, 0.1)]];
        let s = solve(&rows, &[true, false]).unwrap();
        assert!((s.at(1, 0) - 1.0).abs() < 1e-10);
    }

    #[test]
    fn an_almost_closed_cycle_stops_with_an_error_instead_of_hanging() {
        // A and B fill each other but for one part in 10^12 that goes to P.
        let eps = 1e-12;
        let rows: Rows = vec![vec![], vec![(2, 1.0 - eps), (0, eps)], vec![(1, 1.0)]];
        match solve(&rows, &[true, false, false]) {
            Err(SolveError::NoConvergence { sweeps, .. }) => assert!(sweeps <= MAX_SWEEPS),
            other => panic!("a wrong answer must not pass for a solution: {other:?}"),
        }
        // One part in a thousand converges, to the right answer.
        let eps = 1e-3;
        let rows: Rows = vec![vec![], vec![(2, 1.0 - eps), (0, eps)], vec![(1, 1.0)]];
        let s = solve(&rows, &[true, false, false]).unwrap();
        assert!((s.at(1, 0) - 1.0).abs() < 1e-8, "{}", s.at(1, 0));
    }

    #[test]
    fn a_closed_cycle_is_reported() {
        let rows: Rows = vec![vec![], vec![(2, 1.0)], vec![(1, 1.0)], vec![(0, 1.0)]];
        assert_eq!(
            solve(&rows, &[true, false, false, false]),
            Err(SolveError::Unreachable(vec![1, 2]))
        );
    }

    /// The components of `order`, as (members, iterates).
    fn components(order: &Order) -> Vec<(Vec<usize>, bool)> {
        order
            .components()
            .map(|(c, cyclic)| (c.to_vec(), cyclic))
            .collect()
    }

    #[test]
    fn a_cycle_is_one_component_after_what_it_reads_and_before_its_readers() {
        // 0 = P; 1 reads the cycle {3, 4}, which reads 2, which reads P; 5 fills itself.
        let rows: Rows = vec![
            vec![],
            vec![(3, 1.0)],
            vec![(0, 1.0)],
            vec![(2, 0.5), (4, 0.5)],
            vec![(0, 0.5), (3, 0.5)],
            vec![(0, 0.5), (5, 0.5)],
        ];
        let abs = [true, false, false, false, false, false];
        assert_eq!(
            components(&Order::of(&rows, &abs)),
            vec![
                (vec![2], false),
                (vec![4, 3], true),
                (vec![1], false),
                (vec![5], true),
            ]
        );
        let s = solve(&rows, &abs).unwrap();
        assert!(s.sweeps > 1, "only the cycles iterate");
        for b in 1..6 {
            assert!((s.at(b, 0) - 1.0).abs() < 1e-12, "{b}: {}", s.at(b, 0));
        }
    }

    #[test]
    fn a_chain_in_reverse_file_order_is_solved_in_one_pass() {
        // Body i is filled by body i + 1, the last by P: in file order each body would read
        // a value not yet computed, and Gauss-Seidel in file order would need a pass per
        // link. Long enough that a recursive search would overflow the stack.
        let n = 200_000;
        let mut rows: Rows = (0..n).map(|i| vec![(i + 1, 1.0)]).collect();
        rows[n - 2] = vec![(n - 1, 0.25), (n - 1, 0.75)];
        rows[n - 1] = vec![];
        let mut abs = vec![false; n];
        abs[n - 1] = true;
        let s = solve(&rows, &abs).unwrap();
        assert_eq!((s.sweeps, s.visits), (1, n - 1));
        assert!((0..n).all(|b| s.at(b, 0) == 1.0));
        assert_eq!(s.residual, 0.0);
    }

    #[test]
    fn a_near_closed_cycle_behind_a_chain_still_stops_with_an_error() {
        // 1 reads 2, 2 reads the almost closed cycle {3, 4}, which reads P one part in 10^12.
        let eps = 1e-12;
        let rows: Rows = vec![
            vec![],
            vec![(2, 1.0)],
            vec![(3, 1.0)],
            vec![(4, 1.0 - eps), (0, eps)],
            vec![(3, 1.0)],
        ];
        match solve(&rows, &[true, false, false, false, false]) {
            Err(SolveError::NoConvergence { sweeps, .. }) => assert!(sweeps <= MAX_SWEEPS),
            other => panic!("a wrong answer must not pass for a solution: {other:?}"),
        }
    }

    #[test]
    fn a_kept_order_serves_its_own_pattern_only_and_changes_no_bit() {
        let p = |x: f64| {
            vec![
                vec![],
                vec![],
                vec![(0, x), (3, 1.0 - x)],
                vec![(1, 1.0 - x), (2, x)],
                vec![(3, 1.0)],
            ]
        };
        // The same actors with other values, then other actors: the cycle {2, 3} broken and
        // 2 read by 4 instead of 3.
        let other: Rows = vec![
            vec![],
            vec![],
            vec![(0, 0.5), (3, 0.5)],
            vec![(1, 1.0)],
            vec![(2, 1.0)],
        ];
        let abs = [true, true, false, false, false];
        let mut orders = Orders::keeping(2);
        for rows in [p(0.3), p(0.7), other.clone(), p(0.1), other] {
            let kept = solve_with(&rows, &abs, &mut orders).unwrap();
            let fresh = solve(&rows, &abs).unwrap();
            assert_eq!(kept, fresh);
            assert_eq!(&Order::of(&rows, &abs), orders.of(&rows, &abs));
        }
        assert_eq!(orders.kept.len(), 2);
    }

    #[test]
    fn errors_say_what_went_wrong_and_what_to_do() {
        let e = SolveError::TooLarge {
            bodies: 9000,
            principals: 4000,
        };
        assert_eq!(
            e.to_string(),
            "9000 bodies and 4000 principals are too many to analyse (at most 32000000 cells); choose fewer principals with --principal"
        );
        let e = SolveError::NoConvergence {
            sweeps: 10,
            change: 0.5,
        };
        assert_eq!(
            e.to_string(),
            "the control computation did not converge after 10 sweeps (last change 5e-1): some bodies fill each other in an almost closed circle"
        );
        // The analysis passes the solver's words on unchanged.
        assert_eq!(
            crate::analysis::AnalysisError::Solve(e.clone()).to_string(),
            e.to_string()
        );
    }
}

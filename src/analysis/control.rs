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
//! i.e. `(I - Q) H = R`. We solve it with Gauss-Seidel sweeps over the sparse rows (never a
//! dense inverse): each sweep costs O(nonzeros x principals), and the iteration converges
//! because every transient body reaches a principal (checked first), so the spectral radius of
//! Q is below 1. Cycles (the Senate confirms a Chair it partly elects) are handled like any
//! other row.

use std::collections::VecDeque;
use std::fmt;

/// The solver stops when no entry moved by more than this in a sweep.
pub const TOLERANCE: f64 = 1e-12;
/// The solution is accepted only when every row's absorption probabilities add up to 1 within
/// this.
pub const MASS_TOLERANCE: f64 = 1e-9;
/// A sweep bound; reached only by pathological near-closed cycles, reported as an error.
pub const MAX_SWEEPS: usize = 1_000_000;
/// The most multiply-adds a solve may spend (sweeps x nonzeros x principals): a few seconds at
/// worst, so that no input makes the program hang.
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
    /// absorbing state `k` of `m` (`e_p` for principals). One flat array: a sweep reads it in
    /// order, and at 100,000 bodies a vector per body cost more in allocation and cache misses
    /// than the arithmetic.
    pub h: Vec<f64>,
    /// Absorbing states (columns).
    pub m: usize,
    pub sweeps: usize,
    /// Largest residual |h(t) - sum_j r(t,j) h(j)| after the last sweep.
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

/// Solves for the absorption distribution of every body. `absorbing[k]` marks principals; the
/// columns of `h` follow the order of `absorbing_ids`, the indices of absorbing bodies.
pub fn solve<R: AsRef<[(usize, f64)]>>(
    rows: &[R],
    absorbing: &[bool],
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
    let nonzeros: usize = rows.iter().map(|r| r.as_ref().len()).sum();
    let max_sweeps = (MAX_WORK / nonzeros.saturating_mul(m).max(1)).clamp(1, MAX_SWEEPS);
    let stuck = unreachable(rows, absorbing);
    if !stuck.is_empty() {
        return Err(SolveError::Unreachable(stuck));
    }
    let mut h = vec![0.0; n * m];
    for (k, &i) in cols.iter().enumerate() {
        h[i * m + k] = 1.0;
    }
    let transient: Vec<usize> = (0..n).filter(|&i| !absorbing[i]).collect();
    // The transient rows in one contiguous array, in sweep order: a sweep then reads memory
    // in order except for the values it looks up (the arithmetic is unchanged).
    let mut start = Vec::with_capacity(transient.len() + 1);
    let mut entries: Vec<(usize, f64)> = Vec::with_capacity(nonzeros);
    start.push(0);
    for &t in &transient {
        entries.extend_from_slice(rows[t].as_ref());
        start.push(entries.len());
    }
    let sweep = Sweep {
        transient: &transient,
        start: &start,
        entries: &entries,
        max_sweeps,
    };
    // The usual few principals get a loop unrolled for their number; the sums are the same,
    // in the same order.
    let sweeps = match m {
        1 => sweep.fixed::<1>(&mut h),
        2 => sweep.fixed::<2>(&mut h),
        3 => sweep.fixed::<3>(&mut h),
        4 => sweep.fixed::<4>(&mut h),
        5 => sweep.fixed::<5>(&mut h),
        6 => sweep.fixed::<6>(&mut h),
        7 => sweep.fixed::<7>(&mut h),
        8 => sweep.fixed::<8>(&mut h),
        _ => sweep.any(&mut h, m),
    }?;
    let residual = transient
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
        residual,
    })
}

/// The Gauss-Seidel iteration over the transient rows, stored contiguously in sweep order.
struct Sweep<'a> {
    transient: &'a [usize],
    /// Row `i` of `transient` is `entries[start[i]..start[i + 1]]`.
    start: &'a [usize],
    entries: &'a [(usize, f64)],
    max_sweeps: usize,
}

impl Sweep<'_> {
    /// Sweeps until converged with `M` absorbing states; returns the number of sweeps.
    fn fixed<const M: usize>(&self, h: &mut [f64]) -> Result<usize, SolveError> {
        let (h, _) = h.as_chunks_mut::<M>();
        let mut sweeps = 0;
        loop {
            sweeps += 1;
            let mut change: f64 = 0.0;
            for (i, &t) in self.transient.iter().enumerate() {
                let mut next = [0.0; M];
                for &(j, p) in &self.entries[self.start[i]..self.start[i + 1]] {
                    let hj = &h[j];
                    for k in 0..M {
                        next[k] += p * hj[k];
                    }
                }
                let ht = &mut h[t];
                for k in 0..M {
                    change = change.max((ht[k] - next[k]).abs());
                    ht[k] = next[k];
                }
            }
            if self.converged(change, |t| h[t].iter().sum::<f64>()) {
                return Ok(sweeps);
            }
            if sweeps >= self.max_sweeps {
                return Err(SolveError::NoConvergence { sweeps, change });
            }
        }
    }

    /// [`Sweep::fixed`] for any number `m` of absorbing states.
    fn any(&self, h: &mut [f64], m: usize) -> Result<usize, SolveError> {
        let mut next = vec![0.0; m];
        let mut sweeps = 0;
        loop {
            sweeps += 1;
            let mut change: f64 = 0.0;
            for (i, &t) in self.transient.iter().enumerate() {
                next.iter_mut().for_each(|x| *x = 0.0);
                for &(j, p) in &self.entries[self.start[i]..self.start[i + 1]] {
                    for (x, hj) in next.iter_mut().zip(&h[j * m..(j + 1) * m]) {
                        *x += p * hj;
                    }
                }
                for (old, new) in h[t * m..(t + 1) * m].iter_mut().zip(&next) {
                    change = change.max((*old - new).abs());
                    *old = *new;
                }
            }
            if self.converged(change, |t| h[t * m..(t + 1) * m].iter().sum::<f64>()) {
                return Ok(sweeps);
            }
            if sweeps >= self.max_sweeps {
                return Err(SolveError::NoConvergence { sweeps, change });
            }
        }
    }

    /// A small step is not enough: in an almost closed circle of bodies the values creep up
    /// by tiny steps far from the answer. Every transient row must also carry its whole mass
    /// (`mass(t)`): the walk from any body ends at some principal with probability 1.
    fn converged(&self, change: f64, mass: impl Fn(usize) -> f64) -> bool {
        change < TOLERANCE
            && self
                .transient
                .iter()
                .map(|&t| 1.0 - mass(t))
                .fold(0.0, f64::max)
                < MASS_TOLERANCE
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

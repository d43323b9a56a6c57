//! Voting power in a weighted voting game `[q; w1, ..., wn]`: the normalised Banzhaf index and
//! the Shapley-Shubik index, computed exactly (codebook R33).
//!
//! A coalition wins when the weights of its members add up to at least the quota `q`. Player
//! `i` is a *swing* in a coalition `S` without it when `S` loses and `S ∪ {i}` wins, that is
//! when `q - w_i <= w(S) <= q - 1`.
//!
//! ```text
//!   Banzhaf        β_i = η_i / Σ_j η_j            η_i = #{ S ∌ i : S is a swing for i }
//!   Shapley-Shubik φ_i = Σ_S |S|! (n-1-|S|)! / n!  over the same swings S
//! ```
//!
//! Neither index enumerates coalitions. A dynamic programme counts the coalitions of every
//! weight below the quota and every size, `c[w][s]` (the 0/1-knapsack recurrence, one player
//! at a time); the table without player `i` is recovered from the full one by the inverse
//! recurrence `c_i[w][s] = c[w][s] - c_i[w - w_i][s - 1]`, and `i`'s swings are the entries of
//! `c_i` with weight in `[q - w_i, q - 1]`. Weights above the quota never matter, so the table
//! stops at `q - 1`.
//!
//! **Complexity.** For n players, d distinct weights and quota q: time O(n² q + d n q), memory
//! O(n q) (one table of `q x (n + 1)` counts). This is pseudo-polynomial: polynomial in the
//! quota's value, not in its number of digits. The Mazhilis (98 seats, quota 50, 13 players
//! once its blocs are formed) is a table of 50 x 14 counts.
//!
//! **Exactness.** Coalition counts are integers (`u128`: a count never exceeds C(n, n/2), and
//! with at most [`MAX_PLAYERS`] players neither it nor the sum of all swings overflows).
//! Shapley-Shubik's coefficients `s! (n-1-s)!` overflow `u128` from 35 players on, so they and
//! the final quotients are big integers and exact rationals; the only division is the last.

use std::fmt;

use num_bigint::{BigInt, BigUint};
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};

/// The most players a game may have: C(120, 60) and 120 x 2^119, the largest count and the
/// largest sum of swings, stay below 2^128.
pub const MAX_PLAYERS: usize = 120;

/// The most cells of the counting table, `q x (n + 1)`, 64 MiB of `u128`: far above any
/// legislature (the largest chamber has under 3,000 seats) and a bound on what a typed quota
/// can make the calculator allocate.
pub const MAX_CELLS: usize = 1 << 22;

/// A weighted voting game `[quota; weights]` whose weights and quota are positive integers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Game {
    quota: u64,
    weights: Vec<u64>,
}

/// Why a game cannot be formed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GameError {
    NoPlayers,
    /// The quota is 0: every coalition, the empty one too, would win.
    ZeroQuota,
    /// A player's weight is 0 (by its position, from 1).
    ZeroWeight(usize),
    /// No coalition, not even all the players together, reaches the quota.
    QuotaAboveTotal {
        quota: u64,
        total: u64,
    },
    TooManyPlayers(usize),
    /// The counting table would exceed [`MAX_CELLS`].
    TooLarge {
        quota: u64,
        players: usize,
    },
}

impl fmt::Display for GameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GameError::NoPlayers => f.write_str("a game needs at least one weight"),
            GameError::ZeroQuota => f.write_str(
                "the quota must be at least 1: with a quota of 0 every coalition, even the empty one, wins",
            ),
            GameError::ZeroWeight(i) => write!(
                f,
                "weight {i} is 0: every weight must be a whole number of at least 1 (leave a player of no weight out)"
            ),
            GameError::QuotaAboveTotal { quota, total } => write!(
                f,
                "the quota {quota} is above the total weight {total}: no coalition can win"
            ),
            GameError::TooManyPlayers(n) => write!(
                f,
                "{n} players is more than the {MAX_PLAYERS} the exact computation allows"
            ),
            GameError::TooLarge { quota, players } => write!(
                f,
                "a quota of {quota} with {players} players needs a table of more than {MAX_CELLS} counts; scale the weights down"
            ),
        }
    }
}

impl std::error::Error for GameError {}

impl Game {
    pub fn new(quota: u64, weights: Vec<u64>) -> Result<Game, GameError> {
        if weights.is_empty() {
            return Err(GameError::NoPlayers);
        }
        if weights.len() > MAX_PLAYERS {
            return Err(GameError::TooManyPlayers(weights.len()));
        }
        if let Some(i) = weights.iter().position(|&w| w == 0) {
            return Err(GameError::ZeroWeight(i + 1));
        }
        if quota == 0 {
            return Err(GameError::ZeroQuota);
        }
        // Saturating: a sum past u64 is above any quota, which is all that matters here.
        let total = weights.iter().fold(0u64, |a, &w| a.saturating_add(w));
        if quota > total {
            return Err(GameError::QuotaAboveTotal { quota, total });
        }
        let cells = usize::try_from(quota)
            .ok()
            .and_then(|q| q.checked_mul(weights.len() + 1));
        if cells.is_none_or(|c| c > MAX_CELLS) {
            return Err(GameError::TooLarge {
                quota,
                players: weights.len(),
            });
        }
        Ok(Game { quota, weights })
    }

    pub fn quota(&self) -> u64 {
        self.quota
    }

    pub fn weights(&self) -> &[u64] {
        &self.weights
    }

    pub fn total(&self) -> u64 {
        self.weights.iter().sum()
    }

    /// Both indices, exactly.
    pub fn power(&self) -> Power {
        let n = self.weights.len();
        let q = self.quota as usize; // fits: checked against MAX_CELLS in `new`
        let width = n + 1;
        let at = |w: usize, s: usize| w * width + s;

        // c[w][s]: coalitions of all the players with weight w < q and s members.
        let mut full = vec![0u128; q * width];
        full[at(0, 0)] = 1;
        for (k, &wk) in self.weights.iter().enumerate() {
            let wk = wk as usize;
            if wk >= q {
                continue; // every coalition with this player reaches the quota: not counted
            }
            for w in (wk..q).rev() {
                for s in (1..=k + 1).rev() {
                    full[at(w, s)] += full[at(w - wk, s - 1)];
                }
            }
        }

        let factorial = factorials(n);
        let mut swings = vec![0u128; n];
        let mut shapley_num = vec![BigUint::zero(); n];
        let mut without = vec![0u128; q * width];
        // Players of equal weight have equal swings: one inverse pass per distinct weight.
        let mut done: Vec<(u64, usize)> = Vec::new();
        for (i, &wi) in self.weights.iter().enumerate() {
            if let Some(&(_, j)) = done.iter().find(|(w, _)| *w == wi) {
                swings[i] = swings[j];
                shapley_num[i] = shapley_num[j].clone();
                continue;
            }
            done.push((wi, i));
            let wi_us = wi as usize;
            for w in 0..q {
                for s in 0..width {
                    let mut v = full[at(w, s)];
                    if w >= wi_us && s >= 1 && wi_us < q {
                        v -= without[at(w - wi_us, s - 1)];
                    }
                    without[at(w, s)] = v;
                }
            }
            let lo = q.saturating_sub(wi_us);
            let mut by_size = vec![0u128; n];
            for w in lo..q {
                for (s, count) in by_size.iter_mut().enumerate() {
                    *count += without[at(w, s)];
                }
            }
            swings[i] = by_size.iter().sum();
            shapley_num[i] = by_size
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 0)
                .map(|(s, &c)| BigUint::from(c) * &factorial[s] * &factorial[n - 1 - s])
                .sum();
        }

        let total_swings: u128 = swings.iter().sum();
        let banzhaf = swings
            .iter()
            .map(|&s| ratio(BigUint::from(s), BigUint::from(total_swings)))
            .collect();
        let shapley_shubik = shapley_num
            .into_iter()
            .map(|num| ratio(num, factorial[n].clone()))
            .collect();
        Power {
            swings,
            banzhaf,
            shapley_shubik,
        }
    }
}

fn factorials(n: usize) -> Vec<BigUint> {
    let mut f = vec![BigUint::from(1u32)];
    for k in 1..=n {
        let next = &f[k - 1] * BigUint::from(k);
        f.push(next);
    }
    f
}

fn ratio(num: BigUint, den: BigUint) -> BigRational {
    BigRational::new(BigInt::from(num), BigInt::from(den))
}

/// The two indices of a game, player by player in the order of its weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Power {
    /// Raw Banzhaf counts η_i: the coalitions in which each player is a swing.
    pub swings: Vec<u128>,
    /// Normalised Banzhaf index, exactly; sums to 1.
    pub banzhaf: Vec<BigRational>,
    /// Shapley-Shubik index, exactly; sums to 1.
    pub shapley_shubik: Vec<BigRational>,
}

impl Power {
    pub fn banzhaf_f64(&self) -> Vec<f64> {
        self.banzhaf.iter().map(to_f64).collect()
    }

    pub fn shapley_shubik_f64(&self) -> Vec<f64> {
        self.shapley_shubik.iter().map(to_f64).collect()
    }
}

/// The nearest `f64` (the quotient of two big integers; never fails for an index in [0, 1]).
pub fn to_f64(r: &BigRational) -> f64 {
    r.to_f64().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn r(num: i64, den: i64) -> BigRational {
        BigRational::new(BigInt::from(num), BigInt::from(den))
    }

    fn power(q: u64, w: &[u64]) -> Power {
        Game::new(q, w.to_vec()).unwrap().power()
    }

    #[test]
    fn the_published_banzhaf_example() {
        // [51; 50, 49, 1]: the largest player is a swing in 3 coalitions, the others in 1.
        let p = power(51, &[50, 49, 1]);
        assert_eq!(p.swings, vec![3, 1, 1]);
        assert_eq!(p.banzhaf, vec![r(3, 5), r(1, 5), r(1, 5)]);
        assert_eq!(p.banzhaf_f64(), vec![0.6, 0.2, 0.2]);
    }

    #[test]
    fn the_published_shapley_shubik_example() {
        let p = power(50, &[10, 10, 20, 30]);
        assert_eq!(
            p.shapley_shubik,
            vec![r(1, 12), r(1, 12), r(1, 4), r(7, 12)]
        );
    }

    #[test]
    fn a_dummy_gets_nothing_and_a_dictator_everything() {
        let p = power(6, &[6, 2, 1]);
        assert_eq!(p.banzhaf, vec![r(1, 1), r(0, 1), r(0, 1)]);
        assert_eq!(p.shapley_shubik, vec![r(1, 1), r(0, 1), r(0, 1)]);
        // [3; 2, 2, 1]: the player of weight 1 can never turn a loss into a win.
        let p = power(4, &[2, 2, 1]);
        assert_eq!(p.banzhaf[2], r(0, 1));
        assert_eq!(p.shapley_shubik[2], r(0, 1));
    }

    #[test]
    fn a_hundred_players_stay_exact() {
        // The Mazhilis size: 100 single seats under a simple majority; each has 1/100.
        let p = power(51, &[1; 100]);
        assert!(p.banzhaf.iter().all(|b| *b == r(1, 100)));
        assert!(p.shapley_shubik.iter().all(|b| *b == r(1, 100)));
        let sum: BigRational = p.shapley_shubik.iter().cloned().sum();
        assert_eq!(sum, r(1, 1));
    }

    #[test]
    fn bad_games_are_refused_with_reasons() {
        assert_eq!(Game::new(5, vec![]), Err(GameError::NoPlayers));
        assert_eq!(Game::new(0, vec![1]), Err(GameError::ZeroQuota));
        assert_eq!(Game::new(2, vec![1, 0]), Err(GameError::ZeroWeight(2)));
        assert_eq!(
            Game::new(11, vec![5, 5]).unwrap_err().to_string(),
            "the quota 11 is above the total weight 10: no coalition can win"
        );
        assert!(matches!(
            Game::new(u64::MAX, vec![u64::MAX]),
            Err(GameError::TooLarge { .. })
        ));
        assert_eq!(
            Game::new(1, vec![1; 121]),
            Err(GameError::TooManyPlayers(121))
        );
    }

    /// Banzhaf by enumerating every coalition, Shapley-Shubik by every ordering: independent
    /// of the programme above.
    fn brute(q: u64, w: &[u64]) -> (Vec<BigRational>, Vec<BigRational>) {
        let n = w.len();
        let mut swings = vec![0i64; n];
        for mask in 0u32..(1 << n) {
            let weight: u64 = (0..n).filter(|i| mask & (1 << i) != 0).map(|i| w[i]).sum();
            for i in 0..n {
                if mask & (1 << i) == 0 && weight < q && weight + w[i] >= q {
                    swings[i] += 1;
                }
            }
        }
        let total: i64 = swings.iter().sum();
        let banzhaf = swings.iter().map(|&s| r(s, total)).collect();
        let mut pivots = vec![0i64; n];
        let mut order: Vec<usize> = (0..n).collect();
        let mut count = 0i64;
        permute(&mut order, 0, &mut |perm| {
            count += 1;
            let mut acc = 0;
            for &i in perm {
                acc += w[i];
                if acc >= q {
                    pivots[i] += 1;
                    break;
                }
            }
        });
        let shapley = pivots.iter().map(|&p| r(p, count)).collect();
        (banzhaf, shapley)
    }

    fn permute(v: &mut Vec<usize>, k: usize, f: &mut impl FnMut(&[usize])) {
        if k == v.len() {
            f(v);
            return;
        }
        for i in k..v.len() {
            v.swap(k, i);
            permute(v, k + 1, f);
            v.swap(k, i);
        }
    }

    fn game() -> impl Strategy<Value = (u64, Vec<u64>)> {
        prop::collection::vec(1u64..=12, 1..=6).prop_flat_map(|w| {
            let total: u64 = w.iter().sum();
            (1..=total, Just(w))
        })
    }

    proptest! {
        #[test]
        fn the_programme_agrees_with_enumeration((q, w) in game()) {
            let p = power(q, &w);
            let (banzhaf, shapley) = brute(q, &w);
            prop_assert_eq!(&p.banzhaf, &banzhaf);
            prop_assert_eq!(&p.shapley_shubik, &shapley);
        }

        #[test]
        fn indices_sum_to_one_and_symmetric_players_are_equal((q, w) in game()) {
            let p = power(q, &w);
            let one = r(1, 1);
            prop_assert_eq!(p.banzhaf.iter().cloned().sum::<BigRational>(), one.clone());
            prop_assert_eq!(p.shapley_shubik.iter().cloned().sum::<BigRational>(), one);
            for i in 0..w.len() {
                for j in 0..w.len() {
                    if w[i] == w[j] {
                        prop_assert_eq!(&p.banzhaf[i], &p.banzhaf[j]);
                        prop_assert_eq!(&p.shapley_shubik[i], &p.shapley_shubik[j]);
                    }
                    // A heavier player never has less power.
                    if w[i] >= w[j] {
                        prop_assert!(p.banzhaf[i] >= p.banzhaf[j]);
                        prop_assert!(p.shapley_shubik[i] >= p.shapley_shubik[j]);
                    }
                }
            }
        }
    }
}

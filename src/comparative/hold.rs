//! The head of state's *hold* on each body: the recursion behind
//! `head_of_state_concentration`.
//!
//! Complexity of [`holds_weighted`]: the routes are built once, O(S) through an index of
//! positions; each sweep is O(S), and the sweeps stop when nothing moves or at `MAX_SWEEPS`.
//! So O(sweeps x S): linear in the dataset when the sweep count does not grow with it.
//!
//! Integrated control (`crate::analysis`) splits every seat among the actors of its channel,
//! proposer and ratifiers alike. That is the right reading of "who shaped this body", but it
//! treats a veto as a share: adding a second veto holder dilutes the first, so a consent by a
//! body the head of state fills can *raise* his control. The hold reads a veto as what it is, a
//! power to stop a pick, not to make one:
//!
//! ```text
//!   hold(X) = 1                     for X in the head set (the head of state; in the
//!                                   unified-government variant also the elected principals)
//!   hold(p) = 0                     for every other principal
//!   hold(B) = sum_c seats(c) / seats(B) * g(c)
//!   g(c)    = 1                                        if the head set can dismiss c's
//!                                                      holders at will (tenure on)
//!           = hold(proposer(c)) * prod_v (1 - d_v * (1 - hold(v)))   otherwise
//!   d_v     = w_v / (w_propose + w_v)   w_v = consent, consent_under_threat or recommend
//! ```
//!
//! over every other actor `v` of the channel whose consent (or recommendation) the pick needs.
//! Vetoes multiply because each must be passed; a veto held by a body the head of state holds
//! is no check (factor 1); with one independent ratifier the factor is the ratifier's share of
//! the tool's positional split (one half by default), so in the simplest case hold and
//! integrated control agree.
//!
//! The aligned variant ([`holds_weighted`]) gives each member `p` of the head set a weight
//! `w_p` in `[0, 1]` (the head of state 1, an elected principal its alignment, codebook R21):
//! `hold(p) = w_p` instead of 1, and a seat `p` can dismiss at will counts as held with
//! probability `w_p`, `g(c) = g' + (1 - g') * (1 - prod_r (1 - w_r))` over the removers `r`
//! (`g'` the picks-and-vetoes value). With `w_p` read as the chance that `p` acts as his, this is
//! the expected hold of every channel whose value depends on each principal through one term
//! only (`p` picks, or ratifies a pick by someone it does not fill). Weight 1 is the unified
//! variant exactly, weight 0 is absence exactly (the same arithmetic, not an approximation),
//! and the map is non-decreasing in every weight, so every hold is too.
//!
//! Every `g(c)` is non-decreasing in every `hold` value and at most 1, so the system has a least
//! fixed point in `[0, 1]`, reached by Gauss-Seidel sweeps from below. Two consequences, by the
//! Knaster-Tarski argument (a pointwise smaller monotone map has a smaller least fixed point),
//! are the figure's guarantees, tested in `indicators`:
//! - adding a consent or recommendation step to any channel never raises any hold (it
//!   multiplies a `g(c)` by a factor of at most 1);
//! - removing an at-will dismissal never raises any hold (a `g(c)` drops from 1 to at most 1).

use std::collections::{HashMap, HashSet};

use crate::analysis::{Analysis, Position};
use crate::model::{BodyId, Dataset, Weights};

/// The solver stops when no hold moved by more than this in a sweep.
const TOLERANCE: f64 = 1e-13;
/// A bound on sweeps. The iteration rises monotonically and is bounded by 1, so it always
/// converges; the bound only guards against pathologically slow near-closed cycles of picks,
/// where the value reached is then a lower bound of the fixed point.
const MAX_SWEEPS: usize = 200_000;

/// Which parts of the recursion are switched on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// Discount picks by the vetoes and recommendations of others.
    pub vetoes: bool,
    /// Count seats the head set can dismiss at will as held.
    pub tenure: bool,
}

impl Parts {
    /// Only who picks: the proposals, walked up through the bodies that make them.
    pub const PICKS: Parts = Parts {
        vetoes: false,
        tenure: false,
    };
    /// Picks discounted by the vetoes others hold over them.
    pub const VETTED: Parts = Parts {
        vetoes: true,
        tenure: false,
    };
    /// The hold: picks discounted by vetoes, seats held at will counted as held.
    pub const HELD: Parts = Parts {
        vetoes: true,
        tenure: true,
    };
}

/// One channel, reduced to what the hold reads.
#[derive(Debug, Clone)]
struct Route {
    /// The channel's share of its body's seats.
    fraction: f64,
    proposer: usize,
    /// Other actors whose say the pick needs, with their discount `d_v`.
    checks: Vec<(usize, f64)>,
    /// The chance that a remover at will of these seats' holders is the head set's: 1 if the
    /// head of state (or a member of weight 1) is one, 0 if none is in the set.
    at_will: f64,
}

/// The discount a check in `position` applies to a pick, from the positional weights.
pub fn discount(position: Position, weights: &Weights, veto_strength: f64) -> f64 {
    // A veto weighs by what it takes to use it (codebook R8), here as in the shares.
    let w = match position {
        Position::Ratify => weights.consent * veto_strength,
        Position::RatifyUnderThreat => weights.consent_under_threat * veto_strength,
        Position::Recommend => weights.recommend,
        Position::Propose | Position::RemoveAtWill => return 0.0,
    };
    if w <= 0.0 {
        0.0
    } else {
        w / (weights.propose + w)
    }
}

/// The hold of the head set on every body, in dataset order.
///
/// `head` is the set counted as the head of state: his own id, plus any principals counted as
/// aligned with him. Bodies that nobody fills and principals outside `head` hold nothing for
/// him; a body's own value is still computed from its channels, as the analysis does for
/// control, so that a principal (a directly elected chamber) shows how much of it he holds.
pub fn holds(dataset: &Dataset, analysis: &Analysis, head: &[BodyId], parts: Parts) -> Vec<f64> {
    let whole: Vec<(BodyId, f64)> = head.iter().map(|id| (id.clone(), 1.0)).collect();
    holds_weighted(dataset, analysis, &whole, parts)
}

/// The hold of a head set whose members count in part, in dataset order (the aligned index,
/// codebook R23): each `(id, w)` is held `w` in `[0, 1]` (clamped) instead of wholly. A member
/// of weight 0 is as if absent; all of weight 1 is [`holds`] exactly.
pub fn holds_weighted(
    dataset: &Dataset,
    analysis: &Analysis,
    head: &[(BodyId, f64)],
    parts: Parts,
) -> Vec<f64> {
    let index: HashMap<&str, usize> = dataset
        .bodies
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.as_str(), i))
        .collect();
    // Zero weights are dropped so that they take exactly the path of a body outside the set.
    let weight: HashMap<&str, f64> = head
        .iter()
        .map(|(id, w)| (id.as_str(), w.clamp(0.0, 1.0)))
        .filter(|(_, w)| *w > 0.0)
        .collect();
    let principals: HashSet<&str> = analysis.principals.iter().map(String::as_str).collect();
    let weights = &analysis.options.weights;

    let routes: Vec<Vec<Route>> = dataset
        .bodies
        .iter()
        .zip(&analysis.bodies)
        .map(|(body, a)| {
            let seats = f64::from(body.seats);
            a.channels
                .iter()
                .filter_map(|cs| {
                    let proposer = *index.get(cs.proposer.as_str())?;
                    let checks = cs
                        .shares
                        .iter()
                        .filter(|s| {
                            matches!(
                                s.position,
                                Position::Ratify
                                    | Position::RatifyUnderThreat
                                    | Position::Recommend
                            )
                        })
                        .filter_map(|s| {
                            let j = *index.get(s.actor.as_str())?;
                            Some((j, discount(s.position, weights, s.veto_strength)))
                        })
                        .collect();
                    // The chance that some remover at will is his: 1 if he is one.
                    let kept: f64 = cs
                        .removers
                        .iter()
                        .filter_map(|r| weight.get(r.as_str()))
                        .map(|w| 1.0 - w)
                        .product();
                    Some(Route {
                        fraction: f64::from(cs.seats) / seats,
                        proposer,
                        checks,
                        at_will: 1.0 - kept,
                    })
                })
                .collect()
        })
        .collect();

    let fixed: Vec<Option<f64>> = dataset
        .bodies
        .iter()
        .map(|b| {
            if let Some(&w) = weight.get(b.id.as_str()) {
                Some(w)
            } else if principals.contains(b.id.as_str()) || b.channels.is_empty() {
                Some(0.0)
            } else {
                None
            }
        })
        .collect();
    let mut h: Vec<f64> = fixed.iter().map(|f| f.unwrap_or(0.0)).collect();

    let value = |routes: &[Route], h: &[f64]| -> f64 {
        routes
            .iter()
            .map(|r| {
                let g = if parts.tenure && r.at_will >= 1.0 {
                    1.0
                } else {
                    let mut g = h[r.proposer];
                    if parts.vetoes {
                        for &(v, d) in &r.checks {
                            g *= 1.0 - d * (1.0 - h[v]);
                        }
                    }
                    if parts.tenure && r.at_will > 0.0 {
                        g += (1.0 - g) * r.at_will;
                    }
                    g
                };
                r.fraction * g
            })
            .sum::<f64>()
            .clamp(0.0, 1.0)
    };

    for _ in 0..MAX_SWEEPS {
        let mut change: f64 = 0.0;
        for i in 0..h.len() {
            if fixed[i].is_some() {
                continue;
            }
            let new = value(&routes[i], &h);
            change = change.max((new - h[i]).abs());
            h[i] = new;
        }
        if change < TOLERANCE {
            break;
        }
    }

    dataset
        .bodies
        .iter()
        .enumerate()
        .map(|(i, b)| match weight.get(b.id.as_str()) {
            Some(&w) if w >= 1.0 => 1.0,
            // A member held in part: his share of it, plus the share of the rest its own
            // channels give him.
            Some(&w) => {
                let own = if b.channels.is_empty() {
                    0.0
                } else {
                    value(&routes[i], &h)
                };
                own + (1.0 - own) * w
            }
            None if b.channels.is_empty() => 0.0,
            None => value(&routes[i], &h),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::tiny_dataset;
    use crate::analysis::{Options, analyze};

    fn of(ds: &Dataset, parts: Parts) -> HashMap<String, f64> {
        let a = analyze(ds, &Options::of(ds)).unwrap();
        let h = holds(ds, &a, &["president".to_string()], parts);
        ds.bodies.iter().map(|b| b.id.clone()).zip(h).collect()
    }

    #[test]
    fn the_tiny_court_by_hand() {
        let ds = tiny_dataset();
        // Senate: 2 of 10 seats the President appoints (and may dismiss at will).
        // Court: Chair by the President with the Senate's consent, 1 judge by the President,
        // 1 by the Senate.
        let picks = of(&ds, Parts::PICKS);
        assert!((picks["senate"] - 0.2).abs() < 1e-12);
        assert!((picks["court"] - (1.0 + 1.0 + 0.2) / 3.0).abs() < 1e-12);
        // The Senate's consent discounts the Chair by half of its independence, 0.5 * 0.8.
        let vetted = of(&ds, Parts::VETTED);
        assert!((vetted["court"] - (0.6 + 1.0 + 0.2) / 3.0).abs() < 1e-12);
        // He can dismiss the Chair at will: the Chair serves at his pleasure.
        let held = of(&ds, Parts::HELD);
        assert!((held["court"] - (1.0 + 1.0 + 0.2) / 3.0).abs() < 1e-12);
        assert_eq!(held["president"], 1.0);
        assert_eq!(held["voters"], 0.0);
    }

    #[test]
    fn discounts_follow_the_positional_weights() {
        let w = Weights::default();
        assert_eq!(discount(Position::Ratify, &w, 1.0), 0.5);
        assert!((discount(Position::RatifyUnderThreat, &w, 1.0) - 1.0 / 3.0).abs() < 1e-12);
        assert!((discount(Position::Recommend, &w, 1.0) - 0.2).abs() < 1e-12);
        assert_eq!(discount(Position::Propose, &w, 1.0), 0.0);
        let none = Weights { consent: 0.0, ..w };
        assert_eq!(discount(Position::Ratify, &none, 1.0), 0.0);
        // France's Art. 13 hearing, blocked only by 3/5 of the votes cast: 0.8 / 1.8.
        assert!((discount(Position::Ratify, &w, 0.8) - 0.8 / 1.8).abs() < 1e-12);
    }
}

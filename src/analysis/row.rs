//! A body's row of the control system without its channel shares: what a solve of control
//! alone reads (the ranges' combinations, the headline's sensitivity).
//!
//! [`super::body_system`] builds every channel's [`super::ChannelShares`] (an owned id per
//! actor, per remover, per veto) and a map of direct seats keyed by id, then drops all of it
//! but the row. [`Rows::row`] computes the same row from the same arithmetic, in the same
//! order (each actor's seats summed over the channels and steps in the data's order, the row
//! in actor id order), with the ids borrowed from the data and the buffers reused from body
//! to body; so every figure is bit-identical (a test compares the two on every shipped
//! dataset and on a synthetic state, under several options). A body with blocs in the layer
//! analysed takes [`super::body_system`] itself (its row is a voting-power row).
//!
//! Complexity: O(steps + removers + actors^2) per body (actors are summed by a scan of the
//! body's few actors), no allocation once the buffers have grown.

use std::collections::HashMap;

use super::shares::{EdgeIndex, position_weight, step_position};
use super::{Options, body_system};
use crate::model::{Body, Layer, StepRole};

/// Buffers reused for every row.
#[derive(Default)]
pub(super) struct Rows<'d> {
    /// (actor, seats of the body) in the order the actors first hold a seat.
    direct: Vec<(&'d str, f64)>,
    /// (actor, weight) of one channel's counted steps.
    parts: Vec<(&'d str, f64)>,
    /// One channel's removers at will.
    removers: Vec<&'d str>,
}

impl<'d> Rows<'d> {
    /// `body`'s row under `options`: (position of the actor, part of the body) in actor id
    /// order, exactly as [`super::body_system`] gives it.
    pub(super) fn row<'e: 'd>(
        &mut self,
        edges: &EdgeIndex<'e>,
        index: &HashMap<&str, usize>,
        body: &'d Body,
        options: &Options,
    ) -> Vec<(usize, f64)> {
        let with_blocs = body
            .blocs
            .iter()
            .any(|b| b.layer == Layer::DeJure || options.layer == Layer::DeFacto);
        if with_blocs {
            return body_system(edges, index, body, options).1;
        }
        let weights = &options.weights;
        self.direct.clear();
        for channel in &body.channels {
            let nominated = channel.steps.iter().any(|s| s.role == StepRole::Nominate);
            let proposer = channel.proposer().map_or("", |s| s.actor.as_str());
            self.parts.clear();
            for step in &channel.steps {
                let strength = step.veto_strength();
                if let Some((position, _)) =
                    step_position(edges, body, channel, step, nominated, proposer)
                {
                    let w = position_weight(weights, position, strength);
                    self.parts.push((step.actor.as_str(), w));
                }
            }
            edges.removers_into(body, channel, &mut self.removers);
            let removers = &self.removers;
            let seats = f64::from(channel.seats);
            let removal = if removers.is_empty() {
                0.0
            } else {
                weights.at_will_removal.clamp(0.0, 1.0)
            };
            // The same expressions as `channel_shares_indexed` and `direct_shares`: the
            // figures must not move by a bit.
            let total: f64 = self.parts.iter().map(|p| p.1).sum();
            for i in 0..self.parts.len() {
                let (actor, w) = self.parts[i];
                let s = if total > 0.0 {
                    seats * (1.0 - removal) * w / total
                } else {
                    0.0
                };
                add(&mut self.direct, actor, s);
            }
            if removal > 0.0 {
                let each = seats * removal / removers.len() as f64;
                for &r in &self.removers {
                    add(&mut self.direct, r, each);
                }
            }
        }
        self.direct.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let seats = f64::from(body.seats);
        self.direct
            .iter()
            .filter_map(|(a, s)| index.get(a).map(|&j| (j, s / seats)))
            .collect()
    }
}

/// Adds `seats` to `actor`'s direct seats, as `direct_shares` does: only a positive part, and
/// summed in the order the parts come.
fn add<'d>(direct: &mut Vec<(&'d str, f64)>, actor: &'d str, seats: f64) {
    if seats > 0.0 {
        match direct.iter_mut().find(|(a, _)| *a == actor) {
            Some((_, s)) => *s += seats,
            // `0.0 + seats` is `seats` for a positive part.
            None => direct.push((actor, seats)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{ShareModel, position_index, shares};

    /// Every body's row equals [`body_system`]'s to the last bit, on every shipped dataset,
    /// under the options in force and moved ones (the synthetic states: the integration test
    /// `control_values_equal_the_analysis_bit_for_bit`).
    #[test]
    fn rows_equal_the_analysis_rows_bit_for_bit() {
        let sets: Vec<crate::model::Dataset> = crate::data::EMBEDDED
            .iter()
            .map(|e| crate::data::resolve(e.id).unwrap())
            .collect();
        for ds in &sets {
            let index = position_index(ds);
            for (k, layer) in [Layer::DeJure, Layer::DeFacto].into_iter().enumerate() {
                for threat in [false, true] {
                    let mut o = Options::of(ds);
                    o.layer = layer;
                    o.at_will_threat = threat;
                    o.share_model = if k == 0 {
                        ShareModel::Seats
                    } else {
                        ShareModel::Banzhaf
                    };
                    o.weights.consent = 0.5 * 4f64.powf(0.25 * (k + 1) as f64);
                    o.weights.consent_under_threat = 0.3 * o.weights.consent;
                    o.weights.at_will_removal = 0.25;
                    o.weights.recommend = 0.125;
                    let edges = shares::EdgeIndex::new(ds, threat);
                    let mut rows = Rows::default();
                    for b in &ds.bodies {
                        let want = body_system(&edges, &index, b, &o).1;
                        let got = rows.row(&edges, &index, b, &o);
                        assert_eq!(want.len(), got.len(), "{}: {}", ds.meta.id, b.id);
                        for (x, y) in want.iter().zip(&got) {
                            assert!(
                                x.0 == y.0 && x.1.to_bits() == y.1.to_bits(),
                                "{}: {} {x:?} vs {y:?}",
                                ds.meta.id,
                                b.id
                            );
                        }
                    }
                }
            }
        }
    }
}

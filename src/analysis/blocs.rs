//! Voting power inside a collegial body with blocs, and the share model that lets integrated
//! control use it instead of seat shares (codebook R33, R34).
//!
//! A body with blocs is a weighted game: each bloc is one player weighing its seats, each seat
//! in no bloc a player of weight 1, and the quota is the votes its decision rule needs
//! ([`crate::model::Body::decision_quota`]). Each player's power `π` (seat share, Banzhaf or
//! Shapley-Shubik) counts for whoever its seats answer to:
//!
//! ```text
//!   row(B) = Σ_k π_k d_k + π_free d_free          (sums to 1)
//!   d_k    = e_a                           if bloc k is aligned with actor a (de facto layer)
//!          = Σ_c n_kc s_c / n_k             if it says which channels c its n_kc seats are in
//!          = direct(B) / seats(B)           otherwise (an average seat of B)
//!   d_free = (direct(B) - Σ_k n_k d_k^seat) / free seats   (the seats left to the others)
//! ```
//!
//! where `s_c` is channel c's split among its actors per seat and `d_k^seat` is `d_k` without
//! the alignment. With the seat model (`π_k = n_k / seats`) and no alignment, `row(B)` is the
//! body's seat shares: blocs change nothing until a power index or the de facto layer is
//! chosen. `row(B)` replaces the body's row in the control solve, so a body's voting power
//! reaches every body it fills, as its seats did.
//!
//! Complexity: per body with blocs, the voting game of its players ([`super::power`]:
//! O(n^2 q + d n q) for n players and quota q) and a row over its channels' actors; a body
//! without blocs in the layer costs nothing here, so the whole stays linear in the bodies.

use std::collections::BTreeMap;

use super::power::{Game, to_f64};
use super::shares::ChannelShares;
use crate::model::{Body, BodyId, Layer};

/// What a body's control counts: the seats, or a voting-power index over its blocs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShareModel {
    #[default]
    Seats,
    Banzhaf,
    Shapley,
}

impl ShareModel {
    pub const ALL: [ShareModel; 3] = [ShareModel::Seats, ShareModel::Banzhaf, ShareModel::Shapley];

    pub fn as_str(self) -> &'static str {
        match self {
            ShareModel::Seats => "seats",
            ShareModel::Banzhaf => "banzhaf",
            ShareModel::Shapley => "shapley",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ShareModel::Seats => "seat shares",
            ShareModel::Banzhaf => "Banzhaf power",
            ShareModel::Shapley => "Shapley-Shubik power",
        }
    }

    pub fn next(self) -> ShareModel {
        match self {
            ShareModel::Seats => ShareModel::Banzhaf,
            ShareModel::Banzhaf => ShareModel::Shapley,
            ShareModel::Shapley => ShareModel::Seats,
        }
    }
}

/// The name of a layer as the reports show it.
pub fn layer_label(layer: Layer) -> &'static str {
    match layer {
        Layer::DeJure => "de jure",
        Layer::DeFacto => "de facto",
    }
}

/// One bloc's voting power.
#[derive(Debug, Clone, PartialEq)]
pub struct BlocPower {
    pub id: String,
    pub label: String,
    pub seats: u32,
    pub layer: Layer,
    pub aligned_with: Option<BodyId>,
    pub banzhaf: f64,
    pub shapley_shubik: f64,
}

/// A body's game and each bloc's power in it.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyPower {
    /// The votes that carry a decision.
    pub quota: u32,
    /// The decision rule in words.
    pub rule: String,
    pub blocs: Vec<BlocPower>,
    /// Seats in no bloc, each a player of its own.
    pub free_seats: u32,
    /// The power of one free seat.
    pub free_banzhaf: f64,
    pub free_shapley_shubik: f64,
    /// Why the indices could not be computed (the game is too large); the body then keeps its
    /// seat shares under every model.
    pub error: Option<String>,
}

/// The blocs of `body` that count in `layer`.
fn blocs_in(body: &Body, layer: Layer) -> impl Iterator<Item = &crate::model::Bloc> {
    body.blocs
        .iter()
        .filter(move |b| b.layer == Layer::DeJure || layer == Layer::DeFacto)
}

/// The game of `body` in `layer`; `None` when it has no bloc there.
pub fn body_power(body: &Body, layer: Layer) -> Option<BodyPower> {
    let blocs: Vec<&crate::model::Bloc> = blocs_in(body, layer).collect();
    if blocs.is_empty() {
        return None;
    }
    let quota = body.decision_quota();
    let in_blocs: u32 = blocs.iter().map(|b| b.seats).sum();
    let free = body.seats.saturating_sub(in_blocs);
    let mut weights: Vec<u64> = blocs.iter().map(|b| u64::from(b.seats)).collect();
    weights.extend(std::iter::repeat_n(1, free as usize));
    let (banzhaf, shapley, error) = match Game::new(u64::from(quota), weights) {
        Ok(game) => {
            let p = game.power();
            (
                p.banzhaf.iter().map(to_f64).collect(),
                p.shapley_shubik.iter().map(to_f64).collect(),
                None,
            )
        }
        Err(e) => (Vec::new(), Vec::new(), Some(e.to_string())),
    };
    let at = |v: &Vec<f64>, i: usize| v.get(i).copied().unwrap_or(f64::NAN);
    Some(BodyPower {
        quota,
        rule: body.decision_rule().to_string(),
        blocs: blocs
            .iter()
            .enumerate()
            .map(|(i, b)| BlocPower {
                id: b.id.clone(),
                label: b.label.clone(),
                seats: b.seats,
                layer: b.layer,
                aligned_with: b.aligned_with.clone(),
                banzhaf: at(&banzhaf, i),
                shapley_shubik: at(&shapley, i),
            })
            .collect(),
        free_seats: free,
        free_banzhaf: if free > 0 {
            at(&banzhaf, blocs.len())
        } else {
            0.0
        },
        free_shapley_shubik: if free > 0 {
            at(&shapley, blocs.len())
        } else {
            0.0
        },
        error,
    })
}

/// The row of `body` in the control solve: the actors its decisions answer to, summing to 1
/// (module docs). `None` when the body keeps its seat shares: it has no bloc in `layer`, or
/// the model is the seats and no bloc is aligned, or its game could not be computed.
pub fn power_row(
    body: &Body,
    channels: &[ChannelShares],
    direct: &BTreeMap<BodyId, f64>,
    power: Option<&BodyPower>,
    model: ShareModel,
    layer: Layer,
) -> Option<BTreeMap<BodyId, f64>> {
    let power = power?;
    let blocs: Vec<&crate::model::Bloc> = blocs_in(body, layer).collect();
    let aligned = |b: &crate::model::Bloc| {
        b.aligned_with
            .as_ref()
            .filter(|_| layer == Layer::DeFacto)
            .cloned()
    };
    if power.error.is_some()
        || (model == ShareModel::Seats && blocs.iter().all(|b| aligned(b).is_none()))
    {
        return None;
    }
    let seats = f64::from(body.seats);
    let per_seat = |c: &ChannelShares| -> BTreeMap<BodyId, f64> {
        let mut m = BTreeMap::new();
        for s in &c.shares {
            if s.seats > 0.0 {
                *m.entry(s.actor.clone()).or_default() += s.seats / f64::from(c.seats.max(1));
            }
        }
        m
    };
    let average: BTreeMap<BodyId, f64> =
        direct.iter().map(|(a, s)| (a.clone(), s / seats)).collect();
    // Seats still unaccounted for, by actor, after each bloc takes its own.
    let mut rest: BTreeMap<BodyId, f64> = direct.clone();
    let mut row: BTreeMap<BodyId, f64> = BTreeMap::new();
    for (i, b) in blocs.iter().enumerate() {
        let by_seat: BTreeMap<BodyId, f64> = if b.channels.is_empty() {
            average.clone()
        } else {
            let mut m = BTreeMap::new();
            for (cid, n) in &b.channels {
                if let Some(c) = channels.iter().find(|c| &c.channel == cid) {
                    for (a, v) in per_seat(c) {
                        *m.entry(a).or_default() += v * f64::from(*n) / f64::from(b.seats.max(1));
                    }
                }
            }
            m
        };
        for (a, v) in &by_seat {
            *rest.entry(a.clone()).or_default() -= v * f64::from(b.seats);
        }
        let pi = match model {
            ShareModel::Seats => f64::from(b.seats) / seats,
            ShareModel::Banzhaf => power.blocs[i].banzhaf,
            ShareModel::Shapley => power.blocs[i].shapley_shubik,
        };
        match aligned(b) {
            Some(actor) => *row.entry(actor).or_default() += pi,
            None => {
                for (a, v) in by_seat {
                    *row.entry(a).or_default() += pi * v;
                }
            }
        }
    }
    if power.free_seats > 0 {
        let pi = match model {
            ShareModel::Seats => f64::from(power.free_seats) / seats,
            ShareModel::Banzhaf => power.free_banzhaf * f64::from(power.free_seats),
            ShareModel::Shapley => power.free_shapley_shubik * f64::from(power.free_seats),
        };
        // Rounding can leave a sliver below 0 where a bloc took a whole channel.
        let total: f64 = rest.values().map(|v| v.max(0.0)).sum();
        let left = if total > 0.0 { &rest } else { &average };
        let norm = if total > 0.0 { total } else { 1.0 };
        for (a, v) in left {
            if *v > 0.0 {
                *row.entry(a.clone()).or_default() += pi * v / norm;
            }
        }
    }
    row.retain(|_, v| *v > 0.0);
    Some(row)
}

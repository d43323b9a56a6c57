//! The system summary: what each principal reaches, and how concentrated control is.
//!
//! Complexity: one pass over the bodies' control and direct shares, O(B x P).

use std::collections::BTreeMap;

use super::Analysis;
use crate::model::{BodyId, Dataset};

/// What one principal holds across the system. Formulas are in the README ("Metrics").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PrincipalSummary {
    pub id: BodyId,
    /// sum over bodies B other than the principal itself and roots of seats(B) * control(B, p).
    pub seats_reached: f64,
    /// Bodies (other than itself) in which the principal's control exceeds 1/2.
    pub bodies_majority: usize,
    /// Bodies (other than itself) in which the principal is the largest single bloc.
    pub bodies_largest: usize,
    /// sum over independent bodies of seats(B) * control(B, p), divided by their seats.
    pub independent_seat_share: f64,
    /// The mean over independent bodies of control(B, p), each body counting once.
    pub independent_mean: f64,
    /// Independent bodies in which the principal's control exceeds 1/2.
    pub independent_majority: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SystemSummary {
    pub principals: Vec<PrincipalSummary>,
    pub independent_bodies: usize,
    /// Herfindahl-Hirschman index over principals of `independent_seat_share` (over all bodies
    /// other than roots when the dataset marks none independent).
    pub system_hhi: f64,
    /// The mean of the per-body HHI over all bodies other than roots.
    pub mean_body_hhi: f64,
}

impl SystemSummary {
    pub fn principal(&self, id: &str) -> Option<&PrincipalSummary> {
        self.principals.iter().find(|p| p.id == id)
    }
}

pub fn summarize(dataset: &Dataset, analysis: &Analysis) -> SystemSummary {
    let rooted: Vec<(&crate::model::Body, &super::BodyAnalysis)> = dataset
        .bodies
        .iter()
        .zip(&analysis.bodies)
        .filter(|(b, _)| !b.channels.is_empty())
        .collect();
    let independent: Vec<_> = rooted.iter().filter(|(b, _)| b.independent).collect();
    let independent_seats: f64 = independent.iter().map(|(b, _)| f64::from(b.seats)).sum();

    // Once per body, not once per body and principal.
    let largest: Vec<Option<&str>> = rooted
        .iter()
        .map(|(_, a)| a.largest().map(|(id, _)| id))
        .collect();
    let ids = &analysis.principal_ids;
    let mut principals = Vec::new();
    for p in &analysis.principals {
        let mut s = PrincipalSummary {
            id: p.clone(),
            ..Default::default()
        };
        // `control_of(p)` by the principal's place, found once.
        let place = super::idmap::place_in(ids, p);
        let control_of =
            |a: &super::BodyAnalysis| a.control.get_placed(ids, place, p).copied().unwrap_or(0.0);
        for ((b, a), top) in rooted.iter().zip(&largest) {
            if &b.id == p {
                continue;
            }
            let c = control_of(a);
            s.seats_reached += f64::from(b.seats) * c;
            if crate::model::numbers::majority(c) {
                s.bodies_majority += 1;
            }
            if *top == Some(p.as_str()) {
                s.bodies_largest += 1;
            }
        }
        if !independent.is_empty() {
            s.independent_seat_share = independent
                .iter()
                .map(|(b, a)| f64::from(b.seats) * control_of(a))
                .sum::<f64>()
                / independent_seats;
            s.independent_mean = independent.iter().map(|(_, a)| control_of(a)).sum::<f64>()
                / independent.len() as f64;
            s.independent_majority = independent
                .iter()
                .filter(|(_, a)| crate::model::numbers::majority(control_of(a)))
                .count();
        }
        principals.push(s);
    }

    let system_hhi = if independent.is_empty() {
        let total: f64 = rooted.iter().map(|(b, _)| f64::from(b.seats)).sum();
        let mut shares: BTreeMap<&str, f64> = BTreeMap::new();
        for (b, a) in &rooted {
            for (p, c) in &a.control {
                *shares.entry(p).or_default() += f64::from(b.seats) * c / total;
            }
        }
        shares.values().map(|s| s * s).sum()
    } else {
        principals
            .iter()
            .map(|p| p.independent_seat_share * p.independent_seat_share)
            .sum()
    };
    let mean_body_hhi = if rooted.is_empty() {
        0.0
    } else {
        rooted.iter().map(|(_, a)| a.hhi).sum::<f64>() / rooted.len() as f64
    };
    SystemSummary {
        principals,
        independent_bodies: independent.len(),
        // A sum over no body is -0.0, which reports would print as `-0.000`.
        system_hhi: crate::model::numbers::positive_zero(system_hhi),
        mean_body_hhi: crate::model::numbers::positive_zero(mean_body_hhi),
    }
}

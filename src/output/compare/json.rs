//! The JSON contract `bilik.compare/1`: the comparison in machine-readable form.
//!
//! Separate serialisable types built once from the [`Comparison`]; floats rounded to 4
//! decimals; datasets in the order given, everything else in a fixed order, so the same inputs
//! give byte-identical output.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::analysis::range::Ranged;
use crate::comparative::{
    Amount, BodyIndicator, ClassIndicator, Comparison, Entry, INDEPENDENT_ROLES, Indicators,
    Reason, ReasonKind, RoleChange, Route, Timeline,
};
use crate::output::fmt::{self, r4};
use crate::output::summary::json::{DatasetOut, weights_out};

pub const SCHEMA: &str = "bilik.compare/1";

#[derive(Debug, Serialize)]
pub struct Doc {
    pub schema: &'static str,
    /// The role classes the indicators are computed over.
    pub independent_roles: Vec<&'static str>,
    pub datasets: Vec<EntryOut>,
    pub by_role: Vec<RoleRowOut>,
    pub timelines: Vec<TimelineOut>,
    pub changes: Vec<PairOut>,
}

/// One dataset of the comparison: which it is (the keys of every contract's `dataset`), then
/// its indicators.
#[derive(Debug, Serialize)]
pub struct EntryOut {
    #[serde(flatten)]
    pub dataset: DatasetOut,
    pub head_of_state: String,
    pub weights: BTreeMap<String, f64>,
    pub principals: Vec<String>,
    pub indicators: IndicatorsOut,
    /// Each scalar indicator's `[lo, hi]` over the dataset's alternatives, the threat option
    /// and the band (added in issue 9; `null` when they could not be enumerated exactly).
    pub ranges: Option<BTreeMap<String, [f64; 2]>>,
    pub at_will_threat: bool,
    /// The bodies of the independent roles, in dataset order.
    pub bodies: Vec<BodyOut>,
}

#[derive(Debug, Serialize)]
pub struct IndicatorsOut {
    pub head_of_state_concentration: f64,
    /// The parts: `head_of_state_concentration = picks - veto_discount + at_will`.
    pub picks: f64,
    pub veto_discount: f64,
    pub at_will: f64,
    pub head_of_state_concentration_unified: f64,
    pub aligned: Vec<String>,
    /// The index of codebook R23 and its parts: the aligned hold, each principal's alignment
    /// (R21) with the features behind it, and the head of state's powers present (R22).
    pub head_of_state_concentration_aligned: f64,
    pub aligned_hold: f64,
    pub alignment: BTreeMap<String, AlignmentOut>,
    pub powers: Vec<String>,
    pub integrated_control: f64,
    pub independent_bodies: usize,
    pub majority: usize,
    pub largest_bloc: usize,
    /// Independent bodies the head of state controls by majority-control closure (R32).
    pub controlled: usize,
    pub picked_share: f64,
    pub consented_share: f64,
    pub veto_holders: Vec<VetoHolderOut>,
    pub removable_at_will: Vec<String>,
    pub independent_removable_at_will: Vec<String>,
    pub hhi_by_role: f64,
    pub hhi_by_seat: f64,
    /// Independent role -> the class's figures (only the roles the dataset has).
    pub roles: BTreeMap<String, ClassOut>,
    /// Every role present -> the head of state's mean integrated control and hold.
    pub control_by_role: BTreeMap<String, ControlOut>,
}

#[derive(Debug, Serialize)]
pub struct AlignmentOut {
    pub value: f64,
    pub features: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ClassOut {
    pub bodies: Vec<String>,
    pub control: f64,
    pub picks: f64,
    pub vetted: f64,
    pub held: f64,
    pub unified: f64,
    pub aligned: f64,
}

#[derive(Debug, Serialize)]
pub struct ControlOut {
    pub bodies: Vec<String>,
    pub control: f64,
    pub held: f64,
}

#[derive(Debug, Serialize)]
pub struct VetoHolderOut {
    pub actor: String,
    pub bodies: Vec<String>,
    pub under_threat: bool,
}

#[derive(Debug, Serialize)]
pub struct Largest {
    /// Several when they tie.
    pub principals: Vec<String>,
    pub share: f64,
}

#[derive(Debug, Serialize)]
pub struct BodyOut {
    pub id: String,
    pub name: String,
    pub role: String,
    pub seats: u32,
    pub seats_nominal: bool,
    pub independent: bool,
    pub control: f64,
    pub picks: f64,
    pub vetted: f64,
    pub held: f64,
    pub unified: f64,
    pub aligned: f64,
    pub largest: Option<Largest>,
    pub picked_seats: u32,
    pub consented_seats: u32,
    pub veto_holders: Vec<VetoOut>,
    pub at_will_seats: u32,
}

#[derive(Debug, Serialize)]
pub struct VetoOut {
    pub actor: String,
    pub under_threat: bool,
}

#[derive(Debug, Serialize)]
pub struct RoleRowOut {
    pub role: String,
    pub independent: bool,
    /// Dataset id -> the bodies of this role in it (an empty list when it has none).
    pub datasets: BTreeMap<String, Vec<CellOut>>,
}

#[derive(Debug, Serialize)]
pub struct CellOut {
    pub id: String,
    pub name: String,
    pub seats: u32,
    pub seats_nominal: bool,
    pub independent: bool,
    pub largest: Option<Largest>,
    pub head_control: f64,
    pub head_held: f64,
    pub removable_at_will_by_head: bool,
    pub vetoes: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct TimelineOut {
    pub jurisdiction: String,
    pub datasets: Vec<String>,
    pub head_of_state_concentration: Vec<f64>,
    pub roles: Vec<TimelineRowOut>,
}

#[derive(Debug, Serialize)]
pub struct TimelineRowOut {
    pub role: String,
    /// One per dataset of the timeline; `null` where it has no such body.
    pub points: Vec<Option<PointOut>>,
}

#[derive(Debug, Serialize)]
pub struct PointOut {
    pub bodies: Vec<String>,
    pub control: f64,
    pub held: f64,
}

#[derive(Debug, Serialize)]
pub struct PairOut {
    pub from: String,
    pub to: String,
    pub roles: Vec<ChangeOut>,
}

#[derive(Debug, Serialize)]
pub struct ChangeOut {
    pub role: String,
    pub before: Vec<BodyRoutesOut>,
    pub after: Vec<BodyRoutesOut>,
    pub control: [Option<f64>; 2],
    pub held: [Option<f64>; 2],
    pub reasons: Vec<ReasonOut>,
}

#[derive(Debug, Serialize)]
pub struct BodyRoutesOut {
    pub id: String,
    pub seats: u32,
    pub seats_nominal: bool,
    pub routes: Vec<RouteOut>,
}

#[derive(Debug, Serialize)]
pub struct RouteOut {
    pub channel: String,
    pub label: String,
    pub seats: u32,
    pub proposer: String,
    pub checks: Vec<CheckOut>,
    pub at_will_by_head: bool,
    pub source: String,
    pub removal_sources: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct CheckOut {
    pub actor: String,
    /// `consent`, `consent_under_threat` or `recommend`.
    pub position: &'static str,
}

#[derive(Debug, Serialize)]
pub struct ReasonOut {
    /// `seats`, `head_picks`, `consent`, `recommendation`, `at_will`, `other_picks`, `through`.
    pub kind: &'static str,
    pub actor: Option<String>,
    pub under_threat: Option<[bool; 2]>,
    pub before: Option<AmountOut>,
    pub after: Option<AmountOut>,
    pub sources_before: Vec<String>,
    pub sources_after: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct AmountOut {
    pub share: f64,
    pub seats: Option<u32>,
    pub of: Option<u32>,
}

fn class_out(c: &ClassIndicator) -> ClassOut {
    ClassOut {
        bodies: c.bodies.clone(),
        control: r4(c.control),
        picks: r4(c.picks),
        vetted: r4(c.vetted),
        held: r4(c.held),
        unified: r4(c.unified),
        aligned: r4(c.aligned),
    }
}

fn body_out(e: &Entry, b: &BodyIndicator) -> BodyOut {
    BodyOut {
        id: b.id.clone(),
        name: e.dataset.name(&b.id, crate::model::Lang::En).to_string(),
        role: b.role.to_string(),
        seats: b.seats,
        seats_nominal: b.seats_nominal,
        independent: b.independent,
        control: r4(b.control),
        picks: r4(b.picks),
        vetted: r4(b.vetted),
        held: r4(b.held),
        unified: r4(b.unified),
        aligned: r4(b.aligned),
        largest: b.largest.as_ref().map(|(p, x)| Largest {
            principals: p.clone(),
            share: r4(*x),
        }),
        picked_seats: b.picked_seats,
        consented_seats: b.consented_seats,
        veto_holders: b
            .veto_holders
            .iter()
            .map(|(a, t)| VetoOut {
                actor: a.clone(),
                under_threat: *t,
            })
            .collect(),
        at_will_seats: b.at_will_seats,
    }
}

fn entry_out(e: &Entry, ranged: Option<&Ranged>) -> EntryOut {
    let i = &e.indicators;
    EntryOut {
        ranges: ranged.map(|r| {
            Indicators::SCALARS
                .iter()
                .zip(r.lo.iter().zip(&r.hi))
                .map(|(n, (lo, hi))| (n.to_string(), [r4(*lo), r4(*hi)]))
                .collect()
        }),
        at_will_threat: e.analysis.options.at_will_threat,
        dataset: DatasetOut::of(&e.dataset.meta),
        head_of_state: i.head_of_state.clone(),
        weights: weights_out(&e.analysis.options.weights),
        principals: e.analysis.principals.clone(),
        indicators: IndicatorsOut {
            head_of_state_concentration: r4(i.head_of_state_concentration),
            picks: r4(i.picks),
            veto_discount: r4(i.veto_discount),
            at_will: r4(i.at_will),
            head_of_state_concentration_unified: r4(i.unified),
            aligned: i.aligned.clone(),
            head_of_state_concentration_aligned: r4(i.head_of_state_concentration_aligned),
            aligned_hold: r4(i.aligned_hold),
            alignment: i
                .alignments
                .iter()
                .map(|p| {
                    (
                        p.id.clone(),
                        AlignmentOut {
                            value: r4(p.alignment),
                            features: p.features.iter().map(|f| f.to_string()).collect(),
                        },
                    )
                })
                .collect(),
            powers: i.powers.iter().map(|p| p.to_string()).collect(),
            integrated_control: r4(i.integrated_control),
            independent_bodies: i.bodies.len(),
            majority: i.majority,
            largest_bloc: i.largest_bloc,
            controlled: i.controlled,
            picked_share: r4(i.picked_share),
            consented_share: r4(i.consented_share),
            veto_holders: i
                .veto_holders
                .iter()
                .map(|v| VetoHolderOut {
                    actor: v.actor.clone(),
                    bodies: v.bodies.clone(),
                    under_threat: v.under_threat,
                })
                .collect(),
            removable_at_will: i.removable_at_will.clone(),
            independent_removable_at_will: i.independent_removable_at_will.clone(),
            hhi_by_role: r4(i.hhi_by_role),
            hhi_by_seat: r4(i.hhi_by_seat),
            roles: i
                .classes
                .iter()
                .map(|c| (c.role.to_string(), class_out(c)))
                .collect(),
            control_by_role: i
                .roles
                .iter()
                .map(|r| {
                    (
                        r.role.to_string(),
                        ControlOut {
                            bodies: r.bodies.clone(),
                            control: r4(r.control),
                            held: r4(r.held),
                        },
                    )
                })
                .collect(),
        },
        bodies: i.bodies.iter().map(|b| body_out(e, b)).collect(),
    }
}

fn amount_out(a: &Option<Amount>) -> Option<AmountOut> {
    a.map(|a| AmountOut {
        share: r4(a.share),
        seats: a.seats.map(|s| s.0),
        of: a.seats.map(|s| s.1),
    })
}

fn reason_out(r: &Reason) -> ReasonOut {
    let (kind, actor, under_threat) = match &r.kind {
        ReasonKind::Seats => ("seats", None, None),
        ReasonKind::HeadPicks => ("head_picks", None, None),
        ReasonKind::Consent {
            actor,
            under_threat,
        } => (
            "consent",
            Some(actor.clone()),
            Some([under_threat.0, under_threat.1]),
        ),
        ReasonKind::Recommendation { actor } => ("recommendation", Some(actor.clone()), None),
        ReasonKind::AtWill => ("at_will", None, None),
        ReasonKind::OtherPicks { actor } => ("other_picks", Some(actor.clone()), None),
        ReasonKind::Through { actor } => ("through", Some(actor.clone()), None),
    };
    ReasonOut {
        kind,
        actor,
        under_threat,
        before: amount_out(&r.before),
        after: amount_out(&r.after),
        sources_before: r.sources_before.clone(),
        sources_after: r.sources_after.clone(),
    }
}

fn route_out(r: &Route) -> RouteOut {
    RouteOut {
        channel: r.channel.clone(),
        label: r.label.clone(),
        seats: r.seats,
        proposer: r.proposer.clone(),
        checks: r
            .checks
            .iter()
            .map(|c| CheckOut {
                actor: c.actor.clone(),
                position: c.position.weight_name(),
            })
            .collect(),
        at_will_by_head: r.at_will_by_head,
        source: r.source.clone(),
        removal_sources: r.removal_sources.clone(),
    }
}

fn change_out(c: &RoleChange) -> ChangeOut {
    let side = |bodies: &[crate::comparative::BodyRoutes]| -> Vec<BodyRoutesOut> {
        bodies
            .iter()
            .map(|b| BodyRoutesOut {
                id: b.id.clone(),
                seats: b.seats,
                seats_nominal: b.seats_nominal,
                routes: b.routes.iter().map(route_out).collect(),
            })
            .collect()
    };
    ChangeOut {
        role: c.role.to_string(),
        before: side(&c.before),
        after: side(&c.after),
        control: [c.control.0.map(r4), c.control.1.map(r4)],
        held: [c.held.0.map(r4), c.held.1.map(r4)],
        reasons: c.reasons.iter().map(reason_out).collect(),
    }
}

fn timeline_out(t: &Timeline) -> TimelineOut {
    TimelineOut {
        jurisdiction: t.jurisdiction.clone(),
        datasets: t.datasets.clone(),
        head_of_state_concentration: t.headline.iter().map(|x| r4(*x)).collect(),
        roles: t
            .rows
            .iter()
            .map(|r| TimelineRowOut {
                role: r.role.to_string(),
                points: r
                    .points
                    .iter()
                    .map(|p| {
                        p.as_ref().map(|p| PointOut {
                            bodies: p.bodies.clone(),
                            control: r4(p.control),
                            held: r4(p.held),
                        })
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Builds the `bilik.compare/1` document; `ranges` as [`super::indicator_ranges`] gives them.
pub fn document(c: &Comparison, ranges: &[Option<Ranged>]) -> Doc {
    Doc {
        schema: SCHEMA,
        independent_roles: INDEPENDENT_ROLES.iter().map(|r| r.as_str()).collect(),
        datasets: c
            .entries
            .iter()
            .enumerate()
            .map(|(k, e)| entry_out(e, ranges.get(k).and_then(Option::as_ref)))
            .collect(),
        by_role: c
            .roles
            .rows
            .iter()
            .map(|row| RoleRowOut {
                role: row.role.to_string(),
                independent: row.independent_class,
                datasets: c
                    .entries
                    .iter()
                    .zip(&row.cells)
                    .map(|(e, cells)| {
                        (
                            e.id().to_string(),
                            cells
                                .iter()
                                .map(|x| CellOut {
                                    id: x.id.clone(),
                                    name: e.dataset.name(&x.id, crate::model::Lang::En).to_string(),
                                    seats: x.seats,
                                    seats_nominal: x.seats_nominal,
                                    independent: x.independent,
                                    largest: x.largest.as_ref().map(|(p, v)| Largest {
                                        principals: p.clone(),
                                        share: r4(*v),
                                    }),
                                    head_control: r4(x.head_control),
                                    head_held: r4(x.head_held),
                                    removable_at_will_by_head: x.removable_at_will_by_head,
                                    vetoes: x.vetoes.clone(),
                                })
                                .collect(),
                        )
                    })
                    .collect(),
            })
            .collect(),
        timelines: c.timelines.iter().map(timeline_out).collect(),
        changes: c
            .changes
            .iter()
            .map(|p| PairOut {
                from: c.entries[p.from].id().to_string(),
                to: c.entries[p.to].id().to_string(),
                roles: p.roles.iter().map(change_out).collect(),
            })
            .collect(),
    }
}

/// The `bilik.compare/1` document as JSON.
pub fn render(c: &Comparison, ranges: &[Option<Ranged>]) -> String {
    fmt::json(&document(c, ranges))
}

//! The system-level indicators, computed the same way for every dataset. Formulas are in the
//! README ("Comparing states") and on each field.

use std::collections::BTreeMap;

use super::hold::{self, Parts};
use super::{CompareError, INDEPENDENT_ROLES};
use crate::analysis::{Analysis, BodyAnalysis};
use crate::model::{BodyId, Dataset, Role};

/// The head of state's figures for one body of an independent role class.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyIndicator {
    pub id: BodyId,
    pub role: Role,
    pub seats: u32,
    pub seats_nominal: bool,
    /// The dataset's own `independent` attribute (the comparison goes by role, not by it).
    pub independent: bool,
    /// Integrated control, as in `bilik summary`.
    pub control: f64,
    /// Hold counting picks only.
    pub picks: f64,
    /// Hold counting picks discounted by others' vetoes.
    pub vetted: f64,
    /// The hold: picks, vetoes and removal at will.
    pub held: f64,
    /// The hold with every directly elected principal counted as the head of state's.
    pub unified: f64,
    /// The principals with the largest integrated control (several when tied), and the share.
    pub largest: Option<(Vec<BodyId>, f64)>,
    /// Seats of channels in which the head of state proposes the candidate.
    pub picked_seats: u32,
    /// Of those, seats whose pick needs someone else's consent.
    pub consented_seats: u32,
    /// Who holds those consents, and whether under threat of dissolution.
    pub veto_holders: Vec<(BodyId, bool)>,
    /// Seats whose holders the head of state can dismiss at will.
    pub at_will_seats: u32,
}

/// The head of state's figures for one independent role class: means over its bodies.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassIndicator {
    pub role: Role,
    pub bodies: Vec<BodyId>,
    pub control: f64,
    pub picks: f64,
    pub vetted: f64,
    pub held: f64,
    pub unified: f64,
}

/// The head of state's mean integrated control and hold of the bodies of one role (any role).
#[derive(Debug, Clone, PartialEq)]
pub struct RoleControl {
    pub role: Role,
    pub bodies: Vec<BodyId>,
    pub control: f64,
    pub held: f64,
}

/// An actor whose consent the head of state's picks for independent bodies need.
#[derive(Debug, Clone, PartialEq)]
pub struct VetoHolder {
    pub actor: BodyId,
    /// The independent bodies in which it ratifies his picks.
    pub bodies: Vec<BodyId>,
    /// It may be dissolved by him for refusing (a consent under threat), in any of them.
    pub under_threat: bool,
}

/// The indicator set of one dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicators {
    pub head_of_state: BodyId,
    /// Mean over the independent role classes present of the mean hold of their bodies.
    pub head_of_state_concentration: f64,
    /// The same mean of picks only: the first part of the headline.
    pub picks: f64,
    /// What others' vetoes take from his picks: `picks - vetted` (second part, subtracted).
    pub veto_discount: f64,
    /// What removal at will adds back: `held - vetted` (third part, added).
    pub at_will: f64,
    /// The headline with every directly elected principal counted as his (unified government:
    /// his party wins every election); what stays below 1 is insulated from party politics.
    pub unified: f64,
    /// The principals counted as aligned in `unified`.
    pub aligned: Vec<BodyId>,
    /// Mean over the classes of his integrated control (the tool's standard measure).
    pub integrated_control: f64,
    /// The independent role classes present, in [`INDEPENDENT_ROLES`] order.
    pub classes: Vec<ClassIndicator>,
    /// Every role present (other than the electorate), in vocabulary order.
    pub roles: Vec<RoleControl>,
    /// The bodies of the independent role classes, in dataset order.
    pub bodies: Vec<BodyIndicator>,
    /// Independent bodies in which his integrated control exceeds one half.
    pub majority: usize,
    /// Independent bodies in which he is the largest principal (alone or tied) without a
    /// majority.
    pub largest_bloc: usize,
    /// Mean over classes of the share of seats he proposes.
    pub picked_share: f64,
    /// Mean over classes of the share of seats he proposes that need another's consent.
    pub consented_share: f64,
    pub veto_holders: Vec<VetoHolder>,
    /// Every body (of any role) with seats he can dismiss at will, in dataset order.
    pub removable_at_will: Vec<BodyId>,
    /// Of the independent bodies, those with seats he can dismiss at will.
    pub independent_removable_at_will: Vec<BodyId>,
    /// `sum_p G(p)^2`, `G(p)` the class-mean integrated control of principal `p` over the
    /// independent bodies: comparable across datasets whatever their seat units.
    pub hhi_by_role: f64,
    /// The summary's system HHI, weighted by seats (not comparable across datasets whose
    /// courts are counted in different units).
    pub hhi_by_seat: f64,
}

impl Indicators {
    pub fn class(&self, role: Role) -> Option<&ClassIndicator> {
        self.classes.iter().find(|c| c.role == role)
    }

    pub fn body(&self, id: &str) -> Option<&BodyIndicator> {
        self.bodies.iter().find(|b| b.id == id)
    }
}

fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// The principals counted as the head of state's in the unified-government variant: every
/// principal somebody fills (in the default rule, every body the voters elect directly: the
/// chambers, local councils, parties), that is all but the roots nobody fills (the electorate,
/// and constituencies such as magistrates or bar associations that elect their own).
pub fn aligned_principals(dataset: &Dataset, analysis: &Analysis, head: &str) -> Vec<BodyId> {
    analysis
        .principals
        .iter()
        .filter(|p| p.as_str() != head && dataset.body(p).is_some_and(|b| !b.channels.is_empty()))
        .cloned()
        .collect()
}

/// Computes the indicator set of `dataset` under an analysis already run on it.
pub fn indicators(dataset: &Dataset, analysis: &Analysis) -> Result<Indicators, CompareError> {
    let head = dataset
        .head_of_state()
        .ok_or_else(|| CompareError::NoHeadOfState(dataset.meta.id.clone()))?
        .id
        .clone();
    let alone = vec![head.clone()];
    let picks = hold::holds(dataset, analysis, &alone, Parts::PICKS);
    let vetted = hold::holds(dataset, analysis, &alone, Parts::VETTED);
    let held = hold::holds(dataset, analysis, &alone, Parts::HELD);
    let aligned = aligned_principals(dataset, analysis, &head);
    let mut unified_head = alone.clone();
    unified_head.extend(aligned.iter().cloned());
    let unified = hold::holds(dataset, analysis, &unified_head, Parts::HELD);

    let mut bodies = Vec::new();
    for (i, (body, a)) in dataset.bodies.iter().zip(&analysis.bodies).enumerate() {
        let Some(role) = body.role.filter(|r| INDEPENDENT_ROLES.contains(r)) else {
            continue;
        };
        bodies.push(body_indicator(
            body,
            a,
            &head,
            role,
            [picks[i], vetted[i], held[i], unified[i]],
        ));
    }

    let classes: Vec<ClassIndicator> = INDEPENDENT_ROLES
        .iter()
        .filter_map(|&role| {
            let members: Vec<&BodyIndicator> = bodies.iter().filter(|b| b.role == role).collect();
            if members.is_empty() {
                return None;
            }
            Some(ClassIndicator {
                role,
                bodies: members.iter().map(|b| b.id.clone()).collect(),
                control: mean(members.iter().map(|b| b.control)),
                picks: mean(members.iter().map(|b| b.picks)),
                vetted: mean(members.iter().map(|b| b.vetted)),
                held: mean(members.iter().map(|b| b.held)),
                unified: mean(members.iter().map(|b| b.unified)),
            })
        })
        .collect();
    let class_mean = |f: &dyn Fn(&BodyIndicator) -> f64| -> f64 {
        mean(
            classes
                .iter()
                .map(|c| mean(bodies.iter().filter(|b| b.role == c.role).map(f))),
        )
    };
    let head_picks = class_mean(&|b| b.picks);
    let head_vetted = class_mean(&|b| b.vetted);
    let head_held = class_mean(&|b| b.held);
    let share = |n: u32, b: &BodyIndicator| f64::from(n) / f64::from(b.seats);

    let roles: Vec<RoleControl> = Role::ALL
        .iter()
        .filter(|r| **r != Role::Electorate)
        .filter_map(|&role| {
            let members: Vec<(usize, &BodyAnalysis)> = dataset
                .bodies
                .iter()
                .zip(&analysis.bodies)
                .enumerate()
                .filter(|(_, (b, _))| b.role == Some(role))
                .map(|(i, (_, a))| (i, a))
                .collect();
            if members.is_empty() {
                return None;
            }
            Some(RoleControl {
                role,
                bodies: members.iter().map(|(_, a)| a.id.clone()).collect(),
                control: mean(members.iter().map(|(_, a)| a.control_of(&head))),
                held: mean(members.iter().map(|(i, _)| held[*i])),
            })
        })
        .collect();

    let mut holders: BTreeMap<BodyId, VetoHolder> = BTreeMap::new();
    for b in &bodies {
        for (actor, threat) in &b.veto_holders {
            let h = holders.entry(actor.clone()).or_insert_with(|| VetoHolder {
                actor: actor.clone(),
                bodies: Vec::new(),
                under_threat: false,
            });
            h.bodies.push(b.id.clone());
            h.under_threat |= *threat;
        }
    }
    let mut veto_holders: Vec<VetoHolder> = holders.into_values().collect();
    veto_holders.sort_by(|a, b| {
        b.bodies
            .len()
            .cmp(&a.bodies.len())
            .then_with(|| a.actor.cmp(&b.actor))
    });

    let removable_at_will: Vec<BodyId> = analysis
        .bodies
        .iter()
        .filter(|a| {
            a.channels
                .iter()
                .any(|c| c.removers.iter().any(|r| *r == head))
        })
        .map(|a| a.id.clone())
        .collect();

    let principal_share: BTreeMap<&str, f64> = analysis
        .principals
        .iter()
        .map(|p| {
            let g = mean(classes.iter().map(|c| {
                mean(
                    c.bodies
                        .iter()
                        .filter_map(|id| analysis.body(id))
                        .map(|a| a.control_of(p)),
                )
            }));
            (p.as_str(), g)
        })
        .collect();

    Ok(Indicators {
        head_of_state_concentration: head_held,
        picks: head_picks,
        veto_discount: head_picks - head_vetted,
        at_will: head_held - head_vetted,
        unified: class_mean(&|b| b.unified),
        aligned,
        integrated_control: class_mean(&|b| b.control),
        majority: bodies.iter().filter(|b| b.control > 0.5).count(),
        largest_bloc: bodies
            .iter()
            .filter(|b| {
                b.control <= 0.5 && b.largest.as_ref().is_some_and(|(p, _)| p.contains(&head))
            })
            .count(),
        picked_share: class_mean(&|b| share(b.picked_seats, b)),
        consented_share: class_mean(&|b| share(b.consented_seats, b)),
        independent_removable_at_will: bodies
            .iter()
            .filter(|b| b.at_will_seats > 0)
            .map(|b| b.id.clone())
            .collect(),
        removable_at_will,
        veto_holders,
        hhi_by_role: principal_share.values().map(|g| g * g).sum(),
        hhi_by_seat: analysis.summary.system_hhi,
        head_of_state: head,
        classes,
        roles,
        bodies,
    })
}

fn body_indicator(
    body: &crate::model::Body,
    a: &BodyAnalysis,
    head: &str,
    role: Role,
    [picks, vetted, held, unified]: [f64; 4],
) -> BodyIndicator {
    let mut picked_seats = 0;
    let mut consented_seats = 0;
    let mut at_will_seats = 0;
    let mut veto_holders: Vec<(BodyId, bool)> = Vec::new();
    for c in &a.channels {
        if c.removers.iter().any(|r| r == head) {
            at_will_seats += c.seats;
        }
        if c.proposer != head {
            continue;
        }
        picked_seats += c.seats;
        let others: Vec<(BodyId, bool)> = c
            .shares
            .iter()
            .filter(|s| s.position.is_veto() && s.actor != head)
            .map(|s| {
                (
                    s.actor.clone(),
                    s.position == crate::analysis::Position::RatifyUnderThreat,
                )
            })
            .collect();
        if !others.is_empty() {
            consented_seats += c.seats;
        }
        for (actor, threat) in others {
            match veto_holders.iter_mut().find(|(x, _)| *x == actor) {
                Some(v) => v.1 |= threat,
                None => veto_holders.push((actor, threat)),
            }
        }
    }
    veto_holders.sort();
    BodyIndicator {
        id: body.id.clone(),
        role,
        seats: body.seats,
        seats_nominal: body.seats_nominal,
        independent: body.independent,
        control: a.control_of(head),
        picks,
        vetted,
        held,
        unified,
        largest: super::largest(a),
        picked_seats,
        consented_seats,
        veto_holders,
        at_will_seats,
    }
}

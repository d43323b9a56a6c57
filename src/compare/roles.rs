//! Role by role: bodies of two or more datasets lined up by their `role`, and the timeline of
//! the head of state's hold on each independent role across datasets of one jurisdiction.

use super::{Entry, INDEPENDENT_ROLES};
use crate::model::{BodyId, Role};

/// One body in one dataset, as the role-by-role table shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleCell {
    pub id: BodyId,
    pub seats: u32,
    pub seats_nominal: bool,
    /// The dataset's own `independent` attribute.
    pub independent: bool,
    /// The principals with the largest integrated control (several when tied), and the share.
    pub largest: Option<(Vec<BodyId>, f64)>,
    /// The head of state's integrated control.
    pub head_control: f64,
    /// The head of state's hold (the per-body figure of `head_of_state_concentration`).
    pub head_held: f64,
    /// Some of its seats the head of state can dismiss at will.
    pub removable_at_will_by_head: bool,
    /// Actors whose consent some channel of the body needs.
    pub vetoes: Vec<BodyId>,
}

/// One role across the datasets: `cells[i]` are the bodies of that role in dataset `i` (empty
/// when the dataset has none).
#[derive(Debug, Clone, PartialEq)]
pub struct RoleRow {
    pub role: Role,
    /// One of the independent role classes the headline counts.
    pub independent_class: bool,
    pub cells: Vec<Vec<RoleCell>>,
}

/// Bodies lined up by role.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleTable {
    /// Dataset ids, in the order given.
    pub datasets: Vec<String>,
    /// The independent role classes first (in [`INDEPENDENT_ROLES`] order), then every other
    /// role some dataset has, in vocabulary order. `electorate` and `other` are left out: the
    /// first is the same everywhere, the second is not a role one can line up.
    pub rows: Vec<RoleRow>,
}

impl RoleTable {
    pub fn row(&self, role: Role) -> Option<&RoleRow> {
        self.rows.iter().find(|r| r.role == role)
    }
}

/// The order roles are shown in: the independent classes, then the rest of the vocabulary.
pub fn role_order() -> Vec<Role> {
    let mut out: Vec<Role> = INDEPENDENT_ROLES.to_vec();
    out.extend(Role::ALL.iter().copied().filter(|r| {
        !INDEPENDENT_ROLES.contains(r) && !matches!(r, Role::Electorate | Role::Other)
    }));
    out
}

/// Lines the bodies of `entries` up by role.
pub fn by_role(entries: &[Entry]) -> RoleTable {
    let mut rows = Vec::new();
    for role in role_order() {
        let cells: Vec<Vec<RoleCell>> = entries.iter().map(|e| cells(e, role)).collect();
        if cells.iter().all(Vec::is_empty) {
            continue;
        }
        rows.push(RoleRow {
            role,
            independent_class: INDEPENDENT_ROLES.contains(&role),
            cells,
        });
    }
    RoleTable {
        datasets: entries.iter().map(|e| e.dataset.meta.id.clone()).collect(),
        rows,
    }
}

fn cells(e: &Entry, role: Role) -> Vec<RoleCell> {
    let head = &e.indicators.head_of_state;
    e.dataset
        .bodies
        .iter()
        .zip(&e.analysis.bodies)
        .enumerate()
        .filter(|(_, (b, _))| b.role == Some(role))
        .map(|(i, (b, a))| RoleCell {
            id: b.id.clone(),
            seats: b.seats,
            seats_nominal: b.seats_nominal,
            independent: b.independent,
            largest: super::largest(a),
            head_control: a.control_of(head),
            head_held: e.held[i],
            removable_at_will_by_head: a
                .channels
                .iter()
                .any(|c| c.removers.iter().any(|r| r == head)),
            vetoes: a.vetoes.clone(),
        })
        .collect()
}

/// The head of state's figures for one independent role in one dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelinePoint {
    pub bodies: Vec<BodyId>,
    pub control: f64,
    pub held: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    pub role: Role,
    /// One point per dataset of the timeline; `None` where the dataset has no such body.
    pub points: Vec<Option<TimelinePoint>>,
}

/// How the head of state's hold on each independent role moved across datasets of one
/// jurisdiction (kz-2017 -> kz-2022 -> kz-2026).
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub jurisdiction: String,
    pub datasets: Vec<String>,
    /// `head_of_state_concentration` of each dataset.
    pub headline: Vec<f64>,
    pub rows: Vec<TimelineRow>,
}

/// The timeline of `entries` in the order given.
pub fn timeline(entries: &[&Entry]) -> Timeline {
    let rows = INDEPENDENT_ROLES
        .iter()
        .map(|&role| TimelineRow {
            role,
            points: entries
                .iter()
                .map(|e| {
                    e.indicators.class(role).map(|c| TimelinePoint {
                        bodies: c.bodies.clone(),
                        control: c.control,
                        held: c.held,
                    })
                })
                .collect(),
        })
        .filter(|r| r.points.iter().any(Option::is_some))
        .collect();
    Timeline {
        jurisdiction: entries
            .first()
            .map(|e| e.dataset.meta.jurisdiction.clone())
            .unwrap_or_default(),
        datasets: entries.iter().map(|e| e.dataset.meta.id.clone()).collect(),
        headline: entries
            .iter()
            .map(|e| e.indicators.head_of_state_concentration)
            .collect(),
        rows,
    }
}

/// The series among `entries`: for every jurisdiction with two or more datasets, those
/// datasets ordered by the date their law is taken as of (then as given). Jurisdictions come
/// in the order of their first dataset.
pub fn series(entries: &[Entry]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        match groups
            .iter_mut()
            .find(|g| entries[g[0]].dataset.meta.jurisdiction == e.dataset.meta.jurisdiction)
        {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups.retain(|g| g.len() > 1);
    for g in &mut groups {
        // A stable sort keeps the given order among datasets of the same date.
        g.sort_by(|&a, &b| {
            entries[a]
                .dataset
                .meta
                .as_of
                .cmp(&entries[b].dataset.meta.as_of)
        });
    }
    groups
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Options;
    use crate::comparative::indicators::tests::mini;

    fn entry(id: &str, jurisdiction: &str, as_of: &str) -> Entry {
        let mut ds = mini();
        ds.meta.id = id.into();
        ds.meta.jurisdiction = jurisdiction.into();
        ds.meta.as_of = as_of.into();
        let o = Options::of(&ds);
        Entry::analyze(ds, &o).unwrap()
    }

    #[test]
    fn bodies_line_up_by_role() {
        let a = entry("a", "X", "2020-01-01");
        // The same role under another id still lines up.
        let mut ds = mini();
        ds.meta.id = "b".into();
        ds.body_mut("auditor").unwrap().id = "audit_office".into();
        let o = Options::of(&ds);
        let b = Entry::analyze(ds, &o).unwrap();
        let t = by_role(&[a, b]);
        assert_eq!(t.datasets, ["a", "b"]);
        let audit = t.row(Role::Audit).unwrap();
        assert!(audit.independent_class);
        assert_eq!(audit.cells[0][0].id, "auditor");
        assert_eq!(audit.cells[1][0].id, "audit_office");
        let roles: Vec<Role> = t.rows.iter().map(|r| r.role).collect();
        assert_eq!(
            roles,
            [
                Role::ConstitutionalReview,
                Role::Prosecution,
                Role::Audit,
                Role::CentralBank,
                Role::HeadOfState,
                Role::Legislature
            ]
        );
        let court = &t.row(Role::ConstitutionalReview).unwrap().cells[0][0];
        assert_eq!((court.head_control, court.head_held), (0.5, 0.5));
        assert_eq!(court.vetoes, ["parliament"]);
        let bank = &t.row(Role::CentralBank).unwrap().cells[0][0];
        assert!(bank.removable_at_will_by_head);
        assert_eq!(bank.head_held, 1.0);
    }

    #[test]
    fn series_group_a_jurisdiction_by_date() {
        let entries = vec![
            entry("x-2022", "X", "2022-01-01"),
            entry("y", "Y", "2020-01-01"),
            entry("x-2017", "X", "2017-01-01"),
            entry("x-2026", "X", "2026-07-01"),
        ];
        assert_eq!(series(&entries), vec![vec![2, 0, 3]]);
        let members: Vec<&Entry> = series(&entries)[0].iter().map(|&i| &entries[i]).collect();
        let t = timeline(&members);
        assert_eq!(t.jurisdiction, "X");
        assert_eq!(t.datasets, ["x-2017", "x-2022", "x-2026"]);
        assert_eq!(t.headline, vec![0.625; 3]);
        let bank = t.rows.iter().find(|r| r.role == Role::CentralBank).unwrap();
        assert!(bank.points.iter().all(|p| p.as_ref().unwrap().held == 1.0));
    }
}

//! What changed between two analysed states (a baseline and a reformed dataset, or any two):
//! bodies whose composition or control moved, flags raised and cleared, and the per-principal
//! summary before and after.
//!
//! Complexity: O((B + C) log B + E log E + F log F) for B bodies, C channels, E edges and F
//! flags of both states: each body is looked up in both datasets and analyses through their
//! indices, its channels matched through a map, edges and flags compared as sorted sets.
//! [`Diff::body`] scans the changed bodies.

use std::collections::{BTreeMap, BTreeSet};

use super::{Analysis, Flag, PrincipalSummary};
use crate::model::{BodyId, Dataset};

/// Changes smaller than this (in shares, or in seats for direct shares) are rounding noise.
pub const EPSILON: f64 = 5e-5;

#[derive(Debug, Clone, PartialEq)]
pub enum BodyChange {
    Added,
    Removed,
    Changed,
}

/// One body's before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyDelta {
    pub id: BodyId,
    pub change: BodyChange,
    pub seats: (Option<u32>, Option<u32>),
    /// Actor -> (seats before, seats after), for actors whose seats moved.
    pub direct: BTreeMap<BodyId, (f64, f64)>,
    /// Principal -> (share before, share after), for principals whose share moved.
    pub control: BTreeMap<BodyId, (f64, f64)>,
    pub hhi: (f64, f64),
    /// Channel ids added and removed, and those whose steps or seats changed.
    pub channels_added: Vec<String>,
    pub channels_removed: Vec<String>,
    pub channels_changed: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PrincipalDelta {
    pub id: BodyId,
    pub before: Option<PrincipalSummary>,
    pub after: Option<PrincipalSummary>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    pub bodies: Vec<BodyDelta>,
    pub flags_raised: Vec<Flag>,
    pub flags_cleared: Vec<Flag>,
    pub principals: Vec<PrincipalDelta>,
    pub system_hhi: (f64, f64),
    /// Power edges (from, kind, to, channel) added and removed.
    pub edges_added: Vec<String>,
    pub edges_removed: Vec<String>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.bodies.is_empty()
            && self.flags_raised.is_empty()
            && self.flags_cleared.is_empty()
            && self.edges_added.is_empty()
            && self.edges_removed.is_empty()
    }

    pub fn body(&self, id: &str) -> Option<&BodyDelta> {
        self.bodies.iter().find(|b| b.id == id)
    }
}

fn moved(a: f64, b: f64) -> bool {
    (a - b).abs() > EPSILON
}

fn pairs(before: &super::Shares, after: &super::Shares) -> BTreeMap<BodyId, (f64, f64)> {
    let keys: BTreeSet<&BodyId> = before.keys().chain(after.keys()).collect();
    keys.into_iter()
        .filter_map(|k| {
            let a = before.get(k).copied().unwrap_or(0.0);
            let b = after.get(k).copied().unwrap_or(0.0);
            moved(a, b).then(|| (k.clone(), (a, b)))
        })
        .collect()
}

fn edge_label(e: &crate::model::Edge) -> String {
    match &e.channel {
        Some(c) => format!("{} -{}-> {}/{}", e.from, e.kind, e.to, c),
        None => format!("{} -{}-> {}", e.from, e.kind, e.to),
    }
}

/// Compares `after` with `before`.
pub fn diff(before_ds: &Dataset, before: &Analysis, after_ds: &Dataset, after: &Analysis) -> Diff {
    let mut bodies = Vec::new();
    let ids: BTreeSet<&str> = before_ds
        .bodies
        .iter()
        .chain(&after_ds.bodies)
        .map(|b| b.id.as_str())
        .collect();
    for id in ids {
        let (bd, ad) = (before_ds.body(id), after_ds.body(id));
        let (ba, aa) = (before.body(id), after.body(id));
        let empty = super::Shares::default();
        let change = match (bd, ad) {
            (None, Some(_)) => BodyChange::Added,
            (Some(_), None) => BodyChange::Removed,
            _ => BodyChange::Changed,
        };
        let direct = pairs(
            ba.map(|a| &a.direct).unwrap_or(&empty),
            aa.map(|a| &a.direct).unwrap_or(&empty),
        );
        let control = pairs(
            ba.map(|a| &a.control).unwrap_or(&empty),
            aa.map(|a| &a.control).unwrap_or(&empty),
        );
        let bch: BTreeMap<&str, &crate::model::Channel> = bd
            .map(|b| b.channels.iter().map(|c| (c.id.as_str(), c)).collect())
            .unwrap_or_default();
        let ach: BTreeMap<&str, &crate::model::Channel> = ad
            .map(|b| b.channels.iter().map(|c| (c.id.as_str(), c)).collect())
            .unwrap_or_default();
        let channels_added: Vec<String> = ach
            .keys()
            .filter(|k| !bch.contains_key(*k))
            .map(|k| k.to_string())
            .collect();
        let channels_removed: Vec<String> = bch
            .keys()
            .filter(|k| !ach.contains_key(*k))
            .map(|k| k.to_string())
            .collect();
        let channels_changed: Vec<String> = bch
            .iter()
            .filter(|(k, c)| {
                ach.get(*k).is_some_and(|a| {
                    a.seats != c.seats || a.steps != c.steps || a.mandate != c.mandate
                })
            })
            .map(|(k, _)| k.to_string())
            .collect();
        let seats = (bd.map(|b| b.seats), ad.map(|b| b.seats));
        let hhi = (
            ba.map(|a| a.hhi).unwrap_or(0.0),
            aa.map(|a| a.hhi).unwrap_or(0.0),
        );
        let attributes_changed = matches!((bd, ad), (Some(b), Some(a)) if b != a);
        if change != BodyChange::Changed
            || !direct.is_empty()
            || !control.is_empty()
            || seats.0 != seats.1
            || !channels_added.is_empty()
            || !channels_removed.is_empty()
            || !channels_changed.is_empty()
            || attributes_changed
        {
            bodies.push(BodyDelta {
                id: id.to_string(),
                change,
                seats,
                direct,
                control,
                hhi,
                channels_added,
                channels_removed,
                channels_changed,
            });
        }
    }

    let before_keys: BTreeSet<_> = before.flags.iter().map(|f| f.key()).collect();
    let after_keys: BTreeSet<_> = after.flags.iter().map(|f| f.key()).collect();
    let flags_raised = after
        .flags
        .iter()
        .filter(|f| !before_keys.contains(&f.key()))
        .cloned()
        .collect();
    let flags_cleared = before
        .flags
        .iter()
        .filter(|f| !after_keys.contains(&f.key()))
        .cloned()
        .collect();

    let principal_ids: BTreeSet<&str> = before
        .principals
        .iter()
        .chain(&after.principals)
        .map(String::as_str)
        .collect();
    let principals = principal_ids
        .into_iter()
        .map(|p| PrincipalDelta {
            id: p.to_string(),
            before: before.summary.principal(p).cloned(),
            after: after.summary.principal(p).cloned(),
        })
        .collect();

    let bedges: BTreeSet<String> = before_ds.edges.iter().map(edge_label).collect();
    let aedges: BTreeSet<String> = after_ds.edges.iter().map(edge_label).collect();
    Diff {
        bodies,
        flags_raised,
        flags_cleared,
        principals,
        system_hhi: (before.summary.system_hhi, after.summary.system_hhi),
        edges_added: aedges.difference(&bedges).cloned().collect(),
        edges_removed: bedges.difference(&aedges).cloned().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze, tests::tiny_dataset};

    #[test]
    fn identical_states_have_an_empty_diff() {
        let ds = tiny_dataset();
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        assert!(diff(&ds, &a, &ds, &a).is_empty());
    }

    #[test]
    fn a_changed_channel_moves_control_and_flags() {
        let ds = tiny_dataset();
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        let mut after = ds.clone();
        let court = after.body_mut("court").unwrap();
        court.channels[1].steps[0].actor = "councils".into();
        let b = analyze(&after, &Options::of(&after)).unwrap();
        let d = diff(&ds, &a, &after, &b);
        let court = d.body("court").unwrap();
        assert_eq!(court.channels_changed, vec!["president_judges"]);
        let (p0, p1) = court.control["president"];
        // Before: (1.5 + 1.5 * 0.2) / 3; after: the Chair's half and the Senate's 1.5 seats at
        // 20%, (0.5 + 0.3) / 3.
        assert!((p0 - 0.6).abs() < 1e-12, "{p0}");
        assert!((p1 - 0.8 / 3.0).abs() < 1e-12, "{p1}");
        assert!(
            d.flags_cleared
                .iter()
                .any(|f| f.rule == "independent_majority")
        );
    }
}

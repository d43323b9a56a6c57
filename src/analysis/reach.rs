//! Whether every body's chain of channels reaches a principal: the one rule of a dataset that
//! is a question of control, so it lives here rather than in `model::validate`.
//!
//! ```text
//!   model::validate ──▶ problems ──(none dangles)──▶ reach::problems ──▶ more problems
//! ```
//!
//! Its problems are the model's ([`Problem`], addressed by [`Element`]). A file's loader
//! (`crate::data`) asks it of a dataset that broke no other rule and reports its problems at
//! their place in the file; a reform asks it, through [`check`], of the dataset it changed.
//!
//! Complexity: one linear pass, O(B + S + E) expected for B bodies, S steps and E edges. The
//! edges are indexed once (O(E)); each channel's split is worked out in place, from the same
//! rules as [`shares::channel_shares_indexed`] but only as far as which actors hold a positive
//! share (no owned id, no map per body); each such actor is looked up once in a hash map of
//! ids (O(1) expected) and the pairs are sorted by actor in O(S) (a counting sort) into
//! adjacency lists, which one breadth-first walk from the principals covers. A body that
//! reaches no principal is worked out again for its problem, O(its steps) each, plus the
//! problems' sort.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap, FxHashSet};

use super::shares::{self, EdgeIndex};
use crate::model::validate::{Element, Fault, Problem, validate};
use crate::model::{Body, BodyId, Dataset, StepRole, Weights};

/// Every problem of a dataset: the model's rules, then, when no reference dangles (the walk
/// follows them), whether every body reaches a principal.
pub fn check(dataset: &Dataset) -> Vec<Problem> {
    let mut out = validate(dataset);
    if !out.iter().any(Problem::dangles) {
        out.extend(problems(dataset));
    }
    out
}

/// One problem for each body whose chain of channels never reaches a principal (under the
/// dataset's own principals and weights): its control is undefined.
pub fn problems(dataset: &Dataset) -> Vec<Problem> {
    let principals = dataset.principals();
    let ids = Ids::new(dataset);
    let stuck = stuck(dataset, &ids, &principals, &dataset.weights);
    if stuck.is_empty() {
        return Vec::new();
    }
    let edges = EdgeIndex::new(dataset, false);
    let mut scratch = Scratch::default();
    stuck
        .into_iter()
        .map(|i| {
            let b = &dataset.bodies[i];
            let through = through(&edges, &ids, b, &dataset.weights, &mut scratch);
            let body = &b.id;
            let mut elements = vec![Element::Body(body.clone())];
            let involved: BTreeSet<&str> = std::iter::once(body.as_str())
                .chain(through.iter().map(String::as_str))
                .collect();
            for id in involved {
                if let Some(b) = ids.last(id).map(|j| &dataset.bodies[j]) {
                    elements.extend(
                        b.channels
                            .iter()
                            .map(|c| Element::Channel(b.id.clone(), c.id.clone())),
                    );
                }
            }
            if dataset.principals.is_some() {
                elements.push(Element::Principals);
            }
            Problem {
                code: "no-principal",
                message: format!(
                    "the chain of channels from `{body}` never reaches a principal: it is filled only through {}",
                    through.join(", ")
                ),
                elements,
                fault: Fault::NoPrincipal {
                    body: ids.first(body).unwrap_or_default(),
                    through,
                },
            }
        })
        .collect()
}

/// Bodies whose chain of channels reaches no principal, each with the bodies it is filled
/// through.
pub fn unreachable_bodies(
    dataset: &Dataset,
    principals: &[BodyId],
    weights: &Weights,
) -> Vec<(BodyId, Vec<BodyId>)> {
    let ids = Ids::new(dataset);
    let stuck = stuck(dataset, &ids, principals, weights);
    let edges = EdgeIndex::new(dataset, false);
    let mut scratch = Scratch::default();
    stuck
        .into_iter()
        .map(|i| {
            let b = &dataset.bodies[i];
            (
                b.id.clone(),
                through(&edges, &ids, b, weights, &mut scratch),
            )
        })
        .collect()
}

/// Where each body id is in `bodies`: the last body with it, as the analysis numbers them,
/// and the first, where a problem is told.
struct Ids<'a> {
    at: FxHashMap<&'a str, (u32, u32)>,
}

impl<'a> Ids<'a> {
    fn new(dataset: &'a Dataset) -> Self {
        let mut at: FxHashMap<&str, (u32, u32)> =
            FxHashMap::with_capacity_and_hasher(dataset.bodies.len(), Default::default());
        for (i, b) in dataset.bodies.iter().enumerate() {
            let i = i as u32;
            at.entry(b.id.as_str())
                .and_modify(|(_, last)| *last = i)
                .or_insert((i, i));
        }
        Ids { at }
    }

    fn first(&self, id: &str) -> Option<usize> {
        self.at.get(id).map(|&(first, _)| first as usize)
    }

    fn last(&self, id: &str) -> Option<usize> {
        self.at.get(id).map(|&(_, last)| last as usize)
    }
}

/// Buffers reused from channel to channel.
#[derive(Default)]
struct Scratch<'d> {
    weights: Vec<Option<f64>>,
    removers: Vec<&'d str>,
}

/// Calls `found` with each actor that holds a positive share of `body`'s seats under
/// `weights` (an actor may come more than once). The split is
/// [`shares::channel_shares_indexed`]'s, computed in the same order with the same
/// arithmetic, so that a share that is positive there is positive here.
fn fillers<'d>(
    edges: &EdgeIndex<'d>,
    body: &'d Body,
    weights: &Weights,
    scratch: &mut Scratch<'d>,
    mut found: impl FnMut(&'d str),
) {
    for channel in &body.channels {
        let nominated = channel.steps.iter().any(|s| s.role == StepRole::Nominate);
        let proposer = channel.proposer().map_or("", |s| s.actor.as_str());
        scratch.weights.clear();
        for step in &channel.steps {
            // `None`: no part in the split (an appointment on one's own nomination).
            let w = shares::step_position(edges, body, channel, step, nominated, proposer).map(
                |(position, _)| shares::position_weight(weights, position, step.veto_strength()),
            );
            scratch.weights.push(w);
        }
        edges.removers_into(body, channel, &mut scratch.removers);
        let seats = f64::from(channel.seats);
        let removal = if scratch.removers.is_empty() {
            0.0
        } else {
            weights.at_will_removal.clamp(0.0, 1.0)
        };
        let total: f64 = scratch.weights.iter().flatten().sum();
        if total > 0.0 {
            for (step, w) in channel.steps.iter().zip(&scratch.weights) {
                if w.is_some_and(|w| seats * (1.0 - removal) * w / total > 0.0) {
                    found(step.actor.as_str());
                }
            }
        }
        if removal > 0.0 && seats * removal / scratch.removers.len() as f64 > 0.0 {
            for &r in &scratch.removers {
                found(r);
            }
        }
    }
}

/// The bodies, by position, that no principal reaches.
fn stuck(dataset: &Dataset, ids: &Ids, principals: &[BodyId], weights: &Weights) -> Vec<usize> {
    let n = dataset.bodies.len();
    let edges = EdgeIndex::new(dataset, false);
    let mut scratch = Scratch::default();
    // (actor, body it fills), then by actor: the bodies each actor fills.
    let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(n * 2);
    for (i, b) in dataset.bodies.iter().enumerate() {
        fillers(&edges, b, weights, &mut scratch, |a| {
            if let Some(j) = ids.last(a) {
                pairs.push((j as u32, i as u32));
            }
        });
    }
    let mut start = vec![0u32; n + 1];
    for &(a, _) in &pairs {
        start[a as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut to = vec![0u32; pairs.len()];
    for &(a, b) in &pairs {
        to[fill[a as usize] as usize] = b;
        fill[a as usize] += 1;
    }
    drop(pairs);
    // The principals in force (`analysis::effective_principals`): the chosen ones, and the
    // bodies nobody fills, by id.
    let mut absorbing: FxHashSet<&str> = principals.iter().map(String::as_str).collect();
    absorbing.extend(
        dataset
            .bodies
            .iter()
            .filter(|b| b.channels.is_empty())
            .map(|b| b.id.as_str()),
    );
    let mut seen = vec![false; n];
    let mut queue: Vec<u32> = Vec::new();
    for (i, b) in dataset.bodies.iter().enumerate() {
        if absorbing.contains(b.id.as_str()) {
            seen[i] = true;
            queue.push(i as u32);
        }
    }
    // Which bodies are reached does not depend on the order of the walk.
    while let Some(v) = queue.pop() {
        let v = v as usize;
        for &t in &to[start[v] as usize..start[v + 1] as usize] {
            if !seen[t as usize] {
                seen[t as usize] = true;
                queue.push(t);
            }
        }
    }
    (0..n).filter(|&i| !seen[i]).collect()
}

/// The bodies `body` is filled through: every body holding a positive share of its seats,
/// sorted.
fn through<'d>(
    edges: &EdgeIndex<'d>,
    ids: &Ids,
    body: &'d Body,
    weights: &Weights,
    scratch: &mut Scratch<'d>,
) -> Vec<BodyId> {
    let mut through: BTreeSet<&str> = BTreeSet::new();
    fillers(edges, body, weights, scratch, |a| {
        if ids.last(a).is_some() {
            through.insert(a);
        }
    });
    through.into_iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::tests::MINI;
    use crate::model::load::{check_str_then, load_str_then};
    use crate::model::testdata::tiny_dataset;

    #[test]
    fn a_closed_circle_reaches_no_principal() {
        let mut d = tiny_dataset();
        let senate = d.body_mut("senate").unwrap();
        senate.channels[0].steps[0].actor = "court".into();
        senate.channels[1].steps[0].actor = "court".into();
        let court = d.body_mut("court").unwrap();
        for c in &mut court.channels {
            c.steps.truncate(1);
            c.steps[0].actor = "senate".into();
        }
        let p = check(&d);
        let found: Vec<&str> = p.iter().map(|p| p.code).collect();
        assert!(found.iter().all(|c| *c == "no-principal"), "{p:?}");
        assert!(p[0].message.contains("never reaches a principal"), "{p:?}");
        assert_eq!(p[0].fault.path(), "bodies[3].id");
    }

    /// The actors holding a positive share of each body, as the analysis's own split gives
    /// them.
    fn by_the_split(d: &Dataset, weights: &Weights) -> Vec<Vec<BodyId>> {
        let edges = EdgeIndex::new(d, false);
        d.bodies
            .iter()
            .map(|b| {
                let cs: Vec<_> = b
                    .channels
                    .iter()
                    .map(|c| shares::channel_shares_indexed(&edges, b, c, weights))
                    .collect();
                shares::direct_shares(&cs)
                    .into_iter()
                    .filter(|(a, s)| *s > 0.0 && d.body(a).is_some())
                    .map(|(a, _)| a)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_walk_follows_the_split() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let d = crate::model::load_file(&path).unwrap();
            let edges = EdgeIndex::new(&d, false);
            let ids = Ids::new(&d);
            let mut scratch = Scratch::default();
            let zero = |name: &str| {
                let mut w = d.weights;
                w.set_computed(name, 0.0).unwrap();
                w
            };
            let mut removal = d.weights;
            removal.set("at_will_removal", 1.0).unwrap();
            for w in [
                d.weights,
                zero("consent"),
                zero("consent_under_threat"),
                zero("recommend"),
                removal,
            ] {
                let split = by_the_split(&d, &w);
                for (b, expected) in d.bodies.iter().zip(&split) {
                    let got = through(&edges, &ids, b, &w, &mut scratch);
                    assert_eq!(&got, expected, "{} {}", path.display(), b.id);
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn a_dangling_reference_is_not_walked() {
        let mut d = tiny_dataset();
        d.bodies.retain(|b| b.id != "councils");
        assert!(check(&d).iter().all(|p| p.code == "unknown-id"));
    }

    #[test]
    fn cycles_without_a_principal_are_refused() {
        let text = MINI.replace(
            "(id: \"judges\", seats: 2, steps: [(actor: \"president\", role: appoint)], source: \"art. 3(2)\")",
            "(id: \"judges\", seats: 2, steps: [(actor: \"court\", role: appoint)], source: \"art. 3(2)\")",
        );
        // Still reaches the President through the Chair, but the co-opted judges would be
        // counted as the Chair's appointer's: refused unless the court is a principal.
        let checked = check_str_then("t.ron", &text, problems);
        let codes: Vec<&str> = checked.report.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["self-filled"]);
        let principal = text.replace(
            "as_of: \"2024-01-01\",",
            "as_of: \"2024-01-01\", principals: [\"electorate\", \"president\", \"court\"],",
        );
        let d = load_str_then("t.ron", &principal, problems).unwrap();
        // Dropped from the principals (`-p electorate -p president`), it is refused again.
        let mut o = crate::analysis::Options::of(&d);
        o.principals = vec!["electorate".into(), "president".into()];
        let e = crate::analysis::analyze(&d, &o).unwrap_err();
        assert_eq!(
            e,
            crate::analysis::AnalysisError::SelfFilled("court".into())
        );
        assert!(e.to_string().contains("add -p court"), "{e}");
        let text = text.replace(
            "(actor: \"president\", role: appoint), (actor: \"electorate\", role: consent)",
            "(actor: \"court\", role: appoint)",
        );
        let checked = check_str_then("t.ron", &text, problems);
        let codes: Vec<&str> = checked.report.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["no-principal"]);
    }
}

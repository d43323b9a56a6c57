//! The headline check: how much of the constitutional court the head of state controls,
//! directly and through the bodies he partly fills, and how that moves with the weights.
//!
//! Complexity: the sensitivity solves control alone (no flags, no summary, no per-body maps)
//! once per consent step it does not already know and once without the threat discount: at
//! most five solves, all on one set of row templates (`range::control_under`: the rows'
//! structure built once, then arithmetic and a solve per step). They run on the K bodies the
//! court's figure reads (`upstream`: O(K + E) to find and copy them, then O(sweeps x K-sized
//! rows x P) per step; K is the court and its principals in a typical state), or, when that
//! could change a bit or K is more than a quarter of the state, on the whole state: O(S + E)
//! for the structure, then O(S) arithmetic and O(sweeps x (S + B) x P) per step. Linear in
//! bodies + channels + edges either way. The step at the weight in force is the analysis's
//! figure; given the state's ranges ([`headline_with`]), the steps that are points of the band
//! (0.5 and 2 in the default band) are read from the ranges' solves: two or three solves.

use super::range::{ControlRanges, control_under};
use super::{Analysis, Options};
use crate::model::{BodyId, Dataset, Role};

/// Consent weights the headline is recomputed at, from "consent counts nothing" to "consent
/// counts double".
pub const CONSENT_STEPS: [f64; 5] = [0.0, 0.25, 0.5, 1.0, 2.0];

#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub principal: BodyId,
    pub body: BodyId,
    pub seats: u32,
    /// Seats of channels in which the principal picks the candidate.
    pub picked: u32,
    /// The principal's own direct share (fraction of seats under the weights).
    pub direct: f64,
    /// Control arriving through each intermediary body, largest first.
    pub through: Vec<(BodyId, f64)>,
    pub total: f64,
    /// (consent weight, total) pairs; the other options as in force, with
    /// `consent_under_threat` scaled in proportion.
    pub sensitivity: Vec<(f64, f64)>,
    /// `consent_under_threat / consent` when some consent of the state is given under threat
    /// (so that the sensitivity above moves both weights together), else `None`.
    pub threat_ratio: Option<f64>,
    /// The total with consents under threat weighed as free ones, when `threat_ratio` is set:
    /// what the threat discount alone takes away.
    pub without_threat_discount: Option<f64>,
}

impl Headline {
    pub fn through_total(&self) -> f64 {
        self.through.iter().map(|(_, x)| x).sum()
    }
}

/// The head of state's control of the body in the constitutional-review role, if the dataset
/// has both.
/// `None` as well when the head of state is not a principal in force (see [`unasked`]).
pub fn headline(dataset: &Dataset, options: &Options, analysis: &Analysis) -> Option<Headline> {
    headline_with(dataset, options, analysis, None)
}

/// [`headline`] reading the figures the state's ranges already solved (`ranges`, of the same
/// dataset): the consent steps that are points of the band cost no solve.
pub fn headline_with(
    dataset: &Dataset,
    options: &Options,
    analysis: &Analysis,
    ranges: Option<&ControlRanges>,
) -> Option<Headline> {
    let (principal, body) = subject(dataset)?;
    if !analysis.principals.contains(&principal) {
        return None;
    }
    of_with(dataset, options, analysis, &principal, &body, ranges)
}

/// The headline's principal and body: the head of state and the constitutional court.
pub fn subject(dataset: &Dataset) -> Option<(BodyId, BodyId)> {
    let principal = dataset.head_of_state()?.id.clone();
    let body = dataset
        .bodies
        .iter()
        .find(|b| b.role == Some(Role::ConstitutionalReview))?;
    Some((principal, body.id.clone()))
}

/// The head of state and the constitutional court when the dataset has both but the head of
/// state is not a principal in force (`-p electorate`): his control is then counted for those
/// who fill his office, and a headline would read 0% for a question that was not asked.
pub fn unasked(dataset: &Dataset, analysis: &Analysis) -> Option<(BodyId, BodyId)> {
    let principal = dataset.head_of_state()?.id.clone();
    let body = dataset
        .bodies
        .iter()
        .find(|b| b.role == Some(Role::ConstitutionalReview))?;
    (!analysis.principals.contains(&principal)).then(|| (principal, body.id.clone()))
}

/// The same figures for any principal and body.
pub fn of(
    dataset: &Dataset,
    options: &Options,
    analysis: &Analysis,
    principal: &str,
    body: &str,
) -> Option<Headline> {
    of_with(dataset, options, analysis, principal, body, None)
}

/// [`of`] reading the figures `ranges` (of the same dataset) already solved.
pub fn of_with(
    dataset: &Dataset,
    options: &Options,
    analysis: &Analysis,
    principal: &str,
    body: &str,
    ranges: Option<&ControlRanges>,
) -> Option<Headline> {
    let b = dataset.body(body)?;
    let a = analysis.body(body)?;
    let via = a.via.get(principal);
    let direct = via.and_then(|v| v.get(principal)).copied().unwrap_or(0.0);
    let mut through: Vec<(BodyId, f64)> = via
        .map(|v| {
            v.iter()
                .filter(|(k, x)| k.as_str() != principal && **x > 0.0)
                .map(|(k, x)| (k.clone(), *x))
                .collect()
        })
        .unwrap_or_default();
    through.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    // The options of each consent step, and the figures already known: the point's, and
    // those the ranges solved; the rest are solved together, on one set of rows.
    let steps: Vec<(f64, Options)> = CONSENT_STEPS
        .iter()
        .map(|&w| {
            let mut o = options.clone();
            o.weights.consent = w;
            // A threatened consent keeps its ratio to a free one as the latter varies.
            o.weights.consent_under_threat = if options.weights.consent > 0.0 {
                options.weights.consent_under_threat / options.weights.consent * w
            } else {
                options.weights.consent_under_threat.min(w)
            };
            (w, o)
        })
        .collect();
    let known: Vec<Option<f64>> = steps
        .iter()
        .map(|(w, o)| {
            if *w == options.weights.consent {
                Some(a.control_of(principal))
            } else {
                ranges.and_then(|r| r.solved(o, body, principal))
            }
        })
        .collect();
    let threatened = analysis
        .bodies
        .iter()
        .flat_map(|b| &b.channels)
        .flat_map(|c| &c.steps)
        .any(|s| s.under_threat);
    let threat_ratio = (threatened && options.weights.consent > 0.0)
        .then(|| options.weights.consent_under_threat / options.weights.consent);
    let mut unsolved: Vec<Options> = steps
        .iter()
        .zip(&known)
        .filter(|(_, k)| k.is_none())
        .map(|((_, o), _)| o.clone())
        .collect();
    if threat_ratio.is_some() {
        let mut o = options.clone();
        o.weights.consent_under_threat = o.weights.consent;
        unsolved.push(o);
    }
    let mut solved = control_of(dataset, options, analysis, &unsolved, body, principal).into_iter();
    let sensitivity = steps
        .iter()
        .zip(known)
        .filter_map(|((w, _), k)| Some((*w, k.or_else(|| solved.next().flatten())?)))
        .collect();
    let without_threat_discount = match threat_ratio {
        Some(_) => Some(solved.next().flatten()?),
        None => None,
    };
    Some(Headline {
        principal: principal.to_string(),
        body: body.to_string(),
        seats: b.seats,
        picked: a.picked_by(principal),
        direct,
        through,
        total: a.control_of(principal),
        sensitivity,
        threat_ratio,
        without_threat_discount,
    })
}

/// `principal`'s integrated control of `body` under each of `each` (the options in force with
/// other weights), `None` where the analysis fails: the one figure the sensitivity reads, from
/// the control solve alone, the rows' structure built once for all of them. Solved on the
/// bodies the figure reads ([`upstream`]) when that is the same figure, else on the whole
/// state.
fn control_of(
    dataset: &Dataset,
    options: &Options,
    analysis: &Analysis,
    each: &[Options],
    body: &str,
    principal: &str,
) -> Vec<Option<f64>> {
    if each.is_empty() {
        return Vec::new();
    }
    let Some(b) = dataset.bodies.iter().position(|x| x.id == body) else {
        return vec![None; each.len()];
    };
    let solve = |ds: &Dataset, base: &Options, each: &[Options], b: usize| {
        control_under(ds, base, each, &[(b, principal)])
            .into_iter()
            .map(|v| v.map(|v| v[0]))
            .collect()
    };
    match upstream(dataset, analysis, b, dataset.bodies.len() / 4) {
        Some((sub, at)) => {
            // A principal chosen outside the bodies kept would be unknown there.
            let keep = |o: &Options| {
                let mut o = o.clone();
                o.principals.retain(|p| sub.body(p).is_some());
                o
            };
            let each: Vec<Options> = each.iter().map(keep).collect();
            solve(&sub, &keep(options), &each, at)
        }
        None => solve(dataset, options, each, b),
    }
}

/// The bodies the control of body `b` reads, as a dataset of their own, and `b`'s position
/// in it, if they are at most `most`; `None` when that could give another figure than the
/// whole state, or save little.
///
/// The solve visits the bodies component by component, each after every component its rows
/// read, and a component's figures depend only on its rows and on what they read: so `b`,
/// every actor of its channels and of theirs, up to the principals in force (whose rows the
/// solve never reads: kept without channels), and the removers at will of each, make a closed
/// system whose solve gives `b`'s figure to the last bit. Kept in dataset order, with the
/// edges between them, every principal's column in the same order (a sum over the other
/// columns adds zeros only). The one thing that order does not fix is the order of the
/// members of a cycle of several bodies, which follows where the search of the whole state
/// first entered it: a closure with such a cycle is solved whole. So is one of more than
/// `most` bodies (the headline: a quarter of them; a copy would cost about what it saves),
/// and a `b` that is itself a principal.
///
/// What the closure does not see is a failure of the whole state's solve elsewhere under the
/// moved weights (a body no principal reaches once consent counts nothing): the figure is then
/// given where the whole solve gave none.
///
/// Complexity: O(K + E) for K bodies upstream (each actor looked up once by id), plus the
/// copy of those K bodies; the solves are then O(K)-sized.
fn upstream(
    dataset: &Dataset,
    analysis: &Analysis,
    b: usize,
    most: usize,
) -> Option<(Dataset, usize)> {
    use crate::model::EdgeKind;
    let n = dataset.bodies.len();
    let in_force: std::collections::HashSet<&str> =
        analysis.principals.iter().map(String::as_str).collect();
    if in_force.contains(dataset.bodies[b].id.as_str()) {
        return None;
    }
    let at = |id: &str| analysis.index.get(id).copied().filter(|&i| i < n);
    let absorbs = |i: usize| in_force.contains(dataset.bodies[i].id.as_str());
    let mut kept = vec![false; n];
    let mut members: Vec<usize> = vec![b];
    kept[b] = true;
    let mut todo: Vec<usize> = vec![b];
    let add = |i: usize, kept: &mut Vec<bool>, members: &mut Vec<usize>, todo: &mut Vec<usize>| {
        if !kept[i] {
            kept[i] = true;
            members.push(i);
            todo.push(i);
        }
    };
    loop {
        while let Some(x) = todo.pop() {
            if absorbs(x) {
                continue;
            }
            let body = &dataset.bodies[x];
            let actors = body
                .channels
                .iter()
                .flat_map(|c| &c.steps)
                .map(|s| s.actor.as_str())
                .chain(body.blocs.iter().filter_map(|k| k.aligned_with.as_deref()));
            for a in actors {
                if let Some(i) = at(a) {
                    add(i, &mut kept, &mut members, &mut todo);
                }
            }
            if members.len() > most {
                return None;
            }
        }
        // Removers at will fill seats too: the sources of such edges into a kept body that
        // is not a principal, until none is new.
        for e in dataset
            .edges
            .iter()
            .filter(|e| e.kind == EdgeKind::DismissAtWill)
        {
            if let (Some(t), Some(f)) = (at(&e.to), at(&e.from))
                && kept[t]
                && !absorbs(t)
            {
                add(f, &mut kept, &mut members, &mut todo);
            }
        }
        if todo.is_empty() {
            break;
        }
    }
    if members.len() > most {
        return None;
    }
    members.sort_unstable();
    // The structure of the rows (every actor, whatever its weight): a cycle of several
    // bodies there is the only place the solve's order could differ.
    let local = |i: usize| members.binary_search(&i).ok();
    let absorbing: Vec<bool> = members.iter().map(|&i| absorbs(i)).collect();
    let mut removers: std::collections::HashMap<usize, Vec<usize>> = Default::default();
    for e in dataset
        .edges
        .iter()
        .filter(|e| e.kind == EdgeKind::DismissAtWill)
    {
        if let (Some(t), Some(f)) = (at(&e.to).and_then(local), at(&e.from).and_then(local)) {
            removers.entry(t).or_default().push(f);
        }
    }
    let rows: Vec<Vec<(usize, f64)>> = members
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            if absorbing[k] {
                return Vec::new();
            }
            let body = &dataset.bodies[i];
            body.channels
                .iter()
                .flat_map(|c| &c.steps)
                .map(|s| s.actor.as_str())
                .chain(body.blocs.iter().filter_map(|k| k.aligned_with.as_deref()))
                .filter_map(|a| at(a).and_then(local))
                .chain(removers.get(&k).into_iter().flatten().copied())
                .map(|j| (j, 1.0))
                .collect()
        })
        .collect();
    let order = crate::analysis::control::Order::of(&rows, &absorbing);
    if order.components().any(|(c, _)| c.len() > 1) {
        return None;
    }
    let body_at = |id: &str| at(id).is_none_or(|i| kept[i]);
    let bodies = members
        .iter()
        .zip(&absorbing)
        .map(|(&i, &a)| {
            let mut x = dataset.bodies[i].clone();
            if a {
                // A principal's row is never read; its channels would name bodies left out.
                x.channels.clear();
            }
            x
        })
        .collect();
    let edges = dataset
        .edges
        .iter()
        .filter(|e| body_at(&e.from) && body_at(&e.to))
        .cloned()
        .collect();
    let sub = Dataset {
        meta: dataset.meta.clone(),
        weights: dataset.weights,
        principals: dataset.principals.clone(),
        bodies,
        edges,
        index: Default::default(),
        translations: Default::default(),
    };
    let at = members.binary_search(&b).ok()?;
    Some((sub, at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    /// The control of every body that is not a principal, solved on the bodies it reads, is
    /// the whole state's figure to the last bit, on every shipped dataset, in both layers and
    /// under the headline's moved weights.
    #[test]
    fn the_bodies_upstream_give_the_whole_states_figures() {
        use crate::model::Layer;
        let mut closures = 0;
        for e in crate::data::EMBEDDED {
            let ds = crate::data::resolve(e.id).unwrap();
            for layer in [Layer::DeJure, Layer::DeFacto] {
                let ds = ds.in_layer(layer).into_owned();
                let mut o = Options::of(&ds);
                o.layer = layer;
                let Ok(a) = analyze(&ds, &o) else { continue };
                let each: Vec<Options> = [0.0, 0.25, 2.0]
                    .iter()
                    .map(|&w| {
                        let mut x = o.clone();
                        x.weights.consent = w;
                        x.weights.consent_under_threat = 0.5 * w;
                        x
                    })
                    .collect();
                for b in 0..ds.bodies.len() {
                    let Some((sub, at)) = upstream(&ds, &a, b, ds.bodies.len()) else {
                        continue;
                    };
                    closures += 1;
                    let keep = |x: &Options| {
                        let mut x = x.clone();
                        x.principals.retain(|p| sub.body(p).is_some());
                        x
                    };
                    let sub_each: Vec<Options> = each.iter().map(keep).collect();
                    for p in &a.principals {
                        let whole = control_under(&ds, &o, &each, &[(b, p.as_str())]);
                        let part = control_under(&sub, &keep(&o), &sub_each, &[(at, p.as_str())]);
                        let bits = |v: Vec<Option<Vec<f64>>>| -> Vec<Option<u64>> {
                            v.into_iter().map(|x| x.map(|x| x[0].to_bits())).collect()
                        };
                        assert_eq!(bits(whole), bits(part), "{} {} {p}", e.id, ds.bodies[b].id);
                    }
                }
            }
        }
        assert!(closures > 20, "{closures}");
    }
}

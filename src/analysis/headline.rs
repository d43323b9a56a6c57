//! The headline check: how much of the constitutional court the head of state controls,
//! directly and through the bodies he partly fills, and how that moves with the weights.
//!
//! Complexity: the sensitivity solves control alone (no flags, no summary, no per-body maps)
//! once per consent step it does not already know and once without the threat discount: at
//! most five solves, all on one set of row templates (`range::control_under`: the rows'
//! structure built once, O(S + E), then O(S) arithmetic and a solve, O(sweeps x (S + B) x
//! P), per step), linear in bodies + channels + edges. The step at the weight in force is the
//! analysis's figure; given the state's ranges ([`headline_with`]), the steps that are points
//! of the band (0.5 and 2 in the default band) are read from the ranges' solves: two or three
//! solves.

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
    let mut solved = control_of(dataset, options, &unsolved, body, principal).into_iter();
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
/// the control solve alone, the rows' structure built once for all of them.
fn control_of(
    dataset: &Dataset,
    options: &Options,
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
    control_under(dataset, options, each, &[(b, principal)])
        .into_iter()
        .map(|v| v.map(|v| v[0]))
        .collect()
}

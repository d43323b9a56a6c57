//! How one figure is made: a principal's integrated control of a body, taken apart into the
//! steps a lawyer can check against the text, each with its legal source and the codebook rule
//! it follows. Pure data; `output::explain` words it for the terminal, Markdown and JSON.
//!
//! ```text
//!  seats by channel ── each step's weight (R15) × veto strength (R8), under threat (R13)
//!        │                 → its seats of the channel
//!        ▼
//!  the principal's direct seats / the body's seats = direct share
//!        +  Σ over every other actor X: X's seats / the body's seats × principal's control of X
//!        =  integrated control (the parts add up to the figure: a test checks every body)
//!  vetoes and what discounted them · what widens the range (R18, R19)
//! ```

use super::range::ControlRanges;
use super::{Analysis, Position};
use crate::model::{BodyId, Dataset, Mandate, StepRole, Weights};

/// One actor's part of a channel: a step of its chain, or an at-will remover.
#[derive(Debug, Clone, PartialEq)]
pub struct StepPart {
    pub actor: BodyId,
    /// The coded role; `None` for an at-will remover, which is not a step.
    pub role: Option<StepRole>,
    /// The position it counts in; `None` for an appointment on one's own nomination.
    pub position: Option<Position>,
    /// The role weight in force for the position (R15).
    pub base_weight: f64,
    /// Its veto's strength from its voting rule (R8); 1 for a pick or a single official.
    pub veto_strength: f64,
    /// `base_weight × veto_strength` for a veto, else `base_weight`: what the split reads.
    pub weight: f64,
    /// Seats of the channel it holds under the weights.
    pub seats: f64,
    pub under_threat: bool,
    /// The dissolution (or removal) edge's source behind the discount, if any.
    pub edge_source: Option<String>,
    /// The voting rule as coded, in words.
    pub vote: Option<String>,
    /// The codebook rules that decide its weight.
    pub rules: Vec<&'static str>,
}

/// One channel of the body and how its seats split.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelPart {
    pub id: String,
    pub label: String,
    pub seats: u32,
    pub source: String,
    pub imperative: bool,
    /// The sum of the step weights the seats are split in proportion to.
    pub weight_total: f64,
    /// The share of the seats an at-will remover takes first (the `at_will_removal` weight).
    pub removal: f64,
    pub steps: Vec<StepPart>,
    /// Seats of this channel the principal holds itself.
    pub principal_seats: f64,
}

/// The principal's control arriving through another actor that holds seats of the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub via: BodyId,
    /// Seats of the body the actor holds under the weights.
    pub seats: f64,
    /// `seats / body seats`.
    pub share: f64,
    /// The principal's integrated control of the actor (0 when the actor is another principal).
    pub control_of_via: f64,
    /// The actor is a principal itself, where the walk stops.
    pub is_principal: bool,
    /// `share × control_of_via`, as the analysis adds it up.
    pub contribution: f64,
}

/// A veto point of the body and what weighed it down.
#[derive(Debug, Clone, PartialEq)]
pub struct Veto {
    pub channel: String,
    pub actor: BodyId,
    pub seats: u32,
    pub veto_strength: f64,
    pub under_threat: bool,
    pub threat_source: Option<String>,
    pub vote: Option<String>,
    /// The rules that discount it below a free simple-majority veto: R8 for a strength below
    /// 1, R13 under threat; empty when nothing discounted it.
    pub discounted_by: Vec<&'static str>,
}

/// A single choice that moves the figure within its range.
#[derive(Debug, Clone, PartialEq)]
pub struct RangeDriver {
    pub choice: String,
    /// The same choice as fields ([`crate::analysis::range::Driver::kind`]), for the reports
    /// in other languages.
    pub kind: crate::analysis::range::Choice,
    pub value: f64,
    /// The contested element, the reading's argument and its source, when the choice is an
    /// alternative reading (R18).
    pub reading: Option<(String, String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RangePart {
    pub lo: f64,
    pub hi: f64,
    pub drivers: Vec<RangeDriver>,
}

/// The whole derivation of `principal`'s control of `body`.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub body: BodyId,
    pub principal: BodyId,
    pub seats: u32,
    pub seats_nominal: bool,
    /// Nobody fills the body: it answers only to itself (R16).
    pub root: bool,
    /// The body is a principal itself: the walk from other bodies stops there (R16).
    pub body_is_principal: bool,
    /// The integrated control being explained.
    pub share: f64,
    pub channels: Vec<ChannelPart>,
    /// Seats of channels in which the principal picks the candidate.
    pub picked: u32,
    pub direct_seats: f64,
    pub direct: f64,
    /// Every other actor holding seats, largest contribution first.
    pub paths: Vec<Path>,
    /// The other principals' integrated control, largest first.
    pub others: Vec<(BodyId, f64)>,
    pub vetoes: Vec<Veto>,
    pub range: Option<RangePart>,
    /// The weights and threat option the figure was computed under.
    pub weights: Weights,
    pub at_will_threat: bool,
}

impl Explanation {
    /// The parts the figure is the sum of: the direct share and each path's contribution.
    pub fn parts_total(&self) -> f64 {
        self.direct + self.paths.iter().map(|p| p.contribution).sum::<f64>()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExplainError {
    UnknownBody {
        id: String,
        suggestion: Option<String>,
    },
    NotPrincipal {
        id: String,
        principals: Vec<BodyId>,
        suggestion: Option<String>,
    },
}

impl std::fmt::Display for ExplainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExplainError::UnknownBody { id, suggestion } => {
                write!(f, "unknown body '{id}'")?;
                if let Some(s) = suggestion {
                    write!(f, "; did you mean '{s}'?")?;
                }
                Ok(())
            }
            ExplainError::NotPrincipal {
                id,
                principals,
                suggestion,
            } => {
                write!(f, "'{id}' is not a principal in force")?;
                if let Some(s) = suggestion {
                    write!(f, "; did you mean '{s}'?")?;
                }
                write!(
                    f,
                    " (principals: {}; add one with -p ID)",
                    principals.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for ExplainError {}

/// The principal an explanation defaults to: the head of state when he is a principal, else
/// the body's largest controller.
pub fn default_principal(dataset: &Dataset, analysis: &Analysis, body: &str) -> Option<BodyId> {
    dataset
        .head_of_state()
        .map(|h| h.id.clone())
        .filter(|h| analysis.principals.contains(h))
        .or_else(|| {
            analysis
                .body(body)
                .and_then(|a| a.largest().map(|(p, _)| p.to_string()))
        })
        .or_else(|| analysis.principals.first().cloned())
}

fn rules_for(
    role: Option<StepRole>,
    position: Option<Position>,
    step: &StepPart,
) -> Vec<&'static str> {
    let mut r = match (role, position) {
        (None, _) => vec!["R9"],
        (_, None) => vec!["R4"],
        (Some(StepRole::Recommend), _) => vec!["R6"],
        (Some(StepRole::Shortlist), _) => vec!["R6"],
        (Some(StepRole::Consent), _) => vec!["R5"],
        (_, Some(Position::Ratify | Position::RatifyUnderThreat)) => vec!["R4", "R5"],
        _ => vec!["R4"],
    };
    if step.vote.is_some() || (step.veto_strength - 1.0).abs() > 1e-12 {
        r.push("R8");
    }
    if step.under_threat {
        r.push("R13");
    }
    r.push("R15");
    r
}

/// Explains `principal`'s control of `body` (the default principal when `None`).
pub fn explain(
    dataset: &Dataset,
    analysis: &Analysis,
    body: &str,
    principal: Option<&str>,
    ranges: Option<&ControlRanges>,
) -> Result<Explanation, ExplainError> {
    let (Some(b), Some(a)) = (dataset.body(body), analysis.body(body)) else {
        return Err(ExplainError::UnknownBody {
            id: body.to_string(),
            suggestion: crate::diag::did_you_mean(
                body,
                dataset.bodies.iter().map(|b| b.id.as_str()),
            )
            .map(str::to_string),
        });
    };
    let principal = match principal {
        Some(p) => p.to_string(),
        None => default_principal(dataset, analysis, body).unwrap_or_default(),
    };
    if !analysis.principals.contains(&principal) {
        return Err(ExplainError::NotPrincipal {
            suggestion: crate::diag::did_you_mean(
                &principal,
                analysis.principals.iter().map(String::as_str),
            )
            .map(str::to_string),
            id: principal,
            principals: analysis.principals.clone(),
        });
    }
    let w = &analysis.options.weights;
    let mut channels = Vec::with_capacity(b.channels.len());
    let mut vetoes = Vec::new();
    for (c, cs) in b.channels.iter().zip(&a.channels) {
        let mut shares = cs.shares.iter();
        let mut steps = Vec::new();
        for (s, d) in c.steps.iter().zip(&cs.steps) {
            let share = d.position.and_then(|_| shares.next());
            let base = match d.position {
                Some(Position::Recommend) => w.recommend,
                Some(Position::Propose) => w.propose,
                Some(Position::Ratify) => w.consent,
                Some(Position::RatifyUnderThreat) => w.consent_under_threat,
                Some(Position::RemoveAtWill) => w.at_will_removal,
                None => 0.0,
            };
            let is_veto = d.position.is_some_and(Position::is_veto);
            let mut part = StepPart {
                actor: s.actor.clone(),
                role: Some(s.role),
                position: d.position,
                base_weight: base,
                veto_strength: d.veto_strength,
                weight: if is_veto {
                    base * d.veto_strength
                } else {
                    base
                },
                seats: share.map_or(0.0, |x| x.seats),
                under_threat: d.under_threat,
                edge_source: d.threat_source.clone(),
                vote: s.vote.as_ref().map(ToString::to_string),
                rules: Vec::new(),
            };
            part.rules = rules_for(part.role, part.position, &part);
            if is_veto {
                let mut discounted_by = Vec::new();
                if d.veto_strength < 1.0 - 1e-12 {
                    discounted_by.push("R8");
                }
                if d.under_threat {
                    discounted_by.push("R13");
                }
                vetoes.push(Veto {
                    channel: c.id.clone(),
                    actor: s.actor.clone(),
                    seats: c.seats,
                    veto_strength: d.veto_strength,
                    under_threat: d.under_threat,
                    threat_source: d.threat_source.clone(),
                    vote: part.vote.clone(),
                    discounted_by,
                });
            }
            steps.push(part);
        }
        let removal = if cs.removers.is_empty() {
            0.0
        } else {
            w.at_will_removal.clamp(0.0, 1.0)
        };
        for s in shares.filter(|s| s.position == Position::RemoveAtWill) {
            let imperative = c.mandate == Mandate::Imperative
                && c.steps
                    .iter()
                    .any(|x| x.role == StepRole::Nominate && x.actor == s.actor);
            let source = dataset
                .edges
                .iter()
                .find(|e| {
                    e.kind == crate::model::EdgeKind::DismissAtWill
                        && e.from == s.actor
                        && e.to == b.id
                        && e.covers(&c.id)
                })
                .map(|e| e.source.clone());
            steps.push(StepPart {
                actor: s.actor.clone(),
                role: None,
                position: Some(Position::RemoveAtWill),
                base_weight: w.at_will_removal,
                veto_strength: 1.0,
                weight: w.at_will_removal,
                seats: s.seats,
                under_threat: false,
                edge_source: source,
                vote: None,
                rules: if imperative {
                    vec!["R9", "R14", "R15"]
                } else {
                    vec!["R9", "R15"]
                },
            });
        }
        let weight_total = steps
            .iter()
            .filter(|s| s.role.is_some() && s.position.is_some())
            .map(|s| s.weight)
            .sum();
        let principal_seats = steps
            .iter()
            .filter(|s| s.actor == principal)
            .map(|s| s.seats)
            .sum();
        channels.push(ChannelPart {
            id: c.id.clone(),
            label: c.label.clone(),
            seats: c.seats,
            source: c.source.clone(),
            imperative: c.mandate == Mandate::Imperative,
            weight_total,
            removal,
            steps,
            principal_seats,
        });
    }
    let seats = f64::from(b.seats.max(1));
    let body_is_principal = analysis.principals.contains(&b.id);
    let direct_seats = a.direct.get(&principal).copied().unwrap_or(0.0);
    let via = a.via.get(&principal);
    let root = a.direct.values().all(|s| *s <= 0.0);
    let mut paths: Vec<Path> = a
        .direct
        .iter()
        .filter(|(x, s)| **x != principal && **s > 0.0)
        .map(|(x, s)| {
            // The walk stops at another principal: none of its control passes on (R16).
            let control_of_via = if analysis.principals.contains(x) {
                0.0
            } else {
                analysis.body(x).map_or(0.0, |xa| xa.control_of(&principal))
            };
            Path {
                via: x.clone(),
                seats: *s,
                share: s / seats,
                control_of_via,
                is_principal: analysis.principals.contains(x),
                contribution: via.and_then(|v| v.get(x)).copied().unwrap_or(0.0),
            }
        })
        .collect();
    paths.sort_by(|p, q| {
        q.contribution
            .total_cmp(&p.contribution)
            .then_with(|| q.seats.total_cmp(&p.seats))
            .then_with(|| p.via.cmp(&q.via))
    });
    let mut others: Vec<(BodyId, f64)> = a
        .control
        .iter()
        .filter(|(p, v)| **p != principal && **v > 0.0)
        .map(|(p, v)| (p.clone(), *v))
        .collect();
    others.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    let share = a.control_of(&principal);
    let range = ranges.and_then(|r| {
        let (lo, hi) = r.get(&b.id, &principal)?;
        let contested = dataset.contested();
        let drivers = r
            .drivers(&b.id, &principal)
            .iter()
            .map(|d| RangeDriver {
                choice: d.choice.clone(),
                kind: d.kind.clone(),
                value: d.value,
                reading: contested.iter().find_map(|c| {
                    c.readings
                        .iter()
                        .find(|x| x.id == d.choice)
                        .map(|x| (c.label(), x.argument.clone(), x.source.clone()))
                }),
            })
            .collect();
        Some(RangePart { lo, hi, drivers })
    });
    Ok(Explanation {
        body: b.id.clone(),
        principal: principal.clone(),
        seats: b.seats,
        seats_nominal: b.seats_nominal,
        root,
        body_is_principal,
        share,
        picked: a.picked_by(&principal),
        direct_seats,
        // What the analysis added for the principal's own seats (a root's 1 for itself).
        direct: via
            .and_then(|v| v.get(&principal))
            .copied()
            .unwrap_or(direct_seats / seats),
        channels,
        paths,
        others,
        vetoes,
        range,
        weights: analysis.options.weights,
        at_will_threat: analysis.options.at_will_threat,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze};

    fn kz() -> (Dataset, Analysis) {
        let ds = crate::data::default_dataset();
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        (ds, a)
    }

    #[test]
    fn the_courts_figure_is_its_direct_share_and_two_paths() {
        let (ds, a) = kz();
        let e = explain(&ds, &a, "constitutional_court", None, None).unwrap();
        assert_eq!(e.principal, "president");
        assert_eq!(e.picked, 5);
        assert!((e.direct_seats - 4.5).abs() < 1e-12, "{}", e.direct_seats);
        let pct = |x: f64| format!("{:.1}", x * 100.0);
        assert_eq!(pct(e.direct), "40.9");
        let through: Vec<(String, String)> = e
            .paths
            .iter()
            .filter(|p| p.contribution > 0.0)
            .map(|p| (p.via.clone(), pct(p.contribution)))
            .collect();
        assert_eq!(
            through,
            [
                ("senate_chair".to_string(), "8.2".to_string()),
                ("senate".to_string(), "3.6".to_string())
            ]
        );
        assert_eq!(pct(e.share), "52.7");
        let chair = &e.channels[0];
        assert_eq!(chair.steps[1].actor, "senate");
        assert_eq!(chair.steps[1].rules, ["R5", "R8", "R15"]);
        assert!((chair.principal_seats - 0.5).abs() < 1e-12);
    }

    #[test]
    fn every_path_is_the_intermediarys_seats_times_the_principals_hold_on_it() {
        let (ds, a) = kz();
        for b in &ds.bodies {
            let e = explain(&ds, &a, &b.id, None, None).unwrap();
            for p in &e.paths {
                assert!(
                    (p.share * p.control_of_via - p.contribution).abs() < 1e-9,
                    "{} via {}",
                    b.id,
                    p.via
                );
            }
        }
    }

    /// The parts shown add up to the figure, for every body and principal of every embedded
    /// dataset: each channel's steps to its seats, the direct share and the paths to the
    /// integrated control, and all principals to 1.
    #[test]
    fn the_parts_add_up_on_every_body_of_every_embedded_dataset() {
        for emb in crate::data::EMBEDDED {
            let ds = crate::data::load_str(emb.path, emb.text).unwrap();
            let a = analyze(&ds, &Options::of(&ds)).unwrap();
            for b in &ds.bodies {
                for p in &a.principals {
                    let e = explain(&ds, &a, &b.id, Some(p), None).unwrap();
                    let at = format!("{} {} {p}", emb.id, b.id);
                    assert!((e.parts_total() - e.share).abs() < 1e-9, "{at}");
                    let rest: f64 = e.others.iter().map(|o| o.1).sum();
                    assert!((e.share + rest - 1.0).abs() < 1e-9, "{at}");
                    for c in &e.channels {
                        let sum: f64 = c.steps.iter().map(|s| s.seats).sum();
                        if c.weight_total > 0.0 || c.removal > 0.0 {
                            assert!((sum - f64::from(c.seats)).abs() < 1e-9, "{at} {}", c.id);
                        }
                    }
                    if !e.root {
                        let direct: f64 = e.channels.iter().map(|c| c.principal_seats).sum();
                        assert!((direct - e.direct_seats).abs() < 1e-9, "{at}");
                    }
                    // Rounded to 0.1% as every output shows them, the parts still add up to
                    // the figure within the rounding of each term.
                    let shown = |x: f64| (x * 1000.0).round() / 10.0;
                    let terms = 1 + e.paths.iter().filter(|p| p.contribution > 0.0).count();
                    let sum = shown(e.direct)
                        + e.paths.iter().map(|p| shown(p.contribution)).sum::<f64>();
                    {
                        assert!(
                            (sum - shown(e.share)).abs() <= 0.05 * terms as f64 + 1e-9,
                            "{at}: {sum} vs {}",
                            shown(e.share)
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn unknown_body_and_principal_are_named_with_a_suggestion() {
        let (ds, a) = kz();
        let e = explain(&ds, &a, "constitutional_cort", None, None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown body 'constitutional_cort'; did you mean 'constitutional_court'?"
        );
        let e = explain(&ds, &a, "senate", Some("presidnet"), None).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("'presidnet' is not a principal in force; did you mean 'president'?"),
            "{e}"
        );
    }
}

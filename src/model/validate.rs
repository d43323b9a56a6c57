//! Validation of a domain [`Dataset`]: the rules the loader enforces on a file, restated over
//! the domain types, so that a dataset changed in memory (by reforms) can be checked again.
//!
//! The loader reports problems at places in a file; here a problem names the elements of the
//! dataset it involves, so that whoever changed them (a reform preset) can be held to it.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;

use super::load::ATTRIBUTES;
use super::{BodyId, Dataset, EdgeKind, Step, StepRole};

/// How reforms and validation address a power edge: (from, kind, to, channel), as
/// [`super::Edge::key`] gives it.
pub type EdgeKey = (BodyId, EdgeKind, BodyId, Option<String>);

/// A part of a dataset that a reform can change and a problem can involve.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Element {
    /// The body's existence under this id.
    Body(BodyId),
    /// One attribute of a body (`seats`, `non_partisan`, `note`, ...).
    Attribute(BodyId, String),
    /// A seat channel, by body and channel id.
    Channel(BodyId, String),
    Edge(EdgeKey),
    /// The dataset's list of principals.
    Principals,
}

/// Renders an edge key as `from -kind-> to`, with `/channel` when it covers one channel.
pub fn edge_label(key: &EdgeKey) -> String {
    let (from, kind, to, channel) = key;
    match channel {
        Some(c) => format!("{from} -{kind}-> {to}/{c}"),
        None => format!("{from} -{kind}-> {to}"),
    }
}

impl fmt::Display for Element {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Element::Body(id) => write!(f, "body `{id}`"),
            Element::Attribute(id, a) => write!(f, "attribute `{a}` of `{id}`"),
            Element::Channel(id, c) => write!(f, "channel `{c}` of `{id}`"),
            Element::Edge(key) => write!(f, "edge `{}`", edge_label(key)),
            Element::Principals => f.write_str("the list of principals"),
        }
    }
}

/// One rule a dataset breaks.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The same short codes the loader uses (`seats-mismatch`, `unknown-id`, ...).
    pub code: &'static str,
    pub message: String,
    /// The elements involved, the one at fault first.
    pub elements: Vec<Element>,
}

/// What is wrong with a channel's chain of steps as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepsProblem {
    pub code: &'static str,
    /// Completes "channel `x` of body `y` ...".
    pub message: &'static str,
    pub help: &'static str,
}

/// A channel has exactly one actor who picks the candidate, and at most one step that fills
/// the seat.
pub fn steps_problem(steps: &[Step]) -> Option<StepsProblem> {
    let nominations = steps
        .iter()
        .filter(|s| s.role == StepRole::Nominate)
        .count();
    let deciders = steps.iter().filter(|s| s.role.decides()).count();
    if steps.is_empty() {
        Some(StepsProblem {
            code: "no-steps",
            message: "has no steps",
            help: "a channel lists the steps that fill its seats, e.g. `steps: [(actor: \"president\", role: appoint)]`",
        })
    } else if nominations > 1 {
        Some(StepsProblem {
            code: "two-nominations",
            message: "has more than one `nominate` step",
            help: "a seat has one proposer; a further non-binding proposal is a `recommend` step",
        })
    } else if deciders > 1 {
        Some(StepsProblem {
            code: "two-deciders",
            message: "has more than one deciding step (appoint, elect, ex_officio)",
            help: "one step fills the seat; approvals by others are `consent` steps",
        })
    } else if nominations + deciders == 0 {
        Some(StepsProblem {
            code: "no-proposer",
            message: "has no step that picks the candidate",
            help: "a channel needs a `nominate`, `appoint`, `elect` or `ex_officio` step; `recommend` and `consent` alone fill no seat",
        })
    } else {
        None
    }
}

/// Every problem of `dataset`, in a fixed order: bodies and their channels in dataset order,
/// then edges, then principals, then reachability (checked only when every id resolves).
pub fn validate(dataset: &Dataset) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut ids: HashSet<&str> = HashSet::new();
    for b in &dataset.bodies {
        if !ids.insert(&b.id) {
            out.push(Problem {
                code: "duplicate-id",
                message: format!("body id `{}` is used twice", b.id),
                elements: vec![Element::Body(b.id.clone())],
            });
        }
    }
    let mut dangling = false;
    for b in &dataset.bodies {
        let at = |a: &str| Element::Attribute(b.id.clone(), a.to_string());
        for (lang, name) in [
            ("en", &b.names.en),
            ("ru", &b.names.ru),
            ("kk", &b.names.kk),
        ] {
            if name.trim().is_empty() {
                out.push(Problem {
                    code: "empty-field",
                    message: format!("body `{}` has no name in `{lang}`", b.id),
                    elements: vec![at("name")],
                });
            }
        }
        if b.seats == 0 {
            out.push(Problem {
                code: "zero-seats",
                message: format!("body `{}` has 0 seats", b.id),
                elements: vec![at("seats")],
            });
        }
        if b.source.trim().is_empty() {
            out.push(Problem {
                code: "missing-source",
                message: format!("body `{}` has no legal source", b.id),
                elements: vec![at("source")],
            });
        }
        if let Some(t) = b.term_years
            && (!t.is_finite() || t <= 0.0 || t > 100.0)
        {
            out.push(Problem {
                code: "bad-term",
                message: format!("body `{}` has a term of {t} years", b.id),
                elements: vec![at("term_years")],
            });
        }
        for key in b.attribute_sources.keys() {
            if !ATTRIBUTES.contains(&key.as_str()) {
                out.push(Problem {
                    code: "unknown-attribute",
                    message: format!("`{key}` (cited for `{}`) is not a body attribute", b.id),
                    elements: vec![at(key)],
                });
            }
        }
        let mut channel_ids = HashSet::new();
        for c in &b.channels {
            let here = Element::Channel(b.id.clone(), c.id.clone());
            let what = format!("channel `{}` of body `{}`", c.id, b.id);
            if !channel_ids.insert(c.id.as_str()) {
                out.push(Problem {
                    code: "duplicate-id",
                    message: format!("body `{}` has two channels with id `{}`", b.id, c.id),
                    elements: vec![here.clone()],
                });
            }
            if c.seats == 0 {
                out.push(Problem {
                    code: "zero-seats",
                    message: format!("{what} has 0 seats"),
                    elements: vec![here.clone()],
                });
            }
            if c.source.trim().is_empty() {
                out.push(Problem {
                    code: "missing-source",
                    message: format!("{what} has no legal source"),
                    elements: vec![here.clone()],
                });
            }
            for s in &c.steps {
                if !ids.contains(s.actor.as_str()) {
                    dangling = true;
                    out.push(Problem {
                        code: "unknown-id",
                        message: format!("{what} names `{}`, which is not a body", s.actor),
                        elements: vec![here.clone(), Element::Body(s.actor.clone())],
                    });
                }
            }
            if let Some(p) = steps_problem(&c.steps) {
                out.push(Problem {
                    code: p.code,
                    message: format!("{what} {}", p.message),
                    elements: vec![here.clone()],
                });
            }
        }
        let sum: u64 = b.channels.iter().map(|c| u64::from(c.seats)).sum();
        if !b.channels.is_empty() && sum != u64::from(b.seats) {
            let parts: Vec<String> = b
                .channels
                .iter()
                .map(|c| format!("{} {}", c.id, c.seats))
                .collect();
            let mut elements = vec![at("seats")];
            elements.extend(
                b.channels
                    .iter()
                    .map(|c| Element::Channel(b.id.clone(), c.id.clone())),
            );
            out.push(Problem {
                code: "seats-mismatch",
                message: format!(
                    "the channels of body `{}` add up to {sum} seats ({}), but the body has {}",
                    b.id,
                    parts.join(" + "),
                    b.seats
                ),
                elements,
            });
        }
    }

    let mut keys = HashSet::new();
    for e in &dataset.edges {
        let key = e.key();
        let here = Element::Edge(key.clone());
        let what = format!("edge `{}`", edge_label(&key));
        for end in [&e.from, &e.to] {
            if !ids.contains(end.as_str()) {
                dangling = true;
                out.push(Problem {
                    code: "unknown-id",
                    message: format!("{what} names `{end}`, which is not a body"),
                    elements: vec![here.clone(), Element::Body(end.clone())],
                });
            }
        }
        if let (Some(c), Some(target)) = (&e.channel, dataset.body(&e.to))
            && target.channel(c).is_none()
        {
            dangling = true;
            out.push(Problem {
                code: "unknown-channel",
                message: format!(
                    "{what} covers channel `{c}`, which `{}` does not have",
                    e.to
                ),
                elements: vec![here.clone(), Element::Channel(e.to.clone(), c.clone())],
            });
        }
        match e.after_refusals {
            Some(_) if e.kind != EdgeKind::Dissolve => out.push(Problem {
                code: "bad-refusals",
                message: format!("{what}: `after_refusals` applies only to `dissolve` edges"),
                elements: vec![here.clone()],
            }),
            Some(n) if !(1..=100).contains(&n) => out.push(Problem {
                code: "bad-refusals",
                message: format!("{what}: after_refusals is {n}, expected 1 to 100"),
                elements: vec![here.clone()],
            }),
            _ => {}
        }
        if e.source.trim().is_empty() {
            out.push(Problem {
                code: "missing-source",
                message: format!("{what} has no legal source"),
                elements: vec![here.clone()],
            });
        }
        if !keys.insert(key) {
            out.push(Problem {
                code: "duplicate-edge",
                message: format!("{what} is listed twice"),
                elements: vec![here],
            });
        }
    }

    if let Some(list) = &dataset.principals {
        for p in list {
            if !ids.contains(p.as_str()) {
                dangling = true;
                out.push(Problem {
                    code: "unknown-id",
                    message: format!("the principals name `{p}`, which is not a body"),
                    elements: vec![Element::Principals, Element::Body(p.clone())],
                });
            }
        }
    }

    // Reachability follows the channels' actors; with dangling ids it would only repeat the
    // problems above in a more confusing form.
    if !dangling {
        let by_id: HashMap<&str, &super::Body> =
            dataset.bodies.iter().map(|b| (b.id.as_str(), b)).collect();
        let principals = dataset.principals();
        for (body, through) in
            crate::analysis::unreachable_bodies(dataset, &principals, &dataset.weights)
        {
            let mut elements = vec![Element::Body(body.clone())];
            let involved: BTreeSet<&str> = std::iter::once(body.as_str())
                .chain(through.iter().map(String::as_str))
                .collect();
            for id in involved {
                if let Some(b) = by_id.get(id) {
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
            out.push(Problem {
                code: "no-principal",
                message: format!(
                    "the chain of channels from `{body}` never reaches a principal: it is filled only through {}",
                    through.join(", ")
                ),
                elements,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::tiny_dataset;

    fn codes(d: &Dataset) -> Vec<&'static str> {
        validate(d).iter().map(|p| p.code).collect()
    }

    #[test]
    fn every_embedded_dataset_is_valid_in_memory_too() {
        for e in crate::data::EMBEDDED {
            let d = crate::model::load_str(e.path, e.text).unwrap();
            assert_eq!(validate(&d), vec![], "{}", e.id);
        }
        assert_eq!(validate(&tiny_dataset()), vec![]);
    }

    #[test]
    fn seats_that_do_not_add_up_name_the_body_and_its_channels() {
        let mut d = tiny_dataset();
        d.body_mut("senate").unwrap().seats = 12;
        let p = validate(&d);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].code, "seats-mismatch");
        assert!(
            p[0].message
                .contains("add up to 10 seats (elected 8 + appointed 2), but the body has 12"),
            "{}",
            p[0].message
        );
        assert_eq!(
            p[0].elements,
            vec![
                Element::Attribute("senate".into(), "seats".into()),
                Element::Channel("senate".into(), "elected".into()),
                Element::Channel("senate".into(), "appointed".into()),
            ]
        );
    }

    #[test]
    fn a_removed_body_leaves_dangling_references() {
        let mut d = tiny_dataset();
        d.bodies.retain(|b| b.id != "councils");
        let p = validate(&d);
        assert_eq!(codes(&d), vec!["unknown-id", "unknown-id"], "{p:?}");
        assert!(p[0].elements.contains(&Element::Body("councils".into())));
        assert_eq!(p[1].elements[0], Element::Principals);
    }

    #[test]
    fn edges_must_cover_existing_channels_and_be_unique() {
        let mut d = tiny_dataset();
        d.edges[0].channel = Some("vice_chair".into());
        let dup = d.edges[1].clone();
        d.edges.push(dup);
        assert_eq!(codes(&d), vec!["unknown-channel", "duplicate-edge"]);
    }

    #[test]
    fn a_closed_circle_reaches_no_principal() {
        let mut d = tiny_dataset();
        let senate = d.body_mut("senate").unwrap();
        senate.channels[0].steps[0].actor = "court".into();
        senate.channels[1].steps[0].actor = "court".into();
        let court = d.body_mut("court").unwrap();
        for c in &mut court.channels {
            for s in &mut c.steps {
                s.actor = "senate".into();
            }
        }
        let p = validate(&d);
        let found: Vec<&str> = p.iter().map(|p| p.code).collect();
        assert!(found.iter().all(|c| *c == "no-principal"), "{p:?}");
        assert!(p[0].message.contains("never reaches a principal"), "{p:?}");
    }

    #[test]
    fn steps_need_exactly_one_proposer() {
        let step = |role| Step {
            actor: "a".into(),
            role,
            threshold: None,
            note: String::new(),
            vote: None,
            alternatives: Vec::new(),
        };
        assert_eq!(
            steps_problem(&[step(StepRole::Consent)]).map(|p| p.code),
            Some("no-proposer")
        );
        assert_eq!(
            steps_problem(&[step(StepRole::Appoint), step(StepRole::Elect)]).map(|p| p.code),
            Some("two-deciders")
        );
        assert_eq!(
            steps_problem(&[step(StepRole::Nominate), step(StepRole::Appoint)]),
            None
        );
    }
}

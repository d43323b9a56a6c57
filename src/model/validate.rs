//! The rules a dataset's values must keep together: ids are unique, references name bodies
//! and channels that exist, a body's channels add up to its seats, each channel's steps form
//! one chain, and no edge is listed twice.
//!
//! Each rule is stated here once, over the domain types. The dataset loader (`load`) runs
//! [`validate`] on what it converted and reports each problem at the place in the file its
//! [`Fault::path`] names; a reform runs it on the dataset it changed and holds each problem
//! against the operations that touched its [`Element`]s. What one value must be (present, a
//! known word, a number in range, a cited source) is checked as it is converted, in `load`;
//! whether every body reaches a principal is a question of control, answered by the analysis
//! (`analysis::reach`) with problems of this same type.
//!
//! Complexity, for b bodies, c channels, s steps and e edges: O(b + c + s + e) expected. Each
//! id is hashed (FxHash, ids being short) into one map of first places, which every step's
//! actor and every edge's ends are looked up in once (an id of up to 15 bytes is packed into
//! its own key, so that a look-up reads no other string); edges are told apart by the places
//! of their ends; a body's few channels are compared directly. A problem formats its message and elements; a valid dataset formats nothing and
//! copies no id.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;

use super::{Body, BodyId, Branch, Cover, Dataset, EdgeKind, Mandate, Step, StepRole};

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
    /// A short stable name (`seats-mismatch`, `unknown-id`, ...).
    pub code: &'static str,
    /// The problem in words that need no file to point into (a reformed dataset has none).
    pub message: String,
    /// The elements involved, the one at fault first.
    pub elements: Vec<Element>,
    /// Which rule, and where.
    pub fault: Fault,
}

/// Which rule is broken, and where, as positions in the dataset's lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// `bodies[body]` has the id of an earlier body.
    DuplicateBody { body: usize },
    /// The channel has the id of an earlier channel of its body.
    DuplicateChannel { body: usize, channel: usize },
    /// The step's actor is not a body.
    UnknownActor {
        body: usize,
        channel: usize,
        step: usize,
    },
    /// The channel's steps do not form one chain (see [`steps_problem`]).
    Steps {
        body: usize,
        channel: usize,
        problem: StepsProblem,
    },
    /// The body's channels do not add up to its seats.
    SeatsMismatch { body: usize },
    /// One end of the edge is not a body.
    UnknownEnd { edge: usize, end: End },
    /// The edge covers a channel its target does not have.
    UnknownChannel { edge: usize },
    /// The edge has the key of an earlier edge.
    DuplicateEdge { edge: usize },
    /// The edge's `covers[cover]` names a channel that does not exist, or one in which the
    /// edge's target takes no step.
    UnknownCover { edge: usize, cover: usize },
    /// A principal the dataset names is not a body.
    UnknownPrincipal { index: usize },
    /// The body's chain of channels never reaches a principal; it is filled only through
    /// `through`.
    NoPrincipal { body: usize, through: Vec<BodyId> },
    /// The step's actor is the body the channel fills (co-optation), and the body is not a
    /// principal.
    SelfFilled {
        body: usize,
        channel: usize,
        step: usize,
    },
    /// The dissolution edge's target is the electorate or a one-seat office, which cannot be
    /// dissolved.
    Undissolvable { edge: usize },
}

/// The end of an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    From,
    To,
}

impl Fault {
    /// The path of the value at fault, as a RON file writes it (`bodies[2].channels[0].steps`),
    /// by which the loader finds its place in the file.
    pub fn path(&self) -> String {
        self.path_in(|i| format!("bodies[{i}]"))
    }

    /// [`Fault::path`] with `body(i)` the path of the i-th body: for a body checked on its own
    /// ([`body_problems`]), the path of wherever it is written.
    pub fn path_in(&self, body: impl Fn(usize) -> String) -> String {
        let channel = |b: usize, c: usize| format!("{}.channels[{c}]", body(b));
        match self {
            Fault::DuplicateBody { body: b } | Fault::NoPrincipal { body: b, .. } => {
                format!("{}.id", body(*b))
            }
            Fault::DuplicateChannel {
                body: b,
                channel: c,
            } => format!("{}.id", channel(*b, *c)),
            Fault::UnknownActor {
                body: b,
                channel: c,
                step,
            } => format!("{}.steps[{step}].actor", channel(*b, *c)),
            Fault::Steps {
                body: b,
                channel: c,
                ..
            } => format!("{}.steps", channel(*b, *c)),
            Fault::SeatsMismatch { body: b } => format!("{}.seats", body(*b)),
            Fault::UnknownEnd { edge, end } => match end {
                End::From => format!("edges[{edge}].from"),
                End::To => format!("edges[{edge}].to"),
            },
            Fault::UnknownChannel { edge } => format!("edges[{edge}].channel"),
            Fault::DuplicateEdge { edge } => format!("edges[{edge}]"),
            Fault::UnknownCover { edge, cover } => format!("edges[{edge}].covers[{cover}]"),
            Fault::UnknownPrincipal { index } => format!("principals[{index}]"),
            Fault::SelfFilled {
                body: b,
                channel: c,
                step,
            } => format!("{}.steps[{step}].actor", channel(*b, *c)),
            Fault::Undissolvable { edge } => format!("edges[{edge}].to"),
        }
    }
}

impl Problem {
    /// Whether the problem is a reference to something that does not exist. Reachability
    /// follows the references, so it is not asked while one dangles: it would only repeat
    /// the problem in a more confusing form.
    pub fn dangles(&self) -> bool {
        matches!(
            self.fault,
            Fault::UnknownActor { .. }
                | Fault::UnknownEnd { .. }
                | Fault::UnknownChannel { .. }
                | Fault::UnknownCover { .. }
                | Fault::UnknownPrincipal { .. }
        )
    }
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
    } else if let Some(picker) = steps
        .iter()
        .find(|s| s.role == StepRole::Nominate)
        .or_else(|| steps.iter().find(|s| s.role.decides()))
        && steps.iter().any(|s| {
            matches!(s.role, StepRole::Consent | StepRole::Shortlist) && s.actor == picker.actor
        })
    {
        // Counted, it would make the picker a veto point over his own pick.
        Some(StepsProblem {
            code: "own-consent",
            message: "has the actor who picks the candidate also consent to the pick",
            help: "a consent by the one who picks checks nothing: drop the `consent` step, or name the body whose approval the pick needs",
        })
    } else {
        None
    }
}

/// The channels (and the picking step of each) in which `body` picks its own members, when it
/// also has members others pick: co-optation, which only a principal may do (codebook R16). A
/// body's check on its own candidates (tr `sayistay` shortlists its applicants) is a share of
/// a pick made by others, not co-optation; a body that picks all its members reaches no
/// principal, which `analysis::reach` says.
pub fn co_opted(body: &Body) -> Vec<(usize, usize)> {
    let own: Vec<(usize, usize)> = body
        .channels
        .iter()
        .enumerate()
        .filter_map(|(j, c)| {
            let k = c
                .steps
                .iter()
                .position(|s| s.role == StepRole::Nominate)
                .or_else(|| c.steps.iter().position(|s| s.role.decides()))?;
            (c.steps[k].actor == body.id).then_some((j, k))
        })
        .collect();
    if own.len() == body.channels.len() {
        Vec::new()
    } else {
        own
    }
}

/// A channel under an imperative mandate must say which party may recall its holders: the
/// nominating party (codebook, mandates), named by a `nominate` step.
fn mandate_problem(mandate: Mandate, steps: &[Step]) -> Option<StepsProblem> {
    (mandate == Mandate::Imperative && !steps.iter().any(|s| s.role == StepRole::Nominate)).then_some(
        StepsProblem {
            code: "mandate-without-party",
            message: "has an imperative mandate but no `nominate` step: no party could recall its holders",
            help: "under an imperative mandate the nominating party may recall the holders; add the party's `nominate` step, or drop `mandate: imperative`",
        },
    )
}

/// Every problem of `dataset`, in a fixed order: duplicate body ids, then each body and its
/// channels in dataset order, then edges, then principals.
pub fn validate(dataset: &Dataset) -> Vec<Problem> {
    let mut out = Vec::new();
    // Where each id is first used: the edges find their target here, without a second look-up
    // through the dataset's index (each look-up misses the cache at 100,000 bodies).
    let mut ids = Places::with_capacity(dataset.bodies.len());
    for (i, b) in dataset.bodies.iter().enumerate() {
        if !ids.first_place(&b.id, i) {
            out.push(Problem {
                code: "duplicate-id",
                message: format!("body id `{}` is used twice", b.id),
                elements: vec![Element::Body(b.id.clone())],
                fault: Fault::DuplicateBody { body: i },
            });
        }
    }
    for (i, b) in dataset.bodies.iter().enumerate() {
        body_rules(i, b, Some(&ids), &mut out);
    }
    // Co-opted seats would otherwise be counted as picked by whoever fills the rest of the
    // body: a court that elects two of its three judges would read as held by the appointer
    // of the third. A body that renews itself is counted as holding its own seats only as a
    // principal.
    let principals = dataset.principals();
    let principals: HashSet<&str> = principals.iter().map(String::as_str).collect();
    for (i, b) in dataset.bodies.iter().enumerate() {
        if principals.contains(b.id.as_str()) {
            continue;
        }
        for (j, k) in co_opted(b) {
            let c = &b.channels[j];
            out.push(Problem {
                code: "self-filled",
                message: format!(
                    "body `{}` fills {} of its own {} seats (channel `{}`), but is not a principal",
                    b.id, c.seats, b.seats, c.id
                ),
                elements: vec![
                    Element::Channel(b.id.clone(), c.id.clone()),
                    Element::Principals,
                ],
                fault: Fault::SelfFilled {
                    body: i,
                    channel: j,
                    step: k,
                },
            });
        }
    }

    // Keys borrowed from the edges, and each edge's element and description made only for
    // a problem: a valid dataset of 200,000 edges then copies no id here. An edge whose ends
    // are both bodies is keyed by their first places, which are equal exactly when the ids
    // are (no id is read again); the others by their ids.
    let mut keys: HashSet<(u32, EdgeKind, u32, Option<&str>)> =
        HashSet::with_capacity_and_hasher(dataset.edges.len(), Default::default());
    let mut loose_keys: HashSet<(&str, EdgeKind, &str, Option<&str>)> = HashSet::default();
    for (i, e) in dataset.edges.iter().enumerate() {
        let here = || Element::Edge(e.key());
        let what = || format!("edge `{}`", edge_label(&e.key()));
        let from = ids.get(&e.from);
        let to = ids.get(&e.to);
        let target = to.map(|j| &dataset.bodies[j]);
        for (end, id) in [(End::From, &e.from), (End::To, &e.to)] {
            let known = match end {
                End::From => from.is_some(),
                End::To => target.is_some(),
            };
            if !known {
                out.push(Problem {
                    code: "unknown-id",
                    message: format!("{} names `{id}`, which is not a body", what()),
                    elements: vec![here(), Element::Body(id.clone())],
                    fault: Fault::UnknownEnd { edge: i, end },
                });
            }
        }
        if let (Some(c), Some(target)) = (&e.channel, target)
            && target.channel(c).is_none()
        {
            out.push(Problem {
                code: "unknown-channel",
                message: format!(
                    "{} covers channel `{c}`, which `{}` does not have",
                    what(),
                    e.to
                ),
                elements: vec![here(), Element::Channel(e.to.clone(), c.clone())],
                fault: Fault::UnknownChannel { edge: i },
            });
        }
        for (k, cover) in e.covers.iter().enumerate() {
            if let Some(message) = cover_problem(dataset, &e.to, cover) {
                out.push(Problem {
                    code: "unknown-cover",
                    message: format!("{} {message}", what()),
                    elements: vec![here()],
                    fault: Fault::UnknownCover { edge: i, cover: k },
                });
            }
        }
        // Dissolving ends a mandate so that an election renews it: a body nobody fills (the
        // electorate, a professional constituency) has no mandate to end. A one-seat office
        // may be renewed (tr Art. 116 ends the President's term with the Assembly's).
        if e.kind.is_dissolution()
            && let Some(target) = target
            && (target.branch == Branch::Electorate || target.channels.is_empty())
        {
            out.push(Problem {
                code: "bad-dissolve",
                message: format!(
                    "{} dissolves `{}`, {}, which cannot be dissolved",
                    what(),
                    e.to,
                    if target.branch == Branch::Electorate {
                        "the electorate"
                    } else {
                        "a body nobody fills"
                    }
                ),
                elements: vec![here()],
                fault: Fault::Undissolvable { edge: i },
            });
        }
        let new = match (from, to) {
            (Some(from), Some(to)) => {
                keys.insert((from as u32, e.kind, to as u32, e.channel.as_deref()))
            }
            _ => loose_keys.insert((&e.from, e.kind, &e.to, e.channel.as_deref())),
        };
        if !new {
            out.push(Problem {
                code: "duplicate-edge",
                message: format!("{} is listed twice", what()),
                elements: vec![here()],
                fault: Fault::DuplicateEdge { edge: i },
            });
        }
    }

    for (i, p) in dataset.principals.iter().flatten().enumerate() {
        if ids.get(p).is_none() {
            out.push(Problem {
                code: "unknown-id",
                message: format!("the principals name `{p}`, which is not a body"),
                elements: vec![Element::Principals, Element::Body(p.clone())],
                fault: Fault::UnknownPrincipal { index: i },
            });
        }
    }
    out
}

/// The first place of each body id. An id of up to 15 bytes (nearly all) is its own key,
/// packed with its length into 16 bytes: a look-up hashes and compares those, and never
/// follows a pointer to the body's id (a cache miss at 100,000 bodies, and a `memcmp`).
/// Longer ids are keyed by the text.
struct Places<'a> {
    short: HashMap<u128, u32>,
    long: HashMap<&'a str, u32>,
}

impl<'a> Places<'a> {
    fn with_capacity(n: usize) -> Self {
        Places {
            short: HashMap::with_capacity_and_hasher(n, Default::default()),
            long: HashMap::default(),
        }
    }

    /// `id` with its length in 16 bytes, if it fits.
    fn packed(id: &str) -> Option<u128> {
        let b = id.as_bytes();
        (b.len() < 16).then(|| {
            let mut key = [0u8; 16];
            key[..b.len()].copy_from_slice(b);
            key[15] = b.len() as u8;
            u128::from_le_bytes(key)
        })
    }

    /// Records `id` at `i` unless it has a place already; whether it was new.
    fn first_place(&mut self, id: &'a str, i: usize) -> bool {
        use std::collections::hash_map::Entry;
        match Self::packed(id) {
            Some(key) => match self.short.entry(key) {
                Entry::Occupied(_) => false,
                Entry::Vacant(v) => {
                    v.insert(i as u32);
                    true
                }
            },
            None => match self.long.entry(id) {
                Entry::Occupied(_) => false,
                Entry::Vacant(v) => {
                    v.insert(i as u32);
                    true
                }
            },
        }
    }

    /// The first place of `id`, if a body has it.
    fn get(&self, id: &str) -> Option<usize> {
        match Self::packed(id) {
            Some(key) => self.short.get(&key),
            None => self.long.get(id),
        }
        .map(|&i| i as usize)
    }
}

/// What is wrong with a channel a refusal-triggered dissolution of `target` covers: the
/// channel must exist, and `target` must act in it, or a refusal there could not be its own.
/// A role selector (`consent`) is checked as it is read.
fn cover_problem(dataset: &Dataset, target: &str, cover: &Cover) -> Option<String> {
    let Cover::Channel { body, channel } = cover else {
        return None;
    };
    let Some(b) = dataset.body(body) else {
        return Some(format!("covers `{cover}`, but there is no body `{body}`"));
    };
    let Some(c) = b.channel(channel) else {
        return Some(format!(
            "covers `{cover}`, but `{body}` has no channel `{channel}`"
        ));
    };
    (!c.steps.iter().any(|s| s.actor == target))
        .then(|| format!("covers `{cover}`, in which `{target}` takes no step"))
}

/// The problems within one body on its own, as though it were `bodies[0]` of a dataset: its
/// channels' ids and chains of steps, and their seats. References to other bodies are not
/// checked. For a body a reform adds, checked when its file is read.
pub fn body_problems(body: &Body) -> Vec<Problem> {
    let mut out = Vec::new();
    body_rules(0, body, None, &mut out);
    out
}

/// The rules within `bodies[i]`; actors are checked against `ids` when given.
fn body_rules(i: usize, b: &Body, ids: Option<&Places>, out: &mut Vec<Problem>) {
    // A body has a few channels: comparing each with those before it beats hashing them,
    // up to a count past which the hash keeps the rule linear.
    const FEW: usize = 16;
    let mut channel_ids = HashSet::default();
    for (j, c) in b.channels.iter().enumerate() {
        // Made only for a problem.
        let here = || Element::Channel(b.id.clone(), c.id.clone());
        let what = || format!("channel `{}` of body `{}`", c.id, b.id);
        let repeated = if b.channels.len() <= FEW {
            b.channels[..j].iter().any(|earlier| earlier.id == c.id)
        } else {
            !channel_ids.insert(c.id.as_str())
        };
        if repeated {
            out.push(Problem {
                code: "duplicate-id",
                message: format!("body `{}` has two channels with id `{}`", b.id, c.id),
                elements: vec![here()],
                fault: Fault::DuplicateChannel {
                    body: i,
                    channel: j,
                },
            });
        }
        for (k, s) in c.steps.iter().enumerate() {
            if ids.is_some_and(|ids| ids.get(&s.actor).is_none()) {
                out.push(Problem {
                    code: "unknown-id",
                    message: format!("{} names `{}`, which is not a body", what(), s.actor),
                    elements: vec![here(), Element::Body(s.actor.clone())],
                    fault: Fault::UnknownActor {
                        body: i,
                        channel: j,
                        step: k,
                    },
                });
            }
        }
        if let Some(p) = steps_problem(&c.steps).or_else(|| mandate_problem(c.mandate, &c.steps)) {
            out.push(Problem {
                code: p.code,
                message: format!("{} {}", what(), p.message),
                elements: vec![here()],
                fault: Fault::Steps {
                    body: i,
                    channel: j,
                    problem: p,
                },
            });
        }
    }
    // Each layer's channels fill the body on their own (codebook R34): the de jure ones
    // always, the de facto ones, which replace them in the de facto layer, when there are any.
    for layer in super::Layer::ALL {
        let of_layer = || b.channels.iter().filter(|c| c.layer == *layer);
        let sum: u64 = of_layer().map(|c| u64::from(c.seats)).sum();
        if of_layer().next().is_none() || sum == u64::from(b.seats) {
            continue;
        }
        let of_layer: Vec<&super::Channel> = of_layer().collect();
        let parts: Vec<String> = of_layer
            .iter()
            .map(|c| format!("{} {}", c.id, c.seats))
            .collect();
        let mut elements = vec![Element::Attribute(b.id.clone(), "seats".into())];
        elements.extend(
            of_layer
                .iter()
                .map(|c| Element::Channel(b.id.clone(), c.id.clone())),
        );
        let which = if *layer == super::Layer::DeFacto {
            "de facto channels"
        } else {
            "channels"
        };
        out.push(Problem {
            code: "seats-mismatch",
            message: format!(
                "the {which} of body `{}` add up to {sum} seats ({}), but the body has {}",
                b.id,
                parts.join(" + "),
                b.seats
            ),
            elements,
            fault: Fault::SeatsMismatch { body: i },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testdata::tiny_dataset;

    fn codes(d: &Dataset) -> Vec<&'static str> {
        validate(d).iter().map(|p| p.code).collect()
    }

    #[test]
    fn the_test_dataset_is_valid() {
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
        assert!(p.iter().all(Problem::dangles));
        assert_eq!(p[0].fault.path(), "bodies[2].channels[0].steps[0].actor");
        assert_eq!(p[1].fault.path(), "principals[2]");
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

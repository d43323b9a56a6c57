//! The conflict ledger: presets applied operation by operation, remembering who touched what.
//!
//! For every element an operation touched (a body, an attribute, a channel, an edge, the
//! principals) the ledger keeps which operation touched it last and the state it left there.
//!
//! ```text
//!   operation ─> touches(): the elements it will touch
//!             ─> execute() on a trial copy of the dataset
//!                  ├─ done: an element another preset left in another state?  Conflict
//!                  │        otherwise record each element's new state, keep the copy
//!                  └─ Miss: its element last touched by another preset?  Conflict, else OpError
//! ```
//!
//! Identical changes by two presets do not conflict. After the last preset the dataset is
//! validated again, and each problem is laid at the door of the operations that touched its
//! elements: one preset's, an error of that preset; two presets', a conflict between them.
//!
//! Complexity: an operation runs on the working dataset itself unless an element it touches
//! was left by another preset (then on a trial copy, which a clash discards), so one preset
//! of K operations costs O(K x the elements each touches) plus one validation, linear in the
//! dataset; edge operations scan the edges for their key, O(E) each.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::error::{Conflict, Miss, OpError, OpRef, ReformError, help_for};
use super::execute::execute;
use super::{BODY_FIELDS, Change, Operation, Preset, PresetSet};
use crate::analysis::reach;
use crate::diag::did_you_mean;
use crate::model::validate::Problem;
use crate::model::{Body, BodyId, Channel, Dataset, Edge, Element, Step};

/// What an operation left in an element: compared between presets to tell a conflict from
/// the same change made twice.
#[derive(Debug, Clone, PartialEq)]
enum ElementState {
    Body(Option<Body>),
    Attribute(Option<String>),
    Channel(Option<Channel>),
    Edge(Option<Edge>),
    Principals(Option<Vec<BodyId>>),
}

impl ElementState {
    fn present(&self) -> bool {
        match self {
            ElementState::Body(x) => x.is_some(),
            ElementState::Attribute(x) => x.is_some(),
            ElementState::Channel(x) => x.is_some(),
            ElementState::Edge(x) => x.is_some(),
            ElementState::Principals(_) => true,
        }
    }
}

/// The state of `element` in `d`, as the ledger compares it.
fn state(d: &Dataset, element: &Element) -> ElementState {
    match element {
        Element::Body(id) => ElementState::Body(d.body(id).cloned()),
        Element::Attribute(id, name) => {
            ElementState::Attribute(d.body(id).map(|b| attribute_text(b, name)))
        }
        Element::Channel(id, c) => {
            ElementState::Channel(d.body(id).and_then(|b| b.channel(c)).cloned())
        }
        Element::Edge(key) => ElementState::Edge(d.edges.iter().find(|e| e.has_key(key)).cloned()),
        Element::Principals => ElementState::Principals(d.principals.clone()),
    }
}

/// An attribute's value, with its citation when it has one of its own.
fn attribute_text(b: &Body, name: &str) -> String {
    let value = attribute_value(b, name);
    match b.attribute_sources.get(name) {
        Some(s) => format!("{value} [{s}]"),
        None => value,
    }
}

/// An attribute's value as text, by the name the preset file uses.
pub(super) fn attribute_value(b: &Body, name: &str) -> String {
    match name {
        "name" => format!("{} / {} / {}", b.names.en, b.names.ru, b.names.kk),
        "branch" => b.branch.to_string(),
        "role" => b.role.map(|r| r.to_string()).unwrap_or_default(),
        "seats" => b.seats.to_string(),
        "seats_nominal" => b.seats_nominal.to_string(),
        "independent" => b.independent.to_string(),
        "non_partisan" => b.non_partisan.to_string(),
        "relatives_ban" => b.relatives_ban.to_string(),
        "senior_post" => b.senior_post.to_string(),
        "term_years" => b.term_years.map(|t| t.to_string()).unwrap_or_default(),
        "registration" => b.registration.map(|r| r.to_string()).unwrap_or_default(),
        "liability" => b
            .liability
            .as_ref()
            .map(|l| {
                let kinds: Vec<&str> = l.iter().map(|k| k.as_str()).collect();
                format!("[{}]", kinds.join(", "))
            })
            .unwrap_or_default(),
        "confidence" => b.confidence.to_string(),
        "note" => b.note.clone(),
        "source" => b.source.clone(),
        other => format!("<{other}>"),
    }
}

/// The last operation that touched an element, and the state it left there.
struct Touch {
    op: OpRef,
    state: ElementState,
}

/// One application of presets in progress: the dataset so far, who touched what, and the
/// problems met.
pub(super) struct Ledger<'a> {
    set: &'a PresetSet,
    work: Dataset,
    touched: HashMap<Element, Touch>,
    conflicts: Vec<Conflict>,
    errors: Vec<OpError>,
    /// Bodies the baseline fills through channels.
    filled: HashSet<BodyId>,
}

impl<'a> Ledger<'a> {
    pub(super) fn new(set: &'a PresetSet, baseline: &Dataset) -> Ledger<'a> {
        Ledger {
            set,
            work: baseline.clone(),
            touched: HashMap::new(),
            conflicts: Vec::new(),
            errors: Vec::new(),
            filled: baseline
                .bodies
                .iter()
                .filter(|b| !b.channels.is_empty())
                .map(|b| b.id.clone())
                .collect(),
        }
    }

    /// The reformed dataset, validated again, or every problem met.
    pub(super) fn finish(mut self) -> Result<Dataset, ReformError> {
        if self.conflicts.is_empty() && self.errors.is_empty() {
            self.revalidate();
        }
        if self.conflicts.is_empty() && self.errors.is_empty() {
            Ok(self.work)
        } else {
            Err(ReformError::Invalid {
                conflicts: self.conflicts,
                errors: self.errors,
            })
        }
    }

    /// Applies a preset's operations in order; one that does not apply is skipped.
    pub(super) fn preset(&mut self, preset: &Preset) {
        let mut applied = Vec::new();
        for (i, op) in preset.operations.iter().enumerate() {
            let here = OpRef::new(self.set, preset, i, op);
            if self.operation(op, &here) {
                applied.push((op, here));
            }
        }
        for (op, here) in applied {
            self.references(op, &here);
        }
    }

    /// Applies one operation; says whether it changed the dataset.
    fn operation(&mut self, op: &Operation, here: &OpRef) -> bool {
        let touched = touches(&op.change, &self.work);
        // Only an element another preset left can clash. When there is none, the operation
        // runs on the dataset itself (`execute` changes nothing when it misses): a trial
        // copy per operation made a long preset quadratic.
        let may_clash = touched.iter().any(|e| {
            self.touched
                .get(e)
                .is_some_and(|t| t.op.preset != here.preset)
        });
        if !may_clash {
            return match execute(&op.change, &mut self.work) {
                Ok(()) => {
                    for element in touched {
                        let left = state(&self.work, &element);
                        self.touched.insert(
                            element,
                            Touch {
                                op: here.clone(),
                                state: left,
                            },
                        );
                    }
                    true
                }
                Err(miss) => {
                    self.miss(op, here, *miss);
                    false
                }
            };
        }
        let mut trial = self.work.clone();
        match execute(&op.change, &mut trial) {
            Ok(()) => {
                let mut clash = false;
                for element in &touched {
                    let now = state(&trial, element);
                    if let Some(t) = self.touched.get(element)
                        && t.op.preset != here.preset
                        && t.state != now
                    {
                        let reason = match (t.state.present(), now.present()) {
                            (true, true) => {
                                format!("{} and {} change it differently", t.op.preset, here.preset)
                            }
                            (true, false) => {
                                format!("{} removes what {} sets", here.preset, t.op.preset)
                            }
                            _ => format!("{} sets what {} removes", here.preset, t.op.preset),
                        };
                        self.conflicts.push(Conflict {
                            element: element.clone(),
                            first: t.op.clone(),
                            second: here.clone(),
                            reason,
                        });
                        clash = true;
                    }
                }
                if clash {
                    return false;
                }
                for element in touched {
                    let left = state(&trial, &element);
                    self.touched.insert(
                        element,
                        Touch {
                            op: here.clone(),
                            state: left,
                        },
                    );
                }
                self.work = trial;
                true
            }
            Err(miss) => {
                self.miss(op, here, *miss);
                false
            }
        }
    }

    /// An operation that did not apply: a conflict when an earlier preset left its element
    /// as it is (unless it made the same change), otherwise an error of the operation.
    fn miss(&mut self, op: &Operation, here: &OpRef, miss: Miss) {
        if let Some(t) = self.touched.get(&miss.element)
            && t.op.preset != here.preset
        {
            // The same change made twice is no conflict, anything else is.
            if intended(&op.change).is_some_and(|(el, left)| el == miss.element && left == t.state)
            {
                return;
            }
            self.conflicts.push(Conflict {
                element: miss.element.clone(),
                first: t.op.clone(),
                second: here.clone(),
                reason: format!("after {}, {}", t.op.preset, miss.message),
            });
        } else {
            self.errors.push(OpError {
                op: Some(here.clone()),
                code: miss.code,
                message: miss.message,
                help: miss.help,
                field: miss.field.map(|f| format!("{}.{f}", here.path)),
            });
        }
    }

    /// What the presets applied so far reach: every body an operation touched (its
    /// attributes, channels, edges from or to it) or names, and `None` for the principals.
    /// Two presets that reach nothing in common change disjoint parts of the dataset.
    pub(super) fn reach(&self, preset: &Preset) -> BTreeSet<Option<BodyId>> {
        let mut out = BTreeSet::new();
        for element in self.touched.keys() {
            match element {
                Element::Body(id) | Element::Attribute(id, _) | Element::Channel(id, _) => {
                    out.insert(Some(id.clone()));
                }
                Element::Edge((from, _, to, _)) => {
                    out.insert(Some(from.clone()));
                    out.insert(Some(to.clone()));
                }
                _ => {
                    out.insert(None);
                }
            }
        }
        for op in &preset.operations {
            for (id, _, _) in names_in(&op.change) {
                out.insert(Some(id));
            }
        }
        out
    }

    /// The bodies and channels an operation names must exist once its preset is applied (a
    /// preset may add a body after a channel that names it).
    fn references(&mut self, op: &Operation, here: &OpRef) {
        for (id, field, what) in names_in(&op.change) {
            if self.work.body(&id).is_some() {
                continue;
            }
            let element = Element::Body(id.clone());
            match self.touched.get(&element) {
                Some(t) if t.op.preset != here.preset => self.conflicts.push(Conflict {
                    element,
                    first: t.op.clone(),
                    second: here.clone(),
                    reason: format!(
                        "{} names `{id}`, which {} removes",
                        here.preset, t.op.preset
                    ),
                }),
                _ => {
                    let hint = did_you_mean(&id, self.work.bodies.iter().map(|b| b.id.as_str()));
                    self.errors.push(OpError {
                        op: Some(here.clone()),
                        code: "unknown-id",
                        message: format!("unknown body `{id}` (as {what})"),
                        help: hint.map(|h| format!("did you mean `{h}`?")),
                        field: Some(format!("{}.{field}", here.path)),
                    });
                }
            }
        }
        if let Change::AddEdge(e) = &op.change
            && let (Some(c), Some(target)) = (&e.channel, self.work.body(&e.to))
            && target.channel(c).is_none()
        {
            let element = Element::Channel(e.to.clone(), c.clone());
            match self.touched.get(&element) {
                Some(t) if t.op.preset != here.preset => self.conflicts.push(Conflict {
                    element,
                    first: t.op.clone(),
                    second: here.clone(),
                    reason: format!(
                        "{} covers a channel that {} removes",
                        here.preset, t.op.preset
                    ),
                }),
                _ => {
                    let ids: Vec<&str> = target.channels.iter().map(|c| c.id.as_str()).collect();
                    self.errors.push(OpError {
                        op: Some(here.clone()),
                        code: "unknown-channel",
                        message: format!("`{}` has no channel `{c}`", e.to),
                        help: Some(match did_you_mean(c, ids.iter().copied()) {
                            Some(s) => format!("did you mean `{s}`?"),
                            None => format!("channels of `{}`: {}", e.to, ids.join(", ")),
                        }),
                        field: Some(format!("{}.channel", here.path)),
                    });
                }
            }
        }
    }

    /// Validates the reformed dataset and lays each problem at the door of the operations
    /// that touched its elements.
    fn revalidate(&mut self) {
        self.unfilled();
        for Problem {
            code,
            message,
            elements,
            ..
        } in reach::check(&self.work)
        {
            let mut blamed: Vec<&OpRef> = elements
                .iter()
                .filter_map(|e| self.touched.get(e).map(|t| &t.op))
                .collect();
            blamed.sort_by_key(|op| (self.rank(&op.preset), op.index));
            let presets: BTreeSet<&str> = blamed.iter().map(|op| op.preset.as_str()).collect();
            match (blamed.first(), blamed.last(), presets.len()) {
                (Some(first), Some(last), n) if n > 1 => {
                    let element = elements
                        .iter()
                        .find(|e| self.touched.get(*e).is_some_and(|t| t.op == **last))
                        .or(elements.first())
                        .cloned()
                        .unwrap_or(Element::Principals);
                    self.conflicts.push(Conflict {
                        element,
                        first: (*first).clone(),
                        second: (*last).clone(),
                        reason: message,
                    });
                }
                (_, last, _) => self.errors.push(OpError {
                    op: last.map(|op| (*op).clone()),
                    code,
                    message,
                    help: help_for(code),
                    field: None,
                }),
            }
        }
    }

    /// A body the baseline fills but the reforms leave without a channel would count as a
    /// principal nobody fills: the head of state would then hold none of a court whose every
    /// channel he lost the right to fill, though nobody else gained it.
    fn unfilled(&mut self) {
        let found: Vec<OpError> = self
            .work
            .bodies
            .iter()
            .filter(|b| b.channels.is_empty() && self.filled.contains(&b.id))
            .map(|b| OpError {
                op: self
                    .touched
                    .iter()
                    .filter(|(e, _)| matches!(e, Element::Channel(id, _) if *id == b.id))
                    .map(|(_, t)| &t.op)
                    .max_by_key(|op| (self.rank(&op.preset), op.index))
                    .cloned(),
                code: "no-channels",
                message: format!(
                    "the reforms remove every channel of `{}`: nobody would fill it, and it would count as a principal of its own",
                    b.id
                ),
                help: Some(
                    "remove the body as well (`remove_body`), or add the channels that fill it under the reform".to_string(),
                ),
                field: None,
            })
            .collect();
        self.errors.extend(found);
    }

    fn rank(&self, preset: &str) -> usize {
        self.set
            .presets
            .iter()
            .position(|p| p.id == preset)
            .unwrap_or(usize::MAX)
    }
}

/// The elements an operation touches, read on the dataset before it.
fn touches(change: &Change, d: &Dataset) -> Vec<Element> {
    let attributes = |id: &str| -> Vec<Element> {
        BODY_FIELDS
            .iter()
            .map(|f| Element::Attribute(id.to_string(), f.to_string()))
            .collect()
    };
    let channels = |id: &str| -> Vec<Element> {
        d.body(id)
            .map(|b| {
                b.channels
                    .iter()
                    .map(|c| Element::Channel(id.to_string(), c.id.clone()))
                    .collect()
            })
            .unwrap_or_default()
    };
    match change {
        Change::AddBody(b) => std::iter::once(Element::Body(b.id.clone()))
            .chain(attributes(&b.id))
            .chain(
                b.channels
                    .iter()
                    .map(|c| Element::Channel(b.id.clone(), c.id.clone())),
            )
            .collect(),
        Change::RemoveBody { id } => std::iter::once(Element::Body(id.clone()))
            .chain(attributes(id))
            .chain(channels(id))
            .collect(),
        Change::RenameBody { id, to } => {
            let mut out: Vec<Element> = [Element::Body(id.clone()), Element::Body(to.clone())]
                .into_iter()
                .chain(attributes(id))
                .chain(attributes(to))
                .chain(channels(id))
                .collect();
            out.extend(channels(id).into_iter().filter_map(|c| match c {
                Element::Channel(_, c) => Some(Element::Channel(to.clone(), c)),
                _ => None,
            }));
            for b in &d.bodies {
                for c in &b.channels {
                    if c.steps.iter().any(|s| &s.actor == id) {
                        out.push(Element::Channel(b.id.clone(), c.id.clone()));
                    }
                }
            }
            for e in &d.edges {
                if &e.from == id || &e.to == id {
                    let mut renamed = e.key();
                    if &renamed.0 == id {
                        renamed.0 = to.clone();
                    }
                    if &renamed.2 == id {
                        renamed.2 = to.clone();
                    }
                    out.push(Element::Edge(e.key()));
                    out.push(Element::Edge(renamed));
                }
            }
            if d.principals.as_ref().is_some_and(|p| p.contains(id)) {
                out.push(Element::Principals);
            }
            out
        }
        Change::ChangeBody { id, set, .. } => set
            .fields()
            .into_iter()
            .map(|(f, _)| Element::Attribute(id.clone(), f.to_string()))
            .collect(),
        Change::AddChannel { body, channel } => {
            vec![Element::Channel(body.clone(), channel.id.clone())]
        }
        Change::RemoveChannel { body, channel } | Change::ChangeChannel { body, channel, .. } => {
            vec![Element::Channel(body.clone(), channel.clone())]
        }
        Change::AddEdge(e) => vec![Element::Edge(e.key())],
        Change::RemoveEdge { key } | Change::ChangeEdge { key, .. } => {
            vec![Element::Edge(key.clone())]
        }
        Change::SetPrincipals(_) => vec![Element::Principals],
    }
}

/// What an adding or removing operation means to leave, to recognise the same change made by
/// two presets.
fn intended(change: &Change) -> Option<(Element, ElementState)> {
    Some(match change {
        Change::AddBody(b) => (
            Element::Body(b.id.clone()),
            ElementState::Body(Some(b.clone())),
        ),
        Change::RemoveBody { id } => (Element::Body(id.clone()), ElementState::Body(None)),
        Change::AddChannel { body, channel } => (
            Element::Channel(body.clone(), channel.id.clone()),
            ElementState::Channel(Some(channel.clone())),
        ),
        Change::RemoveChannel { body, channel } => (
            Element::Channel(body.clone(), channel.clone()),
            ElementState::Channel(None),
        ),
        Change::AddEdge(e) => (Element::Edge(e.key()), ElementState::Edge(Some(e.clone()))),
        Change::RemoveEdge { key } => (Element::Edge(key.clone()), ElementState::Edge(None)),
        _ => return None,
    })
}

/// Body ids an operation names beyond its target, with the field that names each.
fn names_in(change: &Change) -> Vec<(BodyId, String, &'static str)> {
    let steps = |prefix: &str, steps: &[Step]| -> Vec<(BodyId, String, &'static str)> {
        steps
            .iter()
            .enumerate()
            .map(|(k, s)| {
                (
                    s.actor.clone(),
                    format!("{prefix}steps[{k}].actor"),
                    "actor",
                )
            })
            .collect()
    };
    match change {
        Change::AddBody(b) => b
            .channels
            .iter()
            .enumerate()
            .flat_map(|(j, c)| steps(&format!("channels[{j}]."), &c.steps))
            .collect(),
        Change::AddChannel { channel, .. } => steps("", &channel.steps),
        Change::ChangeChannel { set, .. } => set
            .steps
            .as_deref()
            .map(|s| steps("", s))
            .unwrap_or_default(),
        Change::AddEdge(e) => vec![
            (e.from.clone(), "from".to_string(), "edge source"),
            (e.to.clone(), "to".to_string(), "edge target"),
        ],
        Change::SetPrincipals(Some(list)) => list
            .iter()
            .enumerate()
            .map(|(k, p)| (p.clone(), format!("principals[{k}]"), "principal"))
            .collect(),
        _ => Vec::new(),
    }
}

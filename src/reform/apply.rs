//! Applying presets to a dataset, detecting conflicts between them, and checking a preset file
//! against a dataset.
//!
//! Presets apply in file order, operation by operation, to a copy of the baseline. A ledger
//! remembers, for every element an operation touched (a body, an attribute, a channel, an
//! edge, the principals), which operation touched it last and what it left there. When an
//! operation of one preset touches an element another preset touched, and leaves it in a
//! different state, the two conflict; identical changes do not. After the last preset the
//! dataset is validated again (`model::validate`) and each problem is laid at the door of the
//! operations that touched its elements: one preset's, a failure of that preset; two presets',
//! a conflict between them.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use super::{BODY_FIELDS, Change, Operation, Preset, PresetSet};
use crate::analysis::reach;
use crate::diag::{Diagnostic, FileReport, did_you_mean, line_col};
use crate::model::load::ATTRIBUTES;
use crate::model::validate::{Problem, edge_label};
use crate::model::{Body, BodyId, Channel, Dataset, Edge, Element};

/// An operation of a preset, as problems name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpRef {
    pub preset: String,
    /// 0-based position in the preset's operations.
    pub index: usize,
    /// The operation as one line of text.
    pub text: String,
    /// `file:line:column` of the operation, when the presets come from a file.
    pub location: Option<String>,
    pub(crate) path: String,
}

impl OpRef {
    fn new(set: &PresetSet, preset: &Preset, index: usize, op: &Operation) -> OpRef {
        OpRef {
            preset: preset.id.clone(),
            index,
            text: op.to_string(),
            location: locate(set, &op.path),
            path: op.path.clone(),
        }
    }
}

impl fmt::Display for OpRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} operation {}", self.preset, self.index + 1)?;
        if let Some(l) = &self.location {
            write!(f, " ({l})")?;
        }
        write!(f, ": {}", self.text)
    }
}

fn locate(set: &PresetSet, path: &str) -> Option<String> {
    let span = set.spans.nearest_head(path, &set.text)?;
    let (line, col) = line_col(&set.text, span.start);
    Some(format!("{}:{line}:{col}", set.path))
}

/// Two active presets that touch the same element and leave it in different states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub element: Element,
    /// The operation applied first (its preset comes earlier in the file).
    pub first: OpRef,
    pub second: OpRef,
    pub reason: String,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} and {} conflict over {}: {}. {}; {}",
            self.first.preset,
            self.second.preset,
            self.element,
            self.reason,
            self.first,
            self.second
        )
    }
}

/// An operation that does not apply to the dataset, or a reformed dataset that breaks a rule
/// of the model because of one preset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The operation at fault; `None` only if the baseline itself is invalid.
    pub op: Option<OpRef>,
    /// A stable short name (`no-such-edge`, `seats-mismatch`, ...), as the loader's.
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
    /// The path of the offending value, when it is narrower than the operation.
    pub(crate) field: Option<String>,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(op) = &self.op {
            write!(f, "{op}: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(h) = &self.help {
            write!(f, " ({h})")?;
        }
        Ok(())
    }
}

/// Why a set of presets cannot be applied to a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReformError {
    /// An active id names no preset of the set.
    UnknownPreset {
        id: String,
        suggestion: Option<String>,
        /// The dataset the set is for.
        dataset: String,
        known: Vec<String>,
    },
    /// The presets were written for another dataset.
    WrongDataset {
        file: String,
        expected: String,
        found: String,
    },
    /// Conflicts between active presets, and operations that do not apply, in the order they
    /// were met.
    Invalid {
        conflicts: Vec<Conflict>,
        failures: Vec<Failure>,
    },
}

impl fmt::Display for ReformError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReformError::UnknownPreset {
                id,
                suggestion,
                dataset,
                known,
            } => {
                if known.is_empty() {
                    return write!(
                        f,
                        "no reform presets apply to dataset `{dataset}`, so there is no `{id}`"
                    );
                }
                write!(f, "no reform preset `{id}` for dataset `{dataset}`")?;
                if let Some(s) = suggestion {
                    write!(f, "; did you mean `{s}`?")?;
                }
                write!(f, " (presets: {})", known.join(", "))
            }
            ReformError::WrongDataset {
                file,
                expected,
                found,
            } => write!(
                f,
                "the presets of {file} apply to dataset `{expected}`, not `{found}`"
            ),
            ReformError::Invalid {
                conflicts,
                failures,
            } => {
                let lines: Vec<String> = conflicts
                    .iter()
                    .map(|c| c.to_string())
                    .chain(failures.iter().map(|x| x.to_string()))
                    .collect();
                f.write_str(&lines.join("\n"))
            }
        }
    }
}

impl std::error::Error for ReformError {}

impl ReformError {
    /// The problems as located diagnostics against the preset file of `set`, for rendering
    /// with the offending lines.
    pub fn diagnostics(&self, set: &PresetSet) -> Vec<Diagnostic> {
        let head = |path: &str| set.spans.nearest_head(path, &set.text);
        match self {
            ReformError::UnknownPreset {
                id,
                suggestion,
                dataset,
                known,
            } if !known.is_empty() => vec![
                Diagnostic::error(
                    "unknown-preset",
                    format!("no reform preset `{id}` for dataset `{dataset}`"),
                )
                .help_maybe(suggestion.as_ref().map(|s| format!("did you mean `{s}`?")))
                .note(format!("presets: {}", known.join(", "))),
            ],
            ReformError::UnknownPreset { .. } => {
                vec![Diagnostic::error("unknown-preset", self.to_string())]
            }
            ReformError::WrongDataset { .. } => vec![
                Diagnostic::error("wrong-dataset", self.to_string())
                    .at(set.spans.value("dataset"), "the presets' dataset")
                    .note("choose the dataset with --data, or write the presets for this one"),
            ],
            ReformError::Invalid {
                conflicts,
                failures,
            } => {
                let mut out = Vec::new();
                for c in conflicts {
                    out.push(
                        Diagnostic::error(
                            "reform-conflict",
                            format!(
                                "presets {} and {} conflict over {}",
                                c.first.preset, c.second.preset, c.element
                            ),
                        )
                        .at(head(&c.second.path), format!("{} changes it here", c.second.preset))
                        .note(c.reason.clone())
                        .note(format!("first: {}", c.first))
                        .note(format!("then: {}", c.second))
                        .note("presets that touch the same element differently cannot be active together"),
                    );
                }
                for x in failures {
                    let span = x
                        .field
                        .as_deref()
                        .and_then(|p| set.spans.value(p))
                        .or_else(|| x.op.as_ref().and_then(|op| head(&op.path)));
                    let message = match &x.op {
                        Some(op) => format!("preset {}: {}", op.preset, x.message),
                        None => x.message.clone(),
                    };
                    let mut d = Diagnostic::error(x.code, message)
                        .at(span, "does not apply")
                        .help_maybe(x.help.clone());
                    if let Some(op) = &x.op {
                        d = d.note(format!("in {op}"));
                    }
                    out.push(d);
                }
                out
            }
        }
    }

    /// [`ReformError::diagnostics`] as a report on the set's file.
    pub fn report(&self, set: &PresetSet) -> FileReport {
        FileReport {
            path: set.path.clone(),
            text: set.text.clone(),
            diagnostics: self.diagnostics(set),
        }
    }
}

/// The baseline with the `active` presets of `set` applied in file order (whatever order
/// `active` lists them in), then validated again. The baseline is never changed: switching a
/// preset off means applying the others to the baseline again.
pub fn apply(
    baseline: &Dataset,
    set: &PresetSet,
    active: &[String],
) -> Result<Dataset, ReformError> {
    if active.is_empty() {
        return Ok(baseline.clone());
    }
    if set.dataset != baseline.meta.id && !set.is_empty() {
        return Err(ReformError::WrongDataset {
            file: set.path.clone(),
            expected: set.dataset.clone(),
            found: baseline.meta.id.clone(),
        });
    }
    let order = set.order(active)?;
    let mut engine = Engine {
        set,
        work: baseline.clone(),
        ledger: HashMap::new(),
        conflicts: Vec::new(),
        failures: Vec::new(),
    };
    for id in &order {
        if let Some(preset) = set.get(id) {
            engine.preset(preset);
        }
    }
    if engine.conflicts.is_empty() && engine.failures.is_empty() {
        engine.revalidate();
    }
    if engine.conflicts.is_empty() && engine.failures.is_empty() {
        Ok(engine.work)
    } else {
        Err(ReformError::Invalid {
            conflicts: engine.conflicts,
            failures: engine.failures,
        })
    }
}

/// Checks a preset file against the dataset it is for: each preset must apply to the
/// baseline on its own (errors), and pairs that cannot be active together are reported
/// (warnings). The report is on the set's file, with every problem located.
pub fn check(set: &PresetSet, baseline: &Dataset) -> FileReport {
    let mut report = FileReport {
        path: set.path.clone(),
        text: set.text.clone(),
        diagnostics: Vec::new(),
    };
    if set.dataset != baseline.meta.id {
        let e = ReformError::WrongDataset {
            file: set.path.clone(),
            expected: set.dataset.clone(),
            found: baseline.meta.id.clone(),
        };
        report.diagnostics = e.diagnostics(set);
        return report;
    }
    let mut alone = Vec::new();
    for p in &set.presets {
        match apply(baseline, set, std::slice::from_ref(&p.id)) {
            Ok(_) => alone.push(p.id.clone()),
            Err(e) => report.diagnostics.extend(e.diagnostics(set)),
        }
    }
    for (i, a) in alone.iter().enumerate() {
        for b in &alone[i + 1..] {
            if let Err(e) = apply(baseline, set, &[a.clone(), b.clone()]) {
                for mut d in e.diagnostics(set) {
                    d.level = crate::diag::Level::Warning;
                    d.message = if d.code == "reform-conflict" {
                        format!("{}: they cannot be active together", d.message)
                    } else {
                        format!("with {a} and {b} active, {}", d.message)
                    };
                    report.diagnostics.push(d);
                }
            }
        }
    }
    report
}

/// What an operation left in an element: compared between presets to tell a conflict from
/// the same change made twice.
#[derive(Debug, Clone, PartialEq)]
enum Effect {
    Body(Option<Body>),
    Attribute(Option<String>),
    Channel(Option<Channel>),
    Edge(Option<Edge>),
    Principals(Option<Vec<BodyId>>),
}

impl Effect {
    fn present(&self) -> bool {
        match self {
            Effect::Body(x) => x.is_some(),
            Effect::Attribute(x) => x.is_some(),
            Effect::Channel(x) => x.is_some(),
            Effect::Edge(x) => x.is_some(),
            Effect::Principals(_) => true,
        }
    }
}

fn state(d: &Dataset, element: &Element) -> Effect {
    match element {
        Element::Body(id) => Effect::Body(d.body(id).cloned()),
        Element::Attribute(id, name) => {
            Effect::Attribute(d.body(id).map(|b| attribute_text(b, name)))
        }
        Element::Channel(id, c) => Effect::Channel(d.body(id).and_then(|b| b.channel(c)).cloned()),
        Element::Edge(key) => Effect::Edge(d.edges.iter().find(|e| &e.key() == key).cloned()),
        Element::Principals => Effect::Principals(d.principals.clone()),
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
pub(crate) fn attribute_value(b: &Body, name: &str) -> String {
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

/// Why an operation could not be carried out, and which element stood in its way.
struct Miss {
    code: &'static str,
    message: String,
    help: Option<String>,
    element: Element,
    /// The operation's field the problem is in (`id`, `body`, ...), if narrower than the
    /// operation (an edge is named by several fields).
    field: Option<&'static str>,
}

struct Touch {
    op: OpRef,
    effect: Effect,
}

struct Engine<'a> {
    set: &'a PresetSet,
    work: Dataset,
    ledger: HashMap<Element, Touch>,
    conflicts: Vec<Conflict>,
    failures: Vec<Failure>,
}

impl Engine<'_> {
    fn preset(&mut self, preset: &Preset) {
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
        let mut trial = self.work.clone();
        match execute(&op.change, &mut trial) {
            Ok(()) => {
                let mut clash = false;
                for element in &touched {
                    let effect = state(&trial, element);
                    if let Some(t) = self.ledger.get(element)
                        && t.op.preset != here.preset
                        && t.effect != effect
                    {
                        let reason = match (t.effect.present(), effect.present()) {
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
                    let effect = state(&trial, &element);
                    self.ledger.insert(
                        element,
                        Touch {
                            op: here.clone(),
                            effect,
                        },
                    );
                }
                self.work = trial;
                true
            }
            Err(miss) => {
                if let Some(t) = self.ledger.get(&miss.element)
                    && t.op.preset != here.preset
                {
                    // The element is as it is because of an earlier preset: the same change
                    // made twice is no conflict, anything else is.
                    if intended(&op.change)
                        .is_some_and(|(el, eff)| el == miss.element && eff == t.effect)
                    {
                        return false;
                    }
                    self.conflicts.push(Conflict {
                        element: miss.element.clone(),
                        first: t.op.clone(),
                        second: here.clone(),
                        reason: format!("after {}, {}", t.op.preset, miss.message),
                    });
                } else {
                    self.failures.push(Failure {
                        op: Some(here.clone()),
                        code: miss.code,
                        message: miss.message,
                        help: miss.help,
                        field: miss.field.map(|f| format!("{}.{f}", here.path)),
                    });
                }
                false
            }
        }
    }

    /// The bodies and channels an operation names must exist once its preset is applied (a
    /// preset may add a body after a channel that names it).
    fn references(&mut self, op: &Operation, here: &OpRef) {
        for (id, field, what) in names_in(&op.change) {
            if self.work.body(&id).is_some() {
                continue;
            }
            let element = Element::Body(id.clone());
            match self.ledger.get(&element) {
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
                    self.failures.push(Failure {
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
            match self.ledger.get(&element) {
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
                    self.failures.push(Failure {
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
        for Problem {
            code,
            message,
            elements,
            ..
        } in reach::check(&self.work)
        {
            let mut blamed: Vec<&OpRef> = elements
                .iter()
                .filter_map(|e| self.ledger.get(e).map(|t| &t.op))
                .collect();
            blamed.sort_by_key(|op| (self.rank(&op.preset), op.index));
            let presets: BTreeSet<&str> = blamed.iter().map(|op| op.preset.as_str()).collect();
            match (blamed.first(), blamed.last(), presets.len()) {
                (Some(first), Some(last), n) if n > 1 => {
                    let element = elements
                        .iter()
                        .find(|e| self.ledger.get(*e).is_some_and(|t| t.op == **last))
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
                (_, last, _) => self.failures.push(Failure {
                    op: last.map(|op| (*op).clone()),
                    code,
                    message,
                    help: help_for(code),
                    field: None,
                }),
            }
        }
    }

    fn rank(&self, preset: &str) -> usize {
        self.set
            .presets
            .iter()
            .position(|p| p.id == preset)
            .unwrap_or(usize::MAX)
    }
}

fn help_for(code: &str) -> Option<String> {
    Some(
        match code {
            "seats-mismatch" => "change the body's `seats` with `change_body`, or the channels' seats, so that they agree",
            "no-principal" => "every body must be filled, through its channels, from a principal such as the electorate",
            "unknown-id" => "a removed body must also be removed from every step, edge and principal list that names it",
            "unknown-channel" => "remove or change the edges that cover a removed channel",
            _ => return None,
        }
        .to_string(),
    )
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
fn intended(change: &Change) -> Option<(Element, Effect)> {
    Some(match change {
        Change::AddBody(b) => (Element::Body(b.id.clone()), Effect::Body(Some(b.clone()))),
        Change::RemoveBody { id } => (Element::Body(id.clone()), Effect::Body(None)),
        Change::AddChannel { body, channel } => (
            Element::Channel(body.clone(), channel.id.clone()),
            Effect::Channel(Some(channel.clone())),
        ),
        Change::RemoveChannel { body, channel } => (
            Element::Channel(body.clone(), channel.clone()),
            Effect::Channel(None),
        ),
        Change::AddEdge(e) => (Element::Edge(e.key()), Effect::Edge(Some(e.clone()))),
        Change::RemoveEdge { key } => (Element::Edge(key.clone()), Effect::Edge(None)),
        _ => return None,
    })
}

/// Body ids an operation names beyond its target, with the field that names each.
fn names_in(change: &Change) -> Vec<(BodyId, String, &'static str)> {
    let steps =
        |prefix: &str, steps: &[crate::model::Step]| -> Vec<(BodyId, String, &'static str)> {
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

fn no_body(d: &Dataset, id: &str, field: &'static str) -> Box<Miss> {
    Box::new(Miss {
        code: "unknown-id",
        message: format!("no body `{id}`"),
        help: did_you_mean(id, d.bodies.iter().map(|b| b.id.as_str()))
            .map(|s| format!("did you mean `{s}`?")),
        element: Element::Body(id.to_string()),
        field: Some(field),
    })
}

fn no_channel(b: &Body, id: &str) -> Box<Miss> {
    let ids: Vec<&str> = b.channels.iter().map(|c| c.id.as_str()).collect();
    Box::new(Miss {
        code: "no-such-channel",
        message: format!("`{}` has no channel `{id}`", b.id),
        help: Some(match did_you_mean(id, ids.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None if ids.is_empty() => format!("`{}` has no channels", b.id),
            None => format!("channels of `{}`: {}", b.id, ids.join(", ")),
        }),
        element: Element::Channel(b.id.clone(), id.to_string()),
        field: Some("id"),
    })
}

fn no_edge(d: &Dataset, key: &crate::model::EdgeKey) -> Box<Miss> {
    let (from, kind, to, _) = key;
    let between: Vec<String> = d
        .edges
        .iter()
        .filter(|e| &e.from == from && &e.to == to)
        .map(|e| edge_label(&e.key()))
        .collect();
    let help = if between.is_empty() {
        let kinds: Vec<String> = d
            .edges
            .iter()
            .filter(|e| &e.from == from && e.kind == *kind)
            .map(|e| e.to.clone())
            .collect();
        if kinds.is_empty() {
            format!("`{from}` has no edge to `{to}`")
        } else {
            format!("`{from}` has `{kind}` edges to: {}", kinds.join(", "))
        }
    } else {
        format!("edges from `{from}` to `{to}`: {}", between.join("; "))
    };
    Box::new(Miss {
        code: "no-such-edge",
        message: format!("there is no edge {}", edge_label(key)),
        help: Some(help),
        element: Element::Edge(key.clone()),
        field: None,
    })
}

/// An edge named with a misspelt body is better reported as an unknown body, with a suggestion.
fn endpoints(d: &Dataset, key: &crate::model::EdgeKey) -> Result<(), Box<Miss>> {
    for (id, field) in [(&key.0, "from"), (&key.2, "to")] {
        if d.body(id).is_none() {
            return Err(no_body(d, id, field));
        }
    }
    Ok(())
}

fn exists(element: Element, what: String, field: Option<&'static str>) -> Box<Miss> {
    Box::new(Miss {
        code: "already-exists",
        message: format!("{what} already exists"),
        help: Some("change it with a `change_` operation, or remove it first".to_string()),
        element,
        field,
    })
}

/// Carries out one operation on `d`, or says what stands in its way.
fn execute(change: &Change, d: &mut Dataset) -> Result<(), Box<Miss>> {
    match change {
        Change::AddBody(b) => {
            if d.body(&b.id).is_some() {
                return Err(exists(
                    Element::Body(b.id.clone()),
                    format!("body `{}`", b.id),
                    Some("id"),
                ));
            }
            d.bodies.push(b.clone());
        }
        Change::RemoveBody { id } => {
            let i = d
                .bodies
                .iter()
                .position(|b| &b.id == id)
                .ok_or_else(|| no_body(d, id, "id"))?;
            d.bodies.remove(i);
        }
        Change::RenameBody { id, to } => {
            if d.body(id).is_none() {
                return Err(no_body(d, id, "id"));
            }
            if d.body(to).is_some() {
                return Err(exists(
                    Element::Body(to.clone()),
                    format!("body `{to}`"),
                    Some("to"),
                ));
            }
            for b in &mut d.bodies {
                if &b.id == id {
                    b.id = to.clone();
                }
                for s in b.channels.iter_mut().flat_map(|c| c.steps.iter_mut()) {
                    if &s.actor == id {
                        s.actor = to.clone();
                    }
                }
            }
            for e in &mut d.edges {
                for end in [&mut e.from, &mut e.to] {
                    if end == id {
                        *end = to.clone();
                    }
                }
            }
            for p in d.principals.iter_mut().flatten() {
                if p == id {
                    *p = to.clone();
                }
            }
        }
        Change::ChangeBody { id, set, source } => {
            let Some(b) = d.body_mut(id) else {
                return Err(no_body(d, id, "id"));
            };
            if let Some(n) = &set.names {
                b.names = n.clone();
            }
            if let Some(x) = set.branch {
                b.branch = x;
            }
            if let Some(x) = set.role {
                b.role = Some(x);
            }
            if let Some(x) = set.seats {
                b.seats = x;
            }
            if let Some(x) = set.seats_nominal {
                b.seats_nominal = x;
            }
            if let Some(x) = set.independent {
                b.independent = x;
            }
            if let Some(x) = set.non_partisan {
                b.non_partisan = x;
            }
            if let Some(x) = set.relatives_ban {
                b.relatives_ban = x;
            }
            if let Some(x) = set.senior_post {
                b.senior_post = x;
            }
            if let Some(x) = set.term_years {
                b.term_years = Some(x);
            }
            if let Some(x) = set.registration {
                b.registration = Some(x);
            }
            if let Some(x) = &set.liability {
                b.liability = Some(x.clone());
            }
            if let Some(x) = set.confidence {
                b.confidence = x;
            }
            if let Some(x) = &set.note {
                b.note = x.clone();
            }
            // Flag rules cite an attribute's own source; what the body is and how many seats
            // it has is cited by the body's source, which then names the reform too.
            let mut structural = false;
            for (field, _) in set.fields() {
                if ATTRIBUTES.contains(&field) {
                    b.attribute_sources
                        .insert(field.to_string(), source.clone());
                } else if matches!(field, "name" | "branch" | "role" | "seats") {
                    structural = true;
                }
            }
            if structural && !b.source.contains(source.as_str()) {
                b.source = format!("{}; {source}", b.source);
            }
        }
        Change::AddChannel { body, channel } => {
            let Some(b) = d.body_mut(body) else {
                return Err(no_body(d, body, "body"));
            };
            if b.channel(&channel.id).is_some() {
                return Err(exists(
                    Element::Channel(body.clone(), channel.id.clone()),
                    format!("channel `{}` of `{body}`", channel.id),
                    Some("id"),
                ));
            }
            b.channels.push(channel.clone());
        }
        Change::RemoveChannel { body, channel } => {
            let Some(b) = d.body_mut(body) else {
                return Err(no_body(d, body, "body"));
            };
            let Some(i) = b.channels.iter().position(|c| &c.id == channel) else {
                return Err(no_channel(b, channel));
            };
            b.channels.remove(i);
        }
        Change::ChangeChannel { body, channel, set } => {
            let Some(b) = d.body_mut(body) else {
                return Err(no_body(d, body, "body"));
            };
            let Some(i) = b.channels.iter().position(|c| &c.id == channel) else {
                return Err(no_channel(b, channel));
            };
            let c = &mut b.channels[i];
            if let Some(x) = &set.label {
                c.label = x.clone();
            }
            if let Some(x) = set.seats {
                c.seats = x;
            }
            if let Some(x) = &set.steps {
                c.steps = x.clone();
            }
            if let Some(x) = set.mandate {
                c.mandate = x;
            }
            c.source = set.source.clone();
            if let Some(x) = set.confidence {
                c.confidence = x;
            }
            if let Some(x) = &set.note {
                c.note = x.clone();
            }
        }
        Change::AddEdge(e) => {
            if d.edges.iter().any(|x| x.key() == e.key()) {
                return Err(exists(
                    Element::Edge(e.key()),
                    format!("edge {}", edge_label(&e.key())),
                    None,
                ));
            }
            d.edges.push(e.clone());
        }
        Change::RemoveEdge { key } => {
            endpoints(d, key)?;
            let i = d
                .edges
                .iter()
                .position(|e| &e.key() == key)
                .ok_or_else(|| no_edge(d, key))?;
            d.edges.remove(i);
        }
        Change::ChangeEdge { key, set } => {
            endpoints(d, key)?;
            let Some(i) = d.edges.iter().position(|e| &e.key() == key) else {
                return Err(no_edge(d, key));
            };
            let e = &mut d.edges[i];
            if let Some(n) = set.after_refusals {
                e.after_refusals = Some(n);
            }
            if let Some(t) = &set.threshold {
                e.threshold = Some(t.clone());
            }
            e.source = set.source.clone();
            if let Some(c) = set.confidence {
                e.confidence = c;
            }
            if let Some(n) = &set.note {
                e.note = n.clone();
            }
        }
        Change::SetPrincipals(p) => d.principals = p.clone(),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::tiny_dataset;
    use crate::model::StepRole;
    use crate::reform::load_str;

    /// A preset file over the `tiny` dataset with one preset per line, from line 2.
    fn set(presets: &[(&str, &str)]) -> PresetSet {
        let mut text = String::from("(dataset: \"tiny\", title: \"t\", presets: [\n");
        for (id, ops) in presets {
            text.push_str(&format!(
                "(id: \"{id}\", title: (en: \"{id}\", ru: \"{id}\", kk: \"{id}\"), description: \"d\", operations: [{ops}]),\n"
            ));
        }
        text.push_str("])\n");
        load_str("t.ron", &text).unwrap_or_else(|e| panic!("{}", e.report))
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn invalid(e: ReformError) -> (Vec<Conflict>, Vec<Failure>) {
        match e {
            ReformError::Invalid {
                conflicts,
                failures,
            } => (conflicts, failures),
            other => panic!("{other}"),
        }
    }

    const TO_COUNCILS: &str = r#"change_channel(body: "court", id: "president_judges", steps: [(actor: "councils", role: appoint)], source: "s")"#;

    #[test]
    fn a_reform_changes_a_copy_and_never_the_baseline() {
        let base = tiny_dataset();
        let s = set(&[("A", TO_COUNCILS)]);
        let after = apply(&base, &s, &ids(&["A"])).unwrap();
        let steps = &after
            .body("court")
            .unwrap()
            .channel("president_judges")
            .unwrap()
            .steps;
        assert_eq!(
            (steps[0].actor.as_str(), steps[0].role),
            ("councils", StepRole::Appoint)
        );
        assert_eq!(steps.len(), 1);
        assert_eq!(base, tiny_dataset());
        assert_eq!(apply(&base, &s, &[]).unwrap(), base);
        assert_eq!(
            after
                .body("court")
                .unwrap()
                .channel("president_judges")
                .unwrap()
                .source,
            "s"
        );
    }

    #[test]
    fn the_same_change_twice_is_no_conflict_but_a_different_one_is() {
        let base = tiny_dataset();
        let s = set(&[
            (
                "A",
                r#"change_body(id: "court", non_partisan: true, source: "s")"#,
            ),
            (
                "B",
                r#"change_body(id: "court", non_partisan: true, source: "s")"#,
            ),
            (
                "C",
                r#"remove_edge(from: "president", kind: dismiss_at_will, to: "court", channel: "chair")"#,
            ),
            (
                "D",
                r#"remove_edge(from: "president", kind: dismiss_at_will, to: "court", channel: "chair")"#,
            ),
            (
                "E",
                r#"change_channel(body: "court", id: "chair", steps: [(actor: "senate", role: appoint)], source: "s")"#,
            ),
            (
                "F",
                r#"change_channel(body: "court", id: "chair", steps: [(actor: "councils", role: appoint)], source: "s")"#,
            ),
        ]);
        assert!(apply(&base, &s, &ids(&["A", "B", "C", "D"])).is_ok());
        // Listed in any order, presets apply in file order: E first.
        let (conflicts, failures) = invalid(apply(&base, &s, &ids(&["F", "E"])).unwrap_err());
        assert!(failures.is_empty(), "{failures:?}");
        assert_eq!(conflicts.len(), 1);
        let c = &conflicts[0];
        assert_eq!(c.element, Element::Channel("court".into(), "chair".into()));
        assert_eq!(
            (c.first.preset.as_str(), c.second.preset.as_str()),
            ("E", "F")
        );
        assert_eq!(c.first.location.as_deref(), Some("t.ron:6:78"));
        let text = c.to_string();
        assert!(
            text.starts_with(
                "E and F conflict over channel `chair` of `court`: E and F change it differently."
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "F operation 1 (t.ron:7:78): change channel court/chair: steps = councils appoint"
            ),
            "{text}"
        );
    }

    #[test]
    fn removing_what_another_preset_changes_or_names_is_a_conflict() {
        let base = tiny_dataset();
        let remove = r#"remove_body(id: "councils"), change_channel(body: "senate", id: "elected", steps: [(actor: "voters", role: elect)], source: "s"), set_principals(principals: ["voters", "president"])"#;
        let audit = r#"add_edge(from: "councils", kind: audits, to: "court", source: "s")"#;
        let s = set(&[
            (
                "A",
                r#"change_body(id: "councils", term_years: 5, source: "s")"#,
            ),
            ("B", remove),
            ("C", audit),
        ]);
        assert!(apply(&base, &s, &ids(&["B"])).is_ok());
        let (conflicts, _) = invalid(apply(&base, &s, &ids(&["A", "B"])).unwrap_err());
        assert_eq!(
            conflicts[0].element,
            Element::Attribute("councils".into(), "term_years".into())
        );
        assert_eq!(conflicts[0].reason, "B removes what A sets");
        // The removal first: the edge that names the removed body is found when it is added.
        let (conflicts, _) = invalid(apply(&base, &s, &ids(&["B", "C"])).unwrap_err());
        assert_eq!(conflicts[0].element, Element::Body("councils".into()));
        assert_eq!(conflicts[0].reason, "C names `councils`, which B removes");
        // The edge first: validating the result finds it, and blames both.
        let s = set(&[("C", audit), ("B", remove)]);
        let (conflicts, failures) = invalid(apply(&base, &s, &ids(&["B", "C"])).unwrap_err());
        assert!(failures.is_empty(), "{failures:?}");
        assert_eq!(
            (
                conflicts[0].first.preset.as_str(),
                conflicts[0].second.preset.as_str()
            ),
            ("C", "B")
        );
        assert!(
            conflicts[0]
                .reason
                .contains("names `councils`, which is not a body"),
            "{}",
            conflicts[0].reason
        );
    }

    #[test]
    fn operations_that_do_not_apply_are_located_with_a_suggestion() {
        let base = tiny_dataset();
        let s = set(&[
            (
                "A",
                r#"remove_edge(from: "president", kind: dissolve, to: "senate")"#,
            ),
            (
                "B",
                r#"change_body(id: "senat", independent: true, source: "s")"#,
            ),
            ("C", r#"change_body(id: "senate", seats: 12, source: "s")"#),
            ("D", r#"remove_body(id: "councils")"#),
            (
                "E",
                r#"remove_edge(from: "presidnet", kind: dismiss_at_will, to: "court", channel: "chair")"#,
            ),
        ]);
        let failure = |id: &str| {
            let e = apply(&base, &s, &ids(&[id])).unwrap_err();
            let rendered = e.report(&s).render(false);
            let (_, mut failures) = invalid(e);
            (failures.remove(0), rendered)
        };
        let (f, text) = failure("A");
        assert_eq!(f.code, "no-such-edge");
        assert!(
            text.contains(
                "edges from `president` to `senate`: president -dismiss_at_will-> senate/appointed"
            ),
            "{text}"
        );
        let (f, text) = failure("B");
        assert_eq!(f.code, "unknown-id");
        assert!(text.contains("t.ron:3:"), "{text}");
        assert!(text.contains("did you mean `senate`?"), "{text}");
        let (f, text) = failure("C");
        assert_eq!(f.code, "seats-mismatch");
        assert!(
            f.message
                .contains("add up to 10 seats (elected 8 + appointed 2), but the body has 12"),
            "{}",
            f.message
        );
        assert!(text.contains("preset C:"), "{text}");
        assert_eq!(f.op.as_ref().map(|o| o.preset.as_str()), Some("C"));
        let (f, text) = failure("E");
        assert_eq!(f.code, "unknown-id");
        assert!(text.contains("t.ron:6:96"), "{text}");
        assert!(text.contains("did you mean `president`?"), "{text}");
        let (f, _) = failure("D");
        assert_eq!(f.code, "unknown-id");
        assert!(
            f.message.contains("names `councils`, which is not a body"),
            "{}",
            f.message
        );
    }

    #[test]
    fn renaming_a_body_renames_every_reference() {
        let base = tiny_dataset();
        let s = set(&[("A", r#"rename_body(id: "senate", to: "upper_house")"#)]);
        let after = apply(&base, &s, &ids(&["A"])).unwrap();
        assert!(after.body("senate").is_none());
        let court = after.body("court").unwrap();
        assert_eq!(
            court.channel("chair").unwrap().steps[1].actor,
            "upper_house"
        );
        assert!(after.edges.iter().any(|e| e.to == "upper_house"));
    }

    #[test]
    fn presets_for_another_dataset_are_refused() {
        let s = set(&[("A", TO_COUNCILS)]);
        let kz = crate::data::default_dataset();
        let e = apply(&kz, &s, &ids(&["A"])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the presets of t.ron apply to dataset `tiny`, not `kz-2022`"
        );
        let e = apply(&tiny_dataset(), &s, &ids(&["a"])).unwrap_err();
        assert!(e.to_string().contains("did you mean `A`?"), "{e}");
    }

    #[test]
    fn check_reports_broken_presets_and_pairs_that_conflict() {
        let s = set(&[
            (
                "A",
                r#"change_channel(body: "court", id: "chair", steps: [(actor: "senate", role: appoint)], source: "s")"#,
            ),
            (
                "B",
                r#"change_channel(body: "court", id: "chair", steps: [(actor: "councils", role: appoint)], source: "s")"#,
            ),
            ("C", r#"remove_channel(body: "court", id: "vice_chair")"#),
        ]);
        let report = check(&s, &tiny_dataset());
        let found: Vec<(&str, String)> = report
            .diagnostics
            .iter()
            .map(|d| (d.code, report.location(d)))
            .collect();
        assert_eq!(
            found,
            vec![
                ("no-such-channel", "t.ron:4:112".to_string()),
                ("reform-conflict", "t.ron:3:78".to_string())
            ]
        );
        assert_eq!(report.errors(), 1);
        assert_eq!(
            report.diagnostics[1].message,
            "presets A and B conflict over channel `chair` of `court`: they cannot be active together"
        );
    }
}

//! What goes wrong when presets are applied, and how it is told: the operation a problem
//! names ([`OpRef`]), conflicts between presets ([`Conflict`]), operations that do not apply
//! ([`OpError`]), and [`ReformError`] with its located diagnostics on the preset file. The
//! executor reports a `Miss`; the ledger decides whether that is a conflict or an error.

use std::fmt;

use super::{Operation, Preset, PresetSet};
use crate::diag::{Diagnostic, FileReport, did_you_mean, line_col};
use crate::model::validate::edge_label;
use crate::model::{Body, Dataset, EdgeKey, Element};

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
    pub(super) fn new(set: &PresetSet, preset: &Preset, index: usize, op: &Operation) -> OpRef {
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
pub struct OpError {
    /// The operation at fault; `None` only if the baseline itself is invalid.
    pub op: Option<OpRef>,
    /// A stable short name (`no-such-edge`, `seats-mismatch`, ...), as the loader's.
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
    /// The path of the offending value, when it is narrower than the operation.
    pub(crate) field: Option<String>,
}

impl fmt::Display for OpError {
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
        errors: Vec<OpError>,
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
            ReformError::Invalid { conflicts, errors } => {
                let lines: Vec<String> = conflicts
                    .iter()
                    .map(|c| c.to_string())
                    .chain(errors.iter().map(|x| x.to_string()))
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
            ReformError::Invalid { conflicts, errors } => {
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
                for x in errors {
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

/// Why an operation could not be carried out, and which element stood in its way.
pub(super) struct Miss {
    pub(super) code: &'static str,
    pub(super) message: String,
    pub(super) help: Option<String>,
    pub(super) element: Element,
    /// The operation's field the problem is in (`id`, `body`, ...), if narrower than the
    /// operation (an edge is named by several fields).
    pub(super) field: Option<&'static str>,
}

pub(super) fn no_body(d: &Dataset, id: &str, field: &'static str) -> Box<Miss> {
    Box::new(Miss {
        code: "unknown-id",
        message: format!("no body `{id}`"),
        help: did_you_mean(id, d.bodies.iter().map(|b| b.id.as_str()))
            .map(|s| format!("did you mean `{s}`?")),
        element: Element::Body(id.to_string()),
        field: Some(field),
    })
}

pub(super) fn no_channel(b: &Body, id: &str) -> Box<Miss> {
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

pub(super) fn no_edge(d: &Dataset, key: &EdgeKey) -> Box<Miss> {
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

pub(super) fn exists(element: Element, what: String, field: Option<&'static str>) -> Box<Miss> {
    Box::new(Miss {
        code: "already-exists",
        message: format!("{what} already exists"),
        help: Some("change it with a `change_` operation, or remove it first".to_string()),
        element,
        field,
    })
}

/// Advice for a problem the revalidation finds, by its code, in terms of preset operations.
pub(super) fn help_for(code: &str) -> Option<String> {
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

//! Loading a preset file: RON text -> `RawPresetFile` -> `PresetSet`.
//!
//! Everything that can be checked without a dataset is checked here, with the dataset
//! loader's own checks (the `Validator` of `crate::diag`, with the conversions of
//! `model::load`): syntax, vocabulary words, missing sources, seat counts, the shape of each
//! channel. References to bodies, channels and edges are checked when the presets are applied
//! to a dataset ([`super::check`], [`super::apply`]).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use ron::extensions::Extensions;

use super::raw::{
    RawAddChannel, RawArticle, RawChangeBody, RawChangeChannel, RawChangeEdge, RawEdgeRef,
    RawOperation, RawPreset, RawPresetFile,
};
use super::{
    ArticleRef, BodyChanges, Change, ChannelChanges, EdgeChanges, Operation, Preset, PresetSet,
};
use crate::diag::read::{parse_ron_with, ron_options};
use crate::diag::{Diagnostic, FileReport, Found, SpanIndex, Validator, read_text};
use crate::model::LoadError;
use crate::model::prose;
use crate::model::raw::{RawChannel, RawNames, Word};
use crate::model::{Branch, Confidence, EdgeKind, Mandate, Names, Registration, Role};

/// Preset ids are short and may be upper case (`P5`), unlike body ids.
const MAX_PRESET_ID: usize = 32;

/// Reads and validates a preset file on its own (see [`super::check`] for the checks against
/// a dataset).
pub fn load_file(path: &Path) -> Result<PresetSet, LoadError> {
    let name = path.display().to_string();
    let mut set = match read_text(path) {
        Ok(text) => load_str(&name, &text)?,
        Err(report) => return Err(LoadError { report }),
    };
    let (prose, found) = prose::load_from_disk(&name, &set.text);
    translated(&mut set, prose, found)?;
    Ok(set)
}

/// Gives `set` the translations `prose`, or fails with the first catalogue that has errors.
pub(super) fn translated(
    set: &mut PresetSet,
    prose: prose::Prose,
    found: Vec<(crate::model::Lang, prose::Checked)>,
) -> Result<(), LoadError> {
    if let Some((_, bad)) = found.into_iter().find(|(_, c)| c.report.errors() > 0) {
        return Err(LoadError { report: bad.report });
    }
    set.translations = prose;
    Ok(())
}

/// Validates preset text; `path` names it in messages.
pub fn load_str(path: &str, text: &str) -> Result<PresetSet, LoadError> {
    let text = &*crate::diag::normalise_text(text);
    let mut report = FileReport {
        path: path.to_string(),
        text: text.to_string(),
        diagnostics: Vec::new(),
    };
    // Operations are written `add_edge(from: ...)`, without a second pair of parentheses
    // around the fields of the variant.
    let options = ron_options().with_default_extension(Extensions::UNWRAP_VARIANT_NEWTYPES);
    let code = |e: &ron::Error| match e {
        // The only enum of the format is the operation.
        ron::Error::NoSuchEnumVariant { .. } => "unknown-operation",
        _ => "syntax",
    };
    let raw: RawPresetFile = match parse_ron_with(text, options, code) {
        Ok(raw) => raw,
        Err(d) => {
            report.diagnostics.push(d);
            return Err(LoadError { report });
        }
    };
    let spans = SpanIndex::build(text);
    let mut v = Validator::new(&spans, text);
    v.duplicate_keys();
    let set = file(&mut v, raw);
    report.diagnostics = v.out;
    for d in &mut report.diagnostics {
        if d.code == "missing-source" {
            d.notes.push(
                "a reform cites the proposal and the article it would amend, e.g. `source: \"Proposal P5 of the source article (ART); would amend Constitution art. 50(2)\"`"
                    .to_string(),
            );
        }
    }
    match set {
        Some(mut set) if report.errors() == 0 => {
            set.path = path.to_string();
            set.text = text.to_string();
            set.spans = spans;
            Ok(set)
        }
        _ => {
            if report.errors() == 0 {
                // Every failure above pushes an error; this keeps the contract if one did not.
                report
                    .diagnostics
                    .push(Diagnostic::error("invalid", "the preset file is invalid"));
            }
            Err(LoadError { report })
        }
    }
}

fn file(v: &mut Validator, raw: RawPresetFile) -> Found<PresetSet> {
    let dataset = v.required_text(
        raw.dataset,
        "dataset",
        "the id of the dataset the presets apply to",
        "e.g. `dataset: \"kz-2022\"`",
    );
    if let Some(id) = &dataset {
        v.check_id(id, "dataset", "dataset id", true);
    }
    let title = v.required_text(raw.title, "title", "the file's title", "a one-line title");
    if raw.presets.is_empty() {
        let d = Diagnostic::error("no-presets", "the file has no presets")
            .at(v.at("presets"), "empty")
            .note("a preset file lists `presets: [(id: \"P1\", ...), ...]`");
        v.push(d);
    }
    let mut presets = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut failed = false;
    for (i, p) in raw.presets.iter().enumerate() {
        let path = format!("presets[{i}]");
        if let Some(id) = &p.id
            && let Some(first) = seen.insert(id.clone(), i)
        {
            let d = Diagnostic::error("duplicate-id", format!("preset id `{id}` is used twice"))
                .at(v.at(format!("{path}.id")), "second use")
                .note(format!("first used by presets[{first}]"));
            v.push(d);
            failed = true;
        }
        match preset(v, p, &path) {
            Some(p) => presets.push(p),
            None => failed = true,
        }
    }
    if failed {
        return None;
    }
    Some(PresetSet {
        path: String::new(),
        dataset: dataset?,
        title: title?,
        reference: raw.reference,
        presets,
        text: String::new(),
        spans: SpanIndex::default(),
        translations: Default::default(),
    })
}

fn preset(v: &mut Validator, p: &RawPreset, path: &str) -> Found<Preset> {
    let id = match &p.id {
        None => {
            v.missing(
                format!("{path}.id"),
                "a preset's id",
                "every preset needs a short id such as `P5`",
            );
            None
        }
        Some(id) => {
            let ok = !id.is_empty()
                && id.len() <= MAX_PRESET_ID
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if !ok {
                let d = Diagnostic::error("bad-id", format!("`{id}` is not a valid preset id"))
                    .at(v.at(format!("{path}.id")), "invalid id")
                    .note(format!(
                        "preset ids use Latin letters, digits, `_` and `-`, at most {MAX_PRESET_ID} characters, e.g. `P5`"
                    ));
                v.push(d);
            }
            ok.then(|| id.clone())
        }
    };
    let what = format!("preset `{}`", id.as_deref().unwrap_or("?"));
    let title = names(
        v,
        &p.title,
        &format!("{path}.title"),
        &format!("{what}'s title"),
    );
    let description = v.required_text(
        p.description.clone(),
        format!("{path}.description"),
        format!("{what}'s description"),
        "say what the reform changes and how the operations model it",
    );
    let article = match &p.article {
        None => Some(None),
        Some(a) => article(v, a, &format!("{path}.article"), &what).map(Some),
    };
    if p.operations.is_empty() {
        let d = Diagnostic::error("empty-preset", format!("{what} has no operations"))
            .at(
                v.at(format!("{path}.operations"))
                    .or_else(|| v.at(format!("{path}.id"))),
                "changes nothing",
            )
            .note("a preset lists `operations: [...]`, e.g. `remove_edge(from: \"president\", kind: dissolve, to: \"maslikhats\")`");
        v.push(d);
    }
    let mut operations = Vec::new();
    let mut ok = true;
    for (j, raw) in p.operations.iter().enumerate() {
        let opath = format!("{path}.operations[{j}]");
        match operation(v, raw, &opath) {
            Some(change) => operations.push(Operation {
                change,
                path: opath,
            }),
            None => ok = false,
        }
    }
    if !ok || p.operations.is_empty() {
        return None;
    }
    Some(Preset {
        id: id?,
        title: title?,
        article: article?,
        description: description?,
        assumptions: p.assumptions.clone(),
        operations,
        path: path.to_string(),
    })
}

fn names(v: &mut Validator, raw: &RawNames, path: &str, what: &str) -> Found<Names> {
    let mut found = Vec::new();
    for (lang, value) in [("en", &raw.en), ("ru", &raw.ru), ("kk", &raw.kk)] {
        found.push(v.required_text(
            value.clone(),
            format!("{path}.{lang}"),
            format!("{what} in `{lang}`"),
            "titles and names are given in English (en), Russian (ru) and Kazakh (kk)",
        ));
    }
    let [en, ru, kk] = <[Option<String>; 3]>::try_from(found).ok()?;
    Some(Names {
        en: en?,
        ru: ru?,
        kk: kk?,
    })
}

fn article(v: &mut Validator, a: &RawArticle, path: &str, what: &str) -> Found<ArticleRef> {
    let proposal = match a.proposal {
        Some(n) if (1..=1000).contains(&n) => u32::try_from(n).ok(),
        Some(n) => {
            let d = Diagnostic::error(
                "bad-article",
                format!("{what}: proposal number {n} is out of range"),
            )
            .at(v.at(format!("{path}.proposal")), "expected 1 or more");
            v.push(d);
            None
        }
        None => {
            v.missing(
                format!("{path}.proposal"),
                format!("{what}'s proposal number"),
                "e.g. `article: (proposal: 5)`",
            );
            None
        }
    };
    proposal.map(|proposal| ArticleRef { proposal })
}

/// A required id field of an operation.
fn required_id(v: &mut Validator, value: &Option<String>, path: &str, what: &str) -> Found<String> {
    v.required_text(
        value.clone(),
        path,
        what,
        "operations name bodies, channels and edges by their ids in the dataset",
    )
}

/// An optional vocabulary word: `Some(None)` when absent, `None` when unknown (reported).
fn word<T: Copy>(
    v: &mut Validator,
    value: &Option<Word>,
    path: &str,
    what: &str,
    code: &'static str,
    parse: fn(&str) -> Option<T>,
    names: &[&'static str],
) -> Found<Option<T>> {
    match value {
        None => Some(None),
        Some(w) => v.vocab(Some(w), path, what, code, parse, names).map(Some),
    }
}

fn edge_kind(v: &mut Validator, value: &Option<Word>, path: &str) -> Found<EdgeKind> {
    match value {
        None => {
            v.missing(
                path,
                "the edge's kind",
                format!("kinds: {}", EdgeKind::names().join(", ")),
            );
            None
        }
        Some(k) => v.vocab(
            Some(k),
            path,
            "edge kind",
            "unknown-kind",
            EdgeKind::parse,
            &EdgeKind::names(),
        ),
    }
}

fn operation(v: &mut Validator, raw: &RawOperation, path: &str) -> Found<Change> {
    let at = |field: &str| format!("{path}.{field}");
    match raw {
        RawOperation::AddBody(b) => {
            let Some(id) = &b.id else {
                v.missing(
                    at("id"),
                    "the new body's id",
                    "every body needs a stable id such as `constitutional_court`",
                );
                return None;
            };
            v.check_id(id, at("id"), "body id", false);
            v.body(b, path).map(Change::AddBody)
        }
        RawOperation::RemoveBody(r) => {
            required_id(v, &r.id, &at("id"), "the id of the body to remove")
                .map(|id| Change::RemoveBody { id })
        }
        RawOperation::RenameBody(r) => {
            let id = required_id(v, &r.id, &at("id"), "the id of the body to rename");
            let to = required_id(v, &r.to, &at("to"), "the body's new id");
            if let Some(to) = &to {
                v.check_id(to, at("to"), "body id", false);
            }
            Some(Change::RenameBody { id: id?, to: to? })
        }
        RawOperation::ChangeBody(c) => change_body(v, c, path),
        RawOperation::AddChannel(c) => add_channel(v, c, path),
        RawOperation::RemoveChannel(r) => {
            let body = required_id(v, &r.body, &at("body"), "the channel's body");
            let channel = required_id(v, &r.id, &at("id"), "the id of the channel to remove");
            Some(Change::RemoveChannel {
                body: body?,
                channel: channel?,
            })
        }
        RawOperation::ChangeChannel(c) => change_channel(v, c, path),
        RawOperation::AddEdge(e) => v.edge(e, path).map(Change::AddEdge),
        RawOperation::RemoveEdge(r) => edge_key(v, r, path).map(|key| Change::RemoveEdge { key }),
        RawOperation::ChangeEdge(c) => change_edge(v, c, path),
        RawOperation::SetPrincipals(p) => {
            if p.principals.is_empty() {
                let d = Diagnostic::error("empty-principals", "set_principals names no principal")
                    .at(v.at(at("principals")).or_else(|| v.at(path)), "empty list")
                    .note("to return to the default rule, write `default_principals`");
                v.push(d);
                return None;
            }
            let mut seen = HashSet::new();
            for (k, id) in p.principals.iter().enumerate() {
                if !seen.insert(id) {
                    let d = Diagnostic::error(
                        "duplicate-id",
                        format!("principal `{id}` is listed twice"),
                    )
                    .at(v.at(format!("{path}.principals[{k}]")), "second listing");
                    v.push(d);
                    return None;
                }
            }
            Some(Change::SetPrincipals(Some(p.principals.clone())))
        }
        RawOperation::DefaultPrincipals => Some(Change::SetPrincipals(None)),
    }
}

fn change_body(v: &mut Validator, c: &RawChangeBody, path: &str) -> Found<Change> {
    let at = |field: &str| format!("{path}.{field}");
    let id = required_id(v, &c.id, &at("id"), "the id of the body to change");
    let what = format!("the change of body `{}`", id.as_deref().unwrap_or("?"));
    let source = v.source(c.source.clone(), at("source"), &what);
    let names = match &c.name {
        None => Some(None),
        Some(n) => names(v, n, &at("name"), "the body's new name").map(Some),
    };
    let branch = word(
        v,
        &c.branch,
        &at("branch"),
        "branch",
        "unknown-branch",
        Branch::parse,
        &Branch::names(),
    );
    let role = word(
        v,
        &c.role,
        &at("role"),
        "body role",
        "unknown-body-role",
        Role::parse,
        &Role::names(),
    );
    let seats = match c.seats {
        None => Some(None),
        Some(n) => v.seats(Some(n), path, &what).map(Some),
    };
    let term_years = match c.term_years {
        Some(t) if !t.is_finite() || t <= 0.0 || t > 100.0 => {
            let d = Diagnostic::error("bad-term", format!("{what} sets a term of {t} years")).at(
                v.at(at("term_years")),
                "expected a number of years from 0 to 100",
            );
            v.push(d);
            None
        }
        t => Some(t),
    };
    let registration = word(
        v,
        &c.registration,
        &at("registration"),
        "registration regime",
        "unknown-registration",
        Registration::parse,
        &Registration::names(),
    );
    let liability = v.liability(c.liability.as_deref(), path);
    let confidence = word(
        v,
        &c.confidence,
        &at("confidence"),
        "confidence",
        "unknown-confidence",
        Confidence::parse,
        &Confidence::names(),
    );
    let set = BodyChanges {
        names: names?,
        branch: branch?,
        role: role?,
        seats: seats?,
        seats_nominal: c.seats_nominal,
        independent: c.independent,
        non_partisan: c.non_partisan,
        relatives_ban: c.relatives_ban,
        senior_post: c.senior_post,
        term_years: term_years?,
        registration: registration?,
        liability: liability?,
        confidence: confidence?,
        note: c.note.clone(),
    };
    if set.fields().is_empty() {
        let d = Diagnostic::error("empty-change", format!("{what} sets no attribute"))
            .at(v.head(path), "changes nothing")
            .note("set at least one attribute, e.g. `non_partisan: true`");
        v.push(d);
        return None;
    }
    Some(Change::ChangeBody {
        id: id?,
        set,
        source: source?,
    })
}

fn add_channel(v: &mut Validator, c: &RawAddChannel, path: &str) -> Found<Change> {
    let body = required_id(v, &c.body, &format!("{path}.body"), "the channel's body");
    let raw = RawChannel {
        id: c.id.clone(),
        label: c.label.clone(),
        seats: c.seats,
        steps: c.steps.clone(),
        mandate: c.mandate.clone(),
        source: c.source.clone(),
        confidence: c.confidence.clone(),
        note: c.note.clone(),
        alternatives: c.alternatives.clone(),
        layer: None,
    };
    let what = format!("body `{}`", body.as_deref().unwrap_or("?"));
    let channel = v.channel(&raw, path, &what);
    Some(Change::AddChannel {
        body: body?,
        channel: channel?,
    })
}

fn change_channel(v: &mut Validator, c: &RawChangeChannel, path: &str) -> Found<Change> {
    let at = |field: &str| format!("{path}.{field}");
    let body = required_id(v, &c.body, &at("body"), "the channel's body");
    let channel = required_id(v, &c.id, &at("id"), "the id of the channel to change");
    let what = format!(
        "the change of channel `{}` of `{}`",
        channel.as_deref().unwrap_or("?"),
        body.as_deref().unwrap_or("?")
    );
    let source = v.source(c.source.clone(), at("source"), &what);
    let seats = match c.seats {
        None => Some(None),
        Some(n) => v.seats(Some(n), path, &what).map(Some),
    };
    let steps = match &c.steps {
        None => Some(None),
        Some(raw) => v.steps(raw, path, &what).map(Some),
    };
    let alternatives = match &c.alternatives {
        None => Some(None),
        Some(raw) => {
            let errors = v.errors();
            let alts = v.channel_alternatives(raw, path);
            (v.errors() == errors).then_some(Some(alts))
        }
    };
    let mandate = word(
        v,
        &c.mandate,
        &at("mandate"),
        "mandate",
        "unknown-mandate",
        Mandate::parse,
        &Mandate::names(),
    );
    let confidence = word(
        v,
        &c.confidence,
        &at("confidence"),
        "confidence",
        "unknown-confidence",
        Confidence::parse,
        &Confidence::names(),
    );
    Some(Change::ChangeChannel {
        body: body?,
        channel: channel?,
        set: ChannelChanges {
            label: c.label.clone(),
            seats: seats?,
            steps: steps?,
            mandate: mandate?,
            source: source?,
            confidence: confidence?,
            note: c.note.clone(),
            alternatives: alternatives?,
        },
    })
}

fn edge_key(v: &mut Validator, r: &RawEdgeRef, path: &str) -> Found<crate::model::EdgeKey> {
    let from = required_id(v, &r.from, &format!("{path}.from"), "the edge's `from`");
    let kind = edge_kind(v, &r.kind, &format!("{path}.kind"));
    let to = required_id(v, &r.to, &format!("{path}.to"), "the edge's `to`");
    Some((from?, kind?, to?, r.channel.clone()))
}

fn change_edge(v: &mut Validator, c: &RawChangeEdge, path: &str) -> Found<Change> {
    let key = edge_key(
        v,
        &RawEdgeRef {
            from: c.from.clone(),
            kind: c.kind.clone(),
            to: c.to.clone(),
            channel: c.channel.clone(),
        },
        path,
    );
    let what = "the change of an edge";
    let source = v.source(c.source.clone(), format!("{path}.source"), what);
    let kind = key.as_ref().map(|k| k.1);
    let on_refusal = kind == Some(EdgeKind::DissolveOnRefusal);
    let errors = v.errors();
    // A refusal count and covers belong to a dissolution on refusal only; bars to either
    // dissolution. An unknown kind has been reported.
    let after_refusals = match (c.after_refusals, kind) {
        (Some(n), Some(_)) if on_refusal => v.refusals(n, format!("{path}.after_refusals"), what),
        (Some(n), Some(kind)) => {
            let d = Diagnostic::error(
                "bad-refusals",
                format!("after_refusals {n} on a `{kind}` edge"),
            )
            .at(
                v.at(format!("{path}.after_refusals")),
                "expected 1 to 100, on `dissolve_on_refusal` edges only",
            )
            .help_maybe((kind == EdgeKind::Dissolve).then(|| {
                "a dissolution on refusal is `kind: dissolve_on_refusal` with the `covers` it applies to".to_string()
            }));
            v.push(d);
            None
        }
        _ => None,
    };
    let covers = match (&c.covers, kind) {
        (Some(list), Some(_)) if on_refusal => v.covers(list, format!("{path}.covers")),
        (Some(_), Some(k)) => {
            v.misplaced(
                "bad-covers",
                "covers",
                k,
                format!("{path}.covers"),
                what,
                "`dissolve_on_refusal`",
            );
            None
        }
        _ => None,
    };
    if let (Some(_), Some(k)) = (&c.bars, kind)
        && !k.is_dissolution()
    {
        v.misplaced(
            "bad-bars",
            "bars",
            k,
            format!("{path}.bars"),
            what,
            "`dissolve` and `dissolve_on_refusal`",
        );
    }
    let alternatives = c
        .alternatives
        .as_ref()
        .map(|raw| v.edge_alternatives(raw, path, kind, on_refusal));
    let trigger_ok = v.errors() == errors;
    let confidence = word(
        v,
        &c.confidence,
        &format!("{path}.confidence"),
        "confidence",
        "unknown-confidence",
        Confidence::parse,
        &Confidence::names(),
    );
    Some(Change::ChangeEdge {
        key: key?,
        set: EdgeChanges {
            after_refusals: if trigger_ok {
                after_refusals
            } else {
                return None;
            },
            covers: if trigger_ok { covers } else { return None },
            bars: c.bars.clone(),
            alternatives,
            threshold: c.threshold.clone(),
            source: source?,
            confidence: confidence?,
            note: c.note.clone(),
        },
    })
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;

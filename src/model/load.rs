//! Loading and validating a dataset: RON text -> `RawDataset` -> `Dataset`.
//!
//! Every problem is collected, not just the first, and each carries the place in the file it
//! comes from (looked up in a `SpanIndex`), so that `bilik check` prints them all in one run.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::Path;

use ron::extensions::Extensions;

use super::diag::{Diagnostic, FileReport, did_you_mean, offset_of};
use super::raw::{RawBody, RawChannel, RawDataset, RawEdge, RawStep};
use super::spans::SpanIndex;
use super::*;

/// Larger files are refused before parsing: no real constitution needs this much, and the
/// bound keeps memory use in check whatever is thrown at the loader.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Seats of one body or channel; larger counts are surely a typo.
pub const MAX_SEATS: i64 = 1_000_000;
/// Nesting depth `ron` accepts; datasets need about 6.
const RECURSION_LIMIT: usize = 64;

/// A dataset that failed to load, with every problem found.
#[derive(Debug, Clone)]
pub struct LoadError {
    pub report: FileReport,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.report.errors();
        write!(
            f,
            "{}: {n} problem{} found",
            self.report.path,
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for LoadError {}

/// The outcome of checking one file: the dataset if it is valid, and every diagnostic.
#[derive(Debug, Clone)]
pub struct Checked {
    pub dataset: Option<Dataset>,
    pub report: FileReport,
}

/// Reads and validates a dataset file.
pub fn load_file(path: &Path) -> Result<Dataset, LoadError> {
    let checked = check_file(path);
    match checked.dataset {
        Some(d) => Ok(d),
        None => Err(LoadError {
            report: checked.report,
        }),
    }
}

/// Validates dataset text; `path` names it in messages.
pub fn load_str(path: &str, text: &str) -> Result<Dataset, LoadError> {
    let checked = check_str(path, text);
    match checked.dataset {
        Some(d) => Ok(d),
        None => Err(LoadError {
            report: checked.report,
        }),
    }
}

/// Reads a file within the size limit; the error is a one-line diagnostic report.
pub fn read_text(path: &Path) -> Result<String, FileReport> {
    let name = path.display().to_string();
    let fail = |message: String| FileReport {
        path: name.clone(),
        text: String::new(),
        diagnostics: vec![Diagnostic::error("unreadable", message)],
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read {name}: {e}")))?;
    if meta.is_dir() {
        return Err(fail(format!("{name} is a folder, not a dataset file")));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(format!(
            "{name} is {} bytes; datasets are limited to {MAX_FILE_BYTES} bytes",
            meta.len()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read {name}: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "{name} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

pub fn check_file(path: &Path) -> Checked {
    match read_text(path) {
        Ok(text) => check_str(&path.display().to_string(), &text),
        Err(report) => Checked {
            dataset: None,
            report,
        },
    }
}

/// The RON options every data file is read with: `Some(...)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// Parses RON text into `T`, turning a syntax error into a located diagnostic.
pub fn parse_ron<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Diagnostic> {
    parse_ron_with(text, ron_options(), |_| "syntax")
}

/// [`parse_ron`] with other RON options (reform files also unwrap variant newtypes), and the
/// diagnostic's code chosen by the kind of error (`syntax` for a dataset).
pub(crate) fn parse_ron_with<T: serde::de::DeserializeOwned>(
    text: &str,
    options: ron::Options,
    code: fn(&ron::Error) -> &'static str,
) -> Result<T, Diagnostic> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            "too-large",
            format!(
                "the text is {} bytes; data files are limited to {MAX_FILE_BYTES} bytes",
                text.len()
            ),
        ));
    }
    options.from_str(text).map_err(|e| {
        let start = offset_of(text, e.span.start.line, e.span.start.col);
        let end = offset_of(text, e.span.end.line, e.span.end.col).max(start + 1);
        Diagnostic::error(code(&e.code), format!("syntax error: {}", e.code))
            .at(Some(start..end.min(text.len().max(start))), "here")
            .help_maybe(syntax_help(&e.code))
    })
}

fn syntax_help(code: &ron::Error) -> Option<String> {
    if let ron::Error::NoSuchStructField {
        expected, found, ..
    } = code
    {
        return Some(match did_you_mean(found, expected.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the fields are: {}", expected.join(", ")),
        });
    }
    if let ron::Error::NoSuchEnumVariant {
        expected, found, ..
    } = code
    {
        return Some(match did_you_mean(found, expected.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("expected one of: {}", expected.join(", ")),
        });
    }
    let text = code.to_string();
    if text.contains("Expected identifier") {
        return Some("vocabulary words (branches, roles, kinds, confidence) are written without quotes, e.g. `role: appoint`".into());
    }
    if text.contains("Unexpected missing field") || text.contains("missing field") {
        Some("every field a struct needs is listed in docs/data-format.md".into())
    } else if text.contains("Unexpected field") || text.contains("unknown field") {
        Some("check the spelling of the field name against docs/data-format.md".into())
    } else if text.contains("Expected") && text.contains("string") {
        Some("ids, names and sources are written in double quotes".into())
    } else {
        None
    }
}

/// Parses and validates; never panics, whatever the text.
pub fn check_str(path: &str, text: &str) -> Checked {
    let mut report = FileReport {
        path: path.to_string(),
        text: text.to_string(),
        diagnostics: Vec::new(),
    };
    let raw: RawDataset = match parse_ron(text) {
        Ok(raw) => raw,
        Err(d) => {
            report.diagnostics.push(d);
            return Checked {
                dataset: None,
                report,
            };
        }
    };
    let spans = SpanIndex::build(text);
    let mut v = Validator::new(&spans, text);
    let dataset = v.dataset(raw);
    report.diagnostics = v.out;
    let ok = report.errors() == 0;
    Checked {
        dataset: if ok { dataset } else { None },
        report,
    }
}

/// Checks raw values and converts them into domain types, collecting every problem with its
/// place. The reform loader (`crate::reform`) checks the bodies, channels and edges of its
/// operations with these same methods.
pub(crate) struct Validator<'a> {
    spans: &'a SpanIndex,
    text: &'a str,
    pub(crate) out: Vec<Diagnostic>,
    /// Whether ids must name known bodies. A reform file is checked on its own, before any
    /// dataset is at hand, so its references are checked when it is applied.
    check_references: bool,
}

/// Keeps the first error of a run of checks, so that one bad field yields one message.
pub(crate) type Found<T> = Option<T>;

impl<'a> Validator<'a> {
    pub(crate) fn new(spans: &'a SpanIndex, text: &'a str) -> Self {
        Validator {
            spans,
            text,
            out: Vec::new(),
            check_references: true,
        }
    }

    /// A validator that leaves references to bodies unchecked.
    pub(crate) fn without_references(spans: &'a SpanIndex, text: &'a str) -> Self {
        Validator {
            check_references: false,
            ..Validator::new(spans, text)
        }
    }
}

impl Validator<'_> {
    pub(crate) fn at(&self, path: &str) -> Option<std::ops::Range<usize>> {
        self.spans
            .value(path)
            .or_else(|| self.spans.nearest_head(path, self.text))
    }

    /// The first line of the value at `path`, or of the closest enclosing value.
    pub(crate) fn head(&self, path: &str) -> Option<std::ops::Range<usize>> {
        self.spans.nearest_head(path, self.text)
    }

    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    pub(crate) fn missing(&mut self, path: &str, what: &str, why: &str) {
        let d = Diagnostic::error("missing-field", format!("{what} is missing"))
            .at(
                self.spans.nearest_head(path, self.text),
                format!("needs `{}`", last_segment(path)),
            )
            .note(why.to_string());
        self.push(d);
    }

    pub(crate) fn required_text(
        &mut self,
        value: Option<String>,
        path: &str,
        what: &str,
        why: &str,
    ) -> Found<String> {
        match value {
            Some(v) if !v.trim().is_empty() => Some(v),
            Some(_) => {
                let d = Diagnostic::error("empty-field", format!("{what} is empty"))
                    .at(self.at(path), "empty")
                    .note(why.to_string());
                self.push(d);
                None
            }
            None => {
                self.missing(path, what, why);
                None
            }
        }
    }

    pub(crate) fn source(
        &mut self,
        value: Option<String>,
        path: &str,
        what: &str,
    ) -> Found<String> {
        match value {
            Some(v) if !v.trim().is_empty() => Some(v),
            other => {
                let d = Diagnostic::error("missing-source", format!("{what} has no legal source"))
                    .at(
                        if other.is_some() { self.at(path) } else { self.spans.nearest_head(path, self.text) },
                        "unsourced",
                    )
                    .note("every seat channel and power edge must cite its legal basis, e.g. `source: \"Constitution art. 71(2)\"`");
                self.push(d);
                None
            }
        }
    }

    pub(crate) fn vocab<T: Copy>(
        &mut self,
        value: Option<&str>,
        path: &str,
        what: &str,
        code: &'static str,
        parse: fn(&str) -> Option<T>,
        names: &[&'static str],
    ) -> Found<T> {
        let value = value?;
        if let Some(v) = parse(value) {
            return Some(v);
        }
        let hint =
            did_you_mean(value, names.iter().copied()).map(|s| format!("did you mean `{s}`?"));
        let d = Diagnostic::error(code, format!("unknown {what} `{value}`"))
            .at(self.at(path), format!("not a {what}"))
            .help_maybe(hint)
            .note(format!("{what}s: {}", names.join(", ")));
        self.push(d);
        None
    }

    pub(crate) fn confidence(&mut self, value: Option<&str>, path: &str) -> Found<Confidence> {
        match value {
            None => Some(Confidence::High),
            Some(v) => self.vocab(
                Some(v),
                path,
                "confidence",
                "unknown-confidence",
                Confidence::parse,
                &Confidence::names(),
            ),
        }
    }

    pub(crate) fn uncertain_without_note(
        &mut self,
        confidence: Confidence,
        note: &str,
        path: &str,
        what: &str,
    ) {
        if confidence != Confidence::High && note.trim().is_empty() {
            let d = Diagnostic::warning(
                "unexplained-uncertainty",
                format!("{what} has {confidence} confidence but no note saying why"),
            )
            .at(self.spans.nearest_head(path, self.text), "add a `note`")
            .note("readers need to know what is uncertain: the source, the reading, or the law itself");
            self.push(d);
        }
    }

    pub(crate) fn seats(&mut self, value: Option<i64>, path: &str, what: &str) -> Found<u32> {
        match value {
            None => {
                self.missing(
                    &format!("{path}.seats"),
                    &format!("{what}'s number of seats"),
                    "a body or channel must say how many seats it has (1 for a single office)",
                );
                None
            }
            Some(n) if n <= 0 => {
                let d = Diagnostic::error("zero-seats", format!("{what} has {n} seats"))
                    .at(self.at(&format!("{path}.seats")), "must be at least 1")
                    .note("a single office such as a President has 1 seat; a body whose size the law does not fix gets a nominal count and `seats_nominal: true`");
                self.push(d);
                None
            }
            Some(n) if n > MAX_SEATS => {
                let d = Diagnostic::error("too-many-seats", format!("{what} has {n} seats")).at(
                    self.at(&format!("{path}.seats")),
                    format!("at most {MAX_SEATS}"),
                );
                self.push(d);
                None
            }
            Some(n) => u32::try_from(n).ok(),
        }
    }

    fn dataset(&mut self, raw: RawDataset) -> Found<Dataset> {
        let id = self.required_text(raw.id, "id", "the dataset id", "e.g. `id: \"kz-2022\"`");
        let title = self.required_text(raw.title, "title", "the dataset title", "a one-line title");
        let jurisdiction = self.required_text(
            raw.jurisdiction,
            "jurisdiction",
            "the jurisdiction",
            "e.g. `jurisdiction: \"Kazakhstan\"`",
        );
        let as_of = self.required_text(
            raw.as_of,
            "as_of",
            "the date the law is taken as of",
            "e.g. `as_of: \"2024-01-01\"`",
        );
        if let Some(date) = &as_of
            && !is_iso_date(date)
        {
            let d = Diagnostic::error(
                "bad-date",
                format!("`{date}` is not a date of the form YYYY-MM-DD"),
            )
            .at(self.at("as_of"), "expected YYYY-MM-DD");
            self.push(d);
        }
        if let Some(id) = &id {
            self.check_id(id, "id", "dataset id", true);
        }

        let mut source_ids = BTreeSet::new();
        for (i, s) in raw.sources.iter().enumerate() {
            if !source_ids.insert(s.id.clone()) {
                let d =
                    Diagnostic::error("duplicate-id", format!("source `{}` is listed twice", s.id))
                        .at(self.at(&format!("sources[{i}].id")), "second listing");
                self.push(d);
            }
        }
        let sources = raw
            .sources
            .iter()
            .map(|s| Source {
                id: s.id.clone(),
                title: s.title.clone(),
                url: s.url.clone(),
                note: s.note.clone(),
            })
            .collect();

        let mut weights = Weights::default();
        for (name, value) in &raw.weights {
            if let Err(message) = weights.set(name, *value) {
                let hint = did_you_mean(name, Weights::NAMES.iter().copied()).filter(|s| s != name);
                let code = if Weights::NAMES.contains(&name.as_str()) {
                    "bad-weight"
                } else {
                    "unknown-weight"
                };
                let d = Diagnostic::error(code, message)
                    .at(self.spans.key(&format!("weights.{name}")), "here")
                    .help_maybe(hint.map(|h| format!("did you mean `{h}`?")));
                self.push(d);
            }
        }

        // Ids first, so that references can be checked whatever order bodies come in.
        let mut ids: HashMap<String, usize> = HashMap::new();
        for (i, b) in raw.bodies.iter().enumerate() {
            let path = format!("bodies[{i}]");
            match &b.id {
                None => self.missing(
                    &format!("{path}.id"),
                    "a body's id",
                    "every body needs a stable id such as `constitutional_court`",
                ),
                Some(id) => {
                    self.check_id(id, &format!("{path}.id"), "body id", false);
                    if let Some(first) = ids.get(id) {
                        let (line, _) = super::diag::line_col(
                            self.text,
                            self.at(&format!("bodies[{first}].id"))
                                .map(|r| r.start)
                                .unwrap_or(0),
                        );
                        let d = Diagnostic::error(
                            "duplicate-id",
                            format!("body id `{id}` is used twice"),
                        )
                        .at(self.at(&format!("{path}.id")), "second use")
                        .note(format!("first used on line {line}"));
                        self.push(d);
                    } else {
                        ids.insert(id.clone(), i);
                    }
                }
            }
        }
        let known: Vec<&str> = {
            let mut v: Vec<&str> = ids.keys().map(String::as_str).collect();
            v.sort_unstable();
            v
        };

        let mut bodies = Vec::new();
        let mut failed = false;
        for (i, b) in raw.bodies.iter().enumerate() {
            match self.body(b, &format!("bodies[{i}]"), &known) {
                Some(body) => bodies.push(body),
                None => failed = true,
            }
        }

        let mut edges = Vec::new();
        let mut edge_keys: HashMap<(String, EdgeKind, String, Option<String>), usize> =
            HashMap::new();
        for (i, e) in raw.edges.iter().enumerate() {
            match self.edge(e, &format!("edges[{i}]"), &known, &raw.bodies, &ids) {
                Some(edge) => {
                    if let Some(first) = edge_keys.get(&edge.key()) {
                        let d = Diagnostic::error(
                            "duplicate-edge",
                            format!(
                                "the edge {} -{}-> {} is listed twice",
                                edge.from, edge.kind, edge.to
                            ),
                        )
                        .at(
                            self.spans.nearest_head(&format!("edges[{i}]"), self.text),
                            "second listing",
                        )
                        .note(format!(
                            "first listed as edges[{first}]; merge their sources into one edge"
                        ));
                        self.push(d);
                        failed = true;
                    } else {
                        edge_keys.insert(edge.key(), i);
                        edges.push(edge);
                    }
                }
                None => failed = true,
            }
        }

        let principals = match &raw.principals {
            Some(list) => {
                let mut out = Vec::new();
                for (i, p) in list.iter().enumerate() {
                    if self.reference(p, &format!("principals[{i}]"), &known, "principal") {
                        out.push(p.clone());
                    } else {
                        failed = true;
                    }
                }
                Some(out)
            }
            None => None,
        };

        if failed
            || self
                .out
                .iter()
                .any(|d| d.level == super::diag::Level::Error)
        {
            return None;
        }
        let dataset = Dataset {
            meta: Meta {
                id: id?,
                title: title?,
                jurisdiction: jurisdiction?,
                as_of: as_of?,
                note: raw.note.clone(),
                sources,
            },
            weights,
            principals,
            bodies,
            edges,
        };
        self.reachability(&dataset, &ids);
        if self
            .out
            .iter()
            .any(|d| d.level == super::diag::Level::Error)
        {
            return None;
        }
        Some(dataset)
    }

    pub(crate) fn check_id(&mut self, id: &str, path: &str, what: &str, allow_dash: bool) {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || (allow_dash && c == '-')
            });
        if !ok {
            let d = Diagnostic::error("bad-id", format!("`{id}` is not a valid {what}"))
                .at(self.at(path), "invalid id")
                .note(format!(
                    "ids use lowercase Latin letters, digits and `_`{}, at most 64 characters",
                    if allow_dash { " or `-`" } else { "" }
                ));
            self.push(d);
        }
    }

    /// Checks that `id` names a body; reports a did-you-mean otherwise.
    pub(crate) fn reference(&mut self, id: &str, path: &str, known: &[&str], what: &str) -> bool {
        if !self.check_references || known.binary_search(&id).is_ok() {
            return true;
        }
        let hint = did_you_mean(id, known.iter().copied()).map(|s| format!("did you mean `{s}`?"));
        let d = Diagnostic::error("unknown-id", format!("unknown body `{id}` (as {what})"))
            .at(self.at(path), "no body has this id")
            .help_maybe(hint);
        self.push(d);
        false
    }

    /// A body at `path` (`bodies[3]`); its missing id has been reported by the caller.
    /// A list of liability words; `Some(None)` when the field is absent.
    pub(crate) fn liability(
        &mut self,
        list: Option<&[super::raw::Word]>,
        path: &str,
    ) -> Found<Option<Vec<Liability>>> {
        let Some(list) = list else {
            return Some(None);
        };
        let mut out = Vec::new();
        let mut ok = true;
        for (j, v) in list.iter().enumerate() {
            match self.vocab(
                Some(v),
                &format!("{path}.liability[{j}]"),
                "liability",
                "unknown-liability",
                Liability::parse,
                &Liability::names(),
            ) {
                Some(l) => out.push(l),
                None => ok = false,
            }
        }
        ok.then_some(Some(out))
    }

    pub(crate) fn body(&mut self, b: &RawBody, path: &str, known: &[&str]) -> Found<Body> {
        let id = b.id.clone()?;
        let what = format!("body `{id}`");
        let mut names = Vec::new();
        for (lang, value) in [("en", &b.name.en), ("ru", &b.name.ru), ("kk", &b.name.kk)] {
            names.push(self.required_text(
                value.clone(),
                &format!("{path}.name.{lang}"),
                &format!("{what}'s name in `{lang}`"),
                "every body is named in English (en), Russian (ru) and Kazakh (kk)",
            ));
        }
        let branch = match &b.branch {
            None => {
                self.missing(
                    &format!("{path}.branch"),
                    &format!("{what}'s branch"),
                    &format!("branches: {}", Branch::names().join(", ")),
                );
                None
            }
            Some(v) => self.vocab(
                Some(v),
                &format!("{path}.branch"),
                "branch",
                "unknown-branch",
                Branch::parse,
                &Branch::names(),
            ),
        };
        let role = match &b.role {
            None => Some(None),
            Some(v) => self
                .vocab(
                    Some(v),
                    &format!("{path}.role"),
                    "body role",
                    "unknown-body-role",
                    Role::parse,
                    &Role::names(),
                )
                .map(Some),
        };
        let seats = self.seats(b.seats, path, &what);
        let source = self.required_text(
            b.source.clone(),
            &format!("{path}.source"),
            &format!("{what}'s legal source"),
            "cite the article that establishes the body, e.g. `source: \"Constitution art. 71\"`",
        );
        let confidence = self.confidence(b.confidence.as_deref(), &format!("{path}.confidence"));
        if let Some(c) = confidence {
            self.uncertain_without_note(c, &b.note, path, &what);
        }
        if let Some(t) = b.term_years
            && (!t.is_finite() || t <= 0.0 || t > 100.0)
        {
            let d = Diagnostic::error("bad-term", format!("{what} has a term of {t} years")).at(
                self.at(&format!("{path}.term_years")),
                "expected a number of years from 0 to 100",
            );
            self.push(d);
        }
        let registration = match &b.registration {
            None => Some(None),
            Some(v) => self
                .vocab(
                    Some(v),
                    &format!("{path}.registration"),
                    "registration regime",
                    "unknown-registration",
                    Registration::parse,
                    &Registration::names(),
                )
                .map(Some),
        };
        let liability = self.liability(b.liability.as_deref(), path);
        for key in b.attribute_sources.keys() {
            if !ATTRIBUTES.contains(&key.as_str()) {
                let hint = did_you_mean(key, ATTRIBUTES.iter().copied())
                    .map(|s| format!("did you mean `{s}`?"));
                let d = Diagnostic::error(
                    "unknown-attribute",
                    format!("`{key}` is not a body attribute"),
                )
                .at(
                    self.spans.key(&format!("{path}.attribute_sources.{key}")),
                    "unknown attribute",
                )
                .help_maybe(hint)
                .note(format!("attributes: {}", ATTRIBUTES.join(", ")));
                self.push(d);
            }
        }

        let mut channels = Vec::new();
        let mut channel_ids: HashMap<String, usize> = HashMap::new();
        let mut channels_ok = true;
        for (j, c) in b.channels.iter().enumerate() {
            let cpath = format!("{path}.channels[{j}]");
            if let Some(cid) = &c.id
                && channel_ids.insert(cid.clone(), j).is_some()
            {
                let d = Diagnostic::error(
                    "duplicate-id",
                    format!("{what} has two channels with id `{cid}`"),
                )
                .at(self.at(&format!("{cpath}.id")), "second use");
                self.push(d);
                channels_ok = false;
            }
            match self.channel(c, &cpath, &what, known) {
                Some(ch) => channels.push(ch),
                None => channels_ok = false,
            }
        }
        if let (Some(total), true) = (seats, channels_ok) {
            let sum: u64 = channels.iter().map(|c| u64::from(c.seats)).sum();
            if !channels.is_empty() && sum != u64::from(total) {
                let parts: Vec<String> = channels
                    .iter()
                    .map(|c| format!("{} {}", c.id, c.seats))
                    .collect();
                let d = Diagnostic::error(
                    "seats-mismatch",
                    format!(
                        "the channels of {what} add up to {sum} seats, but the body has {total}"
                    ),
                )
                .at(self.at(&format!("{path}.seats")), format!("{total} seats"))
                .note(format!("channels: {} = {sum}", parts.join(" + ")));
                self.push(d);
                channels_ok = false;
            }
        }

        if !channels_ok {
            return None;
        }
        let [en, ru, kk] = <[Option<String>; 3]>::try_from(names).ok()?;
        Some(Body {
            id,
            names: Names {
                en: en?,
                ru: ru?,
                kk: kk?,
            },
            branch: branch?,
            role: role?,
            seats: seats?,
            seats_nominal: b.seats_nominal,
            independent: b.independent,
            non_partisan: b.non_partisan,
            relatives_ban: b.relatives_ban,
            senior_post: b.senior_post,
            term_years: b.term_years,
            registration: registration?,
            liability: liability?,
            source: source?,
            attribute_sources: b.attribute_sources.clone(),
            confidence: confidence?,
            note: b.note.clone(),
            channels,
        })
    }

    /// The steps of a channel at `path`, checked one by one and as a whole (one proposer).
    pub(crate) fn steps(
        &mut self,
        raw: &[RawStep],
        path: &str,
        what: &str,
        known: &[&str],
    ) -> Found<Vec<Step>> {
        let mut steps = Vec::new();
        let mut ok = true;
        if raw.is_empty() {
            let d = Diagnostic::error("no-steps", format!("{what} has no steps"))
                .at(self.spans.nearest_head(&format!("{path}.steps"), self.text), "who fills these seats?")
                .note("a channel lists the steps that fill its seats, e.g. `steps: [(actor: \"president\", role: appoint)]`");
            self.push(d);
            ok = false;
        }
        for (k, s) in raw.iter().enumerate() {
            let spath = format!("{path}.steps[{k}]");
            let actor = match &s.actor {
                None => {
                    self.missing(
                        &format!("{spath}.actor"),
                        "a step's actor",
                        "each step names the body that acts, e.g. `actor: \"senate\"`",
                    );
                    None
                }
                Some(a) => self
                    .reference(a, &format!("{spath}.actor"), known, "actor")
                    .then(|| a.clone()),
            };
            let role = match &s.role {
                None => {
                    self.missing(
                        &format!("{spath}.role"),
                        "a step's role",
                        &format!("roles: {}", StepRole::names().join(", ")),
                    );
                    None
                }
                Some(r) => self.vocab(
                    Some(r),
                    &format!("{spath}.role"),
                    "role",
                    "unknown-role",
                    StepRole::parse,
                    &StepRole::names(),
                ),
            };
            match (actor, role) {
                (Some(actor), Some(role)) => steps.push(Step {
                    actor,
                    role,
                    threshold: s.threshold.clone(),
                    vote: None,
                    note: s.note.clone(),
                    alternatives: Vec::new(),
                }),
                _ => ok = false,
            }
        }
        if ok && let Some(problem) = super::validate::steps_problem(&steps) {
            let d = Diagnostic::error(problem.code, format!("{what} {}", problem.message))
                .at(
                    self.spans.nearest_head(&format!("{path}.steps"), self.text),
                    "steps",
                )
                .note(problem.help);
            self.push(d);
            ok = false;
        }
        ok.then_some(steps)
    }

    pub(crate) fn channel(
        &mut self,
        c: &RawChannel,
        path: &str,
        body: &str,
        known: &[&str],
    ) -> Found<Channel> {
        let id = match &c.id {
            None => {
                self.missing(&format!("{path}.id"), &format!("a channel of {body} has no id;"), "channels need an id (e.g. `id: \"chair\"`) so that edges and reforms can name them");
                None
            }
            Some(id) => {
                self.check_id(id, &format!("{path}.id"), "channel id", false);
                Some(id.clone())
            }
        };
        let what = format!("channel `{}` of {body}", id.as_deref().unwrap_or("?"));
        let seats = self.seats(c.seats, path, &what);
        let steps = self.steps(&c.steps, path, &what, known);
        let mandate = match &c.mandate {
            None => Some(Mandate::Free),
            Some(m) => self.vocab(
                Some(m),
                &format!("{path}.mandate"),
                "mandate",
                "unknown-mandate",
                Mandate::parse,
                &Mandate::names(),
            ),
        };
        let source = self.source(c.source.clone(), &format!("{path}.source"), &what);
        let confidence = self.confidence(c.confidence.as_deref(), &format!("{path}.confidence"));
        if let Some(conf) = confidence {
            self.uncertain_without_note(conf, &c.note, path, &what);
        }
        Some(Channel {
            id: id?,
            label: c.label.clone(),
            seats: seats?,
            steps: steps?,
            mandate: mandate?,
            source: source?,
            confidence: confidence?,
            note: c.note.clone(),
            alternatives: Vec::new(),
        })
    }

    /// An edge at `path` (`edges[3]`). Its `channel` is looked up among the channels of its
    /// target in `raw_bodies` when references are checked.
    pub(crate) fn edge(
        &mut self,
        e: &RawEdge,
        path: &str,
        known: &[&str],
        raw_bodies: &[RawBody],
        ids: &HashMap<String, usize>,
    ) -> Found<Edge> {
        let from = match &e.from {
            None => {
                self.missing(
                    &format!("{path}.from"),
                    "an edge's `from`",
                    "the body that holds the power",
                );
                None
            }
            Some(f) => self
                .reference(f, &format!("{path}.from"), known, "edge source")
                .then(|| f.clone()),
        };
        let to = match &e.to {
            None => {
                self.missing(
                    &format!("{path}.to"),
                    "an edge's `to`",
                    "the body the power is over",
                );
                None
            }
            Some(t) => self
                .reference(t, &format!("{path}.to"), known, "edge target")
                .then(|| t.clone()),
        };
        let kind = match &e.kind {
            None => {
                self.missing(
                    &format!("{path}.kind"),
                    "an edge's kind",
                    &format!("kinds: {}", EdgeKind::names().join(", ")),
                );
                None
            }
            Some(k) => self.vocab(
                Some(k),
                &format!("{path}.kind"),
                "edge kind",
                "unknown-kind",
                EdgeKind::parse,
                &EdgeKind::names(),
            ),
        };
        let what = format!(
            "edge {} -{}-> {}",
            e.from.as_deref().unwrap_or("?"),
            e.kind.as_deref().unwrap_or("?"),
            e.to.as_deref().unwrap_or("?")
        );
        let mut ok = true;
        if let (Some(channel), Some(to), true) = (&e.channel, &to, self.check_references) {
            let target = ids.get(to).and_then(|&j| raw_bodies.get(j));
            let channels: Vec<&str> = target
                .map(|b| b.channels.iter().filter_map(|c| c.id.as_deref()).collect())
                .unwrap_or_default();
            if !channels.contains(&channel.as_str()) {
                let hint = did_you_mean(channel, channels.iter().copied())
                    .map(|s| format!("did you mean `{s}`?"));
                let d = Diagnostic::error(
                    "unknown-channel",
                    format!("`{to}` has no channel `{channel}`"),
                )
                .at(self.at(&format!("{path}.channel")), "no such channel")
                .help_maybe(hint)
                .note(if channels.is_empty() {
                    format!("`{to}` has no channels")
                } else {
                    format!("channels of `{to}`: {}", channels.join(", "))
                });
                self.push(d);
                ok = false;
            }
        }
        let after_refusals = match (e.after_refusals, kind) {
            (None, _) => Some(None),
            (Some(n), Some(EdgeKind::Dissolve)) if (1..=100).contains(&n) => {
                Some(u32::try_from(n).ok())
            }
            (Some(n), Some(EdgeKind::Dissolve)) => {
                let d = Diagnostic::error("bad-refusals", format!("{what}: after_refusals is {n}"))
                    .at(
                        self.at(&format!("{path}.after_refusals")),
                        "expected 1 to 100",
                    );
                self.push(d);
                None
            }
            (Some(_), Some(k)) => {
                let d = Diagnostic::error(
                    "bad-refusals",
                    format!("{what}: `after_refusals` applies only to `dissolve` edges, not `{k}`"),
                )
                .at(
                    self.spans.key(&format!("{path}.after_refusals")),
                    "only for dissolve",
                );
                self.push(d);
                None
            }
            (Some(_), None) => None,
        };
        let source = self.source(e.source.clone(), &format!("{path}.source"), &what);
        let confidence = self.confidence(e.confidence.as_deref(), &format!("{path}.confidence"));
        if let Some(c) = confidence {
            self.uncertain_without_note(c, &e.note, path, &what);
        }
        if !ok {
            return None;
        }
        let after_refusals = after_refusals?;
        // Transitional until the loader reads `trigger` and `covers`: a refusal count means a
        // dissolution on refusing any ratification of the dissolver's pick.
        let (trigger, covers) = if after_refusals.is_some() {
            (
                crate::model::Trigger::OnRefusal,
                vec![
                    crate::model::Cover::Role(StepRole::Consent),
                    crate::model::Cover::Role(StepRole::Elect),
                    crate::model::Cover::Role(StepRole::Appoint),
                    crate::model::Cover::Role(StepRole::Shortlist),
                ],
            )
        } else {
            (crate::model::Trigger::AtWill, Vec::new())
        };
        Some(Edge {
            from: from?,
            to: to?,
            kind: kind?,
            channel: e.channel.clone(),
            trigger,
            after_refusals,
            covers,
            bars: String::new(),
            threshold: e.threshold.clone(),
            source: source?,
            confidence: confidence?,
            note: e.note.clone(),
            alternatives: Vec::new(),
        })
    }

    /// Every body's chain of channels must reach a principal, or its control is undefined.
    fn reachability(&mut self, dataset: &Dataset, ids: &HashMap<String, usize>) {
        let principals = dataset.principals();
        let unreachable =
            crate::analysis::unreachable_bodies(dataset, &principals, &dataset.weights);
        for (body, cycle) in unreachable {
            let i = ids.get(&body).copied().unwrap_or_default();
            let d = Diagnostic::error(
                "no-principal",
                format!("the chain of channels from `{body}` never reaches a principal"),
            )
            .at(self.at(&format!("bodies[{i}].id")), "control of this body is undefined")
            .note(format!("it is filled only through: {}", cycle.join(", ")))
            .note(format!(
                "principals: {}; add the body that ultimately fills these seats, or name a principal with `principals: [...]`",
                principals.join(", ")
            ));
            self.push(d);
        }
    }
}

/// Body attributes that flag rules read and that may carry their own citation.
pub const ATTRIBUTES: [&str; 8] = [
    "independent",
    "non_partisan",
    "relatives_ban",
    "senior_post",
    "term_years",
    "registration",
    "liability",
    "seats_nominal",
];

fn last_segment(path: &str) -> &str {
    path.rsplit(['.', '['])
        .next()
        .unwrap_or(path)
        .trim_end_matches(']')
}

fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return false;
    }
    let nums: Vec<Option<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    matches!(nums.as_slice(), [Some(_), Some(m), Some(d)] if (1..=12).contains(m) && (1..=31).contains(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = r#"(
        id: "mini",
        title: "Mini",
        jurisdiction: "Nowhere",
        as_of: "2024-01-01",
        bodies: [
            (id: "electorate", name: (en: "Voters", ru: "Избиратели", kk: "Сайлаушылар"), branch: electorate, seats: 1, source: "Constitution art. 1"),
            (id: "president", name: (en: "President", ru: "Президент", kk: "Президент"), branch: executive, role: head_of_state, seats: 1, source: "art. 2",
             channels: [(id: "election", seats: 1, steps: [(actor: "electorate", role: elect)], source: "art. 2(1)")]),
            (id: "court", name: (en: "Court", ru: "Суд", kk: "Сот"), branch: judicial, seats: 3, independent: true, source: "art. 3",
             channels: [
                (id: "chair", seats: 1, steps: [(actor: "president", role: appoint), (actor: "electorate", role: consent)], source: "art. 3(1)"),
                (id: "judges", seats: 2, steps: [(actor: "president", role: appoint)], source: "art. 3(2)"),
             ]),
        ],
        edges: [
            (from: "president", to: "court", kind: dismiss_at_will, channel: "chair", source: "art. 3(3)"),
        ],
    )"#;

    fn codes(text: &str) -> Vec<&'static str> {
        let checked = check_str("t.ron", text);
        checked.report.diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn a_valid_dataset_loads_with_default_principals() {
        let d = load_str("mini.ron", MINI).unwrap_or_else(|e| panic!("{}", e.report));
        assert_eq!(d.bodies.len(), 3);
        assert_eq!(d.principals(), vec!["electorate", "president"]);
        assert_eq!(
            d.body("court").unwrap().channels[0].steps[1].role,
            StepRole::Consent
        );
    }

    #[test]
    fn every_problem_is_reported_in_one_run() {
        let broken = MINI
            .replace(
                "(actor: \"president\", role: appoint)]",
                "(actor: \"presidnet\", role: apoint)]",
            )
            .replace("source: \"art. 3(3)\"", "source: \"\"")
            .replace("seats: 3,", "seats: 4,");
        let found = codes(&broken);
        assert!(found.contains(&"unknown-id"), "{found:?}");
        assert!(found.contains(&"unknown-role"), "{found:?}");
        assert!(found.contains(&"missing-source"), "{found:?}");
    }

    #[test]
    fn seats_must_add_up() {
        let broken = MINI.replace("seats: 3,", "seats: 4,");
        let checked = check_str("t.ron", &broken);
        let d = &checked.report.diagnostics[0];
        assert_eq!(d.code, "seats-mismatch");
        assert!(
            d.message.contains("add up to 3 seats, but the body has 4"),
            "{}",
            d.message
        );
        assert!(
            checked.report.location(d).starts_with("t.ron:10:"),
            "{}",
            checked.report.location(d)
        );
    }

    #[test]
    fn syntax_errors_have_a_place() {
        let checked = check_str("t.ron", "(\n  id: \"x\",\n  title: oops\"\n)");
        let d = &checked.report.diagnostics[0];
        assert_eq!(d.code, "syntax");
        assert!(
            checked.report.location(d).starts_with("t.ron:3:"),
            "{}",
            checked.report.location(d)
        );
    }

    #[test]
    fn cycles_without_a_principal_are_refused() {
        let text = MINI.replace(
            "(id: \"judges\", seats: 2, steps: [(actor: \"president\", role: appoint)], source: \"art. 3(2)\")",
            "(id: \"judges\", seats: 2, steps: [(actor: \"court\", role: appoint)], source: \"art. 3(2)\")",
        );
        // Still reaches the President through the Chair: valid.
        assert!(load_str("t.ron", &text).is_ok());
        let text = text.replace(
            "(actor: \"president\", role: appoint), (actor: \"electorate\", role: consent)",
            "(actor: \"court\", role: appoint)",
        );
        assert_eq!(codes(&text), vec!["no-principal"]);
    }

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2024-01-31"));
        assert!(!is_iso_date("2024-13-01"));
        assert!(!is_iso_date("24-01-01"));
    }
}

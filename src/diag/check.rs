//! The [`Validator`]: collects the diagnostics of one file while its raw values are converted,
//! each placed by the path of the value it is about.
//!
//! Conversion goes on past a bad value, so that one run reports every problem of a file. A
//! value that cannot be converted is replaced by a stand-in and its path recorded as failed;
//! checks made later on the converted values (`model::validate`) skip what rests on one.
//! Those later problems are slotted back in at the point where conversion passed their path
//! (a *mark*), so that the report follows the file from top to bottom.
//!
//! Paths and descriptions (`bodies[3].seats`, "body `senate`") are taken as anything
//! [`fmt::Display`] and written out only when a problem is told: a valid file of 100,000
//! bodies formats none of the million or so it passes (see [`shown!`](crate::shown)).

use std::cell::OnceCell;
use std::collections::{BTreeSet, HashMap};
use std::fmt::{self, Display, Write as _};
use std::ops::Range;

use super::spans::SpanIndex;
use super::{Diagnostic, Level, did_you_mean};

/// Keeps the first error of a run of checks, so that one bad field yields one message.
pub(crate) type Found<T> = Option<T>;

/// Text written only if it is shown: a closure that formats, as [`Display`]. Built by
/// [`shown!`](crate::shown) for the paths and descriptions conversion passes along, which a
/// valid file never shows.
#[derive(Clone, Copy)]
pub(crate) struct Shown<F>(pub(crate) F);

impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> Display for Shown<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(f)
    }
}

/// `shown!("{path}.seats")`: like `format!`, but nothing is written until the value is
/// displayed (on the error path), so passing it costs no allocation.
#[macro_export]
#[doc(hidden)]
macro_rules! shown {
    ($($arg:tt)*) => {
        $crate::diag::Shown(|f: &mut ::std::fmt::Formatter<'_>| ::std::write!(f, $($arg)*))
    };
}

/// The places of a file's values: given by the caller, or found on the first problem that
/// needs one (a file with no problem is never indexed; see [`Validator::lazy`]).
enum Spans<'a> {
    Given(&'a SpanIndex),
    Lazy(OnceCell<SpanIndex>),
}

pub(crate) struct Validator<'a> {
    spans: Spans<'a>,
    pub(crate) text: &'a str,
    pub(crate) out: Vec<Diagnostic>,
    /// Paths whose value could not be converted.
    failed: BTreeSet<String>,
    /// How many diagnostics had been found when conversion passed each marked path, in the
    /// order passed: the paths end to end in `mark_paths`, each with its end there. Looked up
    /// only when problems are found after conversion (a valid file never is), so a mark
    /// costs no hashing and no allocation of its own.
    marks: Vec<(usize, usize)>,
    mark_paths: String,
    /// Whether every mark is written down. A lazy validator writes none while it has found
    /// nothing (each such mark would say 0), and notes in `skipped` that it passed one; if
    /// problems found after conversion then need the marks, the file is walked again with
    /// every mark written ([`Validator::mark_again`]).
    mark_all: bool,
    skipped: bool,
    /// The marks by path, of the first `indexed` marks: built when first needed, extended
    /// after, so that many calls of `insert_at_marks` stay linear.
    mark_index: HashMap<String, usize>,
    indexed: usize,
}

impl<'a> Validator<'a> {
    pub(crate) fn new(spans: &'a SpanIndex, text: &'a str) -> Self {
        Validator {
            spans: Spans::Given(spans),
            text,
            out: Vec::new(),
            failed: BTreeSet::new(),
            marks: Vec::new(),
            mark_paths: String::new(),
            mark_all: true,
            skipped: false,
            mark_index: HashMap::new(),
            indexed: 0,
        }
    }

    /// A validator that indexes the places of `text` only when a problem first asks for one,
    /// so that a valid file costs no index (the index of 100,000 bodies is tens of MB).
    pub(crate) fn lazy(text: &'a str) -> Self {
        Validator {
            spans: Spans::Lazy(OnceCell::new()),
            text,
            out: Vec::new(),
            failed: BTreeSet::new(),
            marks: Vec::new(),
            mark_paths: String::new(),
            mark_all: false,
            skipped: false,
            mark_index: HashMap::new(),
            indexed: 0,
        }
    }

    /// Whether problems found after conversion could not be placed from the marks written:
    /// some were skipped while nothing had been found, and something has been found since.
    pub(crate) fn marks_skipped(&self) -> bool {
        self.skipped && !self.out.is_empty()
    }

    /// Writes down every mark by walking the file again: `walk` repeats the conversion on a
    /// validator that shares this one's index of places and marks everything. Its
    /// diagnostics are the same as the first walk's and are dropped; only its marks are kept.
    /// Costs a second parse and conversion, on the error path only.
    pub(crate) fn mark_again(&mut self, walk: impl FnOnce(&mut Validator<'a>)) {
        let spans = std::mem::replace(&mut self.spans, Spans::Lazy(OnceCell::new()));
        let mut again = Validator::lazy(self.text);
        again.spans = spans;
        again.mark_all = true;
        walk(&mut again);
        self.spans = again.spans;
        self.marks = again.marks;
        self.mark_paths = again.mark_paths;
        self.mark_index.clear();
        self.indexed = 0;
        self.skipped = false;
    }
}

impl Validator<'_> {
    /// Takes in what `other`, which converted the rest of the same text on another thread and
    /// found nothing, passed: as if this validator had converted it too.
    pub(crate) fn joined(&mut self, other: Validator<'_>) {
        debug_assert!(other.out.is_empty() && other.failed.is_empty());
        self.skipped |= other.skipped;
    }

    /// Takes the index of places `other`, a validator of the same text, built, when this
    /// one has none yet: at 100,000 bodies it takes seconds to build.
    pub(crate) fn take_spans(&mut self, other: &mut Validator<'_>) {
        if let (Spans::Lazy(mine), Spans::Lazy(theirs)) = (&mut self.spans, &mut other.spans)
            && mine.get().is_none()
            && let Some(spans) = theirs.take()
        {
            *mine = OnceCell::from(spans);
        }
    }

    /// Forgets everything found, to check the same text again another way; the index of
    /// places is kept if it was built.
    pub(crate) fn restart(&mut self) {
        self.out.clear();
        self.failed.clear();
        self.marks.clear();
        self.mark_paths.clear();
        self.skipped = false;
        self.mark_index.clear();
        self.indexed = 0;
    }

    /// Where the values of the file are (built on the first call of a lazy validator).
    pub(crate) fn spans(&self) -> &SpanIndex {
        match &self.spans {
            Spans::Given(spans) => spans,
            Spans::Lazy(cell) => cell.get_or_init(|| SpanIndex::build(self.text)),
        }
    }

    /// The value at `path`, or the first line of the closest enclosing value.
    pub(crate) fn at(&self, path: impl Display) -> Option<Range<usize>> {
        let path = path.to_string();
        let spans = self.spans();
        spans
            .value(&path)
            .or_else(|| spans.nearest_head(&path, self.text))
    }

    /// The first line of the value at `path`, or of the closest enclosing value.
    pub(crate) fn head(&self, path: impl Display) -> Option<Range<usize>> {
        self.spans().nearest_head(&path.to_string(), self.text)
    }

    /// Where the key at `path` is written.
    pub(crate) fn key(&self, path: impl Display) -> Option<Range<usize>> {
        self.spans().key(&path.to_string())
    }

    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    pub(crate) fn errors(&self) -> usize {
        self.out.iter().filter(|d| d.level == Level::Error).count()
    }

    /// Records that the value at `path` could not be converted.
    pub(crate) fn fail(&mut self, path: impl Display) {
        self.failed.insert(path.to_string());
    }

    pub(crate) fn failed(&self, path: &str) -> bool {
        self.failed.contains(path)
    }

    /// Whether a value at a path starting with `prefix` could not be converted.
    pub(crate) fn failed_under(&self, prefix: &str) -> bool {
        self.failed
            .range(prefix.to_string()..)
            .next()
            .is_some_and(|p| p.starts_with(prefix))
    }

    /// Whether a value at a path starting with `prefix` could not be converted, for the paths
    /// whose rest after the prefix `rest` accepts.
    pub(crate) fn failed_under_where(&self, prefix: &str, rest: impl Fn(&str) -> bool) -> bool {
        self.failed
            .range(prefix.to_string()..)
            .take_while(|p| p.starts_with(prefix))
            .any(|p| rest(&p[prefix.len()..]))
    }

    /// Notes that conversion has reached `path`: a problem found later about it is reported
    /// here.
    pub(crate) fn mark(&mut self, path: impl Display) {
        if !self.mark_all && self.out.is_empty() {
            self.skipped = true;
            return;
        }
        // Writing into a `String` cannot fail.
        let _ = write!(self.mark_paths, "{path}");
        self.marks.push((self.mark_paths.len(), self.out.len()));
    }

    /// Adds diagnostics found after conversion, each at the mark of its path (in the order
    /// given among those at one mark), or at the end when its path was never marked.
    pub(crate) fn insert_at_marks(&mut self, found: Vec<(String, Diagnostic)>) {
        if found.is_empty() {
            return;
        }
        // A path marked twice is at its last mark.
        let mut start = match self.indexed {
            0 => 0,
            i => self.marks[i - 1].0,
        };
        for &(end, at) in &self.marks[self.indexed..] {
            self.mark_index
                .insert(self.mark_paths[start..end].to_string(), at);
            start = end;
        }
        self.indexed = self.marks.len();
        let end = self.out.len();
        let mut placed: Vec<(usize, Diagnostic)> = found
            .into_iter()
            .map(|(path, d)| (self.mark_index.get(&path).copied().unwrap_or(end), d))
            .collect();
        // Stable: problems at one mark keep their order.
        placed.sort_by_key(|(at, _)| *at);
        let mut placed = placed.into_iter().peekable();
        let converted = std::mem::take(&mut self.out);
        for (i, d) in converted.into_iter().enumerate() {
            while let Some((_, p)) = placed.next_if(|(at, _)| *at <= i) {
                self.out.push(p);
            }
            self.out.push(d);
        }
        self.out.extend(placed.map(|(_, p)| p));
    }

    /// Refuses every map key written twice: serde would keep the last writing without a word,
    /// and a reader of the file may well believe the first.
    pub(crate) fn duplicate_keys(&mut self) {
        // A lazy validator indexes the file only if a light scan finds a key written twice.
        if matches!(self.spans, Spans::Lazy(_)) && !super::spans::has_duplicate_keys(self.text) {
            return;
        }
        let spans = match &self.spans {
            Spans::Given(spans) => *spans,
            Spans::Lazy(cell) => cell.get_or_init(|| SpanIndex::build(self.text)),
        };
        for (path, place) in spans.duplicate_keys() {
            let first = spans.key(path);
            let mut d = Diagnostic::error(
                "duplicate-key",
                format!("`{}` is written twice in one map", last_segment(path)),
            )
            .at(Some(place.clone()), "second writing");
            if let Some(first) = first {
                let (line, col) = super::line_col(self.text, first.start);
                d = d.note(format!(
                    "first written at line {line}, column {col}; keep one"
                ));
            }
            self.out.push(d);
            self.failed.insert(path.clone());
        }
    }

    pub(crate) fn missing(&mut self, path: impl Display, what: impl Display, why: impl Display) {
        let path = path.to_string();
        let d = Diagnostic::error("missing-field", format!("{what} is missing"))
            .at(self.head(&path), format!("needs `{}`", last_segment(&path)))
            .note(why.to_string());
        self.push(d);
        self.fail(path);
    }

    pub(crate) fn required_text(
        &mut self,
        value: Option<String>,
        path: impl Display,
        what: impl Display,
        why: &str,
    ) -> Found<String> {
        match value {
            Some(v) if !v.trim().is_empty() => Some(v),
            Some(_) => {
                let d = Diagnostic::error("empty-field", format!("{what} is empty"))
                    .at(self.at(&path), "empty")
                    .note(why.to_string());
                self.push(d);
                self.fail(path);
                None
            }
            None => {
                self.missing(path, what, why);
                None
            }
        }
    }

    /// A word of a closed vocabulary; an unknown one is reported with a did-you-mean.
    pub(crate) fn vocab<T: Copy>(
        &mut self,
        value: Option<&str>,
        path: impl Display,
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
            .at(self.at(&path), format!("not a {what}"))
            .help_maybe(hint)
            .note(format!("{what}s: {}", names.join(", ")));
        self.push(d);
        self.fail(path);
        None
    }

    /// Reports an id that is not lowercase Latin letters, digits and `_` (and `-` when
    /// allowed). The id is still used: its spelling blocks no other check.
    pub(crate) fn check_id(&mut self, id: &str, path: impl Display, what: &str, allow_dash: bool) {
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
}

fn last_segment(path: &str) -> &str {
    path.rsplit(['.', '['])
        .next()
        .unwrap_or(path)
        .trim_end_matches(']')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_problems_are_slotted_in_at_their_mark() {
        let spans = SpanIndex::default();
        let mut v = Validator::new(&spans, "");
        v.push(Diagnostic::error("a", "first"));
        v.mark("x");
        v.push(Diagnostic::error("b", "second"));
        v.mark("y");
        v.push(Diagnostic::error("c", "third"));
        v.insert_at_marks(vec![
            ("y".into(), Diagnostic::error("y1", "")),
            ("nowhere".into(), Diagnostic::error("end", "")),
            ("x".into(), Diagnostic::error("x1", "")),
            ("y".into(), Diagnostic::error("y2", "")),
        ]);
        let codes: Vec<&str> = v.out.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["a", "x1", "b", "y1", "y2", "c", "end"]);
    }

    #[test]
    fn failures_are_found_by_prefix() {
        let spans = SpanIndex::default();
        let mut v = Validator::new(&spans, "");
        v.fail("bodies[1].channels[0].seats");
        assert!(v.failed_under("bodies[1].channels["));
        assert!(!v.failed_under("bodies[1].seats"));
        assert!(!v.failed_under("bodies[10]."));
        assert!(v.failed("bodies[1].channels[0].seats"));
    }
}

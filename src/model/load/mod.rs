//! Loading a dataset: RON text -> `RawDataset` -> `Dataset`.
//!
//! Every problem is collected, not just the first, and each carries its place in the file, so
//! that `bilik check` prints them all in one run:
//!
//! ```text
//!   text ─parse_ron─▶ RawDataset ─convert─▶ Dataset ─validate─▶ problems ─place─▶ diagnostics
//!           │                       │                               │
//!     syntax errors       what one value must be          the rules between values,
//!                         (stand-ins where it fails)      at the place each path names
//! ```
//!
//! - `convert` turns raw values into domain values and reports what is wrong with a single
//!   value: missing, empty, an unknown word, a number out of range, an unsourced channel;
//! - [`validate`](mod@crate::model::validate) states the rules between values once, for files and reforms;
//! - `place` tells each of its problems in the file's words, at the place its path names.
//!
//! A dataset that breaks no rule may be held to further checks the model cannot make itself
//! ([`check_str_then`]): `data` adds whether every body reaches a principal, from the
//! analysis.
//!
//! Complexity, for a file of n bytes with b bodies, c channels, s steps and e edges: linear
//! at every stage. Parsing O(n): by [`fast`], a reader of the dataset's own types, for text
//! in the subset of RON datasets are written in (one allocation per string, word and list),
//! else by `ron`; a scan for map keys written twice O(n), allocating nothing, only after
//! `ron` (the fast reader leaves such text to it); conversion O(b + c + s + e), which moves each raw string into the dataset (none
//! is copied) and formats no path or description unless a value is wrong; validation
//! O(b + c + s + e) with ids in hash sets. Memory: the text once, and the dataset. Text the
//! fast reader reads, from 1 MB, is converted as it is read, one body or edge at a time, into
//! vectors sized once from the first items of their lists, and from 2 MB on two threads (the
//! second from a body half way through the text, found by a search for the bytes that
//! separate bodies, O(n); the two parts joined in order, O(b + e) moves); the raw values of
//! the whole file are built first for a smaller file (read once, warned or not), a file
//! with something to tell (whose problems are told in the order conversion of the whole
//! finds them) or one left to `ron`. On the error path only: the index of places (O(n), built on the
//! first problem told) and, when problems found after conversion need the marks skipped
//! while nothing had been found, a second parse and conversion (O(n)) that writes them down.

mod blocs;
mod convert;
mod fast;
mod place;
mod readings;
#[cfg(test)]
mod readings_tests;
#[cfg(test)]
mod split_tests;

use std::fmt;
use std::path::Path;

pub use convert::{ATTRIBUTES, MAX_SEATS};

use super::Dataset;
use super::raw::RawDataset;
use super::validate::Problem;
use crate::diag::{FileReport, Validator, normalise_text, parse_ron, read_text};

/// A check a dataset that broke no rule of the model is held to, with its problems.
pub type Pass = fn(&Dataset) -> Vec<Problem>;

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

impl Checked {
    fn into_result(self) -> Result<Dataset, LoadError> {
        match self.dataset {
            Some(d) => Ok(d),
            None => Err(LoadError {
                report: self.report,
            }),
        }
    }
}

/// Reads a dataset file and holds it to the rules of the model.
pub fn load_file(path: &Path) -> Result<Dataset, LoadError> {
    check_file_then(path, |_| Vec::new()).into_result()
}

/// Holds dataset text to the rules of the model; `path` names it in messages.
pub fn load_str(path: &str, text: &str) -> Result<Dataset, LoadError> {
    check_str(path, text).into_result()
}

/// [`load_file`], then `more`.
pub fn load_file_then(path: &Path, more: Pass) -> Result<Dataset, LoadError> {
    check_file_then(path, more).into_result()
}

/// [`load_str`], then `more`.
pub fn load_str_then(path: &str, text: &str, more: Pass) -> Result<Dataset, LoadError> {
    check_str_then(path, text, more).into_result()
}

/// Parses and validates; never panics, whatever the text.
pub fn check_str(path: &str, text: &str) -> Checked {
    check_str_then(path, text, |_| Vec::new())
}

/// Reads a dataset file and checks it like [`check_str_then`].
pub fn check_file_then(path: &Path, more: Pass) -> Checked {
    match read_text(path) {
        Ok(text) => check_text_then(&path.display().to_string(), text, more),
        Err(report) => Checked {
            dataset: None,
            report,
        },
    }
}

/// [`check_str`], then, when the dataset broke no rule, `more`: its problems are told at
/// their place in the file like the model's own.
pub fn check_str_then(path: &str, text: &str, more: Pass) -> Checked {
    check_text_then(path, text.to_string(), more)
}

/// [`check_str_then`] of text the report may keep: a file of 100,000 bodies is 60 MB, held
/// once.
///
/// Cost, for a file of n bytes: parsing O(n) (`ron`); conversion and validation O(n) (ids
/// are looked up in hash maps; raw values are consumed, paths formatted only for a problem);
/// the place of each value is indexed (O(n), [`SpanIndex`]) only when a problem is to be told
/// or a map has a key written twice, which a light scan of the text (O(n), no allocation per
/// value) finds.
///
/// [`SpanIndex`]: crate::diag::SpanIndex
fn check_text_then(path: &str, text: String, more: Pass) -> Checked {
    check_text_as(path, text, more, READING)
}

/// How dataset text is read: text of `as_read` bytes or more is converted as it is read, on
/// two threads from `split` bytes, the second from about `share` of the way through it.
#[derive(Clone, Copy)]
struct Reading {
    as_read: usize,
    split: usize,
    share: f64,
}

/// Converting as read stops at the first thing to tell, and the file is then read again,
/// whole, to tell everything in order (6 of the 11 shipped datasets have a warning). The raw
/// values of a small file cost little, so it is read whole at once: one parse, warned or not.
const READING: Reading = Reading {
    as_read: 1 << 20,
    split: convert::SPLIT_FROM,
    share: convert::SPLIT_SHARE,
};

/// [`check_text_then`], read as `how` says.
fn check_text_as(path: &str, text: String, more: Pass, how: Reading) -> Checked {
    let text = match normalise_text(&text) {
        std::borrow::Cow::Borrowed(s) if s.len() == text.len() => text,
        std::borrow::Cow::Borrowed(s) => s.to_string(),
        std::borrow::Cow::Owned(s) => s,
    };
    let mut v = Validator::lazy(&text);
    let as_read = text.len() >= how.as_read && text.len() as u64 <= crate::diag::max_input_bytes();
    let dataset = match as_read
        .then(|| v.convert_as_read(&text, how.split, how.share))
        .flatten()
    {
        Some(dataset) => v.validated(dataset, more),
        None => {
            // The index of places, if a problem found converting as read built it, is kept:
            // at 100,000 bodies it takes seconds to build.
            v.restart();
            check_whole(&mut v, &text, more)
        }
    };
    let diagnostics = v.out;
    let report = FileReport {
        path: path.to_string(),
        text,
        diagnostics,
    };
    let ok = report.errors() == 0;
    Checked {
        dataset: if ok { dataset } else { None },
        report,
    }
}

/// [`check_text_then`] by the raw values of the whole file, then their conversion: for text
/// the fast reader leaves to `ron`, and for a file with something to tell, whose problems are
/// told in the order this conversion finds them. `v` has found nothing yet.
fn check_whole(v: &mut Validator<'_>, text: &str, more: Pass) -> Option<Dataset> {
    let (raw, fast) = match parse_raw(text) {
        Ok(read) => read,
        Err(d) => {
            v.push(d);
            return None;
        }
    };
    if !fast {
        v.duplicate_keys();
    }
    v.dataset(raw, more)
}

/// The raw values of dataset text, and whether they were read by [`fast`] (which reads text
/// that keeps to its subset and has no map key written twice), else by `ron`, which then
/// also tells what is wrong with the text.
fn parse_raw(text: &str) -> Result<(RawDataset, bool), crate::diag::Diagnostic> {
    if text.len() as u64 <= crate::diag::max_input_bytes()
        && let Some(raw) = fast::raw_dataset(text)
    {
        return Ok((raw, true));
    }
    parse_ron(text).map(|raw| (raw, false))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::convert::is_iso_date;
    use super::*;
    use crate::model::StepRole;

    /// Three bodies and an edge: the electorate, a President it elects, and a court.
    pub(crate) const MINI: &str = r#"(
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
        // The seats still add up wrongly, whatever else is wrong in the same channel.
        assert!(found.contains(&"seats-mismatch"), "{found:?}");
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

    /// The diagnostics of `text` from a validator that writes down every mark as it goes.
    fn marking_everything(text: &str) -> Vec<crate::diag::Diagnostic> {
        let spans = crate::diag::SpanIndex::build(text);
        let mut v = Validator::new(&spans, text);
        v.duplicate_keys();
        let raw: RawDataset = parse_ron(text).unwrap();
        v.dataset(raw, |_| Vec::new());
        v.out
    }

    #[test]
    fn problems_are_told_in_file_order_when_marks_were_skipped() {
        // The channel repeated in the court is found after conversion, at a mark passed
        // before conversion found anything (which a loader does not write down); the edge's
        // empty source is found by conversion, later in the file.
        let broken = MINI
            .replace("(id: \"judges\"", "(id: \"chair\"")
            .replace("source: \"art. 3(3)\"", "source: \"\"");
        let checked = check_str("t.ron", &broken);
        let found: Vec<&str> = checked.report.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(found, vec!["duplicate-id", "missing-source"]);
        assert_eq!(checked.report.diagnostics, marking_everything(&broken));
        assert!(
            checked.report.render(false).contains("t.ron:13:"),
            "{}",
            checked.report.render(false)
        );
        // The same, with problems on both sides of the first conversion problem.
        let broken = broken.replace("seats: 3,", "seats: 4,").replace(
            "role: head_of_state, seats: 1,",
            "role: head_of_state, seats: 1, confidence: low,",
        );
        let checked = check_str("t.ron", &broken);
        assert_eq!(checked.report.diagnostics, marking_everything(&broken));
        let found: Vec<&str> = checked.report.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(
            found,
            vec![
                "unexplained-uncertainty",
                "duplicate-id",
                "seats-mismatch",
                "missing-source"
            ]
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

    /// Text the fast reader reads must read the same with `ron`, and check the same
    /// converted as it is read as converted whole.
    fn same_as_ron(text: &str) -> bool {
        let Some(fast) = fast::raw_dataset(text) else {
            return false;
        };
        let every_way = Reading {
            as_read: 0,
            ..READING
        };
        let as_read = check_text_as("t.ron", text.to_string(), |_| Vec::new(), every_way);
        let mut v = Validator::lazy(text);
        let whole = check_whole(&mut v, text, |_| Vec::new());
        assert_eq!(as_read.dataset, whole, "{text}");
        assert_eq!(as_read.report.diagnostics, v.out, "{text}");
        match parse_ron::<RawDataset>(text) {
            Ok(ron) => assert_eq!(format!("{fast:?}"), format!("{ron:?}"), "{text}"),
            Err(e) => panic!("the fast reader read what ron refuses ({e:?}):\n{text}"),
        }
        true
    }

    #[test]
    fn fast_reads_as_ron() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "ron") {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(same_as_ron(&text), "{} is not read fast", path.display());
            }
        }
        assert!(same_as_ron(MINI));
        // Written in every way the reader knows, and some it leaves to ron.
        let varied = MINI
            .replacen(
                "(\n        id: \"mini\"",
                "Dataset(\n        id: \"mini\"",
                1,
            )
            .replace("seats: 1,", "seats: 1 , // one\n")
            .replace("\"Court\"", "\"C\\\"o\\\\u\\n\\t\\r\\0\\'rt\"")
            .replace(
                "as_of: \"2024-01-01\",",
                "as_of: \"2024-01-01\", weights: {\"consent\": 0.5e0, \"propose\": -1.25,},",
            );
        assert!(same_as_ron(&varied), "{varied}");
        // A key written twice is told by the loader at its place, after ron has read it.
        let twice = varied.replace("\"propose\": -1.25", "\"consent\": -1.25");
        assert!(fast::raw_dataset(&twice).is_none());
        let checked = check_str("t.ron", &twice);
        assert_eq!(checked.report.diagnostics[0].code, "duplicate-key");
        let mut read = 0;
        for (i, _) in MINI.char_indices() {
            let cut = format!(
                "{}{}",
                &MINI[..i],
                &MINI[i..].chars().skip(1).collect::<String>()
            );
            read += same_as_ron(&cut) as usize;
            for s in [
                ",", ")", "(", "]", "\"", " ", "//", "/*", "1", "0", "a", "-", "+", ".", "e", "\\",
                "\\x41", "Some(", "None", "r#", "#", "_", "é", ":", "{}", "Names",
            ] {
                read += same_as_ron(&format!("{}{s}{}", &MINI[..i], &MINI[i..])) as usize;
            }
        }
        // Most damaged texts are refused, but many are still read, and read as ron does.
        assert!(read > 1000, "{read}");
    }

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2024-01-31"));
        assert!(!is_iso_date("2024-13-01"));
        assert!(!is_iso_date("24-01-01"));
        assert!(!is_iso_date("2024-02-30"));
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(!is_iso_date("1900-02-29"));
        assert!(is_iso_date("2000-02-29"));
        assert!(!is_iso_date("2024-04-31"));
        assert!(!is_iso_date("+024-01-01"));
    }
}

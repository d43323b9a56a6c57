//! Reading data files and saying what is wrong with them: where (file, line, column) and how
//! to fix it. Every RON file of the tool (datasets, reform presets, the TUI config) is read
//! here; nothing in this module knows what a dataset is.
//!
//! A file goes through these stages. Reading, parsing, spans and diagnostics are here;
//! converting and validating belong to a file's loader (`model::load` for a dataset,
//! `reform::load` for reform presets), which reports through the `Validator` of this module.
//!
//! ```text
//!   text ──read_text──▶ String ──parse_ron──▶ Raw* (serde; syntax errors located by ron)
//!     ──convert──▶ domain values ──validate──▶ problems, each at a path (`bodies[2].seats`)
//!     ──SpanIndex──▶ byte ranges ──▶ Diagnostic ──▶ FileReport (rendered like rustc)
//! ```
//!
//! - [`read`]: size-limited reading, and RON parsing with located syntax errors;
//! - [`spans`]: where each value of a RON file is, by path;
//! - `check`: the `Validator`, which collects diagnostics at paths while raw values are
//!   converted, so that one run reports every problem of a file.
//!
//! Rendering goes through `codespan-reporting`, which prints the offending line with a marker
//! under the span, like rustc does.

mod check;
pub mod read;
pub mod spans;
pub mod visible;

pub(crate) use check::{Found, Shown, Validator};
pub use read::{
    MAX_FILE_BYTES, max_input_bytes, normalise_text, parse_ron, read_text, set_max_input_bytes,
};
pub use spans::SpanIndex;
pub use visible::{visible, visible_lines};

use std::fmt;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Error,
    Warning,
}

/// One problem in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub level: Level,
    /// A stable short name of the problem, e.g. `unknown-id`; tests and tools match on it.
    pub code: &'static str,
    pub message: String,
    /// Byte range in the file, when the problem has a place.
    pub span: Option<Range<usize>>,
    /// What the marker under the span says.
    pub label: String,
    /// Help and context lines.
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            level: Level::Error,
            code,
            message: message.into(),
            span: None,
            label: String::new(),
            notes: Vec::new(),
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            level: Level::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    pub fn at(mut self, span: Option<Range<usize>>, label: impl Into<String>) -> Self {
        self.span = span;
        self.label = label.into();
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn help_maybe(self, help: Option<String>) -> Self {
        match help {
            Some(h) => self.note(format!("help: {h}")),
            None => self,
        }
    }
}

/// All diagnostics of one file, with the file's text so that they can be rendered.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .count()
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(&self.text, offset)
    }

    /// `path:line:col` of a diagnostic, or the bare path when it has no place.
    pub fn location(&self, d: &Diagnostic) -> String {
        match &d.span {
            Some(span) => {
                let (line, col) = self.line_col(span.start);
                format!("{}:{line}:{col}", self.path)
            }
            None => self.path.clone(),
        }
    }

    /// Renders every diagnostic with the offending source line, coloured or not.
    /// Text from the file (the quoted line, the messages, which may quote it) is shown with
    /// its control and bidirectional characters escaped, so a file cannot act on the terminal.
    pub fn render(&self, color: bool) -> String {
        let (shown, moves) = visible::source(&self.text, true);
        let path = visible(&self.path);
        let file = SimpleFile::new(path.as_ref(), shown.as_str());
        let mut out = termcolor::Buffer::no_color();
        let mut colored = termcolor::Buffer::ansi();
        let writer: &mut termcolor::Buffer = if color { &mut colored } else { &mut out };
        let config = term::Config::default();
        for d in &self.diagnostics {
            let mut cs = match d.level {
                Level::Error => CsDiagnostic::error(),
                Level::Warning => CsDiagnostic::warning(),
            }
            .with_code(d.code)
            .with_message(visible(&d.message));
            if let Some(span) = &d.span {
                let span = clamp(span.clone(), self.text.len());
                let span = visible::shift(&moves, span.start)..visible::shift(&moves, span.end);
                cs = cs.with_labels(vec![
                    Label::primary((), span).with_message(visible(&d.label)),
                ]);
            }
            cs = cs.with_notes(
                d.notes
                    .iter()
                    .map(|n| visible_lines(n).into_owned())
                    .collect(),
            );
            // Writing into an in-memory buffer cannot fail for I/O reasons; a failure would
            // only mean a span outside the file, which `clamp` rules out.
            let _ = term::emit_to_write_style(writer, &config, &file, &cs);
        }
        String::from_utf8_lossy(writer.as_slice()).into_owned()
    }
}

impl fmt::Display for FileReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

fn clamp(span: Range<usize>, len: usize) -> Range<usize> {
    let start = span.start.min(len);
    let end = span.end.clamp(start, len);
    start..end
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut offset = offset;
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

/// Byte offset of a 1-based line and column (in characters).
pub fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut start = 0;
    for _ in 1..line.max(1) {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[start..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    rest[..line_end]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map(|(i, _)| start + i)
        .unwrap_or(start + line_end)
}

/// The closest candidate to `word`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    // On a tie the earlier candidate wins, so suggestions follow the file's order.
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .fold(None, |best: Option<(f64, &str)>, x| match best {
            Some(b) if b.0 >= x.0 => Some(b),
            _ => Some(x),
        })
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\nСенат x";
        let x = text.find('x').unwrap();
        assert_eq!(line_col(text, x), (2, 7));
        assert_eq!(offset_of(text, 2, 7), x);
        assert_eq!(line_col(text, 0), (1, 1));
    }

    #[test]
    fn suggestions_find_typos_and_ignore_strangers() {
        let ids = ["president", "senate", "senate_chair"];
        assert_eq!(did_you_mean("presidnet", ids), Some("president"));
        assert_eq!(did_you_mean("senat", ids), Some("senate"));
        assert_eq!(did_you_mean("zzzz", ids), None);
    }

    #[test]
    fn render_shows_location_and_line() {
        let report = FileReport {
            path: "x.ron".into(),
            text: "(\n  actor: \"presidnt\",\n)".into(),
            diagnostics: vec![
                Diagnostic::error("unknown-id", "unknown body 'presidnt'")
                    .at(Some(11..21), "no body has this id")
                    .note("help: did you mean 'president'?"),
            ],
        };
        let text = report.render(false);
        assert!(text.contains("x.ron:2:10"), "{text}");
        assert!(text.contains("actor: \"presidnt\""), "{text}");
        assert!(text.contains("did you mean 'president'"), "{text}");
    }
}

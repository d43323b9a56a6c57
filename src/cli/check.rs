//! `bilik check`: validates dataset files and prints every problem of each.
//!
//! Its messages are in English only, like the diagnostics: `--lang` translates the reports.

use std::path::PathBuf;
use std::process::ExitCode;

use super::say;
use crate::data;
use crate::diag::Diagnostic;
use crate::diag::spans::SpanIndex;
use crate::model::Dataset;
use crate::output::sources::tally;
use crate::output::write::write_stdout;

/// `bilik check`: every problem of every file, then a one-line verdict per file.
pub fn run(files: &[PathBuf], color: bool) -> ExitCode {
    let mut bad = 0;
    for (i, f) in files.iter().enumerate() {
        let mut checked = data::check_file(f);
        if let Some(d) = &checked.dataset {
            let uncited = uncited_sources(d, &checked.report.text);
            checked.report.diagnostics.extend(uncited);
        }
        if !checked.report.diagnostics.is_empty() {
            say(&checked.report.render(color));
        }
        // The translations are checked against the file as it reads, valid or not.
        let catalogues = data::check_prose(f, &checked.report.text);
        for (_, c) in &catalogues {
            if !c.report.diagnostics.is_empty() {
                say(&c.report.render(color));
            }
        }
        for (lang, c) in &catalogues {
            if c.report.errors() == 0 && c.missing > 0 {
                // A missing translation prints in English: a line, not a problem.
                say(&format!(
                    "{}: {} string{} of prose without a translation into {}\n",
                    shown(f),
                    c.missing,
                    if c.missing == 1 { "" } else { "s" },
                    lang.code()
                ));
            }
        }
        let prose_errors: usize = catalogues.iter().map(|(_, c)| c.report.errors()).sum();
        let errors = checked.report.errors();
        let warnings = checked.report.diagnostics.len() - errors;
        if errors > 0 || prose_errors > 0 {
            bad += 1;
        }
        if errors > 0 {
            say(&format!(
                "{}: invalid, {}{}\n",
                shown(f),
                count(errors, "error"),
                warnings_suffix(warnings)
            ));
        }
        if prose_errors > 0 {
            // Not "ok": `summary` and the explorer refuse the file while a catalogue is bad.
            let valid = match &checked.dataset {
                Some(d) if errors == 0 => format!("; the dataset itself is valid ({})", sizes(d)),
                _ => String::new(),
            };
            say(&format!(
                "{}: its translations failed, {}{valid}{}\n",
                shown(f),
                count(prose_errors, "error"),
                warnings_suffix(warnings)
            ));
        } else if errors == 0
            && let Some(d) = &checked.dataset
        {
            // A closed stdout is no reason to stop checking: the exit code still tells.
            let _ = write_stdout(
                format!(
                    "{}: ok, {}{}\n",
                    shown(f),
                    sizes(d),
                    warnings_suffix(warnings)
                )
                .as_bytes(),
            );
        }
        if i + 1 == files.len() {
            // The last file's dataset lives to the end of the process: not freed piece by piece.
            super::leave(checked);
        }
    }
    if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A warning for each source of the bibliography that no citation names, at its id: a
/// listed source no element rests on is a reference the reader cannot trace to a coding
/// (`bilik sources` says the same), often one cited only in a note.
fn uncited_sources(d: &Dataset, text: &str) -> Vec<Diagnostic> {
    let tallied = tally(d);
    if tallied.iter().all(|(_, t)| !t.about.is_empty()) {
        return Vec::new();
    }
    let spans = SpanIndex::build(text);
    tallied
        .iter()
        .enumerate()
        .filter(|(_, (_, t))| t.about.is_empty())
        .map(|(i, (s, _))| {
            Diagnostic::warning(
                "uncited-source",
                format!("source `{}` is listed, but no citation names it", s.id),
            )
            .at(spans.value(&format!("sources[{i}].id")), "cited by nothing")
            .note(
                "help: name it by its id in the `source` of what rests on it, or leave it out; \
                 a mention in a `note` is not a citation",
            )
        })
        .collect()
}

/// `23 bodies, 39 channels, 58 edges`.
fn sizes(d: &Dataset) -> String {
    format!(
        "{} bodies, {} channels, {} edges",
        d.bodies.len(),
        d.bodies.iter().map(|b| b.channels.len()).sum::<usize>(),
        d.edges.len()
    )
}

/// `1 error`, `2 errors`.
fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// `, 2 warnings` after a file's verdict, or nothing.
fn warnings_suffix(warnings: usize) -> String {
    match warnings {
        0 => String::new(),
        n => format!(", {}", count(n, "warning")),
    }
}

/// A path as typed, with any control or bidi character in it shown as an escape.
fn shown(f: &std::path::Path) -> String {
    crate::diag::visible(&f.display().to_string()).into_owned()
}

//! `bilik check`: validates dataset files and prints every problem of each.

use std::path::PathBuf;
use std::process::ExitCode;

use super::say;
use crate::data;
use crate::output::write::write_stdout;

/// `bilik check`: every problem of every file, then a one-line verdict per file.
pub fn run(files: &[PathBuf], color: bool) -> ExitCode {
    let mut bad = 0;
    for (i, f) in files.iter().enumerate() {
        let checked = data::check_file(f);
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
        let prose_errors: usize = catalogues.iter().map(|(_, c)| c.report.errors()).sum();
        if prose_errors > 0 {
            bad += 1;
            say(&format!(
                "{}: its translations have {prose_errors} error{}\n",
                shown(f),
                if prose_errors == 1 { "" } else { "s" },
            ));
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
        let errors = checked.report.errors();
        let warnings = checked.report.diagnostics.len() - errors;
        if errors > 0 {
            bad += 1;
            say(&format!(
                "{}: invalid, {errors} error{}{}\n",
                shown(f),
                if errors == 1 { "" } else { "s" },
                warnings_suffix(warnings)
            ));
        } else if let Some(d) = &checked.dataset {
            // A closed stdout is no reason to stop checking: the exit code still tells.
            let _ = write_stdout(
                format!(
                    "{}: ok, {} bodies, {} channels, {} edges{}\n",
                    shown(f),
                    d.bodies.len(),
                    d.bodies.iter().map(|b| b.channels.len()).sum::<usize>(),
                    d.edges.len(),
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

/// `, 2 warnings` after a file's verdict, or nothing.
fn warnings_suffix(warnings: usize) -> String {
    match warnings {
        0 => String::new(),
        1 => ", 1 warning".to_string(),
        n => format!(", {n} warnings"),
    }
}

/// A path as typed, with any control or bidi character in it shown as an escape.
fn shown(f: &std::path::Path) -> String {
    crate::diag::visible(&f.display().to_string()).into_owned()
}

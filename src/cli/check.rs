//! `bilik check`: validates dataset files and prints every problem of each.

use std::path::PathBuf;
use std::process::ExitCode;

use super::say;
use crate::data;
use crate::output::write::write_stdout;

/// `bilik check`: every problem of every file, then a one-line verdict per file.
pub fn run(files: &[PathBuf], color: bool) -> ExitCode {
    let mut bad = 0;
    for f in files {
        let checked = data::check_file(f);
        if !checked.report.diagnostics.is_empty() {
            say(&checked.report.render(color));
        }
        let errors = checked.report.errors();
        let warnings = checked.report.diagnostics.len() - errors;
        if errors > 0 {
            bad += 1;
            say(&format!(
                "{}: invalid, {errors} error{}{}\n",
                f.display(),
                if errors == 1 { "" } else { "s" },
                if warnings > 0 {
                    format!(
                        ", {warnings} warning{}",
                        if warnings == 1 { "" } else { "s" }
                    )
                } else {
                    String::new()
                }
            ));
        } else if let Some(d) = &checked.dataset {
            // A closed stdout is no reason to stop checking: the exit code still tells.
            let _ = write_stdout(
                format!(
                    "{}: ok, {} bodies, {} channels, {} edges{}\n",
                    f.display(),
                    d.bodies.len(),
                    d.bodies.iter().map(|b| b.channels.len()).sum::<usize>(),
                    d.edges.len(),
                    if warnings > 0 {
                        format!(
                            ", {warnings} warning{}",
                            if warnings == 1 { "" } else { "s" }
                        )
                    } else {
                        String::new()
                    }
                )
                .as_bytes(),
            );
        }
    }
    if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

//! `bilik check`: validates dataset files and prints every problem of each.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::data;

/// `bilik check`: every problem of every file, then a one-line verdict per file.
pub fn run(files: &[PathBuf], color: bool) -> ExitCode {
    let mut bad = 0;
    for f in files {
        let checked = data::check_file(f);
        if !checked.report.diagnostics.is_empty() {
            eprint!("{}", checked.report.render(color));
        }
        let errors = checked.report.errors();
        let warnings = checked.report.diagnostics.len() - errors;
        if errors > 0 {
            bad += 1;
            eprintln!(
                "{}: invalid, {errors} error{}{}",
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
            );
        } else if let Some(d) = &checked.dataset {
            println!(
                "{}: ok, {} bodies, {} channels, {} edges{}",
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
            );
        }
    }
    if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

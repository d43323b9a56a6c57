//! The wording defects a new user met (issue 13, defect 9), in the reports the binary prints:
//! possessives of long names, descriptive names after `the`, and sizes that are a modelling unit;
//! and the options a command would have ignored (defect 5).

use crate::common::{bilik, stdout};

#[test]
fn long_names_take_of_rather_than_an_apostrophe() {
    let out = stdout(&bilik(&["summary", "--data", "us"]));
    assert!(!out.contains("United States's"), "{out}");
    assert!(!out.contains(")'s"), "{out}");
    assert!(
        out.contains("at the pleasure of the President of the United States"),
        "{out}"
    );
}

#[test]
fn descriptive_names_read_in_lower_case_after_the() {
    let out = stdout(&bilik(&["summary", "--data", "kz-2022"]));
    assert!(!out.contains("of the Local and other courts"), "{out}");
    assert!(
        out.contains("The President holds a majority of the local and other courts"),
        "{out}"
    );
    // The first words of a line keep their capital.
    assert!(
        out.contains("Local and other courts [local_courts]"),
        "{out}"
    );
    assert!(out.contains(": Political parties exist only once"), "{out}");
    assert!(out.contains("69 of the 98 seats of the Mazhilis"), "{out}");
}

#[test]
fn a_size_the_law_does_not_fix_is_not_called_one_seat() {
    let out = stdout(&bilik(&["summary", "--data", "kz-2022"]));
    let line = out
        .lines()
        .find(|l| l.contains("[local_courts] ("))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("no fixed size, 1 unit"), "{line}");
    assert!(!line.contains("1 seat"), "{line}");
}

/// Issue 13, defect 5: options a command would accept and ignore are usage errors that say
/// why.
#[test]
fn options_a_command_would_ignore_are_refused() {
    use crate::common::stderr;
    for (args, named) in [
        (
            vec!["compare", "kz-2022", "kz-2026", "--reform", "P5"],
            "--reform",
        ),
        (
            vec!["compare", "kz-2022", "kz-2026", "--data", "us"],
            "--data",
        ),
        (
            vec!["completions", "bash", "--weights", "consent=0.5"],
            "--weights",
        ),
        (vec!["man", "--weights", "consent=0.5"], "--weights"),
    ] {
        let out = bilik(&args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(&format!("does not use {named}")),
            "{args:?}: {err}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // Without them the commands run.
    let out = bilik(&["compare", "kz-2022", "kz-2026"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = bilik(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// Issue 13, defect 6: the shell completions offer the embedded datasets and presets for
/// `--data`, `compare` and `--reform` (a file path is still accepted).
#[test]
fn completions_offer_dataset_and_preset_ids() {
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&bilik(&["completions", shell]));
        for id in ["kz-2022", "kz-2026", "us", "P10"] {
            assert!(script.contains(id), "{shell}: no {id}");
        }
    }
    let out = bilik(&["summary", "--data", "data/kz-2022.ron"]);
    assert_eq!(out.status.code(), Some(0));
}

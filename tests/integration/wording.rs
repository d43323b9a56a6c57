//! The wording defects a new user met (issue 13, defect 9), in the reports the binary prints:
//! possessives of long names, descriptive names after `the`, and sizes that are a modelling unit.

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
}

#[test]
fn a_size_the_law_does_not_fix_is_not_called_one_seat() {
    let out = stdout(&bilik(&["summary", "--data", "kz-2022"]));
    let line = out
        .lines()
        .find(|l| l.contains("[local_courts] ("))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("no fixed size (1 unit)"), "{line}");
    assert!(!line.contains("1 seat"), "{line}");
}

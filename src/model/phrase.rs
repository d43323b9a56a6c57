//! Names in English sentences, written once so that every report, flag and view reads alike.
//!
//! A body's name is data (`Local and other courts`, `President of the United States`), and a
//! sentence that wraps it as `the {name}` or `the {name}'s` reads wrong for some of them:
//! `a majority of the Local and other courts`, `the President of the United States's control`.
//! These helpers pick the form that reads: a descriptive name loses its capital after `the`,
//! and a long owner takes `the X of the owner` instead of `'s`.

/// The name as it reads after `the`: a descriptive name (several words, none but the first
/// capitalised: `Local and other courts`, `Regional akims`) is written in lower case; a
/// proper name (`Supreme Court`, `Chair of the Mazhilis`, `Senate`) keeps its capitals.
pub fn after_the(name: &str) -> String {
    if !lowered_after_the(name) {
        return name.to_string();
    }
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether [`after_the`] writes `name` with its first letter in lower case: a writer of many
/// sentences decides it once per name and copies no name.
pub fn lowered_after_the(name: &str) -> bool {
    // The words outside any parenthesis decide: `Maslikhats (local councils)` is a proper name.
    let head = name.split('(').next().unwrap_or(name);
    let mut words = head.split_whitespace().skip(1).peekable();
    words.peek().is_some() && words.all(|w| w.chars().next().is_some_and(|c| !c.is_uppercase()))
}

/// Whether [`possessive`] writes `the {owner}'s {thing}` rather than `the {thing} of the
/// {owner}`.
pub fn possessive_s(owner: &str) -> bool {
    takes_s(owner) && !owner.ends_with('s')
}

/// `the {name}`, as it reads in a sentence.
pub fn the(name: &str) -> String {
    format!("the {}", after_the(name))
}

/// Whether `'s` reads after this name: short names without a phrase of their own
/// (`the President's`, `the Senate's`); not `the President of the United States's` nor
/// `the Cabinet (heads of the executive departments)'s`.
fn takes_s(name: &str) -> bool {
    name.split_whitespace().count() <= 3
        && !name.contains('(')
        && name
            .split_whitespace()
            .skip(1)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// `thing` owned by `owner`, after `the`: `the President's control`, `the picks of the
/// Maslikhats`, `the control of the President of the United States`.
pub fn possessive(owner: &str, thing: &str) -> String {
    // A name ending in `s` may be singular (`Mazhilis's`) or plural (`Maslikhats'`), which
    // the name does not tell: `of` reads right for both.
    if possessive_s(owner) {
        format!("the {}'s {thing}", after_the(owner))
    } else {
        format!("the {thing} of {}", the(owner))
    }
}

/// `principal`'s control of `body`: `the President's control of the Constitutional Court`,
/// or `the control of the Supreme Court by the President of the United States`.
pub fn control_of(principal: &str, body: &str, control: &str) -> String {
    if takes_s(principal) && !principal.ends_with('s') {
        format!("{} of {}", possessive(principal, control), the(body))
    } else {
        format!("the {control} of {} by {}", the(body), the(principal))
    }
}

/// The sentence form: the first letter in upper case.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A body's size in words: `11 seats`, `1 seat`, or, where the law fixes no size and the
/// seats are a modelling unit, `no fixed size, 1 unit`.
pub fn size(seats: u32, nominal: bool) -> String {
    match (nominal, seats) {
        (false, 1) => "1 seat".to_string(),
        (false, n) => format!("{n} seats"),
        (true, 1) => "no fixed size, 1 unit".to_string(),
        (true, n) => format!("no fixed size, {n} units"),
    }
}

/// [`size`] in `lang`, with the Russian plural forms.
pub fn size_in(lang: super::Lang, seats: u32, nominal: bool) -> String {
    if lang == super::Lang::En {
        return size(seats, nominal);
    }
    if nominal {
        crate::t!(lang, "no fixed size, {n} units", n = seats)
    } else {
        crate::t!(lang, "{n} seats", n = seats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptive_names_lose_their_capital_and_proper_names_keep_it() {
        assert_eq!(
            format!("a majority of {}", the("Local and other courts")),
            "a majority of the local and other courts"
        );
        assert_eq!(the("Regional akims"), "the regional akims");
        for proper in [
            "Senate",
            "Supreme Court",
            "Chair of the Mazhilis",
            "President of the United States",
            "Maslikhats (local councils)",
            "Конституционный Суд",
        ] {
            assert_eq!(the(proper), format!("the {proper}"));
        }
    }

    #[test]
    fn long_owners_take_of_instead_of_an_apostrophe() {
        assert_eq!(
            possessive("President", "pleasure"),
            "the President's pleasure"
        );
        assert_eq!(
            possessive("President of the United States", "pleasure"),
            "the pleasure of the President of the United States"
        );
        assert_eq!(
            possessive("Maslikhats", "picks"),
            "the picks of the Maslikhats"
        );
        assert_eq!(
            possessive("Mazhilis", "98 seats"),
            "the 98 seats of the Mazhilis"
        );
        assert_eq!(
            possessive("Cabinet (heads of the executive departments)", "15 seats"),
            "the 15 seats of the Cabinet (heads of the executive departments)"
        );
        assert_eq!(
            capitalised(&control_of("President", "Constitutional Court", "control")),
            "The President's control of the Constitutional Court"
        );
        assert_eq!(
            capitalised(&control_of(
                "President of the United States",
                "Supreme Court",
                "control"
            )),
            "The control of the Supreme Court by the President of the United States"
        );
    }

    #[test]
    fn sizes_read_in_the_singular_and_say_when_they_are_a_modelling_unit() {
        assert_eq!(size(1, false), "1 seat");
        assert_eq!(size(11, false), "11 seats");
        assert_eq!(size(1, true), "no fixed size, 1 unit");
    }
}

//! The summary: one analysed state (dataset, weights, principals, headline, every body's
//! composition and control, flags), as `bilik summary` prints it and as `bilik export` writes
//! it for papers and other tools.

pub mod csv;
pub mod json;
pub mod md;
pub mod text;

use crate::analysis::BodyAnalysis;
use crate::model::Lang;
use crate::model::i18n::tr;
use crate::output::fmt::seats;
use crate::t;

/// Majority control by closure in one line (codebook R32), for every report and the TUI:
/// `the President (fills 7 of 11 seats, quota 6)` or `no principal (quota 6 of 11 seats;
/// the President fills 4)`. `name` gives a body's name; a principal is controlled by no other.
pub fn closure_line(
    a: &BodyAnalysis,
    body_seats: u32,
    principal: bool,
    name: impl Fn(&str) -> String,
) -> String {
    closure_line_in(Lang::En, a, body_seats, principal, name)
}

/// [`closure_line`] in `lang`.
pub fn closure_line_in(
    lang: Lang,
    a: &BodyAnalysis,
    body_seats: u32,
    principal: bool,
    name: impl Fn(&str) -> String,
) -> String {
    if principal {
        return tr(
            lang,
            "none: a principal, where every walk stops (codebook R16)",
        )
        .to_string();
    }
    let filled = |p: &str| a.closure_seats.get(p).copied().unwrap_or(0.0);
    if !a.controlled_by.is_empty() {
        let who: Vec<String> = a
            .controlled_by
            .iter()
            .map(|p| {
                t!(
                    lang,
                    "the {principal} (fills {filled} of {seats} seats, quota {quota})",
                    principal = name(p),
                    filled = seats(filled(p)),
                    seats = body_seats,
                    quota = seats(a.quota)
                )
            })
            .collect();
        return who.join("; ");
    }
    let most = a
        .closure_seats
        .iter()
        .max_by(|x, y| x.1.total_cmp(y.1).then_with(|| y.0.cmp(x.0)));
    match most {
        Some((p, s)) => t!(
            lang,
            "no principal (quota {quota} of {seats} seats; the {principal} fills {filled})",
            quota = seats(a.quota),
            seats = body_seats,
            principal = name(p),
            filled = seats(*s)
        ),
        None => t!(
            lang,
            "no principal (quota {quota} of {seats} seats; no principal fills a seat alone)",
            quota = seats(a.quota),
            seats = body_seats
        ),
    }
}

/// The actors every chain of appointment passes through, or that there is none.
pub fn dominators_line(a: &BodyAnalysis, name: impl Fn(&str) -> String) -> String {
    dominators_line_in(Lang::En, a, name)
}

/// [`dominators_line`] in `lang`.
pub fn dominators_line_in(lang: Lang, a: &BodyAnalysis, name: impl Fn(&str) -> String) -> String {
    if a.dominators.is_empty() {
        tr(lang, "none: the body is reached by independent chains").to_string()
    } else {
        a.dominators
            .iter()
            .map(|d| t!(lang, "the {name}", name = name(d)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

//! The summary: one analysed state (dataset, weights, principals, headline, every body's
//! composition and control, flags), as `bilik summary` prints it and as `bilik export` writes
//! it for papers and other tools.

pub mod csv;
pub mod json;
pub mod md;
pub mod text;

use crate::analysis::BodyAnalysis;
use crate::output::fmt::seats;

/// Majority control by closure in one line (codebook R32), for every report and the TUI:
/// `the President (fills 7 of 11 seats, quota 6)` or `no principal (quota 6 of 11 seats;
/// the President fills 4)`. `name` gives a body's name; a principal is controlled by no other.
pub fn closure_line(
    a: &BodyAnalysis,
    body_seats: u32,
    principal: bool,
    name: impl Fn(&str) -> String,
) -> String {
    if principal {
        return "none: a principal, where every walk stops (codebook R16)".to_string();
    }
    let filled = |p: &str| a.closure_seats.get(p).copied().unwrap_or(0.0);
    if !a.controlled_by.is_empty() {
        let who: Vec<String> = a
            .controlled_by
            .iter()
            .map(|p| {
                format!(
                    "the {} (fills {} of {body_seats} seats, quota {})",
                    name(p),
                    seats(filled(p)),
                    seats(a.quota)
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
        Some((p, s)) => format!(
            "no principal (quota {} of {body_seats} seats; the {} fills {})",
            seats(a.quota),
            name(p),
            seats(*s)
        ),
        None => format!(
            "no principal (quota {} of {body_seats} seats; no principal fills a seat alone)",
            seats(a.quota)
        ),
    }
}

/// The actors every chain of appointment passes through, or that there is none.
pub fn dominators_line(a: &BodyAnalysis, name: impl Fn(&str) -> String) -> String {
    if a.dominators.is_empty() {
        "none: the body is reached by independent chains".to_string()
    } else {
        a.dominators
            .iter()
            .map(|d| format!("the {}", name(d)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

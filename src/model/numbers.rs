//! How the model's quantities read in words, written once: a share as `52.7%`, a seat count as
//! `5` or `2.50`. Kept in the model, the lowest layer that has these quantities, so that the
//! analysis (flag messages), every output format and the TUI print them alike.

/// How far apart two shares may be and still count as equal (codebook R16). The control solve
/// stops within about 1e-12 of its fixed point, and the order of a file's bodies moves the last
/// digits: without a margin a body held exactly half would be a majority in one ordering of the
/// same file and not in another, and two principals holding half each would swap places.
pub const SAME: f64 = 1e-9;

/// More than half, beyond [`SAME`]: exactly half is not a majority.
pub fn majority(share: f64) -> bool {
    share > 0.5 + SAME
}

/// `x` at least `bound`, within [`SAME`].
pub fn at_least(x: f64, bound: f64) -> bool {
    x >= bound - SAME
}

/// A fraction as a percentage with one decimal: `0.527` -> `52.7%`.
pub fn pct(x: f64) -> String {
    format!("{:.1}%", positive_zero(x * 100.0))
}

/// `x` with a negative zero made positive: a sum over nothing is `-0.0` in Rust, and a
/// report must never print `-0.000`.
pub fn positive_zero(x: f64) -> f64 {
    x + 0.0
}

/// A seat count: whole numbers bare, fractions with two decimals.
pub fn seats(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", positive_zero(x.round()))
    } else {
        format!("{x:.2}")
    }
}

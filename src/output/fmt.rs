//! How numbers, the weights in force and plain-text tables are written, once for every
//! document and format: the same share reads `52.7%` in the text report, the Markdown, the
//! SVG title, a flag's message and the TUI.
//!
//! `pct` and `seats` live in the model (`crate::model::numbers`), the lowest layer that needs
//! them: flag messages in the analysis use them too.

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::model::Weights;

pub use crate::model::numbers::{pct, seats};

/// Rounds to 4 decimals, without a negative zero: every float of the data formats.
pub fn r4(x: f64) -> f64 {
    let r = (x * 1e4).round() / 1e4;
    if r == 0.0 { 0.0 } else { r }
}

/// A fraction or a number of seats with exactly 4 decimals and no negative zero: the fixed
/// float format of the CSV and GraphML exports.
pub fn fixed4(x: f64) -> String {
    Fixed4(x).to_string()
}

/// [`fixed4`] as a value to format, for writers that format into a buffer of their own.
#[derive(Debug, Clone, Copy)]
pub struct Fixed4(pub f64);

impl std::fmt::Display for Fixed4 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.4}", r4(self.0))
    }
}

/// The role weights in force, `consent 1, threat 0.5, recommend 0.25, …`: the label under
/// the title of every report and picture.
pub fn weights(w: &Weights) -> String {
    weights_as(w, |k, v| format!("{k} {}", seats(v)), ", ")
}

/// The role weights, each written by `item` from its name and value, joined by `sep`: for
/// the formats that mark up the names (Markdown) or need exact values (GraphML).
pub fn weights_as(w: &Weights, item: impl Fn(&str, f64) -> String, sep: &str) -> String {
    w.pairs()
        .into_iter()
        .map(|(k, v)| item(k, v))
        .collect::<Vec<_>>()
        .join(sep)
}

/// A JSON document, pretty-printed with a final newline: every `bilik.*/1` contract.
pub fn json(doc: &impl Serialize) -> String {
    // Serialising plain structs of strings, numbers and maps with string keys cannot fail.
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_default();
    s.push('\n');
    s
}

/// Pads `s` with spaces to `width` terminal columns (Cyrillic and Kazakh letters are one
/// column each, but this stays right for wide characters too).
pub fn pad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    if w >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - w))
    }
}

/// A plain-text table with columns padded by display width.
pub fn table(header: &[&str], rows: &[Vec<String>], right: &[bool]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(c.width());
            }
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let mut out = String::from("  ");
        for (i, c) in cells.iter().enumerate() {
            let w = widths.get(i).copied().unwrap_or(0);
            if right.get(i).copied().unwrap_or(false) {
                out.push_str(&" ".repeat(w.saturating_sub(c.width())));
                out.push_str(c);
            } else {
                out.push_str(&pad(c, w));
            }
            if i + 1 < cells.len() {
                out.push_str("  ");
            }
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(header.to_vec());
    out.push_str(&line(
        widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    ));
    for r in rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_fixed_decimals_and_no_negative_zero() {
        assert_eq!(pct(0.527), "52.7%");
        assert_eq!(seats(4.0), "4");
        assert_eq!(seats(0.5), "0.50");
        assert_eq!(r4(-0.00001), 0.0);
        assert_eq!(fixed4(-0.00001), "0.0000");
        assert_eq!(fixed4(0.25), "0.2500");
    }
}

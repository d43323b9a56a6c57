//! Print sizes: how wide a figure is printed and how small its text may get.
//!
//! The SVG is drawn in its own units and given a physical `width` and `height` (in mm) such
//! that its smallest text prints at the chosen font size: never smaller. When the drawing is
//! narrower than the width asked for, it is centred on that width; when it is wider, the
//! layout first adapts (names wrap onto several lines, the legend's columns stack) and only
//! what still does not fit makes the figure wider than asked, so text is never scaled down.
//! The PNG (300 dpi) and the PDF take their size from these attributes.

use std::fmt;
use std::str::FromStr;

/// A physical length: millimetres, or CSS pixels (96 to the inch) for screens and slides.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Length {
    Mm(f64),
    Px(f64),
}

impl Length {
    /// In points (1/72 inch).
    pub fn pt(self) -> f64 {
        match self {
            Length::Mm(mm) => mm * 72.0 / 25.4,
            Length::Px(px) => px * 0.75,
        }
    }
}

impl fmt::Display for Length {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Length::Mm(x) => write!(f, "{x}mm"),
            Length::Px(x) => write!(f, "{x}px"),
        }
    }
}

impl FromStr for Length {
    type Err = String;

    /// `160mm` or `1200px`; a bare number is millimetres.
    fn from_str(s: &str) -> Result<Length, String> {
        let s = s.trim();
        let (number, unit): (&str, fn(f64) -> Length) = if let Some(n) = s.strip_suffix("mm") {
            (n, Length::Mm)
        } else if let Some(n) = s.strip_suffix("px") {
            (n, Length::Px)
        } else {
            (s, Length::Mm)
        };
        match number.trim().parse::<f64>() {
            Ok(x) if x.is_finite() && x > 0.0 => {
                let l = unit(x);
                // From a business card to a poster: beyond these, a typo.
                if (20.0..=2000.0 * 72.0 / 25.4).contains(&l.pt()) {
                    Ok(l)
                } else {
                    Err(format!("{s}: a width from 7mm (20pt) to 2000mm"))
                }
            }
            _ => Err(format!("{s}: a width such as 160mm or 1200px")),
        }
    }
}

/// The print size of a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub width: Length,
    /// The smallest text, in points.
    pub font_pt: f64,
    /// The PNG's resolution, in dots per inch: 300 for print, 150 for slides and screens.
    pub dpi: f64,
}

/// A journal's text column, and the smallest text journals accept.
pub const DEFAULT: Figure = Figure {
    width: Length::Mm(160.0),
    font_pt: 7.0,
    dpi: 300.0,
};

impl Default for Figure {
    fn default() -> Figure {
        DEFAULT
    }
}

/// Checks a `--dpi`: from a screen's to a fine printer's.
pub fn dpi(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if (72.0..=1200.0).contains(&x) => Ok(x),
        _ => Err(format!(
            "{s}: a resolution from 72 to 1200 dpi, such as 150 or 300"
        )),
    }
}

/// Checks a `--font-size` in points.
pub fn font_size(s: &str) -> Result<f64, String> {
    match s.trim().trim_end_matches("pt").parse::<f64>() {
        Ok(x) if (4.0..=72.0).contains(&x) => Ok(x),
        _ => Err(format!(
            "{s}: a font size in points from 4 to 72, such as 8"
        )),
    }
}

/// Splits `text` into lines no wider than `max` (by `measure`), at spaces (a run of spaces
/// becomes one); a word wider than `max` gets a line of its own.
pub fn wrap(text: &str, max: f64, measure: impl Fn(&str) -> f64) -> Vec<String> {
    // Text that fits stays as it is, spaces and all.
    if measure(text) <= max {
        return vec![text.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in crate::output::chart::breakable(text.split(' ').filter(|w| !w.is_empty())) {
        let candidate = if line.is_empty() {
            word.clone()
        } else {
            format!("{line} {word}")
        };
        if measure(&candidate) <= max || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `parts` joined by `sep` on lines no wider than `max`, breaking only between parts; a line
/// that goes on ends with the separator (`1 seat · judicial ·`), trimmed.
pub fn wrap_joined(
    parts: &[String],
    sep: &str,
    max: f64,
    measure: impl Fn(&str) -> f64,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for p in parts {
        if line.is_empty() {
            line = p.clone();
            continue;
        }
        let candidate = format!("{line}{sep}{p}");
        if measure(&candidate) <= max {
            line = candidate;
        } else {
            lines.push(format!("{line}{}", sep.trim_end()));
            line = p.clone();
        }
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_parse_in_mm_and_px() {
        assert_eq!("160mm".parse(), Ok(Length::Mm(160.0)));
        assert_eq!("1200px".parse(), Ok(Length::Px(1200.0)));
        assert_eq!("85".parse(), Ok(Length::Mm(85.0)));
        assert!("wide".parse::<Length>().is_err());
        assert!("-3mm".parse::<Length>().is_err());
        assert!("1e9mm".parse::<Length>().is_err());
        assert!((Length::Mm(25.4).pt() - 72.0).abs() < 1e-9);
        assert_eq!(font_size("8"), Ok(8.0));
        assert!(font_size("0").is_err());
        assert_eq!(dpi("150"), Ok(150.0));
        assert!(dpi("10").is_err() && dpi("many").is_err());
    }

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        let w = |s: &str| s.chars().count() as f64;
        assert_eq!(
            wrap("Chair of the Senate", 10.0, w),
            ["Chair of", "the Senate"]
        );
        assert_eq!(wrap("Maslikhats", 4.0, w), ["Maslikhats"]);
        assert_eq!(wrap("", 4.0, w), [""]);
        let parts = ["1 seat", "judicial", "independent"].map(String::from);
        assert_eq!(
            wrap_joined(&parts, " · ", 20.0, w),
            ["1 seat · judicial ·", "independent"]
        );
        assert_eq!(
            wrap_joined(&parts, " · ", 99.0, w),
            ["1 seat · judicial · independent"]
        );
    }
}

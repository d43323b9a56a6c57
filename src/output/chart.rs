//! What the figures of several states and of a diff share: a print-sized SVG whose user unit
//! is the typographic point, so that a `font-size` of 7 prints at 7 pt when the figure is
//! placed at its own width (160 mm, a journal's text column), text width estimated for
//! DejaVu Sans, and the colour-blind-safe palette (Okabe–Ito).
//!
//! ```text
//!   <svg width="160mm" height="…mm" viewBox="0 0 453.5 …">   1 unit = 1 pt
//! ```

use std::fmt::Write;

use crate::output::escape::xml;

/// The figure's width in millimetres and in points (its user units).
pub const WIDTH_MM: f64 = 160.0;
pub const WIDTH: f64 = WIDTH_MM / 25.4 * 72.0;
/// No text is set smaller than this, in points.
pub const MIN_FONT: f64 = 7.0;
pub const FONT: &str = "DejaVu Sans, Noto Sans, Liberation Sans, Arial, Helvetica, sans-serif";
/// Okabe–Ito: distinct for the common colour blindnesses and in greyscale by lightness.
pub const BLUE: &str = "#0072B2";
pub const SKY: &str = "#56B4E9";
pub const VERMILION: &str = "#D55E00";
pub const GREEN: &str = "#009E73";
pub const INK: &str = "#222222";
pub const GREY: &str = "#666666";
pub const RULE: &str = "#d9d9d9";

/// The width of `s` at `size` pt, estimated for DejaVu Sans (a wide face, so text laid out
/// with it fits in the fallbacks too).
pub fn text_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 0.32,
            'f' | 't' | 'r' | '(' | ')' | '-' | '[' | ']' => 0.42,
            'm' | 'w' | 'M' | 'W' | '%' | '—' => 0.9,
            // Cyrillic runs wider than Latin in DejaVu Sans: these near a full em, the rest
            // (Kazakh letters included) about two thirds.
            'ж' | 'ф' | 'ш' | 'щ' | 'ы' | 'ю' | 'м' | 'Ж' | 'Ф' | 'Ш' | 'Щ' | 'Ы' | 'Ю' | 'М' => {
                0.95
            }
            'і' | 'ї' => 0.32,
            c if c.is_uppercase() => 0.7,
            c if c.is_ascii_digit() => 0.64,
            'а'..='я' | 'ё' | 'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' => 0.66,
            _ => 0.6,
        })
        .sum::<f64>()
        * size
}

/// The units a line may break between: `words` with a lone arrow kept with the word after it,
/// so that no line of a figure ends with "→" ("before → / after" reads as a sentence cut off;
/// "before / → after" as a change).
pub fn breakable<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut arrow: Option<String> = None;
    for w in words {
        let w = match arrow.take() {
            Some(a) => format!("{a} {w}"),
            None => w.to_string(),
        };
        if matches!(w.as_str(), "→" | "←" | "↔") {
            arrow = Some(w);
        } else {
            out.push(w);
        }
    }
    out.extend(arrow);
    out
}

/// `s` broken into lines no wider than `width` at `size` pt, at spaces ([`breakable`]); a word
/// longer than a line is cut.
pub fn wrap(s: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in breakable(s.split_whitespace()) {
        let word = word.as_str();
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size) <= width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        }
        while text_width(&line, size) > width && line.chars().count() > 1 {
            let mut cut: String = line.clone();
            while text_width(&cut, size) > width && cut.chars().count() > 1 {
                cut.pop();
            }
            let rest: String = line.chars().skip(cut.chars().count()).collect();
            lines.push(cut);
            line = rest;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `s` shortened with an ellipsis to fit `width` at `size` pt.
pub fn fit(s: &str, size: f64, width: f64) -> String {
    if text_width(s, size) <= width {
        return s.to_string();
    }
    let mut out: String = s.to_string();
    while !out.is_empty() && text_width(&format!("{out}…"), size) > width {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

/// A figure's lettered section heading (`A. …`), bold at 8.5 pt from `margin`, wrapped
/// within the margins; the same in the comparison and the diff. Returns the y below it.
pub fn section(svg: &mut Svg, y: f64, margin: f64, heading: &str) -> f64 {
    bold_lines(svg, y + 1.0, margin, 8.5, 11.0, heading) + 4.0
}

/// `text` in bold at `size`, wrapped within the margins, a line every `step` below `y`
/// (a figure's title, a section's heading). Returns the y of the last line.
pub fn bold_lines(svg: &mut Svg, y: f64, margin: f64, size: f64, step: f64, text: &str) -> f64 {
    let mut y = y;
    // Bold text is about a tenth wider than `text_width` measures.
    for line in wrap(text, size, (WIDTH - 2.0 * margin) / 1.12) {
        y += step;
        svg.text(
            margin,
            y,
            size,
            Anchor::Start,
            r#"font-weight="bold""#,
            &line,
        );
    }
    y
}

/// An SVG document being written, in points.
pub struct Svg {
    pub body: String,
}

/// How a text is anchored at its x.
#[derive(Clone, Copy)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

impl Svg {
    pub fn new() -> Svg {
        Svg {
            body: String::new(),
        }
    }

    /// Text from anywhere (data included), escaped; `size` in pt, never under [`MIN_FONT`].
    pub fn text(&mut self, x: f64, y: f64, size: f64, anchor: Anchor, style: &str, s: &str) {
        let size = size.max(MIN_FONT);
        let _ = writeln!(
            self.body,
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}" text-anchor="{}"{}{}>{}</text>"#,
            anchor.as_str(),
            if style.is_empty() { "" } else { " " },
            style,
            xml(s)
        );
    }

    pub fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), style: &str) {
        let _ = writeln!(
            self.body,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" {style}/>"#
        );
    }

    pub fn raw(&mut self, s: &str) {
        self.body.push_str(s);
        self.body.push('\n');
    }

    /// The document, `height` pt tall, with `title` as its accessible name.
    pub fn finish(self, height: f64, title: &str) -> String {
        let h_mm = height / 72.0 * 25.4;
        let mut out = String::new();
        let _ = writeln!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH_MM}mm" height="{h_mm:.1}mm" viewBox="0 0 {WIDTH:.1} {height:.1}" font-family="{FONT}" fill="{INK}">"#
        );
        let _ = writeln!(out, "<title>{}</title>", xml(title));
        let _ = writeln!(
            out,
            r##"<rect width="{WIDTH:.1}" height="{height:.1}" fill="#ffffff"/>"##
        );
        out.push_str(&self.body);
        out.push_str("</svg>\n");
        out
    }
}

impl Default for Svg {
    fn default() -> Svg {
        Svg::new()
    }
}

/// `0.55` as `55%`, rounded to whole percent (figures label at a glance; the tables keep the
/// decimals).
pub fn whole_pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        let s = "Kazakhstan, 1995 Constitution as amended in June and September 2022";
        let lines = wrap(s, 7.0, 120.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), s);
        assert!(lines.iter().all(|l| text_width(l, 7.0) <= 120.0));
    }

    #[test]
    fn no_line_ends_with_an_arrow() {
        let s = "Senate: до → после";
        for width in [35.0, 45.0, 60.0, 80.0] {
            let lines = wrap(s, 7.0, width);
            assert_eq!(lines.join(" "), s);
            assert!(lines.iter().all(|l| !l.ends_with('→')), "{lines:?}");
        }
        assert_eq!(breakable("a → b →".split(' ')), ["a", "→ b", "→"]);
    }

    #[test]
    fn no_text_is_set_under_the_floor_and_data_is_escaped() {
        let mut svg = Svg::new();
        svg.text(0.0, 0.0, 5.0, Anchor::Start, "", "<a & b>");
        let out = svg.finish(100.0, "t");
        assert!(out.contains(r#"font-size="7""#), "{out}");
        assert!(out.contains("&lt;a &amp; b&gt;"));
        assert!(out.contains(r#"width="160mm""#));
    }
}

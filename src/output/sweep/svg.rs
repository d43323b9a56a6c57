//! The sweep as an SVG line chart: one line per series, control (0–100%) against the weight,
//! the majority line dashed, each breakpoint a marked dot with its weight in a tooltip.
//!
//! ```text
//!   title: principal, body, weight
//!   100% ┤╲
//!    50% ┤┄┄╳┄┄┄┄┄┄   ● breakpoint (hover: what and where)
//!     0% ┼────────── weight
//!   legend: one swatch per series
//! ```
//!
//! Labels come from the data (names, dataset and preset ids) and are escaped for XML.

use std::fmt::Write;

use super::{SweepView, breakpoints, phrase};
use crate::model::Lang;
use crate::model::i18n::tr;
use crate::model::phrase::{capitalised, control_of};
use crate::output::escape::xml;
use crate::t;

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 440.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 52.0;
const BOTTOM: f64 = 92.0;
const FONT: &str = "DejaVu Sans, Noto Sans, Liberation Sans, Arial, Helvetica, sans-serif";
/// Distinct on white and for the common colour blindnesses (Okabe–Ito).
const COLORS: [&str; 7] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
];

pub fn render(v: &SweepView) -> String {
    let s = v.sweep;
    let pw = WIDTH - LEFT - RIGHT;
    let ph = HEIGHT - TOP - BOTTOM;
    let x = |w: f64| LEFT + (w - s.from) / (s.to - s.from) * pw;
    let y = |c: f64| TOP + (1.0 - c.clamp(0.0, 1.0)) * ph;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{FONT}">"#
    );
    let title = if v.lang == Lang::En {
        format!(
            "{} as {} varies",
            capitalised(&control_of(
                &v.principal_name,
                &v.body_name,
                "integrated control"
            )),
            s.weight
        )
    } else {
        t!(
            v.lang,
            "The {principal}'s integrated control of the {body} as {weight} varies",
            principal = v.principal_name,
            body = v.body_name,
            weight = s.weight
        )
    };
    let _ = writeln!(out, "<title>{}</title>", xml(&title));
    let _ = writeln!(
        out,
        r##"<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>"##
    );
    let _ = writeln!(
        out,
        r##"<text x="{LEFT}" y="28" font-size="15" font-weight="bold" fill="#222">{}</text>"##,
        xml(&title)
    );
    // Grid and axes.
    for k in 0..=4 {
        let c = f64::from(k) / 4.0;
        let _ = writeln!(
            out,
            r##"<line x1="{LEFT:.1}" y1="{yy:.1}" x2="{x2:.1}" y2="{yy:.1}" stroke="#e4e4e4"/><text x="{tx:.1}" y="{ty:.1}" font-size="11" text-anchor="end" fill="#444">{p}%</text>"##,
            yy = y(c),
            x2 = LEFT + pw,
            tx = LEFT - 6.0,
            ty = y(c) + 4.0,
            p = k * 25
        );
    }
    for k in 0..=5 {
        let w = s.from + (s.to - s.from) * f64::from(k) / 5.0;
        let _ = writeln!(
            out,
            r##"<line x1="{xx:.1}" y1="{TOP:.1}" x2="{xx:.1}" y2="{y2:.1}" stroke="#f0f0f0"/><text x="{xx:.1}" y="{ty:.1}" font-size="11" text-anchor="middle" fill="#444">{w}</text>"##,
            xx = x(w),
            y2 = TOP + ph,
            ty = TOP + ph + 16.0,
            w = trim(w)
        );
    }
    let _ = writeln!(
        out,
        r##"<line x1="{LEFT:.1}" y1="{yy:.1}" x2="{x2:.1}" y2="{yy:.1}" stroke="#888" stroke-dasharray="6 4"><title>{}</title></line>"##,
        xml(tr(v.lang, "one half: a majority above")),
        yy = y(0.5),
        x2 = LEFT + pw
    );
    let _ = writeln!(
        out,
        r##"<rect x="{LEFT:.1}" y="{TOP:.1}" width="{pw:.1}" height="{ph:.1}" fill="none" stroke="#888"/>"##
    );
    let _ = writeln!(
        out,
        r##"<text x="{cx:.1}" y="{ty:.1}" font-size="12" text-anchor="middle" fill="#222">{w}</text>"##,
        cx = LEFT + pw / 2.0,
        ty = TOP + ph + 34.0,
        w = xml(&t!(v.lang, "weight: {weight}", weight = s.weight))
    );
    // The series.
    for (i, series) in s.series.iter().enumerate() {
        let color = COLORS[i % COLORS.len()];
        let points: Vec<String> = series
            .points
            .iter()
            .map(|(w, c)| format!("{:.1},{:.1}", x(*w), y(*c)))
            .collect();
        let _ = writeln!(
            out,
            r#"<polyline points="{}" fill="none" stroke="{color}" stroke-width="2"><title>{}</title></polyline>"#,
            points.join(" "),
            xml(&series.label)
        );
    }
    for (i, b) in breakpoints(s) {
        let color = COLORS[i % COLORS.len()];
        let _ = writeln!(
            out,
            r##"<circle cx="{:.1}" cy="{:.1}" r="4.5" fill="#ffffff" stroke="{color}" stroke-width="2"><title>{}</title></circle>"##,
            x(b.weight),
            y(b.value),
            xml(&phrase(v, i, b))
        );
    }
    // The legend.
    let mut lx = LEFT;
    let ly = HEIGHT - 24.0;
    for (i, series) in s.series.iter().enumerate() {
        let color = COLORS[i % COLORS.len()];
        let _ = writeln!(
            out,
            r##"<line x1="{lx:.1}" y1="{ly:.1}" x2="{x2:.1}" y2="{ly:.1}" stroke="{color}" stroke-width="3"/><text x="{tx:.1}" y="{ty:.1}" font-size="12" fill="#222">{}</text>"##,
            xml(&series.label),
            x2 = lx + 22.0,
            tx = lx + 28.0,
            ty = ly + 4.0
        );
        lx += 40.0 + 7.5 * series.label.chars().count() as f64;
    }
    out.push_str("</svg>\n");
    out
}

fn trim(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::sweep::tests::{two, view};

    #[test]
    fn lines_breakpoints_and_escaped_labels() {
        let s = two();
        let out = render(&view(&s));
        assert!(out.starts_with("<svg"));
        assert_eq!(out.matches("<polyline").count(), 2);
        assert_eq!(out.matches("<circle").count(), 2);
        assert!(out.contains("a&lt;&amp;&gt;"));
        assert!(!out.contains("a<&>"));
        assert!(out.trim_end().ends_with("</svg>"));
    }
}

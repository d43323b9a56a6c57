//! The sweep as text: a table of a few grid points per series, then every breakpoint.

use std::fmt::Write;

use super::{SweepView, breakpoints, phrase};
use crate::model::Lang;
use crate::model::i18n::tr;
use crate::model::phrase::control_of;
use crate::output::fmt::{pct, table};
use crate::output::ranges::plain;
use crate::t;

/// Rows of the table: about this many grid points, evenly spaced, the ends included.
const ROWS: usize = 9;

pub fn render(v: &SweepView) -> String {
    let s = v.sweep;
    let mut out = String::new();
    let lang = v.lang;
    let n = s.series.first().map_or(0, |x| x.points.len());
    if lang == Lang::En {
        let _ = writeln!(
            out,
            "SWEEP: {} as the weight {} runs from {} to {}",
            control_of(
                &plain(&v.principal_name),
                &plain(&v.body_name),
                "integrated control"
            ),
            s.weight,
            s.from,
            s.to
        );
        let _ = writeln!(
            out,
            "  {} grid point{} per series; breakpoints found by bisection to 1e-6",
            n,
            if n == 1 { "" } else { "s" }
        );
    } else {
        let _ = writeln!(
            out,
            "{}",
            t!(
                lang,
                "SWEEP: the {principal}'s integrated control of the {body} as the weight {weight} runs from {from} to {to}",
                principal = plain(&v.principal_name),
                body = plain(&v.body_name),
                weight = s.weight,
                from = s.from,
                to = s.to
            )
        );
        let _ = writeln!(
            out,
            "  {}",
            t!(
                lang,
                "{n} {n:grid point|grid points} per series; breakpoints found by bisection to 1e-6",
                n = n
            )
        );
    }
    out.push('\n');
    let mut header = vec![s.weight.clone()];
    header.extend(s.series.iter().map(|x| plain(&x.label)));
    let picks: Vec<usize> = if n <= ROWS {
        (0..n).collect()
    } else {
        let mut p: Vec<usize> = (0..ROWS).map(|k| k * (n - 1) / (ROWS - 1)).collect();
        p.dedup();
        p
    };
    let rows: Vec<Vec<String>> = picks
        .iter()
        .map(|&k| {
            let mut row = vec![format!("{:.4}", s.series[0].points[k].0)];
            row.extend(s.series.iter().map(|x| pct(x.points[k].1)));
            row
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let right = vec![true; header.len()];
    out.push_str(&table(&header, &rows, &right));
    out.push('\n');
    let found = breakpoints(s);
    let _ = writeln!(out, "{}", t!(lang, "BREAKPOINTS ({n})", n = found.len()));
    if found.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            tr(
                lang,
                "none: no series crosses another, one half, or the next principal in this range"
            )
        );
    }
    for (i, b) in found {
        let _ = writeln!(out, "  {}", plain(&phrase(v, i, b)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::sweep::tests::{two, view};

    #[test]
    fn the_table_and_the_breakpoints_are_printed() {
        let s = two();
        let out = render(&view(&s));
        assert!(out.contains("BREAKPOINTS (2)"), "{out}");
        assert!(out.contains("a<&> crosses b at consent = 0.5000"), "{out}");
        assert!(
            out.contains("a<&>: the President loses the majority at consent = 0.5000"),
            "{out}"
        );
        assert!(out.contains("80.0%"), "{out}");
    }
}

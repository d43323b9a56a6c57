//! `bilik sweep`: one principal's control of one body as a role weight runs over a range,
//! one series per state, with the weights at which a conclusion flips (I9 §5). Text (a table
//! of grid points and every breakpoint in words), JSON (`bilik.sweep/1`), CSV (long format)
//! and SVG (a line chart with the breakpoints marked) render the same [`SweepView`].

pub mod csv;
pub mod json;
pub mod svg;
pub mod text;

use crate::analysis::sweep::{BreakKind, Breakpoint, Sweep};
use crate::model::Lang;
use crate::model::i18n::word;
use crate::t;

/// A sweep with what its series are and the names to print.
pub struct SweepView<'a> {
    pub sweep: &'a Sweep,
    /// Per series, in the sweep's order: the dataset id and the reforms applied to it.
    pub series: Vec<SeriesMeta>,
    /// The body's and the principal's names (of the first state), for titles.
    pub body_name: String,
    pub principal_name: String,
    /// The language of the text and the figure's words (names come in it already).
    pub lang: Lang,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SeriesMeta {
    pub dataset: String,
    pub reforms: Vec<String>,
}

/// Every breakpoint once, in the order of the weight: a crossing belongs to both of its
/// series and is listed from the earlier one only. `(series index, breakpoint)`.
pub fn breakpoints(s: &Sweep) -> Vec<(usize, &Breakpoint)> {
    let index = |label: &str| s.series.iter().position(|x| x.label == label);
    let mut out: Vec<(usize, &Breakpoint)> = s
        .series
        .iter()
        .enumerate()
        .flat_map(|(i, x)| x.breakpoints.iter().map(move |b| (i, b)))
        .filter(|(i, b)| {
            b.kind != BreakKind::Crossing
                || b.with.as_deref().and_then(index).is_none_or(|j| *i < j)
        })
        .collect();
    out.sort_by(|a, b| a.1.weight.total_cmp(&b.1.weight).then(a.0.cmp(&b.0)));
    out
}

/// A breakpoint in words: `kz-2022 crosses kz-2026 at consent = 0.6180 (control 52.3%)`,
/// `kz-2022: the President loses the majority at …`. Labels come from dataset and preset ids,
/// the name from the data; the caller escapes for its format.
pub fn phrase(v: &SweepView, series: usize, b: &Breakpoint) -> String {
    let s = v.sweep;
    let label = &s.series[series].label;
    if v.lang != Lang::En {
        let at = t!(
            v.lang,
            "at {weight} = {value} (control {share})",
            weight = s.weight,
            value = format!("{:.4}", b.weight),
            share = format!("{:.1}%", b.value * 100.0)
        );
        return match (&b.kind, &b.with) {
            (BreakKind::Crossing, Some(w)) => t!(
                v.lang,
                "{label} crosses {other} {at}",
                label = label,
                other = w,
                at = at
            ),
            (kind, _) => t!(
                v.lang,
                "{label}: the {principal} {what} {at}",
                label = label,
                principal = v.principal_name,
                what = word(v.lang, "breakkind", kind.as_str()),
                at = at
            ),
        };
    }
    let what = match (&b.kind, &b.with) {
        (BreakKind::Crossing, Some(w)) => format!("{label} crosses {w}"),
        (kind, _) => format!("{label}: the {} {}", v.principal_name, kind.phrase()),
    };
    format!(
        "{what} at {} = {:.4} (control {:.1}%)",
        s.weight,
        b.weight,
        b.value * 100.0
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analysis::sweep::{Series, Sweep};

    /// Two series crossing once at 0.5, the first losing its majority there.
    pub(crate) fn two() -> Sweep {
        let cross = |with: &str| Breakpoint {
            weight: 0.5,
            kind: BreakKind::Crossing,
            value: 0.5,
            with: Some(with.to_string()),
        };
        Sweep {
            body: "court".into(),
            principal: "president".into(),
            weight: "consent".into(),
            from: 0.0,
            to: 1.0,
            series: vec![
                Series {
                    label: "a<&>".into(),
                    points: vec![(0.0, 0.8), (0.5, 0.5), (1.0, 0.2)],
                    breakpoints: vec![
                        cross("b"),
                        Breakpoint {
                            weight: 0.5,
                            kind: BreakKind::MajorityLost,
                            value: 0.5,
                            with: None,
                        },
                    ],
                },
                Series {
                    label: "b".into(),
                    points: vec![(0.0, 0.2), (0.5, 0.5), (1.0, 0.8)],
                    breakpoints: vec![cross("a<&>")],
                },
            ],
        }
    }

    pub(crate) fn view(s: &Sweep) -> SweepView<'_> {
        SweepView {
            sweep: s,
            series: vec![
                SeriesMeta {
                    dataset: "a".into(),
                    reforms: Vec::new(),
                },
                SeriesMeta {
                    dataset: "b".into(),
                    reforms: vec!["P1".into()],
                },
            ],
            lang: Lang::En,
            body_name: "Court".into(),
            principal_name: "President".into(),
        }
    }

    #[test]
    fn a_crossing_is_listed_once() {
        let s = two();
        let b = breakpoints(&s);
        assert_eq!(b.len(), 2);
        assert_eq!(
            phrase(&view(&s), b[0].0, b[0].1),
            "a<&> crosses b at consent = 0.5000 (control 50.0%)"
        );
    }
}

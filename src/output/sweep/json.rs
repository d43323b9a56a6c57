//! The JSON document `bilik.sweep/1` (I9 §5). Floats rounded to 6 decimals for the weights
//! (the breakpoints are exact to 1e-6) and 4 for control.

use serde::Serialize;

use super::SweepView;
use crate::output::fmt::{self, r4};

pub const SCHEMA: &str = "bilik.sweep/1";

#[derive(Debug, Serialize)]
pub struct Doc {
    pub schema: &'static str,
    pub body: String,
    pub principal: String,
    pub weight: String,
    pub from: f64,
    pub to: f64,
    pub series: Vec<SeriesOut>,
}

#[derive(Debug, Serialize)]
pub struct SeriesOut {
    pub label: String,
    pub dataset: String,
    pub reforms: Vec<String>,
    /// `[weight, control]` on the grid.
    pub points: Vec<[f64; 2]>,
    pub breakpoints: Vec<BreakpointOut>,
}

#[derive(Debug, Serialize)]
pub struct BreakpointOut {
    pub weight: f64,
    /// `crossing`, `majority_gained`, `majority_lost`, `largest_gained`, `largest_lost`.
    pub kind: &'static str,
    /// The control at the breakpoint.
    pub value: f64,
    /// For a crossing: the other series' label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with: Option<String>,
}

fn r6(x: f64) -> f64 {
    let r = (x * 1e6).round() / 1e6;
    if r == 0.0 { 0.0 } else { r }
}

pub fn document(v: &SweepView) -> Doc {
    let s = v.sweep;
    Doc {
        schema: SCHEMA,
        body: s.body.clone(),
        principal: s.principal.clone(),
        weight: s.weight.clone(),
        from: r6(s.from),
        to: r6(s.to),
        series: s
            .series
            .iter()
            .zip(&v.series)
            .map(|(x, m)| SeriesOut {
                label: x.label.clone(),
                dataset: m.dataset.clone(),
                reforms: m.reforms.clone(),
                points: x.points.iter().map(|(w, c)| [r6(*w), r4(*c)]).collect(),
                breakpoints: x
                    .breakpoints
                    .iter()
                    .map(|b| BreakpointOut {
                        weight: r6(b.weight),
                        kind: b.kind.as_str(),
                        value: r4(b.value),
                        with: b.with.clone(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

pub fn render(v: &SweepView) -> String {
    fmt::json(&document(v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::sweep::tests::{two, view};

    #[test]
    fn the_document_has_its_schema_series_and_breakpoints() {
        let s = two();
        let d: serde_json::Value = serde_json::from_str(&render(&view(&s))).unwrap();
        assert_eq!(d["schema"], "bilik.sweep/1");
        assert_eq!(d["series"][1]["reforms"][0], "P1");
        assert_eq!(d["series"][0]["points"].as_array().unwrap().len(), 3);
        assert_eq!(d["series"][0]["breakpoints"][0]["kind"], "crossing");
        assert_eq!(d["series"][0]["breakpoints"][0]["with"], "b");
        assert!(d["series"][0]["breakpoints"][1].get("with").is_none());
    }
}

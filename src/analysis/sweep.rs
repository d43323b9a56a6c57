//! The sensitivity sweep: one principal's control of one body as a role weight moves, for one
//! or several states, with the exact weights at which a conclusion flips.
//!
//! ```text
//!   control
//!     1 ┤ ╲ kz-2026
//!       │  ╲____          breakpoints, each found by bisection to 1e-6 between two grid
//!   1/2 ┤──────╳──── ←─── points where a sign changes:
//!       │ kz-2022 ╲___      · two series cross           (crossing)
//!     0 ┼──────────────     · control passes one half    (majority gained / lost)
//!       0     w     2       · the lead over the next principal passes zero (largest ...)
//! ```
//!
//! Every figure is a continuous rational function of the weight, so a sign change between two
//! grid points holds a root that bisection finds; two roots between the same two points (a
//! curve that touches and turns back within one grid step) would be missed, which is why the
//! grid is fine (200 steps by default) and reported.

use std::fmt;

use super::{AnalysisError, Options, analyze};
use crate::model::{Dataset, MAX_WEIGHT, Weights};

/// How close a breakpoint's weight is to the true root.
pub const TOLERANCE: f64 = 1e-6;

/// The grid's steps when the user names none.
pub const DEFAULT_STEPS: usize = 200;

/// The most steps a sweep may take: each is a whole analysis per series.
pub const MAX_STEPS: usize = 10_000;

/// What a breakpoint marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BreakKind {
    /// Two series cross.
    Crossing,
    /// The principal's control rises above one half.
    MajorityGained,
    /// It falls to one half or below.
    MajorityLost,
    /// The principal becomes the largest (alone).
    LargestGained,
    /// Another principal draws level or passes it.
    LargestLost,
}

impl BreakKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BreakKind::Crossing => "crossing",
            BreakKind::MajorityGained => "majority_gained",
            BreakKind::MajorityLost => "majority_lost",
            BreakKind::LargestGained => "largest_gained",
            BreakKind::LargestLost => "largest_lost",
        }
    }

    /// A phrase for reports: "kz-2022 crosses kz-2026", "gains a majority".
    pub fn phrase(self) -> &'static str {
        match self {
            BreakKind::Crossing => "crosses",
            BreakKind::MajorityGained => "gains a majority",
            BreakKind::MajorityLost => "loses the majority",
            BreakKind::LargestGained => "becomes the largest principal",
            BreakKind::LargestLost => "stops being the largest principal",
        }
    }
}

impl fmt::Display for BreakKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Breakpoint {
    pub weight: f64,
    pub kind: BreakKind,
    /// The control at the breakpoint.
    pub value: f64,
    /// For a crossing: the other series' label.
    pub with: Option<String>,
}

/// One state's curve.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    /// (weight, control) on the grid.
    pub points: Vec<(f64, f64)>,
    pub breakpoints: Vec<Breakpoint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sweep {
    pub body: String,
    pub principal: String,
    pub weight: String,
    pub from: f64,
    pub to: f64,
    pub series: Vec<Series>,
}

/// One evaluation of a series at a weight: the control and the principal's lead over the
/// largest other principal (positive when it is the largest alone).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub control: f64,
    pub lead: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SweepError {
    /// The range or the weight name is not allowed; the message says what is.
    Range(String),
    UnknownBody(String),
    UnknownPrincipal(String),
    Analysis(AnalysisError),
}

impl fmt::Display for SweepError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SweepError::Range(m) => f.write_str(m),
            SweepError::UnknownBody(b) => write!(f, "unknown body '{b}'"),
            SweepError::UnknownPrincipal(p) => {
                write!(f, "'{p}' is not a principal of every state swept")
            }
            SweepError::Analysis(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for SweepError {}

/// A state to sweep: its label, the dataset (reformed already, if so) and the options.
pub struct State<'a> {
    pub label: String,
    pub dataset: &'a Dataset,
    pub options: Options,
}

/// What to sweep.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    pub body: String,
    pub principal: String,
    pub weight: String,
    pub from: f64,
    pub to: f64,
    pub steps: usize,
}

impl Spec {
    /// Checks the weight name and the range against what the weight allows.
    pub fn check(&self) -> Result<(), SweepError> {
        if Weights::default().get(&self.weight).is_none() {
            let mut w = Weights::default();
            // `set` words the unknown-name message, with its did-you-mean.
            let msg = w.set(&self.weight, 1.0).err().unwrap_or_default();
            return Err(SweepError::Range(msg));
        }
        if !(self.from.is_finite() && self.to.is_finite()) || self.from >= self.to {
            return Err(SweepError::Range(format!(
                "the sweep runs from --from to a larger --to, not from {} to {}",
                self.from, self.to
            )));
        }
        let max = if self.weight == "at_will_removal" {
            1.0
        } else {
            MAX_WEIGHT
        };
        let min = if self.weight == "propose" {
            f64::MIN_POSITIVE
        } else {
            0.0
        };
        if self.from < min || self.to > max {
            return Err(SweepError::Range(format!(
                "weight '{}' can be swept within [{}, {max}], not [{}, {}]",
                self.weight,
                if min > 0.0 {
                    "above 0".to_string()
                } else {
                    "0".to_string()
                },
                self.from,
                self.to
            )));
        }
        if self.steps == 0 || self.steps > MAX_STEPS {
            return Err(SweepError::Range(format!(
                "--steps must be from 1 to {MAX_STEPS}, not {}",
                self.steps
            )));
        }
        Ok(())
    }

    fn grid(&self) -> Vec<f64> {
        (0..=self.steps)
            .map(|i| {
                if i == self.steps {
                    self.to
                } else {
                    self.from + (self.to - self.from) * i as f64 / self.steps as f64
                }
            })
            .collect()
    }
}

/// Sweeps the states with the analysis.
pub fn sweep(states: &[State<'_>], spec: &Spec) -> Result<Sweep, SweepError> {
    spec.check()?;
    for s in states {
        if s.dataset.body(&spec.body).is_none() {
            return Err(SweepError::UnknownBody(spec.body.clone()));
        }
    }
    let eval = |i: usize, w: f64| -> Result<Point, SweepError> {
        let state = &states[i];
        let mut o = state.options.clone();
        o.weights
            .set_computed(&spec.weight, w)
            .map_err(SweepError::Range)?;
        let a = analyze(state.dataset, &o).map_err(SweepError::Analysis)?;
        if !a.principals.contains(&spec.principal) {
            return Err(SweepError::UnknownPrincipal(spec.principal.clone()));
        }
        let b = a
            .body(&spec.body)
            .ok_or_else(|| SweepError::UnknownBody(spec.body.clone()))?;
        let control = b.control_of(&spec.principal);
        let others = b
            .control
            .iter()
            .filter(|(p, _)| **p != spec.principal)
            .map(|(_, v)| *v)
            .fold(0.0, f64::max);
        Ok(Point {
            control,
            lead: control - others,
        })
    };
    let labels: Vec<String> = states.iter().map(|s| s.label.clone()).collect();
    sweep_with(&labels, spec, eval)
}

/// The sweep over any evaluation function, so that the breakpoint finder can be tested on
/// functions whose roots are known.
pub fn sweep_with<E>(
    labels: &[String],
    spec: &Spec,
    eval: impl Fn(usize, f64) -> Result<Point, E>,
) -> Result<Sweep, E> {
    let grid = spec.grid();
    let mut values: Vec<Vec<Point>> = Vec::with_capacity(labels.len());
    for i in 0..labels.len() {
        values.push(grid.iter().map(|&w| eval(i, w)).collect::<Result<_, _>>()?);
    }
    let mut series: Vec<Series> = labels
        .iter()
        .zip(&values)
        .map(|(label, v)| Series {
            label: label.clone(),
            points: grid.iter().zip(v).map(|(w, p)| (*w, p.control)).collect(),
            breakpoints: Vec::new(),
        })
        .collect();

    for (i, v) in values.iter().enumerate() {
        let mut found = Vec::new();
        for k in 1..grid.len() {
            let (a, b) = (grid[k - 1], grid[k]);
            let above = |p: &Point| crate::model::numbers::majority(p.control);
            if above(&v[k - 1]) != above(&v[k]) {
                let w = bisect(a, b, above(&v[k - 1]), |w| {
                    eval(i, w).map(|p| crate::model::numbers::majority(p.control))
                })?;
                let kind = if above(&v[k]) {
                    BreakKind::MajorityGained
                } else {
                    BreakKind::MajorityLost
                };
                found.push(breakpoint(w, kind, None, eval(i, w)?.control));
            }
            let leads = |p: &Point| p.lead > 0.0;
            if leads(&v[k - 1]) != leads(&v[k]) {
                let w = bisect(a, b, leads(&v[k - 1]), |w| eval(i, w).map(|p| p.lead > 0.0))?;
                let kind = if leads(&v[k]) {
                    BreakKind::LargestGained
                } else {
                    BreakKind::LargestLost
                };
                found.push(breakpoint(w, kind, None, eval(i, w)?.control));
            }
        }
        series[i].breakpoints.extend(found);
    }
    for i in 0..labels.len() {
        for j in i + 1..labels.len() {
            for k in 1..grid.len() {
                let higher = |k: usize| values[i][k].control > values[j][k].control;
                if higher(k - 1) != higher(k) {
                    let w = bisect(grid[k - 1], grid[k], higher(k - 1), |w| {
                        Ok(eval(i, w)?.control > eval(j, w)?.control)
                    })?;
                    let value = eval(i, w)?.control;
                    series[i].breakpoints.push(breakpoint(
                        w,
                        BreakKind::Crossing,
                        Some(labels[j].clone()),
                        value,
                    ));
                    series[j].breakpoints.push(breakpoint(
                        w,
                        BreakKind::Crossing,
                        Some(labels[i].clone()),
                        value,
                    ));
                }
            }
        }
    }
    for s in &mut series {
        s.breakpoints
            .sort_by(|a, b| a.weight.total_cmp(&b.weight).then(a.kind.cmp(&b.kind)));
    }
    Ok(Sweep {
        body: spec.body.clone(),
        principal: spec.principal.clone(),
        weight: spec.weight.clone(),
        from: spec.from,
        to: spec.to,
        series,
    })
}

fn breakpoint(weight: f64, kind: BreakKind, with: Option<String>, value: f64) -> Breakpoint {
    Breakpoint {
        weight,
        kind,
        value,
        with,
    }
}

/// The point in `[a, b]` where `test` changes from `at_a` to its opposite, to [`TOLERANCE`]:
/// the midpoint of the last bracket.
fn bisect<E>(
    mut a: f64,
    mut b: f64,
    at_a: bool,
    test: impl Fn(f64) -> Result<bool, E>,
) -> Result<f64, E> {
    while b - a > TOLERANCE {
        let m = 0.5 * (a + b);
        if test(m)? == at_a {
            a = m;
        } else {
            b = m;
        }
    }
    Ok(0.5 * (a + b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(from: f64, to: f64, steps: usize) -> Spec {
        Spec {
            body: "b".into(),
            principal: "p".into(),
            weight: "consent".into(),
            from,
            to,
            steps,
        }
    }

    /// The control of a proposer whose pick a ratifier of weight `w` shares: `1 / (1 + w)`,
    /// a majority below `w = 1`.
    fn proposer(w: f64) -> Point {
        let c = 1.0 / (1.0 + w);
        Point {
            control: c,
            lead: c - (1.0 - c),
        }
    }

    #[test]
    fn the_majority_breakpoint_is_exact() {
        let s =
            sweep_with::<()>(&["a".into()], &spec(0.0, 2.0, 7), |_, w| Ok(proposer(w))).unwrap();
        let kinds: Vec<_> = s.series[0]
            .breakpoints
            .iter()
            .map(|b| (b.kind, (b.weight - 1.0).abs() < TOLERANCE))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (BreakKind::MajorityLost, true),
                (BreakKind::LargestLost, true)
            ]
        );
    }

    #[test]
    fn crossings_match_a_fine_grid() {
        // Two curves that cross where 1/(1+w) = 0.3 + 0.1 w, i.e. w^2 + 4w - 7 = 0, w = -2 + sqrt(11).
        let root = -2.0 + 11f64.sqrt();
        let labels = ["x".to_string(), "y".to_string()];
        let s = sweep_with::<()>(&labels, &spec(0.0, 2.0, 13), |i, w| {
            Ok(if i == 0 {
                proposer(w)
            } else {
                Point {
                    control: 0.3 + 0.1 * w,
                    lead: -1.0,
                }
            })
        })
        .unwrap();
        let crossing = s.series[0]
            .breakpoints
            .iter()
            .find(|b| b.kind == BreakKind::Crossing)
            .unwrap();
        assert!((crossing.weight - root).abs() < TOLERANCE);
        assert_eq!(crossing.with.as_deref(), Some("y"));
        // A grid a thousand times finer brackets the same root.
        let fine: Vec<f64> = (0..=20_000).map(|i| f64::from(i) / 10_000.0).collect();
        let change = fine
            .windows(2)
            .find(|p| {
                (proposer(p[0]).control > 0.3 + 0.1 * p[0])
                    != (proposer(p[1]).control > 0.3 + 0.1 * p[1])
            })
            .unwrap();
        assert!(
            change[0] <= crossing.weight + TOLERANCE && crossing.weight - TOLERANCE <= change[1]
        );
        assert!(
            s.series[1]
                .breakpoints
                .iter()
                .any(|b| b.with.as_deref() == Some("x"))
        );
    }

    #[test]
    fn ranges_are_checked() {
        assert!(spec(1.0, 1.0, 10).check().is_err());
        assert!(spec(0.0, 2.0, 0).check().is_err());
        assert!(spec(-1.0, 2.0, 10).check().is_err());
        let mut s = spec(0.0, 2.0, 10);
        s.weight = "consnet".into();
        let e = s.check().unwrap_err().to_string();
        assert!(e.contains("did you mean 'consent'"), "{e}");
        s.weight = "at_will_removal".into();
        assert!(s.check().is_err());
        s.to = 1.0;
        assert!(s.check().is_ok());
    }
}

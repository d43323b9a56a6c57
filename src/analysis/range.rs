//! Ranges: every figure beside the values it takes over the codings a careful reader could
//! defend (codebook R-ALT) and the weights the user allows.
//!
//! ```text
//!   dimensions                          choices
//!   ─────────────────────────────────   ─────────────────────────────────────────────
//!   each contested element              its own coding (0) or one of its alternatives
//!   the at-will threat option           off / on (when the dataset can dissolve at will)
//!   each weight of the band             its low and its high end
//!
//!   combinations ≤ MAX_EXACT  ──▶ every combination analysed: the exact range
//!   more                      ──▶ integrated control bounded by interval value iteration
//!                                 (each channel picks its own worst and best reading), an
//!                                 outer bound; other figures are not ranged
//! ```
//!
//! Each weight of the band is evaluated at its ends and three points between (evenly spaced on
//! a ratio scale): a channel's split is a ratio of sums of weights, monotone in each weight,
//! but integrated control chains such ratios and need not be, so the interior points catch a
//! turn inside the band; the sweep (`analysis::sweep`) draws the whole curve, and a test checks
//! the shipped datasets' ranges against a fine grid.
//!
//! Complexity, for B bodies, S steps, E edges, P principals and K combinations: the
//! structure of each body's row is built once (`rows::Template`, actors numbered by
//! position; again only for a body a reading bears on, per choice of those readings, on one
//! working copy of the dataset, see `Realiser`), O(S + E) with one look-up of each id; a
//! combination then evaluates every row by arithmetic alone, O(S), and solves the system,
//! O(sweeps x (S + B) x P) (sweeps: the passes of the slowest cycle, `analysis::control`),
//! unless its rows are bit for bit those of a combination already
//! solved. So O(S + E + K x (S + sweeps x (S + B) x P)), linear in the size of the state,
//! with K independent of the number of bodies unless readings are added with them. The
//! headline's figure of the combinations with every element as coded is kept by their
//! options for its consent steps ([`ControlRanges::solved`]); the other figures of those
//! solves are dropped with the solver's data when the ranges are done. The drivers keep each choice's
//! figures until its dimension is done, O(choices x B x P), and name each choice once. The
//! result is stored by position: O(B x P) figures and drivers, one id per body.

use std::collections::HashMap;
use std::fmt;

mod realise;
mod rows;

pub(crate) use rows::control_under;

use super::{Analysis, AnalysisError, Options, analyze, control, shares};
use crate::model::alt::Contested;
use crate::model::{BodyId, Dataset, EdgeKind, MAX_WEIGHT, Weights};
use realise::Realiser;

/// The most combinations of readings (alternatives times the threat option) enumerated
/// exactly; beyond it integrated control gets a proven outer bound instead.
pub const MAX_EXACT: u64 = 4096;

/// A weight dimension's choice meaning "the value in force", not an end of the band.
pub const AT_POINT: usize = usize::MAX;

/// The weights the user allows to vary, each over `[lo, hi]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub weights: Vec<(String, f64, f64)>,
}

impl Default for Band {
    /// A ratifier counts between half and twice the proposer.
    fn default() -> Self {
        Band {
            weights: vec![("consent".to_string(), 0.5, 2.0)],
        }
    }
}

impl Band {
    pub fn none() -> Band {
        Band {
            weights: Vec::new(),
        }
    }

    /// Adds or replaces `name=lo..hi` (`none` clears the band); the error says what is allowed.
    pub fn apply_spec(&mut self, spec: &str) -> Result<(), String> {
        let spec = spec.trim();
        if spec == "none" {
            self.weights.clear();
            return Ok(());
        }
        let (name, range) = spec
            .split_once('=')
            .ok_or_else(|| format!("'{spec}' is not of the form name=lo..hi (or none)"))?;
        let (lo, hi) = range
            .split_once("..")
            .ok_or_else(|| format!("'{range}' is not a range lo..hi (in '{spec}')"))?;
        let num = |s: &str| {
            s.trim()
                .parse::<f64>()
                .map_err(|_| format!("'{}' is not a number (in '{spec}')", s.trim()))
        };
        let (lo, hi) = (num(lo)?, num(hi)?);
        let name = name.trim();
        if lo > hi {
            return Err(format!(
                "the band of '{name}' runs from {lo} up to {hi}: swap them"
            ));
        }
        let mut w = Weights::default();
        w.set(name, lo)?;
        w.set(name, hi)?;
        self.weights.retain(|(n, _, _)| n != name);
        self.weights.push((name.to_string(), lo, hi));
        Ok(())
    }

    /// `consent 0.5–2, recommend 0–0.5`, or `none`.
    pub fn label(&self) -> String {
        if self.weights.is_empty() {
            return "none".to_string();
        }
        self.weights
            .iter()
            .map(|(n, lo, hi)| format!("{n} {}–{}", trim(*lo), trim(*hi)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A weight's value as the reports write it: at most three decimals, no trailing zeros.
pub fn trim(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// One dimension the range runs over.
#[derive(Debug, Clone, PartialEq)]
pub enum Dimension {
    /// A contested element (index into [`Space::contested`]).
    Reading(usize),
    /// Whether an at-will dissolution puts consents under threat.
    Threat,
    /// A weight of the band.
    Weight { name: String, lo: f64, hi: f64 },
}

/// What a range runs over for one dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Space {
    pub contested: Vec<Contested>,
    pub dimensions: Vec<Dimension>,
    pub band: Band,
    /// Combinations of readings enumerated exactly; [`MAX_EXACT`] unless a test lowers it.
    pub max_exact: u64,
}

impl Space {
    pub fn of(dataset: &Dataset, band: &Band) -> Space {
        let contested = dataset.contested();
        let mut dimensions: Vec<Dimension> = (0..contested.len()).map(Dimension::Reading).collect();
        if can_dissolve_at_will(dataset) {
            dimensions.push(Dimension::Threat);
        }
        for (name, lo, hi) in &band.weights {
            dimensions.push(Dimension::Weight {
                name: name.clone(),
                lo: *lo,
                hi: *hi,
            });
        }
        Space {
            contested,
            dimensions,
            band: band.clone(),
            max_exact: MAX_EXACT,
        }
    }

    fn radix(&self, d: &Dimension) -> u64 {
        match d {
            Dimension::Reading(i) => self.contested[*i].choices() as u64,
            Dimension::Threat => 2,
            Dimension::Weight { lo, hi, .. } if lo == hi => 1,
            Dimension::Weight { .. } => BAND_POINTS as u64,
        }
    }

    /// Combinations of readings and the threat option (the band's corners not counted).
    pub fn readings(&self) -> u64 {
        self.dimensions
            .iter()
            .filter(|d| !matches!(d, Dimension::Weight { .. }))
            .map(|d| self.radix(d))
            .fold(1u64, |a, r| a.saturating_mul(r))
    }

    pub fn is_exact(&self) -> bool {
        self.readings() <= self.max_exact
    }

    /// A name for a dimension's choice, for reports: the alternative's id, `at-will threat
    /// on`, `consent 2`.
    pub fn choice_label(&self, d: &Dimension, k: usize, options: &Options) -> String {
        match d {
            Dimension::Reading(i) if k == 0 => {
                format!("{} as coded", self.contested[*i].label())
            }
            Dimension::Reading(i) => self.contested[*i].readings[k - 1].id.clone(),
            Dimension::Threat => format!(
                "at-will threat {}",
                if (k == 1) != options.at_will_threat {
                    "on"
                } else {
                    "off"
                }
            ),
            Dimension::Weight { name, lo, hi } => {
                format!("{name} {}", trim(band_point(*lo, *hi, k)))
            }
        }
    }

    /// What [`Space::choice_label`] names, as fields: what a report in another language
    /// words without reading the label back.
    pub fn choice_kind(&self, d: &Dimension, k: usize, options: &Options) -> Choice {
        match d {
            Dimension::Reading(i) if k == 0 => Choice::AsCoded {
                element: self.contested[*i].label(),
            },
            Dimension::Reading(_) => Choice::Alternative,
            Dimension::Threat => Choice::Threat {
                on: (k == 1) != options.at_will_threat,
            },
            Dimension::Weight { name, lo, hi } => Choice::Weight {
                id: name.clone(),
                value: band_point(*lo, *hi, k),
            },
        }
    }

    /// The dataset and options of one combination (`choice[d]` for each dimension; a weight's
    /// choice may be [`AT_POINT`]).
    pub fn realise(
        &self,
        dataset: &Dataset,
        base: &Options,
        choice: &[usize],
    ) -> (Dataset, Options) {
        let (readings, options) = self.readings_and_options(base, choice);
        let ds = if readings.iter().any(|&k| k > 0) {
            dataset.with_choice(&self.contested, &readings)
        } else {
            dataset.clone()
        };
        (ds, options)
    }

    /// The reading of each contested element and the options of one combination.
    fn readings_and_options(&self, base: &Options, choice: &[usize]) -> (Vec<usize>, Options) {
        let mut readings = vec![0; self.contested.len()];
        let mut options = base.clone();
        for (d, &k) in self.dimensions.iter().zip(choice) {
            match d {
                Dimension::Reading(i) => readings[*i] = k,
                Dimension::Threat => {
                    if k == 1 {
                        options.at_will_threat = !base.at_will_threat;
                    }
                }
                // A weight left at the point's value (a driver moves one dimension alone).
                Dimension::Weight { .. } if k == AT_POINT => {}
                Dimension::Weight { name, lo, hi } => {
                    // The band's ends were checked when it was set, and every point lies
                    // between them.
                    let v = band_point(*lo, *hi, k);
                    let _ = options.weights.set_computed(name, v);
                    // A consent under threat keeps its ratio to a free one as the band moves
                    // consent (codebook R19), unless the band names it too.
                    if name == "consent"
                        && base.weights.consent > 0.0
                        && !self
                            .band
                            .weights
                            .iter()
                            .any(|(n, _, _)| n == "consent_under_threat")
                    {
                        let ratio = base.weights.consent_under_threat / base.weights.consent;
                        let _ = options
                            .weights
                            .set_computed("consent_under_threat", ratio * v);
                    }
                }
            }
        }
        (readings, options)
    }
}

/// Points at which each weight of the band is evaluated: its two ends and three between.
pub const BAND_POINTS: usize = 5;

/// The `k`-th of [`BAND_POINTS`] points of `[lo, hi]`: evenly spaced on a ratio scale (the
/// weights are ratios to the proposer's), or linearly when the band starts at 0.
pub fn band_point(lo: f64, hi: f64, k: usize) -> f64 {
    let t = k.min(BAND_POINTS - 1) as f64 / (BAND_POINTS - 1) as f64;
    if k == 0 {
        lo
    } else if k + 1 >= BAND_POINTS {
        hi
    } else if lo > 0.0 {
        lo * (hi / lo).powf(t)
    } else {
        lo + (hi - lo) * t
    }
}

fn can_dissolve_at_will(dataset: &Dataset) -> bool {
    dataset.edges.iter().any(|e| e.kind == EdgeKind::Dissolve)
}

/// How far one dimension alone moves a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Driver {
    /// The choice that moves it furthest, in English: an alternative's id, `at-will threat
    /// on`, `consent 2` (the text of the JSON and of English reports).
    pub choice: String,
    /// The same choice as fields, for the reports in other languages.
    pub kind: Choice,
    pub value: f64,
}

/// What a driver's choice is.
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    /// An alternative reading; the driver's text is its id, as the data writes it.
    Alternative,
    /// A contested element read as coded, with its label ([`Contested::label`]).
    AsCoded { element: String },
    /// The at-will threat option, on or off.
    Threat { on: bool },
    /// A weight of the band (its id, `consent`) at a value.
    Weight { id: String, value: f64 },
}

/// Figures with their ranges.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranged {
    pub point: Vec<f64>,
    pub lo: Vec<f64>,
    pub hi: Vec<f64>,
    /// Every combination was analysed (else `lo`/`hi` are an outer bound, or equal to the
    /// point for figures that cannot be bounded).
    pub exact: bool,
    /// Analyses run.
    pub combinations: u64,
    /// For each figure, the single-dimension moves from the point that change it, largest
    /// first.
    pub drivers: Vec<Vec<Driver>>,
}

/// Runs `figures` at the point and over every combination of the space, each on the dataset
/// as that combination reads it (so that figures reading the channels see the reading). The
/// figures must come in the same order and number whatever the reading (key them by the
/// original ids).
pub fn enumerate<F>(
    dataset: &Dataset,
    options: &Options,
    space: &Space,
    figures: F,
) -> Result<Ranged, AnalysisError>
where
    F: Fn(&Dataset, &Analysis) -> Vec<f64>,
{
    enumerate_with(dataset, options, space, analyze, figures)
}

/// [`enumerate`] with the analysis to run for each combination: [`analyze_control`] when the
/// figures need no flags or summary.
pub fn enumerate_with<F>(
    dataset: &Dataset,
    options: &Options,
    space: &Space,
    analyze: fn(&Dataset, &Options) -> Result<Analysis, AnalysisError>,
    figures: F,
) -> Result<Ranged, AnalysisError>
where
    F: Fn(&Dataset, &Analysis) -> Vec<f64>,
{
    let mut realiser = Realiser::new(space, dataset);
    enumerate_values(space, options, |choice| {
        let (ds, o) = realiser.realise(options, choice);
        analyze(ds, &o).map(|a| figures(ds, &a))
    })
}

/// [`enumerate`] with `values` computing the figures of one combination (a choice for each
/// dimension) directly. The point is the choice of every element as coded, the option in
/// force and every weight at [`AT_POINT`].
fn enumerate_values<F>(
    space: &Space,
    options: &Options,
    mut values: F,
) -> Result<Ranged, AnalysisError>
where
    F: FnMut(&[usize]) -> Result<Vec<f64>, AnalysisError>,
{
    let at_point: Vec<usize> = space
        .dimensions
        .iter()
        .map(|x| match x {
            Dimension::Weight { .. } => AT_POINT,
            _ => 0,
        })
        .collect();
    let point = values(&at_point)?;
    let mut lo = point.clone();
    let mut hi = point.clone();
    let mut combinations: u64 = 1;
    let take = |values: &[f64], lo: &mut Vec<f64>, hi: &mut Vec<f64>| {
        for ((l, h), v) in lo.iter_mut().zip(hi.iter_mut()).zip(values) {
            *l = l.min(*v);
            *h = h.max(*v);
        }
    };
    let exact = space.is_exact();
    let radix: Vec<u64> = space.dimensions.iter().map(|d| space.radix(d)).collect();
    if exact {
        // Every combination of every dimension, the band's corners included; the all-zero
        // one is the point itself only when there is no band.
        let has_band = space
            .dimensions
            .iter()
            .any(|d| matches!(d, Dimension::Weight { .. }));
        let mut choice = vec![0usize; radix.len()];
        let mut first = true;
        loop {
            if !first || has_band {
                take(&values(&choice)?, &mut lo, &mut hi);
                combinations += 1;
            }
            first = false;
            // Mixed-radix counter.
            let mut d = 0;
            while d < choice.len() {
                choice[d] += 1;
                if (choice[d] as u64) < radix[d] {
                    break;
                }
                choice[d] = 0;
                d += 1;
            }
            if d == choice.len() {
                break;
            }
        }
    }
    // Drivers: each dimension moved alone.
    let mut drivers: Vec<Vec<Driver>> = vec![Vec::new(); point.len()];
    for (d, dim) in space.dimensions.iter().enumerate() {
        let mut best: Vec<Option<usize>> = vec![None; point.len()];
        let mut moves: Vec<(Driver, Vec<f64>)> = Vec::new();
        for k in 0..radix[d] as usize {
            // Every other dimension at the point: its own coding, the option in force, the
            // weight in force (not the band's low end).
            let mut choice = at_point.clone();
            choice[d] = k;
            let is_point = match dim {
                Dimension::Weight { .. } => false,
                _ => k == 0,
            };
            if is_point {
                continue;
            }
            let got = match values(&choice) {
                Ok(v) => v,
                Err(e) if exact => return Err(e),
                Err(_) => continue,
            };
            if !exact {
                take(&got, &mut lo, &mut hi);
                combinations += 1;
            }
            let m = moves.len();
            for (i, v) in got.iter().enumerate() {
                let moved = (v - point[i]).abs();
                if moved > 5e-5
                    && best[i].is_none_or(|b: usize| moved > (moves[b].1[i] - point[i]).abs())
                {
                    best[i] = Some(m);
                }
            }
            // The choice is named once, however many figures it moves.
            let driver = Driver {
                choice: space.choice_label(dim, k, options),
                kind: space.choice_kind(dim, k, options),
                value: 0.0,
            };
            moves.push((driver, got));
        }
        for (i, b) in best.into_iter().enumerate() {
            if let Some(b) = b {
                let (driver, got) = &moves[b];
                drivers[i].push(Driver {
                    value: got[i],
                    ..driver.clone()
                });
            }
        }
    }
    for (i, ds) in drivers.iter_mut().enumerate() {
        ds.sort_by(|a, b| {
            (b.value - point[i])
                .abs()
                .total_cmp(&(a.value - point[i]).abs())
                .then_with(|| a.choice.cmp(&b.choice))
        });
    }
    Ok(Ranged {
        point,
        lo,
        hi,
        exact,
        combinations,
        drivers,
    })
}

/// Integrated control of every (body, principal) with its range: the figures the summary,
/// the exports and the explorer show. Stored by position (body, then principal, in the
/// dataset's order), so that a look-up hashes one id and allocates nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlRanges {
    /// The position of each body, by id.
    index: HashMap<BodyId, usize>,
    /// The principals in force, in dataset order: the columns.
    principals: Vec<BodyId>,
    /// `(lo, hi)` of body `b` by principal `k` at `b * principals + k`.
    ranges: Vec<(f64, f64)>,
    drivers: Vec<Vec<Driver>>,
    pub exact: bool,
    pub combinations: u64,
    /// The one figure the outputs read again, the headline's (the head of state's control of
    /// the constitutional court, at this position of the ranges), of each combination that
    /// reads every element as coded, by its options: the headline's consent steps that are
    /// points of the band ([`ControlRanges::solved`]). The other figures of those solves are
    /// dropped when the ranges are done (4 MB at 100,000 bodies by four principals, each).
    solved: Option<(usize, Vec<(Options, f64)>)>,
}

impl ControlRanges {
    fn at(&self, body: &str, principal: &str) -> Option<usize> {
        let b = *self.index.get(body)?;
        let k = self.principals.iter().position(|p| p == principal)?;
        Some(b * self.principals.len() + k)
    }

    pub fn get(&self, body: &str, principal: &str) -> Option<(f64, f64)> {
        self.at(body, principal).map(|i| self.ranges[i])
    }

    pub fn drivers(&self, body: &str, principal: &str) -> &[Driver] {
        self.at(body, principal)
            .map_or(&[], |i| self.drivers[i].as_slice())
    }

    /// Every `(body, principal, (lo, hi))`, bodies in dataset order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str, (f64, f64))> + '_ {
        let mut bodies: Vec<(&str, usize)> =
            self.index.iter().map(|(b, &i)| (b.as_str(), i)).collect();
        bodies.sort_unstable_by_key(|x| x.1);
        bodies.into_iter().flat_map(move |(b, i)| {
            self.principals
                .iter()
                .enumerate()
                .map(move |(k, p)| (b, p.as_str(), self.ranges[i * self.principals.len() + k]))
        })
    }

    /// Widens every range by `other`'s for the same (body, principal), if it has one.
    pub fn widen(&mut self, other: &ControlRanges) {
        for (b, p, (lo, hi)) in other.iter() {
            if let Some(i) = self.at(b, p) {
                let x = &mut self.ranges[i];
                x.0 = x.0.min(lo);
                x.1 = x.1.max(hi);
            }
        }
    }

    /// `principal`'s integrated control of `body` under `options` (every element as coded), if
    /// the ranges solved that combination: the same figure as
    /// [`super::control_values`] gives on the dataset the ranges were computed for.
    /// Only the headline's figure is kept: any other is `None`.
    pub fn solved(&self, options: &Options, body: &str, principal: &str) -> Option<f64> {
        let i = self.at(body, principal)?;
        let (at, solved) = self.solved.as_ref()?;
        (*at == i)
            .then(|| solved.iter().find(|(o, _)| o == options).map(|(_, v)| *v))
            .flatten()
    }
}

/// The ranges of integrated control: exact by enumeration when the space is small, else an
/// outer bound by interval value iteration.
pub fn control_ranges(
    dataset: &Dataset,
    options: &Options,
    space: &Space,
) -> Result<ControlRanges, AnalysisError> {
    let mut systems = rows::Systems::new(space, dataset, options)?;
    let principals = systems.principals.clone();
    // Readings never add, remove or move bodies, so the positions in the dataset address
    // every combination's bodies.
    let positions: Vec<(usize, &str)> = (0..dataset.bodies.len())
        .flat_map(|b| principals.iter().map(move |p| (b, p.as_str())))
        .collect();
    let cols = systems.columns(&positions);
    let ranged = enumerate_values(space, options, |choice| {
        systems.values(options, choice, &positions, &cols)
    })?;
    let mut ranges: Vec<(f64, f64)> = ranged
        .lo
        .iter()
        .zip(&ranged.hi)
        .map(|(l, h)| (*l, *h))
        .collect();
    if !ranged.exact {
        let bound = interval_bound(dataset, options, space, &principals)?;
        for ((b, k), (l, h)) in bound {
            let r = &mut ranges[b * principals.len() + k];
            r.0 = r.0.min(l);
            r.1 = r.1.max(h);
        }
    }
    let mut index = HashMap::with_capacity(dataset.bodies.len());
    for (i, b) in dataset.bodies.iter().enumerate() {
        // The last body of an id wins, as in the analysis's index of positions.
        index.insert(b.id.clone(), i);
    }
    // The headline's figure, the only one read again (`headline::headline_with`).
    let headline = super::headline::subject(dataset).and_then(|(p, b)| {
        let k = principals.iter().position(|x| *x == p)?;
        Some(index.get(&b)? * principals.len() + k)
    });
    let solved = headline.map(|i| {
        let kept = systems.into_solved().into_iter();
        (i, kept.map(|(o, v)| (o, v[i])).collect())
    });
    Ok(ControlRanges {
        index,
        principals,
        ranges,
        drivers: ranged.drivers,
        exact: ranged.exact,
        combinations: ranged.combinations,
        solved,
    })
}

/// `((body, principal), (lo, hi))` by positions: the body's in the dataset, the principal's
/// among the principals.
type Bounds = Vec<((usize, usize), (f64, f64))>;

/// A proven outer bound on integrated control when the combinations are too many to run:
/// each channel of each body picks, independently of every other, the reading and band
/// corner that minimises (maximises) the chance that the walk from it ends at the principal.
/// Every real combination is one such joint pick, so its value lies within the bound.
///
/// A channel's split depends only on the readings of its own elements, of the edges into its
/// body (removal at will) and of the edges between its actors (dissolution), on the threat
/// option and on the weights; its objective is a ratio of sums linear in each weight, so its
/// extremes over the band lie at the corners. A channel with more than [`MAX_EXACT`] such
/// combinations is bounded by [0, 1].
fn interval_bound(
    dataset: &Dataset,
    options: &Options,
    space: &Space,
    principals: &[BodyId],
) -> Result<Bounds, AnalysisError> {
    let n = dataset.bodies.len();
    let index = super::position_index(dataset);
    let absorbing: Vec<bool> = dataset
        .bodies
        .iter()
        .map(|b| principals.contains(&b.id))
        .collect();
    let radix: Vec<u64> = space.dimensions.iter().map(|d| space.radix(d)).collect();
    // (share of the body's seats, candidate rows) per channel; `None` rows: unbounded.
    let mut realiser = Realiser::new(space, dataset);
    let relevance = rows::Relevance::new(space, dataset);
    type Candidates = Vec<(f64, Option<Vec<Vec<(usize, f64)>>>)>;
    let mut candidates: Vec<Candidates> = vec![Vec::new(); n];
    for (bi, body) in dataset.bodies.iter().enumerate() {
        if absorbing[bi] {
            continue;
        }
        for (ci, c) in body.channels.iter().enumerate() {
            let relevant = relevance.channel(bi, ci, c);
            let combos = relevant
                .iter()
                .map(|&d| radix[d])
                .fold(1u64, |a, r| a.saturating_mul(r));
            let share = f64::from(c.seats) / f64::from(body.seats);
            if combos > MAX_EXACT {
                candidates[bi].push((share, None));
                continue;
            }
            let mut rows = Vec::new();
            let mut choice = vec![0usize; radix.len()];
            loop {
                let (ds, o) = realiser.realise(options, &choice);
                let edges = shares::EdgeIndex::new(ds, o.at_will_threat);
                if let Some(b) = ds.body(&body.id)
                    && let Some(ch) = b.channel(&c.id)
                {
                    let cs = shares::channel_shares_indexed(&edges, b, ch, &o.weights);
                    rows.push(
                        cs.shares
                            .iter()
                            .filter_map(|s| {
                                index
                                    .get(s.actor.as_str())
                                    .map(|&j| (j, s.seats / f64::from(ch.seats.max(1))))
                            })
                            .collect(),
                    );
                }
                // Next combination of the relevant dimensions.
                let mut moved = false;
                for &d in &relevant {
                    choice[d] += 1;
                    if (choice[d] as u64) < radix[d] {
                        moved = true;
                        break;
                    }
                    choice[d] = 0;
                }
                if !moved {
                    break;
                }
            }
            candidates[bi].push((share, Some(rows)));
        }
    }
    let mut out = Vec::with_capacity(n * principals.len());
    for (k, p) in principals.iter().enumerate() {
        let target = index[p.as_str()];
        let solve = |minimise: bool| -> Vec<f64> {
            let mut v = vec![0.0; n];
            v[target] = 1.0;
            for _ in 0..100_000 {
                let mut change: f64 = 0.0;
                for b in 0..n {
                    if absorbing[b] || candidates[b].is_empty() {
                        continue;
                    }
                    let mut x = 0.0;
                    for (share, rows) in &candidates[b] {
                        let pick = match rows {
                            None if minimise => 0.0,
                            None => 1.0,
                            Some(rows) => {
                                let vals = rows
                                    .iter()
                                    .map(|r| r.iter().map(|(j, q)| q * v[*j]).sum::<f64>());
                                if minimise {
                                    vals.fold(1.0, f64::min)
                                } else {
                                    vals.fold(0.0, f64::max)
                                }
                            }
                        };
                        x += share * pick;
                    }
                    change = change.max((x - v[b]).abs());
                    v[b] = x;
                }
                if change < control::TOLERANCE {
                    break;
                }
            }
            v
        };
        let (lo, hi) = (solve(true), solve(false));
        for b in 0..n {
            out.push(((b, k), (lo[b], hi[b])));
        }
    }
    Ok(out)
}

/// `52.7% (47.7–58.2)`; the range is left out when it is a single value.
pub struct PctRange(pub f64, pub Option<(f64, f64)>);

impl fmt::Display for PctRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1}%", self.0 * 100.0)?;
        if let Some((lo, hi)) = self.1
            && (hi - lo) * 100.0 >= 0.05
        {
            write!(f, " ({:.1}–{:.1})", lo * 100.0, hi * 100.0)?;
        }
        Ok(())
    }
}

/// Checks a weight value against what [`Weights::set`] allows, for band ends from the TUI.
pub fn clamp_band_end(name: &str, v: f64) -> f64 {
    let max = if name == "at_will_removal" {
        1.0
    } else {
        MAX_WEIGHT
    };
    v.clamp(0.0, max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::tiny_dataset;
    use crate::model::{Alternative, Confidence, EdgeChange, StepChange, StepRole};

    /// The tiny state with two contested codings: the Senate's consent to the Court's Chair
    /// read as a mere recommendation, and the President's removal of the Chair read as for
    /// cause.
    fn contested() -> Dataset {
        let mut ds = tiny_dataset();
        let chair = ds
            .body_mut("court")
            .unwrap()
            .channels
            .iter_mut()
            .find(|c| c.id == "chair")
            .unwrap();
        chair.steps[1].alternatives.push(Alternative {
            id: "consent_as_recommendation".into(),
            change: StepChange {
                role: Some(StepRole::Recommend),
                ..StepChange::default()
            },
            source: "art. 5(1)".into(),
            argument: "the consent is a hearing".into(),
            confidence: Confidence::Medium,
        });
        let e = ds.edges.iter_mut().find(|e| e.to == "court").unwrap();
        e.alternatives.push(Alternative {
            id: "chair_for_cause".into(),
            change: EdgeChange {
                kind: Some(EdgeKind::DismissForCause),
                ..EdgeChange::default()
            },
            source: "art. 5(4)".into(),
            argument: "grounds in the statute".into(),
            confidence: Confidence::Low,
        });
        ds
    }

    fn options(ds: &Dataset) -> Options {
        let mut o = Options::of(ds);
        o.weights.at_will_removal = 0.5;
        o
    }

    /// Every combination, by brute force, with the band sampled on a fine grid.
    fn brute(ds: &Dataset, o: &Options, body: &str, p: &str, band: (f64, f64)) -> (f64, f64) {
        let ids = [
            None,
            Some("consent_as_recommendation"),
            Some("chair_for_cause"),
        ];
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for a in 0..2 {
            for b in 0..2 {
                let chosen: Vec<String> = [ids[a], ids[b * 2]]
                    .into_iter()
                    .flatten()
                    .map(str::to_string)
                    .collect();
                let d = ds.with_alternatives(&chosen).unwrap();
                for i in 0..=40 {
                    let mut o = o.clone();
                    o.weights.consent = band.0 + (band.1 - band.0) * f64::from(i) / 40.0;
                    let v = analyze(&d, &o).unwrap().body(body).unwrap().control_of(p);
                    lo = lo.min(v);
                    hi = hi.max(v);
                }
            }
        }
        (lo, hi)
    }

    #[test]
    fn ranges_match_brute_force() {
        let ds = contested();
        let o = options(&ds);
        let space = Space::of(&ds, &Band::default());
        assert_eq!(space.readings(), 4);
        let r = control_ranges(&ds, &o, &space).unwrap();
        assert!(r.exact);
        // The point, and two readings of two elements at five points of the band.
        assert_eq!(r.combinations, 21);
        for p in ["president", "councils"] {
            let (lo, hi) = r.get("court", p).unwrap();
            let (blo, bhi) = brute(&ds, &o, "court", p, (0.5, 2.0));
            assert!(
                (lo - blo).abs() < 1e-9 && (hi - bhi).abs() < 1e-9,
                "{p}: {lo}-{hi} vs {blo}-{bhi}"
            );
        }
    }

    #[test]
    fn an_alternative_widens_the_range_and_is_named_as_its_driver() {
        let ds = contested();
        let o = options(&ds);
        let none = Space::of(&tiny_dataset(), &Band::none());
        let r0 = control_ranges(&tiny_dataset(), &o, &none).unwrap();
        let (lo, hi) = r0.get("court", "president").unwrap();
        assert_eq!(lo, hi, "no alternative, no band: a single value");
        let r = control_ranges(&ds, &o, &Space::of(&ds, &Band::none())).unwrap();
        let (lo, hi) = r.get("court", "president").unwrap();
        assert!(hi - lo > 0.05, "{lo}-{hi}");
        let drivers: Vec<&str> = r
            .drivers("court", "president")
            .iter()
            .map(|d| d.choice.as_str())
            .collect();
        assert_eq!(drivers, ["chair_for_cause", "consent_as_recommendation"]);
    }

    #[test]
    fn a_driver_moves_its_own_dimension_only() {
        let ds = contested();
        let o = options(&ds);
        let r = control_ranges(&ds, &o, &Space::of(&ds, &Band::default())).unwrap();
        for d in r.drivers("court", "president") {
            // Each alternative's driver value is that reading alone, at the weights in force.
            if let Ok(alt) = ds.with_alternatives(std::slice::from_ref(&d.choice)) {
                let v = analyze(&alt, &o)
                    .unwrap()
                    .body("court")
                    .unwrap()
                    .control_of("president");
                assert!(
                    (v - d.value).abs() < 1e-12,
                    "{}: {v} vs {}",
                    d.choice,
                    d.value
                );
            }
        }
    }

    #[test]
    fn the_outer_bound_contains_the_exact_range() {
        let ds = contested();
        let o = options(&ds);
        let exact = control_ranges(&ds, &o, &Space::of(&ds, &Band::default())).unwrap();
        let mut space = Space::of(&ds, &Band::default());
        space.max_exact = 1;
        let bound = control_ranges(&ds, &o, &space).unwrap();
        assert!(!bound.exact);
        for (b, p, (lo, hi)) in exact.iter() {
            let (blo, bhi) = bound.get(b, p).unwrap();
            assert!(
                blo <= lo + 1e-9 && hi - 1e-9 <= bhi,
                "{b}/{p}: {lo}-{hi} not in {blo}-{bhi}"
            );
        }
    }

    #[test]
    fn bands_are_parsed_and_checked() {
        let mut b = Band::default();
        b.apply_spec("recommend=0..0.5").unwrap();
        assert_eq!(b.label(), "consent 0.5–2, recommend 0–0.5");
        b.apply_spec("consent=1..1").unwrap();
        assert_eq!(b.label(), "recommend 0–0.5, consent 1–1");
        assert!(b.apply_spec("consent=2..1").unwrap_err().contains("swap"));
        assert!(
            b.apply_spec("consnet=0..1")
                .unwrap_err()
                .contains("did you mean")
        );
        assert!(b.apply_spec("at_will_removal=0..3").is_err());
        b.apply_spec("none").unwrap();
        assert_eq!(b.label(), "none");
    }

    #[test]
    fn ranges_print_beside_the_figure() {
        assert_eq!(
            PctRange(0.5273, Some((0.477, 0.582))).to_string(),
            "52.7% (47.7–58.2)"
        );
        assert_eq!(
            PctRange(0.5273, Some((0.5273, 0.5273))).to_string(),
            "52.7%"
        );
    }
}

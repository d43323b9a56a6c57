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
//! once per distinct system: the analyses are planned first, and a combination with the
//! readings and options of an earlier one, or whose rows are bit for bit those of an earlier
//! one (its rows evaluated and hashed, O(S), and compared whole with an earlier system of
//! equal hash), takes that one's figures. While the distinct systems' rows fit 4 MB (a real
//! state's thousand combinations) they are kept, so that each combination's rows are
//! evaluated once, then compared and solved from the same rows; a larger state's earlier
//! system is evaluated again to compare (body by body) and to solve. So
//! O(S + E + K x (S + sweeps x (S + B) x P)), linear in the size of the state, with K
//! independent of the number of bodies unless readings are added with them. From
//! [`THREADS_FROM`] bodies the distinct systems are evaluated and solved on two threads, each
//! taking the next one (the same work, shared; the figures folded in the plan's order).
//!
//! Memory: no combination's figures are kept. Each solve's figures go straight to the ranges
//! (lo, hi) and, for each dimension, to each figure's largest move so far, O(D x B x P) for D
//! dimensions, beside the rows of one system, the templates and at most 4 MB each of kept
//! systems and of rows memoised per template (`rows::Systems`). The
//! headline's figure of the combinations with every element as coded is kept by their
//! options for its consent steps ([`ControlRanges::solved`]). The result is stored by
//! position: O(B x P) ranges, the drivers flat (a choice and a value each, every choice
//! named once, a figure's [`Driver`]s made when asked for), the ids in one buffer of text.
//! On two threads each has its own buffers of one system and its solve, and a system solved
//! ahead of its turn waits with its figures (O(B x P)) for those before it: one or two.

use std::fmt;
use std::hash::BuildHasher as _;

use rustc_hash::FxHashMap;

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

/// The bodies from which the ranges solve their distinct systems on two threads. Below it
/// a system solves in well under 10 ms (10,000 bodies: about 8 ms each, the ranges 0.1 s in
/// all) and the shipped datasets' (under 1,000 bodies) in a fraction of a millisecond, where
/// a second thread would cost as much as it saves.
pub const THREADS_FROM: usize = 10_000;

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
    /// Bodies from which the distinct systems are solved on two threads; [`THREADS_FROM`]
    /// unless a test lowers it.
    pub threads_from: usize,
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
            threads_from: THREADS_FROM,
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
        let setting = self.setting(base, choice, |i, k| readings[i] = k);
        (options.weights, options.at_will_threat) = (setting.weights, setting.threat);
        (readings, options)
    }

    /// What a combination changes of the options, the weights and the threat option (the
    /// other options are the base's in every combination), and each element's reading to
    /// `reading(element, choice)`: what the plan compares and the rows are evaluated under,
    /// without a copy of the options per combination.
    fn setting(
        &self,
        base: &Options,
        choice: &[usize],
        mut reading: impl FnMut(usize, usize),
    ) -> Setting {
        let mut weights = base.weights;
        let mut threat = base.at_will_threat;
        for (d, &k) in self.dimensions.iter().zip(choice) {
            match d {
                Dimension::Reading(i) => reading(*i, k),
                Dimension::Threat => {
                    if k == 1 {
                        threat = !base.at_will_threat;
                    }
                }
                // A weight left at the point's value (a driver moves one dimension alone).
                Dimension::Weight { .. } if k == AT_POINT => {}
                Dimension::Weight { name, lo, hi } => {
                    // The band's ends were checked when it was set, and every point lies
                    // between them.
                    let v = band_point(*lo, *hi, k);
                    let _ = weights.set_computed(name, v);
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
                        let _ = weights.set_computed("consent_under_threat", ratio * v);
                    }
                }
            }
        }
        Setting { weights, threat }
    }
}

/// The options a combination sets: [`Space::setting`].
#[derive(Clone, Copy, PartialEq)]
struct Setting {
    weights: Weights,
    threat: bool,
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
    /// Each combination analysed on the working copy.
    struct Analysed<'a, F> {
        realiser: Realiser<'a>,
        options: &'a Options,
        analyze: fn(&Dataset, &Options) -> Result<Analysis, AnalysisError>,
        figures: F,
    }
    impl<F: Fn(&Dataset, &Analysis) -> Vec<f64>> Figures for Analysed<'_, F> {
        fn values(
            &mut self,
            _job: usize,
            choice: &[usize],
            out: &mut Vec<f64>,
        ) -> Result<(), AnalysisError> {
            let (ds, o) = self.realiser.realise(self.options, choice);
            *out = (self.analyze)(ds, &o).map(|a| (self.figures)(ds, &a))?;
            Ok(())
        }
    }
    let mut analysed = Analysed {
        realiser: Realiser::new(space, dataset),
        options,
        analyze,
        figures,
    };
    let e = enumerate_values(space, options, &mut analysed, &mut |_, _| ())?;
    let drivers = (0..e.point.len()).map(|i| e.drivers.of(i)).collect();
    Ok(Ranged {
        lo: e.ranges.iter().map(|r| r.0).collect(),
        hi: e.ranges.iter().map(|r| r.1).collect(),
        point: e.point,
        exact: e.exact,
        combinations: e.combinations,
        drivers,
    })
}

/// What an enumeration reads of each combination (a choice for each dimension). `job`
/// numbers the analyses of one enumeration.
trait Figures {
    /// The figures of the combination `choice`, into `out`.
    fn values(
        &mut self,
        job: usize,
        choice: &[usize],
        out: &mut Vec<f64>,
    ) -> Result<(), AnalysisError>;
    /// A hash of what `choice`'s figures are computed from, if known (`None`: not compared).
    fn fingerprint(&mut self, _choice: &[usize]) -> Option<u64> {
        None
    }
    /// Whether the combination last hashed and the earlier job `earlier` (the combination
    /// `choice`), of equal [`Figures::fingerprint`], give the same figures for sure.
    fn same(&mut self, _earlier: usize, _choice: &[usize]) -> bool {
        false
    }
    /// The combination last hashed is job `job`, a new analysis: what its hash was computed
    /// from may be kept for [`Figures::same`] and [`Figures::values`].
    fn keep(&mut self, _job: usize) {}
    /// The figures of each of `work` (job, choice), handed to `fold` in that order with
    /// their position in `work`; stops at the first error `fold` returns. One after the
    /// other unless the figures can be computed on two threads.
    fn values_each(
        &mut self,
        work: &[(usize, &[usize])],
        fold: Fold<'_>,
    ) -> Result<(), AnalysisError> {
        let mut values = Vec::new();
        for (i, &(job, choice)) in work.iter().enumerate() {
            let r = self.values(job, choice, &mut values);
            fold(i, r.map(|()| values.as_slice()))?;
        }
        Ok(())
    }
}

/// What takes each analysis's figures, or its error, by its position in the work given
/// ([`Figures::values_each`]); an error it returns stops the enumeration.
type Fold<'f> =
    &'f mut dyn FnMut(usize, Result<&[f64], AnalysisError>) -> Result<(), AnalysisError>;

/// One analysis an enumeration takes figures from.
#[derive(Clone, Copy)]
enum Job {
    /// Every element as coded, the option and the weights in force.
    Point,
    /// A combination of the exact range.
    Combo,
    /// Dimension `d` moved alone to its choice named `id` in [`Drivers::moves`].
    Move { d: usize, id: u32 },
}

/// The drivers of every figure, flat: each figure's (choice, value) pairs, largest move first.
#[derive(Debug, Clone, PartialEq, Default)]
struct Drivers {
    /// Each dimension's choices, named once (value 0).
    moves: Vec<Driver>,
    /// Figure `i`'s pairs are `which[starts[i]..starts[i + 1]]` and `values[..]`; `u32`
    /// (4 bytes a figure, 1.6 MB less at 100,000 bodies by four principals): the pairs are
    /// at most the figures times the dimensions, far below 2^32 for any system that solves.
    starts: Vec<u32>,
    which: Vec<u32>,
    values: Vec<f64>,
}

impl Drivers {
    fn of(&self, i: usize) -> Vec<Driver> {
        (self.starts[i] as usize..self.starts[i + 1] as usize)
            .map(|e| Driver {
                value: self.values[e],
                ..self.moves[self.which[e] as usize].clone()
            })
            .collect()
    }
}

/// What [`enumerate_values`] finds: the point, the ranges `(lo, hi)` and the drivers of each
/// figure.
struct Enumerated {
    point: Vec<f64>,
    ranges: Vec<(f64, f64)>,
    exact: bool,
    combinations: u64,
    drivers: Drivers,
}

/// [`enumerate`] with `figures` computing the figures of one combination (a choice for each
/// dimension) directly. The point is the choice of every element as coded, the option in
/// force and every weight at [`AT_POINT`].
///
/// The analyses are planned first (the point, every combination when exact, each dimension
/// moved alone) and each distinct one runs once: two choices with the same readings and
/// options are the same analysis, and so are two whose [`Figures::same`] says so. Each
/// analysis's figures go straight to every use of them, so that no combination's figures are
/// kept: the ranges, for each dimension its largest move of each figure so far, and `seen`
/// (each job's choice with its figures). They are taken in the order of the jobs, however
/// many threads computed them, so that ties and sums fall as in one.
fn enumerate_values<F: Figures>(
    space: &Space,
    options: &Options,
    figures: &mut F,
    seen: &mut dyn FnMut(&[usize], &[f64]),
) -> Result<Enumerated, AnalysisError> {
    let at_point: Vec<usize> = space
        .dimensions
        .iter()
        .map(|x| match x {
            Dimension::Weight { .. } => AT_POINT,
            _ => 0,
        })
        .collect();
    let exact = space.is_exact();
    let radix: Vec<u64> = space.dimensions.iter().map(|d| space.radix(d)).collect();
    let mut jobs: Vec<(Job, Vec<usize>)> = vec![(Job::Point, at_point.clone())];
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
                jobs.push((Job::Combo, choice.clone()));
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
    // Drivers: each dimension moved alone, every other at the point: its own coding, the
    // option in force, the weight in force (not the band's low end). Each choice is named
    // once, however many figures it moves.
    let mut moves: Vec<Driver> = Vec::new();
    for (d, dim) in space.dimensions.iter().enumerate() {
        for k in 0..radix[d] as usize {
            let is_point = match dim {
                Dimension::Weight { .. } => false,
                _ => k == 0,
            };
            if is_point {
                continue;
            }
            let mut choice = at_point.clone();
            choice[d] = k;
            let id = moves.len() as u32;
            moves.push(Driver {
                choice: space.choice_label(dim, k, options),
                kind: space.choice_kind(dim, k, options),
                value: 0.0,
            });
            jobs.push((Job::Move { d, id }, choice));
        }
    }
    // The first job of each analysis: by readings and options, then by what they compute.
    let mut root: Vec<usize> = (0..jobs.len()).collect();
    let mut by_readings: FxHashMap<Vec<usize>, Vec<(Setting, usize)>> = FxHashMap::default();
    let mut readings = vec![0; space.contested.len()];
    for (j, (_, choice)) in jobs.iter().enumerate() {
        let o = space.setting(options, choice, |i, k| readings[i] = k);
        let bucket = match by_readings.get_mut(&readings) {
            Some(bucket) => bucket,
            None => by_readings.entry(readings.clone()).or_default(),
        };
        match bucket.iter().find(|(x, _)| *x == o) {
            Some(&(_, r)) => root[j] = r,
            None => bucket.push((o, j)),
        }
    }
    drop(by_readings);
    let mut by_print: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for j in 0..jobs.len() {
        if root[j] != j {
            // Its root comes first and is final.
            root[j] = root[root[j]];
            continue;
        }
        let Some(h) = figures.fingerprint(&jobs[j].1) else {
            continue;
        };
        let earlier = by_print.entry(h).or_default();
        match earlier
            .iter()
            .copied()
            .find(|&r| figures.same(r, &jobs[r].1))
        {
            Some(r) => root[j] = r,
            None => {
                earlier.push(j);
                figures.keep(j);
            }
        }
    }
    drop(by_print);
    // The jobs of each analysis, in job order: those of root `r` are
    // `members[first[r]..first[r + 1]]`.
    let mut first = vec![0usize; jobs.len() + 1];
    for &r in &root {
        first[r + 1] += 1;
    }
    for r in 0..jobs.len() {
        first[r + 1] += first[r];
    }
    let mut members = vec![0usize; jobs.len()];
    let mut next = first.clone();
    for (j, &r) in root.iter().enumerate() {
        members[next[r]] = j;
        next[r] += 1;
    }
    drop(next);
    let mut point: Vec<f64> = Vec::new();
    let mut ranges: Vec<(f64, f64)> = Vec::new();
    let mut combinations: u64 = 0;
    // For each dimension, each figure's largest move so far: (move, value), `NONE` if none.
    const NONE: u32 = u32::MAX;
    let mut best: Vec<(Vec<u32>, Vec<f64>)> = vec![(Vec::new(), Vec::new()); radix.len()];
    let take = |values: &[f64], ranges: &mut [(f64, f64)]| {
        for ((l, h), v) in ranges.iter_mut().zip(values) {
            *l = l.min(*v);
            *h = h.max(*v);
        }
    };
    let work: Vec<(usize, &[usize])> = (0..jobs.len())
        .filter(|&j| root[j] == j)
        .map(|j| (j, jobs[j].1.as_slice()))
        .collect();
    let mut fold = |i: usize, values: Result<&[f64], AnalysisError>| {
        let j = work[i].0;
        let values = match values {
            Ok(values) => values,
            // Every job of an analysis fails alike: the first to fail is its root. A driver
            // that cannot be analysed is left out of an outer bound.
            Err(e) => {
                return match jobs[j].0 {
                    Job::Move { .. } if !exact => Ok(()),
                    _ => Err(e),
                };
            }
        };
        for &m in &members[first[j]..first[j + 1]] {
            seen(&jobs[m].1, values);
            match jobs[m].0 {
                // The first job of all.
                Job::Point => {
                    point.clear();
                    point.extend_from_slice(values);
                    ranges = values.iter().map(|&v| (v, v)).collect();
                    combinations = 1;
                    for b in &mut best {
                        *b = (vec![NONE; point.len()], vec![0.0; point.len()]);
                    }
                }
                Job::Combo => {
                    take(values, &mut ranges);
                    combinations += 1;
                }
                Job::Move { d, id } => {
                    if !exact {
                        take(values, &mut ranges);
                        combinations += 1;
                    }
                    // The largest move wins, the first choice of the dimension on a tie (the
                    // moves of a dimension are numbered in the order of its choices).
                    let (which, at) = &mut best[d];
                    for (i, v) in values.iter().enumerate() {
                        let moved = (v - point[i]).abs();
                        if moved > 5e-5 {
                            let b = which[i];
                            let was = (at[i] - point[i]).abs();
                            if b == NONE || moved > was || (moved == was && id < b) {
                                which[i] = id;
                                at[i] = *v;
                            }
                        }
                    }
                }
            }
        }
        Ok(())
    };
    figures.values_each(&work, &mut fold)?;
    drop(work);
    // Each figure's drivers, dimension by dimension, then largest move first.
    let mut drivers = Drivers {
        starts: Vec::with_capacity(point.len() + 1),
        ..Drivers::default()
    };
    drivers.starts.push(0);
    let mut row: Vec<(u32, f64)> = Vec::new();
    for (i, p) in point.iter().enumerate() {
        row.clear();
        row.extend(
            best.iter()
                .filter(|(which, _)| which[i] != NONE)
                .map(|(which, at)| (which[i], at[i])),
        );
        row.sort_by(|a, b| {
            (b.1 - p)
                .abs()
                .total_cmp(&(a.1 - p).abs())
                .then_with(|| moves[a.0 as usize].choice.cmp(&moves[b.0 as usize].choice))
        });
        drivers.which.extend(row.iter().map(|x| x.0));
        drivers.values.extend(row.iter().map(|x| x.1));
        drivers
            .starts
            .push(u32::try_from(drivers.which.len()).expect("fewer than 2^32 drivers"));
    }
    drop(best);
    drivers.moves = moves;
    drivers.which.shrink_to_fit();
    drivers.values.shrink_to_fit();
    Ok(Enumerated {
        point,
        ranges,
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
    index: Ids,
    /// The principals in force, in dataset order: the columns.
    principals: Vec<BodyId>,
    /// `(lo, hi)` of body `b` by principal `k` at `b * principals + k`.
    ranges: Vec<(f64, f64)>,
    /// The drivers of each figure at the same position, flat.
    drivers: Drivers,
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
        let b = self.index.get(body)?;
        let k = self.principals.iter().position(|p| p == principal)?;
        Some(b * self.principals.len() + k)
    }

    pub fn get(&self, body: &str, principal: &str) -> Option<(f64, f64)> {
        self.at(body, principal).map(|i| self.ranges[i])
    }

    /// The single-dimension moves that change the figure, largest first (made on demand: the
    /// ranges keep them flat).
    pub fn drivers(&self, body: &str, principal: &str) -> Vec<Driver> {
        self.at(body, principal)
            .map_or_else(Vec::new, |i| self.drivers.of(i))
    }

    /// Every `(body, principal, (lo, hi))`, bodies in dataset order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str, (f64, f64))> + '_ {
        self.index.iter().flat_map(move |(i, b)| {
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

/// The bodies' ids with a table of their positions: one buffer of text and two vectors
/// instead of a string and a map entry per body (100,000 bodies: 2.5 MB instead of 5 MB and
/// 100,000 allocations, held as long as the ranges are).
#[derive(Debug, Clone, PartialEq)]
struct Ids {
    text: String,
    /// Body `i`'s id is `text[ends[i - 1]..ends[i]]` (from 0 for the first).
    ends: Vec<usize>,
    /// Open addressing by the id's hash, probed linearly: one more than the position of the
    /// body of an id, 0 for an empty slot. A power of two at least twice the bodies, so that
    /// a probe ends within a few slots.
    slots: Vec<u32>,
}

impl Ids {
    fn of(dataset: &Dataset) -> Ids {
        let n = dataset.bodies.len();
        let mut ids = Ids {
            text: String::with_capacity(dataset.bodies.iter().map(|b| b.id.len()).sum()),
            ends: Vec::with_capacity(n),
            slots: vec![0; (2 * n).next_power_of_two().max(2)],
        };
        for (i, b) in dataset.bodies.iter().enumerate() {
            ids.text.push_str(&b.id);
            ids.ends.push(ids.text.len());
            let at = u32::try_from(i + 1).expect("fewer than 2^32 bodies");
            // The last body of an id wins, as in the analysis's index of positions.
            let slot = ids.slot(&b.id);
            ids.slots[slot] = at;
        }
        ids
    }

    fn id(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    /// The slot of `id`: its own, or the empty one where it would go.
    fn slot(&self, id: &str) -> usize {
        let mask = self.slots.len() - 1;
        let mut s = rustc_hash::FxBuildHasher.hash_one(id) as usize & mask;
        loop {
            match self.slots[s] {
                0 => return s,
                at if self.id(at as usize - 1) == id => return s,
                _ => s = (s + 1) & mask,
            }
        }
    }

    fn get(&self, id: &str) -> Option<usize> {
        match self.slots[self.slot(id)] {
            0 => None,
            at => Some(at as usize - 1),
        }
    }

    /// Every (position, id) an id's look-up gives, in dataset order.
    fn iter(&self) -> impl Iterator<Item = (usize, &str)> + '_ {
        (0..self.ends.len())
            .map(|i| (i, self.id(i)))
            .filter(|&(i, id)| self.get(id) == Some(i))
    }
}

/// The ranges of integrated control: exact by enumeration when the space is small, else an
/// outer bound by interval value iteration.
pub fn control_ranges(
    dataset: &Dataset,
    options: &Options,
    space: &Space,
) -> Result<ControlRanges, AnalysisError> {
    let systems = rows::Systems::new(space, dataset, options)?;
    let principals = systems.principals.clone();
    let index = Ids::of(dataset);
    // The headline's figure, the only one read again (`headline::headline_with`).
    let headline = super::headline::subject(dataset).and_then(|(p, b)| {
        let k = principals.iter().position(|x| *x == p)?;
        Some(index.get(&b)? * principals.len() + k)
    });
    /// Every (body, principal) by positions ([`rows::Systems::grid_into`]), the distinct
    /// systems of a large state on two threads ([`rows::Systems::grid_each`]).
    struct Control<'a> {
        systems: rows::Systems<'a>,
        options: &'a Options,
    }
    impl Figures for Control<'_> {
        fn values(
            &mut self,
            job: usize,
            choice: &[usize],
            out: &mut Vec<f64>,
        ) -> Result<(), AnalysisError> {
            self.systems.grid_into(self.options, job, choice, out)
        }
        fn fingerprint(&mut self, choice: &[usize]) -> Option<u64> {
            self.systems.fingerprint(self.options, choice)
        }
        fn same(&mut self, earlier: usize, choice: &[usize]) -> bool {
            self.systems.same_as(self.options, earlier, choice)
        }
        fn keep(&mut self, job: usize) {
            self.systems.keep(job);
        }
        fn values_each(
            &mut self,
            work: &[(usize, &[usize])],
            fold: Fold<'_>,
        ) -> Result<(), AnalysisError> {
            self.systems.grid_each(self.options, work, fold)
        }
    }
    let mut control = Control { systems, options };
    let mut solved: Vec<(Options, f64)> = Vec::new();
    let mut seen = |choice: &[usize], values: &[f64]| {
        let Some(i) = headline else {
            return;
        };
        let coded = space
            .dimensions
            .iter()
            .zip(choice)
            .all(|(d, &k)| matches!(d, Dimension::Weight { .. }) || k == 0);
        if !coded {
            return;
        }
        let (_, o) = space.readings_and_options(options, choice);
        if !solved.iter().any(|(x, _)| *x == o) {
            solved.push((o, values[i]));
        }
    };
    // Readings never add, remove or move bodies, so the positions in the dataset address
    // every combination's bodies.
    let ranged = enumerate_values(space, options, &mut control, &mut seen)?;
    // The templates and the buffers of the solves (tens of MB in a large state) are not
    // held through the outer bound nor handed back.
    drop(control);
    let mut ranges = ranged.ranges;
    if !ranged.exact {
        let bound = interval_bound(dataset, options, space, &principals)?;
        for ((b, k), (l, h)) in bound {
            let r = &mut ranges[b * principals.len() + k];
            r.0 = r.0.min(l);
            r.1 = r.1.max(h);
        }
    }
    let solved = headline.map(|i| (i, solved));
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
    let relevance = rows::Relevance::new(space, dataset, &index);
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
        let drivers: Vec<String> = r
            .drivers("court", "president")
            .into_iter()
            .map(|d| d.choice)
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

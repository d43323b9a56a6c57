//! Who controls whom: direct shares, integrated control, veto points, tenure, flags and the
//! system summary. Pure functions of a `Dataset` and `Options`; no I/O, no terminal.
//!
//! Complexity of [`analyze`], for B bodies, C channels, S steps, E edges and P principals:
//! shares O(S + E) (edges indexed by target), the solve O((S + B) x P) for the bodies outside
//! any cycle and O(passes x (S + B) x P) for those in one, each cycle iterated on its own in
//! dependency order ([`control`]; 27 passes over the largest cycle, 38% of the bodies, of the
//! synthetic state of 100,000 bodies), the per-body maps O(B x P log P), the flags linear (see
//! [`flags`]), the summary O(B x P), the closure O(P x (B + C + S)) and the dominators
//! O(B + S) per pass ([`closure`], [`dominators`]), and the headline at most five more solves
//! of control alone, without the per-body maps ([`headline`]). The solve itself is
//! [`control::solve`]; the ranges are [`range`] (per combination one solve from rows cached
//! per body).
//! [`Analysis::body`] and [`Analysis::flags_of`] are O(1) lookups.

pub mod blocs;
pub mod closure;
pub mod control;
pub mod diff;
pub mod dominators;
pub mod explain;
pub mod flags;
pub mod headline;
pub mod idmap;
pub mod power;
pub mod range;
pub mod reach;
mod row;
pub mod shares;
pub mod summary;
pub mod sweep;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::hash::BuildHasher;
use std::sync::Arc;

use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::model::{BodyId, Dataset, EdgeKind, Layer, Weights};
pub use blocs::{BlocPower, BodyPower, ShareModel};

pub use control::SolveError;
pub use flags::{Flag, Severity};
pub use headline::Headline;
pub use idmap::{BodyIndex, IdMap, Ids, Shares};
pub use shares::{ChannelShares, Position, Share};
pub use summary::{PrincipalSummary, SystemSummary};

/// What the user may change about the analysis: the role weights and the principals.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub weights: Weights,
    pub principals: Vec<BodyId>,
    /// Whether a general power to dissolve a body at will also puts its consents under
    /// threat. Off by default in every dataset alike (codebook R-THREAT).
    pub at_will_threat: bool,
    /// What a body with blocs contributes to integrated control: its seat shares or a
    /// voting-power index (codebook R33).
    pub share_model: ShareModel,
    /// The layer whose blocs and alignments count (codebook R34). The de facto layer's
    /// channels and edges are chosen by [`Dataset::in_layer`] before the analysis.
    pub layer: Layer,
}

impl Options {
    /// The dataset's own defaults.
    pub fn of(dataset: &Dataset) -> Options {
        Options {
            weights: dataset.weights,
            principals: dataset.principals(),
            at_will_threat: false,
            share_model: ShareModel::Seats,
            layer: Layer::DeJure,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum AnalysisError {
    UnknownPrincipal {
        id: String,
        suggestion: Option<String>,
    },
    /// Bodies whose chain of channels reaches no principal under these options: the solver's
    /// [`SolveError::Unreachable`], with the bodies named.
    Unreachable(Vec<BodyId>),
    /// The solver gave up: [`SolveError::NoConvergence`] or [`SolveError::TooLarge`].
    Solve(SolveError),
    /// A body that picks some of its own members is not a principal under these options
    /// (codebook R16): its co-opted seats would count for whoever fills the rest of it.
    SelfFilled(BodyId),
}

impl fmt::Display for AnalysisError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnalysisError::UnknownPrincipal { id, suggestion } => {
                write!(f, "unknown principal '{id}'")?;
                if let Some(s) = suggestion {
                    write!(f, "; did you mean '{s}'?")?;
                }
                Ok(())
            }
            AnalysisError::Unreachable(ids) => write!(
                f,
                "with these principals and weights the chain of channels from {} never reaches a principal; add a principal that fills them",
                ids.join(", ")
            ),
            AnalysisError::Solve(e) => e.fmt(f),
            AnalysisError::SelfFilled(id) => write!(
                f,
                "{id} picks some of its own members, so it must be a principal (add -p {id}): otherwise its co-opted seats would count for whoever fills the rest of it"
            ),
        }
    }
}

impl std::error::Error for AnalysisError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AnalysisError::Solve(e) => Some(e),
            _ => None,
        }
    }
}

/// Everything the tool computes about one body.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyAnalysis {
    pub id: BodyId,
    pub channels: Vec<ChannelShares>,
    /// Seats held by each actor under the weights; sums to the body's seats. Over the ids of
    /// [`Analysis::index`].
    pub direct: Shares,
    /// Integrated control by principal, every principal in force listed; sums to 1. Over
    /// [`Analysis::principal_ids`].
    pub control: Shares,
    /// For each principal, the part of its control that arrives through each immediate actor
    /// (the principal itself for its direct share); sums to `control[p]`. Over
    /// [`Analysis::principal_ids`], each inner map over the ids of [`Analysis::index`].
    pub via: IdMap<Shares>,
    /// Actors whose approval some channel needs.
    pub vetoes: Vec<BodyId>,
    pub removable_at_will_by: Vec<BodyId>,
    pub removable_for_cause_by: Vec<BodyId>,
    /// Herfindahl-Hirschman index of `control`.
    pub hhi: f64,
    /// The principals that control the body by majority-control closure (codebook R32).
    pub controlled_by: Vec<BodyId>,
    /// The seats each principal fills by closure (principals filling none are left out). Over
    /// [`Analysis::principal_ids`].
    pub closure_seats: Shares,
    /// The seats the body's decisions need ([`closure::decision_quota`]).
    pub quota: f64,
    /// The actors every chain of appointment to the body passes through, nearest first.
    pub dominators: Vec<BodyId>,
    /// The body's blocs and their voting power, when it has blocs in the layer analysed.
    /// Boxed: few bodies have blocs, and inline it would size every body's analysis (100,000
    /// bodies: 9 MB).
    pub power: Option<Box<BodyPower>>,
}

impl BodyAnalysis {
    /// The principal with the largest control and its share. Shares within
    /// [`numbers::SAME`](crate::model::numbers::SAME) of the largest tie, and a tie goes to the
    /// first id, so that the answer does not hang on the solve's last digits.
    pub fn largest(&self) -> Option<(&str, f64)> {
        let top = self.control.values().copied().fold(0.0, f64::max);
        self.control
            .iter()
            .find(|(_, v)| **v > 0.0 && crate::model::numbers::at_least(**v, top))
            .map(|(k, v)| (k.as_str(), *v))
    }

    pub fn control_of(&self, principal: &str) -> f64 {
        self.control.get(principal).copied().unwrap_or(0.0)
    }

    /// Seats of channels in which `actor` picks the candidate.
    pub fn picked_by(&self, actor: &str) -> u32 {
        self.channels
            .iter()
            .filter(|c| c.proposer == actor)
            .map(|c| c.seats)
            .sum()
    }
}

/// The complete analysis of a dataset under some options.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub options: Options,
    /// Position of each body in `bodies`, for lookups by id; its table of ids (every body's
    /// and every actor's, sorted) is the one the maps by actor index into.
    pub index: BodyIndex,
    /// The principals in force: the chosen ones plus every body nobody fills.
    pub principals: Vec<BodyId>,
    /// `principals` sorted: the table the maps by principal index into.
    pub principal_ids: Ids,
    /// One entry per body, in dataset order.
    pub bodies: Vec<BodyAnalysis>,
    pub flags: Vec<Flag>,
    /// The flags of each body, for [`Analysis::flags_of`].
    pub flag_index: FlagIndex,
    pub summary: SystemSummary,
    /// Each principal's majority-control closure (codebook R32), in `principals` order.
    pub closure: Vec<closure::PrincipalClosure>,
    pub sweeps: usize,
    pub residual: f64,
}

/// Positions of each body's flags in [`Analysis::flags`], built on the first lookup: every
/// output lists a count or the flags per body, which a filter over all flags made quadratic.
/// It is trusted only while `flags` has the length it was built at (the analysis sets
/// `flags` once, before any lookup); otherwise the lookup scans.
#[derive(Default)]
pub struct FlagIndex(std::sync::OnceLock<FlagPlaces>);

/// The flags by the place of their body in [`Analysis::index`]: those of the body at place
/// `p` are `at[start[p]..start[p + 1]]`, in the flags' order; a flag whose body has no place
/// is in `unplaced`. Flat vectors of positions: a map of an owned id to a vector per body was
/// 15 MB at 100,000 bodies.
struct FlagPlaces {
    len: usize,
    by_place: idmap::ByPlace,
    unplaced: Vec<u32>,
}

impl Clone for FlagIndex {
    fn clone(&self) -> Self {
        FlagIndex::default()
    }
}

impl PartialEq for FlagIndex {
    /// A cache: analyses are equal by their contents alone.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl fmt::Debug for FlagIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FlagIndex")
    }
}

impl Analysis {
    pub fn body(&self, id: &str) -> Option<&BodyAnalysis> {
        self.index.get(id).and_then(|&i| self.bodies.get(i))
    }

    pub fn flags_of<'a>(&'a self, body: &'a str) -> impl Iterator<Item = &'a Flag> + 'a {
        let index = self.flag_index.0.get_or_init(|| {
            let places = self.index.ids().len();
            let of: Vec<Option<u32>> = self
                .flags
                .iter()
                .map(|f| self.index.place(&f.body))
                .collect();
            let mut unplaced = Vec::new();
            let by_place = idmap::ByPlace::new(places, &of, |i| unplaced.push(i));
            FlagPlaces {
                len: self.flags.len(),
                by_place,
                unplaced,
            }
        });
        let fresh = index.len == self.flags.len();
        // A body's flags all have its place; a flag with no place names no body that has one.
        let listed: &[u32] = match self.index.place(body) {
            _ if !fresh => &[],
            Some(p) => index.by_place.at(p),
            None => &index.unplaced,
        };
        let scan = if fresh { 0..0 } else { 0..self.flags.len() };
        listed
            .iter()
            .map(|&i| i as usize)
            .chain(scan)
            .filter_map(|i| self.flags.get(i))
            .filter(move |f| f.body == body)
    }
}

/// Runs the whole analysis.
pub fn analyze(dataset: &Dataset, options: &Options) -> Result<Analysis, AnalysisError> {
    let mut analysis = analyze_control(dataset, options)?;
    analysis.summary = summary::summarize(dataset, &analysis);
    closure::annotate(dataset, &mut analysis);
    analysis.flags = flags::evaluate(dataset, &analysis);
    Ok(analysis)
}

/// [`analyze`] without the flags: what the cross-country indicators read, once per
/// combination of readings when they are ranged.
pub fn analyze_without_flags(
    dataset: &Dataset,
    options: &Options,
) -> Result<Analysis, AnalysisError> {
    let mut analysis = analyze_control(dataset, options)?;
    analysis.summary = summary::summarize(dataset, &analysis);
    closure::annotate(dataset, &mut analysis);
    Ok(analysis)
}

/// Shares, integrated control, vetoes and tenure only: no flags, no system summary. The range
/// of every control figure runs this once per combination of readings, where the flags would
/// cost most of the time and change no control figure.
pub fn analyze_control(dataset: &Dataset, options: &Options) -> Result<Analysis, AnalysisError> {
    let Solved {
        index,
        principals,
        absorbing,
        channels,
        rows,
        solution,
    } = solve_control(dataset, options)?;
    let principal_ids = idmap::sorted_ids(principals.iter().map(String::as_str));
    // The place in `principal_ids` of each column of the solution.
    let col_places: Vec<u32> = dataset
        .bodies
        .iter()
        .zip(&absorbing)
        .filter(|(_, a)| **a)
        .map(|(b, _)| idmap::place_in(&principal_ids, &b.id).unwrap_or(u32::MAX))
        .collect();
    let (actor_ids, places) = actor_table(dataset, &channels);
    let place_of = |a: &str| match index.get(a) {
        Some(&j) => places[j],
        None => idmap::place_in(&actor_ids, a).unwrap_or(u32::MAX),
    };

    let mut removal_for_cause: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    for e in &dataset.edges {
        if matches!(e.kind, EdgeKind::DismissForCause | EdgeKind::Impeach) {
            removal_for_cause.entry(&e.to).or_default().push(&e.from);
        }
    }
    // Each table shared once by every map over it.
    let (principal_table, actor_table): (idmap::Table, idmap::Table) =
        (Arc::new(principal_ids.clone()), Arc::new(actor_ids.clone()));
    let mut bodies = Vec::with_capacity(dataset.bodies.len());
    // Per principal's place: the parts that arrive through each actor (place, part).
    let mut parts: Vec<Vec<(u32, f64)>> = vec![Vec::new(); principal_ids.len()];
    for (b, ((body, shares), row)) in dataset.bodies.iter().zip(channels).zip(&rows).enumerate() {
        let BodyShares {
            channels: cs,
            direct,
            strays,
            power,
        } = shares;
        let mut control = vec![0.0; principal_ids.len()];
        if row.is_empty() {
            // A root: nobody fills it, so it answers only to itself (the solve refuses a root
            // that is no principal).
            if let Some(p) = idmap::place_in(&principal_ids, &body.id) {
                control[p as usize] = 1.0;
                parts[p as usize].push((places[b], 1.0));
            }
        }
        for &(j, p) in row {
            for (k, &col) in col_places.iter().enumerate() {
                let part = p * solution.at(j, k);
                if part > 0.0 {
                    // The same sums, in the same order, as by id.
                    control[col as usize] += part;
                    parts[col as usize].push((places[j], part));
                }
            }
        }
        // Sized once: the maps live as long as the analysis.
        let mut via = Vec::with_capacity(parts.iter().filter(|by| !by.is_empty()).count());
        for (p, by) in (0..).zip(&mut parts) {
            if !by.is_empty() {
                via.push((p, IdMap::over(&actor_table, merged(by))));
            }
        }
        let control = IdMap::over(&principal_table, (0..).zip(control).collect());
        // Each actor by the position body_system found it at: no second lookup by id.
        let mut strays = strays.iter();
        let direct = IdMap::over(
            &actor_table,
            direct
                .iter()
                .map(|&(j, s)| {
                    let place = match j {
                        usize::MAX => strays.next().map_or(u32::MAX, |a| place_of(a)),
                        j => places[j],
                    };
                    (place, s)
                })
                .collect(),
        );
        let hhi = control.values().map(|v| v * v).sum();
        let vetoes = sorted_unique_ids(cs.iter().flat_map(|c| c.vetoes.iter().map(String::as_str)));
        let at_will = sorted_unique_ids(
            cs.iter()
                .flat_map(|c| c.removers.iter().map(String::as_str)),
        );
        let for_cause = sorted_unique_ids(
            removal_for_cause
                .get(body.id.as_str())
                .into_iter()
                .flatten()
                .copied(),
        );
        bodies.push(BodyAnalysis {
            id: body.id.clone(),
            channels: cs,
            direct,
            control,
            via: IdMap::over(&principal_table, via),
            vetoes,
            removable_at_will_by: at_will,
            removable_for_cause_by: for_cause,
            hhi,
            controlled_by: Vec::new(),
            closure_seats: IdMap::over(&principal_table, Vec::new()),
            quota: 0.0,
            dominators: Vec::new(),
            power: power.map(Box::new),
        });
    }

    let analysis = Analysis {
        options: options.clone(),
        index: BodyIndex::new(actor_ids, &places),
        principals,
        principal_ids,
        bodies,
        flags: Vec::new(),
        flag_index: FlagIndex::default(),
        summary: SystemSummary::default(),
        closure: Vec::new(),
        sweeps: solution.sweeps,
        residual: solution.residual,
    };
    Ok(analysis)
}

/// The ids of every body and of every actor that is no body, sorted and unique, and the place
/// of each body's id in them (by position). Sorted by position rather than by a search per
/// body: a search per body made a cache miss per comparison at 100,000 bodies.
fn actor_table(dataset: &Dataset, channels: &[BodyShares]) -> (Ids, Vec<u32>) {
    // Actors that are no body (a file the checks refuse, read all the same).
    let strays: BTreeSet<&str> = channels
        .iter()
        .flat_map(|shares| &shares.strays)
        .map(String::as_str)
        .collect();
    let n = dataset.bodies.len();
    let mut order: Vec<(&str, usize)> = dataset
        .bodies
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.as_str(), i))
        .chain(strays.into_iter().map(|a| (a, usize::MAX)))
        .collect();
    order.sort_unstable();
    let mut ids: Vec<BodyId> = Vec::with_capacity(order.len());
    let mut places = vec![0; n];
    for (id, i) in order {
        if ids.last().is_none_or(|last| last != id) {
            ids.push(id.to_string());
        }
        if i != usize::MAX {
            places[i] = (ids.len() - 1) as u32;
        }
    }
    (ids.into(), places)
}

/// The parts by place, sorted by place, those at one place summed in the order they came
/// (as `add_part` summed them by id); empties `by`.
fn merged(by: &mut Vec<(u32, f64)>) -> Vec<(u32, f64)> {
    // Stable: parts at one place keep their order.
    by.sort_by_key(|e| e.0);
    // Sized to the places, not the parts: the map lives as long as the analysis.
    let places = 1 + by.windows(2).filter(|w| w[0].0 != w[1].0).count();
    let mut out: Vec<(u32, f64)> = Vec::with_capacity(places);
    for &(p, v) in by.iter() {
        match out.last_mut() {
            Some(last) if last.0 == p => last.1 += v,
            _ => out.push((p, v)),
        }
    }
    by.clear();
    out
}

/// A body's channel shares, its direct seats and its blocs' voting power, each actor of the
/// direct seats looked up by its id once.
struct BodyShares {
    channels: Vec<ChannelShares>,
    /// (position of the actor, `usize::MAX` for an actor that is no body; its seats), in the
    /// order of the actors' ids.
    direct: Vec<(usize, f64)>,
    /// The ids of the actors that are no body, in the same order.
    strays: Vec<BodyId>,
    power: Option<blocs::BodyPower>,
}

/// What [`analyze_control`] computes before it builds the per-body maps.
struct Solved<'d> {
    index: FxHashMap<&'d str, usize>,
    principals: Vec<BodyId>,
    absorbing: Vec<bool>,
    channels: Vec<BodyShares>,
    rows: control::Rows,
    solution: control::Solution,
}

/// The shares and the control solve, with every check [`analyze_control`] makes.
fn solve_control<'d>(dataset: &'d Dataset, options: &Options) -> Result<Solved<'d>, AnalysisError> {
    let (index, principals, absorbing) = checked::<FxBuildHasher>(dataset, options)?;
    let edges = shares::EdgeIndex::new(dataset, options.at_will_threat);
    let mut channels = Vec::with_capacity(dataset.bodies.len());
    let mut rows: control::Rows = Vec::with_capacity(dataset.bodies.len());
    for body in &dataset.bodies {
        let (body_shares, row) = body_system(&edges, &index, body, options);
        rows.push(row);
        channels.push(body_shares);
    }

    let solution = solve_rows(dataset, &rows, &absorbing)?;
    Ok(Solved {
        index,
        principals,
        absorbing,
        channels,
        rows,
        solution,
    })
}

/// The position of each body by id, the principals in force and which bodies are absorbing,
/// after the checks every solve makes (principals known, no transient body filling itself).
/// The index is hashed by `S` (the analysis's own solve: FxHash, cheaper on short ids).
#[allow(clippy::type_complexity)]
fn checked<'d, S: BuildHasher + Default>(
    dataset: &'d Dataset,
    options: &Options,
) -> Result<(HashMap<&'d str, usize, S>, Vec<BodyId>, Vec<bool>), AnalysisError> {
    let index: HashMap<&'d str, usize, S> = dataset
        .bodies
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.as_str(), i))
        .collect();
    let principals = principals_in_force(dataset, options, &index)?;
    let in_force: std::collections::HashSet<&str> = principals.iter().map(String::as_str).collect();
    if let Some(b) = dataset.bodies.iter().find(|b| {
        !in_force.contains(b.id.as_str()) && !crate::model::validate::co_opted(b).is_empty()
    }) {
        return Err(AnalysisError::SelfFilled(b.id.clone()));
    }
    let absorbing = absorbing(dataset, &in_force);
    Ok((index, principals, absorbing))
}

/// The position of each body in the dataset, by id.
fn position_index(dataset: &Dataset) -> HashMap<&str, usize> {
    dataset
        .bodies
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.as_str(), i))
        .collect()
}

/// The principals in force (the chosen ones, checked, and every body nobody fills; codebook
/// R34 in the de facto layer), in dataset order. Readings never change them: they depend on
/// which bodies have channels and on blocs, which no reading touches.
fn principals_in_force<S: BuildHasher>(
    dataset: &Dataset,
    options: &Options,
    index: &HashMap<&str, usize, S>,
) -> Result<Vec<BodyId>, AnalysisError> {
    for p in &options.principals {
        if !index.contains_key(p.as_str()) {
            return Err(AnalysisError::UnknownPrincipal {
                id: p.clone(),
                suggestion: crate::diag::did_you_mean(
                    p,
                    dataset.bodies.iter().map(|b| b.id.as_str()),
                )
                .map(str::to_string),
            });
        }
    }
    let mut principals = effective_principals(dataset, &options.principals);
    if options.layer == Layer::DeFacto {
        // Codebook R34: a body with a bloc aligned with another actor answers, in the de facto
        // layer, through its blocs; it is no longer an independent holder of power.
        principals.retain(|p| {
            dataset.body(p).is_none_or(|b| {
                b.channels.is_empty()
                    || !b
                        .blocs
                        .iter()
                        .any(|k| k.layer == Layer::DeFacto && k.aligned_with.is_some())
            })
        });
    }
    Ok(principals)
}

/// Which bodies are absorbing (principals in force), in dataset order.
fn absorbing(dataset: &Dataset, in_force: &std::collections::HashSet<&str>) -> Vec<bool> {
    dataset
        .bodies
        .iter()
        .map(|b| in_force.contains(b.id.as_str()))
        .collect()
}

/// One body's channel shares, direct seats and blocs' power, and its row of the control
/// system: (position of the actor, part of the body) in actor id order. It reads the body,
/// the edges into it and between its actors (`edges`), and the options.
fn body_system<S: BuildHasher>(
    edges: &shares::EdgeIndex<'_>,
    index: &HashMap<&str, usize, S>,
    body: &crate::model::Body,
    options: &Options,
) -> (BodyShares, Vec<(usize, f64)>) {
    let cs: Vec<ChannelShares> = body
        .channels
        .iter()
        .map(|c| shares::channel_shares_indexed(edges, body, c, &options.weights))
        .collect();
    // The direct seats as `shares::direct_shares` sums them (each actor's parts in the order
    // they come, actors in id order), on borrowed ids: no map and no copied id per body.
    let mut parts: Vec<(&str, f64)> = cs
        .iter()
        .flat_map(|c| &c.shares)
        .filter(|s| s.seats > 0.0)
        .map(|s| (s.actor.as_str(), s.seats))
        .collect();
    // Stable: an actor's parts keep their order.
    parts.sort_by(|x, y| x.0.cmp(y.0));
    let mut direct: Vec<(&str, f64)> = Vec::with_capacity(parts.len());
    for (a, v) in parts {
        match direct.last_mut() {
            Some(last) if last.0 == a => last.1 += v,
            _ => direct.push((a, 0.0 + v)),
        }
    }
    let seats = f64::from(body.seats);
    let power = blocs::body_power(body, options.layer);
    // Only a body with blocs reads its direct seats as a map of owned ids.
    let by_power = power.as_ref().and_then(|p| {
        let map: BTreeMap<BodyId, f64> = direct.iter().map(|(a, s)| (a.to_string(), *s)).collect();
        blocs::power_row(body, &cs, &map, Some(p), options.share_model, options.layer)
    });
    let direct_at: Vec<(usize, f64)> = direct
        .iter()
        .map(|(a, s)| (index.get(*a).copied().unwrap_or(usize::MAX), *s))
        .collect();
    let strays: Vec<BodyId> = direct
        .iter()
        .zip(&direct_at)
        .filter(|(_, (j, _))| *j == usize::MAX)
        .map(|((a, _), _)| a.to_string())
        .collect();
    let row = match by_power {
        Some(row) => row
            .iter()
            .filter_map(|(a, p)| index.get(a.as_str()).map(|&j| (j, *p)))
            .collect(),
        None => direct_at
            .iter()
            .filter(|(j, _)| *j != usize::MAX)
            .map(|&(j, s)| (j, s / seats))
            .collect(),
    };
    let shares = BodyShares {
        channels: cs,
        direct: direct_at,
        strays,
        power,
    };
    (shares, row)
}

/// [`control::solve`], its errors naming the bodies.
fn solve_rows<R: AsRef<[(usize, f64)]>>(
    dataset: &Dataset,
    rows: &[R],
    absorbing: &[bool],
) -> Result<control::Solution, AnalysisError> {
    solve_rows_with(dataset, rows, absorbing, &mut control::Orders::default())
}

/// [`solve_rows`] with the orders of the systems solved before ([`control::solve_with`]).
fn solve_rows_with<R: AsRef<[(usize, f64)]>>(
    dataset: &Dataset,
    rows: &[R],
    absorbing: &[bool],
    orders: &mut control::Orders,
) -> Result<control::Solution, AnalysisError> {
    control::solve_with(rows, absorbing, orders).map_err(|e| match e {
        SolveError::Unreachable(ids) => AnalysisError::Unreachable(
            ids.into_iter()
                .map(|i| dataset.bodies[i].id.clone())
                .collect(),
        ),
        e => AnalysisError::Solve(e),
    })
}

/// Integrated control of the bodies at `bodies` (positions) by `principal`, exactly as
/// [`analyze_control`] gives it through [`BodyAnalysis::control_of`] (the same sums in the
/// same order), without building the per-body maps: what a range reads once per combination.
pub fn control_values(
    dataset: &Dataset,
    options: &Options,
    keys: &[(usize, &str)],
) -> Result<Vec<f64>, AnalysisError> {
    let (index, _, absorbing) = checked::<std::hash::RandomState>(dataset, options)?;
    let edges = shares::EdgeIndex::new(dataset, options.at_will_threat);
    let mut lean = row::Rows::default();
    let rows: control::Rows = dataset
        .bodies
        .iter()
        .map(|b| lean.row(&edges, &index, b, options))
        .collect();
    let solution = solve_rows(dataset, &rows, &absorbing)?;
    let col: HashMap<&str, usize> = dataset
        .bodies
        .iter()
        .zip(&absorbing)
        .filter(|(_, a)| **a)
        .enumerate()
        .map(|(k, (b, _))| (b.id.as_str(), k))
        .collect();
    let cols: Vec<Option<usize>> = keys.iter().map(|(_, p)| col.get(p).copied()).collect();
    Ok(values_of(dataset, &rows, &solution, &cols, keys))
}

/// The figures [`control_values`] reads from a solved system; `cols`: the column of each
/// key's principal, if it is one.
fn values_of<R: AsRef<[(usize, f64)]>>(
    dataset: &Dataset,
    rows: &[R],
    solution: &control::Solution,
    cols: &[Option<usize>],
    keys: &[(usize, &str)],
) -> Vec<f64> {
    keys.iter()
        .zip(cols)
        .map(|(&(b, p), &col)| {
            let row = rows[b].as_ref();
            if row.is_empty() {
                // A root answers only to itself.
                return if dataset.bodies[b].id == p { 1.0 } else { 0.0 };
            }
            let Some(k) = col else {
                return 0.0;
            };
            let mut v = 0.0;
            for &(j, q) in row {
                let part = q * solution.at(j, k);
                if part > 0.0 {
                    v += part;
                }
            }
            v
        })
        .collect()
}

/// The chosen principals plus every body that nobody fills (the walk cannot go beyond it),
/// in dataset order.
pub fn effective_principals(dataset: &Dataset, chosen: &[BodyId]) -> Vec<BodyId> {
    dataset
        .bodies
        .iter()
        .filter(|b| b.channels.is_empty() || chosen.contains(&b.id))
        .map(|b| b.id.clone())
        .collect()
}

/// The ids sorted and unique, each copied once (the order of a `BTreeSet` of them).
fn sorted_unique_ids<'a>(items: impl Iterator<Item = &'a str>) -> Vec<BodyId> {
    let mut v: Vec<&str> = items.collect();
    v.sort_unstable();
    v.dedup();
    v.into_iter().map(str::to_string).collect()
}

/// How a principal's control of a body moves as one weight varies (the robustness check).
pub fn sensitivity(
    dataset: &Dataset,
    options: &Options,
    body: &str,
    principal: &str,
    weight: &str,
    values: &[f64],
) -> Vec<(f64, Option<f64>)> {
    values
        .iter()
        .map(|&v| {
            let mut o = options.clone();
            let share = o
                .weights
                .set(weight, v)
                .ok()
                .and_then(|_| analyze(dataset, &o).ok())
                .and_then(|a| a.body(body).map(|b| b.control_of(principal)));
            (v, share)
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) use crate::model::testdata::tiny_dataset;

    #[test]
    fn hand_computed_court_control() {
        let ds = tiny_dataset();
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        let court = a.body("court").unwrap();
        // Direct: President 0.5 + 1 = 1.5 seats; Senate 0.5 + 1 = 1.5 seats.
        assert!((court.direct["president"] - 1.5).abs() < 1e-12);
        assert!((court.direct["senate"] - 1.5).abs() < 1e-12);
        // The Senate is 20% President, 80% councils: President = (1.5 + 1.5 * 0.2) / 3 = 0.6.
        assert!((court.control["president"] - 0.6).abs() < 1e-12);
        assert!((court.control["councils"] - 0.4).abs() < 1e-12);
        assert!((court.via["president"]["president"] - 0.5).abs() < 1e-12);
        assert!((court.via["president"]["senate"] - 0.1).abs() < 1e-12);
        assert_eq!(court.vetoes, vec!["senate"]);
        assert_eq!(court.removable_at_will_by, vec!["president"]);
        assert!((court.hhi - (0.36 + 0.16)).abs() < 1e-12);
        assert_eq!(court.picked_by("president"), 2);
    }

    /// Each body's flags, found through the index, are the flags that name it, in their order,
    /// on every shipped dataset; a flag naming an id the analysis does not know is found too.
    #[test]
    fn flags_of_lists_what_a_filter_over_all_flags_lists() {
        for e in crate::data::EMBEDDED {
            let ds = crate::data::resolve(e.id).unwrap();
            let a = analyze(&ds, &Options::of(&ds)).unwrap();
            for b in &ds.bodies {
                let want: Vec<&Flag> = a.flags.iter().filter(|f| f.body == b.id).collect();
                assert_eq!(
                    a.flags_of(&b.id).collect::<Vec<_>>(),
                    want,
                    "{} {}",
                    e.id,
                    b.id
                );
            }
            assert_eq!(a.flags_of("no-such-body").count(), 0);
            let mut ghost = a.clone();
            let mut f = a.flags[0].clone();
            f.body = "ghost".into();
            ghost.flags.push(f.clone());
            assert_eq!(
                ghost.flags_of("ghost").collect::<Vec<_>>(),
                vec![&f],
                "{}",
                e.id
            );
        }
    }

    #[test]
    fn control_sums_to_one_everywhere() {
        let ds = tiny_dataset();
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        for b in &a.bodies {
            let total: f64 = b.control.values().sum();
            assert!((total - 1.0).abs() < 1e-9, "{}: {total}", b.id);
            let seats: f64 = b.direct.values().sum();
            let body = ds.body(&b.id).unwrap();
            if !body.channels.is_empty() {
                assert!((seats - f64::from(body.seats)).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn at_will_removal_can_count_as_control() {
        let ds = tiny_dataset();
        let mut o = Options::of(&ds);
        o.weights.at_will_removal = 1.0;
        let a = analyze(&ds, &o).unwrap();
        // The Chair now serves wholly at the President's pleasure: (1 + 1 + 1 * 0.2) / 3.
        let court = a.body("court").unwrap();
        assert!((court.control["president"] - 2.2 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn consent_weight_moves_the_number() {
        let ds = tiny_dataset();
        let s = sensitivity(
            &ds,
            &Options::of(&ds),
            "court",
            "president",
            "consent",
            &[0.0, 1.0],
        );
        assert!((s[0].1.unwrap() - (2.0 + 0.2) / 3.0).abs() < 1e-12);
        assert!((s[1].1.unwrap() - 0.6).abs() < 1e-12);
    }

    #[test]
    fn changing_principals_changes_where_the_walk_stops() {
        let ds = tiny_dataset();
        let mut o = Options::of(&ds);
        o.principals.push("senate".into());
        let a = analyze(&ds, &o).unwrap();
        let court = a.body("court").unwrap();
        assert!((court.control["senate"] - 0.5).abs() < 1e-12);
        let err = analyze(
            &ds,
            &Options {
                principals: vec!["presidnt".into()],
                ..o
            },
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("did you mean 'president'"),
            "{err}"
        );
    }
}

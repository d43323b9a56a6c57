//! The control system of each combination, assembled from rows cached per body.
//!
//! A body's row of the control system (what each actor holds of it) depends only on the
//! readings of its own channels and steps, of the edges into it and between its actors, on
//! the threat option when an at-will dissolution joins two of its actors, and on the weights
//! ([`Relevance`]). So each body's row is computed once per choice of those dimensions and
//! reused by every combination that makes the same choice; a combination then costs one
//! look-up per body and one solve, and a combination whose rows are all those of an earlier
//! one reuses its figures. The rows are computed by the same arithmetic as the analysis
//! ([`crate::analysis::analyze_control`], without its channel shares: `analysis::row`) and
//! solved by the same solver, so every figure is bit-identical to solving the realised dataset
//! afresh.
//!
//! Complexity, for B bodies, K combinations and R distinct (body, choice) rows: building the
//! relevance O(dimensions + targets + channels x actors^2), O(R x row) for the rows (at most
//! K x B, far fewer when most bodies depend on few dimensions), and per combination O(B) to
//! look the rows up plus the solve, O(sweeps x (S + B) x P).

use std::collections::{HashMap, HashSet};

use super::realise::Realiser;
use super::{AT_POINT, Dimension, Space};
use crate::analysis::{
    AnalysisError, Options, absorbing, position_index, principals_in_force, row, shares, solve_rows,
};
use crate::model::alt::Target;
use crate::model::{Body, Channel, Dataset, EdgeKind};

/// Which dimensions of a space each channel's split can depend on, indexed once.
pub(super) struct Relevance<'a> {
    /// Readings of a channel or of one of its steps, by (body, channel).
    channels: HashMap<(&'a str, &'a str), Vec<usize>>,
    /// Readings of an edge, by its target body (removal at will reads those).
    edges_to: HashMap<&'a str, Vec<usize>>,
    /// Readings of an edge, by (source, target) (a dissolution between two actors).
    edges_between: HashMap<(&'a str, &'a str), Vec<usize>>,
    /// Pairs (source, target) joined by an edge that is, or a reading may make, an at-will
    /// dissolution: only between those does the threat option change a split.
    dissolvable: HashSet<(&'a str, &'a str)>,
    threat: Option<usize>,
    weights: Vec<usize>,
}

impl<'a> Relevance<'a> {
    pub(super) fn new(space: &'a Space, dataset: &'a Dataset) -> Relevance<'a> {
        let mut r = Relevance {
            channels: HashMap::new(),
            edges_to: HashMap::new(),
            edges_between: HashMap::new(),
            dissolvable: HashSet::new(),
            threat: None,
            weights: Vec::new(),
        };
        for (d, dim) in space.dimensions.iter().enumerate() {
            match dim {
                Dimension::Reading(i) => {
                    for t in &space.contested[*i].targets {
                        match t {
                            Target::Channel { body, channel }
                            | Target::Step { body, channel, .. } => r
                                .channels
                                .entry((body.as_str(), channel.as_str()))
                                .or_default()
                                .push(d),
                            Target::Edge((from, _, to, _)) => {
                                r.edges_to.entry(to.as_str()).or_default().push(d);
                                r.edges_between
                                    .entry((from.as_str(), to.as_str()))
                                    .or_default()
                                    .push(d);
                            }
                        }
                    }
                }
                Dimension::Threat => r.threat = Some(d),
                Dimension::Weight { .. } => r.weights.push(d),
            }
        }
        for e in &dataset.edges {
            // A reading may change an edge's kind, so any contested edge may dissolve at will.
            if e.kind == EdgeKind::Dissolve || !e.alternatives.is_empty() {
                r.dissolvable.insert((e.from.as_str(), e.to.as_str()));
            }
        }
        r
    }

    /// The dimensions `c` of `body` depends on, in dimension order: the readings of its own
    /// elements, of the edges into its body (removal at will) and of the edges between its
    /// actors in any reading (dissolution), the threat option where an at-will dissolution
    /// may join two of its actors, and every weight of the band.
    pub(super) fn channel(&self, body: &Body, c: &Channel) -> Vec<usize> {
        let mut actors: Vec<&str> = c.steps.iter().map(|s| s.actor.as_str()).collect();
        for a in &c.alternatives {
            actors.extend(a.change.steps.iter().flatten().map(|s| s.actor.as_str()));
        }
        for s in &c.steps {
            actors.extend(
                s.alternatives
                    .iter()
                    .filter_map(|a| a.change.actor.as_deref()),
            );
        }
        actors.sort_unstable();
        actors.dedup();
        let mut out: Vec<usize> = Vec::new();
        if let Some(v) = self.channels.get(&(body.id.as_str(), c.id.as_str())) {
            out.extend(v);
        }
        if let Some(v) = self.edges_to.get(body.id.as_str()) {
            out.extend(v);
        }
        let mut threat = false;
        for &from in &actors {
            for &to in &actors {
                if let Some(v) = self.edges_between.get(&(from, to)) {
                    out.extend(v);
                }
                threat |= self.dissolvable.contains(&(from, to));
            }
        }
        if threat {
            out.extend(self.threat);
        }
        out.extend(&self.weights);
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// One body's cached row.
struct Entry {
    row: Vec<(usize, f64)>,
    /// The body picks some of its own members in this reading (codebook R16).
    co_opted: bool,
}

/// Combinations past this many figures keep no memo of their values (memory at scale).
const MEMO_FIGURES: usize = 1 << 16;

/// The control figures of combinations of a space, from rows cached per body.
pub(super) struct Systems<'a> {
    base: &'a Dataset,
    realiser: Realiser<'a>,
    index: HashMap<&'a str, usize>,
    /// The principals in force, in dataset order.
    pub(super) principals: Vec<crate::model::BodyId>,
    absorbing: Vec<bool>,
    /// Column of each principal in the solution.
    cols: HashMap<&'a str, usize>,
    /// For each body, the dimensions its row depends on with their number of choices (a
    /// weight's one more, for [`AT_POINT`]); `None` when the choices are too many to key.
    deps: Vec<Option<Vec<(usize, u64)>>>,
    cache: Vec<HashMap<u64, usize>>,
    entries: Vec<Entry>,
    /// The figures of each set of rows solved so far, by the rows' entries.
    memo: HashMap<Vec<usize>, Vec<f64>>,
    space: &'a Space,
    /// The figures of the combinations with every element as coded and the threat option in
    /// force, by their options: a band point whose options equal the point's (consent 1 in
    /// the default band) is not solved again, and the headline reads its consent steps here.
    solved: Vec<(Options, Vec<f64>)>,
}

/// The most figures [`Systems`] keeps of combinations by their options (memory at scale: 4M
/// figures, 32 MiB; 100,000 bodies by four principals keep ten combinations).
const SOLVED_FIGURES: usize = 1 << 22;

impl<'a> Systems<'a> {
    /// Fails as the analysis of the dataset under `options` fails on its principals.
    pub(super) fn new(
        space: &'a Space,
        dataset: &'a Dataset,
        options: &Options,
    ) -> Result<Systems<'a>, AnalysisError> {
        let index = position_index(dataset);
        // Readings and the options a range varies never change the principals in force.
        let principals = principals_in_force(dataset, options, &index)?;
        let in_force: HashSet<&str> = principals.iter().map(String::as_str).collect();
        let absorbing = absorbing(dataset, &in_force);
        let cols = dataset
            .bodies
            .iter()
            .zip(&absorbing)
            .filter(|(_, a)| **a)
            .enumerate()
            .map(|(k, (b, _))| (b.id.as_str(), k))
            .collect();
        let relevance = Relevance::new(space, dataset);
        let deps = dataset
            .bodies
            .iter()
            .map(|b| {
                let mut dims: Vec<usize> = b
                    .channels
                    .iter()
                    .flat_map(|c| relevance.channel(b, c))
                    .collect();
                dims.sort_unstable();
                dims.dedup();
                let with_radix: Vec<(usize, u64)> = dims
                    .into_iter()
                    .map(|d| {
                        let r = space.radix(&space.dimensions[d]);
                        let extra =
                            u64::from(matches!(space.dimensions[d], Dimension::Weight { .. }));
                        (d, r + extra)
                    })
                    .collect();
                with_radix
                    .iter()
                    .try_fold(1u64, |a, (_, r)| a.checked_mul(*r))
                    .map(|_| with_radix)
            })
            .collect();
        Ok(Systems {
            base: dataset,
            realiser: Realiser::new(space, dataset),
            index,
            principals,
            absorbing,
            cols,
            deps,
            cache: vec![HashMap::new(); dataset.bodies.len()],
            entries: Vec::new(),
            memo: HashMap::new(),
            space,
            solved: Vec::new(),
        })
    }

    /// The key of body `b`'s row under `choice`.
    fn key(&self, b: usize, choice: &[usize]) -> Option<u64> {
        let deps = self.deps[b].as_ref()?;
        Some(deps.iter().fold(0u64, |key, &(d, radix)| {
            let k = if choice[d] == AT_POINT {
                radix - 1
            } else {
                choice[d] as u64
            };
            key * radix + k
        }))
    }

    /// The column of the solution each key's principal has, if it is a principal: what
    /// [`Systems::values`] reads for `keys`.
    pub(super) fn columns(&self, keys: &[(usize, &str)]) -> Vec<Option<usize>> {
        keys.iter()
            .map(|(_, p)| self.cols.get(p).copied())
            .collect()
    }

    /// Integrated control of the bodies at `keys` (positions) by the principals named there
    /// (whose columns are `cols`, [`Systems::columns`]), in the combination `choice` of the
    /// space, exactly as [`crate::analysis::control_values`] gives it on the realised dataset.
    pub(super) fn values(
        &mut self,
        options: &Options,
        choice: &[usize],
        keys: &[(usize, &str)],
        cols: &[Option<usize>],
    ) -> Result<Vec<f64>, AnalysisError> {
        let coded = self
            .space
            .dimensions
            .iter()
            .zip(choice)
            .all(|(d, &k)| matches!(d, Dimension::Weight { .. }) || k == 0);
        if !coded {
            return self.solve(options, choice, keys, cols);
        }
        let (_, o) = self.space.readings_and_options(options, choice);
        if let Some((_, v)) = self.solved.iter().find(|(x, _)| *x == o) {
            return Ok(v.clone());
        }
        let values = self.solve(options, choice, keys, cols)?;
        let kept: usize = self.solved.iter().map(|(_, v)| v.len()).sum();
        if kept + values.len() <= SOLVED_FIGURES {
            self.solved.push((o, values.clone()));
        }
        Ok(values)
    }

    /// The figures kept by their options, for [`super::ControlRanges::solved`].
    pub(super) fn into_solved(self) -> Vec<(Options, Vec<f64>)> {
        self.solved
    }

    /// [`Systems::values`] of a combination from its rows.
    fn solve(
        &mut self,
        options: &Options,
        choice: &[usize],
        keys: &[(usize, &str)],
        cols: &[Option<usize>],
    ) -> Result<Vec<f64>, AnalysisError> {
        let n = self.base.bodies.len();
        let mut ids = Vec::with_capacity(n);
        let mut missing: Vec<(usize, Option<u64>)> = Vec::new();
        for b in 0..n {
            let key = self.key(b, choice);
            match key.and_then(|k| self.cache[b].get(&k)) {
                Some(&e) => ids.push(e),
                None => {
                    ids.push(usize::MAX);
                    missing.push((b, key));
                }
            }
        }
        if !missing.is_empty() {
            let (ds, o) = self.realiser.realise(options, choice);
            let edges = shares::EdgeIndex::new(ds, o.at_will_threat);
            let mut lean = row::Rows::default();
            for (b, key) in missing {
                let body = &ds.bodies[b];
                let row = lean.row(&edges, &self.index, body, &o);
                let co_opted = !crate::model::validate::co_opted(body).is_empty();
                let e = self.entries.len();
                self.entries.push(Entry { row, co_opted });
                if let Some(k) = key {
                    self.cache[b].insert(k, e);
                }
                ids[b] = e;
            }
        }
        if let Some(v) = self.memo.get(&ids) {
            return Ok(v.clone());
        }
        if let Some(b) = (0..n).find(|&b| !self.absorbing[b] && self.entries[ids[b]].co_opted) {
            return Err(AnalysisError::SelfFilled(self.base.bodies[b].id.clone()));
        }
        let rows: Vec<&[(usize, f64)]> = ids
            .iter()
            .map(|&e| self.entries[e].row.as_slice())
            .collect();
        let solution = solve_rows(self.base, &rows, &self.absorbing)?;
        let values = crate::analysis::values_of(self.base, &rows, &solution, cols, keys);
        if keys.len() <= MEMO_FIGURES {
            self.memo.insert(ids, values.clone());
        }
        Ok(values)
    }
}

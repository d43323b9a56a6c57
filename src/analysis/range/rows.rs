//! The control system of each combination, from templates of the rows built once per body.
//!
//! A body's row of the control system (what each actor holds of it) is a fixed arithmetic of
//! the weights over a structure that depends only on the readings of its own channels and
//! steps, of the edges into it and between its actors, and on the threat option when an
//! at-will dissolution joins two of its actors ([`Relevance`]): which steps count, in which
//! position, with which veto strength, and who removes at will. That structure is a
//! [`Template`], built once per body and per choice of the readings it depends on (almost
//! always once), with the actors already numbered by position. A combination then evaluates
//! every template under its weights (arithmetic only: no look-up by id, no allocation per
//! body) into one flat system and solves it. The ranges find the combinations whose systems
//! are bit for bit the same before solving ([`Systems::fingerprint`], [`Systems::same_as`]) and
//! take every figure of every body at once, body by body ([`Systems::grid_into`]), into one
//! buffer; [`control_under`] likewise takes an earlier identical system's figures. The evaluation repeats, operation for operation, the
//! arithmetic of the analysis's rows (`analysis::row`, the same as
//! [`crate::analysis::analyze_control`]'s), and the system is solved by the same solver, so
//! every figure is bit-identical to solving the realised dataset afresh (a test compares the
//! rows on every shipped dataset). A body with blocs in the layer analysed has a voting-power
//! row: it is computed whole, as the analysis does, and kept for the weights it was computed
//! under.
//!
//! Complexity, for B bodies, S steps, E edges, K combinations and T templates (T = B unless
//! readings bear on a body's structure): the relevance O(dimensions + targets + E + S) with
//! one look-up of each actor's id; the templates O(T x row) plus one realisation and one edge
//! index O(E) per combination that needs a new one; per combination O(S) to evaluate the
//! rows (a template's row is copied instead while the weights have not changed since it was
//! last evaluated, [`Memo`], in a state whose rows fit 4 MB), O(S) to hash or compare them
//! with the earlier systems (kept in such a state, [`Kept`], else evaluated again), and the
//! solve, O(sweeps x (S + B) x P). Every template is built while the systems are hashed, one
//! after the other; the solves of a large state then run on two threads that only read them
//! ([`Systems::grid_each`]).
//! The solve starts afresh for every system, even when one weight moved: a warm start would
//! change the figures' last bits. The order it visits the bodies in (their strongly connected
//! components, O(S + B)) is kept for the last few patterns of rows and reused for a system
//! whose rows name exactly the same actors ([`control::Orders`], compared whole, O(S)): the
//! same order a fresh solve computes, so the same bits.

use std::collections::HashMap;

use super::realise::Realiser;
use super::{Dimension, Fold, Space};
use crate::analysis::shares::{EdgeIndex, Position, position_weight, step_position};
use crate::analysis::{
    AnalysisError, Options, absorbing, control, position_index, principals_in_force, row,
    solve_rows_with,
};
use crate::model::alt::Target;
use crate::model::{Body, BodyId, Channel, Dataset, EdgeKind, Layer, Weights};

/// Which dimensions of a space each channel's split can depend on, indexed once by the
/// positions of the bodies.
pub(super) struct Relevance<'a> {
    index: HashMap<&'a str, usize>,
    /// Readings of a channel or of one of its steps, by (body, channel) positions.
    channels: HashMap<(usize, usize), Vec<usize>>,
    /// Readings of an edge, by its target body (removal at will reads those).
    edges_to: Vec<Vec<usize>>,
    /// Readings of an edge, by (source, target) (a dissolution between two actors).
    edges_between: HashMap<(usize, usize), Vec<usize>>,
    /// For each body, the bodies it is joined to by an edge that is, or a reading may make,
    /// an at-will dissolution: only between those does the threat option change a split.
    dissolvable: Vec<Vec<usize>>,
    /// Every reading dimension: what a channel with an actor that is not a body depends on.
    readings: Vec<usize>,
    threat: Option<usize>,
    weights: Vec<usize>,
}

impl<'a> Relevance<'a> {
    /// `index`: [`position_index`] of `dataset`.
    pub(super) fn new(
        space: &Space,
        dataset: &'a Dataset,
        index: &HashMap<&'a str, usize>,
    ) -> Relevance<'a> {
        let index = index.clone();
        let n = dataset.bodies.len();
        let mut r = Relevance {
            channels: HashMap::new(),
            edges_to: vec![Vec::new(); n],
            edges_between: HashMap::new(),
            dissolvable: vec![Vec::new(); n],
            readings: Vec::new(),
            threat: None,
            weights: Vec::new(),
            index,
        };
        for (d, dim) in space.dimensions.iter().enumerate() {
            match dim {
                Dimension::Reading(i) => {
                    r.readings.push(d);
                    for t in &space.contested[*i].targets {
                        match t {
                            Target::Channel { body, channel }
                            | Target::Step { body, channel, .. } => {
                                if let Some(&b) = r.index.get(body.as_str()) {
                                    for (c, ch) in dataset.bodies[b].channels.iter().enumerate() {
                                        if ch.id == *channel {
                                            r.channels.entry((b, c)).or_default().push(d);
                                        }
                                    }
                                }
                            }
                            Target::Edge((from, _, to, _)) => {
                                let (Some(&f), Some(&t)) =
                                    (r.index.get(from.as_str()), r.index.get(to.as_str()))
                                else {
                                    // An edge of a body the dataset lacks fills no seat.
                                    continue;
                                };
                                r.edges_to[t].push(d);
                                r.edges_between.entry((f, t)).or_default().push(d);
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
            if (e.kind == EdgeKind::Dissolve || !e.alternatives.is_empty())
                && let (Some(&f), Some(&t)) =
                    (r.index.get(e.from.as_str()), r.index.get(e.to.as_str()))
            {
                r.dissolvable[f].push(t);
            }
        }
        r
    }

    /// The dimensions channel `ci` of body `bi` depends on, in dimension order: the readings
    /// of its own elements, of the edges into its body (removal at will) and of the edges
    /// between its actors in any reading (dissolution), the threat option where an at-will
    /// dissolution may join two of its actors, and every weight of the band.
    pub(super) fn channel(&self, bi: usize, ci: usize, c: &Channel) -> Vec<usize> {
        let mut names: Vec<&str> = c.steps.iter().map(|s| s.actor.as_str()).collect();
        for a in &c.alternatives {
            names.extend(a.change.steps.iter().flatten().map(|s| s.actor.as_str()));
        }
        for s in &c.steps {
            names.extend(
                s.alternatives
                    .iter()
                    .filter_map(|a| a.change.actor.as_deref()),
            );
        }
        let mut out: Vec<usize> = Vec::new();
        let actors: Option<Vec<usize>> = names.iter().map(|a| self.index.get(a).copied()).collect();
        match actors {
            Some(mut actors) => {
                actors.sort_unstable();
                actors.dedup();
                if let Some(v) = self.channels.get(&(bi, ci)) {
                    out.extend(v);
                }
                out.extend(&self.edges_to[bi]);
                let mut threat = false;
                for &from in &actors {
                    for &to in &self.dissolvable[from] {
                        threat |= actors.binary_search(&to).is_ok();
                    }
                    if self.edges_between.is_empty() {
                        continue;
                    }
                    for &to in &actors {
                        if let Some(v) = self.edges_between.get(&(from, to)) {
                            out.extend(v);
                        }
                    }
                }
                if threat {
                    out.extend(self.threat);
                }
            }
            // An actor that is not a body (the analysis ignores its seats): every reading and
            // the threat option, rather than a dependency missed.
            None => {
                out.extend(&self.readings);
                out.extend(self.threat);
            }
        }
        out.extend(&self.weights);
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// One step of a template: a channel's header, then its counted steps, then its removers.
/// 16 bytes: a template holds one per channel and step of its body.
#[derive(Clone, Copy)]
enum Op {
    Channel {
        seats: u32,
        parts: u32,
        removers: u32,
    },
    Part {
        slot: u32,
        position: Position,
        strength: f64,
    },
    Remover {
        slot: u32,
    },
}

/// A body's row as a function of the weights. 24 bytes: one per body, the rare voting-power
/// row boxed so that it does not size every lean one.
enum Template {
    /// Channels and steps: `ops` and `slots` index [`Systems::ops`] and [`Systems::slots`]
    /// (the body's distinct actors in id order, each with its position if it is a body).
    Lean {
        seats: u32,
        ops: (u32, u32),
        slots: (u32, u32),
        co_opted: bool,
    },
    /// A voting-power row (blocs).
    Fixed(Box<Fixed>),
}

/// A voting-power row, valid for `weights` only.
struct Fixed {
    row: Vec<(usize, f64)>,
    weights: Weights,
    co_opted: bool,
}

impl Template {
    fn co_opted(&self) -> bool {
        match self {
            Template::Lean { co_opted, .. } => *co_opted,
            Template::Fixed(f) => f.co_opted,
        }
    }
}

/// A slot of an actor that is not a body.
const NO_BODY: u32 = u32::MAX;

/// An index into the templates' shared vectors, which hold a few entries per step.
fn narrow(i: usize) -> u32 {
    u32::try_from(i).expect("fewer than 2^32 steps and bodies")
}

/// The control figures of combinations of a space, from templates built per body.
pub(super) struct Systems<'a> {
    base: &'a Dataset,
    realiser: Realiser<'a>,
    index: HashMap<&'a str, usize>,
    /// The principals in force, in dataset order.
    pub(super) principals: Vec<BodyId>,
    absorbing: Vec<bool>,
    /// Column of each principal in the solution, by id.
    cols: HashMap<&'a str, usize>,
    /// For each body, the reading dimensions (and the threat option) its row's structure
    /// depends on with their number of choices; `None` when the choices are too many to key.
    deps: Vec<Option<Vec<(usize, u64)>>>,
    /// Bodies whose row is a voting-power row in the layer analysed.
    blocs: Vec<bool>,
    /// For each body, (key, template) of the structures built so far.
    cache: Vec<Vec<(u64, usize)>>,
    /// For each body whose row's structure depends on no reading and that has no
    /// voting-power row, its one template once built: what [`Systems::find`] would find for
    /// every combination, without keying it.
    constant: Vec<Option<usize>>,
    templates: Vec<Template>,
    ops: Vec<Op>,
    slots: Vec<u32>,
    space: &'a Space,
    /// Buffers of the system last evaluated (hashed, then compared and solved from here), of
    /// one row of an earlier system evaluated again to compare it with, of the template of
    /// each body, and of one row's sums.
    starts: Vec<usize>,
    entries: Vec<(usize, f64)>,
    row: Vec<(usize, f64)>,
    ids: Vec<usize>,
    acc: Vec<f64>,
    ws: Vec<f64>,
    /// The column of each principal in the solution, in their order.
    principal_cols: Vec<Option<usize>>,
    /// The rows of the distinct systems of the plan while they fit [`KEEP`].
    kept: Kept,
    memo: Memo,
    /// The order of the bodies of the last systems' patterns ([`control::Orders`]): a
    /// weight moves the values of the rows, rarely which actors they name.
    orders: Solver,
}

/// What a solve keeps for the next: the order of the last patterns solved
/// ([`control::Orders`]), and the allocation of the rows' slices (16 bytes a body, 1.6 MB at
/// 100,000 bodies, first touched once rather than once per system).
#[derive(Default)]
struct Solver {
    orders: control::Orders,
    rows: Vec<(usize, usize)>,
}

impl Solver {
    fn keeping(keep: usize) -> Solver {
        Solver {
            orders: control::Orders::keeping(keep),
            rows: Vec::new(),
        }
    }
}

/// The entries of rows kept at most (16 bytes each), by [`Kept`] and by [`Memo`] each: every
/// distinct system of a small state, such as a real one's thousand combinations, so that each
/// system's rows are evaluated once; a large state's systems are each larger and are
/// evaluated again instead.
const KEEP: usize = 1 << 18;

/// Each template's row as last evaluated, under the weights of one generation: the
/// combinations of a plan come in runs under the same weights (the band's points change
/// last), in which most bodies keep their template, so their rows are copied rather than
/// evaluated again. Only while the rows fit [`KEEP`]: a large state's templates beyond it are
/// evaluated each time.
#[derive(Default)]
struct Memo {
    weights: Weights,
    /// Bumped when the weights change; a template's row is current when its stamp is this.
    generation: u32,
    stamp: Vec<u32>,
    /// (start in `rows`, length) of each template's row; `u32::MAX` if it has no room.
    at: Vec<(u32, u32)>,
    rows: Vec<(usize, f64)>,
}

/// Rows kept by the number of their job: `at[job]` gives the ranges of `starts` and
/// `entries`.
#[derive(Default)]
struct Kept {
    at: HashMap<usize, (usize, usize, usize, usize)>,
    starts: Vec<usize>,
    entries: Vec<(usize, f64)>,
}

/// One thread's buffers for [`Systems::grid_shared`].
#[derive(Default)]
struct Scratch {
    starts: Vec<usize>,
    entries: Vec<(usize, f64)>,
    ids: Vec<usize>,
    acc: Vec<f64>,
    ws: Vec<f64>,
    orders: Solver,
}

/// A system solved on one of two threads, waiting to be folded in order.
enum Solved {
    Done(Result<Vec<f64>, AnalysisError>),
    /// A template of it was not built: solved again with `&mut Systems`.
    Missing,
}

/// The patterns whose order [`Systems`] keeps: the band's weights at their ends and a weight
/// at 0 (which drops the parts it weighs from the rows), and a reading's.
const ORDERS: usize = 3;

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
        let in_force: std::collections::HashSet<&str> =
            principals.iter().map(String::as_str).collect();
        let absorbing = absorbing(dataset, &in_force);
        let cols: HashMap<&str, usize> = dataset
            .bodies
            .iter()
            .zip(&absorbing)
            .filter(|(_, a)| **a)
            .enumerate()
            .map(|(k, (b, _))| (b.id.as_str(), k))
            .collect();
        let structural = space
            .dimensions
            .iter()
            .any(|d| !matches!(d, Dimension::Weight { .. }));
        let relevance = structural.then(|| Relevance::new(space, dataset, &index));
        let deps = dataset
            .bodies
            .iter()
            .enumerate()
            .map(|(bi, b)| {
                let Some(relevance) = &relevance else {
                    return Some(Vec::new());
                };
                let mut dims: Vec<usize> = b
                    .channels
                    .iter()
                    .enumerate()
                    .flat_map(|(ci, c)| relevance.channel(bi, ci, c))
                    .filter(|&d| !matches!(space.dimensions[d], Dimension::Weight { .. }))
                    .collect();
                dims.sort_unstable();
                dims.dedup();
                let with_radix: Vec<(usize, u64)> = dims
                    .into_iter()
                    .map(|d| (d, space.radix(&space.dimensions[d])))
                    .collect();
                with_radix
                    .iter()
                    .try_fold(1u64, |a, (_, r)| a.checked_mul(*r))
                    .map(|_| with_radix)
            })
            .collect();
        let principal_cols = principals
            .iter()
            .map(|p| cols.get(p.as_str()).copied())
            .collect();
        let blocs = dataset
            .bodies
            .iter()
            .map(|b| {
                // The same test as `analysis::row`: such a row comes from the blocs' power.
                b.blocs
                    .iter()
                    .any(|k| k.layer == Layer::DeJure || options.layer == Layer::DeFacto)
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
            blocs,
            cache: (0..dataset.bodies.len()).map(|_| Vec::new()).collect(),
            constant: vec![None; dataset.bodies.len()],
            templates: Vec::with_capacity(dataset.bodies.len()),
            ops: Vec::new(),
            slots: Vec::new(),
            space,
            starts: Vec::new(),
            entries: Vec::new(),
            row: Vec::new(),
            ids: Vec::new(),
            acc: Vec::new(),
            ws: Vec::new(),
            principal_cols,
            kept: Kept::default(),
            memo: Memo {
                generation: 1,
                ..Memo::default()
            },
            orders: Solver::keeping(ORDERS),
        })
    }

    /// The key of body `b`'s structure under `choice`, whose threat option is `threat` (keyed
    /// by its value, not by the choice, so that any base options key alike).
    fn key(&self, b: usize, choice: &[usize], threat: bool) -> Option<u64> {
        let deps = self.deps[b].as_ref()?;
        Some(deps.iter().fold(0u64, |key, &(d, radix)| {
            let k = match self.space.dimensions[d] {
                Dimension::Threat => u64::from(threat),
                _ => choice[d] as u64,
            };
            key * radix + k
        }))
    }

    /// The column of the solution each key's principal has, if it is a principal: what
    /// [`control_under`] reads for `keys`.
    pub(super) fn columns(&self, keys: &[(usize, &str)]) -> Vec<Option<usize>> {
        // Keys name a few principals many times over: one look-up per run of a name.
        let mut last: Option<(&str, Option<usize>)> = None;
        keys.iter()
            .map(|(_, p)| match last {
                Some((q, c)) if q == *p => c,
                _ => {
                    let c = self.cols.get(p).copied();
                    last = Some((p, c));
                    c
                }
            })
            .collect()
    }

    /// The rows of combination `choice` into `starts` and `entries`; fails as its analysis
    /// fails on a co-opted body.
    fn rows_into(
        &mut self,
        options: &Options,
        choice: &[usize],
        starts: &mut Vec<usize>,
        entries: &mut Vec<(usize, f64)>,
    ) -> Result<(), AnalysisError> {
        let o = self.space.setting(options, choice, |_, _| ());
        let ids = self.templates(options, &o.weights, o.threat, choice)?;
        self.evaluate_into(&ids, &o.weights, starts, entries);
        self.ids = ids;
        Ok(())
    }

    /// Evaluates the system of combination `choice` and hashes it (`None` if its analysis
    /// fails): equal systems have equal hashes. The rows stay, for [`Systems::same_as`],
    /// [`Systems::keep`] and a solve. O(S) beside the templates.
    pub(super) fn fingerprint(&mut self, options: &Options, choice: &[usize]) -> Option<u64> {
        let (mut starts, mut entries) = (
            std::mem::take(&mut self.starts),
            std::mem::take(&mut self.entries),
        );
        let ok = self
            .rows_into(options, choice, &mut starts, &mut entries)
            .is_ok();
        let hash = ok.then(|| fingerprint(&starts, &entries));
        (self.starts, self.entries) = (starts, entries);
        hash
    }

    /// Whether the system last hashed ([`Systems::fingerprint`]) is bit for bit that of the
    /// earlier job `earlier`, the combination `choice` (then the same figures): compared with
    /// its kept rows, or with its rows evaluated again. O(S).
    pub(super) fn same_as(&mut self, options: &Options, earlier: usize, choice: &[usize]) -> bool {
        if let Some(&(s0, s1, e0, e1)) = self.kept.at.get(&earlier) {
            return self.starts == self.kept.starts[s0..s1]
                && same_bits(&self.entries, &self.kept.entries[e0..e1]);
        }
        // Body by body, so that no second system is held (tens of MB in a large state).
        let o = self.space.setting(options, choice, |_, _| ());
        let Ok(ids) = self.templates(options, &o.weights, o.threat, choice) else {
            return false;
        };
        let mut row = std::mem::take(&mut self.row);
        let mut same = ids.len() + 1 == self.starts.len();
        if same {
            self.weigh(&o.weights);
            for (b, &t) in ids.iter().enumerate() {
                row.clear();
                self.row_into(t, &o.weights, &mut row);
                if !same_bits(&row, &self.entries[self.starts[b]..self.starts[b + 1]]) {
                    same = false;
                    break;
                }
            }
        }
        self.row = row;
        self.ids = ids;
        same
    }

    /// Keeps the rows last hashed as job `job`'s, if they fit [`KEEP`].
    pub(super) fn keep(&mut self, job: usize) {
        let kept = &mut self.kept;
        if kept.entries.len() + self.entries.len() > KEEP {
            return;
        }
        let (s0, e0) = (kept.starts.len(), kept.entries.len());
        kept.starts.extend_from_slice(&self.starts);
        kept.entries.extend_from_slice(&self.entries);
        kept.at
            .insert(job, (s0, kept.starts.len(), e0, kept.entries.len()));
    }

    /// Integrated control of every body (dataset order) by every principal in force (their
    /// order), body by body, into `out`, in the combination `choice` (job `job`, from its
    /// kept rows if [`Systems::keep`] kept them): exactly what
    /// [`crate::analysis::control_values`] gives on the realised dataset for those keys (the
    /// same sums in the same order), without a key per figure.
    pub(super) fn grid_into(
        &mut self,
        options: &Options,
        job: usize,
        choice: &[usize],
        out: &mut Vec<f64>,
    ) -> Result<(), AnalysisError> {
        if let Some(&(s0, s1, e0, e1)) = self.kept.at.get(&job) {
            let kept = &self.kept;
            return grid(
                self.base,
                &self.absorbing,
                (&self.principals, &self.principal_cols),
                &mut self.orders,
                (&kept.starts[s0..s1], &kept.entries[e0..e1]),
                out,
            );
        }
        let (mut starts, mut entries) = (
            std::mem::take(&mut self.starts),
            std::mem::take(&mut self.entries),
        );
        let result = self
            .rows_into(options, choice, &mut starts, &mut entries)
            .and_then(|()| {
                grid(
                    self.base,
                    &self.absorbing,
                    (&self.principals, &self.principal_cols),
                    &mut self.orders,
                    (&starts, &entries),
                    out,
                )
            });
        (self.starts, self.entries) = (starts, entries);
        result
    }

    /// The figures of each of `work` (job, choice), as [`Systems::grid_into`] gives them,
    /// handed to `fold` (with the position in `work`) in the order of `work`. In a state of
    /// at least [`Space::threads_from`] bodies the systems are solved on this thread and a
    /// second one, each taking the next unsolved system (every template was built when the
    /// systems were hashed, so both only read them); `fold` still takes them in order, so
    /// that what it makes of them does not depend on which thread solved which. A system
    /// finished out of order waits for those before it: with two threads, one or two at a
    /// time. Without a second thread, or for a template not built yet, the rest run here.
    /// Stops at the first error `fold` returns.
    pub(super) fn grid_each(
        &mut self,
        options: &Options,
        work: &[(usize, &[usize])],
        fold: Fold<'_>,
    ) -> Result<(), AnalysisError> {
        let mut done = 0;
        let mut pending: Vec<Option<Solved>> = Vec::new();
        if work.len() >= 2 && self.base.bodies.len() >= self.space.threads_from {
            pending.resize_with(work.len(), || None);
            let mut scratch = Scratch {
                starts: std::mem::take(&mut self.starts),
                entries: std::mem::take(&mut self.entries),
                ids: std::mem::take(&mut self.ids),
                acc: std::mem::take(&mut self.acc),
                ws: std::mem::take(&mut self.ws),
                orders: std::mem::take(&mut self.orders),
            };
            let result =
                self.grid_shared_each(options, work, &mut scratch, &mut pending, &mut done, fold);
            (
                self.starts,
                self.entries,
                self.ids,
                self.acc,
                self.ws,
                self.orders,
            ) = (
                scratch.starts,
                scratch.entries,
                scratch.ids,
                scratch.acc,
                scratch.ws,
                scratch.orders,
            );
            result?;
        }
        // Sequentially: a small state, or what two threads left.
        let mut values = Vec::new();
        for (i, &(job, choice)) in work.iter().enumerate().skip(done) {
            match pending.get_mut(i).and_then(Option::take) {
                Some(Solved::Done(Ok(v))) => fold(i, Ok(&v))?,
                Some(Solved::Done(Err(e))) => fold(i, Err(e))?,
                _ => {
                    let r = self.grid_into(options, job, choice, &mut values);
                    fold(i, r.map(|()| values.as_slice()))?;
                }
            }
        }
        Ok(())
    }

    /// The two threads of [`Systems::grid_each`]; `done`: how many of `work` were folded.
    fn grid_shared_each(
        &self,
        options: &Options,
        work: &[(usize, &[usize])],
        scratch: &mut Scratch,
        pending: &mut [Option<Solved>],
        done: &mut usize,
        fold: Fold<'_>,
    ) -> Result<(), AnalysisError> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::mpsc;
        let n = work.len();
        let next = AtomicUsize::new(0);
        let solve = |i: usize, scratch: &mut Scratch, mut out: Vec<f64>| {
            let (job, choice) = work[i];
            match self.grid_shared(options, job, choice, scratch, &mut out) {
                Some(r) => Solved::Done(r.map(|()| out)),
                None => Solved::Missing,
            }
        };
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::channel::<(usize, Solved)>();
            // The buffers of figures folded, back to the second thread: no 3 MB vector
            // (100,000 bodies by four principals) allocated and first touched per system.
            let (back, spare) = mpsc::channel::<Vec<f64>>();
            let second = std::thread::Builder::new()
                .name("ranges-2".into())
                .stack_size(8 << 20)
                .spawn_scoped(scope, {
                    let next = &next;
                    let solve = &solve;
                    move || {
                        let mut scratch = Scratch {
                            orders: Solver::keeping(ORDERS),
                            ..Scratch::default()
                        };
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            if i >= n {
                                break;
                            }
                            let out = spare.try_recv().unwrap_or_default();
                            if tx.send((i, solve(i, &mut scratch, out))).is_err() {
                                break;
                            }
                        }
                    }
                });
            let mut spares: Vec<Vec<f64>> = Vec::new();
            let mut result = Ok(());
            while *done < n {
                while let Ok((i, s)) = rx.try_recv() {
                    pending[i] = Some(s);
                }
                if let Some(s) = pending[*done].take() {
                    let Solved::Done(r) = s else {
                        // Not built: the rest run on this thread alone, with `&mut self`.
                        pending[*done] = Some(Solved::Missing);
                        break;
                    };
                    let r = match r {
                        Ok(v) => {
                            let r = fold(*done, Ok(&v));
                            if second.is_ok() {
                                let _ = back.send(v);
                            } else {
                                spares.push(v);
                            }
                            r
                        }
                        Err(e) => fold(*done, Err(e)),
                    };
                    if r.is_err() {
                        result = r;
                        break;
                    }
                    *done += 1;
                    continue;
                }
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i < n {
                    pending[i] = Some(solve(i, scratch, spares.pop().unwrap_or_default()));
                    continue;
                }
                // Everything is taken: wait for the second thread's next.
                match rx.recv() {
                    Ok((i, s)) => pending[i] = Some(s),
                    // It is gone (it panicked: the scope passes the panic on).
                    Err(_) => break,
                }
            }
            // The second thread takes no more.
            next.store(n, Ordering::Relaxed);
            drop(rx);
            if let Ok(handle) = second {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            }
            result
        })
    }

    /// [`Systems::grid_into`] reading `self` only, its buffers in `scratch`: `None` if a
    /// template of the combination is not built yet.
    fn grid_shared(
        &self,
        options: &Options,
        job: usize,
        choice: &[usize],
        scratch: &mut Scratch,
        out: &mut Vec<f64>,
    ) -> Option<Result<(), AnalysisError>> {
        let columns = (&self.principals[..], &self.principal_cols[..]);
        if let Some(&(s0, s1, e0, e1)) = self.kept.at.get(&job) {
            let kept = (&self.kept.starts[s0..s1], &self.kept.entries[e0..e1]);
            return Some(grid(
                self.base,
                &self.absorbing,
                columns,
                &mut scratch.orders,
                kept,
                out,
            ));
        }
        let o = self.space.setting(options, choice, |_, _| ());
        let Scratch {
            starts,
            entries,
            ids,
            acc,
            ws,
            orders,
        } = scratch;
        ids.clear();
        for b in 0..self.base.bodies.len() {
            let t = match self.constant[b] {
                Some(t) => t,
                None => self.find(b, self.key(b, choice, o.threat), &o.weights)?,
            };
            ids.push(t);
        }
        if let Some(b) =
            (0..ids.len()).find(|&b| !self.absorbing[b] && self.templates[ids[b]].co_opted())
        {
            return Some(Err(AnalysisError::SelfFilled(
                self.base.bodies[b].id.clone(),
            )));
        }
        starts.clear();
        entries.clear();
        starts.reserve(ids.len() + 1);
        starts.push(0);
        for &t in ids.iter() {
            match &self.templates[t] {
                Template::Fixed(f) => entries.extend_from_slice(&f.row),
                Template::Lean {
                    seats, ops, slots, ..
                } => evaluate(
                    &self.ops[ops.0 as usize..ops.1 as usize],
                    &self.slots[slots.0 as usize..slots.1 as usize],
                    *seats,
                    &o.weights,
                    acc,
                    ws,
                    entries,
                ),
            }
            starts.push(entries.len());
        }
        Some(grid(
            self.base,
            &self.absorbing,
            columns,
            orders,
            (starts, entries),
            out,
        ))
    }

    /// The template of body `b` for the structure `key` under weights `w`, if built.
    fn find(&self, b: usize, key: Option<u64>, w: &Weights) -> Option<usize> {
        let key = key?;
        self.cache[b].iter().find_map(|&(k, t)| {
            let fits = match &self.templates[t] {
                Template::Lean { .. } => true,
                Template::Fixed(f) => f.weights == *w,
            };
            (k == key && fits).then_some(t)
        })
    }

    /// The template of every body in the combination `choice`, whose options are `o`, built
    /// where missing; fails as the analysis fails on a co-opted body.
    fn templates(
        &mut self,
        options: &Options,
        w: &Weights,
        threat: bool,
        choice: &[usize],
    ) -> Result<Vec<usize>, AnalysisError> {
        let n = self.base.bodies.len();
        let mut ids = std::mem::take(&mut self.ids);
        ids.clear();
        ids.reserve(n);
        let mut missing: Vec<(usize, Option<u64>)> = Vec::new();
        for b in 0..n {
            if let Some(t) = self.constant[b] {
                ids.push(t);
                continue;
            }
            let key = self.key(b, choice, threat);
            match self.find(b, key, w) {
                Some(t) => ids.push(t),
                None => {
                    ids.push(usize::MAX);
                    missing.push((b, key));
                }
            }
        }
        if !missing.is_empty() {
            let (ds, o) = self.realiser.realise(options, choice);
            let edges = EdgeIndex::new(ds, o.at_will_threat);
            if self.ops.is_empty() {
                // The first build (every body's template) sized once: grown by pushes, a
                // large state's templates held up to twice their size (100,000 bodies: 8 MB
                // more). A bound, almost always: each channel a header and at most one
                // remover beside the at-will edges, each step at most one part and one slot.
                let at_will = ds
                    .edges
                    .iter()
                    .filter(|e| e.kind == EdgeKind::DismissAtWill)
                    .count();
                let (channels, steps) = missing.iter().fold((0, 0), |(c, s), &(b, _)| {
                    let body = &ds.bodies[b];
                    let steps: usize = body.channels.iter().map(|c| c.steps.len()).sum();
                    (c + body.channels.len(), s + steps)
                });
                self.ops.reserve_exact(2 * channels + steps + at_will);
                self.slots.reserve_exact(channels + steps + at_will);
            }
            let mut whole = row::Rows::default();
            for (b, key) in missing {
                let body = &ds.bodies[b];
                let co_opted = !crate::model::validate::co_opted(body).is_empty();
                let t = if self.blocs[b] {
                    Template::Fixed(Box::new(Fixed {
                        row: whole.row(&edges, &self.index, body, &o),
                        weights: o.weights,
                        co_opted,
                    }))
                } else {
                    build(
                        &edges,
                        &self.index,
                        body,
                        co_opted,
                        &mut self.ops,
                        &mut self.slots,
                    )
                };
                let id = self.templates.len();
                self.templates.push(t);
                if let Some(k) = key {
                    // Keyed by nothing: the key is 0 in every combination, and the body is
                    // never looked up in the cache again.
                    if !self.blocs[b] && self.deps[b].as_ref().is_some_and(Vec::is_empty) {
                        self.constant[b] = Some(id);
                    } else {
                        // A voting-power row under other weights is kept beside (a few per
                        // band point): every system planned then finds its templates built,
                        // so that the solves can run on two threads reading them.
                        self.cache[b].push((k, id));
                    }
                }
                ids[b] = id;
            }
        }
        if let Some(b) = (0..n).find(|&b| !self.absorbing[b] && self.templates[ids[b]].co_opted()) {
            self.ids = ids;
            return Err(AnalysisError::SelfFilled(self.base.bodies[b].id.clone()));
        }
        Ok(ids)
    }

    /// Integrated control of the bodies at `keys` by the principals named there (whose
    /// columns are `cols`, [`Systems::columns`]) in the system last hashed
    /// ([`Systems::fingerprint`]): exactly as [`crate::analysis::control_values`] gives it on
    /// the realised dataset.
    fn solve_last(
        &mut self,
        keys: &[(usize, &str)],
        cols: &[Option<usize>],
    ) -> Result<Vec<f64>, AnalysisError> {
        let rows: Vec<&[(usize, f64)]> = self
            .starts
            .windows(2)
            .map(|w| &self.entries[w[0]..w[1]])
            .collect();
        let solution = solve_rows_with(self.base, &rows, &self.absorbing, &mut self.orders.orders)?;
        let values = crate::analysis::values_of(self.base, &rows, &solution, cols, keys);
        Ok(values)
    }

    /// Every body's row under `w`, from its template, into `starts` and `entries`.
    fn evaluate_into(
        &mut self,
        ids: &[usize],
        w: &Weights,
        starts: &mut Vec<usize>,
        entries: &mut Vec<(usize, f64)>,
    ) {
        starts.clear();
        entries.clear();
        starts.reserve(ids.len() + 1);
        starts.push(0);
        self.weigh(w);
        for &t in ids {
            self.row_into(t, w, entries);
            starts.push(entries.len());
        }
    }

    /// Starts the rows evaluated under `w`: the memo's rows of other weights are stale.
    fn weigh(&mut self, w: &Weights) {
        let memo = &mut self.memo;
        if !same_weights(&memo.weights, w) {
            memo.weights = *w;
            memo.generation += 1;
        }
        memo.stamp.resize(self.templates.len(), 0);
        memo.at.resize(self.templates.len(), (u32::MAX, 0));
    }

    /// Template `t`'s row under `w` (the weights of the last [`Systems::weigh`]), appended to
    /// `entries`.
    #[inline]
    fn row_into(&mut self, t: usize, w: &Weights, entries: &mut Vec<(usize, f64)>) {
        let (acc, ws, memo) = (&mut self.acc, &mut self.ws, &mut self.memo);
        match &self.templates[t] {
            Template::Fixed(f) => entries.extend_from_slice(&f.row),
            Template::Lean { .. } if memo.stamp[t] == memo.generation => {
                let (a, len) = memo.at[t];
                let a = a as usize;
                entries.extend_from_slice(&memo.rows[a..a + len as usize]);
            }
            Template::Lean {
                seats, ops, slots, ..
            } => {
                let first = entries.len();
                let (ops, slots) = (
                    ops.0 as usize..ops.1 as usize,
                    slots.0 as usize..slots.1 as usize,
                );
                let most = slots.len();
                evaluate(
                    &self.ops[ops],
                    &self.slots[slots],
                    *seats,
                    w,
                    acc,
                    ws,
                    entries,
                );
                // A row never has more entries than its template has actors.
                if memo.at[t].0 == u32::MAX && memo.rows.len() + most <= KEEP {
                    memo.at[t].0 = memo.rows.len() as u32;
                    memo.rows.resize(memo.rows.len() + most, (0, 0.0));
                }
                if memo.at[t].0 != u32::MAX {
                    let row = &entries[first..];
                    let a = memo.at[t].0 as usize;
                    memo.rows[a..a + row.len()].copy_from_slice(row);
                    memo.at[t].1 = row.len() as u32;
                    memo.stamp[t] = memo.generation;
                }
            }
        }
    }
}

/// A channel's seats, its counted steps (actor, position, strength) and its removers.
type ChannelParts<'b> = (u32, Vec<(&'b str, Position, f64)>, Vec<&'b str>);

/// The template of `body`: its channels' counted steps with their positions and strengths, its
/// removers at will, and its distinct actors in id order with their positions.
fn build(
    edges: &EdgeIndex<'_>,
    index: &HashMap<&str, usize>,
    body: &Body,
    co_opted: bool,
    ops: &mut Vec<Op>,
    slots: &mut Vec<u32>,
) -> Template {
    // (actor, position, strength) of each counted step and the removers, channel by channel.
    let mut channels: Vec<ChannelParts<'_>> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    for channel in &body.channels {
        let nominated = channel
            .steps
            .iter()
            .any(|s| s.role == crate::model::StepRole::Nominate);
        let proposer = channel.proposer().map_or("", |s| s.actor.as_str());
        let mut parts = Vec::new();
        for step in &channel.steps {
            let strength = step.veto_strength();
            if let Some((position, _)) =
                step_position(edges, body, channel, step, nominated, proposer)
            {
                parts.push((step.actor.as_str(), position, strength));
                names.push(step.actor.as_str());
            }
        }
        let removers = edges.removers(body, channel);
        names.extend(&removers);
        channels.push((channel.seats, parts, removers));
    }
    names.sort_unstable();
    names.dedup();
    let slot = |a: &str| names.binary_search(&a).map_or(0, |i| i as u32);
    let start = ops.len();
    for (seats, parts, removers) in &channels {
        ops.push(Op::Channel {
            seats: *seats,
            parts: parts.len() as u32,
            removers: removers.len() as u32,
        });
        for &(a, position, strength) in parts {
            ops.push(Op::Part {
                slot: slot(a),
                position,
                strength,
            });
        }
        for &r in removers {
            ops.push(Op::Remover { slot: slot(r) });
        }
    }
    let first = slots.len();
    slots.extend(
        names
            .iter()
            .map(|a| index.get(a).map_or(NO_BODY, |&j| narrow(j))),
    );
    Template::Lean {
        seats: body.seats,
        ops: (narrow(start), narrow(ops.len())),
        slots: (narrow(first), narrow(slots.len())),
        co_opted,
    }
}

/// Appends a lean body's row under `w` to `out`: the arithmetic of `analysis::row`, operation
/// for operation (each actor's seats summed over the channels and steps in the data's order,
/// only positive parts, the row in actor id order), so that every figure is the same to the
/// last bit.
fn evaluate(
    ops: &[Op],
    slots: &[u32],
    body_seats: u32,
    w: &Weights,
    acc: &mut Vec<f64>,
    ws: &mut Vec<f64>,
    out: &mut Vec<(usize, f64)>,
) {
    acc.clear();
    acc.resize(slots.len(), 0.0);
    let mut i = 0;
    while i < ops.len() {
        let Op::Channel {
            seats,
            parts,
            removers,
        } = ops[i]
        else {
            unreachable!("a template starts each channel with its header");
        };
        let seats = f64::from(seats);
        let (parts, removers) = (parts as usize, removers as usize);
        let steps = &ops[i + 1..i + 1 + parts];
        let removing = &ops[i + 1 + parts..i + 1 + parts + removers];
        i += 1 + parts + removers;
        ws.clear();
        ws.extend(steps.iter().map(|op| match *op {
            Op::Part {
                position, strength, ..
            } => position_weight(w, position, strength),
            _ => 0.0,
        }));
        let removal = if removers == 0 {
            0.0
        } else {
            w.at_will_removal.clamp(0.0, 1.0)
        };
        let total: f64 = ws.iter().sum();
        for (op, &wk) in steps.iter().zip(ws.iter()) {
            let s = if total > 0.0 {
                seats * (1.0 - removal) * wk / total
            } else {
                0.0
            };
            if let (Op::Part { slot, .. }, true) = (op, s > 0.0) {
                // The first part is `0.0 + s`, which is `s` for a positive part.
                acc[*slot as usize] += s;
            }
        }
        if removal > 0.0 {
            let each = seats * removal / removers as f64;
            for op in removing {
                if let (Op::Remover { slot }, true) = (op, each > 0.0) {
                    acc[*slot as usize] += each;
                }
            }
        }
    }
    // An actor holds a seat exactly when some positive part was added to it.
    let body_seats = f64::from(body_seats);
    for (s, &j) in acc.iter().zip(slots) {
        if *s > 0.0 && j != NO_BODY {
            out.push((j as usize, s / body_seats));
        }
    }
}

/// A hash of a flat system, to find an earlier identical one quickly (then compared whole).
fn fingerprint(starts: &[usize], entries: &[(usize, f64)]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |h: u64, x: u64| (h.rotate_left(5) ^ x).wrapping_mul(K);
    // Four lanes, mixed apart and joined at the end: each multiply waits only on its own
    // lane's last one.
    let mut h = [starts.iter().fold(0u64, |h, &s| mix(h, s as u64)), 1, 2, 3];
    let pairs = entries.chunks_exact(2);
    let rest = pairs.remainder();
    for p in pairs {
        h[0] = mix(h[0], p[0].0 as u64);
        h[1] = mix(h[1], p[0].1.to_bits());
        h[2] = mix(h[2], p[1].0 as u64);
        h[3] = mix(h[3], p[1].1.to_bits());
    }
    for &(j, q) in rest {
        h[0] = mix(h[0], j as u64);
        h[1] = mix(h[1], q.to_bits());
    }
    h.into_iter().fold(entries.len() as u64, mix)
}

/// Integrated control of every body by every principal (whose columns are `cols`), body by
/// body, into `out`, solving the system `(starts, entries)`: `values_of` key by key, without
/// the keys.
fn grid(
    base: &Dataset,
    absorbing: &[bool],
    (principals, cols): (&[BodyId], &[Option<usize>]),
    solver: &mut Solver,
    (starts, entries): (&[usize], &[(usize, f64)]),
    out: &mut Vec<f64>,
) -> Result<(), AnalysisError> {
    // The kept allocation, empty, taken as slices of this system's rows (the same size and
    // alignment, so the collect reuses it) and given back below.
    let mut rows: Vec<&[(usize, f64)]> = std::mem::take(&mut solver.rows)
        .into_iter()
        .map(|_| -> &[(usize, f64)] { unreachable!("the kept rows are empty") })
        .collect();
    rows.extend(starts.windows(2).map(|w| &entries[w[0]..w[1]]));
    let solution = solve_rows_with(base, &rows, absorbing, &mut solver.orders)?;
    out.clear();
    out.reserve(rows.len() * cols.len());
    for (b, row) in rows.iter().enumerate() {
        for (p, &col) in principals.iter().zip(cols) {
            if row.is_empty() {
                // A root answers only to itself.
                out.push(if base.bodies[b].id == *p { 1.0 } else { 0.0 });
                continue;
            }
            let Some(k) = col else {
                out.push(0.0);
                continue;
            };
            let mut v = 0.0;
            for &(j, q) in *row {
                let part = q * solution.at(j, k);
                if part > 0.0 {
                    v += part;
                }
            }
            out.push(v);
        }
    }
    rows.clear();
    solver.rows = rows
        .into_iter()
        .map(|_| -> (usize, usize) { unreachable!("cleared") })
        .collect();
    Ok(())
}

/// The same weights to the bit (so the same rows, where `==` would take -0 for 0).
fn same_weights(a: &Weights, b: &Weights) -> bool {
    // Destructured, so that a weight added to the model is not left out here.
    let bits = |&Weights {
                    recommend,
                    propose,
                    consent,
                    consent_under_threat,
                    at_will_removal,
                }: &Weights| {
        [
            recommend,
            propose,
            consent,
            consent_under_threat,
            at_will_removal,
        ]
        .map(f64::to_bits)
    };
    bits(a) == bits(b)
}

fn same_bits(a: &[(usize, f64)], b: &[(usize, f64)]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.0 == y.0 && x.1.to_bits() == y.1.to_bits())
}

/// Integrated control of the bodies at `keys` by the principals named there under each of
/// `each` (options that differ from `base` in their weights only), every element as coded:
/// the structure of the rows is built once and each options' figures cost the evaluation and
/// a solve. `None` for options whose analysis fails.
pub(crate) fn control_under(
    dataset: &Dataset,
    base: &Options,
    each: &[Options],
    keys: &[(usize, &str)],
) -> Vec<Option<Vec<f64>>> {
    let space = Space {
        contested: Vec::new(),
        dimensions: Vec::new(),
        band: super::Band::none(),
        max_exact: super::MAX_EXACT,
        threads_from: super::THREADS_FROM,
    };
    let Ok(systems) = Systems::new(&space, dataset, base) else {
        return vec![None; each.len()];
    };
    let cols = systems.columns(keys);
    let mut systems = systems;
    // Options whose systems are bit for bit an earlier one's take its figures: found by hash
    // and compared whole before solving, so that no system is kept.
    let mut out: Vec<Option<Vec<f64>>> = Vec::with_capacity(each.len());
    let mut prints: Vec<Option<u64>> = Vec::with_capacity(each.len());
    for (i, o) in each.iter().enumerate() {
        // No dimension: the combination is the empty choice and `o` its options.
        let print = systems.fingerprint(o, &[]);
        let earlier = print.and_then(|h| {
            (0..i).find(|&j| {
                prints[j] == Some(h) && out[j].is_some() && systems.same_as(&each[j], j, &[])
            })
        });
        let values = match (earlier, print) {
            (Some(j), _) => out[j].clone(),
            (None, Some(_)) => {
                let values = systems.solve_last(keys, &cols).ok();
                if values.is_some() {
                    systems.keep(i);
                }
                values
            }
            // Its analysis fails.
            (None, None) => None,
        };
        prints.push(print);
        out.push(values);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ShareModel;

    /// Every template, evaluated, gives the analysis's row to the last bit, on every shipped
    /// dataset and under moved options.
    #[test]
    fn templates_give_the_analysis_rows_bit_for_bit() {
        let sets: Vec<Dataset> = crate::data::EMBEDDED
            .iter()
            .map(|e| crate::data::resolve(e.id).unwrap())
            .collect();
        for ds in &sets {
            let index = position_index(ds);
            for (k, layer) in [Layer::DeJure, Layer::DeFacto].into_iter().enumerate() {
                for threat in [false, true] {
                    let mut o = Options::of(ds);
                    o.layer = layer;
                    o.at_will_threat = threat;
                    o.share_model = if k == 0 {
                        ShareModel::Seats
                    } else {
                        ShareModel::Banzhaf
                    };
                    let edges = EdgeIndex::new(ds, threat);
                    let (mut ops, mut slots) = (Vec::new(), Vec::new());
                    let templates: Vec<Template> = ds
                        .bodies
                        .iter()
                        .map(|b| build(&edges, &index, b, false, &mut ops, &mut slots))
                        .collect();
                    for consent in [0.0, 0.25, 0.5 * 4f64.powf(0.25 * (k + 1) as f64), 2.0] {
                        o.weights.consent = consent;
                        o.weights.consent_under_threat = 0.3 * consent;
                        o.weights.at_will_removal = if consent > 1.0 { 0.0 } else { 0.25 };
                        o.weights.recommend = 0.125;
                        let mut lean = row::Rows::default();
                        for (b, t) in ds.bodies.iter().zip(&templates) {
                            let with_blocs = b
                                .blocs
                                .iter()
                                .any(|x| x.layer == Layer::DeJure || o.layer == Layer::DeFacto);
                            if with_blocs {
                                continue;
                            }
                            let want = lean.row(&edges, &index, b, &o);
                            let Template::Lean {
                                seats,
                                ops: r,
                                slots: s,
                                ..
                            } = t
                            else {
                                unreachable!()
                            };
                            let mut got = Vec::new();
                            evaluate(
                                &ops[r.0 as usize..r.1 as usize],
                                &slots[s.0 as usize..s.1 as usize],
                                *seats,
                                &o.weights,
                                &mut Vec::new(),
                                &mut Vec::new(),
                                &mut got,
                            );
                            assert!(
                                same_bits(&want, &got),
                                "{}: {} {want:?} vs {got:?}",
                                ds.meta.id,
                                b.id
                            );
                        }
                    }
                }
            }
        }
    }
}

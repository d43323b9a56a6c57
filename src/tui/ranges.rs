//! The ranges off the frame path: integrated control over every combination of contested
//! readings, the threat option and the band (1,281 analyses on kz-2022, tens of milliseconds)
//! is computed by a worker thread, never while a key waits for its frame.
//!
//! ```text
//!  Ctx (a state changed) ──Job──> event loop ──> Worker thread: Job::run
//!                                                     │
//!  update(Action::Ranges(Done)) <── event loop <──────┘  (stale tickets are dropped)
//! ```
//!
//! The Compare view's columns have ranges of their own (the head of state's mean control over
//! each column's contested codings, seconds on the eleven embedded datasets): the same worker
//! computes them ([`Work::Compare`]).
//!
//! Until a state's ranges arrive the views show its figures without a range and say that the
//! range is being computed; ranges of an earlier state are never shown for a later one. In
//! tests (and wherever nobody runs a worker) [`Mode::Now`] computes them inside `update`, so
//! that it stays deterministic.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::analysis::range::{self, Band, ControlRanges};
use crate::analysis::{Analysis, Headline, Options, headline};
use crate::comparative::{Comparison, Entry};
use crate::model::Dataset;
use crate::reform::Scenario;
// The one view whose derived data is a job: its listing type lives with the view.
use super::views::sources::Listing;

/// Ranges as computed: the figures, or why there are none.
pub type Computed = Arc<Result<ControlRanges, String>>;

/// When the ranges of a new state are computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Inside `update`, before it returns: deterministic, for tests and one-shot renders.
    #[default]
    Now,
    /// By a worker: `update` leaves a [`Job`] for the event loop to hand over.
    Deferred,
}

/// Whose ranges: the state on screen, the baseline the Reforms view compares it with, or the
/// Compare view's columns; or the state's headline (its consent sensitivity re-solves
/// control up to five times: seconds at 100,000 bodies).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    State,
    Baseline,
    Compare,
    Headline,
    /// The Sources view's listing (every citation of the state, and the bibliography's
    /// tally: a second at 100,000 bodies).
    Sources,
    /// A reform switched on or off: the reformed state and its analysis (tens of seconds at
    /// 100,000 bodies), while the state before it stays on screen.
    Reform,
    /// The Reforms view's comparison of the state on screen with the baseline.
    Delta,
    /// The Compare view's columns: the embedded datasets loaded and analysed, and the state
    /// on screen measured.
    Comparison,
}

/// A state's headline as computed (`None` when the state has none).
pub type HeadlineOf = Arc<Option<Headline>>;

/// The `(lo, hi)` of a Compare column's control rows: the head of state's integrated control,
/// then each independent role class's.
pub type ColumnRanges = Vec<(f64, f64)>;

/// Each Compare column's ranges, `None` where they could not be computed exactly.
pub type CompareRanges = Arc<Vec<Option<ColumnRanges>>>;

/// Ranges to compute, with everything they depend on (a copy: the state on screen may change
/// while the worker runs).
#[derive(Debug, Clone)]
pub struct Job {
    pub ticket: u64,
    pub target: Target,
    pub work: Work,
}

#[derive(Debug, Clone)]
pub enum Work {
    /// A state's ranges ([`Target::State`], [`Target::Baseline`]).
    State {
        dataset: Arc<Dataset>,
        options: Options,
        band: Band,
    },
    /// The baseline's ranges ([`Target::Baseline`]) in the layer `options` name, under
    /// `principals` when the user chose them, else the baseline's own.
    Baseline {
        scenario: Arc<Scenario>,
        options: Options,
        principals: Option<Vec<crate::model::BodyId>>,
        band: Band,
    },
    /// The Compare view's columns ([`Target::Compare`]).
    Compare {
        comparison: Arc<Comparison>,
        band: Band,
    },
    /// The state's headline ([`Target::Headline`]), reading the consent steps the ranges
    /// solved when they are given.
    Headline {
        dataset: Arc<Dataset>,
        options: Options,
        analysis: Arc<Analysis>,
        ranges: Option<Computed>,
    },
    /// The Sources view's listing ([`Target::Sources`]), bodies in display order.
    Sources {
        dataset: Arc<Dataset>,
        order: Vec<usize>,
    },
    /// A reform switch ([`Target::Reform`]): the scenario's baseline with `active` applied,
    /// analysed under `options`.
    Reform {
        scenario: Arc<Scenario>,
        active: Vec<String>,
        options: Options,
        custom_principals: bool,
    },
    /// The Reforms view's delta ([`Target::Delta`]).
    Delta(Box<super::views::reforms::DeltaWork>),
    /// The Compare view's comparison ([`Target::Comparison`]).
    Comparison(super::views::compare::ComparisonWork),
}

impl Job {
    pub fn run(self) -> Done {
        let answer = match self.work {
            Work::State {
                dataset,
                options,
                band,
            } => Answer::State(Arc::new(compute(&dataset, &options, &band))),
            Work::Baseline {
                scenario,
                mut options,
                principals,
                band,
            } => {
                let base = scenario.baseline_in(options.layer);
                options.principals = principals.unwrap_or_else(|| base.principals());
                Answer::State(Arc::new(compute(&base, &options, &band)))
            }
            Work::Compare { comparison, band } => {
                Answer::Compare(Arc::new(compare(&comparison, &band)))
            }
            Work::Headline {
                dataset,
                options,
                analysis,
                ranges,
            } => {
                let ranges = ranges.as_deref().and_then(|r| r.as_ref().ok());
                Answer::Headline(Arc::new(headline::headline_with(
                    &dataset, &options, &analysis, ranges,
                )))
            }
            Work::Sources { dataset, order } => {
                Answer::Sources(Arc::new(Listing::of_parts(&dataset, &order)))
            }
            Work::Reform {
                scenario,
                active,
                options,
                custom_principals,
            } => Answer::Reform(Arc::new(super::ctx::switched(
                &scenario,
                active,
                options,
                custom_principals,
            ))),
            Work::Delta(work) => Answer::Delta(Arc::new(work.run())),
            Work::Comparison(work) => Answer::Comparison(Arc::new(work.run())),
        };
        Done {
            ticket: self.ticket,
            target: self.target,
            answer,
        }
    }
}

/// Computed ranges, for the ticket of the job that asked for them.
#[derive(Debug, Clone)]
pub struct Done {
    pub ticket: u64,
    pub target: Target,
    pub answer: Answer,
}

#[derive(Debug, Clone)]
pub enum Answer {
    State(Computed),
    Compare(CompareRanges),
    Headline(HeadlineOf),
    Sources(Arc<Listing>),
    /// The reformed state, or why it cannot be put on screen. In an `Arc` (taken back out
    /// by the one `Ctx` that asked) so that an answer is cheap to move and clone.
    Reform(Arc<Result<super::ctx::Switched, String>>),
    Delta(Arc<super::views::reforms::DeltaDone>),
    Comparison(Arc<Result<Arc<Comparison>, String>>),
}

/// Two reports are the same report when they answer the same job (the figures are then equal).
impl PartialEq for Done {
    fn eq(&self, other: &Self) -> bool {
        self.ticket == other.ticket && self.target == other.target
    }
}

impl Eq for Done {}

pub fn compute(dataset: &Dataset, options: &Options, band: &Band) -> Result<ControlRanges, String> {
    range::control_ranges(dataset, options, &range::Space::of(dataset, band))
        .map_err(|e| e.to_string())
}

/// Each Compare column's ranges over the band `band`.
pub fn compare(comparison: &Comparison, band: &Band) -> Vec<Option<ColumnRanges>> {
    comparison.entries.iter().map(|e| column(e, band)).collect()
}

/// The ranges of the head of state's integrated control (the mean over the independent role
/// classes) and of each class's mean, over the entry's contested codings, the threat option
/// and the band: exact by enumeration (these are means, so the ranges of the bodies would not
/// give them).
fn column(e: &Entry, band: &Band) -> Option<ColumnRanges> {
    let head = e.indicators.head_of_state.clone();
    let classes: Vec<Vec<String>> = e
        .indicators
        .classes
        .iter()
        .map(|c| c.bodies.clone())
        .collect();
    let space = range::Space::of(&e.dataset, band);
    if !space.is_exact() {
        return None;
    }
    let options = e.analysis.options.clone();
    let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len().max(1) as f64;
    let lean = crate::analysis::analyze_control;
    let r = range::enumerate_with(&e.dataset, &options, &space, lean, |_, a| {
        let per_class: Vec<f64> = classes
            .iter()
            .map(|bodies| {
                let v: Vec<f64> = bodies
                    .iter()
                    .map(|b| a.body(b).map_or(0.0, |x| x.control_of(&head)))
                    .collect();
                mean(&v)
            })
            .collect();
        std::iter::once(mean(&per_class)).chain(per_class).collect()
    })
    .ok()?;
    Some(r.lo.into_iter().zip(r.hi).collect())
}

/// Three background threads, each computing the latest job of each of its targets: one for the
/// ranges, one for the figures a view opens on (the headline, the Sources listing, the
/// Reforms view's delta, the Compare view's columns: so that opening a view never waits
/// behind a state's ranges, the longer job), one for a reform switch. A job overtaken by a newer one of its target before it started
/// is skipped, as its answer would be dropped anyway.
pub struct Worker {
    ranges: Sender<Job>,
    headline: Sender<Job>,
    /// A reform switch has a thread of its own: the user waits for it, and it should not
    /// queue behind the ranges or a headline.
    state: Sender<Job>,
    done: Receiver<Done>,
}

impl Worker {
    pub fn spawn() -> std::io::Result<Worker> {
        let (outbox, done) = mpsc::channel();
        Ok(Worker {
            ranges: serve("bilik-ranges", outbox.clone())?,
            headline: serve("bilik-headline", outbox.clone())?,
            state: serve("bilik-state", outbox)?,
            done,
        })
    }

    pub fn send(&self, job: Job) {
        // A thread only ends when its sender is dropped (or it panicked: then the state keeps
        // saying that its figures are being computed).
        let to = match job.target {
            Target::Headline | Target::Sources | Target::Delta | Target::Comparison => {
                &self.headline
            }
            Target::Reform => &self.state,
            Target::State | Target::Baseline | Target::Compare => &self.ranges,
        };
        let _ = to.send(job);
    }

    /// A finished job, if one is waiting.
    pub fn try_recv(&self) -> Option<Done> {
        // Empty, or the threads ended (they panicked): nothing to hand over.
        self.done.try_recv().ok()
    }

    /// A finished job, waiting for one at most `wait`.
    pub fn recv_timeout(&self, wait: std::time::Duration) -> Option<Done> {
        match self.done.recv_timeout(wait) {
            Ok(done) => Some(done),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            // The threads ended (they panicked): still wait, so that the loop does not spin.
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                std::thread::sleep(wait);
                None
            }
        }
    }
}

/// A thread that runs the jobs sent to it, the latest of each target, and sends their answers
/// to `outbox`.
fn serve(name: &str, outbox: Sender<Done>) -> std::io::Result<Sender<Job>> {
    let (jobs, inbox) = mpsc::channel::<Job>();
    // Not joined: a job in hand when the explorer quits ends with the process.
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            while let Ok(first) = inbox.recv() {
                let mut latest = vec![first];
                while let Ok(next) = inbox.try_recv() {
                    latest.retain(|j: &Job| j.target != next.target);
                    latest.push(next);
                }
                for job in latest {
                    if outbox.send(job.run()).is_err() {
                        return;
                    }
                }
            }
        })?;
    Ok(jobs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_answers_the_latest_job_of_each_target() {
        let ds = crate::data::resolve("kz-2022").unwrap();
        let options = Options::of(&ds);
        let worker = Worker::spawn().unwrap();
        for ticket in 1..=3 {
            worker.send(Job {
                ticket,
                target: Target::State,
                work: Work::State {
                    dataset: Arc::new(ds.clone()),
                    options: options.clone(),
                    band: Band::default(),
                },
            });
        }
        let mut last = None;
        while last.as_ref().is_none_or(|d: &Done| d.ticket != 3) {
            last = Some(worker.done.recv().unwrap());
        }
        let last = last.unwrap();
        let expected = compute(&ds, &options, &Band::default());
        let Answer::State(ranges) = last.answer else {
            panic!("a state's job answers with a state's ranges");
        };
        assert_eq!(*ranges, expected);
        assert!(expected.unwrap().exact);
    }
}

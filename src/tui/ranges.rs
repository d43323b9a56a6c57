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

use crate::analysis::Options;
use crate::analysis::range::{self, Band, ControlRanges};
use crate::comparative::{Comparison, Entry};
use crate::model::Dataset;

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
/// Compare view's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    State,
    Baseline,
    Compare,
}

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
    /// The Compare view's columns ([`Target::Compare`]).
    Compare {
        comparison: Arc<Comparison>,
        band: Band,
    },
}

impl Job {
    pub fn run(self) -> Done {
        let answer = match self.work {
            Work::State {
                dataset,
                options,
                band,
            } => Answer::State(Arc::new(compute(&dataset, &options, &band))),
            Work::Compare { comparison, band } => {
                Answer::Compare(Arc::new(compare(&comparison, &band)))
            }
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

/// One background thread that computes the latest job of each target; a job overtaken by a
/// newer one before it started is skipped, as its answer would be dropped anyway.
pub struct Worker {
    jobs: Sender<Job>,
    done: Receiver<Done>,
}

impl Worker {
    pub fn spawn() -> std::io::Result<Worker> {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, done) = mpsc::channel();
        // Not joined: a job in hand when the explorer quits ends with the process.
        std::thread::Builder::new()
            .name("bilik-ranges".into())
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
        Ok(Worker { jobs, done })
    }

    pub fn send(&self, job: Job) {
        // The thread only ends when this sender is dropped (or it panicked: then the state
        // keeps saying that its ranges are being computed).
        let _ = self.jobs.send(job);
    }

    /// A finished job, if one is waiting.
    pub fn try_recv(&self) -> Option<Done> {
        // Empty, or the thread ended (it panicked): nothing to hand over.
        self.done.try_recv().ok()
    }
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

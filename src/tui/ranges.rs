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
//! Until a state's ranges arrive the views show its figures without a range and say that the
//! range is being computed; ranges of an earlier state are never shown for a later one. In
//! tests (and wherever nobody runs a worker) [`Mode::Now`] computes them inside `update`, so
//! that it stays deterministic.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::analysis::Options;
use crate::analysis::range::{self, Band, ControlRanges};
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

/// Whose ranges: the state on screen, or the baseline the Reforms view compares it with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    State,
    Baseline,
}

/// Ranges to compute, with everything they depend on (a copy: the state on screen may change
/// while the worker runs).
#[derive(Debug, Clone)]
pub struct Job {
    pub ticket: u64,
    pub target: Target,
    pub dataset: Dataset,
    pub options: Options,
    pub band: Band,
}

impl Job {
    pub fn run(self) -> Done {
        Done {
            ticket: self.ticket,
            target: self.target,
            ranges: Arc::new(compute(&self.dataset, &self.options, &self.band)),
        }
    }
}

/// Computed ranges, for the ticket of the job that asked for them.
#[derive(Debug, Clone)]
pub struct Done {
    pub ticket: u64,
    pub target: Target,
    pub ranges: Computed,
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
                dataset: ds.clone(),
                options: options.clone(),
                band: Band::default(),
            });
        }
        let mut last = None;
        while last.as_ref().is_none_or(|d: &Done| d.ticket != 3) {
            last = Some(worker.done.recv().unwrap());
        }
        let last = last.unwrap();
        let expected = compute(&ds, &options, &Band::default());
        assert_eq!(*last.ranges, expected);
        assert!(expected.unwrap().exact);
    }
}

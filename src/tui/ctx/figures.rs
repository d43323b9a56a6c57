//! The figures of the state on screen a view opens on, asked of the worker per revision: the
//! Weights view's headline and the Sources view's listing.

use std::sync::Arc;

use super::Ctx;
use crate::analysis;
use crate::tui::ranges::{Job, Mode, Target, Work};
use crate::tui::views::sources::Listing;

/// A figure of the state on screen asked of the worker: for the revision it was asked for and
/// the ticket of its job (`None` inside while being computed).
pub(super) struct Slot<T> {
    revision: u64,
    ticket: u64,
    value: Option<T>,
}

impl<T> Slot<T> {
    /// The value for `revision`: `Err(())` while it is being computed or was asked for
    /// another.
    pub(super) fn get(slot: &Option<Slot<T>>, revision: u64) -> Result<&T, ()> {
        match slot {
            Some(s) if s.revision == revision => s.value.as_ref().ok_or(()),
            _ => Err(()),
        }
    }

    /// Whether `slot` holds (or awaits) the value for `revision`.
    pub(super) fn asked(slot: &Option<Slot<T>>, revision: u64) -> bool {
        slot.as_ref().is_some_and(|s| s.revision == revision)
    }

    /// Takes an answer for the ticket the slot awaits; false (dropped) for any other.
    pub(super) fn arrive(slot: &mut Option<Slot<T>>, ticket: u64, value: T) -> bool {
        match slot {
            Some(s) if s.ticket == ticket && s.value.is_none() => {
                s.value = Some(value);
                true
            }
            _ => false,
        }
    }

    pub(super) fn pending(slot: &Option<Slot<T>>) -> bool {
        slot.as_ref().is_some_and(|s| s.value.is_none())
    }
}

impl Ctx {
    /// Asks for the headline of the state on screen unless it was asked for already: computed
    /// now, or by the worker (reading the consent steps the ranges solved, if they are here).
    pub fn want_headline(&mut self) {
        if Slot::asked(&self.headline, self.revision) {
            return;
        }
        self.tickets += 1;
        let value = match self.range_mode {
            Mode::Now => Some(Arc::new(analysis::headline::headline_with(
                &self.dataset,
                &self.options,
                &self.analysis,
                self.ranges(),
            ))),
            Mode::Deferred => {
                self.ask(
                    Target::Headline,
                    Work::Headline {
                        dataset: Arc::clone(&self.dataset),
                        options: self.options.clone(),
                        analysis: Arc::clone(&self.analysis),
                        ranges: self.ranges.clone(),
                    },
                );
                None
            }
        };
        self.headline = Some(Slot {
            revision: self.revision,
            ticket: self.tickets,
            value,
        });
    }

    /// The headline of the state on screen: `Err(())` while it is being computed (or was never
    /// asked for), `Ok(None)` when the state has none.
    #[allow(clippy::result_unit_err)]
    pub fn headline(&self) -> Result<Option<&analysis::Headline>, ()> {
        Slot::get(&self.headline, self.revision).map(|h| h.as_ref().as_ref())
    }

    /// Asks for the Sources view's listing of the state on screen unless it was asked for
    /// already: built now, or by the worker.
    pub fn want_listing(&mut self) {
        if Slot::asked(&self.listing, self.revision) {
            return;
        }
        self.tickets += 1;
        let value = match self.range_mode {
            Mode::Now => Some(Arc::new(Listing::of_parts(&self.dataset, &self.order))),
            Mode::Deferred => {
                self.ask(
                    Target::Sources,
                    Work::Sources {
                        dataset: Arc::clone(&self.dataset),
                        order: self.order.clone(),
                    },
                );
                None
            }
        };
        self.listing = Some(Slot {
            revision: self.revision,
            ticket: self.tickets,
            value,
        });
    }

    /// The Sources view's listing of the state on screen: `Err(())` while it is being built
    /// (or was never asked for).
    #[allow(clippy::result_unit_err)]
    pub fn listing(&self) -> Result<&Arc<Listing>, ()> {
        Slot::get(&self.listing, self.revision)
    }

    /// Leaves a job for the event loop, with the ticket just taken, replacing an earlier one
    /// of its target that was not handed over yet.
    pub(super) fn ask(&mut self, target: Target, work: Work) {
        self.jobs.retain(|j| j.target != target);
        self.jobs.push(Job {
            ticket: self.tickets,
            target,
            work,
        });
    }
}

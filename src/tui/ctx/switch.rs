//! A reform switched on or off off the frame path, and the figures views ask the worker for
//! by ticket (the Reforms view's delta, the Compare view's columns).
//!
//! ```text
//!  Space ──> toggle_reform ──Job(Reform, the active set asked for)──> worker: switched()
//!             │ the state before stays on screen, marked "recomputing… P5 on"
//!             │ a second Space asks again from the set asked for (a new ticket)
//!  update(Action::Ranges) <── Switched ──┘ installed if its ticket is the last asked,
//!                                          else dropped (stale)
//! ```
//!
//! In [`Mode::Now`] (tests, one-shot renders) a switch is computed inside `update`, as before.

use std::sync::Arc;

use super::{Ctx, Holdings, StatusKind, display_order, layered};
use crate::analysis::{Analysis, Options};
use crate::model::Dataset;
use crate::reform::{PresetSet, Scenario};
use crate::tui::ranges::{Answer, Job, Mode, Target, Work};

/// A switch asked of the worker and not yet on screen.
#[derive(Debug, Clone)]
pub(super) struct Switch {
    ticket: u64,
    /// The active presets asked for, in the order they apply in.
    pub(super) active: Vec<String>,
    /// What the status line says once it is on screen: the preset and whether it went on
    /// (`None`: every reform switched off).
    what: Option<(String, bool)>,
}

/// A state ready to be put on screen: the dataset with its analysis, computed off the frame
/// path for a reform switch.
#[derive(Debug, Clone)]
pub struct Switched {
    active: Vec<String>,
    dataset: Dataset,
    full: Option<Dataset>,
    options: Options,
    analysis: Analysis,
    holdings: Holdings,
    order: Vec<usize>,
}

/// The baseline of `scenario` with `active` applied and analysed under `options` (its
/// principals the reformed state's own unless the user chose them): what a reform switch puts
/// on screen, or why it cannot.
pub fn switched(
    scenario: &Scenario,
    active: Vec<String>,
    options: Options,
    custom_principals: bool,
) -> Result<Switched, String> {
    let dataset = crate::reform::apply(&scenario.baseline, &scenario.set, &active)
        .map_err(|e| e.to_string().replace('\n', " "))?;
    prepared(active, dataset, options, custom_principals)
}

/// `dataset` analysed under `options`, its principals adjusted as for any new state.
pub(super) fn prepared(
    active: Vec<String>,
    dataset: Dataset,
    mut options: Options,
    custom_principals: bool,
) -> Result<Switched, String> {
    if !custom_principals {
        options.principals = dataset.principals();
    } else {
        options.principals.retain(|p| dataset.body(p).is_some());
    }
    let l = layered(dataset, &options)
        .map_err(|e| format!("cannot analyse the reformed state: {e}"))?;
    let order = display_order(&l.dataset);
    Ok(Switched {
        active,
        dataset: l.dataset,
        full: l.full,
        options,
        holdings: Holdings::of(&l.analysis),
        analysis: l.analysis,
        order,
    })
}

/// `active` with `id` switched, in the order the presets apply in, and whether it is now on:
/// [`Scenario::toggle`]'s rule, on a list (the scenario itself holds the baseline, which a
/// switch in flight must not copy).
fn toggled(set: &PresetSet, active: &[String], id: &str) -> (Vec<String>, bool) {
    let mut active = active.to_vec();
    if let Some(i) = active.iter().position(|a| a == id) {
        active.remove(i);
        return (active, false);
    }
    active.push(id.to_string());
    // A stable sort keeps unknown ids in the order they were asked for, after the rest.
    active.sort_by_key(|a| {
        set.presets
            .iter()
            .position(|p| &p.id == a)
            .unwrap_or(usize::MAX)
    });
    (active, true)
}

impl Ctx {
    /// Switches a reform preset on or off; a conflict or an invalid result is refused with its
    /// reason in the status bar, and nothing changes. With a worker the state before stays on
    /// screen, marked, until the new one arrives ([`Ctx::switching`]).
    pub fn toggle_reform(&mut self, id: &str) {
        if self.range_mode == Mode::Now {
            return self.toggle_reform_now(id);
        }
        let from = match &self.switching {
            Some(s) => &s.active,
            None => &self.scenario.active,
        };
        let (active, on) = toggled(&self.scenario.set, from, id);
        self.ask_switch(active, Some((id.to_string(), on)));
    }

    /// Switches every reform off.
    pub fn reset_reforms(&mut self) {
        if self.range_mode == Mode::Now {
            return self.reset_reforms_now();
        }
        self.ask_switch(Vec::new(), None);
    }

    fn ask_switch(&mut self, active: Vec<String>, what: Option<(String, bool)>) {
        if active == self.scenario.active {
            // Switched back to the state on screen: an answer in flight is no longer wanted.
            if self.switching.take().is_some() {
                self.jobs.retain(|j| j.target != Target::Reform);
                self.switched_status(what);
            }
            return;
        }
        self.tickets += 1;
        self.ask(
            Target::Reform,
            Work::Reform {
                scenario: Arc::clone(&self.scenario),
                active: active.clone(),
                options: self.options.clone(),
                custom_principals: self.custom_principals,
            },
        );
        self.switching = Some(Switch {
            ticket: self.tickets,
            active,
            what,
        });
    }

    /// Asks the switch in flight again under the options now in force (they changed while it
    /// was computed: its answer would be for the options before).
    pub(super) fn reask_switch(&mut self) {
        if let Some(s) = self.switching.take() {
            self.ask_switch(s.active, s.what);
        }
    }

    /// The mark the views show while a reform switch is computed: `recomputing… P5 on`.
    pub fn switching(&self) -> Option<String> {
        let s = self.switching.as_ref()?;
        let what = match &s.what {
            Some((id, true)) => format!("{id} on"),
            Some((id, false)) => format!("{id} off"),
            None => crate::model::i18n::tr(self.lang, "all reforms off").to_string(),
        };
        Some(crate::t!(self.lang, "recomputing… {what}", what = what))
    }

    /// A switch the worker computed: put on screen if it is the last asked for; an earlier
    /// one (a key pressed again meanwhile) is dropped. True when it was taken.
    pub(super) fn switch_arrived(
        &mut self,
        ticket: u64,
        answer: Arc<Result<Switched, String>>,
    ) -> bool {
        if self.switching.as_ref().is_none_or(|s| s.ticket != ticket) {
            return false;
        }
        let Some(switch) = self.switching.take() else {
            return false;
        };
        let answer = Arc::try_unwrap(answer).unwrap_or_else(|shared| (*shared).clone());
        match answer {
            Ok(s) => {
                self.install(s);
                self.switched_status(switch.what);
            }
            Err(e) => self.set_status(e, StatusKind::Error),
        }
        true
    }

    /// Puts a state computed by [`prepared`] on screen. The state it replaces is freed off the
    /// frame path: at 100,000 bodies freeing its analysis alone took 1.2 s of the arrival.
    pub(super) fn install(&mut self, s: Switched) {
        if s.active != self.scenario.active {
            Arc::make_mut(&mut self.scenario).active = s.active;
        }
        let old = (
            std::mem::replace(&mut self.dataset, Arc::new(s.dataset)),
            std::mem::replace(&mut self.full, s.full),
            std::mem::replace(&mut self.analysis, Arc::new(s.analysis)),
            std::mem::take(&mut self.other),
            std::mem::replace(&mut self.order, s.order),
            std::mem::replace(&mut self.holdings, s.holdings),
        );
        retire(old, self.dataset.bodies.len());
        self.options = s.options;
        self.revision += 1;
        self.request_ranges();
        if self.dataset.body(&self.selected).is_none() {
            self.selected = super::default_selection(&self.dataset);
        }
        self.history.retain(|h| self.dataset.body(h).is_some());
        self.changes.dataset = true;
        self.changes.selection = true;
    }

    /// `P5 on · active: P5 + P10`, or that every reform is off.
    pub(super) fn switched_status(&mut self, what: Option<(String, bool)>) {
        use crate::model::i18n::{fill, tr};
        let lang = self.lang;
        let Some((id, on)) = what else {
            return self.set_status(tr(lang, "all reforms off: the baseline"), StatusKind::Info);
        };
        let list = if self.scenario.active.is_empty() {
            tr(lang, "none: the baseline").to_string()
        } else {
            self.scenario.active.join(" + ")
        };
        let template = if on {
            "{id} on · active: {list}"
        } else {
            "{id} off · active: {list}"
        };
        let text = fill(lang, template, &[("id", id), ("list", list)]);
        self.set_status(text, StatusKind::Info);
    }

    /// Asks for a figure by ticket: computed now ([`Mode::Now`]), or by the worker. The
    /// answer is read with [`Ctx::answer`]; one asked for earlier of the same target is no
    /// longer answered.
    pub fn want(&mut self, target: Target, work: Work) -> u64 {
        self.tickets += 1;
        let ticket = self.tickets;
        self.awaited.retain(|(t, _, _)| *t != target);
        let answer = match self.range_mode {
            Mode::Now => Some(
                Job {
                    ticket,
                    target,
                    work,
                }
                .run()
                .answer,
            ),
            Mode::Deferred => {
                self.ask(target, work);
                None
            }
        };
        self.awaited.push((target, ticket, answer));
        ticket
    }

    /// The answer to the figure asked for with `ticket`: `None` while it is being computed
    /// (or if a later one of its target was asked for since).
    pub fn answer(&self, target: Target, ticket: u64) -> Option<&Answer> {
        self.awaited
            .iter()
            .find(|(t, k, _)| *t == target && *k == ticket)
            .and_then(|(_, _, a)| a.as_ref())
    }

    /// Takes the worker's answer to a figure asked for with [`Ctx::want`]; false (dropped)
    /// for a ticket no longer awaited.
    pub(super) fn awaited_arrived(&mut self, target: Target, ticket: u64, answer: Answer) -> bool {
        match self
            .awaited
            .iter_mut()
            .find(|(t, k, a)| *t == target && *k == ticket && a.is_none())
        {
            Some((_, _, slot)) => {
                *slot = Some(answer);
                true
            }
            None => false,
        }
    }

    /// Whether a switch or a figure asked by ticket has yet to arrive.
    pub(super) fn awaiting_answers(&self) -> bool {
        self.switching.is_some() || self.awaited.iter().any(|(_, _, a)| a.is_none())
    }
}

/// Frees a state taken off the screen on a thread of its own, so that the frame does not
/// wait for millions of small frees. A small state (`bodies`, the size of the one put in its
/// place) is freed in line: starting a thread costs more than its frees. If no thread can be
/// started, the closure (and the state with it) is dropped here, in line.
fn retire<T: Send + 'static>(old: T, bodies: usize) {
    if bodies < 10_000 {
        return drop(old);
    }
    let _ = std::thread::Builder::new()
        .name("bilik-retire".into())
        .spawn(move || drop(old));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preset_switched_keeps_the_order_the_presets_apply_in() {
        let set = crate::reform::embedded("kz-2022");
        let ids: Vec<String> = set.presets.iter().map(|p| p.id.clone()).collect();
        let (on, is_on) = toggled(&set, &[ids[3].clone()], &ids[1]);
        assert!(is_on);
        assert_eq!(on, [ids[1].clone(), ids[3].clone()]);
        let (off, is_on) = toggled(&set, &on, &ids[3]);
        assert!(!is_on);
        assert_eq!(off, [ids[1].clone()]);
        // As the scenario orders them.
        let mut s = Scenario::new(crate::data::resolve("kz-2022").unwrap(), set.clone());
        s.toggle(&ids[3]);
        s.toggle(&ids[1]);
        assert_eq!(s.active, on);
    }
}

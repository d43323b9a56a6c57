//! What the views share: the state on screen (the baseline, the active reforms, the reformed
//! dataset, the options and their analysis), the selected body and the way back to earlier
//! ones, the language, the theme, the status message and the terminal size.
//!
//! ```text
//!   App ──owns──> Ctx, and one state per view
//!   a view's update ──> its own state + &mut Ctx ──> Changes ──> App ──> every view's catch_up
//!   a view's render <── its own state + &Ctx  (nothing changes)
//! ```
//!
//! The dataset, the options and the analysis change only through [`Ctx::reanalyze`] and the
//! reform switches, which bump [`Ctx::revision`]: derived data a view caches is keyed on it.
//! What other views keep a cursor on (the selection, the dataset, the size) is recorded in
//! [`Changes`] for the app to pass round once the update is over.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::ranges::{
    self, Answer, CompareRanges, Computed, Done, HeadlineOf, Job, Mode, Target, Work,
};
use super::theme::Theme;
use super::views::sources::Listing;
use crate::analysis::range::{Band, ControlRanges, PctRange};
use crate::analysis::{self, Analysis, Options, Severity};
use crate::model::{Body, BodyId, Branch, Dataset, Lang, Layer, Weights};
use crate::reform::Scenario;

mod figures;
mod holdings;
mod switch;
use figures::Slot;
pub use holdings::Holdings;
pub use switch::{Switched, switched};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub kind: StatusKind,
}

/// What changed in the shared state during an update, for views that keep cursors on it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    /// A body was selected (again, after a jump back or a reform).
    pub selection: bool,
    /// The dataset on screen was replaced: a reform went on or off.
    pub dataset: bool,
    /// The terminal has a new size.
    pub size: bool,
}

pub struct Ctx {
    /// The baseline, the reform presets and those active. Shared with a reform switch's job,
    /// which would otherwise copy the baseline.
    pub scenario: Arc<Scenario>,
    /// The dataset on screen: the baseline with the active reforms applied, in the layer
    /// `options.layer` names (codebook R34). Shared with the ranges worker's job, which would
    /// otherwise copy it on every change.
    pub dataset: Arc<Dataset>,
    /// The same state with both layers, when it has a de facto layer (else `dataset` is it).
    pub full: Option<Dataset>,
    pub custom_principals: bool,
    pub options: Options,
    /// The analysis of `dataset` under `options`, recomputed only when one of them changes.
    /// Shared with the worker's headline job, which would otherwise copy it.
    pub analysis: Arc<Analysis>,
    /// Which bodies each body holds seats in, for `analysis` (the Graph view's right column).
    pub holdings: Holdings,
    /// The analysis in the other layer, so that a figure can be shown with and without the
    /// de facto layer ([`Ctx::other`]): computed when first asked for, as only the Bodies
    /// detail shows it and a reform switched elsewhere should not wait for it.
    other: std::cell::OnceCell<Option<Analysis>>,
    /// The weights the ranges run over (the Weights view sets it).
    pub band: Band,
    /// Integrated control of every body by every principal with its range over the contested
    /// codings, the threat option and the band, `Err` with the reason when it cannot be:
    /// `None` while it is being computed for the state on screen (tens of milliseconds on
    /// kz-2022, so a worker computes it: see [`super::ranges`]).
    pub ranges: Option<Computed>,
    /// Indices into `dataset.bodies` in display order: grouped by branch.
    pub order: Vec<usize>,
    pub lang: Lang,
    pub theme: Theme,
    /// The body in focus, shared by every view.
    pub selected: BodyId,
    pub history: Vec<BodyId>,
    pub status: Option<Status>,
    pub size: Rect,
    revision: u64,
    changes: Changes,
    /// When ranges are computed, and those asked of the worker that the event loop has yet to
    /// hand over.
    range_mode: Mode,
    jobs: Vec<Job>,
    /// The last ticket given to a job, and the one whose answer the state on screen awaits.
    tickets: u64,
    state_ticket: u64,
    /// Goes up whenever `ranges` or the baseline's ranges change (pending or arrived).
    ranges_revision: u64,
    /// Goes up whenever the baseline is replaced (a new file version, a tour's step).
    baseline_revision: u64,
    /// The baseline's ranges, for the Reforms view, with what they were asked for.
    baseline_ranges: Option<BaselineRanges>,
    /// The Compare view's columns' ranges, for the ticket of the job that asked for them
    /// (`None` inside while being computed).
    compare_ranges: Option<(u64, Option<CompareRanges>)>,
    /// The headline of the state on screen (the Weights view's) and the Sources view's
    /// listing, each for the revision it was asked for.
    headline: Option<Slot<HeadlineOf>>,
    listing: Option<Slot<Arc<Listing>>>,
    /// A reform switch asked of the worker, until its state is on screen.
    switching: Option<switch::Switch>,
    /// Figures asked for by ticket ([`Ctx::want`]), each target's last, `None` inside until
    /// it arrives.
    awaited: Vec<(Target, u64, Option<Answer>)>,
}

/// What the baseline's figures depend on besides the baseline itself (the Reforms view keys
/// its analysis of the baseline on it too).
#[derive(Debug, Clone, PartialEq)]
pub struct BaselineKey {
    baseline: u64,
    weights: Weights,
    at_will_threat: bool,
    share_model: analysis::ShareModel,
    layer: Layer,
    /// The user's principals; `None` for the baseline's own.
    principals: Option<Vec<BodyId>>,
    band: Band,
}

struct BaselineRanges {
    key: BaselineKey,
    ticket: u64,
    ranges: Option<Computed>,
}

impl Ctx {
    /// The state on screen for a scenario; fails if its active reforms do not apply or the
    /// analysis cannot be computed.
    pub fn new(
        scenario: Scenario,
        mut options: Options,
        custom_principals: bool,
        lang: Lang,
        theme: Theme,
        status: Option<Status>,
        range_mode: Mode,
    ) -> Result<Ctx, String> {
        let full = scenario.reformed().map_err(|e| e.to_string())?;
        if !custom_principals {
            options.principals = full.principals();
        }
        let Layered {
            dataset,
            full,
            analysis,
        } = layered(full, &options)?;
        let order = display_order(&dataset);
        let selected = default_selection(&dataset);
        let band = Band::default();
        let holdings = Holdings::of(&analysis);
        let mut ctx = Ctx {
            scenario: Arc::new(scenario),
            dataset: Arc::new(dataset),
            full,
            custom_principals,
            options,
            analysis: Arc::new(analysis),
            holdings,
            other: Default::default(),
            band,
            ranges: None,
            order,
            lang,
            theme,
            selected,
            history: Vec::new(),
            status,
            size: Rect::new(0, 0, 80, 24),
            revision: 0,
            // The views have yet to place their cursors for this size.
            changes: Changes {
                size: true,
                ..Changes::default()
            },
            range_mode,
            jobs: Vec::new(),
            tickets: 0,
            state_ticket: 0,
            ranges_revision: 0,
            baseline_revision: 0,
            baseline_ranges: None,
            compare_ranges: None,
            headline: None,
            listing: None,
            switching: None,
            awaited: Vec::new(),
        };
        ctx.request_ranges();
        Ok(ctx)
    }

    /// Goes up whenever the dataset, the options or the analysis change.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The changes since the last call.
    pub fn take_changes(&mut self) -> Changes {
        std::mem::take(&mut self.changes)
    }

    pub fn resize(&mut self, size: Rect) {
        self.size = size;
        self.changes.size = true;
    }

    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.dataset.name(id, self.lang)
    }

    /// Position of the selected body in display order.
    pub fn selected_index(&self) -> usize {
        self.order
            .iter()
            .position(|&i| self.dataset.bodies[i].id == self.selected)
            .unwrap_or(0)
    }

    pub fn body_at(&self, display_index: usize) -> Option<&Body> {
        self.order
            .get(display_index)
            .and_then(|&i| self.dataset.bodies.get(i))
    }

    /// The highest severity among a body's flags.
    pub fn worst_flag(&self, body: &str) -> Option<Severity> {
        self.analysis.flags_of(body).map(|f| f.severity).min()
    }

    pub fn set_status(&mut self, text: impl Into<String>, kind: StatusKind) {
        self.status = Some(Status {
            text: text.into(),
            kind,
        });
    }

    /// Selects a body without remembering the previous one (moving in a list).
    pub fn select(&mut self, id: BodyId) {
        if id != self.selected {
            self.selected = id;
            self.changes.selection = true;
        }
    }

    /// Selects the body at a display position (Bodies list, clicks).
    pub fn select_display(&mut self, display: usize) {
        if let Some(b) = self.body_at(display) {
            let id = b.id.clone();
            self.select(id);
        }
    }

    /// Makes `id` the selected body, remembering the previous one for Backspace.
    pub fn jump_to(&mut self, id: &str) {
        if self.dataset.body(id).is_none() || id == self.selected {
            return;
        }
        self.history.push(self.selected.clone());
        self.selected = id.to_string();
        self.changes.selection = true;
    }

    /// Goes back to the body selected before the last jump.
    pub fn back(&mut self) {
        match self.history.pop() {
            Some(id) => {
                self.selected = id;
                self.changes.selection = true;
            }
            None => self.set_status("nothing to go back to", StatusKind::Info),
        }
    }

    /// Recomputes the analysis after the options changed; on failure restores `previous` and
    /// says why in the status bar.
    pub fn reanalyze(&mut self, previous: Options) -> bool {
        match analysis::analyze(&self.dataset, &self.options) {
            Ok(a) => {
                self.holdings = Holdings::of(&a);
                self.analysis = Arc::new(a);
                self.other = Default::default();
                self.revision += 1;
                self.request_ranges();
                self.reask_switch();
                true
            }
            Err(e) => {
                self.options = previous;
                self.set_status(e.to_string(), StatusKind::Error);
                false
            }
        }
    }

    /// A reform switch inside `update` ([`Mode::Now`]).
    fn toggle_reform_now(&mut self, id: &str) {
        let previous = self.scenario.active.clone();
        let on = Arc::make_mut(&mut self.scenario).toggle(id);
        match self.scenario.reformed() {
            Ok(dataset) => {
                if self.set_dataset(dataset) {
                    self.switched_status(Some((id.to_string(), on)));
                } else {
                    Arc::make_mut(&mut self.scenario).active = previous;
                }
            }
            Err(e) => {
                Arc::make_mut(&mut self.scenario).active = previous;
                self.set_status(e.to_string().replace('\n', " "), StatusKind::Error);
            }
        }
    }

    /// Every reform switched off inside `update` ([`Mode::Now`]).
    fn reset_reforms_now(&mut self) {
        let previous = self.scenario.active.clone();
        Arc::make_mut(&mut self.scenario).reset();
        let ok = match self.scenario.reformed() {
            Ok(dataset) => self.set_dataset(dataset),
            Err(_) => false,
        };
        if ok {
            self.switched_status(None);
        } else {
            Arc::make_mut(&mut self.scenario).active = previous;
        }
    }

    /// Puts a new dataset on screen (the baseline with the reforms now in
    /// `scenario.active`); false, with the reason in the status bar, if it cannot be
    /// analysed. A switch in flight is no longer awaited: this state replaces it.
    fn set_dataset(&mut self, dataset: Dataset) -> bool {
        self.switching = None;
        let active = self.scenario.active.clone();
        match switch::prepared(
            active,
            dataset,
            self.options.clone(),
            self.custom_principals,
        ) {
            Ok(s) => {
                self.install(s);
                true
            }
            Err(e) => {
                self.set_status(e, StatusKind::Error);
                false
            }
        }
    }

    /// Puts an earlier state back (undo, redo): the active reforms, the options and whether
    /// the principals are the user's. False, with the reason in the status bar and nothing
    /// changed, if it no longer applies.
    pub fn set_state(
        &mut self,
        active: Vec<String>,
        options: Options,
        custom_principals: bool,
    ) -> bool {
        let previous = (
            std::mem::replace(&mut Arc::make_mut(&mut self.scenario).active, active),
            std::mem::replace(&mut self.options, options),
            std::mem::replace(&mut self.custom_principals, custom_principals),
        );
        let ok = match self.scenario.reformed() {
            Ok(dataset) => self.set_dataset(dataset),
            Err(e) => {
                self.set_status(e.to_string().replace('\n', " "), StatusKind::Error);
                false
            }
        };
        if !ok {
            (
                Arc::make_mut(&mut self.scenario).active,
                self.options,
                self.custom_principals,
            ) = previous;
        }
        ok
    }

    /// Puts another scenario (a tour's step: another dataset, reforms, layer, weights) on
    /// screen with its own options and principals; false, with the reason in the status bar
    /// and nothing changed, if it cannot be.
    pub fn set_scenario(&mut self, scenario: Scenario, options: Options) -> bool {
        self.baseline_revision += 1;
        let previous = (
            std::mem::replace(&mut self.scenario, Arc::new(scenario)),
            std::mem::replace(&mut self.options, options),
            std::mem::replace(&mut self.custom_principals, false),
        );
        let ok = match self.scenario.reformed() {
            Ok(dataset) => self.set_dataset(dataset),
            Err(e) => {
                self.set_status(e.to_string().replace('\n', " "), StatusKind::Error);
                false
            }
        };
        if !ok {
            (self.scenario, self.options, self.custom_principals) = previous;
        }
        ok
    }

    /// Puts a new version of the baseline in force (the dataset file was edited), keeping the
    /// reforms that still apply, the user's weights (the file's own if the user kept the old
    /// file's) and the selection where the body is still there.
    pub fn replace_baseline(&mut self, baseline: Dataset) -> bool {
        if self.options.weights == self.scenario.baseline.weights {
            self.options.weights = baseline.weights;
        }
        self.baseline_revision += 1;
        let old = std::mem::replace(
            &mut Arc::make_mut(&mut self.scenario).baseline,
            Arc::new(baseline),
        );
        let dataset = match self.scenario.reformed() {
            Ok(d) => d,
            Err(e) => {
                let dropped =
                    std::mem::take(&mut Arc::make_mut(&mut self.scenario).active).join(" + ");
                self.set_status(
                    format!(
                        "reforms {dropped} switched off: {}",
                        e.to_string().replace('\n', " ")
                    ),
                    StatusKind::Error,
                );
                (*self.scenario.baseline).clone()
            }
        };
        if self.set_dataset(dataset) {
            true
        } else {
            Arc::make_mut(&mut self.scenario).baseline = old;
            false
        }
    }

    /// Puts another weight band in force and ranges every figure over it.
    pub fn set_band(&mut self, band: Band) {
        self.band = band;
        self.revision += 1;
        self.request_ranges();
        self.reask_switch();
    }

    /// The analysis of the state on screen in the layer not on screen; `None` when the dataset
    /// has no de facto layer or it cannot be computed. Computed on the first call per state.
    pub fn other(&self) -> Option<&Analysis> {
        self.other
            .get_or_init(|| {
                self.full
                    .as_ref()
                    .and_then(|full| other_layer(full, &self.options))
            })
            .as_ref()
    }

    /// Whether the state on screen has a de facto layer to switch to.
    pub fn has_de_facto(&self) -> bool {
        self.full.is_some()
    }

    /// Whether the figures on screen come from the de facto layer.
    pub fn de_facto(&self) -> bool {
        self.has_de_facto() && self.options.layer == Layer::DeFacto
    }

    /// Switches between the law as written and the de facto layer (`d`); a dataset without a
    /// de facto layer says so and nothing changes.
    pub fn toggle_layer(&mut self) {
        if !self.has_de_facto() {
            self.set_status(
                format!(
                    "{} has no de facto layer: the figures are the law's (codebook R34)",
                    self.dataset.meta.id
                ),
                StatusKind::Info,
            );
            return;
        }
        let mut options = self.options.clone();
        options.layer = match options.layer {
            Layer::DeJure => Layer::DeFacto,
            Layer::DeFacto => Layer::DeJure,
        };
        let active = self.scenario.active.clone();
        if self.set_state(active, options, self.custom_principals) {
            self.set_status(
                match self.options.layer {
                    Layer::DeFacto => {
                        "DE FACTO layer on: blocs, alignments and practice as the dataset cites them"
                    }
                    Layer::DeJure => "de jure: the law as written (the de facto layer is off)",
                },
                StatusKind::Info,
            );
        }
    }

    /// Puts another share model in force (`m` in the Weights view).
    pub fn set_share_model(&mut self, model: analysis::ShareModel) {
        let previous = self.options.clone();
        self.options.share_model = model;
        if self.reanalyze(previous) {
            self.set_status(
                format!(
                    "share model: {} (bodies with blocs count by it)",
                    model.label()
                ),
                StatusKind::Info,
            );
        }
    }

    /// The range of a principal's integrated control of a body, if it could be computed.
    pub fn range(&self, body: &str, principal: &str) -> Option<(f64, f64)> {
        self.ranges()?.get(body, principal)
    }

    /// The ranges of the state on screen, once computed (and if they could be).
    pub fn ranges(&self) -> Option<&ControlRanges> {
        self.ranges.as_deref()?.as_ref().ok()
    }

    /// Whether the ranges of the state on screen are still being computed.
    pub fn ranges_pending(&self) -> bool {
        self.ranges.is_none()
    }

    /// Whether ranges asked of the worker have yet to arrive.
    pub fn awaiting_ranges(&self) -> bool {
        self.ranges.is_none()
            || self
                .baseline_ranges
                .as_ref()
                .is_some_and(|b| b.ranges.is_none())
            || self.compare_ranges.as_ref().is_some_and(|c| c.1.is_none())
            || Slot::pending(&self.headline)
            || Slot::pending(&self.listing)
            || self.awaiting_answers()
    }

    /// Goes up whenever ranges on screen change: a new state's are asked for, or arrive.
    /// Derived data that shows ranges is keyed on it besides [`Ctx::revision`].
    pub fn ranges_revision(&self) -> u64 {
        self.ranges_revision
    }

    /// Whether derived figures are computed inside `update` ([`Mode::Now`]: tests, one-shot
    /// renders), so that a frame drawn before any update may compute them too.
    pub fn computes_now(&self) -> bool {
        self.range_mode == Mode::Now
    }

    /// Ranges are computed by a worker from now on (the event loop hands the jobs over).
    pub fn defer_ranges(&mut self) {
        self.range_mode = Mode::Deferred;
    }

    /// The ranges to compute, for the event loop to hand to the worker.
    pub fn take_range_jobs(&mut self) -> Vec<Job> {
        std::mem::take(&mut self.jobs)
    }

    /// Ranges the worker computed; dropped unless they are those of the state on screen (or of
    /// the baseline as it is compared now).
    pub fn ranges_arrived(&mut self, done: Done) {
        match (done.target, done.answer) {
            (Target::State, Answer::State(r))
                if done.ticket == self.state_ticket && self.ranges.is_none() =>
            {
                self.ranges = Some(r);
            }
            (Target::Baseline, Answer::State(r)) => match &mut self.baseline_ranges {
                Some(b) if b.ticket == done.ticket && b.ranges.is_none() => {
                    b.ranges = Some(r);
                }
                _ => return,
            },
            (Target::Compare, Answer::Compare(r)) => match &mut self.compare_ranges {
                Some((ticket, ranges @ None)) if *ticket == done.ticket => *ranges = Some(r),
                _ => return,
            },
            (Target::Headline, Answer::Headline(h)) => {
                if !Slot::arrive(&mut self.headline, done.ticket, h) {
                    return;
                }
            }
            (Target::Sources, Answer::Sources(l)) => {
                if !Slot::arrive(&mut self.listing, done.ticket, l) {
                    return;
                }
            }
            (Target::Reform, Answer::Reform(s)) => {
                if !self.switch_arrived(done.ticket, s) {
                    return;
                }
            }
            (target @ (Target::Delta | Target::Comparison), answer) => {
                if !self.awaited_arrived(target, done.ticket, answer) {
                    return;
                }
            }
            _ => return,
        }
        self.ranges_revision += 1;
    }

    /// Asks for the ranges of the Compare view's columns: computed now, or by the worker.
    /// Returns the ticket to read them with ([`Ctx::compare_ranges`]); a comparison asked for
    /// earlier is no longer answered.
    pub fn want_compare_ranges(&mut self, comparison: Arc<crate::comparative::Comparison>) -> u64 {
        self.tickets += 1;
        self.ranges_revision += 1;
        let ranges = match self.range_mode {
            Mode::Now => Some(Arc::new(ranges::compare(&comparison, &self.band))),
            Mode::Deferred => {
                self.jobs.retain(|j| j.target != Target::Compare);
                self.jobs.push(Job {
                    ticket: self.tickets,
                    target: Target::Compare,
                    work: Work::Compare {
                        comparison,
                        band: self.band.clone(),
                    },
                });
                None
            }
        };
        self.compare_ranges = Some((self.tickets, ranges));
        self.tickets
    }

    /// The Compare view's columns' ranges asked for with `ticket`: `None` while they are being
    /// computed (or if a later comparison was asked for since).
    pub fn compare_ranges(&self, ticket: u64) -> Option<&CompareRanges> {
        match &self.compare_ranges {
            Some((t, ranges)) if *t == ticket => ranges.as_ref(),
            _ => None,
        }
    }

    /// Asks for the ranges of the state on screen: computed now, or by the worker.
    fn request_ranges(&mut self) {
        self.ranges_revision += 1;
        self.tickets += 1;
        self.state_ticket = self.tickets;
        match self.range_mode {
            Mode::Now => {
                self.ranges = Some(Arc::new(ranges::compute(
                    &self.dataset,
                    &self.options,
                    &self.band,
                )));
            }
            Mode::Deferred => {
                self.ranges = None;
                self.jobs.retain(|j| j.target != Target::State);
                self.jobs.push(Job {
                    ticket: self.tickets,
                    target: Target::State,
                    work: Work::State {
                        dataset: Arc::clone(&self.dataset),
                        options: self.options.clone(),
                        band: self.band.clone(),
                    },
                });
            }
        }
    }

    /// What the baseline's analysis and ranges depend on: they do not change when a reform is
    /// switched.
    pub fn baseline_key(&self) -> BaselineKey {
        BaselineKey {
            baseline: self.baseline_revision,
            weights: self.options.weights,
            at_will_threat: self.options.at_will_threat,
            share_model: self.options.share_model,
            layer: self.options.layer,
            principals: self
                .custom_principals
                .then(|| self.options.principals.clone()),
            band: self.band.clone(),
        }
    }

    /// Asks for the baseline's ranges under the options and band in force, unless they were
    /// already asked for: the baseline does not change when a reform is switched.
    pub fn want_baseline_ranges(&mut self) {
        let key = self.baseline_key();
        if self.baseline_ranges.as_ref().is_some_and(|b| b.key == key) {
            return;
        }
        self.tickets += 1;
        self.ranges_revision += 1;
        let work = Work::Baseline {
            scenario: Arc::clone(&self.scenario),
            options: self.options.clone(),
            principals: key.principals.clone(),
            band: self.band.clone(),
        };
        let ranges = match self.range_mode {
            Mode::Now => match Job::run(Job {
                ticket: self.tickets,
                target: Target::Baseline,
                work,
            })
            .answer
            {
                Answer::State(r) => Some(r),
                _ => None,
            },
            // The baseline in its layer (a copy when it has a de facto layer) and its
            // principals (a pass over every body) are the job's: at 100,000 bodies the copy
            // alone was a good part of a second of the frame a switch arrived in.
            Mode::Deferred => {
                let job = Job {
                    ticket: self.tickets,
                    target: Target::Baseline,
                    work,
                };
                self.jobs.retain(|j| j.target != Target::Baseline);
                self.jobs.push(job);
                None
            }
        };
        self.baseline_ranges = Some(BaselineRanges {
            key,
            ticket: self.tickets,
            ranges,
        });
    }

    /// The range of a principal's control of a body in the baseline, under the weights,
    /// threat option and band in force: `Err(())` while it is being computed (or was never
    /// asked for), `Ok(None)` when there is none.
    #[allow(clippy::result_unit_err)]
    pub fn baseline_range(&self, body: &str, principal: &str) -> Result<Option<(f64, f64)>, ()> {
        match &self.baseline_ranges {
            Some(b) if b.key == self.baseline_key() => match b.ranges.as_deref() {
                Some(r) => Ok(r.as_ref().ok().and_then(|r| r.get(body, principal))),
                None => Err(()),
            },
            _ => Err(()),
        }
    }

    /// `52.7% (47.7–58.2)`: a principal's control of a body with its range.
    pub fn control_text(&self, body: &str, principal: &str) -> String {
        let v = self
            .analysis
            .body(body)
            .map_or(0.0, |a| a.control_of(principal));
        PctRange(v, self.range(body, principal)).to_string()
    }

    /// How the ranges were obtained: `exact over 9 analyses · band consent 0.5–2 · at-will
    /// threat off`.
    pub fn range_basis(&self) -> String {
        use crate::model::i18n::tr;
        use crate::t;
        let lang = self.lang;
        let how = match self.ranges.as_deref() {
            None => tr(lang, "ranges being computed").to_string(),
            Some(Ok(r)) if r.exact => t!(lang, "exact over {n} analyses", n = r.combinations),
            Some(Ok(_)) => tr(lang, "an outer bound (too many readings to enumerate)").to_string(),
            Some(Err(e)) => t!(lang, "no range: {error}", error = e),
        };
        t!(
            lang,
            "{how} · band {band} · {threat}",
            how = how,
            band = crate::output::ranges::band_in(lang, &self.band),
            threat = tr(
                lang,
                if self.options.at_will_threat {
                    "at-will threat on"
                } else {
                    "at-will threat off"
                }
            )
        )
    }

    /// The dataset id with the active reforms: `kz-2022+P5+P10`.
    pub fn state_label(&self) -> String {
        let mut s = self.dataset.meta.id.clone();
        for a in &self.scenario.active {
            s.push('+');
            s.push_str(a);
        }
        s
    }
}

/// A state in the layer its options name, with its analysis.
struct Layered {
    dataset: Dataset,
    full: Option<Dataset>,
    analysis: Analysis,
}

fn layered(full: Dataset, options: &Options) -> Result<Layered, String> {
    if !full.has_de_facto() {
        let analysis = analysis::analyze(&full, options).map_err(|e| e.to_string())?;
        return Ok(Layered {
            dataset: full,
            full: None,
            analysis,
        });
    }
    let dataset = full.in_layer(options.layer).into_owned();
    let analysis = analysis::analyze(&dataset, options).map_err(|e| e.to_string())?;
    Ok(Layered {
        dataset,
        full: Some(full),
        analysis,
    })
}

/// The analysis in the layer `options` does not name.
fn other_layer(full: &Dataset, options: &Options) -> Option<Analysis> {
    let mut o = options.clone();
    o.layer = match options.layer {
        Layer::DeJure => Layer::DeFacto,
        Layer::DeFacto => Layer::DeJure,
    };
    analysis::analyze(&full.in_layer(o.layer), &o).ok()
}

fn display_order(d: &Dataset) -> Vec<usize> {
    let mut order = Vec::with_capacity(d.bodies.len());
    for branch in Branch::ALL {
        order.extend(
            d.bodies
                .iter()
                .enumerate()
                .filter(|(_, b)| b.branch == *branch)
                .map(|(i, _)| i),
        );
    }
    order
}

/// The constitutional court when there is one: the body the tool exists to look at.
fn default_selection(d: &Dataset) -> BodyId {
    d.bodies
        .iter()
        .find(|b| b.role == Some(crate::model::Role::ConstitutionalReview))
        .or_else(|| d.bodies.first())
        .map(|b| b.id.clone())
        .unwrap_or_default()
}

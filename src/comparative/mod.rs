//! Comparing states: the same indicators for every dataset, bodies lined up by role, the
//! timeline of a jurisdiction across datasets, and why the head of state's hold on each role
//! moved between two datasets. Pure data; the output layer renders it and the TUI shows it.
//!
//! # The indicators
//!
//! Computed over the bodies whose `role` is one of [`INDEPENDENT_ROLES`], the institutions a
//! constitution means to stand apart from the political branches. They are chosen by role, not
//! by each dataset's `independent` attribute, so that every state is measured on the same
//! yardstick: a constitution that places its prosecution under the executive (the US Attorney
//! General) is measured on that body as one that declares it independent (Kazakhstan's art. 83).
//! Each class counts once, whatever the number of bodies in it (France's two apex courts are
//! averaged into one `supreme_court` figure), and classes a dataset lacks are left out of its
//! means.
//!
//! The headline, `head_of_state_concentration` in `[0, 1]`, is the mean over classes of the
//! head of state's *hold* on their bodies ([`hold`]): his picks, walked up through the bodies
//! that make them, discounted by the veto points others hold over them, with the seats he can
//! dismiss at will counted as his. It decomposes exactly into
//! `picks - veto_discount + at_will` (see [`Indicators`]).
//!
//! # For a view
//!
//! ```no_run
//! use bilik::analysis::Options;
//! use bilik::comparative::{Comparison, Entry};
//! use bilik::data;
//!
//! let entries: Vec<Entry> = ["kz-2017", "kz-2022", "kz-2026", "us", "fr", "tr"]
//!     .iter()
//!     .map(|id| {
//!         let ds = data::resolve(id).expect("embedded");
//!         let options = Options::of(&ds);
//!         Entry::analyze(ds, &options).expect("analysable")
//!     })
//!     .collect();
//! let c = Comparison::new(entries);
//! // c.entries[i].indicators: the indicators side by side;
//! // c.roles: the role-by-role table; c.timelines: kz-2017 -> kz-2022 -> kz-2026;
//! // c.changes: why each role moved between consecutive datasets of a timeline.
//! ```

pub mod aligned;
pub mod explain;
pub mod hold;
pub mod indicators;
pub mod roles;

use std::fmt;

pub use aligned::PrincipalAlignment;
pub use explain::{Amount, BodyRoutes, Check, Reason, ReasonKind, RoleChange, Route, explain};
pub use indicators::{
    BodyIndicator, ClassIndicator, Indicators, RoleControl, VetoHolder, indicators,
};
pub use roles::{
    RoleCell, RoleRow, RoleTable, Timeline, TimelinePoint, TimelineRow, by_role, timeline,
};

use crate::analysis::{Analysis, AnalysisError, Options, analyze};
use crate::model::{Dataset, Role};

/// The role classes meant to be independent of the political branches, in the order reports
/// show them.
pub const INDEPENDENT_ROLES: [Role; 9] = [
    Role::ConstitutionalReview,
    Role::SupremeCourt,
    Role::LowerCourts,
    Role::JudicialCouncil,
    Role::Prosecution,
    Role::Audit,
    Role::Elections,
    Role::CentralBank,
    Role::Ombudsman,
];

#[derive(Debug, Clone, PartialEq)]
pub enum CompareError {
    /// The dataset has no body with the role `head_of_state`.
    NoHeadOfState(String),
    /// The dataset cannot be analysed under the options.
    Analysis {
        dataset: String,
        error: AnalysisError,
    },
}

impl fmt::Display for CompareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompareError::NoHeadOfState(id) => write!(
                f,
                "dataset '{id}' has no body with role head_of_state; the comparison measures the head of state's hold"
            ),
            CompareError::Analysis { dataset, error } => write!(f, "dataset '{dataset}': {error}"),
        }
    }
}

impl std::error::Error for CompareError {}

/// The principals with the largest integrated control of a body (several when they tie, as
/// the President and the Senate do over a US court) and their share, sorted by id.
pub fn largest(a: &crate::analysis::BodyAnalysis) -> Option<(Vec<crate::model::BodyId>, f64)> {
    // Shares equal up to rounding noise of the solver are a tie.
    const TIE: f64 = 1e-9;
    let top = a.control.values().copied().fold(0.0, f64::max);
    if top <= 0.0 {
        return None;
    }
    let ids = a
        .control
        .iter()
        .filter(|(_, v)| top - **v <= TIE)
        .map(|(k, _)| k.clone())
        .collect();
    Some((ids, top))
}

/// One dataset, analysed and measured: what a Compare view keeps per column.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub dataset: Dataset,
    pub analysis: Analysis,
    pub indicators: Indicators,
    /// The head of state's hold on every body, in dataset order.
    pub held: Vec<f64>,
}

impl Entry {
    /// Analyses `dataset` under `options` and measures it.
    pub fn analyze(dataset: Dataset, options: &Options) -> Result<Entry, CompareError> {
        let analysis = analyze(&dataset, options).map_err(|error| CompareError::Analysis {
            dataset: dataset.meta.id.clone(),
            error,
        })?;
        Entry::from_analysis(dataset, analysis)
    }

    /// Measures a dataset already analysed (the TUI's cached baseline or reformed state).
    pub fn from_analysis(dataset: Dataset, analysis: Analysis) -> Result<Entry, CompareError> {
        let (indicators, held) = indicators::measure(&dataset, &analysis)?;
        Ok(Entry {
            dataset,
            analysis,
            indicators,
            held,
        })
    }

    pub fn id(&self) -> &str {
        &self.dataset.meta.id
    }
}

/// Why each role moved between two consecutive datasets of a timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct PairChanges {
    /// Indices into [`Comparison::entries`] (not ids: a dataset and its reformed state may
    /// share one).
    pub from: usize,
    pub to: usize,
    pub roles: Vec<RoleChange>,
}

/// Everything `bilik compare` prints and a Compare view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The datasets, in the order given.
    pub entries: Vec<Entry>,
    pub roles: RoleTable,
    /// For every jurisdiction with two or more datasets, the indices of its entries ordered by
    /// `as_of`; `timelines[k]` is the timeline of `series[k]`.
    pub series: Vec<Vec<usize>>,
    pub timelines: Vec<Timeline>,
    /// For each timeline, each consecutive pair.
    pub changes: Vec<PairChanges>,
}

impl Comparison {
    pub fn new(entries: Vec<Entry>) -> Comparison {
        let roles = by_role(&entries);
        let series = roles::series(&entries);
        let mut timelines = Vec::new();
        let mut changes = Vec::new();
        for members in &series {
            let of: Vec<&Entry> = members.iter().map(|&i| &entries[i]).collect();
            timelines.push(timeline(&of));
            for pair in members.windows(2) {
                changes.push(PairChanges {
                    from: pair[0],
                    to: pair[1],
                    roles: explain(&entries[pair[0]], &entries[pair[1]]),
                });
            }
        }
        Comparison {
            entries,
            roles,
            series,
            timelines,
            changes,
        }
    }

    /// The first entry with dataset id `id`.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comparative::indicators::tests::mini;

    #[test]
    fn a_dataset_and_its_reformed_state_compare_by_position() {
        let before = mini();
        // A reform that takes the bank's governor out of the President's at-will removal keeps
        // the dataset's id, as the TUI's reformed state does.
        let mut after = before.clone();
        after.edges.retain(|e| e.to != "bank");
        let entries: Vec<Entry> = [before, after]
            .into_iter()
            .map(|d| {
                let o = Options::of(&d);
                Entry::analyze(d, &o).unwrap()
            })
            .collect();
        let c = Comparison::new(entries);
        assert_eq!(c.series, vec![vec![0, 1]]);
        assert_eq!(c.timelines[0].headline, vec![0.625, 0.5]);
        assert_eq!((c.changes[0].from, c.changes[0].to), (0, 1));
        let bank = c.changes[0]
            .roles
            .iter()
            .find(|r| r.role == Role::CentralBank)
            .unwrap();
        assert_eq!(bank.held, (Some(1.0), Some(0.5)));
        assert_eq!(bank.reasons.len(), 1);
        assert_eq!(bank.reasons[0].kind, ReasonKind::AtWill);
    }
}

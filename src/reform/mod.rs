//! Reform presets: named lists of operations on a dataset (add, remove or change a body, a
//! seat channel, an edge or an attribute), loaded from RON files, composed in a fixed order and
//! compared with the baseline. No terminal code: the TUI and the command line build on this.
//!
//! - [`PresetSet`]: the presets of one file, in file order, which is the order they apply in;
//!   [`embedded`] gives those compiled into the binary for a dataset, [`load_file`] a user's.
//! - [`apply`]: the baseline with a subset of presets applied, validated again; conflicts
//!   between presets and operations that do not apply are a [`ReformError`].
//! - [`Scenario`]: a baseline, a set and the active presets, toggled on and off; the reformed
//!   state is always recomputed from the baseline, never undone in place.
//! - [`delta`]: both states analysed and their [`Diff`].

mod apply;
mod error;
mod execute;
mod ledger;
mod load;
pub mod raw;
#[cfg(test)]
mod readings_tests;
pub mod tour;

use std::fmt;
use std::sync::{Arc, OnceLock};

pub use apply::{apply, check};
pub use error::{Conflict, OpError, OpRef, ReformError};
pub use load::{load_file, load_str};

use crate::analysis::diff::{Diff, diff};
use crate::analysis::{Analysis, AnalysisError, Headline, Options, analyze, headline};
use crate::diag::SpanIndex;
use crate::model::validate::edge_label;
use crate::model::{
    Alternative, Body, BodyId, Branch, Channel, ChannelChange, Confidence, Cover, Dataset, Edge,
    EdgeChange, EdgeKey, Lang, Layer, Liability, Mandate, Names, Registration, Role, Step,
};

/// Where a proposal is in the source article: its number, which a reader finds in the
/// published article (the set's `reference`), not a line of some copy of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleRef {
    /// The proposal's number (5 for P5).
    pub proposal: u32,
}

impl ArticleRef {
    /// "proposal 5" in `lang`.
    pub fn in_lang(self, lang: crate::model::Lang) -> String {
        crate::t!(lang, "proposal {n}", n = self.proposal)
    }
}

impl fmt::Display for ArticleRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "proposal {}", self.proposal)
    }
}

/// One reform: what it is, where it comes from, and the operations that make it.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    /// A short id such as `P5`.
    pub id: String,
    pub title: Names,
    pub article: Option<ArticleRef>,
    /// What the reform changes, in plain words.
    pub description: String,
    /// Every modelling choice the operations make that the proposal itself does not state.
    pub assumptions: Vec<String>,
    pub operations: Vec<Operation>,
    /// The preset's path in its file (`presets[4]`), to locate problems.
    pub(crate) path: String,
}

impl Preset {
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }
}

/// One operation of a preset, with its place in the preset file.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    pub change: Change,
    /// The operation's path in its file (`presets[4].operations[2]`).
    pub(crate) path: String,
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.change.fmt(f)
    }
}

/// What an operation does to a dataset.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Adds a body with its channels; a body without channels is a root, always a principal.
    AddBody(Body),
    /// Removes a body; edges and steps that name it must be removed or changed too.
    RemoveBody {
        id: BodyId,
    },
    /// Gives a body a new id, and every step, edge and principal that names it.
    RenameBody {
        id: BodyId,
        to: BodyId,
    },
    /// Sets attributes of a body; the source is recorded as the citation of each.
    ChangeBody {
        id: BodyId,
        set: BodyChanges,
        source: String,
    },
    AddChannel {
        body: BodyId,
        channel: Channel,
    },
    RemoveChannel {
        body: BodyId,
        channel: String,
    },
    ChangeChannel {
        body: BodyId,
        channel: String,
        set: ChannelChanges,
    },
    AddEdge(Edge),
    RemoveEdge {
        key: EdgeKey,
    },
    ChangeEdge {
        key: EdgeKey,
        set: EdgeChanges,
    },
    /// Names the principals; `None` returns to the default rule, re-applied after every change.
    SetPrincipals(Option<Vec<BodyId>>),
}

/// The attributes of a body a preset can set, by the names the preset file uses; each is an
/// element of its own for conflicts (two presets may set different attributes of one body).
pub const BODY_FIELDS: [&str; 14] = [
    "name",
    "branch",
    "role",
    "seats",
    "seats_nominal",
    "independent",
    "non_partisan",
    "relatives_ban",
    "senior_post",
    "term_years",
    "registration",
    "liability",
    "confidence",
    "note",
];

/// Body attributes a preset sets; `None` leaves an attribute as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BodyChanges {
    pub names: Option<Names>,
    pub branch: Option<Branch>,
    pub role: Option<Role>,
    pub seats: Option<u32>,
    pub seats_nominal: Option<bool>,
    pub independent: Option<bool>,
    pub non_partisan: Option<bool>,
    pub relatives_ban: Option<bool>,
    pub senior_post: Option<bool>,
    pub term_years: Option<f64>,
    pub registration: Option<Registration>,
    pub liability: Option<Vec<Liability>>,
    pub confidence: Option<Confidence>,
    pub note: Option<String>,
}

impl BodyChanges {
    /// The attributes set, each with its value as text, in a fixed order.
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let mut put = |name: &'static str, value: Option<String>| {
            if let Some(v) = value {
                out.push((name, v));
            }
        };
        put("name", self.names.as_ref().map(|n| format!("\"{}\"", n.en)));
        put("branch", self.branch.map(|b| b.to_string()));
        put("role", self.role.map(|r| r.to_string()));
        put("seats", self.seats.map(|s| s.to_string()));
        put("seats_nominal", self.seats_nominal.map(|b| b.to_string()));
        put("independent", self.independent.map(|b| b.to_string()));
        put("non_partisan", self.non_partisan.map(|b| b.to_string()));
        put("relatives_ban", self.relatives_ban.map(|b| b.to_string()));
        put("senior_post", self.senior_post.map(|b| b.to_string()));
        put("term_years", self.term_years.map(|t| t.to_string()));
        put("registration", self.registration.map(|r| r.to_string()));
        put(
            "liability",
            self.liability.as_ref().map(|l| {
                let kinds: Vec<&str> = l.iter().map(|k| k.as_str()).collect();
                format!("[{}]", kinds.join(", "))
            }),
        );
        put("confidence", self.confidence.map(|c| c.to_string()));
        put("note", self.note.as_ref().map(|_| "(new text)".to_string()));
        out
    }
}

/// What a preset changes in a channel; `steps` replaces the whole chain.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelChanges {
    pub label: Option<String>,
    pub seats: Option<u32>,
    pub steps: Option<Vec<Step>>,
    pub mandate: Option<Mandate>,
    /// The channel's new legal source: a change is always cited.
    pub source: String,
    pub confidence: Option<Confidence>,
    pub note: Option<String>,
    /// Replaces the channel's other readings.
    pub alternatives: Option<Vec<Alternative<ChannelChange>>>,
}

/// What a preset changes in an edge.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeChanges {
    pub after_refusals: Option<u32>,
    pub covers: Option<Vec<Cover>>,
    pub bars: Option<String>,
    /// Replaces the edge's other readings.
    pub alternatives: Option<Vec<Alternative<EdgeChange>>>,
    pub threshold: Option<String>,
    /// The edge's new legal source: a change is always cited.
    pub source: String,
    pub confidence: Option<Confidence>,
    pub note: Option<String>,
}

/// `[a, b]`: the ids of the readings a change gives an element.
fn alt_ids<C>(alts: &[Alternative<C>]) -> String {
    let ids: Vec<&str> = alts.iter().map(|a| a.id.as_str()).collect();
    format!("[{}]", ids.join(", "))
}

fn chain(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|s| format!("{} {}", s.actor, s.role))
        .collect::<Vec<_>>()
        .join(" -> ")
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::AddBody(b) => {
                write!(
                    f,
                    "add body {} \"{}\" ({}, {} seat{}",
                    b.id,
                    b.names.en,
                    b.branch,
                    b.seats,
                    plural(b.seats)
                )?;
                if b.channels.is_empty() {
                    f.write_str(", filled by no one: a root principal)")
                } else {
                    write!(f, ", {} channels)", b.channels.len())
                }
            }
            Change::RemoveBody { id } => write!(f, "remove body {id}"),
            Change::RenameBody { id, to } => write!(f, "rename body {id} to {to}"),
            Change::ChangeBody { id, set, .. } => {
                let fields: Vec<String> = set
                    .fields()
                    .into_iter()
                    .map(|(k, v)| format!("{k} = {v}"))
                    .collect();
                write!(f, "change body {id}: {}", fields.join(", "))
            }
            Change::AddChannel { body, channel } => write!(
                f,
                "add channel {body}/{} ({} seat{}): {}",
                channel.id,
                channel.seats,
                plural(channel.seats),
                chain(&channel.steps)
            ),
            Change::RemoveChannel { body, channel } => {
                write!(f, "remove channel {body}/{channel}")
            }
            Change::ChangeChannel { body, channel, set } => {
                let mut parts = Vec::new();
                if let Some(s) = set.seats {
                    parts.push(format!("seats = {s}"));
                }
                if let Some(steps) = &set.steps {
                    parts.push(format!("steps = {}", chain(steps)));
                }
                if let Some(m) = set.mandate {
                    parts.push(format!("mandate = {m}"));
                }
                if let Some(l) = &set.label {
                    parts.push(format!("label = \"{l}\""));
                }
                if let Some(a) = &set.alternatives {
                    parts.push(format!("alternatives = {}", alt_ids(a)));
                }
                if parts.is_empty() {
                    parts.push("source and notes".to_string());
                }
                write!(f, "change channel {body}/{channel}: {}", parts.join(", "))
            }
            Change::AddEdge(e) => write!(f, "add edge {}", edge_label(&e.key())),
            Change::RemoveEdge { key } => write!(f, "remove edge {}", edge_label(key)),
            Change::ChangeEdge { key, set } => {
                let mut parts = Vec::new();
                if let Some(n) = set.after_refusals {
                    parts.push(format!("after_refusals = {n}"));
                }
                if let Some(c) = &set.covers {
                    let c: Vec<String> = c.iter().map(ToString::to_string).collect();
                    parts.push(format!("covers = [{}]", c.join(", ")));
                }
                if let Some(b) = &set.bars {
                    parts.push(format!("bars = \"{b}\""));
                }
                if let Some(t) = &set.threshold {
                    parts.push(format!("threshold = \"{t}\""));
                }
                if let Some(a) = &set.alternatives {
                    parts.push(format!("alternatives = {}", alt_ids(a)));
                }
                if parts.is_empty() {
                    parts.push("source and notes".to_string());
                }
                write!(f, "change edge {}: {}", edge_label(key), parts.join(", "))
            }
            Change::SetPrincipals(Some(list)) => write!(f, "set principals: {}", list.join(", ")),
            Change::SetPrincipals(None) => f.write_str("principals: back to the default rule"),
        }
    }
}

/// The presets of one file, in the order they apply in.
#[derive(Debug, Clone)]
pub struct PresetSet {
    /// The file they come from (the repository path for embedded presets).
    pub path: String,
    /// The id of the dataset they apply to.
    pub dataset: String,
    pub title: String,
    /// The public reference of the text the presets' proposal numbers refer to.
    pub reference: String,
    pub presets: Vec<Preset>,
    /// The file's text and the place of each value in it, to locate problems.
    pub(crate) text: String,
    pub(crate) spans: SpanIndex,
    /// The translations of the file's prose (descriptions, assumptions, labels it adds).
    pub translations: crate::model::prose::Prose,
}

impl PresetSet {
    /// A set with no presets, for a dataset that has none.
    pub fn empty(dataset: &str) -> PresetSet {
        PresetSet {
            path: String::new(),
            dataset: dataset.to_string(),
            title: String::new(),
            reference: String::new(),
            presets: Vec::new(),
            text: String::new(),
            spans: SpanIndex::default(),
            translations: Default::default(),
        }
    }

    /// A string of the file's prose in `lang` (see [`Dataset::prose`]).
    pub fn prose<'a>(&'a self, lang: crate::model::Lang, en: &'a str) -> &'a str {
        self.translations.get(lang, en)
    }

    pub fn is_empty(&self) -> bool {
        self.presets.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Preset> {
        self.presets.iter().find(|p| p.id == id)
    }

    /// The preset ids in file order.
    pub fn ids(&self) -> Vec<&str> {
        self.presets.iter().map(|p| p.id.as_str()).collect()
    }

    /// `active` without repeats, in file order (the order presets apply in); an id the set
    /// does not have is an error with a did-you-mean.
    pub fn order(&self, active: &[String]) -> Result<Vec<String>, ReformError> {
        for id in active {
            if self.get(id).is_none() {
                let suggestion = self
                    .ids()
                    .into_iter()
                    .find(|k| k.eq_ignore_ascii_case(id))
                    .or_else(|| crate::diag::did_you_mean(id, self.ids()))
                    .map(str::to_string);
                return Err(ReformError::UnknownPreset {
                    id: id.clone(),
                    suggestion,
                    dataset: self.dataset.clone(),
                    known: self.ids().into_iter().map(str::to_string).collect(),
                });
            }
        }
        Ok(self
            .presets
            .iter()
            .filter(|p| active.contains(&p.id))
            .map(|p| p.id.clone())
            .collect())
    }
}

/// A preset file compiled into the binary.
struct EmbeddedSet {
    dataset: &'static str,
    path: &'static str,
    text: &'static str,
}

const EMBEDDED: &[EmbeddedSet] = &[EmbeddedSet {
    dataset: "kz-2022",
    path: "data/reforms/kz-adilet-2024.ron",
    text: include_str!("../../data/reforms/kz-adilet-2024.ron"),
}];

/// The presets compiled into the binary that apply to `dataset_id`; an empty set for a
/// dataset that has none.
pub fn embedded(dataset_id: &str) -> PresetSet {
    static PARSED: OnceLock<Vec<PresetSet>> = OnceLock::new();
    let sets = PARSED.get_or_init(|| {
        EMBEDDED
            .iter()
            .map(|e| {
                match load_str(e.path, e.text).and_then(|mut set| {
                    let (prose, found) = crate::model::prose::load_embedded(e.path, e.text);
                    load::translated(&mut set, prose, found)?;
                    Ok(set)
                }) {
                    Ok(set) if set.dataset == e.dataset => set,
                    Ok(set) => panic!(
                        "embedded presets {} name dataset {}, not {}",
                        e.path, set.dataset, e.dataset
                    ),
                    // The embedded presets are checked by the test suite; reaching this is a build
                    // defect, like an invalid embedded dataset.
                    Err(err) => panic!("embedded presets {} are invalid:\n{}", e.path, err.report),
                }
            })
            .collect()
    });
    sets.iter()
        .find(|s| s.dataset == dataset_id)
        .cloned()
        .unwrap_or_else(|| PresetSet::empty(dataset_id))
}

/// A baseline, the presets that may apply to it and those switched on.
///
/// The reformed state is computed from the baseline every time ([`Scenario::reformed`]), so
/// switching a preset off restores exactly the state before it was switched on.
///
/// The baseline is shared: the explorer hands a scenario to jobs on other threads and then
/// switches a preset in its own copy, and at 100,000 bodies a copy of the baseline took a
/// good part of a second.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub baseline: Arc<Dataset>,
    pub set: PresetSet,
    /// The active preset ids, kept in the order they apply in.
    pub active: Vec<String>,
}

impl Scenario {
    pub fn new(baseline: impl Into<Arc<Dataset>>, set: PresetSet) -> Scenario {
        Scenario {
            baseline: baseline.into(),
            set,
            active: Vec::new(),
        }
    }

    pub fn is_active(&self, id: &str) -> bool {
        self.active.iter().any(|a| a == id)
    }

    /// Switches a preset on or off and says whether it is now on. An id the set does not have
    /// is kept as asked, and [`Scenario::reformed`] reports it.
    pub fn toggle(&mut self, id: &str) -> bool {
        if let Some(i) = self.active.iter().position(|a| a == id) {
            self.active.remove(i);
            return false;
        }
        self.active.push(id.to_string());
        let rank = |a: &String| {
            self.set
                .presets
                .iter()
                .position(|p| &p.id == a)
                .unwrap_or(usize::MAX)
        };
        let mut ranked: Vec<(usize, String)> =
            self.active.iter().map(|a| (rank(a), a.clone())).collect();
        // A stable sort keeps unknown ids in the order they were asked for, after the rest.
        ranked.sort_by_key(|(r, _)| *r);
        self.active = ranked.into_iter().map(|(_, a)| a).collect();
        true
    }

    /// Switches every preset off.
    pub fn reset(&mut self) {
        self.active.clear();
    }

    /// The baseline with the active presets applied. It is recomputed on every call (a few
    /// milliseconds): a view should keep the result until the active set changes.
    pub fn reformed(&self) -> Result<Dataset, ReformError> {
        apply(&self.baseline, &self.set, &self.active)
    }

    /// The baseline in `layer` ([`Dataset::in_layer`]): shared when the layer changes nothing,
    /// else a copy (which is why a caller on the frame path leaves this to a job).
    pub fn baseline_in(&self, layer: Layer) -> Arc<Dataset> {
        match self.baseline.in_layer(layer) {
            std::borrow::Cow::Borrowed(_) => Arc::clone(&self.baseline),
            std::borrow::Cow::Owned(d) => Arc::new(d),
        }
    }
}

/// The attributes (by [`BODY_FIELDS`] name) in which two versions of a body differ, each with
/// its value before and after, for reports.
pub fn changed_attributes(before: &Body, after: &Body) -> Vec<(&'static str, String, String)> {
    BODY_FIELDS
        .iter()
        .filter_map(|f| {
            let (b, a) = (
                ledger::attribute_value(before, f),
                ledger::attribute_value(after, f),
            );
            (b != a).then_some((*f, b, a))
        })
        .collect()
}

/// The baseline and a reformed state analysed side by side: what the delta pane and
/// `bilik diff` show.
#[derive(Debug, Clone)]
pub struct Delta {
    /// Shared: the explorer keeps the baseline's side between switches and the state on
    /// screen's analysis is already in hand, so a delta copies neither.
    pub before: Arc<Analysis>,
    pub after: Arc<Analysis>,
    pub diff: Diff,
    /// The head of state's control of the constitutional court, before and after.
    pub headline: (Option<Headline>, Option<Headline>),
}

/// One side of a [`Delta`]: a state's analysis and headline under that side's options
/// ([`side_options`]).
#[derive(Debug, Clone)]
pub struct Side {
    pub analysis: Arc<Analysis>,
    pub headline: Option<Headline>,
}

/// The options one side of a delta is analysed under: `options` with the principals
/// `principals` when the user chose them, and otherwise the state's own (a reform can make a
/// body a principal, a directly elected Senate, or add one, a body nobody fills).
pub fn side_options(d: &Dataset, options: &Options, principals: Option<&[BodyId]>) -> Options {
    Options {
        principals: principals.map_or_else(|| d.principals(), <[BodyId]>::to_vec),
        ..options.clone()
    }
}

/// Analyses one side of a delta. The explorer keeps the baseline's side while reforms are
/// switched (it does not change), and gives [`delta_of`] the state on screen's analysis.
pub fn side(
    d: &Dataset,
    options: &Options,
    principals: Option<&[BodyId]>,
) -> Result<Side, AnalysisError> {
    let o = side_options(d, options, principals);
    let analysis = analyze(d, &o)?;
    Ok(side_of(d, &o, analysis))
}

/// The side of a state already analysed under `options` (its [`side_options`]).
pub fn side_of(d: &Dataset, options: &Options, analysis: impl Into<Arc<Analysis>>) -> Side {
    let analysis = analysis.into();
    let headline = headline::headline(d, options, &analysis);
    Side { analysis, headline }
}

/// Analyses both states under the same `options` (codebook R13): weights, threat option, share
/// model and layer alike, so that each side reads as `bilik summary` under those options
/// would. The principals are `principals` when the user chose them, and otherwise each
/// state's own (`options.principals` is not used): see [`side_options`]. Both datasets must
/// already be in `options.layer` ([`Dataset::in_layer`]).
pub fn delta(
    baseline: &Dataset,
    reformed: &Dataset,
    options: &Options,
    principals: Option<&[BodyId]>,
) -> Result<Delta, AnalysisError> {
    let before = side(baseline, options, principals)?;
    let after = side(reformed, options, principals)?;
    Ok(delta_of(baseline, before, reformed, after))
}

/// The delta of two sides analysed already ([`side`]): the diff alone is computed.
pub fn delta_of(baseline: &Dataset, before: Side, reformed: &Dataset, after: Side) -> Delta {
    let diff = diff(baseline, &before.analysis, reformed, &after.analysis);
    Delta {
        before: before.analysis,
        after: after.analysis,
        diff,
        headline: (before.headline, after.headline),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kz() -> (Dataset, PresetSet) {
        (crate::data::default_dataset(), embedded("kz-2022"))
    }

    #[test]
    fn the_article_s_eleven_proposals_are_embedded_in_order() {
        let (_, set) = kz();
        let ids: Vec<String> = (1..=11).map(|n| format!("P{n}")).collect();
        assert_eq!(set.ids(), ids);
        assert_eq!(set.path, "data/reforms/kz-adilet-2024.ron");
        for (n, p) in (1..).zip(&set.presets) {
            let a = p
                .article
                .unwrap_or_else(|| panic!("{} has no article reference", p.id));
            assert_eq!(a.proposal, n, "{}", p.id);
            for lang in Lang::ALL {
                assert!(!p.title(lang).trim().is_empty(), "{} {lang:?}", p.id);
            }
            assert!(
                !p.description.is_empty() && !p.operations.is_empty(),
                "{}",
                p.id
            );
        }
        assert!(embedded("kz-2026").is_empty());
    }

    #[test]
    fn the_readme_describes_every_embedded_preset() {
        let readme = include_str!("../../README.md");
        for p in &kz().1.presets {
            assert!(
                readme.contains(&format!("| {} | ", p.id)),
                "README lacks {}",
                p.id
            );
        }
        for op in [
            "add_body",
            "remove_body",
            "rename_body",
            "change_body",
            "add_channel",
            "remove_channel",
            "change_channel",
            "add_edge",
            "remove_edge",
            "change_edge",
            "set_principals",
            "default_principals",
        ] {
            assert!(readme.contains(&format!("`{op}")), "README lacks `{op}`");
        }
    }

    #[test]
    fn every_embedded_change_cites_its_proposal_and_what_it_would_amend() {
        for p in &kz().1.presets {
            // The proposal by its number and the article by its source id in kz-2022, whose
            // bibliography gives the journal reference.
            let cite = format!("Proposal {} of the source article (ART)", p.id);
            for op in &p.operations {
                let (source, amends) = match &op.change {
                    Change::AddChannel { channel, .. } => (&channel.source, true),
                    Change::ChangeChannel { set, .. } => (&set.source, true),
                    Change::AddEdge(e) => (&e.source, true),
                    Change::ChangeEdge { set, .. } => (&set.source, true),
                    Change::AddBody(b) => (&b.source, false),
                    // A rewritten note needs no amendment; an attribute does.
                    Change::ChangeBody { set, source, .. } => (source, set.note.is_none()),
                    _ => continue,
                };
                assert!(source.starts_with(&cite), "{}: {op}: {source}", p.id);
                assert!(
                    !amends || source.contains("would amend") || source.contains("would extend"),
                    "{}: {op}: {source}",
                    p.id
                );
            }
        }
    }

    #[test]
    fn the_embedded_presets_pass_their_own_check() {
        let (base, set) = kz();
        let report = check(&set, &base);
        assert!(report.diagnostics.is_empty(), "{report}");
    }

    #[test]
    fn a_scenario_keeps_file_order_and_restores_the_baseline() {
        let (base, set) = kz();
        let mut s = Scenario::new(base.clone(), set.clone());
        assert!(s.toggle("P10"));
        assert!(s.toggle("P5"));
        assert_eq!(s.active, vec!["P5", "P10"]);
        let both = s.reformed().unwrap();
        assert!(!s.toggle("P5"));
        assert!(!s.is_active("P5") && s.is_active("P10"));
        assert_eq!(
            s.reformed().unwrap(),
            apply(&base, &set, &["P10".into()]).unwrap()
        );
        s.toggle("P5");
        assert_eq!(s.reformed().unwrap(), both);
        s.reset();
        assert_eq!(s.reformed().unwrap(), base);
        s.toggle("P12");
        let e = s.reformed().unwrap_err();
        assert_eq!(
            e.to_string(),
            "no reform preset `P12` for dataset `kz-2022`; did you mean `P1`? (presets: P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11)"
        );
    }

    #[test]
    fn ids_are_put_in_file_order_and_suggested_whatever_their_case() {
        let (_, set) = kz();
        let order = set
            .order(&["P10".into(), "P2".into(), "P10".into()])
            .unwrap();
        assert_eq!(order, vec!["P2", "P10"]);
        match set.order(&["p5".into()]) {
            Err(ReformError::UnknownPreset { suggestion, .. }) => {
                assert_eq!(suggestion.as_deref(), Some("P5"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_headline_moves_with_p5_and_p10() {
        let (base, set) = kz();
        let headline = |active: &[&str]| {
            let active: Vec<String> = active.iter().map(|s| s.to_string()).collect();
            let after = apply(&base, &set, &active).unwrap();
            delta(&base, &after, &Options::of(&base), None)
                .unwrap()
                .headline
                .1
                .unwrap()
        };
        let h = headline(&["P5"]);
        assert!((h.total - 5.25 / 11.0).abs() < 1e-9, "{}", h.total);
        assert_eq!(h.through.len(), 1, "{:?}", h.through);
        assert_eq!(h.through[0].0, "senate_chair");
        assert!((h.through[0].1 - 0.75 / 11.0).abs() < 1e-9);
        // P10: the President picks none of the Court; what remains comes through the judges
        // among the legal professional communities (codebook R16).
        let h = headline(&["P10"]);
        assert_eq!((h.direct, h.picked), (0.0, 0));
        assert_eq!(h.through.len(), 1, "{:?}", h.through);
        assert_eq!(h.through[0].0, "legal_professions");
    }
}

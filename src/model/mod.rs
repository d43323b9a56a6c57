//! The domain model: bodies, the seat channels that fill them and the power edges between them.
//!
//! Values of these types have passed the loader (`load`): every value is of its kind and
//! sourced, and every rule of `validate` holds: every id they name exists, channels add up to
//! their body's seats, each channel has one chain of steps. Whether every body reaches a
//! principal is checked by the analysis (`analysis::reach`), which `data` runs on every
//! dataset it loads. Reforms change a `Dataset` and check it again.
//!
//! - [`raw`]: the file format as written; [`load`]: raw values to these types;
//! - [`validate`](mod@validate): the rules between values, stated once for files and reforms.
//!
//! [`Dataset::body`] and [`Dataset::name`] are O(1) through a lazily built index of ids
//! ([`BodyIndex`]); everything that looks bodies up per row, step or edge relies on it.

pub mod alt;
pub mod i18n;
pub mod layer;
pub mod load;
pub mod numbers;
pub mod phrase;
pub mod prose;
pub mod raw;
#[cfg(test)]
pub(crate) mod testdata;
pub mod validate;
pub mod vote;

use std::collections::BTreeMap;
use std::fmt;

pub use alt::{Alternative, ChannelChange, Contested, EdgeChange, StepChange};
pub use load::{LoadError, load_file, load_str};
pub use validate::{EdgeKey, Element, validate};
pub use vote::{Base, Fraction, Round, Rule, Vote};

/// A stable body id such as `constitutional_court`.
pub type BodyId = String;

/// Names of a body in the three languages the tool shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    pub en: String,
    pub ru: String,
    pub kk: String,
}

/// Which language names are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Ru,
    Kk,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Kk];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    pub fn next(self) -> Lang {
        match self {
            Lang::En => Lang::Ru,
            Lang::Ru => Lang::Kk,
            Lang::Kk => Lang::En,
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == s)
    }
}

impl Names {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
            Lang::Kk => &self.kk,
        }
    }
}

/// Declares a closed vocabulary read from RON as snake_case strings, with its list of
/// accepted spellings (used by the loader's did-you-mean and by the docs).
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }

            pub fn names() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.as_str()).collect()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// The branch a body belongs to; the TUI groups bodies by it.
    Branch {
        Electorate => "electorate",
        Executive => "executive",
        Legislative => "legislative",
        Judicial => "judicial",
        Oversight => "oversight",
        Electoral => "electoral",
        Local => "local",
        Society => "society",
    }
}

vocabulary! {
    /// What a body does, so that bodies of different states can be lined up by role.
    Role {
        Electorate => "electorate",
        HeadOfState => "head_of_state",
        ViceHeadOfState => "vice_head_of_state",
        HeadOfGovernment => "head_of_government",
        Government => "government",
        Administration => "administration",
        Legislature => "legislature",
        UpperChamber => "upper_chamber",
        LowerChamber => "lower_chamber",
        ChamberChair => "chamber_chair",
        ConstitutionalReview => "constitutional_review",
        SupremeCourt => "supreme_court",
        LowerCourts => "lower_courts",
        JudicialCouncil => "judicial_council",
        Prosecution => "prosecution",
        Audit => "audit",
        Elections => "elections",
        CentralBank => "central_bank",
        Ombudsman => "ombudsman",
        Security => "security",
        Advisory => "advisory",
        Parties => "parties",
        LocalExecutive => "local_executive",
        LocalCouncil => "local_council",
        Other => "other",
    }
}

vocabulary! {
    /// A step's part in filling a seat.
    StepRole {
        /// A non-binding recommendation.
        Recommend => "recommend",
        /// A binding proposal of the candidate that another actor then decides on.
        Nominate => "nominate",
        /// The formal act that fills the seat.
        Appoint => "appoint",
        /// Filling the seat by a vote.
        Elect => "elect",
        /// Approval that the appointment needs: a veto point.
        Consent => "consent",
        /// A binding list of several candidates from which the deciding actor must pick: a
        /// check on the pick (a veto over everyone not listed), like a consent given in advance.
        Shortlist => "shortlist",
        /// The seat is held by virtue of another office.
        ExOfficio => "ex_officio",
    }
}

vocabulary! {
    /// Power edges that fill no seat.
    EdgeKind {
        DismissAtWill => "dismiss_at_will",
        DismissForCause => "dismiss_for_cause",
        /// Dissolution whenever the text's bars allow (codebook R-THREAT).
        Dissolve => "dissolve",
        /// Dissolution only after the body refuses, `after_refusals` times, what `covers`
        /// lists (codebook R-THREAT).
        DissolveOnRefusal => "dissolve_on_refusal",
        Impeach => "impeach",
        HoldsToAccount => "holds_to_account",
        NoConfidence => "no_confidence",
        Audits => "audits",
        Investigates => "investigates",
        Reviews => "reviews",
        Vetoes => "vetoes",
        Overrides => "overrides",
        Directs => "directs",
        Petitions => "petitions",
    }
}

vocabulary! {
    /// A feature of an elected body's text that ties its majority to the head of state
    /// (codebook, cross-country index).
    Alignment {
        /// Elected on the same day as the head of state, or for a term tied to his.
        ConcurrentElections => "concurrent_elections",
        /// The head of state may lead a party.
        HeadMayLeadParty => "head_may_lead_party",
        /// The head of state may dissolve it without facing an election himself.
        DissolutionAtNoCost => "dissolution_at_no_cost",
        /// It cannot bring down the executive by a vote of no confidence.
        ExecutiveFreeOfConfidence => "executive_free_of_confidence",
        /// Its members lose their seats on leaving their party.
        ImperativeMandate => "imperative_mandate",
    }
}

vocabulary! {
    /// A power of the head of state beyond appointments that the cross-country index counts.
    Power {
        /// Acts with the force of law without a parliamentary vote.
        DecreesWithForceOfLaw => "decrees_with_force_of_law",
        /// Emergency powers he declares and exercises.
        EmergencyPowers => "emergency_powers",
        /// He or his minister presides over the body that disciplines judges.
        PresidesJudicialDiscipline => "presides_judicial_discipline",
    }
}

vocabulary! {
    /// Whether an element states the law (`de_jure`, the default) or how power is exercised
    /// in practice (`de_facto`: a bloc's cohesion, an alignment, a channel or edge the law does
    /// not state), codebook R34. The de facto layer is off unless asked for.
    Layer {
        DeJure => "de_jure",
        DeFacto => "de_facto",
    }
}

// The vocabulary macro derives no `Default`.
#[allow(clippy::derivable_impls)]
impl Default for Layer {
    fn default() -> Self {
        Layer::DeJure
    }
}

vocabulary! {
    /// How sure the dataset author is of a fact.
    Confidence {
        High => "high",
        Medium => "medium",
        Low => "low",
    }
}

vocabulary! {
    /// Whether a deputy keeps the seat on leaving the party that nominated them.
    Mandate {
        Free => "free",
        /// The seat is lost on leaving or expulsion from the nominating party.
        Imperative => "imperative",
    }
}

vocabulary! {
    /// How political parties are registered.
    Registration {
        /// The state may refuse registration.
        Permit => "permit",
        /// A party exists once it notifies the state.
        Notification => "notification",
    }
}

vocabulary! {
    /// Kinds of personal liability of judges and officials.
    Liability {
        Disciplinary => "disciplinary",
        Criminal => "criminal",
        Financial => "financial",
    }
}

impl EdgeKind {
    /// Edges through which a body answers to someone.
    pub fn is_accountability(self) -> bool {
        matches!(
            self,
            EdgeKind::DismissAtWill
                | EdgeKind::DismissForCause
                | EdgeKind::Dissolve
                | EdgeKind::DissolveOnRefusal
                | EdgeKind::Impeach
                | EdgeKind::HoldsToAccount
                | EdgeKind::NoConfidence
                | EdgeKind::Audits
                | EdgeKind::Investigates
        )
    }

    /// Either kind of dissolution.
    pub fn is_dissolution(self) -> bool {
        matches!(self, EdgeKind::Dissolve | EdgeKind::DissolveOnRefusal)
    }

    /// Edges of oversight: the `from` body checks the `to` body.
    pub fn is_oversight(self) -> bool {
        matches!(
            self,
            EdgeKind::HoldsToAccount
                | EdgeKind::Audits
                | EdgeKind::Investigates
                | EdgeKind::Impeach
                | EdgeKind::NoConfidence
                | EdgeKind::Reviews
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub url: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub jurisdiction: String,
    pub as_of: String,
    pub note: String,
    pub sources: Vec<Source>,
}

/// The role weights: how a channel's seats are split among the actors of its steps.
///
/// The weights are positional, so that formally equivalent procedures get equal treatment:
/// "A appoints with B's consent" and "B elects on A's nomination" are both a proposal by A
/// (weight `propose`) ratified by B (weight `consent`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// A non-binding recommendation.
    pub recommend: f64,
    /// The actor who picks the candidate: the nominator, or the appointer or elector when
    /// nobody nominates.
    pub propose: f64,
    /// An actor whose approval the pick needs: a consent, or an election or appointment of a
    /// candidate someone else nominated.
    pub consent: f64,
    /// A consent whose holder may be dissolved by the proposer for refusing it.
    pub consent_under_threat: f64,
    /// The fraction of a channel's seats that counts for an actor who can dismiss its holders
    /// at will (0 = removal is only flagged, 1 = the holder serves wholly at that actor's
    /// pleasure).
    pub at_will_removal: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            recommend: 0.25,
            propose: 1.0,
            consent: 1.0,
            consent_under_threat: 0.5,
            at_will_removal: 0.0,
        }
    }
}

/// The largest value a weight may take; larger values say nothing a ratio of smaller ones
/// cannot, and bounding them keeps the arithmetic well away from overflow.
pub const MAX_WEIGHT: f64 = 1000.0;

/// The smallest weight above 0. Below it a weight prints as 0 in every report while still
/// deciding who holds a seat, and subnormal values lose precision in the shares.
pub const MIN_WEIGHT: f64 = 1e-6;

impl Weights {
    pub const NAMES: [&'static str; 5] = [
        "recommend",
        "propose",
        "consent",
        "consent_under_threat",
        "at_will_removal",
    ];

    pub fn get(&self, name: &str) -> Option<f64> {
        Some(match name {
            "recommend" => self.recommend,
            "propose" => self.propose,
            "consent" => self.consent,
            "consent_under_threat" => self.consent_under_threat,
            "at_will_removal" => self.at_will_removal,
            _ => return None,
        })
    }

    /// Sets a weight by name after checking its range; the error says what is allowed.
    pub fn set(&mut self, name: &str, value: f64) -> Result<(), String> {
        self.set_checked(name, value, true)
    }

    /// Sets a weight the analysis itself computes (a sweep's bisection, a range's band end):
    /// every check of [`Weights::set`] but the floor of [`MIN_WEIGHT`], which guards what a
    /// user writes, not the points between 0 and the next weight a sweep must be able to try.
    pub fn set_computed(&mut self, name: &str, value: f64) -> Result<(), String> {
        self.set_checked(name, value, false)
    }

    fn set_checked(&mut self, name: &str, value: f64, floor: bool) -> Result<(), String> {
        if !value.is_finite() || value < 0.0 {
            return Err(format!(
                "weight '{name}' must be a number >= 0, not {value}"
            ));
        }
        if name == "at_will_removal" && value > 1.0 {
            return Err(format!(
                "weight 'at_will_removal' is a fraction from 0 to 1, not {value}"
            ));
        }
        if value > MAX_WEIGHT {
            return Err(format!(
                "weight '{name}' must be at most {MAX_WEIGHT}, not {value}"
            ));
        }
        if floor && value > 0.0 && value < MIN_WEIGHT {
            return Err(format!(
                "weight '{name}' must be 0 or at least {MIN_WEIGHT:e}, not {value:e}: a smaller weight prints as 0 but counts"
            ));
        }
        if name == "propose" && value == 0.0 {
            return Err(
                "weight 'propose' must be above 0: a seat must go to whoever picks the candidate"
                    .to_string(),
            );
        }
        let slot = match name {
            "recommend" => &mut self.recommend,
            "propose" => &mut self.propose,
            "consent" => &mut self.consent,
            "consent_under_threat" => &mut self.consent_under_threat,
            "at_will_removal" => &mut self.at_will_removal,
            _ => {
                let hint = crate::diag::did_you_mean(name, Weights::NAMES.iter().copied())
                    .map(|s| format!("; did you mean '{s}'?"))
                    .unwrap_or_default();
                return Err(format!(
                    "unknown weight '{name}'{hint} (weights: {})",
                    Weights::NAMES.join(", ")
                ));
            }
        };
        *slot = value;
        Ok(())
    }

    /// Name-value pairs in a fixed order, for reports.
    pub fn pairs(&self) -> Vec<(&'static str, f64)> {
        Weights::NAMES
            .iter()
            .map(|n| (*n, self.get(n).unwrap_or_default()))
            .collect()
    }

    /// Parses `consent=0.5,recommend=0` on top of `self`.
    pub fn apply_spec(&mut self, spec: &str) -> Result<(), String> {
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, value) = part
                .split_once('=')
                .ok_or_else(|| format!("'{part}' is not of the form name=value"))?;
            let value: f64 = value
                .trim()
                .parse()
                .map_err(|_| format!("'{}' is not a number (in '{part}')", value.trim()))?;
            self.set(name.trim(), value)?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub actor: BodyId,
    pub role: StepRole,
    pub threshold: Option<String>,
    /// The voting rule, which sets the veto's strength (codebook R-VOTE).
    pub vote: Option<Vote>,
    pub note: String,
    /// Other defensible codings of this step (codebook R-ALT).
    pub alternatives: Vec<Alternative<StepChange>>,
}

impl Step {
    /// The strength of the veto this step gives when it ratifies another's pick.
    pub fn veto_strength(&self) -> f64 {
        self.vote
            .as_ref()
            .map_or(vote::DEFAULT_VETO_STRENGTH, Vote::veto_strength)
    }
}

/// How a group of a body's seats is filled: a chain of steps with its legal source.
#[derive(Debug, Clone, PartialEq)]
pub struct Channel {
    pub id: String,
    pub label: String,
    pub seats: u32,
    pub steps: Vec<Step>,
    pub mandate: Mandate,
    pub source: String,
    pub confidence: Confidence,
    pub note: String,
    /// Other defensible codings of the whole channel (codebook R-ALT).
    pub alternatives: Vec<Alternative<ChannelChange>>,
    /// `de_facto`: a way the seats are filled in practice; in the de facto layer a body's de
    /// facto channels, when it has any, replace its de jure ones (codebook R34).
    pub layer: Layer,
}

impl Channel {
    /// The step that picks the candidate: the nomination, or else the deciding step.
    pub fn proposer(&self) -> Option<&Step> {
        self.steps
            .iter()
            .find(|s| s.role == StepRole::Nominate)
            .or_else(|| self.steps.iter().find(|s| s.role.decides()))
    }
}

impl StepRole {
    /// Roles that fill the seat (one per channel).
    pub fn decides(self) -> bool {
        matches!(
            self,
            StepRole::Appoint | StepRole::Elect | StepRole::ExOfficio
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    pub id: BodyId,
    pub names: Names,
    pub branch: Branch,
    pub role: Option<Role>,
    pub seats: u32,
    /// The size is not fixed by law; `seats` is a modelling unit.
    pub seats_nominal: bool,
    pub independent: bool,
    pub non_partisan: bool,
    pub relatives_ban: bool,
    pub senior_post: bool,
    pub term_years: Option<f64>,
    pub registration: Option<Registration>,
    pub liability: Option<Vec<Liability>>,
    pub source: String,
    pub attribute_sources: BTreeMap<String, String>,
    pub confidence: Confidence,
    pub note: String,
    pub channels: Vec<Channel>,
    /// For an elected body: the features of its text that tie it to the head of state, each
    /// with its citation.
    pub alignment: BTreeMap<Alignment, String>,
    /// For the head of state: the powers beyond appointments the text grants, each with its
    /// citation.
    pub powers: BTreeMap<Power, String>,
    /// How the body takes its decisions; `None` is a simple majority of its members
    /// (codebook R33).
    pub decision: Option<Vote>,
    /// Groups of its seats that vote together (codebook R34).
    pub blocs: Vec<Bloc>,
}

/// A named group of a collegial body's seats whose holders vote together (codebook R34).
#[derive(Debug, Clone, PartialEq)]
pub struct Bloc {
    pub id: String,
    pub label: String,
    pub seats: u32,
    /// The seats it holds in each channel of its body; empty when the source does not say,
    /// and then its seats count as an average seat of the body.
    pub channels: BTreeMap<String, u32>,
    /// In the de facto layer, the actor the bloc votes with: its power counts for that actor
    /// instead of for those who fill its seats.
    pub aligned_with: Option<BodyId>,
    pub layer: Layer,
    pub source: String,
    pub confidence: Confidence,
    pub note: String,
}

impl Body {
    pub fn name(&self, lang: Lang) -> &str {
        self.names.get(lang)
    }

    /// The citation behind an attribute, falling back to the body's own source.
    pub fn attribute_source(&self, attribute: &str) -> &str {
        self.attribute_sources
            .get(attribute)
            .map(String::as_str)
            .unwrap_or(&self.source)
    }

    pub fn channel(&self, id: &str) -> Option<&Channel> {
        self.channels.iter().find(|c| c.id == id)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: BodyId,
    pub to: BodyId,
    pub kind: EdgeKind,
    /// The channel of `to` the edge applies to (e.g. only the Chair); `None` for all seats.
    pub channel: Option<String>,
    /// For `dissolve_on_refusal`: the body may be dissolved after refusing this many times.
    pub after_refusals: Option<u32>,
    /// For `dissolve_on_refusal`: the consents and elections whose refusal opens it.
    pub covers: Vec<Cover>,
    /// For a dissolution: when it may not be used.
    pub bars: String,
    pub threshold: Option<String>,
    pub source: String,
    pub confidence: Confidence,
    pub note: String,
    /// Other defensible codings of the edge (codebook R-ALT).
    pub alternatives: Vec<Alternative<EdgeChange>>,
    /// `de_facto`: a power exercised in practice that the law does not state (codebook R34).
    pub layer: Layer,
}

/// What a refusal-triggered dissolution covers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cover {
    /// Every step of this role (`consent`, `elect`) the target takes on the dissolver's pick.
    Role(StepRole),
    /// The named channel of a body.
    Channel { body: BodyId, channel: String },
}

impl Cover {
    /// Parses `"consent"`, `"elect"` or `"body/channel"`.
    pub fn parse(s: &str) -> Option<Cover> {
        match s.split_once('/') {
            Some((b, c)) if !b.is_empty() && !c.is_empty() => Some(Cover::Channel {
                body: b.to_string(),
                channel: c.to_string(),
            }),
            Some(_) => None,
            None => StepRole::parse(s)
                .filter(|r| {
                    matches!(
                        r,
                        StepRole::Consent
                            | StepRole::Elect
                            | StepRole::Appoint
                            | StepRole::Shortlist
                    )
                })
                .map(Cover::Role),
        }
    }

    /// Whether a step of `role` in `body`'s `channel` is covered.
    pub fn covers(&self, body: &str, channel: &str, role: StepRole) -> bool {
        match self {
            Cover::Role(r) => *r == role,
            Cover::Channel {
                body: b,
                channel: c,
            } => b == body && c == channel,
        }
    }
}

impl fmt::Display for Cover {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cover::Role(r) => write!(f, "{r}"),
            Cover::Channel { body, channel } => write!(f, "{body}/{channel}"),
        }
    }
}

impl Edge {
    /// Whether the edge covers seats of `channel` of its target.
    pub fn covers(&self, channel: &str) -> bool {
        self.channel.as_deref().is_none_or(|c| c == channel)
    }

    /// The identity reforms address an edge by.
    pub fn key(&self) -> EdgeKey {
        (
            self.from.clone(),
            self.kind,
            self.to.clone(),
            self.channel.clone(),
        )
    }

    /// Whether this edge has `key`, without building its own key: reform operations test
    /// every edge against one key, and cloning four fields per edge made that the cost.
    pub fn has_key(&self, key: &EdgeKey) -> bool {
        self.kind == key.1 && self.from == key.0 && self.to == key.2 && self.channel == key.3
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub meta: Meta,
    pub weights: Weights,
    /// The principals the dataset names; `None` means the default rule
    /// ([`Dataset::default_principals`]), re-applied whenever the dataset changes.
    pub principals: Option<Vec<BodyId>>,
    pub bodies: Vec<Body>,
    pub edges: Vec<Edge>,
    /// Where each body id first occurs in `bodies`, for [`Dataset::body`].
    pub index: BodyIndex,
    /// The translations of its prose ([`prose`]), read through [`Dataset::prose`].
    pub translations: prose::Prose,
}

/// The position of each body id in [`Dataset::bodies`], built on the first lookup, so that
/// finding a body by id costs O(1) instead of a scan (the flags, the names in every output
/// and the reform checks look bodies up once per edge, step or row: a scan made them
/// quadratic). `bodies` is public, so the index guards itself: a hit is used only if the body
/// at that position still has the id; a miss is trusted only while `bodies` has the length
/// the index was built at and no body was handed out mutably ([`Dataset::body_mut`], whose
/// caller may rename it); otherwise the lookup scans. Code that renames, removes or adds
/// bodies calls [`Dataset::reindex`] to keep lookups O(1).
///
/// It is keyed by the hash of each id rather than a copy of it (100,000 bodies: 100,000
/// strings fewer, about 5 MB): a hit is checked against the body anyway, and two ids of one
/// hash, which a hit's check then tells apart, only send a lookup to the scan.
#[derive(Default)]
pub struct BodyIndex {
    built: std::sync::OnceLock<(usize, rustc_hash::FxHashMap<u64, usize>)>,
    /// Set by `body_mut`: an id may have changed, so a miss must be checked by a scan.
    misses_unsure: bool,
}

/// The key of `id` in a [`BodyIndex`].
fn id_hash(id: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(id)
}

impl Clone for BodyIndex {
    /// A copy starts empty: clones are made to be changed, and rebuilding is linear.
    fn clone(&self) -> Self {
        BodyIndex::default()
    }
}

impl PartialEq for BodyIndex {
    /// A cache: two datasets are equal by their contents alone.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl fmt::Debug for BodyIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BodyIndex")
    }
}

impl Dataset {
    /// A string of the dataset's prose (a label, a note, a title) in `lang`: its translation
    /// from the dataset's catalogue, or the English where there is none. Every view and report
    /// in Russian or Kazakh prints the data's prose through this; JSON, CSV and GraphML keep
    /// the English, which is the coding.
    pub fn prose<'a>(&'a self, lang: Lang, en: &'a str) -> &'a str {
        self.translations.get(lang, en)
    }

    pub fn body(&self, id: &str) -> Option<&Body> {
        self.position(id).map(|i| &self.bodies[i])
    }

    /// How many edges the exports list: one per step of every seat channel, one per power
    /// edge (to size their vectors once).
    pub fn link_count(&self) -> usize {
        let steps: usize = self
            .bodies
            .iter()
            .flat_map(|b| &b.channels)
            .map(|c| c.steps.len())
            .sum();
        steps + self.edges.len()
    }

    pub fn body_mut(&mut self, id: &str) -> Option<&mut Body> {
        let i = self.position(id)?;
        // The caller may change the id.
        self.index.misses_unsure = true;
        self.bodies.get_mut(i)
    }

    /// Where the first body with `id` is in `bodies`.
    fn position(&self, id: &str) -> Option<usize> {
        let (len, index) = self.index.built.get_or_init(|| {
            let mut m = rustc_hash::FxHashMap::with_capacity_and_hasher(
                self.bodies.len(),
                Default::default(),
            );
            for (i, b) in self.bodies.iter().enumerate() {
                m.entry(id_hash(&b.id)).or_insert(i);
            }
            (self.bodies.len(), m)
        });
        let scan = || self.bodies.iter().position(|b| b.id == id);
        match index.get(&id_hash(id)) {
            Some(&i) if self.bodies.get(i).is_some_and(|b| b.id == id) => Some(i),
            Some(_) => scan(),
            None if *len == self.bodies.len() && !self.index.misses_unsure => None,
            None => scan(),
        }
    }

    /// Rebuilds the index of body ids on the next lookup, after bodies were removed or
    /// reordered.
    pub fn reindex(&mut self) {
        self.index = BodyIndex::default();
    }

    /// Adds a body at the end, keeping the index.
    pub fn push_body(&mut self, body: Body) {
        if let Some((len, m)) = self.index.built.get_mut()
            && *len == self.bodies.len()
        {
            m.entry(id_hash(&body.id)).or_insert(self.bodies.len());
            *len += 1;
        }
        self.bodies.push(body);
    }

    /// Tells the index that the body `from` (still so called) is now called `to`.
    pub fn renamed(&mut self, from: &str, to: &str) {
        let Some((_, m)) = self.index.built.get_mut() else {
            return;
        };
        let key = id_hash(from);
        match m.get(&key) {
            Some(&i) if self.bodies.get(i).is_some_and(|b| b.id == from) => {
                m.remove(&key);
                m.insert(id_hash(to), i);
            }
            // Another id of the same hash holds the entry: rebuilt on the next lookup.
            Some(_) => self.index = BodyIndex::default(),
            None => {}
        }
    }

    /// The name of a body in `lang`, or its id when it is unknown.
    pub fn name<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.body(id).map(|b| b.name(lang)).unwrap_or(id)
    }

    /// The principals in force: the dataset's own list or the default rule.
    pub fn principals(&self) -> Vec<BodyId> {
        match &self.principals {
            Some(p) => p.clone(),
            None => self.default_principals(),
        }
    }

    /// The body whose role is head of state, if any.
    pub fn head_of_state(&self) -> Option<&Body> {
        self.bodies
            .iter()
            .find(|b| b.role == Some(Role::HeadOfState))
    }

    /// The default principal rule: bodies nobody fills (such as the electorate), and bodies
    /// every one of whose channels the electorate decides directly.
    pub fn default_principals(&self) -> Vec<BodyId> {
        // A set, not a list: the test runs once per deciding step, and a dataset may have
        // many bodies nobody fills.
        let roots: rustc_hash::FxHashSet<&str> = self
            .bodies
            .iter()
            .filter(|b| b.channels.is_empty())
            .map(|b| b.id.as_str())
            .collect();
        self.bodies
            .iter()
            .filter(|b| {
                b.channels.is_empty()
                    || b.channels.iter().all(|c| {
                        c.steps
                            .iter()
                            .any(|s| s.role.decides() && roots.contains(s.actor.as_str()))
                    })
            })
            .map(|b| b.id.clone())
            .collect()
    }
}

impl Dataset {
    /// Rewrites every free-text field (names, labels, sources, notes, titles, thresholds,
    /// readings' arguments) as [`crate::diag::visible`] shows it, so that a text report built
    /// from the dataset cannot be broken by its data: a line break in a name reads `\n`
    /// instead of starting a forged report line. Ids and numbers are untouched, so the
    /// analysis of the result is the analysis of the original.
    pub fn make_visible(&mut self) {
        fn v(s: &mut String) {
            if let std::borrow::Cow::Owned(shown) = crate::diag::visible(s) {
                *s = shown;
            }
        }
        fn alt<C>(a: &mut [Alternative<C>]) {
            for a in a {
                v(&mut a.source);
                v(&mut a.argument);
            }
        }
        let m = &mut self.meta;
        for s in [&mut m.title, &mut m.jurisdiction, &mut m.note] {
            v(s);
        }
        for s in &mut m.sources {
            for f in [&mut s.title, &mut s.url, &mut s.note] {
                v(f);
            }
        }
        for b in &mut self.bodies {
            for s in [
                &mut b.names.en,
                &mut b.names.ru,
                &mut b.names.kk,
                &mut b.source,
                &mut b.note,
            ] {
                v(s);
            }
            b.attribute_sources.values_mut().for_each(v);
            b.alignment.values_mut().for_each(v);
            b.powers.values_mut().for_each(v);
            for c in &mut b.channels {
                v(&mut c.label);
                v(&mut c.source);
                v(&mut c.note);
                alt(&mut c.alternatives);
                for st in &mut c.steps {
                    v(&mut st.note);
                    st.threshold.iter_mut().for_each(v);
                    alt(&mut st.alternatives);
                }
            }
        }
        for e in &mut self.edges {
            for s in [&mut e.bars, &mut e.source, &mut e.note] {
                v(s);
            }
            e.threshold.iter_mut().for_each(v);
            alt(&mut e.alternatives);
        }
    }
}

//! Flags: rules over shares, control, tenure and attributes that point at concentrations of
//! power, each with a severity, a plain sentence, the number behind it and its legal sources.
//!
//! Complexity: one pass over the bodies and one over the edges, each rule reading bodies, their
//! analyses and incoming edges by their places in the analysis's index (each id hashed once
//! where a rule meets it; incoming edges in one flat vector by target) and roots through a set
//! of the few roots: O(bodies + channels + steps + edges) times the number of principals, plus
//! the final sort on places, O(flags log flags) with no id compared. A rule
//! decides whether it is raised before it builds its sentence.

/// A phrase's static [`Key`]: its catalogue id and its arguments' names, in the order the
/// rule adds them.
macro_rules! key {
    ($id:literal: $($name:literal),*) => {
        &$crate::model::i18n::Key {
            id: $id,
            names: &[$($name),*],
        }
    };
}

mod english;
mod single;

pub use english::Messages;

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt;
use std::sync::Arc;

use super::idmap::ByPlace;
use super::{Analysis, BodyAnalysis, Position};
use crate::model::i18n::{Arg, Key, Phrase};
use crate::model::numbers;
use crate::model::{
    Body, Branch, Channel, Dataset, Edge, EdgeKind, Lang, Liability, Registration, Role,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    High,
    Medium,
    Low,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    pub rule: &'static str,
    pub severity: Severity,
    pub body: Id,
    pub actor: Option<Id>,
    /// The channel's id.
    pub channel: Option<Id>,
    pub value: f64,
    /// The message's key and arguments: the sentence is worded when it is read
    /// ([`Flag::message`], [`Flag::message_in`]), in English as in the other languages.
    pub phrase: Phrase,
    /// The legal sources, each shared with the other flags that cite it, and the list itself
    /// shared by the flags that cite the same list (a body's channels, one text).
    pub sources: Arc<[Arc<str>]>,
}

/// An id a flag names, shared with the other flags and phrases that name it: at 100,000
/// bodies about 200,000 flags each held its body's and actor's ids as their own strings.
/// Reads as the `str` it holds (`f.body == "senate"`, `&*f.body`, `f.actor.as_deref()`).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(Arc<str>);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<Arc<str>> for Id {
    fn from(s: Arc<str>) -> Id {
        Id(s)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Id {
        Id(s.into())
    }
}

impl std::ops::Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Id> for str {
    fn eq(&self, other: &Id) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Id> for &str {
    fn eq(&self, other: &Id) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Id> for String {
    fn eq(&self, other: &Id) -> bool {
        **self == *other.0
    }
}

impl Flag {
    /// The rule's title, a sentence a reader understands (the id where no rule is listed).
    pub fn title(&self) -> &'static str {
        RULES
            .iter()
            .find(|r| r.id == self.rule)
            .map_or(self.rule, |r| r.title)
    }

    /// [`Flag::title`] in `lang`.
    pub fn title_in(&self, lang: Lang) -> &'static str {
        crate::model::i18n::lookup(lang, &format!("rule.{}", self.rule)).unwrap_or(self.title())
    }

    /// The message in `lang`, bodies named from `dataset` (the dataset the analysis was made
    /// of); the English message where the catalogue has no wording.
    pub fn message_in(&self, lang: Lang, dataset: &Dataset) -> String {
        self.phrase
            .render_with(
                lang,
                |id| dataset.name(id, lang).to_string(),
                |s| dataset.prose(lang, s).to_string(),
            )
            .unwrap_or_else(|| self.message(dataset))
    }

    /// What identifies a flag across two analyses (for before/after comparisons).
    pub fn key(&self) -> (&'static str, &str, Option<&str>, Option<&str>) {
        (
            self.rule,
            self.body.as_str(),
            self.actor.as_deref(),
            self.channel.as_deref(),
        )
    }
}

/// A rule's id, how to read it and what raises it; the README and the TUI help list these.
pub struct Rule {
    pub id: &'static str,
    pub title: &'static str,
    pub raised_when: &'static str,
}

pub const RULES: &[Rule] = &[
    Rule {
        id: "independent_majority",
        title: "A principal holds a majority of a body meant to be independent",
        raised_when: "a body marked `independent` has one principal (other than the electorate) with integrated control above 50% (high)",
    },
    Rule {
        id: "independent_largest_bloc",
        title: "A principal holds the largest bloc of a body meant to be independent",
        raised_when: "no majority, but one principal (other than the electorate) holds the largest share, at least a third (medium)",
    },
    Rule {
        id: "appoint_dismiss_at_will",
        title: "The same actor picks and can dismiss at will",
        raised_when: "an actor proposes a channel's holders and can dismiss them at will: they serve at its pleasure (high for independent bodies, low otherwise)",
    },
    Rule {
        id: "removable_at_will",
        title: "Members of an independent body removable at will",
        raised_when: "an actor that does not pick them can dismiss members of an independent body at will (high)",
    },
    Rule {
        id: "self_confirmation",
        title: "Appointment confirmed by a body the appointer partly fills",
        raised_when: "the proposer of a channel holds a stake (direct seats or integrated control) in the body whose consent the channel needs (high from 50%, medium below)",
    },
    Rule {
        id: "overseer_formed_by_overseen",
        title: "An overseer formed by the body it oversees",
        raised_when: "a body that holds to account, audits, investigates, impeaches, reviews or can vote no confidence in another is, for at least 25%, filled by that body or by the principals that control it, unless it fills part of that body itself (high from 50%)",
    },
    Rule {
        id: "dissolves_elected_body",
        title: "Power to dissolve an elected body",
        raised_when: "an actor other than the voters can dissolve a body the voters fill for at least half (medium)",
    },
    Rule {
        id: "consent_under_threat",
        title: "Consent given under threat of dissolution",
        raised_when: "a veto holder may be dissolved by the proposer for refusing: a dissolution on refusal that covers the step, or any dissolution at will when the at-will option is on (high); the weight `consent_under_threat` counts such consents",
    },
    Rule {
        id: "imperative_mandate",
        title: "Imperative mandate",
        raised_when: "a seat is lost on leaving the nominating party, so the party holds it between elections (medium)",
    },
    Rule {
        id: "unaccountable",
        title: "A body that answers to no one",
        raised_when: "no edge holds the body to account, dismisses, impeaches, audits, investigates or dissolves it, and the voters do not elect it (medium; low for independent bodies)",
    },
    Rule {
        id: "non_partisan_gap",
        title: "A post not covered by the non-partisanship rule",
        raised_when: "an independent body, or the head of state's administration, is not required to be non-partisan (medium)",
    },
    Rule {
        id: "relatives_ban_gap",
        title: "A senior post not covered by the relatives ban",
        raised_when: "a body marked `senior_post` is not covered by a ban on its holder's relatives in leading posts (low)",
    },
    Rule {
        id: "party_registration_permit",
        title: "Party registration by permit",
        raised_when: "parties exist only once the state registers them, so the registering authority can keep a party out (medium)",
    },
    Rule {
        id: "judicial_liability_gap",
        title: "Judges without financial liability",
        raised_when: "a court's declared liability of judges lacks financial liability for unlawful decisions (low)",
    },
    Rule {
        id: "single_point_of_control",
        title: "Every chain of appointment passes through one actor",
        raised_when: "one actor other than the body itself and the roots nobody fills (the electorate) lies on every chain of binding picks and consents from the principals to the body, codebook R32 (high for independent bodies, low otherwise)",
    },
];

const LARGEST_BLOC_MIN: f64 = 1.0 / 3.0;
const OVERSIGHT_STAKE_MIN: f64 = 0.25;

/// The flags' order: severity, then body, rule, actor and channel as their ids' strings
/// compare (the sort by positions gives the same order without reading the strings).
pub(super) fn by_ids(a: &Flag, b: &Flag) -> std::cmp::Ordering {
    a.severity
        .cmp(&b.severity)
        .then_with(|| a.body.cmp(&b.body))
        .then_with(|| a.rule.cmp(b.rule))
        .then_with(|| a.actor.cmp(&b.actor))
        .then_with(|| a.channel.cmp(&b.channel))
}

pub fn evaluate(dataset: &Dataset, analysis: &Analysis) -> Vec<Flag> {
    let index = &analysis.index;
    let places = index.ids().len();
    // Edges by the place of their target (in the order of the dataset), as offsets into
    // one flat vector; a target that has no place (no actor of the analysis) is listed by id.
    let mut unplaced: FxHashMap<&str, Vec<&Edge>> = FxHashMap::default();
    let to: Vec<Option<u32>> = dataset.edges.iter().map(|e| index.place(&e.to)).collect();
    let incoming = ByPlace::new(places, &to, |i| {
        let e = &dataset.edges[i as usize];
        unplaced.entry(e.to.as_str()).or_default().push(e);
    });
    let roots: FxHashSet<&str> = dataset
        .bodies
        .iter()
        .filter(|b| b.channels.is_empty())
        .map(|b| b.id.as_str())
        .collect();
    let principal_root = analysis
        .principal_ids
        .iter()
        .map(|p| roots.contains(p.as_str()))
        .collect();
    let mut principal_at = vec![u32::MAX; places];
    for (k, p) in (0..).zip(analysis.principal_ids.iter()) {
        if let Some(place) = index.place(p) {
            principal_at[place as usize] = k;
        }
    }
    // The place of each body by position, read off the index rather than looked up by id per
    // flag; a body whose id another body repeats (a file the checks refuse) is looked up.
    let mut body_places = vec![u32::MAX; dataset.bodies.len()];
    for (place, &i) in (0..).zip(index.positions()) {
        if let Some(slot) = body_places.get_mut(i) {
            *slot = place;
        }
    }
    // Sized once: at 100,000 bodies the flags (168 bytes each, about two per body that has
    // channels) grew by doubling through 30 MB, each step a copy into fresh pages. Room
    // beyond the count is address space only, and the sort's shrink then keeps the block.
    let filled = dataset
        .bodies
        .iter()
        .filter(|b| !b.channels.is_empty())
        .count();
    let expected = 2 * filled + dataset.edges.len() / 8;
    let mut ctx = Ctx {
        dataset,
        analysis,
        roots,
        principal_root,
        principal_at,
        incoming,
        unplaced,
        shared: RefCell::default(),
        out: Vec::with_capacity(expected),
        keys: Vec::with_capacity(expected),
        current: None,
        current_position: 0,
        edge_to: to,
        by_place: RefCell::new(vec![None; places]),
        channel_sources: RefCell::new(vec![None; dataset.bodies.len()]),
        scratch: RefCell::default(),
    };
    for (i, ((body, a), &place)) in dataset
        .bodies
        .iter()
        .zip(&analysis.bodies)
        .zip(&body_places)
        .enumerate()
    {
        if body.channels.is_empty() {
            continue;
        }
        ctx.current_position = i;
        ctx.current = Some(match place {
            u32::MAX => index.place(&body.id).unwrap_or(u32::MAX),
            p => p,
        });
        ctx.independence(body, a);
        ctx.tenure(body, a);
        ctx.confirmation(body, a);
        ctx.mandates(body, a);
        ctx.accountability(body, a);
        ctx.attributes(body);
        ctx.single_point(body, a);
    }
    ctx.current = None;
    ctx.oversight();
    ctx.dissolution();
    let Ctx {
        out, shared, keys, ..
    } = ctx;
    drop(shared);
    sort(out, keys)
}

/// The flags in their order: severity, body, rule, actor, channel (ids compared as strings),
/// the order they were raised in between equals. Ids are compared by their places in the
/// analysis's sorted table of ids (`keys`: body and actor place of each flag, found when it was
/// raised), which order them as their strings do; when an id has no place the strings are
/// compared. The flags are put in order where they are, by following the permutation's
/// cycles: no second vector of 200,000 flags at 100,000 bodies.
fn sort(mut flags: Vec<Flag>, keys: Vec<Option<(u32, u32)>>) -> Vec<Flag> {
    // The rules by their ids' order, so that a rule compares as a number.
    let mut rules: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    rules.sort_unstable();
    // (severity, body place, rule, actor place) in one integer, compared at once.
    let keys: Option<Vec<u128>> = flags
        .iter()
        .zip(&keys)
        .map(|(f, k)| {
            let (body, actor) = (*k)?;
            let rule = rules.binary_search(&f.rule).ok()?;
            Some(
                (f.severity as u128) << 72
                    | u128::from(body) << 40
                    | (rule as u128) << 32
                    | u128::from(actor),
            )
        })
        .collect();
    match keys {
        Some(keys) => {
            let mut order: Vec<u32> = (0..flags.len() as u32).collect();
            // Unstable, with the position last: the order a stable sort gives.
            order.sort_unstable_by(|&x, &y| {
                let (a, b) = (&flags[x as usize], &flags[y as usize]);
                keys[x as usize]
                    .cmp(&keys[y as usize])
                    .then_with(|| a.channel.cmp(&b.channel))
                    .then(x.cmp(&y))
            });
            drop(keys);
            permute(&mut flags, &mut order);
        }
        None => flags.sort_by(by_ids),
    }
    // The flags live until the reports are written, and at 100,000 bodies there are about
    // 200,000: the slack one-by-one pushes leave is tens of megabytes (the phrases and the
    // sources are made at their size).
    for f in &mut flags {
        f.phrase.args.shrink_to_fit();
    }
    flags.shrink_to_fit();
    flags
}

/// Puts `v[order[k]]` at `k` for every `k`, in place, by swaps along each cycle of the
/// permutation; `order` is used up (each visited entry is marked `u32::MAX`).
fn permute<T>(v: &mut [T], order: &mut [u32]) {
    for i in 0..order.len() {
        if order[i] == u32::MAX {
            continue;
        }
        let mut j = i;
        loop {
            let k = order[j] as usize;
            order[j] = u32::MAX;
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

/// The sources a flag cites, each shared with the other flags that cite it.
type Sources = Arc<[Arc<str>]>;

struct Ctx<'a> {
    dataset: &'a Dataset,
    analysis: &'a Analysis,
    /// The bodies nobody fills: few, so that the test a rule makes per principal and per edge
    /// reads a small table that stays in cache.
    roots: FxHashSet<&'a str>,
    /// Per place of [`Analysis::principal_ids`]: whether that principal is a root.
    principal_root: Vec<bool>,
    /// Per place of the analysis's index: the place of that id in
    /// [`Analysis::principal_ids`], `u32::MAX` for an actor that is no principal.
    principal_at: Vec<u32>,
    /// Edges by target: the positions of those to the actor at place `p` of the analysis's
    /// index, in the dataset's order.
    incoming: ByPlace,
    /// Edges to targets that have no place, by target.
    unplaced: FxHashMap<&'a str, Vec<&'a Edge>>,
    /// The texts the flags name that have no place in the analysis's index (channels' ids,
    /// actors that are no body), each allocated once and shared by every flag that names it.
    /// Ids with a place are shared through `by_place`, and sources are not looked up at all:
    /// a map of every id and source by its text was 17 MB and half a million hashed strings
    /// at 100,000 bodies, where sources are cited once or twice each.
    shared: RefCell<FxHashMap<&'a str, Arc<str>>>,
    out: Vec<Flag>,
    /// Per flag of `out`: the places of its body and of its actor (plus one, 0 for none),
    /// `None` when either has no place; what the sort orders by.
    keys: Vec<Option<(u32, u32)>>,
    /// The place of the body the per-body rules are reading (`u32::MAX` if it has none).
    current: Option<u32>,
    /// Its position.
    current_position: usize,
    /// The place of each edge's target (`None`: no place), in the dataset's order.
    edge_to: Vec<Option<u32>>,
    /// The shared id at each place, once a flag named it: ids whose place is known are not
    /// hashed again.
    by_place: RefCell<Vec<Option<Arc<str>>>>,
    /// Per body position, the sources of its channels, each once, in the channels' order:
    /// the oversight rule cites them for every edge from the body.
    channel_sources: RefCell<Vec<Option<Sources>>>,
    /// The sources of the flag being built, before they are copied to their size.
    scratch: RefCell<Vec<Arc<str>>>,
}

impl<'a> Ctx<'a> {
    /// The id `id`, shared with every other flag that names it.
    fn share(&self, id: &'a str) -> Arc<str> {
        self.share_at(self.place(id), id)
    }

    /// The text `s`, shared with every other flag that names it, by the text: for what has no
    /// place in the index (a channel's id, an actor that is no body).
    fn text(&self, s: &'a str) -> Arc<str> {
        Arc::clone(
            self.shared
                .borrow_mut()
                .entry(s)
                .or_insert_with(|| Arc::from(s)),
        )
    }

    /// [`Ctx::share`] `id`, whose place is `place`.
    fn share_at(&self, place: Option<u32>, id: &'a str) -> Arc<str> {
        let Some(p) = place else {
            return self.text(id);
        };
        let mut cache = self.by_place.borrow_mut();
        match &mut cache[p as usize] {
            Some(a) => Arc::clone(a),
            slot => Arc::clone(slot.insert(Arc::from(id))),
        }
    }

    /// [`Ctx::share`] the id of the body the per-body rules are reading.
    fn share_current(&self, id: &'a str) -> Arc<str> {
        match self.current {
            Some(u32::MAX) | None => self.share(id),
            place => self.share_at(place, id),
        }
    }

    /// The place of the actor `id` and its id shared: one lookup by id for the flag's actor,
    /// its sort key and its phrase.
    fn actor(&self, id: &'a str) -> (Option<u32>, Arc<str>) {
        let place = self.place(id);
        (place, self.share_at(place, id))
    }

    /// `id`, shared, as a flag holds it.
    fn id(&self, id: &'a str) -> Id {
        Id(self.share(id))
    }

    /// A channel's id, shared, as a flag holds it.
    fn channel_id(&self, id: &'a str) -> Id {
        Id(self.text(id))
    }

    /// [`Ctx::id`] of the body the per-body rules are reading.
    fn id_current(&self, id: &'a str) -> Id {
        Id(self.share_current(id))
    }

    /// The sources of the channels of the body at position `i` (each once, in the channels'
    /// order), found once per body and shared by the flags that cite them all.
    fn channel_sources(&self, i: usize) -> Sources {
        if let Some(v) = &self.channel_sources.borrow()[i] {
            return Arc::clone(v);
        }
        let mut v = Vec::new();
        for c in &self.dataset.bodies[i].channels {
            self.push_source(&mut v, &c.source);
        }
        let v = self.list(v);
        self.channel_sources.borrow_mut()[i] = Some(Arc::clone(&v));
        v
    }

    /// Adds the source `s` to `v` unless it is there.
    fn push_source(&self, v: &mut Vec<Arc<str>>, s: &'a str) {
        if !v.iter().any(|x| **x == *s) {
            v.push(Arc::from(s));
        }
    }

    /// The one source `s`, as a flag holds it.
    fn sources(&self, s: &'a str) -> Sources {
        Arc::new([Arc::from(s)])
    }

    /// The sources `v` as a flag holds them: one allocation of their size.
    fn list(&self, v: Vec<Arc<str>>) -> Sources {
        v.into()
    }

    /// The place of `id` in the analysis's index.
    fn place(&self, id: &str) -> Option<u32> {
        self.analysis.index.place(id)
    }

    /// Adds a flag raised by a per-body rule: its body is the body being read, whose place
    /// is known; the actor is looked up.
    fn raise(&mut self, flag: Flag) {
        let body = match self.current {
            Some(u32::MAX) => None,
            Some(p) => Some(p),
            None => self.place(&flag.body),
        };
        let actor = match &flag.actor {
            Some(a) => self.place(a).map(|p| p + 1),
            None => Some(0),
        };
        self.keys.push(body.zip(actor));
        self.out.push(flag);
    }

    /// Adds a flag raised by a per-body rule whose actor's place the rule already found.
    fn raise_with_actor(&mut self, flag: Flag, actor: Option<u32>) {
        let body = match self.current {
            Some(u32::MAX) => None,
            Some(p) => Some(p),
            None => self.place(&flag.body),
        };
        self.raise_placed(flag, body, actor);
    }

    /// Adds a flag whose body's and actor's places the rule already found.
    fn raise_placed(&mut self, flag: Flag, body: Option<u32>, actor: Option<u32>) {
        let actor = match &flag.actor {
            Some(_) => actor.map(|p| p + 1),
            None => Some(0),
        };
        self.keys.push(body.zip(actor));
        self.out.push(flag);
    }

    /// The position of the body at `place`.
    fn position_at(&self, place: Option<u32>) -> Option<usize> {
        let i = *self.analysis.index.positions().get(place? as usize)?;
        (i != usize::MAX).then_some(i)
    }

    fn body(&self, id: &str) -> Option<&'a Body> {
        self.position_at(self.place(id))
            .map(|i| &self.dataset.bodies[i])
    }

    fn edges_to(&self, id: &str) -> impl Iterator<Item = &'a Edge> + use<'a, '_> {
        self.edges_to_placed(self.place(id), id)
    }

    /// [`Ctx::edges_to`] the body the per-body rules are reading, by its known place.
    fn edges_to_current(&self, id: &str) -> impl Iterator<Item = &'a Edge> + use<'a, '_> {
        let place = match self.current {
            Some(u32::MAX) => None,
            Some(p) => Some(p),
            None => self.place(id),
        };
        self.edges_to_placed(place, id)
    }

    /// [`Ctx::edges_to`] `id`, whose place is `place`.
    fn edges_to_placed(
        &self,
        place: Option<u32>,
        id: &str,
    ) -> impl Iterator<Item = &'a Edge> + use<'a, '_> {
        let edges = &self.dataset.edges;
        let (placed, unplaced): (&[u32], &[&'a Edge]) = match place {
            Some(p) => (self.incoming.at(p), &[]),
            None => (&[], self.unplaced.get(id).map_or(&[], Vec::as_slice)),
        };
        placed
            .iter()
            .map(|&i| &edges[i as usize])
            .chain(unplaced.iter().copied())
    }

    fn is_root(&self, id: &str) -> bool {
        self.roots.contains(id)
    }

    fn body_analysis(&self, id: &str) -> Option<&'a BodyAnalysis> {
        self.position_at(self.place(id))
            .and_then(|i| self.analysis.bodies.get(i))
    }

    /// The stake `holder` has in `body`: its direct seats as a fraction, or its integrated
    /// control when it is a principal, whichever is larger.
    fn stake(&self, holder: &str, body: &str) -> f64 {
        match self.position_at(self.place(body)) {
            Some(i) => self.stake_at(holder, self.place(holder), i),
            None => 0.0,
        }
    }

    /// [`Ctx::stake`] in the body at position `i`, `place` being the place of `holder` in the
    /// analysis's index.
    fn stake_at(&self, holder: &str, place: Option<u32>, i: usize) -> f64 {
        let (Some(b), Some(a)) = (self.dataset.bodies.get(i), self.analysis.bodies.get(i)) else {
            return 0.0;
        };
        let direct = a
            .direct
            .get_placed(self.analysis.index.ids(), place, holder)
            .copied()
            .unwrap_or(0.0)
            / f64::from(b.seats);
        // The holder's control by its place among the principals (the rule reads it for
        // every oversight edge), by its id when it has no place.
        let control = match place {
            Some(p) => {
                let principal = self
                    .principal_at
                    .get(p as usize)
                    .copied()
                    .filter(|&k| k != u32::MAX);
                a.control
                    .get_placed(&self.analysis.principal_ids, principal, holder)
                    .copied()
                    .unwrap_or(0.0)
            }
            None => a.control_of(holder),
        };
        direct.max(control)
    }

    fn independence(&mut self, body: &'a Body, a: &'a BodyAnalysis) {
        if !body.independent {
            return;
        }
        let Some((p, share)) = a.largest() else {
            return;
        };
        if self.is_root(p) {
            return;
        }
        let second = a
            .control
            .iter()
            .filter(|(k, _)| k.as_str() != p)
            .map(|(_, v)| *v)
            .fold(0.0, f64::max);
        // Decided before the sentence is built: most bodies raise neither rule.
        let (rule, severity) = if numbers::majority(share) {
            ("independent_majority", Severity::High)
        } else if numbers::at_least(share, LARGEST_BLOC_MIN) && share > second + numbers::SAME {
            ("independent_largest_bloc", Severity::Medium)
        } else {
            return;
        };
        let via = a.via.get(p);
        let direct = via.and_then(|v| v.get(p)).copied().unwrap_or(0.0);
        // Each intermediary with its place when the map is over the index's table: its id is
        // then shared without a lookup.
        let mut through: Vec<(Option<u32>, &str, f64)> = via
            .map(|v| {
                let placed = Arc::ptr_eq(v.ids(), self.analysis.index.ids());
                v.entries()
                    .iter()
                    .map(|&(place, x)| {
                        (placed.then_some(place), v.ids()[place as usize].as_str(), x)
                    })
                    .filter(|(_, k, _)| *k != p)
                    .collect()
            })
            .unwrap_or_default();
        through.sort_by(|x, y| y.2.total_cmp(&x.2));
        let (p_place, who) = self.actor(p);
        let sources = self.channel_sources(self.current_position);
        let key = match (rule, through.is_empty()) {
            ("independent_majority", true) => {
                key!("flag.independent_majority": "who", "body", "share", "direct", "through")
            }
            ("independent_majority", false) => {
                key!("flag.independent_majority.through": "who", "body", "share", "direct", "through")
            }
            (_, true) => {
                key!("flag.independent_largest_bloc": "who", "body", "share", "direct", "through")
            }
            (_, false) => {
                key!("flag.independent_largest_bloc.through": "who", "body", "share", "direct", "through")
            }
        };
        let phrase = phrase(key)
            .body("who", Arc::clone(&who))
            .body("body", self.share_current(&body.id))
            .pct("share", share)
            .pct("direct", direct)
            .arg(
                "through",
                Arg::Through(
                    through
                        .iter()
                        .map(|&(place, k, x)| (x, self.share_at(place, k)))
                        .collect(),
                ),
            );
        self.raise_with_actor(
            Flag {
                rule,
                severity,
                body: self.id_current(&body.id),
                actor: Some(Id(who)),
                channel: None,
                value: share,
                phrase,
                sources,
            },
            p_place,
        );
    }

    fn tenure(&mut self, body: &'a Body, a: &'a BodyAnalysis) {
        // Group by remover so that one actor gets one flag per body.
        let mut removers: Vec<&str> = a
            .channels
            .iter()
            .flat_map(|c| c.removers.iter().map(String::as_str))
            .collect();
        removers.sort_unstable();
        removers.dedup();
        for r in removers {
            if self.is_root(r) {
                continue; // voters recalling their own deputies concentrate nothing
            }
            let edges: Vec<&Edge> = self
                .edges_to_current(&body.id)
                .filter(|e| e.kind == EdgeKind::DismissAtWill && e.from == r)
                .collect();
            if edges.is_empty() {
                continue; // imperative mandates have their own rule
            }
            let mut picked = 0u32;
            let mut covered = 0u32;
            let mut sources = Vec::new();
            for (c, ch) in a.channels.iter().zip(&body.channels) {
                if !c.removers.iter().any(|x| x == r) {
                    continue;
                }
                covered += c.seats;
                if c.proposer == r {
                    picked += c.seats;
                    self.push_source(&mut sources, &ch.source);
                }
            }
            for e in &edges {
                self.push_source(&mut sources, &e.source);
            }
            if picked == 0 && !body.independent {
                continue;
            }
            let sources = self.list(sources);
            let single = body.seats == 1;
            let (r_place, who) = self.actor(r);
            if picked > 0 {
                self.raise_with_actor(Flag {
                    rule: "appoint_dismiss_at_will",
                    severity: if body.independent {
                        Severity::High
                    } else {
                        Severity::Low
                    },
                    body: self.id_current(&body.id),
                    actor: Some(Id(Arc::clone(&who))),
                    channel: None,
                    value: f64::from(picked),
                    phrase: phrase(if single {
                            key!("flag.appoint_dismiss_at_will.one": "who", "body", "picked", "seats", "covered")
                        } else {
                            key!("flag.appoint_dismiss_at_will.many": "who", "body", "picked", "seats", "covered")
                        },
                    )
                    .body("who", Arc::clone(&who))
                    .body("body", self.share_current(&body.id))
                    .count("picked", picked)
                    .count("seats", body.seats)
                    .count("covered", covered),
                    sources,
                }, r_place);
            } else if body.independent {
                self.raise_with_actor(
                    Flag {
                        rule: "removable_at_will",
                        severity: Severity::High,
                        body: self.id_current(&body.id),
                        actor: Some(Id(Arc::clone(&who))),
                        channel: None,
                        value: f64::from(covered),
                        phrase: phrase(if single {
                            key!("flag.removable_at_will.one": "who", "body", "seats", "covered")
                        } else {
                            key!("flag.removable_at_will.many": "who", "body", "seats", "covered")
                        })
                        .body("who", who)
                        .body("body", self.share_current(&body.id))
                        .count("seats", body.seats)
                        .count("covered", covered),
                        sources,
                    },
                    r_place,
                );
            }
        }
    }

    fn confirmation(&mut self, body: &'a Body, a: &'a BodyAnalysis) {
        for (c, ch) in a.channels.iter().zip(&body.channels) {
            for share in &c.shares {
                if !share.position.is_veto() || share.actor == c.proposer {
                    continue;
                }
                let stake = self.stake(&c.proposer, &share.actor);
                if stake > 1e-9 {
                    let mut sources = vec![Arc::from(ch.source.as_str())];
                    if let Some(rb) = self.body(&share.actor) {
                        for rc in &rb.channels {
                            if rc.steps.iter().any(|s| s.actor == c.proposer) {
                                self.push_source(&mut sources, &rc.source);
                            }
                        }
                    }
                    let sources = self.list(sources);
                    self.raise(Flag {
                        rule: "self_confirmation",
                        severity: if numbers::at_least(stake, 0.5) {
                            Severity::High
                        } else {
                            Severity::Medium
                        },
                        body: self.id_current(&body.id),
                        actor: Some(self.id(&c.proposer)),
                        channel: Some(self.channel_id(&c.channel)),
                        value: stake,
                        phrase: phrase(key!("flag.self_confirmation": "who", "body", "channel", "seats", "confirmer", "stake"))
                            .body("who", self.share(&c.proposer))
                            .body("body", self.share_current(&body.id))
                            .text("channel", channel_label(ch))
                            .count("seats", c.seats)
                            .body("confirmer", self.share(&share.actor))
                            .pct("stake", stake),
                        sources,
                    });
                }
                if share.position == Position::RatifyUnderThreat {
                    // The derivation (analysis::shares) names the dissolution it rests on:
                    // one on refusal, or, with the at-will option on, a general power.
                    let edge = self
                        .edges_to(&share.actor)
                        .find(|e| e.kind == EdgeKind::DissolveOnRefusal && e.from == c.proposer);
                    let general = self
                        .edges_to(&share.actor)
                        .find(|e| e.kind == EdgeKind::Dissolve && e.from == c.proposer);
                    let refusals = edge.and_then(|e| e.after_refusals);
                    let mut sources = vec![Arc::from(ch.source.as_str())];
                    if let Some(e) = edge.or(general) {
                        self.push_source(&mut sources, &e.source);
                    }
                    let sources = self.list(sources);
                    self.raise(Flag {
                        rule: "consent_under_threat",
                        severity: Severity::High,
                        body: self.id_current(&body.id),
                        actor: Some(self.id(&share.actor)),
                        channel: Some(self.channel_id(&c.channel)),
                        value: f64::from(c.seats),
                        phrase: phrase(match refusals {
                                Some(_) => key!("flag.consent_under_threat.refusals": "who", "proposer", "body", "channel", "seats", "refusals"),
                                None => key!("flag.consent_under_threat.at_will": "who", "proposer", "body", "channel", "seats", "refusals"),
                            },
                        )
                        .body("who", self.share(&share.actor))
                        .body("proposer", self.share(&c.proposer))
                        .body("body", self.share_current(&body.id))
                        .text("channel", channel_label(ch))
                        .count("seats", c.seats)
                        .count("refusals", refusals.unwrap_or(0)),
                        sources,
                    });
                }
            }
        }
    }

    fn mandates(&mut self, body: &'a Body, a: &'a BodyAnalysis) {
        for (c, ch) in a.channels.iter().zip(&body.channels) {
            if ch.mandate != crate::model::Mandate::Imperative {
                continue;
            }
            let party = ch
                .steps
                .iter()
                .find(|s| s.role == crate::model::StepRole::Nominate)
                .map(|s| s.actor.as_str());
            self.raise(Flag {
                rule: "imperative_mandate",
                severity: Severity::Medium,
                body: self.id_current(&body.id),
                actor: party.map(|p| self.id(p)),
                channel: Some(self.channel_id(&c.channel)),
                value: f64::from(c.seats),
                phrase: match party {
                    Some(p) => {
                        phrase(key!("flag.imperative_mandate.party": "party", "body", "n", "seats"))
                            .body("party", self.share(p))
                    }
                    None => phrase(key!("flag.imperative_mandate": "body", "n", "seats")),
                }
                .body("body", self.share_current(&body.id))
                .count("n", c.seats)
                .count("seats", body.seats),
                sources: self.sources(&ch.source),
            });
        }
    }

    fn accountability(&mut self, body: &'a Body, a: &'a BodyAnalysis) {
        let answers = self
            .edges_to_current(&body.id)
            .any(|e| e.from != body.id && e.kind.is_accountability())
            || !a.removable_at_will_by.is_empty();
        let elected = body.channels.iter().any(|c| {
            c.steps
                .iter()
                .any(|s| s.role.decides() && self.is_root(&s.actor))
        });
        if answers || elected || matches!(body.branch, Branch::Society | Branch::Electorate) {
            return;
        }
        self.raise(Flag {
            rule: "unaccountable",
            severity: if body.independent {
                Severity::Low
            } else {
                Severity::Medium
            },
            body: self.id_current(&body.id),
            actor: None,
            channel: None,
            value: 0.0,
            phrase: phrase(key!("flag.unaccountable": "body"))
                .body("body", self.share_current(&body.id)),
            sources: self.sources(&body.source),
        });
    }

    fn attributes(&mut self, body: &'a Body) {
        let is_admin = body.role == Some(Role::Administration);
        if (body.independent || is_admin) && !body.non_partisan {
            self.raise(Flag {
                rule: "non_partisan_gap",
                severity: Severity::Medium,
                body: self.id_current(&body.id),
                actor: None,
                channel: None,
                value: 0.0,
                phrase: phrase(match (body.seats == 1, is_admin) {
                    (true, true) => key!("flag.non_partisan_gap.one.admin": "body"),
                    (true, false) => key!("flag.non_partisan_gap.one": "body"),
                    (false, true) => key!("flag.non_partisan_gap.many.admin": "body"),
                    (false, false) => key!("flag.non_partisan_gap.many": "body"),
                })
                .body("body", self.share_current(&body.id)),
                sources: self.sources(body.attribute_source("non_partisan")),
            });
        }
        if body.senior_post && !body.relatives_ban {
            self.raise(Flag {
                rule: "relatives_ban_gap",
                severity: Severity::Low,
                body: self.id_current(&body.id),
                actor: None,
                channel: None,
                value: 0.0,
                phrase: phrase(key!("flag.relatives_ban_gap": "body"))
                    .body("body", self.share_current(&body.id)),
                sources: self.sources(body.attribute_source("relatives_ban")),
            });
        }
        if body.registration == Some(Registration::Permit) {
            let gatekeeper = body
                .channels
                .iter()
                .flat_map(|c| &c.steps)
                .find(|s| s.role == crate::model::StepRole::Consent)
                .map(|s| s.actor.as_str());
            self.raise(Flag {
                rule: "party_registration_permit",
                severity: Severity::Medium,
                body: self.id_current(&body.id),
                actor: gatekeeper.map(|g| self.id(g)),
                channel: None,
                value: 0.0,
                phrase: match gatekeeper {
                    Some(g) => phrase(key!("flag.party_registration_permit": "who", "body"))
                        .body("who", self.share(g)),
                    None => phrase(key!("flag.party_registration_permit.authority": "body")),
                }
                .body("body", self.share_current(&body.id)),
                sources: self.sources(body.attribute_source("registration")),
            });
        }
        if let Some(liability) = &body.liability
            && !liability.contains(&Liability::Financial)
        {
            let kinds: Vec<&str> = liability.iter().map(|l| l.as_str()).collect();
            self.raise(Flag {
                rule: "judicial_liability_gap",
                severity: Severity::Low,
                body: self.id_current(&body.id),
                actor: None,
                channel: None,
                value: 0.0,
                phrase: phrase(if kinds.is_empty() {
                    key!("flag.judicial_liability_gap.none": "body", "kinds")
                } else {
                    key!("flag.judicial_liability_gap": "body", "kinds")
                })
                .body("body", self.share_current(&body.id))
                .arg("kinds", Arg::Words(Box::new(("liability", kinds.into())))),
                sources: self.sources(body.attribute_source("liability")),
            });
        }
    }

    fn oversight(&mut self) {
        let dataset = self.dataset;
        let analysis = self.analysis;
        let ids = analysis.index.ids();
        let pids = &analysis.principal_ids;
        let edge_to = std::mem::take(&mut self.edge_to);
        for (e, &to_place) in dataset.edges.iter().zip(&edge_to) {
            if !e.kind.is_oversight() || e.from == e.to {
                continue;
            }
            // Each end looked up once, by its place (the target's when the edges were indexed):
            // the rule reads both ends several times per edge, in maps over the places.
            let from_place = self.place(&e.from);
            let Some(from) = self.position_at(from_place) else {
                continue;
            };
            let (overseer, oa) = (&dataset.bodies[from], &analysis.bodies[from]);
            if overseer.channels.is_empty() {
                continue;
            }
            let Some(ta) = self
                .position_at(to_place)
                .and_then(|i| analysis.bodies.get(i))
            else {
                continue;
            };
            let direct = self.stake_at(&e.to, to_place, from);
            // The share of the overseer held by the same principals that hold the overseen
            // (the voters excluded: answering to them is the point of elections).
            // When the overseer itself fills part of the overseen (a chamber and its committee,
            // a parliament and the auditors it appoints), their common principals are the
            // ordinary line of accountability, not a capture of the overseer.
            let fills_overseen = ta
                .direct
                .get_placed(ids, from_place, &e.from)
                .is_some_and(|x| *x > 0.0);
            // The overseer's principals by their places in `principal_ids` when its map is
            // over them (no id compared), by id otherwise.
            let over_pids = Arc::ptr_eq(oa.control.ids(), pids);
            let control_in = |m: &BodyAnalysis, place: u32, p: &str| -> f64 {
                let place = over_pids.then_some(place);
                m.control.get_placed(pids, place, p).copied().unwrap_or(0.0)
            };
            let root = |place: u32, p: &str| -> bool {
                if over_pids {
                    self.principal_root[place as usize]
                } else {
                    self.is_root(p)
                }
            };
            let principals = || {
                oa.control
                    .entries()
                    .iter()
                    .map(|(place, v)| (*place, oa.control.ids()[*place as usize].as_str(), *v))
            };
            let common: f64 = if fills_overseen {
                0.0
            } else {
                principals()
                    .filter(|&(place, p, _)| !root(place, p) && p != e.from)
                    .map(|(place, p, v)| v.min(control_in(ta, place, p)))
                    .sum()
            };
            let value = direct.max(common);
            if value < OVERSIGHT_STAKE_MIN {
                continue;
            }
            let mut phrase = phrase(
                if direct >= common {
                    key!("flag.overseer.direct": "body", "overseen", "verb", "stake")
                } else {
                    key!("flag.overseer.common": "body", "overseen", "verb", "who", "of_body", "of_overseen")
                },
            )
            .body("body", self.share_at(from_place, &e.from))
            .body("overseen", self.share_at(to_place, &e.to))
            .arg(
                "verb",
                Arg::Word(match e.kind {
                    EdgeKind::HoldsToAccount => &("oversight", "holds_to_account"),
                    EdgeKind::Audits => &("oversight", "audits"),
                    EdgeKind::Investigates => &("oversight", "investigates"),
                    EdgeKind::Impeach => &("oversight", "impeach"),
                    EdgeKind::NoConfidence => &("oversight", "no_confidence"),
                    EdgeKind::Reviews => &("oversight", "reviews"),
                    _ => &("oversight", "other"),
                }),
            );
            if direct >= common {
                phrase = phrase.pct("stake", direct);
            } else {
                let top = principals()
                    .filter(|&(place, p, _)| !root(place, p))
                    .map(|(place, p, v)| (p, v.min(control_in(ta, place, p))))
                    .max_by(|x, y| x.1.total_cmp(&y.1))
                    .map(|(p, _)| p)
                    .unwrap_or_default();
                phrase = phrase
                    .body("who", self.share(top))
                    .pct("of_body", oa.control_of(top))
                    .pct("of_overseen", ta.control_of(top));
            }
            // The edge's text, then the overseer's channels': a list of its own per edge,
            // built in a buffer and copied once at its size.
            let sources = {
                let cited = self.channel_sources(from);
                let first = e.source.as_str();
                if cited.iter().all(|s| **s == *first) {
                    if cited.len() == 1 {
                        cited
                    } else {
                        self.sources(first)
                    }
                } else {
                    let mut v = self.scratch.borrow_mut();
                    v.clear();
                    v.push(Arc::from(first));
                    v.extend(cited.iter().filter(|s| ***s != *first).cloned());
                    Arc::from(v.as_slice())
                }
            };
            self.raise_placed(
                Flag {
                    rule: "overseer_formed_by_overseen",
                    severity: if numbers::at_least(value, 0.5) {
                        Severity::High
                    } else {
                        Severity::Medium
                    },
                    body: Id(self.share_at(from_place, &e.from)),
                    actor: Some(Id(self.share_at(to_place, &e.to))),
                    channel: None,
                    value,
                    phrase,
                    sources,
                },
                from_place,
                to_place,
            );
        }
    }

    fn dissolution(&mut self) {
        // Indexed once: a scan of all edges per dissolution on refusal was O(E^2).
        let at_will: FxHashSet<(&str, &str)> = self
            .dataset
            .edges
            .iter()
            .filter(|x| x.kind == EdgeKind::Dissolve)
            .map(|x| (x.from.as_str(), x.to.as_str()))
            .collect();
        for e in &self.dataset.edges {
            if !e.kind.is_dissolution() || e.from == e.to || self.is_root(&e.from) {
                continue;
            }
            // One flag per dissolver and body: a power on refusal beside one at will adds no
            // new power to dissolve.
            if e.kind == EdgeKind::DissolveOnRefusal
                && at_will.contains(&(e.from.as_str(), e.to.as_str()))
            {
                continue;
            }
            let Some(ta) = self.body_analysis(&e.to) else {
                continue;
            };
            let voters: f64 = ta
                .control
                .iter()
                .filter(|(p, _)| self.is_root(p))
                .map(|(_, v)| *v)
                .sum();
            if voters < 0.5 {
                continue;
            }
            self.raise(Flag {
                rule: "dissolves_elected_body",
                severity: Severity::Medium,
                body: self.id(&e.to),
                actor: Some(self.id(&e.from)),
                channel: None,
                value: voters,
                phrase: phrase(key!("flag.dissolves_elected_body": "who", "body", "share", "conditions", "bars"))
                    .body("who", self.share(&e.from))
                    .body("body", self.share(&e.to))
                    .pct("share", voters)
                    .arg(
                        "conditions",
                        Arg::Clause(
                            e.threshold
                                .as_deref()
                                .map(|t| Box::new(("; conditions: {x}", t.into()))),
                        ),
                    )
                    // The text's bars on the power (codebook R12) say when it is not there.
                    .arg(
                        "bars",
                        Arg::Clause(
                            (!e.bars.is_empty())
                                .then(|| Box::new(("; bars: {x}", e.bars.as_str().into()))),
                        ),
                    ),
                sources: self.sources(&e.source),
            });
        }
    }
}

/// A phrase with room for exactly its arguments: the flags keep their phrases until the
/// reports are written, and a phrase grown one argument at a time was allocated twice and
/// shrunk once (about 600,000 allocations at 100,000 bodies).
fn phrase(key: &'static Key) -> Phrase {
    Phrase::new(key)
}

fn channel_label(c: &Channel) -> &str {
    if c.label.is_empty() { &c.id } else { &c.label }
}

#[cfg(test)]
mod tests;

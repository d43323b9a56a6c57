//! `json`: the JSON contract `bilik.summary/2`, the machine-readable summary other tools rely
//! on, of the state on screen.
//!
//! Separate serialisable types, built from the analysis, so that the domain types carry
//! no serde quirks. Floats are rounded to 4 decimals and everything is sorted, so the same
//! inputs give byte-identical output.
//!
//! Streamed (issue 12): the bodies, edges and flags, nearly all of the document, are built
//! one record at a time as `serde_json` writes them ([`Bodies`], [`Edges`], [`Flags`]), so the
//! export holds their order (O(n) positions and borrowed sort keys), never the whole document
//! or its text. Time O(n log n) for the two sorts of bodies and edges, linear otherwise (the
//! headline's solves aside, see [`crate::analysis::headline`]); memory beyond the analysis
//! O(n) small keys. Nothing before the flags reads a flag, so the command line writes the
//! document while a second thread evaluates them ([`write_with_flags`]).
//!
//! The summary describes one state and lists the active reforms; it carries no baseline.
//! What reforms change against the baseline is a different document, `bilik.diff/1`
//! ([`crate::output::diff::json`]), with its own types, not extra keys in this one, so that
//! tools reading `bilik.summary/1` never see its shape move. The types both share (the
//! dataset, a headline, a flag, a principal's figures) are defined here.
//!
//! `/2` only adds to `/1` (issue 9): the ranges (`headline.range`, `headline.exact`,
//! `headline.drivers`, each body's `control_range`, `ranges`), each step's derived
//! `veto_strength` and `under_threat`, the contested codings (`alternatives`), the options in
//! force (`options`), what the headline's sensitivity varies (`headline.threat_ratio`,
//! `headline.without_threat_discount`), and the bibliography (`sources`, each with its `url`
//! and `cited_by_count`). No key of `/1` is removed or changes meaning.

use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use serde::Serialize;

use crate::analysis::flags::Messages;
use crate::analysis::{Analysis, Flag, Headline, PrincipalSummary, headline};
use crate::model::{Dataset, Lang, Meta, Weights};
use crate::output::export::Snapshot;
use crate::output::fmt::r4;
use crate::output::ranges::Ranges;

pub const SCHEMA: &str = "bilik.summary/2";

#[derive(Serialize)]
pub struct Summary<'a> {
    pub schema: &'static str,
    pub dataset: DatasetOut,
    pub reforms: &'a [String],
    pub weights: BTreeMap<String, f64>,
    pub principals: &'a [String],
    /// Each principal's majority-control closure: the bodies it controls (codebook R32).
    pub closure: BTreeMap<&'a str, &'a [String]>,
    pub summary: SystemOut,
    pub headline: Option<HeadlineOut>,
    /// Each body's record is built as it is written (see [`Bodies`]).
    pub bodies: Bodies<'a>,
    pub edges: Edges<'a>,
    pub flags: Flags<'a>,
    /// The contested codings of the dataset, one entry per reading (codebook R-ALT).
    pub alternatives: Vec<AlternativeOut>,
    pub options: OptionsOut,
    /// How the ranges were computed; `null` when some combination could not be analysed.
    pub ranges: Option<RangesOut>,
    /// The dataset's bibliography: each source with its address and what cites it.
    pub sources: Vec<SourceOut>,
}

#[derive(Debug, Serialize)]
pub struct SourceOut {
    pub id: String,
    pub title: String,
    pub url: String,
    pub note: String,
    /// How many bodies, seat channels and edges name the source in their citation.
    pub cited_by_count: crate::output::sources::Tally,
}

fn sources_out(dataset: &Dataset) -> Vec<SourceOut> {
    crate::output::sources::tally(dataset)
        .into_iter()
        .map(|(s, t)| SourceOut {
            id: s.id.clone(),
            title: s.title.clone(),
            url: s.url.clone(),
            note: s.note.clone(),
            cited_by_count: t,
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct AlternativeOut {
    pub id: String,
    /// The elements the reading bears on: `edge president -dismiss_at_will-> fec`.
    pub targets: Vec<String>,
    /// What it changes, in words.
    pub change: String,
    pub source: String,
    pub argument: String,
    pub confidence: String,
}

#[derive(Debug, Serialize)]
pub struct OptionsOut {
    pub at_will_threat: bool,
    /// The layer analysed, `de_jure` or `de_facto` (codebook R34).
    pub layer: String,
    /// `seats`, `banzhaf` or `shapley` (codebook R33).
    pub share_model: String,
    /// The alternative readings taken as the point value (`--choose`).
    pub chosen: Vec<String>,
    /// The weights the ranges vary: name -> [lo, hi].
    pub band: BTreeMap<String, [f64; 2]>,
}

#[derive(Debug, Serialize)]
pub struct RangesOut {
    /// Every combination was analysed (else the control ranges are a proven outer bound).
    pub exact: bool,
    pub combinations: u64,
}

#[derive(Debug, Serialize)]
pub struct DriverOut {
    /// An alternative's id, `at-will threat on`, or a band end such as `consent 2`.
    pub choice: String,
    /// The headline's total under that choice alone.
    pub value: f64,
}

/// Which dataset a document describes: the same four keys in every `bilik.*/1` contract.
#[derive(Debug, Serialize)]
pub struct DatasetOut {
    pub id: String,
    pub title: String,
    pub jurisdiction: String,
    pub as_of: String,
}

impl DatasetOut {
    pub fn of(meta: &Meta) -> DatasetOut {
        DatasetOut {
            id: meta.id.clone(),
            title: meta.title.clone(),
            jurisdiction: meta.jurisdiction.clone(),
            as_of: meta.as_of.clone(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct SystemOut {
    pub system_hhi: f64,
    pub mean_body_hhi: f64,
    pub independent_bodies: usize,
    pub principals: Vec<PrincipalOut>,
}

#[derive(Debug, Serialize)]
pub struct PrincipalOut {
    pub id: String,
    pub seats_reached: f64,
    pub bodies_majority: usize,
    pub bodies_largest: usize,
    pub independent_seat_share: f64,
    pub independent_mean: f64,
    pub independent_majority: usize,
}

#[derive(Debug, Serialize)]
pub struct HeadlineOut {
    pub principal: String,
    pub body: String,
    pub seats: u32,
    pub picked_seats: u32,
    pub direct: f64,
    pub through: BTreeMap<String, f64>,
    pub total: f64,
    pub by_consent_weight: Vec<ConsentPoint>,
    /// `consent_under_threat / consent` when consents under threat move with the consent
    /// weight in `by_consent_weight`; `null` when no consent is given under threat.
    pub threat_ratio: Option<f64>,
    /// The total with consents under threat weighed as free ones (with `threat_ratio`).
    pub without_threat_discount: Option<f64>,
    /// `[lo, hi]` of `total` over the alternatives, the threat option and the band.
    pub range: Option<[f64; 2]>,
    pub exact: Option<bool>,
    /// The single choices that move `total`, largest move first.
    pub drivers: Vec<DriverOut>,
}

#[derive(Debug, Serialize)]
pub struct ConsentPoint {
    pub consent: f64,
    pub total: f64,
}

#[derive(Debug, Serialize)]
pub struct Names {
    pub en: String,
    pub ru: String,
    pub kk: String,
}

/// A body's names in the three languages, borrowed from the dataset (the same keys as
/// [`Names`]).
#[derive(Serialize)]
pub struct NamesOut<'a> {
    pub en: &'a str,
    pub ru: &'a str,
    pub kk: &'a str,
}

/// One body's record. Records borrow every string from the dataset and the analysis: at
/// 100,000 bodies copying them was a tenth of the export's time (BENCHMARKS.md, "The export,
/// session 7").
#[derive(Serialize)]
pub struct BodyOut<'a> {
    pub id: &'a str,
    pub names: NamesOut<'a>,
    pub branch: &'static str,
    pub role: Option<&'static str>,
    pub seats: u32,
    pub seats_nominal: bool,
    pub independent: bool,
    pub non_partisan: bool,
    pub confidence: &'static str,
    pub direct: R4Map<'a>,
    pub control: R4Map<'a>,
    /// principal -> `[lo, hi]` of `control`.
    pub control_range: ControlRange<'a>,
    pub vetoes: &'a [String],
    pub removable_at_will_by: &'a [String],
    pub removable_for_cause_by: &'a [String],
    pub hhi: f64,
    /// The principals that control the body by majority-control closure (codebook R32).
    pub controlled_by: &'a [String],
    /// The seats each principal fills by closure, and the seats its decisions need.
    pub closure_seats: R4Map<'a>,
    pub quota: f64,
    /// The actors every chain of appointment to the body passes through, nearest first.
    pub dominators: &'a [String],
    pub channels: Channels<'a>,
    /// The layer these figures come from: `de_jure` or `de_facto` (codebook R34).
    pub layer: &'static str,
    /// What the body's blocs contribute to control: `seats`, `banzhaf` or `shapley`
    /// (codebook R33).
    pub share_model: &'static str,
    /// The decision rule in words and the votes that carry it.
    pub decision: DecisionOut,
    /// The blocs that count in this layer, with their voting power; empty without blocs.
    pub blocs: Blocs<'a>,
}

/// A map of figures rounded by [`r4`] as they are written, without a rounded copy.
pub struct R4Map<'a>(&'a crate::analysis::Shares);

impl Serialize for R4Map<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_map(self.0.iter().map(|(k, v)| (k, r4(*v))))
    }
}

/// A body's `control_range`: principal -> `[lo, hi]`, for the principals of its control map
/// that have a range.
pub struct ControlRange<'a> {
    body: &'a str,
    control: &'a crate::analysis::Shares,
    ranges: Option<&'a Ranges>,
}

impl Serialize for ControlRange<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let Some(ranges) = self.ranges else {
            return ser.collect_map(std::iter::empty::<(&str, [f64; 2])>());
        };
        ser.collect_map(self.control.keys().filter_map(|p| {
            ranges
                .get(self.body, p)
                .map(|(lo, hi)| (p, [r4(lo), r4(hi)]))
        }))
    }
}

#[derive(Serialize)]
pub struct DecisionOut {
    #[serde(serialize_with = "display")]
    pub rule: crate::model::Vote,
    pub quota: u32,
}

/// Writes a value through its `Display`, straight into the output (no `String` between).
fn display<T: std::fmt::Display, S: serde::Serializer>(v: &T, ser: S) -> Result<S::Ok, S::Error> {
    ser.collect_str(v)
}

/// A body's blocs, each record built as it is written.
pub struct Blocs<'a> {
    body: &'a crate::model::Body,
    power: Option<&'a crate::analysis::BodyPower>,
}

impl Serialize for Blocs<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.power.iter().flat_map(|p| &p.blocs).map(|k| {
            let coded = self.body.blocs.iter().find(|x| x.id == k.id);
            BlocOut {
                id: &k.id,
                label: &k.label,
                seats: k.seats,
                layer: k.layer.as_str(),
                aligned_with: k.aligned_with.as_deref(),
                banzhaf: r4(k.banzhaf),
                shapley_shubik: r4(k.shapley_shubik),
                source: coded.map_or("", |x| &x.source),
                confidence: coded.map_or("", |x| x.confidence.as_str()),
                note: coded.map_or("", |x| &x.note),
            }
        }))
    }
}

#[derive(Serialize)]
pub struct BlocOut<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub seats: u32,
    pub layer: &'static str,
    pub aligned_with: Option<&'a str>,
    /// Normalised Banzhaf index in the body's game.
    pub banzhaf: f64,
    /// Shapley-Shubik index in the body's game.
    pub shapley_shubik: f64,
    pub source: &'a str,
    pub confidence: &'static str,
    pub note: &'a str,
}

/// A body's seat channels, each record built as it is written.
pub struct Channels<'a> {
    body: &'a crate::model::Body,
    shares: &'a [crate::analysis::ChannelShares],
}

impl Serialize for Channels<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(
            self.body
                .channels
                .iter()
                .zip(self.shares)
                .map(|(c, cs)| ChannelOut {
                    id: &c.id,
                    label: &c.label,
                    seats: c.seats,
                    steps: Steps {
                        channel: c,
                        shares: cs,
                    },
                    mandate: c.mandate.as_str(),
                    source: &c.source,
                    confidence: c.confidence.as_str(),
                    note: &c.note,
                }),
        )
    }
}

#[derive(Serialize)]
pub struct ChannelOut<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub seats: u32,
    pub steps: Steps<'a>,
    pub mandate: &'static str,
    pub source: &'a str,
    pub confidence: &'static str,
    pub note: &'a str,
}

/// A channel's steps, each record built as it is written.
pub struct Steps<'a> {
    channel: &'a crate::model::Channel,
    shares: &'a crate::analysis::ChannelShares,
}

impl Serialize for Steps<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let cs = self.shares;
        ser.collect_seq(self.channel.steps.iter().enumerate().map(|(i, s)| {
            let share = cs.shares.iter().find(|x| x.actor == s.actor);
            let derived = cs.steps.get(i);
            StepOut {
                actor: &s.actor,
                role: s.role.as_str(),
                position: share.map_or("propose", |x| x.position.weight_name()),
                seats: r4(cs
                    .shares
                    .iter()
                    .filter(|x| x.actor == s.actor)
                    .map(|x| x.seats)
                    .sum()),
                veto_strength: r4(derived.map_or(1.0, |d| d.veto_strength)),
                under_threat: derived.is_some_and(|d| d.under_threat),
            }
        }))
    }
}

#[derive(Serialize)]
pub struct StepOut<'a> {
    pub actor: &'a str,
    pub role: &'static str,
    pub position: &'static str,
    pub seats: f64,
    /// Derived (codebook R-VOTE): the strength of the step's veto, 1 for a simple majority.
    pub veto_strength: f64,
    /// Derived (codebook R-THREAT): the proposer may dissolve this ratifier for refusing.
    pub under_threat: bool,
}

#[derive(Serialize)]
pub struct EdgeOut<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub kind: &'static str,
    pub channel: Option<&'a str>,
    pub seats: Option<u32>,
    pub share: Option<f64>,
    pub source: &'a str,
    pub confidence: &'static str,
    pub note: &'a str,
}

/// A flag's record in the streamed document, borrowed from the analysis (the same keys as
/// [`FlagOut`], which the diff contract keeps).
#[derive(Serialize)]
pub struct FlagRef<'a, 'm> {
    pub rule: &'a str,
    pub severity: &'static str,
    pub body: &'a str,
    pub actor: Option<&'a str>,
    pub channel: Option<&'a str>,
    pub value: f64,
    pub message: Message<'m, 'a>,
    pub sources: Sources<'a>,
}

/// A flag's English sentence, written into the writer's one buffer as it is serialised: no
/// string of its own per flag.
pub struct Message<'m, 'a>(&'m Messages<'a>, &'a Flag);

impl Serialize for Message<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        self.0.with(self.1, |s| ser.serialize_str(s))
    }
}

/// A flag's sources, shared with the other flags that cite them, as a list of strings.
pub struct Sources<'a>(&'a [Arc<str>]);

impl Serialize for Sources<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.0.iter().map(|s| &**s))
    }
}

#[derive(Debug, Serialize)]
pub struct FlagOut {
    pub rule: String,
    pub severity: String,
    pub body: String,
    pub actor: Option<String>,
    pub channel: Option<String>,
    pub value: f64,
    pub message: String,
    pub sources: Vec<String>,
}

/// The role weights as the `weights` map of every contract: name -> value.
pub fn weights_out(w: &Weights) -> BTreeMap<String, f64> {
    w.pairs()
        .into_iter()
        .map(|(k, v)| (k.to_string(), r4(v)))
        .collect()
}

/// The record of flag `f`, worded with the names of `dataset` (the one it was raised in).
pub fn flag_out(f: &Flag, dataset: &Dataset) -> FlagOut {
    FlagOut {
        rule: f.rule.to_string(),
        severity: f.severity.to_string(),
        body: f.body.to_string(),
        actor: f.actor.as_deref().map(str::to_string),
        channel: f.channel.as_deref().map(str::to_string),
        value: r4(f.value),
        message: f.message(dataset),
        sources: f.sources.iter().map(|s| s.to_string()).collect(),
    }
}

pub fn principal_out(p: &PrincipalSummary) -> PrincipalOut {
    PrincipalOut {
        id: p.id.clone(),
        seats_reached: r4(p.seats_reached),
        bodies_majority: p.bodies_majority,
        bodies_largest: p.bodies_largest,
        independent_seat_share: r4(p.independent_seat_share),
        independent_mean: r4(p.independent_mean),
        independent_majority: p.independent_majority,
    }
}

pub fn headline_out(h: &Headline, ranges: Option<&Ranges>) -> HeadlineOut {
    let range = ranges.and_then(|r| r.get(&h.body, &h.principal));
    HeadlineOut {
        principal: h.principal.clone(),
        body: h.body.clone(),
        seats: h.seats,
        picked_seats: h.picked,
        direct: r4(h.direct),
        through: h.through.iter().map(|(k, v)| (k.clone(), r4(*v))).collect(),
        total: r4(h.total),
        by_consent_weight: h
            .sensitivity
            .iter()
            .map(|(w, t)| ConsentPoint {
                consent: r4(*w),
                total: r4(*t),
            })
            .collect(),
        threat_ratio: h.threat_ratio.map(r4),
        without_threat_discount: h.without_threat_discount.map(r4),
        range: range.map(|(lo, hi)| [r4(lo), r4(hi)]),
        exact: ranges.map(|r| r.control.exact),
        drivers: ranges
            .map(|r| {
                r.drivers(&h.body, &h.principal)
                    .iter()
                    .map(|d| DriverOut {
                        choice: d.choice.clone(),
                        value: r4(d.value),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The contested codings, one entry per reading.
pub fn alternatives_out(dataset: &Dataset) -> Vec<AlternativeOut> {
    dataset
        .contested()
        .iter()
        .flat_map(|c| {
            c.readings.iter().map(|r| AlternativeOut {
                id: r.id.clone(),
                targets: c.targets.iter().map(ToString::to_string).collect(),
                change: r.change.clone(),
                source: r.source.clone(),
                argument: r.argument.clone(),
                confidence: r.confidence.to_string(),
            })
        })
        .collect()
}

pub fn options_out(options: &crate::analysis::Options, ranges: Option<&Ranges>) -> OptionsOut {
    OptionsOut {
        at_will_threat: options.at_will_threat,
        layer: options.layer.to_string(),
        share_model: options.share_model.as_str().to_string(),
        chosen: ranges.map(|r| r.chosen.clone()).unwrap_or_default(),
        band: ranges
            .map(|r| {
                r.band
                    .weights
                    .iter()
                    .map(|(n, lo, hi)| (n.clone(), [r4(*lo), r4(*hi)]))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Builds the contract document for `dataset` under `analysis`, with `reforms` active and
/// the `ranges` of this state.
///
/// The bodies, edges and flags (nearly all of the document: 356 MB of JSON at 100,000
/// bodies) are not built here: the document holds their order, and each record is built
/// as it is serialised and dropped after, so memory beyond the analysis is O(n) indices,
/// not the document. Time: O(n log n) for the two sorts, linear otherwise.
pub fn summary<'a>(
    dataset: &'a Dataset,
    analysis: &'a Analysis,
    reforms: &'a [String],
    ranges: Option<&'a Ranges>,
) -> Summary<'a> {
    summary_with(
        dataset,
        analysis,
        reforms,
        ranges,
        FlagSource::Ready(&analysis.flags),
        None,
    )
}

/// [`summary`] with its flags from `flags`: the analysis's, or flags still being evaluated.
fn summary_with<'a>(
    dataset: &'a Dataset,
    analysis: &'a Analysis,
    reforms: &'a [String],
    ranges: Option<&'a Ranges>,
    flags: FlagSource<'a>,
    splice: Option<&'a Splice>,
) -> Summary<'a> {
    // Ids are unique, so sorting positions by id gives the order of sorting the records
    // (and an unstable sort the same order as a stable one). Each key carries the id's first
    // eight bytes as a number: nearly every comparison ends there, without reading the body
    // or its id from the heap (at 100,000 bodies the sort by `Body::id` missed the cache on
    // both, 2% of the export).
    let mut keyed: Vec<(u64, &str, u32)> = dataset
        .bodies
        .iter()
        .zip(0u32..)
        .map(|(b, i)| (prefix(&b.id), b.id.as_str(), i))
        .collect();
    keyed.sort_unstable();
    // Each body's rank in that order: comparing two ranks compares the two ids, so the edges
    // sort on integers instead of strings (their sort was 4% of the export at 100,000 bodies).
    let mut rank: FxHashMap<&str, u32> =
        FxHashMap::with_capacity_and_hasher(keyed.len(), Default::default());
    for (&(_, id, _), r) in keyed.iter().zip(0u32..) {
        rank.insert(id, r);
    }
    let order: Vec<u32> = keyed.iter().map(|k| k.2).collect();
    let ids: Vec<&str> = keyed.into_iter().map(|k| k.1).collect();

    // The kinds of edge in their order as strings, so that a key compares kinds as numbers:
    // edges between the same two bodies (a body's several steps in one channel) tie on their
    // ends, and reading their kinds and channels from the dataset there was most of the sort.
    let mut kinds: Vec<&'static str> = Vec::new();
    let mut place = |k: &'static str| -> u32 {
        // A handful of kinds: a scan, by address first (each kind is one literal).
        match kinds
            .iter()
            .position(|x| std::ptr::eq(*x, k))
            .or_else(|| kinds.iter().position(|x| *x == k))
        {
            Some(i) => i as u32,
            None => {
                kinds.push(k);
                (kinds.len() - 1) as u32
            }
        }
    };
    // The same keys in the same stable sort as sorting the records: the same order. A key
    // is 48 bytes (ranks, kind, where the edge is, a step's channel and share); its strings
    // are read from the dataset only where ends and kinds tie (at 100,000 bodies about
    // 540,000 edges: 26 MB instead of 60). The share is summed here, body by body, where the channel's
    // shares are at hand: summed as the edges are written, in the order of their ends, it
    // read each body's analysis again out of cache order.
    let mut edges: Vec<EdgeKey<'a>> = Vec::with_capacity(dataset.link_count());
    let mut ranked = true;
    let mut ends = |from: &str, to: &str| -> u64 {
        match (rank.get(from), rank.get(to)) {
            (Some(&f), Some(&t)) => (u64::from(f) << 32) | u64::from(t),
            _ => {
                ranked = false;
                0
            }
        }
    };
    for (bi, b) in dataset.bodies.iter().enumerate() {
        for (ci, c) in b.channels.iter().enumerate() {
            let cs = &analysis.bodies[bi].channels[ci];
            for (si, s) in c.steps.iter().enumerate() {
                edges.push(EdgeKey {
                    ends: ends(&s.actor, &b.id),
                    kind: place(s.role.as_str()),
                    // Positions fit in 32 bits: no dataset of 4 billion elements loads.
                    at: EdgeAt::Step(bi as u32, ci as u32, si as u32),
                    channel: Some(c),
                    share: step_share(cs, &s.actor),
                });
            }
        }
    }
    for (i, e) in dataset.edges.iter().enumerate() {
        edges.push(EdgeKey {
            ends: ends(&e.from, &e.to),
            kind: place(e.kind.as_str()),
            at: EdgeAt::Edge(i as u32),
            channel: None,
            share: 0.0,
        });
    }
    let named = if ranked {
        // The kinds' places in order of first sight, then in the kinds' own order.
        let mut sorted: Vec<u32> = (0..kinds.len() as u32).collect();
        sorted.sort_unstable_by_key(|&i| kinds[i as usize]);
        let mut kind_rank = vec![0u32; kinds.len()];
        for (r, &i) in sorted.iter().enumerate() {
            kind_rank[i as usize] = r as u32;
        }
        for k in &mut edges {
            k.kind = kind_rank[k.kind as usize];
        }
        let kinds: Vec<&'static str> = sorted.iter().map(|&i| kinds[i as usize]).collect();
        // Where the edge is breaks the last ties: its order is the order the keys were made
        // in, so the unstable sort gives the stable sort's order.
        edges.sort_unstable_by(|a, b| {
            (a.ends, a.kind)
                .cmp(&(b.ends, b.kind))
                .then_with(|| a.at.key(dataset).3.cmp(&b.at.key(dataset).3))
                .then_with(|| a.at.cmp(&b.at))
        });
        Some((ids, kinds))
    } else {
        // An end that is no body (not in a valid dataset): the ids themselves.
        edges.sort_by(|a, b| a.at.key(dataset).cmp(&b.at.key(dataset)));
        None
    };

    let options = &analysis.options;
    Summary {
        schema: SCHEMA,
        dataset: DatasetOut::of(&dataset.meta),
        reforms,
        weights: weights_out(&options.weights),
        principals: &analysis.principals,
        closure: analysis
            .closure
            .iter()
            .map(|c| (c.principal.as_str(), c.controlled.as_slice()))
            .collect(),
        summary: SystemOut {
            system_hhi: r4(analysis.summary.system_hhi),
            mean_body_hhi: r4(analysis.summary.mean_body_hhi),
            independent_bodies: analysis.summary.independent_bodies,
            principals: analysis
                .summary
                .principals
                .iter()
                .map(principal_out)
                .collect(),
        },
        headline: headline::headline_with(dataset, options, analysis, ranges.map(|r| &r.control))
            .map(|h| headline_out(&h, ranges)),
        bodies: Bodies {
            dataset,
            analysis,
            ranges,
            order,
        },
        edges: Edges {
            dataset,
            keys: edges,
            named,
        },
        flags: Flags(flags, dataset, splice),
        alternatives: alternatives_out(dataset),
        options: options_out(options, ranges),
        ranges: ranges.map(|r| RangesOut {
            exact: r.control.exact,
            combinations: r.control.combinations,
        }),
        // What cites each source in the state analysed: the layer's elements only, whether
        // the caller passes the dataset with both layers or one.
        sources: sources_out(&dataset.in_layer(options.layer)),
    }
}

/// The bodies of a [`Summary`], sorted by id, each built as it is serialised.
pub struct Bodies<'a> {
    dataset: &'a Dataset,
    analysis: &'a Analysis,
    ranges: Option<&'a Ranges>,
    order: Vec<u32>,
}

impl Serialize for Bodies<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.order.iter().map(|&i| {
            let i = i as usize;
            body_out(
                &self.dataset.bodies[i],
                &self.analysis.bodies[i],
                self.analysis,
                self.ranges,
            )
        }))
    }
}

/// Where an edge of the document comes from: a step of a seat channel (body, channel,
/// step) or a power edge.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum EdgeAt {
    Step(u32, u32, u32),
    Edge(u32),
}

impl EdgeAt {
    /// The edge's sort key: from, to, kind and channel.
    fn key(self, d: &Dataset) -> (&str, &str, &'static str, Option<&str>) {
        match self {
            EdgeAt::Step(bi, ci, si) => {
                let b = &d.bodies[bi as usize];
                let c = &b.channels[ci as usize];
                let s = &c.steps[si as usize];
                (&s.actor, &b.id, s.role.as_str(), Some(&c.id))
            }
            EdgeAt::Edge(i) => {
                let e = &d.edges[i as usize];
                (&e.from, &e.to, e.kind.as_str(), e.channel.as_deref())
            }
        }
    }
}

/// An edge's sort key and where its record is built from.
struct EdgeKey<'a> {
    /// The ranks of its two ends in id order (when every end is a body).
    ends: u64,
    /// The place of its kind in [`EdgeAt::key`]'s order of kinds.
    kind: u32,
    at: EdgeAt,
    /// A step's channel: with the ranks and the kind, all its record reads beyond the key.
    channel: Option<&'a crate::model::Channel>,
    /// A step's share of its channel's seats, as [`step_share`] sums it; 0 for a power edge.
    share: f64,
}

/// The seats `actor` fills of a channel by its steps there, not counting dismissal at will.
fn step_share(cs: &crate::analysis::ChannelShares, actor: &str) -> f64 {
    cs.shares
        .iter()
        .filter(|x| x.actor == actor && x.position != crate::analysis::Position::RemoveAtWill)
        .map(|x| x.seats)
        .sum()
}

/// The first eight bytes of `id` as a big-endian number, zeros after its end: ordering two
/// ids by it orders them as their bytes do, up to a tie.
fn prefix(id: &str) -> u64 {
    let mut b = [0u8; 8];
    let n = id.len().min(8);
    b[..n].copy_from_slice(&id.as_bytes()[..n]);
    u64::from_be_bytes(b)
}

/// The edges of a [`Summary`] (every channel step, then every power edge, sorted by from,
/// to, kind and channel), each built as it is serialised.
pub struct Edges<'a> {
    dataset: &'a Dataset,
    keys: Vec<EdgeKey<'a>>,
    /// The ids by rank and the kinds by place, when the keys have them (every end a body).
    named: Option<(Vec<&'a str>, Vec<&'static str>)>,
}

impl Serialize for Edges<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.keys.iter().map(|k| self.record(k)))
    }
}

impl<'a> Edges<'a> {
    /// The record of the edge at `k`. Its ends and kind come from the key: the records are
    /// written in the order of their ends, not the dataset's, and reading each step's body
    /// and step again for them missed the cache twice per edge at 100,000 bodies.
    fn record(&self, k: &EdgeKey<'a>) -> EdgeOut<'a> {
        let named = self.named.as_ref().map(|(ids, kinds)| {
            (
                ids[(k.ends >> 32) as usize],
                ids[(k.ends & u64::from(u32::MAX)) as usize],
                kinds[k.kind as usize],
            )
        });
        match k.at {
            EdgeAt::Step(bi, ci, si) => {
                let c = match k.channel {
                    Some(c) if named.is_some() => c,
                    _ => &self.dataset.bodies[bi as usize].channels[ci as usize],
                };
                let (from, to, kind) = named.unwrap_or_else(|| {
                    let b = &self.dataset.bodies[bi as usize];
                    let s = &c.steps[si as usize];
                    (s.actor.as_str(), b.id.as_str(), s.role.as_str())
                });
                EdgeOut {
                    from,
                    to,
                    kind,
                    channel: Some(&c.id),
                    seats: Some(c.seats),
                    share: Some(r4(k.share)),
                    source: &c.source,
                    confidence: c.confidence.as_str(),
                    note: &c.note,
                }
            }
            EdgeAt::Edge(i) => {
                let e = &self.dataset.edges[i as usize];
                let (from, to, kind) =
                    named.unwrap_or((e.from.as_str(), e.to.as_str(), e.kind.as_str()));
                EdgeOut {
                    from,
                    to,
                    kind,
                    channel: e.channel.as_deref(),
                    seats: None,
                    share: None,
                    source: &e.source,
                    confidence: e.confidence.as_str(),
                    note: &e.note,
                }
            }
        }
    }
}

/// The flags of a [`Summary`], in the analysis's order, each built as it is serialised (or,
/// written elsewhere, copied in through the splice, when the document has one).
pub struct Flags<'a>(FlagSource<'a>, &'a Dataset, Option<&'a Splice>);

/// Where the flags of a document come from.
#[derive(Clone, Copy)]
pub enum FlagSource<'a> {
    /// The analysis's own.
    Ready(&'a [Flag]),
    /// Flags evaluated beside the writing, asked for when the document reaches them (see
    /// [`write_with_flags`]).
    Later(&'a dyn PendingFlags),
}

/// Flags being evaluated elsewhere: [`PendingFlags::flags`] waits for them.
pub trait PendingFlags {
    fn flags(&self) -> &[Flag];

    /// The document's `flags` value already written elsewhere by [`write_flags`], read from
    /// its start, to be copied in whole instead of written from [`PendingFlags::flags`]; `None`
    /// when there is none (then `flags` is asked). Waits for it like `flags`.
    fn written(&self) -> Option<std::fs::File> {
        None
    }
}

/// The `flags` value of a document whose flags were written elsewhere ([`write_flags`]),
/// waiting to be copied in where the value goes: [`Flags`] arms it and writes a `null`, and
/// the layout ([`Pretty`]) copies the file in place of that `null`. A value can go through
/// serde only as values, so the copy is made below it, by the formatter, which alone holds
/// the writer.
#[derive(Default)]
struct Splice {
    file: std::cell::RefCell<Option<std::fs::File>>,
}

impl Splice {
    /// Copies the armed file to `w`, if there is one: `true` when it did.
    fn copy<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<bool> {
        match self.file.borrow_mut().take() {
            Some(mut file) => std::io::copy(&mut file, w).map(|_| true),
            None => Ok(false),
        }
    }
}

impl Serialize for Flags<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let flags = match (self.0, self.2) {
            (FlagSource::Ready(flags), _) => flags,
            (FlagSource::Later(pending), Some(splice)) => match pending.written() {
                Some(file) => {
                    *splice.file.borrow_mut() = Some(file);
                    return ser.serialize_unit();
                }
                None => pending.flags(),
            },
            (FlagSource::Later(pending), None) => pending.flags(),
        };
        let messages = Messages::new(self.1);
        ser.collect_seq(flags.iter().map(|f| FlagRef {
            rule: f.rule,
            severity: f.severity.as_str(),
            body: &f.body,
            actor: f.actor.as_deref(),
            channel: f.channel.as_deref(),
            value: r4(f.value),
            message: Message(&messages, f),
            sources: Sources(&f.sources),
        }))
    }
}

/// The record of body `b` with its analysis `a`.
fn body_out<'a>(
    b: &'a crate::model::Body,
    a: &'a crate::analysis::BodyAnalysis,
    analysis: &'a Analysis,
    ranges: Option<&'a Ranges>,
) -> BodyOut<'a> {
    BodyOut {
        id: &b.id,
        names: NamesOut {
            en: b.name(Lang::En),
            ru: b.name(Lang::Ru),
            kk: b.name(Lang::Kk),
        },
        branch: b.branch.as_str(),
        role: b.role.map(|r| r.as_str()),
        seats: b.seats,
        seats_nominal: b.seats_nominal,
        independent: b.independent,
        non_partisan: b.non_partisan,
        confidence: b.confidence.as_str(),
        direct: R4Map(&a.direct),
        control: R4Map(&a.control),
        control_range: ControlRange {
            body: &b.id,
            control: &a.control,
            ranges,
        },
        vetoes: &a.vetoes,
        removable_at_will_by: &a.removable_at_will_by,
        removable_for_cause_by: &a.removable_for_cause_by,
        hhi: r4(a.hhi),
        controlled_by: &a.controlled_by,
        closure_seats: R4Map(&a.closure_seats),
        quota: a.quota,
        dominators: &a.dominators,
        channels: Channels {
            body: b,
            shares: &a.channels,
        },
        layer: analysis.options.layer.as_str(),
        share_model: analysis.options.share_model.as_str(),
        decision: DecisionOut {
            rule: b.decision_rule(),
            quota: b.decision_quota(),
        },
        blocs: Blocs {
            body: b,
            power: a.power.as_deref(),
        },
    }
}

/// The `json` export of `s`.
pub fn render(s: &Snapshot) -> String {
    // Serialising plain structs of strings, numbers and maps into memory cannot fail.
    let mut out = Vec::new();
    let _ = write(s, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the `json` export of `s` to `out` as it is produced (see [`summary`]): the
/// document's records are built one at a time, never the whole document nor its text.
pub fn write(s: &Snapshot, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_from(s, FlagSource::Ready(&s.analysis.flags), out)
}

/// [`write`] of a snapshot whose analysis has no flags yet: `flags` gives them, and is first
/// asked when the document reaches its flags, after the bodies and edges (nothing before
/// them reads a flag). The command line evaluates the flags on a second thread meanwhile.
pub fn write_with_flags(
    s: &Snapshot,
    flags: &dyn PendingFlags,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_from(s, FlagSource::Later(flags), out)
}

/// The `flags` value of the document of `dataset` with `flags`, alone, laid out where the
/// document has it (under the top level), for a writer elsewhere to make beside the rest of
/// the document: [`PendingFlags::written`] hands it back, and it is copied in as it stands.
pub fn write_flags(
    dataset: &Dataset,
    flags: &[Flag],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use std::io::Write;
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut ser = serde_json::Serializer::with_formatter(
        &mut buf,
        Pretty {
            level: 1,
            ..Pretty::default()
        },
    );
    Flags(FlagSource::Ready(flags), dataset, None)
        .serialize(&mut ser)
        .map_err(std::io::Error::from)?;
    buf.flush()
}

fn write_from(
    s: &Snapshot,
    flags: FlagSource,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use std::io::Write;
    let ranges = s.ranges();
    let splice = Splice::default();
    let doc = summary_with(
        s.dataset,
        s.analysis,
        s.reforms,
        ranges.as_deref(),
        flags,
        Some(&splice),
    );
    // serde_json writes a few bytes at a time (keys, indents, punctuation): a buffer of its
    // own, concrete, keeps those writes inlined copies instead of calls through `dyn Write`,
    // and hands `out` whole blocks (which a caller's buffer passes straight through).
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut ser = serde_json::Serializer::with_formatter(
        &mut buf,
        Pretty {
            splice: Some(&splice),
            ..Pretty::default()
        },
    );
    doc.serialize(&mut ser).map_err(std::io::Error::from)?;
    buf.write_all(b"\n")?;
    buf.flush()
}

/// serde_json's pretty layout (two spaces a level), byte for byte, with each line break and
/// its indentation written in one piece: `PrettyFormatter` writes the indentation a level at a
/// time, about 200 million two-byte writes in the JSON of 100,000 bodies.
#[derive(Default)]
struct Pretty<'s> {
    level: usize,
    has_value: bool,
    /// The flags written elsewhere, copied in place of the `null` [`Flags`] writes for them.
    splice: Option<&'s Splice>,
}

/// A comma, a line break and the indentation of the deepest level written in one piece.
const BREAK: &[u8] = b",\n                                                                                                                                ";

impl Pretty<'_> {
    /// A line break (after a comma unless `first`) and the current level's indentation.
    fn line<W: ?Sized + std::io::Write>(&self, w: &mut W, first: bool) -> std::io::Result<()> {
        let start = usize::from(first);
        let mut spaces = 2 * self.level;
        let fits = (BREAK.len() - 2).min(spaces);
        w.write_all(&BREAK[start..2 + fits])?;
        spaces -= fits;
        while spaces > 0 {
            let n = spaces.min(BREAK.len() - 2);
            w.write_all(&BREAK[2..2 + n])?;
            spaces -= n;
        }
        Ok(())
    }

    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, b: &[u8]) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, b: &[u8]) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line(w, true)?;
        }
        w.write_all(b)
    }
}

impl serde_json::ser::Formatter for Pretty<'_> {
    fn write_null<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        match self.splice {
            Some(splice) if splice.copy(w)? => Ok(()),
            _ => w.write_all(b"null"),
        }
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The layout is serde_json's own pretty one: every embedded dataset's document and values
    /// that exercise the corners (empty and deeply nested containers, escapes, `null`).
    #[test]
    fn the_layout_is_serde_jsons_pretty_one() {
        let pretty = |v: &serde_json::Value| {
            let mut out = Vec::new();
            let mut ser = serde_json::Serializer::with_formatter(&mut out, Pretty::default());
            v.serialize(&mut ser).unwrap();
            String::from_utf8(out).unwrap()
        };
        let mut deep = serde_json::json!([1, {"a": []}]);
        for i in 0..80 {
            deep = serde_json::json!({ format!("k{i}"): [deep, {}, [], null, "\"q\"\n"] });
        }
        let mut values = vec![
            serde_json::json!({}),
            serde_json::json!([]),
            serde_json::json!({"a": {}, "b": [[]], "c": [1, 2.5, "x"], "d": null}),
            deep,
        ];
        for e in crate::data::EMBEDDED {
            let d = crate::data::resolve(e.id).unwrap();
            let a = crate::analysis::analyze(&d, &crate::analysis::Options::of(&d)).unwrap();
            let doc = render(&crate::output::export::Snapshot::new(&d, &a, Lang::En));
            // The document itself, as serde_json lays out what it reads back.
            let back: serde_json::Value = serde_json::from_str(&doc).unwrap();
            assert_eq!(
                doc,
                serde_json::to_string_pretty(&back).unwrap() + "\n",
                "{}",
                e.id
            );
            values.push(back);
        }
        for v in &values {
            assert_eq!(pretty(v), serde_json::to_string_pretty(v).unwrap());
        }
    }

    /// The records written from the keys' ranks and kinds are those read from the dataset.
    #[test]
    fn flags_given_later_write_the_same_document() {
        /// Flags given when asked, or written beforehand by `write_flags` into a file.
        struct Later<'a>(&'a [Flag], std::cell::Cell<usize>, Option<&'a Dataset>);
        impl PendingFlags for Later<'_> {
            fn flags(&self) -> &[Flag] {
                self.1.set(self.1.get() + 1);
                self.0
            }
            fn written(&self) -> Option<std::fs::File> {
                use std::io::Seek;
                let d = self.2?;
                self.1.set(self.1.get() + 1);
                let mut file = tempfile::tempfile().unwrap();
                write_flags(d, self.0, &mut file).unwrap();
                file.rewind().unwrap();
                Some(file)
            }
        }
        for e in crate::data::EMBEDDED {
            let d = crate::data::resolve(e.id).unwrap();
            let a = crate::analysis::analyze(&d, &crate::analysis::Options::of(&d)).unwrap();
            assert!(!a.flags.is_empty(), "{}", e.id);
            let mut whole = Vec::new();
            write(&Snapshot::new(&d, &a, Lang::En), &mut whole).unwrap();
            let mut without = crate::analysis::analyze_without_flags(&d, &a.options).unwrap();
            without.flags = Vec::new();
            for (how, written) in [("asked", None), ("written beside", Some(&d))] {
                let later = Later(&a.flags, std::cell::Cell::new(0), written);
                let mut beside = Vec::new();
                write_with_flags(&Snapshot::new(&d, &without, Lang::En), &later, &mut beside)
                    .unwrap();
                assert_eq!(later.1.get(), 1, "{} ({how}): asked once", e.id);
                assert!(whole == beside, "{} ({how}): the documents differ", e.id);
            }
        }
    }

    #[test]
    fn edges_from_their_keys_are_the_datasets() {
        for e in crate::data::EMBEDDED {
            let d = crate::data::resolve(e.id).unwrap();
            let a = crate::analysis::analyze(&d, &crate::analysis::Options::of(&d)).unwrap();
            let doc = summary(&d, &a, &[], None);
            assert!(doc.edges.named.is_some(), "{}", e.id);
            assert_eq!(doc.edges.keys.len(), d.link_count(), "{}", e.id);
            let slow = Edges {
                dataset: &d,
                keys: Vec::new(),
                named: None,
            };
            for k in &doc.edges.keys {
                assert_eq!(
                    serde_json::to_string(&doc.edges.record(k)).unwrap(),
                    serde_json::to_string(&slow.record(k)).unwrap(),
                    "{}",
                    e.id
                );
            }
        }
    }

    /// The edges sort on the ranks of their ends; the contract's order is that of the ids.
    #[test]
    fn edges_come_in_the_order_of_their_ids() {
        for e in crate::data::EMBEDDED {
            let d = crate::data::resolve(e.id).unwrap();
            let a = crate::analysis::analyze(&d, &crate::analysis::Options::of(&d)).unwrap();
            let doc = summary(&d, &a, &[], None);
            let keys: Vec<_> = doc.edges.keys.iter().map(|k| k.at.key(&d)).collect();
            let mut sorted = keys.clone();
            sorted.sort();
            assert_eq!(keys, sorted, "{}", e.id);
            let ids: Vec<&str> = doc
                .bodies
                .order
                .iter()
                .map(|&i| d.bodies[i as usize].id.as_str())
                .collect();
            assert!(ids.windows(2).all(|w| w[0] < w[1]), "{}", e.id);
        }
    }
}

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
//! O(n) small keys.
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

use serde::Serialize;

use crate::analysis::{Analysis, Flag, Headline, PrincipalSummary, headline};
use crate::model::{Dataset, Lang, Meta, Weights};
use crate::output::export::Snapshot;
use crate::output::fmt::{r4, r4_map};
use crate::output::ranges::Ranges;

pub const SCHEMA: &str = "bilik.summary/2";

#[derive(Serialize)]
pub struct Summary<'a> {
    pub schema: &'static str,
    pub dataset: DatasetOut,
    pub reforms: Vec<String>,
    pub weights: BTreeMap<String, f64>,
    pub principals: Vec<String>,
    /// Each principal's majority-control closure: the bodies it controls (codebook R32).
    pub closure: BTreeMap<String, Vec<String>>,
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

#[derive(Debug, Serialize)]
pub struct BodyOut {
    pub id: String,
    pub names: Names,
    pub branch: String,
    pub role: Option<String>,
    pub seats: u32,
    pub seats_nominal: bool,
    pub independent: bool,
    pub non_partisan: bool,
    pub confidence: String,
    pub direct: BTreeMap<String, f64>,
    pub control: BTreeMap<String, f64>,
    /// principal -> `[lo, hi]` of `control`.
    pub control_range: BTreeMap<String, [f64; 2]>,
    pub vetoes: Vec<String>,
    pub removable_at_will_by: Vec<String>,
    pub removable_for_cause_by: Vec<String>,
    pub hhi: f64,
    /// The principals that control the body by majority-control closure (codebook R32).
    pub controlled_by: Vec<String>,
    /// The seats each principal fills by closure, and the seats its decisions need.
    pub closure_seats: BTreeMap<String, f64>,
    pub quota: f64,
    /// The actors every chain of appointment to the body passes through, nearest first.
    pub dominators: Vec<String>,
    pub channels: Vec<ChannelOut>,
    /// The layer these figures come from: `de_jure` or `de_facto` (codebook R34).
    pub layer: String,
    /// What the body's blocs contribute to control: `seats`, `banzhaf` or `shapley`
    /// (codebook R33).
    pub share_model: String,
    /// The decision rule in words and the votes that carry it.
    pub decision: DecisionOut,
    /// The blocs that count in this layer, with their voting power; empty without blocs.
    pub blocs: Vec<BlocOut>,
}

#[derive(Debug, Serialize)]
pub struct DecisionOut {
    pub rule: String,
    pub quota: u32,
}

#[derive(Debug, Serialize)]
pub struct BlocOut {
    pub id: String,
    pub label: String,
    pub seats: u32,
    pub layer: String,
    pub aligned_with: Option<String>,
    /// Normalised Banzhaf index in the body's game.
    pub banzhaf: f64,
    /// Shapley-Shubik index in the body's game.
    pub shapley_shubik: f64,
    pub source: String,
    pub confidence: String,
    pub note: String,
}

#[derive(Debug, Serialize)]
pub struct ChannelOut {
    pub id: String,
    pub label: String,
    pub seats: u32,
    pub steps: Vec<StepOut>,
    pub mandate: String,
    pub source: String,
    pub confidence: String,
    pub note: String,
}

#[derive(Debug, Serialize)]
pub struct StepOut {
    pub actor: String,
    pub role: String,
    pub position: String,
    pub seats: f64,
    /// Derived (codebook R-VOTE): the strength of the step's veto, 1 for a simple majority.
    pub veto_strength: f64,
    /// Derived (codebook R-THREAT): the proposer may dissolve this ratifier for refusing.
    pub under_threat: bool,
}

#[derive(Debug, Serialize)]
pub struct EdgeOut {
    pub from: String,
    pub to: String,
    pub kind: String,
    pub channel: Option<String>,
    pub seats: Option<u32>,
    pub share: Option<f64>,
    pub source: String,
    pub confidence: String,
    pub note: String,
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

pub fn flag_out(f: &Flag) -> FlagOut {
    FlagOut {
        rule: f.rule.to_string(),
        severity: f.severity.to_string(),
        body: f.body.clone(),
        actor: f.actor.clone(),
        channel: f.channel.clone(),
        value: r4(f.value),
        message: f.message.clone(),
        sources: f.sources.clone(),
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
    reforms: &[String],
    ranges: Option<&'a Ranges>,
) -> Summary<'a> {
    // Ids are unique, so sorting positions by id gives the order of sorting the records.
    let mut order: Vec<usize> = (0..dataset.bodies.len()).collect();
    order.sort_by(|&x, &y| dataset.bodies[x].id.cmp(&dataset.bodies[y].id));

    // The same keys in the same stable sort as sorting the records: the same order.
    let mut edges: Vec<EdgeKey<'a>> = Vec::new();
    for (bi, b) in dataset.bodies.iter().enumerate() {
        for (ci, c) in b.channels.iter().enumerate() {
            for (si, s) in c.steps.iter().enumerate() {
                edges.push(EdgeKey {
                    from: &s.actor,
                    to: &b.id,
                    kind: s.role.as_str(),
                    channel: Some(&c.id),
                    at: EdgeAt::Step(bi, ci, si),
                });
            }
        }
    }
    for (i, e) in dataset.edges.iter().enumerate() {
        edges.push(EdgeKey {
            from: &e.from,
            to: &e.to,
            kind: e.kind.as_str(),
            channel: e.channel.as_deref(),
            at: EdgeAt::Edge(i),
        });
    }
    edges.sort_by(|a, b| (a.from, a.to, a.kind, a.channel).cmp(&(b.from, b.to, b.kind, b.channel)));

    let options = &analysis.options;
    Summary {
        schema: SCHEMA,
        dataset: DatasetOut::of(&dataset.meta),
        reforms: reforms.to_vec(),
        weights: weights_out(&options.weights),
        principals: analysis.principals.clone(),
        closure: analysis
            .closure
            .iter()
            .map(|c| (c.principal.clone(), c.controlled.clone()))
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
            analysis,
            keys: edges,
        },
        flags: Flags(&analysis.flags),
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
    order: Vec<usize>,
}

impl Serialize for Bodies<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.order.iter().map(|&i| {
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
#[derive(Clone, Copy)]
enum EdgeAt {
    Step(usize, usize, usize),
    Edge(usize),
}

/// An edge's sort key and where its record is built from.
struct EdgeKey<'a> {
    from: &'a str,
    to: &'a str,
    kind: &'static str,
    channel: Option<&'a str>,
    at: EdgeAt,
}

/// The edges of a [`Summary`] (every channel step, then every power edge, sorted by from,
/// to, kind and channel), each built as it is serialised.
pub struct Edges<'a> {
    dataset: &'a Dataset,
    analysis: &'a Analysis,
    keys: Vec<EdgeKey<'a>>,
}

impl Serialize for Edges<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.keys.iter().map(|k| match k.at {
            EdgeAt::Step(bi, ci, si) => {
                let b = &self.dataset.bodies[bi];
                let c = &b.channels[ci];
                let cs = &self.analysis.bodies[bi].channels[ci];
                let s = &c.steps[si];
                EdgeOut {
                    from: s.actor.clone(),
                    to: b.id.clone(),
                    kind: s.role.to_string(),
                    channel: Some(c.id.clone()),
                    seats: Some(c.seats),
                    share: Some(r4(cs
                        .shares
                        .iter()
                        .filter(|x| {
                            x.actor == s.actor
                                && x.position != crate::analysis::Position::RemoveAtWill
                        })
                        .map(|x| x.seats)
                        .sum())),
                    source: c.source.clone(),
                    confidence: c.confidence.to_string(),
                    note: c.note.clone(),
                }
            }
            EdgeAt::Edge(i) => {
                let e = &self.dataset.edges[i];
                EdgeOut {
                    from: e.from.clone(),
                    to: e.to.clone(),
                    kind: e.kind.to_string(),
                    channel: e.channel.clone(),
                    seats: None,
                    share: None,
                    source: e.source.clone(),
                    confidence: e.confidence.to_string(),
                    note: e.note.clone(),
                }
            }
        }))
    }
}

/// The flags of a [`Summary`], in the analysis's order, each built as it is serialised.
pub struct Flags<'a>(&'a [Flag]);

impl Serialize for Flags<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.0.iter().map(flag_out))
    }
}

/// The record of body `b` with its analysis `a`.
fn body_out(
    b: &crate::model::Body,
    a: &crate::analysis::BodyAnalysis,
    analysis: &Analysis,
    ranges: Option<&Ranges>,
) -> BodyOut {
    BodyOut {
        id: b.id.clone(),
        names: Names {
            en: b.name(Lang::En).to_string(),
            ru: b.name(Lang::Ru).to_string(),
            kk: b.name(Lang::Kk).to_string(),
        },
        branch: b.branch.to_string(),
        role: b.role.map(|r| r.to_string()),
        seats: b.seats,
        seats_nominal: b.seats_nominal,
        independent: b.independent,
        non_partisan: b.non_partisan,
        confidence: b.confidence.to_string(),
        direct: r4_map(&a.direct),
        control: r4_map(&a.control),
        control_range: a
            .control
            .keys()
            .filter_map(|p| {
                ranges
                    .and_then(|r| r.get(&b.id, p))
                    .map(|(lo, hi)| (p.clone(), [r4(lo), r4(hi)]))
            })
            .collect(),
        vetoes: a.vetoes.clone(),
        removable_at_will_by: a.removable_at_will_by.clone(),
        removable_for_cause_by: a.removable_for_cause_by.clone(),
        hhi: r4(a.hhi),
        controlled_by: a.controlled_by.clone(),
        closure_seats: r4_map(&a.closure_seats),
        quota: a.quota,
        dominators: a.dominators.clone(),
        channels: b
            .channels
            .iter()
            .zip(&a.channels)
            .map(|(c, cs)| ChannelOut {
                id: c.id.clone(),
                label: c.label.clone(),
                seats: c.seats,
                steps: c
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let share = cs.shares.iter().find(|x| x.actor == s.actor);
                        let derived = cs.steps.get(i);
                        StepOut {
                            actor: s.actor.clone(),
                            role: s.role.to_string(),
                            position: share
                                .map(|x| x.position.weight_name().to_string())
                                .unwrap_or_else(|| "propose".to_string()),
                            seats: r4(cs
                                .shares
                                .iter()
                                .filter(|x| x.actor == s.actor)
                                .map(|x| x.seats)
                                .sum()),
                            veto_strength: r4(derived.map_or(1.0, |d| d.veto_strength)),
                            under_threat: derived.is_some_and(|d| d.under_threat),
                        }
                    })
                    .collect(),
                mandate: c.mandate.to_string(),
                source: c.source.clone(),
                confidence: c.confidence.to_string(),
                note: c.note.clone(),
            })
            .collect(),
        layer: analysis.options.layer.to_string(),
        share_model: analysis.options.share_model.as_str().to_string(),
        decision: DecisionOut {
            rule: b.decision_rule().to_string(),
            quota: b.decision_quota(),
        },
        blocs: a
            .power
            .iter()
            .flat_map(|p| &p.blocs)
            .map(|k| {
                let coded = b.blocs.iter().find(|x| x.id == k.id);
                BlocOut {
                    id: k.id.clone(),
                    label: k.label.clone(),
                    seats: k.seats,
                    layer: k.layer.to_string(),
                    aligned_with: k.aligned_with.clone(),
                    banzhaf: r4(k.banzhaf),
                    shapley_shubik: r4(k.shapley_shubik),
                    source: coded.map(|x| x.source.clone()).unwrap_or_default(),
                    confidence: coded.map(|x| x.confidence.to_string()).unwrap_or_default(),
                    note: coded.map(|x| x.note.clone()).unwrap_or_default(),
                }
            })
            .collect(),
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
    let ranges = s.ranges();
    let doc = summary(s.dataset, s.analysis, s.reforms, ranges.as_deref());
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

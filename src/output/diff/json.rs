//! `bilik diff --format json`: the JSON document `bilik.diff/1`, separate from the
//! `bilik.summary/1` export. Its dataset, headlines, flags and principals' figures are the
//! summary's own types ([`crate::output::summary::json`]).

use std::collections::BTreeMap;

use serde::Serialize;

use super::DiffView;
use crate::analysis::diff::BodyChange;
use crate::output::fmt::{self, r4};
use crate::output::summary::json::{
    DatasetOut, FlagOut, HeadlineOut, Names, PrincipalOut, flag_out, headline_out, principal_out,
    weights_out,
};

pub const SCHEMA: &str = "bilik.diff/1";

#[derive(Debug, Serialize)]
pub struct DiffDoc {
    pub schema: &'static str,
    pub dataset: DatasetOut,
    pub reforms: Vec<PresetOut>,
    pub weights: BTreeMap<String, f64>,
    /// The layer both states are analysed in, `de_jure` or `de_facto` (codebook R34).
    pub layer: String,
    /// `seats`, `banzhaf` or `shapley` (codebook R33).
    pub share_model: String,
    pub principals: BeforeAfter<Vec<String>>,
    pub headline: BeforeAfter<Option<HeadlineOut>>,
    pub bodies: Vec<BodyDeltaOut>,
    pub flags_raised: Vec<FlagOut>,
    pub flags_cleared: Vec<FlagOut>,
    pub edges_added: Vec<String>,
    pub edges_removed: Vec<String>,
    pub summary: SummaryDeltaOut,
}

#[derive(Debug, Serialize)]
pub struct BeforeAfter<T> {
    pub before: T,
    pub after: T,
}

#[derive(Debug, Serialize)]
pub struct PresetOut {
    pub id: String,
    pub title: Names,
    /// The proposal's number in the source article, when the preset has one.
    pub article: Option<ArticleOut>,
}

#[derive(Debug, Serialize)]
pub struct ArticleOut {
    pub proposal: u32,
}

#[derive(Debug, Serialize)]
pub struct ShareDelta {
    pub before: f64,
    pub after: f64,
    pub change: f64,
}

#[derive(Debug, Serialize)]
pub struct AttributeDelta {
    pub before: String,
    pub after: String,
}

#[derive(Debug, Serialize)]
pub struct BodyDeltaOut {
    pub id: String,
    /// `added`, `removed` or `changed`.
    pub change: &'static str,
    pub seats: BeforeAfter<Option<u32>>,
    /// Actor -> seats before and after, for actors whose seats moved.
    pub direct: BTreeMap<String, ShareDelta>,
    /// Principal -> integrated control before and after, for principals whose share moved.
    pub control: BTreeMap<String, ShareDelta>,
    pub hhi: BeforeAfter<f64>,
    pub attributes: BTreeMap<String, AttributeDelta>,
    pub channels_added: Vec<String>,
    pub channels_removed: Vec<String>,
    pub channels_changed: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct SummaryDeltaOut {
    pub system_hhi: BeforeAfter<f64>,
    pub principals: Vec<PrincipalDeltaOut>,
}

#[derive(Debug, Serialize)]
pub struct PrincipalDeltaOut {
    pub id: String,
    pub before: Option<PrincipalOut>,
    pub after: Option<PrincipalOut>,
}

fn share_delta(x: f64, y: f64) -> ShareDelta {
    ShareDelta {
        before: r4(x),
        after: r4(y),
        change: r4(y - x),
    }
}

/// The `bilik.diff/1` document. Floats are rounded to 4 decimals and maps sorted, so the same
/// inputs give byte-identical output.
pub fn document(v: &DiffView) -> DiffDoc {
    let c = v.delta;
    let d = &c.diff;
    DiffDoc {
        schema: SCHEMA,
        dataset: DatasetOut::of(&v.baseline.meta),
        reforms: v
            .presets
            .iter()
            .map(|p| PresetOut {
                id: p.id.clone(),
                title: Names {
                    en: p.title.en.clone(),
                    ru: p.title.ru.clone(),
                    kk: p.title.kk.clone(),
                },
                article: p.article.map(|a| ArticleOut {
                    proposal: a.proposal,
                }),
            })
            .collect(),
        weights: weights_out(&c.after.options.weights),
        layer: c.after.options.layer.to_string(),
        share_model: c.after.options.share_model.as_str().to_string(),
        principals: BeforeAfter {
            before: c.before.principals.clone(),
            after: c.after.principals.clone(),
        },
        headline: BeforeAfter {
            before: c
                .headline
                .0
                .as_ref()
                .map(|h| headline_out(h, v.ranges.map(|r| r.0))),
            after: c
                .headline
                .1
                .as_ref()
                .map(|h| headline_out(h, v.ranges.map(|r| r.1))),
        },
        bodies: d
            .bodies
            .iter()
            .map(|b| BodyDeltaOut {
                id: b.id.clone(),
                change: match b.change {
                    BodyChange::Added => "added",
                    BodyChange::Removed => "removed",
                    BodyChange::Changed => "changed",
                },
                seats: BeforeAfter {
                    before: b.seats.0,
                    after: b.seats.1,
                },
                direct: b
                    .direct
                    .iter()
                    .map(|(k, (x, y))| (k.clone(), share_delta(*x, *y)))
                    .collect(),
                control: b
                    .control
                    .iter()
                    .map(|(k, (x, y))| (k.clone(), share_delta(*x, *y)))
                    .collect(),
                hhi: BeforeAfter {
                    before: r4(b.hhi.0),
                    after: r4(b.hhi.1),
                },
                attributes: v
                    .attributes(&b.id)
                    .into_iter()
                    .map(|(k, before, after)| (k.to_string(), AttributeDelta { before, after }))
                    .collect(),
                channels_added: b.channels_added.clone(),
                channels_removed: b.channels_removed.clone(),
                channels_changed: b.channels_changed.clone(),
            })
            .collect(),
        flags_raised: d
            .flags_raised
            .iter()
            .map(|f| flag_out(f, v.reformed))
            .collect(),
        flags_cleared: d
            .flags_cleared
            .iter()
            .map(|f| flag_out(f, v.baseline))
            .collect(),
        edges_added: d.edges_added.clone(),
        edges_removed: d.edges_removed.clone(),
        summary: SummaryDeltaOut {
            system_hhi: BeforeAfter {
                before: r4(d.system_hhi.0),
                after: r4(d.system_hhi.1),
            },
            principals: d
                .principals
                .iter()
                .map(|p| PrincipalDeltaOut {
                    id: p.id.clone(),
                    before: p.before.as_ref().map(principal_out),
                    after: p.after.as_ref().map(principal_out),
                })
                .collect(),
        },
    }
}

/// The `bilik.diff/1` document as JSON.
pub fn render(v: &DiffView) -> String {
    fmt::json(&document(v))
}

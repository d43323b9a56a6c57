//! `bilik explain --format json`: the document `bilik.explain/1`, the explanation's numbers
//! (rounded to 4 decimals) with the words of every section, so that a script can check the
//! sum and a page can show the text.

use serde::Serialize;

use super::Doc;
use crate::analysis::Position;
use crate::analysis::explain::Explanation;
use crate::model::{Dataset, Lang};
use crate::output::fmt::{self, r4};

pub const SCHEMA: &str = "bilik.explain/1";

#[derive(Debug, Serialize)]
struct ExplainDoc<'a> {
    schema: &'static str,
    dataset: &'a str,
    body: Named,
    principal: Named,
    seats: u32,
    seats_nominal: bool,
    share: f64,
    range: Option<[f64; 2]>,
    direct: f64,
    direct_seats: f64,
    picked: u32,
    /// `direct` + every path's contribution = `share`.
    paths: Vec<PathOut>,
    others: Vec<OtherOut>,
    channels: Vec<ChannelOut>,
    vetoes: Vec<VetoOut>,
    drivers: Vec<DriverOut>,
    weights: std::collections::BTreeMap<String, f64>,
    at_will_threat: bool,
    question: &'a str,
    answer: &'a str,
    sections: Vec<SectionOut<'a>>,
}

#[derive(Debug, Serialize)]
struct Named {
    id: String,
    name: String,
}

#[derive(Debug, Serialize)]
struct PathOut {
    via: Named,
    seats: f64,
    share: f64,
    control_of_via: f64,
    contribution: f64,
    is_principal: bool,
}

#[derive(Debug, Serialize)]
struct OtherOut {
    principal: Named,
    share: f64,
}

#[derive(Debug, Serialize)]
struct ChannelOut {
    id: String,
    label: String,
    seats: u32,
    source: String,
    weight_total: f64,
    principal_seats: f64,
    steps: Vec<StepOut>,
}

#[derive(Debug, Serialize)]
struct StepOut {
    actor: Named,
    /// The coded role; `null` for an at-will remover.
    role: Option<&'static str>,
    /// propose, consent, consent_under_threat, recommend, at_will_removal; `null` for an
    /// appointment on one's own nomination.
    position: Option<&'static str>,
    base_weight: f64,
    veto_strength: f64,
    weight: f64,
    seats: f64,
    under_threat: bool,
    edge_source: Option<String>,
    vote: Option<String>,
    rules: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
struct VetoOut {
    channel: String,
    actor: Named,
    veto_strength: f64,
    under_threat: bool,
    threat_source: Option<String>,
    discounted_by: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
struct DriverOut {
    choice: String,
    value: f64,
    contested: Option<String>,
    argument: Option<String>,
    source: Option<String>,
}

#[derive(Debug, Serialize)]
struct SectionOut<'a> {
    title: &'a str,
    lines: Vec<&'a str>,
}

pub fn render(dataset: &Dataset, e: &Explanation, doc: &Doc, lang: Lang) -> String {
    let named = |id: &str| Named {
        id: id.to_string(),
        name: dataset.name(id, lang).to_string(),
    };
    let out = ExplainDoc {
        schema: SCHEMA,
        dataset: &dataset.meta.id,
        body: named(&e.body),
        principal: named(&e.principal),
        seats: e.seats,
        seats_nominal: e.seats_nominal,
        share: r4(e.share),
        range: e.range.as_ref().map(|r| [r4(r.lo), r4(r.hi)]),
        direct: r4(e.direct),
        direct_seats: r4(e.direct_seats),
        picked: e.picked,
        paths: e
            .paths
            .iter()
            .map(|p| PathOut {
                via: named(&p.via),
                seats: r4(p.seats),
                share: r4(p.share),
                control_of_via: r4(p.control_of_via),
                contribution: r4(p.contribution),
                is_principal: p.is_principal,
            })
            .collect(),
        others: e
            .others
            .iter()
            .map(|(p, v)| OtherOut {
                principal: named(p),
                share: r4(*v),
            })
            .collect(),
        channels: e
            .channels
            .iter()
            .map(|c| ChannelOut {
                id: c.id.clone(),
                label: c.label.clone(),
                seats: c.seats,
                source: c.source.clone(),
                weight_total: r4(c.weight_total),
                principal_seats: r4(c.principal_seats),
                steps: c
                    .steps
                    .iter()
                    .map(|s| StepOut {
                        actor: named(&s.actor),
                        role: s.role.map(|r| r.as_str()),
                        position: s.position.map(Position::weight_name),
                        base_weight: r4(s.base_weight),
                        veto_strength: r4(s.veto_strength),
                        weight: r4(s.weight),
                        seats: r4(s.seats),
                        under_threat: s.under_threat,
                        edge_source: s.edge_source.clone(),
                        vote: s.vote.clone(),
                        rules: s.rules.clone(),
                    })
                    .collect(),
            })
            .collect(),
        vetoes: e
            .vetoes
            .iter()
            .map(|v| VetoOut {
                channel: v.channel.clone(),
                actor: named(&v.actor),
                veto_strength: r4(v.veto_strength),
                under_threat: v.under_threat,
                threat_source: v.threat_source.clone(),
                discounted_by: v.discounted_by.clone(),
            })
            .collect(),
        drivers: e
            .range
            .iter()
            .flat_map(|r| &r.drivers)
            .map(|d| DriverOut {
                choice: d.choice.clone(),
                value: r4(d.value),
                contested: d.reading.as_ref().map(|r| r.0.clone()),
                argument: d.reading.as_ref().map(|r| r.1.clone()),
                source: d.reading.as_ref().map(|r| r.2.clone()),
            })
            .collect(),
        weights: crate::output::summary::json::weights_out(&e.weights),
        at_will_threat: e.at_will_threat,
        question: &doc.question,
        answer: &doc.answer,
        sections: doc
            .sections
            .iter()
            .map(|s| SectionOut {
                title: &s.title,
                lines: s.lines.iter().map(|l| l.text.as_str()).collect(),
            })
            .collect(),
    };
    fmt::json(&out)
}

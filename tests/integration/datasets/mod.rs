//! Legal facts of each shipped dataset, pinned so that a data edit that changes them is seen.
//! The helpers below are shared by the per-dataset modules.

use bilik::analysis::{Analysis, Options, analyze};
use bilik::model::{Dataset, StepRole};

mod closure;
mod fr;
mod kg_2021;
mod kz_2017;
mod kz_2022;
mod kz_2026;
mod ru_2020;
mod tj_2016;
mod tm_2023;
mod tr;
mod us;
mod uz_2023;

/// An embedded dataset, which the library has already checked to load.
pub fn dataset(id: &str) -> Dataset {
    bilik::data::resolve(id).unwrap_or_else(|e| panic!("{}", e.report))
}

pub fn analysis(d: &Dataset) -> Analysis {
    analyze(d, &Options::of(d)).unwrap()
}

/// The (actor, role) steps of a body's channel.
pub fn steps(d: &Dataset, body: &str, channel: &str) -> Vec<(String, StepRole)> {
    d.body(body)
        .unwrap_or_else(|| panic!("no body {body}"))
        .channel(channel)
        .unwrap_or_else(|| panic!("no channel {body}/{channel}"))
        .steps
        .iter()
        .map(|s| (s.actor.clone(), s.role))
        .collect()
}

/// The channels (`body/channel`, sorted) one of whose steps is `actor`'s consent.
pub fn consented_by(d: &Dataset, actor: &str) -> Vec<String> {
    let mut out: Vec<String> = d
        .bodies
        .iter()
        .flat_map(|b| {
            b.channels
                .iter()
                .filter(|c| {
                    c.steps
                        .iter()
                        .any(|st| st.actor == actor && st.role == StepRole::Consent)
                })
                .map(move |c| format!("{}/{}", b.id, c.id))
        })
        .collect();
    out.sort();
    out
}

pub fn s(id: &str, r: StepRole) -> (String, StepRole) {
    (id.to_string(), r)
}

pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

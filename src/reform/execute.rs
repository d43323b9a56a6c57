//! The operation executor: carries out one [`Change`] on a dataset, or says what stands in its
//! way as a `Miss`. It knows nothing of presets or conflicts; the ledger calls it on a trial
//! copy and decides what a miss means.
//!
//! Complexity: an operation on a body finds it through the dataset's index, O(1), and changes
//! it in O(its channels); a rename or removal rewrites every reference, O(C x steps + E); an
//! edge operation scans the edges for its key, O(E).

use super::Change;
use super::error::{Miss, exists, no_body, no_channel, no_edge};
use crate::model::load::ATTRIBUTES;
use crate::model::validate::edge_label;
use crate::model::{Dataset, EdgeKey, Element};

/// Carries out one operation on `d`, or says what stands in its way.
pub(super) fn execute(change: &Change, d: &mut Dataset) -> Result<(), Box<Miss>> {
    match change {
        Change::AddBody(b) => {
            if d.body(&b.id).is_some() {
                return Err(exists(
                    Element::Body(b.id.clone()),
                    format!("body `{}`", b.id),
                    Some("id"),
                ));
            }
            d.push_body(b.clone());
        }
        Change::RemoveBody { id } => {
            let i = d
                .bodies
                .iter()
                .position(|b| &b.id == id)
                .ok_or_else(|| no_body(d, id, "id"))?;
            d.bodies.remove(i);
            d.reindex();
        }
        Change::RenameBody { id, to } => {
            if d.body(id).is_none() {
                return Err(no_body(d, id, "id"));
            }
            if d.body(to).is_some() {
                return Err(exists(
                    Element::Body(to.clone()),
                    format!("body `{to}`"),
                    Some("to"),
                ));
            }
            d.renamed(id, to);
            for b in &mut d.bodies {
                if &b.id == id {
                    b.id = to.clone();
                }
                for s in b.channels.iter_mut().flat_map(|c| c.steps.iter_mut()) {
                    if &s.actor == id {
                        s.actor = to.clone();
                    }
                }
            }
            for e in &mut d.edges {
                for end in [&mut e.from, &mut e.to] {
                    if end == id {
                        *end = to.clone();
                    }
                }
            }
            for p in d.principals.iter_mut().flatten() {
                if p == id {
                    *p = to.clone();
                }
            }
        }
        Change::ChangeBody { id, set, source } => {
            let Some(b) = d.body_mut(id) else {
                return Err(no_body(d, id, "id"));
            };
            if let Some(n) = &set.names {
                b.names = n.clone();
            }
            if let Some(x) = set.branch {
                b.branch = x;
            }
            if let Some(x) = set.role {
                b.role = Some(x);
            }
            if let Some(x) = set.seats {
                b.seats = x;
            }
            if let Some(x) = set.seats_nominal {
                b.seats_nominal = x;
            }
            if let Some(x) = set.independent {
                b.independent = x;
            }
            if let Some(x) = set.non_partisan {
                b.non_partisan = x;
            }
            if let Some(x) = set.relatives_ban {
                b.relatives_ban = x;
            }
            if let Some(x) = set.senior_post {
                b.senior_post = x;
            }
            if let Some(x) = set.term_years {
                b.term_years = Some(x);
            }
            if let Some(x) = set.registration {
                b.registration = Some(x);
            }
            if let Some(x) = &set.liability {
                b.liability = Some(x.clone());
            }
            if let Some(x) = set.confidence {
                b.confidence = x;
            }
            if let Some(x) = &set.note {
                b.note = x.clone();
            }
            // Flag rules cite an attribute's own source; what the body is and how many seats
            // it has is cited by the body's source, which then names the reform too.
            let mut structural = false;
            for (field, _) in set.fields() {
                if ATTRIBUTES.contains(&field) {
                    b.attribute_sources
                        .insert(field.to_string(), source.clone());
                } else if matches!(field, "name" | "branch" | "role" | "seats") {
                    structural = true;
                }
            }
            if structural && !b.source.contains(source.as_str()) {
                b.source = format!("{}; {source}", b.source);
            }
        }
        Change::AddChannel { body, channel } => {
            let Some(b) = d.body_mut(body) else {
                return Err(no_body(d, body, "body"));
            };
            if b.channel(&channel.id).is_some() {
                return Err(exists(
                    Element::Channel(body.clone(), channel.id.clone()),
                    format!("channel `{}` of `{body}`", channel.id),
                    Some("id"),
                ));
            }
            b.channels.push(channel.clone());
        }
        Change::RemoveChannel { body, channel } => {
            let Some(b) = d.body_mut(body) else {
                return Err(no_body(d, body, "body"));
            };
            let Some(i) = b.channels.iter().position(|c| &c.id == channel) else {
                return Err(no_channel(b, channel));
            };
            b.channels.remove(i);
        }
        Change::ChangeChannel { body, channel, set } => {
            let Some(b) = d.body_mut(body) else {
                return Err(no_body(d, body, "body"));
            };
            let Some(i) = b.channels.iter().position(|c| &c.id == channel) else {
                return Err(no_channel(b, channel));
            };
            let c = &mut b.channels[i];
            if let Some(x) = &set.label {
                c.label = x.clone();
            }
            if let Some(x) = set.seats {
                c.seats = x;
            }
            if let Some(x) = &set.steps {
                c.steps = x.clone();
            }
            if let Some(x) = set.mandate {
                c.mandate = x;
            }
            c.source = set.source.clone();
            if let Some(x) = set.confidence {
                c.confidence = x;
            }
            if let Some(x) = &set.note {
                c.note = x.clone();
            }
            if let Some(x) = &set.alternatives {
                c.alternatives = x.clone();
            }
        }
        Change::AddEdge(e) => {
            let key = e.key();
            if d.edges.iter().any(|x| x.has_key(&key)) {
                return Err(exists(
                    Element::Edge(key),
                    format!("edge {}", edge_label(&e.key())),
                    None,
                ));
            }
            d.edges.push(e.clone());
        }
        Change::RemoveEdge { key } => {
            endpoints(d, key)?;
            let i = d
                .edges
                .iter()
                .position(|e| e.has_key(key))
                .ok_or_else(|| no_edge(d, key))?;
            d.edges.remove(i);
        }
        Change::ChangeEdge { key, set } => {
            endpoints(d, key)?;
            let Some(i) = d.edges.iter().position(|e| e.has_key(key)) else {
                return Err(no_edge(d, key));
            };
            let e = &mut d.edges[i];
            if let Some(n) = set.after_refusals {
                e.after_refusals = Some(n);
            }
            if let Some(c) = &set.covers {
                e.covers = c.clone();
            }
            if let Some(b) = &set.bars {
                e.bars = b.clone();
            }
            if let Some(a) = &set.alternatives {
                e.alternatives = a.clone();
            }
            if let Some(t) = &set.threshold {
                e.threshold = Some(t.clone());
            }
            e.source = set.source.clone();
            if let Some(c) = set.confidence {
                e.confidence = c;
            }
            if let Some(n) = &set.note {
                e.note = n.clone();
            }
        }
        Change::SetPrincipals(p) => d.principals = p.clone(),
    }
    Ok(())
}

/// An edge named with a misspelt body is better reported as an unknown body, with a suggestion.
fn endpoints(d: &Dataset, key: &EdgeKey) -> Result<(), Box<Miss>> {
    for (id, field) in [(&key.0, "from"), (&key.2, "to")] {
        if d.body(id).is_none() {
            return Err(no_body(d, id, field));
        }
    }
    Ok(())
}

//! Direct shares: how each channel's seats are split among the actors of its steps.
//!
//! Complexity: [`EdgeIndex::new`] is O(E) once per analysis; a channel's split is then
//! O(steps + the dissolution and removal edges between its actors) through the index, so the
//! shares of a whole dataset are O(S + E).

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::model::{Body, BodyId, Channel, Dataset, Edge, EdgeKind, Mandate, StepRole, Weights};

/// The part an actor plays in a channel, which decides the weight it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Position {
    /// A non-binding recommendation (`recommend`).
    Recommend,
    /// Picks the candidate (`propose`).
    Propose,
    /// Must approve the pick: a veto point (`consent`).
    Ratify,
    /// Must approve, but may be dissolved by the proposer for refusing
    /// (`consent_under_threat`).
    RatifyUnderThreat,
    /// Can dismiss the seat's holder at will (`at_will_removal`).
    RemoveAtWill,
}

impl Position {
    pub fn weight_name(self) -> &'static str {
        match self {
            Position::Recommend => "recommend",
            Position::Propose => "propose",
            Position::Ratify => "consent",
            Position::RatifyUnderThreat => "consent_under_threat",
            Position::RemoveAtWill => "at_will_removal",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Position::Recommend => "recommends",
            Position::Propose => "proposes",
            Position::Ratify => "ratifies",
            Position::RatifyUnderThreat => "ratifies under threat of dissolution",
            Position::RemoveAtWill => "can remove at will",
        }
    }

    pub fn is_veto(self) -> bool {
        matches!(self, Position::Ratify | Position::RatifyUnderThreat)
    }
}

/// One actor's part of one channel.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    pub actor: BodyId,
    pub position: Position,
    /// Seats (possibly fractional) this actor holds of the channel under the weights.
    pub seats: f64,
    /// The strength of its veto when it ratifies (codebook R8); 1 otherwise.
    pub veto_strength: f64,
}

/// The split of one channel.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelShares {
    pub channel: String,
    pub seats: u32,
    pub shares: Vec<Share>,
    /// The actor who picks the candidates.
    pub proposer: BodyId,
    /// Actors whose approval the channel needs.
    pub vetoes: Vec<BodyId>,
    /// Actors that can dismiss these seats' holders at will.
    pub removers: Vec<BodyId>,
    /// What the analysis derives for each step of the channel, in the channel's order.
    pub steps: Vec<StepDerived>,
}

/// What the analysis derives for one step (codebook R-VOTE, R-THREAT).
#[derive(Debug, Clone, PartialEq)]
pub struct StepDerived {
    /// The position it counts in; `None` for an appointment on one's own nomination, which
    /// adds nothing to the pick.
    pub position: Option<Position>,
    /// Its veto's strength from its voting rule (1 for a simple majority or a single official).
    pub veto_strength: f64,
    /// The proposer may dissolve the ratifier for refusing it.
    pub under_threat: bool,
    /// The dissolution edge that makes it so (its source is the citation).
    pub threat_source: Option<String>,
}

/// The edges that bear on how seats are split, indexed once per analysis so that splitting
/// every channel stays linear in the size of the dataset.
pub struct EdgeIndex<'a> {
    /// Dissolutions that can make a consent one given under threat, by (dissolver, target):
    /// those on refusal, and those at will when the option counts them (codebook R-THREAT).
    threats: HashMap<(&'a str, &'a str), Vec<&'a Edge>>,
    /// `dismiss_at_will` edges by target body.
    at_will: HashMap<&'a str, Vec<&'a Edge>>,
}

impl<'a> EdgeIndex<'a> {
    /// `at_will_threat`: whether a general power to dissolve at will also puts the body's
    /// consents under threat (off by default, codebook R-THREAT).
    pub fn new(dataset: &'a Dataset, at_will_threat: bool) -> Self {
        let mut index = EdgeIndex {
            threats: HashMap::default(),
            at_will: HashMap::default(),
        };
        for e in &dataset.edges {
            match e.kind {
                EdgeKind::DissolveOnRefusal => {
                    index
                        .threats
                        .entry((e.from.as_str(), e.to.as_str()))
                        .or_default()
                        .push(e);
                }
                EdgeKind::Dissolve if at_will_threat => {
                    index
                        .threats
                        .entry((e.from.as_str(), e.to.as_str()))
                        .or_default()
                        .push(e);
                }
                EdgeKind::DismissAtWill => {
                    index.at_will.entry(e.to.as_str()).or_default().push(e);
                }
                _ => {}
            }
        }
        index
    }

    /// The dissolution that puts `ratifier`'s step of `role` in `body`'s `channel` under the
    /// threat of `proposer`, if any: derived, never hand-set.
    pub fn threat(
        &self,
        proposer: &str,
        ratifier: &str,
        body: &str,
        channel: &str,
        role: StepRole,
    ) -> Option<&'a Edge> {
        self.threats
            .get(&(proposer, ratifier))?
            .iter()
            .copied()
            .find(|e| {
                e.kind == EdgeKind::Dissolve
                    || e.covers.iter().any(|c| c.covers(body, channel, role))
            })
    }

    /// Actors that can dismiss the holders of `channel` of `body` at will: explicit
    /// `dismiss_at_will` edges, and under an imperative mandate the nominating party.
    pub fn at_will_removers(&self, body: &Body, channel: &Channel) -> Vec<BodyId> {
        self.removers(body, channel)
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    /// [`EdgeIndex::at_will_removers`] borrowed from the data, in the same order.
    pub fn removers<'b>(&self, body: &Body, channel: &'b Channel) -> Vec<&'b str>
    where
        'a: 'b,
    {
        let mut out = Vec::new();
        self.removers_into(body, channel, &mut out);
        out
    }

    /// [`EdgeIndex::removers`] into a buffer the caller reuses (cleared first).
    pub(super) fn removers_into<'b>(
        &self,
        body: &Body,
        channel: &'b Channel,
        out: &mut Vec<&'b str>,
    ) where
        'a: 'b,
    {
        out.clear();
        out.extend(
            self.at_will
                .get(body.id.as_str())
                .into_iter()
                .flatten()
                .filter(|e| e.covers(&channel.id))
                .map(|e| e.from.as_str()),
        );
        if channel.mandate == Mandate::Imperative
            && let Some(n) = channel.steps.iter().find(|s| s.role == StepRole::Nominate)
        {
            out.push(n.actor.as_str());
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// The position a step of `channel` counts in and the dissolution that puts it under threat,
/// or `None` for an appointment on one's own nomination (it adds nothing to the pick).
/// `nominated`: the channel has a nomination; `proposer`: its proposer's id.
pub(super) fn step_position<'a>(
    edges: &EdgeIndex<'a>,
    body: &Body,
    channel: &Channel,
    step: &crate::model::Step,
    nominated: bool,
    proposer: &str,
) -> Option<(Position, Option<&'a Edge>)> {
    let position = match step.role {
        StepRole::Recommend => Position::Recommend,
        StepRole::Nominate => Position::Propose,
        StepRole::Appoint | StepRole::Elect | StepRole::ExOfficio if nominated => {
            if step.actor == proposer {
                return None;
            }
            Position::Ratify
        }
        StepRole::Appoint | StepRole::Elect | StepRole::ExOfficio => Position::Propose,
        // A shortlist narrows the field before the pick, a consent after it: both are checks
        // on the actor who picks.
        StepRole::Consent | StepRole::Shortlist => Position::Ratify,
    };
    let threat = (position == Position::Ratify)
        .then(|| edges.threat(proposer, &step.actor, &body.id, &channel.id, step.role))
        .flatten();
    if threat.is_some() {
        Some((Position::RatifyUnderThreat, threat))
    } else {
        Some((position, None))
    }
}

/// The weight of a step in `position` with a veto of `strength` (codebook R-VOTE).
pub(super) fn position_weight(weights: &Weights, position: Position, strength: f64) -> f64 {
    match position {
        Position::Recommend => weights.recommend,
        Position::Propose => weights.propose,
        Position::Ratify => weights.consent * strength,
        Position::RatifyUnderThreat => weights.consent_under_threat * strength,
        Position::RemoveAtWill => weights.at_will_removal,
    }
}

/// Actors that can dismiss the holders of `channel` of `body` at will.
pub fn at_will_removers(dataset: &Dataset, body: &Body, channel: &Channel) -> Vec<BodyId> {
    EdgeIndex::new(dataset, false).at_will_removers(body, channel)
}

/// Splits a channel's seats among its actors under `weights`.
pub fn channel_shares(
    dataset: &Dataset,
    body: &Body,
    channel: &Channel,
    weights: &Weights,
) -> ChannelShares {
    channel_shares_indexed(&EdgeIndex::new(dataset, false), body, channel, weights)
}

/// [`channel_shares`] with the dataset's edges indexed once by the caller.
pub fn channel_shares_indexed(
    edges: &EdgeIndex<'_>,
    body: &Body,
    channel: &Channel,
    weights: &Weights,
) -> ChannelShares {
    let nominated = channel.steps.iter().any(|s| s.role == StepRole::Nominate);
    let proposer = channel
        .proposer()
        .map(|s| s.actor.clone())
        .unwrap_or_default();
    // Borrowed: each actor's id is copied once, into its share.
    let mut parts: Vec<(&str, Position, f64, f64)> = Vec::with_capacity(channel.steps.len());
    let mut derived = Vec::with_capacity(channel.steps.len());
    for step in &channel.steps {
        let strength = step.veto_strength();
        let Some((position, threat)) =
            step_position(edges, body, channel, step, nominated, &proposer)
        else {
            derived.push(StepDerived {
                position: None,
                veto_strength: strength,
                under_threat: false,
                threat_source: None,
            });
            continue;
        };
        // A veto weighs by its strength: what it takes to use it (codebook R-VOTE).
        let w = position_weight(weights, position, strength);
        derived.push(StepDerived {
            position: Some(position),
            veto_strength: strength,
            under_threat: threat.is_some(),
            threat_source: threat.map(|e| e.source.clone()),
        });
        parts.push((step.actor.as_str(), position, w, strength));
    }
    let removers = edges.at_will_removers(body, channel);
    let seats = f64::from(channel.seats);
    let removal = if removers.is_empty() {
        0.0
    } else {
        weights.at_will_removal.clamp(0.0, 1.0)
    };
    let total: f64 = parts.iter().map(|p| p.2).sum();
    let mut shares: Vec<Share> =
        Vec::with_capacity(parts.len() + if removal > 0.0 { removers.len() } else { 0 });
    shares.extend(parts.iter().map(|(actor, position, w, strength)| Share {
        actor: actor.to_string(),
        position: *position,
        seats: if total > 0.0 {
            seats * (1.0 - removal) * w / total
        } else {
            0.0
        },
        veto_strength: if position.is_veto() { *strength } else { 1.0 },
    }));
    if removal > 0.0 {
        let each = seats * removal / removers.len() as f64;
        shares.extend(removers.iter().map(|r| Share {
            actor: r.clone(),
            position: Position::RemoveAtWill,
            seats: each,
            veto_strength: 1.0,
        }));
    }
    // Sorted and made unique before they are copied, so that the copies are sized once: a
    // vector grown by pushes holds room for four.
    let mut vetoing: Vec<&str> = parts
        .iter()
        .filter(|p| p.1.is_veto())
        .map(|p| p.0)
        .collect();
    vetoing.sort_unstable();
    vetoing.dedup();
    let vetoes: Vec<BodyId> = vetoing.into_iter().map(str::to_string).collect();
    ChannelShares {
        channel: channel.id.clone(),
        seats: channel.seats,
        shares,
        proposer,
        vetoes,
        removers,
        steps: derived,
    }
}

/// Seats of `body` held by each actor, summed over its channels.
pub fn direct_shares(channels: &[ChannelShares]) -> BTreeMap<BodyId, f64> {
    let mut out: BTreeMap<BodyId, f64> = BTreeMap::new();
    for c in channels {
        for s in &c.shares {
            if s.seats > 0.0 {
                // The id is copied only for an actor not met before.
                match out.get_mut(s.actor.as_str()) {
                    Some(v) => *v += s.seats,
                    None => {
                        out.insert(s.actor.clone(), 0.0 + s.seats);
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Confidence, Step};

    fn channel(steps: &[(&str, StepRole)]) -> Channel {
        Channel {
            id: "c".into(),
            label: String::new(),
            seats: 1,
            steps: steps
                .iter()
                .map(|(a, r)| Step {
                    actor: a.to_string(),
                    role: *r,
                    threshold: None,
                    note: String::new(),
                    vote: None,
                    alternatives: Vec::new(),
                })
                .collect(),
            mandate: Mandate::Free,
            source: "x".into(),
            confidence: Confidence::High,
            note: String::new(),
            alternatives: Vec::new(),
            layer: Default::default(),
        }
    }

    fn split(steps: &[(&str, StepRole)], weights: &Weights) -> BTreeMap<BodyId, f64> {
        let ds = crate::analysis::tests::tiny_dataset();
        let body = ds.bodies[0].clone();
        let c = channel(steps);
        direct_shares(&[channel_shares(&ds, &body, &c, weights)])
    }

    #[test]
    fn equivalent_procedures_get_equal_shares() {
        let w = Weights::default();
        let appoint_with_consent = split(&[("a", StepRole::Appoint), ("b", StepRole::Consent)], &w);
        let elect_on_nomination = split(&[("a", StepRole::Nominate), ("b", StepRole::Elect)], &w);
        assert_eq!(appoint_with_consent, elect_on_nomination);
        assert_eq!(appoint_with_consent["a"], 0.5);
        let w = Weights {
            consent: 0.5,
            ..Weights::default()
        };
        let a = split(&[("a", StepRole::Appoint), ("b", StepRole::Consent)], &w);
        let b = split(&[("a", StepRole::Nominate), ("b", StepRole::Elect)], &w);
        assert_eq!(a, b);
        assert!((a["a"] - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn a_shortlist_is_a_check_on_the_actor_who_picks() {
        let w = Weights::default();
        let from_list = split(&[("b", StepRole::Shortlist), ("a", StepRole::Appoint)], &w);
        let with_consent = split(&[("a", StepRole::Appoint), ("b", StepRole::Consent)], &w);
        assert_eq!(from_list, with_consent);
        let ds = crate::analysis::tests::tiny_dataset();
        let body = ds.bodies[0].clone();
        let c = channel(&[("b", StepRole::Shortlist), ("a", StepRole::Appoint)]);
        let cs = channel_shares(&ds, &body, &c, &w);
        assert_eq!(
            (cs.proposer.as_str(), cs.vetoes.clone()),
            ("a", vec!["b".to_string()])
        );
    }

    #[test]
    fn recommendation_counts_for_less_and_own_appointment_is_not_double_counted() {
        let w = Weights::default();
        let s = split(
            &[
                ("r", StepRole::Recommend),
                ("a", StepRole::Nominate),
                ("b", StepRole::Elect),
            ],
            &w,
        );
        assert!((s["r"] - 0.25 / 2.25).abs() < 1e-12);
        assert!((s["a"] - 1.0 / 2.25).abs() < 1e-12);
        let s = split(
            &[
                ("a", StepRole::Nominate),
                ("b", StepRole::Consent),
                ("a", StepRole::Appoint),
            ],
            &w,
        );
        assert_eq!(s["a"], 0.5);
        assert_eq!(s["b"], 0.5);
    }
}

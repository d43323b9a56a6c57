//! Majority-control closure (codebook R32): which bodies each principal controls outright,
//! as opposed to holding an expected share of them.
//!
//! A channel's seats are *filled by* a principal when every actor that takes a binding part in
//! the channel (the actor who picks the candidate, and every actor whose approval the pick
//! needs: a consent, a shortlist, an election or appointment on another's nomination, with a
//! veto strength above 0) is the principal itself or a body it controls. A principal controls
//! a body when the seats it fills reach the body's decision quota ([`decision_quota`]). A
//! principal never controls another principal: the walk stops there, as it does for the
//! integrated control (codebook R16).
//!
//! The controlled sets are the least fixed point of that rule, computed by propagation: each
//! channel counts the binding actors its principal does not yet command, and a body whose
//! filled seats reach its quota joins the set and lowers the counts of the channels it takes
//! part in. Complexity: O(C + S) to index the channels once, then O(B + C + S) per principal
//! (each binding step is decremented at most once), O(P x (B + C + S)) in all, for B bodies,
//! C channels, S steps and P principals; [`annotate`] then reads each body's entry of every
//! closure by position, O(B x P). Weights play no part: control by closure is a fact of
//! the procedure, not of an exchange rate between a pick and a veto.

use std::collections::BTreeMap;

use super::{Analysis, Position};
use crate::model::{Body, BodyId, Dataset};

/// The number of seats a body's decisions need: its own decision rule (codebook R33), a simple
/// majority of its members when none is stated. The one place the closure reads the quota.
pub fn decision_quota(_dataset: &Dataset, body: &Body) -> f64 {
    f64::from(body.decision_quota())
}

/// One principal's closure: the bodies it controls and, for every body, the seats it fills.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PrincipalClosure {
    pub principal: BodyId,
    /// Bodies it controls other than itself, in dataset order.
    pub controlled: Vec<BodyId>,
    /// Seats of each non-principal body it fills (only bodies with seats above 0).
    pub filled: BTreeMap<BodyId, f64>,
}

/// The binding actors of each channel of the bodies that are not principals, indexed by actor.
struct Index {
    /// Per channel: its body's position and its seats.
    channels: Vec<(usize, f64)>,
    /// Per channel: how many distinct binding actors it has.
    binding: Vec<usize>,
    /// Per body, flat: the channels in which it takes a binding part, in channel order, those
    /// of body `a` at `takes_part_at[a]..takes_part_at[a + 1]`.
    takes_part_at: Vec<usize>,
    takes_part: Vec<usize>,
}

/// The positions of the binding actors ([`binding_actors`]) of each channel of the bodies that
/// are not principals, in dataset order and then channel order, as listed (actors that are no
/// body left out): channel `c`'s at `actors[at[c]..at[c + 1]]`. Each actor is looked up by its
/// id once, for the closure and the dominators alike.
pub(super) struct Binding {
    pub(super) at: Vec<usize>,
    pub(super) actors: Vec<u32>,
}

pub(super) fn binding(dataset: &Dataset, analysis: &Analysis, principal: &[bool]) -> Binding {
    let mut out = Binding {
        at: vec![0],
        actors: Vec::new(),
    };
    for (b, (body, ba)) in dataset.bodies.iter().zip(&analysis.bodies).enumerate() {
        if principal[b] {
            continue;
        }
        for (channel, cs) in body.channels.iter().zip(&ba.channels) {
            out.actors.extend(
                binding_actors(channel, cs)
                    .filter_map(|a| analysis.index.get(a).map(|&i| i as u32)),
            );
            out.at.push(out.actors.len());
        }
    }
    out
}

fn index(dataset: &Dataset, principal: &[bool], bound: &Binding) -> Index {
    let n = dataset.bodies.len();
    let mut ix = Index {
        channels: Vec::new(),
        binding: Vec::new(),
        takes_part_at: vec![0; n + 1],
        takes_part: Vec::new(),
    };
    // (actor, channel) pairs, in channel order.
    let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(bound.actors.len());
    let mut actors: Vec<u32> = Vec::new();
    for (b, body) in dataset.bodies.iter().enumerate() {
        if principal[b] {
            continue;
        }
        for channel in &body.channels {
            let c = ix.channels.len();
            ix.channels.push((b, f64::from(channel.seats)));
            actors.clear();
            actors.extend_from_slice(&bound.actors[bound.at[c]..bound.at[c + 1]]);
            actors.sort_unstable();
            actors.dedup();
            ix.binding.push(actors.len());
            pairs.extend(actors.iter().map(|&a| (a, c as u32)));
        }
    }
    // Grouped by actor, each actor's channels in channel order (a counting sort).
    for &(a, _) in &pairs {
        ix.takes_part_at[a as usize + 1] += 1;
    }
    for a in 0..n {
        ix.takes_part_at[a + 1] += ix.takes_part_at[a];
    }
    let mut next = ix.takes_part_at.clone();
    ix.takes_part = vec![0; pairs.len()];
    for (a, c) in pairs {
        ix.takes_part[next[a as usize]] = c as usize;
        next[a as usize] += 1;
    }
    ix
}

/// The actors whose act or approval a channel's seats need: the proposer and every ratifier
/// whose veto has a strength above 0 (a plurality round no minority can stop is not a veto).
pub fn binding_actors<'a>(
    channel: &'a crate::model::Channel,
    cs: &'a super::ChannelShares,
) -> impl Iterator<Item = &'a str> + 'a {
    channel
        .steps
        .iter()
        .zip(&cs.steps)
        .filter(|(_, d)| match d.position {
            Some(Position::Propose) => true,
            Some(Position::Ratify | Position::RatifyUnderThreat) => d.veto_strength > 0.0,
            _ => false,
        })
        .map(|(s, _)| s.actor.as_str())
}

/// Which bodies are principals in force, by position: a lookup per principal, where a search
/// of the principals per body was O(B x P).
pub(super) fn principal_flags(analysis: &Analysis) -> Vec<bool> {
    let mut principal = vec![false; analysis.bodies.len()];
    for p in &analysis.principals {
        if let Some(&i) = analysis.index.get(p) {
            principal[i] = true;
        }
    }
    principal
}

/// One principal's closure by position: what [`PrincipalClosure`] lists by id.
struct Closed {
    /// The principal's position.
    start: usize,
    /// Per body: controlled by the principal (the principal itself included).
    controlled: Vec<bool>,
    /// Per body: the seats the principal fills.
    filled: Vec<f64>,
}

/// The closures by position, in the order of `analysis.principals`.
fn closed(dataset: &Dataset, analysis: &Analysis) -> Vec<Closed> {
    let principal = principal_flags(analysis);
    let bound = binding(dataset, analysis, &principal);
    closed_with(dataset, analysis, &principal, &bound)
}

/// [`closed`] given which bodies are principals and the binding actors.
fn closed_with(
    dataset: &Dataset,
    analysis: &Analysis,
    principal: &[bool],
    bound: &Binding,
) -> Vec<Closed> {
    let n = dataset.bodies.len();
    let ix = index(dataset, principal, bound);
    let quota: Vec<f64> = dataset
        .bodies
        .iter()
        .map(|b| decision_quota(dataset, b))
        .collect();
    let mut out = Vec::with_capacity(analysis.principals.len());
    for p in &analysis.principals {
        let Some(&start) = analysis.index.get(p) else {
            continue;
        };
        let mut missing = ix.binding.clone();
        let mut filled = vec![0.0; n];
        let mut controlled = vec![false; n];
        controlled[start] = true;
        let mut queue = vec![start];
        while let Some(a) = queue.pop() {
            for &c in &ix.takes_part[ix.takes_part_at[a]..ix.takes_part_at[a + 1]] {
                missing[c] -= 1;
                if missing[c] > 0 {
                    continue;
                }
                let (b, seats) = ix.channels[c];
                filled[b] += seats;
                if !controlled[b] && filled[b] >= quota[b] {
                    controlled[b] = true;
                    queue.push(b);
                }
            }
        }
        out.push(Closed {
            start,
            controlled,
            filled,
        });
    }
    out
}

impl Closed {
    fn listed(&self, dataset: &Dataset) -> PrincipalClosure {
        let n = dataset.bodies.len();
        PrincipalClosure {
            principal: dataset.bodies[self.start].id.clone(),
            controlled: (0..n)
                .filter(|&b| self.controlled[b] && b != self.start)
                .map(|b| dataset.bodies[b].id.clone())
                .collect(),
            filled: (0..n)
                .filter(|&b| self.filled[b] > 0.0)
                .map(|b| (dataset.bodies[b].id.clone(), self.filled[b]))
                .collect(),
        }
    }
}

/// The closure of every principal in force, in the order of `analysis.principals`.
pub fn closure(dataset: &Dataset, analysis: &Analysis) -> Vec<PrincipalClosure> {
    closed(dataset, analysis)
        .iter()
        .map(|c| c.listed(dataset))
        .collect()
}

/// Writes each body's `controlled_by`, `closure_seats` and `quota`, and its dominators.
/// Each body reads the closures by its position: O(B x P), where a search of each principal's
/// controlled bodies per body was quadratic in the bodies.
pub fn annotate(dataset: &Dataset, analysis: &mut Analysis) {
    let principal = principal_flags(analysis);
    let bound = binding(dataset, analysis, &principal);
    let closed = closed_with(dataset, analysis, &principal, &bound);
    let doms = super::dominators::dominators_with(dataset, analysis, &principal, &bound);
    drop(bound);
    let ids = analysis.principal_ids.clone();
    // The table the analysis's maps by principal already share, if it has bodies.
    let table = analysis
        .bodies
        .first()
        .map(|b| b.control.table())
        .filter(|t| std::sync::Arc::ptr_eq(t.as_ref(), &ids))
        .map_or_else(|| std::sync::Arc::new(ids.clone()), std::sync::Arc::clone);
    // Each closure's principal by its place in the table the maps by principal share.
    let places: Vec<u32> = closed
        .iter()
        .map(|c| super::idmap::place_in(&ids, &dataset.bodies[c.start].id).unwrap_or(u32::MAX))
        .collect();
    for (b, ((body, ba), dom)) in dataset
        .bodies
        .iter()
        .zip(&mut analysis.bodies)
        .zip(doms)
        .enumerate()
    {
        ba.quota = decision_quota(dataset, body);
        ba.dominators = dom;
        ba.controlled_by.clear();
        let mut seats = Vec::new();
        for (c, &place) in closed.iter().zip(&places) {
            let principal = &dataset.bodies[c.start].id;
            if c.filled[b] > 0.0 {
                seats.push((place, c.filled[b]));
            }
            if c.controlled[b] && b != c.start {
                ba.controlled_by.push(principal.clone());
            }
        }
        // In id order; a principal listed twice keeps its last figure, as by id.
        seats.sort_by_key(|e| e.0);
        seats.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 = later.1;
            }
            same
        });
        ba.closure_seats = super::IdMap::over(&table, seats);
    }
    analysis.closure = closed.iter().map(|c| c.listed(dataset)).collect();
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analysis::{Options, analyze};
    use crate::model::load_str;

    /// A state in which `v` (voters) elects `p`; the rest is given as bodies `(id, seats,
    /// channels)` with channels as `(seats, [(actor, role)])`.
    /// A body of a hand-made state: id, seats, channels as `(seats, [(actor, role)])`.
    pub(crate) type Spec<'a> = (&'a str, u32, &'a [(u32, &'a [(&'a str, &'a str)])]);

    pub(crate) fn state(bodies: &[Spec<'_>]) -> Dataset {
        let mut s = String::from(
            r#"(id: "t", title: "T", jurisdiction: "T", as_of: "2024-01-01", bodies: [
            (id: "v", name: (en: "Voters", ru: "v", kk: "v"), branch: electorate, seats: 1, source: "a"),
            (id: "p", name: (en: "President", ru: "p", kk: "p"), branch: executive, role: head_of_state, seats: 1, source: "a",
             channels: [(id: "e", seats: 1, steps: [(actor: "v", role: elect)], source: "a")]),
            (id: "q", name: (en: "Parliament", ru: "q", kk: "q"), branch: legislative, seats: 1, source: "a",
             channels: [(id: "e", seats: 1, steps: [(actor: "v", role: elect)], source: "a")]),
"#,
        );
        for (id, seats, channels) in bodies {
            s.push_str(&format!(
                "(id: \"{id}\", name: (en: \"{id}\", ru: \"{id}\", kk: \"{id}\"), branch: judicial, seats: {seats}, independent: true, source: \"b\", channels: ["
            ));
            for (i, (n, steps)) in channels.iter().enumerate() {
                let steps: Vec<String> = steps
                    .iter()
                    .map(|(a, r)| format!("(actor: \"{a}\", role: {r})"))
                    .collect();
                s.push_str(&format!(
                    "(id: \"c{i}\", seats: {n}, steps: [{}], source: \"art. {i}\"),",
                    steps.join(", ")
                ));
            }
            s.push_str("]),\n");
        }
        s.push_str("], edges: [])");
        load_str("t.ron", &s).unwrap_or_else(|e| panic!("{}", e.report))
    }

    pub(crate) fn controlled_by(ds: &Dataset, body: &str) -> Vec<String> {
        let a = analyze(ds, &Options::of(ds)).unwrap();
        a.body(body).unwrap().controlled_by.clone()
    }

    #[test]
    fn quota_is_a_simple_majority_of_members() {
        let ds = state(&[]);
        let mut b = ds.body("p").unwrap().clone();
        for (seats, quota) in [
            (1, 1.0),
            (2, 2.0),
            (3, 2.0),
            (10, 6.0),
            (11, 6.0),
            (50, 26.0),
        ] {
            b.seats = seats;
            assert_eq!(decision_quota(&ds, &b), quota, "{seats} seats");
        }
    }

    #[test]
    fn control_reaches_a_fixed_point_through_controlled_bodies() {
        // a: 3 of 5 seats by p: controlled. b: 2 by p, 2 by a, 1 by q: 4 of 5, controlled
        // only once a is. c: 1 by p, 2 by b, 2 by q: 3 of 5, only once b is.
        let ds = state(&[
            ("a", 5, &[(3, &[("p", "appoint")]), (2, &[("q", "elect")])]),
            (
                "b",
                5,
                &[
                    (2, &[("p", "appoint")]),
                    (2, &[("a", "elect")]),
                    (1, &[("q", "elect")]),
                ],
            ),
            (
                "c",
                5,
                &[
                    (1, &[("p", "appoint")]),
                    (2, &[("b", "elect")]),
                    (2, &[("q", "elect")]),
                ],
            ),
        ]);
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        let p = a.closure.iter().find(|c| c.principal == "p").unwrap();
        assert_eq!(p.controlled, vec!["a", "b", "c"]);
        assert_eq!(p.filled["c"], 3.0);
        assert_eq!(a.body("c").unwrap().controlled_by, vec!["p"]);
        let q = a.closure.iter().find(|c| c.principal == "q").unwrap();
        assert!(q.controlled.is_empty(), "{:?}", q.controlled);
        // The expected share and control differ: p's integrated control of c is
        // (1 + 2 x control(b)) / 5, below 1 though p controls c outright.
        assert!(a.body("c").unwrap().control_of("p") < 1.0);
    }

    #[test]
    fn a_consent_is_needed_for_the_seats_to_count() {
        // 3 of 5 seats picked by p with q's consent: p fills none of them.
        let ds = state(&[(
            "a",
            5,
            &[
                (3, &[("p", "appoint"), ("q", "consent")]),
                (2, &[("p", "appoint")]),
            ],
        )]);
        assert!(controlled_by(&ds, "a").is_empty());
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        assert_eq!(a.body("a").unwrap().closure_seats["p"], 2.0);
        // ...and a recommendation binds nobody: q's recommending leaves the seats to p.
        let ds = state(&[(
            "a",
            5,
            &[
                (3, &[("q", "recommend"), ("p", "appoint")]),
                (2, &[("q", "elect")]),
            ],
        )]);
        assert_eq!(controlled_by(&ds, "a"), vec!["p"]);
    }

    #[test]
    fn a_cycle_with_no_grounded_majority_is_controlled_by_nobody() {
        // a and b fill each other's majorities; p fills a minority of each. The least fixed
        // point gives p neither, although assuming either would give it both.
        let ds = state(&[
            ("a", 3, &[(2, &[("b", "elect")]), (1, &[("p", "appoint")])]),
            ("b", 3, &[(2, &[("a", "elect")]), (1, &[("p", "appoint")])]),
        ]);
        assert!(controlled_by(&ds, "a").is_empty());
        assert!(controlled_by(&ds, "b").is_empty());
        // With one more seat of a to p, a falls to p, and b with it through the cycle.
        let ds = state(&[
            ("a", 3, &[(1, &[("b", "elect")]), (2, &[("p", "appoint")])]),
            ("b", 3, &[(2, &[("a", "elect")]), (1, &[("p", "appoint")])]),
        ]);
        assert_eq!(controlled_by(&ds, "a"), vec!["p"]);
        assert_eq!(controlled_by(&ds, "b"), vec!["p"]);
    }

    #[test]
    fn principals_are_never_controlled() {
        let ds = state(&[("a", 1, &[(1, &[("p", "appoint")])])]);
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        assert!(a.body("p").unwrap().controlled_by.is_empty());
        assert!(a.body("q").unwrap().controlled_by.is_empty());
        let v = a.closure.iter().find(|c| c.principal == "v").unwrap();
        assert!(v.controlled.is_empty(), "the voters elect principals only");
    }
}

//! Why the head of state's hold on a role moved between two datasets: which channels and
//! consents changed, with their legal sources from both datasets.
//!
//! Bodies are matched by role, not by id (kz-2017's Accounts Committee and kz-2022's Supreme
//! Audit Chamber are both `audit`), and channels by what they do, not by their ids: each side's
//! seats are grouped by who proposes them, whose consent or recommendation the pick needs, and
//! whether the head of state can dismiss their holders at will. A reason is a feature whose
//! share of the role's seats differs between the two sides.

use std::collections::BTreeSet;

use super::Entry;
use crate::analysis::Position;
use crate::model::{BodyId, EdgeKind, Role};

/// Shares that differ by less than this are the same.
const EPSILON: f64 = 5e-5;

/// A step of a route other than the proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub actor: BodyId,
    pub position: Position,
}

/// One channel of a body, reduced to what changes the head of state's hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub channel: String,
    pub label: String,
    pub seats: u32,
    pub proposer: BodyId,
    /// Consents (plain or under threat) and recommendations the pick needs.
    pub checks: Vec<Check>,
    /// The head of state can dismiss these seats' holders at will.
    pub at_will_by_head: bool,
    /// The channel's legal source.
    pub source: String,
    /// The sources of the head of state's at-will dismissal of these seats.
    pub removal_sources: Vec<String>,
}

/// A body of the role on one side, with its routes.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyRoutes {
    pub id: BodyId,
    pub seats: u32,
    pub seats_nominal: bool,
    pub routes: Vec<Route>,
}

/// How much of a role a feature covers on one side: the mean over the role's bodies of the
/// share of seats (or, for [`ReasonKind::Through`], the head of state's hold on that body).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub share: f64,
    /// `(seats, of)` when the side has a single body whose size the law fixes.
    pub seats: Option<(u32, u32)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReasonKind {
    /// The size of the body (single-body sides only).
    Seats,
    /// Seats the head of state proposes.
    HeadPicks,
    /// Seats he proposes that need `actor`'s consent; `under_threat` on either side.
    Consent {
        actor: BodyId,
        under_threat: (bool, bool),
    },
    /// Seats he proposes on `actor`'s recommendation.
    Recommendation { actor: BodyId },
    /// Seats whose holders he can dismiss at will.
    AtWill,
    /// Seats another actor proposes.
    OtherPicks { actor: BodyId },
    /// His hold on an intermediary that takes part in filling the role on both sides.
    Through { actor: BodyId },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    pub kind: ReasonKind,
    /// `None` when the feature is absent on that side.
    pub before: Option<Amount>,
    pub after: Option<Amount>,
    /// The legal sources of the feature in the first and the second dataset.
    pub sources_before: Vec<String>,
    pub sources_after: Vec<String>,
}

/// What changed for one role between two datasets.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleChange {
    pub role: Role,
    pub before: Vec<BodyRoutes>,
    pub after: Vec<BodyRoutes>,
    /// The head of state's integrated control (mean over the role's bodies), on each side.
    pub control: (Option<f64>, Option<f64>),
    /// His hold (the headline's per-role figure), on each side.
    pub held: (Option<f64>, Option<f64>),
    pub reasons: Vec<Reason>,
}

impl RoleChange {
    /// Whether anything about the role differs between the two sides.
    pub fn is_empty(&self) -> bool {
        self.reasons.is_empty()
            && same(self.control.0, self.control.1)
            && same(self.held.0, self.held.1)
    }
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= EPSILON,
        (None, None) => true,
        _ => false,
    }
}

/// The routes of every body of `role` in `e`.
pub fn routes(e: &Entry, role: Role) -> Vec<BodyRoutes> {
    let head = &e.indicators.head_of_state;
    e.dataset
        .bodies
        .iter()
        .zip(&e.analysis.bodies)
        .filter(|(b, _)| b.role == Some(role))
        .map(|(b, a)| BodyRoutes {
            id: b.id.clone(),
            seats: b.seats,
            seats_nominal: b.seats_nominal,
            routes: b
                .channels
                .iter()
                .zip(&a.channels)
                .map(|(c, cs)| {
                    let at_will_by_head = cs.removers.iter().any(|r| r == head);
                    Route {
                        channel: c.id.clone(),
                        label: if c.label.is_empty() {
                            c.id.clone()
                        } else {
                            c.label.clone()
                        },
                        seats: c.seats,
                        proposer: cs.proposer.clone(),
                        checks: cs
                            .shares
                            .iter()
                            .filter(|s| {
                                matches!(
                                    s.position,
                                    Position::Ratify
                                        | Position::RatifyUnderThreat
                                        | Position::Recommend
                                )
                            })
                            .map(|s| Check {
                                actor: s.actor.clone(),
                                position: s.position,
                            })
                            .collect(),
                        at_will_by_head,
                        source: c.source.clone(),
                        removal_sources: if at_will_by_head {
                            e.dataset
                                .edges
                                .iter()
                                .filter(|x| {
                                    x.kind == EdgeKind::DismissAtWill
                                        && x.from == *head
                                        && x.to == b.id
                                        && x.covers(&c.id)
                                })
                                .map(|x| x.source.clone())
                                .collect()
                        } else {
                            Vec::new()
                        },
                    }
                })
                .collect(),
        })
        .collect()
}

/// One side of a comparison, for measuring features.
struct Side<'a> {
    entry: &'a Entry,
    bodies: Vec<BodyRoutes>,
}

impl Side<'_> {
    fn head(&self) -> &str {
        &self.entry.indicators.head_of_state
    }

    /// The mean over bodies of the share of seats of routes matching `f`, and the sources of
    /// those routes; `None` when no route matches.
    fn measure(
        &self,
        f: &dyn Fn(&Route) -> bool,
        source: &dyn Fn(&Route) -> Vec<String>,
    ) -> (Option<Amount>, Vec<String>) {
        if self.bodies.is_empty() {
            return (None, Vec::new());
        }
        let mut sources: Vec<String> = Vec::new();
        let mut any = false;
        let mut total = 0.0;
        let mut seats = 0;
        for b in &self.bodies {
            let matched: u32 = b
                .routes
                .iter()
                .filter(|r| f(r))
                .inspect(|r| {
                    any = true;
                    for s in source(r) {
                        if !sources.contains(&s) {
                            sources.push(s);
                        }
                    }
                })
                .map(|r| r.seats)
                .sum();
            seats += matched;
            total += f64::from(matched) / f64::from(b.seats);
        }
        if !any {
            return (None, Vec::new());
        }
        (
            Some(Amount {
                share: total / self.bodies.len() as f64,
                seats: self.single().map(|of| (seats, of)),
            }),
            sources,
        )
    }

    /// The size of the side's single body whose size the law fixes.
    fn single(&self) -> Option<u32> {
        match self.bodies.as_slice() {
            [b] if !b.seats_nominal => Some(b.seats),
            _ => None,
        }
    }
}

fn channel_source(r: &Route) -> Vec<String> {
    vec![r.source.clone()]
}

fn moved(a: &Option<Amount>, b: &Option<Amount>) -> bool {
    match (a, b) {
        // Shares, not seat counts: "all 8 seats" and "all 11 seats" are the same feature of a
        // body that grew, and the growth is its own reason.
        (Some(x), Some(y)) => (x.share - y.share).abs() > EPSILON,
        (None, None) => false,
        _ => true,
    }
}

/// What changed for every independent role, and every other role whose bodies changed, from
/// `a` to `b`.
pub fn explain(a: &Entry, b: &Entry) -> Vec<RoleChange> {
    super::roles::role_order()
        .into_iter()
        .filter_map(|role| {
            let change = explain_role(a, b, role);
            let present = !change.before.is_empty() || !change.after.is_empty();
            let independent = super::INDEPENDENT_ROLES.contains(&role);
            (present && (independent || !change.is_empty())).then_some(change)
        })
        .collect()
}

/// What changed for one role from `a` to `b`.
pub fn explain_role(a: &Entry, b: &Entry, role: Role) -> RoleChange {
    let before = Side {
        entry: a,
        bodies: routes(a, role),
    };
    let after = Side {
        entry: b,
        bodies: routes(b, role),
    };
    let mut reasons = Vec::new();
    // A consent that became one under threat of dissolution is a change even when it covers
    // the same seats, hence `force`.
    let mut push = |kind: ReasonKind,
                    (before, sources_before): (Option<Amount>, Vec<String>),
                    (after, sources_after): (Option<Amount>, Vec<String>),
                    force: bool| {
        if force || moved(&before, &after) {
            reasons.push(Reason {
                kind,
                before,
                after,
                sources_before,
                sources_after,
            });
        }
    };

    // The size of the body, when each side is one body of a fixed size.
    if let (Some(x), Some(y)) = (before.single(), after.single())
        && x != y
    {
        let src = |s: &Side| -> Vec<String> {
            s.bodies
                .iter()
                .filter_map(|b| s.entry.dataset.body(&b.id).map(|x| x.source.clone()))
                .collect()
        };
        push(
            ReasonKind::Seats,
            (
                Some(Amount {
                    share: 1.0,
                    seats: Some((x, x)),
                }),
                src(&before),
            ),
            (
                Some(Amount {
                    share: 1.0,
                    seats: Some((y, y)),
                }),
                src(&after),
            ),
            true,
        );
    }

    let picks = |s: &Side| {
        let head = s.head().to_string();
        s.measure(&move |r: &Route| r.proposer == head, &channel_source)
    };
    push(ReasonKind::HeadPicks, picks(&before), picks(&after), false);

    let checkers: BTreeSet<(BodyId, bool)> = [&before, &after]
        .iter()
        .flat_map(|s| {
            let head = s.head().to_string();
            s.bodies
                .iter()
                .flat_map(|b| &b.routes)
                .filter(move |r| r.proposer == head)
                .flat_map(|r| &r.checks)
                .filter(|c| c.actor != s.head())
                .map(|c| (c.actor.clone(), c.position == Position::Recommend))
                .collect::<Vec<_>>()
        })
        .collect();
    for (actor, recommendation) in checkers {
        let on = |s: &Side| {
            let head = s.head().to_string();
            let actor = actor.clone();
            s.measure(
                &move |r: &Route| {
                    r.proposer == head
                        && r.checks.iter().any(|c| {
                            c.actor == actor
                                && (c.position == Position::Recommend) == recommendation
                        })
                },
                &channel_source,
            )
        };
        let threat = |s: &Side| {
            s.bodies.iter().flat_map(|b| &b.routes).any(|r| {
                r.proposer == s.head()
                    && r.checks
                        .iter()
                        .any(|c| c.actor == actor && c.position == Position::RatifyUnderThreat)
            })
        };
        let kind = if recommendation {
            ReasonKind::Recommendation {
                actor: actor.clone(),
            }
        } else {
            ReasonKind::Consent {
                actor: actor.clone(),
                under_threat: (threat(&before), threat(&after)),
            }
        };
        let (x, y) = (on(&before), on(&after));
        let threat_moved = matches!(
            kind,
            ReasonKind::Consent { under_threat: (p, q), .. } if p != q && x.0.is_some() && y.0.is_some()
        );
        push(kind, x, y, threat_moved);
    }

    let at_will = |s: &Side| {
        s.measure(&|r: &Route| r.at_will_by_head, &|r: &Route| {
            r.removal_sources.clone()
        })
    };
    push(ReasonKind::AtWill, at_will(&before), at_will(&after), false);

    let proposers: BTreeSet<BodyId> = [&before, &after]
        .iter()
        .flat_map(|s| {
            s.bodies
                .iter()
                .flat_map(|b| &b.routes)
                .filter(|r| r.proposer != s.head())
                .map(|r| r.proposer.clone())
                .collect::<Vec<_>>()
        })
        .collect();
    for actor in &proposers {
        let by = |s: &Side| {
            let actor = actor.clone();
            s.measure(&move |r: &Route| r.proposer == actor, &channel_source)
        };
        push(
            ReasonKind::OtherPicks {
                actor: actor.clone(),
            },
            by(&before),
            by(&after),
            false,
        );
    }

    // Intermediaries on both sides whose hold moved: the Senate whose presidential quota
    // shrank changes every body it confirms.
    let involved = |s: &Side| -> BTreeSet<BodyId> {
        s.bodies
            .iter()
            .flat_map(|b| &b.routes)
            .flat_map(|r| std::iter::once(&r.proposer).chain(r.checks.iter().map(|c| &c.actor)))
            .filter(|x| x.as_str() != s.head() && !s.entry.analysis.principals.contains(*x))
            .cloned()
            .collect()
    };
    let common: Vec<BodyId> = involved(&before)
        .intersection(&involved(&after))
        .cloned()
        .collect();
    for actor in common {
        let hold = |s: &Side| -> (Option<Amount>, Vec<String>) {
            let Some(i) = s.entry.dataset.bodies.iter().position(|b| b.id == actor) else {
                return (None, Vec::new());
            };
            let body = &s.entry.dataset.bodies[i];
            let analysis = &s.entry.analysis.bodies[i];
            // The channels through which the head of state reaches the intermediary.
            let sources: Vec<String> = body
                .channels
                .iter()
                .zip(&analysis.channels)
                .filter(|(_, cs)| {
                    cs.proposer == s.head()
                        || cs.removers.iter().any(|r| r == s.head())
                        || cs.shares.iter().any(|x| x.actor == s.head())
                })
                .map(|(c, _)| c.source.clone())
                .collect();
            (
                Some(Amount {
                    share: s.entry.held[i],
                    seats: None,
                }),
                sources,
            )
        };
        push(
            ReasonKind::Through {
                actor: actor.clone(),
            },
            hold(&before),
            hold(&after),
            false,
        );
    }

    let role_figure = |e: &Entry, held: bool| -> Option<f64> {
        e.indicators
            .roles
            .iter()
            .find(|r| r.role == role)
            .map(|r| if held { r.held } else { r.control })
    };
    RoleChange {
        role,
        control: (role_figure(a, false), role_figure(b, false)),
        held: (role_figure(a, true), role_figure(b, true)),
        before: before.bodies,
        after: after.bodies,
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Options;
    use crate::comparative::indicators::tests::mini;

    fn entry(ds: crate::model::Dataset) -> Entry {
        let o = Options::of(&ds);
        Entry::analyze(ds, &o).unwrap()
    }

    /// mini, then a reform: Parliament's judge becomes the President's, with Parliament's
    /// consent under a new article, and the auditor is renamed (same role, new id).
    fn pair() -> (Entry, Entry) {
        let before = mini();
        let mut after = before.clone();
        after.meta.id = "mini-2".into();
        let court = after.body_mut("court").unwrap();
        let judge = &mut court.channels[2];
        judge.steps = vec![
            crate::model::Step {
                actor: "president".into(),
                role: crate::model::StepRole::Appoint,
                threshold: None,
                note: String::new(),
                vote: None,
                alternatives: Vec::new(),
            },
            crate::model::Step {
                actor: "parliament".into(),
                role: crate::model::StepRole::Consent,
                threshold: None,
                note: String::new(),
                vote: None,
                alternatives: Vec::new(),
            },
        ];
        judge.source = "new art. 4(3)".into();
        after.body_mut("auditor").unwrap().id = "audit_office".into();
        (entry(before), entry(after))
    }

    #[test]
    fn a_role_change_names_what_moved_with_both_sources() {
        let (a, b) = pair();
        let ch = explain_role(&a, &b, Role::ConstitutionalReview);
        assert_eq!(ch.held, (Some(0.5), Some(2.0 / 3.0)));
        let kinds: Vec<&ReasonKind> = ch.reasons.iter().map(|r| &r.kind).collect();
        assert_eq!(
            kinds,
            [
                &ReasonKind::HeadPicks,
                &ReasonKind::Consent {
                    actor: "parliament".into(),
                    under_threat: (false, false)
                },
                &ReasonKind::OtherPicks {
                    actor: "parliament".into()
                },
            ]
        );
        let picks = &ch.reasons[0];
        assert_eq!(picks.before.unwrap().seats, Some((2, 3)));
        assert_eq!(picks.after.unwrap().seats, Some((3, 3)));
        assert_eq!(picks.sources_before, ["art. 4(1)", "art. 4(2)"]);
        assert_eq!(
            picks.sources_after,
            ["art. 4(1)", "art. 4(2)", "new art. 4(3)"]
        );
        let consent = &ch.reasons[1];
        assert_eq!(consent.before.unwrap().seats, Some((1, 3)));
        assert_eq!(consent.after.unwrap().seats, Some((2, 3)));
        let gone = &ch.reasons[2];
        assert_eq!(gone.after, None);
        assert_eq!(gone.sources_before, ["art. 4(3)"]);
    }

    #[test]
    fn bodies_are_matched_by_role_not_id_and_unchanged_roles_say_so() {
        let (a, b) = pair();
        let ch = explain_role(&a, &b, Role::Audit);
        assert_eq!(ch.before[0].id, "auditor");
        assert_eq!(ch.after[0].id, "audit_office");
        assert!(ch.reasons.is_empty() && ch.is_empty());
        let all = explain(&a, &b);
        // Every independent role either side has, changed or not; nothing else here changed.
        let roles: Vec<Role> = all.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            [
                Role::ConstitutionalReview,
                Role::Prosecution,
                Role::Audit,
                Role::CentralBank
            ]
        );
    }

    #[test]
    fn removal_at_will_and_a_new_threat_are_reasons() {
        let (a, _) = pair();
        let mut ds = a.dataset.clone();
        ds.meta.id = "mini-3".into();
        ds.edges.retain(|e| e.to != "bank");
        ds.edges.push(crate::model::Edge {
            from: "president".into(),
            to: "parliament".into(),
            kind: EdgeKind::DissolveOnRefusal,
            channel: None,
            after_refusals: Some(2),
            covers: vec![
                crate::model::Cover::Role(crate::model::StepRole::Consent),
                crate::model::Cover::Role(crate::model::StepRole::Elect),
            ],
            bars: String::new(),
            threshold: None,
            source: "art. 9".into(),
            confidence: crate::model::Confidence::High,
            note: String::new(),
            alternatives: Vec::new(),
            layer: Default::default(),
        });
        let b = entry(ds);
        let ch = explain_role(&a, &b, Role::CentralBank);
        let kinds: Vec<&ReasonKind> = ch.reasons.iter().map(|r| &r.kind).collect();
        assert_eq!(
            kinds,
            [
                &ReasonKind::Consent {
                    actor: "parliament".into(),
                    under_threat: (false, true)
                },
                &ReasonKind::AtWill,
            ]
        );
        // The consent covers the same seat on both sides; it changed in kind only.
        assert_eq!(ch.reasons[0].before, ch.reasons[0].after);
        assert_eq!(ch.reasons[1].sources_before, ["art. 7(2)"]);
        assert_eq!(ch.reasons[1].after, None);
    }
}

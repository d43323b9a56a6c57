//! Flags: rules over shares, control, tenure and attributes that point at concentrations of
//! power, each with a severity, a plain sentence, the number behind it and its legal sources.
//!
//! Complexity: one pass over the bodies and one over the edges, each rule reading bodies, their
//! analyses and incoming edges through one map of positions by id (an oversight edge looks its
//! overseer up once) and roots through a set of the few roots: O(bodies + channels + steps +
//! edges) times the number of principals, plus the final sort, O(flags log flags). A rule
//! decides whether it is raised before it builds its sentence.

mod single;

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::{Analysis, BodyAnalysis, Position};
use crate::model::i18n::{Arg, Phrase};
use crate::model::numbers::{self, pct};
use crate::model::phrase::{after_the, capitalised, possessive};
use crate::model::{
    Body, BodyId, Branch, Channel, Dataset, Edge, EdgeKind, Lang, Liability, Registration, Role,
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
    pub body: BodyId,
    pub actor: Option<BodyId>,
    pub channel: Option<String>,
    pub value: f64,
    pub message: String,
    /// The message's key and arguments, for reports in other languages.
    pub phrase: Phrase,
    pub sources: Vec<String>,
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

    /// The message in `lang`, bodies named from `dataset`; the English message where the
    /// catalogue has no wording.
    pub fn message_in(&self, lang: Lang, dataset: &Dataset) -> String {
        self.phrase
            .render_with(
                lang,
                |id| dataset.name(id, lang).to_string(),
                |s| dataset.prose(lang, s).to_string(),
            )
            .unwrap_or_else(|| self.message.clone())
    }

    /// What identifies a flag across two analyses (for before/after comparisons).
    pub fn key(&self) -> (&'static str, &str, Option<&str>, Option<&str>) {
        (
            self.rule,
            &self.body,
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

pub fn evaluate(dataset: &Dataset, analysis: &Analysis) -> Vec<Flag> {
    let mut incoming: HashMap<&str, Vec<&Edge>> = HashMap::new();
    for e in &dataset.edges {
        incoming.entry(e.to.as_str()).or_default().push(e);
    }
    let mut ctx = Ctx {
        dataset,
        analysis,
        position: dataset
            .bodies
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id.as_str(), i))
            .collect(),
        roots: dataset
            .bodies
            .iter()
            .filter(|b| b.channels.is_empty())
            .map(|b| b.id.as_str())
            .collect(),
        incoming,
        out: Vec::new(),
    };
    for (body, a) in dataset.bodies.iter().zip(&analysis.bodies) {
        if body.channels.is_empty() {
            continue;
        }
        ctx.independence(body, a);
        ctx.tenure(body, a);
        ctx.confirmation(body, a);
        ctx.mandates(body, a);
        ctx.accountability(body, a);
        ctx.attributes(body);
        ctx.single_point(body, a);
    }
    ctx.oversight();
    ctx.dissolution();
    let mut flags = ctx.out;
    flags.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then_with(|| a.body.cmp(&b.body))
            .then_with(|| a.rule.cmp(b.rule))
            .then_with(|| a.actor.cmp(&b.actor))
            .then_with(|| a.channel.cmp(&b.channel))
    });
    // The flags live until the reports are written, and at 100,000 bodies there are about
    // 200,000: the slack `format!` and one-by-one pushes leave (a phrase of 5 arguments
    // holds room for 8) is tens of megabytes.
    for f in &mut flags {
        f.message.shrink_to_fit();
        f.phrase.args.shrink_to_fit();
        f.sources.shrink_to_fit();
    }
    flags
}

struct Ctx<'a> {
    dataset: &'a Dataset,
    analysis: &'a Analysis,
    /// Positions by id (of the body in the dataset and its analysis alike) and edges by
    /// target, so that the rules stay linear in the dataset's size.
    position: HashMap<&'a str, usize>,
    /// The bodies nobody fills: few, so that the test a rule makes per principal and per edge
    /// reads a small table that stays in cache.
    roots: HashSet<&'a str>,
    incoming: HashMap<&'a str, Vec<&'a Edge>>,
    out: Vec<Flag>,
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

impl<'a> Ctx<'a> {
    /// A body's name as it reads after `the` in a flag's sentence.
    fn name(&self, id: &str) -> String {
        after_the(self.body(id).map(|b| b.name(Lang::En)).unwrap_or(id))
    }

    /// `thing` of the body `id`: `the President's pleasure`, `the 6 seats of the Federal
    /// Election Commission`.
    fn of(&self, id: &str, thing: &str) -> String {
        possessive(self.body(id).map(|b| b.name(Lang::En)).unwrap_or(id), thing)
    }

    fn body(&self, id: &str) -> Option<&'a Body> {
        self.position.get(id).map(|&i| &self.dataset.bodies[i])
    }

    fn edges_to(&self, id: &str) -> impl Iterator<Item = &'a Edge> + use<'a, '_> {
        self.incoming.get(id).into_iter().flatten().copied()
    }

    fn is_root(&self, id: &str) -> bool {
        self.roots.contains(id)
    }

    fn body_analysis(&self, id: &str) -> Option<&'a BodyAnalysis> {
        self.position
            .get(id)
            .and_then(|&i| self.analysis.bodies.get(i))
    }

    /// The stake `holder` has in `body`: its direct seats as a fraction, or its integrated
    /// control when it is a principal, whichever is larger.
    fn stake(&self, holder: &str, body: &str) -> f64 {
        match self.position.get(body) {
            Some(&i) => self.stake_at(holder, i),
            None => 0.0,
        }
    }

    /// [`Ctx::stake`] in the body at position `i`.
    fn stake_at(&self, holder: &str, i: usize) -> f64 {
        let (Some(b), Some(a)) = (self.dataset.bodies.get(i), self.analysis.bodies.get(i)) else {
            return 0.0;
        };
        let direct = a.direct.get(holder).copied().unwrap_or(0.0) / f64::from(b.seats);
        direct.max(a.control_of(holder))
    }

    fn independence(&mut self, body: &Body, a: &BodyAnalysis) {
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
        let (rule, severity, what) = if numbers::majority(share) {
            ("independent_majority", Severity::High, "a majority")
        } else if numbers::at_least(share, LARGEST_BLOC_MIN) && share > second + numbers::SAME {
            (
                "independent_largest_bloc",
                Severity::Medium,
                "the largest bloc",
            )
        } else {
            return;
        };
        let via = a.via.get(p);
        let direct = via.and_then(|v| v.get(p)).copied().unwrap_or(0.0);
        let mut through: Vec<(&str, f64)> = via
            .map(|v| {
                v.iter()
                    .filter(|(k, _)| k.as_str() != p)
                    .map(|(k, x)| (k.as_str(), *x))
                    .collect()
            })
            .unwrap_or_default();
        through.sort_by(|x, y| y.1.total_cmp(&x.1));
        let breakdown = if through.is_empty() {
            String::new()
        } else {
            let parts: Vec<String> = through
                .iter()
                .map(|(k, x)| format!("{} through the {}", pct(*x), self.name(k)))
                .collect();
            format!(" ({} directly, {})", pct(direct), parts.join(", "))
        };
        let mut sources = Vec::new();
        for c in &body.channels {
            push_unique(&mut sources, &c.source);
        }
        let phrase = Phrase::new("")
            .body("who", p)
            .body("body", &body.id)
            .text("share", pct(share))
            .text("direct", pct(direct))
            .arg(
                "through",
                Arg::Through(
                    through
                        .iter()
                        .map(|(k, x)| (pct(*x), k.to_string()))
                        .collect(),
                ),
            );
        self.out.push(Flag {
            rule,
            severity,
            body: body.id.clone(),
            actor: Some(p.to_string()),
            channel: None,
            value: share,
            message: format!(
                "The {} holds {what} of the {}, a body meant to be independent: {} of its integrated control{breakdown}.",
                self.name(p),
                self.name(&body.id),
                pct(share),
            ),
            phrase: Phrase {
                key: match (rule, through.is_empty()) {
                    ("independent_majority", true) => "flag.independent_majority",
                    ("independent_majority", false) => "flag.independent_majority.through",
                    (_, true) => "flag.independent_largest_bloc",
                    (_, false) => "flag.independent_largest_bloc.through",
                },
                ..phrase
            },
            sources,
        });
    }

    fn tenure(&mut self, body: &Body, a: &BodyAnalysis) {
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
                .edges_to(&body.id)
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
                    push_unique(&mut sources, &ch.source);
                }
            }
            for e in &edges {
                push_unique(&mut sources, &e.source);
            }
            let single = body.seats == 1;
            if picked > 0 {
                self.out.push(Flag {
                    rule: "appoint_dismiss_at_will",
                    severity: if body.independent {
                        Severity::High
                    } else {
                        Severity::Low
                    },
                    body: body.id.clone(),
                    actor: Some(r.to_string()),
                    channel: None,
                    value: f64::from(picked),
                    message: if single {
                        format!(
                            "The {r_name} picks the {b_name} and can dismiss the holder at will: the post is held at {pleasure}.",
                            pleasure = self.of(r, "pleasure"),
                            r_name = self.name(r),
                            b_name = self.name(&body.id),
                        )
                    } else {
                        format!(
                            "The {r_name} picks {picked} of {seats} and can dismiss the holders of {covered} at will: they serve at {pleasure}.",
                            seats = self.of(&body.id, &format!("{} seats", body.seats)),
                            pleasure = self.of(r, "pleasure"),
                            r_name = self.name(r),
                        )
                    },
                    phrase: Phrase::new(if single {
                        "flag.appoint_dismiss_at_will.one"
                    } else {
                        "flag.appoint_dismiss_at_will.many"
                    })
                    .body("who", r)
                    .body("body", &body.id)
                    .text("picked", picked)
                    .text("seats", body.seats)
                    .text("covered", covered),
                    sources,
                });
            } else if body.independent {
                self.out.push(Flag {
                    rule: "removable_at_will",
                    severity: Severity::High,
                    body: body.id.clone(),
                    actor: Some(r.to_string()),
                    channel: None,
                    value: f64::from(covered),
                    message: if single {
                        format!(
                            "The {} can dismiss the {}, a post meant to be independent, at will.",
                            self.name(r),
                            self.name(&body.id),
                        )
                    } else {
                        format!(
                            "The {} can dismiss the holders of {covered} of {}, a body meant to be independent, at will.",
                            self.name(r),
                            self.of(&body.id, &format!("{} seats", body.seats)),
                        )
                    },
                    phrase: Phrase::new(if single {
                        "flag.removable_at_will.one"
                    } else {
                        "flag.removable_at_will.many"
                    })
                    .body("who", r)
                    .body("body", &body.id)
                    .text("seats", body.seats)
                    .text("covered", covered),
                    sources,
                });
            }
        }
    }

    fn confirmation(&mut self, body: &Body, a: &BodyAnalysis) {
        for (c, ch) in a.channels.iter().zip(&body.channels) {
            for share in &c.shares {
                if !share.position.is_veto() || share.actor == c.proposer {
                    continue;
                }
                let stake = self.stake(&c.proposer, &share.actor);
                if stake > 1e-9 {
                    let mut sources = vec![ch.source.clone()];
                    if let Some(rb) = self.body(&share.actor) {
                        for rc in &rb.channels {
                            if rc.steps.iter().any(|s| s.actor == c.proposer) {
                                push_unique(&mut sources, &rc.source);
                            }
                        }
                    }
                    self.out.push(Flag {
                        rule: "self_confirmation",
                        severity: if numbers::at_least(stake, 0.5) {
                            Severity::High
                        } else {
                            Severity::Medium
                        },
                        body: body.id.clone(),
                        actor: Some(c.proposer.clone()),
                        channel: Some(c.channel.clone()),
                        value: stake,
                        message: format!(
                            "{} for the {} ({}, {} seat{}) {} confirmed by the {}, of which the {} holds {}.",
                            capitalised(&self.of(
                                &c.proposer,
                                if c.seats == 1 { "pick" } else { "picks" }
                            )),
                            self.name(&body.id),
                            channel_label(ch),
                            c.seats,
                            if c.seats == 1 { "" } else { "s" },
                            if c.seats == 1 { "is" } else { "are" },
                            self.name(&share.actor),
                            self.name(&c.proposer),
                            pct(stake),
                        ),
                        phrase: Phrase::new("flag.self_confirmation")
                            .body("who", &c.proposer)
                            .body("body", &body.id)
                            .text("channel", channel_label(ch))
                            .text("seats", c.seats)
                            .body("confirmer", &share.actor)
                            .text("stake", pct(stake)),
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
                    let mut sources = vec![ch.source.clone()];
                    if let Some(e) = edge.or(general) {
                        push_unique(&mut sources, &e.source);
                    }
                    self.out.push(Flag {
                        rule: "consent_under_threat",
                        severity: Severity::High,
                        body: body.id.clone(),
                        actor: Some(share.actor.clone()),
                        channel: Some(c.channel.clone()),
                        value: f64::from(c.seats),
                        message: format!(
                            "The {} consents to {} for the {} ({}, {} seat{}) under threat: {} the {} dissolve it.",
                            self.name(&share.actor),
                            self.of(&c.proposer, "picks"),
                            self.name(&body.id),
                            channel_label(ch),
                            c.seats,
                            if c.seats == 1 { "" } else { "s" },
                            match refusals {
                                Some(1) => "refusing once lets".to_string(),
                                Some(2) => "refusing twice lets".to_string(),
                                Some(n) => format!("refusing {n} times lets"),
                                None => "at will (the option that counts it is on), may".to_string(),
                            },
                            self.name(&c.proposer),
                        ),
                        phrase: Phrase::new(match refusals {
                            Some(_) => "flag.consent_under_threat.refusals",
                            None => "flag.consent_under_threat.at_will",
                        })
                        .body("who", &share.actor)
                        .body("proposer", &c.proposer)
                        .body("body", &body.id)
                        .text("channel", channel_label(ch))
                        .text("seats", c.seats)
                        .text("refusals", refusals.unwrap_or(0)),
                        sources,
                    });
                }
            }
        }
    }

    fn mandates(&mut self, body: &Body, a: &BodyAnalysis) {
        for (c, ch) in a.channels.iter().zip(&body.channels) {
            if ch.mandate != crate::model::Mandate::Imperative {
                continue;
            }
            let party = ch
                .steps
                .iter()
                .find(|s| s.role == crate::model::StepRole::Nominate)
                .map(|s| s.actor.clone());
            self.out.push(Flag {
                rule: "imperative_mandate",
                severity: Severity::Medium,
                body: body.id.clone(),
                actor: party.clone(),
                channel: Some(c.channel.clone()),
                value: f64::from(c.seats),
                message: format!(
                    "{} of {} are lost on leaving the party that nominated their holder{}: between elections the party, not the voters, holds them.",
                    c.seats,
                    self.of(&body.id, &format!("{} seats", body.seats)),
                    party
                        .as_deref()
                        .map(|p| format!(" ({})", self.name(p)))
                        .unwrap_or_default(),
                ),
                phrase: match party.as_deref() {
                    Some(p) => Phrase::new("flag.imperative_mandate.party").body("party", p),
                    None => Phrase::new("flag.imperative_mandate"),
                }
                .body("body", &body.id)
                .text("n", c.seats)
                .text("seats", body.seats),
                sources: vec![ch.source.clone()],
            });
        }
    }

    fn accountability(&mut self, body: &Body, a: &BodyAnalysis) {
        let answers = self
            .edges_to(&body.id)
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
        self.out.push(Flag {
            rule: "unaccountable",
            severity: if body.independent {
                Severity::Low
            } else {
                Severity::Medium
            },
            body: body.id.clone(),
            actor: None,
            channel: None,
            value: 0.0,
            message: format!(
                "The {} answers to no one: no body holds it to account, dismisses, impeaches, audits or dissolves it, and the voters do not elect it.",
                self.name(&body.id)
            ),
            phrase: Phrase::new("flag.unaccountable").body("body", &body.id),
            sources: vec![body.source.clone()],
        });
    }

    fn attributes(&mut self, body: &Body) {
        let is_admin = body.role == Some(Role::Administration);
        if (body.independent || is_admin) && !body.non_partisan {
            self.out.push(Flag {
                rule: "non_partisan_gap",
                severity: Severity::Medium,
                body: body.id.clone(),
                actor: None,
                channel: None,
                value: 0.0,
                message: format!(
                    "{} the {} may belong to a political party: the non-partisanship rule does not cover {}.",
                    if body.seats == 1 { "The holder of" } else { "Members of" },
                    self.name(&body.id),
                    if is_admin {
                        "the head of state's own administration"
                    } else {
                        "this body meant to be independent"
                    }
                ),
                phrase: Phrase::new(match (body.seats == 1, is_admin) {
                    (true, true) => "flag.non_partisan_gap.one.admin",
                    (true, false) => "flag.non_partisan_gap.one",
                    (false, true) => "flag.non_partisan_gap.many.admin",
                    (false, false) => "flag.non_partisan_gap.many",
                })
                .body("body", &body.id),
                sources: vec![body.attribute_source("non_partisan").to_string()],
            });
        }
        if body.senior_post && !body.relatives_ban {
            self.out.push(Flag {
                rule: "relatives_ban_gap",
                severity: Severity::Low,
                body: body.id.clone(),
                actor: None,
                channel: None,
                value: 0.0,
                message: format!(
                    "The ban on relatives in leading state posts does not cover the {}.",
                    self.name(&body.id),
                ),
                phrase: Phrase::new("flag.relatives_ban_gap").body("body", &body.id),
                sources: vec![body.attribute_source("relatives_ban").to_string()],
            });
        }
        if body.registration == Some(Registration::Permit) {
            let gatekeeper = body
                .channels
                .iter()
                .flat_map(|c| &c.steps)
                .find(|s| s.role == crate::model::StepRole::Consent)
                .map(|s| s.actor.clone());
            self.out.push(Flag {
                rule: "party_registration_permit",
                severity: Severity::Medium,
                body: body.id.clone(),
                actor: gatekeeper.clone(),
                channel: None,
                value: 0.0,
                message: format!(
                    "{} exist only once the state registers them by permit: {} can keep a party out of politics.",
                    capitalised(&self.name(&body.id)),
                    gatekeeper
                        .as_deref()
                        .map(|g| format!("the {}", self.name(g)))
                        .unwrap_or_else(|| "the registering authority".to_string())
                ),
                phrase: match gatekeeper.as_deref() {
                    Some(g) => Phrase::new("flag.party_registration_permit").body("who", g),
                    None => Phrase::new("flag.party_registration_permit.authority"),
                }
                .body("body", &body.id),
                sources: vec![body.attribute_source("registration").to_string()],
            });
        }
        if let Some(liability) = &body.liability
            && !liability.contains(&Liability::Financial)
        {
            let kinds: Vec<&str> = liability.iter().map(|l| l.as_str()).collect();
            self.out.push(Flag {
                rule: "judicial_liability_gap",
                severity: Severity::Low,
                body: body.id.clone(),
                actor: None,
                channel: None,
                value: 0.0,
                message: format!(
                    "Judges of the {} bear {} liability but none financial for unlawful decisions.",
                    self.name(&body.id),
                    if kinds.is_empty() {
                        "no".to_string()
                    } else {
                        kinds.join(" and ")
                    }
                ),
                phrase: Phrase::new(if kinds.is_empty() {
                    "flag.judicial_liability_gap.none"
                } else {
                    "flag.judicial_liability_gap"
                })
                .body("body", &body.id)
                .arg(
                    "kinds",
                    Arg::Words("liability", liability.iter().map(|l| l.as_str()).collect()),
                ),
                sources: vec![body.attribute_source("liability").to_string()],
            });
        }
    }

    fn oversight(&mut self) {
        for e in &self.dataset.edges {
            if !e.kind.is_oversight() || e.from == e.to {
                continue;
            }
            // Each end looked up once: the rule reads both ends several times per edge.
            let Some(&from) = self.position.get(e.from.as_str()) else {
                continue;
            };
            let (overseer, oa) = (&self.dataset.bodies[from], &self.analysis.bodies[from]);
            if overseer.channels.is_empty() {
                continue;
            }
            let Some(ta) = self.body_analysis(&e.to) else {
                continue;
            };
            let direct = self.stake_at(&e.to, from);
            // The share of the overseer held by the same principals that hold the overseen
            // (the voters excluded: answering to them is the point of elections).
            // When the overseer itself fills part of the overseen (a chamber and its committee,
            // a parliament and the auditors it appoints), their common principals are the
            // ordinary line of accountability, not a capture of the overseer.
            let fills_overseen = ta.direct.get(&e.from).is_some_and(|x| *x > 0.0);
            let common: f64 = if fills_overseen {
                0.0
            } else {
                oa.control
                    .iter()
                    .filter(|(p, _)| !self.is_root(p) && p.as_str() != e.from)
                    .map(|(p, v)| v.min(ta.control_of(p)))
                    .sum()
            };
            let value = direct.max(common);
            if value < OVERSIGHT_STAKE_MIN {
                continue;
            }
            let mut phrase = Phrase::new(if direct >= common {
                "flag.overseer.direct"
            } else {
                "flag.overseer.common"
            })
            .body("body", &e.from)
            .body("overseen", &e.to)
            .arg(
                "verb",
                Arg::Words(
                    "oversight",
                    vec![match e.kind {
                        EdgeKind::HoldsToAccount
                        | EdgeKind::Audits
                        | EdgeKind::Investigates
                        | EdgeKind::Impeach
                        | EdgeKind::NoConfidence
                        | EdgeKind::Reviews => e.kind.as_str(),
                        _ => "other",
                    }],
                ),
            );
            let how = if direct >= common {
                phrase = phrase.text("stake", pct(direct));
                format!("the {} holds {} of it", self.name(&e.to), pct(direct))
            } else {
                let top = oa
                    .control
                    .iter()
                    .filter(|(p, _)| !self.is_root(p))
                    .map(|(p, v)| (p, v.min(ta.control_of(p))))
                    .max_by(|x, y| x.1.total_cmp(&y.1))
                    .map(|(p, _)| p.as_str())
                    .unwrap_or_default();
                phrase = phrase
                    .body("who", top)
                    .text("of_body", pct(oa.control_of(top)))
                    .text("of_overseen", pct(ta.control_of(top)));
                format!(
                    "the {} controls {} of it and {} of the {}",
                    self.name(top),
                    pct(oa.control_of(top)),
                    pct(ta.control_of(top)),
                    self.name(&e.to)
                )
            };
            let verb = match e.kind {
                EdgeKind::HoldsToAccount => "holds to account",
                EdgeKind::Audits => "audits",
                EdgeKind::Investigates => "investigates",
                EdgeKind::Impeach => "can impeach",
                EdgeKind::NoConfidence => "can vote no confidence in",
                EdgeKind::Reviews => "reviews the acts of",
                _ => "oversees",
            };
            let mut sources = vec![e.source.clone()];
            for c in &overseer.channels {
                push_unique(&mut sources, &c.source);
            }
            self.out.push(Flag {
                rule: "overseer_formed_by_overseen",
                severity: if numbers::at_least(value, 0.5) {
                    Severity::High
                } else {
                    Severity::Medium
                },
                body: e.from.clone(),
                actor: Some(e.to.clone()),
                channel: None,
                value,
                message: format!(
                    "The {} {verb} the {}, yet {how}.",
                    self.name(&e.from),
                    self.name(&e.to),
                ),
                phrase,
                sources,
            });
        }
    }

    fn dissolution(&mut self) {
        // Indexed once: a scan of all edges per dissolution on refusal was O(E^2).
        let at_will: HashSet<(&str, &str)> = self
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
            self.out.push(Flag {
                rule: "dissolves_elected_body",
                severity: Severity::Medium,
                body: e.to.clone(),
                actor: Some(e.from.clone()),
                channel: None,
                value: voters,
                message: format!(
                    "The {} can dissolve the {}, which the voters fill ({} of its control){}.",
                    self.name(&e.from),
                    self.name(&e.to),
                    pct(voters),
                    e.threshold
                        .as_deref()
                        .map(|t| format!("; conditions: {t}"))
                        .unwrap_or_default()
                        // The text's bars on the power (codebook R12) say when it is not there.
                        + &if e.bars.is_empty() {
                            String::new()
                        } else {
                            format!("; bars: {}", e.bars)
                        }
                ),
                phrase: Phrase::new("flag.dissolves_elected_body")
                    .body("who", &e.from)
                    .body("body", &e.to)
                    .text("share", pct(voters))
                    .arg(
                        "conditions",
                        Arg::Clause("; conditions: {x}", e.threshold.clone().unwrap_or_default()),
                    )
                    .arg("bars", Arg::Clause("; bars: {x}", e.bars.clone())),
                sources: vec![e.source.clone()],
            });
        }
    }
}

fn channel_label(c: &Channel) -> &str {
    if c.label.is_empty() { &c.id } else { &c.label }
}

#[cfg(test)]
mod tests;

//! Contested codings: another defensible reading of a step, a channel or an edge, carried
//! beside the dataset's own coding with its source and argument (codebook R-ALT).
//!
//! ```text
//!   edge  president ──dismiss_at_will──▶ fec          the dataset's coding (choice 0)
//!           └─ alternatives: [fec_removal_for_cause: kind: dismiss_for_cause]   (choice 1)
//!
//!   Dataset::contested()  ──▶ one Contested per element that has alternatives
//!   Dataset::with_choice(&contested, &[0, 1, ...]) ──▶ the dataset under that reading
//! ```
//!
//! The analysis enumerates the choices to give every figure its range
//! (`crate::analysis::range`).

use std::fmt;

use super::{BodyId, Confidence, Cover, Dataset, EdgeKey, EdgeKind, Mandate, Step, StepRole, Vote};

/// Another reading of an element; `C` is what it changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative<C> {
    /// Unique in the dataset; reports and the `--choose` option name it.
    pub id: String,
    pub change: C,
    /// The legal source of the reading (a case, a statute, a commentary).
    pub source: String,
    /// Why a careful reader might code it so.
    pub argument: String,
    pub confidence: Confidence,
}

/// Fields of a step another reading changes; those left `None` keep their value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepChange {
    pub actor: Option<BodyId>,
    pub role: Option<StepRole>,
    pub vote: Option<Vote>,
}

/// Fields of a channel another reading changes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChannelChange {
    /// The whole chain of steps, replaced.
    pub steps: Option<Vec<Step>>,
    pub mandate: Option<Mandate>,
}

/// Fields of an edge another reading changes, or its absence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EdgeChange {
    pub kind: Option<EdgeKind>,
    pub after_refusals: Option<u32>,
    pub covers: Option<Vec<Cover>>,
    /// Under this reading the edge does not exist.
    pub absent: bool,
}

impl fmt::Display for StepChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(a) = &self.actor {
            parts.push(format!("actor {a}"));
        }
        if let Some(r) = self.role {
            parts.push(format!("role {r}"));
        }
        if let Some(v) = &self.vote {
            parts.push(format!("vote: {v}"));
        }
        f.write_str(&parts.join(", "))
    }
}

impl fmt::Display for ChannelChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(steps) = &self.steps {
            let chain: Vec<String> = steps
                .iter()
                .map(|s| format!("{} {}", s.actor, s.role))
                .collect();
            parts.push(format!("steps: {}", chain.join(" → ")));
        }
        if let Some(m) = self.mandate {
            parts.push(format!("mandate {m}"));
        }
        f.write_str(&parts.join(", "))
    }
}

impl fmt::Display for EdgeChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.absent {
            return f.write_str("no such edge");
        }
        let mut parts = Vec::new();
        if let Some(k) = self.kind {
            parts.push(format!("kind {k}"));
        }
        if let Some(n) = self.after_refusals {
            parts.push(format!("after {n} refusals"));
        }
        if let Some(c) = &self.covers {
            let c: Vec<String> = c.iter().map(ToString::to_string).collect();
            parts.push(format!("covers {}", c.join(", ")));
        }
        f.write_str(&parts.join(", "))
    }
}

/// Where a contested element sits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    Channel {
        body: BodyId,
        channel: String,
    },
    Step {
        body: BodyId,
        channel: String,
        /// Zero-based position in the channel's chain.
        step: usize,
    },
    Edge(EdgeKey),
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Channel { body, channel } => write!(f, "channel {body}/{channel}"),
            Target::Step {
                body,
                channel,
                step,
            } => write!(f, "step {} of {body}/{channel}", step + 1),
            Target::Edge((from, kind, to, channel)) => {
                write!(f, "edge {from} -{kind}-> {to}")?;
                if let Some(c) = channel {
                    write!(f, "/{c}")?;
                }
                Ok(())
            }
        }
    }
}

/// One alternative, described for reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub id: String,
    /// What it changes, in words: "kind dismiss_for_cause".
    pub change: String,
    pub source: String,
    pub argument: String,
    pub confidence: Confidence,
}

/// A dimension of the range: choice 0 is the dataset's own coding, choice `k` the `k`-th
/// reading. A reading is one legal argument: where it bears on several elements (France's
/// Art. 13 hearing on seven steps), each carries it under the same id, and choosing it changes
/// them all at once, so that no mixture a lawyer would not hold is enumerated.
#[derive(Debug, Clone, PartialEq)]
pub struct Contested {
    /// The elements the readings bear on, in dataset order.
    pub targets: Vec<Target>,
    /// The readings, unique by id, in the order first met.
    pub readings: Vec<Reading>,
}

impl Contested {
    /// Choices including the dataset's own coding.
    pub fn choices(&self) -> usize {
        self.readings.len() + 1
    }

    /// `edge president -dismiss_at_will-> fec`, or the first element and how many more.
    pub fn label(&self) -> String {
        self.label_in(super::Lang::En)
    }

    /// [`Contested::label`] in `lang`: the element stays as its ids write it.
    pub fn label_in(&self, lang: super::Lang) -> String {
        match self.targets.as_slice() {
            [] => String::new(),
            [one] => one.to_string(),
            [first, rest @ ..] => {
                let more = crate::t!(lang, "and {n} more", n = rest.len());
                format!("{first} {more}")
            }
        }
    }
}

fn readings<C: fmt::Display>(alts: &[Alternative<C>]) -> Vec<Reading> {
    alts.iter()
        .map(|a| Reading {
            id: a.id.clone(),
            change: a.change.to_string(),
            source: a.source.clone(),
            argument: a.argument.clone(),
            confidence: a.confidence,
        })
        .collect()
}

impl Dataset {
    /// Every element with alternatives, with its readings, in dataset order (bodies, their
    /// channels, each channel's steps, then edges).
    fn contested_elements(&self) -> Vec<(Target, Vec<Reading>)> {
        let mut out = Vec::new();
        for b in &self.bodies {
            for c in &b.channels {
                if !c.alternatives.is_empty() {
                    out.push((
                        Target::Channel {
                            body: b.id.clone(),
                            channel: c.id.clone(),
                        },
                        readings(&c.alternatives),
                    ));
                }
                for (i, s) in c.steps.iter().enumerate() {
                    if !s.alternatives.is_empty() {
                        out.push((
                            Target::Step {
                                body: b.id.clone(),
                                channel: c.id.clone(),
                                step: i,
                            },
                            readings(&s.alternatives),
                        ));
                    }
                }
            }
        }
        for e in &self.edges {
            if !e.alternatives.is_empty() {
                out.push((Target::Edge(e.key()), readings(&e.alternatives)));
            }
        }
        out
    }

    /// The dimensions of the range: elements joined when they share a reading's id.
    pub fn contested(&self) -> Vec<Contested> {
        let mut groups: Vec<Contested> = Vec::new();
        for (target, rs) in self.contested_elements() {
            let mut merged = Contested {
                targets: vec![target],
                readings: Vec::new(),
            };
            for r in rs {
                if !merged.readings.iter().any(|x| x.id == r.id) {
                    merged.readings.push(r);
                }
            }
            // Every earlier group that shares an id joins this one.
            let mut i = 0;
            while i < groups.len() {
                if groups[i]
                    .readings
                    .iter()
                    .any(|r| merged.readings.iter().any(|x| x.id == r.id))
                {
                    let g = groups.remove(i);
                    let mut targets = g.targets;
                    targets.append(&mut merged.targets);
                    merged.targets = targets;
                    let mut readings = g.readings;
                    for r in merged.readings {
                        if !readings.iter().any(|x| x.id == r.id) {
                            readings.push(r);
                        }
                    }
                    merged.readings = readings;
                } else {
                    i += 1;
                }
            }
            groups.push(merged);
        }
        groups
    }

    /// The dataset under one reading of each dimension: `choice[i]` picks, for
    /// `contested[i]`, its own coding (0) or the reading `k`, applied to every element that
    /// carries it. Elements the dataset no longer has (a reform removed them) are passed over.
    pub fn with_choice(&self, contested: &[Contested], choice: &[usize]) -> Dataset {
        let mut ds = self.clone();
        ds.apply_choice(contested, choice);
        ds
    }

    /// [`Dataset::with_choice`] in place: changes only the channels, steps and edges the
    /// chosen readings bear on. Returns whether it removed edges (a reading of absence), so
    /// that a caller undoing it knows the edge list itself changed.
    pub fn apply_choice(&mut self, contested: &[Contested], choice: &[usize]) -> bool {
        let ds = self;
        let mut absent: Vec<EdgeKey> = Vec::new();
        for (c, &k) in contested.iter().zip(choice) {
            let Some(reading) = k.checked_sub(1).and_then(|k| c.readings.get(k)) else {
                continue;
            };
            let id = reading.id.as_str();
            for target in &c.targets {
                match target {
                    Target::Channel { body, channel } => {
                        if let Some(ch) = ds
                            .body_mut(body)
                            .and_then(|b| b.channels.iter_mut().find(|x| x.id == *channel))
                            && let Some(a) = ch.alternatives.iter().find(|a| a.id == id).cloned()
                        {
                            if let Some(steps) = a.change.steps {
                                ch.steps = steps;
                            }
                            if let Some(m) = a.change.mandate {
                                ch.mandate = m;
                            }
                        }
                    }
                    Target::Step {
                        body,
                        channel,
                        step,
                    } => {
                        if let Some(s) = ds
                            .body_mut(body)
                            .and_then(|b| b.channels.iter_mut().find(|x| x.id == *channel))
                            .and_then(|ch| ch.steps.get_mut(*step))
                            && let Some(a) = s.alternatives.iter().find(|a| a.id == id).cloned()
                        {
                            if let Some(actor) = a.change.actor {
                                s.actor = actor;
                            }
                            if let Some(r) = a.change.role {
                                s.role = r;
                            }
                            if let Some(v) = a.change.vote {
                                s.vote = Some(v);
                            }
                        }
                    }
                    Target::Edge(key) => {
                        if let Some(e) = ds.edges.iter_mut().find(|e| e.has_key(key))
                            && let Some(a) = e.alternatives.iter().find(|a| a.id == id).cloned()
                        {
                            if a.change.absent {
                                absent.push(key.clone());
                                continue;
                            }
                            if let Some(kind) = a.change.kind {
                                e.kind = kind;
                            }
                            if let Some(n) = a.change.after_refusals {
                                e.after_refusals = Some(n);
                            }
                            if let Some(c) = a.change.covers {
                                e.covers = c;
                            }
                        }
                    }
                }
            }
        }
        if absent.is_empty() {
            return false;
        }
        ds.edges.retain(|e| !absent.iter().any(|k| e.has_key(k)));
        true
    }

    /// The dataset under the alternatives named by id (at most one per element); an unknown
    /// id is an error naming the known ones.
    pub fn with_alternatives(&self, ids: &[String]) -> Result<Dataset, String> {
        let contested = self.contested();
        let mut choice = vec![0; contested.len()];
        for id in ids {
            let hit = contested.iter().enumerate().find_map(|(i, c)| {
                c.readings
                    .iter()
                    .position(|r| r.id == *id)
                    .map(|k| (i, k + 1))
            });
            match hit {
                Some((i, k)) if choice[i] == 0 || choice[i] == k => choice[i] = k,
                Some((i, _)) => {
                    return Err(format!(
                        "'{id}' and '{}' are two readings of the same {}: choose one",
                        contested[i].readings[choice[i] - 1].id,
                        contested[i].label()
                    ));
                }
                None => {
                    let known: Vec<&str> = contested
                        .iter()
                        .flat_map(|c| c.readings.iter().map(|r| r.id.as_str()))
                        .collect();
                    let hint = crate::diag::did_you_mean(id, known.iter().copied())
                        .map(|s| format!("; did you mean '{s}'?"))
                        .unwrap_or_default();
                    return Err(if known.is_empty() {
                        format!("unknown alternative '{id}': the dataset has none")
                    } else {
                        format!(
                            "unknown alternative '{id}'{hint} (alternatives: {})",
                            known.join(", ")
                        )
                    });
                }
            }
        }
        Ok(self.with_choice(&contested, &choice))
    }
}

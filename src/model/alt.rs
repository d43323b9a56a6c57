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

use super::{
    BodyId, Confidence, Cover, Dataset, EdgeKey, EdgeKind, Mandate, Step, StepRole, Trigger, Vote,
};

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
    pub trigger: Option<Trigger>,
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
        if let Some(t) = self.trigger {
            parts.push(format!("trigger {t}"));
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

/// An element with alternatives: a dimension of the range, choice 0 being the dataset's own
/// coding and choice `k` its `k`-th alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct Contested {
    pub target: Target,
    pub readings: Vec<Reading>,
}

impl Contested {
    /// Choices including the dataset's own coding.
    pub fn choices(&self) -> usize {
        self.readings.len() + 1
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
    /// Every contested element, in dataset order (bodies, their channels, each channel's steps,
    /// then edges).
    pub fn contested(&self) -> Vec<Contested> {
        let mut out = Vec::new();
        for b in &self.bodies {
            for c in &b.channels {
                if !c.alternatives.is_empty() {
                    out.push(Contested {
                        target: Target::Channel {
                            body: b.id.clone(),
                            channel: c.id.clone(),
                        },
                        readings: readings(&c.alternatives),
                    });
                }
                for (i, s) in c.steps.iter().enumerate() {
                    if !s.alternatives.is_empty() {
                        out.push(Contested {
                            target: Target::Step {
                                body: b.id.clone(),
                                channel: c.id.clone(),
                                step: i,
                            },
                            readings: readings(&s.alternatives),
                        });
                    }
                }
            }
        }
        for e in &self.edges {
            if !e.alternatives.is_empty() {
                out.push(Contested {
                    target: Target::Edge(e.key()),
                    readings: readings(&e.alternatives),
                });
            }
        }
        out
    }

    /// The dataset under one reading of each contested element: `choice[i]` picks, for
    /// `contested[i]`, its own coding (0) or an alternative (k). Elements the dataset no longer
    /// has (a reform removed them) are passed over.
    pub fn with_choice(&self, contested: &[Contested], choice: &[usize]) -> Dataset {
        let mut ds = self.clone();
        let mut absent: Vec<EdgeKey> = Vec::new();
        // Channels before their steps: a channel reading replaces the steps (and drops their
        // own alternatives), so a step reading of the same channel applies to the old chain
        // only when the channel keeps it.
        for (c, &k) in contested.iter().zip(choice) {
            if k == 0 {
                continue;
            }
            match &c.target {
                Target::Channel { body, channel } => {
                    if let Some(ch) = ds
                        .body_mut(body)
                        .and_then(|b| b.channels.iter_mut().find(|x| x.id == *channel))
                        && let Some(a) = ch.alternatives.get(k - 1).cloned()
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
                        && let Some(a) = s.alternatives.get(k - 1).cloned()
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
                    if let Some(e) = ds.edges.iter_mut().find(|e| e.key() == *key)
                        && let Some(a) = e.alternatives.get(k - 1).cloned()
                    {
                        if a.change.absent {
                            absent.push(key.clone());
                            continue;
                        }
                        if let Some(kind) = a.change.kind {
                            e.kind = kind;
                        }
                        if let Some(t) = a.change.trigger {
                            e.trigger = t;
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
        if !absent.is_empty() {
            ds.edges.retain(|e| !absent.contains(&e.key()));
        }
        ds
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
                        contested[i].target
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

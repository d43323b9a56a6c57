//! The problems found on converted values (by `validate`, or by a further pass such as
//! reachability), told in the file's words at the place their path names.
//!
//! A problem that rests on a value conversion could not read is not told: that value has been
//! reported, and a stand-in took its place (see `convert`). Nor is one about something that
//! itself failed to load, where a reader would only see a consequence: the chain of a channel
//! with a bad step, the seats of a body with a bad channel, an edge repeating one with a
//! problem.

use crate::diag::{Diagnostic, Found, Validator, did_you_mean, line_col};
use crate::model::raw::{RawBody, RawChannel, RawDataset, RawEdge, RawStep};
use crate::model::validate::{End, Fault, Problem, StepsProblem, body_problems, steps_problem};
use crate::model::{Body, Channel, Dataset, Edge, Step, validate};

/// What the problems are about: a dataset, or one body a reform adds at a path of its file.
enum Scope<'d> {
    Dataset(&'d Dataset),
    Body(&'d Body, &'d str),
}

impl Scope<'_> {
    fn bodies(&self) -> &[Body] {
        match self {
            Scope::Dataset(d) => &d.bodies,
            Scope::Body(b, _) => std::slice::from_ref(*b),
        }
    }

    fn body_path(&self, i: usize) -> String {
        match self {
            Scope::Dataset(_) => format!("bodies[{i}]"),
            Scope::Body(_, path) => path.to_string(),
        }
    }
}

impl Validator<'_> {
    /// Converts and validates a dataset; `more` is asked about a dataset that broke no rule.
    pub(super) fn dataset(&mut self, raw: RawDataset, more: super::Pass) -> Found<Dataset> {
        let dataset = self.convert_dataset(raw);
        self.validated(dataset, more)
    }

    /// Validates a converted dataset; `more` is asked about a dataset that broke no rule.
    pub(super) fn validated(&mut self, dataset: Dataset, more: super::Pass) -> Found<Dataset> {
        let scope = Scope::Dataset(&dataset);
        let problems = validate(&dataset);
        if !problems.is_empty() && self.marks_skipped() {
            // Conversion consumed the raw values: the text is read again, to the same
            // values, to find where each problem is to be told.
            self.mark_again(|again| {
                if let Ok((raw, _)) = super::parse_raw(again.text) {
                    again.duplicate_keys();
                    again.convert_dataset(raw);
                }
            });
        }
        self.tell(&scope, &problems);
        if self.errors() > 0 {
            return None;
        }
        let further = more(&dataset);
        for p in &further {
            if let Some(d) = self.told(&scope, p, &further) {
                self.push(d);
            }
        }
        // An alternative is judged against a dataset that loads: otherwise its problems would
        // only repeat the dataset's.
        if self.errors() == 0 {
            self.alternatives(&dataset, more);
        }
        (self.errors() == 0).then_some(dataset)
    }

    /// A body a reform adds, at `path`: converted, and held to the rules within one body. Its
    /// references are checked when the reform is applied.
    pub(crate) fn body(&mut self, b: &RawBody, path: &str) -> Found<Body> {
        let errors = self.errors();
        // The caller has reported a missing id.
        let id = b.id.clone()?;
        let body = self.convert_body(b.clone(), id, path);
        self.tell(&Scope::Body(&body, path), &body_problems(&body));
        (self.errors() == errors).then_some(body)
    }

    /// A channel a reform adds to `body` (`body \`senate\``), at `path`.
    pub(crate) fn channel(&mut self, c: &RawChannel, path: &str, body: &str) -> Found<Channel> {
        let errors = self.errors();
        let channel = self.convert_channel(c.clone(), path, body);
        let what = format!("channel `{}` of {body}", c.id.as_deref().unwrap_or("?"));
        self.tell_chain(&channel.steps, path, &what);
        (self.errors() == errors).then_some(channel)
    }

    /// The steps a reform gives the channel `what`, at `path`.
    pub(crate) fn steps(&mut self, raw: &[RawStep], path: &str, what: &str) -> Found<Vec<Step>> {
        let errors = self.errors();
        let steps = self.convert_steps(raw.to_vec(), path);
        self.tell_chain(&steps, path, what);
        (self.errors() == errors).then_some(steps)
    }

    /// An edge a reform adds, at `path`; its ends and channel are checked when it is applied.
    pub(crate) fn edge(&mut self, e: &RawEdge, path: &str) -> Found<Edge> {
        let errors = self.errors();
        let edge = self.convert_edge(e.clone(), path);
        (self.errors() == errors).then_some(edge)
    }

    /// Tells each problem at the mark of its path.
    fn tell(&mut self, scope: &Scope, problems: &[Problem]) {
        let found = problems
            .iter()
            .filter_map(|p| {
                let d = self.told(scope, p, problems)?;
                Some((p.fault.path_in(|i| scope.body_path(i)), d))
            })
            .collect();
        self.insert_at_marks(found);
    }

    /// Whether the chain of steps at `steps` (a path) was not read in full.
    fn chain_failed(&self, steps: &str) -> bool {
        self.failed_under(&format!("{steps}["))
    }

    /// Tells what is wrong with a lone channel's chain of steps, if anything.
    fn tell_chain(&mut self, steps: &[Step], path: &str, what: &str) {
        let at = format!("{path}.steps");
        let Some(p) = steps_problem(steps) else {
            return;
        };
        if p.code != "no-steps" && self.chain_failed(&at) {
            return;
        }
        let d = self.chain(p, &at, what);
        self.insert_at_marks(vec![(at, d)]);
    }

    fn chain(&self, p: StepsProblem, at: &str, what: &str) -> Diagnostic {
        let label = if p.code == "no-steps" {
            "who fills these seats?"
        } else {
            "steps"
        };
        Diagnostic::error(p.code, format!("{what} {}", p.message))
            .at(self.head(at), label)
            .note(p.help)
    }

    /// A reference to a body that does not exist, as `what` (`actor`, `principal`, ...).
    fn unknown_body(&self, scope: &Scope, id: &str, at: &str, what: &str) -> Diagnostic {
        let mut known: Vec<&str> = scope
            .bodies()
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.failed(&format!("{}.id", scope.body_path(*i))))
            .map(|(_, b)| b.id.as_str())
            .collect();
        known.sort_unstable();
        known.dedup();
        let hint = did_you_mean(id, known).map(|s| format!("did you mean `{s}`?"));
        Diagnostic::error("unknown-id", format!("unknown body `{id}` (as {what})"))
            .at(self.at(at), "no body has this id")
            .help_maybe(hint)
    }

    /// `p` in the file's words, unless it is not to be told (see the module's doc).
    fn told(&self, scope: &Scope, p: &Problem, all: &[Problem]) -> Option<Diagnostic> {
        let at = p.fault.path_in(|i| scope.body_path(i));
        let bodies = scope.bodies();
        match &p.fault {
            Fault::DuplicateBody { body } => {
                let id = &bodies[*body].id;
                let first = bodies.iter().position(|b| &b.id == id)?;
                let first_at = self.at(format!("{}.id", scope.body_path(first)));
                let (line, _) = line_col(self.text, first_at.map(|r| r.start).unwrap_or(0));
                Some(
                    Diagnostic::error("duplicate-id", format!("body id `{id}` is used twice"))
                        .at(self.at(&at), "second use")
                        .note(format!("first used on line {line}")),
                )
            }
            Fault::DuplicateChannel { body, channel } => {
                let b = &bodies[*body];
                Some(
                    Diagnostic::error(
                        "duplicate-id",
                        format!(
                            "body `{}` has two channels with id `{}`",
                            b.id, b.channels[*channel].id
                        ),
                    )
                    .at(self.at(&at), "second use"),
                )
            }
            Fault::UnknownActor {
                body,
                channel,
                step,
            } => {
                let actor = &bodies[*body].channels[*channel].steps[*step].actor;
                (!self.failed(&at)).then(|| self.unknown_body(scope, actor, &at, "actor"))
            }
            Fault::Steps {
                body,
                channel,
                problem,
            } => {
                let bad_step = all.iter().any(|q| {
                    matches!(q.fault, Fault::UnknownActor { body: b, channel: c, .. }
                        if b == *body && c == *channel)
                });
                if problem.code != "no-steps" && (bad_step || self.chain_failed(&at)) {
                    return None;
                }
                let b = &bodies[*body];
                let id_at = format!("{}.channels[{channel}].id", scope.body_path(*body));
                let id = if self.failed(&id_at) {
                    "?"
                } else {
                    b.channels[*channel].id.as_str()
                };
                let what = format!("channel `{id}` of body `{}`", b.id);
                Some(self.chain(*problem, &at, &what))
            }
            Fault::SeatsMismatch { body } => {
                let base = scope.body_path(*body);
                // Only a count that could not be read makes the sum unknown; an unknown actor,
                // a bad step or a missing source in the same channel leaves it as written.
                let count_unread = |rest: &str| {
                    rest.split_once(']')
                        .is_some_and(|(_, tail)| tail.is_empty() || tail == ".seats")
                };
                if self.failed(&at)
                    || self.failed_under_where(&format!("{base}.channels["), count_unread)
                {
                    return None;
                }
                let b = &bodies[*body];
                let sum: u64 = b.channels.iter().map(|c| u64::from(c.seats)).sum();
                let parts: Vec<String> = b
                    .channels
                    .iter()
                    .map(|c| format!("{} {}", c.id, c.seats))
                    .collect();
                Some(
                    Diagnostic::error(
                        "seats-mismatch",
                        format!(
                            "the channels of body `{}` add up to {sum} seats, but the body has {}",
                            b.id, b.seats
                        ),
                    )
                    .at(self.at(&at), format!("{} seats", b.seats))
                    .note(format!("channels: {} = {sum}", parts.join(" + "))),
                )
            }
            Fault::UnknownEnd { edge, end } => {
                let Scope::Dataset(d) = scope else {
                    return None;
                };
                let (id, what) = match end {
                    End::From => (&d.edges[*edge].from, "edge source"),
                    End::To => (&d.edges[*edge].to, "edge target"),
                };
                (!self.failed(&at)).then(|| self.unknown_body(scope, id, &at, what))
            }
            Fault::UnknownChannel { edge } => {
                let Scope::Dataset(d) = scope else {
                    return None;
                };
                let e = &d.edges[*edge];
                let channel = e.channel.as_deref()?;
                let to = &e.to;
                let j = d.bodies.iter().position(|b| &b.id == to)?;
                let channels: Vec<&str> = d.bodies[j]
                    .channels
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| !self.failed(&format!("bodies[{j}].channels[{k}].id")))
                    .map(|(_, c)| c.id.as_str())
                    .collect();
                let hint = did_you_mean(channel, channels.iter().copied())
                    .map(|s| format!("did you mean `{s}`?"));
                Some(
                    Diagnostic::error(
                        "unknown-channel",
                        format!("`{to}` has no channel `{channel}`"),
                    )
                    .at(self.at(&at), "no such channel")
                    .help_maybe(hint)
                    .note(if channels.is_empty() {
                        format!("`{to}` has no channels")
                    } else {
                        format!("channels of `{to}`: {}", channels.join(", "))
                    }),
                )
            }
            Fault::DuplicateEdge { edge } => {
                let Scope::Dataset(d) = scope else {
                    return None;
                };
                // An edge with a problem of its own is not compared with the others.
                let failed = |i: usize| {
                    self.failed_under(&format!("edges[{i}]."))
                        || all.iter().any(|q| match q.fault {
                            Fault::UnknownEnd { edge, .. } | Fault::UnknownChannel { edge } => {
                                edge == i
                            }
                            _ => false,
                        })
                };
                if failed(*edge) {
                    return None;
                }
                let e = &d.edges[*edge];
                let first = (0..*edge).find(|&j| d.edges[j].key() == e.key() && !failed(j))?;
                Some(
                    Diagnostic::error(
                        "duplicate-edge",
                        format!("the edge {} -{}-> {} is listed twice", e.from, e.kind, e.to),
                    )
                    .at(self.head(&at), "second listing")
                    .note(format!(
                        "first listed as edges[{first}]; merge their sources into one edge"
                    )),
                )
            }
            Fault::UnknownCover { .. } => Some(
                Diagnostic::error("unknown-cover", p.message.clone())
                    .at(self.at(&at), "no such channel of this target")
                    .note("a dissolution on refusal covers `consent`, `elect`, or a channel `body/channel` in which the dissolved body takes a step"),
            ),
            Fault::UnknownPrincipal { index } => {
                let Scope::Dataset(d) = scope else {
                    return None;
                };
                let id = d.principals.as_ref()?.get(*index)?;
                Some(self.unknown_body(scope, id, &at, "principal"))
            }
            Fault::SelfFilled { .. } => Some(
                Diagnostic::error("self-filled", p.message.clone())
                    .at(self.at(&at), "the body itself")
                    .note("co-opted seats would be counted as picked by whoever fills the rest of the body")
                    .note("if the body renews itself, list it in `principals: [...]`: it then counts as holding its own seats"),
            ),
            Fault::Undissolvable { .. } => Some(
                Diagnostic::error("bad-dissolve", p.message.clone())
                    .at(self.at(&at), "nobody fills this body")
                    .note("a dissolution ends a mandate so that an election renews it; the electorate and the other bodies nobody fills hold none"),
            ),
            Fault::NoPrincipal { body, through } => {
                let Scope::Dataset(d) = scope else {
                    return None;
                };
                Some(
                    Diagnostic::error(
                        "no-principal",
                        format!(
                            "the chain of channels from `{}` never reaches a principal",
                            bodies[*body].id
                        ),
                    )
                    .at(self.at(&at), "control of this body is undefined")
                    .note(format!("it is filled only through: {}", through.join(", ")))
                    .note(format!(
                        "principals: {}; add the body that ultimately fills these seats, or name a principal with `principals: [...]`",
                        d.principals().join(", ")
                    )),
                )
            }
        }
    }
}

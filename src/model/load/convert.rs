//! Raw values to domain values, and what one value must be: present, not empty, a known word,
//! a well-formed id or date, a number in range, a cited legal source.
//!
//! Conversion does not stop at a bad value. It reports it, records its path as failed and puts
//! a stand-in in its place, so that the rules of `validate` can still run on the whole dataset
//! and every problem is reported in one run; a dataset holding a stand-in has an error and is
//! never returned. Where a rule of `validate` is about a value, conversion marks its path, so
//! that the rule's problem is reported in the order of the file.
//!
//! These are methods of [`Validator`] so that the reform loader (`reform::load`) converts the
//! bodies, channels and edges of its operations with the same calls.

use std::collections::BTreeSet;

use crate::diag::{Diagnostic, Found, Validator, did_you_mean};
use crate::model::raw::{RawBody, RawChannel, RawDataset, RawEdge, RawStep, Word};
use crate::model::*;

/// Seats of one body or channel; larger counts are surely a typo.
pub const MAX_SEATS: i64 = 1_000_000;

/// Body attributes that flag rules read and that may carry their own citation.
pub const ATTRIBUTES: [&str; 9] = [
    "independent",
    "non_partisan",
    "relatives_ban",
    "senior_post",
    "term_years",
    "registration",
    "liability",
    "seats_nominal",
    "decision",
];

/// What stands for a missing id (of a body or channel, or named by a step or an edge). It is
/// unique to its path and starts with NUL, which no id a file would use has: no reference
/// resolves to it and it duplicates nothing.
fn stand_in(path: &str) -> String {
    format!("\u{0}{path}")
}

impl Validator<'_> {
    /// The seats of the body or channel at `path`.
    pub(crate) fn seats(&mut self, value: Option<i64>, path: &str, what: &str) -> Found<u32> {
        let at = format!("{path}.seats");
        match value {
            None => {
                self.missing(
                    &at,
                    &format!("{what}'s number of seats"),
                    "a body or channel must say how many seats it has (1 for a single office)",
                );
                None
            }
            Some(n) if n <= 0 => {
                let d = Diagnostic::error("zero-seats", format!("{what} has {n} seats"))
                    .at(self.at(&at), "must be at least 1")
                    .note("a single office such as a President has 1 seat; a body whose size the law does not fix gets a nominal count and `seats_nominal: true`");
                self.push(d);
                self.fail(&at);
                None
            }
            Some(n) if n > MAX_SEATS => {
                let d = Diagnostic::error("too-many-seats", format!("{what} has {n} seats"))
                    .at(self.at(&at), format!("at most {MAX_SEATS}"));
                self.push(d);
                self.fail(&at);
                None
            }
            Some(n) => u32::try_from(n).ok(),
        }
    }

    /// The legal source of a channel or edge (or of a reform's change to one).
    pub(crate) fn source(
        &mut self,
        value: Option<String>,
        path: &str,
        what: &str,
    ) -> Found<String> {
        match value {
            Some(v) if !v.trim().is_empty() => Some(v),
            other => {
                let d = Diagnostic::error("missing-source", format!("{what} has no legal source"))
                    .at(
                        if other.is_some() { self.at(path) } else { self.head(path) },
                        "unsourced",
                    )
                    .note("every seat channel and power edge must cite its legal basis, e.g. `source: \"Constitution art. 71(2)\"`");
                self.push(d);
                self.fail(path);
                None
            }
        }
    }

    pub(crate) fn confidence(&mut self, value: Option<&str>, path: &str) -> Found<Confidence> {
        match value {
            None => Some(Confidence::High),
            Some(v) => self.vocab(
                Some(v),
                path,
                "confidence",
                "unknown-confidence",
                Confidence::parse,
                &Confidence::names(),
            ),
        }
    }

    pub(crate) fn uncertain_without_note(
        &mut self,
        confidence: Confidence,
        note: &str,
        path: &str,
        what: &str,
    ) {
        if confidence != Confidence::High && note.trim().is_empty() {
            let d = Diagnostic::warning(
                "unexplained-uncertainty",
                format!("{what} has {confidence} confidence but no note saying why"),
            )
            .at(self.head(path), "add a `note`")
            .note("readers need to know what is uncertain: the source, the reading, or the law itself");
            self.push(d);
        }
    }

    /// A list of liability words; `Some(None)` when the field is absent.
    pub(crate) fn liability(
        &mut self,
        list: Option<&[Word]>,
        path: &str,
    ) -> Found<Option<Vec<Liability>>> {
        let Some(list) = list else {
            return Some(None);
        };
        let mut out = Vec::new();
        let mut ok = true;
        for (j, v) in list.iter().enumerate() {
            match self.vocab(
                Some(v),
                &format!("{path}.liability[{j}]"),
                "liability",
                "unknown-liability",
                Liability::parse,
                &Liability::names(),
            ) {
                Some(l) => out.push(l),
                None => ok = false,
            }
        }
        ok.then_some(Some(out))
    }

    /// The whole dataset, with stand-ins where a value failed.
    pub(super) fn convert_dataset(&mut self, raw: &RawDataset) -> Dataset {
        let id = self.required_text(
            raw.id.clone(),
            "id",
            "the dataset id",
            "e.g. `id: \"kz-2022\"`",
        );
        let title = self.required_text(
            raw.title.clone(),
            "title",
            "the dataset title",
            "a one-line title",
        );
        let jurisdiction = self.required_text(
            raw.jurisdiction.clone(),
            "jurisdiction",
            "the jurisdiction",
            "e.g. `jurisdiction: \"Kazakhstan\"`",
        );
        let as_of = self.required_text(
            raw.as_of.clone(),
            "as_of",
            "the date the law is taken as of",
            "e.g. `as_of: \"2024-01-01\"`",
        );
        if let Some(date) = &as_of
            && !is_iso_date(date)
        {
            let d = if is_iso_shaped(date) {
                Diagnostic::error("bad-date", format!("`{date}` is not a day of the calendar"))
                    .at(self.at("as_of"), "no such day")
                    .note("the month has fewer days (February 29 only in leap years)")
            } else {
                Diagnostic::error(
                    "bad-date",
                    format!("`{date}` is not a date of the form YYYY-MM-DD"),
                )
                .at(self.at("as_of"), "expected YYYY-MM-DD")
            };
            self.push(d);
        }
        if let Some(id) = &id {
            self.check_id(id, "id", "dataset id", true);
        }

        let mut source_ids = BTreeSet::new();
        for (i, s) in raw.sources.iter().enumerate() {
            if !source_ids.insert(s.id.clone()) {
                let d =
                    Diagnostic::error("duplicate-id", format!("source `{}` is listed twice", s.id))
                        .at(self.at(&format!("sources[{i}].id")), "second listing");
                self.push(d);
            }
        }
        let sources = raw
            .sources
            .iter()
            .map(|s| Source {
                id: s.id.clone(),
                title: s.title.clone(),
                url: s.url.clone(),
                note: s.note.clone(),
            })
            .collect();

        let mut weights = Weights::default();
        for (name, value) in &raw.weights {
            if let Err(message) = weights.set(name, *value) {
                let hint = did_you_mean(name, Weights::NAMES.iter().copied()).filter(|s| s != name);
                let code = if Weights::NAMES.contains(&name.as_str()) {
                    "bad-weight"
                } else {
                    "unknown-weight"
                };
                let d = Diagnostic::error(code, message)
                    .at(self.spans().key(&format!("weights.{name}")), "here")
                    .help_maybe(hint.map(|h| format!("did you mean `{h}`?")));
                self.push(d);
            }
        }

        // Every figure is a share of some body's seats: with none, each would be 0 or
        // undefined, and a report of zeros reads like a finding.
        if raw.bodies.is_empty() {
            let d = Diagnostic::error("no-bodies", "the dataset has no bodies")
                .at(self.head("bodies"), "no bodies")
                .note("list at least the principals and one body they fill, e.g. the electorate and the head of state it elects");
            self.push(d);
        }

        // Ids first, as a file's reader expects: a duplicate is reported before the bodies.
        for (i, b) in raw.bodies.iter().enumerate() {
            let path = format!("bodies[{i}].id");
            match &b.id {
                None => self.missing(
                    &path,
                    "a body's id",
                    "every body needs a stable id such as `constitutional_court`",
                ),
                Some(id) => self.check_id(id, &path, "body id", false),
            }
            self.mark(&path);
        }
        let bodies = raw
            .bodies
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let path = format!("bodies[{i}]");
                match &b.id {
                    Some(id) => self.convert_body(b, id, &path),
                    // Nothing of a body without an id is checked: every message would name it.
                    None => stand_in_body(stand_in(&format!("{path}.id"))),
                }
            })
            .collect();
        self.check_alignments(raw);
        let edges = raw
            .edges
            .iter()
            .enumerate()
            .map(|(i, e)| self.convert_edge(e, &format!("edges[{i}]")))
            .collect();

        Dataset {
            meta: Meta {
                id: id.unwrap_or_default(),
                title: title.unwrap_or_default(),
                jurisdiction: jurisdiction.unwrap_or_default(),
                as_of: as_of.unwrap_or_default(),
                note: raw.note.clone(),
                sources,
            },
            weights,
            principals: raw.principals.clone(),
            bodies,
            edges,
            index: Default::default(),
        }
    }

    /// The body at `path` (`bodies[3]`), whose id is `id`.
    pub(super) fn convert_body(&mut self, b: &RawBody, id: &str, path: &str) -> Body {
        let what = format!("body `{id}`");
        let names =
            [("en", &b.name.en), ("ru", &b.name.ru), ("kk", &b.name.kk)].map(|(lang, value)| {
                self.required_text(
                    value.clone(),
                    &format!("{path}.name.{lang}"),
                    &format!("{what}'s name in `{lang}`"),
                    "every body is named in English (en), Russian (ru) and Kazakh (kk)",
                )
                .unwrap_or_default()
            });
        let branch = match &b.branch {
            None => {
                self.missing(
                    &format!("{path}.branch"),
                    &format!("{what}'s branch"),
                    &format!("branches: {}", Branch::names().join(", ")),
                );
                None
            }
            Some(v) => self.vocab(
                Some(v),
                &format!("{path}.branch"),
                "branch",
                "unknown-branch",
                Branch::parse,
                &Branch::names(),
            ),
        };
        let role = b.role.as_ref().and_then(|v| {
            self.vocab(
                Some(v),
                &format!("{path}.role"),
                "body role",
                "unknown-body-role",
                Role::parse,
                &Role::names(),
            )
        });
        let seats = self.seats(b.seats, path, &what);
        let source = self.required_text(
            b.source.clone(),
            &format!("{path}.source"),
            &format!("{what}'s legal source"),
            "cite the article that establishes the body, e.g. `source: \"Constitution art. 71\"`",
        );
        let confidence = self.confidence(b.confidence.as_deref(), &format!("{path}.confidence"));
        if let Some(c) = confidence {
            self.uncertain_without_note(c, &b.note, path, &what);
        }
        if let Some(t) = b.term_years
            && (!t.is_finite() || t <= 0.0 || t > 100.0)
        {
            let d = Diagnostic::error("bad-term", format!("{what} has a term of {t} years")).at(
                self.at(&format!("{path}.term_years")),
                "expected a number of years from 0 to 100",
            );
            self.push(d);
        }
        let registration = b.registration.as_ref().and_then(|v| {
            self.vocab(
                Some(v),
                &format!("{path}.registration"),
                "registration regime",
                "unknown-registration",
                Registration::parse,
                &Registration::names(),
            )
        });
        let liability = self.liability(b.liability.as_deref(), path);
        for key in b.attribute_sources.keys() {
            if !ATTRIBUTES.contains(&key.as_str()) {
                let hint = did_you_mean(key, ATTRIBUTES.iter().copied())
                    .map(|s| format!("did you mean `{s}`?"));
                let d = Diagnostic::error(
                    "unknown-attribute",
                    format!("`{key}` is not a body attribute"),
                )
                .at(
                    self.spans().key(&format!("{path}.attribute_sources.{key}")),
                    "unknown attribute",
                )
                .help_maybe(hint)
                .note(format!("attributes: {}", ATTRIBUTES.join(", ")));
                self.push(d);
            }
        }
        let channels: Vec<Channel> = b
            .channels
            .iter()
            .enumerate()
            .map(|(j, c)| {
                let cpath = format!("{path}.channels[{j}]");
                self.mark(&format!("{cpath}.id"));
                self.convert_channel(c, &cpath, &what)
            })
            .collect();
        // Whether the channels add up is told after them.
        self.mark(&format!("{path}.seats"));

        let alignment = self.features(
            &b.alignment,
            &format!("{path}.alignment"),
            ("alignment feature", "unknown-alignment"),
            Alignment::parse,
            &Alignment::names(),
        );
        let powers = self.features(
            &b.powers,
            &format!("{path}.powers"),
            ("power", "unknown-power"),
            Power::parse,
            &Power::names(),
        );
        // The index counts powers of the head of state only; elsewhere they would be lost.
        if !b.powers.is_empty() && role.is_some_and(|r| r != Role::HeadOfState)
            || !b.powers.is_empty() && b.role.is_none()
        {
            let at = format!("{path}.powers");
            let d = Diagnostic::error(
                "misplaced-powers",
                format!("{what} lists `powers`, but it is not the head of state"),
            )
            .at(self.spans().key(&at).or_else(|| self.head(&at)), "only for `role: head_of_state`")
            .note("the powers beyond appointments are those of the head of state; see docs/codebook.md");
            self.push(d);
        }
        let decision = b
            .decision
            .as_ref()
            .and_then(|v| self.vote(v, &format!("{path}.decision")));
        let blocs = self.convert_blocs(&b.blocs, path, &what, seats, &channels);
        let [en, ru, kk] = names;
        Body {
            id: id.to_string(),
            names: Names { en, ru, kk },
            branch: branch.unwrap_or(Branch::ALL[0]),
            role,
            seats: seats.unwrap_or(1),
            seats_nominal: b.seats_nominal,
            independent: b.independent,
            non_partisan: b.non_partisan,
            relatives_ban: b.relatives_ban,
            senior_post: b.senior_post,
            term_years: b.term_years,
            registration,
            liability: liability.flatten(),
            source: source.unwrap_or_default(),
            attribute_sources: b.attribute_sources.clone(),
            confidence: confidence.unwrap_or(Confidence::High),
            note: b.note.clone(),
            channels,
            alignment,
            powers,
            decision,
            blocs,
        }
    }

    /// The channel at `path` of `body` (`body \`senate\``).
    pub(super) fn convert_channel(&mut self, c: &RawChannel, path: &str, body: &str) -> Channel {
        let id_path = format!("{path}.id");
        let id = match &c.id {
            None => {
                self.missing(
                    &id_path,
                    &format!("a channel of {body} has no id;"),
                    "channels need an id (e.g. `id: \"chair\"`) so that edges and reforms can name them",
                );
                stand_in(&id_path)
            }
            Some(id) => {
                self.check_id(id, &id_path, "channel id", false);
                id.clone()
            }
        };
        let what = format!("channel `{}` of {body}", c.id.as_deref().unwrap_or("?"));
        let seats = self.seats(c.seats, path, &what);
        let steps = self.convert_steps(&c.steps, path);
        let mandate = c.mandate.as_ref().and_then(|m| {
            self.vocab(
                Some(m),
                &format!("{path}.mandate"),
                "mandate",
                "unknown-mandate",
                Mandate::parse,
                &Mandate::names(),
            )
        });
        let source = self.source(c.source.clone(), &format!("{path}.source"), &what);
        let confidence = self.confidence(c.confidence.as_deref(), &format!("{path}.confidence"));
        if let Some(conf) = confidence {
            self.uncertain_without_note(conf, &c.note, path, &what);
        }
        Channel {
            id,
            label: c.label.clone(),
            seats: seats.unwrap_or(1),
            steps,
            mandate: mandate.unwrap_or(Mandate::Free),
            source: source.unwrap_or_default(),
            confidence: confidence.unwrap_or(Confidence::High),
            note: c.note.clone(),
            alternatives: self.channel_alternatives(&c.alternatives, path),
            layer: self.layer(c.layer.as_ref(), &format!("{path}.layer")),
        }
    }

    /// The id at `path` of a body an edge joins; whether it names one is told here.
    fn edge_end(&mut self, value: &Option<String>, path: &str, what: &str, why: &str) -> String {
        let id = match value {
            None => {
                self.missing(path, what, why);
                stand_in(path)
            }
            Some(id) => id.clone(),
        };
        self.mark(path);
        id
    }

    /// The steps of the channel at `path`.
    pub(super) fn convert_steps(&mut self, raw: &[RawStep], path: &str) -> Vec<Step> {
        let mut steps = Vec::new();
        for (k, s) in raw.iter().enumerate() {
            let spath = format!("{path}.steps[{k}]");
            let actor_path = format!("{spath}.actor");
            let actor = match &s.actor {
                None => {
                    self.missing(
                        &actor_path,
                        "a step's actor",
                        "each step names the body that acts, e.g. `actor: \"senate\"`",
                    );
                    stand_in(&actor_path)
                }
                Some(a) => a.clone(),
            };
            self.mark(&actor_path);
            let role = match &s.role {
                None => {
                    self.missing(
                        &format!("{spath}.role"),
                        "a step's role",
                        &format!("roles: {}", StepRole::names().join(", ")),
                    );
                    None
                }
                Some(r) => self.vocab(
                    Some(r),
                    &format!("{spath}.role"),
                    "role",
                    "unknown-role",
                    StepRole::parse,
                    &StepRole::names(),
                ),
            };
            let vote = s
                .vote
                .as_ref()
                .and_then(|v| self.vote(v, &format!("{spath}.vote")));
            let alternatives = self.step_alternatives(&s.alternatives, &spath);
            steps.push(Step {
                actor,
                role: role.unwrap_or(StepRole::ALL[0]),
                threshold: s.threshold.clone(),
                vote,
                note: s.note.clone(),
                alternatives,
            });
        }
        // Whether the steps form one chain is told after them.
        self.mark(&format!("{path}.steps"));
        steps
    }

    /// The edge at `path` (`edges[3]`).
    pub(super) fn convert_edge(&mut self, e: &RawEdge, path: &str) -> Edge {
        let from = self.edge_end(
            &e.from,
            &format!("{path}.from"),
            "an edge's `from`",
            "the body that holds the power",
        );
        let to = self.edge_end(
            &e.to,
            &format!("{path}.to"),
            "an edge's `to`",
            "the body the power is over",
        );
        let kind = match &e.kind {
            None => {
                self.missing(
                    &format!("{path}.kind"),
                    "an edge's kind",
                    &format!("kinds: {}", EdgeKind::names().join(", ")),
                );
                None
            }
            Some(k) => self.vocab(
                Some(k),
                &format!("{path}.kind"),
                "edge kind",
                "unknown-kind",
                EdgeKind::parse,
                &EdgeKind::names(),
            ),
        };
        // Whether the edge's channel exists is told here.
        self.mark(&format!("{path}.channel"));
        let what = format!(
            "edge {} -{}-> {}",
            e.from.as_deref().unwrap_or("?"),
            e.kind.as_deref().unwrap_or("?"),
            e.to.as_deref().unwrap_or("?")
        );
        let (after_refusals, covers) = self.trigger(e, kind, path, &what);
        let bars_path = format!("{path}.bars");
        let bars = match (&e.bars, kind) {
            (None, _) => String::new(),
            (Some(b), Some(k)) if !k.is_dissolution() => {
                let _ = b;
                self.misplaced(
                    "bad-bars",
                    "bars",
                    k,
                    &bars_path,
                    &what,
                    "`dissolve` and `dissolve_on_refusal`",
                );
                String::new()
            }
            (Some(b), _) => b.clone(),
        };
        let source = self.source(e.source.clone(), &format!("{path}.source"), &what);
        let confidence = self.confidence(e.confidence.as_deref(), &format!("{path}.confidence"));
        if let Some(c) = confidence {
            self.uncertain_without_note(c, &e.note, path, &what);
        }
        // Whether it repeats an earlier edge is told after it.
        self.mark(path);
        let alternatives = self.edge_alternatives(
            &e.alternatives,
            path,
            kind,
            e.after_refusals.is_some() && e.covers.is_some(),
        );
        Edge {
            from,
            to,
            kind: kind.unwrap_or(EdgeKind::ALL[0]),
            channel: e.channel.clone(),
            after_refusals,
            covers,
            bars,
            threshold: e.threshold.clone(),
            source: source.unwrap_or_default(),
            confidence: confidence.unwrap_or(Confidence::High),
            note: e.note.clone(),
            alternatives,
            layer: self.layer(e.layer.as_ref(), &format!("{path}.layer")),
        }
    }
}

impl Validator<'_> {
    /// The refusal count and covers of the edge at `path`, which only a dissolution on
    /// refusal has, and must.
    fn trigger(
        &mut self,
        e: &RawEdge,
        kind: Option<EdgeKind>,
        path: &str,
        what: &str,
    ) -> (Option<u32>, Vec<Cover>) {
        let refusals_path = format!("{path}.after_refusals");
        let covers_path = format!("{path}.covers");
        match kind {
            // The unknown or missing kind has been reported.
            None => (None, Vec::new()),
            Some(EdgeKind::DissolveOnRefusal) => {
                let n = match e.after_refusals {
                    None => {
                        self.missing(
                            &refusals_path,
                            &format!("{what}: after how many refusals"),
                            "a dissolution on refusal says after how many refusals it opens, e.g. `after_refusals: 2`",
                        );
                        None
                    }
                    Some(n) => self.refusals(n, &refusals_path, what),
                };
                let covers = match &e.covers {
                    None => {
                        self.missing(
                            &covers_path,
                            &format!("{what}: what it covers"),
                            "a dissolution on refusal lists the steps whose refusal opens it: `covers: [\"consent\", \"elect\", \"body/channel\"]`; see docs/codebook.md, R-THREAT",
                        );
                        None
                    }
                    Some(c) => self.covers(c, &covers_path),
                };
                (n, covers.unwrap_or_default())
            }
            Some(k) => {
                if e.after_refusals.is_some() {
                    self.misplaced(
                        "bad-refusals",
                        "after_refusals",
                        k,
                        &refusals_path,
                        what,
                        "`dissolve_on_refusal`",
                    );
                }
                if e.covers.is_some() {
                    self.misplaced(
                        "bad-covers",
                        "covers",
                        k,
                        &covers_path,
                        what,
                        "`dissolve_on_refusal`",
                    );
                }
                (None, Vec::new())
            }
        }
    }
}

/// What stands for a body without an id: nothing in it is checked.
fn stand_in_body(id: String) -> Body {
    Body {
        id,
        names: Names {
            en: String::new(),
            ru: String::new(),
            kk: String::new(),
        },
        branch: Branch::ALL[0],
        role: None,
        seats: 1,
        seats_nominal: false,
        independent: false,
        non_partisan: false,
        relatives_ban: false,
        senior_post: false,
        term_years: None,
        registration: None,
        liability: None,
        source: String::new(),
        attribute_sources: Default::default(),
        confidence: Confidence::High,
        note: String::new(),
        channels: Vec::new(),
        alignment: Default::default(),
        powers: Default::default(),
        decision: None,
        blocs: Vec::new(),
    }
}

pub(super) fn is_iso_date(s: &str) -> bool {
    let Some((y, m, d)) = iso_parts(s) else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days).contains(&d)
}

/// Whether `s` has the digits of a date, whatever the calendar says of them.
fn is_iso_shaped(s: &str) -> bool {
    iso_parts(s).is_some()
}

/// Year, month (1-12) and day (1-31) of `YYYY-MM-DD`.
fn iso_parts(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

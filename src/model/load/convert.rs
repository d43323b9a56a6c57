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
use std::fmt::Display;

use crate::diag::{Diagnostic, Found, Validator, did_you_mean};
use crate::model::raw::{RawBody, RawChannel, RawDataset, RawEdge, RawStep, Word};
use crate::model::*;
use crate::shown;

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
fn stand_in(path: impl Display) -> String {
    format!("\u{0}{path}")
}

/// Text of this many bytes or more is read and converted on two threads
/// ([`Validator::convert_as_read`]); below, a thread costs more than it saves.
pub(super) const SPLIT_FROM: usize = 2_000_000;

/// Where in the text the second thread starts: its share of the bodies and the edges.
pub(super) const SPLIT_SHARE: f64 = 0.5;

/// The bodies and edges one reader converted, in the order read.
#[derive(Default)]
struct Part {
    bodies: Vec<Body>,
    edges: Vec<Edge>,
}

impl Part {
    /// This part, then `rest`, read after it. A list only one part holds is taken as it is:
    /// moving it would touch as many fresh pages as it fills (the edges' 46 MB at 100,000
    /// bodies).
    fn then(self, rest: Part) -> Part {
        fn joined<T>(mut first: Vec<T>, mut rest: Vec<T>) -> Vec<T> {
            if first.is_empty() {
                return rest;
            }
            first.append(&mut rest);
            first
        }
        Part {
            bodies: joined(self.bodies, rest.bodies),
            edges: joined(self.edges, rest.edges),
        }
    }
}

impl Validator<'_> {
    /// The seats of the body or channel at `path`.
    pub(crate) fn seats(
        &mut self,
        value: Option<i64>,
        path: impl Display,
        what: impl Display,
    ) -> Found<u32> {
        let at = shown!("{path}.seats");
        match value {
            None => {
                self.missing(
                    at,
                    shown!("{what}'s number of seats"),
                    "a body or channel must say how many seats it has (1 for a single office)",
                );
                None
            }
            Some(n) if n <= 0 => {
                let d = Diagnostic::error("zero-seats", format!("{what} has {n} seats"))
                    .at(self.at(at), "must be at least 1")
                    .note("a single office such as a President has 1 seat; a body whose size the law does not fix gets a nominal count and `seats_nominal: true`");
                self.push(d);
                self.fail(at);
                None
            }
            Some(n) if n > MAX_SEATS => {
                let d = Diagnostic::error("too-many-seats", format!("{what} has {n} seats"))
                    .at(self.at(at), format!("at most {MAX_SEATS}"));
                self.push(d);
                self.fail(at);
                None
            }
            Some(n) => u32::try_from(n).ok(),
        }
    }

    /// The legal source of a channel or edge (or of a reform's change to one).
    pub(crate) fn source(
        &mut self,
        value: Option<String>,
        path: impl Display,
        what: impl Display,
    ) -> Found<String> {
        match value {
            Some(v) if !v.trim().is_empty() => Some(v),
            other => {
                let d = Diagnostic::error("missing-source", format!("{what} has no legal source"))
                    .at(
                        if other.is_some() { self.at(&path) } else { self.head(&path) },
                        "unsourced",
                    )
                    .note("every seat channel and power edge must cite its legal basis, e.g. `source: \"Constitution art. 71(2)\"`");
                self.push(d);
                self.fail(path);
                None
            }
        }
    }

    pub(crate) fn confidence(
        &mut self,
        value: Option<&str>,
        path: impl Display,
    ) -> Found<Confidence> {
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
        path: impl Display,
        what: impl Display,
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
        path: impl Display,
    ) -> Found<Option<Vec<Liability>>> {
        let Some(list) = list else {
            return Some(None);
        };
        let mut out = Vec::new();
        let mut ok = true;
        for (j, v) in list.iter().enumerate() {
            match self.vocab(
                Some(v),
                shown!("{path}.liability[{j}]"),
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

    /// The whole dataset, with stand-ins where a value failed. The raw values are consumed:
    /// their strings move into the dataset, none is copied.
    pub(super) fn convert_dataset(&mut self, mut raw: RawDataset) -> Dataset {
        let raw_bodies = std::mem::take(&mut raw.bodies);
        let raw_edges = std::mem::take(&mut raw.edges);
        let mut dataset = self.convert_head(raw, !raw_bodies.is_empty());

        // Ids first, as a file's reader expects: a duplicate is reported before the bodies.
        for (i, b) in raw_bodies.iter().enumerate() {
            let path = shown!("bodies[{i}].id");
            match &b.id {
                None => self.missing(
                    path,
                    "a body's id",
                    "every body needs a stable id such as `constitutional_court`",
                ),
                Some(id) => self.check_id(id, path, "body id", false),
            }
            self.mark(path);
        }
        // Told after the bodies, but asked of the raw values, which converting consumes.
        let alignments = self.alignment_problems(&raw_bodies);
        let bodies = raw_bodies
            .into_iter()
            .enumerate()
            .map(|(i, mut b)| match b.id.take() {
                Some(id) => self.convert_body(b, id, shown!("bodies[{i}]")),
                // Nothing of a body without an id is checked: every message would name it.
                None => stand_in_body(stand_in(shown!("bodies[{i}].id"))),
            })
            .collect();
        dataset.bodies = exact(bodies);
        for d in alignments {
            self.push(d);
        }
        let edges = raw_edges
            .into_iter()
            .enumerate()
            .map(|(i, e)| self.convert_edge(e, shown!("edges[{i}]")))
            .collect();
        dataset.edges = exact(edges);
        dataset
    }

    /// The dataset of `text` converted as it is read, each body and edge as soon as its raw
    /// value is complete, so that no more than one raw body is held at a time and the strings
    /// the dataset keeps are not left scattered among freed raw values (at 100,000 bodies the
    /// raw values are 230 MB, the dataset 170 MB). `None` when the text is outside what the
    /// fast reader reads or as soon as anything is to be told: the order in which
    /// [`convert_dataset`](Self::convert_dataset) tells problems (the ids of every body
    /// before the first body, the fields of the dataset before its lists, whatever order
    /// the file has) is then kept by starting again with it, on a fresh validator. With
    /// nothing to tell, both give the same dataset and leave the validator alike (no
    /// failed path, every mark skipped).
    ///
    /// Text of `split_from` bytes or more is read on two threads: the second reads and
    /// converts from a body about `share` of the way through the text to the end while the
    /// first reads up to that body, and the two are joined in the order of the file. Both
    /// convert each item alike and neither has anything to tell when the dataset comes
    /// back, so that the dataset and the validator are those of one thread; anything else
    /// (a problem, text outside the fast reader's subset, a field met by both) gives `None`
    /// as one thread would, and the file is checked whole.
    pub(super) fn convert_as_read(
        &mut self,
        text: &str,
        split_from: usize,
        share: f64,
    ) -> Option<Dataset> {
        let at = (text.len() >= split_from)
            .then(|| super::fast::split_guess(text, share))
            .flatten();
        let (head, part) = match at {
            Some(at) => self.convert_in_two(text, at)?,
            None => {
                let mut part = Part::default();
                let head =
                    super::fast::raw_dataset_each(text, |item| self.convert_item(&mut part, item))?;
                (head, part)
            }
        };
        let Part { bodies, edges } = part;
        let mut dataset = self.convert_head(head, !bodies.is_empty());
        if !self.out.is_empty() || !blocs_aligned(&bodies) {
            return None;
        }
        dataset.bodies = exact(bodies);
        dataset.edges = exact(edges);
        Some(dataset)
    }

    /// The two threads of [`convert_as_read`](Self::convert_as_read), the second
    /// starting at the body at byte `at`. A second thread's paths count its bodies from its
    /// first: they are written out only for a problem, and with one the file is checked whole.
    fn convert_in_two(&mut self, text: &str, at: usize) -> Option<(RawDataset, Part)> {
        use std::sync::atomic::{AtomicBool, Ordering};
        let given_up = AtomicBool::new(false);
        std::thread::scope(|s| {
            let second = s.spawn(|| {
                let mut v = Validator::lazy(text);
                let mut part = Part::default();
                let head = super::fast::read_from(text, at, |item| {
                    if given_up.load(Ordering::Relaxed) {
                        return None;
                    }
                    v.convert_item(&mut part, item)
                });
                let found_nothing = v.out.is_empty();
                (head.filter(|_| found_nothing), part, v)
            });
            let mut part = Part::default();
            let first =
                super::fast::read_until(text, Some(at), |item| self.convert_item(&mut part, item));
            if first.as_ref().is_none_or(|(_, stopped)| !stopped) {
                // Whatever the second finds is not needed: the first has read the whole or
                // given up.
                given_up.store(true, Ordering::Relaxed);
            }
            let (later, rest, mut v) = second
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            // A problem the second found built the index of places; the whole check that
            // follows needs it.
            self.take_spans(&mut v);
            let (head, stopped) = first?;
            if stopped {
                let head = head.and(later?)?.dataset()?;
                self.joined(v);
                Some((head, part.then(rest)))
            } else {
                Some((head.dataset()?, part))
            }
        })
    }

    /// Converts one body or edge of [`convert_as_read`](Self::convert_as_read) into `part`;
    /// `None` as soon as anything is to be told.
    fn convert_item(&mut self, part: &mut Part, item: super::fast::Item) -> Option<()> {
        let Part { bodies, edges } = part;
        match item {
            super::fast::Item::Bodies(n) => bodies.reserve_exact(n.saturating_sub(bodies.len())),
            super::fast::Item::Edges(n) => edges.reserve_exact(n.saturating_sub(edges.len())),
            super::fast::Item::Body(mut b) => {
                let i = bodies.len();
                let id = b.id.take()?;
                let path = shown!("bodies[{i}].id");
                self.check_id(&id, path, "body id", false);
                self.mark(path);
                let body = self.convert_body(b, id, shown!("bodies[{i}]"));
                bodies.push(body);
            }
            super::fast::Item::Edge(e) => {
                let i = edges.len();
                let edge = self.convert_edge(e, shown!("edges[{i}]"));
                edges.push(edge);
            }
        }
        self.out.is_empty().then_some(())
    }

    /// The dataset's own fields, converted; its bodies and edges are left empty (`raw`'s
    /// are not read), `has_bodies` says whether the file has any.
    fn convert_head(&mut self, raw: RawDataset, has_bodies: bool) -> Dataset {
        let RawDataset {
            id,
            title,
            jurisdiction,
            as_of,
            note,
            sources: raw_sources,
            weights: raw_weights,
            principals,
            ..
        } = raw;
        let id = self.required_text(id, "id", "the dataset id", "e.g. `id: \"kz-2022\"`");
        let title = self.required_text(title, "title", "the dataset title", "a one-line title");
        let jurisdiction = self.required_text(
            jurisdiction,
            "jurisdiction",
            "the jurisdiction",
            "e.g. `jurisdiction: \"Kazakhstan\"`",
        );
        let as_of = self.required_text(
            as_of,
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
        for (i, s) in raw_sources.iter().enumerate() {
            if !source_ids.insert(s.id.as_str()) {
                let d =
                    Diagnostic::error("duplicate-id", format!("source `{}` is listed twice", s.id))
                        .at(self.at(shown!("sources[{i}].id")), "second listing");
                self.push(d);
            }
        }
        let sources = raw_sources
            .into_iter()
            .map(|s| Source {
                id: s.id,
                title: s.title,
                url: s.url,
                note: s.note,
            })
            .collect();

        let mut weights = Weights::default();
        for (name, value) in &raw_weights {
            if let Err(message) = weights.set(name, *value) {
                let hint = did_you_mean(name, Weights::NAMES.iter().copied()).filter(|s| s != name);
                let code = if Weights::NAMES.contains(&name.as_str()) {
                    "bad-weight"
                } else {
                    "unknown-weight"
                };
                let d = Diagnostic::error(code, message)
                    .at(self.key(shown!("weights.{name}")), "here")
                    .help_maybe(hint.map(|h| format!("did you mean `{h}`?")));
                self.push(d);
            }
        }

        // Every figure is a share of some body's seats: with none, each would be 0 or
        // undefined, and a report of zeros reads like a finding.
        if !has_bodies {
            let d = Diagnostic::error("no-bodies", "the dataset has no bodies")
                .at(self.head("bodies"), "no bodies")
                .note("list at least the principals and one body they fill, e.g. the electorate and the head of state it elects");
            self.push(d);
        }

        Dataset {
            meta: Meta {
                id: id.unwrap_or_default(),
                title: title.unwrap_or_default(),
                jurisdiction: jurisdiction.unwrap_or_default(),
                as_of: as_of.unwrap_or_default(),
                note,
                sources,
            },
            weights,
            principals,
            bodies: Vec::new(),
            edges: Vec::new(),
            index: Default::default(),
            translations: Default::default(),
        }
    }

    /// The body at `path` (`bodies[3]`), whose id is `id` (taken out of `b`).
    pub(super) fn convert_body(&mut self, b: RawBody, id: String, path: impl Display) -> Body {
        let path = &path;
        let what = shown!("body `{id}`");
        let RawBody {
            id: _,
            name,
            branch,
            role,
            seats,
            seats_nominal,
            independent,
            non_partisan,
            relatives_ban,
            senior_post,
            term_years,
            registration,
            liability,
            source,
            attribute_sources,
            confidence,
            note,
            channels,
            alignment,
            powers,
            decision,
            blocs,
        } = b;
        let names = [("en", name.en), ("ru", name.ru), ("kk", name.kk)].map(|(lang, value)| {
            self.required_text(
                value,
                shown!("{path}.name.{lang}"),
                shown!("{what}'s name in `{lang}`"),
                "every body is named in English (en), Russian (ru) and Kazakh (kk)",
            )
            .unwrap_or_default()
        });
        let branch = match &branch {
            None => {
                self.missing(
                    shown!("{path}.branch"),
                    shown!("{what}'s branch"),
                    shown!("branches: {}", Branch::names().join(", ")),
                );
                None
            }
            Some(v) => self.vocab(
                Some(v),
                shown!("{path}.branch"),
                "branch",
                "unknown-branch",
                Branch::parse,
                &Branch::names(),
            ),
        };
        let raw_role = role;
        let role = raw_role.as_ref().and_then(|v| {
            self.vocab(
                Some(v),
                shown!("{path}.role"),
                "body role",
                "unknown-body-role",
                Role::parse,
                &Role::names(),
            )
        });
        let seats = self.seats(seats, path, what);
        let source = self.required_text(
            source,
            shown!("{path}.source"),
            shown!("{what}'s legal source"),
            "cite the article that establishes the body, e.g. `source: \"Constitution art. 71\"`",
        );
        let confidence = self.confidence(confidence.as_deref(), shown!("{path}.confidence"));
        if let Some(c) = confidence {
            self.uncertain_without_note(c, &note, path, what);
        }
        if let Some(t) = term_years
            && (!t.is_finite() || t <= 0.0 || t > 100.0)
        {
            let d = Diagnostic::error("bad-term", format!("{what} has a term of {t} years")).at(
                self.at(shown!("{path}.term_years")),
                "expected a number of years from 0 to 100",
            );
            self.push(d);
        }
        let registration = registration.as_ref().and_then(|v| {
            self.vocab(
                Some(v),
                shown!("{path}.registration"),
                "registration regime",
                "unknown-registration",
                Registration::parse,
                &Registration::names(),
            )
        });
        let liability = self.liability(liability.as_deref(), path);
        for key in attribute_sources.keys() {
            if !ATTRIBUTES.contains(&key.as_str()) {
                let hint = did_you_mean(key, ATTRIBUTES.iter().copied())
                    .map(|s| format!("did you mean `{s}`?"));
                let d = Diagnostic::error(
                    "unknown-attribute",
                    format!("`{key}` is not a body attribute"),
                )
                .at(
                    self.key(shown!("{path}.attribute_sources.{key}")),
                    "unknown attribute",
                )
                .help_maybe(hint)
                .note(format!("attributes: {}", ATTRIBUTES.join(", ")));
                self.push(d);
            }
        }
        let channels: Vec<Channel> = channels
            .into_iter()
            .enumerate()
            .map(|(j, c)| {
                let cpath = shown!("{path}.channels[{j}]");
                self.mark(shown!("{cpath}.id"));
                self.convert_channel(c, cpath, what)
            })
            .collect();
        let channels = exact(channels);
        // Whether the channels add up is told after them.
        self.mark(shown!("{path}.seats"));

        let alignment = self.features(
            alignment,
            shown!("{path}.alignment"),
            ("alignment feature", "unknown-alignment"),
            Alignment::parse,
            &Alignment::names(),
        );
        let has_powers = !powers.is_empty();
        let powers = self.features(
            powers,
            shown!("{path}.powers"),
            ("power", "unknown-power"),
            Power::parse,
            &Power::names(),
        );
        // The index counts powers of the head of state only; elsewhere they would be lost.
        if has_powers && (role.is_some_and(|r| r != Role::HeadOfState) || raw_role.is_none()) {
            let at = shown!("{path}.powers");
            let d = Diagnostic::error(
                "misplaced-powers",
                format!("{what} lists `powers`, but it is not the head of state"),
            )
            .at(self.key(at).or_else(|| self.head(at)), "only for `role: head_of_state`")
            .note("the powers beyond appointments are those of the head of state; see docs/codebook.md");
            self.push(d);
        }
        let decision = decision
            .as_ref()
            .and_then(|v| self.vote(v, shown!("{path}.decision")));
        let blocs = self.convert_blocs(blocs, path, what, seats, &channels);
        let [en, ru, kk] = names;
        Body {
            id,
            names: Names { en, ru, kk },
            branch: branch.unwrap_or(Branch::ALL[0]),
            role,
            seats: seats.unwrap_or(1),
            seats_nominal,
            independent,
            non_partisan,
            relatives_ban,
            senior_post,
            term_years,
            registration,
            liability: liability.flatten(),
            source: source.unwrap_or_default(),
            attribute_sources,
            confidence: confidence.unwrap_or(Confidence::High),
            note,
            channels,
            alignment,
            powers,
            decision,
            blocs,
        }
    }

    /// The channel at `path` of `body` (`body \`senate\``).
    pub(super) fn convert_channel(
        &mut self,
        c: RawChannel,
        path: impl Display,
        body: impl Display,
    ) -> Channel {
        let path = &path;
        let id_path = shown!("{path}.id");
        let raw_id = c.id;
        let what = shown!("channel `{}` of {body}", raw_id.as_deref().unwrap_or("?"));
        let id = match &raw_id {
            None => {
                self.missing(
                    id_path,
                    shown!("a channel of {body} has no id;"),
                    "channels need an id (e.g. `id: \"chair\"`) so that edges and reforms can name them",
                );
                stand_in(id_path)
            }
            Some(id) => {
                self.check_id(id, id_path, "channel id", false);
                String::new()
            }
        };
        let seats = self.seats(c.seats, path, what);
        let steps = self.convert_steps(c.steps, path);
        let mandate = c.mandate.as_ref().and_then(|m| {
            self.vocab(
                Some(m),
                shown!("{path}.mandate"),
                "mandate",
                "unknown-mandate",
                Mandate::parse,
                &Mandate::names(),
            )
        });
        let source = self.source(c.source, shown!("{path}.source"), what);
        let confidence = self.confidence(c.confidence.as_deref(), shown!("{path}.confidence"));
        if let Some(conf) = confidence {
            self.uncertain_without_note(conf, &c.note, path, what);
        }
        let alternatives = self.channel_alternatives(&c.alternatives, path);
        let layer = self.layer(c.layer.as_ref(), shown!("{path}.layer"));
        Channel {
            id: raw_id.unwrap_or(id),
            label: c.label,
            seats: seats.unwrap_or(1),
            steps,
            mandate: mandate.unwrap_or(Mandate::Free),
            source: source.unwrap_or_default(),
            confidence: confidence.unwrap_or(Confidence::High),
            note: c.note,
            alternatives,
            layer,
        }
    }

    /// The id at `path` of a body an edge joins, whether it is `given`; whether it names
    /// one is told here. The stand-in when it is missing.
    fn edge_end(
        &mut self,
        given: bool,
        path: impl Display,
        what: &str,
        why: &str,
    ) -> Option<String> {
        let stand_in = (!given).then(|| {
            self.missing(&path, what, why);
            stand_in(&path)
        });
        self.mark(path);
        stand_in
    }

    /// The steps of the channel at `path`.
    pub(super) fn convert_steps(&mut self, raw: Vec<RawStep>, path: impl Display) -> Vec<Step> {
        let path = &path;
        let mut steps = Vec::with_capacity(raw.len());
        for (k, s) in raw.into_iter().enumerate() {
            let spath = shown!("{path}.steps[{k}]");
            let actor_path = shown!("{spath}.actor");
            let actor = match s.actor {
                None => {
                    self.missing(
                        actor_path,
                        "a step's actor",
                        "each step names the body that acts, e.g. `actor: \"senate\"`",
                    );
                    stand_in(actor_path)
                }
                Some(a) => a,
            };
            self.mark(actor_path);
            let role = match &s.role {
                None => {
                    self.missing(
                        shown!("{spath}.role"),
                        "a step's role",
                        shown!("roles: {}", StepRole::names().join(", ")),
                    );
                    None
                }
                Some(r) => self.vocab(
                    Some(r),
                    shown!("{spath}.role"),
                    "role",
                    "unknown-role",
                    StepRole::parse,
                    &StepRole::names(),
                ),
            };
            let vote = s
                .vote
                .as_ref()
                .and_then(|v| self.vote(v, shown!("{spath}.vote")));
            let alternatives = self.step_alternatives(&s.alternatives, spath);
            steps.push(Step {
                actor,
                role: role.unwrap_or(StepRole::ALL[0]),
                threshold: s.threshold,
                vote,
                note: s.note,
                alternatives,
            });
        }
        // Whether the steps form one chain is told after them.
        self.mark(shown!("{path}.steps"));
        steps
    }

    /// The edge at `path` (`edges[3]`).
    pub(super) fn convert_edge(&mut self, e: RawEdge, path: impl Display) -> Edge {
        let path = &path;
        let what = shown!(
            "edge {} -{}-> {}",
            e.from.as_deref().unwrap_or("?"),
            e.kind.as_deref().unwrap_or("?"),
            e.to.as_deref().unwrap_or("?")
        );
        let from = self.edge_end(
            e.from.is_some(),
            shown!("{path}.from"),
            "an edge's `from`",
            "the body that holds the power",
        );
        let to = self.edge_end(
            e.to.is_some(),
            shown!("{path}.to"),
            "an edge's `to`",
            "the body the power is over",
        );
        let kind = match &e.kind {
            None => {
                self.missing(
                    shown!("{path}.kind"),
                    "an edge's kind",
                    shown!("kinds: {}", EdgeKind::names().join(", ")),
                );
                None
            }
            Some(k) => self.vocab(
                Some(k),
                shown!("{path}.kind"),
                "edge kind",
                "unknown-kind",
                EdgeKind::parse,
                &EdgeKind::names(),
            ),
        };
        // Whether the edge's channel exists is told here.
        self.mark(shown!("{path}.channel"));
        let (after_refusals, covers) = self.trigger(&e, kind, path, what);
        let bars_path = shown!("{path}.bars");
        let bars = match (&e.bars, kind) {
            (None, _) => String::new(),
            (Some(_), Some(k)) if !k.is_dissolution() => {
                self.misplaced(
                    "bad-bars",
                    "bars",
                    k,
                    bars_path,
                    what,
                    "`dissolve` and `dissolve_on_refusal`",
                );
                String::new()
            }
            (Some(_), _) => e.bars.unwrap_or_default(),
        };
        let source = self.source(e.source, shown!("{path}.source"), what);
        let confidence = self.confidence(e.confidence.as_deref(), shown!("{path}.confidence"));
        if let Some(c) = confidence {
            self.uncertain_without_note(c, &e.note, path, what);
        }
        // Whether it repeats an earlier edge is told after it.
        self.mark(path);
        let alternatives = self.edge_alternatives(
            &e.alternatives,
            path,
            kind,
            e.after_refusals.is_some() && e.covers.is_some(),
        );
        let layer = self.layer(e.layer.as_ref(), shown!("{path}.layer"));
        Edge {
            from: e.from.or(from).unwrap_or_default(),
            to: e.to.or(to).unwrap_or_default(),
            kind: kind.unwrap_or(EdgeKind::ALL[0]),
            channel: e.channel,
            after_refusals,
            covers,
            bars,
            threshold: e.threshold,
            source: source.unwrap_or_default(),
            confidence: confidence.unwrap_or(Confidence::High),
            note: e.note,
            alternatives,
            layer,
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
        path: impl Display,
        what: impl Display,
    ) -> (Option<u32>, Vec<Cover>) {
        let what = &what;
        let refusals_path = shown!("{path}.after_refusals");
        let covers_path = shown!("{path}.covers");
        match kind {
            // The unknown or missing kind has been reported.
            None => (None, Vec::new()),
            Some(EdgeKind::DissolveOnRefusal) => {
                let n = match e.after_refusals {
                    None => {
                        self.missing(
                            refusals_path,
                            format!("{what}: after how many refusals"),
                            "a dissolution on refusal says after how many refusals it opens, e.g. `after_refusals: 2`",
                        );
                        None
                    }
                    Some(n) => self.refusals(n, refusals_path, what),
                };
                let covers = match &e.covers {
                    None => {
                        self.missing(
                            covers_path,
                            format!("{what}: what it covers"),
                            "a dissolution on refusal lists the steps whose refusal opens it: `covers: [\"consent\", \"elect\", \"body/channel\"]`; see docs/codebook.md, R-THREAT",
                        );
                        None
                    }
                    Some(c) => self.covers(c, covers_path),
                };
                (n, covers.unwrap_or_default())
            }
            Some(k) => {
                if e.after_refusals.is_some() {
                    self.misplaced(
                        "bad-refusals",
                        "after_refusals",
                        k,
                        refusals_path,
                        what,
                        "`dissolve_on_refusal`",
                    );
                }
                if e.covers.is_some() {
                    self.misplaced(
                        "bad-covers",
                        "covers",
                        k,
                        covers_path,
                        what,
                        "`dissolve_on_refusal`",
                    );
                }
                (None, Vec::new())
            }
        }
    }
}

/// Whether every bloc's `aligned_with` names a body of `bodies` (else
/// [`Validator::alignment_problems`] tells which does not).
fn blocs_aligned(bodies: &[Body]) -> bool {
    if bodies.iter().all(|b| b.blocs.is_empty()) {
        return true;
    }
    let ids: std::collections::HashSet<&str> = bodies.iter().map(|b| b.id.as_str()).collect();
    bodies
        .iter()
        .flat_map(|b| &b.blocs)
        .filter_map(|bloc| bloc.aligned_with.as_deref())
        .all(|actor| ids.contains(actor))
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

/// `v` in an allocation of its length. A list converted from the raw one keeps the raw list's
/// allocation when it can (`collect` works in place), and a raw body, channel or edge is
/// larger than the converted one: without this, a quarter to a third of each list held by
/// the dataset would be slack (about 36 MB at 100,000 bodies).
fn exact<T>(mut v: Vec<T>) -> Vec<T> {
    v.shrink_to_fit();
    v
}

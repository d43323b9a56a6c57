//! The conversions issue 9 added to the format: voting rules (codebook R-VOTE), what a
//! dissolution on refusal covers (R-THREAT), other readings of an element (R-ALT), and a
//! body's alignment features and powers.
//!
//! Like the rest of `convert`, each reports what is wrong with one value and goes on.
//! Whether an alternative leaves a valid dataset is a question about the whole dataset,
//! answered after validation by [`Validator::alternatives`].

use std::collections::{BTreeMap, HashSet};
use std::fmt::Display;

use crate::diag::{Diagnostic, Found, Validator, did_you_mean, line_col};
use crate::model::raw::{RawChannelAlt, RawEdgeAlt, RawStepAlt, RawVote, Word};
use crate::model::validate::validate;
use crate::model::vote::{Base, Fraction, Round, Rule, Vote};
use crate::model::*;
use crate::shown;

/// The most refusals a text could plausibly require; larger counts are surely a typo.
const MAX_REFUSALS: i64 = 100;

/// An optional field's converted value: `Some(None)` when absent, `None` when it failed.
fn settled<T>(value: Option<Found<T>>) -> Option<Option<T>> {
    match value {
        None => Some(None),
        Some(found) => found.map(Some),
    }
}

/// What every alternative carries besides its change.
struct Common {
    id: String,
    source: String,
    argument: String,
    confidence: Confidence,
}

impl Validator<'_> {
    /// A step's voting rule at `path`: the first round and the fallback rounds.
    pub(crate) fn vote(&mut self, raw: &RawVote, path: impl Display) -> Found<Vote> {
        let path = &path;
        let first = self.round(
            (&raw.approve, &raw.block, raw.plurality, &raw.of),
            path,
            path,
        );
        let mut rounds = vec![first];
        for (i, r) in raw.then.iter().enumerate() {
            rounds.push(self.round(
                (&r.approve, &r.block, r.plurality, &r.of),
                shown!("{path}.then[{i}]"),
                path,
            ));
        }
        let rounds: Option<Vec<Round>> = rounds.into_iter().collect();
        Some(Vote { rounds: rounds? })
    }

    /// One round at `path` (fields at `path.approve`, ...), of the vote at `vote`.
    fn round(
        &mut self,
        (approve, block, plurality, of): (
            &Option<String>,
            &Option<String>,
            Option<bool>,
            &Option<Word>,
        ),
        path: impl Display,
        vote: impl Display,
    ) -> Found<Round> {
        let stated = usize::from(approve.is_some())
            + usize::from(block.is_some())
            + usize::from(plurality == Some(true));
        if stated != 1 {
            let d = Diagnostic::error(
                "bad-vote",
                if stated == 0 {
                    "a vote states no rule".to_string()
                } else {
                    "a vote states more than one rule".to_string()
                },
            )
            .at(self.head(&path), "state exactly one rule")
            .note("a round is `approve: \"a/b\"` (needed to carry it), `block: \"a/b\"` (needed to stop it) or `plurality: true` (most votes win); see docs/codebook.md, R-VOTE");
            self.push(d);
            self.fail(&vote);
            return None;
        }
        let of = match of {
            None => Some(Base::default()),
            Some(w) => self.vocab(
                Some(w),
                shown!("{path}.of"),
                "vote base",
                "unknown-vote-base",
                Base::parse,
                &Base::NAMES,
            ),
        };
        let mut fraction = |value: &str, field: &str| match Fraction::parse(value) {
            Ok(f) => Some(f),
            Err(message) => {
                let d = Diagnostic::error("bad-fraction", message)
                    .at(
                        self.at(shown!("{path}.{field}")),
                        "expected \"a/b\", with 0 < a/b <= 1",
                    )
                    .note("e.g. `approve: \"2/3\"` for two thirds; a simple majority is \"1/2\"");
                self.push(d);
                self.fail(&vote);
                None
            }
        };
        let rule = match (approve, block) {
            (Some(q), _) => Rule::Approve(fraction(q, "approve")?),
            (_, Some(q)) => Rule::Block(fraction(q, "block")?),
            _ => Rule::Plurality,
        };
        Some(Round { rule, of: of? })
    }

    /// The selectors of a dissolution on refusal at `path`, each a role word or `body/channel`;
    /// whether a named channel exists is a rule of `validate`.
    pub(crate) fn covers(&mut self, list: &[String], path: impl Display) -> Found<Vec<Cover>> {
        if list.is_empty() {
            let d = Diagnostic::error("empty-field", "`covers` is empty")
                .at(self.at(&path), "covers nothing")
                .note("list the steps whose refusal opens the dissolution: `consent`, `elect`, or a channel `body/channel`");
            self.push(d);
            self.fail(path);
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        for (k, s) in list.iter().enumerate() {
            let at = format!("{path}[{k}]");
            self.mark(&at);
            match Cover::parse(s) {
                Some(c) => out.push(c),
                None => {
                    let hint = did_you_mean(s, ["consent", "elect"])
                        .map(|h| format!("did you mean `{h}`?"));
                    let d = Diagnostic::error("unknown-cover", format!("`{s}` is not a cover"))
                        .at(self.at(&at), "not a cover")
                        .help_maybe(hint)
                        .note("a cover is `consent`, `elect`, or a channel written `body/channel`");
                    self.push(d);
                    self.fail(&at);
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    /// A refusal count at `path`.
    pub(crate) fn refusals(
        &mut self,
        n: i64,
        path: impl Display,
        what: impl Display,
    ) -> Found<u32> {
        if (1..=MAX_REFUSALS).contains(&n) {
            return u32::try_from(n).ok();
        }
        let d = Diagnostic::error("bad-refusals", format!("{what}: after_refusals is {n}"))
            .at(self.at(&path), format!("expected 1 to {MAX_REFUSALS}"));
        self.push(d);
        self.fail(path);
        None
    }

    /// A field that only some kinds of edge may carry (`after_refusals`, `covers`, `bars`),
    /// found on an edge of `kind`.
    pub(crate) fn misplaced(
        &mut self,
        code: &'static str,
        field: &str,
        kind: EdgeKind,
        at: impl Display,
        what: impl Display,
        only: &str,
    ) {
        let d = Diagnostic::error(
            code,
            format!("{what}: `{field}` applies only to {only} edges, not `{kind}`"),
        )
        .at(self.key(&at).or_else(|| self.head(&at)), format!("only for {only}"))
        .help_maybe((kind == EdgeKind::Dissolve && field != "bars").then(|| {
            "a dissolution on refusal is `kind: dissolve_on_refusal` with the `covers` it applies to".to_string()
        }));
        self.push(d);
        self.fail(at);
    }

    /// A body's features of one vocabulary (`alignment` or `powers`), each with a citation.
    pub(crate) fn features<T: Copy + Ord>(
        &mut self,
        raw: BTreeMap<Word, String>,
        path: impl Display,
        (what, code): (&str, &'static str),
        parse: fn(&str) -> Option<T>,
        names: &[&'static str],
    ) -> BTreeMap<T, String> {
        let mut out = BTreeMap::new();
        for (word, citation) in raw {
            let word = &word;
            let at = format!("{path}.{}", word.0);
            let Some(feature) = parse(word) else {
                let hint = did_you_mean(word, names.iter().copied())
                    .map(|s| format!("did you mean `{s}`?"));
                let d = Diagnostic::error(code, format!("unknown {what} `{}`", word.0))
                    .at(self.spans().key(&at).or_else(|| self.head(&at)), "unknown")
                    .help_maybe(hint)
                    .note(format!("{what}s: {}", names.join(", ")));
                self.push(d);
                self.fail(&at);
                continue;
            };
            if let Some(c) = self.required_text(
                Some(citation),
                &at,
                format!("the citation of `{}`", word.0),
                "each feature cites the article it rests on, e.g. `\"Constitution art. 77(1)\"`",
            ) {
                out.insert(feature, c);
            }
        }
        out
    }

    /// What every alternative at `path` carries; `seen` holds the ids of its element so far.
    fn common(
        &mut self,
        (id, source, argument, confidence): (
            &Option<String>,
            &Option<String>,
            &Option<String>,
            &Option<Word>,
        ),
        path: &str,
        seen: &mut HashSet<String>,
    ) -> Found<Common> {
        let id_path = format!("{path}.id");
        let id = self.required_text(
            id.clone(),
            &id_path,
            "an alternative's id",
            "every alternative has an id, e.g. `id: \"fec_removal_for_cause\"`, by which reports and `--choose` name it",
        );
        if let Some(id) = &id {
            self.check_id(id, &id_path, "alternative id", false);
            if !seen.insert(id.clone()) {
                let d = Diagnostic::error(
                    "duplicate-id",
                    format!("the alternative `{id}` is listed twice on one element"),
                )
                .at(self.at(&id_path), "second listing")
                .note("one element carries each reading once; another reading needs another id");
                self.push(d);
            }
        }
        let source = self.source(source.clone(), format!("{path}.source"), "an alternative");
        let argument = self.required_text(
            argument.clone(),
            format!("{path}.argument"),
            "an alternative's argument",
            "say why a careful reader might code it so; see docs/codebook.md, R-ALT",
        );
        let confidence = self.confidence(confidence.as_deref(), format!("{path}.confidence"));
        Some(Common {
            id: id?,
            source: source?,
            argument: argument?,
            confidence: confidence?,
        })
    }

    fn changes_nothing(&mut self, path: impl Display, fields: &str) {
        let d = Diagnostic::error("empty-alternative", "an alternative changes nothing")
            .at(self.head(&path), "no change")
            .note(format!("an alternative sets at least one of: {fields}"));
        self.push(d);
        self.fail(path);
    }

    /// The alternatives of the step at `path`.
    pub(crate) fn step_alternatives(
        &mut self,
        raw: &[RawStepAlt],
        path: impl Display,
    ) -> Vec<Alternative<StepChange>> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (k, a) in raw.iter().enumerate() {
            let apath = format!("{path}.alternatives[{k}]");
            let common = self.common(
                (&a.id, &a.source, &a.argument, &a.confidence),
                &apath,
                &mut seen,
            );
            let role = a.role.as_ref().map(|r| {
                self.vocab(
                    Some(r),
                    format!("{apath}.role"),
                    "role",
                    "unknown-role",
                    StepRole::parse,
                    &StepRole::names(),
                )
            });
            let vote = a
                .vote
                .as_ref()
                .map(|v| self.vote(v, format!("{apath}.vote")));
            if a.actor.is_none() && role.is_none() && vote.is_none() {
                self.changes_nothing(&apath, "actor, role, vote");
                continue;
            }
            let (Some(c), Some(role), Some(vote)) = (common, settled(role), settled(vote)) else {
                continue;
            };
            out.push(Alternative {
                id: c.id,
                change: StepChange {
                    actor: a.actor.clone(),
                    role,
                    vote,
                },
                source: c.source,
                argument: c.argument,
                confidence: c.confidence,
            });
        }
        out
    }

    /// The alternatives of the channel at `path`.
    pub(crate) fn channel_alternatives(
        &mut self,
        raw: &[RawChannelAlt],
        path: impl Display,
    ) -> Vec<Alternative<ChannelChange>> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (k, a) in raw.iter().enumerate() {
            let apath = format!("{path}.alternatives[{k}]");
            let common = self.common(
                (&a.id, &a.source, &a.argument, &a.confidence),
                &apath,
                &mut seen,
            );
            let mut nested = false;
            for (j, s) in a.steps.iter().flatten().enumerate() {
                if !s.alternatives.is_empty() {
                    let at = format!("{apath}.steps[{j}].alternatives");
                    let d = Diagnostic::error(
                        "nested-alternative",
                        "a step of an alternative has alternatives of its own",
                    )
                    .at(self.key(&at).or_else(|| self.head(&at)), "nested")
                    .note("a reading is one choice; write the other reading as a further alternative of the channel");
                    self.push(d);
                    nested = true;
                }
            }
            let steps = a
                .steps
                .as_ref()
                .map(|s| self.convert_steps(s.clone(), &apath));
            let mandate = a.mandate.as_ref().map(|m| {
                self.vocab(
                    Some(m),
                    format!("{apath}.mandate"),
                    "mandate",
                    "unknown-mandate",
                    Mandate::parse,
                    &Mandate::names(),
                )
            });
            if steps.is_none() && mandate.is_none() {
                self.changes_nothing(&apath, "steps, mandate");
                continue;
            }
            let (Some(c), Some(mandate), false) = (common, settled(mandate), nested) else {
                continue;
            };
            out.push(Alternative {
                id: c.id,
                change: ChannelChange { steps, mandate },
                source: c.source,
                argument: c.argument,
                confidence: c.confidence,
            });
        }
        out
    }

    /// The alternatives of the edge at `path`, whose own kind is `kind` and which has its own
    /// covers and refusal count when `has_trigger`.
    pub(crate) fn edge_alternatives(
        &mut self,
        raw: &[RawEdgeAlt],
        path: impl Display,
        kind: Option<EdgeKind>,
        has_trigger: bool,
    ) -> Vec<Alternative<EdgeChange>> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (k, a) in raw.iter().enumerate() {
            let apath = format!("{path}.alternatives[{k}]");
            let what = format!("alternative {k} of the edge");
            let common = self.common(
                (&a.id, &a.source, &a.argument, &a.confidence),
                &apath,
                &mut seen,
            );
            let alt_kind = a.kind.as_ref().map(|w| {
                self.vocab(
                    Some(w),
                    format!("{apath}.kind"),
                    "edge kind",
                    "unknown-kind",
                    EdgeKind::parse,
                    &EdgeKind::names(),
                )
            });
            let covers = a
                .covers
                .as_ref()
                .map(|c| self.covers(c, format!("{apath}.covers")));
            let refusals = a
                .after_refusals
                .map(|n| self.refusals(n, format!("{apath}.after_refusals"), &what));
            let sets = a.kind.is_some() || a.covers.is_some() || a.after_refusals.is_some();
            if !a.absent && !sets {
                self.changes_nothing(&apath, "kind, covers, after_refusals, or `absent: true`");
                continue;
            }
            if a.absent && sets {
                let d = Diagnostic::error(
                    "bad-alternative",
                    "an alternative under which the edge is absent changes nothing else",
                )
                .at(self.head(&apath), "absent, and changed")
                .note("write the other change as a further alternative");
                self.push(d);
                continue;
            }
            // The kind under this reading decides which fields it may carry.
            let result = alt_kind.flatten().or(kind);
            if let Some(r) = result
                && !a.absent
            {
                if r == EdgeKind::DissolveOnRefusal {
                    if !has_trigger && (a.covers.is_none() || a.after_refusals.is_none()) {
                        let d = Diagnostic::error(
                            "missing-field",
                            "under this reading the edge is a dissolution on refusal, but it does not say after how many refusals and what they cover",
                        )
                        .at(self.head(&apath), "needs `after_refusals` and `covers`")
                        .note("see docs/codebook.md, R-THREAT");
                        self.push(d);
                        continue;
                    }
                } else {
                    if a.covers.is_some() {
                        self.misplaced(
                            "bad-covers",
                            "covers",
                            r,
                            format!("{apath}.covers"),
                            &what,
                            "`dissolve_on_refusal`",
                        );
                        continue;
                    }
                    if a.after_refusals.is_some() {
                        self.misplaced(
                            "bad-refusals",
                            "after_refusals",
                            r,
                            format!("{apath}.after_refusals"),
                            &what,
                            "`dissolve_on_refusal`",
                        );
                        continue;
                    }
                }
            }
            let (Some(c), Some(kind), Some(covers), Some(after_refusals)) = (
                common,
                settled(alt_kind),
                settled(covers),
                settled(refusals),
            ) else {
                continue;
            };
            out.push(Alternative {
                id: c.id,
                change: EdgeChange {
                    kind,
                    after_refusals,
                    covers,
                    absent: a.absent,
                },
                source: c.source,
                argument: c.argument,
                confidence: c.confidence,
            });
        }
        out
    }

    /// Holds the alternatives of a dataset that broke no rule to the rules across elements:
    /// one reading under one id has one argument, and each reading leaves a valid dataset
    /// (`more` included), told at the alternative's place.
    pub(super) fn alternatives(&mut self, ds: &Dataset, more: super::Pass) {
        // Each alternative's path, in dataset order, as conversion wrote it.
        let mut found: Vec<(String, String, String, String)> = Vec::new();
        let mut put = |path: String, id: &str, source: &str, argument: &str| {
            found.push((
                path,
                id.to_string(),
                source.to_string(),
                argument.to_string(),
            ));
        };
        for (i, b) in ds.bodies.iter().enumerate() {
            for (j, c) in b.channels.iter().enumerate() {
                let cpath = format!("bodies[{i}].channels[{j}]");
                for (k, a) in c.alternatives.iter().enumerate() {
                    put(
                        format!("{cpath}.alternatives[{k}]"),
                        &a.id,
                        &a.source,
                        &a.argument,
                    );
                }
                for (s, step) in c.steps.iter().enumerate() {
                    for (k, a) in step.alternatives.iter().enumerate() {
                        put(
                            format!("{cpath}.steps[{s}].alternatives[{k}]"),
                            &a.id,
                            &a.source,
                            &a.argument,
                        );
                    }
                }
            }
        }
        for (e, edge) in ds.edges.iter().enumerate() {
            for (k, a) in edge.alternatives.iter().enumerate() {
                put(
                    format!("edges[{e}].alternatives[{k}]"),
                    &a.id,
                    &a.source,
                    &a.argument,
                );
            }
        }
        let mut first: Vec<usize> = Vec::new();
        for (n, (path, id, source, argument)) in found.iter().enumerate() {
            let Some(&f) = first.iter().find(|&&f| found[f].1 == *id) else {
                first.push(n);
                continue;
            };
            let (fpath, _, fsource, fargument) = &found[f];
            let field = if fargument != argument {
                "argument"
            } else {
                "source"
            };
            if fargument == argument && fsource == source {
                continue;
            }
            let (line, col) = line_col(
                self.text,
                self.at(format!("{fpath}.{field}")).map_or(0, |r| r.start),
            );
            let d = Diagnostic::error(
                "alternative-mismatch",
                format!("the alternative `{id}` is given with another {field} than before"),
            )
            .at(self.at(format!("{path}.{field}")), format!("another {field}"))
            .note(format!("first given on line {line}, column {col}"))
            .note("one id is one legal reading, which may bear on several elements: each carries the same source and argument");
            self.push(d);
        }
        if self.errors() > 0 {
            return;
        }
        for &f in &first {
            let (path, id, _, _) = &found[f];
            let Ok(alt) = ds.with_alternatives(std::slice::from_ref(id)) else {
                continue;
            };
            // A reading that only restates the dataset's coding would widen no range.
            if alt == *ds {
                let d = Diagnostic::error(
                    "empty-alternative",
                    format!("the alternative `{id}` changes nothing: it restates the dataset's own coding"),
                )
                .at(self.at(format!("{path}.id")), "no change")
                .note("an alternative is another reading; drop it, or say what it changes");
                self.push(d);
                continue;
            }
            let mut problems = validate(&alt);
            if problems.is_empty() {
                problems = more(&alt);
            }
            for p in problems {
                let d = Diagnostic::error(
                    "bad-alternative",
                    format!("under the alternative `{id}`, {}", p.message),
                )
                .at(self.at(format!("{path}.id")), "leaves an invalid dataset")
                .note(format!("the rule broken: {}", p.code))
                .note("an alternative is another coding of a valid dataset; see docs/codebook.md, R-ALT");
                self.push(d);
            }
        }
    }
}

//! Blocs, decision rules and layers (codebook R33, R34): what one bloc must be, checked as it
//! is converted, at its place in the file.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Display;

use crate::diag::{Diagnostic, Found, Validator, did_you_mean};
use crate::model::raw::{RawBloc, RawBody, Word};
use crate::model::{Bloc, Channel, Confidence, Layer};

impl Validator<'_> {
    /// The layer at `path`; `de_jure` when absent.
    pub(crate) fn layer(&mut self, value: Option<&Word>, path: impl Display) -> Layer {
        match value {
            None => Layer::DeJure,
            Some(v) => self
                .vocab(
                    Some(v),
                    path,
                    "layer",
                    "unknown-layer",
                    Layer::parse,
                    &Layer::names(),
                )
                .unwrap_or_default(),
        }
    }

    /// The blocs at `{path}.blocs` of a body of `seats` seats with these channels.
    pub(crate) fn convert_blocs(
        &mut self,
        raw: Vec<RawBloc>,
        path: impl Display,
        what: impl Display,
        seats: Option<u32>,
        channels: &[Channel],
    ) -> Vec<Bloc> {
        let mut ids = HashSet::new();
        let mut total = 0u64;
        let mut out = Vec::with_capacity(raw.len());
        for (k, b) in raw.into_iter().enumerate() {
            let bpath = format!("{path}.blocs[{k}]");
            let id = match &b.id {
                None => {
                    self.missing(
                        format!("{bpath}.id"),
                        format!("a bloc of {what} has no id;"),
                        "blocs need an id (e.g. `id: \"amanat\"`) that the reports show",
                    );
                    String::new()
                }
                Some(id) => {
                    self.check_id(id, format!("{bpath}.id"), "bloc id", false);
                    if !ids.insert(id.clone()) {
                        let d = Diagnostic::error(
                            "duplicate-id",
                            format!("{what} has two blocs with id `{id}`"),
                        )
                        .at(self.at(format!("{bpath}.id")), "second bloc of this id");
                        self.push(d);
                    }
                    id.clone()
                }
            };
            let bwhat = format!("bloc `{id}` of {what}");
            let bseats: Found<u32> = self.seats(b.seats, &bpath, &bwhat);
            if let (Some(n), Some(body)) = (bseats, seats) {
                total += u64::from(n);
                // Told once, at the bloc that crosses the body's seats.
                if total > u64::from(body) && total - u64::from(n) <= u64::from(body) {
                    let d = Diagnostic::error(
                        "bloc-seats",
                        format!(
                            "the blocs of {what} hold {total} seats up to `{id}`, but the body has {body}"
                        ),
                    )
                    .at(self.at(format!("{bpath}.seats")), format!("more than the body's {body} seats"))
                    .note("a seat belongs to at most one bloc; seats in no bloc vote one by one (codebook R34)");
                    self.push(d);
                    self.fail(format!("{bpath}.seats"));
                }
            }
            let mut drawn = BTreeMap::new();
            for (cid, n) in &b.channels {
                let cpath = format!("{bpath}.channels.{cid}");
                let Some(channel) = channels.iter().find(|c| &c.id == cid) else {
                    let hint = did_you_mean(cid, channels.iter().map(|c| c.id.as_str()))
                        .map(|s| format!("did you mean `{s}`?"));
                    let d = Diagnostic::error(
                        "unknown-id",
                        format!(
                            "{bwhat} draws seats from channel `{cid}`, which {what} does not have"
                        ),
                    )
                    .at(
                        self.spans().key(&cpath).or_else(|| self.head(&bpath)),
                        "no such channel",
                    )
                    .help_maybe(hint);
                    self.push(d);
                    continue;
                };
                if *n <= 0 || *n > i64::from(channel.seats) {
                    let d = Diagnostic::error(
                        "bloc-seats",
                        format!(
                            "{bwhat} draws {n} seats from channel `{cid}`, which has {}",
                            channel.seats
                        ),
                    )
                    .at(self.at(&cpath), format!("from 1 to {}", channel.seats));
                    self.push(d);
                    continue;
                }
                drawn.insert(cid.clone(), *n as u32);
            }
            let sum: u32 = drawn.values().sum();
            if let Some(n) = bseats
                && !b.channels.is_empty()
                && drawn.len() == b.channels.len()
                && sum != n
            {
                let d = Diagnostic::error(
                    "bloc-seats",
                    format!("{bwhat} has {n} seats, but draws {sum} from its channels"),
                )
                .at(
                    self.at(format!("{bpath}.seats")),
                    "does not match `channels`",
                );
                self.push(d);
            }
            let layer = self.layer(b.layer.as_ref(), format!("{bpath}.layer"));
            if b.aligned_with.is_some() && layer == Layer::DeJure {
                let d = Diagnostic::error(
                    "de-jure-alignment",
                    format!("{bwhat} is `aligned_with` an actor but is in the de jure layer"),
                )
                .at(
                    self.at(format!("{bpath}.aligned_with")),
                    "an alignment is not law",
                )
                .help_maybe(Some(
                    "add `layer: de_facto` to the bloc (codebook R34)".to_string(),
                ));
                self.push(d);
            }
            let source = self.source(b.source, format!("{bpath}.source"), &bwhat);
            let confidence =
                self.confidence(b.confidence.as_deref(), format!("{bpath}.confidence"));
            if let Some(c) = confidence {
                self.uncertain_without_note(c, &b.note, &bpath, &bwhat);
            }
            out.push(Bloc {
                id,
                label: b.label,
                seats: bseats.unwrap_or(1),
                channels: drawn,
                aligned_with: b.aligned_with,
                layer,
                source: source.unwrap_or_default(),
                confidence: confidence.unwrap_or(Confidence::High),
                note: b.note,
            });
        }
        out
    }

    /// Every bloc's `aligned_with` names a body of the dataset: the problems, to be told
    /// after the bodies.
    pub(crate) fn alignment_problems(&self, bodies: &[RawBody]) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if bodies.iter().all(|b| b.blocs.is_empty()) {
            return out;
        }
        let ids: HashSet<&str> = bodies.iter().filter_map(|b| b.id.as_deref()).collect();
        for (i, b) in bodies.iter().enumerate() {
            for (k, bloc) in b.blocs.iter().enumerate() {
                let Some(actor) = &bloc.aligned_with else {
                    continue;
                };
                if ids.contains(actor.as_str()) {
                    continue;
                }
                let hint = did_you_mean(actor, ids.iter().copied())
                    .map(|s| format!("did you mean `{s}`?"));
                let d = Diagnostic::error(
                    "unknown-id",
                    format!(
                        "bloc `{}` is aligned with `{actor}`, which is not a body",
                        bloc.id.as_deref().unwrap_or("?")
                    ),
                )
                .at(
                    self.at(format!("bodies[{i}].blocs[{k}].aligned_with")),
                    "unknown body",
                )
                .help_maybe(hint);
                out.push(d);
            }
        }
        out
    }
}

//! What a set of reforms changes, as `bilik diff` prints it: readable text, Markdown, and the
//! JSON document `bilik.diff/1` (separate from the `bilik.summary/1` export).
//!
//! All three render the same [`DiffView`]: the headline before and after, every body whose
//! composition, control or attributes changed, the flags raised and cleared, the powers added
//! and removed, and the summary per principal. The rows the text and Markdown forms share are
//! built here, once.

pub mod attributes;
pub mod figure;
pub mod json;
pub mod md;
mod moved;
pub mod text;

use crate::analysis::diff::BodyDelta;
use crate::analysis::{Headline, PrincipalSummary};
use crate::model::i18n::tr;
use crate::model::{Dataset, Lang};
use crate::output::fmt::{pct, seats};
use crate::output::ranges::Ranges;
use crate::reform::{Delta, Preset, changed_attributes};
use crate::t;

/// Everything a diff report shows.
pub struct DiffView<'a> {
    pub baseline: &'a Dataset,
    pub reformed: &'a Dataset,
    /// The active presets, in the order they were applied.
    pub presets: &'a [&'a Preset],
    pub delta: &'a Delta,
    pub lang: Lang,
    /// The ranges of the baseline and of the reformed state (each computed once), when the
    /// caller computed them.
    pub ranges: Option<(&'a Ranges, &'a Ranges)>,
}

impl DiffView<'_> {
    /// A body's name in the reformed state, or in the baseline for a removed body.
    fn name<'b>(&'b self, id: &'b str) -> &'b str {
        match self.reformed.body(id) {
            Some(b) => b.name(self.lang),
            None => self.baseline.name(id, self.lang),
        }
    }

    fn attributes(&self, id: &str) -> Vec<(&'static str, String, String)> {
        match (self.baseline.body(id), self.reformed.body(id)) {
            (Some(b), Some(a)) => changed_attributes(b, a),
            _ => Vec::new(),
        }
    }

    /// The changed attributes of a body in the reader's words ([`attributes::changed`]).
    fn attribute_phrases(&self, id: &str, arrow: &str) -> Vec<String> {
        match (self.baseline.body(id), self.reformed.body(id)) {
            (Some(b), Some(a)) => attributes::changed(self.lang, b, a, arrow),
            _ => Vec::new(),
        }
    }
}

/// A change in percentage points, with its sign.
fn pp(before: f64, after: f64) -> String {
    let x = ((after - before) * 1000.0).round() / 10.0;
    if x == 0.0 {
        "0.0 pp".to_string()
    } else {
        format!("{x:+.1} pp")
    }
}

/// One line of the headline: a label and the share before and after (`None`: no such part).
struct HeadlineRow {
    label: String,
    before: Option<f64>,
    after: Option<f64>,
    /// Parts arriving through an intermediary are written `+x%`.
    through: bool,
}

fn headline_rows(
    v: &DiffView,
    before: Option<&Headline>,
    after: Option<&Headline>,
) -> Vec<HeadlineRow> {
    let mut rows = vec![HeadlineRow {
        label: tr(v.lang, "directly (own weighted share of seats)").to_string(),
        before: before.map(|h| h.direct),
        after: after.map(|h| h.direct),
        through: false,
    }];
    // Intermediaries in the order of their weight before, then those that appear after.
    let mut via: Vec<&str> = before
        .map(|h| h.through.iter().map(|(k, _)| k.as_str()).collect())
        .unwrap_or_default();
    for (k, _) in after.map(|h| h.through.as_slice()).unwrap_or_default() {
        if !via.contains(&k.as_str()) {
            via.push(k);
        }
    }
    let part = |h: Option<&Headline>, k: &str| {
        h.and_then(|h| h.through.iter().find(|(x, _)| x == k).map(|(_, s)| *s))
    };
    for k in via {
        rows.push(HeadlineRow {
            label: t!(v.lang, "through the {via}", via = v.name(k)),
            before: part(before, k),
            after: part(after, k),
            through: true,
        });
    }
    rows.push(HeadlineRow {
        label: tr(v.lang, "total integrated control").to_string(),
        before: before.map(|h| h.total),
        after: after.map(|h| h.total),
        through: false,
    });
    rows
}

fn share(x: Option<f64>, through: bool) -> String {
    match x {
        None => "-".to_string(),
        Some(x) if through => format!("+{}", pct(x)),
        Some(x) => pct(x),
    }
}

fn headline_title<'a>(
    v: &DiffView<'a>,
) -> Option<(String, Option<&'a Headline>, Option<&'a Headline>)> {
    let (b, a) = (&v.delta.headline.0, &v.delta.headline.1);
    let h = a.as_ref().or(b.as_ref())?;
    Some((
        t!(
            v.lang,
            "how much of the {body} does the {principal} control?",
            body = v.name(&h.body),
            principal = v.name(&h.principal)
        ),
        b.as_ref(),
        a.as_ref(),
    ))
}

/// The headline's total with its range and drivers, before and after: `("before", "52.7%
/// (47.7–58.2); range: consent 2 → 47.7%")`. Drivers are plain text (ids from the data with
/// control characters removed); Markdown escapes them.
fn headline_ranges(
    v: &DiffView,
    before: Option<&Headline>,
    after: Option<&Headline>,
) -> Vec<(&'static str, String)> {
    let Some((rb, ra)) = v.ranges else {
        return Vec::new();
    };
    [("before", before, rb), ("after", after, ra)]
        .into_iter()
        .filter_map(|(when, h, r)| {
            let h = h?;
            Some((
                when,
                t!(
                    v.lang,
                    "{total}; range: {drivers} ({method})",
                    total = r.pct(&h.body, &h.principal, h.total),
                    drivers = r
                        .drivers_text_in(v.lang, &h.body, &h.principal)
                        .unwrap_or_else(|| tr(v.lang, "nothing moves it").to_string()),
                    method = r.method_in(v.lang)
                ),
            ))
        })
        .collect()
}

fn seat_change(lang: Lang, d: &BodyDelta) -> Option<String> {
    match d.seats {
        (Some(b), Some(a)) if b != a => {
            Some(t!(lang, "seats {before} -> {after}", before = b, after = a))
        }
        _ => None,
    }
}

fn channel_changes(lang: Lang, d: &BodyDelta) -> Vec<String> {
    let mut out = Vec::new();
    for (what, list) in [
        ("channels added", &d.channels_added),
        ("channels removed", &d.channels_removed),
        ("channels changed", &d.channels_changed),
    ] {
        if !list.is_empty() {
            out.push(format!("{}: {}", tr(lang, what), list.join(", ")));
        }
    }
    out
}

fn principal_cells(p: Option<&PrincipalSummary>) -> [String; 3] {
    match p {
        Some(p) => [
            seats(p.seats_reached),
            p.bodies_majority.to_string(),
            pct(p.independent_seat_share),
        ],
        None => ["-".to_string(), "-".to_string(), "-".to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentage_points_have_a_sign_and_no_negative_zero() {
        assert_eq!(pp(0.527, 0.477), "-5.0 pp");
        assert_eq!(pp(0.2, 0.5), "+30.0 pp");
        assert_eq!(pp(0.409, 0.40900001), "0.0 pp");
    }
}

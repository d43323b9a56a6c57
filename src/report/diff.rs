//! What a set of reforms changes, as `bilik diff` prints it: readable text, Markdown, and the
//! JSON document `bilik.diff/1` (separate from the `bilik.summary/1` export).
//!
//! All three render the same [`DiffView`]: the headline before and after, every body whose
//! composition, control or attributes changed, the flags raised and cleared, the powers added
//! and removed, and the summary per principal.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use super::json::{self, FlagOut, HeadlineOut, PrincipalOut, r4};
use super::text::{pct, seats, table};
use crate::analysis::diff::{BodyChange, BodyDelta};
use crate::analysis::{Flag, Headline, PrincipalSummary};
use crate::model::{Dataset, Lang};
use crate::reform::{Delta, Preset, changed_attributes};

pub const SCHEMA: &str = "bilik.diff/1";

/// Everything a diff report shows.
pub struct DiffView<'a> {
    pub baseline: &'a Dataset,
    pub reformed: &'a Dataset,
    /// The active presets, in the order they were applied.
    pub presets: &'a [&'a Preset],
    pub delta: &'a Delta,
    pub lang: Lang,
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
        label: "directly (own weighted share of seats)".to_string(),
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
            label: format!("through the {}", v.name(k)),
            before: part(before, k),
            after: part(after, k),
            through: true,
        });
    }
    rows.push(HeadlineRow {
        label: "total integrated control".to_string(),
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
        format!(
            "how much of the {} does the {} control?",
            v.name(&h.body),
            v.name(&h.principal)
        ),
        b.as_ref(),
        a.as_ref(),
    ))
}

fn sensitivity(h: &Headline) -> String {
    h.sensitivity
        .iter()
        .map(|(w, t)| format!("consent {} -> {}", seats(*w), pct(*t)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn seat_change(d: &BodyDelta) -> Option<String> {
    match d.seats {
        (Some(b), Some(a)) if b != a => Some(format!("seats {b} -> {a}")),
        _ => None,
    }
}

fn channel_changes(d: &BodyDelta) -> Vec<String> {
    let mut out = Vec::new();
    for (what, list) in [
        ("channels added", &d.channels_added),
        ("channels removed", &d.channels_removed),
        ("channels changed", &d.channels_changed),
    ] {
        if !list.is_empty() {
            out.push(format!("{what}: {}", list.join(", ")));
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

/// The readable report.
pub fn text(v: &DiffView) -> String {
    let c = v.delta;
    let d = &c.diff;
    let mut out = String::new();
    let _ = writeln!(out, "{}", v.baseline.meta.title);
    let _ = writeln!(
        out,
        "dataset {} · law as of {} · against the baseline",
        v.baseline.meta.id, v.baseline.meta.as_of
    );
    out.push('\n');
    if v.presets.is_empty() {
        let _ = writeln!(
            out,
            "No reform is active: the reformed state is the baseline. Choose presets with --reform (see `bilik reforms`)."
        );
        return out;
    }
    let _ = writeln!(out, "REFORMS (applied in this order)");
    let rows: Vec<Vec<String>> = v
        .presets
        .iter()
        .map(|p| {
            vec![
                p.id.clone(),
                p.title(v.lang).to_string(),
                p.article.map(|a| a.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    out.push_str(&table(
        &["id", "title", "article"],
        &rows,
        &[false, false, false],
    ));
    out.push('\n');

    if let Some((title, before, after)) = headline_title(v) {
        let _ = writeln!(out, "HEADLINE: {title}");
        let rows: Vec<Vec<String>> = headline_rows(v, before, after)
            .into_iter()
            .map(|r| {
                vec![
                    r.label,
                    share(r.before, r.through),
                    share(r.after, r.through),
                    pp(r.before.unwrap_or(0.0), r.after.unwrap_or(0.0)),
                ]
            })
            .collect();
        out.push_str(&table(
            &["", "before", "after", "change"],
            &rows,
            &[false, true, true, true],
        ));
        for (when, h) in [("before", before), ("after", after)] {
            if let Some(h) = h {
                let _ = writeln!(
                    out,
                    "  As the consent weight varies, {when}: {}",
                    sensitivity(h)
                );
            }
        }
        out.push('\n');
    }

    let _ = writeln!(out, "BODIES THAT CHANGED ({})", d.bodies.len());
    for b in &d.bodies {
        let mut facts = Vec::new();
        match b.change {
            BodyChange::Added
                if v.reformed
                    .body(&b.id)
                    .is_some_and(|x| x.channels.is_empty()) =>
            {
                facts.push("added, filled by no one: a root, always a principal".to_string())
            }
            BodyChange::Added => facts.push("added".to_string()),
            BodyChange::Removed => facts.push("removed".to_string()),
            BodyChange::Changed => {}
        }
        facts.extend(seat_change(b));
        facts.extend(channel_changes(b));
        let _ = writeln!(
            out,
            "{} [{}]{}",
            v.name(&b.id),
            b.id,
            if facts.is_empty() {
                String::new()
            } else {
                format!(": {}", facts.join("; "))
            }
        );
        for (name, before, after) in v.attributes(&b.id) {
            match name {
                "seats" => {}
                "note" => {
                    let _ = writeln!(out, "    note rewritten");
                }
                _ => {
                    let _ = writeln!(out, "    {name}: {before} -> {after}");
                }
            }
        }
        // A body added or removed has no before (or after) to compare its shares with.
        if b.change != BodyChange::Changed {
            continue;
        }
        if !b.direct.is_empty() {
            let parts: Vec<String> = b
                .direct
                .iter()
                .map(|(k, (x, y))| format!("{} {} -> {}", v.name(k), seats(*x), seats(*y)))
                .collect();
            let _ = writeln!(out, "    direct seats: {}", parts.join(", "));
        }
        if !b.control.is_empty() {
            let mut parts: Vec<(&String, &(f64, f64))> = b.control.iter().collect();
            parts.sort_by(|x, y| {
                (y.1.1 - y.1.0)
                    .abs()
                    .total_cmp(&(x.1.1 - x.1.0).abs())
                    .then_with(|| x.0.cmp(y.0))
            });
            let parts: Vec<String> = parts
                .iter()
                .map(|(k, (x, y))| {
                    format!("{} {} -> {} ({})", v.name(k), pct(*x), pct(*y), pp(*x, *y))
                })
                .collect();
            let _ = writeln!(out, "    control: {}", parts.join(", "));
            let _ = writeln!(out, "    HHI {:.3} -> {:.3}", b.hhi.0, b.hhi.1);
        }
    }
    out.push('\n');

    for (title, flags) in [
        ("FLAGS RAISED", &d.flags_raised),
        ("FLAGS CLEARED", &d.flags_cleared),
    ] {
        let _ = writeln!(out, "{title} ({})", flags.len());
        for f in flags {
            let _ = writeln!(
                out,
                "  [{}] {} · {}: {}",
                f.severity,
                f.rule,
                v.name(&f.body),
                f.message
            );
        }
        out.push('\n');
    }

    for (title, edges) in [
        ("POWERS ADDED", &d.edges_added),
        ("POWERS REMOVED", &d.edges_removed),
    ] {
        let _ = writeln!(out, "{title} ({})", edges.len());
        for e in edges {
            let _ = writeln!(out, "  {e}");
        }
    }
    out.push('\n');

    let _ = writeln!(out, "PRINCIPALS (before -> after)");
    let rows: Vec<Vec<String>> = d
        .principals
        .iter()
        .map(|p| {
            let [b0, b1, b2] = principal_cells(p.before.as_ref());
            let [a0, a1, a2] = principal_cells(p.after.as_ref());
            vec![
                v.name(&p.id).to_string(),
                format!("{b0} -> {a0}"),
                format!("{b1} -> {a1}"),
                format!("{b2} -> {a2}"),
            ]
        })
        .collect();
    out.push_str(&table(
        &["principal", "seats reached", "majorities", "indep. seats"],
        &rows,
        &[false, true, true, true],
    ));
    let _ = writeln!(
        out,
        "  System HHI over independent bodies' seats: {:.3} -> {:.3}",
        d.system_hhi.0, d.system_hhi.1
    );
    out
}

/// Escapes the characters that would break a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// The report in Markdown: the same content as [`text`], as headings and tables.
pub fn markdown(v: &DiffView) -> String {
    let d = &v.delta.diff;
    let mut out = String::new();
    let ids: Vec<&str> = v.presets.iter().map(|p| p.id.as_str()).collect();
    let _ = writeln!(
        out,
        "# {} against the baseline `{}`\n",
        if ids.is_empty() {
            "No reform".to_string()
        } else {
            format!("Reforms {}", ids.join(" + "))
        },
        v.baseline.meta.id
    );
    let _ = writeln!(
        out,
        "{}, law as of {}.\n",
        v.baseline.meta.title, v.baseline.meta.as_of
    );
    if v.presets.is_empty() {
        let _ = writeln!(
            out,
            "No reform is active: the reformed state is the baseline."
        );
        return out;
    }
    let _ = writeln!(out, "## Reforms, in the order applied\n");
    let _ = writeln!(out, "| id | title | article |\n|---|---|---|");
    for p in v.presets {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            p.id,
            cell(p.title(v.lang)),
            p.article.map(|a| a.to_string()).unwrap_or_default()
        );
    }
    out.push('\n');
    if let Some((title, before, after)) = headline_title(v) {
        let _ = writeln!(out, "## Headline: {title}\n");
        let _ = writeln!(out, "| | before | after | change |\n|---|---:|---:|---:|");
        for r in headline_rows(v, before, after) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&r.label),
                share(r.before, r.through),
                share(r.after, r.through),
                pp(r.before.unwrap_or(0.0), r.after.unwrap_or(0.0))
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## Bodies that changed ({})\n", d.bodies.len());
    for b in &d.bodies {
        let _ = writeln!(out, "### {} (`{}`)\n", cell(v.name(&b.id)), b.id);
        let mut facts: Vec<String> = match b.change {
            BodyChange::Added => vec!["added".to_string()],
            BodyChange::Removed => vec!["removed".to_string()],
            BodyChange::Changed => Vec::new(),
        };
        facts.extend(
            seat_change(b)
                .into_iter()
                .chain(channel_changes(b))
                .map(|f| f.replace(" -> ", " → ")),
        );
        for (name, before, after) in v.attributes(&b.id) {
            match name {
                "seats" => {}
                "note" => facts.push("note rewritten".to_string()),
                _ => facts.push(format!("{name}: {} → {}", cell(&before), cell(&after))),
            }
        }
        for f in &facts {
            let _ = writeln!(out, "- {f}");
        }
        if b.change == BodyChange::Changed && !b.control.is_empty() {
            if !facts.is_empty() {
                out.push('\n');
            }
            let _ = writeln!(
                out,
                "| principal | control before | after | change |\n|---|---:|---:|---:|"
            );
            for (k, (x, y)) in &b.control {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    cell(v.name(k)),
                    pct(*x),
                    pct(*y),
                    pp(*x, *y)
                );
            }
        }
        out.push('\n');
    }
    for (title, flags) in [
        ("Flags raised", &d.flags_raised),
        ("Flags cleared", &d.flags_cleared),
    ] {
        let _ = writeln!(out, "## {title} ({})\n", flags.len());
        for f in flags {
            let _ = writeln!(
                out,
                "- **{}** `{}` · {}: {}",
                f.severity,
                f.rule,
                v.name(&f.body),
                f.message
            );
        }
        out.push('\n');
    }
    for (title, edges) in [
        ("Powers added", &d.edges_added),
        ("Powers removed", &d.edges_removed),
    ] {
        let _ = writeln!(out, "## {title} ({})\n", edges.len());
        for e in edges {
            let _ = writeln!(out, "- `{e}`");
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "## Principals\n\n| principal | seats reached | majorities | independent seats |\n|---|---:|---:|---:|"
    );
    for p in &d.principals {
        let [b0, b1, b2] = principal_cells(p.before.as_ref());
        let [a0, a1, a2] = principal_cells(p.after.as_ref());
        let _ = writeln!(
            out,
            "| {} | {b0} → {a0} | {b1} → {a1} | {b2} → {a2} |",
            cell(v.name(&p.id))
        );
    }
    let _ = writeln!(
        out,
        "\nSystem HHI over independent bodies' seats: {:.3} → {:.3}.",
        d.system_hhi.0, d.system_hhi.1
    );
    out
}

#[derive(Debug, Serialize)]
pub struct DiffDoc {
    pub schema: &'static str,
    pub dataset: json::DatasetOut,
    pub reforms: Vec<PresetOut>,
    pub weights: BTreeMap<String, f64>,
    pub principals: BeforeAfter<Vec<String>>,
    pub headline: BeforeAfter<Option<HeadlineOut>>,
    pub bodies: Vec<BodyDeltaOut>,
    pub flags_raised: Vec<FlagOut>,
    pub flags_cleared: Vec<FlagOut>,
    pub edges_added: Vec<String>,
    pub edges_removed: Vec<String>,
    pub summary: SummaryDeltaOut,
}

#[derive(Debug, Serialize)]
pub struct BeforeAfter<T> {
    pub before: T,
    pub after: T,
}

#[derive(Debug, Serialize)]
pub struct PresetOut {
    pub id: String,
    pub title: json::Names,
    /// `proposal` and `lines` ([first, last]) in the source article, when the preset has them.
    pub article: Option<ArticleOut>,
}

#[derive(Debug, Serialize)]
pub struct ArticleOut {
    pub proposal: u32,
    pub lines: [u32; 2],
}

#[derive(Debug, Serialize)]
pub struct ShareDelta {
    pub before: f64,
    pub after: f64,
    pub change: f64,
}

#[derive(Debug, Serialize)]
pub struct AttributeDelta {
    pub before: String,
    pub after: String,
}

#[derive(Debug, Serialize)]
pub struct BodyDeltaOut {
    pub id: String,
    /// `added`, `removed` or `changed`.
    pub change: &'static str,
    pub seats: BeforeAfter<Option<u32>>,
    /// Actor -> seats before and after, for actors whose seats moved.
    pub direct: BTreeMap<String, ShareDelta>,
    /// Principal -> integrated control before and after, for principals whose share moved.
    pub control: BTreeMap<String, ShareDelta>,
    pub hhi: BeforeAfter<f64>,
    pub attributes: BTreeMap<String, AttributeDelta>,
    pub channels_added: Vec<String>,
    pub channels_removed: Vec<String>,
    pub channels_changed: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct SummaryDeltaOut {
    pub system_hhi: BeforeAfter<f64>,
    pub principals: Vec<PrincipalDeltaOut>,
}

#[derive(Debug, Serialize)]
pub struct PrincipalDeltaOut {
    pub id: String,
    pub before: Option<PrincipalOut>,
    pub after: Option<PrincipalOut>,
}

fn share_delta(x: f64, y: f64) -> ShareDelta {
    ShareDelta {
        before: r4(x),
        after: r4(y),
        change: r4(y - x),
    }
}

fn flag_out(f: &Flag) -> FlagOut {
    FlagOut {
        rule: f.rule.to_string(),
        severity: f.severity.to_string(),
        body: f.body.clone(),
        actor: f.actor.clone(),
        channel: f.channel.clone(),
        value: r4(f.value),
        message: f.message.clone(),
        sources: f.sources.clone(),
    }
}

fn principal_out(p: &PrincipalSummary) -> PrincipalOut {
    PrincipalOut {
        id: p.id.clone(),
        seats_reached: r4(p.seats_reached),
        bodies_majority: p.bodies_majority,
        bodies_largest: p.bodies_largest,
        independent_seat_share: r4(p.independent_seat_share),
        independent_mean: r4(p.independent_mean),
        independent_majority: p.independent_majority,
    }
}

/// The `bilik.diff/1` document. Floats are rounded to 4 decimals and maps sorted, so the same
/// inputs give byte-identical output.
pub fn json(v: &DiffView) -> DiffDoc {
    let c = v.delta;
    let d = &c.diff;
    DiffDoc {
        schema: SCHEMA,
        dataset: json::DatasetOut {
            id: v.baseline.meta.id.clone(),
            title: v.baseline.meta.title.clone(),
            jurisdiction: v.baseline.meta.jurisdiction.clone(),
            as_of: v.baseline.meta.as_of.clone(),
        },
        reforms: v
            .presets
            .iter()
            .map(|p| PresetOut {
                id: p.id.clone(),
                title: json::Names {
                    en: p.title.en.clone(),
                    ru: p.title.ru.clone(),
                    kk: p.title.kk.clone(),
                },
                article: p.article.map(|a| ArticleOut {
                    proposal: a.proposal,
                    lines: [a.first_line, a.last_line],
                }),
            })
            .collect(),
        weights: c
            .after
            .options
            .weights
            .pairs()
            .into_iter()
            .map(|(k, w)| (k.to_string(), r4(w)))
            .collect(),
        principals: BeforeAfter {
            before: c.before.principals.clone(),
            after: c.after.principals.clone(),
        },
        headline: BeforeAfter {
            before: c.headline.0.as_ref().map(json::headline_out),
            after: c.headline.1.as_ref().map(json::headline_out),
        },
        bodies: d
            .bodies
            .iter()
            .map(|b| BodyDeltaOut {
                id: b.id.clone(),
                change: match b.change {
                    BodyChange::Added => "added",
                    BodyChange::Removed => "removed",
                    BodyChange::Changed => "changed",
                },
                seats: BeforeAfter {
                    before: b.seats.0,
                    after: b.seats.1,
                },
                direct: b
                    .direct
                    .iter()
                    .map(|(k, (x, y))| (k.clone(), share_delta(*x, *y)))
                    .collect(),
                control: b
                    .control
                    .iter()
                    .map(|(k, (x, y))| (k.clone(), share_delta(*x, *y)))
                    .collect(),
                hhi: BeforeAfter {
                    before: r4(b.hhi.0),
                    after: r4(b.hhi.1),
                },
                attributes: v
                    .attributes(&b.id)
                    .into_iter()
                    .map(|(k, before, after)| (k.to_string(), AttributeDelta { before, after }))
                    .collect(),
                channels_added: b.channels_added.clone(),
                channels_removed: b.channels_removed.clone(),
                channels_changed: b.channels_changed.clone(),
            })
            .collect(),
        flags_raised: d.flags_raised.iter().map(flag_out).collect(),
        flags_cleared: d.flags_cleared.iter().map(flag_out).collect(),
        edges_added: d.edges_added.clone(),
        edges_removed: d.edges_removed.clone(),
        summary: SummaryDeltaOut {
            system_hhi: BeforeAfter {
                before: r4(d.system_hhi.0),
                after: r4(d.system_hhi.1),
            },
            principals: d
                .principals
                .iter()
                .map(|p| PrincipalDeltaOut {
                    id: p.id.clone(),
                    before: p.before.as_ref().map(principal_out),
                    after: p.after.as_ref().map(principal_out),
                })
                .collect(),
        },
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

//! `bilik diff`: what the reforms change, as a readable report.

use std::fmt::Write;

use super::{
    DiffView, channel_changes, headline_ranges, headline_rows, headline_title, pp, principal_cells,
    seat_change, share,
};
use crate::analysis::diff::BodyChange;
use crate::model::i18n::{tr, word};
use crate::output::fmt::{pct, seats, table};
use crate::output::summary::text::{layer_line, sensitivity_in, sensitivity_label_in};
use crate::t;

/// The readable report.
pub fn render(v: &DiffView) -> String {
    let c = v.delta;
    let d = &c.diff;
    let lang = v.lang;
    let mut out = String::new();
    let _ = writeln!(out, "{}", v.baseline.prose(lang, &v.baseline.meta.title));
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "dataset {id} · law as of {date} · against the baseline",
            id = v.baseline.meta.id,
            date = v.baseline.meta.as_of
        )
    );
    if let Some(line) = layer_line(&c.after.options) {
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
    if v.presets.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            tr(
                lang,
                "No reform is active: the reformed state is the baseline. Choose presets with --reform (see `bilik reforms`)."
            )
        );
        return out;
    }
    let _ = writeln!(out, "{}", tr(lang, "REFORMS (applied in this order)"));
    let rows: Vec<Vec<String>> = v
        .presets
        .iter()
        .map(|p| {
            vec![
                p.id.clone(),
                p.title(v.lang).to_string(),
                p.article.map(|a| a.in_lang(lang)).unwrap_or_default(),
            ]
        })
        .collect();
    out.push_str(&table(
        &["id", tr(lang, "title"), tr(lang, "article")],
        &rows,
        &[false, false, false],
    ));
    out.push('\n');

    if let Some((title, before, after)) = headline_title(v) {
        let _ = writeln!(out, "{}", t!(lang, "HEADLINE: {title}", title = title));
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
            &[
                "",
                tr(lang, "before"),
                tr(lang, "after"),
                tr(lang, "change"),
            ],
            &rows,
            &[false, true, true, true],
        ));
        for (when, line) in headline_ranges(v, before, after) {
            let total = if when == "before" {
                "Total before: {line}"
            } else {
                "Total after: {line}"
            };
            let _ = writeln!(out, "  {}", t!(lang, total, line = line));
        }
        for (when, h) in [("before", before), ("after", after)] {
            if let Some(h) = h {
                let _ = writeln!(
                    out,
                    "  {}, {}: {}",
                    sensitivity_label_in(lang, h),
                    tr(lang, when),
                    sensitivity_in(lang, h)
                );
            }
        }
        out.push('\n');
    }

    let _ = writeln!(
        out,
        "{}",
        t!(lang, "BODIES THAT CHANGED ({n})", n = d.bodies.len())
    );
    for b in &d.bodies {
        let mut facts = Vec::new();
        match b.change {
            BodyChange::Added
                if v.reformed
                    .body(&b.id)
                    .is_some_and(|x| x.channels.is_empty()) =>
            {
                facts.push(
                    tr(lang, "added, filled by no one: a root, always a principal").to_string(),
                )
            }
            BodyChange::Added => facts.push(tr(lang, "added").to_string()),
            BodyChange::Removed => facts.push(tr(lang, "removed").to_string()),
            BodyChange::Changed => {}
        }
        facts.extend(seat_change(lang, b));
        facts.extend(channel_changes(lang, b));
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
        for phrase in v.attribute_phrases(&b.id, "->") {
            let _ = writeln!(out, "    {phrase}");
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
            let _ = writeln!(
                out,
                "    {} {}",
                tr(lang, "direct seats:"),
                parts.join(", ")
            );
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
            let _ = writeln!(out, "    {} {}", tr(lang, "control:"), parts.join(", "));
            let _ = writeln!(out, "    HHI {:.3} -> {:.3}", b.hhi.0, b.hhi.1);
        }
    }
    out.push('\n');

    for (title, flags, ds) in [
        ("FLAGS RAISED ({n})", &d.flags_raised, v.reformed),
        ("FLAGS CLEARED ({n})", &d.flags_cleared, v.baseline),
    ] {
        let _ = writeln!(out, "{}", t!(lang, title, n = flags.len()));
        for f in flags {
            let _ = writeln!(
                out,
                "  [{}] {} · {}: {}",
                word(lang, "severity", f.severity.as_str()),
                f.rule,
                v.name(&f.body),
                f.message_in(lang, ds)
            );
        }
        out.push('\n');
    }

    for (title, edges) in [
        ("POWERS ADDED ({n})", &d.edges_added),
        ("POWERS REMOVED ({n})", &d.edges_removed),
    ] {
        let _ = writeln!(out, "{}", t!(lang, title, n = edges.len()));
        for e in edges {
            let _ = writeln!(out, "  {e}");
        }
    }
    out.push('\n');

    let _ = writeln!(out, "{}", tr(lang, "PRINCIPALS (before -> after)"));
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
        &[
            tr(lang, "principal"),
            tr(lang, "seats reached"),
            tr(lang, "majorities"),
            tr(lang, "indep. seats"),
        ],
        &rows,
        &[false, true, true, true],
    ));
    let _ = writeln!(
        out,
        "  {}",
        t!(
            lang,
            "System HHI over independent bodies' seats: {before} -> {after}",
            before = format!("{:.3}", d.system_hhi.0),
            after = format!("{:.3}", d.system_hhi.1)
        )
    );
    out
}

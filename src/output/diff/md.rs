//! `bilik diff --format md`: what the reforms change, as headings and tables.

use std::fmt::Write;

use super::{
    DiffView, channel_changes, headline_ranges, headline_rows, headline_title, pp, principal_cells,
    seat_change, share,
};
use crate::analysis::diff::BodyChange;
use crate::model::i18n::{tr, word};
use crate::output::escape::markdown_pipes as cell;
use crate::output::fmt::pct;
use crate::t;

/// The report in Markdown: the same content as the [text](super::text) form, as headings
/// and tables.
pub fn render(v: &DiffView) -> String {
    let d = &v.delta.diff;
    let lang = v.lang;
    let mut out = String::new();
    let ids: Vec<&str> = v.presets.iter().map(|p| p.id.as_str()).collect();
    let what = if ids.is_empty() {
        tr(lang, "No reform").to_string()
    } else {
        t!(lang, "Reforms {ids}", ids = ids.join(" + "))
    };
    let _ = writeln!(
        out,
        "# {}\n",
        t!(
            lang,
            "{what} against the baseline `{id}`",
            what = what,
            id = v.baseline.meta.id
        )
    );
    let _ = writeln!(
        out,
        "{}\n",
        t!(
            lang,
            "{title}, law as of {date}.",
            title = cell(v.baseline.prose(lang, &v.baseline.meta.title)),
            date = v.baseline.meta.as_of
        )
    );
    if let Some(line) = crate::output::summary::text::layer_line(&v.delta.after.options) {
        let _ = writeln!(out, "{line}\n");
    }
    if v.presets.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            tr(
                lang,
                "No reform is active: the reformed state is the baseline."
            )
        );
        return out;
    }
    let _ = writeln!(out, "## {}\n", tr(lang, "Reforms, in the order applied"));
    let _ = writeln!(
        out,
        "| id | {} | {} |\n|---|---|---|",
        tr(lang, "title"),
        tr(lang, "article")
    );
    for p in v.presets {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            p.id,
            cell(p.title(v.lang)),
            p.article.map(|a| a.in_lang(lang)).unwrap_or_default()
        );
    }
    out.push('\n');
    if let Some((title, before, after)) = headline_title(v) {
        let _ = writeln!(
            out,
            "## {}\n",
            t!(lang, "Headline: {title}", title = cell(&title))
        );
        let _ = writeln!(
            out,
            "| | {} | {} | {} |\n|---|---:|---:|---:|",
            tr(lang, "before"),
            tr(lang, "after"),
            tr(lang, "change")
        );
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
        let lines = headline_ranges(v, before, after);
        for (when, line) in &lines {
            let total = if *when == "before" {
                "Total before: {line}"
            } else {
                "Total after: {line}"
            };
            let _ = writeln!(
                out,
                "- {}",
                t!(lang, total, line = crate::output::escape::markdown(line))
            );
        }
        if !lines.is_empty() {
            out.push('\n');
        }
    }
    let _ = writeln!(
        out,
        "## {}\n",
        t!(lang, "Bodies that changed ({n})", n = d.bodies.len())
    );
    for b in &d.bodies {
        let _ = writeln!(out, "### {} (`{}`)\n", cell(v.name(&b.id)), b.id);
        let mut facts: Vec<String> = match b.change {
            BodyChange::Added => vec![tr(lang, "added").to_string()],
            BodyChange::Removed => vec![tr(lang, "removed").to_string()],
            BodyChange::Changed => Vec::new(),
        };
        facts.extend(
            seat_change(v.lang, b)
                .into_iter()
                .chain(channel_changes(v.lang, b))
                .map(|f| f.replace(" -> ", " → ")),
        );
        for phrase in v.attribute_phrases(&b.id, "→") {
            facts.push(cell(&phrase).to_string());
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
                "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
                tr(lang, "principal"),
                tr(lang, "control before"),
                tr(lang, "after"),
                tr(lang, "change")
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
    for (title, flags, ds) in [
        ("Flags raised ({n})", &d.flags_raised, v.reformed),
        ("Flags cleared ({n})", &d.flags_cleared, v.baseline),
    ] {
        let _ = writeln!(out, "## {}\n", t!(lang, title, n = flags.len()));
        for f in flags {
            let _ = writeln!(
                out,
                "- **{}** `{}` · {}: {}",
                word(lang, "severity", f.severity.as_str()),
                f.rule,
                cell(v.name(&f.body)),
                cell(&f.message_in(lang, ds))
            );
        }
        out.push('\n');
    }
    for (title, edges) in [
        ("Powers added ({n})", &d.edges_added),
        ("Powers removed ({n})", &d.edges_removed),
    ] {
        let _ = writeln!(out, "## {}\n", t!(lang, title, n = edges.len()));
        for e in edges {
            let _ = writeln!(out, "- `{e}`");
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "## {}\n\n| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        tr(lang, "Principals"),
        tr(lang, "principal"),
        tr(lang, "seats reached"),
        tr(lang, "majorities"),
        tr(lang, "independent seats")
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
        "\n{}",
        t!(
            lang,
            "System HHI over independent bodies' seats: {before} → {after}.",
            before = format!("{:.3}", d.system_hhi.0),
            after = format!("{:.3}", d.system_hhi.1)
        )
    );
    out
}

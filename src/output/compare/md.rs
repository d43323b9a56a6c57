//! The comparison as Markdown: the same tables and sections as the text form, for a paper or
//! a wiki.

use std::fmt::Write;

use super::text::rows_in;
use super::{
    amount_in, class_rows, head_figures, indicator_rows, largest_text, reason_subject,
    role_words_in, side_names, timeline_rows_in, weight_lines_in,
};
use crate::analysis::range::Ranged;
use crate::comparative::{Comparison, Entry, INDEPENDENT_ROLES};
use crate::model::Lang;
use crate::model::i18n::tr;
use crate::model::phrase::size_in;
use crate::model::phrase::{capitalised, possessive};
use crate::output::escape::markdown_cell as cell;
use crate::output::fmt::pct;
use crate::t;

fn grid(out: &mut String, first: &str, ids: &[&str], rows: &[(String, Vec<String>)]) {
    let _ = writeln!(out, "| {} | {} |", cell(first), ids.join(" | "));
    let _ = writeln!(
        out,
        "|---|{}",
        ids.iter().map(|_| "---:|").collect::<String>()
    );
    for (label, cells) in rows {
        let _ = writeln!(
            out,
            "| {} | {} |",
            cell(label.trim_start()),
            cells
                .iter()
                .map(|c| cell(c))
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
}

pub fn render(c: &Comparison, lang: Lang, ranges: &[Option<Ranged>]) -> String {
    let mut out = String::new();
    let ids: Vec<&str> = c.entries.iter().map(Entry::id).collect();
    let _ = writeln!(out, "# {}\n", tr(lang, "Comparing states"));
    for e in &c.entries {
        let _ = writeln!(
            out,
            "- `{}`: {}",
            e.id(),
            t!(
                lang,
                "{title} (law as of {date}); head of state: {head}",
                title = cell(e.dataset.prose(lang, &e.dataset.meta.title)),
                date = e.dataset.meta.as_of,
                head = cell(e.dataset.name(&e.indicators.head_of_state, lang))
            )
        );
    }
    for line in weight_lines_in(lang, c) {
        let _ = writeln!(out, "- {line}");
    }
    let _ = writeln!(out, "\n## {}\n", tr(lang, "Indicators"));
    let role = tr(lang, "role");
    grid(
        &mut out,
        tr(lang, "indicator"),
        &ids,
        &rows_in(lang, indicator_rows(c, ranges)),
    );
    let _ = writeln!(
        out,
        "\n## {}\n",
        tr(lang, "The head of state's hold on each independent role")
    );
    grid(
        &mut out,
        role,
        &ids,
        &rows_in(lang, class_rows(c, |x| x.held)),
    );
    let _ = writeln!(
        out,
        "\n## {}\n",
        tr(
            lang,
            "The head of state's integrated control of each independent role"
        )
    );
    grid(
        &mut out,
        role,
        &ids,
        &rows_in(lang, class_rows(c, |x| x.control)),
    );

    let _ = writeln!(
        out,
        "\n## {}\n",
        tr(lang, "Veto points on his picks for independent bodies")
    );
    for e in &c.entries {
        let name = |id: &str| e.dataset.name(id, lang).to_string();
        let holders: Vec<String> = e
            .indicators
            .veto_holders
            .iter()
            .map(|v| {
                format!(
                    "{}{} ({})",
                    name(&v.actor),
                    if v.under_threat {
                        tr(lang, ", under threat of dissolution")
                    } else {
                        ""
                    },
                    v.bodies
                        .iter()
                        .map(|b| name(b))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "- `{}`: {}",
            e.id(),
            if holders.is_empty() {
                tr(lang, "none").to_string()
            } else {
                holders.join("; ")
            }
        );
    }
    let _ = writeln!(
        out,
        "\n## {}\n",
        tr(lang, "Independent bodies he can dismiss at will")
    );
    for e in &c.entries {
        let list: Vec<String> = e
            .indicators
            .independent_removable_at_will
            .iter()
            .map(|b| e.dataset.name(b, lang).to_string())
            .collect();
        let _ = writeln!(
            out,
            "- `{}`: {}",
            e.id(),
            if list.is_empty() {
                tr(lang, "none").to_string()
            } else {
                list.join(", ")
            }
        );
    }

    let _ = writeln!(
        out,
        "\n## {}\n\n{}\n",
        tr(lang, "Role by role"),
        tr(
            lang,
            "Each cell: the body (seats), its largest principal, and the head of state's integrated control / hold; *at will* when he can dismiss some of its seats at will."
        )
    );
    let rows: Vec<(String, Vec<String>)> = c
        .roles
        .rows
        .iter()
        .map(|row| {
            let label = if row.independent_class {
                format!("**{}**", role_words_in(lang, row.role))
            } else {
                role_words_in(lang, row.role)
            };
            let cells = c
                .entries
                .iter()
                .zip(&row.cells)
                .map(|(e, cells)| {
                    if cells.is_empty() {
                        return "-".to_string();
                    }
                    cells
                        .iter()
                        .map(|x| {
                            format!(
                                "{} ({}): {}; {}{}",
                                e.dataset.name(&x.id, lang),
                                size_in(lang, x.seats, x.seats_nominal),
                                largest_text(e, &x.largest, lang),
                                head_figures(e, x),
                                if x.removable_at_will_by_head {
                                    format!("; *{}*", tr(lang, "at will"))
                                } else {
                                    String::new()
                                }
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("<br>")
                })
                .collect();
            (label, cells)
        })
        .collect();
    grid(&mut out, role, &ids, &rows);

    for t in &c.timelines {
        let _ = writeln!(
            out,
            "\n## {}\n\n{}\n",
            t!(
                lang,
                "Timeline: {jurisdiction}, {datasets}",
                jurisdiction = super::jurisdiction_in(c, t, lang),
                datasets = t.datasets.join(" → ")
            ),
            tr(
                lang,
                "The head of state's hold (integrated control in brackets)."
            )
        );
        let tids: Vec<&str> = t.datasets.iter().map(String::as_str).collect();
        grid(&mut out, "", &tids, &timeline_rows_in(lang, t));
    }

    for pair in &c.changes {
        let (a, b) = (&c.entries[pair.from], &c.entries[pair.to]);
        let head = b
            .dataset
            .name(&b.indicators.head_of_state, lang)
            .to_string();
        let _ = writeln!(
            out,
            "\n## {}\n",
            t!(lang, "Why: {from} → {to}", from = a.id(), to = b.id())
        );
        let mut roles: Vec<_> = pair.roles.iter().collect();
        // Independent roles first, as in the text form.
        roles.sort_by_key(|r| !INDEPENDENT_ROLES.contains(&r.role));
        for ch in roles {
            let fig = |x: Option<f64>| x.map(pct).unwrap_or_else(|| "-".into());
            let hold = match lang {
                Lang::En => possessive(&head, "hold"),
                _ => t!(lang, "hold of the {head}", head = head),
            };
            let _ = writeln!(
                out,
                "### {}: {} → {}\n\n{}\n",
                role_words_in(lang, ch.role),
                side_names(a, &ch.before, lang),
                side_names(b, &ch.after, lang),
                capitalised(&t!(
                    lang,
                    "{hold} {held_before} → {held_after}; integrated control {before} → {after}.",
                    hold = hold,
                    held_before = fig(ch.held.0),
                    held_after = fig(ch.held.1),
                    before = fig(ch.control.0),
                    after = fig(ch.control.1)
                ))
            );
            if ch.reasons.is_empty() {
                let _ = writeln!(out, "{}", tr(lang, "No channel or consent changed."));
            }
            for r in &ch.reasons {
                let _ = writeln!(
                    out,
                    "- {}: {} → {}",
                    reason_subject(a, b, r, lang),
                    amount_in(lang, &r.kind, &r.before),
                    amount_in(lang, &r.kind, &r.after)
                );
                if !r.sources_before.is_empty() {
                    let _ = writeln!(out, "  - `{}`: {}", a.id(), r.sources_before.join(" · "));
                }
                if !r.sources_after.is_empty() {
                    let _ = writeln!(out, "  - `{}`: {}", b.id(), r.sources_after.join(" · "));
                }
            }
            out.push('\n');
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

//! `bilik compare`: the comparison as a readable report.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::{
    amount_in, class_rows, head_figures, indicator_rows, largest_text, reason_subject,
    role_words_in, side_names, timeline_rows_in, weight_lines_in,
};
use crate::analysis::range::Ranged;
use crate::comparative::{Comparison, Entry, INDEPENDENT_ROLES, RoleChange, Timeline};
use crate::model::Lang;
use crate::model::i18n::tr;
use crate::model::phrase::possessive;
use crate::model::phrase::size_in;
use crate::output::fmt::{pad, pct, table};
use crate::t;

fn sources(label: &str, s: &[String]) -> Option<String> {
    (!s.is_empty()).then(|| format!("{label}: {}", s.join(" · ")))
}

/// The text block of one role's change.
fn change_block(out: &mut String, a: &Entry, b: &Entry, ch: &RoleChange, lang: Lang) {
    let head = b
        .dataset
        .name(&b.indicators.head_of_state, lang)
        .to_string();
    let _ = writeln!(
        out,
        "{}: {} -> {}",
        role_words_in(lang, ch.role),
        side_names(a, &ch.before, lang),
        side_names(b, &ch.after, lang)
    );
    let fig = |x: Option<f64>| x.map(pct).unwrap_or_else(|| "-".into());
    let hold = match lang {
        Lang::En => possessive(&head, "hold"),
        _ => t!(lang, "hold of the {head}", head = head),
    };
    let _ = writeln!(
        out,
        "  {}",
        t!(
            lang,
            "{hold} {held_before} -> {held_after}; integrated control {before} -> {after}",
            hold = hold,
            held_before = fig(ch.held.0),
            held_after = fig(ch.held.1),
            before = fig(ch.control.0),
            after = fig(ch.control.1)
        )
    );
    if ch.reasons.is_empty() {
        let _ = writeln!(out, "  {}", tr(lang, "no channel or consent changed"));
    }
    for r in &ch.reasons {
        let _ = writeln!(
            out,
            "  - {}: {} -> {}",
            reason_subject(a, b, r, lang),
            amount_in(lang, &r.kind, &r.before),
            amount_in(lang, &r.kind, &r.after)
        );
        for line in [
            sources(a.id(), &r.sources_before),
            sources(b.id(), &r.sources_after),
        ]
        .into_iter()
        .flatten()
        {
            let _ = writeln!(out, "      {line}");
        }
    }
}

/// The rows of a table with their labels in `lang`: an indicator's label through the
/// catalogue (ids stay), a role's words as the role's name, `8 of 9` as `8 из 9`.
pub(super) fn rows_in(lang: Lang, rows: Vec<(String, Vec<String>)>) -> Vec<(String, Vec<String>)> {
    if lang == Lang::En {
        return rows;
    }
    rows.into_iter()
        .map(|(label, cells)| {
            let trimmed = label.trim_start();
            let indent = &label[..label.len() - trimmed.len()];
            let words = crate::model::i18n::lookup(lang, trimmed).or_else(|| {
                crate::model::i18n::lookup(lang, &format!("bodyrole.{}", trimmed.replace(' ', "_")))
            });
            let of = tr(lang, " of ");
            (
                format!("{indent}{}", words.unwrap_or(trimmed)),
                cells.into_iter().map(|c| c.replace(" of ", of)).collect(),
            )
        })
        .collect()
}

fn grid(header: &str, ids: &[&str], rows: &[(String, Vec<String>)]) -> String {
    let mut head: Vec<&str> = vec![header];
    head.extend(ids);
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|(label, cells)| {
            let mut r = vec![label.clone()];
            r.extend(cells.iter().cloned());
            r
        })
        .collect();
    let mut right = vec![false];
    right.extend(ids.iter().map(|_| true));
    table(&head, &body, &right)
}

fn timeline_block(out: &mut String, c: &Comparison, k: usize, lang: Lang) {
    let t: &Timeline = &c.timelines[k];
    let head = c.series[k]
        .first()
        .map(|&i| &c.entries[i])
        .map(|e| {
            e.dataset
                .name(&e.indicators.head_of_state, lang)
                .to_string()
        })
        .unwrap_or_default();
    let hold = match lang {
        Lang::En => possessive(&head, "hold"),
        _ => t!(lang, "hold of the {head}", head = head),
    };
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "TIMELINE: {jurisdiction}, {datasets} ({hold}; integrated control in brackets)",
            jurisdiction = super::jurisdiction_in(c, t, lang),
            datasets = t.datasets.join(" -> "),
            hold = hold
        )
    );
    let ids: Vec<&str> = t.datasets.iter().map(String::as_str).collect();
    out.push_str(&grid("", &ids, &timeline_rows_in(lang, t)));
}

/// One line of the role-by-role block: the aligned columns (dataset, figures, "at will") and
/// the free text that closes the line.
type RoleLine = (Vec<String>, String);

/// The readable comparison: the indicator table, the hold and control of each independent
/// role, veto points and removal at will, the role-by-role table, the timelines and why each
/// role moved between consecutive datasets of a timeline.
pub fn render(c: &Comparison, lang: Lang, ranges: &[Option<Ranged>]) -> String {
    let mut out = String::new();
    let ids: Vec<&str> = c.entries.iter().map(Entry::id).collect();
    let _ = writeln!(
        out,
        "{}",
        tr(
            lang,
            "COMPARING STATES: how much of the independent bodies does the head of state hold?"
        )
    );
    for e in &c.entries {
        let _ = writeln!(
            out,
            "  {:<8} {}",
            e.id(),
            t!(
                lang,
                "{title} (law as of {date}); head of state: {head}",
                title = e.dataset.prose(lang, &e.dataset.meta.title),
                date = e.dataset.meta.as_of,
                head = e.dataset.name(&e.indicators.head_of_state, lang)
            )
        );
    }
    for line in weight_lines_in(lang, c) {
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');

    let _ = writeln!(
        out,
        "{}",
        tr(
            lang,
            "INDICATORS (over the bodies of the independent roles; formulas in the README)"
        )
    );
    out.push_str(&grid("", &ids, &rows_in(lang, indicator_rows(c, ranges))));
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        tr(lang, "THE HEAD OF STATE'S HOLD ON EACH INDEPENDENT ROLE")
    );
    out.push_str(&grid("", &ids, &rows_in(lang, class_rows(c, |x| x.held))));
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        tr(
            lang,
            "THE HEAD OF STATE'S INTEGRATED CONTROL OF EACH INDEPENDENT ROLE"
        )
    );
    out.push_str(&grid(
        "",
        &ids,
        &rows_in(lang, class_rows(c, |x| x.control)),
    ));
    out.push('\n');

    let _ = writeln!(
        out,
        "{}",
        tr(lang, "VETO POINTS ON HIS PICKS FOR INDEPENDENT BODIES")
    );
    for e in &c.entries {
        let name = |id: &str| e.dataset.name(id, lang).to_string();
        let holders: Vec<String> = e
            .indicators
            .veto_holders
            .iter()
            .map(|v| {
                format!(
                    "{}{} ({}: {})",
                    name(&v.actor),
                    if v.under_threat {
                        tr(lang, ", under threat of dissolution")
                    } else {
                        ""
                    },
                    v.bodies.len(),
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
            "  {:<8} {}",
            e.id(),
            if holders.is_empty() {
                tr(lang, "none: no one's consent is needed for his picks").to_string()
            } else {
                holders.join("; ")
            }
        );
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        tr(
            lang,
            "INDEPENDENT BODIES HE CAN DISMISS AT WILL (some or all seats)"
        )
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
            "  {:<8} {}",
            e.id(),
            if list.is_empty() {
                tr(lang, "none").to_string()
            } else {
                list.join(", ")
            }
        );
    }
    out.push('\n');

    let _ = writeln!(
        out,
        "{}",
        tr(
            lang,
            "ROLE BY ROLE: the head of state's integrated control / hold of each body, whether he can\ndismiss some of its seats at will, the body (seats) and its largest principal"
        )
    );
    // The figures come first, in columns shared by every role; the names, whose lengths vary
    // most, close each line.
    let mut blocks: Vec<(String, Vec<RoleLine>)> = Vec::new();
    for row in &c.roles.rows {
        let title = format!(
            "{}{}",
            role_words_in(lang, row.role),
            if row.independent_class {
                tr(lang, " (independent role)")
            } else {
                ""
            }
        );
        let mut lines: Vec<RoleLine> = Vec::new();
        for (e, cells) in c.entries.iter().zip(&row.cells) {
            if cells.is_empty() {
                lines.push((
                    vec![e.id().to_string(), String::new(), String::new()],
                    tr(lang, "no such body").into(),
                ));
            }
            for cell in cells {
                lines.push((
                    vec![
                        e.id().to_string(),
                        head_figures(e, cell),
                        if cell.removable_at_will_by_head {
                            tr(lang, "at will").into()
                        } else {
                            String::new()
                        },
                    ],
                    t!(
                        lang,
                        "{body} ({size}) · largest: {largest}",
                        body = e.dataset.name(&cell.id, lang),
                        size = size_in(lang, cell.seats, cell.seats_nominal),
                        largest = largest_text(e, &cell.largest, lang)
                    ),
                ));
            }
        }
        blocks.push((title, lines));
    }
    let all: Vec<Vec<String>> = blocks
        .iter()
        .flat_map(|b| b.1.iter().map(|l| l.0.clone()))
        .collect();
    let widths: Vec<usize> = (0..3)
        .map(|i| all.iter().map(|r| r[i].width()).max().unwrap_or(0))
        .collect();
    for (title, lines) in &blocks {
        let _ = writeln!(out, "{title}");
        for (cols, text) in lines {
            let line = format!(
                "  {}  {}{}  {}  {}",
                pad(&cols[0], widths[0]),
                " ".repeat(widths[1] - cols[1].width()),
                cols[1],
                pad(&cols[2], widths[2]),
                text
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    out.push('\n');

    for k in 0..c.timelines.len() {
        timeline_block(&mut out, c, k, lang);
        out.push('\n');
    }

    for pair in &c.changes {
        let (a, b) = (&c.entries[pair.from], &c.entries[pair.to]);
        let _ = writeln!(
            out,
            "{}",
            t!(lang, "WHY: {from} -> {to}", from = a.id(), to = b.id())
        );
        let (independent, other): (Vec<&RoleChange>, Vec<&RoleChange>) = pair
            .roles
            .iter()
            .partition(|r| INDEPENDENT_ROLES.contains(&r.role));
        for ch in independent {
            change_block(&mut out, a, b, ch, lang);
        }
        if !other.is_empty() {
            let _ = writeln!(out, "{}", tr(lang, "other bodies that changed:"));
            for ch in other {
                change_block(&mut out, a, b, ch, lang);
            }
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

//! The readable report of `bilik summary`: principals, the headline, each body's composition
//! and control, and the flags with their sources.

use std::fmt::Write;

use crate::analysis::{Analysis, Headline, headline};
use crate::model::phrase::size;
use crate::model::{Branch, Dataset, Lang};
use crate::output::fmt::{self, pct, seats, table};
use crate::output::ranges::{Ranges, plain};

/// The headline block: the head of state's control of the constitutional court.
fn headline_block(dataset: &Dataset, h: &Headline, lang: Lang, ranges: Option<&Ranges>) -> String {
    let name = |id: &str| dataset.name(id, lang).to_string();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "HEADLINE: how much of the {} does the {} control?",
        name(&h.body),
        name(&h.principal)
    );
    let _ = writeln!(
        out,
        "  The {} picks {} of the {} seats.",
        name(&h.principal),
        h.picked,
        h.seats
    );
    let mut rows = vec![vec![
        "directly (own weighted share of seats)".to_string(),
        pct(h.direct),
    ]];
    for (via, x) in &h.through {
        rows.push(vec![
            format!("through the {}", name(via)),
            format!("+{}", pct(*x)),
        ]);
    }
    let total = match ranges {
        Some(r) => r.pct(&h.body, &h.principal, h.total).to_string(),
        None => pct(h.total),
    };
    rows.push(vec!["total integrated control".to_string(), total]);
    out.push_str(
        &table(&["", ""], &rows, &[false, true])
            .lines()
            .skip(2)
            .map(|l| format!("{l}\n"))
            .collect::<String>(),
    );
    if let Some(r) = ranges {
        let _ = writeln!(
            out,
            "  range: {} [{}]",
            r.drivers_text(&h.body, &h.principal)
                .unwrap_or_else(|| "nothing moves it".to_string()),
            r.method()
        );
    }
    let _ = writeln!(out, "  {}: {}", sensitivity_label(h), sensitivity(h));
    out
}

/// What the sensitivity line varies: the consent weight alone, or with consents under threat
/// moving in proportion (codebook R-THREAT), which the reader must be told.
pub fn sensitivity_label(h: &Headline) -> String {
    match h.threat_ratio {
        Some(r) => format!(
            "As the consent weight w varies (consents under threat weighed w × {})",
            seats(r)
        ),
        None => "As the consent weight varies".to_string(),
    }
}

/// The headline's total as the consent weight varies: `consent 0 -> 40.0%, consent 0.50 -> …`,
/// and the total without the threat discount when there is one.
pub fn sensitivity(h: &Headline) -> String {
    let mut s = h
        .sensitivity
        .iter()
        .map(|(w, t)| format!("consent {} -> {}", seats(*w), pct(*t)))
        .collect::<Vec<_>>()
        .join(", ");
    if let Some(x) = h.without_threat_discount {
        s.push_str(&format!("; with no threat discount: {}", pct(x)));
    }
    s
}

/// `at-will threat: off · ranges: exact over 5 combinations (band: consent 0.5–2)`.
pub fn options_line(at_will_threat: bool, ranges: Option<&Ranges>) -> String {
    let mut s = format!(
        "at-will threat: {}",
        if at_will_threat { "on" } else { "off" }
    );
    if let Some(r) = ranges {
        s.push_str(&format!(" · ranges: {}", r.method()));
        if !r.chosen.is_empty() {
            let ids: Vec<String> = r.chosen.iter().map(|c| plain(c)).collect();
            s.push_str(&format!(" · readings chosen: {}", ids.join(", ")));
        }
    }
    s
}

/// The mark of a figure that is not the law as written with seat shares: the de facto layer
/// (codebook R34) or a voting-power share model (R33); `None` for the default.
pub fn layer_line(options: &crate::analysis::Options) -> Option<String> {
    use crate::analysis::ShareModel;
    use crate::model::Layer;
    if options.layer == Layer::DeJure && options.share_model == ShareModel::Seats {
        return None;
    }
    let layer = match options.layer {
        Layer::DeFacto => {
            "DE FACTO: blocs and alignments from cited sources, not law (codebook R34)"
        }
        Layer::DeJure => "de jure: the law as written",
    };
    Some(format!(
        "layer: {layer} · share model: {} (codebook R33)",
        options.share_model.label()
    ))
}

/// The full readable report; `ranges` (of this state) put a range beside every control
/// figure.
pub fn render(
    dataset: &Dataset,
    analysis: &Analysis,
    reforms: &[String],
    lang: Lang,
    ranges: Option<&Ranges>,
) -> String {
    let name = |id: &str| dataset.name(id, lang).to_string();
    let mut out = String::new();
    let _ = writeln!(out, "{}", dataset.meta.title);
    let _ = writeln!(
        out,
        "dataset {} · {} · law as of {}{}",
        dataset.meta.id,
        dataset.meta.jurisdiction,
        dataset.meta.as_of,
        if reforms.is_empty() {
            String::new()
        } else {
            format!(" · reforms {}", reforms.join("+"))
        }
    );
    let _ = writeln!(out, "weights: {}", fmt::weights(&analysis.options.weights));
    let _ = writeln!(
        out,
        "{}",
        options_line(analysis.options.at_will_threat, ranges)
    );
    if let Some(line) = layer_line(&analysis.options) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(
        out,
        "principals: {}",
        analysis
            .principals
            .iter()
            .map(|p| name(p))
            .collect::<Vec<_>>()
            .join(", ")
    );
    out.push('\n');

    if let Some(h) = headline::headline(dataset, &analysis.options, analysis) {
        out.push_str(&headline_block(dataset, &h, lang, ranges));
        out.push('\n');
    } else if let Some((head, body)) = headline::unasked(dataset, analysis) {
        let _ = writeln!(
            out,
            "HEADLINE: how much of the {} does the {} control?\n  Not computed: the {} is not among the principals in force, so the control that passes through the office is counted for those who fill it.\n",
            name(&body),
            name(&head),
            name(&head)
        );
    }

    let _ = writeln!(out, "PRINCIPALS");
    let rows: Vec<Vec<String>> = analysis
        .summary
        .principals
        .iter()
        .map(|p| {
            vec![
                name(&p.id),
                seats(p.seats_reached),
                p.bodies_majority.to_string(),
                p.bodies_largest.to_string(),
                pct(p.independent_seat_share),
                pct(p.independent_mean),
            ]
        })
        .collect();
    out.push_str(&table(
        &[
            "principal",
            "seats reached",
            "majorities",
            "largest bloc",
            "indep. seats",
            "indep. mean",
        ],
        &rows,
        &[false, true, true, true, true, true],
    ));
    let _ = writeln!(
        out,
        "  System HHI over independent bodies' seats: {:.3}   mean body HHI: {:.3}   independent bodies: {}",
        analysis.summary.system_hhi,
        analysis.summary.mean_body_hhi,
        analysis.summary.independent_bodies
    );
    out.push('\n');

    let _ = writeln!(out, "BODIES");
    for branch in Branch::ALL {
        let members: Vec<_> = dataset
            .bodies
            .iter()
            .zip(&analysis.bodies)
            .filter(|(b, _)| b.branch == *branch)
            .collect();
        if members.is_empty() {
            continue;
        }
        let _ = writeln!(out, "── {branch} ──");
        for (b, a) in members {
            let mut tags = vec![size(b.seats, b.seats_nominal)];
            if b.independent {
                tags.push("independent".into());
            }
            if let Some(t) = b.term_years {
                tags.push(format!("{} years", seats(t)));
            }
            let _ = writeln!(out, "{} [{}] ({})", name(&b.id), b.id, tags.join(", "));
            for c in &b.channels {
                let chain: Vec<String> = c
                    .steps
                    .iter()
                    .map(|s| format!("{} {}", name(&s.actor), s.role))
                    .collect();
                let label = if c.label.is_empty() { &c.id } else { &c.label };
                let _ = writeln!(
                    out,
                    "    {} ({}): {}  [{}]{}",
                    label,
                    c.seats,
                    chain.join(" -> "),
                    c.source,
                    if c.confidence == crate::model::Confidence::High {
                        String::new()
                    } else {
                        format!(" ({} confidence)", c.confidence)
                    }
                );
            }
            if b.channels.is_empty() {
                let _ = writeln!(out, "    filled by no one: a root principal");
                continue;
            }
            let direct: Vec<String> = a
                .direct
                .iter()
                .map(|(k, v)| format!("{} {}", name(k), seats(*v)))
                .collect();
            let _ = writeln!(out, "    direct seats: {}", direct.join(", "));
            let mut control: Vec<(&String, &f64)> =
                a.control.iter().filter(|(_, v)| **v > 0.00005).collect();
            control.sort_by(|x, y| y.1.total_cmp(x.1).then_with(|| x.0.cmp(y.0)));
            let control: Vec<String> = control
                .iter()
                .map(|(k, v)| match ranges {
                    Some(r) => format!("{} {}", name(k), r.pct(&b.id, k, **v)),
                    None => format!("{} {}", name(k), pct(**v)),
                })
                .collect();
            let _ = writeln!(
                out,
                "    control: {}   HHI {:.3}",
                control.join(", "),
                a.hhi
            );
            let _ = writeln!(
                out,
                "    majority control by closure: {}",
                super::closure_line(a, b.seats, analysis.principals.contains(&b.id), name)
            );
            if !a.dominators.is_empty() {
                let _ = writeln!(
                    out,
                    "    every chain of appointment passes through: {}",
                    super::dominators_line(a, name)
                );
            }
            if !a.vetoes.is_empty() {
                let _ = writeln!(
                    out,
                    "    veto points: {}",
                    a.vetoes
                        .iter()
                        .map(|v| name(v))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            if !a.removable_at_will_by.is_empty() {
                let _ = writeln!(
                    out,
                    "    removable at will by: {}",
                    a.removable_at_will_by
                        .iter()
                        .map(|v| name(v))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            if !a.removable_for_cause_by.is_empty() {
                let _ = writeln!(
                    out,
                    "    removable for cause by: {}",
                    a.removable_for_cause_by
                        .iter()
                        .map(|v| name(v))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            let n = analysis.flags_of(&b.id).count();
            if n > 0 {
                let _ = writeln!(out, "    flags: {n} (see below)");
            }
        }
    }
    out.push('\n');

    let _ = writeln!(out, "FLAGS ({})", analysis.flags.len());
    for f in &analysis.flags {
        let _ = writeln!(
            out,
            "  [{}] {} · {}: {}",
            f.severity,
            f.rule,
            name(&f.body),
            f.message
        );
        let _ = writeln!(out, "      sources: {}", f.sources.join("; "));
    }
    out
}

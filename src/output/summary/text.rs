//! The readable report of `bilik summary`: principals, the headline, each body's composition
//! and control, and the flags with their sources.

use std::fmt::Write;

use crate::analysis::{Analysis, Headline, headline};
use crate::model::i18n::{tr, word};
use crate::model::{Branch, Dataset, Lang};
use crate::output::fmt::{self, pct, seats, table};
use crate::output::ranges::{Ranges, plain};
use crate::t;

/// The headline block: the head of state's control of the constitutional court.
fn headline_block(dataset: &Dataset, h: &Headline, lang: Lang, ranges: Option<&Ranges>) -> String {
    let name = |id: &str| dataset.name(id, lang).to_string();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "HEADLINE: how much of the {body} does the {principal} control?",
            body = name(&h.body),
            principal = name(&h.principal)
        )
    );
    let _ = writeln!(
        out,
        "  {}",
        t!(
            lang,
            "The {principal} picks {picked} of the {seats} seats.",
            principal = name(&h.principal),
            picked = h.picked,
            seats = h.seats
        )
    );
    let mut rows = vec![vec![
        tr(lang, "directly (own weighted share of seats)").to_string(),
        pct(h.direct),
    ]];
    for (via, x) in &h.through {
        rows.push(vec![
            t!(lang, "through the {via}", via = name(via)),
            format!("+{}", pct(*x)),
        ]);
    }
    let total = match ranges {
        Some(r) => r.pct(&h.body, &h.principal, h.total).to_string(),
        None => pct(h.total),
    };
    rows.push(vec![
        tr(lang, "total integrated control").to_string(),
        total,
    ]);
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
            "  {}",
            t!(
                lang,
                "range: {drivers} [{method}]",
                drivers = r
                    .drivers_text_in(lang, &h.body, &h.principal)
                    .unwrap_or_else(|| tr(lang, "nothing moves it").to_string()),
                method = r.method_in(lang)
            )
        );
    }
    let _ = writeln!(
        out,
        "  {}: {}",
        sensitivity_label_in(lang, h),
        sensitivity_in(lang, h)
    );
    out
}

/// What the sensitivity line varies: the consent weight alone, or with consents under threat
/// moving in proportion (codebook R-THREAT), which the reader must be told.
pub fn sensitivity_label(h: &Headline) -> String {
    sensitivity_label_in(Lang::En, h)
}

/// [`sensitivity_label`] in `lang`.
pub fn sensitivity_label_in(lang: Lang, h: &Headline) -> String {
    match h.threat_ratio {
        Some(r) => t!(
            lang,
            "As the consent weight w varies (consents under threat weighed w × {ratio})",
            ratio = seats(r)
        ),
        None => tr(lang, "As the consent weight varies").to_string(),
    }
}

/// The headline's total as the consent weight varies: `consent 0 -> 40.0%, consent 0.50 -> …`,
/// and the total without the threat discount when there is one.
pub fn sensitivity(h: &Headline) -> String {
    sensitivity_in(Lang::En, h)
}

/// [`sensitivity`] in `lang`.
pub fn sensitivity_in(lang: Lang, h: &Headline) -> String {
    let mut s = h
        .sensitivity
        .iter()
        .map(|(w, x)| {
            t!(
                lang,
                "consent {w} -> {total}",
                w = seats(*w),
                total = pct(*x)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    if let Some(x) = h.without_threat_discount {
        s.push_str(&t!(
            lang,
            "; with no threat discount: {total}",
            total = pct(x)
        ));
    }
    s
}

/// `at-will threat: off · ranges: exact over 5 combinations (band: consent 0.5–2)`.
pub fn options_line(at_will_threat: bool, ranges: Option<&Ranges>) -> String {
    options_line_in(Lang::En, at_will_threat, ranges)
}

/// [`options_line`] in `lang`.
pub fn options_line_in(lang: Lang, at_will_threat: bool, ranges: Option<&Ranges>) -> String {
    let mut s = if at_will_threat {
        tr(lang, "at-will threat: on").to_string()
    } else {
        tr(lang, "at-will threat: off").to_string()
    };
    if let Some(r) = ranges {
        s.push_str(&t!(lang, " · ranges: {method}", method = r.method_in(lang)));
        if !r.chosen.is_empty() {
            let ids: Vec<String> = r.chosen.iter().map(|c| plain(c)).collect();
            s.push_str(&t!(lang, " · readings chosen: {ids}", ids = ids.join(", ")));
        }
    }
    s
}

/// The mark of a figure that is not the law as written with seat shares: the de facto layer
/// (codebook R34) or a voting-power share model (R33); `None` for the default.
pub fn layer_line(options: &crate::analysis::Options) -> Option<String> {
    layer_line_in(Lang::En, options)
}

/// [`layer_line`] in `lang`.
pub fn layer_line_in(lang: Lang, options: &crate::analysis::Options) -> Option<String> {
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
    Some(t!(
        lang,
        "layer: {layer} · share model: {model} (codebook R33)",
        layer = tr(lang, layer),
        model = tr(lang, options.share_model.label())
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
    let mut out = String::new();
    let _ = render_to(&mut out, dataset, analysis, reforms, lang, ranges);
    out
}

/// [`render`] written to `out` as it is made: at 100,000 bodies the report is about 110 MB,
/// which `bilik summary` then need not hold (nor copy as it grows).
pub fn render_to(
    out: &mut impl Write,
    dataset: &Dataset,
    analysis: &Analysis,
    reforms: &[String],
    lang: Lang,
    ranges: Option<&Ranges>,
) -> std::fmt::Result {
    let name = |id: &str| dataset.name(id, lang).to_string();
    writeln!(out, "{}", dataset.prose(lang, &dataset.meta.title))?;
    writeln!(
        out,
        "{}{}",
        t!(
            lang,
            "dataset {id} · {jurisdiction} · law as of {date}",
            id = dataset.meta.id,
            jurisdiction = dataset.prose(lang, &dataset.meta.jurisdiction),
            date = dataset.meta.as_of
        ),
        if reforms.is_empty() {
            String::new()
        } else {
            t!(lang, " · reforms {ids}", ids = reforms.join("+"))
        }
    )?;
    writeln!(
        out,
        "{} {}",
        tr(lang, "weights:"),
        fmt::weights(&analysis.options.weights)
    )?;
    writeln!(
        out,
        "{}",
        options_line_in(lang, analysis.options.at_will_threat, ranges)
    )?;
    if let Some(line) = layer_line_in(lang, &analysis.options) {
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "{} {}",
        tr(lang, "principals:"),
        analysis
            .principals
            .iter()
            .map(|p| name(p))
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    out.write_char('\n')?;

    if let Some(h) = headline::headline_with(
        dataset,
        &analysis.options,
        analysis,
        ranges.map(|r| &r.control),
    ) {
        out.write_str(&headline_block(dataset, &h, lang, ranges))?;
        out.write_char('\n')?;
    } else if let Some((head, body)) = headline::unasked(dataset, analysis) {
        writeln!(
            out,
            "{}\n  {}\n",
            t!(
                lang,
                "HEADLINE: how much of the {body} does the {principal} control?",
                body = name(&body),
                principal = name(&head)
            ),
            t!(
                lang,
                "Not computed: the {principal} is not among the principals in force, so the control that passes through the office is counted for those who fill it.",
                principal = name(&head)
            )
        )?;
    }

    writeln!(out, "{}", tr(lang, "PRINCIPALS"))?;
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
    out.write_str(&table(
        &[
            tr(lang, "principal"),
            tr(lang, "seats reached"),
            tr(lang, "majorities"),
            tr(lang, "largest bloc"),
            tr(lang, "indep. seats"),
            tr(lang, "indep. mean"),
        ],
        &rows,
        &[false, true, true, true, true, true],
    ))?;
    writeln!(
        out,
        "  {}",
        t!(
            lang,
            "System HHI over independent bodies' seats: {system}   mean body HHI: {mean}   independent bodies: {n}",
            system = format!("{:.3}", analysis.summary.system_hhi),
            mean = format!("{:.3}", analysis.summary.mean_body_hhi),
            n = analysis.summary.independent_bodies
        )
    )?;
    out.write_char('\n')?;

    writeln!(out, "{}", tr(lang, "BODIES"))?;
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
        writeln!(out, "── {} ──", word(lang, "branch", branch.as_str()))?;
        for (b, a) in members {
            let mut tags = vec![crate::model::phrase::size_in(
                lang,
                b.seats,
                b.seats_nominal,
            )];
            if b.independent {
                tags.push(tr(lang, "independent").into());
            }
            if let Some(y) = b.term_years {
                tags.push(t!(lang, "{n} years", n = seats(y)));
            }
            writeln!(out, "{} [{}] ({})", name(&b.id), b.id, tags.join(", "))?;
            for c in &b.channels {
                let chain: Vec<String> = c
                    .steps
                    .iter()
                    .map(|s| {
                        t!(
                            lang,
                            "{actor} {role}",
                            actor = name(&s.actor),
                            role = word(lang, "role", s.role.as_str())
                        )
                    })
                    .collect();
                let label = if c.label.is_empty() {
                    &c.id
                } else {
                    dataset.prose(lang, &c.label)
                };
                writeln!(
                    out,
                    "    {} ({}): {}  [{}]{}",
                    label,
                    c.seats,
                    chain.join(" -> "),
                    c.source,
                    if c.confidence == crate::model::Confidence::High {
                        String::new()
                    } else {
                        format!(" ({})", confidence(lang, c.confidence))
                    }
                )?;
            }
            if b.channels.is_empty() {
                writeln!(
                    out,
                    "    {}",
                    tr(lang, "filled by no one: a root principal")
                )?;
                continue;
            }
            let direct: Vec<String> = a
                .direct
                .iter()
                .map(|(k, v)| format!("{} {}", name(k), seats(*v)))
                .collect();
            writeln!(
                out,
                "    {} {}",
                tr(lang, "direct seats:"),
                direct.join(", ")
            )?;
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
            writeln!(
                out,
                "    {} {}   HHI {:.3}",
                tr(lang, "control:"),
                control.join(", "),
                a.hhi
            )?;
            writeln!(
                out,
                "    {} {}",
                tr(lang, "majority control by closure:"),
                super::closure_line_in(lang, a, b.seats, analysis.principals.contains(&b.id), name)
            )?;
            if !a.dominators.is_empty() {
                writeln!(
                    out,
                    "    {} {}",
                    tr(lang, "every chain of appointment passes through:"),
                    super::dominators_line_in(lang, a, name)
                )?;
            }
            if !a.vetoes.is_empty() {
                writeln!(
                    out,
                    "    {} {}",
                    tr(lang, "veto points:"),
                    a.vetoes
                        .iter()
                        .map(|v| name(v))
                        .collect::<Vec<_>>()
                        .join(", ")
                )?;
            }
            if !a.removable_at_will_by.is_empty() {
                writeln!(
                    out,
                    "    {} {}",
                    tr(lang, "removable at will by:"),
                    a.removable_at_will_by
                        .iter()
                        .map(|v| name(v))
                        .collect::<Vec<_>>()
                        .join(", ")
                )?;
            }
            if !a.removable_for_cause_by.is_empty() {
                writeln!(
                    out,
                    "    {} {}",
                    tr(lang, "removable for cause by:"),
                    a.removable_for_cause_by
                        .iter()
                        .map(|v| name(v))
                        .collect::<Vec<_>>()
                        .join(", ")
                )?;
            }
            let n = analysis.flags_of(&b.id).count();
            if n > 0 {
                writeln!(out, "    {}", t!(lang, "flags: {n} (see below)", n = n))?;
            }
        }
    }
    out.write_char('\n')?;

    writeln!(out, "{}", t!(lang, "FLAGS ({n})", n = analysis.flags.len()))?;
    for f in &analysis.flags {
        writeln!(
            out,
            "  [{}] {} · {}: {}",
            word(lang, "severity", f.severity.as_str()),
            f.rule,
            name(&f.body),
            f.message_in(lang, dataset)
        )?;
        writeln!(
            out,
            "      {} {}",
            tr(lang, "sources:"),
            f.sources.join("; ")
        )?;
    }
    Ok(())
}

/// `medium confidence`, in `lang`.
pub fn confidence(lang: Lang, c: crate::model::Confidence) -> String {
    use crate::model::Confidence;
    tr(
        lang,
        match c {
            Confidence::High => "high confidence",
            Confidence::Medium => "medium confidence",
            Confidence::Low => "low confidence",
        },
    )
    .to_string()
}

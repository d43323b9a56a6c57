//! `bilik compare`: the comparison of several datasets as text, Markdown, JSON
//! (`bilik.compare/1`) and CSV. Every renderer reads the same [`Comparison`].

pub mod csv;
pub mod json;
pub mod md;

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::text::{pct, table};
use crate::comparative::{Amount, Comparison, Entry, Reason, ReasonKind, RoleChange, Timeline};
use crate::model::{Lang, Role};

/// A role as words: `constitutional_review` -> "constitutional review".
pub fn role_words(role: Role) -> String {
    role.as_str().replace('_', " ")
}

/// A share in [0, 1] with three decimals, the headline's format.
pub fn figure(x: f64) -> String {
    format!("{x:.3}")
}

/// The rows of the indicator table: a label and one cell per dataset.
pub fn indicator_rows(c: &Comparison) -> Vec<(String, Vec<String>)> {
    let all = |f: &dyn Fn(&Entry) -> String| -> Vec<String> { c.entries.iter().map(f).collect() };
    let n = |e: &Entry| e.indicators.bodies.len();
    vec![
        (
            "head_of_state_concentration".into(),
            all(&|e| figure(e.indicators.head_of_state_concentration)),
        ),
        (
            "  picks, through the bodies he fills".into(),
            all(&|e| figure(e.indicators.picks)),
        ),
        (
            "  - vetoes others hold on his picks".into(),
            all(&|e| format!("-{}", figure(e.indicators.veto_discount))),
        ),
        (
            "  + seats he can dismiss at will".into(),
            all(&|e| format!("+{}", figure(e.indicators.at_will))),
        ),
        (
            "  with every elected body his".into(),
            all(&|e| figure(e.indicators.unified)),
        ),
        (
            "integrated control, mean of roles".into(),
            all(&|e| pct(e.indicators.integrated_control)),
        ),
        (
            "independent roles present".into(),
            all(&|e| e.indicators.classes.len().to_string()),
        ),
        (
            "bodies held by a majority".into(),
            all(&|e| format!("{} of {}", e.indicators.majority, n(e))),
        ),
        (
            "  largest bloc, no majority".into(),
            all(&|e| format!("{} of {}", e.indicators.largest_bloc, n(e))),
        ),
        (
            "seats he picks, mean share".into(),
            all(&|e| pct(e.indicators.picked_share)),
        ),
        (
            "  of which need a consent".into(),
            all(&|e| pct(e.indicators.consented_share)),
        ),
        (
            "bodies removable at will".into(),
            all(&|e| {
                format!(
                    "{} of {}",
                    e.indicators.independent_removable_at_will.len(),
                    n(e)
                )
            }),
        ),
        (
            "system HHI, by role".into(),
            all(&|e| figure(e.indicators.hhi_by_role)),
        ),
        (
            "system HHI, by seat".into(),
            all(&|e| figure(e.indicators.hhi_by_seat)),
        ),
    ]
}

/// One row per independent role: `f` of the class in each dataset, "-" where it has none.
pub fn class_rows(
    c: &Comparison,
    f: fn(&crate::comparative::ClassIndicator) -> f64,
) -> Vec<(String, Vec<String>)> {
    crate::comparative::INDEPENDENT_ROLES
        .iter()
        .filter(|r| c.entries.iter().any(|e| e.indicators.class(**r).is_some()))
        .map(|&role| {
            (
                role_words(role),
                c.entries
                    .iter()
                    .map(|e| {
                        e.indicators
                            .class(role)
                            .map(|x| pct(f(x)))
                            .unwrap_or_else(|| "-".into())
                    })
                    .collect(),
            )
        })
        .collect()
}

/// `n of m` when the side is one body of fixed size, else a percentage; "none" when absent.
/// For [`ReasonKind::Seats`], the size alone.
pub fn amount(kind: &ReasonKind, a: &Option<Amount>) -> String {
    match a {
        None => "none".into(),
        Some(Amount {
            seats: Some((n, of)),
            ..
        }) => {
            if *kind == ReasonKind::Seats {
                n.to_string()
            } else {
                format!("{n} of {of}")
            }
        }
        Some(a) => pct(a.share),
    }
}

/// The largest principals of a body: "President 52.7%", or "President = Senate 50.0%".
pub fn largest_text(
    e: &Entry,
    largest: &Option<(Vec<crate::model::BodyId>, f64)>,
    lang: Lang,
) -> String {
    match largest {
        None => "-".into(),
        Some((ids, share)) => format!(
            "{} {}",
            ids.iter()
                .map(|p| e.dataset.name(p, lang).to_string())
                .collect::<Vec<_>>()
                .join(" = "),
            pct(*share)
        ),
    }
}

/// The head of state's integrated control / hold of a body; "-" for the head of state himself,
/// of whom both would be meaningless.
pub fn head_figures(e: &Entry, cell: &crate::comparative::RoleCell) -> String {
    if cell.id == e.indicators.head_of_state {
        "-".into()
    } else {
        format!("{} / {}", pct(cell.head_control), pct(cell.head_held))
    }
}

/// What a reason is about, in words (without the figures).
pub fn reason_subject(a: &Entry, b: &Entry, r: &Reason, lang: Lang) -> String {
    let name = |id: &str| {
        b.dataset
            .body(id)
            .or_else(|| a.dataset.body(id))
            .map(|x| x.name(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let head = name(&b.indicators.head_of_state);
    match &r.kind {
        ReasonKind::Seats => "seats".into(),
        ReasonKind::HeadPicks => format!("seats picked by the {head}"),
        ReasonKind::Consent {
            actor,
            under_threat: (x, y),
        } => {
            let threat = match (x, y) {
                (false, true) => " (now under threat of dissolution)",
                (true, false) => " (no longer under threat of dissolution)",
                (true, true) => " (under threat of dissolution)",
                (false, false) => "",
            };
            format!(
                "his picks needing the consent of the {}{threat}",
                name(actor)
            )
        }
        ReasonKind::Recommendation { actor } => {
            format!(
                "his picks made on the recommendation of the {}",
                name(actor)
            )
        }
        ReasonKind::AtWill => format!("seats the {head} can dismiss at will"),
        ReasonKind::OtherPicks { actor } => format!("seats picked by the {}", name(actor)),
        ReasonKind::Through { actor } => format!("the {head}'s hold on the {}", name(actor)),
    }
}

/// The names of the bodies of one side of a role change.
pub fn side_names(e: &Entry, bodies: &[crate::comparative::BodyRoutes], lang: Lang) -> String {
    if bodies.is_empty() {
        return "none".into();
    }
    bodies
        .iter()
        .map(|b| e.dataset.name(&b.id, lang).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

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
        role_words(ch.role),
        side_names(a, &ch.before, lang),
        side_names(b, &ch.after, lang)
    );
    let fig = |x: Option<f64>| x.map(pct).unwrap_or_else(|| "-".into());
    let _ = writeln!(
        out,
        "  the {head}'s hold {} -> {}; integrated control {} -> {}",
        fig(ch.held.0),
        fig(ch.held.1),
        fig(ch.control.0),
        fig(ch.control.1)
    );
    if ch.reasons.is_empty() {
        let _ = writeln!(out, "  no channel or consent changed");
    }
    for r in &ch.reasons {
        let _ = writeln!(
            out,
            "  - {}: {} -> {}",
            reason_subject(a, b, r, lang),
            amount(&r.kind, &r.before),
            amount(&r.kind, &r.after)
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
    let _ = writeln!(
        out,
        "TIMELINE: {}, {} (the {head}'s hold; integrated control in brackets)",
        t.jurisdiction,
        t.datasets.join(" -> ")
    );
    let ids: Vec<&str> = t.datasets.iter().map(String::as_str).collect();
    out.push_str(&grid("", &ids, &timeline_rows(t)));
}

/// One line of the role-by-role block: the aligned columns (dataset, figures, "at will") and
/// the free text that closes the line.
type RoleLine = (Vec<String>, String);

/// The readable comparison: the indicator table, the hold and control of each independent
/// role, veto points and removal at will, the role-by-role table, the timelines and why each
/// role moved between consecutive datasets of a timeline.
pub fn text(c: &Comparison, lang: Lang) -> String {
    let mut out = String::new();
    let ids: Vec<&str> = c.entries.iter().map(Entry::id).collect();
    let _ = writeln!(
        out,
        "COMPARING STATES: how much of the independent bodies does the head of state hold?"
    );
    for e in &c.entries {
        let _ = writeln!(
            out,
            "  {:<8} {} (law as of {}); head of state: {}",
            e.id(),
            e.dataset.meta.title,
            e.dataset.meta.as_of,
            e.dataset.name(&e.indicators.head_of_state, lang)
        );
    }
    for line in weight_lines(c) {
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');

    let _ = writeln!(
        out,
        "INDICATORS (over the bodies of the independent roles; formulas in the README)"
    );
    out.push_str(&grid("", &ids, &indicator_rows(c)));
    out.push('\n');
    let _ = writeln!(out, "THE HEAD OF STATE'S HOLD ON EACH INDEPENDENT ROLE");
    out.push_str(&grid("", &ids, &class_rows(c, |x| x.held)));
    out.push('\n');
    let _ = writeln!(
        out,
        "THE HEAD OF STATE'S INTEGRATED CONTROL OF EACH INDEPENDENT ROLE"
    );
    out.push_str(&grid("", &ids, &class_rows(c, |x| x.control)));
    out.push('\n');

    let _ = writeln!(out, "VETO POINTS ON HIS PICKS FOR INDEPENDENT BODIES");
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
                        ", under threat of dissolution"
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
                "none: no one's consent is needed for his picks".to_string()
            } else {
                holders.join("; ")
            }
        );
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "INDEPENDENT BODIES HE CAN DISMISS AT WILL (some or all seats)"
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
                "none".to_string()
            } else {
                list.join(", ")
            }
        );
    }
    out.push('\n');

    let _ = writeln!(
        out,
        "ROLE BY ROLE: the head of state's integrated control / hold of each body, whether he can\ndismiss some of its seats at will, the body (seats) and its largest principal"
    );
    // The figures come first, in columns shared by every role; the names, whose lengths vary
    // most, close each line.
    let mut blocks: Vec<(String, Vec<RoleLine>)> = Vec::new();
    for row in &c.roles.rows {
        let title = format!(
            "{}{}",
            role_words(row.role),
            if row.independent_class {
                " (independent role)"
            } else {
                ""
            }
        );
        let mut lines: Vec<RoleLine> = Vec::new();
        for (e, cells) in c.entries.iter().zip(&row.cells) {
            if cells.is_empty() {
                lines.push((
                    vec![e.id().to_string(), String::new(), String::new()],
                    "no such body".into(),
                ));
            }
            for cell in cells {
                lines.push((
                    vec![
                        e.id().to_string(),
                        head_figures(e, cell),
                        if cell.removable_at_will_by_head {
                            "at will".into()
                        } else {
                            String::new()
                        },
                    ],
                    format!(
                        "{} ({}{}) · largest: {}",
                        e.dataset.name(&cell.id, lang),
                        cell.seats,
                        if cell.seats_nominal { " nominal" } else { "" },
                        largest_text(e, &cell.largest, lang)
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
                super::text::pad(&cols[0], widths[0]),
                " ".repeat(widths[1] - cols[1].width()),
                cols[1],
                super::text::pad(&cols[2], widths[2]),
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
        let _ = writeln!(out, "WHY: {} -> {}", a.id(), b.id());
        let (independent, other): (Vec<&RoleChange>, Vec<&RoleChange>) = pair
            .roles
            .iter()
            .partition(|r| crate::comparative::INDEPENDENT_ROLES.contains(&r.role));
        for ch in independent {
            change_block(&mut out, a, b, ch, lang);
        }
        if !other.is_empty() {
            let _ = writeln!(out, "other bodies that changed:");
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

/// The weights in force: one line when all datasets share them, else one per dataset.
pub fn weight_lines(c: &Comparison) -> Vec<String> {
    let fmt = |e: &Entry| -> String {
        e.analysis
            .options
            .weights
            .pairs()
            .iter()
            .map(|(k, v)| format!("{k} {}", super::text::seats(*v)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let first = c.entries.first().map(fmt).unwrap_or_default();
    if c.entries.iter().all(|e| fmt(e) == first) {
        vec![format!("weights: {first}")]
    } else {
        c.entries
            .iter()
            .map(|e| format!("weights of {}: {}", e.id(), fmt(e)))
            .collect()
    }
}

/// A timeline as table rows: the headline figure, then the head of state's hold on each role
/// with his integrated control in brackets. Text and Markdown lay out the same rows.
pub(crate) fn timeline_rows(t: &crate::comparative::Timeline) -> Vec<(String, Vec<String>)> {
    let mut rows = vec![(
        "head_of_state_concentration".to_string(),
        t.headline.iter().map(|x| figure(*x)).collect(),
    )];
    for r in &t.rows {
        rows.push((
            role_words(r.role),
            r.points
                .iter()
                .map(|p| match p {
                    Some(p) => format!("{} ({})", pct(p.held), pct(p.control)),
                    None => "-".into(),
                })
                .collect(),
        ));
    }
    rows
}

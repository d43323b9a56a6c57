//! `md`: a report to paste into a paper, as GitHub-flavoured Markdown: the dataset and its
//! date, the weights and principals, the headline, the principals' summary, every body's
//! composition and control, the flags with their sources, and with reforms what changed.
//!
//! Written section by section and row by row as it is produced ([`write`]): O(n log n + e +
//! f) for n bodies, e channel steps and f flags (the bodies sorted by branch; names, flags and
//! ranges found through indexes), on top of the ranges and headline the caller computed.

use std::fmt::Write;

use crate::analysis::{Analysis, BodyAnalysis, Flag, diff, headline};
use crate::model::i18n::{tr, word};
use crate::model::phrase::size_in;
use crate::model::phrase::{capitalised, control_of, possessive};
use crate::model::{Body, Dataset, Lang};
use crate::output::escape::{markdown as esc, markdown_code as code};
use crate::output::export::Snapshot;
use crate::output::fmt::{self, pct, seats};
use crate::output::graph::{Change, Graph, Kind};
use crate::output::ranges::Ranges;
use crate::output::sink::{self, Sink};
use crate::output::summary::text::{options_line_in, sensitivity_label_in};
use crate::reform::Preset;
use crate::t;

/// Shares below this print as nothing: they are rounding noise at one decimal.
const SHOWN: f64 = 0.0005;

/// A GFM table, written as it is filled: the header at once, each row as it comes; cells
/// are escaped by the caller. `right` aligns numeric columns.
struct Table<'s, 'o> {
    out: &'s mut Sink<'o>,
}

impl<'s, 'o> Table<'s, 'o> {
    fn new(out: &'s mut Sink<'o>, columns: &[(&str, bool)]) -> Table<'s, 'o> {
        let mut t = Table { out };
        let header: Vec<String> = columns.iter().map(|c| c.0.to_string()).collect();
        t.row(header);
        let rule: Vec<String> = columns
            .iter()
            .map(|c| if c.1 { "---:" } else { "---" }.to_string())
            .collect();
        t.row(rule);
        t
    }

    /// A table whose header is `columns`' English titles in `lang`.
    fn titled(
        out: &'s mut Sink<'o>,
        lang: Lang,
        columns: &[(&'static str, bool)],
    ) -> Table<'s, 'o> {
        let header: Vec<(&str, bool)> = columns.iter().map(|&(c, r)| (tr(lang, c), r)).collect();
        Table::new(out, &header)
    }

    fn row(&mut self, cells: Vec<String>) {
        let _ = writeln!(self.out, "| {} |", cells.join(" | "));
    }

    fn end(self) {
        self.out.push('\n');
    }
}

struct Names<'a> {
    dataset: &'a Dataset,
    baseline: Option<&'a Dataset>,
    lang: Lang,
}

impl Names<'_> {
    /// A body's name in the report's language, escaped; bodies reforms removed are named
    /// from the baseline.
    fn of(&self, id: &str) -> String {
        let name = match (
            self.dataset.body(id),
            self.baseline.and_then(|b| b.body(id)),
        ) {
            (Some(b), _) | (None, Some(b)) => b.name(self.lang),
            (None, None) => id,
        };
        esc(name)
    }

    fn list(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|i| self.of(i))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// " (proposal 5)", or nothing for a preset that cites no proposal.
fn article(p: &Preset, lang: Lang) -> String {
    p.article
        .map(|a| format!(" ({})", a.in_lang(lang)))
        .unwrap_or_default()
}

fn control_list(names: &Names, a: &BodyAnalysis, ranges: Option<&Ranges>) -> String {
    let mut control: Vec<(&String, &f64)> =
        a.control.iter().filter(|(_, v)| **v >= SHOWN).collect();
    control.sort_by(|x, y| y.1.total_cmp(x.1).then_with(|| x.0.cmp(y.0)));
    control
        .iter()
        .map(|(p, v)| match ranges {
            Some(r) => format!("{} {}", names.of(p), r.pct(&a.id, p, **v)),
            None => format!("{} {}", names.of(p), pct(**v)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn composition(names: &Names, b: &Body) -> String {
    let lang = names.lang;
    if b.channels.is_empty() {
        return tr(lang, "filled by no one: a root principal").to_string();
    }
    b.channels
        .iter()
        .map(|c| {
            let label = if c.label.is_empty() {
                &c.id
            } else {
                names.dataset.prose(lang, &c.label)
            };
            let chain: Vec<String> = c
                .steps
                .iter()
                .map(|s| {
                    let role = match lang {
                        Lang::En => s.role.as_str().replace('_', " "),
                        _ => word(lang, "role", s.role.as_str()).to_string(),
                    };
                    format!("{} ({role})", names.of(&s.actor))
                })
                .collect();
            format!(
                "{} ({}): {} ({})",
                esc(label),
                c.seats,
                chain.join(" → "),
                esc(&c.source)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn flag_rows(table: &mut Table<'_, '_>, names: &Names, flags: &[&Flag], with_sources: bool) {
    for f in flags {
        let mut row = vec![
            word(names.lang, "severity", f.severity.as_str()).to_string(),
            code(f.rule),
            names.of(&f.body),
            esc(&f.message_in(names.lang, names.dataset)),
        ];
        if with_sources {
            row.push(esc(&f.sources.join("; ")));
        }
        table.row(row);
    }
}

pub fn render(s: &Snapshot) -> String {
    sink::to_string(|out| write(s, out), true)
}

/// Writes the report to `out` as it is produced: linear in the state, and no memory beyond
/// one row. `out` should trim the final blank lines ([`Sink::trimming`]).
pub fn write(s: &Snapshot, out: &mut Sink) {
    let ds = s.dataset;
    let a = s.analysis;
    let ranges = s.ranges();
    let ranges = ranges.as_deref();
    let names = Names {
        dataset: ds,
        baseline: s.baseline.map(|b| b.0),
        lang: s.lang,
    };
    let lang = s.lang;

    let _ = writeln!(out, "# {}\n", esc(ds.prose(lang, &ds.meta.title)));
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "- **Dataset:** {id} ({jurisdiction}), law as of {date}",
            id = code(&ds.meta.id),
            jurisdiction = esc(ds.prose(lang, &ds.meta.jurisdiction)),
            date = esc(&ds.meta.as_of)
        )
    );
    let reforms = if s.reforms.is_empty() {
        tr(lang, "none").to_string()
    } else {
        s.reforms
            .iter()
            .map(|r| match s.presets.and_then(|set| set.get(r)) {
                Some(p) => format!("{} {}{}", code(r), esc(p.title(s.lang)), article(p, s.lang)),
                None => code(r),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let _ = writeln!(
        out,
        "{}",
        t!(lang, "- **Active reforms:** {reforms}", reforms = reforms)
    );
    let weights = fmt::weights_as(
        &a.options.weights,
        |k, v| format!("{} {}", code(k), seats(v)),
        ", ",
    );
    let _ = writeln!(
        out,
        "{}",
        t!(lang, "- **Role weights:** {weights}", weights = weights)
    );
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "- **Options:** {options}",
            options = esc(&options_line_in(lang, a.options.at_will_threat, ranges))
        )
    );
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "- **Principals:** {list}",
            list = names.list(&a.principals)
        )
    );
    if !ds.meta.note.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            t!(
                lang,
                "- **Dataset note:** {note}",
                note = esc(ds.prose(lang, &ds.meta.note))
            )
        );
    }
    out.push('\n');

    if let Some(h) = headline::headline_with(ds, &a.options, a, ranges.map(|r| &r.control)) {
        let _ = writeln!(out, "## {}\n", tr(lang, "Headline"));
        let _ = writeln!(
            out,
            "{} {}\n",
            t!(
                lang,
                "How much of the {body} does the {principal} control?",
                body = names.of(&h.body),
                principal = names.of(&h.principal)
            ),
            t!(
                lang,
                "The {principal} picks {picked} of the {seats} seats.",
                principal = names.of(&h.principal),
                picked = h.picked,
                seats = h.seats
            )
        );
        let mut t = Table::titled(out, lang, &[("Route", false), ("Share of the seats", true)]);
        t.row(vec![
            tr(lang, "directly (own weighted share of seats)").into(),
            pct(h.direct),
        ]);
        for (via, x) in &h.through {
            t.row(vec![
                t!(lang, "through the {via}", via = names.of(via)),
                format!("+{}", pct(*x)),
            ]);
        }
        let total = match ranges {
            Some(r) => r.pct(&h.body, &h.principal, h.total).to_string(),
            None => pct(h.total),
        };
        t.row(vec![
            format!("**{}**", tr(lang, "total integrated control")),
            format!("**{total}**"),
        ]);
        t.end();
        if let Some(r) = ranges {
            let _ = writeln!(
                out,
                "{}\n",
                t!(
                    lang,
                    "Range: {drivers} ({method}).",
                    drivers = esc(&r
                        .drivers_text_in(lang, &h.body, &h.principal)
                        .unwrap_or_else(|| tr(lang, "nothing moves it").to_string())),
                    method = esc(&r.method_in(lang))
                )
            );
        }
        if !h.sensitivity.is_empty() {
            let _ = writeln!(out, "{}:\n", esc(&sensitivity_label_in(lang, &h)));
            let labels: Vec<String> = h.sensitivity.iter().map(|(w, _)| seats(*w)).collect();
            let mut header = vec![(tr(lang, "`consent` weight"), false)];
            header.extend(labels.iter().map(|l| (l.as_str(), true)));
            let mut t = Table::new(out, &header);
            let mut row = vec![match lang {
                Lang::En => capitalised(&possessive(&names.of(&h.principal), "control")),
                _ => t!(
                    lang,
                    "Control of the {principal}",
                    principal = names.of(&h.principal)
                ),
            }];
            row.extend(h.sensitivity.iter().map(|(_, t)| pct(*t)));
            t.row(row);
            t.end();
            if let Some(x) = h.without_threat_discount {
                let _ = writeln!(
                    out,
                    "{}\n",
                    t!(
                        lang,
                        "With no threat discount (consents under threat weighed as free ones): {total}.",
                        total = pct(x)
                    )
                );
            }
        }
    } else if let Some((head, body)) = headline::unasked(ds, a) {
        let _ = writeln!(
            out,
            "## {}\n\n{} {}\n",
            tr(lang, "Headline"),
            t!(
                lang,
                "How much of the {body} does the {principal} control?",
                body = names.of(&body),
                principal = names.of(&head)
            ),
            t!(
                lang,
                "Not computed: the {principal} is not among the principals in force, so the control that passes through the office is counted for those who fill it.",
                principal = names.of(&head)
            )
        );
    }

    let _ = writeln!(out, "## {}\n", tr(lang, "Principals"));
    let mut t = Table::titled(
        out,
        lang,
        &[&PRINCIPAL_COLUMNS[..], &[("Independent mean", true)]].concat(),
    );
    for p in &a.summary.principals {
        t.row(vec![
            names.of(&p.id),
            seats(p.seats_reached),
            p.bodies_majority.to_string(),
            p.bodies_largest.to_string(),
            pct(p.independent_seat_share),
            pct(p.independent_mean),
        ]);
    }
    t.end();
    let _ = writeln!(
        out,
        "{}\n",
        t!(
            lang,
            "System HHI over independent bodies' seats: {system}; mean body HHI: {mean}; independent bodies: {n}.",
            system = format!("{:.3}", a.summary.system_hhi),
            mean = format!("{:.3}", a.summary.mean_body_hhi),
            n = a.summary.independent_bodies
        )
    );

    let _ = writeln!(out, "## {}\n", tr(lang, "Bodies"));
    let mut t = Table::titled(
        out,
        lang,
        &[
            ("Body", false),
            ("Branch", false),
            ("Seats", true),
            ("Composition (channel, seats: steps, source)", false),
            ("Integrated control", false),
            ("Majority control (closure)", false),
            ("Every chain passes through", false),
            ("HHI", true),
            ("Flags", true),
        ],
    );
    let mut bodies: Vec<(&Body, &BodyAnalysis)> = ds.bodies.iter().zip(&a.bodies).collect();
    bodies.sort_by_key(|(b, _)| (b.branch, &b.id));
    for (b, ba) in bodies {
        let branch = if b.independent {
            t!(
                lang,
                "{branch}, independent",
                branch = word(lang, "branch", b.branch.as_str())
            )
        } else {
            word(lang, "branch", b.branch.as_str()).to_string()
        };
        t.row(vec![
            format!("{} ({})", names.of(&b.id), code(&b.id)),
            branch,
            if b.seats_nominal {
                size_in(lang, b.seats, true)
            } else {
                b.seats.to_string()
            },
            composition(&names, b),
            control_list(&names, ba, ranges),
            if b.channels.is_empty() {
                tr(lang, "root").to_string()
            } else {
                super::closure_line_in(lang, ba, b.seats, a.principals.contains(&b.id), |id| {
                    names.of(id)
                })
            },
            if ba.dominators.is_empty() {
                String::new()
            } else {
                names.list(&ba.dominators)
            },
            format!("{:.3}", ba.hhi),
            a.flags_of(&b.id).count().to_string(),
        ]);
    }
    t.end();

    let _ = writeln!(out, "## {}\n", t!(lang, "Flags ({n})", n = a.flags.len()));
    if a.flags.is_empty() {
        let _ = writeln!(out, "{}\n", tr(lang, "No rule raised a flag."));
    } else {
        let mut t = Table::titled(out, lang, &FLAG_COLUMNS);
        flag_rows(&mut t, &names, &a.flags.iter().collect::<Vec<_>>(), true);
        t.end();
    }

    if let Some((base, base_a)) = s.baseline {
        changes(out, s, &names, base, base_a);
    }
    // The state analysed: the layer's elements only, whichever dataset the caller holds.
    out.push_str(&crate::output::sources::references_md(
        &ds.in_layer(a.options.layer),
        s.lang,
    ));
}

/// The principals' tables' columns, in English: the changes' table has these, the report's
/// adds the independent mean.
const PRINCIPAL_COLUMNS: [(&str, bool); 5] = [
    ("Principal", false),
    ("Seats reached", true),
    ("Majorities", true),
    ("Largest bloc", true),
    ("Independent seats", true),
];

/// The flags' tables' columns, in English.
const FLAG_COLUMNS: [(&str, bool); 5] = [
    ("Severity", false),
    ("Rule", false),
    ("Body", false),
    ("Finding", false),
    ("Sources", false),
];

/// The before/after section: what the reforms changed against the baseline.
fn changes(out: &mut Sink, s: &Snapshot, names: &Names, base: &Dataset, base_a: &Analysis) {
    let lang = s.lang;
    let d = diff::diff(base, base_a, s.dataset, s.analysis);
    let _ = writeln!(out, "## {}\n", tr(lang, "Changes from the baseline"));
    let applied = if s.reforms.is_empty() {
        tr(lang, "The changes").to_string()
    } else {
        t!(
            lang,
            "Reforms {ids}",
            ids = s
                .reforms
                .iter()
                .map(|r| code(r))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let principals = if base_a.principals == s.analysis.principals {
        tr(lang, "the same principals").to_string()
    } else {
        t!(
            lang,
            "principals {before} before and {after} after",
            before = names.list(&base_a.principals),
            after = names.list(&s.analysis.principals)
        )
    };
    let _ = writeln!(
        out,
        "{}\n",
        t!(
            lang,
            "{applied} applied to {id}, under the same weights; {principals}.",
            applied = applied,
            id = code(&base.meta.id),
            principals = principals
        )
    );
    let presets: Vec<&Preset> = s
        .reforms
        .iter()
        .filter_map(|r| s.presets.and_then(|set| set.get(r)))
        .collect();
    let prose = |en| s.presets.map_or(en, |set| set.prose(lang, en));
    for p in &presets {
        let _ = writeln!(
            out,
            "- {} **{}**{}. {}",
            code(&p.id),
            esc(p.title(s.lang)),
            article(p, s.lang),
            esc(prose(&p.description))
        );
        for a in &p.assumptions {
            let text = esc(prose(a));
            let _ = writeln!(out, "  - {}", t!(lang, "Assumption: {text}", text = text));
        }
    }
    if !presets.is_empty() {
        out.push('\n');
    }
    if let (Some(before), Some(after)) = (
        headline::headline(base, &base_a.options, base_a),
        headline::headline(s.dataset, &s.analysis.options, s.analysis),
    ) && before.body == after.body
        && before.principal == after.principal
    {
        let what = match lang {
            Lang::En => control_of(
                &names.of(&after.principal),
                &names.of(&after.body),
                "integrated control",
            ),
            _ => t!(
                lang,
                "integrated control of the {body} by the {principal}",
                body = names.of(&after.body),
                principal = names.of(&after.principal)
            ),
        };
        let _ = writeln!(
            out,
            "- **{}:** {what}: {} → {}",
            tr(lang, "Headline"),
            pct(before.total),
            pct(after.total)
        );
    }
    let _ = writeln!(
        out,
        "{}\n",
        t!(
            lang,
            "- **System HHI** over independent bodies' seats: {before} → {after}",
            before = format!("{:.3}", d.system_hhi.0),
            after = format!("{:.3}", d.system_hhi.1)
        )
    );

    let _ = writeln!(
        out,
        "### {}\n",
        t!(lang, "Bodies ({n})", n = d.bodies.len())
    );
    if d.bodies.is_empty() {
        let _ = writeln!(out, "{}\n", tr(lang, "No body changed."));
    } else {
        let mut t = Table::titled(
            out,
            lang,
            &[
                ("Body", false),
                ("Change", false),
                ("Seats", true),
                ("Control before", false),
                ("Control after", false),
                ("HHI", true),
            ],
        );
        for b in &d.bodies {
            let mut change = vec![
                tr(
                    lang,
                    match b.change {
                        diff::BodyChange::Added => "added",
                        diff::BodyChange::Removed => "removed",
                        diff::BodyChange::Changed => "changed",
                    },
                )
                .to_string(),
            ];
            for (what, list) in [
                ("channels added", &b.channels_added),
                ("removed", &b.channels_removed),
                ("changed", &b.channels_changed),
            ] {
                if !list.is_empty() {
                    let ids: Vec<String> = list.iter().map(|c| code(c)).collect();
                    change.push(format!("{} {}", tr(lang, what), ids.join(", ")));
                }
            }
            let side = |pick: fn(&(f64, f64)) -> f64| {
                let mut v: Vec<(&String, f64)> =
                    b.control.iter().map(|(p, x)| (p, pick(x))).collect();
                v.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(y.0)));
                v.iter()
                    .map(|(p, x)| format!("{} {}", names.of(p), pct(*x)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let seats_cell = match b.seats {
                (Some(x), Some(y)) if x == y => x.to_string(),
                (x, y) => format!(
                    "{} → {}",
                    x.map_or("–".to_string(), |v| v.to_string()),
                    y.map_or("–".to_string(), |v| v.to_string())
                ),
            };
            t.row(vec![
                names.of(&b.id),
                change.join("; "),
                seats_cell,
                side(|x| x.0),
                side(|x| x.1),
                format!("{:.3} → {:.3}", b.hhi.0, b.hhi.1),
            ]);
        }
        t.end();
    }

    let _ = writeln!(out, "### {}\n", tr(lang, "Principals"));
    let mut t = Table::titled(out, lang, &PRINCIPAL_COLUMNS);
    for p in &d.principals {
        let cell = |f: &dyn Fn(&crate::analysis::PrincipalSummary) -> String| {
            format!(
                "{} → {}",
                p.before.as_ref().map_or("–".to_string(), f),
                p.after.as_ref().map_or("–".to_string(), f)
            )
        };
        t.row(vec![
            names.of(&p.id),
            cell(&|x| seats(x.seats_reached)),
            cell(&|x| x.bodies_majority.to_string()),
            cell(&|x| x.bodies_largest.to_string()),
            cell(&|x| pct(x.independent_seat_share)),
        ]);
    }
    t.end();

    for (title, flags) in [
        (tr(lang, "Flags raised ({n})"), &d.flags_raised),
        (tr(lang, "Flags cleared ({n})"), &d.flags_cleared),
    ] {
        let _ = writeln!(
            out,
            "### {}\n",
            title.replace("{n}", &flags.len().to_string())
        );
        if flags.is_empty() {
            let _ = writeln!(out, "{}\n", tr(lang, "None."));
            continue;
        }
        let mut t = Table::titled(out, lang, &FLAG_COLUMNS);
        flag_rows(&mut t, names, &flags.iter().collect::<Vec<_>>(), true);
        t.end();
    }

    let graph = Graph::new(s);
    let power: Vec<_> = graph
        .links
        .iter()
        .filter(|l| {
            matches!(l.kind, Kind::Power(_)) && matches!(l.change, Change::Added | Change::Removed)
        })
        .collect();
    let _ = writeln!(
        out,
        "### {}\n",
        t!(lang, "Power edges ({n})", n = power.len())
    );
    if power.is_empty() {
        let _ = writeln!(out, "{}\n", tr(lang, "None added or removed."));
    } else {
        let mut t = Table::titled(
            out,
            lang,
            &[
                ("Change", false),
                ("From", false),
                ("Power", false),
                ("To", false),
                ("Source", false),
            ],
        );
        for l in power {
            let to = match l.channel {
                Some(c) => format!("{} ({})", names.of(l.to), code(c)),
                None => names.of(l.to),
            };
            t.row(vec![
                tr(lang, l.change.as_str()).to_string(),
                names.of(l.from),
                match lang {
                    Lang::En => l.kind.as_str().replace('_', " "),
                    _ => word(lang, "kind", l.kind.as_str()).to_string(),
                },
                to,
                esc(l.source),
            ]);
        }
        t.end();
    }
}

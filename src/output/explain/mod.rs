//! `bilik explain` and the explorer's `x`: how one figure is made, in words and numbers.
//!
//! The wording is built once, as a [`Doc`] of sections of indented lines, from the analysis'
//! [`Explanation`]; text, Markdown and the TUI overlay lay out the same lines, so every format
//! says the same thing. JSON (`bilik.explain/1`) serialises the explanation's numbers.
//!
//! ```text
//!  How much of the Constitutional Court does the President control?
//!  52.7% = 40.9% directly + 8.2% through the Chair of the Senate + 3.6% through the Senate
//!  1. THE SEATS, CHANNEL BY CHANNEL   each step's weight, its seats, its article, its rule
//!  2. DIRECT SHARE                    why 5 picks are 4.50 seats, 40.9%, not 5/11
//!  3. THROUGH OTHER ACTORS            seats × his control of the actor = contribution
//!  4. THE SUM                         the parts, the rest, 100%
//!  5. VETO POINTS                     and the rules that discounted them
//!  6. THE RANGE                       which contested codings and weights widen it
//! ```

pub mod json;

use crate::analysis::Position;
use crate::analysis::explain::{ChannelPart, Explanation, StepPart};
use crate::model::{Dataset, Lang, StepRole};
use crate::output::fmt::{pct, seats, weights};

/// One line of a section, indented by `indent` levels.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub indent: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub lines: Vec<Line>,
}

/// The explanation in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub question: String,
    /// The figure as the sum of its parts.
    pub answer: String,
    /// The dataset and the weights in force.
    pub basis: String,
    pub sections: Vec<Section>,
}

struct Builder {
    sections: Vec<Section>,
}

impl Builder {
    fn section(&mut self, title: &str) {
        self.sections.push(Section {
            title: title.to_string(),
            lines: Vec::new(),
        });
    }

    fn line(&mut self, indent: usize, text: impl Into<String>) {
        if let Some(s) = self.sections.last_mut() {
            s.lines.push(Line {
                indent,
                text: text.into(),
            });
        }
    }
}

fn seat_word(n: f64) -> &'static str {
    if (n - 1.0).abs() < 1e-9 {
        "seat"
    } else {
        "seats"
    }
}

fn label(c: &ChannelPart) -> &str {
    if c.label.is_empty() { &c.id } else { &c.label }
}

/// `weight consent 1 × veto strength 0.8 = 0.8`, and what the step does.
fn step_words(s: &StepPart) -> String {
    match (s.role, s.position) {
        (None, _) => format!(
            "can remove the holders at will: takes {} of each seat first (weight at_will_removal)",
            seats(s.base_weight.clamp(0.0, 1.0))
        ),
        (Some(role), None) => {
            format!("{role}s on its own nomination: adds nothing to its pick")
        }
        (Some(role), Some(p)) => {
            let what = match p {
                Position::Propose => format!("{role} · picks the candidate"),
                Position::Recommend => format!("{role} · advises"),
                Position::Ratify if role == StepRole::Shortlist => {
                    format!("{role} · its list binds the pick")
                }
                Position::Ratify => format!("{role} · must approve the pick"),
                Position::RatifyUnderThreat => {
                    format!("{role} · must approve, under threat of dissolution")
                }
                Position::RemoveAtWill => format!("{role} · removes at will"),
            };
            let weight = if p.is_veto() {
                format!(
                    "weight {} {} × veto strength {} = {}",
                    p.weight_name(),
                    seats(s.base_weight),
                    seats(s.veto_strength),
                    seats(s.weight)
                )
            } else {
                format!("weight {} {}", p.weight_name(), seats(s.weight))
            };
            format!("{what} · {weight}")
        }
    }
}

/// Words the explanation of `e` in `dataset`'s names. `range_basis` says what the range ran
/// over (`exact over 9 combinations; band consent 0.5–2`), when there is one.
pub fn doc(dataset: &Dataset, e: &Explanation, lang: Lang, range_basis: Option<&str>) -> Doc {
    let name = |id: &str| dataset.name(id, lang).to_string();
    let the = |id: &str| format!("the {}", name(id));
    let p = the(&e.principal);
    let body = the(&e.body);
    let question = format!("How much of {body} does {p} control?");
    let shown: Vec<&crate::analysis::explain::Path> =
        e.paths.iter().filter(|x| x.contribution > 0.0).collect();
    let range = e
        .range
        .as_ref()
        .filter(|r| (r.hi - r.lo).abs() > 5e-5)
        .map(|r| format!(" ({}–{})", pct(r.lo).trim_end_matches('%'), pct(r.hi)))
        .unwrap_or_default();
    let mut answer = format!("{}{range}", pct(e.share));
    if !shown.is_empty() || e.direct > 0.0 {
        let mut terms = vec![format!("{} directly", pct(e.direct))];
        terms.extend(
            shown
                .iter()
                .map(|x| format!("{} through {}", pct(x.contribution), the(&x.via))),
        );
        answer.push_str(&format!(" = {}", terms.join(" + ")));
    }
    let basis = format!(
        "{} · weights: {}{}",
        dataset.meta.id,
        weights(&e.weights),
        if e.at_will_threat {
            " · at-will threat on"
        } else {
            ""
        }
    );
    let mut b = Builder {
        sections: Vec::new(),
    };

    if e.root {
        b.section("NOBODY FILLS IT");
        b.line(
            1,
            if e.body == e.principal {
                format!("No other body fills {body}: it answers only to itself, 100% (codebook R16).")
            } else {
                format!("No other body fills {body}: it is a principal of its own, and {p} controls none of it (codebook R16).")
            },
        );
        return Doc {
            question,
            answer,
            basis,
            sections: b.sections,
        };
    }

    let total = f64::from(e.seats);
    b.section(&format!(
        "1. THE SEATS, CHANNEL BY CHANNEL ({} {}{})",
        e.seats,
        seat_word(total),
        if e.seats_nominal {
            ", a nominal unit: the law fixes no number"
        } else {
            ""
        }
    ));
    b.line(
        1,
        "Each channel's seats are split among its actors in proportion to their weights (codebook R15); a veto's weight is multiplied by its strength (R8), a consent given under threat of dissolution weighs consent_under_threat (R13).",
    );
    for c in &e.channels {
        let n = f64::from(c.seats);
        b.line(
            1,
            format!(
                "{}: {} {} ({}){}",
                label(c),
                c.seats,
                seat_word(n),
                c.source,
                if c.imperative {
                    "; imperative mandate (R14)"
                } else {
                    ""
                }
            ),
        );
        for s in &c.steps {
            b.line(
                2,
                format!(
                    "{}: {} → {} {} [{}]",
                    name(&s.actor),
                    step_words(s),
                    seats(s.seats),
                    seat_word(s.seats),
                    s.rules.join(", ")
                ),
            );
            if let Some(v) = &s.vote {
                b.line(3, format!("voting rule: {v}"));
            }
            if let Some(src) = &s.edge_source {
                let what = if s.role.is_none() {
                    "removal"
                } else {
                    "the threat of dissolution"
                };
                b.line(3, format!("{what}: {src}"));
            }
        }
        let weighted: Vec<String> = c
            .steps
            .iter()
            .filter(|s| s.role.is_some() && s.position.is_some())
            .map(|s| seats(s.weight))
            .collect();
        if weighted.len() > 1 {
            let removal = if c.removal > 0.0 {
                format!(
                    " of the {} left after removal",
                    seats(n * (1.0 - c.removal))
                )
            } else {
                String::new()
            };
            b.line(
                2,
                format!(
                    "split {} (sum {}){removal}: {p} holds {} of {}",
                    weighted.join(" : "),
                    seats(c.weight_total),
                    seats(c.principal_seats),
                    c.seats
                ),
            );
        } else {
            b.line(
                2,
                format!("{p} holds {} of {}", seats(c.principal_seats), c.seats),
            );
        }
    }

    b.section(&format!("2. THE DIRECT SHARE OF {}", p.to_uppercase()));
    let held: Vec<String> = e
        .channels
        .iter()
        .filter(|c| c.principal_seats > 0.0)
        .map(|c| format!("{} ({})", seats(c.principal_seats), label(c)))
        .collect();
    if held.is_empty() {
        b.line(
            1,
            format!(
                "{p} holds no seat of {body} itself: 0 of {} = 0.0%.",
                e.seats
            ),
        );
    } else {
        b.line(
            1,
            format!(
                "{} = {} of {} = {}",
                held.join(" + "),
                seats(e.direct_seats),
                e.seats,
                pct(e.direct)
            ),
        );
    }
    if e.picked > 0 && (f64::from(e.picked) - e.direct_seats).abs() > 1e-9 {
        b.line(
            1,
            format!(
                "{p} picks the candidate for {} of {} seats, but that is not {}/{} = {}: a pick another actor must approve or can shape is shared with it:",
                e.picked,
                e.seats,
                e.picked,
                e.seats,
                pct(f64::from(e.picked) / total)
            ),
        );
        for c in &e.channels {
            let proposes = c
                .steps
                .iter()
                .any(|s| s.actor == e.principal && s.position == Some(Position::Propose));
            if proposes && c.principal_seats + 1e-9 < f64::from(c.seats) {
                let others: Vec<String> = c
                    .steps
                    .iter()
                    .filter(|s| s.actor != e.principal && s.seats > 0.0)
                    .map(|s| {
                        let how = match s.position {
                            Some(Position::Ratify | Position::RatifyUnderThreat) => "approval",
                            Some(Position::Recommend) => "recommendation",
                            Some(Position::RemoveAtWill) => "removal at will",
                            _ => "part",
                        };
                        format!("{}'s {how} takes {}", the(&s.actor), seats(s.seats))
                    })
                    .collect();
                b.line(2, format!("{}: {}", label(c), others.join("; ")));
            }
        }
        let elsewhere: Vec<String> =
            e.channels
                .iter()
                .filter(|c| {
                    c.principal_seats > 0.0
                        && !c.steps.iter().any(|s| {
                            s.actor == e.principal && s.position == Some(Position::Propose)
                        })
                })
                .map(|c| format!("{} in {}", seats(c.principal_seats), label(c)))
                .collect();
        if !elsewhere.is_empty() {
            b.line(
                2,
                format!(
                    "and it holds seats it does not pick: {}",
                    elsewhere.join(", ")
                ),
            );
        }
    }

    b.section("3. THROUGH THE ACTORS THAT FILL THE OTHER SEATS");
    b.line(
        1,
        format!(
            "Each actor's seats count for {p} as far as {p} controls that actor, followed until a principal (codebook R16):"
        ),
    );
    if e.paths.is_empty() {
        b.line(2, "no other actor holds seats");
    }
    for x in &e.paths {
        let hold = if x.is_principal {
            format!("{} (a principal: the walk stops there)", pct(0.0))
        } else {
            pct(x.control_of_via)
        };
        b.line(
            2,
            format!(
                "{}: {} of {} seats = {} × {p}'s control of it {hold} = {}",
                name(&x.via),
                seats(x.seats),
                e.seats,
                pct(x.share),
                pct(x.contribution)
            ),
        );
    }

    b.section("4. THE SUM");
    let mut terms = vec![pct(e.direct)];
    terms.extend(shown.iter().map(|x| pct(x.contribution)));
    b.line(
        1,
        format!("{} = {} (codebook R16)", terms.join(" + "), pct(e.share)),
    );
    if !e.others.is_empty() {
        let rest: Vec<String> = e
            .others
            .iter()
            .map(|(o, v)| format!("{} {}", name(o), pct(*v)))
            .collect();
        b.line(1, format!("the rest: {}; together 100%", rest.join(", ")));
    }

    b.section("5. VETO POINTS");
    if e.vetoes.is_empty() {
        b.line(
            1,
            format!("no actor's approval is needed for a seat of {body}"),
        );
    }
    for v in &e.vetoes {
        let rule = v
            .vote
            .as_deref()
            .map(|r| format!("{r}; "))
            .unwrap_or_default();
        let discount = if v.discounted_by.is_empty() {
            "not discounted: a free veto of a simple majority or a single official".to_string()
        } else {
            let mut why = Vec::new();
            if v.discounted_by.contains(&"R8") {
                why.push(format!(
                    "its voting rule makes it weaker than a simple majority's (strength {}, R8)",
                    seats(v.veto_strength)
                ));
            }
            if v.discounted_by.contains(&"R13") {
                why.push(format!(
                    "the proposer may dissolve it for refusing{} (R13)",
                    v.threat_source
                        .as_deref()
                        .map(|s| format!(", {s}"))
                        .unwrap_or_default()
                ));
            }
            format!("discounted: {}", why.join("; "))
        };
        let chan = e
            .channels
            .iter()
            .find(|c| c.id == v.channel)
            .map_or(v.channel.as_str(), label);
        b.line(
            1,
            format!(
                "{} on {chan} ({} {}): {rule}strength {}; {discount}",
                name(&v.actor),
                v.seats,
                seat_word(f64::from(v.seats)),
                seats(v.veto_strength)
            ),
        );
    }

    if let Some(r) = &e.range {
        b.section("6. THE RANGE (codebook R18, R19)");
        b.line(
            1,
            format!(
                "{}–{}{}",
                pct(r.lo).trim_end_matches('%'),
                pct(r.hi),
                range_basis.map(|s| format!(", {s}")).unwrap_or_default()
            ),
        );
        if r.drivers.is_empty() {
            b.line(
                1,
                "no single contested coding, threat option or band end moves it",
            );
        }
        for d in &r.drivers {
            match &d.reading {
                Some((target, argument, source)) => {
                    b.line(
                        2,
                        format!(
                            "{} → {}: the contested coding of {target} ({source})",
                            d.choice,
                            pct(d.value)
                        ),
                    );
                    if !argument.is_empty() {
                        b.line(3, argument.clone());
                    }
                }
                None => b.line(2, format!("{} → {}", d.choice, pct(d.value))),
            }
        }
    }

    Doc {
        question,
        answer,
        basis,
        sections: b.sections,
    }
}

/// The explanation as plain text for a terminal.
pub fn text(doc: &Doc) -> String {
    let mut out = format!("{}\n{}\n{}\n", doc.question, doc.answer, doc.basis);
    for s in &doc.sections {
        out.push_str(&format!("\n{}\n", s.title));
        for l in &s.lines {
            out.push_str(&"  ".repeat(l.indent));
            out.push_str(&l.text);
            out.push('\n');
        }
    }
    out
}

/// The explanation as GitHub-flavoured Markdown.
pub fn md(doc: &Doc) -> String {
    use crate::output::escape::markdown;
    let mut out = format!(
        "## {}\n\n**{}**\n\n{}\n",
        markdown(&doc.question),
        markdown(&doc.answer),
        markdown(&doc.basis)
    );
    for s in &doc.sections {
        out.push_str(&format!("\n### {}\n\n", markdown(&s.title)));
        let mut in_list = false;
        for l in &s.lines {
            if l.indent <= 1 {
                if in_list {
                    out.push('\n');
                }
                out.push_str(&format!("{}\n\n", markdown(&l.text)));
                in_list = false;
            } else {
                in_list = true;
                out.push_str(&"  ".repeat(l.indent - 2));
                out.push_str(&format!("- {}\n", markdown(&l.text)));
            }
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

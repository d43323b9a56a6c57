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
use crate::model::i18n::{plural_form, tr, word};
use crate::model::{Dataset, Lang, StepRole};
use crate::output::fmt::{pct, seats, weights};
use crate::output::ranges::choice_in;
use crate::t;

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

/// `seat` or `seats` after the number `n`, in `lang` (`место`, `места`, `мест`).
fn seat_word(lang: Lang, n: f64) -> &'static str {
    let forms: &[&'static str] = match lang {
        Lang::En => &["seat", "seats"],
        Lang::Ru => &["место", "места", "мест"],
        Lang::Kk => &["орын"],
    };
    forms[plural_form(lang, n, forms)]
}

/// A voting rule as the model words it (`a majority of the members to approve, then …`),
/// in `lang`: each round's English form is one of a closed few (`model::vote`).
pub fn vote_in(lang: Lang, v: &str) -> String {
    if lang == Lang::En {
        return v.to_string();
    }
    let round = |r: &str| -> String {
        let bases = [
            (" of the members", "members"),
            (" of the votes cast", "cast"),
            (" of those present", "present"),
        ];
        for (of, base) in bases {
            let Some(at) = r.find(of) else { continue };
            let (q, rest) = (&r[..at], &r[at + of.len()..]);
            let base = word(lang, "vote.of", base);
            return match (q, rest) {
                ("a majority", " to approve") => t!(lang, "a majority {of} to approve", of = base),
                ("a plurality", "") => t!(lang, "a plurality {of}", of = base),
                (q, " to approve") => t!(lang, "{q} {of} to approve", q = q, of = base),
                (q, " to block") => t!(lang, "{q} {of} to block", q = q, of = base),
                _ => r.to_string(),
            };
        }
        r.to_string()
    };
    v.split(", then ")
        .map(round)
        .collect::<Vec<_>>()
        .join(tr(lang, ", then "))
}

fn label<'a>(dataset: &'a Dataset, lang: Lang, c: &'a ChannelPart) -> &'a str {
    if c.label.is_empty() {
        &c.id
    } else {
        dataset.prose(lang, &c.label)
    }
}

/// `weight consent 1 × veto strength 0.8 = 0.8`, and what the step does.
fn step_words(lang: Lang, s: &StepPart) -> String {
    match (s.role, s.position) {
        (None, _) => t!(
            lang,
            "can remove the holders at will: takes {x} of each seat first (weight at_will_removal)",
            x = seats(s.base_weight.clamp(0.0, 1.0))
        ),
        (Some(role), None) => t!(
            lang,
            "{role}s on its own nomination: adds nothing to its pick",
            role = word(lang, "role", role.as_str())
        ),
        (Some(role), Some(p)) => {
            let what = match p {
                Position::Propose => "{role} · picks the candidate",
                Position::Recommend => "{role} · advises",
                Position::Ratify if role == StepRole::Shortlist => {
                    "{role} · its list binds the pick"
                }
                Position::Ratify => "{role} · must approve the pick",
                Position::RatifyUnderThreat => "{role} · must approve, under threat of dissolution",
                Position::RemoveAtWill => "{role} · removes at will",
            };
            let what = t!(lang, what, role = word(lang, "role", role.as_str()));
            let weight = if p.is_veto() {
                t!(
                    lang,
                    "weight {name} {base} × veto strength {strength} = {weight}",
                    name = word(lang, "weight", p.weight_name()),
                    base = seats(s.base_weight),
                    strength = seats(s.veto_strength),
                    weight = seats(s.weight)
                )
            } else {
                t!(
                    lang,
                    "weight {name} {weight}",
                    name = word(lang, "weight", p.weight_name()),
                    weight = seats(s.weight)
                )
            };
            format!("{what} · {weight}")
        }
    }
}

/// Words the explanation of `e` in `dataset`'s names. `range_basis` says what the range ran
/// over (`exact over 9 combinations; band consent 0.5–2`), when there is one.
pub fn doc(dataset: &Dataset, e: &Explanation, lang: Lang, range_basis: Option<&str>) -> Doc {
    let name = |id: &str| dataset.name(id, lang).to_string();
    // English puts `the` before a name; the other languages' templates place the bare name.
    let p = name(&e.principal);
    let body = name(&e.body);
    let question = t!(
        lang,
        "How much of the {body} does the {principal} control?",
        body = body,
        principal = p
    );
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
        let mut terms = vec![t!(lang, "{share} directly", share = pct(e.direct))];
        terms.extend(shown.iter().map(|x| {
            t!(
                lang,
                "{share} through the {via}",
                share = pct(x.contribution),
                via = name(&x.via)
            )
        }));
        answer.push_str(&format!(" = {}", terms.join(" + ")));
    }
    let basis = format!(
        "{}{}",
        t!(
            lang,
            "{id} · weights: {weights}",
            id = dataset.meta.id,
            weights = weights(&e.weights)
        ),
        if e.at_will_threat {
            tr(lang, " · at-will threat on")
        } else {
            ""
        }
    );
    let mut b = Builder {
        sections: Vec::new(),
    };

    if e.root {
        b.section(tr(lang, "NOBODY FILLS IT"));
        b.line(
            1,
            if e.body == e.principal {
                t!(
                    lang,
                    "No other body fills the {body}: it answers only to itself, 100% (codebook R16).",
                    body = body
                )
            } else {
                t!(
                    lang,
                    "No other body fills the {body}: it is a principal of its own, and the {principal} controls none of it (codebook R16).",
                    body = body,
                    principal = p
                )
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
    b.section(&t!(
        lang,
        "1. THE SEATS, CHANNEL BY CHANNEL ({count}{nominal})",
        count = format!("{} {}", e.seats, seat_word(lang, total)),
        nominal = if e.seats_nominal {
            tr(lang, ", a nominal unit: the law fixes no number")
        } else {
            ""
        }
    ));
    b.line(
        1,
        tr(
            lang,
            "Each channel's seats are split among its actors in proportion to their weights (codebook R15); a veto's weight is multiplied by its strength (R8), a consent given under threat of dissolution weighs consent_under_threat (R13).",
        ),
    );
    for c in &e.channels {
        let n = f64::from(c.seats);
        b.line(
            1,
            format!(
                "{}: {} {} ({}){}",
                label(dataset, lang, c),
                c.seats,
                seat_word(lang, n),
                c.source,
                if c.imperative {
                    tr(lang, "; imperative mandate (R14)")
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
                    step_words(lang, s),
                    seats(s.seats),
                    seat_word(lang, s.seats),
                    s.rules.join(", ")
                ),
            );
            if let Some(v) = &s.vote {
                b.line(3, t!(lang, "voting rule: {rule}", rule = vote_in(lang, v)));
            }
            if let Some(src) = &s.edge_source {
                let what = if s.role.is_none() {
                    "removal: {source}"
                } else {
                    "the threat of dissolution: {source}"
                };
                b.line(3, t!(lang, what, source = src));
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
                t!(
                    lang,
                    " of the {n} left after removal",
                    n = seats(n * (1.0 - c.removal))
                )
            } else {
                String::new()
            };
            b.line(
                2,
                t!(
                    lang,
                    "split {weights} (sum {sum}){removal}: the {principal} holds {held} of {seats}",
                    weights = weighted.join(" : "),
                    sum = seats(c.weight_total),
                    removal = removal,
                    principal = p,
                    held = seats(c.principal_seats),
                    seats = c.seats
                ),
            );
        } else {
            b.line(
                2,
                t!(
                    lang,
                    "the {principal} holds {held} of {seats}",
                    principal = p,
                    held = seats(c.principal_seats),
                    seats = c.seats
                ),
            );
        }
    }

    b.section(&match lang {
        Lang::En => format!("2. THE DIRECT SHARE OF THE {}", p.to_uppercase()),
        _ => t!(
            lang,
            "2. THE DIRECT SHARE OF THE {principal}",
            principal = p
        ),
    });
    let held: Vec<String> = e
        .channels
        .iter()
        .filter(|c| c.principal_seats > 0.0)
        .map(|c| format!("{} ({})", seats(c.principal_seats), label(dataset, lang, c)))
        .collect();
    if held.is_empty() {
        b.line(
            1,
            t!(
                lang,
                "the {principal} holds no seat of the {body} itself: 0 of {seats} = 0.0%.",
                principal = p,
                body = body,
                seats = e.seats
            ),
        );
    } else {
        b.line(
            1,
            t!(
                lang,
                "{held} = {sum} of {seats} = {share}",
                held = held.join(" + "),
                sum = seats(e.direct_seats),
                seats = e.seats,
                share = pct(e.direct)
            ),
        );
    }
    if e.picked > 0 && (f64::from(e.picked) - e.direct_seats).abs() > 1e-9 {
        b.line(
            1,
            t!(
                lang,
                "the {principal} picks the candidate for {picked} of {seats} seats, but that is not {picked}/{seats} = {share}: a pick another actor must approve or can shape is shared with it:",
                principal = p,
                picked = e.picked,
                seats = e.seats,
                share = pct(f64::from(e.picked) / total)
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
                            Some(Position::Ratify | Position::RatifyUnderThreat) => {
                                "the {actor}'s approval takes {seats}"
                            }
                            Some(Position::Recommend) => {
                                "the {actor}'s recommendation takes {seats}"
                            }
                            Some(Position::RemoveAtWill) => {
                                "the {actor}'s removal at will takes {seats}"
                            }
                            _ => "the {actor}'s part takes {seats}",
                        };
                        t!(lang, how, actor = name(&s.actor), seats = seats(s.seats))
                    })
                    .collect();
                b.line(
                    2,
                    format!("{}: {}", label(dataset, lang, c), others.join("; ")),
                );
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
                .map(|c| {
                    t!(
                        lang,
                        "{seats} in {channel}",
                        seats = seats(c.principal_seats),
                        channel = label(dataset, lang, c)
                    )
                })
                .collect();
        if !elsewhere.is_empty() {
            b.line(
                2,
                t!(
                    lang,
                    "and it holds seats it does not pick: {list}",
                    list = elsewhere.join(", ")
                ),
            );
        }
    }

    b.section(tr(lang, "3. THROUGH THE ACTORS THAT FILL THE OTHER SEATS"));
    b.line(
        1,
        t!(
            lang,
            "Each actor's seats count for the {principal} as far as the {principal} controls that actor, followed until a principal (codebook R16):",
            principal = p
        ),
    );
    if e.paths.is_empty() {
        b.line(2, tr(lang, "no other actor holds seats"));
    }
    for x in &e.paths {
        let hold = if x.is_principal {
            t!(
                lang,
                "{share} (a principal: the walk stops there)",
                share = pct(0.0)
            )
        } else {
            pct(x.control_of_via)
        };
        b.line(
            2,
            t!(
                lang,
                "{via}: {held} of {seats} seats = {share} × the {principal}'s control of it {hold} = {contribution}",
                via = name(&x.via),
                held = seats(x.seats),
                seats = e.seats,
                share = pct(x.share),
                principal = p,
                hold = hold,
                contribution = pct(x.contribution)
            ),
        );
    }

    b.section(tr(lang, "4. THE SUM"));
    let mut terms = vec![pct(e.direct)];
    terms.extend(shown.iter().map(|x| pct(x.contribution)));
    b.line(
        1,
        t!(
            lang,
            "{terms} = {share} (codebook R16)",
            terms = terms.join(" + "),
            share = pct(e.share)
        ),
    );
    if !e.others.is_empty() {
        let rest: Vec<String> = e
            .others
            .iter()
            .map(|(o, v)| format!("{} {}", name(o), pct(*v)))
            .collect();
        b.line(
            1,
            t!(
                lang,
                "the rest: {list}; together 100%",
                list = rest.join(", ")
            ),
        );
    }

    b.section(tr(lang, "5. VETO POINTS"));
    if e.vetoes.is_empty() {
        b.line(
            1,
            t!(
                lang,
                "no actor's approval is needed for a seat of the {body}",
                body = body
            ),
        );
    }
    for v in &e.vetoes {
        let rule = v
            .vote
            .as_deref()
            .map(|r| format!("{}; ", vote_in(lang, r)))
            .unwrap_or_default();
        let discount = if v.discounted_by.is_empty() {
            tr(
                lang,
                "not discounted: a free veto of a simple majority or a single official",
            )
            .to_string()
        } else {
            let mut why = Vec::new();
            if v.discounted_by.contains(&"R8") {
                why.push(t!(
                    lang,
                    "its voting rule makes it weaker than a simple majority's (strength {strength}, R8)",
                    strength = seats(v.veto_strength)
                ));
            }
            if v.discounted_by.contains(&"R13") {
                why.push(t!(
                    lang,
                    "the proposer may dissolve it for refusing{source} (R13)",
                    source = v
                        .threat_source
                        .as_deref()
                        .map(|s| format!(", {s}"))
                        .unwrap_or_default()
                ));
            }
            t!(lang, "discounted: {why}", why = why.join("; "))
        };
        let chan = e
            .channels
            .iter()
            .find(|c| c.id == v.channel)
            .map_or(v.channel.as_str(), |c| label(dataset, lang, c));
        b.line(
            1,
            t!(
                lang,
                "{actor} on {channel} ({seats}): {rule}strength {strength}; {discount}",
                actor = name(&v.actor),
                channel = chan,
                seats = format!("{} {}", v.seats, seat_word(lang, f64::from(v.seats))),
                rule = rule,
                strength = seats(v.veto_strength),
                discount = discount
            ),
        );
    }

    if let Some(r) = &e.range {
        b.section(tr(lang, "6. THE RANGE (codebook R18, R19)"));
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
                tr(
                    lang,
                    "no single contested coding, threat option or band end moves it",
                ),
            );
        }
        for d in &r.drivers {
            match &d.reading {
                Some((target, argument, source)) => {
                    b.line(
                        2,
                        t!(
                            lang,
                            "{choice} → {share}: the contested coding of {target} ({source})",
                            choice = choice_in(lang, &d.choice, &d.kind),
                            share = pct(d.value),
                            target = target,
                            source = source
                        ),
                    );
                    if !argument.is_empty() {
                        b.line(3, dataset.prose(lang, argument).to_string());
                    }
                }
                None => b.line(
                    2,
                    format!("{} → {}", choice_in(lang, &d.choice, &d.kind), pct(d.value)),
                ),
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

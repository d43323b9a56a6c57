//! The diff as a figure (`bilik diff --reform … --format svg|png|pdf`): what reforms change,
//! before and after.
//!
//! ```text
//!   title: the reforms and the dataset
//!   A  the headline's share, before and after, as stacked bars (directly, through each body)
//!   B  every body whose control moved: per principal an arrow from the old share to the new
//!   C  the appointment steps and powers added (+) and removed (−), as a marked list
//! ```
//!
//! Print-sized through [`chart`]: 160 mm wide, no text under 7 pt. Principals keep one
//! colour across the figure (Okabe–Ito) and are named beside every arrow, so the figure
//! reads in greyscale too.

use std::collections::BTreeSet;

use super::DiffView;
use crate::analysis::Headline;
use crate::model::i18n::tr;
use crate::model::{Dataset, Lang};
use crate::output::chart;
use crate::output::chart::{
    Anchor, BLUE, GREEN, GREY, INK, SKY, Svg, VERMILION, WIDTH, text_width, wrap,
};
use crate::output::escape::xml;
use crate::output::fmt::pct;
use crate::t;

pub(super) const MARGIN: f64 = 14.0;
pub(super) const SMALL: f64 = 7.0;
pub(super) const LABEL: f64 = 7.5;
/// Shares that moved less than this are left out of B (half a percentage point).
pub(super) const MOVED: f64 = 0.005;
/// The principals' colours, in the order principals first appear (Okabe–Ito without the
/// yellow, too pale on white).
const PALETTE: [&str; 7] = [BLUE, VERMILION, GREEN, "#CC79A7", "#E69F00", SKY, "#000000"];

pub fn render(v: &DiffView) -> String {
    let mut svg = Svg::new();
    let ids: Vec<&str> = v.presets.iter().map(|p| p.id.as_str()).collect();
    let title = t!(
        v.lang,
        "What {reforms} change in {dataset}",
        reforms = if ids.is_empty() {
            tr(v.lang, "the reforms").to_string()
        } else {
            ids.join(" + ")
        },
        dataset = v.baseline.meta.id
    );
    let full = WIDTH - 2.0 * MARGIN;
    let mut y = chart::bold_lines(&mut svg, MARGIN, MARGIN, 10.5, 10.0, &title);
    let presets: Vec<String> = v
        .presets
        .iter()
        .map(|p| format!("{}: {}", p.id, p.title(v.lang)))
        .collect();
    let sub = format!(
        "{}. {}",
        presets.join("; "),
        v.baseline.prose(v.lang, &v.baseline.meta.title)
    );
    for line in wrap(&sub, 8.0, full) {
        y += 10.0;
        svg.text(
            MARGIN,
            y,
            8.0,
            Anchor::Start,
            &format!(r#"fill="{GREY}""#),
            &line,
        );
    }
    y += 6.0;
    let colours = principal_colours(v);
    if let Some(h) = v.delta.headline.1.as_ref().or(v.delta.headline.0.as_ref()) {
        y = headline(&mut svg, y, v, h);
    }
    y = super::moved::moved(&mut svg, y, v, &colours);
    y = edges(&mut svg, y, v);
    svg.finish(y + MARGIN - 4.0, &title)
}

pub(super) fn section(svg: &mut Svg, y: f64, heading: &str) -> f64 {
    chart::section(svg, y, MARGIN, heading)
}

/// A: the headline as two stacked bars.
fn headline(svg: &mut Svg, y: f64, v: &DiffView, h: &Headline) -> f64 {
    let q = t!(
        v.lang,
        "A. How much of the {body} does the {principal} control?",
        body = v.name(&h.body),
        principal = v.name(&h.principal)
    );
    let mut y = section(svg, y, &q);
    let (before, after) = (v.delta.headline.0.as_ref(), v.delta.headline.1.as_ref());
    // The parts, each keyed so that one intermediary keeps its colour in both bars.
    let mut keys: Vec<String> = vec![String::new()];
    for h in [before, after].into_iter().flatten() {
        for (k, _) in &h.through {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
    }
    let part_colours = [BLUE, SKY, "#E69F00", GREEN, "#CC79A7", VERMILION, "#000000"];
    let colour = |k: &str| {
        let i = keys.iter().position(|x| x == k).unwrap_or(0);
        part_colours[i % part_colours.len()]
    };
    let label_w = 34.0;
    let x0 = MARGIN + label_w;
    let x1 = WIDTH - MARGIN - 40.0;
    let x = |s: f64| x0 + s.clamp(0.0, 1.0) * (x1 - x0);
    let bar = 11.0;
    let top = y + 2.0;
    for (row, (when, h)) in [("before", before), ("after", after)]
        .into_iter()
        .enumerate()
    {
        let by = top + row as f64 * (bar + 5.0);
        let when = tr(v.lang, when);
        svg.text(MARGIN, by + bar / 2.0 + 2.6, LABEL, Anchor::Start, "", when);
        let Some(h) = h else {
            svg.text(
                x0 + 2.0,
                by + bar / 2.0 + 2.6,
                SMALL,
                Anchor::Start,
                &format!(r#"fill="{GREY}""#),
                tr(v.lang, "no such body or principal"),
            );
            continue;
        };
        let mut at = 0.0;
        let parts = std::iter::once((String::new(), h.direct)).chain(h.through.iter().cloned());
        for (k, share) in parts {
            if share <= 0.0 {
                continue;
            }
            let (a, b) = (x(at), x(at + share));
            let name = part_name(v, &k);
            svg.raw(&format!(
                r##"<rect x="{a:.1}" y="{by:.1}" width="{:.1}" height="{bar}" fill="{}" stroke="#ffffff" stroke-width="0.6"><title>{}</title></rect>"##,
                b - a,
                colour(&k),
                xml(&format!("{when}: {} {name}", pct(share)))
            ));
            let label = pct(share);
            if text_width(&label, SMALL) + 3.0 < b - a {
                let ink = if colour(&k) == BLUE || colour(&k) == "#000000" {
                    "#ffffff"
                } else {
                    INK
                };
                svg.text(
                    (a + b) / 2.0,
                    by + bar / 2.0 + 2.5,
                    SMALL,
                    Anchor::Middle,
                    &format!(r#"fill="{ink}""#),
                    &label,
                );
            }
            at += share;
        }
        svg.text(
            x(at) + 4.0,
            by + bar / 2.0 + 2.6,
            LABEL,
            Anchor::Start,
            r#"font-weight="bold""#,
            &pct(h.total),
        );
    }
    let bottom = top + 2.0 * bar + 5.0;
    svg.line(
        (x(0.5), top - 2.0),
        (x(0.5), bottom + 2.0),
        &format!(r#"stroke="{GREY}" stroke-width="0.7" stroke-dasharray="2 1.5""#),
    );
    for t in [0.0, 0.5, 1.0] {
        svg.text(
            x(t),
            bottom + 10.0,
            SMALL,
            Anchor::Middle,
            &format!(r#"fill="{GREY}""#),
            &format!("{:.0}%", t * 100.0),
        );
    }
    // The key of the parts, flowing over lines.
    y = bottom + 18.0;
    let mut kx = MARGIN;
    for k in &keys {
        // A name longer than the line wraps under itself.
        let name = wrap(&part_name(v, k), SMALL, WIDTH - 2.0 * MARGIN - 11.0);
        let widest = name
            .iter()
            .map(|l| text_width(l, SMALL))
            .fold(0.0, f64::max);
        let w = 12.0 + widest + 10.0;
        if kx + w > WIDTH - MARGIN && kx > MARGIN {
            kx = MARGIN;
            y += 9.0;
        }
        svg.raw(&format!(
            r#"<rect x="{kx:.1}" y="{:.1}" width="8" height="6" fill="{}"/>"#,
            y - 5.5,
            colour(k)
        ));
        for (i, line) in name.iter().enumerate() {
            svg.text(
                kx + 11.0,
                y + i as f64 * 9.0,
                SMALL,
                Anchor::Start,
                "",
                line,
            );
        }
        if name.len() > 1 {
            y += (name.len() - 1) as f64 * 9.0 + 10.0;
            kx = MARGIN;
        } else {
            kx += w;
        }
    }
    y + 4.0
}

/// A part of the headline's bar: `directly`, or `through the Senate`.
fn part_name(v: &DiffView, k: &str) -> String {
    if k.is_empty() {
        tr(v.lang, "directly").to_string()
    } else {
        t!(v.lang, "through the {body}", body = v.name(k))
    }
}

/// Each principal whose share of some body moved, with its colour, head of state first.
fn principal_colours(v: &DiffView) -> Vec<(String, &'static str)> {
    let mut order: Vec<String> = Vec::new();
    if let Some(h) = v.delta.headline.0.as_ref().or(v.delta.headline.1.as_ref()) {
        order.push(h.principal.clone());
    }
    for b in &v.delta.diff.bodies {
        for p in b.control.keys() {
            if !order.contains(p) {
                order.push(p.clone());
            }
        }
    }
    order
        .into_iter()
        .enumerate()
        .map(|(i, p)| (p, PALETTE[i % PALETTE.len()]))
        .collect()
}

/// Who takes part in filling whom: (actor, step role, body) for every step of every channel.
fn steps(d: &Dataset) -> BTreeSet<(String, String, String)> {
    d.bodies
        .iter()
        .flat_map(|b| {
            b.channels.iter().flat_map(move |c| {
                c.steps
                    .iter()
                    .map(move |s| (s.actor.clone(), s.role.as_str().to_string(), b.id.clone()))
            })
        })
        .collect()
}

/// The powers between bodies: (from, kind, to, channel).
fn powers(d: &Dataset) -> BTreeSet<(String, String, String, Option<String>)> {
    d.edges
        .iter()
        .map(|e| {
            (
                e.from.clone(),
                e.kind.as_str().to_string(),
                e.to.clone(),
                e.channel.clone(),
            )
        })
        .collect()
}

/// A step role or a power as the noun of its act, in English: `appoint` -> "appointment",
/// `dismiss_at_will` -> "dismissal at will". A noun after the actor (`Maslikhats: election`)
/// reads whatever the actor's number, where a verb would need it (`Maslikhats elects`); Russian
/// and Kazakh name the act the same way, from the catalogue.
fn act_noun(id: &str) -> String {
    let noun = match id {
        "recommend" => "recommendation",
        "nominate" => "nomination",
        "appoint" => "appointment",
        "elect" => "election",
        "ex_officio" => "ex officio seat",
        "dismiss_at_will" => "dismissal at will",
        "dismiss_for_cause" => "dismissal for cause",
        "dissolve" => "dissolution",
        "dissolve_on_refusal" => "dissolution after refusals",
        "impeach" => "impeachment",
        "holds_to_account" => "holding to account",
        "no_confidence" => "vote of no confidence",
        "audits" => "audit",
        "investigates" => "investigation",
        "reviews" => "constitutional review",
        "vetoes" => "veto",
        "overrides" => "veto override",
        "directs" => "direction",
        "petitions" => "petition",
        // consent, shortlist, and any later id, read as they are.
        other => return other.replace('_', " "),
    };
    noun.to_string()
}

/// C: the edges of the graph added and removed, as a marked list.
fn edges(svg: &mut Svg, y: f64, v: &DiffView) -> f64 {
    let (sb, sa) = (steps(v.baseline), steps(v.reformed));
    let (pb, pa) = (powers(v.baseline), powers(v.reformed));
    let mut lines: Vec<(bool, String)> = Vec::new();
    let lang = v.lang;
    // In Russian and Kazakh the act is named by its noun after the actor, as the reports'
    // channels are (`Президент: назначение → Сенат`): a verb would need the actor's number.
    let act = |kind: &str, id: &str| -> String {
        if lang == Lang::En {
            act_noun(id)
        } else {
            crate::model::i18n::lookup(lang, &format!("{kind}.{id}"))
                .map_or_else(|| id.to_string(), str::to_string)
        }
    };
    let step = |(a, r, b): &(String, String, String)| {
        format!("{}: {} → {}", v.name(a), act("role", r), v.name(b))
    };
    let power = |(a, k, b, c): &(String, String, String, Option<String>)| {
        let seats = c.as_ref().map_or(String::new(), |c| {
            t!(lang, " (channel {channel})", channel = c)
        });
        format!("{}: {} → {}{seats}", v.name(a), act("kind", k), v.name(b))
    };
    lines.extend(sa.difference(&sb).map(|e| (true, step(e))));
    lines.extend(pa.difference(&pb).map(|e| (true, power(e))));
    lines.extend(sb.difference(&sa).map(|e| (false, step(e))));
    lines.extend(pb.difference(&pa).map(|e| (false, power(e))));
    if lines.is_empty() {
        return y;
    }
    let mut y = section(
        svg,
        y,
        tr(
            lang,
            "C. Edges added (+) and removed (−): roles in filling a body, and powers",
        ),
    );
    let col = (WIDTH - 2.0 * MARGIN - 10.0) / 2.0;
    // One list, the additions first, flowing down two columns of about equal length.
    let items: Vec<(bool, Vec<String>)> = lines
        .into_iter()
        .map(|(add, text)| (add, wrap(&text, SMALL, col - 12.0)))
        .collect();
    let heights: Vec<f64> = items.iter().map(|(_, l)| l.len() as f64).collect();
    let at = super::moved::split(&heights);
    let top = y;
    let mut bottom = y;
    let mut items = items.into_iter();
    let parts: Vec<Vec<(bool, Vec<String>)>> =
        vec![items.by_ref().take(at).collect(), items.collect()];
    for (k, list) in parts.into_iter().enumerate() {
        let x = MARGIN + k as f64 * (col + 10.0);
        let mut ly = top;
        for (add, text) in list {
            let (mark, colour) = if add {
                ("+", GREEN)
            } else {
                ("−", VERMILION)
            };
            for (i, line) in text.iter().enumerate() {
                ly += 8.4;
                if i == 0 {
                    svg.text(
                        x,
                        ly,
                        LABEL,
                        Anchor::Start,
                        &format!(r#"font-weight="bold" fill="{colour}""#),
                        mark,
                    );
                }
                svg.text(x + 10.0, ly, SMALL, Anchor::Start, "", line);
            }
        }
        bottom = f64::max(bottom, ly);
    }
    y = bottom + 4.0;
    y
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::reform;

    pub fn p5_p10() -> String {
        let base = crate::data::default_dataset();
        let set = reform::embedded(&base.meta.id);
        let active = set.order(&["P5".into(), "P10".into()]).unwrap();
        let after = reform::apply(&base, &set, &active).unwrap();
        let o = crate::analysis::Options::of(&base);
        let delta = reform::delta(&base, &after, &o, None).unwrap();
        let presets: Vec<&reform::Preset> = active.iter().filter_map(|id| set.get(id)).collect();
        render(&DiffView {
            baseline: &base,
            reformed: &after,
            presets: &presets,
            delta: &delta,
            lang: Lang::En,
            ranges: None,
        })
    }

    #[test]
    fn roles_and_powers_read_as_nouns() {
        assert_eq!(act_noun("appoint"), "appointment");
        assert_eq!(act_noun("consent"), "consent");
        assert_eq!(act_noun("dismiss_at_will"), "dismissal at will");
        assert_eq!(act_noun("ex_officio"), "ex officio seat");
        assert_eq!(act_noun("some_new_kind"), "some new kind");
    }

    #[test]
    fn p5_p10_names_the_bodies_that_moved_and_the_edges() {
        let svg = p5_p10();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let text: String = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            // A long name wraps over lines: read the words as one text.
            .join(" ");
        for want in [
            "What P5 + P10 change in kz-2022",
            "Constitutional Court",
            "Central Election Commission",
            "Senate",
            "52.7% → 12.5%",
            "through the Chair of the Senate",
            "Electorate: election → Senate",
            "Maslikhats (local councils): election → Senate",
            "President: dismissal at will → Senate",
        ] {
            assert!(text.contains(want), "{want} missing from\n{text}");
        }
        // Every arrow starts at its old value's ring.
        let arrows = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("move"))
            .count();
        assert!(arrows >= 15, "{arrows} arrows");
    }
}

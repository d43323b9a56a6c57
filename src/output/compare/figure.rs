//! The comparison as a figure (`bilik compare --format svg|png|pdf`): a dot plot, one row per
//! dataset, of the headline indicators side by side (A) and of the head of state's hold on
//! each independent role (B), each dot with the range of its figure as a bar.
//!
//! ```text
//!   title, what the dots and bars are
//!   A  concentration      integrated control   seats he picks
//!   kz-2022  ──●───  0.689  ───●──  61%         ──●  71%
//!   B  constitutional review  supreme court  lower courts   (three panels a row)
//!   key: the symbols, then each dataset id with its title and head of state
//! ```
//!
//! Print-sized through [`chart`]: 160 mm wide, no text under 7 pt, one hue (the figures carry
//! no colour code), so it reads in greyscale and for every colour blindness.

use crate::analysis::range::{self, Band, Ranged, Space};
use crate::comparative::{Comparison, INDEPENDENT_ROLES, Indicators};
use crate::model::Lang;
use crate::model::i18n::tr;
use crate::model::phrase::capitalised;
use crate::output::chart;
use crate::output::chart::{
    Anchor, BLUE, GREY, INK, RULE, SKY, Svg, WIDTH, text_width, whole_pct, wrap,
};
use crate::output::compare::{figure as three, role_words_in, scalar_range};
use crate::t;

const MARGIN: f64 = 14.0;
const GAP: f64 = 12.0;
const COLUMNS: usize = 3;
const LABEL: f64 = 7.5;
const HEADING: f64 = 8.0;
const SMALL: f64 = 7.0;
/// Room right of each axis for the value.
const VALUE: f64 = 30.0;
/// Bold text runs wider than [`text_width`] estimates for the regular face.
const BOLD: f64 = 1.12;

/// The ranges the figure draws: for each entry, the indicator scalars
/// ([`Indicators::SCALARS`], so that [`scalar_range`] reads them) followed by the head of
/// state's hold on each of [`INDEPENDENT_ROLES`] (NaN where the dataset has no such body).
/// One enumeration per entry; `None` where it is not exact, as for the tables.
pub fn ranges(c: &Comparison, band: &Band) -> Vec<Option<Ranged>> {
    c.entries
        .iter()
        .map(|e| {
            let space = Space::of(&e.dataset, band);
            if !space.is_exact() {
                return None;
            }
            let lean = crate::analysis::analyze_without_flags;
            range::enumerate_with(&e.dataset, &e.analysis.options, &space, lean, |ds, a| {
                let width = Indicators::SCALARS.len() + INDEPENDENT_ROLES.len();
                match crate::comparative::indicators::measure(ds, a) {
                    Ok((i, _)) => {
                        let mut v: Vec<f64> = i.scalars().into_iter().map(|(_, v)| v).collect();
                        v.extend(
                            INDEPENDENT_ROLES
                                .iter()
                                .map(|r| i.class(*r).map_or(f64::NAN, |c| c.held)),
                        );
                        v
                    }
                    Err(_) => vec![f64::NAN; width],
                }
            })
            .ok()
        })
        .collect()
}

/// The range of the hold on role number `k` of [`INDEPENDENT_ROLES`] in entry `i`.
fn role_range(ranges: &[Option<Ranged>], i: usize, k: usize) -> Option<(f64, f64)> {
    let r = ranges.get(i)?.as_ref()?;
    let at = Indicators::SCALARS.len() + k;
    let (lo, hi) = (*r.lo.get(at)?, *r.hi.get(at)?);
    (lo.is_finite() && hi.is_finite()).then_some((lo, hi))
}

/// How a panel writes its figures.
#[derive(Clone, Copy)]
enum Scale {
    /// An index in [0, 1], written with three decimals.
    Index,
    /// A share, written as a percentage.
    Share,
}

impl Scale {
    fn value(self, x: f64) -> String {
        match self {
            Scale::Index => three(x),
            Scale::Share => whole_pct(x),
        }
    }

    fn tick(self, x: f64) -> String {
        match (self, x) {
            (_, 0.0) => "0".into(),
            (Scale::Index, _) => format!("{x}"),
            (Scale::Share, _) => whole_pct(x),
        }
    }
}

/// A dataset's value in a panel (none: the dataset has no such body) and its range.
type Dot = (Option<f64>, Option<(f64, f64)>);

/// One panel: a heading and a dot per dataset.
struct Panel {
    heading: String,
    scale: Scale,
    dots: Vec<Dot>,
}

pub fn render(c: &Comparison, lang: Lang, ranges: &[Option<Ranged>], band: &Band) -> String {
    let ids: Vec<&str> = c.entries.iter().map(|e| e.id()).collect();
    let n = ids.len();
    let label_w = ids.iter().map(|s| text_width(s, LABEL)).fold(0.0, f64::max) + 6.0;
    let col_w = (WIDTH - 2.0 * MARGIN - label_w - (COLUMNS as f64 - 1.0) * GAP) / COLUMNS as f64;
    let row_h = if n > 8 { 8.2 } else { 9.0 };
    let mut svg = Svg::new();
    let title = tr(
        lang,
        "The head of state's hold on the bodies meant to be independent",
    );
    // A title longer than the line (as in Russian) wraps rather than runs off the page.
    let mut y = chart::bold_lines(&mut svg, MARGIN, MARGIN, 10.5, 10.0, title);
    y += 4.0;
    let note = t!(
        lang,
        "Dot: the value under the weights in force ({weights}). Bar: its range over each \
         dataset's contested codings, the at-will threat option and the band {band} (every \
         combination analysed; no bar where the value does not move or the combinations are \
         too many). Dashed line: one half.",
        weights = weights_in_force(c),
        band = band.label()
    );
    for line in wrap(&note, SMALL, WIDTH - 2.0 * MARGIN) {
        y += 9.0;
        svg.text(
            MARGIN,
            y,
            SMALL,
            Anchor::Start,
            &format!(r#"fill="{GREY}""#),
            &line,
        );
    }
    y += 8.0;

    let point = |i: usize, name: &str| -> Dot {
        let e = &c.entries[i];
        let v = e
            .indicators
            .scalars()
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v);
        (v, scalar_range(ranges, i, name))
    };
    let indicators = [
        (
            "Concentration index, 0–1",
            "head_of_state_concentration",
            Scale::Index,
        ),
        (
            "Integrated control, mean",
            "integrated_control",
            Scale::Share,
        ),
        ("Seats he picks, mean", "picked_share", Scale::Share),
    ];
    let panels_a: Vec<Panel> = indicators
        .iter()
        .map(|(heading, name, scale)| Panel {
            heading: tr(lang, heading).to_string(),
            scale: *scale,
            dots: (0..n).map(|i| point(i, name)).collect(),
        })
        .collect();
    y = section(
        &mut svg,
        y,
        tr(
            lang,
            "A. The indicators, as means over the independent roles",
        ),
    );
    let geometry = Geometry {
        label_w,
        col_w,
        row_h,
        lang,
    };
    y = panel_row(&mut svg, y, &ids, &panels_a, &geometry);

    let panels_b: Vec<Panel> = INDEPENDENT_ROLES
        .iter()
        .enumerate()
        .filter(|(_, role)| {
            c.entries
                .iter()
                .any(|e| e.indicators.class(**role).is_some())
        })
        .map(|(k, role)| {
            let heading = capitalised(&role_words_in(lang, *role));
            Panel {
                heading,
                scale: Scale::Share,
                dots: c
                    .entries
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        let v = e.indicators.class(*role).map(|x| x.held);
                        (v, v.and(role_range(ranges, i, k)))
                    })
                    .collect(),
            }
        })
        .collect();
    y = section(
        &mut svg,
        y + 4.0,
        tr(
            lang,
            "B. His hold on each independent role (A's concentration index is their mean)",
        ),
    );
    for row in panels_b.chunks(COLUMNS) {
        y = panel_row(&mut svg, y, &ids, row, &geometry);
    }

    y = key(&mut svg, y + 2.0, c, lang);
    svg.finish(y + MARGIN - 6.0, title)
}

/// The weights the dots are drawn under, bare (the note names them): one list when every
/// dataset shares them, else each dataset's after its id.
fn weights_in_force(c: &Comparison) -> String {
    let label =
        |e: &crate::comparative::Entry| crate::output::fmt::weights(&e.analysis.options.weights);
    let first = c.entries.first().map(label).unwrap_or_default();
    if c.entries.iter().all(|e| label(e) == first) {
        first
    } else {
        c.entries
            .iter()
            .map(|e| format!("{}: {}", e.id(), label(e)))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

struct Geometry {
    label_w: f64,
    col_w: f64,
    row_h: f64,
    lang: Lang,
}

fn section(svg: &mut Svg, y: f64, heading: &str) -> f64 {
    chart::section(svg, y, MARGIN, heading)
}

/// Draws up to [`COLUMNS`] panels side by side below `y`, the dataset ids at the left;
/// returns the y below them.
fn panel_row(svg: &mut Svg, y: f64, ids: &[&str], panels: &[Panel], g: &Geometry) -> f64 {
    let headings: Vec<Vec<String>> = panels
        .iter()
        .map(|p| wrap(&p.heading, HEADING, (g.col_w - 4.0) / BOLD))
        .collect();
    let lines = headings.iter().map(Vec::len).max().unwrap_or(1);
    let mut top = y + 4.0;
    for (k, h) in headings.iter().enumerate() {
        for (l, line) in h.iter().enumerate() {
            let x = MARGIN + g.label_w + k as f64 * (g.col_w + GAP);
            let yy = top + HEADING + l as f64 * (HEADING + 1.5);
            svg.text(x, yy, HEADING, Anchor::Start, r#"font-weight="bold""#, line);
        }
    }
    top += lines as f64 * (HEADING + 1.5) + 4.0;
    let bottom = top + ids.len() as f64 * g.row_h;
    // Zebra rows, so that a row can be followed across the panels.
    for (i, id) in ids.iter().enumerate() {
        let ry = top + i as f64 * g.row_h;
        if i % 2 == 1 {
            svg.raw(&format!(
                r##"<rect x="{MARGIN:.1}" y="{ry:.1}" width="{:.1}" height="{:.1}" fill="#f2f2f2"/>"##,
                WIDTH - 2.0 * MARGIN,
                g.row_h
            ));
        }
        svg.text(
            MARGIN,
            ry + g.row_h / 2.0 + LABEL * 0.35,
            LABEL,
            Anchor::Start,
            "",
            id,
        );
    }
    for (k, p) in panels.iter().enumerate() {
        let x0 = MARGIN + g.label_w + k as f64 * (g.col_w + GAP) + 3.0;
        let x1 = x0 + g.col_w - VALUE - 6.0;
        let x = |v: f64| x0 + v.clamp(0.0, 1.0) * (x1 - x0);
        for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let style = if t == 0.5 {
                format!(r#"stroke="{GREY}" stroke-width="0.6" stroke-dasharray="2 1.5""#)
            } else {
                format!(r#"stroke="{RULE}" stroke-width="0.5""#)
            };
            svg.line((x(t), top), (x(t), bottom), &style);
            if t != 0.25 && t != 0.75 {
                svg.text(
                    x(t),
                    bottom + 8.0,
                    SMALL,
                    Anchor::Middle,
                    &format!(r#"fill="{GREY}""#),
                    &p.scale.tick(t),
                );
            }
        }
        for (i, (value, range)) in p.dots.iter().enumerate() {
            let cy = top + i as f64 * g.row_h + g.row_h / 2.0;
            let ty = cy + SMALL * 0.35;
            let Some(v) = value else {
                svg.text(
                    x0 + 2.0,
                    ty,
                    SMALL,
                    Anchor::Start,
                    &format!(r#"fill="{GREY}""#),
                    tr(g.lang, "none"),
                );
                continue;
            };
            let tip = match range {
                Some((lo, hi)) if p.scale.value(*lo) != p.scale.value(*hi) => format!(
                    "{}: {} ({}–{})",
                    ids[i],
                    p.scale.value(*v),
                    p.scale.value(*lo),
                    p.scale.value(*hi)
                ),
                _ => format!("{}: {}", ids[i], p.scale.value(*v)),
            };
            svg.raw(&format!(
                r#"<g class="point"><title>{}</title>"#,
                crate::output::escape::xml(&tip)
            ));
            if let Some((lo, hi)) = range
                && x(*hi) - x(*lo) > 0.5
            {
                svg.raw(&format!(
                    r#"<line class="range" x1="{:.1}" y1="{cy:.1}" x2="{:.1}" y2="{cy:.1}" stroke="{SKY}" stroke-width="3.2" stroke-linecap="round"/>"#,
                    x(*lo),
                    x(*hi)
                ));
            }
            svg.raw(&format!(
                r#"<circle cx="{:.1}" cy="{cy:.1}" r="2.4" fill="{BLUE}"/></g>"#,
                x(*v)
            ));
            svg.text(
                x0 + g.col_w - 3.0,
                ty,
                SMALL,
                Anchor::End,
                "",
                &p.scale.value(*v),
            );
        }
    }
    bottom + 12.0
}

/// The key: the symbols, then each dataset with its title and head of state.
fn key(svg: &mut Svg, y: f64, c: &Comparison, lang: Lang) -> f64 {
    let mut y = y + 8.0;
    let x = MARGIN;
    svg.raw(&format!(
        r#"<circle cx="{:.1}" cy="{:.1}" r="2.4" fill="{BLUE}"/>"#,
        x + 8.0,
        y - 2.5
    ));
    let figure = tr(lang, "the value");
    svg.text(x + 14.0, y, SMALL, Anchor::Start, "", figure);
    let bx = x + 14.0 + text_width(figure, SMALL) + 12.0;
    svg.raw(&format!(
        r#"<line x1="{bx:.1}" y1="{yy:.1}" x2="{:.1}" y2="{yy:.1}" stroke="{SKY}" stroke-width="3.2" stroke-linecap="round"/>"#,
        bx + 16.0,
        yy = y - 2.5
    ));
    let label = tr(lang, "its range");
    svg.text(bx + 22.0, y, SMALL, Anchor::Start, "", label);
    let dx = bx + 22.0 + text_width(label, SMALL) + 12.0;
    svg.line(
        (dx, y - 2.5),
        (dx + 16.0, y - 2.5),
        &format!(r#"stroke="{GREY}" stroke-width="0.6" stroke-dasharray="2 1.5""#),
    );
    let half = tr(lang, "one half (a majority)");
    svg.text(dx + 22.0, y, SMALL, Anchor::Start, "", half);
    let mx = dx + 22.0 + text_width(half, SMALL) + 12.0;
    svg.text(
        mx,
        y,
        SMALL,
        Anchor::Start,
        &format!(r#"fill="{GREY}""#),
        tr(lang, "none: no body of that role"),
    );
    y += 4.0;
    let id_w = c
        .entries
        .iter()
        .map(|e| text_width(e.id(), SMALL) * BOLD)
        .fold(0.0, f64::max)
        + 8.0;
    for e in &c.entries {
        let head = e.dataset.name(&e.indicators.head_of_state, lang);
        let text = t!(
            lang,
            "{title}; law as of {date}; head of state: {head}",
            title = e.dataset.prose(lang, &e.dataset.meta.title),
            date = e.dataset.meta.as_of,
            head = head
        );
        let lines = wrap(&text, SMALL, WIDTH - 2.0 * MARGIN - id_w);
        y += 8.4;
        svg.text(x, y, SMALL, Anchor::Start, r#"font-weight="bold""#, e.id());
        for (k, line) in lines.iter().enumerate() {
            if k > 0 {
                y += 8.2;
            }
            svg.text(
                x + id_w,
                y,
                SMALL,
                Anchor::Start,
                &format!(r#"fill="{INK}""#),
                line,
            );
        }
    }
    y
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analysis::Options;
    use crate::comparative::Entry;

    pub fn comparison(ids: &[&str]) -> Comparison {
        Comparison::new(
            ids.iter()
                .map(|id| {
                    let ds = crate::data::resolve(id).unwrap();
                    let o = Options::of(&ds);
                    Entry::analyze(ds, &o).unwrap()
                })
                .collect(),
        )
    }

    #[test]
    fn every_dataset_and_role_is_named_and_each_range_holds_its_point() {
        let c = comparison(&["kz-2022", "us"]);
        let band = Band::default();
        let r = ranges(&c, &band);
        let svg = render(&c, Lang::En, &r, &band);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let texts: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect();
        for want in [
            "kz-2022",
            "us",
            "Constitutional review",
            "Ombudsman",
            "none",
        ] {
            assert!(texts.contains(&want), "{want} missing");
        }
        let mut drawn = 0;
        for g in doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("point"))
        {
            let num = |n: roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
            let dot = g.children().find(|n| n.has_tag_name("circle")).unwrap();
            if let Some(line) = g.children().find(|n| n.has_tag_name("line")) {
                let cx = num(dot, "cx");
                assert!(num(line, "x1") - 0.05 <= cx && cx <= num(line, "x2") + 0.05);
                drawn += 1;
            }
        }
        assert!(drawn > 5, "only {drawn} ranges drawn");
    }
}

//! The title block: the dataset, its date, the reforms and weights in force, and the
//! headline, in sizes a printed figure can spare the height for (the caption is the
//! paper's; the block only keeps the figure's numbers honest about what they are of).

use std::fmt::Write;

use super::{MARGIN, num, text_width};
use crate::analysis::headline;
use crate::model::i18n::tr;
use crate::output::escape::xml;
use crate::output::export::Snapshot;
use crate::output::fmt::{self, pct};
use crate::output::graph::print::wrap;
use crate::t;

/// Each line's height, as a part of its size.
const LEADING: f64 = 1.3;

pub(super) struct TitleLine {
    pub text: String,
    pub size: f64,
    pub bold: bool,
}

/// The dataset, its date, the reforms and weights in force, and the headline.
pub(super) fn title(s: &Snapshot) -> Vec<TitleLine> {
    let ds = s.dataset;
    let lang = s.lang;
    let mut out = vec![
        TitleLine {
            text: ds.prose(lang, &ds.meta.title).to_string(),
            size: 13.0,
            bold: true,
        },
        TitleLine {
            text: t!(
                lang,
                "{id} · {jurisdiction} · law as of {date} · reforms: {reforms} · weights: {weights}",
                id = ds.meta.id,
                jurisdiction = ds.prose(lang, &ds.meta.jurisdiction),
                date = ds.meta.as_of,
                reforms = reforms_text(s),
                weights = fmt::weights(&s.analysis.options.weights)
            ),
            size: 10.0,
            bold: false,
        },
    ];
    if let Some(h) = headline::headline(ds, &s.analysis.options, s.analysis) {
        let name = |id: &str| ds.name(id, s.lang).to_string();
        let before = s.baseline.and_then(|(bd, ba)| {
            headline::headline(bd, &ba.options, ba)
                .filter(|b| b.body == h.body && b.principal == h.principal)
        });
        let mut text = t!(
            lang,
            "Headline: the {principal} controls {share} of the {body} (picks {picked} of its {seats} seats)",
            principal = name(&h.principal),
            share = pct(h.total),
            body = name(&h.body),
            picked = h.picked,
            seats = h.seats
        );
        if let Some(b) = before {
            text.push_str(&t!(
                lang,
                "; {share} before the reforms",
                share = pct(b.total)
            ));
        }
        out.push(TitleLine {
            text,
            size: 11.0,
            bold: true,
        });
    }
    out
}

/// The title's lines wrapped at `max`, each piece keeping its size and weight.
pub(super) fn wrap_title(lines: Vec<TitleLine>, max: f64) -> Vec<TitleLine> {
    lines
        .into_iter()
        .flat_map(|l| {
            wrap(&l.text, max, |t| text_width(t, l.size, l.bold))
                .into_iter()
                .map(move |text| TitleLine {
                    text,
                    size: l.size,
                    bold: l.bold,
                })
        })
        .collect()
}

pub(super) fn reforms_text(s: &Snapshot) -> String {
    if s.reforms.is_empty() {
        tr(s.lang, "none").to_string()
    } else {
        s.reforms.join(", ")
    }
}

pub(super) fn draw_title(out: &mut String, lines: &[TitleLine]) {
    out.push_str("<g class=\"title\">\n");
    let mut y = MARGIN;
    for l in lines {
        y += l.size * (LEADING - 0.3);
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{} fill=\"#1a1a1a\">{}</text>",
            num(MARGIN),
            num(y),
            l.size,
            if l.bold { " font-weight=\"bold\"" } else { "" },
            xml(&l.text)
        );
        y += l.size * 0.3;
    }
    out.push_str("</g>\n");
}

/// The block's height: its lines and the space under them.
pub(super) fn height(lines: &[TitleLine]) -> f64 {
    lines.iter().map(|l| l.size * LEADING).sum::<f64>() + 6.0
}

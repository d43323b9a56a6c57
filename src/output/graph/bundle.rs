//! Merged parallel arrows, for the pictures: every arrow between one pair of bodies (and one
//! reform change) becomes one, drawn in the style of its strongest kind and labelled with
//! all of them, so that a head of state who appoints, dismisses and dissolves one body draws
//! one labelled arrow to it instead of a fan of three.
//!
//! ```text
//!   President ──────────────▶ Senate        one arrow, the appointment's style
//!               10/50                       seats filled / the body's seats
//!               dismisses                   the further powers, one a line, each in
//!               dissolves                   its kind's colour
//! ```

use std::collections::BTreeSet;

use super::{Arrow, Change, Class, Graph, Kind};
use crate::model::Lang;
use crate::model::i18n::word;
use crate::t;

/// The arrows of one (from, to, change), the one drawn first.
#[derive(Debug, Clone)]
pub struct Bundle<'g, 'a> {
    pub arrows: Vec<&'g Arrow<'a>>,
}

/// A line of a bundle's label and its colour (its kind's).
pub type LabelLine = (String, &'static str);

impl<'a> Bundle<'_, 'a> {
    /// The arrow whose style the bundle takes: the first kind in [`Class::ALL`]'s order, so
    /// one that fills seats before the powers.
    pub fn primary(&self) -> &Arrow<'a> {
        self.arrows[0]
    }

    pub fn from(&self) -> &'a str {
        self.primary().from
    }

    pub fn to(&self) -> &'a str {
        self.primary().to
    }

    pub fn change(&self) -> Change {
        self.primary().change
    }

    /// The label, one line per kind: the seats the appointing kinds fill (as a share of the
    /// target's seats when `of` is known: `5/11`), then the powers as verbs.
    pub fn label(&self, of: Option<u32>) -> Vec<LabelLine> {
        self.label_in(of, Lang::En)
    }

    /// [`Bundle::label`] in `lang`: in Russian and Kazakh the kinds are named by their nouns
    /// (`согласие 2/11`, `роспуск`), which read after any actor.
    pub fn label_in(&self, of: Option<u32>, lang: Lang) -> Vec<LabelLine> {
        let mut lines = Vec::new();
        for (i, a) in self.arrows.iter().enumerate() {
            let color = a.class.color();
            if a.class.fills_seats() {
                if a.seats == 0 {
                    continue;
                }
                let seats = match of {
                    Some(n) if n > 0 => format!("{}/{n}", a.seats),
                    _ => a.seats.to_string(),
                };
                let text = match (i, a.class) {
                    (0, _) | (_, Class::Appointment) => seats,
                    (_, Class::Recommendation) => t!(lang, "recommends {seats}", seats = seats),
                    _ => t!(lang, "consents {seats}", seats = seats),
                };
                lines.push((text, color));
            } else if i > 0 {
                // The primary's own kind shows in its stroke; the others need words.
                let verbs: BTreeSet<&str> = a
                    .links
                    .iter()
                    .map(|l| match l.kind {
                        Kind::Power(k) if lang == Lang::En => verb(k.as_str()),
                        Kind::Power(k) => word(lang, "kind", k.as_str()),
                        Kind::Step(r) => word(lang, "role", r.as_str()),
                    })
                    .collect();
                for v in verbs {
                    lines.push((v.to_string(), color));
                }
            }
        }
        lines
    }

    /// The tooltip's lines: every link of every arrow.
    pub fn details(&self) -> String {
        self.details_in(crate::model::Lang::En)
    }

    /// [`Bundle::details`] in `lang`.
    pub fn details_in(&self, lang: crate::model::Lang) -> String {
        self.arrows
            .iter()
            .map(|a| a.details_in(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A power as the short verb a label prints.
fn verb(kind: &str) -> &'static str {
    match kind {
        "dismiss_at_will" => "dismisses",
        "dismiss_for_cause" => "dismisses for cause",
        "impeach" => "impeaches",
        "dissolve" | "dissolve_on_refusal" => "dissolves",
        "holds_to_account" => "holds to account",
        "no_confidence" => "no confidence",
        "audits" => "audits",
        "investigates" => "investigates",
        "reviews" => "reviews",
        "vetoes" => "vetoes",
        "overrides" => "overrides",
        "directs" => "directs",
        "petitions" => "petitions",
        _ => "acts on",
    }
}

/// The bundles of `arrows` (as [`Graph::arrows`] orders them: by from, to, class, change).
pub fn bundle<'g, 'a>(arrows: &'g [Arrow<'a>]) -> Vec<Bundle<'g, 'a>> {
    let mut out: Vec<Bundle> = Vec::new();
    let mut order: Vec<&Arrow> = arrows.iter().collect();
    order.sort_by_key(|a| (a.from, a.to, a.change, a.class));
    for a in order {
        match out.last_mut() {
            Some(b) if b.from() == a.from && b.to() == a.to && b.change() == a.change => {
                b.arrows.push(a);
            }
            _ => out.push(Bundle { arrows: vec![a] }),
        }
    }
    out
}

/// The seats of body `id` in the graph, for labels as shares.
pub fn seats_of(g: &Graph, id: &str) -> Option<u32> {
    g.node(id).map(|n| n.body.seats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze, tests::tiny_dataset};
    use crate::model::Lang;
    use crate::output::export::Snapshot;

    #[test]
    fn parallel_arrows_merge_into_one_labelled_bundle() {
        let ds = tiny_dataset();
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        let g = Graph::new(&Snapshot::new(&ds, &a, Lang::En));
        let arrows = g.arrows();
        let bundles = bundle(&arrows);
        // One bundle per pair of bodies.
        let pairs: BTreeSet<(&str, &str)> = arrows.iter().map(|a| (a.from, a.to)).collect();
        assert_eq!(bundles.len(), pairs.len());
        assert!(bundles.len() < arrows.len());
        let pc = bundles
            .iter()
            .find(|b| b.from() == "president" && b.to() == "court")
            .unwrap();
        assert_eq!(pc.primary().class, Class::Appointment);
        let label: Vec<String> = pc
            .label(seats_of(&g, "court"))
            .into_iter()
            .map(|l| l.0)
            .collect();
        assert_eq!(label, ["2/3", "dismisses"]);
        assert!(pc.details().contains("dismiss at will"), "{}", pc.details());
    }
}

//! The ranges of one state (codebook R-ALT, I9 §4), computed once per state and shown by
//! every output beside the point value: `52.7% (47.7–58.2)`.
//!
//! The analysis layer computes them ([`crate::analysis::range`]); this module only bundles
//! the band they were computed over with the result, and words the drivers.
//!
//! Complexity: [`Ranges::of`] is [`control_ranges`] (see `analysis::range`); a look-up is
//! O(1): one hash of the body's id and a scan of the P principals.

use crate::analysis::range::{
    Band, Choice, ControlRanges, Driver, PctRange, Space, control_ranges, trim,
};
use crate::analysis::{AnalysisError, Options};
use crate::model::i18n::tr;
use crate::model::{Dataset, Lang};
use crate::t;

/// Integrated control of every (body, principal) with its range, and the band it ran over.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranges {
    pub band: Band,
    pub control: ControlRanges,
    /// The alternative readings taken as the point value (`--choose`), so that a report
    /// says which coding its point figures follow.
    pub chosen: Vec<String>,
}

impl Ranges {
    /// Runs the enumeration (or the outer bound) for `dataset` under `options`.
    pub fn of(dataset: &Dataset, options: &Options, band: &Band) -> Result<Ranges, AnalysisError> {
        let space = Space::of(dataset, band);
        Ok(Ranges {
            band: band.clone(),
            control: control_ranges(dataset, options, &space)?,
            chosen: Vec::new(),
        })
    }

    /// The same ranges, recording the readings chosen as the point value.
    pub fn with_chosen(mut self, ids: &[String]) -> Ranges {
        self.chosen = ids.to_vec();
        self
    }

    pub fn get(&self, body: &str, principal: &str) -> Option<(f64, f64)> {
        self.control.get(body, principal)
    }

    /// The point value with its range, for text and Markdown.
    pub fn pct(&self, body: &str, principal: &str, point: f64) -> PctRange {
        PctRange(point, self.get(body, principal))
    }

    /// The single-dimension moves that change the figure, largest first.
    pub fn drivers(&self, body: &str, principal: &str) -> Vec<Driver> {
        self.control.drivers(body, principal)
    }

    /// `consent 0.5 → 58.2%, cc_chair_release_for_cause → 49.0%`, or `None` when nothing
    /// moves the figure. The choices are alternative ids from the data: control characters are
    /// dropped so that they cannot reach a terminal.
    pub fn drivers_text(&self, body: &str, principal: &str) -> Option<String> {
        self.drivers_text_in(Lang::En, body, principal)
    }

    /// [`Ranges::drivers_text`] in `lang`: the band's choices in words, the data's ids as
    /// they are.
    pub fn drivers_text_in(&self, lang: Lang, body: &str, principal: &str) -> Option<String> {
        let d = self.drivers(body, principal);
        (!d.is_empty()).then(|| {
            d.iter()
                .map(|d| format!("{} → {:.1}%", driver_in(lang, d), d.value * 100.0))
                .collect::<Vec<_>>()
                .join(", ")
        })
    }

    /// `exact over 9 combinations; band consent 0.5–2`, or an outer bound's.
    pub fn method(&self) -> String {
        self.method_in(Lang::En)
    }

    /// [`Ranges::method`] in `lang`.
    pub fn method_in(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return format!(
                "{} over {} combination{}; band {}",
                if self.control.exact {
                    "exact"
                } else {
                    "an outer bound, not enumerated"
                },
                self.control.combinations,
                if self.control.combinations == 1 {
                    ""
                } else {
                    "s"
                },
                self.band.label()
            );
        }
        let band = band_in(lang, &self.band);
        if self.control.exact {
            t!(
                lang,
                "exact over {n} combinations; band {band}",
                n = self.control.combinations,
                band = band
            )
        } else {
            t!(
                lang,
                "an outer bound, not enumerated, over {n} combinations; band {band}",
                n = self.control.combinations,
                band = band
            )
        }
    }
}

/// A driver's choice in `lang`, from the fields the analysis gives it ([`Choice`]): the
/// threat option and `… as coded` in words, a weight by its word with its value (`согласие
/// 0.5`), an alternative's id as the data writes it; control characters dropped, so that data
/// cannot reach a terminal.
pub fn driver_in(lang: Lang, d: &Driver) -> String {
    choice_in(lang, &d.choice, &d.kind)
}

/// A choice in `lang` from its English text and its fields ([`driver_in`] for a [`Driver`];
/// the explanation's drivers, `analysis::explain::RangeDriver`, carry the same two).
pub fn choice_in(lang: Lang, choice: &str, kind: &Choice) -> String {
    let choice = plain(choice);
    if lang == Lang::En {
        return choice;
    }
    match kind {
        Choice::Threat { on: true } => tr(lang, "at-will threat on").to_string(),
        Choice::Threat { on: false } => tr(lang, "at-will threat off").to_string(),
        Choice::AsCoded { element } => {
            t!(lang, "{id} as coded", id = more_in(lang, &plain(element)))
        }
        Choice::Weight { id, value } => {
            match crate::model::i18n::lookup(lang, &format!("weight.{id}")) {
                Some(w) => format!("{w} {}", trim(*value)),
                None => choice,
            }
        }
        Choice::Alternative => choice,
    }
}

/// A contested element's label ([`crate::model::alt::Contested::label`]) in `lang`:
/// `edge a -appoint-> b and 6 more` words its tail, the element stays as its ids write it.
pub fn more_in(lang: Lang, label: &str) -> String {
    let parsed = label.rsplit_once(" and ").and_then(|(head, tail)| {
        let n: usize = tail.strip_suffix(" more")?.parse().ok()?;
        Some((head, n))
    });
    match parsed {
        Some((head, n)) => format!("{head} {}", t!(lang, "and {n} more", n = n)),
        None => label.to_string(),
    }
}

/// The band of weights as a sentence reads it in `lang`: `согласие 0.5–2`; the weights'
/// ids (`consent`) stay for English, JSON and where the user types them (`--band`).
pub fn band_in(lang: Lang, band: &crate::analysis::range::Band) -> String {
    if lang == Lang::En {
        return band.label();
    }
    if band.weights.is_empty() {
        return tr(lang, "none").to_string();
    }
    band.weights
        .iter()
        .map(|(n, lo, hi)| {
            let name = crate::model::i18n::lookup(lang, &format!("weight.{n}")).unwrap_or(n);
            let one = crate::analysis::range::Band {
                weights: vec![(n.clone(), *lo, *hi)],
            };
            one.label().replacen(n.as_str(), name, 1)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Free text from the data with control characters removed, for a terminal.
pub fn plain(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_drivers_fields_word_it_and_an_id_stays_as_written() {
        let driver = |choice: &str, kind: Choice| Driver {
            choice: choice.to_string(),
            kind,
            value: 0.5,
        };
        let weight = driver(
            "consent 0.5",
            Choice::Weight {
                id: "consent".into(),
                value: 0.5,
            },
        );
        assert_eq!(driver_in(Lang::Ru, &weight), "согласие 0.5");
        assert_eq!(driver_in(Lang::En, &weight), "consent 0.5");
        // An alternative whose id looks like a weight and a number stays as the data has it.
        let id = driver("consent 2", Choice::Alternative);
        assert_eq!(driver_in(Lang::Ru, &id), "consent 2");
        let threat = driver("at-will threat on", Choice::Threat { on: true });
        assert_eq!(
            driver_in(Lang::Ru, &threat),
            tr(Lang::Ru, "at-will threat on")
        );
        assert_ne!(driver_in(Lang::Ru, &threat), "at-will threat on");
        let coded = driver(
            "edge a -appoint-> b and 2 more as coded",
            Choice::AsCoded {
                element: "edge a -appoint-> b and 2 more".into(),
            },
        );
        for lang in [Lang::Ru, Lang::Kk] {
            assert_eq!(
                driver_in(lang, &coded),
                t!(
                    lang,
                    "{id} as coded",
                    id = format!("edge a -appoint-> b {}", t!(lang, "and {n} more", n = 2))
                )
            );
        }
    }

    #[test]
    fn a_weights_choice_reads_in_words_and_an_id_stays() {
        let weight = |id: &str, value: f64| Choice::Weight {
            id: id.into(),
            value,
        };
        let consent = weight("consent", 0.5);
        assert_eq!(choice_in(Lang::Ru, "consent 0.5", &consent), "согласие 0.5");
        assert_eq!(choice_in(Lang::En, "consent 0.5", &consent), "consent 0.5");
        // A weight without a word of its own stays as its id.
        let chair = weight("cc_chair", 2.0);
        assert_eq!(choice_in(Lang::Ru, "cc_chair 2", &chair), "cc_chair 2");
    }

    #[test]
    fn the_band_reads_the_weights_names_in_russian_and_kazakh() {
        let band = crate::analysis::range::Band::default();
        assert!(band_in(Lang::En, &band).starts_with("consent"));
        for lang in [Lang::Ru, Lang::Kk] {
            let shown = band_in(lang, &band);
            assert!(!shown.contains("consent"), "{lang:?}: {shown}");
        }
        assert!(band_in(Lang::Ru, &band).starts_with("согласие"));
    }

    #[test]
    fn a_contested_label_with_more_elements_reads_in_russian_and_kazakh() {
        use crate::model::i18n::leftover::english_left;
        let choice = "edge president -appoint-> ec and 6 more as coded";
        let kind = Choice::AsCoded {
            element: "edge president -appoint-> ec and 6 more".into(),
        };
        assert_eq!(choice_in(Lang::En, choice, &kind), choice);
        for lang in [Lang::Ru, Lang::Kk] {
            let shown = choice_in(lang, choice, &kind);
            assert!(shown.contains("edge president -appoint-> ec"), "{shown}");
            assert!(shown.contains('6'), "{shown}");
            // The element is ids: the data's, kept as written.
            let left = english_left(&shown, &["edge president -appoint-> ec".to_string()]);
            assert!(left.is_empty(), "{lang:?}: {left:?}");
        }
        assert_eq!(
            choice_in(Lang::Ru, choice, &kind),
            format!(
                "{}",
                crate::t!(
                    Lang::Ru,
                    "{id} as coded",
                    id = "edge president -appoint-> ec и ещё 6"
                )
            )
        );
    }
    use super::*;
    use crate::analysis::tests::tiny_dataset;

    #[test]
    fn no_band_and_no_alternative_give_the_point() {
        let ds = tiny_dataset();
        let o = Options::of(&ds);
        let r = Ranges::of(&ds, &o, &Band::none()).unwrap();
        let a = crate::analysis::analyze(&ds, &o).unwrap();
        let point = a.body("court").unwrap().control_of("president");
        assert_eq!(r.get("court", "president"), Some((point, point)));
        assert_eq!(r.drivers_text("court", "president"), None);
        let wide = Ranges::of(&ds, &o, &Band::default()).unwrap();
        let (lo, hi) = wide.get("court", "president").unwrap();
        assert!(lo < point && point < hi, "{lo} {point} {hi}");
        assert!(
            wide.drivers_text("court", "president")
                .unwrap()
                .starts_with("consent ")
        );
        assert_eq!(plain("a\u{1b}[31mb"), "a[31mb");
    }
}

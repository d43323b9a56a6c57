//! Guided tours: a sequence of states (dataset, reforms, layer, weights, view, selected body),
//! each with a caption, that the TUI plays and `bilik tour` renders.
//!
//! A tour names embedded datasets and reform presets by id; every reference is checked here,
//! each at its place in the file, like a dataset's own references.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use super::{PresetSet, Scenario};
use crate::analysis::Options;
use crate::diag::read::parse_ron;
use crate::diag::{Diagnostic, FileReport, SpanIndex, Validator, did_you_mean, read_text};
use crate::model::raw::{RawNames, Word};
use crate::model::{Dataset, Layer, LoadError, Names};

/// The views a step may show, by the names the tour file uses; the TUI maps them.
pub const VIEWS: [&str; 8] = [
    "bodies", "graph", "matrix", "flags", "weights", "reforms", "compare", "sources",
];

/// A tour compiled into the binary.
pub struct Embedded {
    pub id: &'static str,
    pub path: &'static str,
    pub text: &'static str,
}

pub const EMBEDDED: &[Embedded] = &[
    Embedded {
        id: "article",
        path: "data/tours/article.ron",
        text: include_str!("../../data/tours/article.ron"),
    },
    Embedded {
        id: "models",
        path: "data/tours/models.ron",
        text: include_str!("../../data/tours/models.ron"),
    },
];

#[derive(Debug, Clone, PartialEq)]
pub struct Tour {
    /// The embedded id, or the file's stem.
    pub id: String,
    pub title: Names,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub dataset: String,
    pub reforms: Vec<String>,
    pub layer: Layer,
    /// Weights set by name; the others keep the dataset's own.
    pub weights: Vec<(String, f64)>,
    /// One of [`VIEWS`].
    pub view: String,
    pub body: String,
    pub caption: Names,
}

impl Step {
    /// The step's scenario and analysis options, with its reforms switched on.
    pub fn state(&self) -> Result<(Scenario, Options), String> {
        let baseline = crate::data::resolve(&self.dataset).map_err(|e| e.to_string())?;
        let baseline = baseline.in_layer(self.layer).into_owned();
        let mut options = Options::of(&baseline);
        options.layer = self.layer;
        for (name, value) in &self.weights {
            options.weights.set(name, *value)?;
        }
        let mut scenario = Scenario::new(baseline, super::embedded(&self.dataset));
        for id in &self.reforms {
            scenario.toggle(id);
        }
        Ok((scenario, options))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Tour")]
struct RawTour {
    title: Option<RawNames>,
    #[serde(default)]
    steps: Vec<RawStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Step")]
struct RawStep {
    dataset: Option<String>,
    #[serde(default)]
    reforms: Vec<String>,
    layer: Option<Word>,
    #[serde(default)]
    weights: BTreeMap<String, f64>,
    view: Option<Word>,
    body: Option<String>,
    caption: Option<RawNames>,
}

pub fn embedded(id: &str) -> Option<&'static Embedded> {
    EMBEDDED.iter().find(|e| e.id == id)
}

/// An embedded tour by id, or a tour file by path.
pub fn resolve(spec: &str) -> Result<Tour, LoadError> {
    if let Some(e) = embedded(spec) {
        return load_str(e.path, e.text);
    }
    let path = Path::new(spec);
    if !path.exists() && !spec.contains(['/', '\\', '.']) {
        let ids: Vec<&str> = EMBEDDED.iter().map(|e| e.id).collect();
        return Err(crate::data::unknown_id(
            spec,
            "unknown-tour",
            "tour",
            "shipped",
            &ids,
        ));
    }
    match read_text(path) {
        Ok(text) => load_str(&path.display().to_string(), &text),
        Err(report) => Err(LoadError { report }),
    }
}

/// Validates tour text; `path` names it in messages. Never panics, whatever the text.
pub fn load_str(path: &str, text: &str) -> Result<Tour, LoadError> {
    let text = &*crate::diag::normalise_text(text);
    let mut report = FileReport {
        path: path.to_string(),
        text: text.to_string(),
        diagnostics: Vec::new(),
    };
    let raw: RawTour = match parse_ron(text) {
        Ok(raw) => raw,
        Err(d) => {
            report.diagnostics.push(d);
            return Err(LoadError { report });
        }
    };
    let spans = SpanIndex::build(text);
    let mut v = Validator::new(&spans, text);
    v.duplicate_keys();
    let tour = convert(&mut v, raw, path);
    report.diagnostics = v.out;
    match tour {
        Some(t) if report.errors() == 0 => Ok(t),
        _ => {
            if report.errors() == 0 {
                report
                    .diagnostics
                    .push(Diagnostic::error("invalid", "the tour is invalid"));
            }
            Err(LoadError { report })
        }
    }
}

fn names(v: &mut Validator, raw: Option<RawNames>, path: &str, what: &str) -> Option<Names> {
    let Some(raw) = raw else {
        v.missing(path, what, "a tour's texts are written in en, ru and kk");
        return None;
    };
    let why = "a tour's texts are written in en, ru and kk";
    let en = v.required_text(
        raw.en,
        format!("{path}.en"),
        format!("{what} in English"),
        why,
    );
    let ru = v.required_text(
        raw.ru,
        format!("{path}.ru"),
        format!("{what} in Russian"),
        why,
    );
    let kk = v.required_text(
        raw.kk,
        format!("{path}.kk"),
        format!("{what} in Kazakh"),
        why,
    );
    Some(Names {
        en: en?,
        ru: ru?,
        kk: kk?,
    })
}

/// An id that must be one of `known`: refused with a did-you-mean and the list.
fn known_id(v: &mut Validator, id: &str, path: &str, what: &str, known: &[&str]) -> bool {
    if known.contains(&id) {
        return true;
    }
    let hint = did_you_mean(id, known.iter().copied()).map(|s| format!("did you mean `{s}`?"));
    let d = Diagnostic::error("unknown-id", format!("unknown {what} `{id}`"))
        .at(v.at(path), format!("not a {what}"))
        .help_maybe(hint)
        .note(format!("{what}s: {}", known.join(", ")));
    v.push(d);
    false
}

fn convert(v: &mut Validator, raw: RawTour, path: &str) -> Option<Tour> {
    let title = names(v, raw.title, "title", "the tour's title");
    if raw.steps.is_empty() {
        let d = Diagnostic::error("no-steps", "the tour has no steps")
            .at(v.at("steps"), "empty")
            .note("a tour lists `steps: [(dataset: \"kz-2022\", ...), ...]`");
        v.push(d);
    }
    let mut datasets: HashMap<String, (Dataset, PresetSet)> = HashMap::new();
    let mut steps = Vec::new();
    let mut failed = false;
    for (i, s) in raw.steps.into_iter().enumerate() {
        match step(v, s, &format!("steps[{i}]"), &mut datasets) {
            Some(s) => steps.push(s),
            None => failed = true,
        }
    }
    let id = Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_string(), |s| s.to_string_lossy().into_owned());
    (!failed).then_some(Tour {
        id,
        title: title?,
        steps,
    })
}

fn step(
    v: &mut Validator,
    s: RawStep,
    path: &str,
    datasets: &mut HashMap<String, (Dataset, PresetSet)>,
) -> Option<Step> {
    let at = |f: &str| format!("{path}.{f}");
    let caption = names(v, s.caption, &at("caption"), "the step's caption");
    let layer = match &s.layer {
        None => Some(Layer::DeJure),
        Some(w) => v.vocab(
            Some(w),
            at("layer"),
            "layer",
            "unknown-layer",
            Layer::parse,
            &Layer::names(),
        ),
    };
    let view = s.view.as_ref().map_or(Some("bodies".to_string()), |w| {
        known_id(v, w, &at("view"), "view", &VIEWS).then(|| w.to_string())
    });
    let mut weights = Vec::new();
    let mut probe = crate::model::Weights::default();
    for (name, value) in &s.weights {
        let wpath = format!("{}.{name}", at("weights"));
        if !known_id(v, name, &wpath, "weight", &crate::model::Weights::NAMES) {
            continue;
        }
        match probe.set(name, *value) {
            Ok(()) => weights.push((name.clone(), *value)),
            Err(e) => {
                let d = Diagnostic::error("bad-weight", format!("weight `{name}`: {e}"))
                    .at(v.at(&wpath), "out of range");
                v.push(d);
            }
        }
    }
    let dataset = v.required_text(
        s.dataset,
        at("dataset"),
        "the step's dataset",
        "the id of an embedded dataset, e.g. `dataset: \"kz-2022\"`",
    )?;
    let ids: Vec<&str> = crate::data::EMBEDDED.iter().map(|e| e.id).collect();
    if !known_id(v, &dataset, &at("dataset"), "dataset", &ids) {
        return None;
    }
    if !datasets.contains_key(&dataset) {
        let d = crate::data::resolve(&dataset).ok()?;
        datasets.insert(dataset.clone(), (d, super::embedded(&dataset)));
    }
    let (baseline, set) = &datasets[&dataset];
    let mut reforms_ok = true;
    for (i, r) in s.reforms.iter().enumerate() {
        reforms_ok &= known_id(
            v,
            r,
            &format!("{}[{i}]", at("reforms")),
            "reform",
            &set.ids(),
        );
    }
    let body = v.required_text(
        s.body,
        at("body"),
        "the step's selected body",
        "the id of a body of the dataset, e.g. `body: \"constitutional_court\"`",
    );
    let layer = layer?;
    let state = if reforms_ok {
        let mut scenario = Scenario::new(baseline.in_layer(layer).into_owned(), set.clone());
        for r in &s.reforms {
            scenario.toggle(r);
        }
        match scenario.reformed() {
            Ok(d) => Some(d),
            Err(e) => {
                let d = Diagnostic::error(
                    "reforms-do-not-apply",
                    format!("the reforms do not apply together: {e}"),
                )
                .at(v.at(at("reforms")), "these reforms");
                v.push(d);
                None
            }
        }
    } else {
        None
    };
    let state = state?;
    let body = body?;
    let ids: Vec<&str> = state.bodies.iter().map(|b| b.id.as_str()).collect();
    if !known_id(v, &body, &at("body"), "body", &ids) {
        return None;
    }
    Some(Step {
        dataset,
        reforms: s.reforms,
        layer,
        weights,
        view: view?,
        body,
        caption: caption?,
    })
}

/// Every shipped tour, loaded. The test suite checks that each is valid.
pub fn shipped() -> Vec<Result<Tour, LoadError>> {
    EMBEDDED
        .iter()
        .map(|e| {
            load_str(e.path, e.text).map(|mut t| {
                t.id = e.id.to_string();
                t
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_tour_is_valid() {
        for t in shipped() {
            if let Err(e) = t {
                panic!("{}", e.report.render(false));
            }
        }
    }

    #[test]
    fn an_unknown_body_is_refused_at_its_place_with_a_suggestion() {
        let text = "(\n  title: (en: \"T\", ru: \"T\", kk: \"T\"),\n  steps: [\n    (dataset: \"kz-2022\", body: \"constitutional_cort\", caption: (en: \"a\", ru: \"a\", kk: \"a\")),\n  ],\n)\n";
        let e = load_str("bad.ron", text).unwrap_err();
        let shown = e.report.render(false);
        assert!(shown.contains("bad.ron:4:"), "{shown}");
        assert!(
            shown.contains("unknown body `constitutional_cort`"),
            "{shown}"
        );
        assert!(
            shown.contains("did you mean `constitutional_court`?"),
            "{shown}"
        );
    }

    #[test]
    fn unknown_dataset_reform_and_view_are_each_refused() {
        let text = "(\n  title: (en: \"T\", ru: \"T\", kk: \"T\"),\n  steps: [\n    (dataset: \"kz-2021\", body: \"x\", caption: (en: \"a\", ru: \"a\", kk: \"a\")),\n    (dataset: \"kz-2022\", reforms: [\"P55\"], view: bodys, body: \"senate\", caption: (en: \"a\", ru: \"a\", kk: \"a\")),\n  ],\n)\n";
        let e = load_str("bad.ron", text).unwrap_err();
        let shown = e.report.render(false);
        assert!(shown.contains("unknown dataset `kz-2021`"), "{shown}");
        assert!(shown.contains("unknown reform `P55`"), "{shown}");
        assert!(shown.contains("unknown view `bodys`"), "{shown}");
        assert!(shown.contains("did you mean `bodies`?"), "{shown}");
    }

    #[test]
    fn garbage_is_a_syntax_error_not_a_panic() {
        for text in ["", "(", "((((", "(steps: [(dataset: 1)])", "\u{0}"] {
            assert!(load_str("x.ron", text).is_err());
        }
    }
}

//! A guided tour as a Markdown document, for teaching: each step's caption, the state it
//! shows, and the numbers computed for it (the selected body's control by the head of state
//! with its range, control by closure, and the flags on the body).

use std::fmt::Write;

use crate::analysis::range::{self, Band, PctRange};
use crate::analysis::{self, Analysis};
use crate::model::i18n::{lookup, tr, word};
use crate::model::phrase::capitalised;
use crate::model::{Dataset, Lang, Layer};
use crate::output::escape::{markdown, markdown_code};
use crate::reform::tour::{Step, Tour};
use crate::t;

/// A step's layer and view in `lang`: their ids in English (as the tour file writes them),
/// the explorer's words otherwise.
fn layer_and_view(step: &Step, lang: Lang) -> (String, String) {
    if lang == Lang::En {
        return (step.layer.to_string(), step.view.clone());
    }
    let layer = match step.layer {
        Layer::DeJure => tr(lang, "de jure"),
        Layer::DeFacto => tr(lang, "de facto"),
    };
    let view = lookup(lang, &format!("view.{}", capitalised(&step.view)))
        .map_or_else(|| step.view.clone(), str::to_string);
    (layer.to_string(), view)
}

/// The numbers of one step, as the document shows them.
#[derive(Debug, Clone)]
pub struct StepFigures {
    /// The reformed dataset in the step's layer, and its analysis under the step's options.
    pub dataset: Dataset,
    pub analysis: Analysis,
    /// The head of state's id, when the dataset has one.
    pub head: Option<String>,
    /// The head of state's control of the selected body, with its range over the contested
    /// codings, the threat option and the default band.
    pub control: f64,
    pub range: Option<(f64, f64)>,
}

/// Computes a step's numbers; the error says why they cannot be.
pub fn figures(step: &Step) -> Result<StepFigures, String> {
    let (scenario, mut options) = step.state()?;
    let dataset = scenario.reformed().map_err(|e| e.to_string())?;
    // As in the explorer: a reform may make a body a principal.
    options.principals = dataset.principals();
    let analysis = analysis::analyze(&dataset, &options).map_err(|e| e.to_string())?;
    let head = dataset.head_of_state().map(|b| b.id.clone());
    let (control, range) = match &head {
        Some(h) => {
            let control = analysis.body(&step.body).map_or(0.0, |a| a.control_of(h));
            let ranges = range::control_ranges(
                &dataset,
                &options,
                &range::Space::of(&dataset, &Band::default()),
            )
            .map_err(|e| e.to_string())?;
            (control, ranges.get(&step.body, h))
        }
        None => (0.0, None),
    };
    Ok(StepFigures {
        dataset,
        analysis,
        head,
        control,
        range,
    })
}

/// The tour as Markdown in `lang`.
pub fn markdown_doc(tour: &Tour, lang: Lang) -> Result<String, String> {
    let mut out = String::new();
    let n = tour.steps.len();
    let _ = writeln!(out, "# {}\n", markdown(tour.title.get(lang)));
    let _ = writeln!(
        out,
        "{}\n",
        t!(
            lang,
            "A guided tour of bilik ({id}), {n} steps. Each step gives the head of state's integrated control of the selected body, with its range over the contested codings, the at-will threat option and the consent band 0.5–2; control by majority closure; and the flags on the body.",
            id = markdown_code(&tour.id),
            n = n
        )
    );
    for (k, step) in tour.steps.iter().enumerate() {
        let f = figures(step).map_err(|e| format!("step {}: {e}", k + 1))?;
        let d = &f.dataset;
        let body = d.name(&step.body, lang);
        let _ = writeln!(
            out,
            "## {}\n",
            t!(
                lang,
                "Step {k} of {n}: {dataset} · {body}",
                k = k + 1,
                n = n,
                dataset = markdown(&d.meta.id),
                body = markdown(body)
            )
        );
        let _ = writeln!(out, "{}\n", markdown(step.caption.get(lang)));
        let reforms = if step.reforms.is_empty() {
            tr(lang, "none (the baseline)").to_string()
        } else {
            step.reforms.join(" + ")
        };
        let weights = if step.weights.is_empty() {
            tr(lang, "the dataset's").to_string()
        } else {
            step.weights
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (layer, view) = layer_and_view(step, lang);
        let _ = writeln!(
            out,
            "- {}",
            t!(
                lang,
                "State: dataset {dataset}, reforms {reforms}, layer {layer}, weights {weights}, view {view}",
                dataset = markdown_code(&step.dataset),
                reforms = markdown(&reforms),
                layer = layer,
                weights = markdown(&weights),
                view = view
            )
        );
        match &f.head {
            Some(h) => {
                let _ = writeln!(
                    out,
                    "- {}",
                    t!(
                        lang,
                        "Control of the {body} by the {head}: {control}",
                        body = markdown(body),
                        head = markdown(d.name(h, lang)),
                        control = PctRange(f.control, f.range)
                    )
                );
            }
            None => {
                let _ = writeln!(out, "- {}", tr(lang, "The dataset has no head of state"));
            }
        }
        let by: Vec<String> = f
            .analysis
            .body(&step.body)
            .map(|a| {
                a.controlled_by
                    .iter()
                    .map(|p| markdown(d.name(p, lang)))
                    .collect()
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- {}",
            t!(
                lang,
                "Controlled by majority closure: {by}",
                by = if by.is_empty() {
                    tr(lang, "no principal").to_string()
                } else {
                    by.join(", ")
                }
            )
        );
        let flags: Vec<_> = f.analysis.flags_of(&step.body).collect();
        if flags.is_empty() {
            let _ = writeln!(out, "- {}", tr(lang, "Flags: none"));
        } else {
            let _ = writeln!(out, "- {}", tr(lang, "Flags:"));
            for fl in flags {
                let _ = writeln!(
                    out,
                    "  - {} ({}): {}",
                    markdown_code(fl.rule),
                    word(lang, "severity", fl.severity.as_str()),
                    markdown(&fl.message_in(lang, d))
                );
            }
        }
        out.push('\n');
    }
    Ok(out)
}

//! `bilik sweep`: its arguments and the command, which loads one state per `--data` (and its
//! reformed state with `--reform`), runs the sweep engine and renders the chosen format.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::{Failure, Global, apply_reforms, emit, load_spec};
use crate::analysis::sweep::{self as engine, Spec, State, SweepError};
use crate::analysis::{self, Options};
use crate::data;
use crate::model::Dataset;
use crate::output;
use crate::output::sweep::{SeriesMeta, SweepView};

#[derive(Debug, Args)]
pub struct SweepArgs {
    /// The body whose control is swept.
    #[arg(long, value_name = "ID")]
    pub body: String,
    /// The weight to sweep: recommend, propose, consent, consent_under_threat (the threat
    /// discount), at_will_removal.
    #[arg(long, value_name = "NAME", default_value = "consent")]
    pub weight: String,
    #[arg(
        long,
        value_name = "A",
        default_value_t = 0.0,
        allow_negative_numbers = true
    )]
    pub from: f64,
    #[arg(
        long,
        value_name = "B",
        default_value_t = 2.0,
        allow_negative_numbers = true
    )]
    pub to: f64,
    /// Grid steps; breakpoints are then found exactly (to 1e-6) between grid points.
    #[arg(long, value_name = "N", default_value_t = analysis::sweep::DEFAULT_STEPS)]
    pub steps: usize,
    /// The output format.
    #[arg(long, short = 'f', value_enum, default_value_t = SweepFormat::Text)]
    pub format: SweepFormat,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SweepFormat {
    /// A table of grid points and the breakpoints in words.
    Text,
    /// The `bilik.sweep/1` JSON document.
    Json,
    /// Long format: weight,series,value.
    Csv,
    /// A line chart with the breakpoints marked.
    Svg,
}

/// `bilik sweep`: one series per `--data`, and with `--reform` the reformed state of each
/// beside it. `--principal` names the principal whose control is swept (default: the head of
/// state); the analysis keeps each dataset's own principals, with that one added.
pub fn run(global: &Global, args: &SweepArgs) -> anyhow::Result<ExitCode> {
    let principal = match global.principals.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        _ => {
            return Err(Failure::Usage(
                "sweep follows one principal: give --principal once".to_string(),
            )
            .into());
        }
    };
    let own = Global {
        principals: Vec::new(),
        ..global.clone()
    };
    let specs: Vec<String> = if global.data.is_empty() {
        vec![data::DEFAULT.to_string()]
    } else {
        global.data.clone()
    };
    // (label, meta, dataset, options) of every series.
    let mut states: Vec<(String, SeriesMeta, Dataset, Options)> = Vec::new();
    for spec in &specs {
        let loaded = load_spec(&own, spec)?;
        let id = loaded.dataset.meta.id.clone();
        if states.iter().any(|s| s.1.dataset == id) {
            return Err(Failure::Usage(format!("'{spec}' is dataset '{id}' again")).into());
        }
        if loaded.dataset.body(&args.body).is_none() {
            let hint = crate::diag::did_you_mean(
                &args.body,
                loaded.dataset.bodies.iter().map(|b| b.id.as_str()),
            )
            .map(|s| format!("; did you mean '{s}'?"))
            .unwrap_or_default();
            return Err(
                Failure::Usage(format!("dataset {id} has no body '{}'{hint}", args.body)).into(),
            );
        }
        let reformed = if global.reforms.is_empty() && global.reforms_file.is_none() {
            None
        } else {
            let (_, active, after) = apply_reforms(&own, &loaded.dataset)?;
            let options = Options {
                principals: after.principals(),
                ..loaded.options.clone()
            };
            Some((active, after, options))
        };
        states.push((
            id.clone(),
            SeriesMeta {
                dataset: id.clone(),
                reforms: Vec::new(),
            },
            loaded.dataset,
            loaded.options,
        ));
        if let Some((active, after, options)) = reformed {
            states.push((
                format!("{id}+{}", active.join("+")),
                SeriesMeta {
                    dataset: id,
                    reforms: active,
                },
                after,
                options,
            ));
        }
    }
    let first = &states[0].2;
    let principal = match principal {
        Some(p) => p,
        None => first.head_of_state().map(|b| b.id.clone()).ok_or_else(|| {
            Failure::Usage(format!(
                "dataset {} has no head of state: name the principal with --principal",
                first.meta.id
            ))
        })?,
    };
    let lang = global.lang.into();
    let view_names = (
        first.name(&args.body, lang).to_string(),
        first.name(&principal, lang).to_string(),
    );
    for (_, _, ds, o) in &mut states {
        if ds.body(&principal).is_some() && !o.principals.contains(&principal) {
            o.principals.push(principal.clone());
        }
    }
    let spec = Spec {
        body: args.body.clone(),
        principal: principal.clone(),
        weight: args.weight.clone(),
        from: args.from,
        to: args.to,
        steps: args.steps,
    };
    let engine_states: Vec<State> = states
        .iter()
        .map(|(label, _, ds, o)| State {
            label: label.clone(),
            dataset: ds,
            options: o.clone(),
        })
        .collect();
    let result = engine::sweep(&engine_states, &spec).map_err(|e| match e {
        SweepError::Analysis(e) => Failure::Data(e.to_string()),
        e @ SweepError::UnknownPrincipal(_) => Failure::Usage(format!(
            "{e}; principals are bodies such as the head of state (see `bilik summary`)"
        )),
        e => Failure::Usage(e.to_string()),
    })?;
    let view = SweepView {
        sweep: &result,
        series: states.iter().map(|s| s.1.clone()).collect(),
        body_name: view_names.0,
        principal_name: view_names.1,
        lang,
    };
    let body = match args.format {
        SweepFormat::Text => {
            output::escape::visible_lines(&output::sweep::text::render(&view)).into_owned()
        }
        SweepFormat::Json => output::sweep::json::render(&view),
        SweepFormat::Csv => output::sweep::csv::render(&view).context("CSV")?,
        SweepFormat::Svg => output::sweep::svg::render(&view),
    };
    emit(args.output.as_deref(), body.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

//! `bilik explain BODY`: how a principal's control of a body is made, step by step, each step
//! with its article and codebook rule (the explorer's `x` shows the same words).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{Failure, Global, Loaded, analyze_with_ranges, emit, load, reformed};
use crate::analysis::explain::explain;
use crate::analysis::range::Band;
use crate::output::escape::visible_lines;
use crate::output::explain as out;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The body whose figure is explained (its id, as `bilik summary` lists them).
    #[arg(value_name = "BODY")]
    pub body: String,
    /// The principal whose control is explained; default: the head of state (else the body's
    /// largest controller). Unlike the global `-p`, this does not change the principals.
    #[arg(long = "of", value_name = "ID")]
    pub of: Option<String>,
    /// The output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
    /// Write to this file (atomically) instead of standard output; `-` is standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    /// Plain text for a terminal.
    Text,
    /// Markdown, for a paper or a web page.
    Md,
    /// The `bilik.explain/1` JSON document.
    Json,
}

pub fn run(global: &Global, band: &Band, args: &ExplainArgs) -> anyhow::Result<ExitCode> {
    let baseline = load(global)?;
    let (loaded, _active): (Loaded, _) = reformed(global, baseline)?;
    let (analysis, r) = analyze_with_ranges(&loaded, band, &global.choose)?;
    // The principal: `--of`, else the first `--principal`, else the default.
    let principal = args
        .of
        .clone()
        .or_else(|| global.principals.first().cloned());
    let e = explain(
        &loaded.dataset,
        &analysis,
        &args.body,
        principal.as_deref(),
        Some(&r.control),
    )
    .map_err(|e| Failure::Usage(e.to_string()))?;
    let lang = global.lang.into();
    let doc = out::doc(&loaded.dataset, &e, lang, Some(&r.method_in(lang)));
    let body = match args.format {
        ExplainFormat::Text => visible_lines(&out::text(&doc)).into_owned(),
        ExplainFormat::Md => out::md(&doc),
        ExplainFormat::Json => out::json::render(&loaded.dataset, &e, &doc, lang),
    };
    emit(args.output.as_deref(), body.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// The output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
    /// Write to this file (atomically) instead of standard output; `-` is standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `bilik sources`: the dataset's bibliography and what cites each source.
pub fn sources(global: &Global, args: &SourcesArgs) -> anyhow::Result<ExitCode> {
    // The bibliography is the dataset's, whichever layer is analysed: a source cited only by
    // the de facto layer is listed with what cites it there, marked so.
    let loaded = crate::cli::load_both_layers(global)?;
    let ds = &loaded.dataset;
    let body = match args.format {
        ExplainFormat::Text => {
            visible_lines(&crate::output::sources::text_in(ds, global.lang.into())).into_owned()
        }
        ExplainFormat::Md => crate::output::sources::md_in(ds, global.lang.into()),
        ExplainFormat::Json => crate::output::sources::json(ds),
    };
    emit(args.output.as_deref(), body.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

//! The command line: argument definitions (clap) and dispatch. `main.rs` only calls [`main`].
//!
//! Exit codes: 0 success; 1 invalid data (a dataset or reform file that does not validate, or
//! an analysis that cannot be computed); 2 a usage error (clap's own); 3 an I/O error (an
//! export that could not be written).
//!
//! This is the edge where errors become a line on stderr and an exit code. [`run`] returns an
//! `anyhow::Error`: the library's typed errors arrive as a [`Failure`], which names its exit
//! code, and I/O errors carry the context of what was being written (`cannot write FILE`).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::analysis::range::Band;
use crate::analysis::{self, Analysis, Options};
use crate::comparative::{Comparison, Entry};
use crate::data;
use crate::model::{Dataset, Lang};
use crate::output::escape::{visible, visible_lines};
use crate::output::ranges::Ranges;
use crate::output::write::{
    is_stdout, remove_temporaries_on_signals, write_atomic, write_atomic_with, write_stdout,
    write_stdout_with,
};
use crate::output::{self, diff, export, fmt, summary};
use crate::reform::{self, PresetSet, ReformError};

mod check;
mod explain;
mod man;
mod power;
mod session;
mod sweep;
mod tour;

#[derive(Debug, Parser)]
#[command(
    name = "bilik",
    version,
    about = "Map the separation of powers in a state: who appoints, consents, dismisses and dissolves whom, and how concentrated that power is.",
    long_about = "Map the separation of powers in a state: who appoints, consents, dismisses and dissolves whom, and how concentrated that power is.\n\nWith no command, bilik opens the interactive explorer on the embedded Kazakhstan dataset when standard output is a terminal, and prints the summary otherwise.",
    after_help = "Examples:\n  bilik                                 open the explorer\n  bilik summary --weights consent=0.5   the report with consent counting half\n  bilik check data/kz-2022.ron          validate a dataset\n  bilik export --format json -o kz.json the machine-readable summary\n  bilik export --format svg -o kz.svg   a picture of the graph\n  bilik export --format csv --table control -o control.csv\n  bilik compare kz-2022 kz-2026 us      the same indicators side by side\n  bilik reforms                         the reform presets of the dataset\n  bilik diff --reform P5,P10            what two reforms change\n  bilik power --quota 51 50 49 1        Banzhaf and Shapley-Shubik of a weighted game"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(flatten)]
    pub session: session::SessionArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command shares.
#[derive(Debug, Clone, Args)]
pub struct Global {
    /// The dataset: the id of an embedded one (see `bilik datasets`) or a path to a RON file.
    /// `sweep` takes it several times (one series each); other commands take it once.
    #[arg(
        long,
        short = 'd',
        global = true,
        value_name = "ID|FILE",
        default_value = data::DEFAULT,
        value_parser = Offered(dataset_ids),
        hide_possible_values = true
    )]
    pub data: Vec<String>,
    /// Role weights to change, e.g. `consent=0.5,recommend=0`. Weights: recommend, propose,
    /// consent, consent_under_threat, at_will_removal.
    #[arg(long, short = 'w', global = true, value_name = "ROLE=VALUE,...")]
    pub weights: Option<String>,
    /// A principal (repeatable); replaces the dataset's own list. Bodies nobody fills, such as
    /// the electorate, are always principals.
    #[arg(long = "principal", short = 'p', global = true, value_name = "ID")]
    pub principals: Vec<String>,
    /// The language of the reports, the figures and the explorer: headings, sentences and body
    /// names (the data's own labels and notes are in English).
    #[arg(long, global = true, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Colour in diagnostics: auto (when stderr is a terminal and NO_COLOR is unset), always,
    /// never.
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Reform presets to apply, e.g. `P5,P10` (see `bilik reforms`). They apply in the order
    /// of their file, whatever order they are listed in.
    #[arg(
        long = "reform",
        short = 'r',
        global = true,
        value_name = "ID,...",
        value_delimiter = ',',
        value_parser = Offered(preset_ids),
        hide_possible_values = true
    )]
    pub reforms: Vec<String>,
    /// A file of reform presets to use instead of those embedded for the dataset.
    #[arg(long = "reforms", global = true, value_name = "FILE")]
    pub reforms_file: Option<PathBuf>,
    /// Count a general power to dissolve a body at will as a threat to its consents (codebook
    /// R-THREAT); off by default in every dataset alike.
    #[arg(long = "at-will-threat", global = true)]
    pub at_will_threat: bool,
    /// A weight the ranges vary, `NAME=LO..HI` (repeatable), or `none` for no band. Default:
    /// `consent=0.5..2` (a ratifier counts between half and twice the proposer).
    #[arg(long = "band", global = true, value_name = "NAME=LO..HI|none")]
    pub band: Vec<String>,
    /// Take a contested coding's alternative reading as the point value (repeatable; the ids
    /// are listed in the JSON export's `alternatives`).
    #[arg(long = "choose", global = true, value_name = "ALT_ID")]
    pub choose: Vec<String>,
    /// The layer analysed: the law as written (de-jure), or with the dataset's de facto layer
    /// of blocs, alignments and practice (de-facto, codebook R34).
    #[arg(long, global = true, value_enum, default_value_t = LayerArg::DeJure)]
    pub layer: LayerArg,
    /// What a body with blocs contributes to integrated control: its seat shares, or its
    /// blocs' Banzhaf or Shapley-Shubik voting power (codebook R33).
    #[arg(long = "share-model", global = true, value_enum, default_value_t = ShareModelArg::Seats)]
    pub share_model: ShareModelArg,
    /// The most bytes read from any input (datasets, presets, the config, pipes, devices),
    /// e.g. `64M`; default 16M. Also set by BILIK_MAX_INPUT_BYTES; this flag wins.
    #[arg(long, global = true, value_name = "BYTES", value_parser = crate::diag::read::parse_byte_count)]
    pub max_input_bytes: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Ru,
    Kk,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Ru => Lang::Ru,
            LangArg::Kk => Lang::Kk,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayerArg {
    /// The law as written.
    DeJure,
    /// The law with the dataset's de facto layer.
    DeFacto,
}

impl From<LayerArg> for crate::model::Layer {
    fn from(l: LayerArg) -> Self {
        match l {
            LayerArg::DeJure => crate::model::Layer::DeJure,
            LayerArg::DeFacto => crate::model::Layer::DeFacto,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShareModelArg {
    /// Seat shares.
    Seats,
    /// The normalised Banzhaf index of each bloc.
    Banzhaf,
    /// The Shapley-Shubik index of each bloc.
    Shapley,
}

impl From<ShareModelArg> for analysis::ShareModel {
    fn from(m: ShareModelArg) -> Self {
        match m {
            ShareModelArg::Seats => analysis::ShareModel::Seats,
            ShareModelArg::Banzhaf => analysis::ShareModel::Banzhaf,
            ShareModelArg::Shapley => analysis::ShareModel::Shapley,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the readable report: principals, the headline, each body's composition and
    /// control, and the flags with their sources.
    Summary,
    /// Validate dataset files; print every problem with file, line and column. Exits 1 if any
    /// file is invalid.
    Check {
        /// Dataset files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Export the analysis in a machine-readable or publishable format.
    Export(ExportArgs),
    /// List the embedded datasets.
    Datasets,
    /// List the reform presets of the dataset (id, title, the article's proposal number);
    /// with --reforms FILE, validate that file against the dataset first.
    Reforms,
    /// Print what the reforms chosen with --reform change, against the baseline: the
    /// headline, bodies, flags raised and cleared, powers, principals.
    Diff(DiffArgs),
    /// Compare datasets side by side: the head of state's hold on the independent bodies,
    /// bodies lined up by role, and why each role moved between datasets of one state.
    Compare(CompareArgs),
    /// Sweep one weight over a range: a principal's control of a body, one series per
    /// --data (or baseline and reformed with --reform), with the weights at which a series
    /// crosses another, one half, or the next principal.
    Sweep(sweep::SweepArgs),
    /// Voting power in a weighted game: the normalised Banzhaf and Shapley-Shubik indices of
    /// each weight for the quota, exactly (`bilik power --quota 51 50 49 1`).
    Power(power::PowerArgs),
    /// Guided tours: with no argument, list the shipped ones; with an id or a file and
    /// `--export md`, render the tour with the numbers of every step.
    Tour(tour::TourArgs),
    /// Print the text of the constitution at a citation, as the dataset's sources cite it:
    /// `bilik article 71(2) --data kz-2022` prints the paragraph the Court's Chair is coded
    /// from. The Russian texts of the 1995 Constitution (wording of 2023, for kz-2022) and of
    /// the 2026 Constitution (for kz-2026) ship with bilik.
    Article {
        /// The reference: an article (71), a paragraph or item (71(2), 44(4)), an item of a
        /// paragraph (58(3)(7)), a range (83(1)-(2)), an inserted article (83-1).
        #[arg(value_name = "REF")]
        reference: String,
    },
    /// Open the explorer on a saved session (RON): its dataset, weights, principals, reforms,
    /// selected body and view. What no longer fits is dropped, and the status line says what.
    Open {
        #[arg(value_name = "SESSION")]
        file: PathBuf,
    },
    /// Explain a figure: how a principal's control of a body is made, step by step, each step
    /// with its article and codebook rule: the seats by channel, the weights' split, each path
    /// through an intermediary, the vetoes and what discounted them, what widens the range.
    /// The principal is `--of`, else the first `--principal`, else the head of state.
    Explain(explain::ExplainArgs),
    /// List the dataset's sources (title, URL, note) and what names each by its id: bodies,
    /// attributes, channels, blocs and edges, of both layers.
    Sources(explain::SourcesArgs),
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page bilik(1) (roff), generated from these definitions and the
    /// explorer's key map; with --dir, write it and one page per command (bilik-summary.1,
    /// ...) into DIR.
    Man {
        /// Write bilik.1 and bilik-COMMAND.1 for every command into this directory.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// The table of a CSV export (one table per file); required with --format csv and
    /// refused otherwise.
    #[arg(long, short = 't', value_enum)]
    pub table: Option<TableArg>,
    /// Write to this file (atomically) instead of standard output; `-` is standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Graph formats: draw only the bodies around this one (an id, or a name in any
    /// language), e.g. the Constitutional Court's chain: `--focus constitutional_court`.
    #[arg(long, value_name = "BODY")]
    pub focus: Option<String>,
    /// With --focus: how many steps from the body.
    #[arg(long, value_name = "N", default_value_t = 2, requires = "focus")]
    pub depth: usize,
    /// With --focus: `up`, who fills its seats (and theirs); `down`, what it fills and holds
    /// power over; `both`.
    #[arg(long, value_enum, default_value_t = DirectionArg::Up, requires = "focus")]
    pub direction: DirectionArg,
    /// svg, png, pdf: the printed width, in mm or px (`160mm`, `85mm`, `1200px`); the layout
    /// adapts to it (names wrap, the legend stacks) rather than shrinking the text.
    #[arg(long, value_name = "WIDTH", default_value = "160mm", value_parser = parse_width)]
    pub width: output::graph::Length,
    /// svg, png, pdf: the smallest text, in points.
    #[arg(long, value_name = "PT", default_value = "7", value_parser = output::graph::print::font_size)]
    pub font_size: f64,
    /// png: the resolution, in dots per inch (150 for slides and screens).
    #[arg(long, value_name = "N", default_value = "300", value_parser = output::graph::print::dpi)]
    pub dpi: f64,
}

fn parse_width(s: &str) -> Result<output::graph::Length, String> {
    s.parse()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DirectionArg {
    /// Who fills the body's seats, and who fills theirs.
    Up,
    /// What the body fills and the bodies it holds power over.
    Down,
    /// Both.
    Both,
}

impl From<DirectionArg> for output::graph::Direction {
    fn from(d: DirectionArg) -> output::graph::Direction {
        match d {
            DirectionArg::Up => output::graph::Direction::Up,
            DirectionArg::Down => output::graph::Direction::Down,
            DirectionArg::Both => output::graph::Direction::Both,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A report for a paper: GitHub-flavoured Markdown.
    Md,
    /// The `bilik.summary/2` JSON contract.
    Json,
    /// Graphviz source (render with `dot -Tsvg`).
    Dot,
    /// A picture, drawn without Graphviz.
    Svg,
    /// A Mermaid flowchart (GitHub renders it).
    Mermaid,
    /// One table as CSV; needs --table.
    Csv,
    /// The graph with every attribute, for Gephi, yEd and networkx.
    Graphml,
    /// The picture as PNG (300 dpi), drawn with the bundled font.
    Png,
    /// The picture as PDF, the bundled font embedded.
    Pdf,
}

impl From<Format> for export::Format {
    fn from(f: Format) -> export::Format {
        match f {
            Format::Md => export::Format::Md,
            Format::Json => export::Format::Json,
            Format::Dot => export::Format::Dot,
            Format::Svg => export::Format::Svg,
            Format::Mermaid => export::Format::Mermaid,
            Format::Csv => export::Format::Csv,
            Format::Graphml => export::Format::Graphml,
            Format::Png => export::Format::Png,
            Format::Pdf => export::Format::Pdf,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableArg {
    /// One row per body, names in English, Russian and Kazakh.
    Bodies,
    /// One row per channel step and power edge.
    Edges,
    /// One row per body and principal: integrated control.
    Control,
    /// One row per flag, with its sources.
    Flags,
}

impl From<TableArg> for export::Table {
    fn from(t: TableArg) -> export::Table {
        match t {
            TableArg::Bodies => export::Table::Bodies,
            TableArg::Edges => export::Table::Edges,
            TableArg::Control => export::Table::Control,
            TableArg::Flags => export::Table::Flags,
        }
    }
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The output format.
    #[arg(long, short = 'f', value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// png: the resolution, in dots per inch (150 for slides and screens).
    #[arg(long, value_name = "N", default_value = "300", value_parser = output::graph::print::dpi)]
    pub dpi: f64,
    /// Write to this file (atomically) instead of standard output; `-` is standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// The readable report.
    Text,
    /// The `bilik.diff/1` JSON document.
    Json,
    /// Markdown, for a report or a web page.
    Md,
    /// A figure: the headline before and after, arrows for the control that moved, the edges
    /// added and removed.
    Svg,
    /// The figure as PNG (300 dpi), drawn with the bundled font.
    Png,
    /// The figure as PDF, the bundled font embedded.
    Pdf,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Datasets to compare: embedded ids or RON files, in the order of the columns. Default:
    /// every embedded dataset. `--weights` and `--principal` apply to each; `--data` is not
    /// read.
    #[arg(value_name = "ID|FILE", value_parser = Offered(dataset_ids), hide_possible_values = true)]
    pub datasets: Vec<String>,
    /// The output format.
    #[arg(long, short = 'f', value_enum, default_value_t = CompareFormat::Text)]
    pub format: CompareFormat,
    /// png: the resolution, in dots per inch (150 for slides and screens).
    #[arg(long, value_name = "N", default_value = "300", value_parser = output::graph::print::dpi)]
    pub dpi: f64,
    /// Write to this file (atomically) instead of standard output; `-` is standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Tables to read in a terminal.
    Text,
    /// The `bilik.compare/1` JSON contract.
    Json,
    /// Markdown tables and sections.
    Md,
    /// One row per dataset (RFC 4180).
    Csv,
    /// A figure: the indicators and the head of state's hold on each role, with their ranges.
    Svg,
    /// The figure as PNG (300 dpi), drawn with the bundled font.
    Png,
    /// The figure as PDF, the bundled font embedded.
    Pdf,
}

/// A failure the command line names itself, with the exit code it maps to. Any other error
/// at the edge is an `io::Error` with context (exit 3).
#[derive(Debug)]
pub enum Failure {
    /// Invalid data (exit 1); the message is empty when the diagnostics are already printed.
    Data(String),
    /// Arguments that parse but make no sense together (exit 2, as clap's own).
    Usage(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Data(m) | Failure::Usage(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Failure {}

pub fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    if let Some(message) = ignored_options(&matches) {
        Cli::command()
            .error(clap::error::ErrorKind::ArgumentConflict, message)
            .exit();
    }
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // Each context, then the error: `cannot write FILE: No such file or directory`.
            let message = format!("{e:#}");
            if !message.is_empty() {
                say(&format!("bilik: {}\n", visible_lines(&message)));
            }
            ExitCode::from(exit_code(&e))
        }
    }
}

/// A value that is any string (a file path too), and whose known values (`ids`) the shell
/// completions offer: the embedded datasets for `--data` and `compare`, the embedded presets
/// for `--reform`.
#[derive(Clone, Copy)]
struct Offered(fn() -> &'static [String]);

impl clap::builder::TypedValueParser for Offered {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            (self.0)()
                .iter()
                .map(|id| clap::builder::PossibleValue::new(id.as_str())),
        ))
    }
}

fn dataset_ids() -> &'static [String] {
    static IDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| data::EMBEDDED.iter().map(|e| e.id.to_string()).collect())
}

fn preset_ids() -> &'static [String] {
    static IDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        let mut ids: Vec<String> = Vec::new();
        for e in data::EMBEDDED {
            for p in reform::embedded(e.id).presets {
                if !ids.contains(&p.id) {
                    ids.push(p.id);
                }
            }
        }
        ids
    })
}

/// A usage error for an option the command would accept and ignore: `compare` takes its
/// datasets as arguments and applies no reforms; `completions` and `man` read no data.
pub fn ignored_options(matches: &clap::ArgMatches) -> Option<String> {
    use clap::parser::ValueSource;
    let (name, sub) = matches.subcommand()?;
    let given = |id: &str| {
        sub.try_get_raw(id).is_ok() && sub.value_source(id) == Some(ValueSource::CommandLine)
    };
    let flag = |id: &str| match id {
        "data" => "--data",
        "weights" => "--weights",
        "principals" => "--principal",
        "lang" => "--lang",
        "reforms" => "--reform",
        "reforms_file" => "--reforms",
        "at_will_threat" => "--at-will-threat",
        "band" => "--band",
        _ => "",
    };
    let (ids, why): (&[&str], &str) = match name {
        "compare" => (
            &["data", "reforms", "reforms_file"],
            "compare takes its datasets as arguments (`bilik compare kz-2022 kz-2026`) and \
             compares them as they are in force; to see what reforms change, use \
             `bilik diff --reform ID,...`",
        ),
        "completions" | "man" => (
            &[
                "data",
                "weights",
                "principals",
                "lang",
                "reforms",
                "reforms_file",
                "at_will_threat",
                "band",
            ],
            "it reads no dataset",
        ),
        _ => return None,
    };
    let used: Vec<&str> = ids
        .iter()
        .filter(|id| given(id))
        .map(|id| flag(id))
        .collect();
    if used.is_empty() {
        return None;
    }
    Some(format!("`{name}` does not use {}: {why}", used.join(", ")))
}

/// Writes to stderr. When stderr is closed or a closed pipe (`2>&1 | head -1`) there is
/// nowhere to tell it, so nothing is said and the command ends with its own exit code.
pub(crate) fn say(text: &str) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|_| err.flush());
}

fn exit_code(e: &anyhow::Error) -> u8 {
    match e.downcast_ref::<Failure>() {
        Some(Failure::Data(_)) => 1,
        Some(Failure::Usage(_)) => 2,
        None if e.downcast_ref::<std::io::Error>().is_some() => 3,
        None => 1,
    }
}

fn color_for_stderr(c: ColorArg) -> bool {
    match c {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal()
        }
    }
}

/// The dataset and analysis options the global flags select.
pub struct Loaded {
    pub dataset: Dataset,
    pub options: Options,
    /// The dataset as coded, before `--choose` (when readings were chosen): its combinations
    /// are still possible readings, so the ranges span them too.
    pub unchosen: Option<Dataset>,
}

/// The one dataset of `--data` (every command but `sweep` takes one).
pub fn data_spec(global: &Global) -> Result<&str, Failure> {
    match global.data.as_slice() {
        [one] => Ok(one),
        [] => Ok(data::DEFAULT),
        _ => Err(Failure::Usage(
            "--data is given more than once; only `bilik sweep` takes several (compare takes datasets as arguments)".to_string(),
        )),
    }
}

pub fn load(global: &Global) -> Result<Loaded, Failure> {
    load_spec(global, data_spec(global)?)
}

/// As [`load`], but the dataset keeps both layers (the explorer switches between them with
/// `d`); `--layer` is only the layer its options start in.
pub fn load_both_layers(global: &Global) -> Result<Loaded, Failure> {
    load_spec_with(global, data_spec(global)?, true, false)
}

/// The band of `--band`: the default one changed by each spec in turn.
pub fn band(global: &Global) -> Result<Band, Failure> {
    let mut band = Band::default();
    for spec in &global.band {
        band.apply_spec(spec)
            .map_err(|e| Failure::Usage(format!("--band: {e}")))?;
    }
    Ok(band)
}

/// The dataset with the readings of `--choose` as its point value. With `strict` an id the
/// dataset lacks is an error; otherwise it is skipped (compare: each dataset takes the ids it
/// knows, and [`compare`] checks that every id is known to one).
fn choose(global: &Global, dataset: Dataset, strict: bool) -> Result<Dataset, Failure> {
    if global.choose.is_empty() {
        return Ok(dataset);
    }
    let known: Vec<String> = dataset
        .contested()
        .iter()
        .flat_map(|c| c.readings.iter().map(|r| r.id.clone()))
        .collect();
    let ids: Vec<String> = global
        .choose
        .iter()
        .filter(|id| strict || known.contains(id))
        .cloned()
        .collect();
    dataset
        .with_alternatives(&ids)
        .map_err(|e| Failure::Usage(format!("--choose: {e}")))
}

/// Loads the dataset `spec` (an embedded id or a file) under the global weights, principals,
/// threat option and chosen readings.
pub fn load_spec(global: &Global, spec: &str) -> Result<Loaded, Failure> {
    load_spec_with(global, spec, true, true)
}

fn load_spec_with(
    global: &Global,
    spec: &str,
    strict: bool,
    in_layer: bool,
) -> Result<Loaded, Failure> {
    let dataset = data::resolve(spec).map_err(|e| {
        say(&e.report.render(color_for_stderr(global.color)));
        Failure::Data(e.to_string())
    })?;
    let layer = global.layer.into();
    // A dataset without de facto elements is its own layer: kept as it is, not copied.
    let dataset = if in_layer && dataset.has_de_facto() {
        dataset.in_layer(layer).into_owned()
    } else {
        dataset
    };
    // Without `--choose` the coding is the dataset itself: no copy, nothing to compare.
    let (dataset, unchosen) = if global.choose.is_empty() {
        (dataset, None)
    } else {
        let chosen = choose(global, dataset.clone(), strict)?;
        let unchosen = (chosen != dataset).then_some(dataset);
        (chosen, unchosen)
    };
    let mut options = Options::of(&dataset);
    options.at_will_threat = global.at_will_threat;
    options.layer = layer;
    options.share_model = global.share_model.into();
    if let Some(spec) = &global.weights {
        options
            .weights
            .apply_spec(spec)
            .map_err(|e| Failure::Data(format!("--weights: {e}")))?;
    }
    if !global.principals.is_empty() {
        options.principals = global.principals.clone();
    }
    Ok(Loaded {
        dataset,
        options,
        unchosen,
    })
}

pub fn analyze(loaded: &Loaded) -> Result<Analysis, Failure> {
    analysis::analyze(&loaded.dataset, &loaded.options).map_err(|e| Failure::Data(e.to_string()))
}

/// The ranges of a loaded state over the band of `--band`, computed once for every output.
/// With `--choose`, the ranges of the coding as chosen (its drivers move from that point)
/// widened by those of the dataset as coded, so that the range still spans every reading.
pub fn ranges(loaded: &Loaded, band: &Band, chosen: &[String]) -> Result<Ranges, Failure> {
    let fail = |e: analysis::AnalysisError| Failure::Data(format!("ranges: {e}"));
    let mut r = Ranges::of(&loaded.dataset, &loaded.options, band)
        .map_err(fail)?
        .with_chosen(chosen);
    if let Some(u) = &loaded.unchosen {
        let wide = Ranges::of(u, &loaded.options, band).map_err(fail)?;
        r.control.widen(&wide.control);
        r.control.exact &= wide.control.exact;
        r.control.combinations += wide.control.combinations;
    }
    Ok(r)
}

/// [`analyze`] and [`ranges`] of one loaded state, the ranges on a second thread: neither
/// reads what the other makes, and at 100,000 bodies each takes about a second. The errors are
/// those of the two run one after the other: the analysis's first.
pub fn analyze_with_ranges(
    loaded: &Loaded,
    band: &Band,
    chosen: &[String],
) -> Result<(Analysis, Ranges), Failure> {
    beside_ranges(loaded, band, chosen, || analyze(loaded))
}

/// `first` on this thread and the ranges on a second one; the errors are those of the two run
/// one after the other, `first`'s first.
fn beside_ranges<T>(
    loaded: &Loaded,
    band: &Band,
    chosen: &[String],
    first: impl FnOnce() -> Result<T, Failure>,
) -> Result<(T, Ranges), Failure> {
    std::thread::scope(|scope| {
        let ranged = worker("ranges").spawn_scoped(scope, || ranges(loaded, band, chosen));
        let first = first();
        let ranges = match ranged {
            Ok(handle) => joined(handle),
            // No second thread to be had: the ranges after the analysis, as before.
            Err(_) => ranges(loaded, band, chosen),
        };
        Ok((first?, ranges?))
    })
}

/// A thread for a stage of the analysis, with as much stack as the main thread has: the
/// stages walk datasets of any depth.
fn worker(name: &str) -> std::thread::Builder {
    std::thread::Builder::new()
        .name(name.into())
        .stack_size(8 << 20)
}

/// What a worker returned; its panic goes on in this thread.
fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// The flags of an analysis made without them, evaluated on a second thread from the moment
/// this is made, and there also written as the document's `flags` value into an unnamed
/// temporary file: the document's longest part after the bodies, made beside the bodies and
/// edges instead of after them (at 100,000 bodies, 240,000 flags, 0.5 s of the main thread's
/// writing). [`PendingFlags::written`] waits for the file; without one (no temporary file to
/// be had, or a write failed) the flags are written in the document as before.
struct FlagsBeside<'scope, 'a> {
    dataset: &'a Dataset,
    analysis: &'a Analysis,
    handle: std::cell::Cell<Option<std::thread::ScopedJoinHandle<'scope, Beside>>>,
    flags: std::cell::OnceCell<Vec<analysis::Flag>>,
}

impl FlagsBeside<'_, '_> {
    /// Lets go of the flags without freeing them, like a command's other large values
    /// ([`leave`]). A thread the document never asked (a write failed first) is handed back to
    /// the scope, which joins it: a forgotten handle would keep the scope waiting for ever.
    fn leave(self) {
        drop(self.handle.take());
        leave(self.flags);
    }
}

/// What the flags' thread hands back.
enum Beside {
    /// The `flags` value written (`json::write_flags`), read from its start.
    Written(std::fs::File),
    Flags(Vec<analysis::Flag>),
}

impl<'scope, 'a: 'scope> FlagsBeside<'scope, 'a> {
    fn start(
        scope: &'scope std::thread::Scope<'scope, '_>,
        dataset: &'a Dataset,
        analysis: &'a Analysis,
    ) -> Self {
        let handle = worker("flags")
            .spawn_scoped(scope, || {
                let flags = analysis::flags::evaluate(dataset, analysis);
                match written(dataset, &flags) {
                    Ok(file) => {
                        // Freeing them one by one would delay the file; the process ends soon.
                        leave(flags);
                        Beside::Written(file)
                    }
                    Err(_) => Beside::Flags(flags),
                }
            })
            .ok();
        FlagsBeside {
            dataset,
            analysis,
            handle: std::cell::Cell::new(handle),
            flags: std::cell::OnceCell::new(),
        }
    }
}

/// The document's `flags` value for `flags`, in an unnamed temporary file (removed by the
/// system when closed), read from its start.
fn written(dataset: &Dataset, flags: &[analysis::Flag]) -> std::io::Result<std::fs::File> {
    use std::io::Seek;
    let mut file = tempfile::tempfile()?;
    summary::json::write_flags(dataset, flags, &mut file)?;
    file.rewind()?;
    Ok(file)
}

impl summary::json::PendingFlags for FlagsBeside<'_, '_> {
    fn flags(&self) -> &[analysis::Flag] {
        self.flags
            .get_or_init(|| match self.handle.take().map(joined) {
                Some(Beside::Flags(flags)) => flags,
                // No second thread to be had (or its file already given): evaluated here.
                Some(Beside::Written(_)) | None => {
                    analysis::flags::evaluate(self.dataset, self.analysis)
                }
            })
    }

    fn written(&self) -> Option<std::fs::File> {
        match self.handle.take().map(joined)? {
            Beside::Written(file) => Some(file),
            Beside::Flags(flags) => {
                let _ = self.flags.set(flags);
                None
            }
        }
    }
}

/// The presets for the dataset: those of `--reforms FILE`, validated against it, or the
/// embedded ones. `warn` also prints the pairs of presets that cannot be active together
/// (for `bilik reforms`; elsewhere only the pair actually chosen matters, and is an error).
pub fn presets(global: &Global, dataset: &Dataset, warn: bool) -> Result<PresetSet, Failure> {
    let color = color_for_stderr(global.color);
    let Some(path) = &global.reforms_file else {
        return Ok(reform::embedded(&dataset.meta.id));
    };
    let set = reform::load_file(path).map_err(|e| {
        say(&e.report.render(color));
        Failure::Data(e.to_string())
    })?;
    let mut report = reform::check(&set, dataset);
    if !warn {
        report
            .diagnostics
            .retain(|d| d.level == crate::diag::Level::Error);
    }
    if !report.diagnostics.is_empty() {
        say(&report.render(color));
    }
    match report.errors() {
        0 => Ok(set),
        n => Err(Failure::Data(format!(
            "{}: {n} problem{} found",
            report.path,
            if n == 1 { "" } else { "s" }
        ))),
    }
}

/// Prints a reform error with its places in the preset file.
fn reform_failure(global: &Global, set: &PresetSet, e: ReformError) -> Failure {
    say(&e.report(set).render(color_for_stderr(global.color)));
    Failure::Data(String::new())
}

/// The presets, the ids of `--reform` in the order they apply, and the baseline with them
/// applied.
fn apply_reforms(
    global: &Global,
    baseline: &Dataset,
) -> Result<(PresetSet, Vec<String>, Dataset), Failure> {
    let set = presets(global, baseline, false)?;
    let active = set
        .order(&global.reforms)
        .map_err(|e| reform_failure(global, &set, e))?;
    let after =
        reform::apply(baseline, &set, &active).map_err(|e| reform_failure(global, &set, e))?;
    Ok((set, active, after))
}

/// The dataset with the reforms of `--reform` applied, and their ids in the order applied.
/// Unless the user named the principals, the reformed dataset's own are in force.
pub fn reformed(global: &Global, loaded: Loaded) -> Result<(Loaded, Vec<String>), Failure> {
    if global.reforms.is_empty() && global.reforms_file.is_none() {
        return Ok((loaded, Vec::new()));
    }
    let (set, active, dataset) = apply_reforms(global, &loaded.dataset)?;
    let mut options = loaded.options;
    if global.principals.is_empty() {
        options.principals = dataset.principals();
    }
    // The same reforms on the coding before --choose; if they do not apply to it, the ranges
    // span the chosen coding's combinations only.
    let unchosen = loaded
        .unchosen
        .and_then(|u| reform::apply(&u, &set, &active).ok());
    Ok((
        Loaded {
            dataset,
            options,
            unchosen,
        },
        active,
    ))
}

/// Sets the input limit of `--max-input-bytes`, else of `BILIK_MAX_INPUT_BYTES`, before any
/// file is read.
fn input_limit(global: &Global) -> Result<(), Failure> {
    match global.max_input_bytes {
        Some(n) => {
            crate::diag::set_max_input_bytes(n);
            Ok(())
        }
        None => crate::diag::read::set_max_input_bytes_from_env().map_err(Failure::Usage),
    }
}

/// Writes a report to `output`, atomically, or to stdout.
fn emit(output: Option<&std::path::Path>, body: &[u8]) -> anyhow::Result<()> {
    match output {
        Some(path) if !is_stdout(path) => {
            remove_temporaries_on_signals().context("signals")?;
            write_atomic(path, body).with_context(|| format!("cannot write {}", path.display()))
        }
        _ => print(body),
    }
}

/// Writes an export to `output`, atomically through a buffer, or to stdout, as it is
/// produced (see [`export::Output`]).
fn emit_export(output: Option<&std::path::Path>, body: &export::Output) -> anyhow::Result<()> {
    emit_export_with(output, |out| body.write_to(out))
}

/// [`emit_export`] of what `write` writes.
fn emit_export_with(
    output: Option<&std::path::Path>,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    match output {
        Some(path) if !is_stdout(path) => {
            remove_temporaries_on_signals().context("signals")?;
            write_atomic_with(path, |file| {
                let mut out = std::io::BufWriter::new(file);
                write(&mut out)?;
                std::io::Write::flush(&mut out)
            })
            .with_context(|| format!("cannot write {}", path.display()))
        }
        _ => write_stdout_with(|out| write(out)).context("stdout"),
    }
}

/// The passages of the shipped constitution of dataset `id` at `reference`, headed by the
/// text's title and followed by its origin.
fn article(id: &str, reference: &str) -> Result<String, Failure> {
    let text = crate::law::for_dataset(id).ok_or_else(|| {
        let shipped: Vec<String> = crate::law::TEXTS
            .iter()
            .map(|t| format!("{} ({})", t.datasets.join(", "), t.id))
            .collect();
        Failure::Data(format!(
            "the constitution {id} cites does not ship with bilik; texts ship for: {}",
            shipped.join("; ")
        ))
    })?;
    let cite = crate::law::parse_user(reference).map_err(Failure::Usage)?;
    let passages = text
        .resolve(&cite)
        .map_err(|e| Failure::Data(format!("{reference}: {e}")))?;
    let mut out = format!(
        "{}
",
        text.title
    );
    for p in passages {
        out.push_str(&format!("\n{}\n{}\n", p.heading, p.text));
    }
    out.push_str(&format!("\nText: {}\n", text.origin));
    Ok(out)
}

/// Lets go of a command's large values without freeing them, when the process ends right
/// after: freeing 100,000 bodies, their analysis and ranges one allocation at a time was
/// about a tenth of an export's time, while the system takes the pages back at once.
/// Only for values the process holds to its end (`run` is called once, by `main`).
pub(crate) fn leave<T>(value: T) {
    std::mem::forget(value);
}

fn print(body: &[u8]) -> anyhow::Result<()> {
    write_stdout(body).context("stdout")
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let global = cli.global;
    input_limit(&global)?;
    // Checked before anything is loaded, so that a bad band is a usage error (exit 2).
    let band = band(&global)?;
    match cli.command {
        None => {
            if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
                return session::explore(&global, &cli.session, None);
            }
            summary_text(&global)
        }
        Some(Command::Summary) => summary_text(&global),
        Some(Command::Open { file }) => {
            if !(std::io::stdout().is_terminal() && std::io::stdin().is_terminal()) {
                return Err(Failure::Usage(
                    "bilik open needs a terminal: it opens the explorer".to_string(),
                )
                .into());
            }
            session::explore(&global, &cli.session, Some(&file))
        }
        Some(Command::Check { files }) => Ok(check::run(&files, color_for_stderr(global.color))),
        Some(Command::Export(args)) => {
            let format = export::Format::from(args.format);
            let options = export::RenderOptions {
                table: args.table.map(export::Table::from),
            };
            export::validate(format, &options).map_err(|e| Failure::Usage(e.to_string()))?;
            let graph_format = matches!(
                format,
                export::Format::Svg
                    | export::Format::Png
                    | export::Format::Pdf
                    | export::Format::Dot
                    | export::Format::Mermaid
                    | export::Format::Graphml
            );
            if args.focus.is_some() && !graph_format {
                return Err(Failure::Usage(format!(
                    "--focus applies to the graph formats (svg, png, pdf, dot, mermaid, graphml), not {format}"
                ))
                .into());
            }
            let figure = output::graph::Figure {
                width: args.width,
                font_pt: args.font_size,
                dpi: args.dpi,
            };
            let baseline = load(&global)?;
            // Without reforms the state is the baseline: it is moved, not copied (a copy of
            // 100,000 bodies is a second dataset in memory).
            let (loaded, active, baseline) =
                if global.reforms.is_empty() && global.reforms_file.is_none() {
                    (baseline, Vec::new(), None)
                } else {
                    let (loaded, active) = reformed(
                        &global,
                        Loaded {
                            dataset: baseline.dataset.clone(),
                            options: baseline.options.clone(),
                            unchosen: baseline.unchosen.clone(),
                        },
                    )?;
                    (loaded, active, Some(baseline))
                };
            // Pictures and the CSV tables other than control show no range; the other
            // outputs compute it once here, beside the analysis.
            let shows_ranges = match format {
                export::Format::Md | export::Format::Json => true,
                export::Format::Csv => options.table == Some(export::Table::Control),
                _ => false,
            };
            // The JSON lists its flags last and reads none before: they are evaluated on a
            // second thread while the bodies and edges are written (at 100,000 bodies about
            // half a second of the analysis's 1.6).
            let flags_beside = format == export::Format::Json;
            let (analysis, state_ranges) = if flags_beside {
                let (analysis, ranges) = beside_ranges(&loaded, &band, &global.choose, || {
                    analysis::analyze_without_flags(&loaded.dataset, &loaded.options)
                        .map_err(|e| Failure::Data(e.to_string()))
                })?;
                (analysis, Some(ranges))
            } else if shows_ranges {
                let (analysis, ranges) = analyze_with_ranges(&loaded, &band, &global.choose)?;
                (analysis, Some(ranges))
            } else {
                (analyze(&loaded)?, None)
            };
            let lang = global.lang.into();
            let focus = match &args.focus {
                Some(q) => Some(output::graph::Focus {
                    body: output::graph::focus::resolve(&loaded.dataset, q)
                        .map_err(Failure::Usage)?,
                    depth: args.depth,
                    direction: args.direction.into(),
                }),
                None => None,
            };
            // With reforms the exports show what they changed against the baseline.
            let before = match &baseline {
                Some(baseline) if !active.is_empty() => Some((
                    baseline,
                    presets(&global, &baseline.dataset, false)?,
                    analyze(baseline)?,
                )),
                _ => None,
            };
            let mut snapshot = export::Snapshot {
                ranges: state_ranges.as_ref(),
                focus,
                figure,
                ..export::Snapshot::new(&loaded.dataset, &analysis, lang)
            };
            if let Some((baseline, set, before)) = &before {
                snapshot.reforms = &active;
                snapshot.presets = Some(set);
                snapshot.baseline = Some((&baseline.dataset, before));
            }
            if flags_beside {
                std::thread::scope(|scope| {
                    let flags = FlagsBeside::start(scope, &loaded.dataset, &analysis);
                    let written = emit_export_with(args.output.as_deref(), |out| {
                        summary::json::write_with_flags(&snapshot, &flags, out)
                    });
                    flags.leave();
                    written
                })?;
            } else {
                let body = export::produce(format, &snapshot, &options)
                    .map_err(|e| Failure::Data(e.to_string()))?;
                emit_export(args.output.as_deref(), &body)?;
                if let Some(mm) = body.wider_than(figure.width) {
                    eprintln!(
                        "bilik: note: the figure is {mm:.1} mm wide, wider than asked ({}): at {} pt its widest row of bodies needs it, as text is never made smaller; --focus BODY or a smaller --font-size gives a narrower figure",
                        args.width, figure.font_pt
                    );
                }
            }
            leave(before);
            leave((loaded, analysis, state_ranges, baseline));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Article { reference }) => {
            let id = match data::embedded(data_spec(&global)?) {
                Some(e) => e.id.to_string(),
                None => load(&global)?.dataset.meta.id,
            };
            print(article(&id, &reference)?.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Explain(args)) => explain::run(&global, &band, &args),
        Some(Command::Sources(args)) => explain::sources(&global, &args),
        Some(Command::Datasets) => {
            let mut out = String::new();
            for e in data::EMBEDDED {
                let lang: Lang = global.lang.into();
                let title = data::resolve(e.id)
                    .map(|d| {
                        crate::t!(
                            lang,
                            "{title} (law as of {date})",
                            title = d.prose(lang, &d.meta.title),
                            date = d.meta.as_of
                        )
                    })
                    .unwrap_or_else(|err| err.to_string());
                out.push_str(&format!("{:<10} {title}\n", e.id));
            }
            print(out.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Reforms) => {
            let loaded = load(&global)?;
            let set = presets(&global, &loaded.dataset, true)?;
            let out = reform_list(&set, global.lang.into());
            print(visible_lines(&out).as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Diff(args)) => {
            let mut loaded = load(&global)?;
            let (set, active, mut after) = apply_reforms(&global, &loaded.dataset)?;
            // A text report shows every name as `visible` does, reforms' new bodies included.
            if matches!(args.format, DiffFormat::Text) {
                loaded.dataset.make_visible();
                after.make_visible();
            }
            let chosen = (!global.principals.is_empty()).then_some(global.principals.as_slice());
            let delta = reform::delta(&loaded.dataset, &after, &loaded.options, chosen)
                .map_err(|e| Failure::Data(e.to_string()))?;
            let range_of = |ds: &Dataset, a: &Analysis| {
                Ranges::of(ds, &a.options, &band)
                    .map(|r| r.with_chosen(&global.choose))
                    .map_err(|e| Failure::Data(format!("ranges: {e}")))
            };
            let before_ranges = range_of(&loaded.dataset, &delta.before)?;
            let after_ranges = range_of(&after, &delta.after)?;
            let mut shown: Vec<reform::Preset> = active
                .iter()
                .filter_map(|id| set.get(id))
                .cloned()
                .collect();
            if !matches!(args.format, DiffFormat::Json) {
                // The readable formats print the presets' prose in the language asked for.
                let lang: Lang = global.lang.into();
                for p in &mut shown {
                    p.description = set.prose(lang, &p.description).to_string();
                    for a in &mut p.assumptions {
                        *a = set.prose(lang, a).to_string();
                    }
                }
            }
            if matches!(args.format, DiffFormat::Text) {
                for p in &mut shown {
                    for t in [&mut p.title.en, &mut p.title.ru, &mut p.title.kk] {
                        *t = visible(t).into_owned();
                    }
                    p.description = visible(&p.description).into_owned();
                    for a in &mut p.assumptions {
                        *a = visible(a).into_owned();
                    }
                }
            }
            let presets: Vec<&reform::Preset> = shown.iter().collect();
            let view = diff::DiffView {
                baseline: &loaded.dataset,
                reformed: &after,
                presets: &presets,
                delta: &delta,
                lang: global.lang.into(),
                ranges: Some((&before_ranges, &after_ranges)),
            };
            let body = match args.format {
                DiffFormat::Text => visible_lines(&diff::text::render(&view)).into_owned(),
                DiffFormat::Md => diff::md::render(&view),
                DiffFormat::Json => diff::json::render(&view),
                DiffFormat::Svg | DiffFormat::Png | DiffFormat::Pdf => diff::figure::render(&view),
            };
            let body = match args.format {
                DiffFormat::Png => figure_bytes(&body, false, args.dpi)?,
                DiffFormat::Pdf => figure_bytes(&body, true, args.dpi)?,
                _ => body.into_bytes(),
            };
            emit(args.output.as_deref(), &body)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Compare(args)) => {
            let text = matches!(args.format, CompareFormat::Text);
            let comparison = compare_as(&global, &args.datasets, text)?;
            let lang = global.lang.into();
            let figure = matches!(
                args.format,
                CompareFormat::Svg | CompareFormat::Png | CompareFormat::Pdf
            );
            // The figure also draws the range of each role's figure.
            let r = if figure {
                output::compare::figure::ranges(&comparison, &band)
            } else {
                output::compare::indicator_ranges(&comparison, &band)
            };
            let body = match args.format {
                CompareFormat::Text => {
                    visible_lines(&output::compare::text::render(&comparison, lang, &r))
                        .into_owned()
                }
                CompareFormat::Md => output::compare::md::render(&comparison, lang, &r),
                CompareFormat::Json => output::compare::json::render(&comparison, &r),
                CompareFormat::Csv => {
                    output::compare::csv::render(&comparison, &r).context("CSV")?
                }
                CompareFormat::Svg | CompareFormat::Png | CompareFormat::Pdf => {
                    output::compare::figure::render(&comparison, lang, &r, &band)
                }
            };
            let body = if body.ends_with('\n') {
                body
            } else {
                body + "\n"
            };
            let body = match args.format {
                CompareFormat::Png => figure_bytes(&body, false, args.dpi)?,
                CompareFormat::Pdf => figure_bytes(&body, true, args.dpi)?,
                _ => body.into_bytes(),
            };
            emit(args.output.as_deref(), &body)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Sweep(args)) => sweep::run(&global, &args),
        Some(Command::Power(args)) => power::run(&args),
        Some(Command::Tour(args)) => {
            tour::run(&args, global.lang.into(), color_for_stderr(global.color))
        }
        Some(Command::Completions { shell }) => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "bilik", &mut buf);
            print(&buf)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man { dir: None }) => {
            let page = man::pages().context("man page")?.remove(0);
            print(&page.roff)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man { dir: Some(dir) }) => {
            let written = man::write_to(&dir)
                .with_context(|| format!("cannot write the man pages to {}", dir.display()))?;
            let list: String = written
                .iter()
                .map(|p| format!("{}\n", visible(&p.display().to_string())))
                .collect();
            print(list.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A figure's SVG as PDF (`pdf`) or as PNG at `dpi`.
fn figure_bytes(svg: &str, pdf: bool, dpi: f64) -> Result<Vec<u8>, Failure> {
    let out = if pdf {
        output::render::pdf(svg)
    } else {
        output::render::png(svg, export::png_scale(dpi))
    };
    out.map_err(|e| Failure::Data(format!("{e:#}")))
}

/// `bilik reforms`: the presets with their titles and article references.
fn reform_list(set: &PresetSet, lang: Lang) -> String {
    if set.is_empty() {
        return format!(
            "{}\n",
            crate::t!(
                lang,
                "No reform presets apply to dataset {dataset}. Load a preset file with --reforms FILE.",
                dataset = set.dataset
            )
        );
    }
    let rows: Vec<Vec<String>> = set
        .presets
        .iter()
        .map(|p| {
            vec![
                p.id.clone(),
                visible(p.title(lang)).into_owned(),
                p.article.map(|a| a.in_lang(lang)).unwrap_or_default(),
            ]
        })
        .collect();
    let mut out = format!(
        "{}\n",
        crate::t!(
            lang,
            "Reform presets for {dataset}, from {path}, in the order they apply:",
            dataset = set.dataset,
            path = set.path
        )
    );
    let tr = |en| crate::model::i18n::tr(lang, en);
    out.push_str(&fmt::table(
        &["id", tr("title"), tr("article")],
        &rows,
        &[false; 3],
    ));
    out.push_str(tr(
        "Apply them with --reform ID,... (on summary and export); see their effect with `bilik diff --reform ID,...`.",
    ));
    out.push('\n');
    out
}

/// Loads, analyses and measures the datasets `specs` (every embedded dataset when empty).
pub fn compare(global: &Global, specs: &[String]) -> Result<Comparison, Failure> {
    compare_as(global, specs, false)
}

/// [`compare`], with every dataset's text made visible first (`visible`) when the comparison
/// is for a text report, so that no name can break its lines.
fn compare_as(global: &Global, specs: &[String], visible: bool) -> Result<Comparison, Failure> {
    let specs: Vec<String> = if specs.is_empty() {
        data::EMBEDDED.iter().map(|e| e.id.to_string()).collect()
    } else {
        specs.to_vec()
    };
    let mut entries: Vec<Entry> = Vec::with_capacity(specs.len());
    for spec in &specs {
        let loaded = load_spec_with(global, spec, false, true)?;
        if let Some(twin) = entries.iter().find(|e| e.id() == loaded.dataset.meta.id) {
            return Err(Failure::Usage(format!(
                "'{spec}' is dataset '{}' again; each dataset may be compared once",
                twin.id()
            )));
        }
        let mut dataset = loaded.dataset;
        if visible {
            dataset.make_visible();
        }
        let entry =
            Entry::analyze(dataset, &loaded.options).map_err(|e| Failure::Data(e.to_string()))?;
        entries.push(entry);
    }
    for id in &global.choose {
        let known = entries.iter().any(|e| {
            e.dataset
                .contested()
                .iter()
                .any(|c| c.readings.iter().any(|r| r.id == *id))
        });
        // A chosen reading is applied and so no longer contested: check the originals.
        if !known && !specs_know(&specs, id) {
            return Err(Failure::Usage(format!(
                "--choose: no dataset compared has an alternative '{id}'"
            )));
        }
    }
    Ok(Comparison::new(entries))
}

/// Whether any of the datasets `specs` has a reading `id`.
fn specs_know(specs: &[String], id: &str) -> bool {
    specs.iter().any(|s| {
        data::resolve(s).is_ok_and(|d| {
            d.contested()
                .iter()
                .any(|c| c.readings.iter().any(|r| r.id == id))
        })
    })
}

/// `bilik summary` (and `bilik` off a terminal): the report with the ranges of `--band`.
fn summary_text(global: &Global) -> anyhow::Result<ExitCode> {
    let band = band(global)?;
    let (mut loaded, active) = reformed(global, load(global)?)?;
    // No name, source or note can break the report's lines (ids and numbers are untouched).
    loaded.dataset.make_visible();
    let (analysis, r) = analyze_with_ranges(&loaded, &band, &global.choose)?;
    write_stdout_with(|out| {
        let mut shown = crate::diag::visible::VisibleLines::new(out);
        // A failed write is kept by the writer and returned by `finish`.
        let _ = summary::text::render_to(
            &mut shown,
            &loaded.dataset,
            &analysis,
            &active,
            global.lang.into(),
            Some(&r),
        );
        shown.finish().map(|_| ())
    })
    .context("stdout")?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analysis_and_ranges_together_are_each_alone() {
        let dataset = crate::model::testdata::tiny_dataset();
        let options = Options::of(&dataset);
        let loaded = Loaded {
            dataset,
            options,
            unchosen: None,
        };
        let band = Band::default();
        let (analysis, ranges) = analyze_with_ranges(&loaded, &band, &[]).unwrap();
        let alone = analyze(&loaded).unwrap();
        assert_eq!(analysis.bodies, alone.bodies);
        assert_eq!(analysis.flags, alone.flags);
        let ranges_alone = super::ranges(&loaded, &band, &[]).unwrap();
        for b in &loaded.dataset.bodies {
            for p in &analysis.principals {
                assert_eq!(ranges.get(&b.id, p), ranges_alone.get(&b.id, p));
            }
        }
        assert_eq!(
            ranges.control.combinations,
            ranges_alone.control.combinations
        );

        // Both fail on an unknown principal: the analysis's error is the one reported, as when
        // the two ran one after the other.
        let mut wrong = loaded;
        wrong.options.principals = vec!["nobody".to_string()];
        let err = analyze_with_ranges(&wrong, &band, &[]).unwrap_err();
        let alone = analyze(&wrong).unwrap_err();
        assert_eq!(err.to_string(), alone.to_string());
        assert!(
            err.to_string().contains("unknown principal 'nobody'"),
            "{err}"
        );
        assert!(!err.to_string().starts_with("ranges:"), "{err}");
    }

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn each_error_keeps_its_exit_code_and_message() {
        let usage = anyhow::Error::new(Failure::Usage("two flags disagree".into()));
        assert_eq!(
            (exit_code(&usage), format!("{usage:#}")),
            (2, "two flags disagree".to_string())
        );
        let reported = anyhow::Error::new(Failure::Data(String::new()));
        assert_eq!(
            (exit_code(&reported), format!("{reported:#}")),
            (1, String::new())
        );
        // tempfile's error names the temporary file too; its cause is said once.
        let path = std::path::Path::new("/nonexistent-folder/x.json");
        let io = write_atomic(path, b"").unwrap_err();
        let text = io.to_string();
        let e = anyhow::Error::new(io).context("cannot write x.json");
        assert_eq!(exit_code(&e), 3);
        assert_eq!(format!("{e:#}"), format!("cannot write x.json: {text}"));
    }
}

//! `bilik export` and the TUI's export picker: one analysed state in any of nine formats,
//! for papers, slides and other tools: Markdown, JSON, DOT, SVG, Mermaid, CSV, GraphML, and
//! the SVG as PNG and PDF ([`crate::output::render`]).
//!
//! Every format is rendered from a [`Snapshot`], the state exactly as the command line or the
//! TUI holds it (dataset, analysis under the weights and principals in force, active reforms
//! and, when reforms are active, the baseline before them), by one entry point, [`render`], so
//! that `bilik export` and the TUI's export picker write byte-identical files for the same
//! state. [`produce`] gives the export to write, which the caller writes (atomically, or to
//! stdout: [`crate::output::write`]) as it is produced: JSON, Markdown, CSV, GraphML, DOT and
//! Mermaid are never held whole in memory ([`Output`]); [`render`] gives the bytes, for tests
//! and small documents.
//!
//! Complexity, for n bodies and e channel steps and power edges, on top of the loading and
//! analysis every export shares (BENCHMARKS.md, "Every export at scale", measures each):
//! - JSON, Markdown and CSV: O(n + e) in time (the control table O(n x principals)), holding
//!   no output beyond a buffer (the JSON its document).
//! - DOT and Mermaid: O(n + e) after the sorts of [`graph::Graph::new`] (O(e log e)), written
//!   line by line. DOT's ranks are the layers of the SVG's layered placement, taken from the
//!   layering alone ([`crate::output::graph::placement::drawn_layers`], O(n + e)); the
//!   ordering and placement that follow it are Graphviz's job, so DOT has no cap.
//! - GraphML: the same, plus the SVG's layered placement for its `x` and `y` (superlinear:
//!   crossing reduction and placement, [`crate::output::graph::placement`]) up to
//!   [`MAX_FIGURE_BODIES`]; above, the positions are left out and it stays O(n + e).
//! - SVG, PNG and PDF: the layered placement, built whole, refused above
//!   [`MAX_FIGURE_BODIES`] with [`ExportError::TooLarge`].
//!
//! Output is deterministic: bodies and edges are sorted by id, floats have a fixed number of
//! decimals, and nothing depends on hash order, the clock or the machine.
//!
//! Pictures (`dot`, `svg`, `mermaid`, in [`crate::output::graph`]) draw one arrow per actor,
//! target and kind of power, summing the seats of the channels it stands for, and show what
//! reforms removed as grey ghosts. Data formats (`csv`, `graphml`, `json`) list every channel
//! step and power edge of the state itself, with a `change` attribute saying what reforms
//! added or changed.

use std::borrow::Cow;
use std::fmt;
use std::io;

use crate::analysis::Analysis;
use crate::analysis::range::Band;
use crate::model::{Dataset, Lang};
use crate::output::graph::{Figure, Focus};
use crate::output::ranges::Ranges;
use crate::output::sink::Sink;
use crate::output::{graph, render, summary};
use crate::reform::PresetSet;

/// The state to export.
#[derive(Debug, Clone, Copy)]
pub struct Snapshot<'a> {
    pub dataset: &'a Dataset,
    /// The analysis of `dataset` under the weights and principals in force.
    pub analysis: &'a Analysis,
    /// Ids of the active reform presets, in the order they were applied (may be empty).
    pub reforms: &'a [String],
    /// The presets those ids belong to, for their titles, article references and assumptions;
    /// without them reports name the reforms by id only.
    pub presets: Option<&'a PresetSet>,
    /// The state before the reforms (dataset and its analysis under the same options), when
    /// reforms are active: exports then show what changed.
    pub baseline: Option<(&'a Dataset, &'a Analysis)>,
    /// The language of body names in Markdown and in pictures; data formats carry all three.
    pub lang: Lang,
    /// The ranges of `dataset` as the caller computed them (with the user's band); `None`:
    /// computed on demand over the default band, so that every export shows them.
    pub ranges: Option<&'a Ranges>,
    /// The graph formats draw only the bodies around this one (`--focus`); `None`: the
    /// whole system.
    pub focus: Option<Focus<'a>>,
    /// The print size of the pictures (SVG, PNG, PDF).
    pub figure: Figure,
}

impl<'a> Snapshot<'a> {
    /// A state with no reforms applied.
    pub fn new(dataset: &'a Dataset, analysis: &'a Analysis, lang: Lang) -> Snapshot<'a> {
        Snapshot {
            dataset,
            analysis,
            reforms: &[],
            presets: None,
            baseline: None,
            lang,
            ranges: None,
            focus: None,
            figure: Figure::default(),
        }
    }

    /// The ranges of the state: the caller's, or those of the default band. `None` only when
    /// some combination cannot be analysed (then no range is shown rather than a wrong one).
    pub fn ranges(&self) -> Option<Cow<'a, Ranges>> {
        match self.ranges {
            Some(r) => Some(Cow::Borrowed(r)),
            None => Ranges::of(self.dataset, &self.analysis.options, &Band::default())
                .ok()
                .map(Cow::Owned),
        }
    }

    /// `kz-2022`, or `kz-2022+P5+P10` with reforms: the stem of default file names.
    pub fn stem(&self) -> String {
        let mut s = self.dataset.meta.id.clone();
        for r in self.reforms {
            s.push('+');
            s.push_str(r);
        }
        s
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// A report to paste into a paper (GitHub-flavoured Markdown).
    Md,
    /// The `bilik.summary/2` contract.
    Json,
    /// Graphviz source.
    Dot,
    /// A picture drawn without Graphviz.
    Svg,
    /// A Mermaid flowchart.
    Mermaid,
    /// One table as CSV (needs a [`Table`]).
    Csv,
    /// The graph for Gephi, yEd and networkx.
    Graphml,
    /// The SVG picture rasterised (300 dpi), with the bundled font.
    Png,
    /// The SVG picture as a PDF page, the bundled font embedded.
    Pdf,
}

impl Format {
    pub const ALL: [Format; 9] = [
        Format::Md,
        Format::Json,
        Format::Dot,
        Format::Svg,
        Format::Mermaid,
        Format::Csv,
        Format::Graphml,
        Format::Png,
        Format::Pdf,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Mermaid => "mermaid",
            Format::Csv => "csv",
            Format::Graphml => "graphml",
            Format::Png => "png",
            Format::Pdf => "pdf",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Mermaid => "mmd",
            other => other.as_str(),
        }
    }

    /// Whether the format needs a [`Table`] (and only then accepts one).
    pub fn needs_table(self) -> bool {
        self == Format::Csv
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The table a CSV export holds: one table per file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    /// One row per body.
    Bodies,
    /// One row per channel step and per power edge.
    Edges,
    /// One row per body and principal: integrated control.
    Control,
    /// One row per flag.
    Flags,
}

impl Table {
    pub const ALL: [Table; 4] = [Table::Bodies, Table::Edges, Table::Control, Table::Flags];

    pub fn as_str(self) -> &'static str {
        match self {
            Table::Bodies => "bodies",
            Table::Edges => "edges",
            Table::Control => "control",
            Table::Flags => "flags",
        }
    }

    pub fn parse(s: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an export needs besides the state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// The table of a CSV export; must be `None` for every other format.
    pub table: Option<Table>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// CSV holds one table per file and none was chosen.
    TableRequired,
    /// A table was chosen for a format that is not a table.
    TableNotApplicable { format: Format, table: Table },
    /// The CSV writer failed.
    Csv(String),
    /// The SVG could not be turned into a PNG or a PDF.
    Render(String),
    /// A picture of more bodies than [`MAX_FIGURE_BODIES`].
    TooLarge { format: Format, bodies: usize },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::TableRequired => write!(
                f,
                "csv holds one table per file: choose one with --table {}",
                Table::ALL.map(Table::as_str).join("|")
            ),
            ExportError::TableNotApplicable { format, table } => write!(
                f,
                "--table {table} applies only to --format csv; {format} exports the whole state"
            ),
            ExportError::Csv(e) => write!(f, "csv: {e}"),
            ExportError::Render(e) => write!(f, "{e}"),
            ExportError::TooLarge { format, bodies } => write!(
                f,
                "{format}: the figure would draw {bodies} bodies; figures draw at most \
                 {MAX_FIGURE_BODIES}, as no page shows more legibly and their layout grows \
                 faster than the bodies (minutes at 10,000). Draw the bodies around one with \
                 --focus BODY (and --depth N), or export graphml, json or csv for the whole \
                 system"
            ),
        }
    }
}

impl std::error::Error for ExportError {}

/// Checks that `options` suit `format` (a table for CSV and only for CSV), so that a caller
/// can refuse them before loading anything.
pub fn validate(format: Format, options: &RenderOptions) -> Result<(), ExportError> {
    match (format.needs_table(), options.table) {
        (true, None) => Err(ExportError::TableRequired),
        (false, Some(table)) => Err(ExportError::TableNotApplicable { format, table }),
        _ => Ok(()),
    }
}

/// The most bodies a picture (SVG, PNG, PDF) draws. A whole-system figure of more is
/// unreadable at any print size, and its layered layout (crossing reduction and placement,
/// [`crate::output::graph::placement`]) grows faster than linearly: about 0.4 s at 1,000
/// bodies, over 20 s at 10,000. Above it the export is refused with a pointer to `--focus`,
/// which draws the bodies around one. The shipped datasets have a few dozen bodies.
pub const MAX_FIGURE_BODIES: usize = 2_000;

/// Refuses a picture of more than [`MAX_FIGURE_BODIES`] bodies (after `--focus`).
fn drawable(format: Format, snapshot: &Snapshot) -> Result<(), ExportError> {
    let bodies = graph::Graph::new(snapshot).nodes.len();
    if bodies > MAX_FIGURE_BODIES {
        return Err(ExportError::TooLarge { format, bodies });
    }
    Ok(())
}

/// PNG pixels per SVG pixel: 300 dpi, print resolution, for an SVG measured at CSS's 96.
pub const PNG_SCALE: f32 = 300.0 / 96.0;

/// PNG pixels per SVG pixel at `dpi`.
pub fn png_scale(dpi: f64) -> f32 {
    (dpi / 96.0) as f32
}

/// Renders `snapshot` in `format`, whole in memory: [`produce`] written to a `Vec`. The same
/// snapshot and options always give the same bytes.
pub fn render(
    format: Format,
    snapshot: &Snapshot,
    options: &RenderOptions,
) -> Result<Vec<u8>, ExportError> {
    let mut bytes = Vec::new();
    produce(format, snapshot, options)?
        .write_to(&mut bytes)
        .map_err(|e| ExportError::Csv(e.to_string()))?;
    Ok(bytes)
}

/// An export ready to be written, serialised as it is written wherever the format allows: the
/// JSON of 100,000 bodies is 356 MB and its Markdown, CSV tables, GraphML, DOT and Mermaid
/// tens of MB, which a string would hold whole (twice while it grew). Pictures are built
/// whole: the SVG's layout needs every box before the first is drawn, and PNG and PDF come
/// from the SVG.
pub enum Output<'a> {
    /// The `bilik.summary/2` document, each record built and serialised as it is written.
    Json(Snapshot<'a>),
    /// The Markdown report, written section by section and row by row.
    Md(Snapshot<'a>),
    /// One CSV table, written row by row.
    Csv(Snapshot<'a>, Table),
    /// The GraphML, written element by element.
    Graphml(Snapshot<'a>),
    /// The Graphviz source, written line by line.
    Dot(Snapshot<'a>),
    /// The Mermaid flowchart, written line by line.
    Mermaid(Snapshot<'a>),
    /// A picture (SVG, PNG, PDF), rendered, and the figure's width in mm.
    Picture { bytes: Vec<u8>, width_mm: f64 },
}

impl Output<'_> {
    /// Writes the export to `out`. Linear in the output; the streamed formats need no memory
    /// beyond `out`'s buffer and what the format's own data structure holds (the JSON
    /// document; the GraphML's layout).
    pub fn write_to(&self, out: &mut dyn io::Write) -> io::Result<()> {
        match self {
            Output::Json(s) => summary::json::write(s, out),
            Output::Md(s) => {
                let mut sink = Sink::trimming(out);
                summary::md::write(s, &mut sink);
                sink.finish()
            }
            Output::Csv(s, table) => summary::csv::write(s, *table, out).map_err(io::Error::from),
            Output::Graphml(s) => {
                let mut sink = Sink::new(out);
                graph::graphml::write(s, &mut sink);
                sink.finish()
            }
            Output::Dot(s) => {
                let mut sink = Sink::new(out);
                graph::dot::write(s, &mut sink);
                sink.finish()
            }
            Output::Mermaid(s) => {
                let mut sink = Sink::new(out);
                graph::mermaid::write(s, &mut sink);
                sink.finish()
            }
            Output::Picture { bytes, .. } => out.write_all(bytes),
        }
    }

    /// A picture's width in mm when it is wider than `asked` (by more than rounding): a row
    /// of bodies too wide for the page at the chosen text size, which is never scaled down.
    pub fn wider_than(&self, asked: graph::print::Length) -> Option<f64> {
        let asked_mm = asked.pt() * 25.4 / 72.0;
        match self {
            Output::Picture { width_mm, .. } if *width_mm > asked_mm + 0.5 => Some(*width_mm),
            _ => None,
        }
    }
}

/// The export of `snapshot` in `format`, left to be written by [`Output::write_to`] as it is
/// produced where the format allows. Every error of the options, and of the pictures'
/// rendering, is given here, before anything is written.
pub fn produce<'a>(
    format: Format,
    snapshot: &Snapshot<'a>,
    options: &RenderOptions,
) -> Result<Output<'a>, ExportError> {
    Ok(match (format, options.table) {
        (Format::Csv, Some(table)) => Output::Csv(*snapshot, table),
        (Format::Csv, None) => return Err(ExportError::TableRequired),
        (format, Some(table)) => return Err(ExportError::TableNotApplicable { format, table }),
        (Format::Md, None) => Output::Md(*snapshot),
        (Format::Json, None) => Output::Json(*snapshot),
        (Format::Graphml, None) => Output::Graphml(*snapshot),
        (Format::Dot, None) => Output::Dot(*snapshot),
        (Format::Mermaid, None) => Output::Mermaid(*snapshot),
        (Format::Svg | Format::Png | Format::Pdf, None) => {
            drawable(format, snapshot)?;
            let (bytes, width_mm) = picture(format, snapshot)?;
            Output::Picture { bytes, width_mm }
        }
    })
}

/// The picture, as SVG or turned into PNG or PDF.
fn picture(format: Format, snapshot: &Snapshot) -> Result<(Vec<u8>, f64), ExportError> {
    let (svg, width_mm) = graph::svg::drawn(snapshot);
    let bytes = match format {
        // The same SVG, so that the three pictures of a state are one figure.
        Format::Png => render::png(&svg, png_scale(snapshot.figure.dpi))
            .map_err(|e| ExportError::Render(format!("png: {e:#}"))),
        Format::Pdf => render::pdf(&svg).map_err(|e| ExportError::Render(format!("pdf: {e:#}"))),
        _ => Ok(svg.into_bytes()),
    }?;
    Ok((bytes, width_mm))
}

/// A sensible file name for an export of `snapshot`, such as `kz-2022+P5+P10.md` or
/// `kz-2022-edges.csv`.
pub fn default_file_name(snapshot: &Snapshot, format: Format, options: &RenderOptions) -> String {
    match options.table {
        Some(t) if format.needs_table() => {
            format!("{}-{}.{}", snapshot.stem(), t, format.extension())
        }
        _ => format!("{}.{}", snapshot.stem(), format.extension()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze, tests::tiny_dataset};

    #[test]
    fn csv_needs_a_table_and_only_csv_takes_one() {
        let ds = tiny_dataset();
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        let s = Snapshot::new(&ds, &a, Lang::En);
        assert_eq!(
            render(Format::Csv, &s, &RenderOptions::default()),
            Err(ExportError::TableRequired)
        );
        let with_table = RenderOptions {
            table: Some(Table::Edges),
        };
        for f in Format::ALL {
            let out = render(f, &s, &with_table);
            if f == Format::Csv {
                assert!(out.is_ok());
            } else {
                assert_eq!(
                    out,
                    Err(ExportError::TableNotApplicable {
                        format: f,
                        table: Table::Edges
                    })
                );
                assert!(render(f, &s, &RenderOptions::default()).is_ok(), "{f}");
            }
        }
    }

    #[test]
    fn default_names_carry_dataset_reforms_and_table() {
        let ds = tiny_dataset();
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        let reforms = vec!["P5".to_string(), "P10".to_string()];
        let s = Snapshot {
            reforms: &reforms,
            baseline: Some((&ds, &a)),
            ..Snapshot::new(&ds, &a, Lang::En)
        };
        let none = RenderOptions::default();
        assert_eq!(default_file_name(&s, Format::Md, &none), "tiny+P5+P10.md");
        assert_eq!(
            default_file_name(&s, Format::Mermaid, &none),
            "tiny+P5+P10.mmd"
        );
        let edges = RenderOptions {
            table: Some(Table::Edges),
        };
        assert_eq!(
            default_file_name(&s, Format::Csv, &edges),
            "tiny+P5+P10-edges.csv"
        );
    }

    /// A file that takes `left` bytes, then fails as a full disk does.
    struct Full<'a> {
        file: &'a mut std::fs::File,
        left: usize,
    }

    impl io::Write for Full<'_> {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            if b.len() > self.left {
                return Err(io::Error::other("disk full"));
            }
            self.left -= b.len();
            self.file.write(b)
        }
        fn flush(&mut self) -> io::Result<()> {
            self.file.flush()
        }
    }

    #[test]
    fn streamed_exports_write_what_render_gives_and_a_failure_midway_leaves_no_file() {
        let ds = tiny_dataset();
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        let s = Snapshot::new(&ds, &a, Lang::En);
        let dir = tempfile::tempdir().unwrap();
        let mut cases: Vec<(Format, Option<Table>)> =
            Table::ALL.map(|t| (Format::Csv, Some(t))).to_vec();
        cases.extend(
            [
                Format::Md,
                Format::Json,
                Format::Graphml,
                Format::Dot,
                Format::Mermaid,
            ]
            .map(|f| (f, None)),
        );
        for (format, table) in cases {
            let options = RenderOptions { table };
            let whole = render(format, &s, &options).unwrap();
            let path = dir.path().join(format!("out.{format}"));
            let out = produce(format, &s, &options).unwrap();
            crate::output::write::write_atomic_with(&path, |f| out.write_to(f)).unwrap();
            assert_eq!(std::fs::read(&path).unwrap(), whole, "{format} {table:?}");
            std::fs::remove_file(&path).unwrap();
            // Half way through, the disk fills: no file, and no temporary file, is left.
            let err = crate::output::write::write_atomic_with(&path, |file| {
                let mut full = Full {
                    file,
                    left: whole.len() / 2,
                };
                out.write_to(&mut full)
            })
            .unwrap_err();
            assert_eq!(err.to_string(), "disk full", "{format} {table:?}");
            let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
            assert!(left.is_empty(), "{format} {table:?}: {left:?}");
        }
    }

    #[test]
    fn formats_and_tables_parse_their_names() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.as_str()), Some(f));
        }
        for t in Table::ALL {
            assert_eq!(Table::parse(t.as_str()), Some(t));
        }
        assert_eq!(Format::parse("png"), Some(Format::Png));
        assert_eq!(Format::parse("jpeg"), None);
    }
}

//! Everything bilik writes: one folder per document, one file per format of it.
//!
//! ```text
//! output/
//!   summary/   one analysed state       text  json (bilik.summary/2)  md  csv
//!   diff/      what reforms change      text  json (bilik.diff/1)     md
//!   compare/   several states           text  json (bilik.compare/1)  md  csv
//!   sweep/     a weight swept           text  json (bilik.sweep/1)    csv  svg
//!   graph/     the graph of one state   dot  svg (+ placement/)  mermaid  graphml
//!   render.rs  an SVG as PNG and PDF, with the bundled font
//!   export.rs  `bilik export` and the TUI's picker: Format -> the renderer, one Snapshot
//!   ranges.rs  the ranges of one state, computed once, shown by every output
//!   fmt.rs     numbers (pct, seats, r4), the weights label, text tables, pretty JSON
//!   escape.rs  free text made safe for XML, DOT, Markdown and Mermaid
//!   write.rs   atomic files and stdout
//! ```
//!
//! Where to add a format: a file in the folder of the document it renders, exposing
//! `render(..) -> String` from that document's input (a JSON contract's serialisable types
//! live in its `json.rs`); then wire it where the document is chosen: [`export`]'s
//! [`Format`](export::Format) for one state, the `--format` of `bilik diff` or
//! `bilik compare` in the CLI. A new document gets a folder of its own, with its shared
//! rows in its `mod.rs`. Numbers go through [`fmt`], free text through [`escape`].
//!
//! Renderers return strings or bytes and never touch the terminal or the disk: the CLI and
//! the TUI write them with [`write`](mod@write).

pub mod chart;
pub mod compare;
pub mod diff;
pub mod escape;
pub mod explain;
pub mod export;
pub mod fmt;
pub mod graph;
pub mod ranges;
pub mod render;
pub mod sink;
pub mod sources;
pub mod summary;
pub mod sweep;
pub mod tour;
pub mod write;

//! bilik maps the separation of powers in a state as a graph: which body appoints, nominates,
//! confirms, dismisses or dissolves which, and how concentrated that power is.
//!
//! # Layers
//!
//! The crate is layered, and each layer depends only on itself and those above it (checked by
//! `tests/integration/layering.rs`):
//!
//! 1. [`model`]: the data model and the RON loader with its diagnostics;
//! 2. [`analysis`]: direct shares, integrated control, veto points, tenure, flags, summary;
//!    [`compare`]: the same indicators for several datasets, bodies lined up by role, and why
//!    the head of state's hold moved between two of them; [`data`]: the datasets compiled
//!    into the binary, and how `--data` finds one;
//! 3. [`reform`]: reform presets applied to a dataset, and the before/after comparison;
//! 4. [`report`]: serialisable views of an analysis (the JSON contract, the text report);
//!    [`export`]: every export format (Markdown, JSON, DOT, SVG, Mermaid, CSV, GraphML) of one
//!    state, as bytes, for the command line and the TUI alike;
//! 5. [`cli`]: the command line; [`tui`]: the terminal explorer.
//!
//! The model, the analysis and the reports never mention ratatui or crossterm: only the TUI
//! module and `main.rs` touch the terminal, so everything else is testable as plain data.

pub mod analysis;
pub mod cli;
pub mod compare;
pub mod data;
pub mod export;
pub mod model;
pub mod reform;
pub mod report;
pub mod tui;

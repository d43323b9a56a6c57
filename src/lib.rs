//! bilik maps the separation of powers in a state as a graph: which body appoints, nominates,
//! confirms, dismisses or dissolves which, and how concentrated that power is.
//!
//! # Layers
//!
//! The crate is layered, and each layer depends only on itself and those above it (checked by
//! `tests/integration/layering.rs`):
//!
//! 0. [`diag`]: reading RON files, where each value is, and diagnostics at file:line:column;
//! 1. [`model`]: the data model, its loader and its rules ([`model::validate`](mod@model::validate));
//!    [`law`]: the constitutional texts that ship, and citations looked up in them;
//! 2. [`analysis`]: direct shares, integrated control, veto points, tenure, flags, summary,
//!    and whether every body reaches a principal ([`analysis::reach`]);
//!    [`comparative`]: the same indicators for several datasets, bodies lined up by role, and
//!    why the head of state's hold moved between two of them; [`data`]: the datasets compiled
//!    into the binary, and loading one with every check (the model's rules, then
//!    reachability);
//! 3. [`reform`]: reform presets applied to a dataset, and the before/after comparison;
//! 4. [`output`]: every document bilik writes (the summary of one state, the diff of reforms,
//!    the comparison of states, the graph as pictures and data), one folder per document and
//!    one file per format, with the export entry point the command line and the TUI share;
//! 5. [`cli`]: the command line; [`tui`]: the terminal explorer.
//!
//! How a share or a seat count reads (`52.7%`) is written once, in [`model::numbers`], the
//! lowest layer that has these quantities: flag messages, every output format and the TUI use
//! it, so a share reads the same everywhere.
//!
//! The model, the analysis and the output never mention ratatui or crossterm: only the TUI
//! module and `main.rs` touch the terminal, so everything else is testable as plain data.

pub mod analysis;
pub mod cli;
pub mod comparative;
pub mod data;
pub mod diag;
pub mod law;
pub mod model;
pub mod output;
pub mod reform;
pub mod tui;

//! bilik maps the separation of powers in a state as a graph: which body appoints, nominates,
//! confirms, dismisses or dissolves which, and how concentrated that power is.
//!
//! # Layers
//!
//! The crate is layered, and each layer depends only on those above it:
//!
//! 0. [`diag`]: reading RON files, where each value is, and diagnostics at file:line:column;
//! 1. [`model`]: the data model, its loader and its rules ([`model::validate`](mod@model::validate));
//! 2. [`analysis`]: direct shares, integrated control, veto points, tenure, flags, summary,
//!    and whether every body reaches a principal ([`analysis::reach`]);
//!    [`compare`]: the same indicators for several datasets, bodies lined up by role, and why
//!    the head of state's hold moved between two of them;
//! 3. [`data`]: the embedded datasets, and loading one with every check (the model's rules,
//!    then reachability);
//!    [`reform`]: reform presets applied to a dataset, and the before/after comparison;
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
pub mod diag;
pub mod export;
pub mod model;
pub mod reform;
pub mod report;
pub mod tui;

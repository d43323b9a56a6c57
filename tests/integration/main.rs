//! The integration tests: one binary, as cargo builds one per file under `tests/`.
//!
//! `cli` drives the real `bilik` binary; `compare` its comparison of datasets; `consistency`
//! checks that identical wording is coded identically (codebook R20); `fixtures` checks every broken dataset in
//! `tests/fixtures/broken` for its specific message and place; `contract` validates the JSON
//! export; `export` checks every export format with real readers (and snapshots them);
//! `datasets` pins legal facts of the shipped data; `layering` checks that no module imports
//! from a layer below it; `properties` holds proptest invariants of the analysis and the
//! loader; `ranges` checks the shipped datasets' ranges by brute force; `reforms` checks the reform presets, their composition, `bilik diff` and broken
//! preset files; `synth` checks the synthetic states the benchmarks use.

mod cli;
mod common;
mod compare;
mod consistency;
mod contract;
mod datasets;
mod export;
mod fixtures;
mod layering;
mod properties;
mod ranges;
mod reforms;
mod synth;
mod tui;

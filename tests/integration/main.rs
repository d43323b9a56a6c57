//! The integration tests: one binary, as cargo builds one per file under `tests/`.
//!
//! `assets` keeps the README's figures current; `assets_focus` checks the Court's chain as a
//! print figure (SVG, PNG, PDF) and that the committed figures are current;
//! `citations` looks every cited article up in the constitutional texts that ship; `cli`
//! drives the real `bilik` binary; `compare` its comparison of datasets; `consistency`
//! checks that identical wording is coded identically (codebook R20); `fixtures` checks every broken dataset in
//! `tests/fixtures/broken` for its specific message and place; `contract` validates the JSON
//! export; `export` checks every export format with real readers (and snapshots them);
//! `datasets` pins legal facts of the shipped data; `limits` checks the input limit on files, pipes, devices and the config; `writes` checks what `-o` may replace; `hostile` feeds every text output hostile names; `i18n` checks that no English sentence is left in a Russian or Kazakh report; `i18n_figures` the same of `compare`, `diff`, `sweep` and the SVG figures; `layering` checks that no module imports
//! from a layer below it; `properties` holds proptest invariants of the analysis and the
//! loader; `random_datasets` holds invariants over random valid datasets (shares, order,
//! reforms, JSON); `wording` checks the wording of names in sentences; `ranges` checks the shipped datasets' ranges by brute force; `reforms` checks the reform presets, their composition, `bilik diff` and broken
//! preset files; `synth` checks the synthetic states the benchmarks use.

mod assets;
mod assets_focus;
mod citations;
mod cli;
mod common;
mod compare;
mod consistency;
mod contract;
mod datasets;
mod explain;
mod export;
mod export_formats;
mod figure_fit;
mod fixtures;
mod hostile;
mod i18n;
mod i18n_figures;
mod layering;
mod limits;
mod power;
mod properties;
mod prose;
mod random_datasets;
mod ranges;
mod references;
mod reforms;
mod synth;
mod tour;
mod tui;
mod wording;
mod writes;

//! Reform presets: each of P1-P11 applied alone against kz-2022 with the change it must make,
//! all eleven together, the Constitutional Court headline under P5 and P10, conflicts, the command line
//! (`bilik reforms`, `bilik diff`, `--reform`), broken preset files, the toggle property, and
//! the 2022 referendum written as presets over kz-2017.

mod cli;
mod fixtures;
mod presets;
mod properties;
mod referendum;

use bilik::analysis::{Flag, Options};
use bilik::model::Dataset;
use bilik::reform::{self, Delta, PresetSet};

pub fn baseline() -> Dataset {
    bilik::data::default_dataset()
}

pub fn presets() -> PresetSet {
    reform::embedded("kz-2022")
}

/// The baseline with `active` applied, and the two analysed side by side.
pub fn reformed(active: &[&str]) -> (Dataset, Delta) {
    let base = baseline();
    let active: Vec<String> = active.iter().map(|s| s.to_string()).collect();
    let after =
        reform::apply(&base, &presets(), &active).unwrap_or_else(|e| panic!("{active:?}: {e}"));
    let c = reform::delta(&base, &after, &Options::of(&base), None).unwrap();
    (after, c)
}

/// (rule, body, actor) of each flag, to compare with expectations.
pub fn keys(flags: &[Flag]) -> Vec<(&str, &str, Option<&str>)> {
    flags
        .iter()
        .map(|f| (f.rule, f.body.as_str(), f.actor.as_deref()))
        .collect()
}

//! Any text as a reform preset file: loaded, checked against the dataset it names (an
//! embedded one, or the minimal test dataset), then every preset applied alone and all
//! together, and each result analysed. Nothing may panic or hang.
#![no_main]

use std::sync::OnceLock;

use bilik::analysis::{Options, analyze};
use bilik::model::Dataset;
use libfuzzer_sys::fuzz_target;

fn baselines() -> &'static Vec<Dataset> {
    static B: OnceLock<Vec<Dataset>> = OnceLock::new();
    B.get_or_init(|| {
        let mut all: Vec<Dataset> = ["kz-2022", "kz-2026"]
            .iter()
            .filter_map(|id| bilik::data::resolve(id).ok())
            .collect();
        let minimal = include_str!("../../tests/fixtures/valid/minimal.ron");
        all.extend(bilik::data::load_str("minimal.ron", minimal).ok());
        all
    })
}

fn analyse(d: &Dataset) {
    let _ = analyze(d, &Options::of(d));
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let set = match bilik::reform::load_str("fuzz.ron", text) {
        Ok(set) => set,
        Err(e) => {
            let _ = e.report.render(false);
            return;
        }
    };
    let Some(baseline) = baselines()
        .iter()
        .find(|d| d.meta.id == set.dataset)
        .or_else(|| baselines().first())
    else {
        return;
    };
    let _ = bilik::reform::check(&set, baseline).render(false);
    let ids: Vec<String> = set.ids().iter().map(|s| s.to_string()).collect();
    for id in ids.iter().take(16) {
        if let Ok(d) = bilik::reform::apply(baseline, &set, std::slice::from_ref(id)) {
            analyse(&d);
        }
    }
    if let Ok(d) = bilik::reform::apply(baseline, &set, &ids) {
        analyse(&d);
    }
});

//! Any text as a dataset: checked (every diagnostic rendered), and when it loads, analysed
//! with its own options and summarised as text and JSON. Nothing may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let checked = bilik::data::check_str("fuzz.ron", text);
    let _ = checked.report.render(false);
    let Some(dataset) = checked.dataset else {
        return;
    };
    let options = bilik::analysis::Options::of(&dataset);
    if let Ok(analysis) = bilik::analysis::analyze(&dataset, &options) {
        for (_, share) in analysis.bodies.iter().flat_map(|b| b.control.iter()) {
            assert!((-1e-9..=1.0 + 1e-9).contains(share), "share {share}");
        }
    }
});

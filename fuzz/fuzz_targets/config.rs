//! Any bytes as the TUI's config file: loading never panics, and a bad file leaves the
//! defaults in use with a problem to show.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(mut file) = tempfile::NamedTempFile::new() else {
        return;
    };
    if file.write_all(data).is_err() {
        return;
    }
    let loaded = bilik::tui::config::load(Some(file.path()), bilik::tui::theme::Theme::monochrome());
    let _ = loaded.problem;
});

//! Embeds the translation catalogues of the shipped data (`data/i18n/NAME.LANG.ron`,
//! `data/reforms/i18n/NAME.LANG.ron`) that exist: a table of `(path, text)` the loader reads
//! by the data file's path. A catalogue is optional, so a dataset without one builds too.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut table = String::from("&[\n");
    // `data` exists on every checkout (a missing path would rerun this script on every build);
    // cargo watches a directory's files, so a catalogue added or changed is seen.
    println!("cargo:rerun-if-changed=data");
    for dir in ["data/i18n", "data/reforms/i18n"] {
        let Ok(entries) = std::fs::read_dir(Path::new(&root).join(dir)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".ron"))
            .collect();
        names.sort();
        for n in names {
            let rel = format!("{dir}/{n}");
            let _ = writeln!(
                table,
                "    ({rel:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{rel}\"))),"
            );
        }
    }
    table.push_str("]\n");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("catalogues.rs"), table).expect("OUT_DIR is writable");
}

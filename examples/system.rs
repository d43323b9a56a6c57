//! The control system of a dataset at full precision, for the independent check in
//! `benches/peer/peer.py`: `cargo run --release --example system -- FILE.ron > system.json`.
//!
//! The JSON export rounds every figure to four decimals, which is right for readers but too
//! coarse to check a solver against another at 1e-9. This writes, for each body, the fraction
//! of its seats each actor fills directly (the row of the system), whether it is a principal
//! (absorbing), and bilik's integrated control, all as shortest round-trip `f64`.

use std::io::Write;

use bilik::analysis::{Options, analyze_control, effective_principals};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: system FILE.ron");
        std::process::exit(2);
    };
    // The same input limit as the command line's, so that benches/whole.sh can pass 100,000
    // bodies (60 MB) with BILIK_MAX_INPUT_BYTES.
    if let Err(e) = bilik::diag::read::set_max_input_bytes_from_env() {
        eprintln!("{e}");
        std::process::exit(2);
    }
    let ds = match bilik::data::load_file(std::path::Path::new(&path)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}", e.report);
            std::process::exit(1);
        }
    };
    let options = Options::of(&ds);
    let a = match analyze_control(&ds, &options) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let principals = effective_principals(&ds, &options.principals);
    let bodies: Vec<serde_json::Value> = ds
        .bodies
        .iter()
        .zip(&a.bodies)
        .map(|(b, ba)| {
            let seats = f64::from(b.seats);
            let row: serde_json::Map<String, serde_json::Value> = ba
                .direct
                .iter()
                .filter(|(actor, _)| ds.body(actor).is_some())
                .map(|(actor, s)| (actor.clone(), (s / seats).into()))
                .collect();
            serde_json::json!({
                "id": b.id,
                "principal": principals.contains(&b.id),
                "row": row,
                "control": ba.control,
            })
        })
        .collect();
    let out = serde_json::json!({ "principals": principals, "bodies": bodies });
    let mut stdout = std::io::stdout().lock();
    if serde_json::to_writer(&mut stdout, &out).is_err() || stdout.flush().is_err() {
        std::process::exit(1);
    }
}

//! A synthetic state of any size, for benchmarks and scale tests.
//!
//! `cargo run --release --example synth -- --bodies N --seed S > file.ron` writes a valid
//! dataset of the shape issue 12 measures: four principals (the electorate, the head of
//! state and two directly elected chambers), then eight layers of bodies, each wider than the
//! last, filled by 1-3 channels of 1-3 steps (nominations, appointments, elections, consents),
//! about 15% of channels naming an actor of the same or a later layer (a cycle), about two
//! power edges per body (dismissals and oversight: accountability, audit, inquiry, review),
//! a constitutional court, names in English, Russian and Kazakh, and the bodies listed in a
//! shuffled order. The same `--bodies` and `--seed` always give the same bytes.

use std::io::{self, Write};

mod generate;

fn main() {
    let mut bodies = 1_000usize;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = args.next();
        let parsed = value.as_deref().and_then(|v| v.parse::<u64>().ok());
        match (a.as_str(), parsed) {
            ("--bodies", Some(v)) if v >= 16 => bodies = v as usize,
            ("--seed", Some(v)) => seed = v,
            _ => {
                eprintln!("usage: synth --bodies N (at least 16) --seed S");
                std::process::exit(2);
            }
        }
    }
    let text = generate::generate(bodies, seed);
    let mut out = io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        std::process::exit(1);
    }
}

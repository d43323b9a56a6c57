//! Times the ranges over readings and the weight band, and the headline with its consent
//! sensitivity, alone: what `summary` and every export compute after the analysis.
//! `cargo run --release --example ranges -- FILE.ron [REPEATS]` (or an embedded id such as
//! `kz-2022`); `BILIK_MAX_INPUT_BYTES` as for the command line.
//!
//! Prints the median and the range of the CPU time of this thread over the repeats (read from
//! `/proc/thread-self/schedstat`, so that other processes on a loaded machine do not count),
//! and the wall time beside it.

use std::time::Instant;

use bilik::analysis::range::Band;
use bilik::analysis::{Options, analyze, headline};
use bilik::output::ranges::Ranges;

/// CPU time of this thread in seconds (Linux), or 0 where the file is missing.
fn cpu() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

/// (CPU, wall) of `f`.
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64, f64) {
    let (c, w) = (cpu(), Instant::now());
    let out = f();
    (out, cpu() - c, w.elapsed().as_secs_f64())
}

fn summary(name: &str, mut cpu: Vec<f64>, mut wall: Vec<f64>) {
    cpu.sort_by(f64::total_cmp);
    wall.sort_by(f64::total_cmp);
    let ms = |x: f64| x * 1e3;
    println!(
        "{name}: CPU {:.2} ms ({:.2}-{:.2}), wall {:.2} ms ({:.2}-{:.2}), {} runs",
        ms(cpu[cpu.len() / 2]),
        ms(cpu[0]),
        ms(cpu[cpu.len() - 1]),
        ms(wall[wall.len() / 2]),
        ms(wall[0]),
        ms(wall[wall.len() - 1]),
        cpu.len()
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: ranges FILE.ron|ID [REPEATS]");
        std::process::exit(2);
    };
    let repeats: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5).max(1);
    if let Some(v) = std::env::var_os("BILIK_MAX_INPUT_BYTES") {
        match bilik::diag::read::parse_byte_count(&v.to_string_lossy()) {
            Ok(n) => bilik::diag::read::set_max_input_bytes(n),
            Err(e) => {
                eprintln!("BILIK_MAX_INPUT_BYTES: {e}");
                std::process::exit(2);
            }
        }
    }
    let ds = if std::path::Path::new(&path).exists() {
        match bilik::data::load_file(std::path::Path::new(&path)) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{}", e.report);
                std::process::exit(1);
            }
        }
    } else {
        match bilik::data::resolve(&path) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    };
    let options = Options::of(&ds);
    let analysis = analyze(&ds, &options).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    let band = Band::default();
    let (mut rc, mut rw, mut hc, mut hw, mut bc, mut bw) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    let mut combinations = 0;
    for _ in 0..repeats {
        let (ranges, c, w) = timed(|| Ranges::of(&ds, &options, &band).expect("ranges"));
        rc.push(c);
        rw.push(w);
        combinations = ranges.control.combinations;
        let (h, c, w) =
            timed(|| headline::headline_with(&ds, &options, &analysis, Some(&ranges.control)));
        std::hint::black_box(h);
        hc.push(c);
        hw.push(w);
        // The headline alone, as the explorer's Weights view asks for it without ranges.
        let (h, c, w) = timed(|| headline::headline(&ds, &options, &analysis));
        std::hint::black_box(h);
        bc.push(c);
        bw.push(w);
    }
    println!(
        "{path}: {} bodies, {combinations} combinations",
        ds.bodies.len()
    );
    summary("ranges (Ranges::of, default band)", rc, rw);
    summary("headline given the ranges", hc, hw);
    summary("headline alone", bc, bw);
}

//! How long each export format takes to write, apart from loading and analysing the state
//! that every export shares: `cargo run --release --example exports -- FILE.ron [RUNS] [ONLY]`.
//!
//! Loads and analyses `FILE.ron` once, computes the ranges once (as `bilik export` does for
//! Markdown, JSON and CSV), then writes every format and CSV table to a sink that counts the
//! bytes, `RUNS` times (default 3), and prints each one's median and range in milliseconds.
//! `ONLY` keeps the cases whose name contains one of its comma-separated words (`dot,csv`).
//! Pictures (SVG, PNG, PDF) of more bodies than the figures' cap are refused, as by the
//! command line. The whole-process figures of BENCHMARKS.md ("Every export at scale") come
//! from `/usr/bin/time -v bilik export`; this isolates the exports' own growth from the
//! loading and analysis in front of them.

use std::io;
use std::time::Instant;

use bilik::analysis::range::Band;
use bilik::analysis::{Options, analyze};
use bilik::model::Lang;
use bilik::output::export::{Format, RenderOptions, Snapshot, Table, produce};
use bilik::output::ranges::Ranges;

/// A writer that keeps only the count of what it was given.
struct Count(u64);

impl io::Write for Count {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.0 += b.len() as u64;
        Ok(b.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: exports FILE.ron [RUNS] [ONLY]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3).max(1);
    let only: Vec<String> = args
        .next()
        .map(|o| o.split(',').map(str::to_string).collect())
        .unwrap_or_default();
    if let Err(e) = bilik::diag::read::set_max_input_bytes_from_env() {
        eprintln!("{e}");
        std::process::exit(2);
    }
    let t = Instant::now();
    let ds = match bilik::data::load_file(std::path::Path::new(&path)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}", e.report);
            std::process::exit(1);
        }
    };
    let load = t.elapsed();
    let options = Options::of(&ds);
    let t = Instant::now();
    let analysis = match analyze(&ds, &options) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let analyse = t.elapsed();
    let t = Instant::now();
    let ranges = Ranges::of(&ds, &options, &Band::default()).ok();
    let range = t.elapsed();
    println!(
        "{} bodies: load {:.0} ms, analyse {:.0} ms, ranges {:.0} ms",
        ds.bodies.len(),
        load.as_secs_f64() * 1e3,
        analyse.as_secs_f64() * 1e3,
        range.as_secs_f64() * 1e3
    );
    let mut cases: Vec<(Format, Option<Table>)> = Format::ALL
        .into_iter()
        .filter(|f| *f != Format::Csv)
        .map(|f| (f, None))
        .collect();
    cases.extend(Table::ALL.map(|t| (Format::Csv, Some(t))));
    for (format, table) in cases {
        // Pictures show no range; the other formats get the ranges computed above.
        let snapshot = Snapshot {
            ranges: match format {
                Format::Md | Format::Json | Format::Csv => ranges.as_ref(),
                _ => None,
            },
            ..Snapshot::new(&ds, &analysis, Lang::En)
        };
        let name = match table {
            Some(t) => format!("{format} {t}"),
            None => format.to_string(),
        };
        if !only.is_empty() && !only.iter().any(|o| name.contains(o.as_str())) {
            continue;
        }
        let mut times = Vec::with_capacity(runs);
        let mut bytes = 0;
        let mut refused = None;
        for _ in 0..runs {
            let t = Instant::now();
            match produce(format, &snapshot, &RenderOptions { table }) {
                Ok(out) => {
                    let mut count = Count(0);
                    if let Err(e) = out.write_to(&mut count) {
                        eprintln!("{name}: {e}");
                        std::process::exit(1);
                    }
                    bytes = count.0;
                }
                Err(e) => refused = Some(e.to_string()),
            }
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        match refused {
            Some(e) => println!(
                "{name:<14} refused in {median:.1} ms: {}",
                e.chars().take(60).collect::<String>()
            ),
            None => println!(
                "{name:<14} {median:>9.1} ms ({:.1}-{:.1}) {bytes:>11} bytes",
                times[0],
                times[times.len() - 1]
            ),
        }
    }
}

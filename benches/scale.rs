//! How long each stage takes on kz-2022 and on synthetic states of 1,000, 10,000 and 100,000
//! bodies (examples/synth: the shape of issue 12, oversight edges and a constitutional court
//! included): parse + validate, the full analysis (flags and the headline with its consent
//! sensitivity), applying a preset and the before/after delta, and one frame of each TUI view
//! at 160x48. Run with `cargo bench -p bilik-bench` (add a filter such as `-- analyse/10000`);
//! `BILIK_BENCH_SIZES=1000,10000` chooses the sizes (100,000 only when named:
//! `BILIK_BENCH_SIZES=100000`). BENCHMARKS.md quotes the figures.

use std::hint::black_box;
use std::time::Duration;

use bilik::analysis::{Options, analyze};
use bilik::data::check_str;
use bilik::reform::{PresetSet, apply, delta};
use bilik::tui::keymap::Command;
use bilik::tui::ranges::Mode;
use bilik::tui::{Action, View, update};
use bilik_bench::generate::generate;
use bilik_bench::{app, draw, load, sizes, synth_presets};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// A state to measure: its name in the report, its text, and its presets.
struct Case {
    name: String,
    text: String,
    presets: PresetSet,
    active: Vec<String>,
}

fn cases() -> Vec<Case> {
    let kz = bilik::data::embedded("kz-2022").expect("kz-2022 is embedded");
    let mut out = vec![Case {
        name: "kz-2022".to_string(),
        text: kz.text.to_string(),
        presets: bilik::reform::embedded("kz-2022"),
        // P3 (the Senate's consent to the Prime Minister) and P5 (a directly elected Senate):
        // a changed channel and a body that becomes a principal.
        active: vec!["P3".to_string(), "P5".to_string()],
    }];
    for n in sizes() {
        out.push(Case {
            name: n.to_string(),
            text: generate(n, 1),
            presets: synth_presets(n),
            active: vec!["R1".to_string()],
        });
    }
    out
}

fn bench(c: &mut Criterion) {
    for case in cases() {
        let mut g = c.benchmark_group(case.name.clone());
        let big = case.text.len() > 20_000_000;
        g.sample_size(if big { 10 } else { 20 });
        g.measurement_time(Duration::from_secs(if big { 20 } else { 5 }));
        g.warm_up_time(Duration::from_secs(1));
        g.bench_function("load (parse + validate)", |b| {
            b.iter(|| check_str("bench.ron", black_box(&case.text)))
        });
        let ds = load(&case.text);
        let o = Options::of(&ds);
        g.bench_function("analyse (full: flags, headline)", |b| {
            b.iter(|| analyze(black_box(&ds), &o).unwrap())
        });
        g.bench_function("apply preset", |b| {
            b.iter(|| apply(black_box(&ds), &case.presets, &case.active).unwrap())
        });
        let reformed = apply(&ds, &case.presets, &case.active).unwrap();
        g.bench_function("delta", |b| {
            b.iter(|| delta(black_box(&ds), &reformed, &o, None).unwrap())
        });
        let mut app = app(&ds, &case.presets, Mode::Now);
        for view in View::ALL {
            update(&mut app, Action::Command(Command::Show(view)));
            g.bench_with_input(
                BenchmarkId::new("draw 160x48", format!("{view:?}")),
                &app,
                |b, app| b.iter(|| draw(black_box(app))),
            );
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

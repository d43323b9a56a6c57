//! How long each stage takes on kz-2022 and on synthetic states of 1,000, 10,000 and 100,000
//! bodies (examples/synth: the shape of issue 12, oversight edges and a constitutional court
//! included): parse + validate, the full analysis (flags and the headline with its consent
//! sensitivity), applying a preset and the before/after delta, and one frame of each TUI view
//! at 160x48. Run with `cargo bench -p bilik-bench` (add a filter such as `-- analyse/10000`);
//! `BILIK_BENCH_SIZES=1000,10000` limits the sizes. BENCHMARKS.md quotes the figures.

use std::hint::black_box;
use std::time::Duration;

use bilik::analysis::{Options, analyze};
use bilik::data::check_str;
use bilik::model::{Dataset, Lang};
use bilik::reform::{PresetSet, apply, delta};
use bilik::tui::keymap::Command;
use bilik::tui::{Action, App, AppOptions, View, update};
use bilik_bench::generate::generate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The sizes to measure, from `BILIK_BENCH_SIZES` or all of them.
fn sizes() -> Vec<usize> {
    std::env::var("BILIK_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000])
}

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
        let preset = format!(
            "(dataset: \"synth-{n}\", title: \"t\", presets: [(id: \"R1\", title: (en: \"R1\", ru: \"R1\", kk: \"R1\"), description: \"The Court's presidential seats go to the Senate; no dissolution.\", operations: [\
             change_channel(body: \"constitutional_court\", id: \"president\", steps: [(actor: \"upper_chamber\", role: elect)], source: \"s\"),\
             remove_edge(from: \"president\", kind: dissolve, to: \"lower_chamber\")])])"
        );
        out.push(Case {
            name: n.to_string(),
            text: generate(n, 1),
            presets: bilik::reform::load_str("synth.ron", &preset)
                .unwrap_or_else(|e| panic!("{}", e.report)),
            active: vec!["R1".to_string()],
        });
    }
    out
}

fn load(text: &str) -> Dataset {
    check_str("bench.ron", text)
        .dataset
        .expect("the benchmark's dataset is valid")
}

fn app(ds: &Dataset, presets: &PresetSet) -> App {
    let mut app = App::new(AppOptions {
        dataset: ds.clone(),
        presets: presets.clone(),
        active: Vec::new(),
        custom_principals: false,
        options: Options::of(ds),
        lang: Lang::En,
        keymap: Default::default(),
        theme: bilik::tui::theme::Theme::colored(),
        message: None,
    })
    .expect("the app starts");
    update(
        &mut app,
        Action::Resize {
            width: 160,
            height: 48,
        },
    );
    app
}

fn draw(app: &App) -> Buffer {
    let area = Rect::new(0, 0, 160, 48);
    let mut buf = Buffer::empty(area);
    ratatui::widgets::Widget::render(app, area, &mut buf);
    buf
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
        let mut app = app(&ds, &case.presets);
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

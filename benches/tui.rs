//! How long the explorer takes per frame on kz-2022 and on synthetic states of 1,000, 10,000
//! and 100,000 bodies (examples/synth): one frame of each view at 160x48 with its derived data
//! cached (a redraw), opening each view from another (update + draw), and the changes a user
//! makes, end to end (update + draw): a reform switched on or off in the Reforms view, and a
//! weight raised and lowered in the Weights view. The ranges are left to the worker, as in the
//! explorer, so the figures are those of the frame the user waits for; the worker's job is
//! timed on its own.
//!
//! `cargo bench -p bilik-bench --bench tui -- --sample-size 10 --measurement-time 3`;
//! `BILIK_BENCH_SIZES=1000,10000` limits the sizes (`0` for kz-2022 alone). Before the
//! benchmarks, each view's first opening in a state (its derived data computed cold) is timed
//! once and printed. BENCHMARKS.md quotes the figures.

use std::hint::black_box;
use std::time::Instant;

use bilik::analysis::Options;
use bilik::data::check_str;
use bilik::model::{Dataset, Lang};
use bilik::reform::PresetSet;
use bilik::tui::keymap::Command;
use bilik::tui::ranges::{Job, Mode, Target};
use bilik::tui::{Action, App, AppOptions, View, update};
use bilik_bench::generate::generate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The sizes to measure, from `BILIK_BENCH_SIZES` or all of them.
fn sizes() -> Vec<usize> {
    std::env::var("BILIK_BENCH_SIZES")
        .ok()
        .map(|s| {
            s.split(',')
                .filter_map(|n| n.trim().parse().ok())
                .filter(|n| *n > 0)
                .collect()
        })
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000])
}

/// A state to measure: its name in the report, the dataset and its presets.
struct Case {
    name: String,
    dataset: Dataset,
    presets: PresetSet,
}

fn cases() -> Vec<Case> {
    let kz = bilik::data::embedded("kz-2022").expect("kz-2022 is embedded");
    let mut out = vec![Case {
        name: "tui kz-2022".to_string(),
        dataset: load(kz.text),
        presets: bilik::reform::embedded("kz-2022"),
    }];
    for n in sizes() {
        let preset = format!(
            "(dataset: \"synth-{n}\", title: \"t\", presets: [(id: \"R1\", title: (en: \"R1\", ru: \"R1\", kk: \"R1\"), description: \"The Court's presidential seats go to the Senate; no dissolution.\", operations: [\
             change_channel(body: \"constitutional_court\", id: \"president\", steps: [(actor: \"upper_chamber\", role: elect)], source: \"s\"),\
             remove_edge(from: \"president\", kind: dissolve, to: \"lower_chamber\")])])"
        );
        out.push(Case {
            name: format!("tui {n}"),
            dataset: load(&generate(n, 1)),
            presets: bilik::reform::load_str("synth.ron", &preset)
                .unwrap_or_else(|e| panic!("{}", e.report)),
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
    let mut app = App::with_ranges(
        AppOptions {
            dataset: ds.clone(),
            presets: presets.clone(),
            active: Vec::new(),
            custom_principals: false,
            options: Options::of(ds),
            lang: Lang::En,
            keymap: Default::default(),
            theme: bilik::tui::theme::Theme::colored(),
            message: None,
        },
        Mode::Deferred,
    )
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

fn command(app: &mut App, c: Command) -> Buffer {
    update(app, Action::Command(c));
    draw(app)
}

fn bench(c: &mut Criterion) {
    for case in cases() {
        let start = Instant::now();
        let mut app = app(&case.dataset, &case.presets);
        eprintln!(
            "{}: the explorer starts in {:?}",
            case.name,
            start.elapsed()
        );
        // Each view opened for the first time in this state: its derived data computed cold.
        for view in View::ALL {
            let start = Instant::now();
            command(&mut app, Command::Show(view));
            eprintln!(
                "{}: first opening of {view:?} (update + draw) {:?}",
                case.name,
                start.elapsed()
            );
        }
        let mut g = c.benchmark_group(case.name.clone());
        for view in View::ALL {
            command(&mut app, Command::Show(view));
            g.bench_with_input(
                BenchmarkId::new("draw 160x48", format!("{view:?}")),
                &app,
                |b, app| b.iter(|| draw(black_box(app))),
            );
        }
        for view in View::ALL {
            let from = if view == View::Bodies {
                View::Graph
            } else {
                View::Bodies
            };
            g.bench_function(
                BenchmarkId::new("open (update + draw)", format!("{view:?}")),
                |b| {
                    b.iter(|| {
                        update(&mut app, Action::Command(Command::Show(from)));
                        command(&mut app, Command::Show(view))
                    })
                },
            );
        }
        // The first preset under the cursor, switched on and off in turn. From 100,000 bodies
        // a change re-analyses for seconds (the analysis's part of issue 12): timed once.
        command(&mut app, Command::Show(View::Reforms));
        if case.dataset.bodies.len() > 10_000 {
            for what in ["on", "off"] {
                let start = Instant::now();
                command(&mut app, Command::Toggle);
                eprintln!(
                    "{}: a reform switched {what} (update + draw, once) {:?}",
                    case.name,
                    start.elapsed()
                );
            }
            g.finish();
            continue;
        }
        g.bench_function("toggle a reform (update + draw)", |b| {
            b.iter(|| command(&mut app, Command::Toggle))
        });
        if !app.ctx.scenario.active.is_empty() {
            command(&mut app, Command::Toggle);
        }
        // The first weight (the cursor's row at start), raised and lowered in turn.
        command(&mut app, Command::Show(View::Weights));
        let mut up = true;
        g.bench_function("change a weight (update + draw)", |b| {
            b.iter(|| {
                up = !up;
                command(
                    &mut app,
                    if up {
                        Command::Increase
                    } else {
                        Command::Decrease
                    },
                )
            })
        });
        // What the worker does meanwhile, until the range appears (seconds from 10,000 bodies:
        // left out there).
        if case.dataset.bodies.len() <= 1_000 {
            let job = Job {
                ticket: 1,
                target: Target::State,
                dataset: app.ctx.dataset.clone(),
                options: app.ctx.options.clone(),
                band: app.ctx.band.clone(),
            };
            g.bench_function("ranges (the worker, off the frame path)", |b| {
                b.iter(|| black_box(job.clone()).run())
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

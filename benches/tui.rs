//! How long the explorer takes per frame on kz-2022 and on synthetic states of 1,000, 10,000
//! and 100,000 bodies (examples/synth): one frame of each view at 160x48 with its derived data
//! cached (a redraw), opening each view from another (update + draw), and the changes a user
//! makes, end to end (update + draw): a reform switched on or off in the Reforms view, and a
//! weight raised and lowered in the Weights view. The ranges are left to the worker, as in the
//! explorer, so the figures are those of the frame the user waits for; the worker's job is
//! timed on its own.
//!
//! `cargo bench -p bilik-bench --bench tui -- --sample-size 10 --measurement-time 3`;
//! `BILIK_BENCH_SIZES=1000,10000` chooses the sizes (`0` for kz-2022 alone; 100,000 only when
//! named, `BILIK_BENCH_SIZES=100000`, as its set-up takes about a minute). Before the
//! benchmarks, each view's first opening in a state (its derived data computed cold) is timed
//! once and printed. BENCHMARKS.md quotes the figures.

use std::hint::black_box;
use std::time::Instant;

use bilik::model::Dataset;
use bilik::reform::PresetSet;
use bilik::tui::keymap::Command;
use bilik::tui::ranges::{Job, Mode, Target, Work};
use bilik::tui::{Action, App, View, update};
use bilik_bench::generate::generate;
use bilik_bench::{app, draw, load, sizes, synth_presets};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;

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
        let text = generate(n, 1);
        let start = Instant::now();
        let dataset = load(&text);
        eprintln!(
            "tui {n}: parse + validate of {} bytes {:?}",
            text.len(),
            start.elapsed()
        );
        out.push(Case {
            name: format!("tui {n}"),
            dataset,
            presets: synth_presets(n),
        });
    }
    out
}

fn command(app: &mut App, c: Command) -> Buffer {
    update(app, Action::Command(c));
    draw(app)
}

fn bench(c: &mut Criterion) {
    for case in cases() {
        let start = Instant::now();
        let mut app = app(&case.dataset, &case.presets, Mode::Deferred);
        let started = start.elapsed();
        draw(&app);
        eprintln!(
            "{}: the explorer starts in {started:?} (a copy of the dataset, its analysis), its first frame after {:?}",
            case.name,
            start.elapsed()
        );
        // Each view opened for the first time in this state: its derived data computed cold
        // (the worker's jobs it leaves are timed next, as the worker runs them).
        let mut jobs = Vec::new();
        for view in View::ALL {
            let start = Instant::now();
            command(&mut app, Command::Show(view));
            eprintln!(
                "{}: first opening of {view:?} (update + draw) {:?}",
                case.name,
                start.elapsed()
            );
            jobs.extend(app.ctx.take_range_jobs());
        }
        for job in jobs {
            let target = job.target;
            if target != Target::State && target != Target::Baseline {
                let start = Instant::now();
                let done = job.run();
                eprintln!(
                    "{}: the worker's {target:?} job {:?}",
                    case.name,
                    start.elapsed()
                );
                update(&mut app, Action::Ranges(done));
            }
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
        // The first preset under the cursor, switched on and off in turn: the frame with the
        // state before marked "recomputing…" (update + draw), and end to end (that, the
        // worker's switch, its arrival, the Reforms view's delta from the worker, its arrival,
        // the frame). From 100,000 bodies the worker's part takes seconds: timed once.
        command(&mut app, Command::Show(View::Reforms));
        if case.dataset.bodies.len() > 10_000 {
            for what in ["on", "off"] {
                let start = Instant::now();
                command(&mut app, Command::Toggle);
                let marked = start.elapsed();
                let steps = switch_through_worker(&mut app);
                eprintln!(
                    "{}: a reform switched {what}: the marked frame (update + draw) {marked:?}; {steps}",
                    case.name
                );
            }
            g.finish();
            continue;
        }
        g.bench_function("switch a reform: the marked frame (update + draw)", |b| {
            b.iter(|| {
                let frame = command(&mut app, Command::Toggle);
                // Pressed again: back to the state on screen, the switch no longer awaited.
                update(&mut app, Action::Command(Command::Toggle));
                app.ctx.take_range_jobs();
                frame
            })
        });
        settle_switch(&mut app);
        g.bench_function(
            "switch a reform end to end (update, the worker's switch and delta, draw)",
            |b| {
                b.iter(|| {
                    update(&mut app, Action::Command(Command::Toggle));
                    settle_switch(&mut app);
                    draw(&app)
                })
            },
        );
        g.bench_function(
            "switch a reform end to end, on the frame path only (update x3 + draw)",
            |b| {
                b.iter_custom(|iters| {
                    let mut spent = std::time::Duration::ZERO;
                    for _ in 0..iters {
                        let start = Instant::now();
                        update(&mut app, Action::Command(Command::Toggle));
                        spent += start.elapsed();
                        for target in [Target::Reform, Target::Delta] {
                            let jobs: Vec<Job> = app
                                .ctx
                                .take_range_jobs()
                                .into_iter()
                                .filter(|j| j.target == target)
                                .collect();
                            let done: Vec<_> = jobs.into_iter().map(Job::run).collect();
                            let start = Instant::now();
                            for d in done {
                                update(&mut app, Action::Ranges(d));
                            }
                            spent += start.elapsed();
                        }
                        let start = Instant::now();
                        black_box(draw(&app));
                        spent += start.elapsed();
                    }
                    spent
                })
            },
        );
        // The delta's part of a switch: from scratch (both states analysed, as `bilik diff`
        // does) and as the explorer computes it (the baseline's side kept, the state on
        // screen's analysis reused).
        if app.ctx.scenario.active.is_empty() {
            command(&mut app, Command::Toggle);
            settle_switch(&mut app);
        }
        let base = app
            .ctx
            .scenario
            .baseline
            .in_layer(app.ctx.options.layer)
            .into_owned();
        g.bench_function("delta from scratch (reform::delta)", |b| {
            b.iter(|| {
                bilik::reform::delta(&base, &app.ctx.dataset, &app.ctx.options, None).unwrap()
            })
        });
        let before = bilik::reform::side(&base, &app.ctx.options, None).unwrap();
        g.bench_function(
            "delta with the baseline's side kept (reform::delta_of)",
            |b| {
                b.iter(|| {
                    let after = bilik::reform::side_of(
                        &app.ctx.dataset,
                        &app.ctx.options,
                        (*app.ctx.analysis).clone(),
                    );
                    bilik::reform::delta_of(&base, before.clone(), &app.ctx.dataset, after)
                })
            },
        );
        if !app.ctx.scenario.active.is_empty() {
            command(&mut app, Command::Toggle);
            settle_switch(&mut app);
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
        g.bench_function("change a weight (update)", |b| {
            b.iter(|| {
                up = !up;
                update(
                    &mut app,
                    Action::Command(if up {
                        Command::Increase
                    } else {
                        Command::Decrease
                    }),
                )
            })
        });
        // What the worker does meanwhile, until the range appears (seconds from 10,000 bodies:
        // left out there).
        if case.dataset.bodies.len() <= 1_000 {
            let job = Job {
                ticket: 1,
                target: Target::State,
                work: Work::State {
                    dataset: app.ctx.dataset.clone(),
                    options: app.ctx.options.clone(),
                    band: app.ctx.band.clone(),
                },
            };
            g.bench_function("ranges (the worker, off the frame path)", |b| {
                b.iter(|| black_box(job.clone()).run())
            });
        }
        g.finish();
    }
}

/// Runs the worker's switch and then the Reforms view's delta, as the worker would, and hands
/// each back through `update`; the other jobs (the ranges) are left out, as the frame does not
/// wait for them.
fn settle_switch(app: &mut App) {
    for target in [Target::Reform, Target::Delta] {
        for job in app.ctx.take_range_jobs() {
            if job.target == target {
                update(app, Action::Ranges(job.run()));
            }
        }
    }
}

/// [`settle_switch`] once, timing each step: what the 100,000-body figures report.
fn switch_through_worker(app: &mut App) -> String {
    let mut out = Vec::new();
    for target in [Target::Reform, Target::Delta] {
        for job in app.ctx.take_range_jobs() {
            if job.target != target {
                continue;
            }
            let start = Instant::now();
            let done = job.run();
            let worked = start.elapsed();
            let start = Instant::now();
            update(app, Action::Ranges(done));
            draw(app);
            out.push(format!(
                "the worker's {target:?} job {worked:?}, its arrival (update + draw) {:?}",
                start.elapsed()
            ));
        }
    }
    out.join("; ")
}

criterion_group!(benches, bench);
criterion_main!(benches);

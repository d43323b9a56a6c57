//! One-shot timing of what the user waits for at scale (issue 12): each view's first opening
//! (update + draw) and its redraw, then the first preset switched on and off in the Reforms
//! view, the worker's jobs run in line and each arrival (update + draw) timed, and the
//! arrival of the ranges (an answer for the state and for the baseline, as the worker would
//! send it: the Reforms view lays out again only what shows them). `cargo bench -p
//! bilik-bench --bench arrival`; `BILIK_BENCH_SIZES` as in `tui` (100,000 only when named).

use std::sync::Arc;
use std::time::{Duration, Instant};

use bilik::tui::keymap::Command;
use bilik::tui::ranges::{Answer, Done, Job, Mode, Target};
use bilik::tui::{Action, App, View, update};
use bilik_bench::generate::generate;
use bilik_bench::{app, draw, load, sizes, synth_presets};

fn command(app: &mut App, c: Command) -> Duration {
    let start = Instant::now();
    update(app, Action::Command(c));
    draw(app);
    start.elapsed()
}

/// The slowest of three redraws.
fn redraw(app: &App) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            draw(app);
            start.elapsed()
        })
        .max()
        .unwrap_or_default()
}

/// A ranges job answered without computing it (at 100,000 bodies the ranges take minutes):
/// the arrival costs the same in `update` whatever the figures are.
fn answered(job: Job) -> Done {
    Done {
        ticket: job.ticket,
        target: job.target,
        answer: Answer::State(Arc::new(Err("not computed by the benchmark".into()))),
    }
}

fn main() {
    for n in sizes() {
        let dataset = load(&generate(n, 1));
        let mut app = app(&dataset, &synth_presets(n), Mode::Deferred);
        for view in View::ALL {
            let opened = command(&mut app, Command::Show(view));
            eprintln!(
                "tui {n}: {view:?}: first opening (update + draw) {opened:?}, redraw {:?}",
                redraw(&app)
            );
            app.ctx.take_range_jobs();
        }
        // The Graph's part of its first opening: the selected body's two columns.
        let start = Instant::now();
        std::hint::black_box(bilik::tui::views::graph::neighbours(&app.ctx));
        eprintln!(
            "tui {n}: the Graph's columns of the selected body (neighbours) {:?}",
            start.elapsed()
        );
        command(&mut app, Command::Show(View::Reforms));
        for what in ["on", "off"] {
            let marked = command(&mut app, Command::Toggle);
            let mut out = vec![format!("marked frame {marked:?}")];
            let mut ranges = Vec::new();
            for target in [Target::Reform, Target::Delta] {
                for job in app.ctx.take_range_jobs() {
                    if job.target != target {
                        if matches!(job.target, Target::State | Target::Baseline) {
                            ranges.push(job);
                        }
                        continue;
                    }
                    let start = Instant::now();
                    let done = job.run();
                    let worked = start.elapsed();
                    let start = Instant::now();
                    update(&mut app, Action::Ranges(done));
                    let updated = start.elapsed();
                    draw(&app);
                    out.push(format!(
                        "{target:?} job {worked:?}, arrival update {updated:?} + draw {:?}",
                        start.elapsed() - updated
                    ));
                }
            }
            ranges.extend(app.ctx.take_range_jobs());
            for job in ranges {
                let target = job.target;
                if !matches!(target, Target::State | Target::Baseline) {
                    continue;
                }
                let start = Instant::now();
                update(&mut app, Action::Ranges(answered(job)));
                draw(&app);
                out.push(format!(
                    "{target:?} ranges' arrival (update + draw) {:?}",
                    start.elapsed()
                ));
            }
            out.push(format!("redraw {:?}", redraw(&app)));
            eprintln!("tui {n}: switched {what}: {}", out.join("; "));
        }
    }
}

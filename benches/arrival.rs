//! One-shot timing of a reform switch's arrival (issue 12): each view opened once, then the
//! first preset switched on and off in the Reforms view, the worker's jobs run in line and
//! each arrival (update + draw) timed. `cargo bench -p bilik-bench --bench arrival`;
//! `BILIK_BENCH_SIZES` as in `tui` (100,000 only when named).

use std::time::Instant;

use bilik::tui::keymap::Command;
use bilik::tui::ranges::{Mode, Target};
use bilik::tui::{Action, App, View, update};
use bilik_bench::generate::generate;
use bilik_bench::{app, draw, load, sizes, synth_presets};

fn command(app: &mut App, c: Command) {
    update(app, Action::Command(c));
    draw(app);
}

fn main() {
    for n in sizes() {
        let dataset = load(&generate(n, 1));
        let mut app = app(&dataset, &synth_presets(n), Mode::Deferred);
        for view in View::ALL {
            command(&mut app, Command::Show(view));
            app.ctx.take_range_jobs();
        }
        command(&mut app, Command::Show(View::Reforms));
        for what in ["on", "off"] {
            let start = Instant::now();
            command(&mut app, Command::Toggle);
            let mut out = vec![format!("marked frame {:?}", start.elapsed())];
            for target in [Target::Reform, Target::Delta] {
                for job in app.ctx.take_range_jobs() {
                    if job.target != target {
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
            eprintln!("tui {n}: switched {what}: {}", out.join("; "));
        }
    }
}

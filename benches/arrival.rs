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

/// The CPU time this thread has used (user + system, in clock ticks of 10 ms): what a toggle
/// costs whatever else the machine runs, read over many toggles.
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, a)| a);
    let ticks: u64 = after
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<u64>().ok())
        .sum();
    Duration::from_millis(ticks * 10)
}

/// Runs the jobs of `targets` in turn as the worker would (each one's arrival may ask for the
/// next: the switch, then the Reforms view's delta), handing each answer back through
/// `update`; the ranges are left out, as no frame waits for them. Returns the time each
/// target's job took.
fn settle(app: &mut App, targets: &[Target]) -> Vec<Duration> {
    let mut worked = vec![Duration::ZERO; targets.len()];
    for (i, target) in targets.iter().enumerate() {
        for job in app.ctx.take_range_jobs() {
            if job.target == *target {
                let start = Instant::now();
                let done = job.run();
                worked[i] += start.elapsed();
                update(app, Action::Ranges(done));
            }
        }
    }
    worked
}

/// kz-2022 end to end, many times over: a reform switched on or off in the Reforms view (the
/// key's update and frame, the worker's switch, its arrival, the worker's delta, its arrival,
/// the frame), and a weight changed in the Weights view (the key's update and frame, the
/// worker's headline, its arrival, the frame). Wall time per change and this thread's CPU time
/// per change (the jobs run on it), the latter what the change costs on a loaded machine.
fn kz_end_to_end() {
    let kz = bilik::data::embedded("kz-2022").expect("kz-2022 is embedded");
    let dataset = load(kz.text);
    let mut app = app(
        &dataset,
        &bilik::reform::embedded("kz-2022"),
        Mode::Deferred,
    );
    let rounds: u32 = std::env::var("BILIK_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1000);
    command(&mut app, Command::Show(View::Reforms));
    let switch = [Target::Reform, Target::Delta];
    let weight = [Target::Headline];
    for what in ["a reform switched", "a weight changed"] {
        let targets: &[Target] = if what == "a weight changed" {
            command(&mut app, Command::Show(View::Weights));
            &weight
        } else {
            &switch
        };
        let press = |i: u32| match (what, i % 2) {
            ("a weight changed", 0) => Command::Increase,
            ("a weight changed", _) => Command::Decrease,
            _ => Command::Toggle,
        };
        // Warm: the baseline's side of the delta is kept between switches.
        for i in 0..4 {
            command(&mut app, press(i));
            settle(&mut app, targets);
            app.ctx.take_range_jobs();
        }
        let (wall, cpu_before) = (Instant::now(), cpu());
        let mut jobs = vec![Duration::ZERO; targets.len()];
        let mut slowest = Duration::ZERO;
        for i in 0..rounds {
            let start = Instant::now();
            update(&mut app, Action::Command(press(i)));
            draw(&app);
            for (j, t) in settle(&mut app, targets).into_iter().enumerate() {
                jobs[j] += t;
            }
            draw(&app);
            app.ctx.take_range_jobs();
            slowest = slowest.max(start.elapsed());
        }
        let (wall, cpu) = (wall.elapsed() / rounds, (cpu() - cpu_before) / rounds);
        let jobs: Vec<String> = targets
            .iter()
            .zip(&jobs)
            .map(|(t, d)| format!("{t:?} job {:?}", *d / rounds))
            .collect();
        eprintln!(
            "tui kz-2022: {what} end to end, mean of {rounds}: wall {wall:?}, CPU {cpu:?} (of which {}); slowest wall {slowest:?}",
            jobs.join(", ")
        );
    }
}

fn main() {
    kz_end_to_end();
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

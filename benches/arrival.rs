//! One-shot timing of what the user waits for at scale (issue 12): each view's first opening
//! (update + draw) and its redraw, then the first preset switched on and off in the Reforms
//! view, the worker's jobs run in line and each arrival (update + draw) timed, and the
//! arrival of the ranges (an answer for the state and for the baseline, as the worker would
//! send it: the Reforms view lays out again only what shows them). `cargo bench -p
//! bilik-bench --bench arrival`; `BILIK_BENCH_SIZES` as in `tui` (100,000 only when named).

use std::sync::Arc;
use std::time::{Duration, Instant};

use bilik::tui::keymap::Command;
use bilik::tui::ranges::{Answer, Done, Job, Mode, Target, Worker};
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

/// The CPU time the process has used (user + system, every thread, in clock ticks of 10 ms):
/// what a change costs whatever else the machine runs, read over many changes.
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
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

/// As [`settle`], the jobs run by the explorer's worker threads (as in the explorer, whose
/// loop takes an answer as it arrives), the wait for each answer included.
fn settle_on(worker: &Worker, app: &mut App, targets: &[Target]) {
    for target in targets {
        let mut asked = 0;
        for job in app.ctx.take_range_jobs() {
            if job.target == *target {
                worker.send(job);
                asked += 1;
            }
        }
        while asked > 0 {
            let Some(done) = worker.recv_timeout(Duration::from_secs(60)) else {
                panic!("the worker did not answer within a minute");
            };
            if done.target == *target {
                asked -= 1;
            }
            update(app, Action::Ranges(done));
        }
    }
}

/// kz-2022 end to end, many times over: a reform switched on or off in the Reforms view (the
/// key's update and frame, the worker's switch, its arrival, the worker's delta, its arrival,
/// the frame), and a weight changed in the Weights view (the key's update and frame, the
/// worker's headline, its arrival, the frame), the jobs on the explorer's worker threads.
/// Wall time per change, and the CPU time per change of the whole process (the worker's
/// included): what the change costs on a loaded machine. `BILIK_BENCH_ROUNDS` (1,000).
fn kz_end_to_end() {
    let kz = bilik::data::embedded("kz-2022").expect("kz-2022 is embedded");
    let dataset = load(kz.text);
    let mut app = app(
        &dataset,
        &bilik::reform::embedded("kz-2022"),
        Mode::Deferred,
    );
    let worker = Worker::spawn().expect("the worker starts");
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
            settle_on(&worker, &mut app, targets);
            app.ctx.take_range_jobs();
        }
        let (wall, cpu_before) = (Instant::now(), cpu());
        let mut times = Vec::with_capacity(rounds as usize);
        for i in 0..rounds {
            let start = Instant::now();
            update(&mut app, Action::Command(press(i)));
            draw(&app);
            settle_on(&worker, &mut app, targets);
            draw(&app);
            app.ctx.take_range_jobs();
            times.push(start.elapsed());
        }
        let (wall, cpu) = (wall.elapsed() / rounds, (cpu() - cpu_before) / rounds);
        times.sort();
        let median = times.get(times.len() / 2).copied().unwrap_or_default();
        eprintln!(
            "tui kz-2022: {what} end to end, {rounds} times: wall mean {wall:?}, median {median:?}; CPU (all threads) {cpu:?} per change"
        );
    }
    // The same switch with the jobs in line on this thread: the work alone, split.
    command(&mut app, Command::Show(View::Reforms));
    let mut jobs = [Duration::ZERO; 2];
    let start = Instant::now();
    for _ in 0..rounds {
        update(&mut app, Action::Command(Command::Toggle));
        draw(&app);
        for (j, t) in settle(&mut app, &switch).into_iter().enumerate() {
            jobs[j] += t;
        }
        draw(&app);
        app.ctx.take_range_jobs();
    }
    eprintln!(
        "tui kz-2022: a reform switched, in line: {:?} per switch, of which the switch's job (apply + analysis) {:?}, the delta's {:?}",
        start.elapsed() / rounds,
        jobs[0] / rounds,
        jobs[1] / rounds
    );
}

fn main() {
    kz_end_to_end();
    let worker = Worker::spawn().expect("the worker starts");
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
                    // On the explorer's worker thread, as in the explorer: the state it
                    // builds is then not freed into the arena the frame allocates from.
                    let start = Instant::now();
                    worker.send(job);
                    let done = worker
                        .recv_timeout(Duration::from_secs(3600))
                        .expect("the worker answers");
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

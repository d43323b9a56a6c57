//! How long loading, analysing and drawing take, on the shipped data and on synthetic states
//! of growing size. Run with `cargo bench`; the README's "Performance" section quotes figures.

use std::fmt::Write;
use std::hint::black_box;

use bilik::analysis::{Options, analyze};
use bilik::data::check_str;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// A synthetic state of `n` bodies: an electorate, then bodies each filled by two earlier
/// bodies and one later one, so that the chain has long paths and many cycles.
fn synthetic(n: usize) -> String {
    let mut s = String::from(
        "(id: \"synthetic\", title: \"Synthetic\", jurisdiction: \"Bench\", as_of: \"2024-01-01\",\n principals: [\"b0\", \"b1\"],\n bodies: [\n",
    );
    let name = |i: usize| format!("(en: \"Body {i}\", ru: \"Орган {i}\", kk: \"Орган {i}\")");
    let _ = writeln!(
        s,
        "  (id: \"b0\", name: {}, branch: electorate, seats: 1, source: \"art. 0\"),",
        name(0)
    );
    let _ = writeln!(
        s,
        "  (id: \"b1\", name: {}, branch: executive, seats: 1, source: \"art. 1\", channels: [(id: \"e\", seats: 1, steps: [(actor: \"b0\", role: elect)], source: \"art. 1\")]),",
        name(1)
    );
    for i in 2..n {
        let a = (i * 7 + 3) % i;
        let b = (i * 13 + 5) % i;
        let later = if i + 1 < n { i + 1 } else { 1 };
        let _ = writeln!(
            s,
            "  (id: \"b{i}\", name: {}, branch: oversight, seats: 9, independent: {}, source: \"art. {i}\", channels: [\
             (id: \"x\", seats: 4, steps: [(actor: \"b{a}\", role: appoint), (actor: \"b{later}\", role: consent)], source: \"art. {i}(1)\"),\
             (id: \"y\", seats: 5, steps: [(actor: \"b{b}\", role: nominate), (actor: \"b{later}\", role: elect)], source: \"art. {i}(2)\")]),",
            name(i),
            i % 3 == 0
        );
    }
    s.push_str(" ],\n edges: [\n");
    for i in (2..n).step_by(5) {
        let _ = writeln!(
            s,
            "  (from: \"b1\", to: \"b{i}\", kind: dismiss_at_will, source: \"art. {i}(3)\"),"
        );
    }
    s.push_str(" ],\n)\n");
    s
}

fn bench(c: &mut Criterion) {
    let kz = bilik::data::embedded("kz-2022").unwrap().text;
    c.bench_function("load kz-2022 (parse + validate)", |b| {
        b.iter(|| check_str("kz-2022.ron", black_box(kz)))
    });
    let ds = bilik::data::default_dataset();
    let o = Options::of(&ds);
    c.bench_function("analyse kz-2022 (shares, control, flags, summary)", |b| {
        b.iter(|| analyze(black_box(&ds), &o).unwrap())
    });

    let mut group = c.benchmark_group("synthetic");
    group.sample_size(10);
    for n in [100usize, 1_000, 5_000] {
        let text = synthetic(n);
        let ds = check_str("synthetic.ron", &text)
            .dataset
            .unwrap_or_else(|| panic!("synthetic dataset of {n} bodies is invalid"));
        let o = Options::of(&ds);
        group.bench_with_input(BenchmarkId::new("load", n), &text, |b, t| {
            b.iter(|| check_str("synthetic.ron", black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("analyse", n), &ds, |b, d| {
            b.iter(|| analyze(black_box(d), &o).unwrap())
        });
    }
    group.finish();

    let app = {
        let ds = bilik::data::default_dataset();
        let options = Options::of(&ds);
        let presets = bilik::reform::embedded("kz-2022");
        let mut app = bilik::tui::App::new(bilik::tui::AppOptions {
            dataset: ds,
            presets,
            active: Vec::new(),
            custom_principals: false,
            options,
            lang: bilik::model::Lang::En,
            keymap: Default::default(),
            theme: bilik::tui::theme::Theme::colored(),
            message: None,
        })
        .unwrap();
        bilik::tui::update(
            &mut app,
            bilik::tui::Action::Resize {
                width: 160,
                height: 48,
            },
        );
        app
    };
    c.bench_function("draw the Bodies view at 160x48", |b| {
        let area = ratatui::layout::Rect::new(0, 0, 160, 48);
        b.iter(|| {
            let mut buf = ratatui::buffer::Buffer::empty(area);
            ratatui::widgets::Widget::render(black_box(&app), area, &mut buf);
            buf
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! The synthetic states the benchmarks measure (the generator of `examples/synth`), and what
//! the stage and explorer benchmarks share: the sizes, the synthetic reform, loading, and an
//! explorer at 160x48.

#[path = "../examples/synth/generate.rs"]
pub mod generate;

use bilik::analysis::Options;
use bilik::data::check_str;
use bilik::model::{Dataset, Lang};
use bilik::reform::PresetSet;
use bilik::tui::ranges::Mode;
use bilik::tui::{Action, App, AppOptions, update};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The sizes to measure, from `BILIK_BENCH_SIZES` (`0` for kz-2022 alone), else 1,000 and
/// 10,000. 100,000 bodies only when asked for (`BILIK_BENCH_SIZES=100000`): generating,
/// loading and analysing them takes about a minute before the first benchmark.
pub fn sizes() -> Vec<usize> {
    std::env::var("BILIK_BENCH_SIZES")
        .ok()
        .map(|s| {
            s.split(',')
                .filter_map(|n| n.trim().parse().ok())
                .filter(|n| *n > 0)
                .collect()
        })
        .unwrap_or_else(|| vec![1_000, 10_000])
}

/// The synthetic state's one reform, R1: the Court's presidential seats go to the Senate and
/// the President loses the dissolution (a changed channel and a removed edge).
pub fn synth_presets(n: usize) -> PresetSet {
    let preset = format!(
        "(dataset: \"synth-{n}\", title: \"t\", presets: [(id: \"R1\", title: (en: \"R1\", ru: \"R1\", kk: \"R1\"), description: \"The Court's presidential seats go to the Senate; no dissolution.\", operations: [\
         change_channel(body: \"constitutional_court\", id: \"president\", steps: [(actor: \"upper_chamber\", role: elect)], source: \"s\"),\
         remove_edge(from: \"president\", kind: dissolve, to: \"lower_chamber\")])])"
    );
    bilik::reform::load_str("synth.ron", &preset).unwrap_or_else(|e| panic!("{}", e.report))
}

/// Loads a benchmark's state; the input limit (16 MiB by default) is raised to its size, as
/// `--max-input-bytes` does for a user (100,000 bodies are about 60 MB).
pub fn load(text: &str) -> Dataset {
    let size = text.len() as u64;
    if size > bilik::diag::read::max_input_bytes() {
        bilik::diag::read::set_max_input_bytes(size);
    }
    check_str("bench.ron", text)
        .dataset
        .expect("the benchmark's dataset is valid")
}

/// The explorer on `ds` at 160x48, its ranges computed as `mode` says.
pub fn app(ds: &Dataset, presets: &PresetSet, mode: Mode) -> App {
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
        mode,
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

/// One frame of `app` at 160x48.
pub fn draw(app: &App) -> Buffer {
    let area = Rect::new(0, 0, 160, 48);
    let mut buf = Buffer::empty(area);
    ratatui::widgets::Widget::render(app, area, &mut buf);
    buf
}

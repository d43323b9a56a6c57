//! The explorer's ranges, drivers, threat option, band and sweep chart (issue 9), through
//! `update` and rendered to a `TestBackend`.

use super::app::{App, AppOptions, update};
use super::keymap::Keymap;
use super::tests::{app_for, app_with, keys, render, text};
use super::theme::Theme;
use super::views::bodies::detail;
use super::{Action, View};
use crate::analysis::Options;
use crate::model::{Alternative, Confidence, Lang, StepChange, StepRole};

fn app(width: u16, height: u16) -> App {
    app_for("kz-2022", width, height, Theme::colored())
}

/// kz-2022 with one contested coding built in code: the Senate's consent to the Court's Chair
/// read as a mere hearing (a recommendation).
fn contested(width: u16, height: u16) -> App {
    contested_as("senate_consent_as_hearing", width, height)
}

fn contested_as(id: &str, width: u16, height: u16) -> App {
    let mut dataset = crate::data::resolve("kz-2022").unwrap();
    let chair = dataset
        .body_mut("constitutional_court")
        .unwrap()
        .channels
        .iter_mut()
        .find(|c| c.id == "chair")
        .unwrap();
    chair.steps[1].alternatives.push(Alternative {
        id: id.into(),
        change: StepChange {
            role: Some(StepRole::Recommend),
            ..StepChange::default()
        },
        source: "Constitution art. 71(2)".into(),
        argument: "the Senate's consent is a formality".into(),
        confidence: Confidence::Low,
    });
    let options = Options::of(&dataset);
    let presets = crate::reform::embedded(&dataset.meta.id);
    let mut a = App::new(AppOptions {
        dataset,
        presets,
        active: Vec::new(),
        custom_principals: false,
        options,
        lang: Lang::En,
        keymap: Keymap::default(),
        theme: Theme::colored(),
        message: None,
    })
    .unwrap();
    update(&mut a, Action::Resize { width, height });
    a
}

/// Scrolls the Bodies detail so that the line starting with `heading` is at the top.
fn scroll_detail_to(a: &mut App, heading: &str) {
    let (_, pane) = super::layout::bodies_split(super::layout::screen(a.ctx.size).main);
    let d = detail(&a.ctx, pane.width.saturating_sub(2) as usize);
    let line = d
        .lines
        .iter()
        .position(|l| l.to_string().starts_with(heading))
        .unwrap_or_else(|| panic!("no {heading} in the detail"));
    a.bodies.detail_offset = line;
}

fn court(a: &App) -> f64 {
    a.ctx
        .analysis
        .body("constitutional_court")
        .unwrap()
        .control_of("president")
}

#[test]
fn the_detail_shows_ranges_and_what_drives_them() {
    let a = contested(120, 40);
    let d = detail(&a.ctx, 80);
    let all: String = d.lines.iter().map(|l| l.to_string() + "\n").collect();
    let (lo, hi) = a.ctx.range("constitutional_court", "president").unwrap();
    assert!(lo < court(&a) && court(&a) < hi, "{lo} {hi}");
    assert!(
        all.contains("52.7% ("),
        "the range beside the figure: {all}"
    );
    assert!(all.contains("WHAT DRIVES THE RANGE"), "{all}");
    assert!(
        all.contains("senate_consent_as_hearing → "),
        "the alternative drives it: {all}"
    );
    // Each dimension once, at the end that moves it most.
    assert!(all.contains("consent 0.5 → 58.2%"), "{all}");
    assert!(all.contains("at-will threat on → 55.8%"), "{all}");
    assert!(all.contains("VOTES AND THREATS"), "{all}");
    assert!(all.contains("consent · veto strength 1"), "{all}");
    assert!(all.contains("appoint · picks"), "{all}");
    for size in [(80, 24), (160, 48)] {
        let mut b = contested(size.0, size.1);
        keys(&mut b, &["l"]);
        scroll_detail_to(&mut b, "WHAT DRIVES THE RANGE");
        insta::assert_snapshot!(
            format!("bodies_drivers_{}x{}", size.0, size.1),
            text(&render(&b))
        );
    }
}

#[test]
fn a_threatened_consent_names_its_source() {
    // With the option on, the President's at-will dissolution of the Senate puts its consent
    // to his nominee under threat (codebook R-THREAT).
    let mut a = app(120, 40);
    keys(&mut a, &["5", "T", "1"]);
    assert!(a.ctx.options.at_will_threat);
    let all: String = detail(&a.ctx, 100)
        .lines
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    assert!(all.contains("under threat of dissolution ("), "{all}");
}

#[test]
fn the_threat_toggle_and_the_band_move_the_headline_and_its_range() {
    let mut a = app(100, 30);
    let before = court(&a);
    let range_before = a.ctx.range("constitutional_court", "president").unwrap();
    keys(&mut a, &["5", "T"]);
    assert!(a.ctx.options.at_will_threat);
    let after = court(&a);
    assert!(
        after > before + 1e-3,
        "consents under threat count less: {before} -> {after}"
    );
    let screen = text(&render(&a));
    assert!(
        screen.contains(&crate::analysis::range::PctRange(after, Some(range_before)).to_string()),
        "the headline with its range: {screen}"
    );
    assert!(screen.contains("counts as a threat: on"), "{screen}");
    // The range already runs over the option both ways: only the point moves within it.
    let range_after = a.ctx.range("constitutional_court", "president").unwrap();
    assert_eq!(range_before, range_after);
    assert!(range_after.0 <= before && after <= range_after.1);
    keys(&mut a, &["T", "b"]);
    assert_eq!(a.ctx.band.label(), "consent 0.25–4");
    let wide = a.ctx.range("constitutional_court", "president").unwrap();
    assert!(
        wide.0 < range_before.0 && range_before.1 < wide.1,
        "{wide:?}"
    );
    keys(&mut a, &["b"]);
    assert_eq!(a.ctx.band.label(), "none");
    let (lo, hi) = a.ctx.range("constitutional_court", "president").unwrap();
    assert!(
        lo < hi,
        "without a band the threat option alone still moves it: {lo} {hi}"
    );
    assert!((court(&a) - before).abs() < 1e-12);
    keys(&mut a, &["b"]);
    assert_eq!(a.ctx.band, crate::analysis::range::Band::default());
    // Reset restores the band too.
    keys(&mut a, &["b", "r"]);
    assert_eq!(a.ctx.band, crate::analysis::range::Band::default());
    for size in [(80, 24), (160, 48)] {
        let mut b = app(size.0, size.1);
        keys(&mut b, &["5", "T"]);
        insta::assert_snapshot!(
            format!("weights_threat_{}x{}", size.0, size.1),
            text(&render(&b))
        );
    }
}

#[test]
fn the_sweep_chart_in_bodies() {
    let mut a = app(100, 30);
    keys(&mut a, &["s"]);
    let chart = a.sweep.as_ref().expect("s opens the chart");
    let plot = chart.plot.as_ref().unwrap();
    assert_eq!(plot.sweep.series.len(), 1);
    assert_eq!(plot.sweep.weight, "consent");
    let lost = plot.sweep.series[0]
        .breakpoints
        .iter()
        .find(|b| b.kind == crate::analysis::sweep::BreakKind::MajorityLost)
        .expect("the President loses the majority as consent weighs more");
    assert!(1.0 < lost.weight && lost.weight < 2.0, "{}", lost.weight);
    let screen = text(&render(&a));
    assert!(screen.contains("Sweep · consent 0–2"), "{screen}");
    assert!(
        screen.contains("kz-2022 loses the majority at consent"),
        "{screen}"
    );
    keys(&mut a, &["right"]);
    assert_eq!(
        a.sweep
            .as_ref()
            .unwrap()
            .plot
            .as_ref()
            .unwrap()
            .sweep
            .weight,
        "consent_under_threat"
    );
    keys(&mut a, &["left", "esc"]);
    assert!(
        a.sweep.is_none(),
        "Esc closes the chart, and only the chart"
    );
    assert_eq!(a.view, View::Bodies);
    // With a reform on, the baseline is a curve too.
    keys(&mut a, &["6", "j", "j", "j", "j", "space", "1", "s"]);
    let plot = a.sweep.as_ref().unwrap().plot.as_ref().unwrap();
    let labels: Vec<&str> = plot.sweep.series.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["kz-2022+P5", "kz-2022 (baseline)"]);
    for size in [(80, 24), (160, 48)] {
        let mut b = app(size.0, size.1);
        keys(&mut b, &["s"]);
        insta::assert_snapshot!(
            format!("sweep_bodies_{}x{}", size.0, size.1),
            text(&render(&b))
        );
    }
}

#[test]
fn the_sweep_chart_in_compare() {
    let mut a = app(160, 48);
    keys(&mut a, &["7", "s"]);
    let plot = a.sweep.as_ref().unwrap().plot.as_ref().unwrap();
    let labels: Vec<&str> = plot.sweep.series.iter().map(|s| s.label.as_str()).collect();
    // tm-2023 has no body of constitutional review (codebook R30), so no curve.
    assert_eq!(
        labels,
        crate::data::EMBEDDED
            .iter()
            .map(|e| e.id)
            .filter(|id| *id != "tm-2023")
            .collect::<Vec<_>>()
    );
    assert!(
        plot.notes.iter().any(|n| n.contains(" crosses ")),
        "{:?}",
        plot.notes
    );
    // ... and the chart says why, on its first note line, where a small terminal still shows it.
    assert_eq!(
        plot.notes[0],
        "tm-2023 has no constitutional review: no curve"
    );
    insta::assert_snapshot!("sweep_compare_160x48", text(&render(&a)));
    let mut b = app(80, 24);
    keys(&mut b, &["7", "s"]);
    insta::assert_snapshot!("sweep_compare_80x24", text(&render(&b)));
    // Too small a terminal says so, chart or not.
    update(
        &mut b,
        Action::Resize {
            width: 50,
            height: 12,
        },
    );
    assert!(text(&render(&b)).contains("Terminal too small"));
}

#[test]
fn compare_ranges_the_rows_that_show_control() {
    let mut a = app(160, 48);
    keys(&mut a, &["7"]);
    let screen = text(&render(&a));
    assert!(screen.contains("  range"), "{screen}");
}

/// The Compare view's ranges come from the worker: the view says they are being computed, then
/// shows them; an answer for a comparison the user has since changed is dropped.
#[test]
fn compare_asks_the_worker_for_its_ranges() {
    let mut a = app_with(
        super::ranges::Mode::Deferred,
        Lang::En,
        Theme::colored(),
        160,
        48,
    );
    let compare_job = |a: &mut App| {
        a.ctx
            .take_range_jobs()
            .into_iter()
            .find(|j| j.target == super::ranges::Target::Compare)
    };
    // The columns themselves come from the worker first.
    let measure = |a: &mut App| {
        for j in a.ctx.take_range_jobs() {
            if j.target == super::ranges::Target::Comparison {
                update(a, Action::Ranges(j.run()));
            }
        }
    };
    keys(&mut a, &["7"]);
    measure(&mut a);
    let screen = text(&render(&a));
    let pending = screen
        .lines()
        .filter(|l| l.contains("  range ") && l.contains("ranges being computed"))
        .count();
    assert!(pending >= 2, "{screen}");
    assert!(a.ctx.awaiting_ranges());
    let job = compare_job(&mut a).expect("opening Compare asks for its columns' ranges");
    // A column taken out before the answer arrives: that answer is no longer the table's.
    keys(&mut a, &["space"]);
    let stale = job.run();
    update(&mut a, Action::Ranges(stale));
    measure(&mut a);
    assert!(text(&render(&a)).contains("ranges being computed"));
    let job = compare_job(&mut a).expect("the new comparison asks again");
    update(&mut a, Action::Ranges(job.run()));
    let screen = text(&render(&a));
    assert!(!screen.contains("ranges being computed"), "{screen}");
    let row = screen
        .lines()
        .find(|l| l.contains("  range "))
        .expect("the range row");
    assert!(
        row.contains('–') || row.contains('·'),
        "each column's range or a dot: {row}"
    );
    // The same figures as computed in `update` (Mode::Now).
    let mut b = app(160, 48);
    keys(&mut b, &["7", "space"]);
    let now = text(&render(&b));
    let now_row = now.lines().find(|l| l.contains("  range ")).unwrap();
    assert_eq!(row, now_row);
}

#[test]
fn the_chart_draws_at_any_size() {
    let mut a = app(80, 24);
    keys(&mut a, &["s"]);
    for (w, h) in [
        (1, 1),
        (20, 5),
        (59, 14),
        (60, 15),
        (61, 16),
        (80, 24),
        (200, 60),
    ] {
        update(
            &mut a,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        let screen = text(&render(&a));
        if w >= 60 && h >= 15 {
            assert!(screen.contains("Sweep · consent"), "{w}x{h}\n{screen}");
        }
    }
    // Smaller panes than the explorer ever draws stay within their area too.
    let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 12, 5));
    let chart = a.sweep.as_ref().unwrap();
    for (w, h) in [(0, 0), (3, 2), (12, 5)] {
        chart.render(&a.ctx, ratatui::layout::Rect::new(0, 0, w, h), &mut buf);
    }
}

#[test]
fn data_strings_reach_the_screen_without_control_characters() {
    let mut a = contested_as("hearing\u{1b}[2J\u{7}", 160, 48);
    keys(&mut a, &["l"]);
    scroll_detail_to(&mut a, "WHAT DRIVES THE RANGE");
    let screen = text(&render(&a));
    assert!(screen.contains("hearing[2J → "), "{screen}");
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{7}'));
}

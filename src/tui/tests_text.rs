//! The explorer's text at the edges of the screen (issue 13, defect 9): the hint line and
//! long messages at 80 columns, the Reforms titles on wide terminals, the Graph box's size.

use super::ctx::StatusKind;
use super::tests::{app_for, keys, render, text};
use super::theme::Theme;

#[test]
fn at_80_columns_the_hints_are_whole_and_a_long_error_is_read_to_its_end() {
    let mut a = app_for("kz-2022", 80, 24, Theme::colored());
    keys(&mut a, &["1"]);
    let screen = text(&render(&a));
    let hints = screen.lines().last().unwrap();
    assert!(
        hints.contains("? help") && hints.contains("q quit"),
        "{hints}"
    );
    // Every hint ends in its whole word: none is cut at the right edge.
    for word in [
        "move", "pane", "open", "sweep", "search", "export", "help", "quit",
    ] {
        assert!(hints.contains(word), "{hints}");
    }
    assert!(
        !hints.ends_with("Backsp") && !hints.ends_with(" b"),
        "{hints}"
    );

    let msg = "cannot write /home/someone/a/rather/long/path/to/the/export/directory/kz-2022.svg: \
               Permission denied (os error 13)";
    a.ctx.set_status(msg, StatusKind::Error);
    let screen = text(&render(&a));
    let footer: String = screen
        .lines()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(footer.contains("(os error 13)"), "{screen}");
    assert!(footer.contains("cannot write"), "{screen}");
}

#[test]
fn reforms_titles_are_whole_on_wide_terminals() {
    for (w, h) in [(160, 48), (200, 60)] {
        let mut a = app_for("kz-2022", w, h, Theme::colored());
        keys(&mut a, &["6"]);
        let screen = text(&render(&a));
        assert!(
            screen.contains("President hands over organisational and personnel powers"),
            "{w}x{h}\n{screen}"
        );
        assert!(
            screen.contains("Non-party Presidential Administration"),
            "{screen}"
        );
    }
}

#[test]
fn the_graph_box_says_1_seat_and_no_fixed_size() {
    let mut a = app_for("kz-2022", 120, 40, Theme::colored());
    keys(&mut a, &["2"]);
    a.ctx.jump_to("president");
    let screen = text(&render(&a));
    assert!(screen.contains("│1 seat "), "{screen}");
    assert!(!screen.contains("1 seats"), "{screen}");
    a.ctx.jump_to("local_courts");
    let screen = text(&render(&a));
    assert!(screen.contains("no fixed size"), "{screen}");
}

/// The README's sample screen is the Bodies view as it renders at 100x30: every tab, the
/// same rows. (Regenerate it from `text(&render(..))` when the view changes.)
#[test]
fn the_readme_sample_screen_is_a_real_render() {
    let readme = include_str!("../../README.md");
    let start = readme
        .find("```text\n 1 Bodies")
        .expect("the README shows the Bodies view");
    let sample: Vec<&str> = readme[start + 8..]
        .lines()
        .take_while(|l| *l != "```")
        .collect();
    let a = app_for("kz-2022", 100, 30, Theme::colored());
    let screen = text(&render(&a));
    let real: Vec<&str> = screen.lines().collect();
    if std::env::var_os("BILIK_PRINT_README_SAMPLE").is_some() {
        println!("{screen}");
    }
    assert_eq!(sample.len(), real.len(), "{screen}");
    assert_eq!(sample[0], real[0], "the tab row");
    assert_eq!(sample.last(), real.last(), "the hint row");
}

//! The Compare view, the sweep chart, the Bodies detail's range and votes and the tour's frame
//! in Russian and Kazakh (`L`): rendered at 80x24 and 160x48, no run of three English words is
//! left on screen once the strings of the data (coded in English) are taken out.

use super::app::App;
use super::layout;
use super::tests::{app_for, keys, render, text};
use super::theme::Theme;
use super::views::bodies::detail;
use crate::model::Lang;
use crate::model::i18n::leftover::{data_strings, english_left_on_screen};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

/// The strings of every shipped dataset, preset file and tour: Compare shows them all.
fn data() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut all = Vec::new();
    for dir in [root.clone(), root.join("reforms"), root.join("tours")] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "ron") {
                all.extend(data_strings(&std::fs::read_to_string(p).unwrap()));
            }
        }
    }
    all.sort_by_key(|s| std::cmp::Reverse(s.len()));
    all
}

/// The explorer on kz-2022 in `lang` (`L` once for Russian, twice for Kazakh).
fn app_in(lang: Lang, (w, h): (u16, u16)) -> App {
    let mut a = app_for("kz-2022", w, h, Theme::colored());
    let presses = if lang == Lang::Ru { 1 } else { 2 };
    for _ in 0..presses {
        keys(&mut a, &["L"]);
    }
    assert_eq!(a.ctx.lang, lang);
    a
}

fn assert_no_english(what: &str, screen: &str, data: &[String]) {
    let left = english_left_on_screen(screen, data);
    assert!(
        left.is_empty(),
        "English left in {what}:\n{}\n{screen}",
        left.join("\n")
    );
}

#[test]
fn the_compare_view_speaks_russian_and_kazakh() {
    let data = data();
    for lang in [Lang::Ru, Lang::Kk] {
        for size in SIZES {
            let mut a = app_in(lang, size);
            // The state on screen as a column too, with a reform on: `this state*`.
            keys(&mut a, &["7", "k", "space"]);
            let screen = text(&render(&a));
            assert_no_english(&format!("Compare {lang:?} {size:?}"), &screen, &data);
            // Every line of the table, not only those on screen.
            let all: String = a
                .compare
                .content(&a.ctx, 120)
                .iter()
                .map(|l| l.to_string() + "\n")
                .collect();
            assert_no_english(&format!("Compare's table {lang:?}"), &all, &data);
            if lang == Lang::Ru && size == (160, 48) {
                for want in [
                    "ГЛАВА ГОСУДАРСТВА",
                    "Наборы данных",
                    "[x] на экране",
                    "диапазон",
                ] {
                    assert!(screen.contains(want), "missing {want:?} in\n{screen}");
                }
                insta::assert_snapshot!("compare_russian_160x48", screen);
            }
        }
    }
    // Narrow: the sideways scroll's line.
    let a = {
        let mut a = app_in(Lang::Ru, (64, 30));
        keys(&mut a, &["7"]);
        a
    };
    let screen = text(&render(&a));
    assert!(screen.contains("столбцы 1–"), "{screen}");
}

#[test]
fn the_sweep_chart_speaks_russian_and_kazakh() {
    let data = data();
    for lang in [Lang::Ru, Lang::Kk] {
        for size in SIZES {
            for (from, keys_) in [("Bodies", vec!["s"]), ("Compare", vec!["7", "s"])] {
                let mut a = app_in(lang, size);
                keys(&mut a, &keys_);
                assert!(a.sweep.is_some(), "s opens the chart from {from}");
                let screen = text(&render(&a));
                assert_no_english(
                    &format!("the sweep from {from} {lang:?} {size:?}"),
                    &screen,
                    &data,
                );
                let notes = &a.sweep.as_ref().unwrap().plot.as_ref().unwrap().notes;
                assert_no_english("the sweep's notes", &notes.join("\n"), &data);
                if lang == Lang::Ru && size == (160, 48) {
                    assert!(screen.contains("Перебор · consent 0–2"), "{screen}");
                    insta::assert_snapshot!(format!("sweep_{from}_russian_160x48"), screen);
                }
            }
        }
    }
}

#[test]
fn the_bodies_detail_words_its_range_and_votes_in_russian_and_kazakh() {
    let data = data();
    for lang in [Lang::Ru, Lang::Kk] {
        for size in SIZES {
            let mut a = app_in(lang, size);
            // The threat option on: a consent under threat names its source.
            keys(&mut a, &["5", "T", "1", "/", "constitutional", "enter"]);
            let (_, pane) = layout::bodies_split(layout::screen(a.ctx.size).main);
            let d = detail(&a.ctx, pane.width.saturating_sub(2) as usize);
            let all: String = d.lines.iter().map(|l| l.to_string() + "\n").collect();
            assert_no_english(&format!("the Bodies detail {lang:?} {size:?}"), &all, &data);
            let heading = if lang == Lang::Ru {
                "ЧТО ОПРЕДЕЛЯЕТ ДИАПАЗОН"
            } else {
                "АУҚЫМДЫ НЕ АНЫҚТАЙДЫ"
            };
            let line = d
                .lines
                .iter()
                .position(|l| l.to_string().starts_with(heading))
                .unwrap_or_else(|| panic!("no {heading} in\n{all}"));
            keys(&mut a, &["l"]);
            a.bodies.detail_offset = line;
            let screen = text(&render(&a));
            assert_no_english(
                &format!("the Bodies view {lang:?} {size:?}"),
                &screen,
                &data,
            );
            if lang == Lang::Ru {
                for want in ["сила вето", "ГОЛОСОВАНИЯ И УГРОЗЫ", "под угрозой роспуска"]
                {
                    assert!(all.contains(want), "missing {want:?} in\n{all}");
                }
            }
        }
    }
}

#[test]
fn the_tour_frame_speaks_russian_and_kazakh() {
    let data = data();
    for lang in [Lang::Ru, Lang::Kk] {
        for size in SIZES {
            let mut a = app_in(lang, size);
            keys(&mut a, &["t"]);
            let screen = text(&render(&a));
            assert_no_english(
                &format!("the tour chooser {lang:?} {size:?}"),
                &screen,
                &data,
            );
            keys(&mut a, &["enter"]);
            assert!(a.tour.is_some(), "Enter starts a tour");
            let screen = text(&render(&a));
            assert_no_english(&format!("the tour {lang:?} {size:?}"), &screen, &data);
            if lang == Lang::Ru && size == (160, 48) {
                assert!(screen.contains("· шаг 1 из "), "{screen}");
            }
            keys(&mut a, &["esc"]);
            let screen = text(&render(&a));
            assert_no_english(&format!("leaving the tour {lang:?}"), &screen, &data);
        }
    }
}

/// The Sources view (`8`): its panes' titles, the column heads, what each citation codes, and
/// the text pane (a shipped constitution's title, or the note that the text does not ship).
#[test]
fn the_sources_view_speaks_russian_and_kazakh() {
    let data = data();
    // kz-2017's bibliography lists ids that read as English words (`LHRC`) before their
    // titles: its note that the text does not ship is checked by its words below.
    for ds in ["kz-2022"] {
        for lang in [Lang::Ru, Lang::Kk] {
            for size in SIZES {
                let mut a = app_for(ds, size.0, size.1, Theme::colored());
                let presses = if lang == Lang::Ru { 1 } else { 2 };
                for _ in 0..presses {
                    keys(&mut a, &["L"]);
                }
                keys(&mut a, &["8"]);
                // The body, its channels, a bloc and the edges: down the list a while.
                for step in 0..40 {
                    let screen = text(&render(&a));
                    assert_no_english(
                        &format!("Sources {ds} {lang:?} {size:?} #{step}"),
                        &screen,
                        &data,
                    );
                    keys(&mut a, &["j"]);
                }
            }
        }
    }
}

#[test]
fn the_sources_view_says_in_russian_and_kazakh_that_a_text_does_not_ship() {
    for (lang, note) in [
        (Lang::Ru, "Текст для kz-2017 не поставляется"),
        (Lang::Kk, "kz-2017 үшін мәтін жеткізілмейді"),
    ] {
        let mut a = app_for("kz-2017", 160, 48, Theme::colored());
        let presses = if lang == Lang::Ru { 1 } else { 2 };
        for _ in 0..presses {
            keys(&mut a, &["L"]);
        }
        keys(&mut a, &["8"]);
        let screen = text(&render(&a));
        assert!(screen.contains(note), "{lang:?}:\n{screen}");
        assert!(!screen.contains("Cited as"), "{screen}");
    }
}

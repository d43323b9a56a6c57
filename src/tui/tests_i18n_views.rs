//! The Graph, Matrix, Weights and Reforms views and the export picker in Russian and Kazakh
//! (issue 13, defect 4): no run of three English words is left on screen but the data's own
//! strings (channel labels, reform descriptions and assumptions, citations: the datasets are
//! coded in English), and at 80 columns the keys of the picker's lines are never cut.

use std::collections::HashSet;

use super::tests::{app_for, keys, render, text};
use super::theme::Theme;
use crate::model::Lang;
use crate::model::i18n::leftover::data_strings;

/// A token that is an English word: Latin letters, with an apostrophe or hyphen inside (as
/// in `tests/integration/i18n.rs`).
fn english_word(token: &str) -> Option<&str> {
    let w = token.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '\'');
    let w = w.trim_end_matches("'s").trim_matches('\'');
    (w.len() > 1
        && w.chars()
            .all(|c| c.is_ascii_alphabetic() || c == '\'' || c == '-')
        && w.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
    .then_some(w)
}

/// The words of a text, as the screen splits them.
fn words(line: &str) -> Vec<Option<String>> {
    line.split([' ', '|', '*', '`', '\u{a0}'])
        // A word cut short on screen (`Presidentia…`) is no evidence either way.
        .map(|t| {
            (!t.contains('…'))
                .then(|| english_word(t).map(str::to_lowercase))
                .flatten()
        })
        .collect()
}

/// Every three English words in a row in the data: a run of the screen made only of these
/// is the data's, wrapped or cut to the pane, not a string the catalogue misses.
fn data_trigrams(data: &[String]) -> HashSet<[String; 3]> {
    let mut out = HashSet::new();
    for s in data {
        let w = words(s);
        for t in w.windows(3) {
            if let [Some(a), Some(b), Some(c)] = t {
                out.insert([a.clone(), b.clone(), c.clone()]);
            }
        }
    }
    out
}

/// Runs of three or more English words on screen with three in a row the data never has.
fn english_left(screen: &str, data: &HashSet<[String; 3]>) -> Vec<String> {
    let mut left = Vec::new();
    for line in screen.lines() {
        let mut run: Vec<String> = Vec::new();
        for w in words(line).into_iter().chain([None]) {
            match w {
                Some(w) => run.push(w),
                None => {
                    if run
                        .windows(3)
                        .any(|t| !data.contains(&[t[0].clone(), t[1].clone(), t[2].clone()]))
                    {
                        left.push(format!("{:?} in: {line}", run.join(" ")));
                    }
                    run.clear();
                }
            }
        }
    }
    left
}

/// The data's strings: the dataset's and its reform file's, and the presets' operations,
/// which the Reforms view lists in the reform file's own notation (ids, field names and
/// values, as `bilik reforms` prints them).
fn kz_2022_data() -> HashSet<[String; 3]> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut strings = Vec::new();
    for f in ["kz-2022.ron", "reforms/kz-adilet-2024.ron"] {
        strings.extend(data_strings(
            &std::fs::read_to_string(root.join(f)).unwrap(),
        ));
    }
    for p in crate::reform::embedded("kz-2022").presets {
        strings.extend(p.operations.iter().map(|op| op.to_string()));
    }
    data_trigrams(&strings)
}

/// Each view (with the keys that open it) as the tests see it.
const VIEWS: [(&str, &[&str]); 7] = [
    ("graph", &["2"]),
    ("graph_overview", &["2", "o"]),
    ("matrix", &["3", "l", "s"]),
    ("weights", &["5"]),
    ("reforms", &["6", "j", "j", "j", "j", " "]),
    ("export", &["2", "e"]),
    ("export_diff", &["6", " ", "e"]),
];

/// Further states of the views, for the check only: each weight's explanation, the status
/// messages of the keys the views take, the delta pane in focus.
const STATES: [&[&str]; 18] = [
    // The Bodies detail's account of its figure (views/why.rs), seen behind the picker too.
    &["1"],
    &["2", "l"],
    &["3", "s", "s"],
    &["5", "j"],
    &["5", "j", "j"],
    &["5", "j", "j", "j"],
    &["5", "j", "j", "j", "j"],
    &["5", "T"],
    &["5", "T", "T"],
    &["5", "b"],
    &["5", "b", "b"],
    &["5", "+", "r"],
    &["5", "j", "j", "j", "j", "j", " "],
    &["5", "j", "j", "j", "j", "j", "j", " "],
    &["6", " ", " "],
    &["6", " ", "r"],
    &["6", " ", "l", "l"],
    &["2", "e", "j", "j", "j", "j", "j", "j", "j", "j"],
];

fn screen(lang: Lang, w: u16, h: u16, k: &[&str]) -> String {
    let mut a = app_for("kz-2022", w, h, Theme::colored());
    a.ctx.lang = lang;
    keys(&mut a, k);
    text(&render(&a))
}

#[test]
fn the_check_finds_an_english_sentence_but_not_the_data() {
    let data = data_trigrams(&["Judges appointed by the Senate".to_string()]);
    assert_eq!(
        english_left("Президент: fills nothing, holds no power", &data).len(),
        1
    );
    // The data's label, cut or wrapped to the pane.
    assert!(english_left("│Judges appointed by the Sen… │", &data).is_empty());
    assert!(english_left("appointed by the", &data).is_empty());
}

#[test]
fn no_english_sentence_is_left_in_the_views_in_russian_and_kazakh() {
    let data = kz_2022_data();
    let mut left = Vec::new();
    for lang in [Lang::Ru, Lang::Kk] {
        for (w, h) in [(80, 24), (160, 48)] {
            let states = VIEWS.iter().map(|(_, k)| *k).chain(STATES);
            for k in states {
                let s = screen(lang, w, h, k);
                for l in english_left(&s, &data) {
                    left.push(format!("{k:?} {lang:?} {w}x{h}: {l}"));
                }
            }
        }
    }
    assert!(left.is_empty(), "English left:\n{}", left.join("\n"));
}

#[test]
fn the_views_in_russian_and_kazakh_at_160x48() {
    for (lang, code) in [(Lang::Ru, "ru"), (Lang::Kk, "kk")] {
        for (name, k) in VIEWS {
            insta::assert_snapshot!(format!("{name}_{code}_160x48"), screen(lang, 160, 48, k));
        }
    }
}

/// A view's name, the keys that open it, and what it must show in Russian and in Kazakh.
type Wants = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

#[test]
fn the_views_speak_russian_and_kazakh() {
    let wants: [Wants; 6] = [
        (
            "graph",
            &["2"],
            &[
                "Связи органа «Конституционный Суд»",
                "11 мест",
                "▶ ⚖ проверяет: Сенат",
            ],
            &[
                "«Конституциялық Сот» органының байланыстары",
                "▶ ⚖ тексереді: Сенат",
            ],
        ),
        (
            "graph_overview",
            &["2", "o"],
            &[
                "Вся система по уровням",
                "Уровень 1 · 1 орган",
                "Уровень 3 · 12 органов",
            ],
            &["Бүкіл жүйе деңгейлер бойынша", "1-деңгей · 1 орган"],
        ),
        (
            "matrix",
            &["3", "s"],
            &[
                "Интегрированный контроль",
                "сортировка: Избиратели ▼",
                "Орган",
            ],
            &["Интеграцияланған бақылау", "сұрыптау:"],
        ),
        (
            "weights",
            &["5"],
            &[
                "ВЕСА РОЛЕЙ",
                "Интегрированный контроль органа «Конституционный Суд»: Президент",
                "выбирает кандидатов на 5 из 11 мест",
            ],
            &["РӨЛДЕР САЛМАҒЫ", "11 орынның 5 орнына"],
        ),
        (
            "reforms",
            &["6", "j", "j", "j", "j", " "],
            &[
                "Реформы (включено: 1)",
                "Изменившиеся органы",
                "P5 включена",
            ],
            &["Реформалар (қосулы: 1)", "Өзгерген органдар", "P5 қосылды"],
        ),
        (
            "export",
            &["2", "e"],
            &["Экспорт того, что на экране", "таблица органов", "файл:"],
            &["Экрандағыны экспорттау", "органдар кестесі", "файл:"],
        ),
    ];
    for (name, k, ru, kk) in wants {
        for (lang, want) in [(Lang::Ru, ru), (Lang::Kk, kk)] {
            let s = screen(lang, 160, 48, k);
            for w in want {
                assert!(s.contains(w), "{name} {lang:?}: missing {w:?} in\n{s}");
            }
        }
    }
}

#[test]
fn english_reads_as_before() {
    let s = screen(Lang::En, 160, 48, &["2"]);
    assert!(s.contains("Neighbourhood of Constitutional Court"), "{s}");
    assert!(s.contains("▶ ⚖ reviews Senate"), "{s}");
    let s = screen(Lang::En, 160, 48, &["2", "o"]);
    assert!(
        s.contains("Layer 1 · 1 body, picked by no body of the state"),
        "{s}"
    );
    let s = screen(Lang::En, 160, 48, &["5"]);
    assert!(s.contains("The President's control of the"), "{s}");
}

/// At 80 columns the picker's title keeps its keys and its hint line is whole, as in English.
#[test]
fn the_picker_keeps_its_keys_at_80_columns() {
    for lang in [Lang::En, Lang::Ru, Lang::Kk] {
        for k in [&["2", "e"][..], &["6", " ", "e"][..]] {
            let s = screen(lang, 80, 24, k);
            let title = s
                .lines()
                .find(|l| l.contains("Tab"))
                .unwrap_or_else(|| panic!("{lang:?}: no title in\n{s}"));
            assert!(title.contains("Enter · Esc"), "{lang:?}: {title}");
            let hint = s
                .lines()
                .find(|l| l.contains("j/k"))
                .unwrap_or_else(|| panic!("{lang:?}: no hint in\n{s}"));
            let whole =
                crate::model::i18n::tr(lang, "j/k or ↑↓ format · type or Tab to edit the name");
            assert!(hint.contains(whole), "{lang:?}: cut hint {hint}");
        }
    }
}

/// Every preset of kz-2022, switched on: its detail and its delta against the baseline.
#[test]
fn every_reform_preset_reads_in_russian_and_kazakh() {
    let data = kz_2022_data();
    let mut left = Vec::new();
    for lang in [Lang::Ru, Lang::Kk] {
        for i in 0..11 {
            let mut k = vec!["6"];
            k.extend(std::iter::repeat_n("j", i));
            k.push(" ");
            let s = screen(lang, 160, 48, &k);
            for l in english_left(&s, &data) {
                left.push(format!("P{} {lang:?}: {l}", i + 1));
            }
        }
    }
    assert!(left.is_empty(), "English left:\n{}", left.join("\n"));
}

/// The explorer of kz-2022 in `lang` with every string of prose of the dataset and of its
/// reform file translated by a stand-in (`перевод` and the string's numbers).
fn translated_screen(lang: Lang, w: u16, h: u16, k: &[&str]) -> String {
    use super::app::{Action, App, AppOptions, update};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let read = |f: &str| std::fs::read_to_string(root.join(f)).unwrap();
    let stand_in = crate::model::prose::stand_in_translation;
    let mut dataset = crate::data::resolve("kz-2022").unwrap();
    dataset.translations = stand_in(&read("kz-2022.ron"));
    let mut presets = crate::reform::embedded("kz-2022");
    presets.translations = stand_in(&read("reforms/kz-adilet-2024.ron"));
    let mut a = App::new(AppOptions {
        options: crate::analysis::Options::of(&dataset),
        dataset,
        presets,
        active: Vec::new(),
        custom_principals: false,
        lang,
        keymap: super::keymap::Keymap::default(),
        theme: Theme::colored(),
        message: None,
    })
    .unwrap();
    update(
        &mut a,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    keys(&mut a, k);
    text(&render(&a))
}

/// With the prose translated, no string of it is left in English on any screen: the views
/// print the data's prose through `Dataset::prose`. Only what is never translated
/// (citations, ids, names, urls, bibliography titles) is taken out before the check.
#[test]
fn the_views_print_the_translated_prose() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut strings = Vec::new();
    for f in ["kz-2022.ron", "reforms/kz-adilet-2024.ron"] {
        strings.extend(crate::model::i18n::leftover::data_strings_as(
            &std::fs::read_to_string(root.join(f)).unwrap(),
            false,
        ));
    }
    for p in crate::reform::embedded("kz-2022").presets {
        strings.extend(p.operations.iter().map(|op| op.to_string()));
    }
    let data = data_trigrams(&strings);
    let mut left = Vec::new();
    let mut seen = false;
    for (w, h) in [(80, 24), (160, 48)] {
        let states = VIEWS.iter().map(|(_, k)| *k).chain(STATES);
        for k in states {
            let s = translated_screen(Lang::Ru, w, h, k);
            seen |= s.contains("перевод");
            for l in english_left(&s, &data) {
                left.push(format!("{k:?} {w}x{h}: {l}"));
            }
        }
    }
    assert!(seen, "no translated prose on any screen");
    assert!(left.is_empty(), "English prose left:\n{}", left.join("\n"));
}

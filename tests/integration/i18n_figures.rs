//! The comparison, the diff and the figures in Russian and Kazakh: no run of three English
//! words is left in `compare` and `diff` as text, nor in the text elements of the SVG figures
//! (the graph focused on the Court, the comparison, the diff), once the strings of the data
//! (coded in English) are taken out. English stays as it was.

use bilik::model::i18n::leftover::{data_strings, english_left, svg_text};

use crate::common::{bilik, root, stderr, stdout};

fn run(args: &[&str]) -> String {
    let o = bilik(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

/// The strings of the datasets and the reform presets these commands read.
fn data() -> Vec<String> {
    let mut all = Vec::new();
    for f in ["kz-2022.ron", "kz-2026.ron", "reforms/kz-adilet-2024.ron"] {
        all.extend(data_strings(
            &std::fs::read_to_string(root().join("data").join(f)).unwrap(),
        ));
    }
    all.sort_by_key(|s| std::cmp::Reverse(s.len()));
    all
}

fn assert_no_english(what: &str, text: &str, data: &[String]) {
    let left = english_left(text, data);
    assert!(
        left.is_empty(),
        "English left in `{what}`:\n{}",
        left.join("\n")
    );
}

#[test]
fn compare_and_diff_as_text_leave_no_english_sentence() {
    let data = data();
    for lang in ["ru", "kk"] {
        for args in [
            vec!["compare", "kz-2022", "kz-2026", "--lang", lang],
            vec!["diff", "--reform", "P5", "--lang", lang],
            vec!["diff", "--reform", "P5", "--reform", "P10", "--lang", lang],
            vec![
                "diff", "--reform", "P5", "--reform", "P10", "--format", "md", "--lang", lang,
            ],
        ] {
            assert_no_english(&args.join(" "), &run(&args), &data);
        }
    }
    let ru = run(&["compare", "kz-2022", "kz-2026", "--lang", "ru"]);
    for want in [
        "веса: recommend 0.25",
        "места, на которые выбирает Президент Республики Казахстан: 5 из 11 -> 11 из 11",
        "его выбор, требующий согласия органа «Курултай» (теперь под угрозой роспуска): нет -> 10 из 11",
        "концентрация у главы государства",
    ] {
        assert!(ru.contains(want), "missing {want:?} in\n{ru}");
    }
}

#[test]
fn the_figures_leave_no_english_in_their_text() {
    let data = data();
    for lang in ["ru", "kk"] {
        for args in [
            vec![
                "export",
                "--format",
                "svg",
                "--focus",
                "constitutional_court",
                "--lang",
                lang,
            ],
            vec![
                "compare", "kz-2022", "kz-2026", "--format", "svg", "--lang", lang,
            ],
            vec![
                "diff", "--reform", "P5", "--reform", "P10", "--format", "svg", "--lang", lang,
            ],
            vec![
                "sweep",
                "--body",
                "constitutional_court",
                "--data",
                "kz-2022",
                "--data",
                "kz-2026",
                "--format",
                "svg",
                "--lang",
                lang,
            ],
        ] {
            let svg = run(&args);
            assert!(svg.starts_with("<svg"), "{args:?}");
            assert_no_english(&args.join(" "), &svg_text(&svg), &data);
        }
    }
    let ru = svg_text(&run(&[
        "export",
        "--format",
        "svg",
        "--focus",
        "constitutional_court",
        "--lang",
        "ru",
    ]));
    for want in [
        "Главный вопрос: Президент контролирует 52.7% органа «Конституционный Суд»",
        "освобождает от должности по усмотрению",
        "Принципалы",
    ] {
        assert!(ru.contains(want), "missing {want:?} in\n{ru}");
    }
}

#[test]
fn the_check_catches_the_english_figures() {
    // The detector is not blind to figures: the English ones it would flag.
    let data = data();
    let svg = svg_text(&run(&["compare", "kz-2022", "kz-2026", "--format", "svg"]));
    assert!(!english_left(&svg, &data).is_empty(), "{svg}");
}

#[test]
fn sweep_as_text_in_russian() {
    let out = run(&["sweep", "--body", "constitutional_court", "--lang", "ru"]);
    assert_no_english("sweep --lang ru", &out, &data());
    assert!(out.contains("ПЕРЕЛОМЫ (1)"), "{out}");
    assert!(
        out.contains("kz-2022: Президент теряет большинство при consent = 1.5092"),
        "{out}"
    );
}

/// The strings of every shipped dataset and preset file: the tours visit datasets beyond
/// Kazakhstan's. The tours' own files are left out, so that an English caption printed in
/// place of its translation is caught.
fn all_data() -> Vec<String> {
    let mut all = Vec::new();
    for dir in ["data", "data/reforms"] {
        for f in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = f.unwrap().path();
            if path.extension().is_some_and(|e| e == "ron") {
                all.extend(data_strings(&std::fs::read_to_string(path).unwrap()));
            }
        }
    }
    // Command lines quoted in a sentence are code, not English.
    for command in [
        "bilik tour ID --export md",
        "bilik diff --reform ID,...",
        "--reform ID,...",
        "--reforms FILE",
    ] {
        all.push(command.to_string());
    }
    all.sort_by_key(|s| std::cmp::Reverse(s.len()));
    all
}

#[test]
fn compare_tour_sources_and_lists_leave_no_english_sentence() {
    let data = all_data();
    for lang in ["ru", "kk"] {
        for args in [
            vec![
                "compare", "kz-2022", "kz-2026", "--format", "md", "--lang", lang,
            ],
            vec![
                "compare", "kz-2017", "kz-2022", "kz-2026", "us", "--format", "md", "--lang", lang,
            ],
            vec!["tour", "article", "--export", "md", "--lang", lang],
            vec!["tour", "models", "--export", "md", "--lang", lang],
            vec!["tour", "--lang", lang],
            vec!["tour", "article", "--lang", lang],
            vec!["datasets", "--lang", lang],
            vec!["reforms", "--data", "kz-2022", "--lang", lang],
            vec!["sources", "--data", "kz-2022", "--lang", lang],
            vec![
                "sources", "--data", "kz-2026", "--format", "md", "--lang", lang,
            ],
        ] {
            // Markdown's escapes are not words: the data's strings are found unescaped.
            assert_no_english(&args.join(" "), &run(&args).replace('\\', ""), &data);
        }
    }
    let compare = run(&[
        "compare", "kz-2022", "kz-2026", "--format", "md", "--lang", "ru",
    ]);
    for want in [
        "# Сравнение государств",
        "| показатель | kz-2022 | kz-2026 |",
        "## Почему: kz-2022 → kz-2026",
        "Удержание: Президент Республики Казахстан 55.3% → 100.0%; интегрированный контроль 52.7% → 69.7%.",
        "места, на которые выбирает Президент Республики Казахстан: 5 из 11 → 11 из 11",
        "Конституционный Суд (11 мест): Президент 52.7%; 52.7% / 55.3%; *по усмотрению*",
    ] {
        assert!(compare.contains(want), "missing {want:?} in\n{compare}");
    }
    let tour = run(&["tour", "article", "--export", "md", "--lang", "kk"]);
    for want in [
        "# Мақаланың дәлелі: Конституциялық Сот және Сенат",
        "## 8 қадамның 1-і: kz-2022 · Конституциялық Сот",
        "«Конституциялық Сот» органын бақылау: Президент — 52.7%",
        "(жоғары): Президент тәуелсіз болуға тиіс «Конституциялық Сот» органында көпшілікке ие",
    ] {
        assert!(tour.contains(want), "missing {want:?} in\n{tour}");
    }
}

#[test]
fn the_check_catches_the_english_markdown() {
    let data = all_data();
    for args in [
        vec!["compare", "kz-2022", "kz-2026", "--format", "md"],
        vec!["tour", "article", "--export", "md"],
        vec!["sources", "--data", "kz-2022"],
        vec!["reforms", "--data", "kz-2022"],
    ] {
        assert!(
            !english_left(&run(&args), &data).is_empty(),
            "{args:?} in English passed the check"
        );
    }
}

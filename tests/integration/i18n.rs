//! Reports in Russian and Kazakh (`--lang ru`, `--lang kk`): every sentence, heading and role
//! is the catalogue's, not English. What may stay in Latin letters is what the data says in
//! English (channel labels, citations, notes: the datasets are coded in English), ids, rule
//! ids and numbers; a run of three or more English words found nowhere in the dataset is a
//! string the catalogue misses.

use bilik::model::i18n::leftover::{data_strings, data_strings_as, english_left};

use crate::common::{bilik, root, stderr, stdout};

fn report(args: &[&str]) -> String {
    let o = bilik(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn no_english_sentence_is_left_in_the_russian_and_kazakh_reports_of_kz_2022() {
    let data = data_strings(&std::fs::read_to_string(root().join("data/kz-2022.ron")).unwrap());
    for lang in ["ru", "kk"] {
        let base = ["--data", "kz-2022", "--lang", lang];
        for args in [
            vec!["summary"],
            vec!["export", "--format", "md"],
            vec!["explain", "constitutional_court"],
            vec!["explain", "constitutional_court", "--format", "md"],
            vec!["explain", "senate"],
        ] {
            let mut all = args.clone();
            all.extend(base);
            let out = report(&all);
            let left = english_left(&out, &data);
            assert!(
                left.is_empty(),
                "English left in `bilik {}`:\n{}",
                all.join(" "),
                left.join("\n")
            );
        }
    }
}

#[test]
fn the_check_finds_an_english_sentence() {
    let left = english_left("Президент: how much of it does he control? art. 71", &[]);
    assert_eq!(left.len(), 1, "{left:?}");
    let ron = r#"(label: "Chair of the Senate", source: "Law \"On Elections\" art. 1")"#;
    // The label is prose, which a catalogue translates: left in English, the check finds it.
    assert_eq!(
        english_left("Chair of the Senate (1)", &data_strings(ron)).len(),
        1
    );
    let data = data_strings_as(ron, true);
    assert!(
        english_left(
            "Chair of the Senate (1): Law \"On Elections\" art. 1",
            &data
        )
        .is_empty()
    );
}

#[test]
fn the_russian_summary_reads_in_russian_with_its_plural_forms() {
    let out = report(&["summary", "--data", "kz-2022", "--lang", "ru"]);
    for want in [
        "ГЛАВНЫЙ ВОПРОС: какую долю органа «Конституционный Суд» контролирует Президент?",
        "Президент выбирает кандидатов на 5 из 11 мест.",
        "итого интегрированный контроль",
        "Конституционный Суд [constitutional_court] (11 мест, независимый, 8 лет)",
        "Президент [president] (1 место, 7 лет)",
        "Президент: назначение -> Сенат: согласие",
        "[высокая] independent_majority · Конституционный Суд: Президент располагает большинством в органе «Конституционный Суд»",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    insta::assert_snapshot!("kz-2022.summary.ru", out);
}

#[test]
fn the_kazakh_explanation_reads_in_kazakh() {
    let out = report(&[
        "explain",
        "constitutional_court",
        "--data",
        "kz-2022",
        "--lang",
        "kk",
    ]);
    for want in [
        "«Конституциялық Сот» органының қандай үлесін Президент бақылайды?",
        "40.9% тікелей",
        "5. ВЕТО НҮКТЕЛЕРІ",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    insta::assert_snapshot!("kz-2022.explain.kk", out);
}

#[test]
fn english_stays_the_default_and_unchanged() {
    let out = report(&["summary", "--data", "kz-2022"]);
    assert!(
        out.contains("HEADLINE: how much of the Constitutional Court does the President control?")
    );
    assert!(out.contains("The President picks 5 of the 11 seats."));
}

#[test]
fn diff_and_compare_speak_russian() {
    let diff = report(&[
        "diff", "--data", "kz-2022", "--reform", "P5", "--lang", "ru",
    ]);
    for want in [
        "РЕФОРМЫ (применены в этом порядке)",
        "ГЛАВНЫЙ ВОПРОС: какую долю органа «Конституционный Суд» контролирует Президент?",
        "ИЗМЕНИВШИЕСЯ ОРГАНЫ (12)",
        "ПРИНЦИПАЛЫ (до -> после)",
    ] {
        assert!(diff.contains(want), "missing {want:?} in\n{diff}");
    }
    let compare = report(&["compare", "kz-2022", "kz-2026", "--lang", "ru"]);
    for want in [
        "СРАВНЕНИЕ ГОСУДАРСТВ: какую долю независимых органов удерживает глава государства?",
        "органы, где у него большинство",
        "конституционный контроль (независимая роль)",
        "Конституционный Суд (11 мест) · крупнейший: Президент 52.7%",
    ] {
        assert!(compare.contains(want), "missing {want:?} in\n{compare}");
    }
}

//! The translations of a dataset's prose (`i18n/NAME.LANG.ron` beside it): loaded, checked
//! and printed by the reports in the language asked for; JSON keeps the English.

use bilik::model::i18n::leftover::{data_strings_as, english_left};

use crate::common::{bilik, fixture, root, stderr, stdout};

/// A copy of `data/NAME.ron` in a temporary directory with `catalogue` as its `LANG`
/// translation.
fn beside(name: &str, lang: &str, catalogue: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(format!("data/{name}.ron"))).unwrap();
    std::fs::write(dir.path().join(format!("{name}.ron")), text).unwrap();
    std::fs::create_dir(dir.path().join("i18n")).unwrap();
    std::fs::write(
        dir.path().join(format!("i18n/{name}.{lang}.ron")),
        catalogue,
    )
    .unwrap();
    let path = dir.path().join(format!("{name}.ron")).display().to_string();
    (dir, path)
}

fn us_ru() -> String {
    std::fs::read_to_string(fixture("prose/us.ru.ron")).unwrap()
}

#[test]
fn the_reports_print_the_translation_and_json_the_english() {
    let (_dir, us) = beside("us", "ru", &us_ru());
    let o = bilik(&["summary", "--data", &us, "--lang", "ru"]);
    let out = stdout(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    for want in [
        "Соединённые Штаты: федеральная система по Конституции 1787 года с поправками",
        "Соединённые Штаты Америки",
        "Главы 15 исполнительных департаментов",
        "Председатель и 8 членов Верховного суда",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    // Untranslated prose prints in English; English asked for prints the English.
    let en = stdout(&bilik(&["summary", "--data", &us]));
    assert!(en.contains("Heads of the 15 executive departments"), "{en}");
    let md = stdout(&bilik(&[
        "export", "--format", "md", "--data", &us, "--lang", "ru",
    ]));
    assert!(
        md.contains("# Соединённые Штаты: федеральная система"),
        "{md}"
    );
    let json = stdout(&bilik(&[
        "export", "--format", "json", "--data", &us, "--lang", "ru",
    ]));
    assert!(json.contains("Heads of the 15 executive departments"));
    assert!(!json.contains("Главы 15"));
}

#[test]
fn check_counts_the_strings_without_a_translation() {
    let (_dir, us) = beside("us", "ru", &us_ru());
    let o = bilik(&["check", &us]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("74 strings of prose without a translation into ru"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_stale_translation_is_an_error_at_its_line_and_column() {
    let stale = us_ru().replace(
        "\"United States of America\":",
        "\"United States of Amerika\":",
    );
    let (_dir, us) = beside("us", "ru", &stale);
    for args in [vec!["check", &us], vec!["summary", "--data", &us]] {
        let o = bilik(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.contains("no string of us.ron reads \"United States of Amerika\""),
            "{err}"
        );
        assert!(err.contains("us.ru.ron:6:5"), "{err}");
    }
}

/// A catalogue that does not parse fails the check, and the verdict says so: no "ok" for a
/// file that `summary` refuses.
#[test]
fn a_broken_catalogue_fails_the_check_and_is_not_called_ok() {
    let broken = us_ru().replacen(
        "\"United States of America\":",
        "\"United States of America\"",
        1,
    );
    let (_dir, us) = beside("us", "ru", &broken);
    let o = bilik(&["check", &us]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("error[syntax]"), "{err}");
    assert!(
        err.contains(&format!(
            "{us}: its translations failed, 1 error; the dataset itself is valid \
             (13 bodies, 13 channels, 54 edges)\n"
        )),
        "{err}"
    );
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
}

#[test]
fn numbers_changed_in_a_translation_are_an_error() {
    let bad = us_ru().replace("Главы 15", "Главы 16");
    let (_dir, us) = beside("us", "ru", &bad);
    let o = bilik(&["check", &us]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the translation's numbers (16) are not the English's (15)"),
        "{}",
        stderr(&o)
    );
}

/// A RON string literal.
fn lit(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// With every string of kz-2022's prose translated (a stand-in), the Russian reports leave
/// none in English: each goes through `Dataset::prose`.
#[test]
fn the_reports_leave_no_prose_in_english_once_it_is_translated() {
    let ron = std::fs::read_to_string(root().join("data/kz-2022.ron")).unwrap();
    let mut cat = String::from("{\n");
    for s in bilik::model::prose::prose_strings(&ron) {
        let digits: Vec<String> = s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .collect();
        cat.push_str(&format!(
            "{}: {},\n",
            lit(&s),
            lit(&format!("перевод {}", digits.join(" ")))
        ));
    }
    cat.push('}');
    let (_dir, kz) = beside("kz-2022", "ru", &cat);
    let data = data_strings_as(&ron, false);
    for args in [
        vec!["summary"],
        vec!["export", "--format", "md"],
        vec!["explain", "constitutional_court"],
        vec!["explain", "senate", "--format", "md"],
        vec!["sources"],
    ] {
        let mut all = args.clone();
        all.extend(["--data", &kz, "--lang", "ru"]);
        let o = bilik(&all);
        assert!(o.status.success(), "{all:?}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains("перевод"), "{all:?}:\n{out}");
        let left = english_left(&out, &data);
        assert!(left.is_empty(), "{all:?}:\n{}", left.join("\n"));
    }
}

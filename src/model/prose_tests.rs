use super::*;

const DATA: &str = r#"(
    id: "t",
    title: "A state, 2024",
    jurisdiction: "Nowhere",
    note: "Coded under rule R7 of art. 71(2).",
    sources: [(id: "C", title: "Constitution", url: "https://example.org", note: "Official text, 1995")],
    bodies: [(id: "court", name: (en: "Court", ru: "Суд", kk: "Сот"), source: "art. 3",
        channels: [(id: "judges", label: "Judges \"elected\" by the Senate", source: "art. 3(2)")])],
    assumptions: ["Two \u{2014} steps"],
)"#;

#[test]
fn prose_is_what_the_translators_tool_lists() {
    assert_eq!(
        prose_strings(DATA),
        [
            "A state, 2024",
            "Nowhere",
            "Coded under rule R7 of art. 71(2).",
            "Official text, 1995",
            "Judges \"elected\" by the Senate",
            "Two \u{2014} steps",
        ]
    );
}

fn located(c: &Checked) -> Vec<String> {
    c.report
        .diagnostics
        .iter()
        .map(|d| format!("{} {}: {}", c.report.location(d), d.code, d.message))
        .collect()
}

#[test]
fn a_good_catalogue_translates_and_counts_what_is_missing() {
    let cat = "// ru\n{\n  \"A state, 2024\": \"Государство, 2024\",\n  \"Judges \\\"elected\\\" by the Senate\": \"Судьи, «избранные» Сенатом\",\n}\n";
    let c = check("i18n/t.ru.ron", cat, "t.ron", DATA);
    assert_eq!(located(&c), Vec::<String>::new());
    assert_eq!(c.missing, 4);
    let p = Prose::from_maps(c.table, HashMap::new());
    assert_eq!(p.get(Lang::Ru, "A state, 2024"), "Государство, 2024");
    assert_eq!(
        p.get(Lang::Ru, "Judges \"elected\" by the Senate"),
        "Судьи, «избранные» Сенатом"
    );
    // No translation: the English. English asked for: the English.
    assert_eq!(p.get(Lang::Ru, "Nowhere"), "Nowhere");
    assert_eq!(p.get(Lang::Kk, "A state, 2024"), "A state, 2024");
    assert_eq!(p.get(Lang::En, "A state, 2024"), "A state, 2024");
    assert_eq!(Prose::default().get(Lang::Ru, "Nowhere"), "Nowhere");
}

#[test]
fn a_stale_key_is_an_error_at_its_place() {
    let cat = "{\n  \"A state, 2024\": \"Государство, 2024\",\n    \"A state, 2023\": \"Государство, 2023\",\n}";
    let c = check("i18n/t.ru.ron", cat, "t.ron", DATA);
    assert_eq!(
        located(&c),
        ["i18n/t.ru.ron:3:5 stale-translation: no string of t.ron reads \"A state, 2023\""]
    );
}

#[test]
fn an_empty_translation_is_an_error_at_its_place() {
    let cat = "{\n  \"Nowhere\":   \" \",\n}";
    let c = check("i18n/t.kk.ron", cat, "t.ron", DATA);
    assert_eq!(
        located(&c),
        ["i18n/t.kk.ron:2:16 empty-translation: the translation is empty"]
    );
}

#[test]
fn numbers_must_be_kept() {
    let cat = "{\n  \"Coded under rule R7 of art. 71(2).\": \"Закодировано по правилу R7 ст. 71(3).\",\n  \"Official text, 1995\": \"Официальный текст 1995 года\",\n}";
    let c = check("i18n/t.ru.ron", cat, "t.ron", DATA);
    assert_eq!(
        located(&c),
        [
            "i18n/t.ru.ron:2:41 translation-numbers: the translation's numbers (3, 7, 71) are not the English's (2, 7, 71)"
        ]
    );
}

#[test]
fn a_syntax_error_has_a_place() {
    let c = check(
        "i18n/t.ru.ron",
        "{\n \"Nowhere\" \"Нигде\"\n}",
        "t.ron",
        DATA,
    );
    assert_eq!(c.report.diagnostics[0].code, "syntax");
    assert!(
        c.report
            .location(&c.report.diagnostics[0])
            .starts_with("i18n/t.ru.ron:2:")
    );
}

#[test]
fn catalogues_live_beside_the_file_in_i18n() {
    let p = catalogue_path(std::path::Path::new("data/kz-2022.ron"), Lang::Kk).unwrap();
    assert_eq!(p, std::path::Path::new("data/i18n/kz-2022.kk.ron"));
}

#[test]
fn a_merged_table_reads_both() {
    let one = |k: &str, v: &str| {
        Prose::from_maps(
            HashMap::from([(k.to_string(), v.to_string())]),
            HashMap::new(),
        )
    };
    let m = one("a", "а").merged(&one("b", "б"));
    assert_eq!((m.get(Lang::Ru, "a"), m.get(Lang::Ru, "b")), ("а", "б"));
}

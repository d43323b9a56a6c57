use super::*;

#[test]
fn english_is_the_key_and_reads_unchanged() {
    assert_eq!(tr(Lang::En, "veto points:"), "veto points:");
    assert_eq!(
        crate::t!(
            Lang::En,
            "The {principal} picks {picked} of the {seats} seats.",
            principal = "President",
            picked = 5,
            seats = 11
        ),
        "The President picks 5 of the 11 seats."
    );
    assert_eq!(tr(Lang::Ru, "veto points:"), "точки вето:");
    assert_eq!(tr(Lang::Ru, "no such key"), "no such key");
}

#[test]
fn russian_plurals_take_one_few_and_many() {
    let seats = |n: &str| crate::t!(Lang::Ru, "{n} seats", n = n);
    assert_eq!(seats("1"), "1 место");
    assert_eq!(seats("2"), "2 места");
    assert_eq!(seats("5"), "5 мест");
    assert_eq!(seats("11"), "11 мест");
    assert_eq!(seats("21"), "21 место");
    assert_eq!(seats("24"), "24 места");
    assert_eq!(seats("112"), "112 мест");
    assert_eq!(seats("2.50"), "2.50 места");
    assert_eq!(crate::t!(Lang::Kk, "{n} seats", n = 5), "5 орын");
    assert_eq!(
        crate::t!(
            Lang::Ru,
            "The {principal} picks {picked} of the {seats} seats.",
            principal = "Президент",
            picked = 5,
            seats = 11
        ),
        "Президент выбирает кандидатов на 5 из 11 мест."
    );
    assert_eq!(
        crate::t!(
            Lang::Ru,
            "The {principal} picks {picked} of the {seats} seats.",
            principal = "Президент",
            picked = 1,
            seats = 21
        ),
        "Президент выбирает кандидатов на 1 из 21 места."
    );
}

/// The placeholders of an English key, without plural forms.
fn placeholders(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s
        .split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}'))
        .map(|(inner, _)| inner.split(':').next().unwrap_or("").to_string())
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn every_entry_is_unique_and_fills_the_keys_placeholders() {
    let mut seen = std::collections::HashSet::new();
    // Across the three files: the index keeps the last of a key written twice, silently.
    let all = catalogue::ENTRIES
        .iter()
        .chain(catalogue_compare::ENTRIES)
        .chain(catalogue_views::ENTRIES);
    for (en, ru, kk) in all {
        assert!(seen.insert(*en), "`{en}` is in the catalogue twice");
        if en.contains('.') && !en.contains(' ') {
            continue; // an id key (`flag.…`, `role.…`): its arguments are the code's
        }
        for tr in [ru, kk] {
            assert_eq!(
                placeholders(en),
                placeholders(tr),
                "`{tr}` does not fill the placeholders of `{en}`"
            );
        }
    }
}

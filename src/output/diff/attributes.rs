//! A body's changed attributes in the reader's words: `bilik diff` (text and Markdown) and the
//! explorer's delta pane say "non-partisan: no → yes", not the preset file's
//! `non_partisan: false -> true`. The JSON keeps the file's names and values (a contract).

use crate::model::i18n::{tr, word};
use crate::model::{Body, Lang};
use crate::reform::changed_attributes;
use crate::t;

/// Each attribute that differs between `before` and `after` (seat counts aside: every report
/// shows them with the composition), as one phrase in `lang` with `arrow` between the values,
/// in the fixed order of the preset file's fields.
pub fn changed(lang: Lang, before: &Body, after: &Body, arrow: &str) -> Vec<String> {
    changed_attributes(before, after)
        .into_iter()
        .filter_map(|(name, _, _)| phrase(lang, name, before, after, arrow))
        .collect()
}

fn phrase(lang: Lang, name: &str, before: &Body, after: &Body, arrow: &str) -> Option<String> {
    let pair = |label: &'static str, b: String, a: String| {
        Some(format!("{}: {b} {arrow} {a}", tr(lang, label)))
    };
    let yes_no = |v: bool| tr(lang, if v { "yes" } else { "no" }).to_string();
    match name {
        "seats" => None,
        "note" => Some(tr(lang, "note rewritten").to_string()),
        // The names themselves head the report's entry; the role has no words beyond English.
        "name" => Some(tr(lang, "renamed").to_string()),
        "role" if lang != Lang::En => Some(tr(lang, "role changed").to_string()),
        "role" => pair(
            "role",
            role(before.role.map(|r| r.as_str())),
            role(after.role.map(|r| r.as_str())),
        ),
        "branch" => pair(
            "branch",
            word(lang, "branch", before.branch.as_str()).to_string(),
            word(lang, "branch", after.branch.as_str()).to_string(),
        ),
        "seats_nominal" => pair(
            "size not fixed by law",
            yes_no(before.seats_nominal),
            yes_no(after.seats_nominal),
        ),
        "independent" => pair(
            "independent",
            yes_no(before.independent),
            yes_no(after.independent),
        ),
        "non_partisan" => pair(
            "non-partisan",
            yes_no(before.non_partisan),
            yes_no(after.non_partisan),
        ),
        "relatives_ban" => pair(
            "relatives barred",
            yes_no(before.relatives_ban),
            yes_no(after.relatives_ban),
        ),
        "senior_post" => pair(
            "senior post",
            yes_no(before.senior_post),
            yes_no(after.senior_post),
        ),
        "term_years" => pair("term", term(lang, before), term(lang, after)),
        "registration" => pair(
            "party registration",
            registration(lang, before),
            registration(lang, after),
        ),
        "liability" => pair("liability", liability(lang, before), liability(lang, after)),
        "confidence" => pair(
            "coding confidence",
            word(lang, "confidence", before.confidence.as_str()).to_string(),
            word(lang, "confidence", after.confidence.as_str()).to_string(),
        ),
        // A field added to the preset file without words here still reads, by its name.
        other => Some(tr(lang, "{attribute} changed").replace("{attribute}", other)),
    }
}

fn role(r: Option<&str>) -> String {
    r.map_or_else(|| "-".to_string(), |r| r.replace('_', " "))
}

fn term(lang: Lang, b: &Body) -> String {
    match b.term_years {
        Some(n) => t!(lang, "{n} years", n = n),
        None => tr(lang, "not fixed").to_string(),
    }
}

fn registration(lang: Lang, b: &Body) -> String {
    match b.registration {
        Some(r) => word(lang, "registration", r.as_str()).to_string(),
        None => "-".to_string(),
    }
}

fn liability(lang: Lang, b: &Body) -> String {
    match b.liability.as_deref() {
        None | Some([]) => tr(lang, "none").to_string(),
        Some(kinds) => kinds
            .iter()
            .map(|k| word(lang, "liability_kind", k.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Liability;

    fn court() -> Body {
        crate::data::default_dataset()
            .body("supreme_court")
            .cloned()
            .expect("kz-2022 has a Supreme Court")
    }

    #[test]
    fn each_changed_attribute_reads_in_the_readers_words() {
        let before = court();
        let mut after = before.clone();
        after.non_partisan = !before.non_partisan;
        after.liability = Some(vec![
            Liability::Disciplinary,
            Liability::Criminal,
            Liability::Financial,
        ]);
        after.seats += 1;
        let en = changed(Lang::En, &before, &after, "→");
        assert_eq!(
            en,
            [
                format!(
                    "non-partisan: {} → {}",
                    if before.non_partisan { "yes" } else { "no" },
                    if before.non_partisan { "no" } else { "yes" }
                ),
                format!(
                    "liability: {} → disciplinary, criminal, financial",
                    liability(Lang::En, &before)
                ),
            ]
        );
        let ru = changed(Lang::Ru, &before, &after, "->");
        assert!(ru[0].starts_with("беспартийный: "), "{ru:?}");
        assert!(
            ru[1].ends_with("-> дисциплинарная, уголовная, материальная"),
            "{ru:?}"
        );
        let kk = changed(Lang::Kk, &before, &after, "→");
        assert!(kk[0].starts_with("партиясыз: "), "{kk:?}");
        assert!(kk[1].contains("жауапкершілік"), "{kk:?}");
    }

    #[test]
    fn an_unchanged_body_has_nothing_to_say() {
        let b = court();
        assert!(changed(Lang::Ru, &b, &b, "→").is_empty());
    }
}

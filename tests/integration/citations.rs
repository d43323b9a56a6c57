//! Every `Constitution art.` citation of a dataset whose constitution ships is found in that
//! text: a typo in an article number, or a text that lost an article, fails here.

use bilik::law::{self, constitution_cites};

#[test]
fn every_cited_article_of_a_shipped_text_is_found() {
    let mut checked = 0;
    for text in law::TEXTS {
        for id in text.datasets {
            let d = bilik::data::resolve(id).unwrap_or_else(|e| panic!("{}", e.report));
            let mut sources: Vec<(String, &str)> = Vec::new();
            for b in &d.bodies {
                sources.push((b.id.clone(), &b.source));
                for c in &b.channels {
                    sources.push((format!("{}/{}", b.id, c.id), &c.source));
                }
            }
            for e in &d.edges {
                sources.push((format!("{} -> {}", e.from, e.to), &e.source));
            }
            let mut missing = Vec::new();
            for (place, source) in sources {
                for c in constitution_cites(source) {
                    checked += 1;
                    if let Err(e) = text.resolve(&c) {
                        missing.push(format!("{id} {place}: {c}: {e}"));
                    }
                }
            }
            assert!(missing.is_empty(), "{}", missing.join("\n"));
        }
    }
    assert!(checked > 150, "only {checked} citations were checked");
}

#[test]
fn bilik_article_prints_the_cited_paragraph() {
    use crate::common::{bilik, stderr, stdout};
    let out = bilik(&["article", "71(2)", "--data", "kz-2022"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(s.starts_with("Constitution of the Republic of Kazakhstan of 30 August 1995"));
    assert!(s.contains(
        "Article 71, paragraph 2\n2. Председатель Конституционного Суда назначается Президентом Республики с согласия Сената Парламента.\n"
    ), "{s}");
    assert!(s.contains("Text: Official text, ИПС «Әділет»"), "{s}");

    let s = stdout(&bilik(&["article", "art. 72(4)", "--data", "kz-2026"]));
    assert!(s.contains("Article 72, paragraph 4\n4. Судьи Конституционного Суда назначаются Президентом Республики Казахстан с согласия Курултая"), "{s}");

    let out = bilik(&["article", "71(9)", "--data", "kz-2022"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("71(9): article 71 has no paragraph or item 9"),
        "{}",
        stderr(&out)
    );

    let out = bilik(&["article", "71", "--data", "kz-2017"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("the constitution kz-2017 cites does not ship with bilik; texts ship for: kz-2022 (kz-1995-2023); kz-2026 (kz-2026)"), "{}", stderr(&out));

    let out = bilik(&["article", "the court"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("write it as 71, 71(2) or 58(3)(7)"),
        "{}",
        stderr(&out)
    );
}

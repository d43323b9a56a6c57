//! The texts of the constitutions the datasets cite, shipped with bilik, and the lookup of a
//! citation in them: `bilik article 71(2) --data kz-2022` prints the paragraph the Court's
//! Chair is coded from.
//!
//! Official texts of laws are not protected by copyright in Kazakhstan (Law "On Copyright and
//! Related Rights" of 10 June 1996, art. 8(1)), so the Russian texts ship in `data/texts/`,
//! each with its origin in its first lines.
//!
//! A text is indexed once per lookup: articles (`Статья 71` or `Статья 72.`), then within an
//! article its paragraphs (`1. ...`) and items (`1) ...`). The 1995 text as exported from
//! Әділет wraps a paragraph over several lines, indented only on its first; the 2026 text has
//! one line per paragraph; both read the same after [`logical_lines`].

pub mod cite;

pub use cite::{Cite, constitution_cites, parse_user};

/// A constitution's text compiled into the binary.
pub struct Text {
    pub id: &'static str,
    pub title: &'static str,
    /// Where the text comes from, for the reader who wants to check it.
    pub origin: &'static str,
    pub body: &'static str,
    /// The datasets whose `Constitution art.` citations refer to this text.
    pub datasets: &'static [&'static str],
}

pub const TEXTS: &[Text] = &[
    Text {
        id: "kz-1995-2023",
        title: "Constitution of the Republic of Kazakhstan of 30 August 1995, as amended on 8 June and 17 September 2022 (wording as of 1 January 2023), in Russian",
        origin: "Official text, ИПС «Әділет» (Ministry of Justice), document K950001000_, https://adilet.zan.kz/rus/docs/K950001000_ ; extracted from its PDF export with the amendment footnotes kept",
        body: include_str!("../../data/texts/kz-1995-2023.ru.txt"),
        datasets: &["kz-2022"],
    },
    Text {
        id: "kz-2026",
        title: "Constitution of the Republic of Kazakhstan adopted by referendum on 15 March 2026, in force 1 July 2026, in Russian",
        origin: "The text put to the referendum, as published on 12 February 2026 (Kazinform) and adopted unchanged; see docs/datasets/kz-2026.md for the sources compared",
        body: include_str!("../../data/texts/kz-2026.ru.txt"),
        datasets: &["kz-2026"],
    },
];

/// The text a dataset's `Constitution art.` citations refer to, if it ships.
pub fn for_dataset(id: &str) -> Option<&'static Text> {
    TEXTS.iter().find(|t| t.datasets.contains(&id))
}

/// What a citation resolved to: a heading (`Article 58, paragraph 3, item 7`) and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub heading: String,
    pub text: String,
}

/// One article: its number as written and its logical lines.
struct Article {
    id: String,
    lines: Vec<String>,
}

impl Text {
    /// The passages a citation points at: one for `71(2)`, several for a range (`53(1-2)`,
    /// `83(1)-(2)`, `75-82`). An error says which part could not be found.
    pub fn resolve(&self, c: &Cite) -> Result<Vec<Passage>, String> {
        let articles = index(self.body);
        let find = |id: &str| articles.iter().find(|a| a.id == id);
        if let Some(a) = find(&c.article) {
            return resolve_in(a, c);
        }
        // `75-82` is a range of articles when no article is numbered so.
        let (from, to) = range(&c.article)
            .ok_or_else(|| format!("there is no article {} in {}", c.article, self.id))?;
        (from..=to)
            .map(|n| {
                let a = find(&n.to_string())
                    .ok_or_else(|| format!("there is no article {n} in {}", self.id))?;
                Ok(Passage {
                    heading: format!("Article {}", a.id),
                    text: a.lines.join("\n"),
                })
            })
            .collect()
    }
}

fn resolve_in(a: &Article, c: &Cite) -> Result<Vec<Passage>, String> {
    let Some(first) = c.parts.first() else {
        return Ok(vec![Passage {
            heading: format!("Article {}", a.id),
            text: a.lines.join("\n"),
        }]);
    };
    let mut keys: Vec<String> = match (&c.through, c.parts.len()) {
        (Some(to), 1) => expand(first, to),
        _ => vec![first.clone()],
    };
    if keys.len() == 1 && !has(a, first) {
        // `53(1-2)`: a range of paragraphs unless a paragraph is numbered so (`9-1`).
        if let Some((from, to)) = range(first) {
            keys = (from..=to).map(|n| n.to_string()).collect();
        }
    }
    let mut out = Vec::new();
    for key in keys {
        let (kind, lines) = block(&a.lines, &key)
            .ok_or_else(|| format!("article {} has no paragraph or item {key}", a.id))?;
        let mut heading = format!("Article {}, {kind} {key}", a.id);
        let mut lines = lines;
        if let Some(item) = c.parts.get(1) {
            let (_, inner) = block(&lines, item)
                .ok_or_else(|| format!("article {}, {kind} {key} has no item {item}", a.id))?;
            heading.push_str(&format!(", item {item}"));
            lines = inner;
        }
        out.push(Passage {
            heading,
            text: lines.join("\n"),
        });
    }
    Ok(out)
}

fn has(a: &Article, key: &str) -> bool {
    block(&a.lines, key).is_some()
}

fn expand(from: &str, to: &str) -> Vec<String> {
    match (from.parse::<u32>(), to.parse::<u32>()) {
        (Ok(f), Ok(t)) if f <= t => (f..=t).map(|n| n.to_string()).collect(),
        _ => vec![from.to_string(), to.to_string()],
    }
}

fn range(s: &str) -> Option<(u32, u32)> {
    let (a, b) = s.split_once('-')?;
    let (a, b) = (a.parse().ok()?, b.parse().ok()?);
    (a < b).then_some((a, b))
}

/// The lines of paragraph `key` (`key. ...`), or, where the lines have no such paragraph, of
/// item `key` (`key) ...`): from its line to the next paragraph or item of the same kind.
fn block(lines: &[String], key: &str) -> Option<(&'static str, Vec<String>)> {
    for (kind, mark) in [("paragraph", '.'), ("item", ')')] {
        let Some(i) = lines.iter().position(|l| numbered(l, mark) == Some(key)) else {
            continue;
        };
        let end = lines[i + 1..]
            .iter()
            .position(|l| numbered(l, mark).is_some())
            .map_or(lines.len(), |j| i + 1 + j);
        return Some((kind, lines[i..end].to_vec()));
    }
    None
}

/// `"3. Text"` -> `Some("3")` for `mark` '.', `"9-1) text"` -> `Some("9-1")` for ')'.
fn numbered(line: &str, mark: char) -> Option<&str> {
    let end = line.find(|c: char| !(c.is_ascii_digit() || c == '-'))?;
    (end > 0 && line[end..].starts_with(mark)).then(|| &line[..end])
}

fn index(body: &str) -> Vec<Article> {
    let mut out: Vec<Article> = Vec::new();
    for line in logical_lines(body) {
        if let Some(id) = article_heading(&line) {
            out.push(Article {
                id,
                lines: Vec::new(),
            });
        } else if line.starts_with("Раздел") || line.starts_with("Глава") {
            // A section heading ends the article before it.
            out.push(Article {
                id: String::new(),
                lines: Vec::new(),
            });
        } else if let Some(a) = out.last_mut()
            // The Әділет export's notes on Constitutional Court rulings are not the text.
            && !line.starts_with("Примечание")
            && !line.starts_with("Сноска")
        {
            a.lines.push(line);
        }
    }
    out.retain(|a| !a.id.is_empty());
    out
}

/// `Статья 71` or `Статья 72.` -> the article's number as written (`83-1` included).
fn article_heading(line: &str) -> Option<String> {
    let rest = line.strip_prefix("Статья ")?.trim_end_matches('.').trim();
    let ok = !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '-');
    ok.then(|| rest.to_string())
}

/// The text's lines with each paragraph or item on one line: in the Әділет export a line that
/// starts at the margin continues the indented line before it, unless it is a heading.
fn logical_lines(body: &str) -> Vec<String> {
    let indented = body.lines().any(|l| l.starts_with("      "));
    let mut out: Vec<String> = Vec::new();
    for raw in body.lines() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let heading =
            line.starts_with("Статья ") || line.starts_with("Раздел") || line.starts_with("Глава");
        let continues = indented && !raw.starts_with(' ') && !heading;
        match out.last_mut() {
            Some(prev) if continues => {
                prev.push(' ');
                prev.push_str(line);
            }
            _ => out.push(line.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(id: &str) -> &'static Text {
        TEXTS.iter().find(|t| t.id == id).unwrap()
    }

    fn one(t: &Text, c: &str) -> Passage {
        let mut p = t.resolve(&parse_user(c).unwrap()).unwrap();
        assert_eq!(p.len(), 1, "{c}: {p:?}");
        p.remove(0)
    }

    #[test]
    fn the_chair_of_the_court_in_both_texts() {
        let p = one(text("kz-1995-2023"), "71(2)");
        assert_eq!(p.heading, "Article 71, paragraph 2");
        assert_eq!(
            p.text,
            "2. Председатель Конституционного Суда назначается Президентом Республики с согласия Сената Парламента."
        );
        let p = one(text("kz-2026"), "72(4)");
        assert!(p.text.contains("с согласия Курултая"), "{}", p.text);
    }

    #[test]
    fn items_of_an_article_without_paragraphs_and_of_a_paragraph() {
        let p = one(text("kz-1995-2023"), "44(4)");
        assert_eq!(p.heading, "Article 44, item 4");
        assert!(
            p.text
                .starts_with("4) с согласия Сената Парламента назначает")
        );
        assert!(
            p.text.contains("освобождает их от должностей;"),
            "{}",
            p.text
        );
        assert!(!p.text.contains("5) образует"), "stops at the next item");
        let p = one(text("kz-1995-2023"), "58(3)(7)");
        assert_eq!(p.heading, "Article 58, paragraph 3, item 7");
        assert!(p.text.starts_with("7)"), "{}", p.text);
    }

    #[test]
    fn ranges_and_inserted_numbers() {
        let t = text("kz-1995-2023");
        // Item 1-2 of Art. 53 exists, so `53(1-2)` is that item, not items 1 and 2.
        assert_eq!(one(t, "53(1-2)").heading, "Article 53, item 1-2");
        let r = text("kz-2026").resolve(&constitution_cites("Constitution art. 83(1)-(2)")[0]);
        let headings: Vec<String> = r.unwrap().into_iter().map(|p| p.heading).collect();
        assert_eq!(
            headings,
            ["Article 83, paragraph 1", "Article 83, paragraph 2"]
        );
        assert_eq!(one(t, "66(9-1)").heading, "Article 66, item 9-1");
        assert_eq!(one(t, "83-1").heading, "Article 83-1");
        let e = t.resolve(&parse_user("71(9)").unwrap()).unwrap_err();
        assert_eq!(e, "article 71 has no paragraph or item 9");
        let e = t.resolve(&parse_user("200").unwrap()).unwrap_err();
        assert!(e.contains("no article 200"), "{e}");
    }

    #[test]
    fn notes_of_the_export_are_not_the_text() {
        let p = one(text("kz-1995-2023"), "1");
        assert!(!p.text.contains("Примечание"), "{}", p.text);
        assert!(
            p.text
                .starts_with("1. Республика Казахстан утверждает себя")
        );
    }
}

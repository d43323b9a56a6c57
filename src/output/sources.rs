//! `bilik sources`: the dataset's bibliography, each source with its title, URL and note, and
//! the bodies, channels and edges whose citation names it.
//!
//! A citation names a source by its id as a whole word (`Constitutional Law ... (S7)`), and a
//! citation of the `Constitution` names the dataset's first source whose title begins with
//! "Constitution".

use serde::Serialize;

use crate::model::{Dataset, Source};

/// One source and what cites it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cited {
    pub id: String,
    pub title: String,
    pub url: String,
    pub note: String,
    /// `body constitutional_court`, `channel constitutional_court/chair`, `edge president
    /// -dismiss_at_will-> constitutional_court`.
    pub cited_by: Vec<String>,
}

fn names(citation: &str, source: &Source, constitution: Option<&str>) -> bool {
    let word = citation
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .any(|w| w == source.id);
    word || (constitution == Some(source.id.as_str()) && citation.contains("Constitution"))
}

/// Every source of the dataset, in its order, with what cites it.
pub fn cited(dataset: &Dataset) -> Vec<Cited> {
    let constitution = dataset
        .meta
        .sources
        .iter()
        .find(|s| s.title.starts_with("Constitution"))
        .map(|s| s.id.as_str());
    let mut citations: Vec<(String, &str)> = Vec::new();
    for b in &dataset.bodies {
        citations.push((format!("body {}", b.id), &b.source));
        for c in &b.channels {
            citations.push((format!("channel {}/{}", b.id, c.id), &c.source));
        }
    }
    for e in &dataset.edges {
        let mut what = format!("edge {} -{}-> {}", e.from, e.kind, e.to);
        if let Some(c) = &e.channel {
            what.push_str(&format!("/{c}"));
        }
        citations.push((what, &e.source));
    }
    dataset
        .meta
        .sources
        .iter()
        .map(|s| Cited {
            id: s.id.clone(),
            title: s.title.clone(),
            url: s.url.clone(),
            note: s.note.clone(),
            cited_by: citations
                .iter()
                .filter(|(_, c)| names(c, s, constitution))
                .map(|(w, _)| w.clone())
                .collect(),
        })
        .collect()
}

pub fn text(dataset: &Dataset) -> String {
    let mut out = format!("Sources of {} ({})\n", dataset.meta.id, dataset.meta.title);
    for s in cited(dataset) {
        out.push_str(&format!("\n[{}] {}\n", s.id, s.title));
        if !s.url.is_empty() {
            out.push_str(&format!("  {}\n", s.url));
        }
        if !s.note.is_empty() {
            out.push_str(&format!("  {}\n", s.note));
        }
        if s.cited_by.is_empty() {
            out.push_str("  cited by: no channel or edge by its id\n");
        } else {
            out.push_str(&format!(
                "  cited by {}: {}\n",
                s.cited_by.len(),
                s.cited_by.join(", ")
            ));
        }
    }
    out
}

pub fn md(dataset: &Dataset) -> String {
    use crate::output::escape::markdown;
    let mut out = format!("## References: {}\n\n", markdown(&dataset.meta.title));
    for s in cited(dataset) {
        out.push_str(&format!(
            "- **{}.** {}",
            markdown(&s.id),
            markdown(&s.title)
        ));
        if !s.url.is_empty() {
            out.push_str(&format!(" <{}>", s.url.replace(['<', '>', ' '], "")));
        }
        if !s.note.is_empty() {
            out.push_str(&format!(" {}", markdown(&s.note)));
        }
        if !s.cited_by.is_empty() {
            out.push_str(&format!(" Cited by {} elements.", s.cited_by.len()));
        }
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct Doc {
    schema: &'static str,
    dataset: String,
    sources: Vec<Cited>,
}

pub fn json(dataset: &Dataset) -> String {
    crate::output::fmt::json(&Doc {
        schema: "bilik.sources/1",
        dataset: dataset.meta.id.clone(),
        sources: cited(dataset),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_constitution_and_a_statute_are_cited_by_what_names_them() {
        let ds = crate::data::default_dataset();
        let c = cited(&ds);
        let s1 = c.iter().find(|s| s.id == "S1").unwrap();
        assert!(
            s1.cited_by
                .contains(&"channel constitutional_court/chair".to_string()),
            "{:?}",
            s1.cited_by
        );
        let s7 = c.iter().find(|s| s.id == "S7").unwrap();
        assert!(
            s7.cited_by
                .contains(&"body constitutional_court".to_string())
        );
        assert!(text(&ds).contains("[S7] "));
    }
}

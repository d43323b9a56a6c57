//! `bilik sources`: the dataset's bibliography, each source with its title, URL and note, and
//! the bodies, attributes, channels, blocs and edges whose citation names it.
//!
//! A citation names a source by its id as a whole word (`Constitutional Law ... (S7)`), and a
//! citation of the `Constitution` names the dataset's first source whose title begins with
//! "Constitution". Every citation counts: a body's own, its attributes' (flags, alignment
//! features, powers), its blocs', its channels' and edges', and those of their contested
//! readings (counted with the channel or edge they read).

use serde::Serialize;

use crate::model::i18n::tr;
use crate::model::{Dataset, Source};
use crate::t;

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
    let word = words(citation).any(|w| w == source.id);
    word || (constitution == Some(source.id.as_str()) && citation.contains("Constitution"))
}

fn words(citation: &str) -> impl Iterator<Item = &str> {
    citation.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
}

/// The source a citation of the bare `Constitution` refers to: the first whose title begins
/// with the word "Constitution" (docs/data-format.md). A "Constitutional Law …" is a statute,
/// so the word must end there.
fn constitution_of(dataset: &Dataset) -> Option<&str> {
    dataset
        .meta
        .sources
        .iter()
        .find(|s| {
            s.title
                .strip_prefix("Constitution")
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
        })
        .map(|s| s.id.as_str())
}

/// The sources one citation names, in the bibliography's order.
pub fn named_by<'a>(dataset: &'a Dataset, citation: &str) -> Vec<&'a Source> {
    let constitution = constitution_of(dataset);
    dataset
        .meta
        .sources
        .iter()
        .filter(|s| names(citation, s, constitution))
        .collect()
}

/// What kind of element a citation belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Element {
    Body,
    /// A seat channel, by index in its body's channels.
    Channel(usize),
    /// An edge, by index in the dataset's edges.
    Edge(usize),
    /// An attribute of the body, by index in [`attributes`]: a flag attribute, an alignment
    /// feature or a power, each with its own citation.
    Attribute(usize),
    /// A bloc of the body's seats (codebook R34), by index in its blocs.
    Bloc(usize),
}

/// A body's attributes that carry their own citation, in a fixed order: the flag attributes
/// (`liability`), then the alignment features, then the powers.
pub fn attributes(b: &crate::model::Body) -> Vec<(&str, &str)> {
    b.attribute_sources
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .chain(b.alignment.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .chain(b.powers.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .collect()
}

/// Every citation of the dataset: the body it is about (an edge's target), the element and
/// the citation, bodies first with their channels, then the edges.
fn elements(dataset: &Dataset) -> Vec<(&str, Element, &str)> {
    let mut out = Vec::new();
    for b in &dataset.bodies {
        let id = b.id.as_str();
        out.push((id, Element::Body, b.source.as_str()));
        for (i, (_, source)) in attributes(b).into_iter().enumerate() {
            out.push((id, Element::Attribute(i), source));
        }
        for (i, c) in b.channels.iter().enumerate() {
            out.push((id, Element::Channel(i), c.source.as_str()));
            let steps = c.steps.iter().flat_map(|s| &s.alternatives);
            for source in c
                .alternatives
                .iter()
                .map(|a| a.source.as_str())
                .chain(steps.map(|a| a.source.as_str()))
            {
                out.push((id, Element::Channel(i), source));
            }
        }
        for (i, bloc) in b.blocs.iter().enumerate() {
            out.push((id, Element::Bloc(i), bloc.source.as_str()));
        }
    }
    for (i, e) in dataset.edges.iter().enumerate() {
        out.push((e.to.as_str(), Element::Edge(i), e.source.as_str()));
        for a in &e.alternatives {
            out.push((e.to.as_str(), Element::Edge(i), a.source.as_str()));
        }
    }
    out
}

/// For each source, in the bibliography's order, the elements whose citation names it: one
/// pass over the citations, each split into words once.
fn citing(dataset: &Dataset) -> Vec<Vec<(&str, Element)>> {
    let sources = &dataset.meta.sources;
    let by_id: rustc_hash::FxHashMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let constitution = constitution_of(dataset).and_then(|id| by_id.get(id).copied());
    let mut out = vec![Vec::new(); sources.len()];
    let mut hit: Vec<usize> = Vec::new();
    for (body, element, citation) in elements(dataset) {
        hit.clear();
        hit.extend(words(citation).filter_map(|w| by_id.get(w).copied()));
        if let Some(c) = constitution
            && citation.contains("Constitution")
        {
            hit.push(c);
        }
        hit.sort_unstable();
        hit.dedup();
        for &s in &hit {
            // An element's readings follow it, so one that cites a source twice is adjacent.
            if out[s].last() != Some(&(body, element)) {
                out[s].push((body, element));
            }
        }
    }
    out
}

/// How many elements of each kind cite a source, and the bodies they are about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub bodies: usize,
    pub channels: usize,
    pub edges: usize,
    /// Attributes (flags, alignment features, powers) and blocs.
    pub attributes: usize,
    pub blocs: usize,
    /// The bodies whose own source, channels or incoming edges cite it, each once, in the
    /// dataset's order.
    #[serde(skip)]
    pub about: Vec<String>,
}

impl Tally {
    /// `40 channels, 61 edges`: what cites the source, the kinds that are zero left out.
    pub fn counts(&self) -> String {
        self.counts_in(crate::model::Lang::En)
    }

    /// [`Tally::counts`] in `lang`.
    pub fn counts_in(&self, lang: crate::model::Lang) -> String {
        use crate::model::i18n::tr;
        use crate::t;
        let part = |n: usize, template: &'static str| (n > 0).then(|| t!(lang, template, n = n));
        let parts: Vec<String> = [
            part(self.channels, "{n} {n:channel|channels}"),
            part(self.edges, "{n} {n:edge|edges}"),
            part(self.bodies, "{n} {n:body|bodies}"),
            part(self.attributes, "{n} {n:attribute|attributes}"),
            part(self.blocs, "{n} {n:bloc|blocs}"),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            tr(lang, "not cited by its id").to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// Every source of the dataset, in its order, with how much cites it.
pub fn tally(dataset: &Dataset) -> Vec<(&Source, Tally)> {
    // Without a bibliography there is nothing to tally: skip the walk over every citation
    // (`check` and every export of a dataset that lists no sources).
    if dataset.meta.sources.is_empty() {
        return Vec::new();
    }
    let order: rustc_hash::FxHashMap<&str, usize> = dataset
        .bodies
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.as_str(), i))
        .collect();
    dataset
        .meta
        .sources
        .iter()
        .zip(citing(dataset))
        .map(|(s, elements)| {
            let mut t = Tally::default();
            let mut about: Vec<&str> = Vec::new();
            for (body, e) in elements {
                match e {
                    Element::Body => t.bodies += 1,
                    Element::Channel(_) => t.channels += 1,
                    Element::Edge(_) => t.edges += 1,
                    Element::Attribute(_) => t.attributes += 1,
                    Element::Bloc(_) => t.blocs += 1,
                }
                about.push(body);
            }
            about.sort_by_cached_key(|b| order.get(b).copied().unwrap_or(usize::MAX));
            about.dedup();
            t.about = about.into_iter().map(str::to_string).collect();
            (s, t)
        })
        .collect()
}

/// Every source of the dataset, in its order, with what cites it.
pub fn cited(dataset: &Dataset) -> Vec<Cited> {
    let what = |body: &str, e: Element| -> String {
        match e {
            Element::Body => format!("body {body}"),
            Element::Channel(i) => {
                let c = dataset
                    .body(body)
                    .and_then(|b| b.channels.get(i))
                    .map_or("", |c| c.id.as_str());
                format!("channel {body}/{c}")
            }
            Element::Edge(i) => {
                let e = &dataset.edges[i];
                let mut what = format!("edge {} -{}-> {}", e.from, e.kind, e.to);
                if let Some(c) = &e.channel {
                    what.push_str(&format!("/{c}"));
                }
                what
            }
            Element::Attribute(i) => {
                let a = dataset
                    .body(body)
                    .and_then(|b| attributes(b).get(i).map(|a| a.0.to_string()))
                    .unwrap_or_default();
                format!("attribute {body}/{a}")
            }
            Element::Bloc(i) => {
                let c = dataset
                    .body(body)
                    .and_then(|b| b.blocs.get(i))
                    .map_or("", |c| c.id.as_str());
                format!("bloc {body}/{c}")
            }
        }
    };
    dataset
        .meta
        .sources
        .iter()
        .zip(citing(dataset))
        .map(|(s, elements)| Cited {
            id: s.id.clone(),
            title: s.title.clone(),
            url: s.url.clone(),
            note: s.note.clone(),
            cited_by: elements
                .into_iter()
                .map(|(b, e)| {
                    let mut w = what(b, e);
                    if de_facto(dataset, b, e) {
                        w.push_str(" (de facto layer)");
                    }
                    w
                })
                .collect(),
        })
        .collect()
}

/// Whether the element belongs to the de facto layer (codebook R34).
fn de_facto(dataset: &Dataset, body: &str, e: Element) -> bool {
    use crate::model::Layer::DeFacto;
    let b = dataset.body(body);
    match e {
        Element::Channel(i) => b
            .and_then(|b| b.channels.get(i))
            .is_some_and(|c| c.layer == DeFacto),
        Element::Bloc(i) => b
            .and_then(|b| b.blocs.get(i))
            .is_some_and(|k| k.layer == DeFacto),
        Element::Edge(i) => dataset.edges.get(i).is_some_and(|e| e.layer == DeFacto),
        Element::Body | Element::Attribute(_) => false,
    }
}

pub fn text(dataset: &Dataset) -> String {
    text_in(dataset, crate::model::Lang::En)
}

/// One entry of `cited_by` in `lang`: the kind of element in words, its ids as they are.
fn element_in(lang: crate::model::Lang, what: &str) -> String {
    if lang == crate::model::Lang::En {
        return what.to_string();
    }
    let (what, de_facto) = match what.strip_suffix(" (de facto layer)") {
        Some(w) => (w, tr(lang, " (de facto layer)")),
        None => (what, ""),
    };
    let (kind, ids) = what.split_once(' ').unwrap_or((what, ""));
    let kind = crate::model::i18n::lookup(lang, &format!("element.{kind}")).unwrap_or(kind);
    format!("{kind} {ids}{de_facto}")
}

/// [`text`] in `lang`: the frame in words of `lang`; titles, notes and ids as the data has them.
pub fn text_in(dataset: &Dataset, lang: crate::model::Lang) -> String {
    let mut out = format!(
        "{}\n",
        t!(
            lang,
            "Sources of {id} ({title})",
            id = dataset.meta.id,
            title = dataset.prose(lang, &dataset.meta.title)
        )
    );
    for s in cited(dataset) {
        out.push_str(&format!("\n[{}] {}\n", s.id, s.title));
        if !s.url.is_empty() {
            out.push_str(&format!("  {}\n", s.url));
        }
        if !s.note.is_empty() {
            out.push_str(&format!("  {}\n", dataset.prose(lang, &s.note)));
        }
        if s.cited_by.is_empty() {
            out.push_str(&format!(
                "  {}\n",
                tr(lang, "cited by: nothing coded names it by its id")
            ));
        } else {
            let list: Vec<String> = s.cited_by.iter().map(|w| element_in(lang, w)).collect();
            out.push_str(&format!(
                "  {}\n",
                t!(
                    lang,
                    "cited by {n}: {list}",
                    n = s.cited_by.len(),
                    list = list.join(", ")
                )
            ));
        }
    }
    out
}

/// A URL as a Markdown autolink (`<https://...>`), or escaped text when it is not a web
/// address: nothing in it can close the link or break the line.
fn md_url(url: &str) -> String {
    let clean: String = url
        .chars()
        .filter(|c| !(c.is_whitespace() || c.is_control() || matches!(c, '<' | '>')))
        .collect();
    if clean.starts_with("https://") || clean.starts_with("http://") {
        format!("<{clean}>")
    } else {
        crate::output::escape::markdown(url)
    }
}

/// The most bodies a reference names before it says how many more.
const NAMED: usize = 12;

/// The References section of the Markdown report: each source with its title and address,
/// how many channels and edges cite it, and the bodies they are about.
pub fn references_md(dataset: &Dataset, lang: crate::model::Lang) -> String {
    use crate::model::i18n::tr;
    use crate::output::escape::markdown;
    use crate::t;
    let mut out = format!("## {}\n\n", tr(lang, "References"));
    let tally = tally(dataset);
    if tally.is_empty() {
        out.push_str(tr(lang, "The dataset lists no sources."));
        out.push_str("\n\n");
        return out;
    }
    for (s, t) in tally {
        out.push_str(&format!("- **{}** {}", markdown(&s.id), markdown(&s.title)));
        if !s.url.is_empty() {
            out.push_str(&format!(" {}", md_url(&s.url)));
        }
        if t.about.is_empty() {
            out.push_str(&t!(lang, ". Not cited by its id.\n"));
            continue;
        }
        let mut names: Vec<String> = t
            .about
            .iter()
            .take(NAMED)
            .map(|b| markdown(dataset.name(b, lang)))
            .collect();
        if t.about.len() > NAMED {
            names.push(t!(lang, "and {n} more", n = t.about.len() - NAMED));
        }
        out.push_str(&t!(
            lang,
            ". Cited by {counts}, bearing on: {names}.\n",
            counts = t.counts_in(lang),
            names = names.join(", ")
        ));
    }
    out.push('\n');
    out
}

pub fn md(dataset: &Dataset) -> String {
    md_in(dataset, crate::model::Lang::En)
}

/// [`md`] in `lang`.
pub fn md_in(dataset: &Dataset, lang: crate::model::Lang) -> String {
    use crate::output::escape::markdown;
    let mut out = format!(
        "## {}\n\n",
        t!(
            lang,
            "References: {title}",
            title = markdown(dataset.prose(lang, &dataset.meta.title))
        )
    );
    for s in cited(dataset) {
        out.push_str(&format!(
            "- **{}.** {}",
            markdown(&s.id),
            markdown(&s.title)
        ));
        if !s.url.is_empty() {
            out.push_str(&format!(" {}", md_url(&s.url)));
        }
        if !s.note.is_empty() {
            out.push_str(&format!(" {}", markdown(dataset.prose(lang, &s.note))));
        }
        if !s.cited_by.is_empty() {
            out.push_str(&format!(
                " {}",
                t!(lang, "Cited by {n} elements.", n = s.cited_by.len())
            ));
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

    #[test]
    fn a_constitutional_law_is_not_the_constitution() {
        let mut ds = crate::data::default_dataset();
        let law = Source {
            id: "LAW".into(),
            title: "Constitutional Law \"On the Court\"".into(),
            url: String::new(),
            note: String::new(),
        };
        ds.meta.sources.insert(0, law);
        assert_eq!(constitution_of(&ds), Some("S1"));
    }

    #[test]
    fn every_shipped_dataset_names_its_constitution() {
        for e in crate::data::EMBEDDED {
            let (name, ds) = (e.id, crate::data::resolve(e.id).unwrap());
            let c = constitution_of(&ds);
            assert!(
                c.is_some(),
                "{name}: no source's title begins with \"Constitution\""
            );
            let t = cited(&ds);
            let cited_by = &t
                .iter()
                .find(|s| Some(s.id.as_str()) == c)
                .unwrap()
                .cited_by;
            assert!(
                !cited_by.is_empty(),
                "{name}: its constitution is cited by nothing"
            );
        }
    }
}

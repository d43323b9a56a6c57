//! The RON file format, exactly as written on disk.
//!
//! These types are deliberately loose: ids, roles, kinds and branches are plain strings and
//! most fields are optional, so that the loader can report *every* problem of a dataset in one
//! run (with a did-you-mean) instead of stopping at the first one serde meets. `load`
//! converts them into the domain types of `model::mod`, and `validate` holds them to its rules.
//!
//! The format is documented for dataset authors in `docs/data-format.md`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use serde::Deserialize;
use serde::de::{self, Deserializer, EnumAccess, VariantAccess, Visitor};

/// A vocabulary word written bare in RON (`role: appoint`, `branch: judicial`).
///
/// Read as text so that the loader, not serde, decides whether it is known: it can then
/// report every unknown word of a file at once, each with a did-you-mean.
///
/// A word of the model's vocabularies (nearly every word of a dataset) borrows its static
/// spelling: a file of 100,000 bodies has some 700,000 words, which would otherwise each be
/// a string allocated, read once and freed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Word(pub Cow<'static, str>);

impl Word {
    /// The word `w`: borrowed when it is a word of one of the model's vocabularies, else a
    /// copy.
    pub fn new(w: &str) -> Word {
        match vocabulary().get(w) {
            Some(&known) => Word(Cow::Borrowed(known)),
            None => Word(Cow::Owned(w.to_string())),
        }
    }
}

/// Every word of the model's closed vocabularies, built on first use.
fn vocabulary() -> &'static FxHashSet<&'static str> {
    static WORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        use super::{
            Alignment, Branch, Confidence, EdgeKind, Layer, Liability, Mandate, Power,
            Registration, Role, StepRole,
        };
        [
            Branch::names(),
            Role::names(),
            StepRole::names(),
            EdgeKind::names(),
            Alignment::names(),
            Power::names(),
            Confidence::names(),
            Mandate::names(),
            Registration::names(),
            Liability::names(),
            Layer::names(),
        ]
        .into_iter()
        .flatten()
        .collect()
    })
}

impl std::ops::Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Word {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Name(String);
        impl<'de> Deserialize<'de> for Name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = Name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a word written without quotes, such as `appoint`")
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<Name, E> {
                        Ok(Name(v.to_string()))
                    }
                }
                d.deserialize_identifier(V)
            }
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Word;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a word written without quotes, such as `appoint`")
            }
            fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Word, A::Error> {
                let (name, variant): (Name, _) = data.variant()?;
                variant.unit_variant()?;
                Ok(Word(Cow::Owned(name.0)))
            }
        }
        d.deserialize_enum("word", &[], V)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Dataset")]
pub struct RawDataset {
    pub id: Option<String>,
    pub title: Option<String>,
    pub jurisdiction: Option<String>,
    pub as_of: Option<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
    pub principals: Option<Vec<String>>,
    #[serde(default)]
    pub bodies: Vec<RawBody>,
    #[serde(default)]
    pub edges: Vec<RawEdge>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Source")]
pub struct RawSource {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename = "Names")]
pub struct RawNames {
    pub en: Option<String>,
    pub ru: Option<String>,
    pub kk: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Body")]
pub struct RawBody {
    pub id: Option<String>,
    #[serde(default)]
    pub name: RawNames,
    pub branch: Option<Word>,
    pub role: Option<Word>,
    pub seats: Option<i64>,
    #[serde(default)]
    pub seats_nominal: bool,
    #[serde(default)]
    pub independent: bool,
    #[serde(default)]
    pub non_partisan: bool,
    #[serde(default)]
    pub relatives_ban: bool,
    #[serde(default)]
    pub senior_post: bool,
    pub term_years: Option<f64>,
    pub registration: Option<Word>,
    pub liability: Option<Vec<Word>>,
    pub source: Option<String>,
    #[serde(default)]
    pub attribute_sources: BTreeMap<String, String>,
    pub confidence: Option<Word>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub channels: Vec<RawChannel>,
    /// Alignment feature -> citation (`alignment: { concurrent_elections: "art. 77" }`).
    #[serde(default)]
    pub alignment: BTreeMap<Word, String>,
    /// Head-of-state power -> citation.
    #[serde(default)]
    pub powers: BTreeMap<Word, String>,
    /// The decision rule (codebook R33); a simple majority of members when absent.
    pub decision: Option<Box<RawVote>>,
    /// Groups of seats that vote together (codebook R34).
    #[serde(default)]
    pub blocs: Vec<RawBloc>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Channel")]
pub struct RawChannel {
    pub id: Option<String>,
    #[serde(default)]
    pub label: String,
    pub seats: Option<i64>,
    #[serde(default)]
    pub steps: Vec<RawStep>,
    pub mandate: Option<Word>,
    pub source: Option<String>,
    pub confidence: Option<Word>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub alternatives: Vec<RawChannelAlt>,
    pub layer: Option<Word>,
}

/// A bloc of a body's seats (codebook R34).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Bloc")]
pub struct RawBloc {
    pub id: Option<String>,
    #[serde(default)]
    pub label: String,
    pub seats: Option<i64>,
    /// Seats held in each channel of the body, by channel id.
    #[serde(default)]
    pub channels: BTreeMap<String, i64>,
    pub aligned_with: Option<String>,
    pub layer: Option<Word>,
    pub source: Option<String>,
    pub confidence: Option<Word>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Step")]
pub struct RawStep {
    pub actor: Option<String>,
    pub role: Option<Word>,
    pub threshold: Option<String>,
    /// Boxed: few steps have one, and inline it would double the size of every step read.
    pub vote: Option<Box<RawVote>>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub alternatives: Vec<RawStepAlt>,
}

/// `(approve: "2/3", of: members, then: [...])`: exactly one of `approve`, `block` and
/// `plurality` is checked by the loader, so that a file learns every mistake at once.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Vote")]
pub struct RawVote {
    pub approve: Option<String>,
    pub block: Option<String>,
    pub plurality: Option<bool>,
    pub of: Option<Word>,
    /// Fallback rounds, in order.
    #[serde(default)]
    pub then: Vec<RawRound>,
}

/// A fallback round: a vote without rounds of its own.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Round")]
pub struct RawRound {
    pub approve: Option<String>,
    pub block: Option<String>,
    pub plurality: Option<bool>,
    pub of: Option<Word>,
}

/// Another reading of a step (codebook R-ALT).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "StepAlternative")]
pub struct RawStepAlt {
    pub id: Option<String>,
    pub actor: Option<String>,
    pub role: Option<Word>,
    pub vote: Option<RawVote>,
    pub source: Option<String>,
    pub argument: Option<String>,
    pub confidence: Option<Word>,
}

/// Another reading of a channel.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "ChannelAlternative")]
pub struct RawChannelAlt {
    pub id: Option<String>,
    pub steps: Option<Vec<RawStep>>,
    pub mandate: Option<Word>,
    pub source: Option<String>,
    pub argument: Option<String>,
    pub confidence: Option<Word>,
}

/// Another reading of an edge.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "EdgeAlternative")]
pub struct RawEdgeAlt {
    pub id: Option<String>,
    pub kind: Option<Word>,
    pub covers: Option<Vec<String>>,
    pub after_refusals: Option<i64>,
    #[serde(default)]
    pub absent: bool,
    pub source: Option<String>,
    pub argument: Option<String>,
    pub confidence: Option<Word>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Edge")]
pub struct RawEdge {
    pub from: Option<String>,
    pub to: Option<String>,
    pub kind: Option<Word>,
    pub channel: Option<String>,
    pub after_refusals: Option<i64>,
    /// For `dissolve_on_refusal`: the steps whose refusal opens it.
    pub covers: Option<Vec<String>>,
    /// For a dissolution: when it may not be used.
    pub bars: Option<String>,
    pub threshold: Option<String>,
    pub source: Option<String>,
    pub confidence: Option<Word>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub alternatives: Vec<RawEdgeAlt>,
    pub layer: Option<Word>,
}

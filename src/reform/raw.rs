//! The RON format of a reform preset file, exactly as written on disk.
//!
//! As in `model::raw`, ids and vocabulary words are plain text and most fields optional, so
//! that the loader reports every problem of a file in one run. Operations are the variants of
//! [`RawOperation`], written `add_edge(from: "...", ...)`: the file is read with RON's
//! `unwrap_variant_newtypes`, so the struct inside a variant needs no second pair of
//! parentheses. The format is documented for users in the README ("Reforms").

use serde::Deserialize;

use crate::model::raw::{RawBody, RawChannelAlt, RawEdge, RawEdgeAlt, RawNames, RawStep, Word};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Reforms")]
pub struct RawPresetFile {
    /// The id of the dataset the presets apply to.
    pub dataset: Option<String>,
    pub title: Option<String>,
    /// The public reference of the text the presets' proposal numbers refer to.
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub presets: Vec<RawPreset>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Preset")]
pub struct RawPreset {
    pub id: Option<String>,
    #[serde(default)]
    pub title: RawNames,
    pub article: Option<RawArticle>,
    pub description: Option<String>,
    #[serde(default)]
    pub assumptions: Vec<String>,
    #[serde(default)]
    pub operations: Vec<RawOperation>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Article")]
pub struct RawArticle {
    pub proposal: Option<i64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case", rename = "Operation")]
pub enum RawOperation {
    AddBody(RawBody),
    RemoveBody(RawBodyRef),
    RenameBody(RawRename),
    ChangeBody(RawChangeBody),
    AddChannel(RawAddChannel),
    RemoveChannel(RawChannelRef),
    ChangeChannel(RawChangeChannel),
    AddEdge(RawEdge),
    RemoveEdge(RawEdgeRef),
    ChangeEdge(RawChangeEdge),
    SetPrincipals(RawPrincipals),
    DefaultPrincipals,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBodyRef {
    pub id: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRename {
    pub id: Option<String>,
    pub to: Option<String>,
}

/// The attributes to set; those left out keep their value.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChangeBody {
    pub id: Option<String>,
    pub name: Option<RawNames>,
    pub branch: Option<Word>,
    pub role: Option<Word>,
    pub seats: Option<i64>,
    pub seats_nominal: Option<bool>,
    pub independent: Option<bool>,
    pub non_partisan: Option<bool>,
    pub relatives_ban: Option<bool>,
    pub senior_post: Option<bool>,
    pub term_years: Option<f64>,
    pub registration: Option<Word>,
    pub liability: Option<Vec<Word>>,
    pub confidence: Option<Word>,
    pub note: Option<String>,
    /// The citation of the change: the proposal and the article it would amend.
    pub source: Option<String>,
}

/// A channel to add: the fields of a dataset channel, plus the body it belongs to.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAddChannel {
    pub body: Option<String>,
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
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChannelRef {
    pub body: Option<String>,
    pub id: Option<String>,
}

/// What to change in a channel; fields left out keep their value, `steps` replaces them all.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChangeChannel {
    pub body: Option<String>,
    pub id: Option<String>,
    pub label: Option<String>,
    pub seats: Option<i64>,
    pub steps: Option<Vec<RawStep>>,
    pub mandate: Option<Word>,
    pub source: Option<String>,
    pub confidence: Option<Word>,
    pub note: Option<String>,
    /// Replaces the channel's alternatives (`[]` removes them).
    pub alternatives: Option<Vec<RawChannelAlt>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEdgeRef {
    pub from: Option<String>,
    pub kind: Option<Word>,
    pub to: Option<String>,
    pub channel: Option<String>,
}

/// What to change in an edge, which `from`, `kind`, `to` and `channel` identify.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChangeEdge {
    pub from: Option<String>,
    pub kind: Option<Word>,
    pub to: Option<String>,
    pub channel: Option<String>,
    pub after_refusals: Option<i64>,
    pub covers: Option<Vec<String>>,
    pub bars: Option<String>,
    pub threshold: Option<String>,
    pub source: Option<String>,
    pub confidence: Option<Word>,
    pub note: Option<String>,
    /// Replaces the edge's alternatives (`[]` removes them).
    pub alternatives: Option<Vec<RawEdgeAlt>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPrincipals {
    #[serde(default)]
    pub principals: Vec<String>,
}

//! `json`: the `bilik.summary/1` contract ([`crate::report::json`]) of the state on screen.
//!
//! The summary describes one state and lists the active reforms; it carries no baseline.
//! What reforms change against the baseline is a different document, `bilik.diff/1`, which
//! `bilik diff --format json` writes: it gets its own serialisable types beside
//! `report::json` (built from [`crate::analysis::diff::Diff`]), not extra keys in this one,
//! so that tools reading `bilik.summary/1` never see its shape move.

use super::Snapshot;
use crate::report::json;

pub fn render(s: &Snapshot) -> String {
    json::to_string(&json::summary(s.dataset, s.analysis, s.reforms))
}

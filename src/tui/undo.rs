//! Undo and redo (`u`, Ctrl-r) over the changes that move the figures: the weights, the
//! principals, the threat option, the share model, the layer and the active reforms (the last
//! two are in the options).
//!
//! `update` takes a [`Snapshot`] of these before every command and compares it after: a
//! command that changed them is recorded with both states and a label ("P5 off", "consent
//! 1.00 → 1.10"), so that undo puts the earlier state back and says what it undid. The history
//! is bounded; a new change after an undo clears what could be redone.

use crate::analysis::Options;
use crate::model::Weights;

use super::ctx::Ctx;

/// How many changes can be undone.
pub const DEPTH: usize = 100;

/// The part of the state undo restores.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub options: Options,
    pub custom_principals: bool,
    pub active: Vec<String>,
}

impl Snapshot {
    pub fn of(ctx: &Ctx) -> Snapshot {
        Snapshot {
            options: ctx.options.clone(),
            custom_principals: ctx.custom_principals,
            active: ctx.scenario.active.clone(),
        }
    }

    /// Puts this state back; false, with the reason in the status bar, if it no longer
    /// applies (the dataset file changed under it).
    pub fn restore(&self, ctx: &mut Ctx) -> bool {
        ctx.set_state(
            self.active.clone(),
            self.options.clone(),
            self.custom_principals,
        )
    }
}

/// One recorded change.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub before: Snapshot,
    pub after: Snapshot,
    pub label: String,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl History {
    /// Records a change, unless nothing changed; forgets what could be redone.
    pub fn record(&mut self, ctx: &Ctx, before: Snapshot, after: Snapshot) {
        if before == after {
            return;
        }
        let label = describe(ctx, &before, &after);
        self.redo.clear();
        if self.undo.len() == DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(Change {
            before,
            after,
            label,
        });
    }

    pub fn can_undo(&self) -> usize {
        self.undo.len()
    }

    pub fn can_redo(&self) -> usize {
        self.redo.len()
    }

    /// Undoes the last change; the status line says which.
    pub fn undo(&mut self, ctx: &mut Ctx) {
        let Some(change) = self.undo.pop() else {
            ctx.set_status("nothing to undo", super::ctx::StatusKind::Info);
            return;
        };
        if change.before.restore(ctx) {
            ctx.set_status(
                format!("undid: {}", change.label),
                super::ctx::StatusKind::Info,
            );
            self.redo.push(change);
        }
    }

    /// Redoes the last change undone.
    pub fn redo(&mut self, ctx: &mut Ctx) {
        let Some(change) = self.redo.pop() else {
            ctx.set_status("nothing to redo", super::ctx::StatusKind::Info);
            return;
        };
        if change.after.restore(ctx) {
            ctx.set_status(
                format!("redid: {}", change.label),
                super::ctx::StatusKind::Info,
            );
            self.undo.push(change);
        }
    }
}

/// What changed between two states, in a few words: `P5 off`, `consent 1.00 → 1.10`,
/// `Senate a principal`.
fn describe(ctx: &Ctx, before: &Snapshot, after: &Snapshot) -> String {
    let mut parts = Vec::new();
    for id in &after.active {
        if !before.active.contains(id) {
            parts.push(format!("{id} on"));
        }
    }
    for id in &before.active {
        if !after.active.contains(id) {
            parts.push(format!("{id} off"));
        }
    }
    let (w0, w1) = (&before.options.weights, &after.options.weights);
    for name in Weights::NAMES {
        if let (Some(a), Some(b)) = (w0.get(name), w1.get(name))
            && a != b
        {
            parts.push(format!("{name} {a:.2} → {b:.2}"));
        }
    }
    // Principals the user switched, not those a reform brought with it.
    if after.active == before.active {
        let (p0, p1) = (&before.options.principals, &after.options.principals);
        for p in p1 {
            if !p0.contains(p) {
                parts.push(format!("{} a principal", ctx.name(p)));
            }
        }
        for p in p0 {
            if !p1.contains(p) {
                parts.push(format!("{} no longer a principal", ctx.name(p)));
            }
        }
    }
    if before.options.at_will_threat != after.options.at_will_threat {
        parts.push(format!(
            "at-will threat {}",
            if after.options.at_will_threat {
                "on"
            } else {
                "off"
            }
        ));
    }
    let (o0, o1) = (&before.options, &after.options);
    if o0.share_model != o1.share_model {
        parts.push(format!(
            "share model {} → {}",
            o0.share_model.as_str(),
            o1.share_model.as_str()
        ));
    }
    if o0.layer != o1.layer {
        parts.push(format!(
            "de facto layer {}",
            if o1.layer == crate::model::Layer::DeFacto {
                "on"
            } else {
                "off"
            }
        ));
    }
    if parts.is_empty() {
        "the principals' defaults".to_string()
    } else {
        parts.join(", ")
    }
}

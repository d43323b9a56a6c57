//! The single-point-of-control flag (codebook R32): every chain of appointment to a body
//! passes through one actor.

use std::sync::Arc;

use super::{Ctx, Flag, Severity};
use crate::analysis::BodyAnalysis;
use crate::model::Body;
use crate::model::i18n::Arg;

impl<'a> Ctx<'a> {
    pub(super) fn single_point(&mut self, body: &'a Body, a: &'a BodyAnalysis) {
        // The voters lie on every chain of a body they alone fill, which says nothing.
        let doms: Vec<&String> = a.dominators.iter().filter(|d| !self.is_root(d)).collect();
        let Some(&nearest) = doms.first() else {
            return;
        };
        let sources = self.channel_sources(self.current_position);
        let (place, who) = self.actor(nearest);
        let flag = Flag {
            rule: "single_point_of_control",
            severity: if body.independent {
                Severity::High
            } else {
                Severity::Low
            },
            body: self.id_current(&body.id),
            actor: Some(super::Id(Arc::clone(&who))),
            channel: None,
            value: doms.len() as f64,
            phrase: super::phrase(if doms.len() > 1 {
                key!("flag.single_point_of_control.chain": "body", "who", "chain")
            } else {
                key!("flag.single_point_of_control": "body", "who", "chain")
            })
            .body("body", self.share_current(&body.id))
            .body("who", who)
            .arg(
                "chain",
                Arg::Bodies(doms[1..].iter().map(|d| self.share(d)).collect()),
            ),
            sources,
        };
        self.raise_with_actor(flag, place);
    }
}

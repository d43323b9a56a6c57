//! The de facto layer (codebook R34) and a body's decision rule as a quota of seats (R33).
//!
//! A dataset holds both layers. [`Dataset::in_layer`] gives the state one layer describes:
//! the de jure state drops every de facto element; the de facto state keeps every element,
//! with a body's de facto channels, where it has any, in place of its de jure ones.

use std::borrow::Cow;

use super::{Base, Body, Dataset, Fraction, Layer, Rule, Vote};

impl Dataset {
    /// Whether any channel, edge or bloc belongs to the de facto layer.
    pub fn has_de_facto(&self) -> bool {
        self.edges.iter().any(|e| e.layer == Layer::DeFacto)
            || self.bodies.iter().any(|b| {
                b.channels.iter().any(|c| c.layer == Layer::DeFacto)
                    || b.blocs.iter().any(|k| k.layer == Layer::DeFacto)
            })
    }

    /// The state that `layer` describes; borrowed when nothing differs.
    pub fn in_layer(&self, layer: Layer) -> Cow<'_, Dataset> {
        if !self.has_de_facto() {
            return Cow::Borrowed(self);
        }
        let mut d = self.clone();
        match layer {
            Layer::DeJure => {
                d.edges.retain(|e| e.layer == Layer::DeJure);
                for b in &mut d.bodies {
                    b.channels.retain(|c| c.layer == Layer::DeJure);
                    b.blocs.retain(|k| k.layer == Layer::DeJure);
                }
            }
            Layer::DeFacto => {
                for b in &mut d.bodies {
                    if b.channels.iter().any(|c| c.layer == Layer::DeFacto) {
                        b.channels.retain(|c| c.layer == Layer::DeFacto);
                    }
                }
            }
        }
        Cow::Owned(d)
    }
}

/// The decision rule of a body with none stated: a simple majority of its members.
pub fn default_decision() -> Vote {
    Vote::single(Rule::Approve(Fraction::HALF), Base::Members)
}

impl Body {
    /// The body's decision rule (a simple majority of members when none is stated).
    pub fn decision_rule(&self) -> Vote {
        self.decision.clone().unwrap_or_else(default_decision)
    }

    /// The number of votes that carries a decision, with every member present and voting
    /// (codebook R8's assumption of full attendance, so that "of those present" counts as "of
    /// the members"): more than half for a majority, at least the fraction otherwise; for a
    /// rule stated as a blocking minority, one vote more than the seats that cannot block.
    pub fn decision_quota(&self) -> u32 {
        quota(&self.decision_rule(), self.seats)
    }
}

/// The votes of `seats` members that carry a decision under `vote`'s deciding round.
pub fn quota(vote: &Vote, seats: u32) -> u32 {
    let n = u64::from(seats);
    let at_least = |f: Fraction| (n * u64::from(f.num)).div_ceil(u64::from(f.den));
    let q = match vote.deciding().map(|r| r.rule) {
        None | Some(Rule::Plurality) => n / 2 + 1,
        Some(Rule::Approve(f)) if f == Fraction::HALF => n / 2 + 1,
        Some(Rule::Approve(f)) => at_least(f),
        // Blocked by `at_least(f)` votes: carried once fewer than that remain against.
        Some(Rule::Block(f)) => n + 1 - at_least(f),
    };
    u32::try_from(q.clamp(1, n.max(1))).unwrap_or(seats)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn approve(f: &str) -> Vote {
        Vote::single(Rule::Approve(Fraction::parse(f).unwrap()), Base::Members)
    }

    #[test]
    fn quotas_of_the_usual_rules() {
        assert_eq!(quota(&default_decision(), 98), 50);
        assert_eq!(quota(&default_decision(), 11), 6);
        assert_eq!(quota(&default_decision(), 50), 26);
        assert_eq!(quota(&approve("2/3"), 50), 34);
        assert_eq!(quota(&approve("2/3"), 11), 8);
        assert_eq!(quota(&approve("3/4"), 50), 38);
        let block = Vote::single(Rule::Block(Fraction::parse("1/3").unwrap()), Base::Members);
        // A third (4 of 11) blocks, so 8 carry.
        assert_eq!(quota(&block, 11), 8);
    }
}

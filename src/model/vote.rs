//! Voting rules of a step, and the strength of the veto they give (codebook rule R-VOTE).
//!
//! ```text
//!   vote: (approve: "2/3", of: members, then: [(approve: "1/2", of: members)])
//!          │                             └── fallback rounds: the last one decides
//!          └── blocking quota b = 1 - 2/3 = 1/3 in the first round, 1/2 in the last
//!   veto strength s = 2 (1 - b)   (1 for a simple-majority veto)
//! ```
//!
//! The strength is the probability that the veto is exercised when the share of the body
//! opposing a nominee is uniform on [0, 1], relative to that of a simple-majority veto: a veto
//! that needs three fifths of the votes to be used weighs 0.8, one a third of the members can
//! use (an election by two thirds) weighs 4/3, unanimity to approve weighs 2.

use std::fmt;

/// A fraction of a body written `"a/b"` in RON, with `0 < a/b <= 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fraction {
    pub num: u32,
    pub den: u32,
}

impl Fraction {
    pub const HALF: Fraction = Fraction { num: 1, den: 2 };

    /// Parses `"3/5"` (spaces allowed around the slash); the error says what is expected.
    pub fn parse(s: &str) -> Result<Fraction, String> {
        let bad = || format!("'{s}' is not a fraction such as \"3/5\" between 0 and 1");
        let (a, b) = s.split_once('/').ok_or_else(bad)?;
        let num: u32 = a.trim().parse().map_err(|_| bad())?;
        let den: u32 = b.trim().parse().map_err(|_| bad())?;
        if num == 0 || den == 0 || num > den {
            return Err(bad());
        }
        Ok(Fraction { num, den })
    }

    pub fn value(self) -> f64 {
        f64::from(self.num) / f64::from(self.den)
    }
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

/// Whether the fraction is needed to carry the appointment or to stop it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// At least this fraction must vote for (a majority, `1/2`, means more than half).
    Approve(Fraction),
    /// The appointment fails only if this fraction votes against.
    Block(Fraction),
    /// The candidate with the most votes wins (a last round among several, or a lot): no
    /// minority can block it.
    Plurality,
}

/// The base the fraction is counted on. Recorded and shown; it does not change the strength,
/// since the text fixes no attendance (full attendance is assumed, codebook R-VOTE).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Base {
    /// All members of the body.
    #[default]
    Members,
    /// The votes cast.
    Cast,
    /// The members present.
    Present,
}

impl Base {
    pub const NAMES: [&'static str; 3] = ["members", "cast", "present"];

    pub fn as_str(self) -> &'static str {
        match self {
            Base::Members => "members",
            Base::Cast => "cast",
            Base::Present => "present",
        }
    }

    pub fn parse(s: &str) -> Option<Base> {
        match s {
            "members" => Some(Base::Members),
            "cast" => Some(Base::Cast),
            "present" => Some(Base::Present),
            _ => None,
        }
    }
}

/// One round's rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Round {
    pub rule: Rule,
    pub of: Base,
}

impl Round {
    /// The fraction of the body that suffices to block in this round.
    pub fn blocking_quota(self) -> f64 {
        match self.rule {
            Rule::Block(q) => q.value(),
            Rule::Plurality => 1.0,
            // "More than half" to approve is blocked by half: the simple-majority veto.
            Rule::Approve(q) if q == Fraction::HALF => 0.5,
            Rule::Approve(q) => 1.0 - q.value(),
        }
    }
}

impl fmt::Display for Round {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let of = match self.of {
            Base::Members => "of the members",
            Base::Cast => "of the votes cast",
            Base::Present => "of those present",
        };
        match self.rule {
            Rule::Approve(q) if q == Fraction::HALF => write!(f, "a majority {of} to approve"),
            Rule::Approve(q) => write!(f, "{q} {of} to approve"),
            Rule::Block(q) => write!(f, "{q} {of} to block"),
            Rule::Plurality => write!(f, "a plurality {of}"),
        }
    }
}

/// A step's voting rule: the first round and any fallback rounds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Vote {
    pub rounds: Vec<Round>,
}

impl Vote {
    pub fn single(rule: Rule, of: Base) -> Vote {
        Vote {
            rounds: vec![Round { rule, of }],
        }
    }

    /// The round that decides: the last, since a minority that can block only the earlier
    /// rounds can delay the appointment but not stop it.
    pub fn deciding(&self) -> Option<Round> {
        self.rounds.last().copied()
    }

    /// The deciding round's blocking quota; a simple majority when no round is stated.
    pub fn blocking_quota(&self) -> f64 {
        self.deciding().map_or(0.5, Round::blocking_quota)
    }

    /// The veto's strength, `2 (1 - b)`.
    pub fn veto_strength(&self) -> f64 {
        veto_strength(self.blocking_quota())
    }
}

impl fmt::Display for Vote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, r) in self.rounds.iter().enumerate() {
            if i > 0 {
                f.write_str(", then ")?;
            }
            write!(f, "{r}")?;
        }
        Ok(())
    }
}

/// The strength of a veto that a fraction `b` of the body can exercise, relative to a
/// simple-majority veto: `2 (1 - b)`, clamped to [0, 2].
pub fn veto_strength(blocking_quota: f64) -> f64 {
    (2.0 * (1.0 - blocking_quota)).clamp(0.0, 2.0)
}

/// The strength of a step with no stated rule: a single official's consent, or the
/// constitutional default of a simple majority.
pub const DEFAULT_VETO_STRENGTH: f64 = 1.0;

#[cfg(test)]
mod tests {
    use super::*;

    fn approve(s: &str) -> Vote {
        Vote::single(Rule::Approve(Fraction::parse(s).unwrap()), Base::Members)
    }

    fn block(s: &str) -> Vote {
        Vote::single(Rule::Block(Fraction::parse(s).unwrap()), Base::Cast)
    }

    #[test]
    fn a_simple_majority_veto_weighs_one() {
        assert_eq!(approve("1/2").veto_strength(), 1.0);
        assert_eq!(block("1/2").veto_strength(), 1.0);
    }

    #[test]
    fn a_veto_that_needs_three_fifths_weighs_less_than_one_used_by_a_majority() {
        assert!((block("3/5").veto_strength() - 0.8).abs() < 1e-12);
        assert!(block("3/5").veto_strength() < approve("1/2").veto_strength());
        assert!(block("2/3").veto_strength() < block("3/5").veto_strength());
    }

    #[test]
    fn an_election_by_two_thirds_gives_the_minority_more_than_one_by_a_majority() {
        assert!((approve("2/3").veto_strength() - 4.0 / 3.0).abs() < 1e-12);
        assert!(approve("2/3").veto_strength() > approve("1/2").veto_strength());
        assert_eq!(approve("1/1").veto_strength(), 2.0);
    }

    #[test]
    fn the_last_round_decides() {
        let v = Vote {
            rounds: vec![
                Round {
                    rule: Rule::Approve(Fraction::parse("2/3").unwrap()),
                    of: Base::Members,
                },
                Round {
                    rule: Rule::Approve(Fraction::parse("3/5").unwrap()),
                    of: Base::Members,
                },
                Round {
                    rule: Rule::Approve(Fraction::HALF),
                    of: Base::Members,
                },
            ],
        };
        assert_eq!(v.veto_strength(), 1.0);
        assert_eq!(
            v.to_string(),
            "2/3 of the members to approve, then 3/5 of the members to approve, then a majority of the members to approve"
        );
    }

    #[test]
    fn a_plurality_cannot_be_blocked() {
        let v = Vote::single(Rule::Plurality, Base::Cast);
        assert_eq!(v.veto_strength(), 0.0);
        assert_eq!(v.to_string(), "a plurality of the votes cast");
    }

    #[test]
    fn fractions_are_checked() {
        assert_eq!(Fraction::parse(" 3 / 5 ").unwrap().to_string(), "3/5");
        for bad in ["", "3", "0/5", "6/5", "a/b", "1/0", "-1/2"] {
            assert!(Fraction::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn strength_is_monotone_in_the_blocking_quota() {
        let mut last = f64::INFINITY;
        for i in 0..=100 {
            let s = veto_strength(f64::from(i) / 100.0);
            assert!(s <= last && (0.0..=2.0).contains(&s));
            last = s;
        }
    }
}

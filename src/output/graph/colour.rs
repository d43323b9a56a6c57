//! Principals' colours that do not move: a principal keeps its colour across reform states,
//! weights and the datasets of one jurisdiction, so that two figures side by side can be read
//! together (the Mazhilis is blue in the baseline and with P5+P10, and the Kurultai of 2026,
//! the chamber that took its place, is blue too).
//!
//! The palette is Okabe and Ito's, safe for the common colour-vision deficiencies. Each colour
//! comes with a hatch of its own, so that bars and swatches still tell principals apart in a
//! monochrome print. A principal's slot follows from what it is, not from its place in the
//! analysis: the electorate, the head of state and the chambers have fixed slots by role;
//! any other principal takes a free slot chosen by a hash of its id (FNV-1a, the same on
//! every machine), the next free one if two such principals of one state meet.

use std::collections::BTreeMap;

use crate::model::{Body, Role};

/// A colour and its monochrome stand-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Swatch {
    pub color: &'static str,
    pub name: &'static str,
    /// The hatch drawn over the colour: `None` for plain.
    pub hatch: Option<Hatch>,
}

/// A hatch pattern: lines at an angle (degrees), or dots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hatch {
    Lines(i32),
    Cross,
    Dots,
}

/// Okabe-Ito (2008), with a mid grey in place of black, which would hide text and bars.
pub const PALETTE: [Swatch; 8] = [
    Swatch {
        color: "#999999",
        name: "grey",
        hatch: None,
    },
    Swatch {
        color: "#d55e00",
        name: "vermillion",
        hatch: Some(Hatch::Lines(45)),
    },
    Swatch {
        color: "#0072b2",
        name: "blue",
        hatch: Some(Hatch::Lines(-45)),
    },
    Swatch {
        color: "#56b4e9",
        name: "sky blue",
        hatch: Some(Hatch::Lines(0)),
    },
    Swatch {
        color: "#009e73",
        name: "bluish green",
        hatch: Some(Hatch::Dots),
    },
    Swatch {
        color: "#e69f00",
        name: "orange",
        hatch: Some(Hatch::Lines(90)),
    },
    Swatch {
        color: "#cc79a7",
        name: "reddish purple",
        hatch: Some(Hatch::Cross),
    },
    Swatch {
        color: "#f0e442",
        name: "yellow",
        hatch: None,
    },
];

/// The slot a role fixes, for the principals every state has in some form.
fn by_role(role: Role) -> Option<usize> {
    match role {
        Role::Electorate => Some(0),
        Role::HeadOfState => Some(1),
        // A unicameral legislature takes the place of the lower chamber: kz-2026's Kurultai
        // succeeds the Mazhilis.
        Role::LowerChamber | Role::Legislature => Some(2),
        Role::UpperChamber => Some(3),
        Role::LocalCouncil => Some(4),
        _ => None,
    }
}

/// Slots that no role fixes, for the other principals.
const FREE: [usize; 3] = [5, 6, 7];

fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The swatch of each principal of a state: `principals` are the bodies (or, for an id
/// without a body, `None`) in any order; the result does not depend on it.
pub fn assign(principals: &[(&str, Option<&Body>)]) -> BTreeMap<String, Swatch> {
    let mut sorted: Vec<(&str, Option<Role>)> = principals
        .iter()
        .map(|(id, b)| (*id, b.and_then(|b| b.role)))
        .collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    sorted.dedup_by(|a, b| a.0 == b.0);
    let mut taken = [false; PALETTE.len()];
    let mut out = BTreeMap::new();
    let mut rest = Vec::new();
    for (id, role) in sorted {
        match role.and_then(by_role) {
            // Two principals of one role (rare) share nothing: the second is treated as other.
            Some(slot) if !taken[slot] => {
                taken[slot] = true;
                out.insert(id.to_string(), PALETTE[slot]);
            }
            _ => rest.push(id),
        }
    }
    for id in rest {
        let start = (fnv1a(id) % FREE.len() as u64) as usize;
        // The free slots first, from the hashed one; then any slot a role left unused;
        // past eight principals colours repeat (the hatch and the legend's names still tell).
        let slot = (0..FREE.len())
            .map(|k| FREE[(start + k) % FREE.len()])
            .chain(0..PALETTE.len())
            .find(|s| !taken[*s])
            .unwrap_or(FREE[start]);
        taken[slot] = true;
        out.insert(id.to_string(), PALETTE[slot]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_principal_keeps_its_colour_whatever_else_is_there() {
        let ds = crate::data::resolve("kz-2022").unwrap();
        let b = |id: &str| ds.body(id);
        let base = assign(&[
            ("electorate", b("electorate")),
            ("president", b("president")),
            ("mazhilis", b("mazhilis")),
            ("maslikhats", b("maslikhats")),
        ]);
        let more = assign(&[
            ("senate", b("senate")),
            ("maslikhats", b("maslikhats")),
            ("electorate", b("electorate")),
            ("president", b("president")),
            ("mazhilis", b("mazhilis")),
        ]);
        for (id, s) in &base {
            assert_eq!(more[id], *s, "{id}");
        }
        assert_eq!(base["mazhilis"].name, "blue");
        assert_eq!(base["president"].name, "vermillion");
    }

    #[test]
    fn colours_are_distinct_within_a_state() {
        let ids = ["a", "b", "c", "d"];
        let got = assign(&ids.map(|i| (i, None)));
        let colours: std::collections::BTreeSet<_> = got.values().map(|s| s.color).collect();
        assert_eq!(colours.len(), 4);
    }
}

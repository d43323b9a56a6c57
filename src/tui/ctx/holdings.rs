//! Which bodies each body holds seats in: the Graph view's right column, read without a pass
//! over every body when a body is selected (at 100,000 bodies that pass was most of the view's
//! first opening). Built with each analysis, off the frame path for a reform switch.

use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::model::BodyId;

/// For each actor, the positions (in the dataset, as in the analysis) of the bodies in whose
/// channels it has a share, ascending: every body whose `direct` may name it, and no other.
#[derive(Debug, Clone, Default)]
pub struct Holdings(HashMap<BodyId, Vec<usize>>);

impl Holdings {
    pub fn of(analysis: &Analysis) -> Holdings {
        let mut out: HashMap<BodyId, Vec<usize>> = HashMap::new();
        for (to, a) in analysis.bodies.iter().enumerate() {
            for s in a.channels.iter().flat_map(|c| &c.shares) {
                match out.get_mut(s.actor.as_str()) {
                    // `to` ascends, so a repeat is the last one pushed.
                    Some(v) if v.last() == Some(&to) => {}
                    Some(v) => v.push(to),
                    None => {
                        out.insert(s.actor.clone(), vec![to]);
                    }
                }
            }
        }
        Holdings(out)
    }

    /// The positions of the bodies in whose channels `actor` has a share, ascending.
    pub fn of_actor(&self, actor: &str) -> &[usize] {
        self.0.get(actor).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze};

    /// Every body that holds seats of another directly is found through the holdings, in the
    /// dataset's order, in each embedded state that has many bodies holding seats.
    #[test]
    fn the_holdings_name_every_body_a_body_holds_seats_in() {
        for id in ["kz-2022", "kz-2026", "us", "fr"] {
            let d = crate::data::resolve(id).unwrap();
            let a = analyze(&d, &Options::of(&d)).unwrap();
            let h = Holdings::of(&a);
            for b in &d.bodies {
                let every: Vec<usize> = (0..a.bodies.len())
                    .filter_map(|i| a.bodies[i].direct.get(b.id.as_str()).map(|_| i))
                    .collect();
                let found: Vec<usize> = h
                    .of_actor(&b.id)
                    .iter()
                    .copied()
                    .filter_map(|i| a.bodies[i].direct.get(b.id.as_str()).map(|_| i))
                    .collect();
                assert_eq!(found, every, "{id}: {}", b.id);
            }
            assert!(
                d.bodies.iter().any(|b| !h.of_actor(&b.id).is_empty()),
                "{id}"
            );
        }
    }
}

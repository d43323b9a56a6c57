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

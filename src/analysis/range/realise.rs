//! Realising one combination of readings on a working copy of the dataset.
//!
//! Complexity: one copy of the dataset in all, then per combination O(the channels and edges
//! a reading bears on), plus O(E) after a reading that removed an edge.

use super::Space;
use crate::analysis::Options;
use crate::model::Dataset;

/// Realises combinations of a [`Space`] on one working copy of the dataset instead of a
/// copy per combination: before each, the channels and edges any reading may change are put
/// back as the dataset has them, then the chosen readings are applied in place
/// ([`Dataset::apply_choice`]). A combination reading every element as coded is the dataset
/// itself. Cost per combination: O(channels and edges contested), plus O(E) only after a
/// reading that removed an edge; the one copy is O(dataset).
pub(super) struct Realiser<'a> {
    space: &'a Space,
    base: &'a Dataset,
    work: Option<Dataset>,
    /// (body position, channel position) of every channel a reading bears on, directly or
    /// through one of its steps.
    channels: Vec<(usize, usize)>,
    /// Positions of every edge a reading bears on.
    edges: Vec<usize>,
    /// The working copy has readings applied.
    dirty: bool,
    /// A reading removed edges from the working copy.
    pruned: bool,
}

impl<'a> Realiser<'a> {
    pub(super) fn new(space: &'a Space, base: &'a Dataset) -> Realiser<'a> {
        use crate::model::alt::Target;
        let mut channels = Vec::new();
        let mut edges = Vec::new();
        for t in space.contested.iter().flat_map(|c| &c.targets) {
            match t {
                Target::Channel { body, channel } | Target::Step { body, channel, .. } => {
                    // Readings never add, remove or rename bodies or channels, so positions
                    // in the dataset are positions in the working copy.
                    if let Some(bi) = base.bodies.iter().position(|b| b.id == *body) {
                        for (ci, c) in base.bodies[bi].channels.iter().enumerate() {
                            if c.id == *channel {
                                channels.push((bi, ci));
                            }
                        }
                    }
                }
                // A reading may change an edge's kind and so its key, but the edge a later
                // reading then finds by key is one of these or one changed before it.
                Target::Edge(key) => edges.extend(
                    base.edges
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| e.has_key(key))
                        .map(|(i, _)| i),
                ),
            }
        }
        channels.sort_unstable();
        channels.dedup();
        edges.sort_unstable();
        edges.dedup();
        Realiser {
            space,
            base,
            work: None,
            channels,
            edges,
            dirty: false,
            pruned: false,
        }
    }

    /// What [`Space::realise`] gives, without the copy.
    pub(super) fn realise(&mut self, options: &Options, choice: &[usize]) -> (&Dataset, Options) {
        let (readings, options) = self.space.readings_and_options(options, choice);
        if readings.iter().all(|&k| k == 0) {
            return (self.base, options);
        }
        let base = self.base;
        let work = self.work.get_or_insert_with(|| base.clone());
        if self.dirty {
            if self.pruned {
                work.edges.clone_from(&base.edges);
            } else {
                for &i in &self.edges {
                    work.edges[i].clone_from(&base.edges[i]);
                }
            }
            for &(bi, ci) in &self.channels {
                work.bodies[bi].channels[ci].clone_from(&base.bodies[bi].channels[ci]);
            }
        }
        self.pruned = work.apply_choice(&self.space.contested, &readings);
        self.dirty = true;
        (work, options)
    }
}

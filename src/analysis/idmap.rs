//! The analysis's per-body maps by position: each map holds a shared table of ids, sorted, and
//! the entries it has as `(place in the table, value)`, in table order. A map reads like the
//! `BTreeMap<BodyId, _>` it replaced (the same entries, in id order), but the analysis builds
//! it from positions without an owned key per entry: at 100,000 bodies the owned keys were
//! about half of the export's time (allocating, comparing and freeing them) and a third of
//! its memory.

use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasher;
use std::sync::Arc;

use serde::Serialize;

use crate::model::BodyId;

/// Ids sorted and unique, shared by every map of one analysis that indexes into them.
pub type Ids = Arc<[BodyId]>;

/// A shared table as the maps hold it: one pointer (an [`Ids`] is two), so that a map is 24
/// bytes; the analysis holds several per body.
pub(crate) type Table = Arc<Ids>;

/// A map from ids of a shared table to values, in id order.
#[derive(Clone)]
pub struct IdMap<V> {
    ids: Table,
    /// Boxed rather than a vector: a map is built once and never grows, and an analysis holds
    /// several per body (100,000 bodies: 8 bytes each, a few MB).
    entries: Box<[(u32, V)]>,
}

/// A body's figures by id: seats by actor, shares by principal.
pub type Shares = IdMap<f64>;

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap {
            ids: Arc::new(Arc::from(Vec::new())),
            entries: Box::default(),
        }
    }
}

impl<V> IdMap<V> {
    /// A map over the table `ids` (sorted, unique; shared by the maps over it, see
    /// [`IdMap::table`]) of `entries`, whose places must be increasing and within `ids`.
    pub(crate) fn over(ids: &Table, entries: Vec<(u32, V)>) -> Self {
        debug_assert!(entries.windows(2).all(|w| w[0].0 < w[1].0));
        debug_assert!(entries.last().is_none_or(|e| (e.0 as usize) < ids.len()));
        IdMap {
            ids: ids.clone(),
            entries: entries.into_boxed_slice(),
        }
    }

    /// The table as the map shares it, for [`IdMap::over`].
    pub(crate) fn table(&self) -> &Table {
        &self.ids
    }

    /// The table the map's places index into.
    pub fn ids(&self) -> &Ids {
        &self.ids
    }

    /// The entries as (place in [`IdMap::ids`], value), in id order.
    pub fn entries(&self) -> &[(u32, V)] {
        &self.entries
    }

    /// The place of `key` in the table, whether or not the map has it: one search per
    /// key for readers that look the same key up in many maps sharing a table.
    pub fn place(&self, key: &str) -> Option<u32> {
        place_in(&self.ids, key)
    }

    /// The value at a place of the table.
    pub fn at(&self, place: u32) -> Option<&V> {
        // Maps over the principals hold every place: try the place itself first.
        match self.entries.get(place as usize) {
            Some((p, v)) if *p == place => Some(v),
            _ => self
                .entries
                .binary_search_by_key(&place, |e| e.0)
                .ok()
                .map(|i| &self.entries[i].1),
        }
    }

    /// The value of `key`, whose place in `ids` is `place`: by the place when the map is over
    /// `ids` (no string compared), by the key otherwise.
    pub fn get_placed(&self, ids: &Ids, place: Option<u32>, key: &str) -> Option<&V> {
        if Arc::ptr_eq(&*self.ids, ids) {
            place.and_then(|p| self.at(p))
        } else {
            self.get(key)
        }
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.entries
            .binary_search_by(|(p, _)| self.ids[*p as usize].as_str().cmp(key))
            .ok()
            .map(|i| &self.entries[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn iter(&self) -> Iter<'_, V> {
        Iter {
            ids: &self.ids,
            entries: self.entries.iter(),
        }
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &BodyId> + ExactSizeIterator + '_ {
        self.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + '_ {
        self.entries.iter().map(|(_, v)| v)
    }
}

/// Items `0..n` grouped by their places in a table of `places` ids, in one flat vector (a
/// counting sort: O(n + places), no vector per place).
#[derive(Default)]
pub(crate) struct ByPlace {
    /// The items at place `p` are `at[start[p]..start[p + 1]]`, in their order.
    start: Vec<u32>,
    at: Vec<u32>,
}

impl ByPlace {
    /// Groups the items by `of` (each item's place); an item with no place is given to
    /// `unplaced`, in order.
    pub(crate) fn new(places: usize, of: &[Option<u32>], mut unplaced: impl FnMut(u32)) -> Self {
        let mut start = vec![0u32; places + 1];
        for p in of.iter().flatten() {
            start[*p as usize + 1] += 1;
        }
        for p in 0..places {
            start[p + 1] += start[p];
        }
        let mut next = start.clone();
        let mut at = vec![0u32; start[places] as usize];
        for (i, p) in (0..).zip(of) {
            match p {
                Some(p) => {
                    at[next[*p as usize] as usize] = i;
                    next[*p as usize] += 1;
                }
                None => unplaced(i),
            }
        }
        Self { start, at }
    }

    /// The items at place `p`, in their order.
    pub(crate) fn at(&self, p: u32) -> &[u32] {
        &self.at[self.start[p as usize] as usize..self.start[p as usize + 1] as usize]
    }
}

/// The place of `key` in sorted `ids`.
pub(crate) fn place_in(ids: &[BodyId], key: &str) -> Option<u32> {
    ids.binary_search_by(|id| id.as_str().cmp(key))
        .ok()
        .map(|i| i as u32)
}

/// Ids sorted and made unique, as a table for [`IdMap`].
pub(crate) fn sorted_ids<'a>(ids: impl IntoIterator<Item = &'a str>) -> Ids {
    let mut v: Vec<&str> = ids.into_iter().collect();
    v.sort_unstable();
    v.dedup();
    v.into_iter().map(str::to_string).collect()
}

/// A map with its own table, from pairs in any order; a later pair replaces an earlier one
/// with the same key, as a `BTreeMap` collects.
impl<V> FromIterator<(BodyId, V)> for IdMap<V> {
    fn from_iter<I: IntoIterator<Item = (BodyId, V)>>(iter: I) -> Self {
        let map: std::collections::BTreeMap<BodyId, V> = iter.into_iter().collect();
        let (ids, values): (Vec<BodyId>, Vec<V>) = map.into_iter().unzip();
        IdMap {
            ids: Arc::new(ids.into()),
            entries: (0..).zip(values).collect(),
        }
    }
}

/// Iterator over an [`IdMap`]'s `(id, value)` in id order.
pub struct Iter<'a, V> {
    ids: &'a [BodyId],
    entries: std::slice::Iter<'a, (u32, V)>,
}

impl<'a, V> Iterator for Iter<'a, V> {
    type Item = (&'a BodyId, &'a V);

    fn next(&mut self) -> Option<Self::Item> {
        self.entries
            .next()
            .map(|(p, v)| (&self.ids[*p as usize], v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.entries.size_hint()
    }
}

impl<V> DoubleEndedIterator for Iter<'_, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.entries
            .next_back()
            .map(|(p, v)| (&self.ids[*p as usize], v))
    }
}

impl<V> ExactSizeIterator for Iter<'_, V> {}

impl<'a, V> IntoIterator for &'a IdMap<V> {
    type Item = (&'a BodyId, &'a V);
    type IntoIter = Iter<'a, V>;

    fn into_iter(self) -> Iter<'a, V> {
        self.iter()
    }
}

impl<V> std::ops::Index<&str> for IdMap<V> {
    type Output = V;

    fn index(&self, key: &str) -> &V {
        self.get(key)
            .unwrap_or_else(|| panic!("no entry for '{key}'"))
    }
}

impl<V: fmt::Debug> fmt::Debug for IdMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Equal by entries, whatever tables they index into.
impl<V: PartialEq> PartialEq for IdMap<V> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<V: Serialize> Serialize for IdMap<V> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_map(self.iter())
    }
}

/// The position of each body of an analysis by id, without an owned id per body: a hash of
/// each id to its place in a sorted table the analysis's maps share.
#[derive(Clone)]
pub struct BodyIndex {
    ids: Ids,
    /// Per place of `ids`: the position of the (last) body with that id, or `usize::MAX`
    /// for an actor that is no body.
    positions: Vec<usize>,
    /// Hash of an id -> its place; ids whose hash another id took are found by a search.
    hashed: HashMap<u64, u32, rustc_hash::FxBuildHasher>,
}

impl BodyIndex {
    /// The index over `ids` of the bodies whose ids are at `places` (by position); a place
    /// of several bodies keeps the last, as a map collected by position does.
    pub(crate) fn new(ids: Ids, places: &[u32]) -> BodyIndex {
        let mut positions = vec![usize::MAX; ids.len()];
        for (i, &p) in places.iter().enumerate() {
            positions[p as usize] = i;
        }
        let mut hashed = HashMap::with_capacity_and_hasher(ids.len(), rustc_hash::FxBuildHasher);
        for (p, id) in ids.iter().enumerate() {
            hashed
                .entry(rustc_hash::FxBuildHasher.hash_one(id.as_str()))
                .or_insert(p as u32);
        }
        BodyIndex {
            ids,
            positions,
            hashed,
        }
    }

    /// The table of ids the index (and the maps by actor) are over.
    pub fn ids(&self) -> &Ids {
        &self.ids
    }

    /// The place of `id` in [`BodyIndex::ids`].
    pub fn place(&self, id: &str) -> Option<u32> {
        let p = *self.hashed.get(&rustc_hash::FxBuildHasher.hash_one(id))?;
        if self.ids[p as usize] == id {
            Some(p)
        } else {
            place_in(&self.ids, id)
        }
    }

    /// The position of the body with `id`.
    pub fn get(&self, id: &str) -> Option<&usize> {
        self.place(id)
            .map(|p| &self.positions[p as usize])
            .filter(|i| **i != usize::MAX)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// The position of the body at each place, `usize::MAX` for an actor that is no body.
    pub fn positions(&self) -> &[usize] {
        &self.positions
    }
}

impl Default for BodyIndex {
    fn default() -> Self {
        BodyIndex::new(Arc::from(Vec::new()), &[])
    }
}

impl PartialEq for BodyIndex {
    fn eq(&self, other: &Self) -> bool {
        self.ids == other.ids && self.positions == other.positions
    }
}

impl fmt::Debug for BodyIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(
                self.ids
                    .iter()
                    .zip(&self.positions)
                    .filter(|(_, i)| **i != usize::MAX),
            )
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_grouped_by_place_keep_their_order() {
        let mut unplaced = Vec::new();
        let g = ByPlace::new(3, &[Some(2), None, Some(0), Some(2), None], |i| {
            unplaced.push(i)
        });
        assert_eq!(
            (g.at(0), g.at(1), g.at(2)),
            (&[2][..], &[][..], &[0, 3][..])
        );
        assert_eq!(unplaced, [1, 4]);
    }

    #[test]
    fn reads_like_the_btreemap_it_replaced() {
        let m: Shares = [("b".to_string(), 2.0), ("a".to_string(), 1.0)]
            .into_iter()
            .collect();
        assert_eq!(m.len(), 2);
        assert_eq!(m.get("a"), Some(&1.0));
        assert_eq!(m["b"], 2.0);
        assert!(!m.contains_key("c"));
        assert_eq!(m.keys().map(String::as_str).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(format!("{m:?}"), r#"{"a": 1.0, "b": 2.0}"#);
        assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"a":1.0,"b":2.0}"#);
    }

    #[test]
    fn sparse_maps_over_one_table() {
        let ids = sorted_ids(["p", "q", "r"]);
        let m = IdMap::over(&Arc::new(ids.clone()), vec![(0, 1.0), (2, 3.0)]);
        assert_eq!(m.at(2), Some(&3.0));
        assert_eq!(m.at(1), None);
        assert_eq!(m.get("r"), Some(&3.0));
        assert_eq!(m.place("q"), Some(1));
        let n: Shares = [("p".to_string(), 1.0), ("r".to_string(), 3.0)]
            .into_iter()
            .collect();
        assert_eq!(m, n);
    }

    #[test]
    fn the_index_finds_bodies_not_actors() {
        let ids = sorted_ids(["b", "a", "people"]);
        let ix = BodyIndex::new(ids, &[1, 0]);
        assert_eq!(ix.get("a"), Some(&1));
        assert_eq!(ix.get("b"), Some(&0));
        assert_eq!(ix.get("people"), None);
        assert_eq!(ix.get("c"), None);
        assert_eq!(ix.place("people"), Some(2));
    }
}

//! Switching presets on and off, in any order, leaves exactly the state the active set
//! defines: off again means the baseline again. And any of the 2048 subsets of the eleven
//! presets can be active together.

use std::collections::BTreeSet;

use bilik::analysis::{Options, analyze};
use bilik::reform::{self, Scenario};
use proptest::prelude::*;

use super::{baseline, presets};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn toggling_restores_the_earlier_state_exactly(toggles in prop::collection::vec(0usize..11, 1..16)) {
        let base = baseline();
        let set = presets();
        let ids: Vec<String> = set.ids().iter().map(|s| s.to_string()).collect();
        let mut scenario = Scenario::new(base.clone(), set.clone());
        let mut on: BTreeSet<usize> = BTreeSet::new();
        for &t in &toggles {
            let before = scenario.reformed().unwrap();
            let now = scenario.toggle(&ids[t]);
            prop_assert_eq!(now, on.insert(t) || { on.remove(&t); false });
            // The active list stays in file order, whatever the order of toggling.
            let expected: Vec<String> = on.iter().map(|&i| ids[i].clone()).collect();
            prop_assert_eq!(&scenario.active, &expected);
            let after = scenario.reformed().unwrap();
            // The state depends on the set, not on the path: the same set applied afresh.
            prop_assert_eq!(&after, &reform::apply(&base, &set, &expected).unwrap());
            // Toggling back restores the earlier state exactly.
            scenario.toggle(&ids[t]);
            prop_assert_eq!(&scenario.reformed().unwrap(), &before);
            scenario.toggle(&ids[t]);
        }
        let last = scenario.reformed().unwrap();
        let a = analyze(&last, &Options::of(&last));
        prop_assert!(a.is_ok(), "{:?}: {:?}", scenario.active, a.err());
        scenario.reset();
        prop_assert_eq!(&scenario.reformed().unwrap(), &base);
        prop_assert_eq!(analyze(&base, &Options::of(&base)).unwrap(), analyze(&scenario.reformed().unwrap(), &Options::of(&base)).unwrap());
    }
}

#[test]
fn every_subset_of_the_eleven_applies_and_is_analysed() {
    let base = baseline();
    let set = presets();
    let ids: Vec<String> = set.ids().iter().map(|s| s.to_string()).collect();
    for mask in 0u32..(1 << ids.len()) {
        let active: Vec<String> = (0..ids.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| ids[i].clone())
            .collect();
        let after =
            reform::apply(&base, &set, &active).unwrap_or_else(|e| panic!("{active:?}: {e}"));
        let a = analyze(&after, &Options::of(&after));
        assert!(a.is_ok(), "{active:?}: {:?}", a.err());
    }
}

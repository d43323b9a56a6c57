//! The aligned index (codebook R21-R23): the head of state's hold with each elected principal
//! counted as his in proportion to its de jure alignment with him, blended with the powers the
//! text gives him beyond appointments.
//!
//! ```text
//! a(p)    = (R21 features present on p) / 5          for every principal somebody fills
//! hold_a  = the hold with hold(p) = a(p) instead of 0   (hold::holds_weighted)
//! aligned = mean over the classes present of the class mean of hold_a
//! index   = (Σ_classes class mean of hold_a + powers present) / (classes + 3)
//! ```
//!
//! `a = 0` everywhere gives today's hold, `a = 1` everywhere the "unified" variant, both
//! exactly. Each R22 power weighs as much as one class of independent bodies: the codebook
//! (R23) gives the legal reason, and no weight here is fitted to any ranking.

use crate::model::{Alignment, Body, BodyId, Dataset, Power};

/// One elected principal's alignment with the head of state (codebook R21).
#[derive(Debug, Clone, PartialEq)]
pub struct PrincipalAlignment {
    pub id: BodyId,
    /// The features its text has, in vocabulary order (each cited in the dataset).
    pub features: Vec<Alignment>,
    /// `features / 5`, in [0, 1].
    pub alignment: f64,
}

/// The share of the R21 features `body` carries, in [0, 1].
pub fn alignment(body: &Body) -> f64 {
    body.alignment.len() as f64 / Alignment::ALL.len() as f64
}

/// The alignment of each principal in `principals` (the bodies the unified variant counts as
/// his), in that order. A principal absent from the dataset carries no feature.
pub fn alignments(dataset: &Dataset, principals: &[BodyId]) -> Vec<PrincipalAlignment> {
    principals
        .iter()
        .map(|id| match dataset.body(id) {
            Some(b) => PrincipalAlignment {
                id: id.clone(),
                features: b.alignment.keys().copied().collect(),
                alignment: alignment(b),
            },
            None => PrincipalAlignment {
                id: id.clone(),
                features: Vec::new(),
                alignment: 0.0,
            },
        })
        .collect()
}

/// The head set of the aligned hold: the head of state wholly, each principal by its alignment.
pub fn head_set(head: &str, principals: &[PrincipalAlignment]) -> Vec<(BodyId, f64)> {
    std::iter::once((head.to_string(), 1.0))
        .chain(principals.iter().map(|p| (p.id.clone(), p.alignment)))
        .collect()
}

/// The R22 powers the head of state's text grants, in vocabulary order.
pub fn powers(head: &Body) -> Vec<Power> {
    head.powers.keys().copied().collect()
}

/// The index of codebook R23 from the class means of the aligned hold and the number of powers
/// present: every class and every power one component of equal weight.
pub fn index(class_means: &[f64], powers_present: usize) -> f64 {
    let components = class_means.len() + Power::ALL.len();
    (class_means.iter().sum::<f64>() + powers_present as f64) / components as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze};
    use crate::comparative::indicators::tests::mini;
    use crate::comparative::{Indicators, indicators};
    use crate::model::Role;
    use proptest::prelude::*;

    fn measure(ds: &Dataset) -> Indicators {
        let a = analyze(ds, &Options::of(ds)).unwrap();
        indicators(ds, &a).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    /// `mini` with the first `n` R21 features on Parliament and the first `k` R22 powers on the
    /// President, cited by article numbers of the mini state.
    fn with(n: usize, k: usize) -> Dataset {
        let mut ds = mini();
        let p = ds.body_mut("parliament").unwrap();
        for f in &Alignment::ALL[..n] {
            p.alignment.insert(*f, format!("art. 3 ({f})"));
        }
        let h = ds.body_mut("president").unwrap();
        for w in &Power::ALL[..k] {
            h.powers.insert(*w, format!("art. 2 ({w})"));
        }
        ds
    }

    #[test]
    fn the_mini_state_by_hand() {
        // Parliament with 2 of 5 features: a = 0.4, so hold(parliament) = 0.4.
        // Court (3 seats): Chair = his pick with Parliament's consent, d = 1/2:
        //   1 * (1 - 0.5 * (1 - 0.4)) = 0.7; his judge 1; Parliament's judge 0.4.
        //   (0.7 + 1 + 0.4) / 3 = 0.7.
        // Prosecutor 1 (his, at will); auditor elected by Parliament 0.4; bank 1 (at will).
        // aligned hold = (0.7 + 1 + 0.4 + 1) / 4 = 0.775.
        // With 1 power: index = (0.7 + 1 + 0.4 + 1 + 1) / (4 + 3) = 4.1 / 7.
        let i = measure(&with(2, 1));
        assert_eq!(i.alignments.len(), 1);
        assert_eq!(i.alignments[0].id, "parliament");
        assert_eq!(
            i.alignments[0].features,
            [Alignment::ConcurrentElections, Alignment::HeadMayLeadParty]
        );
        assert!(close(i.alignments[0].alignment, 0.4));
        assert!(close(
            i.class(Role::ConstitutionalReview).unwrap().aligned,
            0.7
        ));
        assert!(close(i.body("auditor").unwrap().aligned, 0.4));
        assert!(close(i.aligned_hold, 0.775));
        assert_eq!(i.powers, [Power::DecreesWithForceOfLaw]);
        assert!(close(i.head_of_state_concentration_aligned, 4.1 / 7.0));
        let scalars: std::collections::BTreeMap<_, _> = i.scalars().into_iter().collect();
        assert!(close(
            scalars["head_of_state_concentration_aligned"],
            4.1 / 7.0
        ));
        assert!(close(scalars["aligned_hold"], 0.775));
        assert_eq!(scalars["powers_present"], 1.0);
    }

    #[test]
    fn no_alignment_is_the_hold_and_full_alignment_is_unified_exactly() {
        let none = measure(&with(0, 0));
        assert_eq!(none.aligned_hold, none.head_of_state_concentration);
        for b in &none.bodies {
            assert_eq!(b.aligned, b.held, "{}", b.id);
        }
        // Without powers the index is the hold diluted by the three absent powers: 2.5 / 7.
        assert!(close(none.head_of_state_concentration_aligned, 2.5 / 7.0));
        let all = measure(&with(Alignment::ALL.len(), 0));
        assert_eq!(all.aligned_hold, all.unified);
        for b in &all.bodies {
            assert_eq!(b.aligned, b.unified, "{}", b.id);
        }
    }

    #[test]
    fn each_power_adds_one_component() {
        // 4 classes + 3 powers = 7 components; each power adds exactly 1/7.
        let base = measure(&with(3, 0)).head_of_state_concentration_aligned;
        for k in 1..=Power::ALL.len() {
            let i = measure(&with(3, k));
            assert!(close(
                i.head_of_state_concentration_aligned,
                base + k as f64 / 7.0
            ));
            // The appointments part does not move.
            assert_eq!(i.aligned_hold, measure(&with(3, 0)).aligned_hold);
        }
        assert!(close(index(&[0.5, 1.0], 3), 4.5 / 5.0));
        assert!(close(index(&[], 0), 0.0));
    }

    #[test]
    fn a_remover_at_will_counts_by_its_alignment() {
        // Parliament (a = 0.6) may dismiss the auditor at will: g = 0.6 + (1 - 0.6) * 0.6 =
        // 0.84 (its pick, then the removal as its chance of being his).
        let mut ds = with(3, 0);
        ds.edges.push(crate::model::Edge {
            from: "parliament".into(),
            to: "auditor".into(),
            kind: crate::model::EdgeKind::DismissAtWill,
            channel: None,
            after_refusals: None,
            covers: Vec::new(),
            bars: String::new(),
            threshold: None,
            source: "art. 6(2)".into(),
            confidence: crate::model::Confidence::High,
            note: String::new(),
            alternatives: Vec::new(),
            layer: Default::default(),
        });
        let i = measure(&ds);
        assert!(close(i.body("auditor").unwrap().aligned, 0.84));
        assert_eq!(i.body("auditor").unwrap().held, 0.0);
        assert_eq!(i.body("auditor").unwrap().unified, 1.0);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// On random states: the endpoints exactly, and the aligned hold between them.
        #[test]
        fn random_states_run_from_the_hold_to_unified(
            text in crate::comparative::indicators::tests::random_state(),
            n in 0usize..=5,
        ) {
            let mut ds = crate::model::load_str("random.ron", &text).unwrap();
            let i = measure(&ds);
            prop_assert_eq!(i.aligned_hold, i.head_of_state_concentration);
            // Every principal the unified variant counts as his (Parliament, and any body the
            // voters fill directly) gets the first n features.
            for p in &i.aligned {
                for f in &Alignment::ALL[..n] {
                    ds.body_mut(p).unwrap().alignment.insert(*f, "a".into());
                }
            }
            let j = measure(&ds);
            prop_assert!(j.aligned_hold + 1e-12 >= i.aligned_hold);
            prop_assert!(j.aligned_hold <= j.unified + 1e-12);
            if n == Alignment::ALL.len() {
                prop_assert_eq!(j.aligned_hold, j.unified);
            }
        }

        /// Bounded, monotone in every feature and power, between the hold and unified.
        #[test]
        fn bounded_and_monotone(features in prop::collection::vec(any::<bool>(), 5), powers in 0usize..=3, add in 0usize..5) {
            let mut ds = with(0, powers);
            let chosen: Vec<Alignment> = Alignment::ALL
                .iter()
                .zip(&features)
                .filter(|(_, on)| **on)
                .map(|(f, _)| *f)
                .collect();
            for f in &chosen {
                ds.body_mut("parliament").unwrap().alignment.insert(*f, "art. 3".into());
            }
            let i = measure(&ds);
            for x in [i.aligned_hold, i.head_of_state_concentration_aligned] {
                prop_assert!((0.0..=1.0).contains(&x), "{x}");
            }
            prop_assert!(i.aligned_hold + 1e-12 >= i.head_of_state_concentration);
            prop_assert!(i.aligned_hold <= i.unified + 1e-12);
            for b in &i.bodies {
                prop_assert!(b.held <= b.aligned + 1e-12 && b.aligned <= b.unified + 1e-12);
            }
            // One more feature never lowers it.
            let mut more = ds.clone();
            more.body_mut("parliament").unwrap().alignment.insert(Alignment::ALL[add], "art. 3".into());
            let j = measure(&more);
            prop_assert!(j.aligned_hold + 1e-12 >= i.aligned_hold);
            prop_assert!(j.head_of_state_concentration_aligned + 1e-12 >= i.head_of_state_concentration_aligned);
            for (b, c) in i.bodies.iter().zip(&j.bodies) {
                prop_assert!(c.aligned + 1e-12 >= b.aligned, "{}", b.id);
            }
            // One more power never lowers it.
            if powers < 3 {
                let mut ds2 = ds.clone();
                ds2.body_mut("president").unwrap().powers.insert(Power::ALL[powers], "art. 2".into());
                prop_assert!(measure(&ds2).head_of_state_concentration_aligned > i.head_of_state_concentration_aligned);
            }
        }
    }
}

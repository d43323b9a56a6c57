//! The system-level indicators, computed the same way for every dataset. Formulas are in the
//! README ("Comparing states") and on each field.
//!
//! Complexity of [`indicators`]: five holds ([`crate::comparative::hold`], each linear in the
//! steps per sweep), the alignments, and one pass over the bodies of the independent roles,
//! each O(its channels' steps): linear in the dataset. [`Indicators::body`] and
//! [`Indicators::class`] scan the few bodies and classes of independent roles.

use std::collections::BTreeMap;

use super::aligned::{self, PrincipalAlignment};
use super::hold::{self, Parts};
use super::{CompareError, INDEPENDENT_ROLES};
use crate::analysis::{Analysis, BodyAnalysis};
use crate::model::{BodyId, Dataset, Power, Role};

/// The head of state's figures for one body of an independent role class.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyIndicator {
    pub id: BodyId,
    pub role: Role,
    pub seats: u32,
    pub seats_nominal: bool,
    /// The dataset's own `independent` attribute (the comparison goes by role, not by it).
    pub independent: bool,
    /// Integrated control, as in `bilik summary`.
    pub control: f64,
    /// Hold counting picks only.
    pub picks: f64,
    /// Hold counting picks discounted by others' vetoes.
    pub vetted: f64,
    /// The hold: picks, vetoes and removal at will.
    pub held: f64,
    /// The hold with every directly elected principal counted as the head of state's.
    pub unified: f64,
    /// The hold with each of those principals counted as his by its alignment (R21).
    pub aligned: f64,
    /// The principals with the largest integrated control (several when tied), and the share.
    pub largest: Option<(Vec<BodyId>, f64)>,
    /// Seats of channels in which the head of state proposes the candidate.
    pub picked_seats: u32,
    /// Of those, seats whose pick needs someone else's consent.
    pub consented_seats: u32,
    /// Who holds those consents, and whether under threat of dissolution.
    pub veto_holders: Vec<(BodyId, bool)>,
    /// Seats whose holders the head of state can dismiss at will.
    pub at_will_seats: u32,
    /// He controls the body by majority-control closure (codebook R32).
    pub controlled: bool,
}

/// The head of state's figures for one independent role class: means over its bodies.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassIndicator {
    pub role: Role,
    pub bodies: Vec<BodyId>,
    pub control: f64,
    pub picks: f64,
    pub vetted: f64,
    pub held: f64,
    pub unified: f64,
    pub aligned: f64,
}

/// The head of state's mean integrated control and hold of the bodies of one role (any role).
#[derive(Debug, Clone, PartialEq)]
pub struct RoleControl {
    pub role: Role,
    pub bodies: Vec<BodyId>,
    pub control: f64,
    pub held: f64,
}

/// An actor whose consent the head of state's picks for independent bodies need.
#[derive(Debug, Clone, PartialEq)]
pub struct VetoHolder {
    pub actor: BodyId,
    /// The independent bodies in which it ratifies his picks.
    pub bodies: Vec<BodyId>,
    /// It may be dissolved by him for refusing (a consent under threat), in any of them.
    pub under_threat: bool,
}

/// The indicator set of one dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicators {
    pub head_of_state: BodyId,
    /// Mean over the independent role classes present of the mean hold of their bodies.
    pub head_of_state_concentration: f64,
    /// The same mean of picks only: the first part of the headline.
    pub picks: f64,
    /// What others' vetoes take from his picks: `picks - vetted` (second part, subtracted).
    pub veto_discount: f64,
    /// What removal at will adds back: `held - vetted` (third part, added).
    pub at_will: f64,
    /// The headline with every directly elected principal counted as his (unified government:
    /// his party wins every election); what stays below 1 is insulated from party politics.
    pub unified: f64,
    /// The principals counted as aligned in `unified`.
    pub aligned: Vec<BodyId>,
    /// The index of codebook R23: the aligned hold's class means and the powers present, each
    /// one component of equal weight.
    pub head_of_state_concentration_aligned: f64,
    /// Its appointments part: the mean over classes of the hold with each principal of
    /// `aligned` counted as his by its alignment (0 = the headline, 1 = `unified`).
    pub aligned_hold: f64,
    /// The alignment of each principal of `aligned`, in that order (R21).
    pub alignments: Vec<PrincipalAlignment>,
    /// The powers beyond appointments the text grants the head of state (R22).
    pub powers: Vec<Power>,
    /// Mean over the classes of his integrated control (the tool's standard measure).
    pub integrated_control: f64,
    /// The independent role classes present, in [`INDEPENDENT_ROLES`] order.
    pub classes: Vec<ClassIndicator>,
    /// Every role present (other than the electorate and the head of state), in vocabulary
    /// order.
    pub roles: Vec<RoleControl>,
    /// The bodies of the independent role classes, in dataset order.
    pub bodies: Vec<BodyIndicator>,
    /// Independent bodies in which his integrated control exceeds one half.
    pub majority: usize,
    /// Independent bodies in which he is the largest principal (alone or tied) without a
    /// majority.
    pub largest_bloc: usize,
    /// Independent bodies he controls by majority-control closure (codebook R32): his picks
    /// and those of the bodies he controls, unchecked by anyone else, reach their quota.
    pub controlled: usize,
    /// Mean over classes of the share of seats he proposes.
    pub picked_share: f64,
    /// Mean over classes of the share of seats he proposes that need another's consent.
    pub consented_share: f64,
    pub veto_holders: Vec<VetoHolder>,
    /// Every body (of any role) with seats he can dismiss at will, in dataset order.
    pub removable_at_will: Vec<BodyId>,
    /// Of the independent bodies, those with seats he can dismiss at will.
    pub independent_removable_at_will: Vec<BodyId>,
    /// `sum_p G(p)^2`, `G(p)` the class-mean integrated control of principal `p` over the
    /// independent bodies: comparable across datasets whatever their seat units.
    pub hhi_by_role: f64,
    /// The summary's system HHI, weighted by seats (not comparable across datasets whose
    /// courts are counted in different units).
    pub hhi_by_seat: f64,
}

impl Indicators {
    /// The names of [`Indicators::scalars`], in order (the JSON keys and CSV columns).
    pub const SCALARS: [&'static str; 19] = [
        "head_of_state_concentration",
        "picks",
        "veto_discount",
        "at_will",
        "head_of_state_concentration_unified",
        "head_of_state_concentration_aligned",
        "aligned_hold",
        "powers_present",
        "integrated_control",
        "independent_roles",
        "independent_bodies",
        "majority",
        "largest_bloc",
        "picked_share",
        "consented_share",
        "independent_removable_at_will",
        "hhi_by_role",
        "hhi_by_seat",
        "controlled",
    ];

    /// The scalar indicators by their JSON names, in the order reports show them: what a view
    /// lays side by side and compares across datasets to highlight differences.
    pub fn scalars(&self) -> Vec<(&'static str, f64)> {
        let count = |n: usize| n as f64;
        let values = [
            self.head_of_state_concentration,
            self.picks,
            self.veto_discount,
            self.at_will,
            self.unified,
            self.head_of_state_concentration_aligned,
            self.aligned_hold,
            count(self.powers.len()),
            self.integrated_control,
            count(self.classes.len()),
            count(self.bodies.len()),
            count(self.majority),
            count(self.largest_bloc),
            self.picked_share,
            self.consented_share,
            count(self.independent_removable_at_will.len()),
            self.hhi_by_role,
            self.hhi_by_seat,
            count(self.controlled),
        ];
        Self::SCALARS.into_iter().zip(values).collect()
    }

    pub fn class(&self, role: Role) -> Option<&ClassIndicator> {
        self.classes.iter().find(|c| c.role == role)
    }

    pub fn body(&self, id: &str) -> Option<&BodyIndicator> {
        self.bodies.iter().find(|b| b.id == id)
    }
}

fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// The principals counted as the head of state's in the unified-government variant: every
/// principal somebody fills (in the default rule, every body the voters elect directly: the
/// chambers, local councils, parties), that is all but the roots nobody fills (the electorate,
/// and constituencies such as magistrates or bar associations that elect their own).
pub fn aligned_principals(dataset: &Dataset, analysis: &Analysis, head: &str) -> Vec<BodyId> {
    analysis
        .principals
        .iter()
        .filter(|p| p.as_str() != head && dataset.body(p).is_some_and(|b| !b.channels.is_empty()))
        .cloned()
        .collect()
}

/// Computes the indicator set of `dataset` under an analysis already run on it.
pub fn indicators(dataset: &Dataset, analysis: &Analysis) -> Result<Indicators, CompareError> {
    measure(dataset, analysis).map(|(i, _)| i)
}

/// The indicator set and the head of state's hold on every body, in dataset order.
pub(crate) fn measure(
    dataset: &Dataset,
    analysis: &Analysis,
) -> Result<(Indicators, Vec<f64>), CompareError> {
    let head = dataset
        .head_of_state()
        .ok_or_else(|| CompareError::NoHeadOfState(dataset.meta.id.clone()))?
        .id
        .clone();
    let alone = vec![head.clone()];
    let picks = hold::holds(dataset, analysis, &alone, Parts::PICKS);
    let vetted = hold::holds(dataset, analysis, &alone, Parts::VETTED);
    let held = hold::holds(dataset, analysis, &alone, Parts::HELD);
    let aligned = aligned_principals(dataset, analysis, &head);
    let mut unified_head = alone.clone();
    unified_head.extend(aligned.iter().cloned());
    let unified = hold::holds(dataset, analysis, &unified_head, Parts::HELD);
    let alignments = aligned::alignments(dataset, &aligned);
    let weighted = aligned::head_set(&head, &alignments);
    let aligned_holds = hold::holds_weighted(dataset, analysis, &weighted, Parts::HELD);

    let mut bodies = Vec::new();
    for (i, (body, a)) in dataset.bodies.iter().zip(&analysis.bodies).enumerate() {
        let Some(role) = body.role.filter(|r| INDEPENDENT_ROLES.contains(r)) else {
            continue;
        };
        bodies.push(body_indicator(
            body,
            a,
            &head,
            role,
            [picks[i], vetted[i], held[i], unified[i], aligned_holds[i]],
        ));
    }

    let classes: Vec<ClassIndicator> = INDEPENDENT_ROLES
        .iter()
        .filter_map(|&role| {
            let members: Vec<&BodyIndicator> = bodies.iter().filter(|b| b.role == role).collect();
            if members.is_empty() {
                return None;
            }
            Some(ClassIndicator {
                role,
                bodies: members.iter().map(|b| b.id.clone()).collect(),
                control: mean(members.iter().map(|b| b.control)),
                picks: mean(members.iter().map(|b| b.picks)),
                vetted: mean(members.iter().map(|b| b.vetted)),
                held: mean(members.iter().map(|b| b.held)),
                unified: mean(members.iter().map(|b| b.unified)),
                aligned: mean(members.iter().map(|b| b.aligned)),
            })
        })
        .collect();
    let class_mean = |f: &dyn Fn(&BodyIndicator) -> f64| -> f64 {
        mean(
            classes
                .iter()
                .map(|c| mean(bodies.iter().filter(|b| b.role == c.role).map(f))),
        )
    };
    let head_picks = class_mean(&|b| b.picks);
    let head_vetted = class_mean(&|b| b.vetted);
    let head_held = class_mean(&|b| b.held);
    let share = |n: u32, b: &BodyIndicator| f64::from(n) / f64::from(b.seats);

    let roles: Vec<RoleControl> = Role::ALL
        .iter()
        // The head of state's control of himself, or of the electorate, means nothing.
        .filter(|r| !matches!(r, Role::Electorate | Role::HeadOfState))
        .filter_map(|&role| {
            let members: Vec<(usize, &BodyAnalysis)> = dataset
                .bodies
                .iter()
                .zip(&analysis.bodies)
                .enumerate()
                .filter(|(_, (b, _))| b.role == Some(role))
                .map(|(i, (_, a))| (i, a))
                .collect();
            if members.is_empty() {
                return None;
            }
            Some(RoleControl {
                role,
                bodies: members.iter().map(|(_, a)| a.id.clone()).collect(),
                control: mean(members.iter().map(|(_, a)| a.control_of(&head))),
                held: mean(members.iter().map(|(i, _)| held[*i])),
            })
        })
        .collect();

    let mut holders: BTreeMap<BodyId, VetoHolder> = BTreeMap::new();
    for b in &bodies {
        for (actor, threat) in &b.veto_holders {
            let h = holders.entry(actor.clone()).or_insert_with(|| VetoHolder {
                actor: actor.clone(),
                bodies: Vec::new(),
                under_threat: false,
            });
            h.bodies.push(b.id.clone());
            h.under_threat |= *threat;
        }
    }
    let mut veto_holders: Vec<VetoHolder> = holders.into_values().collect();
    veto_holders.sort_by(|a, b| {
        b.bodies
            .len()
            .cmp(&a.bodies.len())
            .then_with(|| a.actor.cmp(&b.actor))
    });

    let removable_at_will: Vec<BodyId> = analysis
        .bodies
        .iter()
        .filter(|a| a.channels.iter().any(|c| c.removers.contains(&head)))
        .map(|a| a.id.clone())
        .collect();

    let principal_share: BTreeMap<&str, f64> = analysis
        .principals
        .iter()
        .map(|p| {
            let g = mean(classes.iter().map(|c| {
                mean(
                    c.bodies
                        .iter()
                        .filter_map(|id| analysis.body(id))
                        .map(|a| a.control_of(p)),
                )
            }));
            (p.as_str(), g)
        })
        .collect();

    let class_aligned: Vec<f64> = classes.iter().map(|c| c.aligned).collect();
    let powers = dataset.body(&head).map(aligned::powers).unwrap_or_default();
    let indicators = Indicators {
        head_of_state_concentration: head_held,
        head_of_state_concentration_aligned: aligned::index(&class_aligned, powers.len()),
        aligned_hold: class_mean(&|b| b.aligned),
        alignments,
        powers,
        picks: head_picks,
        veto_discount: head_picks - head_vetted,
        at_will: head_held - head_vetted,
        unified: class_mean(&|b| b.unified),
        aligned,
        integrated_control: class_mean(&|b| b.control),
        majority: bodies.iter().filter(|b| b.control > 0.5).count(),
        largest_bloc: bodies
            .iter()
            .filter(|b| {
                b.control <= 0.5 && b.largest.as_ref().is_some_and(|(p, _)| p.contains(&head))
            })
            .count(),
        controlled: bodies.iter().filter(|b| b.controlled).count(),
        picked_share: class_mean(&|b| share(b.picked_seats, b)),
        consented_share: class_mean(&|b| share(b.consented_seats, b)),
        independent_removable_at_will: bodies
            .iter()
            .filter(|b| b.at_will_seats > 0)
            .map(|b| b.id.clone())
            .collect(),
        removable_at_will,
        veto_holders,
        hhi_by_role: principal_share.values().map(|g| g * g).sum(),
        hhi_by_seat: analysis.summary.system_hhi,
        head_of_state: head,
        classes,
        roles,
        bodies,
    };
    Ok((indicators, held))
}

fn body_indicator(
    body: &crate::model::Body,
    a: &BodyAnalysis,
    head: &str,
    role: Role,
    [picks, vetted, held, unified, aligned]: [f64; 5],
) -> BodyIndicator {
    let mut picked_seats = 0;
    let mut consented_seats = 0;
    let mut at_will_seats = 0;
    let mut veto_holders: Vec<(BodyId, bool)> = Vec::new();
    for c in &a.channels {
        if c.removers.iter().any(|r| r == head) {
            at_will_seats += c.seats;
        }
        if c.proposer != head {
            continue;
        }
        picked_seats += c.seats;
        let others: Vec<(BodyId, bool)> = c
            .shares
            .iter()
            .filter(|s| s.position.is_veto() && s.actor != head)
            .map(|s| {
                (
                    s.actor.clone(),
                    s.position == crate::analysis::Position::RatifyUnderThreat,
                )
            })
            .collect();
        if !others.is_empty() {
            consented_seats += c.seats;
        }
        for (actor, threat) in others {
            match veto_holders.iter_mut().find(|(x, _)| *x == actor) {
                Some(v) => v.1 |= threat,
                None => veto_holders.push((actor, threat)),
            }
        }
    }
    veto_holders.sort();
    BodyIndicator {
        id: body.id.clone(),
        role,
        seats: body.seats,
        seats_nominal: body.seats_nominal,
        independent: body.independent,
        control: a.control_of(head),
        picks,
        vetted,
        held,
        unified,
        aligned,
        largest: super::largest(a),
        picked_seats,
        consented_seats,
        veto_holders,
        at_will_seats,
        controlled: a.controlled_by.iter().any(|p| p == head),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analysis::{Options, analyze};
    use crate::model::{EdgeKind, Step, StepRole, load_str};
    use proptest::prelude::*;

    /// A small state. Voters elect the President and Parliament. Court of 3: the Chair by the
    /// President with Parliament's consent, one judge by the President, one by Parliament.
    /// Prosecutor: the President, who may dismiss him at will. Auditor: elected by Parliament.
    /// Bank: the President with Parliament's consent, dismissed by him at will.
    pub(crate) const MINI: &str = r#"(
        id: "mini", title: "Mini", jurisdiction: "Mini", as_of: "2024-01-01",
        bodies: [
            (id: "voters", name: (en: "Voters", ru: "Избиратели", kk: "Сайлаушылар"), branch: electorate, role: electorate, seats: 1, source: "art. 1"),
            (id: "president", name: (en: "President", ru: "Президент", kk: "Президент"), branch: executive, role: head_of_state, seats: 1, source: "art. 2",
             channels: [(id: "election", seats: 1, steps: [(actor: "voters", role: elect)], source: "art. 2")]),
            (id: "parliament", name: (en: "Parliament", ru: "Парламент", kk: "Парламент"), branch: legislative, role: legislature, seats: 100, source: "art. 3",
             channels: [(id: "election", seats: 100, steps: [(actor: "voters", role: elect)], source: "art. 3")]),
            (id: "court", name: (en: "Court", ru: "Суд", kk: "Сот"), branch: judicial, role: constitutional_review, seats: 3, independent: true, source: "art. 4",
             channels: [
                (id: "chair", seats: 1, steps: [(actor: "president", role: appoint), (actor: "parliament", role: consent)], source: "art. 4(1)"),
                (id: "president_judge", seats: 1, steps: [(actor: "president", role: appoint)], source: "art. 4(2)"),
                (id: "parliament_judge", seats: 1, steps: [(actor: "parliament", role: appoint)], source: "art. 4(3)"),
             ]),
            (id: "prosecutor", name: (en: "Prosecutor", ru: "Прокурор", kk: "Прокурор"), branch: oversight, role: prosecution, seats: 1, source: "art. 5",
             channels: [(id: "appointment", seats: 1, steps: [(actor: "president", role: appoint)], source: "art. 5(1)")]),
            (id: "auditor", name: (en: "Auditor", ru: "Аудитор", kk: "Аудитор"), branch: oversight, role: audit, seats: 1, independent: true, source: "art. 6",
             channels: [(id: "election", seats: 1, steps: [(actor: "parliament", role: elect)], source: "art. 6(1)")]),
            (id: "bank", name: (en: "Bank", ru: "Банк", kk: "Банк"), branch: oversight, role: central_bank, seats: 1, independent: true, source: "art. 7",
             channels: [(id: "governor", seats: 1, steps: [(actor: "president", role: appoint), (actor: "parliament", role: consent)], source: "art. 7(1)")]),
        ],
        edges: [
            (from: "president", to: "prosecutor", kind: dismiss_at_will, source: "art. 5(2)"),
            (from: "president", to: "bank", kind: dismiss_at_will, source: "art. 7(2)"),
        ],
    )"#;

    pub(crate) fn mini() -> Dataset {
        load_str("mini.ron", MINI).unwrap_or_else(|e| panic!("{}", e.report))
    }

    fn measure(ds: &Dataset) -> Indicators {
        let a = analyze(ds, &Options::of(ds)).unwrap();
        indicators(ds, &a).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn the_mini_state_by_hand() {
        let i = measure(&mini());
        assert_eq!(i.head_of_state, "president");
        let roles: Vec<Role> = i.classes.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            [
                Role::ConstitutionalReview,
                Role::Prosecution,
                Role::Audit,
                Role::CentralBank
            ]
        );
        // Court: picks 2 of 3; the Chair's pick is halved by Parliament's consent.
        let court = i.class(Role::ConstitutionalReview).unwrap();
        assert!(close(court.picks, 2.0 / 3.0));
        assert!(close(court.vetted, 0.5));
        assert!(close(court.held, 0.5));
        assert!(close(court.control, 0.5));
        // Bank: picked, halved by the consent, restored by removal at will.
        let bank = i.class(Role::CentralBank).unwrap();
        assert!(close(bank.picks, 1.0) && close(bank.vetted, 0.5) && close(bank.held, 1.0));
        assert!(close(i.class(Role::Audit).unwrap().held, 0.0));
        assert!(close(i.class(Role::Prosecution).unwrap().held, 1.0));

        // The headline and its parts: (0.5 + 1 + 0 + 1) / 4.
        assert!(close(i.head_of_state_concentration, 0.625));
        assert!(close(i.picks, (2.0 / 3.0 + 1.0 + 0.0 + 1.0) / 4.0));
        assert!(close(i.veto_discount, i.picks - 0.5));
        assert!(close(i.at_will, 0.125));
        assert!(close(
            i.picks - i.veto_discount + i.at_will,
            i.head_of_state_concentration
        ));
        // With Parliament his, nothing is left outside his hold.
        assert_eq!(i.aligned, vec!["parliament".to_string()]);
        assert!(close(i.unified, 1.0));

        assert!(close(i.integrated_control, (0.5 + 1.0 + 0.0 + 0.5) / 4.0));
        assert_eq!(i.majority, 1, "the prosecutor");
        assert_eq!(i.largest_bloc, 2, "court and bank, tied with Parliament");
        assert!(close(i.picked_share, (2.0 / 3.0 + 1.0 + 0.0 + 1.0) / 4.0));
        assert!(close(i.consented_share, (1.0 / 3.0 + 1.0) / 4.0));
        assert_eq!(
            i.veto_holders,
            vec![VetoHolder {
                actor: "parliament".into(),
                bodies: vec!["court".into(), "bank".into()],
                under_threat: false,
            }]
        );
        assert_eq!(i.removable_at_will, vec!["prosecutor", "bank"]);
        assert_eq!(i.independent_removable_at_will, vec!["prosecutor", "bank"]);
        // G(president) = G(parliament) = 1/2.
        assert!(close(i.hhi_by_role, 0.5));
        let court = i.body("court").unwrap();
        assert_eq!((court.picked_seats, court.consented_seats), (2, 1));
        assert_eq!(
            court.largest,
            Some((vec!["parliament".to_string(), "president".to_string()], 0.5))
        );
    }

    #[test]
    fn a_consent_under_threat_of_dissolution_checks_less() {
        let mut ds = mini();
        ds.edges.push(crate::model::Edge {
            from: "president".into(),
            to: "parliament".into(),
            kind: EdgeKind::DissolveOnRefusal,
            channel: None,
            after_refusals: Some(2),
            covers: vec![
                crate::model::Cover::Role(crate::model::StepRole::Consent),
                crate::model::Cover::Role(crate::model::StepRole::Elect),
            ],
            bars: String::new(),
            threshold: None,
            source: "art. 8".into(),
            confidence: crate::model::Confidence::High,
            note: String::new(),
            alternatives: Vec::new(),
            layer: Default::default(),
        });
        let i = measure(&ds);
        // consent_under_threat 0.5 against propose 1: a discount of 1/3 instead of 1/2.
        assert!(close(i.class(Role::CentralBank).unwrap().vetted, 2.0 / 3.0));
        assert!(close(
            i.class(Role::ConstitutionalReview).unwrap().vetted,
            (2.0 / 3.0 + 1.0) / 3.0
        ));
        assert!(i.veto_holders[0].under_threat);
        assert!(i.head_of_state_concentration >= measure(&mini()).head_of_state_concentration);
    }

    #[test]
    fn a_dataset_without_a_head_of_state_is_refused() {
        let mut ds = mini();
        ds.body_mut("president").unwrap().role = Some(Role::Other);
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        assert_eq!(
            indicators(&ds, &a),
            Err(CompareError::NoHeadOfState("mini".into()))
        );
    }

    /// Every (body, channel) of a dataset.
    fn channels(ds: &Dataset) -> Vec<(usize, usize)> {
        ds.bodies
            .iter()
            .enumerate()
            .flat_map(|(i, b)| (0..b.channels.len()).map(move |c| (i, c)))
            .collect()
    }

    fn with_consent(ds: &Dataset, (b, c): (usize, usize), actor: &str) -> Dataset {
        let mut out = ds.clone();
        out.bodies[b].channels[c].steps.push(Step {
            actor: actor.to_string(),
            role: StepRole::Consent,
            threshold: None,
            note: String::new(),
            vote: None,
            alternatives: Vec::new(),
        });
        out
    }

    /// Holds and headline of `after` never exceed those of `before`.
    fn never_higher(before: &Dataset, after: &Dataset) -> Result<(), String> {
        let (x, y) = (measure(before), measure(after));
        if y.head_of_state_concentration > x.head_of_state_concentration + 1e-9 {
            return Err(format!(
                "headline rose {} -> {}",
                x.head_of_state_concentration, y.head_of_state_concentration
            ));
        }
        for (p, q) in x.bodies.iter().zip(&y.bodies) {
            if q.held > p.held + 1e-9 || q.vetted > p.vetted + 1e-9 {
                return Err(format!("{}: {} -> {}", p.id, p.held, q.held));
            }
        }
        Ok(())
    }

    #[test]
    fn adding_any_consent_never_raises_it() {
        let ds = mini();
        for at in channels(&ds) {
            for actor in ds.bodies.iter().map(|b| b.id.clone()) {
                let after = with_consent(&ds, at, &actor);
                never_higher(&ds, &after).unwrap_or_else(|e| panic!("{actor} on {at:?}: {e}"));
            }
        }
        // A consent by the independent Parliament on his own judge lowers it.
        let court = ds.bodies.iter().position(|b| b.id == "court").unwrap();
        let after = with_consent(&ds, (court, 1), "parliament");
        assert!(
            measure(&after).head_of_state_concentration < measure(&ds).head_of_state_concentration
        );
    }

    #[test]
    fn removing_an_at_will_dismissal_never_raises_it() {
        let ds = mini();
        for k in 0..ds.edges.len() {
            let mut after = ds.clone();
            after.edges.remove(k);
            never_higher(&ds, &after).unwrap();
        }
        let mut after = ds.clone();
        after.edges.clear();
        // Without them the bank falls back to its vetted pick: 0.625 - 0.5 / 4.
        assert!(close(measure(&after).head_of_state_concentration, 0.5));
    }

    /// A random small state in RON: the voters, a President and a Parliament they elect, and
    /// `n` bodies of random roles, each filled through 1-3 channels whose proposer is a
    /// principal or an earlier body, with consents and recommendations by anyone, and
    /// at-will dismissals by the President or Parliament.
    pub(crate) fn random_state() -> impl Strategy<Value = String> {
        let roles = prop::sample::select(vec![
            "constitutional_review",
            "supreme_court",
            "judicial_council",
            "audit",
            "central_bank",
            "other",
        ]);
        let channel = (
            0usize..8,
            prop::collection::vec((0usize..8, 0u8..3), 0..3),
            1u32..4,
        );
        let body = (roles, prop::collection::vec(channel, 1..4));
        (
            prop::collection::vec(body, 1..6),
            prop::collection::vec((0usize..2, 0usize..8, 0usize..3), 0..4),
        )
            .prop_map(|(bodies, dismissals)| {
                let base = ["president", "parliament", "voters"];
                let mut ids: Vec<String> = base.iter().map(|s| s.to_string()).collect();
                let mut text = String::from(
                    r#"(id: "r", title: "r", jurisdiction: "r", as_of: "2024-01-01", bodies: [
                    (id: "voters", name: (en: "V", ru: "В", kk: "С"), branch: electorate, seats: 1, source: "a"),
                    (id: "president", name: (en: "P", ru: "П", kk: "П"), branch: executive, role: head_of_state, seats: 1, source: "a",
                     channels: [(id: "e", seats: 1, steps: [(actor: "voters", role: elect)], source: "a")]),
                    (id: "parliament", name: (en: "L", ru: "Л", kk: "Л"), branch: legislative, role: legislature, seats: 1, source: "a",
                     channels: [(id: "e", seats: 1, steps: [(actor: "voters", role: elect)], source: "a")]),"#,
                );
                let mut all_channels: Vec<(String, String)> = Vec::new();
                for (k, (role, chans)) in bodies.iter().enumerate() {
                    let id = format!("b{k}");
                    let seats: u32 = chans.iter().map(|c| c.2).sum();
                    let mut cs = Vec::new();
                    for (j, (proposer, checks, n)) in chans.iter().enumerate() {
                        let proposer = &ids[proposer % ids.len()];
                        let mut steps = vec![format!(r#"(actor: "{proposer}", role: appoint)"#)];
                        let mut used = vec![proposer.clone()];
                        for (actor, kind) in checks {
                            let pool: Vec<&String> = ids.iter().chain(std::iter::once(&id)).collect();
                            let actor = pool[actor % pool.len()].clone();
                            if used.contains(&actor) {
                                continue;
                            }
                            used.push(actor.clone());
                            let role = if *kind == 0 { "recommend" } else { "consent" };
                            steps.push(format!(r#"(actor: "{actor}", role: {role})"#));
                        }
                        cs.push(format!(
                            r#"(id: "c{j}", seats: {n}, steps: [{}], source: "a")"#,
                            steps.join(", ")
                        ));
                        all_channels.push((id.clone(), format!("c{j}")));
                    }
                    text.push_str(&format!(
                        r#"(id: "{id}", name: (en: "B", ru: "Б", kk: "Б"), branch: judicial, role: {role}, seats: {seats}, source: "a", channels: [{}]),"#,
                        cs.join(", ")
                    ));
                    ids.push(id);
                }
                text.push_str("], edges: [");
                let mut seen = Vec::new();
                for (from, target, _) in dismissals {
                    let (to, channel) = &all_channels[target % all_channels.len()];
                    let from = ["president", "parliament"][from];
                    if seen.contains(&(from, to.clone(), channel.clone())) {
                        continue;
                    }
                    seen.push((from, to.clone(), channel.clone()));
                    text.push_str(&format!(
                        r#"(from: "{from}", to: "{to}", kind: dismiss_at_will, channel: "{channel}", source: "a"),"#
                    ));
                }
                text.push_str("])");
                text
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn bounds_parts_and_monotonicity_hold_for_random_states(
            text in random_state(),
            pick in 0usize..64,
            actor in 0usize..64,
            weight in 0.0f64..3.0,
        ) {
            let ds = load_str("random.ron", &text).unwrap_or_else(|e| panic!("{}\n{text}", e.report));
            let i = measure(&ds);
            for x in [i.head_of_state_concentration, i.picks, i.unified, i.integrated_control] {
                prop_assert!((0.0..=1.0).contains(&x), "{x} out of bounds");
            }
            prop_assert!(i.veto_discount >= -1e-12 && i.at_will >= -1e-12);
            prop_assert!((i.picks - i.veto_discount + i.at_will - i.head_of_state_concentration).abs() < 1e-12);
            prop_assert!(i.unified + 1e-12 >= i.head_of_state_concentration);

            // Adding a consent by anyone to any channel never raises it.
            let all = channels(&ds);
            let at = all[pick % all.len()];
            let who = ds.bodies[actor % ds.bodies.len()].id.clone();
            let already = ds.bodies[at.0].channels[at.1].steps.iter().any(|s| s.actor == who);
            if !already && ds.bodies[at.0].id != who {
                let after = with_consent(&ds, at, &who);
                prop_assert!(never_higher(&ds, &after).is_ok(), "{:?}", never_higher(&ds, &after));
            }
            // Removing an at-will dismissal never raises it.
            if !ds.edges.is_empty() {
                let mut after = ds.clone();
                after.edges.remove(pick % ds.edges.len());
                prop_assert!(never_higher(&ds, &after).is_ok(), "{:?}", never_higher(&ds, &after));
            }
            // Nor does counting consents for more.
            let a = analyze(&ds, &Options::of(&ds)).unwrap();
            let mut heavier = Options::of(&ds);
            heavier.weights.consent += weight;
            let b = analyze(&ds, &heavier).unwrap();
            let (x, y) = (indicators(&ds, &a).unwrap(), indicators(&ds, &b).unwrap());
            prop_assert!(y.head_of_state_concentration <= x.head_of_state_concentration + 1e-9);
        }
    }
}

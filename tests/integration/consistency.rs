//! Codebook R20 over the shipped data: identical legal wording is coded identically across the
//! datasets of one state, and nothing a rule derives is set by hand (R13: the threat comes only
//! from dissolution edges; R7: a consultation is no step).

use bilik::data::{EMBEDDED, resolve};
use bilik::model::{Dataset, EdgeKind, StepRole};

/// The chamber that fills the role of the 1995 Parliament's chambers in each Kazakh text.
fn chamber(dataset: &str) -> &'static str {
    match dataset {
        "kz-2026" => "kurultai",
        _ => "mazhilis",
    }
}

fn roles(d: &Dataset, body: &str, channel: &str) -> Vec<(String, StepRole)> {
    let c = d
        .body(body)
        .and_then(|b| b.channel(channel))
        .unwrap_or_else(|| panic!("{}: no channel {body}/{channel}", d.meta.id));
    // Actors are compared by their part: the head of state, the chamber, or by id.
    c.steps
        .iter()
        .map(|s| {
            let who = if s.actor == "president" {
                "head of state".to_string()
            } else if s.actor == chamber(&d.meta.id) {
                "chamber".to_string()
            } else {
                s.actor.clone()
            };
            (who, s.role)
        })
        .collect()
}

fn has_edge(d: &Dataset, from: &str, kind: EdgeKind, to: &str) -> bool {
    d.edges
        .iter()
        .any(|e| e.from == from && e.kind == kind && e.to == to)
}

/// The Prime Minister: "с согласия Мажилиса назначает" (1995 art. 44(3)) and "с согласия
/// Курултая назначает" (2026 art. 46(4)); the consultations of both are no step (R7).
#[test]
fn the_prime_minister_is_appointed_alike_in_1995_and_2026() {
    let coded: Vec<Vec<(String, StepRole)>> = ["kz-2017", "kz-2022", "kz-2026"]
        .iter()
        .map(|id| roles(&resolve(id).unwrap(), "prime_minister", "appointment"))
        .collect();
    assert!(coded.windows(2).all(|w| w[0] == w[1]), "{coded:?}");
    assert_eq!(
        coded[0],
        [
            ("head of state".to_string(), StepRole::Appoint),
            ("chamber".to_string(), StepRole::Consent)
        ]
    );
}

/// A chamber that may demand a minister's dismissal for failing to execute the laws (1995 art.
/// 57(6), 2026 art. 56(17)) holds a removal for cause (R10), and the Prime Minister reports to
/// it (1995 art. 67(4), 2026 art. 66(3)).
#[test]
fn a_chambers_power_over_ministers_is_coded_alike() {
    for id in ["kz-2017", "kz-2022", "kz-2026"] {
        let d = resolve(id).unwrap();
        let ch = chamber(id);
        assert!(
            has_edge(&d, ch, EdgeKind::DismissForCause, "government"),
            "{id}: {ch} -dismiss_for_cause-> government"
        );
        assert!(
            !has_edge(&d, ch, EdgeKind::DismissAtWill, "government"),
            "{id}: the chamber cannot dismiss at will"
        );
        assert!(
            has_edge(&d, ch, EdgeKind::HoldsToAccount, "prime_minister"),
            "{id}: {ch} -holds_to_account-> prime_minister"
        );
        assert!(
            has_edge(&d, "president", EdgeKind::Directs, "government"),
            "{id}: the President's say over state programmes and pay (1995 art. 66(1), 66(9-1); 2026 art. 65(8))"
        );
    }
}

/// R13: a consent is under threat only through a dissolution edge; no at-will dissolution
/// carries what only a dissolution on refusal may (R12), and every dissolution on refusal says
/// what it covers.
#[test]
fn nothing_a_rule_derives_is_set_by_hand() {
    for e in EMBEDDED {
        let d = resolve(e.id).unwrap();
        for edge in &d.edges {
            match edge.kind {
                EdgeKind::DissolveOnRefusal => assert!(
                    edge.after_refusals.is_some() && !edge.covers.is_empty(),
                    "{}: {} -> {} lacks its refusals or what it covers",
                    e.id,
                    edge.from,
                    edge.to
                ),
                _ => assert!(
                    edge.after_refusals.is_none() && edge.covers.is_empty(),
                    "{}: {} -{}-> {} carries refusal terms",
                    e.id,
                    edge.from,
                    edge.kind,
                    edge.to
                ),
            }
        }
        for b in &d.bodies {
            for c in &b.channels {
                for s in &c.steps {
                    let note = s.note.to_lowercase();
                    // Consultations are noted on the step that follows them, never coded as a
                    // recommendation of their own (1995 art. 44(3), 2026 art. 46(4)).
                    assert!(
                        !(note.contains("consult") && s.role == StepRole::Recommend),
                        "{}: {}/{} codes a consultation of the {} as a recommendation (R7)",
                        e.id,
                        b.id,
                        c.id,
                        s.actor
                    );
                    assert!(
                        !note.contains("under threat"),
                        "{}: {}/{}: whether a step is under threat is derived (R13), not noted",
                        e.id,
                        b.id,
                        c.id
                    );
                }
            }
        }
    }
}

/// R20 across the region: the President's appointment of the Prosecutor General "с согласия" a
/// chamber (1995 art. 44(4), 55(2); Tajikistan art. 56, 69; Turkmenistan art. 71, 81(11)) is one
/// construction, coded alike: his pick, the chamber's consent.
#[test]
fn a_prosecutor_general_appointed_with_a_chambers_consent_is_coded_alike() {
    for (id, chamber) in [
        ("kz-2022", "senate"),
        ("tj-2016", "majlisi_milli"),
        ("tm-2023", "mejlis"),
    ] {
        let d = resolve(id).unwrap();
        let steps: Vec<(String, StepRole)> = d
            .body("prosecutor_general")
            .and_then(|b| b.channel("appointment"))
            .unwrap_or_else(|| panic!("{id}: no prosecutor_general/appointment"))
            .steps
            .iter()
            .map(|s| (s.actor.clone(), s.role))
            .collect();
        assert_eq!(
            steps,
            [
                ("president".to_string(), StepRole::Appoint),
                (chamber.to_string(), StepRole::Consent)
            ],
            "{id}"
        );
    }
}

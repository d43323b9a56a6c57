//! Whether every body's chain of channels reaches a principal: the one rule of a dataset that
//! is a question of control, so it lives here rather than in `model::validate`.
//!
//! ```text
//!   model::validate ──▶ problems ──(none dangles)──▶ reach::problems ──▶ more problems
//! ```
//!
//! Its problems are the model's ([`Problem`], addressed by [`Element`]). A file's loader
//! (`crate::data`) asks it of a dataset that broke no other rule and reports its problems at
//! their place in the file; a reform asks it, through [`check`], of the dataset it changed.
//!
//! Complexity: the channels' shares under the default weights and one breadth-first walk from
//! the principals, O(B + S + E) for B bodies, S steps and E edges, plus the problems' sort.

use std::collections::{BTreeSet, HashMap};

use super::{ChannelShares, control, effective_principals, shares};
use crate::model::validate::{Element, Fault, Problem, validate};
use crate::model::{Body, BodyId, Dataset, Weights};

/// Every problem of a dataset: the model's rules, then, when no reference dangles (the walk
/// follows them), whether every body reaches a principal.
pub fn check(dataset: &Dataset) -> Vec<Problem> {
    let mut out = validate(dataset);
    if !out.iter().any(Problem::dangles) {
        out.extend(problems(dataset));
    }
    out
}

/// One problem for each body whose chain of channels never reaches a principal (under the
/// dataset's own principals and weights): its control is undefined.
pub fn problems(dataset: &Dataset) -> Vec<Problem> {
    let by_id: HashMap<&str, &Body> = dataset.bodies.iter().map(|b| (b.id.as_str(), b)).collect();
    let principals = dataset.principals();
    unreachable_bodies(dataset, &principals, &dataset.weights)
        .into_iter()
        .map(|(body, through)| {
            let mut elements = vec![Element::Body(body.clone())];
            let involved: BTreeSet<&str> = std::iter::once(body.as_str())
                .chain(through.iter().map(String::as_str))
                .collect();
            for id in involved {
                if let Some(b) = by_id.get(id) {
                    elements.extend(
                        b.channels
                            .iter()
                            .map(|c| Element::Channel(b.id.clone(), c.id.clone())),
                    );
                }
            }
            if dataset.principals.is_some() {
                elements.push(Element::Principals);
            }
            Problem {
                code: "no-principal",
                message: format!(
                    "the chain of channels from `{body}` never reaches a principal: it is filled only through {}",
                    through.join(", ")
                ),
                elements,
                fault: Fault::NoPrincipal {
                    body: dataset
                        .bodies
                        .iter()
                        .position(|b| b.id == body)
                        .unwrap_or_default(),
                    through,
                },
            }
        })
        .collect()
}

/// Bodies whose chain of channels reaches no principal, each with the bodies it is filled
/// through.
pub fn unreachable_bodies(
    dataset: &Dataset,
    principals: &[BodyId],
    weights: &Weights,
) -> Vec<(BodyId, Vec<BodyId>)> {
    let principals = effective_principals(dataset, principals);
    let index: HashMap<&str, usize> = dataset
        .bodies
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.as_str(), i))
        .collect();
    let edges = shares::EdgeIndex::new(dataset, false);
    let rows: control::Rows = dataset
        .bodies
        .iter()
        .map(|b| {
            let cs: Vec<ChannelShares> = b
                .channels
                .iter()
                .map(|c| shares::channel_shares_indexed(&edges, b, c, weights))
                .collect();
            shares::direct_shares(&cs)
                .iter()
                .filter_map(|(a, s)| index.get(a.as_str()).map(|&j| (j, *s)))
                .collect()
        })
        .collect();
    let absorbing: Vec<bool> = dataset
        .bodies
        .iter()
        .map(|b| principals.contains(&b.id))
        .collect();
    let stuck = control::unreachable(&rows, &absorbing);
    stuck
        .iter()
        .map(|&i| {
            let through: BTreeSet<BodyId> = rows[i]
                .iter()
                .map(|&(j, _)| dataset.bodies[j].id.clone())
                .collect();
            (dataset.bodies[i].id.clone(), through.into_iter().collect())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::tests::MINI;
    use crate::model::load::{check_str_then, load_str_then};
    use crate::model::testdata::tiny_dataset;

    #[test]
    fn a_closed_circle_reaches_no_principal() {
        let mut d = tiny_dataset();
        let senate = d.body_mut("senate").unwrap();
        senate.channels[0].steps[0].actor = "court".into();
        senate.channels[1].steps[0].actor = "court".into();
        let court = d.body_mut("court").unwrap();
        for c in &mut court.channels {
            c.steps.truncate(1);
            c.steps[0].actor = "senate".into();
        }
        let p = check(&d);
        let found: Vec<&str> = p.iter().map(|p| p.code).collect();
        assert!(found.iter().all(|c| *c == "no-principal"), "{p:?}");
        assert!(p[0].message.contains("never reaches a principal"), "{p:?}");
        assert_eq!(p[0].fault.path(), "bodies[3].id");
    }

    #[test]
    fn a_dangling_reference_is_not_walked() {
        let mut d = tiny_dataset();
        d.bodies.retain(|b| b.id != "councils");
        assert!(check(&d).iter().all(|p| p.code == "unknown-id"));
    }

    #[test]
    fn cycles_without_a_principal_are_refused() {
        let text = MINI.replace(
            "(id: \"judges\", seats: 2, steps: [(actor: \"president\", role: appoint)], source: \"art. 3(2)\")",
            "(id: \"judges\", seats: 2, steps: [(actor: \"court\", role: appoint)], source: \"art. 3(2)\")",
        );
        // Still reaches the President through the Chair, but the co-opted judges would be
        // counted as the Chair's appointer's: refused unless the court is a principal.
        let checked = check_str_then("t.ron", &text, problems);
        let codes: Vec<&str> = checked.report.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["self-filled"]);
        let principal = text.replace(
            "as_of: \"2024-01-01\",",
            "as_of: \"2024-01-01\", principals: [\"electorate\", \"president\", \"court\"],",
        );
        let d = load_str_then("t.ron", &principal, problems).unwrap();
        // Dropped from the principals (`-p electorate -p president`), it is refused again.
        let mut o = crate::analysis::Options::of(&d);
        o.principals = vec!["electorate".into(), "president".into()];
        let e = crate::analysis::analyze(&d, &o).unwrap_err();
        assert_eq!(
            e,
            crate::analysis::AnalysisError::SelfFilled("court".into())
        );
        assert!(e.to_string().contains("add -p court"), "{e}");
        let text = text.replace(
            "(actor: \"president\", role: appoint), (actor: \"electorate\", role: consent)",
            "(actor: \"court\", role: appoint)",
        );
        let checked = check_str_then("t.ron", &text, problems);
        let codes: Vec<&str> = checked.report.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["no-principal"]);
    }
}

//! `--focus BODY`: the graph around one body instead of the whole system, for a figure of
//! one body's appointment chain.
//!
//! `up` (the default) keeps the bodies that fill the focused body's seats, then those that
//! fill theirs, up to `depth` steps; `down` what the body fills and the bodies it holds a
//! power over (dismissal, dissolution, review...), as far; `both` the two. Every link between
//! two kept bodies is drawn, so a dismissal or dissolution within the chain stays visible.

use std::collections::BTreeSet;

use super::Link;
use crate::diag::did_you_mean;
use crate::model::Dataset;

/// Which way a focus walks from its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Direction {
    /// Who fills the body's seats, and who fills theirs.
    #[default]
    Up,
    /// What the body fills and holds power over.
    Down,
    Both,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Both => "both",
        }
    }
}

/// A focus: a body id (checked with [`resolve`]), how many steps, which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Focus<'a> {
    pub body: &'a str,
    pub depth: usize,
    pub direction: Direction,
}

/// The id of the body `query` names: its id, or its name in English, Russian or Kazakh
/// (letter case aside). An unknown body is an error that suggests the nearest id.
pub fn resolve<'d>(dataset: &'d Dataset, query: &str) -> Result<&'d str, String> {
    let q = query.trim();
    let lower = q.to_lowercase();
    if let Some(b) = dataset.bodies.iter().find(|b| {
        b.id == q
            || [&b.names.en, &b.names.ru, &b.names.kk]
                .iter()
                .any(|n| n.to_lowercase() == lower)
    }) {
        return Ok(&b.id);
    }
    let ids = dataset.bodies.iter().map(|b| b.id.as_str());
    let hint = match did_you_mean(q, ids.clone()) {
        Some(s) => format!("did you mean `{s}`?"),
        None => {
            let mut all: Vec<&str> = ids.collect();
            all.sort_unstable();
            format!("the bodies are: {}", all.join(", "))
        }
    };
    Err(format!(
        "--focus: no body `{q}` in {}; {hint}",
        dataset.meta.id
    ))
}

/// The ids of the bodies `focus` keeps, walking `links` (removed ones included, so that a
/// reform's ghosts stay in the picture).
pub fn keep<'a>(links: &[Link<'a>], focus: &Focus<'a>) -> BTreeSet<&'a str> {
    let mut kept = BTreeSet::from([focus.body]);
    let walk = |up: bool, kept: &mut BTreeSet<&'a str>| {
        let mut frontier = vec![focus.body];
        for _ in 0..focus.depth {
            let mut next = Vec::new();
            for l in links {
                let (near, far) = if up { (l.to, l.from) } else { (l.from, l.to) };
                // Up follows who fills seats; down also follows the powers held.
                let follows = !up || l.class().fills_seats();
                if follows && frontier.contains(&near) && kept.insert(far) {
                    next.push(far);
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
    };
    if matches!(focus.direction, Direction::Up | Direction::Both) {
        walk(true, &mut kept);
    }
    if matches!(focus.direction, Direction::Down | Direction::Both) {
        walk(false, &mut kept);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze, tests::tiny_dataset};
    use crate::model::Lang;
    use crate::output::export::Snapshot;
    use crate::output::graph::Graph;

    fn ids(g: &Graph) -> Vec<String> {
        g.nodes.iter().map(|n| n.id().to_string()).collect()
    }

    #[test]
    fn up_keeps_who_fills_the_body_to_the_depth() {
        let ds = tiny_dataset();
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        let focus = |depth, direction| Snapshot {
            focus: Some(Focus {
                body: "court",
                depth,
                direction,
            }),
            ..Snapshot::new(&ds, &a, Lang::En)
        };
        let one = Graph::new(&focus(1, Direction::Up));
        assert_eq!(ids(&one), ["court", "president", "senate"]);
        assert!(
            one.links
                .iter()
                .all(|l| ids(&one).iter().any(|i| i == l.from)
                    && ids(&one).iter().any(|i| i == l.to))
        );
        let two = Graph::new(&focus(2, Direction::Up));
        assert!(ids(&two).contains(&"voters".to_string()), "{:?}", ids(&two));
        let zero = Graph::new(&focus(0, Direction::Both));
        assert_eq!(ids(&zero), ["court"]);
    }

    #[test]
    fn down_follows_seats_and_powers() {
        let ds = tiny_dataset();
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        let s = Snapshot {
            focus: Some(Focus {
                body: "president",
                depth: 1,
                direction: Direction::Down,
            }),
            ..Snapshot::new(&ds, &a, Lang::En)
        };
        let g = Graph::new(&s);
        assert!(ids(&g).contains(&"court".to_string()), "{:?}", ids(&g));
        assert!(!ids(&g).contains(&"voters".to_string()));
    }

    #[test]
    fn an_unknown_body_suggests_the_nearest() {
        let ds = tiny_dataset();
        assert_eq!(resolve(&ds, "court"), Ok("court"));
        let e = resolve(&ds, "cuort").unwrap_err();
        assert!(e.contains("did you mean `court`?"), "{e}");
        let e = resolve(&ds, "zzzzzz").unwrap_err();
        assert!(e.contains("the bodies are: councils, court"), "{e}");
    }
}

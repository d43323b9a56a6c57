//! The generator behind `examples/synth`, shared with the scale test and the benchmarks.
//! The same bodies and seed always give the same bytes: the random numbers come from a fixed
//! SplitMix64, not from a crate whose stream may change.

use std::fmt::Write as _;

/// SplitMix64: small, fast and fixed forever, so a seed names one dataset.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

const LAYERS: usize = 8;
const PRINCIPALS: [&str; 4] = ["electorate", "president", "lower_chamber", "upper_chamber"];

/// The bodies of one generated state, by layer; ids are `b<index>` past the fixed ones.
struct Plan {
    /// `layer_of[i]` for body `i` (principals are layer 0).
    layer_of: Vec<usize>,
    /// The first body index of each layer, and one past the last at the end.
    starts: Vec<usize>,
}

fn id(i: usize) -> String {
    match i {
        0..=3 => PRINCIPALS[i].to_string(),
        4 => "constitutional_court".to_string(),
        _ => format!("b{i}"),
    }
}

fn plan(n: usize) -> Plan {
    // Layer k (1..=8) gets a share proportional to 2^k of the bodies past the principals; the
    // constitutional court (index 4) opens layer 1.
    let rest = n - PRINCIPALS.len();
    let total: usize = (1..=LAYERS).map(|k| 1usize << k).sum();
    let mut starts = vec![0, PRINCIPALS.len()];
    let mut at = PRINCIPALS.len();
    for k in 1..=LAYERS {
        let size = if k == LAYERS {
            n - at
        } else {
            (rest * (1 << k) / total).max(1)
        };
        at = (at + size).min(n);
        starts.push(at);
    }
    let mut layer_of = vec![0; n];
    for k in 1..=LAYERS {
        for l in &mut layer_of[starts[k]..starts[k + 1]] {
            *l = k;
        }
    }
    Plan { layer_of, starts }
}

impl Plan {
    /// A body of a layer before `k`, most often the one just before.
    fn earlier(&self, rng: &mut Rng, k: usize) -> usize {
        let lo = if k >= 2 && rng.chance(0.7) {
            self.starts[k - 1]
        } else {
            0
        };
        let hi = self.starts[k];
        lo + rng.below(hi - lo)
    }
    /// A body of layer `k` or later (an actor that closes a cycle).
    fn later(&self, rng: &mut Rng, k: usize) -> usize {
        let lo = self.starts[k];
        let hi = *self.starts.last().unwrap();
        lo + rng.below(hi - lo)
    }
}

const BRANCHES: [(&str, &str, &str, &str); 6] = [
    ("executive", "Agency", "Агентство", "Агенттік"),
    ("legislative", "Committee", "Комитет", "Комитет"),
    ("judicial", "Court", "Суд", "Сот"),
    ("oversight", "Inspectorate", "Инспекция", "Инспекция"),
    (
        "electoral",
        "Election commission",
        "Избирательная комиссия",
        "Сайлау комиссиясы",
    ),
    (
        "local",
        "Regional office",
        "Областное управление",
        "Облыстық басқарма",
    ),
];

const OVERSIGHT: [&str; 4] = ["holds_to_account", "audits", "investigates", "reviews"];

/// A valid dataset of `n` bodies (at least 16) drawn from `seed`.
pub fn generate(n: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let plan = plan(n);
    let mut entries: Vec<String> = Vec::with_capacity(n);
    let mut edges = String::new();
    let elected = |name: (&str, &str, &str), role: &str, branch: &str, seats: u32| {
        format!(
            "  (id: \"{}\", name: (en: \"{}\", ru: \"{}\", kk: \"{}\"), branch: {branch}, role: {role}, seats: {seats}, source: \"Constitution art. 1\",\n   channels: [(id: \"election\", seats: {seats}, steps: [(actor: \"electorate\", role: elect)], source: \"Constitution art. 2\")]),\n",
            match role {
                "head_of_state" => "president",
                "lower_chamber" => "lower_chamber",
                _ => "upper_chamber",
            },
            name.0,
            name.1,
            name.2
        )
    };
    entries.push("  (id: \"electorate\", name: (en: \"Electorate\", ru: \"Избиратели\", kk: \"Сайлаушылар\"), branch: electorate, role: electorate, seats: 1, source: \"Constitution art. 3\"),\n".to_string());
    entries.push(elected(
        ("President", "Президент", "Президент"),
        "head_of_state",
        "executive",
        1,
    ));
    entries.push(elected(
        ("Assembly", "Собрание", "Жиналыс"),
        "lower_chamber",
        "legislative",
        300,
    ));
    entries.push(elected(
        ("Senate", "Сенат", "Сенат"),
        "upper_chamber",
        "legislative",
        60,
    ));
    entries.push(
        "  (id: \"constitutional_court\", name: (en: \"Constitutional Court\", ru: \"Конституционный суд\", kk: \"Конституциялық сот\"), branch: judicial, role: constitutional_review, seats: 9, independent: true, non_partisan: true, term_years: 9, source: \"Constitution art. 70\",\n   channels: [(id: \"chair\", label: \"Chair\", seats: 1, steps: [(actor: \"president\", role: nominate), (actor: \"upper_chamber\", role: appoint)], source: \"Constitution art. 71(1)\"),\n    (id: \"president\", seats: 4, steps: [(actor: \"president\", role: appoint)], source: \"Constitution art. 71(2)\"),\n    (id: \"chambers\", seats: 4, steps: [(actor: \"lower_chamber\", role: elect), (actor: \"president\", role: consent)], source: \"Constitution art. 71(3)\")]),\n".to_string(),
    );
    edges.push_str("  (from: \"president\", to: \"lower_chamber\", kind: dissolve, source: \"Constitution art. 9\"),\n");
    edges.push_str("  (from: \"lower_chamber\", to: \"president\", kind: impeach, source: \"Constitution art. 10\"),\n");
    edges.push_str("  (from: \"president\", to: \"constitutional_court\", kind: dismiss_at_will, channel: \"president\", source: \"Constitution art. 71(4)\"),\n");
    edges.push_str("  (from: \"constitutional_court\", to: \"lower_chamber\", kind: reviews, source: \"Constitution art. 72\"),\n");

    for i in 5..n {
        let k = plan.layer_of[i];
        let (branch, en, ru, kk) = BRANCHES[rng.below(BRANCHES.len())];
        let seats = if rng.chance(0.4) {
            1
        } else {
            2 + rng.below(14)
        };
        let channels = (1 + rng.below(3)).min(seats);
        let independent =
            matches!(branch, "judicial" | "oversight" | "electoral") && rng.chance(0.5);
        let mut s = String::new();
        let _ = write!(
            s,
            "  (id: \"{}\", name: (en: \"{en} {i}\", ru: \"{ru} {i}\", kk: \"{kk} {i}\"), branch: {branch}, seats: {seats}{}{}, source: \"Law {i} art. 1\",\n   channels: [",
            id(i),
            if independent {
                ", independent: true"
            } else {
                ""
            },
            if rng.chance(0.3) {
                ", term_years: 5"
            } else {
                ""
            },
        );
        let mut left = seats;
        let mut pickers = Vec::new();
        for c in 0..channels {
            let cs = if c + 1 == channels {
                left
            } else {
                1 + rng.below(left - (channels - c - 1))
            };
            left -= cs;
            // About 15% of channels name an actor of this layer or a later one.
            let cycle = rng.chance(0.15);
            let mut actors: Vec<usize> = Vec::new();
            let pick = |rng: &mut Rng, actors: &mut Vec<usize>, cycle: bool| loop {
                let a = if cycle {
                    plan.later(rng, k)
                } else {
                    plan.earlier(rng, k)
                };
                if a != i && a != 0 && !actors.contains(&a) {
                    actors.push(a);
                    return a;
                }
            };
            let shape = rng.below(6);
            let mut steps = Vec::new();
            let decide = if rng.chance(0.3) { "elect" } else { "appoint" };
            if shape >= 3 {
                let a = pick(&mut rng, &mut actors, false);
                steps.push(format!("(actor: \"{}\", role: nominate)", id(a)));
            }
            let picker = pick(&mut rng, &mut actors, cycle && steps.is_empty());
            pickers.push((picker, c));
            steps.push(format!("(actor: \"{}\", role: {decide})", id(picker)));
            if !shape.is_multiple_of(3) {
                let a = pick(&mut rng, &mut actors, cycle && shape < 3);
                let vote = if rng.chance(0.3) {
                    ", vote: (approve: \"3/5\", of: members)"
                } else {
                    ""
                };
                steps.push(format!("(actor: \"{}\", role: consent{vote})", id(a)));
            }
            let _ = write!(
                s,
                "{}(id: \"c{c}\", seats: {cs}, steps: [{}], source: \"Law {i} art. {}\")",
                if c == 0 { "" } else { ",\n    " },
                steps.join(", "),
                c + 2
            );
        }
        s.push_str("]),\n");
        entries.push(s);

        // About two power edges per body: a dismissal by one who picks, and oversight.
        let (picker, c) = pickers[rng.below(pickers.len())];
        if rng.chance(0.8) {
            let kind = if rng.chance(0.5) {
                "dismiss_at_will"
            } else {
                "dismiss_for_cause"
            };
            let _ = writeln!(
                edges,
                "  (from: \"{}\", to: \"{}\", kind: {kind}, channel: \"c{c}\", source: \"Law {i} art. 9\"),",
                id(picker),
                id(i)
            );
        }
        let overseer = if rng.chance(0.2) {
            1 + rng.below(4)
        } else if k < LAYERS && rng.chance(0.1) {
            plan.later(&mut rng, k + 1)
        } else {
            plan.earlier(&mut rng, k)
        };
        if overseer != 0 && overseer != i {
            let kind = OVERSIGHT[rng.below(OVERSIGHT.len())];
            let _ = writeln!(
                edges,
                "  (from: \"{}\", to: \"{}\", kind: {kind}, source: \"Law {i} art. 10\"),",
                id(overseer),
                id(i)
            );
        }
        if rng.chance(0.2) && overseer != 4 {
            let _ = writeln!(
                edges,
                "  (from: \"constitutional_court\", to: \"{}\", kind: reviews, source: \"Law {i} art. 11\"),",
                id(i)
            );
        }
    }

    // Fisher-Yates, so that no stage can rely on bodies coming in layer order.
    for i in (1..entries.len()).rev() {
        entries.swap(i, rng.below(i + 1));
    }
    let mut s = String::with_capacity(n * 600);
    let _ = write!(
        s,
        "// Synthetic state: {n} bodies, seed {seed} (cargo run --release --example synth -- --bodies {n} --seed {seed}).\n(\n id: \"synth-{n}\",\n title: \"Synthetic state of {n} bodies (seed {seed})\",\n jurisdiction: \"Synthetic\",\n as_of: \"2026-01-01\",\n bodies: [\n"
    );
    for e in entries {
        s.push_str(&e);
    }
    s.push_str(" ],\n edges: [\n");
    s.push_str(&edges);
    s.push_str(" ],\n)\n");
    s
}

//! A small dataset for the tests of every layer: the model's own tests build on it, and so do
//! those above (through `analysis::tests::tiny_dataset`).

use super::Dataset;

/// Principals V (voters) and P (president, elected by V). Senate S: 8 seats elected by
/// local councils L (elected by V), 2 appointed by P. Court C: chair by P with S's consent,
/// 1 judge by P, 1 by S.
pub(crate) const TINY: &str = r#"(
        id: "tiny", title: "Tiny", jurisdiction: "Test", as_of: "2024-01-01",
        principals: ["voters", "president", "councils"],
        bodies: [
            (id: "voters", name: (en: "Voters", ru: "Избиратели", kk: "Сайлаушылар"), branch: electorate, seats: 1, source: "art. 1"),
            (id: "president", name: (en: "President", ru: "Президент", kk: "Президент"), branch: executive, role: head_of_state, seats: 1, source: "art. 2",
             channels: [(id: "election", seats: 1, steps: [(actor: "voters", role: elect)], source: "art. 2")]),
            (id: "councils", name: (en: "Councils", ru: "Советы", kk: "Кеңестер"), branch: local, seats: 1, source: "art. 3",
             channels: [(id: "election", seats: 1, steps: [(actor: "voters", role: elect)], source: "art. 3")]),
            (id: "senate", name: (en: "Senate", ru: "Сенат", kk: "Сенат"), branch: legislative, seats: 10, source: "art. 4",
             channels: [
                (id: "elected", seats: 8, steps: [(actor: "councils", role: elect)], source: "art. 4(1)"),
                (id: "appointed", seats: 2, steps: [(actor: "president", role: appoint)], source: "art. 4(2)"),
             ]),
            (id: "court", name: (en: "Court", ru: "Суд", kk: "Сот"), branch: judicial, seats: 3, independent: true, source: "art. 5",
             channels: [
                (id: "chair", seats: 1, steps: [(actor: "president", role: appoint), (actor: "senate", role: consent)], source: "art. 5(1)"),
                (id: "president_judges", seats: 1, steps: [(actor: "president", role: appoint)], source: "art. 5(2)"),
                (id: "senate_judges", seats: 1, steps: [(actor: "senate", role: appoint)], source: "art. 5(3)"),
             ]),
        ],
        edges: [
            (from: "president", to: "court", kind: dismiss_at_will, channel: "chair", source: "art. 5(4)"),
            (from: "president", to: "senate", kind: dismiss_at_will, channel: "appointed", source: "art. 4(3)"),
        ],
)"#;

pub(crate) fn tiny_dataset() -> Dataset {
    super::load_str("tiny.ron", TINY).unwrap_or_else(|e| panic!("{}", e.report))
}

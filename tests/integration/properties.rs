//! Invariants that hold for any input, checked with proptest.

use bilik::analysis::control::{Rows, SolveError, solve};
use bilik::analysis::{Options, analyze};
use bilik::data::check_str;
use proptest::prelude::*;

/// Dense Gaussian elimination on (I - Q) H = R: the textbook answer, for small chains only.
fn dense_oracle(rows: &Rows, absorbing: &[bool]) -> Vec<Vec<f64>> {
    let n = rows.len();
    let t: Vec<usize> = (0..n).filter(|&i| !absorbing[i]).collect();
    let a: Vec<usize> = (0..n).filter(|&i| absorbing[i]).collect();
    let pos = |i: usize| t.iter().position(|&x| x == i);
    let m = t.len();
    let mut mat = vec![vec![0.0; m + a.len()]; m];
    for (r, &i) in t.iter().enumerate() {
        mat[r][r] += 1.0;
        for &(j, p) in &rows[i] {
            if let Some(c) = pos(j) {
                mat[r][c] -= p;
            } else {
                let k = a.iter().position(|&x| x == j).unwrap();
                mat[r][m + k] += p;
            }
        }
    }
    for col in 0..m {
        let piv = (col..m)
            .max_by(|&x, &y| mat[x][col].abs().total_cmp(&mat[y][col].abs()))
            .unwrap();
        mat.swap(col, piv);
        let d = mat[col][col];
        for x in mat[col].iter_mut() {
            *x /= d;
        }
        for r in 0..m {
            if r != col {
                let f = mat[r][col];
                if f != 0.0 {
                    let pivot_row = mat[col].clone();
                    for (x, y) in mat[r].iter_mut().zip(pivot_row) {
                        *x -= f * y;
                    }
                }
            }
        }
    }
    let mut h = vec![vec![0.0; a.len()]; n];
    for (k, &i) in a.iter().enumerate() {
        h[i][k] = 1.0;
    }
    for (r, &i) in t.iter().enumerate() {
        h[i] = mat[r][m..].to_vec();
    }
    h
}

fn chain() -> impl Strategy<Value = (Rows, Vec<bool>)> {
    (2usize..9, 1usize..4).prop_flat_map(|(n, k)| {
        let k = k.min(n - 1);
        let row = prop::collection::vec((0..n, 1u32..10), 1..5);
        prop::collection::vec(row, n).prop_map(move |raw| {
            let absorbing: Vec<bool> = (0..n).map(|i| i < k).collect();
            let rows: Rows = raw
                .into_iter()
                .enumerate()
                .map(|(i, entries)| {
                    if absorbing[i] {
                        return Vec::new();
                    }
                    let total: u32 = entries.iter().map(|e| e.1).sum();
                    let mut merged: Vec<(usize, f64)> = Vec::new();
                    for (j, w) in entries {
                        let p = f64::from(w) / f64::from(total);
                        match merged.iter_mut().find(|e| e.0 == j) {
                            Some(e) => e.1 += p,
                            None => merged.push((j, p)),
                        }
                    }
                    merged
                })
                .collect();
            (rows, absorbing)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn sparse_solution_matches_the_dense_oracle((rows, absorbing) in chain()) {
        match solve(&rows, &absorbing) {
            Ok(s) => {
                let oracle = dense_oracle(&rows, &absorbing);
                prop_assert_eq!(oracle.len(), rows.len());
                for (i, want) in oracle.iter().enumerate() {
                    let row = &s.h[i * s.m..(i + 1) * s.m];
                    let total: f64 = row.iter().sum();
                    prop_assert!((total - 1.0).abs() < 1e-9, "row {i} sums to {total}");
                    for (x, y) in row.iter().zip(want) {
                        prop_assert!((x - y).abs() < 1e-8, "row {i}: {row:?} vs {want:?}");
                        prop_assert!((-1e-12..=1.0 + 1e-12).contains(x));
                    }
                }
                prop_assert!(s.residual < 1e-9);
            }
            Err(SolveError::Unreachable(stuck)) => {
                // Those bodies really reach no principal: their closure stays among them.
                for &i in &stuck {
                    for &(j, p) in &rows[i] {
                        prop_assert!(p == 0.0 || stuck.contains(&j), "{i} -> {j}");
                    }
                }
            }
            Err(e) => prop_assert!(false, "{e:?}"),
        }
    }

    #[test]
    fn the_loader_never_panics_on_damaged_data(cuts in prop::collection::vec((0usize..30_000, 0usize..40, "[\\PC]{0,3}"), 1..4)) {
        let mut text = include_str!("../../data/kz-2022.ron").to_string();
        for (at, len, insert) in cuts {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) { at -= 1; }
            let mut end = (at + len).min(text.len());
            while !text.is_char_boundary(end) { end -= 1; }
            text.replace_range(at..end, &insert);
        }
        let checked = check_str("damaged.ron", &text);
        if checked.dataset.is_none() {
            prop_assert!(checked.report.errors() > 0);
        }
        for d in &checked.report.diagnostics {
            if let Some(span) = &d.span {
                prop_assert!(span.start <= text.len());
            }
        }
        let _ = checked.report.render(false);
        if let Some(ds) = checked.dataset {
            let a = analyze(&ds, &Options::of(&ds));
            prop_assert!(a.is_ok(), "{:?}", a.err());
        }
    }

    #[test]
    fn equivalent_procedures_are_treated_alike(consent in 0.0f64..5.0, propose in 0.01f64..5.0, recommend in 0.0f64..5.0) {
        let doc = |chair: &str| format!(r#"(
            id: "eq", title: "t", jurisdiction: "x", as_of: "2024-01-01",
            weights: {{ "consent": {consent}, "propose": {propose}, "recommend": {recommend} }},
            bodies: [
                (id: "electorate", name: (en: "E", ru: "И", kk: "С"), branch: electorate, seats: 1, source: "a"),
                (id: "a", name: (en: "A", ru: "А", kk: "А"), branch: executive, seats: 1, source: "a",
                 channels: [(id: "e", seats: 1, steps: [(actor: "electorate", role: elect)], source: "a")]),
                (id: "b", name: (en: "B", ru: "Б", kk: "Б"), branch: legislative, seats: 1, source: "a",
                 channels: [(id: "e", seats: 1, steps: [(actor: "electorate", role: elect)], source: "a")]),
                (id: "c", name: (en: "C", ru: "В", kk: "В"), branch: judicial, seats: 1, source: "a",
                 channels: [(id: "x", seats: 1, steps: [{chair}], source: "a")]),
            ],
        )"#);
        let a = check_str("a.ron", &doc(r#"(actor: "a", role: appoint), (actor: "b", role: consent)"#)).dataset.unwrap();
        let b = check_str("b.ron", &doc(r#"(actor: "a", role: nominate), (actor: "b", role: elect)"#)).dataset.unwrap();
        let ca = analyze(&a, &Options::of(&a)).unwrap();
        let cb = analyze(&b, &Options::of(&b)).unwrap();
        prop_assert_eq!(&ca.body("c").unwrap().direct, &cb.body("c").unwrap().direct);
        prop_assert_eq!(&ca.body("c").unwrap().control, &cb.body("c").unwrap().control);
    }
}

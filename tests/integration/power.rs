//! `bilik power`: the voting-power calculator on the published worked examples, and its
//! refusals of games that cannot be played.

use crate::common::{bilik, stderr, stdout};

fn json(args: &[&str]) -> serde_json::Value {
    let out = bilik(args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("JSON")
}

#[test]
fn banzhaf_of_the_published_example_in_json() {
    let v = json(&[
        "power", "--quota", "51", "50", "49", "1", "--format", "json",
    ]);
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["banzhaf", "shapley_shubik"]);
    assert_eq!(v["banzhaf"], serde_json::json!([0.6, 0.2, 0.2]));
    let ss: Vec<f64> = serde_json::from_value(v["shapley_shubik"].clone()).unwrap();
    assert!((ss[0] - 2.0 / 3.0).abs() < 1e-15 && (ss[1] - 1.0 / 6.0).abs() < 1e-15);
}

#[test]
fn shapley_shubik_of_the_published_example_in_json() {
    let v = json(&["power", "-q", "50", "10", "10", "20", "30", "-f", "json"]);
    let ss: Vec<f64> = serde_json::from_value(v["shapley_shubik"].clone()).unwrap();
    for (got, want) in ss.iter().zip([1.0 / 12.0, 1.0 / 12.0, 0.25, 7.0 / 12.0]) {
        assert!((got - want).abs() < 1e-15, "{ss:?}");
    }
}

#[test]
fn the_text_table_shows_exact_fractions() {
    let out = bilik(&["power", "--quota", "50", "10", "10", "20", "30"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(
        s.starts_with("game [50; 10, 10, 20, 30], total weight 70\n"),
        "{s}"
    );
    assert!(s.contains("0.083333 (1/12)"), "{s}");
    assert!(s.contains("0.583333 (7/12)"), "{s}");
    let out = bilik(&["power", "--quota", "51", "50", "49", "1"]);
    assert!(stdout(&out).contains("0.600000 (3/5)"), "{}", stdout(&out));
}

#[test]
fn impossible_games_are_refused_without_a_panic() {
    for (args, message) in [
        (
            vec!["power", "--quota", "101", "50", "49", "1"],
            "the quota 101 is above the total weight 100: no coalition can win",
        ),
        (
            vec!["power", "--quota", "51", "50", "0", "1"],
            "weight 2 is 0",
        ),
        (
            vec!["power", "--quota", "51", "50", "-3", "1"],
            "weight 2 '-3' is not a whole number of at least 1",
        ),
        (
            vec!["power", "--quota", "2.5", "3"],
            "the quota '2.5' is not a whole number of at least 1",
        ),
        (
            vec!["power", "--quota", "0", "3"],
            "the quota must be at least 1",
        ),
    ] {
        let out = bilik(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.starts_with("bilik: ") && err.contains(message),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        assert!(stdout(&out).is_empty());
    }
}

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

/// The point value of a report line: `52.7%` of `total integrated control  52.7% (48.5–61.1)`.
fn total(report: &str) -> String {
    let line = report
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("total integrated control"))
        .unwrap_or_else(|| panic!("no total in\n{report}"));
    line["total integrated control".len()..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn the_de_facto_layer_moves_the_presidents_hold_on_the_constitutional_court() {
    let run = |layer: &str, model: &str| {
        let out = bilik(&["summary", "--layer", layer, "--share-model", model]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    // De jure no bloc exists, so the share model changes nothing: the article's 52.7%.
    for model in ["seats", "banzhaf", "shapley"] {
        let s = run("de-jure", model);
        assert_eq!(total(&s), "52.7%", "{model}");
    }
    assert!(!run("de-jure", "seats").contains("layer:"));
    assert!(
        run("de-jure", "banzhaf")
            .contains("layer: de jure: the law as written · share model: Banzhaf power")
    );
    // De facto, AMANAT's 62 of 98 Mazhilis seats count for the President; under a power
    // index its majority carries every vote of the chamber, and the Senate's ten appointees
    // weigh more as one bloc than as ten seats.
    let seats = run("de-facto", "seats");
    assert!(seats.contains("layer: DE FACTO: blocs and alignments from cited sources, not law (codebook R34) · share model: seat shares"), "{seats}");
    assert_eq!(total(&seats), "71.9%");
    assert!(seats.contains("through the Mazhilis"), "{seats}");
    assert_eq!(total(&run("de-facto", "banzhaf")), "84.4%");
    assert_eq!(total(&run("de-facto", "shapley")), "81.1%");
}

#[test]
fn the_json_summary_names_the_layer_the_share_model_and_each_blocs_power() {
    let v = json(&[
        "export",
        "--format",
        "json",
        "--layer",
        "de-facto",
        "--share-model",
        "banzhaf",
    ]);
    assert_eq!(v["schema"], "bilik.summary/2");
    assert_eq!(v["options"]["layer"], "de_facto");
    assert_eq!(v["options"]["share_model"], "banzhaf");
    let body = |id: &str| {
        v["bodies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["id"] == id)
            .unwrap()
            .clone()
    };
    let mazhilis = body("mazhilis");
    assert_eq!(mazhilis["layer"], "de_facto");
    assert_eq!(mazhilis["decision"]["quota"], 50);
    let blocs = mazhilis["blocs"].as_array().unwrap();
    assert_eq!(blocs.len(), 6);
    assert_eq!(blocs[0]["id"], "amanat");
    assert_eq!(blocs[0]["seats"], 62);
    assert_eq!(blocs[0]["aligned_with"], "president");
    assert_eq!(blocs[0]["banzhaf"], 1.0);
    assert_eq!(blocs[0]["shapley_shubik"], 1.0);
    assert!(blocs[0]["note"].as_str().unwrap().starts_with("DE FACTO"));
    assert!(
        blocs
            .iter()
            .all(|b| !b["source"].as_str().unwrap().is_empty())
    );
    // The Senate's appointees: [26; 10, 1 x 40].
    let senate = &body("senate")["blocs"][0];
    assert_eq!(senate["banzhaf"], 0.3762);
    assert_eq!(senate["shapley_shubik"], 0.2439);
    // The Mazhilis is no principal in the de facto layer: it answers through its blocs.
    assert!(
        !v["principals"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "mazhilis")
    );

    let plain = json(&["export", "--format", "json"]);
    assert_eq!(plain["options"]["layer"], "de_jure");
    for b in plain["bodies"].as_array().unwrap() {
        assert_eq!(b["blocs"], serde_json::json!([]), "{}", b["id"]);
        assert_eq!(b["share_model"], "seats");
    }
}

#[test]
fn blocs_that_do_not_fit_their_body_are_refused_at_their_place() {
    let text = std::fs::read_to_string(crate::common::root().join("data/kz-2022.ron")).unwrap();
    let bad = text
        .replacen(
            "seats: 62, channels: { \"party_list\": 40, \"districts\": 22 }",
            "seats: 92, channels: { \"party_list\": 40, \"districts\": 52 }",
            1,
        )
        .replacen(
            "aligned_with: \"president\", layer: de_facto",
            "aligned_with: \"presidnt\", layer: de_facto",
            1,
        );
    assert_ne!(bad, text);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, bad).unwrap();
    let out = bilik(&["check", path.to_str().unwrap(), "--color", "never"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stdout(&out) + &stderr(&out);
    assert!(err.contains("error[bloc-seats]: bloc `amanat` of body `mazhilis` draws 52 seats from channel `districts`, which has 29"), "{err}");
    assert!(err.contains("error[bloc-seats]: the blocs of body `mazhilis` hold 100 seats up to `auyl`, but the body has 98"), "{err}");
    assert!(
        err.contains(
            "error[unknown-id]: bloc `amanat` is aligned with `presidnt`, which is not a body"
        ),
        "{err}"
    );
    assert!(err.contains("bad.ron:252:"), "{err}");
    assert!(err.contains("did you mean `president`?"), "{err}");
}

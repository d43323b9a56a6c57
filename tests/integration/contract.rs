//! The `bilik.summary/2` JSON contract (which only adds to `/1`), checked with the same rules as
//! `shared/checks/json-contract.py` (and with that script too when it is reachable).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::common::{bilik, root};

const REQUIRED_KZ_IDS: &str = "electorate president presidential_administration senate senate_chair mazhilis mazhilis_chair prime_minister government constitutional_court supreme_court local_courts supreme_judicial_council prosecutor_general supreme_audit_chamber central_election_commission national_bank human_rights_commissioner national_security_committee assembly_of_people maslikhats regional_akims";

/// Every problem of a document, as the Python checker words them.
pub fn problems(d: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for k in [
        "schema",
        "dataset",
        "reforms",
        "weights",
        "principals",
        "bodies",
        "edges",
        "flags",
    ] {
        if d.get(k).is_none() {
            out.push(format!("missing top-level key '{k}'"));
        }
    }
    if !out.is_empty() {
        return out;
    }
    if !d["schema"]
        .as_str()
        .unwrap_or("")
        .starts_with("bilik.summary/")
    {
        out.push(format!("schema is {}", d["schema"]));
    }
    let bodies = d["bodies"].as_array().unwrap();
    let ids: Vec<&str> = bodies
        .iter()
        .map(|b| b["id"].as_str().unwrap_or(""))
        .collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    if ids != sorted {
        out.push("bodies are not sorted by id".into());
    }
    let known: BTreeSet<&str> = ids.iter().copied().collect();
    if d["dataset"]["id"]
        .as_str()
        .unwrap_or("")
        .starts_with("kz-2022")
    {
        for r in REQUIRED_KZ_IDS.split(' ') {
            if !known.contains(r) {
                out.push(format!("missing body id '{r}'"));
            }
        }
    }
    let principals: Vec<&str> = d["principals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    for p in &principals {
        if !known.contains(p) {
            out.push(format!("principal '{p}' is not a body"));
        }
    }
    for b in bodies {
        let id = b["id"].as_str().unwrap_or("?");
        for k in [
            "names",
            "branch",
            "seats",
            "independent",
            "direct",
            "control",
            "vetoes",
            "removable_at_will_by",
            "hhi",
        ] {
            if b.get(k).is_none() {
                out.push(format!("body '{id}' lacks '{k}'"));
            }
        }
        for lang in ["en", "ru", "kk"] {
            if b["names"][lang].as_str().is_none_or(str::is_empty) {
                out.push(format!("body '{id}' lacks a name in {lang}"));
            }
        }
        let direct = b["direct"].as_object().unwrap();
        let sum: f64 = direct.values().map(|v| v.as_f64().unwrap()).sum();
        if !direct.is_empty() && (sum - b["seats"].as_f64().unwrap()).abs() > 1e-3 {
            out.push(format!("body '{id}': direct adds up to {sum}"));
        }
        for a in direct.keys() {
            if !known.contains(a.as_str()) {
                out.push(format!("body '{id}': direct names unknown actor '{a}'"));
            }
        }
        let control = b["control"].as_object().unwrap();
        let sum: f64 = control.values().map(|v| v.as_f64().unwrap()).sum();
        if !control.is_empty() && (sum - 1.0).abs() > 1e-3 {
            out.push(format!("body '{id}': control adds up to {sum}"));
        }
        for (p, v) in control {
            if !principals.contains(&p.as_str()) {
                out.push(format!(
                    "body '{id}': control names '{p}', which is not a principal"
                ));
            }
            let v = v.as_f64().unwrap();
            if !(0.0..=1.0).contains(&v) {
                out.push(format!("body '{id}': control[{p}] = {v} is outside [0, 1]"));
            }
        }
    }
    for (i, e) in d["edges"].as_array().unwrap().iter().enumerate() {
        for k in ["from", "to", "kind", "source"] {
            if e.get(k).is_none() {
                out.push(format!("edge {i} lacks '{k}'"));
            }
        }
        if e["source"].as_str().unwrap_or("").trim().is_empty() {
            out.push(format!("edge {i} has no source"));
        }
        for k in ["from", "to"] {
            if !known.contains(e[k].as_str().unwrap_or("")) {
                out.push(format!("edge {i} names unknown body {}", e[k]));
            }
        }
    }
    for (i, f) in d["flags"].as_array().unwrap().iter().enumerate() {
        for k in [
            "rule", "severity", "body", "actor", "value", "message", "sources",
        ] {
            if f.get(k).is_none() {
                out.push(format!("flag {i} lacks '{k}'"));
            }
        }
    }
    out
}

fn export(args: &[&str]) -> Value {
    let mut all = vec!["export", "--format", "json"];
    all.extend_from_slice(args);
    let out = bilik(&all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_baseline_export_follows_the_contract() {
    let d = export(&[]);
    assert_eq!(problems(&d), Vec::<String>::new());
    assert_eq!(d["dataset"]["id"], "kz-2022");
    assert_eq!(d["reforms"], serde_json::json!([]));
    assert_eq!(d["weights"]["consent"], 1.0);
    let cc = d["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == "constitutional_court")
        .unwrap();
    assert_eq!(cc["seats"], 11);
    assert_eq!(cc["direct"]["president"], 4.5);
    assert_eq!(cc["control"]["president"], 0.5273);
    assert_eq!(cc["vetoes"], serde_json::json!(["mazhilis", "senate"]));
    assert_eq!(cc["removable_at_will_by"], serde_json::json!(["president"]));
    assert_eq!(d["headline"]["total"], 0.5273);
    assert_eq!(d["headline"]["picked_seats"], 5);
}

#[test]
fn exports_under_other_options_follow_the_contract() {
    for args in [
        vec!["--weights", "consent=0,recommend=0"],
        vec!["--weights", "at_will_removal=1"],
        vec!["-p", "senate", "-p", "president"],
        vec!["--data", "tests/fixtures/valid/minimal.ron"],
    ] {
        let d = export(&args);
        assert_eq!(problems(&d), Vec::<String>::new(), "{args:?}");
    }
}

#[test]
fn the_shared_checker_agrees_when_it_is_reachable() {
    let script = root().join("../shared/checks/json-contract.py");
    let python = std::process::Command::new("python3")
        .arg("--version")
        .output();
    if !script.exists() || python.is_err() {
        eprintln!("skipped: {} or python3 not available", script.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.json");
    let out = bilik(&["export", "-o", path.to_str().unwrap()]);
    assert!(out.status.success());
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("conforms:"));
}

/// `/2` adds the ranges, the derived step figures, the alternatives and the options, and
/// every added figure is consistent with the `/1` figure beside it.
#[test]
fn summary_2_adds_ranges_steps_alternatives_and_options() {
    let d = export(&["-d", "kz-2026"]);
    assert_eq!(d["schema"], "bilik.summary/2");
    assert_eq!(d["options"]["at_will_threat"], false);
    assert_eq!(
        d["options"]["band"]["consent"],
        serde_json::json!([0.5, 2.0])
    );
    assert_eq!(d["ranges"]["exact"], true);
    assert!(d["alternatives"].is_array());
    // Art. 62(2): the Kurultai's consents on the President's proposals are under threat, and
    // the sensitivity says so.
    let h = &d["headline"];
    assert_eq!(h["threat_ratio"], 0.5);
    assert_eq!(h["without_threat_discount"], 0.5455);
    let threatened = d["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["channels"].as_array().unwrap())
        .flat_map(|c| c["steps"].as_array().unwrap())
        .filter(|s| s["under_threat"] == true)
        .count();
    assert!(threatened > 0);
    for b in d["bodies"].as_array().unwrap() {
        for c in b["channels"].as_array().unwrap() {
            for s in c["steps"].as_array().unwrap() {
                let v = s["veto_strength"].as_f64().unwrap();
                assert!((0.0..=2.0).contains(&v), "{s}");
            }
        }
        for (p, x) in b["control"].as_object().unwrap() {
            let r = &b["control_range"][p];
            let (lo, hi) = (r[0].as_f64().unwrap(), r[1].as_f64().unwrap());
            let x = x.as_f64().unwrap();
            assert!(lo <= x && x <= hi, "{} {p}: {x} not in {lo}-{hi}", b["id"]);
        }
    }
    let r = &h["range"];
    let total = h["total"].as_f64().unwrap();
    assert!(r[0].as_f64().unwrap() <= total && total <= r[1].as_f64().unwrap());
    assert_eq!(problems(&d), Vec::<String>::new());
    // kz-2022 can dissolve at will: the threat option is a dimension, and a driver.
    let d = export(&["--at-will-threat", "--band", "consent=0.25..4"]);
    assert_eq!(problems(&d), Vec::<String>::new());
    assert_eq!(d["options"]["at_will_threat"], true);
    assert_eq!(
        d["options"]["band"]["consent"],
        serde_json::json!([0.25, 4.0])
    );
    let drivers: Vec<&str> = d["headline"]["drivers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["choice"].as_str().unwrap())
        .collect();
    assert!(drivers.contains(&"at-will threat off"), "{drivers:?}");
}

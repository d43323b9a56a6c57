//! `bilik compare`: the paper table, the JSON contract `bilik.compare/1`, Markdown, the CSV
//! round trip, the pinned kz timeline and the errors.

use serde_json::Value;

use crate::common::{bilik, stderr, stdout};

/// Every embedded dataset, in order: what `bilik compare` with no argument compares.
const ALL: [&str; 11] = [
    "kz-2017", "kz-2022", "kz-2026", "us", "fr", "tr", "ru-2020", "uz-2023", "kg-2021", "tj-2016",
    "tm-2023",
];
/// The six states of the paper table, pinned below.
const PAPER: [&str; 6] = ["kz-2017", "kz-2022", "kz-2026", "us", "fr", "tr"];

fn json(args: &[&str]) -> Value {
    let mut full = vec!["compare", "--format", "json"];
    full.extend(args);
    let out = bilik(&full);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("valid JSON")
}

/// The cells of the text table row that starts with `label`.
fn row(text: &str, label: &str) -> Vec<String> {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no row '{label}' in\n{text}"));
    line[label.len()..]
        .split_whitespace()
        // The point values; a range is written `(lo–hi)` after its figure.
        .filter(|t| !(t.starts_with('(') && t.contains('–')))
        .map(str::to_string)
        .collect()
}

/// The ranges printed in a row, `(lo–hi)` each, in column order (a cell without one has none).
fn ranges(text: &str, label: &str) -> Vec<String> {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no row '{label}' in\n{text}"));
    line[label.len()..]
        .split_whitespace()
        .filter(|t| t.starts_with('(') && t.contains('–'))
        .map(str::to_string)
        .collect()
}

fn dataset<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["datasets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no dataset {id}"))
}

#[test]
fn the_paper_table_ranks_the_six_states() {
    let mut args = vec!["compare"];
    args.extend(PAPER);
    let out = bilik(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(s.starts_with(
        "COMPARING STATES: how much of the independent bodies does the head of state hold?"
    ));
    // The columns are the six datasets named, in order.
    let header = s
        .lines()
        .skip_while(|l| !l.starts_with("INDICATORS"))
        .nth(1)
        .unwrap();
    assert_eq!(header.split_whitespace().collect::<Vec<_>>(), PAPER);
    assert_eq!(
        row(&s, "head_of_state_concentration"),
        ["0.726", "0.689", "0.884", "0.637", "0.548", "0.493"]
    );
    // Each with its range over the readings, the band and the threat option.
    assert_eq!(
        ranges(&s, "head_of_state_concentration"),
        [
            "(0.556–0.787)",
            "(0.455–0.785)",
            "(0.612–0.935)",
            "(0.395–0.738)",
            "(0.423–0.621)",
            "(0.478–0.508)"
        ]
    );
    // The aligned index (codebook R23) and its parts, from the shipped alignment and powers.
    assert_eq!(
        row(&s, "aligned index (codebook R23)"),
        ["0.846", "0.795", "0.964", "0.627", "0.528", "0.842"]
    );
    assert_eq!(
        row(&s, "hold, elected bodies by alignment"),
        ["0.906", "0.838", "0.952", "0.774", "0.612", "0.782"]
    );
    assert_eq!(
        row(&s, "powers beyond appointments"),
        [
            "2", "of", "3", "2", "of", "3", "3", "of", "3", "1", "of", "3", "1", "of", "3", "3",
            "of", "3"
        ]
    );
    assert_eq!(
        row(&s, "picks, through the bodies he fills"),
        ["0.872", "0.883", "0.980", "1.000", "0.727", "0.539"]
    );
    assert_eq!(
        row(&s, "- vetoes others hold on his picks"),
        ["-0.229", "-0.298", "-0.194", "-0.530", "-0.180", "-0.046"]
    );
    assert_eq!(
        row(&s, "+ seats he can dismiss at will"),
        ["+0.082", "+0.104", "+0.098", "+0.167", "+0.000", "+0.000"]
    );
    assert_eq!(
        row(&s, "bodies removable at will"),
        [
            "4", "of", "9", "4", "of", "9", "7", "of", "9", "2", "of", "6", "0", "of", "8", "2",
            "of", "9"
        ]
    );
    assert_eq!(
        row(&s, "constitutional review"),
        ["48.2%", "55.3%", "100.0%", "50.0%", "18.5%", "70.3%"]
    );
    assert!(s.contains(
        "  kz-2026  Kurultai, under threat of dissolution (4: Constitutional Court, Supreme Court, Supreme Audit Chamber, Central Election Commission)"
    ), "{s}");
    assert!(s.contains("  tr       Court of Cassation (Yargıtay) (2: Constitutional Court (Anayasa Mahkemesi), Chief Public Prosecutor of the Court of Cassation)"), "{s}");
}

#[test]
fn the_role_table_lines_bodies_up_by_role() {
    let s = stdout(&bilik(&["compare", "kz-2017", "kz-2022", "us"]));
    let block: Vec<&str> = s
        .lines()
        .skip_while(|l| *l != "audit (independent role)")
        .take(4)
        .collect();
    assert_eq!(block.len(), 4, "{s}");
    // The Accounts Committee and the Supreme Audit Chamber are one role.
    assert!(block[1].contains("kz-2017") && block[1].contains("Accounts Committee"));
    assert!(block[2].contains("kz-2022") && block[2].contains("Supreme Audit Chamber (9 seats)"));
    assert!(
        block[3].contains("Comptroller General") && block[3].contains("largest: Senate 50.0%"),
        "{}",
        block[3]
    );
    let court = s
        .lines()
        .find(|l| l.contains("Supreme Court of the United States (9 seats)"))
        .unwrap();
    assert!(court.contains("50.0% / 50.0%"));
    assert!(court.contains("largest: President of the United States = Senate 50.0%"));
}

#[test]
fn the_kz_timeline_and_why_the_court_moved() {
    let s = stdout(&bilik(&["compare", "kz-2017", "kz-2022", "kz-2026"]));
    assert!(s.contains(
        "TIMELINE: Kazakhstan, kz-2017 -> kz-2022 -> kz-2026 (the President's hold; integrated control in brackets)"
    ));
    let timeline = &s[s.find("TIMELINE").unwrap()..];
    assert_eq!(
        row(timeline, "constitutional review"),
        ["48.2%", "(49.5%)", "55.3%", "(52.7%)", "100.0%", "(69.7%)"]
    );
    // 2017 -> 2022: five of eleven picked instead of three of eight, the Chair newly confirmed
    // by a Senate of which he appoints fewer members.
    let why =
        &s[s.find("WHY: kz-2017 -> kz-2022").unwrap()..s.find("WHY: kz-2022 -> kz-2026").unwrap()];
    for line in [
        "constitutional review: Constitutional Council -> Constitutional Court",
        "  the President's hold 48.2% -> 55.3%; integrated control 49.5% -> 52.7%",
        "  - seats: 8 -> 11",
        "  - seats picked by the President: 3 of 8 -> 5 of 11",
        "  - his picks needing the consent of the Senate: none -> 1 of 11",
        "      kz-2022: Constitution art. 71(2), 44(4), 55(2)",
        "  - seats picked by the First President – Elbasy (ex-President): 1 of 8 -> none",
        "  - the President's hold on the Senate: 30.6% -> 20.0%",
        "  - seats picked by the President: 15 of 49 -> 5 of 50",
    ] {
        assert!(why.lines().any(|l| l == line), "missing {line:?} in\n{why}");
    }
    // 2022 -> 2026: every seat his, ten under the Kurultai's threatened consent, all at will.
    let why = &s[s.find("WHY: kz-2022 -> kz-2026").unwrap()..];
    for line in [
        "  the President's hold 55.3% -> 100.0%; integrated control 52.7% -> 69.7%",
        "  - seats picked by the President: 5 of 11 -> 11 of 11",
        "      kz-2026: Constitution art. 72(3), 46(5) · Constitution art. 72(4), 46(8), 56(9), 62(2)",
        "  - his picks needing the consent of the Kurultai (now under threat of dissolution): none -> 10 of 11",
        "  - his picks needing the consent of the Senate: 1 of 11 -> none",
        "  - seats the President can dismiss at will: 1 of 11 -> 11 of 11",
        "      kz-2022: Constitution art. 44(4)",
        "      kz-2026: Constitution art. 46(5) (the Chair), 46(8) (the ten judges)",
        "  - seats picked by the Chair of the Senate: 3 of 11 -> none",
        "ombudsman: Human Rights Commissioner -> Human Rights Commissioner",
        "  the President's hold 60.0% -> 100.0%; integrated control 60.0% -> 100.0%",
    ] {
        assert!(why.lines().any(|l| l == line), "missing {line:?} in\n{why}");
    }
    // No timeline without two datasets of one state.
    let s = stdout(&bilik(&["compare", "kz-2022", "us"]));
    assert!(!s.contains("TIMELINE") && !s.contains("WHY"));
}

/// The kz timeline, pinned: (held, control) of each independent role and the headline.
#[test]
fn the_kz_timeline_figures_are_pinned() {
    let doc = json(&["kz-2017", "kz-2022", "kz-2026"]);
    let t = &doc["timelines"][0];
    assert_eq!(t["jurisdiction"], "Kazakhstan");
    assert_eq!(
        t["datasets"],
        serde_json::json!(["kz-2017", "kz-2022", "kz-2026"])
    );
    assert_eq!(
        t["head_of_state_concentration"],
        serde_json::json!([0.7256, 0.6887, 0.8838])
    );
    let pinned: [(&str, [(f64, f64); 3]); 9] = [
        (
            "constitutional_review",
            [(0.4816, 0.4949), (0.5527, 0.5273), (1.0, 0.697)],
        ),
        (
            "supreme_court",
            [(0.6048, 0.6589), (0.551, 0.6042), (0.5, 0.5614)],
        ),
        (
            "lower_courts",
            [(0.9261, 0.9412), (0.9183, 0.9275), (0.9091, 0.9357)],
        ),
        (
            "judicial_council",
            [(0.6304, 0.706), (0.5914, 0.6377), (0.5455, 0.6786)],
        ),
        ("prosecution", [(1.0, 0.6531), (1.0, 0.6), (1.0, 1.0)]),
        ("audit", [(0.4755, 0.4932), (0.4533, 0.4667), (1.0, 0.7037)]),
        (
            "elections",
            [(0.5504, 0.5656), (0.5314, 0.5429), (1.0, 0.7143)],
        ),
        ("central_bank", [(1.0, 0.6531), (1.0, 0.6), (1.0, 1.0)]),
        ("ombudsman", [(0.8612, 0.8612), (0.6, 0.6), (1.0, 1.0)]),
    ];
    let rows = t["roles"].as_array().unwrap();
    assert_eq!(rows.len(), pinned.len());
    for (r, (role, points)) in rows.iter().zip(pinned) {
        assert_eq!(r["role"], role);
        for (p, (held, control)) in r["points"].as_array().unwrap().iter().zip(points) {
            assert_eq!(
                (p["held"].as_f64(), p["control"].as_f64()),
                (Some(held), Some(control)),
                "{role}"
            );
        }
    }
    // The integrated-control column is `bilik summary`'s headline of each year.
    for (id, total) in [
        ("kz-2017", "49.5%"),
        ("kz-2022", "52.7%"),
        ("kz-2026", "69.7%"),
    ] {
        let s = stdout(&bilik(&["summary", "-d", id]));
        assert_eq!(row(&s, "total integrated control"), [total], "{id}");
    }
}

#[test]
fn the_json_contract() {
    let doc = json(&[]);
    assert_eq!(doc["schema"], "bilik.compare/1");
    let ids: Vec<&str> = doc["datasets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ALL);
    assert_eq!(doc["independent_roles"].as_array().unwrap().len(), 9);
    // Each scalar's range lies around its value (issue 9: `ranges` beside `indicators`).
    for d in doc["datasets"].as_array().unwrap() {
        let ranges = d["ranges"]
            .as_object()
            .expect("every shipped dataset is enumerated");
        for (k, r) in ranges {
            let v = &d["indicators"][k];
            let Some(v) = v.as_f64().or_else(|| v.as_array().map(|a| a.len() as f64)) else {
                continue;
            };
            let (lo, hi) = (r[0].as_f64().unwrap(), r[1].as_f64().unwrap());
            assert!(
                lo <= v + 1e-9 && v <= hi + 1e-9,
                "{} {k}: {v} not in {lo}-{hi}",
                d["id"]
            );
        }
        assert_eq!(d["at_will_threat"], false);
    }
    for d in doc["datasets"].as_array().unwrap() {
        let i = &d["indicators"];
        for k in [
            "head_of_state_concentration",
            "picks",
            "veto_discount",
            "at_will",
            "head_of_state_concentration_unified",
            "head_of_state_concentration_aligned",
            "aligned_hold",
            "integrated_control",
            "picked_share",
            "consented_share",
            "hhi_by_role",
            "hhi_by_seat",
        ] {
            let x = i[k]
                .as_f64()
                .unwrap_or_else(|| panic!("{k} in {}", d["id"]));
            assert!((0.0..=1.0).contains(&x), "{k} = {x}");
            // Four decimals at most.
            assert_eq!((x * 1e4).round() / 1e4, x, "{k} = {x}");
        }
        let parts = i["picks"].as_f64().unwrap() - i["veto_discount"].as_f64().unwrap()
            + i["at_will"].as_f64().unwrap();
        assert!((parts - i["head_of_state_concentration"].as_f64().unwrap()).abs() < 2e-4);
        // The aligned hold lies between the hold and the unified variant (codebook R23).
        let at = |k: &str| i[k].as_f64().unwrap();
        assert!(at("head_of_state_concentration") <= at("aligned_hold") + 1e-4);
        assert!(at("aligned_hold") <= at("head_of_state_concentration_unified") + 1e-4);
        assert!(i["powers"].as_array().unwrap().len() <= 3);
        assert_eq!(d["head_of_state"], "president");
        for role in i["roles"].as_object().unwrap().keys() {
            assert!(
                doc["independent_roles"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|r| r == role.as_str())
            );
        }
    }
    let kz = dataset(&doc, "kz-2026");
    assert_eq!(kz["indicators"]["head_of_state_concentration"], 0.8838);
    assert_eq!(kz["indicators"]["veto_holders"][0]["actor"], "kurultai");
    assert_eq!(kz["indicators"]["veto_holders"][0]["under_threat"], true);
    let court = kz["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == "constitutional_court")
        .unwrap();
    assert_eq!(
        (
            &court["picked_seats"],
            &court["consented_seats"],
            &court["at_will_seats"]
        ),
        (
            &serde_json::json!(11),
            &serde_json::json!(10),
            &serde_json::json!(11)
        )
    );
    // Roles line up across every dataset, an empty list where a dataset has no such body.
    let audit = doc["by_role"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["role"] == "audit")
        .unwrap();
    assert_eq!(audit["independent"], true);
    assert_eq!(audit["datasets"]["kz-2017"][0]["id"], "accounts_committee");
    assert_eq!(audit["datasets"]["us"][0]["id"], "gao");
    assert_eq!(audit["datasets"]["us"].as_array().unwrap().len(), 1);
    let us_court = &doc["by_role"][0]["datasets"]["us"][0];
    assert_eq!(
        us_court["largest"]["principals"],
        serde_json::json!(["president", "senate"])
    );
    // The why of the Court, 2022 -> 2026.
    let pair = doc["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["from"] == "kz-2022" && c["to"] == "kz-2026")
        .unwrap();
    let court = &pair["roles"][0];
    assert_eq!(court["role"], "constitutional_review");
    assert_eq!(court["held"], serde_json::json!([0.5527, 1.0]));
    let consent = court["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "consent" && r["actor"] == "kurultai")
        .unwrap();
    assert_eq!(consent["under_threat"], serde_json::json!([false, true]));
    assert_eq!(consent["before"], Value::Null);
    assert_eq!(consent["after"]["seats"], 10);
    assert_eq!(consent["after"]["of"], 11);
    assert_eq!(
        consent["sources_after"],
        serde_json::json!(["Constitution art. 72(4), 46(8), 56(9), 62(2)"])
    );
}

#[test]
fn json_is_deterministic_and_files_are_written_whole() {
    let a = stdout(&bilik(&["compare", "--format", "json"]));
    let b = stdout(&bilik(&["compare", "--format", "json"]));
    assert_eq!(a, b);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cmp.json");
    let out = bilik(&["compare", "--format", "json", "-o", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), a);
}

#[test]
fn markdown_has_the_same_tables() {
    let out = bilik(&["compare", "--format", "md", "kz-2022", "kz-2026", "fr"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(s.starts_with("# Comparing states\n"));
    assert!(s.contains("| indicator | kz-2022 | kz-2026 | fr |\n|---|---:|---:|---:|\n"));
    assert!(
        s.contains(
            "| head_of_state_concentration | 0.689 (0.455–0.785) | 0.884 (0.612–0.935) | 0.548 (0.423–0.621) |"
        ),
        "{s}"
    );
    assert!(s.contains("| constitutional review | 55.3% | 100.0% | 18.5% |"));
    assert!(s.contains("## Timeline: Kazakhstan, kz-2022 → kz-2026"));
    assert!(s.contains("### constitutional review: Constitutional Court → Constitutional Court"));
    assert!(s.contains(
        "- seats the President can dismiss at will: 1 of 11 → 11 of 11\n  - `kz-2022`: Constitution art. 44(4)\n  - `kz-2026`: Constitution art. 46(5) (the Chair), 46(8) (the ten judges)\n"
    ));
    // Every row of a table has as many cells as its header.
    let mut cells = None;
    for line in s.lines() {
        if !line.starts_with('|') {
            cells = None;
            continue;
        }
        let n = line.matches('|').count() - line.matches("\\|").count();
        assert_eq!(*cells.get_or_insert(n), n, "{line}");
    }
}

#[test]
fn csv_round_trips_to_the_json_figures() {
    let out = bilik(&["compare", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.ends_with("\r\n"), "RFC 4180 line ends");
    let doc = json(&[]);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header[0], "dataset");
    let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), ALL.len());
    for rec in &records {
        assert_eq!(rec.len(), header.len());
        let d = dataset(&doc, &rec[0]);
        let i = &d["indicators"];
        let get = |k: &str| {
            rec.get(header.iter().position(|h| h == k).unwrap())
                .unwrap()
        };
        assert_eq!(get("jurisdiction"), d["jurisdiction"]);
        for k in [
            "head_of_state_concentration",
            "picks",
            "veto_discount",
            "at_will",
            "head_of_state_concentration_unified",
            "head_of_state_concentration_aligned",
            "aligned_hold",
            "hhi_by_role",
        ] {
            assert_eq!(get(k).parse::<f64>().ok(), i[k].as_f64(), "{k}");
        }
        assert_eq!(get("majority").parse::<u64>().ok(), i["majority"].as_u64());
        for role in doc["independent_roles"].as_array().unwrap() {
            let role = role.as_str().unwrap();
            let held = get(&format!("held_{role}"));
            match i["roles"].get(role) {
                Some(c) => assert_eq!(held.parse::<f64>().ok(), c["held"].as_f64(), "{role}"),
                None => assert_eq!(held, "", "{role} is absent"),
            }
        }
    }
    // A title with a comma and quotes survives quoting.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("q.ron");
    let text = std::fs::read_to_string(crate::common::root().join("data/kz-2022.ron"))
        .unwrap()
        .replace("id: \"kz-2022\"", "id: \"kz-quoted\"")
        .replace(
            "jurisdiction: \"Kazakhstan\"",
            "jurisdiction: \"Kazakhstan, \\\"quoted\\\"\"",
        );
    std::fs::write(&file, text).unwrap();
    let out = bilik(&["compare", "--format", "csv", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv_text = stdout(&out);
    assert!(
        csv_text.contains("\"Kazakhstan, \"\"quoted\"\"\""),
        "{csv_text}"
    );
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(
        &r.records().next().unwrap().unwrap()[1],
        "Kazakhstan, \"quoted\""
    );
}

#[test]
fn weights_move_the_parts() {
    // With consent counting nothing, nobody's veto discounts a pick.
    let doc = json(&[
        "--weights",
        "consent=0,consent_under_threat=0,recommend=0",
        "us",
        "kz-2026",
    ]);
    for d in doc["datasets"].as_array().unwrap() {
        assert_eq!(d["indicators"]["veto_discount"], 0.0, "{}", d["id"]);
        assert_eq!(d["weights"]["consent"], 0.0);
    }
    assert_eq!(
        dataset(&doc, "us")["indicators"]["head_of_state_concentration"],
        1.0
    );
    let s = stdout(&bilik(&["compare", "--weights", "consent=0.5", "kz-2022"]));
    assert!(
        s.contains("weights: recommend 0.25, propose 1, consent 0.50"),
        "{s}"
    );
}

#[test]
fn errors_have_their_exit_codes() {
    let out = bilik(&["compare", "kz-2023"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("did you mean 'kz-2022'"),
        "{}",
        stderr(&out)
    );
    let out = bilik(&["compare", "kz-2022", "kz-2022"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("each dataset may be compared once"));
    let out = bilik(&["compare", "--weights", "consent=-1"]);
    assert_eq!(out.status.code(), Some(1));
    let out = bilik(&["compare", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    // A dataset without a head of state cannot be measured.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("headless.ron");
    let mut text = std::fs::read_to_string(crate::common::root().join("data/kz-2022.ron"))
        .unwrap()
        .replace("role: head_of_state", "role: other");
    // The powers of codebook R22 belong to a head of state only: drop them with the role.
    let start = text.find("powers: {").expect("the President's powers");
    let end = start + text[start..].find("},").unwrap() + 2;
    text.replace_range(start..end, "");
    std::fs::write(&file, text).unwrap();
    let out = bilik(&["compare", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("has no body with role head_of_state"),
        "{}",
        stderr(&out)
    );
}

/// Every indicator's printed range contains its printed point, in every column: a range
/// printed beside the wrong row (as the aligned rows once shifted them) fails here.
#[test]
fn every_printed_range_contains_its_point() {
    let s = stdout(&bilik(&["compare"]));
    let num = |t: &str| -> f64 {
        t.trim_matches(|c| c == '(' || c == ')' || c == '%' || c == '+')
            .parse()
            .unwrap_or_else(|_| panic!("not a number: {t}"))
    };
    let table: Vec<&str> = s
        .lines()
        .skip_while(|l| !l.starts_with("INDICATORS"))
        .skip(3)
        .take_while(|l| !l.trim().is_empty())
        .collect();
    let mut checked = 0;
    for line in table {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        for (i, t) in tokens.iter().enumerate() {
            let Some(inner) = t.strip_prefix('(').and_then(|t| t.strip_suffix(')')) else {
                continue;
            };
            // `-0.403–-0.139`: split on the en dash between the two ends.
            let (lo, hi) = inner.split_once('–').unwrap_or_else(|| panic!("{line}"));
            // The point is the token before, or before `of N` for a count.
            let point = if i >= 3 && tokens[i - 2] == "of" {
                tokens[i - 3]
            } else {
                tokens[i - 1]
            };
            let (p, lo, hi) = (num(point), num(lo), num(hi));
            assert!(
                lo - 1e-9 <= p && p <= hi + 1e-9,
                "{point} outside ({lo}–{hi}) in: {line}"
            );
            checked += 1;
        }
    }
    assert!(checked > 60, "only {checked} ranges were checked:\n{s}");
}

//! `bilik explain`: the derivation of a figure in text, Markdown and JSON, its errors and its
//! file output.

use crate::common::{bilik, stderr, stdout};

#[test]
fn the_courts_figure_is_explained_step_by_step() {
    let o = bilik(&["explain", "constitutional_court", "--data", "kz-2022"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for want in [
        "How much of the Constitutional Court does the President control?",
        "52.7% (48.5–61.1%) = 40.9% directly + 8.2% through the Chair of the Senate + 3.6% through the Senate",
        "Chair: 1 seat (Constitution art. 71(2), 44(4), 55(2))",
        "Senate: consent · must approve the pick · weight consent 1 × veto strength 1 = 1 → 0.50 seats [R5, R8, R15]",
        "0.50 (Chair) + 4 (Judges appointed by the President) = 4.50 of 11 = 40.9%",
        "not 5/11 = 45.5%",
        "Chair of the Senate: 1.50 of 11 seats = 13.6% × the President's control of it 60.0% = 8.2%",
        "40.9% + 8.2% + 3.6% = 52.7%",
        "5. VETO POINTS",
        "6. THE RANGE (codebook R18, R19)",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
}

#[test]
fn a_discounted_veto_names_its_rule_and_its_article() {
    // kz-2026: the Kurultai's consent to the judges is given under threat (62(2), R13).
    let o = bilik(&["explain", "constitutional_court", "--data", "kz-2026"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("69.7%"), "{out}");
    assert!(
        out.contains("the proposer may dissolve it for refusing"),
        "{out}"
    );
    assert!(out.contains("(R13)"), "{out}");
}

#[test]
fn json_parts_add_up_to_the_share() {
    let o = bilik(&["explain", "senate", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["schema"], "bilik.explain/1");
    assert_eq!(v["principal"]["id"], "president");
    let parts = v["direct"].as_f64().unwrap()
        + v["paths"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["contribution"].as_f64().unwrap())
            .sum::<f64>();
    let share = v["share"].as_f64().unwrap();
    assert!((parts - share).abs() < 5e-4, "{parts} vs {share}");
}

#[test]
fn markdown_and_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cc.md");
    let o = bilik(&[
        "explain",
        "constitutional_court",
        "-f",
        "md",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(
        md.starts_with("## How much of the Constitutional Court does the President control?"),
        "{md}"
    );
    assert!(
        md.contains("### 3. THROUGH THE ACTORS THAT FILL THE OTHER SEATS"),
        "{md}"
    );
}

#[test]
fn another_principal_and_unknown_ids() {
    let o = bilik(&["explain", "constitutional_court", "--of", "mazhilis"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("How much of the Constitutional Court does the Mazhilis control?")
    );

    let o = bilik(&["explain", "constitutional_cort"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "bilik: unknown body 'constitutional_cort'; did you mean 'constitutional_court'?\n"
    );
    let o = bilik(&["explain", "senate", "--of", "presidnt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("'presidnt' is not a principal in force; did you mean 'president'?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn sources_list_titles_urls_and_what_cites_them() {
    let o = bilik(&["sources", "--data", "kz-2022"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("[S7] Constitutional Law"), "{out}");
    assert!(out.contains("https://adilet.zan.kz/"), "{out}");
    assert!(out.contains("channel constitutional_court/chair"), "{out}");
    let o = bilik(&["sources", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["schema"], "bilik.sources/1");
    assert!(v["sources"][0]["url"].is_string());
}

/// The glossary's worked examples (docs/glossary.md, and their short form in the help) are
/// the figures bilik prints: a change of data or rule that moves one fails here, not in a
/// reader's hands.
#[test]
fn the_glossarys_worked_examples_are_the_figures_bilik_prints() {
    let json = |args: &[&str]| -> serde_json::Value {
        let o = bilik(args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        serde_json::from_str(&stdout(&o)).unwrap()
    };
    let pct = |x: f64| format!("{:.1}%", x * 100.0);
    let kz = json(&["export", "--format", "json"]);
    let h = &kz["headline"];
    let court = kz["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == "constitutional_court")
        .unwrap();
    let cmp = json(&["compare", "kz-2022", "us", "--format", "json"]);
    let ind = &cmp["datasets"][0]["indicators"];
    let kz26 = json(&["export", "--data", "kz-2026", "--format", "json"]);
    let court26 = kz26["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == "constitutional_court")
        .unwrap();
    let expected = [
        format!("**4.5 of 11 = {}**", pct(h["direct"].as_f64().unwrap())),
        "**5 of the 11**".to_string(),
        pct(h["total"].as_f64().unwrap()),
        format!(
            "the hold ({})",
            pct(ind["roles"]["constitutional_review"]["held"]
                .as_f64()
                .unwrap())
        ),
        format!(
            "kz-2022: **{:.3}**",
            ind["head_of_state_concentration"].as_f64().unwrap()
        ),
        format!("= **{:.3}**", court["hhi"].as_f64().unwrap()),
        format!(
            "**{}**",
            pct(court26["control"]["president"].as_f64().unwrap())
        ),
    ];
    assert_eq!(h["picked_seats"], 5);
    let glossary = std::fs::read_to_string(crate::common::root().join("docs/glossary.md")).unwrap();
    for e in &expected {
        assert!(glossary.contains(e.as_str()), "docs/glossary.md lacks {e}");
    }
}

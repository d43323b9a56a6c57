//! The graph formats read as figures: DOT that Graphviz draws layered, clustered and near a
//! page's aspect; Mermaid with a legend and one subgraph per branch; GraphML with Gephi's
//! `weight` on edges and the layered positions on nodes.

use std::collections::BTreeSet;
use std::process::Command;

use crate::common::{bilik, stderr, stdout};

fn export(args: &[&str]) -> String {
    let mut all = vec!["export", "-d", "kz-2022"];
    all.extend_from_slice(args);
    let out = bilik(&all);
    assert!(out.status.success(), "{all:?}: {}", stderr(&out));
    stdout(&out)
}

fn branches() -> BTreeSet<String> {
    let json = export(&["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["branch"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn dot_ranks_by_layer_in_clusters_and_draws_near_a_page() {
    let dot = export(&["--format", "dot"]);
    for branch in branches() {
        assert!(
            dot.contains(&format!("subgraph \"cluster_{branch}\" {{")),
            "no cluster for {branch}"
        );
    }
    assert!(
        dot.contains("newrank=true"),
        "ranks must cross the clusters"
    );
    assert!(dot.contains("rankdir=\"TB\""));
    assert!(dot.matches("rank=\"same\"").count() >= 3, "{dot}");
    assert!(dot.contains("\"bilik-legend\""));
    if Command::new("dot").arg("-V").output().is_err() {
        eprintln!("skipped the drawing: Graphviz `dot` is not installed");
        return;
    }
    for focus in [
        &[][..],
        &["--focus", "constitutional_court", "--depth", "2"][..],
    ] {
        let mut args = vec!["--format", "dot"];
        args.extend_from_slice(focus);
        let source = export(&args);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kz.dot");
        std::fs::write(&path, source).unwrap();
        let out = Command::new("dot")
            .arg("-Tsvg")
            .arg(&path)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && err.trim().is_empty(),
            "{focus:?}: {err}"
        );
        let svg = String::from_utf8(out.stdout).unwrap();
        let doc = roxmltree::Document::parse_with_options(
            &svg,
            roxmltree::ParsingOptions {
                allow_dtd: true,
                ..Default::default()
            },
        )
        .unwrap();
        let root = doc.root_element();
        let pt = |a: &str| {
            root.attribute(a)
                .unwrap()
                .trim_end_matches("pt")
                .parse::<f64>()
                .unwrap()
        };
        let aspect = pt("width") / pt("height");
        assert!(
            (1.0 / 3.0..=3.0).contains(&aspect),
            "{focus:?}: {} x {} pt",
            pt("width"),
            pt("height")
        );
    }
}

#[test]
fn mermaid_has_a_legend_and_one_subgraph_per_branch() {
    let m = export(&["--format", "mermaid"]);
    for branch in branches() {
        assert_eq!(
            m.matches(&format!("subgraph g_{branch}[")).count(),
            1,
            "{branch}"
        );
    }
    assert!(m.contains("subgraph legend[\"Legend\"]"), "{m}");
    for name in ["largest share: President", "largest share: Mazhilis"] {
        assert!(m.contains(name), "{name}");
    }
    assert!(m.contains("|\"dismisses at will\"|"));
    assert!(m.contains("|\"dissolves\"|"));
    // Every link has its style: the legend's samples and the figure's arrows.
    let links = m
        .lines()
        .filter(|l| l.contains("-->") || l.contains("-.->") || l.contains("==>"))
        .count();
    assert_eq!(m.matches("linkStyle ").count(), links);
}

#[test]
fn graphml_weighs_every_edge_and_places_every_node() {
    let xml = export(&["--format", "graphml"]);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    for (id, domain) in [("x", "node"), ("y", "node"), ("weight", "edge")] {
        assert!(
            doc.descendants().any(|k| k.has_tag_name("key")
                && k.attribute("id") == Some(id)
                && k.attribute("attr.name") == Some(id)
                && k.attribute("for") == Some(domain)
                && k.attribute("attr.type") == Some("double")),
            "no Gephi key {id}"
        );
    }
    let value = |n: roxmltree::Node, key: &str| -> f64 {
        n.children()
            .find(|d| d.has_tag_name("data") && d.attribute("key") == Some(key))
            .unwrap_or_else(|| panic!("{key} missing on {:?}", n.attribute("id")))
            .text()
            .unwrap()
            .parse()
            .unwrap()
    };
    let mut places = BTreeSet::new();
    for n in doc.descendants().filter(|n| n.has_tag_name("node")) {
        let (x, y) = (value(n, "x"), value(n, "y"));
        assert!(x.is_finite() && y.is_finite());
        places.insert((x.to_bits(), y.to_bits()));
    }
    let nodes = doc.descendants().filter(|n| n.has_tag_name("node")).count();
    assert_eq!(places.len(), nodes, "two bodies share a place");
    let mut edges = 0;
    for e in doc.descendants().filter(|n| n.has_tag_name("edge")) {
        let w = value(e, "weight");
        assert!(w > 0.0 && w <= 1.0, "{:?}: weight {w}", e.attribute("id"));
        edges += 1;
    }
    assert!(edges > 100, "{edges}");
}

/// The number written between `before` and `after` in `text`.
fn number_between(text: &str, before: &str, after: &str) -> f64 {
    let rest = text
        .split(before)
        .nth(1)
        .unwrap_or_else(|| panic!("{text}"));
    rest.split(after).next().unwrap().parse().unwrap()
}

#[test]
fn a_figure_wider_than_asked_says_so_and_one_that_fits_says_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // The kz-2022 SVG with `args`: what bilik said on stderr, and the figure.
    let svg = |args: &[&str]| -> (String, String) {
        let path = dir.path().join("figure.svg");
        let mut all = vec!["export", "-d", "kz-2022", "--format", "svg"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["-o", path.to_str().unwrap()]);
        let out = bilik(&all);
        assert!(out.status.success(), "{}", stderr(&out));
        (stderr(&out), std::fs::read_to_string(&path).unwrap())
    };
    let (note, whole) = svg(&["--width", "85mm"]);
    assert!(
        note.contains("wider than asked (85mm)") && note.contains("--focus"),
        "{note}"
    );
    // The note's width is the figure's.
    let mm = number_between(&note, "the figure is ", " mm");
    let drawn = number_between(&whole, "width=\"", "mm\"");
    assert!((mm - drawn).abs() < 0.06, "note {mm} mm, figure {drawn} mm");
    assert!(drawn > 86.0, "{drawn}");
    let (note, _) = svg(&["--focus", "constitutional_court"]);
    assert_eq!(note, "", "the Court's chain fits 160 mm");
}

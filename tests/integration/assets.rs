//! The README's figures in `assets/figures/`, drawn by the real binary: the six-state and
//! eleven-state comparisons and the P5+P10 diff, each as SVG and PNG. A committed SVG that
//! no longer matches what bilik draws fails the test; `BILIK_UPDATE_ASSETS=1 cargo test
//! --test integration assets` rewrites the SVG and the PNG (at 150 dpi) beside it.
//!
//! Each figure is also checked as a reader sees it: every dataset or body it must name is
//! there, no text is under 7 pt at the figure's own width, every range holds its point, and
//! the PNG decodes.

use std::path::PathBuf;

use crate::common::{bilik, root, stderr};

/// (file stem, arguments, names the figure must show).
fn figures() -> Vec<(&'static str, Vec<&'static str>, Vec<&'static str>)> {
    vec![
        (
            "compare-six",
            vec!["compare", "kz-2017", "kz-2022", "kz-2026", "us", "fr", "tr"],
            vec![
                "kz-2017",
                "kz-2022",
                "kz-2026",
                "us",
                "fr",
                "tr",
                "Ombudsman",
            ],
        ),
        (
            "compare-eleven",
            vec!["compare"],
            vec![
                "kz-2017", "kz-2022", "kz-2026", "us", "fr", "tr", "ru-2020", "uz-2023", "kg-2021",
                "tj-2016", "tm-2023",
            ],
        ),
        (
            "diff-p5-p10",
            vec!["diff", "--reform", "P5,P10"],
            vec![
                "Constitutional Court",
                "Senate",
                "Central Election Commission",
                "52.7% → 12.5%",
            ],
        ),
    ]
}

/// The README's PNGs: legible on a screen at a quarter of the bytes of print's 300 dpi.
const README_DPI: [&str; 2] = ["--dpi", "150"];

fn draw(args: &[&str], format: &str) -> Vec<u8> {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--format", format]);
    let out = bilik(&all);
    assert!(out.status.success(), "{all:?}: {}", stderr(&out));
    out.stdout
}

fn dir() -> PathBuf {
    root().join("assets/figures")
}

/// Points per user unit: the width in mm over the viewBox width.
fn points_per_unit(doc: &roxmltree::Document) -> f64 {
    let svg = doc.root_element();
    let mm: f64 = svg
        .attribute("width")
        .and_then(|w| w.strip_suffix("mm"))
        .and_then(|w| w.parse().ok())
        .expect("a width in mm");
    let vb: f64 = svg
        .attribute("viewBox")
        .and_then(|v| v.split_whitespace().nth(2))
        .and_then(|w| w.parse().ok())
        .expect("a viewBox");
    mm / 25.4 * 72.0 / vb
}

fn check(name: &str, svg: &str, names: &[&str]) {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{name}: {e}"));
    let scale = points_per_unit(&doc);
    let texts: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .collect();
    let all: String = texts
        .iter()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        // A long name wraps over lines: read the words as one text.
        .join(" ");
    for want in names {
        assert!(all.contains(want), "{name}: '{want}' missing");
    }
    for t in &texts {
        let size: f64 = t.attribute("font-size").unwrap().parse().unwrap();
        assert!(
            size * scale >= 7.0 - 1e-9,
            "{name}: '{}' at {:.2} pt",
            t.text().unwrap_or(""),
            size * scale
        );
    }
    let num = |n: roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
    for g in doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("point"))
    {
        let dot = g.children().find(|n| n.has_tag_name("circle")).unwrap();
        if let Some(line) = g.children().find(|n| n.has_tag_name("line")) {
            let cx = num(dot, "cx");
            assert!(
                num(line, "x1") - 0.05 <= cx && cx <= num(line, "x2") + 0.05,
                "{name}: a range that misses its point"
            );
        }
    }
}

#[test]
fn the_readme_figures_are_current_legible_and_decode() {
    let update = std::env::var_os("BILIK_UPDATE_ASSETS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (stem, args, names) in figures() {
        let svg = String::from_utf8(draw(&args, "svg")).unwrap();
        check(stem, &svg, &names);
        let svg_path = dir().join(format!("{stem}.svg"));
        let png_path = dir().join(format!("{stem}.png"));
        if update {
            std::fs::create_dir_all(dir()).unwrap();
            std::fs::write(&svg_path, &svg).unwrap();
            let mut png_args = args.clone();
            png_args.extend(README_DPI);
            std::fs::write(&png_path, draw(&png_args, "png")).unwrap();
        } else if std::fs::read_to_string(&svg_path).ok().as_deref() != Some(svg.as_str()) {
            stale.push(svg_path.display().to_string());
        }
        let png = std::fs::read(&png_path).unwrap_or_default();
        let decoded = resvg::tiny_skia::Pixmap::decode_png(&png)
            .unwrap_or_else(|e| panic!("{}: {e}", png_path.display()));
        // 160 mm at 150 dpi.
        assert!(decoded.width() > 900, "{stem}: {} px", decoded.width());
    }
    assert!(
        stale.is_empty(),
        "stale figures (BILIK_UPDATE_ASSETS=1 cargo test --test integration assets): {stale:?}"
    );
}

#[test]
fn the_pdf_of_a_figure_is_a_pdf() {
    let pdf = draw(&["diff", "--reform", "P5,P10"], "pdf");
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    assert!(pdf.len() > 2000);
}

//! `bilik tour`: the list of shipped tours, the Markdown export with every step's numbers
//! (checked against the analysis, not against written figures), and a broken tour file.

use bilik::analysis::range::{self, PctRange};
use bilik::model::Lang;
use bilik::output::tour::figures;
use bilik::reform::tour;

use crate::common::{bilik, stderr, stdout};

#[test]
fn with_no_argument_it_lists_the_shipped_tours() {
    let o = bilik(&["tour"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for e in tour::EMBEDDED {
        assert!(out.contains(e.id), "{out}");
    }
}

#[test]
fn the_markdown_export_carries_every_steps_numbers() {
    for e in tour::EMBEDDED {
        let o = bilik(&["tour", e.id, "--export", "md"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let md = stdout(&o);
        let t = tour::resolve(e.id).unwrap();
        let sections: Vec<&str> = md.split("\n## Step ").skip(1).collect();
        assert_eq!(sections.len(), t.steps.len(), "{md}");
        for (k, (step, section)) in t.steps.iter().zip(&sections).enumerate() {
            // The figure as the analysis gives it, computed here apart from the export.
            let (scenario, mut options) = step.state().unwrap();
            let dataset = scenario.reformed().unwrap();
            options.principals = dataset.principals();
            let analysis = bilik::analysis::analyze(&dataset, &options).unwrap();
            let head = dataset.head_of_state().unwrap();
            let body = dataset.body(&step.body).unwrap();
            let control = analysis.body(&step.body).unwrap().control_of(&head.id);
            let space = range::Space::of(&dataset, &range::Band::default());
            let ranges = range::control_ranges(&dataset, &options, &space).unwrap();
            let range = ranges.get(&step.body, &head.id);
            assert_eq!(figures(step).unwrap().control, control);
            assert!(
                section.contains(&format!(
                    "Control of the {} by the {}: {}",
                    body.name(Lang::En),
                    head.name(Lang::En),
                    PctRange(control, range)
                )),
                "step {}: {section}",
                k + 1
            );
            assert!(section.starts_with(&format!("{} of {}", k + 1, t.steps.len())));
            let first_words: String = step.caption.en.chars().take(20).collect();
            assert!(section.contains(&first_words), "{section}");
            for flag in analysis.flags_of(&step.body) {
                assert!(section.contains(&format!("`{}`", flag.rule)), "{section}");
            }
        }
    }
}

#[test]
fn the_export_goes_to_a_file_with_o() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.md");
    let o = bilik(&[
        "tour",
        "article",
        "--export",
        "md",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(md.contains("## Step 8 of 8"), "{md}");
}

#[test]
fn a_broken_tour_file_is_refused_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(
        &path,
        "(\n    title: (en: \"T\", ru: \"T\", kk: \"T\"),\n    steps: [\n        (dataset: \"kz-2022\", reforms: [\"P5\", \"P100\"], body: \"senate\",\n         caption: (en: \"a\", ru: \"a\", kk: \"a\")),\n    ],\n)\n",
    )
    .unwrap();
    let o = bilik(&["tour", path.to_str().unwrap(), "--export", "md"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("broken.ron:4:"), "{err}");
    assert!(err.contains("unknown reform `P100`"), "{err}");
    assert!(err.contains("did you mean `P10`?"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn an_unknown_tour_id_suggests_a_shipped_one() {
    let o = bilik(&["tour", "artcle"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("did you mean 'article'?"), "{err}");
}

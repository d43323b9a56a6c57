//! The synthetic states that benchmarks and scale measurements use are valid datasets of the
//! shape they claim, and the same seed gives the same file.

#[path = "../../examples/synth/generate.rs"]
mod generate;

use bilik::analysis::{Options, analyze};
use bilik::data::check_str;

#[test]
fn a_synthetic_state_of_1000_bodies_loads_validates_and_analyses() {
    let text = generate::generate(1_000, 7);
    let checked = check_str("synth-1000.ron", &text);
    assert!(
        checked.report.diagnostics.is_empty(),
        "the generator wrote a dataset bilik refuses or warns about: {:?}",
        checked.report.diagnostics.first()
    );
    let ds = checked.dataset.expect("a valid dataset");
    assert_eq!(ds.bodies.len(), 1_000);
    // The shape the benchmarks rely on: four principals, a constitutional court under review
    // of the head of state, oversight edges, consents, and a listing not in layer order.
    let mut principals = ds.principals();
    principals.sort();
    assert_eq!(
        principals,
        ["electorate", "lower_chamber", "president", "upper_chamber"]
    );
    assert!(ds.edges.iter().filter(|e| e.kind.is_oversight()).count() > 300);
    assert!(ds.edges.len() > 1_500);
    assert!(
        ds.bodies
            .iter()
            .flat_map(|b| &b.channels)
            .flat_map(|c| &c.steps)
            .any(|s| s.role == bilik::model::StepRole::Consent)
    );
    assert_ne!(ds.bodies[0].id, "electorate");
    let options = Options::of(&ds);
    let a = analyze(&ds, &options).expect("the analysis runs");
    let h = bilik::analysis::headline::headline(&ds, &options, &a).expect("a headline");
    assert_eq!(
        (h.principal.as_str(), h.body.as_str()),
        ("president", "constitutional_court")
    );
    assert!(h.total > 0.0 && h.total < 1.0, "{}", h.total);
    assert_eq!(
        generate::generate(1_000, 7),
        text,
        "the same seed, the same bytes"
    );
    assert_ne!(generate::generate(1_000, 8), text);
}

#[test]
fn a_figure_of_more_bodies_than_the_cap_is_refused_with_the_way_to_draw_one_part() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("synth-2100.ron");
    std::fs::write(&data, generate::generate(2_100, 7)).unwrap();
    let data = data.to_str().unwrap();
    for format in ["svg", "png", "pdf"] {
        let out = dir.path().join(format!("whole.{format}"));
        let o = crate::common::bilik(&[
            "export",
            "--data",
            data,
            "--format",
            format,
            "-o",
            out.to_str().unwrap(),
        ]);
        let err = crate::common::stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{format}: {err}");
        assert!(
            err.contains(&format!(
                "{format}: the figure would draw 2100 bodies; figures draw at most 2000"
            )) && err.contains("--focus BODY"),
            "{err}"
        );
        assert!(!out.exists(), "{format}: nothing is written");
    }
    // One body and its neighbours are drawn; the GraphML of the whole keeps every body but
    // leaves the positions to the reader.
    let o = crate::common::bilik(&[
        "export",
        "--data",
        data,
        "--format",
        "svg",
        "--focus",
        "constitutional_court",
        "--depth",
        "1",
    ]);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    assert!(crate::common::stdout(&o).starts_with("<svg"));
    let o = crate::common::bilik(&["export", "--data", data, "--format", "graphml"]);
    let graphml = crate::common::stdout(&o);
    assert!(o.status.success() && graphml.matches("<node id=").count() == 2_100);
    assert!(!graphml.contains("<data key=\"x\">"));
}

//! The synthetic states that benchmarks and scale measurements use are valid datasets of the
//! shape they claim, and the same seed gives the same file.

#[path = "../../examples/synth/generate.rs"]
pub(crate) mod generate;

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

/// The control solve alone (`control_values`: the ranges' and the headline's, with rows built
/// without channel shares) gives every figure of the full analysis to the last bit, on a
/// synthetic state under the options in force and moved ones.
#[test]
fn control_values_equal_the_analysis_bit_for_bit() {
    use bilik::analysis::control_values;
    let text = generate::generate(400, 3);
    let ds = check_str("synth-400.ron", &text).dataset.unwrap();
    for (consent, threat, removal) in [(1.0, false, 0.0), (0.5, true, 0.25), (2.0, true, 1.0)] {
        let mut o = Options::of(&ds);
        o.weights.consent = consent;
        o.weights.consent_under_threat = 0.6 * consent;
        o.weights.at_will_removal = removal;
        o.at_will_threat = threat;
        let a = analyze(&ds, &o).unwrap();
        let keys: Vec<(usize, &str)> = (0..ds.bodies.len())
            .flat_map(|b| a.principals.iter().map(move |p| (b, p.as_str())))
            .collect();
        let got = control_values(&ds, &o, &keys).unwrap();
        for ((b, p), v) in keys.iter().zip(got) {
            let want = a.body(&ds.bodies[*b].id).unwrap().control_of(p);
            assert_eq!(
                want.to_bits(),
                v.to_bits(),
                "{} by {p}: {want} vs {v}",
                ds.bodies[*b].id
            );
        }
    }
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

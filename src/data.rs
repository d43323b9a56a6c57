//! The datasets embedded in the binary, how `--data ID|FILE` finds one, and loading a dataset
//! with every check: the model's rules, then reachability from the analysis
//! ([`crate::analysis::reach`]), which the model cannot ask itself.

use std::path::Path;

use crate::analysis::reach;
use crate::diag::{Diagnostic, FileReport, did_you_mean};
use crate::model::load::{self, Checked};
use crate::model::{Dataset, Lang, LoadError, prose};

/// A dataset compiled into the binary.
pub struct Embedded {
    pub id: &'static str,
    /// The path it has in the repository, used in messages.
    pub path: &'static str,
    pub text: &'static str,
}

pub const EMBEDDED: &[Embedded] = &[
    Embedded {
        id: "kz-2017",
        path: "data/kz-2017.ron",
        text: include_str!("../data/kz-2017.ron"),
    },
    Embedded {
        id: "kz-2022",
        path: "data/kz-2022.ron",
        text: include_str!("../data/kz-2022.ron"),
    },
    Embedded {
        id: "kz-2026",
        path: "data/kz-2026.ron",
        text: include_str!("../data/kz-2026.ron"),
    },
    Embedded {
        id: "us",
        path: "data/us.ron",
        text: include_str!("../data/us.ron"),
    },
    Embedded {
        id: "fr",
        path: "data/fr.ron",
        text: include_str!("../data/fr.ron"),
    },
    Embedded {
        id: "tr",
        path: "data/tr.ron",
        text: include_str!("../data/tr.ron"),
    },
    Embedded {
        id: "ru-2020",
        path: "data/ru-2020.ron",
        text: include_str!("../data/ru-2020.ron"),
    },
    Embedded {
        id: "uz-2023",
        path: "data/uz-2023.ron",
        text: include_str!("../data/uz-2023.ron"),
    },
    Embedded {
        id: "kg-2021",
        path: "data/kg-2021.ron",
        text: include_str!("../data/kg-2021.ron"),
    },
    Embedded {
        id: "tj-2016",
        path: "data/tj-2016.ron",
        text: include_str!("../data/tj-2016.ron"),
    },
    Embedded {
        id: "tm-2023",
        path: "data/tm-2023.ron",
        text: include_str!("../data/tm-2023.ron"),
    },
];

/// The dataset `bilik` opens when none is named.
pub const DEFAULT: &str = "kz-2022";

pub fn embedded(id: &str) -> Option<&'static Embedded> {
    EMBEDDED.iter().find(|e| e.id == id)
}

/// Reads and checks a dataset file: every problem, each at its place in the file.
pub fn check_file(path: &Path) -> Checked {
    load::check_file_then(path, reach::problems)
}

/// Checks dataset text; `path` names it in messages. Never panics, whatever the text.
pub fn check_str(path: &str, text: &str) -> Checked {
    load::check_str_then(path, text, reach::problems)
}

/// Reads and checks a dataset file, with the translations of its prose beside it
/// (`i18n/NAME.LANG.ron`), themselves checked.
pub fn load_file(path: &Path) -> Result<Dataset, LoadError> {
    let checked = load::check_file_then(path, reach::problems);
    let Some(mut d) = checked.dataset else {
        return Err(LoadError {
            report: checked.report,
        });
    };
    let (prose, found) = prose::load_from_disk(&path.display().to_string(), &checked.report.text);
    translated(&mut d, prose, found)?;
    Ok(d)
}

/// Checks the text of the dataset file `path` (a new version of it, read by the explorer's
/// file watch) with the translations beside the file, as [`load_file`] does.
pub fn load_str_beside(path: &str, text: &str) -> Result<Dataset, LoadError> {
    let mut d = load_str(path, text)?;
    let (prose, found) = prose::load_from_disk(path, text);
    translated(&mut d, prose, found)?;
    Ok(d)
}

/// Gives `d` the translations `prose`, or fails with the first catalogue that has errors.
fn translated(
    d: &mut Dataset,
    prose: prose::Prose,
    found: Vec<(Lang, prose::Checked)>,
) -> Result<(), LoadError> {
    if let Some((_, bad)) = found.into_iter().find(|(_, c)| c.report.errors() > 0) {
        return Err(LoadError { report: bad.report });
    }
    d.translations = prose;
    Ok(())
}

/// The catalogues beside the dataset file `path` whose text is `text`, each checked against
/// it (for `bilik check`); none when it has none.
pub fn check_prose(path: &Path, text: &str) -> Vec<(Lang, prose::Checked)> {
    prose::load_from_disk(&path.display().to_string(), text).1
}

/// An embedded dataset with the translations compiled in with it.
fn load_embedded(e: &Embedded) -> Result<Dataset, LoadError> {
    let mut d = load_str(e.path, e.text)?;
    if !prose::EMBEDDED.is_empty() {
        let (prose, found) = prose::load_embedded(e.path, e.text);
        translated(&mut d, prose, found)?;
    }
    Ok(d)
}

/// Checks dataset text; `path` names it in messages.
pub fn load_str(path: &str, text: &str) -> Result<Dataset, LoadError> {
    load::load_str_then(path, text, reach::problems)
}

/// Loads an embedded dataset by id, or a file by path.
pub fn resolve(spec: &str) -> Result<Dataset, LoadError> {
    if let Some(e) = embedded(spec) {
        return load_embedded(e);
    }
    let path = Path::new(spec);
    if !path.exists() && !spec.contains(['/', '\\', '.']) {
        let ids: Vec<&str> = EMBEDDED.iter().map(|e| e.id).collect();
        return Err(unknown_id(
            spec,
            "unknown-dataset",
            "dataset",
            "embedded",
            &ids,
        ));
    }
    load_file(path)
}

/// A spec that names no embedded `what` and no file: the error every id-or-path argument gives,
/// with the nearest id and the list (`unknown-dataset`, `unknown-tour`).
pub(crate) fn unknown_id(
    spec: &str,
    code: &'static str,
    what: &str,
    shipped: &str,
    ids: &[&str],
) -> LoadError {
    let hint = did_you_mean(spec, ids.iter().copied());
    let d = Diagnostic::error(
        code,
        format!("no {shipped} {what} is called '{spec}' and no such file exists"),
    )
    .help_maybe(hint.map(|h| format!("did you mean '{h}'?")))
    .note(format!("{shipped} {what}s: {}", ids.join(", ")));
    LoadError {
        report: FileReport {
            path: spec.to_string(),
            text: String::new(),
            diagnostics: vec![d],
        },
    }
}

/// The default dataset, which is tested to load.
pub fn default_dataset() -> Dataset {
    match resolve(DEFAULT) {
        Ok(d) => d,
        // The embedded data is checked by the test suite; reaching this is a build defect.
        Err(e) => panic!("embedded dataset {DEFAULT} is invalid:\n{}", e.report),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_dataset_loads_without_diagnostics() {
        for e in EMBEDDED {
            let checked = check_str(e.path, e.text);
            assert!(
                checked.report.diagnostics.is_empty(),
                "{}:\n{}",
                e.id,
                checked.report
            );
            assert_eq!(checked.dataset.unwrap().meta.id, e.id);
        }
    }

    #[test]
    fn every_embedded_dataset_is_valid_in_memory_too() {
        for e in EMBEDDED {
            let d = load_str(e.path, e.text).unwrap();
            assert_eq!(reach::check(&d), vec![], "{}", e.id);
        }
    }

    /// The catalogues compiled in are held to the loader's checks (no stale key, no empty
    /// translation, numbers kept).
    #[test]
    fn every_embedded_catalogue_is_valid() {
        for e in EMBEDDED {
            for (lang, c) in prose::load_embedded(e.path, e.text).1 {
                assert_eq!(c.report.errors(), 0, "{} {lang:?}:\n{}", e.id, c.report);
            }
            assert!(resolve(e.id).is_ok(), "{}", e.id);
        }
    }

    /// Every shipped dataset and the reform file has its prose translated whole into Russian
    /// and Kazakh.
    #[test]
    fn every_shipped_file_has_a_complete_russian_and_kazakh_catalogue() {
        let reforms = (
            "data/reforms/kz-adilet-2024.ron",
            include_str!("../data/reforms/kz-adilet-2024.ron"),
        );
        let files = EMBEDDED.iter().map(|e| (e.path, e.text)).chain([reforms]);
        let mut wrong = Vec::new();
        for (path, text) in files {
            let found = prose::load_embedded(path, text).1;
            for lang in prose::LANGS {
                match found.iter().find(|(l, _)| *l == lang) {
                    None => wrong.push(format!("{path}: no {} catalogue", lang.code())),
                    Some((_, c)) if c.missing > 0 => wrong.push(format!(
                        "{path}: {} strings without a translation into {}",
                        c.missing,
                        lang.code()
                    )),
                    Some(_) => {}
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn unknown_ids_get_a_suggestion() {
        let err = resolve("kz-2023").unwrap_err();
        let text = err.report.render(false);
        assert!(text.contains("did you mean 'kz-2022'"), "{text}");
    }

    /// Art. 62(2) of the 2026 Constitution, coded as its own `dissolve_on_refusal` edge,
    /// covers the Kurultai's consents and the Chair's election, not its elections of judges;
    /// the Court figure is the same as under the old single-edge coding.
    #[test]
    fn kz_2026_threat_covers_what_62_2_names() {
        use crate::analysis::headline::headline;
        use crate::analysis::{Options, analyze};
        use crate::model::{Cover, EdgeKind, StepRole};
        let d = resolve("kz-2026").unwrap();
        let kinds: Vec<EdgeKind> = d
            .edges
            .iter()
            .filter(|e| e.from == "president" && e.to == "kurultai" && e.kind.is_dissolution())
            .map(|e| e.kind)
            .collect();
        assert_eq!(kinds, [EdgeKind::Dissolve, EdgeKind::DissolveOnRefusal]);
        let on_refusal = d
            .edges
            .iter()
            .find(|e| e.kind == EdgeKind::DissolveOnRefusal)
            .unwrap();
        assert_eq!(on_refusal.after_refusals, Some(2));
        assert_eq!(
            on_refusal.covers,
            [
                Cover::Role(StepRole::Consent),
                Cover::Channel {
                    body: "kurultai_chair".into(),
                    channel: "election".into()
                }
            ]
        );
        let o = Options::of(&d);
        let a = analyze(&d, &o).unwrap();
        let h = headline(&d, &o, &a).unwrap();
        assert_eq!(h.body, "constitutional_court");
        assert!((h.total - 0.697).abs() < 5e-4, "{}", h.total);
        let threat = |body: &str, channel: &str| -> Vec<bool> {
            a.body(body)
                .unwrap()
                .channels
                .iter()
                .find(|c| c.channel == channel)
                .unwrap()
                .steps
                .iter()
                .map(|s| s.under_threat)
                .collect()
        };
        assert_eq!(threat("supreme_court", "judges"), [false, false, false]);
        assert!(threat("kurultai_chair", "election").contains(&true));
        assert!(threat("prime_minister", "appointment").contains(&true));
    }
}

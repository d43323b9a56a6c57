//! The repository points only at what a user of it can open: no dataset source, README or doc
//! line names a file outside it (a team's fact sheet, `shared/`, a working copy), and every
//! relative path to a file that they name exists in the repository.

use std::path::{Path, PathBuf};

use crate::common::root;

/// Words that only make sense to someone with the team's files.
const OUTSIDE: &[&str] = &["fact sheet", "shared/", "/work/", "working copy"];

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
}

/// Tokens that look like a file path with one of the extensions a reference would name.
fn paths(line: &str) -> Vec<String> {
    // A URL is split at its colon, so its rest starts with `//`; an example output name
    // follows `-o` or `a name such as`.
    if line.contains("a name such as") {
        return Vec::new();
    }
    let tokens: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || "()[]<>`\"',;:*".contains(c))
        .filter(|t| !t.is_empty())
        .collect();
    tokens
        .iter()
        .enumerate()
        .filter(|(i, _)| *i == 0 || !matches!(tokens[i - 1], "-o" | "--output"))
        .map(|(_, t)| *t)
        .filter(|t| !t.contains("://") && !t.starts_with("//") && !t.starts_with("www."))
        .map(|t| t.trim_end_matches(['.', ',']))
        .filter(|t| {
            [".md", ".txt", ".pdf", ".rus", ".docx"]
                .iter()
                .any(|x| t.ends_with(x))
                && t.len() > 4
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn no_dataset_source_readme_or_doc_names_a_file_outside_the_repository() {
    let root = root();
    let mut checked = vec![root.join("README.md")];
    files(&root.join("docs"), "md", &mut checked);
    files(&root.join("data"), "ron", &mut checked);
    let mut bad = Vec::new();
    for f in &checked {
        let text = std::fs::read_to_string(f).unwrap();
        let rel = f.strip_prefix(&root).unwrap().display().to_string();
        for (i, line) in text.lines().enumerate() {
            let lower = line.to_lowercase();
            for w in OUTSIDE {
                if lower.contains(w) {
                    bad.push(format!("{rel}:{}: says {w:?}", i + 1));
                }
            }
            for p in paths(line) {
                let here = f.parent().unwrap().join(&p);
                if !here.exists() && !root.join(&p).exists() {
                    bad.push(format!(
                        "{rel}:{}: names {p}, which is not in the repository",
                        i + 1
                    ));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_dataset_source_is_a_public_reference() {
    for e in bilik::data::EMBEDDED {
        let ds = bilik::data::load_str(e.path, e.text).unwrap();
        for s in &ds.meta.sources {
            let all = format!("{} {} {}", s.title, s.note, s.url).to_lowercase();
            let outside = paths(&all).into_iter().any(|p| !root().join(p).exists());
            assert!(
                !OUTSIDE.iter().any(|w| all.contains(w)) && !outside,
                "{}: source {} names a file a user cannot open: {}",
                e.id,
                s.id,
                s.title
            );
        }
    }
}

/// Where `line` cites a line number, `l. 123` or `ll. 12-14`: a line of some copy of a text,
/// which a reader of the repository cannot open.
fn line_number_citation(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    line.char_indices().map(|(i, _)| i).find(|&i| {
        let start = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let rest = &line[i..];
        let after = rest
            .strip_prefix("ll.")
            .or_else(|| rest.strip_prefix("l."))
            .map(|r| r.trim_start_matches(' '));
        start && after.is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    })
}

#[test]
fn a_line_number_citation_is_found_and_an_article_is_not() {
    assert_eq!(
        line_number_citation("Proposal P5 (article l. 252-267)"),
        Some(21)
    );
    assert_eq!(line_number_citation("ll.12-14"), Some(0));
    assert_eq!(
        line_number_citation("Constitution art. 71(2), vol. 3"),
        None
    );
    assert_eq!(line_number_citation("l. the end"), None);
}

#[test]
fn nothing_under_data_docs_or_the_readme_cites_shared_files_or_line_numbers() {
    fn all(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                all(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let root = root();
    let mut checked = vec![root.join("README.md")];
    all(&root.join("data"), &mut checked);
    all(&root.join("docs"), &mut checked);
    let mut bad = Vec::new();
    for f in &checked {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        let rel = f.strip_prefix(&root).unwrap().display().to_string();
        for (i, line) in text.lines().enumerate() {
            if line.contains("shared/") {
                bad.push(format!("{rel}:{}: names a path under shared/", i + 1));
            }
            if let Some(at) = line_number_citation(line) {
                let cite: String = line[at..].chars().take(16).collect();
                bad.push(format!("{rel}:{}: cites a line number: {cite}", i + 1));
            }
        }
    }
    assert!(checked.len() > 30, "{checked:?}");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

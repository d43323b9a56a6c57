//! The layering `src/lib.rs` states, checked: every `crate::module` path in `src/` must point
//! to the module's own layer or one above it, and only the TUI touches the terminal.
//!
//! ```text
//!   src/**/*.rs ──> code_only ──> references ──> layer of each side ──> violations
//!   (comments, strings and char literals blanked; `crate::x`, `use crate::{x, y}` and
//!    `super::` chains that climb to the crate root all count)
//! ```
//!
//! Only code counts: a doc comment's "(`crate::reform`)" is a link, not a dependency. Test
//! modules inside `src/` count like the rest: a test that needs a lower layer lives there.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::common::root;

/// Each top-level module and its layer, 0 at the top. A module may use its own layer and those
/// above it (smaller numbers), never one below. Both the names of today and those the
/// restructuring of issue 10 brings are listed, so that the table holds on either side of it.
const LAYERS: &[(&str, u8)] = &[
    // RON reading, spans and diagnostics.
    ("diag", 0),
    ("model", 1),
    // The shipped constitutional texts and citation lookup: plain text, no model.
    ("law", 1),
    ("analysis", 2),
    ("comparative", 2),
    // The datasets compiled into the binary, loaded with every check: the model's rules, then
    // the analysis' reachability.
    ("data", 2),
    ("reform", 3),
    ("output", 4),
    ("cli", 5),
    ("tui", 5),
];

/// Imports that break the layering today, as (file, imported module), each with its reason.
/// The check fails when one of them no longer occurs, so that this list only shrinks.
const ALLOWED: &[(&str, &str)] = &[];

/// Crates only the terminal front end may name.
const TERMINAL_CRATES: &[&str] = &["ratatui", "crossterm"];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// `text` with comments, string literals and character literals blanked out, line breaks
/// kept, so that what remains is code at the same line numbers.
fn code_only(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    let mut out = String::with_capacity(text.len());
    // Blanks c[from..to], keeping line breaks.
    let blank = |out: &mut String, from: usize, to: usize| {
        for &ch in &c[from..to.min(c.len())] {
            out.push(if ch == '\n' { '\n' } else { ' ' });
        }
    };
    // The hashes of a raw string (`r"..."`, `br#"..."#`) that starts at `i`, if one does (and
    // not an identifier that ends in r).
    let raw_hashes = |i: usize| {
        let before = at(i.wrapping_sub(1));
        let byte_string = before == 'b' && !ident(at(i.wrapping_sub(2)));
        if ident(before) && !byte_string {
            return None;
        }
        let hashes = (i + 1..).take_while(|&j| at(j) == '#').count();
        (at(i + 1 + hashes) == '"').then_some(hashes)
    };
    let mut i = 0;
    while i < c.len() {
        let start = i;
        match c[i] {
            '/' if at(i + 1) == '/' => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if at(i + 1) == '*' => {
                let mut depth = 0;
                while i < c.len() {
                    if c[i] == '/' && at(i + 1) == '*' {
                        depth += 1;
                        i += 2;
                    } else if c[i] == '*' && at(i + 1) == '/' {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            '"' => {
                i += 1;
                while i < c.len() && c[i] != '"' {
                    i += if c[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
            }
            'r' if raw_hashes(i).is_some() => {
                let hashes = raw_hashes(i).unwrap_or_default();
                i += hashes + 2;
                while i < c.len() && !(c[i] == '"' && (1..=hashes).all(|k| at(i + k) == '#')) {
                    i += 1;
                }
                i += 1 + hashes;
            }
            // A character literal; a lifetime or a label (`'a`) is code.
            '\'' if at(i + 1) == '\\' => {
                i += 3;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            }
            '\'' if at(i + 2) == '\'' => i += 3,
            ch => {
                out.push(ch);
                i += 1;
                continue;
            }
        }
        blank(&mut out, start, i);
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    PathSep,
    Punct(char),
}

/// The tokens of code (as [`code_only`] leaves it), each with its 1-based line.
fn tokens(code: &str) -> Vec<(Token, usize)> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch.is_alphanumeric() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push((Token::Ident(c[start..i].iter().collect()), line));
        } else if ch == ':' && c.get(i + 1) == Some(&':') {
            out.push((Token::PathSep, line));
            i += 2;
        } else {
            out.push((Token::Punct(ch), line));
            i += 1;
        }
    }
    out
}

/// The top-level modules the code of a file at module depth `depth` (1 for `src/x.rs` and
/// `src/x/mod.rs`, 2 for `src/x/y.rs`) names through the crate root, with their lines:
/// `crate::x`, each first name of `use crate::{x, y::z}`, and `super::` chains (counting
/// inline `mod m { ... }` blocks) that climb to the root.
fn references(code: &str, depth: usize) -> Vec<(usize, String)> {
    let t = tokens(code);
    let ident = |k: usize| match t.get(k) {
        Some((Token::Ident(s), _)) => Some(s.as_str()),
        _ => None,
    };
    let is = |k: usize, tok: &Token| t.get(k).is_some_and(|(x, _)| x == tok);
    let mut out = Vec::new();
    // For each open brace, whether it opens an inline module.
    let mut braces: Vec<bool> = Vec::new();
    let mut k = 0;
    while k < t.len() {
        let continues_a_path = k > 0 && is(k - 1, &Token::PathSep);
        let root = match ident(k) {
            _ if continues_a_path => None,
            Some("crate") if is(k + 1, &Token::PathSep) => Some(k + 2),
            Some("super") => {
                let mut n = 0;
                while ident(k + 2 * n) == Some("super") && is(k + 2 * n + 1, &Token::PathSep) {
                    n += 1;
                }
                let here = depth + braces.iter().filter(|m| **m).count();
                (n > 0 && n == here).then_some(k + 2 * n)
            }
            _ => None,
        };
        if let Some(p) = root {
            if let Some(name) = ident(p) {
                out.push((t[p].1, name.to_string()));
            } else if is(p, &Token::Punct('{')) {
                // The first name of each item of the group.
                let (mut level, mut q, mut item_start) = (0, p, true);
                while q < t.len() {
                    match &t[q].0 {
                        Token::Punct('{') => {
                            level += 1;
                            item_start = level == 1;
                        }
                        Token::Punct('}') => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        Token::Punct(',') if level == 1 => item_start = true,
                        Token::Ident(name) if item_start => {
                            if name != "self" {
                                out.push((t[q].1, name.clone()));
                            }
                            item_start = false;
                        }
                        _ => {}
                    }
                    q += 1;
                }
            }
        }
        match &t[k].0 {
            Token::Punct('{') => {
                braces.push(k >= 2 && ident(k - 2) == Some("mod") && ident(k - 1).is_some())
            }
            Token::Punct('}') => {
                braces.pop();
            }
            _ => {}
        }
        k += 1;
    }
    out
}

/// One import that runs down the layers.
#[derive(Debug, Clone, PartialEq)]
struct Violation {
    file: String,
    line: usize,
    from: String,
    to: String,
}

impl Violation {
    fn describe(&self) -> String {
        format!(
            "{}:{}: {} (layer {}) imports {} (layer {})",
            self.file,
            self.line,
            self.from,
            layer(&self.from).unwrap_or(u8::MAX),
            self.to,
            layer(&self.to).unwrap_or(u8::MAX)
        )
    }
}

/// The top-level module of `rel` (`src/model/load.rs` is in `model`) and its module depth;
/// `None` for the crate roots.
fn module_of(rel: &str) -> Option<(String, usize)> {
    let parts: Vec<&str> = rel.strip_prefix("src/")?.split('/').collect();
    let file = parts.last()?.strip_suffix(".rs")?;
    if parts.len() == 1 && (file == "lib" || file == "main") {
        return None;
    }
    let depth = parts.len() - usize::from(file == "mod");
    let top = parts[0].strip_suffix(".rs").unwrap_or(parts[0]);
    Some((top.to_string(), depth))
}

/// The imports of the file `rel` (a path from the repository root) that point down.
fn violations(rel: &str, text: &str) -> Vec<Violation> {
    let Some((from, depth)) = module_of(rel) else {
        return Vec::new();
    };
    let Some(own) = layer(&from) else {
        return Vec::new();
    };
    references(&code_only(text), depth)
        .into_iter()
        .filter(|(_, to)| layer(to).is_some_and(|l| l > own))
        .map(|(line, to)| Violation {
            file: rel.to_string(),
            line,
            from: from.clone(),
            to,
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `.rs` file under `src/`, as a path from the repository root, with its text.
fn sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

#[test]
fn no_module_imports_from_a_layer_below_it() {
    let files = sources();
    let mut problems = Vec::new();
    let modules: BTreeSet<String> = files
        .iter()
        .filter_map(|(rel, _)| module_of(rel).map(|(m, _)| m))
        .collect();
    for m in &modules {
        if layer(m).is_none() {
            problems.push(format!(
                "src/{m}: a top-level module with no layer in LAYERS"
            ));
        }
    }
    let mut allowed_seen = BTreeSet::new();
    for (rel, text) in &files {
        for v in violations(rel, text) {
            match ALLOWED.iter().position(|(f, m)| *f == v.file && *m == v.to) {
                Some(i) => {
                    allowed_seen.insert(i);
                }
                None => problems.push(v.describe()),
            }
        }
    }
    for (i, (file, module)) in ALLOWED.iter().enumerate() {
        if !allowed_seen.contains(&i) {
            problems.push(format!(
                "{file} no longer imports {module}: remove the entry from ALLOWED"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "the layers of src/lib.rs are broken:\n{}",
        problems.join("\n")
    );
}

/// The layer `src/lib.rs`'s numbered list puts each module it names in: `N. [`module`]: ...`,
/// with its indented continuation lines.
fn documented_layers(lib: &str) -> Vec<(String, u8)> {
    let mut out = Vec::new();
    let mut current: Option<u8> = None;
    for line in lib.lines() {
        let Some(doc) = line.strip_prefix("//!") else {
            break;
        };
        let doc = doc.strip_prefix(' ').unwrap_or(doc);
        if let Some((n, _)) = doc.split_once(". ")
            && let Ok(n) = n.parse::<u8>()
        {
            current = Some(n);
        } else if !doc.starts_with(' ') {
            current = None;
        }
        let Some(n) = current else { continue };
        for piece in doc.split("[`").skip(1) {
            if let Some((name, _)) = piece.split_once("`]")
                && layer(name).is_some()
            {
                out.push((name.to_string(), n));
            }
        }
    }
    out
}

#[test]
fn lib_rs_states_the_layers_of_the_table() {
    let files = sources();
    let lib = &files.iter().find(|(rel, _)| rel == "src/lib.rs").unwrap().1;
    let documented = documented_layers(lib);
    let modules: BTreeSet<String> = files
        .iter()
        .filter_map(|(rel, _)| module_of(rel).map(|(m, _)| m))
        .collect();
    let mut problems = Vec::new();
    for m in &modules {
        let said: Vec<u8> = documented
            .iter()
            .filter(|(d, _)| d == m)
            .map(|(_, n)| *n)
            .collect();
        match (said.as_slice(), layer(m)) {
            ([], _) => problems.push(format!("src/lib.rs does not place [`{m}`] in a layer")),
            (said, Some(l)) if said.iter().any(|n| *n != l) => problems.push(format!(
                "src/lib.rs puts [`{m}`] in layer {}, the check in layer {l}",
                said[0]
            )),
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn only_the_tui_names_the_terminal_crates() {
    let mut problems = Vec::new();
    for (rel, text) in sources() {
        if rel.starts_with("src/tui/") || rel == "src/tui.rs" || rel == "src/main.rs" {
            continue;
        }
        for (token, line) in tokens(&code_only(&text)) {
            if let Token::Ident(name) = token
                && TERMINAL_CRATES.contains(&name.as_str())
            {
                problems.push(format!("{rel}:{line}: {name}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "only src/tui and src/main.rs may use the terminal:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_checker_flags_code_that_runs_down_the_layers() {
    let text = "use crate::model::Dataset;\n\
                use crate::{analysis, reform::Preset, tui::{self, App}};\n\
                fn f() { crate::cli::main(); super::super::output::write(); }\n\
                mod tests {\n    use super::super::super::comparative;\n}\n";
    let found: Vec<String> = violations("src/model/fake.rs", text)
        .iter()
        .map(Violation::describe)
        .collect();
    assert_eq!(
        found,
        vec![
            "src/model/fake.rs:2: model (layer 1) imports analysis (layer 2)",
            "src/model/fake.rs:2: model (layer 1) imports reform (layer 3)",
            "src/model/fake.rs:2: model (layer 1) imports tui (layer 5)",
            "src/model/fake.rs:3: model (layer 1) imports cli (layer 5)",
            "src/model/fake.rs:3: model (layer 1) imports output (layer 4)",
            "src/model/fake.rs:5: model (layer 1) imports comparative (layer 2)",
        ]
    );
    // Upward and sideways imports are the point of layers; `super::` that stays inside
    // the module is no import at all.
    let fine = "use crate::model::Body;\nuse crate::compare::Entry;\nuse super::hold;\n";
    assert!(violations("src/analysis/flags.rs", fine).is_empty());
}

#[test]
fn the_checker_ignores_comments_strings_and_characters() {
    let text = "//! The reform module (`crate::reform`) builds on this.\n\
                /// See [`Delta`](crate::reform::Delta).\n\
                /* crate::tui /* nested */ crate::cli */\n\
                const A: &str = \"crate::output\";\n\
                const B: &str = r#\"a \" crate::tui\"#;\n\
                const C: char = '\"'; fn lt<'a>(x: &'a str) -> &'a str { x } // crate::cli\n";
    assert_eq!(violations("src/model/fake.rs", text), Vec::new());
    // The lines stay where they were.
    assert_eq!(code_only(text).lines().count(), text.lines().count());
    assert_eq!(
        references(&code_only("\"x\";\nlet c = '\\'';\ncrate::tui::run();"), 1),
        vec![(3, "tui".to_string())]
    );
}

//! Translations of a dataset's prose: the catalogues `DIR/i18n/NAME.ru.ron` and
//! `DIR/i18n/NAME.kk.ron` beside a dataset or reform file `DIR/NAME.ron`.
//!
//! The English is the coding (docs/codebook.md); a translation is for reading. A catalogue is a
//! RON map from a prose string of the file, exactly as written there, to its translation:
//!
//! ```ron
//! { "De facto layer (codebook R34).": "Фактический слой (правило кодбука R34)." }
//! ```
//!
//! Prose is the string value of the fields in [`PROSE_FIELDS`] and the items of
//! `assumptions`, except inside `sources` where only a source's `note` is prose (its title is
//! a bibliographic title, kept as written); citations (`source`), ids, urls and names are not
//! prose. The same definition is `/work/tools/prose.py`'s, which the translators use.
//!
//! A catalogue is checked against the file it translates: a key that is no prose string of it
//! (a translation left stale after the English changed), an empty translation and a
//! translation whose digit runs differ from its key's (an article number mistyped) are errors
//! at the key's line and column. A string with no translation prints in English.
//!
//! Cost: nothing when a file has no catalogue ([`Prose`] is then a `None`); otherwise one scan
//! of the file's text and a hash map per language.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use super::Lang;
use crate::diag::{Diagnostic, FileReport, parse_ron};

/// The fields whose string values are prose.
pub const PROSE_FIELDS: &[&str] = &[
    "title",
    "jurisdiction",
    "label",
    "note",
    "argument",
    "threshold",
    "bars",
    "description",
    "wording",
    "text",
];

/// The fields whose list items are prose.
const PROSE_LISTS: &[&str] = &["assumptions"];

/// The languages a catalogue may be written for.
pub const LANGS: [Lang; 2] = [Lang::Ru, Lang::Kk];

/// The translations of a file's prose (and of the reform files applied to it); empty, and
/// free to clone, when there is no catalogue.
#[derive(Clone, Default)]
pub struct Prose(Vec<Arc<Tables>>);

#[derive(Default)]
struct Tables {
    ru: HashMap<String, String>,
    kk: HashMap<String, String>,
}

impl Tables {
    fn of(&self, lang: Lang) -> Option<&HashMap<String, String>> {
        match lang {
            Lang::En => None,
            Lang::Ru => Some(&self.ru),
            Lang::Kk => Some(&self.kk),
        }
    }
}

impl Prose {
    /// `en` in `lang`: its translation, or `en` itself where there is none.
    pub fn get<'a>(&'a self, lang: Lang, en: &'a str) -> &'a str {
        self.0
            .iter()
            .find_map(|t| t.of(lang)?.get(en))
            .map_or(en, String::as_str)
    }

    /// Whether there is no translation at all.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|t| t.ru.is_empty() && t.kk.is_empty())
    }

    /// How many strings have a translation into `lang`.
    pub fn len(&self, lang: Lang) -> usize {
        self.0
            .iter()
            .filter_map(|t| t.of(lang))
            .map(HashMap::len)
            .sum()
    }

    /// These translations and then `other`'s (a reformed state reads the reform file's prose
    /// too); the tables are shared, not copied.
    pub fn merged(&self, other: &Prose) -> Prose {
        let mut all = self.0.clone();
        for t in &other.0 {
            if !all.iter().any(|a| Arc::ptr_eq(a, t)) {
                all.push(t.clone());
            }
        }
        Prose(all)
    }

    /// Translations from a map per language.
    pub fn from_maps(ru: HashMap<String, String>, kk: HashMap<String, String>) -> Prose {
        if ru.is_empty() && kk.is_empty() {
            return Prose::default();
        }
        Prose(vec![Arc::new(Tables { ru, kk })])
    }
}

impl std::fmt::Debug for Prose {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Prose(ru: {}, kk: {})",
            self.len(Lang::Ru),
            self.len(Lang::Kk)
        )
    }
}

impl PartialEq for Prose {
    /// Translations are for reading: two datasets are equal by their coding alone.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The catalogues of the shipped data, by their repository path
/// (`data/i18n/kz-2022.ru.ron`): those that exist when the binary is built (`build.rs`).
pub const EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// [`load_beside`] for a file compiled into the binary, at its repository `path`.
pub fn load_embedded(path: &str, source: &str) -> (Prose, Vec<(Lang, Checked)>) {
    load_beside(path, source, |cat| {
        let cat = cat.to_str()?.replace('\\', "/");
        EMBEDDED
            .iter()
            .find(|(p, _)| *p == cat)
            .map(|(_, text)| Ok(text.to_string()))
    })
}

/// [`load_beside`] for a file on disk: a catalogue that does not exist is none; one that
/// cannot be read is an error of its own.
pub fn load_from_disk(path: &str, source: &str) -> (Prose, Vec<(Lang, Checked)>) {
    load_beside(path, source, |cat| {
        cat.exists().then(|| crate::diag::read_text(cat))
    })
}

/// The catalogue paths of a file `DIR/NAME.ron`: `DIR/i18n/NAME.LANG.ron`.
pub fn catalogue_path(path: &std::path::Path, lang: Lang) -> Option<std::path::PathBuf> {
    let stem = path.file_stem()?.to_str()?;
    let dir = path.parent().unwrap_or(std::path::Path::new(""));
    Some(dir.join("i18n").join(format!("{stem}.{}.ron", lang.code())))
}

/// One catalogue as read: its translations and every problem found in it.
pub struct Checked {
    pub table: HashMap<String, String>,
    pub report: FileReport,
    /// How many prose strings of the file it translates have no translation here.
    pub missing: usize,
}

/// Checks the catalogue `text` (named `path` in messages) against the prose of `source`,
/// the text of the file it translates (named `source_name`, as `kz-2022.ron`).
pub fn check(path: &str, text: &str, source_name: &str, source: &str) -> Checked {
    let mut report = FileReport {
        path: path.to_string(),
        text: text.to_string(),
        diagnostics: Vec::new(),
    };
    let table: HashMap<String, String> = match parse_ron(text) {
        Ok(t) => t,
        Err(d) => {
            report.diagnostics.push(d);
            return Checked {
                table: HashMap::new(),
                report,
                missing: 0,
            };
        }
    };
    let prose = prose_strings(source);
    let wanted: HashSet<&str> = prose.iter().map(String::as_str).collect();
    for (key, value, key_span, value_span) in entries(text) {
        if !wanted.contains(key.as_str()) {
            report.diagnostics.push(
                Diagnostic::error(
                    "stale-translation",
                    format!(
                        "no string of {source_name} reads {:?}",
                        crate::diag::visible(&shorten(&key))
                    ),
                )
                .at(Some(key_span), "no prose string of the file has this text")
                .note(
                    "the English may have changed since it was translated: \
                     translate the string as the file has it now",
                ),
            );
        } else if value.trim().is_empty() {
            report.diagnostics.push(
                Diagnostic::error("empty-translation", "the translation is empty")
                    .at(Some(value_span), "empty")
                    .note("leave a string out of the catalogue to print it in English"),
            );
        } else if digits(&key) != digits(&value) {
            report.diagnostics.push(
                Diagnostic::error(
                    "translation-numbers",
                    format!(
                        "the translation's numbers ({}) are not the English's ({})",
                        digits(&value).join(", "),
                        digits(&key).join(", ")
                    ),
                )
                .at(Some(value_span), "numbers differ from the key's")
                .note(
                    "every number of the English (an article, a count, a year) is kept as digits",
                ),
            );
        }
    }
    let missing = prose.iter().filter(|s| !table.contains_key(*s)).count();
    Checked {
        table,
        report,
        missing,
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= 80 {
        return s.to_string();
    }
    let cut: String = s.chars().take(77).collect();
    format!("{cut}...")
}

/// The runs of digits of `s`, sorted: a translation may move a number, not change it.
fn digits(s: &str) -> Vec<&str> {
    let mut out: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .collect();
    out.sort_unstable();
    out
}

/// The translations of the file at `path` (with text `source`) from the catalogues beside it,
/// each read with `read` (`None` when there is none). Returns the translations, each
/// catalogue's report and the count of untranslated strings per language.
pub fn load_beside(
    path: &str,
    source: &str,
    read: impl Fn(&std::path::Path) -> Option<Result<String, FileReport>>,
) -> (Prose, Vec<(Lang, Checked)>) {
    let p = std::path::Path::new(path);
    let name = p
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned());
    let mut found = Vec::new();
    for lang in LANGS {
        let Some(cat) = catalogue_path(p, lang) else {
            continue;
        };
        match read(&cat) {
            None => {}
            Some(Ok(text)) => {
                let checked = check(&cat.display().to_string(), &text, &name, source);
                found.push((lang, checked));
            }
            Some(Err(report)) => found.push((
                lang,
                Checked {
                    table: HashMap::new(),
                    report,
                    missing: 0,
                },
            )),
        }
    }
    let mut ru = HashMap::new();
    let mut kk = HashMap::new();
    for (lang, c) in &found {
        if c.report.errors() == 0 {
            match lang {
                Lang::Ru => ru = c.table.clone(),
                Lang::Kk => kk = c.table.clone(),
                Lang::En => {}
            }
        }
    }
    (Prose::from_maps(ru, kk), found)
}

/// The prose strings of a dataset or reform file's text, unescaped, deduplicated, in file
/// order.
pub fn prose_strings(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    // The bracket stack: (bracket, the key that opened it).
    let mut stack: Vec<(char, Option<&str>)> = Vec::new();
    let mut last_word: Option<&str> = None;
    let mut key: Option<&str> = None;
    for t in tokens(src) {
        match t {
            Token::Word(w) => last_word = Some(w),
            Token::Punct(':') => key = last_word,
            Token::Punct(c @ ('(' | '[' | '{')) => {
                stack.push((c, key));
                key = None;
            }
            Token::Punct(')' | ']' | '}') => {
                stack.pop();
                key = None;
            }
            Token::Punct(_) => key = None,
            Token::Str(lit, _) => {
                let in_sources = stack.iter().any(|(_, k)| *k == Some("sources"));
                let list_key = match stack.last() {
                    Some(('[', k)) => *k,
                    _ => None,
                };
                let wanted = match key {
                    Some(k) => PROSE_FIELDS.contains(&k) && (!in_sources || k == "note"),
                    None => list_key.is_some_and(|k| PROSE_LISTS.contains(&k)),
                };
                if wanted {
                    let v = unescape(lit);
                    if !v.trim().is_empty() && seen.insert(v.clone()) {
                        out.push(v);
                    }
                }
                key = None;
            }
        }
    }
    out
}

/// A catalogue's entries: key, value, and the spans of their literals.
fn entries(src: &str) -> Vec<(String, String, Range<usize>, Range<usize>)> {
    let toks: Vec<Token> = tokens(src)
        .filter(|t| !matches!(t, Token::Word(_)))
        .collect();
    toks.windows(3)
        .filter_map(|w| match w {
            [Token::Str(k, ks), Token::Punct(':'), Token::Str(v, vs)] => {
                Some((unescape(k), unescape(v), ks.clone(), vs.clone()))
            }
            _ => None,
        })
        .collect()
}

enum Token<'a> {
    Word(&'a str),
    Punct(char),
    /// A string literal with its quotes, and its span.
    Str(&'a str, Range<usize>),
}

/// RON's tokens as far as prose needs them: words, brackets, `:` and `,`, and string
/// literals; comments and everything else skipped.
fn tokens(src: &str) -> impl Iterator<Item = Token<'_>> {
    let b = src.as_bytes();
    let n = b.len();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < n {
            let c = b[i];
            // Bytes, not chars: `i` may stand inside a character of a comment or a name.
            if b[i..].starts_with(b"//") {
                i = b[i..].iter().position(|&c| c == b'\n').map_or(n, |j| i + j);
            } else if b[i..].starts_with(b"/*") {
                i = b[i + 2..]
                    .windows(2)
                    .position(|w| w == b"*/")
                    .map_or(n, |j| i + 2 + j + 2);
            } else if c == b'"' {
                let start = i;
                let mut j = i + 1;
                while j < n && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                let end = (j + 1).min(n);
                i = end;
                return Some(Token::Str(&src[start..end], start..end));
            } else if c.is_ascii_alphabetic() || c == b'_' {
                let start = i;
                while i < n && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                return Some(Token::Word(&src[start..i]));
            } else if b"()[]{}:,".contains(&c) {
                i += 1;
                return Some(Token::Punct(c as char));
            } else {
                i += 1;
            }
        }
        None
    })
}

/// A RON string literal's value.
fn unescape(lit: &str) -> String {
    let body = lit
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(lit);
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('u') => {
                let rest: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let hex = rest.trim_start_matches('{');
                if let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                    out.push(c);
                }
            }
            Some(c) => out.push(c),
            None => {}
        }
    }
    out
}

/// A stand-in translation of every prose string of `ron` into both languages (`перевод`
/// and the string's numbers), for tests that check no prose reaches a view in English.
#[doc(hidden)]
pub fn stand_in_translation(ron: &str) -> Prose {
    let table: HashMap<String, String> = prose_strings(ron)
        .into_iter()
        .map(|s| {
            let t = format!("перевод {}", digits(&s).join(" "));
            (s, t)
        })
        .collect();
    Prose::from_maps(table.clone(), table)
}

#[cfg(test)]
#[path = "prose_tests.rs"]
mod tests;

//! Where each value of a RON file is: a map from a value's path (`bodies[3].channels[0].seats`)
//! to its byte range.
//!
//! `ron` gives positions only for syntax errors. Semantic errors (an unknown id, seats that do
//! not add up) are found after deserialising, so the loader looks their place up here. The
//! scanner runs only on text that `ron` has already parsed; on anything it does not understand
//! it stops and returns what it has indexed so far, so a lookup may miss but never panics.
//!
//! Cost: one pass over the text, O(n) for n bytes, plus one owned path per value (about 15x
//! the text in memory for a dataset), so the dataset loader builds the index only when a
//! problem needs a place; [`has_duplicate_keys`] runs the same pass recording nothing.

use std::collections::HashMap;
use std::ops::Range;

/// Byte ranges of the values (and of the field names) of a RON document, by path.
#[derive(Debug, Default, Clone)]
pub struct SpanIndex {
    values: HashMap<String, Range<usize>>,
    keys: HashMap<String, Range<usize>>,
    /// Map keys written a second time in one map, with the place of the second: serde keeps
    /// the last silently, so the loaders refuse them from here.
    duplicates: Vec<(String, Range<usize>)>,
}

impl SpanIndex {
    pub fn build(text: &str) -> SpanIndex {
        let mut scanner = Scanner::new(text, true);
        scanner.document();
        scanner.index
    }

    /// The range of the value at `path`.
    pub fn value(&self, path: &str) -> Option<Range<usize>> {
        self.values.get(path).cloned()
    }

    /// The range of the field name at `path` (for struct fields), else of the value.
    pub fn key(&self, path: &str) -> Option<Range<usize>> {
        self.keys.get(path).cloned().or_else(|| self.value(path))
    }

    /// The range of the value at `path`, or of the closest enclosing value that has one (a
    /// missing field is reported at the struct that lacks it, the document's own fields at
    /// the document).
    pub fn nearest(&self, path: &str) -> Option<Range<usize>> {
        let mut p = path;
        loop {
            if let Some(r) = self.values.get(p) {
                return Some(r.clone());
            }
            match p.rfind(['.', '[']) {
                Some(cut) => p = &p[..cut],
                None if !p.is_empty() => p = "",
                None => return None,
            }
        }
    }

    /// Keys written twice in one map (`{"consent": 1, "consent": 0}`): the path of the key
    /// and the place of its second writing, in the order of the file.
    pub fn duplicate_keys(&self) -> &[(String, Range<usize>)] {
        &self.duplicates
    }

    /// Like `nearest`, but only the first line of a multi-line value, so that a marker under a
    /// whole struct does not swallow the report.
    pub fn nearest_head(&self, path: &str, text: &str) -> Option<Range<usize>> {
        let r = self.nearest(path)?;
        let end = text
            .get(r.clone())
            .and_then(|s| s.find('\n'))
            .map(|i| r.start + i)
            .unwrap_or(r.end);
        Some(r.start..end.max(r.start + 1).min(r.end.max(r.start + 1)))
    }
}

/// Whether a map of `text` has a key written twice, found by the scanner of [`SpanIndex::build`]
/// without recording anything (no paths, no ranges): a loader that indexes a file only for its
/// problems asks this first. Linear in the text, and allocates only each map's set of keys.
pub fn has_duplicate_keys(text: &str) -> bool {
    let mut scanner = Scanner::new(text, false);
    scanner.document();
    scanner.duplicate
}

/// Guards the recursion; `ron` itself refuses deeper documents long before this.
const MAX_DEPTH: usize = 512;

struct Scanner<'a> {
    text: &'a [u8],
    pos: usize,
    index: SpanIndex,
    depth: usize,
    /// Whether paths and ranges are recorded; without, the scan only looks for duplicate keys.
    record: bool,
    /// A map key written twice was seen.
    duplicate: bool,
}

impl Scanner<'_> {
    fn new(text: &str, record: bool) -> Scanner<'_> {
        Scanner {
            text: text.as_bytes(),
            pos: 0,
            index: SpanIndex::default(),
            depth: 0,
            record,
            duplicate: false,
        }
    }

    /// The path of the `i`th element under `path` (none when not recording).
    fn element(&self, path: &str, i: usize) -> String {
        if self.record {
            format!("{path}[{i}]")
        } else {
            String::new()
        }
    }

    /// The path of the field or key `key` under `path` (none when not recording).
    fn child(&self, path: &str, key: &str) -> String {
        if self.record {
            join(path, key)
        } else {
            String::new()
        }
    }
    fn document(&mut self) {
        self.skip_trivia();
        while self.peek() == Some(b'#') {
            // `#![enable(implicit_some)]` and friends.
            while let Some(c) = self.peek() {
                self.pos += 1;
                if c == b']' {
                    break;
                }
            }
            self.skip_trivia();
        }
        let _ = self.value(String::new());
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(c) if c.is_ascii_whitespace() => self.pos += 1,
                Some(b'/') if self.text.get(self.pos + 1) == Some(&b'/') => {
                    while let Some(c) = self.peek() {
                        if c == b'\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                Some(b'/') if self.text.get(self.pos + 1) == Some(&b'*') => {
                    self.pos += 2;
                    let mut nesting = 1;
                    while nesting > 0 && self.pos < self.text.len() {
                        if self.text[self.pos..].starts_with(b"/*") {
                            nesting += 1;
                            self.pos += 2;
                        } else if self.text[self.pos..].starts_with(b"*/") {
                            nesting -= 1;
                            self.pos += 2;
                        } else {
                            self.pos += 1;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.skip_trivia();
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Scans one value, records it under `path` and returns its range.
    fn value(&mut self, path: String) -> Option<Range<usize>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        self.skip_trivia();
        let start = self.pos;
        let result = match self.peek()? {
            b'[' => {
                self.pos += 1;
                self.list(&path, b']')
            }
            b'{' => {
                self.pos += 1;
                self.map(&path)
            }
            b'(' => {
                self.pos += 1;
                self.group(&path)
            }
            b'"' => self.string(),
            b'\'' => self.char_lit(),
            b'r' if matches!(self.text.get(self.pos + 1), Some(b'"') | Some(b'#')) => {
                self.raw_string()
            }
            b'b' if self.text.get(self.pos + 1) == Some(&b'"') => {
                self.pos += 1;
                self.string()
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                self.ident();
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.pos += 1;
                    self.group(&path)
                } else {
                    Some(())
                }
            }
            c if c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.') => {
                self.number();
                Some(())
            }
            _ => None,
        };
        self.depth -= 1;
        result?;
        let range = start..self.pos;
        if self.record {
            self.index.values.insert(path, range.clone());
        }
        Some(range)
    }

    fn list(&mut self, path: &str, close: u8) -> Option<()> {
        let mut i = 0;
        loop {
            if self.eat(close) {
                return Some(());
            }
            self.value(self.element(path, i))?;
            i += 1;
            if !self.eat(b',') {
                return self.eat(close).then_some(());
            }
        }
    }

    fn map(&mut self, path: &str) -> Option<()> {
        let mut seen = std::collections::HashSet::new();
        loop {
            if self.eat(b'}') {
                return Some(());
            }
            self.skip_trivia();
            let key_start = self.pos;
            let key_path = if self.record {
                format!("{path}{{key}}")
            } else {
                String::new()
            };
            let key_range = self.value(key_path)?;
            let text = self.text;
            let raw = std::str::from_utf8(&text[key_range.clone()]).ok()?;
            let key = raw.trim_matches('"');
            let child = self.child(path, key);
            let place = key_start..key_range.end;
            if !self.record {
                // Keys written alike are the same key, as the recorded paths would be.
                self.duplicate |= !seen.insert(key);
            } else if self.index.keys.contains_key(&child) {
                self.index.duplicates.push((child.clone(), place.clone()));
            } else {
                self.index.keys.insert(child.clone(), place);
            }
            if !self.eat(b':') {
                return None;
            }
            self.value(child)?;
            if !self.eat(b',') {
                return self.eat(b'}').then_some(());
            }
        }
    }

    /// The inside of `( ... )`: struct fields `name: value` or tuple elements.
    fn group(&mut self, path: &str) -> Option<()> {
        self.skip_trivia();
        let save = self.pos;
        let is_struct = if self
            .peek()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
        {
            self.ident();
            let colon = self.eat(b':');
            self.pos = save;
            colon
        } else {
            false
        };
        if !is_struct {
            return self.list(path, b')');
        }
        loop {
            if self.eat(b')') {
                return Some(());
            }
            self.skip_trivia();
            let key_start = self.pos;
            self.ident();
            let key = std::str::from_utf8(&self.text[key_start..self.pos]).ok()?;
            let key = key.strip_prefix("r#").unwrap_or(key);
            if key.is_empty() {
                return None;
            }
            let child = self.child(path, key);
            if self.record {
                self.index.keys.insert(child.clone(), key_start..self.pos);
            }
            if !self.eat(b':') {
                return None;
            }
            self.value(child)?;
            if !self.eat(b',') {
                return self.eat(b')').then_some(());
            }
        }
    }

    fn ident(&mut self) {
        if self.text[self.pos..].starts_with(b"r#") {
            self.pos += 2;
        }
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
        {
            self.pos += 1;
        }
    }

    fn number(&mut self) {
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'+' | b'-'))
        {
            self.pos += 1;
        }
    }

    fn string(&mut self) -> Option<()> {
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'\\' => self.pos += 1,
                b'"' => return Some(()),
                _ => {}
            }
        }
        None
    }

    fn char_lit(&mut self) -> Option<()> {
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'\\' => self.pos += 1,
                b'\'' => return Some(()),
                _ => {}
            }
        }
        None
    }

    fn raw_string(&mut self) -> Option<()> {
        self.pos += 1;
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        if self.peek() != Some(b'"') {
            return None;
        }
        self.pos += 1;
        let mut closing = vec![b'"'];
        closing.extend(std::iter::repeat_n(b'#', hashes));
        let rest = &self.text[self.pos..];
        let end = rest.windows(closing.len()).position(|w| w == closing)?;
        self.pos += end + closing.len();
        Some(())
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r##"#![enable(implicit_some)]
// a comment with ( and [
Dataset(
    id: "kz",
    weights: { "consent": 0.5 },
    bodies: [
        (id: "a", name: (en: "A", ru: r#"Б "x""#, kk: "Ә"), channels: [ (seats: 2, steps: [(actor: "b", role: appoint)]) ]),
        /* block /* nested */ */ (id: "b", seats: Some(3)),
    ],
)"##;

    fn text_at(path: &str) -> &'static str {
        let index = SpanIndex::build(DOC);
        let r = index
            .value(path)
            .unwrap_or_else(|| panic!("no span for {path}"));
        &DOC[r]
    }

    #[test]
    fn finds_nested_values() {
        assert_eq!(text_at("id"), "\"kz\"");
        assert_eq!(text_at("weights.consent"), "0.5");
        assert_eq!(text_at("bodies[0].channels[0].steps[0].actor"), "\"b\"");
        assert_eq!(text_at("bodies[0].channels[0].steps[0].role"), "appoint");
        assert_eq!(text_at("bodies[0].name.ru"), "r#\"Б \"x\"\"#");
        assert_eq!(text_at("bodies[1].seats"), "Some(3)");
        assert_eq!(text_at("bodies[1].id"), "\"b\"");
    }

    #[test]
    fn keys_and_nearest() {
        let index = SpanIndex::build(DOC);
        let k = index.key("bodies[1].seats").unwrap();
        assert_eq!(&DOC[k], "seats");
        let n = index.nearest("bodies[1].source").unwrap();
        assert!(DOC[n].starts_with("(id: \"b\""));
    }

    #[test]
    fn the_document_is_the_place_of_its_own_missing_fields() {
        let index = SpanIndex::build(DOC);
        let n = index.nearest("jurisdiction").unwrap();
        assert!(DOC[n].starts_with("Dataset("));
    }

    #[test]
    fn a_key_written_twice_is_found_at_its_second_place() {
        let text = r#"(weights: {"consent": 1, "propose": 2, "consent": 0})"#;
        let index = SpanIndex::build(text);
        let [(path, place)] = index.duplicate_keys() else {
            panic!("{:?}", index.duplicate_keys());
        };
        assert_eq!(path, "weights.consent");
        assert_eq!(place.start, text.rfind("\"consent\"").unwrap());
        // The first writing stays the key's place.
        assert_eq!(index.key("weights.consent").unwrap().start, 11);
    }

    #[test]
    fn garbage_never_panics() {
        for text in [
            "",
            "(",
            "[[[",
            "\"",
            "r#\"",
            "(a: ",
            "{\"k\" 1}",
            "#![",
            "/*",
        ] {
            let _ = SpanIndex::build(text);
        }
    }
}

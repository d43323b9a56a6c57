//! Reading a data file within the size limit, and parsing RON with located syntax errors.

use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use ron::extensions::Extensions;

use super::{Diagnostic, FileReport, did_you_mean, offset_of};

/// The default input limit: no real constitution needs this much, and the bound keeps memory
/// use in check whatever is thrown at the loader.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Nesting depth `ron` accepts; datasets need about 6.
const RECURSION_LIMIT: usize = 64;

/// The limit in force for every file read (datasets, presets, the config, pipes and devices
/// alike). The command line sets it once from `--max-input-bytes` or `BILIK_MAX_INPUT_BYTES`
/// before anything is read; a process-wide value spares threading it through every loader.
static MAX_INPUT_BYTES: AtomicU64 = AtomicU64::new(MAX_FILE_BYTES);

/// Changes the input limit for the rest of the process.
pub fn set_max_input_bytes(bytes: u64) {
    MAX_INPUT_BYTES.store(bytes, Ordering::Relaxed);
}

/// Sets the input limit from `BILIK_MAX_INPUT_BYTES` when it holds one (unset or empty: the
/// limit stays); the error names the variable. The command line calls it when no
/// `--max-input-bytes` is given, and the examples always, so both read the variable alike.
pub fn set_max_input_bytes_from_env() -> Result<(), String> {
    match std::env::var_os("BILIK_MAX_INPUT_BYTES") {
        Some(v) if !v.is_empty() => {
            let bytes = parse_byte_count(&v.to_string_lossy())
                .map_err(|e| format!("BILIK_MAX_INPUT_BYTES: {e}"))?;
            set_max_input_bytes(bytes);
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The input limit in force, in bytes.
pub fn max_input_bytes() -> u64 {
    MAX_INPUT_BYTES.load(Ordering::Relaxed)
}

/// Parses a byte count as given to `--max-input-bytes`: a whole number, optionally followed
/// by `K`, `M` or `G` (binary multiples, `KiB`, `MiB`, `GiB` also read).
pub fn parse_byte_count(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "'{text}' is not a byte count (e.g. 16777216 or 64M)"
            ));
        }
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("'{text}' is not a byte count above 0 (e.g. 16777216 or 64M)"))
}

/// The message for input over the limit, with how to raise it.
fn too_large(name: &str, limit: u64) -> String {
    format!(
        "{name} is larger than the input limit of {limit} bytes; raise it with --max-input-bytes N or BILIK_MAX_INPUT_BYTES=N"
    )
}

/// Reads a file within the size limit; the error is a one-line diagnostic report.
///
/// At most the limit plus one byte is read whatever the file is (a regular file, a pipe such
/// as `/dev/stdin`, a device such as `/dev/zero`, a FIFO), so no input can make the loader
/// read or hold more than the limit.
pub fn read_text(path: &Path) -> Result<String, FileReport> {
    let name = path.display().to_string();
    let fail = |message: String| FileReport {
        path: name.clone(),
        text: String::new(),
        diagnostics: vec![Diagnostic::error("unreadable", message)],
    };
    let limit = max_input_bytes();
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read {name}: {e}")))?;
    if meta.is_dir() {
        return Err(fail(format!("{name} is a folder, not a dataset file")));
    }
    // A regular file's size is known: refuse it before reading a byte.
    if meta.is_file() && meta.len() > limit {
        return Err(fail(too_large(&name, limit)));
    }
    let file = std::fs::File::open(path).map_err(|e| fail(format!("cannot read {name}: {e}")))?;
    // A regular file's size is known: read it into one buffer of that size rather than
    // doubling one (a 60 MB file would otherwise hold 64 MB and be copied as it grows).
    let mut bytes = Vec::with_capacity(if meta.is_file() {
        usize::try_from(meta.len()).map_or(0, |n| n.saturating_add(1))
    } else {
        0
    });
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read {name}: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(fail(too_large(&name, limit)));
    }
    String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "{name} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// The text a loader parses: a leading byte-order mark dropped (editors on Windows write one;
/// it says nothing in UTF-8) and lone carriage returns (old Mac line ends) made line feeds, so
/// that lines are counted, and shown, as the author sees them. A line feed replaces a carriage
/// return byte for byte, so places found in the result hold in the file after the mark.
pub fn normalise_text(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let lone_cr = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    // Most files have no carriage return at all: `contains` finds that out a word at a time
    // (a tenth of loading's instructions at 100,000 bodies went to testing byte by byte).
    if !bytes.contains(&b'\r') || !(0..bytes.len()).any(lone_cr) {
        return std::borrow::Cow::Borrowed(text);
    }
    let out: Vec<u8> = (0..bytes.len())
        .map(|i| if lone_cr(i) { b'\n' } else { bytes[i] })
        .collect();
    // Only ASCII bytes were swapped for ASCII bytes.
    std::borrow::Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_string()))
}

/// The RON options every data file is read with: `Some(...)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// Parses RON text into `T`, turning a syntax error into a located diagnostic.
pub fn parse_ron<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Diagnostic> {
    parse_ron_with(text, ron_options(), |_| "syntax")
}

/// [`parse_ron`] with other RON options (reform files also unwrap variant newtypes), and the
/// diagnostic's code chosen by the kind of error (`syntax` for a dataset).
pub(crate) fn parse_ron_with<T: serde::de::DeserializeOwned>(
    text: &str,
    options: ron::Options,
    code: fn(&ron::Error) -> &'static str,
) -> Result<T, Diagnostic> {
    let limit = max_input_bytes();
    if text.len() as u64 > limit {
        return Err(Diagnostic::error("too-large", too_large("the text", limit)));
    }
    options.from_str(text).map_err(|e| {
        let start = offset_of(text, e.span.start.line, e.span.start.col);
        let end = offset_of(text, e.span.end.line, e.span.end.col).max(start + 1);
        let d = Diagnostic::error(code(&e.code), format!("syntax error: {}", e.code));
        // The parser notices a missing comma only at the next line's first token; the author
        // left it out at the end of the line before, so that is where the error points.
        if let Some(after) = missing_separator(text, &e.code, start) {
            let last = text[..after].char_indices().last().map_or(0, |(i, _)| i);
            return d
                .at(Some(last..after), "a comma is missing after this?")
                .note("help: values in a list and fields of a struct are separated by commas");
        }
        d.at(Some(start..end.min(text.len().max(start))), "here")
            .help_maybe(syntax_help(&e.code))
    })
}

/// Where a missing comma belongs: the end of the last token before `at` when the parser
/// wanted a separator or a closing bracket and that token ends on an earlier line.
fn missing_separator(text: &str, code: &ron::Error, at: usize) -> Option<usize> {
    let message = code.to_string();
    if !(message.contains("comma") || message.contains("closing")) {
        return None;
    }
    let end = last_token_end(text, at)?;
    text[end..at].contains('\n').then_some(end)
}

/// The byte offset just after the last token (not whitespace or a comment) before `at`,
/// reading strings and comments as RON does, so that a `//` inside a URL is not a comment.
fn last_token_end(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut i, mut last) = (0, None);
    while i < at.min(bytes.len()) {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                last = Some(i.min(at));
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            b if b.is_ascii_whitespace() => i += 1,
            _ => {
                i += 1;
                last = Some(i);
            }
        }
    }
    last
}

fn syntax_help(code: &ron::Error) -> Option<String> {
    if let ron::Error::NoSuchStructField {
        expected, found, ..
    } = code
    {
        return Some(match did_you_mean(found, expected.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the fields are: {}", expected.join(", ")),
        });
    }
    if let ron::Error::NoSuchEnumVariant {
        expected, found, ..
    } = code
    {
        return Some(match did_you_mean(found, expected.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("expected one of: {}", expected.join(", ")),
        });
    }
    let text = code.to_string();
    if text.contains("Expected identifier") {
        return Some("vocabulary words (branches, roles, kinds, confidence) are written without quotes, e.g. `role: appoint`".into());
    }
    if text.contains("Unexpected missing field") || text.contains("missing field") {
        Some("every field a struct needs is listed in docs/data-format.md".into())
    } else if text.contains("Unexpected field") || text.contains("unknown field") {
        Some("check the spelling of the field name against docs/data-format.md".into())
    } else if text.contains("Expected") && text.contains("string") {
        Some("ids, names and sources are written in double quotes".into())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::normalise_text;

    #[test]
    fn a_missing_comma_is_placed_at_the_end_of_its_line() {
        let text = "(\n  id: \"x\" // https://a.b\n  title: \"y\",\n)";
        let d = super::parse_ron::<Pair>(text).unwrap_err();
        let span = d.span.clone().expect("a place");
        assert_eq!(span.end, text.find("\" //").unwrap() + 1, "{d:?}");
        assert!(d.label.contains("comma"), "{}", d.label);
        // A comma that is there leaves the parser's own place and words alone.
        let bad = "(\n  id: \"x\",\n  title: oops\"\n)";
        let d = super::parse_ron::<Pair>(bad).unwrap_err();
        assert_eq!(d.label, "here");
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Pair {
        id: String,
        title: String,
    }

    #[test]
    fn a_byte_order_mark_and_old_mac_line_ends_are_read_as_the_author_sees_them() {
        assert_eq!(normalise_text("\u{feff}(a: 1)"), "(a: 1)");
        assert_eq!(
            normalise_text("// c\r(\r a: 1,\r\n)"),
            "// c\n(\n a: 1,\r\n)"
        );
        assert!(matches!(
            normalise_text("(a: \"ж\")\n"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}

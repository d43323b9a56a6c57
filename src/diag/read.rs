//! Reading a data file within the size limit, and parsing RON with located syntax errors.

use std::path::Path;

use ron::extensions::Extensions;

use super::{Diagnostic, FileReport, did_you_mean, offset_of};

/// Larger files are refused before parsing: no real constitution needs this much, and the
/// bound keeps memory use in check whatever is thrown at the loader.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Nesting depth `ron` accepts; datasets need about 6.
const RECURSION_LIMIT: usize = 64;

/// Reads a file within the size limit; the error is a one-line diagnostic report.
pub fn read_text(path: &Path) -> Result<String, FileReport> {
    let name = path.display().to_string();
    let fail = |message: String| FileReport {
        path: name.clone(),
        text: String::new(),
        diagnostics: vec![Diagnostic::error("unreadable", message)],
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read {name}: {e}")))?;
    if meta.is_dir() {
        return Err(fail(format!("{name} is a folder, not a dataset file")));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(format!(
            "{name} is {} bytes; datasets are limited to {MAX_FILE_BYTES} bytes",
            meta.len()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read {name}: {e}")))?;
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
    if !(0..bytes.len()).any(lone_cr) {
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
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            "too-large",
            format!(
                "the text is {} bytes; data files are limited to {MAX_FILE_BYTES} bytes",
                text.len()
            ),
        ));
    }
    options.from_str(text).map_err(|e| {
        let start = offset_of(text, e.span.start.line, e.span.start.col);
        let end = offset_of(text, e.span.end.line, e.span.end.col).max(start + 1);
        Diagnostic::error(code(&e.code), format!("syntax error: {}", e.code))
            .at(Some(start..end.min(text.len().max(start))), "here")
            .help_maybe(syntax_help(&e.code))
    })
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

//! Escaping of free text (names, notes, sources) for each output language. Dataset text may
//! hold anything a RON string can: quotes, newlines, `<&>`, `|`, `$`, Cyrillic and Kazakh.
//!
//! The export's Markdown escapes every character that could open markup ([`markdown`]); the
//! `bilik diff` and `bilik compare` reports escape only what breaks a table cell
//! ([`markdown_pipes`], [`markdown_cell`]), and keep doing so, as their output is pinned.

/// Text from data for a terminal or a text report lives in the lowest layer, as diagnostics
/// need it too; it is the one sanitiser of every text output.
pub use crate::diag::visible::{visible, visible_lines};

use crate::diag::visible::hidden;

/// A CSV cell a spreadsheet will not run: a cell that starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return gets a leading `'` (the OWASP rule), unless it is a number, as the
/// tool writes numbers (a negative figure must stay a number).
pub fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !s.parse::<f64>().is_ok_and(f64::is_finite) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// [`csv_cell`] over a record, for `csv::Writer::write_record`.
pub fn csv_cells<I>(record: I) -> Vec<String>
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    record
        .into_iter()
        .map(|c| csv_cell(c.as_ref()).into_owned())
        .collect()
}

/// Text for XML content or a double-quoted attribute (GraphML, SVG). Line breaks and tabs
/// become character references so that attribute-value normalisation keeps them, and
/// characters XML 1.0 forbids become U+FFFD, as a parser would refuse the file otherwise.
/// The other hidden characters (DEL, C1 controls, bidirectional controls) become U+FFFD too:
/// a figure would obey a right-to-left override and show a name reversed.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let _ = xml_to(&mut out, s);
    out
}

/// [`xml`] written into `out`, with no string of its own: the GraphML of a large state writes
/// millions of values.
pub fn xml_to(out: &mut impl std::fmt::Write, s: &str) -> std::fmt::Result {
    // Runs of characters that need no escape are written whole.
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let escaped = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&apos;",
            '\n' => "&#10;",
            '\r' => "&#13;",
            '\t' => "&#9;",
            c if hidden(c) || c == '\u{FFFE}' || c == '\u{FFFF}' => "\u{FFFD}",
            _ => continue,
        };
        out.write_str(&s[start..i])?;
        out.write_str(escaped)?;
        start = i + c.len_utf8();
    }
    out.write_str(&s[start..])
}

/// The inside of a double-quoted DOT string. A backslash is doubled because Graphviz reads
/// `\n`, `\l`, `\N` and the like in labels as escapes; a line break becomes `\n` (a centred
/// line in a label).
pub fn dot(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Inline GitHub-flavoured Markdown text, safe inside a table cell: every character that
/// could open markup (emphasis, code, links, HTML, strikethrough, math, a cell border) is
/// backslash-escaped, and line breaks become spaces, since a break would end the cell or
/// start a new block.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c if hidden(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An inline code span that shows `s` verbatim, even when it holds backticks: the fence is
/// one backtick longer than the longest run inside.
pub fn markdown_code(s: &str) -> String {
    let s = s.replace(hidden, " ");
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // A code span may not border a backtick of its own content; the spaces are stripped when
    // rendered. `|` ends a table cell even inside a code span, so it is escaped there too.
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{}{pad}{fence}", s.replace('|', "\\|"))
}

/// A `bilik diff` Markdown table cell: `|`, `<`, `[` and `]` are escaped, and control characters other than a
/// line break (escape sequences, NUL) become spaces, as in [`markdown`].
pub fn markdown_pipes(s: &str) -> String {
    inert(s).replace(|c: char| hidden(c) && c != '\n', " ")
}

/// A `bilik compare` Markdown table cell: `|`, `<`, `[` and `]` escaped, line breaks and other control
/// characters flattened to spaces.
pub fn markdown_cell(s: &str) -> String {
    inert(s).replace(hidden, " ")
}

/// `|` escaped, and the characters that open HTML or a link (`<`, `[`, `]`) too: a name of
/// untrusted data must not become a tag or a `javascript:` link. The cells' own markup
/// (emphasis, code spans) is bilik's and stays.
fn inert(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '|' | '<' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The inside of a double-quoted Mermaid label. Mermaid has no backslash escapes; it reads
/// entity codes such as `#quot;` instead, so `#` itself is written as one too. A line break
/// becomes `<br/>`, which Mermaid draws as a new line.
pub fn mermaid(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("<br/>");
                }
            }
            '\n' => out.push_str("<br/>"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An id made of ASCII letters, digits and `_` only, for formats whose ids are bare words
/// (Mermaid): body ids already are, but nothing outside the loader enforces it.
pub fn word(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_entities_breaks_and_forbidden_characters() {
        assert_eq!(
            xml("a <b> & \"c\" 'd'\nе\tқ\u{1}"),
            "a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;&#10;е&#9;қ\u{FFFD}"
        );
    }

    #[test]
    fn dot_escapes_quotes_backslashes_and_breaks() {
        assert_eq!(dot(r#"say "hi" \N"#), r#"say \"hi\" \\N"#);
        assert_eq!(dot("a\r\nb\nc\rd"), r"a\nb\nc\nd");
        assert_eq!(dot("Сенат Төрағасы"), "Сенат Төрағасы");
    }

    #[test]
    fn markdown_escapes_markup_and_flattens_breaks() {
        assert_eq!(
            markdown("a|b *c* _d_ `e` <f> [g](h) ~~i~~ $j$ &k; #1\nnext"),
            r"a\|b \*c\* \_d\_ \`e\` \<f\> \[g\](h) \~\~i\~\~ \$j\$ \&k; \#1 next"
        );
    }

    #[test]
    fn markdown_code_spans_survive_backticks_and_pipes() {
        assert_eq!(markdown_code("senate"), "`senate`");
        assert_eq!(markdown_code("a`b"), "``a`b``");
        assert_eq!(markdown_code("`a"), "`` `a ``");
        assert_eq!(markdown_code("a|b"), r"`a\|b`");
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
        assert_eq!(csv_cell("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        for s in ["+1+1", "-A1", "@SUM(A1)", "\tx", "\rx", "-inf", "-"] {
            assert_eq!(csv_cell(s), format!("'{s}"));
        }
        for s in ["-0.1250", "-3", "1e-5", "Senate", "", "a=b"] {
            assert_eq!(csv_cell(s), s);
        }
    }

    #[test]
    fn mermaid_uses_entity_codes() {
        assert_eq!(
            mermaid("\"A\" #1 <b> & `c`\nd"),
            "#quot;A#quot; #35;1 #lt;b#gt; #amp; #96;c#96;<br/>d"
        );
    }
}

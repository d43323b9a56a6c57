//! Text from data made safe to show on a terminal or in a text report: the one place where
//! control characters (C0, C1, DEL, NUL) and bidirectional controls (U+202A-U+202E,
//! U+2066-U+2069, U+200E, U+200F, U+061C) become visible escapes such as `\u{202e}`, so
//! that a name can neither send escape sequences to the terminal nor reorder or forge lines.
//! Exports keep the data and escape it for their own format instead (`output::escape`).

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` would act on the terminal or the text's order rather than show.
pub fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
}

/// One string from data (a name, a title, a label): every hidden character, line breaks and
/// tabs included, is shown as an escape (`\n`, `\t`, `\u{1b}`).
pub fn visible(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// A whole text (a report, a source file) whose line breaks and tabs are its own: those stay,
/// every other hidden character is shown as an escape.
pub fn visible_lines(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

/// A text written piece by piece to `W`, each piece shown as [`visible_lines`] shows the
/// whole: a report too large to hold is escaped as it is written. A carriage return ending a
/// piece waits for the next, which decides whether it is a line break's.
pub struct VisibleLines<W: std::io::Write> {
    out: W,
    cr: bool,
    error: Option<std::io::Error>,
}

impl<W: std::io::Write> VisibleLines<W> {
    pub fn new(out: W) -> Self {
        Self {
            out,
            cr: false,
            error: None,
        }
    }

    /// Writes what waits and gives the first error met, or the writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        if std::mem::take(&mut self.cr) {
            self.put(&visible_lines("\r"));
        }
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.out),
        }
    }

    fn put(&mut self, s: &str) {
        if self.error.is_none()
            && let Err(e) = self.out.write_all(s.as_bytes())
        {
            self.error = Some(e);
        }
    }
}

impl<W: std::io::Write> std::fmt::Write for VisibleLines<W> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if self.error.is_some() {
            // The report stops at the first failed write (a closed pipe, a full disk).
            return Err(std::fmt::Error);
        }
        if s.is_empty() {
            return Ok(());
        }
        let mut s = s;
        if std::mem::take(&mut self.cr) {
            match s.strip_prefix('\n') {
                Some(rest) => {
                    self.put("\r\n");
                    s = rest;
                }
                None => self.put(&visible_lines("\r")),
            }
        }
        if let Some(head) = s.strip_suffix('\r') {
            self.cr = true;
            s = head;
        }
        self.put(&visible_lines(s));
        match self.error {
            Some(_) => Err(std::fmt::Error),
            None => Ok(()),
        }
    }
}

fn kept(c: char, next: Option<char>, lines: bool) -> bool {
    lines && (c == '\n' || c == '\t' || (c == '\r' && next == Some('\n')))
}

fn escape(s: &str, lines: bool) -> Cow<'_, str> {
    // Byte by byte first: a hidden character is a C0 byte or DEL, or starts with one of the
    // three lead bytes of the C1 controls (0xC2) and the bidirectional controls (0xD8 for
    // U+061C, 0xE2 for the rest). Text with none of them, Cyrillic included, is shown as
    // it is without decoding a character (a report of 100,000 bodies is 110 MB).
    let suspect = |b: u8| b < 0x20 || matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe2);
    let plain = if lines {
        !s.bytes().any(|b| suspect(b) && b != b'\n' && b != b'\t')
    } else {
        !s.bytes().any(suspect)
    };
    if plain {
        return Cow::Borrowed(s);
    }
    let mut chars = s.chars().peekable();
    let mut clean = true;
    while let Some(c) = chars.next() {
        if hidden(c) && !kept(c, chars.peek().copied(), lines) {
            clean = false;
            break;
        }
    }
    if clean {
        return Cow::Borrowed(s);
    }
    Cow::Owned(source(s, lines).0)
}

/// [`visible_lines`] (or [`visible`]) with where each escape was put: `(offset in s, bytes
/// added up to and including it)`, in order, so that a byte range of `s` can be moved onto
/// the shown text (see [`shift`]).
pub(crate) fn source(s: &str, lines: bool) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(s.len());
    let mut moves = Vec::new();
    let mut added = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if !hidden(c) || kept(c, next, lines) {
            out.push(c);
            continue;
        }
        let before = out.len();
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
        }
        added += out.len() - before - c.len_utf8();
        moves.push((i, added));
    }
    (out, moves)
}

/// Where byte offset `offset` of the original text is in the shown text.
pub(crate) fn shift(moves: &[(usize, usize)], offset: usize) -> usize {
    // Escapes strictly before `offset` move it; one at `offset` starts there.
    let n = moves.partition_point(|&(at, _)| at < offset);
    offset + if n == 0 { 0 } else { moves[n - 1].1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_shown_not_obeyed() {
        assert_eq!(
            visible("\u{1b}]0;title\u{7}a\u{1b}[2J\u{202e}b\u{0}c\nd\u{85}\u{7f}"),
            r"\u{1b}]0;title\u{7}a\u{1b}[2J\u{202e}b\u{0}c\nd\u{85}\u{7f}"
        );
        assert_eq!(visible("Сенат | «x»"), "Сенат | «x»");
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
        assert_eq!(
            visible_lines("a\tb\r\nc\rd\u{2066}\n"),
            "a\tb\r\nc\\rd\\u{2066}\n"
        );
    }

    #[test]
    fn a_text_written_in_pieces_is_shown_as_the_whole_would_be() {
        let text = "a\tb\r\nc\rd\u{2066}\n\u{1b}[2Je\r";
        // Every way of cutting the text in two or three pieces, at character boundaries.
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &i in &cuts {
            for &j in cuts.iter().filter(|&&j| j >= i) {
                let mut w = VisibleLines::new(Vec::new());
                for piece in [&text[..i], &text[i..j], &text[j..]] {
                    w.write_str(piece).unwrap();
                }
                let shown = String::from_utf8(w.finish().unwrap()).unwrap();
                assert_eq!(shown, visible_lines(text), "cut at {i} and {j}");
            }
        }
    }

    #[test]
    fn a_failed_write_stops_the_text_and_is_reported() {
        #[derive(Debug)]
        struct Full;
        impl std::io::Write for Full {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk full"))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut w = VisibleLines::new(Full);
        assert!(w.write_str("a line\n").is_err());
        assert!(w.write_str("another\n").is_err());
        assert_eq!(w.finish().unwrap_err().to_string(), "disk full");
    }

    #[test]
    fn the_byte_scan_lets_through_only_text_with_nothing_hidden() {
        // Every character that shares a lead byte with a hidden one, beside plain text.
        let near: Vec<char> = (0x80..0x800)
            .chain(0x2000..0x2100)
            .chain(0x600..0x640)
            .filter_map(char::from_u32)
            .chain("\n\r\taЖ\u{7f}\u{0}".chars())
            .collect();
        for &c in &near {
            for lines in [false, true] {
                let text = format!("ab{c}d");
                let shown = escape(&text, lines);
                let hides = hidden(c) && !(lines && matches!(c, '\n' | '\t'));
                assert_eq!(
                    matches!(shown, Cow::Owned(_)),
                    hides,
                    "{:x} {lines}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn ranges_move_with_the_escapes() {
        let text = "a\u{1b}bc\u{202e}d";
        let (shown, moves) = source(text, true);
        let d = text.find('d').unwrap();
        assert_eq!(&shown[shift(&moves, d)..], "d");
        let b = text.find('b').unwrap();
        assert_eq!(&shown[shift(&moves, b)..shift(&moves, b) + 1], "b");
        assert_eq!(shift(&moves, 0), 0);
        assert_eq!(&shown[shift(&moves, 1)..shift(&moves, 2)], "\\u{1b}");
    }
}

//! Text written as it is produced: a [`Sink`] lets a renderer written with `write!` and
//! `push_str` send its text to any [`io::Write`] (a file through a buffer, stdout, or a
//! `Vec<u8>` for the `render(..) -> String` forms), so that an export of 100,000 bodies never
//! holds its whole output in memory. Constant memory beyond the writer's buffer; each byte is
//! written once.

use std::fmt;
use std::io;

/// A text writer over an [`io::Write`]. The first I/O error is kept and every later write
/// is skipped, so that a renderer's `let _ = write!(..)` cannot lose it: [`Sink::finish`]
/// returns it.
pub struct Sink<'a> {
    out: &'a mut dyn io::Write,
    error: Option<io::Error>,
    /// Newlines held back while trimming (see [`Sink::trimming`]).
    held: usize,
    trim: bool,
}

impl<'a> Sink<'a> {
    pub fn new(out: &'a mut dyn io::Write) -> Sink<'a> {
        Sink {
            out,
            error: None,
            held: 0,
            trim: false,
        }
    }

    /// A sink that ends the text with at most one newline (as Markdown linters expect):
    /// newlines are held back until more text comes, and [`Sink::finish`] writes one of them.
    pub fn trimming(out: &'a mut dyn io::Write) -> Sink<'a> {
        Sink {
            trim: true,
            ..Sink::new(out)
        }
    }

    pub fn push_str(&mut self, s: &str) {
        if self.error.is_some() || s.is_empty() {
            return;
        }
        if !self.trim {
            self.raw(s.as_bytes());
            return;
        }
        let body = s.trim_end_matches('\n');
        if body.is_empty() {
            self.held += s.len();
            return;
        }
        self.newlines(self.held);
        self.held = s.len() - body.len();
        self.raw(body.as_bytes());
    }

    pub fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }

    /// Ends the text; the first error met, if any.
    pub fn finish(mut self) -> io::Result<()> {
        if self.held > 0 {
            self.newlines(1);
        }
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn newlines(&mut self, n: usize) {
        for _ in 0..n {
            self.raw(b"\n");
        }
    }

    fn raw(&mut self, bytes: &[u8]) {
        if self.error.is_none()
            && let Err(e) = self.out.write_all(bytes)
        {
            self.error = Some(e);
        }
    }
}

impl fmt::Write for Sink<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push_str(s);
        match self.error {
            Some(_) => Err(fmt::Error),
            None => Ok(()),
        }
    }
}

/// What `write` sends to a sink, as a string: the `render(..) -> String` form of a
/// streamed renderer.
pub fn to_string(write: impl FnOnce(&mut Sink), trim: bool) -> String {
    let mut bytes = Vec::new();
    let mut sink = if trim {
        Sink::trimming(&mut bytes)
    } else {
        Sink::new(&mut bytes)
    };
    write(&mut sink);
    // Writing to memory cannot fail, and only `str`s are written.
    let _ = sink.finish();
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    #[test]
    fn trimming_ends_with_one_newline_like_popping_them() {
        for parts in [
            vec!["a\n\n", "\n", "b\n\n\n"],
            vec!["a", "\n\n"],
            vec!["a\n", "\n", "b"],
            vec!["a"],
            vec!["\n\n", "a\n"],
        ] {
            let mut expected: String = parts.concat();
            while expected.ends_with("\n\n") {
                expected.pop();
            }
            let got = to_string(
                |s| {
                    for p in &parts {
                        s.push_str(p);
                    }
                },
                true,
            );
            assert_eq!(got, expected, "{parts:?}");
        }
    }

    #[test]
    fn the_first_error_is_kept_and_later_writes_are_skipped() {
        struct Full(usize);
        impl io::Write for Full {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                if self.0 + b.len() > 4 {
                    return Err(io::Error::other("disk full"));
                }
                self.0 += b.len();
                Ok(b.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut full = Full(0);
        let mut sink = Sink::new(&mut full);
        let _ = write!(sink, "abc");
        assert!(write!(sink, "defgh").is_err());
        sink.push_str("x");
        assert_eq!(sink.finish().unwrap_err().to_string(), "disk full");
        assert_eq!(full.0, 3);
    }
}

//! Citations as the datasets write them, `Constitution art. 71(3), 57(1), 58(3)(7)`, parsed
//! into (article, paragraph, item) so that each can be looked up in the shipped text.
//!
//! The parse is deliberately literal: a number with a dash (`83-1`, `9-1`) is kept as written,
//! because the Kazakh texts number inserted articles and items that way, and whether `75-82`
//! is one article or a range is only known by looking in the text ([`super::Text::resolve`]).

/// One place in a constitution: an article, and within it a paragraph (`1.`) and an item
/// (`1)`), each as written in the citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cite {
    pub article: String,
    /// The numbers in parentheses after the article, outermost first: `58(3)(7)` gives
    /// `["3", "7"]`. Whether the first is a paragraph or an item depends on the article: Art.
    /// 44 of 1995 has items only, so `44(4)` is its item 4.
    pub parts: Vec<String>,
    /// The end of a range written `83(1)-(2)`: the last part, replacing `parts`' last.
    pub through: Option<String>,
}

impl std::fmt::Display for Cite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "art. {}", self.article)?;
        for p in &self.parts {
            write!(f, "({p})")?;
        }
        if let Some(t) = &self.through {
            write!(f, "-({t})")?;
        }
        Ok(())
    }
}

/// The citations of the constitution in force in a `source` string: each `;`-separated part
/// that starts `Constitution art.` or `Constitution arts.`. Other parts (statutes, the
/// bibliography's ids, `Constitution old art.` for the wording before an amendment) are not
/// citations of the shipped text and are left out.
pub fn constitution_cites(source: &str) -> Vec<Cite> {
    let mut out = Vec::new();
    for part in split_outside_quotes(source, ';') {
        let part = part.trim();
        let Some(rest) = part
            .strip_prefix("Constitution arts.")
            .or_else(|| part.strip_prefix("Constitution art."))
        else {
            continue;
        };
        for r in split_outside_quotes(rest, ',') {
            if let Some(c) = parse_one(r.trim()) {
                out.push(c);
            }
        }
    }
    out
}

/// A citation a user typed: `71(2)`, `art. 58(3)(7)`, `Article 44`.
pub fn parse_user(s: &str) -> Result<Cite, String> {
    let t = s.trim();
    let t = [
        "Constitution art.",
        "article",
        "Article",
        "art.",
        "Art.",
        "ст.",
        "статья",
        "Статья",
    ]
    .iter()
    .find_map(|p| t.strip_prefix(p))
    .unwrap_or(t)
    .trim();
    match parse_one(t) {
        Some(c) => Ok(c),
        None => Err(format!(
            "`{s}` is not an article reference: write it as 71, 71(2) or 58(3)(7)"
        )),
    }
}

/// `58(3)(7)`, `83(1)-(2)`, `53(1-2)`, `75-82`, `46(5) (the Chair)`: the leading reference;
/// whatever follows it (a quotation, a note) is not part of it.
fn parse_one(s: &str) -> Option<Cite> {
    let (article, mut rest) = number(s)?;
    let mut parts = Vec::new();
    while let Some(inner) = rest.strip_prefix('(') {
        let (n, after) = number(inner)?;
        rest = after.strip_prefix(')')?;
        parts.push(n.to_string());
    }
    let mut through = None;
    if let Some(inner) = rest.strip_prefix("-(")
        && let Some((n, after)) = number(inner)
        && after.starts_with(')')
    {
        through = Some(n.to_string());
    }
    Some(Cite {
        article: article.to_string(),
        parts,
        through,
    })
}

/// A number as the texts write them: digits, optionally `-digits` (`83-1`, `9-1`, `75-82`).
fn number(s: &str) -> Option<(&str, &str)> {
    let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let n = digits(s);
    if n == 0 {
        return None;
    }
    let mut end = n;
    if let Some(after) = s[n..].strip_prefix('-') {
        let m = digits(after);
        if m > 0 {
            end = n + 1 + m;
        }
    }
    Some((&s[..end], &s[end..]))
}

/// Splits on `sep` where it is not inside a quotation (`"..."`, `«...»`) or parentheses, so
/// that a quoted phrase with a comma stays with its reference.
fn split_outside_quotes(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut quoted, mut start) = (0i32, false, 0);
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '«' | '(' if !quoted => depth += 1,
            '»' | ')' if !quoted => depth -= 1,
            c if c == sep && !quoted && depth <= 0 => {
                out.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(article: &str, parts: &[&str]) -> Cite {
        Cite {
            article: article.into(),
            parts: parts.iter().map(|p| p.to_string()).collect(),
            through: None,
        }
    }

    #[test]
    fn sources_as_the_datasets_write_them() {
        assert_eq!(
            constitution_cites("Constitution art. 71(3), 57(1), 58(3)(7)"),
            [c("71", &["3"]), c("57", &["1"]), c("58", &["3", "7"])]
        );
        assert_eq!(
            constitution_cites(
                "Constitution art. 44(3) (\"самостоятельно назначает\"); Law \"On X\" art. 3"
            ),
            [c("44", &["3"])]
        );
        assert_eq!(
            constitution_cites("Constitution art. 46(5) (the Chair), 46(8) (the members)"),
            [c("46", &["5"]), c("46", &["8"])]
        );
        let range = &constitution_cites("Constitution art. 83(1)-(2) (\"x, y\")")[0];
        assert_eq!(range.through.as_deref(), Some("2"));
        assert_eq!(
            constitution_cites("Constitution art. 66(9-1), 75-82"),
            [c("66", &["9-1"]), c("75-82", &[])]
        );
        assert!(
            constitution_cites("Constitution old art. 72(1); P2").is_empty(),
            "the wording before an amendment is not the shipped text"
        );
    }

    #[test]
    fn what_a_user_types() {
        assert_eq!(parse_user("71(2)").unwrap(), c("71", &["2"]));
        assert_eq!(parse_user("art. 58(3)(7)").unwrap(), c("58", &["3", "7"]));
        assert_eq!(parse_user("Статья 83-1").unwrap(), c("83-1", &[]));
        let e = parse_user("the court").unwrap_err();
        assert!(e.contains("71(2)"), "{e}");
    }
}

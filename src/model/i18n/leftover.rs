//! English left in a Russian or Kazakh text: the check the tests of reports, figures and
//! the explorer share. What may stay in Latin letters is what the data says in English
//! (channel labels, citations, notes: the datasets are coded in English), ids, rule ids and
//! numbers; a run of three or more English words found nowhere in the dataset is a string the
//! catalogue misses.

/// A token that is an English word: Latin letters, with an apostrophe or hyphen inside.
fn english_word(token: &str) -> Option<&str> {
    let w = token.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '\'');
    let w = w.trim_end_matches("'s").trim_matches('\'');
    (w.len() > 1
        && w.chars()
            .all(|c| c.is_ascii_alphabetic() || c == '\'' || c == '-')
        && w.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
    .then_some(w)
}

/// The strings of a RON file a Russian or Kazakh text may show as written, longest first:
/// what is never translated (citations, ids, names, urls, bibliography titles). The data's
/// prose (labels, notes, descriptions: see [`crate::model::prose`]) is not among them, since
/// every shipped file has its catalogues: a report that prints prose in English fails.
pub fn data_strings(ron: &str) -> Vec<String> {
    data_strings_as(ron, false)
}

/// [`data_strings`] with the prose taken out (`prose_exempt == false`) or kept, for a file
/// whose prose has no translation (a test's own fixture).
pub fn data_strings_as(ron: &str, prose_exempt: bool) -> Vec<String> {
    let all = literals(ron);
    if prose_exempt {
        return all;
    }
    let prose: std::collections::HashSet<String> = crate::model::prose::prose_strings(ron)
        .into_iter()
        .collect();
    all.into_iter().filter(|s| !prose.contains(s)).collect()
}

/// The string literals of a RON file, unescaped, longest first.
fn literals(ron: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = ron.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => s.extend(chars.next()),
                '"' => break,
                c => s.push(c),
            }
        }
        if s.len() > 3 {
            out.push(s);
        }
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out
}

/// Runs of three or more English words in `text` once the data's own strings are taken out,
/// each with the line it was found in.
pub fn english_left(text: &str, data: &[String]) -> Vec<String> {
    runs(text, data)
        .into_iter()
        .map(|(run, line)| format!("{run:?} in: {line}"))
        .collect()
}

/// [`english_left`] for a terminal's screen, where a string of the data may be wrapped over
/// lines or cut at a pane's edge: a run is the data's too when its words follow one another
/// in some string of the data.
pub fn english_left_on_screen(text: &str, data: &[String]) -> Vec<String> {
    let sequences: Vec<String> = data.iter().map(|d| word_sequence(d)).collect();
    let mut left = Vec::new();
    for line in text.lines() {
        // A word cut short at a column's edge (`Kazakhst…`) is no evidence either way.
        let cut: Vec<&str> = line
            .split(' ')
            .map(|t| if t.contains('…') { "·" } else { t })
            .collect();
        let line = cut.join(" ");
        let line = line.as_str();
        if runs(line, data).is_empty() {
            continue;
        }
        // A string cut inside a word would leave a piece of it: the line's own words are read.
        for (run, _) in runs(line, &[]) {
            let words = format!(" {run} ");
            if !sequences.iter().any(|s| s.contains(&words)) {
                left.push(format!("{run:?} in: {line}"));
            }
        }
    }
    left
}

/// The English words of `s` in order, a `|` where anything else stands between them.
fn word_sequence(s: &str) -> String {
    let words: Vec<&str> = tokens(s)
        .into_iter()
        .map(|t| english_word(t).unwrap_or("|"))
        .collect();
    format!(" {} ", words.join(" "))
}

fn tokens(s: &str) -> Vec<&str> {
    s.split([' ', '|', '*', '`', '\u{a0}']).collect()
}

/// Each run of three or more English words and its line.
fn runs(text: &str, data: &[String]) -> Vec<(String, String)> {
    let mut left = Vec::new();
    for line in text.lines() {
        let mut rest = line.to_string();
        for d in data {
            if rest.contains(d.as_str()) {
                rest = rest.replace(d.as_str(), " · ");
            }
        }
        let rest = without_code(&rest);
        let mut run: Vec<&str> = Vec::new();
        for t in tokens(&rest).iter().map(|t| english_word(t)).chain([None]) {
            match t {
                Some(w) => run.push(w),
                None => {
                    if run.len() >= 3 {
                        left.push((run.join(" "), line.to_string()));
                    }
                    run.clear();
                }
            }
        }
    }
    left
}

/// `line` with its code spans (`` `bilik article REF` ``) blanked: a command or an id quoted
/// as code is typed as written in every language.
fn without_code(line: &str) -> String {
    line.split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 { " · " } else { part })
        .collect()
}

/// The text of an SVG's `<text>` elements, as one line with single spaces: a sentence wrapped
/// over several elements reads whole again, so a string of the data is found and taken out
/// however the figure wrapped it. Tooltips (`<title>`) are not drawn and are left out.
pub fn svg_text(svg: &str) -> String {
    let mut words = String::new();
    let mut rest = svg;
    while let Some(open) = rest.find("<text") {
        let after = &rest[open..];
        let Some(start) = after.find('>') else { break };
        let Some(end) = after.find("</text>") else {
            break;
        };
        let inner = &after[start + 1..end.max(start + 1)];
        // Tags inside (`<tspan>`) part words as a space would.
        let mut plain = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => {
                    in_tag = true;
                    plain.push(' ');
                }
                '>' => in_tag = false,
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        words.push_str(&plain);
        words.push(' ');
        rest = &after[end + "</text>".len()..];
    }
    let words = words
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_three_english_words_is_found_and_the_datas_strings_are_not() {
        let left = english_left("Президент: how much of it does he control? art. 71", &[]);
        assert_eq!(left.len(), 1, "{left:?}");
        let data = data_strings_as(
            r#"(label: "Chair of the Senate", source: "Law \"On Elections\" art. 1")"#,
            true,
        );
        assert!(
            english_left(
                "Chair of the Senate (1): Law \"On Elections\" art. 1",
                &data
            )
            .is_empty()
        );
    }

    #[test]
    fn on_screen_a_wrapped_or_cut_string_of_the_data_is_the_datas() {
        let data = data_strings_as(
            r#"(note: "Appointed by the President from among the judges")"#,
            true,
        );
        let screen = "│ by the President from among │\n│ the judges, and then some more words │";
        let left = english_left_on_screen(screen, &data);
        assert_eq!(left.len(), 1, "{left:?}");
        assert!(left[0].contains("and then some more words"), "{left:?}");
    }

    #[test]
    fn a_command_quoted_as_code_is_not_english_prose() {
        assert!(english_left("сверены (`bilik article REF --data kz-2026`).", &[]).is_empty());
        assert_eq!(english_left("`id` and then three more words", &[]).len(), 1);
    }

    #[test]
    fn the_prose_is_not_taken_out_but_citations_are() {
        let data =
            data_strings(r#"(label: "Chair of the Senate", source: "Law on Elections art. 1")"#);
        assert_eq!(data, vec!["Law on Elections art. 1".to_string()]);
    }

    #[test]
    fn an_svgs_text_elements_read_as_one_line() {
        let svg = r#"<svg><title>not drawn at all here</title><text x="1">Chair of the</text><text><tspan>Senate</tspan><tspan>&amp; more</tspan></text></svg>"#;
        assert_eq!(svg_text(svg), "Chair of the Senate & more");
    }
}

//! The user's config file: key bindings and colours, partial overrides of the defaults.
//!
//! `$BILIK_CONFIG`, else `$XDG_CONFIG_HOME/bilik/config.ron`, else `~/.config/bilik/config.ron`:
//!
//! ```ron
//! (
//!     keys: { "quit": ["q", "ctrl-c"], "down": ["j", "ctrl-n"] },
//!     theme: { "accent": "magenta", "selected": "#30305a" },
//! )
//! ```
//!
//! A broken file never stops the explorer: the defaults load and the status bar says what is
//! wrong and where.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::keymap::Keymap;
use super::theme::Theme;
use crate::diag::{parse_ron, read_text};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename = "Config")]
struct RawConfig {
    #[serde(default)]
    keys: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    theme: BTreeMap<String, String>,
}

/// The keymap and theme in force, and what was wrong with the config file, if anything.
pub struct Loaded {
    pub keymap: Keymap,
    pub theme: Theme,
    pub problem: Option<String>,
}

/// Where the config file is looked for.
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("BILIK_CONFIG") {
        return Some(PathBuf::from(p));
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("bilik").join("config.ron"))
}

/// Loads the config at `path` (if it exists) over the defaults.
pub fn load(path: Option<&Path>, base_theme: Theme) -> Loaded {
    let mut loaded = Loaded {
        keymap: Keymap::default(),
        theme: base_theme,
        problem: None,
    };
    let Some(path) = path else {
        return loaded;
    };
    if !path.exists() {
        return loaded;
    }
    // A FIFO would block start-up until something writes to it and a device may never end:
    // a config is a file someone edits, so nothing else is read.
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        loaded.problem = Some(format!(
            "config {}: not a regular file, not read (defaults in use)",
            path.display()
        ));
        return loaded;
    }
    let text = match read_text(path) {
        Ok(t) => t,
        Err(report) => {
            loaded.problem = Some(format!(
                "config {}: {} (defaults in use)",
                path.display(),
                report
                    .diagnostics
                    .first()
                    .map(|d| d.message.clone())
                    .unwrap_or_default()
            ));
            return loaded;
        }
    };
    let raw: RawConfig = match parse_ron(&text) {
        Ok(raw) => raw,
        Err(d) => {
            let place = d
                .span
                .as_ref()
                .map(|s| {
                    let (line, col) = crate::diag::line_col(&text, s.start);
                    format!(":{line}:{col}")
                })
                .unwrap_or_default();
            loaded.problem = Some(format!(
                "config {}{place}: {} (defaults in use)",
                path.display(),
                d.message
            ));
            return loaded;
        }
    };
    let mut problems = loaded.keymap.apply_overrides(&raw.keys);
    if let Err(e) = loaded.theme.apply_overrides(&raw.theme) {
        problems.push(e);
    }
    if !problems.is_empty() {
        loaded.problem = Some(format!(
            "config {}: {}",
            path.display(),
            problems.join("; ")
        ));
    }
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{Command, Key};
    use crate::tui::tabs::View;

    fn write(text: &str) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        std::io::Write::write_all(&mut f, text.as_bytes()).unwrap();
        f
    }

    #[test]
    fn partial_overrides_keep_the_other_defaults() {
        let f = write(r##"(keys: { "quit": ["x"] }, theme: { "accent": "#112233" })"##);
        let l = load(Some(f.path()), Theme::colored());
        assert_eq!(l.problem, None);
        assert_eq!(
            l.keymap.lookup(Key::ch('x'), View::Bodies),
            Some(Command::Quit)
        );
        assert_eq!(
            l.keymap.lookup(Key::ch('j'), View::Bodies),
            Some(Command::Down)
        );
    }

    #[test]
    fn a_broken_file_names_its_line_and_keeps_the_defaults() {
        let f = write("(\n  keys: { \"quit\": [\"x\" },\n)");
        let l = load(Some(f.path()), Theme::colored());
        let problem = l.problem.unwrap();
        assert!(problem.contains(":2:"), "{problem}");
        assert!(problem.contains("defaults in use"), "{problem}");
        assert_eq!(
            l.keymap.lookup(Key::ch('q'), View::Bodies),
            Some(Command::Quit)
        );
    }

    #[test]
    fn unknown_names_are_reported() {
        let f = write(r#"(keys: { "qiut": ["x"] }, theme: { "acent": "red" })"#);
        let problem = load(Some(f.path()), Theme::colored()).problem.unwrap();
        assert!(problem.contains("did you mean `quit`"), "{problem}");
        assert!(problem.contains("unknown colour name `acent`"), "{problem}");
    }

    #[test]
    fn a_missing_file_is_no_problem() {
        let l = load(Some(Path::new("/nonexistent/bilik.ron")), Theme::colored());
        assert_eq!(l.problem, None);
    }
}

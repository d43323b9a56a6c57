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
//! wrong and where. Ctrl-C always quits and Ctrl-Z suspends: binding either to another command
//! is refused, as is a binding that would leave no other key to quit with.

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
    let mut problems: Vec<String> = loaded
        .keymap
        .apply_overrides(&raw.keys)
        .into_iter()
        .map(|p| match p.at.and_then(|at| locate(&text, &at)) {
            Some((line, col)) => format!("{}:{line}:{col}: {}", path.display(), p.message),
            None => format!("{}: {}", path.display(), p.message),
        })
        .collect();
    if let Err(e) = loaded.theme.apply_overrides(&raw.theme) {
        problems.push(format!("{}: {e}", path.display()));
    }
    if !problems.is_empty() {
        loaded.problem = Some(format!("config {}", problems.join("; config ")));
    }
    loaded
}

/// The line and column of a key binding in the file: the key as written, in quotes, after the
/// command's name; the name alone when the key is empty. `None` if written in another way
/// (escapes, raw strings), then the message names the file only.
fn locate(text: &str, (command, key): &(String, String)) -> Option<(usize, usize)> {
    let at = text.find(&format!("\"{command}\""))?;
    let at = if key.is_empty() {
        at
    } else {
        at + text[at..].find(&format!("\"{key}\""))?
    };
    Some(crate::diag::line_col(text, at))
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
        let f = write(r##"(keys: { "quit": ["Q"] }, theme: { "accent": "#112233" })"##);
        let l = load(Some(f.path()), Theme::colored());
        assert_eq!(l.problem, None);
        assert_eq!(
            l.keymap.lookup(Key::ch('Q'), View::Bodies),
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
    fn ctrl_c_cannot_be_bound_and_some_key_always_quits() {
        // q, Esc and Ctrl-C all given to other commands.
        let f = write(
            "(\n  keys: {\n    \"down\": [\"q\", \"j\"],\n    \"up\": [\"esc\"],\n    \"toggle\": [\"ctrl-c\"],\n  },\n)",
        );
        let l = load(Some(f.path()), Theme::colored());
        let problem = l.problem.unwrap();
        let path = f.path().display();
        assert!(
            problem.contains(&format!(
                "{path}:5:16: keys.toggle: `ctrl-c` always quits and cannot be bound to another command"
            )),
            "{problem}"
        );
        assert!(
            problem.contains(&format!(
                "{path}:3:14: keys.down: `q` is the last key that quits besides Ctrl-C; it stays with quit"
            )),
            "{problem}"
        );
        for view in View::ALL {
            assert_eq!(l.keymap.lookup(Key::ch('q'), view), Some(Command::Quit));
        }
        assert_eq!(
            l.keymap.lookup(Key::ch('j'), View::Bodies),
            Some(Command::Down)
        );
        assert_eq!(
            l.keymap.lookup(Key::plain(crossterm_esc()), View::Bodies),
            Some(Command::Up)
        );
        assert_eq!(
            l.keymap.lookup(Key::ch(' '), View::Reforms),
            Some(Command::Toggle)
        );
    }

    fn crossterm_esc() -> ratatui::crossterm::event::KeyCode {
        ratatui::crossterm::event::KeyCode::Esc
    }

    #[test]
    fn quit_bound_to_ctrl_c_alone_keeps_its_default_keys() {
        let f = write(r#"(keys: { "quit": ["ctrl-c"] })"#);
        let l = load(Some(f.path()), Theme::colored());
        let problem = l.problem.unwrap();
        assert!(
            problem.contains(
                ":1:10: keys.quit: no key besides ctrl-c would quit; the default keys are kept"
            ),
            "{problem}"
        );
        assert_eq!(l.keymap.keys_text(Command::Quit), "q/Esc/Ctrl-c");
        // Ctrl-C among the quit keys is no problem, nor is Ctrl-Z refused silently.
        let f = write(r#"(keys: { "quit": ["x", "ctrl-c"], "help": ["ctrl-z"] })"#);
        let problem = load(Some(f.path()), Theme::colored()).problem.unwrap();
        assert!(!problem.contains("keys.quit"), "{problem}");
        assert!(
            problem.contains("keys.help: `ctrl-z` suspends the explorer and cannot be bound"),
            "{problem}"
        );
    }

    #[test]
    fn a_missing_file_is_no_problem() {
        let l = load(Some(Path::new("/nonexistent/bilik.ron")), Theme::colored());
        assert_eq!(l.problem, None);
    }
}

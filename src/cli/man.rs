//! `bilik man`: the manual pages, generated from the command-line definitions (clap_mangen) and
//! the explorer's key map, so that neither can drift from what bilik does. `bilik man` prints
//! bilik(1); `bilik man --dir DIR` writes it with one page per command (bilik-summary.1, ...),
//! every page the main page names under SEE ALSO.

use std::io;
use std::path::Path;

use clap::CommandFactory;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use super::Cli;
use crate::tui::keymap::{Keymap, RESERVED, Scope};

/// The exit codes, as `cli::exit_code` and the explorer's signal handling give them.
const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Success."),
    (
        "1",
        "Invalid data: a dataset, reform, tour or session file that does not validate (`check` exits 1 when any file it checked is invalid), or an analysis that cannot be computed.",
    ),
    ("2", "A usage error: an unknown option, command or value."),
    (
        "3",
        "An I/O error: an export or page that could not be written, an input that could not be read.",
    ),
    (
        "128+N",
        "The explorer was ended by signal N (SIGHUP, SIGINT, SIGQUIT or SIGTERM) after restoring the terminal.",
    ),
];

/// Every environment variable bilik reads; a test checks the sources name no other.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "BILIK_MAX_INPUT_BYTES",
        "The most bytes read from any input (datasets, presets, the config, pipes, devices), e.g. 64M; default 16M. --max-input-bytes wins over it.",
    ),
    (
        "BILIK_CONFIG",
        "The explorer's config file, instead of the one under XDG_CONFIG_HOME.",
    ),
    (
        "XDG_CONFIG_HOME",
        "An absolute path: the config file is $XDG_CONFIG_HOME/bilik/config.ron.",
    ),
    (
        "XDG_STATE_HOME",
        "An absolute path: the explorer's session is saved to $XDG_STATE_HOME/bilik/session.ron.",
    ),
    (
        "HOME",
        "Without the XDG variables, the config is ~/.config/bilik/config.ron and the session ~/.local/state/bilik/session.ron.",
    ),
    (
        "NO_COLOR",
        "Set and not empty: no colour in diagnostics (with --color auto) or in the explorer, where selection and severity stay visible by reverse video, bold and underline.",
    ),
    (
        "BILIK_DEBUG_PANIC",
        "For testing only: the explorer panics once started, to show that the terminal is restored.",
    ),
];

const FILES: &[(&str, &str)] = &[
    (
        "~/.config/bilik/config.ron",
        "The explorer's keys and colours, overriding the defaults partially: `(keys: { \"quit\": [\"q\"] }, theme: { \"accent\": \"magenta\" })`. Also $XDG_CONFIG_HOME/bilik/config.ron, or the file $BILIK_CONFIG names. A broken file is reported in the status bar with its line, and the defaults load.",
    ),
    (
        "~/.local/state/bilik/session.ron",
        "The explorer's session (dataset, weights, principals, reforms, layer, selection, view), saved on quit and restored on start unless --fresh is given; also under $XDG_STATE_HOME.",
    ),
];

/// One manual page: its file name and its text (roff).
pub struct Page {
    pub file: String,
    pub roff: Vec<u8>,
}

/// bilik(1), then one page per command, in the order of `bilik --help`.
pub fn pages() -> io::Result<Vec<Page>> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let subs: Vec<clap::Command> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect();
    let see_also: Vec<String> = subs
        .iter()
        .map(|s| s.get_display_name().unwrap_or(s.get_name()).to_string())
        .collect();
    let mut out = vec![page(cmd, &see_also, true)?];
    for sub in subs {
        out.push(page(sub, &["bilik".to_string()], false)?);
    }
    Ok(out)
}

/// Writes every page into `dir` (created if missing); returns their paths.
pub fn write_to(dir: &Path) -> io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for p in pages()? {
        let path = dir.join(&p.file);
        crate::output::write::write_atomic(&path, &p.roff)?;
        written.push(path);
    }
    Ok(written)
}

fn page(cmd: clap::Command, see_also: &[String], main: bool) -> io::Result<Page> {
    let has_args = cmd.get_arguments().any(|a| !a.is_hide_set());
    let has_extra = cmd.get_after_help().is_some() || cmd.get_after_long_help().is_some();
    let man = Man::new(cmd);
    let mut w = Vec::new();
    man.render_title(&mut w)?;
    man.render_name_section(&mut w)?;
    man.render_synopsis_section(&mut w)?;
    man.render_description_section(&mut w)?;
    if has_args {
        man.render_options_section(&mut w)?;
    }
    if main {
        man.render_subcommands_section(&mut w)?;
    }
    if has_extra {
        man.render_extra_section(&mut w)?;
    }
    let mut r = Roff::new();
    list(&mut r, "EXIT STATUS", EXIT_STATUS);
    if main {
        list(&mut r, "ENVIRONMENT", ENVIRONMENT);
        list(&mut r, "FILES", FILES);
        keys(&mut r);
    }
    r.control("SH", ["SEE ALSO"]);
    let refs: Vec<String> = see_also.iter().map(|s| format!("{s}(1)")).collect();
    r.text([roman(refs.join(", "))]);
    r.to_writer(&mut w)?;
    if main {
        man.render_version_section(&mut w)?;
    }
    Ok(Page {
        file: man.get_filename(),
        roff: w,
    })
}

fn list(r: &mut Roff, heading: &str, items: &[(&str, &str)]) {
    r.control("SH", [heading]);
    for (term, text) in items {
        r.control("TP", []);
        r.text([bold(*term)]);
        r.text([roman(*text)]);
    }
}

/// The explorer's keys, from the key map that dispatches them.
fn keys(r: &mut Roff) {
    r.control("SH", ["KEYS"]);
    r.text([roman(
        "In the explorer (bilik with no command, in a terminal). Keys can be overridden in the config file by the command names given here in brackets; `?` shows them in the explorer.",
    )]);
    for b in &Keymap::default().bindings {
        let keys: Vec<String> = b.keys.iter().map(|k| k.to_string()).collect();
        let scope = match &b.scope {
            Scope::Everywhere => String::new(),
            Scope::Views(views) if views.len() >= crate::tui::View::ALL.len() => String::new(),
            Scope::Views(views) => {
                let names: Vec<&str> = views.iter().map(|v| v.title()).collect();
                format!(" In {}.", names.join(", "))
            }
        };
        r.control("TP", []);
        r.text([bold(keys.join(", "))]);
        r.text([roman(format!("{} [{}].{scope}", b.help, b.name))]);
    }
    for (key, what) in RESERVED {
        r.control("TP", []);
        r.text([bold(key.to_string())]);
        r.text([roman(format!(
            "{what}, in every state; it cannot be rebound."
        ))]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn main_page() -> String {
        String::from_utf8(pages().unwrap().remove(0).roff).unwrap()
    }

    #[test]
    fn every_page_the_main_page_names_is_generated() {
        let pages = pages().unwrap();
        let files: Vec<&str> = pages.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(files[0], "bilik.1");
        assert!(files.contains(&"bilik-summary.1"), "{files:?}");
        assert!(!files.contains(&"bilik-help.1"), "no page for clap's help");
        let main = main_page();
        let mut named = 0;
        for part in main.split("bilik\\-").skip(1) {
            let name: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            assert!(
                files.contains(&format!("bilik-{name}.1").as_str()),
                "bilik-{name}(1) is named but not generated: {files:?}"
            );
            named += 1;
        }
        assert!(named >= files.len() - 1, "{main}");
        for section in ["EXIT STATUS", "ENVIRONMENT", "FILES", "KEYS", "SEE ALSO"] {
            assert!(
                main.contains(&format!(".SH \"{section}\""))
                    || main.contains(&format!(".SH {section}")),
                "{section}: {main}"
            );
        }
        let summary = String::from_utf8(pages[1].roff.clone()).unwrap();
        assert!(summary.contains("EXIT STATUS"), "{summary}");
        assert!(summary.contains("bilik(1)"), "{summary}");
    }

    #[test]
    fn the_keys_come_from_the_key_map() {
        let main = main_page();
        for b in &Keymap::default().bindings {
            assert!(
                main.contains(&format!("[{}]", b.name)),
                "{} missing",
                b.name
            );
        }
        assert!(main.contains("Sources: the bibliography"), "{main}");
    }

    /// Every variable the sources read (outside tests) is documented.
    #[test]
    fn the_environment_section_names_every_variable_read() {
        fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs")
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with("tests"))
                {
                    out.push(p);
                }
            }
        }
        let mut files = Vec::new();
        walk(Path::new("src"), &mut files);
        let mut read = Vec::new();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            for pat in ["env::var_os(\"", "env::var(\""] {
                for part in text.split(pat).skip(1) {
                    let name: String = part.chars().take_while(|c| *c != '"').collect();
                    read.push((name, f.display().to_string()));
                }
            }
        }
        assert!(read.iter().any(|(n, _)| n == "BILIK_MAX_INPUT_BYTES"));
        for (name, file) in read {
            assert!(
                ENVIRONMENT.iter().any(|(n, _)| *n == name),
                "{file} reads {name}, which the man page's ENVIRONMENT does not name"
            );
        }
    }

    /// `man -l` renders every page without a warning, where `man` exists.
    #[test]
    fn man_renders_the_pages() {
        let Ok(probe) = std::process::Command::new("man").arg("--version").output() else {
            return;
        };
        if !probe.status.success() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let written = write_to(dir.path()).unwrap();
        for path in written {
            let out = std::process::Command::new("man")
                .arg("-l")
                .arg(&path)
                .env("MANPAGER", "cat")
                .env("PAGER", "cat")
                .env("MANWIDTH", "80")
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success(),
                "{}: {}",
                path.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(text.contains("EXIT STATUS"), "{}: {text}", path.display());
        }
    }
}

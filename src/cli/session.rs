//! The explorer's start and end: the session restored on start (unless `--fresh`, or the
//! command line names another state), `bilik open FILE`, and the session saved on quit.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::{Failure, Global, apply_reforms, data_spec, load_both_layers};
use crate::tui;
use crate::tui::session::{Session, Source, Start};

/// The options of the explorer's sessions.
#[derive(Debug, Clone, Default, Args)]
pub struct SessionArgs {
    /// Start the explorer fresh: do not restore the session saved on the last quit (it is
    /// still saved on this one).
    #[arg(long, global = true)]
    pub fresh: bool,
    /// On quit, also save the explorer's session to FILE (RON; open it with `bilik open`).
    #[arg(long, global = true, value_name = "FILE")]
    pub save_session: Option<PathBuf>,
}

/// Whether the command line names a state of its own (other than the dataset): then it wins
/// over the saved session.
fn names_a_state(global: &Global) -> bool {
    global.weights.is_some()
        || !global.principals.is_empty()
        || !global.reforms.is_empty()
        || global.reforms_file.is_some()
        || global.at_will_threat
        || !global.choose.is_empty()
        || !global.band.is_empty()
        || global.lang != super::LangArg::En
        || global.layer != super::LayerArg::DeJure
        || global.share_model != super::ShareModelArg::Seats
}

/// Opens the explorer: on the session of `open`, else the one saved on the last quit, else
/// the command line's state; saves the session on the way out.
pub fn explore(
    global: &Global,
    args: &SessionArgs,
    open: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let saved = tui::session::path();
    let mut problems: Vec<String> = Vec::new();
    let spec = data_spec(global)?;
    let session = match open {
        Some(file) => match Session::load(file) {
            Ok(s) => Some((file.to_path_buf(), s)),
            Err(e) => {
                problems.push(format!("{e}; started fresh"));
                None
            }
        },
        None if args.fresh || names_a_state(global) => None,
        None => match &saved {
            Some(p) if p.exists() => match Session::load(p) {
                // `bilik -d OTHER` opens that dataset, not the last session's.
                Ok(s) if spec == crate::data::DEFAULT || Source::new(spec, None).data == s.data => {
                    Some((p.clone(), s))
                }
                Ok(_) => None,
                Err(e) => {
                    problems.push(format!("{e}; started fresh"));
                    None
                }
            },
            _ => None,
        },
    };
    let config = tui::config::load(
        tui::config::path().as_deref(),
        tui::theme::Theme::from_env(),
    );
    problems.extend(config.problem);
    let mut dropped = Vec::new();
    let start = session.as_ref().and_then(|(_, s)| s.start(&mut dropped));
    let restored = start.is_some();
    let lang: crate::model::Lang = global.lang.into();
    let starting = |dataset: &crate::model::Dataset| {
        tui::start::Starting::of(dataset, lang, config.theme.clone(), config.keymap.clone())
    };
    // Built on a thread of its own while the first frame says what is measured (the analysis
    // takes seconds at 100,000 bodies); the ranges are the worker's (tui::ranges).
    let build = |start: Start| {
        let options = tui::AppOptions {
            dataset: start.dataset,
            presets: start.presets,
            active: start.active,
            custom_principals: start.custom_principals,
            options: start.options,
            lang,
            keymap: config.keymap.clone(),
            theme: config.theme.clone(),
            message: None,
        };
        let source = start.source;
        move || {
            tui::App::with_ranges(options, tui::ranges::Mode::Deferred).map(|mut a| {
                a.source = source;
                a
            })
        }
    };
    // Once built: the session's view state, and what went wrong on the way in the status bar.
    let ready = |restored: bool, mut dropped: Vec<String>| {
        let session = &session;
        let problems = problems.clone();
        move |app: &mut tui::App| {
            let mut info = None;
            if let Some((from, s)) = session {
                if restored {
                    dropped.extend(s.apply_view_state(app));
                }
                info = Some(tui::session::restored_message(from, &dropped));
            }
            let status = match (problems.is_empty(), info) {
                (true, None) => None,
                (true, Some(text)) if dropped.is_empty() => {
                    Some((text, tui::app::StatusKind::Info))
                }
                (true, Some(text)) => Some((text, tui::app::StatusKind::Error)),
                (false, info) => Some((
                    problems
                        .into_iter()
                        .chain(info)
                        .collect::<Vec<_>>()
                        .join("; "),
                    tui::app::StatusKind::Error,
                )),
            };
            if let Some((text, kind)) = status {
                app.ctx.set_status(text, kind);
            }
        }
    };
    let started = match start {
        Some(start) => {
            let first = starting(&start.dataset);
            match tui::start::run(&first, build(start), ready(true, dropped.clone()))
                .context("terminal")?
            {
                tui::start::Started::Failed(e) => {
                    dropped.push(format!("its state ({e})"));
                    None
                }
                started => Some(started),
            }
        }
        None => None,
    };
    let started = match started {
        Some(started) => started,
        None => {
            let start = command_line(global, spec)?;
            let first = starting(&start.dataset);
            tui::start::run(&first, build(start), ready(restored, dropped)).context("terminal")?
        }
    };
    let (exit, app) = match started {
        tui::start::Started::Ran(exit, app) => (exit, app),
        // Nothing was explored: the saved session stays as it was.
        tui::start::Started::Quit(exit) => return Ok(ExitCode::from(exit.code())),
        tui::start::Started::Failed(e) => return Err(Failure::Data(e).into()),
    };
    let text = Session::of(&app).to_ron();
    for path in saved.iter().chain(&args.save_session) {
        if let Err(e) = save(path, &text) {
            // After a hang-up there may be no terminal left to say it on: never a panic.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "bilik: the session was not saved to {}: {e}",
                path.display()
            );
        }
    }
    Ok(ExitCode::from(exit.code()))
}

/// The state of the command line: `--data`, `--reform`, the weights and principals.
fn command_line(global: &Global, spec: &str) -> Result<Start, Failure> {
    let loaded = load_both_layers(global)?;
    // Validated here, so that a bad preset is reported like on every other command.
    let (presets, active, _) = apply_reforms(global, &loaded.dataset)?;
    Ok(Start {
        dataset: loaded.dataset,
        presets,
        active,
        options: loaded.options,
        custom_principals: !global.principals.is_empty(),
        source: Source::new(spec, global.reforms_file.as_deref()),
        dropped: Vec::new(),
    })
}

/// Writes a session file atomically, making its folder first.
fn save(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    crate::output::write::write_atomic(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    fn parse(args: &[&str]) -> super::super::Cli {
        super::super::Cli::parse_from(std::iter::once("bilik").chain(args.iter().copied()))
    }

    #[test]
    fn layer_and_share_model_set_the_explorers_start_with_both_layers_kept() {
        let cli = parse(&["--layer", "de-facto", "--share-model", "banzhaf"]);
        let start = command_line(&cli.global, "kz-2022").unwrap_or_else(|_| panic!("loads"));
        assert_eq!(start.options.layer, crate::model::Layer::DeFacto);
        assert_eq!(
            start.options.share_model,
            crate::analysis::ShareModel::Banzhaf
        );
        // The explorer can still switch back to the law as written.
        assert!(start.dataset.has_de_facto());
    }

    #[test]
    fn a_command_line_that_names_a_state_wins_over_the_session() {
        assert!(!names_a_state(&parse(&[]).global));
        assert!(
            !names_a_state(&parse(&["-d", "us"]).global),
            "checked against the session's"
        );
        for args in [
            &["--weights", "consent=0.5"][..],
            &["-p", "president"],
            &["--reform", "P5"],
            &["--lang", "ru"],
            &["--at-will-threat"],
            &["--layer", "de-facto"],
            &["--share-model", "banzhaf"],
        ] {
            assert!(names_a_state(&parse(args).global), "{args:?}");
        }
        let cli = parse(&["--fresh", "--save-session", "mine.ron"]);
        assert!(cli.session.fresh);
        assert_eq!(cli.session.save_session, Some(PathBuf::from("mine.ron")));
        let cli = parse(&["open", "mine.ron", "--fresh"]);
        assert!(matches!(
            cli.command,
            Some(super::super::Command::Open { .. })
        ));
    }
}

//! The interactive terminal explorer (ratatui + crossterm).
//!
//! The only module besides `main.rs` that touches the terminal. It follows the Elm
//! architecture: terminal events become [`app::Action`]s, [`app::update`] is the one place the
//! state changes, and rendering (`views`) borrows the state immutably and reads the cached
//! analysis. Every interaction is therefore testable without a terminal.
//!
//! Imports point one way:
//!
//! ```text
//!  app ──> views (one module per view: its state, update, render) ──> ctx (what they share)
//!   └─────────┴──────────────────────────────────────────────────────────┴──> leaves:
//!                                   layout, keymap, config, theme, tabs, term
//! ```

pub mod app;
pub mod config;
pub mod ctx;
pub mod keymap;
pub mod layout;
pub mod ranges;
pub mod session;
pub mod start;
pub mod tabs;
pub mod term;
pub mod theme;
pub mod tour;
pub mod undo;
pub mod views;
pub mod watch;

use std::io;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event;

pub use app::{Action, App, AppOptions, Effect, update};
pub use tabs::View;
pub use term::restore;

/// How the explorer ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal ended it (SIGTERM, SIGINT, SIGHUP, SIGQUIT): its number.
    Signal(i32),
}

impl Exit {
    /// The process's exit status: 0, or 128 + the signal's number, as shells report a process
    /// a signal killed.
    pub fn code(self) -> u8 {
        match self {
            Exit::Quit => 0,
            Exit::Signal(n) => u8::try_from(128 + n).unwrap_or(u8::MAX),
        }
    }
}

/// How long the loop waits for input before it looks at the signals again: a signal is acted
/// on within this, and an idle explorer wakes ten times a second, not more.
const TICK: Duration = Duration::from_millis(100);
/// The longest a stream of input postpones a frame: a burst is handled whole and drawn once,
/// but a key held down still shows its effect.
const FRAME: Duration = Duration::from_millis(100);
/// "Is more input waiting?" crossterm's poll(2) reader ignores the events it has already
/// parsed when the timeout is zero; a millisecond (rounded down to a non-blocking poll) sees
/// them.
const PENDING: Duration = Duration::from_millis(1);
/// How long the loop waits for the worker's answer, while it computes, before it looks for
/// input: an answer is taken as it arrives (a reform switch on kz-2022 is two answers, a
/// millisecond each, which a wait for input of 5 ms each made ten), and a key waits at most
/// this.
const AWAIT: Duration = Duration::from_millis(2);

/// Runs the explorer until the user quits or a signal ends it. The terminal is restored on
/// every way out: quit, error, signal and panic (a hook installed first).
pub fn run(app: &mut App) -> io::Result<Exit> {
    with_terminal(|terminal, signals| event_loop(terminal, app, signals))
}

/// Takes the terminal for `f` and gives it back on every way out: return, error, signal and
/// panic (a hook installed first).
fn with_terminal<T>(
    f: impl FnOnce(&mut DefaultTerminal, &mut term::Signals) -> io::Result<T>,
) -> io::Result<T> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    let mut signals = term::Signals::install()?;
    let result = term::enter()
        .and_then(|()| {
            ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))
        })
        .and_then(|mut terminal| f(&mut terminal, &mut signals));
    restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    signals: &mut term::Signals,
) -> io::Result<Exit> {
    let size = terminal.size()?;
    update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let mut dirty = true;
    // The dataset file, when one was opened, reloaded when it changes.
    let mut watch = app.source.data_path.as_deref().map(watch::Watch::new);
    // A run of toggles is held back until the input stops, even across frames.
    let mut burst = app::Burst::default();
    // The ranges, off the frame path; without a thread they are computed here, between frames.
    let worker = ranges::Worker::spawn().ok();
    loop {
        for job in app.ctx.take_range_jobs() {
            match &worker {
                Some(w) => w.send(job),
                None => {
                    update(app, Action::Ranges(job.run()));
                    dirty = true;
                }
            }
        }
        while let Some(done) = worker.as_ref().and_then(ranges::Worker::try_recv) {
            update(app, Action::Ranges(done));
            dirty = true;
        }
        for signal in signals.pending() {
            match signal {
                term::Signal::Terminate(n) => return Ok(Exit::Signal(n)),
                term::Signal::Suspend => suspend(terminal)?,
                term::Signal::Continue => resume(terminal)?,
            }
            dirty = true;
        }
        if let Some(text) = watch.as_mut().and_then(watch::Watch::poll) {
            update(app, Action::FileChanged(text));
            dirty = true;
        }
        // Drawn once per burst of input, and only when something happened.
        if dirty {
            terminal.draw(|f| f.render_widget(&*app, f.area()))?;
            dirty = false;
        }
        // A test seam, only in debug builds: proves the panic hook restores the terminal.
        #[cfg(debug_assertions)]
        if std::env::var_os("BILIK_DEBUG_PANIC").is_some() {
            panic!("BILIK_DEBUG_PANIC is set: panicking to test terminal restoration");
        }
        let wait = match &worker {
            Some(w) if app.ctx.awaiting_ranges() => {
                if let Some(done) = w.recv_timeout(AWAIT) {
                    update(app, Action::Ranges(done));
                    dirty = true;
                }
                PENDING
            }
            _ => TICK,
        };
        if !event::poll(wait)? {
            continue;
        }
        // Everything that queued up is handled before the next frame.
        let start = Instant::now();
        let mut next = Some(event::read()?);
        let mut more = false;
        while let Some(ev) = next.take() {
            for action in burst.push(app, &ev) {
                dirty = true;
                if let Some(exit) = perform(terminal, app, action)? {
                    return Ok(exit);
                }
            }
            if event::poll(PENDING)? {
                if start.elapsed() < FRAME {
                    next = Some(event::read()?);
                } else {
                    more = true;
                }
            }
        }
        if !more {
            for action in burst.finish() {
                dirty = true;
                if let Some(exit) = perform(terminal, app, action)? {
                    return Ok(exit);
                }
            }
        }
    }
}

/// Applies one action and carries out its effect; `Some` when the explorer should end.
fn perform(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    action: Action,
) -> io::Result<Option<Exit>> {
    match update(app, action) {
        Effect::Quit => return Ok(Some(Exit::Quit)),
        Effect::Suspend => suspend(terminal)?,
        Effect::Write { path, doc } => {
            let result = write_export(app, &path, doc)
                .map(|_| path.display().to_string())
                .map_err(|e| format!("{}: {e}", path.display()));
            update(app, Action::Written(result));
        }
        Effect::None => {}
    }
    Ok(None)
}

/// Writes the export chosen in the picker to `path` atomically, through a buffer, as it is
/// produced (see [`views::export::write`]): a failure leaves no file behind.
pub(crate) fn write_export(
    app: &App,
    path: &std::path::Path,
    doc: views::export::Doc,
) -> io::Result<()> {
    let source = views::export::Source {
        comparison: app.compare.comparison(&app.ctx),
        delta: app.reforms.delta(&app.ctx),
    };
    crate::output::write::write_atomic_with(path, |file| {
        let mut out = io::BufWriter::new(file);
        views::export::write(&app.ctx, doc, &source, &mut out)?;
        io::Write::flush(&mut out)
    })
}

/// Gives the terminal back, stops until continued, then takes it again.
fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    restore();
    term::stop();
    resume(terminal)
}

/// Takes the terminal again and makes the next frame paint every cell: while stopped,
/// anything may have been drawn over it.
fn resume(terminal: &mut DefaultTerminal) -> io::Result<()> {
    term::enter()?;
    terminal.clear()
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_explain;
#[cfg(test)]
mod tests_export;
#[cfg(test)]
mod tests_graph;
#[cfg(test)]
mod tests_i18n;
#[cfg(test)]
mod tests_i18n_compare;
#[cfg(test)]
mod tests_i18n_views;
#[cfg(test)]
mod tests_input;
#[cfg(test)]
mod tests_layer;
#[cfg(test)]
mod tests_ranges;
#[cfg(test)]
mod tests_session;
#[cfg(test)]
mod tests_sources;
#[cfg(test)]
mod tests_switch;
#[cfg(test)]
mod tests_text;
#[cfg(test)]
mod tests_tour;
#[cfg(test)]
mod tests_worker;

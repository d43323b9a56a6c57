//! The terminal the explorer takes over, and how it gives it back.
//!
//! The shell must never be left raw, on the alternate screen, with the cursor hidden or mouse
//! reports and bracketed paste on: not after a quit, an error or a panic, nor after SIGTERM,
//! SIGINT, SIGHUP or SIGQUIT (then the explorer exits with 128 + the signal's number, as a
//! shell reports a process killed by it). SIGTSTP (`kill -TSTP`; Ctrl-Z arrives as a key in
//! raw mode) gives the terminal back before stopping; SIGCONT takes it again and redraws.

use std::io::{self, Write};

use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::crossterm::{cursor, execute};

/// Raw mode, the alternate screen, mouse reports and bracketed paste on; the cursor hidden.
pub fn enter() -> io::Result<()> {
    // Off first: after a stop the shell may have reset the tty while crossterm still believes
    // raw mode is on, and it would then skip turning it on.
    let _ = terminal::disable_raw_mode();
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// Puts the terminal back as the shell had it. Safe to call more than once, and from the
/// panic hook: errors are ignored, as there is nowhere left to report them.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// What a signal asks of the explorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// Give the terminal back and exit with 128 + this number.
    Terminate(i32),
    /// Give the terminal back and stop until continued.
    Suspend,
    /// Continued (after a stop of any kind): take the terminal again and redraw it whole.
    Continue,
}

#[cfg(unix)]
mod imp {
    use std::io;

    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

    use super::Signal;

    /// The signals caught while the explorer runs; the event loop reads them between events,
    /// so no terminal work happens inside a signal handler.
    pub struct Signals(signal_hook::iterator::Signals);

    impl Signals {
        pub fn install() -> io::Result<Signals> {
            signal_hook::iterator::Signals::new([
                SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT,
            ])
            .map(Signals)
        }

        /// The signals that arrived since the last call, without waiting.
        pub fn pending(&mut self) -> Vec<Signal> {
            self.0
                .pending()
                .map(|s| match s {
                    SIGTSTP => Signal::Suspend,
                    SIGCONT => Signal::Continue,
                    n => Signal::Terminate(n),
                })
                .collect()
        }
    }

    /// Stops the process as SIGTSTP would have without a handler; returns once continued.
    pub fn stop() {
        let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
    }
}

#[cfg(not(unix))]
mod imp {
    use std::io;

    use super::Signal;

    pub struct Signals;

    impl Signals {
        pub fn install() -> io::Result<Signals> {
            Ok(Signals)
        }

        pub fn pending(&mut self) -> Vec<Signal> {
            Vec::new()
        }
    }

    pub fn stop() {}
}

pub use imp::{Signals, stop};

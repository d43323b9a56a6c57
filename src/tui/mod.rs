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
//!                                         layout, keymap, config, theme, tabs
//! ```

pub mod app;
pub mod config;
pub mod ctx;
pub mod keymap;
pub mod layout;
pub mod tabs;
pub mod theme;
pub mod views;

use std::io::{self, Write};
use std::time::Duration;

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::{cursor, execute};

pub use app::{Action, App, AppOptions, Effect, update};
pub use tabs::View;

/// Puts the terminal back: raw mode off, main screen, cursor shown, mouse released. Safe to
/// call more than once.
pub fn restore() {
    ratatui::restore();
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, cursor::Show);
    let _ = out.flush();
}

/// Runs the explorer until the user quits. The terminal is restored on every way out: quit,
/// error, and panic (a hook installed before ratatui's own).
pub fn run(mut app: App) -> io::Result<()> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    let mut terminal = ratatui::try_init()?;
    let result = (|| -> io::Result<()> {
        execute!(io::stdout(), EnableMouseCapture)?;
        let size = terminal.size()?;
        update(
            &mut app,
            Action::Resize {
                width: size.width,
                height: size.height,
            },
        );
        loop {
            terminal.draw(|f| f.render_widget(&app, f.area()))?;
            // A test seam, only in debug builds: proves the panic hook restores the terminal.
            #[cfg(debug_assertions)]
            if std::env::var_os("BILIK_DEBUG_PANIC").is_some() {
                panic!("BILIK_DEBUG_PANIC is set: panicking to test terminal restoration");
            }
            // Block for the first event, then drain what queued up, so that a burst of wheel
            // turns costs one redraw.
            let mut quit = false;
            let mut next = Some(event::read()?);
            while let Some(ev) = next.take() {
                if let Some(action) = app::action_from_event(&app, &ev) {
                    match update(&mut app, action) {
                        Effect::Quit => {
                            quit = true;
                            break;
                        }
                        Effect::Write { path, bytes } => {
                            let result = crate::output::write::write_atomic(&path, &bytes)
                                .map(|_| path.display().to_string())
                                .map_err(|e| format!("{}: {e}", path.display()));
                            update(&mut app, Action::Written(result));
                        }
                        Effect::None => {}
                    }
                }
                if event::poll(Duration::ZERO)? {
                    next = Some(event::read()?);
                }
            }
            if quit {
                return Ok(());
            }
        }
    })();
    restore();
    result
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_ranges;

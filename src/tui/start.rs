//! The explorer's start: the first frame as soon as the dataset is loaded. Building the
//! explorer analyses the state (seconds at 100,000 bodies), so it runs on a thread of its
//! own while the terminal shows what is being measured; the quit key and Ctrl-C end the
//! explorer at once, signals are obeyed, and the explorer takes over when it is ready.
//!
//! ```text
//!  load (the caller) ──> enter the terminal ──> "measuring…" frame ──┬─> App ready ──> event loop
//!                        build thread: App::with_ranges ─────────────┘   (the ranges, the
//!                                                                         headline: the worker)
//! ```

use std::io;
use std::sync::mpsc;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{self, Event, KeyEvent, KeyEventKind};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::keymap::{Command, Key, Keymap};
use super::tabs::View;
use super::theme::Theme;
use super::{App, Exit, term};
use crate::model::Lang;
use crate::model::i18n::tr;

/// What the frame shown while the explorer is built says, and the keys that end it.
#[derive(Debug, Clone)]
pub struct Starting {
    /// The dataset's id and title, as its first line.
    pub dataset: String,
    pub bodies: usize,
    pub lang: Lang,
    pub theme: Theme,
    pub keymap: Keymap,
}

impl Starting {
    pub fn of(dataset: &crate::model::Dataset, lang: Lang, theme: Theme, keymap: Keymap) -> Self {
        Starting {
            dataset: format!(
                "{} · {}",
                dataset.meta.id,
                dataset.prose(lang, &dataset.meta.title)
            ),
            bodies: dataset.bodies.len(),
            lang,
            theme,
            keymap,
        }
    }

    /// Whether `key` ends the explorer while it starts: Ctrl-C, or a key bound to quit.
    pub fn quits(&self, key: KeyEvent) -> bool {
        key.kind != KeyEventKind::Release
            && (Key::from_event(key, false) == Key::ctrl('c')
                || self.keymap.lookup(Key::from_event(key, true), View::Bodies)
                    == Some(Command::Quit))
    }
}

/// Draws the frame shown while the explorer is built.
impl Widget for &Starting {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = &self.theme;
        let lang = self.lang;
        let quit = self
            .keymap
            .binding(Command::Quit)
            .and_then(|b| b.keys.first())
            .map_or_else(|| "Ctrl-C".to_string(), |k| k.to_string());
        let lines = vec![
            Line::from(Span::styled(self.dataset.clone(), t.title)),
            Line::from(""),
            Line::from(Span::styled(
                crate::t!(lang, "measuring… {n} bodies", n = self.bodies),
                t.accent,
            )),
            Line::from(Span::styled(
                tr(
                    lang,
                    "the analysis of the state: the views open when it is done; the ranges and the headline's sensitivity follow",
                ),
                t.dim,
            )),
            Line::from(""),
            Line::from(Span::styled(
                crate::t!(lang, "{key} quits", key = quit),
                t.dim,
            )),
        ];
        let h = (lines.len() as u16 + 2).min(area.height);
        let y = area.y + area.height.saturating_sub(h) / 2;
        let inner = Rect::new(area.x + 2, y, area.width.saturating_sub(4), h);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}

/// How a start ended.
pub enum Started {
    /// The explorer was built and ran until it ended.
    Ran(Exit, Box<App>),
    /// The user quit, or a signal ended it, before the explorer was ready.
    Quit(Exit),
    /// The explorer could not be built: why (the terminal is given back first).
    Failed(String),
}

/// How often the starting frame looks at the keys, the signals and the build.
const POLL: Duration = Duration::from_millis(20);

/// Shows `starting` while `build` runs on a thread; once it is ready, `ready` finishes it on
/// this thread (the session's view state, a message) and the explorer runs. The terminal is
/// restored on every way out, as in [`super::run`].
pub fn run<B>(starting: &Starting, build: B, ready: impl FnOnce(&mut App)) -> io::Result<Started>
where
    B: FnOnce() -> Result<App, String> + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    // Not joined: if the user quits first the process ends with it.
    std::thread::Builder::new()
        .name("bilik-start".into())
        .spawn(move || {
            let _ = tx.send(build());
        })?;
    super::with_terminal(|terminal, signals| {
        let Some(built) = starting_loop(terminal, signals, starting, &rx)? else {
            return Ok(Started::Quit(Exit::Quit));
        };
        match built {
            Err(Exit::Quit) => Ok(Started::Quit(Exit::Quit)),
            Err(exit) => Ok(Started::Quit(exit)),
            Ok(Err(e)) => Ok(Started::Failed(e)),
            Ok(Ok(mut app)) => {
                ready(&mut app);
                let exit = super::event_loop(terminal, &mut app, signals)?;
                Ok(Started::Ran(exit, Box::new(app)))
            }
        }
    })
}

/// Draws the starting frame until the build is done (`Some(Ok(..))`) or the user or a signal
/// ends it (`Some(Err(exit))`); `None` when the build thread ended without an answer.
#[allow(clippy::type_complexity)]
fn starting_loop(
    terminal: &mut DefaultTerminal,
    signals: &mut term::Signals,
    starting: &Starting,
    rx: &mpsc::Receiver<Result<App, String>>,
) -> io::Result<Option<Result<Result<App, String>, Exit>>> {
    let mut dirty = true;
    loop {
        match rx.try_recv() {
            Ok(built) => return Ok(Some(Ok(built))),
            Err(mpsc::TryRecvError::Disconnected) => {
                return Ok(Some(Ok(Err(
                    "the analysis of the state stopped unexpectedly".to_string(),
                ))));
            }
            Err(mpsc::TryRecvError::Empty) => {}
        }
        for signal in signals.pending() {
            match signal {
                term::Signal::Terminate(n) => return Ok(Some(Err(Exit::Signal(n)))),
                term::Signal::Suspend => super::suspend(terminal)?,
                term::Signal::Continue => super::resume(terminal)?,
            }
            dirty = true;
        }
        if dirty {
            terminal.draw(|f| f.render_widget(starting, f.area()))?;
            dirty = false;
        }
        if !event::poll(POLL)? {
            continue;
        }
        match event::read()? {
            Event::Key(key) if starting.quits(key) => return Ok(Some(Err(Exit::Quit))),
            Event::Resize(..) => dirty = true,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn starting(lang: Lang) -> Starting {
        let ds = crate::data::resolve("kz-2022").unwrap();
        Starting::of(&ds, lang, Theme::monochrome(), Keymap::default())
    }

    fn screen(s: &Starting) -> String {
        let area = Rect::new(0, 0, 80, 12);
        let mut buf = Buffer::empty(area);
        s.render(area, &mut buf);
        (0..area.height)
            .map(|y| {
                (0..area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_starting_frame_says_what_is_measured_and_how_to_quit() {
        insta::assert_snapshot!("starting_en", screen(&starting(Lang::En)));
        insta::assert_snapshot!("starting_ru", screen(&starting(Lang::Ru)));
        insta::assert_snapshot!("starting_kk", screen(&starting(Lang::Kk)));
    }

    #[test]
    fn the_starting_frame_prints_the_title_in_the_language_asked_for() {
        use crate::model::i18n::leftover::{data_strings, english_left_on_screen};
        let ron = include_str!("../../data/kz-2022.ron");
        let data = data_strings(ron);
        for lang in [Lang::Ru, Lang::Kk] {
            let screen = screen(&starting(lang));
            let left = english_left_on_screen(&screen, &data);
            assert!(left.is_empty(), "{lang:?}: {left:?}\n{screen}");
        }
    }

    #[test]
    fn the_quit_key_and_ctrl_c_end_the_start_other_keys_do_not() {
        let s = starting(Lang::En);
        let key = |code, modifiers| KeyEvent::new(code, modifiers);
        assert!(s.quits(key(KeyCode::Char('q'), KeyModifiers::NONE)));
        assert!(s.quits(key(KeyCode::Char('c'), KeyModifiers::CONTROL)));
        // A Russian layout's `й` is `q`'s key.
        assert!(s.quits(key(KeyCode::Char('й'), KeyModifiers::NONE)));
        assert!(!s.quits(key(KeyCode::Char('j'), KeyModifiers::NONE)));
        assert!(!s.quits(key(KeyCode::Char('6'), KeyModifiers::NONE)));
    }
}

//! The explorer's state and the one `update` function that changes it.
//!
//! ```text
//!  terminal event ──> action_from_event ──> Action ──> update(&mut App) ──> Effect
//!                         (keymap)                          │
//!      the overlays first (help, export picker, search prompt), else the view on screen:
//!      view.update(&mut Ctx, Command); then every view catches up with what changed in
//!      the Ctx (selection, dataset, size), and the view on screen refreshes its caches
//!  render(&App) draws the frame and the view on screen; it never changes either.
//! ```
//!
//! `App` holds the shared [`Ctx`] and one state per view, and only forwards: what a view does
//! lives in its module under `views`.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

use super::ctx::{Changes, Ctx};
// The status a caller may start with (`AppOptions::message`) is part of the app's interface.
pub use super::ctx::{Status, StatusKind};
use super::keymap::{Command, Key, Keymap};
use super::layout::{self, Hit};
use super::ranges::Mode;
use super::session;
use super::tabs::View;
use super::theme::Theme;
use super::undo::{History, Snapshot};
use super::views::bodies::BodiesView;
use super::views::compare::CompareView;
use super::views::explain::{ExplainOverlay, Target};
use super::views::export::{self as picker, Confirmed, ExportPicker, Focus, Opened};
use super::views::flags::FlagsView;
use super::views::graph::GraphView;
use super::views::help::Help;
use super::views::matrix::MatrixView;
use super::views::reforms::ReformsView;
use super::views::search::Search;
use super::views::sources::SourcesView;
use super::views::sweep::{Source, SweepChart};
use super::views::weights::WeightsView;
use super::views::{Tab, frame};
use crate::analysis::Options;
use crate::model::{Dataset, Lang};

/// Everything that can happen to the explorer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Command(Command),
    /// Ctrl-C: quits from anywhere, whatever the key map says.
    Quit,
    /// Ctrl-Z: gives the terminal back and stops, as in a shell.
    Suspend,
    SearchInput(char),
    /// Text pasted into the search prompt (bracketed paste): text, never keys.
    SearchPaste(String),
    SearchBackspace,
    SearchSubmit,
    SearchCancel,
    Click {
        column: u16,
        row: u16,
    },
    Scroll {
        column: u16,
        row: u16,
        down: bool,
    },
    Resize {
        width: u16,
        height: u16,
    },
    /// In the export picker: another format, the list or the name in focus, a character of
    /// the path, delete, write, cancel; `y`/`n` when the file exists.
    ExportMove {
        down: bool,
    },
    ExportFocus,
    ExportOverwrite(bool),
    ExportInput(char),
    ExportPaste(String),
    ExportBackspace,
    ExportConfirm,
    ExportCancel,
    /// The event loop's report on a file it wrote: the path, or what went wrong.
    Written(Result<String, String>),
    /// The dataset file on screen changed on disk: its new text, or why it could not be read.
    FileChanged(Result<String, String>),
    /// In a tour: the next or previous step (each puts its state back on screen); leave it.
    TourStep {
        forward: bool,
    },
    TourLeave,
    /// In the tour chooser: another tour, start the one under the cursor.
    TourChoose {
        down: bool,
    },
    TourStart,
    /// The worker's ranges for a state (see [`super::ranges`]); dropped if that state is no
    /// longer on screen.
    Ranges(super::ranges::Done),
}

/// What the event loop must do after an update: the side effects `update` itself never
/// performs, so that it stays testable without a terminal or a disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Give the terminal back and stop until continued (Ctrl-Z).
    Suspend,
    /// Write this export to this path atomically as it is produced
    /// ([`picker::write`]), then report with [`Action::Written`].
    Write {
        path: std::path::PathBuf,
        doc: picker::Doc,
    },
}

/// How the explorer starts.
pub struct AppOptions {
    /// The baseline dataset (before any reform).
    pub dataset: Dataset,
    /// The reform presets available for it, and those active at start.
    pub presets: crate::reform::PresetSet,
    pub active: Vec<String>,
    pub options: Options,
    /// Whether the user chose the principals (then reforms keep them); otherwise each state's
    /// own principals are in force, as a reform may make a body a principal.
    pub custom_principals: bool,
    pub lang: Lang,
    pub keymap: Keymap,
    pub theme: Theme,
    /// Shown in the status bar at start (e.g. a problem in the config file).
    pub message: Option<Status>,
}

pub struct App {
    /// What the views share: the state on screen, the selection, the language, the size.
    pub ctx: Ctx,
    pub view: View,
    pub bodies: BodiesView,
    pub graph: GraphView,
    pub matrix: MatrixView,
    pub flags: FlagsView,
    pub weights: WeightsView,
    pub reforms: ReformsView,
    pub compare: CompareView,
    pub sources: SourcesView,
    pub search: Search,
    /// The help overlay, when it is open.
    pub help: Option<Help>,
    /// The export picker, when it is open.
    pub export: Option<ExportPicker>,
    /// The sweep chart, when it is open.
    pub sweep: Option<SweepChart>,
    /// The explanation of a figure, when it is open.
    pub explain: Option<ExplainOverlay>,
    pub keymap: Keymap,
    /// Where the state came from, for the session saved on quit.
    pub source: session::Source,
    /// Undo and redo over the weights, principals and reforms.
    pub history: History,
    /// Why the dataset file, edited since it was opened, does not load: shown in a pane over
    /// the last good version until the file is fixed.
    pub load_error: Option<String>,
    /// The tour being played, and the chooser of tours when it is open.
    pub tour: Option<super::tour::TourPlayer>,
    pub chooser: Option<super::tour::Chooser>,
}

impl App {
    /// Builds the explorer, the ranges computed inside `update` ([`Mode::Now`]); fails if the
    /// active reforms do not apply or the analysis cannot be computed.
    pub fn new(o: AppOptions) -> Result<App, String> {
        App::with_ranges(o, Mode::Now)
    }

    /// Builds the explorer with its ranges computed as `mode` says: [`Mode::Deferred`] for
    /// the event loop of [`super::run`], which hands them to a worker.
    pub fn with_ranges(o: AppOptions, mode: Mode) -> Result<App, String> {
        let mut scenario = crate::reform::Scenario::new(o.dataset, o.presets);
        for id in &o.active {
            scenario.toggle(id);
        }
        let ctx = Ctx::new(
            scenario,
            o.options,
            o.custom_principals,
            o.lang,
            o.theme,
            o.message,
            mode,
        )?;
        let mut app = App {
            ctx,
            view: View::Bodies,
            bodies: BodiesView::default(),
            graph: GraphView::default(),
            matrix: MatrixView::default(),
            flags: FlagsView::default(),
            weights: WeightsView::default(),
            reforms: ReformsView::default(),
            compare: CompareView::default(),
            sources: SourcesView::default(),
            search: Search::default(),
            help: None,
            export: None,
            sweep: None,
            explain: None,
            keymap: o.keymap,
            source: session::Source::default(),
            history: History::default(),
            load_error: None,
            tour: None,
            chooser: None,
        };
        app.catch_up();
        Ok(app)
    }

    /// The view on screen, and the context it works on.
    fn current(&mut self) -> (&mut dyn Tab, &mut Ctx) {
        let tab: &mut dyn Tab = match self.view {
            View::Bodies => &mut self.bodies,
            View::Graph => &mut self.graph,
            View::Matrix => &mut self.matrix,
            View::Flags => &mut self.flags,
            View::Weights => &mut self.weights,
            View::Reforms => &mut self.reforms,
            View::Compare => &mut self.compare,
            View::Sources => &mut self.sources,
        };
        (tab, &mut self.ctx)
    }

    fn shown(&self) -> &dyn Tab {
        match self.view {
            View::Bodies => &self.bodies,
            View::Graph => &self.graph,
            View::Matrix => &self.matrix,
            View::Flags => &self.flags,
            View::Weights => &self.weights,
            View::Reforms => &self.reforms,
            View::Compare => &self.compare,
            View::Sources => &self.sources,
        }
    }

    /// Tells every view what changed in the shared state since the last time.
    fn catch_up(&mut self) {
        let changes = self.ctx.take_changes();
        if changes == Changes::default() {
            return;
        }
        let tabs: [&mut dyn Tab; 8] = [
            &mut self.bodies,
            &mut self.graph,
            &mut self.matrix,
            &mut self.flags,
            &mut self.weights,
            &mut self.reforms,
            &mut self.compare,
            &mut self.sources,
        ];
        for tab in tabs {
            tab.catch_up(&self.ctx, changes);
        }
    }

    fn apply(&mut self, action: Action) -> Effect {
        // Every change of the weights, principals or reforms, by key or mouse, can be undone;
        // undo and redo themselves, and a reload of the file, are not changes to undo.
        // A tour step replaces the whole state, dataset included: not a change to undo.
        // A reform switch computed by the worker is recorded when it arrives.
        let recorded = match &action {
            Action::Ranges(done) => done.target == super::ranges::Target::Reform,
            _ => !matches!(
                action,
                Action::Command(Command::Undo | Command::Redo)
                    | Action::FileChanged(_)
                    | Action::TourStep { .. }
                    | Action::TourStart
            ),
        };
        let before = recorded.then(|| Snapshot::of(&self.ctx));
        let effect = match action {
            Action::Command(c) => {
                // A message lasts until the next key.
                self.ctx.status = None;
                self.command(c)
            }
            Action::FileChanged(text) => {
                self.reload(text);
                Effect::None
            }
            Action::TourStep { forward } => {
                self.ctx.status = None;
                self.tour_move(forward);
                Effect::None
            }
            Action::TourLeave => {
                self.leave_tour();
                Effect::None
            }
            Action::TourChoose { down } => {
                self.choose_move(down);
                Effect::None
            }
            Action::TourStart => {
                self.choose_confirm();
                Effect::None
            }
            Action::Ranges(done) => {
                self.ctx.ranges_arrived(done);
                if let Some(overlay) = &mut self.explain {
                    overlay.ranges_arrived(&self.ctx);
                }
                Effect::None
            }
            Action::Quit => Effect::Quit,
            Action::Suspend => Effect::Suspend,
            Action::SearchInput(c) => {
                self.search.input(&mut self.ctx, c);
                Effect::None
            }
            Action::SearchPaste(text) => {
                self.search.paste(&mut self.ctx, &text);
                Effect::None
            }
            Action::SearchBackspace => {
                self.search.backspace(&mut self.ctx);
                Effect::None
            }
            Action::SearchSubmit => {
                self.search.submit(&mut self.ctx, &self.keymap);
                Effect::None
            }
            Action::SearchCancel => {
                self.search.cancel(&mut self.ctx);
                Effect::None
            }
            Action::Resize { width, height } => {
                self.ctx.resize(Rect::new(0, 0, width, height));
                Effect::None
            }
            Action::ExportMove { down } => {
                let c = self.compare.comparison(&self.ctx);
                if let Some(p) = &mut self.export {
                    p.move_choice(&self.ctx, down, c);
                }
                Effect::None
            }
            Action::ExportFocus => {
                if let Some(p) = &mut self.export {
                    p.toggle_focus();
                }
                Effect::None
            }
            Action::ExportOverwrite(yes) => {
                let Some(p) = &mut self.export else {
                    return Effect::None;
                };
                match p.overwrite.take() {
                    Some((path, doc)) if yes => {
                        let text =
                            crate::t!(self.ctx.lang, "writing {path} …", path = path.display());
                        self.ctx.set_status(text, StatusKind::Info);
                        self.export = None;
                        Effect::Write { path, doc }
                    }
                    _ => {
                        let text = crate::model::i18n::tr(
                            self.ctx.lang,
                            "not written: change the name, or Esc",
                        );
                        self.ctx.set_status(text, StatusKind::Info);
                        p.focus = Focus::Name;
                        Effect::None
                    }
                }
            }
            Action::ExportInput(c) => {
                if let Some(p) = &mut self.export {
                    p.input(c);
                }
                Effect::None
            }
            Action::ExportPaste(text) => {
                if let Some(p) = &mut self.export {
                    p.paste(&text);
                }
                Effect::None
            }
            Action::ExportBackspace => {
                if let Some(p) = &mut self.export {
                    p.backspace();
                }
                Effect::None
            }
            Action::ExportCancel => {
                self.export = None;
                Effect::None
            }
            Action::ExportConfirm => {
                let source = picker::Source {
                    comparison: self.compare.comparison(&self.ctx),
                    delta: self.reforms.delta(&self.ctx),
                };
                let Some(p) = &mut self.export else {
                    return Effect::None;
                };
                match p.confirm(&mut self.ctx, &source) {
                    Confirmed::Write(path, doc) => {
                        self.export = None;
                        Effect::Write { path, doc }
                    }
                    Confirmed::Ask | Confirmed::Stay => Effect::None,
                }
            }
            Action::Written(result) => {
                let lang = self.ctx.lang;
                match result {
                    Ok(path) => self.ctx.set_status(
                        crate::t!(lang, "exported to {path}", path = path),
                        StatusKind::Info,
                    ),
                    Err(e) => self.ctx.set_status(
                        crate::t!(lang, "export failed: {error}", error = e),
                        StatusKind::Error,
                    ),
                }
                Effect::None
            }
            // The sweep chart covers the view: the mouse closes it rather than reach under it.
            Action::Click { .. } | Action::Scroll { .. } if self.sweep.is_some() => {
                self.sweep = None;
                Effect::None
            }
            // The wheel scrolls the explanation; a click closes it.
            Action::Scroll { down, .. } if self.explain.is_some() => {
                let step = if down { Command::Down } else { Command::Up };
                for _ in 0..3 {
                    self.command(step);
                }
                Effect::None
            }
            Action::Click { .. } if self.explain.is_some() => {
                self.explain = None;
                Effect::None
            }
            Action::Click { column, row } => {
                self.click(Position::new(column, row));
                Effect::None
            }
            Action::Scroll { column, row, down } => {
                let at = Position::new(column, row);
                if let Some(Hit::Main) = layout::hit(
                    self.ctx.size,
                    &self.keymap,
                    frame::badge_width(&self.ctx),
                    at,
                ) {
                    let main = layout::screen(self.ctx.size).main;
                    let (tab, ctx) = self.current();
                    tab.wheel(ctx, main, at);
                }
                let step = if down { Command::Down } else { Command::Up };
                for _ in 0..3 {
                    self.command(step);
                }
                Effect::None
            }
        };
        self.catch_up();
        if let Some(before) = before {
            self.history
                .record(&self.ctx, before, Snapshot::of(&self.ctx));
        }
        effect
    }

    fn click(&mut self, at: Position) {
        match layout::hit(
            self.ctx.size,
            &self.keymap,
            frame::badge_width(&self.ctx),
            at,
        ) {
            Some(Hit::Tab(v)) => self.view = v,
            Some(Hit::Main) => {
                let main = layout::screen(self.ctx.size).main;
                let (tab, ctx) = self.current();
                tab.click(ctx, main, at);
            }
            None => {}
        }
    }

    /// A command: to the help overlay when it is open, else the explorer's own, else the view
    /// on screen's.
    fn command(&mut self, c: Command) -> Effect {
        let effect = self.dispatch(c);
        self.catch_up();
        effect
    }

    fn dispatch(&mut self, c: Command) -> Effect {
        if let Some(help) = &mut self.help {
            // The help overlay takes the keys it needs and closes on anything else.
            if !help.update(c) {
                self.help = None;
            }
            return Effect::None;
        }
        if let Some(chart) = &mut self.sweep {
            // The chart takes the arrows and closes on any other key, Esc included.
            if !chart.update(&self.ctx, c) {
                self.sweep = None;
            }
            return Effect::None;
        }
        if let Some(overlay) = &mut self.explain {
            if !overlay.update(c) {
                self.explain = None;
                // From a figure's derivation to the text of the articles it cites.
                if c == Command::Show(View::Sources) {
                    self.view = View::Sources;
                }
            }
            return Effect::None;
        }
        match c {
            Command::Quit => return Effect::Quit,
            Command::Explain => {
                let target = match self.view {
                    View::Matrix => self.matrix.explain_target(&self.ctx),
                    View::Compare => self.compare.explain_target(&self.ctx),
                    _ => Target::State {
                        body: self.ctx.selected.clone(),
                        principal: None,
                    },
                };
                let mut overlay = ExplainOverlay::open(&self.ctx, target);
                overlay.sources_key = self.keymap.keys_text(Command::Show(View::Sources));
                self.explain = Some(overlay);
            }
            Command::Sweep => {
                let source = match self.view {
                    View::Compare => Source::Compare {
                        chosen: self.compare.chosen.clone(),
                        current: self.compare.current,
                    },
                    _ => Source::Bodies,
                };
                self.sweep = Some(SweepChart::open(&self.ctx, source));
            }
            Command::Help => self.help = Some(Help::default()),
            Command::Export => {
                let at = match self.view {
                    View::Compare => Opened::Compare,
                    View::Reforms => Opened::Reforms,
                    _ => Opened::Elsewhere,
                };
                let c = self.compare.comparison(&self.ctx);
                self.export = Some(ExportPicker::open(&self.ctx, at, c));
            }
            Command::Tour => self.open_tours(),
            Command::NextView | Command::PrevView => {
                let i = View::ALL.iter().position(|v| *v == self.view).unwrap_or(0);
                let n = View::ALL.len();
                self.view = View::ALL[if c == Command::NextView {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                }];
            }
            Command::Show(v) => self.view = v,
            Command::Language => {
                self.ctx.lang = self.ctx.lang.next();
                let lang = self.ctx.lang;
                self.ctx.set_status(
                    crate::t!(
                        lang,
                        "names in {language}",
                        language = crate::model::i18n::tr(lang, language_name(lang))
                    ),
                    StatusKind::Info,
                );
            }
            Command::Search => self.search.open(&mut self.ctx),
            Command::NextMatch => self.search.cycle(&mut self.ctx, true),
            Command::PrevMatch => self.search.cycle(&mut self.ctx, false),
            Command::Back => self.ctx.back(),
            Command::Layer => self.ctx.toggle_layer(),
            Command::Undo => self.history.undo(&mut self.ctx),
            Command::Redo => self.history.redo(&mut self.ctx),
            _ => {
                let (tab, ctx) = self.current();
                if let Some(v) = tab.update(ctx, c) {
                    self.view = v;
                }
            }
        }
        Effect::None
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        if layout::too_small(area) {
            frame::too_small(area, buf);
            return;
        }
        let s = layout::screen(area);
        frame::tabs(&self.ctx, &self.keymap, self.view, s.tabs, buf);
        self.shown().render(&self.ctx, s.main, buf);
        frame::status(
            &self.ctx,
            &self.keymap,
            self.view,
            self.search.prompt.as_deref(),
            s.status,
            buf,
        );
        if let Some(player) = &self.tour {
            super::tour::render_caption(&self.ctx, player, s.main, buf);
        }
        if let Some(chart) = &self.sweep {
            chart.render(&self.ctx, s.main, buf);
        }
        if let Some(overlay) = &self.explain {
            overlay.render(&self.ctx.theme, s.main, buf);
        }
        if let Some(help) = &self.help {
            help.render(
                &self.ctx.theme,
                &self.keymap,
                self.view,
                self.ctx.lang,
                s.main,
                buf,
            );
        }
        if let Some(picker) = &self.export {
            picker.render(&self.ctx.theme, self.ctx.lang, s.main, buf);
        }
        if let Some(chooser) = &self.chooser {
            super::tour::render_chooser(&self.ctx, chooser, s.main, buf);
        }
        if let Some(error) = &self.load_error {
            super::watch::render_error(&self.ctx, &self.source, error, s.main, buf);
        }
        drop_hidden(buf);
    }
}

/// Bidirectional controls from data would reorder what the terminal shows. Being zero-width,
/// ratatui joins them to the previous cell instead of dropping them; they are dropped here,
/// once for every view.
fn drop_hidden(buf: &mut Buffer) {
    use crate::diag::visible::hidden;
    for cell in buf.content.iter_mut() {
        if cell.symbol().chars().any(hidden) {
            let kept: String = cell.symbol().chars().filter(|&c| !hidden(c)).collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

/// The one function that changes the explorer's state.
pub fn update(app: &mut App, action: Action) -> Effect {
    let effect = app.apply(action);
    // Derived data the view on screen needs is computed here, when its inputs changed, never
    // while drawing.
    let (tab, ctx) = app.current();
    tab.refresh(ctx);
    effect
}

pub fn language_name(l: Lang) -> &'static str {
    match l {
        Lang::En => "English",
        Lang::Ru => "Russian (русский)",
        Lang::Kk => "Kazakh (қазақша)",
    }
}

/// Turns a terminal event into an action; `None` for events the explorer ignores.
pub fn action_from_event(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => action_from_key(app, *key),
        Event::Mouse(m) => action_from_mouse(m),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        // A paste is text for the prompt that is open; anywhere else it is dropped, never run
        // as keys.
        Event::Paste(text) if app.export.is_some() => Some(Action::ExportPaste(text.clone())),
        Event::Paste(text) if app.search.prompt.is_some() => {
            Some(Action::SearchPaste(text.clone()))
        }
        _ => None,
    }
}

/// The events of one burst of input, turned into actions one at a time (each event maps in the
/// state the previous ones left). A run of toggle presses is held back and applied as one
/// press, or two for an even run: a toggle undoes itself, and a pair ends where any further
/// pair would, so holding Space costs two analyses rather than one per key.
#[derive(Debug, Default)]
pub struct Burst {
    toggles: usize,
}

impl Burst {
    /// The actions to apply now for this event.
    pub fn push(&mut self, app: &App, event: &Event) -> Vec<Action> {
        let Some(action) = action_from_event(app, event) else {
            return Vec::new();
        };
        // Overlays take a toggle as "close", which does not undo itself.
        let plain_toggle = action == Action::Command(Command::Toggle)
            && app.help.is_none()
            && app.sweep.is_none()
            && app.explain.is_none()
            && app.export.is_none()
            && app.search.prompt.is_none();
        if plain_toggle {
            self.toggles += 1;
            return Vec::new();
        }
        let mut actions = self.finish();
        actions.push(action);
        actions
    }

    /// The actions still held back, at the end of the burst.
    pub fn finish(&mut self) -> Vec<Action> {
        let n = match self.toggles {
            0 => 0,
            n => 2 - n % 2,
        };
        self.toggles = 0;
        vec![Action::Command(Command::Toggle); n]
    }
}

pub fn action_from_key(app: &App, key: KeyEvent) -> Option<Action> {
    // Fixed in every state, whatever the config file says: a way out and a way to the shell.
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => return Some(Action::Quit),
        KeyCode::Char('z') if ctrl => return Some(Action::Suspend),
        _ => {}
    }
    if let Some(p) = &app.export {
        if p.overwrite.is_some() {
            return match key.code {
                KeyCode::Char('y' | 'Y') => Some(Action::ExportOverwrite(true)),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::ExportOverwrite(false)),
                _ => None,
            };
        }
        // In the list j/k pick the format; in the name every letter is text, in any layout.
        let listed = p.focus == Focus::List;
        return match key.code {
            KeyCode::Esc => Some(Action::ExportCancel),
            KeyCode::Enter => Some(Action::ExportConfirm),
            KeyCode::Backspace => Some(Action::ExportBackspace),
            KeyCode::Tab | KeyCode::BackTab => Some(Action::ExportFocus),
            KeyCode::Up => Some(Action::ExportMove { down: false }),
            KeyCode::Down => Some(Action::ExportMove { down: true }),
            KeyCode::Char('j') if listed => Some(Action::ExportMove { down: true }),
            KeyCode::Char('k') if listed => Some(Action::ExportMove { down: false }),
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::ExportInput(c))
            }
            _ => None,
        };
    }
    if app.chooser.is_some() {
        return match key.code {
            KeyCode::Esc => Some(Action::TourLeave),
            KeyCode::Enter => Some(Action::TourStart),
            KeyCode::Up | KeyCode::Char('k') => Some(Action::TourChoose { down: false }),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::TourChoose { down: true }),
            _ => None,
        };
    }
    if app.search.prompt.is_some() {
        // Inside the prompt letters are text, in any layout; only editing keys act.
        return match key.code {
            KeyCode::Esc => Some(Action::SearchCancel),
            KeyCode::Enter => Some(Action::SearchSubmit),
            KeyCode::Backspace => Some(Action::SearchBackspace),
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::SearchInput(c))
            }
            _ => None,
        };
    }
    // During a tour its keys come first, unless an overlay is open (it takes the keys it
    // needs and closes on the others, as ever); every other key explores as usual.
    let overlay = app.help.is_some() || app.sweep.is_some() || app.explain.is_some();
    if app.tour.is_some() && !overlay && !ctrl {
        match key.code {
            KeyCode::Right | KeyCode::Char('n') => {
                return Some(Action::TourStep { forward: true });
            }
            KeyCode::Left | KeyCode::Char('p') => {
                return Some(Action::TourStep { forward: false });
            }
            KeyCode::Esc => return Some(Action::TourLeave),
            _ => {}
        }
    }
    app.keymap
        .lookup(Key::from_event(key, true), app.view)
        .map(Action::Command)
}

fn action_from_mouse(m: &MouseEvent) -> Option<Action> {
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
            column: m.column,
            row: m.row,
        }),
        MouseEventKind::ScrollDown => Some(Action::Scroll {
            column: m.column,
            row: m.row,
            down: true,
        }),
        MouseEventKind::ScrollUp => Some(Action::Scroll {
            column: m.column,
            row: m.row,
            down: false,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod hidden_tests {
    use crate::tui::theme::Theme;

    #[test]
    fn bidi_overrides_from_data_never_reach_the_screen() {
        let text = std::fs::read_to_string("tests/fixtures/valid/escaping.ron")
            .unwrap()
            .replace(
                r#"Voters, \"all\" of them"#,
                "Vo\u{202e}ters\u{2066}x\u{200f}",
            );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bidi.ron");
        std::fs::write(&path, text).unwrap();
        let app = crate::tui::tests::app_for(path.to_str().unwrap(), 120, 40, Theme::colored());
        let buf = crate::tui::tests::render(&app);
        let screen = crate::tui::tests::text(&buf);
        assert!(screen.contains("Voters"), "{screen}");
        let hidden = |c: char| c != '\n' && crate::diag::visible::hidden(c);
        assert!(!screen.chars().any(hidden), "{screen}");
    }
}

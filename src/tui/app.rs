//! The explorer's state and the one `update` function that changes it.
//!
//! ```text
//!  terminal event ──> action_from_event ──> Action ──> update(&mut App) ──> Effect
//!                         (keymap)                          │
//!                                                 recomputes the analysis
//!                                                 when weights, principals
//!                                                 or the dataset change
//!  render(&App) reads the state and the cached analysis; it never changes either.
//! ```

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};

use super::View;
use super::keymap::{Command, Key, Keymap};
use super::layout;
use super::theme::Theme;
use crate::analysis::{self, Analysis, Options, Severity};
use crate::model::{BodyId, Branch, Dataset, Lang};

/// Everything that can happen to the explorer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Command(Command),
    SearchInput(char),
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
    /// In the export picker: another format, a character of the path, delete, write, cancel.
    ExportMove {
        down: bool,
    },
    ExportInput(char),
    ExportBackspace,
    ExportConfirm,
    ExportCancel,
    /// The event loop's report on a file it wrote: the path, or what went wrong.
    Written(Result<String, String>),
}

/// What the event loop must do after an update: the side effects `update` itself never
/// performs, so that it stays testable without a terminal or a disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Write these bytes to this path atomically, then report with [`Action::Written`].
    Write {
        path: std::path::PathBuf,
        bytes: Vec<u8>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Detail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Fillers,
    Filled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagSort {
    Severity,
    Body,
    Rule,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub kind: StatusKind,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// The text being typed, while the prompt is open.
    pub prompt: Option<String>,
    /// The last submitted query and its matches (body ids in display order).
    pub query: String,
    pub matches: Vec<BodyId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodiesState {
    pub focus: Pane,
    pub list_offset: usize,
    /// The selected link (an actor line) in the detail pane.
    pub link: usize,
    pub detail_offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphState {
    pub overview: bool,
    pub column: Column,
    pub index: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixState {
    pub row: usize,
    /// 0 = the body name, 1..=n the principals, n+1 the HHI.
    pub col: usize,
    pub offset: usize,
    /// Column and descending?
    pub sort: Option<(usize, bool)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagsState {
    pub row: usize,
    pub offset: usize,
    pub sort: FlagSort,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeightsState {
    pub row: usize,
    pub offset: usize,
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
    /// The baseline, the reform presets and those active.
    pub scenario: crate::reform::Scenario,
    /// The dataset on screen: the baseline with the active reforms applied.
    pub dataset: Dataset,
    pub custom_principals: bool,
    /// The baseline and the state on screen side by side, for the Reforms view; `None` until
    /// it is needed or after its inputs changed.
    pub delta: Option<crate::reform::Delta>,
    pub reforms: super::views::reforms::ReformsState,
    pub options: Options,
    /// The analysis of `dataset` under `options`, recomputed only when one of them changes.
    pub analysis: Analysis,
    /// Indices into `dataset.bodies` in display order: grouped by branch.
    pub order: Vec<usize>,
    pub view: View,
    pub lang: Lang,
    /// The body in focus, shared by every view.
    pub selected: BodyId,
    pub history: Vec<BodyId>,
    pub bodies: BodiesState,
    pub graph: GraphState,
    pub matrix: MatrixState,
    pub flags: FlagsState,
    pub weights: WeightsState,
    pub compare: super::views::compare::CompareState,
    /// The comparison the Compare view shows; `None` until it is needed or after its inputs
    /// changed.
    pub comparison: Option<crate::comparative::Comparison>,
    pub search: Search,
    /// The help overlay's scroll position, when it is open.
    pub help: Option<usize>,
    /// The export picker, when it is open.
    pub export: Option<super::views::export::ExportPicker>,
    pub status: Option<Status>,
    pub size: Rect,
    pub keymap: Keymap,
    pub theme: Theme,
}

/// Weight steps of the Weights view.
pub const WEIGHT_STEP: f64 = 0.1;

impl App {
    /// Builds the explorer; fails if the active reforms do not apply or the analysis cannot
    /// be computed.
    pub fn new(o: AppOptions) -> Result<App, String> {
        let mut scenario = crate::reform::Scenario::new(o.dataset, o.presets);
        for id in &o.active {
            scenario.toggle(id);
        }
        let dataset = scenario.reformed().map_err(|e| e.to_string())?;
        let mut options = o.options;
        if !o.custom_principals {
            options.principals = dataset.principals();
        }
        let analysis = analysis::analyze(&dataset, &options).map_err(|e| e.to_string())?;
        let order = display_order(&dataset);
        let selected = default_selection(&dataset);
        let mut app = App {
            scenario,
            dataset,
            custom_principals: o.custom_principals,
            delta: None,
            reforms: Default::default(),
            options,
            analysis,
            order,
            view: View::Bodies,
            lang: o.lang,
            selected,
            history: Vec::new(),
            bodies: BodiesState {
                focus: Pane::List,
                list_offset: 0,
                link: 0,
                detail_offset: 0,
            },
            graph: GraphState {
                overview: false,
                column: Column::Fillers,
                index: 0,
            },
            matrix: MatrixState {
                row: 0,
                col: 1,
                offset: 0,
                sort: None,
            },
            flags: FlagsState {
                row: 0,
                offset: 0,
                sort: FlagSort::Severity,
            },
            weights: WeightsState { row: 0, offset: 0 },
            compare: Default::default(),
            comparison: None,
            search: Search::default(),
            help: None,
            export: None,
            status: o.message,
            size: Rect::new(0, 0, 80, 24),
            keymap: o.keymap,
            theme: o.theme,
        };
        app.follow_selection();
        Ok(app)
    }

    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.dataset.name(id, self.lang)
    }

    /// Position of the selected body in display order.
    pub fn selected_index(&self) -> usize {
        self.order
            .iter()
            .position(|&i| self.dataset.bodies[i].id == self.selected)
            .unwrap_or(0)
    }

    pub fn body_at(&self, display_index: usize) -> Option<&crate::model::Body> {
        self.order
            .get(display_index)
            .and_then(|&i| self.dataset.bodies.get(i))
    }

    /// The highest severity among a body's flags.
    pub fn worst_flag(&self, body: &str) -> Option<Severity> {
        self.analysis.flags_of(body).map(|f| f.severity).min()
    }

    /// Matrix rows: body indices in the order the sort puts them.
    pub fn matrix_rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = self.order.clone();
        if let Some((col, desc)) = self.matrix.sort {
            let principals = &self.analysis.principals;
            let key = |i: &usize| -> f64 {
                let a = &self.analysis.bodies[*i];
                if col == 0 {
                    0.0
                } else if col <= principals.len() {
                    a.control_of(&principals[col - 1])
                } else {
                    a.hhi
                }
            };
            // Stable sorts: ties keep the display order in either direction.
            rows.sort_by(|a, b| {
                let ord = if col == 0 {
                    self.dataset.bodies[*a]
                        .name(self.lang)
                        .cmp(self.dataset.bodies[*b].name(self.lang))
                } else {
                    key(a).total_cmp(&key(b))
                };
                if desc { ord.reverse() } else { ord }
            });
        }
        rows
    }

    /// Flag indices in the order the sort puts them.
    pub fn flag_rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = (0..self.analysis.flags.len()).collect();
        let flags = &self.analysis.flags;
        match self.flags.sort {
            FlagSort::Severity => {} // the analysis already sorts by severity, then body
            FlagSort::Body => rows.sort_by(|a, b| {
                self.name(&flags[*a].body)
                    .cmp(self.name(&flags[*b].body))
                    .then(flags[*a].severity.cmp(&flags[*b].severity))
            }),
            FlagSort::Rule => rows.sort_by(|a, b| {
                flags[*a]
                    .rule
                    .cmp(flags[*b].rule)
                    .then(flags[*a].severity.cmp(&flags[*b].severity))
            }),
        }
        rows
    }

    /// Rows of the Weights view: the weights, then every body as a principal candidate.
    pub fn weight_rows(&self) -> usize {
        crate::model::Weights::NAMES.len() + self.dataset.bodies.len()
    }

    fn set_status(&mut self, text: impl Into<String>, kind: StatusKind) {
        self.status = Some(Status {
            text: text.into(),
            kind,
        });
    }

    /// Recomputes the analysis after the options changed; on failure restores `previous` and
    /// says why in the status bar.
    fn reanalyze(&mut self, previous: Options) -> bool {
        match analysis::analyze(&self.dataset, &self.options) {
            Ok(a) => {
                self.analysis = a;
                self.comparison = None;
                self.delta = None;
                true
            }
            Err(e) => {
                self.options = previous;
                self.set_status(e.to_string(), StatusKind::Error);
                false
            }
        }
    }

    /// Switches a reform preset on or off; a conflict or an invalid result is refused with its
    /// reason in the status bar, and nothing changes.
    pub fn toggle_reform(&mut self, id: &str) {
        let previous = self.scenario.active.clone();
        let on = self.scenario.toggle(id);
        match self.scenario.reformed() {
            Ok(dataset) => {
                if self.set_dataset(dataset) {
                    let list = if self.scenario.active.is_empty() {
                        "none: the baseline".to_string()
                    } else {
                        self.scenario.active.join(" + ")
                    };
                    self.set_status(
                        format!("{id} {} · active: {list}", if on { "on" } else { "off" }),
                        StatusKind::Info,
                    );
                } else {
                    self.scenario.active = previous;
                }
            }
            Err(e) => {
                self.scenario.active = previous;
                self.set_status(e.to_string().replace('\n', " "), StatusKind::Error);
            }
        }
    }

    /// Switches every reform off.
    pub fn reset_reforms(&mut self) {
        let previous = self.scenario.active.clone();
        self.scenario.reset();
        let ok = match self.scenario.reformed() {
            Ok(dataset) => self.set_dataset(dataset),
            Err(_) => false,
        };
        if ok {
            self.set_status("all reforms off: the baseline", StatusKind::Info);
        } else {
            self.scenario.active = previous;
        }
    }

    /// Puts a new dataset on screen (the baseline with other reforms); false, with the reason
    /// in the status bar, if it cannot be analysed.
    fn set_dataset(&mut self, dataset: Dataset) -> bool {
        let mut options = self.options.clone();
        if !self.custom_principals {
            options.principals = dataset.principals();
        } else {
            options.principals.retain(|p| dataset.body(p).is_some());
        }
        match analysis::analyze(&dataset, &options) {
            Ok(a) => {
                self.dataset = dataset;
                self.options = options;
                self.analysis = a;
                self.order = display_order(&self.dataset);
                if self.dataset.body(&self.selected).is_none() {
                    self.selected = default_selection(&self.dataset);
                }
                self.history.retain(|h| self.dataset.body(h).is_some());
                self.comparison = None;
                self.delta = None;
                self.matrix.row = 0;
                self.flags.row = self
                    .flags
                    .row
                    .min(self.analysis.flags.len().saturating_sub(1));
                self.on_new_selection();
                true
            }
            Err(e) => {
                self.set_status(
                    format!("cannot analyse the reformed state: {e}"),
                    StatusKind::Error,
                );
                false
            }
        }
    }

    /// The dataset id with the active reforms: `kz-2022+P5+P10`.
    pub fn state_label(&self) -> String {
        let mut s = self.dataset.meta.id.clone();
        for a in &self.scenario.active {
            s.push('+');
            s.push_str(a);
        }
        s
    }

    /// Makes `id` the selected body, remembering the previous one for Backspace.
    pub fn jump_to(&mut self, id: &str) {
        if self.dataset.body(id).is_none() || id == self.selected {
            return;
        }
        self.history.push(self.selected.clone());
        self.selected = id.to_string();
        self.on_new_selection();
    }

    fn on_new_selection(&mut self) {
        self.bodies.link = 0;
        self.bodies.detail_offset = 0;
        self.graph.index = 0;
        self.follow_selection();
    }

    /// Keeps the selected body visible in the Bodies list and the matrix row on it.
    fn follow_selection(&mut self) {
        let height = layout::list_height(self.size);
        let row = layout::body_list_row(self, self.selected_index());
        self.bodies.list_offset = scroll_to(self.bodies.list_offset, row, height);
        if let Some(r) = self
            .matrix_rows()
            .iter()
            .position(|&i| self.dataset.bodies[i].id == self.selected)
        {
            self.matrix.row = r;
            self.matrix.offset = scroll_to(self.matrix.offset, r, layout::matrix_height(self.size));
        }
    }
}

/// The offset that keeps `row` inside a window of `height` rows.
pub fn scroll_to(offset: usize, row: usize, height: usize) -> usize {
    let height = height.max(1);
    if row < offset {
        row
    } else if row >= offset + height {
        row + 1 - height
    } else {
        offset
    }
}

fn display_order(d: &Dataset) -> Vec<usize> {
    let mut order = Vec::with_capacity(d.bodies.len());
    for branch in Branch::ALL {
        order.extend(
            d.bodies
                .iter()
                .enumerate()
                .filter(|(_, b)| b.branch == *branch)
                .map(|(i, _)| i),
        );
    }
    order
}

/// The constitutional court when there is one: the body the tool exists to look at.
fn default_selection(d: &Dataset) -> BodyId {
    d.bodies
        .iter()
        .find(|b| b.role == Some(crate::model::Role::ConstitutionalReview))
        .or_else(|| d.bodies.first())
        .map(|b| b.id.clone())
        .unwrap_or_default()
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
        _ => None,
    }
}

pub fn action_from_key(app: &App, key: KeyEvent) -> Option<Action> {
    if app.export.is_some() {
        // The picker's path is text in any layout; arrows pick the format.
        return match key.code {
            KeyCode::Esc => Some(Action::ExportCancel),
            KeyCode::Enter => Some(Action::ExportConfirm),
            KeyCode::Backspace => Some(Action::ExportBackspace),
            KeyCode::Up | KeyCode::BackTab => Some(Action::ExportMove { down: false }),
            KeyCode::Down | KeyCode::Tab => Some(Action::ExportMove { down: true }),
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::ExportCancel)
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::ExportInput(c))
            }
            _ => None,
        };
    }
    if app.search.prompt.is_some() {
        // Inside the prompt letters are text, in any layout; only editing keys act.
        return match key.code {
            KeyCode::Esc => Some(Action::SearchCancel),
            KeyCode::Enter => Some(Action::SearchSubmit),
            KeyCode::Backspace => Some(Action::SearchBackspace),
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::SearchCancel)
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::SearchInput(c))
            }
            _ => None,
        };
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

/// Bodies whose name in any language, or whose id, contains `query` (case-insensitive), in
/// display order.
pub fn search_matches(app: &App, query: &str) -> Vec<BodyId> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    app.order
        .iter()
        .map(|&i| &app.dataset.bodies[i])
        .filter(|b| {
            b.id.to_lowercase().contains(&q)
                || Lang::ALL
                    .iter()
                    .any(|l| b.name(*l).to_lowercase().contains(&q))
        })
        .map(|b| b.id.clone())
        .collect()
}

/// The one function that changes the explorer's state.
pub fn update(app: &mut App, action: Action) -> Effect {
    let effect = apply(app, action);
    // Derived data a view needs is computed here, when its inputs changed, never while drawing.
    super::views::compare::refresh(app);
    super::views::reforms::refresh(app);
    effect
}

fn apply(app: &mut App, action: Action) -> Effect {
    match action {
        Action::Command(c) => {
            // A message lasts until the next key.
            app.status = None;
            return command(app, c);
        }
        Action::SearchInput(c) => {
            if let Some(p) = &mut app.search.prompt {
                p.push(c);
                let q = p.clone();
                preview_search(app, &q);
            }
        }
        Action::SearchBackspace => {
            if let Some(p) = &mut app.search.prompt {
                p.pop();
                let q = p.clone();
                preview_search(app, &q);
            }
        }
        Action::SearchSubmit => {
            let query = app.search.prompt.take().unwrap_or_default();
            let matches = search_matches(app, &query);
            app.search.query = query.clone();
            app.search.matches = matches.clone();
            match matches.first() {
                Some(first) => {
                    let first = first.clone();
                    app.jump_to(&first);
                    app.set_status(
                        format!(
                            "/{query}: {} match{} ({} next, {} previous)",
                            matches.len(),
                            if matches.len() == 1 { "" } else { "es" },
                            app.keymap.keys_text(Command::NextMatch),
                            app.keymap.keys_text(Command::PrevMatch)
                        ),
                        StatusKind::Info,
                    );
                }
                None => app.set_status(format!("/{query}: no body matches"), StatusKind::Error),
            }
        }
        Action::SearchCancel => {
            app.search.prompt = None;
            app.status = None;
        }
        Action::Resize { width, height } => {
            app.size = Rect::new(0, 0, width, height);
            app.follow_selection();
        }
        Action::ExportMove { down } => super::views::export::move_choice(app, down),
        Action::ExportInput(c) => {
            if let Some(p) = &mut app.export {
                p.path.push(c);
                p.edited = true;
            }
        }
        Action::ExportBackspace => {
            if let Some(p) = &mut app.export {
                p.path.pop();
                p.edited = true;
            }
        }
        Action::ExportCancel => app.export = None,
        Action::ExportConfirm => {
            let Some(p) = app.export.clone() else {
                return Effect::None;
            };
            if p.path.trim().is_empty() {
                app.set_status("export: type a file name", StatusKind::Error);
                return Effect::None;
            }
            match super::views::export::render_bytes(app, p.choice) {
                Ok(bytes) => {
                    app.export = None;
                    app.set_status(format!("writing {} …", p.path), StatusKind::Info);
                    return Effect::Write {
                        path: std::path::PathBuf::from(p.path.trim()),
                        bytes,
                    };
                }
                Err(e) => app.set_status(format!("export: {e}"), StatusKind::Error),
            }
        }
        Action::Written(result) => match result {
            Ok(path) => app.set_status(format!("exported to {path}"), StatusKind::Info),
            Err(e) => app.set_status(format!("export failed: {e}"), StatusKind::Error),
        },
        Action::Click { column, row } => click(app, Position::new(column, row)),
        Action::Scroll { column, row, down } => {
            let target = layout::hit(app, Position::new(column, row));
            let step = if down { Command::Down } else { Command::Up };
            if let Some(layout::Hit::Detail) = target {
                app.bodies.focus = Pane::Detail;
            } else if let Some(layout::Hit::ListRow(_)) = target {
                app.bodies.focus = Pane::List;
            }
            for _ in 0..3 {
                command(app, step);
            }
        }
    }
    Effect::None
}

fn preview_search(app: &mut App, query: &str) {
    let n = search_matches(app, query).len();
    app.set_status(
        if query.is_empty() {
            "type a name in English, Russian or Kazakh, or an id".to_string()
        } else {
            format!("{n} match{}", if n == 1 { "" } else { "es" })
        },
        if n == 0 && !query.is_empty() {
            StatusKind::Error
        } else {
            StatusKind::Info
        },
    );
}

fn cycle_match(app: &mut App, forward: bool) {
    if app.search.matches.is_empty() {
        app.set_status("no search: press / to search", StatusKind::Info);
        return;
    }
    let n = app.search.matches.len();
    let current = app.search.matches.iter().position(|m| *m == app.selected);
    let next = match (current, forward) {
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
        (None, true) => 0,
        (None, false) => n - 1,
    };
    let id = app.search.matches[next].clone();
    app.jump_to(&id);
    app.set_status(
        format!("/{}: match {} of {n}", app.search.query, next + 1),
        StatusKind::Info,
    );
}

const VIEWS: [View; 7] = [
    View::Bodies,
    View::Graph,
    View::Matrix,
    View::Flags,
    View::Weights,
    View::Reforms,
    View::Compare,
];

pub fn views() -> &'static [View] {
    &VIEWS
}

fn command(app: &mut App, c: Command) -> Effect {
    if let Some(scroll) = app.help {
        // The help overlay takes the keys it needs and closes on anything else.
        match c {
            Command::Down => app.help = Some(scroll + 1),
            Command::Up => app.help = Some(scroll.saturating_sub(1)),
            Command::PageDown | Command::HalfPageDown => app.help = Some(scroll + 10),
            Command::PageUp | Command::HalfPageUp => app.help = Some(scroll.saturating_sub(10)),
            Command::Top => app.help = Some(0),
            _ => app.help = None,
        }
        return Effect::None;
    }
    match c {
        Command::Quit => return Effect::Quit,
        Command::Help => app.help = Some(0),
        Command::Export => app.export = Some(super::views::export::open(app)),
        Command::NextView | Command::PrevView => {
            let i = VIEWS.iter().position(|v| *v == app.view).unwrap_or(0);
            let n = VIEWS.len();
            app.view = VIEWS[if c == Command::NextView {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            }];
        }
        Command::Show(v) => app.view = v,
        Command::Language => {
            app.lang = app.lang.next();
            app.set_status(
                format!("names in {}", language_name(app.lang)),
                StatusKind::Info,
            );
        }
        Command::Search => {
            app.search.prompt = Some(String::new());
            preview_search(app, "");
        }
        Command::NextMatch => cycle_match(app, true),
        Command::PrevMatch => cycle_match(app, false),
        Command::Back => match app.history.pop() {
            Some(id) => {
                app.selected = id;
                app.on_new_selection();
            }
            None => app.set_status("nothing to go back to", StatusKind::Info),
        },
        _ => match app.view {
            View::Bodies => super::views::bodies::command(app, c),
            View::Graph => super::views::graph::command(app, c),
            View::Matrix => super::views::matrix::command(app, c),
            View::Flags => super::views::flags::command(app, c),
            View::Weights => weights_command(app, c),
            View::Reforms => super::views::reforms::command(app, c),
            View::Compare => super::views::compare::command(app, c),
        },
    }
    Effect::None
}

pub fn language_name(l: Lang) -> &'static str {
    match l {
        Lang::En => "English",
        Lang::Ru => "Russian (русский)",
        Lang::Kk => "Kazakh (қазақша)",
    }
}

/// Moves a list selection by a command; returns the new index.
pub fn step(index: usize, len: usize, c: Command, page: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let last = len - 1;
    let page = page.max(1);
    match c {
        Command::Up => index.saturating_sub(1),
        Command::Down => (index + 1).min(last),
        Command::PageUp => index.saturating_sub(page),
        Command::PageDown => (index + page).min(last),
        Command::HalfPageUp => index.saturating_sub(page / 2),
        Command::HalfPageDown => (index + page / 2).min(last),
        Command::Top => 0,
        Command::Bottom => last,
        _ => index.min(last),
    }
}

/// Selects the body at a display position (Bodies list, clicks).
pub fn select_display(app: &mut App, display: usize) {
    if let Some(b) = app.body_at(display) {
        let id = b.id.clone();
        if id != app.selected {
            app.selected = id;
            app.on_new_selection();
        }
    }
}

fn weights_command(app: &mut App, c: Command) {
    let n_weights = crate::model::Weights::NAMES.len();
    let rows = app.weight_rows();
    let height = layout::weights_height(app.size);
    match c {
        Command::Up
        | Command::Down
        | Command::PageUp
        | Command::PageDown
        | Command::HalfPageUp
        | Command::HalfPageDown
        | Command::Top
        | Command::Bottom => {
            app.weights.row = step(app.weights.row, rows, c, height);
            let visual = layout::weights_visual_row(app.weights.row);
            app.weights.offset = scroll_to(app.weights.offset, visual, height);
        }
        Command::Increase | Command::Decrease | Command::Right | Command::Left
            if app.weights.row < n_weights =>
        {
            let name = crate::model::Weights::NAMES[app.weights.row];
            let current = app.options.weights.get(name).unwrap_or(0.0);
            let up = matches!(c, Command::Increase | Command::Right);
            let mut value = if up {
                current + WEIGHT_STEP
            } else {
                current - WEIGHT_STEP
            };
            value = (value / WEIGHT_STEP).round() * WEIGHT_STEP;
            let max = if name == "at_will_removal" { 1.0 } else { 5.0 };
            let min = if name == "propose" { WEIGHT_STEP } else { 0.0 };
            value = value.clamp(min, max);
            let previous = app.options.clone();
            if let Err(e) = app.options.weights.set(name, value) {
                app.set_status(e, StatusKind::Error);
                return;
            }
            if app.reanalyze(previous) {
                app.set_status(format!("{name} = {value:.2}"), StatusKind::Info);
            }
        }
        Command::Toggle | Command::Activate if app.weights.row >= n_weights => {
            let body = &app.dataset.bodies[app.weights.row - n_weights];
            let id = body.id.clone();
            if body.channels.is_empty() {
                app.set_status(
                    format!(
                        "{} is filled by no one: it is always a principal",
                        app.name(&id)
                    ),
                    StatusKind::Info,
                );
                return;
            }
            let previous = app.options.clone();
            app.custom_principals = true;
            let on = !app.options.principals.contains(&id);
            if on {
                app.options.principals.push(id.clone());
            } else {
                app.options.principals.retain(|p| *p != id);
            }
            if app.reanalyze(previous) {
                app.set_status(
                    format!(
                        "{} {} a principal",
                        app.name(&id),
                        if on { "is now" } else { "is no longer" }
                    ),
                    StatusKind::Info,
                );
            }
        }
        Command::Reset => {
            let previous = app.options.clone();
            app.options = Options::of(&app.dataset);
            app.custom_principals = false;
            if app.reanalyze(previous) {
                app.set_status(
                    "weights and principals restored to the dataset's",
                    StatusKind::Info,
                );
            }
        }
        _ => {}
    }
}

fn click(app: &mut App, at: Position) {
    match layout::hit(app, at) {
        Some(layout::Hit::Tab(v)) => app.view = v,
        Some(layout::Hit::ListRow(display)) => {
            app.bodies.focus = Pane::List;
            select_display(app, display);
        }
        Some(layout::Hit::Detail) => app.bodies.focus = Pane::Detail,
        Some(layout::Hit::MatrixRow(r)) => {
            app.matrix.row = r;
            if let Some(&i) = app.matrix_rows().get(r) {
                let id = app.dataset.bodies[i].id.clone();
                if id != app.selected {
                    app.selected = id;
                    app.on_new_selection();
                }
            }
        }
        Some(layout::Hit::FlagRow(r)) => app.flags.row = r,
        Some(layout::Hit::WeightRow(r)) => app.weights.row = r,
        Some(layout::Hit::ReformRow(r)) => {
            app.reforms.focus = Pane::List;
            app.reforms.row = r;
        }
        Some(layout::Hit::CompareRow(r)) => {
            app.compare.focus = Pane::List;
            app.compare.row = r;
        }
        None => {}
    }
}

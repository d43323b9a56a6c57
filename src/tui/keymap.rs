//! The key bindings: one table that drives dispatch, the help screen and the status-bar hints.
//!
//! Keys are data. A user overrides any command's keys in the config file (`keys: { "quit":
//! ["q", "ctrl-c"] }`); commands the file does not name keep their defaults. Letters typed on a
//! Russian or Kazakh (ЙЦУКЕН) layout act as the QWERTY key in the same position, so `й` quits
//! like `q`, except inside the search prompt, where letters are text.

use std::collections::BTreeMap;
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::tabs::View;

/// What a key does. The snake_case names are the ones the config file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Command {
    Quit,
    Help,
    NextView,
    PrevView,
    Show(View),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    Activate,
    Back,
    Search,
    NextMatch,
    PrevMatch,
    Language,
    Sort,
    Increase,
    Decrease,
    Toggle,
    Reset,
    Overview,
    Export,
    /// Whether an at-will dissolution puts consents under threat (codebook R-THREAT).
    Threat,
    /// The next weight band the ranges run over.
    Band,
    /// The sweep chart of the selected body.
    Sweep,
    /// Undo the last change of the weights, principals or reforms.
    Undo,
    /// Redo the last change undone.
    Redo,
    /// How the selected figure is made, step by step.
    Explain,
    /// Play a guided tour.
    Tour,
    /// The law as written or with the dataset's de facto layer (codebook R34).
    Layer,
    /// What a body with blocs counts: seats, Banzhaf or Shapley-Shubik power (codebook R33).
    ShareModel,
}

/// Where a binding applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Everywhere,
    Views(&'static [View]),
}

impl Scope {
    fn includes(&self, view: View) -> bool {
        match self {
            Scope::Everywhere => true,
            Scope::Views(v) => v.contains(&view),
        }
    }
}

/// A key with its modifiers, as written in the config file: `q`, `G`, `ctrl-d`, `enter`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    pub fn parse(s: &str) -> Result<Key, String> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = s;
        loop {
            if let Some(r) = rest
                .strip_prefix("ctrl-")
                .or_else(|| rest.strip_prefix("C-"))
            {
                ctrl = true;
                rest = r;
            } else if let Some(r) = rest
                .strip_prefix("alt-")
                .or_else(|| rest.strip_prefix("M-"))
            {
                alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" | "shift-tab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "delete" | "del" => KeyCode::Delete,
            other => {
                let mut chars = other.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(c),
                    _ => {
                        return Err(format!(
                            "`{s}` is not a key (write e.g. `q`, `G`, `ctrl-d`, `enter`, `pgdn`)"
                        ));
                    }
                }
            }
        };
        Ok(Key { code, ctrl, alt })
    }

    /// The key a terminal event stands for, with Cyrillic letters moved to their QWERTY place.
    pub fn from_event(e: KeyEvent, translate_layout: bool) -> Key {
        let code = match e.code {
            KeyCode::Char(c) if translate_layout => KeyCode::Char(qwerty(c)),
            other => other,
        };
        Key {
            code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Delete => f.write_str("Del"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The QWERTY key in the position of a letter on the Russian ЙЦУКЕН layout, or on the Kazakh
/// layout, whose number row carries ә і ң ғ ү ұ қ ө һ. Other characters pass unchanged.
pub fn qwerty(c: char) -> char {
    const PAIRS: &[(char, char)] = &[
        ('й', 'q'),
        ('ц', 'w'),
        ('у', 'e'),
        ('к', 'r'),
        ('е', 't'),
        ('н', 'y'),
        ('г', 'u'),
        ('ш', 'i'),
        ('щ', 'o'),
        ('з', 'p'),
        ('х', '['),
        ('ъ', ']'),
        ('ф', 'a'),
        ('ы', 's'),
        ('в', 'd'),
        ('а', 'f'),
        ('п', 'g'),
        ('р', 'h'),
        ('о', 'j'),
        ('л', 'k'),
        ('д', 'l'),
        ('ж', ';'),
        ('э', '\''),
        ('я', 'z'),
        ('ч', 'x'),
        ('с', 'c'),
        ('м', 'v'),
        ('и', 'b'),
        ('т', 'n'),
        ('ь', 'm'),
        ('б', ','),
        ('ю', '.'),
        ('ё', '`'),
        ('Й', 'Q'),
        ('Ц', 'W'),
        ('У', 'E'),
        ('К', 'R'),
        ('Е', 'T'),
        ('Н', 'Y'),
        ('Г', 'U'),
        ('Ш', 'I'),
        ('Щ', 'O'),
        ('З', 'P'),
        ('Х', '{'),
        ('Ъ', '}'),
        ('Ф', 'A'),
        ('Ы', 'S'),
        ('В', 'D'),
        ('А', 'F'),
        ('П', 'G'),
        ('Р', 'H'),
        ('О', 'J'),
        ('Л', 'K'),
        ('Д', 'L'),
        ('Ж', ':'),
        ('Э', '"'),
        ('Я', 'Z'),
        ('Ч', 'X'),
        ('С', 'C'),
        ('М', 'V'),
        ('И', 'B'),
        ('Т', 'N'),
        ('Ь', 'M'),
        ('Б', '<'),
        ('Ю', '>'),
        ('Ё', '~'),
        // Kazakh: the number row.
        ('ә', '2'),
        ('і', '3'),
        ('ң', '4'),
        ('ғ', '5'),
        ('ү', '8'),
        ('ұ', '9'),
        ('қ', '0'),
        ('ө', '-'),
        ('һ', '='),
        ('Ә', '2'),
        ('І', '3'),
        ('Ң', '4'),
        ('Ғ', '5'),
        ('Ү', '8'),
        ('Ұ', '9'),
        ('Қ', '0'),
        ('Ө', '-'),
        ('Һ', '='),
    ];
    PAIRS
        .iter()
        .find(|(cyr, _)| *cyr == c)
        .map(|(_, lat)| *lat)
        .unwrap_or(c)
}

/// One row of the table.
#[derive(Debug, Clone)]
pub struct Binding {
    pub command: Command,
    pub name: &'static str,
    pub keys: Vec<Key>,
    pub help: &'static str,
    pub scope: Scope,
}

use Command as C;
use KeyCode as K;

const LISTS: &[View] = &[
    View::Bodies,
    View::Graph,
    View::Matrix,
    View::Flags,
    View::Weights,
    View::Reforms,
    View::Compare,
    View::Sources,
];
const SORTABLE: &[View] = &[View::Matrix, View::Flags];
const WEIGHTS: &[View] = &[View::Weights];
const TOGGLES: &[View] = &[View::Weights, View::Reforms, View::Compare];
const RESETS: &[View] = &[View::Weights, View::Reforms];
const GRAPH: &[View] = &[View::Graph];
const SWEEPS: &[View] = &[View::Bodies, View::Compare];
const EXPLAINS: &[View] = &[
    View::Bodies,
    View::Matrix,
    View::Weights,
    View::Reforms,
    View::Compare,
];

fn defaults() -> Vec<Binding> {
    let b = |command, name, keys: &[Key], help, scope| Binding {
        command,
        name,
        keys: keys.to_vec(),
        help,
        scope,
    };
    let all = Scope::Everywhere;
    vec![
        b(
            C::Quit,
            "quit",
            &[Key::ch('q'), Key::plain(K::Esc), Key::ctrl('c')],
            "quit (Esc first closes help or search)",
            all.clone(),
        ),
        b(
            C::Help,
            "help",
            &[Key::ch('?')],
            "show or hide this help",
            all.clone(),
        ),
        b(
            C::NextView,
            "next_view",
            &[Key::plain(K::Tab)],
            "next view",
            all.clone(),
        ),
        b(
            C::PrevView,
            "prev_view",
            &[Key::plain(K::BackTab)],
            "previous view",
            all.clone(),
        ),
        b(
            C::Show(View::Bodies),
            "view_bodies",
            &[Key::ch('1')],
            "Bodies: composition, control, powers, flags",
            all.clone(),
        ),
        b(
            C::Show(View::Graph),
            "view_graph",
            &[Key::ch('2')],
            "Graph: the selected body's neighbourhood",
            all.clone(),
        ),
        b(
            C::Show(View::Matrix),
            "view_matrix",
            &[Key::ch('3')],
            "Control matrix: principals by bodies",
            all.clone(),
        ),
        b(
            C::Show(View::Flags),
            "view_flags",
            &[Key::ch('4')],
            "Flags: every flag with its sources",
            all.clone(),
        ),
        b(
            C::Show(View::Weights),
            "view_weights",
            &[Key::ch('5')],
            "Weights and principals",
            all.clone(),
        ),
        b(
            C::Show(View::Reforms),
            "view_reforms",
            &[Key::ch('6')],
            "Reforms: switch the article's proposals on and off, with their effect",
            all.clone(),
        ),
        b(
            C::Show(View::Compare),
            "view_compare",
            &[Key::ch('7')],
            "Compare: states side by side",
            all.clone(),
        ),
        b(
            C::Show(View::Sources),
            "view_sources",
            &[Key::ch('8')],
            "Sources: the bibliography, every citation, and the text of the article it cites",
            all.clone(),
        ),
        b(
            C::Up,
            "up",
            &[Key::plain(K::Up), Key::ch('k')],
            "move up",
            Scope::Views(LISTS),
        ),
        b(
            C::Down,
            "down",
            &[Key::plain(K::Down), Key::ch('j')],
            "move down",
            Scope::Views(LISTS),
        ),
        b(
            C::Left,
            "left",
            &[Key::plain(K::Left), Key::ch('h')],
            "left: the list pane, the fillers column, the previous column",
            Scope::Views(LISTS),
        ),
        b(
            C::Right,
            "right",
            &[Key::plain(K::Right), Key::ch('l')],
            "right: the detail pane, the filled column, the next column",
            Scope::Views(LISTS),
        ),
        b(
            C::PageUp,
            "page_up",
            &[Key::plain(K::PageUp)],
            "page up",
            Scope::Views(LISTS),
        ),
        b(
            C::PageDown,
            "page_down",
            &[Key::plain(K::PageDown)],
            "page down",
            Scope::Views(LISTS),
        ),
        b(
            C::HalfPageUp,
            "half_page_up",
            &[Key::ctrl('u')],
            "half a page up",
            Scope::Views(LISTS),
        ),
        b(
            C::HalfPageDown,
            "half_page_down",
            &[Key::ctrl('d')],
            "half a page down",
            Scope::Views(LISTS),
        ),
        b(
            C::Top,
            "top",
            &[Key::ch('g'), Key::plain(K::Home)],
            "first item",
            Scope::Views(LISTS),
        ),
        b(
            C::Bottom,
            "bottom",
            &[Key::ch('G'), Key::plain(K::End)],
            "last item",
            Scope::Views(LISTS),
        ),
        b(
            C::Activate,
            "activate",
            &[Key::plain(K::Enter)],
            "open: jump to the body under the cursor",
            Scope::Views(LISTS),
        ),
        b(
            C::Back,
            "back",
            &[Key::plain(K::Backspace)],
            "go back to the previous body",
            all.clone(),
        ),
        b(
            C::Search,
            "search",
            &[Key::ch('/')],
            "search bodies by name (en, ru, kk) or id",
            all.clone(),
        ),
        b(
            C::NextMatch,
            "next_match",
            &[Key::ch('n')],
            "next search match",
            all.clone(),
        ),
        b(
            C::PrevMatch,
            "prev_match",
            &[Key::ch('N')],
            "previous search match",
            all.clone(),
        ),
        b(
            C::Language,
            "language",
            &[Key::ch('L')],
            "names in English, Russian, Kazakh",
            all.clone(),
        ),
        b(
            C::Sort,
            "sort",
            &[Key::ch('s')],
            "sort by the selected column (again: reverse)",
            Scope::Views(SORTABLE),
        ),
        b(
            C::Increase,
            "increase",
            &[Key::ch('+'), Key::ch('=')],
            "raise the selected weight",
            Scope::Views(WEIGHTS),
        ),
        b(
            C::Decrease,
            "decrease",
            &[Key::ch('-'), Key::ch('_')],
            "lower the selected weight",
            Scope::Views(WEIGHTS),
        ),
        b(
            C::Toggle,
            "toggle",
            &[Key::ch(' ')],
            "switch the selected item on or off: a principal, a reform, a dataset in the comparison",
            Scope::Views(TOGGLES),
        ),
        b(
            C::Reset,
            "reset",
            &[Key::ch('r')],
            "back to the baseline: the dataset's weights and principals, or no reform",
            Scope::Views(RESETS),
        ),
        b(
            C::Overview,
            "overview",
            &[Key::ch('o')],
            "switch between neighbourhood and whole system",
            Scope::Views(GRAPH),
        ),
        b(
            C::Export,
            "export",
            &[Key::ch('e')],
            "export what is on screen (Markdown, JSON, DOT, SVG, Mermaid, CSV, GraphML)",
            all.clone(),
        ),
        b(
            C::Threat,
            "threat",
            &[Key::ch('T')],
            "at-will dissolution counts as a threat to consents: off (the default) / on",
            Scope::Views(WEIGHTS),
        ),
        b(
            C::Band,
            "band",
            &[Key::ch('b')],
            "the band the ranges run over: consent 0.5–2 (default), 0.25–4, none",
            Scope::Views(WEIGHTS),
        ),
        b(
            C::Sweep,
            "sweep",
            &[Key::ch('s')],
            "sweep chart: the body's control by the head of state as a weight goes 0–2 (←/→ another weight, any other key closes)",
            Scope::Views(SWEEPS),
        ),
        b(
            C::Undo,
            "undo",
            &[Key::ch('u')],
            "undo the last change of the weights, principals or reforms",
            all.clone(),
        ),
        b(
            C::Redo,
            "redo",
            &[Key::ctrl('r')],
            "redo the last change undone",
            all.clone(),
        ),
        b(
            C::Explain,
            "explain",
            &[Key::ch('x')],
            "explain the selected figure: the seats by channel, the weights' split, each path, the vetoes, the range, each with its article and rule",
            Scope::Views(EXPLAINS),
        ),
        b(
            C::Tour,
            "tour",
            &[Key::ch('t')],
            "play a guided tour (←/→ or n/p move, Esc leaves; other keys explore from the step)",
            all.clone(),
        ),
        b(
            C::Layer,
            "layer",
            &[Key::ch('d')],
            "de facto layer on/off: every figure with the dataset's cited blocs and practice, or the law alone",
            all.clone(),
        ),
        b(
            C::ShareModel,
            "share_model",
            &[Key::ch('m')],
            "share model for bodies with blocs: seats / Banzhaf / Shapley-Shubik",
            Scope::Views(WEIGHTS),
        ),
    ]
}

/// Keys the explorer keeps for itself in every state: Ctrl-C always quits (so a config file can
/// never take away the last way out) and Ctrl-Z suspends, as in a shell.
pub const RESERVED: [(Key, &str); 2] = [
    (Key::ctrl('c'), "always quits"),
    (Key::ctrl('z'), "suspends the explorer"),
];

/// A problem with the key bindings of a config file, and where it is: the command and the key
/// as written there (the key empty when the command itself is the problem).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub at: Option<(String, String)>,
}

impl Problem {
    fn new(message: String, command: &str, key: &str) -> Problem {
        Problem {
            message,
            at: Some((command.to_string(), key.to_string())),
        }
    }
}

/// The bindings in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: defaults(),
        }
    }
}

impl Keymap {
    /// Replaces the keys of the commands `overrides` names. Every problem is reported; the
    /// commands without problems still take their new keys. Whatever the file says, some key
    /// besides Ctrl-C quits in every view: a binding that would take the last one away is
    /// refused for that key.
    pub fn apply_overrides(&mut self, overrides: &BTreeMap<String, Vec<String>>) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (name, keys) in overrides {
            let Some(binding) = self.bindings.iter_mut().find(|b| b.name == name) else {
                let names: Vec<&str> = defaults().iter().map(|b| b.name).collect();
                let hint = crate::diag::did_you_mean(name, names.iter().copied())
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                problems.push(Problem::new(
                    format!("keys: unknown command `{name}`{hint}"),
                    name,
                    "",
                ));
                continue;
            };
            let mut parsed = Vec::new();
            for k in keys {
                match Key::parse(k) {
                    // Ctrl-C among the quit keys says what is true anyway.
                    Ok(key) if binding.command == Command::Quit && key == Key::ctrl('c') => {
                        parsed.push(key)
                    }
                    Ok(key) => match RESERVED.iter().find(|(r, _)| *r == key) {
                        Some((_, what)) => problems.push(Problem::new(
                            format!(
                                "keys.{name}: `{k}` {what} and cannot be bound to another command"
                            ),
                            name,
                            k,
                        )),
                        None => parsed.push(key),
                    },
                    Err(e) => problems.push(Problem::new(format!("keys.{name}: {e}"), name, k)),
                }
            }
            if !parsed.is_empty() {
                binding.keys = parsed;
            }
        }
        problems.extend(self.keep_a_quit_key(overrides));
        problems
    }

    /// Whether a key other than Ctrl-C quits in every view.
    pub fn can_quit_everywhere(&self) -> bool {
        View::ALL.iter().all(|v| self.quit_key(*v).is_some())
    }

    fn quit_key(&self, view: View) -> Option<Key> {
        let quit = self.binding(Command::Quit)?;
        quit.keys
            .iter()
            .copied()
            .find(|k| *k != Key::ctrl('c') && self.lookup(*k, view) == Some(Command::Quit))
    }

    /// Gives quit a key back when the overrides left it none: the default keys if the file
    /// bound quit to Ctrl-C alone, else its first key, taken from the commands that shadow it.
    fn keep_a_quit_key(&mut self, overrides: &BTreeMap<String, Vec<String>>) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.can_quit_everywhere() {
            return problems;
        }
        let Some(i) = self
            .bindings
            .iter()
            .position(|b| b.command == Command::Quit)
        else {
            return problems;
        };
        if self.bindings[i].keys.iter().all(|k| *k == Key::ctrl('c')) {
            self.bindings[i].keys = defaults()[i].keys.clone();
            problems.push(Problem::new(
                "keys.quit: no key besides ctrl-c would quit; the default keys are kept".into(),
                "quit",
                "",
            ));
            if self.can_quit_everywhere() {
                return problems;
            }
        }
        let Some(key) = self.bindings[i]
            .keys
            .iter()
            .copied()
            .find(|k| *k != Key::ctrl('c'))
        else {
            return problems;
        };
        let written = |command: &str| {
            overrides
                .get(command)
                .and_then(|keys| keys.iter().find(|k| Key::parse(k).ok() == Some(key)))
                .cloned()
        };
        for j in 0..self.bindings.len() {
            let b = &mut self.bindings[j];
            if j == i || !b.keys.contains(&key) {
                continue;
            }
            b.keys.retain(|k| *k != key);
            // Where the file is at fault: the binding that took the key, or else quit's own.
            let (command, k) = match written(b.name) {
                Some(k) => (b.name.to_string(), k),
                None => ("quit".to_string(), written("quit").unwrap_or_default()),
            };
            problems.push(Problem::new(
                format!(
                    "keys.{}: `{key}` is the last key that quits besides Ctrl-C; it stays with quit",
                    b.name
                ),
                &command,
                &k,
            ));
        }
        problems
    }

    /// The command a key triggers in `view`; bindings scoped to the view win over global ones.
    pub fn lookup(&self, key: Key, view: View) -> Option<Command> {
        let matches =
            |b: &&Binding| b.scope.includes(view) && b.keys.iter().any(|k| keys_match(*k, key));
        self.bindings
            .iter()
            .filter(|b| b.scope != Scope::Everywhere)
            .find(matches)
            .or_else(|| self.bindings.iter().find(matches))
            .map(|b| b.command)
    }

    pub fn binding(&self, command: Command) -> Option<&Binding> {
        self.bindings.iter().find(|b| b.command == command)
    }

    /// "q/Esc" for the status bar and the help.
    pub fn keys_text(&self, command: Command) -> String {
        self.binding(command)
            .map(|b| {
                b.keys
                    .iter()
                    .map(Key::to_string)
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .unwrap_or_default()
    }

    /// Bindings that apply in `view`, in table order: the help screen's content.
    pub fn for_view(&self, view: View) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.scope.includes(view))
    }
}

fn keys_match(bound: Key, pressed: Key) -> bool {
    match (bound.code, pressed.code) {
        // Shift is part of the character itself ('G', '?'); terminals differ on whether they
        // also report the modifier.
        (KeyCode::Char(a), KeyCode::Char(b)) => {
            a == b && bound.ctrl == pressed.ctrl && bound.alt == pressed.alt
        }
        (a, b) => a == b && bound.ctrl == pressed.ctrl && bound.alt == pressed.alt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(c: char) -> Key {
        Key::from_event(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), true)
    }

    #[test]
    fn cyrillic_letters_act_as_their_qwerty_position() {
        let k = Keymap::default();
        assert_eq!(k.lookup(press('й'), View::Bodies), Some(C::Quit));
        assert_eq!(k.lookup(press('о'), View::Bodies), Some(C::Down));
        assert_eq!(k.lookup(press('л'), View::Bodies), Some(C::Up));
        assert_eq!(k.lookup(press('П'), View::Bodies), Some(C::Bottom));
        assert_eq!(
            k.lookup(press('ә'), View::Bodies),
            Some(C::Show(View::Graph))
        );
        assert_eq!(k.lookup(press('.'), View::Bodies), None);
    }

    #[test]
    fn view_scoped_bindings_and_overrides() {
        let mut k = Keymap::default();
        assert_eq!(k.lookup(Key::ch('s'), View::Matrix), Some(C::Sort));
        assert_eq!(k.lookup(Key::ch('s'), View::Bodies), Some(C::Sweep));
        assert_eq!(k.lookup(Key::ch('s'), View::Graph), None);
        let mut o = BTreeMap::new();
        o.insert("quit".to_string(), vec!["Q".to_string()]);
        o.insert("qiut".to_string(), vec!["y".to_string()]);
        o.insert(
            "down".to_string(),
            vec!["ctrl-n".to_string(), "nope".to_string()],
        );
        let problems = k.apply_overrides(&o);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("did you mean `quit`"))
        );
        assert_eq!(k.lookup(Key::ch('Q'), View::Bodies), Some(C::Quit));
        assert_eq!(k.lookup(Key::ch('q'), View::Bodies), None);
        assert_eq!(k.lookup(Key::ctrl('n'), View::Flags), Some(C::Down));
        assert_eq!(k.keys_text(C::Down), "Ctrl-n");
    }

    #[test]
    fn keys_parse_and_print() {
        assert_eq!(Key::parse("ctrl-d").unwrap(), Key::ctrl('d'));
        assert_eq!(Key::parse("pgdn").unwrap(), Key::plain(K::PageDown));
        assert_eq!(Key::parse("G").unwrap().to_string(), "G");
        assert!(Key::parse("ctrl-").is_err());
        assert!(Key::parse("foo").is_err());
    }
}

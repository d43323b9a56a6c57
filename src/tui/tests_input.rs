//! Input that is not a plain key press: pastes, the fixed keys (Ctrl-C, Ctrl-Z) and bursts.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::app::{Action, App, Burst, Effect, action_from_event, update};
use super::keymap::{Command, Key};
use super::tests::{app_for, keys, render, text};
use super::theme::Theme;

fn app() -> App {
    app_for("kz-2022", 100, 30, Theme::colored())
}

fn paste(app: &mut App, pasted: &str) -> Effect {
    match action_from_event(app, &Event::Paste(pasted.to_string())) {
        Some(action) => update(app, action),
        None => Effect::None,
    }
}

fn status(app: &App) -> String {
    app.ctx
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn a_paste_in_the_search_prompt_is_text_and_its_esc_never_leaves() {
    let mut a = app();
    keys(&mut a, &["/"]);
    // Before bracketed paste, the ESC closed the prompt and `te` opened the export picker.
    assert_eq!(paste(&mut a, "Sena\u{1b}te\r\n"), Effect::None);
    assert_eq!(a.search.prompt.as_deref(), Some("Senate  "));
    assert!(a.export.is_none());
    let screen = text(&render(&a));
    assert!(screen.contains("/ Senate"), "{screen}");
    assert!(screen.contains("2 matches"), "{screen}");
    keys(&mut a, &["enter"]);
    assert_eq!(a.ctx.selected, "senate");
    // Bidi controls and other control characters are dropped, tabs become spaces.
    keys(&mut a, &["/"]);
    paste(&mut a, "a\u{202e}b\u{7}\tc\u{9b}d");
    assert_eq!(a.search.prompt.as_deref(), Some("ab cd"));
}

#[test]
fn a_paste_in_the_path_prompt_is_text() {
    let mut a = app();
    keys(&mut a, &["e"]);
    for _ in 0..20 {
        keys(&mut a, &["backspace"]);
    }
    paste(&mut a, "out\u{1b}q.md");
    let picker = a.export.as_ref().expect("the picker stays open");
    assert_eq!(picker.path, "outq.md");
    // Pasting puts the name in focus (`▸`, with the cursor).
    assert!(text(&render(&a)).contains("file▸ outq.md█"));
}

#[test]
fn a_paste_outside_a_prompt_is_never_run_as_keys() {
    let mut a = app();
    let before = text(&render(&a));
    for pasted in ["q", "\u{1b}", "6 jjj e", "/Senate\r"] {
        assert_eq!(action_from_event(&a, &Event::Paste(pasted.into())), None);
        assert_eq!(paste(&mut a, pasted), Effect::None);
    }
    assert_eq!(text(&render(&a)), before);
}

#[test]
fn ctrl_c_quits_from_anywhere_and_ctrl_z_suspends() {
    let mut a = app();
    // Even with Ctrl-C bound to something else (the config loader refuses that, but the event
    // mapping must not depend on it).
    for b in &mut a.keymap.bindings {
        if b.command == Command::Toggle {
            b.keys = vec![Key::ctrl('c')];
        }
    }
    keys(&mut a, &["6"]);
    assert_eq!(keys(&mut a, &["ctrl-c"]), Effect::Quit);
    keys(&mut a, &["/", "Sen"]);
    assert_eq!(
        keys(&mut a, &["ctrl-c"]),
        Effect::Quit,
        "in the search prompt"
    );
    keys(&mut a, &["esc", "e"]);
    assert_eq!(
        keys(&mut a, &["ctrl-c"]),
        Effect::Quit,
        "in the export picker"
    );
    assert_eq!(keys(&mut a, &["ctrl-z"]), Effect::Suspend);
    keys(&mut a, &["esc", "?"]);
    assert_eq!(keys(&mut a, &["ctrl-c"]), Effect::Quit, "in the help");
}

fn space() -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE))
}

/// Feeds a burst as the event loop does; returns how many actions were applied.
fn burst(app: &mut App, events: &[Event]) -> usize {
    let mut b = Burst::default();
    let mut applied = 0;
    for e in events {
        for action in b.push(app, e) {
            update(app, action);
            applied += 1;
        }
    }
    for action in b.finish() {
        update(app, action);
        applied += 1;
    }
    applied
}

#[test]
fn a_burst_of_toggles_ends_as_pressed_one_at_a_time_with_two_analyses_at_most() {
    let mut one_by_one = app();
    let mut bursted = app();
    keys(&mut one_by_one, &["6", "j", "j", "j", "j"]);
    keys(&mut bursted, &["6", "j", "j", "j", "j"]);
    for n in [1, 2, 3, 6] {
        for _ in 0..n {
            keys(&mut one_by_one, &["space"]);
        }
        let applied = burst(&mut bursted, &vec![space(); n]);
        assert!(applied <= 2, "{n} presses applied as {applied}");
        assert_eq!(bursted.ctx.scenario.active, one_by_one.ctx.scenario.active);
        assert_eq!(status(&bursted), status(&one_by_one), "after {n}");
        assert_eq!(text(&render(&bursted)), text(&render(&one_by_one)));
    }
    // 12 presses so far: P5 is off; 2,001 more in one burst end as one press, in two analyses.
    assert_eq!(burst(&mut bursted, &vec![space(); 2001]), 1);
    keys(&mut one_by_one, &["space"]);
    assert!(status(&bursted).contains("P5 on"), "{}", status(&bursted));
    assert_eq!(text(&render(&bursted)), text(&render(&one_by_one)));

    // In Compare, with moves in between: each run is coalesced, the moves are not.
    let mut one_by_one = app();
    let mut bursted = app();
    keys(&mut one_by_one, &["7"]);
    keys(&mut bursted, &["7"]);
    let j = Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
    let mut events = vec![j.clone()];
    events.extend(vec![space(); 8]);
    events.push(j);
    events.extend(vec![space(); 3]);
    burst(&mut bursted, &events);
    keys(&mut one_by_one, &["j"]);
    for _ in 0..8 {
        keys(&mut one_by_one, &["space"]);
    }
    keys(&mut one_by_one, &["j", "space", "space", "space"]);
    assert_eq!(bursted.compare.chosen, one_by_one.compare.chosen);
    assert_eq!(text(&render(&bursted)), text(&render(&one_by_one)));
}

#[test]
fn a_toggle_that_closes_an_overlay_is_not_coalesced() {
    let mut a = app();
    keys(&mut a, &["6", "?"]);
    // The first Space closes the help, the next three toggle: P1 ends on.
    assert_eq!(burst(&mut a, &vec![space(); 4]), 2);
    assert!(a.help.is_none());
    assert_eq!(a.ctx.scenario.active, ["P1"]);
    assert!(matches!(
        action_from_event(&a, &space()),
        Some(Action::Command(Command::Toggle))
    ));
}

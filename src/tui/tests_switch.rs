//! A reform switch and the Compare view's columns off the frame path (issue 12): the state
//! before a switch stays on screen, marked, until the worker's answer arrives; a switch
//! pressed again meanwhile drops the earlier answer; once everything has arrived the screen
//! is the one `update` draws computing it itself ([`Mode::Now`]). Through `update`, rendered
//! to a `TestBackend`.

use super::app::{App, update};
use super::ranges::{Mode, Target};
use super::tests::{keys, render, text};
use super::tests_worker::{app, job};
use super::{Action, View};
use crate::model::Lang;

/// Runs the jobs left, and those their answers ask for, until none is left.
fn settle(a: &mut App) {
    loop {
        let jobs = a.ctx.take_range_jobs();
        if jobs.is_empty() {
            return;
        }
        for j in jobs {
            update(a, Action::Ranges(j.run()));
        }
    }
}

#[test]
fn a_reform_switch_keeps_the_state_before_on_screen_until_it_arrives() {
    let mut a = app(Mode::Deferred, Lang::En);
    settle(&mut a);
    keys(&mut a, &["6", " "]);
    let first = a.ctx.scenario.set.presets[0].id.clone();
    // Nothing changed yet: the baseline is on screen, marked.
    assert!(a.ctx.scenario.active.is_empty());
    assert_eq!(a.ctx.switching(), Some(format!("recomputing… {first} on")));
    let pending = text(&render(&a));
    assert!(pending.contains("recomputing…"), "{pending}");
    insta::assert_snapshot!("reform_switch_recomputing", pending);
    let asked = job(&mut a, Target::Reform).expect("a switch is the worker's job");
    update(&mut a, Action::Ranges(asked.run()));
    assert_eq!(a.ctx.scenario.active, [first.as_str()]);
    assert_eq!(a.ctx.switching(), None);
    // The delta against the baseline follows.
    let delta = text(&render(&a));
    assert!(delta.contains("measuring…"), "{delta}");
    assert!(
        delta.contains(&format!("{first} on · active: {first}")),
        "{delta}"
    );
    insta::assert_snapshot!("reform_switch_delta_measuring", delta);
    settle(&mut a);
    let arrived = text(&render(&a));
    assert!(!arrived.contains("measuring…"), "{arrived}");
    assert!(!a.ctx.awaiting_ranges());
    let mut now = app(Mode::Now, Lang::En);
    keys(&mut now, &["6", " "]);
    assert_eq!(arrived, text(&render(&now)));
    // The switch is one change to undo, as when it is computed in `update`.
    assert_eq!(a.history.can_undo(), 1);
    keys(&mut a, &["u"]);
    assert!(a.ctx.scenario.active.is_empty());
}

#[test]
fn a_switch_pressed_again_while_recomputing_drops_the_earlier_answer() {
    let mut a = app(Mode::Deferred, Lang::En);
    settle(&mut a);
    let ids: Vec<String> = a
        .ctx
        .scenario
        .set
        .presets
        .iter()
        .map(|p| p.id.clone())
        .collect();
    keys(&mut a, &["6", " "]);
    let stale = job(&mut a, Target::Reform).unwrap();
    // The second preset switched on while the first is being computed: from the set asked for.
    keys(&mut a, &["j", " "]);
    assert_eq!(
        a.ctx.switching(),
        Some(format!("recomputing… {} on", ids[1]))
    );
    let last = job(&mut a, Target::Reform).unwrap();
    let revision = a.ctx.revision();
    update(&mut a, Action::Ranges(stale.run()));
    assert!(
        a.ctx.scenario.active.is_empty(),
        "the earlier answer is dropped"
    );
    assert_eq!(a.ctx.revision(), revision);
    assert!(a.ctx.switching().is_some());
    update(&mut a, Action::Ranges(last.run()));
    assert_eq!(a.ctx.scenario.active, [ids[0].clone(), ids[1].clone()]);
    assert_eq!(a.ctx.switching(), None);
    settle(&mut a);
    let mut now = app(Mode::Now, Lang::En);
    keys(&mut now, &["6", " ", "j", " "]);
    assert_eq!(text(&render(&a)), text(&render(&now)));
    // Switched off and on again before the answer: back to the state on screen, nothing
    // left to compute, and a late answer dropped.
    keys(&mut a, &[" "]);
    let late = job(&mut a, Target::Reform).unwrap();
    keys(&mut a, &[" "]);
    assert_eq!(a.ctx.switching(), None);
    assert!(job(&mut a, Target::Reform).is_none());
    let revision = a.ctx.revision();
    update(&mut a, Action::Ranges(late.run()));
    assert_eq!(a.ctx.revision(), revision);
    assert_eq!(a.ctx.scenario.active, [ids[0].clone(), ids[1].clone()]);
}

#[test]
fn a_weight_changed_while_recomputing_asks_the_switch_again() {
    let mut a = app(Mode::Deferred, Lang::En);
    settle(&mut a);
    keys(&mut a, &["6", " "]);
    let stale = job(&mut a, Target::Reform).unwrap();
    keys(&mut a, &["5", "+"]);
    assert!(a.ctx.switching().is_some());
    // The answer under the weights before is dropped; the one asked again is taken.
    update(&mut a, Action::Ranges(stale.run()));
    assert!(a.ctx.scenario.active.is_empty());
    settle(&mut a);
    let mut now = app(Mode::Now, Lang::En);
    keys(&mut now, &["6", " ", "5", "+"]);
    // The status line said different things in between: a key clears it in both.
    keys(&mut a, &["5"]);
    keys(&mut now, &["5"]);
    assert_eq!(a.ctx.scenario.active, now.ctx.scenario.active);
    assert_eq!(a.ctx.options, now.ctx.options);
    assert_eq!(text(&render(&a)), text(&render(&now)));
}

#[test]
fn compare_measures_its_columns_on_the_worker() {
    let mut a = app(Mode::Deferred, Lang::En);
    settle(&mut a);
    update(
        &mut a,
        Action::Command(super::keymap::Command::Show(View::Compare)),
    );
    let pending = text(&render(&a));
    assert!(pending.contains("the comparison: measuring…"), "{pending}");
    insta::assert_snapshot!("compare_measuring", pending);
    assert!(a.compare.comparison(&a.ctx).is_none());
    settle(&mut a);
    let arrived = text(&render(&a));
    assert!(!arrived.contains("measuring…"), "{arrived}");
    let mut now = app(Mode::Now, Lang::En);
    keys(&mut now, &["7"]);
    assert_eq!(arrived, text(&render(&now)));
}

#[test]
fn the_marks_read_in_russian_and_kazakh() {
    for (lang, mark) in [(Lang::Ru, "пересчёт…"), (Lang::Kk, "қайта есептелуде…")]
    {
        let mut a = app(Mode::Deferred, lang);
        settle(&mut a);
        keys(&mut a, &["6", " "]);
        let screen = text(&render(&a));
        assert!(screen.contains(mark), "{lang:?}: {screen}");
    }
}

//! Figures the worker computes besides the ranges (issue 12): the Weights view's headline and
//! the Sources view's listing. Until they arrive the view says it is measuring; an answer for a
//! state no longer on screen is dropped; once it arrives the screen is the one `update` would
//! have drawn computing it itself ([`Mode::Now`]). Through `update`, rendered to a
//! `TestBackend`.

use super::app::{App, update};
use super::ranges::{Job, Mode, Target};
use super::tests::{app_with, keys, render, text};
use super::theme::Theme;
use super::{Action, View};
use crate::model::Lang;

pub(super) fn app(mode: Mode, lang: Lang) -> App {
    app_with(mode, lang, Theme::monochrome(), 120, 36)
}

/// The job of `target` the last updates left for the event loop, if any.
pub(super) fn job(a: &mut App, target: Target) -> Option<Job> {
    a.ctx
        .take_range_jobs()
        .into_iter()
        .filter(|j| j.target == target)
        .last()
}

/// Every job left, run as the worker would, and handed back through `update`.
fn run_all(a: &mut App) {
    for j in a.ctx.take_range_jobs() {
        update(a, Action::Ranges(j.run()));
    }
}

#[test]
fn the_weights_view_measures_its_headline_on_the_worker() {
    let mut a = app(Mode::Deferred, Lang::En);
    run_all(&mut a);
    keys(&mut a, &["5"]);
    let pending = text(&render(&a));
    assert!(pending.contains("the headline: measuring…"), "{pending}");
    assert!(a.ctx.awaiting_ranges());
    let asked = job(&mut a, Target::Headline).expect("opening Weights asks for its headline");
    insta::assert_snapshot!("weights_headline_measuring", pending);
    // A weight changed before the answer arrives: that answer is the earlier state's.
    keys(&mut a, &["+"]);
    update(&mut a, Action::Ranges(asked.run()));
    assert!(
        text(&render(&a)).contains("the headline: measuring…"),
        "a stale headline is dropped"
    );
    keys(&mut a, &["-"]);
    run_all(&mut a);
    let arrived = text(&render(&a));
    assert!(!arrived.contains("measuring…"), "{arrived}");
    assert!(!a.ctx.awaiting_ranges());
    // The same screen as with the headline computed in `update`.
    let mut now = app(Mode::Now, Lang::En);
    keys(&mut now, &["5", "+", "-"]);
    assert_eq!(arrived, text(&render(&now)));
}

#[test]
fn the_sources_view_lists_the_citations_once_the_worker_built_them() {
    let mut a = app(Mode::Deferred, Lang::En);
    run_all(&mut a);
    // A body chosen elsewhere: the listing opens on its citations when it arrives.
    keys(&mut a, &["1", "j", "j", "8"]);
    let pending = text(&render(&a));
    assert!(pending.contains("the sources: measuring…"), "{pending}");
    insta::assert_snapshot!("sources_measuring", pending);
    assert!(job(&mut a, Target::Sources).is_some());
    // Asked once per state: refreshing again leaves no second job.
    keys(&mut a, &["8"]);
    assert!(job(&mut a, Target::Sources).is_none());
    // The worker's answer, for a job asked again (the first was taken above).
    let mut b = app(Mode::Deferred, Lang::En);
    run_all(&mut b);
    keys(&mut b, &["1", "j", "j", "8"]);
    let asked = job(&mut b, Target::Sources).unwrap();
    update(&mut b, Action::Ranges(asked.run()));
    let arrived = text(&render(&b));
    assert!(!arrived.contains("measuring…"), "{arrived}");
    let mut now = app(Mode::Now, Lang::En);
    keys(&mut now, &["1", "j", "j", "8"]);
    assert_eq!(arrived, text(&render(&now)));
    assert_eq!(b.view, View::Sources);
}

#[test]
fn the_measuring_notes_are_translated() {
    for (lang, headline, sources) in [
        (
            Lang::Ru,
            "главный показатель: идёт расчёт…",
            "источники: идёт расчёт…",
        ),
        (
            Lang::Kk,
            "басты көрсеткіш: есептелуде…",
            "дереккөздер: есептелуде…",
        ),
    ] {
        let mut a = app(Mode::Deferred, lang);
        run_all(&mut a);
        keys(&mut a, &["5"]);
        assert!(text(&render(&a)).contains(headline), "{lang:?}");
        keys(&mut a, &["8"]);
        assert!(text(&render(&a)).contains(sources), "{lang:?}");
    }
}

//! Guided tours played through `update`: each step lands on its dataset, reforms, body and
//! view, free exploration in between, and one snapshot per step of the article tour.

use super::app::Action;
use super::tests::{app_for, keys, render, text};
use super::theme::Theme;
use super::tour::view_named;
use crate::reform::tour;

fn article() -> tour::Tour {
    tour::resolve("article").unwrap_or_else(|e| panic!("{}", e.report))
}

/// `t`, then the chooser's cursor on the article tour, then Enter.
fn start_article(app: &mut super::app::App) {
    keys(app, &["t"]);
    let chooser = app.chooser.as_ref().expect("several tours: a chooser");
    let at = chooser
        .tours
        .iter()
        .position(|t| t.id == "article")
        .unwrap();
    for _ in 0..at {
        keys(app, &["down"]);
    }
    keys(app, &["enter"]);
}

#[test]
fn the_article_tour_lands_on_each_steps_state() {
    let tour = article();
    let mut app = app_for("kz-2022", 120, 40, Theme::colored());
    start_article(&mut app);
    for (k, step) in tour.steps.iter().enumerate() {
        let p = app.tour.as_ref().expect("playing");
        assert_eq!(p.step, k);
        assert_eq!(app.ctx.dataset.meta.id, step.dataset, "step {k}");
        assert_eq!(app.ctx.scenario.active, step.reforms, "step {k}");
        assert_eq!(app.ctx.selected, step.body, "step {k}");
        assert_eq!(app.ctx.options.layer, step.layer, "step {k}");
        assert_eq!(app.view, view_named(&step.view), "step {k}");
        let screen = text(&render(&app));
        assert!(
            screen.contains(&format!("step {} of {}", k + 1, tour.steps.len())),
            "{screen}"
        );
        keys(&mut app, &["n"]);
    }
    // p goes back, → forward again, Esc leaves and keeps the state on screen.
    keys(&mut app, &["p", "p"]);
    assert_eq!(app.tour.as_ref().unwrap().step, tour.steps.len() - 3);
    keys(&mut app, &["right"]);
    assert_eq!(app.tour.as_ref().unwrap().step, tour.steps.len() - 2);
    keys(&mut app, &["esc"]);
    assert!(app.tour.is_none());
    assert!(!text(&render(&app)).contains("step "));
}

#[test]
fn exploring_between_steps_is_free_and_n_p_restore_the_tours_state() {
    let tour = article();
    let mut app = app_for("kz-2022", 120, 40, Theme::colored());
    start_article(&mut app);
    keys(&mut app, &["n", "n", "n"]);
    // Step 4 is P5 on the Constitutional Court; the user switches P5 off, moves and changes view.
    keys(&mut app, &["6", "j", "3"]);
    assert_eq!(app.tour.as_ref().unwrap().step, 3);
    keys(&mut app, &["p", "n"]);
    let step = &tour.steps[3];
    assert_eq!(app.ctx.scenario.active, step.reforms);
    assert_eq!(app.ctx.selected, step.body);
    assert_eq!(app.view, view_named(&step.view));
}

#[test]
fn threat_is_on_capital_t_and_t_opens_the_tours() {
    let mut app = app_for("kz-2022", 120, 40, Theme::colored());
    keys(&mut app, &["5"]);
    let before = app.ctx.options.at_will_threat;
    keys(&mut app, &["T"]);
    assert_ne!(app.ctx.options.at_will_threat, before);
    keys(&mut app, &["t"]);
    let screen = text(&render(&app));
    assert!(screen.contains("Tours · Enter starts"), "{screen}");
    keys(&mut app, &["esc"]);
    assert!(app.chooser.is_none() && app.tour.is_none());
}

#[test]
fn one_snapshot_per_step_of_the_article_tour() {
    let tour = article();
    let mut app = app_for("kz-2022", 120, 40, Theme::colored());
    start_article(&mut app);
    for k in 0..tour.steps.len() {
        insta::assert_snapshot!(
            format!("tour_article_step{}_120x40", k + 1),
            text(&render(&app))
        );
        update_next(&mut app);
    }
}

fn update_next(app: &mut super::app::App) {
    super::app::update(app, Action::TourStep { forward: true });
}

//! Playing a guided tour ([`crate::reform::tour`]): `t` opens the chooser (or the only tour),
//! ←/→ or n/p put a step's state on screen, Esc leaves. Between steps every other key works as
//! usual; moving again puts the tour's own state back.
//!
//! ```text
//!  t ──> chooser (several tours) ──Enter──> TourPlayer { step 0 } ──> App::show_step
//!  ←/→ n/p ──> step ± 1 ──> Step::state ──> Ctx::set_scenario, the body, the view
//! ```

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use super::app::App;
use super::ctx::{Ctx, StatusKind};
use super::session;
use super::tabs::View;
use super::undo::History;
use crate::model::i18n::tr;
use crate::reform::tour::{self, Tour};
use crate::t;

/// A tour being played and the step on screen.
#[derive(Debug, Clone)]
pub struct TourPlayer {
    pub tour: Tour,
    pub step: usize,
}

/// The list of shipped tours to choose from, and the cursor.
#[derive(Debug, Clone)]
pub struct Chooser {
    pub tours: Vec<Tour>,
    pub cursor: usize,
}

/// The view a tour file names.
pub fn view_named(name: &str) -> View {
    match name {
        "graph" => View::Graph,
        "matrix" => View::Matrix,
        "flags" => View::Flags,
        "weights" => View::Weights,
        "reforms" => View::Reforms,
        "compare" => View::Compare,
        "sources" => View::Sources,
        _ => View::Bodies,
    }
}

impl App {
    /// `t`: the only tour starts at once; with several, the chooser opens.
    pub fn open_tours(&mut self) {
        let tours: Vec<Tour> = tour::shipped().into_iter().filter_map(Result::ok).collect();
        match tours.len() {
            0 => self
                .ctx
                .set_status(tr(self.ctx.lang, "no tour is available"), StatusKind::Error),
            1 => self.start_tour(tours.into_iter().next().expect("one tour")),
            _ => self.chooser = Some(Chooser { tours, cursor: 0 }),
        }
    }

    pub fn choose_move(&mut self, down: bool) {
        if let Some(c) = &mut self.chooser {
            let n = c.tours.len();
            c.cursor = if down {
                (c.cursor + 1) % n
            } else {
                (c.cursor + n - 1) % n
            };
        }
    }

    pub fn choose_confirm(&mut self) {
        if let Some(c) = self.chooser.take()
            && let Some(t) = c.tours.into_iter().nth(c.cursor)
        {
            self.start_tour(t);
        }
    }

    pub fn start_tour(&mut self, tour: Tour) {
        self.tour = Some(TourPlayer { tour, step: 0 });
        self.show_step();
    }

    /// Moves to the next or previous step (and back to the current one's state at either
    /// end, so that n/p always restore what the caption describes).
    pub fn tour_move(&mut self, forward: bool) {
        let Some(p) = &mut self.tour else { return };
        let last = p.tour.steps.len().saturating_sub(1);
        p.step = if forward {
            (p.step + 1).min(last)
        } else {
            p.step.saturating_sub(1)
        };
        self.show_step();
    }

    pub fn leave_tour(&mut self) {
        if self.tour.take().is_some() {
            self.ctx
                .set_status(tr(self.ctx.lang, "left the tour"), StatusKind::Info);
        }
        self.chooser = None;
    }

    /// Puts the current step's state on screen: dataset, reforms, layer, weights, the body and
    /// the view. A step that cannot be shown says why and leaves the screen as it was.
    fn show_step(&mut self) {
        let Some(p) = &self.tour else { return };
        let step = p.tour.steps[p.step].clone();
        let state = step.state();
        let ok = match state {
            Ok((scenario, options)) => self.ctx.set_scenario(scenario, options),
            Err(e) => {
                self.ctx.set_status(
                    t!(self.ctx.lang, "tour step: {error}", error = e),
                    StatusKind::Error,
                );
                false
            }
        };
        if !ok {
            return;
        }
        // Undo across datasets would put one state's reforms on another.
        self.history = History::default();
        // The step's layer is in the options it put in force, which the session saves.
        self.source = session::Source::new(&step.dataset, None);
        self.ctx.jump_to(&step.body);
        self.view = view_named(&step.view);
    }
}

/// The caption panel over the bottom of the view: the tour, the step and its caption.
pub fn render_caption(ctx: &Ctx, p: &TourPlayer, main: Rect, buf: &mut Buffer) {
    let Some(step) = p.tour.steps.get(p.step) else {
        return;
    };
    let caption = step.caption.get(ctx.lang);
    let inner = main.width.saturating_sub(2).max(1) as usize;
    let lines = caption.chars().count().div_ceil(inner).max(1) as u16;
    let height = (lines + 2).min(main.height / 2).max(3);
    let area = Rect::new(
        main.x,
        main.y + main.height.saturating_sub(height),
        main.width,
        height.min(main.height),
    );
    let title = Line::from(vec![
        Span::styled(format!(" {} ", p.tour.title.get(ctx.lang)), ctx.theme.title),
        Span::raw(t!(
            ctx.lang,
            "· step {n} of {total} · ←/→ n/p move · Esc leaves ",
            n = p.step + 1,
            total = p.tour.steps.len()
        )),
    ]);
    Clear.render(area, buf);
    Paragraph::new(caption.to_string())
        .style(ctx.theme.base)
        .block(super::views::block(&ctx.theme, title, true))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// The chooser: a small list over the view.
pub fn render_chooser(ctx: &Ctx, c: &Chooser, main: Rect, buf: &mut Buffer) {
    let width = c
        .tours
        .iter()
        .map(|t| t.title.get(ctx.lang).chars().count() as u16 + 6)
        .max()
        .unwrap_or(20)
        .clamp(30, main.width);
    let height = (c.tours.len() as u16 + 2).min(main.height);
    let area = Rect::new(
        main.x + (main.width - width) / 2,
        main.y + main.height.saturating_sub(height) / 2,
        width,
        height,
    );
    let lines: Vec<Line> = c
        .tours
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let text = format!(
                "{} {}",
                if i == c.cursor { "▶" } else { " " },
                t.title.get(ctx.lang)
            );
            if i == c.cursor {
                Line::styled(text, ctx.theme.selected)
            } else {
                Line::raw(text)
            }
        })
        .collect();
    Clear.render(area, buf);
    Paragraph::new(lines)
        .style(ctx.theme.base)
        .block(super::views::block(
            &ctx.theme,
            tr(ctx.lang, " Tours · Enter starts · Esc closes "),
            true,
        ))
        .render(area, buf);
}

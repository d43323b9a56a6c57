//! The Weights view: change the role weights and the set of principals and watch every
//! number move; this is how a user checks how robust a conclusion is. `t` switches whether an
//! at-will dissolution puts consents under threat (off by default, codebook R-THREAT) and `b`
//! cycles the band every range runs over (consent 0.5–2, 0.25–4, none).
//!
//! ```text
//!  ┌ Weights and principals ───────────┐┌ What moves ─────────────────────────────┐
//!  │ ROLE WEIGHTS                      ││ President's control of the              │
//!  │ propose    1    ████▌             ││ Constitutional Court: 52.7%             │
//!  │ consent    1    ████▌             ││   40.9% directly, +8.2% through ...     │
//!  │ PRINCIPALS                        ││ PRINCIPALS  indep. seats  majorities    │
//!  │ [x] Electorate   always           ││                                         │
//!  └───────────────────────────────────┘└─────────────────────────────────────────┘
//! ```

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{Tab, bar, block, fit, num, pct, scroll_to, step};
use crate::analysis::range::{Band, PctRange};
use crate::analysis::{Headline, Options, headline};
use crate::model::i18n::{tr, word};
use crate::model::phrase::{capitalised, control_of};
use crate::model::{Lang, Weights};
use crate::t;
use crate::tui::ctx::{Ctx, StatusKind};
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::tabs::View;

/// Weight steps of the Weights view.
pub const WEIGHT_STEP: f64 = 0.1;

/// Why the threat option is off unless the user turns it on (codebook R-THREAT), in a line.
pub const THREAT_DEFAULT: &str =
    "default off (R-THREAT): the text ties no dissolution to a refusal of consent";

/// The bands `b` cycles through: the default, a wider one, and none (the point alone).
pub fn band_presets() -> [Band; 3] {
    let mut wide = Band::none();
    // A fixed, valid spec: consent may run from 0 to the largest weight.
    let _ = wide.apply_spec("consent=0.25..4");
    [Band::default(), wide, Band::none()]
}

#[derive(Debug, Clone, Default)]
pub struct WeightsView {
    pub row: usize,
    pub offset: usize,
}

impl WeightsView {
    /// Rows of the view: the weights, then every body as a principal candidate.
    pub fn rows(ctx: &Ctx) -> usize {
        Weights::NAMES.len() + ctx.dataset.bodies.len()
    }
}

fn explain(name: &str) -> &'static str {
    match name {
        "propose" => {
            "the actor who picks the candidate: the nominator, or the appointer or elector when nobody nominates"
        }
        "consent" => {
            "an actor whose approval the pick needs: a consent, or an election of someone else's nominee"
        }
        "consent_under_threat" => {
            "a consent whose holder the proposer may dissolve for refusing it"
        }
        "recommend" => "a non-binding recommendation",
        "at_will_removal" => {
            "the part of a seat that goes to whoever can dismiss its holder at will (0 to 1)"
        }
        _ => "",
    }
}

impl Tab for WeightsView {
    fn update(&mut self, ctx: &mut Ctx, c: Command) -> Option<View> {
        let n_weights = Weights::NAMES.len();
        let rows = WeightsView::rows(ctx);
        let height = layout::weights_height(ctx.size);
        match c {
            Command::Up
            | Command::Down
            | Command::PageUp
            | Command::PageDown
            | Command::HalfPageUp
            | Command::HalfPageDown
            | Command::Top
            | Command::Bottom => {
                self.row = step(self.row, rows, c, height);
                let visual = layout::weights_visual_row(self.row);
                self.offset = scroll_to(self.offset, visual, height);
            }
            Command::Increase | Command::Decrease | Command::Right | Command::Left
                if self.row < n_weights =>
            {
                let name = Weights::NAMES[self.row];
                let current = ctx.options.weights.get(name).unwrap_or(0.0);
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
                let previous = ctx.options.clone();
                if let Err(e) = ctx.options.weights.set(name, value) {
                    ctx.set_status(e, StatusKind::Error);
                    return None;
                }
                if ctx.reanalyze(previous) {
                    ctx.set_status(format!("{name} = {value:.2}"), StatusKind::Info);
                }
            }
            Command::Toggle | Command::Activate if self.row >= n_weights => {
                let body = &ctx.dataset.bodies[self.row - n_weights];
                let id = body.id.clone();
                if body.channels.is_empty() {
                    ctx.set_status(
                        t!(
                            ctx.lang,
                            "{name} is filled by no one: it is always a principal",
                            name = ctx.name(&id)
                        ),
                        StatusKind::Info,
                    );
                    return None;
                }
                let previous = ctx.options.clone();
                ctx.custom_principals = true;
                let on = !ctx.options.principals.contains(&id);
                if on {
                    ctx.options.principals.push(id.clone());
                } else {
                    ctx.options.principals.retain(|p| *p != id);
                }
                if ctx.reanalyze(previous) {
                    let text = if on {
                        t!(ctx.lang, "{name} is now a principal", name = ctx.name(&id))
                    } else {
                        t!(
                            ctx.lang,
                            "{name} is no longer a principal",
                            name = ctx.name(&id)
                        )
                    };
                    ctx.set_status(text, StatusKind::Info);
                }
            }
            Command::Threat => {
                let previous = ctx.options.clone();
                ctx.options.at_will_threat = !ctx.options.at_will_threat;
                if ctx.reanalyze(previous) {
                    let text = tr(
                        ctx.lang,
                        if ctx.options.at_will_threat {
                            "at-will dissolution counts as a threat: on"
                        } else {
                            "at-will dissolution counts as a threat: off (the default)"
                        },
                    );
                    ctx.set_status(text, StatusKind::Info);
                }
            }
            Command::ShareModel => ctx.set_share_model(ctx.options.share_model.next()),
            Command::Band => {
                let presets = band_presets();
                let next = presets
                    .iter()
                    .position(|b| *b == ctx.band)
                    .map_or(0, |i| (i + 1) % presets.len());
                let band = presets[next].clone();
                let label = band_label(ctx.lang, &band);
                ctx.set_band(band);
                ctx.set_status(
                    t!(ctx.lang, "ranges over the band: {band}", band = label),
                    StatusKind::Info,
                );
            }
            Command::Reset => {
                let previous = ctx.options.clone();
                // The layer is the explorer's (`d`), not one of this view's options.
                ctx.options = Options {
                    layer: previous.layer,
                    ..Options::of(&ctx.dataset)
                };
                ctx.custom_principals = false;
                ctx.band = Band::default();
                if ctx.reanalyze(previous) {
                    ctx.set_status(
                        tr(
                            ctx.lang,
                            "weights, principals, threat option, share model and band restored to the defaults",
                        ),
                        StatusKind::Info,
                    );
                }
            }
            _ => {}
        }
        None
    }

    fn click(&mut self, ctx: &mut Ctx, main: Rect, at: ratatui::layout::Position) {
        let (list, _) = layout::weights_split(main);
        let li = layout::inner(list);
        if !li.contains(at) {
            return;
        }
        if let Some(r) = layout::weights_row_at(
            self.offset + usize::from(at.y - li.y),
            WeightsView::rows(ctx),
        ) {
            self.row = r;
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        // Its consent sensitivity re-solves control per step: the worker's, never per frame.
        ctx.want_headline();
    }

    fn render(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        let (left, right) = layout::weights_split(area);
        self.list(ctx, left, buf);
        self.effects(ctx, right, buf);
    }
}

impl WeightsView {
    fn list(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        let t = &ctx.theme;
        let lang = ctx.lang;
        let blk = block(
            t,
            Span::styled(tr(lang, " Weights and principals "), t.title),
            true,
        );
        let inner = blk.inner(area);
        blk.render(area, buf);
        let w = inner.width as usize;
        let n = Weights::NAMES.len();
        // A label's column: as wide as in English, or wider for a longer translation.
        let label_w = |label: &str, min: usize| (label.width() + 1).max(min).min(w);
        let mut rows: Vec<Line> = vec![Line::from(Span::styled(
            fit(tr(lang, "ROLE WEIGHTS  (+/- to change)"), w),
            t.title,
        ))];
        for (i, name) in Weights::NAMES.iter().enumerate() {
            let value = ctx.options.weights.get(name).unwrap_or(0.0);
            let changed = ctx.dataset.weights.get(name) != Some(value);
            let scale = if *name == "at_will_removal" { 1.0 } else { 2.0 };
            let selected = self.row == i;
            let line = Line::from(vec![
                Span::raw(fit(name, 21.min(w))),
                Span::styled(
                    format!("{:>5} ", num(value)),
                    if changed { t.medium } else { t.base },
                ),
                Span::styled(bar(value / scale, 8.min(w.saturating_sub(28))), t.bar),
                Span::styled(if changed { " *" } else { "" }, t.medium),
            ]);
            rows.push(if selected {
                highlight(line, t.selected)
            } else {
                line
            });
        }
        let threat = tr(lang, "at-will threat");
        rows.push(Line::from(vec![
            Span::raw(fit(threat, label_w(threat, 21))),
            Span::styled(
                format!(
                    "{:>5}",
                    word(
                        lang,
                        "weights",
                        if ctx.options.at_will_threat {
                            "on"
                        } else {
                            "off"
                        }
                    )
                ),
                if ctx.options.at_will_threat {
                    t.medium
                } else {
                    t.base
                },
            ),
        ]));
        let model = ctx.options.share_model;
        let (label, lw) = {
            let l = tr(lang, "share model (m)");
            (l, label_w(l, 16))
        };
        rows.push(Line::from(vec![
            Span::raw(fit(label, lw)),
            Span::styled(
                fit(tr(lang, model.label()), w.saturating_sub(lw)),
                if model == crate::analysis::ShareModel::Seats {
                    t.base
                } else {
                    t.medium
                },
            ),
        ]));
        let (label, lw) = {
            let l = tr(lang, "range band");
            (l, label_w(l, 15))
        };
        rows.push(Line::from(vec![
            Span::raw(fit(label, lw)),
            Span::styled(
                fit(&band_label(lang, &ctx.band), w.saturating_sub(lw)),
                if ctx.band == Band::default() {
                    t.base
                } else {
                    t.medium
                },
            ),
        ]));
        rows.push(Line::from(""));
        rows.push(Line::from(Span::styled(
            fit(tr(lang, "PRINCIPALS  (Space toggles)"), w),
            t.title,
        )));
        // Only the rows in the window are built: a state may have 100,000 bodies.
        let height = inner.height as usize;
        let first = self.offset.saturating_sub(rows.len());
        let skipped = self.offset.min(rows.len());
        let wanted = (skipped + height).saturating_sub(rows.len());
        for (j, b) in ctx
            .dataset
            .bodies
            .iter()
            .enumerate()
            .skip(first)
            .take(wanted)
        {
            let on = ctx.analysis.principals.contains(&b.id);
            let root = b.channels.is_empty();
            let selected = self.row == n + j;
            let line = Line::from(vec![
                Span::raw(if on { "[x] " } else { "[ ] " }),
                Span::raw(fit(b.name(ctx.lang), w.saturating_sub(12))),
                Span::styled(
                    if root {
                        word(lang, "weights", " always")
                    } else {
                        ""
                    },
                    t.dim,
                ),
            ]);
            rows.push(if selected {
                highlight(line, t.selected)
            } else {
                line
            });
        }
        rows.drain(..skipped);
        Paragraph::new(rows).render(inner, buf);
    }

    fn effects(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        let t = &ctx.theme;
        let lang = ctx.lang;
        let mut lines: Vec<Line> = Vec::new();
        let n = Weights::NAMES.len();
        if self.row < n {
            let name = Weights::NAMES[self.row];
            lines.push(Line::from(Span::styled(name.to_string(), t.accent)));
            lines.push(Line::from(tr(lang, explain(name))));
            lines.push(Line::from(""));
        }
        // The option beside the weights it discounts, with why it is off unless turned on:
        // before the headline, so that a small terminal never cuts it.
        lines.push(Line::from(tr(
            lang,
            if ctx.options.at_will_threat {
                "at-will dissolution counts as a threat: on"
            } else {
                "at-will dissolution counts as a threat: off"
            },
        )));
        lines.push(Line::from(Span::styled(tr(lang, THREAT_DEFAULT), t.dim)));
        lines.push(Line::from(""));
        let computed: Option<Headline>;
        let h = match ctx.headline() {
            Ok(h) => h,
            // A frame drawn before the first refresh (the view was never updated on screen).
            Err(()) if ctx.computes_now() => {
                computed = headline::headline(&ctx.dataset, &ctx.options, &ctx.analysis);
                computed.as_ref()
            }
            Err(()) => {
                lines.push(Line::from(Span::styled(
                    tr(lang, "the headline: measuring…"),
                    t.dim,
                )));
                lines.push(Line::from(""));
                None
            }
        };
        if let Some(h) = h {
            lines.push(Line::from(Span::styled(
                control_title(lang, ctx.name(&h.principal), ctx.name(&h.body)),
                t.title,
            )));
            let figure = PctRange(h.total, ctx.range(&h.body, &h.principal)).to_string();
            let room = (area.width as usize).saturating_sub(3 + figure.chars().count());
            lines.push(Line::from(vec![
                Span::styled(format!("{figure} "), t.high),
                Span::styled(bar(h.total, room.min(20)), t.bar),
            ]));
            lines.push(Line::from(t!(
                lang,
                "picks {picked} of {seats} seats · {direct} directly",
                picked = h.picked,
                seats = h.seats,
                direct = pct(h.direct)
            )));
            for (via, x) in &h.through {
                lines.push(Line::from(t!(
                    lang,
                    "+{share} through the {via}",
                    share = pct(*x),
                    via = ctx.name(via)
                )));
            }
            let steps: Vec<String> = h
                .sensitivity
                .iter()
                .map(|(w, v)| format!("{} → {}", num(*w), pct(*v)))
                .collect();
            lines.push(Line::from(Span::styled(
                format!("consent {}", steps.join(" · ")),
                t.dim,
            )));
            lines.push(Line::from(Span::styled(
                t!(lang, "range: {basis}", basis = ctx.range_basis()),
                t.dim,
            )));
            lines.push(Line::from(""));
        }

        let name_w = (area.width as usize).saturating_sub(2 + 20).clamp(8, 30);
        lines.push(Line::from(Span::styled(
            format!(
                "{} {:>11} {:>6}",
                fit(tr(lang, "PRINCIPAL"), name_w),
                tr(lang, "indep.seats"),
                tr(lang, "majors")
            ),
            t.title,
        )));
        for p in &ctx.analysis.summary.principals {
            lines.push(Line::from(format!(
                "{} {:>11} {:>6}",
                fit(ctx.name(&p.id), name_w),
                pct(p.independent_seat_share),
                p.bodies_majority
            )));
        }
        lines.push(Line::from(Span::styled(
            t!(
                lang,
                "system HHI {hhi} · {n} flags",
                hhi = format!("{:.3}", ctx.analysis.summary.system_hhi),
                n = ctx.analysis.flags.len()
            ),
            t.dim,
        )));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(
                t,
                Span::styled(tr(lang, " What moves "), t.title),
                false,
            ))
            .render(area, buf);
    }
}

/// The title of a headline figure: `The President's control of the Constitutional Court`,
/// with the body named in the nominative in Russian and Kazakh.
pub(super) fn control_title(lang: Lang, principal: &str, body: &str) -> String {
    if lang == Lang::En {
        return capitalised(&control_of(principal, body, "control"));
    }
    capitalised(&t!(
        lang,
        "integrated control of the {body} by the {principal}",
        body = body,
        principal = principal
    ))
}

/// The band's label with `none` in `lang` (the weights' names are ids).
fn band_label(lang: Lang, band: &Band) -> String {
    if *band == Band::none() {
        tr(lang, "none").to_string()
    } else {
        band.label()
    }
}

fn highlight(mut line: Line<'static>, style: ratatui::style::Style) -> Line<'static> {
    for s in line.spans.iter_mut() {
        s.style = s.style.patch(style);
    }
    line.style(style)
}

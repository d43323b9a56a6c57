//! The Bodies detail's account of its own figure: what the range of the head of state's
//! control runs over and which single choice moves it (codebook R-ALT, the weight band), and
//! how each step's vote and any threat of dissolution weigh in the split (R-VOTE, R-THREAT).
//!
//! ```text
//!  WHAT DRIVES THE RANGE
//!   the President 52.7% (47.7–58.2)
//!     consent 2 → 48.5%
//!     cc_chair_release_for_cause → 45.1%
//!   exact over 9 analyses · band consent 0.5–2 · at-will threat off
//!  VOTES AND THREATS
//!   ▸ Chair
//!     Senate  consent · veto strength 1.33: 2/3 of the members to approve
//!             under threat of dissolution (Constitution art. 63(1))
//! ```
//!
//! Every string from the data (names, alternative ids, citations) reaches the terminal only
//! through ratatui spans, which drop control characters; long ones are wrapped or cut to the
//! pane.

use ratatui::text::{Line, Span};

use super::bodies::Builder;
use super::{fit, num};
use crate::analysis::{BodyAnalysis, Position};
use crate::model::i18n::{tr, word};
use crate::model::{Body, BodyId};
use crate::output::explain::vote_in;
use crate::t;
use crate::tui::ctx::Ctx;

/// The principal the detail explains: the head of state when he is one, else the body's
/// largest principal.
pub fn principal(ctx: &Ctx, a: &BodyAnalysis) -> Option<BodyId> {
    ctx.dataset
        .head_of_state()
        .map(|h| h.id.clone())
        .filter(|h| ctx.analysis.principals.contains(h))
        .or_else(|| a.largest().map(|(p, _)| p.to_string()))
}

/// Adds the two sections for a body that has channels (a principal's own figure is 1).
pub(super) fn section(b: &mut Builder<'_>, body: &Body, a: &BodyAnalysis) {
    let ctx = b.ctx;
    let t = &ctx.theme;
    let lang = ctx.lang;
    if body.channels.is_empty() || ctx.analysis.principals.contains(&body.id) {
        return;
    }
    if let Some(p) = principal(ctx, a) {
        b.heading(tr(lang, "WHAT DRIVES THE RANGE"));
        b.link(
            Line::from(vec![
                Span::raw(tr(lang, " the ")),
                Span::styled(ctx.name(&p).to_string(), t.link),
                Span::raw(format!(" {}", ctx.control_text(&body.id, &p))),
            ]),
            &p,
        );
        let drivers = ctx
            .ranges()
            .map(|r| r.drivers(&body.id, &p))
            .unwrap_or_default();
        // While the ranges are computed the basis below says so; nothing is claimed about them.
        if drivers.is_empty() && !ctx.ranges_pending() {
            b.wrapped(
                3,
                tr(
                    lang,
                    "no single reading, threat option or band end moves it",
                ),
                t.dim,
            );
        }
        for d in &drivers {
            b.wrapped(
                3,
                &format!(
                    "{} → {}",
                    crate::output::ranges::driver_in(lang, d),
                    super::pct(d.value)
                ),
                t.base,
            );
        }
        b.wrapped(1, &ctx.range_basis(), t.dim);
    }

    b.heading(tr(lang, "VOTES AND THREATS"));
    let width = b.width;
    let name_w = 20.min(width / 3).max(8);
    for (c, cs) in body.channels.iter().zip(&a.channels) {
        let label = if c.label.is_empty() {
            &c.id
        } else {
            ctx.dataset.prose(lang, &c.label)
        };
        b.push(Line::from(Span::raw(fit(
            &format!(" ▸ {label}"),
            width.saturating_sub(1),
        ))));
        for (s, d) in c.steps.iter().zip(&cs.steps) {
            let rule = match &s.vote {
                Some(v) => format!(": {}", vote_in(lang, &v.to_string())),
                None => String::new(),
            };
            // A check's veto weighs by its strength (R-VOTE); a proposer's strength is only
            // what a minority inside it can block, reported where a rule is coded.
            let counts = match d.position {
                None => tr(lang, " · adds nothing to its own nomination").to_string(),
                Some(Position::Ratify | Position::RatifyUnderThreat) => t!(
                    lang,
                    " · veto strength {strength}{rule}",
                    strength = num(d.veto_strength),
                    rule = rule
                ),
                Some(Position::Recommend) => tr(lang, " · advisory").to_string(),
                Some(_) if s.vote.is_some() => t!(
                    lang,
                    " · picks · a minority's block {strength}{rule}",
                    strength = num(d.veto_strength),
                    rule = rule
                ),
                Some(_) => tr(lang, " · picks").to_string(),
            };
            b.link(
                Line::from(vec![
                    Span::raw("   "),
                    Span::styled(fit(ctx.name(&s.actor), name_w), t.link),
                    Span::raw(fit(
                        &format!(" {}{counts}", word(lang, "role", s.role.as_str())),
                        width.saturating_sub(name_w + 3),
                    )),
                ]),
                &s.actor,
            );
            if d.under_threat {
                let source = d
                    .threat_source
                    .as_deref()
                    .map(|s| format!(" ({s})"))
                    .unwrap_or_default();
                b.wrapped(
                    name_w + 4,
                    &t!(lang, "under threat of dissolution{source}", source = source),
                    t.medium,
                );
            }
        }
    }
}

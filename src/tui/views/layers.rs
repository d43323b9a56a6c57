//! The Bodies detail's two additions of the de facto layer and voting power (codebook R33,
//! R34): each principal's figure in both layers at once, and a body's blocs with their seats,
//! Banzhaf and Shapley-Shubik values and sources.
//!
//! ```text
//!   the President  de jure 52.7% · de facto 71.9%
//!  VOTING POWER · quota 50 of 98 (a majority of the members) · share model seats
//!   ▸ Amanat (aligned with the President)  62 seats · Banzhaf 84.4% · Shapley-Shubik 80.2%
//!     OSCE/ODIHR final report, 2023
//! ```
//!
//! Strings from the data (bloc labels, sources) reach the terminal only through spans, which
//! drop control characters, and are wrapped to the pane.

use super::bodies::Builder;
use super::pct;
use crate::analysis::{BodyAnalysis, blocs::layer_label};
use crate::model::i18n::{lookup, tr};
use crate::model::{Body, Layer};
use crate::t;
use crate::tui::ctx::Ctx;

/// `de jure 52.7% · de facto 71.9%`: a principal's control of a body in both layers, the
/// layer on screen first marked; `None` when the dataset has no de facto layer.
pub fn both_layers(ctx: &Ctx, body: &str, principal: &str, v: f64) -> Option<String> {
    let other = ctx
        .other()?
        .body(body)
        .map_or(0.0, |a| a.control_of(principal));
    let (jure, facto) = match ctx.options.layer {
        Layer::DeJure => (v, other),
        Layer::DeFacto => (other, v),
    };
    let lang = ctx.lang;
    Some(format!(
        "{} {} · {} {}",
        crate::model::i18n::tr(lang, layer_label(Layer::DeJure)),
        pct(jure),
        crate::model::i18n::tr(lang, layer_label(Layer::DeFacto)),
        pct(facto)
    ))
}

/// The body's blocs and their voting power, when it has blocs in the layer on screen.
pub(super) fn section(b: &mut Builder<'_>, body: &Body, a: &BodyAnalysis) {
    let Some(power) = &a.power else {
        return;
    };
    let ctx = b.ctx;
    let t = &ctx.theme;
    let lang = ctx.lang;
    // The rule and the error are the analysis's English; the catalogue words those it knows.
    let said = |s: &str| lookup(lang, s).map_or_else(|| s.to_string(), str::to_string);
    b.heading(&t!(
        lang,
        "VOTING POWER · quota {quota} of {seats} ({rule}) · share model {model}",
        quota = power.quota,
        seats = body.seats,
        rule = crate::output::explain::vote_in(lang, &power.rule),
        model = tr(lang, ctx.options.share_model.label())
    ));
    if let Some(e) = &power.error {
        let note = t!(lang, "not computed: {e}; the seats count", e = said(e));
        b.wrapped(1, &note, t.medium);
    }
    for k in &power.blocs {
        let bloc = body.blocs.iter().find(|x| x.id == k.id);
        let label = if k.label.is_empty() {
            &k.id
        } else {
            ctx.dataset.prose(ctx.lang, &k.label)
        };
        let aligned = k
            .aligned_with
            .as_deref()
            .map(|p| {
                t!(
                    lang,
                    " (aligned with the {principal})",
                    principal = ctx.name(p)
                )
            })
            .unwrap_or_default();
        let layer = if k.layer == Layer::DeFacto {
            format!(" · {}", tr(lang, layer_label(Layer::DeFacto)))
        } else {
            String::new()
        };
        b.wrapped(
            1,
            &format!(
                "▸ {label}{aligned}: {}{layer}",
                t!(
                    lang,
                    "{n} {n:seat|seats} · Banzhaf {b} · Shapley-Shubik {s}",
                    n = k.seats,
                    b = pct(k.banzhaf),
                    s = pct(k.shapley_shubik)
                )
            ),
            t.base,
        );
        if let Some(bloc) = bloc.filter(|x| !x.source.is_empty()) {
            b.wrapped(3, &bloc.source, t.dim);
        }
    }
    if power.free_seats > 0 {
        b.wrapped(
            1,
            &t!(
                lang,
                "{n} {n:seat|seats} in no bloc: each Banzhaf {b} · Shapley-Shubik {s}",
                n = power.free_seats,
                b = pct(power.free_banzhaf),
                s = pct(power.free_shapley_shubik)
            ),
            t.dim,
        );
    }
}

//! The Bodies detail's last section: the text of every article its composition and its
//! accountability cite, from the constitution that ships for the dataset ([`crate::law`]), so
//! that a lawyer reads the paragraph a figure is coded from without leaving the explorer.
//!
//! ```text
//!  THE TEXT (Constitution, in Russian)
//!   Article 71, paragraph 2
//!     2. Председатель Конституционного Суда назначается Президентом Республики с
//!     согласия Сената Парламента.
//! ```

use super::bodies::Builder;
use crate::law::{self, Passage};
use crate::model::Body;

/// The passages `body`'s own source, its channels and the edges to it cite, each once, in
/// the order first cited; empty where the dataset's text does not ship.
pub fn passages(dataset: &crate::model::Dataset, body: &Body) -> Vec<Passage> {
    let Some(text) = law::for_dataset(&dataset.meta.id) else {
        return Vec::new();
    };
    let sources = std::iter::once(body.source.as_str())
        .chain(body.channels.iter().map(|c| c.source.as_str()))
        .chain(
            dataset
                .edges
                .iter()
                .filter(|e| e.to == body.id)
                .map(|e| e.source.as_str()),
        );
    let mut out: Vec<Passage> = Vec::new();
    for cite in sources.flat_map(law::constitution_cites) {
        for p in text.resolve(&cite).unwrap_or_default() {
            if !out.iter().any(|q| q.heading == p.heading) {
                out.push(p);
            }
        }
    }
    out
}

pub(super) fn section(b: &mut Builder<'_>, body: &Body) {
    let passages = passages(&b.ctx.dataset, body);
    if passages.is_empty() {
        return;
    }
    let t = &b.ctx.theme;
    let (accent, dim) = (t.accent, t.dim);
    b.heading(crate::model::i18n::tr(
        b.ctx.lang,
        "THE TEXT (Constitution, in Russian)",
    ));
    for p in passages {
        b.wrapped(1, &p.heading, accent);
        for line in p.text.lines() {
            b.wrapped(3, line, dim);
        }
    }
}

//! The Sources view (`8`): the dataset's bibliography with what cites each source, every
//! citation in the dataset (each body, seat channel and edge with its legal source), and the
//! text of the articles the selected citation names, from the constitution that ships with
//! bilik ([`crate::law`]), or a plain word that the text does not ship.
//!
//! ```text
//!  ┌ Sources of kz-2022 (16) ───────────────────────────────────────────────────┐
//!  │▸S1    Constitution of the Republic of Kazakhstan…  40 channels, 61 edges  │
//!  │ S5    TURKPA profile of the Parliament of Kaz…      2 channels            │
//!  └────────────────────────────────────────────────────────────────────────────┘
//!  ┌ Citations (180) ────────────────────┐┌ The text · ↑/↓ scroll · ← back ──────┐
//!  │Constitutional… Chair     Constitut… ││Constitutional Court · Chair, 1 seat:  │
//!  │Constitutional… Judges    Constitut… ││Article 71, paragraph 2               │
//! ```
//!
//! The citations follow the selected body: a body chosen in another view (`1`, then `8`) opens
//! on its citations, and moving through the citations selects their bodies everywhere.
//! Strings from the data reach the terminal only through ratatui spans, which drop control
//! characters; the app drops bidirectional controls from every frame.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Memo, Pane, Tab, block, fit, glyph, scroll_to, step, wrap};
use crate::law;
use crate::model::i18n::{tr, word};
use crate::model::phrase::size_in;
use crate::model::{BodyId, Dataset, Lang};
use crate::output::sources::{Tally, attributes, named_by, tally};
use crate::t;
use crate::tui::ctx::{Changes, Ctx};
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::tabs::View;

/// What a citation is the source of: the body itself, one of its channels, an edge to it.
pub use crate::output::sources::Element as Coded;

/// One citation: the body it is listed under, what it codes, and the citation as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub body: BodyId,
    pub coded: Coded,
    pub source: String,
}

/// One source of the bibliography with how many elements cite it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub title: String,
    pub url: String,
    pub tally: Tally,
}

/// The bibliography and the citations of the dataset on screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    pub bibliography: Vec<Entry>,
    pub citations: Vec<Citation>,
}

impl Listing {
    /// Bodies in display order, each with its own source, its channels' and the edges to it.
    pub fn of(ctx: &Ctx) -> Listing {
        Listing::of_parts(&ctx.dataset, &ctx.order)
    }

    /// [`Listing::of`] the dataset `ds` with its bodies in the display order `order`.
    pub fn of_parts(ds: &Dataset, order: &[usize]) -> Listing {
        let mut edges_to: std::collections::HashMap<&str, Vec<usize>> = Default::default();
        for (i, e) in ds.edges.iter().enumerate() {
            edges_to.entry(e.to.as_str()).or_default().push(i);
        }
        let mut citations = Vec::new();
        for &i in order {
            let b = &ds.bodies[i];
            let mut push = |coded, source: &str| {
                if !source.trim().is_empty() {
                    citations.push(Citation {
                        body: b.id.clone(),
                        coded,
                        source: source.to_string(),
                    });
                }
            };
            push(Coded::Body, &b.source);
            for (a, (_, source)) in attributes(b).into_iter().enumerate() {
                push(Coded::Attribute(a), source);
            }
            for (c, ch) in b.channels.iter().enumerate() {
                push(Coded::Channel(c), &ch.source);
            }
            for (k, bloc) in b.blocs.iter().enumerate() {
                push(Coded::Bloc(k), &bloc.source);
            }
            for &e in edges_to.get(b.id.as_str()).into_iter().flatten() {
                push(Coded::Edge(e), &ds.edges[e].source);
            }
        }
        let bibliography = tally(ds)
            .into_iter()
            .map(|(s, tally)| Entry {
                id: s.id.clone(),
                title: s.title.clone(),
                url: s.url.clone(),
                tally,
            })
            .collect();
        Listing {
            bibliography,
            citations,
        }
    }
}

/// How a line of the text pane is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Title,
    Dim,
    Link,
    Heading,
    Text,
    /// What could not be found or does not ship, said plainly.
    Note,
}

/// A paragraph of the text pane, wrapped when drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub kind: Kind,
    pub indent: usize,
    pub text: String,
}

fn para(kind: Kind, indent: usize, text: impl Into<String>) -> Para {
    Para {
        kind,
        indent,
        text: text.into(),
    }
}

#[derive(Debug, Clone)]
pub struct SourcesView {
    pub row: usize,
    pub offset: usize,
    pub focus: Pane,
    /// The text pane's first line.
    pub scroll: usize,
    /// The selection changed elsewhere: the cursor moves to the selected body's citations.
    follow: bool,
    reading: Memo<(u64, usize, Lang), Vec<Para>>,
}

impl Default for SourcesView {
    fn default() -> Self {
        SourcesView {
            row: 0,
            offset: 0,
            focus: Pane::List,
            scroll: 0,
            follow: true,
            reading: Memo::default(),
        }
    }
}

/// The bibliography on top; under it the citations on the left and the text on the right.
pub fn split(main: Rect, sources: usize) -> (Rect, Rect, Rect) {
    let cap = (main.height * 2 / 5).max(4);
    let bib_h = (sources as u16 + 2).clamp(3, cap).min(main.height);
    let rest = main.height - bib_h;
    let list_w = (main.width / 2).clamp(30.min(main.width), 72.min(main.width));
    (
        Rect::new(main.x, main.y, main.width, bib_h),
        Rect::new(main.x, main.y + bib_h, list_w, rest),
        Rect::new(main.x + list_w, main.y + bib_h, main.width - list_w, rest),
    )
}

impl SourcesView {
    /// The listing for the dataset on screen: the one built in `update` (by the worker in the
    /// explorer: empty until it arrives), or built now for a frame drawn before the view was
    /// refreshed in tests.
    fn listing<'a>(&'a self, ctx: &'a Ctx) -> std::borrow::Cow<'a, Listing> {
        match ctx.listing() {
            Ok(l) => std::borrow::Cow::Borrowed(&**l),
            Err(()) if ctx.computes_now() => std::borrow::Cow::Owned(Listing::of(ctx)),
            Err(()) => std::borrow::Cow::Owned(Listing::default()),
        }
    }

    /// The citations in the order listed (for tests and the mouse).
    pub fn citations(&self, ctx: &Ctx) -> Vec<Citation> {
        self.listing(ctx).citations.clone()
    }

    fn panes(&self, ctx: &Ctx) -> (Rect, Rect, Rect) {
        let n = self.listing(ctx).bibliography.len();
        split(layout::screen(ctx.size).main, n)
    }

    fn reading_of(&self, ctx: &Ctx, listing: &Listing) -> Vec<Para> {
        let key = (ctx.revision(), self.row, ctx.lang);
        match self.reading.get(&key) {
            Some(r) => r.clone(),
            None => listing
                .citations
                .get(self.row)
                .map(|c| reading(ctx, c))
                .unwrap_or_default(),
        }
    }

    /// The text pane's lines at `width`.
    fn text_lines(&self, ctx: &Ctx, width: usize) -> Vec<(Kind, String)> {
        lines(&self.reading_of(ctx, &self.listing(ctx)), width)
    }

    fn scroll_text(&mut self, ctx: &Ctx, c: Command) {
        let (_, _, text) = self.panes(ctx);
        let inner = layout::inner(text);
        let height = usize::from(inner.height).max(1);
        let last = self
            .text_lines(ctx, usize::from(inner.width))
            .len()
            .saturating_sub(height);
        self.scroll = match c {
            Command::Up => self.scroll.saturating_sub(1),
            Command::Down => self.scroll + 1,
            Command::PageUp => self.scroll.saturating_sub(height),
            Command::PageDown => self.scroll + height,
            Command::HalfPageUp => self.scroll.saturating_sub(height / 2),
            Command::HalfPageDown => self.scroll + height / 2,
            Command::Top => 0,
            Command::Bottom => last,
            _ => self.scroll,
        }
        .min(last);
    }

    fn list_height(&self, ctx: &Ctx) -> usize {
        let (_, list, _) = self.panes(ctx);
        usize::from(list.height.saturating_sub(3)).max(1)
    }

    fn select_row(&mut self, ctx: &mut Ctx, row: usize) {
        let body = self.listing(ctx).citations.get(row).map(|c| c.body.clone());
        let Some(body) = body else {
            return;
        };
        if row != self.row {
            self.scroll = 0;
        }
        self.row = row;
        let height = self.list_height(ctx);
        self.offset = scroll_to(self.offset, self.row, height);
        ctx.select(body);
    }
}

impl Tab for SourcesView {
    fn update(&mut self, ctx: &mut Ctx, c: Command) -> Option<View> {
        match (self.focus, c) {
            (Pane::List, Command::Activate | Command::Right) => self.focus = Pane::Detail,
            (Pane::Detail, Command::Left) => self.focus = Pane::List,
            (Pane::Detail, _) => self.scroll_text(ctx, c),
            (Pane::List, _) => {
                let n = self.listing(ctx).citations.len();
                let row = step(self.row, n, c, self.list_height(ctx));
                self.select_row(ctx, row);
            }
        }
        None
    }

    fn click(&mut self, ctx: &mut Ctx, _main: Rect, at: Position) {
        let (_, list, text) = self.panes(ctx);
        if text.contains(at) {
            self.focus = Pane::Detail;
        } else if list.contains(at) {
            self.focus = Pane::List;
            let top = list.y + 2;
            if at.y >= top && at.y < list.y + list.height.saturating_sub(1) {
                let row = self.offset + usize::from(at.y - top);
                if row < self.listing(ctx).citations.len() {
                    self.select_row(ctx, row);
                }
            }
        }
    }

    fn wheel(&mut self, ctx: &Ctx, _main: Rect, at: Position) {
        let (_, list, text) = self.panes(ctx);
        if text.contains(at) {
            self.focus = Pane::Detail;
        } else if list.contains(at) {
            self.focus = Pane::List;
        }
    }

    fn catch_up(&mut self, _ctx: &Ctx, changes: Changes) {
        if changes.selection || changes.dataset {
            self.follow = true;
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) {
        let rev = ctx.revision();
        // Every citation of the state and the bibliography's tally: the worker's (a second
        // at 100,000 bodies); the cursor follows the selection once it is here.
        ctx.want_listing();
        let Ok(listing) = ctx.listing().cloned() else {
            return;
        };
        let n = listing.citations.len();
        if self.follow {
            self.follow = false;
            let here = listing.citations.get(self.row).map(|c| &c.body);
            if here != Some(&ctx.selected)
                && let Some(r) = listing
                    .citations
                    .iter()
                    .position(|c| c.body == ctx.selected)
            {
                self.row = r;
                self.scroll = 0;
                // The body's citations from the top of the list where they fit.
                self.offset = r;
            }
        }
        self.row = self.row.min(n.saturating_sub(1));
        let height = self.list_height(ctx);
        self.offset = scroll_to(self.offset.min(self.row), self.row, height);
        let key = (rev, self.row, ctx.lang);
        if self.reading.get(&key).is_none()
            && let Some(c) = listing.citations.get(self.row)
        {
            let r = reading(ctx, c);
            self.reading.set(key, r);
        }
    }

    fn render(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        if ctx.listing().is_err() && !ctx.computes_now() {
            let title = format!(" {} ", crate::model::i18n::tr(ctx.lang, "Sources"));
            let blk = block(&ctx.theme, Span::styled(title, ctx.theme.title), false);
            let inner = blk.inner(area);
            blk.render(area, buf);
            let note = crate::model::i18n::tr(ctx.lang, "the sources: measuring…");
            buf.set_stringn(
                inner.x,
                inner.y,
                note,
                usize::from(inner.width),
                ctx.theme.dim,
            );
            return;
        }
        let listing = self.listing(ctx);
        let (bib, list, text) = split(area, listing.bibliography.len());
        let current = listing.citations.get(self.row);
        let named: Vec<String> = current
            .map(|c| {
                named_by(&ctx.dataset, &c.source)
                    .into_iter()
                    .map(|s| s.id.clone())
                    .collect()
            })
            .unwrap_or_default();
        self.bibliography(ctx, &listing, &named, bib, buf);
        self.list(ctx, &listing, list, buf);
        self.text(ctx, &listing, text, buf);
    }
}

impl SourcesView {
    fn bibliography(
        &self,
        ctx: &Ctx,
        listing: &Listing,
        named: &[String],
        area: Rect,
        buf: &mut Buffer,
    ) {
        let t = &ctx.theme;
        let entries = &listing.bibliography;
        let blk = block(
            t,
            Line::from(vec![
                Span::styled(
                    format!(
                        " {} ",
                        t!(
                            ctx.lang,
                            "Sources of {id} ({n})",
                            id = ctx.dataset.meta.id,
                            n = entries.len()
                        )
                    ),
                    t.title,
                ),
                Span::styled(
                    format!("{} ", tr(ctx.lang, "· ▸ cited by the selected citation")),
                    t.dim,
                ),
            ]),
            false,
        );
        let inner = blk.inner(area);
        blk.render(area, buf);
        if inner.height == 0 || inner.width < 10 {
            return;
        }
        if entries.is_empty() {
            buf.set_stringn(
                inner.x,
                inner.y,
                tr(ctx.lang, "The dataset lists no sources."),
                usize::from(inner.width),
                t.dim,
            );
            return;
        }
        let height = usize::from(inner.height);
        // The first source the citation names stays in sight.
        let first = entries.iter().position(|e| named.contains(&e.id));
        let start = first.map_or(0, |f| (f + 1).saturating_sub(height));
        let w = usize::from(inner.width);
        let id_w = entries
            .iter()
            .map(|e| e.id.chars().count())
            .max()
            .unwrap_or(2);
        let id_w = id_w.clamp(2, 8);
        let counts_w = 30.min(w / 3);
        let url_w = if w >= 120 { (w / 4).min(48) } else { 0 };
        let title_w =
            w.saturating_sub(2 + id_w + 1 + 1 + counts_w + usize::from(url_w > 0) + url_w);
        for (i, e) in entries.iter().enumerate().skip(start).take(height) {
            let on = named.contains(&e.id);
            let y = inner.y + (i - start) as u16;
            let mut spans = vec![
                Span::styled(if on { "▸ " } else { "  " }, t.accent),
                Span::styled(fit(&e.id, id_w), if on { t.accent } else { t.base }),
                Span::raw(" "),
                Span::styled(fit(&e.title, title_w), if on { t.accent } else { t.base }),
                Span::raw(" "),
                Span::styled(fit(&e.tally.counts_in(ctx.lang), counts_w), t.dim),
            ];
            if url_w > 0 {
                spans.push(Span::raw(" "));
                spans.push(Span::styled(fit(&e.url, url_w), t.link));
            }
            buf.set_line(inner.x, y, &Line::from(spans), inner.width);
        }
    }

    fn list(&self, ctx: &Ctx, listing: &Listing, area: Rect, buf: &mut Buffer) {
        let t = &ctx.theme;
        let focused = self.focus == Pane::List;
        let blk = block(
            t,
            Line::from(vec![
                Span::styled(
                    format!(
                        " {} ",
                        t!(ctx.lang, "Citations ({n})", n = listing.citations.len())
                    ),
                    t.title,
                ),
                Span::styled(format!("{} ", tr(ctx.lang, "· Enter: the text")), t.dim),
            ]),
            focused,
        );
        let inner = blk.inner(area);
        blk.render(area, buf);
        if inner.height < 2 || inner.width < 12 {
            return;
        }
        let w = usize::from(inner.width);
        let body_w = (w * 3 / 10).clamp(6, 28);
        let what_w = (w / 4).clamp(6, 22);
        let cite_w = w.saturating_sub(body_w + what_w + 2);
        buf.set_line(
            inner.x,
            inner.y,
            &Line::from(Span::styled(
                format!(
                    "{} {} {}",
                    fit(word(ctx.lang, "sources", "body"), body_w),
                    fit(word(ctx.lang, "sources", "codes"), what_w),
                    fit(word(ctx.lang, "sources", "citation"), cite_w)
                ),
                t.title,
            )),
            inner.width,
        );
        let height = usize::from(inner.height - 1);
        for (r, c) in listing
            .citations
            .iter()
            .enumerate()
            .skip(self.offset)
            .take(height)
        {
            let selected = r == self.row;
            let base = if selected {
                if focused {
                    t.selected
                } else {
                    t.selected_unfocused
                }
            } else {
                t.base
            };
            let y = inner.y + 1 + (r - self.offset) as u16;
            let line = Line::from(vec![
                Span::styled(fit(ctx.name(&c.body), body_w), base),
                Span::styled(" ", base),
                Span::styled(
                    fit(&short(ctx, c), what_w),
                    if selected { base } else { t.accent },
                ),
                Span::styled(" ", base),
                Span::styled(fit(&c.source, cite_w), if selected { base } else { t.dim }),
            ]);
            buf.set_line(inner.x, y, &line, inner.width);
        }
    }

    fn text(&self, ctx: &Ctx, listing: &Listing, area: Rect, buf: &mut Buffer) {
        let t = &ctx.theme;
        let inner = layout::inner(area);
        let all = lines(&self.reading_of(ctx, listing), usize::from(inner.width));
        let height = usize::from(inner.height);
        let last = all.len().saturating_sub(height);
        let scroll = self.scroll.min(last);
        let lang = ctx.lang;
        let more = if scroll < last {
            tr(lang, " · more below")
        } else {
            ""
        };
        let focused = self.focus == Pane::Detail;
        let hint = if focused {
            format!("{}{more} ", tr(lang, "· ↑/↓ scroll · ← back"))
        } else {
            format!("{}{more} ", tr(lang, "· → scroll"))
        };
        let blk = block(
            t,
            Line::from(vec![
                Span::styled(format!(" {} ", word(lang, "sources", "The text")), t.title),
                Span::styled(hint, t.dim),
            ]),
            focused,
        );
        let style = |k: Kind| -> Style {
            match k {
                Kind::Title => t.title,
                Kind::Dim => t.dim,
                Kind::Link => t.link,
                Kind::Heading => t.accent,
                Kind::Text => t.base,
                Kind::Note => t.medium,
            }
        };
        let shown: Vec<Line> = all
            .into_iter()
            .skip(scroll)
            .take(height)
            .map(|(k, s)| Line::from(Span::styled(s, style(k))))
            .collect();
        Paragraph::new(shown).block(blk).render(area, buf);
    }
}

/// The paragraphs wrapped at `width`, each continuation line under its paragraph's text.
fn lines(paras: &[Para], width: usize) -> Vec<(Kind, String)> {
    let mut out = Vec::new();
    for p in paras {
        if p.text.is_empty() {
            out.push((p.kind, String::new()));
            continue;
        }
        let pad = "  ".repeat(p.indent);
        let w = width.saturating_sub(pad.len()).max(8);
        for l in wrap(&p.text, w) {
            out.push((p.kind, format!("{pad}{l}")));
        }
    }
    out
}

/// What a citation codes, in a few words for the list: `the body`, `Chair`, `✕ President`.
fn short(ctx: &Ctx, c: &Citation) -> String {
    let ds = &ctx.dataset;
    let lang = ctx.lang;
    match c.coded {
        Coded::Body => word(lang, "sources", "the body").to_string(),
        Coded::Channel(i) => ds
            .body(&c.body)
            .and_then(|b| b.channels.get(i))
            .map(|ch| label(ds, lang, &ch.label, &ch.id).to_string())
            .unwrap_or_default(),
        Coded::Edge(i) => ds
            .edges
            .get(i)
            .map(|e| format!("{} {}", glyph(e.kind), ctx.name(&e.from)))
            .unwrap_or_default(),
        Coded::Attribute(i) => ds
            .body(&c.body)
            .and_then(|b| attributes(b).get(i).map(|a| a.0.replace('_', " ")))
            .unwrap_or_default(),
        Coded::Bloc(i) => ds
            .body(&c.body)
            .and_then(|b| b.blocs.get(i))
            .map(|k| {
                format!(
                    "{} {}",
                    word(lang, "sources", "bloc"),
                    label(ds, lang, &k.label, &k.id)
                )
            })
            .unwrap_or_default(),
    }
}

/// A channel's or bloc's label in `lang`, or its id when it has none.
fn label<'a>(ds: &'a Dataset, lang: Lang, label: &'a str, id: &'a str) -> &'a str {
    if label.is_empty() {
        id
    } else {
        ds.prose(lang, label)
    }
}

/// What a citation codes, in full: the channel's seats and steps, the edge's kind and ends.
pub fn describe(ds: &Dataset, lang: Lang, c: &Citation) -> String {
    let name = |id: &str| ds.name(id, lang).to_string();
    let Some(body) = ds.body(&c.body) else {
        return c.body.clone();
    };
    match c.coded {
        Coded::Body => t!(
            lang,
            "{name}: the body itself, {size}",
            name = name(&body.id),
            size = size_in(lang, body.seats, body.seats_nominal)
        ),
        Coded::Channel(i) => {
            let Some(ch) = body.channels.get(i) else {
                return name(&body.id);
            };
            let steps: Vec<String> = ch
                .steps
                .iter()
                .map(|s| {
                    let role = word(lang, "role", s.role.as_str()).replace('_', " ");
                    format!("{} ({role})", name(&s.actor))
                })
                .collect();
            format!(
                "{} · {}, {}: {}",
                name(&body.id),
                label(ds, lang, &ch.label, &ch.id),
                size_in(lang, ch.seats, false),
                steps.join(" → ")
            )
        }
        Coded::Edge(i) => {
            let Some(e) = ds.edges.get(i) else {
                return name(&body.id);
            };
            let channel = e
                .channel
                .as_ref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            format!(
                "{}: {} → {}{channel}",
                word(lang, "kind", e.kind.as_str()).replace('_', " "),
                name(&e.from),
                name(&e.to)
            )
        }
        Coded::Attribute(i) => {
            let a = attributes(body)
                .get(i)
                .map_or(String::new(), |a| a.0.replace('_', " "));
            t!(
                lang,
                "{name}: the attribute {a}",
                name = name(&body.id),
                a = a
            )
        }
        Coded::Bloc(i) => {
            let Some(k) = body.blocs.get(i) else {
                return name(&body.id);
            };
            t!(
                lang,
                "{name} · bloc {label}, {size}",
                name = name(&body.id),
                label = label(ds, lang, &k.label, &k.id),
                size = size_in(lang, k.seats, false)
            )
        }
    }
}

/// The text pane of a citation: what it codes, the citation, the sources it names with their
/// addresses, then the text of each article it cites, or why there is none.
pub fn reading(ctx: &Ctx, c: &Citation) -> Vec<Para> {
    let ds = &ctx.dataset;
    let lang = ctx.lang;
    let mut out = vec![
        para(Kind::Title, 0, describe(ds, lang, c)),
        para(
            Kind::Dim,
            0,
            t!(lang, "Cited as: {source}", source = c.source),
        ),
    ];
    let named = named_by(ds, &c.source);
    for s in &named {
        out.push(para(Kind::Link, 0, format!("[{}] · {}", s.id, s.title)));
        if !s.url.is_empty() {
            out.push(para(Kind::Link, 2, s.url.clone()));
        }
    }
    out.push(para(Kind::Text, 0, ""));
    let Some(text) = law::for_dataset(&ds.meta.id) else {
        let shipped: Vec<&str> = law::TEXTS
            .iter()
            .flat_map(|t| t.datasets.iter().copied())
            .collect();
        out.push(para(
            Kind::Note,
            0,
            t!(
                lang,
                "The text is not shipped for {id}: bilik ships the constitutions that {ids} cite. Read the source at its address above.",
                id = ds.meta.id,
                ids = shipped.join(&format!(" {} ", word(lang, "sources", "and")))
            ),
        ));
        return out;
    };
    let cites = law::constitution_cites(&c.source);
    if cites.is_empty() {
        out.push(para(
            Kind::Note,
            0,
            tr(
                lang,
                "This citation names no article of the constitution, and only the constitution's text ships with bilik: read the source at its address above.",
            ),
        ));
        return out;
    }
    out.push(para(Kind::Dim, 0, tr(lang, text.title)));
    for cite in cites {
        match text.resolve(&cite) {
            Ok(passages) => {
                for p in passages {
                    out.push(para(Kind::Heading, 0, p.heading));
                    for l in p.text.lines() {
                        out.push(para(Kind::Text, 1, l));
                    }
                }
            }
            Err(e) => out.push(para(
                Kind::Note,
                0,
                t!(
                    lang,
                    "{cite}: not in the shipped text ({e})",
                    cite = cite,
                    e = e
                ),
            )),
        }
    }
    out
}

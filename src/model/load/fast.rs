//! A reader of dataset text for the common case, to the same [`RawDataset`] as `ron` gives.
//!
//! `ron` through serde spends about a microsecond per value at 100,000 bodies (a generic
//! whitespace and identifier scanner, Unicode tables, a visitor per field), which made parsing
//! the largest part of loading. This reader knows the dataset's types and reads the subset of
//! RON that datasets are written in: structs with or without their name, lists, maps, strings
//! with the simple escapes, decimal numbers, `true`/`false`, bare words, `//` comments. On
//! anything else, valid or not, it gives up (`None`) and the loader parses the text with
//! `ron`, whose values and error messages are then the ones reported. So it never decides
//! what a file means or where an error is: it only spares `ron` the files it would accept.
//!
//! What it gives up on: `Some(..)` and `None`, raw strings and identifiers, `\x` and `\u`
//! escapes and string continuations, block comments, attributes (`#![enable(..)]`), non-ASCII
//! outside strings (Unicode identifiers and whitespace), numbers with a sign `+`, a base,
//! underscores, a suffix or a leading zero, `inf` and `NaN`, a struct named otherwise than its
//! type, unknown, repeated or missing required fields, and a line comment ending the file.
//! `fast_reads_as_ron` checks it against `ron` on every shipped dataset and on
//! thousands of damaged ones.
//!
//! Cost: one pass over the text, O(n) for n bytes, one allocation per string, bare word and
//! list; nothing else is kept. Two readers may share the pass ([`read_until`] a body,
//! [`read_from`] it), the body found by a search of the text, O(n) ([`split_guess`]).

use std::collections::BTreeMap;

use crate::model::raw::{
    RawBloc, RawBody, RawChannel, RawChannelAlt, RawDataset, RawEdge, RawEdgeAlt, RawNames,
    RawRound, RawSource, RawStep, RawStepAlt, RawVote, Word,
};

/// The dataset `text` holds, or `None` when the text is outside the subset read here.
/// No map of such text has a key written twice.
pub(super) fn raw_dataset(text: &str) -> Option<RawDataset> {
    let mut c = Cursor::at(text, 0);
    let d = RawDataset::read(&mut c)?;
    c.ws()?;
    (c.pos == c.bytes.len()).then_some(d)
}

/// What [`raw_dataset_each`] hands on as it reads: a body or an edge, and, after the first
/// [`SAMPLE`] items of a list, the number of items the list is [`expected`] to hold.
pub(super) enum Item {
    Bodies(usize),
    Body(RawBody),
    Edges(usize),
    Edge(RawEdge),
}

/// How many items a list of `sample` items read in `read` bytes is expected to hold when it
/// takes the `rest` bytes of the text: so that the vector of a long list is sized once, from
/// its first items, instead of doubling as its values come (at 100,000 bodies the last
/// doubling of the bodies held 60 MB at the heap's peak). An overestimate costs little: the
/// pages of a vector's tail never written are never touched, and mimalloc shrinks a block
/// to no less than half of it in place.
fn expected(sample: usize, read: usize, rest: usize) -> usize {
    sample.saturating_mul(rest) / read.max(1)
}

/// The number of items of a list read before its length is guessed from them.
const SAMPLE: usize = 256;

/// Reads a list, handing each of its items (`read`) to `item` and, once [`SAMPLE`] items are
/// read, the length the list is expected to have (`count`). `inside`: the list's `[` and its
/// items before the cursor are read already (by another reader), an item or `]` comes next.
/// Stops before the item that starts at byte `stop`, if it comes to one: `Some(true)`.
fn sampled(
    c: &mut Cursor<'_>,
    item: &mut impl FnMut(Item) -> Option<()>,
    read: impl Fn(&mut Cursor<'_>) -> Option<Item>,
    count: fn(usize) -> Item,
    inside: bool,
    stop: Option<usize>,
) -> Option<bool> {
    c.ws()?;
    let (start, mut k) = (c.pos, 0);
    c.each_from(inside, stop, |c| {
        item(read(c)?)?;
        k += 1;
        if k == SAMPLE {
            item(count(expected(k, c.pos - start, c.bytes.len() - start)))?;
        }
        Some(())
    })
}

/// The dataset's own fields as one reader found them; its bodies and edges are handed on as
/// they are read, and only whether their lists were met is kept.
#[derive(Default)]
pub(super) struct Head {
    id: Option<Option<String>>,
    title: Option<Option<String>>,
    jurisdiction: Option<Option<String>>,
    as_of: Option<Option<String>>,
    note: Option<String>,
    sources: Option<Vec<RawSource>>,
    weights: Option<BTreeMap<String, f64>>,
    principals: Option<Option<Vec<String>>>,
    bodies: bool,
    edges: bool,
}

impl Head {
    /// The fields two readers of one text found, the second reading on from a body where
    /// the first stopped (both met the bodies); `None` when both met another field (a field
    /// written twice, which serde refuses).
    pub(super) fn and(self, later: Head) -> Option<Head> {
        fn one<T>(a: Option<T>, b: Option<T>) -> Option<Option<T>> {
            match (a, b) {
                (Some(_), Some(_)) => None,
                (a, b) => Some(a.or(b)),
            }
        }
        if self.edges && later.edges {
            return None;
        }
        Some(Head {
            id: one(self.id, later.id)?,
            title: one(self.title, later.title)?,
            jurisdiction: one(self.jurisdiction, later.jurisdiction)?,
            as_of: one(self.as_of, later.as_of)?,
            note: one(self.note, later.note)?,
            sources: one(self.sources, later.sources)?,
            weights: one(self.weights, later.weights)?,
            principals: one(self.principals, later.principals)?,
            bodies: self.bodies || later.bodies,
            edges: self.edges || later.edges,
        })
    }

    /// The dataset of these fields, with no bodies and no edges; `None` when a required field
    /// is missing.
    pub(super) fn dataset(self) -> Option<RawDataset> {
        fn given<T: Read>(slot: Option<T>) -> Option<T> {
            match slot {
                Some(v) => Some(v),
                None => T::absent(),
            }
        }
        Some(RawDataset {
            id: given(self.id)?,
            title: given(self.title)?,
            jurisdiction: given(self.jurisdiction)?,
            as_of: given(self.as_of)?,
            note: given(self.note)?,
            sources: given(self.sources)?,
            weights: given(self.weights)?,
            principals: given(self.principals)?,
            bodies: Vec::new(),
            edges: Vec::new(),
        })
    }

    /// Reads the value of the field `name`, [`fields`](Self::fields) of one field.
    fn field(
        &mut self,
        c: &mut Cursor<'_>,
        name: &str,
        item: &mut impl FnMut(Item) -> Option<()>,
        stop: Option<usize>,
    ) -> Option<bool> {
        fn once<T: Read>(slot: &mut Option<T>, c: &mut Cursor<'_>) -> Option<()> {
            if slot.is_some() {
                return None;
            }
            *slot = Some(T::read(c)?);
            Some(())
        }
        match name {
            "id" => once(&mut self.id, c)?,
            "title" => once(&mut self.title, c)?,
            "jurisdiction" => once(&mut self.jurisdiction, c)?,
            "as_of" => once(&mut self.as_of, c)?,
            "note" => once(&mut self.note, c)?,
            "sources" => once(&mut self.sources, c)?,
            "weights" => once(&mut self.weights, c)?,
            "principals" => once(&mut self.principals, c)?,
            "bodies" if !self.bodies => {
                self.bodies = true;
                let body = |c: &mut Cursor<'_>| Some(Item::Body(RawBody::read(c)?));
                return sampled(c, item, body, Item::Bodies, false, stop);
            }
            "edges" if !self.edges => {
                self.edges = true;
                let edge = |c: &mut Cursor<'_>| Some(Item::Edge(RawEdge::read(c)?));
                sampled(c, item, edge, Item::Edges, false, None)?;
            }
            _ => return None,
        }
        Some(false)
    }

    /// Reads the dataset's fields up to its closing `)` and the end of the text, handing each
    /// body and edge to `item`; `first`: no field has been read yet. Stops before the body
    /// that starts at byte `stop`, if it comes to one at the top of the bodies' list:
    /// `Some(true)`, with the cursor there.
    fn fields(
        &mut self,
        c: &mut Cursor<'_>,
        mut first: bool,
        item: &mut impl FnMut(Item) -> Option<()>,
        stop: Option<usize>,
    ) -> Option<bool> {
        while let Some(name) = c.field(&mut first)? {
            if self.field(c, name, item, stop)? {
                return Some(true);
            }
        }
        c.ws()?;
        (c.pos == c.bytes.len()).then_some(false)
    }
}

/// [`raw_dataset`], handing each body and edge to `item` as soon as it is read instead of
/// keeping it: the dataset comes back with no bodies and no edges. `None` as soon as `item`
/// says `None`, or on text outside the subset read here. The raw values of one body or edge
/// are all that is held at a time, so that whoever converts them as they come leaves no
/// raw values behind.
pub(super) fn raw_dataset_each(
    text: &str,
    item: impl FnMut(Item) -> Option<()>,
) -> Option<RawDataset> {
    match read_until(text, None, item)? {
        (head, false) => head.dataset(),
        (_, true) => None,
    }
}

/// [`raw_dataset_each`] up to the body that starts at byte `stop`: the fields read, and
/// whether it stopped there (`true`) or, never meeting that byte at the start of a body, read
/// the whole text (`false`). Another reader goes on from `stop` ([`read_from`]).
pub(super) fn read_until(
    text: &str,
    stop: Option<usize>,
    mut item: impl FnMut(Item) -> Option<()>,
) -> Option<(Head, bool)> {
    let (mut c, mut head) = opened(text)?;
    let stopped = head.fields(&mut c, true, &mut item, stop)?;
    Some((head, stopped))
}

/// A reader at the start of `text`'s dataset, past its opening, with no field read yet.
fn opened(text: &str) -> Option<(Cursor<'_>, Head)> {
    let mut c = Cursor::at(text, 0);
    c.open_struct("Dataset")?;
    Some((c, Head::default()))
}

/// Reads on from the body that starts at byte `at` of `text` to the end, as [`read_until`]
/// would have gone on had it not stopped there; the fields read before `at` are the other
/// reader's.
pub(super) fn read_from(
    text: &str,
    at: usize,
    mut item: impl FnMut(Item) -> Option<()>,
) -> Option<Head> {
    let mut c = Cursor::at(text, at);
    let body = |c: &mut Cursor<'_>| Some(Item::Body(RawBody::read(c)?));
    sampled(&mut c, &mut item, body, Item::Bodies, true, None)?;
    let mut head = Head {
        bodies: true,
        ..Head::default()
    };
    head.fields(&mut c, false, &mut item, None)?;
    Some(head)
}

/// Where a second reader could start, about `share` of the way through the text: the start
/// of a body found by the bytes the second body starts with (`\n  (`: its line, its
/// indentation and its first byte), searched from there. Only a guess: a string or a comment may hold those bytes, or the bodies may
/// end before; [`read_until`] tells whether it was met at the start of a body.
pub(super) fn split_guess(text: &str, share: f64) -> Option<usize> {
    let (mut c, mut head) = opened(text)?;
    let mut first = true;
    // The fields before the bodies are read again by the first reader: a few kilobytes.
    loop {
        let name = c.field(&mut first)??;
        if name == "bodies" {
            break;
        }
        head.field(&mut c, name, &mut |_| None, None)?;
    }
    if !c.eat(b'[')? {
        return None;
    }
    RawBody::read(&mut c)?;
    if !c.eat(b',')? {
        return None;
    }
    let comma = c.pos - 1;
    c.ws()?;
    // From the line the second body starts on, when it starts a line: what separates the
    // first two may hold a comment of their own.
    let between = text.get(comma..c.pos)?;
    let from_line = between.rfind('\n').map_or(comma, |n| comma + n);
    let sep = text.get(from_line..c.pos + 1)?;
    let mut from = ((text.len() as f64 * share) as usize).clamp(c.pos, text.len());
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let found = text[from..].find(sep)?;
    Some(from + found + sep.len() - 1)
}
struct Cursor<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn at(text: &'a str, pos: usize) -> Self {
        Cursor {
            text,
            bytes: text.as_bytes(),
            pos,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skips whitespace and line comments; `None` on what `ron` might read otherwise.
    fn ws(&mut self) -> Option<()> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => self.pos += 1,
                Some(b'/') => {
                    if self.bytes.get(self.pos + 1) != Some(&b'/') {
                        return None;
                    }
                    let rest = &self.bytes[self.pos..];
                    self.pos += rest.iter().position(|&b| b == b'\n')?;
                }
                _ => return Some(()),
            }
        }
    }

    /// Skips whitespace, then takes `c` if it comes next.
    fn eat(&mut self, c: u8) -> Option<bool> {
        self.ws()?;
        if self.peek() == Some(c) {
            self.pos += 1;
            Some(true)
        } else {
            Some(false)
        }
    }

    /// An ASCII identifier; `None` when none comes next or it runs into what `ron` might read
    /// as part of one (Unicode, `r#`).
    fn ident(&mut self) -> Option<&'a str> {
        self.ws()?;
        let start = self.pos;
        match self.peek() {
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => {}
            _ => return None,
        }
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
        {
            self.pos += 1;
        }
        if self.peek().is_some_and(|c| c >= 0x80 || c == b'#') {
            return None;
        }
        let word = &self.text[start..self.pos];
        // `Some(..)` and `None` are options, left to `ron`.
        (!matches!(word, "Some" | "None")).then_some(word)
    }

    /// After a value: a separator or a closing bracket must come, not more of the value.
    fn ends_value(&self) -> bool {
        !self.peek().is_some_and(|c| {
            c.is_ascii_alphanumeric() || c >= 0x80 || matches!(c, b'_' | b'.' | b'+' | b'-')
        })
    }

    fn string(&mut self) -> Option<String> {
        self.ws()?;
        if self.peek() != Some(b'"') {
            return None;
        }
        self.pos += 1;
        let start = self.pos;
        let rest = &self.bytes[start..];
        let end = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
        if rest[end] == b'"' {
            self.pos = start + end + 1;
            return Some(self.text[start..start + end].to_string());
        }
        // Escapes: the simple ones only.
        let mut out = Vec::with_capacity(end + 16);
        let mut i = start;
        loop {
            let b = *self.bytes.get(i)?;
            match b {
                b'"' => break,
                b'\\' => {
                    out.push(match *self.bytes.get(i + 1)? {
                        b'\'' => b'\'',
                        b'"' => b'"',
                        b'\\' => b'\\',
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'0' => b'\0',
                        _ => return None,
                    });
                    i += 2;
                }
                _ => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        self.pos = i + 1;
        String::from_utf8(out).ok()
    }

    /// The text of a number: `-`, digits, and for a float `.`, `e`, `E` and signs after `e`.
    fn number(&mut self, float: bool) -> Option<&'a str> {
        self.ws()?;
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let digits = self.pos;
        while self.peek().is_some_and(|c| {
            c.is_ascii_digit() || (float && matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
        }) {
            self.pos += 1;
        }
        let text = &self.text[start..self.pos];
        let lead = &self.bytes[digits..self.pos];
        let leading_zero = lead.len() > 1 && lead[0] == b'0' && lead[1].is_ascii_digit();
        if lead.first().is_none_or(|c| !c.is_ascii_digit())
            || leading_zero
            || text.contains("..")
            || !self.ends_value()
        {
            return None;
        }
        Some(text)
    }

    /// `(`, after the struct's name if it is written; `None` for another name.
    fn open_struct(&mut self, name: &str) -> Option<()> {
        self.ws()?;
        if self.peek().is_some_and(|c| c.is_ascii_alphabetic()) && self.ident()? != name {
            return None;
        }
        self.eat(b'(')?.then_some(())
    }

    /// The next field's name, or `None` inside when the struct closes.
    fn field(&mut self, first: &mut bool) -> Option<Option<&'a str>> {
        if !*first && !self.eat(b',')? {
            return self.eat(b')')?.then_some(None);
        }
        *first = false;
        if self.eat(b')')? {
            return Some(None);
        }
        let name = self.ident()?;
        self.eat(b':')?.then_some(Some(name))
    }

    /// Reads `[a, b, ...]` with `item` for each element.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let mut out = Vec::new();
        self.each(|c| {
            out.push(item(c)?);
            Some(())
        })?;
        // Most lists are short (a channel's 1-3 steps) and grew to 4: the slack of every list
        // read adds up to a third of the raw values.
        out.shrink_to_fit();
        Some(out)
    }

    /// Reads `[a, b, ...]`, handing each element to `item` as it is read.
    fn each(&mut self, item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.each_from(false, None, item).map(|_| ())
    }

    /// [`each`](Self::each), from inside the list when `inside` (its `[` and the elements
    /// before the cursor read already), stopping before the element that starts at byte
    /// `stop` if it comes to one (`Some(true)`, the cursor there).
    fn each_from(
        &mut self,
        inside: bool,
        stop: Option<usize>,
        mut item: impl FnMut(&mut Self) -> Option<()>,
    ) -> Option<bool> {
        if !inside && !self.eat(b'[')? {
            return None;
        }
        loop {
            if self.eat(b']')? {
                return Some(false);
            }
            if stop == Some(self.pos) {
                return Some(true);
            }
            item(self)?;
            if !self.eat(b',')? {
                return self.eat(b']')?.then_some(false);
            }
        }
    }

    /// Reads `{k: v, ...}`. A key written twice (which the loader refuses, at its place) or
    /// with an escape (which the scan for keys written twice reads as written) is left to
    /// `ron`, so that text read here has no key written twice.
    fn map<K: Ord, V>(
        &mut self,
        mut key: impl FnMut(&mut Self) -> Option<K>,
        mut value: impl FnMut(&mut Self) -> Option<V>,
    ) -> Option<BTreeMap<K, V>> {
        if !self.eat(b'{')? {
            return None;
        }
        let mut out = BTreeMap::new();
        loop {
            if self.eat(b'}')? {
                return Some(out);
            }
            self.ws()?;
            let start = self.pos;
            let k = key(self)?;
            if self.bytes[start..self.pos].contains(&b'\\') || !self.eat(b':')? {
                return None;
            }
            if out.insert(k, value(self)?).is_some() {
                return None;
            }
            if !self.eat(b',')? {
                return self.eat(b'}')?.then_some(out);
            }
        }
    }
}

/// A value of a dataset's type read from the text.
trait Read: Sized {
    fn read(c: &mut Cursor<'_>) -> Option<Self>;
    /// The value of a field left out: serde's default, or `None` where serde refuses.
    fn absent() -> Option<Self>;
}

impl Read for String {
    fn read(c: &mut Cursor<'_>) -> Option<Self> {
        c.string()
    }
    fn absent() -> Option<Self> {
        Some(String::new())
    }
}

impl Read for Word {
    fn read(c: &mut Cursor<'_>) -> Option<Self> {
        let word = c.ident()?;
        c.ends_value().then(|| Word::new(word))
    }
    fn absent() -> Option<Self> {
        None
    }
}

impl Read for i64 {
    fn read(c: &mut Cursor<'_>) -> Option<Self> {
        c.number(false)?.parse().ok()
    }
    fn absent() -> Option<Self> {
        None
    }
}

impl Read for f64 {
    fn read(c: &mut Cursor<'_>) -> Option<Self> {
        c.number(true)?.parse().ok()
    }
    fn absent() -> Option<Self> {
        None
    }
}

impl Read for bool {
    fn read(c: &mut Cursor<'_>) -> Option<Self> {
        let v = match c.ident()? {
            "true" => true,
            "false" => false,
            _ => return None,
        };
        c.ends_value().then_some(v)
    }
    fn absent() -> Option<Self> {
        Some(false)
    }
}

/// `implicit_some`: a value written bare is `Some`.
impl<T: Read> Read for Option<T> {
    fn read(c: &mut Cursor<'_>) -> Option<Self> {
        T::read(c).map(Some)
    }
    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl<T: Read> Read for Box<T> {
    fn read(c: &mut Cursor<'_>) -> Option<Self> {
        T::read(c).map(Box::new)
    }
    fn absent() -> Option<Self> {
        None
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(c: &mut Cursor<'_>) -> Option<Self> {
        c.list(T::read)
    }
    fn absent() -> Option<Self> {
        Some(Vec::new())
    }
}

impl<K: Read + Ord, V: Read> Read for BTreeMap<K, V> {
    fn read(c: &mut Cursor<'_>) -> Option<Self> {
        c.map(K::read, V::read)
    }
    fn absent() -> Option<Self> {
        Some(BTreeMap::new())
    }
}

/// A struct read field by field, as serde's derive with `deny_unknown_fields` reads it: each
/// field at most once, an unknown one refused, one left out given its default (`absent`), or
/// refused for the fields listed as required.
macro_rules! read_struct {
    ($ty:ident, $name:literal, [$($field:ident),* $(,)?] $(, required [$($req:ident),*])? $(, absent $absent:expr)?) => {
        impl Read for $ty {
            fn read(c: &mut Cursor<'_>) -> Option<Self> {
                c.open_struct($name)?;
                $(let mut $field = None;)*
                let mut first = true;
                while let Some(name) = c.field(&mut first)? {
                    match name {
                        $(stringify!($field) => {
                            if $field.is_some() {
                                return None;
                            }
                            $field = Some(Read::read(c)?);
                        })*
                        _ => return None,
                    }
                }
                $($($req.as_ref()?;)*)?
                Some($ty {
                    $($field: match $field {
                        Some(v) => v,
                        None => Read::absent()?,
                    },)*
                })
            }
            #[allow(unreachable_code)]
            fn absent() -> Option<Self> {
                $(return $absent;)?
                None
            }
        }
    };
}

read_struct!(
    RawDataset,
    "Dataset",
    [
        id,
        title,
        jurisdiction,
        as_of,
        note,
        sources,
        weights,
        principals,
        bodies,
        edges,
    ]
);
read_struct!(RawSource, "Source", [id, title, url, note], required [id, title]);
// A body may leave its names out (`#[serde(default)]`).
read_struct!(RawNames, "Names", [en, ru, kk], absent Some(RawNames::default()));
read_struct!(
    RawBody,
    "Body",
    [
        id,
        name,
        branch,
        role,
        seats,
        seats_nominal,
        independent,
        non_partisan,
        relatives_ban,
        senior_post,
        term_years,
        registration,
        liability,
        source,
        attribute_sources,
        confidence,
        note,
        channels,
        alignment,
        powers,
        decision,
        blocs,
    ]
);
read_struct!(
    RawChannel,
    "Channel",
    [
        id,
        label,
        seats,
        steps,
        mandate,
        source,
        confidence,
        note,
        alternatives,
        layer,
    ]
);
read_struct!(
    RawBloc,
    "Bloc",
    [
        id,
        label,
        seats,
        channels,
        aligned_with,
        layer,
        source,
        confidence,
        note,
    ]
);
read_struct!(
    RawStep,
    "Step",
    [actor, role, threshold, vote, note, alternatives]
);
read_struct!(RawVote, "Vote", [approve, block, plurality, of, then]);
read_struct!(RawRound, "Round", [approve, block, plurality, of]);
read_struct!(
    RawStepAlt,
    "StepAlternative",
    [id, actor, role, vote, source, argument, confidence,]
);
read_struct!(
    RawChannelAlt,
    "ChannelAlternative",
    [id, steps, mandate, source, argument, confidence,]
);
read_struct!(
    RawEdgeAlt,
    "EdgeAlternative",
    [
        id,
        kind,
        covers,
        after_refusals,
        absent,
        source,
        argument,
        confidence,
    ]
);
read_struct!(
    RawEdge,
    "Edge",
    [
        from,
        to,
        kind,
        channel,
        after_refusals,
        covers,
        bars,
        threshold,
        source,
        confidence,
        note,
        alternatives,
        layer,
    ]
);

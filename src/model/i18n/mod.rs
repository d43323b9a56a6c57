//! The message catalogue: every fixed word and sentence of the reports and the explorer in
//! English, Russian and Kazakh.
//!
//! The English text is the key, as gettext does it, so that a call site reads as the English
//! it prints and the English output cannot change: `tr(lang, "veto points")`, or with
//! arguments `t!(lang, "The {who} picks {n} of the {seats} seats.", who = name, n = 5, seats
//! = 11)`. A sentence whose English is built by code (the flags' possessives and articles)
//! has an id as its key instead (`flag.independent_majority`) and a [`Phrase`] that carries
//! its arguments to the other languages.
//!
//! Templates are filled by [`fill`]: `{name}` is replaced by the argument, and `{n:место|
//! места|мест}` writes the form of the word the number `n` takes (Russian: one, few, many, by
//! CLDR's rule; a fraction takes the few form, `2.5 места`; Kazakh nouns do not change after a
//! numeral, so its templates write the word once). No fragment of a sentence is glued to
//! another: each sentence is one template, in each language.
//!
//! Names of bodies are data, in the nominative. The Russian and Kazakh templates put them
//! where the nominative reads (a subject, after a colon or a dash, or in quotes after a
//! generic noun: `органа «Конституционный Суд»`), since a name cannot be declined.
//!
//! Numbers keep one written form in every language (`52.7%`, `2.50`): a figure is quoted from
//! one language version into another and into tables and spreadsheets, and must read the same.
//!
//! A key missing from the catalogue prints in English; the tests of the Russian and Kazakh
//! reports fail on any English sentence left.

mod catalogue;
mod catalogue_compare;
mod catalogue_views;
pub mod leftover;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::{Lang, numbers};

fn index() -> &'static HashMap<&'static str, (&'static str, &'static str)> {
    static INDEX: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    INDEX.get_or_init(|| {
        catalogue::ENTRIES
            .iter()
            .chain(catalogue_compare::ENTRIES)
            .chain(catalogue_views::ENTRIES)
            .map(|(en, ru, kk)| (*en, (*ru, *kk)))
            .collect()
    })
}

/// `en` in `lang`: the catalogue's entry, or `en` itself for English or a missing entry.
pub fn tr(lang: Lang, en: &'static str) -> &'static str {
    lookup(lang, en).unwrap_or(en)
}

/// The catalogue's entry for `key` in `lang`; `None` for English or a missing entry.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let (ru, kk) = index().get(key)?;
    match lang {
        Lang::En => None,
        Lang::Ru => Some(ru),
        Lang::Kk => Some(kk),
    }
}

/// A word of a closed vocabulary (`branch`, `role`, `severity`, `edge`) by its id, in
/// `lang`: the catalogue's `kind.id`, or the id itself in English.
pub fn word(lang: Lang, kind: &str, id: &'static str) -> &'static str {
    if lang == Lang::En {
        return id;
    }
    lookup(lang, &format!("{kind}.{id}")).unwrap_or(id)
}

/// The template `en` in `lang`, filled with `args` (see the module's notes).
pub fn fill(lang: Lang, en: &'static str, args: &[(&str, String)]) -> String {
    render(tr(lang, en), lang, args)
}

/// `t!(lang, "template {a}", a = x)`: [`fill`] with named arguments, each written with
/// `Display`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $en:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::model::i18n::fill(
            $lang,
            $en,
            &[$((stringify!($name), ($value).to_string())),*],
        )
    };
}

/// A translatable string: the word or plural form of a number of items, in Russian one of
/// three forms, for `{n:form|form|form}` and for code that needs the word alone.
pub fn plural_form(lang: Lang, n: f64, forms: &[&str]) -> usize {
    if forms.len() < 2 {
        return 0;
    }
    match lang {
        Lang::En => usize::from((n - 1.0).abs() > 1e-9),
        Lang::Kk => 0,
        Lang::Ru => {
            if (n - n.round()).abs() > 1e-9 {
                return 1.min(forms.len() - 1);
            }
            let n = n.abs().round() as u64;
            let (d, h) = (n % 10, n % 100);
            let i = if d == 1 && h != 11 {
                0
            } else if (2..=4).contains(&d) && !(12..=14).contains(&h) {
                1
            } else {
                2
            };
            i.min(forms.len() - 1)
        }
    }
}

/// Fills `template`: `{name}` takes the argument, `{name:a|b|c}` the form for its number.
fn render(template: &str, lang: Lang, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = &after[..close];
        let (name, forms) = match inner.split_once(':') {
            Some((n, f)) => (n, Some(f)),
            None => (inner, None),
        };
        match args.iter().find(|(k, _)| *k == name) {
            Some((_, value)) => match forms {
                None => out.push_str(value),
                Some(forms) => {
                    let forms: Vec<&str> = forms.split('|').collect();
                    let n: f64 = value.parse().unwrap_or(0.0);
                    out.push_str(forms[plural_form(lang, n, &forms)]);
                }
            },
            None => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// One argument of a [`Phrase`]: a body, named in the language the phrase is rendered in, or
/// a text that reads the same in every language (a number, a share, a channel's label).
///
/// At 100,000 bodies the analysis keeps about 200,000 phrases until the reports are written,
/// so an argument holds no copy it can avoid: ids are shared (`Arc<str>`, one allocation per
/// distinct id), numbers are kept as numbers and written when the phrase is, and no variant
/// is wider than two words (24 bytes an argument, the rare wide ones boxed).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Body(Arc<str>),
    /// The data's prose (a channel's label), put in the report's language where the dataset
    /// translates it.
    Text(Box<str>),
    /// A share, written as [`numbers::pct`] writes it.
    Pct(f64),
    /// A count of seats, refusals or other things.
    Count(u32),
    /// Shares through intermediaries, `(share, body)`: `8.2% through the Senate, …`.
    Through(Box<[(f64, Arc<str>)]>),
    /// A clause shown only when there is a text: the template (key) with `{x}` filled, and
    /// the text.
    Clause(Option<Box<(&'static str, Box<str>)>>),
    /// Bodies joined by `and`.
    Bodies(Box<[Arc<str>]>),
    /// A list of vocabulary ids (`kind.id` in the catalogue), joined by `and`: the kind and
    /// the ids.
    Words(Box<(&'static str, Box<[&'static str]>)>),
    /// One vocabulary id, `(kind, id)`: a word the rule picks from a fixed set.
    Word(&'static (&'static str, &'static str)),
}

impl Arg {
    /// The body's id, for a [`Arg::Body`].
    pub fn id(&self) -> Option<&str> {
        match self {
            Arg::Body(id) => Some(id),
            _ => None,
        }
    }

    /// The number, for a [`Arg::Count`].
    pub fn count(&self) -> Option<u32> {
        match self {
            Arg::Count(n) => Some(*n),
            _ => None,
        }
    }

    /// The argument as the same text in every language (a number, a share); `None` for a
    /// body, a list or a clause, which depend on the language.
    fn plain(&self) -> Option<String> {
        match self {
            Arg::Pct(x) => Some(numbers::pct(*x)),
            Arg::Count(n) => Some(n.to_string()),
            _ => None,
        }
    }
}

/// What a kind of [`Phrase`] is: its catalogue key and the names of its arguments in order,
/// written once as a static (`&Key { id: "flag.unaccountable", names: &["body"] }`), so that a
/// phrase holds its arguments alone (at 100,000 bodies the names, 16 bytes an argument, were
/// about 14 MB of the flags' phrases). Reads as its key.
#[derive(Debug, PartialEq)]
pub struct Key {
    pub id: &'static str,
    pub names: &'static [&'static str],
}

impl std::ops::Deref for Key {
    type Target = str;
    fn deref(&self) -> &str {
        self.id
    }
}

/// A sentence built in the analysis, kept as its catalogue key and arguments so that a
/// report in any language, English included, can word it when it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub key: &'static Key,
    /// The arguments, in the order of the key's names.
    pub args: Vec<Arg>,
}

impl Default for Phrase {
    fn default() -> Phrase {
        Phrase::new(&Key { id: "", names: &[] })
    }
}

impl Phrase {
    /// A phrase of kind `key`, with room for all its arguments: they are added in the
    /// order of its names.
    pub fn new(key: &'static Key) -> Phrase {
        Phrase {
            key,
            args: Vec::with_capacity(key.names.len()),
        }
    }

    pub fn body(self, name: &'static str, id: impl Into<Arc<str>>) -> Phrase {
        self.arg(name, Arg::Body(id.into()))
    }

    pub fn text(self, name: &'static str, value: impl ToString) -> Phrase {
        self.arg(name, Arg::Text(value.to_string().into()))
    }

    pub fn pct(self, name: &'static str, share: f64) -> Phrase {
        self.arg(name, Arg::Pct(share))
    }

    pub fn count(self, name: &'static str, n: u32) -> Phrase {
        self.arg(name, Arg::Count(n))
    }

    /// Adds the argument `name`, which must be the key's next name.
    pub fn arg(mut self, name: &'static str, arg: Arg) -> Phrase {
        debug_assert_eq!(
            self.key.names.get(self.args.len()),
            Some(&name),
            "{}",
            self.key.id
        );
        self.args.push(arg);
        self
    }

    /// The arguments with their names.
    pub fn named_args(&self) -> impl Iterator<Item = (&'static str, &Arg)> + '_ {
        self.key.names.iter().copied().zip(&self.args)
    }

    /// The argument named `name`.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        let i = self.key.names.iter().position(|k| *k == name)?;
        self.args.get(i)
    }

    /// The sentence in `lang`, naming bodies with `name`; `None` for English or a key the
    /// catalogue lacks (the caller then shows its English sentence).
    pub fn render(&self, lang: Lang, name: impl Fn(&str) -> String) -> Option<String> {
        self.render_with(lang, name, str::to_string)
    }

    /// [`Phrase::render`] with the data's prose in a clause (an edge's bars) put in `lang`
    /// by `prose`.
    pub fn render_with(
        &self,
        lang: Lang,
        name: impl Fn(&str) -> String,
        prose: impl Fn(&str) -> String,
    ) -> Option<String> {
        let template = lookup(lang, self.key)?;
        let args: Vec<(&str, String)> = self
            .named_args()
            .map(|(k, a)| match a {
                Arg::Body(id) => (k, name(id)),
                // A text argument may be the data's prose (a channel's label): translated when
                // the catalogue has it, the English otherwise.
                Arg::Text(s) => (k, prose(s)),
                Arg::Pct(_) | Arg::Count(_) => (k, a.plain().unwrap_or_default()),
                Arg::Through(parts) => (
                    k,
                    parts
                        .iter()
                        .map(|(share, via)| {
                            fill(
                                lang,
                                "{share} through the {via}",
                                &[("share", numbers::pct(*share)), ("via", name(via))],
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                Arg::Clause(Some(c)) if !c.1.is_empty() => {
                    (k, fill(lang, c.0, &[("x", prose(&c.1))]))
                }
                Arg::Clause(_) => (k, String::new()),
                Arg::Bodies(ids) => (
                    k,
                    ids.iter()
                        .map(|id| name(id))
                        .collect::<Vec<_>>()
                        .join(tr(lang, " and ")),
                ),
                Arg::Words(w) => (
                    k,
                    w.1.iter()
                        .map(|id| word(lang, w.0, id))
                        .collect::<Vec<_>>()
                        .join(tr(lang, " and ")),
                ),
                Arg::Word((kind, id)) => (k, word(lang, kind, id).to_string()),
            })
            .collect();
        Some(render(template, lang, &args))
    }
}

#[cfg(test)]
mod tests;

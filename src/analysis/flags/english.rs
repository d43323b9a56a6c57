//! The flags' English sentences, worded from their phrases when a report is written: the
//! analysis keeps one phrase per flag, not its sentence as well (at 100,000 bodies there are
//! about 200,000 flags, and a sentence is 100 to 200 bytes).
//!
//! A sentence names two to four bodies by id. [`Names`] remembers the names it found, by the
//! address of the shared id the phrase holds (one per id, see [`super::Id`]), so that a writer
//! of many sentences ([`Messages`]) looks each body up once per run of flags that name it (the
//! flag's body, the principals, an overseen body named twice) instead of once per mention.
//! Each sentence is written piece by piece into one buffer that the next sentence reuses: no
//! name, number or clause is copied into a string of its own (at 100,000 bodies those were
//! 1.2 million short-lived strings).
//! Time O(length of the sentence) per flag, memory O(1) (a fixed table of names, one buffer).

use std::cell::RefCell;
use std::fmt::{self, Write};

use super::Flag;
use crate::model::i18n::{Arg, Phrase};
use crate::model::numbers::positive_zero;
use crate::model::phrase::{lowered_after_the, possessive_s};
use crate::model::{Dataset, Lang};

impl Flag {
    /// The flag's sentence in English, bodies named from `dataset` (the dataset the analysis
    /// was made of).
    pub fn message(&self, dataset: &Dataset) -> String {
        let mut out = String::new();
        Names::with_slots(dataset, 4).write(self, &mut out);
        out
    }

    /// The sentences of `flags` in English, in order: each [`Flag::message`], with the names
    /// of the bodies looked up once per run of flags that name them.
    pub fn messages<'a>(
        flags: &'a [Flag],
        dataset: &'a Dataset,
    ) -> impl Iterator<Item = String> + 'a {
        let messages = Messages::new(dataset);
        flags.iter().map(move |f| messages.with(f, str::to_string))
    }
}

/// A writer of many flags' English sentences, each into the same buffer: for a report that
/// passes each sentence on as it is written (the JSON export).
pub struct Messages<'a> {
    names: Names<'a>,
    buf: RefCell<String>,
}

impl<'a> Messages<'a> {
    pub fn new(dataset: &'a Dataset) -> Messages<'a> {
        // A slot per body up to 32,768: the names of a large state's overseen bodies are
        // met in no order, and a miss costs a lookup by id.
        let slots = dataset.bodies.len().clamp(16, 1 << 15).next_power_of_two();
        Messages {
            names: Names::with_slots(dataset, slots),
            buf: RefCell::default(),
        }
    }

    /// `f` of `flag`'s sentence (the flag must be of the analysis of the dataset).
    pub fn with<R>(&self, flag: &'a Flag, f: impl FnOnce(&str) -> R) -> R {
        let mut buf = self.buf.borrow_mut();
        buf.clear();
        self.names.write(flag, &mut buf);
        f(&buf)
    }
}

/// Bodies' English names by id, remembered across the sentences of one dataset.
struct Names<'a> {
    dataset: &'a Dataset,
    /// A direct-mapped table by the id's address (a power of two long).
    slots: RefCell<Vec<Option<Slot<'a>>>>,
}

/// A remembered name: how it reads after `the` and before `'s`, decided once.
#[derive(Clone, Copy)]
struct Slot<'a> {
    id: &'a str,
    name: &'a str,
    /// The name's first letter is written in lower case after `the`.
    lowered: bool,
    /// The name takes `'s` (`the President's picks`), not `of` (`the picks of the ...`).
    takes_s: bool,
}

impl<'a> Slot<'a> {
    /// Writes the name as it reads after `the`.
    fn write_after_the(&self, out: &mut String) {
        let mut chars = self.name.chars();
        match chars.next() {
            Some(first) if self.lowered => {
                out.extend(first.to_lowercase());
                out.push_str(chars.as_str());
            }
            _ => out.push_str(self.name),
        }
    }
}

impl<'a> Names<'a> {
    fn with_slots(dataset: &'a Dataset, slots: usize) -> Names<'a> {
        Names {
            dataset,
            slots: RefCell::new(vec![None; slots.next_power_of_two()]),
        }
    }

    /// Writes `flag`'s sentence in English to `out`.
    fn write(&self, flag: &'a Flag, out: &mut String) {
        English {
            names: self,
            phrase: &flag.phrase,
        }
        .sentence(out);
    }

    /// Body `id`'s name, from the table or the dataset.
    fn slot(&self, id: &'a str) -> Slot<'a> {
        let mut slots = self.slots.borrow_mut();
        let bits = slots.len().trailing_zeros();
        let addr = id.as_ptr() as usize as u64;
        let i = if bits == 0 {
            0
        } else {
            ((addr >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
        };
        match slots[i] {
            // The same address and length: the same shared id.
            Some(x) if std::ptr::eq(x.id, id) => x,
            _ => {
                let name = self.dataset.name(id, Lang::En);
                let slot = Slot {
                    id,
                    name,
                    lowered: lowered_after_the(name),
                    takes_s: possessive_s(name),
                };
                slots[i] = Some(slot);
                slot
            }
        }
    }
}

struct English<'n, 'a> {
    names: &'n Names<'a>,
    phrase: &'a Phrase,
}

/// Writes the formatted pieces of a sentence to a `String`, which cannot fail.
fn put(out: &mut String, args: fmt::Arguments<'_>) {
    let _ = out.write_fmt(args);
}

/// A share as [`crate::model::numbers::pct`] writes it.
fn put_pct(out: &mut String, x: f64) {
    put(out, format_args!("{:.1}%", positive_zero(x * 100.0)));
}

impl<'a> English<'_, 'a> {
    fn id(&self, arg: &str) -> &'a str {
        self.phrase.get(arg).and_then(Arg::id).unwrap_or_default()
    }

    /// Writes the body named by the argument `arg` as it reads after `the`.
    fn name(&self, out: &mut String, arg: &str) {
        self.name_of(out, self.id(arg));
    }

    fn name_of(&self, out: &mut String, id: &'a str) {
        self.names.slot(id).write_after_the(out);
    }

    /// Writes `thing` of the body named by `arg`: `the President's pleasure`, `the picks of
    /// the Maslikhats` (as [`crate::model::phrase::possessive`] words it).
    fn of(&self, out: &mut String, arg: &str, thing: fmt::Arguments<'_>) {
        let slot = self.names.slot(self.id(arg));
        out.push_str("the ");
        if slot.takes_s {
            slot.write_after_the(out);
            out.push_str("'s ");
            put(out, thing);
        } else {
            put(out, thing);
            out.push_str(" of the ");
            slot.write_after_the(out);
        }
    }

    fn count(&self, arg: &str) -> u32 {
        self.phrase
            .get(arg)
            .and_then(Arg::count)
            .unwrap_or_default()
    }

    fn pct(&self, out: &mut String, arg: &str) {
        if let Some(Arg::Pct(x)) = self.phrase.get(arg) {
            put_pct(out, *x);
        }
    }

    fn text(&self, arg: &str) -> &'a str {
        match self.phrase.get(arg) {
            Some(Arg::Text(s)) => s,
            _ => "",
        }
    }

    fn clause(&self, arg: &str) -> Option<&'a str> {
        match self.phrase.get(arg) {
            Some(Arg::Clause(Some(c))) => Some(&c.1),
            _ => None,
        }
    }

    /// `n seats of the body`, as the tenure and mandate rules write a body's size.
    fn seats_of_body(&self, out: &mut String) {
        self.of(out, "body", format_args!("{} seats", self.count("seats")));
    }

    /// Writes what `f` writes with its first letter in upper case.
    fn capitalised(out: &mut String, f: impl FnOnce(&mut String)) {
        let start = out.len();
        f(out);
        if let Some(first) = out[start..].chars().next() {
            let upper: String = first.to_uppercase().collect();
            out.replace_range(start..start + first.len_utf8(), &upper);
        }
    }

    fn sentence(&self, out: &mut String) {
        let key = self.phrase.key;
        let rule = key.strip_prefix("flag.").unwrap_or(key);
        let (rule, variant) = rule.split_once('.').unwrap_or((rule, ""));
        match rule {
            "independent_majority" | "independent_largest_bloc" => {
                self.independence(out, rule, variant);
            }
            "appoint_dismiss_at_will" if variant == "one" => {
                out.push_str("The ");
                self.name(out, "who");
                out.push_str(" picks the ");
                self.name(out, "body");
                out.push_str(" and can dismiss the holder at will: the post is held at ");
                self.of(out, "who", format_args!("pleasure"));
                out.push('.');
            }
            "appoint_dismiss_at_will" => {
                out.push_str("The ");
                self.name(out, "who");
                put(out, format_args!(" picks {} of ", self.count("picked")));
                self.seats_of_body(out);
                put(
                    out,
                    format_args!(
                        " and can dismiss the holders of {} at will: they serve at ",
                        self.count("covered")
                    ),
                );
                self.of(out, "who", format_args!("pleasure"));
                out.push('.');
            }
            "removable_at_will" if variant == "one" => {
                out.push_str("The ");
                self.name(out, "who");
                out.push_str(" can dismiss the ");
                self.name(out, "body");
                out.push_str(", a post meant to be independent, at will.");
            }
            "removable_at_will" => {
                out.push_str("The ");
                self.name(out, "who");
                put(
                    out,
                    format_args!(" can dismiss the holders of {} of ", self.count("covered")),
                );
                self.seats_of_body(out);
                out.push_str(", a body meant to be independent, at will.");
            }
            "self_confirmation" => {
                let seats = self.count("seats");
                let one = seats == 1;
                Self::capitalised(out, |out| {
                    self.of(
                        out,
                        "who",
                        format_args!("{}", if one { "pick" } else { "picks" }),
                    );
                });
                out.push_str(" for the ");
                self.name(out, "body");
                put(
                    out,
                    format_args!(
                        " ({}, {seats} seat{}) {} confirmed by the ",
                        self.text("channel"),
                        if one { "" } else { "s" },
                        if one { "is" } else { "are" },
                    ),
                );
                self.name(out, "confirmer");
                out.push_str(", of which the ");
                self.name(out, "who");
                out.push_str(" holds ");
                self.pct(out, "stake");
                out.push('.');
            }
            "consent_under_threat" => {
                let seats = self.count("seats");
                out.push_str("The ");
                self.name(out, "who");
                out.push_str(" consents to ");
                self.of(out, "proposer", format_args!("picks"));
                out.push_str(" for the ");
                self.name(out, "body");
                put(
                    out,
                    format_args!(
                        " ({}, {seats} seat{}) under threat: ",
                        self.text("channel"),
                        if seats == 1 { "" } else { "s" },
                    ),
                );
                match (variant, self.count("refusals")) {
                    ("at_will", _) => {
                        out.push_str("at will (the option that counts it is on), may");
                    }
                    (_, 1) => out.push_str("refusing once lets"),
                    (_, 2) => out.push_str("refusing twice lets"),
                    (_, n) => put(out, format_args!("refusing {n} times lets")),
                }
                out.push_str(" the ");
                self.name(out, "proposer");
                out.push_str(" dissolve it.");
            }
            "imperative_mandate" => {
                put(out, format_args!("{} of ", self.count("n")));
                self.seats_of_body(out);
                out.push_str(" are lost on leaving the party that nominated their holder");
                if variant == "party" {
                    out.push_str(" (");
                    self.name(out, "party");
                    out.push(')');
                }
                out.push_str(": between elections the party, not the voters, holds them.");
            }
            "unaccountable" => {
                out.push_str("The ");
                self.name(out, "body");
                out.push_str(" answers to no one: no body holds it to account, dismisses, impeaches, audits or dissolves it, and the voters do not elect it.");
            }
            "non_partisan_gap" => {
                out.push_str(if variant.starts_with("one") {
                    "The holder of"
                } else {
                    "Members of"
                });
                out.push_str(" the ");
                self.name(out, "body");
                out.push_str(
                    " may belong to a political party: the non-partisanship rule does not cover ",
                );
                out.push_str(if variant.ends_with("admin") {
                    "the head of state's own administration"
                } else {
                    "this body meant to be independent"
                });
                out.push('.');
            }
            "relatives_ban_gap" => {
                out.push_str("The ban on relatives in leading state posts does not cover the ");
                self.name(out, "body");
                out.push('.');
            }
            "party_registration_permit" => {
                Self::capitalised(out, |out| self.name(out, "body"));
                out.push_str(" exist only once the state registers them by permit: ");
                if variant == "authority" {
                    out.push_str("the registering authority");
                } else {
                    out.push_str("the ");
                    self.name(out, "who");
                }
                out.push_str(" can keep a party out of politics.");
            }
            "judicial_liability_gap" => {
                out.push_str("Judges of the ");
                self.name(out, "body");
                out.push_str(" bear ");
                match self.phrase.get("kinds") {
                    Some(Arg::Words(w)) if !w.1.is_empty() => {
                        for (i, kind) in w.1.iter().enumerate() {
                            if i > 0 {
                                out.push_str(" and ");
                            }
                            out.push_str(kind);
                        }
                    }
                    _ => out.push_str("no"),
                }
                out.push_str(" liability but none financial for unlawful decisions.");
            }
            "overseer" => self.oversight(out, variant),
            "dissolves_elected_body" => {
                out.push_str("The ");
                self.name(out, "who");
                out.push_str(" can dissolve the ");
                self.name(out, "body");
                out.push_str(", which the voters fill (");
                self.pct(out, "share");
                out.push_str(" of its control)");
                if let Some(t) = self.clause("conditions") {
                    out.push_str("; conditions: ");
                    out.push_str(t);
                }
                if let Some(b) = self.clause("bars") {
                    out.push_str("; bars: ");
                    out.push_str(b);
                }
                out.push('.');
            }
            "single_point_of_control" => {
                out.push_str("Every chain of appointment to the ");
                self.name(out, "body");
                out.push_str(" passes through the ");
                self.name(out, "who");
                if let Some(Arg::Bodies(ids)) = self.phrase.get("chain")
                    && !ids.is_empty()
                {
                    out.push_str(" (and so through ");
                    for (i, id) in ids.iter().enumerate() {
                        if i > 0 {
                            out.push_str(" and ");
                        }
                        out.push_str("the ");
                        self.name_of(out, id);
                    }
                    out.push(')');
                }
                out.push_str(": no member reaches it by another route.");
            }
            _ => out.push_str(key),
        }
    }

    fn independence(&self, out: &mut String, rule: &str, variant: &str) {
        out.push_str("The ");
        self.name(out, "who");
        out.push_str(" holds ");
        out.push_str(if rule == "independent_majority" {
            "a majority"
        } else {
            "the largest bloc"
        });
        out.push_str(" of the ");
        self.name(out, "body");
        out.push_str(", a body meant to be independent: ");
        self.pct(out, "share");
        out.push_str(" of its integrated control");
        if let Some(Arg::Through(parts)) = self.phrase.get("through")
            && variant == "through"
            && !parts.is_empty()
        {
            out.push_str(" (");
            self.pct(out, "direct");
            out.push_str(" directly");
            for (x, k) in parts.iter() {
                out.push_str(", ");
                put_pct(out, *x);
                out.push_str(" through the ");
                self.name_of(out, k);
            }
            out.push(')');
        }
        out.push('.');
    }

    fn oversight(&self, out: &mut String, variant: &str) {
        let verb = match self.phrase.get("verb") {
            Some(Arg::Word((_, w))) => match *w {
                "holds_to_account" => "holds to account",
                "audits" => "audits",
                "investigates" => "investigates",
                "impeach" => "can impeach",
                "no_confidence" => "can vote no confidence in",
                "reviews" => "reviews the acts of",
                _ => "oversees",
            },
            _ => "oversees",
        };
        out.push_str("The ");
        self.name(out, "body");
        out.push(' ');
        out.push_str(verb);
        out.push_str(" the ");
        self.name(out, "overseen");
        out.push_str(", yet the ");
        if variant == "direct" {
            self.name(out, "overseen");
            out.push_str(" holds ");
            self.pct(out, "stake");
            out.push_str(" of it");
        } else {
            self.name(out, "who");
            out.push_str(" controls ");
            self.pct(out, "of_body");
            out.push_str(" of it and ");
            self.pct(out, "of_overseen");
            out.push_str(" of the ");
            self.name(out, "overseen");
        }
        out.push('.');
    }
}

//! The flags' English sentences, worded from their phrases when a report is written: the
//! analysis keeps one phrase per flag, not its sentence as well (at 100,000 bodies there are
//! about 200,000 flags, and a sentence is 100 to 200 bytes).
//!
//! A sentence names two to four bodies by id. [`Names`] remembers the names it found, so that
//! a writer of many sentences ([`Flag::messages`]) looks each body up once per run of flags
//! that name it (the flag's body, the principals, an overseen body named twice) instead of
//! once per mention: at 100,000 bodies the lookups by id were half of the sentences' time.
//! Time O(length of the sentence) per flag, memory O(1) (a fixed table of names).

use std::cell::RefCell;

use super::Flag;
use crate::model::i18n::{Arg, Phrase};
use crate::model::numbers::pct;
use crate::model::phrase::{after_the, capitalised, possessive};
use crate::model::{Dataset, Lang};

impl Flag {
    /// The flag's sentence in English, bodies named from `dataset` (the dataset the analysis
    /// was made of).
    pub fn message(&self, dataset: &Dataset) -> String {
        Names::with_slots(dataset, 4).message(self)
    }

    /// The sentences of `flags` in English, in order: each [`Flag::message`], with the names
    /// of the bodies looked up once per run of flags that name them.
    pub fn messages<'a>(
        flags: &'a [Flag],
        dataset: &'a Dataset,
    ) -> impl Iterator<Item = String> + 'a {
        let names = Names::with_slots(dataset, 4096);
        flags.iter().map(move |f| names.message(f))
    }
}

/// Bodies' English names by id, remembered across the sentences of one dataset.
struct Names<'a> {
    dataset: &'a Dataset,
    /// A direct-mapped table by the id's hash.
    slots: RefCell<Vec<Option<Slot<'a>>>>,
}

/// A remembered name. The hash is compared first: the id of another flag is rarely in the
/// cache.
#[derive(Clone)]
struct Slot<'a> {
    hash: u64,
    id: &'a str,
    name: &'a str,
    /// The name as it reads after `the`.
    after: String,
}

impl<'a> Names<'a> {
    fn with_slots(dataset: &'a Dataset, slots: usize) -> Names<'a> {
        Names {
            dataset,
            slots: RefCell::new(vec![None; slots]),
        }
    }

    /// `flag`'s sentence in English.
    fn message(&self, flag: &'a Flag) -> String {
        English {
            names: self,
            phrase: &flag.phrase,
        }
        .sentence()
    }

    /// `f` of body `id`'s name and that name as it reads after `the`.
    fn with<R>(&self, id: &'a str, f: impl FnOnce(&str, &str) -> R) -> R {
        use std::hash::BuildHasher;
        let mut slots = self.slots.borrow_mut();
        let hash = rustc_hash::FxBuildHasher.hash_one(id);
        let i = hash as usize % slots.len();
        match &slots[i] {
            Some(x) if x.hash == hash && x.id == id => f(x.name, &x.after),
            _ => {
                let name = self.dataset.name(id, Lang::En);
                let after = after_the(name);
                let r = f(name, &after);
                slots[i] = Some(Slot {
                    hash,
                    id,
                    name,
                    after,
                });
                r
            }
        }
    }
}

struct English<'n, 'a> {
    names: &'n Names<'a>,
    phrase: &'a Phrase,
}

impl<'a> English<'_, 'a> {
    fn id(&self, arg: &str) -> &'a str {
        self.phrase.get(arg).and_then(Arg::id).unwrap_or_default()
    }

    /// The body named by the argument `arg` as it reads after `the`.
    fn name(&self, arg: &str) -> String {
        self.name_of(self.id(arg))
    }

    fn name_of(&self, id: &'a str) -> String {
        self.names.with(id, |_, after| after.to_string())
    }

    /// `thing` of the body named by `arg`: `the President's pleasure`.
    fn of(&self, arg: &str, thing: &str) -> String {
        self.names
            .with(self.id(arg), |name, _| possessive(name, thing))
    }

    fn count(&self, arg: &str) -> u32 {
        self.phrase
            .get(arg)
            .and_then(Arg::count)
            .unwrap_or_default()
    }

    fn pct(&self, arg: &str) -> String {
        match self.phrase.get(arg) {
            Some(Arg::Pct(x)) => pct(*x),
            _ => String::new(),
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
            Some(Arg::Clause(_, x)) => x.as_deref(),
            _ => None,
        }
    }

    /// `n seats of the body`, as the tenure and mandate rules write a body's size.
    fn seats_of_body(&self) -> String {
        self.of("body", &format!("{} seats", self.count("seats")))
    }

    fn sentence(&self) -> String {
        let key = self.phrase.key;
        let rule = key.strip_prefix("flag.").unwrap_or(key);
        let (rule, variant) = rule.split_once('.').unwrap_or((rule, ""));
        match rule {
            "independent_majority" | "independent_largest_bloc" => self.independence(rule, variant),
            "appoint_dismiss_at_will" if variant == "one" => format!(
                "The {} picks the {} and can dismiss the holder at will: the post is held at {}.",
                self.name("who"),
                self.name("body"),
                self.of("who", "pleasure"),
            ),
            "appoint_dismiss_at_will" => format!(
                "The {} picks {} of {} and can dismiss the holders of {} at will: they serve at {}.",
                self.name("who"),
                self.count("picked"),
                self.seats_of_body(),
                self.count("covered"),
                self.of("who", "pleasure"),
            ),
            "removable_at_will" if variant == "one" => format!(
                "The {} can dismiss the {}, a post meant to be independent, at will.",
                self.name("who"),
                self.name("body"),
            ),
            "removable_at_will" => format!(
                "The {} can dismiss the holders of {} of {}, a body meant to be independent, at will.",
                self.name("who"),
                self.count("covered"),
                self.seats_of_body(),
            ),
            "self_confirmation" => {
                let seats = self.count("seats");
                format!(
                    "{} for the {} ({}, {seats} seat{}) {} confirmed by the {}, of which the {} holds {}.",
                    capitalised(&self.of("who", if seats == 1 { "pick" } else { "picks" })),
                    self.name("body"),
                    self.text("channel"),
                    if seats == 1 { "" } else { "s" },
                    if seats == 1 { "is" } else { "are" },
                    self.name("confirmer"),
                    self.name("who"),
                    self.pct("stake"),
                )
            }
            "consent_under_threat" => {
                let seats = self.count("seats");
                format!(
                    "The {} consents to {} for the {} ({}, {seats} seat{}) under threat: {} the {} dissolve it.",
                    self.name("who"),
                    self.of("proposer", "picks"),
                    self.name("body"),
                    self.text("channel"),
                    if seats == 1 { "" } else { "s" },
                    match (variant, self.count("refusals")) {
                        ("at_will", _) =>
                            "at will (the option that counts it is on), may".to_string(),
                        (_, 1) => "refusing once lets".to_string(),
                        (_, 2) => "refusing twice lets".to_string(),
                        (_, n) => format!("refusing {n} times lets"),
                    },
                    self.name("proposer"),
                )
            }
            "imperative_mandate" => format!(
                "{} of {} are lost on leaving the party that nominated their holder{}: between elections the party, not the voters, holds them.",
                self.count("n"),
                self.seats_of_body(),
                if variant == "party" {
                    format!(" ({})", self.name("party"))
                } else {
                    String::new()
                },
            ),
            "unaccountable" => format!(
                "The {} answers to no one: no body holds it to account, dismisses, impeaches, audits or dissolves it, and the voters do not elect it.",
                self.name("body")
            ),
            "non_partisan_gap" => format!(
                "{} the {} may belong to a political party: the non-partisanship rule does not cover {}.",
                if variant.starts_with("one") {
                    "The holder of"
                } else {
                    "Members of"
                },
                self.name("body"),
                if variant.ends_with("admin") {
                    "the head of state's own administration"
                } else {
                    "this body meant to be independent"
                }
            ),
            "relatives_ban_gap" => format!(
                "The ban on relatives in leading state posts does not cover the {}.",
                self.name("body"),
            ),
            "party_registration_permit" => format!(
                "{} exist only once the state registers them by permit: {} can keep a party out of politics.",
                capitalised(&self.name("body")),
                if variant == "authority" {
                    "the registering authority".to_string()
                } else {
                    format!("the {}", self.name("who"))
                }
            ),
            "judicial_liability_gap" => format!(
                "Judges of the {} bear {} liability but none financial for unlawful decisions.",
                self.name("body"),
                match self.phrase.get("kinds") {
                    Some(Arg::Words(_, kinds)) if !kinds.is_empty() => kinds.join(" and "),
                    _ => "no".to_string(),
                }
            ),
            "overseer" => self.oversight(variant),
            "dissolves_elected_body" => format!(
                "The {} can dissolve the {}, which the voters fill ({} of its control){}{}.",
                self.name("who"),
                self.name("body"),
                self.pct("share"),
                self.clause("conditions")
                    .map(|t| format!("; conditions: {t}"))
                    .unwrap_or_default(),
                self.clause("bars")
                    .map(|b| format!("; bars: {b}"))
                    .unwrap_or_default(),
            ),
            "single_point_of_control" => {
                let chain = match self.phrase.get("chain") {
                    Some(Arg::Bodies(ids)) if !ids.is_empty() => format!(
                        " (and so through {})",
                        ids.iter()
                            .map(|id| format!("the {}", self.name_of(id)))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    ),
                    _ => String::new(),
                };
                format!(
                    "Every chain of appointment to the {} passes through the {}{chain}: no member reaches it by another route.",
                    self.name("body"),
                    self.name("who"),
                )
            }
            _ => key.to_string(),
        }
    }

    fn independence(&self, rule: &str, variant: &str) -> String {
        let what = if rule == "independent_majority" {
            "a majority"
        } else {
            "the largest bloc"
        };
        let breakdown = match self.phrase.get("through") {
            Some(Arg::Through(parts)) if variant == "through" && !parts.is_empty() => format!(
                " ({} directly, {})",
                self.pct("direct"),
                parts
                    .iter()
                    .map(|(x, k)| format!("{} through the {}", pct(*x), self.name_of(k)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            _ => String::new(),
        };
        format!(
            "The {} holds {what} of the {}, a body meant to be independent: {} of its integrated control{breakdown}.",
            self.name("who"),
            self.name("body"),
            self.pct("share"),
        )
    }

    fn oversight(&self, variant: &str) -> String {
        let verb = match self.phrase.get("verb") {
            Some(Arg::Words(_, w)) => match w.first().copied() {
                Some("holds_to_account") => "holds to account",
                Some("audits") => "audits",
                Some("investigates") => "investigates",
                Some("impeach") => "can impeach",
                Some("no_confidence") => "can vote no confidence in",
                Some("reviews") => "reviews the acts of",
                _ => "oversees",
            },
            _ => "oversees",
        };
        let how = if variant == "direct" {
            format!(
                "the {} holds {} of it",
                self.name("overseen"),
                self.pct("stake")
            )
        } else {
            format!(
                "the {} controls {} of it and {} of the {}",
                self.name("who"),
                self.pct("of_body"),
                self.pct("of_overseen"),
                self.name("overseen"),
            )
        };
        format!(
            "The {} {verb} the {}, yet {how}.",
            self.name("body"),
            self.name("overseen"),
        )
    }
}

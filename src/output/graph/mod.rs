//! The graph of one state, and the formats that draw it (`dot`, `svg`, `mermaid`) or hand it
//! to graph tools (`graphml`).
//!
//! [`Graph`] is the state as every exporter sees it: bodies and links (channel steps and power
//! edges) in a fixed order, each marked with what reforms did to it, and the arrows pictures
//! draw. The Markdown and CSV exports of the summary read it too.

pub mod bundle;
pub mod colour;
pub mod dot;
pub mod focus;
pub mod graphml;
pub mod mermaid;
pub mod placement;
pub mod print;
pub mod svg;

pub use focus::{Direction, Focus};
pub use print::{Figure, Length};

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::{Analysis, BodyAnalysis, Position};
use crate::model::i18n::{tr, word};
use crate::model::{Body, Confidence, Dataset, EdgeKind, Lang, StepRole};
use crate::output::export::Snapshot;
use crate::output::fmt::pct;
use crate::t;

/// What the active reforms did to an element, judged against the baseline. Without a
/// baseline everything is `Same`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    Same,
    /// Not in the baseline.
    Added,
    /// In both, but edited: a body's attributes or channels, a channel's seats.
    Changed,
    /// Only in the baseline: pictures draw it as a ghost, data formats leave it out.
    Removed,
}

impl Change {
    /// The value of the `change` column and attribute: empty when nothing changed.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Same => "",
            Change::Added => "added",
            Change::Changed => "changed",
            Change::Removed => "removed",
        }
    }
}

/// A link's kind: the role of a channel step or the kind of a power edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Step(StepRole),
    Power(EdgeKind),
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Step(r) => r.as_str(),
            Kind::Power(k) => k.as_str(),
        }
    }

    pub fn class(self) -> Class {
        match self {
            Kind::Step(
                StepRole::Nominate | StepRole::Appoint | StepRole::Elect | StepRole::ExOfficio,
            ) => Class::Appointment,
            Kind::Step(StepRole::Recommend) => Class::Recommendation,
            // A binding shortlist is a consent given in advance (the analysis ratifies with it).
            Kind::Step(StepRole::Consent | StepRole::Shortlist) => Class::Consent,
            Kind::Power(EdgeKind::DismissAtWill) => Class::DismissalAtWill,
            Kind::Power(EdgeKind::DismissForCause | EdgeKind::Impeach) => Class::DismissalForCause,
            Kind::Power(EdgeKind::Dissolve | EdgeKind::DissolveOnRefusal) => Class::Dissolution,
            Kind::Power(
                EdgeKind::HoldsToAccount
                | EdgeKind::NoConfidence
                | EdgeKind::Audits
                | EdgeKind::Investigates
                | EdgeKind::Reviews,
            ) => Class::Accountability,
            Kind::Power(
                EdgeKind::Vetoes | EdgeKind::Overrides | EdgeKind::Directs | EdgeKind::Petitions,
            ) => Class::Other,
        }
    }
}

/// How pictures draw a link: the kinds a reader must tell apart at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// Nominate, appoint, elect, ex officio: fills seats (solid, labelled with the seats).
    Appointment,
    /// A non-binding recommendation (thin).
    Recommendation,
    /// A consent the appointment needs, or a binding shortlist: a veto point (dashed).
    Consent,
    /// Dismissal at will (red).
    DismissalAtWill,
    /// Dismissal for cause and impeachment (red, dashed).
    DismissalForCause,
    /// Dissolution (bold).
    Dissolution,
    /// Holding to account, audit, investigation, review, no confidence (dotted).
    Accountability,
    /// Petition, veto, override, direction (thin grey).
    Other,
}

impl Class {
    pub const ALL: [Class; 8] = [
        Class::Appointment,
        Class::Recommendation,
        Class::Consent,
        Class::DismissalAtWill,
        Class::DismissalForCause,
        Class::Dissolution,
        Class::Accountability,
        Class::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Class::Appointment => "appointment",
            Class::Recommendation => "recommendation",
            Class::Consent => "consent",
            Class::DismissalAtWill => "dismissal_at_will",
            Class::DismissalForCause => "dismissal_for_cause",
            Class::Dissolution => "dissolution",
            Class::Accountability => "accountability",
            Class::Other => "other",
        }
    }

    /// The legend's wording.
    pub fn legend(self) -> &'static str {
        match self {
            Class::Appointment => "nominates, appoints or elects (label: seats)",
            Class::Recommendation => "recommends (label: seats)",
            Class::Consent => "consents or shortlists: a veto point (label: seats)",
            Class::DismissalAtWill => "dismisses at will",
            Class::DismissalForCause => "dismisses for cause, impeaches",
            Class::Dissolution => "dissolves",
            Class::Accountability => "holds to account, audits, reviews, no confidence",
            Class::Other => "petitions, vetoes, overrides, directs",
        }
    }

    /// Whether the arrow fills seats and is labelled with their number.
    pub fn fills_seats(self) -> bool {
        matches!(
            self,
            Class::Appointment | Class::Recommendation | Class::Consent
        )
    }

    /// The stroke colour pictures use.
    pub fn color(self) -> &'static str {
        match self {
            Class::Appointment => "#303030",
            Class::Recommendation => "#8c8c8c",
            Class::Consent => "#2c5fa8",
            Class::DismissalAtWill | Class::DismissalForCause => "#c62828",
            Class::Dissolution => "#6a1b9a",
            Class::Accountability => "#00796b",
            Class::Other => "#9e9e9e",
        }
    }
}

/// Colours pictures use for what reforms did.
pub const ADDED_COLOR: &str = "#1b9e4b";
pub const CHANGED_COLOR: &str = "#e08214";
pub const REMOVED_COLOR: &str = "#b0b0b0";

/// A body of the current state, or of the baseline when reforms removed it.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    pub body: &'a Body,
    /// Its analysis in the state it belongs to.
    pub analysis: &'a BodyAnalysis,
    pub change: Change,
    /// Whether it is a principal of the current state.
    pub principal: bool,
}

impl Node<'_> {
    pub fn id(&self) -> &str {
        &self.body.id
    }
}

impl Graph<'_> {
    /// The principal with the largest control of `node` and its share ("President 52.7%"),
    /// "root principal" for a body nobody fills, nothing for a removed body.
    pub fn largest_line(&self, node: &Node, lang: Lang) -> Option<String> {
        if node.change == Change::Removed {
            return None;
        }
        let (p, share) = node.analysis.largest()?;
        if p == node.id() {
            return Some("root principal".to_string());
        }
        let name = self.node(p).map_or(p, |x| x.body.name(lang));
        Some(format!("{name} {}", pct(share)))
    }
}

/// A channel step or a power edge.
#[derive(Debug, Clone)]
pub struct Link<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub kind: Kind,
    /// The channel of `to` it fills, or for a power edge the one it is limited to.
    pub channel: Option<&'a str>,
    /// A step: the seats of its channel.
    pub seats: Option<u32>,
    /// A step: the seats of the channel its actor holds under the weights (as in the JSON
    /// contract's `share`).
    pub share: Option<f64>,
    pub threshold: Option<&'a str>,
    pub source: &'a str,
    pub confidence: Confidence,
    /// For a step, its own note before its channel's.
    pub note: Cow<'a, str>,
    pub change: Change,
}

impl Link<'_> {
    pub fn class(&self) -> Class {
        self.kind.class()
    }
}

/// An arrow of a picture: the links of one actor, target, class and change taken together.
#[derive(Debug, Clone)]
pub struct Arrow<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub class: Class,
    pub change: Change,
    /// The seats of the channels summed (for classes that fill seats).
    pub seats: u32,
    pub links: Vec<&'a Link<'a>>,
}

impl Arrow<'_> {
    /// The label pictures print on the arrow: the seats it fills, if any.
    pub fn label(&self) -> Option<String> {
        (self.class.fills_seats() && self.seats > 0).then(|| self.seats.to_string())
    }

    /// [`Arrow::details`] in `lang`: the kind and the seats in its words; the channel id
    /// and the citation as the data has them.
    pub fn details_in(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.details();
        }
        self.links
            .iter()
            .map(|l| {
                let kind = match l.kind {
                    Kind::Step(r) => word(lang, "role", r.as_str()),
                    Kind::Power(k) => word(lang, "kind", k.as_str()),
                };
                let mut s = kind.to_string();
                if let Some(c) = l.channel {
                    s.push_str(&format!(" [{c}]"));
                }
                if let Some(n) = l.seats {
                    s.push_str(&format!(", {}", t!(lang, "{n} seats", n = n)));
                }
                let change = match l.change {
                    Change::Same => None,
                    Change::Added => Some("added by reform"),
                    Change::Changed => Some("changed by reform"),
                    Change::Removed => Some("removed by reform"),
                };
                if let Some(c) = change {
                    s.push_str(&format!(" ({})", tr(lang, c)));
                }
                format!("{s}: {}", l.source)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// One line per link: kind, channel, seats and source (for tooltips).
    pub fn details(&self) -> String {
        self.links
            .iter()
            .map(|l| {
                let mut s = l.kind.as_str().replace('_', " ");
                if let Some(c) = l.channel {
                    s.push_str(&format!(" [{c}]"));
                }
                if let Some(n) = l.seats {
                    s.push_str(&format!(", {n} seat{}", if n == 1 { "" } else { "s" }));
                }
                if l.change != Change::Same {
                    s.push_str(&format!(" ({} by reform)", l.change.as_str()));
                }
                format!("{s}: {}", l.source)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The whole graph of a snapshot.
#[derive(Debug, Clone)]
pub struct Graph<'a> {
    /// Sorted by id; includes the bodies reforms removed.
    pub nodes: Vec<Node<'a>>,
    /// Sorted by (from, to, kind, channel); includes the links reforms removed.
    pub links: Vec<Link<'a>>,
    /// The principals of the current state, in the analysis's order.
    pub principals: Vec<&'a str>,
    /// Each principal's colour and hatch, keyed by its id ([`colour`]).
    pub swatches: BTreeMap<String, colour::Swatch>,
}

type LinkKey<'a> = (&'a str, &'a str, Kind, Option<&'a str>);

fn links_of<'a>(dataset: &'a Dataset, analysis: &'a Analysis) -> Vec<Link<'a>> {
    // Sized once: at 100,000 bodies the links are about 540,000, and a vector grown by
    // doubling held 142 MB at the CSV export's peak for 74 MB of links.
    let mut out = Vec::with_capacity(dataset.link_count());
    for (b, a) in dataset.bodies.iter().zip(&analysis.bodies) {
        for (c, cs) in b.channels.iter().zip(&a.channels) {
            for s in &c.steps {
                let share = cs
                    .shares
                    .iter()
                    .filter(|x| x.actor == s.actor && x.position != Position::RemoveAtWill)
                    .map(|x| x.seats)
                    .sum();
                out.push(Link {
                    from: &s.actor,
                    to: &b.id,
                    kind: Kind::Step(s.role),
                    channel: Some(&c.id),
                    seats: Some(c.seats),
                    share: Some(share),
                    threshold: s.threshold.as_deref(),
                    source: &c.source,
                    confidence: c.confidence,
                    note: match (s.note.is_empty(), c.note.is_empty()) {
                        (true, _) => Cow::Borrowed(&c.note),
                        (false, true) => Cow::Borrowed(&s.note),
                        (false, false) => Cow::Owned(format!("{}; {}", s.note, c.note)),
                    },
                    change: Change::Same,
                });
            }
        }
    }
    for e in &dataset.edges {
        out.push(Link {
            from: &e.from,
            to: &e.to,
            kind: Kind::Power(e.kind),
            channel: e.channel.as_deref(),
            seats: None,
            share: None,
            threshold: e.threshold.as_deref(),
            source: &e.source,
            confidence: e.confidence,
            note: Cow::Borrowed(&e.note),
            change: Change::Same,
        });
    }
    out
}

fn key<'a>(l: &Link<'a>) -> LinkKey<'a> {
    (l.from, l.to, l.kind, l.channel)
}

impl<'a> Graph<'a> {
    pub fn new(s: &Snapshot<'a>) -> Graph<'a> {
        let principals: Vec<&str> = s.analysis.principals.iter().map(String::as_str).collect();
        let mut nodes: Vec<Node> = s
            .dataset
            .bodies
            .iter()
            .zip(&s.analysis.bodies)
            .map(|(body, analysis)| {
                let change = match s.baseline {
                    None => Change::Same,
                    Some((base, _)) => match base.body(&body.id) {
                        None => Change::Added,
                        Some(before) if before != body => Change::Changed,
                        Some(_) => Change::Same,
                    },
                };
                Node {
                    body,
                    analysis,
                    change,
                    principal: principals.contains(&body.id.as_str()),
                }
            })
            .collect();
        let mut links = links_of(s.dataset, s.analysis);

        if let Some((base, base_analysis)) = s.baseline {
            for (body, analysis) in base.bodies.iter().zip(&base_analysis.bodies) {
                if s.dataset.body(&body.id).is_none() {
                    nodes.push(Node {
                        body,
                        analysis,
                        change: Change::Removed,
                        principal: false,
                    });
                }
            }
            let before = links_of(base, base_analysis);
            let before_seats: BTreeMap<LinkKey, Option<u32>> =
                before.iter().map(|l| (key(l), l.seats)).collect();
            let now: BTreeSet<LinkKey> = links.iter().map(key).collect();
            for l in &mut links {
                l.change = match before_seats.get(&key(l)) {
                    None => Change::Added,
                    Some(seats) if *seats != l.seats => Change::Changed,
                    Some(_) => Change::Same,
                };
            }
            links.extend(
                before
                    .into_iter()
                    .filter(|l| !now.contains(&key(l)))
                    .map(|mut l| {
                        l.change = Change::Removed;
                        l
                    }),
            );
        }

        if let Some(f) = &s.focus {
            let kept = focus::keep(&links, f);
            nodes.retain(|n| kept.contains(n.id()));
            links.retain(|l| kept.contains(l.from) && kept.contains(l.to));
        }
        let swatches = colour::assign(
            &principals
                .iter()
                .map(|p| (*p, s.dataset.body(p)))
                .collect::<Vec<_>>(),
        );
        nodes.sort_by(|a, b| a.body.id.cmp(&b.body.id));
        links.sort_by(|a, b| {
            (a.from, a.to, a.kind.as_str(), a.channel).cmp(&(
                b.from,
                b.to,
                b.kind.as_str(),
                b.channel,
            ))
        });
        Graph {
            nodes,
            links,
            principals,
            swatches,
        }
    }

    /// The node of `id`: a binary search, as [`Graph::new`] sorts the nodes by id (the first
    /// of equal ids, as a scan would find). Exporters ask once per body and per link, which a
    /// scan made quadratic.
    pub fn node(&self, id: &str) -> Option<&Node<'a>> {
        let i = self.nodes.partition_point(|n| n.id() < id);
        self.nodes.get(i).filter(|n| n.id() == id)
    }

    /// The bodies and links of the current state (without the removed ones).
    pub fn present_nodes(&self) -> impl Iterator<Item = &Node<'a>> {
        self.nodes.iter().filter(|n| n.change != Change::Removed)
    }

    pub fn present_links(&self) -> impl Iterator<Item = &Link<'a>> {
        self.links.iter().filter(|l| l.change != Change::Removed)
    }

    /// The colour of a principal, fixed by its id and role ([`colour`]).
    pub fn principal_color(&self, id: &str) -> Option<&'static str> {
        self.swatches.get(id).map(|s| s.color)
    }

    /// The principals that control some body of the graph (all of them without a focus).
    pub fn principals_shown(&self) -> impl Iterator<Item = &&'a str> + '_ {
        self.principals.iter().filter(|p| {
            self.present_nodes()
                .any(|n| n.id() == **p || n.analysis.control_of(p) > 0.0)
        })
    }

    /// The fill of a body: its largest principal's colour, paler the smaller that share.
    pub fn fill(&self, node: &Node) -> String {
        if node.change == Change::Removed {
            return "#ffffff".to_string();
        }
        match node.analysis.largest() {
            // At most 60% of the colour: black text stays legible on the darkest of them.
            Some((p, share)) => match self.principal_color(p) {
                Some(c) => tint(c, 0.15 + 0.45 * share.clamp(0.0, 1.0)),
                None => "#eeeeee".to_string(),
            },
            None => "#eeeeee".to_string(),
        }
    }

    /// The arrows a picture draws, in a fixed order.
    pub fn arrows(&self) -> Vec<Arrow<'_>> {
        let mut groups: BTreeMap<(&str, &str, Class, Change), Vec<&Link>> = BTreeMap::new();
        for l in &self.links {
            groups
                .entry((l.from, l.to, l.class(), l.change))
                .or_default()
                .push(l);
        }
        groups
            .into_iter()
            .map(|((from, to, class, change), links)| {
                // Two steps of one channel (the Mazhilis nominates and elects its Chair)
                // fill the same seats once.
                let channels: BTreeMap<Option<&str>, u32> = links
                    .iter()
                    .map(|l| (l.channel, l.seats.unwrap_or(0)))
                    .collect();
                Arrow {
                    from,
                    to,
                    class,
                    change,
                    seats: channels.values().sum(),
                    links,
                }
            })
            .collect()
    }
}

/// Mixes `color` (`#rrggbb`) with white: `amount` 1 gives the colour, 0 white.
pub fn tint(color: &str, amount: f64) -> String {
    let hex = color.trim_start_matches('#');
    let channel = |i: usize| {
        let c = u8::from_str_radix(hex.get(i..i + 2).unwrap_or("ff"), 16).unwrap_or(255);
        let mixed = 255.0 - (255.0 - f64::from(c)) * amount;
        // Within 0..=255 by construction; the cast only drops the fraction.
        mixed.round().clamp(0.0, 255.0) as u8
    };
    format!("#{:02x}{:02x}{:02x}", channel(0), channel(2), channel(4))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze, tests::tiny_dataset};

    #[test]
    fn tint_mixes_with_white() {
        assert_eq!(tint("#000000", 1.0), "#000000");
        assert_eq!(tint("#000000", 0.0), "#ffffff");
        assert_eq!(tint("#8040c0", 0.5), "#c0a0e0");
    }

    #[test]
    fn without_a_baseline_nothing_changed() {
        let ds = tiny_dataset();
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        let g = Graph::new(&Snapshot::new(&ds, &a, Lang::En));
        assert!(g.nodes.iter().all(|n| n.change == Change::Same));
        assert!(g.links.iter().all(|l| l.change == Change::Same));
        let ids: Vec<&str> = g.nodes.iter().map(|n| n.id()).collect();
        assert_eq!(ids, ["councils", "court", "president", "senate", "voters"]);
        // 8 channel steps and 2 power edges.
        assert_eq!(g.links.len(), 10);
    }

    #[test]
    fn reforms_mark_added_changed_and_removed_elements() {
        let base = tiny_dataset();
        let base_a = analyze(&base, &Options::of(&base)).unwrap();
        let mut ds = base.clone();
        // The Court's judges go to the councils; the President loses the power to dismiss
        // the Chair; the senate's appointed seats go.
        let court = ds.body_mut("court").unwrap();
        court.channels[1].steps[0].actor = "councils".into();
        ds.edges.retain(|e| e.to != "court");
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        let reforms = vec!["X".to_string()];
        let s = Snapshot {
            reforms: &reforms,
            baseline: Some((&base, &base_a)),
            ..Snapshot::new(&ds, &a, Lang::En)
        };
        let g = Graph::new(&s);
        assert_eq!(g.node("court").unwrap().change, Change::Changed);
        assert_eq!(g.node("senate").unwrap().change, Change::Same);
        let change = |from: &str, to: &str, kind: &str| {
            g.links
                .iter()
                .find(|l| l.from == from && l.to == to && l.kind.as_str() == kind)
                .map(|l| l.change)
        };
        assert_eq!(change("councils", "court", "appoint"), Some(Change::Added));
        assert_eq!(
            change("president", "court", "dismiss_at_will"),
            Some(Change::Removed)
        );
        assert_eq!(change("senate", "court", "consent"), Some(Change::Same));
        assert_eq!(g.present_links().count(), 9);
    }

    #[test]
    fn arrows_sum_the_seats_of_their_channels() {
        let ds = tiny_dataset();
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        let g = Graph::new(&Snapshot::new(&ds, &a, Lang::En));
        let arrows = g.arrows();
        let pc = arrows
            .iter()
            .find(|x| x.from == "president" && x.to == "court" && x.class == Class::Appointment)
            .unwrap();
        // The Chair (1) and the President's judge (1).
        assert_eq!(pc.seats, 2);
        assert_eq!(pc.label().as_deref(), Some("2"));
        let dismissal = arrows
            .iter()
            .find(|x| x.class == Class::DismissalAtWill && x.to == "court")
            .unwrap();
        assert_eq!(dismissal.label(), None);
    }
}

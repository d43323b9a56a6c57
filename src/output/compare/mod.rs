//! `bilik compare`: the comparison of several datasets as text, Markdown, JSON
//! (`bilik.compare/1`) and CSV. Every renderer reads the same [`Comparison`]; the rows and
//! phrases the text and Markdown forms share are built here, once.

pub mod csv;
pub mod figure;
pub mod json;
pub mod md;
pub mod text;

use crate::analysis::range::{self, Band, Ranged, Space};
use crate::comparative::{Amount, Comparison, Entry, Indicators, Reason, ReasonKind};
use crate::model::i18n::tr;
use crate::model::phrase::{possessive, the};
use crate::model::{Lang, Role};
use crate::output::fmt::{self, pct};
use crate::t;

/// A role as words: `constitutional_review` -> "constitutional review".
pub fn role_words(role: Role) -> String {
    role.as_str().replace('_', " ")
}

/// [`role_words`] in `lang`.
pub fn role_words_in(lang: Lang, role: Role) -> String {
    match lang {
        Lang::En => role_words(role),
        _ => crate::model::i18n::word(lang, "bodyrole", role.as_str()).to_string(),
    }
}

/// A share in [0, 1] with three decimals, the headline's format.
pub fn figure(x: f64) -> String {
    format!("{x:.3}")
}

/// The indicator scalars ([`Indicators::scalars`]) of each entry with their ranges over its
/// own alternatives, the threat option and `band` (I9 §4). Indicators beyond control are
/// ranged only by exact enumeration: an entry whose combinations are too many, or one that
/// cannot be analysed under some combination, gets `None` (no range shown, rather than one
/// that is not a range).
pub fn indicator_ranges(c: &Comparison, band: &Band) -> Vec<Option<Ranged>> {
    c.entries
        .iter()
        .map(|e| {
            let space = Space::of(&e.dataset, band);
            if !space.is_exact() {
                return None;
            }
            let lean = crate::analysis::analyze_without_flags;
            range::enumerate_with(&e.dataset, &e.analysis.options, &space, lean, |ds, a| {
                match crate::comparative::indicators::measure(ds, a) {
                    Ok((i, _)) => i.scalars().into_iter().map(|(_, v)| v).collect(),
                    // NaN is ignored by min and max: a combination the indicators cannot
                    // measure does not widen the range.
                    Err(_) => vec![f64::NAN; Indicators::SCALARS.len()],
                }
            })
            .ok()
        })
        .collect()
}

/// The `[lo, hi]` of scalar `name` of entry `i`, if ranged.
pub fn scalar_range(ranges: &[Option<Ranged>], i: usize, name: &str) -> Option<(f64, f64)> {
    let k = Indicators::SCALARS.iter().position(|s| *s == name)?;
    let r = ranges.get(i)?.as_ref()?;
    Some((*r.lo.get(k)?, *r.hi.get(k)?))
}

/// ` (lo–hi)` in the cell's own format when the range is not a single value, else nothing.
fn range_suffix(r: Option<(f64, f64)>, f: &dyn Fn(f64) -> String) -> String {
    match r {
        Some((lo, hi)) if f(lo) != f(hi) => format!(" ({}–{})", f(lo), f(hi)),
        _ => String::new(),
    }
}

/// How a figure is written in its cell.
type Writer = dyn Fn(f64) -> String;

/// The rows of the indicator table: a label and one cell per dataset, each with its range
/// where it has one, written as its cell is (`-0.298 (-0.403–-0.139)`, `61.2% (54.3%–75.4%)`).
pub fn indicator_rows(c: &Comparison, ranges: &[Option<Ranged>]) -> Vec<(String, Vec<String>)> {
    let mut rows = indicator_points(c);
    let count = |x: f64| format!("{x:.0}");
    // The veto discount is printed as a deduction, so its range is too, ends swapped.
    let minus = |x: f64| format!("-{}", figure(x));
    let plus = |x: f64| format!("+{}", figure(x));
    // Which scalar each row of `indicator_points` shows, in its order, and how it is written.
    let scalars: [(&str, &Writer, bool); 18] = [
        ("head_of_state_concentration", &figure, false),
        ("picks", &figure, false),
        ("veto_discount", &minus, true),
        ("at_will", &plus, false),
        ("head_of_state_concentration_unified", &figure, false),
        ("head_of_state_concentration_aligned", &figure, false),
        ("aligned_hold", &figure, false),
        ("powers_present", &count, false),
        ("integrated_control", &pct, false),
        ("independent_roles", &count, false),
        ("majority", &count, false),
        ("largest_bloc", &count, false),
        ("controlled", &count, false),
        ("picked_share", &pct, false),
        ("consented_share", &pct, false),
        ("independent_removable_at_will", &count, false),
        ("hhi_by_role", &figure, false),
        ("hhi_by_seat", &figure, false),
    ];
    // A row without its scalar would print another row's range beside it.
    assert_eq!(
        rows.len(),
        scalars.len(),
        "indicator rows and their scalars"
    );
    for ((_, cells), (name, f, swap)) in rows.iter_mut().zip(scalars) {
        for (i, cell) in cells.iter_mut().enumerate() {
            let r = scalar_range(ranges, i, name)
                .map(|(lo, hi)| if swap { (hi, lo) } else { (lo, hi) });
            cell.push_str(&range_suffix(r, f));
        }
    }
    rows
}

/// The point values of the indicator table, in the order of [`indicator_rows`].
fn indicator_points(c: &Comparison) -> Vec<(String, Vec<String>)> {
    let all = |f: &dyn Fn(&Entry) -> String| -> Vec<String> { c.entries.iter().map(f).collect() };
    let n = |e: &Entry| e.indicators.bodies.len();
    vec![
        (
            "head_of_state_concentration".into(),
            all(&|e| figure(e.indicators.head_of_state_concentration)),
        ),
        (
            "  picks, through the bodies he fills".into(),
            all(&|e| figure(e.indicators.picks)),
        ),
        (
            "  - vetoes others hold on his picks".into(),
            all(&|e| format!("-{}", figure(e.indicators.veto_discount))),
        ),
        (
            "  + seats he can dismiss at will".into(),
            all(&|e| format!("+{}", figure(e.indicators.at_will))),
        ),
        (
            "  with every elected body his".into(),
            all(&|e| figure(e.indicators.unified)),
        ),
        (
            "aligned index (codebook R23)".into(),
            all(&|e| figure(e.indicators.head_of_state_concentration_aligned)),
        ),
        (
            "  hold, elected bodies by alignment".into(),
            all(&|e| figure(e.indicators.aligned_hold)),
        ),
        (
            "  powers beyond appointments".into(),
            all(&|e| {
                format!(
                    "{} of {}",
                    e.indicators.powers.len(),
                    crate::model::Power::ALL.len()
                )
            }),
        ),
        (
            "integrated control, mean of roles".into(),
            all(&|e| pct(e.indicators.integrated_control)),
        ),
        (
            "independent roles present".into(),
            all(&|e| e.indicators.classes.len().to_string()),
        ),
        (
            "bodies held by a majority".into(),
            all(&|e| format!("{} of {}", e.indicators.majority, n(e))),
        ),
        (
            "  largest bloc, no majority".into(),
            all(&|e| format!("{} of {}", e.indicators.largest_bloc, n(e))),
        ),
        (
            "bodies he controls by closure".into(),
            all(&|e| format!("{} of {}", e.indicators.controlled, n(e))),
        ),
        (
            "seats he picks, mean share".into(),
            all(&|e| pct(e.indicators.picked_share)),
        ),
        (
            "  of which need a consent".into(),
            all(&|e| pct(e.indicators.consented_share)),
        ),
        (
            "bodies removable at will".into(),
            all(&|e| {
                format!(
                    "{} of {}",
                    e.indicators.independent_removable_at_will.len(),
                    n(e)
                )
            }),
        ),
        (
            "system HHI, by role".into(),
            all(&|e| figure(e.indicators.hhi_by_role)),
        ),
        (
            "system HHI, by seat".into(),
            all(&|e| figure(e.indicators.hhi_by_seat)),
        ),
    ]
}

/// One row per independent role: `f` of the class in each dataset, "-" where it has none.
pub fn class_rows(
    c: &Comparison,
    f: fn(&crate::comparative::ClassIndicator) -> f64,
) -> Vec<(String, Vec<String>)> {
    crate::comparative::INDEPENDENT_ROLES
        .iter()
        .filter(|r| c.entries.iter().any(|e| e.indicators.class(**r).is_some()))
        .map(|&role| {
            (
                role_words(role),
                c.entries
                    .iter()
                    .map(|e| {
                        e.indicators
                            .class(role)
                            .map(|x| pct(f(x)))
                            .unwrap_or_else(|| "-".into())
                    })
                    .collect(),
            )
        })
        .collect()
}

/// `n of m` when the side is one body of fixed size, else a percentage; "none" when absent.
/// For [`ReasonKind::Seats`], the size alone.
pub fn amount(kind: &ReasonKind, a: &Option<Amount>) -> String {
    amount_in(Lang::En, kind, a)
}

/// [`amount`] in `lang`.
pub fn amount_in(lang: Lang, kind: &ReasonKind, a: &Option<Amount>) -> String {
    match a {
        None => tr(lang, "none").into(),
        Some(Amount {
            seats: Some((n, of)),
            ..
        }) => {
            if *kind == ReasonKind::Seats {
                n.to_string()
            } else {
                format!("{n}{}{of}", tr(lang, " of "))
            }
        }
        Some(a) => pct(a.share),
    }
}

/// The largest principals of a body: "President 52.7%", or "President = Senate 50.0%".
pub fn largest_text(
    e: &Entry,
    largest: &Option<(Vec<crate::model::BodyId>, f64)>,
    lang: Lang,
) -> String {
    match largest {
        None => "-".into(),
        Some((ids, share)) => format!(
            "{} {}",
            ids.iter()
                .map(|p| e.dataset.name(p, lang).to_string())
                .collect::<Vec<_>>()
                .join(" = "),
            pct(*share)
        ),
    }
}

/// The head of state's integrated control / hold of a body; "-" for the head of state himself,
/// of whom both would be meaningless.
pub fn head_figures(e: &Entry, cell: &crate::comparative::RoleCell) -> String {
    if cell.id == e.indicators.head_of_state {
        "-".into()
    } else {
        format!("{} / {}", pct(cell.head_control), pct(cell.head_held))
    }
}

/// What a reason is about, in words (without the figures).
pub fn reason_subject(a: &Entry, b: &Entry, r: &Reason, lang: Lang) -> String {
    let name = |id: &str| {
        b.dataset
            .body(id)
            .or_else(|| a.dataset.body(id))
            .map(|x| x.name(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let head = name(&b.indicators.head_of_state);
    if lang != Lang::En {
        return reason_subject_in(lang, r, &head, name);
    }
    match &r.kind {
        ReasonKind::Seats => "seats".into(),
        ReasonKind::HeadPicks => format!("seats picked by the {head}"),
        ReasonKind::Consent {
            actor,
            under_threat: (x, y),
        } => {
            let threat = match (x, y) {
                (false, true) => " (now under threat of dissolution)",
                (true, false) => " (no longer under threat of dissolution)",
                (true, true) => " (under threat of dissolution)",
                (false, false) => "",
            };
            format!(
                "his picks needing the consent of the {}{threat}",
                name(actor)
            )
        }
        ReasonKind::Recommendation { actor } => {
            format!(
                "his picks made on the recommendation of the {}",
                name(actor)
            )
        }
        ReasonKind::AtWill => format!("seats the {head} can dismiss at will"),
        ReasonKind::OtherPicks { actor } => format!("seats picked by the {}", name(actor)),
        ReasonKind::Through { actor } => {
            format!("{} on {}", possessive(&head, "hold"), the(&name(actor)))
        }
    }
}

/// [`reason_subject`] in Russian or Kazakh: one template per kind of reason, the names in
/// the nominative (see the catalogue's notes).
fn reason_subject_in(lang: Lang, r: &Reason, head: &str, name: impl Fn(&str) -> String) -> String {
    match &r.kind {
        ReasonKind::Seats => tr(lang, "seats").into(),
        ReasonKind::HeadPicks => t!(lang, "seats picked by the {head}", head = head),
        ReasonKind::Consent {
            actor,
            under_threat: (x, y),
        } => {
            let threat = match (x, y) {
                (false, true) => tr(lang, " (now under threat of dissolution)"),
                (true, false) => tr(lang, " (no longer under threat of dissolution)"),
                (true, true) => tr(lang, " (under threat of dissolution)"),
                (false, false) => "",
            };
            t!(
                lang,
                "his picks needing the consent of the {actor}{threat}",
                actor = name(actor),
                threat = threat
            )
        }
        ReasonKind::Recommendation { actor } => t!(
            lang,
            "his picks made on the recommendation of the {actor}",
            actor = name(actor)
        ),
        ReasonKind::AtWill => t!(lang, "seats the {head} can dismiss at will", head = head),
        ReasonKind::OtherPicks { actor } => {
            t!(lang, "seats picked by the {actor}", actor = name(actor))
        }
        ReasonKind::Through { actor } => t!(
            lang,
            "the {head}'s hold on the {actor}",
            head = head,
            actor = name(actor)
        ),
    }
}

/// The names of the bodies of one side of a role change.
pub fn side_names(e: &Entry, bodies: &[crate::comparative::BodyRoutes], lang: Lang) -> String {
    if bodies.is_empty() {
        return tr(lang, "none").into();
    }
    bodies
        .iter()
        .map(|b| e.dataset.name(&b.id, lang).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The weights in force: one line when all datasets share them, else one per dataset.
pub fn weight_lines(c: &Comparison) -> Vec<String> {
    weight_lines_in(Lang::En, c)
}

/// [`weight_lines`] in `lang` (the weights' names are ids and stay).
pub fn weight_lines_in(lang: Lang, c: &Comparison) -> Vec<String> {
    let label = |e: &Entry| fmt::weights(&e.analysis.options.weights);
    let first = c.entries.first().map(label).unwrap_or_default();
    if c.entries.iter().all(|e| label(e) == first) {
        vec![t!(lang, "weights: {weights}", weights = first)]
    } else {
        c.entries
            .iter()
            .map(|e| {
                t!(
                    lang,
                    "weights of {id}: {weights}",
                    id = e.id(),
                    weights = label(e)
                )
            })
            .collect()
    }
}

/// A timeline as table rows: the headline figure, then the head of state's hold on each role
/// with his integrated control in brackets. Text and Markdown lay out the same rows.
pub fn timeline_rows(t: &crate::comparative::Timeline) -> Vec<(String, Vec<String>)> {
    timeline_rows_in(Lang::En, t)
}

/// [`timeline_rows`] in `lang`: the headline and the roles in words.
pub fn timeline_rows_in(
    lang: Lang,
    t: &crate::comparative::Timeline,
) -> Vec<(String, Vec<String>)> {
    let mut rows = vec![(
        tr(lang, "head_of_state_concentration").to_string(),
        t.headline.iter().map(|x| figure(*x)).collect(),
    )];
    for r in &t.rows {
        rows.push((
            role_words_in(lang, r.role),
            r.points
                .iter()
                .map(|p| match p {
                    Some(p) => format!("{} ({})", pct(p.held), pct(p.control)),
                    None => "-".into(),
                })
                .collect(),
        ));
    }
    rows
}

/// A timeline's jurisdiction in `lang`, as the translations of its datasets have it.
pub(crate) fn jurisdiction_in<'a>(
    c: &'a crate::comparative::Comparison,
    t: &'a crate::comparative::Timeline,
    lang: crate::model::Lang,
) -> &'a str {
    c.entries
        .iter()
        .filter(|e| t.datasets.iter().any(|d| d == e.id()))
        .map(|e| e.dataset.prose(lang, &t.jurisdiction))
        .find(|j| *j != t.jurisdiction)
        .unwrap_or(&t.jurisdiction)
}

use super::*;
use crate::analysis::{Options, analyze, tests::tiny_dataset};

#[test]
fn tiny_dataset_flags() {
    let ds = tiny_dataset();
    let a = analyze(&ds, &Options::of(&ds)).unwrap();
    let rules: Vec<(&str, &str)> = a.flags.iter().map(|f| (f.rule, f.body.as_str())).collect();
    assert!(
        rules.contains(&("independent_majority", "court")),
        "{rules:?}"
    );
    assert!(
        rules.contains(&("appoint_dismiss_at_will", "court")),
        "{rules:?}"
    );
    assert!(rules.contains(&("self_confirmation", "court")), "{rules:?}");
    let maj = a
        .flags
        .iter()
        .find(|f| f.rule == "independent_majority")
        .unwrap();
    assert!((maj.value - 0.6).abs() < 1e-12);
    let message = maj.message(&ds);
    assert!(
        message.contains("60.0%") && message.contains("through the Senate"),
        "{message}"
    );
    let conf = a
        .flags
        .iter()
        .find(|f| f.rule == "self_confirmation")
        .unwrap();
    assert!((conf.value - 0.2).abs() < 1e-12, "{}", conf.value);
    for f in &a.flags {
        assert!(!f.sources.is_empty(), "{f:?}");
    }
}

#[test]
fn rule_ids_are_unique() {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn the_readme_documents_every_rule() {
    let readme = include_str!("../../../README.md");
    for rule in RULES {
        assert!(
            readme.contains(&format!("| `{}` | {} |", rule.id, rule.raised_when)),
            "README lacks the row of `{}`",
            rule.id
        );
    }
}

#[test]
fn a_flag_holds_no_sentence_and_small_arguments() {
    // At 100,000 bodies the analysis keeps about 200,000 flags until the reports are written:
    // a flag's size times that is tens of megabytes of the export's peak.
    assert!(
        std::mem::size_of::<Flag>() <= 128,
        "{}",
        std::mem::size_of::<Flag>()
    );
    assert!(
        std::mem::size_of::<Arg>() <= 24,
        "{}",
        std::mem::size_of::<Arg>()
    );
}

/// Every flag of the shipped datasets carries one argument per name of its phrase's key, so
/// that each argument is read under its own name.
#[test]
fn a_phrase_has_an_argument_per_name() {
    for e in crate::data::EMBEDDED {
        let ds = crate::data::resolve(e.id).unwrap();
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        for f in &a.flags {
            assert_eq!(f.phrase.args.len(), f.phrase.key.names.len(), "{f:?}");
        }
    }
}

#[test]
fn the_english_message_is_worded_from_the_phrase_and_names_bodies_from_the_dataset() {
    let mut ds = tiny_dataset();
    let a = analyze(&ds, &Options::of(&ds)).unwrap();
    let conf = a
        .flags
        .iter()
        .find(|f| f.rule == "self_confirmation")
        .unwrap();
    let before = conf.message(&ds);
    assert_eq!(conf.message_in(Lang::En, &ds), before);
    let senate = ds.bodies.iter().position(|b| b.id == "senate").unwrap();
    ds.bodies[senate].names.en = "Upper House".to_string();
    let after = conf.message(&ds);
    assert!(before.contains("the Senate"), "{before}");
    assert!(after.contains("the Upper House"), "{after}");
}

/// The flags come in the order the ids' strings give (severity, body, rule, actor, channel),
/// as the sort that compared the strings themselves gave, for every shipped dataset.
#[test]
fn flags_sorted_as_by_their_ids() {
    for e in crate::data::EMBEDDED {
        let f = e.id;
        let ds = crate::data::resolve(f).unwrap();
        let a = analyze(&ds, &Options::of(&ds)).unwrap();
        let mut by_ids = a.flags.clone();
        by_ids.sort_by(super::by_ids);
        assert!(!a.flags.is_empty(), "{f}");
        assert_eq!(a.flags, by_ids, "{f}");
    }
}

/// The sort's permutation in place gives what gathering the flags into a new vector gave.
#[test]
fn the_permutation_in_place_equals_the_gather() {
    for n in 0..40u32 {
        // A permutation of 0..n made of cycles of several lengths.
        let mut order: Vec<u32> = (0..n).collect();
        order.sort_by_key(|&i| (i * 7 + 3) % n.max(1) * 64 + i);
        let v: Vec<String> = (0..n).map(|i| format!("f{i}")).collect();
        let want: Vec<String> = order.iter().map(|&i| v[i as usize].clone()).collect();
        let mut got = v.clone();
        super::permute(&mut got, &mut order.clone());
        assert_eq!(got, want, "{n}");
    }
}

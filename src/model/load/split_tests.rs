//! Loading on two threads builds the dataset one thread builds, and tells a broken file's
//! problems exactly as one thread does.

use super::*;

#[path = "../../../examples/synth/generate.rs"]
mod generate;

/// The whole check of `text`, read on two threads from about `share` of the way (`None`: on
/// one thread).
fn checked(text: &str, share: Option<f64>) -> Checked {
    let how = match share {
        Some(share) => Reading {
            as_read: 0,
            split: 0,
            share,
        },
        None => Reading {
            as_read: 0,
            split: usize::MAX,
            share: 0.5,
        },
    };
    check_text_as("t.ron", text.to_string(), |_| Vec::new(), how)
}

/// Whether the second thread's start, guessed at `share`, is met at the start of a body.
fn splits(text: &str, share: f64) -> bool {
    fast::split_guess(text, share).is_some_and(|at| {
        fast::read_until(text, Some(at), |_| Some(())).is_some_and(|(_, stopped)| stopped)
    })
}

/// The dataset `text` converts to as it is read, `None` when anything is to be told.
fn as_read(text: &str, split_from: usize, share: f64) -> Option<Dataset> {
    Validator::lazy(text).convert_as_read(text, split_from, share)
}

fn same_from_every_share(text: &str) -> usize {
    let one = checked(text, None);
    let alone = as_read(text, usize::MAX, 0.5);
    let mut split = 0;
    for k in 0..=20 {
        let share = k as f64 / 20.0;
        // Not only the same check: the same dataset without falling back to the whole.
        assert_eq!(alone, as_read(text, 0, share), "share {share}");
        let two = checked(text, Some(share));
        assert_eq!(one.dataset, two.dataset, "share {share}");
        assert_eq!(
            one.report.diagnostics, two.report.diagnostics,
            "share {share}"
        );
        split += splits(text, share) as usize;
    }
    // Past the end: no second thread.
    assert_eq!(alone, as_read(text, 0, 1.5));
    split
}

#[test]
fn every_shipped_dataset_loads_the_same_on_two_threads() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            let text = std::fs::read_to_string(&path).unwrap();
            let split = same_from_every_share(&text);
            assert!(split > 5, "{}: split {split} times", path.display());
        }
    }
    same_from_every_share(tests::MINI);
}

#[test]
fn a_synthetic_state_loads_the_same_on_two_threads() {
    let text = generate::generate(2_000, 3);
    assert!(same_from_every_share(&text) > 10);
    assert!(as_read(&text, 0, 0.5).is_some());
    // Large enough, the loader reads it on two threads by itself.
    let text = generate::generate(4_000, 3);
    assert!(text.len() >= convert::SPLIT_FROM);
    assert!(splits(&text, convert::SPLIT_SHARE));
    let checked = check_str("t.ron", &text);
    assert!(checked.report.diagnostics.is_empty());
    assert_eq!(checked.dataset, self::checked(&text, None).dataset);
    assert_eq!(checked.dataset.unwrap().bodies.len(), 4_000);
}

#[test]
fn a_state_broken_in_its_second_half_tells_what_one_thread_tells() {
    let text = generate::generate(2_000, 3);
    let last = text.rfind("role: appoint").unwrap();
    let late = |from: &str, to: &str| {
        let at = text.rfind(from).unwrap();
        format!("{}{to}{}", &text[..at], &text[at + from.len()..])
    };
    let broken = [
        // Found converting, on the second thread.
        format!("{}role: apoint{}", &text[..last], &text[last + 13..]),
        // Found after conversion: a body named twice, an edge from no body.
        late("(id: \"b", "(id: \"b1\", note: \"x\"),\n  (id: \"b"),
        late("(from: \"", "(from: \"nobody"),
        // Text outside the fast reader's subset, and text no reader reads.
        late("seats: ", "seats: +"),
        late("source: \"", "source: \"\\x41"),
        late("source: \"", "sorce: \""),
        format!(
            "{}\n  jurisdiction: \"twice\",\n)",
            text.trim_end().trim_end_matches(')')
        ),
    ];
    for text in &broken {
        let one = checked(text, None);
        // `seats: +3` and `\x41` are valid, read by `ron`.
        let valid = text.contains("seats: +") || text.contains("\\x41");
        assert_eq!(one.dataset.is_some(), valid);
        for share in [0.3, 0.5, 0.7, 0.9] {
            let two = checked(text, Some(share));
            assert_eq!(one.dataset, two.dataset);
            assert_eq!(one.report.diagnostics, two.report.diagnostics);
            assert_eq!(one.report.render(false), two.report.render(false));
        }
    }
}

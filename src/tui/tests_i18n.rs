//! The explorer in Russian and Kazakh (`L`): tab titles, headings, the hint line, the flags and
//! the help are the catalogue's, not English.

use super::tests::{app_for, keys, render, text};
use super::theme::Theme;
use crate::model::Lang;

#[test]
fn the_bodies_view_in_russian() {
    let mut a = app_for("kz-2022", 120, 40, Theme::colored());
    keys(&mut a, &["L", "/", "constitutional", "enter"]);
    assert_eq!(a.ctx.lang, Lang::Ru);
    let frame = text(&render(&a));
    for want in [
        "1 Органы",
        "4 Сигналы",
        "СОСТАВ",
        "КОНТРОЛЬ ПО ПРИНЦИПАЛАМ",
        "справка",
        "выход",
    ] {
        assert!(frame.contains(want), "missing {want:?} in\n{frame}");
    }
    for gone in ["COMPOSITION", "CONTROL BY PRINCIPAL", " help ", " quit "] {
        assert!(!frame.contains(gone), "{gone:?} left in\n{frame}");
    }
    insta::assert_snapshot!("bodies_russian_120x40", frame);
}

#[test]
fn the_flags_view_and_the_help_in_kazakh() {
    let mut a = app_for("kz-2022", 120, 40, Theme::colored());
    keys(&mut a, &["L", "L", "4"]);
    let frame = text(&render(&a));
    assert!(frame.contains("Белгілер"), "{frame}");
    assert!(frame.contains("ЖОҒАРЫ"), "{frame}");
    assert!(!frame.contains("holds a majority"), "{frame}");
    keys(&mut a, &["?"]);
    let frame = text(&render(&a));
    assert!(frame.contains("келесі көрініс"), "{frame}");
    assert!(frame.contains("Анықтама"), "{frame}");
}

//! The views, in tab order. A leaf of the TUI: the key map, the layout and the app name them,
//! and it names nothing of theirs.

/// The views, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum View {
    Bodies,
    Graph,
    Matrix,
    Flags,
    Weights,
    Reforms,
    Compare,
    Sources,
}

impl View {
    /// Every view, in tab order: the tab bar and Tab / Shift-Tab follow it.
    pub const ALL: [View; 8] = [
        View::Bodies,
        View::Graph,
        View::Matrix,
        View::Flags,
        View::Weights,
        View::Reforms,
        View::Compare,
        View::Sources,
    ];

    /// The title in `lang`, for the tab bar; [`View::title`] stays the English id sessions save.
    pub fn title_in(self, lang: crate::model::Lang) -> &'static str {
        crate::model::i18n::word(lang, "view", self.title())
    }

    pub fn title(self) -> &'static str {
        match self {
            View::Bodies => "Bodies",
            View::Graph => "Graph",
            View::Matrix => "Matrix",
            View::Flags => "Flags",
            View::Weights => "Weights",
            View::Reforms => "Reforms",
            View::Compare => "Compare",
            View::Sources => "Sources",
        }
    }
}

//! Every colour the explorer uses, in one place.
//!
//! With `NO_COLOR` set the theme is monochrome: selection stays visible through reverse video,
//! severity through bold and underline and the text labels that always accompany it, and heat
//! through the numbers and shading glyphs that are drawn in any case.

use std::collections::BTreeMap;

use ratatui::style::{Color, Modifier, Style};

use crate::analysis::Severity;
use crate::model::EdgeKind;

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub color: bool,
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub accent: Style,
    pub selected: Style,
    /// The selection in a pane that does not have the focus.
    pub selected_unfocused: Style,
    pub border: Style,
    pub border_focused: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub status: Style,
    pub status_key: Style,
    pub error: Style,
    pub ok: Style,
    pub link: Style,
    pub high: Style,
    pub medium: Style,
    pub low: Style,
    pub bar: Style,
    pub appoint: Style,
    pub consent: Style,
    pub dismiss: Style,
    pub dissolve: Style,
    pub account: Style,
    pub added: Style,
    pub removed: Style,
}

/// The colours a user may override in the config file, by name.
pub const OVERRIDABLE: [&str; 12] = [
    "accent", "selected", "border", "title", "link", "high", "medium", "low", "bar", "appoint",
    "consent", "dismiss",
];

impl Theme {
    pub fn colored() -> Theme {
        let base = Style::default();
        Theme {
            color: true,
            base,
            dim: Style::default().fg(Color::DarkGray),
            title: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            accent: Style::default().fg(Color::Cyan),
            selected: Style::default()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            selected_unfocused: Style::default().bg(Color::DarkGray).fg(Color::White),
            border: Style::default().fg(Color::DarkGray),
            border_focused: Style::default().fg(Color::Cyan),
            tab: Style::default().fg(Color::Gray),
            tab_active: Style::default()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            status: Style::default().bg(Color::Black).fg(Color::Gray),
            status_key: Style::default()
                .bg(Color::Black)
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            error: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            ok: Style::default().fg(Color::Green),
            link: Style::default().fg(Color::LightBlue),
            high: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            medium: Style::default().fg(Color::Yellow),
            low: Style::default().fg(Color::Gray),
            bar: Style::default().fg(Color::Cyan),
            appoint: Style::default().fg(Color::Green),
            consent: Style::default().fg(Color::Yellow),
            dismiss: Style::default().fg(Color::Red),
            dissolve: Style::default()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD),
            account: Style::default().fg(Color::Blue),
            added: Style::default()
                .fg(Color::Green)
                .add_modifier(Modifier::BOLD),
            removed: Style::default()
                .fg(Color::Red)
                .add_modifier(Modifier::CROSSED_OUT),
        }
    }

    pub fn monochrome() -> Theme {
        let plain = Style::default();
        let bold = Style::default().add_modifier(Modifier::BOLD);
        Theme {
            color: false,
            base: plain,
            dim: plain,
            title: bold,
            accent: plain,
            selected: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::default().add_modifier(Modifier::UNDERLINED),
            border: plain,
            border_focused: bold,
            tab: plain,
            tab_active: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            status: Style::default().add_modifier(Modifier::REVERSED),
            status_key: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            error: bold,
            ok: plain,
            link: Style::default().add_modifier(Modifier::UNDERLINED),
            high: Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            medium: bold,
            low: plain,
            bar: plain,
            appoint: plain,
            consent: plain,
            dismiss: bold,
            dissolve: bold,
            account: plain,
            added: bold,
            removed: Style::default().add_modifier(Modifier::CROSSED_OUT),
        }
    }

    /// The default theme for this environment: monochrome when `NO_COLOR` is set and not
    /// empty (https://no-color.org).
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::monochrome(),
            _ => Theme::colored(),
        }
    }

    pub fn severity(&self, s: Severity) -> Style {
        match s {
            Severity::High => self.high,
            Severity::Medium => self.medium,
            Severity::Low => self.low,
        }
    }

    pub fn edge(&self, kind: EdgeKind) -> Style {
        match kind {
            EdgeKind::DismissAtWill | EdgeKind::DismissForCause | EdgeKind::Impeach => self.dismiss,
            EdgeKind::Dissolve | EdgeKind::DissolveOnRefusal => self.dissolve,
            _ => self.account,
        }
    }

    /// A heat-map cell: background by share, so the numbers on it stay readable.
    pub fn heat(&self, share: f64) -> Style {
        if !self.color {
            return if share > 0.5 {
                Style::default().add_modifier(Modifier::BOLD)
            } else {
                Style::default()
            };
        }
        let steps = [
            (0.0005, Color::Reset, Color::DarkGray),
            (0.10, Color::Rgb(40, 40, 70), Color::Gray),
            (0.25, Color::Rgb(50, 60, 120), Color::White),
            (0.50, Color::Rgb(140, 90, 30), Color::White),
            (0.75, Color::Rgb(170, 60, 30), Color::White),
            (1.01, Color::Rgb(200, 30, 30), Color::White),
        ];
        let (_, bg, fg) = steps
            .iter()
            .find(|(limit, _, _)| share < *limit)
            .copied()
            .unwrap_or((1.0, Color::Red, Color::White));
        Style::default().bg(bg).fg(fg)
    }

    /// Applies colour overrides from the config file; unknown names or colours are errors.
    pub fn apply_overrides(&mut self, overrides: &BTreeMap<String, String>) -> Result<(), String> {
        if !self.color {
            return Ok(());
        }
        for (name, value) in overrides {
            let color: Color = value.parse().map_err(|_| {
                format!("theme: `{value}` is not a colour (a name such as `cyan` or `#rrggbb`)")
            })?;
            let slot = match name.as_str() {
                "accent" => &mut self.accent,
                "selected" => &mut self.selected,
                "border" => &mut self.border_focused,
                "title" => &mut self.title,
                "link" => &mut self.link,
                "high" => &mut self.high,
                "medium" => &mut self.medium,
                "low" => &mut self.low,
                "bar" => &mut self.bar,
                "appoint" => &mut self.appoint,
                "consent" => &mut self.consent,
                "dismiss" => &mut self.dismiss,
                _ => {
                    return Err(format!(
                        "theme: unknown colour name `{name}` (known: {})",
                        OVERRIDABLE.join(", ")
                    ));
                }
            };
            *slot = if name == "selected" {
                slot.bg(color)
            } else {
                slot.fg(color)
            };
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_keeps_selection_and_severity_visible() {
        let t = Theme::monochrome();
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert_ne!(t.high, t.low);
        assert_eq!(t.selected.fg, None);
        assert_eq!(t.high.fg, None);
    }

    #[test]
    fn overrides_parse_names_and_hex() {
        let mut t = Theme::colored();
        let mut o = BTreeMap::new();
        o.insert("accent".to_string(), "#ff8800".to_string());
        o.insert("high".to_string(), "magenta".to_string());
        t.apply_overrides(&o).unwrap();
        assert_eq!(t.accent.fg, Some(Color::Rgb(255, 136, 0)));
        o.insert("nope".to_string(), "red".to_string());
        assert!(
            t.apply_overrides(&o)
                .unwrap_err()
                .contains("unknown colour name `nope`")
        );
    }
}

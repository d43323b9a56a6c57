//! Watching the dataset file the explorer opened: when the user edits it, the explorer reloads
//! it, keeps the selection and the reforms that still apply, and shows why an edit does not
//! load in a pane over the last good version, until the file is fixed.
//!
//! ```text
//!  event loop, every tick ──> Watch::poll (one stat) ──> the text, once it has settled
//!     ──> update(Action::FileChanged(text)) ──> App::reload ──> the new baseline, or the pane
//! ```
//!
//! A poll of the file's modification time and size rather than a notification crate: the loop
//! already wakes ten times a second, a stat costs nothing next to a frame, and a poll sees a
//! file an editor replaced by renaming another over it, on any file system.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use super::app::App;
use super::ctx::{Ctx, StatusKind};
use super::session::Source;

/// What identifies a version of the file: its modification time and size.
type Stamp = Option<(SystemTime, u64)>;

fn stamp(path: &Path) -> Stamp {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

/// The dataset file and the version of it on screen.
#[derive(Debug)]
pub struct Watch {
    path: PathBuf,
    seen: Stamp,
    /// A new version seen at the last poll: read once it is the same at the next, so that an
    /// editor's write in several steps is read once, whole.
    settling: Option<Stamp>,
}

impl Watch {
    /// Starts watching `path` as it is now.
    pub fn new(path: &Path) -> Watch {
        Watch {
            path: path.to_path_buf(),
            seen: stamp(path),
            settling: None,
        }
    }

    /// The file's text if it changed and has settled since the last poll; the error if it
    /// cannot be read any more (removed, unreadable).
    pub fn poll(&mut self) -> Option<Result<String, String>> {
        let now = stamp(&self.path);
        if now == self.seen {
            self.settling = None;
            return None;
        }
        if self.settling != Some(now) {
            self.settling = Some(now);
            return None;
        }
        self.settling = None;
        self.seen = now;
        if now.is_none() {
            return Some(Err(format!(
                "{}: the file is gone (removed or renamed)",
                self.path.display()
            )));
        }
        Some(crate::diag::read_text(&self.path).map_err(|r| {
            r.diagnostics
                .first()
                .map(|d| d.message.clone())
                .unwrap_or_default()
        }))
    }
}

impl App {
    /// Loads a new version of the dataset file: on success it replaces the baseline (the
    /// error pane closes); otherwise the pane says why and the last good version stays.
    pub fn reload(&mut self, text: Result<String, String>) {
        let name = self
            .source
            .data_path
            .as_ref()
            .map_or(self.source.data.clone(), |p| p.display().to_string());
        // The catalogues beside the file are read again with it: a label keeps its translation.
        let beside = self.source.data_path.is_some();
        let result = text.and_then(|text| {
            let loaded = if beside {
                crate::data::load_str_beside(&name, &text)
            } else {
                crate::data::load_str(&name, &text)
            };
            loaded.map_err(|e| e.report.render(false))
        });
        match result {
            Ok(dataset) => {
                let fixed = self.load_error.take().is_some();
                self.ctx.status = None;
                if self.ctx.replace_baseline(dataset) {
                    let what = if fixed {
                        "fixed and reloaded"
                    } else {
                        "reloaded"
                    };
                    // A reform the new version refuses has said so already.
                    if self.ctx.status.is_none() {
                        self.ctx
                            .set_status(format!("{name}: {what}"), StatusKind::Info);
                    }
                } else {
                    // Valid, but it cannot be analysed: as good as broken.
                    self.load_error = self.ctx.status.as_ref().map(|s| s.text.clone());
                }
            }
            Err(report) => {
                self.load_error = Some(report);
                self.ctx.set_status(
                    format!("{name} does not load: the last good version stays on screen"),
                    StatusKind::Error,
                );
            }
        }
    }
}

/// The pane over the lower part of the view: why the edited file does not load.
pub fn render_error(ctx: &Ctx, source: &Source, error: &str, main: Rect, buf: &mut Buffer) {
    let lines: Vec<Line> = error
        .lines()
        .map(|l| Line::from(l.replace('\t', "    ")))
        .collect();
    let height = (lines.len() as u16 + 2).min(main.height / 2).max(3);
    let area = Rect::new(
        main.x,
        main.y + main.height.saturating_sub(height),
        main.width,
        height.min(main.height),
    );
    let name = source
        .data_path
        .as_ref()
        .and_then(|p| p.file_name())
        .map_or(source.data.clone(), |n| n.to_string_lossy().into_owned());
    let title = format!(" {name} does not load · the last good version is on screen ");
    Clear.render(area, buf);
    Paragraph::new(lines)
        .style(ctx.theme.base)
        .block(super::views::block(&ctx.theme, title, true).border_style(ctx.theme.error))
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

#[cfg(test)]
mod tests {
    use crate::model::Lang;
    use crate::tui::tests::app_for;
    use crate::tui::theme::Theme;

    const TITLE: &str = "United States, federal system under the 1787 Constitution as amended";

    #[test]
    fn an_edited_file_reloads_with_the_catalogues_beside_it() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("i18n")).unwrap();
        let text = std::fs::read_to_string(root.join("data/us.ron")).unwrap();
        let file = dir.path().join("us.ron");
        std::fs::write(&file, &text).unwrap();
        std::fs::copy(
            root.join("tests/fixtures/prose/us.ru.ron"),
            dir.path().join("i18n/us.ru.ron"),
        )
        .unwrap();
        let mut a = app_for(file.to_str().unwrap(), 120, 40, Theme::monochrome());
        a.source.data_path = Some(file.clone());
        assert_ne!(a.ctx.dataset.prose(Lang::Ru, TITLE), TITLE);
        // The user edits the file: a comment added at its end.
        let edited = format!("{text}\n// edited\n");
        std::fs::write(&file, &edited).unwrap();
        a.reload(Ok(edited));
        assert!(a.load_error.is_none(), "{:?}", a.load_error);
        assert_eq!(
            a.ctx.dataset.prose(Lang::Ru, TITLE),
            "Соединённые Штаты: федеральная система по Конституции 1787 года с поправками"
        );
    }
}

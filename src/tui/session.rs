//! Sessions: the state a user built in the explorer (the dataset, weights, principals, active
//! reforms, layer, share model, band, the selected body and view, sorts, language and the Compare columns),
//! saved on quit to `$XDG_STATE_HOME/bilik/session.ron` (else `~/.local/state/bilik/`) and
//! restored on start; `bilik open FILE` opens a named one.
//!
//! A session is a plain RON file of ids and numbers, never indices into a dataset, so that it
//! survives an edit of the data: what no longer fits (a dataset gone, a body removed, a reform
//! unknown) is dropped, and the status line says what. A file that does not parse is reported
//! with its line and column, and the explorer starts fresh.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::app::App;
use super::tabs::View;
use super::views::flags::FlagSort;
use crate::data::EMBEDDED;
use crate::model::{Lang, Weights};

/// The layer the figures are computed in (codebook R34): the law as written, or with the
/// dataset's de facto layer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    #[default]
    DeJure,
    DeFacto,
}

impl From<crate::model::Layer> for Layer {
    fn from(l: crate::model::Layer) -> Self {
        match l {
            crate::model::Layer::DeJure => Layer::DeJure,
            crate::model::Layer::DeFacto => Layer::DeFacto,
        }
    }
}

impl From<Layer> for crate::model::Layer {
    fn from(l: Layer) -> Self {
        match l {
            Layer::DeJure => crate::model::Layer::DeJure,
            Layer::DeFacto => crate::model::Layer::DeFacto,
        }
    }
}

/// What a body with blocs contributes to integrated control (codebook R33), as a session
/// names it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareModel {
    #[default]
    Seats,
    Banzhaf,
    Shapley,
}

impl From<crate::analysis::ShareModel> for ShareModel {
    fn from(m: crate::analysis::ShareModel) -> Self {
        match m {
            crate::analysis::ShareModel::Seats => ShareModel::Seats,
            crate::analysis::ShareModel::Banzhaf => ShareModel::Banzhaf,
            crate::analysis::ShareModel::Shapley => ShareModel::Shapley,
        }
    }
}

impl From<ShareModel> for crate::analysis::ShareModel {
    fn from(m: ShareModel) -> Self {
        match m {
            ShareModel::Seats => crate::analysis::ShareModel::Seats,
            ShareModel::Banzhaf => crate::analysis::ShareModel::Banzhaf,
            ShareModel::Shapley => crate::analysis::ShareModel::Shapley,
        }
    }
}

/// A saved session. Every field has a default, so that an older or hand-written file with
/// fewer fields still loads; fields a newer bilik wrote are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Session", default)]
pub struct Session {
    /// An embedded dataset's id, or the absolute path of a dataset file.
    pub data: String,
    /// The file of reform presets in use instead of the embedded ones (absolute), if any.
    pub reforms_file: Option<String>,
    /// The role weights, by name.
    pub weights: BTreeMap<String, f64>,
    /// The principals the user chose; `None` when the dataset's own are in force.
    pub principals: Option<Vec<String>>,
    pub at_will_threat: bool,
    /// The weights the ranges run over: `(name, lo, hi)`.
    pub band: Vec<(String, f64, f64)>,
    /// The active reform presets, by id.
    pub reforms: Vec<String>,
    pub layer: Layer,
    /// Seat shares or a voting-power index; seat shares in a file written before it was kept.
    pub share_model: ShareModel,
    /// The selected body, by id.
    pub selected: Option<String>,
    /// The view on screen, by its title (`bodies`, `weights`, ...).
    pub view: String,
    /// The language of names: `en`, `ru`, `kk`.
    pub lang: String,
    /// The Matrix view's sort: column and descending.
    pub matrix_sort: Option<(usize, bool)>,
    /// The Flags view's sort: `severity`, `body` or `rule`.
    pub flags_sort: String,
    /// The embedded datasets in the Compare view, and whether the state on screen is a column.
    pub compare: Vec<String>,
    pub compare_current: bool,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            data: crate::data::DEFAULT.to_string(),
            reforms_file: None,
            weights: BTreeMap::new(),
            principals: None,
            at_will_threat: false,
            band: crate::analysis::range::Band::default().weights,
            reforms: Vec::new(),
            layer: Layer::DeJure,
            share_model: ShareModel::Seats,
            selected: None,
            view: "bodies".to_string(),
            lang: "en".to_string(),
            matrix_sort: None,
            flags_sort: "severity".to_string(),
            compare: EMBEDDED.iter().map(|e| e.id.to_string()).collect(),
            compare_current: false,
        }
    }
}

/// Where the explorer's state came from, which a session records: the dataset as named, the
/// presets file, and the session files to write on quit.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// An embedded id, or the path of the dataset file (absolute when it could be made so).
    pub data: String,
    /// The dataset file the explorer watches and reloads, when it is one.
    pub data_path: Option<PathBuf>,
    pub reforms_file: Option<PathBuf>,
}

impl Source {
    /// The source for `--data SPEC` and `--reforms FILE`.
    pub fn new(spec: &str, reforms_file: Option<&Path>) -> Source {
        let embedded = crate::data::embedded(spec).is_some();
        let data_path = (!embedded).then(|| absolute(Path::new(spec)));
        Source {
            data: data_path
                .as_ref()
                .map_or(spec.to_string(), |p| p.display().to_string()),
            data_path,
            reforms_file: reforms_file.map(absolute),
        }
    }
}

/// The path made absolute against the working folder, so that a session restores the same
/// file from anywhere; unchanged if the folder cannot be known.
fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Where the session is saved on quit and restored from on start:
/// `$XDG_STATE_HOME/bilik/session.ron`, else `~/.local/state/bilik/session.ron`.
pub fn path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("state"))
        })?;
    Some(base.join("bilik").join("session.ron"))
}

impl Session {
    /// The session of the explorer as it is.
    pub fn of(app: &App) -> Session {
        let ctx = &app.ctx;
        let weights = Weights::NAMES
            .iter()
            .filter_map(|n| ctx.options.weights.get(n).map(|v| (n.to_string(), v)))
            .collect();
        Session {
            data: app.source.data.clone(),
            reforms_file: app
                .source
                .reforms_file
                .as_ref()
                .map(|p| p.display().to_string()),
            weights,
            principals: ctx
                .custom_principals
                .then(|| ctx.options.principals.clone()),
            at_will_threat: ctx.options.at_will_threat,
            band: ctx.band.weights.clone(),
            reforms: ctx.scenario.active.clone(),
            layer: ctx.options.layer.into(),
            share_model: ctx.options.share_model.into(),
            selected: Some(ctx.selected.clone()),
            view: app.view.title().to_lowercase(),
            lang: ctx.lang.code().to_string(),
            matrix_sort: app.matrix.sort,
            flags_sort: flag_sort_name(app.flags.sort).to_string(),
            compare: app.compare.chosen.clone(),
            compare_current: app.compare.current,
        }
    }

    /// The session as RON, with field names, one a line.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new().struct_names(true);
        // Strings, numbers, lists and maps of them always serialise.
        let mut text = ron::ser::to_string_pretty(self, config).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Reads a session file; the error names the file, and the line and column of a syntax
    /// error.
    pub fn load(path: &Path) -> Result<Session, String> {
        let text = crate::diag::read_text(path).map_err(|report| {
            let why = report
                .diagnostics
                .first()
                .map(|d| d.message.clone())
                .unwrap_or_default();
            format!("session {}: {why}", path.display())
        })?;
        Session::parse(&path.display().to_string(), &text)
    }

    /// Parses session text; `name` stands for the file in messages.
    pub fn parse(name: &str, text: &str) -> Result<Session, String> {
        crate::diag::parse_ron(text).map_err(|d: crate::diag::Diagnostic| {
            let place = d
                .span
                .as_ref()
                .map(|s| {
                    let (line, col) = crate::diag::line_col(text, s.start);
                    format!(":{line}:{col}")
                })
                .unwrap_or_default();
            format!("session {name}{place}: {}", d.message)
        })
    }

    /// Puts back what lives in the explorer rather than in the analysis: the view, the
    /// selection, the language, the sorts, the Compare columns and the band. Returns what had
    /// to be dropped.
    pub fn apply_view_state(&self, app: &mut App) -> Vec<String> {
        let mut dropped = Vec::new();
        match View::ALL
            .iter()
            .find(|v| v.title().eq_ignore_ascii_case(&self.view))
        {
            Some(v) => app.view = *v,
            None => dropped.push(format!("view {}", self.view)),
        }
        match Lang::ALL.iter().find(|l| l.code() == self.lang) {
            Some(l) => app.ctx.lang = *l,
            None => dropped.push(format!("language {}", self.lang)),
        }
        if let Some(id) = &self.selected {
            if app.ctx.dataset.body(id).is_some() {
                app.ctx.select(id.clone());
            } else {
                dropped.push(format!("selected body {id} (not in the dataset)"));
            }
        }
        app.matrix.sort = self.matrix_sort;
        match flag_sort(&self.flags_sort) {
            Some(s) => app.flags.sort = s,
            None => dropped.push(format!("flags sort {}", self.flags_sort)),
        }
        let (known, unknown): (Vec<String>, Vec<String>) = self
            .compare
            .iter()
            .cloned()
            .partition(|id| crate::data::embedded(id).is_some());
        for id in unknown {
            dropped.push(format!("compared dataset {id} (not embedded)"));
        }
        app.compare.chosen = known;
        app.compare.current = self.compare_current;
        let mut band = crate::analysis::range::Band::none();
        for (name, lo, hi) in &self.band {
            if let Err(e) = band.apply_spec(&format!("{name}={lo}..{hi}")) {
                dropped.push(format!("band {name}: {e}"));
            }
        }
        if band != app.ctx.band {
            app.ctx.set_band(band);
        }
        dropped
    }
}

fn flag_sort_name(s: FlagSort) -> &'static str {
    match s {
        FlagSort::Severity => "severity",
        FlagSort::Body => "body",
        FlagSort::Rule => "rule",
    }
}

fn flag_sort(name: &str) -> Option<FlagSort> {
    [FlagSort::Severity, FlagSort::Body, FlagSort::Rule]
        .into_iter()
        .find(|s| flag_sort_name(*s) == name)
}

/// The status line after a restore: where from, and what was dropped.
pub fn restored_message(from: &Path, dropped: &[String]) -> String {
    if dropped.is_empty() {
        format!("session restored from {}", from.display())
    } else {
        format!(
            "session restored from {}; dropped: {}",
            from.display(),
            dropped.join(", ")
        )
    }
}

/// What a session puts in force before the explorer is built: the dataset, its presets, the
/// active reforms and the options, with what had to be dropped on the way.
pub struct Start {
    pub dataset: crate::model::Dataset,
    pub presets: crate::reform::PresetSet,
    pub active: Vec<String>,
    pub options: crate::analysis::Options,
    pub custom_principals: bool,
    pub source: Source,
    pub dropped: Vec<String>,
}

impl Session {
    /// Resolves what the session names. `None` when its dataset cannot be loaded (it is gone
    /// or no longer valid): the reason is in `dropped`, and the caller starts from its own.
    pub fn start(&self, dropped: &mut Vec<String>) -> Option<Start> {
        let dataset = match crate::data::resolve(&self.data) {
            Ok(d) => d,
            Err(e) => {
                let why = e
                    .report
                    .diagnostics
                    .first()
                    .map(|d| d.message.clone())
                    .unwrap_or_default();
                dropped.push(format!("dataset {} ({why})", self.data));
                return None;
            }
        };
        let mut source = Source::new(&self.data, None);
        let presets = match &self.reforms_file {
            Some(file) => match crate::reform::load_file(Path::new(file)) {
                Ok(set) if crate::reform::check(&set, &dataset).errors() == 0 => {
                    source.reforms_file = Some(PathBuf::from(file));
                    set
                }
                _ => {
                    dropped.push(format!("reforms file {file} (missing or invalid)"));
                    crate::reform::embedded(&dataset.meta.id)
                }
            },
            None => crate::reform::embedded(&dataset.meta.id),
        };
        let (known, unknown): (Vec<String>, Vec<String>) = self
            .reforms
            .iter()
            .cloned()
            .partition(|id| presets.get(id).is_some());
        dropped.extend(unknown.iter().map(|id| format!("reform {id} (unknown)")));
        let active = match presets
            .order(&known)
            .and_then(|a| crate::reform::apply(&dataset, &presets, &a).map(|_| a))
        {
            Ok(a) => a,
            Err(e) => {
                if !known.is_empty() {
                    dropped.push(format!(
                        "reforms {} ({})",
                        known.join("+"),
                        e.to_string().replace('\n', " ")
                    ));
                }
                Vec::new()
            }
        };
        let mut options = crate::analysis::Options::of(&dataset);
        for (name, value) in &self.weights {
            if let Err(e) = options.weights.set(name, *value) {
                dropped.push(format!("weight {name} ({e})"));
            }
        }
        options.at_will_threat = self.at_will_threat;
        options.layer = self.layer.into();
        options.share_model = self.share_model.into();
        let custom_principals = self.principals.is_some();
        if let Some(principals) = &self.principals {
            let (known, unknown): (Vec<String>, Vec<String>) = principals
                .iter()
                .cloned()
                .partition(|p| dataset.body(p).is_some());
            dropped.extend(
                unknown
                    .iter()
                    .map(|p| format!("principal {p} (no such body)")),
            );
            options.principals = known;
        }
        Some(Start {
            dataset,
            presets,
            active,
            options,
            custom_principals,
            source,
            dropped: std::mem::take(dropped),
        })
    }
}

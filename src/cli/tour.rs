//! `bilik tour`: the shipped tours, and a tour (shipped or a file) as Markdown.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{Failure, emit, print, say};
use crate::model::Lang;
use crate::reform::tour;

#[derive(Debug, Args)]
pub struct TourArgs {
    /// A shipped tour's id or a tour file; without it, the shipped tours are listed.
    #[arg(value_name = "ID|FILE")]
    pub tour: Option<String>,
    /// Render the tour with the numbers of every step.
    #[arg(long, value_enum)]
    pub export: Option<TourFormat>,
    /// Write to FILE instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TourFormat {
    /// A Markdown document: each step's caption and numbers.
    Md,
}

pub fn run(args: &TourArgs, lang: Lang, color: bool) -> anyhow::Result<ExitCode> {
    let Some(spec) = &args.tour else {
        let mut out = String::new();
        for t in tour::shipped().into_iter().flatten() {
            out.push_str(&format!(
                "{:<10} {}  {}\n",
                t.id,
                crate::t!(lang, "{n} steps", n = t.steps.len()),
                t.title.get(lang)
            ));
        }
        out.push_str(&format!(
            "\n{}\n",
            crate::model::i18n::tr(
                lang,
                "bilik tour ID --export md renders one; `t` plays one in the explorer."
            )
        ));
        print(out.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    let t = tour::resolve(spec).map_err(|e| {
        say(&e.report.render(color));
        Failure::Data(String::new())
    })?;
    match args.export {
        Some(TourFormat::Md) => {
            let doc = crate::output::tour::markdown_doc(&t, lang).map_err(Failure::Data)?;
            emit(args.output.as_deref(), doc.as_bytes())?;
        }
        None => {
            let mut out = format!(
                "{}: {}\n",
                t.title.get(lang),
                crate::t!(lang, "{n} steps", n = t.steps.len())
            );
            for (k, s) in t.steps.iter().enumerate() {
                let reforms = if s.reforms.is_empty() {
                    String::new()
                } else {
                    format!("+{}", s.reforms.join("+"))
                };
                out.push_str(&format!(
                    "{:>2}. {}{} · {} · {} · {}\n",
                    k + 1,
                    s.dataset,
                    reforms,
                    s.layer,
                    s.view,
                    s.body
                ));
            }
            print(out.as_bytes())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

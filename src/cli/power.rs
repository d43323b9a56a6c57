//! `bilik power --quota Q W1 W2 ...`: the voting-power calculator, so that a user can check a
//! Banzhaf or Shapley-Shubik figure by hand (codebook R33).

use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{Failure, print};
use crate::analysis::power::{Game, Power, to_f64};

#[derive(Debug, Args)]
pub struct PowerArgs {
    /// The quota: the weight a coalition needs to win (at least 1, at most the total weight).
    #[arg(long, short = 'q', value_name = "Q", allow_negative_numbers = true)]
    pub quota: String,
    /// The players' weights (seats), whole numbers of at least 1, in the order of the output.
    #[arg(required = true, value_name = "W", allow_negative_numbers = true)]
    pub weights: Vec<String>,
    /// The output format.
    #[arg(long, short = 'f', value_enum, default_value_t = PowerFormat::Text)]
    pub format: PowerFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PowerFormat {
    /// A table with each index as a decimal and an exact fraction.
    Text,
    /// `{"banzhaf": [...], "shapley_shubik": [...]}` in the order of the weights.
    Json,
}

fn whole(what: &str, s: &str) -> Result<u64, Failure> {
    s.trim().parse::<u64>().map_err(|_| {
        Failure::Usage(format!(
            "{what} '{}' is not a whole number of at least 1",
            crate::output::escape::visible(s)
        ))
    })
}

pub fn run(args: &PowerArgs) -> anyhow::Result<ExitCode> {
    let quota = whole("the quota", &args.quota)?;
    let weights = args
        .weights
        .iter()
        .enumerate()
        .map(|(i, w)| whole(&format!("weight {}", i + 1), w))
        .collect::<Result<Vec<u64>, Failure>>()?;
    let game = Game::new(quota, weights).map_err(|e| Failure::Usage(e.to_string()))?;
    let power = game.power();
    let body = match args.format {
        PowerFormat::Text => text(&game, &power),
        PowerFormat::Json => json(&power),
    };
    print(body.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn json(p: &Power) -> String {
    let v = serde_json::json!({
        "banzhaf": p.banzhaf_f64(),
        "shapley_shubik": p.shapley_shubik_f64(),
    });
    format!("{v}\n")
}

fn text(game: &Game, p: &Power) -> String {
    let list: Vec<String> = game.weights().iter().map(u64::to_string).collect();
    let mut out = format!(
        "game [{}; {}], total weight {}\n\n",
        game.quota(),
        list.join(", "),
        game.total()
    );
    let rows: Vec<[String; 5]> = game
        .weights()
        .iter()
        .enumerate()
        .map(|(i, w)| {
            [
                (i + 1).to_string(),
                w.to_string(),
                p.swings[i].to_string(),
                format!("{:.6} ({})", to_f64(&p.banzhaf[i]), p.banzhaf[i]),
                format!(
                    "{:.6} ({})",
                    to_f64(&p.shapley_shubik[i]),
                    p.shapley_shubik[i]
                ),
            ]
        })
        .collect();
    let head = ["player", "weight", "swings", "Banzhaf", "Shapley-Shubik"];
    let width = |c: usize| {
        rows.iter()
            .map(|r| r[c].chars().count())
            .chain([head[c].len()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..5).map(width).collect();
    let line = |cells: [&str; 5]| {
        let mut l = String::new();
        for (c, cell) in cells.iter().enumerate() {
            if c > 0 {
                l.push_str("  ");
            }
            l.push_str(&format!("{cell:<w$}", w = widths[c]));
        }
        l.trim_end().to_string() + "\n"
    };
    out.push_str(&line(head));
    for r in &rows {
        out.push_str(&line([&r[0], &r[1], &r[2], &r[3], &r[4]]));
    }
    out.push_str(
        "\nBanzhaf: each player's swings over all swings. Shapley-Shubik: the share of orderings\nin which the player's vote first reaches the quota. Exact, by a dynamic programme.\n",
    );
    out
}

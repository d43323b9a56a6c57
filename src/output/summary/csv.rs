//! `csv`: one table per file, RFC 4180 (CRLF line ends, fields quoted when they need it),
//! UTF-8 without a byte-order mark. Names come in all three languages as columns; numbers
//! have 4 decimals; booleans are `true`/`false`; a missing value is an empty field. Rows
//! describe the current state; `change` says what reforms added or changed (empty without
//! reforms). The control table gives each figure's range (`control_lo`, `control_hi`) beside
//! it. A text cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first)
//! starts with `'` ([`csv_cells`]); numbers stay numbers.
//!
//! Each table is written row by row as it is produced ([`write`]): bodies O(n), edges O(e),
//! control O(n x principals), flags O(f), after the sorts of [`Graph::new`] (O(e log e));
//! names are found through the dataset's index of ids, flags and ranges through theirs.

use std::collections::BTreeSet;
use std::io;

use crate::model::{Body, Dataset};
use crate::output::escape::csv_cells;
use crate::output::export::{Snapshot, Table};
use crate::output::fmt::fixed4;
use crate::output::graph::{Change, Graph};

fn names(ds: &Dataset, id: &str) -> [String; 3] {
    match ds.body(id) {
        Some(b) => [b.names.en.clone(), b.names.ru.clone(), b.names.kk.clone()],
        None => [String::new(), String::new(), String::new()],
    }
}

fn flag(x: bool) -> String {
    x.to_string()
}

pub fn render(s: &Snapshot, table: Table) -> Result<Vec<u8>, csv::Error> {
    let mut bytes = Vec::new();
    write(s, table, &mut bytes)?;
    Ok(bytes)
}

/// Writes `table` to `out` row by row as it is produced: linear in the rows (the control
/// table: bodies x principals), and no memory beyond the CSV writer's buffer.
pub fn write(s: &Snapshot, table: Table, out: &mut dyn io::Write) -> Result<(), csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let g = Graph::new(s);
    let ds = s.dataset;
    match table {
        Table::Bodies => {
            w.write_record(csv_cells([
                "id",
                "name_en",
                "name_ru",
                "name_kk",
                "branch",
                "role",
                "seats",
                "seats_nominal",
                "independent",
                "non_partisan",
                "term_years",
                "principal",
                "largest_principal",
                "largest_control",
                "hhi",
                "flags",
                "confidence",
                "source",
                "note",
                "change",
            ]))?;
            for n in g.present_nodes() {
                let b: &Body = n.body;
                let largest = n.analysis.largest();
                w.write_record(csv_cells([
                    b.id.clone(),
                    b.names.en.clone(),
                    b.names.ru.clone(),
                    b.names.kk.clone(),
                    b.branch.to_string(),
                    b.role.map(|r| r.to_string()).unwrap_or_default(),
                    b.seats.to_string(),
                    flag(b.seats_nominal),
                    flag(b.independent),
                    flag(b.non_partisan),
                    b.term_years.map(fixed4).unwrap_or_default(),
                    flag(n.principal),
                    largest.map(|l| l.0.to_string()).unwrap_or_default(),
                    largest.map(|l| fixed4(l.1)).unwrap_or_default(),
                    fixed4(n.analysis.hhi),
                    s.analysis.flags_of(&b.id).count().to_string(),
                    b.confidence.to_string(),
                    b.source.clone(),
                    b.note.clone(),
                    n.change.as_str().to_string(),
                ]))?;
            }
        }
        Table::Edges => {
            w.write_record(csv_cells([
                "from",
                "from_en",
                "from_ru",
                "from_kk",
                "to",
                "to_en",
                "to_ru",
                "to_kk",
                "kind",
                "class",
                "channel",
                "seats",
                "share",
                "threshold",
                "source",
                "confidence",
                "note",
                "change",
            ]))?;
            for l in g.present_links() {
                let [fe, fr, fk] = names(ds, l.from);
                let [te, tr, tk] = names(ds, l.to);
                w.write_record(csv_cells([
                    l.from.to_string(),
                    fe,
                    fr,
                    fk,
                    l.to.to_string(),
                    te,
                    tr,
                    tk,
                    l.kind.as_str().to_string(),
                    l.class().as_str().to_string(),
                    l.channel.unwrap_or_default().to_string(),
                    l.seats.map(|x| x.to_string()).unwrap_or_default(),
                    l.share.map(fixed4).unwrap_or_default(),
                    l.threshold.unwrap_or_default().to_string(),
                    l.source.to_string(),
                    l.confidence.to_string(),
                    l.note.to_string(),
                    l.change.as_str().to_string(),
                ]))?;
            }
        }
        Table::Control => {
            w.write_record(csv_cells([
                "body",
                "body_en",
                "body_ru",
                "body_kk",
                "principal",
                "principal_en",
                "principal_ru",
                "principal_kk",
                "control",
                "control_lo",
                "control_hi",
                "direct",
                "through",
            ]))?;
            // The range over alternatives, threat option and band (empty when unavailable).
            let ranges = s.ranges();
            let mut principals: Vec<&str> = g.principals.clone();
            principals.sort_unstable();
            for n in g.present_nodes() {
                let [be, br, bk] = names(ds, n.id());
                for p in &principals {
                    let [pe, pr, pk] = names(ds, p);
                    let control = n.analysis.control_of(p);
                    let range = ranges.as_deref().and_then(|r| r.get(n.id(), p));
                    let direct = n
                        .analysis
                        .via
                        .get(p)
                        .and_then(|v| v.get(p))
                        .copied()
                        .unwrap_or(0.0);
                    w.write_record(csv_cells([
                        n.id().to_string(),
                        be.clone(),
                        br.clone(),
                        bk.clone(),
                        p.to_string(),
                        pe,
                        pr,
                        pk,
                        fixed4(control),
                        range.map(|r| fixed4(r.0)).unwrap_or_default(),
                        range.map(|r| fixed4(r.1)).unwrap_or_default(),
                        fixed4(direct),
                        fixed4(control - direct),
                    ]))?;
                }
            }
        }
        Table::Flags => {
            w.write_record(csv_cells([
                "rule", "severity", "body", "body_en", "body_ru", "body_kk", "actor", "channel",
                "value", "message", "sources", "change",
            ]))?;
            let before: Option<BTreeSet<_>> = s
                .baseline
                .map(|(_, a)| a.flags.iter().map(|f| f.key()).collect());
            for f in &s.analysis.flags {
                let [be, br, bk] = names(ds, &f.body);
                let change = match &before {
                    Some(keys) if !keys.contains(&f.key()) => Change::Added,
                    _ => Change::Same,
                };
                w.write_record(csv_cells([
                    f.rule.to_string(),
                    f.severity.to_string(),
                    f.body.to_string(),
                    be,
                    br,
                    bk,
                    f.actor.as_deref().unwrap_or_default().to_string(),
                    f.channel.as_deref().unwrap_or_default().to_string(),
                    fixed4(f.value),
                    f.message(ds),
                    f.sources.join("; "),
                    change.as_str().to_string(),
                ]))?;
            }
        }
    }
    w.flush()?;
    Ok(())
}

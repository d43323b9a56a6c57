//! The indicators as CSV (RFC 4180): one row per dataset, one column per indicator and per
//! independent role, ready for a statistics package. Floats have at most 4 decimals; a role a
//! dataset lacks is an empty cell.

use crate::analysis::range::Ranged;
use crate::comparative::{Comparison, INDEPENDENT_ROLES, Indicators};
use crate::output::fmt::r4;

/// The header, in column order: the dataset, then [`Indicators::scalars`], then the hold and
/// integrated control of each independent role, then each scalar's range (`NAME_lo`,
/// `NAME_hi`; empty when not enumerated), added at the end so that columns keep their places.
pub fn header() -> Vec<String> {
    let mut h: Vec<String> = ["dataset", "jurisdiction", "as_of", "head_of_state"]
        .into_iter()
        .chain(Indicators::SCALARS)
        .map(str::to_string)
        .collect();
    for r in INDEPENDENT_ROLES {
        h.push(format!("held_{r}"));
        h.push(format!("control_{r}"));
    }
    for s in Indicators::SCALARS {
        h.push(format!("{s}_lo"));
        h.push(format!("{s}_hi"));
    }
    h
}

fn num(x: f64) -> String {
    r4(x).to_string()
}

/// The CSV document, with a header row and CRLF line ends as RFC 4180 has them.
pub fn render(c: &Comparison, ranges: &[Option<Ranged>]) -> std::io::Result<String> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(header())?;
    for (k, e) in c.entries.iter().enumerate() {
        let i = &e.indicators;
        let mut row = vec![
            e.id().to_string(),
            e.dataset.meta.jurisdiction.clone(),
            e.dataset.meta.as_of.clone(),
            i.head_of_state.clone(),
        ];
        row.extend(i.scalars().into_iter().map(|(_, x)| num(x)));
        for r in INDEPENDENT_ROLES {
            match i.class(r) {
                Some(c) => {
                    row.push(num(c.held));
                    row.push(num(c.control));
                }
                None => {
                    row.push(String::new());
                    row.push(String::new());
                }
            }
        }
        match ranges.get(k).and_then(Option::as_ref) {
            Some(r) => {
                for (lo, hi) in r.lo.iter().zip(&r.hi) {
                    row.push(num(*lo));
                    row.push(num(*hi));
                }
            }
            None => row.extend((0..2 * Indicators::SCALARS.len()).map(|_| String::new())),
        }
        w.write_record(crate::output::escape::csv_cells(&row))?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    String::from_utf8(bytes).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

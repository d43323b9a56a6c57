//! The sweep as CSV (RFC 4180), long format: `weight,series,value`, one row per grid point
//! of each series, ready for a plotting package.

use super::SweepView;
use crate::output::fmt::r4;

pub fn render(v: &SweepView) -> std::io::Result<String> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(["weight", "series", "value"])?;
    for s in &v.sweep.series {
        for (x, y) in &s.points {
            w.write_record(crate::output::escape::csv_cells([
                format!("{x:.6}"),
                s.label.clone(),
                r4(*y).to_string(),
            ]))?;
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    String::from_utf8(bytes).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::sweep::tests::{two, view};

    #[test]
    fn one_row_per_point_and_series() {
        let s = two();
        let out = render(&view(&s)).unwrap();
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 1 + 6);
        assert_eq!(lines[0], "weight,series,value");
        assert_eq!(lines[1], "0.000000,a<&>,0.8");
    }
}

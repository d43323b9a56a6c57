//! A uniform grid over placed rectangles, so that asking whether a new one overlaps any of
//! them looks only at those in the cells it covers: the labels of a figure of n bodies are
//! placed in O(n) expected time instead of O(n²) (each label tested against every box and
//! label placed before it). The answer is exactly that of testing every rectangle.

use std::collections::HashMap;

use super::Rect;

/// The side of a cell, in drawing units: about a body's width, so that a box covers a few
/// cells and a cell holds a few boxes.
const CELL: f64 = 256.0;

#[derive(Default)]
pub struct Grid {
    rects: Vec<Rect>,
    cells: HashMap<(i64, i64), Vec<usize>>,
}

/// The cells `r` covers, edges included: two rectangles that overlap share one.
fn span(r: &Rect) -> impl Iterator<Item = (i64, i64)> {
    let cell = |v: f64| (v / CELL).floor() as i64;
    let (x0, x1) = (cell(r.x), cell(r.x + r.w));
    let (y0, y1) = (cell(r.y), cell(r.y + r.h));
    (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
}

impl Grid {
    pub fn new(rects: impl IntoIterator<Item = Rect>) -> Grid {
        let mut g = Grid::default();
        for r in rects {
            g.push(r);
        }
        g
    }

    pub fn push(&mut self, r: Rect) {
        let i = self.rects.len();
        for c in span(&r) {
            self.cells.entry(c).or_default().push(i);
        }
        self.rects.push(r);
    }

    /// Whether `r` overlaps any rectangle pushed so far.
    pub fn overlaps(&self, r: &Rect) -> bool {
        span(r).any(|c| {
            self.cells
                .get(&c)
                .is_some_and(|ids| ids.iter().any(|&i| self.rects[i].overlaps(r)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_answers_as_testing_every_rectangle() {
        // A fixed pseudo-random scatter of boxes of many sizes, some far apart, some negative.
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) % 2000) as f64 - 500.0
        };
        let mut all = Vec::new();
        let mut grid = Grid::default();
        for _ in 0..400 {
            let r = Rect {
                x: next(),
                y: next(),
                w: next().abs() / 3.0 + 1.0,
                h: next().abs() / 10.0 + 1.0,
            };
            let expected = all.iter().any(|a: &Rect| a.overlaps(&r));
            assert_eq!(grid.overlaps(&r), expected, "{:?}", (r.x, r.y, r.w, r.h));
            grid.push(r);
            all.push(r);
        }
    }
}

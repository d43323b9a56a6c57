//! Step 5 of the drawing: ports along the bodies' sides and the route of every edge through
//! its dummy slots.

use super::{Input, PORT_SPAN, Pt, Rect, Slots};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Seg {
    Line(Pt),
    Cubic(Pt, Pt, Pt),
}

/// An edge's route: start at `start`, then follow `segs`.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub start: Pt,
    pub segs: Vec<Seg>,
    /// The curve where a label belongs: the last one, which ends at the target, so that a
    /// label is read as belonging to the body it points at.
    pub label_curve: [Pt; 4],
}

impl Route {
    /// A point on the label curve, `t` from 0 (its start) to 1 (the target).
    pub fn label_at(&self, t: f64) -> Pt {
        let [p0, p1, p2, p3] = self.label_curve;
        bezier(p0, p1, p2, p3, t)
    }

    /// Points along the whole route, from its start to its end, a few per segment: where a
    /// label may go when the last curve has no room for it.
    pub fn samples(&self) -> Vec<Pt> {
        let mut out = Vec::new();
        let mut at = self.start;
        for s in &self.segs {
            match *s {
                Seg::Line(p) => {
                    for t in [0.25, 0.5, 0.75] {
                        out.push(Pt::new(at.x + (p.x - at.x) * t, at.y + (p.y - at.y) * t));
                    }
                    at = p;
                }
                Seg::Cubic(c1, c2, p) => {
                    for t in [0.2, 0.35, 0.5, 0.65, 0.8] {
                        out.push(bezier(at, c1, c2, p, t));
                    }
                    at = p;
                }
            }
        }
        out
    }

    /// SVG path data with one decimal.
    pub fn path(&self) -> String {
        let mut d = format!("M{:.1},{:.1}", self.start.x, self.start.y);
        for s in &self.segs {
            match s {
                Seg::Line(p) => d.push_str(&format!(" L{:.1},{:.1}", p.x, p.y)),
                Seg::Cubic(a, b, p) => d.push_str(&format!(
                    " C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
                    a.x, a.y, b.x, b.y, p.x, p.y
                )),
            }
        }
        d
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Top,
    Bottom,
}

/// Routes every edge through its dummy slots, with ports spread along the bodies' sides.
#[allow(clippy::too_many_arguments)]
pub(super) fn route(
    input: &Input,
    rank: &[usize],
    chains: &[Vec<usize>],
    slots: &Slots,
    x: &[f64],
    boxes: &[Rect],
    top: &[f64],
    band: &[f64],
    gaps: &[f64],
) -> Vec<Route> {
    // Each edge end: (node, side, where the edge heads, edge, is-target).
    let mut ends: Vec<(usize, Side, f64, usize, bool)> = Vec::new();
    for (e, &(from, to, _)) in input.edges.iter().enumerate() {
        if from == to {
            continue;
        }
        let chain = &chains[e];
        let (s_from, s_to) = match rank[from].cmp(&rank[to]) {
            std::cmp::Ordering::Less => (Side::Bottom, Side::Top),
            std::cmp::Ordering::Greater => (Side::Top, Side::Bottom),
            std::cmp::Ordering::Equal => (Side::Bottom, Side::Bottom),
        };
        ends.push((from, s_from, x[chain[1]], e, false));
        ends.push((to, s_to, x[chain[chain.len() - 2]], e, true));
    }
    ends.sort_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then(a.2.total_cmp(&b.2))
            .then((a.3, a.4).cmp(&(b.3, b.4)))
    });
    let mut port: Vec<[Pt; 2]> = vec![[Pt::new(0.0, 0.0); 2]; input.edges.len()];
    for group in ends.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let (v, side) = (group[0].0, group[0].1);
        let b = boxes[v];
        let span = b.w * PORT_SPAN;
        // Each end gets its room (more for a labelled one) and an equal part of the rest.
        let rooms: Vec<f64> = group.iter().map(|end| input.room(end.3, end.4)).collect();
        let spare = (span - rooms.iter().sum::<f64>()).max(0.0) / group.len() as f64;
        let mut at = b.cx() - span / 2.0;
        for (end, r) in group.iter().zip(rooms) {
            let px = at + (r + spare) / 2.0;
            at += r + spare;
            let py = if side == Side::Top { b.y } else { b.y + b.h };
            port[end.3][usize::from(end.4)] = Pt::new(px, py);
        }
    }

    let mut routes = Vec::with_capacity(input.edges.len());
    for (e, &(from, to, _)) in input.edges.iter().enumerate() {
        if from == to {
            // A loop on the right-hand side.
            let b = boxes[from];
            let (x, y) = (b.x + b.w, b.y + b.h / 2.0);
            routes.push(Route {
                start: Pt::new(x, y - 8.0),
                segs: vec![Seg::Cubic(
                    Pt::new(x + 30.0, y - 24.0),
                    Pt::new(x + 30.0, y + 24.0),
                    Pt::new(x, y + 8.0),
                )],
                label_curve: [
                    Pt::new(x, y - 8.0),
                    Pt::new(x + 30.0, y - 24.0),
                    Pt::new(x + 30.0, y + 24.0),
                    Pt::new(x, y + 8.0),
                ],
            });
            continue;
        }
        let [start, end] = port[e];
        let downward = rank[from] < rank[to];
        let mut points = vec![start];
        for &s in &chains[e][1..chains[e].len() - 1] {
            let r = slots.layer[s];
            let (a, b) = (top[r], top[r] + band[r]);
            let (first, second) = if downward { (a, b) } else { (b, a) };
            points.push(Pt::new(x[s], first));
            points.push(Pt::new(x[s], second));
        }
        points.push(end);
        let mut segs = Vec::new();
        let label_curve;
        if rank[from] == rank[to] {
            let dip = (18.0 + 0.12 * (end.x - start.x).abs()).min(gaps[rank[from]] * 0.42);
            let c1 = Pt::new(start.x, start.y + dip);
            let c2 = Pt::new(end.x, end.y + dip);
            segs.push(Seg::Cubic(c1, c2, end));
            label_curve = [start, c1, c2, end];
        } else {
            let mut last = [start, start, end, end];
            for w in points.windows(2) {
                let (p, q) = (w[0], w[1]);
                if within_band(p, q, top, band) {
                    segs.push(Seg::Line(q));
                } else {
                    let dy = (q.y - p.y) / 2.0;
                    let c1 = Pt::new(p.x, p.y + dy);
                    let c2 = Pt::new(q.x, q.y - dy);
                    segs.push(Seg::Cubic(c1, c2, q));
                    last = [p, c1, c2, q];
                }
            }
            label_curve = last;
        }
        routes.push(Route {
            start,
            segs,
            label_curve,
        });
    }
    routes
}

/// Whether a step from `p` to `q` runs straight down a layer's band (through a dummy).
fn within_band(p: Pt, q: Pt, top: &[f64], band: &[f64]) -> bool {
    p.x == q.x
        && top.iter().zip(band).any(|(t, h)| {
            let inside = |y: f64| y >= *t && y <= t + h;
            inside(p.y) && inside(q.y)
        })
}

fn bezier(p0: Pt, p1: Pt, p2: Pt, p3: Pt, t: f64) -> Pt {
    let u = 1.0 - t;
    let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    Pt::new(
        a * p0.x + b * p1.x + c * p2.x + d * p3.x,
        a * p0.y + b * p1.y + c * p2.y + d * p3.y,
    )
}

//! Tables from ruling lines, as Tabula's lattice mode and pdfplumber's "lines" strategy
//! find them: nearly collinear segments snapped to one line and joined where they nearly
//! touch, lines that touch grouped into tables, and each table's cells the rectangles its
//! lines bound. Where an inner line is missing the cells on both sides are one merged cell.

use crate::page::Segment;

/// Segments closer than this (points) are one line; a gap this small in a line is closed.
pub(crate) const SNAP: f64 = 3.0;
const JOIN: f64 = 3.0;
/// Shorter lines are not borders (dots, ticks).
const MIN_LENGTH: f64 = 3.0;
/// More ruling lines than this on a page: a drawing, not a table's borders.
pub(crate) const MAX_SEGMENTS: usize = 20_000;
/// Line pairs compared for crossings, and cells of one table: beyond these, the page's
/// tables are read from the text's alignment instead.
const MAX_PAIRS: usize = 4_000_000;
const MAX_ELEMENTS: usize = 250_000;

/// A horizontal line (`at` = y, from `lo` to `hi` in x) or a vertical one (`at` = x).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Edge {
    at: f64,
    lo: f64,
    hi: f64,
}

/// One table's cells: the lines' x and y positions cut it into elementary cells
/// (`ys.len() - 1` rows by `xs.len() - 1` columns); each cell covers a rectangle of them.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Lattice {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    /// (first row, first column, last row, last column), inclusive, row by row.
    pub cells: Vec<(usize, usize, usize, usize)>,
    /// For each elementary cell (row-major), the cell it belongs to.
    pub owner: Vec<usize>,
}

impl Lattice {
    pub fn rows(&self) -> usize {
        self.ys.len().saturating_sub(1)
    }

    pub fn cols(&self) -> usize {
        self.xs.len().saturating_sub(1)
    }

    /// Whether a point is inside the table (with a little slack).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        let (Some(&x0), Some(&x1), Some(&y0), Some(&y1)) =
            (self.xs.first(), self.xs.last(), self.ys.first(), self.ys.last())
        else {
            return false;
        };
        x >= x0 - 1.0 && x <= x1 + 1.0 && y >= y0 - 1.0 && y <= y1 + 1.0
    }

    /// The cell a point inside the table falls in.
    pub fn cell_at(&self, x: f64, y: f64) -> usize {
        let c = self.xs.partition_point(|&v| v <= x).clamp(1, self.cols()) - 1;
        let r = self.ys.partition_point(|&v| v <= y).clamp(1, self.rows()) - 1;
        self.owner.get(r * self.cols() + c).copied().unwrap_or(0)
    }
}

/// The tables a page's ruling lines draw; `None` when there are too many lines to look at
/// (the page is then read as text alone).
pub(crate) fn find(segments: &[Segment]) -> Option<Vec<Lattice>> {
    if segments.len() > MAX_SEGMENTS {
        return None;
    }
    let (mut h, mut v) = (Vec::new(), Vec::new());
    for s in segments {
        let vals = [s.x0, s.y0, s.x1, s.y1];
        if vals.iter().any(|x| !x.is_finite() || x.abs() > 1e6) {
            continue;
        }
        let (dx, dy) = ((s.x1 - s.x0).abs(), (s.y1 - s.y0).abs());
        if dy < 1.0 && dx > 0.0 {
            h.push(Edge { at: (s.y0 + s.y1) / 2.0, lo: s.x0.min(s.x1), hi: s.x0.max(s.x1) });
        } else if dx < 1.0 && dy > 0.0 {
            v.push(Edge { at: (s.x0 + s.x1) / 2.0, lo: s.y0.min(s.y1), hi: s.y0.max(s.y1) });
        }
    }
    let h = join(snap(h));
    let v = join(snap(v));
    let groups = components(&h, &v)?;
    let mut out = Vec::new();
    let mut elements = 0usize;
    for (hs, vs) in groups {
        if hs.len() < 2 || vs.len() < 2 {
            continue;
        }
        let hs: Vec<Edge> = hs.iter().map(|&i| h[i]).collect();
        let vs: Vec<Edge> = vs.iter().map(|&i| v[i]).collect();
        if let Some(l) = cells(&hs, &vs)? {
            elements += l.owner.len();
            if elements > MAX_ELEMENTS {
                return None;
            }
            out.push(l);
        }
    }
    out.sort_by(|a, b| a.ys[0].total_cmp(&b.ys[0]).then(a.xs[0].total_cmp(&b.xs[0])));
    Some(out)
}

/// Lines within `SNAP` of each other (in their cross position) moved to their average.
fn snap(mut edges: Vec<Edge>) -> Vec<Edge> {
    edges.sort_by(|a, b| a.at.total_cmp(&b.at));
    let mut start = 0;
    while start < edges.len() {
        let mut end = start + 1;
        while end < edges.len() && edges[end].at - edges[end - 1].at <= SNAP {
            end += 1;
        }
        let mean = edges[start..end].iter().map(|e| e.at).sum::<f64>() / (end - start) as f64;
        for e in &mut edges[start..end] {
            e.at = mean;
        }
        start = end;
    }
    edges
}

/// Pieces of one line that overlap or nearly touch joined into one.
fn join(mut edges: Vec<Edge>) -> Vec<Edge> {
    edges.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.lo.total_cmp(&b.lo)));
    let mut out: Vec<Edge> = Vec::with_capacity(edges.len());
    for e in edges {
        match out.last_mut() {
            Some(l) if l.at == e.at && e.lo <= l.hi + JOIN => l.hi = l.hi.max(e.hi),
            _ => out.push(e),
        }
    }
    out.retain(|e| e.hi - e.lo >= MIN_LENGTH);
    out
}

fn find_root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) -> bool {
    let (ra, rb) = (find_root(parent, a), find_root(parent, b));
    if ra == rb {
        return false;
    }
    let (lo, hi) = (ra.min(rb), ra.max(rb));
    parent[hi] = lo;
    true
}

/// Horizontal and vertical lines that cross or touch, grouped: each group one table's
/// lines (indices into `h` and into `v`).
#[allow(clippy::type_complexity)]
fn components(h: &[Edge], v: &[Edge]) -> Option<Vec<(Vec<usize>, Vec<usize>)>> {
    let n = h.len() + v.len();
    let mut parent: Vec<usize> = (0..n).collect();
    // Vertical lines by x, so each horizontal line looks only at those within its span.
    let mut by_x: Vec<usize> = (0..v.len()).collect();
    by_x.sort_by(|&a, &b| v[a].at.total_cmp(&v[b].at));
    let mut pairs = 0usize;
    for (i, e) in h.iter().enumerate() {
        let from = by_x.partition_point(|&j| v[j].at < e.lo - SNAP);
        for &j in &by_x[from..] {
            let f = &v[j];
            if f.at > e.hi + SNAP {
                break;
            }
            pairs += 1;
            if pairs > MAX_PAIRS {
                return None;
            }
            if e.at >= f.lo - SNAP && e.at <= f.hi + SNAP {
                union(&mut parent, i, h.len() + j);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<usize>, Vec<usize>)> = Default::default();
    for i in 0..n {
        let r = find_root(&mut parent, i);
        let g = groups.entry(r).or_default();
        if i < h.len() {
            g.0.push(i);
        } else {
            g.1.push(i - h.len());
        }
    }
    Some(groups.into_values().collect())
}

/// Sorted positions, those within `SNAP` of one before them dropped.
fn positions(mut p: Vec<f64>) -> Vec<f64> {
    p.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::with_capacity(p.len());
    for x in p {
        if out.last().is_none_or(|&l| x - l > SNAP) {
            out.push(x);
        }
    }
    out
}

/// Lines at each position (`at` within `SNAP`), sorted along the line.
fn lines_at(edges: &[Edge], at: &[f64]) -> Vec<Vec<(f64, f64)>> {
    let mut out = vec![Vec::new(); at.len()];
    for e in edges {
        let i = at.partition_point(|&p| p < e.at - SNAP);
        if let Some(&p) = at.get(i) {
            if (p - e.at).abs() <= SNAP {
                out[i].push((e.lo, e.hi));
            }
        }
    }
    for l in &mut out {
        l.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    out
}

/// Whether lines along one position cover at least half of `lo..hi`.
fn covered(lines: &[(f64, f64)], lo: f64, hi: f64) -> bool {
    let mut sum = 0.0;
    for &(a, b) in lines {
        if a >= hi {
            break;
        }
        sum += (b.min(hi) - a.max(lo)).max(0.0);
    }
    sum >= 0.5 * (hi - lo)
}

/// One group of lines' cells: `Ok(None)` when it bounds fewer than two cells side by side
/// (a frame, an underline box), `None` when it is too large to look at.
fn cells(h: &[Edge], v: &[Edge]) -> Option<Option<Lattice>> {
    let mut xs: Vec<f64> = v.iter().map(|e| e.at).collect();
    let mut ys: Vec<f64> = h.iter().map(|e| e.at).collect();
    // A table open at its sides or top: the lines that run past the others close it.
    xs.push(h.iter().map(|e| e.lo).fold(f64::MAX, f64::min));
    xs.push(h.iter().map(|e| e.hi).fold(f64::MIN, f64::max));
    ys.push(v.iter().map(|e| e.lo).fold(f64::MAX, f64::min));
    ys.push(v.iter().map(|e| e.hi).fold(f64::MIN, f64::max));
    let xs = positions(xs);
    let ys = positions(ys);
    let (rows, cols) = (ys.len().saturating_sub(1), xs.len().saturating_sub(1));
    if cols < 2 || rows < 1 {
        return Some(None);
    }
    if rows.saturating_mul(cols) > MAX_ELEMENTS {
        return None;
    }
    let v_at = lines_at(v, &xs);
    let h_at = lines_at(h, &ys);
    let mut parent: Vec<usize> = (0..rows * cols).collect();
    for r in 0..rows {
        for c in 0..cols {
            if c > 0 && !covered(&v_at[c], ys[r], ys[r + 1]) {
                union(&mut parent, r * cols + c - 1, r * cols + c);
            }
            if r > 0 && !covered(&h_at[r], xs[c], xs[c + 1]) {
                union(&mut parent, (r - 1) * cols + c, r * cols + c);
            }
        }
    }
    let boxes = rectangles(&mut parent, rows, cols);
    let mut index = std::collections::BTreeMap::new();
    let mut cells = Vec::new();
    let mut owner = vec![0; rows * cols];
    for (e, o) in owner.iter_mut().enumerate() {
        let root = find_root(&mut parent, e);
        *o = *index.entry(root).or_insert_with(|| {
            cells.push(boxes[root]);
            cells.len() - 1
        });
    }
    Some(Some(Lattice { xs, ys, cells, owner }))
}

/// Each group of elementary cells made a rectangle (a group shaped like an L takes in the
/// cells of its bounding box); the box of each root.
fn rectangles(parent: &mut [usize], rows: usize, cols: usize) -> Vec<(usize, usize, usize, usize)> {
    let mut boxes = vec![(usize::MAX, usize::MAX, 0, 0); rows * cols];
    'passes: for _pass in 0..8 {
        boxes.fill((usize::MAX, usize::MAX, 0, 0));
        for r in 0..rows {
            for c in 0..cols {
                let b = &mut boxes[find_root(parent, r * cols + c)];
                *b = (b.0.min(r), b.1.min(c), b.2.max(r), b.3.max(c));
            }
        }
        let mut changed = false;
        let mut work = 0usize;
        for (root, &(r0, c0, r1, c1)) in boxes.iter().enumerate() {
            if r0 == usize::MAX || find_root(parent, root) != root || (r0 == r1 && c0 == c1) {
                continue;
            }
            work += (r1 - r0 + 1) * (c1 - c0 + 1);
            if work > 4 * MAX_ELEMENTS {
                break 'passes;
            }
            for r in r0..=r1 {
                for c in c0..=c1 {
                    changed |= union(parent, root, r * cols + c);
                }
            }
        }
        if !changed {
            break;
        }
    }
    // The boxes of the final groups.
    boxes.fill((usize::MAX, usize::MAX, 0, 0));
    for r in 0..rows {
        for c in 0..cols {
            let b = &mut boxes[find_root(parent, r * cols + c)];
            *b = (b.0.min(r), b.1.min(c), b.2.max(r), b.3.max(c));
        }
    }
    boxes
}

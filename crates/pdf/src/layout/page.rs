//! One page laid out: its tables (from ruling lines, then from the text's alignment) and
//! the lines of text outside them.

use chiso_core::text::fold;
use chiso_core::text::legacy::Legacy;

use super::lattice::{self, Lattice, SNAP};
use super::text::{self, Gl, Line};
use super::{stream, Table};
use crate::page::Page;

/// What a line outside the tables is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    /// «Trang 2», «- 2 -», «2/5» in the page's top or bottom margin.
    PageNumber,
    /// The same line in the same margin of several pages (a running header or footer).
    Repeated,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Free {
    pub text: String,
    pub y0: f64,
    pub y1: f64,
    pub size: f64,
    pub kind: Kind,
    /// Taken as a table's title row.
    pub used: bool,
}

/// A page's tables (top to bottom) and its other lines (top to bottom).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Laid {
    pub height: f64,
    /// The legacy encoding of the page's text in a legacy font, decoded.
    pub decoded: Option<Legacy>,
    pub tables: Vec<Table>,
    pub free: Vec<Free>,
}

/// The share of the page's height at its top and at its bottom where page numbers and
/// running headers are looked for.
const MARGIN: f64 = 0.12;

pub(crate) fn lay_out(page: &Page, index: usize) -> Laid {
    let (glyphs, decoded) = text::prepare(&page.glyphs);
    let lattices = lattice::find(&page.lines).unwrap_or_default();
    let mut inside: Vec<Vec<Vec<Gl>>> = lattices.iter().map(|l| vec![Vec::new(); l.cells.len()]).collect();
    let mut rest = Vec::new();
    for g in glyphs {
        let (x, y) = (g.xc(), g.yc());
        match lattices.iter().position(|l| l.contains(x, y)) {
            Some(t) => {
                let c = lattices[t].cell_at(x, y);
                if let Some(cell) = inside[t].get_mut(c) {
                    cell.push(g);
                }
            }
            None => rest.push(g),
        }
    }
    let mut tables: Vec<Table> =
        lattices.iter().zip(inside).filter_map(|(l, cells)| lattice_table(l, cells, index)).collect();
    let height = if page.height.is_finite() && page.height > 0.0 { page.height } else { 842.0 };
    let lines = text::lines(rest);
    let kinds: Vec<Kind> = lines.iter().map(|l| kind(l, height)).collect();
    let text_lines: Vec<usize> = (0..lines.len()).filter(|&i| kinds[i] == Kind::Text).collect();
    let candidates: Vec<Line> = text_lines.iter().map(|&i| lines[i].clone()).collect();
    let mut taken = vec![false; lines.len()];
    for (a, b, t) in stream::find(&candidates, index) {
        for k in a..=b {
            taken[text_lines[k]] = true;
        }
        tables.push(t);
    }
    tables.sort_by(|a, b| a.top.total_cmp(&b.top));
    let free = lines
        .into_iter()
        .zip(kinds)
        .zip(taken)
        .filter(|(_, t)| !t)
        .map(|((l, kind), _)| Free { text: l.text(), y0: l.y0, y1: l.y1, size: l.size, kind, used: false })
        .filter(|f| !f.text.is_empty())
        .collect();
    Laid { height, decoded, tables, free }
}

/// A page number in a margin, or text.
fn kind(line: &Line, height: f64) -> Kind {
    let in_margin = line.y1 < MARGIN * height || line.y0 > (1.0 - MARGIN) * height;
    if in_margin && is_page_number(&line.text()) {
        Kind::PageNumber
    } else {
        Kind::Text
    }
}

/// «2», «- 2 -», «Trang 2», «Trang 2/5», «2/5», «Page 2 of 5», «Trang 2 trên 5».
pub(crate) fn is_page_number(t: &str) -> bool {
    if t.chars().count() > 24 || t.contains([',', '.']) {
        return false;
    }
    let f = fold(t);
    let mut words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    if matches!(words.first(), Some(&("trang" | "page" | "tr"))) {
        words.remove(0);
    }
    let num = |w: &&str| w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    match words.as_slice() {
        [n] => num(n),
        [n, m] => num(n) && num(m),
        [n, sep, m] => num(n) && (*sep == "of" || *sep == "tren") && num(m),
        _ => false,
    }
}

/// A lattice's cells as a table's rows: each cell's text in its top-left elementary cell,
/// cells over several rows or columns as merged regions. Thin rows and columns holding no
/// cell's text (a double border's two lines) are left out. `None` for a table with no text.
fn lattice_table(l: &Lattice, cells: Vec<Vec<Gl>>, page: usize) -> Option<Table> {
    let (rows, cols) = (l.rows(), l.cols());
    let texts: Vec<String> = cells.into_iter().map(text::cell_text).collect();
    if texts.iter().all(String::is_empty) {
        return None;
    }
    let mut grid = vec![vec![String::new(); cols]; rows];
    let mut anchored_r = vec![false; rows];
    let mut anchored_c = vec![false; cols];
    for (cell, text) in l.cells.iter().zip(texts) {
        if !text.is_empty() {
            anchored_r[cell.0] = true;
            anchored_c[cell.1] = true;
        }
        grid[cell.0][cell.1] = text;
    }
    let keep_r: Vec<bool> = (0..rows).map(|r| anchored_r[r] || l.ys[r + 1] - l.ys[r] >= 2.0 * SNAP).collect();
    let keep_c: Vec<bool> = (0..cols).map(|c| anchored_c[c] || l.xs[c + 1] - l.xs[c] >= 2.0 * SNAP).collect();
    let new_index = |keep: &[bool]| {
        let mut n = 0;
        keep.iter()
            .map(|&k| {
                n += usize::from(k);
                n.checked_sub(1).filter(|_| k)
            })
            .collect::<Vec<Option<usize>>>()
    };
    let (nr, nc) = (new_index(&keep_r), new_index(&keep_c));
    let span = |map: &[Option<usize>], a: usize, b: usize| {
        let first = (a..=b).find_map(|i| map[i])?;
        let last = (a..=b).rev().find_map(|i| map[i])?;
        Some((first, last))
    };
    let mut merges = Vec::new();
    for &(r0, c0, r1, c1) in &l.cells {
        if r0 == r1 && c0 == c1 {
            continue;
        }
        if let (Some((a, b)), Some((c, d))) = (span(&nr, r0, r1), span(&nc, c0, c1)) {
            if a != b || c != d {
                merges.push((a, c, b, d));
            }
        }
    }
    let rows: Vec<Vec<String>> = grid
        .into_iter()
        .zip(&keep_r)
        .filter(|(_, k)| **k)
        .map(|(row, _)| row.into_iter().zip(&keep_c).filter(|(_, k)| **k).map(|(t, _)| t).collect())
        .collect();
    // Between two kept columns, the lines between them (one, or a dropped column's two).
    let kept: Vec<usize> = (0..cols).filter(|&c| keep_c[c]).collect();
    let seps = kept.windows(2).map(|w| (l.xs[w[0] + 1] - SNAP, l.xs[w[1]] + SNAP)).collect();
    Some(Table { first_page: page, last_page: page, top: l.ys[0], bottom: l.ys[l.rows()], seps, rows, merges })
}

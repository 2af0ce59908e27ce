//! One Word table → the cells of a grid: spans and vertical merges become merged regions
//! (the text in the region's top-left cell), the grid's columns skipped before and after a
//! row (`w:gridBefore`, `w:gridAfter`) become empty cells, header rows given again inside
//! the table are left out (counted), and a table without lines, of two columns and no
//! numbers is known for a letterhead or a signature.

use super::styles::{Borders, Styles};
use super::Paragraph;
use crate::read::sheet::Cell;
use crate::text::clean;
use crate::text::legacy::Legacy;
use crate::text::value::{parse_num, Num};

/// Merged regions: (first row, first column, last row, last column), inclusive.
type Merges = Vec<(usize, usize, usize, usize)>;

/// A cell's place in a vertical merge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum VMerge {
    #[default]
    None,
    Restart,
    Continue,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct RawCell {
    pub(super) text: String,
    /// Columns of the table's grid it spans (1 or more, capped).
    pub(super) span: usize,
    pub(super) vmerge: VMerge,
    /// Word 97's horizontal merge: this cell continues the one on its left.
    pub(super) hmerge_continue: bool,
    /// The cell draws a line of its own.
    pub(super) bordered: bool,
    pub(super) legacy: Option<Legacy>,
}

impl Default for RawCell {
    fn default() -> Self {
        RawCell {
            text: String::new(),
            span: 1,
            vmerge: VMerge::None,
            hmerge_continue: false,
            bordered: false,
            legacy: None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct RawRow {
    pub(super) before: usize,
    pub(super) after: usize,
    /// Repeated at the top of each page (`w:tblHeader`).
    pub(super) header: bool,
    /// A tracked deletion of the whole row.
    pub(super) deleted: bool,
    pub(super) cells: Vec<RawCell>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct RawTable {
    pub(super) rows: Vec<RawRow>,
    pub(super) style: Option<String>,
    /// The borders the table states (`w:tblBorders`), over its style's.
    pub(super) borders: Option<Borders>,
    /// Columns of the table's grid (`w:gridCol`), capped.
    pub(super) grid_columns: usize,
    /// The body's paragraphs before it (a table of the body; `None` for a nested one).
    pub(super) before: Option<Vec<Paragraph>>,
    /// The appendix it is in: the heading's number in the document and its label.
    pub(super) appendix: Option<(u32, String)>,
    /// 0 for a table of the body, 1 for a table in one of its cells...
    pub(super) depth: usize,
}

/// A table read: its cells and what the reader knows of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Built {
    pub(super) rows: Vec<Vec<Cell>>,
    pub(super) merges: Merges,
    /// A letterhead or a signature: no lines, two columns, no numbers.
    pub(super) not_data: bool,
    /// Header rows given again inside the table and left out: how many, and their
    /// non-empty cells.
    pub(super) repeated: (usize, u64),
    pub(super) legacy: Option<Legacy>,
    pub(super) before: Option<Vec<Paragraph>>,
    pub(super) appendix: Option<(u32, String)>,
    /// Non-empty cells in `rows`.
    pub(super) filled: u64,
}

/// A row as compared with the header rows: its cells' texts, spans and merges.
fn same_row(a: &RawRow, b: &RawRow) -> bool {
    a.before == b.before
        && a.cells.len() == b.cells.len()
        && a.cells.iter().zip(&b.cells).all(|(x, y)| x.text == y.text && x.span == y.span && x.vmerge == y.vmerge)
}

/// Leaves out rows that repeat the table's header rows (those marked to repeat on each
/// page, at its top): a table pasted together from parts that each kept their header.
/// Returns how many rows, and their non-empty cells.
fn drop_repeated_headers(rows: &mut Vec<RawRow>) -> (usize, u64) {
    let head = rows.iter().take_while(|r| r.header).count();
    if head == 0 {
        return (0, 0);
    }
    let tail = rows.split_off(head);
    let (mut count, mut cells) = (0, 0);
    for r in tail {
        let filled = r.cells.iter().filter(|c| !c.text.is_empty()).count() as u64;
        if filled > 0 && rows[..head].iter().any(|h| same_row(h, &r)) {
            count += 1;
            cells += filled;
        } else {
            rows.push(r);
        }
    }
    (count, cells)
}

/// The cells of a raw table, and what the reader knows of it.
pub(super) fn build(mut raw: RawTable, styles: &Styles) -> Built {
    for c in raw.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
        c.text = clean(&c.text);
    }
    for row in &mut raw.rows {
        join_hmerges(row);
    }
    let repeated = drop_repeated_headers(&mut raw.rows);
    let legacy = raw.rows.iter().flat_map(|r| &r.cells).find_map(|c| c.legacy);
    let width = raw.rows.iter().map(|r| r.before + r.cells.iter().map(|c| c.span).sum::<usize>() + r.after).max();
    let (rows, merges) = place(&raw.rows, width.unwrap_or(0));
    let filled = rows.iter().flatten().filter(|c| !c.is_empty()).count() as u64;
    let bordered = raw.borders.unwrap_or_default().over(styles.table_borders(raw.style.as_deref())).any()
        || raw.rows.iter().flat_map(|r| &r.cells).any(|c| c.bordered);
    let numbers = rows
        .iter()
        .flatten()
        .any(|c| matches!(c, Cell::Text(t) if matches!(parse_num(t), Num::Value(_) | Num::Ratio(..))));
    let not_data = filled > 0 && !bordered && width.unwrap_or(0) <= 2 && !numbers;
    Built { rows, merges, not_data, repeated, legacy, before: raw.before, appendix: raw.appendix, filled }
}

/// Word 97's horizontal merges as spans: a continuing cell widens the one on its left (its
/// text, if any, joins that cell's).
fn join_hmerges(row: &mut RawRow) {
    if !row.cells.iter().any(|c| c.hmerge_continue) {
        return;
    }
    let mut out: Vec<RawCell> = Vec::with_capacity(row.cells.len());
    for c in std::mem::take(&mut row.cells) {
        match out.last_mut() {
            Some(prev) if c.hmerge_continue => {
                prev.span += c.span;
                if !c.text.is_empty() {
                    prev.text = clean(&format!("{} {}", prev.text, c.text));
                }
            }
            _ => out.push(c),
        }
    }
    row.cells = out;
}

/// Rows of cells at their grid columns, and the merged regions: a span across, a vertical
/// merge down (from its `restart` cell through the `continue` cells under it).
fn place(rows: &[RawRow], width: usize) -> (Vec<Vec<Cell>>, Merges) {
    let mut open: Vec<Option<usize>> = vec![None; width];
    let mut regions: Merges = Vec::new();
    let mut out = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let mut cells: Vec<Cell> = Vec::new();
        let mut col = row.before;
        for c in &row.cells {
            let (c0, c1) = (col, col + c.span - 1);
            col += c.span;
            if !c.text.is_empty() {
                if cells.len() <= c0 {
                    cells.resize(c0 + 1, Cell::Empty);
                }
                cells[c0] = Cell::Text(c.text.as_str().into());
            }
            let continued = open.get(c0).copied().flatten().filter(|&i| regions[i].3 == c1);
            match (c.vmerge, continued) {
                (VMerge::Continue, Some(i)) => regions[i].2 = r,
                (vmerge, _) => {
                    for o in open.iter_mut().take(c1 + 1).skip(c0) {
                        *o = None;
                    }
                    if vmerge == VMerge::Restart || c1 > c0 {
                        regions.push((r, c0, r, c1));
                    }
                    if vmerge == VMerge::Restart {
                        if let Some(o) = open.get_mut(c0) {
                            *o = Some(regions.len() - 1);
                        }
                    }
                }
            }
        }
        out.push(cells);
    }
    while out.last().is_some_and(|r: &Vec<Cell>| r.is_empty()) {
        out.pop();
    }
    let last = out.len().saturating_sub(1);
    regions.retain(|&(r0, c0, r1, c1)| (r0, c0) != (r1, c1) && r0 < out.len());
    for m in &mut regions {
        m.2 = m.2.min(last);
    }
    (out, regions)
}

//! Where each non-empty cell of a sheet went: read into an observation, used (a unit, a
//! group, an identifier, a header, a title), or skipped with a reason the report lists.
//! Each phase marks the cells it consumes; what no phase marked is unaccounted, and an
//! import that reads a file right leaves none (`CellCounts::unaccounted == 0`, checked
//! over every fixture and over random sheets).

use super::frame::Frame;
use super::nonempty;
use super::roles::Role;
use crate::model::CellCounts;
use crate::read::grid::Grid;

/// What became of one cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum Mark {
    None = 0,
    Read = 1,
    Used = 2,
    Skipped = 3,
}

/// A mark per cell of a sheet.
pub(super) struct Ledger {
    marks: Vec<Vec<u8>>,
}

impl Ledger {
    pub(super) fn new(g: &Grid) -> Ledger {
        Ledger { marks: g.rows.iter().map(|r| vec![0; r.len()]).collect() }
    }

    pub(super) fn mark(&mut self, r: usize, c: usize, m: Mark) {
        if let Some(x) = self.marks.get_mut(r).and_then(|row| row.get_mut(c)) {
            *x = m as u8;
        }
    }

    pub(super) fn get(&self, r: usize, c: usize) -> Mark {
        match self.marks.get(r).and_then(|row| row.get(c)) {
            Some(1) => Mark::Read,
            Some(2) => Mark::Used,
            Some(3) => Mark::Skipped,
            _ => Mark::None,
        }
    }

    /// Marks the cells of row `r` that no phase has marked yet.
    pub(super) fn rest_of_row(&mut self, r: usize, m: Mark) {
        if let Some(row) = self.marks.get_mut(r) {
            row.iter_mut().filter(|x| **x == 0).for_each(|x| *x = m as u8);
        }
    }

    /// Marks every cell no phase has marked yet (a sheet without a table: skipped).
    pub(super) fn rest(&mut self, m: Mark) {
        for r in 0..self.marks.len() {
            self.rest_of_row(r, m);
        }
    }

    /// The frame's rows: titles are used (the report lists them), footers skipped (listed
    /// as notes), header cells by what their column holds.
    pub(super) fn frame(&mut self, g: &Grid, f: &Frame, roles: &[Role]) {
        let first_header = f.header_rows.first().copied().unwrap_or(f.body_start);
        for r in 0..first_header.min(g.rows.len()) {
            self.rest_of_row(r, Mark::Used);
        }
        for r in f.body_end..g.rows.len() {
            self.rest_of_row(r, Mark::Skipped);
        }
        for &r in &f.header_rows {
            for (c, _) in nonempty(&g.rows[r]) {
                if self.get(r, c) == Mark::None {
                    self.mark(r, c, header_mark(g, r, c, roles));
                }
            }
        }
    }

    /// Counts the non-empty cells of the sheet by their marks.
    pub(super) fn counts(&self, g: &Grid) -> CellCounts {
        let mut counts = CellCounts::default();
        for (r, row) in g.rows.iter().enumerate() {
            for (c, _) in nonempty(row) {
                match self.get(r, c) {
                    Mark::Read => counts.read += 1,
                    Mark::Used => counts.used += 1,
                    Mark::Skipped => counts.skipped += 1,
                    Mark::None => counts.unaccounted += 1,
                }
            }
        }
        counts
    }
}

/// What a cell of a column with this role is, outside the values: units, groups, periods,
/// indicators, identifiers and the header over values are used; the numbering, another
/// spelling of the units and notes are skipped (the report lists each such column).
pub(super) fn column_mark(role: &Role) -> Mark {
    match role {
        Role::Unit
        | Role::UnitAgain
        | Role::Group
        | Role::Period
        | Role::Indicator
        | Role::Identifier
        | Role::Value
        | Role::Rank
        | Role::TargetText => Mark::Used,
        Role::Ordinal | Role::Alias | Role::Notes | Role::Unused => Mark::Skipped,
    }
}

/// A header cell is used when its column, or a column its merged region spans, is used (a
/// group title over components); else it is skipped with its column.
fn header_mark(g: &Grid, r: usize, c: usize, roles: &[Role]) -> Mark {
    let span = g
        .merges
        .iter()
        .find(|&&(r0, c0, r1, _)| r0 <= r && r <= r1 && c0 == c)
        .map_or(c..c + 1, |&(_, c0, _, c1)| c0..c1 + 1);
    if span.into_iter().any(|k| roles.get(k).is_some_and(|role| column_mark(role) == Mark::Used)) {
        Mark::Used
    } else {
        Mark::Skipped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cell no phase marks is counted as unaccounted: the invariant can fail.
    #[test]
    fn unmarked_cells_are_unaccounted() {
        let g = Grid::from_text("x", &[&["Tỉnh", "Điểm"], &["Hà Nội", "80"], &["", ""]]);
        let mut l = Ledger::new(&g);
        assert_eq!(l.counts(&g), CellCounts { unaccounted: 4, ..Default::default() });
        l.mark(1, 1, Mark::Read);
        l.rest_of_row(0, Mark::Used);
        assert_eq!(l.counts(&g), CellCounts { read: 1, used: 2, skipped: 0, unaccounted: 1 });
        l.rest(Mark::Skipped);
        assert_eq!(l.counts(&g), CellCounts { read: 1, used: 2, skipped: 1, unaccounted: 0 });
    }
}

//! Pages → tables as [`Grid`]s, for the core's detection to read as it reads spreadsheets.
//!
//! Per page (`page.rs`): glyphs decoded and their marks attached (`text.rs`); tables drawn
//! with ruling lines found from the lines (`lattice.rs`), the other text's tables from its
//! alignment (`stream.rs`). Across pages (`doc.rs`): a table that goes on over the next
//! page (same columns, its header repeated or not) joined into one, the lines just above
//! each table made its title rows, and every other line of text kept in one more grid,
//! «văn bản (ngoài bảng)», that detection lists as holding no table: nothing is dropped
//! unsaid.

mod doc;
mod lattice;
mod page;
mod stream;
mod text;

use chiso_core::model::messages::ReadError;
use chiso_core::read::grid::Grid;

use crate::page::Page;

/// The name of the grid holding the text outside every table.
pub const OUTSIDE: &str = "văn bản (ngoài bảng)";

/// One table as laid out, before it becomes a grid.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Table {
    /// Indices into the pages given (not their numbers).
    pub first_page: usize,
    pub last_page: usize,
    /// Its top on its first page, its bottom on its last.
    pub top: f64,
    pub bottom: f64,
    /// Between each two columns, the x range the boundary lies in.
    pub seps: Vec<(f64, f64)>,
    pub rows: Vec<Vec<String>>,
    /// (first row, first column, last row, last column), inclusive.
    pub merges: Vec<(usize, usize, usize, usize)>,
}

/// Every table of the pages, in order, each named by where it is («trang 3–5, bảng 1»)
/// with the lines just above it on its first page as title rows (one row each, text in
/// the first column); then, if any text is outside the tables, a grid named [`OUTSIDE`]
/// holding it, one line per row. Fails only on a table larger than a sheet may be.
pub fn tables(pages: &[Page]) -> Result<Vec<Grid>, ReadError> {
    let laid: Vec<page::Laid> = pages.iter().enumerate().map(|(i, p)| page::lay_out(p, i)).collect();
    doc::assemble(laid, pages)
}

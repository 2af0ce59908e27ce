//! What every reader gives: a sheet of cells ([`Grid`]) at the positions the file shows,
//! with its merged regions, and the limits every reader keeps to. A module of its own, so
//! that the readers (grid.rs for workbooks and text, docx/ for Word, the PDF crate) depend
//! on it and not on each other.

use crate::model::messages::Skip;
use crate::model::Text;
use crate::text::clean;

/// Limits that keep a hostile or huge file from exhausting the tab's memory.
pub mod limits {
    /// Largest file accepted, in bytes.
    pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
    /// Largest uncompressed size of one entry in a zipped workbook.
    pub const MAX_ENTRY_BYTES: u64 = 100 * 1024 * 1024;
    /// Largest uncompressed size of all entries together.
    pub const MAX_TOTAL_BYTES: u64 = 200 * 1024 * 1024;
    /// Largest number of cells (rows × columns of the used range) in one sheet.
    pub const MAX_CELLS: u64 = 5_000_000;
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Cell {
    Empty,
    Number(f64),
    /// Text cells share their text: a shared string used by 10,000 cells is kept once.
    Text(Text),
    Bool(bool),
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.is_empty(),
            _ => false,
        }
    }

    /// The cell as text (numbers as written by Rust: `2022`, `85.43`), borrowed where the
    /// cell holds it.
    pub fn text_ref(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Number(v) => Cow::Owned(format!("{v}")),
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Bool(b) => Cow::Owned(b.to_string()),
            Cell::Error(e) => Cow::Borrowed(e),
        }
    }

    /// [`Cell::text_ref`], owned.
    pub fn text(&self) -> String {
        self.text_ref().into_owned()
    }
}

/// One sheet as a rectangle of cells, at the positions the spreadsheet shows
/// (row 0 is the sheet's first row even when the used range starts lower). Serde: the PDF
/// reader, a wasm module of its own, hands its tables to the import as postcard bytes.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Grid {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    /// Merged regions: (first row, first column, last row, last column), inclusive.
    pub merges: Vec<(usize, usize, usize, usize)>,
    /// What the reader already did with the cells or knows of them (a Word document's
    /// reader does; the workbook readers leave it empty).
    pub prepared: Prepared,
}

/// What a reader did with a grid before detection sees it, and what it knows of it.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Prepared {
    /// The reader turned text typed in a legacy encoding into Unicode (a Word run in a
    /// «.VnTime» or «VNI-Times» font): the import reports it and does not look again.
    pub decoded: Option<crate::text::legacy::Legacy>,
    /// The table holds no data (a letterhead, a signature): detection reads nothing from
    /// it and counts its cells as skipped, with this note.
    pub not_data: Option<Skip>,
    /// Rows the reader left out (header rows given again inside a table): each a note for
    /// the report and how many non-empty cells it left out, counted as skipped.
    pub left_out: Vec<(Skip, u64)>,
    /// The rows on top that the reader made of the paragraphs before a table (its title,
    /// a cell each), not of the table's own cells.
    pub title_rows: usize,
}

impl Grid {
    pub fn get(&self, r: usize, c: usize) -> &Cell {
        self.rows.get(r).and_then(|row| row.get(c)).unwrap_or(&Cell::Empty)
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// A grid from literal text rows; handy in tests and for CSV.
    pub fn from_text(name: &str, rows: &[&[&str]]) -> Grid {
        Grid {
            name: name.to_string(),
            rows: rows
                .iter()
                .map(|r| {
                    r.iter().map(|s| if s.is_empty() { Cell::Empty } else { Cell::Text(clean(s).into()) }).collect()
                })
                .collect(),
            merges: Vec::new(),
            prepared: Prepared::default(),
        }
    }
}

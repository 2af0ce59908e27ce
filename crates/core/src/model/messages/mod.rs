//! Everything the import says to the user, in Vietnamese (first) and English.
//! The core produces structured notes, one type per layer that says them; they become
//! words only here, each type's in its own file, by an exhaustive `text` (a variant without
//! words does not compile):
//! - [`ReadError`]: why a file gave nothing (a reader's error, no table, cancelled);
//! - [`Skip`]: what detection and the import set aside, and why;
//! - [`Warning`]: what was read but should be checked;
//! - [`Finding`]: what the import found (data sets, layouts, joins).
//!
//! [`Note`] is any of them, for what lists a report whole.

mod error;
mod finding;
mod skip;
mod warning;

pub use error::ReadError;
pub use finding::Finding;
pub use skip::Skip;
pub use warning::Warning;

pub use crate::text::legacy::Legacy;
use serde::{Deserialize, Serialize};

/// How a sheet's table is laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TableLayout {
    #[default]
    Wide,
    Long,
    Targets,
}

/// Another kind of document with a spreadsheet's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocKind {
    Pdf,
    Html,
    Xml,
}

impl DocKind {
    /// How the report names it.
    pub fn word(self) -> &'static str {
        match self {
            DocKind::Pdf => "PDF",
            DocKind::Html => "HTML",
            DocKind::Xml => "XML",
        }
    }
}

/// Which limit a file is over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Limit {
    FileBytes,
    CellsInSheet,
    ZipEntryBytes,
    UncompressedBytes,
}

pub use super::lang::{col_index, col_name, group_thousands, Lang};

/// Why a row of the table is not read as a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowWhy {
    /// The header's words again ("Tỉnh", "Xếp hạng", "Thứ tự").
    Header,
    /// A unit already read, again after a blank row.
    Repeat,
}

/// Why a Word table holds no data: before the first table of data, the letterhead (issuer,
/// motto, number, date); after it, the signature (recipients, signer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotDataWhy {
    Letterhead,
    Signature,
}

/// What is nested too deep to read: tables in tables' cells, or a document's XML elements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Depth {
    Tables,
    Xml,
}

/// Why two data sets became one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JoinWhy {
    /// Titles that differ only in the year, the number of provinces and such words.
    Release,
    /// The same overall index («Chỉ số CCHC»).
    Overall,
    /// The user joined them.
    ByHand,
}

/// Why one of two copies of a table was used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SameWhy {
    /// The copies hold the same values (the same table sorted another way, say).
    Identical,
    /// The copies differ; the one used names a later year.
    Newer,
    /// The copies differ; the one used is in Vietnamese.
    Vietnamese,
    /// The user chose it.
    Chosen,
}

/// Any note of a report, for what lists them all.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Note<'a> {
    Found(&'a Finding),
    Skipped(&'a Skip),
    Warning(&'a Warning),
    Error(&'a ReadError),
}

impl Note<'_> {
    pub fn text(self, lang: Lang) -> String {
        match self {
            Note::Found(n) => n.text(lang),
            Note::Skipped(n) => n.text(lang),
            Note::Warning(n) => n.text(lang),
            Note::Error(n) => n.text(lang),
        }
    }
}

impl<'a> From<&'a Finding> for Note<'a> {
    fn from(n: &'a Finding) -> Self {
        Note::Found(n)
    }
}
impl<'a> From<&'a Skip> for Note<'a> {
    fn from(n: &'a Skip) -> Self {
        Note::Skipped(n)
    }
}
impl<'a> From<&'a Warning> for Note<'a> {
    fn from(n: &'a Warning) -> Self {
        Note::Warning(n)
    }
}
impl<'a> From<&'a ReadError> for Note<'a> {
    fn from(n: &'a ReadError) -> Self {
        Note::Error(n)
    }
}

/// «sheet» row 3: …, in the language asked.
fn at_row(vi: bool, sheet: &str, row: usize, v: &str, e: &str) -> String {
    if vi {
        format!("«{sheet}» dòng {row}: {v}")
    } else {
        format!("“{sheet}” row {row}: {e}")
    }
}

/// «sheet» column C: …, in the language asked.
fn at_column(vi: bool, sheet: &str, col: usize, v: &str, e: &str) -> String {
    let c = col_name(col);
    if vi {
        format!("«{sheet}» cột {c}: {v}")
    } else {
        format!("“{sheet}” column {c}: {e}")
    }
}

/// «sheet» cell C3: …, in the language asked.
fn at_cell(vi: bool, sheet: &str, (row, col): (usize, usize), v: &str, e: &str) -> String {
    let c = format!("{}{row}", col_name(col));
    if vi {
        format!("«{sheet}» ô {c}: {v}")
    } else {
        format!("“{sheet}” cell {c}: {e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_differ() {
        let n = ReadError::Encrypted;
        assert_ne!(n.text(Lang::Vi), n.text(Lang::En));
        assert!(n.text(Lang::Vi).contains("mật khẩu"));
    }
}

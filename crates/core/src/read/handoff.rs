//! Tables read outside the core, handed to it as bytes: the PDF reader is a wasm module of
//! its own (crates/pdf), loaded by the import worker only when a PDF is dropped; its
//! tables cross into the worker's module as postcard bytes of a [`Tables`].

use crate::model::messages::ReadError;
use crate::read::grid::Grid;

/// A reader's outcome: the file's tables, or why it could not be read.
pub type Tables = Result<Vec<Grid>, ReadError>;

/// [`Tables`] as bytes.
pub fn encode(tables: &Tables) -> Vec<u8> {
    // Grids and notes are plain data: serialising them into a Vec does not fail.
    postcard::to_allocvec(tables).unwrap_or_default()
}

/// [`encode`]'s bytes read back; bytes that are not that give a note that says so.
pub fn decode(bytes: &[u8]) -> Tables {
    postcard::from_bytes::<Tables>(bytes)
        .unwrap_or_else(|e| Err(ReadError::ReaderUnavailable { detail: format!("the PDF reader's answer: {e}") }))
}

/// Whether the bytes are a PDF (its header may follow some junk, as readers allow).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::grid::Cell;

    #[test]
    fn tables_cross_and_come_back_the_same() {
        let mut g = Grid::from_text("trang 1–2, bảng 1", &[&["Tỉnh", "Điểm"], &["Huế", "85,43"]]);
        g.rows[1].push(Cell::Number(2.0));
        g.merges.push((0, 0, 0, 1));
        let ok: Tables = Ok(vec![g]);
        assert_eq!(decode(&encode(&ok)), ok);
        let err: Tables = Err(ReadError::ScannedPdf);
        assert_eq!(decode(&encode(&err)), err);
        assert!(matches!(decode(b"\xff\xff\xff"), Err(ReadError::ReaderUnavailable { .. })));
    }

    #[test]
    fn finds_a_pdf_by_its_header() {
        assert!(is_pdf(b"%PDF-1.7\n..."));
        assert!(is_pdf(b"\xef\xbb\xbf\n%PDF-1.4"));
        assert!(!is_pdf(b"PK\x03\x04"));
        assert!(!is_pdf(b""));
    }
}

//! PDF bytes → pages of positioned glyphs and ruling lines ([`Page`]), through
//! `hayro-syntax` (the file's syntax, cross-references, object streams, filters,
//! decryption with an empty password, the page tree) and `hayro-cmap` (`/ToUnicode` and
//! embedded CMaps). What is read here of each page's content stream is in `interp.rs`, of
//! its fonts in `font.rs`.
//!
//! Hostile files: every limit is a constant in [`limits`]; decoding is bounded inside
//! `hayro-syntax` (vendored with that bound, `vendor/hayro-syntax/CHISO.md`), and the
//! crate itself bounds nesting, reference cycles and the page tree (it walks `/Kids` and
//! never trusts `/Count`).

mod encoding;
mod font;
mod glyphnames;
mod interp;

use chiso_core::model::messages::{Limit, ReadError};
use hayro_syntax::object::Stream;
use hayro_syntax::{DecryptionError, LoadPdfError, Pdf};

use crate::page::Page;

/// The limits of a read: past each, an error (`ReadError`) or, for what one page holds, the
/// page read up to it.
pub mod limits {
    /// The file (as for workbooks, `chiso_core::read::grid::limits::MAX_FILE_BYTES`).
    pub const MAX_FILE_BYTES: u64 = chiso_core::read::grid::limits::MAX_FILE_BYTES;
    /// Pages in the page tree.
    pub const MAX_PAGES: usize = 2_000;
    /// Objects in the cross-reference data.
    pub const MAX_OBJECTS: usize = 500_000;
    /// Bytes one stream may decode to (content, object, font and CMap streams alike).
    pub const MAX_STREAM_BYTES: usize = 100 * 1024 * 1024;
    /// Bytes all the streams decoded in one read may come to.
    pub const MAX_DECODED_BYTES: usize = 200 * 1024 * 1024;
    /// Glyphs kept of one page (a table page has a few thousand).
    pub const MAX_GLYPHS_PER_PAGE: usize = 200_000;
    /// Ruling lines kept of one page.
    pub const MAX_SEGMENTS_PER_PAGE: usize = 50_000;
    /// Content-stream operators run for one page, its forms' included.
    pub const MAX_OPERATORS_PER_PAGE: usize = 2_000_000;
    /// Forms (XObjects) drawn on one page, and how deep one may draw another.
    pub const MAX_FORMS_PER_PAGE: usize = 2_000;
    pub const MAX_FORM_DEPTH: usize = 12;
    /// `q` saves in force at once.
    pub const MAX_STATE_DEPTH: usize = 256;
    /// Points in one subpath.
    pub const MAX_PATH_POINTS: usize = 100_000;
}

/// Streams decoded for the fonts and forms (the page's own content is decoded by
/// `hayro-syntax`; the byte bounds hold for both, kept by the vendored crate).
pub(crate) struct Budget;

impl Budget {
    fn decode(&mut self, stream: &Stream<'_>) -> Option<Vec<u8>> {
        stream.decoded().ok().map(|d| d.into_owned())
    }
}

/// Every page of a PDF, with `progress` told the share read after each page.
///
/// Errors: [`ReadError::PdfPassword`] for a file that needs a password (an empty user password
/// is tried, and opens RC4 and AES files), [`ReadError::ScannedPdf`] when no page has a glyph,
/// [`ReadError::TruncatedPdf`] or [`ReadError::Corrupt`] for what is not a readable PDF,
/// [`ReadError::TooLarge`] past a limit.
pub fn pages(bytes: &[u8], progress: &mut dyn FnMut(f64)) -> Result<Vec<Page>, ReadError> {
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { what: Limit::FileBytes, limit: limits::MAX_FILE_BYTES });
    }
    if bytes.is_empty() {
        return Err(ReadError::EmptyFile);
    }
    let header = &bytes[..bytes.len().min(1024)];
    if !header.windows(5).any(|w| w == b"%PDF-") {
        return Err(corrupt("không có đầu tệp %PDF- / no %PDF- header"));
    }
    let _limits = hayro_syntax::DecodeLimits::set(limits::MAX_STREAM_BYTES, limits::MAX_DECODED_BYTES);
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| load_error(e, bytes))?;
    if pdf.len() > limits::MAX_OBJECTS {
        return Err(corrupt(&format!("hơn {} đối tượng / over {} objects", limits::MAX_OBJECTS, limits::MAX_OBJECTS)));
    }
    let all = pdf.pages();
    if all.len() > limits::MAX_PAGES {
        return Err(corrupt(&format!("hơn {} trang / over {} pages", limits::MAX_PAGES, limits::MAX_PAGES)));
    }
    if all.is_empty() {
        return Err(if ends_early(bytes) { ReadError::TruncatedPdf } else { corrupt("không có trang / no pages") });
    }
    let mut fonts = interp::FontCache::default();
    let mut budget = Budget;
    let mut out = Vec::with_capacity(all.len());
    for (i, page) in all.iter().enumerate() {
        let (width, height) = page.render_dimensions();
        let blank = Page { number: i + 1, width: f64::from(width), height: f64::from(height), ..Page::default() };
        let ctm = page.initial_transform(true).as_coeffs();
        let mut run = interp::Interp::new(blank, ctm, &mut fonts, &mut budget);
        run.run(page.page_stream().unwrap_or_default(), page.resources(), 0);
        if hayro_syntax::DecodeLimits::exceeded() {
            return Err(ReadError::TooLarge {
                what: Limit::UncompressedBytes,
                limit: limits::MAX_DECODED_BYTES as u64,
            });
        }
        out.push(run.page);
        progress((i + 1) as f64 / all.len() as f64);
    }
    if out.iter().all(|p| p.glyphs.is_empty()) {
        return Err(ReadError::ScannedPdf);
    }
    Ok(out)
}

fn corrupt(detail: &str) -> ReadError {
    ReadError::Corrupt { detail: format!("PDF: {detail}") }
}

fn load_error(e: LoadPdfError, bytes: &[u8]) -> ReadError {
    if hayro_syntax::DecodeLimits::exceeded() {
        return ReadError::TooLarge { what: Limit::UncompressedBytes, limit: limits::MAX_DECODED_BYTES as u64 };
    }
    match e {
        LoadPdfError::Decryption(DecryptionError::PasswordProtected) => ReadError::PdfPassword,
        LoadPdfError::Decryption(d) => corrupt(&format!("mã hoá không đọc được / unreadable encryption ({d:?})")),
        _ if ends_early(bytes) => ReadError::TruncatedPdf,
        _ => corrupt("cấu trúc hỏng / damaged structure"),
    }
}

/// No `%%EOF` in the last kilobyte: a download or copy that stopped early.
fn ends_early(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    !tail.windows(5).any(|w| w == b"%%EOF")
}

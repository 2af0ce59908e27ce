//! Chỉ Số's PDF reader: bytes of a PDF → its tables as [`Grid`]s, for the core's detection.
//!
//! Two stages, each in a module of its own:
//! - [`extract`]: the PDF's pages as positioned glyphs and ruling lines ([`page::Page`]),
//!   through a PDF crate; limits, encryption with an empty password, scans.
//! - [`layout`]: pages → tables: cells from ruling lines (lattice) or from text alignment
//!   (stream), a table across pages joined, legacy fonts decoded, marks attached.
//!
//! Not part of the page's first load: the page loads this crate's own wasm module only when
//! a PDF is dropped (see src/ui/worker/ in the app).

pub mod extract;
pub mod layout;
pub mod page;
#[cfg(target_arch = "wasm32")]
mod web;

use chiso_core::model::messages::ReadError;
use chiso_core::read::grid::Grid;

/// Every table of a PDF, in page order, each named by where it is («trang 3–5, bảng 1»),
/// with the text above it on its first page as title rows.
pub fn read(bytes: &[u8], progress: &mut dyn FnMut(f64)) -> Result<Vec<Grid>, ReadError> {
    // Reading the pages is most of the time; laying them out, the rest.
    let pages = extract::pages(bytes, &mut |f| progress(f * 0.9))?;
    let grids = layout::tables(&pages)?;
    progress(1.0);
    Ok(grids)
}

//! The pure core of Chỉ Số: bytes in, data sets and an import report out, then analysis.
//!
//! Nothing here knows about the browser: no web-sys, no yew, no wasm-bindgen. Every stage
//! is a plain function that builds and tests natively with `cargo test`.
//!
//! Flow: [`read`] (bytes → sheets of cells: [`read::grid`] for workbooks and text,
//! [`read::docx`] for Word; PDFs are read by the crate chiso-pdf and handed over by
//! [`read::handoff`]) → [`detect`] (cells → tables, layouts) → [`text::value`] (text →
//! numbers, targets) → [`text::units`] (names → canonical units) → [`model`] (data sets,
//! target sheets, import report) → [`analyse`] (view models) → [`export`] (tidy CSV);
//! [`link`] (the view state in the address) and [`wire`] (an outcome between the import
//! worker and the page).

pub mod analyse;
pub mod detect;
pub mod export;
pub mod import;
pub mod link;
pub mod model;
pub mod read;
pub mod text;
pub mod wire;

pub use import::catalog::Catalog;
pub use import::{
    import_file, import_file_owned, import_file_progress, import_file_with, import_grids, ImportOptions, ImportOutcome,
};
pub use model::messages::Lang;
pub use model::{DataSet, ImportReport, ImportStatus, Observation, Target, TargetSheet};

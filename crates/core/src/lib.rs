//! The pure core of Chỉ Số: bytes in, data sets and an import report out, then analysis.
//!
//! Nothing here knows about the browser: no web-sys, no yew, no wasm-bindgen. Every stage
//! is a plain function that builds and tests natively with `cargo test`.
//!
//! Flow: [`grid`] (bytes → sheets of cells) → [`detect`] (cells → tables, layouts) →
//! [`value`] (text → numbers, targets) → [`units`] (names → canonical units) →
//! [`model`] (data sets, target sheets, import report) → [`analyse`] (view models) →
//! [`export`] (tidy CSV).

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

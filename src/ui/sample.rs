//! The built-in sample workbook: loaded by `data-action="load-sample"` in the page, and
//! read once by the import worker as it starts (to warm it up).

/// The built-in sample workbook (written by `cargo run --example gen_sample`).
pub const SAMPLE: &[u8] = include_bytes!("../../assets/sample/chiso-mau.xlsx");
pub const SAMPLE_NAME: &str = "chiso-mau.xlsx";

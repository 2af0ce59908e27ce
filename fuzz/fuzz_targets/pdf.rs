//! PDFs: any bytes through the PDF reader (crates/pdf: extraction with hayro-syntax, then
//! the tables from lines and text positions) and the import of its tables. It must answer,
//! never panic: in the page the reader is a wasm module built with panic=abort.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = chiso_core::ImportOptions::default();
    let outcome = match chiso_pdf::read(data, &mut |_| {}) {
        Ok(grids) => chiso_core::import_grids(grids, "bao-cao.pdf", &options, &mut |_| {}),
        Err(note) => chiso_core::ImportOutcome::failed("bao-cao.pdf", note),
    };
    let mut c = chiso_core::Catalog::default();
    c.add(outcome);
    let _ = chiso_core::export::tidy_csv(&c);
});

//! The module's face in the import worker (wasm only): the worker loads this crate's wasm
//! when a PDF is dropped and calls [`read_pdf`]; the tables go back as bytes
//! (`chiso_core::read::handoff`), which the worker's core decodes and imports.

use wasm_bindgen::prelude::*;

/// Reads a PDF; `progress` (a JS function) is called with a fraction from 0 to 1 now and
/// then.
#[wasm_bindgen]
pub fn read_pdf(bytes: &[u8], progress: &js_sys::Function) -> Vec<u8> {
    let outcome = crate::read(bytes, &mut |f| {
        // A failing progress callback changes nothing in the reading.
        let _ = progress.call1(&JsValue::NULL, &f.into());
    });
    chiso_core::read::handoff::encode(&outcome)
}

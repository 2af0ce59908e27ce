//! PDFs in the worker. The PDF reader (crates/pdf) is a wasm module of its own, not part of
//! the page's first load: the worker's boot script loads it when the first PDF comes
//! (`chisoPdf` in [`super::boot`]), and its tables come back as bytes
//! ([`chiso_core::read::handoff`]) for the core to import as it imports a workbook's sheets.

use chiso_core::model::messages::ReadError;
use chiso_core::read::handoff::{self, Tables};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The boot script's loader of the PDF reader.
const LOADER: &str = "chisoPdf";

/// Reads a PDF's tables with the on-demand reader, telling `progress` how far it is.
pub async fn read(bytes: Vec<u8>, progress: Box<dyn FnMut(f64)>) -> Tables {
    let loader = js_sys::Reflect::get(&js_sys::global(), &LOADER.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(loader) = loader else {
        return Err(ReadError::ReaderUnavailable { detail: "no loader in this worker".into() });
    };
    let progress = Closure::<dyn FnMut(f64)>::new(progress);
    let array = js_sys::Uint8Array::from(bytes.as_slice());
    drop(bytes);
    let called = loader.call2(&JsValue::NULL, &array, progress.as_ref());
    let answer = match called {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise)).await,
        Err(e) => Err(e),
    };
    drop(progress);
    match answer {
        Ok(v) => handoff::decode(&js_sys::Uint8Array::new(&v).to_vec()),
        Err(e) => Err(failure(&e)),
    }
}

/// Why the reader gave no tables: it stopped on this file (a trap in its module), or it
/// could not be loaded.
fn failure(e: &JsValue) -> ReadError {
    let message = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| e.as_string().unwrap_or_default());
    if e.is_instance_of::<js_sys::WebAssembly::RuntimeError>() {
        ReadError::Corrupt { detail: format!("PDF: {message}") }
    } else {
        ReadError::ReaderUnavailable { detail: message }
    }
}

//! The thin Yew shell: one reducer ([`state`]), one component per file, all text in [`i18n`].

pub mod i18n;
pub mod sample;
pub mod state;
pub mod tables;
pub mod view_model;
pub mod worker;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod backend;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod release;

/// Starts the app in the page's body (or, in the import worker, the import service).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // The same module serves imports when started in the import worker.
    if worker::in_worker() {
        worker::serve();
        return;
    }
    browser::install_panic_hook();
    release::mark_build();
    release::register_service_worker();
    yew::Renderer::<app::App>::new().render();
}

/// For `make bench`: the core import alone, in wasm, without the page (returns the number
/// of observations read, so the work cannot be skipped).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_import(bytes: &[u8], name: &str) -> u32 {
    let o = chiso_core::import_file(bytes, name);
    o.datasets.iter().map(|d| d.observations.len() as u32).sum()
}

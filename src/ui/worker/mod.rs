//! Imports run in a Web Worker, so the page stays responsive while a large file is read.
//!
//! - [`boot`]: starting a worker on the page's own wasm module (the offline bundle too);
//! - [`entry`]: the worker's side, which serves requests (`main` calls [`serve`] in a worker);
//! - [`protocol`]: the messages, page ↔ worker, each about a job ([`JobId`]);
//! - [`queue`]: the page's queue of files and who reads them, as plain data;
//! - [`importer`]: the page's handle ([`Importer`]), which drives the queue and the worker;
//! - [`hook`]: the page hook `<body data-importer>`;
//! - [`pdf`]: PDFs, read by a reader the worker loads only when one comes.
//!
//! A cancel, or a crash of the reader, ends the worker; a new one starts and the queue goes
//! on. With no worker (none could start) the page reads the files itself, one at a time.

pub mod protocol;
pub mod queue;

#[cfg(target_arch = "wasm32")]
mod boot;
#[cfg(target_arch = "wasm32")]
mod entry;
#[cfg(target_arch = "wasm32")]
mod hook;
#[cfg(target_arch = "wasm32")]
mod importer;
#[cfg(target_arch = "wasm32")]
mod pdf;

#[cfg(target_arch = "wasm32")]
pub use entry::{in_worker, serve};
#[cfg(target_arch = "wasm32")]
pub use importer::{Event, Importer};
pub use protocol::JobId;

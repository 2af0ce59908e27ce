//! Chỉ Số: browser-only analytics for Vietnamese public-administration reform data.
//!
//! - [`core`] (crate `chiso-core`, `crates/core`): the pure core (read, detect, values, units, analyse, export); native tests.
//! - [`charts`] (crate `chiso-charts`, `crates/charts`): charts generic over plotters backends (canvas in the page, SVG in tests).
//! - [`ui`]: the thin Yew shell (compiled for the browser; its reducer is pure).

pub use chiso_charts as charts;
pub use chiso_core as core;
pub mod ui;

//! Chỉ Số: browser-only analytics for Vietnamese public-administration reform data.
//!
//! - [`core`]: the pure core (read, detect, values, units, analyse, export); native tests.
//! - [`charts`]: charts generic over plotters backends (canvas in the page, SVG in tests).
//! - [`ui`]: the thin Yew shell (compiled for the browser; its reducer is pure).

pub mod charts;
pub mod core;
pub mod ui;

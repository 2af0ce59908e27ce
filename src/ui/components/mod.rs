//! One component per file.

pub mod chart_canvas;
pub mod drop_zone;
pub mod header;
pub mod import_report;
pub mod ranking_view;
pub mod unit_mapper;

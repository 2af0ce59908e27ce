//! One component per file.

pub mod brief_view;
pub mod chart_canvas;
pub mod comparison_view;
pub mod controls;
pub mod dataset_list;
pub mod drop_zone;
pub mod export_bar;
pub mod group_select;
pub mod header;
pub mod import_panel;
pub mod import_report;
pub mod ranking_table;
pub mod ranking_view;
pub mod share;
pub mod targets_view;
pub mod trend_view;
pub mod unit_mapper;
pub mod unit_picker;
pub mod unit_select;
pub mod view_tabs;

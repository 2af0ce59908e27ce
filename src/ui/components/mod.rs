//! One component per file; the reducer's dispatch reaches them through a context.

use yew::prelude::*;

use crate::ui::state::Action;

pub mod brief_view;
pub mod chart_canvas;
pub mod comparison_view;
pub mod controls;
pub mod dataset_list;
pub mod dom;
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

/// The reducer's dispatch, provided once by the app to every component below it.
#[derive(Clone, PartialEq)]
pub struct Dispatch(pub Callback<Action>);

/// The reducer's dispatch, from the app's context.
#[hook]
pub fn use_dispatch() -> Callback<Action> {
    use_context::<Dispatch>().map(|d| d.0).expect("the app provides the dispatch context")
}

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::components::chart_canvas::ChartCanvas;
use crate::ui::components::controls::Controls;
use crate::ui::components::dom::input_value;
use crate::ui::components::export_bar::ExportBar;
use crate::ui::components::ranking_table::RankingTable;
use crate::ui::components::use_dispatch;
use crate::ui::i18n::{t, K};
use crate::ui::state::{Action, ByPtr};
use crate::ui::view_model::{ranked, ranking_key, ranking_model, table_rows, ControlsModel, Focus, Order};
use chiso_core::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The data set shown and the choices on it; none before any data.
    pub focus: Option<Rc<Focus>>,
    pub controls: Option<Rc<ControlsModel>>,
    /// The table's order and search.
    pub order: Order,
}

#[function_component]
pub fn RankingPanel(p: &Props) -> Html {
    let lang = p.lang;
    let dispatch = use_dispatch();
    // The ranking is worked out again only when its data set, period, indicator or group
    // change: not for my unit, the search, the sort or the language.
    let computed = use_memo(p.focus.as_deref().map(ranking_key), |k| k.as_ref().map(ranked));
    // The table's rows in their order, their notes and the table to export: again only
    // when the ranking, the order, the search or the language change.
    let focus = p.focus.clone();
    let sorted = use_memo((ByPtr(computed.clone()), p.order.clone(), lang), move |(c, order, _)| {
        let (r, f) = (c.0.as_ref().as_ref()?, focus?);
        Some(table_rows(&f, r, order))
    });
    let (Some(f), Some(r), Some(rows)) = (p.focus.as_deref(), computed.as_ref(), sorted.as_ref()) else {
        return html! { <p class="empty" data-view="ranking">{t(lang, K::NothingLoaded)}</p> };
    };
    let m = ranking_model(f, r, rows);
    let on_search = {
        let d = dispatch.clone();
        Callback::from(move |e: InputEvent| d.emit(Action::Search(input_value(&e))))
    };
    let data_table = t(lang, K::DataTable);
    html! {
        <section class="view" data-view="ranking" aria-labelledby="view-title">
            <h2 id="view-title">{m.title.clone()}</h2>
            if let Some(c) = &p.controls { <Controls model={c.clone()} /> }
            <div class="controls">
                <label>{t(lang, K::Search)}
                    <input type="search" data-control="search" placeholder={t(lang, K::SearchHint)} value={p.order.search.clone()} oninput={on_search} />
                </label>
            </div>
            <ExportBar lang={lang} chart={Some(m.spec.clone())} table={rows.table.clone()} name="xep-hang" />
            if rows.notes.is_some() { <p class="regroup-caption" data-regrouped="true">{t(lang, K::RegroupCaption)}</p> }
            <div class={classes!("ranking-body", m.map.is_some().then_some("with-map"))}>
                <RankingTable lang={lang} rows={rows.rows.clone()} notes={rows.notes.clone()} my_unit={f.my_unit.clone()}
                    sort={p.order.sort} descending={p.order.descending} />
                <ChartCanvas lang={lang} spec={m.spec} title={m.chart_title} table={m.chart_table} table_summary={data_table} />
                if let Some(map) = m.map {
                    <div class="tilemap-wrap">
                        <ExportBar lang={lang} chart={Some(map.spec.clone())} table={map.table.clone()} name="ban-do" prefix="map-" />
                        <ChartCanvas lang={lang} spec={map.spec} title={map.title} table={map.table} table_summary={data_table} />
                    </div>
                }
            </div>
        </section>
    }
}

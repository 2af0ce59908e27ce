use yew::prelude::*;

use crate::ui::components::chart_canvas::ChartCanvas;
use crate::ui::components::controls::Controls;
use crate::ui::components::export_bar::ExportBar;
use crate::ui::components::unit_picker::UnitPicker;
use crate::ui::i18n::{t, K};
use crate::ui::state::{Action, Shared};
use crate::ui::tables::{self, TableSource};
use chiso_charts::spec::ChartSpec;
use chiso_core::analyse::trend::trend_across;
use chiso_core::model::map2025::Map2025;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: Shared,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn TrendPanel(p: &Props) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let Some(d) = s.current() else {
        return html! { <p class="empty" data-view="trend">{t(lang, K::NothingLoaded)}</p> };
    };
    let indicator = s.current_indicator().unwrap_or_default();
    let derived = s.regrouped.as_ref().map(|r| r.derived.clone()).unwrap_or_default();
    let view = trend_across(d, &indicator, &s.chosen_units(), Map2025::shared(), &derived);
    let table = TableSource::ready(tables::trend(lang, &view));
    let lines = ChartSpec::Trend { view: view.clone(), my_unit: s.my_unit.clone() };
    let bump = ChartSpec::Bump { view: view.clone(), my_unit: s.my_unit.clone() };
    let name = s.indicator_label(&indicator);
    html! {
        <section class="view" data-view="trend" aria-labelledby="view-title">
            <h2 id="view-title">{format!("{} — {name}", t(lang, K::ViewTrend))}</h2>
            <Controls state={p.state.clone()} dispatch={p.dispatch.clone()} period={false} group={false} />
            <ExportBar lang={lang} chart={Some(lines.clone())} table={table.clone()} name="xu-huong" />
            <div class="split">
                <UnitPicker state={p.state.clone()} dispatch={p.dispatch.clone()} />
                <div class="charts">
                    <ChartCanvas lang={lang} spec={lines} title={format!("{} — {name}", t(lang, K::TrendTitle))}
                        table={table.clone()} table_summary={t(lang, K::DataTable)} />
                    <ChartCanvas lang={lang} spec={bump} title={format!("{} — {name}", t(lang, K::BumpTitle))}
                        table={table} table_summary={t(lang, K::DataTable)} />
                </div>
            </div>
        </section>
    }
}

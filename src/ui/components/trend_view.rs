use yew::prelude::*;

use crate::ui::components::chart_canvas::ChartCanvas;
use crate::ui::components::controls::Controls;
use crate::ui::components::export_bar::ExportBar;
use crate::ui::components::unit_picker::UnitPicker;
use std::rc::Rc;

use crate::ui::i18n::{t, K};
use crate::ui::state::ByPtr;
use crate::ui::tables::{self, TableSource};
use crate::ui::view_model::{ControlsModel, Focus};
use chiso_charts::spec::ChartSpec;
use chiso_core::analyse::trend::trend_across;
use chiso_core::model::map2025::Map2025;
use chiso_core::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The data set shown and the choices on it; none before any data.
    pub focus: Option<Rc<Focus>>,
    pub controls: Option<Rc<ControlsModel>>,
}

#[function_component]
pub fn TrendPanel(p: &Props) -> Html {
    let lang = p.lang;
    let (Some(s), Some(controls)) = (p.focus.as_deref(), &p.controls) else {
        return html! { <p class="empty" data-view="trend">{t(lang, K::NothingLoaded)}</p> };
    };
    let d = s.data();
    let indicator = s.indicator();
    let derived = s.derived.as_ref().map(|r| r.0.clone()).unwrap_or_default();
    let units = Rc::new(s.chosen_units());
    let view = trend_across(d, &indicator, &units, Map2025::shared(), &derived);
    let table = TableSource::ready(tables::trend(lang, &view));
    let lines = ChartSpec::Trend { view: view.clone(), my_unit: s.my_unit.clone() };
    let bump = ChartSpec::Bump { view: view.clone(), my_unit: s.my_unit.clone() };
    let name = s.indicator_label(&indicator);
    html! {
        <section class="view" data-view="trend" aria-labelledby="view-title">
            <h2 id="view-title">{format!("{} — {name}", t(lang, K::ViewTrend))}</h2>
            <Controls model={controls.clone()} period={false} group={false} />
            <ExportBar lang={lang} chart={Some(lines.clone())} table={table.clone()} name="xu-huong" />
            <div class="split">
                <UnitPicker lang={lang} summary={ByPtr(d.summary())} chosen={units} />
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

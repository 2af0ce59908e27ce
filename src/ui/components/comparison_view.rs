use yew::prelude::*;

use crate::ui::components::chart_canvas::ChartCanvas;
use crate::ui::components::controls::Controls;
use crate::ui::components::export_bar::ExportBar;
use crate::ui::components::unit_picker::UnitPicker;
use std::rc::Rc;

use crate::ui::i18n::{t, K};
use crate::ui::state::ByPtr;
use crate::ui::tables::{self, TableSource, DASH};
use crate::ui::view_model::{ControlsModel, Focus};
use chiso_charts::spec::ChartSpec;
use chiso_core::analyse::comparison;
use chiso_core::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The data set shown and the choices on it; none before any data.
    pub focus: Option<Rc<Focus>>,
    pub controls: Option<Rc<ControlsModel>>,
}

/// A heat colour for a value's place between the peer group's lowest and highest.
fn heat(value: Option<f64>, lo: f64, hi: f64) -> String {
    match value {
        Some(v) if hi > lo => {
            let x = ((v - lo) / (hi - lo)).clamp(0.0, 1.0);
            // From a pale red through white to a pale green.
            let (r, g, b) = if x < 0.5 {
                let k = x * 2.0;
                (250.0, 200.0 + 55.0 * k, 200.0 + 55.0 * k)
            } else {
                let k = (x - 0.5) * 2.0;
                (255.0 - 55.0 * k, 255.0 - 20.0 * k, 255.0 - 55.0 * k)
            };
            format!("background-color: rgb({r:.0},{g:.0},{b:.0})")
        }
        _ => String::new(),
    }
}

#[function_component]
pub fn ComparisonPanel(p: &Props) -> Html {
    let lang = p.lang;
    let (Some(s), Some(controls)) = (p.focus.as_deref(), &p.controls) else {
        return html! { <p class="empty" data-view="comparison">{t(lang, K::NothingLoaded)}</p> };
    };
    let d = s.data();
    let period = s.period();
    let units = Rc::new(s.chosen_units());
    let view = comparison(d, &period, &units, s.my_unit.as_deref());
    let table = tables::comparison(lang, &view);
    let source = TableSource::ready(table.clone());
    let spec = ChartSpec::Comparison { view: view.clone() };
    let title = format!("{} — {} — {}", t(lang, K::ComparisonTitle), view.focus.clone().unwrap_or_default(), period);
    let range = |k: usize| {
        let vals: Vec<f64> = d
            .observations
            .iter()
            .filter(|o| o.period == period && o.indicator == view.components[k])
            .filter_map(|o| o.value)
            .collect();
        (vals.iter().copied().fold(f64::INFINITY, f64::min), vals.iter().copied().fold(f64::NEG_INFINITY, f64::max))
    };
    let ranges: Vec<(f64, f64)> = (0..view.components.len()).map(range).collect();
    let standing = |list: &[(String, f64)]| {
        if list.is_empty() {
            return html! { <p class="none">{DASH}</p> };
        }
        html! {
            <ul>{ for list.iter().map(|(c, z)| html! { <li>{format!("{} ({})", s.indicator_label(c), tables::signed(lang, *z, 2))}</li> }) }</ul>
        }
    };
    html! {
        <section class="view" data-view="comparison" aria-labelledby="view-title">
            <h2 id="view-title">{title.clone()}</h2>
            <Controls model={controls.clone()} indicator={false} group={false} />
            <ExportBar lang={lang} chart={Some(spec.clone())} table={source.clone()} name="so-sanh" />
            <div class="split">
                <UnitPicker lang={lang} summary={ByPtr(d.summary())} chosen={units.clone()} />
                <div class="table-wrap">
                    <table class="heat" data-table="comparison">
                        <thead><tr>{ for table.header.iter().map(|h| html! { <th scope="col">{h.clone()}</th> }) }</tr></thead>
                        <tbody>
                            { for view.rows.iter().zip(&table.rows).map(|((unit, vals), cells)| html! {
                                <tr class={classes!((s.my_unit.as_deref() == Some(unit.as_str())).then_some("mine"))}>
                                    <th scope="row">{unit.clone()}</th>
                                    { for vals.iter().enumerate().map(|(k, v)| html! {
                                        <td class="num" style={heat(*v, ranges[k].0, ranges[k].1)}>{cells[k + 1].clone()}</td>
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </div>
            <div class="standing">
                <div><h3>{t(lang, K::Strongest)}</h3>{standing(&view.strongest)}</div>
                <div><h3>{t(lang, K::Weakest)}</h3>{standing(&view.weakest)}</div>
                <p class="hint">{t(lang, K::PeerNote)}</p>
            </div>
            <ChartCanvas lang={lang} spec={spec} title={title} table={source} table_summary={t(lang, K::DataTable)} />
        </section>
    }
}

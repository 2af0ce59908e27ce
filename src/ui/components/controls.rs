use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::components::group_select::GroupSelect;
use crate::ui::components::unit_select::UnitSelect;
use crate::ui::i18n::{t, K};
use crate::ui::state::{Action, ByPtr, Shared};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: Shared,
    pub dispatch: Callback<Action>,
    #[prop_or(true)]
    pub period: bool,
    #[prop_or(true)]
    pub indicator: bool,
    #[prop_or(true)]
    pub group: bool,
}

pub fn select_value(e: &Event) -> String {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
}

/// The choices every analysis view shares: data set, period, indicator, peer group, my unit.
#[function_component]
pub fn Controls(p: &Props) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let Some(d) = s.current() else { return html! {} };
    let period = s.current_period().unwrap_or_default();
    let indicator = s.current_indicator().unwrap_or_default();
    let summary = d.summary();
    let has_groups = summary.groups.iter().any(|g| !g.is_empty());
    let group = s.group.clone().filter(|g| !g.is_empty() && summary.groups.contains(g));
    let on = |f: fn(String) -> Action| {
        let d = p.dispatch.clone();
        Callback::from(move |e: Event| d.emit(f(select_value(&e))))
    };
    let on_dataset = on(|v| Action::SetDataset(v.parse().unwrap_or(0)));
    let on_period = on(Action::SetPeriod);
    let on_indicator = on(Action::SetIndicator);
    let on_my_unit = on(|v| Action::SetMyUnit((!v.is_empty()).then_some(v)));
    let regroup = s.regroup;
    let on_regroup = {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::SetRegroup(!regroup)))
    };
    let my = s.my_unit.clone();
    html! {
        <div class="controls">
            <label>{t(lang, K::DataSet)}
                <select data-control="dataset" onchange={on_dataset}>
                    { for s.catalog.datasets.iter().enumerate().map(|(i, ds)| html! {
                        <option value={i.to_string()} selected={i == s.dataset} title={ds.name.clone()}>{ds.label()}</option>
                    }) }
                </select>
            </label>
            if p.period {
                <label>{t(lang, K::Period)}
                    <select data-control="period" onchange={on_period}>
                        { for d.periods().into_iter().map(|x| html! { <option selected={x == period} value={x.clone()}>{x}</option> }) }
                    </select>
                </label>
            }
            if p.indicator {
                <label>{t(lang, K::Indicator)}
                    <select data-control="indicator" onchange={on_indicator}>
                        { for d.indicators().into_iter().map(|x| html! {
                            <option selected={x == indicator} value={x.clone()}>{s.indicator_label(&x)}</option>
                        }) }
                    </select>
                </label>
            }
            if p.group && has_groups {
                <GroupSelect lang={lang} summary={ByPtr(summary.clone())} selected={group} dispatch={p.dispatch.clone()} />
            }
            <UnitSelect lang={lang} summary={ByPtr(summary)} my_unit={my} onchange={on_my_unit} />
            if regroup || s.can_regroup() {
                <button type="button" class="toggle" data-action="regroup-34" aria-pressed={regroup.to_string()}
                    title={t(lang, K::RegroupHint)} onclick={on_regroup}>{t(lang, K::Regroup34)}</button>
            }
        </div>
    }
}

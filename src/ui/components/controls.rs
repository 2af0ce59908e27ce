use std::rc::Rc;

use yew::prelude::*;

use crate::ui::components::dom::select_value;
use crate::ui::components::group_select::GroupSelect;
use crate::ui::components::unit_select::UnitSelect;
use crate::ui::components::use_dispatch;
use crate::ui::i18n::{t, K};
use crate::ui::state::Action;
use crate::ui::view_model::ControlsModel;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub model: Rc<ControlsModel>,
    #[prop_or(true)]
    pub period: bool,
    #[prop_or(true)]
    pub indicator: bool,
    #[prop_or(true)]
    pub group: bool,
}

/// The choices every analysis view shares: data set, period, indicator, peer group, my unit.
#[function_component]
pub fn Controls(p: &Props) -> Html {
    let m = &p.model;
    let lang = m.lang;
    let dispatch = use_dispatch();
    let on = |f: fn(String) -> Action| {
        let d = dispatch.clone();
        Callback::from(move |e: Event| d.emit(f(select_value(&e))))
    };
    let on_dataset = on(|v| Action::SetDataset(v.parse().unwrap_or(0)));
    let on_period = on(Action::SetPeriod);
    let on_indicator = on(Action::SetIndicator);
    let on_my_unit = on(|v| Action::SetMyUnit((!v.is_empty()).then_some(v)));
    let regroup = m.regroup;
    let on_regroup = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::SetRegroup(!regroup)))
    };
    html! {
        <div class="controls">
            <label>{t(lang, K::DataSet)}
                <select data-control="dataset" onchange={on_dataset}>
                    { for m.datasets.iter().enumerate().map(|(i, (name, label))| html! {
                        <option value={i.to_string()} selected={i == m.dataset} title={name.clone()}>{label.clone()}</option>
                    }) }
                </select>
            </label>
            if p.period {
                <label>{t(lang, K::Period)}
                    <select data-control="period" onchange={on_period}>
                        { for m.periods.iter().map(|x| html! { <option selected={*x == m.period} value={x.clone()}>{x.clone()}</option> }) }
                    </select>
                </label>
            }
            if p.indicator {
                <label>{t(lang, K::Indicator)}
                    <select data-control="indicator" onchange={on_indicator}>
                        { for m.indicators.iter().map(|(x, label)| html! {
                            <option selected={*x == m.indicator} value={x.clone()}>{label.clone()}</option>
                        }) }
                    </select>
                </label>
            }
            if p.group && m.has_groups {
                <GroupSelect lang={lang} summary={m.summary.clone()} selected={m.group.clone()} />
            }
            <UnitSelect lang={lang} summary={m.summary.clone()} my_unit={m.my_unit.clone()} onchange={on_my_unit} />
            if m.show_regroup {
                <button type="button" class="toggle" data-action="regroup-34" aria-pressed={regroup.to_string()}
                    title={t(lang, K::RegroupHint)} onclick={on_regroup}>{t(lang, K::Regroup34)}</button>
            }
        </div>
    }
}

//! The peer-group choice. Its own component, drawn again only when the data set, the
//! choice or the language change: a commune-level data set has 340 groups, and yew
//! compared all their options at every view change.

use yew::prelude::*;

use crate::ui::components::dom::select_value;
use crate::ui::components::use_dispatch;
use crate::ui::i18n::{t, K};
use crate::ui::state::{Action, ByPtr};
use chiso_core::model::summary::Summary;
use chiso_core::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The data set's summary (its groups).
    pub summary: ByPtr<Summary>,
    pub selected: Option<String>,
}

#[function_component]
pub fn GroupSelect(p: &Props) -> Html {
    let lang = p.lang;
    let d = use_dispatch();
    let onchange = {
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            d.emit(Action::SetGroup((!v.is_empty()).then_some(v)))
        })
    };
    let groups = p.summary.0.groups.iter().filter(|g| !g.is_empty());
    html! {
        <label>{t(lang, K::Group)}
            <select data-control="group" onchange={onchange}>
                <option value="" selected={p.selected.is_none()}>{t(lang, K::AllGroups)}</option>
                { for groups.map(|x| html! { <option selected={Some(x) == p.selected.as_ref()} value={x.clone()}>{x.clone()}</option> }) }
            </select>
        </label>
    }
}

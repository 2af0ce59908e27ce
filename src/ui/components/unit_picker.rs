use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::i18n::{t, K};
use crate::ui::state::{Action, Shared};
use chiso_core::analyse::matches_search;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: Shared,
    pub dispatch: Callback<Action>,
}

/// Check boxes of units for comparison and trend, with a diacritic-free search.
#[function_component]
pub fn UnitPicker(p: &Props) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let query = use_state(String::new);
    let Some(d) = s.current() else { return html! {} };
    let chosen = s.chosen_units();
    let summary = d.summary();
    let units = summary.units_sorted();
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value());
            query.set(v.unwrap_or_default());
        })
    };
    html! {
        <fieldset class="unit-picker">
            <legend>{format!("{} ({})", t(lang, K::PickUnits), chosen.len())}</legend>
            <input type="search" data-control="unit-search" placeholder={t(lang, K::SearchHint)} value={(*query).clone()} oninput={on_query} />
            <div class="unit-list">
                { for units.iter().filter(|u| chosen.contains(u) || matches_search(u, &query)).map(|u| {
                    let d = p.dispatch.clone();
                    let name = u.clone();
                    html! {
                        <label class="unit-choice">
                            <input type="checkbox" data-unit={u.clone()} checked={chosen.contains(u)}
                                onchange={Callback::from(move |_| d.emit(Action::ToggleUnit(name.clone())))} />
                            {u.clone()}
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::components::dom::input_value;
use crate::ui::components::use_dispatch;
use crate::ui::i18n::{t, K};
use crate::ui::state::{Action, ByPtr};
use chiso_core::analyse::matches_search;
use chiso_core::model::summary::Summary;
use chiso_core::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The data set's summary (its units), compared by address.
    pub summary: ByPtr<Summary>,
    /// The units chosen for comparison and trend.
    pub chosen: Rc<Vec<String>>,
}

/// Check boxes of units for comparison and trend, with a diacritic-free search.
#[function_component]
pub fn UnitPicker(p: &Props) -> Html {
    let lang = p.lang;
    let dispatch = use_dispatch();
    let query = use_state(String::new);
    let chosen = &p.chosen;
    let units = p.summary.0.units_sorted();
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(input_value(&e)))
    };
    html! {
        <fieldset class="unit-picker">
            <legend>{format!("{} ({})", t(lang, K::PickUnits), chosen.len())}</legend>
            <input type="search" data-control="unit-search" placeholder={t(lang, K::SearchHint)} value={(*query).clone()} oninput={on_query} />
            <div class="unit-list">
                { for units.iter().filter(|u| chosen.contains(u) || matches_search(u, &query)).map(|u| {
                    let d = dispatch.clone();
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

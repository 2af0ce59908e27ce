//! The "my unit" choice: every unit of the data set in Vietnamese order. A component of its
//! own so that a view change does not compare again the thousands of options of a
//! commune-level data set (its props are the data set's summary, shared, and my unit).

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::i18n::{t, K};
use chiso_core::model::summary::Summary;
use chiso_core::Lang;

#[derive(Properties)]
pub struct Props {
    pub lang: Lang,
    pub summary: Rc<Summary>,
    pub my_unit: Option<String>,
    pub onchange: Callback<Event>,
}

impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        self.lang == o.lang && Rc::ptr_eq(&self.summary, &o.summary) && self.my_unit == o.my_unit
    }
}

#[function_component]
pub fn UnitSelect(p: &Props) -> Html {
    let my = p.my_unit.as_deref();
    html! {
        <label>{t(p.lang, K::MyUnit)}
            <select data-control="my-unit" onchange={p.onchange.clone()}>
                <option value="" selected={my.is_none()}>{t(p.lang, K::NoUnit)}</option>
                { for p.summary.units_sorted().iter().map(|x| html! { <option selected={Some(x.as_str()) == my} value={x.clone()}>{x.clone()}</option> }) }
            </select>
        </label>
    }
}

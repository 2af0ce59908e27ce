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

/// A summary compared by address.
struct ByAddr(Rc<Summary>);

impl PartialEq for ByAddr {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}

impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        self.lang == o.lang && Rc::ptr_eq(&self.summary, &o.summary) && self.my_unit == o.my_unit
    }
}

/// Options put in the page in one task; a longer list grows by as many a task, so that
/// 10,600 communes do not hold the page for a tenth of a second.
const STEP: usize = 1500;

#[function_component]
pub fn UnitSelect(p: &Props) -> Html {
    let my = p.my_unit.as_deref();
    let units = p.summary.units_sorted();
    let shown = use_state_eq(|| STEP);
    // A new data set starts again with the first options.
    {
        let shown = shown.clone();
        use_effect_with(ByAddr(p.summary.clone()), move |_| shown.set(STEP));
    }
    {
        let (shown, len) = (shown.clone(), units.len());
        use_effect_with((*shown, len), move |&(n, len)| {
            let t = (n < len).then(|| gloo::timers::callback::Timeout::new(0, move || shown.set(n + STEP)));
            move || drop(t)
        });
    }
    let n = (*shown).min(units.len());
    // My unit is an option even before its turn comes.
    let late = my.filter(|m| !units[..n].iter().any(|u| u == m));
    html! {
        <label>{t(p.lang, K::MyUnit)}
            <select data-control="my-unit" onchange={p.onchange.clone()}>
                <option value="" selected={my.is_none()}>{t(p.lang, K::NoUnit)}</option>
                { for units[..n].iter().map(|x| html! { <option selected={Some(x.as_str()) == my} value={x.clone()}>{x.clone()}</option> }) }
                if let Some(m) = late { <option selected=true value={m.to_string()}>{m.to_string()}</option> }
            </select>
        </label>
    }
}

//! The "my unit" choice: every unit of the data set in Vietnamese order. A component of its
//! own, with its options put in the page directly (not diffed by yew) a slice per task:
//! a commune-level data set has 10,600 units, whose options would hold the page for a
//! tenth of a second in one go and be compared again on every view change.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::i18n::{t, K};
use crate::ui::state::ByPtr;
use chiso_core::model::summary::Summary;
use chiso_core::Lang;

/// Options added in one task.
const STEP: usize = 2000;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The data set's summary, compared by address.
    pub summary: ByPtr<Summary>,
    pub my_unit: Option<String>,
    pub onchange: Callback<Event>,
}

/// Adds the options `from..` of `units` to `list` (a slice now, the rest in later tasks),
/// then selects `my`. Stops when `list` has left the page or holds another list.
fn fill(list: web_sys::HtmlElement, summary: Rc<Summary>, from: usize, my: Option<String>, gen: u32) {
    if !list.is_connected() || list.get_attribute("data-gen").and_then(|g| g.parse().ok()) != Some(gen) {
        return;
    }
    let units = summary.units_sorted();
    let doc = gloo::utils::document();
    let end = (from + STEP).min(units.len());
    let frag = doc.create_document_fragment();
    for u in &units[from..end] {
        if let Ok(o) = doc.create_element("option") {
            crate::ui::dom::set_attr(&o, "value", u);
            o.set_text_content(Some(u));
            crate::ui::dom::logged("adding a unit to the list", frag.append_child(&o));
        }
    }
    crate::ui::dom::logged("filling the list of units", list.append_child(&frag));
    if let Some(s) = list.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.set_value(my.as_deref().unwrap_or(""));
    }
    if end < units.len() {
        crate::ui::browser::next_task(move || fill(list, summary, end, my, gen));
    }
}

#[function_component]
pub fn UnitSelect(p: &Props) -> Html {
    let select = use_node_ref();
    let gen = use_mut_ref(|| 0u32);
    {
        // A new data set: its options, from the first.
        let (select, gen, my) = (select.clone(), gen.clone(), p.my_unit.clone());
        use_effect_with(p.summary.clone(), move |s| {
            if let Some(el) = select.cast::<web_sys::HtmlElement>() {
                *gen.borrow_mut() += 1;
                let g = *gen.borrow();
                // Keep the first option (no unit), drop the other data set's.
                while el.children().length() > 1 {
                    if let Some(last) = el.last_element_child() {
                        last.remove();
                    }
                }
                crate::ui::dom::set_attr(&el, "data-gen", &g.to_string());
                fill(el, s.0.clone(), 0, my, g);
            }
        });
    }
    {
        // My unit chosen elsewhere (a link, the brief): shown selected.
        let select = select.clone();
        use_effect_with(p.my_unit.clone(), move |my| {
            if let Some(s) = select.cast::<web_sys::HtmlSelectElement>() {
                s.set_value(my.as_deref().unwrap_or(""));
            }
        });
    }
    // In a form of its own: Chromium's autofill reads the options of every select in the
    // form of a select that changed (all the page's selects outside any form count as one),
    // after each change of the period or the indicator, and 10,600 options of communes made
    // that longer (bench/RESULTS.md, «The unit select»). Nothing submits it.
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="my-unit-form" {onsubmit}>
            <label>{t(p.lang, K::MyUnit)}
                <select data-control="my-unit" ref={select} onchange={p.onchange.clone()}>
                    <option value="">{t(p.lang, K::NoUnit)}</option>
                </select>
            </label>
        </form>
    }
}

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::i18n::{t, K};
use crate::ui::state::ByPtr;
use chiso_core::text::vi_sort_key;
use chiso_core::Catalog;
use chiso_core::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Everything loaded: its spellings and the units they are shown as, worked out when
    /// the mapper is opened (a commune file has 10,600).
    pub catalog: ByPtr<Catalog>,
    /// Corrections made by hand: spelling → unit.
    pub overrides: Vec<(String, String)>,
    pub on_map: Callback<(String, String)>,
    pub on_clear: Callback<String>,
}

fn select_value(form: &web_sys::HtmlFormElement, name: &str) -> String {
    form.query_selector(&format!("[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// Merging unit names by hand, and undoing what was merged by hand.
#[function_component]
pub fn UnitMapper(p: &Props) -> Html {
    // The lists (thousands of names for commune-level files) are built only when opened.
    let open = use_state(|| false);
    let lang = p.lang;
    let all = use_memo((p.catalog.clone(), *open), |(c, open)| if *open { c.0.spellings() } else { Vec::new() });
    if p.catalog.0.datasets.is_empty() {
        return html! {};
    }
    let (mut spellings, mut units): (Vec<String>, Vec<String>) = all.iter().cloned().unzip();
    spellings.sort_by_cached_key(|s| vi_sort_key(s));
    units.sort_by_cached_key(|s| vi_sort_key(s));
    units.dedup();
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            open.set(e.target_dyn_into::<web_sys::HtmlDetailsElement>().is_some_and(|d| d.open()))
        })
    };
    let onsubmit = {
        let cb = p.on_map.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(form) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else { return };
            let (s, u) = (select_value(&form, "spelling"), select_value(&form, "unit"));
            if !s.is_empty() && !u.is_empty() {
                cb.emit((s, u));
            }
        })
    };
    html! {
        <details class="unit-mapper" {ontoggle}>
            <summary>{t(lang, K::MapByHand)}</summary>
            <form onsubmit={onsubmit}>
                <label>{t(lang, K::Spelling)}
                    <select name="spelling" data-control="map-spelling">
                        { for spellings.iter().map(|s| html! { <option value={s.clone()}>{s.clone()}</option> }) }
                    </select>
                </label>
                <label>{t(lang, K::IntoUnit)}
                    <select name="unit" data-control="map-unit">
                        { for units.iter().map(|u| html! { <option value={u.clone()}>{u.clone()}</option> }) }
                    </select>
                </label>
                <button type="submit" data-action="map-unit">{t(lang, K::Map)}</button>
            </form>
            if !p.overrides.is_empty() {
                <ul class="overrides">
                    { for p.overrides.iter().map(|(s, u)| {
                        let cb = p.on_clear.clone();
                        let s2 = s.clone();
                        html! {
                            <li>{format!("{s} → {u} ({}) ", t(lang, K::Manual))}
                                <button type="button" class="small" data-action="clear-unit"
                                    onclick={Callback::from(move |_| cb.emit(s2.clone()))}>{t(lang, K::Undo)}</button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </details>
    }
}

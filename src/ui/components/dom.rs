//! Reading the page's controls from their events, for every component (none of them
//! depends on another for it).

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The value of the `<select>` an event came from.
pub fn select_value(e: &Event) -> String {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
}

/// The value of the `<input>` an input event came from.
pub fn input_value(e: &InputEvent) -> String {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

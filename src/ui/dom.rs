//! What the page does to the DOM outside Yew's rendering, with its failures handled: none
//! of these calls can lose the user's data, so a failure is logged to the console (where a
//! bug report finds it) and the page goes on.

use wasm_bindgen::JsValue;

/// A result kept for what it gives, its failure logged with what was being done.
pub fn logged<T>(what: &str, result: Result<T, JsValue>) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(e) => {
            web_sys::console::warn_2(&format!("Chỉ Số: {what} failed:").into(), &e);
            None
        }
    }
}

/// Sets an attribute (it fails only for a name that is not one, and ours are constants).
pub fn set_attr(el: &web_sys::Element, name: &str, value: &str) {
    logged(&format!("setting {name}"), el.set_attribute(name, value));
}

/// Reloads the page.
pub fn reload() {
    logged("reloading the page", gloo::utils::window().location().reload());
}

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::i18n::{link_copied, link_too_long, t, K};
use chiso_core::link::LINK_WARN_CHARS;
use chiso_core::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The view's link (its hash), with or without its data: made when asked for.
    pub link: Callback<bool, String>,
    /// Nothing to share yet.
    pub disabled: bool,
}

/// The address of this page with a view state in its hash.
pub fn link_for(hash: &str) -> String {
    let loc = gloo::utils::window().location();
    let base = loc.href().unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default().to_string();
    format!("{base}#{hash}")
}

fn copy_to_clipboard(text: &str) {
    // navigator.clipboard.writeText, where the browser allows it (it may not, headless).
    let nav = gloo::utils::window().navigator();
    if let Ok(clip) = js_sys::Reflect::get(&nav, &"clipboard".into()) {
        if let Ok(f) = js_sys::Reflect::get(&clip, &"writeText".into()) {
            if let Ok(f) = f.dyn_into::<js_sys::Function>() {
                // The link is shown in the page to copy by hand too (data-share-url): a
                // clipboard the browser refuses loses nothing.
                let _ = f.call1(&clip, &text.into());
            }
        }
    }
}

/// "Share": the view's link on the clipboard and on the page, with or without its data.
#[function_component]
pub fn Share(p: &Props) -> Html {
    let lang = p.lang;
    let with_data = use_state(|| false);
    let url = use_state(String::new);
    let onclick = {
        let (make, with_data, url) = (p.link.clone(), with_data.clone(), url.clone());
        Callback::from(move |_: MouseEvent| {
            let link = link_for(&make.emit(*with_data));
            copy_to_clipboard(&link);
            url.set(link);
        })
    };
    let toggle = {
        let with_data = with_data.clone();
        Callback::from(move |_: Event| with_data.set(!*with_data))
    };
    let n = url.chars().count();
    html! {
        <div class="share">
            <button type="button" data-action="share" {onclick} disabled={p.disabled}>
                {t(lang, K::Share)}
            </button>
            <label class="check"><input type="checkbox" data-control="share-data" checked={*with_data} onchange={toggle} />
                {t(lang, K::IncludeData)}</label>
            if !url.is_empty() {
                <p class="hint">{link_copied(lang, n)}</p>
                <input class="share-url" type="text" readonly=true data-share-url={(*url).clone()} value={(*url).clone()}
                    aria-label={t(lang, K::Share)} />
                if n > LINK_WARN_CHARS {
                    <p class="warn" role="alert" data-link-too-long="true">{link_too_long(lang, n)}</p>
                }
            }
        </div>
    }
}

use yew::prelude::*;

use crate::ui::i18n::{t, K};
use chiso_core::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
}

/// The offline copy: beside the page when hosted, the page itself when it is the copy.
fn offline_href() -> String {
    if crate::ui::release::is_offline_copy() {
        gloo::utils::document()
            .location()
            .and_then(|l| l.href().ok())
            .map(|h| h.split('#').next().unwrap_or_default().to_string())
            .unwrap_or_default()
    } else {
        "chiso-offline.html".to_string()
    }
}

#[function_component]
pub fn Header(p: &Props) -> Html {
    let lang = p.lang;
    let button = |l: Lang, action: &'static str, label: &'static str| {
        let on_lang = p.on_lang.clone();
        html! {
            <button type="button" data-action={action} aria-pressed={(lang == l).to_string()}
                class={classes!("lang", (lang == l).then_some("active"))}
                onclick={Callback::from(move |_| on_lang.emit(l))}>{label}</button>
        }
    };
    html! {
        <header class="top">
            <div class="brand">
                <h1>{t(lang, K::AppTitle)}</h1>
                <p class="tagline">{t(lang, K::Tagline)}</p>
            </div>
            <a class="save-offline" data-action="save-offline" href={offline_href()} download="chiso-offline.html"
                title={t(lang, K::SaveOfflineHint)}>{t(lang, K::SaveOffline)}</a>
            <nav class="langs" aria-label="Ngôn ngữ / Language">
                {button(Lang::Vi, "lang-vi", "Tiếng Việt")}
                {button(Lang::En, "lang-en", "English")}
            </nav>
        </header>
    }
}

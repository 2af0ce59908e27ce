//! Which build the page is, and how a new release reaches a page that is open or cached.
//!
//! Hosted (http/https, not the offline copy), the page registers `sw.js` (assets/sw.js)
//! relative to itself, so the app works from any path (`/chiso/`, `/`) without
//! rebuilding; the worker's scope is its own folder. The worker loads the page from the
//! network first, so the next load after a deploy runs the new release. A new release's
//! worker then waits; the page asks it which release it is (`release`, answered with the
//! id that tools/release.mjs wrote into sw.js and into this page's
//! `<meta name="chiso-release">`):
//! - the page's own release: the page already runs it, the worker is told to take over
//!   (`skip-waiting`) without a word;
//! - another one (the page was opened before the deploy, or from the cache): the page shows
//!   «Có phiên bản mới — tải lại» (`data-action="reload-update"`); pressed, the new worker
//!   takes over and the page reloads into the new release.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::ui::i18n::{t, K};
use chiso_core::Lang;

/// The build's label: `CHISO_BUILD_ID` at compile time, or the crate's version.
pub const BUILD: &str = match option_env!("CHISO_BUILD_ID") {
    Some(id) => id,
    None => env!("CARGO_PKG_VERSION"),
};

/// A page hook: `<body data-build="…">` (the build's label) and `data-release` (the
/// release id of the files served, when the build wrote one).
pub fn mark_build() {
    if let Some(body) = gloo::utils::document().body() {
        crate::ui::dom::set_attr(&body, "data-build", BUILD);
        if let Some(r) = own_release() {
            crate::ui::dom::set_attr(&body, "data-release", &r);
        }
    }
}

/// Is this page the offline copy (its `<meta name="chiso-offline">`)? Looked up once: the
/// header asks at every render, and a query over a page holding a commune-level list
/// (10,600 options) took ~1 ms.
pub fn is_offline_copy() -> bool {
    thread_local! {
        static COPY: bool = gloo::utils::document()
            .query_selector("meta[name=\"chiso-offline\"]")
            .ok()
            .flatten()
            .is_some();
    }
    COPY.with(|c| *c)
}

/// The release id written into this page by tools/release.mjs.
fn own_release() -> Option<String> {
    let doc = gloo::utils::document();
    doc.query_selector("meta[name=\"chiso-release\"]").ok().flatten().and_then(|m| m.get_attribute("content"))
}

/// Registers the service worker when the page is hosted (not from file://, not the offline
/// copy) and watches for new releases.
pub fn register_service_worker() {
    let window = gloo::utils::window();
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "http:" && protocol != "https:" {
        return;
    }
    if is_offline_copy() {
        return;
    }
    // Absent without a secure context (plain http other than localhost).
    let nav = window.navigator();
    if js_sys::Reflect::get(&nav, &"serviceWorker".into()).map_or(true, |v| v.is_undefined()) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        if let Err(e) = watch().await {
            web_sys::console::warn_2(&"Chỉ Số: no service worker:".into(), &e);
        }
    });
}

thread_local! {
    /// The user pressed the update button: reload once the new worker has taken over.
    static RELOADING: Cell<bool> = const { Cell::new(false) };
    static REGISTRATION: RefCell<Option<web_sys::ServiceWorkerRegistration>> = const { RefCell::new(None) };
}

async fn watch() -> Result<(), JsValue> {
    let container = gloo::utils::window().navigator().service_worker();
    let opts = web_sys::RegistrationOptions::new();
    opts.set_scope("./");
    let reg: web_sys::ServiceWorkerRegistration =
        JsFuture::from(container.register_with_options("sw.js", &opts)).await?.unchecked_into();
    REGISTRATION.with(|r| *r.borrow_mut() = Some(reg.clone()));

    // A worker that took over: reload if asked to; otherwise a newer release than the page's
    // (another tab let it take over) is announced.
    let on_change = Closure::<dyn FnMut()>::new(|| {
        if RELOADING.with(Cell::get) {
            crate::ui::dom::reload();
            return;
        }
        if let Some(w) = gloo::utils::window().navigator().service_worker().controller() {
            consider(w, false);
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();

    // A new worker being installed (now, or later while this page runs).
    let on_found = {
        let reg = reg.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(w) = reg.installing() {
                when_installed(w);
            }
        })
    };
    reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
    if let Some(w) = reg.installing() {
        when_installed(w);
    }
    if let Some(w) = reg.waiting() {
        consider(w, true);
    }
    Ok(())
}

/// Considers a worker being installed once it is installed (and waits).
fn when_installed(w: web_sys::ServiceWorker) {
    let on_state = {
        let w = w.clone();
        let mut seen = false;
        Closure::<dyn FnMut()>::new(move || {
            if w.state() == web_sys::ServiceWorkerState::Installed && !seen {
                seen = true;
                consider(w.clone(), true);
            }
        })
    };
    w.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// A worker that waits (`waiting`) or has just taken over: the page's own release goes on
/// silently, another one is announced.
fn consider(worker: web_sys::ServiceWorker, waiting: bool) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(theirs) = ask_release(&worker).await else { return };
        match own_release() {
            Some(mine) if mine != theirs => show_banner(),
            // The same release (or a development build without one).
            _ if waiting => {
                crate::ui::dom::logged(
                    "asking the service worker to take over",
                    worker.post_message(&"skip-waiting".into()),
                );
            }
            _ => {}
        }
    });
}

/// The release a worker serves (None if it does not answer within two seconds: a worker
/// from before releases had ids).
async fn ask_release(worker: &web_sys::ServiceWorker) -> Option<String> {
    let channel = web_sys::MessageChannel::new().ok()?;
    let port = channel.port1();
    let answer = js_sys::Promise::new(&mut |resolve, _| {
        let on_message = Closure::once_into_js(move |e: web_sys::MessageEvent| {
            // Calling a promise's own resolve function does not throw.
            let _ = resolve.call1(&JsValue::NULL, &e.data());
        });
        port.set_onmessage(Some(on_message.unchecked_ref()));
    });
    let late = js_sys::Promise::new(&mut |resolve, _| {
        // Without the timer the race waits for the answer alone, as a worker that answers does.
        let _ = gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 2000);
    });
    worker.post_message_with_transferable(&"release".into(), &js_sys::Array::of1(&channel.port2())).ok()?;
    let got = JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(&answer, &late))).await.ok()?;
    port.close();
    got.as_string()
}

/// Presses on the update button: the waiting worker takes over, then the page reloads
/// (at once if the new worker already runs).
fn apply_update() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
    match waiting {
        Some(w) => {
            RELOADING.with(|r| r.set(true));
            crate::ui::dom::logged("asking the service worker to take over", w.post_message(&"skip-waiting".into()));
            // Should the worker not take over, reload anyway.
            gloo::timers::callback::Timeout::new(3000, crate::ui::dom::reload).forget();
        }
        None => crate::ui::dom::reload(),
    }
}

fn page_lang() -> Lang {
    match gloo::utils::document().document_element().and_then(|e| e.get_attribute("lang")) {
        Some(l) if l == "en" => Lang::En,
        _ => Lang::Vi,
    }
}

/// «Có phiên bản mới — tải lại»: one button at the top of the page (a page hook:
/// `data-action="reload-update"`), in the page's language, following it.
fn show_banner() {
    let doc = gloo::utils::document();
    if doc.query_selector("[data-action=\"reload-update\"]").ok().flatten().is_some() {
        return;
    }
    let (Ok(bar), Ok(button), Some(body)) = (doc.create_element("div"), doc.create_element("button"), doc.body())
    else {
        return;
    };
    bar.set_class_name("update-bar");
    crate::ui::dom::set_attr(&bar, "role", "status");
    crate::ui::dom::set_attr(&button, "type", "button");
    crate::ui::dom::set_attr(&button, "data-action", "reload-update");
    button.set_text_content(Some(t(page_lang(), K::UpdateReload)));
    let on_click = Closure::<dyn FnMut()>::new(apply_update);
    crate::ui::dom::logged(
        "listening to the update button",
        button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref()),
    );
    on_click.forget();
    crate::ui::dom::logged(
        "showing the update banner",
        bar.append_child(&button).and_then(|_| body.prepend_with_node_1(&bar)),
    );
    // The text follows <html lang> (the language buttons set it).
    let on_lang = {
        let button = button.clone();
        Closure::<dyn FnMut()>::new(move || button.set_text_content(Some(t(page_lang(), K::UpdateReload))))
    };
    if let (Ok(observer), Some(root)) =
        (web_sys::MutationObserver::new(on_lang.as_ref().unchecked_ref()), doc.document_element())
    {
        let init = web_sys::MutationObserverInit::new();
        init.set_attributes(true);
        init.set_attribute_filter(&js_sys::Array::of1(&"lang".into()));
        crate::ui::dom::logged("following the page's language", observer.observe_with_options(&root, &init));
    }
    on_lang.forget();
}

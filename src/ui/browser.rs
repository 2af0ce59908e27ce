//! The few things the UI asks of the browser: downloads, reading files, the panic hook.

use std::rc::Rc;

use wasm_bindgen::JsCast;

use crate::ui::i18n::{t, K};
use chiso_core::model::messages::ReadError;
use chiso_core::{ImportOutcome, Lang};

/// Offers bytes as a download with the given file name.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) {
    let Some(doc) = gloo::utils::window().document() else {
        return;
    };
    let parts = js_sys::Array::new();
    parts.push(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(file_name);
            a.click();
        }
    }
    // Revoke later: the download has started by the next turn of the event loop.
    gloo::timers::callback::Timeout::new(10_000, move || {
        crate::ui::dom::logged("freeing a download's URL", web_sys::Url::revoke_object_url(&url));
    })
    .forget();
}

/// Offers CSV text as a download, with a UTF-8 byte-order mark so that Excel opens the
/// Vietnamese text right.
pub fn download_csv(file_name: &str, text: &str) {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(text.as_bytes());
    download(file_name, "text/csv;charset=utf-8", &bytes);
}

/// Reads a dropped or chosen file's bytes; a file that cannot be read gives the outcome
/// to show for it.
pub async fn read_file(file: web_sys::File) -> Result<Rc<Vec<u8>>, Box<ImportOutcome>> {
    let name = file.name();
    let blob = gloo::file::Blob::from(file);
    gloo::file::futures::read_as_bytes(&blob)
        .await
        .map(Rc::new)
        .map_err(|e| Box::new(ImportOutcome::failed(&name, ReadError::Corrupt { detail: e.to_string() })))
}

/// Sets `<html lang>` to follow the UI language.
pub fn set_document_lang(lang: Lang) {
    if let Some(el) = gloo::utils::window().document().and_then(|d| d.document_element()) {
        crate::ui::dom::set_attr(&el, "lang", lang.code());
    }
}

/// A panic shows a clear message in the page (as text) instead of leaving a dead page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let lang = match gloo::utils::document().document_element().and_then(|e| e.get_attribute("lang")) {
            Some(l) if l == "en" => Lang::En,
            _ => Lang::Vi,
        };
        let doc = gloo::utils::document();
        if let Ok(div) = doc.create_element("div") {
            div.set_class_name("fatal");
            div.set_attribute("role", "alert").ok();
            div.set_attribute("data-fatal", "true").ok();
            div.set_text_content(Some(t(lang, K::FatalError)));
            if let Some(body) = doc.body() {
                // Already panicking: nothing more to do if even this fails.
                let _ = body.prepend_with_node_1(&div);
            }
        }
    }));
}

/// Runs `f` in a task of its own, after the tasks already queued (input among them). Long
/// work cut into steps goes through here, not `setTimeout(0)`: the browser makes a timer
/// set from a timer wait at least 4 ms once five are nested, and a file's outcome is
/// decoded and summed up in a chain of steps (a commune-level workbook's: ~90).
pub fn next_task(f: impl FnOnce() + 'static) {
    use std::cell::RefCell;
    use std::collections::VecDeque;
    use wasm_bindgen::closure::Closure;
    type Queue = Rc<RefCell<VecDeque<Box<dyn FnOnce()>>>>;
    thread_local! {
        // A message to one port of a channel is a task on the other's side; each message
        // runs the oldest step waiting.
        static CHANNEL: Option<(web_sys::MessagePort, Queue)> = {
            let channel = web_sys::MessageChannel::new().ok();
            channel.map(|c| {
                let queue: Queue = Rc::default();
                let steps = queue.clone();
                let run = Closure::<dyn FnMut()>::new(move || {
                    let step = steps.borrow_mut().pop_front();
                    if let Some(step) = step {
                        step();
                    }
                });
                c.port2().set_onmessage(Some(run.as_ref().unchecked_ref()));
                run.forget();
                (c.port1(), queue)
            })
        };
    }
    CHANNEL.with(|c| match c {
        Some((port, queue)) => {
            queue.borrow_mut().push_back(Box::new(f));
            if port.post_message(&wasm_bindgen::JsValue::NULL).is_err() {
                if let Some(step) = queue.borrow_mut().pop_back() {
                    gloo::timers::callback::Timeout::new(0, step).forget();
                }
            }
        }
        None => {
            gloo::timers::callback::Timeout::new(0, f).forget();
        }
    });
}

/// Runs `f` when the page is next idle (within [`IDLE_WAIT_MS`] at the latest); where the
/// browser has no idle callbacks, after the next frame.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let window = gloo::utils::window();
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_WAIT_MS);
    if window.request_idle_callback_with_options(f.unchecked_ref(), &options).is_err() {
        let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            // `f` is our own closure: what it throws is a panic, reported by the panic hook.
            let _ = f.unchecked_ref::<js_sys::Function>().call0(&wasm_bindgen::JsValue::NULL);
        });
        crate::ui::dom::logged("waiting for a frame", window.request_animation_frame(after_frame.unchecked_ref()));
    }
}

/// The longest [`when_idle`] waits for the page to be idle.
const IDLE_WAIT_MS: u32 = 300;

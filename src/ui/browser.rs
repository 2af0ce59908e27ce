//! The few things the UI asks of the browser: downloads, reading files, the panic hook.

use std::rc::Rc;

use wasm_bindgen::JsCast;

use crate::ui::i18n::{t, K};
use chiso_core::model::messages::Note;
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
        let _ = web_sys::Url::revoke_object_url(&url);
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
        .map_err(|e| Box::new(ImportOutcome::failed(&name, Note::Corrupt { detail: e.to_string() })))
}

/// Sets `<html lang>` to follow the UI language.
pub fn set_document_lang(lang: Lang) {
    if let Some(el) = gloo::utils::window().document().and_then(|d| d.document_element()) {
        let _ = el.set_attribute("lang", lang.code());
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
                let _ = body.prepend_with_node_1(&div);
            }
        }
    }));
}

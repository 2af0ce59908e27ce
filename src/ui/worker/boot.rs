//! Starting a worker that runs the very same wasm module as the page: the page hands it
//! the module (already compiled: `wasm_bindgen::module()`) and the JS glue (the URL of the
//! glue, `import.meta.url`; in the offline bundle the glue's text), so nothing is fetched
//! again and the offline copy needs no second file.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    type ImportMeta;
    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;
}

/// Started by the page in the worker: loads the glue (from its URL, or from its text in the
/// offline bundle, where a file:// page's blob: URLs cannot be imported by a worker), then
/// the module it is given. A classic worker: module workers cannot start from file://.
const BOOT: &str = "self.onmessage = async (e) => {
  self.onmessage = null;
  const [kind, glue, module] = e.data;
  const url = kind === 'text' ? URL.createObjectURL(new Blob([glue], { type: 'text/javascript' })) : glue;
  const g = await import(url);
  await g.default({ module_or_path: module });
};";

/// Where the offline bundle leaves the glue's text for the worker.
const GLUE_TEXT: &str = "chisoGlueSource";

/// A new worker running the boot script (waiting for [`boot`]).
pub fn new_worker() -> Result<web_sys::Worker, JsValue> {
    let parts = js_sys::Array::of1(&BOOT.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let worker = web_sys::Worker::new(&url);
    let _ = web_sys::Url::revoke_object_url(&url);
    worker
}

/// Hands the worker the glue and the module: it then runs `main`, which serves imports
/// ([`super::serve`]) and says `ready`.
pub fn boot(worker: &web_sys::Worker) -> Result<(), JsValue> {
    let text = js_sys::Reflect::get(&js_sys::global(), &GLUE_TEXT.into())?;
    let (kind, glue): (&str, JsValue) = match text.as_string() {
        Some(t) => ("text", t.into()),
        None => ("url", IMPORT_META.with(ImportMeta::url).into()),
    };
    worker.post_message(&js_sys::Array::of3(&kind.into(), &glue, &wasm_bindgen::module()))
}

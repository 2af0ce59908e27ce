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
  const [kind, glue, module, pdf] = e.data;
  const url = kind === 'text' ? URL.createObjectURL(new Blob([glue], { type: 'text/javascript' })) : glue;
  let reader = null;
  self.chisoPdf = async (bytes, progress) => {
    if (!pdf) throw new Error('no PDF reader in this build');
    reader = reader || (async () => {
      const src = pdf.kind === 'text' ? URL.createObjectURL(new Blob([pdf.glue], { type: 'text/javascript' })) : pdf.glue;
      const m = await import(src);
      let wasm = pdf.wasm;
      if (pdf.kind === 'text') {
        const gz = Uint8Array.from(atob(wasm), (c) => c.charCodeAt(0));
        wasm = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
      }
      await m.default({ module_or_path: wasm });
      return m;
    })();
    try {
      return (await reader).read_pdf(bytes, progress);
    } catch (err) {
      reader = null;
      throw err;
    }
  };
  const g = await import(url);
  await g.default({ module_or_path: module });
};";

/// Where the offline bundle leaves the glue's text for the worker.
const GLUE_TEXT: &str = "chisoGlueSource";
/// Where the offline bundle leaves the PDF reader: its glue's text and its wasm (gzip,
/// base64), for the worker to load when a PDF comes (`chisoPdf` in [`BOOT`]).
const PDF_GLUE_TEXT: &str = "chisoPdfGlueSource";
const PDF_WASM_GZ: &str = "chisoPdfWasmGz";
/// The page's `<meta name="chiso-pdf" content="GLUE WASM">`: the PDF reader's two files,
/// named by their content (tools/ondemand.mjs), beside the page.
const PDF_META: &str = "meta[name=chiso-pdf]";

/// A new worker running the boot script (waiting for [`boot`]).
pub fn new_worker() -> Result<web_sys::Worker, JsValue> {
    let parts = js_sys::Array::of1(&BOOT.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let worker = web_sys::Worker::new(&url);
    // The worker has its script once it is made: the URL is freed at once (a failure to
    // free it only keeps a 1 KB blob until the page closes).
    crate::ui::dom::logged("freeing the worker's script URL", web_sys::Url::revoke_object_url(&url));
    worker
}

/// Hands the worker the glue and the module, and where the PDF reader is: it then runs
/// `main`, which serves imports ([`super::serve`]) and says `ready`.
pub fn boot(worker: &web_sys::Worker) -> Result<(), JsValue> {
    let global = js_sys::global();
    let text = js_sys::Reflect::get(&global, &GLUE_TEXT.into())?;
    let (kind, glue): (&str, JsValue) = match text.as_string() {
        Some(t) => ("text", t.into()),
        None => ("url", IMPORT_META.with(ImportMeta::url).into()),
    };
    let msg = js_sys::Array::of3(&kind.into(), &glue, &wasm_bindgen::module());
    msg.push(&pdf_reader(&global, glue.as_string().filter(|_| kind == "url"))?);
    worker.post_message(&msg)
}

/// The PDF reader's place for [`BOOT`]: `{kind: 'text', glue, wasm}` in the offline bundle,
/// `{kind: 'url', glue, wasm}` (absolute URLs) from the page's meta tag, else `undefined`.
fn pdf_reader(global: &JsValue, glue_url: Option<String>) -> Result<JsValue, JsValue> {
    let place = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&place, &k.into(), v);
    let text = js_sys::Reflect::get(global, &PDF_GLUE_TEXT.into())?;
    if text.is_string() {
        set("kind", &"text".into())?;
        set("glue", &text)?;
        set("wasm", &js_sys::Reflect::get(global, &PDF_WASM_GZ.into())?)?;
        return Ok(place.into());
    }
    let names = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(PDF_META).ok().flatten())
        .and_then(|m| m.get_attribute("content"));
    let (Some(names), Some(base)) = (names, glue_url) else { return Ok(JsValue::UNDEFINED) };
    let mut files = names.split_whitespace();
    let (Some(glue), Some(wasm)) = (files.next(), files.next()) else { return Ok(JsValue::UNDEFINED) };
    set("kind", &"url".into())?;
    set("glue", &web_sys::Url::new_with_base(glue, &base)?.href().into())?;
    set("wasm", &web_sys::Url::new_with_base(wasm, &base)?.href().into())?;
    Ok(place.into())
}

//! Imports run in a Web Worker, so the page stays responsive while a large file is read.
//!
//! The worker runs the very same wasm module as the page: the page hands it the module
//! (already compiled: `wasm_bindgen::module()`) and the URL of the JS glue
//! (`import.meta.url`, a blob: URL in the offline bundle), so nothing is fetched again and
//! the offline copy needs no second file. Started in a worker, `main` serves imports
//! ([`serve`]) instead of starting the app.
//!
//! Page → worker: `[id, request, bytes]` (request = [`wire::encode_request`], the bytes in
//! a transferred buffer). Worker → page: `"ready"`, `[id, fraction]` as it goes,
//! `[id, outcome]` at the end ([`wire::encode`], transferred). Cancelling or a crash of the
//! reader ends the worker; a new one starts and the queue goes on.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::ui::app::{SAMPLE, SAMPLE_NAME};
use chiso_core::model::messages::Note;
use chiso_core::{import_file_progress, wire, ImportOptions, ImportOutcome};

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

/// Whether this code runs in a worker (not in the page).
pub fn in_worker() -> bool {
    js_sys::global().dyn_ref::<web_sys::DedicatedWorkerGlobalScope>().is_some()
}

/// The worker's side: answers import requests, one at a time, reporting progress.
pub fn serve() {
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let data: js_sys::Array = e.data().unchecked_into();
        let id = data.get(0);
        let request = js_sys::Uint8Array::new(&data.get(1)).to_vec();
        let bytes = js_sys::Uint8Array::new(&data.get(2)).to_vec();
        let outcome = match wire::decode_request(&request) {
            Ok((name, options)) => {
                // At most ten progress messages a second.
                let mut last = 0.0;
                import_file_progress(&bytes, &name, &options, &mut |f| {
                    let now = js_sys::Date::now();
                    if now - last >= 100.0 {
                        last = now;
                        let _ = post.post_message(&js_sys::Array::of2(&id, &f.into()));
                    }
                })
            }
            Err(e) => ImportOutcome::failed("?", Note::Corrupt { detail: e.0.to_string() }),
        };
        drop(bytes);
        let out = js_sys::Uint8Array::from(wire::encode(&outcome).as_slice());
        let _ = post.post_message_with_transfer(&js_sys::Array::of2(&id, &out), &js_sys::Array::of1(&out.buffer()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&"ready".into());
    // Warm up: the engine compiles hot code with its optimising tier only after it has
    // run a while, so the first file dropped would be read by slow code. Reading the
    // built-in sample once now (off the page's thread, before anyone drops a file) makes
    // the first real import several times faster (63 × 5 sample: ~90 → ~25 ms).
    let warm = import_file_progress(SAMPLE, SAMPLE_NAME, &ImportOptions::default(), &mut |_| {});
    std::hint::black_box(wire::encode(&warm));
}

/// A page hook: `<body data-importer="worker">` once the import worker is ready (`page`
/// when files are read in the page because no worker could start).
fn mark_importer(how: &str) {
    if let Some(body) = gloo::utils::document().body() {
        let _ = body.set_attribute("data-importer", how);
    }
}

/// What the page hears from the importer.
pub enum Event {
    /// A file is this far (0 to 1).
    Progress(String, f64),
    Done(Box<ImportOutcome>),
}

struct Job {
    id: u32,
    name: String,
    bytes: Rc<Vec<u8>>,
    options: ImportOptions,
}

#[derive(Default)]
struct Inner {
    worker: Option<web_sys::Worker>,
    ready: bool,
    /// Whether a worker has ever said it is ready (if none ever does, imports run in the page).
    worked: bool,
    /// No worker could be started: imports run in the page (still one at a time).
    inline: bool,
    queue: VecDeque<Job>,
    current: Option<Job>,
    next_id: u32,
    listeners: Vec<gloo::events::EventListener>,
    watchdog: Option<gloo::timers::callback::Timeout>,
}

/// How long a new worker may take to say it is ready.
const START_MS: u32 = 4000;

/// The page's side: a queue of files and the worker that reads them.
#[derive(Clone)]
pub struct Importer {
    inner: Rc<RefCell<Inner>>,
    on_event: Callback<Event>,
}

impl PartialEq for Importer {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl Importer {
    /// Starts the worker at once, so that it is ready by the time a file is dropped.
    pub fn new(on_event: Callback<Event>) -> Importer {
        let me = Importer { inner: Rc::default(), on_event };
        me.spawn();
        me
    }

    /// Reads a file (after the ones already waiting).
    pub fn submit(&self, name: String, bytes: Rc<Vec<u8>>, options: ImportOptions) {
        {
            let mut inner = self.inner.borrow_mut();
            inner.next_id += 1;
            let id = inner.next_id;
            inner.queue.push_back(Job { id, name, bytes, options });
        }
        self.pump();
    }

    /// Stops reading a file, whether it is being read or still waits.
    pub fn cancel(&self, name: &str) {
        let cancelled = {
            let mut inner = self.inner.borrow_mut();
            if inner.current.as_ref().is_some_and(|j| j.name == name) {
                inner.current = None;
                self.stop(&mut inner);
                true
            } else {
                let before = inner.queue.len();
                inner.queue.retain(|j| j.name != name);
                inner.queue.len() < before
            }
        };
        if cancelled {
            self.on_event.emit(Event::Done(Box::new(ImportOutcome::failed(name, Note::Cancelled))));
            self.spawn_if_stopped();
            self.pump();
        }
    }

    fn stop(&self, inner: &mut Inner) {
        if let Some(w) = inner.worker.take() {
            w.terminate();
        }
        inner.listeners.clear();
        inner.ready = false;
        if let Some(w) = inner.watchdog.take() {
            w.cancel();
        }
    }

    fn spawn_if_stopped(&self) {
        let stopped = {
            let inner = self.inner.borrow();
            inner.worker.is_none() && !inner.inline
        };
        if stopped {
            self.spawn();
        }
    }

    fn spawn(&self) {
        match self.start_worker() {
            Ok(()) => {}
            Err(e) => {
                web_sys::console::warn_2(&"Chỉ Số: no import worker, reading in the page:".into(), &e);
                self.inner.borrow_mut().inline = true;
            }
        }
    }

    fn start_worker(&self) -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(&BOOT.into());
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type("text/javascript");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let worker = web_sys::Worker::new(&url);
        let _ = web_sys::Url::revoke_object_url(&url);
        let worker = worker?;
        let text = js_sys::Reflect::get(&js_sys::global(), &GLUE_TEXT.into())?;
        let (kind, glue): (&str, JsValue) = match text.as_string() {
            Some(t) => ("text", t.into()),
            None => ("url", IMPORT_META.with(ImportMeta::url).into()),
        };
        let on_message = {
            let me = self.clone();
            gloo::events::EventListener::new(&worker, "message", move |e| {
                let e: &web_sys::MessageEvent = e.unchecked_ref();
                me.on_message(e.data());
            })
        };
        let on_error = {
            let me = self.clone();
            gloo::events::EventListener::new(&worker, "error", move |e| {
                e.prevent_default();
                me.on_crash();
            })
        };
        worker.post_message(&js_sys::Array::of3(&kind.into(), &glue, &wasm_bindgen::module()))?;
        // A worker that never says it is ready (a page that cannot run one) is given up:
        // files are then read in the page.
        let me = self.clone();
        let watchdog = gloo::timers::callback::Timeout::new(START_MS, move || {
            let mut inner = me.inner.borrow_mut();
            // This very timer: not dropped while it runs.
            if let Some(w) = inner.watchdog.take() {
                w.forget();
            }
            if !inner.ready && inner.worker.is_some() {
                web_sys::console::warn_1(&"Chỉ Số: the import worker did not start; reading in the page".into());
                me.stop(&mut inner);
                inner.inline = true;
                mark_importer("page");
                drop(inner);
                me.pump();
            }
        });
        let mut inner = self.inner.borrow_mut();
        inner.listeners = vec![on_message, on_error];
        inner.worker = Some(worker);
        inner.ready = false;
        inner.watchdog = Some(watchdog);
        Ok(())
    }

    fn on_message(&self, data: JsValue) {
        if data.as_string().as_deref() == Some("ready") {
            mark_importer("worker");
            let mut inner = self.inner.borrow_mut();
            inner.ready = true;
            inner.worked = true;
            if let Some(w) = inner.watchdog.take() {
                w.cancel();
            }
            drop(inner);
            self.pump();
            return;
        }
        let Some(data) = data.dyn_ref::<js_sys::Array>() else { return };
        let id = data.get(0).as_f64().unwrap_or(-1.0) as u32;
        let payload = data.get(1);
        let name = match self.inner.borrow().current.as_ref() {
            Some(j) if j.id == id => j.name.clone(),
            // A message about a job since cancelled.
            _ => return,
        };
        if let Some(f) = payload.as_f64() {
            self.on_event.emit(Event::Progress(name, f));
            return;
        }
        let bytes = js_sys::Uint8Array::new(&payload).to_vec();
        let outcome = wire::decode(&bytes)
            .unwrap_or_else(|e| ImportOutcome::failed(&name, Note::Corrupt { detail: e.0.to_string() }));
        self.inner.borrow_mut().current = None;
        self.pump();
        // Handed on in a task of its own: decoding and showing are two short tasks.
        let on_event = self.on_event.clone();
        gloo::timers::callback::Timeout::new(0, move || on_event.emit(Event::Done(Box::new(outcome)))).forget();
    }

    /// The reader died (a wasm trap on some input): that file fails, the others go on.
    fn on_crash(&self) {
        let job = {
            let mut inner = self.inner.borrow_mut();
            let job = inner.current.take();
            self.stop(&mut inner);
            if !inner.worked {
                // The worker cannot even start here: read in the page from now on.
                web_sys::console::warn_1(&"Chỉ Số: the import worker did not start; reading in the page".into());
                inner.inline = true;
                mark_importer("page");
            }
            job
        };
        if let Some(job) = job {
            self.on_event.emit(Event::Done(Box::new(ImportOutcome::failed(&job.name, Note::ReaderFailed))));
        }
        self.spawn_if_stopped();
        self.pump();
    }

    /// Sends the next file to the worker when it is free.
    fn pump(&self) {
        let mut inner = self.inner.borrow_mut();
        if inner.current.is_some() {
            return;
        }
        if inner.inline {
            let Some(job) = inner.queue.pop_front() else { return };
            drop(inner);
            // Let the page paint "loading" first.
            let me = self.clone();
            gloo::timers::callback::Timeout::new(0, move || {
                let o = import_file_progress(&job.bytes, &job.name, &job.options, &mut |_| {});
                me.on_event.emit(Event::Done(Box::new(o)));
                me.pump();
            })
            .forget();
            return;
        }
        if !inner.ready {
            return;
        }
        let Some(job) = inner.queue.pop_front() else { return };
        let request = js_sys::Uint8Array::from(wire::encode_request(&job.name, &job.options).as_slice());
        let bytes = js_sys::Uint8Array::from(job.bytes.as_slice());
        let msg = js_sys::Array::of3(&job.id.into(), &request, &bytes);
        let transfer = js_sys::Array::of1(&bytes.buffer());
        let sent = inner.worker.as_ref().map(|w| w.post_message_with_transfer(&msg, &transfer));
        match sent {
            Some(Ok(())) => inner.current = Some(job),
            _ => {
                drop(inner);
                self.on_event.emit(Event::Done(Box::new(ImportOutcome::failed(&job.name, Note::ReaderFailed))));
            }
        }
    }
}

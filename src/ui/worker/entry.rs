//! The worker's side: started in a worker, `main` serves import requests here instead of
//! starting the app, one at a time, reporting progress.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Observations in a part of an outcome: the page decodes a part in a task of its own, and
/// 50,000 rows take it a few milliseconds (a commune-level workbook has 2.1 million).
const PART_ROWS: usize = 50_000;

/// Readings of the sample when the worker starts, a task each (see the end of [`serve`]).
const WARM_UPS: usize = 1;
/// After them, how long until the worker reads the sample as a long table (see
/// [`warm_up_long`]): read at once, the engine's optimising compiler, busy with its code,
/// slowed a file dropped just after the page loaded (figures: bench/RESULTS.md, «Warm-up»).
const LONG_WARM_UP_MS: u32 = 1500;
/// Then the readings again, wide and long, this many times, a task each: the engine
/// optimises a function only once it has run a while, and one reading of a 63 × 5 sample is
/// not a while (bench/RESULTS.md, «Warm-up»).
const LATER_WARM_UPS: usize = 12;

use super::protocol::{JobId, Reply, Request};
use crate::ui::sample::{SAMPLE, SAMPLE_NAME};
use chiso_core::model::messages::ReadError;
use chiso_core::read::handoff;
use chiso_core::{import_file_owned, import_file_progress, import_grids, wire, ImportOptions, ImportOutcome};

/// Whether this code runs in a worker (not in the page).
pub fn in_worker() -> bool {
    js_sys::global().dyn_ref::<web_sys::DedicatedWorkerGlobalScope>().is_some()
}

/// Answers the page's requests until the page ends the worker.
pub fn serve() {
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = scope.clone();
    let busy = Rc::new(Cell::new(false));
    let came = busy.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        came.set(true);
        let (job, outcome) = match Request::read(&e.data()) {
            Ok(Request::Import { job, name, options, bytes }) => {
                // The worker's own copy of the file, freed once its sheets are read.
                let bytes = Rc::try_unwrap(bytes).unwrap_or_else(|shared| shared.to_vec());
                if handoff::is_pdf(&bytes) {
                    wasm_bindgen_futures::spawn_local(import_pdf(job, name, options, bytes, post.clone()));
                    return;
                }
                let outcome = import_file_owned(bytes, &name, &options, &mut throttled(job, &post, 0.0, 1.0));
                (job, outcome)
            }
            Err((Some(job), detail)) => (job, ImportOutcome::failed("?", ReadError::Corrupt { detail })),
            Err((None, detail)) => {
                web_sys::console::warn_2(
                    &"Chỉ Số: the import worker got a message it cannot read:".into(),
                    &detail.into(),
                );
                return;
            }
        };
        finish(job, outcome, &post);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    if let Err(e) = Reply::Ready.post(&scope) {
        // Without `ready` the page gives this worker up after its start-up time and reads
        // files itself (importer.rs, `on_slow_start`): nothing more to do here.
        web_sys::console::warn_2(&"Chỉ Số: the import worker could not say it is ready:".into(), &e);
    }
    // Warm up: the engine compiles hot code with its optimising tier only after it has
    // run a while, so the first file dropped would be read by slow code. Reading the
    // built-in sample now (off the page's thread, before anyone drops a file) makes the
    // first real import faster; more readings made a file dropped just after the page
    // loaded wait for them: one it is, and none once a file has come (bench/RESULTS.md,
    // «Warm-up»).
    warm_up(WARM_UPS, busy);
}

/// Progress of a job, as a share `from..to` of it, posted at most ten times a second.
fn throttled(job: JobId, post: &web_sys::DedicatedWorkerGlobalScope, from: f64, to: f64) -> impl FnMut(f64) {
    let post = post.clone();
    let mut last = 0.0;
    move |fraction| {
        let now = js_sys::Date::now();
        if now - last >= 100.0 {
            last = now;
            // A lost progress message only leaves the bar where it was: the next one, or
            // the outcome, moves it on.
            let _ = Reply::Progress { job, fraction: from + fraction * (to - from) }.post(&post);
        }
    }
}

/// Sends a job's outcome to the page, in parts. An outcome that cannot be sent (a buffer
/// the browser refuses to copy, say) is replaced by one that says so; if even that cannot
/// be sent, the worker throws: the page hears of it as the reader's crash (its `error`
/// event), so the job ends as failed and a new worker takes the queue on — a job is never
/// left waiting.
fn finish(job: JobId, outcome: ImportOutcome, post: &web_sys::DedicatedWorkerGlobalScope) {
    let file = outcome.report.file.clone();
    let Err(e) = send(job, &outcome, post) else { return };
    drop(outcome);
    web_sys::console::error_2(&"Chỉ Số: the import worker could not send its outcome:".into(), &e);
    let detail = "the outcome could not be handed to the page".to_string();
    if send(job, &ImportOutcome::failed(&file, ReadError::Corrupt { detail }), post).is_err() {
        wasm_bindgen::throw_str("Chỉ Số: the import worker cannot send anything to the page");
    }
}

fn send(job: JobId, outcome: &ImportOutcome, post: &web_sys::DedicatedWorkerGlobalScope) -> Result<(), JsValue> {
    let mut parts = Vec::new();
    wire::encode_parts_each(outcome, PART_ROWS, &mut |p| parts.push(js_sys::Uint8Array::from(p.as_slice())));
    Reply::Done { job, parts }.post(post)
}

/// A PDF: its tables read by the on-demand reader (the first half of the bar), then
/// imported as a workbook's sheets are.
async fn import_pdf(
    job: JobId,
    name: String,
    options: ImportOptions,
    bytes: Vec<u8>,
    post: web_sys::DedicatedWorkerGlobalScope,
) {
    let tables = super::pdf::read(bytes, Box::new(throttled(job, &post, 0.0, 0.5))).await;
    let outcome = match tables {
        Ok(grids) => import_grids(grids, &name, &options, &mut throttled(job, &post, 0.5, 1.0)),
        Err(note) => ImportOutcome::failed(&name, note),
    };
    finish(job, outcome, &post);
}

/// Reads the sample `left` more times, a task each, unless a file has come (`busy`); then,
/// [`LONG_WARM_UP_MS`] later, the last reading as a long table.
fn warm_up(left: usize, busy: Rc<Cell<bool>>) {
    if left == 0 || busy.get() {
        return;
    }
    let warm = read_for_warmth(SAMPLE, SAMPLE_NAME);
    if left > 1 {
        gloo::timers::callback::Timeout::new(0, move || warm_up(left - 1, busy)).forget();
        return;
    }
    // The page's own CSV export of it: a row per unit, period and indicator.
    let mut catalog = chiso_core::Catalog::default();
    catalog.add(warm);
    let csv = chiso_core::export::tidy_csv(&catalog);
    gloo::timers::callback::Timeout::new(LONG_WARM_UP_MS, move || warm_up_long(Rc::new(csv), busy, LATER_WARM_UPS))
        .forget();
}

/// Reads the sample as a long table, unless a file has come, then (`left` more times,
/// a task each) the sample as it is and as a long table again: the sample is a wide table,
/// and a long one goes through other code (bench/RESULTS.md, «Warm-up»).
fn warm_up_long(csv: Rc<String>, busy: Rc<Cell<bool>>, left: usize) {
    if busy.get() {
        return;
    }
    read_for_warmth(csv.as_bytes(), "chiso-mau.csv");
    if left > 0 {
        // The wide sample, then the long one again, each in a task of its own, so that a
        // file coming meanwhile waits for one reading at most.
        gloo::timers::callback::Timeout::new(0, move || {
            if busy.get() {
                return;
            }
            read_for_warmth(SAMPLE, SAMPLE_NAME);
            gloo::timers::callback::Timeout::new(0, move || warm_up_long(csv, busy, left - 1)).forget();
        })
        .forget();
    }
}

/// Reads a file as an import does, encoding its outcome for the page too, and returns it.
fn read_for_warmth(bytes: &[u8], name: &str) -> ImportOutcome {
    let outcome = import_file_progress(bytes, name, &ImportOptions::default(), &mut |_| {});
    std::hint::black_box(wire::encode_parts(&outcome, PART_ROWS));
    outcome
}

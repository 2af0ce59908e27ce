//! The page's side: the [`Queue`] of files, and the worker that reads them (started with
//! the page, started again after a cancel or a crash). Whoever uses it hears of each job
//! through the callback it gives (an [`Event`]); this module knows nothing of the app.

use std::cell::RefCell;
use std::rc::Rc;

/// Observations summed up in one task (~10 ms of the page's time).
const SUM_ROWS: usize = 250_000;

/// An outcome this large (a commune-level workbook's is 35 MB) retires the worker that
/// read it: its wasm memory grew to hundreds of MB and would stay so.
const RETIRE_AFTER_BYTES: usize = 8 << 20;
/// After a retired worker, how long until the next one starts when no file waits.
const RESTART_MS: u32 = 3000;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

use super::boot;
use super::hook::Reader;
use super::protocol::{JobId, Part, Reply, Request};
use super::queue::{Job, Queue, State};
use crate::ui::browser::next_task;
use chiso_core::model::messages::ReadError;
use chiso_core::model::prepare::Preparation;
use chiso_core::{import_file_progress, wire, ImportOptions, ImportOutcome};

/// What the page hears from the importer.
pub enum Event {
    /// The job reading `file` is this far (0 to 1).
    Progress { job: JobId, file: String, fraction: f64 },
    /// The job has ended: read, failed or cancelled (once per job).
    Done { job: JobId, outcome: Box<ImportOutcome> },
}

/// How long a new worker may take to say it is ready.
const START_MS: u32 = 4000;

/// A started worker, with its listeners and (until it is ready) its start timer; ended
/// when dropped.
struct Spawned {
    worker: web_sys::Worker,
    _listeners: [EventListener; 2],
    watchdog: Option<Timeout>,
}

impl Drop for Spawned {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// The page's handle on the import queue (cheap to clone: one queue).
#[derive(Clone)]
pub struct Importer {
    queue: Rc<RefCell<Queue<Spawned>>>,
    on_event: Callback<Event>,
}

impl PartialEq for Importer {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.queue, &other.queue)
    }
}

impl Importer {
    /// Starts the worker at once, so that it is ready by the time a file is dropped.
    pub fn new(on_event: Callback<Event>) -> Importer {
        let me = Importer { queue: Rc::default(), on_event };
        me.start(true);
        me
    }

    /// Reads a file (after the ones already waiting).
    pub fn submit(&self, name: String, bytes: Rc<Vec<u8>>, options: ImportOptions) -> JobId {
        let job = self.queue.borrow_mut().submit(name, bytes, options);
        // (After a large file the next worker may not have been started yet.)
        self.start_if_stopped();
        self.pump();
        job
    }

    /// Stops a job, whether it is being read or still waits; a job already ended is left
    /// alone. A cancelled job ends with [`ReadError::Cancelled`].
    pub fn cancel(&self, job: JobId) {
        let Some(cancelled) = self.queue.borrow_mut().cancel(job) else { return };
        // Its worker, if it was reading it, ends here.
        drop(cancelled.stopped);
        let file = cancelled.job.name;
        self.emit_done(job, ImportOutcome::failed(&file, ReadError::Cancelled));
        self.start_if_stopped();
        self.pump();
    }

    /// Stops reading a file (the page's `cancel-import` names the file): the job reading
    /// it, else the jobs waiting for it.
    pub fn cancel_file(&self, file: &str) {
        let jobs = self.queue.borrow().jobs_of(file);
        for job in jobs {
            self.cancel(job);
        }
    }

    /// Adds the next part of an outcome in a task of its own; then sums up its data sets in
    /// another, and hands it on.
    fn assemble(&self, job: JobId, name: String, mut p: wire::Parts, mut rest: std::vec::IntoIter<Part>) {
        let me = self.clone();
        next_task(move || match rest.next() {
            Some(part) => match p.add(&part.to_vec()) {
                Ok(()) => me.assemble(job, name, p, rest),
                Err(e) => me.emit_done(job, ImportOutcome::failed(&name, ReadError::Corrupt { detail: e.to_string() })),
            },
            None => match p.finish() {
                Ok(outcome) => me.prepare(job, outcome, Preparation::default()),
                Err(e) => me.emit_done(job, ImportOutcome::failed(&name, ReadError::Corrupt { detail: e.to_string() })),
            },
        });
    }

    /// Makes the outcome's data sets ready for the page, a step of the core's
    /// [`Preparation`] a task (`SUM_ROWS` observations summed up at most); then hands it on.
    fn prepare(&self, job: JobId, outcome: ImportOutcome, mut steps: Preparation) {
        let me = self.clone();
        next_task(move || {
            if steps.step(&outcome.datasets, SUM_ROWS) {
                me.prepare(job, outcome, steps);
            } else {
                me.emit_done(job, outcome);
            }
        });
    }

    fn emit_done(&self, job: JobId, outcome: ImportOutcome) {
        self.on_event.emit(Event::Done { job, outcome: Box::new(outcome) });
    }

    /// Starts a worker (in the page's queue, which has none); reads in the page when none
    /// can be started.
    fn start(&self, first: bool) {
        match self.spawn() {
            Ok(worker) => self.queue.borrow_mut().started(worker, first),
            Err(e) => {
                web_sys::console::warn_2(&"Chỉ Số: no import worker, reading in the page:".into(), &e);
                // The queue had no worker to give back (none could be made): dropped unseen.
                drop(self.queue.borrow_mut().give_up());
                Reader::Page.mark();
            }
        }
    }

    fn start_if_stopped(&self) {
        let stopped = matches!(self.queue.borrow().state(), State::Stopped);
        if stopped {
            self.start(false);
        }
    }

    fn spawn(&self) -> Result<Spawned, JsValue> {
        let worker = boot::new_worker()?;
        let on_message = {
            let me = self.clone();
            EventListener::new(&worker, "message", move |e| {
                let e: &web_sys::MessageEvent = e.unchecked_ref();
                if let Some(reply) = Reply::read(&e.data()) {
                    me.on_reply(reply);
                }
            })
        };
        let on_error = {
            let me = self.clone();
            EventListener::new(&worker, "error", move |e| {
                e.prevent_default();
                me.on_crash();
            })
        };
        let mut spawned = Spawned { worker, _listeners: [on_message, on_error], watchdog: None };
        boot::boot(&spawned.worker)?;
        let me = self.clone();
        spawned.watchdog = Some(Timeout::new(START_MS, move || me.on_slow_start()));
        Ok(spawned)
    }

    /// A worker that never says it is ready (a page that cannot run one) is given up: files
    /// are then read in the page.
    fn on_slow_start(&self) {
        let given_up = {
            let mut queue = self.queue.borrow_mut();
            if !matches!(queue.state(), State::Starting { .. }) {
                return;
            }
            queue.give_up()
        };
        if let Some(mut spawned) = given_up {
            // This very timer: not dropped while it runs.
            if let Some(t) = spawned.watchdog.take() {
                t.forget();
            }
        }
        web_sys::console::warn_1(&"Chỉ Số: the import worker did not start; reading in the page".into());
        Reader::Page.mark();
        self.pump();
    }

    fn on_reply(&self, reply: Reply) {
        match reply {
            Reply::Ready => {
                // Its start timer is no longer needed.
                let ready = self.queue.borrow_mut().ready().map(|w| w.watchdog = None).is_some();
                if !ready {
                    return;
                }
                Reader::Worker.mark();
                self.pump();
            }
            Reply::Progress { job, fraction } => {
                // Progress of a job since cancelled is dropped.
                let Some(file) = self.queue.borrow().reading(job).map(|j| j.name.clone()) else { return };
                self.on_event.emit(Event::Progress { job, file, fraction });
            }
            Reply::Done { job, parts } => {
                // The outcome of a job since cancelled is dropped.
                let Some(done) = self.queue.borrow_mut().done(job) else { return };
                let all: usize = parts.iter().map(|p| p.length() as usize).sum();
                // After a large file, a fresh worker (the old one keeps the memory it grew to).
                if all > RETIRE_AFTER_BYTES && self.queue.borrow_mut().retire().is_some() {
                    // The old worker's memory goes only once it has ended: a new one starts
                    // at once if files wait, else after this outcome is shown (a new wasm
                    // instance beside the ended one and the page's decoding made the tab's
                    // peak; a file dropped meanwhile starts it, see `submit`).
                    if self.queue.borrow().has_waiting() {
                        self.start_if_stopped();
                    } else {
                        let me = self.clone();
                        Timeout::new(RESTART_MS, move || me.start_if_stopped()).forget();
                    }
                }
                self.pump();
                // Decoding (a part per task), summing up each data set (its periods, units,
                // slices: kept with it) and showing are tasks of their own, each short enough
                // to leave the page free.
                let mut parts = parts.into_iter();
                let head = parts.next().map(|p| p.to_vec()).unwrap_or_default();
                let me = self.clone();
                let name = done.name;
                match wire::Parts::start(&head, all) {
                    Ok(p) => me.assemble(job, name, p, parts),
                    Err(e) => {
                        me.emit_done(job, ImportOutcome::failed(&name, ReadError::Corrupt { detail: e.to_string() }))
                    }
                }
            }
        }
    }

    /// The reader died (a wasm trap on some input): that file fails, the others go on.
    fn on_crash(&self) {
        let crash = self.queue.borrow_mut().crashed();
        let Some(dead) = crash.worker else { return };
        drop(dead);
        if crash.in_page {
            // The worker cannot even start here: read in the page from now on.
            web_sys::console::warn_1(&"Chỉ Số: the import worker did not start; reading in the page".into());
            Reader::Page.mark();
        }
        if let Some(job) = crash.job {
            self.emit_done(job.id, ImportOutcome::failed(&job.name, ReadError::ReaderFailed));
        }
        self.start_if_stopped();
        self.pump();
    }

    /// Hands the next file to the reader when it is free.
    fn pump(&self) {
        let mut queue = self.queue.borrow_mut();
        if !queue.take_next() {
            return;
        }
        let (job, sent) = match queue.state() {
            State::Running { worker, job } => {
                let request = Request::Import {
                    job: job.id,
                    name: job.name.clone(),
                    options: job.options.clone(),
                    bytes: job.bytes.clone(),
                };
                (job.id, request.post(&worker.worker))
            }
            State::InPage { reading: Some(job) } => {
                let job = job.clone();
                drop(queue);
                // Let the page paint "loading" first.
                let me = self.clone();
                Timeout::new(0, move || me.read_in_page(job)).forget();
                return;
            }
            _ => return,
        };
        if sent.is_err() {
            let failed = queue.done(job);
            drop(queue);
            if let Some(j) = failed {
                self.emit_done(job, ImportOutcome::failed(&j.name, ReadError::ReaderFailed));
            }
            self.pump();
        }
    }

    /// Reads a file in the page (no worker here), unless it was cancelled meanwhile.
    fn read_in_page(&self, job: Job) {
        if self.queue.borrow().reading(job.id).is_none() {
            return;
        }
        // The PDF reader is loaded by the import worker, which this page could not start.
        let outcome = if chiso_core::read::handoff::is_pdf(&job.bytes) {
            let detail = "no import worker in this page".to_string();
            ImportOutcome::failed(&job.name, ReadError::ReaderUnavailable { detail })
        } else {
            import_file_progress(&job.bytes, &job.name, &job.options, &mut |_| {})
        };
        if self.queue.borrow_mut().done(job.id).is_some() {
            self.emit_done(job.id, outcome);
        }
        self.pump();
    }
}

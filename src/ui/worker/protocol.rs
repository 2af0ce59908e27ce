//! The messages between the page and the import worker. Every request carries the job
//! number the page gave it, and every answer about a job carries it back, so that the page
//! can drop answers about a job it no longer waits for (one cancelled, or read by a worker
//! since stopped).
//!
//! In JS, a message is an array whose first element names its kind:
//! - page → worker: `["import", job, request, bytes]` (request = [`wire::encode_request`],
//!   the file's bytes in a transferred buffer);
//! - worker → page: `["ready"]` once it serves, `["progress", job, fraction]` as it reads,
//!   `["done", job, parts]` at the end ([`wire::encode_parts_each`], transferred).
//!
//! [`wire::encode_request`]: chiso_core::wire::encode_request
//! [`wire::encode_parts_each`]: chiso_core::wire::encode_parts_each

use std::rc::Rc;

use chiso_core::ImportOptions;

/// A job's number, given by the page when a file is submitted (never reused in a page).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct JobId(pub u32);

/// Page → worker.
pub enum Request {
    /// Read a file with the user's corrections.
    Import { job: JobId, name: String, options: ImportOptions, bytes: Rc<Vec<u8>> },
}

/// Worker → page.
pub enum Reply {
    /// The worker is ready for requests.
    Ready,
    /// The job is this far (0 to 1).
    Progress { job: JobId, fraction: f64 },
    /// The job's outcome in parts as [`chiso_core::wire::encode_parts_each`] wrote them
    /// (decoded by the page, a part per task, only if it still waits for the job). The parts
    /// stay in JS buffers until decoded: only one at a time is copied into wasm memory.
    Done { job: JobId, parts: Vec<Part> },
}

/// A part of an outcome, as it travels: a JS buffer (natively, for tests, bytes).
#[cfg(target_arch = "wasm32")]
pub type Part = js_sys::Uint8Array;
#[cfg(not(target_arch = "wasm32"))]
pub type Part = Vec<u8>;

#[cfg(target_arch = "wasm32")]
mod js {
    use std::rc::Rc;

    use js_sys::{Array, Uint8Array};

    use wasm_bindgen::{JsCast, JsValue};

    use super::{JobId, Reply, Request};
    use chiso_core::wire;

    /// The bytes a message holds, as a view: `new Uint8Array(x)` of a typed array copies it
    /// (35 MB of parts for a commune-level workbook, 20 ms of the page's time); of a
    /// buffer it is a view.
    fn bytes_of(v: JsValue) -> Uint8Array {
        v.dyn_into::<Uint8Array>().unwrap_or_else(|v| Uint8Array::new(&v))
    }

    impl JobId {
        fn read(v: &JsValue) -> Option<JobId> {
            let n = v.as_f64()?;
            (n >= 0.0 && n <= f64::from(u32::MAX) && n.fract() == 0.0).then_some(JobId(n as u32))
        }
    }

    impl From<JobId> for JsValue {
        fn from(j: JobId) -> JsValue {
            j.0.into()
        }
    }

    fn kind(data: &JsValue) -> Option<(Array, String)> {
        let data = data.dyn_ref::<Array>()?.clone();
        let kind = data.get(0).as_string()?;
        Some((data, kind))
    }

    impl Request {
        /// Sends the request (the file's bytes copied once, into a buffer handed over).
        pub fn post(&self, to: &web_sys::Worker) -> Result<(), JsValue> {
            match self {
                Request::Import { job, name, options, bytes } => {
                    let request = Uint8Array::from(wire::encode_request(name, options).as_slice());
                    let bytes = Uint8Array::from(bytes.as_slice());
                    let msg = Array::of4(&"import".into(), &(*job).into(), &request, &bytes);
                    to.post_message_with_transfer(&msg, &Array::of1(&bytes.buffer()))
                }
            }
        }

        /// Reads a request in the worker. Err: the job it was about (if that much could be
        /// read) and why it could not be read.
        pub fn read(data: &JsValue) -> Result<Request, (Option<JobId>, String)> {
            let Some((data, kind)) = kind(data) else { return Err((None, "not a request".into())) };
            let job = JobId::read(&data.get(1));
            match kind.as_str() {
                "import" => {
                    let job = job.ok_or((None, "no job number".to_string()))?;
                    let request = bytes_of(data.get(2)).to_vec();
                    let (name, options) = wire::decode_request(&request).map_err(|e| (Some(job), e.to_string()))?;
                    let bytes = Rc::new(bytes_of(data.get(3)).to_vec());
                    Ok(Request::Import { job, name, options, bytes })
                }
                other => Err((job, format!("unknown request «{other}»"))),
            }
        }
    }

    impl Reply {
        /// Sends the reply from the worker (an outcome's buffer handed over, not copied).
        pub fn post(&self, scope: &web_sys::DedicatedWorkerGlobalScope) -> Result<(), JsValue> {
            match self {
                Reply::Ready => scope.post_message(&Array::of1(&"ready".into())),
                Reply::Progress { job, fraction } => {
                    scope.post_message(&Array::of3(&"progress".into(), &(*job).into(), &(*fraction).into()))
                }
                Reply::Done { job, parts } => {
                    let (list, buffers) = (Array::new(), Array::new());
                    for p in parts {
                        buffers.push(&p.buffer());
                        list.push(p);
                    }
                    let msg = Array::of3(&"done".into(), &(*job).into(), &list);
                    scope.post_message_with_transfer(&msg, &buffers)
                }
            }
        }

        /// Reads a reply in the page (None: not one of ours).
        pub fn read(data: &JsValue) -> Option<Reply> {
            let (data, kind) = kind(data)?;
            match kind.as_str() {
                "ready" => Some(Reply::Ready),
                "progress" => {
                    Some(Reply::Progress { job: JobId::read(&data.get(1))?, fraction: data.get(2).as_f64()? })
                }
                "done" => Some(Reply::Done {
                    job: JobId::read(&data.get(1))?,
                    parts: Array::from(&data.get(2)).iter().map(bytes_of).collect(),
                }),
                _ => None,
            }
        }
    }
}

//! The page's import queue as plain data: the files waiting, and one [`State`] saying who
//! reads (a worker, or the page itself) and what. No browser in here: the [`Importer`]
//! drives it (starts workers, posts, emits), so its rules are tested natively.
//!
//! Every job ends exactly once: read, cancelled or failed. A cancel or an answer for a job
//! that is no longer waiting or being read (a stale one) changes nothing.
//!
//! [`Importer`]: super::Importer

use std::collections::VecDeque;
use std::rc::Rc;

use super::protocol::JobId;
use chiso_core::ImportOptions;

/// A file to read.
#[derive(Clone, Debug)]
pub struct Job {
    pub id: JobId,
    pub name: String,
    pub bytes: Rc<Vec<u8>>,
    pub options: ImportOptions,
}

/// Who reads the files, and what is being read. `W` is a started worker (ended when
/// dropped).
#[derive(Debug)]
pub enum State<W> {
    /// No worker, none starting: the last one was stopped (a cancel) or died; the next is
    /// started at once.
    Stopped,
    /// A worker was started and has not said it is ready yet. `first`: no worker has been
    /// ready in this page yet (if this one dies, the files are read in the page).
    Starting { worker: W, first: bool },
    /// The worker is ready and reads nothing.
    Idle { worker: W },
    /// The worker reads `job`.
    Running { worker: W, job: Job },
    /// No worker runs here: the page reads the files itself, one at a time (`reading`: the
    /// one whose reading is under way or about to start).
    InPage { reading: Option<Job> },
}

/// A job cancelled, and the worker stopped for it (if it was reading it).
pub struct Cancelled<W> {
    pub job: Job,
    pub stopped: Option<W>,
}

/// What a worker's death ended.
pub struct Crash<W> {
    /// The job it was reading (it fails).
    pub job: Option<Job>,
    /// The dead worker (None: the death was not of a worker of ours: nothing changed).
    pub worker: Option<W>,
    /// The files are read in the page from now on (the first worker died before it was ready).
    pub in_page: bool,
}

pub struct Queue<W> {
    state: State<W>,
    waiting: VecDeque<Job>,
    last: u32,
}

impl<W> Default for Queue<W> {
    fn default() -> Self {
        Queue { state: State::Stopped, waiting: VecDeque::new(), last: 0 }
    }
}

impl<W> Queue<W> {
    pub fn state(&self) -> &State<W> {
        &self.state
    }

    /// Queues a file (after the ones already waiting).
    pub fn submit(&mut self, name: String, bytes: Rc<Vec<u8>>, options: ImportOptions) -> JobId {
        self.last += 1;
        let id = JobId(self.last);
        self.waiting.push_back(Job { id, name, bytes, options });
        id
    }

    /// Are files waiting to be read?
    pub fn has_waiting(&self) -> bool {
        !self.waiting.is_empty()
    }

    /// A worker was started (in place of none).
    pub fn started(&mut self, worker: W, first: bool) {
        self.state = State::Starting { worker, first };
    }

    /// The worker said it is ready: it is returned (None, and nothing changes, unless one was starting).
    pub fn ready(&mut self) -> Option<&mut W> {
        match std::mem::replace(&mut self.state, State::Stopped) {
            State::Starting { worker, .. } => self.state = State::Idle { worker },
            other => {
                self.state = other;
                return None;
            }
        }
        match &mut self.state {
            State::Idle { worker } => Some(worker),
            _ => None,
        }
    }

    /// No worker can run here (none could be started, or the one starting never said it
    /// was ready): the page reads the files from now on. Returns the worker given up.
    /// Only with no worker or one starting; otherwise nothing changes.
    pub fn give_up(&mut self) -> Option<W> {
        match std::mem::replace(&mut self.state, State::InPage { reading: None }) {
            State::Starting { worker, .. } => Some(worker),
            State::Stopped => None,
            other => {
                self.state = other;
                None
            }
        }
    }

    /// Takes the next waiting file when the reader is free (ready and reading nothing):
    /// the state is then `Running` (to be posted) or `InPage` with it in `reading`.
    pub fn take_next(&mut self) -> bool {
        if !matches!(self.state, State::Idle { .. } | State::InPage { reading: None }) {
            return false;
        }
        let Some(job) = self.waiting.pop_front() else { return false };
        self.state = match std::mem::replace(&mut self.state, State::Stopped) {
            State::Idle { worker } => State::Running { worker, job },
            _ => State::InPage { reading: Some(job) },
        };
        true
    }

    /// The job being read (by the worker or the page), if it is `job`.
    pub fn reading(&self, job: JobId) -> Option<&Job> {
        self.current().filter(|j| j.id == job)
    }

    fn current(&self) -> Option<&Job> {
        match &self.state {
            State::Running { job, .. } | State::InPage { reading: Some(job) } => Some(job),
            _ => None,
        }
    }

    /// `job` has been read: the job, and the reader is free. None for a job no longer
    /// being read (cancelled meanwhile): its outcome is dropped.
    pub fn done(&mut self, job: JobId) -> Option<Job> {
        match std::mem::replace(&mut self.state, State::Stopped) {
            State::Running { worker, job: j } if j.id == job => {
                self.state = State::Idle { worker };
                Some(j)
            }
            State::InPage { reading: Some(j) } if j.id == job => {
                self.state = State::InPage { reading: None };
                Some(j)
            }
            other => {
                self.state = other;
                None
            }
        }
    }

    /// Lets an idle worker go (a wasm instance never gives memory back: after a large file
    /// a fresh worker starts small). Returns it, the state then `Stopped`; otherwise nothing
    /// changes.
    pub fn retire(&mut self) -> Option<W> {
        match std::mem::replace(&mut self.state, State::Stopped) {
            State::Idle { worker } => Some(worker),
            other => {
                self.state = other;
                None
            }
        }
    }

    /// Cancels `job`, whether it is being read or waits. A worker reading it is stopped
    /// (returned; the state is then `Stopped`). None for a job already ended.
    pub fn cancel(&mut self, job: JobId) -> Option<Cancelled<W>> {
        match std::mem::replace(&mut self.state, State::Stopped) {
            State::Running { worker, job: j } if j.id == job => {
                return Some(Cancelled { job: j, stopped: Some(worker) });
            }
            State::InPage { reading: Some(j) } if j.id == job => {
                self.state = State::InPage { reading: None };
                return Some(Cancelled { job: j, stopped: None });
            }
            other => self.state = other,
        }
        let at = self.waiting.iter().position(|j| j.id == job)?;
        let job = self.waiting.remove(at)?;
        Some(Cancelled { job, stopped: None })
    }

    /// The jobs a cancel of a file stops (the page names the file, not the job): the one
    /// being read if it is that file, else every one waiting for it.
    pub fn jobs_of(&self, file: &str) -> Vec<JobId> {
        if let Some(j) = self.current().filter(|j| j.name == file) {
            return vec![j.id];
        }
        self.waiting.iter().filter(|j| j.name == file).map(|j| j.id).collect()
    }

    /// The worker died (a wasm trap on some input, or it could not start).
    pub fn crashed(&mut self) -> Crash<W> {
        match std::mem::replace(&mut self.state, State::Stopped) {
            State::Starting { worker, first: true } => {
                self.state = State::InPage { reading: None };
                Crash { job: None, worker: Some(worker), in_page: true }
            }
            State::Starting { worker, .. } | State::Idle { worker } => {
                Crash { job: None, worker: Some(worker), in_page: false }
            }
            State::Running { worker, job } => Crash { job: Some(job), worker: Some(worker), in_page: false },
            other => {
                self.state = other;
                Crash { job: None, worker: None, in_page: false }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A worker, by number.
    type Q = Queue<u32>;

    fn submit(q: &mut Q, name: &str) -> JobId {
        q.submit(name.into(), Rc::new(name.as_bytes().to_vec()), ImportOptions::default())
    }

    fn ready(worker: u32) -> Q {
        let mut q = Q::default();
        q.started(worker, true);
        assert_eq!(q.ready().copied(), Some(worker));
        q
    }

    fn running(q: &Q) -> Option<(u32, JobId)> {
        match q.state() {
            State::Running { worker, job } => Some((*worker, job.id)),
            _ => None,
        }
    }

    #[test]
    fn one_file_at_a_time_in_order() {
        let mut q = Q::default();
        let a = submit(&mut q, "a.csv");
        let b = submit(&mut q, "b.csv");
        assert_ne!(a, b);
        assert!(!q.take_next(), "no worker ready yet");
        q.started(1, true);
        assert!(!q.take_next(), "the worker is still starting");
        q.ready();
        assert!(q.take_next());
        assert_eq!(running(&q), Some((1, a)));
        assert!(q.has_waiting(), "b waits");
        assert!(!q.take_next(), "busy");
        assert_eq!(q.reading(a).map(|j| j.name.as_str()), Some("a.csv"));
        assert_eq!(q.done(a).map(|j| j.id), Some(a));
        assert!(matches!(q.state(), State::Idle { worker: 1 }));
        assert!(q.take_next());
        assert_eq!(running(&q), Some((1, b)));
        assert!(q.done(b).is_some());
        assert!(!q.has_waiting());
        assert!(!q.take_next(), "nothing waits");
    }

    #[test]
    fn cancelling_the_running_job_stops_its_worker_and_drops_its_late_answers() {
        let mut q = ready(1);
        let a = submit(&mut q, "a.csv");
        let b = submit(&mut q, "b.csv");
        q.take_next();
        let c = q.cancel(a).expect("a is being read");
        assert_eq!((c.job.id, c.stopped), (a, Some(1)));
        assert!(matches!(q.state(), State::Stopped));
        // Progress and the outcome of the cancelled job, should they still come: dropped.
        assert!(q.reading(a).is_none());
        assert!(q.done(a).is_none());
        // A second cancel of it (a double click): nothing.
        assert!(q.cancel(a).is_none());
        // A fresh worker reads the next file.
        q.started(2, false);
        q.ready();
        assert!(q.take_next());
        assert_eq!(running(&q), Some((2, b)));
        assert!(q.done(a).is_none(), "a stale outcome does not end the new job");
        assert_eq!(running(&q), Some((2, b)));
    }

    #[test]
    fn a_stale_cancel_changes_nothing() {
        let mut q = ready(1);
        let a = submit(&mut q, "a.csv");
        q.take_next();
        assert!(q.done(a).is_some());
        let b = submit(&mut q, "a.csv");
        q.take_next();
        // The cancel meant for the first reading of a.csv comes after it ended.
        assert!(q.cancel(a).is_none());
        assert_eq!(running(&q), Some((1, b)));
        assert!(q.cancel(JobId(99)).is_none());
        assert_eq!(running(&q), Some((1, b)));
    }

    #[test]
    fn cancelling_a_waiting_job_leaves_the_reader_alone() {
        let mut q = ready(1);
        let a = submit(&mut q, "a.csv");
        let b = submit(&mut q, "b.csv");
        let c = submit(&mut q, "c.csv");
        q.take_next();
        let x = q.cancel(b).expect("b waits");
        assert_eq!((x.job.name.as_str(), x.stopped), ("b.csv", None));
        assert_eq!(running(&q), Some((1, a)));
        q.done(a);
        q.take_next();
        assert_eq!(running(&q), Some((1, c)));
    }

    #[test]
    fn a_file_is_cancelled_by_the_job_reading_it_else_by_those_waiting() {
        let mut q = ready(1);
        let a1 = submit(&mut q, "a.csv");
        let a2 = submit(&mut q, "a.csv");
        let a3 = submit(&mut q, "a.csv");
        assert_eq!(q.jobs_of("a.csv"), vec![a1, a2, a3]);
        q.take_next();
        assert_eq!(q.jobs_of("a.csv"), vec![a1]);
        assert!(q.jobs_of("b.csv").is_empty());
    }

    #[test]
    fn a_worker_that_dies_fails_its_job_and_is_replaced() {
        let mut q = ready(1);
        let a = submit(&mut q, "a.csv");
        submit(&mut q, "b.csv");
        q.take_next();
        let crash = q.crashed();
        assert_eq!((crash.job.map(|j| j.id), crash.worker, crash.in_page), (Some(a), Some(1), false));
        assert!(matches!(q.state(), State::Stopped));
        // The next worker dies while starting: another is started (one has worked here).
        q.started(2, false);
        let crash = q.crashed();
        assert_eq!((crash.job.is_none(), crash.worker, crash.in_page), (true, Some(2), false));
        assert!(matches!(q.state(), State::Stopped));
    }

    #[test]
    fn when_no_worker_can_start_the_page_reads_one_file_at_a_time() {
        // The first worker dies before it is ready.
        let mut q = Q::default();
        let a = submit(&mut q, "a.csv");
        let b = submit(&mut q, "b.csv");
        q.started(1, true);
        let crash = q.crashed();
        assert_eq!((crash.worker, crash.in_page), (Some(1), true));
        assert!(q.take_next());
        assert!(!q.take_next(), "one at a time");
        assert_eq!(q.reading(a).map(|j| j.id), Some(a));
        // Cancelled before its reading starts: the scheduled reading finds it gone.
        assert_eq!(q.cancel(a).map(|c| c.job.id), Some(a));
        assert!(q.reading(a).is_none());
        assert!(q.done(a).is_none());
        assert!(q.take_next());
        assert_eq!(q.done(b).map(|j| j.id), Some(b));
        // A worker that never says it is ready is given up the same way.
        let mut q = Q::default();
        q.started(1, true);
        assert_eq!(q.give_up(), Some(1));
        assert!(matches!(q.state(), State::InPage { reading: None }));
        assert!(q.ready().is_none(), "a stale ready");
        assert!(q.crashed().worker.is_none(), "a stale death");
    }

    #[test]
    fn an_idle_worker_retires_a_busy_one_does_not() {
        let mut q: Queue<u8> = Queue::default();
        q.started(1, true);
        assert_eq!(q.retire(), None, "a starting worker stays");
        q.ready();
        assert_eq!(q.retire(), Some(1));
        assert!(matches!(q.state(), State::Stopped));
        q.started(2, false);
        q.ready();
        let job = q.submit("a.xlsx".into(), std::rc::Rc::new(vec![1]), Default::default());
        assert!(q.take_next());
        assert_eq!(q.retire(), None, "a worker reading stays");
        assert!(q.done(job).is_some());
        assert_eq!(q.retire(), Some(2));
    }
}

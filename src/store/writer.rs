//! The one group-commit writer, for `listen` and `send --count`: a thread
//! owns a store connection, takes every job waiting, writes them in one
//! transaction and only then says so to whoever waits. So a request the
//! listener answers is always committed, and a load delivery is committed
//! before it is sent, at the cost of one commit per batch, not per row.
//!
//! The same transaction looks up, for each failed request the listener
//! received, the body hookcli signed for it (its exact diff is worth
//! showing): on the writer's own connection, whose pages stay cached across
//! its commits, the lookup costs next to nothing. A request with an original
//! is handed back unrecorded, to be judged again against it and recorded then.
//!
//! Durability is against the process dying (SIGKILL, a crash): a commit has
//! reached the operating system before anyone is answered. The writer's
//! connection runs with `synchronous=OFF`, so WAL checkpoints do not fsync:
//! with `NORMAL`, every commit that crossed a checkpoint waited for two
//! fsyncs, stalling everyone waiting. The price: an OS crash or power loss
//! while it runs can lose recent rows and, per SQLite's documentation, may
//! damage the store. Other processes writing the same store wait their turn
//! (`BEGIN IMMEDIATE` with a busy timeout), so none sees a busy error.

use super::{
    DEFAULT_MAX_AGE_DAYS, DEFAULT_MAX_ROWS, LoadBlock, Pending, Recorded, Store, load, received,
};
use crate::gather::gather;
use std::sync::{Mutex, mpsc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

/// Largest batch in one transaction.
const MAX_BATCH: usize = 512;
/// Under load (the last batch had more than one job), how long the writer
/// lets jobs gather before it commits. A commit's cost is mostly per batch
/// (the WAL frames of every page touched); without the pause the writer
/// woke for every job or two. An idle writer commits at once. The pause is
/// counted from the end of the last commit: the time the writer spent
/// since (answering, trimming the table) has gathered jobs already.
const GATHER: Duration = Duration::from_micros(250);
/// How long at most jobs gather when the first is a load block, busy or
/// not: fewer, larger commits write far fewer WAL pages per delivery. A
/// block is recorded while its worker still sends the block before, and
/// says how long that may take (its slack); the pause takes at most half
/// of it, so it delays no one, at any concurrency.
const LOAD_GATHER: Duration = Duration::from_millis(4);
/// Prune received rows past the age bound after this many inserts (the row
/// bound is kept after every batch, by `Store::trim_received`).
const PRUNE_EVERY: usize = 10_000;
/// How often at most the checkpointer copies committed WAL frames into the
/// database, on its own connection and thread, after the writer says it
/// committed. The writer's own automatic checkpoint then finds little left
/// to copy, so batches do not wait behind a copy of the whole WAL.
const CHECKPOINT_PAUSE: Duration = Duration::from_millis(20);

// The listener's jobs are the large ones; boxing them would cost an
// allocation per request.
#[allow(clippy::large_enum_variant)]
enum Job {
    Received {
        pending: Pending,
        /// What became of it, and the request handed back.
        done: oneshot::Sender<Result<(Recorded, Pending), String>>,
    },
    Load {
        block: LoadBlock,
        /// How long it may wait before its worker needs it.
        slack: Duration,
        done: oneshot::Sender<Result<(), String>>,
    },
}

pub struct Writer {
    jobs: Mutex<Option<mpsc::Sender<Job>>>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

fn start_checkpointer(path: &std::path::Path) -> Option<mpsc::SyncSender<()>> {
    let store = Store::open(path).ok()?;
    let (tx, rx) = mpsc::sync_channel::<()>(1);
    std::thread::Builder::new()
        .name("hookcli-ckpt".into())
        .spawn(move || {
            store.for_writer();
            while rx.recv().is_ok() {
                store.checkpoint_passive();
                std::thread::sleep(CHECKPOINT_PAUSE);
            }
        })
        .ok()?;
    Some(tx)
}

impl Writer {
    /// Starts the writer thread; prunes the received table first.
    pub fn start(mut store: Store) -> Writer {
        let (tx, rx) = mpsc::channel::<Job>();
        let thread = std::thread::Builder::new()
            .name("hookcli-store".into())
            .spawn(move || {
                store.for_writer();
                let _ = store.prune_received(DEFAULT_MAX_AGE_DAYS, DEFAULT_MAX_ROWS);
                let checkpointer = start_checkpointer(store.path());
                let mut since_prune = 0usize;
                let mut trimmed_to = None;
                let mut busy = false;
                let mut committed = Instant::now();
                let pause = |first: &Job, busy: bool, committed: Instant| {
                    let wait = match (first, busy) {
                        (Job::Load { slack, .. }, _) => LOAD_GATHER.min(*slack / 2),
                        (Job::Received { .. }, true) => GATHER,
                        (Job::Received { .. }, false) => Duration::ZERO,
                    };
                    wait.saturating_sub(committed.elapsed())
                };
                while let Some(jobs) = gather(&rx, MAX_BATCH, |first| pause(first, busy, committed))
                {
                    busy = jobs.len() > 1;
                    let (received, newest) = write(&mut store, jobs);
                    committed = Instant::now();
                    // Between steps the DELETE finds nothing: run it only
                    // when the newest id has moved the step's bound.
                    let bound = newest.map(|id| received::trim_bound(id, DEFAULT_MAX_ROWS));
                    if bound > trimmed_to && store.trim_received(DEFAULT_MAX_ROWS).is_ok() {
                        trimmed_to = bound;
                    }
                    if let Some(c) = &checkpointer {
                        let _ = c.try_send(());
                    }
                    since_prune += received;
                    if since_prune >= PRUNE_EVERY {
                        since_prune = 0;
                        let _ = store.prune_received_by_age(DEFAULT_MAX_AGE_DAYS);
                    }
                }
            })
            .expect("spawn the store writer thread");
        Writer {
            jobs: Mutex::new(Some(tx)),
            thread: Mutex::new(Some(thread)),
        }
    }

    fn submit(&self, job: Job) -> Result<(), String> {
        let jobs = self.jobs.lock().map_err(|_| stopped())?;
        jobs.as_ref()
            .ok_or_else(stopped)?
            .send(job)
            .map_err(|_| stopped())
    }

    /// Records `pending` and says what became of it (its id, or the body
    /// hookcli signed for it) once the batch holding it committed; the
    /// request comes back with the answer.
    pub async fn record(&self, pending: Pending) -> Result<(Recorded, Pending), String> {
        let (done, wait) = oneshot::channel();
        self.submit(Job::Received { pending, done })?;
        wait.await.map_err(|_| stopped())?
    }

    /// Records a block of load deliveries, needed (to be sent) in about
    /// `slack`: handed to the writer now, the future resolves once it is
    /// committed.
    pub fn record_load(
        &self,
        block: LoadBlock,
        slack: Duration,
    ) -> impl std::future::Future<Output = Result<(), String>> + Send + 'static {
        let (done, wait) = oneshot::channel();
        let submitted = self.submit(Job::Load { block, slack, done });
        async move {
            submitted?;
            wait.await.map_err(|_| stopped())?
        }
    }

    /// Waits for everything queued to be committed. Later calls to
    /// [`record`](Self::record) fail (and the listener answers 503).
    pub fn finish(&self) {
        if let Ok(mut jobs) = self.jobs.lock() {
            jobs.take();
        }
        let thread = self.thread.lock().ok().and_then(|mut w| w.take());
        if let Some(thread) = thread {
            let _ = thread.join();
        }
    }
}

fn stopped() -> String {
    "the store writer has stopped".to_string()
}

/// Writes one batch in one transaction and tells each job what became of
/// it; returns how many received requests it held and the newest row id
/// among them.
fn write(store: &mut Store, jobs: Vec<Job>) -> (usize, Option<i64>) {
    let mut pending = Vec::new();
    let mut received_done = Vec::new();
    let mut blocks = Vec::new();
    let mut load_done = Vec::new();
    for job in jobs {
        match job {
            Job::Received { pending: p, done } => {
                pending.push(p);
                received_done.push(done);
            }
            Job::Load { block, done, .. } => {
                blocks.push(block);
                load_done.push(done);
            }
        }
    }
    let outcome = store.write(|tx| {
        let recorded = received::insert_received(tx, &pending)?;
        load::write_blocks(tx, blocks)?;
        Ok(recorded)
    });
    let count = pending.len();
    let mut newest = None;
    match outcome {
        Ok(recorded) => {
            newest = recorded
                .iter()
                .filter_map(|r| match r {
                    Recorded::Id(id) => Some(*id),
                    Recorded::Original(_) => None,
                })
                .max();
            for ((done, r), p) in received_done.into_iter().zip(recorded).zip(pending) {
                let _ = done.send(Ok((r, p)));
            }
            for done in load_done {
                let _ = done.send(Ok(()));
            }
        }
        Err(e) => {
            let why = store.fault(&e).line();
            for done in received_done {
                let _ = done.send(Err(why.clone()));
            }
            for done in load_done {
                let _ = done.send(Err(why.clone()));
            }
        }
    }
    (count, newest)
}

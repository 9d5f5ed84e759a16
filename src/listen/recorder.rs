//! Group commit: one writer thread owns the store connection, takes every
//! request waiting to be recorded, writes them in one transaction and only
//! then releases the handlers, which answer. So an answered request is
//! always committed, at the cost of one commit per batch, not per request.
//!
//! The same transaction looks up, for each failed request, the body hookcli
//! signed for it (its exact diff is worth showing): on the writer's own
//! connection, whose pages stay cached across its commits, the lookup costs
//! next to nothing, where a separate read transaction per failed request
//! cost ~8 µs and a thread hop. A request with an original is handed back
//! unrecorded, to be judged again against it and recorded then.
//!
//! Durability is against the listener dying (SIGKILL, a crash): a commit has
//! reached the operating system before anyone is answered. The writer's
//! connection runs with `synchronous=OFF`, so WAL checkpoints do not fsync:
//! with `NORMAL`, every commit that crossed a checkpoint waited for two
//! fsyncs, stalling all waiting handlers for ~100 ms on the 2-core test
//! machine. The price: an OS crash or power loss during `listen` can lose
//! recent rows and, per SQLite's documentation, may damage the store.

use crate::store::{DEFAULT_MAX_AGE_DAYS, DEFAULT_MAX_ROWS, Pending, Recorded, Store};
use std::sync::{Mutex, mpsc};
use std::thread::JoinHandle;
use tokio::sync::oneshot;

/// Largest batch in one transaction.
const MAX_BATCH: usize = 512;
/// Under load (the last batch had more than one row), how long the writer
/// lets requests gather before it commits. A commit's cost is mostly per
/// batch (the WAL frames of every page touched), and without the pause the
/// writer woke for every request or two: on the 2-core bench machine, 250 µs
/// took failed requests' batches from ~3 rows to ~10 and their throughput up
/// ~12 % (500 µs and 1 ms did no better and cost latency). An idle
/// listener commits at once. The pause is counted from the end of the last
/// commit: the time the writer spent after it (answering, trimming the
/// table, ~0.7 ms for a step of old rows) has gathered requests already,
/// and sleeping the whole pause after a trim only made those requests wait.
const GATHER: std::time::Duration = std::time::Duration::from_micros(250);
/// Prune rows past the age bound after this many inserts (the row bound is
/// kept after every batch, by `Store::trim_received`).
const PRUNE_EVERY: usize = 10_000;

struct Job {
    pending: Pending,
    /// What became of it, and the request handed back.
    done: oneshot::Sender<Result<(Recorded, Pending), String>>,
}

pub struct Recorder {
    jobs: Mutex<Option<mpsc::Sender<Job>>>,
    writer: Mutex<Option<JoinHandle<()>>>,
}

/// Copies committed WAL frames into the database on its own connection and
/// thread, at most every `CHECKPOINT_PAUSE`, after the writer says it
/// committed. The writer's own automatic checkpoint (every 1000 WAL pages)
/// then finds little left to copy, so batches do not wait behind a copy of
/// the whole WAL.
const CHECKPOINT_PAUSE: std::time::Duration = std::time::Duration::from_millis(20);

fn start_checkpointer(path: &std::path::Path) -> Option<mpsc::SyncSender<()>> {
    let store = Store::open(path).ok()?;
    let (tx, rx) = mpsc::sync_channel::<()>(1);
    std::thread::Builder::new()
        .name("hookcli-ckpt".into())
        .spawn(move || {
            let c = store.connection();
            let _ = c.pragma_update(None, "synchronous", "OFF");
            while rx.recv().is_ok() {
                let _ = c.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                std::thread::sleep(CHECKPOINT_PAUSE);
            }
        })
        .ok()?;
    Some(tx)
}

impl Recorder {
    /// Starts the writer thread; prunes the received table first.
    pub fn start(mut store: Store) -> Recorder {
        let (tx, rx) = mpsc::channel::<Job>();
        let writer = std::thread::Builder::new()
            .name("hookcli-store".into())
            .spawn(move || {
                let _ = store.connection().pragma_update(None, "synchronous", "OFF");
                let _ = store.prune_received(DEFAULT_MAX_AGE_DAYS, DEFAULT_MAX_ROWS);
                let checkpointer = start_checkpointer(store.path());
                let mut since_prune = 0usize;
                let mut busy = false;
                let mut committed = std::time::Instant::now();
                while let Ok(first) = rx.recv() {
                    let pause = GATHER.saturating_sub(committed.elapsed());
                    if busy && !pause.is_zero() {
                        std::thread::sleep(pause);
                    }
                    let mut jobs = vec![first];
                    while jobs.len() < MAX_BATCH {
                        match rx.try_recv() {
                            Ok(job) => jobs.push(job),
                            Err(_) => break,
                        }
                    }
                    let batch = jobs.len();
                    let rows: Vec<Pending> = jobs
                        .iter_mut()
                        .map(|j| std::mem::take(&mut j.pending))
                        .collect();
                    let outcome = store.record_received_batch(&rows);
                    committed = std::time::Instant::now();
                    match outcome {
                        Ok(done) => {
                            for ((job, recorded), pending) in jobs.into_iter().zip(done).zip(rows) {
                                let _ = job.done.send(Ok((recorded, pending)));
                            }
                        }
                        Err(e) => {
                            for job in jobs {
                                let _ = job.done.send(Err(format!("{e:#}")));
                            }
                        }
                    }
                    let _ = store.trim_received(DEFAULT_MAX_ROWS);
                    if let Some(c) = &checkpointer {
                        let _ = c.try_send(());
                    }
                    busy = batch > 1;
                    since_prune += batch;
                    if since_prune >= PRUNE_EVERY {
                        since_prune = 0;
                        let _ = store.prune_received_by_age(DEFAULT_MAX_AGE_DAYS);
                    }
                }
            })
            .expect("spawn the store writer thread");
        Recorder {
            jobs: Mutex::new(Some(tx)),
            writer: Mutex::new(Some(writer)),
        }
    }

    /// Records `pending` and says what became of it (its id, or the body
    /// hookcli signed for it) once the batch holding it committed; the
    /// request comes back with the answer.
    pub async fn record(&self, pending: Pending) -> Result<(Recorded, Pending), String> {
        let (done, wait) = oneshot::channel();
        let stopped = || "the store writer has stopped".to_string();
        {
            let jobs = self.jobs.lock().map_err(|_| stopped())?;
            jobs.as_ref()
                .ok_or_else(stopped)?
                .send(Job { pending, done })
                .map_err(|_| stopped())?;
        }
        wait.await.map_err(|_| stopped())?
    }

    /// Waits for everything queued to be committed.
    /// Later calls to [`record`](Self::record) fail (and are answered 503).
    pub fn finish(&self) {
        if let Ok(mut jobs) = self.jobs.lock() {
            jobs.take();
        }
        let writer = self.writer.lock().ok().and_then(|mut w| w.take());
        if let Some(writer) = writer {
            let _ = writer.join();
        }
    }
}

//! Finds the bodies hookcli signed, for the diagnosis of failed requests,
//! on a thread of its own with its own read connection, so the async
//! workers never wait on SQLite. Every lookup waiting when the thread wakes
//! is answered in one read transaction: its cost (file locks, and reloading
//! pages after each of the recorder's commits) is paid once per batch, not
//! once per failed request.

use crate::store::Store;
use std::path::PathBuf;
use std::sync::{Mutex, mpsc};
use std::thread::JoinHandle;
use tokio::sync::oneshot;

struct Lookup {
    signature: Option<String>,
    event_id: Option<String>,
    found: oneshot::Sender<Option<Vec<u8>>>,
}

pub struct Originals {
    queue: Mutex<Option<mpsc::Sender<Lookup>>>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Originals {
    /// Starts the thread; the store at `path` is opened at the first lookup.
    pub fn start(path: PathBuf) -> Originals {
        let (tx, rx) = mpsc::channel::<Lookup>();
        let thread = std::thread::Builder::new()
            .name("hookcli-lookup".into())
            .spawn(move || {
                let mut store: Option<Store> = None;
                while let Ok(first) = rx.recv() {
                    let mut batch = vec![first];
                    batch.extend(rx.try_iter());
                    if store.is_none() {
                        store = Store::open(&path).ok();
                    }
                    answer(store.as_ref(), batch);
                }
            })
            .expect("spawn the store lookup thread");
        Originals {
            queue: Mutex::new(Some(tx)),
            thread: Mutex::new(Some(thread)),
        }
    }

    /// The body hookcli signed with this signature or, failing that, for
    /// this event id; `None` when neither is known or the store cannot say.
    pub async fn find(&self, signature: Option<&str>, event_id: Option<&str>) -> Option<Vec<u8>> {
        if signature.is_none() && event_id.is_none() {
            return None;
        }
        let (found, wait) = oneshot::channel();
        let lookup = Lookup {
            signature: signature.map(str::to_string),
            event_id: event_id.map(str::to_string),
            found,
        };
        self.queue.lock().ok()?.as_ref()?.send(lookup).ok()?;
        wait.await.ok()?
    }

    /// Answers what is queued and stops the thread; later lookups find nothing.
    pub fn finish(&self) {
        if let Ok(mut queue) = self.queue.lock() {
            queue.take();
        }
        let thread = self.thread.lock().ok().and_then(|mut t| t.take());
        if let Some(thread) = thread {
            let _ = thread.join();
        }
    }
}

/// Answers `batch` inside one read transaction.
fn answer(store: Option<&Store>, batch: Vec<Lookup>) {
    // Prepared once (a transaction's own BEGIN and ROLLBACK are parsed anew
    // each time); a single lookup is a transaction by itself.
    let run = |sql: &str| {
        store.is_some_and(|s| {
            s.connection()
                .prepare_cached(sql)
                .and_then(|mut statement| statement.execute([]))
                .is_ok()
        })
    };
    let read = batch.len() > 1 && run("BEGIN");
    for lookup in batch {
        let body = store.and_then(|s| {
            s.find_signed_body(lookup.signature.as_deref(), lookup.event_id.as_deref())
                .ok()
                .flatten()
        });
        let _ = lookup.found.send(body);
    }
    if read {
        run("COMMIT");
    }
}

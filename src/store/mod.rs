//! The only code that touches hookcli's event store: an embedded SQLite
//! database shared by `sign`, `send`, `fixtures generate`, `listen`,
//! `verify`, `events`, `replay` and `store`.
//!
//! What it holds: every request hookcli signed (body, headers, signature,
//! and the secret's label and fingerprint, never the secret, nor a token a
//! provider sends in clear: see [`redact`]), what came back
//! for each delivery, and every request `listen` received. Bodies are webhook
//! payloads (names, emails, addresses), so the directory is created 0700 and
//! the files 0600.
//!
//! Location: `--store PATH`, else `HOOKCLI_STORE`, else
//! `<data dir>/hookcli/events.db` (`~/.local/share/hookcli/events.db` on
//! Linux). `--no-store` / `HOOKCLI_STORE=off` turns recording off.
//!
//! One room per concern: [`open`] (files, their modes, pragmas),
//! [`migrations`] (the versioned schema), [`fault`] (what went wrong, said
//! with the path and what to do), [`signed`] (requests hookcli signed, and
//! finding the body it signed for a request), [`deliveries`] (what came back
//! for each attempt), [`load`] (load runs: a template once, a delta per
//! delivery), [`received`] (the listener's requests), [`info`] (counts,
//! clearing) and [`writer`] (the one group-commit writer `listen` and
//! `send` record through).

pub mod deliveries;
pub mod fault;
pub mod info;
pub mod load;
mod migrations;
mod open;
pub mod received;
pub mod redact;
pub mod signed;
pub mod writer;

pub use deliveries::NewDelivery;
pub use fault::{Fault, StoreError};
pub use load::{LoadBlock, LoadRun, RunTemplate};
pub use received::{
    ForwardOutcome, NewReceived, Pending, ReceivedFilter, ReceivedRow, Recorded, SignedKeys,
};
pub use signed::{NewSigned, Original, Signed};
pub use writer::Writer;

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// Rows older than this many days are pruned when the store is opened.
pub const DEFAULT_MAX_AGE_DAYS: i64 = 30;
/// At most this many rows are kept per table (load deliveries count one
/// each); the oldest go first.
pub const DEFAULT_MAX_ROWS: i64 = 100_000;

/// Where the store lives, resolved from flag, environment and default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Path(PathBuf),
    Disabled,
}

impl Location {
    /// The location and whether the user named it (`--store` or
    /// `HOOKCLI_STORE`): a store the user named that cannot be used is an
    /// error, the default one only a warning.
    pub fn resolve(flag: Option<&Path>, disabled: bool) -> (Location, bool) {
        if disabled {
            return (Location::Disabled, true);
        }
        if let Some(p) = flag {
            return (Location::Path(p.to_path_buf()), true);
        }
        match std::env::var_os("HOOKCLI_STORE") {
            Some(v) if v == "off" || v == "none" => (Location::Disabled, true),
            Some(v) if !v.is_empty() => (Location::Path(PathBuf::from(v)), true),
            _ => (Location::Path(default_path()), false),
        }
    }
}

/// `<data dir>/hookcli/events.db`, or `./.hookcli/events.db` when the
/// platform has no data directory.
pub fn default_path() -> PathBuf {
    default_dir().join("events.db")
}

/// The directory hookcli owns for its default store.
fn default_dir() -> PathBuf {
    dirs::data_dir()
        .map(|d| d.join("hookcli"))
        .unwrap_or_else(|| PathBuf::from(".hookcli"))
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// A WAL larger than this is checkpointed and truncated when a connection
/// closes (see `Drop for Store`).
const WAL_TRUNCATE_AT: u64 = 4 << 20;

/// Short-lived commands (`sign`, `send`) write one transaction per process,
/// and SQLite restarts the WAL from its start only at a connection's next
/// write after a full checkpoint, which never comes: the WAL only grew, and
/// every process read all of it when it opened the store. So whoever closes
/// a connection past `WAL_TRUNCATE_AT` checkpoints and truncates it: one
/// checkpoint's fsyncs every few dozen commands. It does not wait: if another
/// process (a busy listener) is reading, the next close tries again.
impl Drop for Store {
    fn drop(&mut self) {
        let big = std::fs::metadata(open::sidecar(&self.path, "-wal"))
            .is_ok_and(|m| m.len() > WAL_TRUNCATE_AT);
        if big && self.conn.busy_timeout(std::time::Duration::ZERO).is_ok() {
            let _ = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
    }
}

impl Store {
    /// Opens (creating if needed, private to the user) the store at `path`,
    /// in WAL mode so a committed row survives the process being killed,
    /// and brings its schema up to date. A file that is not a store, a
    /// directory that cannot be written, a full disk or a store another
    /// process holds locked is a [`StoreError`] that says so; the file is
    /// left as it was.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        open::open(path)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A store error from a failed operation on this store, in words.
    pub fn fault(&self, e: &anyhow::Error) -> StoreError {
        StoreError::from_anyhow(&self.path, e)
    }

    /// Runs `f` in one write transaction (`BEGIN IMMEDIATE`: it waits for
    /// other writers up front, so a read inside it never has to be upgraded
    /// to a write, which could fail at once with `SQLITE_BUSY`). Rolled back
    /// whole when `f` fails.
    fn write<T>(&mut self, f: impl FnOnce(&Connection) -> anyhow::Result<T>) -> anyhow::Result<T> {
        self.conn.prepare_cached("BEGIN IMMEDIATE")?.execute([])?;
        let outcome = f(&self.conn).and_then(|done| {
            self.conn.prepare_cached("COMMIT")?.execute([])?;
            Ok(done)
        });
        if outcome.is_err() && !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        outcome
    }
}

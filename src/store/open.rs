//! Opening the store: its directory and files, created private to the user
//! (0700 and 0600: they hold webhook bodies), the pragmas every connection
//! runs with, and the schema brought up to date. Nothing is written until
//! the file has been read as an SQLite database, so a file that is not one
//! is left as it was.

use super::{Store, StoreError, migrations};
use rusqlite::Connection;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// How long a writer waits for another process holding the store (a
/// listener's batch, another `send`) before giving up.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);
/// Sets that wait (a duration, e.g. `500ms`, `30s`): for a store shared by
/// slow writers, and for the tests of a locked store.
pub const WAIT_ENV: &str = "HOOKCLI_STORE_WAIT";

fn busy_timeout() -> std::time::Duration {
    std::env::var(WAIT_ENV)
        .ok()
        .and_then(|v| crate::units::duration(&v).ok())
        .unwrap_or(BUSY_TIMEOUT)
}

/// `events.db-wal` and the like, next to the database.
pub(super) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_os_string();
    p.push(suffix);
    PathBuf::from(p)
}

pub(super) fn open(path: &Path) -> Result<Store, StoreError> {
    let existed = path.exists();
    let opened = open_or_create(path);
    if opened.is_err() && !existed && holds_nothing(path) {
        // Nothing was there before and nothing usable is now.
        for file in [
            path.to_path_buf(),
            sidecar(path, "-wal"),
            sidecar(path, "-shm"),
        ] {
            let _ = std::fs::remove_file(file);
        }
    }
    opened
}

/// Whether the database at `path` has no tables (a store whose creation
/// failed half way), judged by reading it.
fn holds_nothing(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() == 0)
        || Connection::open(path)
            .and_then(|c| {
                c.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                    r.get::<_, i64>(0)
                })
            })
            .is_ok_and(|n| n == 0)
}

fn open_or_create(path: &Path) -> Result<Store, StoreError> {
    let io = |e: std::io::Error| StoreError::from_io(path, &e);
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir {
        if !dir.exists() {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(io)?;
        } else if dir == super::default_dir() {
            // Ours, perhaps made by a release that created it 0755.
            tighten(dir, 0o700);
        }
    }
    let new = !path.exists();
    if new {
        // SQLite gives its -wal and -shm files the database file's mode.
        std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(path)
            .map_err(io)?;
    } else {
        tighten(path, 0o600);
        for suffix in ["-wal", "-shm"] {
            tighten(&sidecar(path, suffix), 0o600);
        }
    }
    let sql = |e: rusqlite::Error| StoreError::from_sqlite(path, &e);
    let conn = Connection::open(path).map_err(sql)?;
    conn.busy_timeout(busy_timeout()).map_err(sql)?;
    // Read before anything is written: not a database, or a damaged one,
    // fails here and the file stays as it was.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
        .map_err(sql)?;
    if new {
        // New stores only (a no-op once the file has pages): rows carry
        // whole webhook bodies (~2 KB), one per 4 KiB page; 16 KiB pages
        // hold seven, so the listener writes fewer bytes per request.
        conn.pragma_update(None, "page_size", 16384).map_err(sql)?;
    }
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(sql)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(sql)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(sql)?;
    let mut store = Store {
        conn,
        path: path.to_path_buf(),
    };
    migrations::upgrade(&mut store.conn).map_err(|e| StoreError::from_anyhow(path, &e))?;
    // A short-lived command (`sign`) would otherwise checkpoint and delete
    // the WAL on every exit, paying several fsyncs; SQLite's automatic
    // checkpoints keep the WAL bounded instead. Set only once the store has
    // been read as one: a damaged store's WAL is cleaned up on close.
    store
        .conn
        .set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )
        .map_err(sql)?;
    Ok(store)
}

/// Takes group and other permissions off `path` when it has any (a store
/// made by a release that created it world-readable). Best effort: a file
/// someone else owns keeps its mode.
fn tighten(path: &Path, mode: u32) {
    if let Ok(meta) = std::fs::metadata(path)
        && meta.permissions().mode() & 0o077 != 0
    {
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
    }
}

impl Store {
    /// The listener's and load mode's writer: commits reach the operating
    /// system before anyone is answered, but WAL checkpoints do not fsync
    /// (see [`super::writer`] for why and the price).
    ///
    /// Its page cache is held to 2 MB (set, not left to the default): the
    /// writer mostly appends, and a larger cache fills with pages it seldom
    /// reads again, resident for the whole run.
    pub(super) fn for_writer(&self) {
        let _ = self.conn.pragma_update(None, "synchronous", "OFF");
        let _ = self.conn.pragma_update(None, "cache_size", -2000);
    }

    /// Copies committed WAL frames into the database without waiting for
    /// readers (the writer's checkpointer).
    pub(super) fn checkpoint_passive(&self) {
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
    }
}

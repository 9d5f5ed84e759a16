//! What went wrong with the store, in one line that names the path, and
//! what to do about it. Commands decide what it means: a warning where the
//! store is a side matter (`sign`, `send`), exit 2 where it is the job
//! (`events`, `replay`, `store`) or the user named it, a 503 in `listen`.

use std::fmt;
use std::path::{Path, PathBuf};

/// The kinds of trouble that call for different advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The file is not an SQLite database.
    NotADatabase,
    /// An SQLite database whose pages are damaged.
    Corrupt,
    /// Written by a newer hookcli, with a schema this one does not know.
    Newer,
    /// The directory or file cannot be written (permissions, a read-only
    /// file system).
    ReadOnly,
    /// No space left (or the database's page limit reached).
    Full,
    /// Another process holds the store and did not let go in time.
    Locked,
    /// Anything else the operating system or SQLite reported.
    Other,
}

/// A store that cannot be used, and why.
#[derive(Debug, Clone)]
pub struct StoreError {
    pub path: PathBuf,
    pub fault: Fault,
    /// What SQLite or the operating system said.
    pub detail: String,
}

impl StoreError {
    pub fn from_sqlite(path: &Path, e: &rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode as C;
        let fault = match e.sqlite_error_code() {
            Some(C::NotADatabase) => Fault::NotADatabase,
            Some(C::DatabaseCorrupt) => Fault::Corrupt,
            Some(C::ReadOnly | C::PermissionDenied | C::CannotOpen) => Fault::ReadOnly,
            Some(C::DiskFull) => Fault::Full,
            Some(C::DatabaseBusy | C::DatabaseLocked) => Fault::Locked,
            _ => Fault::Other,
        };
        StoreError {
            path: path.to_path_buf(),
            fault,
            detail: e.to_string(),
        }
    }

    pub fn from_io(path: &Path, e: &std::io::Error) -> StoreError {
        use std::io::ErrorKind as K;
        let fault = match e.kind() {
            K::PermissionDenied | K::ReadOnlyFilesystem => Fault::ReadOnly,
            K::StorageFull | K::QuotaExceeded => Fault::Full,
            _ => Fault::Other,
        };
        StoreError {
            path: path.to_path_buf(),
            fault,
            detail: e.to_string(),
        }
    }

    /// The first store, SQLite or I/O error in `e`'s chain, classified.
    pub fn from_anyhow(path: &Path, e: &anyhow::Error) -> StoreError {
        for cause in e.chain() {
            if let Some(s) = cause.downcast_ref::<StoreError>() {
                return s.clone();
            }
            if let Some(s) = cause.downcast_ref::<rusqlite::Error>() {
                return StoreError::from_sqlite(path, s);
            }
            if let Some(io) = cause.downcast_ref::<std::io::Error>() {
                return StoreError::from_io(path, io);
            }
        }
        StoreError {
            path: path.to_path_buf(),
            fault: Fault::Other,
            detail: format!("{e:#}"),
        }
    }

    pub fn newer(path: &Path, found: i64, known: usize) -> StoreError {
        StoreError {
            path: path.to_path_buf(),
            fault: Fault::Newer,
            detail: format!("schema version {found}; this hookcli knows up to {known}"),
        }
    }

    /// What is wrong, naming the store.
    pub fn message(&self) -> String {
        let p = self.path.display();
        match self.fault {
            Fault::NotADatabase => format!("the event store {p} is not an SQLite database"),
            Fault::Corrupt => format!("the event store {p} is damaged ({})", self.detail),
            Fault::Newer => format!(
                "the event store {p} was written by a newer hookcli ({})",
                self.detail
            ),
            Fault::ReadOnly => {
                format!("the event store {p} cannot be written ({})", self.detail)
            }
            Fault::Full => format!(
                "the event store {p} cannot grow: the disk is full ({})",
                self.detail
            ),
            Fault::Locked => format!(
                "the event store {p} is locked by another process ({})",
                self.detail
            ),
            Fault::Other => format!("the event store {p} cannot be used ({})", self.detail),
        }
    }

    /// What to do next.
    pub fn hint(&self) -> String {
        let elsewhere = "or pass --store PATH to use another, or --no-store to record nothing";
        match self.fault {
            Fault::NotADatabase | Fault::Corrupt => {
                format!("move the file away (a new store is made in its place), {elsewhere}")
            }
            Fault::Newer => format!("use that hookcli, {elsewhere}"),
            Fault::ReadOnly => {
                let dir = self
                    .path
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                format!(
                    "make {} and the file writable for you, {elsewhere}",
                    dir.display()
                )
            }
            Fault::Full => format!("free some space, {elsewhere}"),
            Fault::Locked => {
                format!("close the program holding it (an sqlite3 shell?) and retry, {elsewhere}")
            }
            Fault::Other => elsewhere.replacen("or pass", "pass", 1),
        }
    }

    /// One line: what is wrong and what to do.
    pub fn line(&self) -> String {
        format!("{}: {}", self.message(), self.hint())
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for StoreError {}

impl From<StoreError> for crate::exit::Hinted {
    fn from(e: StoreError) -> Self {
        crate::exit::Hinted::usage(e.message(), e.hint())
    }
}

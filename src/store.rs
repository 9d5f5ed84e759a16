//! The only code that touches hookcli's event store: an embedded SQLite
//! database shared by `sign`, `send`, `fixtures generate` and `listen`.
//!
//! Location: `--store PATH`, else `HOOKCLI_STORE`, else
//! `<data dir>/hookcli/events.db` (`~/.local/share/hookcli/events.db` on
//! Linux). `--no-store` / `HOOKCLI_STORE=off` turns recording off.
//! Secrets are never stored: only a label and fingerprint.

use anyhow::Context as _;
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};

/// Rows older than this many days are pruned when the store is opened.
pub const DEFAULT_MAX_AGE_DAYS: i64 = 30;
/// At most this many rows are kept per table; the oldest go first.
pub const DEFAULT_MAX_ROWS: i64 = 100_000;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS signed (
    id            INTEGER PRIMARY KEY,
    created_ms    INTEGER NOT NULL,
    source        TEXT NOT NULL,            -- sign | send | fixtures
    provider      TEXT NOT NULL,
    event_type    TEXT NOT NULL,
    event_id      TEXT NOT NULL,
    timestamp     INTEGER NOT NULL,
    signature     TEXT NOT NULL,            -- wire form, as in the header
    secret_label  TEXT NOT NULL,
    secret_fp     TEXT NOT NULL,
    headers       TEXT NOT NULL,            -- JSON object
    body          BLOB NOT NULL,
    url           TEXT
);
CREATE INDEX IF NOT EXISTS signed_signature ON signed(signature);
CREATE INDEX IF NOT EXISTS signed_event_id ON signed(event_id);

CREATE TABLE IF NOT EXISTS deliveries (
    id            INTEGER PRIMARY KEY,
    signed_id     INTEGER NOT NULL REFERENCES signed(id) ON DELETE CASCADE,
    attempt       INTEGER NOT NULL,
    sent_ms       INTEGER NOT NULL,
    url           TEXT NOT NULL,
    status        INTEGER,                  -- NULL when no response
    latency_ms    REAL,
    response_headers TEXT,
    response_body BLOB,
    error         TEXT
);
CREATE INDEX IF NOT EXISTS deliveries_signed ON deliveries(signed_id);
";

/// Where the store lives, resolved from flag, environment and default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Path(PathBuf),
    Disabled,
}

impl Location {
    pub fn resolve(flag: Option<&Path>, disabled: bool) -> Location {
        if disabled {
            return Location::Disabled;
        }
        if let Some(p) = flag {
            return Location::Path(p.to_path_buf());
        }
        match std::env::var_os("HOOKCLI_STORE") {
            Some(v) if v == "off" || v == "none" => Location::Disabled,
            Some(v) if !v.is_empty() => Location::Path(PathBuf::from(v)),
            _ => Location::Path(default_path()),
        }
    }
}

/// `<data dir>/hookcli/events.db`, or `./.hookcli/events.db` when the
/// platform has no data directory.
pub fn default_path() -> PathBuf {
    dirs::data_dir()
        .map(|d| d.join("hookcli"))
        .unwrap_or_else(|| PathBuf::from(".hookcli"))
        .join("events.db")
}

/// A request hookcli signed, as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Signed {
    pub id: i64,
    pub created_ms: i64,
    pub source: String,
    pub provider: String,
    pub event_type: String,
    pub event_id: String,
    pub timestamp: i64,
    pub signature: String,
    pub secret_label: String,
    pub secret_fp: String,
    pub headers: serde_json::Value,
    pub body: Vec<u8>,
    pub url: Option<String>,
}

/// What to record about a signed request (id and time are assigned).
#[derive(Debug, Clone)]
pub struct NewSigned<'a> {
    pub source: &'a str,
    pub provider: &'a str,
    pub event_type: &'a str,
    pub event_id: &'a str,
    pub timestamp: i64,
    pub signature: &'a str,
    pub secret_label: &'a str,
    pub secret_fp: &'a str,
    pub headers: &'a serde_json::Value,
    pub body: &'a [u8],
    pub url: Option<&'a str>,
}

/// One delivery attempt of a signed request and what came back.
#[derive(Debug, Clone)]
pub struct NewDelivery<'a> {
    pub signed_id: i64,
    pub attempt: u32,
    pub sent_ms: i64,
    pub url: &'a str,
    pub status: Option<u16>,
    pub latency_ms: Option<f64>,
    pub response_headers: Option<&'a serde_json::Value>,
    pub response_body: Option<&'a [u8]>,
    pub error: Option<&'a str>,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

impl Store {
    /// Opens (creating if needed) the store at `path`, in WAL mode so a
    /// committed row survives the process being killed.
    pub fn open(path: &Path) -> anyhow::Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the event store directory {}", dir.display()))?;
        }
        let conn = Connection::open(path)
            .with_context(|| format!("cannot open the event store {}", path.display()))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.execute_batch(SCHEMA)
            .with_context(|| format!("cannot set up the event store {}", path.display()))?;
        Ok(Store { conn, path: path.to_path_buf() })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection, for modules that add their own tables.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub fn connection_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Deletes rows older than `max_age_days` and beyond `max_rows` per table.
    pub fn prune(&self, max_age_days: i64, max_rows: i64) -> anyhow::Result<()> {
        let cutoff = now_ms() - max_age_days * 86_400_000;
        self.conn.execute("DELETE FROM signed WHERE created_ms < ?1", params![cutoff])?;
        self.conn.execute(
            "DELETE FROM signed WHERE id <= (SELECT id FROM signed ORDER BY id DESC LIMIT 1 OFFSET ?1)",
            params![max_rows],
        )?;
        Ok(())
    }

    pub fn record_signed(&self, s: &NewSigned) -> anyhow::Result<i64> {
        self.conn
            .prepare_cached(
                "INSERT INTO signed (created_ms, source, provider, event_type, event_id, timestamp, signature,
                 secret_label, secret_fp, headers, body, url) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
            )?
            .execute(params![
                now_ms(),
                s.source,
                s.provider,
                s.event_type,
                s.event_id,
                s.timestamp,
                s.signature,
                s.secret_label,
                s.secret_fp,
                s.headers.to_string(),
                s.body,
                s.url
            ])?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn record_delivery(&self, d: &NewDelivery) -> anyhow::Result<i64> {
        self.conn
            .prepare_cached(
                "INSERT INTO deliveries (signed_id, attempt, sent_ms, url, status, latency_ms, response_headers,
                 response_body, error) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
            )?
            .execute(params![
                d.signed_id,
                d.attempt,
                d.sent_ms,
                d.url,
                d.status,
                d.latency_ms,
                d.response_headers.map(|h| h.to_string()),
                d.response_body,
                d.error
            ])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The most recent signed request whose signature is `signature`.
    pub fn find_signed_by_signature(&self, signature: &str) -> anyhow::Result<Option<Signed>> {
        self.find_signed("signature = ?1", signature)
    }

    /// The most recent signed request with this event id.
    pub fn find_signed_by_event_id(&self, event_id: &str) -> anyhow::Result<Option<Signed>> {
        self.find_signed("event_id = ?1", event_id)
    }

    fn find_signed(&self, condition: &str, value: &str) -> anyhow::Result<Option<Signed>> {
        let sql = format!(
            "SELECT id, created_ms, source, provider, event_type, event_id, timestamp, signature, secret_label,
             secret_fp, headers, body, url FROM signed WHERE {condition} ORDER BY id DESC LIMIT 1"
        );
        let row = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params![value], |r| {
                Ok(Signed {
                    id: r.get(0)?,
                    created_ms: r.get(1)?,
                    source: r.get(2)?,
                    provider: r.get(3)?,
                    event_type: r.get(4)?,
                    event_id: r.get(5)?,
                    timestamp: r.get(6)?,
                    signature: r.get(7)?,
                    secret_label: r.get(8)?,
                    secret_fp: r.get(9)?,
                    headers: serde_json::from_str(&r.get::<_, String>(10)?).unwrap_or_default(),
                    body: r.get(11)?,
                    url: r.get(12)?,
                })
            })
            .optional()?;
        Ok(row)
    }

    /// How many delivery attempts were recorded for a signed request.
    pub fn delivery_count(&self, signed_id: i64) -> anyhow::Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM deliveries WHERE signed_id = ?1", params![signed_id], |r| r.get(0))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_and_finds_signed_requests() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("sub/events.db")).unwrap();
        let headers = serde_json::json!({"Stripe-Signature": "t=1,v1=abc"});
        let id = store
            .record_signed(&NewSigned {
                source: "sign",
                provider: "stripe",
                event_type: "charge.succeeded",
                event_id: "evt_1",
                timestamp: 1,
                signature: "abc",
                secret_label: "--secret",
                secret_fp: "deadbeef",
                headers: &headers,
                body: b"{\n}",
                url: None,
            })
            .unwrap();
        let found = store.find_signed_by_signature("abc").unwrap().unwrap();
        assert_eq!(found.id, id);
        assert_eq!(found.body, b"{\n}");
        assert_eq!(store.find_signed_by_event_id("evt_1").unwrap().unwrap().id, id);
        assert!(store.find_signed_by_signature("zzz").unwrap().is_none());
        store
            .record_delivery(&NewDelivery {
                signed_id: id,
                attempt: 1,
                sent_ms: 5,
                url: "http://127.0.0.1:1/",
                status: Some(200),
                latency_ms: Some(1.5),
                response_headers: None,
                response_body: Some(b"ok"),
                error: None,
            })
            .unwrap();
        assert_eq!(store.delivery_count(id).unwrap(), 1);
        store.prune(30, 0).unwrap();
        assert!(store.find_signed_by_signature("abc").unwrap().is_none());
    }
}

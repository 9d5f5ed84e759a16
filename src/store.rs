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
/// How often (in rows recorded) the signed table is pruned.
const PRUNE_EVERY: i64 = 500;

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
CREATE INDEX IF NOT EXISTS signed_created ON signed(created_ms);

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

/// A WAL larger than this is checkpointed and truncated when a connection
/// closes (see `Drop for Store`).
const WAL_TRUNCATE_AT: u64 = 4 << 20;

/// Short-lived commands (`sign`, `send`) write one transaction per process,
/// and SQLite restarts the WAL from its start only at a connection's next
/// write after a full checkpoint, which never comes: the WAL only grew, and
/// every process reads all of it when it opens the store (after 600 `sign`s:
/// a 43 MB WAL and 29 ms per `sign` instead of 4). So whoever closes a
/// connection past `WAL_TRUNCATE_AT` checkpoints and truncates it: one
/// checkpoint's fsyncs every few dozen commands. It does not wait: if another
/// process (a busy listener) is reading, the next close tries again.
impl Drop for Store {
    fn drop(&mut self) {
        let mut wal = self.path.clone().into_os_string();
        wal.push("-wal");
        let big = std::fs::metadata(&wal).is_ok_and(|m| m.len() > WAL_TRUNCATE_AT);
        if big && self.conn.busy_timeout(std::time::Duration::ZERO).is_ok() {
            let _ = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
    }
}

pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// The body of the newest signed row with this signature or, failing
/// that, for this event id.
fn signed_body(
    conn: &Connection,
    signature: Option<&str>,
    event_id: Option<&str>,
) -> anyhow::Result<Option<Vec<u8>>> {
    if signature.is_none() && event_id.is_none() {
        return Ok(None);
    }
    let body = conn
        .prepare_cached(
            // Index seeks only (max of rowid within an index prefix),
            // no sorter.
            "SELECT body FROM signed WHERE id = coalesce(
               (SELECT max(id) FROM signed WHERE signature = ?1),
               (SELECT max(id) FROM signed WHERE event_id = ?2))",
        )?
        .query_row(params![signature, event_id], |r| r.get(0))
        .optional()?;
    Ok(body)
}

impl Store {
    /// Opens (creating if needed) the store at `path`, in WAL mode so a
    /// committed row survives the process being killed.
    pub fn open(path: &Path) -> anyhow::Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| {
                format!("cannot create the event store directory {}", dir.display())
            })?;
        }
        let conn = Connection::open(path)
            .with_context(|| format!("cannot open the event store {}", path.display()))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // New stores only (a no-op once the file exists): rows carry whole
        // webhook bodies (~2 KB), one per 4 KiB page; 16 KiB pages hold
        // seven, so the listener writes ~40 % fewer bytes per request.
        conn.pragma_update(None, "page_size", 16384)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // A short-lived command (`sign`) would otherwise checkpoint and
        // delete the WAL on every exit, paying several fsyncs; SQLite's
        // automatic checkpoints keep the WAL bounded instead.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.execute_batch(SCHEMA)
            .and_then(|()| conn.execute_batch(RECEIVED_SCHEMA))
            .with_context(|| format!("cannot set up the event store {}", path.display()))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
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
    /// Their deliveries go with them (ON DELETE CASCADE). Both deletes use
    /// an index, so a prune costs what it removes, not the table's size.
    pub fn prune(&self, max_age_days: i64, max_rows: i64) -> anyhow::Result<()> {
        let cutoff = now_ms() - max_age_days * 86_400_000;
        self.conn
            .execute("DELETE FROM signed WHERE created_ms < ?1", params![cutoff])?;
        self.conn.execute(
            "DELETE FROM signed WHERE id <= (SELECT max(id) FROM signed) - ?1",
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
        let id = self.conn.last_insert_rowid();
        // Keep the documented bounds without a cost on every command:
        // prune once every PRUNE_EVERY rows.
        if id % PRUNE_EVERY == 0 {
            self.prune(DEFAULT_MAX_AGE_DAYS, DEFAULT_MAX_ROWS)?;
        }
        Ok(id)
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
    #[cfg(test)]
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
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM deliveries WHERE signed_id = ?1",
            params![signed_id],
            |r| r.get(0),
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wal_stays_bounded_across_short_lived_connections() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.db");
        let headers = serde_json::json!({});
        let body = vec![b'x'; 2000];
        // One connection and one write per "process", as `sign` does.
        for i in 0..400 {
            let sig = format!("sig{i}");
            Store::open(&path)
                .unwrap()
                .record_signed(&NewSigned {
                    source: "sign",
                    provider: "stripe",
                    event_type: "charge.succeeded",
                    event_id: &sig,
                    timestamp: 1,
                    signature: &sig,
                    secret_label: "--secret",
                    secret_fp: "deadbeef",
                    headers: &headers,
                    body: &body,
                    url: None,
                })
                .unwrap();
        }
        let wal = std::fs::metadata(dir.path().join("events.db-wal")).map_or(0, |m| m.len());
        assert!(
            wal <= WAL_TRUNCATE_AT + (1 << 20),
            "the WAL grew to {wal} bytes"
        );
        let store = Store::open(&path).unwrap();
        assert!(store.find_signed_by_signature("sig0").unwrap().is_some());
        assert!(store.find_signed_by_signature("sig399").unwrap().is_some());
    }

    #[test]
    fn records_and_finds_signed_requests() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("sub/events.db")).unwrap();
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
        assert_eq!(
            store.find_signed_by_event_id("evt_1").unwrap().unwrap().id,
            id
        );
        assert!(store.find_signed_by_signature("zzz").unwrap().is_none());
        {
            // A failed request is recorded unless hookcli signed its body:
            // by signature first, then by event id.
            let mut body = |signature: Option<&str>, event_id: Option<&str>| {
                let pending = Pending {
                    row: NewReceived::default(),
                    unless_signed: Some(SignedKeys {
                        signature: signature.map(String::from),
                        event_id: event_id.map(String::from),
                    }),
                };
                match store.record_received_batch(&[pending]).unwrap()[..] {
                    [Recorded::Original(ref b)] => Some(b.clone()),
                    [Recorded::Id(_)] => None,
                    ref other => panic!("{other:?}"),
                }
            };
            assert_eq!(body(Some("abc"), None), Some(found.body.clone()));
            assert_eq!(body(Some("zzz"), Some("evt_1")), Some(found.body.clone()));
            assert_eq!(body(Some("zzz"), Some("evt_none")), None);
            assert_eq!(body(None, None), None);
        }
        let received: i64 = store
            .connection()
            .query_row("SELECT count(*) FROM received", [], |r| r.get(0))
            .unwrap();
        assert_eq!(received, 2, "the two with an original are not recorded");
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
        assert_eq!(
            store.delivery_count(id).unwrap(),
            0,
            "deliveries go with their request"
        );
    }
}

// ---------------------------------------------------------------------------
// Received requests (`hookcli listen`), dead letters and replays
// (`hookcli events`, `hookcli replay`).
//
// Every POST the listener answers is a row here, written before the answer
// is sent. A row whose forward to the app failed (no response, or non-2xx)
// is a dead letter until a replay of it gets a 2xx. The table is bounded by
// `DEFAULT_MAX_AGE_DAYS` and `DEFAULT_MAX_ROWS`, like the others.
//
// Its only secondary index is the (small, partial) dead-letter one. The
// listener writes a row per request and, once the row bound is reached,
// deletes one per request; every index is paid twice per request. Indexes on
// the time and the event type (dropped from stores made before) cost the
// listener's writer ~5 us of its ~26 per failed request (per-thread CPU
// under `wrk -c32`) and lengthened its pauses. What they served are queries
// a person runs: `events --type`/`--since` now scan the table newest
// first, ~80 ms for a full store of 100,000 rows. Ids grow with arrival, so
// the age bound is found from the oldest row forward (see
// `prune_received_by_age`).
// ---------------------------------------------------------------------------

const RECEIVED_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS received (
    id                 INTEGER PRIMARY KEY,
    received_ms        INTEGER NOT NULL,
    method             TEXT NOT NULL,
    path               TEXT NOT NULL,
    remote             TEXT NOT NULL,
    provider           TEXT,                -- NULL when not detected
    event_type         TEXT,
    event_id           TEXT,
    signature          TEXT,                -- first signature, wire form
    valid              INTEGER NOT NULL,
    causes             TEXT NOT NULL,       -- JSON array of cause ids
    flags              TEXT NOT NULL,       -- JSON array of delivery flag ids
    secret_label       TEXT,                -- the secret that verified (label only)
    secret_fp          TEXT,
    headers            TEXT NOT NULL,       -- JSON array of [name, value], arrival order
    body               BLOB NOT NULL,
    status             INTEGER NOT NULL,    -- what the listener answered
    forward_url        TEXT,
    forward_status     INTEGER,
    forward_latency_ms REAL,
    forward_error      TEXT,
    forward_body       BLOB,
    dead_letter        INTEGER NOT NULL DEFAULT 0,
    replay_count       INTEGER NOT NULL DEFAULT 0,
    replayed_ms        INTEGER,
    replay_status      INTEGER,
    replay_error       TEXT
);
DROP INDEX IF EXISTS received_time;
DROP INDEX IF EXISTS received_type;
CREATE INDEX IF NOT EXISTS received_dead ON received(dead_letter) WHERE dead_letter = 1;
";

/// One request the listener received, as recorded (id and nothing else assigned).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewReceived {
    pub received_ms: i64,
    pub method: String,
    pub path: String,
    pub remote: String,
    pub provider: Option<String>,
    pub event_type: Option<String>,
    pub event_id: Option<String>,
    pub signature: Option<String>,
    pub valid: bool,
    pub causes: Vec<String>,
    pub flags: Vec<String>,
    pub secret_label: Option<String>,
    pub secret_fp: Option<String>,
    /// `[name, value]` pairs in arrival order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub status: u16,
    pub forward: Option<ForwardOutcome>,
}

/// A received request waiting to be recorded.
#[derive(Debug, Clone, Default)]
pub struct Pending {
    pub row: NewReceived,
    /// For a failed request: where to look for the body hookcli signed for
    /// it; when there is one, the row is not recorded (see
    /// [`Store::record_received_batch`]).
    pub unless_signed: Option<SignedKeys>,
}

impl From<NewReceived> for Pending {
    fn from(row: NewReceived) -> Pending {
        Pending {
            row,
            unless_signed: None,
        }
    }
}

/// What a signed request is looked up by: its signature, then its event id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignedKeys {
    pub signature: Option<String>,
    pub event_id: Option<String>,
}

/// What became of a [`Pending`] row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    /// Recorded with this row id.
    Id(i64),
    /// Not recorded: hookcli signed this body for the request.
    Original(Vec<u8>),
}

/// What happened when the listener forwarded a request to the app.
#[derive(Debug, Clone, PartialEq)]
pub struct ForwardOutcome {
    pub url: String,
    pub status: Option<u16>,
    pub latency_ms: Option<f64>,
    pub error: Option<String>,
    pub body: Option<Vec<u8>>,
}

impl ForwardOutcome {
    /// No response, or a non-2xx one.
    pub fn failed(&self) -> bool {
        !matches!(self.status, Some(s) if (200..300).contains(&s))
    }
}

/// A received request as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ReceivedRow {
    pub id: i64,
    pub new: NewReceived,
    pub dead_letter: bool,
    pub replay_count: i64,
    pub replayed_ms: Option<i64>,
    pub replay_status: Option<u16>,
    pub replay_error: Option<String>,
}

/// Which received requests to list. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct ReceivedFilter {
    pub ids: Vec<i64>,
    /// Exact type, or a prefix when it ends in `*` (`invoice.*`).
    pub event_type: Option<String>,
    pub valid: Option<bool>,
    pub since_ms: Option<i64>,
    pub dead_letters_only: bool,
    /// Newest first, at most this many.
    pub limit: Option<i64>,
}

const RECEIVED_COLUMNS: &str = "id, received_ms, method, path, remote, provider, event_type, event_id, signature,
    valid, causes, flags, secret_label, secret_fp, headers, body, status, forward_url, forward_status,
    forward_latency_ms, forward_error, forward_body, dead_letter, replay_count, replayed_ms, replay_status,
    replay_error";

/// A row's headers as JSON text, in a buffer sized for them up front:
/// `serde_json::to_string` starts at 128 bytes and reallocated a typical
/// webhook's headers three or four times, on the listener's writer thread.
fn headers_json(headers: &[(String, String)]) -> anyhow::Result<String> {
    // `["name","value"],` per header, before any escapes.
    let size = headers
        .iter()
        .map(|(n, v)| n.len() + v.len() + 8)
        .sum::<usize>()
        + 2;
    let mut text = Vec::with_capacity(size);
    serde_json::to_writer(&mut text, headers)?;
    Ok(String::from_utf8(text)?)
}

fn json_list<T: serde::de::DeserializeOwned>(text: &str) -> Vec<T> {
    serde_json::from_str(text).unwrap_or_default()
}

fn received_row(r: &rusqlite::Row) -> rusqlite::Result<ReceivedRow> {
    let forward_url: Option<String> = r.get(17)?;
    let forward = forward_url.map(|url| -> rusqlite::Result<ForwardOutcome> {
        Ok(ForwardOutcome {
            url,
            status: r.get(18)?,
            latency_ms: r.get(19)?,
            error: r.get(20)?,
            body: r.get(21)?,
        })
    });
    Ok(ReceivedRow {
        id: r.get(0)?,
        new: NewReceived {
            received_ms: r.get(1)?,
            method: r.get(2)?,
            path: r.get(3)?,
            remote: r.get(4)?,
            provider: r.get(5)?,
            event_type: r.get(6)?,
            event_id: r.get(7)?,
            signature: r.get(8)?,
            valid: r.get(9)?,
            causes: json_list(&r.get::<_, String>(10)?),
            flags: json_list(&r.get::<_, String>(11)?),
            secret_label: r.get(12)?,
            secret_fp: r.get(13)?,
            headers: json_list(&r.get::<_, String>(14)?),
            body: r.get(15)?,
            status: r.get(16)?,
            forward: forward.transpose()?,
        },
        dead_letter: r.get(22)?,
        replay_count: r.get(23)?,
        replayed_ms: r.get(24)?,
        replay_status: r.get(25)?,
        replay_error: r.get(26)?,
    })
}

impl Store {
    /// Records received requests in one transaction (the listener's group
    /// commit) and says, in order, what became of each: its row id, or,
    /// for a request to be recorded `unless_signed`, the body hookcli
    /// signed for it, when there is one (that request is not recorded: its
    /// caller judges it again against that body). The lookup sees everything
    /// committed before the batch began. In WAL mode a committed batch
    /// survives the process being killed. [`trim_received`](Self::trim_received)
    /// keeps the row bound.
    pub fn record_received_batch(&mut self, batch: &[Pending]) -> anyhow::Result<Vec<Recorded>> {
        // BEGIN and COMMIT come from the statement cache: `transaction()`
        // parsed both anew for every batch, ~1 % of a failed request's CPU.
        self.conn.prepare_cached("BEGIN")?.execute([])?;
        let outcome = self.insert_received(batch).and_then(|done| {
            self.conn.prepare_cached("COMMIT")?.execute([])?;
            Ok(done)
        });
        if outcome.is_err() && !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        outcome
    }

    /// The inserts and lookups of [`record_received_batch`](Self::record_received_batch),
    /// inside its transaction.
    fn insert_received(&self, batch: &[Pending]) -> anyhow::Result<Vec<Recorded>> {
        let tx = &self.conn;
        let mut done = Vec::with_capacity(batch.len());
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO received (received_ms, method, path, remote, provider, event_type, event_id, signature,
                 valid, causes, flags, secret_label, secret_fp, headers, body, status, forward_url, forward_status,
                 forward_latency_ms, forward_error, forward_body, dead_letter)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22)",
            )?;
            for Pending {
                row: n,
                unless_signed,
            } in batch
            {
                if let Some(keys) = unless_signed
                    && let Some(body) =
                        signed_body(tx, keys.signature.as_deref(), keys.event_id.as_deref())?
                {
                    done.push(Recorded::Original(body));
                    continue;
                }
                let f = n.forward.as_ref();
                stmt.execute(params![
                    n.received_ms,
                    n.method,
                    n.path,
                    n.remote,
                    n.provider,
                    n.event_type,
                    n.event_id,
                    n.signature,
                    n.valid,
                    serde_json::to_string(&n.causes)?,
                    serde_json::to_string(&n.flags)?,
                    n.secret_label,
                    n.secret_fp,
                    headers_json(&n.headers)?,
                    n.body,
                    n.status,
                    f.map(|f| &f.url),
                    f.and_then(|f| f.status),
                    f.and_then(|f| f.latency_ms),
                    f.and_then(|f| f.error.as_deref()),
                    f.and_then(|f| f.body.as_deref()),
                    f.is_some_and(ForwardOutcome::failed),
                ])?;
                done.push(Recorded::Id(tx.last_insert_rowid()));
            }
        }
        Ok(done)
    }

    /// Keeps the received table at `max_rows`, plus less than one step of
    /// `max_rows / 64` (at most 128 rows) waiting to go. Old rows go in
    /// steps, not a few per batch: a batch that trims one or two rows
    /// rewrites the oldest table and index pages at every commit, which
    /// doubled the bytes each commit wrote. Between steps the DELETE is one
    /// index seek that finds nothing. The listener's writer runs it after a
    /// batch is answered: a step of 128 rows takes ~1 ms, which no waiting
    /// request should pay.
    pub fn trim_received(&self, max_rows: i64) -> anyhow::Result<usize> {
        let step = (max_rows / 64).clamp(1, 128);
        Ok(self
            .conn
            .prepare_cached(
                "DELETE FROM received WHERE id <=
                   (SELECT (max(id) - ?1) - ((max(id) - ?1) % ?2 + ?2) % ?2 FROM received)",
            )?
            .execute(params![max_rows, step])?)
    }

    /// Deletes received rows older than `max_age_days` and all but the
    /// newest `max_rows` ids. Ids only grow, so the bound is found from the
    /// largest id in O(log n); `LIMIT 1 OFFSET max_rows` walked every row
    /// (one page each, bodies inline), which stalled the listener's writer.
    pub fn prune_received(&self, max_age_days: i64, max_rows: i64) -> anyhow::Result<usize> {
        let old = self.prune_received_by_age(max_age_days)?;
        let extra = self.conn.execute(
            "DELETE FROM received WHERE id <= (SELECT max(id) FROM received) - ?1",
            params![max_rows],
        )?;
        Ok(old + extra)
    }

    /// Deletes received rows older than `max_age_days`: those before the
    /// oldest row (by id, which grows with arrival) that is younger. Found
    /// by walking from the oldest row, so it costs what it deletes. A row
    /// out of order (the clock was set back) waits for the rows before it.
    pub fn prune_received_by_age(&self, max_age_days: i64) -> anyhow::Result<usize> {
        let cutoff = now_ms() - max_age_days * 86_400_000;
        Ok(self.conn.execute(
            "DELETE FROM received WHERE id < coalesce(
               (SELECT id FROM received WHERE received_ms >= ?1 ORDER BY id LIMIT 1),
               (SELECT max(id) + 1 FROM received))",
            params![cutoff],
        )?)
    }

    /// Received requests matching `filter`, newest first.
    pub fn list_received(&self, filter: &ReceivedFilter) -> anyhow::Result<Vec<ReceivedRow>> {
        let mut conditions: Vec<String> = Vec::new();
        let mut values: Vec<rusqlite::types::Value> = Vec::new();
        if !filter.ids.is_empty() {
            let marks = vec!["?"; filter.ids.len()].join(",");
            conditions.push(format!("id IN ({marks})"));
            values.extend(filter.ids.iter().map(|&i| i.into()));
        }
        if let Some(t) = &filter.event_type {
            match t.strip_suffix('*') {
                Some(prefix) => {
                    conditions.push("substr(event_type, 1, length(?)) = ?".into());
                    values.push(prefix.to_string().into());
                    values.push(prefix.to_string().into());
                }
                None => {
                    conditions.push("event_type = ?".into());
                    values.push(t.clone().into());
                }
            }
        }
        if let Some(v) = filter.valid {
            conditions.push("valid = ?".into());
            values.push(i64::from(v).into());
        }
        if let Some(since) = filter.since_ms {
            conditions.push("received_ms >= ?".into());
            values.push(since.into());
        }
        if filter.dead_letters_only {
            conditions.push("dead_letter = 1".into());
        }
        let mut sql = format!("SELECT {RECEIVED_COLUMNS} FROM received");
        if !conditions.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&conditions.join(" AND "));
        }
        sql.push_str(" ORDER BY id DESC");
        if let Some(limit) = filter.limit {
            sql.push_str(&format!(" LIMIT {}", limit.max(0)));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values), received_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn get_received(&self, id: i64) -> anyhow::Result<Option<ReceivedRow>> {
        let sql = format!("SELECT {RECEIVED_COLUMNS} FROM received WHERE id = ?1");
        Ok(self
            .conn
            .query_row(&sql, params![id], received_row)
            .optional()?)
    }

    /// Records one replay of a received request; a 2xx clears its dead-letter mark.
    pub fn record_replay(
        &self,
        id: i64,
        status: Option<u16>,
        error: Option<&str>,
    ) -> anyhow::Result<()> {
        let ok = matches!(status, Some(s) if (200..300).contains(&s));
        self.conn.execute(
            "UPDATE received SET replay_count = replay_count + 1, replayed_ms = ?2, replay_status = ?3,
             replay_error = ?4, dead_letter = CASE WHEN ?5 THEN 0 ELSE dead_letter END WHERE id = ?1",
            params![id, now_ms(), status, error, ok],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod received_tests {
    use super::*;

    fn sample(event_type: &str, valid: bool, forward_status: Option<u16>) -> NewReceived {
        NewReceived {
            received_ms: now_ms(),
            method: "POST".into(),
            path: "/webhooks".into(),
            remote: "127.0.0.1:1".into(),
            provider: Some("stripe".into()),
            event_type: Some(event_type.into()),
            event_id: Some("evt_1".into()),
            signature: Some("abc".into()),
            valid,
            causes: if valid {
                vec![]
            } else {
                vec!["wrong_secret".into()]
            },
            flags: vec!["duplicate_event".into()],
            secret_label: None,
            secret_fp: None,
            headers: vec![("Stripe-Signature".into(), "t=1,v1=abc".into())],
            body: b"\xff{}".to_vec(),
            status: if valid { 200 } else { 400 },
            forward: forward_status.map(|s| ForwardOutcome {
                url: "http://127.0.0.1:9/".into(),
                status: Some(s),
                latency_ms: Some(1.0),
                error: None,
                body: None,
            }),
        }
    }

    #[test]
    fn new_stores_use_16k_pages() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("e.db")).unwrap();
        let size: i64 = store
            .connection()
            .pragma_query_value(None, "page_size", |r| r.get(0))
            .unwrap();
        assert_eq!(size, 16384);
    }

    /// Records `rows` as one batch and trims, as the listener's writer does; their row ids.
    fn record(store: &mut Store, rows: &[NewReceived], max_rows: i64) -> Vec<i64> {
        let batch: Vec<Pending> = rows.iter().cloned().map(Pending::from).collect();
        let ids = store
            .record_received_batch(&batch)
            .unwrap()
            .into_iter()
            .map(|r| match r {
                Recorded::Id(id) => id,
                Recorded::Original(_) => panic!("nothing was to be looked up"),
            })
            .collect();
        store.trim_received(max_rows).unwrap();
        ids
    }

    #[test]
    fn a_batch_that_fails_is_rolled_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("e.db")).unwrap();
        store
            .connection()
            .execute_batch(
                "CREATE TRIGGER boom BEFORE INSERT ON received WHEN NEW.event_type = 'boom'
                 BEGIN SELECT RAISE(ABORT, 'boom'); END;",
            )
            .unwrap();
        let batch: Vec<Pending> = [
            sample("invoice.paid", true, None),
            sample("boom", true, None),
        ]
        .into_iter()
        .map(Pending::from)
        .collect();
        let err = store.record_received_batch(&batch).unwrap_err();
        assert!(format!("{err:#}").contains("boom"), "{err:#}");
        assert!(
            store.connection().is_autocommit(),
            "no transaction is left open"
        );
        assert!(
            store
                .list_received(&ReceivedFilter::default())
                .unwrap()
                .is_empty()
        );
        // The next batch commits as usual.
        let ids = record(&mut store, &[sample("invoice.paid", true, None)], 100);
        assert_eq!(
            store.list_received(&ReceivedFilter::default()).unwrap()[0].id,
            ids[0]
        );
    }

    #[test]
    fn batches_round_trip_and_filter() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("e.db")).unwrap();
        let rows = [
            sample("invoice.paid", true, Some(200)),
            sample("invoice.created", false, Some(500)),
            sample("charge.succeeded", true, None),
        ];
        let ids = record(&mut store, &rows, 100);
        assert_eq!(ids.len(), 3);
        let got = store.get_received(ids[0]).unwrap().unwrap();
        assert_eq!(got.new, rows[0]);
        let f = |filter: ReceivedFilter| -> Vec<i64> {
            store
                .list_received(&filter)
                .unwrap()
                .into_iter()
                .map(|r| r.id)
                .collect()
        };
        assert_eq!(f(ReceivedFilter::default()), vec![ids[2], ids[1], ids[0]]);
        assert_eq!(
            f(ReceivedFilter {
                event_type: Some("invoice.*".into()),
                ..Default::default()
            }),
            vec![ids[1], ids[0]]
        );
        assert_eq!(
            f(ReceivedFilter {
                valid: Some(false),
                ..Default::default()
            }),
            vec![ids[1]]
        );
        assert_eq!(
            f(ReceivedFilter {
                dead_letters_only: true,
                ..Default::default()
            }),
            vec![ids[1]]
        );
        store.record_replay(ids[1], Some(204), None).unwrap();
        assert!(
            f(ReceivedFilter {
                dead_letters_only: true,
                ..Default::default()
            })
            .is_empty()
        );
        assert_eq!(store.prune_received(30, 1).unwrap(), 2);
        assert_eq!(f(ReceivedFilter::default()), vec![ids[2]]);
        // Recording keeps the bound itself.
        let more = record(&mut store, &rows, 2);
        let kept: Vec<i64> = store
            .list_received(&ReceivedFilter::default())
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(kept, vec![more[2], more[1]]);
    }

    #[test]
    fn the_age_bound_deletes_from_the_oldest_row_to_the_first_young_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("e.db")).unwrap();
        let day = 86_400_000;
        let at = |age_days: i64| NewReceived {
            received_ms: now_ms() - age_days * day,
            ..sample("invoice.paid", true, None)
        };
        // Ids grow with arrival; the fourth row came while the clock was set back.
        let ids = record(&mut store, &[at(40), at(35), at(1), at(50), at(2)], 100);
        let kept = |store: &Store| -> Vec<i64> {
            let rows = store.list_received(&ReceivedFilter::default()).unwrap();
            rows.iter().rev().map(|r| r.id).collect()
        };
        assert_eq!(store.prune_received_by_age(30).unwrap(), 2);
        assert_eq!(kept(&store), ids[2..].to_vec());
        assert_eq!(
            store.prune_received_by_age(0).unwrap(),
            3,
            "none young: all go"
        );
        assert!(kept(&store).is_empty());
    }

    #[test]
    fn stores_made_before_lose_the_time_and_type_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.db");
        drop(Store::open(&path).unwrap());
        let old = Connection::open(&path).unwrap();
        old.execute_batch(
            "CREATE INDEX received_time ON received(received_ms);
             CREATE INDEX received_type ON received(event_type);",
        )
        .unwrap();
        drop(old);
        let store = Store::open(&path).unwrap();
        let indexes: Vec<String> = store
            .connection()
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'received'",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(indexes, vec!["received_dead"]);
    }

    #[test]
    fn the_received_bound_is_kept_in_steps() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("e.db")).unwrap();
        let batch: Vec<NewReceived> = (0..10)
            .map(|_| sample("invoice.paid", true, Some(200)))
            .collect();
        let count = |store: &Store| -> i64 {
            store
                .connection()
                .query_row("SELECT count(*) FROM received", [], |r| r.get(0))
                .unwrap()
        };
        // A bound of 640 goes in steps of 10: never under it, never a step over.
        for _ in 0..100 {
            record(&mut store, &batch, 640);
            let n = count(&store);
            assert!(n <= 640 + 10, "{n}");
        }
        assert!(count(&store) >= 640);
    }
}

/// Row counts per table, for `hookcli store`.
pub struct TableCount {
    pub table: String,
    pub rows: i64,
}

impl Store {
    /// Every table hookcli created and how many rows it holds.
    pub fn table_counts(&self) -> anyhow::Result<Vec<TableCount>> {
        let names: Vec<String> = self
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        names
            .into_iter()
            .map(|table| {
                let rows = self.conn.query_row(
                    &format!("SELECT count(*) FROM \"{}\"", table.replace('"', "\"\"")),
                    [],
                    |r| r.get(0),
                )?;
                Ok(TableCount { table, rows })
            })
            .collect()
    }

    /// Deletes every recorded row, in one transaction, and compacts the file.
    pub fn clear(&mut self) -> anyhow::Result<i64> {
        let counts = self.table_counts()?;
        let tx = self.conn.transaction()?;
        tx.pragma_update(None, "defer_foreign_keys", "ON")?;
        for c in &counts {
            tx.execute(
                &format!("DELETE FROM \"{}\"", c.table.replace('"', "\"\"")),
                [],
            )?;
        }
        tx.commit()?;
        self.conn.execute_batch("VACUUM")?;
        Ok(counts.iter().map(|c| c.rows).sum())
    }
}

//! The schema, as numbered steps. `PRAGMA user_version` says how many a
//! store has had; opening it runs the rest, in one transaction, and a store
//! from a newer hookcli (a version past the last step) is refused rather
//! than written. Steps are never edited once released: a change is a new
//! step at the end.

use anyhow::Context as _;
use rusqlite::{Connection, TransactionBehavior};

/// Step 1 is the schema as releases before versioning (b65079d and
/// earlier) left it, so their stores (`user_version` 0) take it as a no-op
/// and keep every row. Stores made before that still carried two received
/// indexes, which it drops (they cost the listener's writer on every row;
/// `events --type/--since` scan the table newest first instead).
pub(super) const STEPS: &[&str] = &[
    // 1: signed requests, their deliveries, received requests.
    "
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
    ",
    // 2: load runs (`send --count`): a template once per run, and per
    // delivery a delta in chunks (see `load.rs`).
    "
    CREATE TABLE load_runs (
        id            INTEGER PRIMARY KEY,
        created_ms    INTEGER NOT NULL,
        provider      TEXT NOT NULL,
        event_type    TEXT NOT NULL,
        url           TEXT NOT NULL,
        secret_label  TEXT NOT NULL,
        secret_fp     TEXT NOT NULL,
        base_ts       INTEGER NOT NULL,         -- timestamps are kept relative to it
        template      BLOB NOT NULL             -- body parts around the holes, header pieces
    );
    CREATE TABLE load_chunks (
        id            INTEGER PRIMARY KEY,
        run_id        INTEGER NOT NULL,
        kind          INTEGER NOT NULL,         -- 0: requests as signed, 1: what came back
        created_ms    INTEGER NOT NULL,
        count         INTEGER NOT NULL,
        data          BLOB NOT NULL             -- one record per delivery
    );
    CREATE INDEX load_chunks_run ON load_chunks(run_id, kind);
    CREATE TABLE load_keys (
        id            INTEGER PRIMARY KEY,
        tier          INTEGER NOT NULL,
        entries       BLOB NOT NULL             -- sorted (key, chunk << 16 | slot) pairs
    );
    ",
];

/// The version a store is at once opened.
pub const LATEST: usize = STEPS.len();

/// Runs the steps `conn`'s store has not had yet.
pub fn upgrade(conn: &mut Connection) -> anyhow::Result<()> {
    let version = |c: &Connection| -> rusqlite::Result<i64> {
        c.pragma_query_value(None, "user_version", |r| r.get(0))
    };
    if version(conn)? == LATEST as i64 {
        return Ok(());
    }
    // IMMEDIATE: two processes opening an old store at once take turns,
    // and the second finds it done.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let at = version(&tx)?;
    if at > LATEST as i64 {
        let path = std::path::PathBuf::from(tx.path().unwrap_or_default());
        return Err(super::StoreError::newer(&path, at, LATEST).into());
    }
    for (i, step) in STEPS.iter().enumerate().skip(at.max(0) as usize) {
        tx.execute_batch(step)
            .with_context(|| format!("store migration {}", i + 1))?;
    }
    tx.pragma_update(None, "user_version", LATEST as i64)?;
    tx.commit()?;
    Ok(())
}

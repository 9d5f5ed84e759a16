//! Requests hookcli signed (`sign`, `send`, `fixtures generate`), and
//! finding the body it signed for a request someone received: by
//! signature, then by event id, in these rows and in load runs.

use super::{DEFAULT_MAX_AGE_DAYS, DEFAULT_MAX_ROWS, Store, load};
use crate::clock::now_ms;
use rusqlite::{Connection, OptionalExtension, params};

/// How often (in rows recorded) the signed table is pruned.
const PRUNE_EVERY: i64 = 500;

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

/// The body hookcli signed for a request, and who signed it.
#[derive(Debug, Clone, PartialEq)]
pub struct Original {
    pub body: Vec<u8>,
    /// `sign`, `send`, `fixtures` or `send --count`.
    pub source: String,
    pub created_ms: i64,
    pub secret_label: String,
    pub secret_fp: String,
}

/// The newest request hookcli signed with this signature or, failing
/// that, with this event id: a signed row or a load delivery, whichever
/// is newer. Without load runs it is one statement (the listener's writer
/// runs it for every failed request).
pub(super) fn original(
    conn: &Connection,
    signature: Option<&str>,
    event_id: Option<&str>,
) -> anyhow::Result<Option<Original>> {
    let (signature, event_id) = (
        signature.filter(|v| !v.is_empty()),
        event_id.filter(|v| !v.is_empty()),
    );
    if signature.is_none() && event_id.is_none() {
        return Ok(None);
    }
    let segments = load::segments(conn)?;
    if segments.is_empty() {
        return newest_signed(conn, signature, event_id);
    }
    for (by_signature, value) in [(true, signature), (false, event_id)] {
        let Some(value) = value else { continue };
        let row = if by_signature {
            newest_signed(conn, Some(value), None)?
        } else {
            newest_signed(conn, None, Some(value))?
        };
        let loaded = load::find(conn, &segments, by_signature, value)?;
        let newest = match (row, loaded) {
            (Some(a), Some(b)) => Some(if b.created_ms > a.created_ms { b } else { a }),
            (a, b) => a.or(b),
        };
        if newest.is_some() {
            return Ok(newest);
        }
    }
    Ok(None)
}

/// The newest signed row with this signature, else with this event id.
fn newest_signed(
    conn: &Connection,
    signature: Option<&str>,
    event_id: Option<&str>,
) -> anyhow::Result<Option<Original>> {
    // Index seeks only (max of rowid within an index prefix), no sorter.
    Ok(conn
        .prepare_cached(
            "SELECT body, source, created_ms, secret_label, secret_fp FROM signed WHERE id = coalesce(
               (SELECT max(id) FROM signed WHERE signature = ?1),
               (SELECT max(id) FROM signed WHERE event_id = ?2))",
        )?
        .query_row(params![signature, event_id], |r| {
            Ok(Original {
                body: r.get(0)?,
                source: r.get(1)?,
                created_ms: r.get(2)?,
                secret_label: r.get(3)?,
                secret_fp: r.get(4)?,
            })
        })
        .optional()?)
}

impl Store {
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
                super::redact::object(s.headers).to_string(),
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

    /// The body hookcli signed for a request with this signature or, failing
    /// that, this event id (see `verify`).
    pub fn find_original(
        &self,
        signature: Option<&str>,
        event_id: Option<&str>,
    ) -> anyhow::Result<Option<Original>> {
        original(&self.conn, signature, event_id)
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
}

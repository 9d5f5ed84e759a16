//! What came back for each delivery attempt of a signed request (`send`
//! without `--count`; load deliveries are kept by [`super::load`]).

use super::Store;
use rusqlite::params;

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

impl Store {
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

    /// How many delivery attempts were recorded for a signed request.
    pub fn delivery_count(&self, signed_id: i64) -> anyhow::Result<i64> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM deliveries WHERE signed_id = ?1",
            params![signed_id],
            |r| r.get(0),
        )?)
    }
}

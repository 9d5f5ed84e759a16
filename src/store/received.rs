//! Requests the listener received, dead letters and replays (`listen`,
//! `events`, `replay`).
//!
//! Every POST the listener answers is a row here, written before the answer
//! is sent. A row whose forward to the app failed (no response, or non-2xx)
//! is a dead letter until a replay of it gets a 2xx. The table is bounded by
//! `DEFAULT_MAX_AGE_DAYS` and `DEFAULT_MAX_ROWS`, like the others.
//!
//! Its only secondary index is the (small, partial) dead-letter one: the
//! listener writes a row per request and, once the row bound is reached,
//! deletes one per request, so every index is paid twice per request on its
//! writer. `events --type`/`--since` scan the table newest first instead.
//! Ids grow with arrival, so the age bound is found from the oldest row
//! forward (see `prune_received_by_age`).

use super::{Store, signed};
use crate::clock::now_ms;
use rusqlite::{OptionalExtension, params};

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
fn headers_column_text(headers: &[(String, String)]) -> anyhow::Result<String> {
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

/// The id up to which `Store::trim_received` deletes once the newest row
/// is `newest`: it moves once per step of `max_rows / 64` (1 to 128 rows),
/// and between moves the DELETE finds nothing, so a writer need not run it.
pub fn trim_bound(newest: i64, max_rows: i64) -> i64 {
    let step = (max_rows / 64).clamp(1, 128);
    let over = newest - max_rows;
    over - over.rem_euclid(step)
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
        self.write(|tx| insert_received(tx, batch))
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
        let newest: Option<i64> = self
            .conn
            .prepare_cached("SELECT max(id) FROM received")?
            .query_row([], |r| r.get(0))?;
        let Some(newest) = newest else {
            return Ok(0);
        };
        Ok(self
            .conn
            .prepare_cached("DELETE FROM received WHERE id <= ?1")?
            .execute(params![trim_bound(newest, max_rows)])?)
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

/// The inserts and lookups of [`Store::record_received_batch`], inside its
/// transaction.
pub(super) fn insert_received(
    tx: &rusqlite::Connection,
    batch: &[Pending],
) -> anyhow::Result<Vec<Recorded>> {
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
                && let Some(original) =
                    signed::original(tx, keys.signature.as_deref(), keys.event_id.as_deref())?
            {
                done.push(Recorded::Original(original.body));
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
                headers_column_text(&super::redact::pairs(&n.headers))?,
                n.body,
                n.status,
                f.map(|f| &f.url),
                f.and_then(|f| f.status),
                f.and_then(|f| f.latency_ms),
                f.and_then(|f| f.error.as_deref()),
                f.and_then(|f| f.body.as_deref()),
                n.valid && f.is_some_and(ForwardOutcome::failed),
            ])?;
            done.push(Recorded::Id(tx.last_insert_rowid()));
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
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
            .conn
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
        assert!(store.conn.is_autocommit(), "no transaction is left open");
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
            sample("invoice.created", true, Some(500)),
            sample("charge.succeeded", false, Some(401)),
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
            vec![ids[2]]
        );
        // Only the valid delivery the app did not accept is a dead letter:
        // the invalid one it turned away was rightly refused.
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
        // A store as releases before versioning left it (user_version 0).
        let old = rusqlite::Connection::open(&path).unwrap();
        old.execute_batch(super::super::migrations::STEPS[0])
            .unwrap();
        old.execute_batch(
            "CREATE INDEX received_time ON received(received_ms);
             CREATE INDEX received_type ON received(event_type);",
        )
        .unwrap();
        drop(old);
        let store = Store::open(&path).unwrap();
        let indexes: Vec<String> = store
            .conn
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
                .conn
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

    #[test]
    fn the_trim_finds_rows_only_when_its_bound_moves() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("e.db")).unwrap();
        let batch: Vec<Pending> = (0..3)
            .map(|_| Pending::from(sample("invoice.paid", true, None)))
            .collect();
        let mut last = None;
        for _ in 0..400 {
            let newest = store
                .record_received_batch(&batch)
                .unwrap()
                .into_iter()
                .filter_map(|r| match r {
                    Recorded::Id(id) => Some(id),
                    Recorded::Original(_) => None,
                })
                .max();
            let bound = newest.map(|id| trim_bound(id, 640));
            let deleted = store.trim_received(640).unwrap();
            if bound == last {
                assert_eq!(deleted, 0, "the bound stayed at {bound:?}");
            }
            last = bound;
        }
    }
}

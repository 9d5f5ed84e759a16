//! Load runs (`send --count`), recorded at full speed: each run keeps its
//! template once (the body's bytes around the fixture's holes, and each
//! header's value around the signature, timestamp and event id), and each
//! delivery only its delta: sequence number, timestamp, signature, event
//! id and the values in the holes, then what came back. From these the
//! exact bytes of any delivery are rebuilt on demand. A delivery whose
//! bytes do not fit the template (it should not happen) keeps its body or
//! headers whole, so a rebuild is always exact.
//!
//! Deltas go in chunks, one row per run per commit: no SQLite row or index
//! entry per delivery. Finding a delivery by signature or event id (the
//! listener and `verify` do) goes through `load_keys`: sorted runs of
//! (hash of the value, chunk and slot), one added per commit and merged
//! four at a time into the next tier, so a lookup binary-searches a few
//! blobs and a delivery's key is rewritten a few times at most, as bytes.

mod codec;
mod index;
mod template;

pub(in crate::store) use index::segments;
pub use template::{RunTemplate, Values};

use super::{Original, Store};
use crate::clock::now_ms;
use crate::request::Headers;
use codec::{
    EVENT_ID, Reader, SIGNATURE, key, put_bytes, put_signature, put_signed, put_varint,
    read_signature,
};
use rusqlite::{Connection, OptionalExtension, params};
use std::sync::Arc;

/// Deliveries per chunk at most (a slot is 16 bits).
const CHUNK_MAX: usize = 1 << 16;

const BODY_WHOLE: u8 = 1;
const HEADERS_WHOLE: u8 = 2;
const HOLE_LITERAL: u8 = 0;
const HOLE_EVENT_ID: u8 = 1;
const HOLE_TIMESTAMP: u8 = 2;

/// A load run being recorded: its id and template, shared by the workers
/// that encode each request's delta.
#[derive(Debug, Clone)]
pub struct LoadRun {
    pub id: i64,
    base_ts: i64,
    template: Arc<RunTemplate>,
}

/// One request of a load run, about to be sent.
pub struct LoadSent<'a> {
    pub seq: u64,
    pub values: Values<'a>,
    pub headers: &'a Headers,
    pub body: &'a [u8],
    /// Where the template's holes are in `body`, when known (else they
    /// are searched for).
    pub holes: Option<&'a [std::ops::Range<usize>]>,
}

/// What came back for one request of a load run.
pub struct LoadOutcome<'a> {
    pub seq: u64,
    pub sent_ms: i64,
    pub status: Option<u16>,
    pub latency_ms: Option<f64>,
    pub error: Option<&'a str>,
}

/// Deltas of a run on their way to the writer: requests as they will be
/// sent (recorded before they are) and what came back for earlier ones.
#[derive(Debug, Default)]
pub struct LoadBlock {
    pub(super) run_id: i64,
    pub(super) sent: Vec<u8>,
    pub(super) sent_count: usize,
    /// Each sent record's two keys (signature, event id) by its index in
    /// `sent`.
    pub(super) keys: Vec<(u64, u32)>,
    pub(super) outcomes: Vec<u8>,
    pub(super) outcome_count: usize,
}

impl LoadBlock {
    /// How many requests it holds.
    pub fn sent(&self) -> usize {
        self.sent_count
    }
}

impl LoadRun {
    /// Makes a block made by `LoadBlock::default` this run's.
    fn claim(&self, block: &mut LoadBlock) {
        debug_assert!(
            block.run_id == self.id || block.run_id == 0,
            "a block of another run"
        );
        block.run_id = self.id;
    }

    /// The signature in `headers` of a request of this run, read where the
    /// template has it (see [`RunTemplate::signature_in`]).
    pub fn signature_in<'h>(
        &self,
        headers: &'h Headers,
        timestamp: i64,
        event_id: &str,
    ) -> Option<&'h str> {
        let mut digits = itoa::Buffer::new();
        self.template
            .signature_in(headers, digits.format(timestamp), event_id)
    }

    /// Adds `s`'s delta to `block` (an empty one becomes this run's).
    pub fn push_sent(&self, block: &mut LoadBlock, s: &LoadSent) {
        self.claim(block);
        let t = &self.template;
        let out = &mut block.sent;
        out.reserve(64 + s.values.signature.len() + s.values.event_id.len() + 16 * t.holes());
        let mut digits = itoa::Buffer::new();
        let ts: &str = digits.format(s.values.timestamp);
        put_varint(out, s.seq);
        put_signed(out, s.values.timestamp - self.base_ts);
        put_signature(out, s.values.signature);
        put_bytes(out, s.values.event_id.as_bytes());
        let holes = match s.holes {
            Some(ranges) => t.split_at(s.body, ranges).or_else(|| t.split(s.body)),
            None => t.split(s.body),
        };
        let headers_fit = t.fits_headers(s.headers, &s.values, ts);
        out.push(
            if holes.is_none() { BODY_WHOLE } else { 0 }
                | if headers_fit { 0 } else { HEADERS_WHOLE },
        );
        match holes {
            None => put_bytes(out, s.body),
            Some(values) => {
                let id = s.values.event_id.as_bytes();
                for v in values {
                    if v.len() == id.len() + 2
                        && v[0] == b'"'
                        && v.ends_with(b"\"")
                        && &v[1..v.len() - 1] == id
                    {
                        out.push(HOLE_EVENT_ID);
                    } else if v == ts.as_bytes() {
                        out.push(HOLE_TIMESTAMP);
                    } else {
                        out.push(HOLE_LITERAL);
                        put_bytes(out, v);
                    }
                }
            }
        }
        if !headers_fit {
            let headers = crate::store::redact::headers(s.headers);
            put_varint(out, headers.len() as u64);
            for (name, value) in headers.iter() {
                put_bytes(out, name.as_bytes());
                put_bytes(out, value.as_bytes());
            }
        }
        let index = block.sent_count as u32;
        block
            .keys
            .push((key(SIGNATURE, s.values.signature.as_bytes()), index));
        if !s.values.event_id.is_empty() {
            block
                .keys
                .push((key(EVENT_ID, s.values.event_id.as_bytes()), index));
        }
        block.sent_count += 1;
    }

    /// Adds what came back for a request to `block` (an empty one becomes
    /// this run's).
    pub fn push_outcome(&self, block: &mut LoadBlock, o: &LoadOutcome) {
        self.claim(block);
        let out = &mut block.outcomes;
        put_varint(out, o.seq);
        put_signed(out, o.sent_ms - self.base_ts * 1000);
        put_varint(out, o.status.map_or(0, u64::from));
        put_varint(
            out,
            o.latency_ms
                .map_or(0, |ms| (ms * 1000.0).round() as u64 + 1),
        );
        put_bytes(out, o.error.unwrap_or_default().as_bytes());
        block.outcome_count += 1;
    }
}

/// One request of a load run, rebuilt.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadDelivery {
    pub seq: u64,
    pub timestamp: i64,
    pub signature: String,
    pub event_id: String,
    pub headers: Headers,
    pub body: Vec<u8>,
    /// What came back (`None` until the outcome is recorded).
    pub sent_ms: Option<i64>,
    pub status: Option<u16>,
    pub latency_ms: Option<f64>,
    pub error: Option<String>,
}

/// Reads the next sent record of `r` against `t`.
fn read_sent(r: &mut Reader, t: &RunTemplate, base_ts: i64) -> Option<LoadDelivery> {
    let seq = r.varint()?;
    let timestamp = base_ts + r.signed()?;
    let signature = read_signature(r)?;
    let event_id = r.text()?;
    let flags = r.byte()?;
    let ts = timestamp.to_string();
    let body = if flags & BODY_WHOLE != 0 {
        r.bytes()?.to_vec()
    } else {
        let mut body = Vec::new();
        for (i, part) in t.parts.iter().enumerate() {
            body.extend_from_slice(part);
            if i == t.holes() {
                break;
            }
            match r.byte()? {
                HOLE_EVENT_ID => {
                    body.push(b'"');
                    body.extend_from_slice(event_id.as_bytes());
                    body.push(b'"');
                }
                HOLE_TIMESTAMP => body.extend_from_slice(ts.as_bytes()),
                HOLE_LITERAL => body.extend_from_slice(r.bytes()?),
                _ => return None,
            }
        }
        body
    };
    let values = Values {
        timestamp,
        signature: &signature,
        event_id: &event_id,
    };
    let headers = if flags & HEADERS_WHOLE != 0 {
        let mut h = Headers::new();
        for _ in 0..r.varint()? {
            let name = r.text()?;
            h.push(name, r.text()?);
        }
        h
    } else {
        t.headers_with(&values)
    };
    Some(LoadDelivery {
        seq,
        timestamp,
        headers,
        body,
        signature,
        event_id,
        sent_ms: None,
        status: None,
        latency_ms: None,
        error: None,
    })
}

/// What a new load run records once.
pub struct NewLoadRun<'a> {
    pub provider: &'a str,
    pub event_type: &'a str,
    pub url: &'a str,
    pub secret_label: &'a str,
    pub secret_fp: &'a str,
    pub template: RunTemplate,
    /// Timestamps are kept relative to this one (the run's start).
    pub base_ts: i64,
}

impl Store {
    /// Records a load run's template and makes room for it (old runs past
    /// the age or row bounds go first).
    pub fn start_load_run(&mut self, run: NewLoadRun) -> anyhow::Result<LoadRun> {
        let bytes = run.template.to_bytes();
        let id = self.write(|tx| {
            prune(tx, super::DEFAULT_MAX_AGE_DAYS, super::DEFAULT_MAX_ROWS)?;
            tx.execute(
                "INSERT INTO load_runs (created_ms, provider, event_type, url, secret_label, secret_fp, base_ts, template)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
                params![
                    now_ms(),
                    run.provider,
                    run.event_type,
                    run.url,
                    run.secret_label,
                    run.secret_fp,
                    run.base_ts,
                    bytes
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })?;
        Ok(LoadRun {
            id,
            base_ts: run.base_ts,
            template: Arc::new(run.template),
        })
    }

    /// Every delivery of a load run, rebuilt, in the order they were recorded.
    pub fn load_deliveries(&self, run_id: i64) -> anyhow::Result<Vec<LoadDelivery>> {
        let (template, base_ts) = run_template(&self.conn, run_id)?
            .ok_or_else(|| anyhow::anyhow!("no load run #{run_id}"))?;
        let mut out = Vec::new();
        let mut by_seq = std::collections::HashMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT kind, data FROM load_chunks WHERE run_id = ?1 ORDER BY kind, id")?;
        let mut rows = stmt.query(params![run_id])?;
        while let Some(row) = rows.next()? {
            let kind: i64 = row.get(0)?;
            let data: Vec<u8> = row.get(1)?;
            let mut r = Reader::new(&data);
            while !r.done() {
                if kind == 0 {
                    let d = read_sent(&mut r, &template, base_ts)
                        .ok_or_else(|| anyhow::anyhow!("a damaged load chunk in run #{run_id}"))?;
                    by_seq.insert(d.seq, out.len());
                    out.push(d);
                } else {
                    let bad = || anyhow::anyhow!("a damaged load outcome in run #{run_id}");
                    let seq = r.varint().ok_or_else(bad)?;
                    let sent_ms = base_ts * 1000 + r.signed().ok_or_else(bad)?;
                    let status = r.varint().ok_or_else(bad)?;
                    let latency = r.varint().ok_or_else(bad)?;
                    let error = r.text().ok_or_else(bad)?;
                    if let Some(&i) = by_seq.get(&seq) {
                        let d: &mut LoadDelivery = &mut out[i];
                        d.sent_ms = Some(sent_ms);
                        d.status = u16::try_from(status).ok().filter(|&s| s != 0);
                        d.latency_ms = (latency != 0).then(|| (latency - 1) as f64 / 1000.0);
                        d.error = (!error.is_empty()).then_some(error);
                    }
                }
            }
        }
        Ok(out)
    }

    /// The load runs recorded, oldest first.
    pub fn load_runs(&self) -> anyhow::Result<Vec<i64>> {
        let mut stmt = self.conn.prepare("SELECT id FROM load_runs ORDER BY id")?;
        let ids = stmt.query_map([], |r| r.get(0))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }
}

fn run_template(conn: &Connection, run_id: i64) -> anyhow::Result<Option<(RunTemplate, i64)>> {
    let row: Option<(Vec<u8>, i64)> = conn
        .prepare_cached("SELECT template, base_ts FROM load_runs WHERE id = ?1")?
        .query_row(params![run_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match row {
        None => Ok(None),
        Some((bytes, base_ts)) => Ok(Some((
            RunTemplate::from_bytes(&bytes)
                .ok_or_else(|| anyhow::anyhow!("a damaged template in load run #{run_id}"))?,
            base_ts,
        ))),
    }
}

/// Writes `blocks` (inside the writer's transaction): per run, one chunk of
/// requests and one of outcomes, and the requests' keys as a new segment.
pub(super) fn write_blocks(tx: &Connection, blocks: Vec<LoadBlock>) -> anyhow::Result<()> {
    // Per run, the blocks of each chunk (as few as fit), so each chunk's
    // bytes are gathered with one exact allocation.
    let mut chunks: Vec<(i64, usize, Vec<LoadBlock>)> = Vec::new();
    for b in blocks {
        match chunks
            .iter_mut()
            .find(|(run, sent, _)| *run == b.run_id && sent + b.sent_count <= CHUNK_MAX)
        {
            Some((_, sent, group)) => {
                *sent += b.sent_count;
                group.push(b);
            }
            None => chunks.push((b.run_id, b.sent_count, vec![b])),
        }
    }
    let now = now_ms();
    let mut insert = tx.prepare_cached(
        "INSERT INTO load_chunks (run_id, kind, created_ms, count, data) VALUES (?1,?2,?3,?4,?5)",
    )?;
    let concat = |group: &[LoadBlock], part: fn(&LoadBlock) -> &[u8]| {
        group.iter().map(part).collect::<Vec<&[u8]>>().concat()
    };
    let mut entries: Vec<u128> = Vec::with_capacity(
        chunks
            .iter()
            .flat_map(|(_, _, group)| group)
            .map(|b| b.keys.len())
            .sum(),
    );
    for (run_id, sent_count, group) in &chunks {
        if *sent_count > 0 {
            let sent = concat(group, |b| &b.sent);
            insert.execute(params![run_id, 0, now, *sent_count as i64, sent])?;
            let chunk = (tx.last_insert_rowid() as u64) << 16;
            let mut offset = 0u64;
            for b in group {
                entries.extend(b.keys.iter().map(|&(k, i)| {
                    (u128::from(k) << 64) | u128::from(chunk | (offset + u64::from(i)))
                }));
                offset += b.sent_count as u64;
            }
        }
        let outcome_count: usize = group.iter().map(|b| b.outcome_count).sum();
        if outcome_count > 0 {
            let outcomes = concat(group, |b| &b.outcomes);
            insert.execute(params![run_id, 1, now, outcome_count as i64, outcomes])?;
        }
    }
    if !entries.is_empty() {
        entries.sort_unstable();
        index::add_segment(tx, 0, &entries)?;
        index::merge_tiers(tx)?;
    }
    Ok(())
}

/// Deletes load deliveries older than `max_age_days` and beyond `max_rows`,
/// oldest chunks first, and runs left without any.
fn prune(tx: &Connection, max_age_days: i64, max_rows: i64) -> anyhow::Result<()> {
    let cutoff = now_ms() - max_age_days * 86_400_000;
    tx.execute(
        "DELETE FROM load_chunks WHERE created_ms < ?1",
        params![cutoff],
    )?;
    // The newest chunks that hold at most `max_rows` deliveries stay.
    let keep_from: Option<i64> = tx
        .query_row(
            "SELECT min(id) FROM (SELECT id, sum(count) OVER (ORDER BY id DESC) AS total
               FROM load_chunks WHERE kind = 0) WHERE total <= ?1",
            params![max_rows],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let total: i64 = tx.query_row(
        "SELECT coalesce(sum(count), 0) FROM load_chunks WHERE kind = 0",
        [],
        |r| r.get(0),
    )?;
    if total > max_rows {
        tx.execute(
            "DELETE FROM load_chunks WHERE id < ?1",
            params![keep_from.unwrap_or(i64::MAX)],
        )?;
    }
    // A run another process has just started has no chunks yet either.
    tx.execute(
        "DELETE FROM load_runs WHERE created_ms < ?1 AND id NOT IN (SELECT run_id FROM load_chunks)",
        params![now_ms() - 3_600_000],
    )?;
    tx.execute(
        "DELETE FROM load_keys WHERE NOT EXISTS (SELECT 1 FROM load_chunks)",
        [],
    )?;
    Ok(())
}

/// The newest load delivery with this signature (else event id) `value`,
/// found through `segments`.
pub(super) fn find(
    conn: &Connection,
    segments: &[i64],
    by_signature: bool,
    value: &str,
) -> anyhow::Result<Option<Original>> {
    let k = key(
        if by_signature { SIGNATURE } else { EVENT_ID },
        value.as_bytes(),
    );
    let is = |d: &LoadDelivery| {
        if by_signature {
            d.signature == value
        } else {
            d.event_id == value
        }
    };
    let mut found = index::locators(conn, segments, k)?;
    found.sort_unstable_by(|a, b| b.cmp(a));
    for locator in found {
        let (chunk, slot) = ((locator >> 16) as i64, (locator & 0xffff) as usize);
        let row: Option<(i64, i64, Vec<u8>)> = conn
            .prepare_cached(
                "SELECT run_id, created_ms, data FROM load_chunks WHERE id = ?1 AND kind = 0",
            )?
            .query_row(params![chunk], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((run_id, created_ms, data)) = row else {
            continue;
        };
        let Some((template, base_ts)) = run_template(conn, run_id)? else {
            continue;
        };
        let mut r = Reader::new(&data);
        let mut delivery = None;
        for _ in 0..=slot {
            delivery = read_sent(&mut r, &template, base_ts);
        }
        if let Some(d) = delivery.filter(|d| is(d)) {
            let (secret_label, secret_fp): (String, String) = conn
                .prepare_cached("SELECT secret_label, secret_fp FROM load_runs WHERE id = ?1")?
                .query_row(params![run_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            return Ok(Some(Original {
                body: d.body,
                source: "send --count".into(),
                created_ms,
                secret_label,
                secret_fp,
            }));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(sig: &str, ts: i64, id: &str) -> Headers {
        [
            ("Content-Type", "application/json".to_string()),
            ("Stripe-Signature", format!("t={ts},v1={sig}")),
            ("X-Id", id.to_string()),
        ]
        .into_iter()
        .collect()
    }

    fn body(id: &str, ts: i64, n: u64) -> Vec<u8> {
        format!("{{\n  \"id\": \"{id}\",\n  \"created\": {ts},\n  \"request\": \"req_{n}\"\n}}")
            .into_bytes()
    }

    fn template() -> RunTemplate {
        let parts: Vec<Vec<u8>> = [
            "{\n  \"id\": ",
            ",\n  \"created\": ",
            ",\n  \"request\": ",
            "\n}",
        ]
        .iter()
        .map(|p| p.as_bytes().to_vec())
        .collect();
        let sig = "ab".repeat(32);
        RunTemplate::new(
            &parts,
            &headers(&sig, 1_700_000_000, "evt_0"),
            &Values {
                timestamp: 1_700_000_000,
                signature: &sig,
                event_id: "evt_0",
            },
        )
    }

    #[test]
    fn deliveries_are_rebuilt_exactly_and_found_by_signature_and_event_id() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("e.db")).unwrap();
        let run = store
            .start_load_run(NewLoadRun {
                provider: "stripe",
                event_type: "charge.succeeded",
                url: "http://127.0.0.1:1/",
                secret_label: "--secret",
                secret_fp: "fp",
                template: template(),
                base_ts: 1_700_000_000,
            })
            .unwrap();
        let mut sent = Vec::new();
        // Enough commits for segments to merge, and one request that does
        // not fit the template (kept whole).
        for commit in 0..9u64 {
            let mut block = LoadBlock::default();
            for i in 0..50u64 {
                let n = commit * 50 + i;
                let (ts, id, sig) = (
                    1_700_000_000 + n as i64 / 100,
                    format!("evt_{n}"),
                    format!("{n:064x}"),
                );
                let mut b = body(&id, ts, n);
                if n == 77 {
                    b = b"not the template".to_vec();
                }
                let h = headers(&sig, ts, &id);
                run.push_sent(
                    &mut block,
                    &LoadSent {
                        seq: n,
                        values: Values {
                            timestamp: ts,
                            signature: &sig,
                            event_id: &id,
                        },
                        headers: &h,
                        body: &b,
                        holes: None,
                    },
                );
                run.push_outcome(
                    &mut block,
                    &LoadOutcome {
                        seq: n,
                        sent_ms: ts * 1000 + 5,
                        status: Some(200),
                        latency_ms: Some(1.25),
                        error: None,
                    },
                );
                sent.push((n, ts, sig, id, h, b));
            }
            store.write(|tx| write_blocks(tx, vec![block])).unwrap();
        }
        let tiers: Vec<i64> = store
            .conn
            .prepare("SELECT tier FROM load_keys ORDER BY tier")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(tiers, vec![0, 1, 1], "nine segments: two merges");
        let all = store.load_deliveries(run.id).unwrap();
        assert_eq!(all.len(), sent.len());
        for (d, (n, ts, sig, id, h, b)) in all.iter().zip(&sent) {
            assert_eq!((d.seq, d.timestamp), (*n, *ts));
            assert_eq!((&d.signature, &d.event_id), (sig, id));
            assert_eq!(&d.headers, h);
            assert_eq!(&d.body, b, "#{n}");
            assert_eq!((d.status, d.latency_ms), (Some(200), Some(1.25)));
        }
        for (_, _, sig, id, _, b) in [&sent[0], &sent[77], &sent[449]] {
            let by_sig = store.find_original(Some(sig), None).unwrap().unwrap();
            assert_eq!(&by_sig.body, b);
            assert_eq!(by_sig.secret_fp, "fp");
            let by_id = store.find_original(Some("00"), Some(id)).unwrap().unwrap();
            assert_eq!(&by_id.body, b);
        }
        assert!(store.find_original(Some("00"), None).unwrap().is_none());
    }
}

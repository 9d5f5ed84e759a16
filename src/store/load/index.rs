//! The load index: where each delivery is, by the key of its signature and
//! of its event id. Sorted runs of (key, chunk << 16 | slot) as blobs, one
//! added per commit and merged `FANOUT` at a time into the next tier, so a
//! lookup binary-searches a few blobs and a key is rewritten a few times at
//! most, as bytes: no SQLite index entry per delivery.

use rusqlite::{Connection, params};

/// Segments of a tier merged into one of the next.
const FANOUT: usize = 4;

pub(super) fn add_segment(tx: &Connection, tier: i64, entries: &[u128]) -> anyhow::Result<()> {
    let mut bytes = Vec::with_capacity(entries.len() * 16);
    for e in entries {
        bytes.extend_from_slice(&e.to_be_bytes());
    }
    tx.prepare_cached("INSERT INTO load_keys (tier, entries) VALUES (?1, ?2)")?
        .execute(params![tier, bytes])?;
    Ok(())
}

/// Merges every tier holding `FANOUT` segments into one of the next,
/// dropping entries of chunks pruned since.
pub(super) fn merge_tiers(tx: &Connection) -> anyhow::Result<()> {
    for tier in 0i64.. {
        let count: i64 = tx
            .prepare_cached("SELECT count(*) FROM load_keys WHERE tier = ?1")?
            .query_row(params![tier], |r| r.get(0))?;
        if count < FANOUT as i64 {
            break;
        }
        let segments: Vec<(i64, Vec<u8>)> = tx
            .prepare_cached("SELECT id, entries FROM load_keys WHERE tier = ?1")?
            .query_map(params![tier], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let oldest: u64 = tx
            .prepare_cached("SELECT coalesce(min(id), 0) FROM load_chunks")?
            .query_row([], |r| r.get::<_, i64>(0))?
            .try_into()
            .unwrap_or(0);
        let mut merged: Vec<u128> = segments
            .iter()
            .flat_map(|(_, b)| b.chunks_exact(16))
            .map(|c| u128::from_be_bytes(c.try_into().expect("16 bytes")))
            .filter(|e| (*e as u64) >> 16 >= oldest)
            .collect();
        // Sorted runs one after the other: the stable sort merges them.
        merged.sort();
        for (id, _) in &segments {
            tx.prepare_cached("DELETE FROM load_keys WHERE id = ?1")?
                .execute(params![id])?;
        }
        add_segment(tx, tier + 1, &merged)?;
    }
    Ok(())
}

/// The segments of the load index (none without load runs).
pub(in crate::store) fn segments(conn: &Connection) -> anyhow::Result<Vec<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM load_keys")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

/// Every locator filed under key `k`, in any order.
pub(super) fn locators(conn: &Connection, segments: &[i64], k: u64) -> anyhow::Result<Vec<u64>> {
    let mut found: Vec<u64> = Vec::new();
    for &id in segments {
        let blob = conn.blob_open(rusqlite::MAIN_DB, c"load_keys", c"entries", id, true)?;
        let n = blob.len() / 16;
        let entry = |i: usize| -> rusqlite::Result<u128> {
            let mut b = [0u8; 16];
            blob.read_at_exact(&mut b, i * 16)?;
            Ok(u128::from_be_bytes(b))
        };
        // The first entry whose key is not below `k`.
        let (mut lo, mut hi) = (0usize, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if ((entry(mid)? >> 64) as u64) < k {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        while lo < n {
            let e = entry(lo)?;
            if (e >> 64) as u64 != k {
                break;
            }
            found.push(e as u64);
            lo += 1;
        }
    }
    Ok(found)
}

//! Side-by-side evidence: the signatures received against the ones each
//! secret gives, and where two bodies first differ. Secrets appear by label
//! and fingerprint only.

use super::cause::ByteDiff;
use super::keys::Keys;
use crate::escape::bytes_visible;
use crate::provider::{Claims, Provider};
use crate::secret::Secret;
use serde_json::{Value, json};

/// How many bytes of the signed payload the diff shows.
const PAYLOAD_HEAD: usize = 64;

/// What one secret makes of the received body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub label: String,
    pub fingerprint: String,
    /// The signature in header form (`None` for a public key, which
    /// verifies but cannot sign), or why this secret gives no key.
    pub signature: Result<Option<String>, String>,
    pub matches: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignatureDiff {
    pub provider: Option<Provider>,
    pub timestamp: Option<i64>,
    pub id: Option<String>,
    /// Signatures in the header, as sent.
    pub received: Vec<String>,
    /// One row per secret, computed over the received body with the
    /// header's timestamp and id.
    pub expected: Vec<Expected>,
    /// The first bytes of the signed message, made visible.
    pub signed_payload_head: String,
    /// How many bytes the signed payload has in all.
    pub signed_payload_len: usize,
}

impl SignatureDiff {
    pub fn new(
        provider: Provider,
        claims: &Claims,
        body: &[u8],
        secrets: &[Secret],
        keys: &Keys,
    ) -> Self {
        let (head, len) = keys.message_head(PAYLOAD_HEAD);
        let expected = secrets
            .iter()
            .zip(&keys.as_given)
            .map(|(secret, key)| {
                let (signature, matches) = match key {
                    Ok(k) => (Ok(keys.expected(*k, body)), keys.verifies(*k, body)),
                    Err(e) => (Err(e.reason.to_string()), false),
                };
                // A public key is named by its own fingerprint, the one
                // `hookcli keys` shows, whatever text form it was given in.
                let fingerprint = key
                    .as_ref()
                    .ok()
                    .and_then(|k| keys.public_fingerprint(*k))
                    .unwrap_or_else(|| secret.fingerprint());
                Expected {
                    label: secret.label().to_string(),
                    fingerprint,
                    matches,
                    signature,
                }
            })
            .collect();
        SignatureDiff {
            provider: Some(provider),
            timestamp: claims.timestamp.map(|t| t.seconds),
            id: claims.id.map(str::to_string),
            received: claims.texts(),
            expected,
            signed_payload_head: bytes_visible(&head),
            signed_payload_len: len,
        }
    }

    pub fn to_json(&self) -> Value {
        let expected: Vec<Value> = self
            .expected
            .iter()
            .map(|e| {
                let mut row = json!({
                    "secret": e.label,
                    "fingerprint": e.fingerprint,
                    "matches": e.matches,
                });
                match &e.signature {
                    Ok(Some(sig)) => row["signature"] = json!(sig),
                    Ok(None) => {}
                    Err(why) => row["error"] = json!(why),
                }
                row
            })
            .collect();
        json!({
            "provider": self.provider.map(Provider::name),
            "timestamp": self.timestamp,
            "id": self.id,
            "received": self.received,
            "expected": expected,
            "signed_payload_head": self.signed_payload_head,
            "signed_payload_len": self.signed_payload_len,
        })
    }
}

/// Bytes shown before the first difference, and in all.
const EXCERPT_BEFORE: usize = 8;
const EXCERPT_LEN: usize = 24;

/// Where `received` first departs from `original`, with a window of each.
pub fn byte_diff(received: &[u8], original: &[u8]) -> Option<ByteDiff> {
    if received == original {
        return None;
    }
    let offset = received
        .iter()
        .zip(original)
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| received.len().min(original.len()));
    // Both bodies agree before `offset`, so one start serves both.
    let start = char_start(received, offset.saturating_sub(EXCERPT_BEFORE));
    let excerpt = |bytes: &[u8]| bytes_visible(&bytes[start..char_end(bytes, start + EXCERPT_LEN)]);
    Some(ByteDiff {
        offset,
        received_excerpt: excerpt(received),
        original_excerpt: excerpt(original),
    })
}

fn is_continuation(b: u8) -> bool {
    b & 0xc0 == 0x80
}

/// `i` moved back (at most 3 bytes) to the start of a UTF-8 character.
fn char_start(bytes: &[u8], mut i: usize) -> usize {
    for _ in 0..3 {
        if i == 0 || i >= bytes.len() || !is_continuation(bytes[i]) {
            break;
        }
        i -= 1;
    }
    i
}

/// `i` moved forward (at most 3 bytes) past a split UTF-8 character, capped at the end.
fn char_end(bytes: &[u8], mut i: usize) -> usize {
    i = i.min(bytes.len());
    for _ in 0..3 {
        if i >= bytes.len() || !is_continuation(bytes[i]) {
            break;
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_diff_points_at_the_first_difference() {
        let d = byte_diff(b"{\"a\":1}\n", b"{\"a\":1}").unwrap();
        assert_eq!(d.offset, 7);
        assert_eq!(d.received_excerpt, "{\"a\":1}\\n");
        assert_eq!(d.original_excerpt, "{\"a\":1}");
        assert!(byte_diff(b"x", b"x").is_none());
    }

    #[test]
    fn excerpts_do_not_split_characters() {
        let original = "ééééééééé!".as_bytes();
        let received = "ééééééééé?".as_bytes();
        let d = byte_diff(received, original).unwrap();
        assert_eq!(d.offset, 18);
        assert_eq!(d.received_excerpt, "éééé?");
    }
}

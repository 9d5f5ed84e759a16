//! Provider-shaped identifiers (`evt_…`, `req_…`, `msg_…`, GUIDs) derived
//! from a seed, so the same seed gives the same ids on every machine.

use sha2::{Digest, Sha256};

const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// A reproducible source of ids: the seed plus a purpose string pick the bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdSource {
    seed: u64,
}

impl IdSource {
    pub fn new(seed: u64) -> Self {
        IdSource { seed }
    }

    pub fn seed(self) -> u64 {
        self.seed
    }

    /// The hasher after the seed and `purpose`, written one part after the
    /// other (so `["a", ":", "0"]` gives the same ids as `"a:0"`, without
    /// building it).
    fn hasher(self, purpose: &[&[u8]]) -> Sha256 {
        let mut h = Sha256::new();
        h.update(self.seed.to_be_bytes());
        for part in purpose {
            h.update(part);
        }
        h
    }

    /// `prefix` followed by `len` base62 characters.
    pub fn base62(self, prefix: &str, len: usize, purpose: &str) -> String {
        self.base62_of(prefix, len, &[purpose.as_bytes()])
    }

    /// [`base62`](Self::base62) for a purpose given in parts.
    pub fn base62_of(self, prefix: &str, len: usize, purpose: &[&[u8]]) -> String {
        let end = prefix.len() + len;
        let mut out = Vec::with_capacity(end);
        out.extend_from_slice(prefix.as_bytes());
        let base = self.hasher(purpose);
        let mut round = 0u32;
        while out.len() < end {
            let mut digits = itoa::Buffer::new();
            let mut h = base.clone();
            h.update(b"#");
            h.update(digits.format(round).as_bytes());
            let bytes: [u8; 32] = h.finalize().into();
            // 248 = 4 * 62: reject the tail to keep the alphabet uniform.
            let accepted = bytes.iter().filter(|&&b| b < 248);
            let room = end - out.len();
            out.extend(accepted.take(room).map(|&b| BASE62[(b % 62) as usize]));
            round += 1;
        }
        String::from_utf8(out).expect("a str prefix and base62 digits")
    }

    /// `prefix` and `len` lowercase hex digits (Twilio's `SM…`/`CA…` SIDs).
    pub fn hex_of(self, prefix: &str, len: usize, purpose: &[&[u8]]) -> String {
        let mut out = String::with_capacity(prefix.len() + len);
        out.push_str(prefix);
        let bytes: [u8; 32] = self.hasher(purpose).finalize().into();
        let digits = hex::encode(bytes);
        let mut round = digits.as_str();
        while out.len() < prefix.len() + len {
            let take = (prefix.len() + len - out.len()).min(round.len());
            out.push_str(&round[..take]);
            round = &digits;
        }
        out
    }

    /// A number of `digits` decimal digits, no leading zero (GitHub's ids).
    pub fn number_of(self, digits: u32, purpose: &[&[u8]]) -> u64 {
        let bytes: [u8; 32] = self.hasher(purpose).finalize().into();
        let n = u64::from_le_bytes(bytes[..8].try_into().expect("8 bytes"));
        let low = 10u64.pow(digits.clamp(1, 19) - 1);
        low + n % (low * 9)
    }

    /// An RFC 4122 version-4-shaped GUID.
    pub fn uuid(self, purpose: &str) -> String {
        self.uuid_of(&[purpose.as_bytes()])
    }

    /// [`uuid`](Self::uuid) for a purpose given in parts.
    pub fn uuid_of(self, purpose: &[&[u8]]) -> String {
        let mut b: [u8; 32] = self.hasher(purpose).finalize().into();
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        let mut hex = [0u8; 32];
        hex::encode_to_slice(&b[..16], &mut hex).expect("two digits per byte");
        let mut out = String::with_capacity(36);
        for (i, range) in [0..8, 8..12, 12..16, 16..20, 20..32]
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                out.push('-');
            }
            out.push_str(std::str::from_utf8(&hex[range]).expect("hex digits are ASCII"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_ids() {
        let a = IdSource::new(7);
        assert_eq!(
            a.base62("evt_", 24, "x"),
            IdSource::new(7).base62("evt_", 24, "x")
        );
        assert_ne!(
            a.base62("evt_", 24, "x"),
            IdSource::new(8).base62("evt_", 24, "x")
        );
        assert_ne!(a.base62("evt_", 24, "x"), a.base62("evt_", 24, "y"));
        assert_eq!(a.base62("evt_", 24, "x").len(), 28);
        let u = a.uuid("d");
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert_eq!(
            u.split('-').map(str::len).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
    }

    #[test]
    fn a_purpose_in_parts_is_the_same_purpose() {
        let a = IdSource::new(3);
        let parts: [&[u8]; 3] = [b"fixture", b":", b"12"];
        assert_eq!(
            a.base62_of("req_", 14, &parts),
            a.base62("req_", 14, "fixture:12")
        );
        assert_eq!(a.uuid_of(&parts), a.uuid("fixture:12"));
    }
}

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

    fn bytes(self, purpose: &str) -> [u8; 32] {
        self.bytes_of(&[purpose.as_bytes()])
    }

    /// The hash of the seed and `parts` written one after the other (so
    /// `["a", "#", "0"]` gives the same bytes as `"a#0"`, without building it).
    fn bytes_of(self, parts: &[&[u8]]) -> [u8; 32] {
        let mut h = Sha256::new();
        h.update(self.seed.to_be_bytes());
        for part in parts {
            h.update(part);
        }
        h.finalize().into()
    }

    /// `prefix` followed by `len` base62 characters.
    pub fn base62(self, prefix: &str, len: usize, purpose: &str) -> String {
        let mut out = String::with_capacity(prefix.len() + len);
        out.push_str(prefix);
        let mut round = 0u32;
        while out.len() < prefix.len() + len {
            let mut digits = itoa::Buffer::new();
            let bytes = self.bytes_of(&[purpose.as_bytes(), b"#", digits.format(round).as_bytes()]);
            for b in bytes {
                // 248 = 4 * 62: reject the tail to keep the alphabet uniform.
                if b < 248 && out.len() < prefix.len() + len {
                    out.push(BASE62[(b % 62) as usize] as char);
                }
            }
            round += 1;
        }
        out
    }

    /// An RFC 4122 version-4-shaped GUID.
    pub fn uuid(self, purpose: &str) -> String {
        let mut b = self.bytes(purpose);
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        let h = hex::encode(&b[..16]);
        format!(
            "{}-{}-{}-{}-{}",
            &h[0..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..32]
        )
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
    }
}

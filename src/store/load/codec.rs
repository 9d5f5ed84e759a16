//! The bytes of load records: varints, length-prefixed bytes, signatures
//! (hex kept as its bytes), and the keys deliveries are found by.

pub(super) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(super) fn put_signed(out: &mut Vec<u8>, v: i64) {
    put_varint(out, ((v << 1) ^ (v >> 63)) as u64);
}

pub(super) fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    put_varint(out, b.len() as u64);
    out.extend_from_slice(b);
}

/// Reads what the `put_` functions wrote; `None` past the end.
pub(super) struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(data: &'a [u8]) -> Self {
        Reader { data, at: 0 }
    }

    pub(super) fn done(&self) -> bool {
        self.at >= self.data.len()
    }

    pub(super) fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    pub(super) fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    pub(super) fn signed(&mut self) -> Option<i64> {
        let v = self.varint()?;
        Some(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    pub(super) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let b = self.data.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(b)
    }

    pub(super) fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = usize::try_from(self.varint()?).ok()?;
        self.take(n)
    }

    pub(super) fn text(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?.to_vec()).ok()
    }
}

/// 64-bit FNV-1a of `ns` then `value`: the key a value is found by. Stable
/// across releases (it is stored); a match is always checked against the
/// record, so a collision costs a look, never a wrong answer.
pub(super) fn key(ns: u8, value: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in std::iter::once(&ns).chain(value) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

pub(super) const SIGNATURE: u8 = b's';
pub(super) const EVENT_ID: u8 = b'e';

/// A hex signature is kept as its bytes, anything else as text.
pub(super) fn put_signature(out: &mut Vec<u8>, sig: &str) {
    // Lowercase hex only, so that reading it back gives the same text.
    let mut bytes = [0u8; 64];
    let decoded = match sig.len() {
        n if n.is_multiple_of(2) && n <= 128 => {
            base16ct::lower::decode(sig, &mut bytes[..n / 2]).ok()
        }
        _ => None,
    };
    match decoded {
        Some(decoded) => {
            put_varint(out, (decoded.len() as u64) << 1);
            out.extend_from_slice(decoded);
        }
        None => {
            put_varint(out, ((sig.len() as u64) << 1) | 1);
            out.extend_from_slice(sig.as_bytes());
        }
    }
}

pub(super) fn read_signature(r: &mut Reader) -> Option<String> {
    let tag = r.varint()?;
    let bytes = r.take(usize::try_from(tag >> 1).ok()?)?;
    if tag & 1 == 0 {
        Some(hex::encode(bytes))
    } else {
        String::from_utf8(bytes.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_read_back_as_written_hex_or_not() {
        for sig in [
            "",
            "00ff",
            &"ab".repeat(32),
            "ABCD",
            "0f0",
            "sha256=1",
            "dGVzdA==",
        ] {
            let mut out = Vec::new();
            put_signature(&mut out, sig);
            let packed = out.len() < sig.len();
            assert_eq!(read_signature(&mut Reader::new(&out)).as_deref(), Some(sig));
            assert_eq!(
                packed,
                sig.len() >= 4
                    && sig
                        .bytes()
                        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()),
                "{sig}"
            );
        }
    }
}

//! Byte-level guesses: what a proxy or framework does to a body without
//! reading it as text or JSON (a trailing newline added or dropped, line
//! endings converted, a UTF-8 BOM added or stripped, base64 encoding).
//! Pure: bytes in, bytes out.

use base64::Engine;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

pub fn strip_trailing_newline(body: &[u8]) -> Option<Vec<u8>> {
    let stripped = body
        .strip_suffix(b"\r\n")
        .or_else(|| body.strip_suffix(b"\n"))?;
    Some(stripped.to_vec())
}

pub fn add_lf(body: &[u8]) -> Option<Vec<u8>> {
    (!body.ends_with(b"\n")).then(|| [body, b"\n"].concat())
}

pub fn add_crlf(body: &[u8]) -> Option<Vec<u8>> {
    (!body.ends_with(b"\n")).then(|| [body, b"\r\n"].concat())
}

pub fn crlf_to_lf(body: &[u8]) -> Option<Vec<u8>> {
    if !body.contains(&b'\r') {
        return None;
    }
    let mut out = Vec::with_capacity(body.len());
    let mut changed = false;
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'\r' && body.get(i + 1) == Some(&b'\n') {
            changed = true;
            i += 1;
        }
        out.push(body[i]);
        i += 1;
    }
    changed.then_some(out)
}

pub fn lf_to_crlf(body: &[u8]) -> Option<Vec<u8>> {
    if !body.contains(&b'\n') {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() + body.len() / 16);
    let mut changed = false;
    for (i, &b) in body.iter().enumerate() {
        if b == b'\n' && (i == 0 || body[i - 1] != b'\r') {
            out.push(b'\r');
            changed = true;
        }
        out.push(b);
    }
    changed.then_some(out)
}

const BOM: &[u8] = b"\xef\xbb\xbf";

pub fn strip_bom(body: &[u8]) -> Option<Vec<u8>> {
    body.strip_prefix(BOM).map(<[u8]>::to_vec)
}

pub fn add_bom(body: &[u8]) -> Option<Vec<u8>> {
    (!body.starts_with(BOM)).then(|| [BOM, body].concat())
}

const fn lenient(alphabet: &'static base64::alphabet::Alphabet) -> GeneralPurpose {
    GeneralPurpose::new(
        alphabet,
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    )
}

/// The body decoded from base64 (standard or URL-safe, line breaks allowed).
pub fn base64_decode(body: &[u8]) -> Option<Vec<u8>> {
    let allowed =
        |b: &u8| b.is_ascii_alphanumeric() || b"+/=-_".contains(b) || b.is_ascii_whitespace();
    if body.len() < 4 || !body.iter().all(allowed) {
        return None;
    }
    let text: Vec<u8> = body
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    lenient(&base64::alphabet::STANDARD)
        .decode(&text)
        .or_else(|_| lenient(&base64::alphabet::URL_SAFE).decode(&text))
        .ok()
}

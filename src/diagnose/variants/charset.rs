//! Charset guesses: UTF-8 read as Latin-1/Windows-1252 somewhere on the way
//! (mojibake, "cafÃ©"), or text re-encoded from UTF-8 to Windows-1252.
//! Windows-1252 is `encoding_rs`'s (the WHATWG table browsers use), wrapped
//! so that every C1 control U+0080–U+009F stays its own byte, as a Latin-1
//! decoder leaves it. Pure: bytes in, bytes out.

use encoding_rs::{EncoderResult, WINDOWS_1252};

/// Received UTF-8 that is really UTF-8 bytes read as Latin-1/Windows-1252
/// ("cafÃ©"): the bytes those characters stood for, if they form UTF-8.
pub fn undo_mojibake(body: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(body).ok()?;
    if text.is_ascii() {
        return None;
    }
    let original = encode(text)?;
    std::str::from_utf8(&original).is_ok().then_some(original)
}

/// Received Latin-1/Windows-1252 bytes (not UTF-8): the same text in UTF-8.
pub fn latin1_to_utf8(body: &[u8]) -> Option<Vec<u8>> {
    if std::str::from_utf8(body).is_ok() {
        return None;
    }
    Some(decode(body).into_bytes())
}

/// `bytes` read as Windows-1252. Every byte is a character: the five that
/// Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as the C1
/// controls of the same number, as in Latin-1.
fn decode(bytes: &[u8]) -> String {
    WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// `text` written in Windows-1252, or `None` when a character has no byte
/// there. Each C1 control U+0080–U+009F is its own byte, as in Latin-1:
/// mojibake made by a Latin-1 decoder has them where Windows-1252 has
/// `€`, `’` and the like (the WHATWG encoder writes only the five that
/// Windows-1252 leaves undefined).
fn encode(text: &str) -> Option<Vec<u8>> {
    let mut encoder = WINDOWS_1252.new_encoder();
    // One byte per character, so never more than the UTF-8 length.
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    loop {
        let (result, read) =
            encoder.encode_from_utf8_to_vec_without_replacement(rest, &mut out, true);
        rest = &rest[read..];
        match result {
            EncoderResult::InputEmpty => return Some(out),
            EncoderResult::Unmappable(c @ '\u{80}'..='\u{9f}') => out.push(c as u8),
            EncoderResult::Unmappable(_) => return None,
            EncoderResult::OutputFull => out.reserve(rest.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-typed table hookcli used before `encoding_rs`: Windows-1252
    /// characters for bytes 0x80–0x9F (`None`: undefined, kept as C1).
    const OLD_CP1252_HIGH: [Option<char>; 32] = [
        Some('€'),
        None,
        Some('‚'),
        Some('ƒ'),
        Some('„'),
        Some('…'),
        Some('†'),
        Some('‡'),
        Some('ˆ'),
        Some('‰'),
        Some('Š'),
        Some('‹'),
        Some('Œ'),
        None,
        Some('Ž'),
        None,
        None,
        Some('‘'),
        Some('’'),
        Some('“'),
        Some('”'),
        Some('•'),
        Some('–'),
        Some('—'),
        Some('˜'),
        Some('™'),
        Some('š'),
        Some('›'),
        Some('œ'),
        None,
        Some('ž'),
        Some('Ÿ'),
    ];

    /// The old character-to-byte mapping, as it was.
    fn old_cp1252_byte(c: char) -> Option<u8> {
        if let Ok(b) = u8::try_from(u32::from(c)) {
            return Some(b);
        }
        let index = OLD_CP1252_HIGH.iter().position(|&x| x == Some(c))?;
        Some(0x80 + index as u8)
    }

    /// The old byte-to-character mapping, as it was.
    fn old_cp1252_char(b: u8) -> char {
        match b {
            0x80..=0x9f => OLD_CP1252_HIGH[usize::from(b - 0x80)].unwrap_or(char::from(b)),
            _ => char::from(b),
        }
    }

    #[test]
    fn encoding_rs_windows_1252_maps_every_byte_and_character_as_the_old_table() {
        // Every byte reads as the same character, alone and in one run.
        let mut all = Vec::with_capacity(256);
        let mut expected = String::new();
        for b in 0..=u8::MAX {
            let old = old_cp1252_char(b);
            assert_eq!(decode(&[b]), old.to_string(), "byte {b:#04x}");
            all.push(b);
            expected.push(old);
        }
        assert_eq!(decode(&all), expected);
        // Every character old or new reads from a byte writes back to that
        // byte: Windows-1252's 251, the five undefined as C1, and the 27
        // other C1 controls, which the WHATWG encoder alone would refuse.
        for b in 0..=u8::MAX {
            for c in [old_cp1252_char(b), char::from(b)] {
                let text = c.to_string();
                assert_eq!(
                    encode(&text),
                    old_cp1252_byte(c).map(|b| vec![b]),
                    "character U+{:04X}",
                    u32::from(c)
                );
            }
        }
        // And every other character has no byte, in both.
        for c in (char::MIN..=char::MAX).filter(|c| u32::from(*c) > 0xff) {
            let mut buf = [0u8; 4];
            assert_eq!(
                encode(c.encode_utf8(&mut buf)),
                old_cp1252_byte(c).map(|b| vec![b]),
                "character U+{:04X}",
                u32::from(c)
            );
        }
    }
}

//! Charset guesses: UTF-8 read as Latin-1/Windows-1252 somewhere on the way
//! (mojibake, "cafÃ©"), or text re-encoded from UTF-8 to Windows-1252.
//! Pure: bytes in, bytes out.

/// Windows-1252 characters for bytes 0x80–0x9F (`None`: undefined, kept as C1).
const CP1252_HIGH: [Option<char>; 32] = [
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

fn cp1252_byte(c: char) -> Option<u8> {
    if let Ok(b) = u8::try_from(u32::from(c)) {
        return Some(b);
    }
    let index = CP1252_HIGH.iter().position(|&x| x == Some(c))?;
    Some(0x80 + index as u8)
}

fn cp1252_char(b: u8) -> char {
    match b {
        0x80..=0x9f => CP1252_HIGH[usize::from(b - 0x80)].unwrap_or(char::from(b)),
        _ => char::from(b),
    }
}

/// Received UTF-8 that is really UTF-8 bytes read as Latin-1/Windows-1252
/// ("cafÃ©"): the bytes those characters stood for, if they form UTF-8.
pub fn undo_mojibake(body: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(body).ok()?;
    if text.is_ascii() {
        return None;
    }
    let original = text.chars().map(cp1252_byte).collect::<Option<Vec<u8>>>()?;
    std::str::from_utf8(&original).is_ok().then_some(original)
}

/// Received Latin-1/Windows-1252 bytes (not UTF-8): the same text in UTF-8.
pub fn latin1_to_utf8(body: &[u8]) -> Option<Vec<u8>> {
    if std::str::from_utf8(body).is_ok() {
        return None;
    }
    Some(
        body.iter()
            .map(|&b| cp1252_char(b))
            .collect::<String>()
            .into_bytes(),
    )
}

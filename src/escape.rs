//! Making untrusted text safe to show. Webhook payloads and headers come from
//! the network: printed raw, an ESC could move the cursor or recolour the
//! terminal, and a bidi override could make `evt_live` read as `evt_test`.
//! Pure: strings in, strings out.

use std::fmt::Write;

/// Whether `c` must not reach a terminal as itself: controls (C0, DEL, C1),
/// bidi controls, and invisible format characters that hide or reorder text.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // Soft hyphen, Arabic letter mark, Mongolian vowel separator.
        | '\u{ad}' | '\u{61c}' | '\u{180e}'
        // Zero-width space/joiners, LRM/RLM.
        | '\u{200b}'..='\u{200f}'
        // Line and paragraph separators, bidi embeddings and overrides.
        | '\u{2028}'..='\u{202e}'
        // Word joiner, invisible operators, bidi isolates.
        | '\u{2060}'..='\u{2069}'
        // Zero-width no-break space (BOM), interlinear annotations.
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}'
        // Tag characters (invisible ASCII look-alikes).
        | '\u{e0000}'..='\u{e007f}'
    )
}

/// `s` with every [unsafe](is_unsafe) character escaped: `\n`, `\r`, `\t`
/// as such, the rest as `\u{…}`. Printable text, backslashes included, is
/// left alone, so the result reads naturally; it is not meant to round-trip.
pub fn for_terminal(s: &str) -> String {
    if !s.chars().any(is_unsafe) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// A lossless, terminal-safe view of arbitrary bytes, for diffs: printable
/// ASCII as is, `\\` for a backslash, `\n` `\r` `\t` `\0`, `<BOM>` for
/// U+FEFF, `\xNN` for other control bytes and invalid UTF-8, safe non-ASCII
/// characters as themselves and [unsafe](is_unsafe) ones as `\u{…}`.
pub fn bytes_visible(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\0' => out.push_str("\\0"),
                '\u{feff}' => out.push_str("<BOM>"),
                '\u{1}'..='\u{1f}' | '\u{7f}' => {
                    let _ = write!(out, "\\x{:02x}", c as u32);
                }
                c if is_unsafe(c) => {
                    let _ = write!(out, "\\u{{{:x}}}", c as u32);
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}

/// `value` as compact JSON in which every [unsafe](is_unsafe) character is a
/// `\u` escape. serde_json escapes C0 controls but writes DEL, C1 controls
/// and bidi/invisible characters as themselves; this is the same JSON value,
/// safe to land on a terminal (`--json` output read by a person).
pub fn json_for_terminal(value: &serde_json::Value) -> String {
    use serde::Serialize;
    let mut out = Vec::with_capacity(256);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, TerminalSafeJson);
    // Writing to a Vec cannot fail, and a Value always serializes.
    let _ = value.serialize(&mut ser);
    String::from_utf8(out).unwrap_or_default()
}

struct TerminalSafeJson;

impl serde_json::ser::Formatter for TerminalSafeJson {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_controls_and_keeps_text() {
        assert_eq!(for_terminal("plain café ✓"), "plain café ✓");
        assert_eq!(for_terminal("a\tb\r\nc"), "a\\tb\\r\\nc");
        assert_eq!(for_terminal("\u{1b}[2J\u{7}"), "\\u{1b}[2J\\u{7}");
        assert_eq!(for_terminal("del\u{7f} c1\u{9b}"), "del\\u{7f} c1\\u{9b}");
    }

    #[test]
    fn terminal_escapes_bidi_and_invisibles() {
        // "Trojan Source": RLO makes the rest of the line render reversed.
        assert_eq!(for_terminal("evt_\u{202e}tset"), "evt_\\u{202e}tset");
        for c in [
            '\u{202a}', '\u{2066}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}',
        ] {
            assert_eq!(
                for_terminal(&c.to_string()),
                format!("\\u{{{:x}}}", c as u32)
            );
        }
        assert_eq!(for_terminal("a\u{200b}b\u{feff}"), "a\\u{200b}b\\u{feff}");
        assert_eq!(for_terminal("\u{e0041}"), "\\u{e0041}");
    }

    #[test]
    fn visible_bytes_are_lossless_and_safe() {
        assert_eq!(bytes_visible(b"{\"a\":1}\n"), "{\"a\":1}\\n");
        assert_eq!(
            bytes_visible(b"a\\nb"),
            "a\\\\nb",
            "a literal backslash-n differs from a newline"
        );
        assert_eq!(bytes_visible(b"\r\n\t\0\x01\x7f"), "\\r\\n\\t\\0\\x01\\x7f");
        assert_eq!(bytes_visible(b"\xef\xbb\xbf{}"), "<BOM>{}");
        assert_eq!(bytes_visible("café".as_bytes()), "café");
        assert_eq!(
            bytes_visible(b"caf\xe9"),
            "caf\\xe9",
            "Latin-1 é is invalid UTF-8"
        );
        assert_eq!(bytes_visible(b"\xff\xfe"), "\\xff\\xfe");
        assert_eq!(
            bytes_visible("\u{202e}\u{85}".as_bytes()),
            "\\u{202e}\\u{85}"
        );
        assert_eq!(bytes_visible(b"\x1b[31m"), "\\x1b[31m");
    }

    #[test]
    fn json_for_terminal_escapes_what_serde_json_leaves_raw() {
        let v = serde_json::json!({"t": "a\u{1b}b\u{7f}\u{9b}\u{202e}c\u{e0041}é✓"});
        let text = json_for_terminal(&v);
        assert_eq!(text, r#"{"t":"a\u001bb\u007f\u009b\u202ec\udb40\udc41é✓"}"#);
        assert!(!text.chars().any(is_unsafe));
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v, "the same value");
    }

    #[test]
    fn truncated_utf8_is_shown_byte_by_byte() {
        let e_acute = "é".as_bytes();
        assert_eq!(bytes_visible(&e_acute[..1]), "\\xc3");
    }
}

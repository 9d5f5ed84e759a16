//! Compact JSON with Rails' escaping (ActiveSupport::JSON, as Shopify
//! writes its webhook bodies): `/` as `\/`; `<`, `>`, `&`, U+2028 and
//! U+2029 as `\u003c`, `\u003e`, `\u0026`, `\u2028`, `\u2029`; other
//! non-ASCII text as UTF-8. Pure.

use serde::Serialize;
use serde_json::Value;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter, Serializer};
use std::io;

/// `value` appended to `out` in this form.
pub fn write_escaped(value: &Value, out: &mut Vec<u8>) {
    let mut ser = Serializer::with_formatter(&mut *out, Escaped);
    value
        .serialize(&mut ser)
        .expect("writing JSON to a Vec cannot fail");
}

/// `value` in this form.
pub fn escaped_json(value: &Value) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    write_escaped(value, &mut out);
    out
}

/// serde_json's compact layout, with the escapes above in strings.
struct Escaped;

impl Formatter for Escaped {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let escape: &[u8] = match bytes[i] {
                b'/' => b"\\/",
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                b'&' => b"\\u0026",
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                0xe2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xa8) => {
                    b"\\u2028"
                }
                0xe2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xa9) => {
                    b"\\u2029"
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            w.write_all(&bytes[start..i])?;
            w.write_all(escape)?;
            i += if bytes[i] == 0xe2 { 3 } else { 1 };
            start = i;
        }
        w.write_all(&bytes[start..])
    }

    fn write_char_escape<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        CompactFormatter.write_char_escape(w, escape)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn escapes_as_shopify_bodies_show() {
        // The escapes seen in Shopify's raw bodies (research §S3): slashes in
        // GIDs, HTML in body_html, an ampersand in a name.
        let v = json!({
            "admin_graphql_api_id": "gid://shopify/Order/820982911946154508",
            "body_html": "<p>It's <b>café</b></p>",
            "vendor": "Barnes & Noble",
            "id": 820982911946154508u64,
            "sep": "a\u{2028}b\u{2029}c\n\"",
        });
        assert_eq!(
            String::from_utf8(escaped_json(&v)).unwrap(),
            r#"{"admin_graphql_api_id":"gid:\/\/shopify\/Order\/820982911946154508","body_html":"\u003cp\u003eIt's \u003cb\u003ecafé\u003c\/b\u003e\u003c\/p\u003e","vendor":"Barnes \u0026 Noble","id":820982911946154508,"sep":"a\u2028b\u2029c\n\""}"#
        );
        // And it reads back as the same value, big integers included.
        let back: Value = serde_json::from_slice(&escaped_json(&v)).unwrap();
        assert_eq!(back, v);
    }
}

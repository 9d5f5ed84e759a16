//! JSON re-serialization guesses: the layouts and escapes of the common
//! JSON libraries, the received body written in each ([`json_guesses`]) or
//! in one named form ([`write_in_form`]), and whether a body already is its
//! own serialization in a form ([`transcodes_to_itself`]). Pure: bytes in,
//! bytes out.

use super::Variant;
use crate::diagnose::cause::Mutation;
use serde::Serialize;
use serde_json::Value;
use serde_json::ser::{CharEscape, Formatter, Serializer};
use std::io;

/// How a JSON library lays out and escapes its output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Style {
    indent: Option<&'static [u8]>,
    comma: &'static [u8],
    colon: &'static [u8],
    sorted: bool,
    /// Non-ASCII as `\uXXXX`.
    ascii: bool,
    /// `/` as `\/`.
    slash: bool,
    /// `<`, `>`, `&`, U+2028, U+2029 as `\uXXXX` (Go).
    html: bool,
}

const COMPACT: Style = Style {
    indent: None,
    comma: b",",
    colon: b":",
    sorted: false,
    ascii: false,
    slash: false,
    html: false,
};
const PRETTY: Style = Style {
    indent: Some(b"  "),
    colon: b": ",
    ..COMPACT
};

/// Serializations, likeliest first: `(id, description, style)`.
const FORMS: &[(&str, &str, Style)] = &[
    ("compact", "compact JSON", COMPACT),
    ("pretty2", "pretty JSON with a 2-space indent", PRETTY),
    (
        "python",
        "Python json.dumps output (\", \" and \": \" separators, non-ASCII as \\uXXXX)",
        Style {
            comma: b", ",
            colon: b": ",
            ascii: true,
            ..COMPACT
        },
    ),
    (
        "compact_sorted",
        "compact JSON with sorted keys",
        Style {
            sorted: true,
            ..COMPACT
        },
    ),
    (
        "go",
        "Go encoding/json output (sorted keys, <>& escaped)",
        Style {
            sorted: true,
            html: true,
            ..COMPACT
        },
    ),
    (
        "pretty4",
        "pretty JSON with a 4-space indent",
        Style {
            indent: Some(b"    "),
            ..PRETTY
        },
    ),
    (
        "pretty_tab",
        "pretty JSON with a tab indent",
        Style {
            indent: Some(b"\t"),
            ..PRETTY
        },
    ),
    (
        "pretty2_sorted",
        "pretty JSON (2-space) with sorted keys",
        Style {
            sorted: true,
            ..PRETTY
        },
    ),
    (
        "compact_ascii",
        "compact JSON with non-ASCII as \\uXXXX",
        Style {
            ascii: true,
            ..COMPACT
        },
    ),
    (
        "compact_slash",
        "compact JSON with \"/\" escaped as \"\\/\"",
        Style {
            slash: true,
            ..COMPACT
        },
    ),
    (
        "php",
        "PHP json_encode output (compact, \"/\" and non-ASCII escaped)",
        Style {
            ascii: true,
            slash: true,
            ..COMPACT
        },
    ),
    (
        "shopify",
        "Shopify's JSON (compact, \"/\" as \"\\/\", <, > and & as \\u003c, \\u003e and \\u0026)",
        Style {
            slash: true,
            html: true,
            ..COMPACT
        },
    ),
    (
        "python_indent2",
        "Python json.dumps(indent=2) output (non-ASCII as \\uXXXX)",
        Style {
            ascii: true,
            ..PRETTY
        },
    ),
];

/// The description of the form `id`.
pub fn form_description(id: &str) -> &'static str {
    FORMS.iter().find(|f| f.0 == id).map_or("JSON", |f| f.1)
}

/// The indent of the form `id`: `None` for a compact one.
pub fn form_indent(id: &str) -> Option<&'static [u8]> {
    FORMS.iter().find(|f| f.0 == id).and_then(|f| f.2.indent)
}

/// `value` written in the form `id`, keys in the order they have.
pub fn write_in_form(value: &Value, id: &str) -> Option<Vec<u8>> {
    let &(_, _, style) = FORMS.iter().find(|f| f.0 == id)?;
    let mut out = Vec::with_capacity(256);
    let mut ser = Serializer::with_formatter(
        &mut out,
        Styled::new(Style {
            sorted: false,
            ..style
        }),
    );
    value.serialize(&mut ser).ok()?;
    Some(out)
}

/// Whether `body` is, byte for byte, its own serialization in the form `id`
/// (an unsorted one: `"compact"`, `"pretty2"`, …). serde_json's two layouts
/// are checked by one scan of the bytes
/// ([`layout`](crate::diagnose::layout)); the others by
/// [`transcodes_to_itself`].
#[cfg(test)]
pub fn is_in_form(body: &[u8], id: &str) -> bool {
    match FORMS.iter().find(|f| f.0 == id) {
        Some((_, _, COMPACT)) => crate::diagnose::layout::is_own_serialization(body, None),
        Some((_, _, PRETTY)) => crate::diagnose::layout::is_own_serialization(body, PRETTY.indent),
        _ => transcodes_to_itself(body, id),
    }
}

/// Whether the form `id` is one of serde_json's own two layouts, which
/// [`layout`](crate::diagnose::layout) scans; any other is checked by
/// [`transcodes_to_itself`].
pub fn is_serde_layout(id: &str) -> bool {
    matches!(
        FORMS.iter().find(|f| f.0 == id),
        Some((_, _, COMPACT | PRETTY))
    )
}

/// [`is_in_form`] by streaming `body` from serde_json's parser to the
/// form's writer, with no tree built, stopping at the first byte that
/// differs: far cheaper than [`Json::parse`] and a comparison.
pub fn transcodes_to_itself(body: &[u8], id: &str) -> bool {
    let Some(&(_, _, style)) = FORMS.iter().find(|f| f.0 == id) else {
        return false;
    };
    if style.sorted {
        return false;
    }
    // JSON is UTF-8: checked once for the whole body, not string by string.
    let Ok(text) = std::str::from_utf8(body) else {
        return false;
    };
    let mut rest = Matching { rest: body };
    let mut de = serde_json::Deserializer::from_str(text);
    // serde_json's own formatters where they are the style: they are faster.
    let written = if style == COMPACT {
        serde_transcode::transcode(&mut de, &mut Serializer::new(&mut rest))
    } else if style == PRETTY {
        serde_transcode::transcode(&mut de, &mut Serializer::pretty(&mut rest))
    } else {
        serde_transcode::transcode(
            &mut de,
            &mut Serializer::with_formatter(&mut rest, Styled::new(style)),
        )
    };
    written.is_ok() && de.end().is_ok() && rest.rest.is_empty()
}

/// A writer that accepts only the bytes of `rest`, in order.
struct Matching<'a> {
    rest: &'a [u8],
}

impl io::Write for Matching<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let Some((head, rest)) = self.rest.split_at_checked(buf.len()) else {
            return Err(io::ErrorKind::InvalidData.into());
        };
        // Most writes are a byte or two of punctuation: a loop the
        // compiler inlines beats a call to memcmp.
        let same = if buf.len() <= 16 {
            head.iter().zip(buf).all(|(a, b)| a == b)
        } else {
            head == buf
        };
        if !same {
            return Err(io::ErrorKind::InvalidData.into());
        }
        self.rest = rest;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The received body parsed as JSON once, with what its strings contain.
pub struct Json {
    value: Value,
    sorted: Option<Value>,
    has_non_ascii: bool,
    has_slash: bool,
    has_html: bool,
}

impl Json {
    pub fn parse(body: &[u8]) -> Option<Json> {
        let value: Value = serde_json::from_slice(body).ok()?;
        let (mut has_non_ascii, mut has_slash, mut has_html, mut unsorted) =
            (false, false, false, false);
        let mut scan = |s: &str| {
            has_non_ascii |= !s.is_ascii();
            has_slash |= s.contains('/');
            has_html |= s.contains(['<', '>', '&', '\u{2028}', '\u{2029}']);
        };
        walk(&value, &mut scan, &mut unsorted);
        let sorted = unsorted.then(|| {
            let mut v = value.clone();
            v.sort_all_objects();
            v
        });
        Some(Json {
            value,
            sorted,
            has_non_ascii,
            has_slash,
            has_html,
        })
    }

    /// The form as it would be written by the library `style` stands for,
    /// with escapes that would change nothing switched off.
    fn effective(&self, style: Style) -> Style {
        Style {
            sorted: style.sorted && self.sorted.is_some(),
            ascii: style.ascii && self.has_non_ascii,
            slash: style.slash && self.has_slash,
            html: style.html && self.has_html,
            ..style
        }
    }

    pub fn value(&self) -> &Value {
        &self.value
    }

    /// Whether every object's keys are in byte order already.
    pub fn is_sorted(&self) -> bool {
        self.sorted.is_none()
    }

    fn write(&self, style: Style) -> Vec<u8> {
        let value = match (&self.sorted, style.sorted) {
            (Some(sorted), true) => sorted,
            _ => &self.value,
        };
        let mut out = Vec::with_capacity(256);
        let mut ser = Serializer::with_formatter(&mut out, Styled::new(style));
        value
            .serialize(&mut ser)
            .expect("writing JSON to a Vec cannot fail");
        out
    }

    /// Every distinct serialization of the value, likeliest first, as
    /// `(form id, description, bytes)`.
    #[cfg(test)]
    pub fn forms(&self) -> Vec<(&'static str, &'static str, Vec<u8>)> {
        self.forms_first(None)
    }

    /// [`forms`](Self::forms) with the form `first` (a provider's own) ahead
    /// of the others, so that it names the bytes it shares with another.
    fn forms_first(&self, first: Option<&str>) -> Vec<(&'static str, &'static str, Vec<u8>)> {
        let mut seen: Vec<Style> = Vec::with_capacity(FORMS.len());
        let mut out = Vec::with_capacity(FORMS.len());
        let own = FORMS.iter().filter(|f| Some(f.0) == first);
        for &(id, description, style) in own.chain(FORMS.iter().filter(|f| Some(f.0) != first)) {
            let style = self.effective(style);
            if seen.contains(&style) {
                continue;
            }
            seen.push(style);
            out.push((id, description, self.write(style)));
        }
        out
    }
}

/// Calls `scan` on every string and key; notes objects whose keys are out of order.
fn walk(value: &Value, scan: &mut impl FnMut(&str), unsorted: &mut bool) {
    match value {
        Value::String(s) => scan(s),
        Value::Array(items) => items.iter().for_each(|v| walk(v, scan, unsorted)),
        Value::Object(map) => {
            let mut previous: Option<&str> = None;
            for (key, v) in map {
                scan(key);
                *unsorted |= previous.is_some_and(|p| p > key.as_str());
                previous = Some(key);
                walk(v, scan, unsorted);
            }
        }
        _ => {}
    }
}

/// The JSON re-serializations of `received` that differ from it.
pub fn json_guesses(json: &Json, received: &[u8]) -> Vec<Variant> {
    json_guesses_from(json, received, None)
}

/// [`json_guesses`] with the provider's own form `native` first.
pub fn json_guesses_from(json: &Json, received: &[u8], native: Option<&str>) -> Vec<Variant> {
    let forms = json.forms_first(native);
    let arrived = match forms.iter().find(|f| f.2 == received) {
        Some((_, description, _)) => format!("arrived as {description}"),
        None => "arrived formatted differently".to_string(),
    };
    forms
        .into_iter()
        .filter(|(_, _, bytes)| bytes != received)
        .map(|(id, description, bytes)| Variant {
            mutation: Mutation::ReserializedJson,
            label: id,
            detail: format!(
                "the body was signed as {description} but {arrived}: something parsed and re-serialized it"
            ),
            bytes,
        })
        .collect()
}

/// A `serde_json` formatter for any [`Style`]; layout follows
/// `serde_json::ser::PrettyFormatter`.
struct Styled {
    style: Style,
    level: usize,
    has_value: bool,
}

impl Styled {
    fn new(style: Style) -> Self {
        Styled {
            style,
            level: 0,
            has_value: false,
        }
    }

    fn newline<W: ?Sized + io::Write>(&self, w: &mut W) -> io::Result<()> {
        if let Some(indent) = self.style.indent {
            w.write_all(b"\n")?;
            for _ in 0..self.level {
                w.write_all(indent)?;
            }
        }
        Ok(())
    }

    fn begin_item<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(self.style.comma)?;
        }
        self.newline(w)
    }

    fn end_container<W: ?Sized + io::Write>(&mut self, w: &mut W, close: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.newline(w)?;
        }
        w.write_all(close)
    }
}

fn write_u_escape<W: ?Sized + io::Write>(w: &mut W, unit: u16) -> io::Result<()> {
    write!(w, "\\u{unit:04x}")
}

impl Formatter for Styled {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end_container(w, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.begin_item(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end_container(w, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.begin_item(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(self.style.colon)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let Style {
            ascii, slash, html, ..
        } = self.style;
        let bytes = fragment.as_bytes();
        if !ascii && !slash && !html {
            return w.write_all(bytes);
        }
        // Bytes that may start an escape: a scan that is cheap when none occurs.
        let candidate = |b: u8| {
            (ascii && b >= 0x80)
                || (slash && b == b'/')
                || (html && matches!(b, b'<' | b'>' | b'&' | 0xe2))
        };
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            if !candidate(bytes[i]) {
                i += 1;
                continue;
            }
            let c = fragment[i..]
                .chars()
                .next()
                .expect("i is on a char boundary");
            let escape_html = html && matches!(c, '<' | '>' | '&' | '\u{2028}' | '\u{2029}');
            if !(escape_html || (ascii && !c.is_ascii()) || (slash && c == '/')) {
                i += c.len_utf8();
                continue;
            }
            w.write_all(&bytes[start..i])?;
            if c == '/' {
                w.write_all(b"\\/")?;
            } else {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write_u_escape(w, *unit)?;
                }
            }
            i += c.len_utf8();
            start = i;
        }
        w.write_all(&bytes[start..])
    }

    fn write_char_escape<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        // Only `/` differs by style, and it never reaches here: serde_json
        // passes it through as a fragment.
        serde_json::ser::CompactFormatter.write_char_escape(w, escape)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(json: &Json, id: &str) -> String {
        let style = FORMS.iter().find(|f| f.0 == id).unwrap().2;
        String::from_utf8(json.write(json.effective(style))).unwrap()
    }

    #[test]
    fn pretty_matches_serde_json_and_compact_matches_json_stringify() {
        let body = br#"{"b":{"x":[1,{"y":[]},{}],"e":{}},"a":"caf\u00e9 </b> & a/b"}"#;
        let json = Json::parse(body).unwrap();
        let value: Value = serde_json::from_slice(body).unwrap();
        assert_eq!(
            form(&json, "pretty2"),
            serde_json::to_string_pretty(&value).unwrap()
        );
        assert_eq!(
            form(&json, "compact"),
            r#"{"b":{"x":[1,{"y":[]},{}],"e":{}},"a":"café </b> & a/b"}"#
        );
        assert_eq!(
            form(&json, "python"),
            r#"{"b": {"x": [1, {"y": []}, {}], "e": {}}, "a": "caf\u00e9 </b> & a/b"}"#
        );
        assert_eq!(
            form(&json, "go"),
            r#"{"a":"café \u003c/b\u003e \u0026 a/b","b":{"e":{},"x":[1,{"y":[]},{}]}}"#
        );
        assert_eq!(
            form(&json, "php"),
            r#"{"b":{"x":[1,{"y":[]},{}],"e":{}},"a":"caf\u00e9 <\/b> & a\/b"}"#
        );
        assert!(form(&json, "pretty_tab").starts_with("{\n\t\"b\": {\n\t\t\"x\": [\n\t\t\t1,"));
    }

    #[test]
    fn a_body_is_in_the_form_it_was_written_in_and_no_other() {
        let value: Value = serde_json::from_str(
            r#"{"b":{"x":[1,{"y":[]},{}],"e":{}},"a":"caf\u00e9 </b>","n":-1.5}"#,
        )
        .unwrap();
        let pretty = serde_json::to_vec_pretty(&value).unwrap();
        let compact = serde_json::to_vec(&value).unwrap();
        assert!(is_in_form(&pretty, "pretty2"));
        assert!(!is_in_form(&pretty, "compact"));
        assert!(is_in_form(&compact, "compact"));
        assert!(!is_in_form(&compact, "pretty2"));
        assert!(!is_in_form(&[pretty.as_slice(), b"\n"].concat(), "pretty2"));
        assert!(!is_in_form(&pretty[..pretty.len() - 1], "pretty2"));
        assert!(
            !is_in_form(br#"{"a":"caf\u00e9"}"#, "compact"),
            "escapes differ"
        );
        assert!(!is_in_form(b"not json", "compact"));
        assert!(
            !is_in_form(&compact, "compact_sorted"),
            "sorted forms need a tree"
        );
    }

    #[test]
    fn astral_characters_escape_as_surrogate_pairs() {
        let json = Json::parse("[\"😀\"]".as_bytes()).unwrap();
        assert_eq!(form(&json, "compact_ascii"), r#"["\ud83d\ude00"]"#);
    }

    #[test]
    fn forms_that_would_change_nothing_are_skipped() {
        let json = Json::parse(br#"{"a":1,"b":"x"}"#).unwrap();
        let ids: Vec<&str> = json.forms().iter().map(|f| f.0).collect();
        assert_eq!(
            ids,
            ["compact", "pretty2", "python", "pretty4", "pretty_tab"]
        );
    }
}

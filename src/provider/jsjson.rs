//! `JSON.stringify(JSON.parse(text))` as a JavaScript engine computes it:
//! every number a double written as ECMAScript's `Number#toString` writes
//! it (`1.0` → `1`, `1e21` → `1e+21`, integers past 2^53 rounded),
//! object keys that are array indices first in ascending order and the
//! rest in the order they first appeared, a repeated key keeping its
//! first place and its last value, and strings escaped as `JSON.stringify`
//! escapes them (which is how serde_json escapes them too). Zoom's SDK
//! verifies its signature over this form of the body, not over the bytes
//! received.

use serde_json::{Map, Value};

/// The body as `JSON.stringify(JSON.parse(body))` writes it; `None` when
/// `JSON.parse` would throw (the SDK then cannot verify at all).
pub fn stringify(body: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(body).ok()?;
    let value: Value = serde_json::from_str(text).ok()?;
    let mut out = Vec::with_capacity(body.len());
    write(&value, &mut out);
    Some(out)
}

/// `value` as `JSON.stringify` writes it.
pub fn write_value(value: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Number(n) => number(n.as_f64().unwrap_or(f64::NAN), out),
        Value::String(s) => {
            serde_json::to_writer(&mut *out, s).expect("a string always serializes")
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write(item, out);
            }
            out.push(b']');
        }
        Value::Object(map) => object(map, out),
    }
}

fn object(map: &Map<String, Value>, out: &mut Vec<u8>) {
    let mut indices: Vec<(u32, &String, &Value)> = map
        .iter()
        .filter_map(|(k, v)| array_index(k).map(|i| (i, k, v)))
        .collect();
    indices.sort_by_key(|(i, _, _)| *i);
    let rest = map.iter().filter(|(k, _)| array_index(k).is_none());
    out.push(b'{');
    let entries = indices.iter().map(|(_, k, v)| (*k, *v)).chain(rest);
    for (i, (key, value)) in entries.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        serde_json::to_writer(&mut *out, key).expect("a string always serializes");
        out.push(b':');
        write(value, out);
    }
    out.push(b'}');
}

/// A key JavaScript orders as an array index: the canonical decimal form
/// of an integer below 2^32 - 1.
fn array_index(key: &str) -> Option<u32> {
    let canonical =
        key == "0" || (!key.starts_with('0') && key.bytes().all(|b| b.is_ascii_digit()));
    if !canonical || key.is_empty() || key.len() > 10 {
        return None;
    }
    key.parse::<u32>().ok().filter(|&i| i != u32::MAX)
}

/// A double as `Number#toString` writes it; JSON has no NaN or Infinity,
/// which `JSON.stringify` writes as `null`.
fn number(x: f64, out: &mut Vec<u8>) {
    if !x.is_finite() {
        out.extend_from_slice(b"null");
    } else if x == 0.0 {
        out.push(b'0'); // -0 too
    } else {
        out.extend_from_slice(ryu_js::Buffer::new().format_finite(x).as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn js(text: &str) -> String {
        String::from_utf8(stringify(text.as_bytes()).unwrap()).unwrap()
    }

    #[test]
    fn numbers_keys_and_strings_as_javascript_writes_them() {
        // Expected values: node 20, `JSON.stringify(JSON.parse(text))`.
        assert_eq!(
            js("{ \"a\" : 1.0 , \"b\": [1e21, 1.5e-7, -0, 0.1] }"),
            r#"{"a":1,"b":[1e+21,1.5e-7,0,0.1]}"#
        );
        assert_eq!(js("12345678901234567890"), "12345678901234567000");
        assert_eq!(
            js(r#"{"b":1,"2":2,"a":3,"1":4,"01":5,"4294967295":6}"#),
            r#"{"1":4,"2":2,"b":1,"a":3,"01":5,"4294967295":6}"#
        );
        assert_eq!(js(r#"{"a":1,"b":2,"a":3}"#), r#"{"a":3,"b":2}"#);
        assert_eq!(
            js("\"\\u0001\\u001f\\/é\\u2028\""),
            "\"\\u0001\\u001f/é\u{2028}\""
        );
        assert!(stringify(b"{\"a\":").is_none());
    }
}

//! Signs that a body was re-encoded, read from the body alone: what the
//! diagnosis says when no guess reproduces the signature (a re-encoding
//! that also rounded a number or shuffled keys cannot be undone), so that
//! a re-encoded body is never taken for an intact one signed with another
//! secret. Each sign is a clause for the finding's detail.

use super::layout::{self, MIN_SORTED_OBJECTS};
use crate::provider::{BodyForm, KeyOrder, Provider};
use serde_json::Value;

/// The signs of re-encoding in `body`, a JSON body that is not byte for
/// byte `provider`'s own serialization. Empty when there are none.
pub fn signs(body: &[u8], provider: Provider) -> Vec<String> {
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return Vec::new();
    };
    let spec = provider.spec();
    let name = spec.display;
    let mut out = Vec::new();
    let tokens = Tokens::read(body);
    let pretty = spec.body == BodyForm::JsonPretty2;
    match (&tokens.indent, pretty) {
        (None, true) if tokens.newlines == 0 => {
            out.push(format!(
                "it is compact JSON, where {name} indents by 2 spaces"
            ));
        }
        (Some(indent), _) if indent.as_slice() != b"  " || !pretty => {
            out.push(format!(
                "it is indented by {}, where {name} {}",
                describe_indent(indent),
                if pretty {
                    "indents by 2 spaces"
                } else {
                    "sends compact JSON"
                }
            ));
        }
        _ => {}
    }
    if tokens.spaced_colon {
        out.push("keys are followed by \" : \" (Perl JSON::PP's pretty layout)".to_string());
    } else if tokens.comma_space {
        out.push("items are separated by \", \" (Python's json.dumps)".to_string());
    }
    if body.ends_with(b"\n") {
        out.push(format!(
            "a newline follows the JSON, which {name} does not send"
        ));
    }
    for (seen, what) in [
        (tokens.escaped_non_ascii, "non-ASCII characters"),
        (tokens.escaped_html, "<, > or &"),
        (tokens.escaped_separator, "U+2028/U+2029"),
    ] {
        if seen {
            out.push(format!(
                "{what} are escaped as \\uXXXX, which {name} sends raw"
            ));
        }
    }
    if tokens.escaped_slash {
        out.push(format!(
            "\"/\" is escaped as \"\\/\", which {name} sends raw"
        ));
    }
    let order = provider.scheme().key_order();
    if let Some(clause) = key_order_sign(&value, order, name) {
        out.push(clause);
    }
    if tokens.rounded_integer {
        out.push(
            "an integer above 2^53 has a double's precision (JavaScript and Go's float64 round \
             large integers)"
                .to_string(),
        );
    }
    if tokens.integer_as_float {
        out.push(
            "an integer above 2^53 is written as a floating-point number (jq, PHP and Perl turn \
             large integers into doubles)"
                .to_string(),
        );
    }
    out
}

/// The detail of a finding from `signs`.
pub fn detail(signs: &[String]) -> String {
    format!(
        "the body was re-encoded after signing: {}; what it lost cannot be put back, so the \
         signature cannot be reproduced",
        signs.join("; ")
    )
}

fn key_order_sign(value: &Value, order: KeyOrder, name: &str) -> Option<String> {
    let mut multi = 0;
    let mut sorted = true;
    walk_keys(value, &mut |keys: &[&str]| {
        if keys.len() >= 2 {
            multi += 1;
            sorted &= keys.windows(2).all(|w| w[0] < w[1]);
        }
    });
    let sorted = sorted && multi >= MIN_SORTED_OBJECTS;
    match order {
        KeyOrder::Unknown => None,
        KeyOrder::NeverSorted => {
            sorted.then(|| format!("the keys are sorted at every level, which {name} never sends"))
        }
        KeyOrder::FirstThenSorted(_) if !order.holds(value) => {
            let how = if sorted { "sorted" } else { "in another order" };
            Some(format!(
                "the keys are {how}, where {name} writes {}",
                order.describe().unwrap_or_default()
            ))
        }
        KeyOrder::FirstThenSorted(_) => None,
    }
}

fn walk_keys(value: &Value, f: &mut impl FnMut(&[&str])) {
    match value {
        Value::Object(map) => {
            let keys: Vec<&str> = map.keys().map(String::as_str).collect();
            f(&keys);
            map.values().for_each(|v| walk_keys(v, f));
        }
        Value::Array(items) => items.iter().for_each(|v| walk_keys(v, f)),
        _ => {}
    }
}

fn describe_indent(indent: &[u8]) -> String {
    if indent.iter().all(|&b| b == b'\t') {
        return if indent.len() == 1 {
            "a tab".to_string()
        } else {
            format!("{} tabs", indent.len())
        };
    }
    format!("{} spaces", indent.len())
}

/// What one pass over the body's bytes, outside and inside strings, saw.
#[derive(Default)]
struct Tokens {
    /// The whitespace at the start of the first indented line.
    indent: Option<Vec<u8>>,
    newlines: usize,
    spaced_colon: bool,
    comma_space: bool,
    escaped_non_ascii: bool,
    escaped_html: bool,
    escaped_separator: bool,
    escaped_slash: bool,
    rounded_integer: bool,
    integer_as_float: bool,
}

impl Tokens {
    fn read(body: &[u8]) -> Tokens {
        let mut t = Tokens::default();
        let mut i = 0;
        while i < body.len() {
            match body[i] {
                b'"' => i = t.string(body, i + 1),
                b'\n' => {
                    t.newlines += 1;
                    let rest = &body[i + 1..];
                    let width = rest
                        .iter()
                        .position(|&b| b != b' ' && b != b'\t')
                        .unwrap_or(rest.len());
                    if t.indent.is_none() && width > 0 {
                        t.indent = Some(rest[..width].to_vec());
                    }
                    i += 1;
                }
                b' ' if body.get(i + 1) == Some(&b':') => {
                    t.spaced_colon = true;
                    i += 1;
                }
                b',' if body.get(i + 1) == Some(&b' ') => {
                    t.comma_space = true;
                    i += 1;
                }
                b'-' | b'0'..=b'9' => {
                    let len = body[i..]
                        .iter()
                        .position(|&b| !matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
                        .unwrap_or(body.len() - i);
                    t.number(&body[i..i + len]);
                    i += len;
                }
                _ => i += 1,
            }
        }
        t
    }

    /// A string's escapes, from after its opening quote; returns where it ends.
    fn string(&mut self, body: &[u8], mut i: usize) -> usize {
        while i < body.len() {
            match body[i] {
                b'"' => return i + 1,
                b'\\' => {
                    match body.get(i + 1) {
                        Some(b'/') => self.escaped_slash = true,
                        Some(b'u') => {
                            let unit = body
                                .get(i + 2..i + 6)
                                .and_then(|h| std::str::from_utf8(h).ok())
                                .and_then(|h| u16::from_str_radix(h, 16).ok());
                            match unit {
                                Some(0x2028 | 0x2029) => self.escaped_separator = true,
                                Some(0x3c | 0x3e | 0x26) => self.escaped_html = true,
                                Some(u) if u >= 0x80 => self.escaped_non_ascii = true,
                                _ => {}
                            }
                        }
                        _ => {}
                    }
                    i += 2;
                }
                _ => i += 1,
            }
        }
        i
    }

    fn number(&mut self, token: &[u8]) {
        let digits = token.strip_prefix(b"-").unwrap_or(token);
        if digits.iter().all(u8::is_ascii_digit) {
            self.rounded_integer |= digits.len() >= 18 && layout::rounded_through_double(digits);
            return;
        }
        let value = std::str::from_utf8(token)
            .ok()
            .and_then(|t| t.parse::<f64>().ok());
        if let Some(f) = value {
            self.integer_as_float |= f.fract() == 0.0 && f.abs() > 9_007_199_254_740_992.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{GITHUB, STRIPE};

    #[test]
    fn reads_the_signs_serializers_leave() {
        let perl = "{\n   \"id\" : \"evt_1\",\n   \"amount\" : 1.23456789012346e+18\n}\n";
        let s = signs(perl.as_bytes(), STRIPE).join("; ");
        assert!(s.contains("indented by 3 spaces"), "{s}");
        assert!(s.contains("\" : \""), "{s}");
        assert!(s.contains("floating-point"), "{s}");
        let node = br#"{"action":"x","n":1234567890123456800,"s":"a\/b \u00e9 \u003c"}"#;
        let s = signs(node, GITHUB).join("; ");
        assert!(s.contains("double's precision"), "{s}");
        assert!(s.contains("\\/"), "{s}");
        assert!(s.contains("non-ASCII"), "{s}");
        assert!(s.contains("<, > or &"), "{s}");
        let sorted = br#"{"a":{"x":1,"y":2},"b":{"p":1,"q":2},"c":[{"k":1,"l":2}]}"#;
        assert!(
            signs(sorted, GITHUB)
                .join("")
                .contains("sorted at every level")
        );
        assert!(signs(br#"{"b":1,"a":2}"#, GITHUB).is_empty());
    }
}

//! Whether a body is, byte for byte, serde_json's own serialization of
//! itself: compact, or pretty with a 2-space indent (the layouts Stripe and
//! the others send). One scan of the bytes, no parse tree and no writer.
//!
//! It answers what `variants::transcodes_to_itself` answers for these two
//! layouts (streaming the body through serde_json's parser into its writer
//! and comparing), which the tests hold it to, at a fraction of the cost
//! (a large share of a wrong-secret diagnosis; benches/README.md). Strings are
//! checked for serde_json's escapes (only `"`, `\`, and control characters,
//! as `\b \f \n \r \t` or `\u00xx`), integers for their canonical digits;
//! any other number is handed to serde_json to parse and write back, so
//! float formatting is serde_json's own, not a copy of it.

use crate::provider::KeyOrder;

/// serde_json's parser refuses a container nested this deep.
const DEPTH_LIMIT: usize = 128;

/// Whether `body` is what serde_json writes for it: compact when `indent`
/// is `None`, pretty with `indent` per level otherwise.
#[cfg(test)]
pub fn is_own_serialization(body: &[u8], indent: Option<&[u8]>) -> bool {
    scan(body, indent, KeyOrder::Unknown).is_some()
}

/// What a scan learns beyond the layout: the order of the keys and the
/// numbers, which a re-encoding changes while keeping the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// Every object with two keys or more has them in strict byte order.
    pub sorted: bool,
    /// How many objects have two keys or more.
    pub multi_key_objects: usize,
    /// Every object's keys are in the order asked for (unknown, and so
    /// `false`, when a key holds an escape).
    pub in_order: bool,
    /// An integer above 2^53 reads as a double's shortest digits padded
    /// with zeros: what JavaScript or Go's `float64` writes back.
    pub rounded_integer: bool,
}

impl Shape {
    /// Whether the keys are as `order` says the provider writes them.
    pub fn keys_as(&self, order: KeyOrder) -> bool {
        match order {
            KeyOrder::Unknown => true,
            KeyOrder::NeverSorted => !(self.sorted && self.multi_key_objects >= MIN_SORTED_OBJECTS),
            KeyOrder::FirstThenSorted(_) => self.in_order,
        }
    }
}

/// Objects whose keys must all be sorted before a sorted body counts as
/// sorted by a writer rather than by chance.
pub const MIN_SORTED_OBJECTS: usize = 3;

/// `Some` when `body` is what serde_json writes for it (see
/// [`is_own_serialization`]), with its keys checked against `order`.
pub fn scan(body: &[u8], indent: Option<&[u8]>, order: KeyOrder) -> Option<Shape> {
    // JSON is UTF-8: checked once here, so strings need only their escapes checked.
    if std::str::from_utf8(body).is_err() {
        return None;
    }
    let mut scan = Scan {
        bytes: body,
        at: 0,
        indent,
        depth: 0,
        order,
        shape: Shape {
            sorted: true,
            multi_key_objects: 0,
            in_order: true,
            rounded_integer: false,
        },
    };
    (scan.value().is_some() && scan.at == body.len()).then_some(scan.shape)
}

struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
    indent: Option<&'a [u8]>,
    depth: usize,
    order: KeyOrder,
    shape: Shape,
}

impl<'a> Scan<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Steps over `text`, which must come next. Compared byte by byte:
    /// it is a byte or two of punctuation, shorter than a call to memcmp.
    fn expect(&mut self, text: &[u8]) -> Option<()> {
        let next = self.bytes.get(self.at..self.at + text.len())?;
        next.iter()
            .zip(text)
            .all(|(a, b)| a == b)
            .then(|| self.at += text.len())
    }

    /// The line break and indent before an item or a closing bracket at `depth`.
    fn newline(&mut self, depth: usize) -> Option<()> {
        let Some(indent) = self.indent else {
            return Some(());
        };
        self.expect(b"\n")?;
        let width = indent.len() * depth;
        let next = self.bytes.get(self.at..self.at + width)?;
        next.iter()
            .zip(indent.iter().cycle())
            .all(|(a, b)| a == b)
            .then(|| self.at += width)
    }

    fn value(&mut self) -> Option<()> {
        match self.peek()? {
            b'{' => self.container(b'}', true),
            b'[' => self.container(b']', false),
            b'"' => self.string(),
            b't' => self.expect(b"true"),
            b'f' => self.expect(b"false"),
            b'n' => self.expect(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    /// An object (`keyed`) or an array, from its opening bracket.
    fn container(&mut self, close: u8, keyed: bool) -> Option<()> {
        self.at += 1;
        self.depth += 1;
        if self.depth >= DEPTH_LIMIT {
            return None;
        }
        if self.peek()? == close {
            // serde_json writes an empty container as `{}` or `[]`, unbroken.
            self.at += 1;
            self.depth -= 1;
            return Some(());
        }
        let mut keys = KeyCheck::default();
        loop {
            self.newline(self.depth)?;
            if keyed {
                if self.peek()? != b'"' {
                    return None;
                }
                let start = self.at + 1;
                self.string()?;
                let bytes: &'a [u8] = self.bytes;
                keys.next(&bytes[start..self.at - 1], self.order, &mut self.shape);
                self.expect(if self.indent.is_some() { b": " } else { b":" })?;
            }
            self.value()?;
            if self.peek()? == b',' {
                self.at += 1;
                continue;
            }
            self.depth -= 1;
            self.newline(self.depth)?;
            return self.expect(&[close]);
        }
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Option<()> {
        self.at += 1;
        loop {
            let rest = self.bytes.get(self.at..)?;
            let end = memchr::memchr2(b'"', b'\\', rest)?;
            // A raw control character: serde_json refuses it. Folded, not
            // short-circuited, so the check runs over whole vectors.
            if rest[..end]
                .iter()
                .fold(false, |control, &b| control | (b < 0x20))
            {
                return None;
            }
            self.at += end;
            if rest[end] == b'"' {
                self.at += 1;
                return Some(());
            }
            self.escape()?;
        }
    }

    /// An escape, from its backslash: only those serde_json writes.
    fn escape(&mut self) -> Option<()> {
        let code = *self.bytes.get(self.at + 1)?;
        match code {
            b'"' | b'\\' | b'b' | b'f' | b'n' | b'r' | b't' => {
                self.at += 2;
                Some(())
            }
            b'u' => {
                // `\u00xx`, lowercase, for a control character with no short escape.
                let hex = self.bytes.get(self.at + 2..self.at + 6)?;
                let control = matches!(hex, [b'0', b'0', b'0' | b'1', b'0'..=b'9' | b'a'..=b'f']);
                let has_short = matches!(hex, b"0008" | b"0009" | b"000a" | b"000c" | b"000d");
                if !control || has_short {
                    return None;
                }
                self.at += 6;
                Some(())
            }
            _ => None,
        }
    }

    /// A number. Short integers in canonical form are written back as they
    /// are; anything else (fractions, exponents, `-0`, long or leading-zero
    /// digits) is parsed and written by serde_json and compared.
    fn number(&mut self) -> Option<()> {
        let start = self.at;
        let len = self.bytes[start..]
            .iter()
            .position(|&b| !matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
            .unwrap_or(self.bytes.len() - start);
        let token = &self.bytes[start..start + len];
        self.at += len;
        let digits = token.strip_prefix(b"-").unwrap_or(token);
        let canonical_integer = match digits {
            [b'0'] => token.len() == 1,
            [b'1'..=b'9', rest @ ..] => rest.len() < 18 && rest.iter().all(u8::is_ascii_digit),
            _ => false,
        };
        if canonical_integer {
            return Some(());
        }
        if digits.len() >= 18 && digits.iter().all(u8::is_ascii_digit) {
            self.shape.rounded_integer |= rounded_through_double(digits);
        }
        let value: serde_json::Value = serde_json::from_slice(token).ok()?;
        (serde_json::to_vec(&value).ok()? == token).then_some(())
    }
}

/// One object's keys, checked as they are scanned.
#[derive(Default)]
struct KeyCheck<'a> {
    previous: Option<&'a [u8]>,
    /// The rank of the previous key in a `FirstThenSorted` order.
    rank: Option<(usize, &'a [u8])>,
    count: usize,
}

impl<'a> KeyCheck<'a> {
    fn next(&mut self, key: &'a [u8], order: KeyOrder, shape: &mut Shape) {
        self.count += 1;
        if self.count == 2 {
            shape.multi_key_objects += 1;
        }
        if key.contains(&b'\\') {
            // Compared as written, an escaped key could rank wrongly.
            shape.sorted = false;
            shape.in_order = false;
            return;
        }
        if self.previous.is_some_and(|p| p >= key) {
            shape.sorted = false;
        }
        self.previous = Some(key);
        if let KeyOrder::FirstThenSorted(first) = order {
            let rank = match first.iter().position(|f| f.as_bytes() == key) {
                Some(i) => (i, &b""[..]),
                None => (first.len(), key),
            };
            if self.rank.is_some_and(|r| r >= rank) {
                shape.in_order = false;
            }
            self.rank = Some(rank);
        }
    }
}

/// Whether integer `digits` (18 or more, so above 2^53) are a double's
/// shortest round-trip digits padded with zeros, as JavaScript and Go write
/// a large integer they parsed into a double.
pub fn rounded_through_double(digits: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(digits) else {
        return false;
    };
    let significant = text.trim_end_matches('0');
    if significant.len() == text.len() || significant.len() > 17 {
        return false;
    }
    text.parse::<f64>()
        .is_ok_and(|f| f.is_finite() && format!("{f}") == text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnose::variants::transcodes_to_itself;

    const PRETTY: Option<&[u8]> = Some(b"  ");

    /// The scan and serde_json agree on `body`, in both layouts.
    fn agree(body: &[u8]) {
        for (indent, id) in [(None, "compact"), (PRETTY, "pretty2")] {
            assert_eq!(
                is_own_serialization(body, indent),
                transcodes_to_itself(body, id),
                "{id}: {:?}",
                String::from_utf8_lossy(body)
            );
        }
    }

    #[test]
    fn edge_cases_agree_with_serde_json() {
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        let cases: Vec<Vec<u8>> = [
            "{}",
            "[]",
            "{ }",
            "[\n]",
            "0",
            "-0",
            "-0.0",
            "01",
            "1.0",
            "1.50",
            "1e5",
            "1E5",
            "100000.0",
            "1e+20",
            "1e20",
            "12345678901234567",
            "123456789012345678",
            "1234567890123456789",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "18446744073709551615",
            "18446744073709551616",
            "1e400",
            "-",
            "1.",
            ".5",
            "+1",
            "0.1",
            "5e-324",
            "\"\"",
            "\"a\\/b\"",
            "\"\\u00e9\"",
            "\"é\"",
            "\"\\u001f\"",
            "\"\\u001F\"",
            "\"\\u0008\"",
            "\"\\b\"",
            "\"\\u007f\"",
            "\"\u{7f}\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud800\"",
            "\"\t\"",
            "\"\\t\"",
            "\"\\x\"",
            "\"unterminated",
            "true",
            "tru",
            "null ",
            " null",
            "{\"a\":1}",
            "{\"a\": 1}",
            "{\n  \"a\": 1\n}",
            "{\n  \"a\": [\n    1,\n    {}\n  ]\n}",
            "{\n  \"a\": [1]\n}",
            "{\"a\":1,}",
            "[1,2]",
            "[\n  1,\n  2\n]",
            "[\n  1,\n   2\n]",
            "{\"a\":1,\"a\":2}",
            "{1:2}",
            "\u{feff}{}",
            "{}\n",
            "[1]]",
            "[[1]",
            "{\"a\"}",
            "{\"a\":}",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .chain([b"\"\xff\"".to_vec(), b"\"\xc3\"".to_vec()])
        .chain([126, 127, 128, 129].map(|n| nested(n).into_bytes()))
        .collect();
        for case in cases {
            agree(&case);
        }
    }

    /// A small deterministic generator (xorshift) of JSON values with the
    /// strings and numbers that trip serializers up.
    struct Gen(u64);

    impl Gen {
        fn next(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        fn value(&mut self, depth: usize) -> serde_json::Value {
            use serde_json::{Value, json};
            const STRINGS: &[&str] = &[
                "",
                "a",
                "café",
                "a/b",
                "\"q\"",
                "back\\slash",
                "tab\t",
                "nl\n",
                "\u{1}",
                "\u{1f}",
                "\u{7f}",
                "😀",
                "\u{2028}",
                "<b>&</b>",
                "ok",
            ];
            const NUMBERS: &[&str] = &[
                "0",
                "1",
                "-1",
                "1099",
                "-0.0",
                "1.5",
                "0.1",
                "1e20",
                "123456789012345678901",
                "18446744073709551615",
                "-9223372036854775808",
                "2.5e-8",
                "1e-7",
                "3.0",
            ];
            match self.next(if depth > 3 { 4 } else { 6 }) {
                0 => Value::String(STRINGS[self.next(STRINGS.len())].to_string()),
                1 => serde_json::from_str(NUMBERS[self.next(NUMBERS.len())]).unwrap(),
                2 => [Value::Null, json!(true), json!(false)][self.next(3)].clone(),
                3 => Value::String(format!("id_{}", self.next(1000))),
                4 => Value::Array((0..self.next(4)).map(|_| self.value(depth + 1)).collect()),
                _ => Value::Object(
                    (0..self.next(5))
                        .map(|_| {
                            let key = STRINGS[self.next(STRINGS.len())].to_string();
                            (key, self.value(depth + 1))
                        })
                        .collect(),
                ),
            }
        }
    }

    /// One small edit of the kind a proxy or a framework makes, somewhere.
    fn mutate(g: &mut Gen, body: &[u8]) -> Vec<u8> {
        let text = String::from_utf8_lossy(body).into_owned();
        let edits: &[(&str, &str)] = &[
            ("é", "\\u00e9"),
            ("/", "\\/"),
            (": ", ":"),
            (":", ": "),
            (",", ", "),
            ("\n", "\r\n"),
            ("  ", "    "),
            ("\\n", "\\u000a"),
            ("\\u001f", "\\u001F"),
            ("1.5", "1.50"),
            ("0.1", "1e-1"),
            ("[]", "[ ]"),
            ("{}", "{\n}"),
            ("\"", "'"),
            ("1e20", "100000000000000000000"),
            ("-0.0", "-0"),
            ("true", "True"),
        ];
        let (from, to) = edits[g.next(edits.len())];
        let hits: Vec<usize> = text.match_indices(from).map(|(i, _)| i).collect();
        if hits.is_empty() {
            return [body, b" "].concat();
        }
        let at = hits[g.next(hits.len())];
        format!("{}{to}{}", &text[..at], &text[at + from.len()..]).into_bytes()
    }

    #[test]
    fn generated_bodies_and_their_mutations_agree_with_serde_json() {
        let mut g = Gen(0x9e37_79b9_7f4a_7c15);
        let mut own = 0;
        for _ in 0..3000 {
            let value = g.value(0);
            for body in [
                serde_json::to_vec(&value).unwrap(),
                serde_json::to_vec_pretty(&value).unwrap(),
            ] {
                agree(&body);
                own += usize::from(is_own_serialization(&body, PRETTY));
                agree(&mutate(&mut g, &body));
            }
        }
        assert!(own >= 3000, "every pretty body is its own serialization");
    }

    #[test]
    fn a_stripe_event_is_in_stripes_layout() {
        let body = crate::fixtures::resolve("payment_intent.succeeded", None, &[])
            .unwrap()
            .render(&crate::fixtures::RenderOptions {
                timestamp: 1_700_000_000,
                ids: crate::ids::IdSource::new(1),
                sequence: 0,
                overrides: &[],
            })
            .unwrap()
            .body;
        assert!(is_own_serialization(&body, PRETTY));
        assert!(!is_own_serialization(&body, None));
        agree(&body);
    }
}

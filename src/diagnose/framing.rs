//! Guesses at a batch body's layout: the events of a JSON array laid out
//! the other way (the CRLF SendGrid puts between its events added or
//! dropped, each event's bytes kept as received), and the batch written
//! again in the provider's own form (a body a framework parsed and
//! re-serialized). Only for body forms that batch; pure.

use super::cause::Mutation;
use super::variants::Variant;
use crate::provider::{BodyForm, Framing, sorted_batch};
use serde_json::Value;

/// What the provider's own form is, for "tried" lists.
pub fn describe(form: BodyForm) -> Option<&'static str> {
    form.batches()
        .then_some("compact JSON events, keys sorted, separated by ,\\r\\n")
}

/// Whether `body` is byte for byte the provider's own serialization, for
/// the forms this file knows (`None` for the others): a batch written
/// either way SendGrid is seen to write it.
pub fn is_native(form: BodyForm, body: &[u8]) -> Option<bool> {
    if !form.batches() {
        return None;
    }
    let Ok(Value::Array(events)) = serde_json::from_slice::<Value>(body) else {
        return Some(false);
    };
    Some(
        sorted_batch(&events, Framing::Lines) == body
            || sorted_batch(&events, Framing::Compact) == body,
    )
}

/// The byte ranges of a JSON array's elements, exactly as written, when
/// `body` is one array (whitespace around it allowed).
fn elements(body: &[u8]) -> Option<Vec<&[u8]>> {
    let start = body.iter().position(|b| !b.is_ascii_whitespace())?;
    let end = body.iter().rposition(|b| !b.is_ascii_whitespace())?;
    if body[start] != b'[' || body[end] != b']' || end <= start {
        return None;
    }
    let inner = &body[start + 1..end];
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut from, mut out) = (0, Vec::new());
    for (i, &b) in inner.iter().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.checked_sub(1)?,
            b',' if depth == 0 => {
                out.push(trim(&inner[from..i]));
                from = i + 1;
            }
            _ => {}
        }
    }
    if in_string || depth != 0 {
        return None;
    }
    let last = trim(&inner[from..]);
    if !last.is_empty() || !out.is_empty() {
        out.push(last);
    }
    Some(out)
}

fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &bytes[start..end]
}

fn laid_out(events: &[&[u8]], framing: Framing) -> Vec<u8> {
    let separator: &[u8] = match framing {
        Framing::Lines => b",\r\n",
        Framing::Compact => b",",
    };
    let mut out = vec![b'['];
    out.extend_from_slice(&events.join(separator));
    out.push(b']');
    if framing == Framing::Lines {
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// The bodies that may have been signed, for a batch form: the received
/// events laid out both ways, then the batch re-serialized in the
/// provider's form. Nothing for other forms or bodies that are not arrays.
pub fn guesses(form: BodyForm, received: &[u8]) -> Vec<Variant> {
    if !form.batches() {
        return Vec::new();
    }
    let Some(events) = elements(received) else {
        return Vec::new();
    };
    let mut out = vec![
        Variant {
            mutation: Mutation::Framing,
            label: "events separated by ,\\r\\n",
            detail: "the CRLF that SendGrid puts between events and after the array was dropped \
                     after signing"
                .to_string(),
            bytes: laid_out(&events, Framing::Lines),
        },
        Variant {
            mutation: Mutation::Framing,
            label: "events separated by , with no CRLF",
            detail: "CRLF was added between the events (or after the array) after signing"
                .to_string(),
            bytes: laid_out(&events, Framing::Compact),
        },
    ];
    if let Ok(Value::Array(parsed)) = serde_json::from_slice::<Value>(received) {
        out.push(Variant {
            mutation: Mutation::ReserializedJson,
            label: "SendGrid's form (keys sorted, one event per line)",
            detail: "the body was parsed and serialized again after signing (SendGrid sends \
                     compact JSON, keys sorted, events separated by ,\\r\\n)"
                .to_string(),
            bytes: sorted_batch(&parsed, Framing::Lines),
        });
        out.push(Variant {
            mutation: Mutation::ReserializedJson,
            label: "compact with keys sorted",
            detail: "the body was parsed and serialized again after signing".to_string(),
            bytes: sorted_batch(&parsed, Framing::Compact),
        });
    }
    out.retain(|v| v.bytes != received);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MULTI: &[u8] = include_bytes!("../../tests/data/sendgrid/signed-multi-event.body");

    #[test]
    fn elements_are_cut_where_the_array_is_not_inside_a_string() {
        let body = br#" [{"a":"},{","b":[1,2]}, {"c":"\"]"}] "#;
        let got = elements(body).unwrap();
        assert_eq!(
            got,
            vec![&br#"{"a":"},{","b":[1,2]}"#[..], br#"{"c":"\"]"}"#]
        );
        assert_eq!(elements(b"[]").unwrap(), Vec::<&[u8]>::new());
        assert!(elements(b"{\"a\":1}").is_none());
        assert!(elements(b"[{\"a\":1}").is_none());
    }

    #[test]
    fn the_other_framing_of_sendgrids_body_is_guessed() {
        assert_eq!(is_native(BodyForm::JsonSortedBatch, MULTI), Some(true));
        assert_eq!(is_native(BodyForm::JsonCompact, MULTI), None);
        let compact = String::from_utf8(MULTI.to_vec())
            .unwrap()
            .replace("},\r\n{", "},{")
            .replace("]\r\n", "]");
        assert_eq!(
            is_native(BodyForm::JsonSortedBatch, compact.as_bytes()),
            Some(true)
        );
        let back = guesses(BodyForm::JsonSortedBatch, compact.as_bytes());
        assert_eq!(back[0].bytes, MULTI);
        assert_eq!(back[0].mutation, Mutation::Framing);
        let pretty =
            serde_json::to_vec_pretty(&serde_json::from_slice::<Value>(MULTI).unwrap()).unwrap();
        assert_eq!(is_native(BodyForm::JsonSortedBatch, &pretty), Some(false));
        let found = guesses(BodyForm::JsonSortedBatch, &pretty);
        assert!(
            found
                .iter()
                .any(|v| v.bytes == MULTI && v.mutation == Mutation::ReserializedJson)
        );
    }
}

//! Batch bodies: several events in one JSON array, laid out as SendGrid
//! lays them out. Pure.

use super::BodyForm;
use serde_json::{Map, Value};

impl BodyForm {
    /// Whether several events go in one body.
    pub fn batches(self) -> bool {
        self == BodyForm::JsonSortedBatch
    }
}

/// A payload as a batch body ([`BodyForm::JsonSortedBatch`]): an object is
/// one event, an array is the events.
pub fn batch_body(payload: &Value) -> Vec<u8> {
    match payload {
        Value::Array(events) => sorted_batch(events, Framing::Lines),
        event => sorted_batch(std::slice::from_ref(event), Framing::Lines),
    }
}

/// How the events of a batch are laid out between the brackets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// `,\r\n` between events and `\r\n` after the array: SendGrid's
    /// signed production bodies (its SDKs' test vectors).
    Lines,
    /// `,` between events and nothing after: plain compact JSON.
    Compact,
}

/// `value` with every object's keys in byte order, at every depth.
pub fn sort_keys(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let sorted: Map<String, Value> = keys
                .into_iter()
                .map(|k| (k.clone(), sort_keys(&map[k])))
                .collect();
            Value::Object(sorted)
        }
        Value::Array(items) => Value::Array(items.iter().map(sort_keys).collect()),
        other => other.clone(),
    }
}

/// Events as a JSON array: each compact with its keys sorted, laid out by `framing`.
pub fn sorted_batch(events: &[Value], framing: Framing) -> Vec<u8> {
    let mut out = Vec::with_capacity(events.len() * 512 + 4);
    out.push(b'[');
    for (i, event) in events.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(match framing {
                Framing::Lines => b",\r\n",
                Framing::Compact => b",",
            });
        }
        serde_json::to_writer(&mut out, &sort_keys(event)).expect("a Value always serializes");
    }
    out.push(b']');
    if framing == Framing::Lines {
        out.extend_from_slice(b"\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_batch_is_sorted_compact_and_framed_by_lines() {
        let events = [
            json!({"timestamp": 1, "event": "processed", "pool": {"name": "p", "id": 2}, "smtp-id": "<a@b>"}),
            json!({"event": "open", "email": "x@y"}),
        ];
        let body = sorted_batch(&events, Framing::Lines);
        assert_eq!(
            String::from_utf8(body).unwrap(),
            "[{\"event\":\"processed\",\"pool\":{\"id\":2,\"name\":\"p\"},\"smtp-id\":\"<a@b>\",\"timestamp\":1},\r\n{\"email\":\"x@y\",\"event\":\"open\"}]\r\n"
        );
        assert_eq!(
            batch_body(&events[1]),
            b"[{\"email\":\"x@y\",\"event\":\"open\"}]\r\n"
        );
        assert_eq!(
            sorted_batch(&events[1..], Framing::Compact),
            b"[{\"email\":\"x@y\",\"event\":\"open\"}]"
        );
    }

    #[test]
    fn the_reference_bodies_are_in_this_form() {
        // SendGrid's signed bodies (sendgrid-nodejs eventwebhook.spec.js, MIT):
        // parsed and written again, they come out byte for byte.
        for body in [
            &include_bytes!("../../tests/data/sendgrid/signed-single-event.body")[..],
            &include_bytes!("../../tests/data/sendgrid/signed-multi-event.body")[..],
        ] {
            let parsed: Value = serde_json::from_slice(body).unwrap();
            assert_eq!(batch_body(&parsed), body);
        }
    }
}

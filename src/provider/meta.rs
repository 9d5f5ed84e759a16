//! The event a request carries, as far as its body says; providers that
//! put the type or id in headers refine it in `Scheme::event_meta`.

use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventMeta {
    pub event_type: Option<String>,
    pub event_id: Option<String>,
    /// Unix seconds the event was created (Stripe `created`).
    pub created: Option<i64>,
    /// The object the event is about (`data.object.id`).
    pub object_id: Option<String>,
    pub livemode: Option<bool>,
    /// A GitHub-style `action` field.
    pub action: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct BodyFields {
    id: Option<Value>,
    #[serde(rename = "type")]
    kind: Option<Value>,
    created: Option<Value>,
    livemode: Option<Value>,
    action: Option<Value>,
    data: Option<DataFields>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DataFields {
    object: Option<ObjectFields>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ObjectFields {
    id: Option<Value>,
}

fn text(v: Option<Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s),
        _ => None,
    }
}

impl EventMeta {
    /// The usual fields of a JSON event body; nothing for other bodies.
    pub fn from_body(body: &[u8]) -> EventMeta {
        let fields: BodyFields = serde_json::from_slice(body).unwrap_or_default();
        EventMeta {
            event_type: text(fields.kind),
            event_id: text(fields.id),
            created: fields.created.and_then(|c| c.as_i64()),
            object_id: fields.data.and_then(|d| d.object).and_then(|o| text(o.id)),
            livemode: fields.livemode.and_then(|l| l.as_bool()),
            action: text(fields.action),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_usual_fields_and_nothing_from_garbage() {
        let m = EventMeta::from_body(
            br#"{"id":"evt_1","type":"charge.succeeded","created":5,"livemode":false,"data":{"object":{"id":"ch_1"}}}"#,
        );
        assert_eq!(m.event_id.as_deref(), Some("evt_1"));
        assert_eq!(m.object_id.as_deref(), Some("ch_1"));
        assert_eq!(m.created, Some(5));
        assert_eq!(EventMeta::from_body(b"\xff not json"), EventMeta::default());
    }
}

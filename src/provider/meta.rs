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
    /// The object the event is about (`data.object.id`, else `data.id`).
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
    object: ObjectFields,
    /// Standard Webhooks' envelope puts the resource itself in `data`.
    id: Option<Value>,
}

/// `data.object`'s id when it is an object; anything else there (Clerk's
/// `"object": "user"`, say) is skipped rather than failing the whole body.
#[derive(Default)]
struct ObjectFields {
    id: Option<Value>,
}

impl<'de> Deserialize<'de> for ObjectFields {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = ObjectFields;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<ObjectFields, A::Error> {
                let mut id = None;
                while let Some(IsId(is_id)) = map.next_key()? {
                    if is_id {
                        id = Some(map.next_value()?);
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(ObjectFields { id })
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<ObjectFields, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(ObjectFields::default())
            }
            fn visit_str<E>(self, _: &str) -> Result<ObjectFields, E> {
                Ok(ObjectFields::default())
            }
            fn visit_bool<E>(self, _: bool) -> Result<ObjectFields, E> {
                Ok(ObjectFields::default())
            }
            fn visit_i64<E>(self, _: i64) -> Result<ObjectFields, E> {
                Ok(ObjectFields::default())
            }
            fn visit_u64<E>(self, _: u64) -> Result<ObjectFields, E> {
                Ok(ObjectFields::default())
            }
            fn visit_f64<E>(self, _: f64) -> Result<ObjectFields, E> {
                Ok(ObjectFields::default())
            }
            fn visit_unit<E>(self) -> Result<ObjectFields, E> {
                Ok(ObjectFields::default())
            }
        }
        d.deserialize_any(Visit)
    }
}

/// Whether a map key is `id`, read without copying the key (serde's
/// `Cow<str>` would make a `String` of every key).
struct IsId(bool);

impl<'de> Deserialize<'de> for IsId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = IsId;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E>(self, key: &str) -> Result<IsId, E> {
                Ok(IsId(key == "id"))
            }
        }
        d.deserialize_str(Visit)
    }
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
            object_id: fields
                .data
                .and_then(|d| text(d.object.id).or_else(|| text(d.id))),
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
        // A `data.object` that is not an object loses only its own id.
        let clerk = EventMeta::from_body(
            br#"{"type":"user.created","data":{"id":"user_1","object":"user"}}"#,
        );
        assert_eq!(clerk.event_type.as_deref(), Some("user.created"));
        assert_eq!(clerk.object_id.as_deref(), Some("user_1"));
        // Keys are compared unescaped, as written out.
        let escaped =
            EventMeta::from_body(br#"{"data":{"object":{"x\"y":1,"\u0069d":"ch_2","idx":"no"}}}"#);
        assert_eq!(escaped.object_id.as_deref(), Some("ch_2"));
    }
}

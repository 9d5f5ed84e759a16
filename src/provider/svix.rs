//! Providers that deliver through Svix (Clerk, Resend): Standard Webhooks'
//! scheme under Svix's header names (`svix-id`, `svix-timestamp`,
//! `svix-signature: v1,<base64>`), keyed with the base64 after `whsec_`.
//! Each brand brings its own ids, secret variables, events and body shape;
//! signing and verifying are Standard Webhooks' own code.

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Tail};
use super::standard::{self, StandardWebhooks};
use super::{
    EventMeta, Generated, GeneratedKind, HeaderSink, KeyError, Misuse, Mixup, Scheme, SignInput,
    Spec,
};
use crate::request::Headers;
use serde_json::Value;

pub const SIGNATURE: &str = "svix-signature";
pub const ID: &str = "svix-id";
pub const TIMESTAMP: &str = "svix-timestamp";

/// A provider that sends Standard Webhooks through Svix.
pub struct Brand {
    pub spec: &'static Spec,
    /// Whether a JSON body is one of this provider's events.
    pub owns: fn(&Value) -> bool,
    /// Where its events carry their generated values.
    pub place: fn(&mut serde_json::Map<String, Value>, &mut dyn FnMut(Generated) -> Value),
    /// Another credential of the provider's, told by its shape.
    pub misuse: fn(&str) -> Option<&'static Misuse>,
}

/// The event's time, under `key`, as `kind`.
pub fn stamp(
    event: &mut serde_json::Map<String, Value>,
    key: &str,
    kind: GeneratedKind,
    put: &mut dyn FnMut(Generated) -> Value,
) {
    if event.contains_key(key) {
        let t = Generated {
            purpose: "timestamp",
            kind,
        };
        event.insert(key.into(), put(t));
    }
}

impl Scheme for Brand {
    fn spec(&self) -> &'static Spec {
        self.spec
    }

    fn key_bytes(&self, secret: &str) -> Result<Vec<u8>, KeyError> {
        standard::decode_secret(secret)
    }

    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        StandardWebhooks.parse(req)
    }

    fn message(&self, m: &Material, head: &mut Vec<u8>) -> Result<Tail, MessageError> {
        StandardWebhooks.message(m, head)
    }

    fn write_headers(&self, signature: &str, input: &SignInput, out: &mut dyn HeaderSink) {
        out.put("content-type", &["application/json"]);
        out.put(ID, &[input.id]);
        out.put(TIMESTAMP, &[itoa::Buffer::new().format(input.timestamp)]);
        out.put(
            SIGNATURE,
            &[standard::version_of(signature), ",", signature],
        );
    }

    fn is_present(&self, headers: &Headers) -> bool {
        headers.contains(SIGNATURE)
    }

    /// Svix's headers and a body of this provider's shape: the headers
    /// alone are every Svix sender's.
    fn is_present_in(&self, headers: &Headers, body: &[u8]) -> bool {
        self.is_present(headers)
            && serde_json::from_slice::<Value>(body).is_ok_and(|v| (self.owns)(&v))
    }

    fn refines(&self) -> Option<&'static str> {
        Some("standard")
    }

    fn lenient(&self, headers: &Headers) -> Option<Headers> {
        StandardWebhooks.lenient(headers)
    }

    fn mixups(&self) -> &'static [Mixup] {
        StandardWebhooks.mixups()
    }

    fn misuse(&self, secret: &str) -> Option<&'static Misuse> {
        (self.misuse)(secret.trim())
    }

    fn event_meta(&self, headers: &Headers, body: &[u8]) -> EventMeta {
        let mut meta = EventMeta::from_body(body);
        if let Some(id) = headers.get(ID).or_else(|| headers.get("webhook-id")) {
            meta.event_id = Some(id.to_string());
        }
        meta
    }

    fn place(&self, payload: &mut Value, put: &mut dyn FnMut(Generated) -> Value) {
        if let Some(event) = payload.as_object_mut() {
            (self.place)(event, put);
        }
    }

    fn delivery_id(&self) -> Option<Generated> {
        StandardWebhooks.delivery_id()
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        (self.owns)(payload)
    }
}

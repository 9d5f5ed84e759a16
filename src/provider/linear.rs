//! Linear: `Linear-Signature: <hex>`, HMAC-SHA256 over the raw body keyed
//! with the webhook's signing secret. The time that counts is inside the
//! signed body, `webhookTimestamp` in milliseconds, which `@linear/sdk`
//! holds to 60 seconds either way; the `Linear-Timestamp` header is not
//! signed and the SDK ignores it.

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Stamp, Tail};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, Scheme,
    SignInput, Spec,
};
use crate::request::Headers;
use include_dir::{Dir, include_dir};
use serde::Deserialize;
use serde_json::Value;

pub struct Linear;

const HEADER: &str = "Linear-Signature";
const DELIVERY: &str = "Linear-Delivery";
/// The body field carrying the signed time, in milliseconds.
pub const TIMESTAMP_FIELD: &str = "webhookTimestamp";

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/linear");

static SPEC: Spec = Spec {
    id: "linear",
    display: "Linear",
    aliases: &[],
    signature_headers: &[HEADER],
    secret_vars: &["LINEAR_WEBHOOK_SECRET"],
    body: BodyForm::JsonCompact,
    algorithm: Algorithm::HmacSha256,
    encoding: Encoding::Hex,
    // LinearWebhookClient.verify: |Date.now() - webhookTimestamp| > 60 s fails.
    tolerance: Some(60),
    fixtures: &FIXTURES,
};

#[derive(Deserialize)]
struct Stamped {
    #[serde(rename = "webhookTimestamp")]
    timestamp: Option<f64>,
}

/// `webhookTimestamp` from the body, as Unix seconds and its digits.
fn body_stamp(body: &[u8]) -> Result<Stamp<'_>, HeaderProblem> {
    let missing = |reason: &str| HeaderProblem::Malformed {
        header: TIMESTAMP_FIELD,
        reason: reason.to_string(),
    };
    let stamped: Stamped = serde_json::from_slice(body).map_err(|_| {
        missing("the body is not a JSON object with a numeric webhookTimestamp (milliseconds)")
    })?;
    let millis = stamped
        .timestamp
        .ok_or_else(|| missing("the body has no webhookTimestamp (milliseconds)"))?;
    Ok(Stamp {
        seconds: (millis / 1000.0).floor() as i64,
        text: "",
    })
}

impl Scheme for Linear {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        let value = req
            .headers
            .get(HEADER)
            .ok_or(HeaderProblem::Missing { header: HEADER })?;
        let mut claims = Claims {
            timestamp: Some(body_stamp(req.body)?),
            id: req.headers.get(DELIVERY),
            ..Claims::default()
        };
        claims
            .signatures
            .push(super::hexsig::lowercase(HEADER, value)?);
        Ok(claims)
    }

    fn message(&self, _m: &Material, _head: &mut Vec<u8>) -> Result<Tail, MessageError> {
        Ok(Tail::Body)
    }

    fn write_headers(&self, signature: &str, input: &SignInput, out: &mut dyn HeaderSink) {
        let event = input
            .event_type
            .split('.')
            .next()
            .unwrap_or(input.event_type);
        out.put("Content-Type", &["application/json; charset=utf-8"]);
        out.put("User-Agent", &["Linear-Webhook"]);
        out.put(DELIVERY, &[input.id]);
        out.put("Linear-Event", &[event]);
        let mut ms = itoa::Buffer::new();
        out.put(
            "Linear-Timestamp",
            &[ms.format(input.timestamp.saturating_mul(1000))],
        );
        out.put(HEADER, &[signature]);
    }

    fn lenient(&self, headers: &Headers) -> Option<Headers> {
        let value = super::unquote(headers.get(HEADER)?);
        let value = value.strip_prefix("sha256=").unwrap_or(value);
        let mut fixed = Headers::new();
        fixed.push(HEADER, value.to_ascii_lowercase());
        if let Some(id) = headers.get(DELIVERY) {
            fixed.push(DELIVERY, id);
        }
        Some(fixed)
    }

    /// `Issue.create`: the body's `type` and `action`; the id is the delivery's.
    fn event_meta(&self, headers: &Headers, body: &[u8]) -> EventMeta {
        let mut meta = EventMeta::from_body(body);
        if let (Some(kind), Some(action)) = (&meta.event_type, &meta.action) {
            meta.event_type = Some(format!("{kind}.{action}"));
        }
        meta.event_id = headers.get(DELIVERY).map(str::to_string);
        meta
    }

    fn place(&self, payload: &mut Value, put: &mut dyn FnMut(Generated) -> Value) {
        let Some(obj) = payload.as_object_mut() else {
            return;
        };
        if obj.contains_key(TIMESTAMP_FIELD) {
            let t = put(Generated {
                purpose: "timestamp",
                kind: GeneratedKind::UnixMillis,
            });
            obj.insert(TIMESTAMP_FIELD.into(), t);
        }
        if obj.contains_key("createdAt") {
            let t = put(Generated {
                purpose: "created",
                kind: GeneratedKind::Rfc3339,
            });
            obj.insert("createdAt".into(), t);
        }
    }

    fn delivery_id(&self) -> Option<Generated> {
        Some(Generated {
            purpose: "delivery",
            kind: GeneratedKind::Uuid,
        })
    }

    fn event_type(&self, name: &str, payload: &Value) -> String {
        match (
            payload.get("type").and_then(Value::as_str),
            payload.get("action").and_then(Value::as_str),
        ) {
            (Some(kind), Some(action)) => format!("{kind}.{action}"),
            _ => name.to_string(),
        }
    }

    fn window_note(&self) -> Option<&'static str> {
        Some(
            "Linear's signed time is webhookTimestamp in the body (milliseconds), \
             which @linear/sdk holds to 60 seconds either way; the Linear-Timestamp header is \
             not signed.",
        )
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        payload.get(TIMESTAMP_FIELD).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{LINEAR, Verdict, hmac_sha256, verify_secrets};
    use crate::secret::Secret;

    fn check(body: &[u8], sig: &str, now: i64) -> Verdict {
        let h: Headers = [(HEADER, sig)].into_iter().collect();
        let parts = Parts {
            method: "POST",
            url: None,
            headers: &h,
            body,
        };
        verify_secrets(LINEAR, &parts, &[Secret::new("lin_wh_s", "s")], now, 60)
    }

    #[test]
    fn the_signed_time_is_in_the_body() {
        let body = br#"{"action":"create","type":"Issue","webhookTimestamp":1700000000123}"#;
        let sig = hex::encode(hmac_sha256(b"lin_wh_s", &[body]));
        assert_eq!(
            check(body, &sig, 1_700_000_060),
            Verdict::Valid { secret_index: 0 }
        );
        assert!(matches!(
            check(body, &sig, 1_700_000_061),
            Verdict::Stale { .. }
        ));
        // The SDK compares the lowercase digest's text.
        assert!(matches!(
            check(body, &sig.to_ascii_uppercase(), 1_700_000_000),
            Verdict::Header(_)
        ));
        let no_time = br#"{"action":"create"}"#;
        let sig = hex::encode(hmac_sha256(b"lin_wh_s", &[no_time]));
        assert!(matches!(
            check(no_time, &sig, 0),
            Verdict::Header(HeaderProblem::Malformed { .. })
        ));
    }
}

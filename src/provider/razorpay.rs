//! Razorpay: `X-Razorpay-Signature: <hex>`, HMAC-SHA256 over the raw body
//! keyed with the webhook secret chosen in the dashboard; no timestamp, so
//! no replay window (`X-Razorpay-Event-Id` is the dedup key).

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Tail, required};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, Misuse, Scheme,
    SignInput, Spec,
};
use crate::request::Headers;
use include_dir::{Dir, include_dir};
use serde_json::Value;

pub struct Razorpay;

const HEADER: &str = "X-Razorpay-Signature";
const EVENT_ID: &str = "X-Razorpay-Event-Id";

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/razorpay");

static SPEC: Spec = Spec {
    id: "razorpay",
    display: "Razorpay",
    aliases: &[],
    signature_headers: &[HEADER],
    secret_vars: &["RAZORPAY_WEBHOOK_SECRET"],
    body: BodyForm::JsonCompact,
    algorithm: Algorithm::HmacSha256,
    encoding: Encoding::Hex,
    tolerance: None,
    fixtures: &FIXTURES,
};

static KEY: Misuse = Misuse {
    id: "api_key",
    advice: "is a Razorpay API key id (rzp_test_/rzp_live_), not the webhook secret: use the \
             secret entered when the webhook was set up (Accounts & Settings → Webhooks), which \
             is not the API key secret",
};

impl Scheme for Razorpay {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        let value = required(req.headers, HEADER)?;
        let mut claims = Claims {
            id: req.headers.get(EVENT_ID),
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
        out.put("Content-Type", &["application/json"]);
        out.put("User-Agent", &["Razorpay-Webhook/v1"]);
        out.put(EVENT_ID, &[input.id]);
        out.put(HEADER, &[signature]);
    }

    fn lenient(&self, headers: &Headers) -> Option<Headers> {
        let value = super::unquote(headers.get(HEADER)?);
        let value = value.strip_prefix("sha256=").unwrap_or(value);
        let mut fixed = Headers::new();
        fixed.push(HEADER, value.to_ascii_lowercase());
        Some(fixed)
    }

    fn misuse(&self, secret: &str) -> Option<&'static Misuse> {
        let s = secret.trim();
        (s.starts_with("rzp_test_") || s.starts_with("rzp_live_")).then_some(&KEY)
    }

    /// The type is the body's `event`; the id is `X-Razorpay-Event-Id`.
    fn event_meta(&self, headers: &Headers, body: &[u8]) -> EventMeta {
        let mut meta = EventMeta::from_body(body);
        if let Ok(v) = serde_json::from_slice::<Value>(body) {
            meta.event_type = v.get("event").and_then(Value::as_str).map(str::to_string);
            meta.created = v.get("created_at").and_then(Value::as_i64);
            meta.object_id = v
                .get("contains")
                .and_then(|c| c.get(0))
                .and_then(Value::as_str)
                .and_then(|kind| v.pointer(&format!("/payload/{kind}/entity/id")))
                .and_then(Value::as_str)
                .map(str::to_string);
        }
        meta.event_id = headers.get(EVENT_ID).map(str::to_string);
        meta
    }

    fn place(&self, payload: &mut Value, put: &mut dyn FnMut(Generated) -> Value) {
        let Some(obj) = payload.as_object_mut() else {
            return;
        };
        if obj.contains_key("created_at") {
            let t = put(Generated {
                purpose: "created",
                kind: GeneratedKind::UnixSeconds,
            });
            obj.insert("created_at".into(), t);
        }
    }

    fn delivery_id(&self) -> Option<Generated> {
        Some(Generated {
            purpose: "event",
            kind: GeneratedKind::Base62 {
                prefix: "",
                len: 14,
            },
        })
    }

    fn event_type(&self, name: &str, payload: &Value) -> String {
        payload
            .get("event")
            .and_then(Value::as_str)
            .unwrap_or(name)
            .to_string()
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        payload.get("entity").and_then(Value::as_str) == Some("event")
            && payload.get("contains").is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{RAZORPAY, hmac_sha256, sign};
    use crate::secret::Secret;

    #[test]
    fn signs_the_raw_body() {
        let body = br#"{"entity":"event","event":"payment.captured"}"#;
        let input = SignInput {
            body,
            timestamp: 0,
            id: "Nx1",
            event_type: "payment.captured",
            url: None,
        };
        let headers = sign(RAZORPAY, &Secret::new("hookcli-test", "s"), &input).unwrap();
        let expected = hex::encode(hmac_sha256(b"hookcli-test", &[body]));
        assert_eq!(headers.get(HEADER), Some(expected.as_str()));
        assert_eq!(headers.get(EVENT_ID), Some("Nx1"));
    }
}

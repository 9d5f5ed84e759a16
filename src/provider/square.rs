//! Square: `x-square-hmacsha256-signature`, base64 HMAC-SHA256 keyed with
//! the subscription's signature key (as text) over the notification URL
//! exactly as configured followed by the raw body. The official verifiers
//! compare the URL byte for byte, with no port or scheme variants, so a
//! tunnel or proxy URL that differs from the configured one fails every
//! delivery (the diagnosis tries the URLs a proxy may have rebuilt).
//!
//! Sources: square/square-nodejs-sdk `src/wrapper/WebhooksHelper.ts` and
//! square/square-python-sdk `src/square/utils/webhooks_helper.py`.

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Sig, Tail, required};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, Misuse, Scheme,
    SignInput, Spec,
};
use crate::request::Headers;
use include_dir::{Dir, include_dir};
use serde_json::Value;

pub struct Square;

const HEADER: &str = "x-square-hmacsha256-signature";
/// The legacy HMAC-SHA1 signature Square still sends alongside.
const LEGACY: &str = "x-square-signature";

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/square");

static SPEC: Spec = Spec {
    id: "square",
    display: "Square",
    aliases: &["squareup"],
    signature_headers: &[HEADER, LEGACY],
    // Square's guides read the subscription's "Signature key"; these are
    // the names its samples and most apps configure it under.
    secret_vars: &["SQUARE_WEBHOOK_SIGNATURE_KEY", "SQUARE_SIGNATURE_KEY"],
    body: BodyForm::JsonCompact,
    algorithm: Algorithm::HmacSha256,
    encoding: Encoding::Base64,
    tolerance: None,
    fixtures: &FIXTURES,
};

static ACCESS_TOKEN: Misuse = Misuse {
    id: "api_key",
    advice: "is a Square access token (EAAA…), not the webhook subscription's signature key: copy \
             the Signature key from Developer Console → Webhooks → Subscriptions → the subscription",
};

static APPLICATION_SECRET: Misuse = Misuse {
    id: "application_secret",
    advice: "is the application's OAuth secret (sq0csp-…), not the webhook subscription's \
             signature key: copy the Signature key from Developer Console → Webhooks → Subscriptions",
};

impl Scheme for Square {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        let value = required(req.headers, HEADER)?;
        let mut claims = Claims::default();
        claims
            .signatures
            .push(Sig::new(Algorithm::HmacSha256, value, Encoding::Base64));
        Ok(claims)
    }

    fn message(&self, m: &Material, head: &mut Vec<u8>) -> Result<Tail, MessageError> {
        let url = m.url.ok_or(MessageError::NeedsUrl {
            provider: SPEC.display,
        })?;
        head.extend_from_slice(url.as_bytes());
        Ok(Tail::Body)
    }

    fn signs_url(&self) -> bool {
        true
    }

    fn write_headers(&self, signature: &str, _input: &SignInput, out: &mut dyn HeaderSink) {
        out.put("Content-Type", &["application/json"]);
        out.put("square-environment", &["Sandbox"]);
        out.put(HEADER, &[signature]);
    }

    fn lenient(&self, headers: &Headers) -> Option<Headers> {
        let mut fixed = Headers::new();
        fixed.push(HEADER, super::unquote(headers.get(HEADER)?));
        Some(fixed)
    }

    fn misuse(&self, secret: &str) -> Option<&'static Misuse> {
        let s = secret.trim();
        if s.starts_with("EAAA") && s.len() > 40 {
            Some(&ACCESS_TOKEN)
        } else if s.starts_with("sq0csp-") {
            Some(&APPLICATION_SECRET)
        } else {
            None
        }
    }

    fn event_meta(&self, _headers: &Headers, body: &[u8]) -> EventMeta {
        let mut meta = EventMeta::from_body(body);
        if let Ok(v) = serde_json::from_slice::<Value>(body) {
            meta.event_id = v
                .get("event_id")
                .and_then(Value::as_str)
                .map(str::to_string);
        }
        meta
    }

    fn place(&self, payload: &mut Value, put: &mut dyn FnMut(Generated) -> Value) {
        let Some(event) = payload.as_object_mut() else {
            return;
        };
        if event.contains_key("event_id") {
            let id = Generated {
                purpose: "event",
                kind: GeneratedKind::Uuid,
            };
            event.insert("event_id".into(), put(id));
        }
        if event.contains_key("created_at") {
            let t = Generated {
                purpose: "timestamp",
                kind: GeneratedKind::Rfc3339,
            };
            event.insert("created_at".into(), put(t));
        }
    }

    fn event_id_field(&self) -> Option<&'static str> {
        Some("event_id")
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        payload.get("merchant_id").is_some() && payload.get("event_id").is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{SQUARE, Verdict, hmac_sha256, sign, verify_secrets};
    use crate::secret::Secret;
    use base64::Engine;

    #[test]
    fn signs_the_url_then_the_body() {
        // The message of square-python-sdk's verify_signature: URL + body, UTF-8.
        let url = "https://example.com/webhooks/square";
        let body = br#"{"merchant_id":"MLEFBHHSJGVHD","type":"payment.created"}"#;
        let input = SignInput {
            body,
            timestamp: 0,
            id: "",
            event_type: "payment.created",
            url: Some(url),
        };
        let headers = sign(SQUARE, &Secret::new("sig-key", "k"), &input).unwrap();
        let expected = base64::engine::general_purpose::STANDARD
            .encode(hmac_sha256(b"sig-key", &[url.as_bytes(), body]));
        assert_eq!(headers.get(HEADER), Some(expected.as_str()));
        let at = |url| Parts {
            method: "POST",
            url: Some(url),
            headers: &headers,
            body,
        };
        let secret = [Secret::new("sig-key", "k")];
        assert_eq!(
            verify_secrets(SQUARE, &at(url), &secret, 0, 300),
            Verdict::Valid { secret_index: 0 }
        );
        // No port or scheme variants: Square compares the URL exactly.
        assert_eq!(
            verify_secrets(
                SQUARE,
                &at("https://example.com:443/webhooks/square"),
                &secret,
                0,
                300
            ),
            Verdict::NoMatch
        );
    }
}

//! Zoom: `x-zm-signature: v0=<hex>` and `x-zm-request-timestamp`,
//! HMAC-SHA256 keyed with the app's Secret Token over
//! `v0:<timestamp>:<body>`, where the body is the one Zoom's SDK (and its
//! webhook sample) re-serializes, `JSON.stringify(JSON.parse(raw))`: a
//! validly signed body that is not compact as `JSON.stringify` writes it
//! fails there, and any equal re-formatting passes. hookcli signs and
//! verifies over that form, and its bodies are in it already.

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Tail};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, Scheme,
    SignInput, Spec,
};
use crate::request::Headers;
use include_dir::{Dir, include_dir};
use serde_json::Value;

pub struct Zoom;

const HEADER: &str = "x-zm-signature";
const TIMESTAMP: &str = "x-zm-request-timestamp";
const TRACKING: &str = "x-zm-trackingid";

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/zoom");

static SPEC: Spec = Spec {
    id: "zoom",
    display: "Zoom",
    aliases: &[],
    signature_headers: &[HEADER],
    secret_vars: &["ZOOM_WEBHOOK_SECRET_TOKEN"],
    body: BodyForm::JsonStringify,
    algorithm: Algorithm::HmacSha256,
    encoding: Encoding::Hex,
    // Zoom's SDK checks no age; its docs tell receivers to, and this is
    // the window the other providers' libraries keep.
    tolerance: Some(300),
    fixtures: &FIXTURES,
};

/// The `encryptedToken` an endpoint answers `endpoint.url_validation` with:
/// lowercase hex HMAC-SHA256 of the `plainToken`, keyed with the Secret Token.
pub fn encrypted_token(secret: &str, plain_token: &str) -> String {
    hex::encode(super::hmac_sha256(
        secret.as_bytes(),
        &[plain_token.as_bytes()],
    ))
}

impl Scheme for Zoom {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        let mut claims = super::hexsig::v0_claims(req, HEADER, TIMESTAMP)?;
        claims.id = req.headers.get(TRACKING);
        Ok(claims)
    }

    /// `v0:<ts>:` and the body as the SDK re-serializes it; a body that
    /// is not JSON is used as it is (the SDK cannot parse it at all).
    fn message(&self, m: &Material, head: &mut Vec<u8>) -> Result<Tail, MessageError> {
        head.extend_from_slice(b"v0:");
        if let Some(t) = m.timestamp {
            head.extend_from_slice(t.text.as_bytes());
        }
        head.push(b':');
        match super::jsjson::stringify(m.body) {
            Some(canonical) if canonical != m.body => {
                head.extend_from_slice(&canonical);
                Ok(Tail::Nothing)
            }
            _ => Ok(Tail::Body),
        }
    }

    fn write_headers(&self, signature: &str, input: &SignInput, out: &mut dyn HeaderSink) {
        out.put("Content-Type", &["application/json; charset=utf-8"]);
        out.put("User-Agent", &["Zoom Marketplace/1.0a"]);
        out.put(TRACKING, &[input.id]);
        out.put(TIMESTAMP, &[itoa::Buffer::new().format(input.timestamp)]);
        out.put(HEADER, &["v0=", signature]);
    }

    fn lenient(&self, headers: &Headers) -> Option<Headers> {
        let value = super::unquote(headers.get(HEADER)?);
        let (version, hex) = value.split_once('=')?;
        if !version.eq_ignore_ascii_case("v0") {
            return None;
        }
        let t = super::unquote(headers.get(TIMESTAMP)?);
        let mut fixed = Headers::new();
        fixed.push(HEADER, format!("v0={}", hex.trim().to_ascii_lowercase()));
        fixed.push(TIMESTAMP, t.parse::<i64>().ok()?.to_string());
        Some(fixed)
    }

    fn event_meta(&self, headers: &Headers, body: &[u8]) -> EventMeta {
        let mut meta = EventMeta::from_body(body);
        if let Ok(v) = serde_json::from_slice::<Value>(body) {
            meta.event_type = v.get("event").and_then(Value::as_str).map(str::to_string);
            meta.object_id = v
                .pointer("/payload/object/uuid")
                .or_else(|| v.pointer("/payload/object/id"))
                .map(|id| match id {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                });
        }
        meta.event_id = headers.get(TRACKING).map(str::to_string);
        meta
    }

    fn place(&self, payload: &mut Value, put: &mut dyn FnMut(Generated) -> Value) {
        if let Some(obj) = payload.as_object_mut()
            && obj.contains_key("event_ts")
        {
            let t = put(Generated {
                purpose: "event_ts",
                kind: GeneratedKind::UnixMillis,
            });
            obj.insert("event_ts".into(), t);
        }
    }

    fn delivery_id(&self) -> Option<Generated> {
        Some(Generated {
            purpose: "tracking",
            kind: GeneratedKind::Uuid,
        })
    }

    fn event_type(&self, name: &str, payload: &Value) -> String {
        payload
            .get("event")
            .and_then(Value::as_str)
            .unwrap_or(name)
            .to_string()
    }

    fn window_note(&self) -> Option<&'static str> {
        Some(
            "Zoom's SDK checks no age at all; hookcli holds Zoom deliveries to 300 s \
             (--tolerance to change it).",
        )
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        payload.get("event").is_some() && payload.get("event_ts").is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{Verdict, ZOOM, sign, verify_secrets};
    use crate::secret::Secret;

    fn check(body: &[u8], sig: &str, ts: &str) -> Verdict {
        let h: Headers = [(HEADER, sig), (TIMESTAMP, ts)].into_iter().collect();
        let parts = Parts {
            method: "POST",
            url: None,
            headers: &h,
            body,
        };
        let secret = [Secret::new("4kPeBJ6gSGmhxaRuEPHsYg", "kat")];
        verify_secrets(ZOOM, &parts, &secret, 1_700_000_000, 300)
    }

    /// Zoom's documented scheme ("Verify webhook events", and
    /// zoom/webhook-sample index.js): `v0=` + hex HMAC-SHA256 of
    /// `v0:${timestamp}:${JSON.stringify(req.body)}` with the Secret Token.
    /// Expected values computed with Python's hmac and hashlib:
    /// hmac.new(b"4kPeBJ6gSGmhxaRuEPHsYg", b"v0:1700000000:" + body, sha256).
    #[test]
    fn known_answer_over_the_re_serialized_body() {
        let compact = br#"{"event":"meeting.started","payload":{"account_id":"AAAAAAAAAAAAAAAAAAAAAA","object":{"id":85746065432}},"event_ts":1700000000000}"#;
        let input = SignInput {
            body: compact,
            timestamp: 1_700_000_000,
            id: "t",
            event_type: "meeting.started",
            url: None,
        };
        let headers = sign(ZOOM, &Secret::new("4kPeBJ6gSGmhxaRuEPHsYg", "kat"), &input).unwrap();
        let got = headers.get(HEADER).unwrap().to_string();
        assert_eq!(got, KAT_SIGNATURE);
        assert_eq!(
            check(compact, &got, "1700000000"),
            Verdict::Valid { secret_index: 0 }
        );
        // The same signature holds for the body pretty-printed: the SDK
        // parses and re-serializes it before checking.
        let pretty =
            serde_json::to_vec_pretty(&serde_json::from_slice::<Value>(compact).unwrap()).unwrap();
        assert_eq!(
            check(&pretty, &got, "1700000000"),
            Verdict::Valid { secret_index: 0 }
        );
        assert_eq!(
            check(b"{\"event\":\"x\"}", &got, "1700000000"),
            Verdict::NoMatch
        );
    }

    const KAT_SIGNATURE: &str =
        "v0=6568a155b353997075070e42d126808e76eb9a815632606113e9665247ea049c";

    #[test]
    fn url_validation_answer() {
        // Zoom's documented answer: hex HMAC-SHA256(secret, plainToken);
        // value computed with Python's hmac as above.
        assert_eq!(
            encrypted_token("4kPeBJ6gSGmhxaRuEPHsYg", "qgg8vlvZRS6UYooatFL8Aw"),
            KAT_TOKEN
        );
    }

    const KAT_TOKEN: &str = "6315a409480893fc67b4d0df7d606141dc2bdf37ddfaed8dfc12f498971d13f7";
}

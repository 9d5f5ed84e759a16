//! Stripe: `Stripe-Signature: t=<unix>,v1=<hex>`, HMAC-SHA256 over
//! `<t>.<raw body>` keyed with the whole `whsec_…` string.

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Sig, Tail, required};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, Misuse, Mixup,
    Scheme, SecretAdvice, SignInput, Spec,
};
use crate::request::Headers;
use include_dir::{Dir, include_dir};
use serde_json::Value;

pub struct Stripe;

const HEADER: &str = "Stripe-Signature";

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/stripe");

static SPEC: Spec = Spec {
    id: "stripe",
    display: "Stripe",
    aliases: &[],
    signature_headers: &[HEADER],
    secret_vars: &[
        "STRIPE_WEBHOOK_SECRET",
        "STRIPE_WEBHOOK_SECRET_TEST",
        "STRIPE_WEBHOOK_SECRET_LIVE",
    ],
    body: BodyForm::JsonPretty2,
    algorithm: Algorithm::HmacSha256,
    encoding: Encoding::Hex,
    tolerance: Some(300),
    fixtures: &FIXTURES,
};

static API_KEY: Misuse = Misuse {
    id: "api_key",
    advice: "is an API key (sk_/rk_/pk_), not a webhook signing secret: use the endpoint's \
             whsec_ signing secret",
};

static MIXUPS: [Mixup; 1] = [Mixup {
    id: "standard_webhooks_secret_used_raw",
    tried_as: "base64-decoded after whsec_",
    advice: "The sender keyed the HMAC with the base64-decoded part after whsec_ (Standard \
             Webhooks style), while Stripe keys with the whole string: verify with --provider \
             standard, or fix the signer.",
    key: standard_derivation,
}];

/// The key a Standard Webhooks library would make of a `whsec_` secret.
fn standard_derivation(secret: &str) -> Option<Vec<u8>> {
    secret.strip_prefix("whsec_")?;
    super::standard::decode_secret(secret).ok()
}

const EVENT_ID: Generated = Generated {
    purpose: "event",
    kind: GeneratedKind::Base62 {
        prefix: "evt_",
        len: 24,
    },
};

impl Scheme for Stripe {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    fn secret_advice(&self) -> SecretAdvice {
        SecretAdvice {
            copy: "copy the signing secret (whsec_…) of this exact endpoint and mode from the Dashboard, or the one `stripe listen` prints when it forwards",
            scope: "test and live mode, each endpoint and `stripe listen` have their own",
        }
    }

    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        parse_value(required(req.headers, HEADER)?).map_err(|reason| HeaderProblem::Malformed {
            header: HEADER,
            reason,
        })
    }

    fn message(&self, m: &Material, head: &mut Vec<u8>) -> Result<Tail, MessageError> {
        if let Some(t) = m.timestamp {
            head.extend_from_slice(itoa::Buffer::new().format(t.seconds).as_bytes());
            head.push(b'.');
        }
        Ok(Tail::Body)
    }

    fn write_headers(&self, signature: &str, input: &SignInput, out: &mut dyn HeaderSink) {
        // The headers Stripe's webhook deliveries carry.
        out.put("Content-Type", &["application/json; charset=utf-8"]);
        out.put(
            "User-Agent",
            &["Stripe/1.0 (+https://stripe.com/docs/webhooks)"],
        );
        out.put("Accept", &["*/*; q=0.5, application/xml"]);
        out.put("Cache-Control", &["no-cache"]);
        let mut t = itoa::Buffer::new();
        out.put(
            HEADER,
            &["t=", t.format(input.timestamp), ",v1=", signature],
        );
    }

    fn lenient(&self, headers: &Headers) -> Option<Headers> {
        let mut fixed = Headers::new();
        fixed.push(HEADER, lenient_value(headers.get(HEADER)?)?);
        Some(fixed)
    }

    fn mixups(&self) -> &'static [Mixup] {
        &MIXUPS
    }

    fn owns_secret(&self, secret: &str) -> bool {
        secret.trim().starts_with("whsec_")
    }

    /// Every Stripe object, at every level of every event, is written with
    /// `id` and `object` first and the other keys alphabetically (as the
    /// API's own JSON and the events in its OpenAPI fixtures are).
    fn key_order(&self) -> super::KeyOrder {
        super::KeyOrder::FirstThenSorted(&["id", "object"])
    }

    fn misuse(&self, secret: &str) -> Option<&'static Misuse> {
        let s = secret.trim();
        ["sk_", "rk_", "pk_"]
            .iter()
            .any(|p| s.starts_with(p))
            .then_some(&API_KEY)
    }

    fn place(&self, payload: &mut Value, put: &mut dyn FnMut(Generated) -> Value) {
        let Some(obj) = payload.as_object_mut() else {
            return;
        };
        obj.insert("id".into(), put(EVENT_ID));
        obj.insert(
            "created".into(),
            put(Generated {
                purpose: "created",
                kind: GeneratedKind::UnixSeconds,
            }),
        );
        if let Some(Value::Object(request)) = obj.get_mut("request") {
            if request.get("id").is_some_and(Value::is_string) {
                let id = Generated {
                    purpose: "request",
                    kind: GeneratedKind::Base62 {
                        prefix: "req_",
                        len: 14,
                    },
                };
                request.insert("id".into(), put(id));
            }
            if request.get("idempotency_key").is_some_and(Value::is_string) {
                let key = Generated {
                    purpose: "idempotency",
                    kind: GeneratedKind::Uuid,
                };
                request.insert("idempotency_key".into(), put(key));
            }
        }
    }

    fn event_id_field(&self) -> Option<&'static str> {
        Some("id")
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        payload.get("object").and_then(Value::as_str) == Some("event")
    }

    fn event_meta(&self, _headers: &Headers, body: &[u8]) -> EventMeta {
        EventMeta::from_body(body)
    }
}

/// Parses a `Stripe-Signature` value as strictly as Stripe's SDKs read it:
/// anything they would silently fail on is reported with the reason.
fn parse_value(value: &str) -> Result<Claims<'_>, String> {
    if value.trim().is_empty() {
        return Err("the header is empty".into());
    }
    if value.contains(char::is_whitespace) {
        return Err(
            "it contains whitespace; Stripe sends `t=…,v1=…` with no spaces and its SDKs do not trim"
                .into(),
        );
    }
    let mut claims = Claims::default();
    let mut timestamps = 0;
    for item in value.split(',') {
        let Some((key, val)) = item.split_once('=') else {
            return Err(format!("element '{item}' is not key=value"));
        };
        match key {
            "t" => {
                timestamps += 1;
                let seconds = val
                    .parse::<i64>()
                    .map_err(|_| format!("t='{val}' is not a Unix timestamp"))?;
                claims.timestamp = Some(super::Stamp { seconds, text: val });
            }
            "v1" => claims
                .signatures
                .push(Sig::new(Algorithm::HmacSha256, val, Encoding::Hex)),
            "v0" => claims.other_versions.push(val),
            _ => {} // Stripe ignores unknown schemes; so do we.
        }
    }
    if timestamps == 0 {
        return Err("no t= timestamp".into());
    }
    if timestamps > 1 {
        return Err("t= appears more than once".into());
    }
    if claims.signatures.is_empty() {
        return Err(if claims.other_versions.is_empty() {
            "no v1= signature".into()
        } else {
            "only v0= signatures (a legacy scheme); Stripe's SDKs verify v1 only".into()
        });
    }
    Ok(claims)
}

/// Whitespace and quotes dropped, the last `t` kept, `v0` read as `v1`
/// when there is no `v1`.
fn lenient_value(value: &str) -> Option<String> {
    let compact: String = super::unquote(value)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut t = None;
    let (mut v1, mut v0) = (Vec::new(), Vec::new());
    for item in compact.split(',') {
        match item.split_once('=') {
            Some(("t", val)) => t = Some(super::unquote(val).parse::<i64>().ok()?),
            Some(("v1", sig)) => v1.push(sig),
            Some(("v0", sig)) => v0.push(sig),
            _ => {}
        }
    }
    let signatures = if v1.is_empty() { v0 } else { v1 };
    if signatures.is_empty() {
        return None;
    }
    let mut out = format!("t={}", t?);
    for sig in signatures {
        out.push_str(",v1=");
        out.push_str(sig);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{STRIPE, Verdict, hmac_sha256, sign, verify_secrets};
    use crate::secret::Secret;

    fn parts<'r>(headers: &'r Headers, body: &'r [u8]) -> Parts<'r> {
        Parts {
            method: "POST",
            url: None,
            headers,
            body,
        }
    }

    #[test]
    fn parses_multiple_signatures() {
        let r = parse_value("t=1614265330,v1=aa,v1=bb,v0=cc").unwrap();
        assert_eq!(r.timestamp.map(|t| t.seconds), Some(1614265330));
        assert_eq!(r.texts(), vec!["aa", "bb"]);
        assert_eq!(r.other_versions.as_slice(), ["cc"]);
    }

    #[test]
    fn rejects_what_the_sdks_reject() {
        for bad in [
            "",
            "t=1, v1=aa",
            "t=1,t=2,v1=aa",
            "t=1",
            "t=1,v0=aa",
            "v1=aa",
            "t=x,v1=aa",
            "t1v1",
        ] {
            assert!(parse_value(bad).is_err(), "{bad:?} should be malformed");
        }
    }

    #[test]
    fn lenient_reading() {
        assert_eq!(
            lenient_value("t=1, v1=aa, v1=bb").unwrap(),
            "t=1,v1=aa,v1=bb"
        );
        assert_eq!(lenient_value("t=1,t=2,v1=aa").unwrap(), "t=2,v1=aa");
        assert_eq!(lenient_value("t=1,v0=aa").unwrap(), "t=1,v1=aa");
        assert_eq!(lenient_value("t=x,v1=aa"), None);
        assert_eq!(lenient_value("v1=aa"), None);
    }

    #[test]
    fn known_answer_from_the_official_sdks() {
        // Expected header printed by stripe-node 23.1.0
        // `webhooks.generateTestHeaderString({payload, secret, timestamp})` and
        // stripe-python 16.1.0 `WebhookSignature.generate_signature_header`,
        // for stripe-python's own test payload and secret.
        let secret = Secret::new("whsec_test_secret", "kat");
        let body = b"{\n  \"id\": \"evt_test_webhook\",\n  \"object\": \"event\"\n}";
        let input = SignInput {
            body,
            timestamp: 1_700_000_000,
            id: "evt_test_webhook",
            event_type: "x",
            url: None,
        };
        let headers = sign(STRIPE, &secret, &input).unwrap();
        assert_eq!(
            headers.get("Stripe-Signature"),
            Some(
                "t=1700000000,v1=4f1cd7feda9826e746b7d482c4badebb657398df1099e1046364f6196a230150"
            )
        );
    }

    #[test]
    fn signs_with_the_whole_secret_as_key() {
        // Key is the literal `whsec_…` bytes, payload `<t>.<body>`.
        let body = b"{\"id\":\"evt_1\"}";
        let expected = hex::encode(hmac_sha256(b"whsec_test", &[b"1700000000.", body]));
        let input = SignInput {
            body,
            timestamp: 1_700_000_000,
            id: "",
            event_type: "x",
            url: None,
        };
        let headers = sign(STRIPE, &Secret::new("whsec_test", "t"), &input).unwrap();
        assert_eq!(
            headers.get(HEADER),
            Some(format!("t=1700000000,v1={expected}").as_str())
        );
    }

    #[test]
    fn rotation_any_v1_may_match() {
        let old = Secret::new("whsec_old", "old");
        let new = Secret::new("whsec_new", "new");
        let input = SignInput {
            body: b"{}",
            timestamp: 100,
            id: "evt",
            event_type: "x",
            url: None,
        };
        let a = sign(STRIPE, &old, &input).unwrap();
        let b = sign(STRIPE, &new, &input).unwrap();
        let sig = |h: &Headers| {
            h.get(HEADER)
                .unwrap()
                .rsplit_once("v1=")
                .unwrap()
                .1
                .to_string()
        };
        let both: Headers = [(HEADER, format!("t=100,v1={},v1={}", sig(&a), sig(&b)))]
            .into_iter()
            .collect();
        assert_eq!(
            verify_secrets(STRIPE, &parts(&both, b"{}"), &[new], 100, 300),
            Verdict::Valid { secret_index: 0 }
        );
    }
}

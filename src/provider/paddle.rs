//! Paddle Billing: `Paddle-Signature: ts=<unix>;h1=<hex>`, HMAC-SHA256
//! over `<ts>:<raw body>` keyed with the notification destination's secret
//! key (`pdl_ntfset_…`) as it is, not decoded. Paddle's SDKs reject a
//! delivery more than 5 seconds old by default, so that is the window here.

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Stamp, Tail};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, Misuse, Scheme,
    SignInput, Spec,
};
use crate::request::Headers;
use include_dir::{Dir, include_dir};
use serde_json::Value;

pub struct Paddle;

const HEADER: &str = "Paddle-Signature";

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/paddle");

static SPEC: Spec = Spec {
    id: "paddle",
    display: "Paddle Billing",
    aliases: &["paddle-billing"],
    signature_headers: &[HEADER],
    secret_vars: &[
        "PADDLE_WEBHOOK_SECRET_KEY",
        "PADDLE_NOTIFICATION_WEBHOOK_SECRET",
    ],
    body: BodyForm::JsonCompact,
    algorithm: Algorithm::HmacSha256,
    encoding: Encoding::Hex,
    // @paddle/paddle-node-sdk MAX_VALID_TIME_DIFFERENCE and
    // paddle-python-sdk Verifier(maximum_variance=5).
    tolerance: Some(5),
    fixtures: &FIXTURES,
};

static API_KEY: Misuse = Misuse {
    id: "api_key",
    advice: "is a Paddle API key (pdl_live_apikey_/pdl_sdbx_apikey_), not a webhook secret: use \
             the notification destination's secret key (pdl_ntfset_…, Developer tools → \
             Notifications)",
};

impl Scheme for Paddle {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        let value = req
            .headers
            .get(HEADER)
            .ok_or(HeaderProblem::Missing { header: HEADER })?;
        parse_value(value).map_err(|reason| HeaderProblem::Malformed {
            header: HEADER,
            reason,
        })
    }

    fn message(&self, m: &Material, head: &mut Vec<u8>) -> Result<Tail, MessageError> {
        if let Some(t) = m.timestamp {
            head.extend_from_slice(itoa::Buffer::new().format(t.seconds).as_bytes());
        }
        head.push(b':');
        Ok(Tail::Body)
    }

    fn write_headers(&self, signature: &str, input: &SignInput, out: &mut dyn HeaderSink) {
        out.put("Content-Type", &["application/json"]);
        out.put(
            HEADER,
            &[
                "ts=",
                itoa::Buffer::new().format(input.timestamp),
                ";h1=",
                signature,
            ],
        );
    }

    fn lenient(&self, headers: &Headers) -> Option<Headers> {
        let value: String = super::unquote(headers.get(HEADER)?)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let mut ts = None;
        let mut h1 = Vec::new();
        for item in value.split([';', ',']) {
            match item.split_once('=') {
                Some(("ts" | "t", v)) => ts = Some(v.parse::<i64>().ok()?),
                Some(("h1" | "v1", v)) => h1.push(v.to_ascii_lowercase()),
                _ => {}
            }
        }
        let mut out = format!("ts={}", ts?);
        if h1.is_empty() {
            return None;
        }
        for sig in h1 {
            out.push_str(";h1=");
            out.push_str(&sig);
        }
        let mut fixed = Headers::new();
        fixed.push(HEADER, out);
        Some(fixed)
    }

    fn misuse(&self, secret: &str) -> Option<&'static Misuse> {
        let s = secret.trim();
        ["pdl_live_apikey_", "pdl_sdbx_apikey_"]
            .iter()
            .any(|p| s.starts_with(p))
            .then_some(&API_KEY)
    }

    fn event_meta(&self, _headers: &Headers, body: &[u8]) -> EventMeta {
        let mut meta = EventMeta::from_body(body);
        if let Ok(v) = serde_json::from_slice::<Value>(body) {
            let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
            meta.event_type = text("event_type");
            meta.event_id = text("event_id");
        }
        meta
    }

    fn place(&self, payload: &mut Value, put: &mut dyn FnMut(Generated) -> Value) {
        let Some(obj) = payload.as_object_mut() else {
            return;
        };
        let id = |purpose, prefix| Generated {
            purpose,
            kind: GeneratedKind::Base62 { prefix, len: 26 },
        };
        if obj.contains_key("event_id") {
            obj.insert("event_id".into(), put(id("event", "evt_")));
        }
        if obj.contains_key("notification_id") {
            obj.insert("notification_id".into(), put(id("notification", "ntf_")));
        }
        if obj.contains_key("occurred_at") {
            let at = put(Generated {
                purpose: "occurred",
                kind: GeneratedKind::Rfc3339,
            });
            obj.insert("occurred_at".into(), at);
        }
    }

    fn event_id_field(&self) -> Option<&'static str> {
        Some("event_id")
    }

    fn event_type(&self, name: &str, payload: &Value) -> String {
        payload
            .get("event_type")
            .and_then(Value::as_str)
            .unwrap_or(name)
            .to_string()
    }

    fn window_note(&self) -> Option<&'static str> {
        Some(
            "Paddle's SDKs reject a delivery more than 5 seconds old by default \
             (Node: WebhooksValidator.MAX_VALID_TIME_DIFFERENCE; Python: \
             Verifier(maximum_variance=5)): verify as the request arrives, before queueing \
             it, or widen the window there and here with --tolerance.",
        )
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        payload.get("event_type").is_some() && payload.get("notification_id").is_some()
    }
}

/// Reads `ts=…;h1=…[;h1=…]` as strictly as Paddle's SDKs read it: both
/// need `ts` and an `h1`; the Python SDK raises on any other key and reads
/// every `h1` (the Node SDK keeps the last).
fn parse_value(value: &str) -> Result<Claims<'_>, String> {
    let mut claims = Claims::default();
    for item in value.split(';') {
        let Some((key, val)) = item.split_once('=') else {
            return Err(format!("element '{item}' is not key=value"));
        };
        match key {
            "ts" => {
                let seconds = val
                    .parse::<i64>()
                    .map_err(|_| format!("ts='{val}' is not a Unix timestamp"))?;
                claims.timestamp = Some(Stamp { seconds, text: val });
            }
            "h1" => claims
                .signatures
                .push(super::hexsig::lowercase(HEADER, val).map_err(|p| match p {
                    HeaderProblem::Malformed { reason, .. } => reason,
                    other => other.to_string(),
                })?),
            _ => return Err(format!("unknown key '{key}' (Paddle sends ts and h1 only)")),
        }
    }
    if claims.timestamp.is_none() {
        return Err("no ts= timestamp".into());
    }
    if claims.signatures.is_empty() {
        return Err("no h1= signature".into());
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{PADDLE, Verdict, hmac_sha256, sign, verify_secrets};
    use crate::secret::Secret;

    #[test]
    fn signs_ts_colon_body_with_the_secret_as_is() {
        let secret = "pdl_ntfset_01gkpjp8bkm3tm53kdgkx6sms7_6h3qd3uFSi9YCD3OLYAShQI90XTI5vEI";
        let body = br#"{"event_id":"evt_1"}"#;
        let expected = hex::encode(hmac_sha256(secret.as_bytes(), &[b"1700000000:", body]));
        let input = SignInput {
            body,
            timestamp: 1_700_000_000,
            id: "",
            event_type: "x",
            url: None,
        };
        let headers = sign(PADDLE, &Secret::new(secret, "s"), &input).unwrap();
        assert_eq!(
            headers.get(HEADER),
            Some(format!("ts=1700000000;h1={expected}").as_str())
        );
        let parts = Parts {
            method: "POST",
            url: None,
            headers: &headers,
            body,
        };
        let secrets = [Secret::new(secret, "s")];
        assert!(verify_secrets(PADDLE, &parts, &secrets, 1_700_000_005, 5).is_valid());
        assert!(matches!(
            verify_secrets(PADDLE, &parts, &secrets, 1_700_000_006, 5),
            Verdict::Stale { .. }
        ));
    }

    #[test]
    fn parse_is_strict() {
        let h: Headers = [(HEADER, "ts=1;h1=AB")].into_iter().collect();
        assert_eq!(Paddle.lenient(&h).unwrap().get(HEADER), Some("ts=1;h1=ab"));
        assert_eq!(parse_value("ts=1;h1=aa;h1=bb").unwrap().signatures.len(), 2);
        for bad in [
            "",
            "ts=1",
            "h1=aa",
            "ts=x;h1=aa",
            "ts=1;h1=aa;v1=bb",
            "ts=1,h1=aa",
        ] {
            assert!(parse_value(bad).is_err(), "{bad:?}");
        }
        let h: Headers = [(HEADER, " ts=1, h1=aa ")].into_iter().collect();
        assert_eq!(Paddle.lenient(&h).unwrap().get(HEADER), Some("ts=1;h1=aa"));
    }
}

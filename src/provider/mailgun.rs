//! Mailgun: the signature travels in the body, not a header. A JSON webhook
//! is `{"signature": {"timestamp", "token", "signature"}, "event-data": {…}}`
//! (legacy and inbound-routing webhooks post the same three as form fields),
//! and `signature` is the hex HMAC-SHA256, keyed with the HTTP webhook
//! signing key, of `timestamp + token` alone: the event data is not signed,
//! so a changed event cannot be detected, and the defence against a replay
//! is remembering tokens already seen.
//!
//! Source: mailgun/mailgun-python `mailgun/security.py`
//! (`SecurityGuard.verify_webhook`, 900 s either way by default).

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Sig, Tail};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, Scheme,
    SignInput, Spec, stamp,
};
use crate::request::Headers;
use include_dir::{Dir, include_dir};
use serde::Deserialize;
use serde_json::{Value, json};

pub struct Mailgun;

/// Where the signature is, for findings: a body field, not a header.
const FIELD: &str = "signature (in the body)";

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/mailgun");

static SPEC: Spec = Spec {
    id: "mailgun",
    display: "Mailgun",
    aliases: &[],
    signature_headers: &[FIELD],
    // Mailgun's dashboard calls it the "HTTP webhook signing key".
    secret_vars: &["MAILGUN_WEBHOOK_SIGNING_KEY", "MAILGUN_SIGNING_KEY"],
    body: BodyForm::JsonCompact,
    algorithm: Algorithm::HmacSha256,
    encoding: Encoding::Hex,
    tolerance: Some(900),
    fixtures: &FIXTURES,
};

/// The signature block, borrowed from the body (its values never need
/// JSON escapes; one that does is not Mailgun's).
#[derive(Deserialize)]
struct Block<'a> {
    timestamp: &'a str,
    token: &'a str,
    signature: &'a str,
}

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    signature: Block<'a>,
}

/// `timestamp`, `token`, `signature` from a JSON or form body.
fn block(body: &[u8]) -> Option<(&str, &str, &str)> {
    if let Ok(e) = serde_json::from_slice::<Envelope>(body) {
        let b = e.signature;
        return Some((b.timestamp, b.token, b.signature));
    }
    let text = std::str::from_utf8(body).ok()?;
    let field = |name: &str| {
        text.split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    };
    Some((field("timestamp")?, field("token")?, field("signature")?))
}

impl Scheme for Mailgun {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        let (timestamp, token, signature) =
            block(req.body).ok_or(HeaderProblem::Missing { header: FIELD })?;
        let mut claims = Claims {
            timestamp: Some(stamp("signature.timestamp", timestamp)?),
            id: Some(token),
            ..Claims::default()
        };
        claims
            .signatures
            .push(Sig::new(Algorithm::HmacSha256, signature, Encoding::Hex));
        Ok(claims)
    }

    /// `timestamp + token`: nothing of the event.
    fn message(&self, m: &Material, head: &mut Vec<u8>) -> Result<Tail, MessageError> {
        if let Some(t) = m.timestamp {
            head.extend_from_slice(t.text.as_bytes());
        }
        head.extend_from_slice(m.id.unwrap_or("").as_bytes());
        Ok(Tail::Nothing)
    }

    fn write_headers(&self, _signature: &str, _input: &SignInput, out: &mut dyn HeaderSink) {
        out.put("Content-Type", &["application/json"]);
    }

    fn seal(&self, body: &[u8], signature: &str, input: &SignInput) -> Option<Vec<u8>> {
        let mut v: Value = serde_json::from_slice(body).ok()?;
        v.as_object_mut()?.insert(
            "signature".into(),
            json!({
                "timestamp": input.timestamp.to_string(),
                "token": input.id,
                "signature": signature,
            }),
        );
        serde_json::to_vec(&v).ok()
    }

    fn unsigned_body(&self) -> Option<&'static str> {
        Some(
            "Mailgun signs only signature.timestamp and signature.token: a changed event-data \
             cannot be detected by the signature, and a token seen before is a replay \
             (remember tokens for the tolerance window and reject repeats)",
        )
    }

    fn is_present(&self, _headers: &Headers) -> bool {
        false
    }

    /// Asked of every request a listener gets: a byte search rules out
    /// bodies with no `signature` field before any parsing.
    fn is_present_in(&self, _headers: &Headers, body: &[u8]) -> bool {
        static FIELD: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"signature"));
        FIELD.find(body).is_some() && block(body).is_some()
    }

    fn event_meta(&self, _headers: &Headers, body: &[u8]) -> EventMeta {
        let Ok(v) = serde_json::from_slice::<Value>(body) else {
            return EventMeta::default();
        };
        let data = v.get("event-data");
        let text = |p: &str| {
            data.and_then(|d| d.pointer(p))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        EventMeta {
            event_type: text("/event"),
            event_id: text("/id"),
            created: data
                .and_then(|d| d.get("timestamp"))
                .and_then(Value::as_f64)
                .map(|t| t as i64),
            object_id: text("/message/headers/message-id"),
            ..EventMeta::default()
        }
    }

    fn place(&self, payload: &mut Value, put: &mut dyn FnMut(Generated) -> Value) {
        let Some(data) = payload.get_mut("event-data").and_then(Value::as_object_mut) else {
            return;
        };
        data.insert(
            "timestamp".into(),
            put(Generated {
                purpose: "timestamp",
                kind: GeneratedKind::UnixSeconds,
            }),
        );
        data.insert(
            "id".into(),
            put(Generated {
                purpose: "event",
                kind: GeneratedKind::Base62 {
                    prefix: "",
                    len: 22,
                },
            }),
        );
    }

    /// The token: 50 hex digits, fresh per delivery.
    fn delivery_id(&self) -> Option<Generated> {
        Some(Generated {
            purpose: "token",
            kind: GeneratedKind::Hex {
                prefix: "",
                len: 50,
            },
        })
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        payload.get("event-data").is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{MAILGUN, Signer, Verdict, hmac_sha256, verify_secrets};
    use crate::secret::Secret;

    #[test]
    fn signs_timestamp_and_token_and_not_the_event() {
        let key = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";
        let token = "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0";
        let signature = hex::encode(hmac_sha256(
            key.as_bytes(),
            &[b"1529006854", token.as_bytes()],
        ));
        let body = format!(
            r#"{{"signature":{{"timestamp":"1529006854","token":"{token}","signature":"{signature}"}},"event-data":{{"event":"delivered"}}}}"#
        );
        let headers = Headers::new();
        let secret = [Secret::new(key, "k")];
        let verdict = |body: &str| {
            let parts = Parts {
                method: "POST",
                url: None,
                headers: &headers,
                body: body.as_bytes(),
            };
            verify_secrets(MAILGUN, &parts, &secret, 1529006854, 900)
        };
        assert_eq!(verdict(&body), Verdict::Valid { secret_index: 0 });
        // The event changed: still valid, which is why the diagnosis says so.
        assert!(verdict(&body.replace("delivered", "failed")).is_valid());
        assert_eq!(
            verdict(&body.replace(token, &token.replace('a', "b"))),
            Verdict::NoMatch
        );
        // Signing writes the block into the body.
        let input = SignInput {
            body: br#"{"signature":{},"event-data":{"event":"opened"}}"#,
            timestamp: 1529006854,
            id: token,
            event_type: "opened",
            url: None,
        };
        let sealed = Signer::new(MAILGUN, &secret[0])
            .unwrap()
            .seal(&input)
            .unwrap()
            .unwrap();
        let v: Value = serde_json::from_slice(&sealed).unwrap();
        assert_eq!(v["signature"]["signature"], signature);
        assert_eq!(v["signature"]["timestamp"], "1529006854");
    }
}

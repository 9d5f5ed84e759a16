//! SendGrid's Signed Event Webhook: ECDSA P-256 with SHA-256 over
//! `{timestamp}{body}` (the timestamp header's text as sent, no
//! separator), the DER signature base64 in
//! `X-Twilio-Email-Event-Webhook-Signature`, the Unix time in
//! `X-Twilio-Email-Event-Webhook-Timestamp`. The body is a JSON array of
//! events ([`BodyForm::JsonSortedBatch`]). SendGrid keeps the private key;
//! an app holds the verification key (base64 SPKI) from its settings page.
//!
//! Sources: sendgrid/sendgrid-nodejs `packages/eventwebhook/src/eventwebhook.js`
//! and sendgrid/sendgrid-python `sendgrid/helpers/eventwebhook/__init__.py`
//! (both MIT), whose tests give the known answers below.

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Sig, Tail, required};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, MAX_SIG,
    Misuse, Mixup, Scheme, SignInput, Spec, stamp,
};
use crate::request::Headers;
use include_dir::{Dir, include_dir};
use serde_json::Value;

pub struct SendGrid;

const SIGNATURE: &str = "X-Twilio-Email-Event-Webhook-Signature";
const TIMESTAMP: &str = "X-Twilio-Email-Event-Webhook-Timestamp";

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/sendgrid");

static SPEC: Spec = Spec {
    id: "sendgrid",
    display: "SendGrid",
    aliases: &["twilio-sendgrid"],
    signature_headers: &[SIGNATURE],
    // SendGrid's settings page and API call it the "Verification Key" and
    // `public_key`; these are the names apps configure it under.
    secret_vars: &[
        "SENDGRID_WEBHOOK_VERIFICATION_KEY",
        "SENDGRID_WEBHOOK_PUBLIC_KEY",
    ],
    body: BodyForm::JsonSortedBatch,
    algorithm: Algorithm::EcdsaP256,
    encoding: Encoding::Base64,
    tolerance: Some(300),
    fixtures: &FIXTURES,
};

static API_KEY: Misuse = Misuse {
    id: "api_key",
    advice: "is a SendGrid API key (SG.…), not the Event Webhook's verification key: copy the \
             Verification Key from Settings > Mail Settings > Event Webhooks (base64, MFkw…)",
};

static MIXUPS: [Mixup; 1] = [Mixup {
    id: "hmac_with_verification_key",
    tried_as: "as an HMAC-SHA256 secret",
    advice: "The request was signed with HMAC-SHA256 keyed with the verification key, but \
             SendGrid signs with ECDSA P-256 and a verifier holds only the public key: sign test \
             requests with a private key (hookcli sign and send do) and verify with ECDSA.",
    key: |secret| (!secret.trim().is_empty()).then(|| secret.trim().as_bytes().to_vec()),
}];

/// An HMAC-SHA256 is 32 bytes; a DER ECDSA P-256 signature is 8 to 72.
const HMAC_SHA256_LEN: usize = 32;

/// The part of `sg_message_id` after the generated id, and the host in
/// `smtp-id`, as in SendGrid's signed test vectors.
const MESSAGE_SUFFIX: &str = ".filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0";
const SMTP_SUFFIX: &str = "@ismtpd0039p1iad1.sendgrid.net>";

fn message_id(prefix: &'static str, suffix: &'static str) -> Generated {
    Generated {
        purpose: "message",
        kind: GeneratedKind::Base62Within {
            prefix,
            len: 22,
            suffix,
        },
    }
}

impl Scheme for SendGrid {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    /// Both headers as the official libraries take them: the signature is
    /// base64 of a DER signature, the timestamp is prepended as sent.
    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        let signature = required(req.headers, SIGNATURE)?;
        let timestamp = required(req.headers, TIMESTAMP)?;
        let mut bytes = [0u8; MAX_SIG];
        let Some(len) = Encoding::Base64.decode(signature, &mut bytes) else {
            return Err(HeaderProblem::Malformed {
                header: SIGNATURE,
                reason: "it is not the base64 of an ECDSA signature".into(),
            });
        };
        // A 32-byte signature is an HMAC-SHA256: read it as one, so that
        // the diagnosis can try the usual HMAC mistakes on it.
        let alg = if len == HMAC_SHA256_LEN {
            Algorithm::HmacSha256
        } else {
            Algorithm::EcdsaP256
        };
        let mut claims = Claims {
            timestamp: Some(stamp(TIMESTAMP, timestamp)?),
            ..Claims::default()
        };
        claims
            .signatures
            .push(Sig::new(alg, signature, Encoding::Base64));
        Ok(claims)
    }

    fn message(&self, m: &Material, head: &mut Vec<u8>) -> Result<Tail, MessageError> {
        if let Some(t) = m.timestamp {
            head.extend_from_slice(t.text.as_bytes());
        }
        Ok(Tail::Body)
    }

    fn write_headers(&self, signature: &str, input: &SignInput, out: &mut dyn HeaderSink) {
        out.put("Content-Type", &["application/json"]);
        out.put(SIGNATURE, &[signature]);
        out.put(TIMESTAMP, &[itoa::Buffer::new().format(input.timestamp)]);
    }

    /// Quotes and surrounding whitespace dropped from both headers.
    fn lenient(&self, headers: &Headers) -> Option<Headers> {
        let mut fixed = Headers::new();
        fixed.push(SIGNATURE, super::unquote(headers.get(SIGNATURE)?));
        let t = super::unquote(headers.get(TIMESTAMP)?);
        let whole = t.split_once('.').map_or(t, |(whole, _)| whole);
        fixed.push(TIMESTAMP, whole);
        Some(fixed)
    }

    fn mixups(&self) -> &'static [Mixup] {
        &MIXUPS
    }

    fn misuse(&self, secret: &str) -> Option<&'static Misuse> {
        secret.trim().starts_with("SG.").then_some(&API_KEY)
    }

    /// The events' types (comma-separated, in order) and the first event's
    /// `sg_event_id` and time.
    fn event_meta(&self, _headers: &Headers, body: &[u8]) -> EventMeta {
        let Ok(Value::Array(events)) = serde_json::from_slice::<Value>(body) else {
            return EventMeta::default();
        };
        let types: Vec<&str> = events
            .iter()
            .filter_map(|e| e.get("event").and_then(Value::as_str))
            .collect();
        let first = events.first();
        let text = |field: &str| {
            first
                .and_then(|e| e.get(field))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        EventMeta {
            event_type: (!types.is_empty()).then(|| types.join(",")),
            event_id: text("sg_event_id"),
            created: first
                .and_then(|e| e.get("timestamp"))
                .and_then(Value::as_i64),
            object_id: text("sg_message_id"),
            ..EventMeta::default()
        }
    }

    /// Fresh ids and time for an event; a whole array (a user's captured
    /// batch) is sent as it is.
    fn place(&self, payload: &mut Value, put: &mut dyn FnMut(Generated) -> Value) {
        let Some(event) = payload.as_object_mut() else {
            return;
        };
        event.insert(
            "timestamp".into(),
            put(Generated {
                purpose: "timestamp",
                kind: GeneratedKind::UnixSeconds,
            }),
        );
        event.insert(
            "sg_event_id".into(),
            put(Generated {
                purpose: "event",
                kind: GeneratedKind::Base62 {
                    prefix: "",
                    len: 48,
                },
            }),
        );
        if event.contains_key("sg_message_id") {
            event.insert("sg_message_id".into(), put(message_id("", MESSAGE_SUFFIX)));
        }
        if event.contains_key("smtp-id") {
            event.insert("smtp-id".into(), put(message_id("<", SMTP_SUFFIX)));
        }
    }

    fn event_id_field(&self) -> Option<&'static str> {
        Some("sg_event_id")
    }

    /// SendGrid names an event in its `event` field (`type` is a bounce's kind).
    fn event_type(&self, name: &str, payload: &Value) -> String {
        payload
            .get("event")
            .and_then(Value::as_str)
            .unwrap_or(name)
            .to_string()
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        payload.get("event").is_some()
            && (payload.get("sg_event_id").is_some() || payload.get("smtp-id").is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{SENDGRID, Verdict, keypair, sign, verify_secrets};
    use crate::secret::Secret;

    /// The known answers of SendGrid's own SDK tests (sendgrid-nodejs
    /// `packages/eventwebhook/src/eventwebhook.spec.js`, sendgrid-python
    /// `test/unit/test_eventwebhook.py`, MIT), as collected in
    /// tests/data/sendgrid/signed-event-webhook-kat.json.
    const SINGLE: &[u8] = include_bytes!("../../tests/data/sendgrid/signed-single-event.body");
    const MULTI: &[u8] = include_bytes!("../../tests/data/sendgrid/signed-multi-event.body");
    const SINGLE_KEY: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";
    const SINGLE_SIG: &str = "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=";
    const MULTI_KEY: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEQ4LIFtWztlsF7skFqOncjD1lun4H5w8XOhyOArHW9RcIx/FfEzx6cikC/yPfUvwaX/JScE7Fc9CJD2afQ9Ok3Q==";
    const MULTI_SIG: &str = "MEYCIQC/I4o6vCgqRYrTljjoVWB/GRWNtxeePlLMHr3x9ETeRQIhAIpV+03nREPTTHWSW0wIOA0EoMPdcNgXa70yCaqDJlu5";
    const WRONG_KEY: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqTxd43gyp8IOEto2LdIfjRQrIbsd4SXZkLW6jDutdhXSJCWHw8REntlo7aNDthvj+y7GjUuFDb/R1NGe1OPzpA==";
    const WRONG_SIG: &str = "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH3j/0=";

    fn verdict(key: &str, sig: &str, t: &str, body: &[u8]) -> Verdict {
        let h: Headers = [(SIGNATURE, sig), (TIMESTAMP, t)].into_iter().collect();
        let parts = Parts {
            method: "POST",
            url: None,
            headers: &h,
            body,
        };
        let now = t.parse::<i64>().unwrap();
        verify_secrets(SENDGRID, &parts, &[Secret::new(key, "kat")], now, 300)
    }

    #[test]
    fn sendgrids_signed_bodies_verify_and_only_as_sent() {
        let valid = Verdict::Valid { secret_index: 0 };
        assert_eq!(verdict(SINGLE_KEY, SINGLE_SIG, "1600112502", SINGLE), valid);
        assert_eq!(verdict(MULTI_KEY, MULTI_SIG, "1619651159", MULTI), valid);
        // The SDK tests' negative cases.
        let no = Verdict::NoMatch;
        assert_eq!(verdict(WRONG_KEY, SINGLE_SIG, "1600112502", SINGLE), no);
        assert_eq!(verdict(SINGLE_KEY, WRONG_SIG, "1600112502", SINGLE), no);
        let dropped = SINGLE.strip_suffix(b"\r\n").unwrap();
        assert_eq!(verdict(SINGLE_KEY, SINGLE_SIG, "1600112502", dropped), no);
        // The multi-event body made compact (no CRLF framing) fails too.
        let compact = String::from_utf8(MULTI.to_vec())
            .unwrap()
            .replace(",\r\n", ",")
            .replace("]\r\n", "]");
        assert_eq!(
            verdict(MULTI_KEY, MULTI_SIG, "1619651159", compact.as_bytes()),
            no
        );
        // The timestamp is part of what is signed.
        assert_eq!(verdict(SINGLE_KEY, SINGLE_SIG, "1600112503", SINGLE), no);
    }

    #[test]
    fn what_hookcli_signs_verifies_with_the_key_it_derives() {
        let private = keypair::from_random(Algorithm::EcdsaP256, &[3; 32]).unwrap();
        let pem = keypair::private_pem(&private).unwrap();
        let public = keypair::public_text(&private.verify_key()).unwrap();
        let input = SignInput {
            body: SINGLE,
            timestamp: 1_600_112_502,
            id: "",
            event_type: "dropped",
            url: None,
        };
        let headers = sign(SENDGRID, &Secret::new(pem.clone(), "k"), &input).unwrap();
        assert_eq!(headers.get(TIMESTAMP), Some("1600112502"));
        let sig = headers.get(SIGNATURE).unwrap();
        assert_eq!(
            verdict(&public, sig, "1600112502", SINGLE),
            Verdict::Valid { secret_index: 0 }
        );
        // RFC 6979: the same key, time and body give the same signature.
        let again = sign(SENDGRID, &Secret::new(pem, "k"), &input).unwrap();
        assert_eq!(again.get(SIGNATURE), Some(sig));
    }

    #[test]
    fn hmac_sized_signatures_and_api_keys_are_told_apart() {
        let h: Headers = [
            (SIGNATURE, "3q2+7w3q2+7w3q2+7w3q2+7w3q2+7w3q2+7w3q2+7w0="),
            (TIMESTAMP, "1600112502"),
        ]
        .into_iter()
        .collect();
        let parts = Parts {
            method: "POST",
            url: None,
            headers: &h,
            body: b"[]",
        };
        let claims = SendGrid.parse(&parts).unwrap();
        assert_eq!(claims.signatures[0].alg, Algorithm::HmacSha256);
        assert!(SendGrid.misuse("SG.abc.def").is_some());
        assert!(SendGrid.misuse(SINGLE_KEY).is_none());
        let bad: Headers = [(SIGNATURE, "not base64!"), (TIMESTAMP, "1")]
            .into_iter()
            .collect();
        let parts = Parts {
            headers: &bad,
            ..parts
        };
        assert!(SendGrid.parse(&parts).is_err());
    }

    #[test]
    fn meta_reads_the_batch() {
        let m = SendGrid.event_meta(&Headers::new(), MULTI);
        assert_eq!(m.event_type.as_deref(), Some("processed,bounce"));
        assert_eq!(
            m.event_id.as_deref(),
            Some("cHJvY2Vzc2VkLTE5OTQyMTEyLXFOd0JMZ1BRUWpXNkRKdktRd1NBYnctMA")
        );
        assert_eq!(m.created, Some(1619651146));
    }
}

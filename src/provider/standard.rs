//! Standard Webhooks (Svix, Clerk, Resend, …): `webhook-id`,
//! `webhook-timestamp`, `webhook-signature: v1,<base64>` over
//! `<id>.<t>.<body>`, keyed with the base64-decoded part after `whsec_`.
//! Svix's `svix-*` header names are accepted on input.

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Sig, Tail, stamp};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, KeyError,
    Mixup, Scheme, SecretAdvice, SignInput, Spec,
};
use crate::request::Headers;
use base64::Engine;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use include_dir::{Dir, include_dir};
use serde_json::Value;

/// The official libraries accept secrets with or without `=` padding.
const B64_LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

pub struct StandardWebhooks;

const SIGNATURE: &str = "webhook-signature";
const ID: &str = "webhook-id";
const TIMESTAMP: &str = "webhook-timestamp";

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/standard");

static SPEC: Spec = Spec {
    id: "standard",
    display: "Standard Webhooks",
    aliases: &["standard-webhooks", "standardwebhooks", "svix"],
    signature_headers: &[SIGNATURE, "svix-signature"],
    secret_vars: &["WEBHOOK_SECRET", "SVIX_WEBHOOK_SECRET"],
    body: BodyForm::JsonCompact,
    algorithm: Algorithm::HmacSha256,
    encoding: Encoding::Base64,
    tolerance: Some(300),
    fixtures: &FIXTURES,
};

static MIXUPS: [Mixup; 1] = [Mixup {
    id: "raw_secret_used_as_standard_webhooks",
    tried_as: "as raw bytes",
    advice: "The sender keyed the HMAC with the whole secret string, while Standard Webhooks \
             keys with the base64-decoded part after whsec_: fix the signer to decode the secret.",
    key: |secret| (!secret.is_empty()).then(|| secret.as_bytes().to_vec()),
}];

/// The key bytes of a `whsec_…` secret, as the official libraries derive them.
pub(super) fn decode_secret(secret: &str) -> Result<Vec<u8>, KeyError> {
    let encoded = secret.strip_prefix("whsec_").unwrap_or(secret);
    B64_LENIENT.decode(encoded).map_err(|_| KeyError {
        kind: "not_base64",
        reason: "is not base64 after whsec_, so it cannot be a Standard Webhooks secret".into(),
        hint: "check the secret: Standard Webhooks secrets are whsec_ followed by base64",
    })
}

/// Looks up a `webhook-*` header, falling back to its `svix-*` twin.
fn header<'a>(headers: &'a Headers, name: &str) -> Option<&'a str> {
    headers.get(name).or_else(|| {
        let svix = name.replacen("webhook-", "svix-", 1);
        headers.get(&svix)
    })
}

impl Scheme for StandardWebhooks {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    fn secret_advice(&self) -> SecretAdvice {
        SecretAdvice {
            copy: "copy the endpoint's signing secret (whsec_…) from the sender's dashboard",
            scope: "each endpoint has its own",
        }
    }

    fn key_bytes(&self, secret: &str) -> Result<Vec<u8>, KeyError> {
        decode_secret(secret)
    }

    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        let headers = req.headers;
        let value =
            header(headers, SIGNATURE).ok_or(HeaderProblem::Missing { header: SIGNATURE })?;
        let id = header(headers, ID).ok_or(HeaderProblem::Missing { header: ID })?;
        let t = header(headers, TIMESTAMP).ok_or(HeaderProblem::Missing { header: TIMESTAMP })?;
        let mut claims = Claims {
            timestamp: Some(stamp(TIMESTAMP, t)?),
            id: Some(id),
            ..Claims::default()
        };
        // Space-separated list of `<version>,<signature>`.
        for item in value.split(' ').filter(|s| !s.is_empty()) {
            match item.split_once(',') {
                Some(("v1", sig)) => {
                    claims
                        .signatures
                        .push(Sig::new(Algorithm::HmacSha256, sig, Encoding::Base64));
                }
                Some((_, sig)) => claims.other_versions.push(sig),
                None => {
                    return Err(HeaderProblem::Malformed {
                        header: SIGNATURE,
                        reason: format!("'{item}' is not <version>,<base64 signature>"),
                    });
                }
            }
        }
        if claims.signatures.is_empty() {
            return Err(HeaderProblem::Malformed {
                header: SIGNATURE,
                reason: "no v1,<signature> entry".into(),
            });
        }
        Ok(claims)
    }

    fn message(&self, m: &Material, head: &mut Vec<u8>) -> Result<Tail, MessageError> {
        head.extend_from_slice(m.id.unwrap_or("").as_bytes());
        head.push(b'.');
        if let Some(t) = m.timestamp {
            head.extend_from_slice(itoa::Buffer::new().format(t.seconds).as_bytes());
        }
        head.push(b'.');
        Ok(Tail::Body)
    }

    fn write_headers(&self, signature: &str, input: &SignInput, out: &mut dyn HeaderSink) {
        out.put("content-type", &["application/json"]);
        out.put(ID, &[input.id]);
        out.put(TIMESTAMP, &[itoa::Buffer::new().format(input.timestamp)]);
        out.put(SIGNATURE, &["v1,", signature]);
    }

    fn lenient(&self, headers: &Headers) -> Option<Headers> {
        let get = |name: &str| {
            headers
                .get(&format!("webhook-{name}"))
                .or_else(|| headers.get(&format!("svix-{name}")))
        };
        let mut fixed = Headers::new();
        fixed.push(ID, get("id")?.trim());
        fixed.push(TIMESTAMP, lenient_timestamp(get("timestamp")?)?);
        fixed.push(SIGNATURE, lenient_signatures(get("signature")?)?);
        Some(fixed)
    }

    fn mixups(&self) -> &'static [Mixup] {
        &MIXUPS
    }

    fn event_meta(&self, headers: &Headers, body: &[u8]) -> EventMeta {
        let mut meta = EventMeta::from_body(body);
        if let Some(id) = headers.get(ID) {
            meta.event_id = Some(id.to_string());
        }
        meta
    }

    fn place(&self, payload: &mut Value, put: &mut dyn FnMut(Generated) -> Value) {
        if let Some(obj) = payload.as_object_mut()
            && obj.contains_key("timestamp")
        {
            let t = Generated {
                purpose: "timestamp",
                kind: GeneratedKind::Rfc3339,
            };
            obj.insert("timestamp".into(), put(t));
        }
    }

    fn delivery_id(&self) -> Option<Generated> {
        Some(Generated {
            purpose: "message",
            kind: GeneratedKind::Base62 {
                prefix: "msg_",
                len: 27,
            },
        })
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        payload.get("type").is_some() && payload.get("data").is_some()
    }
}

/// Quotes dropped; a fractional timestamp cut to whole seconds.
fn lenient_timestamp(value: &str) -> Option<String> {
    let value = super::unquote(value);
    let whole = value.split_once('.').map_or(value, |(whole, _)| whole);
    whole.parse::<i64>().ok().map(|t| t.to_string())
}

/// Accepts `v1=sig` and bare signatures; reads other versions as v1 when
/// there is no v1.
fn lenient_signatures(value: &str) -> Option<String> {
    let mut v1 = Vec::new();
    let mut other = Vec::new();
    for item in super::unquote(value).split_whitespace() {
        match item.split_once([',', '=']) {
            Some(("v1", sig)) => v1.push(sig),
            Some((version, sig)) if version.len() <= 3 && version.starts_with('v') => {
                other.push(sig)
            }
            _ => v1.push(item),
        }
    }
    let signatures = if v1.is_empty() { other } else { v1 };
    (!signatures.is_empty()).then(|| {
        signatures
            .iter()
            .map(|s| format!("v1,{s}"))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{STANDARD, Verdict, sign, verify_secrets};
    use crate::secret::Secret;

    #[test]
    fn known_answer_from_the_specification() {
        // standard-webhooks/standard-webhooks reference test vector.
        let secret = Secret::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "kat");
        let input = SignInput {
            body: br#"{"test": 2432232314}"#,
            timestamp: 1614265330,
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
            event_type: "x",
            url: None,
        };
        let headers = sign(STANDARD, &secret, &input).unwrap();
        assert_eq!(
            headers.get(SIGNATURE),
            Some("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        );
    }

    #[test]
    fn accepts_svix_header_names_and_several_signatures() {
        let secret = Secret::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "s");
        let h: Headers = [
            ("svix-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),
            ("svix-timestamp", "1614265330"),
            (
                "svix-signature",
                "v1,bm90IGl0 v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            ),
        ]
        .into_iter()
        .collect();
        let parts = Parts {
            method: "POST",
            url: None,
            headers: &h,
            body: br#"{"test": 2432232314}"#,
        };
        let v = verify_secrets(STANDARD, &parts, &[secret], 1614265330, 300);
        assert_eq!(v, Verdict::Valid { secret_index: 0 });
    }

    #[test]
    fn non_base64_secret_is_a_key_error() {
        assert!(StandardWebhooks.key_bytes("whsec_not base64!").is_err());
        // Unpadded base64 is accepted, as the official libraries do.
        assert_eq!(
            StandardWebhooks.key_bytes("whsec_test123").unwrap().len(),
            5
        );
    }

    #[test]
    fn lenient_reading() {
        assert_eq!(lenient_signatures("v1=abc= xyz").unwrap(), "v1,abc= v1,xyz");
        assert_eq!(lenient_timestamp("\"1614265330.5\"").unwrap(), "1614265330");
    }
}

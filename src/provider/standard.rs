//! Standard Webhooks (Svix, Clerk, Resend, …): `webhook-id`,
//! `webhook-timestamp`, `webhook-signature: v1,<base64>` over
//! `<id>.<t>.<body>`, keyed with the base64-decoded part after `whsec_`.
//! Svix's `svix-*` header names are accepted on input.
//!
//! The same header carries `v1a,<base64>` entries: Ed25519 over the same
//! message, keyed with a `whsk_` secret key (base64 of the 32-byte seed, or
//! of seed and public key) and verified with the `whpk_` public key (base64
//! of its 32 bytes). The official JS and Python libraries skip `v1a`
//! entries; hookcli verifies them with the key given.

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Sig, Tail, stamp};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, KeyError,
    Mixup, Scheme, SecretAdvice, SignInput, SignKey, Spec, VerifyKey,
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

/// Prefixes of Ed25519 (`v1a`) keys.
const PUBLIC_PREFIX: &str = "whpk_";
const SECRET_PREFIX: &str = "whsk_";

/// The version a signature of this text is written under: an Ed25519
/// signature (64 bytes, 88 base64 characters) is `v1a`, an HMAC `v1`.
pub(super) fn version_of(signature: &str) -> &'static str {
    if signature.len() == 88 { "v1a" } else { "v1" }
}

fn ed25519_bytes(encoded: &str, what: &'static str) -> Result<Vec<u8>, KeyError> {
    B64_LENIENT.decode(encoded.trim()).map_err(|_| KeyError {
        kind: "not_base64",
        reason: format!("is not base64 after its {what} prefix").into(),
        hint: "Standard Webhooks Ed25519 keys are whpk_ (public) or whsk_ (secret) followed by base64",
    })
}

/// A `whpk_` public key.
fn read_whpk(encoded: &str) -> Result<VerifyKey, KeyError> {
    let bytes = ed25519_bytes(encoded, PUBLIC_PREFIX)?;
    <[u8; 32]>::try_from(bytes.as_slice())
        .ok()
        .and_then(|b| ed25519_dalek::VerifyingKey::from_bytes(&b).ok())
        .map(VerifyKey::Ed25519)
        .ok_or(KeyError {
            kind: "not_a_key",
            reason: "is not a 32-byte Ed25519 public key after whpk_".into(),
            hint: "copy the whpk_ public key whole",
        })
}

/// A `whsk_` secret key: the 32-byte seed, or seed and public key.
fn read_whsk(encoded: &str) -> Result<ed25519_dalek::SigningKey, KeyError> {
    let bytes = ed25519_bytes(encoded, SECRET_PREFIX)?;
    let key = match bytes.len() {
        32 => Some(ed25519_dalek::SigningKey::from_bytes(
            bytes.as_slice().try_into().expect("32 bytes"),
        )),
        64 => ed25519_dalek::SigningKey::from_keypair_bytes(
            bytes.as_slice().try_into().expect("64 bytes"),
        )
        .ok(),
        _ => None,
    };
    key.ok_or(KeyError {
        kind: "not_a_key",
        reason: "is not an Ed25519 secret key (32 or 64 bytes) after whsk_".into(),
        hint: "copy the whsk_ secret key whole",
    })
}

/// An Ed25519 public key as Standard Webhooks writes it: `whpk_` + base64.
pub(super) fn whpk(key: &VerifyKey) -> Option<String> {
    match key {
        VerifyKey::Ed25519(k) => Some(format!(
            "{PUBLIC_PREFIX}{}",
            base64::engine::general_purpose::STANDARD.encode(k.as_bytes())
        )),
        _ => None,
    }
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

    /// `whpk_` verifies `v1a` entries; anything else is a `whsec_` HMAC secret.
    fn verify_key(&self, secret: &str) -> Result<VerifyKey, KeyError> {
        let secret = secret.trim();
        if let Some(encoded) = secret.strip_prefix(PUBLIC_PREFIX) {
            return read_whpk(encoded);
        }
        if let Some(encoded) = secret.strip_prefix(SECRET_PREFIX) {
            let key = read_whsk(encoded)?;
            return Err(KeyError {
                kind: "private_key",
                reason: format!(
                    "is the whsk_ secret key, not the key a verifier holds; its public key is {}",
                    whpk(&VerifyKey::Ed25519(key.verifying_key())).unwrap_or_default()
                )
                .into(),
                hint: "give the verifier the whpk_ public key, never the whsk_ secret key",
            });
        }
        Ok(VerifyKey::hmac(
            Algorithm::HmacSha256,
            &decode_secret(secret)?,
        ))
    }

    /// `whsk_` signs `v1a` (Ed25519); anything else `v1` (HMAC).
    fn sign_key(&self, secret: &str) -> Result<SignKey, KeyError> {
        let secret = secret.trim();
        if let Some(encoded) = secret.strip_prefix(SECRET_PREFIX) {
            return Ok(SignKey::Ed25519(read_whsk(encoded)?));
        }
        if secret.starts_with(PUBLIC_PREFIX) {
            return Err(KeyError {
                kind: "public_key",
                reason: "is a whpk_ public key, and signing needs the whsk_ secret key".into(),
                hint: "pass the whsk_ secret key (or a whsec_ secret for v1 signatures)",
            });
        }
        Ok(SignKey::Mac(self.verify_key(secret)?))
    }

    fn public_key_text(&self, key: &VerifyKey) -> Option<String> {
        whpk(key)
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
                Some(("v1a", sig)) => {
                    claims
                        .signatures
                        .push(Sig::new(Algorithm::Ed25519, sig, Encoding::Base64));
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
                reason: "no v1,<signature> or v1a,<signature> entry".into(),
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
        out.put(SIGNATURE, &[version_of(signature), ",", signature]);
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

    fn owns_secret(&self, secret: &str) -> bool {
        secret.trim().starts_with("whsec_")
    }

    /// The envelope is written `type`, `timestamp`, `data` (the
    /// specification's order), which no sorting writer produces.
    fn key_order(&self) -> super::KeyOrder {
        super::KeyOrder::NeverSorted
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
    let mut v1a = Vec::new();
    let mut other = Vec::new();
    for item in super::unquote(value).split_whitespace() {
        match item.split_once([',', '=']) {
            Some(("v1", sig)) => v1.push(sig),
            Some(("v1a", sig)) => v1a.push(format!("v1a,{sig}")),
            Some((version, sig)) if version.len() <= 3 && version.starts_with('v') => {
                other.push(sig)
            }
            _ => v1.push(item),
        }
    }
    let signatures = if v1.is_empty() && v1a.is_empty() {
        other
    } else {
        v1
    };
    let mut entries: Vec<String> = signatures.iter().map(|s| format!("v1,{s}")).collect();
    entries.extend(v1a);
    (!entries.is_empty()).then(|| entries.join(" "))
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

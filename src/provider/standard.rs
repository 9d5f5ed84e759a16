//! Standard Webhooks (Svix, Clerk, Resend, …): `webhook-id`,
//! `webhook-timestamp`, `webhook-signature: v1,<base64>` over
//! `<id>.<t>.<body>`, keyed with the base64-decoded part after `whsec_`.
//! Svix's `svix-*` header names are accepted on input.

use super::{HeaderProblem, KeyError, Provider, Received, Scheme, SignInput};
use crate::request::Headers;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

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

/// Looks up a `webhook-*` header, falling back to its `svix-*` twin.
fn header<'a>(headers: &'a Headers, name: &str) -> Option<&'a str> {
    headers.get(name).or_else(|| {
        let svix = name.replacen("webhook-", "svix-", 1);
        headers.get(&svix)
    })
}

impl Scheme for StandardWebhooks {
    fn provider(&self) -> Provider {
        Provider::Standard
    }

    fn signature_header(&self) -> &'static str {
        SIGNATURE
    }

    fn key(&self, secret: &str) -> Result<Vec<u8>, KeyError> {
        let encoded = secret.strip_prefix("whsec_").unwrap_or(secret);
        B64_LENIENT.decode(encoded).map_err(|_| {
            KeyError(
                "a Standard Webhooks secret is `whsec_` followed by base64; this one is not base64"
                    .into(),
            )
        })
    }

    fn signed_prefix(&self, timestamp: Option<i64>, id: Option<&str>) -> String {
        format!(
            "{}.{}.",
            id.unwrap_or(""),
            timestamp.map(|t| t.to_string()).unwrap_or_default()
        )
    }

    fn encode(&self, mac: &[u8]) -> String {
        B64.encode(mac)
    }

    fn has_timestamp(&self) -> bool {
        true
    }

    fn headers(&self, signature: &str, input: &SignInput) -> Headers {
        [
            ("content-type", "application/json".to_string()),
            (ID, input.id.to_string()),
            (TIMESTAMP, input.timestamp.to_string()),
            (SIGNATURE, format!("v1,{signature}")),
        ]
        .into_iter()
        .collect()
    }

    fn is_present(&self, headers: &Headers) -> bool {
        header(headers, SIGNATURE).is_some()
    }

    fn parse(&self, headers: &Headers) -> Result<Received, HeaderProblem> {
        let value =
            header(headers, SIGNATURE).ok_or(HeaderProblem::Missing { header: SIGNATURE })?;
        let id = header(headers, ID).ok_or(HeaderProblem::Missing { header: ID })?;
        let t = header(headers, TIMESTAMP).ok_or(HeaderProblem::Missing { header: TIMESTAMP })?;
        let timestamp = t
            .trim()
            .parse::<i64>()
            .map_err(|_| HeaderProblem::Malformed {
                header: TIMESTAMP,
                reason: format!("'{t}' is not a Unix timestamp in seconds"),
            })?;
        let mut received = Received {
            timestamp: Some(timestamp),
            id: Some(id.to_string()),
            ..Received::default()
        };
        // Space-separated list of `<version>,<signature>`.
        for item in value.split(' ').filter(|s| !s.is_empty()) {
            match item.split_once(',') {
                Some(("v1", sig)) => received.signatures.push(sig.to_string()),
                Some((_, sig)) => received.other_versions.push(sig.to_string()),
                None => {
                    return Err(HeaderProblem::Malformed {
                        header: SIGNATURE,
                        reason: format!("'{item}' is not <version>,<base64 signature>"),
                    });
                }
            }
        }
        if received.signatures.is_empty() {
            return Err(HeaderProblem::Malformed {
                header: SIGNATURE,
                reason: "no v1,<signature> entry".into(),
            });
        }
        Ok(received)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{Verdict, compute, verify};
    use crate::secret::Secret;

    #[test]
    fn known_answer_from_the_specification() {
        // standard-webhooks/standard-webhooks reference test vector.
        let key = StandardWebhooks
            .key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            .unwrap();
        let sig = compute(
            &StandardWebhooks,
            &key,
            Some(1614265330),
            Some("msg_p5jXN8AQM9LWM0D4loKWxJek"),
            br#"{"test": 2432232314}"#,
        );
        assert_eq!(sig, "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
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
        let v = verify(
            &StandardWebhooks,
            &h,
            br#"{"test": 2432232314}"#,
            &[secret],
            1614265330,
            300,
        );
        assert_eq!(v, Verdict::Valid { secret_index: 0 });
    }

    #[test]
    fn non_base64_secret_is_a_key_error() {
        assert!(StandardWebhooks.key("whsec_not base64!").is_err());
        // Unpadded base64 is accepted, as the official libraries do.
        assert_eq!(StandardWebhooks.key("whsec_test123").unwrap().len(), 5);
    }
}

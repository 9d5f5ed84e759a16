//! Signing schemes behind one small trait. Pure: bytes, secret and timestamp
//! in; headers or a verdict out. No clock, no I/O.
//!
//! Every scheme here MACs `prefix ++ body` with HMAC-SHA256, where the prefix
//! carries the timestamp and/or message id (`"<t>."` for Stripe, nothing for
//! GitHub, `"<id>.<t>."` for Standard Webhooks). Adding a provider is adding a
//! file and a line in [`Provider::scheme`].

mod github;
mod standard;
mod stripe;

pub use github::GitHub;
pub use standard::StandardWebhooks;
pub use stripe::Stripe;

use crate::request::Headers;
use crate::secret::Secret;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::fmt;
use std::str::FromStr;

/// The providers hookcli knows how to sign for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Provider {
    Stripe,
    GitHub,
    Standard,
}

impl Provider {
    pub const ALL: [Provider; 3] = [Provider::Stripe, Provider::GitHub, Provider::Standard];

    /// Stable lowercase name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Provider::Stripe => "stripe",
            Provider::GitHub => "github",
            Provider::Standard => "standard",
        }
    }

    pub fn scheme(self) -> &'static dyn Scheme {
        match self {
            Provider::Stripe => &Stripe,
            Provider::GitHub => &GitHub,
            Provider::Standard => &StandardWebhooks,
        }
    }

    /// Environment variables that may hold this provider's signing secret,
    /// the first one being the primary.
    pub fn secret_env_vars(self) -> &'static [&'static str] {
        match self {
            Provider::Stripe => &[
                "STRIPE_WEBHOOK_SECRET",
                "STRIPE_WEBHOOK_SECRET_TEST",
                "STRIPE_WEBHOOK_SECRET_LIVE",
            ],
            Provider::GitHub => &["GITHUB_WEBHOOK_SECRET"],
            Provider::Standard => &["WEBHOOK_SECRET", "SVIX_WEBHOOK_SECRET"],
        }
    }

    /// The provider whose signature header is present, if exactly one is.
    pub fn detect(headers: &Headers) -> Option<Provider> {
        let found: Vec<Provider> = Provider::ALL
            .into_iter()
            .filter(|p| p.scheme().is_present(headers))
            .collect();
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Provider {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "stripe" => Ok(Provider::Stripe),
            "github" | "gh" => Ok(Provider::GitHub),
            "standard" | "standard-webhooks" | "standardwebhooks" | "svix" => {
                Ok(Provider::Standard)
            }
            other => Err(format!(
                "unknown provider '{other}' (known: stripe, github, standard)"
            )),
        }
    }
}

/// What a scheme needs to sign one delivery.
#[derive(Debug, Clone, Copy)]
pub struct SignInput<'a> {
    pub body: &'a [u8],
    /// Unix seconds.
    pub timestamp: i64,
    /// Delivery/message id (GitHub delivery GUID, Standard Webhooks `webhook-id`).
    pub id: &'a str,
    /// Provider event name (GitHub's `X-GitHub-Event`); informational for others.
    pub event_type: &'a str,
}

/// The signature material a request carries, as parsed from its headers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Received {
    pub timestamp: Option<i64>,
    pub id: Option<String>,
    /// Signatures in wire form (lowercase hex, or base64), in header order.
    pub signatures: Vec<String>,
    /// Signatures of a scheme version hookcli does not verify (Stripe `v0`).
    pub other_versions: Vec<String>,
}

/// Why a request's signature headers could not be used at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderProblem {
    Missing {
        header: &'static str,
    },
    Malformed {
        header: &'static str,
        reason: String,
    },
}

impl fmt::Display for HeaderProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderProblem::Missing { header } => write!(f, "no {header} header"),
            HeaderProblem::Malformed { header, reason } => {
                write!(f, "{header} is malformed: {reason}")
            }
        }
    }
}

/// Why a secret string cannot be a key for a scheme.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct KeyError(pub String);

/// A provider's signing scheme.
pub trait Scheme: Send + Sync {
    fn provider(&self) -> Provider;

    /// The header that carries the signature.
    fn signature_header(&self) -> &'static str;

    /// Key bytes for a secret string, as the provider's own libraries derive them.
    fn key(&self, secret: &str) -> Result<Vec<u8>, KeyError>;

    /// The bytes MACed before the body, for a timestamp and id.
    fn signed_prefix(&self, timestamp: Option<i64>, id: Option<&str>) -> String;

    /// A MAC in the form it takes in the header.
    fn encode(&self, mac: &[u8]) -> String;

    /// Whether the scheme signs a timestamp (and so has a replay window).
    fn has_timestamp(&self) -> bool;

    /// Every header the provider sends with a delivery, signature included.
    fn headers(&self, signature: &str, input: &SignInput) -> Headers;

    /// Extracts timestamp, id and signatures from a request's headers.
    fn parse(&self, headers: &Headers) -> Result<Received, HeaderProblem>;

    /// Whether the request carries this scheme's signature header at all.
    fn is_present(&self, headers: &Headers) -> bool {
        headers.contains(self.signature_header())
    }
}

/// Bytes as lowercase hex, through `hex::encode_to_slice`: several times
/// faster than `hex::encode`'s char iterator, and this runs for every
/// signature made or checked.
pub fn hex_lower(bytes: &[u8]) -> String {
    let mut buf = vec![0u8; bytes.len() * 2];
    hex::encode_to_slice(bytes, &mut buf).expect("the buffer holds two digits per byte");
    String::from_utf8(buf).expect("hex digits are ASCII")
}

/// HMAC-SHA256 set up with `key`, nothing fed in yet.
fn keyed(key: &[u8]) -> Hmac<Sha256> {
    <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length")
}

/// HMAC-SHA256 over the concatenation of `parts`.
pub fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut mac = keyed(key);
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

/// The signature `scheme` would put in its header for this key and request.
pub fn compute(
    scheme: &dyn Scheme,
    key: &[u8],
    timestamp: Option<i64>,
    id: Option<&str>,
    body: &[u8],
) -> String {
    signature(scheme, keyed(key), timestamp, id, body)
}

/// The signature in header form, from an HMAC keyed but not yet fed.
fn signature(
    scheme: &dyn Scheme,
    mut mac: Hmac<Sha256>,
    timestamp: Option<i64>,
    id: Option<&str>,
    body: &[u8],
) -> String {
    mac.update(scheme.signed_prefix(timestamp, id).as_bytes());
    mac.update(body);
    scheme.encode(&mac.finalize().into_bytes())
}

/// Signs one delivery: every header the provider would send.
pub fn sign(scheme: &dyn Scheme, secret: &Secret, input: &SignInput) -> Result<Headers, KeyError> {
    let Signer { scheme, keyed } = Signer::new(scheme, secret)?;
    Ok(finish(scheme, keyed, input))
}

/// A secret made into its scheme's HMAC key once, for signing many
/// deliveries (load mode): each one then costs a pass over its own bytes,
/// not the key's derivation and HMAC set-up again.
#[derive(Clone)]
pub struct Signer<'s> {
    scheme: &'s dyn Scheme,
    keyed: Hmac<Sha256>,
}

impl<'s> Signer<'s> {
    pub fn new(scheme: &'s dyn Scheme, secret: &Secret) -> Result<Signer<'s>, KeyError> {
        let keyed = keyed(&scheme.key(secret.expose())?);
        Ok(Signer { scheme, keyed })
    }

    /// Every header the provider would send with this delivery.
    pub fn sign(&self, input: &SignInput) -> Headers {
        finish(self.scheme, self.keyed.clone(), input)
    }
}

/// The headers for `input`, from a keyed HMAC.
fn finish(scheme: &dyn Scheme, mac: Hmac<Sha256>, input: &SignInput) -> Headers {
    let signature = signature(
        scheme,
        mac,
        Some(input.timestamp),
        Some(input.id),
        input.body,
    );
    scheme.headers(&signature, input)
}

/// Constant-time equality of two signatures in wire form. (subtle's slice
/// comparison calls an opaque function per byte: a diagnosis compares a few
/// dozen signatures, and that was ~10 % of its time.)
pub fn signatures_equal(a: &str, b: &str) -> bool {
    constant_time_eq::constant_time_eq(a.as_bytes(), b.as_bytes())
}

/// Which of the received signatures, if any, `key` reproduces for `body`.
pub fn matches(scheme: &dyn Scheme, key: &[u8], received: &Received, body: &[u8]) -> bool {
    let expected = compute(
        scheme,
        key,
        received.timestamp,
        received.id.as_deref(),
        body,
    );
    // Check every candidate so the time taken does not depend on which matched.
    received
        .signatures
        .iter()
        .fold(false, |hit, sig| hit | signatures_equal(&expected, sig))
}

/// The outcome of a plain verification (no diagnosis).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The signature holds with this secret (index into the candidates).
    Valid {
        secret_index: usize,
    },
    /// Signature holds, but the timestamp is outside the tolerance.
    Stale {
        secret_index: usize,
        age_seconds: i64,
    },
    NoMatch,
    Header(HeaderProblem),
}

impl Verdict {
    pub fn is_valid(&self) -> bool {
        matches!(self, Verdict::Valid { .. })
    }
}

/// Verifies `body` against `headers` with any of `secrets`, as the provider's
/// own library would, except that a timestamp more than `tolerance` seconds
/// in the future is rejected too (clock skew hides replay windows).
pub fn verify(
    scheme: &dyn Scheme,
    headers: &Headers,
    body: &[u8],
    secrets: &[Secret],
    now: i64,
    tolerance: i64,
) -> Verdict {
    let received = match scheme.parse(headers) {
        Ok(r) => r,
        Err(problem) => return Verdict::Header(problem),
    };
    for (index, secret) in secrets.iter().enumerate() {
        let Ok(key) = scheme.key(secret.expose()) else {
            continue;
        };
        if matches(scheme, &key, &received, body) {
            return match received.timestamp {
                Some(t) if scheme.has_timestamp() && (now - t).abs() > tolerance => {
                    Verdict::Stale {
                        secret_index: index,
                        age_seconds: now - t,
                    }
                }
                _ => Verdict::Valid {
                    secret_index: index,
                },
            };
        }
    }
    Verdict::NoMatch
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_names_round_trip() {
        for p in Provider::ALL {
            assert_eq!(p.name().parse::<Provider>(), Ok(p));
        }
        assert_eq!("svix".parse::<Provider>(), Ok(Provider::Standard));
        assert!("paypal".parse::<Provider>().is_err());
    }

    #[test]
    fn hex_lower_is_hex_encode() {
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(hex_lower(&bytes), hex::encode(&bytes));
    }

    #[test]
    fn hmac_matches_rfc4231_case_2() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let mac = hmac_sha256(b"Jefe", &[b"what do ya want ", b"for nothing?"]);
        assert_eq!(
            hex::encode(mac),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn every_scheme_verifies_what_it_signs() {
        let secret = Secret::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "test");
        for p in Provider::ALL {
            let scheme = p.scheme();
            let input = SignInput {
                body: b"{\"a\":1}",
                timestamp: 1_700_000_000,
                id: "msg_1",
                event_type: "ping",
            };
            let headers = sign(scheme, &secret, &input).unwrap();
            let verdict = verify(
                scheme,
                &headers,
                input.body,
                std::slice::from_ref(&secret),
                1_700_000_010,
                300,
            );
            assert_eq!(verdict, Verdict::Valid { secret_index: 0 }, "{p}");
            let tampered = verify(
                scheme,
                &headers,
                b"{\"a\":2}",
                std::slice::from_ref(&secret),
                1_700_000_010,
                300,
            );
            assert_eq!(tampered, Verdict::NoMatch, "{p}");
            assert_eq!(Provider::detect(&headers), Some(p));
        }
    }
}

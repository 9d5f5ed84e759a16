//! Providers and their signing schemes. Pure: bytes, keys and timestamps in;
//! headers or a verdict out. No clock, no I/O.
//!
//! A provider is one file here and one line in [`ALL`]: what it *is* (ids,
//! header names, secret variables, body form, algorithm, tolerance) is the
//! data of its [`Spec`]; what it *does* (read its signature headers, lay out
//! the signed message, write its headers) is the small [`Scheme`] trait,
//! whose defaulted hooks cover the rest. Nothing outside this module asks
//! which provider it is dealing with.

mod body;
mod claims;
mod clerk;
mod crypto;
mod discord;
mod escaped;
mod github;
mod gitlab;
mod hexsig;
pub mod jsjson;
mod key_order;
pub mod keypair;
mod linear;
mod mailgun;
mod meta;
mod paddle;
mod razorpay;
pub mod rejections;
mod resend;
mod sendgrid;
mod shopify;
mod sign;
mod slack;
mod square;
mod standard;
mod stripe;
mod svix;
mod twilio;
pub mod url;
mod verify;
mod zoom;

pub use body::{Framing, batch_body, sort_keys, sorted_batch};
pub use claims::{
    Claims, HeaderProblem, Material, MessageError, Parts, Sig, Stamp, Tail, first_of, required,
    stamp,
};
pub use crypto::{Algorithm, Encoding, MAX_SIG, SigBytes, SignKey, VerifyKey, hmac_sha256};
pub use escaped::{escaped_json, write_escaped};
pub use key_order::KeyOrder;
pub use meta::EventMeta;
pub use sign::{HeaderSink, Scratch, SignError, SignInput, Signer, sign};
pub use verify::{Keyring, Verdict, verify, verify_secrets};
pub use zoom::encrypted_token as zoom_encrypted_token;

use crate::request::Headers;
use include_dir::Dir;
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

pub const STRIPE: Provider = Provider(&stripe::Stripe);
pub const GITHUB: Provider = Provider(&github::GitHub);
pub const STANDARD: Provider = Provider(&standard::StandardWebhooks);
pub const TWILIO: Provider = Provider(&twilio::Twilio);
pub const SENDGRID: Provider = Provider(&sendgrid::SendGrid);
pub const SLACK: Provider = Provider(&slack::Slack);
pub const PADDLE: Provider = Provider(&paddle::Paddle);
pub const LINEAR: Provider = Provider(&linear::Linear);
pub const ZOOM: Provider = Provider(&zoom::Zoom);
pub const RAZORPAY: Provider = Provider(&razorpay::Razorpay);
pub const SQUARE: Provider = Provider(&square::Square);
pub const DISCORD: Provider = Provider(&discord::Discord);
pub const CLERK: Provider = Provider(&clerk::CLERK);
pub const RESEND: Provider = Provider(&resend::RESEND);
pub const MAILGUN: Provider = Provider(&mailgun::Mailgun);
pub const SHOPIFY: Provider = Provider(&shopify::Shopify);
pub const GITLAB: Provider = Provider(&gitlab::GitLab);

/// Every provider hookcli speaks, in the order help and listings show
/// them. The first is the one assumed when nothing says otherwise.
pub static ALL: &[Provider] = &[
    STRIPE, GITHUB, STANDARD, TWILIO, SENDGRID, SHOPIFY, SLACK, PADDLE, LINEAR, ZOOM, RAZORPAY,
    SQUARE, DISCORD, CLERK, RESEND, MAILGUN, GITLAB,
];

/// What a provider is: data read by fixtures, config, the CLI, the
/// listener and the diagnosis.
pub struct Spec {
    /// Stable lowercase id: command line, JSON, store, `fixtures/<id>/`.
    pub id: &'static str,
    /// The provider's name as it writes it, for sentences.
    pub display: &'static str,
    /// Other names accepted for `--provider`.
    pub aliases: &'static [&'static str],
    /// Headers whose presence marks a request as this provider's; the
    /// first is the one named in findings.
    pub signature_headers: &'static [&'static str],
    /// Environment variables that may hold the signing secret (or key),
    /// under the names the provider's docs use; the first is the primary.
    pub secret_vars: &'static [&'static str],
    /// How the provider serializes its bodies.
    pub body: BodyForm,
    /// The algorithm of its signatures (per entry, a scheme may say otherwise).
    pub algorithm: Algorithm,
    /// How signatures are written in the header.
    pub encoding: Encoding,
    /// Default replay window in seconds; `None` when no timestamp is signed.
    pub tolerance: Option<i64>,
    /// The built-in fixtures.
    pub fixtures: &'static Dir<'static>,
}

impl Spec {
    pub fn signs_timestamp(&self) -> bool {
        self.tolerance.is_some()
    }
}

/// The byte form of a provider's bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyForm {
    /// JSON pretty-printed with a 2-space indent (Stripe).
    JsonPretty2,
    /// JSON with no whitespace.
    JsonCompact,
    /// JSON as JavaScript's `JSON.stringify` writes it: compact, numbers
    /// as ECMAScript writes them, index-like keys first (Zoom, whose SDK
    /// verifies over this form).
    JsonStringify,
    /// Compact JSON with `/` written `\/` and `<`, `>`, `&` (and U+2028,
    /// U+2029) as `\uXXXX`, as Rails writes it (Shopify).
    JsonCompactEscaped,
    /// `application/x-www-form-urlencoded` parameters, in the fixture's order.
    Form,
    /// A batch of events: a JSON array of compact objects with their keys
    /// in byte order, one event per line (`,\r\n` between events, `\r\n`
    /// after the array), as SendGrid's Event Webhook posts them.
    JsonSortedBatch,
}

/// A value rendering generates for each event: ids and times. Everything
/// else in a body comes from the fixture and the overrides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Generated {
    /// What the value is derived from, with the fixture and the sequence
    /// number, so that a seed gives the same ids every run.
    pub purpose: &'static str,
    pub kind: GeneratedKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeneratedKind {
    /// `prefix` and `len` base62 characters.
    Base62 {
        prefix: &'static str,
        len: usize,
    },
    /// `prefix`, base62 characters (`len` of them) and `suffix`: ids that
    /// embed a generated part (SendGrid's `<id>.filterdrecv-….0`). Values
    /// with one purpose share their base62 part.
    Base62Within {
        prefix: &'static str,
        len: usize,
        suffix: &'static str,
    },
    Uuid,
    /// The event's Unix time.
    UnixSeconds,
    /// The event's Unix time in milliseconds (Linear's `webhookTimestamp`, Zoom's `event_ts`, Clerk's `timestamp`).
    UnixMillis,
    /// The event's time as RFC 3339.
    Rfc3339,
    /// The event's time as RFC 2822, in UTC (Twilio's `Timestamp`).
    Rfc2822,
    /// A JSON number of `digits` decimal digits (GitHub's ids).
    Number {
        digits: u32,
    },
    /// `prefix` and the number [`Number`](Self::Number) gives for the same
    /// purpose, as a string (Shopify's `gid://shopify/Order/<id>`).
    NumberIn {
        prefix: &'static str,
        digits: u32,
    },
    /// `prefix` and `len` lowercase hex digits (Twilio's SIDs).
    Hex {
        prefix: &'static str,
        len: usize,
    },
}

/// Why a secret string cannot be a key for a scheme.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct KeyError {
    /// Stable id (`empty`, `not_base64`, …) for findings.
    pub kind: &'static str,
    /// Completes "the secret from X …".
    pub reason: Cow<'static, str>,
    /// What to do next.
    pub hint: &'static str,
}

impl KeyError {
    pub fn empty() -> KeyError {
        KeyError {
            kind: "empty",
            reason: "is empty".into(),
            hint: "set the signing secret",
        }
    }
}

/// A string given as the secret that is another kind of credential (an API
/// key, an access token), told by its shape.
#[derive(Debug, PartialEq, Eq)]
pub struct Misuse {
    /// Stable id for findings (`api_key`).
    pub id: &'static str,
    /// Completes "The secret from X …": what it is and what to use instead.
    pub advice: &'static str,
}

/// What to tell a user whose secret does not reproduce a signature: where
/// the right one is found, and what has a secret of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecretAdvice {
    /// Completes "…with a different one: ", e.g. "copy the signing secret
    /// of this exact endpoint".
    pub copy: &'static str,
    /// Completes "verify with that secret (…)": what has its own secret.
    pub scope: &'static str,
}

/// A key another family of schemes would derive from the same secret: the
/// signer or the verifier used the wrong derivation.
pub struct Mixup {
    /// Stable id for findings.
    pub id: &'static str,
    /// How the key was made, for "tried: …" lists.
    pub tried_as: &'static str,
    /// The finding's advice, a whole sentence.
    pub advice: &'static str,
    /// The other derivation, when it applies to this secret.
    pub key: fn(&str) -> Option<Vec<u8>>,
}

impl PartialEq for Mixup {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}
impl Eq for Mixup {}

impl fmt::Debug for Mixup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Mixup({})", self.id)
    }
}

/// What a provider does. Only `spec`, `parse`, `message` and
/// `write_headers` are every scheme's own; the rest are hooks with defaults.
pub trait Scheme: Send + Sync + 'static {
    fn spec(&self) -> &'static Spec;

    /// The signature material of a request, read as strictly as the
    /// provider's own libraries read it.
    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem>;

    /// Writes the signed message's head into `head` (cleared by the
    /// caller) and says whether the body follows it.
    fn message(&self, m: &Material, head: &mut Vec<u8>) -> Result<Tail, MessageError>;

    /// Every header the provider sends with a delivery, the signature
    /// (in header encoding) among them.
    fn write_headers(&self, signature: &str, input: &SignInput, out: &mut dyn HeaderSink);

    /// How many layouts of the message the provider's own verifier accepts
    /// (Twilio's try the URL with and without its default port); each is
    /// `message` with `Material::variant` set.
    fn variants(&self, _m: &Material) -> u8 {
        1
    }

    /// Whether the scheme signs the URL it calls (so the diagnosis tries
    /// the URLs a proxy or framework may have rebuilt).
    fn signs_url(&self) -> bool {
        false
    }

    /// A check beyond the signature that the official verifier makes on the
    /// body (Twilio's `bodySHA256`); `false` means the body was changed.
    fn body_bound(&self, _m: &Material) -> bool {
        true
    }

    /// The URL a delivery of `body` goes to, when the provider changes the
    /// URL it was given (Twilio appends `bodySHA256` for JSON bodies).
    fn delivery_url(&self, _url: &str, _body: &[u8], _form: BodyForm) -> Option<String> {
        None
    }

    /// The body form of the fixture `name`, when a provider has several.
    fn body_form(&self, _name: &str) -> BodyForm {
        self.spec().body
    }

    /// The order the provider writes its JSON keys in, as far as it is known.
    fn key_order(&self) -> KeyOrder {
        KeyOrder::Unknown
    }

    /// The MAC key bytes of a secret, as the provider's libraries derive them.
    fn key_bytes(&self, secret: &str) -> Result<Vec<u8>, KeyError> {
        if secret.is_empty() {
            return Err(KeyError::empty());
        }
        Ok(secret.as_bytes().to_vec())
    }

    /// The key a verifier holds, from the secret text: a MAC key, or for
    /// a key-pair algorithm the public key (see [`keypair`]).
    fn verify_key(&self, secret: &str) -> Result<VerifyKey, KeyError> {
        let algorithm = self.spec().algorithm;
        match algorithm.key_kind() {
            keypair::KeyKind::Shared => Ok(VerifyKey::hmac(algorithm, &self.key_bytes(secret)?)),
            keypair::KeyKind::Pair => keypair::read_public(algorithm, secret),
        }
    }

    /// The key a signer holds, from the secret text: the MAC key, or the
    /// private key of a key pair.
    fn sign_key(&self, secret: &str) -> Result<SignKey, KeyError> {
        let algorithm = self.spec().algorithm;
        match algorithm.key_kind() {
            keypair::KeyKind::Shared => Ok(SignKey::Mac(self.verify_key(secret)?)),
            keypair::KeyKind::Pair => keypair::read_private(algorithm, secret),
        }
    }

    /// Whether the request carries this provider's signature at all.
    fn is_present(&self, headers: &Headers) -> bool {
        self.spec()
            .signature_headers
            .iter()
            .any(|h| headers.contains(h))
    }

    /// For a provider whose signature travels in the body (Mailgun): the
    /// body with `signature` written into it.
    fn seal(&self, _body: &[u8], _signature: &str, _input: &SignInput) -> Option<Vec<u8>> {
        None
    }

    /// Why the body is not covered by the signature, when it is not (a
    /// note the diagnosis gives with every verdict).
    fn unsigned_body(&self) -> Option<&'static str> {
        None
    }

    /// Headers whose value is the secret itself (GitLab's token): never
    /// recorded in the event store in clear.
    fn secret_headers(&self) -> &'static [&'static str] {
        &[]
    }

    /// Whether the request is this provider's, told by its headers and,
    /// where they are shared or absent, its body.
    fn is_present_in(&self, headers: &Headers, _body: &[u8]) -> bool {
        self.is_present(headers)
    }

    /// The id of a more general provider whose wire format this one is
    /// (Clerk's and Resend's Svix headers are Standard Webhooks'): when the
    /// body says it is this provider's, detection names this one instead.
    fn refines(&self) -> Option<&'static str> {
        None
    }

    /// The verification key as the provider's dashboard shows it and an
    /// app is configured with it (key-pair schemes; base64 SPKI unless the
    /// provider writes keys otherwise).
    fn public_key_text(&self, key: &VerifyKey) -> Option<String> {
        keypair::public_text(key)
    }

    /// Signature headers the strict parser rejected, rewritten the way a
    /// forgiving verifier would read them, when that makes sense of them.
    fn lenient(&self, _headers: &Headers) -> Option<Headers> {
        None
    }

    /// Other key derivations worth trying on a mismatch.
    fn mixups(&self) -> &'static [Mixup] {
        &[]
    }

    /// Whether a secret has a shape only this provider's secrets have (so
    /// a request verified with it is meant for this provider).
    fn owns_secret(&self, _secret: &str) -> bool {
        false
    }

    /// A secret that is another kind of credential for this provider.
    fn misuse(&self, _secret: &str) -> Option<&'static Misuse> {
        None
    }

    /// Where the right secret is, for a signature no secret given reproduces.
    fn secret_advice(&self) -> SecretAdvice {
        SecretAdvice {
            copy: "copy the signing secret of this exact endpoint from the provider",
            scope: "each endpoint has its own",
        }
    }

    /// Event type, id and the like, from the request.
    fn event_meta(&self, _headers: &Headers, body: &[u8]) -> EventMeta {
        EventMeta::from_body(body)
    }

    /// Puts each generated value where the provider's events carry it.
    fn place(&self, _payload: &mut Value, _put: &mut dyn FnMut(Generated) -> Value) {}

    /// The delivery id sent in a header (GitHub's GUID, `webhook-id`).
    fn delivery_id(&self) -> Option<Generated> {
        None
    }

    /// The payload field holding the event id, when the body carries it.
    fn event_id_field(&self) -> Option<&'static str> {
        None
    }

    /// The event type of a fixture named `name` with this payload.
    fn event_type(&self, name: &str, payload: &Value) -> String {
        payload
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or(name)
            .to_string()
    }

    /// What the provider's own libraries do about a delivery's age, when
    /// developers are commonly surprised by it (a sentence for findings).
    fn window_note(&self) -> Option<&'static str> {
        None
    }

    /// Whether a payload has this provider's shape (to pick the scheme of a
    /// user's fixture file).
    fn claims_payload(&self, _payload: &Value) -> bool {
        false
    }
}

/// `s` without surrounding whitespace and quotes, as forgiving verifiers read values.
pub(crate) fn unquote(s: &str) -> &str {
    s.trim().trim_matches(['"', '\''])
}

/// A provider: a handle on its scheme. Copy, and compared by registry
/// position, so it keys maps and sorts as the registry lists providers.
#[derive(Clone, Copy)]
pub struct Provider(&'static dyn Scheme);

impl Provider {
    pub const ALL: &'static [Provider] = ALL;

    pub fn spec(self) -> &'static Spec {
        self.0.spec()
    }

    pub fn scheme(self) -> &'static dyn Scheme {
        self.0
    }

    /// Stable lowercase name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        self.spec().id
    }

    /// The provider assumed when nothing says which.
    pub fn fallback() -> Provider {
        ALL[0]
    }

    /// Environment variables that may hold this provider's signing secret,
    /// the first one being the primary.
    pub fn secret_env_vars(self) -> &'static [&'static str] {
        self.spec().secret_vars
    }

    /// The header named in findings about this provider's signature.
    pub fn signature_header(self) -> &'static str {
        self.spec().signature_headers[0]
    }

    fn index(self) -> usize {
        ALL.iter()
            .position(|p| p.spec().id == self.spec().id)
            .unwrap_or(usize::MAX)
    }

    /// Every provider whose signature header the request carries, in
    /// registry order.
    pub fn present(headers: &Headers) -> Vec<Provider> {
        ALL.iter()
            .copied()
            .filter(|p| p.scheme().is_present(headers))
            .collect()
    }

    /// The provider whose signature header is present, if exactly one is.
    pub fn detect(headers: &Headers) -> Option<Provider> {
        match Provider::present(headers).as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// Every provider whose request this is, by headers and body, in
    /// registry order; a provider another refines is dropped when the
    /// refining one claims the request.
    pub fn present_in(headers: &Headers, body: &[u8]) -> Vec<Provider> {
        let found: Vec<Provider> = ALL
            .iter()
            .copied()
            .filter(|p| p.scheme().is_present_in(headers, body))
            .collect();
        found
            .iter()
            .copied()
            .filter(|p| {
                !found
                    .iter()
                    .any(|q| q.scheme().refines() == Some(p.spec().id))
            })
            .collect()
    }

    /// The provider of a request, by headers and body, if exactly one claims it.
    pub fn detect_in(headers: &Headers, body: &[u8]) -> Option<Provider> {
        match Provider::present_in(headers, body).as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// Which provider a request is for: the one asked for; else the one
    /// whose request it is by headers and body ([`Provider::present_in`]); of several, the first (in
    /// registry order) whose signature `holds`, else the first. The one
    /// place that decides: `verify`, the listener and the diagnosis ask it.
    pub fn which(
        headers: &Headers,
        body: &[u8],
        wanted: Option<Provider>,
        mut holds: impl FnMut(Provider) -> bool,
    ) -> Option<Provider> {
        if wanted.is_some() {
            return wanted;
        }
        let present = Provider::present_in(headers, body);
        match present.as_slice() {
            [] => None,
            [one] => Some(*one),
            [first, ..] => Some(
                present
                    .iter()
                    .copied()
                    .find(|p| holds(*p))
                    .unwrap_or(*first),
            ),
        }
    }

    /// The provider whose events a JSON body looks like, first in registry order.
    pub fn claiming(body: &[u8]) -> Option<Provider> {
        let payload: Value = serde_json::from_slice(body).ok()?;
        ALL.iter()
            .copied()
            .find(|p| p.scheme().claims_payload(&payload))
    }

    /// Whether `name` is a header some provider sends its secret in, as is.
    pub fn is_secret_header(name: &str) -> bool {
        ALL.iter().any(|p| {
            p.scheme()
                .secret_headers()
                .iter()
                .any(|h| h.eq_ignore_ascii_case(name))
        })
    }

    /// The ids of every provider, for help and hints: "a, b or c".
    pub fn names() -> String {
        let ids: Vec<&str> = ALL.iter().map(|p| p.name()).collect();
        match ids.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, init)) => format!("{} or {last}", init.join(", ")),
            None => String::new(),
        }
    }
}

impl PartialEq for Provider {
    fn eq(&self, other: &Self) -> bool {
        self.spec().id == other.spec().id
    }
}
impl Eq for Provider {}

impl std::hash::Hash for Provider {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.spec().id.hash(state)
    }
}

impl PartialOrd for Provider {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Provider {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.index().cmp(&other.index())
    }
}

impl fmt::Debug for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Provider({})", self.name())
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
        let wanted = s.to_ascii_lowercase();
        ALL.iter()
            .copied()
            .find(|p| p.spec().id == wanted || p.spec().aliases.contains(&wanted.as_str()))
            .ok_or_else(|| {
                let ids: Vec<&str> = ALL.iter().map(|p| p.name()).collect();
                format!("unknown provider '{wanted}' (known: {})", ids.join(", "))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    #[test]
    fn provider_names_round_trip() {
        for p in Provider::ALL {
            assert_eq!(p.name().parse::<Provider>(), Ok(*p));
            for alias in p.spec().aliases {
                assert_eq!(alias.parse::<Provider>(), Ok(*p));
            }
        }
        assert_eq!("svix".parse::<Provider>(), Ok(STANDARD));
        assert!("paypal".parse::<Provider>().is_err());
    }

    #[test]
    fn ids_and_aliases_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for p in Provider::ALL {
            assert!(seen.insert(p.spec().id), "{}", p.spec().id);
            for alias in p.spec().aliases {
                assert!(seen.insert(alias), "{alias}");
            }
        }
    }

    #[test]
    fn providers_sort_in_registry_order() {
        let mut sorted = Provider::ALL.to_vec();
        sorted.sort();
        assert_eq!(sorted, Provider::ALL);
        assert_eq!(Provider::fallback(), STRIPE);
    }

    #[test]
    fn detection_reads_the_body_where_headers_are_shared() {
        let svix: Headers = [
            ("svix-id", "msg_1"),
            ("svix-timestamp", "1700000000"),
            ("svix-signature", "v1,AAAA"),
        ]
        .into_iter()
        .collect();
        let clerk = br#"{"data":{},"event_attributes":{},"object":"event","type":"user.created"}"#;
        let resend = br#"{"type":"email.delivered","created_at":"2026-01-01T00:00:00Z","data":{}}"#;
        let stripe = br#"{"object":"event","type":"charge.succeeded","data":{}}"#;
        assert_eq!(Provider::detect_in(&svix, clerk), Some(CLERK));
        assert_eq!(Provider::detect_in(&svix, resend), Some(RESEND));
        assert_eq!(Provider::detect_in(&svix, stripe), Some(STANDARD));
        let discord: Headers = [
            ("X-Signature-Ed25519", "00"),
            ("X-Signature-Timestamp", "1"),
        ]
        .into_iter()
        .collect();
        assert_eq!(Provider::detect_in(&discord, b"{}"), Some(DISCORD));
        let square: Headers = [("x-square-hmacsha256-signature", "AAAA")]
            .into_iter()
            .collect();
        assert_eq!(Provider::detect_in(&square, b"{}"), Some(SQUARE));
    }

    #[test]
    fn every_scheme_verifies_what_it_signs() {
        for p in Provider::ALL.iter().copied() {
            let (signing, verifying) =
                keypair::test_secrets(p.spec().algorithm, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
            let (secret, verifier) = (Secret::new(signing, "test"), Secret::new(verifying, "test"));
            let input = SignInput {
                // Linear's signed time is in the body.
                body: b"{\"a\":1,\"webhookTimestamp\":1700000000000}",
                timestamp: 1_700_000_000,
                id: "msg_1",
                event_type: "ping",
                url: Some("https://example.com/webhooks"),
            };
            // Mailgun's signature goes into the body.
            let signer = Signer::new(p, &secret).unwrap();
            let sealed = signer.seal(&input).unwrap();
            let body = sealed.as_deref().unwrap_or(input.body);
            let input = SignInput { body, ..input };
            let headers = sign(p, &secret, &input).unwrap();
            let verdict = verify_secrets(
                p,
                &Parts {
                    method: "POST",
                    url: input.url,
                    headers: &headers,
                    body: input.body,
                },
                std::slice::from_ref(&verifier),
                1_700_000_010,
                300,
            );
            assert_eq!(verdict, Verdict::Valid { secret_index: 0 }, "{p}");
            let changed = String::from_utf8_lossy(body).replace("\"a\":1", "\"a\":2");
            let tampered = verify_secrets(
                p,
                &Parts {
                    method: "POST",
                    url: input.url,
                    headers: &headers,
                    body: changed.as_bytes(),
                },
                std::slice::from_ref(&verifier),
                1_700_000_010,
                300,
            );
            // Mailgun does not sign the event: the change goes unseen.
            if p.scheme().unsigned_body().is_some() {
                assert!(tampered.is_valid(), "{p}");
            } else {
                assert_eq!(tampered, Verdict::NoMatch, "{p}");
            }
            // Clerk's and Resend's headers are Svix's: an unknown body is
            // detected as Standard Webhooks, which verifies it the same way.
            let detected = Provider::detect_in(&headers, input.body);
            let general = p.scheme().refines().and_then(|id| id.parse().ok());
            assert_eq!(detected, general.or(Some(p)), "{p}");
        }
    }
}

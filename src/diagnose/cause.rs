//! Findings: why a signature failed. Each has a stable snake_case id (part
//! of the `--json` interface), details, and a `Display` that is the advice:
//! one sentence saying what to change.

use crate::provider::{MessageError, Misuse, Mixup, Provider};
use serde_json::{Map, Value, json};
use std::fmt;

/// How sure a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    /// Reproduced: the signature matches under this explanation.
    Certain,
    Likely,
    Possible,
}

impl Confidence {
    pub fn name(self) -> &'static str {
        match self {
            Confidence::Certain => "certain",
            Confidence::Likely => "likely",
            Confidence::Possible => "possible",
        }
    }
}

/// Where whitespace sits around a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Leading,
    Trailing,
    Both,
}

impl Place {
    pub fn of(value: &str) -> Option<Place> {
        let leading = value.trim_start() != value;
        let trailing = value.trim_end() != value;
        match (leading, trailing) {
            (true, true) => Some(Place::Both),
            (true, false) => Some(Place::Leading),
            (false, true) => Some(Place::Trailing),
            (false, false) => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Place::Leading => "leading",
            Place::Trailing => "trailing",
            Place::Both => "both",
        }
    }
}

/// Which end of the exchange holds the stray whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The secret you verify with has it; trimmed, it matches.
    Verifier,
    /// The sender signed with whitespace appended.
    Signer,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::Verifier => "verifier",
            Side::Signer => "signer",
        }
    }
}

/// Ways a secret string is the wrong kind of thing for the scheme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WrongKind {
    /// Another kind of credential (an API key, an access token).
    Misuse(&'static Misuse),
    /// The signer derived the key another way than this scheme does.
    Mixup(&'static Mixup),
    /// The scheme cannot make a key of it (`kind` as the scheme names it).
    Unusable {
        kind: &'static str,
        reason: String,
    },
    /// A private key where the verification key belongs; `public` is the
    /// verification key derived from it, `verifies` whether that one
    /// verifies the request.
    PrivateKey {
        public: String,
        verifies: bool,
    },
    Empty,
}

impl WrongKind {
    pub fn name(&self) -> &'static str {
        match self {
            WrongKind::Misuse(m) => m.id,
            WrongKind::Mixup(m) => m.id,
            WrongKind::Unusable { kind, .. } => kind,
            WrongKind::PrivateKey { .. } => "private_key",
            WrongKind::Empty => "empty",
        }
    }
}

/// What happened to the body between signing and verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mutation {
    ReserializedJson,
    TrailingNewline,
    LineEndings,
    Bom,
    Base64,
    Charset,
    /// A form body's parameters decoded and encoded again.
    FormReencoded,
    /// A batch's events laid out anew: the CRLF between them added or dropped.
    Framing,
    Unknown,
}

impl Mutation {
    pub fn name(self) -> &'static str {
        match self {
            Mutation::ReserializedJson => "reserialized_json",
            Mutation::TrailingNewline => "trailing_newline",
            Mutation::LineEndings => "line_endings",
            Mutation::Bom => "bom",
            Mutation::Base64 => "base64",
            Mutation::Charset => "charset",
            Mutation::FormReencoded => "form_reencoded",
            Mutation::Framing => "crlf_framing",
            Mutation::Unknown => "unknown",
        }
    }
}

/// Where the received body first departs from the signed one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByteDiff {
    pub offset: usize,
    /// `escape::bytes_visible` of a window around `offset`.
    pub received_excerpt: String,
    pub original_excerpt: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// No signature header (one name, or every known one when detecting).
    MissingHeader {
        headers: Vec<&'static str>,
    },
    MalformedHeader {
        header: &'static str,
        reason: String,
        would_verify_if_fixed: bool,
    },
    WrongProvider {
        expected: Provider,
        found: Provider,
        /// Whether a given secret verifies the request as `found`.
        verifies_as_found: bool,
        /// `expected` was read from the body (no provider was asked for).
        from_body: bool,
    },
    /// No secret to verify with.
    NoSecret {
        provider: Provider,
    },
    /// The scheme signs the URL the provider called, and it is not known.
    UrlUnknown {
        provider: Provider,
    },
    /// The signed message cannot be built from this request.
    Unverifiable {
        reason: String,
    },
    /// The provider signed another URL than the one verified with.
    UrlMismatch {
        /// The URL verified with.
        given: String,
        /// The URL that verifies, when one was found.
        signed: Option<String>,
        /// What differs, completing "the provider signed …".
        detail: String,
        confidence: Confidence,
        ruled_out: Vec<String>,
    },
    /// The signature holds, but the body's hash is not the one the signed
    /// URL carries: the body changed after the provider sent it.
    BodyHashMismatch {
        detail: String,
    },
    WrongSecret {
        /// Whose secrets: where the right one is found differs.
        provider: Provider,
        /// Label of the secret that reproduces the signature, if one does.
        matched_secret: Option<String>,
        /// Label of the secret being verified with (`secrets[0]`).
        verifying_secret: String,
        confidence: Confidence,
        ruled_out: Vec<String>,
    },
    /// A key pair's [`Cause::WrongSecret`]: the verification key given
    /// is not the signer's.
    WrongKey {
        /// Label of the key that verifies the request, if one does.
        matched_key: Option<String>,
        /// Label of the key being verified with (`secrets[0]`).
        verifying_key: String,
        /// Whether the matching key is hookcli's own local test key.
        local_test_key: bool,
        confidence: Confidence,
        ruled_out: Vec<String>,
    },
    /// The signature is of another algorithm than the provider's (an
    /// HMAC where SendGrid's are ECDSA), and no key reproduces it.
    SignatureAlgorithm {
        found: &'static str,
        expected: &'static str,
        provider: Provider,
    },
    SecretWhitespace {
        secret: String,
        place: Place,
        side: Side,
    },
    SecretWrongKind {
        secret: String,
        kind: WrongKind,
    },
    TimestampSkew {
        age_seconds: i64,
        tolerance: i64,
        /// What the provider's own libraries do about age, when it is a
        /// known surprise (Paddle's 5 s).
        window: Option<&'static str>,
    },
    BodyMutated {
        mutation: Mutation,
        detail: String,
        confidence: Confidence,
        diff: Option<ByteDiff>,
        ruled_out: Vec<String>,
    },
}

impl Cause {
    /// Lowers a `likely` finding to `possible`, when another outranks it.
    pub fn demote_to_possible(&mut self) {
        if let Cause::WrongSecret { confidence, .. }
        | Cause::BodyMutated { confidence, .. }
        | Cause::UrlMismatch { confidence, .. } = self
            && *confidence == Confidence::Likely
        {
            *confidence = Confidence::Possible;
        }
    }

    /// The finding for a request whose signed message cannot be built.
    pub fn message(provider: Provider, error: MessageError) -> Cause {
        match error {
            MessageError::NeedsUrl { .. } => Cause::UrlUnknown { provider },
            MessageError::Invalid(reason) => Cause::Unverifiable { reason },
        }
    }

    /// Stable machine id.
    pub fn id(&self) -> &'static str {
        match self {
            Cause::MissingHeader { .. } => "missing_header",
            Cause::MalformedHeader { .. } => "malformed_header",
            Cause::WrongProvider { .. } => "wrong_provider",
            Cause::NoSecret { .. } => "no_secret",
            Cause::UrlUnknown { .. } => "url_unknown",
            Cause::Unverifiable { .. } => "unverifiable",
            Cause::UrlMismatch { .. } => "url_mismatch",
            Cause::BodyHashMismatch { .. } => "body_hash_mismatch",
            Cause::WrongSecret { .. } => "wrong_secret",
            Cause::WrongKey { .. } => "wrong_key",
            Cause::SignatureAlgorithm { .. } => "signature_algorithm",
            Cause::SecretWhitespace { .. } => "secret_whitespace",
            Cause::SecretWrongKind { .. } => "secret_wrong_kind",
            Cause::TimestampSkew { .. } => "timestamp_skew",
            Cause::BodyMutated { .. } => "body_mutated",
        }
    }

    /// Details as `(name, value)` pairs, in display order; `id` and
    /// `message` are added by [`Cause::to_json`].
    pub fn details(&self) -> Vec<(&'static str, Value)> {
        match self {
            Cause::MissingHeader { headers } => {
                vec![
                    ("header", json!(header_list(headers))),
                    ("headers", json!(headers)),
                ]
            }
            Cause::MalformedHeader {
                header,
                reason,
                would_verify_if_fixed,
            } => vec![
                ("header", json!(header)),
                ("reason", json!(reason)),
                ("would_verify_if_fixed", json!(would_verify_if_fixed)),
            ],
            Cause::WrongProvider {
                expected,
                found,
                verifies_as_found,
                from_body,
            } => vec![
                ("expected", json!(expected.name())),
                ("found", json!(found.name())),
                ("verifies_as_found", json!(verifies_as_found)),
                (
                    "expected_from",
                    json!(if *from_body { "body" } else { "provider" }),
                ),
            ],
            Cause::NoSecret { provider } => vec![("env", json!(provider.secret_env_vars()))],
            Cause::UrlUnknown { provider } => vec![("provider", json!(provider.name()))],
            Cause::Unverifiable { reason } => vec![("reason", json!(reason))],
            Cause::UrlMismatch {
                given,
                signed,
                detail,
                confidence,
                ruled_out,
            } => {
                let mut d = vec![
                    ("url", json!(given)),
                    ("signed_url", json!(signed)),
                    ("detail", json!(detail)),
                    ("confidence", json!(confidence.name())),
                ];
                if !ruled_out.is_empty() {
                    d.push(("ruled_out", json!(ruled_out)));
                }
                d
            }
            Cause::BodyHashMismatch { detail } => vec![("detail", json!(detail))],
            Cause::WrongSecret {
                matched_secret,
                verifying_secret,
                confidence,
                ruled_out,
                ..
            } => {
                let mut d = vec![
                    ("matched_secret", json!(matched_secret)),
                    ("verifying_secret", json!(verifying_secret)),
                    ("confidence", json!(confidence.name())),
                ];
                if !ruled_out.is_empty() {
                    d.push(("ruled_out", json!(ruled_out)));
                }
                d
            }
            Cause::WrongKey {
                matched_key,
                verifying_key,
                local_test_key,
                confidence,
                ruled_out,
            } => {
                let mut d = vec![
                    ("matched_key", json!(matched_key)),
                    ("verifying_key", json!(verifying_key)),
                    ("local_test_key", json!(local_test_key)),
                    ("confidence", json!(confidence.name())),
                ];
                if !ruled_out.is_empty() {
                    d.push(("ruled_out", json!(ruled_out)));
                }
                d
            }
            Cause::SignatureAlgorithm {
                found,
                expected,
                provider,
            } => vec![
                ("found", json!(found)),
                ("expected", json!(expected)),
                ("provider", json!(provider.name())),
            ],
            Cause::SecretWhitespace {
                secret,
                place,
                side,
            } => vec![
                ("secret", json!(secret)),
                ("where", json!(place.name())),
                ("side", json!(side.name())),
            ],
            Cause::SecretWrongKind { secret, kind } => {
                let mut d = vec![("secret", json!(secret)), ("kind", json!(kind.name()))];
                if let WrongKind::PrivateKey { public, verifies } = kind {
                    d.push(("verification_key", json!(public)));
                    d.push(("derived_key_verifies", json!(verifies)));
                }
                d
            }
            Cause::TimestampSkew {
                age_seconds,
                tolerance,
                window,
            } => {
                let mut d = vec![
                    ("age_seconds", json!(age_seconds)),
                    ("tolerance", json!(tolerance)),
                    (
                        "direction",
                        json!(if *age_seconds < 0 { "future" } else { "past" }),
                    ),
                ];
                if let Some(window) = window {
                    d.push(("provider_window", json!(window)));
                }
                d
            }
            Cause::BodyMutated {
                mutation,
                detail,
                confidence,
                diff,
                ruled_out,
            } => {
                let mut d = vec![
                    ("mutation", json!(mutation.name())),
                    ("detail", json!(detail)),
                    ("confidence", json!(confidence.name())),
                ];
                if let Some(diff) = diff {
                    d.push(("offset", json!(diff.offset)));
                    d.push(("received_excerpt", json!(diff.received_excerpt)));
                    d.push(("original_excerpt", json!(diff.original_excerpt)));
                }
                if !ruled_out.is_empty() {
                    d.push(("ruled_out", json!(ruled_out)));
                }
                d
            }
        }
    }

    /// `{"id": …, …details, "message": <advice>}`.
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        map.insert("id".into(), json!(self.id()));
        for (name, value) in self.details() {
            map.insert(name.into(), value);
        }
        map.insert("message".into(), json!(self.to_string()));
        Value::Object(map)
    }
}

fn header_list(headers: &[&str]) -> String {
    match headers {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cause::MissingHeader { headers } if headers.len() > 1 => write!(
                f,
                "The request carries no signature header ({}): check that your proxy forwards \
                 headers unchanged, or pass --provider.",
                header_list(headers)
            ),
            Cause::MissingHeader { headers } => write!(
                f,
                "The request has no {} header: check that your proxy or framework forwards it \
                 unchanged.",
                header_list(headers)
            ),
            Cause::MalformedHeader {
                header,
                would_verify_if_fixed,
                ..
            } => {
                write!(
                    f,
                    "The {header} header is malformed: pass it through exactly as the provider sent it"
                )?;
                if *would_verify_if_fixed {
                    f.write_str(" (the signature in it is correct).")
                } else {
                    f.write_str(".")
                }
            }
            Cause::WrongProvider {
                expected,
                found,
                from_body: true,
                ..
            } => write!(
                f,
                "The body is a {} event, but the request carries a {} signature ({}) and no {} \
                 header: the sender signed it the way {} does, which {0}'s libraries reject; \
                 sign {0} events with {3} (or verify with --provider {}).",
                expected.spec().display,
                found.spec().display,
                found.signature_header(),
                expected.signature_header(),
                found.spec().display,
                found.name()
            ),
            Cause::WrongProvider {
                expected, found, ..
            } => write!(
                f,
                "The request carries a {found} signature ({}), not a {expected} one: verify it \
                 with --provider {found}.",
                found.signature_header()
            ),
            Cause::NoSecret { provider } => write!(
                f,
                "No secret to verify with: pass --secret or set {}.",
                provider.secret_env_vars()[0]
            ),
            Cause::UrlUnknown { provider } => write!(
                f,
                "{} signs the URL it calls, and hookcli does not know it: pass --url with the \
                 URL configured at {0}.",
                provider.spec().display
            ),
            Cause::Unverifiable { reason } => write!(
                f,
                "The signed message cannot be rebuilt from this request ({reason}): check that \
                 the request reaches you as the provider sent it."
            ),
            Cause::UrlMismatch {
                signed: Some(url),
                detail,
                ..
            } => write!(
                f,
                "The provider signed {detail}: verify with the URL exactly as the provider \
                 calls it ({url}); behind a proxy, rebuild it from X-Forwarded-Proto and \
                 X-Forwarded-Host, or pass --url."
            ),
            Cause::UrlMismatch { given, .. } => write!(
                f,
                "The provider signs the URL it calls, and {given} may not be it: verify with \
                 the URL configured at the provider (pass --url), not one rebuilt behind a \
                 proxy or tunnel."
            ),
            Cause::BodyHashMismatch { detail } => write!(
                f,
                "The signature holds for the URL, but {detail}: the body was changed after \
                 the provider sent it; verify the raw bytes received."
            ),
            Cause::WrongSecret {
                provider,
                matched_secret: Some(label),
                verifying_secret,
                ..
            } => write!(
                f,
                "The request was signed with the secret from {label}, not {verifying_secret}: \
                 verify with that secret ({}).",
                provider.scheme().secret_advice().scope
            ),
            Cause::WrongSecret {
                provider,
                confidence,
                ..
            } => write!(
                f,
                "No secret given reproduces the signature, so the sender {} with a \
                 different one: {}.",
                if *confidence == Confidence::Possible {
                    "may sign"
                } else {
                    "probably signs"
                },
                provider.scheme().secret_advice().copy
            ),
            Cause::WrongKey {
                matched_key: Some(_),
                verifying_key,
                local_test_key: true,
                ..
            } => write!(
                f,
                "The request was signed with hookcli's local test key, not by the owner of the \
                 key from {verifying_key}: requests hookcli signs verify with the key `hookcli \
                 keys` prints; configure that one for local tests, and the provider's for real \
                 deliveries."
            ),
            Cause::WrongKey {
                matched_key: Some(label),
                verifying_key,
                ..
            } => write!(
                f,
                "The request verifies with the key from {label}, not the one from \
                 {verifying_key}: it was signed by another account or webhook (each has its own \
                 key pair); verify with that key."
            ),
            Cause::WrongKey { confidence, .. } => write!(
                f,
                "No verification key given verifies the signature, so the request {} signed \
                 with another account's or webhook's private key: copy the verification key of \
                 this exact webhook from the provider's settings.",
                if *confidence == Confidence::Possible {
                    "may have been"
                } else {
                    "was probably"
                }
            ),
            Cause::SignatureAlgorithm {
                found,
                expected,
                provider,
            } => write!(
                f,
                "The signature has the size of an {found}, not of an {expected} signature: the \
                 sender signs with a shared secret, but {} signs with {expected} and its private \
                 key; sign test requests with a private key (hookcli sign and send do).",
                provider.spec().display
            ),
            Cause::SecretWhitespace {
                secret,
                place,
                side: Side::Verifier,
            } => write!(
                f,
                "The secret from {secret} has {} whitespace (a newline from a file or `echo`?): \
                 trim it.",
                place.name()
            ),
            Cause::SecretWhitespace {
                side: Side::Signer, ..
            } => f.write_str(
                "The sender signed with the secret plus trailing whitespace: trim the secret \
                 where the webhook is signed.",
            ),
            Cause::SecretWrongKind { secret, kind } => match kind {
                WrongKind::Misuse(m) => write!(f, "The secret from {secret} {}.", m.advice),
                WrongKind::Mixup(m) => f.write_str(m.advice),
                WrongKind::Unusable { reason, .. } => write!(
                    f,
                    "The secret from {secret} {reason}: copy it exactly from the provider."
                ),
                WrongKind::PrivateKey {
                    public,
                    verifies: true,
                } => write!(
                    f,
                    "The key from {secret} is a private key, and a verifier holds the public \
                     one: its verification key {public} verifies the request; configure that, and \
                     keep the private key with the signer."
                ),
                WrongKind::PrivateKey { public, .. } => write!(
                    f,
                    "The key from {secret} is a private key, and a verifier holds the public \
                     one (for this key, {public}, which does not verify the request either): \
                     configure the provider's verification key."
                ),
                WrongKind::Empty => write!(
                    f,
                    "The secret from {secret} is empty: set the signing secret."
                ),
            },
            Cause::TimestampSkew {
                age_seconds,
                tolerance,
                window,
            } if *age_seconds < 0 => {
                write!(
                    f,
                    "The timestamp is {} in the future (tolerance {tolerance} s): sync the \
                     sender's and this machine's clocks (NTP).",
                    span(age_seconds.unsigned_abs())
                )?;
                window.map_or(Ok(()), |w| write!(f, " {w}"))
            }
            Cause::TimestampSkew {
                age_seconds,
                tolerance,
                window,
            } => {
                write!(
                    f,
                    "The timestamp is {} old (tolerance {tolerance} s): this is a \
                     replay or a delayed delivery; re-send a fresh event, and check the clock.",
                    span(age_seconds.unsigned_abs())
                )?;
                window.map_or(Ok(()), |w| write!(f, " {w}"))
            }
            Cause::BodyMutated {
                mutation, detail, ..
            } => {
                let fix = match mutation {
                    Mutation::ReserializedJson => {
                        "verify the raw request bytes before any JSON parsing (express.raw(), \
                         request.get_data(), …)"
                    }
                    Mutation::TrailingNewline | Mutation::LineEndings => {
                        "verify the exact bytes received, read in binary mode"
                    }
                    Mutation::Bom => "verify the exact bytes received; do not add or strip a BOM",
                    Mutation::Base64 => "base64-decode the body before verifying",
                    Mutation::Charset => {
                        "verify the raw bytes, not text decoded with another charset"
                    }
                    Mutation::FormReencoded => {
                        "verify the raw request body before any form parsing (express.raw(), \
                         request.get_data(), Slack's own request verifier, …)"
                    }
                    Mutation::Framing => {
                        "verify the raw request bytes as received; do not split or join the \
                         events, or add or remove the CRLF between them"
                    }
                    Mutation::Unknown => {
                        "verify the raw request bytes as received, before any parsing or re-encoding"
                    }
                };
                let mut detail = detail.clone();
                if let Some(first) = detail.get(..1) {
                    let upper = first.to_ascii_uppercase();
                    detail.replace_range(..1, &upper);
                }
                write!(f, "{detail}: {fix}.")
            }
        }
    }
}

/// `42 s`, or for longer spans `about 3 years (96157783 s)`: a person reads
/// the first, a script can still find the exact number.
fn span(seconds: u64) -> String {
    const UNITS: [(u64, &str); 5] = [
        (365 * 86_400, "year"),
        (30 * 86_400, "month"),
        (86_400, "day"),
        (3_600, "hour"),
        (60, "minute"),
    ];
    if seconds < 120 {
        return format!("{seconds} s");
    }
    let (size, unit) = UNITS
        .iter()
        .copied()
        .find(|(size, _)| seconds >= *size)
        .unwrap_or((60, "minute"));
    let n = (seconds + size / 2) / size;
    format!(
        "about {n} {unit}{} ({seconds} s)",
        if n == 1 { "" } else { "s" }
    )
}

#[cfg(test)]
mod span_tests {
    #[test]
    fn long_spans_read_as_people_say_them() {
        assert_eq!(super::span(42), "42 s");
        assert_eq!(super::span(3600), "about 1 hour (3600 s)");
        assert_eq!(super::span(96_157_783), "about 3 years (96157783 s)");
        assert_eq!(super::span(400), "about 7 minutes (400 s)");
    }
}

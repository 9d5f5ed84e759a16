//! Plain verification, as the provider's own library does it: the keys are
//! prepared once (a listener's at start-up), then each request costs its
//! parse, one message layout in a reused buffer and one check per key.

use super::claims::{HeaderProblem, MessageError, Parts, Tail};
use super::crypto::VerifyKey;
use super::sign::Scratch;
use super::{KeyError, Provider};
use crate::secret::Secret;

/// A verifier's secrets, each with the key its scheme makes of it.
#[derive(Debug, Clone, Default)]
pub struct Keyring {
    secrets: Vec<Secret>,
    keys: Vec<Result<VerifyKey, KeyError>>,
}

impl Keyring {
    pub fn new(provider: Provider, secrets: Vec<Secret>) -> Keyring {
        let keys = secrets
            .iter()
            .map(|s| provider.scheme().verify_key(s.expose()))
            .collect();
        Keyring { secrets, keys }
    }

    pub fn secrets(&self) -> &[Secret] {
        &self.secrets
    }

    pub fn is_empty(&self) -> bool {
        self.secrets.is_empty()
    }
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
    /// The signature holds, but the body is not the one it vouches for
    /// (Twilio's `bodySHA256` differs).
    BodyChanged {
        secret_index: usize,
    },
    NoMatch,
    Header(HeaderProblem),
    /// The signed message cannot be built (a URL-signing scheme with no URL).
    Message(MessageError),
}

impl Verdict {
    pub fn is_valid(&self) -> bool {
        matches!(self, Verdict::Valid { .. })
    }
}

/// Verifies a request with any of the keyring's keys, as the provider's
/// own library would, except that a timestamp more than `tolerance`
/// seconds in the future is rejected too (clock skew hides replay windows).
pub fn verify(
    provider: Provider,
    req: &Parts,
    keys: &Keyring,
    now: i64,
    tolerance: i64,
    scratch: &mut Scratch,
) -> Verdict {
    let scheme = provider.scheme();
    let claims = match scheme.parse(req) {
        Ok(c) => c,
        Err(problem) => return Verdict::Header(problem),
    };
    let material = claims.material(req, req.body);
    // The other layouts are only counted when the first does not verify.
    let mut variants = 1;
    let mut variant = 0;
    loop {
        let material = material.with_variant(variant);
        scratch.head.clear();
        let tail = match scheme.message(&material, &mut scratch.head) {
            Ok(tail) => tail,
            Err(e) => return Verdict::Message(e),
        };
        let body = (tail == Tail::Body).then_some(req.body);
        for (index, key) in keys.keys.iter().enumerate() {
            let Ok(key) = key else { continue };
            if !key.verify(
                &scratch.head,
                body,
                claims.of(key.algorithm()),
                &mut scratch.joined,
            ) {
                continue;
            }
            if !scheme.body_bound(&material) {
                return Verdict::BodyChanged {
                    secret_index: index,
                };
            }
            return match claims.timestamp {
                Some(t)
                    if provider.spec().signs_timestamp() && (now - t.seconds).abs() > tolerance =>
                {
                    Verdict::Stale {
                        secret_index: index,
                        age_seconds: now - t.seconds,
                    }
                }
                _ => Verdict::Valid {
                    secret_index: index,
                },
            };
        }
        variant += 1;
        if variant == 1 {
            variants = scheme.variants(&material);
        }
        if variant >= variants {
            return Verdict::NoMatch;
        }
    }
}

/// [`verify`] with keys made from `secrets` for this one call.
pub fn verify_secrets(
    provider: Provider,
    req: &Parts,
    secrets: &[Secret],
    now: i64,
    tolerance: i64,
) -> Verdict {
    let keys = Keyring::new(provider, secrets.to_vec());
    verify(
        provider,
        req,
        &keys,
        now,
        tolerance,
        &mut Scratch::default(),
    )
}

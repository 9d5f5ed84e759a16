//! The HMAC keys worth trying: each secret as given, and the ways it is
//! commonly mangled (whitespace, the other key derivation). Each key is
//! derived and HMAC-initialised once, with the signed prefix already fed in,
//! so trying a body costs one pass over the body. The state after the
//! received body (and just before its trailing newline) is kept per key, so
//! guesses that only change the end of the body cost next to nothing.

use super::cause::{Place, WrongKind};
use crate::provider::{Provider, Received, Scheme, signatures_equal};
use crate::secret::Secret;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::cell::OnceCell;

/// How a key was made from its secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tweak {
    AsGiven,
    /// The secret with its whitespace trimmed (the verifier's copy has it).
    Trimmed(Place),
    /// The secret with this appended (the signer's copy had it).
    Appended(&'static str),
    /// The other key derivation: `WrongKind` names the mix-up.
    Alt(WrongKind),
}

impl Tweak {
    /// Whether to try this key on every body variant, not only the body as
    /// received: the tweaks that concern the verifier's own configuration.
    pub fn with_variants(self) -> bool {
        matches!(self, Tweak::AsGiven | Tweak::Trimmed(_))
    }

    pub fn describe(self) -> &'static str {
        match self {
            Tweak::AsGiven => "as given",
            Tweak::Trimmed(_) => "trimmed",
            Tweak::Appended("\n") => "with a trailing \\n",
            Tweak::Appended("\r\n") => "with a trailing \\r\\n",
            Tweak::Appended(_) => "with a trailing space",
            Tweak::Alt(WrongKind::StandardSecretUsedRaw) => "base64-decoded after whsec_",
            Tweak::Alt(_) => "as raw bytes",
        }
    }
}

pub struct Key {
    /// Index into the secrets.
    pub secret: usize,
    pub tweak: Tweak,
    /// Keyed, with the signed prefix fed in.
    mac: Hmac<Sha256>,
    /// `mac` after `body[..cut]`, computed when first needed.
    at_cut: OnceCell<Hmac<Sha256>>,
}

pub struct Keys<'s> {
    scheme: &'static dyn Scheme,
    pub keys: Vec<Key>,
    /// Per secret: the index of its as-given key, or why it has none.
    pub as_given: Vec<Result<usize, String>>,
    received: &'s Received,
    body: &'s [u8],
    /// The received body's length without its trailing newline.
    cut: usize,
}

/// Longest tail (after `cut`) worth finishing from the saved state.
const SHORT_TAIL: usize = 8;

const SIGNER_WHITESPACE: [&str; 3] = ["\n", "\r\n", " "];

impl<'s> Keys<'s> {
    /// Every distinct key for `secrets`, likeliest first: each secret as
    /// given or trimmed (the verifying secret first), then whitespace the
    /// signer may have had, then the other derivation.
    pub fn new(
        scheme: &'static dyn Scheme,
        secrets: &[Secret],
        received: &'s Received,
        body: &'s [u8],
    ) -> Self {
        let mut candidates: Vec<(usize, Tweak, Vec<u8>)> = Vec::new();
        let mut as_given = Vec::with_capacity(secrets.len());
        for (i, secret) in secrets.iter().enumerate() {
            let value = secret.expose();
            match scheme.key(value) {
                Ok(key) => {
                    as_given.push(Ok(candidates.len()));
                    candidates.push((i, Tweak::AsGiven, key));
                }
                Err(e) => as_given.push(Err(e.0)),
            }
            if let Some(place) = Place::of(value)
                && let Ok(key) = scheme.key(value.trim())
            {
                candidates.push((i, Tweak::Trimmed(place), key));
            }
        }
        for (i, secret) in secrets.iter().enumerate() {
            for suffix in SIGNER_WHITESPACE {
                if let Ok(key) = scheme.key(&format!("{}{suffix}", secret.expose())) {
                    candidates.push((i, Tweak::Appended(suffix), key));
                }
            }
        }
        for (i, secret) in secrets.iter().enumerate() {
            if let Some((kind, key)) = alternate_key(scheme.provider(), secret.expose()) {
                candidates.push((i, Tweak::Alt(kind), key));
            }
        }

        let prefix = scheme.signed_prefix(received.timestamp, received.id.as_deref());
        let mut keys: Vec<Key> = Vec::with_capacity(candidates.len());
        let mut seen: Vec<Vec<u8>> = Vec::with_capacity(candidates.len());
        for (secret, tweak, key) in candidates {
            if let Some(earlier) = seen.iter().position(|k| *k == key) {
                // Same bytes as an earlier key: point this secret's as-given
                // slot at it so its expected signature can still be shown.
                if tweak == Tweak::AsGiven {
                    as_given[secret] = Ok(earlier);
                }
                continue;
            }
            if tweak == Tweak::AsGiven {
                as_given[secret] = Ok(keys.len());
            }
            let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&key)
                .expect("HMAC takes keys of any length");
            mac.update(prefix.as_bytes());
            seen.push(key);
            keys.push(Key {
                secret,
                tweak,
                mac,
                at_cut: OnceCell::new(),
            });
        }
        let newline = if body.ends_with(b"\r\n") {
            2
        } else {
            usize::from(body.ends_with(b"\n"))
        };
        Keys {
            scheme,
            keys,
            as_given,
            received,
            body,
            cut: body.len() - newline,
        }
    }

    /// The signature key `k` gives `bytes`, in header form.
    pub fn sign(&self, k: usize, bytes: &[u8]) -> String {
        let key = &self.keys[k];
        let cut = self.cut;
        let shares_head = bytes.len() >= cut
            && bytes.len() - cut <= SHORT_TAIL
            && bytes[..cut] == self.body[..cut];
        let mac = if shares_head {
            let mut mac = key
                .at_cut
                .get_or_init(|| {
                    let mut mac = key.mac.clone();
                    mac.update(&self.body[..cut]);
                    mac
                })
                .clone();
            mac.update(&bytes[cut..]);
            mac
        } else {
            let mut mac = key.mac.clone();
            mac.update(bytes);
            mac
        };
        self.scheme.encode(&mac.finalize().into_bytes())
    }

    /// Whether `signature` is one of the received ones (constant time).
    pub fn is_received(&self, signature: &str) -> bool {
        self.received
            .signatures
            .iter()
            .fold(false, |hit, s| hit | signatures_equal(signature, s))
    }

    /// The first key, among those `filter` admits, that reproduces a
    /// received signature over `body`.
    pub fn find(&self, body: &[u8], filter: impl Fn(&Key) -> bool) -> Option<usize> {
        (0..self.keys.len())
            .find(|&k| filter(&self.keys[k]) && self.is_received(&self.sign(k, body)))
    }
}

/// The key the other family of schemes would derive from `value`.
fn alternate_key(provider: Provider, value: &str) -> Option<(WrongKind, Vec<u8>)> {
    match provider {
        Provider::Stripe if value.starts_with("whsec_") => Provider::Standard
            .scheme()
            .key(value)
            .ok()
            .map(|k| (WrongKind::StandardSecretUsedRaw, k)),
        Provider::Standard => Provider::Stripe
            .scheme()
            .key(value)
            .ok()
            .map(|k| (WrongKind::RawSecretUsedAsStandard, k)),
        _ => None,
    }
}

//! The keys worth trying: each secret as given, and the ways it is commonly
//! mangled (whitespace, another scheme's key derivation). Each key is
//! prepared once; a MAC key has the signed message's head already fed in,
//! so trying a body costs one pass over the body, and the state after the
//! received body (just before its trailing newline) is kept per key, so
//! guesses that only change the end of the body cost next to nothing.
//! Public keys cannot absorb a head: they verify the whole message. For a
//! key pair, a private key given where the verification key belongs is
//! tried as the public key it derives.

use super::cause::Place;
use crate::provider::{
    Algorithm, Claims, KeyError, Material, MessageError, Mixup, Parts, Provider, Tail, VerifyKey,
    keypair,
};
use crate::secret::Secret;
use std::cell::{Cell, OnceCell, RefCell};

/// How a key was made from its secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tweak {
    AsGiven,
    /// The secret with its whitespace trimmed (the verifier's copy has it).
    Trimmed(Place),
    /// The secret with this appended (the signer's copy had it).
    Appended(&'static str),
    /// Another scheme's key derivation.
    Mixup(&'static Mixup),
    /// The public key of a private key given as the verification key.
    Derived,
}

impl Tweak {
    /// Whether to try this key on every body variant, not only the body as
    /// received: the tweaks that concern the verifier's own configuration.
    pub fn with_variants(self) -> bool {
        matches!(self, Tweak::AsGiven | Tweak::Trimmed(_) | Tweak::Derived)
    }

    pub fn describe(self) -> &'static str {
        match self {
            Tweak::AsGiven => "as given",
            Tweak::Trimmed(_) => "trimmed",
            Tweak::Appended("\n") => "with a trailing \\n",
            Tweak::Appended("\r\n") => "with a trailing \\r\\n",
            Tweak::Appended(_) => "with a trailing space",
            Tweak::Mixup(m) => m.tried_as,
            Tweak::Derived => "as the public key of the private key given",
        }
    }
}

pub struct Key {
    /// Index into the secrets.
    pub secret: usize,
    pub tweak: Tweak,
    key: VerifyKey,
    /// A MAC key with the received message's head fed in.
    after_head: Option<VerifyKey>,
    /// `after_head` after `body[..cut]`, computed when first needed.
    at_cut: OnceCell<Option<VerifyKey>>,
}

pub struct Keys<'c, 'r> {
    pub provider: Provider,
    claims: &'c Claims<'r>,
    parts: Parts<'c>,
    pub keys: Vec<Key>,
    /// Per secret: the index of its as-given key, or why it has none.
    pub as_given: Vec<Result<usize, KeyError>>,
    /// Per secret that is a private key where a verification key belongs:
    /// the verification key it derives, as text.
    pub derived: Vec<Option<String>>,
    /// The head of the message over the received body, and what follows it.
    head: Vec<u8>,
    tail: Tail,
    /// The received body's length without its trailing newline.
    cut: usize,
    scratch: RefCell<(Vec<u8>, Vec<u8>)>,
    unbound: Cell<bool>,
}

/// Longest tail (after `cut`) worth finishing from the saved state.
const SHORT_TAIL: usize = 8;

const SIGNER_WHITESPACE: [&str; 3] = ["\n", "\r\n", " "];

/// A key and what it is judged the same as another by: a MAC key's bytes,
/// a public key's DER (whichever text form it was given in).
fn prepare(provider: Provider, text: &str) -> Result<(Vec<u8>, VerifyKey), KeyError> {
    let scheme = provider.scheme();
    // The key's own algorithm: a scheme may take both kinds (Standard
    // Webhooks' whsec_ secrets and whpk_ public keys).
    let key = scheme.verify_key(text)?;
    let algorithm = key.algorithm();
    if algorithm.is_symmetric() {
        let bytes = scheme.key_bytes(text)?;
        let key = VerifyKey::hmac(algorithm, &bytes);
        Ok((bytes, key))
    } else {
        Ok((keypair::public_der(&key).unwrap_or_default(), key))
    }
}

/// The verification key of a private key given where a verification key
/// belongs (`error` says it is one).
fn derive(provider: Provider, text: &str, error: &KeyError) -> Option<(Vec<u8>, VerifyKey)> {
    if error.kind != "private_key" {
        return None;
    }
    let key = provider.scheme().sign_key(text).ok()?.verify_key();
    Some((keypair::public_der(&key)?, key))
}

/// The distinct keys for a provider's secrets, likeliest first, made once:
/// a listener makes them at start-up, so a failed request's diagnosis only
/// feeds each key the message's head.
#[derive(Clone)]
pub struct Candidates {
    provider: Provider,
    secrets: Vec<Secret>,
    keys: Vec<(usize, Tweak, VerifyKey)>,
    as_given: Vec<Result<usize, KeyError>>,
    derived: Vec<Option<String>>,
}

impl std::fmt::Debug for Candidates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Candidates({}, {} keys)", self.provider, self.keys.len())
    }
}

impl Candidates {
    /// Every distinct key for `secrets`: each secret as given or trimmed
    /// (the verifying secret first), then whitespace the signer may have
    /// had, then the other derivations.
    pub fn new(provider: Provider, secrets: &[Secret]) -> Candidates {
        let mut candidates: Vec<(usize, Tweak, Vec<u8>, VerifyKey)> = Vec::new();
        let mut as_given = Vec::with_capacity(secrets.len());
        let mut derived = vec![None; secrets.len()];
        for (i, secret) in secrets.iter().enumerate() {
            let value = secret.expose();
            match prepare(provider, value) {
                Ok((id, key)) => {
                    as_given.push(Ok(candidates.len()));
                    candidates.push((i, Tweak::AsGiven, id, key));
                }
                Err(e) => {
                    if let Some((id, key)) = derive(provider, value, &e) {
                        derived[i] = provider.scheme().public_key_text(&key);
                        candidates.push((i, Tweak::Derived, id, key));
                    }
                    as_given.push(Err(e));
                }
            }
            if let Some(place) = Place::of(value)
                && let Ok((id, key)) = prepare(provider, value.trim())
            {
                candidates.push((i, Tweak::Trimmed(place), id, key));
            }
        }
        for (i, secret) in secrets.iter().enumerate() {
            for suffix in SIGNER_WHITESPACE {
                if let Ok((id, key)) = prepare(provider, &format!("{}{suffix}", secret.expose())) {
                    candidates.push((i, Tweak::Appended(suffix), id, key));
                }
            }
        }
        // A mix-up is always a MAC key: for a key pair, the HMAC a sender
        // made with the key text instead of signing.
        let algorithm = match provider.spec().algorithm {
            a if a.is_symmetric() => a,
            _ => Algorithm::HmacSha256,
        };
        for (i, secret) in secrets.iter().enumerate() {
            for mixup in provider.scheme().mixups() {
                if let Some(bytes) = (mixup.key)(secret.expose()) {
                    let key = VerifyKey::hmac(algorithm, &bytes);
                    candidates.push((i, Tweak::Mixup(mixup), bytes, key));
                }
            }
        }
        let mut keys = Vec::with_capacity(candidates.len());
        let mut seen: Vec<Vec<u8>> = Vec::with_capacity(candidates.len());
        for (secret, tweak, id, key) in candidates {
            if let Some(earlier) = seen.iter().position(|k| *k == id) {
                // Same key as an earlier one: point this secret's as-given
                // slot at it so its expected signature can still be shown.
                if tweak == Tweak::AsGiven {
                    as_given[secret] = Ok(earlier);
                }
                continue;
            }
            if tweak == Tweak::AsGiven {
                as_given[secret] = Ok(keys.len());
            }
            seen.push(id);
            keys.push((secret, tweak, key));
        }
        Candidates {
            provider,
            secrets: secrets.to_vec(),
            keys,
            as_given,
            derived,
        }
    }

    /// Whether these are the keys of `secrets`, in that order, for `provider`.
    pub fn are_for(&self, provider: Provider, secrets: &[Secret]) -> bool {
        self.provider == provider && self.secrets == secrets
    }
}

impl<'c, 'r> Keys<'c, 'r> {
    /// The keys of `candidates`, each with the head of the message over
    /// the received body fed in.
    pub fn new(
        candidates: &Candidates,
        claims: &'c Claims<'r>,
        parts: Parts<'c>,
    ) -> Result<Self, MessageError> {
        let provider = candidates.provider;
        let mut head = Vec::new();
        let tail = provider
            .scheme()
            .message(&claims.material(&parts, parts.body), &mut head)?;
        let keys = candidates
            .keys
            .iter()
            .map(|(secret, tweak, key)| Key {
                secret: *secret,
                tweak: *tweak,
                after_head: key.absorbed(&head),
                key: key.clone(),
                at_cut: OnceCell::new(),
            })
            .collect();
        let as_given = candidates.as_given.clone();
        let derived = candidates.derived.clone();
        let body = parts.body;
        let newline = if body.ends_with(b"\r\n") {
            2
        } else {
            usize::from(body.ends_with(b"\n"))
        };
        Ok(Keys {
            provider,
            claims,
            parts,
            keys,
            as_given,
            derived,
            head,
            tail,
            cut: body.len() - newline,
            scratch: RefCell::new((Vec::new(), Vec::new())),
            unbound: Cell::new(false),
        })
    }

    /// The MAC key `k` after the head and `bytes`, taking the saved state
    /// when `bytes` only changes the end of the received body.
    fn mac_after(&self, key: &Key, bytes: &[u8]) -> Option<VerifyKey> {
        let after_head = key.after_head.as_ref()?;
        let cut = self.cut;
        let body = self.parts.body;
        let shares_head =
            bytes.len() >= cut && bytes.len() - cut <= SHORT_TAIL && bytes[..cut] == body[..cut];
        if shares_head {
            let at_cut = key
                .at_cut
                .get_or_init(|| after_head.absorbed(&body[..cut]))
                .as_ref()?;
            at_cut.absorbed(&bytes[cut..])
        } else {
            after_head.absorbed(bytes)
        }
    }

    /// Whether key `k` verifies a received signature over `bytes`, with
    /// `head` the message head for that body, and the scheme's own check of
    /// the body holds (else `unbound` is set: the signature alone held).
    fn verifies_with(&self, k: usize, head: &[u8], tail: Tail, m: &Material) -> bool {
        let key = &self.keys[k];
        let bytes = m.body;
        let algorithm = key.key.algorithm();
        let signatures = || self.claims.of(algorithm);
        let signed = if tail == Tail::Body
            && head == self.head.as_slice()
            && let Some(state) = self.mac_after(key, bytes)
        {
            let mac = state.into_mac().expect("a MAC key");
            signatures().fold(false, |hit, sig| {
                hit | constant_time_eq::constant_time_eq(mac.as_slice(), sig)
            })
        } else {
            let body = (tail == Tail::Body).then_some(bytes);
            key.key
                .verify(head, body, signatures(), &mut self.scratch.borrow_mut().1)
        };
        if signed && !self.provider.scheme().body_bound(m) {
            self.unbound.set(true);
            return false;
        }
        signed
    }

    /// The head of the message over `bytes` at `url`, laid out as the
    /// verifier's `variant`, into the scratch buffer.
    fn head_for(&self, m: &Material) -> Option<(Vec<u8>, Tail)> {
        let mut head = std::mem::take(&mut self.scratch.borrow_mut().0);
        head.clear();
        let tail = self.provider.scheme().message(m, &mut head).ok()?;
        Some((head, tail))
    }

    fn material<'m>(&'m self, url: Option<&'m str>, bytes: &'m [u8]) -> Material<'m> {
        self.claims.material(&self.parts, bytes).with_url(url)
    }

    /// The signature key `k` gives `bytes`, in header form: symmetric keys
    /// only (a public key cannot sign).
    pub fn expected(&self, k: usize, bytes: &[u8]) -> Option<String> {
        let key = &self.keys[k];
        let (head, tail) = self.head_for(&self.material(self.parts.url, bytes))?;
        let mac = if tail == Tail::Body && head == self.head {
            self.mac_after(key, bytes)?.into_mac()
        } else {
            key.key.mac(&head, (tail == Tail::Body).then_some(bytes))
        };
        self.scratch.borrow_mut().0 = head;
        Some(self.provider.spec().encoding.to_text(mac?.as_slice()))
    }

    /// The fingerprint of key `k` when it is a public key (the one
    /// `hookcli keys` shows), whatever text it was given as.
    pub fn public_fingerprint(&self, k: usize) -> Option<String> {
        keypair::fingerprint(&self.keys[k].key)
    }

    /// Whether key `k` verifies a received signature over `bytes`.
    pub fn verifies(&self, k: usize, bytes: &[u8]) -> bool {
        self.find_at(self.parts.url, bytes, |key| {
            std::ptr::eq(key, &self.keys[k])
        })
        .is_some()
    }

    /// The first key, among those `filter` admits, that verifies a
    /// received signature over `body`.
    pub fn find(&self, body: &[u8], filter: impl Fn(&Key) -> bool) -> Option<usize> {
        self.find_at(self.parts.url, body, filter)
    }

    /// [`find`](Self::find), with the message signed at `url` instead of
    /// the request's URL, in any layout the verifier accepts.
    pub fn find_at(
        &self,
        url: Option<&str>,
        body: &[u8],
        filter: impl Fn(&Key) -> bool,
    ) -> Option<usize> {
        let base = self.material(url, body);
        // The other layouts are only counted when the first does not verify.
        let mut variants = 1;
        let mut variant = 0;
        loop {
            let m = base.with_variant(variant);
            let (head, tail) = self.head_for(&m)?;
            let hit = (0..self.keys.len())
                .find(|&k| filter(&self.keys[k]) && self.verifies_with(k, &head, tail, &m));
            self.scratch.borrow_mut().0 = head;
            if hit.is_some() {
                return hit;
            }
            variant += 1;
            if variant == 1 {
                variants = self.provider.scheme().variants(&base);
            }
            if variant >= variants {
                return None;
            }
        }
    }

    /// Whether some key verified the signature alone while the scheme's
    /// own check of the body failed (Twilio's `bodySHA256`).
    pub fn signature_held_without_body(&self) -> bool {
        self.unbound.get()
    }

    /// The first bytes of the signed message over the received body, and its length.
    pub fn message_head(&self, limit: usize) -> (Vec<u8>, usize) {
        let body = self.parts.body;
        let mut shown = self.head.clone();
        if self.tail == Tail::Body {
            shown.extend_from_slice(&body[..body.len().min(limit.saturating_sub(self.head.len()))]);
        }
        shown.truncate(limit);
        let len = self.head.len()
            + if self.tail == Tail::Body {
                body.len()
            } else {
                0
            };
        (shown, len)
    }
}

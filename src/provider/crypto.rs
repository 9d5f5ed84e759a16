//! Signature algorithms apart from what they sign: keys prepared once, a
//! message given as a head and an optional body (so a MAC can absorb the
//! head once and try many bodies), signatures as decoded bytes compared in
//! constant time. No allocation on the verify path but the join an
//! Ed25519 check needs, into a caller's reused buffer.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use hmac::{Hmac, KeyInit, Mac};
use p256::ecdsa::signature::hazmat::PrehashSigner;
#[cfg(test)]
use p256::ecdsa::signature::hazmat::PrehashVerifier;
use sha1::Sha1;
use sha2::{Digest, Sha256};

/// The algorithms providers sign with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Algorithm {
    HmacSha256,
    HmacSha1,
    Ed25519,
    EcdsaP256,
    /// Not a signature: a shared secret token sent as is (GitLab's
    /// `X-Gitlab-Token`). Compared as SHA-256 digests in constant time, so
    /// neither the token's bytes nor its length show in the time taken.
    Token,
}

impl Algorithm {
    /// Whether the verifier holds the same key as the signer (so the
    /// expected signature can be shown).
    pub fn is_symmetric(self) -> bool {
        matches!(
            self,
            Algorithm::HmacSha256 | Algorithm::HmacSha1 | Algorithm::Token
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            Algorithm::HmacSha256 => "HMAC-SHA256",
            Algorithm::HmacSha1 => "HMAC-SHA1",
            Algorithm::Ed25519 => "Ed25519",
            Algorithm::EcdsaP256 => "ECDSA P-256",
            Algorithm::Token => "shared token",
        }
    }
}

/// Longest signature any algorithm here makes: a DER ECDSA P-256 signature.
pub const MAX_SIG: usize = 72;

/// How a signature is written in its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Hex digits (either case is read; lowercase is written).
    Hex,
    /// Standard base64 with padding, read strictly.
    Base64,
    /// A shared token (see [`Algorithm::Token`]): read as the SHA-256 of
    /// its text, shown only as `token fp:` and its fingerprint (the first
    /// 4 bytes in hex, as `Secret::fingerprint` shows secrets).
    Token,
}

impl Encoding {
    /// Decodes `text` into `out`, returning the length; `None` when it is
    /// not this encoding or too long to be a signature.
    pub fn decode(self, text: &str, out: &mut [u8; MAX_SIG]) -> Option<usize> {
        match self {
            Encoding::Hex => {
                let len = text.len() / 2;
                if !text.len().is_multiple_of(2) || len > MAX_SIG {
                    return None;
                }
                hex::decode_to_slice(text, &mut out[..len]).ok()?;
                Some(len)
            }
            Encoding::Base64 => {
                if text.len() > MAX_SIG.div_ceil(3) * 4 {
                    return None;
                }
                B64.decode_slice(text, &mut out[..]).ok()
            }
            Encoding::Token => {
                out[..32].copy_from_slice(&Sha256::digest(text.as_bytes()));
                Some(32)
            }
        }
    }

    /// `bytes` in this encoding, written into `out`.
    pub fn encode<'o>(self, bytes: &[u8], out: &'o mut [u8; 2 * MAX_SIG]) -> &'o str {
        let len = match self {
            Encoding::Hex => {
                let len = bytes.len() * 2;
                hex::encode_to_slice(bytes, &mut out[..len]).expect("two digits per byte fit");
                len
            }
            Encoding::Base64 => B64
                .encode_slice(bytes, &mut out[..])
                .expect("a signature's base64 fits"),
            Encoding::Token => {
                const PREFIX: &[u8] = b"token fp:";
                out[..PREFIX.len()].copy_from_slice(PREFIX);
                let shown = &bytes[..bytes.len().min(4)];
                let len = PREFIX.len() + shown.len() * 2;
                hex::encode_to_slice(shown, &mut out[PREFIX.len()..len])
                    .expect("two digits per byte fit");
                len
            }
        };
        std::str::from_utf8(&out[..len]).expect("hex and base64 are ASCII")
    }

    /// `bytes` in this encoding, as a String (for reports, not hot paths).
    pub fn to_text(self, bytes: &[u8]) -> String {
        let mut buf = [0u8; 2 * MAX_SIG];
        self.encode(bytes, &mut buf).to_string()
    }
}

/// A signature's bytes, on the stack.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct SigBytes {
    bytes: [u8; MAX_SIG],
    len: u8,
}

impl SigBytes {
    pub fn new(bytes: &[u8]) -> SigBytes {
        let mut out = SigBytes {
            bytes: [0; MAX_SIG],
            len: bytes.len() as u8,
        };
        out.bytes[..bytes.len()].copy_from_slice(bytes);
        out
    }

    pub fn as_slice(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

impl std::fmt::Debug for SigBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SigBytes({})", hex::encode(self.as_slice()))
    }
}

/// A key a verifier holds, prepared once.
#[derive(Clone)]
pub enum VerifyKey {
    HmacSha256(Hmac<Sha256>),
    HmacSha1(Hmac<Sha1>),
    Ed25519(ed25519_dalek::VerifyingKey),
    EcdsaP256(p256::ecdsa::VerifyingKey),
    /// The SHA-256 of a shared token.
    Token([u8; 32]),
}

impl std::fmt::Debug for VerifyKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "VerifyKey({})", self.algorithm().name())
    }
}

impl VerifyKey {
    /// A MAC key for a symmetric algorithm (for a token, its digest).
    pub fn hmac(algorithm: Algorithm, key: &[u8]) -> VerifyKey {
        match algorithm {
            Algorithm::Token => VerifyKey::Token(Sha256::digest(key).into()),
            Algorithm::HmacSha1 => VerifyKey::HmacSha1(
                <Hmac<Sha1> as KeyInit>::new_from_slice(key)
                    .expect("HMAC takes keys of any length"),
            ),
            _ => VerifyKey::HmacSha256(
                <Hmac<Sha256> as KeyInit>::new_from_slice(key)
                    .expect("HMAC takes keys of any length"),
            ),
        }
    }

    pub fn algorithm(&self) -> Algorithm {
        match self {
            VerifyKey::HmacSha256(_) => Algorithm::HmacSha256,
            VerifyKey::HmacSha1(_) => Algorithm::HmacSha1,
            VerifyKey::Ed25519(_) => Algorithm::Ed25519,
            VerifyKey::EcdsaP256(_) => Algorithm::EcdsaP256,
            VerifyKey::Token(_) => Algorithm::Token,
        }
    }

    /// This key with `bytes` already fed in, for a MAC; `None` for a
    /// public key, which cannot absorb part of a message.
    pub fn absorbed(&self, bytes: &[u8]) -> Option<VerifyKey> {
        let mut key = self.clone();
        match &mut key {
            VerifyKey::HmacSha256(mac) => mac.update(bytes),
            VerifyKey::HmacSha1(mac) => mac.update(bytes),
            // A token covers no message: nothing to absorb.
            VerifyKey::Ed25519(_) | VerifyKey::EcdsaP256(_) | VerifyKey::Token(_) => return None,
        }
        Some(key)
    }

    /// The MAC of `head ++ body`; `None` for a public key.
    pub fn mac(&self, head: &[u8], body: Option<&[u8]>) -> Option<SigBytes> {
        let tail = body.unwrap_or_default();
        match self {
            VerifyKey::HmacSha256(mac) => {
                let mut mac = mac.clone();
                mac.update(head);
                mac.update(tail);
                Some(SigBytes::new(&mac.finalize().into_bytes()))
            }
            VerifyKey::HmacSha1(mac) => {
                let mut mac = mac.clone();
                mac.update(head);
                mac.update(tail);
                Some(SigBytes::new(&mac.finalize().into_bytes()))
            }
            // What a token "signs" is itself, whatever the message.
            VerifyKey::Token(digest) => Some(SigBytes::new(digest)),
            VerifyKey::Ed25519(_) | VerifyKey::EcdsaP256(_) => None,
        }
    }

    /// The MAC of what this key has absorbed; `None` for a public key.
    pub fn into_mac(self) -> Option<SigBytes> {
        match self {
            VerifyKey::HmacSha256(mac) => Some(SigBytes::new(&mac.finalize().into_bytes())),
            VerifyKey::HmacSha1(mac) => Some(SigBytes::new(&mac.finalize().into_bytes())),
            VerifyKey::Token(digest) => Some(SigBytes::new(&digest)),
            VerifyKey::Ed25519(_) | VerifyKey::EcdsaP256(_) => None,
        }
    }

    /// Whether any of `signatures` made with this key's algorithm holds
    /// for `head ++ body`. A MAC is compared with every candidate, so the
    /// time taken does not say which matched. `joined` is scratch space for
    /// the algorithms that need the message in one piece.
    pub fn verify<'s>(
        &self,
        head: &[u8],
        body: Option<&[u8]>,
        signatures: impl IntoIterator<Item = &'s [u8]>,
        joined: &mut Vec<u8>,
    ) -> bool {
        match self {
            VerifyKey::HmacSha256(_) | VerifyKey::HmacSha1(_) | VerifyKey::Token(_) => {
                let mac = self.mac(head, body).expect("a MAC key");
                signatures.into_iter().fold(false, |hit, sig| {
                    hit | constant_time_eq::constant_time_eq(mac.as_slice(), sig)
                })
            }
            VerifyKey::Ed25519(key) => {
                let message = whole(head, body, joined);
                signatures.into_iter().any(|sig| {
                    ed25519_dalek::Signature::from_slice(sig)
                        .is_ok_and(|sig| key.verify_strict(message, &sig).is_ok())
                })
            }
            VerifyKey::EcdsaP256(key) => {
                let point = key.to_sec1_point(false);
                let public = ring::signature::UnparsedPublicKey::new(
                    &ring::signature::ECDSA_P256_SHA256_ASN1,
                    point.as_bytes(),
                );
                let message = whole(head, body, joined);
                signatures
                    .into_iter()
                    .any(|sig| public.verify(message, sig).is_ok())
            }
        }
    }
}

/// The ECDSA P-256 verdict by RustCrypto's `p256`, the reference the
/// faster `ring` verification above is held to.
#[cfg(test)]
fn p256_verifies(key: &p256::ecdsa::VerifyingKey, message: &[u8], sig: &[u8]) -> bool {
    let digest = sha256_of(message, None);
    p256::ecdsa::DerSignature::from_bytes(sig)
        .ok()
        .and_then(|der| p256::ecdsa::Signature::try_from(der).ok())
        .is_some_and(|sig| key.verify_prehash(&digest, &sig).is_ok())
}

fn whole<'b>(head: &'b [u8], body: Option<&[u8]>, joined: &'b mut Vec<u8>) -> &'b [u8] {
    match body {
        None => head,
        Some(body) => {
            joined.clear();
            joined.extend_from_slice(head);
            joined.extend_from_slice(body);
            joined
        }
    }
}

fn sha256_of(head: &[u8], body: Option<&[u8]>) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(head);
    hash.update(body.unwrap_or_default());
    hash.finalize().into()
}

/// A key a signer holds, prepared once.
#[derive(Clone)]
pub enum SignKey {
    /// Symmetric: the signer holds the verifier's key.
    Mac(VerifyKey),
    Ed25519(ed25519_dalek::SigningKey),
    /// Signs deterministically (RFC 6979), so fixtures are byte-identical.
    EcdsaP256(p256::ecdsa::SigningKey),
    /// A shared token: the sender sends the token itself.
    Token(String),
}

impl std::fmt::Debug for SignKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SignKey({})", self.algorithm().name())
    }
}

impl SignKey {
    pub fn algorithm(&self) -> Algorithm {
        match self {
            SignKey::Mac(key) => key.algorithm(),
            SignKey::Ed25519(_) => Algorithm::Ed25519,
            SignKey::EcdsaP256(_) => Algorithm::EcdsaP256,
            SignKey::Token(_) => Algorithm::Token,
        }
    }

    /// The token a sender puts in its header as is, for a token scheme.
    pub fn token(&self) -> Option<&str> {
        match self {
            SignKey::Token(token) => Some(token),
            _ => None,
        }
    }

    /// The signature of `head ++ body`.
    pub fn sign(&self, head: &[u8], body: Option<&[u8]>, joined: &mut Vec<u8>) -> SigBytes {
        match self {
            SignKey::Mac(key) => key.mac(head, body).expect("a MAC key"),
            SignKey::Ed25519(key) => {
                use ed25519_dalek::Signer as _;
                SigBytes::new(&key.sign(whole(head, body, joined)).to_bytes())
            }
            SignKey::EcdsaP256(key) => {
                let digest = sha256_of(head, body);
                let sig: p256::ecdsa::Signature = key
                    .sign_prehash(&digest)
                    .expect("a 32-byte digest is a valid prehash");
                SigBytes::new(sig.to_der().as_bytes())
            }
            SignKey::Token(token) => SigBytes::new(&Sha256::digest(token.as_bytes())),
        }
    }

    /// The key that verifies what this one signs.
    pub fn verify_key(&self) -> VerifyKey {
        match self {
            SignKey::Mac(key) => key.clone(),
            SignKey::Ed25519(key) => VerifyKey::Ed25519(key.verifying_key()),
            SignKey::EcdsaP256(key) => VerifyKey::EcdsaP256(*key.verifying_key()),
            SignKey::Token(token) => VerifyKey::hmac(Algorithm::Token, token.as_bytes()),
        }
    }
}

/// HMAC-SHA256 over the concatenation of `parts` (for tests and known answers).
pub fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length");
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn hmac_sha1_matches_rfc2202_case_2() {
        // RFC 2202 test case 2.
        let key = VerifyKey::hmac(Algorithm::HmacSha1, b"Jefe");
        let mac = key.mac(b"what do ya want ", Some(b"for nothing?")).unwrap();
        assert_eq!(
            hex::encode(mac.as_slice()),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"
        );
    }

    #[test]
    fn encodings_round_trip() {
        let bytes: Vec<u8> = (0..MAX_SIG as u8).collect();
        for encoding in [Encoding::Hex, Encoding::Base64] {
            let text = encoding.to_text(&bytes);
            let mut out = [0u8; MAX_SIG];
            let len = encoding.decode(&text, &mut out).unwrap();
            assert_eq!(&out[..len], &bytes[..]);
        }
        assert_eq!(Encoding::Hex.to_text(&[0xab]), "ab");
        let mut out = [0u8; MAX_SIG];
        assert_eq!(Encoding::Hex.decode("AB", &mut out), Some(1));
        assert_eq!(Encoding::Hex.decode("abc", &mut out), None);
        assert_eq!(Encoding::Base64.decode("not base64!", &mut out), None);
    }

    #[test]
    fn ring_and_p256_agree_on_every_ecdsa_verdict() {
        // Valid signatures, signatures of other messages and keys, every
        // byte of a signature flipped, truncations, high-s and junk.
        let mut joined = Vec::new();
        for seed in 1..=4u8 {
            let key = p256::ecdsa::SigningKey::from_slice(&[seed; 32]).unwrap();
            let other = p256::ecdsa::SigningKey::from_slice(&[seed + 100; 32]).unwrap();
            let verify = VerifyKey::EcdsaP256(*key.verifying_key());
            let VerifyKey::EcdsaP256(public) = &verify else {
                unreachable!()
            };
            let message = format!("1700000000[{{\"n\":{seed}}}]\r\n").into_bytes();
            let sign = |k: &p256::ecdsa::SigningKey, m: &[u8]| {
                SignKey::EcdsaP256(k.clone()).sign(m, None, &mut Vec::new())
            };
            let good = sign(&key, &message);
            let (r, s) = p256::ecdsa::Signature::from_der(good.as_slice())
                .unwrap()
                .split_scalars();
            let high_s = p256::ecdsa::Signature::from_scalars(*r, -*s).unwrap();
            let mut cases: Vec<Vec<u8>> = vec![
                good.as_slice().to_vec(),
                sign(&key, b"another message").as_slice().to_vec(),
                sign(&other, &message).as_slice().to_vec(),
                high_s.to_der().as_bytes().to_vec(),
                Vec::new(),
                vec![0x30, 0x00],
            ];
            for i in 0..good.as_slice().len() {
                let mut flipped = good.as_slice().to_vec();
                flipped[i] ^= 0x01;
                cases.push(flipped);
                cases.push(good.as_slice()[..i].to_vec());
            }
            for sig in &cases {
                assert_eq!(
                    verify.verify(&message, None, [sig.as_slice()], &mut joined),
                    p256_verifies(public, &message, sig),
                    "{}",
                    hex::encode(sig)
                );
            }
            assert!(verify.verify(&message, None, [good.as_slice()], &mut joined));
        }
    }

    #[test]
    fn every_algorithm_verifies_what_it_signs_and_only_that() {
        let keys = [
            SignKey::Mac(VerifyKey::hmac(Algorithm::HmacSha256, b"k")),
            SignKey::Mac(VerifyKey::hmac(Algorithm::HmacSha1, b"k")),
            SignKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(&[7; 32])),
            SignKey::EcdsaP256(p256::ecdsa::SigningKey::from_slice(&[7; 32]).unwrap()),
        ];
        let mut joined = Vec::new();
        for key in keys {
            let sig = key.sign(b"head.", Some(b"body"), &mut joined);
            let verify = key.verify_key();
            assert!(
                verify.verify(b"head.", Some(b"body"), [sig.as_slice()], &mut joined),
                "{:?}",
                key.algorithm()
            );
            assert!(verify.verify(b"head.body", None, [sig.as_slice()], &mut joined));
            assert!(!verify.verify(b"head.", Some(b"bodY"), [sig.as_slice()], &mut joined));
            assert!(!verify.verify(b"head.", Some(b"body"), [&b"junk"[..]], &mut joined));
            // Deterministic: fixtures stay byte-identical.
            assert_eq!(sig, key.sign(b"head.", Some(b"body"), &mut joined));
        }
    }
}

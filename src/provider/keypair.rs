//! Key pairs: the signer holds a private key, the verifier only the public
//! one. Reading keys from the text people paste (base64 SPKI as SendGrid's
//! settings page shows it, PEM blocks, PKCS#8), telling a private key from
//! a public one and both from other credentials, writing the verification
//! key an app is configured with, and naming a public key by a fingerprint
//! that does not depend on how it was written. Pure; used by every scheme
//! whose algorithm is not symmetric (the [`Spec`](super::Spec)'s algorithm
//! chooses, never the provider's name).

use super::KeyError;
use super::crypto::{Algorithm, SignKey, VerifyKey};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use p256::pkcs8::der::Decode;
use p256::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding, ObjectIdentifier};
use std::borrow::Cow;

/// The label of hookcli's own local test key, wherever it is a candidate.
pub const LOCAL_KEY_LABEL: &str = "hookcli local test key";

/// Who holds which key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// Signer and verifier hold the same secret (HMAC).
    Shared,
    /// The signer holds a private key, the verifier its public key.
    Pair,
}

impl Algorithm {
    pub fn key_kind(self) -> KeyKind {
        if self.is_symmetric() {
            KeyKind::Shared
        } else {
            KeyKind::Pair
        }
    }

    /// Stable id, for file names and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Algorithm::HmacSha256 => "hmac-sha256",
            Algorithm::HmacSha1 => "hmac-sha1",
            Algorithm::Ed25519 => "ed25519",
            Algorithm::EcdsaP256 => "ecdsa-p256",
            Algorithm::Token => "token",
        }
    }
}

const ID_EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const PRIME256V1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const ID_ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");

/// Base64 as people paste it: padding optional.
const B64_LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// What a key text holds, judged by its form.
enum Read {
    Public(VerifyKey),
    Private(SignKey),
    /// A key of another algorithm, named.
    OtherAlgorithm(&'static str),
    /// A PEM block that holds no key (its label).
    OtherPem(String),
    Unreadable,
}

/// A PEM block's label and DER contents, read leniently: any line layout,
/// CRLF or LF, the base64 on one line or many (the form SendGrid's Python
/// helper makes by wrapping the settings page's key in two lines).
fn pem(text: &str) -> Option<(String, Option<Vec<u8>>)> {
    let start = text.find("-----BEGIN ")?;
    let rest = &text[start + "-----BEGIN ".len()..];
    let (label, rest) = rest.split_once("-----")?;
    let end = rest.find("-----END ")?;
    let body: String = rest[..end].chars().filter(|c| !c.is_whitespace()).collect();
    Some((label.trim().to_string(), B64_LENIENT.decode(body).ok()))
}

/// The bytes a non-PEM text encodes: base64 (whitespace ignored) or hex.
fn raw_bytes(text: &str) -> Option<Vec<u8>> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return None;
    }
    if compact.len().is_multiple_of(2) && compact.bytes().all(|b| b.is_ascii_hexdigit()) {
        return hex::decode(&compact).ok();
    }
    B64_LENIENT.decode(&compact).ok()
}

fn algorithm_named(oid: ObjectIdentifier, params: Option<ObjectIdentifier>) -> &'static str {
    match oid {
        ID_EC_PUBLIC_KEY if params == Some(PRIME256V1) => "an ECDSA P-256",
        ID_EC_PUBLIC_KEY => "an elliptic-curve key on another curve than P-256, an ECDSA",
        ID_ED25519 => "an Ed25519",
        RSA_ENCRYPTION => "an RSA",
        _ => "an unknown kind of",
    }
}

/// A DER SubjectPublicKeyInfo, if `der` is one.
fn read_spki(algorithm: Algorithm, der: &[u8]) -> Option<Read> {
    let spki = p256::pkcs8::SubjectPublicKeyInfoRef::from_der(der).ok()?;
    let oid = spki.algorithm.oid;
    let params = spki
        .algorithm
        .parameters
        .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
    Some(match (algorithm, oid) {
        (Algorithm::EcdsaP256, ID_EC_PUBLIC_KEY) if params == Some(PRIME256V1) => {
            match p256::ecdsa::VerifyingKey::try_from(spki) {
                Ok(key) => Read::Public(VerifyKey::EcdsaP256(key)),
                Err(_) => Read::Unreadable,
            }
        }
        (Algorithm::Ed25519, ID_ED25519) => match ed25519_dalek::VerifyingKey::try_from(spki) {
            Ok(key) => Read::Public(VerifyKey::Ed25519(key)),
            Err(_) => Read::Unreadable,
        },
        _ => Read::OtherAlgorithm(algorithm_named(oid, params)),
    })
}

/// A DER PKCS#8 PrivateKeyInfo, if `der` is one.
fn read_pkcs8(algorithm: Algorithm, der: &[u8]) -> Option<Read> {
    let info = p256::pkcs8::PrivateKeyInfoRef::from_der(der).ok()?;
    let oid = info.algorithm.oid;
    let params = info
        .algorithm
        .parameters
        .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
    Some(match (algorithm, oid) {
        (Algorithm::EcdsaP256, ID_EC_PUBLIC_KEY) if params == Some(PRIME256V1) => {
            match p256::ecdsa::SigningKey::try_from(info) {
                Ok(key) => Read::Private(SignKey::EcdsaP256(key)),
                Err(_) => Read::Unreadable,
            }
        }
        (Algorithm::Ed25519, ID_ED25519) => match ed25519_dalek::SigningKey::try_from(info) {
            Ok(key) => Read::Private(SignKey::Ed25519(key)),
            Err(_) => Read::Unreadable,
        },
        _ => Read::OtherAlgorithm(algorithm_named(oid, params)),
    })
}

/// A SEC1 `EC PRIVATE KEY` (what `openssl ecparam -genkey` writes).
fn read_sec1(algorithm: Algorithm, der: &[u8]) -> Option<Read> {
    let key = p256::SecretKey::from_sec1_der(der).ok()?;
    Some(match algorithm {
        Algorithm::EcdsaP256 => Read::Private(SignKey::EcdsaP256(key.into())),
        _ => Read::OtherAlgorithm("an ECDSA P-256"),
    })
}

/// Raw key bytes with no structure: a public point or a private scalar.
fn read_raw(algorithm: Algorithm, bytes: &[u8]) -> Read {
    match (algorithm, bytes.len()) {
        (Algorithm::EcdsaP256, 33 | 65) => p256::ecdsa::VerifyingKey::from_sec1_bytes(bytes)
            .map_or(Read::Unreadable, |k| Read::Public(VerifyKey::EcdsaP256(k))),
        (Algorithm::EcdsaP256, 32) => p256::ecdsa::SigningKey::from_slice(bytes)
            .map_or(Read::Unreadable, |k| Read::Private(SignKey::EcdsaP256(k))),
        // Ed25519's public key and private seed are both 32 bytes; the
        // schemes that use raw keys (Discord) publish the public one.
        (Algorithm::Ed25519, 32) => {
            ed25519_dalek::VerifyingKey::from_bytes(bytes.try_into().expect("32 bytes"))
                .map_or(Read::Unreadable, |k| Read::Public(VerifyKey::Ed25519(k)))
        }
        (Algorithm::Ed25519, 64) => {
            ed25519_dalek::SigningKey::from_keypair_bytes(bytes.try_into().expect("64 bytes"))
                .map_or(Read::Unreadable, |k| Read::Private(SignKey::Ed25519(k)))
        }
        _ => Read::Unreadable,
    }
}

fn read(algorithm: Algorithm, text: &str) -> Read {
    if let Some((label, der)) = pem(text) {
        let Some(der) = der else {
            return match label.as_str() {
                "PUBLIC KEY" | "PRIVATE KEY" | "EC PRIVATE KEY" => Read::Unreadable,
                _ => Read::OtherPem(label),
            };
        };
        let read = match label.as_str() {
            "PUBLIC KEY" => read_spki(algorithm, &der),
            "PRIVATE KEY" => read_pkcs8(algorithm, &der),
            "EC PRIVATE KEY" => read_sec1(algorithm, &der),
            "RSA PRIVATE KEY" | "RSA PUBLIC KEY" => Some(Read::OtherAlgorithm("an RSA")),
            _ => None,
        };
        return read.unwrap_or(Read::OtherPem(label));
    }
    let Some(der) = raw_bytes(text) else {
        return Read::Unreadable;
    };
    read_spki(algorithm, &der)
        .or_else(|| read_pkcs8(algorithm, &der))
        .or_else(|| read_sec1(algorithm, &der))
        .unwrap_or_else(|| read_raw(algorithm, &der))
}

fn error(kind: &'static str, reason: impl Into<Cow<'static, str>>, hint: &'static str) -> KeyError {
    KeyError {
        kind,
        reason: reason.into(),
        hint,
    }
}

const PUBLIC_HINT: &str = "pass the verification key: base64 SPKI as the provider shows it \
                           (MFkw… for P-256), or a PEM PUBLIC KEY block";
const PRIVATE_HINT: &str = "omit --secret to sign with hookcli's local test key (`hookcli keys` \
                            prints its verification key), or pass a PKCS#8 PEM private key";

/// The verification key in `text`, for `algorithm`.
pub fn read_public(algorithm: Algorithm, text: &str) -> Result<VerifyKey, KeyError> {
    if text.trim().is_empty() {
        return Err(KeyError::empty());
    }
    match read(algorithm, text) {
        Read::Public(key) => Ok(key),
        Read::Private(key) => Err(error(
            "private_key",
            format!(
                "is a private key, not the verification key; its verification key is {}",
                public_text(&key.verify_key()).unwrap_or_default()
            ),
            "give the verifier the public key, never the private one",
        )),
        Read::OtherAlgorithm(what) => Err(error(
            "wrong_algorithm",
            format!("is {what} key, not {} one", article(algorithm)),
            PUBLIC_HINT,
        )),
        Read::OtherPem(label) => Err(error(
            "not_a_key",
            format!("is a PEM block labelled {label}, not a public key"),
            PUBLIC_HINT,
        )),
        Read::Unreadable => Err(error(
            "not_a_key",
            format!("is not {} public key", article(algorithm)),
            PUBLIC_HINT,
        )),
    }
}

/// The signing key in `text`, for `algorithm`.
pub fn read_private(algorithm: Algorithm, text: &str) -> Result<SignKey, KeyError> {
    if text.trim().is_empty() {
        return Err(KeyError::empty());
    }
    match read(algorithm, text) {
        Read::Private(key) => Ok(key),
        Read::Public(_) => Err(error(
            "public_key",
            "is a verification (public) key, and signing needs the private key",
            PRIVATE_HINT,
        )),
        Read::OtherAlgorithm(what) => Err(error(
            "wrong_algorithm",
            format!("is {what} key, not {} one", article(algorithm)),
            PRIVATE_HINT,
        )),
        Read::OtherPem(label) => Err(error(
            "not_a_key",
            format!("is a PEM block labelled {label}, not a private key"),
            PRIVATE_HINT,
        )),
        Read::Unreadable => Err(error(
            "not_a_key",
            format!("is not {} private key", article(algorithm)),
            PRIVATE_HINT,
        )),
    }
}

fn article(algorithm: Algorithm) -> &'static str {
    match algorithm {
        Algorithm::Ed25519 => "an Ed25519",
        Algorithm::EcdsaP256 => "an ECDSA P-256",
        Algorithm::HmacSha256 | Algorithm::HmacSha1 | Algorithm::Token => "a",
    }
}

/// The DER SubjectPublicKeyInfo of a public key; `None` for a MAC key.
pub fn public_der(key: &VerifyKey) -> Option<Vec<u8>> {
    let doc = match key {
        VerifyKey::EcdsaP256(k) => k.to_public_key_der().ok()?,
        VerifyKey::Ed25519(k) => k.to_public_key_der().ok()?,
        VerifyKey::HmacSha256(_) | VerifyKey::HmacSha1(_) | VerifyKey::Token(_) => return None,
    };
    Some(doc.as_bytes().to_vec())
}

/// A public key as an app is configured with it: base64 of its DER
/// SubjectPublicKeyInfo, the form SendGrid's settings page shows.
pub fn public_text(key: &VerifyKey) -> Option<String> {
    public_der(key).map(|der| B64.encode(der))
}

/// The same key as a PEM `PUBLIC KEY` block.
pub fn public_pem(key: &VerifyKey) -> Option<String> {
    let text = public_text(key)?;
    let mut out = String::from("-----BEGIN PUBLIC KEY-----\n");
    for line in text.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).expect("base64 is ASCII"));
        out.push('\n');
    }
    out.push_str("-----END PUBLIC KEY-----\n");
    Some(out)
}

/// A public key's fingerprint: that of its base64 SPKI text (so the key a
/// provider shows and the same key in PEM have one fingerprint, and it is
/// the one a secret holding that text shows).
pub fn fingerprint(key: &VerifyKey) -> Option<String> {
    let text = public_text(key)?;
    Some(crate::secret::Secret::new(text, "").fingerprint())
}

/// A private key as a PKCS#8 PEM block, for hookcli's own key file.
pub fn private_pem(key: &SignKey) -> Option<String> {
    let doc = match key {
        SignKey::EcdsaP256(k) => k.to_pkcs8_pem(LineEnding::LF).ok()?,
        SignKey::Ed25519(k) => k.to_pkcs8_pem(LineEnding::LF).ok()?,
        SignKey::Mac(_) | SignKey::Token(_) => return None,
    };
    Some(doc.to_string())
}

/// A new private key for `algorithm` from 32 random bytes (`None` for a
/// symmetric algorithm, or bytes that are not a valid scalar, which a
/// caller retries: the chance is below 2^-32).
pub fn from_random(algorithm: Algorithm, bytes: &[u8; 32]) -> Option<SignKey> {
    match algorithm {
        Algorithm::EcdsaP256 => p256::ecdsa::SigningKey::from_slice(bytes)
            .ok()
            .map(SignKey::EcdsaP256),
        Algorithm::Ed25519 => Some(SignKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(
            bytes,
        ))),
        Algorithm::HmacSha256 | Algorithm::HmacSha1 | Algorithm::Token => None,
    }
}

/// For tests that run every scheme: the secret a signer and a verifier
/// hold, `shared` for a shared-secret algorithm, else a fixed key pair's
/// private PEM and verification key.
#[cfg(test)]
pub(crate) fn test_secrets(algorithm: Algorithm, shared: &str) -> (String, String) {
    match algorithm.key_kind() {
        KeyKind::Shared => (shared.to_string(), shared.to_string()),
        KeyKind::Pair => {
            let key = from_random(algorithm, &[42; 32]).expect("a valid scalar");
            (
                private_pem(&key).expect("a key pair"),
                public_text(&key.verify_key()).expect("a key pair"),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SendGrid's published test key (sendgrid-nodejs eventwebhook.spec.js, MIT).
    const SENDGRID_KEY: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";

    fn pair() -> SignKey {
        from_random(Algorithm::EcdsaP256, &[7; 32]).unwrap()
    }

    #[test]
    fn reads_the_settings_page_form_and_pem_alike() {
        let key = read_public(Algorithm::EcdsaP256, SENDGRID_KEY).unwrap();
        assert_eq!(public_text(&key).unwrap(), SENDGRID_KEY);
        // The Python helper's two-line wrapping, a 64-column PEM, padding dropped.
        let wrapped =
            format!("-----BEGIN PUBLIC KEY-----\n{SENDGRID_KEY}\n-----END PUBLIC KEY-----");
        let pem = public_pem(&key).unwrap();
        for text in [
            wrapped.as_str(),
            pem.as_str(),
            SENDGRID_KEY.trim_end_matches('='),
            &format!(" {SENDGRID_KEY}\n"),
        ] {
            let again = read_public(Algorithm::EcdsaP256, text).unwrap();
            assert_eq!(fingerprint(&again), fingerprint(&key), "{text}");
        }
    }

    #[test]
    fn private_and_public_keys_are_told_apart() {
        let private = pair();
        let pem = private_pem(&private).unwrap();
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"));
        let back = read_private(Algorithm::EcdsaP256, &pem).unwrap();
        assert_eq!(
            public_text(&back.verify_key()),
            public_text(&private.verify_key())
        );
        let e = read_public(Algorithm::EcdsaP256, &pem).unwrap_err();
        assert_eq!(e.kind, "private_key");
        let public = public_text(&private.verify_key()).unwrap();
        assert!(e.reason.contains(&public), "{}", e.reason);
        assert_eq!(
            read_private(Algorithm::EcdsaP256, &public)
                .unwrap_err()
                .kind,
            "public_key"
        );
        // SEC1, as `openssl ecparam -genkey` writes it.
        let SignKey::EcdsaP256(k) = &private else {
            unreachable!()
        };
        let sec1 = p256::SecretKey::from(k)
            .to_sec1_pem(LineEnding::LF)
            .unwrap();
        assert!(read_private(Algorithm::EcdsaP256, &sec1).is_ok());
    }

    #[test]
    fn other_things_are_named() {
        let cases = [
            ("", "empty"),
            ("SG.abc.def", "not_a_key"),
            (
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
                "not_a_key",
            ),
            (
                "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=",
                "wrong_algorithm",
            ),
            ("bm90IGEga2V5", "not_a_key"),
        ];
        for (text, kind) in cases {
            assert_eq!(
                read_public(Algorithm::EcdsaP256, text).unwrap_err().kind,
                kind,
                "{text}"
            );
        }
        let e = read_public(
            Algorithm::EcdsaP256,
            "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=",
        )
        .unwrap_err();
        assert!(e.reason.contains("Ed25519"), "{}", e.reason);
    }

    #[test]
    fn ed25519_keys_read_the_same_way() {
        let private = from_random(Algorithm::Ed25519, &[9; 32]).unwrap();
        let public = public_text(&private.verify_key()).unwrap();
        let key = read_public(Algorithm::Ed25519, &public).unwrap();
        assert_eq!(fingerprint(&key), fingerprint(&private.verify_key()));
        let pem = private_pem(&private).unwrap();
        assert!(read_private(Algorithm::Ed25519, &pem).is_ok());
        // Discord publishes the raw 32-byte public key in hex.
        let VerifyKey::Ed25519(k) = key else {
            unreachable!()
        };
        assert!(read_public(Algorithm::Ed25519, &hex::encode(k.as_bytes())).is_ok());
    }
}

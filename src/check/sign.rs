//! The audit's use of the provider API, in one place: signing an event with
//! a secret or with raw key bytes (forgeries signed with an empty key), and
//! reading the signature back out of the headers.

use crate::fixtures::Event;
use crate::provider::{
    self, Algorithm, Material, Parts, Provider, SignInput, Stamp, Tail, VerifyKey,
};
use crate::request::Headers;
use crate::secret::Secret;

/// What the provider signs of `event`, delivered to `url`.
fn input<'a>(event: &'a Event, url: &'a str) -> SignInput<'a> {
    SignInput {
        body: &event.body,
        timestamp: event.timestamp,
        id: &event.event_id,
        event_type: &event.event_type,
        url: Some(url),
    }
}

/// Every header the provider would send with `event`, signed with `secret`.
pub fn with_secret(event: &Event, secret: &Secret, url: &str) -> Result<Headers, String> {
    provider::sign(event.provider, secret, &input(event, url)).map_err(|e| e.to_string())
}

/// The headers, signed with raw MAC key bytes (which may be empty). For a
/// key-pair scheme (Discord) this is an HMAC-SHA256 where an Ed25519
/// signature belongs: a forgery its verifier must reject like any other;
/// for a token scheme (GitLab), the bytes are the token sent.
pub fn with_key(event: &Event, key: &[u8], url: &str) -> Headers {
    let p = event.provider;
    let scheme = p.scheme();
    let digits = event.timestamp.to_string();
    let material = Material {
        timestamp: Some(Stamp {
            seconds: event.timestamp,
            text: &digits,
        }),
        id: Some(&event.event_id),
        url: Some(url),
        body: &event.body,
        variant: 0,
    };
    let mut head = Vec::new();
    let mut headers = Headers::new();
    let Ok(tail) = scheme.message(&material, &mut head) else {
        return headers;
    };
    let body = (tail == Tail::Body).then_some(&event.body[..]);
    // A token scheme sends the key itself (an unset secret sends "").
    let text = if p.spec().algorithm == Algorithm::Token {
        String::from_utf8_lossy(key).into_owned()
    } else {
        let Some(mac) = VerifyKey::hmac(p.spec().algorithm, key).mac(&head, body) else {
            return headers;
        };
        p.spec().encoding.to_text(mac.as_slice())
    };
    scheme.write_headers(&text, &input(event, url), &mut headers);
    headers
}

/// The MAC key bytes `secret` gives for `provider`.
pub fn key(provider: Provider, secret: &Secret) -> Result<Vec<u8>, String> {
    provider
        .scheme()
        .key_bytes(secret.expose())
        .map_err(|e| e.to_string())
}

/// The signature header's name.
pub fn header_name(provider: Provider) -> &'static str {
    provider.signature_header()
}

/// The first signature `headers` carry, in wire form.
pub fn signature(provider: Provider, headers: &Headers) -> Option<String> {
    let parts = Parts {
        method: "POST",
        url: None,
        headers,
        body: b"",
    };
    let claims = provider.scheme().parse(&parts).ok()?;
    claims.signatures.first().map(|s| s.text.to_string())
}

/// Whether the provider signs a timestamp.
pub fn has_timestamp(provider: Provider) -> bool {
    provider.spec().signs_timestamp()
}

/// Whether the provider's signer and verifier hold different keys.
pub fn is_pair(provider: Provider) -> bool {
    !provider.spec().algorithm.is_symmetric()
}

/// The verification key of a key-pair signing secret, as apps hold it
/// (public: anyone can read it); `None` for a shared secret.
pub fn public_text(provider: Provider, secret: &Secret) -> Option<String> {
    let key = provider.scheme().sign_key(secret.expose()).ok()?;
    provider::keypair::public_text(&key.verify_key())
}

/// HMAC-SHA1 in lowercase hex (GitHub's legacy `X-Hub-Signature`).
pub fn hmac_sha1_hex(key: &[u8], body: &[u8]) -> String {
    let mac = VerifyKey::hmac(Algorithm::HmacSha1, key)
        .mac(body, None)
        .expect("an HMAC key always MACs");
    hex::encode(mac.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha1_known_answer() {
        // RFC 2202 test case 2: key "Jefe", data "what do ya want for nothing?".
        assert_eq!(
            hmac_sha1_hex(b"Jefe", b"what do ya want for nothing?"),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"
        );
    }
}

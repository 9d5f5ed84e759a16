//! The audit's use of the provider API, in one place: signing an event with
//! a secret or with raw key bytes (forgeries signed with an empty key), and
//! reading the signature back out of the headers.

use crate::fixtures::Event;
use crate::provider::{self, Provider, SignInput};
use crate::request::Headers;
use crate::secret::Secret;
use hmac::{Hmac, KeyInit, Mac};

/// What the provider signs of `event`.
fn input(event: &Event) -> SignInput<'_> {
    SignInput {
        body: &event.body,
        timestamp: event.timestamp,
        id: &event.event_id,
        event_type: &event.event_type,
    }
}

/// Every header the provider would send with `event`, signed with `secret`.
pub fn with_secret(event: &Event, secret: &Secret) -> Result<Headers, String> {
    provider::sign(event.provider.scheme(), secret, &input(event)).map_err(|e| e.to_string())
}

/// The headers, signed with raw key bytes (which may be empty).
pub fn with_key(event: &Event, key: &[u8]) -> Headers {
    let scheme = event.provider.scheme();
    let signature = provider::compute(
        scheme,
        key,
        Some(event.timestamp),
        Some(&event.event_id),
        &event.body,
    );
    scheme.headers(&signature, &input(event))
}

/// The key bytes `secret` gives for `provider`.
pub fn key(provider: Provider, secret: &Secret) -> Result<Vec<u8>, String> {
    provider
        .scheme()
        .key(secret.expose())
        .map_err(|e| e.to_string())
}

/// The signature header's name.
pub fn header_name(provider: Provider) -> &'static str {
    provider.scheme().signature_header()
}

/// The first signature `headers` carry, in wire form.
pub fn signature(provider: Provider, headers: &Headers) -> Option<String> {
    provider
        .scheme()
        .parse(headers)
        .ok()?
        .signatures
        .into_iter()
        .next()
}

/// Whether the provider signs a timestamp.
pub fn has_timestamp(provider: Provider) -> bool {
    provider.scheme().has_timestamp()
}

/// HMAC-SHA1 in lowercase hex (GitHub's legacy `X-Hub-Signature`).
pub fn hmac_sha1_hex(key: &[u8], body: &[u8]) -> String {
    let mut mac =
        <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(body);
    provider::hex_lower(&mac.finalize().into_bytes())
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

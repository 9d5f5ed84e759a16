//! Signing a delivery: a key prepared once per run, then per delivery the
//! message laid out in a reused buffer, the signature made, and every
//! header the provider sends written into a sink (a `Headers`, or a load
//! worker's wire buffer) without building Strings on the way.

use super::claims::{Material, MessageError, Stamp, Tail};
use super::crypto::{MAX_SIG, SignKey};
use super::{KeyError, Provider};
use crate::request::Headers;
use crate::secret::Secret;

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
    /// The URL the delivery goes to, for schemes that sign it.
    pub url: Option<&'a str>,
}

/// Where a scheme writes the headers of a delivery. A value is given in
/// pieces, written one after the other.
pub trait HeaderSink {
    fn put(&mut self, name: &str, value: &[&str]);
}

impl HeaderSink for Headers {
    fn put(&mut self, name: &str, value: &[&str]) {
        self.push(name, value.concat());
    }
}

/// Header lines as HTTP/1.1 writes them (`Name: value\r\n`), appended to
/// a byte buffer: a load worker's wire buffer.
impl HeaderSink for Vec<u8> {
    fn put(&mut self, name: &str, value: &[&str]) {
        self.extend_from_slice(name.as_bytes());
        self.extend_from_slice(b": ");
        for piece in value {
            self.extend_from_slice(piece.as_bytes());
        }
        self.extend_from_slice(b"\r\n");
    }
}

/// Buffers one signer or verifier reuses from request to request.
#[derive(Debug, Default)]
pub struct Scratch {
    pub(super) head: Vec<u8>,
    pub(super) joined: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error(transparent)]
    Message(#[from] MessageError),
}

/// A secret made into its scheme's signing key once, for signing many
/// deliveries: each one then costs a pass over its own bytes.
#[derive(Clone)]
pub struct Signer {
    provider: Provider,
    key: SignKey,
}

impl Signer {
    pub fn new(provider: Provider, secret: &Secret) -> Result<Signer, KeyError> {
        let key = provider.scheme().sign_key(secret.expose())?;
        Ok(Signer { provider, key })
    }

    pub fn provider(&self) -> Provider {
        self.provider
    }

    /// Writes every header the provider would send with this delivery.
    /// Allocates nothing once `scratch` and the sink have grown.
    pub fn write(
        &self,
        input: &SignInput,
        scratch: &mut Scratch,
        out: &mut dyn HeaderSink,
    ) -> Result<(), MessageError> {
        let scheme = self.provider.scheme();
        let mut digits = itoa::Buffer::new();
        let material = Material {
            timestamp: Some(Stamp {
                seconds: input.timestamp,
                text: digits.format(input.timestamp),
            }),
            id: Some(input.id),
            url: input.url,
            body: input.body,
            variant: 0,
        };
        scratch.head.clear();
        let tail = scheme.message(&material, &mut scratch.head)?;
        let body = (tail == Tail::Body).then_some(input.body);
        let signature = self.key.sign(&scratch.head, body, &mut scratch.joined);
        let mut text = [0u8; 2 * MAX_SIG];
        // A token scheme sends the token itself.
        let text = match self.key.token() {
            Some(token) => token,
            None => self
                .provider
                .spec()
                .encoding
                .encode(signature.as_slice(), &mut text),
        };
        scheme.write_headers(text, input, out);
        Ok(())
    }

    /// The body with the signature written into it, for a provider that
    /// carries it there (Mailgun); `None` for the others.
    pub fn seal(&self, input: &SignInput) -> Result<Option<Vec<u8>>, MessageError> {
        let scheme = self.provider.scheme();
        let mut scratch = Scratch::default();
        let mut digits = itoa::Buffer::new();
        let material = Material {
            timestamp: Some(Stamp {
                seconds: input.timestamp,
                text: digits.format(input.timestamp),
            }),
            id: Some(input.id),
            url: input.url,
            body: input.body,
            variant: 0,
        };
        let tail = scheme.message(&material, &mut scratch.head)?;
        let body = (tail == Tail::Body).then_some(input.body);
        let signature = self.key.sign(&scratch.head, body, &mut scratch.joined);
        let mut text = [0u8; 2 * MAX_SIG];
        let text = self
            .provider
            .spec()
            .encoding
            .encode(signature.as_slice(), &mut text);
        Ok(scheme.seal(input.body, text, input))
    }

    /// Every header the provider would send with this delivery.
    pub fn sign(&self, input: &SignInput) -> Result<Headers, MessageError> {
        let mut headers = Headers::new();
        self.write(input, &mut Scratch::default(), &mut headers)?;
        Ok(headers)
    }
}

/// Signs one delivery: every header the provider would send.
pub fn sign(provider: Provider, secret: &Secret, input: &SignInput) -> Result<Headers, SignError> {
    Ok(Signer::new(provider, secret)?.sign(input)?)
}

//! What a request offers to be verified: its parts as borrowed bytes, the
//! signature material a scheme reads from them (timestamp, id, signatures,
//! decoded once, no Strings), and the inputs of a signed message.

use super::crypto::{Algorithm, Encoding, MAX_SIG};
use crate::request::Headers;
use smallvec::SmallVec;
use std::borrow::Cow;
use std::fmt;

/// The parts of a request a scheme may sign or read, all borrowed.
#[derive(Debug, Clone, Copy)]
pub struct Parts<'r> {
    pub method: &'r str,
    /// The URL the provider called (`--url`, else rebuilt from the request).
    pub url: Option<&'r str>,
    pub headers: &'r Headers,
    pub body: &'r [u8],
}

/// A timestamp as a number and as the text that carried it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp<'r> {
    /// Unix seconds.
    pub seconds: i64,
    /// The digits as sent (SendGrid signs these, not a reformatting).
    pub text: &'r str,
}

/// One signature from a request: its text as sent and its bytes.
#[derive(Clone, Copy)]
pub struct Sig<'r> {
    pub alg: Algorithm,
    /// As it stood in the header.
    pub text: &'r str,
    bytes: [u8; MAX_SIG],
    /// 0 when the text does not decode: such a signature never matches.
    len: u8,
}

impl<'r> Sig<'r> {
    pub fn new(alg: Algorithm, text: &'r str, encoding: Encoding) -> Sig<'r> {
        let mut bytes = [0u8; MAX_SIG];
        let len = encoding.decode(text, &mut bytes).unwrap_or(0);
        Sig {
            alg,
            text,
            bytes,
            len: len as u8,
        }
    }

    /// The decoded bytes; empty when the text was not in the encoding.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    /// The signature as it may be shown and recorded: the text as sent,
    /// except a shared token (a secret), which shows as its fingerprint.
    pub fn shown(&self) -> Cow<'r, str> {
        match self.alg {
            Algorithm::Token => Cow::Owned(Encoding::Token.to_text(self.bytes())),
            _ => Cow::Borrowed(self.text),
        }
    }

    /// Whether the signature tells one message from another, so that it
    /// can find the body hookcli signed; a shared token is the same on
    /// every delivery.
    pub fn identifies_message(&self) -> bool {
        self.alg != Algorithm::Token
    }
}

impl fmt::Debug for Sig<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sig({:?} {})", self.alg, self.shown())
    }
}

/// The signature material a request carries, as a scheme reads it.
#[derive(Debug, Clone, Default)]
pub struct Claims<'r> {
    pub timestamp: Option<Stamp<'r>>,
    /// Message or delivery id, when the scheme signs or reports one.
    pub id: Option<&'r str>,
    /// Signatures hookcli verifies, in header order.
    pub signatures: SmallVec<[Sig<'r>; 2]>,
    /// Entries of a scheme version hookcli does not verify (Stripe `v0`).
    pub other_versions: SmallVec<[&'r str; 2]>,
}

impl<'r> Claims<'r> {
    /// What this request's signature covers, with `body` as the body.
    pub fn material<'a>(&'a self, parts: &Parts<'a>, body: &'a [u8]) -> Material<'a> {
        Material {
            timestamp: self.timestamp,
            id: self.id,
            url: parts.url,
            body,
            variant: 0,
        }
    }

    /// The decoded signatures made with `alg`.
    pub fn of<'s>(&'s self, alg: Algorithm) -> impl Iterator<Item = &'s [u8]> + 's {
        self.signatures
            .iter()
            .filter(move |s| s.alg == alg)
            .map(Sig::bytes)
    }

    /// The signatures as they may be shown ([`Sig::shown`]).
    pub fn texts(&self) -> Vec<String> {
        self.signatures
            .iter()
            .map(|s| s.shown().into_owned())
            .collect()
    }

    /// The first signature, when it tells this message from others (the
    /// key to find the body hookcli signed by).
    pub fn message_key(&self) -> Option<String> {
        self.signatures
            .first()
            .filter(|s| s.identifies_message())
            .map(|s| s.text.to_string())
    }
}

/// The inputs of a signed message, however the scheme lays them out.
#[derive(Debug, Clone, Copy)]
pub struct Material<'a> {
    pub timestamp: Option<Stamp<'a>>,
    pub id: Option<&'a str>,
    pub url: Option<&'a str>,
    pub body: &'a [u8],
    /// Which of the forms the provider's own verifier accepts to lay the
    /// message out in (see `Scheme::variants`); 0 is the one it signs.
    pub variant: u8,
}

impl<'a> Material<'a> {
    pub fn with_url(self, url: Option<&'a str>) -> Material<'a> {
        Material { url, ..self }
    }

    pub fn with_variant(self, variant: u8) -> Material<'a> {
        Material { variant, ..self }
    }
}

/// What follows the head a scheme writes: the message is `head ++ body`
/// or the head alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tail {
    Body,
    Nothing,
}

/// Why a signed message cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MessageError {
    #[error("{provider} signs the URL it calls, and none is known")]
    NeedsUrl { provider: &'static str },
    #[error("{0}")]
    Invalid(String),
}

impl MessageError {
    pub fn hint(&self) -> &'static str {
        match self {
            MessageError::NeedsUrl { .. } => {
                "pass --url with the URL configured at the provider, e.g. --url https://example.com/webhooks"
            }
            MessageError::Invalid(_) => "check the request body",
        }
    }
}

/// Why a request's signature headers could not be used at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderProblem {
    Missing {
        header: &'static str,
    },
    Malformed {
        header: &'static str,
        reason: String,
    },
}

impl fmt::Display for HeaderProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderProblem::Missing { header } => write!(f, "no {header} header"),
            HeaderProblem::Malformed { header, reason } => {
                write!(f, "{header} is malformed: {reason}")
            }
        }
    }
}

/// A header's value, or the problem of its absence.
pub fn required<'r>(headers: &'r Headers, name: &'static str) -> Result<&'r str, HeaderProblem> {
    headers
        .get(name)
        .ok_or(HeaderProblem::Missing { header: name })
}

/// The value of the first of `names` present.
pub fn first_of<'r>(
    headers: &'r Headers,
    names: &[&'static str],
) -> Option<(&'static str, &'r str)> {
    names
        .iter()
        .find_map(|name| headers.get(name).map(|value| (*name, value)))
}

/// Unix seconds in a header, as the official libraries read them.
pub fn stamp<'r>(header: &'static str, text: &'r str) -> Result<Stamp<'r>, HeaderProblem> {
    let digits = text.trim();
    digits
        .parse::<i64>()
        .map(|seconds| Stamp {
            seconds,
            text: digits,
        })
        .map_err(|_| HeaderProblem::Malformed {
            header,
            reason: format!("'{text}' is not a Unix timestamp in seconds"),
        })
}

//! Signatures written as lowercase hex, read as the official libraries
//! read them: they compare the header's text with the digest's lowercase
//! hex (Slack, Paddle, Linear, Razorpay, Zoom), so uppercase never matches
//! there and is reported rather than quietly accepted here.

use super::claims::{Claims, HeaderProblem, Parts, Sig, stamp};
use super::{Algorithm, Encoding};

/// The claims of a `v0=<hex>` signature in `header` with its Unix time in
/// `timestamp` (Slack's and Zoom's scheme, which sign `v0:<ts>:<body>`).
pub fn v0_claims<'r>(
    req: &Parts<'r>,
    header: &'static str,
    timestamp: &'static str,
) -> Result<Claims<'r>, HeaderProblem> {
    let value = req
        .headers
        .get(header)
        .ok_or(HeaderProblem::Missing { header })?;
    let t = req
        .headers
        .get(timestamp)
        .ok_or(HeaderProblem::Missing { header: timestamp })?;
    let hex_sig = value.strip_prefix("v0=").ok_or(HeaderProblem::Malformed {
        header,
        reason: "it does not start with v0=".into(),
    })?;
    let mut claims = Claims {
        timestamp: Some(stamp(timestamp, t)?),
        ..Claims::default()
    };
    claims.signatures.push(lowercase(header, hex_sig)?);
    Ok(claims)
}

/// `text` as an HMAC-SHA256 signature in lowercase hex.
pub fn lowercase<'r>(header: &'static str, text: &'r str) -> Result<Sig<'r>, HeaderProblem> {
    if text.is_empty() {
        return Err(HeaderProblem::Malformed {
            header,
            reason: "the signature is empty".into(),
        });
    }
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(HeaderProblem::Malformed {
            header,
            reason: "the hex digits are uppercase; the provider's libraries compare the text with \
                     the lowercase digest"
                .into(),
        });
    }
    Ok(Sig::new(Algorithm::HmacSha256, text, Encoding::Hex))
}

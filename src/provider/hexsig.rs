//! Signatures written as lowercase hex, read as the official libraries
//! read them: they compare the header's text with the digest's lowercase
//! hex (Slack, Paddle, Linear, Razorpay, Zoom), so uppercase never matches
//! there and is reported rather than quietly accepted here.

use super::claims::{HeaderProblem, Sig};
use super::{Algorithm, Encoding};

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

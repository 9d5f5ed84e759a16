//! Which scheme a request is for, or the header finding that stops the
//! diagnosis before it starts.

use super::cause::Cause;
use crate::provider::Provider;
use crate::request::Headers;

/// The provider to diagnose as, or the header finding that stops diagnosis.
pub fn resolve(
    headers: &Headers,
    body: &[u8],
    wanted: Option<Provider>,
) -> Result<Provider, Cause> {
    let present = Provider::present_in(headers, body);
    match (wanted, present.as_slice()) {
        // Named: its signature headers are enough (Clerk's need no Clerk body).
        (Some(p), _)
            if p.scheme().is_present(headers) || p.scheme().is_present_in(headers, body) =>
        {
            Ok(p)
        }
        (Some(expected), [found, ..]) => Err(Cause::WrongProvider {
            expected,
            found: *found,
            verifies_as_found: false,
        }),
        (Some(p), []) => Err(Cause::MissingHeader {
            headers: vec![p.signature_header()],
        }),
        (None, []) => {
            let mut headers: Vec<&'static str> = Vec::new();
            for p in Provider::ALL {
                if !headers.contains(&p.signature_header()) {
                    headers.push(p.signature_header());
                }
            }
            Err(Cause::MissingHeader { headers })
        }
        (None, [first, ..]) => Ok(*first),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{GITHUB, STRIPE};

    #[test]
    fn resolves_the_provider_from_headers() {
        let stripe: Headers = [("Stripe-Signature", "t=1,v1=aa")].into_iter().collect();
        assert_eq!(resolve(&stripe, b"", None), Ok(STRIPE));
        assert_eq!(resolve(&stripe, b"", Some(STRIPE)), Ok(STRIPE));
        assert!(matches!(
            resolve(&stripe, b"", Some(GITHUB)),
            Err(Cause::WrongProvider { found, .. }) if found == STRIPE
        ));
        let none = Headers::new();
        assert!(
            matches!(resolve(&none, b"", None), Err(Cause::MissingHeader { headers }) if headers.len() > 1 && headers.contains(&"Stripe-Signature"))
        );
    }
}

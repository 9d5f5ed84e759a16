//! Which scheme a request is for, or the header finding that stops the
//! diagnosis before it starts.

use super::cause::Cause;
use crate::provider::Provider;
use crate::request::Headers;

/// The provider to diagnose as, or the header finding that stops diagnosis.
pub fn resolve(headers: &Headers, wanted: Option<Provider>) -> Result<Provider, Cause> {
    let present = Provider::present(headers);
    match (wanted, present.as_slice()) {
        (Some(p), _) if present.contains(&p) => Ok(p),
        (Some(expected), [found, ..]) => Err(Cause::WrongProvider {
            expected,
            found: *found,
            verifies_as_found: false,
        }),
        (Some(p), []) => Err(Cause::MissingHeader {
            headers: vec![p.signature_header()],
        }),
        (None, []) => Err(Cause::MissingHeader {
            headers: Provider::ALL.iter().map(|p| p.signature_header()).collect(),
        }),
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
        assert_eq!(resolve(&stripe, None), Ok(STRIPE));
        assert_eq!(resolve(&stripe, Some(STRIPE)), Ok(STRIPE));
        assert!(matches!(
            resolve(&stripe, Some(GITHUB)),
            Err(Cause::WrongProvider { found, .. }) if found == STRIPE
        ));
        let none = Headers::new();
        assert!(
            matches!(resolve(&none, None), Err(Cause::MissingHeader { headers }) if headers.len() == Provider::ALL.len())
        );
    }
}

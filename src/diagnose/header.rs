//! Which scheme a request is for, or the header finding that stops the
//! diagnosis before it starts.

use super::cause::Cause;
use crate::provider::Provider;
use crate::request::Headers;
use crate::secret::Secret;

/// The provider to diagnose as ([`Provider::which`]), or the header
/// finding that stops diagnosis. `holds` says whether a provider's
/// signature verifies with the secrets given.
pub fn resolve(
    headers: &Headers,
    body: &[u8],
    wanted: Option<Provider>,
    holds: impl FnMut(Provider) -> bool,
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
            from_body: false,
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
        (None, _) => Ok(Provider::which(headers, body, None, holds).expect("a request is present")),
    }
}

/// A request with no provider asked for whose only signature header is
/// `found`'s and does not hold, while its body is another provider's event
/// and the secret is that provider's, not `found`'s (a `whsec_` secret for
/// a Stripe event under GitHub's header): the sender signed it the way
/// `found` does, or the header came from elsewhere, which is no reason to
/// blame the secret. `holds`: whether `found`'s signature holds with a
/// secret given, whatever the timestamp.
pub fn foreign(
    headers: &Headers,
    body: &[u8],
    secrets: &[Secret],
    found: Provider,
    holds: impl FnOnce() -> bool,
) -> Option<Cause> {
    let owned_by = |p: Provider, s: &Secret| {
        p.scheme().owns_secret(s.expose()) || p.secret_env_vars().contains(&s.label())
    };
    // The cheap tests first: this runs on every failed request.
    let secret = secrets.first().filter(|s| !owned_by(found, s))?;
    if !Provider::ALL.iter().any(|p| owned_by(*p, secret))
        || Provider::present_in(headers, body).len() != 1
        || holds()
    {
        return None;
    }
    let expected = Provider::claiming(body).filter(|p| *p != found && owned_by(*p, secret))?;
    Some(Cause::WrongProvider {
        expected,
        found,
        verifies_as_found: false,
        from_body: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{GITHUB, STRIPE};

    #[test]
    fn resolves_the_provider_from_headers() {
        let stripe: Headers = [("Stripe-Signature", "t=1,v1=aa")].into_iter().collect();
        assert_eq!(resolve(&stripe, b"", None, |_| false), Ok(STRIPE));
        assert_eq!(resolve(&stripe, b"", Some(STRIPE), |_| false), Ok(STRIPE));
        assert!(matches!(
            resolve(&stripe, b"", Some(GITHUB), |_| false),
            Err(Cause::WrongProvider { found, .. }) if found == STRIPE
        ));
        let none = Headers::new();
        assert!(
            matches!(resolve(&none, b"", None, |_| false), Err(Cause::MissingHeader { headers }) if headers.len() > 1 && headers.contains(&"Stripe-Signature"))
        );
    }
}

//! Which scheme a request is for, and a lenient second reading of signature
//! headers the strict parsers reject, to tell "malformed but right" from
//! "malformed and wrong".

use super::cause::Cause;
use crate::provider::{Provider, Received};
use crate::request::Headers;

/// The provider to diagnose as, or the header finding that stops diagnosis.
pub fn resolve(headers: &Headers, wanted: Option<Provider>) -> Result<Provider, Cause> {
    let present: Vec<Provider> = Provider::ALL
        .into_iter()
        .filter(|p| p.scheme().is_present(headers))
        .collect();
    match (wanted, present.as_slice()) {
        (Some(p), _) if present.contains(&p) => Ok(p),
        (Some(expected), [found, ..]) => Err(Cause::WrongProvider {
            expected,
            found: *found,
            verifies_as_found: false,
        }),
        (Some(p), []) => Err(Cause::MissingHeader {
            headers: vec![p.scheme().signature_header()],
        }),
        (None, []) => Err(Cause::MissingHeader {
            headers: Provider::ALL
                .iter()
                .map(|p| p.scheme().signature_header())
                .collect(),
        }),
        (None, [first, ..]) => Ok(*first),
    }
}

/// The signature material of a header the strict parser rejected, read the
/// way a forgiving verifier would, if that makes sense of it.
pub fn lenient(provider: Provider, headers: &Headers) -> Option<Received> {
    let mut fixed = Headers::new();
    match provider {
        Provider::Stripe => fixed.push(
            "Stripe-Signature",
            stripe(headers.get("Stripe-Signature")?)?,
        ),
        Provider::GitHub => {
            fixed.push(
                "X-Hub-Signature-256",
                github(headers.get("X-Hub-Signature-256")?)?,
            );
            if let Some(id) = headers.get("X-GitHub-Delivery") {
                fixed.push("X-GitHub-Delivery", id);
            }
        }
        Provider::Standard => {
            let get = |name: &str| {
                headers
                    .get(&format!("webhook-{name}"))
                    .or_else(|| headers.get(&format!("svix-{name}")))
            };
            fixed.push("webhook-id", get("id")?.trim());
            fixed.push("webhook-timestamp", standard_timestamp(get("timestamp")?)?);
            fixed.push("webhook-signature", standard_signatures(get("signature")?)?);
        }
    }
    provider.scheme().parse(&fixed).ok()
}

fn unquote(s: &str) -> &str {
    s.trim().trim_matches(['"', '\''])
}

/// Whitespace dropped, the last `t` kept, `v0` read as `v1` when there is no `v1`.
fn stripe(value: &str) -> Option<String> {
    let compact: String = unquote(value)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut t = None;
    let (mut v1, mut v0) = (Vec::new(), Vec::new());
    for item in compact.split(',') {
        match item.split_once('=') {
            Some(("t", val)) => t = Some(unquote(val).parse::<i64>().ok()?),
            Some(("v1", sig)) => v1.push(sig),
            Some(("v0", sig)) => v0.push(sig),
            _ => {}
        }
    }
    let signatures = if v1.is_empty() { v0 } else { v1 };
    if signatures.is_empty() {
        return None;
    }
    let mut out = format!("t={}", t?);
    for sig in signatures {
        out.push_str(",v1=");
        out.push_str(sig);
    }
    Some(out)
}

/// Surrounding whitespace or quotes dropped, `SHA256=` read as `sha256=`.
fn github(value: &str) -> Option<String> {
    let value = unquote(value);
    let (algorithm, hex) = value.split_once('=')?;
    algorithm
        .eq_ignore_ascii_case("sha256")
        .then(|| format!("sha256={}", hex.trim()))
}

/// Quotes dropped; a fractional timestamp cut to whole seconds.
fn standard_timestamp(value: &str) -> Option<String> {
    let value = unquote(value);
    let whole = value.split_once('.').map_or(value, |(whole, _)| whole);
    whole.parse::<i64>().ok().map(|t| t.to_string())
}

/// Accepts `v1=sig` and bare signatures; reads other versions as v1 when
/// there is no v1.
fn standard_signatures(value: &str) -> Option<String> {
    let mut v1 = Vec::new();
    let mut other = Vec::new();
    for item in unquote(value).split_whitespace() {
        match item.split_once([',', '=']) {
            Some(("v1", sig)) => v1.push(sig),
            Some((version, sig)) if version.len() <= 3 && version.starts_with('v') => {
                other.push(sig)
            }
            _ => v1.push(item),
        }
    }
    let signatures = if v1.is_empty() { other } else { v1 };
    (!signatures.is_empty()).then(|| {
        signatures
            .iter()
            .map(|s| format!("v1,{s}"))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_stripe_reading() {
        assert_eq!(stripe("t=1, v1=aa, v1=bb").unwrap(), "t=1,v1=aa,v1=bb");
        assert_eq!(stripe("t=1,t=2,v1=aa").unwrap(), "t=2,v1=aa");
        assert_eq!(stripe("t=1,v0=aa").unwrap(), "t=1,v1=aa");
        assert_eq!(stripe("t=x,v1=aa"), None);
        assert_eq!(stripe("v1=aa"), None);
    }

    #[test]
    fn lenient_github_and_standard_reading() {
        assert_eq!(github(" SHA256=ab ").unwrap(), "sha256=ab");
        assert_eq!(github("sha1=ab"), None);
        assert_eq!(
            standard_signatures("v1=abc= xyz").unwrap(),
            "v1,abc= v1,xyz"
        );
        assert_eq!(
            standard_timestamp("\"1614265330.5\"").unwrap(),
            "1614265330"
        );
    }

    #[test]
    fn resolves_the_provider_from_headers() {
        let stripe: Headers = [("Stripe-Signature", "t=1,v1=aa")].into_iter().collect();
        assert_eq!(resolve(&stripe, None), Ok(Provider::Stripe));
        assert_eq!(
            resolve(&stripe, Some(Provider::Stripe)),
            Ok(Provider::Stripe)
        );
        assert!(matches!(
            resolve(&stripe, Some(Provider::GitHub)),
            Err(Cause::WrongProvider {
                found: Provider::Stripe,
                ..
            })
        ));
        let none = Headers::new();
        assert!(
            matches!(resolve(&none, None), Err(Cause::MissingHeader { headers }) if headers.len() == 3)
        );
    }
}

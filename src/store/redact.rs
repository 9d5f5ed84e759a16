//! Secrets a provider sends as is, in a header (GitLab's `X-Gitlab-Token`):
//! the store records their fingerprint in their place, so the event store
//! never holds one. Which headers these are is the providers' to say
//! (`Scheme::secret_headers`); every recorded header passes through here.

use crate::provider::Provider;
use crate::request::Headers;
pub use crate::secret::redacted;
use serde_json::Value;
use std::borrow::Cow;

/// `[name, value]` pairs with secret values redacted; borrowed when none is.
pub fn pairs(headers: &[(String, String)]) -> Cow<'_, [(String, String)]> {
    if !headers.iter().any(|(n, _)| Provider::is_secret_header(n)) {
        return Cow::Borrowed(headers);
    }
    Cow::Owned(
        headers
            .iter()
            .map(|(n, v)| {
                let v = if Provider::is_secret_header(n) {
                    redacted(v)
                } else {
                    v.clone()
                };
                (n.clone(), v)
            })
            .collect(),
    )
}

/// `headers` with secret values redacted; borrowed when none is.
pub fn headers(headers: &Headers) -> Cow<'_, Headers> {
    if !headers.iter().any(|(n, _)| Provider::is_secret_header(n)) {
        return Cow::Borrowed(headers);
    }
    Cow::Owned(
        headers
            .iter()
            .map(|(n, v)| match Provider::is_secret_header(n) {
                true => (n.to_string(), redacted(v)),
                false => (n.to_string(), v.to_string()),
            })
            .collect(),
    )
}

/// A `{name: value}` object with secret values redacted.
pub fn object(headers: &Value) -> Cow<'_, Value> {
    let Some(map) = headers.as_object() else {
        return Cow::Borrowed(headers);
    };
    if !map.keys().any(|n| Provider::is_secret_header(n)) {
        return Cow::Borrowed(headers);
    }
    Cow::Owned(Value::Object(
        map.iter()
            .map(|(n, v)| match (Provider::is_secret_header(n), v.as_str()) {
                (true, Some(s)) => (n.clone(), Value::String(redacted(s))),
                (true, None) => (n.clone(), Value::String(redacted(""))),
                (false, _) => (n.clone(), v.clone()),
            })
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    #[test]
    fn secret_headers_are_recorded_as_fingerprints_whatever_their_case() {
        let fp = Secret::new("glpat-hunter2", "").fingerprint();
        let rows = vec![
            ("x-gitlab-token".to_string(), "glpat-hunter2".to_string()),
            ("X-Gitlab-Event".to_string(), "Push Hook".to_string()),
        ];
        let kept = pairs(&rows);
        assert_eq!(kept[0].1, format!("<redacted fp:{fp}>"));
        assert_eq!(kept[1].1, "Push Hook");
        let h: Headers = rows.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        assert!(!format!("{:?}", headers(&h)).contains("hunter2"));
        let json = serde_json::json!({"X-Gitlab-Token": "glpat-hunter2", "A": "b"});
        assert!(!object(&json).to_string().contains("hunter2"));
        let stripe = vec![("Stripe-Signature".to_string(), "t=1,v1=ab".to_string())];
        assert!(matches!(pairs(&stripe), Cow::Borrowed(_)));
    }
}

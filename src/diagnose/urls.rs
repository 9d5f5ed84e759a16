//! Guesses at the URL a provider signed, for schemes that sign the URL they
//! call (Twilio, Square): what a proxy, a tunnel or a framework typically
//! changes between the URL on file at the provider and the one the app
//! rebuilds from the request. Pure: a URL and the request's headers in,
//! labelled URLs out.

use crate::provider::url::{Split, default_port};
use crate::request::Headers;

/// One guess: the URL, and what it says happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlGuess {
    pub url: String,
    /// Completes "the provider signed …".
    pub label: String,
}

/// The other scheme of the pair a TLS-terminating proxy swaps.
fn other_scheme(scheme: &str) -> Option<&'static str> {
    match scheme.to_ascii_lowercase().as_str() {
        "http" => Some("https"),
        "https" => Some("http"),
        _ => None,
    }
}

/// Distinct guesses at the URL the provider signed, likeliest first, none
/// equal to `url` itself.
/// `bound` is the URL the provider would post this body to, when it puts
/// something of the body in the URL (Twilio's `bodySHA256` for JSON).
pub fn guesses(url: &str, headers: &Headers, bound: Option<String>) -> Vec<UrlGuess> {
    let mut out: Vec<UrlGuess> = Vec::new();
    let mut add = |candidate: String, label: String| {
        if candidate != url && !out.iter().any(|g| g.url == candidate) {
            out.push(UrlGuess {
                url: candidate,
                label,
            });
        }
    };
    let Some(s) = Split::parse(url) else {
        return out;
    };

    // A JSON body validated without the parameter that binds it.
    if let Some(bound) = bound {
        add(
            bound,
            "the URL with the body's hash in its query (a JSON body is signed over the URL that \
             carries its hash: validate it with the full URL as received)"
                .to_string(),
        );
    }

    // TLS ended at a proxy or tunnel: the app sees the other scheme.
    if let Some(scheme) = other_scheme(s.scheme) {
        let port = s.port.filter(|p| Some(*p) != default_port(s.scheme));
        add(
            s.join(scheme, port, s.rest),
            format!(
                "{scheme}:// where the request arrived over {}:// (TLS ended at a proxy or tunnel)",
                s.scheme
            ),
        );
        if s.port.is_some() {
            add(
                s.join(scheme, None, s.rest),
                format!(
                    "{scheme}:// on the default port, where the request arrived over {}://:{} (a proxy or tunnel in front)",
                    s.scheme,
                    s.port.unwrap_or_default()
                ),
            );
        }
    }
    // A port the proxy listens on, not the public one.
    if let Some(port) = s.port {
        add(
            s.join(s.scheme, None, s.rest),
            format!("the URL without :{port}"),
        );
    }
    // The host the client called, as a proxy reports it, or the reverse.
    for name in ["X-Forwarded-Host", "Host"] {
        if let Some(host) = headers
            .get(name)
            .and_then(|v| v.split(',').next())
            .map(str::trim)
            && !host.is_empty()
        {
            let scheme = headers
                .get("X-Forwarded-Proto")
                .and_then(|v| v.split(',').next())
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .unwrap_or(s.scheme);
            for scheme in [scheme, other_scheme(scheme).unwrap_or(scheme)] {
                add(
                    format!("{scheme}://{host}{}", s.rest),
                    format!("{scheme}://{host} (the {name} header) as the host"),
                );
            }
        }
    }
    // A trailing slash added or dropped by the router.
    let path = s.path();
    let query_and_fragment = &s.rest[path.len()..];
    let toggled = match path.strip_suffix('/') {
        Some(stripped) if !stripped.is_empty() => stripped.to_string(),
        Some(_) => path.to_string(),
        None => format!("{path}/"),
    };
    if toggled != path {
        let label = if toggled.ends_with('/') {
            "the path with a trailing slash"
        } else {
            "the path without its trailing slash"
        };
        add(
            s.join(s.scheme, s.port, &format!("{toggled}{query_and_fragment}")),
            label.to_string(),
        );
    }
    // The query string dropped or decoded by the framework.
    if let Some(query) = s.query() {
        add(
            s.join(s.scheme, s.port, path),
            "the URL without its query string".to_string(),
        );
        let decoded: String = form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&");
        if decoded != query {
            add(
                s.join(s.scheme, s.port, &format!("{path}?{decoded}")),
                "the query string as sent, before a framework re-encoded it".to_string(),
            );
        }
        let mut sorted: Vec<&str> = query.split('&').collect();
        sorted.sort_unstable();
        let sorted = sorted.join("&");
        if sorted != query {
            add(
                s.join(s.scheme, s.port, &format!("{path}?{sorted}")),
                "the query parameters in another order (a framework sorted them)".to_string(),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls_of(url: &str, headers: &Headers) -> Vec<String> {
        guesses(url, headers, None)
            .into_iter()
            .map(|g| g.url)
            .collect()
    }

    #[test]
    fn the_usual_proxy_rewrites_are_guessed() {
        let h: Headers = [("Host", "abc.ngrok.app")].into_iter().collect();
        let got = urls_of("http://localhost:4242/sms?x=1", &h);
        for want in [
            "https://localhost:4242/sms?x=1",
            "https://localhost/sms?x=1",
            "http://localhost/sms?x=1",
            "https://abc.ngrok.app/sms?x=1",
            "http://localhost:4242/sms/?x=1",
            "http://localhost:4242/sms",
        ] {
            assert!(got.iter().any(|g| g == want), "{want} not in {got:?}");
        }
        assert!(!got.iter().any(|g| g == "http://localhost:4242/sms?x=1"));
    }
}

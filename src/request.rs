//! A webhook request as data: headers (case-insensitive, order kept) and the
//! exact body bytes. Shared by signing, verification, the listener and the
//! sender; no I/O here.

use serde::{Deserialize, Serialize};

/// HTTP headers in arrival order; names compare case-insensitively.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headers(Vec<(String, String)>);

impl Headers {
    pub fn new() -> Self {
        Headers(Vec::new())
    }

    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.0.push((name.into(), value.into()));
    }

    /// First value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name`, in order.
    pub fn get_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Parses one `Name: value` line as typed on a command line.
    pub fn parse_line(line: &str) -> Option<(String, String)> {
        let (name, value) = line.split_once(':')?;
        let name = name.trim();
        if name.is_empty() || name.contains(char::is_whitespace) {
            return None;
        }
        // Only the one space after the colon is syntax; keep the rest as sent.
        let value = value.strip_prefix(' ').unwrap_or(value);
        let value = value.trim_end_matches(['\r', '\n']);
        Some((name.to_string(), value.to_string()))
    }
}

impl<N: Into<String>, V: Into<String>> FromIterator<(N, V)> for Headers {
    fn from_iter<T: IntoIterator<Item = (N, V)>>(iter: T) -> Self {
        Headers(
            iter.into_iter()
                .map(|(n, v)| (n.into(), v.into()))
                .collect(),
        )
    }
}

/// The `[name, value]` pairs, in arrival order, without a copy.
impl From<Headers> for Vec<(String, String)> {
    fn from(headers: Headers) -> Self {
        headers.0
    }
}

impl From<Vec<(String, String)>> for Headers {
    fn from(pairs: Vec<(String, String)>) -> Self {
        Headers(pairs)
    }
}

/// What arrived (or would be sent): the method, the URL the sender
/// called (when known), headers and the exact body bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The full URL the provider called: `--url`, else rebuilt from the
    /// request line and `Host`/`X-Forwarded-*` headers.
    pub url: Option<String>,
    pub headers: Headers,
    pub body: Vec<u8>,
}

impl Default for Request {
    fn default() -> Self {
        Request {
            method: "POST".to_string(),
            url: None,
            headers: Headers::new(),
            body: Vec::new(),
        }
    }
}

impl Request {
    /// A POST of `body` with `headers`, URL unknown.
    pub fn post(headers: Headers, body: Vec<u8>) -> Request {
        Request {
            headers,
            body,
            ..Request::default()
        }
    }

    /// The request as the borrowed parts a scheme reads.
    pub fn parts(&self) -> crate::provider::Parts<'_> {
        crate::provider::Parts {
            method: &self.method,
            url: self.url.as_deref(),
            headers: &self.headers,
            body: &self.body,
        }
    }
}

/// The URL a request was sent to, as the sender saw it: the request
/// target, on the host and scheme a proxy in front says it received
/// (`X-Forwarded-Host`, `X-Forwarded-Proto`), else the `Host` header's,
/// over plain http.
pub fn called_url(headers: &Headers, target: &str) -> String {
    if target.starts_with("http://") || target.starts_with("https://") {
        return target.to_string();
    }
    let first = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.split(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let scheme = first("X-Forwarded-Proto").unwrap_or("http");
    let host = first("X-Forwarded-Host")
        .or_else(|| first("Host"))
        .unwrap_or("localhost");
    format!("{scheme}://{host}{target}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_ignores_case() {
        let h: Headers = [("Stripe-Signature", "t=1,v1=ab")].into_iter().collect();
        assert_eq!(h.get("stripe-signature"), Some("t=1,v1=ab"));
        assert_eq!(h.get("x"), None);
    }

    #[test]
    fn the_called_url_follows_the_proxy_headers() {
        let h: Headers = [("Host", "127.0.0.1:4242")].into_iter().collect();
        assert_eq!(called_url(&h, "/w?a=1"), "http://127.0.0.1:4242/w?a=1");
        let h: Headers = [
            ("Host", "127.0.0.1:4242"),
            ("X-Forwarded-Proto", "https"),
            ("X-Forwarded-Host", "abc.ngrok.app"),
        ]
        .into_iter()
        .collect();
        assert_eq!(called_url(&h, "/w"), "https://abc.ngrok.app/w");
        assert_eq!(called_url(&h, "http://x/y"), "http://x/y");
    }

    #[test]
    fn parse_line_keeps_value_spaces() {
        assert_eq!(
            Headers::parse_line("Stripe-Signature: t=1, v1=ab"),
            Some(("Stripe-Signature".into(), "t=1, v1=ab".into()))
        );
        assert_eq!(Headers::parse_line("no colon"), None);
        assert_eq!(Headers::parse_line("bad name: x"), None);
    }
}

//! GitHub: `X-Hub-Signature-256: sha256=<hex>` over the raw body, keyed with
//! the secret's bytes; no timestamp, so no replay window.

use super::{HeaderProblem, KeyError, Provider, Received, Scheme, SignInput};
use crate::request::Headers;

pub struct GitHub;

const HEADER: &str = "X-Hub-Signature-256";

impl Scheme for GitHub {
    fn provider(&self) -> Provider {
        Provider::GitHub
    }

    fn signature_header(&self) -> &'static str {
        HEADER
    }

    fn key(&self, secret: &str) -> Result<Vec<u8>, KeyError> {
        if secret.is_empty() {
            return Err(KeyError("the secret is empty".into()));
        }
        Ok(secret.as_bytes().to_vec())
    }

    fn signed_prefix(&self, _timestamp: Option<i64>, _id: Option<&str>) -> String {
        String::new()
    }

    fn encode(&self, mac: &[u8]) -> String {
        super::hex_lower(mac)
    }

    fn has_timestamp(&self) -> bool {
        false
    }

    fn headers(&self, signature: &str, input: &SignInput) -> Headers {
        let event = input
            .event_type
            .split('.')
            .next()
            .unwrap_or(input.event_type);
        [
            ("Content-Type", "application/json".to_string()),
            ("User-Agent", "GitHub-Hookshot/hookcli".to_string()),
            ("X-GitHub-Event", event.to_string()),
            ("X-GitHub-Delivery", input.id.to_string()),
            ("X-GitHub-Hook-ID", "123456789".to_string()),
            (HEADER, format!("sha256={signature}")),
        ]
        .into_iter()
        .collect()
    }

    fn parse(&self, headers: &Headers) -> Result<Received, HeaderProblem> {
        let value = headers
            .get(HEADER)
            .ok_or(HeaderProblem::Missing { header: HEADER })?;
        let malformed = |reason: &str| HeaderProblem::Malformed {
            header: HEADER,
            reason: reason.to_string(),
        };
        if value != value.trim() {
            return Err(malformed("it has surrounding whitespace"));
        }
        let hex_sig = value
            .strip_prefix("sha256=")
            .ok_or_else(|| malformed("it does not start with sha256="))?;
        if hex_sig.len() != 64 || !hex_sig.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(malformed("the signature is not 64 hex digits"));
        }
        Ok(Received {
            timestamp: None,
            id: headers.get("X-GitHub-Delivery").map(str::to_string),
            signatures: vec![hex_sig.to_ascii_lowercase()],
            other_versions: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::compute;

    #[test]
    fn known_answer_from_github_docs() {
        // GitHub Docs, "Validating webhook deliveries": secret "It's a Secret to
        // Everybody", payload "Hello, World!".
        assert_eq!(
            compute(
                &GitHub,
                b"It's a Secret to Everybody",
                None,
                None,
                b"Hello, World!"
            ),
            "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
        );
    }

    #[test]
    fn parse_rejects_sha1_and_junk() {
        for bad in ["sha1=abc", "sha256=zz", " sha256=00", "sha256="] {
            let h: Headers = [(HEADER, bad)].into_iter().collect();
            assert!(GitHub.parse(&h).is_err(), "{bad}");
        }
    }
}

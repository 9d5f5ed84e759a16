//! `--to`: the short forms a developer types, turned into a full URL.
//!
//! | typed                       | URL                                   |
//! |-----------------------------|---------------------------------------|
//! | `4242`, `:4242`             | `http://localhost:4242/webhooks`      |
//! | `localhost:4242`            | `http://localhost:4242/webhooks`      |
//! | `localhost:4242/hooks/in`   | `http://localhost:4242/hooks/in`      |
//! | `http(s)://…`               | used exactly as given                 |
//!
//! Short forms without a path get [`DEFAULT_PATH`], the same path
//! `hookcli sign --to` uses by default.

use super::DeliveryError;

/// Path used when a short-form target names none.
pub const DEFAULT_PATH: &str = "/webhooks";

/// The full URL for a `--to` value.
pub fn parse_target(typed: &str) -> Result<String, DeliveryError> {
    let t = typed.trim();
    let invalid = |why: &str| DeliveryError::InvalidUrl(format!("'{typed}': {why}"));
    if t.is_empty() {
        return Err(invalid("empty target"));
    }
    let url = if let Some((scheme, _)) = t.split_once("://") {
        if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
            return Err(invalid("only http:// and https:// are supported"));
        }
        t.to_string()
    } else {
        let (authority, path) = match t.find('/') {
            Some(i) => (&t[..i], &t[i..]),
            None => (t, DEFAULT_PATH),
        };
        if authority.is_empty() {
            return Err(invalid("no host or port"));
        }
        let authority = if authority.bytes().all(|b| b.is_ascii_digit()) {
            format!("localhost:{authority}")
        } else if let Some(port) = authority.strip_prefix(':') {
            format!("localhost:{port}")
        } else {
            authority.to_string()
        };
        format!("http://{authority}{path}")
    };
    let parsed = reqwest::Url::parse(&url).map_err(|e| invalid(&e.to_string()))?;
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(invalid("no host"));
    }
    if parsed.port() == Some(0) {
        return Err(invalid("port 0 is not a port anything listens on"));
    }
    Ok(url)
}

/// The path of `url` when hookcli chose it because `typed` named none
/// (`3000`, `localhost:3000`, `http://localhost:3000`), for advice on a 404.
pub fn chosen_path(typed: &str, url: &str) -> Option<String> {
    let t = typed.trim();
    let rest = t.split_once("://").map_or(t, |(_, rest)| rest);
    if rest.contains('/') {
        return None;
    }
    let parsed = reqwest::Url::parse(url).ok()?;
    Some(parsed.path().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms() {
        for typed in ["4242", ":4242", "localhost:4242"] {
            assert_eq!(
                parse_target(typed).unwrap(),
                "http://localhost:4242/webhooks",
                "{typed}"
            );
        }
        assert_eq!(
            parse_target("localhost:4242/webhooks/stripe").unwrap(),
            "http://localhost:4242/webhooks/stripe"
        );
        assert_eq!(
            parse_target(":3000/api/hook").unwrap(),
            "http://localhost:3000/api/hook"
        );
        assert_eq!(
            parse_target("127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080/webhooks"
        );
        assert_eq!(
            parse_target("https://example.test/x?y=1").unwrap(),
            "https://example.test/x?y=1"
        );
        assert_eq!(
            parse_target("http://localhost:4242").unwrap(),
            "http://localhost:4242"
        );
    }

    #[test]
    fn paths_hookcli_chose() {
        let chosen = |t: &str| chosen_path(t, &parse_target(t).unwrap());
        assert_eq!(chosen("3000").as_deref(), Some("/webhooks"));
        assert_eq!(chosen("localhost:3000").as_deref(), Some("/webhooks"));
        assert_eq!(chosen("http://localhost:3000").as_deref(), Some("/"));
        assert_eq!(chosen("localhost:3000/api/hooks"), None);
        assert_eq!(chosen("http://localhost:3000/"), None);
    }

    #[test]
    fn bad_targets() {
        for typed in [
            "",
            "ftp://x/",
            "localhost:99999",
            ":abc",
            "http://",
            ":0",
            "/path",
        ] {
            let err = parse_target(typed).unwrap_err();
            assert!(err.is_usage(), "{typed}: {err}");
        }
    }
}

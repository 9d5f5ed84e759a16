//! URLs as the schemes that sign them see them: split without being
//! normalised (a signed URL must stay byte for byte what was signed), the
//! port variants verifiers accept, query parameters read and appended.

use std::borrow::Cow;

/// A URL's pieces, borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'u> {
    pub scheme: &'u str,
    /// `user:pass` without the `@`.
    pub userinfo: Option<&'u str>,
    pub host: &'u str,
    /// The digits after `:`.
    pub port: Option<&'u str>,
    /// Path, query and fragment, from the first `/`, `?` or `#` on.
    pub rest: &'u str,
}

impl<'u> Split<'u> {
    pub fn parse(url: &'u str) -> Option<Split<'u>> {
        let (scheme, after) = url.split_once("://")?;
        if scheme.is_empty()
            || !scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        {
            return None;
        }
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        let (authority, rest) = after.split_at(end);
        let (userinfo, hostport) = match authority.rsplit_once('@') {
            Some((user, host)) => (Some(user), host),
            None => (None, authority),
        };
        // A bracketed IPv6 literal keeps its colons.
        let port_at = match hostport.rfind(']') {
            Some(close) => hostport[close..].find(':').map(|i| close + i),
            None => hostport.rfind(':'),
        };
        let (host, port) = match port_at {
            Some(i) if hostport[i + 1..].bytes().all(|b| b.is_ascii_digit()) => (
                &hostport[..i],
                Some(&hostport[i + 1..]).filter(|p| !p.is_empty()),
            ),
            _ => (hostport, None),
        };
        if host.is_empty() {
            return None;
        }
        Some(Split {
            scheme,
            userinfo,
            host,
            port,
            rest,
        })
    }

    /// The URL again, with `scheme`, `port` and `rest` as given.
    pub fn join(&self, scheme: &str, port: Option<&str>, rest: &str) -> String {
        let mut out = format!("{scheme}://");
        if let Some(user) = self.userinfo {
            out.push_str(user);
            out.push('@');
        }
        out.push_str(self.host);
        if let Some(port) = port {
            out.push(':');
            out.push_str(port);
        }
        out.push_str(rest);
        out
    }

    pub fn query(&self) -> Option<&'u str> {
        let rest = self.rest.split('#').next().unwrap_or("");
        rest.split_once('?').map(|(_, q)| q)
    }

    /// The path alone.
    pub fn path(&self) -> &'u str {
        let end = self.rest.find(['?', '#']).unwrap_or(self.rest.len());
        &self.rest[..end]
    }
}

/// The port a scheme's URLs mean when they name none.
pub fn default_port(scheme: &str) -> Option<&'static str> {
    match scheme.to_ascii_lowercase().as_str() {
        "https" => Some("443"),
        "http" => Some("80"),
        _ => None,
    }
}

/// The URL with its port removed, or with its scheme's default port
/// added when it names none: the other form Twilio's validators try.
pub fn port_toggled(url: &str) -> Option<String> {
    let s = Split::parse(url)?;
    Some(match s.port {
        Some(_) => s.join(s.scheme, None, s.rest),
        None => s.join(s.scheme, Some(default_port(s.scheme)?), s.rest),
    })
}

/// The URL as a WHATWG parser writes it back (what `new URL(u).toString()`
/// gives in Node), when that differs.
pub fn normalized(url: &str) -> Option<String> {
    let parsed = ::url::Url::parse(url).ok()?;
    let text = parsed.to_string();
    (text != url).then_some(text)
}

/// The first value of query parameter `name`, decoded.
pub fn query_param<'u>(url: &'u str, name: &str) -> Option<Cow<'u, str>> {
    // No `?`, no query: most URLs a listener checks, found without a parse.
    memchr::memchr(b'?', url.as_bytes())?;
    let query = Split::parse(url)?.query()?;
    // Only the wanted value is decoded: the others' would cost an
    // allocation each on every request a listener checks.
    let pair = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .find(|pair| form_decodes_to(pair.split('=').next().unwrap_or(""), name))?;
    form_urlencoded::parse(pair.as_bytes())
        .next()
        .map(|(_, v)| v)
}

/// Whether `raw`, form-decoded (`+` as a space, `%XX` as a byte), is `want`.
fn form_decodes_to(raw: &str, want: &str) -> bool {
    let (raw, want) = (raw.as_bytes(), want.as_bytes());
    if !raw.contains(&b'%') && !raw.contains(&b'+') {
        return raw == want;
    }
    let hex = |d: Option<&u8>| d.and_then(|&d| (d as char).to_digit(16));
    let (mut i, mut j) = (0, 0);
    while i < raw.len() {
        let b = match raw[i] {
            b'+' => b' ',
            b'%' => match (hex(raw.get(i + 1)), hex(raw.get(i + 2))) {
                (Some(high), Some(low)) => {
                    i += 2;
                    (high * 16 + low) as u8
                }
                _ => b'%',
            },
            b => b,
        };
        if want.get(j) != Some(&b) {
            return false;
        }
        i += 1;
        j += 1;
    }
    j == want.len()
}

/// The URL with `name=value` appended to its query (before any fragment).
pub fn with_param(url: &str, name: &str, value: &str) -> String {
    let (base, fragment) = match url.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (url, None),
    };
    let sep = if base.contains('?') { '&' } else { '?' };
    let mut out = format!("{base}{sep}{name}={value}");
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_without_normalising() {
        let s = Split::parse("https://user:pass@Example.com:8443/a/b?x=1&y=%27#frag").unwrap();
        assert_eq!(s.scheme, "https");
        assert_eq!(s.userinfo, Some("user:pass"));
        assert_eq!(s.host, "Example.com");
        assert_eq!(s.port, Some("8443"));
        assert_eq!(s.rest, "/a/b?x=1&y=%27#frag");
        assert_eq!(s.path(), "/a/b");
        assert_eq!(s.query(), Some("x=1&y=%27"));
        assert_eq!(Split::parse("http://[::1]:4242/w").unwrap().host, "[::1]");
        assert_eq!(Split::parse("http://[::1]/w").unwrap().port, None);
        assert!(Split::parse("not a url").is_none());
    }

    #[test]
    fn port_variants() {
        assert_eq!(
            port_toggled("https://mycompany.com/myapp.php?foo=1").unwrap(),
            "https://mycompany.com:443/myapp.php?foo=1"
        );
        assert_eq!(
            port_toggled("http://mycompany.com:1234/x").unwrap(),
            "http://mycompany.com/x"
        );
    }

    #[test]
    fn query_params() {
        let url = "https://x.com/p?foo=1&bodySHA256=abc";
        assert_eq!(query_param(url, "bodySHA256").as_deref(), Some("abc"));
        assert_eq!(query_param(url, "nope"), None);
        let url = "https://x.com/p?a=%20&body%53HA256=x+y%21&bodySHA256=second&=&&k";
        assert_eq!(query_param(url, "bodySHA256").as_deref(), Some("x y!"));
        assert_eq!(query_param(url, "a").as_deref(), Some(" "));
        assert_eq!(query_param(url, "k").as_deref(), Some(""));
        assert_eq!(query_param(url, "").as_deref(), Some(""));
        assert_eq!(
            query_param("https://x.com/p?a+b=1", "a b").as_deref(),
            Some("1")
        );
        assert_eq!(
            query_param("https://x.com/p?a%2=1", "a%2").as_deref(),
            Some("1")
        );
        assert_eq!(
            with_param("https://x.com/p", "a", "1"),
            "https://x.com/p?a=1"
        );
        assert_eq!(
            with_param("https://x.com/p?b=2#f", "a", "1"),
            "https://x.com/p?b=2&a=1#f"
        );
        assert_eq!(
            normalized("https://mycompany.com/myapp.php?Body=It's+amazing").unwrap(),
            "https://mycompany.com/myapp.php?Body=It%27s+amazing"
        );
    }
}

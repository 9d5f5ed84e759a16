//! Building the battery's requests: events rendered from the built-in
//! fixtures with fresh ids, re-shaped into the byte forms a provider may
//! send, and signed genuinely or forged. Pure.

use super::profile::Profile;
use super::session::{Probe, SentEvent};
use super::{AuditError, sign};
use crate::fixtures::{self, Event, Fixture, Override, RenderOptions};
use crate::ids::IdSource;
use crate::provider::Provider;
use crate::provider::keypair::{self, KeyKind};
use crate::request::Headers;
use crate::secret::Secret;
use base64::Engine;
use sha2::Digest;
use std::collections::HashMap;

/// A byte form of the same event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyVariant {
    /// As the provider serializes it (Stripe: pretty; others: compact).
    Provider,
    /// The provider's form plus a final newline.
    TrailingNewline,
    /// Minified (what `JSON.stringify(JSON.parse(body))` gives).
    Compact,
    /// Indented with two spaces.
    Pretty,
    /// A non-ASCII field written as `\u` escapes.
    UnicodeEscaped,
    /// The same field as raw UTF-8.
    UnicodeRaw,
    /// A field holding numbers in forms a parser normalizes (`1.0`, `1e2`).
    Numbers,
}

impl BodyVariant {
    pub fn name(self) -> &'static str {
        match self {
            BodyVariant::Provider => "the provider's own form",
            BodyVariant::TrailingNewline => "with a trailing newline",
            BodyVariant::Compact => "minified",
            BodyVariant::Pretty => "pretty-printed",
            BodyVariant::UnicodeEscaped => "non-ASCII as \\u escapes",
            BodyVariant::UnicodeRaw => "non-ASCII as UTF-8",
            BodyVariant::Numbers => "numbers like 1.0 and 1e2",
        }
    }

    pub const ALL: [BodyVariant; 7] = [
        BodyVariant::Provider,
        BodyVariant::TrailingNewline,
        BodyVariant::Compact,
        BodyVariant::Pretty,
        BodyVariant::UnicodeEscaped,
        BodyVariant::UnicodeRaw,
        BodyVariant::Numbers,
    ];
}

/// The secret and body form a genuine delivery is accepted with.
#[derive(Debug, Clone)]
pub struct Baseline {
    pub secret: Secret,
    pub form: BodyVariant,
}

pub struct Builder {
    provider: Provider,
    fixtures: HashMap<&'static str, Fixture>,
    ids: IdSource,
    sequence: u64,
    /// Where the deliveries go (schemes that sign the URL sign this one).
    url: String,
    /// A secret the app cannot hold, for bad signatures.
    pub stranger: Secret,
}

impl Builder {
    /// Loads every fixture the profile names, so a missing one fails before
    /// anything is sent.
    pub fn new(
        provider: Provider,
        profile: &Profile,
        seed: u64,
        url: &str,
    ) -> Result<Builder, AuditError> {
        let mut names = vec![profile.genuine_event, profile.rare_event];
        if let Some(o) = &profile.ordered {
            names.extend([o.later, o.earlier]);
        }
        names.extend(profile.handshakes.iter().map(|h| h.event));
        let mut loaded = HashMap::new();
        for name in names {
            loaded.insert(name, fixtures::resolve(name, Some(provider), &[])?);
        }
        let ids = IdSource::new(seed);
        let random = ids.base62("", 32, "check:stranger-secret");
        let stranger = match provider.spec().algorithm.key_kind() {
            KeyKind::Shared => Secret::new(
                format!(
                    "whsec_{}",
                    base64::engine::general_purpose::STANDARD.encode(random.as_bytes())
                ),
                "a secret the app does not hold",
            ),
            // A key pair of its own: what anyone but the provider can sign with.
            KeyKind::Pair => {
                let mut bytes: [u8; 32] = sha2::Sha256::digest(random.as_bytes()).into();
                let key = loop {
                    if let Some(k) = keypair::from_random(provider.spec().algorithm, &bytes) {
                        break k;
                    }
                    bytes = sha2::Sha256::digest(bytes).into();
                };
                Secret::new(
                    keypair::private_pem(&key).expect("a key pair"),
                    "a key pair the app does not trust",
                )
            }
        };
        Ok(Builder {
            provider,
            fixtures: loaded,
            ids,
            sequence: 0,
            url: url.to_string(),
            stranger,
        })
    }

    /// The URL deliveries are signed for (schemes that sign the URL).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Signs every later delivery for `url` instead (the URL an app that
    /// signs the URL turned out to verify against).
    pub fn sign_for(&mut self, url: &str) {
        self.url = url.to_string();
    }

    /// A fresh value for the object id at dotted `path` of fixture `name`,
    /// shaped like the one there (`in_…` stays `in_…`, numbers stay
    /// numbers), as `--set` text.
    pub fn link_value(&mut self, name: &str, path: &str) -> String {
        self.sequence += 1;
        let mut at = Some(&self.fixtures[name].payload);
        for key in path.split('.') {
            at = at.and_then(|v| v.get(key));
        }
        match at {
            Some(serde_json::Value::Number(_)) => (4_200_000_000u64 + self.sequence).to_string(),
            Some(serde_json::Value::String(s)) => {
                let prefix = s.find('_').map_or("", |i| &s[..=i]);
                format!("{prefix}hookcli{}", self.sequence)
            }
            _ => format!("hookcli{}", self.sequence),
        }
    }

    /// Whether fixture `name`'s payload has a top-level `key`.
    pub fn has_field(&self, name: &str, key: &str) -> bool {
        self.fixtures[name].payload.get(key).is_some()
    }

    /// A fresh rendering of fixture `name` (new ids) at `timestamp`.
    pub fn event(&mut self, name: &str, timestamp: i64, overrides: &[Override]) -> Event {
        self.sequence += 1;
        let fixture = &self.fixtures[name];
        fixture
            .render(&RenderOptions {
                timestamp,
                ids: self.ids,
                sequence: self.sequence,
                overrides,
            })
            .expect("built-in fixtures render with the audit's overrides")
    }

    /// Every header of a genuine delivery of `event` signed with `secret`.
    pub fn headers(&self, event: &Event, secret: &Secret) -> Result<Headers, String> {
        sign::with_secret(event, secret, &self.url)
    }

    /// A signed delivery of `event`.
    pub fn signed(&self, event: &Event, secret: &Secret) -> Probe {
        let headers = self
            .headers(event, secret)
            .expect("secrets are checked to give keys before the audit starts");
        self.outgoing(
            event,
            headers,
            secret.clone(),
            &format!("signed with {secret}"),
        )
    }

    /// A delivery of `event` signed with raw key bytes.
    pub fn keyed(&self, event: &Event, key: &[u8], what: &str) -> Probe {
        let headers = sign::with_key(event, key, &self.url);
        self.outgoing(
            event,
            headers,
            Secret::new("", what),
            &format!("signed with {what}"),
        )
    }

    /// `event` with `headers` exactly as given.
    pub fn with_headers(
        &self,
        event: &Event,
        headers: Headers,
        secret: &Secret,
        how: &str,
    ) -> Probe {
        self.outgoing(event, headers, secret.clone(), how)
    }

    fn outgoing(&self, event: &Event, headers: Headers, secret: Secret, how: &str) -> Probe {
        let describe = describe("POST", &headers, event.body.len(), how, self.provider);
        Probe {
            method: "POST",
            headers,
            body: bytes::Bytes::from(event.body.clone()),
            event: Some(SentEvent {
                event_type: event.event_type.clone(),
                event_id: event.event_id.clone(),
                timestamp: event.timestamp,
                form: event.form,
                secret,
            }),
            describe,
        }
    }

    /// A request that is not a delivery (another method).
    pub fn plain(&self, method: &'static str, headers: Headers, body: Vec<u8>) -> Probe {
        let describe = describe(method, &headers, body.len(), "", self.provider);
        Probe {
            method,
            headers,
            body: bytes::Bytes::from(body),
            event: None,
            describe,
        }
    }
}

/// `event` in byte form `form` (same ids, same timestamp).
pub fn reform(event: &Event, form: BodyVariant) -> Event {
    let body = match form {
        BodyVariant::Provider => event.body.clone(),
        BodyVariant::TrailingNewline => {
            let mut b = event.body.clone();
            b.push(b'\n');
            b
        }
        BodyVariant::Compact | BodyVariant::Pretty => {
            match serde_json::from_slice::<serde_json::Value>(&event.body) {
                Ok(v) if form == BodyVariant::Compact => {
                    serde_json::to_vec(&v).expect("a Value serializes")
                }
                Ok(v) => serde_json::to_vec_pretty(&v).expect("a Value serializes"),
                Err(_) => event.body.clone(),
            }
        }
        BodyVariant::UnicodeEscaped => splice(
            &event.body,
            "hookcli_note",
            r#""caf\u00e9 \u2013 na\u00efve \u00fcber""#,
        ),
        BodyVariant::UnicodeRaw => splice(&event.body, "hookcli_note", "\"café – naïve über\""),
        BodyVariant::Numbers => splice(&event.body, "hookcli_numbers", "[1.0, 1e2, 10.50, -0.0]"),
    };
    Event {
        body,
        ..event.clone()
    }
}

/// `body` (a JSON object) with `"key": value` added first, in the body's own
/// layout (indented when the body is, compact otherwise).
pub fn splice(body: &[u8], key: &str, value: &str) -> Vec<u8> {
    let Some(open) = body.iter().position(|&b| b == b'{') else {
        return body.to_vec();
    };
    let pretty = body.get(open + 1) == Some(&b'\n');
    let field = if pretty {
        format!("\n  \"{key}\": {value},")
    } else {
        format!("\"{key}\":{value},")
    };
    let mut out = Vec::with_capacity(body.len() + field.len());
    out.extend_from_slice(&body[..=open]);
    out.extend_from_slice(field.as_bytes());
    out.extend_from_slice(&body[open + 1..]);
    out
}

/// `body` grown to about `size` bytes with a padding field: a JSON field
/// (see [`splice`]), or a last parameter of a form body.
pub fn pad(body: &[u8], size: usize) -> Vec<u8> {
    let fill = size.saturating_sub(body.len() + 32);
    if body
        .trim_ascii_start()
        .first()
        .is_some_and(|b| matches!(b, b'{' | b'['))
    {
        return splice(
            body,
            "hookcli_padding",
            &format!("\"{}\"", "x".repeat(fill)),
        );
    }
    let mut out = body.to_vec();
    if !out.is_empty() {
        out.push(b'&');
    }
    out.extend_from_slice(b"HookcliPadding=");
    out.resize(out.len() + fill, b'x');
    out
}

/// `body` with its first digit changed (still valid JSON, one byte off).
pub fn tamper(body: &[u8]) -> Vec<u8> {
    let mut out = body.to_vec();
    if let Some(d) = out.iter_mut().find(|b| b.is_ascii_digit()) {
        *d = if *d == b'9' { b'8' } else { *d + 1 };
    } else if let Some(last) = out.last_mut() {
        *last ^= 1;
    }
    out
}

/// One line describing a request: method, body, signature header.
fn describe(method: &str, headers: &Headers, len: usize, how: &str, provider: Provider) -> String {
    let name = sign::header_name(provider);
    let mut sig_headers: Vec<String> = headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(name) || n.eq_ignore_ascii_case("X-Hub-Signature"))
        .map(|(n, v)| match Provider::is_secret_header(n) {
            true => format!("{n}: {}", crate::secret::redacted(v)),
            false => format!("{n}: {}", shorten(v)),
        })
        .collect();
    if sig_headers.is_empty() && method == "POST" {
        sig_headers.push(format!("no {name}"));
    }
    let ctype = headers
        .get("content-type")
        .map(|c| format!(", {c}"))
        .unwrap_or_default();
    let mut out = format!("{method} {len}-byte body{ctype}");
    for h in sig_headers {
        out.push_str("; ");
        out.push_str(&crate::escape::for_terminal(&h));
    }
    if !how.is_empty() {
        out.push_str("; ");
        out.push_str(how);
    }
    out
}

/// A header value cut to a readable length.
fn shorten(v: &str) -> String {
    const MAX: usize = 48;
    if v.chars().count() <= MAX {
        return v.to_string();
    }
    let cut: String = v.chars().take(MAX).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_keeps_the_layout() {
        assert_eq!(
            splice(b"{\n  \"a\": 1\n}", "k", "2"),
            b"{\n  \"k\": 2,\n  \"a\": 1\n}".to_vec()
        );
        assert_eq!(
            splice(br#"{"a":1}"#, "k", "2"),
            br#"{"k":2,"a":1}"#.to_vec()
        );
    }

    #[test]
    fn tamper_changes_one_digit_and_keeps_json_valid() {
        for body in [&br#"{"amount":1999}"#[..], br#"{"n":9}"#, br#"{"x":0.5}"#] {
            let t = tamper(body);
            assert_ne!(t, body);
            assert_eq!(t.len(), body.len());
            serde_json::from_slice::<serde_json::Value>(&t).unwrap();
        }
    }

    #[test]
    fn forms_differ_from_each_other() {
        let event = Event {
            provider: crate::provider::STRIPE,
            form: crate::provider::BodyForm::JsonPretty2,
            event_type: "x".into(),
            event_id: "evt_1".into(),
            timestamp: 1,
            body: b"{\n  \"id\": \"evt_1\",\n  \"n\": 1\n}".to_vec(),
        };
        let mut seen = std::collections::HashSet::new();
        for form in BodyVariant::ALL {
            let b = reform(&event, form).body;
            serde_json::from_slice::<serde_json::Value>(&b).unwrap();
            seen.insert(b);
        }
        // Pretty equals the provider's form for Stripe.
        assert_eq!(seen.len(), BodyVariant::ALL.len() - 1);
    }
}

//! Renders a signed request as text: for a person, as JSON, as a curl
//! command that sends byte-identical data, or as raw HTTP. Returns strings;
//! printing is `output`'s job.

use crate::fixtures::Event;
use crate::request::Headers;
use serde_json::{Map, Value, json};

/// The request hookcli would send: where, which headers, which bytes.
pub struct SignedRequest<'a> {
    pub url: &'a str,
    pub event: &'a Event,
    pub headers: &'a Headers,
}

pub fn headers_json(headers: &Headers) -> Value {
    let mut map = Map::new();
    for (name, value) in headers.iter() {
        map.insert(name.to_string(), Value::String(value.to_string()));
    }
    Value::Object(map)
}

/// `{"provider", "event_type", "event_id", "timestamp", "url", "headers", "body"}`.
pub fn json(req: &SignedRequest) -> Value {
    json!({
        "provider": req.event.provider.name(),
        "event_type": req.event.event_type,
        "event_id": req.event.event_id,
        "timestamp": req.event.timestamp,
        "url": req.url,
        "headers": headers_json(req.headers),
        "body": String::from_utf8_lossy(&req.event.body),
    })
}

/// Headers, a blank line, then the body made safe for a terminal.
pub fn human(req: &SignedRequest) -> String {
    let mut out = String::new();
    for (name, value) in req.headers.iter() {
        out.push_str(&format!("{name}: {}\n", crate::escape::for_terminal(value)));
    }
    out.push('\n');
    let body = String::from_utf8_lossy(&req.event.body);
    for line in body.split('\n') {
        out.push_str(&crate::escape::for_terminal(line));
        out.push('\n');
    }
    out
}

fn quote(s: &str) -> String {
    shlex::try_quote(s)
        .map(|q| q.into_owned())
        .unwrap_or_else(|_| format!("'{}'", s.replace('\'', r"'\''")))
}

/// A POSIX shell command that POSTs exactly these bytes: the body goes
/// through `printf '%s'` into `--data-binary @-`, which neither the shell
/// nor curl alters.
pub fn curl(req: &SignedRequest) -> String {
    let body = String::from_utf8_lossy(&req.event.body);
    let mut out = format!(
        "printf '%s' {} | curl -sS -X POST {}",
        quote(&body),
        quote(req.url)
    );
    for (name, value) in req.headers.iter() {
        out.push_str(&format!(" \\\n  -H {}", quote(&format!("{name}: {value}"))));
    }
    // curl would otherwise add `Expect: 100-continue` to large bodies.
    out.push_str(" \\\n  -H 'Expect:' --data-binary @-\n");
    out
}

/// The raw HTTP/1.1 request (CRLF line ends, exact body).
pub fn http(req: &SignedRequest) -> Vec<u8> {
    let (host, path) = split_url(req.url);
    let mut out = format!("POST {path} HTTP/1.1\r\nHost: {host}\r\n");
    for (name, value) in req.headers.iter() {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\n\r\n", req.event.body.len()));
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(&req.event.body);
    bytes
}

/// Host and path of an http(s) URL, leniently.
fn split_url(url: &str) -> (&str, &str) {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> Event {
        Event {
            provider: crate::provider::STRIPE,
            form: crate::provider::BodyForm::JsonPretty2,
            event_type: "x".into(),
            event_id: "evt_1".into(),
            timestamp: 1,
            body: b"{\n  \"it's\": \"$HOME `x` \\\\ %s\"\n}".to_vec(),
        }
    }

    #[test]
    fn http_has_exact_length_and_body() {
        let e = event();
        let h: Headers = [("Stripe-Signature", "t=1,v1=ab")].into_iter().collect();
        let raw = http(&SignedRequest {
            url: "http://localhost:4242/webhooks",
            event: &e,
            headers: &h,
        });
        let text = String::from_utf8(raw).unwrap();
        assert!(text.starts_with("POST /webhooks HTTP/1.1\r\nHost: localhost:4242\r\n"));
        assert!(text.ends_with(&String::from_utf8(e.body.clone()).unwrap()));
        assert!(text.contains(&format!("Content-Length: {}\r\n", e.body.len())));
    }

    #[test]
    fn curl_body_survives_the_shell() {
        let e = event();
        let h = Headers::new();
        let cmd = curl(&SignedRequest {
            url: "http://x/",
            event: &e,
            headers: &h,
        });
        // Run only the printf part through sh and compare bytes.
        let printf = cmd.split(" | curl").next().unwrap();
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(printf)
            .output()
            .unwrap();
        assert_eq!(out.stdout, e.body);
    }
}

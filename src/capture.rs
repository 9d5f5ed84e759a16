//! Reads a captured request from text: the JSON `hookcli sign --format json`
//! prints, or a raw HTTP/1.1 request. Pure: bytes in, `Request` out.

use crate::request::{Headers, Request, called_url};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CaptureError {
    #[error("not a JSON capture: {0}")]
    Json(String),
    #[error("not an HTTP request: {0}")]
    Http(String),
}

/// Parses `bytes` as a JSON capture (`{"headers": {...}, "body": "..."}`)
/// when it starts with `{`, else as a raw HTTP request.
pub fn parse(bytes: &[u8]) -> Result<Request, CaptureError> {
    let trimmed = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&[][..], |i| &bytes[i..]);
    if trimmed.first() == Some(&b'{') {
        parse_json(trimmed)
    } else {
        parse_http(bytes)
    }
}

fn parse_json(bytes: &[u8]) -> Result<Request, CaptureError> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| CaptureError::Json(e.to_string()))?;
    let headers = match value.get("headers") {
        Some(serde_json::Value::Object(map)) => map
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    v.as_str().map_or_else(|| v.to_string(), str::to_string),
                )
            })
            .collect(),
        Some(serde_json::Value::Array(pairs)) => pairs
            .iter()
            .filter_map(|p| {
                Some((
                    p.get(0)?.as_str()?.to_string(),
                    p.get(1)?.as_str()?.to_string(),
                ))
            })
            .collect(),
        _ => return Err(CaptureError::Json("no \"headers\" object".into())),
    };
    let body = match value.get("body") {
        Some(serde_json::Value::String(s)) => s.clone().into_bytes(),
        _ => return Err(CaptureError::Json("no \"body\" string".into())),
    };
    let text = |key: &str| value.get(key).and_then(|v| v.as_str()).map(str::to_string);
    Ok(Request {
        method: text("method").unwrap_or_else(|| "POST".to_string()),
        url: text("url"),
        headers,
        body,
    })
}

fn parse_http(bytes: &[u8]) -> Result<Request, CaptureError> {
    let mut slots = [httparse::EMPTY_HEADER; 128];
    let mut req = httparse::Request::new(&mut slots);
    let head_len = match req.parse(bytes) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => {
            return Err(CaptureError::Http(
                "the headers do not end with a blank line".into(),
            ));
        }
        Err(e) => return Err(CaptureError::Http(e.to_string())),
    };
    let mut headers = Headers::new();
    for h in req.headers.iter() {
        headers.push(h.name, String::from_utf8_lossy(h.value).into_owned());
    }
    if headers
        .get("Transfer-Encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
    {
        return Err(CaptureError::Http(
            "chunked bodies are not supported; save the decoded body with --body".into(),
        ));
    }
    let mut body = bytes[head_len..].to_vec();
    if let Some(len) = headers
        .get("Content-Length")
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        if len > body.len() {
            return Err(CaptureError::Http(format!(
                "Content-Length says {len} bytes but only {} follow",
                body.len()
            )));
        }
        body.truncate(len);
    }
    let method = req.method.unwrap_or("POST").to_string();
    let url = req.path.map(|target| called_url(&headers, target));
    Ok(Request {
        method,
        url,
        headers,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_http() {
        let raw = b"POST /w HTTP/1.1\r\nHost: x\r\nStripe-Signature: t=1,v1=a\r\nContent-Length: 2\r\n\r\n{}";
        let r = parse(raw).unwrap();
        assert_eq!(r.body, b"{}");
        assert_eq!(r.headers.get("stripe-signature"), Some("t=1,v1=a"));
        assert_eq!(r.method, "POST");
        assert_eq!(r.url.as_deref(), Some("http://x/w"));
    }

    #[test]
    fn json_capture() {
        let r = parse(br#"{"headers": {"A": "b"}, "body": "{\n}"}"#).unwrap();
        assert_eq!(r.body, b"{\n}");
        assert_eq!(r.headers.get("a"), Some("b"));
    }

    #[test]
    fn garbage() {
        assert!(parse(b"hello").is_err());
        assert!(parse(b"{\"x\": 1}").is_err());
    }
}

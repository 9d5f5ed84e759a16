//! Load mode's connections over plain `http://`: hyper's low-level HTTP/1.1
//! client (`hyper::client::conn::http1`) on a tokio `TcpStream`, one
//! keep-alive connection per worker, no pool. Everything else (https,
//! single deliveries, `deliver_blocking`) goes through reqwest in
//! `client.rs`.

use super::{DeliveryError, MAX_BODY, Response};
use crate::request::Headers;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper::header::{HOST, HeaderName, HeaderValue};
use hyper_util::rt::TokioIo;
use std::io::ErrorKind;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;

/// Where requests go: the parts of an `http://` URL the wire needs.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// `host:port`, for connecting and for messages.
    authority: String,
    host_header: HeaderValue,
    /// Path and query.
    target: hyper::Uri,
}

impl Endpoint {
    /// `None` unless `url` is plain `http://`.
    pub fn from_url(url: &str) -> Option<Endpoint> {
        let parsed = reqwest::Url::parse(url).ok()?;
        if parsed.scheme() != "http" {
            return None;
        }
        let host = parsed.host_str()?.to_string();
        let port = parsed.port_or_known_default()?;
        let host_header = match parsed.port() {
            Some(p) => format!("{host}:{p}"),
            None => host.clone(),
        };
        let mut target = parsed.path().to_string();
        if let Some(q) = parsed.query() {
            target.push('?');
            target.push_str(q);
        }
        Some(Endpoint {
            authority: format!("{host}:{port}"),
            host_header: HeaderValue::from_str(&host_header).ok()?,
            target: target.parse().ok()?,
        })
    }
}

fn io_error(e: std::io::Error, ep: &Endpoint) -> DeliveryError {
    match e.kind() {
        ErrorKind::ConnectionRefused => DeliveryError::Refused {
            addr: ep.authority.clone(),
        },
        ErrorKind::TimedOut => DeliveryError::Timeout {
            after: Duration::ZERO,
        },
        _ => DeliveryError::Other(e.to_string()),
    }
}

fn hyper_error(e: hyper::Error) -> DeliveryError {
    DeliveryError::Other(e.to_string())
}

/// One keep-alive connection; its I/O runs on a task of its own.
pub struct Conn {
    sender: http1::SendRequest<Full<Bytes>>,
    /// Requests answered on this connection so far.
    used: u64,
}

impl Conn {
    pub async fn connect(ep: &Endpoint) -> Result<Conn, DeliveryError> {
        let host = || DeliveryError::Dns {
            host: ep
                .authority
                .rsplit_once(':')
                .map_or("", |h| h.0)
                .to_string(),
        };
        let addrs: Vec<_> = tokio::net::lookup_host(&ep.authority)
            .await
            .map_err(|_| host())?
            .collect();
        let mut last = None;
        for addr in addrs {
            match TcpStream::connect(addr).await {
                Ok(stream) => {
                    let _ = stream.set_nodelay(true);
                    let (sender, conn) = http1::Builder::new()
                        .title_case_headers(true)
                        .handshake(TokioIo::new(stream))
                        .await
                        .map_err(hyper_error)?;
                    tokio::spawn(conn);
                    return Ok(Conn { sender, used: 0 });
                }
                Err(e) => last = Some(e),
            }
        }
        Err(match last {
            Some(e) => io_error(e, ep),
            None => host(),
        })
    }

    /// Sends one POST and reads the response. Returns whether the
    /// connection may be used again.
    pub async fn post(
        &mut self,
        ep: &Endpoint,
        headers: &Headers,
        body: Bytes,
    ) -> Result<(Response, bool), DeliveryError> {
        let started = Instant::now();
        let mut req = hyper::Request::post(ep.target.clone())
            .body(Full::new(body))
            .map_err(|e| DeliveryError::Other(e.to_string()))?;
        let map = req.headers_mut();
        map.reserve(headers.len() + 1);
        map.insert(HOST, ep.host_header.clone());
        for (name, value) in headers.iter() {
            let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_str(value),
            ) else {
                return Err(DeliveryError::Other(format!(
                    "the {name} header cannot be sent as is"
                )));
            };
            map.append(name, value);
        }
        self.sender.ready().await.map_err(hyper_error)?;
        let response = self.sender.send_request(req).await.map_err(hyper_error)?;
        let status = response.status().as_u16();
        let headers: Headers = response
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let mut incoming = response.into_body();
        let mut bytes = Vec::new();
        let mut complete = true;
        while let Some(frame) = incoming.frame().await {
            if let Ok(data) = frame.map_err(hyper_error)?.into_data() {
                let room = MAX_BODY - bytes.len();
                bytes.extend_from_slice(&data[..data.len().min(room)]);
                if bytes.len() >= MAX_BODY {
                    complete = hyper::body::Body::is_end_stream(&incoming);
                    break;
                }
            }
        }
        self.used += 1;
        let reusable = complete && !self.sender.is_closed();
        Ok((
            Response {
                status,
                headers,
                body: bytes,
                latency: started.elapsed(),
            },
            reusable,
        ))
    }

    /// Whether this connection already carried a request (a failure on it
    /// may just be the server closing an idle keep-alive connection).
    pub fn reused(&self) -> bool {
        self.used > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints() {
        let ep = Endpoint::from_url("http://localhost:4242/webhooks?x=1").unwrap();
        assert_eq!(ep.authority, "localhost:4242");
        assert_eq!(ep.host_header, "localhost:4242");
        assert_eq!(ep.target, "/webhooks?x=1");
        assert_eq!(
            Endpoint::from_url("http://example.test/")
                .unwrap()
                .authority,
            "example.test:80"
        );
        assert!(Endpoint::from_url("https://localhost/").is_none());
    }
}

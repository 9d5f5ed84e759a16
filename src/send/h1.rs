//! A lean HTTP/1.1 client for load mode over plain `http://`: one
//! keep-alive connection per worker, the request written with one syscall,
//! the response parsed in place with httparse. Everything else (https,
//! single deliveries, `deliver_blocking`) goes through reqwest in
//! `client.rs`.
//!
//! Why not hyper's low-level client (`hyper::client::conn::http1`), which
//! the project would rather use than hand-written HTTP: measured against
//! wrk, hyper's per-request work (HeaderMap, dispatcher channel, response
//! body frames) keeps load mode under its target and this client does not
//! (benches/README.md has the figures and the setup).
//! If hyper closes the gap, replace this file with it.

use super::{DeliveryError, MAX_BODY, Response};
use crate::request::Headers;
use std::io::{ErrorKind, Write as _};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Where requests go: the parts of an `http://` URL the wire needs.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// `host:port`, for connecting and for messages.
    authority: String,
    host_header: String,
    /// Path and query.
    target: String,
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
            host_header,
            target,
        })
    }
}

/// One keep-alive connection and its buffers.
pub struct Conn {
    stream: TcpStream,
    wbuf: Vec<u8>,
    rbuf: Vec<u8>,
    /// Requests answered on this connection so far.
    used: u64,
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

impl Conn {
    pub async fn connect(ep: &Endpoint) -> Result<Conn, DeliveryError> {
        let addrs: Vec<_> = tokio::net::lookup_host(&ep.authority)
            .await
            .map_err(|_| DeliveryError::Dns {
                host: ep
                    .authority
                    .rsplit_once(':')
                    .map_or("", |h| h.0)
                    .to_string(),
            })?
            .collect();
        let mut last = None;
        for addr in addrs {
            match TcpStream::connect(addr).await {
                Ok(stream) => {
                    let _ = stream.set_nodelay(true);
                    return Ok(Conn {
                        stream,
                        wbuf: Vec::with_capacity(4096),
                        rbuf: Vec::with_capacity(4096),
                        used: 0,
                    });
                }
                Err(e) => last = Some(e),
            }
        }
        Err(match last {
            Some(e) => io_error(e, ep),
            None => DeliveryError::Dns {
                host: ep.authority.clone(),
            },
        })
    }

    /// Sends one POST and reads the response. Returns whether the
    /// connection may be used again.
    pub async fn post(
        &mut self,
        ep: &Endpoint,
        headers: &Headers,
        body: &[u8],
    ) -> Result<(Response, bool), DeliveryError> {
        let started = Instant::now();
        let w = &mut self.wbuf;
        w.clear();
        w.extend_from_slice(b"POST ");
        w.extend_from_slice(ep.target.as_bytes());
        w.extend_from_slice(b" HTTP/1.1\r\nHost: ");
        w.extend_from_slice(ep.host_header.as_bytes());
        w.extend_from_slice(b"\r\n");
        for (name, value) in headers.iter() {
            if name.contains(['\r', '\n', ':']) || value.contains(['\r', '\n']) {
                return Err(DeliveryError::Other(format!(
                    "the {name} header cannot be sent as is"
                )));
            }
            w.extend_from_slice(name.as_bytes());
            w.extend_from_slice(b": ");
            w.extend_from_slice(value.as_bytes());
            w.extend_from_slice(b"\r\n");
        }
        write!(w, "Content-Length: {}\r\n\r\n", body.len()).expect("writing to a Vec");
        w.extend_from_slice(body);
        self.stream
            .write_all(&self.wbuf)
            .await
            .map_err(|e| io_error(e, ep))?;
        self.rbuf.clear();
        loop {
            if let Some(done) = self.parse_response()? {
                let (status, headers, body, consumed, keep_alive) = done;
                self.used += 1;
                // Anything after the response (pipelined garbage) ends reuse.
                let keep_alive = keep_alive && consumed == self.rbuf.len();
                return Ok((
                    Response {
                        status,
                        headers,
                        body,
                        latency: started.elapsed(),
                    },
                    keep_alive,
                ));
            }
            if self.rbuf.len() > MAX_BODY + 64 * 1024 {
                return Err(DeliveryError::Other("response too large".into()));
            }
            // Into spare capacity: nothing is zeroed per read.
            self.rbuf.reserve(16 * 1024);
            let n = self
                .stream
                .read_buf(&mut self.rbuf)
                .await
                .map_err(|e| io_error(e, ep))?;
            if n == 0 {
                // Close-delimited body: what arrived is the body.
                return match self.parse_head()? {
                    Some((status, headers, head_len, _)) => {
                        let body = self.rbuf[head_len..].to_vec();
                        Ok((
                            Response {
                                status,
                                headers,
                                body,
                                latency: started.elapsed(),
                            },
                            false,
                        ))
                    }
                    None if self.rbuf.is_empty() => Err(DeliveryError::Other(
                        "the server closed the connection without answering".into(),
                    )),
                    None => Err(DeliveryError::Other(
                        "the server sent an incomplete response".into(),
                    )),
                };
            }
        }
    }

    /// Whether this connection already carried a request (a failure on it
    /// may just be the server closing an idle keep-alive connection).
    pub fn reused(&self) -> bool {
        self.used > 0
    }

    /// Status, headers, head length and framing of the response head in
    /// `rbuf`, skipping any 1xx interim responses.
    #[allow(clippy::type_complexity)]
    fn parse_head(&mut self) -> Result<Option<(u16, Headers, usize, BodyEnd)>, DeliveryError> {
        loop {
            let mut slots = [httparse::EMPTY_HEADER; 64];
            let mut res = httparse::Response::new(&mut slots);
            let head_len = match res.parse(&self.rbuf) {
                Ok(httparse::Status::Complete(n)) => n,
                Ok(httparse::Status::Partial) => return Ok(None),
                Err(e) => return Err(DeliveryError::Other(format!("not an HTTP response: {e}"))),
            };
            let status = res.code.unwrap_or(0);
            if (100..200).contains(&status) && status != 101 {
                self.rbuf.drain(..head_len);
                continue;
            }
            let mut headers = Headers::new();
            let mut framing = BodyEnd::Close;
            let mut close = res.version == Some(0);
            for h in res.headers.iter() {
                let value = String::from_utf8_lossy(h.value).into_owned();
                if h.name.eq_ignore_ascii_case("content-length") {
                    if let Ok(n) = value.trim().parse::<usize>() {
                        framing = BodyEnd::Length(n);
                    }
                } else if h.name.eq_ignore_ascii_case("transfer-encoding")
                    && value.to_ascii_lowercase().contains("chunked")
                {
                    framing = BodyEnd::Chunked;
                } else if h.name.eq_ignore_ascii_case("connection") {
                    let v = value.to_ascii_lowercase();
                    close = v.contains("close")
                        || (res.version == Some(0) && !v.contains("keep-alive"));
                }
                headers.push(h.name.to_ascii_lowercase(), value);
            }
            if status == 204 || status == 304 {
                framing = BodyEnd::Length(0);
            }
            if close && framing != BodyEnd::Close {
                framing = match framing {
                    BodyEnd::Length(n) => BodyEnd::LengthThenClose(n),
                    other => other,
                };
            }
            return Ok(Some((status, headers, head_len, framing)));
        }
    }

    /// A complete response in `rbuf`: (status, headers, body, bytes used, keep-alive).
    #[allow(clippy::type_complexity)]
    fn parse_response(
        &mut self,
    ) -> Result<Option<(u16, Headers, Vec<u8>, usize, bool)>, DeliveryError> {
        let Some((status, headers, head_len, framing)) = self.parse_head()? else {
            return Ok(None);
        };
        let rest = &self.rbuf[head_len..];
        match framing {
            BodyEnd::Length(n) | BodyEnd::LengthThenClose(n) => {
                if rest.len() < n {
                    return Ok(None);
                }
                let body = rest[..n.min(MAX_BODY)].to_vec();
                Ok(Some((
                    status,
                    headers,
                    body,
                    head_len + n,
                    matches!(framing, BodyEnd::Length(_)),
                )))
            }
            BodyEnd::Chunked => match dechunk(rest)? {
                Some((body, used)) => Ok(Some((status, headers, body, head_len + used, true))),
                None => Ok(None),
            },
            BodyEnd::Close => Ok(None),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyEnd {
    Length(usize),
    LengthThenClose(usize),
    Chunked,
    /// The body ends when the server closes the connection.
    Close,
}

/// Decodes a complete chunked body: (body, bytes used), or `None` if more is needed.
fn dechunk(buf: &[u8]) -> Result<Option<(Vec<u8>, usize)>, DeliveryError> {
    let bad = || DeliveryError::Other("malformed chunked response".into());
    let mut body = Vec::new();
    let mut at = 0;
    loop {
        let Some(eol) = buf[at..].windows(2).position(|w| w == b"\r\n") else {
            return Ok(None);
        };
        let line = std::str::from_utf8(&buf[at..at + eol]).map_err(|_| bad())?;
        let size_text = line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| bad())?;
        at += eol + 2;
        if size == 0 {
            // Trailers, then an empty line.
            loop {
                let Some(eol) = buf[at..].windows(2).position(|w| w == b"\r\n") else {
                    return Ok(None);
                };
                at += eol + 2;
                if eol == 0 {
                    return Ok(Some((body, at)));
                }
            }
        }
        if buf.len() < at + size + 2 {
            return Ok(None);
        }
        if body.len() < MAX_BODY {
            body.extend_from_slice(&buf[at..at + size.min(MAX_BODY - body.len())]);
        }
        at += size + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies() {
        let wire = b"4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\nX-T: 1\r\n\r\nNEXT";
        let (body, used) = dechunk(wire).unwrap().unwrap();
        assert_eq!(body, b"Wikipedia");
        assert_eq!(&wire[used..], b"NEXT");
        assert!(dechunk(b"4\r\nWi").unwrap().is_none());
        assert!(dechunk(b"zz\r\n").is_err());
    }

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

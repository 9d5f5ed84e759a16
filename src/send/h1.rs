//! A lean HTTP/1.1 client for load mode over plain `http://`: one
//! keep-alive connection per worker, each request serialized once, when it
//! is prepared, and written with one syscall, the response parsed in place
//! with httparse and only its status kept (load mode counts statuses;
//! nothing is allocated per response). Everything else (https, single
//! deliveries, `deliver_blocking`) goes through reqwest in `client.rs`.
//!
//! Why not hyper's low-level client (`hyper::client::conn::http1`), which
//! the project would rather use than hand-written HTTP: measured against
//! wrk, hyper's per-request work (HeaderMap, dispatcher channel, response
//! body frames) keeps load mode under its target and this client does not
//! (benches/README.md has the figures and the setup).
//! If hyper closes the gap, replace this file with it.

use super::load::Answer;
use super::{DeliveryError, MAX_BODY};
use crate::provider::HeaderSink;
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

/// Whether `text` holds a CR or LF. Every header of every request is
/// checked, so this looks at bytes (both are ASCII) with no branch per
/// byte (a `str::contains` of chars decodes each char first, several
/// times slower).
fn breaks_line(text: &[u8]) -> bool {
    text.iter()
        .fold(false, |found, &b| found | (b == b'\r') | (b == b'\n'))
}

/// Appends a POST of `body` with `headers` to `ep`, as it goes on the
/// wire, to `out`; refuses (leaving `out` as it was) a header that would
/// break the request's framing.
pub fn write_post(
    ep: &Endpoint,
    headers: &Headers,
    body: &[u8],
    out: &mut Vec<u8>,
) -> Result<(), DeliveryError> {
    if let Some((name, _)) = headers.iter().find(|(name, value)| {
        breaks_line(name.as_bytes()) || name.contains(':') || breaks_line(value.as_bytes())
    }) {
        return Err(DeliveryError::Other(format!(
            "the {name} header cannot be sent as is"
        )));
    }
    out.extend_from_slice(b"POST ");
    out.extend_from_slice(ep.target.as_bytes());
    out.extend_from_slice(b" HTTP/1.1\r\nHost: ");
    out.extend_from_slice(ep.host_header.as_bytes());
    out.extend_from_slice(b"\r\n");
    for (name, value) in headers.iter() {
        out.put(name, &[value]);
    }
    write!(out, "Content-Length: {}\r\n\r\n", body.len()).expect("writing to a Vec");
    out.extend_from_slice(body);
    Ok(())
}

/// One keep-alive connection and its read buffer.
pub struct Conn {
    stream: TcpStream,
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

    /// Sends one request, as [`write_post`] made it, and reads the
    /// response. Returns whether the connection may be used again.
    pub async fn post(
        &mut self,
        ep: &Endpoint,
        wire: &[u8],
    ) -> Result<(Answer, bool), DeliveryError> {
        let started = Instant::now();
        self.stream
            .write_all(wire)
            .await
            .map_err(|e| io_error(e, ep))?;
        self.rbuf.clear();
        loop {
            if let Some((status, consumed, keep_alive)) = self.parse_response()? {
                self.used += 1;
                // Anything after the response (pipelined garbage) ends reuse.
                let keep_alive = keep_alive && consumed == self.rbuf.len();
                let latency = started.elapsed();
                return Ok((Answer { status, latency }, keep_alive));
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
                    Some((status, _, _)) => Ok((
                        Answer {
                            status,
                            latency: started.elapsed(),
                        },
                        false,
                    )),
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

    /// Status, head length and framing of the response head in `rbuf`,
    /// skipping any 1xx interim responses.
    fn parse_head(&mut self) -> Result<Option<(u16, usize, BodyEnd)>, DeliveryError> {
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
            let mut framing = BodyEnd::Close;
            let mut close = res.version == Some(0);
            let has = |value: &[u8], word: &[u8]| {
                value
                    .windows(word.len())
                    .any(|w| w.eq_ignore_ascii_case(word))
            };
            for h in res.headers.iter() {
                if h.name.eq_ignore_ascii_case("content-length") {
                    let n = std::str::from_utf8(h.value)
                        .ok()
                        .and_then(|v| v.trim().parse::<usize>().ok());
                    if let Some(n) = n {
                        framing = BodyEnd::Length(n);
                    }
                } else if h.name.eq_ignore_ascii_case("transfer-encoding")
                    && has(h.value, b"chunked")
                {
                    framing = BodyEnd::Chunked;
                } else if h.name.eq_ignore_ascii_case("connection") {
                    close = has(h.value, b"close")
                        || (res.version == Some(0) && !has(h.value, b"keep-alive"));
                }
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
            return Ok(Some((status, head_len, framing)));
        }
    }

    /// A complete response in `rbuf`: (status, bytes used, keep-alive).
    fn parse_response(&mut self) -> Result<Option<(u16, usize, bool)>, DeliveryError> {
        let Some((status, head_len, framing)) = self.parse_head()? else {
            return Ok(None);
        };
        let rest = &self.rbuf[head_len..];
        match framing {
            BodyEnd::Length(n) | BodyEnd::LengthThenClose(n) => Ok((rest.len() >= n)
                .then(|| (status, head_len + n, matches!(framing, BodyEnd::Length(_))))),
            BodyEnd::Chunked => Ok(chunked_len(rest)?.map(|used| (status, head_len + used, true))),
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

/// The length of a complete chunked body at the start of `buf`, or `None`
/// if more is needed.
fn chunked_len(buf: &[u8]) -> Result<Option<usize>, DeliveryError> {
    let bad = || DeliveryError::Other("malformed chunked response".into());
    let line_end = |at: usize| memchr::memmem::find(&buf[at..], b"\r\n");
    let mut at = 0;
    loop {
        let Some(eol) = line_end(at) else {
            return Ok(None);
        };
        let line = std::str::from_utf8(&buf[at..at + eol]).map_err(|_| bad())?;
        let size_text = line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| bad())?;
        at += eol + 2;
        if size == 0 {
            // Trailers, then an empty line.
            loop {
                let Some(eol) = line_end(at) else {
                    return Ok(None);
                };
                at += eol + 2;
                if eol == 0 {
                    return Ok(Some(at));
                }
            }
        }
        let Some(next) = at.checked_add(size).and_then(|n| n.checked_add(2)) else {
            return Err(bad());
        };
        if buf.len() < next {
            return Ok(None);
        }
        at = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies() {
        let wire = b"4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\nX-T: 1\r\n\r\nNEXT";
        let used = chunked_len(wire).unwrap().unwrap();
        assert_eq!(&wire[used..], b"NEXT");
        assert!(chunked_len(b"4\r\nWi").unwrap().is_none());
        assert!(chunked_len(b"zz\r\n").is_err());
        assert!(chunked_len(b"ffffffffffffffff\r\n").is_err());
    }

    /// One request to a server that answers with `reply` (written in two
    /// pieces, split at `split`, then the connection closed if `close`):
    /// the status and whether the connection could carry another.
    fn exchange(
        reply: &'static [u8],
        split: usize,
        close: bool,
    ) -> Result<(u16, bool), DeliveryError> {
        use std::io::{Read, Write};
        let server = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let ep =
            Endpoint::from_url(&format!("http://{}/hook", server.local_addr().unwrap())).unwrap();
        let answering = std::thread::spawn(move || {
            let (mut s, _) = server.accept().unwrap();
            let mut got = Vec::new();
            let mut buf = [0u8; 4096];
            while !got.ends_with(b"{}") {
                let n = s.read(&mut buf).unwrap();
                assert!(n > 0, "the request ended early");
                got.extend_from_slice(&buf[..n]);
            }
            s.write_all(&reply[..split]).unwrap();
            s.flush().unwrap();
            std::thread::sleep(Duration::from_millis(20));
            s.write_all(&reply[split..]).unwrap();
            if !close {
                // Held open until the client is done.
                let _ = s.read(&mut buf);
            }
            String::from_utf8(got).unwrap()
        });
        let headers: Headers = [("X-Test", "1".to_string())].into_iter().collect();
        let mut wire = Vec::new();
        write_post(&ep, &headers, b"{}", &mut wire).unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let result = rt.block_on(async {
            let mut conn = Conn::connect(&ep).await?;
            let (answer, keep_alive) = conn.post(&ep, &wire).await?;
            Ok((answer.status, keep_alive))
        });
        let request = answering.join().unwrap();
        assert!(
            request.starts_with("POST /hook HTTP/1.1\r\nHost: 127.0.0.1:"),
            "{request}"
        );
        assert!(
            request.ends_with("X-Test: 1\r\nContent-Length: 2\r\n\r\n{}"),
            "{request}"
        );
        result
    }

    #[test]
    fn responses_are_framed_as_http_says_whatever_the_reads() {
        let cases: [(&[u8], u16, bool); 6] = [
            (b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 200, true),
            (
                b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nTransfer-Encoding: Chunked\r\n\r\n4\r\nWiki\r\n0\r\n\r\n",
                201,
                true,
            ),
            (b"HTTP/1.1 202 Accepted\r\nConnection: Close\r\nContent-Length: 2\r\n\r\nok", 202, false),
            (b"HTTP/1.0 204 No Content\r\n\r\n", 204, false),
            (b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", 200, true),
            // Pipelined garbage after the response ends reuse.
            (b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK", 200, false),
        ];
        for (reply, status, keep_alive) in cases {
            for split in [reply.len(), 12, reply.len() - 3] {
                let close = !keep_alive;
                assert_eq!(
                    exchange(reply, split, close).map_err(|e| e.to_string()),
                    Ok((status, keep_alive)),
                    "{} split at {split}",
                    String::from_utf8_lossy(reply)
                );
            }
        }
        // A body that ends when the server closes; one cut short by the
        // close still brought its status.
        for reply in [
            &b"HTTP/1.1 200 OK\r\n\r\nall of it"[..],
            b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nshort",
        ] {
            assert_eq!(
                exchange(reply, 20, true).map_err(|e| e.to_string()),
                Ok((200, false))
            );
        }
        for (reply, why) in [
            (&b"nonsense\r\n\r\n"[..], "not an HTTP response"),
            (b"HTTP/1.1 200", "an incomplete response"),
            (b"", "without answering"),
            (
                b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                "malformed chunked",
            ),
        ] {
            let e = exchange(reply, 0, true).unwrap_err().to_string();
            assert!(e.contains(why), "{e}");
        }
    }

    #[test]
    fn a_header_that_would_break_the_framing_is_refused() {
        let ep = Endpoint::from_url("http://127.0.0.1:1/").unwrap();
        for (name, value) in [
            ("X-A", "1\r\nX-B: 2"),
            ("X-A", "1\n"),
            ("X-A: b", "1"),
            ("X\rA", "1"),
        ] {
            let headers: Headers = [(name, value.to_string())].into_iter().collect();
            let mut wire = b"kept".to_vec();
            assert!(
                write_post(&ep, &headers, b"{}", &mut wire).is_err(),
                "{name:?}: {value:?}"
            );
            assert_eq!(wire, b"kept");
        }
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

//! The only inbound HTTP code: a small HTTP/1.1 server on plain threads.
//!
//! Written on `std::net` + `httparse` rather than tiny_http because the
//! listener must stay up under garbage, and tiny_http 0.12 cannot bound it:
//! it reads header lines into an unbounded buffer, sets no read timeout (a
//! slow client holds a thread forever) and starts a thread per connection
//! with no cap. Here every connection has a read/write timeout, a deadline
//! for its request head, a head-size and header-count limit (431), a body
//! limit checked before reading (413), and the number of connections is
//! capped (503 beyond it). One connection misbehaving costs one thread.

use crate::request::Headers;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// What the server tolerates from a client.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest body accepted; larger gets 413 without being read.
    pub max_body: usize,
    /// Largest request line + headers; larger gets 431.
    pub max_head: usize,
    pub max_headers: usize,
    /// Longest wait for any single read or write.
    pub io_timeout: Duration,
    /// Longest time a client may take to send a request head.
    pub head_deadline: Duration,
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body: 5 << 20,
            max_head: 64 << 10,
            max_headers: 100,
            io_timeout: Duration::from_secs(10),
            head_deadline: Duration::from_secs(10),
            max_connections: 512,
        }
    }
}

/// One request as it arrived.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub method: String,
    /// The request target as sent (path and query).
    pub target: String,
    pub headers: Headers,
    pub body: Vec<u8>,
    pub remote: SocketAddr,
}

/// The answer to send.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Outgoing {
    pub fn json(status: u16, body: &serde_json::Value) -> Outgoing {
        Outgoing {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: format!("{body}\n").into_bytes(),
        }
    }
}

/// Turns requests into answers. Called concurrently, one call per request.
pub trait Handler: Send + Sync {
    fn handle(&self, request: Incoming) -> Outgoing;
}

/// Stops a running [`Server`] from another thread (a signal handler).
#[derive(Clone)]
pub struct Stopper {
    stop: Arc<AtomicBool>,
    addr: SocketAddr,
}

impl Stopper {
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

pub struct Server {
    listener: TcpListener,
    limits: Limits,
    stop: Arc<AtomicBool>,
}

struct Shared {
    limits: Limits,
    stop: Arc<AtomicBool>,
    connections: AtomicUsize,
    in_flight: AtomicUsize,
}

impl Server {
    pub fn bind(addr: SocketAddr, limits: Limits) -> io::Result<Server> {
        Ok(Server {
            listener: TcpListener::bind(addr)?,
            limits,
            stop: Arc::new(AtomicBool::new(false)),
        })
    }

    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    pub fn stopper(&self) -> io::Result<Stopper> {
        let mut addr = self.local_addr()?;
        if addr.ip().is_unspecified() {
            addr.set_ip(match addr {
                SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        Ok(Stopper {
            stop: self.stop.clone(),
            addr,
        })
    }

    /// Serves until stopped, then waits (up to the I/O timeout) for requests
    /// being handled to be answered.
    pub fn run(self, handler: Arc<dyn Handler>) {
        let shared = Arc::new(Shared {
            limits: self.limits,
            stop: self.stop.clone(),
            connections: AtomicUsize::new(0),
            in_flight: AtomicUsize::new(0),
        });
        for stream in self.listener.incoming() {
            if shared.stop.load(Ordering::SeqCst) {
                break;
            }
            let Ok(stream) = stream else {
                // EMFILE and friends: back off instead of spinning.
                std::thread::sleep(Duration::from_millis(10));
                continue;
            };
            if shared.connections.load(Ordering::SeqCst) >= shared.limits.max_connections {
                refuse_busy(stream);
                continue;
            }
            shared.connections.fetch_add(1, Ordering::SeqCst);
            let (shared2, handler) = (shared.clone(), handler.clone());
            let spawned = std::thread::Builder::new()
                .name("hookcli-conn".into())
                .stack_size(1 << 20)
                .spawn(move || {
                    serve_connection(stream, &shared2, handler.as_ref());
                    shared2.connections.fetch_sub(1, Ordering::SeqCst);
                });
            if spawned.is_err() {
                shared.connections.fetch_sub(1, Ordering::SeqCst);
            }
        }
        let deadline = Instant::now() + shared.limits.io_timeout;
        while shared.in_flight.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

fn refuse_busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(100)));
    let _ = stream.write_all(&raw_response(
        503,
        &[],
        b"{\"error\":\"too_many_connections\"}\n",
        false,
    ));
}

/// A parsed request head.
struct Head {
    method: String,
    target: String,
    headers: Headers,
    keep_alive: bool,
    /// HTTP/1.0: keep-alive must be said explicitly.
    http10: bool,
    len: usize,
}

enum HeadResult {
    Complete(Head),
    Partial,
    Reject(u16, &'static str),
}

fn parse_head(buf: &[u8], limits: &Limits) -> HeadResult {
    let mut slots = vec![httparse::EMPTY_HEADER; limits.max_headers];
    let mut req = httparse::Request::new(&mut slots);
    match req.parse(buf) {
        Ok(httparse::Status::Complete(len)) => {
            let mut headers = Headers::new();
            for h in req.headers.iter() {
                headers.push(h.name, String::from_utf8_lossy(h.value).into_owned());
            }
            let version = req.version.unwrap_or(1);
            let connection = headers
                .get("Connection")
                .map(str::to_ascii_lowercase)
                .unwrap_or_default();
            let keep_alive = if version == 0 {
                connection.contains("keep-alive")
            } else {
                !connection.contains("close")
            };
            HeadResult::Complete(Head {
                method: req.method.unwrap_or("").to_string(),
                target: req.path.unwrap_or("/").to_string(),
                headers,
                keep_alive,
                http10: version == 0,
                len,
            })
        }
        Ok(httparse::Status::Partial) if buf.len() > limits.max_head => {
            HeadResult::Reject(431, "request_header_fields_too_large")
        }
        Ok(httparse::Status::Partial) => HeadResult::Partial,
        Err(httparse::Error::TooManyHeaders) => HeadResult::Reject(431, "too_many_headers"),
        Err(_) => HeadResult::Reject(400, "malformed_request"),
    }
}

/// Reads more bytes into `buf`; `Ok(0)` is end of stream.
fn fill(stream: &mut TcpStream, buf: &mut Vec<u8>) -> io::Result<usize> {
    let mut chunk = [0u8; 16 << 10];
    let n = stream.read(&mut chunk)?;
    buf.extend_from_slice(&chunk[..n]);
    Ok(n)
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

fn error_body(error: &str) -> Vec<u8> {
    format!("{{\"error\":\"{error}\"}}\n").into_bytes()
}

fn serve_connection(mut stream: TcpStream, shared: &Shared, handler: &dyn Handler) {
    let limits = &shared.limits;
    let Ok(remote) = stream.peer_addr() else {
        return;
    };
    let _ = stream.set_read_timeout(Some(limits.io_timeout));
    let _ = stream.set_write_timeout(Some(limits.io_timeout));
    let _ = stream.set_nodelay(true);
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    loop {
        let started = Instant::now();
        let head = loop {
            if !buf.is_empty() {
                match parse_head(&buf, limits) {
                    HeadResult::Complete(head) => break head,
                    HeadResult::Reject(status, error) => {
                        let _ =
                            stream.write_all(&raw_response(status, &[], &error_body(error), false));
                        return;
                    }
                    HeadResult::Partial => {}
                }
                if started.elapsed() > limits.head_deadline {
                    let _ = stream.write_all(&raw_response(
                        408,
                        &[],
                        &error_body("request_timeout"),
                        false,
                    ));
                    return;
                }
            }
            match fill(&mut stream, &mut buf) {
                Ok(0) => return,
                Ok(_) => {}
                Err(e) if is_timeout(&e) && !buf.is_empty() => {
                    let _ = stream.write_all(&raw_response(
                        408,
                        &[],
                        &error_body("request_timeout"),
                        false,
                    ));
                    return;
                }
                Err(_) => return,
            }
        };
        buf.drain(..head.len);
        let body = match read_body(&mut stream, &mut buf, &head, limits) {
            Ok(body) => body,
            Err(Some((status, error))) => {
                let _ = stream.write_all(&raw_response(status, &[], &error_body(error), false));
                return;
            }
            Err(None) => return,
        };
        let keep_alive = head.keep_alive && !shared.stop.load(Ordering::SeqCst);
        let (head_only, http10) = (head.method == "HEAD", head.http10);
        shared.in_flight.fetch_add(1, Ordering::SeqCst);
        let out = handler.handle(Incoming {
            method: head.method,
            target: head.target,
            headers: head.headers,
            body,
            remote,
        });
        let framing = Framing {
            keep_alive,
            say_keep_alive: keep_alive && http10,
            // Same head, no body (RFC 9110 §9.3.2), so the connection stays in step.
            omit_body: head_only,
        };
        let response = framed_response(out.status, &out.headers, &out.body, framing);
        let written = stream.write_all(&response);
        shared.in_flight.fetch_sub(1, Ordering::SeqCst);
        if written.is_err() || !keep_alive {
            return;
        }
    }
}

/// The body per Content-Length or chunked encoding. `Err(Some(..))` is an
/// answer to send before closing; `Err(None)` means the client went away.
fn read_body(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    head: &Head,
    limits: &Limits,
) -> Result<Vec<u8>, Option<(u16, &'static str)>> {
    let io_err = |e: io::Error| {
        if is_timeout(&e) {
            Some((408, "request_timeout"))
        } else {
            None
        }
    };
    if let Some(te) = head.headers.get("Transfer-Encoding") {
        if !te.trim().eq_ignore_ascii_case("chunked") || head.headers.contains("Content-Length") {
            return Err(Some((400, "unsupported_transfer_encoding")));
        }
        continue_if_expected(stream, head);
        return read_chunked(stream, buf, limits);
    }
    let mut lengths = head.headers.get_all("Content-Length");
    let len = match lengths.next() {
        None => 0,
        Some(v) => match v.trim().parse::<usize>() {
            Ok(n) if lengths.all(|other| other.trim() == v.trim()) => n,
            _ => return Err(Some((400, "bad_content_length"))),
        },
    };
    if len > limits.max_body {
        return Err(Some((413, "payload_too_large")));
    }
    if len > buf.len() {
        continue_if_expected(stream, head);
    }
    while buf.len() < len {
        match fill(stream, buf) {
            Ok(0) => return Err(None),
            Ok(_) => {}
            Err(e) => return Err(io_err(e)),
        }
    }
    Ok(buf.drain(..len).collect())
}

fn continue_if_expected(stream: &mut TcpStream, head: &Head) {
    if head
        .headers
        .get("Expect")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("100-continue"))
    {
        let _ = stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
    }
}

/// Decodes a chunked body. `Err(None)`: the client went away.
fn read_chunked(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    limits: &Limits,
) -> Result<Vec<u8>, Option<(u16, &'static str)>> {
    let mut body = Vec::new();
    let mut need = |buf: &mut Vec<u8>, n: usize| -> Result<(), Option<(u16, &'static str)>> {
        while buf.len() < n {
            match fill(stream, buf) {
                Ok(0) => return Err(None),
                Ok(_) => {}
                Err(e) if is_timeout(&e) => return Err(Some((408, "request_timeout"))),
                Err(_) => return Err(None),
            }
        }
        Ok(())
    };
    loop {
        // The size line: hex digits, optional extensions, CRLF.
        let line_end = loop {
            if let Some(i) = buf.windows(2).position(|w| w == b"\r\n") {
                break i;
            }
            if buf.len() > 1024 {
                return Err(Some((400, "bad_chunk")));
            }
            let have = buf.len();
            need(buf, have + 1)?;
        };
        let line = String::from_utf8_lossy(&buf[..line_end]).into_owned();
        let size_text = line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| Some((400, "bad_chunk")))?;
        buf.drain(..line_end + 2);
        if size == 0 {
            // Trailers, then an empty line.
            loop {
                let end = loop {
                    if let Some(i) = buf.windows(2).position(|w| w == b"\r\n") {
                        break i;
                    }
                    if buf.len() > limits.max_head {
                        return Err(Some((431, "request_header_fields_too_large")));
                    }
                    let have = buf.len();
                    need(buf, have + 1)?;
                };
                buf.drain(..end + 2);
                if end == 0 {
                    return Ok(body);
                }
            }
        }
        if body.len().saturating_add(size) > limits.max_body {
            return Err(Some((413, "payload_too_large")));
        }
        need(buf, size + 2)?;
        if &buf[size..size + 2] != b"\r\n" {
            return Err(Some((400, "bad_chunk")));
        }
        body.extend_from_slice(&buf[..size]);
        buf.drain(..size + 2);
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        413 => "Payload Too Large",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    }
}

/// How a response ends its exchange on the connection.
#[derive(Debug, Clone, Copy)]
struct Framing {
    keep_alive: bool,
    /// HTTP/1.0 clients close unless told the connection stays open.
    say_keep_alive: bool,
    omit_body: bool,
}

/// A response with its body, for HTTP/1.1 framing.
fn raw_response(
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
    keep_alive: bool,
) -> Vec<u8> {
    let framing = Framing {
        keep_alive,
        say_keep_alive: false,
        omit_body: false,
    };
    framed_response(status, headers, body, framing)
}

fn framed_response(
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
    framing: Framing,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 160);
    let _ = write!(out, "HTTP/1.1 {status} {}\r\n", reason(status));
    let mut typed = false;
    for (name, value) in headers {
        typed |= name.eq_ignore_ascii_case("Content-Type");
        let safe = |s: &str| s.replace(['\r', '\n'], " ");
        let _ = write!(out, "{}: {}\r\n", safe(name), safe(value));
    }
    if !typed && !body.is_empty() {
        out.extend_from_slice(b"Content-Type: application/json\r\n");
    }
    let _ = write!(out, "Content-Length: {}\r\n", body.len());
    if !framing.keep_alive {
        out.extend_from_slice(b"Connection: close\r\n");
    } else if framing.say_keep_alive {
        out.extend_from_slice(b"Connection: keep-alive\r\n");
    }
    out.extend_from_slice(b"\r\n");
    if !framing.omit_body {
        out.extend_from_slice(body);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_parse_and_limits_apply() {
        let limits = Limits::default();
        let HeadResult::Complete(h) =
            parse_head(b"POST /w HTTP/1.1\r\nA: \xff\r\n\r\nbody", &limits)
        else {
            panic!("incomplete")
        };
        assert_eq!(
            (h.method.as_str(), h.target.as_str(), h.keep_alive),
            ("POST", "/w", true)
        );
        assert_eq!(h.headers.get("a"), Some("\u{fffd}"));
        assert!(matches!(
            parse_head(b"POST /w HTTP/1.1\r\n", &limits),
            HeadResult::Partial
        ));
        assert!(matches!(
            parse_head(b"\x00\x01garbage\r\n\r\n", &limits),
            HeadResult::Reject(400, _)
        ));
        let huge = format!("POST / HTTP/1.1\r\nX: {}", "a".repeat(70_000));
        assert!(matches!(
            parse_head(huge.as_bytes(), &limits),
            HeadResult::Reject(431, _)
        ));
        let many: String = (0..200).map(|i| format!("H{i}: v\r\n")).collect();
        let req = format!("POST / HTTP/1.1\r\n{many}\r\n");
        assert!(matches!(
            parse_head(req.as_bytes(), &limits),
            HeadResult::Reject(431, _)
        ));
        let HeadResult::Complete(h) = parse_head(b"POST / HTTP/1.0\r\n\r\n", &limits) else {
            panic!()
        };
        assert!(!h.keep_alive);
    }

    #[test]
    fn responses_cannot_be_split_by_header_values() {
        let raw = raw_response(200, &[("X".into(), "a\r\nInjected: 1".into())], b"{}", true);
        let text = String::from_utf8(raw).unwrap();
        assert!(!text.contains("\r\nInjected"), "{text}");
        assert!(text.contains("Content-Length: 2\r\n"));
    }
}

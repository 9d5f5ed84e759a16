//! A tiny capturing HTTP/1.1 server for integration tests: binds
//! 127.0.0.1:0, answers each request with whatever the test's responder
//! says, and hands every request it received (exact bytes) to the test.
//!
//! Each request is captured *before* it is answered, so once the client
//! process has exited, everything it sent is already in the channel and
//! [`Server::received`] sees all of it without waiting, and
//! [`Server::connections`] counts every connection it made.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as it arrived.
#[derive(Debug, Clone)]
pub struct Captured {
    /// 0-based, in the order the server finished reading them.
    pub index: usize,
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// When the last byte of the body was read.
    pub at: Instant,
}

impl Captured {
    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn headers_json(&self) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        for (n, v) in &self.headers {
            map.entry(n.clone()).or_insert(v.clone().into());
        }
        map.into()
    }

    pub fn body_text(&self) -> &str {
        std::str::from_utf8(&self.body).expect("UTF-8 body")
    }
}

/// What to answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait this long before answering.
    pub delay: Duration,
}

impl Reply {
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: b"ok".to_vec(),
            delay: Duration::ZERO,
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn delay(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
}

type Responder = dyn Fn(&Captured) -> Reply + Send + Sync;

pub struct Server {
    pub addr: SocketAddr,
    rx: Receiver<Captured>,
    /// The peer address of every connection accepted, in order.
    accepted: Arc<Mutex<Vec<SocketAddr>>>,
    /// The connections [`connections`](Self::connections) made itself.
    sentinels: Mutex<Vec<SocketAddr>>,
}

impl Server {
    /// Answers every request `200 ok`.
    pub fn ok() -> Server {
        Server::start(|_| Reply::status(200))
    }

    /// Answers every request with `respond(request)`.
    pub fn start(respond: impl Fn(&Captured) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = channel();
        let respond: Arc<Responder> = Arc::new(respond);
        let counter = Arc::new(AtomicUsize::new(0));
        let accepted = Arc::new(Mutex::new(Vec::new()));
        let log = accepted.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                if let Ok(peer) = stream.peer_addr() {
                    log.lock().unwrap().push(peer);
                }
                let (tx, respond, counter) = (tx.clone(), respond.clone(), counter.clone());
                std::thread::spawn(move || serve(stream, &tx, &*respond, &counter));
            }
        });
        Server {
            addr,
            rx,
            accepted,
            sentinels: Mutex::new(Vec::new()),
        }
    }

    /// How many connections clients have made so far (for "nothing was
    /// sent": call it once the client has exited). No sleep: it connects
    /// once itself and waits until that connection is accepted; the
    /// kernel hands connections over in the order they were made, so
    /// every earlier one has been counted by then.
    pub fn connections(&self) -> usize {
        let own = TcpStream::connect(self.addr).expect("connect to the test server");
        let me = own.local_addr().unwrap();
        self.sentinels.lock().unwrap().push(me);
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let accepted = self.accepted.lock().unwrap().clone();
            if let Some(at) = accepted.iter().position(|a| *a == me) {
                let sentinels = self.sentinels.lock().unwrap();
                return accepted[..at]
                    .iter()
                    .filter(|a| !sentinels.contains(a))
                    .count();
            }
            assert!(Instant::now() < deadline, "the test server accepts nothing");
            std::thread::yield_now();
        }
    }

    /// `127.0.0.1:PORT`
    pub fn authority(&self) -> String {
        self.addr.to_string()
    }

    /// `http://127.0.0.1:PORT{path}`
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Everything received so far, in arrival order.
    pub fn received(&self) -> Vec<Captured> {
        let mut all: Vec<Captured> = self.rx.try_iter().collect();
        all.sort_by_key(|c| c.index);
        all
    }

    /// The next request, waiting at most 30 s for it.
    pub fn next(&self) -> Captured {
        self.rx
            .recv_timeout(Duration::from_secs(30))
            .expect("no request reached the test server within 30 s")
    }
}

/// A port on which nothing listens ([`super::refused_addr`]).
pub fn closed_port() -> u16 {
    super::refused_addr().port()
}

fn serve(stream: TcpStream, tx: &Sender<Captured>, respond: &Responder, counter: &AtomicUsize) {
    let mut writer = stream.try_clone().expect("clone stream");
    let mut reader = BufReader::new(stream);
    loop {
        // Not HTTP (e.g. a TLS ClientHello): answer 400 and hang up, as real servers do.
        match reader.fill_buf() {
            Ok([first, ..]) if first.is_ascii_uppercase() => {}
            Ok([_, ..]) => {
                let _ = writer.write_all(
                    b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                );
                return;
            }
            _ => return,
        }
        let Some((method, target, headers)) = read_head(&mut reader) else {
            return;
        };
        let find = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        let length: usize = find("content-length")
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        let close = find("connection").is_some_and(|v| v.eq_ignore_ascii_case("close"));
        if find("expect").is_some_and(|v| v.eq_ignore_ascii_case("100-continue")) {
            let _ = writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let captured = Captured {
            index: counter.fetch_add(1, Ordering::SeqCst),
            method,
            target,
            headers,
            body,
            at: Instant::now(),
        };
        let mut reply = respond(&captured);
        let _ = tx.send(captured);
        std::thread::sleep(reply.delay);
        if reply.status == 204 || reply.status == 304 {
            reply.body.clear();
        }
        let mut out = format!(
            "HTTP/1.1 {} {}\r\nContent-Length: {}\r\n",
            reply.status,
            reason(reply.status),
            reply.body.len()
        );
        for (n, v) in &reply.headers {
            out.push_str(&format!("{n}: {v}\r\n"));
        }
        out.push_str("\r\n");
        let mut bytes = out.into_bytes();
        bytes.extend_from_slice(&reply.body);
        if writer.write_all(&bytes).is_err() || close {
            return;
        }
    }
}

/// Reads a request head; `None` at end of stream or on garbage.
#[allow(clippy::type_complexity)]
fn read_head(reader: &mut BufReader<TcpStream>) -> Option<(String, String, Vec<(String, String)>)> {
    let mut head = Vec::new();
    loop {
        let n = reader.read_until(b'\n', &mut head).ok()?;
        if n == 0 {
            return None;
        }
        if head.ends_with(b"\r\n\r\n") {
            break;
        }
        if head.len() > 64 * 1024 {
            return None;
        }
    }
    let mut slots = [httparse::EMPTY_HEADER; 64];
    let mut req = httparse::Request::new(&mut slots);
    match req.parse(&head) {
        Ok(httparse::Status::Complete(_)) => {}
        _ => return None,
    }
    let headers = req
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_string(),
                String::from_utf8_lossy(h.value).into_owned(),
            )
        })
        .collect();
    Some((req.method?.to_string(), req.path?.to_string(), headers))
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        404 => "Not Found",
        409 => "Conflict",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Whatever",
    }
}

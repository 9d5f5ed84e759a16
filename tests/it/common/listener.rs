//! Helpers for the `hookcli listen` tests: a listener started on port 0
//! with its own store, a raw HTTP/1.1 client, a tiny app to proxy to, and
//! signing done here (independently of hookcli) so a bug in hookcli's
//! signer cannot hide a bug in its verifier.

use super::hookcli;
use hmac::{Hmac, KeyInit, Mac};
use serde_json::Value;
use sha2::Sha256;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Generous: a loaded 2-core CI machine running a debug build.
pub const WAIT: Duration = Duration::from_secs(60);

pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

pub fn hmac_hex(key: &[u8], parts: &[&[u8]]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).unwrap();
    for p in parts {
        mac.update(p);
    }
    hex::encode(mac.finalize().into_bytes())
}

/// `Stripe-Signature` value: `t=<t>,v1=hex(HMAC(secret, "<t>.<body>"))`,
/// as Stripe documents it (the whole `whsec_…` string is the key).
pub fn stripe_header(secret: &str, t: i64, body: &[u8]) -> String {
    let sig = hmac_hex(secret.as_bytes(), &[t.to_string().as_bytes(), b".", body]);
    format!("t={t},v1={sig}")
}

/// `X-Hub-Signature-256` value, as GitHub documents it.
pub fn github_header(secret: &str, body: &[u8]) -> String {
    format!("sha256={}", hmac_hex(secret.as_bytes(), &[body]))
}

/// A Stripe-like event as Stripe sends it: pretty JSON with a 2-space indent.
pub fn stripe_event(id: &str, event_type: &str, object: &str, created: i64) -> Vec<u8> {
    let event = serde_json::json!({
        "id": id,
        "object": "event",
        "api_version": "2024-06-20",
        "created": created,
        "data": {"object": {
            "id": object,
            "object": "payment_intent",
            "amount": 2000,
            "currency": "eur",
            "description": "Café crème – Zürich",
        }},
        "livemode": false,
        "pending_webhooks": 1,
        "type": event_type,
    });
    serde_json::to_vec_pretty(&event).unwrap()
}

/// A running `hookcli listen --port 0`, with a store in its own temp dir.
/// Killed on drop.
pub struct Listening {
    child: Child,
    pub addr: SocketAddr,
    /// The first line printed (text or JSON).
    pub first_line: String,
    lines: Receiver<String>,
    stderr: Arc<Mutex<String>>,
    /// The thread reading stderr; it ends at EOF, once the process has exited.
    stderr_reader: Option<std::thread::JoinHandle<()>>,
    store: PathBuf,
    /// The temp dir holding the store, when the listener owns it.
    dir: Option<tempfile::TempDir>,
}

impl Listening {
    /// `hookcli --store <tmp>/events.db listen --port 0 <args>`.
    pub fn start(args: &[&str]) -> Listening {
        Self::start_env(args, &[])
    }

    /// Like [`start`](Self::start) with extra environment variables.
    pub fn start_env(args: &[&str], env: &[(&str, &str)]) -> Listening {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("events.db");
        let mut l = Self::spawn(&store, args, env);
        l.dir = Some(dir);
        l
    }

    /// With the store at `store` (shared with other commands of the test).
    pub fn at(store: &Path, args: &[&str]) -> Listening {
        Self::spawn(store, args, &[])
    }

    fn spawn(store: &Path, args: &[&str], env: &[(&str, &str)]) -> Listening {
        let mut cmd = hookcli();
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.arg("--store")
            .arg(store)
            .arg("listen")
            .args(["--port", "0"])
            .args(args);
        Self::launch(cmd, store)
    }

    /// A listener started by `cmd` as given (its own `listen --port 0 …`).
    pub fn command(cmd: Command) -> Listening {
        Self::launch(cmd, Path::new(""))
    }

    fn launch(mut cmd: Command, store: &Path) -> Listening {
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn hookcli listen");
        let (tx, lines) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = stderr.clone();
        let mut err = child.stderr.take().unwrap();
        let stderr_reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let first_line = match lines.recv_timeout(WAIT) {
            Ok(line) => line,
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                std::thread::sleep(Duration::from_millis(100));
                panic!(
                    "listen printed no first line ({e:?}); stderr: {}",
                    stderr.lock().unwrap()
                );
            }
        };
        let addr = parse_listening(&first_line);
        Listening {
            child,
            addr,
            first_line,
            lines,
            stderr,
            stderr_reader: Some(stderr_reader),
            store: store.to_path_buf(),
            dir: None,
        }
    }

    pub fn store(&self) -> PathBuf {
        self.store.clone()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The next line on stdout.
    pub fn next_line(&self) -> String {
        self.lines
            .recv_timeout(WAIT)
            .unwrap_or_else(|e| panic!("no line on stdout ({e:?}); stderr: {}", self.stderr()))
    }

    /// The next stdout line, parsed as JSON (`--json` mode).
    pub fn next_json(&self) -> Value {
        let line = self.next_line();
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Sends `signal` (`-INT`, `-KILL`) with kill(1).
    pub fn signal(&self, signal: &str) {
        let ok = Command::new("kill")
            .arg(signal)
            .arg(self.child.id().to_string())
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill {signal} failed");
    }

    /// Waits for the process to exit. The store stays until the result is dropped.
    pub fn wait(mut self) -> Exited {
        let deadline = Instant::now() + WAIT;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "listen did not exit; stderr: {}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut rest = Vec::new();
        while let Ok(line) = self.lines.recv_timeout(WAIT) {
            rest.push(line);
        }
        if let Some(reader) = self.stderr_reader.take() {
            let _ = reader.join();
        }
        let err = self.stderr();
        Exited {
            code: status.code(),
            stdout: rest,
            stderr: err,
            _dir: self.dir.take(),
        }
    }

    /// Ctrl-C: SIGINT, then wait.
    pub fn interrupt(self) -> Exited {
        self.signal("-INT");
        self.wait()
    }
}

/// How a listener ended.
pub struct Exited {
    pub code: Option<i32>,
    /// Lines printed after the last one read.
    pub stdout: Vec<String>,
    pub stderr: String,
    _dir: Option<tempfile::TempDir>,
}

impl Drop for Listening {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The address in `listening on http://ADDR/…` or `{"address": ADDR, …}`.
pub fn parse_listening(line: &str) -> SocketAddr {
    if line.starts_with('{') {
        let v: Value = serde_json::from_str(line).unwrap();
        return v["address"].as_str().unwrap().parse().unwrap();
    }
    let rest = line
        .split("http://")
        .nth(1)
        .unwrap_or_else(|| panic!("no URL in the first line: {line:?}"));
    let host_port = rest.split('/').next().unwrap();
    host_port
        .parse()
        .unwrap_or_else(|e| panic!("{host_port:?}: {e}"))
}

/// A parsed HTTP response.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "{} body is not JSON ({e}): {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Parses one response from `bytes` (with a Content-Length or read to EOF).
pub fn parse_reply(bytes: &[u8]) -> Option<Reply> {
    let end = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&bytes[..end]);
    let mut lines = head.split("\r\n");
    let status: u16 = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let rest = &bytes[end + 4..];
    let len = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(rest.len());
    Some(Reply {
        status,
        headers,
        body: rest[..len.min(rest.len())].to_vec(),
    })
}

pub fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect_timeout(&addr, WAIT).expect("connect to the listener");
    stream.set_read_timeout(Some(WAIT)).unwrap();
    stream.set_write_timeout(Some(WAIT)).unwrap();
    stream
}

/// Writes `bytes` (ignoring a reset: the server may answer early and
/// close), then reads until the server closes. `None`: no response at all.
pub fn raw(addr: SocketAddr, bytes: &[u8]) -> Option<Reply> {
    let mut stream = connect(addr);
    let _ = stream.write_all(bytes);
    let _ = stream.flush();
    read_reply(&mut stream)
}

/// Reads one response: until a whole response (by Content-Length) has
/// arrived, or the server closes.
pub fn read_reply(stream: &mut TcpStream) -> Option<Reply> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 16 << 10];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n")
            && let Some(reply) = parse_reply(&buf)
            && let Some(len) = reply.header("Content-Length")
            && buf.len() - (end + 4) >= len.parse::<usize>().unwrap_or(usize::MAX)
        {
            return Some(reply);
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return parse_reply(&buf),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}

/// The bytes of a POST with `headers` and a Content-Length, `Connection: close`.
pub fn post_bytes(addr: SocketAddr, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut req = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    )
    .into_bytes();
    for (name, value) in headers {
        req.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    req.extend_from_slice(b"\r\n");
    req.extend_from_slice(body);
    req
}

/// POSTs `body` and returns the response; panics when there is none.
pub fn post(addr: SocketAddr, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    raw(addr, &post_bytes(addr, path, headers, body)).expect("no response from the listener")
}

/// POSTs a Stripe event signed with `secret` at time `t`.
pub fn post_stripe(addr: SocketAddr, secret: &str, t: i64, body: &[u8]) -> Reply {
    let sig = stripe_header(secret, t, body);
    post(addr, "/webhooks", &[("Stripe-Signature", &sig)], body)
}

/// One request the test app received.
#[derive(Debug, Clone)]
pub struct AppRequest {
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl AppRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A tiny app on 127.0.0.1:0 that answers every request with `status`
/// (computed per request) and reports what it received.
pub struct App {
    pub addr: SocketAddr,
    pub received: Receiver<AppRequest>,
}

impl App {
    pub fn start(answer: impl Fn(&AppRequest) -> u16 + Send + 'static) -> App {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, received) = mpsc::channel();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let _ = stream.set_read_timeout(Some(WAIT));
                let Some(req) = read_request(&mut stream) else {
                    continue;
                };
                let status = answer(&req);
                let body = format!("{{\"app\":{status}}}");
                let _ = stream.write_all(
                    format!(
                        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    )
                    .as_bytes(),
                );
                if tx.send(req).is_err() {
                    break;
                }
            }
        });
        App { addr, received }
    }

    pub fn url(&self) -> String {
        format!("http://{}/hooks", self.addr)
    }

    pub fn next(&self) -> AppRequest {
        self.received
            .recv_timeout(WAIT)
            .expect("the app received nothing")
    }
}

fn read_request(stream: &mut TcpStream) -> Option<AppRequest> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let target = lines.next()?.split(' ').nth(1)?.to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let len: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < len {
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    body.truncate(len);
    Some(AppRequest {
        target,
        headers,
        body,
    })
}

/// A TCP port on loopback that nothing listens on ([`super::refused_addr`]).
pub fn closed_port() -> SocketAddr {
    super::refused_addr()
}

/// `hookcli --store <store> <args>` → (exit code, stdout, stderr).
pub fn with_store(store: &Path, args: &[&str]) -> (i32, String, String) {
    let mut cmd = hookcli();
    cmd.arg("--store").arg(store).args(args);
    super::run_cmd(&mut cmd, b"")
}

/// `hookcli --store <store> events --json …` as parsed lines.
pub fn events_json(store: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["events", "--json"];
    if !extra.contains(&"--limit") {
        args.extend(["--limit", "100000"]);
    }
    args.extend_from_slice(extra);
    let (code, out, err) = with_store(store, &args);
    assert_eq!(code, 0, "events: {err}");
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

//! The only inbound HTTP code: hyper 1.x's HTTP/1.1 server on tokio.
//!
//! hyper parses and frames (400 for malformed requests, 431 for a head over
//! `max_head` or more than `max_headers` headers, HEAD, HTTP/1.0 keep-alive,
//! `Expect: 100-continue`); this file adds what a webhook endpoint under
//! garbage needs on top: a deadline for the request head (hyper closes the
//! connection), a body limit checked before reading and while reading
//! chunks (413), a deadline for the body (408), and a cap on connections
//! (503 beyond it). A slow or idle client costs one task, not a thread,
//! which is why this is hyper on tokio (benches/README.md).

use crate::request::Headers;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::header::{HeaderName, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;
use tokio::sync::{Notify, Semaphore};

/// What the server tolerates from a client.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest body accepted; larger gets 413 without being read.
    pub max_body: usize,
    /// Largest request line + headers; larger gets 431.
    pub max_head: usize,
    pub max_headers: usize,
    /// Longest time a client may take to send a body.
    pub io_timeout: Duration,
    /// Longest time a client may take to send a request head (also the
    /// longest a kept-alive connection may sit idle).
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
    /// `body` as one line of JSON, serialized straight into the body's
    /// bytes (every failed request pays for this).
    pub fn json(status: u16, body: &impl serde::Serialize) -> Outgoing {
        let mut bytes = serde_json::to_vec(body)
            .unwrap_or_else(|_| br#"{"error":"unserializable_answer"}"#.to_vec());
        bytes.push(b'\n');
        Outgoing {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: bytes,
        }
    }

    fn error(status: u16, error: &str) -> Outgoing {
        let mut out = Outgoing::json(status, &serde_json::json!({ "error": error }));
        out.headers.push(("Connection".into(), "close".into()));
        out
    }
}

/// Turns requests into answers. Called concurrently, one call per request,
/// on the server's runtime: CPU work is fine, blocking waits must be awaited.
pub trait Handler: Send + Sync + 'static {
    fn handle(&self, request: Incoming) -> impl Future<Output = Outgoing> + Send;
}

/// Stops a running [`Server`] from another thread (a signal handler).
#[derive(Clone)]
pub struct Stopper {
    wake: Arc<Notify>,
}

impl Stopper {
    /// Ends the accept loop. `notify_one` keeps the wake-up for a loop that
    /// is not waiting yet, so no stop is lost.
    pub fn stop(&self) {
        self.wake.notify_one();
    }
}

pub struct Server {
    listener: TcpListener,
    limits: Limits,
    wake: Arc<Notify>,
}

impl Server {
    pub fn bind(addr: SocketAddr, limits: Limits) -> io::Result<Server> {
        Ok(Server {
            listener: TcpListener::bind(addr)?,
            limits,
            wake: Arc::new(Notify::new()),
        })
    }

    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    pub fn stopper(&self) -> io::Result<Stopper> {
        Ok(Stopper {
            wake: self.wake.clone(),
        })
    }

    /// Serves until stopped, then waits (up to the I/O timeout) for requests
    /// being handled to be answered; `on_wait` hears, once, how many there
    /// are and the longest it will wait, when there are any. A request
    /// whose client has gone no longer counts.
    pub fn run<H: Handler>(
        self,
        handler: Arc<H>,
        on_wait: impl FnOnce(usize, Duration),
    ) -> io::Result<()> {
        let Server {
            listener,
            limits,
            wake,
        } = self;
        let runtime = crate::send::runtime(None)?;
        listener.set_nonblocking(true)?;
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener)?;
            let slots = Arc::new(Semaphore::new(limits.max_connections));
            let in_flight = Arc::new(AtomicUsize::new(0));
            loop {
                let accepted = tokio::select! {
                    biased;
                    _ = wake.notified() => break,
                    accepted = listener.accept() => accepted,
                };
                let Ok((stream, remote)) = accepted else {
                    // EMFILE and friends: back off instead of spinning.
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                };
                let Ok(slot) = slots.clone().try_acquire_owned() else {
                    tokio::spawn(refuse_busy(stream));
                    continue;
                };
                let (handler, in_flight) = (handler.clone(), in_flight.clone());
                tokio::spawn(async move {
                    serve_connection(stream, remote, limits, handler, in_flight).await;
                    drop(slot);
                });
            }
            // A request whose sender has already hung up leaves the count
            // once its connection task sees the close: give the tasks a few
            // turns to do so, so only requests still wanted are waited for.
            drain(&in_flight, Duration::from_millis(50)).await;
            let waiting = in_flight.load(Ordering::SeqCst);
            if waiting > 0 {
                on_wait(waiting, limits.io_timeout);
            }
            drain(&in_flight, limits.io_timeout).await;
            Ok(())
        })
    }
}

/// Waits until no request is being answered, for at most `most`.
async fn drain(in_flight: &AtomicUsize, most: Duration) {
    let deadline = Instant::now() + most;
    while in_flight.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// One request being answered, for the wait at shutdown.
struct Counted(Arc<AtomicUsize>);

impl Counted {
    fn new(count: Arc<AtomicUsize>) -> Counted {
        count.fetch_add(1, Ordering::SeqCst);
        Counted(count)
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

async fn refuse_busy(mut stream: tokio::net::TcpStream) {
    let body = b"{\"error\":\"too_many_connections\"}\n";
    let head = format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let write = async {
        stream.write_all(head.as_bytes()).await?;
        stream.write_all(body).await
    };
    let _ = tokio::time::timeout(Duration::from_millis(100), write).await;
}

async fn serve_connection<H: Handler>(
    stream: tokio::net::TcpStream,
    remote: SocketAddr,
    limits: Limits,
    handler: Arc<H>,
    in_flight: Arc<AtomicUsize>,
) {
    let _ = stream.set_nodelay(true);
    let service = service_fn(move |request| {
        let (handler, in_flight) = (handler.clone(), in_flight.clone());
        async move {
            // Counted down when the answer is made or when hyper drops the
            // request because its client went away.
            let _counted = Counted::new(in_flight);
            let out = answer(request, remote, &limits, handler.as_ref()).await;
            Ok::<_, Infallible>(response(out))
        }
    });
    let _ = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.head_deadline)
        .max_buf_size(limits.max_head.max(8192))
        .max_headers(limits.max_headers)
        .serve_connection(TokioIo::new(stream), service)
        .await;
}

/// Reads the body within the limits, then asks the handler.
async fn answer<H: Handler>(
    request: hyper::Request<hyper::body::Incoming>,
    remote: SocketAddr,
    limits: &Limits,
    handler: &H,
) -> Outgoing {
    let (parts, body) = request.into_parts();
    let declared = parts
        .headers
        .get(hyper::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits.max_body as u64) {
        return Outgoing::error(413, "payload_too_large");
    }
    let read = Limited::new(body, limits.max_body).collect();
    let body = match tokio::time::timeout(limits.io_timeout, read).await {
        Err(_) => return Outgoing::error(408, "request_timeout"),
        Ok(Err(e)) if e.downcast_ref::<LengthLimitError>().is_some() => {
            return Outgoing::error(413, "payload_too_large");
        }
        Ok(Err(_)) => return Outgoing::error(400, "malformed_body"),
        Ok(Ok(collected)) => collected.to_bytes(),
    };
    let mut headers = Headers::new();
    for (name, value) in &parts.headers {
        headers.push(
            name.as_str(),
            String::from_utf8_lossy(value.as_bytes()).into_owned(),
        );
    }
    let target = parts
        .uri
        .path_and_query()
        .map_or_else(|| parts.uri.to_string(), |p| p.as_str().to_string());
    handler
        .handle(Incoming {
            method: parts.method.as_str().to_string(),
            target,
            headers,
            body: Vec::from(body),
            remote,
        })
        .await
}

/// The hyper response for `out`. Header names and values hyper would
/// reject (control characters, CR/LF) are made safe or dropped, so text
/// from a proxied app cannot split the response.
fn response(out: Outgoing) -> hyper::Response<Full<Bytes>> {
    let mut response = hyper::Response::new(Full::new(Bytes::from(out.body)));
    *response.status_mut() =
        hyper::StatusCode::from_u16(out.status).unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    for (name, value) in &out.headers {
        let safe: Vec<u8> = value
            .bytes()
            .map(|b| if b < 0x20 || b == 0x7f { b' ' } else { b })
            .collect();
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_bytes(&safe),
        ) {
            headers.append(name, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses_cannot_be_split_by_header_values() {
        let out = Outgoing {
            status: 200,
            headers: vec![
                ("X".into(), "a\r\nInjected: 1".into()),
                ("Bad Name".into(), "v".into()),
            ],
            body: b"{}".to_vec(),
        };
        let r = response(out);
        assert_eq!(r.headers().get("X").unwrap(), "a  Injected: 1");
        assert!(r.headers().get("Injected").is_none());
        assert_eq!(r.headers().len(), 1);
    }

    #[test]
    fn unknown_status_is_500() {
        let out = Outgoing {
            status: 1000,
            headers: vec![],
            body: vec![],
        };
        assert_eq!(response(out).status(), 500);
    }
}

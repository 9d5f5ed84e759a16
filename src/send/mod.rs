//! The only outbound HTTP code in hookcli: delivering a signed request to a
//! local endpoint the way a provider does (POST, exact bytes, no redirects
//! followed), and the pure pieces that shape a run of deliveries — target
//! parsing, `--expect`, retry schedules, ordering and load statistics.
//!
//! [`runtime`] is the one place a tokio runtime is built. The listener's
//! proxy mode shares the async client on that runtime; code on ordinary
//! threads (`replay`) calls [`deliver_blocking`].

mod client;
pub mod expect;
mod h1;
pub mod load;
pub mod order;
pub mod report;
pub mod retry;
pub mod stats;
pub mod target;

pub use client::{Client, ClientOptions};
pub use expect::Expect;
pub use target::{DEFAULT_PATH, parse_target};

use crate::request::Headers;
use std::fmt;
use std::time::Duration;

/// What came back from one delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub headers: Headers,
    /// The body, up to [`MAX_BODY`] bytes (the rest is not read).
    pub body: Vec<u8>,
    /// From the start of sending to the end of the response body.
    pub latency: Duration,
}

impl Response {
    /// `Location` of a 3xx response, which hookcli never follows.
    pub fn redirect_location(&self) -> Option<&str> {
        (300..400)
            .contains(&self.status)
            .then(|| self.headers.get("location"))
            .flatten()
    }
}

/// At most this many response-body bytes are kept.
pub const MAX_BODY: usize = 1 << 20;

/// Why a delivery got no response. `Display` is one line; [`hint`](Self::hint)
/// says what to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryError {
    /// Nothing accepted the TCP connection at `addr` (`host:port`).
    Refused {
        addr: String,
    },
    /// No response within the timeout.
    Timeout {
        after: Duration,
    },
    /// The host name did not resolve.
    Dns {
        host: String,
    },
    Tls(String),
    InvalidUrl(String),
    Other(String),
}

impl DeliveryError {
    /// A stable machine id, for `--json` and the load summary.
    pub fn kind(&self) -> &'static str {
        match self {
            DeliveryError::Refused { .. } => "connection_refused",
            DeliveryError::Timeout { .. } => "timeout",
            DeliveryError::Dns { .. } => "dns",
            DeliveryError::Tls(_) => "tls",
            DeliveryError::InvalidUrl(_) => "invalid_url",
            DeliveryError::Other(_) => "other",
        }
    }

    pub fn hint(&self) -> String {
        match self {
            DeliveryError::Refused { .. } => {
                "start your app, or point --to at the port it listens on (e.g. --to localhost:3000)".into()
            }
            DeliveryError::Timeout { .. } => {
                "your handler did not answer in time; acknowledge first and do slow work later, or raise --timeout"
                    .into()
            }
            DeliveryError::Dns { .. } => "check the host name in --to (for a local app use localhost)".into(),
            DeliveryError::Tls(_) => {
                "local servers usually speak plain http://; for a self-signed certificate pass --insecure".into()
            }
            DeliveryError::InvalidUrl(_) => {
                "use host:port, :port, port, host:port/path or a full http(s):// URL".into()
            }
            DeliveryError::Other(_) => "check that --to points at an HTTP server".into(),
        }
    }

    /// Usage errors (a bad URL) exit 2; failed deliveries exit 1.
    pub fn is_usage(&self) -> bool {
        matches!(self, DeliveryError::InvalidUrl(_))
    }
}

impl fmt::Display for DeliveryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeliveryError::Refused { addr } => write!(
                f,
                "nothing is listening on {addr} — is your server running?"
            ),
            DeliveryError::Timeout { after } => {
                write!(f, "no response within {}", format_duration(*after))
            }
            DeliveryError::Dns { host } => write!(f, "cannot resolve host '{host}'"),
            DeliveryError::Tls(m) => write!(f, "TLS error: {m}"),
            DeliveryError::InvalidUrl(m) => write!(f, "invalid URL: {m}"),
            DeliveryError::Other(m) => write!(f, "delivery failed: {m}"),
        }
    }
}

impl std::error::Error for DeliveryError {}

/// Builds the tokio runtime: the one place hookcli does so.
pub fn runtime(worker_threads: Option<usize>) -> std::io::Result<tokio::runtime::Runtime> {
    match worker_threads {
        Some(1) => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build(),
        Some(n) => tokio::runtime::Builder::new_multi_thread()
            .worker_threads(n)
            .enable_all()
            .build(),
        None => tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build(),
    }
}

/// POSTs exactly `body` with exactly `headers` (plus `Host` and
/// `Content-Length`) to `url`, following no redirect, and waits at most
/// `timeout` for the whole response. For callers on ordinary threads; must
/// not be called from inside a tokio runtime.
pub fn deliver_blocking(
    url: &str,
    headers: &Headers,
    body: &[u8],
    timeout: Duration,
) -> Result<Response, DeliveryError> {
    let rt = runtime(Some(1))
        .map_err(|e| DeliveryError::Other(format!("cannot start the HTTP client: {e}")))?;
    let client = Client::new(&ClientOptions {
        timeout,
        ..ClientOptions::default()
    })?;
    rt.block_on(client.deliver(url, headers, bytes::Bytes::copy_from_slice(body)))
}

/// `850 ms`, `4.2 s`, `2 m 5 s` — for people.
/// Milliseconds for JSON, to the microsecond (no `1.3860000000000001`).
pub fn millis(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e6).round() / 1e3
}

pub fn format_duration(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 1.0 {
        format!("{:.2} ms", ms)
    } else if ms < 1000.0 {
        format!("{:.1} ms", ms)
    } else if ms < 60_000.0 {
        format!("{:.1} s", ms / 1000.0)
    } else {
        let s = d.as_secs();
        format!("{} m {} s", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_names_the_address() {
        let e = DeliveryError::Refused {
            addr: "127.0.0.1:4242".into(),
        };
        assert_eq!(
            e.to_string(),
            "nothing is listening on 127.0.0.1:4242 — is your server running?"
        );
        assert_eq!(e.kind(), "connection_refused");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_duration(Duration::from_millis(4200)), "4.2 s");
        assert_eq!(format_duration(Duration::from_micros(12_340)), "12.3 ms");
        assert_eq!(format_duration(Duration::from_secs(125)), "2 m 5 s");
    }
}

//! One HTTP client, many deliveries: reqwest over rustls, keep-alive, no
//! redirects, no proxy (a webhook aimed at localhost must not leave it).

use super::{DeliveryError, MAX_BODY, Response};
use crate::request::Headers;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Whole-request timeout: connect, send, and read the response.
    pub timeout: Duration,
    /// Accept any TLS certificate (self-signed local servers).
    pub insecure: bool,
    /// Idle keep-alive connections kept per host (load mode wants one per worker).
    pub pool_size: usize,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            timeout: Duration::from_secs(10),
            insecure: false,
            pool_size: 8,
        }
    }
}

/// A reusable client; cheap to clone (connections are shared).
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    timeout: Duration,
}

impl Client {
    pub fn new(opts: &ClientOptions) -> Result<Client, DeliveryError> {
        // rustls is built without a default crypto provider; ring is ours.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(opts.timeout)
            .pool_max_idle_per_host(opts.pool_size)
            .tcp_nodelay(true)
            .http1_only()
            .tls_danger_accept_invalid_certs(opts.insecure)
            .build()
            .map_err(|e| {
                DeliveryError::Other(format!("cannot start the HTTP client: {}", chain(&e)))
            })?;
        Ok(Client {
            http,
            timeout: opts.timeout,
        })
    }

    /// POSTs `body` with `headers` to `url` and reads the response.
    pub async fn deliver(
        &self,
        url: &str,
        headers: &Headers,
        body: bytes::Bytes,
    ) -> Result<Response, DeliveryError> {
        self.request(reqwest::Method::POST, url, headers, body)
            .await
    }

    /// Sends `body` with `headers` to `url` by `method` and reads the
    /// response (`check` also sends GET and PUT).
    pub async fn request(
        &self,
        method: reqwest::Method,
        url: &str,
        headers: &Headers,
        body: bytes::Bytes,
    ) -> Result<Response, DeliveryError> {
        let parsed = reqwest::Url::parse(url)
            .map_err(|e| DeliveryError::InvalidUrl(format!("{url}: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(DeliveryError::InvalidUrl(format!(
                "{url}: only http:// and https:// are supported"
            )));
        }
        let mut map = HeaderMap::with_capacity(headers.len());
        for (name, value) in headers.iter() {
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                DeliveryError::Other(format!("'{name}' is not a valid header name"))
            })?;
            // From bytes: a value may carry UTF-8 (audits send such headers).
            let value = HeaderValue::from_bytes(value.as_bytes()).map_err(|_| {
                DeliveryError::Other(format!("the {name} header value is not valid"))
            })?;
            map.append(name, value);
        }
        let started = Instant::now();
        let result = async {
            let mut response = self
                .http
                .request(method, parsed.clone())
                .headers(map)
                .body(body)
                .send()
                .await?;
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
            let mut bytes = Vec::new();
            while let Some(chunk) = response.chunk().await? {
                let room = MAX_BODY - bytes.len();
                bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
                if bytes.len() >= MAX_BODY {
                    break;
                }
            }
            Ok::<_, reqwest::Error>((status, headers, bytes))
        }
        .await;
        match result {
            Ok((status, headers, body)) => Ok(Response {
                status,
                headers,
                body,
                latency: started.elapsed(),
            }),
            Err(e) => Err(classify(&e, &parsed, self.timeout)),
        }
    }
}

/// The error and its causes, `: `-joined.
fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    out
}

/// Turns a reqwest error into the one-line kind a person can act on.
fn classify(e: &reqwest::Error, url: &reqwest::Url, timeout: Duration) -> DeliveryError {
    let host = url.host_str().unwrap_or("").to_string();
    let addr = match url.port_or_known_default() {
        Some(port) => format!("{host}:{port}"),
        None => host.clone(),
    };
    if e.is_timeout() {
        return DeliveryError::Timeout { after: timeout };
    }
    if e.is_builder() {
        return DeliveryError::InvalidUrl(chain(e));
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if let Some(tls) = s.downcast_ref::<rustls::Error>() {
            return DeliveryError::Tls(tls.to_string());
        }
        source = match s.downcast_ref::<std::io::Error>() {
            Some(io) => {
                match io.kind() {
                    std::io::ErrorKind::ConnectionRefused => {
                        return DeliveryError::Refused { addr };
                    }
                    std::io::ErrorKind::TimedOut => {
                        return DeliveryError::Timeout { after: timeout };
                    }
                    _ => {}
                }
                // An io::Error's `source()` skips the error it wraps (hyper-rustls
                // nests rustls::Error two io::Errors deep), so step into it.
                io.get_ref()
                    .map(|inner| inner as &(dyn std::error::Error + 'static))
            }
            None => s.source(),
        };
    }
    let text = chain(e);
    if text.contains("dns error") || text.contains("failed to lookup address") {
        return DeliveryError::Dns { host };
    }
    if text.contains("InvalidContentType") || text.contains("tls") {
        return DeliveryError::Tls(text);
    }
    DeliveryError::Other(text)
}

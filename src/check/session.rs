//! The audit's side of the wire: what a check hands over to be sent
//! ([`Probe`]), the [`Exchange`] that sends it (the command's goes
//! through `crate::send`; tests use a double), and the [`Session`] that
//! bounds the whole battery in requests and time and stops sending when the
//! app has stopped answering.

use super::Evidence;
use crate::request::Headers;
use crate::secret::Secret;
use crate::send::{DeliveryError, Response};
use std::time::Duration;

/// One request of the battery.
#[derive(Debug, Clone)]
pub struct Probe {
    pub method: &'static str,
    pub headers: Headers,
    pub body: bytes::Bytes,
    /// What was signed, for the event store; `None` for requests that are
    /// not deliveries (GET, PUT) or too large to keep.
    pub event: Option<SentEvent>,
    /// The request in one line, for evidence.
    pub describe: String,
}

/// A signed event as the event store records it.
#[derive(Debug, Clone)]
pub struct SentEvent {
    pub event_type: String,
    pub event_id: String,
    pub timestamp: i64,
    pub form: crate::provider::BodyForm,
    /// What it was signed with (forgeries: a labelled stand-in).
    pub secret: Secret,
}

/// Sends requests and reads the observer. Implementations do I/O; the
/// audit only calls these.
pub trait Exchange {
    /// Unix seconds, for signing.
    fn now(&mut self) -> i64;
    fn send(&mut self, req: &Probe) -> Result<Response, DeliveryError>;
    /// Sends all of `reqs`, at most `concurrency` at once; results in order.
    fn send_all(
        &mut self,
        reqs: &[Probe],
        concurrency: usize,
    ) -> Vec<Result<Response, DeliveryError>>;
    /// The app's side-effect count, when an observer was given.
    fn observe(&mut self) -> Option<Result<i64, String>>;
    fn pause(&mut self, d: Duration);
}

/// An error answer kept for the hygiene check.
#[derive(Debug, Clone)]
pub struct ErrorAnswer {
    pub check: &'static str,
    pub status: u16,
    pub body: String,
}

/// At most this many bytes of each error answer are kept and scanned.
const KEPT: usize = 8 * 1024;
/// Requests in a row without an answer before the audit stops sending.
const MAX_SILENT: u32 = 3;

pub struct Session<'e> {
    ex: &'e mut dyn Exchange,
    sent: usize,
    /// Time spent waiting for answers (latencies and timeouts).
    spent: Duration,
    max_time: Duration,
    silent_in_a_row: u32,
    answered: bool,
    stopped: Option<String>,
    /// The check now running, for messages and collected answers.
    pub check: &'static str,
    pub error_answers: Vec<ErrorAnswer>,
    /// Strings that must never appear in an answer (secrets, signatures
    /// the real secret gives), with what each is.
    pub leak_markers: Vec<(String, String)>,
    /// Secret values and their labels, replaced in every answer excerpt.
    pub secrets: Vec<(String, String)>,
}

impl<'e> Session<'e> {
    pub fn new(ex: &'e mut dyn Exchange, max_time: Duration) -> Self {
        Session {
            ex,
            sent: 0,
            spent: Duration::ZERO,
            max_time,
            silent_in_a_row: 0,
            answered: false,
            stopped: None,
            check: "",
            error_answers: Vec::new(),
            leak_markers: Vec::new(),
            secrets: Vec::new(),
        }
    }

    /// `ev` with every secret value in its answer replaced by its label.
    pub fn redact(&self, ev: &mut Evidence) {
        if let Some(answer) = &mut ev.answer {
            for (value, label) in &self.secrets {
                if !value.is_empty() && answer.contains(value.as_str()) {
                    *answer = answer.replace(value.as_str(), &format!("<secret {label}>"));
                }
            }
        }
    }

    /// Evidence for one request, secrets redacted.
    pub fn evidence(
        &self,
        label: impl Into<String>,
        req: &Probe,
        result: &Result<Response, DeliveryError>,
    ) -> Evidence {
        let mut ev = evidence(label, req, result);
        self.redact(&mut ev);
        ev
    }

    pub fn now(&mut self) -> i64 {
        self.ex.now()
    }

    pub fn sent(&self) -> usize {
        self.sent
    }

    pub fn stopped(&self) -> Option<&str> {
        self.stopped.as_deref()
    }

    /// Whether anything has answered yet.
    pub fn answered(&self) -> bool {
        self.answered
    }

    pub fn pause(&mut self, d: Duration) {
        self.ex.pause(d);
    }

    pub fn observe(&mut self) -> Option<Result<i64, String>> {
        self.ex.observe()
    }

    /// Sends one request, unless the audit has stopped sending.
    pub fn send(&mut self, req: &Probe) -> Result<Response, DeliveryError> {
        if let Some(why) = &self.stopped {
            return Err(DeliveryError::Other(format!("not sent: {why}")));
        }
        let result = self.ex.send(req);
        self.account(&result);
        result
    }

    /// Sends all of `reqs`, `concurrency` at once.
    pub fn send_all(
        &mut self,
        reqs: &[Probe],
        concurrency: usize,
    ) -> Vec<Result<Response, DeliveryError>> {
        if let Some(why) = &self.stopped {
            let e = DeliveryError::Other(format!("not sent: {why}"));
            return reqs.iter().map(|_| Err(e.clone())).collect();
        }
        let results = self.ex.send_all(reqs, concurrency.max(1));
        // Time spent is the longest wait of each wave, not the sum.
        let waves = reqs.len().div_ceil(concurrency.max(1)) as u32;
        let longest = results
            .iter()
            .map(|r| match r {
                Ok(resp) => resp.latency,
                Err(DeliveryError::Timeout { after }) => *after,
                Err(_) => Duration::ZERO,
            })
            .max()
            .unwrap_or_default();
        for r in &results {
            self.account_one(r);
        }
        self.spent += longest * waves;
        self.check_time();
        results
    }

    fn account(&mut self, result: &Result<Response, DeliveryError>) {
        self.account_one(result);
        self.spent += match result {
            Ok(r) => r.latency,
            Err(DeliveryError::Timeout { after }) => *after,
            Err(_) => Duration::ZERO,
        };
        self.check_time();
    }

    fn account_one(&mut self, result: &Result<Response, DeliveryError>) {
        self.sent += 1;
        match result {
            Ok(r) => {
                self.answered = true;
                self.silent_in_a_row = 0;
                if r.status >= 400 {
                    let end = r.body.len().min(KEPT);
                    self.error_answers.push(ErrorAnswer {
                        check: self.check,
                        status: r.status,
                        body: String::from_utf8_lossy(&r.body[..end]).into_owned(),
                    });
                }
            }
            Err(DeliveryError::Timeout { after }) => {
                self.silent_in_a_row += 1;
                if self.silent_in_a_row >= MAX_SILENT && self.stopped.is_none() {
                    self.stopped = Some(format!(
                        "{MAX_SILENT} requests in a row got no answer within {} (during {})",
                        crate::send::format_duration(*after),
                        self.check
                    ));
                }
            }
            Err(DeliveryError::Refused { addr }) if self.answered => {
                if self.stopped.is_none() {
                    self.stopped = Some(format!(
                        "the app stopped answering: nothing listens on {addr} any more (during {})",
                        self.check
                    ));
                }
            }
            Err(_) => {}
        }
    }

    fn check_time(&mut self) {
        if self.spent > self.max_time && self.stopped.is_none() {
            self.stopped = Some(format!(
                "the audit's time limit ({}) was reached (during {})",
                crate::send::format_duration(self.max_time),
                self.check
            ));
        }
    }
}

/// At most this many characters of an answer go into evidence.
const EXCERPT: usize = 240;

/// The start of an answer's body, escaped for a terminal.
pub fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(EXCERPT * 4)]);
    let mut cut: String = text.chars().take(EXCERPT).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    crate::escape::for_terminal(&cut)
}

/// Evidence for one request and its result.
pub fn evidence(
    label: impl Into<String>,
    req: &Probe,
    result: &Result<Response, DeliveryError>,
) -> Evidence {
    let (status, latency_ms, answer, error) = match result {
        Ok(r) => (
            Some(r.status),
            Some((r.latency.as_secs_f64() * 1000.0 * 100.0).round() / 100.0),
            Some(excerpt(&r.body)),
            None,
        ),
        Err(e) => (None, None, None, Some(e.to_string())),
    };
    Evidence {
        label: label.into(),
        request: req.describe.clone(),
        status,
        latency_ms,
        answer,
        error,
    }
}

/// The status of a result, if an answer came.
pub fn status_of(result: &Result<Response, DeliveryError>) -> Option<u16> {
    result.as_ref().ok().map(|r| r.status)
}

pub fn is_2xx(result: &Result<Response, DeliveryError>) -> bool {
    matches!(status_of(result), Some(200..=299))
}

pub fn is_4xx(result: &Result<Response, DeliveryError>) -> bool {
    matches!(status_of(result), Some(400..=499))
}

//! `hookcli listen`: a local webhook endpoint that verifies every request,
//! diagnoses failures, flags delivery problems, optionally proxies to the
//! user's app, and records each request in the event store before answering.
//!
//! [`http`] is the only inbound HTTP code; [`inspect`] and [`delivery`] are
//! pure judgement; the store's group-committing writer records every
//! request before it is answered; [`report`] renders. [`Listener`] ties them together per request.

pub mod delivery;
pub mod http;
pub mod inspect;
pub mod report;

use crate::clock::{now_ms, now_s};
use crate::request::{Headers, Request};
use crate::store::{
    ForwardOutcome, NewReceived, Pending, Recorded, SignedKeys, Store, StoreError, Writer,
};
use crate::units::Invalid;
use delivery::{Flag, Seen, Tracker};
use http::{Handler, Incoming, Outgoing};
use inspect::{Inspection, Verifier};
use report::{Forwarded, Report, Summary};
use serde_json::json;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// `--respond STATUS[:DELAY]`: answer with this status (and/or after this delay).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Respond {
    pub status: Option<u16>,
    pub delay: Duration,
}

impl Respond {
    /// `500`, `200:2s`, `503:250ms`, `:1.5s` (delay only); the delay is
    /// hookcli's duration syntax, so a bare number is seconds.
    pub fn parse(spec: &str) -> Result<Respond, Invalid> {
        let invalid = |message: String| Invalid {
            message,
            hint: "write STATUS[:DELAY], e.g. 500, 200:2s or :800ms",
        };
        let (status, delay) = spec.split_once(':').unwrap_or((spec, ""));
        let status = match status.trim() {
            "" => None,
            s => match s.parse::<u16>() {
                Ok(n) if (100..=599).contains(&n) => Some(n),
                _ => return Err(invalid(format!("'{s}' is not an HTTP status (100-599)"))),
            },
        };
        let delay = match delay.trim() {
            "" => Duration::ZERO,
            d => crate::units::duration(d).map_err(|e| invalid(e.message))?,
        };
        if status.is_none() && delay.is_zero() {
            return Err(invalid("give a status, a delay or both".into()));
        }
        Ok(Respond { status, delay })
    }
}

/// Proxy mode: where to forward and what counts as slow.
#[derive(Debug, Clone)]
pub struct Forward {
    pub url: String,
    pub timeout: Duration,
    /// Slower than this is flagged `app_slow`.
    pub budget: Duration,
}

/// Everything the listener does per request, resolved from the flags.
#[derive(Debug, Clone)]
pub struct ListenerSettings {
    pub verifier: Verifier,
    /// Accept only this path and paths below it; `None` accepts every path.
    pub path: Option<String>,
    pub respond: Option<Respond>,
    pub forward: Option<Forward>,
    /// Diagnose valid requests too (for `--json`, so every object has the same shape).
    pub diagnose_valid: bool,
    /// `--url`: the URL the provider calls, instead of one rebuilt per request.
    pub url: Option<String>,
}

/// Headers that describe one hop, not the webhook; not forwarded.
const HOP_BY_HOP: &[&str] = &[
    "host",
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "expect",
    "proxy-connection",
    "te",
    "trailer",
    "upgrade",
];

/// The headers to forward or replay: everything but hop-by-hop ones.
pub fn forwardable(headers: &Headers) -> Headers {
    headers
        .iter()
        .filter(|(name, _)| !HOP_BY_HOP.iter().any(|h| h.eq_ignore_ascii_case(name)))
        .collect()
}

/// The request handler: inspect, track, forward, record, report, answer.
pub struct Listener {
    settings: ListenerSettings,
    /// Proxy mode's HTTP client, shared by every forward (keep-alive).
    client: Option<Result<crate::send::Client, crate::send::DeliveryError>>,
    recording: StoreState,
    tracker: Mutex<Tracker>,
    summary: Mutex<Summary>,
    sink: Box<dyn Fn(&Report) + Send + Sync>,
}

/// Where requests are recorded before they are answered.
enum StoreState {
    Off,
    On(Writer),
    /// The store cannot be used: every request is answered 503 with this.
    Broken(String),
}

impl Listener {
    /// `store`: the event store to record into (`None` with `--no-store`,
    /// an error when it cannot be used: then nothing is acknowledged).
    /// `sink` receives every report, after it is recorded and before the answer.
    pub fn new(
        settings: ListenerSettings,
        store: Option<Result<Store, StoreError>>,
        sink: Box<dyn Fn(&Report) + Send + Sync>,
    ) -> Listener {
        let client = settings.forward.as_ref().map(|f| {
            crate::send::Client::new(&crate::send::ClientOptions {
                timeout: f.timeout,
                ..crate::send::ClientOptions::default()
            })
        });
        Listener {
            settings,
            client,
            recording: match store {
                None => StoreState::Off,
                Some(Ok(store)) => StoreState::On(Writer::start(store)),
                Some(Err(e)) => StoreState::Broken(e.line()),
            },
            tracker: Mutex::new(Tracker::default()),
            summary: Mutex::new(Summary::default()),
            sink,
        }
    }

    /// Commits everything recorded so far; later requests are answered 503.
    pub fn finish(&self) -> Summary {
        if let StoreState::On(w) = &self.recording {
            w.finish();
        }
        self.summary.lock().map(|s| s.clone()).unwrap_or_default()
    }

    fn path_accepted(&self, target: &str) -> bool {
        let Some(prefix) = &self.settings.path else {
            return true;
        };
        let path = target.split('?').next().unwrap_or("");
        let prefix = prefix.trim_end_matches('/');
        path == prefix
            || prefix.is_empty()
            || path
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with('/'))
    }

    fn flags(&self, inspection: &Inspection) -> Vec<Flag> {
        let meta = &inspection.meta;
        let seen = Seen {
            event_id: meta.event_id.as_deref(),
            signature: inspection.signature.as_deref(),
            object: meta.object_id.as_deref().zip(meta.created),
        };
        let mut flags = self
            .tracker
            .lock()
            .map(|mut t| t.observe(&seen))
            .unwrap_or_default();
        if inspection
            .secret
            .as_ref()
            .is_some_and(|s| delivery::livemode_mismatch(s.label(), meta.livemode))
        {
            flags.push(Flag::LivemodeMismatch);
        }
        flags
    }

    async fn forward(
        &self,
        request: &Request,
        valid: bool,
        flags: &mut Vec<Flag>,
    ) -> Option<Forwarded> {
        let f = self.settings.forward.as_ref()?;
        let result = match self.client.as_ref()? {
            Ok(client) => {
                let body = bytes::Bytes::copy_from_slice(&request.body);
                client
                    .deliver(&f.url, &forwardable(&request.headers), body)
                    .await
            }
            Err(e) => Err(e.clone()),
        };
        match &result {
            Ok(resp) => {
                let ok = (200..300).contains(&resp.status);
                if ok && !valid {
                    flags.push(Flag::AppAcceptedInvalidSignature);
                }
                if (400..500).contains(&resp.status) && valid {
                    flags.push(Flag::AppRejectedValidSignature);
                }
                if resp.latency > f.budget {
                    flags.push(Flag::AppSlow);
                }
                // A dead letter is a delivery lost: one hookcli judged
                // valid that the app did not take. An invalid one the app
                // turned away was rightly refused.
                if !ok && valid {
                    flags.push(Flag::ForwardFailed);
                }
            }
            Err(_) if valid => flags.push(Flag::ForwardFailed),
            Err(_) => {}
        }
        Some(Forwarded {
            url: f.url.clone(),
            result,
        })
    }
}

fn cause_ids(inspection: &Inspection) -> Vec<String> {
    inspection
        .cause_ids()
        .into_iter()
        .map(String::from)
        .collect()
}

/// A request past [`Listener::admit`], with what the connection said of it.
struct Admitted {
    request: Request,
    target: String,
    remote: String,
    received_ms: i64,
    started: Instant,
}

/// What [`Listener::judge`] made of a request: the verdict, the delivery
/// flags, the app's answer in proxy mode and the status to answer with.
struct Judged {
    checked: inspect::Checked,
    now: i64,
    inspection: Inspection,
    flags: Vec<Flag>,
    forward: Option<Forwarded>,
    status: u16,
}

impl Listener {
    /// The path and method checks: a request for another path or not a
    /// POST is answered at once and not recorded.
    fn admit(&self, incoming: Incoming) -> Result<Admitted, Outgoing> {
        let started = Instant::now();
        let received_ms = now_ms();
        if !self.path_accepted(&incoming.target) {
            let path = self.settings.path.as_deref().unwrap_or("/");
            return Err(Outgoing::json(
                404,
                &json!({"error": "not_found", "message": format!("hookcli listens on {path}")}),
            ));
        }
        if incoming.method != "POST" {
            let mut out = Outgoing::json(
                405,
                &json!({"error": "method_not_allowed", "message": "webhooks are POSTed"}),
            );
            out.headers.push(("Allow".into(), "POST".into()));
            return Err(out);
        }
        let request = Request {
            method: incoming.method,
            url: Some(match &self.settings.url {
                Some(url) => url.clone(),
                None => crate::request::called_url(&incoming.headers, &incoming.target),
            }),
            headers: incoming.headers,
            body: incoming.body,
        };
        Ok(Admitted {
            request,
            target: incoming.target,
            remote: incoming.remote.to_string(),
            received_ms,
            started,
        })
    }

    /// The verdict (check, then the diagnosis of a failure), the delivery
    /// flags and, in proxy mode, the app's answer.
    async fn judge(&self, request: &Request) -> Judged {
        let verifier = &self.settings.verifier;
        let now = now_s();
        let checked = inspect::check(request, verifier, now);
        let inspection = checked.finish(request, verifier, now, self.settings.diagnose_valid, None);
        let mut flags = self.flags(&inspection);
        let forward = self.forward(request, inspection.valid, &mut flags).await;
        let mut status = match &forward {
            Some(Forwarded {
                result: Ok(resp), ..
            }) => resp.status,
            Some(Forwarded { result: Err(_), .. }) => 502,
            None if inspection.valid => 200,
            None => 400,
        };
        if let Some(s) = self.settings.respond.and_then(|r| r.status) {
            status = s;
        }
        Judged {
            checked,
            now,
            inspection,
            flags,
            forward,
            status,
        }
    }

    /// Records the request before it is answered (the answer waits for the
    /// commit): its row id, or why it could not be recorded. A failure
    /// whose body hookcli signed is judged again against that body, and
    /// `judged` updated, before it is recorded.
    async fn record(
        &self,
        admitted: Admitted,
        judged: &mut Judged,
    ) -> (Option<i64>, Option<String>) {
        let Admitted {
            request,
            target,
            remote,
            received_ms,
            ..
        } = admitted;
        let recorder = match &self.recording {
            StoreState::Off => return (None, None),
            StoreState::Broken(why) => return (None, Some(why.clone())),
            StoreState::On(recorder) => recorder,
        };
        // A failure is recorded unless hookcli signed its body; then it is
        // judged again, against that body (see `recorder`).
        let unless_signed = judged
            .checked
            .lookup()
            .map(|(signature, event_id)| SignedKeys {
                signature: signature.map(String::from),
                event_id: event_id.map(String::from),
            });
        let inspection = &judged.inspection;
        let row = NewReceived {
            received_ms,
            method: request.method.clone(),
            path: target,
            remote,
            provider: inspection.provider.map(|p| p.name().to_string()),
            event_type: inspection.meta.event_type.clone(),
            event_id: inspection.meta.event_id.clone(),
            signature: inspection.signature.clone(),
            valid: inspection.valid,
            causes: cause_ids(inspection),
            flags: judged.flags.iter().map(|f| f.id().to_string()).collect(),
            secret_label: inspection.secret.as_ref().map(|s| s.label().to_string()),
            secret_fp: inspection.secret.as_ref().map(|s| s.fingerprint()),
            // Moved, not copied: the row owns the request from here on.
            headers: request.headers.into(),
            body: request.body,
            status: judged.status,
            forward: judged.forward.as_ref().map(|f| match &f.result {
                Ok(resp) => ForwardOutcome {
                    url: f.url.clone(),
                    status: Some(resp.status),
                    latency_ms: Some(resp.latency.as_secs_f64() * 1000.0),
                    error: None,
                    body: Some(resp.body.clone()),
                },
                Err(e) => ForwardOutcome {
                    url: f.url.clone(),
                    status: None,
                    latency_ms: None,
                    error: Some(e.to_string()),
                    body: None,
                },
            }),
        };
        let mut pending = Pending { row, unless_signed };
        loop {
            match recorder.record(pending).await {
                Ok((Recorded::Id(id), _)) => return (Some(id), None),
                Ok((Recorded::Original(original), back)) => {
                    pending = back;
                    let again = Request {
                        headers: std::mem::take(&mut pending.row.headers).into(),
                        body: std::mem::take(&mut pending.row.body),
                        method: request.method.clone(),
                        url: request.url.clone(),
                    };
                    judged.inspection = judged.checked.finish(
                        &again,
                        &self.settings.verifier,
                        judged.now,
                        self.settings.diagnose_valid,
                        Some(&original),
                    );
                    pending.row.headers = again.headers.into();
                    pending.row.body = again.body;
                    pending.row.causes = cause_ids(&judged.inspection);
                    pending.unless_signed = None;
                }
                Err(e) => return (None, Some(e)),
            }
        }
    }

    /// Reports the request and answers it, after `delay`: as the app did
    /// in proxy mode, else with hookcli's verdict; 503 when it could not be
    /// recorded.
    async fn answer(&self, report: Report, delay: Duration) -> Outgoing {
        if let Ok(mut s) = self.summary.lock() {
            s.add(&report);
        }
        // The line is reported before the delay, so a sender that gives up
        // first still shows up.
        (self.sink)(&report);
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        let mut verdict_headers = vec![(
            "Hookcli-Verdict".to_string(),
            if report.inspection.valid {
                "valid"
            } else {
                "invalid"
            }
            .to_string(),
        )];
        let causes = report.inspection.cause_ids();
        if !causes.is_empty() {
            verdict_headers.push(("Hookcli-Causes".to_string(), causes.join(",")));
        }
        let mut out = match &report.forward {
            // Proxy mode answers as the app did, so the sender sees the app's behaviour.
            Some(Forwarded {
                result: Ok(resp), ..
            }) if report.store_error.is_none() => Outgoing {
                status: report.status,
                headers: resp
                    .headers
                    .get("Content-Type")
                    .map(|t| ("Content-Type".to_string(), t.to_string()))
                    .into_iter()
                    .collect(),
                body: resp.body.clone(),
            },
            _ => Outgoing::json(report.status, &report::response_body(&report)),
        };
        out.headers.extend(verdict_headers);
        out
    }
}

impl Handler for Listener {
    async fn handle(&self, incoming: Incoming) -> Outgoing {
        let admitted = match self.admit(incoming) {
            Ok(admitted) => admitted,
            Err(answer) => return answer,
        };
        let mut judged = self.judge(&admitted.request).await;
        let method = admitted.request.method.clone();
        let (path, remote) = (admitted.target.clone(), admitted.remote.clone());
        let (received_ms, started) = (admitted.received_ms, admitted.started);
        let (id, store_error) = self.record(admitted, &mut judged).await;
        if store_error.is_some() {
            judged.status = 503;
        }
        // `--respond STATUS:DELAY` rehearses a slow app: the answer goes out
        // after the delay, so the latency reported counts it.
        let delay = self.settings.respond.map_or(Duration::ZERO, |r| r.delay);
        let report = Report {
            id,
            received_ms,
            method,
            path,
            remote,
            inspection: judged.inspection,
            flags: judged.flags,
            status: judged.status,
            latency: started.elapsed() + delay,
            forward: judged.forward,
            store_error,
        };
        self.answer(report, delay).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn respond_specs() {
        assert_eq!(
            Respond::parse("500"),
            Ok(Respond {
                status: Some(500),
                delay: Duration::ZERO
            })
        );
        assert_eq!(
            Respond::parse("200:2s"),
            Ok(Respond {
                status: Some(200),
                delay: Duration::from_secs(2)
            })
        );
        assert_eq!(
            Respond::parse(":250ms").unwrap().delay,
            Duration::from_millis(250)
        );
        assert!(Respond::parse("99").is_err());
        assert_eq!(
            Respond::parse("200:1.5").unwrap().delay,
            Duration::from_millis(1500),
            "a bare number is seconds, as everywhere"
        );
        assert!(Respond::parse("200:soon").is_err());
        assert!(Respond::parse("").is_err());
    }

    #[test]
    fn hop_by_hop_headers_are_not_forwarded() {
        let h: Headers = [
            ("Host", "x"),
            ("Stripe-Signature", "t=1"),
            ("Content-Length", "3"),
            ("X-A", "b"),
        ]
        .into_iter()
        .collect();
        let forwarded = forwardable(&h);
        let names: Vec<&str> = forwarded.iter().map(|(n, _)| n).collect();
        assert_eq!(names, vec!["Stripe-Signature", "X-A"]);
    }
}

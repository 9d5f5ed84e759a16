//! Renders deliveries and load summaries for a person or as JSON. Returns
//! strings and values; `output` prints them. Everything that came from the
//! server is escaped before it can reach a terminal.

use super::stats::LoadSummary;
use super::{DeliveryError, Expect, Response, format_duration, millis};
use crate::escape::for_terminal;
use crate::fixtures::Event;
use crate::provider::rejections::{self, Rejected};
use serde_json::{Map, Value, json};
use std::time::Duration;

/// Response-body bytes shown to a person (JSON output keeps up to `MAX_BODY`).
pub const SHOWN_BODY: usize = 2048;

/// One delivery attempt and what came of it.
pub struct Delivery<'a> {
    pub event: &'a Event,
    pub url: &'a str,
    pub attempt: u32,
    /// The signature header's name and value.
    pub signature: (&'a str, &'a str),
    pub sent_ms: i64,
    pub result: &'a Result<Response, DeliveryError>,
    pub expect: &'a Expect,
    pub budget: Duration,
    /// When the next attempt will be made, if one will.
    pub retry_in: Option<Duration>,
    /// The most attempts the retry policy allows (1 without `--retry`).
    pub max_attempts: usize,
    /// With `--duplicates N`: this is copy `.0` of `.1`.
    pub copy: Option<(u32, u32)>,
    /// The secret it was signed with, as `label (fp:…)`.
    pub secret: String,
    /// The path hookcli chose because `--to` named none.
    pub chosen_path: Option<&'a str>,
}

/// How a delivery is judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryVerdict {
    Matched,
    Unexpected,
    /// A 3xx, never followed (providers count it as a failure).
    Redirect {
        location: Option<String>,
    },
    Failed,
}

impl Delivery<'_> {
    pub fn verdict(&self) -> DeliveryVerdict {
        match self.result {
            Ok(r) if (300..400).contains(&r.status) && !self.expect.matches(r.status) => {
                DeliveryVerdict::Redirect {
                    location: r.redirect_location().map(str::to_string),
                }
            }
            Ok(r) if self.expect.matches(r.status) => DeliveryVerdict::Matched,
            Ok(_) => DeliveryVerdict::Unexpected,
            Err(_) => DeliveryVerdict::Failed,
        }
    }

    pub fn matched(&self) -> bool {
        self.verdict() == DeliveryVerdict::Matched
    }

    pub fn slow(&self) -> bool {
        matches!(self.result, Ok(r) if r.latency > self.budget)
    }
}

pub fn status_line(status: u16) -> String {
    match reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
    {
        Some(reason) => format!("{status} {reason}"),
        None => status.to_string(),
    }
}

fn body_text(body: &[u8], limit: usize) -> (String, usize) {
    let shown = &body[..body.len().min(limit)];
    (
        String::from_utf8_lossy(shown).into_owned(),
        body.len() - shown.len(),
    )
}

/// `· copy 2 of 3 · attempt 1 of 7`, whichever apply.
fn labels(d: &Delivery) -> String {
    let mut out = String::new();
    if let Some((n, of)) = d.copy {
        out.push_str(&format!(" · copy {n} of {of}"));
    }
    if d.max_attempts > 1 {
        out.push_str(&format!(" · attempt {} of {}", d.attempt, d.max_attempts));
    }
    out
}

/// The delivery for a person. An attempt that will be retried is one line;
/// the last one shows the response in full, its verdict, and what to do.
pub fn human(d: &Delivery) -> String {
    let e = d.event;
    if let Some(wait) = d.retry_in {
        let answer = match d.result {
            Ok(r) => format!(
                "{} in {}",
                status_line(r.status),
                format_duration(r.latency)
            ),
            Err(e) => e.to_string(),
        };
        return format!(
            "→ POST {} · {} {}{}: {}; retrying in {}, re-signed\n",
            for_terminal(d.url),
            for_terminal(&e.event_type),
            for_terminal(&e.event_id),
            labels(d),
            for_terminal(&answer),
            format_duration(wait)
        );
    }
    let mut out = format!(
        "→ POST {} · {} {}{}\n",
        for_terminal(d.url),
        for_terminal(&e.event_type),
        for_terminal(&e.event_id),
        labels(d)
    );
    if let Ok(r) = d.result {
        out.push_str(&format!(
            "← {} · {}\n",
            status_line(r.status),
            format_duration(r.latency)
        ));
        for (name, value) in r.headers.iter() {
            out.push_str(&format!(
                "  {}: {}\n",
                for_terminal(name),
                for_terminal(value)
            ));
        }
        let (text, more) = body_text(&r.body, SHOWN_BODY);
        if !text.is_empty() {
            out.push('\n');
            for line in text.trim_end_matches('\n').split('\n') {
                out.push_str(&format!("  {}\n", for_terminal(line)));
            }
            if more > 0 {
                out.push_str(&format!("  … ({more} more bytes)\n"));
            }
        }
    }
    out.push_str(&verdict_line(d));
    out.push('\n');
    if d.max_attempts > 1 && !d.matched() {
        let n = d.attempt;
        out.push_str(&format!(
            "gave up after {n} attempt{}\n",
            if n == 1 { "" } else { "s" }
        ));
    }
    for line in advice(d) {
        out.push_str(&format!("  hint: {line}\n"));
    }
    if d.slow()
        && let Ok(r) = d.result
    {
        out.push_str(&format!(
                "slow: your handler took {} (budget {}, --budget); providers time out and retry — acknowledge first, work later\n",
                format_duration(r.latency),
                format_duration(d.budget)
            ));
    }
    out
}

/// Why an app may have answered as it did, when hookcli can tell: a
/// rejected correctly signed request, a 404 on a path hookcli chose.
pub fn advice(d: &Delivery) -> Vec<String> {
    let Ok(r) = d.result else {
        return Vec::new();
    };
    if d.matched() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if r.status == 404
        && let Some(path) = d.chosen_path
    {
        out.push(format!(
            "hookcli chose the path {path} because --to named none: pass the path your app serves, e.g. --to localhost:3000/api/webhooks"
        ));
        return out;
    }
    let body = String::from_utf8_lossy(&r.body);
    let known = rejections::recognise(e_provider(d), &body);
    if known.is_none() && !matches!(r.status, 400 | 401 | 403 | 422) {
        return out;
    }
    out.push(format!(
        "hookcli signed this request correctly, with {}; your app rejected it: it probably parses the body before verifying (verify the raw bytes) or holds another secret",
        d.secret
    ));
    if let Some(known) = known {
        let meaning = match known.kind {
            Rejected::Signature => {
                "the signature it computed differs: it verified other bytes than were sent (a parsed and re-serialized body) or used another secret"
            }
            Rejected::Timestamp => {
                "it judged the timestamp out of its tolerance: check the app's clock and tolerance, or hookcli's --timestamp"
            }
            Rejected::Header => {
                "it found no signature header it could read: a proxy or framework may drop or rename it"
            }
        };
        out.push(format!(
            "the answer is {}'s \"{}\": {meaning}",
            known.library, known.text
        ));
    }
    out.push(
        "causes and fixes per framework: docs/causes.md; to see what your app received, put `hookcli listen --forward-to URL` in front of it".to_string(),
    );
    out.push(format!(
        "to audit the endpoint for this and the other common mistakes: hookcli check --to {}",
        d.url
    ));
    out
}

fn verdict_line(d: &Delivery) -> String {
    match (d.verdict(), d.result) {
        (DeliveryVerdict::Matched, Ok(r)) => format!(
            "ok: {} matches --expect {}",
            status_line(r.status),
            d.expect
        ),
        (DeliveryVerdict::Redirect { location }, Ok(r)) => format!(
            "FAIL: {} is a redirect; hookcli does not follow it, and providers treat 3xx as failure — Location: {}",
            status_line(r.status),
            location
                .as_deref()
                .map(for_terminal)
                .unwrap_or_else(|| "(none)".into())
        ),
        (_, Ok(r)) => format!(
            "FAIL: {}, expected --expect {}",
            status_line(r.status),
            d.expect
        ),
        (_, Err(e)) => format!("FAIL: {e}\n  hint: {}", e.hint()),
    }
}

fn e_provider(d: &Delivery) -> crate::provider::Provider {
    d.event.provider
}

fn headers_object(headers: &crate::request::Headers) -> Value {
    let mut map = Map::new();
    for (name, value) in headers.iter() {
        map.insert(name.to_string(), Value::String(value.to_string()));
    }
    Value::Object(map)
}

/// One JSON object per delivery attempt.
pub fn json(d: &Delivery) -> Value {
    let e = d.event;
    let mut v = json!({
        "provider": e.provider.name(),
        "event_type": e.event_type,
        "event_id": e.event_id,
        "url": d.url,
        "attempt": d.attempt,
        "timestamp": e.timestamp,
        "signature_header": {d.signature.0: d.signature.1},
        "sent_at_ms": d.sent_ms,
        "expect": d.expect.to_string(),
        "matched": d.matched(),
        "slow": d.slow(),
        "status": Value::Null,
        "latency_ms": Value::Null,
        "response": Value::Null,
        "error": Value::Null,
        "retry_in_ms": d.retry_in.map(|w| w.as_millis() as u64),
        "copy": d.copy.map(|c| c.0),
        "gave_up": d.retry_in.is_none() && d.max_attempts > 1 && !d.matched(),
        "advice": advice(d),
    });
    match d.result {
        Ok(r) => {
            v["status"] = r.status.into();
            v["latency_ms"] = json!(millis(r.latency));
            v["response"] = json!({
                "headers": headers_object(&r.headers),
                "body": String::from_utf8_lossy(&r.body),
            });
            if let DeliveryVerdict::Redirect { location } = d.verdict() {
                v["redirect_not_followed"] = json!({"location": location});
            }
        }
        Err(err) => {
            v["error"] = json!({"kind": err.kind(), "message": err.to_string(), "hint": err.hint()})
        }
    }
    v
}

/// What a load run was.
pub struct LoadInfo<'a> {
    pub url: &'a str,
    pub event_type: &'a str,
    pub concurrency: usize,
    pub expect: &'a Expect,
    /// `--budget`: slower successes are counted as slow.
    pub budget: Duration,
}

pub fn summary_human(info: &LoadInfo, s: &LoadSummary) -> String {
    let mut out = format!(
        "sent {} uniquely signed {} events to {} with {} in flight\n",
        s.requests,
        for_terminal(info.event_type),
        for_terminal(info.url),
        info.concurrency
    );
    if s.responses > 0 {
        out.push_str(&format!(
            "  throughput  {:.0} req/s ({} in {})\n",
            s.per_second,
            s.requests,
            format_duration(s.elapsed)
        ));
    } else {
        out.push_str(&format!(
            "  throughput  none: no request got a response ({} tried in {})\n",
            s.requests,
            format_duration(s.elapsed)
        ));
    }
    if s.responses > 0 {
        out.push_str(&format!(
            "  latency     p50 {}  p90 {}  p99 {}  max {}\n",
            format_duration(s.p50),
            format_duration(s.p90),
            format_duration(s.p99),
            format_duration(s.max)
        ));
    } else {
        out.push_str("  latency     no responses\n");
    }
    let statuses: Vec<String> = s
        .stats
        .statuses
        .iter()
        .map(|(k, v)| format!("{k} × {v}"))
        .collect();
    if !statuses.is_empty() {
        out.push_str(&format!("  statuses    {}\n", statuses.join(", ")));
    }
    let errors: Vec<String> = s
        .stats
        .errors
        .iter()
        .map(|(k, v)| format!("{k} × {v}"))
        .collect();
    if !errors.is_empty() {
        out.push_str(&format!("  errors      {}\n", errors.join(", ")));
    }
    if s.stats.slow > 0 {
        out.push_str(&format!(
            "  slow        {} over the --budget of {}\n",
            s.stats.slow,
            format_duration(info.budget)
        ));
    }
    if s.failed == 0 {
        out.push_str(&format!(
            "ok: all {} matched --expect {}\n",
            s.requests, info.expect
        ));
    } else {
        out.push_str(&format!(
            "FAIL: {} of {} did not match --expect {}\n",
            s.failed, s.requests, info.expect
        ));
    }
    out
}

pub fn summary_json(info: &LoadInfo, s: &LoadSummary) -> Value {
    let ms = millis;
    let statuses: Map<String, Value> = s
        .stats
        .statuses
        .iter()
        .map(|(k, v)| (k.to_string(), (*v).into()))
        .collect();
    let errors: Map<String, Value> = s
        .stats
        .errors
        .iter()
        .map(|(k, v)| (k.to_string(), (*v).into()))
        .collect();
    json!({
        "mode": "load",
        "url": info.url,
        "event_type": info.event_type,
        "concurrency": info.concurrency,
        "requests": s.requests,
        "elapsed_s": (s.elapsed.as_secs_f64() * 1e6).round() / 1e6,
        "requests_per_second": if s.responses > 0 {
            json!((s.per_second * 10.0).round() / 10.0)
        } else {
            Value::Null
        },
        "latency_ms": if s.responses > 0 {
            json!({"p50": ms(s.p50), "p90": ms(s.p90), "p99": ms(s.p99), "max": ms(s.max)})
        } else {
            Value::Null
        },
        "statuses": statuses,
        "errors": errors,
        "expect": info.expect.to_string(),
        "matched": s.stats.matched,
        "failed": s.failed,
        "slow": s.stats.slow,
        "budget_ms": millis(info.budget),
    })
}

//! What the listener says about each request and at the end: the compact
//! line, the `--json` object, the response body and the summary. Returns
//! strings and JSON values; printing is `output`'s job. Every piece of
//! request text goes through `escape::for_terminal` before a terminal.

use super::delivery::Flag;
use super::inspect::Inspection;
use crate::escape::for_terminal;
use crate::send::{DeliveryError, Response};
use crate::style::{self, paint};
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::time::Duration;

/// The outcome of forwarding a request to the app (`--forward-to`).
#[derive(Debug, Clone)]
pub struct Forwarded {
    pub url: String,
    pub result: Result<Response, DeliveryError>,
}

/// Everything known about one handled request.
#[derive(Debug, Clone)]
pub struct Report {
    /// Row id in the event store (`None` with `--no-store`).
    pub id: Option<i64>,
    pub received_ms: i64,
    pub method: String,
    pub path: String,
    pub remote: String,
    pub inspection: Inspection,
    pub flags: Vec<Flag>,
    /// What the listener answered.
    pub status: u16,
    /// From the request being read to the answer being ready.
    pub latency: Duration,
    pub forward: Option<Forwarded>,
    pub store_error: Option<String>,
}

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e6).round() / 1e3
}

fn clock(ms: i64) -> String {
    thread_local! {
        /// The last second written, and its text: a listener under load
        /// writes the same second thousands of times.
        static LAST: std::cell::RefCell<(i64, String)> = const { std::cell::RefCell::new((i64::MIN, String::new())) };
    }
    let second = ms.div_euclid(1000);
    LAST.with_borrow_mut(|(at, text)| {
        if *at != second {
            *text = jiff::Timestamp::from_second(second)
                .map(|t| {
                    t.to_zoned(jiff::tz::TimeZone::system())
                        .strftime("%H:%M:%S")
                        .to_string()
                })
                .unwrap_or_default();
            *at = second;
        }
        text.clone()
    })
}

fn rfc3339(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

fn or_dash(s: Option<&str>) -> String {
    s.map_or_else(|| "-".to_string(), for_terminal)
}

/// `12:00:01 POST /webhooks stripe invoice.paid evt_1 valid 0.4 ms #12 [duplicate_event]`,
/// then one indented line for the app's answer and one per alarm. Written
/// into one buffer (it runs for every request).
pub fn line(r: &Report, all_flag_messages: bool) -> String {
    use std::fmt::Write;
    let i = &r.inspection;
    let mut out = String::with_capacity(160);
    let _ = write!(
        out,
        "{} {} {} {} {} {} ",
        clock(r.received_ms),
        for_terminal(&r.method),
        for_terminal(&r.path),
        i.provider.map_or("-", |p| p.name()),
        or_dash(i.meta.event_type.as_deref()),
        or_dash(i.meta.event_id.as_deref()),
    );
    if i.valid {
        let _ = write!(out, "{}", paint(style::GOOD, "valid"));
    } else {
        let _ = write!(out, "{} (", paint(style::BAD, "INVALID"));
        for (n, id) in i.cause_ids().iter().enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            out.push_str(id);
        }
        out.push(')');
    }
    let _ = write!(out, " {:.1} ms", ms(r.latency));
    if let Some(id) = r.id {
        let _ = write!(out, " #{id}");
    }
    if !r.flags.is_empty() {
        let ids: Vec<&str> = r.flags.iter().map(|f| f.id()).collect();
        let _ = write!(
            out,
            "{}",
            paint(style::WARN, format_args!(" [{}]", ids.join(", ")))
        );
    }
    out.push('\n');
    if let Some(f) = &r.forward {
        let _ = match &f.result {
            Ok(resp) => writeln!(
                out,
                "    -> app answered {} in {:.1} ms",
                resp.status,
                ms(resp.latency)
            ),
            Err(e) => writeln!(out, "    -> app: {}", for_terminal(&e.to_string())),
        };
    }
    for flag in &r.flags {
        if all_flag_messages || flag.is_alarm() {
            let look = if flag.is_alarm() {
                style::ALARM
            } else {
                style::WARN
            };
            let _ = writeln!(out, "{}", paint(look, format_args!("    ! {flag}")));
        }
    }
    if let Some(e) = &r.store_error {
        let _ = writeln!(
            out,
            "    ! not recorded in the event store ({}); answered 503",
            for_terminal(e)
        );
    }
    out
}

/// The full diagnosis of a failure, indented under its line (`--diagnose`).
pub fn details(r: &Report) -> Option<String> {
    if r.inspection.valid {
        return None;
    }
    let text = crate::diagnose::render(r.inspection.diagnosis.as_ref()?);
    let mut out = String::new();
    for l in text.lines() {
        out.push_str("    ");
        out.push_str(l);
        out.push('\n');
    }
    Some(out)
}

fn flag_json(f: Flag) -> Value {
    json!({"id": f.id(), "message": f.to_string()})
}

/// One `--json` object: the diagnosis shape of `verify --json` (`valid`,
/// `provider`, `causes`, `diff`) plus request metadata, flags and the
/// app's answer.
pub fn json(r: &Report) -> Value {
    let i = &r.inspection;
    let mut map = Map::new();
    map.insert("id".into(), json!(r.id));
    map.insert("received_at".into(), json!(rfc3339(r.received_ms)));
    map.insert("method".into(), json!(r.method));
    map.insert("path".into(), json!(r.path));
    map.insert("remote".into(), json!(r.remote));
    map.insert("event_type".into(), json!(i.meta.event_type));
    map.insert("event_id".into(), json!(i.meta.event_id));
    let diagnosis = i.diagnosis.as_ref().map(|d| d.to_json()).unwrap_or_else(
        || json!({"valid": i.valid, "provider": i.provider.map(|p| p.name()), "causes": [], "diff": null}),
    );
    if let Value::Object(d) = diagnosis {
        map.extend(d);
    }
    // The listener's verdict: valid with any of its secrets.
    map.insert("valid".into(), json!(i.valid));
    map.insert("provider".into(), json!(i.provider.map(|p| p.name())));
    map.insert(
        "secret".into(),
        i.secret.as_ref().map_or(
            Value::Null,
            |s| json!({"label": s.label(), "fingerprint": s.fingerprint()}),
        ),
    );
    map.insert(
        "flags".into(),
        Value::Array(r.flags.iter().map(|f| flag_json(*f)).collect()),
    );
    map.insert("status".into(), json!(r.status));
    map.insert("latency_ms".into(), json!(ms(r.latency)));
    if let Some(f) = &r.forward {
        map.insert("forward".into(), forward_json(f));
    }
    if let Some(e) = &r.store_error {
        map.insert("store_error".into(), json!(e));
    }
    Value::Object(map)
}

fn forward_json(f: &Forwarded) -> Value {
    match &f.result {
        Ok(resp) => json!({
            "url": f.url,
            "status": resp.status,
            "latency_ms": ms(resp.latency),
            "body": String::from_utf8_lossy(&resp.body),
        }),
        Err(e) => {
            json!({"url": f.url, "status": null, "error": e.kind(), "message": e.to_string()})
        }
    }
}

/// The body the listener answers with: verdict and cause ids.
#[derive(Debug, Serialize)]
pub struct ResponseBody<'a> {
    verdict: &'static str,
    valid: bool,
    provider: Option<&'static str>,
    event_id: Option<&'a str>,
    causes: Vec<&'static str>,
    /// The likeliest cause, in words.
    message: Option<String>,
    flags: Vec<&'static str>,
    /// Row id in the event store.
    id: Option<i64>,
    /// Why the request was not recorded (and so answered 503), when so.
    #[serde(skip_serializing_if = "Option::is_none")]
    store_error: Option<&'a str>,
}

pub fn response_body(r: &Report) -> ResponseBody<'_> {
    let i = &r.inspection;
    ResponseBody {
        verdict: if i.valid { "valid" } else { "invalid" },
        valid: i.valid,
        provider: i.provider.map(|p| p.name()),
        event_id: i.meta.event_id.as_deref(),
        causes: i.cause_ids(),
        message: i
            .diagnosis
            .as_ref()
            .and_then(|d| d.causes.first())
            .map(|c| c.to_string()),
        flags: r.flags.iter().map(|f| f.id()).collect(),
        id: r.id,
        store_error: r.store_error.as_deref(),
    }
}

/// Counts for the closing summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub received: u64,
    pub valid: u64,
    pub invalid: u64,
    pub causes: BTreeMap<&'static str, u64>,
    /// Requests flagged `duplicate_event` or `replayed_signature`.
    pub duplicates: u64,
    pub flags: BTreeMap<&'static str, u64>,
    pub forwarded: u64,
    pub dead_letters: u64,
    pub not_recorded: u64,
}

impl Summary {
    pub fn add(&mut self, r: &Report) {
        self.received += 1;
        if r.inspection.valid {
            self.valid += 1;
        } else {
            self.invalid += 1;
            for id in r.inspection.cause_ids() {
                *self.causes.entry(id).or_default() += 1;
            }
        }
        if r.flags
            .iter()
            .any(|f| matches!(f, Flag::DuplicateEvent | Flag::ReplayedSignature))
        {
            self.duplicates += 1;
        }
        for f in &r.flags {
            *self.flags.entry(f.id()).or_default() += 1;
        }
        if r.forward.is_some() {
            self.forwarded += 1;
            if r.flags.contains(&Flag::ForwardFailed) {
                self.dead_letters += 1;
            }
        }
        if r.store_error.is_some() {
            self.not_recorded += 1;
        }
    }

    /// `stopped: 5 received, 3 valid, 2 invalid (wrong_secret 2), 1 duplicate`.
    pub fn text(&self) -> String {
        let mut out = format!(
            "stopped: {} received, {} valid, {} invalid",
            self.received, self.valid, self.invalid
        );
        if !self.causes.is_empty() {
            let by: Vec<String> = self
                .causes
                .iter()
                .map(|(id, n)| format!("{id} {n}"))
                .collect();
            out.push_str(&format!(" ({})", by.join(", ")));
        }
        out.push_str(&format!(
            ", {} duplicate{}",
            self.duplicates,
            if self.duplicates == 1 { "" } else { "s" }
        ));
        let notes: Vec<String> = self
            .flags
            .iter()
            .filter(|(id, _)| !matches!(**id, "duplicate_event" | "replayed_signature"))
            .map(|(id, n)| format!("{id} {n}"))
            .collect();
        if !notes.is_empty() {
            out.push_str(&format!("; flags: {}", notes.join(", ")));
        }
        if self.forwarded > 0 {
            out.push_str(&format!(
                "; forwarded {}, {} dead letter(s)",
                self.forwarded, self.dead_letters
            ));
        }
        if self.not_recorded > 0 {
            out.push_str(&format!(
                "; {} NOT recorded (answered 503)",
                self.not_recorded
            ));
        }
        out.push('\n');
        out
    }

    pub fn json(&self) -> Value {
        json!({"summary": {
            "received": self.received,
            "valid": self.valid,
            "invalid": self.invalid,
            "causes": self.causes,
            "duplicates": self.duplicates,
            "flags": self.flags,
            "forwarded": self.forwarded,
            "dead_letters": self.dead_letters,
            "not_recorded": self.not_recorded,
        }})
    }
}

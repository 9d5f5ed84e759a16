//! Robustness: signed bodies that are not events, an empty body, a body
//! over every provider's cap, other content types and methods, what error
//! answers reveal, and whether a genuine delivery still succeeds after all
//! of it.

use super::build::{pad, reform};
use super::session::{is_2xx, status_of};
use super::{Audit, Status};
use crate::fixtures::Event;
use crate::request::Headers;

/// Larger than any provider's payload cap (GitHub's is 25 MB).
const OVERSIZED: usize = 30 * 1024 * 1024;

pub fn before_burst(a: &mut Audit) {
    malformed_json(a);
    empty_body(a);
    unexpected_content_type(a);
    wrong_method(a);
    oversized(a);
}

/// A fresh genuine event with `body` instead of its own, signed as the app
/// accepts (or with the primary secret).
fn signed_body(a: &mut Audit, body: Vec<u8>) -> (Event, super::Probe) {
    let now = a.session.now();
    let event = a.build.event(a.profile.genuine_event, now, &[]);
    let secret = a
        .baseline
        .as_ref()
        .map_or_else(|| a.primary().clone(), |b| b.secret.clone());
    let event = Event { body, ..event };
    let req = a.build.signed(&event, &secret);
    (event, req)
}

fn genuine_body(a: &mut Audit) -> Vec<u8> {
    let now = a.session.now();
    let event = a.build.event(a.profile.genuine_event, now, &[]);
    match &a.baseline {
        Some(b) => reform(&event, b.form).body,
        None => event.body,
    }
}

fn malformed_json(a: &mut Audit) {
    let id = "malformed_json_4xx";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let body = genuine_body(a);
    let truncated = body[..body.len() / 2].to_vec();
    let mut failed = Vec::new();
    let mut acked = Vec::new();
    for (label, b) in [
        ("truncated JSON", truncated),
        ("plain text", b"this is not JSON".to_vec()),
        ("an empty array", b"[]".to_vec()),
        ("null", b"null".to_vec()),
    ] {
        let (_, req) = signed_body(a, b);
        let (result, ev) = a.send(format!("signed {label}"), &req);
        match status_of(&result) {
            Some(400..=499) => {}
            Some(200..=299) => acked.push(label),
            _ => {
                failed.push(label);
                f.evidence.push(ev);
            }
        }
    }
    if failed.is_empty() {
        f.summary = if acked.is_empty() {
            "answers 4xx to signed bodies that are not events".into()
        } else {
            format!(
                "no 5xx for signed bodies that are not events ({} acknowledged with 2xx)",
                acked.join(", ")
            )
        };
    } else {
        f.status = Status::Fail;
        f.summary = format!(
            "answers 5xx (or nothing) to signed {}: providers retry it and it reads as an outage",
            failed.join(", ")
        );
        f.fix = Some("parse inside a try/catch after verifying and answer 400 when the body is not the JSON you expect (Express: JSON.parse in try; Flask: request.get_json(silent=True))".into());
    }
    a.push(f);
}

fn empty_body(a: &mut Audit) {
    let id = "empty_body_rejected";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let (_, req) = signed_body(a, Vec::new());
    let (result, ev) = a.send("signed empty body", &req);
    match status_of(&result) {
        Some(400..=499) => f.summary = "answers 4xx to a signed empty body".into(),
        other => {
            f.status = Status::Fail;
            f.summary = format!(
                "answers {} to a signed empty body",
                other.map_or("nothing".into(), |s| s.to_string())
            );
            f.fix = Some("reject an empty body with 400 before dispatching on its type".into());
            f.evidence.push(ev);
        }
    }
    a.push(f);
}

fn unexpected_content_type(a: &mut Audit) {
    let id = "unexpected_content_type";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let body = genuine_body(a);
    let (_, req) = signed_body(a, body);
    let mut failed = Vec::new();
    for ctype in ["text/plain", "application/x-www-form-urlencoded"] {
        let mut other = req.clone();
        other.headers = super::profile::with_header(&req.headers, "Content-Type", ctype.into());
        other.describe = format!("{} (Content-Type: {ctype})", req.describe);
        let (result, ev) = a.send(format!("signed JSON sent as {ctype}"), &other);
        if !matches!(status_of(&result), Some(200..=499)) {
            failed.push(ctype);
            f.evidence.push(ev);
        }
    }
    if failed.is_empty() {
        f.summary = "no 5xx for signed JSON sent with another Content-Type".into();
    } else {
        f.status = Status::Fail;
        f.summary = format!(
            "answers 5xx (or nothing) to signed JSON sent as {}",
            failed.join(", ")
        );
        f.fix = Some("answer 415 or 400 to a content type you do not take, instead of failing on an unparsed body".into());
    }
    a.push(f);
}

fn wrong_method(a: &mut Audit) {
    let id = "wrong_method_405";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let body = genuine_body(a);
    let (_, signed) = signed_body(a, body);
    let get = a.build.plain("GET", Headers::new(), Vec::new());
    let put = a
        .build
        .plain("PUT", signed.headers.clone(), signed.body.to_vec());
    let mut ran = Vec::new();
    let mut notes = Vec::new();
    for (label, req) in [("GET", get), ("PUT with a signed event", put)] {
        let (result, ev) = a.send(label, &req);
        match status_of(&result) {
            Some(404 | 405) => {}
            Some(400..=499) => notes.push(format!("{label}: {}", status_of(&result).unwrap_or(0))),
            _ => {
                ran.push(format!(
                    "{label} gets {}",
                    status_of(&result).map_or("no answer".into(), |s| s.to_string())
                ));
                f.evidence.push(ev);
            }
        }
    }
    if ran.is_empty() {
        f.summary = if notes.is_empty() {
            "answers 404/405 to GET and PUT".into()
        } else {
            format!(
                "rejects other methods ({}; 405 says it best)",
                notes.join(", ")
            )
        };
    } else {
        f.status = Status::Fail;
        f.summary = format!(
            "{}: the handler runs (or fails) on methods providers never use",
            ran.join("; ")
        );
        f.fix = Some(
            "route POST only (Express app.post, Flask methods=[\"POST\"]); other methods get 405"
                .into(),
        );
    }
    a.push(f);
}

fn oversized(a: &mut Audit) {
    let id = "oversized_payload_bounded";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let body = genuine_body(a);
    let big = pad(&body, OVERSIZED);
    let (_, mut req) = signed_body(a, big);
    // Not kept in the event store: 30 MiB of padding helps nobody.
    req.event = None;
    let (result, ev) = a.send("30 MiB signed event", &req);
    match &result {
        Ok(r) if (400..500).contains(&r.status) => {
            f.summary = format!("answers {} to a 30 MiB body", r.status);
        }
        Ok(r) if (200..300).contains(&r.status) => {
            f.status = Status::Warn;
            f.summary = format!(
                "accepts a 30 MiB body ({}): a body limit on the route bounds memory",
                r.status
            );
            f.fix = Some(super::why::fix("payload_too_large").replace("raise", "set"));
            f.evidence.push(ev);
        }
        Err(crate::send::DeliveryError::Other(_)) => {
            // A server that answers early and closes the connection: fine,
            // as long as it is still up.
            if a.baseline.is_some()
                && let Some((_, probe)) = a.genuine(a.profile.genuine_event, 0, &[])
                && is_2xx(&a.session.send(&probe))
            {
                f.summary = "closes the connection on a 30 MiB body and stays up".into();
            } else {
                f.status = Status::Fail;
                f.summary =
                    "a 30 MiB body ended the connection and the app did not answer afterwards"
                        .into();
                f.evidence.push(ev);
            }
        }
        _ => {
            f.status = Status::Fail;
            f.summary = format!(
                "a 30 MiB body gets {}",
                status_of(&result).map_or_else(
                    || result
                        .as_ref()
                        .err()
                        .map_or(String::new(), |e| format!("no answer ({e})")),
                    |s| s.to_string()
                )
            );
            f.fix = Some(
                "limit the body size on the webhook route (413 above the provider's cap)".into(),
            );
            f.evidence.push(ev);
        }
    }
    a.push(f);
}

/// `liveness_after_abuse`: one more genuine delivery after everything.
pub fn liveness(a: &mut Audit) {
    let id = "liveness_after_abuse";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let Some((_, req)) = a.genuine(a.profile.genuine_event, 0, &[]) else {
        return a.no_baseline(id);
    };
    let (result, ev) = a.send("genuine delivery after the battery", &req);
    // Slowness is ack_within_budget's to grade; here only the answer counts.
    if is_2xx(&result) {
        f.summary = "a genuine delivery still succeeds after the whole battery".into();
    } else {
        f.status = Status::Fail;
        f.summary = match (&result, a.session.stopped()) {
            (_, Some(why)) => format!("the app no longer answers: {why}"),
            (Ok(r), None) => format!("a genuine delivery now gets {}", r.status),
            (Err(e), None) => format!("a genuine delivery now gets no answer: {e}"),
        };
        f.fix = Some("keep one bad request from breaking the process: catch errors per request and bound body sizes".into());
        f.evidence.push(ev);
    }
    a.push(f);
}

/// What an error answer must not reveal.
const STACK_MARKERS: &[(&str, &str)] = &[
    ("Traceback (most recent call last)", "a Python traceback"),
    ("node_modules", "a Node.js stack trace"),
    (
        "&nbsp;at ",
        "a stack trace (Express's development error page)",
    ),
    ("\n    at ", "a stack trace"),
    ("Werkzeug Debugger", "the Werkzeug debugger"),
    ("Exception in thread", "a Java stack trace"),
    ("Stack trace:", "a stack trace"),
    (".php on line", "a PHP error with a file path"),
];

/// `error_body_hygiene`: every 4xx/5xx body the battery collected.
pub fn hygiene(a: &mut Audit) {
    let id = "error_body_hygiene";
    let Some(mut f) = a.begin(id) else { return };
    let mut leaks: Vec<String> = Vec::new();
    let answers = a.session.error_answers.clone();
    for answer in &answers {
        for (marker, what) in STACK_MARKERS {
            if answer.body.contains(marker) {
                leaks.push(format!(
                    "{what} in a {} answer ({})",
                    answer.status, answer.check
                ));
                f.evidence.push(super::Evidence {
                    label: format!("{} answer during {}", answer.status, answer.check),
                    request: String::new(),
                    status: Some(answer.status),
                    latency_ms: None,
                    answer: Some(super::session::excerpt(answer.body.as_bytes())),
                    error: None,
                });
                break;
            }
        }
        for (secret, what) in &a.session.leak_markers {
            if secret.len() >= 8 && answer.body.contains(secret.as_str()) {
                leaks.push(format!(
                    "{what} in a {} answer ({})",
                    answer.status, answer.check
                ));
            }
        }
    }
    leaks.dedup();
    let distinct: std::collections::BTreeSet<&str> = answers
        .iter()
        .filter(|e| e.check.ends_with("_rejected"))
        .map(|e| e.body.as_str())
        .collect();
    if leaks.is_empty() {
        f.summary = format!(
            "{} error answers reveal no stack trace, secret or expected signature{}",
            answers.len(),
            if distinct.len() > 1 {
                format!(
                    " ({} different texts for rejected forgeries: one generic text tells a prober less)",
                    distinct.len()
                )
            } else {
                String::new()
            }
        );
        f.evidence.clear();
    } else {
        f.status = Status::Fail;
        leaks.truncate(6);
        f.summary = format!("error answers reveal {}", leaks.join("; "));
        f.fix = Some("answer errors with a short generic text (\"invalid signature\"); log details server-side. Express: set NODE_ENV=production or add an error handler; Flask/Django: never run with debug on where it is reachable".into());
        f.evidence.truncate(3);
    }
    a.push(f);
}

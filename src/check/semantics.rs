//! Delivery semantics: retries, concurrent duplicates, byte-identical
//! replays and events out of order. A status code cannot show that a retry
//! was processed twice, so the idempotency checks read the observer
//! (`--probe-url`) before and after; without one they are `unverified`,
//! never `pass`.

use super::session::{Probe, is_2xx, status_of};
use super::{Audit, Evidence, Finding, Status};
use crate::fixtures::{Event, Override};
use std::time::Duration;

pub fn all(a: &mut Audit) {
    redelivery(a);
    concurrent(a);
    replay(a);
    out_of_order(a);
}

/// Reads of the observer, at most this many per settle.
const SETTLE_READS: usize = 20;
const SETTLE_GAP: Duration = Duration::from_millis(100);

/// The observer's count once two reads `SETTLE_GAP` apart agree (the app
/// may finish its work after answering); `None` without an observer.
fn settled(a: &mut Audit) -> Option<Result<i64, String>> {
    let mut last = match a.session.observe()? {
        Ok(n) => n,
        Err(e) => return Some(Err(e)),
    };
    for _ in 0..SETTLE_READS {
        a.session.pause(SETTLE_GAP);
        match a.session.observe()? {
            Ok(n) if n == last => return Some(Ok(n)),
            Ok(n) => last = n,
            Err(e) => return Some(Err(e)),
        }
    }
    Some(Ok(last))
}

/// The same event signed again at a later time: what a retry looks like.
fn resigned(a: &Audit, event: &Event, later: i64) -> Probe {
    let secret = &a.baseline.as_ref().expect("a baseline").secret;
    let again = Event {
        timestamp: event.timestamp + later,
        ..event.clone()
    };
    a.build.signed(&again, secret)
}

/// Grades a scenario of `sends` deliveries of one event that should have
/// one side effect, given the statuses seen and the counts before and after.
fn grade_once(
    f: &mut Finding,
    tried: Vec<(bool, Option<u16>, Evidence)>,
    before: Option<Result<i64, String>>,
    after: Option<Result<i64, String>>,
    statuses_matter: bool,
    what: &str,
) {
    let rejected: Vec<u16> = tried
        .iter()
        .filter(|(ok, _, _)| !ok)
        .map(|(_, s, _)| s.unwrap_or(0))
        .collect();
    let server_error = tried.iter().any(|(_, s, _)| s.is_none_or(|s| s >= 500));
    let evidence: Vec<Evidence> = tried.into_iter().map(|(_, _, e)| e).collect();
    if (statuses_matter && !rejected.is_empty()) || server_error {
        f.status = Status::Fail;
        let codes: Vec<String> = rejected
            .iter()
            .map(|s| {
                if *s == 0 {
                    "no answer".into()
                } else {
                    s.to_string()
                }
            })
            .collect();
        f.summary = format!(
            "{what}: answered {} (a duplicate answered non-2xx counts as a failed delivery and is retried)",
            codes.join(", ")
        );
        f.fix =
            Some("answer 2xx to an event you have already processed, and do nothing else".into());
        f.evidence = evidence;
        return;
    }
    match (before, after) {
        (Some(Ok(b)), Some(Ok(c))) => {
            let delta = c - b;
            f.evidence = evidence;
            if delta == 1 {
                f.summary = format!("{what}: one side effect");
                f.evidence.clear();
            } else if delta > 1 {
                f.status = Status::Fail;
                f.summary =
                    format!("{what}: processed {delta} times (the observer counted {b} -> {c})");
                f.fix = Some(
                    "record each event id (Stripe `id`, GitHub X-GitHub-Delivery, webhook-id) in the same transaction as its side effect, with a unique constraint, and skip ids already recorded".into(),
                );
            } else {
                f.status = Status::Unverified;
                f.summary = format!(
                    "{what}: the observer counted {b} -> {c}; it does not seem to count this event's side effects"
                );
            }
        }
        (Some(Err(e)), _) | (_, Some(Err(e))) => {
            f.status = Status::Unverified;
            f.summary = format!("{what}: the observer could not be read: {e}");
        }
        _ => {
            f.status = Status::Unverified;
            f.summary = format!(
                "{what}: answered 2xx, but status codes cannot show a duplicate was processed twice; pass --probe-url (docs/checks.md, \"The observer\")"
            );
        }
    }
}

fn redelivery(a: &mut Audit) {
    let id = "redelivery_idempotent";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let Some((event, first)) = a.genuine(a.profile.genuine_event, -1, &[]) else {
        return a.no_baseline(id);
    };
    let second = resigned(a, &event, 1);
    let before = settled(a);
    let mut tried = Vec::new();
    for (label, req) in [
        ("first delivery", first),
        ("redelivery, fresh signature", second),
    ] {
        let (result, ev) = a.send(label, &req);
        tried.push((is_2xx(&result), status_of(&result), ev));
    }
    let after = settled(a);
    grade_once(
        &mut f,
        tried,
        before,
        after,
        true,
        "the same event delivered twice",
    );
    a.push(f);
}

fn concurrent(a: &mut Audit) {
    let id = "concurrent_duplicate_once";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let Some((event, first)) = a.genuine(a.profile.genuine_event, -1, &[]) else {
        return a.no_baseline(id);
    };
    let second = resigned(a, &event, 1);
    let before = settled(a);
    let reqs = [first, second];
    let results = a.session.send_all(&reqs, 2);
    let tried = reqs
        .iter()
        .zip(&results)
        .map(|(req, result)| {
            (
                is_2xx(result),
                status_of(result),
                a.session.evidence("sent at the same time", req, result),
            )
        })
        .collect();
    let after = settled(a);
    grade_once(
        &mut f,
        tried,
        before,
        after,
        true,
        "the same event delivered twice at once",
    );
    a.push(f);
}

fn replay(a: &mut Audit) {
    let id = "replay_is_noop";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let Some((_, req)) = a.genuine(a.profile.genuine_event, 0, &[]) else {
        return a.no_baseline(id);
    };
    let before = settled(a);
    let mut tried = Vec::new();
    for label in ["original", "byte-identical replay"] {
        let (result, ev) = a.send(label, &req);
        // A replay may be answered 2xx or 4xx; only the first must succeed.
        let ok = label == "byte-identical replay" || is_2xx(&result);
        tried.push((ok, status_of(&result), ev));
    }
    let after = settled(a);
    grade_once(
        &mut f,
        tried,
        before,
        after,
        true,
        "a byte-identical replay",
    );
    a.push(f);
}

fn out_of_order(a: &mut Audit) {
    let id = "out_of_order_tolerated";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let Some(order) = a.profile.ordered.as_ref() else {
        return a.skip(id, "no dependent event pair for this provider");
    };
    if a.baseline.is_none() {
        return a.no_baseline(id);
    }
    let link = a.build.link_value(order.earlier, order.link);
    let set = Override::parse_set(&format!("{}={link}", order.link)).expect("a valid override");
    let before = settled(a);
    let mut tried = Vec::new();
    for name in [order.later, order.earlier] {
        let Some((_, req)) = a.genuine(name, 0, std::slice::from_ref(&set)) else {
            return;
        };
        let (result, ev) = a.send(
            format!(
                "{name} ({})",
                if name == order.later {
                    "sent first"
                } else {
                    "sent second"
                }
            ),
            &req,
        );
        tried.push((is_2xx(&result), status_of(&result), ev));
    }
    let after = settled(a);
    let rejected: Vec<String> = tried
        .iter()
        .filter(|(ok, _, _)| !ok)
        .map(|(_, s, e)| {
            format!(
                "{} got {}",
                e.label,
                s.map_or("no answer".into(), |s| s.to_string())
            )
        })
        .collect();
    if !rejected.is_empty() {
        f.status = Status::Fail;
        f.summary = format!(
            "{} before {}: {} (providers retry it, and order is not guaranteed)",
            order.later,
            order.earlier,
            rejected.join("; ")
        );
        f.fix = Some("accept events in any order: fetch the current object from the provider's API, or store the event and reconcile when its predecessor arrives; never answer 4xx/5xx to an event that came early".into());
        f.evidence = tried.into_iter().map(|(_, _, e)| e).collect();
    } else {
        match (before, after) {
            (Some(Ok(b)), Some(Ok(c))) if c - b != 2 => {
                f.status = Status::Warn;
                f.summary = format!(
                    "both acknowledged, but the observer counted {} side effects for 2 events ({b} -> {c})",
                    c - b
                );
            }
            _ => {
                f.summary = format!("acknowledges {} before {}", order.later, order.earlier);
            }
        }
    }
    a.push(f);
}

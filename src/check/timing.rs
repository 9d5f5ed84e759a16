//! Time and load: how fast genuine deliveries are acknowledged, alone and
//! in a burst, against the provider's timeout (the budget).

use super::session::is_2xx;
use super::{Audit, Status};
use std::time::Duration;

/// Genuine deliveries timed for `ack_within_budget`, the first included.
const TIMED: usize = 3;

fn ms(d: Duration) -> String {
    crate::send::format_duration(d)
}

/// `ack_within_budget`: the slowest of a few genuine deliveries against
/// the budget (fail above it, warn above half of it).
pub fn ack_within_budget(a: &mut Audit) {
    let id = "ack_within_budget";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    f.severity = a.profile.budget_severity;
    if a.baseline.is_none() {
        return a.no_baseline(id);
    }
    let mut latencies = Vec::new();
    let mut slowest = None;
    if let Some((Ok(r), ev)) = a.first.clone() {
        latencies.push(r.latency);
        slowest = Some((r.latency, ev));
    }
    while latencies.len() < TIMED {
        let Some((_, req)) = a.genuine(a.profile.genuine_event, 0, &[]) else {
            return;
        };
        let (result, ev) = a.send("timed genuine delivery", &req);
        let latency = match &result {
            Ok(r) => r.latency,
            Err(crate::send::DeliveryError::Timeout { after }) => *after,
            Err(_) => break,
        };
        if slowest.as_ref().is_none_or(|(l, _)| latency > *l) {
            slowest = Some((latency, ev));
        }
        latencies.push(latency);
    }
    let Some((worst, ev)) = slowest else {
        f.status = Status::Unverified;
        f.summary = "no genuine delivery was answered".into();
        return a.push(f);
    };
    let budget = a.plan.budget;
    let source = a.profile.budget_source;
    if worst > budget {
        f.status = Status::Fail;
        f.summary = format!(
            "the slowest of {} genuine deliveries took {}, over the {} budget ({source}): the provider gives up and retries",
            latencies.len(),
            ms(worst),
            ms(budget)
        );
        f.fix = Some(super::why::fix("timeout").into());
        f.evidence.push(ev);
    } else if worst > budget / 2 {
        f.status = Status::Warn;
        f.summary = format!(
            "the slowest of {} genuine deliveries took {}, over half the {} budget ({source})",
            latencies.len(),
            ms(worst),
            ms(budget)
        );
        f.fix = Some(super::why::fix("timeout").into());
        f.evidence.push(ev);
    } else {
        f.summary = format!(
            "{} genuine deliveries answered within {} (budget {})",
            latencies.len(),
            ms(worst),
            ms(budget)
        );
    }
    a.push(f);
}

/// `burst_within_budget`: many distinct genuine deliveries at once.
pub fn burst(a: &mut Audit) {
    let id = "burst_within_budget";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    if a.baseline.is_none() {
        return a.no_baseline(id);
    }
    let (count, concurrency) = a.plan.burst;
    let mut reqs = Vec::with_capacity(count);
    for _ in 0..count {
        let Some((_, req)) = a.genuine(a.profile.genuine_event, 0, &[]) else {
            return;
        };
        reqs.push(req);
    }
    let results = a.session.send_all(&reqs, concurrency);
    let mut latencies: Vec<Duration> = Vec::new();
    let mut failed = 0;
    let mut first_failure = None;
    for (req, result) in reqs.iter().zip(&results) {
        match result {
            Ok(r) => latencies.push(r.latency),
            Err(crate::send::DeliveryError::Timeout { after }) => latencies.push(*after),
            Err(_) => {}
        }
        if !is_2xx(result) {
            failed += 1;
            if first_failure.is_none() {
                first_failure = Some(a.session.evidence("failed burst delivery", req, result));
            }
        }
    }
    latencies.sort();
    let p95 = latencies
        .get((latencies.len() * 95).div_ceil(100).saturating_sub(1))
        .copied()
        .unwrap_or_default();
    let budget = a.plan.budget;
    if failed > 0 {
        f.status = Status::Fail;
        f.summary = format!(
            "{failed} of {count} deliveries at concurrency {concurrency} were not acknowledged (p95 {})",
            ms(p95)
        );
        f.fix = Some("acknowledge quickly and queue the work; make sure the server takes concurrent requests (worker count, connection pool)".into());
        f.evidence.extend(first_failure);
    } else if p95 > budget {
        f.status = Status::Fail;
        f.summary = format!(
            "{count} deliveries at concurrency {concurrency}: p95 {} is over the {} budget",
            ms(p95),
            ms(budget)
        );
        f.fix = Some(super::why::fix("timeout").into());
    } else {
        f.summary = format!(
            "{count} deliveries at concurrency {concurrency} all acknowledged, p95 {}",
            ms(p95)
        );
    }
    a.push(f);
}

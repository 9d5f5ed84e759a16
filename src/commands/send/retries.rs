//! One event's delivery with its retries: each attempt is signed afresh
//! (never reusing a timestamp), recorded in the event store before it is
//! sent, posted through `crate::send`, its response recorded, and reported.
//! Touches the network (through the client), the store and the output.

use super::SendPlan;
use crate::cli::SendArgs;
use crate::commands::record_signed;
use crate::commands::sign::sign_event;
use crate::fixtures::Event;
use crate::output;
use crate::render::{self, SignedRequest};
use crate::secret::Secret;
use crate::send::report::{self, Delivery};
use crate::send::retry::SignClock;
use crate::send::{Client, DeliveryError, Response};
use crate::store::{NewDelivery, Store};
use std::time::{Duration, Instant};

/// The same event (same body and id) to be signed at `timestamp`.
pub(super) fn resigned(event: &Event, timestamp: i64) -> Event {
    Event {
        timestamp,
        ..event.clone()
    }
}

/// What came of one event's attempts: whether the last one got what
/// `--expect` asks for, whether any got a response, and the last error.
pub(super) struct Attempts {
    pub(super) matched: bool,
    pub(super) any_response: bool,
    pub(super) last_error: Option<DeliveryError>,
}

/// Delivers one event (copy `copy.0` of `copy.1` with `--duplicates`),
/// retrying on the schedule while it gets no 2xx; each attempt is signed
/// afresh, recorded, and reported.
#[allow(clippy::too_many_arguments)]
pub(super) async fn deliver_with_retries(
    client: &Client,
    args: &SendArgs,
    settings: &SendPlan,
    event: &Event,
    secret: &Secret,
    store: Option<&Store>,
    clock: &mut SignClock,
    copy: Option<(u32, u32)>,
) -> anyhow::Result<Attempts> {
    let first = Instant::now();
    let (url, signed_url) = settings.urls(event)?;
    let url = url.as_str();
    let mut attempt = 1usize;
    let mut outcome = Attempts {
        matched: false,
        any_response: false,
        last_error: None,
    };
    let mut wait = settings
        .retry
        .wait_before(1, Duration::ZERO)
        .unwrap_or_default();
    loop {
        tokio::time::sleep(wait).await;
        let (timestamp, lead_wait) = settings.resign_time(clock);
        tokio::time::sleep(lead_wait).await;
        let mut signed = resigned(event, timestamp);
        let headers = sign_event(&mut signed, secret, Some(&signed_url))?;
        // Recorded before it is sent, so a listener on the other end can
        // already find the original bytes by signature or event id.
        let signed_id = record_signed(store, "send", &signed, &headers, secret, Some(url));
        let sent_ms = crate::clock::now_ms();
        let result = client
            .deliver(url, &headers, bytes::Bytes::from(signed.body.clone()))
            .await;
        let delivered = matches!(&result, Ok(r) if (200..300).contains(&r.status));
        let next_wait = if delivered {
            None
        } else {
            settings.retry.wait_before(attempt + 1, first.elapsed())
        };
        record_response(store, signed_id, url, attempt as u32, sent_ms, &result);
        let header_name = event.provider.signature_header();
        let report = Delivery {
            event: &signed,
            url,
            attempt: attempt as u32,
            signature: (header_name, headers.get(header_name).unwrap_or_default()),
            sent_ms,
            result: &result,
            expect: &settings.expect,
            budget: settings.budget,
            retry_in: next_wait,
            max_attempts: settings.retry.max_attempts,
            copy,
            secret: secret.to_string(),
            chosen_path: settings.chosen_path.as_deref(),
        };
        let curl = args.print_curl.then(|| {
            render::curl(&SignedRequest {
                url,
                event: &signed,
                headers: &headers,
            })
        });
        if args.json {
            let mut v = report::json(&report);
            if let Some(c) = curl {
                v["curl"] = c.into();
            }
            output::json(&v)?;
        } else {
            let mut text = curl.unwrap_or_default();
            text.push_str(&report::human(&report));
            output::stdout(&text)?;
        }
        outcome.matched = report.matched();
        outcome.any_response |= result.is_ok();
        if let Err(e) = result {
            outcome.last_error = Some(e);
        }
        match next_wait {
            Some(w) => {
                wait = w;
                attempt += 1;
            }
            None => return Ok(outcome),
        }
    }
}

/// Records what came back for an attempt whose request is `signed_id`.
pub(in crate::commands) fn record_response(
    store: Option<&Store>,
    signed_id: Option<i64>,
    url: &str,
    attempt: u32,
    sent_ms: i64,
    result: &Result<Response, DeliveryError>,
) {
    let (Some(store), Some(signed_id)) = (store, signed_id) else {
        return;
    };
    let (status, latency_ms, response_headers, response_body, error) = match result {
        Ok(r) => (
            Some(r.status),
            Some(r.latency.as_secs_f64() * 1000.0),
            Some(render::headers_json(&r.headers)),
            Some(r.body.as_slice()),
            None,
        ),
        Err(e) => (None, None, None, None, Some(e.to_string())),
    };
    let delivery = NewDelivery {
        signed_id,
        attempt,
        sent_ms,
        url,
        status,
        latency_ms,
        response_headers: response_headers.as_ref(),
        response_body,
        error: error.as_deref(),
    };
    if let Err(e) = store.record_delivery(&delivery) {
        output::note(&format!(
            "warning: could not record the delivery in {}: {e:#}",
            store.path().display()
        ));
    }
}

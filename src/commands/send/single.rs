//! `hookcli send` without `--count`: each event named rendered once (so its
//! id stays the same across retries and duplicates), put in the order asked
//! for, then printed signed (`--dry-run`) or delivered with its retries and
//! duplicates; the exit status says whether every delivery got what
//! `--expect` asks for.

use super::retries::{deliver_with_retries, resigned};
use super::{SendPlan, usage};
use crate::cli::SendArgs;
use crate::commands::sign::sign_event;
use crate::commands::{EventSettings, Globals, record_signed};
use crate::exit::{ExitStatus, Hinted};
use crate::fixtures::{self, Event, Fixture};
use crate::output;
use crate::provider::Provider;
use crate::render::{self, SignedRequest};
use crate::secret::Secret;
use crate::send::order::Order;
use crate::send::retry::SignClock;
use crate::send::{Client, ClientOptions, DeliveryError};
use std::collections::HashMap;

/// Sends `raw` (the `--raw` events, already rendered) and `fixtures`,
/// rendered here a second apart, the last at the signing time.
pub(super) fn run(
    args: &SendArgs,
    globals: &Globals,
    settings: &SendPlan,
    mut event_settings: EventSettings,
    fixtures: &[Fixture],
    raw: Vec<Event>,
    secrets: &HashMap<Provider, Secret>,
) -> anyhow::Result<ExitStatus> {
    let seed = event_settings.ids.seed();
    // Render every event once: its id stays the same across retries and
    // duplicates. The events named happened in that order, a second apart
    // (the last one now), so a reversed or shuffled delivery can be told.
    let last = settings.sign_time();
    let before = fixtures.len() as i64 - 1;
    let mut events = raw;
    for (i, fixture) in fixtures.iter().enumerate() {
        event_settings.timestamp = last - (before - i as i64);
        events.push(
            fixture
                .render(&event_settings.render_options(i as u64))
                .map_err(Hinted::from)?,
        );
    }
    settings.order.apply(&mut events);
    if matches!(settings.order, Order::Shuffled { .. }) && settings.random_seed && events.len() > 1
    {
        output::note(&format!("shuffled with --seed {seed}"));
    }
    if args.batch {
        events = vec![fixtures::batch(events).map_err(Hinted::from)?];
    }

    if args.dry_run {
        // Nothing is sent, but what is printed is signed: recorded like
        // `sign --format curl`, so a listener can find it if it is run.
        let store = globals.open_store()?;
        for event in &events {
            let mut clock = SignClock::default();
            let (url, signed_url) = settings.urls(event)?;
            for _ in 0..settings.duplicates {
                let (timestamp, wait) = settings.resign_time(&mut clock);
                std::thread::sleep(wait);
                let mut signed = resigned(event, timestamp);
                let secret = &secrets[&event.provider];
                let headers = sign_event(&mut signed, secret, Some(&signed_url))?;
                record_signed(
                    store.as_ref(),
                    "send",
                    &signed,
                    &headers,
                    secret,
                    Some(&url),
                );
                let req = SignedRequest {
                    url: &url,
                    event: &signed,
                    headers: &headers,
                };
                if args.json {
                    let v = render::json(&req);
                    output::json(&v)?;
                } else {
                    output::stdout(&render::curl(&req))?;
                }
            }
        }
        return Ok(ExitStatus::Success);
    }

    let rt = crate::send::runtime(Some(1))?;
    let client = Client::new(&ClientOptions {
        timeout: settings.timeout,
        insecure: args.insecure,
        pool_size: 1,
    })
    .map_err(|e| usage(e.to_string(), &e.hint()))?;
    let store = globals.open_store()?;
    let mut all_matched = true;
    let mut any_response = false;
    let mut last_error: Option<DeliveryError> = None;
    for event in &events {
        // One clock per event: retries and duplicates of it never share a timestamp.
        let mut clock = SignClock::default();
        for n in 1..=settings.duplicates {
            let copy = (settings.duplicates > 1).then_some((n, settings.duplicates));
            let outcome = rt.block_on(deliver_with_retries(
                &client,
                args,
                settings,
                event,
                &secrets[&event.provider],
                store.as_ref(),
                &mut clock,
                copy,
            ))?;
            all_matched &= outcome.matched;
            any_response |= outcome.any_response;
            if outcome.last_error.is_some() {
                last_error = outcome.last_error;
            }
        }
    }
    // Nothing answered at all: with --json, say why on stderr too (stdout
    // is data); a person has already read it in the report, once.
    if let (false, Some(e), true) = (any_response, last_error, args.json) {
        return Err(Hinted {
            message: e.to_string(),
            hint: Some(e.hint()),
            status: ExitStatus::Failure,
        }
        .into());
    }
    Ok(if all_matched {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

//! `hookcli send`: resolve the flags, render and sign each event at send
//! time, deliver it through `crate::send`, record every attempt in the event
//! store, and print a report per delivery (or a load summary).

use super::{EventSettings, Globals, load_fixture, now, record_signed};
use crate::cli::SendArgs;
use crate::cli::send::SendOrder;
use crate::commands::sign::{delivery_urls, sign_event};
use crate::exit::{ExitStatus, Hinted};
use crate::fixtures::{self, Event, Fixture};
use crate::output;
use crate::provider::Provider;
use crate::render::{self, SignedRequest};
use crate::secret::Secret;
use crate::send::order::Order;
use crate::send::report::{self, Delivery};
use crate::send::retry::{self, RetryPolicy, SignClock};
use crate::send::{Client, ClientOptions, DeliveryError, Expect, Response};
use crate::store::{NewDelivery, Store};
use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

/// Everything `send` needs, resolved from the flags.
pub(super) struct Settings {
    pub(super) url: String,
    /// `--url`: the URL the provider has on file, signed instead of `url`.
    signed_url: Option<String>,
    /// The path hookcli chose because the target named none.
    chosen_path: Option<String>,
    pub(super) expect: Expect,
    pub(super) timeout: Duration,
    pub(super) budget: Duration,
    retry: RetryPolicy,
    order: Order,
    /// Whether the shuffle seed was picked at random (and so must be shown).
    random_seed: bool,
    duplicates: u32,
    /// A fixed signing timestamp (`--timestamp`), else the clock at each attempt.
    pub(super) fixed_timestamp: Option<i64>,
}

pub(super) fn usage(message: String, hint: &str) -> Hinted {
    Hinted::usage(message, hint)
}

impl Settings {
    fn resolve(args: &SendArgs, seed: u64, globals: &Globals) -> Result<Settings, Hinted> {
        let url = globals.target(args.to.as_deref())?;
        let typed = args.to.as_deref().unwrap_or(&globals.config.target.value);
        let chosen_path = crate::send::target::chosen_path(typed, &url);
        let expect = Expect::parse(&args.expect).map_err(|e| {
            usage(
                format!("--expect: {e}"),
                "e.g. --expect 2xx or --expect 200,409",
            )
        })?;
        let timeout = args.timeout;
        if timeout.is_zero() {
            return Err(usage(
                "--timeout must be more than 0".into(),
                "e.g. --timeout 10s",
            ));
        }
        let budget = args.budget;
        if !(args.time_scale.is_finite() && args.time_scale >= 0.0) {
            return Err(usage(
                format!("--time-scale {} is not a factor", args.time_scale),
                "e.g. --time-scale 0.001",
            ));
        }
        let retrying = args.retry || args.retry_schedule.is_some() || args.max_attempts.is_some();
        let retry = if retrying {
            let delays = match &args.retry_schedule {
                Some(list) => list.0.clone(),
                None => {
                    retry::parse_schedule(&globals.config.retry_schedule.value).map_err(|e| {
                        usage(
                            format!("{}: {e}", globals.config.retry_schedule.source),
                            "e.g. retry_schedule = \"0s,10s,30s,2m\"",
                        )
                    })?
                }
            };
            let max_attempts = args.max_attempts.unwrap_or(delays.len());
            if max_attempts == 0 {
                return Err(usage(
                    "--max-attempts must be at least 1".into(),
                    "e.g. --max-attempts 3",
                ));
            }
            RetryPolicy {
                delays,
                time_scale: args.time_scale,
                max_attempts,
                max_duration: args.max_retry_time,
            }
        } else {
            RetryPolicy::once()
        };
        if args.duplicates == 0 {
            return Err(usage(
                "--duplicates must be at least 1".into(),
                "e.g. --duplicates 3",
            ));
        }
        if args.count == Some(0) || args.concurrency == 0 {
            return Err(usage(
                "--count and --concurrency must be at least 1".into(),
                "e.g. --count 1000 --concurrency 16",
            ));
        }
        let order = match args.order {
            SendOrder::InOrder => Order::InOrder,
            SendOrder::Reversed => Order::Reversed,
            SendOrder::Shuffled => Order::Shuffled { seed },
        };
        Ok(Settings {
            url,
            signed_url: args.url.clone(),
            chosen_path,
            expect,
            timeout,
            budget,
            retry,
            order,
            random_seed: args.event_args.seed.is_none(),
            duplicates: args.duplicates,
            fixed_timestamp: args.event_args.timestamp,
        })
    }

    /// Where `event` is posted, and the URL its signature covers.
    pub(super) fn urls(&self, event: &Event) -> Result<(String, String), Hinted> {
        delivery_urls(event, &self.url, self.signed_url.as_deref())
    }

    fn sign_time(&self) -> i64 {
        self.fixed_timestamp.unwrap_or_else(now)
    }

    /// The timestamp to sign the next attempt of an event with, and how long
    /// to wait first (see [`SignClock`]); `--timestamp` pins it.
    fn resign_time(&self, clock: &mut SignClock) -> (i64, Duration) {
        match self.fixed_timestamp {
            Some(t) => (t, Duration::ZERO),
            None => clock.next(now()),
        }
    }
}

pub fn run(args: &SendArgs, globals: &Globals) -> anyhow::Result<ExitStatus> {
    let mut event_settings = EventSettings::resolve(&args.event_args)?;
    let seed = event_settings.ids.seed();
    let settings = Settings::resolve(args, seed, globals)?;
    // `--raw`: each file's exact bytes, rendered once here.
    let raw: Vec<Event> = if args.raw {
        event_settings.timestamp = settings.sign_time();
        args.events
            .iter()
            .enumerate()
            .map(|(i, spec)| super::raw_event(spec, &event_settings, i as u64))
            .collect::<Result<_, _>>()?
    } else {
        Vec::new()
    };
    let fixtures = if args.raw {
        Vec::new()
    } else {
        select(args, &event_settings, globals)?
    };
    let mut secrets: HashMap<Provider, Secret> = HashMap::new();
    let providers = fixtures
        .iter()
        .map(|f| f.provider)
        .chain(raw.iter().map(|e| e.provider));
    for provider in providers {
        if let std::collections::hash_map::Entry::Vacant(e) = secrets.entry(provider) {
            e.insert(globals.signing_secret(provider, args.secret.as_deref())?);
        }
    }
    if let Some(count) = args.count {
        if fixtures.len() != 1 {
            return Err(usage(
                "load mode sends one event type".into(),
                "name a single event with --count",
            )
            .into());
        }
        let secret = secrets
            .remove(&fixtures[0].provider)
            .expect("resolved above");
        return super::send_load::run(
            args,
            globals,
            &settings,
            &event_settings,
            &fixtures[0],
            secret,
            count,
        );
    }

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
                &settings,
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

/// Fixtures named on the command line, directories expanded (sorted by name).
fn select(
    args: &SendArgs,
    settings: &EventSettings,
    globals: &Globals,
) -> Result<Vec<Fixture>, Hinted> {
    let mut chosen = Vec::new();
    let picked;
    let specs: &[String] = if args.events.is_empty() {
        picked = [globals.event_name(None, settings.provider)?];
        &picked
    } else {
        &args.events
    };
    for spec in specs {
        let path = Path::new(spec);
        if path.is_dir() {
            let found = fixtures::load_dir(path, settings.provider)?;
            if found.is_empty() {
                return Err(usage(
                    format!("{} holds no *.json fixtures", path.display()),
                    "name event types or fixture files",
                ));
            }
            chosen.extend(found);
        } else {
            chosen.push(load_fixture(spec, settings, &args.event_args.fixtures_dir)?);
        }
    }
    Ok(chosen)
}

/// The same event (same body and id) to be signed at `timestamp`.
fn resigned(event: &Event, timestamp: i64) -> Event {
    Event {
        timestamp,
        ..event.clone()
    }
}

struct Outcome {
    matched: bool,
    any_response: bool,
    last_error: Option<DeliveryError>,
}

/// Delivers one event (copy `copy.0` of `copy.1` with `--duplicates`),
/// retrying on the schedule while it gets no 2xx; each attempt is signed
/// afresh, recorded, and reported.
#[allow(clippy::too_many_arguments)]
async fn deliver_with_retries(
    client: &Client,
    args: &SendArgs,
    settings: &Settings,
    event: &Event,
    secret: &Secret,
    store: Option<&Store>,
    clock: &mut SignClock,
    copy: Option<(u32, u32)>,
) -> anyhow::Result<Outcome> {
    let first = Instant::now();
    let (url, signed_url) = settings.urls(event)?;
    let url = url.as_str();
    let mut attempt = 1usize;
    let mut outcome = Outcome {
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
        let sent_ms = crate::store::now_ms();
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
pub(super) fn record_response(
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

//! `hookcli send`: resolve the flags into [`SendPlan`], pick the events and
//! their secrets, and hand them to the mode asked for: [`single`] (each
//! event delivered with its retries, see [`retries`]) or [`load`]
//! (`--count`). Sends and records nothing itself; it reads fixture files and
//! the clock, and may ask on the terminal for an event or a secret.

mod load;
mod retries;
mod single;

pub(super) use retries::record_response;

use super::sign::delivery_urls;
use super::{EventSettings, Globals, load_fixture};
use crate::cli::SendArgs;
use crate::cli::send::SendOrder;
use crate::clock::now_s;
use crate::exit::{ExitStatus, Hinted};
use crate::fixtures::{self, Event, Fixture};
use crate::provider::Provider;
use crate::secret::Secret;
use crate::send::Expect;
use crate::send::order::Order;
use crate::send::retry::{self, RetryPolicy, SignClock};
use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

/// Everything `send` needs, resolved from the flags.
struct SendPlan {
    url: String,
    /// `--url`: the URL the provider has on file, signed instead of `url`.
    signed_url: Option<String>,
    /// The path hookcli chose because the target named none.
    chosen_path: Option<String>,
    expect: Expect,
    timeout: Duration,
    budget: Duration,
    retry: RetryPolicy,
    order: Order,
    /// Whether the shuffle seed was picked at random (and so must be shown).
    random_seed: bool,
    duplicates: u32,
    /// A fixed signing timestamp (`--timestamp`), else the clock at each attempt.
    fixed_timestamp: Option<i64>,
}

fn usage(message: String, hint: &str) -> Hinted {
    Hinted::usage(message, hint)
}

impl SendPlan {
    fn resolve(args: &SendArgs, seed: u64, globals: &Globals) -> Result<SendPlan, Hinted> {
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
        Ok(SendPlan {
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
    fn urls(&self, event: &Event) -> Result<(String, String), Hinted> {
        delivery_urls(event, &self.url, self.signed_url.as_deref())
    }

    fn sign_time(&self) -> i64 {
        self.fixed_timestamp.unwrap_or_else(now_s)
    }

    /// The timestamp to sign the next attempt of an event with, and how long
    /// to wait first (see [`SignClock`]); `--timestamp` pins it.
    fn resign_time(&self, clock: &mut SignClock) -> (i64, Duration) {
        match self.fixed_timestamp {
            Some(t) => (t, Duration::ZERO),
            None => clock.next(now_s()),
        }
    }
}

pub fn run(args: &SendArgs, globals: &Globals) -> anyhow::Result<ExitStatus> {
    let mut event_settings = EventSettings::resolve(&args.event_args)?;
    let seed = event_settings.ids.seed();
    let settings = SendPlan::resolve(args, seed, globals)?;
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
        return load::run(
            args,
            globals,
            &settings,
            &event_settings,
            &fixtures[0],
            secret,
            count,
        );
    }
    single::run(
        args,
        globals,
        &settings,
        event_settings,
        &fixtures,
        raw,
        &secrets,
    )
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

//! `hookcli check`: resolve the flags, run the audit (`crate::check`) over
//! the HTTP client in `crate::send`, record every delivery in the event
//! store, print the report in the chosen format.

use super::{Globals, record_signed, secrets};
use crate::check::{self, AuditError, Exchange, Plan, Probe, Selection, Severity};
use crate::cli::check::{CheckArgs, CheckFormat, FailOn};
use crate::clock::now_s;
use crate::exit::{ExitStatus, Hinted};
use crate::fixtures::Event;
use crate::output;
use crate::provider::{Provider, keypair};
use crate::secret::Secret;
use crate::send::{Client, ClientOptions, DeliveryError, Response};
use crate::store::Store;
use std::time::{Duration, Instant};

/// Deliveries in the burst, and how many are in flight at once.
const BURST: (usize, usize) = (50, 10);

pub fn run(args: &CheckArgs, globals: &Globals) -> anyhow::Result<ExitStatus> {
    let provider = globals
        .provider(args.provider)
        .unwrap_or_else(Provider::fallback);
    let profile = check::profile::for_provider(provider.name()).ok_or_else(|| {
        let ids: Vec<&str> = check::profile::PROFILES
            .iter()
            .map(|p| p.provider)
            .collect();
        Hinted::usage(
            format!("hookcli has no audit profile for {provider} yet"),
            format!(
                "pass --provider {} (the providers with an audit profile)",
                ids.join(", ")
            ),
        )
    })?;
    let url = globals.target(args.to.as_deref())?;
    if !args.allow_remote {
        ensure_loopback(&url, "--to")?;
    }
    let budget = args.budget.unwrap_or(profile.budget);
    if budget.is_zero() {
        return Err(Hinted::usage("--budget must be more than 0", "e.g. --budget 10s").into());
    }
    let max_time = args.max_time;
    let selection = selection(args)?;
    let secrets = if secrets::is_pair(provider) {
        signing_keys(provider, &args.secret)?
    } else {
        globals.verification_secrets(provider, &args.secret)?
    };
    for s in &secrets {
        provider.scheme().sign_key(s.expose()).map_err(|e| {
            Hinted::usage(
                format!("{provider} cannot sign with {s}: {e}"),
                "check the secret: Standard Webhooks secrets are whsec_ followed by base64",
            )
        })?;
    }
    let observer = match &args.probe_url {
        Some(u) => {
            let parsed = reqwest::Url::parse(u).map_err(|e| {
                Hinted::usage(
                    format!("--probe-url {u}: {e}"),
                    "give a full URL, e.g. --probe-url http://localhost:3000/test/effects",
                )
            })?;
            if !matches!(parsed.scheme(), "http" | "https") {
                return Err(Hinted::usage(
                    format!("--probe-url {u}: only http:// and https:// are supported"),
                    "e.g. --probe-url http://localhost:3000/test/effects",
                )
                .into());
            }
            if !args.allow_remote {
                ensure_loopback(u, "--probe-url")?;
            }
            Some(u.clone())
        }
        None => None,
    };
    let fail_on = match args.fail_on {
        FailOn::Critical => Severity::Critical,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    let format = if args.json {
        CheckFormat::Json
    } else {
        args.format
    };

    // The provider gives up at the budget; hookcli waits longer (twice the
    // budget, at least 5 s more) so a slow answer is still seen and graded
    // by ack_within_budget rather than lost as a timeout.
    let timeout = (budget * 2)
        .max(budget + Duration::from_secs(5))
        .min(budget + Duration::from_secs(60));
    let client = Client::new(&ClientOptions {
        timeout,
        insecure: args.insecure,
        pool_size: BURST.1,
    })
    .map_err(|e| Hinted::usage(e.to_string(), e.hint()))?;
    let rt = crate::send::runtime(Some(1))?;
    let mut wire = Wire {
        rt,
        client,
        url: url.clone(),
        observer: observer.clone(),
        store: globals.open_store()?,
        provider,
        progress: output::spinner("auditing"),
    };
    if let Some(Err(e)) = wire.observe() {
        return Err(Hinted::usage(
            format!("the observer at {} cannot be read: {e}", observer.unwrap_or_default()),
            "--probe-url must answer GET with the side-effect count: an integer, or JSON holding one number",
        )
        .into());
    }
    let plan = Plan {
        target: url,
        provider,
        secrets: &secrets,
        budget,
        selection,
        observer: args.probe_url.clone(),
        seed: args.seed.unwrap_or_else(rand::random),
        max_time,
        burst: BURST,
    };
    let started = Instant::now();
    let result = check::audit(&plan, &mut wire);
    wire.progress.finish_and_clear();
    let mut report = match result {
        Ok(r) => r,
        Err(AuditError::Unreachable(e)) => return Err(unreachable(&e).into()),
        Err(e) => return Err(Hinted::usage(e.to_string(), "run `hookcli fixtures list`").into()),
    };
    report.elapsed = started.elapsed();
    match format {
        CheckFormat::Human => output::styled(&check::render::human(&report, fail_on))?,
        CheckFormat::Json => output::json(&check::render::json(&report, fail_on))?,
        CheckFormat::Junit => output::stdout(&check::render::junit(&report))?,
    }
    Ok(check::grade::exit_status(&report, fail_on))
}

/// For a key-pair provider the audit signs as the provider does, so its
/// candidates are private keys: every `--secret` (each must be one), then
/// hookcli's local test key, whose verification key the app is configured
/// with (`hookcli keys`).
fn signing_keys(provider: Provider, flags: &[String]) -> Result<Vec<Secret>, Hinted> {
    let algorithm = provider.spec().algorithm;
    let mut out = Vec::new();
    for (i, value) in flags.iter().enumerate() {
        if let Err(e) = keypair::read_private(algorithm, value) {
            return Err(Hinted::usage(
                format!(
                    "the {provider} key from --secret {}: the audit signs as {} does, with a private key (the app holds the verification key)",
                    e.reason,
                    provider.spec().display
                ),
                format!(
                    "omit --secret to sign with hookcli's local test key, and configure the app with the key `hookcli keys --provider {provider}` prints"
                ),
            ));
        }
        let label = if flags.len() > 1 {
            format!("--secret #{}", i + 1)
        } else {
            "--secret".to_string()
        };
        out.push(Secret::new(value.as_str(), label));
    }
    let local = secrets::local(provider)?.private();
    if !out.iter().any(|s| s.expose() == local.expose()) {
        out.push(local);
    }
    Ok(out)
}

/// The error for a target nothing answers at (exit 2).
fn unreachable(e: &DeliveryError) -> Hinted {
    match e {
        DeliveryError::Refused { addr } => Hinted::usage(
            format!("nothing is listening on {addr} — is your app running?"),
            "start your app, or point --to at the port it listens on (e.g. --to localhost:3000/webhooks)",
        ),
        other => Hinted::usage(other.to_string(), other.hint()),
    }
}

/// `--only` and `--skip`, every id checked against the known ones.
fn selection(args: &CheckArgs) -> Result<Selection, Hinted> {
    let known = check::all_ids();
    for (flag, ids) in [("--only", &args.only), ("--skip", &args.skip)] {
        if let Some(id) = ids.iter().find(|i| !known.contains(&i.as_str())) {
            let near = known
                .iter()
                .filter(|k| strsim::jaro_winkler(k, id) > 0.85)
                .map(|k| k.to_string())
                .collect::<Vec<_>>();
            let hint = if near.is_empty() {
                "docs/checks.md lists every check id".to_string()
            } else {
                format!("did you mean {}?", near.join(", "))
            };
            return Err(Hinted::usage(
                format!(
                    "{flag}: unknown check id '{}'",
                    crate::escape::for_terminal(id)
                ),
                hint,
            ));
        }
    }
    Ok(Selection {
        only: args.only.clone(),
        skip: args.skip.clone(),
    })
}

/// A usage error unless `url`'s host is a loopback address.
fn ensure_loopback(url: &str, flag: &str) -> Result<(), Hinted> {
    let parsed = reqwest::Url::parse(url)
        .map_err(|e| Hinted::usage(format!("{flag} {url}: {e}"), "e.g. --to localhost:3000"))?;
    let host = parsed.host_str().unwrap_or("").to_ascii_lowercase();
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let loopback = if let Ok(ip) = bare.parse::<std::net::IpAddr>() {
        ip.is_loopback()
    } else {
        host == "localhost" || host.ends_with(".localhost")
    };
    if loopback {
        return Ok(());
    }
    Err(Hinted::usage(
        format!(
            "{flag} {} is not a loopback address, and the audit sends forged, oversized and malformed requests",
            parsed.host_str().unwrap_or(url)
        ),
        "audit an app you run locally (e.g. --to localhost:3000), or pass --allow-remote for an endpoint you own",
    ))
}

/// The audit's requests over the wire, each delivery recorded.
struct Wire {
    rt: tokio::runtime::Runtime,
    client: Client,
    url: String,
    observer: Option<String>,
    store: Option<Store>,
    provider: Provider,
    progress: indicatif::ProgressBar,
}

fn method(name: &str) -> reqwest::Method {
    reqwest::Method::from_bytes(name.as_bytes()).unwrap_or(reqwest::Method::POST)
}

impl Wire {
    fn record(&self, req: &Probe, sent_ms: i64, result: &Result<Response, DeliveryError>) {
        let (Some(store), Some(sent)) = (self.store.as_ref(), req.event.as_ref()) else {
            return;
        };
        let event = Event {
            provider: self.provider,
            form: sent.form,
            event_type: sent.event_type.clone(),
            event_id: sent.event_id.clone(),
            timestamp: sent.timestamp,
            body: req.body.to_vec(),
        };
        let id = record_signed(
            Some(store),
            "check",
            &event,
            &req.headers,
            &sent.secret,
            Some(&self.url),
        );
        super::send::record_response(Some(store), id, &self.url, 1, sent_ms, result);
    }
}

impl Exchange for Wire {
    fn now(&mut self) -> i64 {
        now_s()
    }

    fn send(&mut self, req: &Probe) -> Result<Response, DeliveryError> {
        let sent_ms = crate::clock::now_ms();
        let result = self.rt.block_on(self.client.request(
            method(req.method),
            &self.url,
            &req.headers,
            req.body.clone(),
        ));
        self.progress.inc(1);
        self.record(req, sent_ms, &result);
        result
    }

    fn send_all(
        &mut self,
        reqs: &[Probe],
        concurrency: usize,
    ) -> Vec<Result<Response, DeliveryError>> {
        let sent_ms = crate::clock::now_ms();
        let results = self.rt.block_on(async {
            let gate = std::sync::Arc::new(tokio::sync::Semaphore::new(concurrency));
            let mut tasks = tokio::task::JoinSet::new();
            for (i, req) in reqs.iter().enumerate() {
                let (client, url, gate) = (self.client.clone(), self.url.clone(), gate.clone());
                let (m, headers, body) =
                    (method(req.method), req.headers.clone(), req.body.clone());
                tasks.spawn(async move {
                    let _permit = gate.acquire_owned().await;
                    (i, client.request(m, &url, &headers, body).await)
                });
            }
            let mut out: Vec<Option<Result<Response, DeliveryError>>> = vec![None; reqs.len()];
            while let Some(done) = tasks.join_next().await {
                if let Ok((i, r)) = done {
                    out[i] = Some(r);
                }
            }
            out.into_iter()
                .map(|r| {
                    r.unwrap_or_else(|| Err(DeliveryError::Other("the request task failed".into())))
                })
                .collect::<Vec<_>>()
        });
        self.progress.inc(reqs.len() as u64);
        for (req, result) in reqs.iter().zip(&results) {
            self.record(req, sent_ms, result);
        }
        results
    }

    fn observe(&mut self) -> Option<Result<i64, String>> {
        let url = self.observer.clone()?;
        let result = self.rt.block_on(self.client.request(
            reqwest::Method::GET,
            &url,
            &crate::request::Headers::new(),
            bytes::Bytes::new(),
        ));
        Some(match result {
            Ok(r) if (200..300).contains(&r.status) => check::observer::parse(&r.body),
            Ok(r) => Err(format!("GET {url} answered {}", r.status)),
            Err(e) => Err(format!("GET {url}: {e}")),
        })
    }

    fn pause(&mut self, d: Duration) {
        std::thread::sleep(d);
    }
}

//! `hookcli listen`: resolve the flags, bind, print where we listen, serve
//! until Ctrl-C/SIGTERM, print the summary.

use super::Globals;
use crate::cli::ListenArgs;
use crate::exit::{ExitStatus, Hinted};
use crate::listen::http::{Limits, Server};
use crate::listen::inspect::Verifier;
use crate::listen::{Forward, Listener, ListenerSettings, report};
use crate::output;
use crate::provider::Provider;
use crate::secret::Secret;
use anyhow::Context as _;
use serde_json::json;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

/// Exit status after a second Ctrl-C: 128 + SIGINT, as shells report it.
pub const INTERRUPTED: i32 = 130;

/// Shortens how long a client may take to send a request's head or body
/// (10 s), so tests of slow clients do not wait it out. Not for users.
pub const ENV_TEST_IO_TIMEOUT: &str = "HOOKCLI_TEST_IO_TIMEOUT";

fn test_io_timeout() -> Option<Duration> {
    let value = std::env::var(ENV_TEST_IO_TIMEOUT).ok()?;
    crate::units::duration(&value).ok()
}

pub fn run(args: &ListenArgs, globals: &Globals) -> anyhow::Result<ExitStatus> {
    let settings = resolve(args, globals)?;
    let port = args.port.unwrap_or(globals.config.listen_port.value);
    let defaults = Limits::default();
    let io_timeout = test_io_timeout();
    let limits = Limits {
        max_body: args.max_body,
        io_timeout: io_timeout.unwrap_or(defaults.io_timeout),
        head_deadline: io_timeout.unwrap_or(defaults.head_deadline),
        ..defaults
    };
    let ip: IpAddr = args.host.parse().map_err(|_| {
        Hinted::usage(
            format!("bad --host '{}'", args.host),
            "pass an IP address such as 127.0.0.1 or ::1",
        )
    })?;
    let server = Server::bind(SocketAddr::new(ip, port), limits).map_err(|e| {
        Hinted::usage(
            format!("cannot listen on {}:{port}: {e}", args.host),
            "pick another --port (0 picks a free one) or stop what is using it",
        )
    })?;
    let addr = server.local_addr()?;
    let url = format!("http://{addr}{}", settings.path.as_deref().unwrap_or("/"));
    // A store the user named that cannot be used stops here (exit 2); the
    // default one is said at startup, and every request is then answered
    // 503 with the reason: nothing is acknowledged that is not recorded.
    let (store, store_path, broken) = match globals.recording()? {
        super::Recording::Off => (None, None, None),
        super::Recording::On(store) => {
            let path = store.path().display().to_string();
            (Some(Ok(store)), Some(path), None)
        }
        super::Recording::Broken(e) => {
            let line = e.line();
            (Some(Err(e)), None, Some(line))
        }
    };

    let (json_mode, diagnose) = (args.json, args.diagnose);
    let lines = Arc::new(output::Background::start());
    let printer = lines.clone();
    let sink = Box::new(move |r: &report::Report| {
        if json_mode {
            printer.json(&report::json(r));
        } else {
            let mut text = report::line(r, diagnose);
            if diagnose {
                text.push_str(&report::details(r).unwrap_or_default());
            }
            printer.print(text);
        }
    });
    let listener = Arc::new(Listener::new(settings.clone(), store, sink));

    // The first Ctrl-C (or SIGTERM) stops accepting and lets requests being
    // answered finish; a second one exits at once. Answered requests are
    // committed before their answer, so quitting loses none of them.
    // Installed before the address is printed: whoever reads it may send a
    // signal at once, and it must find the handler (and the notes below
    // still printed), not the default action.
    let stopper = server.stopper()?;
    let presses = std::sync::atomic::AtomicUsize::new(0);
    ctrlc::set_handler(move || {
        if presses.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 {
            stopper.stop();
        } else {
            output::note("stopped at once (second Ctrl-C); requests not yet answered were dropped");
            std::process::exit(INTERRUPTED);
        }
    })
    .map_err(|e| anyhow::anyhow!("cannot install the Ctrl-C handler: {e}"))?;
    if args.json {
        output::json(&json!({
            "listening": url,
            "address": addr.to_string(),
            "port": addr.port(),
            "store": store_path,
            "secrets": secrets_json(&settings.verifier),
        }))?;
    } else {
        output::stdout(&format!("listening on {url}\n"))?;
        output::note(&startup_note(
            &settings,
            store_path.as_deref(),
            broken.is_some(),
            ip,
        ));
    }
    if let Some(line) = &broken {
        output::note(&format!(
            "warning: every request will be answered 503 (not recorded): {line}"
        ));
    }

    server
        .run(listener.clone(), |n, most| {
            output::note(&format!(
                "stopping: waiting for {n} request{} still being answered (at most {} s); Ctrl-C again to quit now",
                if n == 1 { "" } else { "s" },
                most.as_secs()
            ))
        })
        .context("the listener stopped unexpectedly")?;
    let summary = listener.finish();
    lines.finish();
    if args.json {
        output::json(&summary.json())?;
    } else {
        output::note(summary.text().trim_end());
    }
    Ok(ExitStatus::Success)
}

fn secrets_json(v: &Verifier) -> serde_json::Value {
    v.secrets
        .iter()
        .flat_map(|(p, secrets)| {
            secrets
                .iter()
                .map(move |s| json!({"provider": p.name(), "label": s.label(), "fingerprint": s.fingerprint()}))
        })
        .collect()
}

fn startup_note(
    settings: &ListenerSettings,
    store: Option<&str>,
    broken: bool,
    ip: IpAddr,
) -> String {
    let v = &settings.verifier;
    let mut lines = Vec::new();
    for (p, secrets) in &v.secrets {
        let list: Vec<String> = secrets.iter().map(Secret::to_string).collect();
        lines.push(format!("  {p}: {}", list.join(", ")));
    }
    let mode = v
        .provider
        .map_or("provider detected per request".to_string(), |p| {
            format!("{p} only")
        });
    let mut out = format!(
        "{mode}; tolerance {} s; secrets:\n{}",
        v.tolerance,
        lines.join("\n")
    );
    // What no verdict will say: the provider's body is not protected (GitLab's token, Mailgun).
    for (p, _) in &v.secrets {
        if let Some(note) = p.scheme().unsigned_body() {
            out.push_str(&format!("\n  note: {note}"));
        }
    }
    match store {
        Some(path) => out.push_str(&format!("\n  recording in {path}")),
        None if broken => out.push_str("\n  not recording: the event store cannot be used"),
        None => out.push_str("\n  not recording (event store off)"),
    }
    if let Some(f) = &settings.forward {
        out.push_str(&format!("\n  forwarding to {}", f.url));
    }
    if !ip.is_loopback() {
        out.push_str(
            "\n  warning: not bound to loopback: anyone who can reach this machine can post to it",
        );
    }
    out.push_str("\n  Ctrl-C to stop");
    out
}

fn resolve(args: &ListenArgs, globals: &Globals) -> anyhow::Result<ListenerSettings> {
    let provider = globals.provider(args.provider);
    let secrets: Vec<(Provider, Vec<Secret>)> = match provider {
        Some(p) => vec![(p, globals.verification_secrets(p, &args.secret)?)],
        None => {
            let (pairs, shared): (Vec<Provider>, Vec<Provider>) = Provider::ALL
                .iter()
                .partition(|p| super::secrets::is_pair(**p));
            let mut found: Vec<_> = shared
                .iter()
                .map(|&p| (p, globals.secret_candidates(p, &args.secret)))
                .filter(|(_, s)| !s.is_empty())
                .collect();
            // Key-pair providers always have hookcli's local test key; a
            // key the user gave counts as a secret given.
            let pair_keys: Vec<_> = pairs
                .iter()
                .map(|&p| (p, globals.secret_candidates(p, &args.secret)))
                .collect();
            let user_pair_key = pair_keys.iter().any(|(_, keys)| {
                keys.iter()
                    .any(|k| k.label() != crate::provider::keypair::LOCAL_KEY_LABEL)
            });
            if found.is_empty() && !user_pair_key {
                // On a terminal, ask once; the answer serves every provider.
                let asked = vec![
                    super::secrets::asked_secret(Provider::fallback())?
                        .ok_or_else(|| globals.no_secret_at_all())?,
                ];
                found = shared.iter().map(|&p| (p, asked.clone())).collect();
            }
            found.extend(pair_keys);
            found.sort_by_key(|(p, _)| *p);
            found
        }
    };
    let tolerance = globals.tolerance(args.tolerance);
    if tolerance < 0 {
        return Err(Hinted::usage(
            "--tolerance must not be negative",
            "pass seconds, e.g. --tolerance 300",
        )
        .into());
    }
    let positive = |flag: &str, d: Duration| {
        if d.is_zero() {
            Err(Hinted::usage(
                format!("{flag} must be more than 0"),
                format!("e.g. {flag} 10s"),
            ))
        } else {
            Ok(d)
        }
    };
    let forward = match &args.forward_to {
        Some(target) => Some(Forward {
            url: crate::send::parse_target(target)
                .map_err(|e| Hinted::usage(e.to_string(), e.hint()))?,
            timeout: positive("--forward-timeout", args.forward_timeout)?,
            budget: positive("--budget", args.budget)?,
        }),
        None => None,
    };
    let path = args
        .path
        .as_ref()
        .or(globals.config.listen_path.value.as_ref())
        .map(|p| {
            if p.starts_with('/') {
                p.clone()
            } else {
                format!("/{p}")
            }
        });
    let (secrets, endpoint) = endpoint_first(secrets, args.secret.len());
    Ok(ListenerSettings {
        verifier: Verifier::with_candidates(provider, secrets, endpoint, tolerance)
            .with_provider_tolerances(!globals.tolerance_chosen(args.tolerance)),
        path,
        respond: args.respond,
        forward,
        diagnose_valid: args.json,
        url: args.url.as_deref().map(super::url_flag).transpose()?,
    })
}

type ProviderSecrets = (Provider, Vec<Secret>);

/// Each provider's secrets with the endpoint's own first, and how many
/// they are: every `--secret` (repeated for a rotation), or, when none is
/// given (or those given are recognisably another provider's), the
/// provider's primary variable (else the first one set). The
/// other variables (`_TEST`, `_LIVE`, configured names) are candidates: a
/// request they verify is answered `wrong_secret`, naming the one that did,
/// as the app holding the endpoint's secret would reject it.
fn endpoint_first(
    secrets: Vec<ProviderSecrets>,
    flags: usize,
) -> (Vec<ProviderSecrets>, Vec<(Provider, usize)>) {
    let mut counts = Vec::with_capacity(secrets.len());
    let secrets = secrets
        .into_iter()
        .map(|(p, mut list)| {
            // `--secret` values that are recognisably another provider's
            // (a `whsec_` secret on a listener that also gets Shopify's
            // deliveries) are not this provider's endpoint secrets.
            let foreign = |s: &Secret| {
                !p.scheme().owns_secret(s.expose())
                    && Provider::ALL
                        .iter()
                        .any(|q| *q != p && q.scheme().owns_secret(s.expose()))
            };
            let flags = if list.iter().take(flags).all(foreign) {
                0
            } else {
                flags
            };
            let count = if super::secrets::is_pair(p) {
                list.len()
            } else if flags > 0 {
                flags.min(list.len())
            } else {
                let primary = p.secret_env_vars().first().copied();
                if let Some(i) = list.iter().position(|s| Some(s.label()) == primary) {
                    let own = list.remove(i);
                    list.insert(0, own);
                }
                list.len().min(1)
            };
            counts.push((p, count));
            (p, list)
        })
        .collect();
    (secrets, counts)
}

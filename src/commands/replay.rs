//! `hookcli replay`: resend requests `listen` recorded, oldest first, to the
//! app they were forwarded to or to `--to`, re-signed with a fresh
//! timestamp when the secret that verified them is known.

use super::Globals;
use super::events::resolve_filter;
use crate::cli::ReplayArgs;
use crate::clock::now_s;
use crate::exit::{ExitStatus, Hinted};
use crate::listen::forwardable;
use crate::output;
use crate::provider::{self, Provider, SignInput};
use crate::request::{Headers, Request};
use crate::secret::Secret;
use crate::send::format_duration;
use crate::store::ReceivedRow;
use serde_json::json;

pub fn run(args: &ReplayArgs, globals: &Globals) -> anyhow::Result<ExitStatus> {
    let f = &args.filter;
    if args.ids.is_empty()
        && f.event_type.is_none()
        && f.verdict.is_none()
        && f.since.is_none()
        && !f.dead_letters
    {
        return Err(Hinted::usage(
            "nothing chosen to replay",
            "pass stored ids (see `hookcli events`), a filter (--type, --verdict, --since) or --dead-letters",
        )
        .into());
    }
    let target = args
        .to
        .as_deref()
        .map(crate::send::parse_target)
        .transpose()
        .map_err(|e| Hinted::usage(e.to_string(), e.hint()))?;
    if args.timeout.is_zero() {
        return Err(Hinted::usage("--timeout must be more than 0", "e.g. --timeout 30s").into());
    }
    let timeout = args.timeout;
    let store = globals.required_store()?;
    let mut filter = resolve_filter(f, crate::clock::now_ms());
    filter.ids = args.ids.clone();
    filter.limit = Some(args.limit);
    let mut rows = store
        .list_received(&filter)
        .map_err(|e| Hinted::from(store.fault(&e)))?;
    for id in &args.ids {
        if !rows.iter().any(|r| r.id == *id) {
            return Err(Hinted::usage(
                format!("no stored request #{id}"),
                "list them with `hookcli events`",
            )
            .into());
        }
    }
    if rows.is_empty() {
        output::note("nothing to replay: no stored request matches");
        return Ok(ExitStatus::Success);
    }
    rows.reverse();

    let mut failed = 0usize;
    let progress = if rows.len() > 1 {
        output::progress(rows.len() as u64, "replaying")
    } else {
        indicatif::ProgressBar::hidden()
    };
    for row in &rows {
        progress.inc(1);
        let Some(url) = target
            .clone()
            .or_else(|| row.new.forward.as_ref().map(|f| f.url.clone()))
        else {
            return Err(Hinted::usage(
                format!(
                    "#{} was not forwarded anywhere, so there is no app URL to replay it to",
                    row.id
                ),
                "pass --to URL",
            )
            .into());
        };
        let (headers, resigned) = if args.no_resign {
            (stored_headers(row), None)
        } else {
            resign(row, &url, &args.secret, globals)
        };
        let result = crate::send::deliver_blocking(&url, &headers, &row.new.body, timeout);
        let (status, error) = match &result {
            Ok(resp) => (Some(resp.status), None),
            Err(e) => (None, Some(e.to_string())),
        };
        store
            .record_replay(row.id, status, error.as_deref())
            .map_err(|e| Hinted::from(store.fault(&e)))?;
        let ok = matches!(status, Some(s) if (200..300).contains(&s));
        failed += usize::from(!ok);
        let signed_with = resigned.as_ref().map(|s| s.to_string());
        if args.json {
            let line = json!({
                "id": row.id,
                "url": url,
                "status": status,
                "ok": ok,
                "latency_ms": result.as_ref().ok().map(|r| r.latency.as_secs_f64() * 1000.0),
                "error": result.as_ref().err().map(|e| e.kind()),
                "message": error,
                "resigned": resigned.as_ref().map(|s| json!({"label": s.label(), "fingerprint": s.fingerprint()})),
            });
            progress.suspend(|| output::json(&line))?;
        } else {
            let outcome = match &result {
                Ok(resp) => format!("{} in {}", resp.status, format_duration(resp.latency)),
                Err(e) => crate::escape::for_terminal(&e.to_string()),
            };
            let how = signed_with.map_or_else(
                || "stored signature".to_string(),
                |s| format!("re-signed with {s}"),
            );
            let line = format!("#{} -> {url}: {outcome} ({how})\n", row.id);
            progress.suspend(|| output::stdout(&line))?;
        }
    }
    progress.finish_and_clear();
    Ok(if failed == 0 {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// Whether the private key `secret` made the stored request's signature.
fn signed_by(provider: Provider, secret: &Secret, row: &ReceivedRow) -> bool {
    let Some(public) = super::secrets::verification_key_of(provider, secret) else {
        return false;
    };
    let headers: Headers = row
        .new
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let request = Request::post(headers, row.new.body.clone());
    let verdict = provider::verify_secrets(
        provider,
        &request.parts(),
        &[Secret::new(public, "")],
        0,
        i64::MAX,
    );
    matches!(
        verdict,
        provider::Verdict::Valid { .. } | provider::Verdict::Stale { .. }
    )
}

fn stored_headers(row: &ReceivedRow) -> Headers {
    let all: Headers = row
        .new
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    forwardable(&all)
}

/// The stored headers with a fresh signature and timestamp, when one of
/// the secrets is the one that verified the request; else unchanged.
fn resign(
    row: &ReceivedRow,
    url: &str,
    flags: &[String],
    globals: &Globals,
) -> (Headers, Option<Secret>) {
    let headers = stored_headers(row);
    let n = &row.new;
    let (Some(provider), Some(fp)) = (
        n.provider
            .as_deref()
            .and_then(|p| p.parse::<Provider>().ok()),
        &n.secret_fp,
    ) else {
        return (headers, None);
    };
    // A shared secret is known by its fingerprint; a key pair's private
    // key by the stored signature its public key verifies.
    let secret = if super::secrets::is_pair(provider) {
        super::secrets::signing_candidates(provider, flags)
            .into_iter()
            .find(|s| signed_by(provider, s, row))
    } else {
        globals
            .secret_candidates(provider, flags)
            .into_iter()
            .find(|s| &s.fingerprint() == fp)
    };
    let Some(secret) = secret else {
        return (headers, None);
    };
    // The id the provider signed (a delivery id in a header), else the event's.
    let parts = Request::post(headers.clone(), Vec::new());
    let claims = provider.scheme().parse(&parts.parts()).ok();
    let id = claims
        .as_ref()
        .and_then(|c| c.id)
        .or(n.event_id.as_deref())
        .unwrap_or_default()
        .to_string();
    let input = SignInput {
        body: &n.body,
        timestamp: now_s(),
        id: &id,
        event_type: n.event_type.as_deref().unwrap_or_default(),
        url: Some(url),
    };
    let Ok(fresh) = provider::sign(provider, &secret, &input) else {
        return (headers, None);
    };
    // Only the signature and timestamp change; every other header is as received.
    let signature_headers = provider.spec().signature_headers;
    let replaced = |name: &str| {
        signature_headers
            .iter()
            .any(|h| name.eq_ignore_ascii_case(h))
            || name.to_ascii_lowercase().contains("timestamp")
    };
    let mut out: Headers = headers.iter().filter(|(name, _)| !replaced(name)).collect();
    for (name, value) in fresh.iter().filter(|(name, _)| replaced(name)) {
        out.push(name, value);
    }
    (out, Some(secret))
}

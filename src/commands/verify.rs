//! `hookcli verify`: check a captured request offline and explain failures.

use super::Globals;
use crate::cli::VerifyArgs;
use crate::clock::now_s;
use crate::diagnose::{self, Context};
use crate::exit::{ExitStatus, Hinted};
use crate::output;
use crate::provider::Provider;
use crate::request::{Headers, Request};
use anyhow::Context as _;
use std::io::Read;
use std::path::Path;

pub fn run(args: &VerifyArgs, globals: &Globals) -> anyhow::Result<ExitStatus> {
    let mut request = read_request(args)?;
    if let Some(url) = &args.url {
        request.url = Some(super::url_flag(url)?);
    }
    let provider = globals.provider(args.provider);
    // The secrets of the provider the request is for; the diagnosis then
    // settles which signature to judge, by the same rule.
    let secret_provider = Provider::which(&request.headers, &request.body, provider, |_| false)
        .unwrap_or_else(Provider::fallback);
    let secrets = globals.verification_secrets(secret_provider, &args.secret)?;
    let original = signed_original(&request, secret_provider, globals)?;
    let ctx = Context {
        secrets: &secrets,
        provider,
        now: args.now.unwrap_or_else(now_s),
        tolerance: globals.tolerance_for(secret_provider, args.tolerance),
        original_body: original.as_ref().map(|o| o.body.as_slice()),
        candidates: None,
    };
    let diagnosis = diagnose::diagnose(&request, &ctx);
    if args.json {
        let mut v = diagnosis.to_json();
        if let Some(o) = &original {
            v["signed_by_hookcli"] = serde_json::json!({
                "source": o.source,
                "signed_ms": o.created_ms,
                "secret": {"label": o.secret_label, "fingerprint": o.secret_fp},
                "body_identical": o.body == request.body,
            });
        }
        output::json(&v)?;
    } else {
        let mut text = diagnose::render(&diagnosis);
        if let Some(o) = &original {
            text.push_str(&original_line(o, &request.body));
        }
        output::styled(&text)?;
    }
    Ok(if diagnosis.valid {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// The body hookcli signed for this request, when its event store has it:
/// looked up as the listener does, by signature, then by event id. A
/// default store that is not there yet is not made for this.
fn signed_original(
    request: &Request,
    provider: Provider,
    globals: &Globals,
) -> Result<Option<crate::store::Original>, Hinted> {
    if let crate::store::Location::Path(p) = &globals.store
        && !globals.store_named
        && !p.exists()
    {
        return Ok(None);
    }
    let Some(store) = globals.open_store()? else {
        return Ok(None);
    };
    let scheme = provider.scheme();
    let signature = scheme
        .parse(&request.parts())
        .ok()
        .and_then(|c| c.message_key());
    let event_id = scheme.event_meta(&request.headers, &request.body).event_id;
    match store.find_original(signature.as_deref(), event_id.as_deref()) {
        Ok(found) => Ok(found),
        Err(e) => {
            output::note(&format!("warning: {}", store.fault(&e).line()));
            Ok(None)
        }
    }
}

/// `body identical to what hookcli signed (sign, …; signed by … fp:…)`.
fn original_line(o: &crate::store::Original, body: &[u8]) -> String {
    let when = jiff::Timestamp::from_millisecond(o.created_ms)
        .map(|t| t.strftime("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_default();
    let how = if o.body == body {
        "body identical to what hookcli signed"
    } else {
        "body differs from what hookcli signed"
    };
    format!(
        "{how} (hookcli {}, {when}; signed by {} fp:{})\n",
        o.source,
        crate::escape::for_terminal(&o.secret_label),
        o.secret_fp
    )
}

fn read_source(path: &Path) -> anyhow::Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| {
            Hinted::usage(
                format!("cannot read {}: {e}", path.display()),
                "check the path, or pass - to read standard input",
            )
            .into()
        })
    }
}

fn read_request(args: &VerifyArgs) -> anyhow::Result<Request> {
    let mut request = match (&args.request, &args.body) {
        (Some(path), _) => {
            let bytes = read_source(path)?;
            crate::capture::parse(&bytes).map_err(|e| {
                Hinted::usage(
                    format!("{}: {e}", path.display()),
                    "pass the JSON of `hookcli sign --format json` or a raw HTTP request",
                )
            })?
        }
        (None, Some(path)) => Request::post(Headers::new(), read_source(path)?),
        (None, None) => {
            return Err(Hinted::usage(
                "no request body to verify",
                "pass --body FILE (or - for standard input) with --header, or --request FILE",
            )
            .into());
        }
    };
    for line in &args.header {
        let (name, value) = Headers::parse_line(line).ok_or_else(|| {
            Hinted::usage(
                format!("bad --header '{line}'"),
                "write headers as 'Name: value'",
            )
        })?;
        request.headers.push(name, value);
    }
    Ok(request)
}

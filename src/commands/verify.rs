//! `hookcli verify`: check a captured request offline and explain failures.

use super::{Globals, now};
use crate::cli::VerifyArgs;
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
    let secret_provider = provider
        .or_else(|| Provider::detect(&request.headers))
        .unwrap_or_else(Provider::fallback);
    let secrets = globals.verification_secrets(secret_provider, &args.secret)?;
    let ctx = Context {
        secrets: &secrets,
        provider,
        now: args.now.unwrap_or_else(now),
        tolerance: globals.tolerance(args.tolerance),
        original_body: None,
    };
    let diagnosis = diagnose::diagnose(&request, &ctx);
    if args.json {
        output::json(&diagnosis.to_json())?;
    } else {
        output::stdout(&output::paint(&diagnose::render(&diagnosis)))?;
    }
    Ok(if diagnosis.valid {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
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

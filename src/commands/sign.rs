//! `hookcli sign`: render one fixture, sign it, print the request.

use super::{EventSettings, Globals, load_fixture, record_signed};
use crate::cli::{SignArgs, SignFormat};
use crate::exit::{ExitStatus, Hinted};
use crate::fixtures::Event;
use crate::output;
use crate::provider::{self, Provider, SignInput};
use crate::render::{self, SignedRequest};
use crate::request::Headers;
use crate::secret::Secret;

pub fn run(args: &SignArgs, globals: &Globals) -> anyhow::Result<ExitStatus> {
    let settings = EventSettings::resolve(&args.event_args)?;
    let names = match args.events.as_slice() {
        [] => vec![globals.event_name(None, settings.provider)?],
        named => named.to_vec(),
    };
    let mut events = Vec::new();
    for (i, name) in names.iter().enumerate() {
        events.push(if args.raw {
            super::raw_event(name, &settings, i as u64)?
        } else {
            let fixture = load_fixture(name, &settings, &args.event_args.fixtures_dir)?;
            fixture
                .render(&settings.render_options(i as u64))
                .map_err(Hinted::from)?
        });
    }
    // Several events are one request of a provider that batches them.
    let event = match events.len() {
        1 => events.remove(0),
        _ => crate::fixtures::batch(events).map_err(Hinted::from)?,
    };
    let secret = globals.signing_secret(event.provider, args.secret.as_deref())?;
    let target = globals.target(args.to.as_deref())?;
    let (url, signed_url) = delivery_urls(&event, &target, args.url.as_deref())?;
    let mut event = event;
    let headers = sign_event(&mut event, &secret, Some(&signed_url))?;
    let verification_key = super::secrets::verification_key_of(event.provider, &secret);
    record_signed(
        globals.open_store()?.as_ref(),
        "sign",
        &event,
        &headers,
        &secret,
        None,
    );
    let req = SignedRequest {
        url: &url,
        event: &event,
        headers: &headers,
    };
    let format = if args.json {
        SignFormat::Json
    } else {
        args.format
    };
    match format {
        SignFormat::Human => {
            output::stdout(&render::human(&req))?;
            if let Some(key) = &verification_key {
                output::note(&format!(
                    "verify with the verification key {key} (`hookcli keys` prints it)"
                ));
            }
        }
        SignFormat::Json => {
            let mut v = render::json(&req);
            if let Some(key) = verification_key {
                v["verification_key"] = key.into();
            }
            output::json(&v)?
        }
        SignFormat::Curl => output::stdout(&render::curl(&req))?,
        SignFormat::Http => output::stdout_bytes(&render::http(&req))?,
    }
    Ok(ExitStatus::Success)
}

/// Every header the provider would send with this event, delivered to `url`.
/// A provider that signs inside the body (Mailgun) gets its signature
/// written into `event`'s body first.
pub fn sign_event(
    event: &mut Event,
    secret: &Secret,
    url: Option<&str>,
) -> Result<Headers, Hinted> {
    let signer = signer(event.provider, secret)?;
    let hinted = |e: crate::provider::MessageError| Hinted::usage(e.to_string(), e.hint());
    if let Some(body) = signer.seal(&sign_input(event, url)).map_err(hinted)? {
        event.body = body;
    }
    signer.sign(&sign_input(event, url)).map_err(hinted)
}

/// Where `event` is posted when sent to `target`, and the URL its signature
/// covers: `url` (the URL the provider has on file) when given, else the
/// target; each as the provider changes it for this body.
pub fn delivery_urls(
    event: &Event,
    target: &str,
    url: Option<&str>,
) -> Result<(String, String), Hinted> {
    if let Some(u) = url {
        super::url_flag(u)?;
    }
    let scheme = event.provider.scheme();
    let changed = |u: &str| {
        scheme
            .delivery_url(u, &event.body, event.form)
            .unwrap_or_else(|| u.to_string())
    };
    let posted = changed(target);
    let signed = url.map_or_else(|| posted.clone(), changed);
    Ok((posted, signed))
}

/// What the provider signs of `event`, delivered to `url`.
pub fn sign_input<'a>(event: &'a Event, url: Option<&'a str>) -> SignInput<'a> {
    SignInput {
        body: &event.body,
        timestamp: event.timestamp,
        id: &event.event_id,
        event_type: &event.event_type,
        url,
    }
}

/// `secret` made into `provider`'s signing key, for signing many events.
pub fn signer(provider: Provider, secret: &Secret) -> Result<provider::Signer, Hinted> {
    provider::Signer::new(provider, secret).map_err(|e| {
        Hinted::usage(
            format!(
                "{provider} cannot sign: the secret from {} {e}",
                secret.label()
            ),
            e.hint,
        )
    })
}

//! Saying why a genuine delivery was rejected, black-box: which candidate
//! secret the app accepts instead, whether it verifies a re-serialized
//! body, and, from the answer itself, CSRF, auth or routing in the way or
//! an official SDK's error text.

use super::build::{Baseline, BodyVariant, reform};
use super::profile::SdkMeaning;
use super::session::is_2xx;
use super::{Audit, Evidence, FailureCause, SecretRef, sign};
use crate::send::{DeliveryError, Response};

/// At most this many candidate secrets are tried.
const MAX_CANDIDATES: usize = 8;

/// What the search found.
pub struct Why {
    pub cause: Option<FailureCause>,
    pub matched_secret: Option<SecretRef>,
    /// What the app accepts, if anything.
    pub baseline: Option<Baseline>,
    pub evidence: Vec<Evidence>,
}

fn cause(id: &'static str, message: impl Into<String>) -> FailureCause {
    FailureCause {
        id,
        message: message.into(),
    }
}

/// Explains the rejection of a genuine delivery (answered with `first`), sending follow-ups where the answer alone cannot tell.
pub fn rejection(a: &mut Audit, first: &Result<Response, DeliveryError>) -> Why {
    let from_answer = classify(a, first);
    let mut why = Why {
        cause: None,
        matched_secret: None,
        baseline: None,
        evidence: Vec::new(),
    };
    let signature_related = from_answer.as_ref().is_none_or(|c| {
        matches!(
            c.id,
            "signature_mismatch"
                | "body_parsed"
                | "header_lost"
                | "body_lost"
                | "rejected"
                | "server_error"
                | "auth_required"
        )
    });
    if signature_related {
        // Each candidate secret, in the provider's form, then minified: the
        // first the app accepts says what it verifies with and over what.
        let secrets: Vec<_> = a
            .plan
            .secrets
            .iter()
            .take(MAX_CANDIDATES)
            .cloned()
            .collect();
        let mut tries = Vec::new();
        for form in [BodyVariant::Provider, BodyVariant::Compact] {
            for (i, s) in secrets.iter().enumerate() {
                if i == 0 && form == BodyVariant::Provider {
                    continue;
                }
                tries.push((s.clone(), form));
            }
        }
        for (secret, form) in tries {
            let now = a.session.now();
            let fresh = a.build.event(a.profile.genuine_event, now, &[]);
            let shaped = reform(&fresh, form);
            if form == BodyVariant::Compact && shaped.body == fresh.body {
                continue;
            }
            let req = a.build.signed(&shaped, &secret);
            let result = a.session.send(&req);
            let accepted = is_2xx(&result);
            if accepted {
                why.evidence.push(a.session.evidence(
                    format!("accepted: {}, {}", secret.label(), form.name()),
                    &req,
                    &result,
                ));
                let other_secret = secret != a.plan.secrets[0];
                let c = match (other_secret, form) {
                    (true, BodyVariant::Provider) => cause(
                        "wrong_secret",
                        format!(
                            "your app verifies with {}, not {}",
                            secret.label(),
                            a.plan.secrets[0].label()
                        ),
                    ),
                    (true, _) => cause(
                        "wrong_secret",
                        format!(
                            "your app verifies with {}, not {}, and over a re-serialized body (it accepts only a minified body)",
                            secret.label(),
                            a.plan.secrets[0].label()
                        ),
                    ),
                    (false, _) => cause(
                        "body_reserialized",
                        "it parses the body before verifying: it accepts the event only when signed over its minified re-encoding",
                    ),
                };
                if other_secret {
                    why.matched_secret = Some(SecretRef::of(&secret));
                }
                why.cause = Some(c);
                why.baseline = Some(Baseline { secret, form });
                return why;
            }
        }
    }
    if signature_related
        && a.plan.provider.scheme().signs_url()
        && let Some(found) = url_search(a, &mut why)
    {
        why.cause = Some(found);
        return why;
    }
    if signature_related
        && sign::is_pair(a.plan.provider)
        && let Some(public) = sign::public_text(a.plan.provider, &a.plan.secrets[0])
    {
        let primary = &a.plan.secrets[0];
        why.cause = Some(cause(
            "untrusted_key",
            format!(
                "the app does not accept signatures by {} (verification key {public}): it is configured with another verification key",
                primary.label()
            ),
        ));
        return why;
    }
    why.cause = Some(from_answer.unwrap_or_else(|| {
        cause(
            "rejected",
            "the app rejects a genuine delivery and its answer does not say why",
        )
    }));
    // A mismatch the search could not resolve: a secret nobody gave.
    if let Some(c) = &mut why.cause
        && c.id == "signature_mismatch"
    {
        c.message.push_str(
            "; no candidate secret and no re-serialized body is accepted: the app holds a secret you did not give (pass it with --secret to confirm)",
        );
    }
    why
}

/// At most this many other URLs are tried for a scheme that signs the URL.
const MAX_URLS: usize = 6;

/// For a scheme that signs the URL it calls: the primary secret's signature
/// over the URLs a proxy, tunnel or framework typically makes of the target
/// (`https://`, no port, …). The first the app accepts is the URL it
/// verifies against, and the rest of the audit signs for it.
fn url_search(a: &mut Audit, why: &mut Why) -> Option<FailureCause> {
    let target = a.build.url().to_string();
    let guesses = crate::diagnose::urls::guesses(&target, &crate::request::Headers::new(), None);
    let secret = a.plan.secrets[0].clone();
    for guess in guesses.into_iter().take(MAX_URLS) {
        let now = a.session.now();
        let event = a.build.event(a.profile.genuine_event, now, &[]);
        a.build.sign_for(&guess.url);
        let req = a.build.signed(&event, &secret);
        let result = a.session.send(&req);
        if is_2xx(&result) {
            why.evidence.push(a.session.evidence(
                format!("accepted: signed for {}", guess.url),
                &req,
                &result,
            ));
            why.baseline = Some(Baseline {
                secret,
                form: BodyVariant::Provider,
            });
            return Some(cause(
                "url_mismatch",
                format!(
                    "your app verifies the signature against {} ({}), not the URL it was called at ({target})",
                    guess.url, guess.label
                ),
            ));
        }
    }
    a.build.sign_for(&target);
    None
}

/// What an answer alone says about why a genuine delivery failed.
pub fn classify(a: &Audit, result: &Result<Response, DeliveryError>) -> Option<FailureCause> {
    let r = match result {
        Ok(r) => r,
        Err(DeliveryError::Timeout { after }) => {
            return Some(cause(
                "timeout",
                format!("no answer within {}", crate::send::format_duration(*after)),
            ));
        }
        Err(e) => return Some(cause("no_answer", format!("no answer: {e}"))),
    };
    if (200..300).contains(&r.status) {
        return None;
    }
    let body = String::from_utf8_lossy(&r.body);
    let lower = body.to_ascii_lowercase();
    let status = r.status;
    if (300..400).contains(&status) {
        let location = r.headers.get("location").unwrap_or("");
        let l = location.to_ascii_lowercase();
        if ["login", "signin", "sign_in", "sign-in", "auth", "session"]
            .iter()
            .any(|w| l.contains(w))
        {
            return Some(cause(
                "login_redirect",
                format!(
                    "{status} to a login page ({location}): app-wide authentication covers the webhook route"
                ),
            ));
        }
        return Some(cause(
            "redirect",
            format!("{status} to {location}: providers do not follow redirects"),
        ));
    }
    if (status == 403 && lower.contains("csrf"))
        || status == 419
        || (status == 422 && (lower.contains("authenticity") || lower.contains("csrf")))
    {
        return Some(cause(
            "csrf",
            format!("{status}: CSRF protection rejects the POST (providers send no CSRF token)"),
        ));
    }
    if status == 401 && r.headers.contains("www-authenticate") {
        return Some(cause(
            "auth_required",
            "401 with WWW-Authenticate: the route asks for credentials providers do not send",
        ));
    }
    match status {
        404 => return Some(cause("not_found", "404: nothing handles POST at this path")),
        405 => {
            return Some(cause(
                "method_not_allowed",
                "405: the route does not take POST",
            ));
        }
        413 => {
            return Some(cause(
                "payload_too_large",
                "413: a body-size limit rejects it",
            ));
        }
        410 => {
            return Some(cause(
                "gone",
                "410: senders that follow the Standard Webhooks spec disable an endpoint that answers 410",
            ));
        }
        _ => {}
    }
    for (text, meaning) in a.profile.sdk_texts {
        if body.contains(text) {
            let (id, what) = match meaning {
                SdkMeaning::SignatureMismatch => (
                    "signature_mismatch",
                    "the official SDK finds no matching signature",
                ),
                SdkMeaning::BodyParsed => (
                    "body_parsed",
                    "the official SDK was given a parsed object, not the raw body",
                ),
                SdkMeaning::HeaderLost => (
                    "header_lost",
                    "the official SDK did not get the signature header",
                ),
                SdkMeaning::BodyLost => (
                    "body_lost",
                    "the official SDK got an empty body: something read it first",
                ),
                SdkMeaning::Timestamp => (
                    "timestamp_rejected",
                    "the official SDK judges the timestamp out of tolerance: the app's clock is off or its tolerance too tight",
                ),
            };
            return Some(cause(
                id,
                format!("{what} (it answered {status} \"{text}…\")"),
            ));
        }
    }
    if status >= 500 {
        return Some(cause(
            "server_error",
            format!("{status}: the handler failed (an exception, not a rejection)"),
        ));
    }
    None
}

/// What to change for a cause, per framework.
pub fn fix(cause_id: &str) -> &'static str {
    match cause_id {
        "wrong_secret" => {
            "give the app the secret of the endpoint that sends to it: each Stripe endpoint (and the Stripe CLI's `listen`) has its own whsec_, and test and live mode differ"
        }
        "body_reserialized" | "body_parsed" => {
            "verify the raw bytes before parsing: Express `express.raw({type: 'application/json'})` on this route (before any express.json()), Next.js `await req.text()`, Flask `request.get_data()`, FastAPI `await request.body()`, Django `request.body`, Rails `request.raw_post`, Laravel `$request->getContent()`"
        }
        "header_lost" => {
            "pass the signature header through: proxies and API gateways must forward it, and the app must read the provider's header name"
        }
        "body_lost" => {
            "let nothing consume the body before the webhook route: a global body parser or middleware that reads the stream leaves the SDK nothing"
        }
        "timestamp_rejected" => {
            "sync the host clock (NTP) and keep the SDK's default tolerance (300 s)"
        }
        "signature_mismatch" => {
            "check the secret the app holds and that it verifies the raw body; pass every secret you suspect with --secret to let hookcli tell which one"
        }
        "csrf" => {
            "exempt the webhook route from CSRF protection: Django `@csrf_exempt`, Rails `skip_forgery_protection`, Laravel `VerifyCsrfToken::$except`, Express csurf: mount it after the webhook route; Spring `csrf().ignoringRequestMatchers(...)`"
        }
        "login_redirect" | "auth_required" => {
            "exclude the webhook route from app-wide authentication: the signature is its authentication"
        }
        "redirect" => {
            "point the provider (and --to) at the final URL: mind the trailing slash and http->https redirects"
        }
        "not_found" => {
            "check the route's path and pass it in --to (e.g. --to localhost:3000/api/webhooks)"
        }
        "method_not_allowed" => "handle POST on the webhook route",
        "url_mismatch" => {
            "validate against the URL the provider calls: behind a proxy or tunnel, rebuild it from X-Forwarded-Proto and X-Forwarded-Host (Express: `app.set('trust proxy', true)` and `req.protocol`), or configure the public URL and register that same URL with the provider (pass it in --to)"
        }
        "untrusted_key" => {
            "configure the app with the verification key of the key pair that signs (`hookcli keys --provider sendgrid` prints hookcli's local test key's; in production, the key from the provider's settings page)"
        }
        "payload_too_large" => {
            "raise the body limit on the webhook route: Express `express.raw({type: 'application/json', limit: '1mb'})`, nginx `client_max_body_size`, Flask `MAX_CONTENT_LENGTH`"
        }
        "gone" => "never answer 410 to a delivery you want to keep receiving",
        "server_error" => {
            "catch errors in the handler: answer 4xx to a request you reject, 2xx to one you accept, and 5xx only when you want a retry"
        }
        "timeout" => {
            "acknowledge first and do slow work later (a queue or background job), within the provider's timeout"
        }
        "no_answer" => "keep the process answering: it closed the connection without a response",
        _ => "read the evidence: the app's answer says what it expected",
    }
}

//! Rejects forgeries: requests a verifying endpoint must refuse with a 4xx
//! (a 2xx means forged events get in; a 5xx invites retries and alarms),
//! and malformed signatures that must not crash it.

use super::build::{reform, tamper};
use super::profile::{FutureGrade, with_header, without_header};
use super::session::{Probe, status_of};
use super::{Audit, Evidence, Finding, Severity, Status, sign};
use crate::fixtures::Event;
use crate::request::Headers;
use crate::send::{DeliveryError, Response};

pub fn all(a: &mut Audit) {
    bad_signature(a);
    missing_signature(a);
    tampered_body(a);
    empty_secret(a);
    stale_timestamp(a);
    future_timestamp(a);
    downgrade(a);
    malformed_signature(a);
}

type Tried = (String, Result<Response, DeliveryError>, Evidence);

/// A fresh event to forge, in the form the app accepts (or the provider's).
fn event(a: &mut Audit, offset: i64) -> (Event, crate::secret::Secret) {
    let now = a.session.now();
    let event = a.build.event(a.profile.genuine_event, now + offset, &[]);
    match a.baseline.clone() {
        Some(b) => (reform(&event, b.form), b.secret),
        None => (event, a.primary().clone()),
    }
}

fn send_all(a: &mut Audit, reqs: Vec<(String, Probe)>) -> Vec<Tried> {
    reqs.into_iter()
        .map(|(label, req)| {
            let (result, ev) = a.send(label.clone(), &req);
            (label, result, ev)
        })
        .collect()
}

/// Grades requests that must all be rejected with a 4xx (or exactly the
/// status the provider demands).
fn expect_rejected(a: &Audit, f: &mut Finding, tried: Vec<Tried>, what: &str, fix: &str) {
    let exact = a.profile.bad_signature_status;
    let mut accepted = Vec::new();
    let mut errored = Vec::new();
    let mut wrong_code = Vec::new();
    for (label, result, ev) in tried {
        match status_of(&result) {
            Some(200..=299) => accepted.push((label, ev)),
            Some(s @ 400..=499) => {
                if exact.is_some_and(|e| e != s) {
                    wrong_code.push((label, ev));
                }
            }
            _ => errored.push((label, ev)),
        }
    }
    if !accepted.is_empty() {
        f.status = Status::Fail;
        let labels: Vec<&str> = accepted.iter().map(|(l, _)| l.as_str()).collect();
        f.summary = format!("accepts {what}: {}", labels.join("; "));
        f.fix = Some(fix.into());
        f.evidence.extend(accepted.into_iter().map(|(_, e)| e));
    } else if !errored.is_empty() {
        f.status = Status::Fail;
        let labels: Vec<&str> = errored.iter().map(|(l, _)| l.as_str()).collect();
        f.summary = format!(
            "answers {what} with a 5xx or no answer ({}): providers retry 5xx, and a forger can raise your alarms",
            labels.join("; ")
        );
        f.fix = Some(format!(
            "answer a request that fails verification with a 4xx (400 or 401), not an exception; {fix}"
        ));
        f.evidence.extend(errored.into_iter().map(|(_, e)| e));
    } else if !wrong_code.is_empty() {
        let want = exact.unwrap_or(401);
        f.status = Status::Fail;
        f.summary = format!("rejects {what}, but not with the {want} the provider requires");
        f.fix = Some(format!(
            "answer exactly {want} when the signature does not verify"
        ));
        f.evidence.extend(wrong_code.into_iter().map(|(_, e)| e));
    } else if a.baseline.is_none() {
        f.status = Status::Unverified;
        f.summary = format!(
            "rejects {what}, but it rejects genuine deliveries too, so this proves nothing"
        );
    } else {
        f.summary = format!("rejects {what}");
    }
}

const VERIFY_FIX: &str = "verify every request with the provider's official SDK (e.g. stripe.webhooks.constructEvent) before acting on it, and reject it when verification fails";

fn bad_signature(a: &mut Audit) {
    let id = "bad_signature_rejected";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let (event, secret) = event(a, 0);
    if let Ok(genuine) = a.build.headers(&event, &secret)
        && let Some(sig) = sign::signature(a.plan.provider, &genuine)
    {
        a.session
            .leak_markers
            .push((sig, "the signature the real secret gives".into()));
    }
    let stranger = a.build.stranger.clone();
    let req = a.build.signed(&event, &stranger);
    let tried = send_all(a, vec![("signed with another secret".into(), req)]);
    expect_rejected(
        a,
        &mut f,
        tried,
        "a signature made with another secret",
        VERIFY_FIX,
    );
    a.push(f);
}

fn missing_signature(a: &mut Audit) {
    let id = "missing_signature_rejected";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let (event, secret) = event(a, 0);
    let header = sign::header_name(a.plan.provider);
    let Ok(signed) = a.build.headers(&event, &secret) else {
        return;
    };
    let none = without_header(&signed, header);
    let empty = with_header(&signed, header, String::new());
    let reqs = vec![
        (
            format!("no {header} header"),
            a.build
                .with_headers(&event, none, &secret, "signature header removed"),
        ),
        (
            format!("empty {header} header"),
            a.build
                .with_headers(&event, empty, &secret, "signature header empty"),
        ),
    ];
    let tried = send_all(a, reqs);
    expect_rejected(
        a,
        &mut f,
        tried,
        "a delivery without a signature",
        "treat a missing or empty signature header as a failed verification",
    );
    a.push(f);
}

fn tampered_body(a: &mut Audit) {
    let id = "tampered_body_rejected";
    if a.plan.provider.scheme().unsigned_body().is_some() {
        return a.skip(
            id,
            "the provider's signature or token does not cover the body, so a changed body cannot be detected",
        );
    }
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let (event, secret) = event(a, 0);
    let Ok(signed) = a.build.headers(&event, &secret) else {
        return;
    };
    let changed = Event {
        body: tamper(&event.body),
        ..event.clone()
    };
    if let Ok(real) = a.build.headers(&changed, &secret)
        && let Some(sig) = sign::signature(a.plan.provider, &real)
    {
        a.session
            .leak_markers
            .push((sig, "the signature the real secret gives".into()));
    }
    let req = a.build.with_headers(
        &changed,
        signed,
        &secret,
        "signature of the original body, one digit of the body changed",
    );
    let tried = send_all(a, vec![("body changed after signing".into(), req)]);
    expect_rejected(
        a,
        &mut f,
        tried,
        "a body changed after signing",
        "verify the signature over the exact body you then parse and act on",
    );
    a.push(f);
}

fn empty_secret(a: &mut Audit) {
    let id = "empty_secret_forgery_rejected";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let (event, secret) = event(a, 0);
    let mut keys: Vec<(Vec<u8>, String)> = vec![(Vec::new(), "an empty key".into())];
    let (what, fix) = match sign::public_text(a.plan.provider, &secret) {
        // A key pair: nobody can sign with an empty private key, but a
        // verifier that falls back to a MAC accepts one keyed with nothing
        // or with the verification key, which is public.
        Some(public) => {
            keys.push((
                public.into_bytes(),
                "an HMAC keyed with the verification key (public: anyone can compute it)".into(),
            ));
            (
                "a MAC made with an empty or public key (what a verifier that falls back to HMAC accepts)",
                "verify only the provider's signature algorithm with the verification key (the official library does); never fall back to a MAC",
            )
        }
        None => {
            keys.push((b"undefined".to_vec(), "the key \"undefined\"".into()));
            keys.push((b"null".to_vec(), "the key \"null\"".into()));
            (
                "a signature made with an empty key (what an app whose secret variable is unset computes)",
                "refuse to start (or answer 500 to every delivery) when the secret variable is unset; never fall back to an empty or default secret",
            )
        }
    };
    let reqs = keys
        .iter()
        .map(|(key, what)| {
            (
                format!("signed with {what}"),
                a.build.keyed(&event, key, what),
            )
        })
        .collect();
    let tried = send_all(a, reqs);
    expect_rejected(a, &mut f, tried, what, fix);
    a.push(f);
}

fn stale_timestamp(a: &mut Audit) {
    let id = "stale_timestamp_rejected";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let Some(tolerance) = a.plan.provider.spec().tolerance else {
        return a.skip(
            id,
            "the provider signs no timestamp, so there is no replay window",
        );
    };
    f.severity = a.profile.stale_severity;
    let age = tolerance + 60;
    let (event, secret) = event(a, -age);
    let req = a.build.signed(&event, &secret);
    let tried = send_all(a, vec![(format!("signed {age} s ago"), req)]);
    expect_rejected(
        a,
        &mut f,
        tried,
        &format!(
            "a correct signature dated {age} s ago (a replay outside the {tolerance} s window)"
        ),
        "check the timestamp: use the SDK function that checks it (Stripe: constructEvent, not verifyHeader without a tolerance) or, where the SDK checks none (SendGrid), reject a timestamp header more than 5 minutes from your clock; keep a tolerance above zero",
    );
    a.push(f);
}

fn future_timestamp(a: &mut Audit) {
    let id = "future_timestamp_rejected";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let Some(tolerance) = a.plan.provider.spec().tolerance else {
        return a.skip(id, "the provider signs no timestamp");
    };
    let ahead = tolerance + 60;
    let (event, secret) = event(a, ahead);
    let req = a.build.signed(&event, &secret);
    let tried = send_all(a, vec![(format!("signed {ahead} s ahead"), req)]);
    match a.profile.future {
        FutureGrade::Reject(severity) => {
            f.severity = severity;
            expect_rejected(
                a,
                &mut f,
                tried,
                &format!("a correct signature dated {ahead} s in the future"),
                "reject timestamps too far in the future as well as the past (the Standard Webhooks libraries do)",
            );
        }
        FutureGrade::ReportOnly { why } => {
            f.severity = Severity::Info;
            let accepted = tried
                .iter()
                .any(|(_, r, _)| matches!(status_of(r), Some(200..=299)));
            if accepted {
                f.status = Status::Warn;
                f.summary =
                    format!("accepts a signature dated {ahead} s ahead; informational: {why}");
                f.fix = Some(
                    "optional: also reject timestamps more than the tolerance ahead of your clock"
                        .into(),
                );
                f.evidence.extend(tried.into_iter().map(|(_, _, e)| e));
            } else {
                expect_rejected(a, &mut f, tried, "a signature dated in the future", "");
            }
        }
    }
    a.push(f);
}

fn downgrade(a: &mut Audit) {
    let id = "downgrade_rejected";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let Some(builder) = a.profile.forgeries.downgrade else {
        return a.skip(id, "the provider has no legacy signature scheme");
    };
    let Some(base) = a.forge_base() else {
        return;
    };
    let header = sign::header_name(a.plan.provider);
    let reqs: Vec<_> = builder(&base.input(header))
        .into_iter()
        .map(|(l, h)| {
            (
                l.to_string(),
                a.build.with_headers(&base.event, h, &base.secret, l),
            )
        })
        .collect();
    let tried = send_all(a, reqs);
    expect_rejected(a, &mut f, tried, "a legacy-scheme signature", DOWNGRADE_FIX);
    a.push(f);
}

const DOWNGRADE_FIX: &str = "verify only the current scheme (Stripe: v1; GitHub: X-Hub-Signature-256) and never fall back to a legacy one";

/// The genuine header with its signature replaced by `junk`.
fn replaced(headers: &Headers, header: &str, signature: &str, junk: &str) -> Headers {
    let value = headers
        .get(header)
        .unwrap_or_default()
        .replace(signature, junk);
    with_header(headers, header, value)
}

fn malformed_signature(a: &mut Audit) {
    let id = "malformed_signature_no_crash";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let (event, secret) = event(a, 0);
    let header = sign::header_name(a.plan.provider);
    let Ok(signed) = a.build.headers(&event, &secret) else {
        return;
    };
    let Some(sig) = sign::signature(a.plan.provider, &signed) else {
        return;
    };
    let n = sig.len();
    let variants: Vec<(&str, String)> = vec![
        ("3-character signature", "abc".into()),
        // Changed at the front: a base64 decoder ignores a last character
        // too many or a dropped `=`, and would read the genuine signature.
        ("one character short", sig[1..].to_string()),
        ("one character long", format!("0{sig}")),
        ("not hex or base64", "%".repeat(n)),
        ("empty after the prefix", String::new()),
        ("multi-byte UTF-8", "é".repeat(n / 2)),
    ];
    let mut reqs: Vec<(String, Probe)> = variants
        .into_iter()
        .map(|(label, junk)| {
            let h = replaced(&signed, header, &sig, &junk);
            (
                label.to_string(),
                a.build.with_headers(&event, h, &secret, label),
            )
        })
        .collect();
    let mut twice = replaced(&signed, header, &sig, &"0".repeat(n));
    twice.push(
        header,
        replaced(&signed, header, &sig, &"1".repeat(n))
            .get(header)
            .unwrap_or_default(),
    );
    reqs.push((
        "signature header repeated".into(),
        a.build
            .with_headers(&event, twice, &secret, "two signature headers"),
    ));
    let tried = send_all(a, reqs);
    expect_rejected(
        a,
        &mut f,
        tried,
        "a malformed signature",
        "compare signatures only after checking their length and encoding (Node's crypto.timingSafeEqual throws on unequal lengths); the official SDKs do",
    );
    // Still alive? A crash shows as nothing listening any more; a 5xx from
    // a process that stays up is a warning, not a critical failure.
    if a.baseline.is_some()
        && let Some((_, req)) = a.genuine(a.profile.genuine_event, 0, &[])
    {
        let (result, ev) = a.send("genuine delivery after the malformed ones", &req);
        let alive = matches!(status_of(&result), Some(200..=299));
        if alive && f.status == Status::Fail && !f.summary.starts_with("accepts") {
            f.severity = Severity::Warning;
        }
        if !alive {
            f.status = Status::Fail;
            f.summary = format!(
                "after malformed signatures, a genuine delivery {}: the app crashed or broke",
                match &result {
                    Ok(r) => format!("gets {}", r.status),
                    Err(e) => format!("gets no answer ({e})"),
                }
            );
            f.fix = Some("catch errors from signature parsing and comparison; one bad header must not take the process down".into());
            f.evidence.push(ev);
        }
    }
    a.push(f);
}

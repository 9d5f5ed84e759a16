//! Accepts genuine deliveries: the delivery itself (and why it is
//! rejected, when it is), redirects, the byte forms of one event, event
//! types the app does not know, large events, clock skew, several
//! signatures at once, and signature schemes to ignore.

use super::build::{Baseline, BodyVariant, pad, reform};
use super::session::{is_2xx, is_4xx, status_of};
use super::{Audit, AuditError, Status, sign, why};
use crate::fixtures::Override;
use crate::send::DeliveryError;

/// `valid_delivery_accepted`: one delivery exactly as the provider sends
/// it. Its outcome is the baseline every other check is graded against.
pub fn valid_delivery(a: &mut Audit) -> Result<(), AuditError> {
    let id = "valid_delivery_accepted";
    a.session.check = id;
    let now = a.session.now();
    let event = a.build.event(a.profile.genuine_event, now, &[]);
    let primary = a.primary().clone();
    let req = a.build.signed(&event, &primary);
    let result = a.session.send(&req);
    if let Err(e) = &result
        && !a.session.answered()
        && matches!(
            e,
            DeliveryError::Refused { .. }
                | DeliveryError::Dns { .. }
                | DeliveryError::Tls(_)
                | DeliveryError::InvalidUrl(_)
        )
    {
        return Err(AuditError::Unreachable(e.clone()));
    }
    let ev = a.session.evidence("genuine delivery", &req, &result);
    a.first = Some((result.clone(), ev.clone()));
    let mut f = a.finding(id);
    f.evidence.push(ev);
    let status = status_of(&result);
    if is_2xx(&result) {
        a.baseline = Some(Baseline {
            secret: primary,
            form: BodyVariant::Provider,
        });
        f.summary = format!(
            "a genuine {} delivery is accepted ({})",
            event.event_type,
            status.unwrap_or_default()
        );
    } else {
        f.status = Status::Fail;
        let why = why::rejection(a, &result);
        let answered = match status {
            Some(s) => format!("answered {s}"),
            None => "got no answer".to_string(),
        };
        let c = why.cause.expect("a rejection always has a cause");
        f.summary = format!("a genuine delivery {answered}: {}", c.message);
        f.fix = Some(why::fix(c.id).to_string());
        f.cause = Some(c);
        f.matched_secret = why.matched_secret;
        f.evidence.extend(why.evidence);
        a.baseline = why.baseline;
    }
    a.push(f);
    Ok(())
}

/// `no_redirect`: the genuine delivery's answer is not a 3xx.
pub fn no_redirect(a: &mut Audit) {
    let Some(mut f) = a.begin("no_redirect") else {
        return;
    };
    let Some((result, ev)) = a.first.clone() else {
        return;
    };
    match &result {
        Ok(r) if (300..400).contains(&r.status) => {
            f.status = Status::Fail;
            let location = r.headers.get("location").unwrap_or("(no Location)");
            f.summary = format!(
                "answers {} to {}: providers count a redirect as a failed delivery",
                r.status,
                crate::escape::for_terminal(location)
            );
            f.fix = Some(why::fix("redirect").into());
            f.evidence.push(ev);
        }
        Ok(r) => f.summary = format!("answers {} without redirecting", r.status),
        Err(_) => {
            f.status = Status::Unverified;
            f.summary = "no answer to the genuine delivery".into();
        }
    }
    a.push(f);
}

/// `raw_body_preserved`: the same event in every byte form a provider may
/// send, each validly signed.
pub fn raw_body(a: &mut Audit) {
    let id = "raw_body_preserved";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let Some(base) = a.baseline.clone() else {
        return a.no_baseline(id);
    };
    let now = a.session.now();
    let event = a.build.event(a.profile.genuine_event, now, &[]);
    let native = event.body.clone();
    let mut rejected = Vec::new();
    let mut crashed = Vec::new();
    let mut seen = vec![];
    let mut seen_names: Vec<&'static str> = vec![];
    for form in BodyVariant::ALL {
        let fresh = a.build.event(a.profile.genuine_event, now, &[]);
        let shaped = reform(&fresh, form);
        let key = reform(&event, form).body;
        // Forms that give the same bytes as one already sent are skipped.
        if form != BodyVariant::Provider && (key == native || seen.contains(&key)) {
            continue;
        }
        seen.push(key);
        seen_names.push(form.name());
        let req = a.build.signed(&shaped, &base.secret);
        let (result, ev) = a.send(form.name(), &req);
        if !is_2xx(&result) {
            if is_4xx(&result) {
                rejected.push(form.name());
            } else {
                crashed.push(form.name());
            }
            f.evidence.push(ev);
        }
    }
    if rejected.is_empty() && crashed.is_empty() {
        f.summary = format!("{} byte forms of one event are all accepted", seen.len());
    } else {
        f.status = Status::Fail;
        let mut parts = Vec::new();
        if !rejected.is_empty() {
            parts.push(format!("rejects {}", rejected.join(", ")));
        }
        if !crashed.is_empty() {
            parts.push(format!(
                "fails (5xx or no answer) on {}",
                crashed.join(", ")
            ));
        }
        let (cause_id, message) = if !rejected.is_empty() {
            (
                "body_reserialized",
                "it verifies a re-serialized body, not the bytes that were signed",
            )
        } else {
            (
                "server_error",
                "the handler fails on bytes it should accept",
            )
        };
        let accepted: Vec<&str> = seen_names
            .iter()
            .filter(|n| !rejected.contains(n) && !crashed.contains(n))
            .copied()
            .collect();
        if !accepted.is_empty() {
            parts.push(format!("accepts only {}", accepted.join(", ")));
        }
        f.summary = format!("{}: {message}", parts.join("; "));
        f.fix = Some(why::fix(cause_id).into());
        f.cause = Some(super::FailureCause {
            id: cause_id,
            message: message.into(),
        });
    }
    a.push(f);
}

/// `unknown_event_type_acknowledged`: a type nobody handles, and a real
/// type handlers rarely list.
pub fn unknown_event_type(a: &mut Audit) {
    let id = "unknown_event_type_acknowledged";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    if a.baseline.is_none() {
        return a.no_baseline(id);
    }
    let invented = "hookcli_unknown.v1";
    // Where the payload names its type (`type`; SendGrid's `event`), the
    // type is changed there too.
    let field = ["type", "event"]
        .into_iter()
        .find(|k| a.build.has_field(a.profile.genuine_event, k));
    let overrides = match field {
        Some(k) => vec![Override::parse_set(&format!("{k}={invented}")).expect("a valid override")],
        None => Vec::new(),
    };
    let mut failed = Vec::new();
    let mut invented_tried = false;
    let genuine = a.profile.genuine_event;
    let rare = a.profile.rare_event;
    let tries = [(genuine, overrides, invented), (rare, Vec::new(), rare)];
    for (fixture, overrides, label) in tries {
        let Some((mut event, _)) = a.genuine(fixture, 0, &overrides) else {
            return;
        };
        event.event_type = label.to_string();
        let secret = a
            .baseline
            .as_ref()
            .map(|b| b.secret.clone())
            .expect("baseline");
        let req = a.build.signed(&event, &secret);
        // A type the request does not carry (Twilio's is the route's) can
        // only be tried as a real one.
        let carried =
            label != invented || field.is_some() || req.headers.iter().any(|(_, v)| v == invented);
        if !carried {
            continue;
        }
        invented_tried |= label == invented;
        let (result, ev) = a.send(format!("event type {label}"), &req);
        if !is_2xx(&result) {
            failed.push((label, why::classify(a, &result), status_of(&result)));
            f.evidence.push(ev);
        }
    }
    if failed.is_empty() && !invented_tried {
        f.summary = format!("acknowledges {rare} (the request carries no event type to invent)");
    } else if failed.is_empty() {
        f.summary = format!("acknowledges {invented} and {rare}");
    } else {
        f.status = Status::Fail;
        let list: Vec<String> = failed
            .iter()
            .map(|(l, _, s)| match s {
                Some(s) => format!("{l} gets {s}"),
                None => format!("{l} gets no answer"),
            })
            .collect();
        f.summary = format!(
            "{}: providers retry it and may disable the endpoint",
            list.join(", ")
        );
        f.fix = Some(
            "answer 2xx to event types you do not handle (ignore them), e.g. a `default:` branch that returns 200"
                .into(),
        );
        f.cause = failed.into_iter().find_map(|(_, c, _)| c);
    }
    a.push(f);
}

/// `large_payload_accepted`: a genuine event padded to the provider's
/// large-but-legitimate size.
pub fn large_payload(a: &mut Audit) {
    let id = "large_payload_accepted";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let Some(base) = a.baseline.clone() else {
        return a.no_baseline(id);
    };
    let now = a.session.now();
    let mut event = reform(&a.build.event(a.profile.genuine_event, now, &[]), base.form);
    event.body = pad(&event.body, a.profile.large_payload);
    let req = a.build.signed(&event, &base.secret);
    let (result, ev) = a.send(format!("{} KiB event", event.body.len() / 1024), &req);
    if is_2xx(&result) {
        f.summary = format!("accepts a {} KiB event", event.body.len() / 1024);
    } else {
        f.status = Status::Fail;
        let c = why::classify(a, &result);
        f.summary = format!(
            "rejects a {} KiB event ({}): {}",
            event.body.len() / 1024,
            status_of(&result).map_or("no answer".into(), |s| s.to_string()),
            a.profile.large_payload_source
        );
        f.fix = Some(why::fix("payload_too_large").into());
        f.cause = c;
        f.evidence.push(ev);
    }
    a.push(f);
}

/// `clock_skew_tolerated`: signatures a little in the past and future.
pub fn clock_skew(a: &mut Audit) {
    let id = "clock_skew_tolerated";
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    if !sign::has_timestamp(a.plan.provider) {
        return a.skip(id, "the provider signs no timestamp");
    }
    if a.baseline.is_none() {
        return a.no_baseline(id);
    }
    let mut failed = Vec::new();
    for offset in [-120, 30] {
        let Some((_, req)) = a.genuine(a.profile.genuine_event, offset, &[]) else {
            return;
        };
        let label = format!("signed {offset:+} s from now");
        let (result, ev) = a.send(label.clone(), &req);
        if !is_2xx(&result) {
            failed.push(label);
            f.evidence.push(ev);
        }
    }
    if failed.is_empty() {
        f.summary = "accepts signatures 120 s old and 30 s ahead".into();
    } else {
        f.status = Status::Fail;
        f.summary = format!(
            "rejects a delivery {}: its tolerance is too tight or its clock is off",
            failed.join(" and ")
        );
        f.fix = Some(why::fix("timestamp_rejected").into());
    }
    a.push(f);
}

/// `rotation_any_signature_matches` and `unknown_scheme_ignored`: headers
/// holding the genuine signature next to one the verifier must not need.
fn variants_accepted(
    a: &mut Audit,
    id: &'static str,
    builder: Option<fn(&super::profile::ForgeInput) -> Vec<super::profile::Variant>>,
    not_applicable: &str,
    pass: &str,
    fail: &str,
    fix: &str,
) {
    let Some(mut f) = a.begin(id) else { return };
    a.session.check = id;
    let Some(builder) = builder else {
        return a.skip(id, not_applicable);
    };
    if a.baseline.is_none() {
        return a.no_baseline(id);
    }
    let Some(base) = a.forge_base() else {
        return;
    };
    let header = sign::header_name(a.plan.provider);
    let mut failed = Vec::new();
    for (label, headers) in builder(&base.input(header)) {
        let req = a
            .build
            .with_headers(&base.event, headers, &base.secret, label);
        let (result, ev) = a.send(label, &req);
        if !is_2xx(&result) {
            failed.push(label);
            f.evidence.push(ev);
        }
    }
    if failed.is_empty() {
        f.summary = pass.into();
    } else {
        f.status = Status::Fail;
        f.summary = format!("{fail} ({})", failed.join("; "));
        f.fix = Some(fix.into());
    }
    a.push(f);
}

pub fn rotation(a: &mut Audit) {
    let builder = a.profile.forgeries.rotation;
    variants_accepted(
        a,
        "rotation_any_signature_matches",
        builder,
        "the provider sends one signature per delivery",
        "accepts a header with an unknown signature next to the valid one, in either order",
        "rejects a header holding the valid signature next to an old secret's",
        "accept the delivery when any signature in the header matches (the official SDKs do); during a secret roll the provider signs with both secrets",
    );
}

pub fn unknown_scheme(a: &mut Audit) {
    let builder = a.profile.forgeries.unknown_scheme;
    variants_accepted(
        a,
        "unknown_scheme_ignored",
        builder,
        "the provider's header has no other signature schemes",
        "ignores signature schemes it does not verify",
        "rejects a valid signature because the header also carries a scheme it does not know",
        "skip signature entries of schemes you do not verify (Stripe: v0; Standard Webhooks: v1a) instead of failing on them; the official SDKs do",
    );
}

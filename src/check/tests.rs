//! The audit against in-process doubles of an app: one that verifies as the
//! official SDKs do, one that verifies nothing, one holding another secret,
//! one that crashes, one that hangs. (The real apps are audited in
//! tests/it/check_apps.rs.)

use super::*;
use crate::provider::{DISCORD, GITHUB, Parts, STANDARD, STRIPE, Verdict, verify_secrets};
use crate::request::Headers;
use crate::send::{DeliveryError, Response};
use std::collections::HashSet;

const NOW: i64 = 1_800_000_000;
const SECRET: &str = "whsec_unit_test_secret";

type Handler = Box<dyn FnMut(&Probe) -> Result<Response, DeliveryError>>;

struct Fake {
    handler: Handler,
    effects: std::rc::Rc<std::cell::Cell<i64>>,
    observer: bool,
    sent: usize,
}

impl Exchange for Fake {
    fn now(&mut self) -> i64 {
        NOW
    }
    fn send(&mut self, req: &Probe) -> Result<Response, DeliveryError> {
        self.sent += 1;
        (self.handler)(req)
    }
    fn send_all(
        &mut self,
        reqs: &[Probe],
        _concurrency: usize,
    ) -> Vec<Result<Response, DeliveryError>> {
        reqs.iter().map(|r| self.send(r)).collect()
    }
    fn observe(&mut self) -> Option<Result<i64, String>> {
        self.observer.then(|| Ok(self.effects.get()))
    }
    fn pause(&mut self, _d: std::time::Duration) {}
}

fn answer(status: u16, body: &str) -> Result<Response, DeliveryError> {
    Ok(Response {
        status,
        headers: Headers::new(),
        body: body.as_bytes().to_vec(),
        latency: std::time::Duration::from_millis(2),
    })
}

/// An app that verifies like the official SDKs (raw body, 300 s window),
/// processes each event id once, and answers 400 to anything else.
fn careful_app(secret: &'static str, provider: Provider) -> Fake {
    let effects = std::rc::Rc::new(std::cell::Cell::new(0));
    let counter = effects.clone();
    let mut seen = HashSet::new();
    let handler: Handler = Box::new(move |req| {
        if req.method != "POST" {
            return answer(405, "");
        }
        if req.body.len() > 1024 * 1024 {
            return answer(413, "too large");
        }
        let verdict = verify_secrets(
            provider,
            &Parts {
                method: "POST",
                url: None,
                headers: &req.headers,
                body: &req.body,
            },
            &[Secret::new(secret, "app")],
            NOW,
            300,
        );
        if verdict != (Verdict::Valid { secret_index: 0 }) {
            return answer(400, "invalid signature");
        }
        let Ok(v) = serde_json::from_slice::<serde_json::Value>(&req.body) else {
            return answer(400, "bad json");
        };
        if !v.is_object() {
            return answer(400, "not an event");
        }
        let id = req
            .headers
            .get("webhook-id")
            .or(req.headers.get("X-GitHub-Delivery"))
            .map(str::to_string)
            .or_else(|| v.get("id").and_then(|i| i.as_str()).map(str::to_string))
            .unwrap_or_default();
        if seen.insert(id) {
            counter.set(counter.get() + 1);
        }
        answer(200, "{\"received\":true}")
    });
    Fake {
        handler,
        effects,
        observer: true,
        sent: 0,
    }
}

fn plan(secrets: &[Secret], provider: Provider) -> Plan<'_> {
    Plan {
        target: "http://localhost:4242/webhooks".into(),
        provider,
        secrets,
        budget: std::time::Duration::from_secs(10),
        selection: Selection::default(),
        observer: Some("http://localhost:4242/effects".into()),
        seed: 7,
        max_time: std::time::Duration::from_secs(300),
        burst: (5, 2),
    }
}

fn get<'r>(report: &'r CheckReport, id: &str) -> &'r Finding {
    report
        .checks
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

fn not_passing(report: &CheckReport) -> Vec<(&'static str, Status)> {
    report
        .checks
        .iter()
        .filter(|f| f.status != Status::Pass)
        .map(|f| (f.id, f.status))
        .collect()
}

#[test]
fn a_careful_app_passes_every_check() {
    for provider in [STRIPE, GITHUB, STANDARD] {
        let secret = if provider == STANDARD {
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        } else {
            SECRET
        };
        let secrets = [Secret::new(secret, "--secret")];
        let mut app = careful_app(secret, provider);
        let report = audit(&plan(&secrets, provider), &mut app).unwrap();
        let expected_skips: &[&str] = if provider == GITHUB {
            &[
                "clock_skew_tolerated",
                "rotation_any_signature_matches",
                "unknown_scheme_ignored",
                "stale_timestamp_rejected",
                "future_timestamp_rejected",
            ]
        } else if provider == STANDARD {
            &["downgrade_rejected"]
        } else {
            &[]
        };
        for (id, status) in not_passing(&report) {
            assert!(
                status == Status::Skip && expected_skips.contains(&id),
                "{provider}: {id} is {status:?}: {:#?}",
                get(&report, id)
            );
        }
        assert_eq!(report.deliveries, app.sent);
        assert_eq!(
            grade::exit_status(&report, Severity::Info),
            crate::exit::ExitStatus::Success
        );
        assert_eq!(report.stopped, None);
    }
}

#[test]
fn an_app_that_verifies_nothing() {
    let secrets = [Secret::new(SECRET, "--secret")];
    let mut app = Fake {
        handler: Box::new(|_| answer(200, "ok")),
        effects: Default::default(),
        observer: false,
        sent: 0,
    };
    let report = audit(&plan(&secrets, STRIPE), &mut app).unwrap();
    for id in [
        "bad_signature_rejected",
        "missing_signature_rejected",
        "tampered_body_rejected",
        "empty_secret_forgery_rejected",
        "stale_timestamp_rejected",
        "downgrade_rejected",
        "malformed_signature_no_crash",
        "empty_body_rejected",
        "wrong_method_405",
    ] {
        assert_eq!(get(&report, id).status, Status::Fail, "{id}");
    }
    assert_eq!(
        get(&report, "redelivery_idempotent").status,
        Status::Unverified
    );
    assert_eq!(
        grade::exit_status(&report, Severity::Critical),
        crate::exit::ExitStatus::Failure
    );
}

#[test]
fn without_an_observer_idempotency_is_never_passed() {
    let secrets = [Secret::new(SECRET, "--secret")];
    let mut app = careful_app(SECRET, STRIPE);
    app.observer = false;
    let report = audit(&plan(&secrets, STRIPE), &mut app).unwrap();
    for id in [
        "redelivery_idempotent",
        "concurrent_duplicate_once",
        "replay_is_noop",
    ] {
        assert_eq!(get(&report, id).status, Status::Unverified, "{id}");
    }
}

#[test]
fn the_secret_the_app_holds_is_named_and_the_audit_goes_on_with_it() {
    let secrets = [
        Secret::new("whsec_expected", "STRIPE_WEBHOOK_SECRET_TEST"),
        Secret::new(SECRET, "STRIPE_WEBHOOK_SECRET_LIVE"),
    ];
    let mut app = careful_app(SECRET, STRIPE);
    let report = audit(&plan(&secrets, STRIPE), &mut app).unwrap();
    let valid = get(&report, "valid_delivery_accepted");
    assert_eq!(valid.status, Status::Fail);
    assert_eq!(valid.cause.as_ref().unwrap().id, "wrong_secret");
    assert_eq!(
        valid.matched_secret.as_ref().unwrap().label,
        "STRIPE_WEBHOOK_SECRET_LIVE"
    );
    assert_eq!(get(&report, "bad_signature_rejected").status, Status::Pass);
    assert_eq!(get(&report, "raw_body_preserved").status, Status::Pass);
}

#[test]
fn an_app_rejecting_everything_proves_nothing_by_rejecting_forgeries() {
    let secrets = [Secret::new(SECRET, "--secret")];
    let mut app = Fake {
        handler: Box::new(|_| {
            answer(
                400,
                "Webhook Error: No signatures found matching the expected signature for payload",
            )
        }),
        effects: Default::default(),
        observer: false,
        sent: 0,
    };
    let report = audit(&plan(&secrets, STRIPE), &mut app).unwrap();
    let valid = get(&report, "valid_delivery_accepted");
    assert_eq!(valid.cause.as_ref().unwrap().id, "signature_mismatch");
    assert!(valid.summary.contains("did not give"), "{}", valid.summary);
    assert_eq!(
        get(&report, "bad_signature_rejected").status,
        Status::Unverified
    );
    assert_eq!(
        get(&report, "raw_body_preserved").status,
        Status::Unverified
    );
}

#[test]
fn csrf_and_routing_are_named_from_the_answer() {
    for (status, body, location, cause) in [
        (
            403,
            "CSRF verification failed. Request aborted.",
            None,
            "csrf",
        ),
        (419, "Page Expired", None, "csrf"),
        (302, "", Some("/users/sign_in"), "login_redirect"),
        (404, "Cannot POST /webhooks", None, "not_found"),
        (413, "", None, "payload_too_large"),
    ] {
        let secrets = [Secret::new(SECRET, "--secret")];
        let mut app = Fake {
            handler: Box::new(move |_| {
                let mut headers = Headers::new();
                if let Some(l) = location {
                    headers.push("location", l);
                }
                Ok(Response {
                    status,
                    headers,
                    body: body.as_bytes().to_vec(),
                    latency: std::time::Duration::from_millis(1),
                })
            }),
            effects: Default::default(),
            observer: false,
            sent: 0,
        };
        let report = audit(&plan(&secrets, STRIPE), &mut app).unwrap();
        let valid = get(&report, "valid_delivery_accepted");
        assert_eq!(valid.cause.as_ref().unwrap().id, cause, "{status}");
    }
}

#[test]
fn a_crash_stops_the_audit_and_is_reported() {
    let secrets = [Secret::new(SECRET, "--secret")];
    let mut inner = careful_app(SECRET, STRIPE);
    let mut dead = false;
    let handler: Handler = Box::new(move |req| {
        let sig = req.headers.get("Stripe-Signature").unwrap_or_default();
        if sig.contains("v1=abc") {
            dead = true;
        }
        if dead {
            return Err(DeliveryError::Refused {
                addr: "localhost:4242".into(),
            });
        }
        (inner.handler)(req)
    });
    let mut app = Fake {
        handler,
        effects: Default::default(),
        observer: false,
        sent: 0,
    };
    let report = audit(&plan(&secrets, STRIPE), &mut app).unwrap();
    let malformed = get(&report, "malformed_signature_no_crash");
    assert_eq!(malformed.status, Status::Fail);
    assert_eq!(malformed.severity, Severity::Critical);
    let stopped = report.stopped.as_deref().unwrap();
    assert!(
        stopped.contains("malformed_signature_no_crash"),
        "{stopped}"
    );
    let live = get(&report, "liveness_after_abuse");
    assert_eq!(live.status, Status::Fail);
    assert!(
        live.summary.contains("no longer answers"),
        "{}",
        live.summary
    );
    // Nothing more was sent once it stopped answering.
    assert!(app.sent < 40, "{}", app.sent);
}

#[test]
fn an_app_that_hangs_is_given_up_on() {
    let secrets = [Secret::new(SECRET, "--secret")];
    let mut first = true;
    let mut app = Fake {
        handler: Box::new(move |_| {
            if std::mem::take(&mut first) {
                return answer(200, "ok");
            }
            Err(DeliveryError::Timeout {
                after: std::time::Duration::from_secs(20),
            })
        }),
        effects: Default::default(),
        observer: false,
        sent: 0,
    };
    let report = audit(&plan(&secrets, STRIPE), &mut app).unwrap();
    assert!(report.stopped.unwrap().contains("no answer"));
    assert_eq!(app.sent, 4, "one answer, then three timeouts");
}

#[test]
fn unreachable_is_an_error_not_a_report() {
    let secrets = [Secret::new(SECRET, "--secret")];
    let mut app = Fake {
        handler: Box::new(|_| {
            Err(DeliveryError::Refused {
                addr: "localhost:4242".into(),
            })
        }),
        effects: Default::default(),
        observer: false,
        sent: 0,
    };
    let err = audit(&plan(&secrets, STRIPE), &mut app).unwrap_err();
    assert!(matches!(err, AuditError::Unreachable(_)));
}

#[test]
fn only_sends_what_is_selected() {
    let secrets = [Secret::new(SECRET, "--secret")];
    let mut app = careful_app(SECRET, STRIPE);
    let mut p = plan(&secrets, STRIPE);
    p.selection.only = vec!["bad_signature_rejected".into()];
    let report = audit(&p, &mut app).unwrap();
    // The genuine delivery (the baseline) and the forgery.
    assert_eq!(app.sent, 2);
    assert_eq!(get(&report, "bad_signature_rejected").status, Status::Pass);
    assert_eq!(get(&report, "valid_delivery_accepted").status, Status::Skip);
    assert_eq!(report.checks.len(), CHECKS.len());
}

#[test]
fn secrets_echoed_by_the_app_are_redacted() {
    let secrets = [Secret::new(SECRET, "--secret")];
    let mut app = Fake {
        handler: Box::new(|_| answer(400, &format!("expected secret {SECRET}"))),
        effects: Default::default(),
        observer: false,
        sent: 0,
    };
    let report = audit(&plan(&secrets, STRIPE), &mut app).unwrap();
    let text = render::json(&report, Severity::Critical).to_string()
        + &render::human(&report, Severity::Critical)
        + &render::junit(&report);
    assert!(!text.contains(SECRET));
    assert!(text.contains("<secret --secret>"));
    let hygiene = get(&report, "error_body_hygiene");
    assert_eq!(hygiene.status, Status::Fail);
    assert!(hygiene.summary.contains("the secret --secret"));
}

#[test]
fn renderers() {
    let secrets = [Secret::new(SECRET, "--secret")];
    let mut app = careful_app(SECRET, STRIPE);
    let mut report = audit(&plan(&secrets, STRIPE), &mut app).unwrap();
    report.elapsed = std::time::Duration::from_millis(1234);
    let human = render::human(&report, Severity::Critical);
    assert!(human.starts_with(
        "hookcli check: stripe endpoint http://localhost:4242/webhooks (budget 10.0 s, observer http://localhost:4242/effects)\n"
    ));
    assert!(human.contains("\nRejects forgeries\n  pass       bad_signature_rejected"));
    assert!(human.contains(&format!(
        "result: ok. 29 passed; 0 failed; 0 warned; 0 unverified; 0 skipped ({} requests in 1.2 s)",
        report.deliveries
    )));
    let json = render::json(&report, Severity::Critical);
    assert_eq!(json["checks"].as_array().unwrap().len(), 29);
    assert_eq!(json["summary"]["ok"], true);
    assert_eq!(json["summary"]["elapsed_s"], 1.234);
    let xml = render::junit(&report);
    assert_eq!(xml.matches("<testcase ").count(), 29);
    assert!(xml.ends_with("</testsuites>\n"));
    // The whole of each output, as a user or a CI system reads it.
    insta::assert_snapshot!("check_human", human);
    insta::assert_snapshot!("check_json", serde_json::to_string_pretty(&json).unwrap());
    insta::assert_snapshot!("check_junit", xml);
}

#[test]
fn every_check_is_documented() {
    let docs = include_str!("../../docs/checks.md");
    for id in all_ids() {
        assert!(
            docs.contains(&format!("### `{id}`")),
            "docs/checks.md has no section for {id}"
        );
    }
    for c in [
        "wrong_secret",
        "body_reserialized",
        "body_parsed",
        "header_lost",
        "body_lost",
        "timestamp_rejected",
        "signature_mismatch",
        "csrf",
        "login_redirect",
        "auth_required",
        "redirect",
        "not_found",
        "method_not_allowed",
        "payload_too_large",
        "gone",
        "server_error",
        "timeout",
        "no_answer",
        "rejected",
    ] {
        assert!(docs.contains(&format!("`{c}`")), "cause {c} undocumented");
    }
}

/// A Discord app double: verifies with `public` as discord-interactions
/// does, answers a PING with `ping_answer` and a bad signature with `bad`.
fn discord_app(public: String, ping_answer: &'static str, bad: u16) -> Fake {
    let handler: Handler = Box::new(move |req| {
        let parts = Parts {
            method: "POST",
            url: None,
            headers: &req.headers,
            body: &req.body,
        };
        let key = [Secret::new(public.as_str(), "DISCORD_PUBLIC_KEY")];
        if !verify_secrets(DISCORD, &parts, &key, NOW, 300).is_valid() {
            return answer(bad, "invalid request signature");
        }
        let body: serde_json::Value = serde_json::from_slice(&req.body).unwrap_or_default();
        if body["type"] == 1 {
            return answer(200, ping_answer);
        }
        answer(200, r#"{"type":4,"data":{"content":"hello"}}"#)
    });
    Fake {
        handler,
        effects: std::rc::Rc::new(std::cell::Cell::new(0)),
        observer: false,
        sent: 0,
    }
}

#[test]
fn discord_ping_must_get_pong_and_bad_signatures_exactly_401() {
    use crate::provider::keypair;
    let key = keypair::from_random(crate::provider::Algorithm::Ed25519, &[3; 32]).unwrap();
    let private = [Secret::new(
        keypair::private_pem(&key).unwrap(),
        "hookcli local test key",
    )];
    let public = DISCORD.scheme().public_key_text(&key.verify_key()).unwrap();
    let statuses = |app: &mut Fake| {
        let report = audit(&plan(&private, DISCORD), app).unwrap();
        (
            get(&report, "discord_ping").status,
            get(&report, "bad_signature_rejected").status,
        )
    };
    let mut good = discord_app(public.clone(), r#"{"type":1}"#, 401);
    assert_eq!(statuses(&mut good), (Status::Pass, Status::Pass));
    // 2xx with another body is no PONG, and 400 is a rejection but not the
    // 401 Discord demands.
    let mut sloppy = discord_app(public, "{}", 400);
    assert_eq!(statuses(&mut sloppy), (Status::Fail, Status::Fail));
}

/// A Shopify app that answers a bad HMAC with `bad_signature` (Shopify
/// demands 401), deduplicating on `X-Shopify-Webhook-Id`.
fn shopify_app(bad_signature: u16) -> Fake {
    let provider = crate::provider::SHOPIFY;
    let effects = std::rc::Rc::new(std::cell::Cell::new(0));
    let counter = effects.clone();
    let mut seen = HashSet::new();
    let handler: Handler = Box::new(move |req| {
        if req.method != "POST" {
            return answer(405, "");
        }
        if req.body.len() > 1024 * 1024 {
            return answer(413, "too large");
        }
        let parts = Parts {
            method: "POST",
            url: None,
            headers: &req.headers,
            body: &req.body,
        };
        let secrets = [Secret::new(SECRET, "app")];
        if verify_secrets(provider, &parts, &secrets, NOW, 300)
            != (Verdict::Valid { secret_index: 0 })
        {
            return answer(bad_signature, "invalid_hmac");
        }
        if !serde_json::from_slice::<serde_json::Value>(&req.body).is_ok_and(|v| v.is_object()) {
            return answer(400, "bad json");
        }
        let id = req.headers.get("X-Shopify-Webhook-Id").unwrap_or_default();
        if seen.insert(id.to_string()) {
            counter.set(counter.get() + 1);
        }
        answer(200, "")
    });
    Fake {
        handler,
        effects,
        observer: true,
        sent: 0,
    }
}

#[test]
fn shopify_demands_401_for_a_bad_hmac() {
    let provider = crate::provider::SHOPIFY;
    let secrets = [Secret::new(SECRET, "--secret")];
    let mut app = shopify_app(401);
    let report = audit(&plan(&secrets, provider), &mut app).unwrap();
    // Shopify signs no timestamp and has one signature format: those
    // checks do not apply.
    let skips = [
        "clock_skew_tolerated",
        "rotation_any_signature_matches",
        "unknown_scheme_ignored",
        "downgrade_rejected",
        "stale_timestamp_rejected",
        "future_timestamp_rejected",
    ];
    for (id, status) in not_passing(&report) {
        assert!(
            status == Status::Skip && skips.contains(&id),
            "{id} is {status:?}: {:#?}",
            get(&report, id)
        );
    }
    // The same app answering 400: rejected, but not as Shopify demands.
    let mut app = shopify_app(400);
    let report = audit(&plan(&secrets, provider), &mut app).unwrap();
    let failing: Vec<&str> = report
        .checks
        .iter()
        .filter(|f| f.status == Status::Fail)
        .map(|f| f.id)
        .collect();
    assert!(!failing.is_empty(), "{:#?}", report.checks);
    let bad = get(&report, failing[0]);
    assert!(format!("{bad:?}").contains("401"), "{bad:#?}");
}

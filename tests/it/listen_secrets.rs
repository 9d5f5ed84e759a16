//! The listener judges like the user's app: the endpoint's secrets are the
//! `--secret` values (any of them, for a rotation) or else the provider's
//! primary variable; the other variables are candidates, and a request
//! signed with one is answered 400 `wrong_secret` naming it. The same in
//! proxy mode, where such a request is no dead letter.

use crate::common::listener::*;
use serde_json::Value;

const TEST: &str = "whsec_endpoint_test_secret";
const LIVE: &str = "whsec_endpoint_live_secret";

fn test_mode_event(id: &str) -> Vec<u8> {
    // `stripe_event` writes `"livemode": false`: a test-mode event.
    stripe_event(id, "invoice.paid", "in_secrets_1", now())
}

fn wrong_secret(answer: &Value, line: &Value, matched: &str) {
    assert_eq!(answer["valid"], false, "{answer}");
    assert_eq!(answer["causes"][0], "wrong_secret", "{answer}");
    wrong_secret_line(line, matched);
}

fn wrong_secret_line(line: &Value, matched: &str) {
    assert_eq!(line["valid"], false, "{line}");
    let cause = &line["causes"][0];
    assert_eq!(cause["id"], "wrong_secret", "{line}");
    assert_eq!(cause["matched_secret"], matched, "{line}");
    assert_eq!(cause["confidence"], "certain", "{line}");
}

#[test]
fn a_request_signed_with_another_variables_secret_is_rejected_and_named() {
    let l = Listening::start_env(
        &["--json", "--secret", TEST],
        &[("STRIPE_WEBHOOK_SECRET_LIVE", LIVE)],
    );
    let body = test_mode_event("evt_secrets_1");
    let reply = post_stripe(l.addr, LIVE, now(), &body);
    assert_eq!(
        reply.status,
        400,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    wrong_secret(&reply.json(), &l.next_json(), "STRIPE_WEBHOOK_SECRET_LIVE");
    let reply = post_stripe(l.addr, TEST, now(), &body);
    assert_eq!(reply.status, 200);
    assert_eq!(l.next_json()["secret"]["label"], "--secret");
}

#[test]
fn every_secret_given_verifies_for_a_rotation() {
    let l = Listening::start(&["--json", "--secret", TEST, "--secret", LIVE]);
    for (i, secret) in [TEST, LIVE].iter().enumerate() {
        let body = test_mode_event(&format!("evt_rotation_{i}"));
        assert_eq!(post_stripe(l.addr, secret, now(), &body).status, 200);
        assert_eq!(l.next_json()["valid"], true);
    }
}

#[test]
fn without_a_secret_flag_the_primary_variable_is_the_endpoints() {
    let l = Listening::start_env(
        &["--json"],
        &[
            ("STRIPE_WEBHOOK_SECRET", TEST),
            ("STRIPE_WEBHOOK_SECRET_LIVE", LIVE),
        ],
    );
    let body = test_mode_event("evt_primary_1");
    let reply = post_stripe(l.addr, LIVE, now(), &body);
    assert_eq!(reply.status, 400);
    wrong_secret(&reply.json(), &l.next_json(), "STRIPE_WEBHOOK_SECRET_LIVE");
    assert_eq!(post_stripe(l.addr, TEST, now(), &body).status, 200);
    assert_eq!(l.next_json()["secret"]["label"], "STRIPE_WEBHOOK_SECRET");
}

#[test]
fn in_proxy_mode_a_candidates_request_is_rejected_and_no_dead_letter() {
    let app = App::start(|r| {
        if r.header("Stripe-Signature")
            .is_some_and(|s| s.contains("v1="))
        {
            400
        } else {
            200
        }
    });
    let l = Listening::start_env(
        &["--json", "--secret", TEST, "--forward-to", &app.url()],
        &[("STRIPE_WEBHOOK_SECRET_LIVE", LIVE)],
    );
    let body = test_mode_event("evt_proxy_secrets_1");
    let reply = post_stripe(l.addr, LIVE, now(), &body);
    app.next();
    // The app's answer goes back to the sender; the verdict is hookcli's.
    assert_eq!(reply.status, 400);
    let line = l.next_json();
    wrong_secret_line(&line, "STRIPE_WEBHOOK_SECRET_LIVE");
    let flags = line["flags"].to_string();
    assert!(!flags.contains("forward_failed"), "{line}");
    assert!(events_json(&l.store(), &["--dead-letters"]).is_empty());
}

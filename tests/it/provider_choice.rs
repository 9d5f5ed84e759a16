//! Which provider a request is for, decided in one place
//! (`Provider::which`) for `verify`, the listener and the diagnosis: a
//! foreign signature header is `wrong_provider`, and a request carrying
//! two providers' headers gets a definite answer.

use crate::common::listener::*;
use crate::common::{hookcli, run_cmd};
use serde_json::Value;
use std::io::Write;

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

fn verify(headers: &[String], body: &[u8], args: &[&str]) -> (i32, Value) {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(body).unwrap();
    let mut cmd = hookcli();
    cmd.args(["verify", "--json", "--body"]).arg(file.path());
    cmd.arg("--now").arg(now().to_string());
    for h in headers {
        cmd.arg("--header").arg(h);
    }
    cmd.args(args);
    let (code, out, err) = run_cmd(&mut cmd, b"");
    let json = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out} / {err}"));
    (code, json)
}

fn event() -> Vec<u8> {
    stripe_event(
        "evt_1Pwhich0000000000000001",
        "charge.succeeded",
        "ch_which_1",
        now(),
    )
}

#[test]
fn a_stripe_event_signed_the_github_way_is_the_wrong_provider() {
    let body = event();
    // Signed GitHub-style by a sender with its own secret; verified with
    // the endpoint's Stripe secret.
    let github = format!(
        "X-Hub-Signature-256: {}",
        github_header("sender-secret", &body)
    );
    let (code, v) = verify(&[github], &body, &["--secret", SECRET]);
    assert_eq!(code, 1, "{v}");
    let cause = &v["causes"][0];
    assert_eq!(cause["id"], "wrong_provider", "{v}");
    assert_eq!(cause["expected"], "stripe");
    assert_eq!(cause["found"], "github");
    assert_eq!(cause["expected_from"], "body");
    assert_eq!(v["causes"].as_array().unwrap().len(), 1, "{v}");
    // A GitHub signature that holds is GitHub's request, whatever the body.
    let secret = "gh-secret";
    let github = format!("X-Hub-Signature-256: {}", github_header(secret, &body));
    let (code, v) = verify(&[github], &body, &["--secret", secret]);
    assert_eq!((code, &v["valid"]), (0, &Value::Bool(true)), "{v}");
}

#[test]
fn two_providers_headers_get_a_definite_answer() {
    let body = event();
    let stripe = format!("Stripe-Signature: {}", stripe_header(SECRET, now(), &body));
    let github = format!("X-Hub-Signature-256: {}", github_header("other", &body));
    // The Stripe signature holds: valid, as Stripe.
    let (code, v) = verify(
        &[stripe.clone(), github.clone()],
        &body,
        &["--secret", SECRET],
    );
    assert_eq!(
        (code, &v["valid"], &v["provider"]),
        (0, &Value::Bool(true), &Value::from("stripe")),
        "{v}"
    );
    // Neither holds: judged as the first provider, with a cause.
    let (code, v) = verify(&[stripe, github], &body, &["--secret", "whsec_wrong"]);
    assert_eq!(code, 1);
    assert!(!v["causes"].as_array().unwrap().is_empty(), "{v}");

    let l = Listening::start(&["--json", "--secret", SECRET]);
    let sig = stripe_header(SECRET, now(), &body);
    let foreign = github_header("other", &body);
    let reply = post(
        l.addr,
        "/webhooks",
        &[
            ("Stripe-Signature", &sig),
            ("X-Hub-Signature-256", &foreign),
        ],
        &body,
    );
    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let line = l.next_json();
    assert_eq!(line["valid"], true, "{line}");
    let bad = stripe_header("whsec_wrong", now(), &body);
    let reply = post(
        l.addr,
        "/webhooks",
        &[
            ("Stripe-Signature", &bad),
            ("X-Hub-Signature-256", &foreign),
        ],
        &body,
    );
    assert_eq!(reply.status, 400);
    let answer = reply.json();
    assert!(
        !answer["causes"].as_array().unwrap().is_empty(),
        "a 400 always lists its cause: {answer}"
    );
}

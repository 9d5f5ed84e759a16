//! SendGrid end to end through the binary: fixtures, batches, hookcli's
//! local test key pair and `hookcli keys`, verify and listen with the
//! verification key, byte-identical generated fixtures, and bad keys.

use crate::common;
use crate::common::listener::{Listening, now, post};
use crate::common::{hookcli, run, run_cmd, test_keys_dir, write_temp};
use serde_json::{Value, json};

const SIG: &str = "X-Twilio-Email-Event-Webhook-Signature";
const TS: &str = "X-Twilio-Email-Event-Webhook-Timestamp";
/// SendGrid's published test key (sendgrid-nodejs eventwebhook.spec.js, MIT).
const SENDGRID_KEY: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";

fn json_of(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn sign_json(args: &[&str]) -> Value {
    let mut all = vec!["sign", "--provider", "sendgrid", "--format", "json"];
    all.extend_from_slice(args);
    let (code, out, err) = run(&all, b"");
    assert_eq!(code, 0, "{err}");
    json_of(&out)
}

fn local_verification_key() -> String {
    let (code, out, err) = run(&["keys", "--provider", "sendgrid", "--json"], b"");
    assert_eq!(code, 0, "{err}");
    json_of(&out)["verification_key"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn the_eleven_event_types_are_fixtures() {
    let (code, out, err) = run(&["fixtures", "list", "--provider", "sendgrid"], b"");
    assert_eq!(code, 0, "{err}");
    let names: Vec<&str> = out
        .lines()
        .map(|l| l.split_whitespace().nth(1).unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "bounce",
            "click",
            "deferred",
            "delivered",
            "dropped",
            "group_resubscribe",
            "group_unsubscribe",
            "open",
            "processed",
            "spamreport",
            "unsubscribe"
        ]
    );
}

#[test]
fn a_signed_event_is_framed_as_sendgrid_frames_it_with_fresh_ids() {
    let a = sign_json(&["bounce", "--timestamp", "1700000000", "--seed", "1"]);
    let body = a["body"].as_str().unwrap();
    assert!(
        body.starts_with("[{\"category\":\"cat facts\",\"email\":"),
        "{body}"
    );
    assert!(body.ends_with("}]\r\n"), "{body:?}");
    assert!(body.contains("\"smtp-id\":\"<"), "{body}");
    assert_eq!(a["event_type"], "bounce");
    assert_eq!(a["headers"][TS], "1700000000");
    assert!(a["headers"][SIG].as_str().unwrap().starts_with("ME"));
    let event: Value = serde_json::from_str::<Value>(body).unwrap()[0].clone();
    assert_eq!(event["timestamp"], 1_700_000_000);
    assert_eq!(event["type"], "bounce");
    assert_eq!(a["event_id"], event["sg_event_id"]);
    let message = event["sg_message_id"].as_str().unwrap();
    let id = message.split('.').next().unwrap();
    assert_eq!(
        event["smtp-id"],
        format!("<{id}@ismtpd0039p1iad1.sendgrid.net>")
    );
    // Another seed, other ids; the local key's verification key comes along.
    let b = sign_json(&["bounce", "--timestamp", "1700000000", "--seed", "2"]);
    assert_ne!(a["event_id"], b["event_id"]);
    assert_eq!(a["verification_key"], local_verification_key().as_str());
}

#[test]
fn several_events_go_in_one_request() {
    let v = sign_json(&[
        "processed",
        "delivered",
        "open",
        "--timestamp",
        "1700000000",
    ]);
    let body = v["body"].as_str().unwrap();
    assert_eq!(body.matches("},\r\n{").count(), 2, "{body:?}");
    let events: Value = serde_json::from_str(body).unwrap();
    let types: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["processed", "delivered", "open"]);
    assert_eq!(v["event_type"], "processed,delivered,open");
    let ids: std::collections::HashSet<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["sg_event_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3);
    // A provider that sends one event per request refuses a batch.
    let (code, _, err) = run(
        &[
            "sign",
            "payment_intent.succeeded",
            "charge.succeeded",
            "--secret",
            "whsec_x",
        ],
        b"",
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("one event per request"), "{err}");
}

#[test]
fn what_hookcli_signs_verifies_with_its_local_key_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let signed = sign_json(&["delivered"]);
    let file = write_temp(dir.path(), "req.json", signed.to_string().as_bytes());
    let file = file.to_str().unwrap();
    // No key given: hookcli's own verification key.
    let (code, out, err) = run(&["verify", "--request", file, "--json"], b"");
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(json_of(&out)["valid"], true);
    // The app configured with SendGrid's key: hookcli's key is named.
    let (code, out, _) = run(
        &[
            "verify",
            "--request",
            file,
            "--secret",
            SENDGRID_KEY,
            "--json",
        ],
        b"",
    );
    assert_eq!(code, 1, "{out}");
    let v = json_of(&out);
    assert_eq!(v["causes"][0]["id"], "wrong_key", "{v}");
    assert_eq!(v["causes"][0]["local_test_key"], true);
    // The human report shows the key's fingerprint instead of a signature.
    let (code, out, _) = run(
        &["verify", "--request", file, "--secret", SENDGRID_KEY],
        b"",
    );
    assert_eq!(code, 1);
    assert!(out.contains("public key fp:"), "{out}");
    assert!(out.contains("[wrong_key]"), "{out}");
}

#[test]
fn keys_prints_the_verification_key_and_keeps_the_private_one_private() {
    let (code, out, err) = run(&["keys"], b"");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("SENDGRID_WEBHOOK_VERIFICATION_KEY=MFkw"),
        "{out}"
    );
    assert!(!out.contains("PRIVATE"), "{out}");
    let path = test_keys_dir().join("ecdsa-p256.pem");
    assert!(out.contains(path.to_str().unwrap()), "{out}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // The verification key of a given private key.
    let pem = std::fs::read_to_string(&path).unwrap();
    let (code, out, err) = run(&["keys", "--secret", &pem, "--json"], b"");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        json_of(&out)["verification_key"],
        local_verification_key().as_str()
    );
    assert_eq!(json_of(&out)["source"], "--secret");
    // A fresh key directory gets a new key, created once.
    let fresh = tempfile::tempdir().unwrap();
    let keys = |dir: &std::path::Path| {
        let (code, out, err) = run_cmd(
            hookcli()
                .env("HOOKCLI_KEYS", dir)
                .args(["keys", "--provider", "sendgrid", "--json"]),
            b"",
        );
        assert_eq!(code, 0, "{err}");
        json_of(&out)
    };
    let first = keys(fresh.path());
    assert_eq!(first["created"], true);
    let second = keys(fresh.path());
    assert_eq!(second["created"], false);
    assert_eq!(first["verification_key"], second["verification_key"]);
    assert_ne!(first["verification_key"], local_verification_key().as_str());
    let (code, _, err) = run(&["keys", "--provider", "stripe"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("shared secret"), "{err}");
}

#[test]
fn bad_keys_are_one_line_with_a_hint_and_exit_2() {
    let cert = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----";
    let cases: [(&[&str], &str); 4] = [
        (
            &[
                "sign",
                "processed",
                "--provider",
                "sendgrid",
                "--secret",
                cert,
            ],
            "CERTIFICATE",
        ),
        (
            &[
                "sign",
                "processed",
                "--provider",
                "sendgrid",
                "--secret",
                SENDGRID_KEY,
            ],
            "private key",
        ),
        (
            &[
                "send",
                "processed",
                "--provider",
                "sendgrid",
                "--secret",
                "bm90IGEga2V5",
                "--dry-run",
            ],
            "not an ECDSA P-256 private key",
        ),
        (
            &[
                "verify",
                "--provider",
                "sendgrid",
                "--secret",
                cert,
                "--body",
                "-",
                "-H",
                "X-Twilio-Email-Event-Webhook-Signature: MEUCIQ==",
                "-H",
                "X-Twilio-Email-Event-Webhook-Timestamp: 1",
            ],
            "not a public key",
        ),
    ];
    for (args, says) in cases {
        let (code, out, err) = run(args, b"[]");
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(err.contains("hint:"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn generated_fixtures_are_byte_identical() {
    let base = tempfile::tempdir().unwrap();
    let generate = |name: &str| {
        let out = base.path().join(name);
        let (code, _, err) = run(
            &[
                "fixtures",
                "generate",
                "--provider",
                "sendgrid",
                "--all",
                "--out",
                out.to_str().unwrap(),
                "--timestamp",
                "1700000000",
                "--seed",
                "7",
            ],
            b"",
        );
        assert_eq!(code, 0, "{err}");
        out
    };
    let (a, b) = (generate("a"), generate("b"));
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(a.join("manifest.json")).unwrap()).unwrap();
    let events = manifest["events"].as_array().unwrap();
    assert_eq!(events.len(), 11);
    assert_eq!(
        events[0]["verification_key"],
        local_verification_key().as_str()
    );
    for event in events {
        for file in ["body.json", "headers.json", "request.http"] {
            let path = format!("{}/{file}", event["name"].as_str().unwrap());
            assert_eq!(
                std::fs::read(a.join(&path)).unwrap(),
                std::fs::read(b.join(&path)).unwrap(),
                "{path}"
            );
        }
    }
}

#[test]
fn a_listener_detects_sendgrid_and_verifies_with_the_local_key() {
    // A listener set up for Stripe: SendGrid is detected by its header.
    let l = Listening::start(&["--json", "--secret", "whsec_for_stripe"]);
    let startup: Value = json_of(&l.first_line);
    let secrets = startup["secrets"].as_array().unwrap();
    assert!(
        secrets
            .iter()
            .any(|s| s["provider"] == "sendgrid" && s["label"] == "hookcli local test key"),
        "{startup}"
    );
    let (code, out, err) = run(
        &[
            "send",
            "processed",
            "bounce",
            "--batch",
            "--provider",
            "sendgrid",
            "--to",
            &l.url("/webhooks"),
            "--json",
        ],
        b"",
    );
    assert_eq!(code, 0, "{out}{err}");
    let line = l.next_json();
    assert_eq!(line["provider"], "sendgrid", "{line}");
    assert_eq!(line["valid"], true, "{line}");
    assert_eq!(line["event_type"], "processed,bounce");
    // Signed with SendGrid's own key (which hookcli cannot hold): invalid,
    // and the request itself is as SendGrid sends it.
    let body = include_bytes!("../data/sendgrid/signed-single-event.body");
    let sig = "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=";
    let t = now().to_string();
    let reply = post(l.addr, "/webhooks", &[(SIG, sig), (TS, &t)], body);
    assert_eq!(
        reply.status,
        400,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let line = l.next_json();
    assert_eq!(line["valid"], false);
    assert_eq!(line["causes"][0]["id"], "wrong_key", "{line}");
}

#[test]
fn a_listener_given_sendgrids_key_verifies_sendgrids_request() {
    let l = Listening::start_env(
        &[
            "--json",
            "--provider",
            "sendgrid",
            "--tolerance",
            "2000000000",
        ],
        &[("SENDGRID_WEBHOOK_VERIFICATION_KEY", SENDGRID_KEY)],
    );
    let body = include_bytes!("../data/sendgrid/signed-single-event.body");
    let sig = "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=";
    let reply = post(l.addr, "/webhooks", &[(SIG, sig), (TS, "1600112502")], body);
    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let line = l.next_json();
    assert_eq!(line["valid"], true, "{line}");
    assert_eq!(line["secret"]["label"], "SENDGRID_WEBHOOK_VERIFICATION_KEY");
    assert_eq!(line["event_type"], "dropped");
    // The same request with its trailing CRLF dropped by a proxy.
    let reply = post(
        l.addr,
        "/webhooks",
        &[(SIG, sig), (TS, "1600112502")],
        body.strip_suffix(b"\r\n").unwrap(),
    );
    assert_eq!(reply.status, 400);
    let line = l.next_json();
    assert_eq!(line["causes"][0]["id"], "body_mutated", "{line}");
    assert_eq!(line["causes"][0]["mutation"], "trailing_newline");
    let _ = json!(null);
}

#[test]
fn replay_signs_a_recorded_request_again_with_the_key_that_signed_it() {
    let l = Listening::start(&["--json", "--provider", "sendgrid", "--tolerance", "100000"]);
    let t = (now() - 1000).to_string();
    let (code, out, err) = run(
        &[
            "send",
            "delivered",
            "--provider",
            "sendgrid",
            "--to",
            &l.url("/webhooks"),
            "--timestamp",
            &t,
        ],
        b"",
    );
    assert_eq!(code, 0, "{out}{err}");
    let line = l.next_json();
    assert_eq!(line["valid"], true, "{line}");
    let id = line["id"].to_string();
    let app = common::listener::App::start(|_| 200);
    let store = l.store();
    let (code, out, err) = run_cmd(
        hookcli()
            .arg("--store")
            .arg(&store)
            .args(["replay", &id, "--to", &app.url(), "--json"]),
        b"",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        json_of(&out)["resigned"]["label"],
        "hookcli local test key",
        "{out}"
    );
    let got = app.next();
    let fresh = got.header(TS).unwrap();
    assert_ne!(fresh, t, "a fresh timestamp");
    // What was replayed verifies with the local key, at its new time.
    let dir = tempfile::tempdir().unwrap();
    let body = write_temp(dir.path(), "body", &got.body);
    let (code, out, err) = run(
        &[
            "verify",
            "--provider",
            "sendgrid",
            "--body",
            body.to_str().unwrap(),
            "-H",
            &format!("{SIG}: {}", got.header(SIG).unwrap()),
            "-H",
            &format!("{TS}: {fresh}"),
        ],
        b"",
    );
    assert_eq!(code, 0, "{out}{err}");
}

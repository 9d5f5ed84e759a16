//! hookcli's SendGrid signatures against SendGrid's official verifiers,
//! both ways: every request hookcli signs verifies with `@sendgrid/eventwebhook`
//! (npm) and `sendgrid` (PyPI, `EventWebhook.verify_signature`) given the
//! verification key hookcli prints; requests signed outside hookcli, with a
//! key pair made by Python `cryptography`, verify in `hookcli verify`; and
//! SendGrid's own signed requests verify in hookcli, and fail when their
//! trailing CRLF is dropped.

use crate::common;
use crate::common::{assert_all_ok, official_jsonl, run, write_temp};
use serde_json::{Value, json};

const SIG: &str = "X-Twilio-Email-Event-Webhook-Signature";
const TS: &str = "X-Twilio-Email-Event-Webhook-Timestamp";

/// `hookcli sign EVENTS --format json` as a verifier input line, keyed with
/// the verification key hookcli printed.
fn signed(events: &[&str], extra: &[&str]) -> Value {
    let mut args = vec!["sign", "--provider", "sendgrid", "--format", "json"];
    args.extend_from_slice(events);
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args, b"");
    assert_eq!(code, 0, "sign {events:?}: {err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    json!({
        "provider": "sendgrid",
        "secret": v["verification_key"],
        "headers": v["headers"],
        "body": v["body"],
    })
}

#[test]
fn every_hookcli_signed_delivery_verifies_with_sendgrids_libraries() {
    let names = crate::signed::names("sendgrid");
    assert_eq!(names.len(), 11);
    let mut inputs: Vec<Value> = names.iter().map(|n| signed(&[n], &[])).collect();
    // All eleven in one POST, as "Test Your Integration" sends them.
    let all: Vec<&str> = names.iter().map(String::as_str).collect();
    inputs.push(signed(&all, &[]));
    // Overrides with text that JSON escapes, a fixed time, another seed.
    inputs.push(signed(
        &["click", "open"],
        &[
            "--set",
            "url=https://example.com/a?b=<c>&d=\"e\"",
            "--set",
            "category=[\"Zoë 😀\",\"x\\\\y\"]",
            "--timestamp",
            "1700000000",
            "--seed",
            "3",
        ],
    ));
    // A private key made outside hookcli, given with --secret.
    let made = official_jsonl(
        "sign.py",
        &[json!({"provider": "sendgrid", "secret": "", "body": "[]"})],
    );
    let private = made[0]["private_key"].as_str().unwrap();
    let mut external = signed(&["delivered"], &["--secret", private]);
    assert_eq!(external["secret"], made[0]["public_key"]);
    external["secret"] = made[0]["public_key"].clone();
    inputs.push(external);
    assert_all_ok(
        "sendgrid (PyPI) EventWebhook.verify_signature",
        &inputs,
        &official_jsonl("verify.py", &inputs),
    );
    assert_all_ok(
        "@sendgrid/eventwebhook (npm) verifySignature",
        &inputs,
        &official_jsonl("verify.mjs", &inputs),
    );
    // And a tampered one is rejected by both: the harness can say no.
    let mut tampered = inputs[0].clone();
    tampered["body"] = json!(
        tampered["body"]
            .as_str()
            .unwrap()
            .replace("example", "exampl3")
    );
    for script in ["verify.py", "verify.mjs"] {
        let answer = &official_jsonl(script, std::slice::from_ref(&tampered))[0];
        assert_eq!(answer["ok"], false, "{script}: {answer}");
    }
}

/// Bodies signed outside hookcli: SendGrid's framing, compact, one event.
const BODIES: &[&str] = &[
    "[{\"email\":\"a@example.com\",\"event\":\"processed\",\"sg_event_id\":\"x1\",\"smtp-id\":\"<m@h>\",\"timestamp\":1700000000},\r\n{\"email\":\"a@example.com\",\"event\":\"delivered\",\"response\":\"250 OK\",\"sg_event_id\":\"x2\",\"timestamp\":1700000001}]\r\n",
    "[{\"event\":\"open\",\"email\":\"zoë@example.com\",\"useragent\":\"Mozilla/5.0 😀\"}]",
    "[]\r\n",
];

#[test]
fn requests_signed_with_a_key_pair_made_by_python_cryptography_verify_in_hookcli() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let inputs: Vec<Value> = BODIES
        .iter()
        .map(|b| json!({"provider": "sendgrid", "secret": "", "body": b, "timestamp": now}))
        .collect();
    let answers = official_jsonl("sign.py", &inputs);
    for (body, answer) in BODIES.iter().zip(&answers) {
        let headers = answer["headers"]
            .as_object()
            .unwrap_or_else(|| panic!("{answer}"));
        let public = answer["public_key"].as_str().unwrap();
        let pem = answer["private_key"].as_str().unwrap();
        let mut args: Vec<String> = [
            "verify",
            "--provider",
            "sendgrid",
            "--body",
            "-",
            "--json",
            "--secret",
            public,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for (name, value) in headers {
            args.push("--header".into());
            args.push(format!("{name}: {}", value.as_str().unwrap()));
        }
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = run(&argv, body.as_bytes());
        assert_eq!(code, 0, "{body:?}: {out} {err}");
        assert_eq!(serde_json::from_str::<Value>(&out).unwrap()["valid"], true);
        // Verifying with the private key instead: named, with its public key.
        let pos = argv.iter().position(|a| *a == public).unwrap();
        let mut wrong = argv.clone();
        wrong[pos] = pem;
        let (code, out, _) = run(&wrong, body.as_bytes());
        assert_eq!(code, 1, "{out}");
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["causes"][0]["kind"], "private_key", "{v}");
        assert_eq!(v["causes"][0]["verification_key"], public);
        assert_eq!(v["causes"][0]["derived_key_verifies"], true);
    }
}

#[test]
fn sendgrids_own_signed_requests_verify_in_hookcli_and_in_its_libraries() {
    let kat: Value = serde_json::from_slice(include_bytes!(
        "../data/sendgrid/signed-event-webhook-kat.json"
    ))
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut lib_inputs = Vec::new();
    for case in kat["cases"].as_array().unwrap() {
        let file = case["body_file"].as_str().unwrap();
        let body = std::fs::read(common::root().join("tests/data/sendgrid").join(file)).unwrap();
        let (key, sig, t) = (
            case["public_key"].as_str().unwrap(),
            case["signature"].as_str().unwrap(),
            case["timestamp"].as_str().unwrap(),
        );
        let verify = |body: &[u8]| {
            let path = write_temp(dir.path(), "body", body);
            let (code, out, err) = run(
                &[
                    "verify",
                    "--provider",
                    "sendgrid",
                    "--secret",
                    key,
                    "--body",
                    path.to_str().unwrap(),
                    "-H",
                    &format!("{SIG}: {sig}"),
                    "-H",
                    &format!("{TS}: {t}"),
                    "--now",
                    t,
                    "--json",
                ],
                b"",
            );
            (
                code,
                serde_json::from_str::<Value>(&out).unwrap_or_else(|_| panic!("{out}{err}")),
            )
        };
        let (code, v) = verify(&body);
        assert_eq!((code, &v["valid"]), (0, &json!(true)), "{file}: {v}");
        let (code, v) = verify(body.strip_suffix(b"\r\n").unwrap());
        assert_eq!(code, 1, "{file}: {v}");
        assert_eq!(v["causes"][0]["mutation"], "trailing_newline", "{v}");
        lib_inputs.push(json!({
            "provider": "sendgrid",
            "secret": key,
            "headers": {SIG: sig, TS: t},
            "body": String::from_utf8(body).unwrap(),
        }));
    }
    assert_all_ok(
        "sendgrid (PyPI) on its own vectors",
        &lib_inputs,
        &official_jsonl("verify.py", &lib_inputs),
    );
    assert_all_ok(
        "@sendgrid/eventwebhook on its own vectors",
        &lib_inputs,
        &official_jsonl("verify.mjs", &lib_inputs),
    );
}

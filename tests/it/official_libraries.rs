//! hookcli against the providers' official libraries, both ways:
//! every request hookcli signs is accepted by the official verifiers, and
//! every header the official signers make is accepted by `hookcli verify`.

use crate::common::{assert_all_ok, official_jsonl, run};
use serde_json::{Value, json};

const STRIPE_SECRET: &str = "whsec_hookcli_cross_check_secret";
const GITHUB_SECRET: &str = "It's a Secret to Everybody";
const STANDARD_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/// `hookcli sign NAME --format json`, as a verifier input line.
fn signed(provider: &str, name: &str, secret: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "sign",
        name,
        "--provider",
        provider,
        "--secret",
        secret,
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args, b"");
    assert_eq!(code, 0, "sign {name}: {err}");
    let signed: Value = serde_json::from_str(&out).unwrap();
    json!({"provider": provider, "secret": secret, "headers": signed["headers"], "body": signed["body"]})
}

#[test]
fn every_builtin_stripe_event_verifies_with_stripe_python_and_node() {
    let names = crate::signed::names("stripe");
    assert!(names.len() >= 275, "only {} Stripe fixtures", names.len());
    let inputs: Vec<Value> = names
        .iter()
        .map(|n| signed("stripe", n, STRIPE_SECRET, &[]))
        .collect();
    assert_all_ok(
        "stripe (PyPI) construct_event",
        &inputs,
        &official_jsonl("verify.py", &inputs),
    );
    assert_all_ok(
        "stripe (npm) constructEvent",
        &inputs,
        &official_jsonl("verify.mjs", &inputs),
    );
}

#[test]
fn stripe_overrides_and_fixed_timestamps_still_verify() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string();
    let inputs = vec![
        signed(
            "stripe",
            "charge.refunded",
            STRIPE_SECRET,
            &[
                "--set",
                "data.object.amount=5000",
                "--set",
                "data.object.metadata.order_id=A-17",
                "--timestamp",
                &now,
                "--seed",
                "9",
            ],
        ),
        signed(
            "stripe",
            "customer.created",
            STRIPE_SECRET,
            &[
                "--set",
                "data.object.name=Zoë “quoted” \\ 😀",
                "--unset",
                "data.object.address",
            ],
        ),
        signed(
            "stripe",
            "invoice.paid",
            "whsec_with spaces and ünïcödé",
            &[],
        ),
    ];
    assert_all_ok(
        "stripe (PyPI)",
        &inputs,
        &official_jsonl("verify.py", &inputs),
    );
    assert_all_ok(
        "stripe (npm)",
        &inputs,
        &official_jsonl("verify.mjs", &inputs),
    );
}

#[test]
fn every_builtin_github_event_verifies_with_octokit() {
    let inputs: Vec<Value> = crate::signed::names("github")
        .iter()
        .map(|n| signed("github", n, GITHUB_SECRET, &[]))
        .collect();
    assert!(inputs.len() >= 5);
    assert_all_ok(
        "@octokit/webhooks-methods verify",
        &inputs,
        &official_jsonl("verify.mjs", &inputs),
    );
}

#[test]
fn every_builtin_standard_event_verifies_with_standardwebhooks() {
    let inputs: Vec<Value> = crate::signed::names("standard")
        .iter()
        .map(|n| signed("standard", n, STANDARD_SECRET, &[]))
        .collect();
    assert!(inputs.len() >= 3);
    assert_all_ok(
        "standardwebhooks (PyPI)",
        &inputs,
        &official_jsonl("verify.py", &inputs),
    );
    assert_all_ok(
        "standardwebhooks (npm)",
        &inputs,
        &official_jsonl("verify.mjs", &inputs),
    );
}

/// Signs bodies with an official library's own helper, then checks each
/// with `hookcli verify --json`.
fn official_signed_verify_in_hookcli(script: &str, provider: &str, secret: &str, bodies: &[&str]) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let inputs: Vec<Value> = bodies
        .iter()
        .enumerate()
        .map(|(i, b)| json!({"provider": provider, "secret": secret, "body": b, "timestamp": now, "id": format!("msg_official_{i}")}))
        .collect();
    let answers = official_jsonl(script, &inputs);
    for (body, answer) in bodies.iter().zip(answers) {
        let headers = answer["headers"]
            .as_object()
            .unwrap_or_else(|| panic!("{script}: {answer}"));
        let mut args = vec![
            "verify".to_string(),
            "--provider".into(),
            provider.into(),
            "--secret".into(),
            secret.into(),
            "--body".into(),
            "-".into(),
            "--json".into(),
        ];
        for (name, value) in headers {
            args.push("--header".into());
            args.push(format!("{name}: {}", value.as_str().unwrap()));
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = run(&args, body.as_bytes());
        assert_eq!(code, 0, "{script} {provider} body {body:?}: {out} {err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["valid"], json!(true), "{out}");
    }
}

const BODIES: &[&str] = &[
    "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"charge.succeeded\"}",
    "{\n  \"id\": \"evt_2\",\n  \"object\": \"event\",\n  \"data\": {\"name\": \"Zoë 😀\"}\n}",
    "{\"text\":\"line1\\nline2\",\"slash\":\"a/b\"}\n",
];

#[test]
fn headers_from_stripe_node_verify_in_hookcli() {
    official_signed_verify_in_hookcli("sign.mjs", "stripe", STRIPE_SECRET, BODIES);
}

#[test]
fn headers_from_stripe_python_verify_in_hookcli() {
    official_signed_verify_in_hookcli("sign.py", "stripe", STRIPE_SECRET, BODIES);
}

#[test]
fn headers_from_octokit_verify_in_hookcli() {
    official_signed_verify_in_hookcli("sign.mjs", "github", GITHUB_SECRET, BODIES);
}

#[test]
fn headers_from_standardwebhooks_verify_in_hookcli() {
    official_signed_verify_in_hookcli("sign.mjs", "standard", STANDARD_SECRET, BODIES);
    official_signed_verify_in_hookcli("sign.py", "standard", STANDARD_SECRET, BODIES);
    // The libraries also take unpadded base64 after whsec_.
    official_signed_verify_in_hookcli("sign.py", "standard", "whsec_test123", BODIES);
}

const TWILIO_TOKEN: &str = "0123456789abcdef0123456789abcdef";
const TWILIO_URL: &str = "https://hooks.example.com:8443/twilio/sms?tenant=acme&q=It%27s+here";

#[test]
fn every_builtin_twilio_callback_verifies_with_twilio_node_and_python() {
    let names = crate::signed::names("twilio");
    assert!(names.len() >= 6, "only {} Twilio fixtures", names.len());
    let mut inputs = Vec::new();
    for name in &names {
        for url in [
            TWILIO_URL,
            "https://example.com/sms",
            "http://127.0.0.1:4242/",
        ] {
            let (code, out, err) = run(
                &[
                    "sign",
                    name,
                    "--provider",
                    "twilio",
                    "--secret",
                    TWILIO_TOKEN,
                    "--to",
                    url,
                    "--format",
                    "json",
                ],
                b"",
            );
            assert_eq!(code, 0, "sign {name}: {err}");
            let s: Value = serde_json::from_str(&out).unwrap();
            // JSON bodies go to (and are signed for) the URL with their hash.
            if name.starts_with("com.twilio.") {
                assert!(s["url"].as_str().unwrap().contains("bodySHA256="), "{s}");
            }
            inputs.push(json!({"provider": "twilio", "secret": TWILIO_TOKEN,
                "headers": s["headers"], "body": s["body"], "url": s["url"]}));
        }
    }
    assert_all_ok(
        "twilio (npm) validateRequest",
        &inputs,
        &official_jsonl("verify.mjs", &inputs),
    );
    assert_all_ok(
        "twilio (PyPI) RequestValidator",
        &inputs,
        &official_jsonl("verify.py", &inputs),
    );
}

#[test]
fn signatures_from_twilio_node_and_python_verify_in_hookcli() {
    let form = "AccountSid=AC123&Body=Caf%C3%A9+%26+cr%C3%A8me%21+%2B1&From=%2B14155550123&MediaUrl0=https%3A%2F%2Fapi.twilio.com%2Fm&Digits=2&Digits=1";
    let json_body = "{\"type\":\"com.twilio.messaging.message.delivered\",\"data\":{\"body\":\"<b>x</b> & y\"}}";
    for script in ["sign.mjs", "sign.py"] {
        let inputs = vec![
            json!({"provider": "twilio", "secret": TWILIO_TOKEN, "body": form, "url": TWILIO_URL}),
            json!({"provider": "twilio", "secret": TWILIO_TOKEN, "body": form, "url": "http://example.com/voice"}),
            json!({"provider": "twilio", "secret": TWILIO_TOKEN, "body": json_body, "url": TWILIO_URL, "json": true}),
        ];
        for (input, answer) in inputs.iter().zip(official_jsonl(script, &inputs)) {
            let url = answer["url"].as_str().or(input["url"].as_str()).unwrap();
            let signature = answer["headers"]["X-Twilio-Signature"]
                .as_str()
                .unwrap_or_else(|| panic!("{script}: {answer}"));
            let body = input["body"].as_str().unwrap();
            let header = format!("X-Twilio-Signature: {signature}");
            let (code, out, err) = run(
                &[
                    "verify",
                    "--provider",
                    "twilio",
                    "--secret",
                    TWILIO_TOKEN,
                    "--url",
                    url,
                    "--header",
                    &header,
                    "--body",
                    "-",
                    "--json",
                ],
                body.as_bytes(),
            );
            assert_eq!(code, 0, "{script} {url}: {out} {err}");
        }
    }
}

//! Square, Discord, Clerk, Resend and Standard Webhooks v1a against their
//! official libraries, both ways: every fixture hookcli signs verifies with
//! `square` (npm) and `squareup` (PyPI), `discord-interactions` (npm and
//! PyPI), `@clerk/backend`'s `verifyWebhook` and `svix` (npm and PyPI);
//! requests those libraries (or, where a library only verifies, PyNaCl and
//! the Python standard library with keys made outside hookcli) sign verify
//! in `hookcli verify`; and a tampered body is rejected by both sides.

use crate::common::{assert_all_ok, official_jsonl, run};
use serde_json::{Value, json};

const WHSEC: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const SQUARE_KEY: &str = "Gd2uY8ctDoUWkLFxxYYBoA";
const MAILGUN_KEY: &str = "4a7d3b8e9f1c2d5e6a7b8c9d0e1f2a3b";
const SQUARE_URL: &str = "https://shop.example.com/webhooks/square?source=hookcli";

/// `hookcli sign` as a verifier input line.
fn signed(provider: &str, event: &str, extra: &[&str]) -> Value {
    let mut args = vec!["sign", "--provider", provider, "--format", "json", event];
    match provider {
        "square" => args.extend(["--secret", SQUARE_KEY, "--url", SQUARE_URL]),
        "clerk" | "resend" => args.extend(["--secret", WHSEC]),
        "mailgun" => args.extend(["--secret", MAILGUN_KEY]),
        _ => {}
    }
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args, b"");
    assert_eq!(code, 0, "sign {provider} {event}: {err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let secret = match provider {
        "square" => json!(SQUARE_KEY),
        "discord" => v["verification_key"].clone(),
        "mailgun" => json!(MAILGUN_KEY),
        _ => json!(WHSEC),
    };
    json!({
        "op": "verify",
        "provider": provider,
        "secret": secret,
        "headers": v["headers"],
        "body": v["body"],
        "url": SQUARE_URL,
    })
}

#[test]
fn every_fixture_hookcli_signs_verifies_with_the_official_libraries() {
    let mut inputs = Vec::new();
    for provider in ["square", "discord", "clerk", "resend"] {
        let names = crate::signed::names(provider);
        assert!(names.len() >= 8, "{provider}: {names:?}");
        for name in &names {
            inputs.push(signed(provider, name, &[]));
        }
        // Text JSON escapes, a fixed time, another seed.
        inputs.push(signed(
            provider,
            &names[0],
            &[
                "--set",
                "note=Zoë 😀 <a href=\"x\">&</a>",
                "--timestamp",
                "1700000000",
                "--seed",
                "7",
            ],
        ));
    }
    // Svix's libraries check the timestamp against the clock.
    let fresh: Vec<Value> = inputs
        .iter()
        .filter(|i| {
            !(matches!(i["provider"].as_str(), Some("clerk" | "resend"))
                && i["body"].as_str().unwrap().contains("Zoë"))
        })
        .cloned()
        .collect();
    assert_all_ok(
        "square/discord-interactions/@clerk/backend/svix (npm)",
        &fresh,
        &official_jsonl("more_providers.mjs", &fresh),
    );
    assert_all_ok(
        "squareup/discord-interactions/svix (PyPI)",
        &fresh,
        &official_jsonl("more_providers.py", &fresh),
    );
    // A changed body is rejected by every library: the harness can say no.
    for provider in ["square", "discord", "clerk", "resend"] {
        let mut tampered = fresh
            .iter()
            .find(|i| i["provider"] == provider)
            .unwrap()
            .clone();
        let body = tampered["body"].as_str().unwrap().replacen(':', ": ", 1);
        tampered["body"] = json!(body);
        for script in ["more_providers.mjs", "more_providers.py"] {
            let answer = &official_jsonl(script, std::slice::from_ref(&tampered))[0];
            assert_eq!(answer["ok"], false, "{provider} {script}: {answer}");
        }
    }
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// `hookcli verify` of a body and headers; (exit code, JSON verdict).
fn verify(
    provider: &str,
    secret: &str,
    headers: &Value,
    body: &str,
    extra: &[&str],
) -> (i32, Value) {
    let mut args: Vec<String> = [
        "verify",
        "--provider",
        provider,
        "--body",
        "-",
        "--json",
        "--secret",
        secret,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (name, value) in headers.as_object().unwrap() {
        args.push("--header".into());
        args.push(format!("{name}: {}", value.as_str().unwrap()));
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = run(&argv, body.as_bytes());
    let v = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{out}{err}"));
    (code, v)
}

const BODIES: &[&str] = &[
    r#"{"type":1}"#,
    r#"{"type":"user.created","object":"event","instance_id":"ins_1","data":{"id":"user_1","name":"Zoë 😀"},"timestamp":1700000000000}"#,
    "{\n  \"type\": \"email.delivered\",\n  \"created_at\": \"2026-01-01T00:00:00.000Z\",\n  \"data\": {}\n}\n",
];

#[test]
fn requests_signed_outside_hookcli_verify_in_hookcli() {
    let t = now();
    let mut lines = Vec::new();
    for body in BODIES {
        for provider in ["discord", "standard-v1a", "clerk", "resend", "square"] {
            lines.push(json!({
                "op": "sign", "provider": provider, "body": body, "timestamp": t,
                "id": "msg_2aKd8cXbZ5vKk3VQ7tG1pL0sNfE", "secret": if provider == "square" { SQUARE_KEY } else { WHSEC },
                "url": SQUARE_URL,
            }));
        }
    }
    let answers = official_jsonl("more_providers.py", &lines);
    for (line, answer) in lines.iter().zip(&answers) {
        let provider = line["provider"].as_str().unwrap();
        let body = line["body"].as_str().unwrap();
        let headers = &answer["headers"];
        assert!(headers.is_object(), "{provider}: {answer}");
        let (id, secret) = match provider {
            "discord" | "standard-v1a" => (
                if provider == "discord" {
                    "discord"
                } else {
                    "standard"
                },
                answer["public_key"].as_str().unwrap().to_string(),
            ),
            "square" => ("square", SQUARE_KEY.to_string()),
            other => (other, WHSEC.to_string()),
        };
        let url: &[&str] = if id == "square" {
            &["--url", SQUARE_URL]
        } else {
            &[]
        };
        let (code, v) = verify(id, &secret, headers, body, url);
        assert_eq!(
            (code, &v["valid"]),
            (0, &json!(true)),
            "{provider} {body}: {v}"
        );
        // One byte more and hookcli says no.
        let (code, v) = verify(id, &secret, headers, &format!("{body} "), url);
        assert_eq!(code, 1, "{provider}: {v}");
        if provider == "discord" || provider == "standard-v1a" {
            // The private key where the public key belongs is named.
            let (code, v) = verify(
                id,
                answer["private_key"].as_str().unwrap(),
                headers,
                body,
                url,
            );
            assert_eq!(code, 1, "{provider}: {v}");
        }
        if provider == "square" {
            // Verified at another URL than Square signed: url_mismatch.
            let (code, v) = verify(
                id,
                &secret,
                headers,
                body,
                &["--url", "https://shop.example.com/webhooks/square"],
            );
            assert_eq!(code, 1, "{v}");
            assert_eq!(v["causes"][0]["id"], "url_mismatch", "{v}");
        }
    }
    // Discord's and Standard Webhooks' v1a signatures made by PyNaCl are
    // also accepted by discord-interactions (the oracle agrees with PyNaCl).
    let discord: Vec<Value> = lines
        .iter()
        .zip(&answers)
        .filter(|(l, _)| l["provider"] == "discord")
        .map(|(l, a)| json!({"op": "verify", "provider": "discord", "secret": a["public_key"], "headers": a["headers"], "body": l["body"]}))
        .collect();
    assert_all_ok(
        "discord-interactions (npm) on PyNaCl's",
        &discord,
        &official_jsonl("more_providers.mjs", &discord),
    );
}

#[test]
fn mailgun_signatures_verify_with_mailgun_python_both_ways() {
    // Every fixture hookcli signs (the block written into the body).
    let names = crate::signed::names("mailgun");
    assert!(names.len() >= 8, "{names:?}");
    let inputs: Vec<Value> = names.iter().map(|n| signed("mailgun", n, &[])).collect();
    for i in &inputs {
        let body: Value = serde_json::from_str(i["body"].as_str().unwrap()).unwrap();
        assert_eq!(
            body["signature"]["token"].as_str().unwrap().len(),
            50,
            "{body}"
        );
    }
    assert_all_ok(
        "mailgun (PyPI) SecurityGuard.verify_webhook",
        &inputs,
        &official_jsonl("more_providers.py", &inputs),
    );
    // Signed by Python with a key hookcli never saw.
    let t = now();
    let made = official_jsonl(
        "more_providers.py",
        &[
            json!({"op": "sign", "provider": "mailgun", "secret": MAILGUN_KEY, "timestamp": t,
                 "id": "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0",
                 "body": r#"{"signature":{},"event-data":{"event":"delivered","id":"x1"}}"#}),
        ],
    );
    let body = made[0]["body"].as_str().unwrap();
    let (code, v) = verify("mailgun", MAILGUN_KEY, &made[0]["headers"], body, &[]);
    assert_eq!((code, &v["valid"]), (0, &json!(true)), "{v}");
    // The event changed: the signature still holds, and hookcli says so.
    let changed = body.replace("delivered", "failed");
    let (code, v) = verify("mailgun", MAILGUN_KEY, &made[0]["headers"], &changed, &[]);
    assert_eq!((code, &v["valid"]), (0, &json!(true)), "{v}");
    assert!(
        v["note"].as_str().unwrap().contains("cannot be detected"),
        "{v}"
    );
    // Another token: no longer valid, by hookcli or by Mailgun's library.
    let forged = body.replace("a8ce0edb", "b8ce0edb");
    let (code, _) = verify("mailgun", MAILGUN_KEY, &made[0]["headers"], &forged, &[]);
    assert_eq!(code, 1);
    let line = json!({"op": "verify", "provider": "mailgun", "secret": MAILGUN_KEY, "headers": {}, "body": forged});
    assert_eq!(official_jsonl("more_providers.py", &[line])[0]["ok"], false);
}

#[test]
fn standard_webhooks_v1a_signed_by_hookcli_verifies_with_a_pynacl_key() {
    // hookcli signs v1a with a whsk_ key made outside it; the whpk_ key
    // verifies, and a header carrying v1 and v1a entries verifies with either key.
    let t = now();
    let made = official_jsonl(
        "more_providers.py",
        &[
            json!({"op": "sign", "provider": "standard-v1a", "body": "{}", "timestamp": t, "id": "msg_1"}),
        ],
    );
    let (whpk, whsk) = (
        made[0]["public_key"].as_str().unwrap(),
        made[0]["private_key"].as_str().unwrap(),
    );
    let sign = |secret: &str| {
        let ts = t.to_string();
        let (code, out, err) = run(
            &[
                "sign",
                "--provider",
                "standard",
                "user.created",
                "--secret",
                secret,
                "--format",
                "json",
                "--timestamp",
                &ts,
                "--seed",
                "1",
            ],
            b"",
        );
        assert_eq!(code, 0, "{err}");
        serde_json::from_str::<Value>(&out).unwrap()
    };
    let v1a = sign(whsk);
    let v1 = sign(WHSEC);
    assert_eq!(v1a["body"], v1["body"]);
    let sig_a = v1a["headers"]["webhook-signature"].as_str().unwrap();
    assert!(sig_a.starts_with("v1a,"), "{sig_a}");
    let sig_1 = v1["headers"]["webhook-signature"].as_str().unwrap();
    let mut both = v1a["headers"].clone();
    both["webhook-signature"] = json!(format!("{sig_1} {sig_a}"));
    let body = v1a["body"].as_str().unwrap();
    for secret in [whpk, WHSEC] {
        let (code, v) = verify("standard", secret, &both, body, &[]);
        assert_eq!((code, &v["valid"]), (0, &json!(true)), "{secret}: {v}");
    }
    let (code, v) = verify("standard", whpk, &v1a["headers"], body, &[]);
    assert_eq!((code, &v["valid"]), (0, &json!(true)), "{v}");
    // The official libraries skip v1a and still verify the v1 entry beside it.
    let line = json!({"op": "verify", "provider": "standard", "secret": WHSEC, "headers": both, "body": body});
    for script in ["more_providers.py", "more_providers.mjs"] {
        assert_all_ok(
            script,
            std::slice::from_ref(&line),
            &official_jsonl(script, std::slice::from_ref(&line)),
        );
    }
}

//! `hookcli listen`: every cause id the diagnosis engine knows, produced by
//! breaking a request that one way, must come back both in the HTTP answer
//! and in the `--json` line; requests signed by the official libraries verify.

use crate::common::listener::*;
use crate::common::official_jsonl;
use serde_json::{Value, json};

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

fn cause_ids(line: &Value) -> Vec<String> {
    line["causes"]
        .as_array()
        .unwrap_or_else(|| panic!("no causes in {line}"))
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

fn cause<'a>(line: &'a Value, id: &str) -> &'a Value {
    line["causes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {line}"))
}

/// Sends a request to a `--json` listener and checks that `expected` is the
/// first (likeliest) cause in the answer, its headers and the `--json` line.
/// Returns the `--json` line.
fn expect_cause(l: &Listening, headers: &[(&str, &str)], body: &[u8], expected: &str) -> Value {
    let reply = post(l.addr, "/webhooks", headers, body);
    let answer = reply.json();
    assert_eq!(reply.status, 400, "{expected}: {answer}");
    assert_eq!(answer["valid"], false, "{expected}: {answer}");
    assert_eq!(answer["verdict"], "invalid");
    assert_eq!(answer["causes"][0], expected, "{answer}");
    assert_eq!(reply.header("Hookcli-Verdict"), Some("invalid"));
    assert!(
        reply
            .header("Hookcli-Causes")
            .unwrap()
            .starts_with(expected),
        "{:?}",
        reply.headers
    );
    let line = l.next_json();
    assert_eq!(line["valid"], false, "{line}");
    assert_eq!(line["status"], 400);
    assert_eq!(line["path"], "/webhooks");
    assert_eq!(line["method"], "POST");
    assert_eq!(cause_ids(&line)[0], expected, "{line}");
    // The answer's cause ids are the --json line's, in the same order.
    let from_answer: Vec<String> = answer["causes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    assert_eq!(from_answer, cause_ids(&line));
    assert_eq!(line["id"], answer["id"], "the store row is the same");
    line
}

fn sig_header(secret: &str, t: i64, body: &[u8]) -> String {
    stripe_header(secret, t, body)
}

fn event() -> Vec<u8> {
    stripe_event(
        "evt_1PqDiag00000000000000001",
        "payment_intent.succeeded",
        "pi_diag_1",
        now(),
    )
}

#[test]
fn header_secret_timestamp_causes_in_answer_and_json() {
    let l = Listening::start(&["--json", "--secret", SECRET]);
    assert!(l.first_line.starts_with('{'), "{}", l.first_line);
    let body = event();
    let t = now();

    // A valid one first: 200 and no causes.
    let sig = sig_header(SECRET, t, &body);
    let reply = post(l.addr, "/webhooks", &[("Stripe-Signature", &sig)], &body);
    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(reply.json()["causes"], json!([]));
    let line = l.next_json();
    assert_eq!(
        (line["valid"].clone(), line["status"].clone()),
        (json!(true), json!(200))
    );
    assert_eq!(line["event_type"], "payment_intent.succeeded");
    assert_eq!(line["secret"]["label"], "--secret");

    // missing_header: no signature header at all.
    let line = expect_cause(&l, &[], &body, "missing_header");
    assert!(
        cause(&line, "missing_header")["header"]
            .as_str()
            .unwrap()
            .contains("Stripe-Signature")
    );

    // malformed_header: a proxy added spaces after the commas.
    let spaced = sig_header(SECRET, t, &body).replace(',', ", ");
    let line = expect_cause(
        &l,
        &[("Stripe-Signature", &spaced)],
        &body,
        "malformed_header",
    );
    assert_eq!(
        cause(&line, "malformed_header")["would_verify_if_fixed"],
        true
    );
    // and plain garbage
    expect_cause(
        &l,
        &[("Stripe-Signature", "not a signature")],
        &body,
        "malformed_header",
    );

    // wrong_secret: someone else's secret signed it.
    let other = sig_header("whsec_someone_elses_secret", t, &body);
    let line = expect_cause(&l, &[("Stripe-Signature", &other)], &body, "wrong_secret");
    assert_eq!(cause(&line, "wrong_secret")["verifying_secret"], "--secret");

    // secret_whitespace: the sender's secret carried a trailing newline.
    let newline = sig_header(&format!("{SECRET}\n"), t, &body);
    let line = expect_cause(
        &l,
        &[("Stripe-Signature", &newline)],
        &body,
        "secret_whitespace",
    );
    assert_eq!(cause(&line, "secret_whitespace")["side"], "signer");

    // timestamp_skew: signed an hour ago.
    let stale = sig_header(SECRET, t - 3600, &body);
    let line = expect_cause(&l, &[("Stripe-Signature", &stale)], &body, "timestamp_skew");
    assert_eq!(cause(&line, "timestamp_skew")["direction"], "past");
    assert_eq!(cause_ids(&line), ["timestamp_skew"]);
}

#[test]
fn verifier_side_whitespace_and_api_key_are_secret_causes() {
    let body = event();
    let t = now();
    let sig = sig_header(SECRET, t, &body);

    // The listener's own secret came from a file with a trailing newline.
    let l = Listening::start_env(
        &["--json"],
        &[("STRIPE_WEBHOOK_SECRET", &format!("{SECRET}\n"))],
    );
    let line = expect_cause(
        &l,
        &[("Stripe-Signature", &sig)],
        &body,
        "secret_whitespace",
    );
    let c = cause(&line, "secret_whitespace");
    assert_eq!(
        (c["side"].as_str(), c["secret"].as_str()),
        (Some("verifier"), Some("STRIPE_WEBHOOK_SECRET"))
    );
    drop(l);

    // An API key where the signing secret belongs.
    let l = Listening::start(&["--json", "--secret", "sk_test_51H8notasigningsecret"]);
    let line = expect_cause(
        &l,
        &[("Stripe-Signature", &sig)],
        &body,
        "secret_wrong_kind",
    );
    assert_eq!(cause(&line, "secret_wrong_kind")["kind"], "api_key");
}

#[test]
fn github_signature_at_a_stripe_only_listener_is_wrong_provider() {
    let l = Listening::start(&["--json", "--provider", "stripe", "--secret", SECRET]);
    let body = br#"{"action":"opened","issue":{"id":1}}"#;
    let sig = github_header(SECRET, body);
    let line = expect_cause(
        &l,
        &[
            ("X-Hub-Signature-256", &sig),
            ("X-GitHub-Event", "issues"),
            ("X-GitHub-Delivery", "d-1"),
        ],
        body,
        "wrong_provider",
    );
    let c = cause(&line, "wrong_provider");
    assert_eq!(
        (c["expected"].as_str(), c["found"].as_str()),
        (Some("stripe"), Some("github"))
    );
    assert_eq!(c["verifies_as_found"], true);
}

#[test]
fn each_body_mutation_is_named() {
    let l = Listening::start(&["--json", "--secret", SECRET]);
    let original = event();
    let text = String::from_utf8(original.clone()).unwrap();
    let sig = sig_header(SECRET, now(), &original);
    let compact = serde_json::to_vec(&serde_json::from_slice::<Value>(&original).unwrap()).unwrap();
    let base64 = {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD
            .encode(&original)
            .into_bytes()
    };
    // UTF-8 read as Latin-1 and written back as UTF-8 ("CafÃ©").
    let mojibake: Vec<u8> = original
        .iter()
        .map(|&b| char::from(b))
        .collect::<String>()
        .into_bytes();
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (compact, "reserialized_json"),
        ([original.as_slice(), b"\n"].concat(), "trailing_newline"),
        (text.replace('\n', "\r\n").into_bytes(), "line_endings"),
        ([b"\xef\xbb\xbf".as_slice(), &original].concat(), "bom"),
        (base64, "base64"),
        (mojibake, "charset"),
    ];
    for (body, mutation) in cases {
        let line = expect_cause(&l, &[("Stripe-Signature", &sig)], &body, "body_mutated");
        let c = cause(&line, "body_mutated");
        assert_eq!(c["mutation"], mutation, "{line}");
        assert_eq!(c["confidence"], "certain", "{line}");
        assert_eq!(cause_ids(&line), ["body_mutated"], "{mutation}");
    }
}

#[test]
fn a_body_changed_after_hookcli_signed_it_is_shown_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("events.db");
    // hookcli sign records what it signed in the store the listener uses.
    let (code, out, err) = with_store(
        &store,
        &[
            "sign",
            "payment_intent.succeeded",
            "--secret",
            SECRET,
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let signed: Value = serde_json::from_str(&out).unwrap();
    let body = signed["body"].as_str().unwrap();
    let sig = signed["headers"]["Stripe-Signature"].as_str().unwrap();
    // A middleware changed the amount: no canonical variant explains it.
    let mut event: Value = serde_json::from_str(body).unwrap();
    let amount = event["data"]["object"]["amount"].as_i64().unwrap();
    event["data"]["object"]["amount"] = json!(amount + 1);
    let changed = serde_json::to_string_pretty(&event).unwrap();
    assert_ne!(changed, body);

    let l = Listening::at(&store, &["--json", "--secret", SECRET]);
    let line = expect_cause(
        &l,
        &[("Stripe-Signature", sig)],
        changed.as_bytes(),
        "body_mutated",
    );
    let c = cause(&line, "body_mutated");
    assert_eq!(c["mutation"], "unknown", "{line}");
    assert_eq!(c["confidence"], "certain", "{line}");
    let offset = c["offset"].as_u64().unwrap() as usize;
    let first_difference = body
        .bytes()
        .zip(changed.bytes())
        .position(|(a, b)| a != b)
        .unwrap();
    assert_eq!(offset, first_difference);
    assert!(
        c["received_excerpt"]
            .as_str()
            .unwrap()
            .contains(&(amount + 1).to_string())
    );
    assert!(
        c["original_excerpt"]
            .as_str()
            .unwrap()
            .contains(&amount.to_string())
    );
}

#[test]
fn diagnose_prints_the_full_diagnosis_and_signature_diff() {
    let l = Listening::start(&["--diagnose", "--secret", SECRET]);
    assert!(
        l.first_line.starts_with("listening on http://127.0.0.1:"),
        "{}",
        l.first_line
    );
    let body = event();
    let sig = sig_header(SECRET, now(), &body);
    let reply = post(
        l.addr,
        "/webhooks",
        &[("Stripe-Signature", &sig)],
        &[body.as_slice(), b"\n"].concat(),
    );
    assert_eq!(reply.status, 400);
    let mut text = String::new();
    while !text.contains("signature (stripe") {
        text.push_str(&l.next_line());
        text.push('\n');
    }
    assert!(text.contains("INVALID (body_mutated)"), "{text}");
    assert!(text.contains("[body_mutated] A trailing newline"), "{text}");
    assert!(text.contains("mutation: trailing_newline"), "{text}");
    assert!(!text.contains(SECRET), "{text}");
}

#[test]
fn requests_signed_by_the_official_libraries_verify() {
    let l = Listening::start(&["--json", "--secret", SECRET]);
    let body = String::from_utf8(event()).unwrap();
    let t = now();
    let inputs = [json!({"provider": "stripe", "secret": SECRET, "body": body, "timestamp": t})];
    let mut signed = official_jsonl("sign.py", &inputs);
    let node_inputs = [
        json!({"provider": "stripe", "secret": SECRET, "body": body, "timestamp": t}),
        json!({"provider": "github", "secret": SECRET, "body": body}),
        json!({"provider": "standard", "secret": SECRET, "body": body, "timestamp": t, "id": "msg_official_1"}),
    ];
    signed.extend(official_jsonl("sign.mjs", &node_inputs));
    let expected = ["stripe", "stripe", "github", "standard"];
    for (answer, provider) in signed.iter().zip(expected) {
        let headers: Vec<(String, String)> = answer["headers"]
            .as_object()
            .unwrap_or_else(|| panic!("{answer}"))
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect();
        let mut refs: Vec<(&str, &str)> = headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        if provider == "github" {
            refs.push(("X-GitHub-Event", "payment_intent"));
        }
        let reply = post(l.addr, "/webhooks", &refs, body.as_bytes());
        assert_eq!(
            reply.status,
            200,
            "{provider}: {}",
            String::from_utf8_lossy(&reply.body)
        );
        let line = l.next_json();
        assert_eq!(line["valid"], true, "{line}");
        assert_eq!(line["provider"], provider);
        assert_eq!(line["causes"], json!([]));
    }
}

/// X-Twilio-Signature computed here, independently of hookcli: HMAC-SHA1
/// over the URL and the sorted decoded parameters, base64.
fn twilio_signature(token: &str, url: &str, body: &[u8]) -> String {
    use base64::Engine;
    use hmac::{KeyInit, Mac};
    let mut params: Vec<(String, String)> = form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    params.sort();
    let mut mac = <hmac::Hmac<sha1::Sha1> as KeyInit>::new_from_slice(token.as_bytes()).unwrap();
    mac.update(url.as_bytes());
    for (k, v) in params {
        mac.update(k.as_bytes());
        mac.update(v.as_bytes());
    }
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

#[test]
fn twilio_requests_are_judged_at_the_url_they_were_sent_to() {
    let token = "0123456789abcdef0123456789abcdef";
    let body = b"MessageSid=SM1&Body=Hello+there%21&From=%2B14155550123&To=%2B14155550100";
    // Behind a tunnel: Twilio called https://abc.ngrok.app/sms; the tunnel
    // says so in X-Forwarded-*, and the listener rebuilds that URL.
    let l = Listening::start(&["--secret", token, "--json"]);
    let sig = twilio_signature(token, "https://abc.ngrok.app/sms", body);
    let forwarded = [
        ("X-Twilio-Signature", sig.as_str()),
        ("X-Forwarded-Proto", "https"),
        ("X-Forwarded-Host", "abc.ngrok.app"),
        ("Content-Type", "application/x-www-form-urlencoded"),
    ];
    let reply = post(l.addr, "/sms", &forwarded, body);
    assert_eq!(reply.status, 200, "{}", reply.json());
    let line = l.next_json();
    assert_eq!(line["provider"], "twilio");
    assert_eq!(line["event_type"], "message.received");
    // The tunnel dropped X-Forwarded-Proto: the URL that verifies is named.
    let reply = post(
        l.addr,
        "/sms",
        &[forwarded[0], forwarded[2], forwarded[3]],
        body,
    );
    assert_eq!(reply.status, 400);
    let line = l.next_json();
    let m = cause(&line, "url_mismatch");
    assert_eq!(m["signed_url"], "https://abc.ngrok.app/sms", "{line}");
    assert_eq!(m["confidence"], "certain");

    // --url pins the URL on file.
    let l = Listening::start(&[
        "--secret",
        token,
        "--json",
        "--url",
        "https://abc.ngrok.app/sms",
    ]);
    let reply = post(l.addr, "/sms", &[forwarded[0]], body);
    assert_eq!(reply.status, 200, "{}", reply.json());
}

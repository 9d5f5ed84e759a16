//! Each finding, produced by breaking a correctly signed request in that one way.

use super::*;
use crate::provider::{GITHUB, STANDARD, STRIPE, SignInput, hmac_sha256, sign};
use crate::request::Headers;

const NOW: i64 = 1_700_000_000;
/// The URL requests are sent to, for the schemes that sign it.
const URL: &str = "https://example.com/webhooks";
const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/// A Stripe-like event as Stripe sends it: pretty JSON, 2-space indent.
fn stripe_body() -> Vec<u8> {
    let event = serde_json::json!({
        "id": "evt_1NpZ5d2eZvKYlo2C0ZJ3x5Wq",
        "object": "event",
        "api_version": "2023-10-16",
        "created": NOW,
        "data": {"object": {
            "id": "pi_3NpZ5c2eZvKYlo2C1c9Y0nXq",
            "object": "payment_intent",
            "amount": 2000,
            "currency": "eur",
            "description": "Café crème – Zürich",
            "metadata": {},
            "payment_method_types": ["card"],
            "receipt_url": "https://pay.stripe.com/receipts/acct_1/ch_1",
        }},
        "livemode": false,
        "pending_webhooks": 1,
        "request": {"id": null, "idempotency_key": null},
        "type": "payment_intent.succeeded",
    });
    serde_json::to_vec_pretty(&event).unwrap()
}

fn signed(provider: Provider, secret: &str, body: &[u8], timestamp: i64) -> Request {
    let input = SignInput {
        body,
        timestamp,
        id: "msg_2LwVbFkd0dGCaG7Rj9aGxEexy4o",
        event_type: "payment_intent.succeeded",
        url: Some(URL),
    };
    // Mailgun's signature goes into the body.
    let sealed = crate::provider::Signer::new(provider, &Secret::new(secret, "signer"))
        .unwrap()
        .seal(&input)
        .unwrap();
    let body = sealed.as_deref().unwrap_or(body);
    let input = SignInput { body, ..input };
    Request {
        url: Some(URL.to_string()),
        ..Request::post(
            sign(provider, &Secret::new(secret, "signer"), &input).unwrap(),
            body.to_vec(),
        )
    }
}

fn stripe_signed(body: &[u8]) -> Request {
    signed(STRIPE, SECRET, body, NOW)
}

fn run(request: &Request, secrets: &[Secret], provider: Option<Provider>) -> Diagnosis {
    let ctx = Context {
        secrets,
        provider,
        now: NOW,
        tolerance: 300,
        original_body: None,
        candidates: None,
    };
    diagnose(request, &ctx)
}

fn env_secret(value: &str) -> Vec<Secret> {
    vec![Secret::new(value, "STRIPE_WEBHOOK_SECRET")]
}

fn ids(d: &Diagnosis) -> Vec<&'static str> {
    d.causes.iter().map(Cause::id).collect()
}

/// The JSON of the first cause with `id`.
fn detail(d: &Diagnosis, id: &str) -> Value {
    d.causes
        .iter()
        .find(|c| c.id() == id)
        .unwrap_or_else(|| panic!("no {id} in {:?}", ids(d)))
        .to_json()
}

fn mutated(body: Vec<u8>) -> Diagnosis {
    let mut request = stripe_signed(&stripe_body());
    request.body = body;
    run(&request, &env_secret(SECRET), None)
}

#[test]
fn valid_request_has_no_causes() {
    // With a signed time in the body too, for the schemes that keep it there (Linear).
    let mut body: Value = serde_json::from_slice(&stripe_body()).unwrap();
    body["webhookTimestamp"] = json!(NOW * 1000);
    let body = serde_json::to_vec_pretty(&body).unwrap();
    for &p in Provider::ALL {
        let (signing, verifying) =
            crate::provider::keypair::test_secrets(p.spec().algorithm, SECRET);
        let d = run(
            &signed(p, &signing, &body, NOW),
            &env_secret(&verifying),
            None,
        );
        assert!(d.valid, "{p}: {:?}", d.causes);
        assert!(d.causes.is_empty());
        // Clerk's and Resend's Svix headers with a body not theirs are
        // Standard Webhooks'.
        let general = p.scheme().refines().and_then(|id| id.parse().ok());
        assert_eq!(d.provider, general.or(Some(p)));
        assert!(d.diff.expected[0].matches);
    }
}

#[test]
fn compacted_by_a_json_parser_is_reserialized_json() {
    // express.json() then JSON.stringify(req.body).
    let value: Value = serde_json::from_slice(&stripe_body()).unwrap();
    let d = mutated(serde_json::to_vec(&value).unwrap());
    assert!(!d.valid);
    assert_eq!(ids(&d), ["body_mutated"]);
    let j = detail(&d, "body_mutated");
    assert_eq!(j["mutation"], "reserialized_json");
    assert_eq!(j["confidence"], "certain");
    assert_eq!(j["offset"], 1);
    assert_eq!(j["received_excerpt"], "{\"id\":\"evt_1NpZ5d2eZvKYl");
    assert_eq!(j["original_excerpt"], "{\\n  \"id\": \"evt_1NpZ5d2eZ");
    let detail = j["detail"].as_str().unwrap();
    assert!(
        detail.contains("2-space indent but arrived as compact JSON"),
        "{detail}"
    );
}

#[test]
fn python_json_dumps_is_reserialized_json() {
    let value: Value = serde_json::from_slice(&stripe_body()).unwrap();
    let mut body = Vec::new();
    let json = Json::parse(&serde_json::to_vec(&value).unwrap()).unwrap();
    for (id, _, bytes) in json.forms() {
        if id == "python" {
            body = bytes;
        }
    }
    assert!(String::from_utf8_lossy(&body).contains("Caf\\u00e9"));
    let d = mutated(body);
    assert_eq!(detail(&d, "body_mutated")["mutation"], "reserialized_json");
}

#[test]
fn byte_level_mutations_are_named() {
    let original = stripe_body();
    let crlf = String::from_utf8(original.clone())
        .unwrap()
        .replace('\n', "\r\n")
        .into_bytes();
    let bom = [b"\xef\xbb\xbf".as_slice(), &original].concat();
    let base64 = {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD
            .encode(&original)
            .into_bytes()
    };
    let mojibake: Vec<u8> = original
        .iter()
        .map(|&b| char::from(b))
        .collect::<String>()
        .into_bytes();
    let cases = [
        ([original.as_slice(), b"\n"].concat(), "trailing_newline"),
        (crlf, "line_endings"),
        (bom, "bom"),
        (base64, "base64"),
        (mojibake, "charset"),
    ];
    for (body, mutation) in cases {
        let d = mutated(body);
        assert_eq!(ids(&d), ["body_mutated"], "{mutation}");
        assert_eq!(detail(&d, "body_mutated")["mutation"], mutation);
    }
}

#[test]
fn bom_excerpt_shows_the_bom() {
    let original = stripe_body();
    let d = mutated([b"\xef\xbb\xbf".as_slice(), &original].concat());
    let j = detail(&d, "body_mutated");
    assert_eq!(j["offset"], 0);
    assert!(
        j["received_excerpt"]
            .as_str()
            .unwrap()
            .starts_with("<BOM>{\\n")
    );
}

#[test]
fn live_secret_against_test_secret_is_wrong_secret_certain() {
    let request = stripe_signed(&stripe_body());
    let secrets = [
        Secret::new("whsec_test_0000000000000000000000", "STRIPE_WEBHOOK_SECRET"),
        Secret::new(SECRET, "STRIPE_WEBHOOK_SECRET_LIVE"),
    ];
    let d = run(&request, &secrets, None);
    assert_eq!(ids(&d), ["wrong_secret"]);
    let j = detail(&d, "wrong_secret");
    assert_eq!(j["matched_secret"], "STRIPE_WEBHOOK_SECRET_LIVE");
    assert_eq!(j["confidence"], "certain");
}

#[test]
fn newline_in_configured_secret_is_secret_whitespace() {
    let d = run(
        &stripe_signed(&stripe_body()),
        &env_secret(&format!("{SECRET}\n")),
        None,
    );
    assert_eq!(ids(&d), ["secret_whitespace"]);
    let j = detail(&d, "secret_whitespace");
    assert_eq!(
        (j["where"].as_str(), j["side"].as_str()),
        (Some("trailing"), Some("verifier"))
    );
}

#[test]
fn newline_in_signers_secret_is_secret_whitespace_signer_side() {
    let request = signed(STRIPE, &format!("{SECRET}\n"), &stripe_body(), NOW);
    let d = run(&request, &env_secret(SECRET), None);
    assert_eq!(ids(&d), ["secret_whitespace"]);
    assert_eq!(detail(&d, "secret_whitespace")["side"], "signer");
}

#[test]
fn whitespace_secret_and_reserialized_body_are_both_found() {
    let value: Value = serde_json::from_slice(&stripe_body()).unwrap();
    let mut request = stripe_signed(&stripe_body());
    request.body = serde_json::to_vec(&value).unwrap();
    let d = run(&request, &env_secret(&format!("  {SECRET}\r\n")), None);
    assert_eq!(ids(&d), ["secret_whitespace", "body_mutated"]);
    assert_eq!(detail(&d, "secret_whitespace")["where"], "both");
}

#[test]
fn api_key_is_secret_wrong_kind_even_when_nothing_matches() {
    let d = run(
        &stripe_signed(&stripe_body()),
        &env_secret("sk_test_51H8abcdefghijklmnop"),
        None,
    );
    assert_eq!(ids(&d), ["secret_wrong_kind"]);
    assert_eq!(detail(&d, "secret_wrong_kind")["kind"], "api_key");
}

#[test]
fn key_derivation_mix_ups_are_secret_wrong_kind() {
    // A Stripe-style request signed with the base64-decoded key.
    let key = STANDARD.scheme().key_bytes(SECRET).unwrap();
    let sig = hex::encode(hmac_sha256(&key, &[format!("{NOW}.").as_bytes(), b"{}"]));
    let request = Request {
        headers: [("Stripe-Signature", format!("t={NOW},v1={sig}"))]
            .into_iter()
            .collect(),
        body: b"{}".to_vec(),
        ..Request::default()
    };
    let d = run(&request, &env_secret(SECRET), None);
    assert_eq!(
        detail(&d, "secret_wrong_kind")["kind"],
        "standard_webhooks_secret_used_raw"
    );

    // A Standard Webhooks request keyed with the whole string.
    let sig = crate::provider::Encoding::Base64.to_text(&hmac_sha256(
        SECRET.as_bytes(),
        &[format!("msg_1.{NOW}.").as_bytes(), b"{}"],
    ));
    let request = Request {
        headers: [
            ("webhook-id", "msg_1".to_string()),
            ("webhook-timestamp", NOW.to_string()),
            ("webhook-signature", format!("v1,{sig}")),
        ]
        .into_iter()
        .collect(),
        body: b"{}".to_vec(),
        ..Request::default()
    };
    let d = run(&request, &env_secret(SECRET), None);
    assert_eq!(ids(&d), ["secret_wrong_kind"]);
    assert_eq!(
        detail(&d, "secret_wrong_kind")["kind"],
        "raw_secret_used_as_standard_webhooks"
    );

    let d = run(&request, &env_secret("whsec_not base64!"), None);
    assert_eq!(detail(&d, "secret_wrong_kind")["kind"], "not_base64");
}

#[test]
fn stale_and_future_timestamps_are_skew() {
    let stale = signed(STRIPE, SECRET, &stripe_body(), NOW - 3600);
    let d = run(&stale, &env_secret(SECRET), None);
    assert_eq!(ids(&d), ["timestamp_skew"]);
    let j = detail(&d, "timestamp_skew");
    assert_eq!(
        (j["age_seconds"].as_i64(), j["direction"].as_str()),
        (Some(3600), Some("past"))
    );

    let future = signed(STANDARD, SECRET, &stripe_body(), NOW + 600);
    let d = run(&future, &env_secret(SECRET), None);
    let j = detail(&d, "timestamp_skew");
    assert_eq!(
        (j["age_seconds"].as_i64(), j["direction"].as_str()),
        (Some(-600), Some("future"))
    );
}

#[test]
fn candidate_secret_with_stale_timestamp_gives_both() {
    let request = signed(STRIPE, SECRET, &stripe_body(), NOW - 3600);
    let secrets = [
        Secret::new("whsec_other", "--secret #1"),
        Secret::new(SECRET, "--secret #2"),
    ];
    let d = run(&request, &secrets, None);
    assert_eq!(ids(&d), ["wrong_secret", "timestamp_skew"]);
}

#[test]
fn github_header_under_provider_stripe_is_wrong_provider() {
    let request = signed(GITHUB, SECRET, &stripe_body(), NOW);
    let d = run(&request, &env_secret(SECRET), Some(STRIPE));
    assert_eq!(ids(&d), ["wrong_provider"]);
    let j = detail(&d, "wrong_provider");
    assert_eq!(
        (j["expected"].as_str(), j["found"].as_str()),
        (Some("stripe"), Some("github"))
    );
    assert_eq!(j["verifies_as_found"], true);
}

#[test]
fn missing_header_names_the_provider_or_all_known() {
    let request = Request {
        headers: [("Content-Type", "application/json")].into_iter().collect(),
        body: stripe_body(),
        ..Request::default()
    };
    let d = run(&request, &env_secret(SECRET), Some(STRIPE));
    assert_eq!(detail(&d, "missing_header")["header"], "Stripe-Signature");
    let d = run(&request, &env_secret(SECRET), None);
    // Every provider's header, in registry order, once each (Clerk and
    // Resend share Svix's), as one list.
    let mut all: Vec<&str> = Vec::new();
    for h in Provider::ALL.iter().map(|p| p.signature_header()) {
        if !all.contains(&h) {
            all.push(h);
        }
    }
    let (last, init) = all.split_last().unwrap();
    assert_eq!(
        detail(&d, "missing_header")["header"],
        format!("{} or {last}", init.join(", "))
    );
    assert!(init.starts_with(&["Stripe-Signature", "X-Hub-Signature-256"]));
}

#[test]
fn stripe_header_with_spaces_is_malformed_but_would_verify() {
    let mut request = stripe_signed(&stripe_body());
    let value = request
        .headers
        .get("Stripe-Signature")
        .unwrap()
        .replace(',', ", ");
    request.headers = [("Stripe-Signature", value)]
        .into_iter()
        .collect::<Headers>();
    let d = run(&request, &env_secret(SECRET), None);
    assert!(!d.valid);
    assert_eq!(ids(&d), ["malformed_header"]);
    assert_eq!(
        detail(&d, "malformed_header")["would_verify_if_fixed"],
        true
    );
}

#[test]
fn nothing_matching_an_intact_stripe_body_blames_the_secret_first() {
    let d = run(
        &stripe_signed(&stripe_body()),
        &env_secret("whsec_someone_elses"),
        None,
    );
    assert_eq!(ids(&d), ["wrong_secret", "body_mutated"]);
    let secret = detail(&d, "wrong_secret");
    assert_eq!(
        (secret["confidence"].as_str(), &secret["matched_secret"]),
        (Some("likely"), &Value::Null)
    );
    assert!(!secret["ruled_out"].as_array().unwrap().is_empty());
    let body = detail(&d, "body_mutated");
    assert_eq!(
        (body["mutation"].as_str(), body["confidence"].as_str()),
        (Some("unknown"), Some("possible"))
    );
    // Ruled out: the guesses at its end, by HMAC; the rest by its layout,
    // which is Stripe's own (no re-encoding could have produced it).
    let ruled_out: Vec<&str> = body["ruled_out"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(
        ruled_out.iter().any(|r| r.contains("trailing")),
        "{ruled_out:?}"
    );
    assert!(
        ruled_out
            .last()
            .unwrap()
            .contains("byte for byte stripe's own serialization"),
        "{ruled_out:?}"
    );
}

#[test]
fn a_reformatted_body_gets_every_guess() {
    let value: Value = serde_json::from_slice(&stripe_body()).unwrap();
    let mut request = stripe_signed(&stripe_body());
    request.body = serde_json::to_vec(&value).unwrap();
    let d = run(&request, &env_secret("whsec_someone_elses"), None);
    let body = detail(&d, "body_mutated");
    assert_eq!(body["confidence"], "likely");
    let ruled_out = body["ruled_out"].as_array().unwrap();
    assert!(ruled_out.len() > 5, "{ruled_out:?}");
    let first_json = ruled_out
        .iter()
        .find(|r| r.as_str().unwrap().starts_with("JSON"))
        .unwrap();
    assert_eq!(
        first_json, "JSON re-serialized as pretty2",
        "Stripe's own form is tried first among the JSON forms: {ruled_out:?}"
    );
}

#[test]
fn nothing_matching_a_reformatted_body_blames_the_body_first() {
    let mut request = stripe_signed(&stripe_body());
    request.body = br#"{"id": "evt_1", "object": "event"}"#.to_vec();
    let d = run(&request, &env_secret(SECRET), None);
    assert_eq!(ids(&d), ["body_mutated", "wrong_secret"]);
    assert_eq!(detail(&d, "body_mutated")["confidence"], "likely");
}

#[test]
fn known_original_gives_offset_even_when_nothing_matches() {
    let original = stripe_body();
    let mut request = stripe_signed(&original);
    request.body = String::from_utf8(original.clone())
        .unwrap()
        .replace("2000", "1")
        .into_bytes();
    let secrets = env_secret(SECRET);
    let ctx = Context {
        secrets: &secrets,
        provider: None,
        now: NOW,
        tolerance: 300,
        original_body: Some(&original),
        candidates: None,
    };
    let d = diagnose(&request, &ctx);
    assert_eq!(
        ids(&d),
        ["body_mutated"],
        "the original reproduces with the secret"
    );
    let j = detail(&d, "body_mutated");
    assert_eq!(j["mutation"], "unknown");
    assert_eq!(j["offset"], 240);
    assert_eq!(j["received_excerpt"], "mount\": 1,\\n      \"curren");
    assert_eq!(j["original_excerpt"], "mount\": 2000,\\n      \"cur");
}

#[test]
fn report_and_json_never_show_a_secret_value() {
    let secrets = [
        Secret::new("whsec_topsecretvalue\n", "STRIPE_WEBHOOK_SECRET"),
        Secret::new("sk_live_topsecretkey", "STRIPE_WEBHOOK_SECRET_LIVE"),
        Secret::new(SECRET, "--secret"),
    ];
    let requests = [
        stripe_signed(&stripe_body()),
        signed(STRIPE, "whsec_unknown", b"{}", NOW - 9999),
    ];
    for request in &requests {
        let d = run(request, &secrets, None);
        let shown = format!("{}{}", render(&d), d.to_json());
        for s in &secrets {
            assert!(!shown.contains(s.expose().trim()), "{shown}");
        }
        assert!(!shown.contains("topsecret"), "{shown}");
    }
}

#[test]
fn report_is_compact_and_readable() {
    let mut request = signed(STRIPE, SECRET, &stripe_body(), NOW - 3600);
    request.body.push(b'\n');
    let secrets = [
        Secret::new("whsec_other", "STRIPE_WEBHOOK_SECRET"),
        Secret::new(SECRET, "--secret #2"),
    ];
    let text = render(&run(&request, &secrets, None));
    let fp = |s: &Secret| s.fingerprint();
    let expected = format!(
        "invalid: the stripe signature does not verify (3 findings)

[wrong_secret] The request was signed with the secret from --secret #2, not STRIPE_WEBHOOK_SECRET: verify with that secret (test and live mode, each endpoint and `stripe listen` have their own).
    matched secret: --secret #2
    verifying secret: STRIPE_WEBHOOK_SECRET
    confidence: certain

[body_mutated] A trailing newline was added after signing: verify the exact bytes received, read in binary mode.
    mutation: trailing_newline
    confidence: certain
    offset: {len}
    received excerpt: eeded\"\\n}}\\n
    original excerpt: eeded\"\\n}}

[timestamp_skew] The timestamp is about 1 hour (3600 s) old (tolerance 300 s): this is a replay or a delayed delivery; re-send a fresh event, and check the clock.
    age seconds: 3600
    tolerance: 300
    direction: past

signature (stripe, t={t})
  received                             {received}
  STRIPE_WEBHOOK_SECRET (fp:{fp0})  {sig0}  differs
  --secret #2 (fp:{fp1})            {sig1}  differs
  signed payload ({plen} bytes): {t}.{{\\n  \"id\": \"evt_1NpZ5d2eZvKYlo2C0ZJ3x5Wq\",\\n  \"object\":…
",
        len = request.body.len() - 1,
        t = NOW - 3600,
        received = run(&request, &secrets, None).diff.received[0],
        fp0 = fp(&secrets[0]),
        fp1 = fp(&secrets[1]),
        sig0 = run(&request, &secrets, None).diff.expected[0].signature.clone().unwrap().unwrap(),
        sig1 = run(&request, &secrets, None).diff.expected[1].signature.clone().unwrap().unwrap(),
        plen = request.body.len() + 11,
    );
    assert_eq!(text, expected);
}

#[test]
fn untrusted_header_text_is_escaped_in_the_report() {
    let request = Request {
        headers: [("Stripe-Signature", "t=1\u{1b}[2J,v1=\u{202e}aa")]
            .into_iter()
            .collect(),
        body: b"{}".to_vec(),
        ..Request::default()
    };
    let text = render(&run(&request, &env_secret(SECRET), None));
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text}"
    );
}

/// A Twilio callback signed for `signed_url`, received at `received_url`.
fn twilio_at(signed_url: &str, received_url: &str, headers: &[(&str, &str)]) -> Request {
    let body = b"MessageSid=SM1&Body=Hi+there%21&From=%2B14155550123".to_vec();
    let input = SignInput {
        body: &body,
        timestamp: NOW,
        id: "idem-1",
        event_type: "message.received",
        url: Some(signed_url),
    };
    let mut request = Request::post(
        sign(
            crate::provider::TWILIO,
            &Secret::new("12345", "signer"),
            &input,
        )
        .unwrap(),
        body,
    );
    for (name, value) in headers {
        request.headers.push(*name, *value);
    }
    request.url = Some(received_url.to_string());
    request
}

#[test]
fn a_url_rebuilt_behind_a_proxy_is_named_with_the_url_that_verifies() {
    let secret = [Secret::new("12345", "TWILIO_AUTH_TOKEN")];
    // TLS ended at the tunnel: the app sees http.
    let r = twilio_at("https://abc.ngrok.app/sms", "http://abc.ngrok.app/sms", &[]);
    let d = run(&r, &secret, None);
    assert_eq!(ids(&d), ["url_mismatch"]);
    let m = detail(&d, "url_mismatch");
    assert_eq!(m["signed_url"], "https://abc.ngrok.app/sms");
    assert_eq!(m["confidence"], "certain");
    // The app rebuilt the URL from its own address, not the public host.
    let r = twilio_at(
        "https://abc.ngrok.app/sms",
        "http://127.0.0.1:4242/sms",
        &[("X-Forwarded-Host", "abc.ngrok.app")],
    );
    let d = run(&r, &secret, None);
    assert_eq!(
        detail(&d, "url_mismatch")["signed_url"],
        "https://abc.ngrok.app/sms"
    );
    // The port variants Twilio's own validators accept are no mismatch.
    let r = twilio_at("https://x.com:443/sms", "https://x.com/sms", &[]);
    assert!(run(&r, &secret, None).valid);
}

#[test]
fn an_unknown_url_is_the_likeliest_cause_for_a_url_signing_scheme() {
    let secret = [Secret::new("12345", "TWILIO_AUTH_TOKEN")];
    let r = twilio_at(
        "https://hooks.example.com/a",
        "http://127.0.0.1:4242/b",
        &[],
    );
    let d = run(&r, &secret, None);
    assert_eq!(ids(&d)[0], "url_mismatch");
    assert_eq!(detail(&d, "url_mismatch")["confidence"], "likely");
    for cause in &d.causes[1..] {
        assert_ne!(cause.to_json()["confidence"], "likely", "{cause:?}");
    }
    let mut no_url = r.clone();
    no_url.url = None;
    assert_eq!(ids(&run(&no_url, &secret, None)), ["url_unknown"]);
}

#[test]
fn a_json_body_changed_after_signing_is_a_body_hash_mismatch() {
    let secret = [Secret::new("12345", "TWILIO_AUTH_TOKEN")];
    let body = br#"{"type": "com.twilio.x", "data": {"a": 1}}"#;
    let url = crate::provider::TWILIO
        .scheme()
        .delivery_url("https://x.com/e", body, BodyForm::JsonCompact)
        .unwrap();
    let input = SignInput {
        body,
        timestamp: NOW,
        id: "idem-1",
        event_type: "com.twilio.x",
        url: Some(&url),
    };
    let headers = sign(crate::provider::TWILIO, &Secret::new("12345", "s"), &input).unwrap();
    // Re-serialized compactly by a JSON middleware.
    let mut r = Request::post(
        headers.clone(),
        br#"{"type":"com.twilio.x","data":{"a":1}}"#.to_vec(),
    );
    r.url = Some(url.clone());
    let d = run(&r, &secret, None);
    assert!(!d.valid);
    assert!(
        ids(&d).contains(&"body_hash_mismatch")
            || detail(&d, "body_mutated")["confidence"] == "certain",
        "{:?}",
        ids(&d)
    );
    // Validated as a form, without the hash parameter in the URL.
    let mut r = Request::post(headers, body.to_vec());
    r.url = Some("https://x.com/e".to_string());
    let d = run(&r, &secret, None);
    assert_eq!(ids(&d), ["url_mismatch"]);
    assert_eq!(detail(&d, "url_mismatch")["signed_url"], url.as_str());
}

#[test]
fn a_raw_signed_form_body_re_encoded_by_a_parser_is_form_reencoded() {
    // GitHub signs the raw body, and sends `payload=` forms when so configured.
    let sent = b"payload=%7B%22zen%22%3A%22Keep%20it%20logically%20awesome.%22%7D";
    let request = signed(GITHUB, SECRET, sent, NOW);
    let reencoded = Request {
        body: b"payload=%7B%22zen%22%3A%22Keep+it+logically+awesome.%22%7D".to_vec(),
        ..request
    };
    let d = run(&reencoded, &env_secret(SECRET), None);
    assert_eq!(ids(&d), ["body_mutated"]);
    let m = detail(&d, "body_mutated");
    assert_eq!(m["mutation"], "form_reencoded");
    assert_eq!(m["confidence"], "certain");
}

#[test]
fn a_stripe_body_with_sorted_keys_is_put_back_in_stripes_order_and_proven() {
    // `json.dumps(obj, indent=2, sort_keys=True)`: Stripe's own layout,
    // the keys sorted; the signature holds once id and object lead again.
    let body = stripe_body();
    let mut sorted: Value = serde_json::from_slice(&body).unwrap();
    sorted.sort_all_objects();
    let mut request = stripe_signed(&body);
    request.body = serde_json::to_vec_pretty(&sorted).unwrap();
    let d = run(&request, &env_secret(SECRET), None);
    assert_eq!(ids(&d), ["body_mutated"]);
    let found = detail(&d, "body_mutated");
    assert_eq!(found["mutation"], "reserialized_json");
    assert_eq!(found["confidence"], "certain");
    assert!(
        found["detail"]
            .as_str()
            .unwrap()
            .contains("keys were sorted"),
        "{found}"
    );
}

#[test]
fn a_reencoded_body_that_cannot_be_put_back_ranks_above_the_secret() {
    // Node's JSON.stringify: compact, and a large integer rounded.
    let value =
        serde_json::json!({"id": "evt_1", "object": "event", "n": 1_234_567_890_123_456_789_u64});
    let body = serde_json::to_vec_pretty(&value).unwrap();
    let mut request = stripe_signed(&body);
    request.body = br#"{"id":"evt_1","object":"event","n":1234567890123456800}"#.to_vec();
    let d = run(&request, &env_secret(SECRET), None);
    assert_eq!(ids(&d), ["body_mutated", "wrong_secret"]);
    assert_eq!(detail(&d, "body_mutated")["mutation"], "reserialized_json");
    assert_eq!(detail(&d, "body_mutated")["confidence"], "likely");
    assert_eq!(detail(&d, "wrong_secret")["confidence"], "possible");
}

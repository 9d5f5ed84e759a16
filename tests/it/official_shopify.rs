//! hookcli's Shopify signatures against Shopify's official validator, both
//! ways: every topic hookcli signs passes `@shopify/shopify-api`'s
//! `shopify.webhooks.validate` (HMAC and required headers); requests signed
//! outside hookcli (node:crypto, over Shopify-escaped bodies) and the known
//! answer of shopify-app-js's own tests verify in `hookcli verify`; the same
//! bodies parsed and re-serialized (as `JSON.stringify(req.body)` does) are
//! named as such.

use crate::common;
use crate::common::{assert_all_ok, official_jsonl, run, write_temp};
use serde_json::{Value, json};

const HMAC: &str = "X-Shopify-Hmac-Sha256";
const SECRET: &str = "hookcli_shopify_client_secret_0123";

/// `hookcli sign TOPIC --format json` as a validator input line.
fn signed(topic: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "sign",
        "--provider",
        "shopify",
        "--secret",
        SECRET,
        "--format",
        "json",
        topic,
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args, b"");
    assert_eq!(code, 0, "sign {topic}: {err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    json!({"op": "verify", "secret": SECRET, "headers": v["headers"], "body": v["body"]})
}

#[test]
fn every_topic_hookcli_signs_passes_shopifys_validator() {
    let topics = crate::signed::names("shopify");
    assert!(topics.len() >= 30, "{}", topics.len());
    for required in ["customers/data_request", "customers/redact", "shop/redact"] {
        assert!(topics.iter().any(|t| t == required), "{required}");
    }
    let mut inputs: Vec<Value> = topics.iter().map(|t| signed(t, &[])).collect();
    inputs.push(signed(
        "products/update",
        &[
            "--set",
            "body_html=<p>Zoë & \"friends\" / 😀</p>",
            "--set",
            "vendor=Barnes & Noble",
            "--seed",
            "9",
        ],
    ));
    let answers = official_jsonl("shopify.mjs", &inputs);
    assert_all_ok("@shopify/shopify-api webhooks.validate", &inputs, &answers);
    for (input, answer) in inputs.iter().zip(&answers) {
        let topic = input["headers"]["X-Shopify-Topic"].as_str().unwrap();
        let want = topic.to_ascii_uppercase().replace(['/', '.'], "_");
        assert_eq!(answer["topic"], json!(want), "{answer}");
    }
    // Bodies are Shopify's own serialization: compact, escaped, big ids.
    let order = inputs[topics.iter().position(|t| t == "orders/create").unwrap()]["body"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(order.contains(r#""admin_graphql_api_id":"gid:\/\/shopify\/Order\/"#));
    let id = serde_json::from_str::<Value>(&order).unwrap()["id"]
        .as_u64()
        .unwrap();
    assert!(id > 1 << 53, "{id}");
    let html = inputs.last().unwrap()["body"].as_str().unwrap();
    assert!(
        html.contains(r#"\u003cp\u003eZoë \u0026 \"friends\" \/ 😀\u003c\/p\u003e"#),
        "{html}"
    );
    // The validator can say no: a changed body, and missing headers.
    let mut tampered = inputs[0].clone();
    tampered["body"] = json!(format!("{} ", tampered["body"].as_str().unwrap()));
    let mut bare = inputs[0].clone();
    bare["headers"] = json!({HMAC: inputs[0]["headers"][HMAC]});
    let answers = official_jsonl("shopify.mjs", &[tampered, bare]);
    assert_eq!(answers[0]["error"], "invalid_hmac", "{}", answers[0]);
    assert_eq!(answers[1]["error"], "missing_headers", "{}", answers[1]);
}

fn verify(secret: &str, hmac: &str, body: &[u8]) -> (i32, Value) {
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(dir.path(), "body.json", body);
    let (code, out, err) = run(
        &[
            "verify",
            "--provider",
            "shopify",
            "--secret",
            secret,
            "--body",
            path.to_str().unwrap(),
            "-H",
            &format!("{HMAC}: {hmac}"),
            "-H",
            "X-Shopify-Topic: orders/create",
            "--json",
        ],
        b"",
    );
    let v = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{out}{err}"));
    (code, v)
}

#[test]
fn requests_signed_outside_hookcli_verify_and_a_reserialized_body_is_named() {
    // The known answer of shopify-app-js (validate.test.ts, MIT).
    let kat: Value = serde_json::from_slice(
        &std::fs::read(common::root().join("tests/data/shopify/webhook-hmac-kat.json")).unwrap(),
    )
    .unwrap();
    let (code, v) = verify(
        kat["secret"].as_str().unwrap(),
        kat["expected_hmac_base64"].as_str().unwrap(),
        kat["raw_body"].as_str().unwrap().as_bytes(),
    );
    assert_eq!((code, &v["valid"]), (0, &json!(true)), "{v}");

    let bodies = [
        r#"{"id":820982911946154508,"admin_graphql_api_id":"gid:\/\/shopify\/Order\/820982911946154508","note":"Barnes \u0026 Noble \u003cb\u003e","total_price":"199.00"}"#,
        r#"{"id":603851970716743426,"title":"Café ☕","body_html":"\u003cp\u003eok\u003c\/p\u003e"}"#,
    ];
    let inputs: Vec<Value> = bodies
        .iter()
        .map(|b| json!({"op": "sign", "secret": SECRET, "body": b}))
        .collect();
    let answers = official_jsonl("shopify.mjs", &inputs);
    for (body, answer) in bodies.iter().zip(&answers) {
        let hmac = answer["hmac"].as_str().unwrap();
        let (code, v) = verify(SECRET, hmac, body.as_bytes());
        assert_eq!((code, &v["valid"]), (0, &json!(true)), "{body}: {v}");
        // What an app sees after express.json() and JSON.stringify: the
        // escapes gone (the ids survive here, as serde_json keeps them).
        let plain = serde_json::to_vec(&serde_json::from_str::<Value>(body).unwrap()).unwrap();
        let (code, v) = verify(SECRET, hmac, &plain);
        assert_eq!(code, 1, "{v}");
        let cause = &v["causes"][0];
        assert_eq!(cause["id"], "body_mutated", "{v}");
        assert_eq!(cause["mutation"], "reserialized_json", "{v}");
        assert!(
            cause["detail"].as_str().unwrap().contains("Shopify's JSON"),
            "{v}"
        );
        // A hex digest where Shopify sends base64: read, and said.
        let hex_hmac = hex::encode(
            base64::Engine::decode(&base64::engine::general_purpose::STANDARD, hmac).unwrap(),
        );
        let (code, v) = verify(SECRET, &hex_hmac, body.as_bytes());
        assert_eq!(code, 1, "{v}");
        assert_eq!(v["causes"][0]["id"], "malformed_header", "{v}");
        assert_eq!(v["causes"][0]["would_verify_if_fixed"], true, "{v}");
        assert!(
            v["causes"][0]["reason"]
                .as_str()
                .unwrap()
                .contains("base64")
        );
    }
    // An access token given as the secret is named.
    let (code, v) = verify(
        "shpat_0123456789abcdef0123456789abcdef",
        answers[0]["hmac"].as_str().unwrap(),
        bodies[0].as_bytes(),
    );
    assert_eq!(code, 1);
    assert!(
        v["causes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "access_token"),
        "{v}"
    );
}

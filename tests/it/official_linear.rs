//! hookcli's Linear signatures against Linear's official verifier,
//! `@linear/sdk`'s `LinearWebhookClient.verify` (npm): every built-in
//! Linear event hookcli signs verifies there, with its signed time
//! (`webhookTimestamp`, milliseconds, inside the body) within the SDK's
//! 60 s; the SDK and hookcli both refuse a body signed 61 s ago. Linear
//! publishes no signer, so requests signed outside hookcli are made with
//! Node's crypto as Linear's docs describe (hex HMAC-SHA256 of the raw body).

use crate::common;
use crate::common::{assert_all_ok, official_jsonl};
use crate::signed::{assert_all_rejected, names, now, signed, tampered, verify};
use serde_json::{Value, json};

const SECRET: &str = "lin_wh_hookcliCrossCheckSecret0123456789abcdef";

#[test]
fn every_hookcli_signed_linear_event_verifies_with_linear_sdk() {
    let names = names("linear");
    assert!(names.len() >= 8, "{names:?}");
    let mut inputs: Vec<Value> = names
        .iter()
        .map(|n| signed("linear", n, SECRET, &[]))
        .collect();
    inputs.push(signed(
        "linear",
        "comment.create",
        SECRET,
        &["--set", "data.body=Zoë \"q\" 😀 <&>\\n", "--seed", "4"],
    ));
    for i in &inputs {
        let body: Value = serde_json::from_str(i["body"].as_str().unwrap()).unwrap();
        let ms = body["webhookTimestamp"].as_i64().unwrap();
        assert_eq!(i["headers"]["Linear-Timestamp"], json!(ms.to_string()));
    }
    assert_all_ok(
        "@linear/sdk (npm) LinearWebhookClient.verify",
        &inputs,
        &official_jsonl("linear_official.mjs", &inputs),
    );
    let bad = [tampered(&inputs[0])];
    assert_all_rejected("@linear/sdk", &official_jsonl("linear_official.mjs", &bad));
    // Signed 61 s ago: the SDK refuses it, and so does hookcli, by default.
    let old = (now() - 61).to_string();
    let stale = signed("linear", "issue.create", SECRET, &["--timestamp", &old]);
    assert_all_rejected(
        "@linear/sdk (stale)",
        &official_jsonl("linear_official.mjs", std::slice::from_ref(&stale)),
    );
    let sig = stale["headers"]["Linear-Signature"].as_str().unwrap();
    let (code, v) = verify(
        "linear",
        SECRET,
        &[("Linear-Signature", sig)],
        stale["body"].as_str().unwrap(),
        &[],
    );
    assert_eq!(code, 1, "{v}");
    let skew = v["causes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "timestamp_skew")
        .unwrap();
    assert_eq!(skew["tolerance"], json!(60), "{v}");
}

#[test]
fn requests_signed_with_node_crypto_verify_in_hookcli() {
    let ms = now() * 1000;
    let bodies = [
        format!(
            r#"{{"action":"create","type":"Issue","data":{{"title":"Zoë 😀"}},"webhookTimestamp":{ms}}}"#
        ),
        format!(
            "{{\n  \"action\": \"remove\",\n  \"type\": \"Comment\",\n  \"webhookTimestamp\": {}\n}}\n",
            ms - 5000
        ),
    ];
    for body in &bodies {
        let script = "const c=require('crypto');let b='';process.stdin.on('data',d=>b+=d).on('end',()=>process.stdout.write(c.createHmac('sha256',process.argv[1]).update(b).digest('hex')))";
        let mut cmd = std::process::Command::new("node");
        cmd.args(["-e", script, SECRET]);
        let (code, sig, err) = common::run_cmd(&mut cmd, body.as_bytes());
        assert_eq!(code, 0, "{err}");
        let (code, v) = verify(
            "linear",
            SECRET,
            &[("Linear-Signature", sig.as_str())],
            body,
            &[],
        );
        assert_eq!((code, &v["valid"]), (0, &json!(true)), "{body}: {v}");
    }
}

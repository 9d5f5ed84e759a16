//! hookcli's Razorpay signatures against Razorpay's official SDKs, both
//! ways: every built-in Razorpay event hookcli signs verifies with
//! `razorpay` (npm, `validateWebhookSignature`) and `razorpay` (PyPI,
//! `utility.verify_webhook_signature`). Neither SDK signs, so requests
//! signed outside hookcli are made with Python's hmac as Razorpay's docs
//! describe (hex HMAC-SHA256 of the raw body) and verify in hookcli; the
//! docs' own `JSON.stringify(payload)` re-serialization is diagnosed.

use crate::common;
use crate::common::{assert_all_ok, official_jsonl};
use crate::signed::{assert_all_rejected, names, signed, tampered, verify};
use serde_json::{Value, json};

const SECRET: &str = "hookcli Razorpay cross-check secret";

#[test]
fn every_hookcli_signed_razorpay_event_verifies_with_razorpays_sdks() {
    let names = names("razorpay");
    assert!(names.len() >= 10, "{names:?}");
    let mut inputs: Vec<Value> = names
        .iter()
        .map(|n| signed("razorpay", n, SECRET, &[]))
        .collect();
    inputs.push(signed(
        "razorpay",
        "payment.captured",
        SECRET,
        &[
            "--set",
            "payload.payment.entity.description=Zoë ₹ 😀 \"q\"",
            "--seed",
            "2",
        ],
    ));
    assert_all_ok(
        "razorpay (npm) validateWebhookSignature",
        &inputs,
        &official_jsonl("razorpay_official.mjs", &inputs),
    );
    assert_all_ok(
        "razorpay (PyPI) verify_webhook_signature",
        &inputs,
        &official_jsonl("razorpay_official.py", &inputs),
    );
    let bad = [tampered(&inputs[0])];
    assert_all_rejected(
        "razorpay (npm)",
        &official_jsonl("razorpay_official.mjs", &bad),
    );
    assert_all_rejected(
        "razorpay (PyPI)",
        &official_jsonl("razorpay_official.py", &bad),
    );
}

#[test]
fn requests_signed_with_python_hmac_verify_and_a_reserialized_body_is_diagnosed() {
    let body = r#"{"entity":"event","account_id":"acc_1","event":"payment.captured","contains":["payment"],"payload":{"payment":{"entity":{"id":"pay_1","notes":{"name":"Zoë"}}}},"created_at":1700000000}"#;
    let mut cmd = std::process::Command::new(common::official_python());
    cmd.args([
        "-c",
        "import hmac,hashlib,sys; print(hmac.new(sys.argv[1].encode(), sys.stdin.buffer.read(), hashlib.sha256).hexdigest(), end='')",
        SECRET,
    ]);
    let (code, sig, err) = common::run_cmd(&mut cmd, body.as_bytes());
    assert_eq!(code, 0, "{err}");
    let h = [("X-Razorpay-Signature", sig.as_str())];
    let (code, v) = verify("razorpay", SECRET, &h, body, &[]);
    assert_eq!((code, &v["valid"]), (0, &json!(true)), "{v}");
    // What an app verifies when it follows the docs' pattern of handing the
    // verifier its parsed body written out again (`JSON.stringify(req.body)`
    // in Node; here Python's `json.dumps(request.json)`): not the bytes signed.
    let mut cmd = std::process::Command::new(common::official_python());
    cmd.args([
        "-c",
        "import json,sys; print(json.dumps(json.load(sys.stdin)), end='')",
    ]);
    let (_, reserialized, _) = common::run_cmd(&mut cmd, body.as_bytes());
    let (code, v) = verify("razorpay", SECRET, &h, &reserialized, &[]);
    assert_eq!(code, 1);
    let cause = &v["causes"][0];
    assert_eq!(cause["id"], "body_mutated", "{v}");
    assert_eq!(cause["mutation"], "reserialized_json", "{v}");
    assert_eq!(cause["confidence"], "certain", "{v}");
}

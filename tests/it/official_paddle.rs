//! hookcli's Paddle Billing signatures against Paddle's official SDKs,
//! both ways: every built-in Paddle event hookcli signs verifies with
//! `@paddle/paddle-node-sdk` (`webhooks.unmarshal`) and
//! `paddle-python-sdk` (`Verifier.verify`); signatures made with the
//! Python SDK's own HMAC helper verify in `hookcli verify`; and the SDKs'
//! 5-second window is hookcli's default for Paddle.

use crate::common::{assert_all_ok, official_jsonl};
use crate::signed::{assert_all_rejected, names, now, signed, tampered, verify};
use serde_json::{Value, json};

const SECRET: &str = "pdl_ntfset_01hv8x2af1c4fjk2q4v5kh3j6b_hookcliCrossCheckSecret0000";

#[test]
fn every_hookcli_signed_paddle_event_verifies_with_paddles_sdks() {
    let names = names("paddle");
    assert!(names.len() >= 10, "{names:?}");
    // Signed a few seconds ahead: the SDKs hold a delivery to 5 s against
    // their own clock, and this run's processes take time to start. The
    // Node SDK refuses only the past; Python's window is checked below.
    let ahead = (now() + 3).to_string();
    let mut inputs: Vec<Value> = names
        .iter()
        .map(|n| signed("paddle", n, SECRET, &["--timestamp", &ahead]))
        .collect();
    inputs.push(signed(
        "paddle",
        "customer.created",
        SECRET,
        &[
            "--set",
            "data.name=Zoë \"Q\" 😀 <&>",
            "--timestamp",
            &ahead,
            "--seed",
            "9",
        ],
    ));
    assert_all_ok(
        "@paddle/paddle-node-sdk (npm) webhooks.unmarshal",
        &inputs,
        &official_jsonl("paddle_official.mjs", &inputs),
    );
    let py: Vec<Value> = inputs
        .iter()
        .map(|i| {
            let mut i = i.clone();
            i["drift"] = json!(false);
            i
        })
        .collect();
    assert_all_ok(
        "paddle-python-sdk (PyPI) Verifier.verify",
        &py,
        &official_jsonl("paddle_official.py", &py),
    );
    // With its time check on, just signed: accepted.
    let fresh = signed(
        "paddle",
        "transaction.completed",
        SECRET,
        &["--timestamp", &(now() + 2).to_string()],
    );
    assert_all_ok(
        "paddle-python-sdk (PyPI) Verifier.verify with its 5 s window",
        std::slice::from_ref(&fresh),
        &official_jsonl("paddle_official.py", std::slice::from_ref(&fresh)),
    );
    let bad = [tampered(&inputs[0])];
    assert_all_rejected(
        "@paddle/paddle-node-sdk",
        &official_jsonl("paddle_official.mjs", &bad),
    );
    assert_all_rejected(
        "paddle-python-sdk",
        &official_jsonl("paddle_official.py", &bad),
    );
    // Ten seconds old: past the window for both SDKs and for hookcli.
    let old = signed(
        "paddle",
        "transaction.completed",
        SECRET,
        &["--timestamp", &(now() - 10).to_string()],
    );
    let old = std::slice::from_ref(&old);
    assert_all_rejected(
        "@paddle/paddle-node-sdk (stale)",
        &official_jsonl("paddle_official.mjs", old),
    );
    assert_all_rejected(
        "paddle-python-sdk (stale)",
        &official_jsonl("paddle_official.py", old),
    );
}

#[test]
fn signatures_made_with_paddles_python_helper_verify_in_hookcli() {
    let t = 1_700_000_000;
    let bodies = [
        r#"{"event_id":"evt_01","event_type":"transaction.completed","occurred_at":"2024-04-12T10:18:49.621022Z","notification_id":"ntf_01","data":{"id":"txn_01"}}"#,
        "{\n  \"event_type\": \"customer.created\",\n  \"data\": {\"name\": \"Zoë 😀\"}\n}\n",
    ];
    let inputs: Vec<Value> = bodies
        .iter()
        .map(|b| json!({"op": "sign", "secret": SECRET, "timestamp": t, "body": b}))
        .collect();
    let answers = official_jsonl("paddle_official.py", &inputs);
    for (body, answer) in bodies.iter().zip(&answers) {
        let sig = answer["signature"]
            .as_str()
            .unwrap_or_else(|| panic!("{answer}"));
        let h = [("Paddle-Signature", sig)];
        let (code, v) = verify("paddle", SECRET, &h, body, &["--now", "1700000005"]);
        assert_eq!((code, &v["valid"]), (0, &json!(true)), "{body}: {v}");
        // Paddle's default window is 5 s, and hookcli says so.
        let (code, v) = verify("paddle", SECRET, &h, body, &["--now", "1700000006"]);
        assert_eq!(code, 1, "{v}");
        let skew = v["causes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "timestamp_skew")
            .unwrap();
        assert_eq!(skew["tolerance"], json!(5), "{v}");
        // A window chosen on the command line wins.
        let (code, _) = verify(
            "paddle",
            SECRET,
            &h,
            body,
            &["--now", "1700000006", "--tolerance", "300"],
        );
        assert_eq!(code, 0);
    }
}

//! Zoom has no standalone official verifier (its SDK verifies inside its
//! HTTP receivers), so hookcli's Zoom scheme is held to known answers and
//! to the real JavaScript engine: the SDK (and zoom/webhook-sample) signs
//! `v0:${ts}:${JSON.stringify(JSON.parse(body))}`, so for every built-in
//! Zoom event the body hookcli sends is byte for byte what Node's
//! `JSON.stringify(JSON.parse(body))` gives, and the signature hookcli
//! sends is the one Node's crypto computes over that, as the sample does.

use crate::common::run_cmd;
use crate::signed::{names, signed, verify};
use serde_json::{Value, json};

const SECRET: &str = "4kPeBJ6gSGmhxaRuEPHsYg";

/// Zoom's sample verification, in Node: `v0=` + hex HMAC-SHA256 of
/// `v0:${ts}:${JSON.stringify(JSON.parse(body))}`, and the re-serialized body.
fn node_zoom(inputs: &[(String, String)]) -> Vec<(String, String)> {
    let script = r#"
const c = require('crypto');
let s = '';
process.stdin.on('data', d => s += d).on('end', () => {
  const out = JSON.parse(s).map(([ts, body]) => {
    const again = JSON.stringify(JSON.parse(body));
    const sig = 'v0=' + c.createHmac('sha256', process.argv[1]).update(`v0:${ts}:${again}`).digest('hex');
    return [sig, again];
  });
  process.stdout.write(JSON.stringify(out));
});"#;
    let mut cmd = std::process::Command::new("node");
    cmd.args(["-e", script, SECRET]);
    let (code, out, err) = run_cmd(&mut cmd, serde_json::to_string(inputs).unwrap().as_bytes());
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn every_zoom_body_is_in_json_stringify_form_and_signed_as_zooms_sample_checks() {
    let names = names("zoom");
    assert!(names.len() >= 8, "{names:?}");
    assert!(names.iter().any(|n| n == "endpoint.url_validation"));
    let mut signed_events: Vec<Value> = names
        .iter()
        .map(|n| signed("zoom", n, SECRET, &[]))
        .collect();
    signed_events.push(signed(
        "zoom",
        "meeting.started",
        SECRET,
        &[
            "--set",
            "payload.object.topic=Zoë \"q\" 😀 </script>\\u2028",
            "--set",
            "payload.object.duration=1.5e3",
        ],
    ));
    let inputs: Vec<(String, String)> = signed_events
        .iter()
        .map(|s| {
            (
                s["headers"]["x-zm-request-timestamp"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                s["body"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for ((sent, node), (_, body)) in signed_events.iter().zip(node_zoom(&inputs)).zip(&inputs) {
        assert_eq!(&node.1, body, "not JSON.stringify's form");
        assert_eq!(sent["headers"]["x-zm-signature"], json!(node.0), "{body}");
    }
}

#[test]
fn a_body_reformatted_after_signing_still_verifies_as_zooms_sdk_would() {
    // Signed by Zoom's sample over the compact form; received pretty-printed
    // and with a float written differently: the SDK re-serializes, so it
    // passes there, and in hookcli.
    let compact = r#"{"event":"meeting.ended","payload":{"account_id":"A1","object":{"id":85746065432,"duration":60}},"event_ts":1700000000000}"#;
    let received = "{\n  \"event\": \"meeting.ended\",\n  \"payload\": {\"account_id\": \"A1\", \"object\": {\"id\": 85746065432, \"duration\": 60.0}},\n  \"event_ts\": 1700000000000\n}\n";
    let sig = node_zoom(&[("1700000000".into(), compact.into())])
        .remove(0)
        .0;
    let h = [
        ("x-zm-signature", sig.as_str()),
        ("x-zm-request-timestamp", "1700000000"),
    ];
    let (code, v) = verify("zoom", SECRET, &h, received, &["--now", "1700000000"]);
    assert_eq!((code, &v["valid"]), (0, &json!(true)), "{v}");
    // A changed value does not.
    let (code, _) = verify(
        "zoom",
        SECRET,
        &h,
        &compact.replace("60", "61"),
        &["--now", "1700000000"],
    );
    assert_eq!(code, 1);
}

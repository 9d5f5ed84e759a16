//! hookcli's Slack signatures against Slack's official verifiers, both
//! ways: every built-in Slack delivery (Events API JSON, slash-command and
//! interactivity forms) that hookcli signs verifies with `slack-sdk`
//! (PyPI, `SignatureVerifier.is_valid_request`) and `@slack/bolt` (npm,
//! `verifySlackRequest`); signatures made by slack-sdk's
//! `generate_signature` verify in `hookcli verify`; Slack's published
//! example verifies in all three.

use crate::common::{assert_all_ok, official_jsonl};
use crate::signed::{assert_all_rejected, names, now, signed, tampered, verify};
use serde_json::{Value, json};

const SECRET: &str = "8f742231b10e8888abcd99yyyzzz85a5";

fn check_both(what: &str, inputs: &[Value]) {
    assert_all_ok(
        &format!("slack-sdk (PyPI) {what}"),
        inputs,
        &official_jsonl("slack_official.py", inputs),
    );
    assert_all_ok(
        &format!("@slack/bolt (npm) {what}"),
        inputs,
        &official_jsonl("slack_official.mjs", inputs),
    );
}

#[test]
fn every_hookcli_signed_slack_delivery_verifies_with_slacks_libraries() {
    let names = names("slack");
    assert!(names.len() >= 12, "{names:?}");
    for form in ["slash_command", "block_actions", "view_submission"] {
        assert!(names.iter().any(|n| n == form), "{form}");
    }
    let mut inputs: Vec<Value> = names
        .iter()
        .map(|n| signed("slack", n, SECRET, &[]))
        .collect();
    inputs.push(signed(
        "slack",
        "app_mention",
        SECRET,
        &["--set", "event.text=Zoë & <@U1> 😀 \"q\"", "--seed", "7"],
    ));
    inputs.push(signed(
        "slack",
        "slash_command",
        SECRET,
        &["--set", "text=a+b c&d=é"],
    ));
    // The form bodies really are forms, and interactivity's JSON is in `payload`.
    let form = inputs
        .iter()
        .find(|i| i["body"].as_str().unwrap().starts_with("payload="))
        .unwrap();
    assert_eq!(
        form["headers"]["Content-Type"],
        "application/x-www-form-urlencoded"
    );
    check_both("verifies hookcli's signature", &inputs);
    let bad: Vec<Value> = inputs.iter().take(3).map(tampered).collect();
    assert_all_rejected("slack-sdk", &official_jsonl("slack_official.py", &bad));
    assert_all_rejected("@slack/bolt", &official_jsonl("slack_official.mjs", &bad));
}

#[test]
fn slacks_published_example_verifies_everywhere_and_stales_after_five_minutes() {
    let body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    let sig = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    let headers = json!({"X-Slack-Signature": sig, "X-Slack-Request-Timestamp": "1531420618"});
    let input = json!({"secret": SECRET, "headers": headers, "body": body, "now": 1531420618});
    check_both("Slack's example", std::slice::from_ref(&input));
    let h = [
        ("X-Slack-Signature", sig),
        ("X-Slack-Request-Timestamp", "1531420618"),
    ];
    let (code, v) = verify("slack", SECRET, &h, body, &["--now", "1531420618"]);
    assert_eq!((code, &v["valid"]), (0, &json!(true)), "{v}");
    // Past Slack's 300 s both libraries and hookcli refuse it.
    let stale =
        json!({"secret": SECRET, "headers": headers, "body": body, "now": 1531420618 + 301});
    assert_all_rejected(
        "slack-sdk",
        &official_jsonl("slack_official.py", std::slice::from_ref(&stale)),
    );
    assert_all_rejected(
        "@slack/bolt",
        &official_jsonl("slack_official.mjs", std::slice::from_ref(&stale)),
    );
    let (code, v) = verify("slack", SECRET, &h, body, &["--now", "1531420919"]);
    assert_eq!(code, 1, "{v}");
}

#[test]
fn signatures_made_by_slack_sdk_verify_in_hookcli() {
    let t = now();
    let bodies = [
        r#"{"token":"x","team_id":"T1","api_app_id":"A1","event":{"type":"app_mention","text":"Zoë 😀"},"type":"event_callback","event_id":"Ev1","event_time":1}"#,
        "command=%2Fdeploy&text=staging+now&user_id=U1",
        "payload=%7B%22type%22%3A%22block_actions%22%7D",
        "{\n  \"type\": \"url_verification\",\n  \"challenge\": \"abc\"\n}\n",
    ];
    let inputs: Vec<Value> = bodies
        .iter()
        .map(|b| json!({"op": "sign", "secret": SECRET, "timestamp": t, "body": b}))
        .collect();
    let answers = official_jsonl("slack_official.py", &inputs);
    for (body, answer) in bodies.iter().zip(&answers) {
        let sig = answer["signature"]
            .as_str()
            .unwrap_or_else(|| panic!("{answer}"));
        let ts = t.to_string();
        let h = [
            ("X-Slack-Signature", sig),
            ("X-Slack-Request-Timestamp", ts.as_str()),
        ];
        let (code, v) = verify("slack", SECRET, &h, body, &[]);
        assert_eq!((code, &v["valid"]), (0, &json!(true)), "{body}: {v}");
    }
}

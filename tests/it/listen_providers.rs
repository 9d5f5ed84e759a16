//! The listener tells Slack, Paddle, Linear, Zoom and Razorpay deliveries
//! apart by their headers alone and verifies each with its own scheme and
//! its own default window (Paddle's 5 s).

use crate::common::listener::{Listening, now};
use crate::common::run;

const SECRET: &str = "shared listener secret";

#[test]
fn each_provider_is_detected_by_its_header_and_verified() {
    let l = Listening::start(&["--json", "--secret", SECRET]);
    for (provider, event) in [
        ("slack", "app_mention"),
        ("slack", "block_actions"),
        ("paddle", "subscription.created"),
        ("linear", "issue.update"),
        ("zoom", "recording.completed"),
        ("razorpay", "order.paid"),
    ] {
        let (code, out, err) = run(
            &[
                "send",
                event,
                "--provider",
                provider,
                "--secret",
                SECRET,
                "--to",
                &l.url("/hooks"),
                "--json",
            ],
            b"",
        );
        assert_eq!(code, 0, "{provider} {event}: {out}{err}");
        let line = l.next_json();
        assert_eq!(line["provider"], provider, "{line}");
        assert_eq!(line["valid"], true, "{line}");
    }
    // Ten seconds old: within most providers' window, not Paddle's.
    let old = (now() - 10).to_string();
    let (code, out, err) = run(
        &[
            "send",
            "transaction.paid",
            "--provider",
            "paddle",
            "--secret",
            SECRET,
            "--timestamp",
            &old,
            "--to",
            &l.url("/hooks"),
            "--json",
        ],
        b"",
    );
    assert_ne!(code, 2, "{out}{err}");
    let line = l.next_json();
    assert_eq!(line["valid"], false, "{line}");
    let skew = line["causes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "timestamp_skew")
        .unwrap_or_else(|| panic!("{line}"));
    assert_eq!(skew["tolerance"], 5, "{line}");
    assert!(
        skew["provider_window"]
            .as_str()
            .unwrap()
            .contains("5 seconds"),
        "{line}"
    );
}

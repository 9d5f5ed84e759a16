//! A secret that does not reproduce the signature gets advice in the
//! provider's own terms: where that provider's users find the right secret,
//! and what has a secret of its own (a Stripe user's endpoint and mode, a
//! GitHub webhook's secret, a Twilio account's Auth Token, a Shopify app's
//! client secret).

use crate::common::{run, write_temp};
use serde_json::Value;

const SIGNED_WITH: &str = "the_secret_the_sender_used_0123456789";
const VERIFIED_WITH: &str = "another_secret_entirely_0123456789ab";
const URL: &str = "https://example.com/hooks/incoming?x=1";

/// The `wrong_secret` finding's message for a request of `provider`
/// signed with one secret and verified with `secrets`.
fn advice(provider: &str, event: &str, secrets: &[&str]) -> String {
    let (code, out, err) = run(
        &[
            "sign",
            "--provider",
            provider,
            "--secret",
            SIGNED_WITH,
            "--url",
            URL,
            "--format",
            "json",
            event,
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let signed: Value = serde_json::from_str(&out).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let body = write_temp(
        dir.path(),
        "body",
        signed["body"].as_str().unwrap().as_bytes(),
    );
    let mut args: Vec<String> = vec![
        "verify".into(),
        "--provider".into(),
        provider.into(),
        "--url".into(),
        URL.into(),
        "--body".into(),
        body.to_str().unwrap().into(),
        "--json".into(),
    ];
    for s in secrets {
        args.push("--secret".into());
        args.push(s.to_string());
    }
    for (name, value) in signed["headers"].as_object().unwrap() {
        args.push("-H".into());
        args.push(format!("{name}: {}", value.as_str().unwrap()));
    }
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = run(&argv, b"");
    assert_eq!(code, 1, "{out}{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    v["causes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "wrong_secret")
        .unwrap_or_else(|| panic!("no wrong_secret: {v}"))["message"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn each_provider_says_where_its_secret_is() {
    let github = advice("github", "push", &[VERIFIED_WITH]);
    assert!(github.contains("webhook's settings"), "{github}");
    assert!(!github.contains("mode"), "{github}");

    let twilio = advice("twilio", "message.received", &[VERIFIED_WITH]);
    assert!(twilio.contains("Auth Token"), "{twilio}");
    assert!(twilio.contains("subaccount"), "{twilio}");
    assert!(!twilio.contains("mode"), "{twilio}");

    let shopify = advice("shopify", "orders/create", &[VERIFIED_WITH]);
    assert!(shopify.contains("client secret"), "{shopify}");
    assert!(shopify.contains("Settings → Notifications"), "{shopify}");
    assert!(!shopify.contains("mode"), "{shopify}");

    let stripe = advice("stripe", "payment_intent.succeeded", &[VERIFIED_WITH]);
    assert!(stripe.contains("endpoint and mode"), "{stripe}");
    assert!(stripe.contains("stripe listen"), "{stripe}");
}

#[test]
fn a_matching_candidate_is_named_with_what_has_its_own_secret() {
    let shopify = advice("shopify", "orders/create", &[VERIFIED_WITH, SIGNED_WITH]);
    assert!(shopify.contains("verify with that secret"), "{shopify}");
    assert!(
        shopify.contains("each app has its own client secret"),
        "{shopify}"
    );
    let github = advice("github", "push", &[VERIFIED_WITH, SIGNED_WITH]);
    assert!(
        github.contains("each webhook and GitHub App has its own"),
        "{github}"
    );
}

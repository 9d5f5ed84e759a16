//! Shopify end to end: topics listed and shown by their Shopify names, a
//! listener that detects Shopify by its header and verifies with
//! SHOPIFY_API_SECRET, `fixtures generate` with topic names as folders, and
//! the compliance topics' bodies.

use crate::common::listener::{Listening, post};
use crate::common::run;
use serde_json::Value;

const SECRET: &str = "shpss_0123456789abcdef0123456789abcdef";

#[test]
fn topics_are_listed_and_shown_by_their_shopify_names() {
    let (code, out, err) = run(&["fixtures", "list", "--provider", "shopify"], b"");
    assert_eq!(code, 0, "{err}");
    let names: Vec<&str> = out
        .lines()
        .map(|l| l.split_whitespace().nth(1).unwrap())
        .collect();
    assert!(names.len() >= 30, "{names:?}");
    for topic in [
        "orders/create",
        "products/update",
        "customers/create",
        "checkouts/create",
        "refunds/create",
        "fulfillments/create",
        "inventory_levels/update",
        "collections/create",
        "draft_orders/create",
        "themes/publish",
        "shop/update",
        "app/uninstalled",
        "customers/data_request",
        "customers/redact",
        "shop/redact",
    ] {
        assert!(names.contains(&topic), "{topic} missing from {names:?}");
    }
    // A topic resolves without --provider, and its body is Shopify's.
    let (code, out, err) = run(&["fixtures", "show", "orders/paid", "--seed", "1"], b"");
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("{\"id\":"), "{out}");
    assert!(out.contains("\"financial_status\":\"paid\""));
    assert!(out.contains(r#"gid:\/\/shopify\/Order\/"#));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(v["id"].as_u64().unwrap() > 1 << 53);
    let gid = v["admin_graphql_api_id"].as_str().unwrap();
    assert_eq!(gid, format!("gid://shopify/Order/{}", v["id"]));
    // A close miss suggests the topic.
    let (code, _, err) = run(&["fixtures", "show", "orders/creat"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("orders/create"), "{err}");
}

#[test]
fn compliance_topics_carry_the_documented_fields() {
    for (topic, fields) in [
        (
            "customers/data_request",
            &[
                "shop_id",
                "shop_domain",
                "orders_requested",
                "customer",
                "data_request",
            ][..],
        ),
        (
            "customers/redact",
            &["shop_id", "shop_domain", "customer", "orders_to_redact"][..],
        ),
        ("shop/redact", &["shop_id", "shop_domain"][..]),
    ] {
        let (code, out, err) = run(&["fixtures", "show", topic, "--provider", "shopify"], b"");
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, fields, "{topic}");
    }
}

#[test]
fn a_listener_detects_shopify_and_verifies_with_its_variable() {
    // A listener set up for Stripe: Shopify is detected by its header.
    let l = Listening::start_env(
        &["--json", "--secret", "whsec_for_stripe"],
        &[("SHOPIFY_API_SECRET", SECRET)],
    );
    let (code, out, err) = run(
        &[
            "send",
            "orders/create",
            "--provider",
            "shopify",
            "--secret",
            SECRET,
            "--to",
            &l.url("/webhooks"),
            "--json",
        ],
        b"",
    );
    assert_eq!(code, 0, "{out}{err}");
    let line = l.next_json();
    assert_eq!(line["provider"], "shopify", "{line}");
    assert_eq!(line["valid"], true, "{line}");
    assert_eq!(line["event_type"], "orders/create");
    assert_eq!(line["secret"]["label"], "SHOPIFY_API_SECRET", "{line}");
    // Re-serialized on the way (the escapes gone): named.
    let (_, signed, _) = run(
        &[
            "sign",
            "products/create",
            "--provider",
            "shopify",
            "--secret",
            SECRET,
            "--format",
            "json",
        ],
        b"",
    );
    let signed: Value = serde_json::from_str(&signed).unwrap();
    let headers: Vec<(String, String)> = signed["headers"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect();
    let headers: Vec<(&str, &str)> = headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let parsed: Value = serde_json::from_str(signed["body"].as_str().unwrap()).unwrap();
    let reply = post(
        l.addr,
        "/webhooks",
        &headers,
        &serde_json::to_vec(&parsed).unwrap(),
    );
    assert_eq!(reply.status, 400);
    let line = l.next_json();
    let causes = line["causes"].as_array().unwrap();
    assert!(
        causes.iter().any(|c| c["mutation"] == "reserialized_json"),
        "{line}"
    );
    // Sent as Shopify sends it: 200.
    let body = signed["body"].as_str().unwrap().as_bytes();
    let reply = post(l.addr, "/webhooks", &headers, body);
    assert_eq!(reply.status, 200);
    assert_eq!(l.next_json()["valid"], true);
}

#[test]
fn generated_fixtures_keep_topic_names_as_folders_and_are_byte_identical() {
    let base = tempfile::tempdir().unwrap();
    let generate = |name: &str| {
        let out = base.path().join(name);
        let (code, _, err) = run(
            &[
                "fixtures",
                "generate",
                "--provider",
                "shopify",
                "--all",
                "--secret",
                SECRET,
                "--out",
                out.to_str().unwrap(),
                "--timestamp",
                "1700000000",
                "--seed",
                "7",
            ],
            b"",
        );
        assert_eq!(code, 0, "{err}");
        out
    };
    let (a, b) = (generate("a"), generate("b"));
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(a.join("manifest.json")).unwrap()).unwrap();
    let events = manifest["events"].as_array().unwrap();
    assert!(events.len() >= 30);
    for event in events {
        let path = event["body"].as_str().unwrap();
        assert!(path.contains('/'), "{path}");
        assert_eq!(
            std::fs::read(a.join(path)).unwrap(),
            std::fs::read(b.join(path)).unwrap(),
            "{path}"
        );
    }
    let headers: Value =
        serde_json::from_slice(&std::fs::read(a.join("shop/redact/headers.json")).unwrap())
            .unwrap();
    assert_eq!(headers["X-Shopify-Topic"], "shop/redact");
    assert_eq!(headers["User-Agent"], "Shopify-Captain-Hook");
    assert_eq!(
        headers["X-Shopify-Triggered-At"],
        "2023-11-14T22:13:20.000000000Z"
    );
}

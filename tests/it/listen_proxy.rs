//! `hookcli listen --forward-to`, dead letters, `hookcli replay` and
//! `hookcli events`, and the delivery flags (duplicates, replays, order).

use crate::common;
use crate::common::listener::*;
use serde_json::{Value, json};
use std::time::Duration;

const SECRET: &str = "whsec_proxy_test_secret_0123456789";

fn flag_ids(line: &Value) -> Vec<String> {
    line["flags"]
        .as_array()
        .unwrap_or_else(|| panic!("no flags in {line}"))
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect()
}

fn event(id: &str, event_type: &str, object: &str, created: i64) -> Vec<u8> {
    stripe_event(id, event_type, object, created)
}

#[test]
fn an_app_that_accepts_an_invalid_signature_is_a_security_finding() {
    let app = App::start(|_| 200);
    let l = Listening::start(&["--json", "--secret", SECRET, "--forward-to", &app.url()]);
    let body = event("evt_proxy_1", "charge.succeeded", "ch_1", now());
    let forged = stripe_header("whsec_an_attackers_guess", now(), &body);
    let reply = post(
        l.addr,
        "/webhooks",
        &[("Stripe-Signature", &forged), ("X-Custom", "kept")],
        &body,
    );
    // Proxy mode answers as the app did, and says what hookcli thinks.
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json(), json!({"app": 200}));
    assert_eq!(reply.header("Hookcli-Verdict"), Some("invalid"));
    // Forwarded byte for byte with its headers.
    let got = app.next();
    assert_eq!(got.body, body);
    assert_eq!(got.header("Stripe-Signature"), Some(forged.as_str()));
    assert_eq!(got.header("X-Custom"), Some("kept"));
    assert_eq!(got.target, "/hooks");

    let line = l.next_json();
    assert_eq!(line["valid"], false);
    assert!(
        flag_ids(&line).contains(&"app_accepted_invalid_signature".to_string()),
        "{line}"
    );
    let message = line["flags"][0]["message"].as_str().unwrap();
    assert!(message.contains("SECURITY"), "{message}");
    assert_eq!(line["forward"]["status"], 200);
    assert_eq!(line["forward"]["url"], app.url());

    // The same on the terminal.
    drop(l);
    let l = Listening::start(&["--secret", SECRET, "--forward-to", &app.url()]);
    post(l.addr, "/webhooks", &[("Stripe-Signature", &forged)], &body);
    app.next();
    let text = [l.next_line(), l.next_line(), l.next_line()].join("\n");
    assert!(text.contains("[app_accepted_invalid_signature]"), "{text}");
    assert!(text.contains("-> app answered 200"), "{text}");
    assert!(
        text.contains("! SECURITY: the app accepted a request whose signature is invalid"),
        "{text}"
    );
}

#[test]
fn an_app_that_rejects_a_valid_signature_is_flagged_and_kept_as_a_dead_letter() {
    let app = App::start(|_| 400);
    let l = Listening::start(&["--json", "--secret", SECRET, "--forward-to", &app.url()]);
    let body = event("evt_proxy_2", "charge.succeeded", "ch_2", now());
    let reply = post_stripe(l.addr, SECRET, now(), &body);
    assert_eq!(reply.status, 400, "answers as the app did");
    assert_eq!(reply.header("Hookcli-Verdict"), Some("valid"));
    app.next();
    let line = l.next_json();
    assert_eq!(line["valid"], true);
    let flags = flag_ids(&line);
    assert!(
        flags.contains(&"app_rejected_valid_signature".to_string()),
        "{line}"
    );
    assert!(flags.contains(&"forward_failed".to_string()), "{line}");
    let dead = events_json(&l.store(), &["--dead-letters"]);
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0]["event_id"], "evt_proxy_2");
    assert_eq!(dead[0]["forward"]["status"], 400);
}

#[test]
fn a_slow_app_is_flagged() {
    let app = App::start(|_| {
        std::thread::sleep(Duration::from_millis(600));
        204
    });
    let l = Listening::start(&[
        "--json",
        "--secret",
        SECRET,
        "--forward-to",
        &app.url(),
        "--budget",
        "0.1",
    ]);
    let body = event("evt_proxy_slow", "charge.succeeded", "ch_3", now());
    let reply = post_stripe(l.addr, SECRET, now(), &body);
    assert_eq!(reply.status, 204);
    let line = l.next_json();
    assert_eq!(flag_ids(&line), ["app_slow"], "{line}");
}

#[test]
fn dead_letters_replay_to_the_app_re_signed_when_the_secret_is_known() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("events.db");
    let signed_at = now() - 200;
    let valid = event("evt_dead_valid", "invoice.paid", "in_1", now());
    let original_sig = stripe_header(SECRET, signed_at, &valid);
    let forged_body = event("evt_dead_forged", "invoice.paid", "in_2", now());
    let forged = stripe_header("whsec_not_ours", signed_at, &forged_body);

    // An app answering 500: the valid request is a dead letter; the forged
    // one is not (hookcli judged it invalid: nothing was lost).
    let failing = App::start(|_| 500);
    let l = Listening::at(
        &store,
        &["--json", "--secret", SECRET, "--forward-to", &failing.url()],
    );
    let r1 = post(
        l.addr,
        "/webhooks",
        &[
            ("Stripe-Signature", &original_sig),
            ("X-Request-Tag", "one"),
        ],
        &valid,
    );
    let r2 = post(
        l.addr,
        "/webhooks",
        &[("Stripe-Signature", &forged)],
        &forged_body,
    );
    assert_eq!((r1.status, r2.status), (500, 500));
    for expect_dead in [true, false] {
        failing.next();
        let line = l.next_json();
        assert_eq!(
            flag_ids(&line).contains(&"forward_failed".to_string()),
            expect_dead,
            "{line}"
        );
    }
    drop(l);

    // An app that is not running: refused, answered 502, a dead letter too.
    let nowhere = format!("http://{}/hooks", closed_port());
    let l = Listening::at(
        &store,
        &["--json", "--secret", SECRET, "--forward-to", &nowhere],
    );
    let r3 = post(
        l.addr,
        "/webhooks",
        &[
            ("Stripe-Signature", &original_sig),
            ("X-Request-Tag", "two"),
        ],
        &valid,
    );
    assert_eq!(r3.status, 502);
    assert_eq!(r3.json()["valid"], true);
    let line = l.next_json();
    assert_eq!(line["forward"]["status"], Value::Null, "{line}");
    assert_eq!(line["forward"]["error"], "connection_refused", "{line}");
    drop(l);

    let dead = events_json(&store, &["--dead-letters"]);
    assert_eq!(dead.len(), 2, "{dead:?}");
    assert!(dead.iter().all(|d| d["valid"] == true), "{dead:?}");

    let app = App::start(|_| 200);
    let (code, out, err) = with_store(
        &store,
        &[
            "replay",
            "--dead-letters",
            "--to",
            &app.url(),
            "--secret",
            SECRET,
            "--json",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    let results: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(results.len(), 2, "{out}");
    assert!(results.iter().all(|r| r["ok"] == true), "{out}");
    assert_eq!(
        results
            .iter()
            .filter(|r| r["resigned"]["label"] == "--secret")
            .count(),
        2,
        "{out}"
    );
    assert!(!out.contains(SECRET) && !err.contains(SECRET));

    let received: Vec<AppRequest> = (0..2).map(|_| app.next()).collect();
    // Oldest first.
    let tags: Vec<Option<&str>> = received.iter().map(|r| r.header("X-Request-Tag")).collect();
    assert_eq!(tags, [Some("one"), Some("two")]);
    // The valid ones are re-signed with a fresh timestamp; other headers kept.
    for r in received.iter().filter(|r| r.body == valid) {
        let sig = r.header("Stripe-Signature").unwrap();
        let t: i64 = sig
            .strip_prefix("t=")
            .and_then(|s| s.split(',').next())
            .unwrap()
            .parse()
            .unwrap();
        assert!(t > signed_at + 100, "fresh timestamp: {sig}");
        assert_eq!(
            sig,
            stripe_header(SECRET, t, &valid),
            "verifies with the secret"
        );
    }
    assert!(events_json(&store, &["--dead-letters"]).is_empty());
    let all = events_json(&store, &[]);
    let replayed = |e: &&Value| e["valid"] == true;
    assert!(
        all.iter().filter(replayed).all(|e| e["replay_count"] == 1),
        "{all:?}"
    );
    assert!(
        all.iter()
            .filter(replayed)
            .all(|e| e["replay_status"] == 200),
        "{all:?}"
    );
}

#[test]
fn events_lists_filters_and_shows() {
    let l = Listening::start(&["--json", "--secret", SECRET]);
    let t = now();
    let paid = event("evt_list_1", "invoice.paid", "in_10", t);
    let failed = event("evt_list_2", "invoice.payment_failed", "in_11", t);
    let charge = event("evt_list_3", "charge.succeeded", "ch_10", t);
    assert_eq!(post_stripe(l.addr, SECRET, t, &paid).status, 200);
    assert_eq!(post_stripe(l.addr, "whsec_wrong", t, &failed).status, 400);
    assert_eq!(post_stripe(l.addr, SECRET, t, &charge).status, 200);
    // Not JSON and not UTF-8, validly signed: kept byte for byte.
    let binary = b"\xff\xfe\x00binary\x80".to_vec();
    assert_eq!(post_stripe(l.addr, SECRET, t, &binary).status, 200);
    let ids: Vec<i64> = (0..4)
        .map(|_| l.next_json()["id"].as_i64().unwrap())
        .collect();
    let store = l.store();

    let all = events_json(&store, &[]);
    assert_eq!(all.len(), 4);
    let newest_first: Vec<i64> = all.iter().map(|e| e["id"].as_i64().unwrap()).collect();
    assert_eq!(newest_first, ids.iter().rev().copied().collect::<Vec<_>>());
    let types = |extra: &[&str]| -> Vec<String> {
        events_json(&store, extra)
            .iter()
            .map(|e| e["event_type"].as_str().unwrap_or("-").to_string())
            .collect()
    };
    assert_eq!(
        types(&["--type", "invoice.*"]),
        ["invoice.payment_failed", "invoice.paid"]
    );
    assert_eq!(types(&["--type", "invoice.paid"]), ["invoice.paid"]);
    assert_eq!(types(&["--verdict", "invalid"]), ["invoice.payment_failed"]);
    assert_eq!(types(&["--verdict", "valid", "--limit", "2"]).len(), 2);
    assert_eq!(types(&["--since", "1h"]).len(), 4);
    assert!(types(&["--since", "2999-01-01T00:00:00Z"]).is_empty());
    let invalid = &events_json(&store, &["--verdict", "invalid"])[0];
    assert_eq!(invalid["causes"][0], "wrong_secret");
    assert_eq!(invalid["secret"], Value::Null);
    let valid = &events_json(&store, &["--type", "invoice.paid"])[0];
    assert_eq!(valid["secret"]["label"], "--secret");

    // Plain listing: one line per request.
    let (code, out, err) = with_store(&store, &["events"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(
        out.contains("invoice.payment_failed evt_list_2 INVALID (wrong_secret"),
        "{out}"
    );

    // One in full, as JSON and as exact bytes.
    let (code, out, _) = with_store(&store, &["events", &ids[0].to_string(), "--json"]);
    assert_eq!(code, 0);
    let shown: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(shown["body"].as_str().unwrap().as_bytes(), paid.as_slice());
    // Header names are compared case-insensitively, as HTTP does.
    assert!(
        shown["headers"].as_array().unwrap().iter().any(|h| h[0]
            .as_str()
            .unwrap()
            .eq_ignore_ascii_case("Stripe-Signature")),
        "{shown}"
    );
    let mut cmd = common::hookcli();
    cmd.arg("--store")
        .arg(&store)
        .args(["events", &ids[3].to_string(), "--body"]);
    let out = cmd.output().unwrap();
    assert_eq!(out.stdout, binary);
    let (_, out, _) = with_store(&store, &["events", &ids[3].to_string(), "--json"]);
    let shown: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(shown["body"], Value::Null);
    assert!(shown["body_base64"].is_string());

    let (code, _, err) = with_store(&store, &["events", "999999"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no stored request #999999"), "{err}");
}

#[test]
fn duplicates_replays_and_out_of_order_events_are_flagged() {
    let l = Listening::start_env(&["--json"], &[("STRIPE_WEBHOOK_SECRET_LIVE", SECRET)]);
    let t = now();
    let first = event("evt_dup_1", "payment_intent.succeeded", "pi_order", t);
    let sig = stripe_header(SECRET, t, &first);
    let send = |sig: &str, body: &[u8]| {
        let reply = post(l.addr, "/webhooks", &[("Stripe-Signature", sig)], body);
        let line = l.next_json();
        (reply, line)
    };
    let (reply, line) = send(&sig, &first);
    assert_eq!(reply.status, 200);
    // livemode:false verified by the _LIVE secret.
    assert_eq!(flag_ids(&line), ["livemode_mismatch"], "{line}");

    // The provider retries: same event, fresh signature.
    let retry = stripe_header(SECRET, t + 1, &first);
    let (reply, line) = send(&retry, &first);
    assert_eq!(reply.json()["flags"][0], "duplicate_event");
    assert_eq!(flag_ids(&line), ["duplicate_event", "livemode_mismatch"]);

    // The very same bytes again: a replay.
    let (reply, line) = send(&sig, &first);
    assert_eq!(reply.status, 200);
    assert_eq!(
        flag_ids(&line),
        ["duplicate_event", "replayed_signature", "livemode_mismatch"]
    );

    // An event for the same object created earlier arrives later.
    let earlier = event("evt_dup_0", "payment_intent.created", "pi_order", t - 60);
    let (_, line) = send(&stripe_header(SECRET, t, &earlier), &earlier);
    assert_eq!(flag_ids(&line), ["out_of_order", "livemode_mismatch"]);

    let exited = l.interrupt();
    assert_eq!(exited.code, Some(0));
    let summary: Value = serde_json::from_str(exited.stdout.last().unwrap()).unwrap();
    let s = &summary["summary"];
    assert_eq!(s["received"], 4);
    assert_eq!(s["valid"], 4);
    assert_eq!(s["duplicates"], 2);
    assert_eq!(s["flags"]["out_of_order"], 1);
    assert_eq!(s["flags"]["livemode_mismatch"], 4);
}

#[test]
fn replay_by_id_without_a_secret_sends_the_stored_signature() {
    let l = Listening::start(&["--json", "--secret", SECRET]);
    let body = event("evt_replay_id", "charge.succeeded", "ch_20", now());
    let sig = stripe_header(SECRET, now(), &body);
    post(l.addr, "/webhooks", &[("Stripe-Signature", &sig)], &body);
    let id = l.next_json()["id"].as_i64().unwrap();
    let app = App::start(|_| 202);
    let (code, out, err) = with_store(&l.store(), &["replay", &id.to_string(), "--to", &app.url()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("202"), "{out}");
    assert!(out.contains("(stored signature)"), "{out}");
    let got = app.next();
    assert_eq!(got.header("Stripe-Signature"), Some(sig.as_str()));
    assert_eq!(got.body, body);

    // Nothing chosen, or a request that was never forwarded and no --to: usage errors.
    let (code, _, err) = with_store(&l.store(), &["replay"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = with_store(&l.store(), &["replay", &id.to_string()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--to"), "{err}");
}

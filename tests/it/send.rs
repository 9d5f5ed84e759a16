//! `hookcli send` end to end: every test starts its own capturing server on
//! 127.0.0.1:0 (tests/common/server.rs), points hookcli at it with a
//! temporary event store, and checks what arrived — exact bytes, headers
//! that the official Stripe library accepts, retries, duplicates, order,
//! load mode — and the exit codes scripts rely on. Nothing leaves loopback.
//!
//! Timing checks are lower bounds only (a sleep never ends early), so they
//! hold on a loaded 2-core CI machine.

use crate::common;
use crate::common::server::{Captured, Reply, Server, closed_port};
use crate::common::{hookcli, official_jsonl, run_cmd};
use serde_json::{Value, json};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

const SECRET: &str = "whsec_send_integration";

/// A temporary event store for one test.
struct Store {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Store {
    fn new() -> Store {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("events.db");
        Store { _dir: dir, db }
    }

    /// `hookcli --store DB send ARGS --secret SECRET`: (exit code, stdout, stderr).
    fn send(&self, args: &[&str]) -> (i32, String, String) {
        let mut cmd = hookcli();
        cmd.arg("--store").arg(&self.db).arg("send").args(args);
        cmd.args(["--secret", SECRET]);
        let (code, out, err) = run_cmd(&mut cmd, b"");
        assert!(!err.contains("panicked"), "hookcli panicked: {err}");
        (code, out, err)
    }

    /// Every recorded attempt, oldest first.
    fn deliveries(&self) -> Vec<Recorded> {
        let conn = rusqlite::Connection::open(&self.db).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT s.source, s.event_id, s.timestamp, s.headers, s.body, s.url,
                        d.attempt, d.status, d.error, d.url
                 FROM deliveries d JOIN signed s ON s.id = d.signed_id ORDER BY d.id",
            )
            .unwrap();
        stmt.query_map([], |r| {
            let headers: String = r.get(3)?;
            Ok(Recorded {
                source: r.get(0)?,
                event_id: r.get(1)?,
                timestamp: r.get(2)?,
                headers: serde_json::from_str(&headers).unwrap(),
                body: r.get(4)?,
                signed_url: r.get(5)?,
                attempt: r.get(6)?,
                status: r.get(7)?,
                error: r.get(8)?,
                url: r.get(9)?,
            })
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    }

    fn signed_count(&self) -> i64 {
        if !self.db.exists() {
            return 0;
        }
        rusqlite::Connection::open(&self.db)
            .unwrap()
            .query_row("SELECT COUNT(*) FROM signed", [], |r| r.get(0))
            .unwrap()
    }
}

#[derive(Debug)]
struct Recorded {
    source: String,
    event_id: String,
    timestamp: i64,
    headers: Value,
    body: Vec<u8>,
    signed_url: Option<String>,
    attempt: i64,
    status: Option<i64>,
    error: Option<String>,
    url: String,
}

fn json_lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l:?}: {e}")))
        .collect()
}

fn stripe_signature(c: &Captured) -> &str {
    c.header("Stripe-Signature")
        .unwrap_or_else(|| panic!("no Stripe-Signature in {:?}", c.headers))
}

/// `t=` of a Stripe-Signature header.
fn stripe_t(header: &str) -> i64 {
    header
        .split(',')
        .find_map(|p| p.strip_prefix("t="))
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| panic!("no t= in {header}"))
}

fn event_id(c: &Captured) -> String {
    let v: Value = serde_json::from_slice(&c.body).unwrap();
    v["id"].as_str().unwrap().to_string()
}

/// Checks each captured request with the official Stripe library, in Python
/// (stripe.Webhook.construct_event) or Node (Stripe.webhooks.constructEvent).
fn assert_official_stripe_accepts(script: &str, requests: &[Captured]) {
    let inputs: Vec<Value> = requests
        .iter()
        .map(|c| {
            json!({
                "provider": "stripe",
                "secret": SECRET,
                "headers": c.headers_json(),
                "body": c.body_text(),
            })
        })
        .collect();
    for (answer, c) in official_jsonl(script, &inputs).iter().zip(requests) {
        assert_eq!(
            answer["ok"],
            true,
            "{script} rejected request #{} ({}): {answer}",
            c.index,
            stripe_signature(c)
        );
    }
}

#[test]
fn delivers_the_signed_bytes_with_stripe_headers_that_the_official_library_accepts() {
    let server = Server::ok();
    let store = Store::new();
    let to = server.url("/webhooks/stripe?src=test");
    let (code, out, err) = store.send(&["payment_intent.succeeded", "--to", &to, "--json"]);
    assert_eq!(code, 0, "{out}{err}");
    let got = server.received();
    assert_eq!(got.len(), 1);
    let req = &got[0];
    assert_eq!(req.method, "POST");
    assert_eq!(req.target, "/webhooks/stripe?src=test");
    assert_eq!(
        req.header("Content-Type"),
        Some("application/json; charset=utf-8")
    );
    assert!(
        req.header("User-Agent").unwrap().starts_with("Stripe/"),
        "{:?}",
        req.header("User-Agent")
    );
    assert_eq!(
        req.header("Content-Length"),
        Some(req.body.len().to_string().as_str())
    );

    // What --json reports is what arrived.
    let report = &json_lines(&out)[0];
    assert_eq!(report["status"], 200);
    assert_eq!(report["matched"], true);
    assert_eq!(report["attempt"], 1);
    assert_eq!(report["url"], to);
    assert_eq!(
        report["signature_header"]["Stripe-Signature"],
        stripe_signature(req)
    );
    assert_eq!(report["event_id"], event_id(req));
    assert_eq!(report["timestamp"], stripe_t(stripe_signature(req)));
    assert_eq!(report["response"]["body"], "ok");

    // The store holds exactly the bytes that arrived, and what came back.
    let recorded = store.deliveries();
    assert_eq!(recorded.len(), 1);
    let r = &recorded[0];
    assert_eq!(r.body, req.body, "the body received is the body signed");
    assert_eq!(r.source, "send");
    assert_eq!(r.event_id, event_id(req));
    assert_eq!(r.headers["Stripe-Signature"], stripe_signature(req));
    assert_eq!(r.timestamp, stripe_t(stripe_signature(req)));
    assert_eq!(
        (r.attempt, r.status, r.error.as_deref()),
        (1, Some(200), None)
    );
    assert_eq!(r.url, to);
    assert_eq!(r.signed_url.as_deref(), Some(to.as_str()));

    assert_official_stripe_accepts("verify.py", &got);
    assert_official_stripe_accepts("verify.mjs", &got);
}

#[test]
fn short_targets_get_the_documented_default_path() {
    let server = Server::ok();
    let store = Store::new();
    let port = server.addr.port().to_string();
    for (to, path) in [
        (server.authority(), "/webhooks"),
        (format!("{}/hooks/in", server.authority()), "/hooks/in"),
        (port.clone(), "/webhooks"),
        (format!(":{port}"), "/webhooks"),
    ] {
        let (code, out, err) = store.send(&["invoice.paid", "--to", &to]);
        assert_eq!(code, 0, "--to {to}: {out}{err}");
        assert_eq!(server.next().target, path, "--to {to}");
    }
}

#[test]
fn print_curl_reproduces_the_request_byte_for_byte() {
    let server = Server::ok();
    let store = Store::new();
    // A body full of what shells and curl like to rewrite.
    let (code, out, err) = store.send(&[
        "charge.succeeded",
        "--to",
        &server.url("/webhooks"),
        "--set",
        r#"data.object.description=it's "$HOME" `id` \n %s @file -d"#,
        "--print-curl",
        "--json",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let sent = server.next();
    let report = &json_lines(&out)[0];
    let curl = report["curl"].as_str().expect("curl in the --json object");
    let (code, curl_out, curl_err) =
        run_cmd(std::process::Command::new("sh").arg("-c").arg(curl), b"");
    assert_eq!(code, 0, "curl failed: {curl_err}\n{curl}");
    assert_eq!(curl_out, "ok");
    let replayed = server.next();
    assert_eq!(replayed.body, sent.body, "curl's body is byte-identical");
    assert_eq!(replayed.target, sent.target);
    for name in ["Stripe-Signature", "Content-Type", "User-Agent"] {
        assert_eq!(replayed.header(name), sent.header(name), "{name}");
    }
    assert_eq!(replayed.header("Expect"), None);
    assert_official_stripe_accepts("verify.py", &[sent, replayed]);

    // Human output: the curl command comes before the report.
    let (code, out, _) = store.send(&[
        "charge.succeeded",
        "--to",
        &server.url("/webhooks"),
        "--print-curl",
    ]);
    assert_eq!(code, 0);
    assert!(out.starts_with("printf '%s' "), "{out}");
    assert!(out.contains("ok: 200 OK matches --expect 2xx"), "{out}");
    server.next();
}

#[test]
fn dry_run_sends_nothing_and_prints_curl_that_delivers_a_verifiable_request() {
    let server = Server::ok();
    let store = Store::new();
    let (code, out, err) = store.send(&[
        "customer.created",
        "--to",
        &server.url("/hooks"),
        "--dry-run",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("printf '%s' "), "{out}");
    assert_eq!(server.connections(), 0, "--dry-run connected");
    assert!(server.received().is_empty(), "--dry-run sent a request");
    assert!(store.deliveries().is_empty());
    assert_eq!(
        store.signed_count(),
        1,
        "what was printed is recorded as signed"
    );

    let (code, _, curl_err) = run_cmd(std::process::Command::new("sh").arg("-c").arg(&out), b"");
    assert_eq!(code, 0, "{curl_err}");
    let req = server.next();
    assert_eq!(req.target, "/hooks");
    assert_official_stripe_accepts("verify.py", &[req]);

    let curl_connections = server.connections();
    let (code, out, _) = store.send(&[
        "customer.created",
        "--to",
        &server.url("/hooks"),
        "--dry-run",
        "--json",
    ]);
    assert_eq!(code, 0);
    let v = &json_lines(&out)[0];
    assert_eq!(v["event_type"], "customer.created");
    assert!(v["headers"]["Stripe-Signature"].is_string());
    assert_eq!(
        server.connections(),
        curl_connections,
        "--dry-run connected"
    );
    assert!(server.received().is_empty());
}

#[test]
fn retries_follow_the_compressed_schedule_re_signing_each_attempt() {
    // Fails three times, then accepts: four attempts.
    let server = Server::start(|c| Reply::status(if c.index < 3 { 503 } else { 200 }));
    let store = Store::new();
    // Scaled by 0.1: waits of 0, 100 ms, 300 ms, 900 ms before attempts 1-4.
    let (code, out, err) = store.send(&[
        "invoice.payment_failed",
        "--to",
        &server.authority(),
        "--retry-schedule",
        "0s,1s,3s,9s,27s",
        "--time-scale",
        "0.1",
        "--json",
    ]);
    assert_eq!(code, 0, "the last attempt got 200: {out}{err}");
    let got = server.received();
    assert_eq!(got.len(), 4, "attempts");

    let reports = json_lines(&out);
    assert_eq!(reports.len(), 4);
    let statuses: Vec<&Value> = reports.iter().map(|r| &r["status"]).collect();
    assert_eq!(statuses, [503, 503, 503, 200]);
    let attempts: Vec<&Value> = reports.iter().map(|r| &r["attempt"]).collect();
    assert_eq!(attempts, [1, 2, 3, 4]);
    let waits: Vec<&Value> = reports.iter().map(|r| &r["retry_in_ms"]).collect();
    assert_eq!(waits, [&json!(100), &json!(300), &json!(900), &Value::Null]);

    // Same event every time, each attempt signed afresh: a later timestamp
    // and so a different signature.
    let ids: HashSet<String> = got.iter().map(event_id).collect();
    assert_eq!(ids.len(), 1, "one event id across retries");
    let ts: Vec<i64> = got.iter().map(|c| stripe_t(stripe_signature(c))).collect();
    assert!(ts.windows(2).all(|w| w[1] > w[0]), "timestamps {ts:?}");
    let sigs: HashSet<&str> = got.iter().map(stripe_signature).collect();
    assert_eq!(sigs.len(), 4);
    for (c, r) in got.iter().zip(&reports) {
        assert_eq!(
            r["signature_header"]["Stripe-Signature"],
            stripe_signature(c)
        );
    }
    // Each gap is at least the scheduled (scaled) wait.
    for (i, want) in [100u64, 300, 900].into_iter().enumerate() {
        let gap = got[i + 1].at - got[i].at;
        assert!(
            gap >= Duration::from_millis(want),
            "gap before attempt {} was {gap:?}, scheduled {want} ms",
            i + 2
        );
    }
    assert_official_stripe_accepts("verify.py", &got);

    let recorded = store.deliveries();
    let rec: Vec<(i64, Option<i64>)> = recorded.iter().map(|r| (r.attempt, r.status)).collect();
    assert_eq!(
        rec,
        [
            (1, Some(503)),
            (2, Some(503)),
            (3, Some(503)),
            (4, Some(200))
        ]
    );
    for (r, c) in recorded.iter().zip(&got) {
        assert_eq!(r.body, c.body);
        assert_eq!(r.headers["Stripe-Signature"], stripe_signature(c));
    }
}

#[test]
fn retries_stop_at_max_attempts_and_the_exit_code_says_failure() {
    let server = Server::start(|_| Reply::status(500));
    let store = Store::new();
    let (code, out, err) = store.send(&[
        "invoice.paid",
        "--to",
        &server.authority(),
        "--retry",
        "--max-attempts",
        "2",
        "--time-scale",
        "0.001",
    ]);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(server.received().len(), 2);
    assert!(
        out.contains("attempt 1 of 2: 500 Internal Server Error in"),
        "{out}"
    );
    assert!(out.contains("retrying in 10.0 ms, re-signed"), "{out}");
    assert!(out.contains("gave up after 2 attempts"), "{out}");
    assert!(
        out.contains("FAIL: 500 Internal Server Error, expected --expect 2xx"),
        "{out}"
    );
    assert_eq!(store.deliveries().len(), 2);
}

#[test]
fn duplicates_carry_the_same_event_id_and_distinct_signatures() {
    let server = Server::ok();
    let store = Store::new();
    let (code, out, err) = store.send(&[
        "checkout.session.completed",
        "--to",
        &server.authority(),
        "--duplicates",
        "3",
        "--json",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let got = server.received();
    assert_eq!(got.len(), 3);
    let ids: HashSet<String> = got.iter().map(event_id).collect();
    assert_eq!(ids.len(), 1, "same event id: {ids:?}");
    let sigs: HashSet<&str> = got.iter().map(stripe_signature).collect();
    assert_eq!(sigs.len(), 3, "each duplicate re-signed: {sigs:?}");
    // Same event, so the same bytes apart from nothing: the body is the event.
    assert!(got.iter().all(|c| c.body == got[0].body));
    let reports = json_lines(&out);
    assert_eq!(reports.len(), 3);
    assert!(
        reports
            .iter()
            .all(|r| r["event_id"] == *ids.iter().next().unwrap())
    );
    assert_official_stripe_accepts("verify.py", &got);
    let recorded = store.deliveries();
    assert_eq!(recorded.len(), 3);
    assert!(recorded.iter().all(|r| ids.contains(&r.event_id)));
}

/// A directory of five Stripe fixtures, named so that file order is a
/// subscription's life cycle.
fn sequence_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (i, name) in [
        "customer.created",
        "customer.subscription.created",
        "customer.subscription.updated",
        "invoice.paid",
        "customer.subscription.deleted",
    ]
    .iter()
    .enumerate()
    {
        std::fs::copy(
            common::root().join(format!("fixtures/stripe/{name}.json")),
            dir.path().join(format!("{}_{name}.json", i + 1)),
        )
        .unwrap();
    }
    dir
}

const LIFE_CYCLE: [&str; 5] = [
    "customer.created",
    "customer.subscription.created",
    "customer.subscription.updated",
    "invoice.paid",
    "customer.subscription.deleted",
];

/// Event types in the order they arrived.
fn send_order(store: &Store, dir: &Path, extra: &[&str]) -> (Vec<String>, String) {
    let server = Server::ok();
    let to = server.url("/");
    let mut args = vec![dir.to_str().unwrap(), "--to", &to];
    args.extend_from_slice(extra);
    let (code, out, err) = store.send(&args);
    assert_eq!(code, 0, "{out}{err}");
    let types = server
        .received()
        .iter()
        .map(|c| {
            let v: Value = serde_json::from_slice(&c.body).unwrap();
            v["type"].as_str().unwrap().to_string()
        })
        .collect();
    (types, err)
}

#[test]
fn a_directory_goes_in_order_reversed_or_shuffled_reproducibly_by_seed() {
    let dir = sequence_dir();
    let store = Store::new();
    let (in_order, _) = send_order(&store, dir.path(), &[]);
    assert_eq!(in_order, LIFE_CYCLE);
    let (reversed, _) = send_order(&store, dir.path(), &["--order", "reversed"]);
    let mut expected: Vec<&str> = LIFE_CYCLE.to_vec();
    expected.reverse();
    assert_eq!(reversed, expected);

    let (seven, _) = send_order(&store, dir.path(), &["--order", "shuffled", "--seed", "7"]);
    let (seven_again, _) = send_order(&store, dir.path(), &["--order", "shuffled", "--seed", "7"]);
    assert_eq!(seven, seven_again, "same seed, same order");
    let mut sorted = seven.clone();
    sorted.sort();
    let mut all: Vec<String> = LIFE_CYCLE.iter().map(|s| s.to_string()).collect();
    all.sort();
    assert_eq!(sorted, all, "a permutation of the directory");
    let other_seeds: Vec<Vec<String>> = ["8", "9", "10"]
        .iter()
        .map(|s| send_order(&store, dir.path(), &["--order", "shuffled", "--seed", s]).0)
        .collect();
    assert!(
        other_seeds.iter().any(|o| *o != seven),
        "the seed changes the order"
    );

    // Without --seed, the seed chosen is printed so the run can be repeated.
    let (random, err) = send_order(&store, dir.path(), &["--order", "shuffled"]);
    let seed = err
        .lines()
        .find_map(|l| l.strip_prefix("shuffled with --seed "))
        .unwrap_or_else(|| panic!("no seed printed: {err}"))
        .trim()
        .to_string();
    let (repeated, _) = send_order(
        &store,
        dir.path(),
        &["--order", "shuffled", "--seed", &seed],
    );
    assert_eq!(random, repeated);
}

#[test]
fn expect_drives_the_exit_code() {
    let server = Server::start(|c| match c.target.as_str() {
        "/conflict" => Reply::status(409),
        "/created" => Reply::status(201),
        _ => Reply::status(200),
    });
    let store = Store::new();
    let send = |path: &str, expect: Option<&str>| {
        let to = server.url(path);
        let mut args = vec!["invoice.paid", "--to", to.as_str()];
        if let Some(e) = expect {
            args.extend(["--expect", e]);
        }
        store.send(&args)
    };
    assert_eq!(send("/ok", None).0, 0, "2xx by default");
    assert_eq!(send("/created", Some("201")).0, 0);
    assert_eq!(send("/conflict", Some("2xx,409")).0, 0);
    let (code, out, _) = send("/ok", Some("201"));
    assert_eq!(code, 1);
    assert!(out.contains("FAIL: 200 OK, expected --expect 201"), "{out}");
    let (code, out, _) = send("/conflict", None);
    assert_eq!(code, 1);
    assert!(
        out.contains("FAIL: 409 Conflict, expected --expect 2xx"),
        "{out}"
    );
    let received_before = server.received().len();
    let (code, _, err) = send("/ok", Some("7xx"));
    assert_eq!(code, 2, "a bad --expect is a usage error");
    assert!(err.starts_with("error: --expect: '7xx'"), "{err}");
    assert!(err.contains("hint: "), "{err}");
    assert_eq!(received_before, 5);
    assert!(
        server.received().is_empty(),
        "nothing sent on a usage error"
    );
}

#[test]
fn redirects_are_reported_with_their_location_and_not_followed() {
    let elsewhere = Server::ok();
    let location = elsewhere.url("/moved");
    let server = Server::start({
        let location = location.clone();
        move |_| Reply::status(307).header("Location", &location)
    });
    let store = Store::new();
    let (code, out, err) = store.send(&["invoice.paid", "--to", &server.authority()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("FAIL: 307 Temporary Redirect is a redirect; hookcli does not follow it"),
        "{out}"
    );
    assert!(out.contains(&format!("Location: {location}")), "{out}");
    let (code, out, _) = store.send(&["invoice.paid", "--to", &server.authority(), "--json"]);
    assert_eq!(code, 1);
    let v = &json_lines(&out)[0];
    assert_eq!(v["status"], 307);
    assert_eq!(v["redirect_not_followed"]["location"], location);
    assert_eq!(server.received().len(), 2);
    assert_eq!(elsewhere.connections(), 0, "the redirect was followed");
    assert!(elsewhere.received().is_empty(), "the redirect was followed");
}

#[test]
fn connection_refused_is_one_clear_line_with_a_hint_and_exit_1() {
    let store = Store::new();
    let addr = format!("127.0.0.1:{}", closed_port());
    let (code, out, err) = store.send(&["invoice.paid", "--to", &addr]);
    assert_eq!(code, 1, "a failed delivery, not a usage error: {out}{err}");
    let all = format!("{out}{err}");
    let line = format!("nothing is listening on {addr} — is your server running?");
    assert_eq!(all.matches(&line).count(), 1, "said once: {all}");
    assert_eq!(all.matches("hint: ").count(), 1, "{all}");
    assert!(all.contains("hint: start your app"), "{all}");

    // --json: the delivery object on stdout, the one line on stderr.
    let (code, out, err) = store.send(&["invoice.paid", "--to", &addr, "--json"]);
    assert_eq!(code, 1);
    let v = &json_lines(&out)[0];
    assert_eq!(v["error"]["kind"], "connection_refused");
    assert!(err.starts_with(&format!("error: {line}\n")), "{err}");
    assert!(err.contains("hint: "), "{err}");

    let recorded = store.deliveries();
    assert_eq!(recorded.len(), 2, "failed attempts are recorded too");
    assert!(recorded.iter().all(|r| r.status.is_none()));
    assert!(
        recorded[0]
            .error
            .as_deref()
            .unwrap()
            .contains("nothing is listening")
    );
}

#[test]
fn bad_input_is_a_usage_error_with_a_hint_and_sends_nothing() {
    let server = Server::ok();
    let store = Store::new();
    let to = server.authority();
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["invoice.paid", "--to", "http://"],
            &["invalid URL", "hint: use host:port"],
        ),
        (
            &["invoice.paid", "--to", "localhost:99999"],
            &["invalid URL", "hint: "],
        ),
        (
            &["invoice.paid", "--to", "ftp://localhost/x"],
            &["only http:// and https://"],
        ),
        (
            &["payment_intent.succeded", "--to", &to],
            &[
                "unknown event type 'payment_intent.succeded'",
                "did you mean payment_intent.succeeded",
            ],
        ),
        (
            &["invoice.paid", "--to", &to, "--timeout", "soon"],
            &["--timeout", "hint: "],
        ),
        (
            &["invoice.paid", "--to", &to, "--retry-schedule", "0s,5x"],
            &["--retry-schedule", "hint: "],
        ),
        (
            &[
                "invoice.paid",
                "--to",
                &to,
                "--count",
                "5",
                "--max-attempts",
                "3",
            ],
            &["--count", "cannot be used with", "--max-attempts"],
        ),
    ];
    for (args, needles) in cases {
        let (code, out, err) = store.send(args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert_eq!(err.lines().next().unwrap().matches("error: ").count(), 1);
        for needle in *needles {
            assert!(err.contains(needle), "{args:?}: {needle:?} not in {err}");
        }
    }

    // No secret anywhere: name the flag and the variable.
    let mut cmd = hookcli();
    cmd.arg("--store")
        .arg(&store.db)
        .args(["send", "invoice.paid", "--to", &to]);
    let (code, out, err) = run_cmd(&mut cmd, b"");
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("--secret") && err.contains("STRIPE_WEBHOOK_SECRET"),
        "{err}"
    );
    // …and the variable works.
    let mut cmd = hookcli();
    cmd.env("STRIPE_WEBHOOK_SECRET", SECRET)
        .arg("--store")
        .arg(&store.db)
        .args(["send", "invoice.paid", "--to", &to]);
    let (code, _, err) = run_cmd(&mut cmd, b"");
    assert_eq!(code, 0, "{err}");
    let got = server.received();
    assert_eq!(got.len(), 1, "only the last command sent anything");
    assert_official_stripe_accepts("verify.py", &got);
    assert_eq!(store.signed_count(), 1);
}

#[test]
fn a_slow_response_beyond_the_budget_is_flagged_and_a_timeout_fails() {
    let server = Server::start(|c| {
        let delay = if c.target == "/slow" { 400 } else { 5_000 };
        Reply::status(200).delay(Duration::from_millis(delay))
    });
    let store = Store::new();
    let to = server.url("/slow");
    let (code, out, err) = store.send(&["invoice.paid", "--to", &to, "--budget", "100ms"]);
    assert_eq!(code, 0, "slow but successful: {out}{err}");
    assert!(out.contains("ok: 200 OK matches --expect 2xx"), "{out}");
    assert!(out.contains("slow: your handler took "), "{out}");
    assert!(out.contains("providers time out and retry"), "{out}");
    let (code, out, _) = store.send(&["invoice.paid", "--to", &to, "--budget", "100ms", "--json"]);
    assert_eq!(code, 0);
    let v = &json_lines(&out)[0];
    assert_eq!(v["slow"], true);
    assert!(v["latency_ms"].as_f64().unwrap() >= 400.0);
    // Within budget: not flagged.
    let (_, out, _) = store.send(&["invoice.paid", "--to", &to, "--budget", "1m", "--json"]);
    assert_eq!(json_lines(&out)[0]["slow"], false);

    let (code, out, _) = store.send(&[
        "invoice.paid",
        "--to",
        &server.url("/stuck"),
        "--timeout",
        "300ms",
        "--json",
    ]);
    assert_eq!(code, 1, "{out}");
    let v = &json_lines(&out)[0];
    assert_eq!(v["error"]["kind"], "timeout");
}

#[test]
fn load_mode_signs_every_request_uniquely_and_summarises() {
    // Every tenth request gets a 500, so the histogram has two rows.
    let server = Server::start(|c| Reply::status(if c.index % 10 == 9 { 500 } else { 200 }));
    let store = Store::new();
    let (code, out, err) = store.send(&[
        "payment_intent.succeeded",
        "--to",
        &server.authority(),
        "--count",
        "200",
        "--concurrency",
        "4",
        "--json",
    ]);
    assert_eq!(code, 1, "20 responses did not match 2xx: {out}{err}");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1, "one summary object");
    let s = &lines[0];
    assert_eq!(s["mode"], "load");
    assert_eq!(s["requests"], 200);
    assert_eq!(s["concurrency"], 4);
    assert_eq!(s["statuses"], json!({"200": 180, "500": 20}));
    assert_eq!(s["errors"], json!({}));
    assert_eq!(s["matched"], 180);
    assert_eq!(s["failed"], 20);
    assert!(s["requests_per_second"].as_f64().unwrap() > 0.0);
    let l = &s["latency_ms"];
    let p = |k: &str| l[k].as_f64().unwrap();
    assert!(0.0 < p("p50") && p("p50") <= p("p90") && p("p90") <= p("p99") && p("p99") <= p("max"));

    let got = server.received();
    assert_eq!(got.len(), 200);
    let ids: HashSet<String> = got.iter().map(event_id).collect();
    assert_eq!(ids.len(), 200, "unique event ids");
    let sigs: HashSet<&str> = got.iter().map(stripe_signature).collect();
    assert_eq!(sigs.len(), 200, "unique signatures");
    assert_official_stripe_accepts("verify.py", &got);

    // Every delivery recorded (as a delta against the run's template),
    // rebuilt with the bytes that arrived.
    let db = hookcli::store::Store::open(&store.db).unwrap();
    let runs = db.load_runs().unwrap();
    assert_eq!(runs.len(), 1);
    let recorded = db.load_deliveries(runs[0]).unwrap();
    assert_eq!(recorded.len(), 200);
    let by_sig: std::collections::HashMap<&str, &Captured> =
        got.iter().map(|c| (stripe_signature(c), c)).collect();
    let mut statuses = [0; 2];
    for r in &recorded {
        let sig = r.headers.get("Stripe-Signature").unwrap();
        let arrived = by_sig[sig];
        assert_eq!(arrived.body, r.body);
        for (name, value) in r.headers.iter() {
            assert_eq!(arrived.header(name), Some(value), "{name}");
        }
        match r.status {
            Some(200) => statuses[0] += 1,
            Some(500) => statuses[1] += 1,
            other => panic!("status {other:?}"),
        }
    }
    assert_eq!(statuses, [180, 20]);

    // For a person: throughput, percentiles, histogram, verdict.
    let (code, out, err) = store.send(&[
        "payment_intent.succeeded",
        "--to",
        &server.authority(),
        "--count",
        "50",
        "--concurrency",
        "2",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("sent 50 uniquely signed payment_intent.succeeded events"),
        "{out}"
    );
    assert!(out.contains(" req/s ("), "{out}");
    for k in ["p50 ", "p90 ", "p99 ", "max "] {
        assert!(out.contains(k), "{k}: {out}");
    }
    assert!(out.contains("statuses    200 × 45, 500 × 5"), "{out}");
    assert!(
        out.contains("FAIL: 5 of 50 did not match --expect 2xx"),
        "{out}"
    );
}

#[test]
fn load_mode_against_nothing_reports_errors_by_kind() {
    let store = Store::new();
    let (code, out, err) = store.send(&[
        "invoice.paid",
        "--to",
        &format!("127.0.0.1:{}", closed_port()),
        "--count",
        "20",
        "--concurrency",
        "2",
        "--json",
    ]);
    assert_eq!(code, 1, "{out}{err}");
    let s = &json_lines(&out)[0];
    assert_eq!(s["errors"], json!({"connection_refused": 20}));
    assert_eq!(s["failed"], 20);
    assert_eq!(s["latency_ms"], Value::Null, "no responses, no percentiles");
}

#[test]
fn https_to_a_plain_http_server_is_a_short_tls_error() {
    let server = Server::ok();
    let store = Store::new();
    let to = format!("https://{}/webhooks", server.authority());
    let (code, out, err) = store.send(&["invoice.paid", "--to", &to]);
    assert_eq!(code, 1, "{out}{err}");
    let fail = out
        .lines()
        .find(|l| l.starts_with("FAIL: "))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(fail.starts_with("FAIL: TLS error: "), "{fail}");
    assert!(
        !fail.contains("error sending request"),
        "one short line: {fail}"
    );
    assert!(
        out.contains("hint: local servers usually speak plain http://"),
        "{out}"
    );
    let (_, out, _) = store.send(&["invoice.paid", "--to", &to, "--json"]);
    assert_eq!(json_lines(&out)[0]["error"]["kind"], "tls");
    // Load mode over https goes through the pooled client: the same kind.
    let (code, out, err) = store.send(&[
        "invoice.paid",
        "--to",
        &to,
        "--count",
        "6",
        "--concurrency",
        "2",
        "--json",
    ]);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(json_lines(&out)[0]["errors"], json!({"tls": 6}));
}

#[test]
fn other_providers_verify_with_their_official_libraries() {
    let server = Server::ok();
    let store = Store::new();
    let standard_secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let mut cmd = hookcli();
    cmd.arg("--store").arg(&store.db).args([
        "send",
        "user.created",
        "--provider",
        "standard",
        "--to",
        &server.authority(),
        "--secret",
        standard_secret,
    ]);
    let (code, out, err) = run_cmd(&mut cmd, b"");
    assert_eq!(code, 0, "{out}{err}");
    let standard = server.next();
    let mut cmd = hookcli();
    cmd.arg("--store").arg(&store.db).args([
        "send",
        "push",
        "--provider",
        "github",
        "--to",
        &server.authority(),
        "--secret",
        SECRET,
    ]);
    let (code, out, err) = run_cmd(&mut cmd, b"");
    assert_eq!(code, 0, "{out}{err}");
    let github = server.next();
    let answers = official_jsonl(
        "verify.mjs",
        &[
            json!({"provider": "standard", "secret": standard_secret,
                   "headers": standard.headers_json(), "body": standard.body_text()}),
            json!({"provider": "github", "secret": SECRET,
                   "headers": github.headers_json(), "body": github.body_text()}),
        ],
    );
    assert_eq!(answers, [json!({"ok": true}), json!({"ok": true})]);
    assert!(
        github.header("X-GitHub-Event").is_some(),
        "{:?}",
        github.headers
    );
}

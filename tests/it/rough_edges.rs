//! The rough edges a new user hit (issue 19), each held by a test through
//! the CLI: command shapes, parse errors, hookcli.toml checks, Ctrl-C,
//! retry and load reports, the default path, secret warnings, small texts.

use crate::common;
use crate::common::listener::{Listening, connect};
use crate::common::server::{Reply, Server};
use crate::common::{hookcli, run, run_cmd};
use std::io::Write;
use std::time::{Duration, Instant};

const SECRET: &str = "whsec_rough_edges";

fn one_line_and_hint(err: &str) -> (String, String) {
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "one line and a hint: {err}");
    assert!(lines[0].starts_with("error: "), "{err}");
    let hint = lines[1].trim_start();
    assert!(hint.starts_with("hint: "), "{err}");
    (lines[0].to_string(), hint.to_string())
}

#[test]
fn parse_errors_are_one_line_with_the_right_hint() {
    let (code, _, err) = run(&["send", "x", "--timeout", "-1"], b"");
    assert_eq!(code, 2);
    let (message, hint) = one_line_and_hint(&err);
    assert!(
        message.contains("--timeout: '-1' is not a duration"),
        "{err}"
    );
    assert!(!hint.contains("-- -1"), "{err}");

    let (code, _, err) = run(&["sign", "x", "--formt", "json"], b"");
    assert_eq!(code, 2);
    let (_, hint) = one_line_and_hint(&err);
    assert!(hint.contains("did you mean --format?"), "{err}");

    let (code, _, err) = run(&["fixtures", "lst"], b"");
    assert_eq!(code, 2);
    let (_, hint) = one_line_and_hint(&err);
    assert!(hint.contains("hookcli fixtures list"), "{err}");

    let (code, _, err) = run(&["send", "x", "--max-attempts", "-1"], b"");
    assert_eq!(code, 2);
    let (_, hint) = one_line_and_hint(&err);
    assert_eq!(hint, "hint: see `hookcli send --help`");
}

#[test]
fn one_shape_for_subcommands_and_json() {
    // sign --json is sign --format json.
    let args = [
        "sign",
        "customer.created",
        "--secret",
        SECRET,
        "--timestamp",
        "1700000000",
        "--seed",
        "1",
    ];
    let (code, a, _) = run(&[&args[..], &["--json"]].concat(), b"");
    assert_eq!(code, 0);
    let (_, b, _) = run(&[&args[..], &["--format", "json"]].concat(), b"");
    assert_eq!(a, b);
    // fixtures show --json.
    let (code, out, err) = run(&["fixtures", "show", "ping", "--json"], b"");
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["provider"], "github");
    assert!(v["payload"]["zen"].is_string());

    // events list|show, and the old spellings.
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("events.db");
    let l = Listening::at(&store, &["--secret", SECRET]);
    let port = l.addr.port().to_string();
    let (code, _, err) = run(
        &["send", "invoice.paid", "--to", &port, "--secret", SECRET],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    l.next_line();
    let with_store = |args: &[&str]| {
        let mut cmd = hookcli();
        cmd.arg("--store").arg(&store).args(args);
        run_cmd(&mut cmd, b"")
    };
    let (code, listed, err) = with_store(&["events", "list", "--limit", "5"]);
    assert_eq!(code, 0, "{err}");
    assert!(listed.starts_with("#1 "), "{listed}");
    assert_eq!(with_store(&["events", "--limit", "5"]).1, listed);
    let (code, shown, err) = with_store(&["events", "show", "1"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(with_store(&["events", "1"]).1, shown);
    let (_, body, _) = with_store(&["events", "show", "1", "--body"]);
    assert!(body.contains("\"invoice.paid\""), "{body}");
    // Bare `store` is `store info`.
    let (code, info, err) = with_store(&["store"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(info, with_store(&["store", "info"]).1);
}

#[test]
fn hookcli_toml_is_checked_when_read() {
    let dir = tempfile::tempdir().unwrap();
    let config = |text: &str| {
        std::fs::write(dir.path().join("hookcli.toml"), text).unwrap();
        let mut cmd = hookcli();
        cmd.current_dir(dir.path()).arg("config");
        run_cmd(&mut cmd, b"")
    };
    let (code, _, err) = config("[send]\nretry_schedule = \"1s,abc\"\n");
    assert_eq!(code, 2, "{err}");
    let (message, _) = one_line_and_hint(&err);
    assert!(
        message.contains("hookcli.toml:2:18: retry_schedule = \"1s,abc\": 'abc' is not a duration"),
        "{err}"
    );
    let (code, _, err) = config("tolerance = \"5m\"\n");
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "hookcli.toml:1:13: tolerance = \"5m\": tolerance is a whole number of seconds"
        ),
        "{err}"
    );
    assert!(!err.contains("invalid type"), "{err}");
    // send reports the file, not a flag nobody typed.
    std::fs::write(
        dir.path().join("hookcli.toml"),
        "[send]\nretry_schedule = \"1s,abc\"\n",
    )
    .unwrap();
    let mut cmd = hookcli();
    cmd.current_dir(dir.path())
        .args(["send", "invoice.paid", "--retry", "--secret", SECRET]);
    let (code, _, err) = run_cmd(&mut cmd, b"");
    assert_eq!(code, 2);
    assert!(err.contains("hookcli.toml:2:18"), "{err}");
    assert!(!err.contains("--retry-schedule"), "{err}");
}

/// A request whose sender gave up does not hold the listener up; one still
/// being answered is named, and a second Ctrl-C exits at once.
#[test]
fn ctrl_c_stops_at_once_and_says_what_it_waits_for() {
    let l = Listening::start(&["--secret", SECRET, "--respond", "200:30s"]);
    let port = l.addr.port().to_string();
    let (code, _, _) = run(
        &[
            "send",
            "invoice.paid",
            "--to",
            &port,
            "--secret",
            SECRET,
            "--timeout",
            "300ms",
        ],
        b"",
    );
    assert_eq!(code, 1);
    l.next_line();
    let started = Instant::now();
    let exited = l.interrupt();
    assert_eq!(exited.code, Some(0), "{}", exited.stderr);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "took {:?}",
        started.elapsed()
    );
    assert!(!exited.stderr.contains("waiting for"), "{}", exited.stderr);

    let l = Listening::start(&["--secret", SECRET, "--respond", "200:30s"]);
    let mut stream = connect(l.addr);
    let body = b"{}";
    write!(
        stream,
        "POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .unwrap();
    stream.write_all(body).unwrap();
    l.next_line();
    l.signal("-INT");
    let deadline = Instant::now() + Duration::from_secs(5);
    while !l
        .stderr()
        .contains("waiting for 1 request still being answered")
    {
        assert!(Instant::now() < deadline, "no waiting note: {}", l.stderr());
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(l.stderr().contains("Ctrl-C again to quit now"));
    let started = Instant::now();
    let exited = l.interrupt();
    assert_eq!(exited.code, Some(130), "{}", exited.stderr);
    assert!(started.elapsed() < Duration::from_secs(3));
    drop(stream);
}

#[test]
fn retries_end_with_gave_up_and_copies_are_numbered() {
    let app = Server::start(|_| Reply::status(503));
    let (code, out, _) = run(
        &[
            "send",
            "invoice.paid",
            "--to",
            &app.url("/h"),
            "--secret",
            SECRET,
            "--retry",
            "--retry-schedule",
            "0s,1s,1s",
            "--time-scale",
            "0.01",
        ],
        b"",
    );
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].contains("attempt 1 of 3: 503 Service Unavailable in"),
        "{out}"
    );
    assert!(lines[0].contains("retrying in"), "{out}");
    assert!(lines[1].contains("attempt 2 of 3:"), "{out}");
    // Headers and body only once, for the last attempt.
    assert_eq!(out.matches("← 503").count(), 1, "{out}");
    assert!(out.contains("gave up after 3 attempts"), "{out}");

    let ok = Server::ok();
    let (code, out, _) = run(
        &[
            "send",
            "invoice.paid",
            "--to",
            &ok.url("/h"),
            "--secret",
            SECRET,
            "--duplicates",
            "3",
        ],
        b"",
    );
    assert_eq!(code, 0);
    for n in 1..=3 {
        assert!(out.contains(&format!("copy {n} of 3")), "{out}");
    }
    assert!(!out.contains("attempt 1"), "{out}");
}

#[test]
fn load_summaries_say_what_happened() {
    let port = common::server::closed_port().to_string();
    let (code, out, _) = run(
        &[
            "send",
            "invoice.paid",
            "--to",
            &port,
            "--secret",
            SECRET,
            "--count",
            "5",
            "--concurrency",
            "2",
        ],
        b"",
    );
    assert_eq!(code, 1);
    assert!(
        out.contains("throughput  none: no request got a response"),
        "{out}"
    );
    assert!(!out.contains("req/s"), "{out}");
    let (_, json, _) = run(
        &[
            "send",
            "invoice.paid",
            "--to",
            &port,
            "--secret",
            SECRET,
            "--count",
            "5",
            "--json",
        ],
        b"",
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["requests_per_second"].is_null(), "{v}");

    let slow = Server::start(|_| Reply::status(200).delay(Duration::from_millis(60)));
    let (_, out, _) = run(
        &[
            "send",
            "invoice.paid",
            "--to",
            &slow.url("/h"),
            "--secret",
            SECRET,
            "--count",
            "4",
            "--budget",
            "10ms",
        ],
        b"",
    );
    assert!(
        out.contains("slow        4 over the --budget of 10.0 ms"),
        "{out}"
    );
    let (_, json, _) = run(
        &[
            "send",
            "invoice.paid",
            "--to",
            &slow.url("/h"),
            "--secret",
            SECRET,
            "--count",
            "4",
            "--json",
        ],
        b"",
    );
    // No float noise: every latency has at most 3 decimals.
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    for (_, ms) in v["latency_ms"].as_object().unwrap() {
        let text = ms.to_string();
        let decimals = text.split('.').nth(1).map_or(0, str::len);
        assert!(decimals <= 3, "{text}");
    }

    // listen --respond 200:DELAY reports the delay in the latency.
    let l = Listening::start(&["--secret", SECRET, "--respond", "200:400ms"]);
    let (code, _, _) = run(
        &[
            "send",
            "invoice.paid",
            "--to",
            &l.addr.port().to_string(),
            "--secret",
            SECRET,
        ],
        b"",
    );
    assert_eq!(code, 0);
    let line = l.next_line();
    let ms: f64 = line
        .split(" ms")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{line}"));
    assert!(ms >= 400.0, "{line}");
}

#[test]
fn a_404_on_a_path_hookcli_chose_says_so() {
    let app = Server::start(|_| Reply::status(404));
    let authority = app.authority();
    let (code, out, _) = run(
        &[
            "send",
            "invoice.paid",
            "--to",
            &authority,
            "--secret",
            SECRET,
        ],
        b"",
    );
    assert_eq!(code, 1);
    assert!(out.contains("POST http://"), "{out}");
    assert!(out.contains("/webhooks"), "{out}");
    assert!(
        out.contains("hookcli chose the path /webhooks because --to named none"),
        "{out}"
    );
    let (_, out, _) = run(
        &[
            "send",
            "invoice.paid",
            "--to",
            &format!("http://{authority}"),
            "--secret",
            SECRET,
        ],
        b"",
    );
    assert!(
        out.contains("hookcli chose the path / because --to named none"),
        "{out}"
    );
    let (_, out, _) = run(
        &[
            "send",
            "invoice.paid",
            "--to",
            &format!("{authority}/api/hooks"),
            "--secret",
            SECRET,
        ],
        b"",
    );
    assert!(!out.contains("hookcli chose the path"), "{out}");
}

#[test]
fn obvious_wrong_secrets_are_warned_about() {
    let (code, _, err) = run(&["sign", "invoice.paid", "--secret", "sk_test_123"], b"");
    assert_eq!(code, 0);
    assert!(
        err.contains("warning: the secret from --secret is an API key"),
        "{err}"
    );
    let mut cmd = hookcli();
    cmd.env("STRIPE_WEBHOOK_SECRET", "whsec_abc\n")
        .args(["sign", "invoice.paid"]);
    let (code, _, err) = run_cmd(&mut cmd, b"");
    assert_eq!(code, 0);
    assert!(
        err.contains("warning: the secret from STRIPE_WEBHOOK_SECRET ends with a newline"),
        "{err}"
    );
    let (_, _, err) = run(&["sign", "push", "--secret", " gh "], b"");
    assert!(err.contains("has whitespace around it"), "{err}");
    let (_, _, err) = run(&["sign", "invoice.paid", "--secret", SECRET], b"");
    assert!(err.is_empty(), "{err}");
    let (code, _, err) = run(
        &[
            "verify",
            "--secret",
            "",
            "--header",
            "Stripe-Signature: t=1,v1=00",
            "--body",
            "-",
        ],
        b"{}",
    );
    assert_eq!(code, 2, "{err}");
    one_line_and_hint(&err);
}

#[test]
fn small_texts() {
    // invoice.paid exists for two providers: fixtures list says which is meant.
    let (_, list, _) = run(&["fixtures", "list", "invoice.paid"], b"");
    assert!(
        list.contains("stripe    invoice.paid  (the default; also --provider standard)"),
        "{list}"
    );
    assert!(
        list.contains("standard  invoice.paid  (needs --provider standard"),
        "{list}"
    );
    // --prefix of another provider's events.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x");
    let (code, _, err) = run(
        &[
            "fixtures",
            "generate",
            "--out",
            out.to_str().unwrap(),
            "--prefix",
            "ping",
            "--secret",
            SECRET,
        ],
        b"",
    );
    assert_eq!(code, 2);
    assert!(err.contains("pass --provider github"), "{err}");
    // One event, singular.
    let (code, _, err) = run(
        &[
            "fixtures",
            "generate",
            "--out",
            out.to_str().unwrap(),
            "invoice.paid",
            "--secret",
            SECRET,
        ],
        b"",
    );
    assert_eq!(code, 0);
    assert!(err.contains("wrote 1 signed event to"), "{err}");
    // A malformed fixture has a hint line.
    let bad = common::write_temp(dir.path(), "bad.json", b"{\"a\": 1,}");
    let (code, _, err) = run(
        &[
            "sign",
            bad.to_str().unwrap(),
            "--provider",
            "stripe",
            "--secret",
            SECRET,
        ],
        b"",
    );
    assert_eq!(code, 2);
    let (message, _) = one_line_and_hint(&err);
    assert!(message.contains("bad.json:1:9"), "{err}");
    // A stale timestamp reads as a span a person says.
    let (_, signed, _) = run(
        &[
            "sign",
            "invoice.paid",
            "--secret",
            SECRET,
            "--timestamp",
            "1600000000",
            "--json",
        ],
        b"",
    );
    let req = common::write_temp(dir.path(), "old.json", signed.as_bytes());
    let (code, report, _) = run(
        &[
            "verify",
            "--request",
            req.to_str().unwrap(),
            "--secret",
            SECRET,
            "--now",
            "1700000000",
        ],
        b"",
    );
    assert_eq!(code, 1);
    assert!(
        report.contains("The timestamp is about 3 years (100000000 s) old"),
        "{report}"
    );
    // Global options are apart from a command's own in --help.
    let (_, help, _) = run(&["man", "--help"], b"");
    let own = help.find("--out").unwrap();
    let global = help.find("Global options:").unwrap();
    assert!(own < global && help[global..].contains("--store"), "{help}");
}

#[test]
fn github_events_get_fresh_ids_every_run() {
    let sign = || {
        let (code, out, err) = run(
            &[
                "--no-store",
                "sign",
                "push",
                "--provider",
                "github",
                "--secret",
                "s",
                "--format",
                "json",
            ],
            b"",
        );
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let body: serde_json::Value = serde_json::from_str(v["body"].as_str().unwrap()).unwrap();
        (v["headers"]["X-Hub-Signature-256"].clone(), body)
    };
    let (sig1, body1) = sign();
    let (sig2, body2) = sign();
    assert_ne!(sig1, sig2);
    assert_ne!(body1["after"], body2["after"]);
    assert_eq!(body1["after"], body1["head_commit"]["id"]);
    // A seed still makes them reproducible.
    let seeded = || {
        run(
            &[
                "--no-store",
                "sign",
                "push",
                "--provider",
                "github",
                "--secret",
                "s",
                "--seed",
                "7",
                "--timestamp",
                "1700000000",
            ],
            b"",
        )
        .1
    };
    assert_eq!(seeded(), seeded());
}

#[test]
fn a_reversed_sequence_is_seen_as_out_of_order_and_standard_types_are_named() {
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let l = Listening::start(&["--secret", secret, "--json"]);
    let to = l.addr.port().to_string();
    let (code, _, err) = run(
        &[
            "--no-store",
            "send",
            "customer.subscription.created",
            "customer.subscription.updated",
            "--order",
            "reversed",
            "--to",
            &to,
            "--secret",
            secret,
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let first = l.next_json();
    let second = l.next_json();
    assert_eq!(first["event_type"], "customer.subscription.updated");
    assert_eq!(second["event_type"], "customer.subscription.created");
    assert!(
        second["flags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["id"] == "out_of_order"),
        "{second}"
    );
    let (code, _, err) = run(
        &[
            "--no-store",
            "send",
            "user.created",
            "--provider",
            "standard",
            "--to",
            &to,
            "--secret",
            secret,
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let line = l.next_json();
    assert_eq!(line["provider"], "standard");
    assert_eq!(line["event_type"], "user.created", "{line}");
}

//! A new user's first hour, as a test: the README's quickstart, the classic
//! Express bug (a handler that parses the body before verifying) found and
//! fixed against the official `stripe` library, and the CI replay of
//! generated fixtures. Each step asserts what hookcli tells the user.

use crate::common;
use crate::common::listener::Listening;
use crate::common::{root, run, run_cmd};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SECRET: &str = "whsec_first_hour";

/// The handler of tests/first_hour/stripe_app.mjs, killed on drop.
struct App {
    child: Child,
    url: String,
}

impl App {
    fn start(mode: &str) -> App {
        assert!(
            root().join("tests/official/node_modules/stripe").exists(),
            "run scripts/setup-verifiers.sh (scripts/test.sh does) to install the stripe package"
        );
        let mut child = Command::new("node")
            .arg(root().join("tests/first_hour/stripe_app.mjs"))
            .args([mode, SECRET])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("node");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("app printed {line:?}"))
            .trim_end_matches('/')
            .to_string();
        App {
            child,
            url: format!("{base}/api/webhooks"),
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn quickstart() {
    let l = Listening::start(&["--secret", "whsec_test", "--diagnose"]);
    let port = l.addr.port().to_string();
    let (code, out, err) = run(
        &[
            "send",
            "payment_intent.succeeded",
            "--to",
            &port,
            "--secret",
            "whsec_test",
        ],
        b"",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("ok: 200 OK matches --expect 2xx"), "{out}");
    // A valid answer carries no empty Hookcli-Causes header.
    assert!(!out.to_lowercase().contains("hookcli-causes"), "{out}");
    assert!(l.next_line().contains("valid"));
    let (code, out, err) = run(
        &[
            "send",
            "charge.refunded",
            "--to",
            &port,
            "--secret",
            "whsec_wrong",
            "--expect",
            "400",
        ],
        b"",
    );
    assert_eq!(code, 0, "{out}{err}");
    let line = l.next_line();
    assert!(line.contains("INVALID (wrong_secret"), "{line}");
    let started = Instant::now();
    let exited = l.interrupt();
    assert_eq!(exited.code, Some(0));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "an idle listener took {:?} to stop",
        started.elapsed()
    );
    assert!(
        exited
            .stderr
            .contains("stopped: 2 received, 1 valid, 1 invalid"),
        "{}",
        exited.stderr
    );
}

#[test]
fn the_classic_express_bug_is_explained_then_fixed() {
    let buggy = App::start("parsed");
    let (code, out, err) = run(
        &[
            "send",
            "payment_intent.succeeded",
            "--to",
            &buggy.url,
            "--secret",
            SECRET,
        ],
        b"",
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("← 400 Bad Request"), "{out}");
    for said in [
        "hookcli signed this request correctly, with --secret (fp:",
        "parses the body before verifying",
        "the answer is the stripe library's \"No signatures found matching the expected signature for payload\"",
        "docs/causes.md",
        "hookcli listen --forward-to",
        "hookcli check --to http://",
    ] {
        assert!(out.contains(said), "missing {said:?} in\n{out}");
    }

    // hookcli in front of the app shows both sides.
    let proxy = Listening::start(&["--secret", SECRET, "--forward-to", &buggy.url]);
    let (code, out, _) = run(
        &[
            "send",
            "payment_intent.succeeded",
            "--to",
            &proxy.url("/api/webhooks"),
            "--secret",
            SECRET,
        ],
        b"",
    );
    assert_eq!(code, 1, "{out}");
    let line = proxy.next_line();
    assert!(line.contains("valid"), "{line}");
    assert!(line.contains("app_rejected_valid_signature"), "{line}");
    drop(proxy);

    let fixed = App::start("raw");
    let (code, out, err) = run(
        &[
            "send",
            "payment_intent.succeeded",
            "--to",
            &fixed.url,
            "--secret",
            SECRET,
        ],
        b"",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("\"received\":true"), "{out}");
    assert!(!out.contains("hint:"), "{out}");
}

/// `fixtures generate` + `replay.sh` in CI against a real verifier: the
/// pinned timestamp is stale, so the plain replay fails (exit 1), and
/// `--resign` passes.
#[test]
fn ci_replay_fails_on_a_rejection_and_passes_re_signed() {
    let app = App::start("raw");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("webhooks");
    let (code, _, err) = run(
        &[
            "fixtures",
            "generate",
            "--out",
            out.to_str().unwrap(),
            "--prefix",
            "invoice.pa",
            "--secret",
            SECRET,
            "--timestamp",
            "1700000000",
            "--seed",
            "1",
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("replay them with: sh"), "{err}");
    let script = out.join("replay.sh");
    let replay = |args: &[&str]| {
        let mut cmd = Command::new("sh");
        cmd.arg(&script)
            .args(args)
            .arg(&app.url)
            .env("HOOKCLI", env!("CARGO_BIN_EXE_hookcli"))
            .env("HOOKCLI_STORE", "off")
            .env("STRIPE_WEBHOOK_SECRET", SECRET);
        run_cmd(&mut cmd, b"")
    };
    let (code, stdout, stderr) = replay(&[]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.contains("FAIL 400 invoice.paid (expected 2xx)"),
        "{stdout}"
    );
    assert!(stderr.contains("did not match --expect 2xx"), "{stderr}");

    let (code, stdout, stderr) = replay(&["--expect", "400"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("ok   400 invoice.paid"), "{stdout}");

    let (code, stdout, stderr) = replay(&["--resign"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("ok   200 invoice.paid"), "{stdout}");
    assert!(!stdout.contains("FAIL"), "{stdout}");

    let (code, _, stderr) = replay(&["--bogus"]);
    assert_eq!(code, 2, "{stderr}");
}

/// `sign --raw` signs the file's bytes untouched, and the official stripe
/// library accepts the signature; without it the file is a template.
#[test]
fn raw_signs_the_exact_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let body = b"{\"id\": \"evt_mine\",  \"object\": \"event\", \"type\": \"invoice.paid\", \"created\": 1}\n";
    let file = common::write_temp(dir.path(), "captured.json", body);
    let (code, out, err) = run(
        &[
            "sign",
            file.to_str().unwrap(),
            "--raw",
            "--secret",
            SECRET,
            "--json",
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let signed: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(signed["body"].as_str().unwrap().as_bytes(), body);
    assert_eq!(signed["event_id"], "evt_mine");
    let answers = common::official_jsonl(
        "verify.py",
        &[serde_json::json!({
            "provider": "stripe",
            "secret": SECRET,
            "headers": signed["headers"],
            "body": signed["body"],
        })],
    );
    assert_eq!(answers[0]["ok"], true, "{}", answers[0]);

    let (_, templated, _) = run(
        &["sign", file.to_str().unwrap(), "--secret", SECRET, "--json"],
        b"",
    );
    let templated: serde_json::Value = serde_json::from_str(&templated).unwrap();
    assert_ne!(templated["body"], signed["body"]);

    // send --raw delivers the same bytes.
    let app = common::server::Server::ok();
    let (code, out, err) = run(
        &[
            "send",
            file.to_str().unwrap(),
            "--raw",
            "--to",
            &app.url("/hook"),
            "--secret",
            SECRET,
        ],
        b"",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(app.next().body, body.to_vec());

    let (code, _, err) = run(&["sign", "--raw", "invoice.paid", "--secret", SECRET], b"");
    assert_eq!(code, 2);
    assert!(err.contains("is not a file"), "{err}");
    let (_, help, _) = run(&["sign", "--help"], b"");
    assert!(help.contains("A file is a template"), "{help}");
}

#[test]
fn the_readme_counts_the_built_in_event_types() {
    let (_, list, _) = run(&["fixtures", "list"], b"");
    let count = list.lines().count();
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let said = format!("shows the {count} built-in");
    assert!(
        readme.replace('\n', " ").replace("  ", " ").contains(&said),
        "README should say `{said} event types`"
    );
}

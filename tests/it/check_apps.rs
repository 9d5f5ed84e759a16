//! `hookcli check` against real webhook apps (tests/apps/, installed by
//! scripts/setup-test-apps.sh, which scripts/test.sh runs first): each app
//! is started here on 127.0.0.1:0, audited, and the audit must name the
//! mistake planted in it in the right check; the correct ones pass with
//! exit 0.

use crate::common;
use crate::common::{hookcli, root, run_cmd};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const SECRET: &str = "whsec_check_apps_test_secret";

/// A test app, killed when dropped.
struct App {
    child: Child,
    port: u16,
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn apps_dir() -> std::path::PathBuf {
    root().join("tests/apps")
}

/// Starts `tests/apps/<script>` with `env` and waits for its address line.
fn start(script: &str, env: &[(&str, &str)]) -> App {
    let dir = apps_dir();
    let mut cmd = if script.ends_with(".py") {
        let python = dir.join(".venv/bin/python");
        assert!(
            python.exists(),
            "{} is missing: run scripts/setup-test-apps.sh (scripts/test.sh does)",
            python.display()
        );
        Command::new(python)
    } else {
        assert!(
            dir.join("node_modules/express").exists(),
            "tests/apps/node_modules is missing: run scripts/setup-test-apps.sh (scripts/test.sh does)"
        );
        Command::new("node")
    };
    cmd.arg(dir.join(script))
        .current_dir(&dir)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut child = cmd.spawn().expect("start the test app");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        if let Some(Ok(first)) = lines.next() {
            let _ = tx.send(first);
        }
        // Keep draining so the app never blocks on a full pipe.
        for _ in lines {}
    });
    let line = rx
        .recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("{script} printed no address"));
    let port = line
        .rsplit(':')
        .next()
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("{script} printed {line:?}"));
    App { child, port }
}

/// Runs `hookcli check` against `app` with `args` (and `env`), returning
/// (exit code, the JSON report, stderr).
fn audit(app: &App, args: &[&str], env: &[(&str, &str)]) -> (i32, Value, String) {
    let mut cmd = hookcli();
    cmd.args(["check", "--to", &app.port.to_string(), "--json"])
        .args(args)
        .envs(env.iter().copied());
    let (code, out, err) = run_cmd(&mut cmd, b"");
    let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| {
        panic!("not a JSON report ({e}); exit {code}; stderr: {err}; stdout: {out}")
    });
    (code, report, err)
}

fn check<'r>(report: &'r Value, id: &str) -> &'r Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id} in {report}"))
}

fn status(report: &Value, id: &str) -> String {
    check(report, id)["status"].as_str().unwrap().to_string()
}

fn cause(report: &Value, id: &str) -> String {
    check(report, id)["cause"]["id"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

/// Every check that did not pass, as `id=status`.
fn not_passing(report: &Value) -> Vec<String> {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] != "pass")
        .map(|c| {
            format!(
                "{}={}",
                c["id"].as_str().unwrap(),
                c["status"].as_str().unwrap()
            )
        })
        .collect()
}

fn assert_status(report: &Value, id: &str, want: &str) {
    assert_eq!(
        status(report, id),
        want,
        "{id}: {}",
        serde_json::to_string_pretty(check(report, id)).unwrap()
    );
}

fn no_critical_failure(report: &Value) {
    for c in report["checks"].as_array().unwrap() {
        assert!(
            !(c["status"] == "fail" && c["severity"] == "critical"),
            "critical failure: {c}"
        );
    }
}

#[test]
fn the_stripe_docs_express_handler_passes() {
    let app = start("stripe_raw.js", &[("STRIPE_WEBHOOK_SECRET", SECRET)]);
    let probe = format!("http://127.0.0.1:{}/test/effects", app.port);
    let (code, report, err) = audit(&app, &["--secret", SECRET, "--probe-url", &probe], &[]);
    assert_eq!(code, 0, "{err}\n{:?}", not_passing(&report));
    no_critical_failure(&report);
    for id in [
        "valid_delivery_accepted",
        "raw_body_preserved",
        "bad_signature_rejected",
        "missing_signature_rejected",
        "tampered_body_rejected",
        "empty_secret_forgery_rejected",
        "stale_timestamp_rejected",
        "downgrade_rejected",
        "malformed_signature_no_crash",
        "rotation_any_signature_matches",
        "unknown_scheme_ignored",
        "redelivery_idempotent",
        "concurrent_duplicate_once",
        "replay_is_noop",
        "out_of_order_tolerated",
        "ack_within_budget",
        "burst_within_budget",
        "liveness_after_abuse",
    ] {
        assert_status(&report, id, "pass");
    }
    // Stripe's SDKs accept future timestamps: reported, never failed.
    assert_status(&report, "future_timestamp_rejected", "warn");
    assert_eq!(
        check(&report, "future_timestamp_rejected")["severity"],
        "info"
    );
    // What the docs' handler really does wrong, as warnings: express.raw's
    // 100 kB default limit, a 500 on a signed `null`, Express's development
    // error pages.
    for id in not_passing(&report) {
        assert!(
            [
                "future_timestamp_rejected=warn",
                "large_payload_accepted=fail",
                "malformed_json_4xx=fail",
                "error_body_hygiene=fail",
            ]
            .contains(&id.as_str()),
            "unexpected: {id}"
        );
    }
    assert!(report["summary"]["requests"].as_u64().unwrap() > 60);
}

#[test]
fn human_and_junit_reports_of_the_same_audit() {
    let app = start("stripe_raw.js", &[("STRIPE_WEBHOOK_SECRET", SECRET)]);
    let port = app.port.to_string();
    let (code, out, err) = run_cmd(
        hookcli().args([
            "check",
            "--to",
            &port,
            "--secret",
            SECRET,
            "--only",
            "bad_signature_rejected,large_payload_accepted",
        ]),
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Rejects forgeries"), "{out}");
    assert!(out.contains("pass       bad_signature_rejected"), "{out}");
    assert!(out.contains("FAIL       large_payload_accepted"), "{out}");
    assert!(out.contains("fix: raise the body limit"), "{out}");
    assert!(out.contains("result: ok."), "{out}");
    assert!(!out.contains(SECRET), "the secret must never be printed");
    let (code, xml, err) = run_cmd(
        hookcli().args([
            "check",
            "--to",
            &port,
            "--secret",
            SECRET,
            "--format",
            "junit",
            "--fail-on",
            "warning",
        ]),
        b"",
    );
    assert_eq!(
        code, 1,
        "a warning-level failure fails with --fail-on warning: {err}"
    );
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        "{xml}"
    );
    assert_eq!(
        xml.matches("<testcase ").count(),
        29,
        "one testcase per check (Stripe has no handshake)\n{xml}"
    );
    assert!(xml.contains(r#"name="large_payload_accepted""#));
    assert!(xml.contains(r#"<failure type="warning""#), "{xml}");
}

#[test]
fn json_stringify_of_a_parsed_body_is_named() {
    let app = start("stripe_json.js", &[("STRIPE_WEBHOOK_SECRET", SECRET)]);
    let (code, report, err) = audit(&app, &["--secret", SECRET], &[]);
    assert_eq!(code, 1, "{err}");
    assert_status(&report, "valid_delivery_accepted", "fail");
    assert_eq!(
        cause(&report, "valid_delivery_accepted"),
        "body_reserialized"
    );
    assert!(
        check(&report, "valid_delivery_accepted")["fix"]
            .as_str()
            .unwrap()
            .contains("express.raw")
    );
    assert_status(&report, "raw_body_preserved", "fail");
    assert_eq!(cause(&report, "raw_body_preserved"), "body_reserialized");
    // The rest of the audit ran with the form it accepts: its forgeries are
    // still judged.
    assert_status(&report, "bad_signature_rejected", "pass");
}

#[test]
fn an_app_that_verifies_nothing_fails_every_forgery() {
    let app = start("no_verify.js", &[]);
    let (code, report, err) = audit(&app, &["--secret", SECRET], &[]);
    assert_eq!(code, 1, "{err}");
    assert_status(&report, "valid_delivery_accepted", "pass");
    for id in [
        "bad_signature_rejected",
        "missing_signature_rejected",
        "tampered_body_rejected",
        "empty_secret_forgery_rejected",
        "stale_timestamp_rejected",
        "downgrade_rejected",
        "malformed_signature_no_crash",
    ] {
        assert_status(&report, id, "fail");
    }
    assert_eq!(
        check(&report, "bad_signature_rejected")["severity"],
        "critical"
    );
}

#[test]
fn the_other_modes_secret_is_named() {
    let app = start(
        "other_mode.js",
        &[("STRIPE_WEBHOOK_SECRET_LIVE", "whsec_live_mode_secret")],
    );
    // The developer expects the test-mode secret; both are in the environment.
    let env = [
        ("STRIPE_WEBHOOK_SECRET_TEST", "whsec_test_mode_secret"),
        ("STRIPE_WEBHOOK_SECRET_LIVE", "whsec_live_mode_secret"),
    ];
    let (code, report, err) = audit(&app, &[], &env);
    assert_eq!(code, 1, "{err}");
    let valid = check(&report, "valid_delivery_accepted");
    assert_eq!(valid["status"], "fail");
    assert_eq!(valid["cause"]["id"], "wrong_secret");
    assert_eq!(
        valid["matched_secret"]["label"],
        "STRIPE_WEBHOOK_SECRET_LIVE"
    );
    assert!(
        valid["summary"]
            .as_str()
            .unwrap()
            .contains("your app verifies with STRIPE_WEBHOOK_SECRET_LIVE"),
        "{valid}"
    );
    let text = report.to_string();
    assert!(!text.contains("whsec_live_mode_secret") && !text.contains("whsec_test_mode_secret"));
    // Graded against the secret it does hold.
    assert_status(&report, "bad_signature_rejected", "pass");
    assert_status(&report, "raw_body_preserved", "pass");
}

#[test]
fn unhandled_types_and_malformed_json_answered_500_are_named() {
    let app = start("strict_500.js", &[("STRIPE_WEBHOOK_SECRET", SECRET)]);
    let (code, report, err) = audit(&app, &["--secret", SECRET], &[]);
    assert_eq!(code, 0, "only warning-level failures: {err}");
    assert_status(&report, "unknown_event_type_acknowledged", "fail");
    assert_eq!(
        cause(&report, "unknown_event_type_acknowledged"),
        "server_error"
    );
    assert_status(&report, "malformed_json_4xx", "fail");
    assert_status(&report, "error_body_hygiene", "fail");
    assert_status(&report, "valid_delivery_accepted", "pass");
    let (code, _, _) = audit(
        &app,
        &[
            "--secret",
            SECRET,
            "--only",
            "unknown_event_type_acknowledged",
            "--fail-on",
            "warning",
        ],
        &[],
    );
    assert_eq!(code, 1);
}

#[test]
fn a_slow_handler_is_over_budget() {
    let app = start(
        "slow.js",
        &[("STRIPE_WEBHOOK_SECRET", SECRET), ("SLOW_MS", "1500")],
    );
    let (code, report, err) = audit(
        &app,
        &[
            "--secret",
            SECRET,
            "--budget",
            "1s",
            "--only",
            "ack_within_budget,burst_within_budget,liveness_after_abuse",
        ],
        &[],
    );
    assert_eq!(code, 0, "over budget is a warning for Stripe: {err}");
    assert_status(&report, "ack_within_budget", "fail");
    assert_status(&report, "burst_within_budget", "fail");
    assert_status(&report, "valid_delivery_accepted", "skip");
    assert_status(&report, "bad_signature_rejected", "skip");
    let summary = check(&report, "ack_within_budget")["summary"]
        .as_str()
        .unwrap();
    assert!(summary.contains("over the 1.0 s budget"), "{summary}");
}

#[test]
fn a_handler_that_processes_retries_twice_is_caught_by_the_observer() {
    let app = start("non_idempotent.js", &[("STRIPE_WEBHOOK_SECRET", SECRET)]);
    let probe = format!("http://127.0.0.1:{}/test/effects", app.port);
    let (code, report, err) = audit(&app, &["--secret", SECRET, "--probe-url", &probe], &[]);
    assert_eq!(code, 1, "{err}");
    for id in [
        "redelivery_idempotent",
        "concurrent_duplicate_once",
        "replay_is_noop",
    ] {
        assert_status(&report, id, "fail");
        let s = check(&report, id)["summary"].as_str().unwrap();
        assert!(s.contains("processed 2 times"), "{s}");
    }
    // Without the observer the same app is unverified, never passed.
    let (_, report, _) = audit(
        &app,
        &["--secret", SECRET, "--only", "redelivery_idempotent"],
        &[],
    );
    assert_status(&report, "redelivery_idempotent", "unverified");
}

#[test]
fn the_flask_app_with_the_official_python_sdk() {
    let app = start("flask_stripe.py", &[("STRIPE_WEBHOOK_SECRET", SECRET)]);
    let (code, report, err) = audit(&app, &["--secret", SECRET], &[]);
    assert_eq!(code, 0, "{err}\n{:?}", not_passing(&report));
    no_critical_failure(&report);
    for id in [
        "valid_delivery_accepted",
        "raw_body_preserved",
        "bad_signature_rejected",
        "missing_signature_rejected",
        "tampered_body_rejected",
        "empty_secret_forgery_rejected",
        "stale_timestamp_rejected",
        "large_payload_accepted",
        "liveness_after_abuse",
    ] {
        assert_status(&report, id, "pass");
    }
}

#[test]
fn a_standard_webhooks_receiver() {
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let app = start("standard.js", &[("WEBHOOK_SECRET", secret)]);
    let (code, report, err) = audit(&app, &["--provider", "standard", "--secret", secret], &[]);
    assert_eq!(code, 0, "{err}\n{:?}", not_passing(&report));
    for id in [
        "valid_delivery_accepted",
        "raw_body_preserved",
        "rotation_any_signature_matches",
        "unknown_scheme_ignored",
        "bad_signature_rejected",
        "stale_timestamp_rejected",
        "future_timestamp_rejected",
    ] {
        assert_status(&report, id, "pass");
    }
    assert_status(&report, "downgrade_rejected", "skip");
}

#[test]
fn a_github_receiver_answers_ping() {
    let app = start(
        "github.mjs",
        &[("GITHUB_WEBHOOK_SECRET", "gh-secret-for-tests")],
    );
    let (code, report, err) = audit(
        &app,
        &["--provider", "github", "--secret", "gh-secret-for-tests"],
        &[],
    );
    assert_eq!(code, 0, "{err}\n{:?}", not_passing(&report));
    assert_status(&report, "github_ping", "pass");
    assert_status(&report, "downgrade_rejected", "pass");
    assert_status(&report, "bad_signature_rejected", "pass");
    assert_status(&report, "stale_timestamp_rejected", "skip");
}

#[test]
fn every_delivery_is_recorded_in_the_event_store() {
    let app = start("stripe_raw.js", &[("STRIPE_WEBHOOK_SECRET", SECRET)]);
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("events.db");
    let store = store.to_str().unwrap();
    let port = app.port.to_string();
    let (code, _, err) = run_cmd(
        hookcli().args([
            "--store",
            store,
            "check",
            "--to",
            &port,
            "--secret",
            SECRET,
            "--only",
            "bad_signature_rejected",
            "--json",
        ]),
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let (_, info, _) = run_cmd(
        hookcli().args(["--store", store, "store", "info", "--json"]),
        b"",
    );
    let info: Value = serde_json::from_str(&info).unwrap();
    let signed = info["tables"]["signed"].as_i64().unwrap_or(0);
    let deliveries = info["tables"]["deliveries"].as_i64().unwrap_or(0);
    // The genuine delivery and the forgery, each with its answer.
    assert!(signed >= 2 && deliveries >= 2, "{info}");
    // --no-store records nothing.
    let before = info["tables"].clone();
    let (code, _, err) = run_cmd(
        hookcli().args([
            "--store",
            store,
            "--no-store",
            "check",
            "--to",
            &port,
            "--secret",
            SECRET,
            "--only",
            "bad_signature_rejected",
        ]),
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let (_, info, _) = run_cmd(
        hookcli().args(["--store", store, "store", "info", "--json"]),
        b"",
    );
    let info: Value = serde_json::from_str(&info).unwrap();
    assert_eq!(info["tables"], before);
}

#[test]
fn nothing_listening_is_a_usage_error() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let to = format!("127.0.0.1:{port}");
    let (code, out, err) = run_cmd(
        hookcli().args(["check", "--to", &to, "--secret", SECRET]),
        b"",
    );
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains(&format!(
            "nothing is listening on 127.0.0.1:{port} — is your app running?"
        )),
        "{err}"
    );
    assert!(out.is_empty());
}

#[test]
fn a_target_beyond_loopback_needs_a_flag() {
    // TEST-NET-1: never contacted, refused before anything is sent.
    let (code, _, err) = run_cmd(
        hookcli().args([
            "check",
            "--to",
            "http://192.0.2.1/webhooks",
            "--secret",
            SECRET,
        ]),
        b"",
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("not a loopback address") && err.contains("--allow-remote"),
        "{err}"
    );
}

#[test]
fn unknown_check_ids_are_usage_errors() {
    let (code, _, err) = run_cmd(
        hookcli().args([
            "check",
            "--to",
            "4242",
            "--secret",
            SECRET,
            "--only",
            "bad_signature",
        ]),
        b"",
    );
    assert_eq!(code, 2);
    assert!(err.contains("unknown check id 'bad_signature'"), "{err}");
    assert!(err.contains("bad_signature_rejected"), "{err}");
}

/// Apps that use the official libraries installed for the cross-checks
/// (tests/official, scripts/setup-verifiers.sh).
fn official_installed(package: &str) {
    assert!(
        root()
            .join("tests/official/node_modules")
            .join(package)
            .exists(),
        "tests/official/node_modules/{package} is missing: run scripts/setup-verifiers.sh (scripts/test.sh does)"
    );
}

const TWILIO_TOKEN: &str = "12345678901234567890123456789012";

#[test]
fn a_twilio_app_with_the_official_middleware_passes() {
    official_installed("twilio");
    let app = start("twilio.mjs", &[("TWILIO_AUTH_TOKEN", TWILIO_TOKEN)]);
    let probe = format!("http://127.0.0.1:{}/test/effects", app.port);
    let (code, report, err) = audit(
        &app,
        &[
            "--provider",
            "twilio",
            "--secret",
            TWILIO_TOKEN,
            "--probe-url",
            &probe,
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}\n{:?}", not_passing(&report));
    no_critical_failure(&report);
    assert_eq!(report["provider"], "twilio");
    for id in [
        "valid_delivery_accepted",
        "no_redirect",
        "raw_body_preserved",
        "unknown_event_type_acknowledged",
        "large_payload_accepted",
        "bad_signature_rejected",
        "missing_signature_rejected",
        "tampered_body_rejected",
        "empty_secret_forgery_rejected",
        "malformed_signature_no_crash",
        "redelivery_idempotent",
        "concurrent_duplicate_once",
        "replay_is_noop",
        "ack_within_budget",
        "burst_within_budget",
        "oversized_payload_bounded",
        "liveness_after_abuse",
    ] {
        assert_status(&report, id, "pass");
    }
    // Twilio signs no timestamp and one signature per request.
    for id in [
        "stale_timestamp_rejected",
        "future_timestamp_rejected",
        "clock_skew_tolerated",
        "rotation_any_signature_matches",
        "unknown_scheme_ignored",
        "downgrade_rejected",
        "out_of_order_tolerated",
    ] {
        assert_status(&report, id, "skip");
    }
}

#[test]
fn a_twilio_app_that_pins_https_is_told_which_url_it_verifies() {
    official_installed("twilio");
    let app = start(
        "twilio.mjs",
        &[
            ("TWILIO_AUTH_TOKEN", TWILIO_TOKEN),
            ("TWILIO_PROTOCOL", "https"),
        ],
    );
    let (code, report, err) = audit(
        &app,
        &["--provider", "twilio", "--secret", TWILIO_TOKEN],
        &[],
    );
    assert_eq!(code, 1, "{err}");
    assert_status(&report, "valid_delivery_accepted", "fail");
    assert_eq!(cause(&report, "valid_delivery_accepted"), "url_mismatch");
    let message = check(&report, "valid_delivery_accepted")["cause"]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        message.contains(&format!("https://localhost:{}/webhooks", app.port)),
        "{message}"
    );
    // The rest of the audit signs for the URL the app verifies against.
    assert_status(&report, "bad_signature_rejected", "pass");
    assert_status(&report, "liveness_after_abuse", "pass");
}

/// The verification key of hookcli's local SendGrid test key, as `hookcli
/// keys` prints it for an app's configuration.
fn sendgrid_verification_key() -> String {
    let (code, out, err) = common::run(&["keys", "--provider", "sendgrid", "--json"], b"");
    assert_eq!(code, 0, "{err}");
    let line: Value = serde_json::from_str(out.trim()).unwrap();
    line["verification_key"].as_str().unwrap().to_string()
}

#[test]
fn a_sendgrid_app_with_the_official_library_passes() {
    official_installed("@sendgrid/eventwebhook");
    let key = sendgrid_verification_key();
    let app = start(
        "sendgrid.mjs",
        &[("SENDGRID_WEBHOOK_VERIFICATION_KEY", key.as_str())],
    );
    let probe = format!("http://127.0.0.1:{}/test/effects", app.port);
    let (code, report, err) = audit(
        &app,
        &["--provider", "sendgrid", "--probe-url", &probe],
        &[],
    );
    assert_eq!(code, 0, "{err}\n{:?}", not_passing(&report));
    no_critical_failure(&report);
    for id in [
        "valid_delivery_accepted",
        "raw_body_preserved",
        "unknown_event_type_acknowledged",
        "large_payload_accepted",
        "clock_skew_tolerated",
        "bad_signature_rejected",
        "missing_signature_rejected",
        "tampered_body_rejected",
        "empty_secret_forgery_rejected",
        "malformed_signature_no_crash",
        "redelivery_idempotent",
        "concurrent_duplicate_once",
        "replay_is_noop",
        "out_of_order_tolerated",
        "malformed_json_4xx",
        "empty_body_rejected",
        "burst_within_budget",
        "liveness_after_abuse",
    ] {
        assert_status(&report, id, "pass");
    }
    // The official libraries check no timestamp age: reported, at info.
    for id in ["stale_timestamp_rejected", "future_timestamp_rejected"] {
        assert_eq!(check(&report, id)["severity"], "info", "{id}");
    }
    assert_status(&report, "future_timestamp_rejected", "warn");
    for id in not_passing(&report) {
        assert!(
            [
                "stale_timestamp_rejected=fail",
                "future_timestamp_rejected=warn",
                // Express's development error page for the 30 MiB body.
                "error_body_hygiene=fail",
                "rotation_any_signature_matches=skip",
                "unknown_scheme_ignored=skip",
                "downgrade_rejected=skip",
            ]
            .contains(&id.as_str()),
            "unexpected: {id}"
        );
    }
}

#[test]
fn a_sendgrid_app_that_verifies_a_reserialized_batch_is_named() {
    official_installed("@sendgrid/eventwebhook");
    let key = sendgrid_verification_key();
    let app = start(
        "sendgrid.mjs",
        &[
            ("SENDGRID_WEBHOOK_VERIFICATION_KEY", key.as_str()),
            ("SENDGRID_BODY", "json"),
        ],
    );
    let (code, report, err) = audit(&app, &["--provider", "sendgrid"], &[]);
    assert_eq!(code, 1, "{err}");
    assert_status(&report, "valid_delivery_accepted", "fail");
    assert_eq!(
        cause(&report, "valid_delivery_accepted"),
        "body_reserialized"
    );
    assert_status(&report, "raw_body_preserved", "fail");
}

#[test]
fn a_sendgrid_app_configured_with_another_key_is_told_so() {
    official_installed("@sendgrid/eventwebhook");
    // SendGrid's published test key (sendgrid-nodejs, MIT): not hookcli's.
    let other = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";
    let app = start(
        "sendgrid.mjs",
        &[("SENDGRID_WEBHOOK_VERIFICATION_KEY", other)],
    );
    let (code, report, err) = audit(
        &app,
        &[
            "--provider",
            "sendgrid",
            "--only",
            "valid_delivery_accepted",
        ],
        &[],
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(cause(&report, "valid_delivery_accepted"), "untrusted_key");
    let fix = check(&report, "valid_delivery_accepted")["fix"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(fix.contains("hookcli keys"), "{fix}");
}

#[test]
fn a_sendgrid_audit_needs_a_private_key() {
    let key = sendgrid_verification_key();
    let (code, _, err) = common::run(
        &[
            "check",
            "--provider",
            "sendgrid",
            "--to",
            "1",
            "--secret",
            &key,
        ],
        b"",
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("private key"), "{err}");
    assert!(err.contains("hookcli keys"), "{err}");
}

#[test]
fn a_gitlab_receiver_checking_the_token_passes_and_the_body_check_is_skipped() {
    let app = start(
        "gitlab.mjs",
        &[("GITLAB_WEBHOOK_SECRET", "gitlab-token-for-tests")],
    );
    let (code, report, err) = audit(
        &app,
        &["--provider", "gitlab", "--secret", "gitlab-token-for-tests"],
        &[],
    );
    assert_eq!(code, 0, "{err}\n{:?}", not_passing(&report));
    assert_status(&report, "valid_delivery_accepted", "pass");
    assert_status(&report, "bad_signature_rejected", "pass");
    assert_status(&report, "missing_signature_rejected", "pass");
    assert_status(&report, "empty_secret_forgery_rejected", "pass");
    assert_status(&report, "malformed_signature_no_crash", "pass");
    assert_status(&report, "tampered_body_rejected", "skip");
    assert_status(&report, "stale_timestamp_rejected", "skip");
    let skipped = check(&report, "tampered_body_rejected");
    assert!(
        skipped.to_string().contains("does not cover the body"),
        "{skipped}"
    );
    // The token never appears in the report, not even in evidence.
    assert!(
        !report.to_string().contains("gitlab-token-for-tests"),
        "{report}"
    );
}

//! On a terminal vs in a pipe: prompts appear on a pseudo-terminal and never
//! without one; colour follows --color, NO_COLOR and whether the stream is a
//! terminal; a closed pipe ends quietly.

use crate::common::{hookcli, run, run_cmd};
use rexpect::session::{PtySession, spawn_command};
use std::process::Command;

const SECRET: &str = "whsec_terminal_test_secret";

/// hookcli on a fresh pseudo-terminal (stdin, stdout and stderr).
fn on_pty(configure: impl FnOnce(&mut Command)) -> PtySession {
    let mut cmd = hookcli();
    cmd.env_remove("NO_COLOR").env("TERM", "xterm-256color");
    configure(&mut cmd);
    spawn_command(cmd, Some(30_000)).expect("spawn on a pty")
}

fn has_ansi(text: &str) -> bool {
    text.contains("\x1b[")
}

#[test]
fn sign_without_an_event_offers_a_searchable_list_on_a_terminal() {
    let mut p = on_pty(|c| {
        c.args(["sign", "--secret", SECRET, "--format", "json"]);
    });
    p.exp_string("Event type").unwrap();
    p.send("charge.refunded").unwrap();
    p.flush().unwrap();
    // The list is redrawn per key, with matched letters highlighted; wait
    // for the redraw that shows the whole query, then pick the top entry.
    p.exp_string("charge.refunded\x1b[30m").unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("\"event_type\":\"charge.refunded\"").unwrap();
    let rest = p.exp_eof().unwrap();
    assert!(!rest.contains(SECRET));
}

#[test]
fn a_missing_secret_is_asked_for_with_hidden_input() {
    let typed = "whsec_typed_at_the_prompt";
    let mut p = on_pty(|c| {
        c.args(["sign", "charge.refunded", "--format", "json"]);
    });
    p.exp_string("signing secret").unwrap();
    p.send_line(typed).unwrap();
    let out = p.exp_eof().unwrap();
    assert!(out.contains("Stripe-Signature"), "{out}");
    assert!(!out.contains(typed), "typed secret echoed: {out}");
}

#[test]
fn clearing_the_store_asks_first_on_a_terminal_and_needs_yes_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("events.db");
    let store = store.to_str().unwrap();
    let (code, _, err) = run(
        &[
            "--store",
            store,
            "sign",
            "charge.refunded",
            "--secret",
            SECRET,
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let signed_rows = || {
        let (_, out, _) = run(&["--store", store, "store", "info", "--json"], b"");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["tables"]["signed"].as_i64().unwrap()
    };
    assert_eq!(signed_rows(), 1);

    // No terminal: never asks, refuses with the flag to pass.
    let (code, _, err) = run(&["--store", store, "store", "clear"], b"y\n");
    assert_eq!(code, 2);
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(signed_rows(), 1);

    // A terminal: answering no keeps everything.
    let mut p = on_pty(|c| {
        c.args(["--store", store, "store", "clear"]);
    });
    p.exp_string("Delete everything").unwrap();
    p.send("n").unwrap();
    p.flush().unwrap();
    p.exp_eof().unwrap();
    assert_eq!(signed_rows(), 1);

    // Yes clears it.
    let mut p = on_pty(|c| {
        c.args(["--store", store, "store", "clear"]);
    });
    p.exp_string("Delete everything").unwrap();
    p.send("y").unwrap();
    p.flush().unwrap();
    p.exp_eof().unwrap();
    assert_eq!(signed_rows(), 0);
}

#[test]
fn without_a_terminal_nothing_is_asked() {
    let (code, out, err) = run(&["sign", "--secret", SECRET], b"charge.refunded\n");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("no event given") && err.contains("fixtures list"),
        "{err}"
    );

    let (code, _, err) = run(&["sign", "charge.refunded"], b"whsec_x\n");
    assert_eq!(code, 2);
    assert!(
        err.contains("--secret") && err.contains("STRIPE_WEBHOOK_SECRET"),
        "{err}"
    );
}

/// `verify` of a request with a trailing newline added: an invalid verdict
/// with a cause id, the parts that get colour.
fn verify_args(dir: &std::path::Path) -> Vec<String> {
    let (code, out, err) = run(
        &[
            "sign",
            "charge.refunded",
            "--secret",
            SECRET,
            "--format",
            "json",
            "--timestamp",
            "1700000000",
            "--seed",
            "1",
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let body = dir.join("body");
    std::fs::write(&body, format!("{}\n", v["body"].as_str().unwrap())).unwrap();
    vec![
        "verify".into(),
        "--secret".into(),
        SECRET.into(),
        "--now".into(),
        "1700000000".into(),
        "-H".into(),
        format!(
            "Stripe-Signature: {}",
            v["headers"]["Stripe-Signature"].as_str().unwrap()
        ),
        "--body".into(),
        body.display().to_string(),
    ]
}

#[test]
fn colour_only_on_a_terminal_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let args = verify_args(dir.path());

    // Piped: plain, even without NO_COLOR.
    let mut cmd = hookcli();
    cmd.env_remove("NO_COLOR").args(&args);
    let (code, out, _) = run_cmd(&mut cmd, b"");
    assert_eq!(code, 1);
    assert!(out.contains("[body_mutated]"));
    assert!(!has_ansi(&out), "{out:?}");

    // Piped with --color always: coloured.
    let mut cmd = hookcli();
    cmd.arg("--color").arg("always").args(&args);
    let (_, out, _) = run_cmd(&mut cmd, b"");
    assert!(has_ansi(&out), "{out:?}");

    // CLICOLOR_FORCE colours a pipe; NO_COLOR beats it.
    let mut cmd = hookcli();
    cmd.env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .args(&args);
    assert!(has_ansi(&run_cmd(&mut cmd, b"").1));
    let mut cmd = hookcli();
    cmd.env("CLICOLOR_FORCE", "1").args(&args);
    assert!(!has_ansi(&run_cmd(&mut cmd, b"").1));

    // A terminal: coloured; with NO_COLOR or --color never: plain.
    let mut p = on_pty(|c| {
        c.args(&args);
    });
    let out = p.exp_eof().unwrap();
    assert!(has_ansi(&out), "{out:?}");
    let mut p = on_pty(|c| {
        c.env("NO_COLOR", "1").args(&args);
    });
    let out = p.exp_eof().unwrap();
    assert!(out.contains("body_mutated") && !has_ansi(&out), "{out:?}");
    let mut p = on_pty(|c| {
        c.arg("--color").arg("never").args(&args);
    });
    let out = p.exp_eof().unwrap();
    assert!(out.contains("body_mutated") && !has_ansi(&out), "{out:?}");
}

#[test]
fn a_closed_pipe_exits_quietly() {
    let bin = env!("CARGO_BIN_EXE_hookcli");
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{bin}' fixtures list | head -n 1; echo \"status=${{PIPESTATUS[0]}}\""
        ))
        .env("HOOKCLI_STORE", "off")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("status=0"), "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
}

//! GitLab end to end: a shared token, not a signature. `verify` and the
//! listener say so; a wrong token is `wrong_secret`; the token is never
//! printed in full nor kept in clear in the event store.

use crate::common::listener::Listening;
use crate::common::{hookcli, run, run_cmd, write_temp};
use serde_json::Value;

const TOKEN: &str = "gl-token-for-tests-7Qk2";

/// A GitLab delivery hookcli signs, as `sign --format json` prints it.
fn signed(event: &str, token: &str, dir: &std::path::Path) -> std::path::PathBuf {
    let (code, out, err) = run(
        &[
            "--no-store",
            "sign",
            "-p",
            "gitlab",
            event,
            "--secret",
            token,
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let req: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(req["headers"]["X-Gitlab-Token"], token, "{req}");
    write_temp(dir, "request.json", out.as_bytes())
}

#[test]
fn every_fixture_is_sent_with_gitlabs_headers_and_verifies() {
    let (code, out, _) = run(&["fixtures", "list", "--json"], b"");
    assert_eq!(code, 0);
    let list: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let names: Vec<String> = list
        .iter()
        .filter(|f| f["provider"] == "gitlab")
        .map(|f| f["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.len() >= 8, "{names:?}");
    let dir = tempfile::tempdir().unwrap();
    for (event, hook) in [
        ("push", "Push Hook"),
        ("tag_push", "Tag Push Hook"),
        ("merge_request.open", "Merge Request Hook"),
        ("issue.open", "Issue Hook"),
        ("note", "Note Hook"),
        ("pipeline", "Pipeline Hook"),
        ("build", "Job Hook"),
        ("release.create", "Release Hook"),
        ("deployment", "Deployment Hook"),
    ] {
        assert!(names.iter().any(|n| n == event), "{event}: {names:?}");
        let path = signed(event, TOKEN, dir.path());
        let req: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(req["headers"]["X-Gitlab-Event"], hook, "{event}");
        let (code, out, err) = run(
            &[
                "--no-store",
                "verify",
                "--request",
                path.to_str().unwrap(),
                "--secret",
                TOKEN,
                "--json",
            ],
            b"",
        );
        assert_eq!(code, 0, "{event}: {out}{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["provider"], "gitlab", "{v}");
    }
}

#[test]
fn verify_says_it_is_a_token_and_never_prints_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = signed("push", TOKEN, dir.path());
    let path = path.to_str().unwrap();
    let (code, out, err) = run(
        &["--no-store", "verify", "--request", path, "--secret", TOKEN],
        b"",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("valid: the gitlab token matches"), "{out}");
    assert!(out.contains("not a signature"), "{out}");
    assert!(out.contains("a changed body cannot be detected"), "{out}");
    assert!(!out.contains(TOKEN) && !err.contains(TOKEN), "{out}{err}");

    let (code, out, err) = run(
        &[
            "--no-store",
            "verify",
            "--request",
            path,
            "--secret",
            "another-token",
            "--json",
        ],
        b"",
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(!out.contains(TOKEN), "{out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["causes"][0]["id"], "wrong_secret", "{v}");
    assert!(
        v["note"].as_str().unwrap().contains("not a signature"),
        "{v}"
    );
    let fp = &v["diff"]["received"][0];
    assert!(fp.as_str().unwrap().starts_with("token fp:"), "{v}");

    // The app's copy read from a file with its newline.
    let with_newline = format!("{TOKEN}\n");
    let (code, out, _) = run(
        &[
            "--no-store",
            "verify",
            "--request",
            path,
            "--secret",
            &with_newline,
            "--json",
        ],
        b"",
    );
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["causes"][0]["id"], "secret_whitespace", "{v}");
}

#[test]
fn the_listener_says_it_is_a_token_and_the_store_keeps_only_a_fingerprint() {
    let l = Listening::start(&["--json", "--provider", "gitlab", "--secret", TOKEN]);
    let (code, out, err) = run(
        &[
            "--no-store",
            "send",
            "merge_request.open",
            "--provider",
            "gitlab",
            "--secret",
            TOKEN,
            "--to",
            &l.url("/hooks"),
        ],
        b"",
    );
    assert_eq!(code, 0, "{out}{err}");
    let line = l.next_json();
    assert_eq!(line["provider"], "gitlab", "{line}");
    assert_eq!(line["valid"], true, "{line}");
    assert_eq!(line["event_type"], "merge_request.open", "{line}");
    let (code, out, err) = run(
        &[
            "--no-store",
            "send",
            "push",
            "--provider",
            "gitlab",
            "--secret",
            "not-the-token",
            "--to",
            &l.url("/hooks"),
        ],
        b"",
    );
    assert_ne!(code, 2, "{out}{err}");
    let line = l.next_json();
    assert_eq!(line["valid"], false, "{line}");
    assert!(!line.to_string().contains("not-the-token"), "{line}");
    let store = l.store();
    let exited = l.interrupt();
    let printed = format!("{:?}{}", exited.stdout, exited.stderr);
    assert!(!printed.contains(TOKEN), "{printed}");

    // The text listener's start-up note.
    let text = Listening::start(&["--provider", "gitlab", "--secret", TOKEN]);
    let note = text.interrupt().stderr;
    assert!(note.contains("not a signature"), "{note}");
    assert!(!note.contains(TOKEN), "{note}");

    let db = std::fs::read(&store).unwrap();
    let wal = std::fs::read(store.with_extension("db-wal")).unwrap_or_default();
    for bytes in [&db, &wal] {
        assert!(
            !bytes.windows(TOKEN.len()).any(|w| w == TOKEN.as_bytes()),
            "the token is in the store"
        );
    }
    let (code, out, err) = run_cmd(
        hookcli()
            .arg("--store")
            .arg(&store)
            .args(["events", "list", "--json"]),
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let first: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let id = first["id"].to_string();
    let (code, out, err) = run_cmd(
        hookcli()
            .arg("--store")
            .arg(&store)
            .args(["events", "show", &id, "--json"]),
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("<redacted fp:"), "{out}");
    assert!(
        !out.contains(TOKEN) && !out.contains("not-the-token"),
        "{out}"
    );
}

#[test]
fn a_recorded_delivery_is_replayed_with_the_token_only_when_the_secret_is_given() {
    let first = Listening::start(&["--json", "--provider", "gitlab", "--secret", TOKEN]);
    let (code, out, err) = run(
        &[
            "--no-store",
            "send",
            "push",
            "--provider",
            "gitlab",
            "--secret",
            TOKEN,
            "--to",
            &first.url("/hooks"),
        ],
        b"",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(first.next_json()["valid"], true);
    let store = first.store();
    let target = Listening::start(&["--json", "--provider", "gitlab", "--secret", TOKEN]);
    let replay = |secret: Option<&str>| {
        let mut cmd = hookcli();
        cmd.arg("--store").arg(&store).args([
            "replay",
            "1",
            "--to",
            &target.url("/hooks"),
            "--json",
        ]);
        if let Some(s) = secret {
            cmd.args(["--secret", s]);
        }
        let (code, out, err) = run_cmd(&mut cmd, b"");
        assert_ne!(code, 2, "{out}{err}");
        assert!(!out.contains(TOKEN) && !err.contains(TOKEN), "{out}{err}");
        target.next_json()
    };
    // The store holds no token: without the secret, the redacted value goes.
    let line = replay(None);
    assert_eq!(line["valid"], false, "{line}");
    let line = replay(Some(TOKEN));
    assert_eq!(line["valid"], true, "{line}");
    drop(first);
}

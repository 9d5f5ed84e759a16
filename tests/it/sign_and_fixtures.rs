//! `hookcli sign` and `hookcli fixtures` end to end: reproducible output,
//! overrides, the documented generate layout, and clear failures on bad input.

use crate::common::{hookcli, run, run_cmd, write_temp};
use serde_json::Value;

const FIXED: &[&str] = &[
    "--timestamp",
    "1700000000",
    "--seed",
    "42",
    "--secret",
    "whsec_test",
];

fn sign_json(extra: &[&str]) -> Value {
    let mut args = vec![
        "--no-store",
        "sign",
        "payment_intent.succeeded",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args, b"");
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn seeded_output_is_byte_identical_and_unseeded_is_fresh() {
    let a = sign_json(FIXED);
    assert_eq!(a, sign_json(FIXED));
    assert_eq!(a["timestamp"], 1_700_000_000);
    assert_eq!(a["provider"], "stripe");
    assert_eq!(a["event_type"], "payment_intent.succeeded");
    let body: Value = serde_json::from_str(a["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["id"], a["event_id"]);
    assert_eq!(body["created"], 1_700_000_000);
    let fresh1 = sign_json(&["--secret", "whsec_test"]);
    let fresh2 = sign_json(&["--secret", "whsec_test"]);
    assert_ne!(fresh1["event_id"], fresh2["event_id"]);
}

#[test]
fn stripe_body_is_pretty_with_two_spaces_and_signed_over_t_dot_body() {
    let a = sign_json(FIXED);
    let body = a["body"].as_str().unwrap();
    assert!(body.starts_with("{\n  \"id\": \"evt_"), "{body}");
    assert!(!body.ends_with('\n'));
    let sig = a["headers"]["Stripe-Signature"].as_str().unwrap();
    assert!(sig.starts_with("t=1700000000,v1="), "{sig}");
}

#[test]
fn overrides_set_create_and_remove() {
    let a = sign_json(
        &[
            FIXED,
            &[
                "--set",
                "data.object.amount=5000",
                "--set",
                "data.object.metadata.order_id=A-17",
                "--unset",
                "data.object.description",
            ],
        ]
        .concat(),
    );
    let body: Value = serde_json::from_str(a["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["data"]["object"]["amount"], 5000);
    assert_eq!(body["data"]["object"]["metadata"]["order_id"], "A-17");
    assert!(body["data"]["object"].get("description").is_none());
}

#[test]
fn secret_comes_from_the_environment_and_is_never_printed() {
    let (code, out, err) = run_cmd(
        hookcli()
            .env("STRIPE_WEBHOOK_SECRET", "whsec_from_env_value")
            .args(["--no-store", "sign", "charge.succeeded", "--format", "json"]),
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("whsec_from_env_value") && !err.contains("whsec_from_env_value"));
}

#[test]
fn curl_and_http_formats_carry_the_exact_body() {
    let a = sign_json(FIXED);
    let body = a["body"].as_str().unwrap();
    let (_, http, _) = run(
        &[
            &[
                "--no-store",
                "sign",
                "payment_intent.succeeded",
                "--format",
                "http",
            ][..],
            FIXED,
        ]
        .concat(),
        b"",
    );
    assert!(http.ends_with(body));
    assert!(http.contains(&format!("Content-Length: {}\r\n", body.len())));
    let (_, curl, _) = run(
        &[
            &[
                "--no-store",
                "sign",
                "payment_intent.succeeded",
                "--format",
                "curl",
            ][..],
            FIXED,
        ]
        .concat(),
        b"",
    );
    let printf = curl.split(" | curl").next().unwrap();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(printf)
        .output()
        .unwrap();
    assert_eq!(out.stdout, body.as_bytes());
}

#[test]
fn user_fixture_files_and_dirs() {
    let dir = tempfile::tempdir().unwrap();
    write_temp(
        dir.path(),
        "order.paid.json",
        br#"{"type": "order.paid", "timestamp": "x", "data": {"id": 1}}"#,
    );
    let (code, out, err) = run(
        &[
            "--no-store",
            "sign",
            "order.paid",
            "--fixtures-dir",
            dir.path().to_str().unwrap(),
            "--secret",
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["provider"], "standard");
    assert!(
        v["headers"]["webhook-signature"]
            .as_str()
            .unwrap()
            .starts_with("v1,")
    );
}

/// Exit 2, exactly one `error:` line plus a hint, no panic.
fn assert_usage_error(args: &[&str], needles: &[&str]) {
    let (code, out, err) = run(args, b"");
    assert_eq!(code, 2, "{args:?}: stdout={out} stderr={err}");
    assert!(!err.contains("panicked"), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines[0].starts_with("error: "), "{err}");
    assert!(lines.len() <= 2, "{err}");
    for n in needles {
        assert!(err.contains(n), "{args:?}: expected {n:?} in {err}");
    }
}

#[test]
fn bad_input_is_one_clear_line_and_exit_2() {
    assert_usage_error(
        &[
            "--no-store",
            "sign",
            "payment_intent.suceeded",
            "--secret",
            "x",
        ],
        &[
            "unknown event type",
            "did you mean payment_intent.succeeded",
        ],
    );
    assert_usage_error(
        &["--no-store", "sign", "payment_intent.succeeded"],
        &["--secret", "STRIPE_WEBHOOK_SECRET"],
    );
    assert_usage_error(
        &[
            "--no-store",
            "sign",
            "charge.succeeded",
            "--secret",
            "x",
            "--set",
            "data.object.currency.code=1",
        ],
        &["bad path", "data.object.currency"],
    );
    assert_usage_error(
        &[
            "--no-store",
            "sign",
            "charge.succeeded",
            "--secret",
            "x",
            "--set",
            "novalue",
        ],
        &["PATH=VALUE"],
    );
    assert_usage_error(
        &[
            "--no-store",
            "sign",
            "/nonexistent/event.json",
            "--secret",
            "x",
        ],
        &["cannot read /nonexistent/event.json"],
    );
    assert_usage_error(
        &[
            "--no-store",
            "sign",
            "push",
            "--provider",
            "paypal",
            "--secret",
            "x",
        ],
        &["unknown provider"],
    );
    let dir = tempfile::tempdir().unwrap();
    let bad = write_temp(
        dir.path(),
        "bad.json",
        b"{\n  \"object\": \"event\",\n  \"type\" \"x\"\n}",
    );
    assert_usage_error(
        &["--no-store", "sign", bad.to_str().unwrap(), "--secret", "x"],
        &[&format!("{}:3:10: invalid JSON", bad.display())],
    );
    let odd = write_temp(dir.path(), "odd.json", b"{\"hello\": 1}");
    assert_usage_error(
        &["--no-store", "sign", odd.to_str().unwrap(), "--secret", "x"],
        &["--provider"],
    );
    assert_usage_error(&["verify", "--secret", "x"], &["--body"]);
}

#[test]
fn fixtures_list_filters_and_exits_1_on_nothing() {
    let (code, out, _) = run(&["fixtures", "list", "invoice."], b"");
    assert_eq!(code, 0);
    assert!(
        out.lines().count() >= 10 && out.lines().all(|l| l.contains("invoice.")),
        "{out}"
    );
    let (code, _, err) = run(&["fixtures", "list", "nope."], b"");
    assert_eq!(code, 1, "{err}");
    let (code, out, _) = run(&["fixtures", "list", "--provider", "stripe"], b"");
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 275);
}

fn tree(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in walk(dir) {
        files.push((
            entry.strip_prefix(dir).unwrap().display().to_string(),
            std::fs::read(&entry).unwrap(),
        ));
    }
    files.sort();
    files
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p))
        } else {
            out.push(p)
        }
    }
    out
}

#[test]
fn generate_is_byte_identical_and_documented_layout() {
    let tmp = tempfile::tempdir().unwrap();
    let generate = |name: &str| {
        let out = tmp.path().join(name);
        let (code, _, err) = run(
            &[
                &[
                    "--no-store",
                    "fixtures",
                    "generate",
                    "--prefix",
                    "invoice.",
                    "push",
                    "--out",
                    out.to_str().unwrap(),
                ][..],
                FIXED,
            ]
            .concat(),
            b"",
        );
        assert_eq!(code, 0, "{err}");
        out
    };
    let a = generate("a");
    let b = generate("b");
    assert_eq!(tree(&a), tree(&b));
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(a.join("manifest.json")).unwrap()).unwrap();
    let events = manifest["events"].as_array().unwrap();
    assert!(events.len() > 10);
    for e in events {
        let body = std::fs::read(a.join(e["body"].as_str().unwrap())).unwrap();
        let headers: Value =
            serde_json::from_slice(&std::fs::read(a.join(e["headers"].as_str().unwrap())).unwrap())
                .unwrap();
        assert!(!body.is_empty());
        assert!(headers.as_object().unwrap().len() >= 2);
        assert!(!serde_json::to_string(e).unwrap().contains("whsec_test"));
    }
    assert!(
        std::fs::read_to_string(a.join("replay.sh"))
            .unwrap()
            .contains("--data-binary @")
    );
}

#[test]
fn generate_leaves_nothing_behind_on_error_and_refuses_a_full_dir() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = write_temp(tmp.path(), "broken.json", b"{\"object\": \"event\",");
    let out = tmp.path().join("set");
    let (code, _, err) = run(
        &[
            "--no-store",
            "fixtures",
            "generate",
            "charge.succeeded",
            bad.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--secret",
            "x",
        ],
        b"",
    );
    assert_eq!(code, 2, "{err}");
    assert!(!out.exists());
    // Missing secret is detected mid-run too: still nothing written.
    let (code, _, _) = run(
        &[
            "--no-store",
            "fixtures",
            "generate",
            "charge.succeeded",
            "--out",
            out.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code, 2);
    assert!(!out.exists());
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("keep"), b"x").unwrap();
    let (code, _, err) = run(
        &[
            "--no-store",
            "fixtures",
            "generate",
            "charge.succeeded",
            "--out",
            out.to_str().unwrap(),
            "--secret",
            "x",
        ],
        b"",
    );
    assert_eq!(code, 2);
    assert!(err.contains("--force"), "{err}");
    assert!(out.join("keep").exists());
    let (code, _, err) = run(
        &[
            "--no-store",
            "fixtures",
            "generate",
            "charge.succeeded",
            "--out",
            out.to_str().unwrap(),
            "--secret",
            "x",
            "--force",
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert!(!out.join("keep").exists() && out.join("manifest.json").exists());
}

#[test]
fn sign_records_the_signed_bytes_in_the_store() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("events.db");
    let (code, out, err) = run(
        &[
            &[
                "--store",
                db.to_str().unwrap(),
                "sign",
                "payment_intent.succeeded",
                "--format",
                "json",
            ][..],
            FIXED,
        ]
        .concat(),
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let store = hookcli::store::Store::open(&db).unwrap();
    let found = store
        .find_signed_by_event_id(v["event_id"].as_str().unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(found.body, v["body"].as_str().unwrap().as_bytes());
    assert_eq!(found.source, "sign");
    let raw = std::fs::read(&db).unwrap();
    assert!(!raw.windows(10).any(|w| w == b"whsec_test"));
}

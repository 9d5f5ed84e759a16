//! `hookcli verify --json`: for every public cause id, a request broken in
//! that way is diagnosed with that id, through the command line a user runs.

use crate::common::{hookcli, run, run_cmd};
use serde_json::Value;

const SECRET: &str = "whsec_test_secret_for_diagnosis";
const T: i64 = 1_700_000_000;

/// A Stripe request signed by hookcli: (Stripe-Signature value, exact body).
fn signed_with(secret: &str, extra: &[&str]) -> (String, Vec<u8>) {
    let t = T.to_string();
    let mut args = vec![
        "sign",
        "payment_intent.succeeded",
        "--secret",
        secret,
        "--timestamp",
        &t,
        "--seed",
        "7",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args, b"");
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    (
        v["headers"]["Stripe-Signature"]
            .as_str()
            .unwrap()
            .to_string(),
        v["body"].as_str().unwrap().as_bytes().to_vec(),
    )
}

/// Runs `verify --json` on `body` with `headers` and `args`, returning
/// (exit code, parsed JSON).
fn verify(headers: &[String], body: &[u8], args: &[&str], env: &[(&str, &str)]) -> (i32, Value) {
    let file = body_file(body);
    let mut cmd = hookcli();
    cmd.arg("verify")
        .arg("--json")
        .arg("--body")
        .arg(file.path());
    if !args.contains(&"--now") {
        cmd.arg("--now").arg(T.to_string());
    }
    for h in headers {
        cmd.arg("--header").arg(h);
    }
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let (code, out, err) = run_cmd(&mut cmd, b"");
    let json = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out} / {err}"));
    (code, json)
}

fn body_file(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(&mut f, bytes).unwrap();
    f
}

fn stripe_header(value: &str) -> Vec<String> {
    vec![format!("Stripe-Signature: {value}")]
}

fn cause<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["causes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no cause {id} in {v:#}"))
}

fn mutation_of(body: &[u8], sig: &str) -> String {
    let (code, v) = verify(&stripe_header(sig), body, &["--secret", SECRET], &[]);
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(v["valid"], false);
    cause(&v, "body_mutated")["mutation"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn valid_request_exits_0_with_no_causes() {
    let (sig, body) = signed_with(SECRET, &[]);
    let (code, v) = verify(&stripe_header(&sig), &body, &["--secret", SECRET], &[]);
    assert_eq!(code, 0);
    assert_eq!(v["valid"], true);
    assert_eq!(v["causes"].as_array().unwrap().len(), 0);
}

#[test]
fn missing_header() {
    let (_, body) = signed_with(SECRET, &[]);
    let (code, v) = verify(
        &[],
        &body,
        &["--secret", SECRET, "--provider", "stripe"],
        &[],
    );
    assert_eq!(code, 1);
    cause(&v, "missing_header");
}

#[test]
fn malformed_header() {
    let (sig, body) = signed_with(SECRET, &[]);
    // A proxy that "pretty-printed" the header with spaces after commas.
    let spaced = sig.replace(",", ", ");
    let (_, v) = verify(&stripe_header(&spaced), &body, &["--secret", SECRET], &[]);
    cause(&v, "malformed_header");
    // Only a v0 signature, no v1.
    let v0 = sig.replace("v1=", "v0=");
    let (code, v) = verify(&stripe_header(&v0), &body, &["--secret", SECRET], &[]);
    assert_eq!(code, 1);
    cause(&v, "malformed_header");
}

#[test]
fn wrong_secret_names_the_candidate_that_matched() {
    let live = "whsec_live_secret_signed_this";
    let (sig, body) = signed_with(live, &[]);
    let (code, v) = verify(
        &stripe_header(&sig),
        &body,
        &["--secret", SECRET],
        &[("STRIPE_WEBHOOK_SECRET_LIVE", live)],
    );
    assert_eq!(code, 1);
    let c = cause(&v, "wrong_secret");
    assert_eq!(c["matched_secret"], "STRIPE_WEBHOOK_SECRET_LIVE", "{c:#}");
    let text = v.to_string();
    assert!(
        !text.contains(live) && !text.contains(SECRET),
        "secret leaked: {text}"
    );
}

#[test]
fn secret_whitespace() {
    let (sig, body) = signed_with(SECRET, &[]);
    let with_newline = format!("{SECRET}\n");
    let (code, v) = verify(
        &stripe_header(&sig),
        &body,
        &["--secret", &with_newline],
        &[],
    );
    assert_eq!(code, 1);
    cause(&v, "secret_whitespace");
}

#[test]
fn secret_wrong_kind() {
    let (sig, body) = signed_with(SECRET, &[]);
    let api_key = "sk_test_51ABCDEFghijklmnopqrstuv";
    let (code, v) = verify(&stripe_header(&sig), &body, &["--secret", api_key], &[]);
    assert_eq!(code, 1);
    cause(&v, "secret_wrong_kind");
    assert!(!v.to_string().contains(api_key));
}

#[test]
fn timestamp_skew_reports_age_and_direction() {
    let (sig, body) = signed_with(SECRET, &[]);
    let (code, v) = verify(
        &stripe_header(&sig),
        &body,
        &["--secret", SECRET, "--now", &(T + 1000).to_string()],
        &[],
    );
    assert_eq!(code, 1);
    assert_eq!(cause(&v, "timestamp_skew")["age_seconds"], 1000);
    let (_, v) = verify(
        &stripe_header(&sig),
        &body,
        &["--secret", SECRET, "--now", &(T - 600).to_string()],
        &[],
    );
    assert_eq!(cause(&v, "timestamp_skew")["age_seconds"], -600);
    // Within a wider tolerance it is valid.
    let (code, _) = verify(
        &stripe_header(&sig),
        &body,
        &[
            "--secret",
            SECRET,
            "--now",
            &(T + 1000).to_string(),
            "--tolerance",
            "2000",
        ],
        &[],
    );
    assert_eq!(code, 0);
}

#[test]
fn body_mutations_are_named() {
    let (sig, body) = signed_with(SECRET, &["--set", "data.object.description=Café order"]);
    let text = String::from_utf8(body.clone()).unwrap();

    let parsed: Value = serde_json::from_slice(&body).unwrap();
    let compact = serde_json::to_vec(&parsed).unwrap();
    assert_eq!(mutation_of(&compact, &sig), "reserialized_json");

    let mut newline = body.clone();
    newline.push(b'\n');
    assert_eq!(mutation_of(&newline, &sig), "trailing_newline");

    let crlf = text.replace('\n', "\r\n").into_bytes();
    assert_eq!(mutation_of(&crlf, &sig), "line_endings");

    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(&body);
    assert_eq!(mutation_of(&bom, &sig), "bom");

    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&body);
    assert_eq!(mutation_of(b64.as_bytes(), &sig), "base64");

    // UTF-8 converted to Latin-1: "é" becomes the single byte 0xE9.
    let latin1: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    assert_eq!(mutation_of(&latin1, &sig), "charset");

    // A field rewritten by a proxy: nothing canonical explains it.
    let rewritten = text.replace("Café order", "Cafe order").into_bytes();
    assert_eq!(mutation_of(&rewritten, &sig), "unknown");
}

#[test]
fn wrong_provider() {
    let (code, out, err) = run(
        &[
            "sign",
            "push",
            "--provider",
            "github",
            "--secret",
            SECRET,
            "--seed",
            "1",
            "--timestamp",
            &T.to_string(),
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let headers: Vec<String> = v["headers"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, val)| format!("{k}: {}", val.as_str().unwrap()))
        .collect();
    let body = v["body"].as_str().unwrap().as_bytes();
    let (code, v) = verify(
        &headers,
        body,
        &["--secret", SECRET, "--provider", "stripe"],
        &[],
    );
    assert_eq!(code, 1);
    cause(&v, "wrong_provider");
}

#[test]
fn human_report_explains_and_never_prints_the_secret() {
    let (sig, body) = signed_with(SECRET, &[]);
    let mut newline = body.clone();
    newline.push(b'\n');
    let file = body_file(&newline);
    let (code, out, err) = run(
        &[
            "verify",
            "--secret",
            SECRET,
            "--now",
            &T.to_string(),
            "--header",
            &format!("Stripe-Signature: {sig}"),
            "--body",
            file.path().to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("body_mutated"), "{out}");
    assert!(out.contains("\\n"), "invisible newline made visible: {out}");
    assert!(!out.contains(SECRET) && !err.contains(SECRET));
    // The whole report, as the user reads it.
    insta::assert_snapshot!("verify_human_trailing_newline", out);
}

#[test]
fn body_from_stdin_and_usage_errors_exit_2() {
    let (sig, body) = signed_with(SECRET, &[]);
    let h = format!("Stripe-Signature: {sig}");
    let t = T.to_string();
    let (code, _, err) = run(
        &[
            "verify", "--secret", SECRET, "--now", &t, "-H", &h, "--body", "-",
        ],
        &body,
    );
    assert_eq!(code, 0, "{err}");

    let (code, _, err) = run(&["verify", "--secret", SECRET, "-H", &h], b"");
    assert_eq!(code, 2);
    assert!(err.contains("--body"), "{err}");

    let (code, _, err) = run(
        &[
            "verify",
            "--secret",
            SECRET,
            "-H",
            &h,
            "--body",
            "/nonexistent/body.json",
        ],
        b"",
    );
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/body.json"), "{err}");
    assert_eq!(err.trim().lines().count(), 2, "reason and hint: {err}");

    let (code, _, err) = run(&["verify", "-H", &h, "--body", "-"], &body);
    assert_eq!(code, 2);
    assert!(
        err.contains("--secret") && err.contains("STRIPE_WEBHOOK_SECRET"),
        "{err}"
    );
}

//! What the per-provider cross-checks share: hookcli's built-in fixture
//! names, `hookcli sign … --format json` as an official verifier's input
//! line, and `hookcli verify` of a request signed elsewhere.

use crate::common::run;
use serde_json::{Value, json};

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

pub fn names(provider: &str) -> Vec<String> {
    let (code, out, err) = run(&["fixtures", "list", "--provider", provider, "--json"], b"");
    assert_eq!(code, 0, "{err}");
    out.lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["name"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// `hookcli sign NAME --provider P --secret S --format json [extra]`, as a
/// verifier input line `{"secret", "headers", "body", "now"}`.
pub fn signed(provider: &str, name: &str, secret: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "sign",
        name,
        "--provider",
        provider,
        "--secret",
        secret,
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args, b"");
    assert_eq!(code, 0, "sign {name}: {err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    json!({"secret": secret, "headers": v["headers"], "body": v["body"], "now": now()})
}

/// `hookcli verify --json` of `body` with `headers`: its JSON report and exit code.
pub fn verify(
    provider: &str,
    secret: &str,
    headers: &[(&str, &str)],
    body: &str,
    extra: &[&str],
) -> (i32, Value) {
    let mut args: Vec<String> = [
        "verify",
        "--provider",
        provider,
        "--secret",
        secret,
        "--body",
        "-",
        "--json",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (name, value) in headers {
        args.push("--header".into());
        args.push(format!("{name}: {value}"));
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = run(&args, body.as_bytes());
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{out} {err}: {e}"));
    (code, v)
}

/// Every answer is a rejection (the harness can say no).
pub fn assert_all_rejected(what: &str, answers: &[Value]) {
    for a in answers {
        assert_eq!(a["ok"], json!(false), "{what} accepted a bad request: {a}");
    }
}

/// `input` with its body changed by one byte.
pub fn tampered(input: &Value) -> Value {
    let mut t = input.clone();
    let body = t["body"].as_str().unwrap();
    let flipped: String = body.replacen("e", "E", 1);
    assert_ne!(flipped, body);
    t["body"] = json!(flipped);
    t
}

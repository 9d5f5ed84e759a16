//! Every command's `--json` output has exactly the shape documented in
//! docs/json.md: each ```json NAME block there is an example, and the output
//! of the matching command below must have the same keys (recursively) and
//! the same JSON types where both are non-null. A key "…" in an example
//! allows further keys at that level.

use crate::common;
use crate::common::{hookcli, run_cmd};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::time::Duration;

const SECRET: &str = "whsec_json_schema_test";

fn documented() -> BTreeMap<String, Value> {
    let text = std::fs::read_to_string(common::root().join("docs/json.md")).unwrap();
    let mut out = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    for line in text.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(info)) => {
                let mut words = info.split_whitespace();
                if words.next() == Some("json") {
                    let name = words.next().expect("```json NAME").to_string();
                    current = Some((name, String::new()));
                }
            }
            (Some(_), Some(_)) => {
                let (name, body) = current.take().unwrap();
                let v: Value = serde_json::from_str(&body)
                    .unwrap_or_else(|e| panic!("docs/json.md block {name} is not JSON: {e}"));
                out.insert(name, v);
            }
            (Some((_, body)), None) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    out
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn compare(example: &Value, actual: &Value, path: &str, errors: &mut Vec<String>) {
    match (example, actual) {
        (_, Value::Null) | (Value::Null, _) => {}
        (Value::Object(e), Value::Object(a)) => {
            let open = e.contains_key("…");
            for (k, ev) in e {
                if k == "…" {
                    continue;
                }
                match a.get(k) {
                    Some(av) => compare(ev, av, &format!("{path}.{k}"), errors),
                    None => errors.push(format!("{path}.{k}: documented but missing")),
                }
            }
            if !open {
                for k in a.keys().filter(|k| !e.contains_key(*k)) {
                    errors.push(format!("{path}.{k}: present but not documented"));
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if let Some(first) = e.first() {
                for (i, av) in a.iter().enumerate() {
                    compare(first, av, &format!("{path}[{i}]"), errors);
                }
            }
        }
        (e, a) if kind(e) != kind(a) => {
            errors.push(format!("{path}: documented {} but is {}", kind(e), kind(a)))
        }
        _ => {}
    }
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn run_json(args: &[&str], store: &str) -> Vec<Value> {
    let mut cmd = hookcli();
    cmd.args(["--store", store]).args(args);
    let (_, out, err) = run_cmd(&mut cmd, b"");
    let lines = json_lines(&out);
    assert!(!lines.is_empty(), "{args:?} printed no JSON; stderr: {err}");
    lines
}

struct Listener {
    child: Child,
    port: String,
    first: Value,
}

fn listen(store: &str) -> Listener {
    let mut child = hookcli()
        .args([
            "--store", store, "listen", "--port", "0", "--secret", SECRET, "--json",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let first: Value = serde_json::from_str(&line).unwrap();
    let port = first["port"].to_string();
    // Keep reading so the listener never blocks on a full pipe; hand the
    // lines back through a thread.
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for l in reader.lines().map_while(Result::ok) {
            let _ = tx.send(l);
        }
    });
    LINES.with(|cell| *cell.borrow_mut() = Some(rx));
    Listener { child, port, first }
}

thread_local! {
    static LINES: std::cell::RefCell<Option<std::sync::mpsc::Receiver<String>>> =
        const { std::cell::RefCell::new(None) };
}

fn listener_lines_until(pred: impl Fn(&Value) -> bool) -> Value {
    LINES.with(|cell| {
        let cell = cell.borrow();
        let rx = cell.as_ref().unwrap();
        loop {
            let line = rx
                .recv_timeout(Duration::from_secs(30))
                .expect("listener line");
            let v: Value = serde_json::from_str(&line).unwrap();
            if pred(&v) {
                return v;
            }
        }
    })
}

#[test]
fn every_documented_shape_matches_the_output() {
    let docs = documented();
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("events.db");
    let store = store.to_str().unwrap();
    let mut actual: BTreeMap<&str, Value> = BTreeMap::new();

    actual.insert(
        "sign",
        run_json(
            &[
                "sign",
                "charge.refunded",
                "--secret",
                SECRET,
                "--format",
                "json",
            ],
            store,
        )
        .remove(0),
    );
    let signed = dir.path().join("signed.json");
    std::fs::write(&signed, actual["sign"].to_string()).unwrap();
    actual.insert(
        "verify",
        run_json(
            &[
                "verify",
                "--request",
                signed.to_str().unwrap(),
                "--secret",
                "whsec_other",
                "--json",
            ],
            store,
        )
        .remove(0),
    );
    actual.insert(
        "fixtures-list",
        run_json(&["fixtures", "list", "invoice.", "--json"], store).remove(0),
    );
    actual.insert(
        "fixtures-show",
        run_json(&["fixtures", "show", "ping", "--json"], store).remove(0),
    );
    let out = dir.path().join("gen");
    actual.insert(
        "fixtures-generate",
        run_json(
            &[
                "fixtures",
                "generate",
                "--out",
                out.to_str().unwrap(),
                "--prefix",
                "invoice.p",
                "--secret",
                SECRET,
                "--json",
            ],
            store,
        )
        .remove(0),
    );

    let mut l = listen(store);
    actual.insert("listen-start", l.first.clone());
    let good = run_json(
        &[
            "send",
            "charge.refunded",
            "--to",
            &l.port,
            "--secret",
            SECRET,
            "--json",
        ],
        store,
    );
    actual.insert("send", good[0].clone());
    let bad = run_json(
        &[
            "send",
            "charge.refunded",
            "--to",
            &l.port,
            "--secret",
            "whsec_wrong",
            "--json",
            "--expect",
            "400",
        ],
        store,
    );
    let body = bad[0]["response"]["body"].as_str().unwrap();
    actual.insert("listen-response", serde_json::from_str(body).unwrap());
    actual.insert(
        "listen-request",
        listener_lines_until(|v| v["valid"] == false),
    );
    actual.insert(
        "send-load",
        run_json(
            &[
                "send",
                "charge.refunded",
                "--to",
                &l.port,
                "--secret",
                SECRET,
                "--count",
                "5",
                "--concurrency",
                "2",
                "--json",
            ],
            store,
        )
        .remove(0),
    );
    actual.insert(
        "events",
        run_json(&["events", "--json", "--limit", "1"], store).remove(0),
    );
    let id = actual["events"]["id"].to_string();
    let to = format!("http://127.0.0.1:{}/webhooks", l.port);
    actual.insert(
        "replay",
        run_json(
            &["replay", &id, "--to", &to, "--secret", SECRET, "--json"],
            store,
        )
        .remove(0),
    );
    // hookcli's own listener as the audited endpoint: genuine deliveries
    // with its secret are accepted, a wrong one is named.
    actual.insert(
        "check",
        run_json(
            &[
                "check",
                "--to",
                &l.port,
                "--secret",
                "whsec_not_the_listeners",
                "--secret",
                SECRET,
                "--only",
                "valid_delivery_accepted,bad_signature_rejected",
                "--json",
            ],
            store,
        )
        .remove(0),
    );
    let pid = l.child.id().to_string();
    std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap();
    actual.insert(
        "listen-summary",
        listener_lines_until(|v| v.get("summary").is_some()),
    );
    let _ = l.child.wait();

    let project = tempfile::tempdir().unwrap();
    std::fs::write(project.path().join("hookcli.toml"), "tolerance = 600\n").unwrap();
    let (code, out, err) = run_cmd(
        hookcli()
            .current_dir(project.path())
            .args(["--store", store, "config", "--json"])
            .env("HOOKCLI_PORT", "5000")
            .env("STRIPE_WEBHOOK_SECRET", SECRET),
        b"",
    );
    assert_eq!(code, 0, "{err}");
    actual.insert("config", serde_json::from_str(&out).unwrap());
    actual.insert(
        "store-info",
        run_json(&["store", "info", "--json"], store).remove(0),
    );
    actual.insert(
        "sign-keypair",
        run_json(
            &[
                "sign",
                "processed",
                "--provider",
                "sendgrid",
                "--format",
                "json",
            ],
            store,
        )
        .remove(0),
    );
    actual.insert("keys", run_json(&["keys", "--json"], store).remove(0));

    let mut errors = Vec::new();
    for (name, example) in &docs {
        match actual.get(name.as_str()) {
            Some(a) => compare(example, a, name, &mut errors),
            None => errors.push(format!("{name}: documented but not checked by this test")),
        }
    }
    for name in actual.keys() {
        if !docs.contains_key(*name) {
            errors.push(format!(
                "{name}: checked but not documented in docs/json.md"
            ));
        }
    }
    assert!(
        errors.is_empty(),
        "docs/json.md is out of date:\n{}",
        errors.join("\n")
    );
}

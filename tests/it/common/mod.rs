//! Helpers shared by the integration tests: the hookcli binary, and the
//! official-library programs under tests/official/ (installed by
//! scripts/setup-verifiers.sh, which scripts/test.sh runs first).
#![allow(dead_code)]

pub mod server;

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The only variables the programs a test runs (hookcli, a shell running
/// documented commands, the official libraries) inherit. Everything else
/// is cleared, so no secret, `HOOKCLI_*` setting or colour variable of the
/// developer's can leak in, whatever variables hookcli learns to read.
pub const INHERITED_VARS: &[&str] = &[
    "PATH",
    "HOME",
    "TMPDIR",
    "LANG",
    "LC_ALL",
    "RUST_BACKTRACE",
    "LLVM_PROFILE_FILE",
];

/// Clears `cmd`'s environment down to [`INHERITED_VARS`].
pub fn clear_env(cmd: &mut Command) -> &mut Command {
    cmd.env_clear();
    for var in INHERITED_VARS {
        if let Some(value) = std::env::var_os(var) {
            cmd.env(var, value);
        }
    }
    cmd
}

/// A loopback address nothing listens on, held for the rest of the test
/// run: a socket bound to it that never listens, so connecting is refused
/// and no other test can be given the port.
pub fn refused_addr() -> std::net::SocketAddr {
    use socket2::{Domain, SockAddr, Socket, Type};
    static HELD: std::sync::Mutex<Vec<Socket>> = std::sync::Mutex::new(Vec::new());
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None).expect("a TCP socket");
    let any: std::net::SocketAddr = "127.0.0.1:0".parse().unwrap();
    socket.bind(&SockAddr::from(any)).expect("bind 127.0.0.1:0");
    let addr = socket.local_addr().unwrap().as_socket().unwrap();
    HELD.lock().unwrap().push(socket);
    addr
}

/// Where the tests' hookcli keeps its local test key pairs: one directory
/// for the whole run (the keys are reused, as a user's are), never the
/// developer's own.
pub fn test_keys_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hookcli-keys")
}

/// The hookcli binary under test, its environment cleared ([`clear_env`]).
pub fn hookcli() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hookcli"));
    clear_env(&mut cmd);
    // Never the developer's own store: tests that want one pass --store.
    cmd.env("HOOKCLI_STORE", "off");
    cmd.env("HOOKCLI_KEYS", test_keys_dir());
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Runs hookcli with `args` and stdin, returning (exit code, stdout, stderr).
pub fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    run_cmd(hookcli().args(args), stdin)
}

pub fn run_cmd(cmd: &mut Command, stdin: &[u8]) -> (i32, String, String) {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn hookcli");
    // A program that exits without reading its input is not an error here.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin) {
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::BrokenPipe,
            "writing stdin: {e}"
        );
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn official(path: &str) -> PathBuf {
    let p = root().join("tests/official").join(path);
    assert!(
        p.exists(),
        "{} is missing: run scripts/setup-verifiers.sh (scripts/test.sh does this before cargo test)",
        p.display()
    );
    p
}

/// The venv Python that has the official `stripe` and `standardwebhooks` packages.
pub fn official_python() -> PathBuf {
    official(".venv/bin/python")
}

/// Feeds JSON lines to one of the official-library programs and returns its answers.
pub fn official_jsonl(script: &str, inputs: &[Value]) -> Vec<Value> {
    let script_path = root().join("tests/official").join(script);
    let mut cmd = if script.ends_with(".py") {
        Command::new(official_python())
    } else {
        official("node_modules/stripe");
        Command::new("node")
    };
    clear_env(cmd.arg(&script_path));
    let mut input = String::new();
    for v in inputs {
        input.push_str(&v.to_string());
        input.push('\n');
    }
    let (code, stdout, stderr) = run_cmd(&mut cmd, input.as_bytes());
    assert_eq!(code, 0, "{script} failed: {stderr}");
    let answers: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{script} printed {l:?}: {e}")))
        .collect();
    assert_eq!(answers.len(), inputs.len(), "{script}: {stderr}");
    answers
}

/// Fails with every input an official verifier rejected (its body's start
/// and the answer), when one did.
pub fn assert_all_ok(what: &str, inputs: &[Value], answers: &[Value]) {
    let failures: Vec<String> = inputs
        .iter()
        .zip(answers)
        .filter(|(_, a)| a["ok"] != serde_json::json!(true))
        .map(|(i, a)| {
            let body: String = i["body"].as_str().unwrap_or("").chars().take(60).collect();
            format!("{body}: {a}")
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{what}: {} of {} rejected:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
}

pub fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

pub mod listener;

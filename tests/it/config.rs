//! hookcli.toml: discovery from the current directory upward, precedence
//! flag > environment > file > default, and `hookcli config` reporting it.

use crate::common::{hookcli, run_cmd};
use serde_json::Value;
use std::path::Path;

const SECRET: &str = "whsec_config_test";
const T: i64 = 1_700_000_000;

fn signed() -> (String, tempfile::NamedTempFile) {
    let (code, out, err) = run_cmd(
        hookcli().args([
            "sign",
            "charge.refunded",
            "--secret",
            SECRET,
            "--timestamp",
            &T.to_string(),
            "--seed",
            "3",
            "--format",
            "json",
        ]),
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let mut f = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(&mut f, v["body"].as_str().unwrap().as_bytes()).unwrap();
    (
        format!(
            "Stripe-Signature: {}",
            v["headers"]["Stripe-Signature"].as_str().unwrap()
        ),
        f,
    )
}

/// `verify` of a signature 1000 s old, run in `dir`, with extra args/env.
fn verify_old(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> i32 {
    let (header, body) = signed();
    let mut cmd = hookcli();
    cmd.current_dir(dir)
        .args([
            "verify",
            "--secret",
            SECRET,
            "--now",
            &(T + 1000).to_string(),
            "-H",
            &header,
        ])
        .arg("--body")
        .arg(body.path())
        .args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    run_cmd(&mut cmd, b"").0
}

fn project() -> (tempfile::TempDir, std::path::PathBuf) {
    let root = tempfile::tempdir().unwrap();
    std::fs::write(
        root.path().join("hookcli.toml"),
        "tolerance = 2000\n[send]\nto = \"localhost:3999/api/stripe\"\n[secret_env]\nstripe = [\"ACME_STRIPE_SECRET\"]\n",
    )
    .unwrap();
    let sub = root.path().join("src/handlers");
    std::fs::create_dir_all(&sub).unwrap();
    (root, sub)
}

#[test]
fn precedence_is_flag_then_env_then_file_then_default() {
    let (root, sub) = project();
    let empty = tempfile::tempdir().unwrap();
    // default 300: a 1000 s old signature is stale
    assert_eq!(verify_old(empty.path(), &[], &[]), 1);
    // file (found from a subdirectory) says 2000
    assert_eq!(verify_old(&sub, &[], &[]), 0);
    // environment beats the file
    assert_eq!(verify_old(&sub, &[], &[("HOOKCLI_TOLERANCE", "10")]), 1);
    // the flag beats both
    assert_eq!(
        verify_old(
            &sub,
            &["--tolerance", "5000"],
            &[("HOOKCLI_TOLERANCE", "10")]
        ),
        0
    );
    // --config names a file explicitly
    let cfg = root.path().join("hookcli.toml");
    assert_eq!(
        verify_old(empty.path(), &["--config", cfg.to_str().unwrap()], &[]),
        0
    );
}

/// Variables clap reads for a flag: a bad value names the variable (and
/// `hookcli config` refuses it the same way), a typed flag wins over it,
/// and a blank one is unset.
#[test]
fn bad_variables_are_named_and_blank_ones_are_unset() {
    let empty = tempfile::tempdir().unwrap();
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = hookcli();
        cmd.current_dir(empty.path()).args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        run_cmd(&mut cmd, b"")
    };
    let (code, _, err) = run(&["config"], &[("HOOKCLI_PROVIDER", "paypal")]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("HOOKCLI_PROVIDER: unknown provider 'paypal'"),
        "{err}"
    );
    let (code, _, err) = run(&["listen"], &[("HOOKCLI_PORT", "lots")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("HOOKCLI_PORT: 'lots' is not a port"), "{err}");
    let (code, _, err) = run(
        &["verify", "--tolerance", "x"],
        &[("HOOKCLI_TOLERANCE", "x")],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--tolerance: 'x'"), "{err}");
    let (code, out, err) = run(
        &["config", "--json"],
        &[("HOOKCLI_PORT", ""), ("HOOKCLI_TO", "  ")],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["settings"]["listen.port"]["source"], "default");
    assert_eq!(v["settings"]["send.to"]["source"], "default");
}

#[test]
fn config_reports_each_setting_and_its_source() {
    let (root, sub) = project();
    let (code, out, err) = run_cmd(
        hookcli()
            .current_dir(&sub)
            .args(["config", "--json"])
            .env("HOOKCLI_PORT", "5055")
            .env("ACME_STRIPE_SECRET", SECRET),
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let file = root.path().join("hookcli.toml");
    assert_eq!(v["file"], file.display().to_string());
    let s = &v["settings"];
    assert_eq!(s["tolerance"]["value"], 2000);
    assert_eq!(s["tolerance"]["source"], "file");
    assert_eq!(s["listen.port"]["value"], 5055);
    assert_eq!(s["listen.port"]["source"], "env");
    assert_eq!(s["listen.port"]["from"], "HOOKCLI_PORT");
    assert_eq!(s["send.retry_schedule"]["source"], "default");
    let acme = v["secret_variables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["variable"] == "ACME_STRIPE_SECRET")
        .unwrap();
    assert_eq!(acme["set"], true);
    assert!(!out.contains(SECRET), "secret printed: {out}");
}

#[test]
fn configured_secret_variable_and_target_are_used_by_sign() {
    let (_root, sub) = project();
    let (code, out, err) = run_cmd(
        hookcli()
            .current_dir(&sub)
            .args(["sign", "charge.refunded", "--format", "curl"])
            .env("ACME_STRIPE_SECRET", SECRET),
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("http://localhost:3999/api/stripe"), "{out}");
}

#[test]
fn a_listener_without_secrets_names_the_configured_variables() {
    let (_root, sub) = project();
    let (code, out, err) = run_cmd(
        hookcli().current_dir(&sub).args(["listen", "--port", "0"]),
        b"",
    );
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("no signing secret"), "{err}");
    assert!(err.contains("--secret"), "{err}");
    for var in [
        "ACME_STRIPE_SECRET",
        "GITHUB_WEBHOOK_SECRET",
        "WEBHOOK_SECRET",
    ] {
        assert!(err.contains(var), "{var} missing from: {err}");
    }
}

#[test]
fn a_broken_file_is_one_line_with_its_position_and_secrets_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("hookcli.toml"),
        "tolerance = 300\nsecret = \"whsec_x\"\n",
    )
    .unwrap();
    let (code, _, err) = run_cmd(
        hookcli()
            .current_dir(dir.path())
            .args(["sign", "charge.refunded", "--secret", SECRET]),
        b"",
    );
    assert_eq!(code, 2);
    assert!(err.contains("hookcli.toml:2:1"), "{err}");
    assert!(err.contains("never holds secrets"), "{err}");
    assert!(!err.contains("whsec_x"), "{err}");
    // completions still work with a broken config
    let (code, _, _) = run_cmd(
        hookcli()
            .current_dir(dir.path())
            .args(["completions", "bash"]),
        b"",
    );
    assert_eq!(code, 0);
}

#[test]
fn init_writes_a_template_once() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run_cmd(
        hookcli().current_dir(dir.path()).args(["config", "--init"]),
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert!(dir.path().join("hookcli.toml").is_file());
    let (code, _, err) = run_cmd(
        hookcli().current_dir(dir.path()).args(["config", "--init"]),
        b"",
    );
    assert_eq!(code, 2);
    assert!(err.contains("already exists"), "{err}");
    // the template itself is a valid, all-default config
    let (code, out, _) = run_cmd(
        hookcli().current_dir(dir.path()).args(["config", "--json"]),
        b"",
    );
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["settings"]["tolerance"]["source"], "default");
}

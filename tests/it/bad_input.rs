//! Bad input of the kinds new providers bring (a PEM that is not a key, a
//! URL that does not parse, a form body that is not form-encoded) gets one
//! line saying what is wrong, a hint, and exit 2: never a panic, never a
//! signature over something the provider would not send.

use crate::common::listener::Listening;
use crate::common::{hookcli, run, run_cmd, write_temp};

const TOKEN: &str = "0123456789abcdef0123456789abcdef";

/// Exit 2, and stderr is exactly `error: …` (naming `says`) and `hint: …`.
fn assert_one_line_and_hint(what: &str, (code, out, err): (i32, String, String), says: &str) {
    assert_eq!(code, 2, "{what}: {out}{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{what}: {err}");
    assert!(lines[0].starts_with("error: "), "{what}: {err}");
    assert!(lines[0].contains(says), "{what}: {err}");
    assert!(lines[1].trim_start().starts_with("hint: "), "{what}: {err}");
    assert!(out.is_empty(), "{what}: nothing on stdout, got {out}");
}

#[test]
fn a_url_that_does_not_parse() {
    let dir = tempfile::tempdir().unwrap();
    let body = write_temp(dir.path(), "form", b"a=1");
    for url in [
        "not a url",
        "https://exa mple.com/sms",
        "http//x.com/a",
        "https://",
    ] {
        for args in [
            vec![
                "sign",
                "message.received",
                "--provider",
                "twilio",
                "--url",
                url,
            ],
            vec![
                "send",
                "message.received",
                "--provider",
                "twilio",
                "--url",
                url,
                "--dry-run",
            ],
            vec![
                "verify",
                "--provider",
                "twilio",
                "--url",
                url,
                "--body",
                body.to_str().unwrap(),
                "-H",
                "X-Twilio-Signature: AAAA",
            ],
        ] {
            let mut cmd = hookcli();
            cmd.args(&args).env("TWILIO_AUTH_TOKEN", TOKEN);
            assert_one_line_and_hint(&format!("{args:?}"), run_cmd(&mut cmd, b""), "is not a URL");
        }
    }
}

#[test]
fn a_listener_given_a_bad_url_or_key_does_not_start() {
    let cert = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----";
    let junk = "-----BEGIN PUBLIC KEY-----\n!!!notbase64\n-----END PUBLIC KEY-----";
    for (args, says) in [
        (
            vec![
                "listen",
                "--secret",
                "whsec_x",
                "--url",
                "https://exa mple.com/x",
            ],
            "is not a URL",
        ),
        (
            vec!["listen", "--provider", "sendgrid", "--secret", cert],
            "CERTIFICATE",
        ),
        (
            vec!["listen", "--provider", "sendgrid", "--secret", junk],
            "not an ECDSA P-256 public key",
        ),
    ] {
        let mut all = args.clone();
        all.extend(["--port", "0", "--no-store"]);
        assert_one_line_and_hint(&format!("{args:?}"), run(&all, b""), says);
    }
    // A good one does start (the harness reads its first line).
    drop(Listening::start(&["--json", "--secret", "whsec_x"]));
}

#[test]
fn a_form_body_that_is_not_form_encoded() {
    let dir = tempfile::tempdir().unwrap();
    for (name, body, says) in [
        (
            "binary.txt",
            &b"\x00\xff{\"a\":1}"[..],
            "the byte 0x00 at byte 0",
        ),
        ("spaces.txt", b"From=+1 415&Body=hi", "a space"),
        (
            "percent.txt",
            b"From=%2B1415&Body=100%",
            "starts no %XX escape",
        ),
        ("lines.txt", b"From=%2B1415\n&Body=hi", "a line break"),
    ] {
        let path = write_temp(dir.path(), name, body);
        let mut cmd = hookcli();
        cmd.args([
            "sign",
            "--raw",
            path.to_str().unwrap(),
            "--provider",
            "twilio",
            "--url",
            "https://example.com/sms",
        ])
        .env("TWILIO_AUTH_TOKEN", TOKEN);
        let what = format!("{name}: {}", String::from_utf8_lossy(body));
        let result = run_cmd(&mut cmd, b"");
        assert!(
            result.2.contains("is not a form-encoded body"),
            "{what}: {}",
            result.2
        );
        assert_one_line_and_hint(&what, result, says);
    }
    // A JSON payload that is no object of parameters.
    let path = write_temp(dir.path(), "list.json", b"[1, 2]");
    let mut cmd = hookcli();
    cmd.args([
        "sign",
        path.to_str().unwrap(),
        "--provider",
        "twilio",
        "--url",
        "https://example.com/sms",
    ])
    .env("TWILIO_AUTH_TOKEN", TOKEN);
    assert_one_line_and_hint("a JSON array", run_cmd(&mut cmd, b""), "an array");
    // A captured form is signed as it is.
    let path = write_temp(
        dir.path(),
        "ok.txt",
        b"From=%2B14155550100&Body=Hi+there%21",
    );
    let mut cmd = hookcli();
    cmd.args([
        "sign",
        "--raw",
        path.to_str().unwrap(),
        "--provider",
        "twilio",
        "--url",
        "https://example.com/sms",
    ])
    .env("TWILIO_AUTH_TOKEN", TOKEN);
    let (code, out, err) = run_cmd(&mut cmd, b"");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.ends_with("From=%2B14155550100&Body=Hi+there%21\n") || out.contains("Body=Hi+there%21"),
        "{out}"
    );
}

//! The diagnosis corpus: realistic events, signed with the right secret,
//! re-encoded by the JSON libraries real webhook handlers use, each in its
//! own runtime (installed by scripts/setup-corpus.sh, which
//! scripts/test.sh runs first). Every re-encoding that changes the bytes
//! must be diagnosed `body_mutated` with a named mutation, never
//! `wrong_secret` at `likely` or above: the secret was right.

use hookcli::diagnose::{self, Cause, Confidence, Context, Diagnosis, Mutation};
use hookcli::provider::{self, KeyOrder, Provider, SignInput};
use hookcli::request::Request;
use hookcli::secret::Secret;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const T: i64 = 1_700_000_000;

/// Stripe's order: `id` and `object` first, the other keys alphabetically,
/// at every level. Strings carry what serializers treat differently:
/// non-ASCII, `< > & / '`, U+2028; empty objects and arrays; an integer
/// above 2^53; decimals.
const STRIPE_EVENT: &str = r#"{
  "id": "evt_1Q2w3E4r5T6y7U8iAbCdEfGh",
  "object": "event",
  "api_version": "2024-06-20",
  "created": 1700000000,
  "data": {
    "object": {
      "id": "ch_3Q2w3E4r5T6y7U8i0KlMnOpQ",
      "object": "charge",
      "amount": 1999,
      "amount_captured": 1999,
      "billing_details": {
        "address": {"city": "Zürich", "country": "CH", "line1": "Bahnhofstraße 1", "line2": null, "postal_code": "8001"},
        "email": "zoe+test@example.com",
        "name": "Zoë O'Brien"
      },
      "captured": true,
      "currency": "chf",
      "description": "Café <b>crème</b> & croissant — 東京 😀 line\u2028break",
      "external_reference": 1234567890123456789,
      "fee_rate": 0.029,
      "metadata": {},
      "receipt_url": "https://pay.stripe.com/receipts/payment/CAcaFwoVYWNjdF8x",
      "refunds": {"object": "list", "data": [], "has_more": false, "total_count": 0, "url": "/v1/charges/ch_3Q2w3E4r5T6y7U8i0KlMnOpQ/refunds"},
      "status": "succeeded",
      "tax_rate": 7.7
    }
  },
  "livemode": false,
  "pending_webhooks": 1,
  "request": {"id": "req_8aQz1", "idempotency_key": "c0ffee-1234"},
  "type": "charge.succeeded"
}"#;

/// A GitHub `issues` event, compact and in GitHub's (unsorted) order.
const GITHUB_EVENT: &str = r#"{"action":"opened","issue":{"url":"https://api.github.com/repos/octo/café/issues/7","id":2034567891,"number":7,"title":"Crash on <input> & “quotes” — 東京 😀","body":"It's broken:\u2028see /var/log","labels":[],"reactions":{},"external_reference":1234567890123456789,"score":0.75},"repository":{"id":123456789,"name":"café","full_name":"octo/café","private":false},"sender":{"login":"zoë","id":583231,"type":"User"}}"#;

/// A Standard Webhooks event, compact.
const STANDARD_EVENT: &str = r#"{"type":"invoice.paid","timestamp":"2023-11-14T22:13:20Z","data":{"id":"inv_1","customer":{"name":"Zoë O'Brien","email":"<zoe@example.com>"},"memo":"Café & crème — 東京 😀\u2028ok","lines":[],"extra":{},"ledger_id":1234567890123456789,"amount":19.99,"url":"https://example.com/a/b"}}"#;

/// The re-encodings: (name, program, arguments).
const SERIALIZERS: &[(&str, &str, &[&str])] = &[
    ("python json.dumps", "python3", &["serialize.py", "default"]),
    (
        "python ensure_ascii=False",
        "python3",
        &["serialize.py", "ensure_ascii_false"],
    ),
    (
        "python compact separators",
        "python3",
        &["serialize.py", "compact"],
    ),
    ("python indent=2", "python3", &["serialize.py", "indent2"]),
    ("python indent=4", "python3", &["serialize.py", "indent4"]),
    (
        "python sort_keys indent=2",
        "python3",
        &["serialize.py", "sort_keys_pretty"],
    ),
    (
        "python sort_keys compact",
        "python3",
        &["serialize.py", "sort_keys_compact"],
    ),
    ("node JSON.stringify", "node", &["serialize.mjs", "compact"]),
    (
        "node JSON.stringify + \\n",
        "node",
        &["serialize.mjs", "compact_newline"],
    ),
    (
        "node JSON.stringify indent 4",
        "node",
        &["serialize.mjs", "indent4"],
    ),
    ("node JSON.stringify tab", "node", &["serialize.mjs", "tab"]),
    (
        "node json-stable-stringify",
        "node",
        &["serialize.mjs", "stable"],
    ),
    ("ruby JSON.generate", "ruby", &["serialize.rb", "generate"]),
    (
        "ruby JSON.pretty_generate",
        "ruby",
        &["serialize.rb", "pretty_generate"],
    ),
    ("php json_encode", "php", &["serialize.php", "default"]),
    (
        "php json_decode(, true)",
        "php",
        &["serialize.php", "assoc"],
    ),
    ("php JSON_PRETTY_PRINT", "php", &["serialize.php", "pretty"]),
    (
        "php UNESCAPED_SLASHES|UNICODE",
        "php",
        &["serialize.php", "unescaped"],
    ),
    ("go json.Marshal map", ".bin/serialize-go", &["marshal"]),
    (
        "go json.MarshalIndent map",
        ".bin/serialize-go",
        &["marshal_indent"],
    ),
    ("jq .", "jq", &["."]),
    ("jq -c", "jq", &["-c", "."]),
    ("jq -S", "jq", &["-S", "."]),
    (
        "perl JSON::PP canonical",
        "perl",
        &["serialize.pl", "canonical"],
    ),
    ("perl JSON::PP pretty", "perl", &["serialize.pl", "pretty"]),
];

/// Re-encodings that change nothing but the order of the keys (Perl's
/// hash order): a sign only where the provider's key order is known.
const KEY_ORDER_ONLY: &[(&str, &str, &[&str])] = &[(
    "perl JSON::PP default",
    "perl",
    &["serialize.pl", "default"],
)];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// `body` through one serializer. A runtime that is missing fails the test:
/// scripts/setup-corpus.sh installs every one.
fn reencode(program: &str, args: &[&str], body: &[u8]) -> Vec<u8> {
    let dir = corpus_dir();
    let program_path = dir.join(program);
    let program = if program.starts_with('.') {
        program_path.as_os_str()
    } else {
        program.as_ref()
    };
    let mut child = Command::new(program)
        .args(args)
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {}: {e}: run scripts/setup-corpus.sh (scripts/test.sh does)",
                program.to_string_lossy()
            )
        });
    child.stdin.take().unwrap().write_all(body).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{} {args:?} failed: {}",
        program.to_string_lossy(),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

struct Fixture {
    provider: Provider,
    secret: &'static str,
    body: Vec<u8>,
}

fn fixtures() -> Vec<Fixture> {
    let stripe: Value = serde_json::from_str(STRIPE_EVENT).unwrap();
    let github: Value = serde_json::from_str(GITHUB_EVENT).unwrap();
    let standard: Value = serde_json::from_str(STANDARD_EVENT).unwrap();
    vec![
        Fixture {
            provider: provider::STRIPE,
            secret: "whsec_corpus_right_secret",
            body: serde_json::to_vec_pretty(&stripe).unwrap(),
        },
        Fixture {
            provider: provider::GITHUB,
            secret: "corpus-right-secret",
            body: serde_json::to_vec(&github).unwrap(),
        },
        Fixture {
            provider: provider::STANDARD,
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            body: serde_json::to_vec(&standard).unwrap(),
        },
    ]
}

/// The request `f`'s provider would send, with `body` in place of the signed one.
fn delivered(f: &Fixture, body: Vec<u8>) -> Request {
    let secret = Secret::new(f.secret.to_string(), "signer");
    let input = SignInput {
        body: &f.body,
        timestamp: T,
        id: "msg_corpus",
        event_type: "corpus",
        url: None,
    };
    let headers = provider::sign(f.provider, &secret, &input).unwrap();
    Request::post(headers, body)
}

fn diagnose(f: &Fixture, request: &Request) -> Diagnosis {
    let secrets = [Secret::new(f.secret.to_string(), "ENDPOINT_SECRET")];
    let ctx = Context {
        secrets: &secrets,
        provider: None,
        now: T,
        tolerance: 300,
        original_body: None,
        candidates: None,
    };
    diagnose::diagnose(request, &ctx)
}

/// What is wrong with a diagnosis of a re-encoded body, if anything.
fn fault(d: &Diagnosis) -> Option<String> {
    let blamed = d.causes.iter().find(|c| {
        matches!(c, Cause::WrongSecret { confidence, .. } if *confidence != Confidence::Possible)
    });
    if let Some(c) = blamed {
        return Some(format!("blames the secret: {}", c.to_json()));
    }
    match d.causes.first() {
        Some(Cause::BodyMutated { mutation, .. }) if *mutation != Mutation::Unknown => None,
        Some(c) => Some(format!("first cause is {}", c.to_json())),
        None => Some("no cause".to_string()),
    }
}

#[test]
fn every_real_serializer_is_named_and_never_blamed_on_the_secret() {
    let mut named = 0;
    let mut total = 0;
    let mut identical = Vec::new();
    let mut failures = Vec::new();
    let mut not_run = Vec::new();
    for f in fixtures() {
        assert!(diagnose(&f, &delivered(&f, f.body.clone())).valid);
        let order_known = matches!(
            f.provider.scheme().key_order(),
            KeyOrder::FirstThenSorted(_)
        );
        for (name, _, _) in KEY_ORDER_ONLY {
            if !order_known {
                not_run.push(format!("{} / {name}", f.provider));
            }
        }
        let cases = SERIALIZERS
            .iter()
            .chain(KEY_ORDER_ONLY.iter().filter(|_| order_known));
        for (name, program, args) in cases {
            let body = reencode(program, args, &f.body);
            let case = format!("{} / {name}", f.provider);
            if body == f.body {
                identical.push(case);
                continue;
            }
            total += 1;
            let d = diagnose(&f, &delivered(&f, body));
            match fault(&d) {
                None => {
                    named += 1;
                    let first = d.causes[0].to_json();
                    println!(
                        "ok    {case}: {} ({}) {}",
                        first["mutation"], first["confidence"], first["detail"]
                    );
                }
                Some(why) => {
                    println!("FAIL  {case}: {why}");
                    failures.push(case);
                }
            }
        }
    }
    println!("byte-identical to the signed body (the signature holds; not counted):");
    for case in &identical {
        println!("      {case}");
    }
    println!("not run: only the key order changes, and this provider's is not known:");
    for case in &not_run {
        println!("      {case}");
    }
    let score = 100.0 * f64::from(named) / f64::from(total.max(1));
    println!("corpus score: {named}/{total} named ({score:.1} %)");
    assert!(total > 0);
    assert!(
        failures.is_empty(),
        "{} of {total} re-encodings misdiagnosed: {failures:?}",
        failures.len()
    );
}

//! Generated tests holding the search's shortcut for intact bodies to the
//! full search: for bodies in each provider's own form, and for the same
//! bodies re-encoded in the ways real serializers do, signed with the right
//! secret or another, both give the same findings.

use super::{Context, Diagnosis, diagnose_with};
use crate::provider::{self, GITHUB, KeyOrder, Provider, STANDARD, STRIPE, SignInput};
use crate::request::Request;
use crate::secret::Secret;
use serde_json::{Map, Value, json};

/// xorshift64*: deterministic, so a failure names its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const KEYS: &[&str] = &[
    "id", "object", "amount", "created", "data", "email", "metadata", "name", "type", "url",
    "zone", "items", "livemode", "external",
];
const TEXT: &[&str] = &[
    "a", "é", "東京", "😀", "<b>", "&", "/", "'", "\u{2028}", " ", "x",
];

fn value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 2 { 4 } else { 7 }) {
        0 => json!(rng.below(100_000)),
        1 => json!(1_234_567_890_123_456_789_u64 + rng.below(1000) as u64),
        2 => json!(rng.below(10_000) as f64 / 8.0),
        3 => Value::String((0..rng.below(5)).map(|_| *rng.pick(TEXT)).collect()),
        4 => Value::Array((0..rng.below(3)).map(|_| value(rng, depth + 1)).collect()),
        5 => Value::Object(Map::new()),
        _ => object(rng, depth + 1),
    }
}

fn object(rng: &mut Rng, depth: usize) -> Value {
    let mut map = Map::new();
    for _ in 0..1 + rng.below(5) {
        map.insert(rng.pick(KEYS).to_string(), value(rng, depth));
    }
    Value::Object(map)
}

/// Every object's keys in a random order.
fn shuffled(rng: &mut Rng, v: &Value) -> Value {
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            for i in (1..entries.len()).rev() {
                entries.swap(i, rng.below(i + 1));
            }
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.clone(), shuffled(rng, v)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| shuffled(rng, v)).collect()),
        other => other.clone(),
    }
}

fn native(provider: Provider, v: &Value) -> Vec<u8> {
    if provider == STRIPE {
        serde_json::to_vec_pretty(v).unwrap()
    } else {
        serde_json::to_vec(v).unwrap()
    }
}

/// The body as delivered: the provider's own, or re-encoded.
fn delivered(rng: &mut Rng, provider: Provider, v: &Value, body: &[u8]) -> Vec<u8> {
    match rng.below(8) {
        0 | 1 => body.to_vec(),
        2 => {
            let mut sorted = v.clone();
            sorted.sort_all_objects();
            native(provider, &sorted)
        }
        3 => native(provider, &shuffled(rng, v)),
        4 => [body, b"\n"].concat(),
        5 => serde_json::to_vec(v).unwrap(),
        6 => serde_json::to_vec_pretty(v).unwrap(),
        // A large integer rounded through a double, as JavaScript does.
        _ => String::from_utf8(body.to_vec())
            .unwrap()
            .replace("1234567890123456", "1234567890123457")
            .into_bytes(),
    }
}

/// What a verdict says, without the lists of what was tried.
fn verdict(d: &Diagnosis) -> Vec<String> {
    let mut out = vec![d.valid.to_string()];
    for c in &d.causes {
        let j = c.to_json();
        out.push(format!(
            "{} {} {} {}",
            c.id(),
            j["mutation"],
            j["confidence"],
            j["matched_secret"]
        ));
    }
    out
}

#[test]
fn the_intact_body_shortcut_never_changes_a_verdict() {
    let secrets = [
        ("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "right"),
        ("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", "other"),
    ];
    let mut shortcut_taken = 0;
    for seed in 1..=240u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let provider = *rng.pick(&[STRIPE, GITHUB, STANDARD]);
        let mut v = object(&mut rng, 0);
        if let KeyOrder::FirstThenSorted(_) = provider.scheme().key_order()
            && let Some(arranged) = provider.scheme().key_order().arrange(&v)
        {
            v = arranged;
        }
        let body = native(provider, &v);
        let (signing, _) = *rng.pick(&secrets);
        let input = SignInput {
            body: &body,
            timestamp: 1_700_000_000,
            id: "msg_1",
            event_type: "x",
            url: None,
        };
        let headers = provider::sign(provider, &Secret::new(signing, "signer"), &input).unwrap();
        let request = Request::post(headers, delivered(&mut rng, provider, &v, &body));
        let verifying = [Secret::new(secrets[0].0, "ENDPOINT_SECRET")];
        let ctx = Context {
            secrets: &verifying,
            provider: Some(provider),
            now: 1_700_000_000,
            tolerance: 300,
            original_body: None,
            candidates: None,
        };
        let fast = diagnose_with(&request, &ctx, true);
        let full = diagnose_with(&request, &ctx, false);
        assert_eq!(verdict(&fast), verdict(&full), "seed {seed}, {provider}");
        shortcut_taken += usize::from(fast.causes.iter().any(|c| {
            c.to_json()["ruled_out"]
                .to_string()
                .contains("own serialization")
        }));
    }
    assert!(
        shortcut_taken > 20,
        "the shortcut was taken {shortcut_taken} times"
    );
}

//! In-process benchmarks of the pure core: signing a typical Stripe event
//! (compared with hashing the same bytes with SHA-256 alone, the ceiling),
//! diagnosing a failed 10 KB request with every variant tried, and the
//! listener's whole judgement of its commonest failure.
//! Run by benches/core.sh, which also measures the peers (openssl, the
//! official SDKs) in the same run.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hookcli::diagnose::{self, Context};
use hookcli::fixtures::{self, RenderOptions};
use hookcli::ids::IdSource;
use hookcli::listen::inspect::{self, Verifier};
use hookcli::provider::{self, STRIPE, SignInput};
use hookcli::request::Request;
use hookcli::secret::Secret;
use sha2::{Digest, Sha256};
use std::hint::black_box;

fn stripe_body(name: &str) -> Vec<u8> {
    let fixture = fixtures::resolve(name, Some(STRIPE), &[]).unwrap();
    let opts = RenderOptions {
        timestamp: 1_700_000_000,
        ids: IdSource::new(1),
        sequence: 0,
        overrides: &[],
    };
    fixture.render(&opts).unwrap().body
}

fn signing(c: &mut Criterion) {
    let body = stripe_body("payment_intent.succeeded");
    let secret = Secret::new("whsec_benchmark_secret_0123456789", "bench");
    let mut group = c.benchmark_group("payment_intent.succeeded");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("hookcli_sign", |b| {
        b.iter(|| {
            let input = SignInput {
                body: black_box(&body),
                timestamp: 1_700_000_000,
                id: "evt_1",
                event_type: "x",
                url: None,
            };
            black_box(provider::sign(STRIPE, &secret, &input).unwrap())
        })
    });
    group.bench_function("sha256_only", |b| {
        b.iter(|| black_box(Sha256::digest(black_box(&body))))
    });
    group.finish();
}

fn diagnosis(c: &mut Criterion) {
    // A ~10 KB Stripe event, re-serialized compactly by a "JSON middleware",
    // checked against three secrets none of which signed it: the worst case,
    // where every body variant is tried with every secret.
    let fixture = fixtures::resolve("invoice.paid", Some(STRIPE), &[]).unwrap();
    let mut payload = fixture.payload.clone();
    let filler: serde_json::Map<String, serde_json::Value> = (0..120)
        .map(|i| {
            (
                format!("note_{i:03}"),
                serde_json::Value::String("x".repeat(40)),
            )
        })
        .collect();
    payload["data"]["object"]["metadata"] = serde_json::Value::Object(filler);
    let body = serde_json::to_vec_pretty(&payload).unwrap();
    let signer = Secret::new("whsec_the_one_that_signed", "signer");
    let input = SignInput {
        body: &body,
        timestamp: 1_700_000_000,
        id: "evt_1",
        event_type: "invoice.paid",
        url: None,
    };
    let headers = provider::sign(STRIPE, &signer, &input).unwrap();
    let compact =
        serde_json::to_vec(&serde_json::from_slice::<serde_json::Value>(&body).unwrap()).unwrap();
    let secrets = [
        Secret::new("whsec_test_aaaaaaaaaaaaaaaa", "STRIPE_WEBHOOK_SECRET"),
        Secret::new("whsec_test_bbbbbbbbbbbbbbbb", "STRIPE_WEBHOOK_SECRET_TEST"),
        Secret::new("whsec_live_cccccccccccccccc", "STRIPE_WEBHOOK_SECRET_LIVE"),
    ];
    let unexplained = Request::post(headers.clone(), compact.clone());
    let explained = Request::post(headers, compact);
    let signer_first = [signer.clone(), secrets[0].clone()];
    let mut group = c.benchmark_group("diagnose_10kb");
    group.throughput(Throughput::Bytes(body.len() as u64));
    let ctx = |secrets: &'static [Secret]| Context {
        secrets,
        provider: Some(STRIPE),
        now: 1_700_000_010,
        tolerance: 300,
        original_body: None,
        candidates: None,
    };
    let all: &'static [Secret] = Box::leak(Box::new(secrets));
    let found: &'static [Secret] = Box::leak(Box::new(signer_first));
    group.bench_function("nothing_matches_all_variants", |b| {
        b.iter(|| black_box(diagnose::diagnose(black_box(&unexplained), &ctx(all))))
    });
    group.bench_function("reserialized_body_found", |b| {
        b.iter(|| black_box(diagnose::diagnose(black_box(&explained), &ctx(found))))
    });
    group.finish();
}

/// The listener's commonest failure: a typical Stripe event, exactly as
/// Stripe sends it, signed with a secret the listener does not have.
fn wrong_secret(c: &mut Criterion) {
    let body = stripe_body("payment_intent.succeeded");
    let signer = Secret::new("whsec_someone_elses_secret", "signer");
    let input = SignInput {
        body: &body,
        timestamp: 1_700_000_000,
        id: "evt_1",
        event_type: "payment_intent.succeeded",
        url: None,
    };
    let request = Request::post(provider::sign(STRIPE, &signer, &input).unwrap(), body);
    let secrets = [Secret::new("whsec_bench_listen_load_secret", "--secret")];
    let ctx = Context {
        secrets: &secrets,
        provider: None,
        now: 1_700_000_010,
        tolerance: 300,
        original_body: None,
        candidates: None,
    };
    let mut group = c.benchmark_group("diagnose_2kb");
    group.throughput(Throughput::Bytes(request.body.len() as u64));
    group.bench_function("wrong_secret", |b| {
        b.iter(|| black_box(diagnose::diagnose(black_box(&request), &ctx)))
    });
    // What the listener does with that request before recording it: the
    // first check (event fields, verification), then the diagnosis.
    let verifier = Verifier::new(None, vec![(STRIPE, secrets.to_vec())], 300);
    group.bench_function("listener_check", |b| {
        b.iter(|| {
            black_box(inspect::check(
                black_box(&request),
                &verifier,
                1_700_000_010,
            ))
        })
    });
    group.bench_function("listener_check_and_diagnosis", |b| {
        b.iter(|| {
            let checked = inspect::check(black_box(&request), &verifier, 1_700_000_010);
            black_box(checked.finish(&request, &verifier, 1_700_000_010, false, None))
        })
    });
    group.finish();
}

criterion_group!(benches, signing, diagnosis, wrong_secret);
criterion_main!(benches);

//! Each signing scheme in process: one delivery signed and then verified,
//! with keys prepared once, as a listener and a load run use them.
//! benches/schemes.sh runs it next to the provider's official library doing
//! the same pair in its own loop, in the same run.

use criterion::{Criterion, criterion_group, criterion_main};
use hookcli::fixtures::{self, RenderOptions};
use hookcli::ids::IdSource;
use hookcli::provider::{self, Keyring, Parts, Provider, Scratch, SignInput, Signer, Verdict};
use hookcli::secret::Secret;
use std::hint::black_box;

/// A provider, the fixture its deliveries are made of, the secret (or key)
/// that signs and the one that verifies.
struct Case {
    provider: &'static str,
    fixture: &'static str,
    sign_with: &'static str,
    verify_with: &'static str,
    url: &'static str,
}

const CASES: &[Case] = &[
    Case {
        provider: "stripe",
        fixture: "payment_intent.succeeded",
        sign_with: "whsec_benchmark_secret_0123456789",
        verify_with: "whsec_benchmark_secret_0123456789",
        url: "http://127.0.0.1:4242/webhooks",
    },
    Case {
        provider: "twilio",
        fixture: "message.received",
        sign_with: "0123456789abcdef0123456789abcdef",
        verify_with: "0123456789abcdef0123456789abcdef",
        url: "https://hooks.example.com/twilio/sms",
    },
    Case {
        provider: "slack",
        fixture: "app_mention",
        sign_with: "8f742231b10e8888abcd99yyyzzz85a5",
        verify_with: "8f742231b10e8888abcd99yyyzzz85a5",
        url: "http://127.0.0.1:4242/webhooks",
    },
    Case {
        provider: "paddle",
        fixture: "transaction.completed",
        sign_with: "pdl_ntfset_01hv8x2af1c4fjk2q4v5kh3j6b_benchmarkSecret0123456789",
        verify_with: "pdl_ntfset_01hv8x2af1c4fjk2q4v5kh3j6b_benchmarkSecret0123456789",
        url: "http://127.0.0.1:4242/webhooks",
    },
    Case {
        provider: "linear",
        fixture: "issue.create",
        sign_with: "lin_wh_benchmarkSecret0123456789abcdef",
        verify_with: "lin_wh_benchmarkSecret0123456789abcdef",
        url: "http://127.0.0.1:4242/webhooks",
    },
    Case {
        provider: "zoom",
        fixture: "meeting.participant_joined",
        sign_with: "4kPeBJ6gSGmhxaRuEPHsYg",
        verify_with: "4kPeBJ6gSGmhxaRuEPHsYg",
        url: "http://127.0.0.1:4242/webhooks",
    },
    Case {
        provider: "razorpay",
        fixture: "payment.captured",
        sign_with: "razorpay benchmark secret",
        verify_with: "razorpay benchmark secret",
        url: "http://127.0.0.1:4242/webhooks",
    },
    Case {
        provider: "shopify",
        fixture: "orders/create",
        sign_with: "shpss_0123456789abcdef0123456789abcdef",
        verify_with: "shpss_0123456789abcdef0123456789abcdef",
        url: "http://127.0.0.1:4242/webhooks",
    },
    // A fixed P-256 key pair (private scalar 0x0b…0b): the signer holds the
    // private key, the verifier the verification key.
    Case {
        provider: "sendgrid",
        fixture: "bounce",
        sign_with: "-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgCwsLCwsLCwsLCwsL
CwsLCwsLCwsLCwsLCwsLCwsLCwuhRANCAAQgnDF7Y3k13T2hxU9jSV37Mfl9KT3w
hXEDIFlcmqy4P93kxp/Begx0wgzGkmYvBJiSujekukfSxwzYqZmGOR+b
-----END PRIVATE KEY-----
",
        verify_with: "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEIJwxe2N5Nd09ocVPY0ld+zH5fSk98IVxAyBZXJqsuD/d5MafwXoMdMIMxpJmLwSYkro3pLpH0scM2KmZhjkfmw==",
        url: "http://127.0.0.1:4242/webhooks",
    },
    Case {
        provider: "square",
        fixture: "payment.created",
        sign_with: "Gd2uY8ctDoUWkLFxxYYBoA",
        verify_with: "Gd2uY8ctDoUWkLFxxYYBoA",
        url: "https://shop.example.com/webhooks/square",
    },
    // A fixed Ed25519 key pair (seed 0x0b…0b): the private key signs, the
    // hex public key (as Discord's portal shows it) verifies.
    Case {
        provider: "discord",
        fixture: "interaction.application_command",
        sign_with: "-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIAsLCwsLCwsLCwsLCwsLCwsLCwsLCwsLCwsLCwsLCwsL
-----END PRIVATE KEY-----
",
        verify_with: "66be7e332c7a453332bd9d0a7f7db055f5c5ef1a06ada66d98b39fb6810c473a",
        url: "http://127.0.0.1:4242/webhooks",
    },
    Case {
        provider: "clerk",
        fixture: "user.created",
        sign_with: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        verify_with: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        url: "http://127.0.0.1:4242/webhooks",
    },
];

/// A case made ready to run: its event rendered, its signer and its
/// verifier's keys prepared once, as the listener and load mode hold them.
struct Prepared {
    provider: Provider,
    event: fixtures::Event,
    signer: Signer,
    keys: Keyring,
}

impl Prepared {
    fn new(case: &Case) -> Prepared {
        let provider: Provider = case.provider.parse().unwrap();
        let fixture = fixtures::resolve(case.fixture, Some(provider), &[]).unwrap();
        let event = fixture
            .render(&RenderOptions {
                timestamp: 1_700_000_000,
                ids: IdSource::new(1),
                sequence: 0,
                overrides: &[],
            })
            .unwrap();
        Prepared {
            provider,
            signer: Signer::new(provider, &Secret::new(case.sign_with, "bench")).unwrap(),
            keys: Keyring::new(provider, vec![Secret::new(case.verify_with, "bench")]),
            event,
        }
    }

    fn input<'a>(&'a self, case: &'a Case) -> SignInput<'a> {
        SignInput {
            body: &self.event.body,
            timestamp: 1_700_000_000,
            id: &self.event.event_id,
            event_type: &self.event.event_type,
            url: Some(case.url),
        }
    }

    /// Verifies `headers` over the case's body, asserting it is valid.
    fn verify(
        &self,
        case: &Case,
        headers: &hookcli::request::Headers,
        scratch: &mut Scratch,
    ) -> Verdict {
        let parts = Parts {
            method: "POST",
            url: Some(case.url),
            headers,
            body: &self.event.body,
        };
        let verdict = provider::verify(
            self.provider,
            &parts,
            &self.keys,
            1_700_000_000,
            300,
            scratch,
        );
        assert_eq!(verdict, Verdict::Valid { secret_index: 0 });
        verdict
    }
}

fn sign_verify(c: &mut Criterion) {
    let mut group = c.benchmark_group("sign_verify");
    for case in CASES {
        let ready = Prepared::new(case);
        let input = ready.input(case);
        let mut scratch = Scratch::default();
        group.bench_function(case.provider, |b| {
            b.iter(|| {
                let headers = ready.signer.sign(black_box(&input)).unwrap();
                black_box(ready.verify(case, &headers, &mut scratch))
            })
        });
    }
    group.finish();
}

/// Verification alone, for the key-pair schemes whose official libraries
/// can only verify (SendGrid's, discord-interactions): the like-for-like
/// figure next to theirs.
fn verify_only(c: &mut Criterion) {
    let mut group = c.benchmark_group("verify_only");
    for case in CASES
        .iter()
        .filter(|c| matches!(c.provider, "sendgrid" | "discord"))
    {
        let ready = Prepared::new(case);
        let headers = ready.signer.sign(&ready.input(case)).unwrap();
        let mut scratch = Scratch::default();
        group.bench_function(case.provider, |b| {
            b.iter(|| black_box(ready.verify(case, black_box(&headers), &mut scratch)))
        });
    }
    group.finish();
}

criterion_group!(benches, sign_verify, verify_only);
criterion_main!(benches);

//! The hot paths allocate nothing once their buffers are warm: a listener's
//! verification with keys prepared at start-up, and load mode's signing
//! (signature and every header written into a reused wire buffer).
//! Counted per thread by allocation-counter's global allocator, so other
//! tests running at the same time do not disturb the count.

use hookcli::provider::{
    GITHUB, Keyring, Parts, Provider, SHOPIFY, STANDARD, STRIPE, Scratch, SignInput, Signer,
    Verdict, verify,
};
use hookcli::request::Headers;
use hookcli::secret::Secret;

/// The providers whose messages are a head and the body: every HMAC-over-
/// body scheme. (Twilio's sorts its form parameters, which takes a Vec.)
const BODY_SIGNING: [Provider; 4] = [STRIPE, GITHUB, STANDARD, SHOPIFY];

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

fn input(body: &[u8]) -> SignInput<'_> {
    SignInput {
        body,
        timestamp: 1_700_000_000,
        id: "msg_2LwVbFkd0dGCaG7Rj9aGxEexy4o",
        event_type: "payment_intent.succeeded",
        url: Some("http://127.0.0.1:4242/webhooks"),
    }
}

#[test]
fn verifying_with_prepared_keys_allocates_nothing() {
    let body = br#"{"id":"evt_1","object":"event","type":"charge.succeeded","data":{"object":{}}}"#;
    for provider in BODY_SIGNING {
        let secret = Secret::new(SECRET, "--secret");
        let headers: Headers = Signer::new(provider, &secret)
            .unwrap()
            .sign(&input(body))
            .unwrap();
        let keys = Keyring::new(
            provider,
            vec![Secret::new("whsec_dGhlIG90aGVyIG9uZQ==", "other"), secret],
        );
        let parts = Parts {
            method: "POST",
            url: None,
            headers: &headers,
            body,
        };
        let mut scratch = Scratch::default();
        let warm = verify(provider, &parts, &keys, 1_700_000_010, 300, &mut scratch);
        assert_eq!(warm, Verdict::Valid { secret_index: 1 }, "{provider}");
        let mut verdict = None;
        let counted = allocation_counter::measure(|| {
            verdict = Some(verify(
                provider,
                &parts,
                &keys,
                1_700_000_010,
                300,
                &mut scratch,
            ));
        });
        assert_eq!(verdict, Some(Verdict::Valid { secret_index: 1 }));
        assert_eq!(counted.count_total, 0, "{provider} verification allocated");
        // A failure costs no allocation either.
        let tampered = Parts {
            body: b"{}",
            ..parts
        };
        let counted = allocation_counter::measure(|| {
            verdict = Some(verify(
                provider,
                &tampered,
                &keys,
                1_700_000_010,
                300,
                &mut scratch,
            ));
        });
        assert_eq!(verdict, Some(Verdict::NoMatch));
        assert_eq!(
            counted.count_total, 0,
            "{provider} failed verification allocated"
        );
    }
}

#[test]
fn signing_into_a_wire_buffer_allocates_nothing() {
    let body = br#"{"id":"evt_1","object":"event","type":"charge.succeeded"}"#;
    for provider in BODY_SIGNING {
        let signer = Signer::new(provider, &Secret::new(SECRET, "--secret")).unwrap();
        let mut scratch = Scratch::default();
        let mut wire: Vec<u8> = Vec::with_capacity(1024);
        signer.write(&input(body), &mut scratch, &mut wire).unwrap();
        let first = wire.clone();
        let counted = allocation_counter::measure(|| {
            wire.clear();
            signer.write(&input(body), &mut scratch, &mut wire).unwrap();
        });
        assert_eq!(wire, first);
        assert_eq!(counted.count_total, 0, "{provider} signing allocated");
        // The counter does count: the same signing into Headers allocates.
        let counted = allocation_counter::measure(|| {
            signer.sign(&input(body)).unwrap();
        });
        assert!(counted.count_total > 0);
        // The lines are the headers `sign` prints.
        let text = String::from_utf8(wire.clone()).unwrap();
        for (name, value) in signer.sign(&input(body)).unwrap().iter() {
            assert!(
                text.contains(&format!("{name}: {value}\r\n")),
                "{provider}: {text}"
            );
        }
    }
}

/// Twilio signs the URL and the sorted form parameters: both laid out in
/// the reused buffer. (A failed verification tries the URL variants
/// Twilio's libraries accept, which are built as Strings.)
#[test]
fn twilio_signs_and_verifies_a_form_without_allocating() {
    let provider = hookcli::provider::TWILIO;
    let body = b"ToCountry=US&ToState=CA&SmsMessageSid=SM0123&NumMedia=0&Body=Hello+%F0%9F%98%80+%26+bye&From=%2B14155550100&To=%2B14155550199&Body=again";
    let url = "https://hooks.example.com/twilio/sms?x=1&y=%20";
    let input = SignInput {
        body,
        timestamp: 1_700_000_000,
        id: "idem-1",
        event_type: "message.received",
        url: Some(url),
    };
    let secret = Secret::new("0123456789abcdef0123456789abcdef", "--secret");
    let signer = Signer::new(provider, &secret).unwrap();
    let mut scratch = Scratch::default();
    let mut wire: Vec<u8> = Vec::with_capacity(1024);
    signer.write(&input, &mut scratch, &mut wire).unwrap();
    let counted = allocation_counter::measure(|| {
        wire.clear();
        signer.write(&input, &mut scratch, &mut wire).unwrap();
    });
    assert_eq!(counted.count_total, 0, "twilio signing allocated");

    let headers = signer.sign(&input).unwrap();
    let keys = Keyring::new(provider, vec![secret]);
    let parts = Parts {
        method: "POST",
        url: Some(url),
        headers: &headers,
        body,
    };
    let mut scratch = Scratch::default();
    assert_eq!(
        verify(provider, &parts, &keys, 0, 300, &mut scratch),
        Verdict::Valid { secret_index: 0 }
    );
    let mut verdict = None;
    let counted = allocation_counter::measure(|| {
        verdict = Some(verify(provider, &parts, &keys, 0, 300, &mut scratch));
    });
    assert_eq!(verdict, Some(Verdict::Valid { secret_index: 0 }));
    assert_eq!(counted.count_total, 0, "twilio verification allocated");
}

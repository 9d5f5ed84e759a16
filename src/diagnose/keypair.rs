//! Findings in the words of key pairs, for schemes whose verifier holds a
//! public key: "another account's key" rather than "another secret" (and
//! hookcli's own local test key named as such), and a signature that is an
//! HMAC where the provider signs with a private key.

use super::cause::{Cause, Confidence, WrongKind};
use crate::provider::keypair::{KeyKind, LOCAL_KEY_LABEL};
use crate::provider::{Claims, Provider};

/// Rewrites and completes `causes` for a key-pair `provider`; leaves a
/// shared-secret provider's findings alone.
pub fn refine(provider: Provider, claims: &Claims, causes: &mut Vec<Cause>) {
    let algorithm = provider.spec().algorithm;
    if algorithm.key_kind() != KeyKind::Pair {
        return;
    }
    for cause in causes.iter_mut() {
        if let Cause::WrongSecret {
            matched_secret,
            verifying_secret,
            confidence,
            ruled_out,
            ..
        } = cause
        {
            *cause = Cause::WrongKey {
                local_test_key: matched_secret.as_deref() == Some(LOCAL_KEY_LABEL),
                matched_key: matched_secret.take(),
                verifying_key: std::mem::take(verifying_secret),
                confidence: *confidence,
                ruled_out: std::mem::take(ruled_out),
            };
        }
    }
    let explained = causes.iter().any(|c| match c {
        Cause::WrongKey {
            matched_key: Some(_),
            ..
        } => true,
        Cause::SecretWrongKind { kind, .. } => matches!(
            kind,
            WrongKind::Mixup(_) | WrongKind::PrivateKey { verifies: true, .. }
        ),
        Cause::BodyMutated { confidence, .. } => *confidence == Confidence::Certain,
        _ => false,
    });
    let foreign = claims
        .signatures
        .iter()
        .find(|s| s.alg != algorithm && !s.bytes().is_empty());
    if let (false, Some(sig)) = (explained, foreign) {
        causes.insert(
            0,
            Cause::SignatureAlgorithm {
                found: sig.alg.name(),
                expected: algorithm.name(),
                provider,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Context, Diagnosis, diagnose};
    use crate::provider::keypair::{self, LOCAL_KEY_LABEL};
    use crate::provider::{Algorithm, SENDGRID, SignInput, hmac_sha256, sign};
    use crate::request::{Headers, Request};
    use crate::secret::Secret;
    use base64::Engine;
    use serde_json::Value;

    /// SendGrid's own signed requests (sendgrid-nodejs eventwebhook.spec.js, MIT).
    const SINGLE: &[u8] = include_bytes!("../../tests/data/sendgrid/signed-single-event.body");
    const SINGLE_KEY: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";
    const SINGLE_SIG: &str = "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=";
    const MULTI: &[u8] = include_bytes!("../../tests/data/sendgrid/signed-multi-event.body");
    const MULTI_KEY: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEQ4LIFtWztlsF7skFqOncjD1lun4H5w8XOhyOArHW9RcIx/FfEzx6cikC/yPfUvwaX/JScE7Fc9CJD2afQ9Ok3Q==";
    const MULTI_SIG: &str = "MEYCIQC/I4o6vCgqRYrTljjoVWB/GRWNtxeePlLMHr3x9ETeRQIhAIpV+03nREPTTHWSW0wIOA0EoMPdcNgXa70yCaqDJlu5";
    const SIG: &str = "X-Twilio-Email-Event-Webhook-Signature";
    const TS: &str = "X-Twilio-Email-Event-Webhook-Timestamp";

    fn request(sig: &str, t: &str, body: &[u8]) -> Request {
        let headers: Headers = [(SIG, sig), (TS, t)].into_iter().collect();
        Request::post(headers, body.to_vec())
    }

    fn run(request: &Request, secrets: &[Secret], now: i64) -> Diagnosis {
        let ctx = Context {
            secrets,
            provider: None,
            now,
            tolerance: 300,
            original_body: None,
            candidates: None,
        };
        diagnose(request, &ctx)
    }

    fn ids(d: &Diagnosis) -> Vec<&'static str> {
        d.causes.iter().map(|c| c.id()).collect()
    }

    fn first(d: &Diagnosis) -> Value {
        d.causes[0].to_json()
    }

    fn pair(seed: u8) -> (String, String) {
        let key = keypair::from_random(Algorithm::EcdsaP256, &[seed; 32]).unwrap();
        (
            keypair::private_pem(&key).unwrap(),
            keypair::public_text(&key.verify_key()).unwrap(),
        )
    }

    fn hookcli_signed(private: &str, body: &[u8], t: i64) -> Request {
        let input = SignInput {
            body,
            timestamp: t,
            id: "",
            event_type: "dropped",
            url: None,
        };
        Request::post(
            sign(SENDGRID, &Secret::new(private, "signer"), &input).unwrap(),
            body.to_vec(),
        )
    }

    #[test]
    fn sendgrids_requests_verify_and_show_the_key_fingerprint() {
        let d = run(
            &request(SINGLE_SIG, "1600112502", SINGLE),
            &[Secret::new(SINGLE_KEY, "SENDGRID_WEBHOOK_VERIFICATION_KEY")],
            1_600_112_502,
        );
        assert!(d.valid, "{:?}", d.causes);
        let row = &d.diff.expected[0];
        assert_eq!(row.signature, Ok(None));
        let key = keypair::read_public(Algorithm::EcdsaP256, SINGLE_KEY).unwrap();
        assert_eq!(Some(row.fingerprint.clone()), keypair::fingerprint(&key));
        // The same key as PEM has the same fingerprint.
        let pem = keypair::public_pem(&key).unwrap();
        let d = run(
            &request(SINGLE_SIG, "1600112502", SINGLE),
            &[Secret::new(pem, "pem")],
            1_600_112_502,
        );
        assert!(d.valid);
        assert_eq!(d.diff.expected[0].fingerprint, row.fingerprint);
    }

    #[test]
    fn a_dropped_trailing_crlf_and_dropped_framing_are_named() {
        let key = [Secret::new(SINGLE_KEY, "k")];
        let dropped = SINGLE.strip_suffix(b"\r\n").unwrap();
        let d = run(
            &request(SINGLE_SIG, "1600112502", dropped),
            &key,
            1_600_112_502,
        );
        assert_eq!(ids(&d), ["body_mutated"]);
        assert_eq!(first(&d)["mutation"], "trailing_newline");
        assert_eq!(first(&d)["confidence"], "certain");

        let compact = String::from_utf8(MULTI.to_vec())
            .unwrap()
            .replace("},\r\n{", "},{")
            .replace("]\r\n", "]");
        let key = [Secret::new(MULTI_KEY, "k")];
        let d = run(
            &request(MULTI_SIG, "1619651159", compact.as_bytes()),
            &key,
            1_619_651_159,
        );
        assert_eq!(ids(&d), ["body_mutated"]);
        assert_eq!(first(&d)["mutation"], "crlf_framing");
        assert!(d.causes[0].to_string().contains("CRLF"), "{}", d.causes[0]);
    }

    #[test]
    fn a_batch_framed_anew_after_hookcli_signed_it_is_named_from_the_original() {
        let compact = String::from_utf8(MULTI.to_vec())
            .unwrap()
            .replace("},\r\n{", "},{")
            .replace("]\r\n", "]");
        let secrets = [Secret::new(MULTI_KEY, "k")];
        let ctx = Context {
            secrets: &secrets,
            provider: None,
            now: 1_619_651_159,
            tolerance: 300,
            original_body: Some(MULTI),
            candidates: None,
        };
        let d = diagnose(&request(MULTI_SIG, "1619651159", compact.as_bytes()), &ctx);
        assert_eq!(ids(&d), ["body_mutated"]);
        assert_eq!(first(&d)["mutation"], "crlf_framing");
    }

    #[test]
    fn a_reserialized_batch_is_named() {
        let value: Value = serde_json::from_slice(MULTI).unwrap();
        let pretty = serde_json::to_vec_pretty(&value).unwrap();
        let d = run(
            &request(MULTI_SIG, "1619651159", &pretty),
            &[Secret::new(MULTI_KEY, "k")],
            1_619_651_159,
        );
        assert_eq!(ids(&d), ["body_mutated"]);
        assert_eq!(first(&d)["mutation"], "reserialized_json");
    }

    #[test]
    fn a_private_key_given_as_the_verification_key_is_named_with_its_public_key() {
        let (private, public) = pair(5);
        let signed = hookcli_signed(&private, SINGLE, 1_600_112_502);
        let d = run(&signed, &[Secret::new(&private, "--secret")], 1_600_112_502);
        assert!(!d.valid);
        assert_eq!(ids(&d), ["secret_wrong_kind"]);
        assert_eq!(first(&d)["kind"], "private_key");
        assert_eq!(first(&d)["verification_key"], public.as_str());
        assert_eq!(first(&d)["derived_key_verifies"], true);
        // Another account's private key: named, and said not to verify.
        let (other, _) = pair(6);
        let d = run(&signed, &[Secret::new(other, "--secret")], 1_600_112_502);
        assert_eq!(first(&d)["kind"], "private_key");
        assert_eq!(first(&d)["derived_key_verifies"], false);
    }

    #[test]
    fn another_accounts_key_and_hookclis_local_key_are_told_apart() {
        let (private, public) = pair(7);
        let (_, configured) = pair(8);
        let signed = hookcli_signed(&private, SINGLE, 1_600_112_502);
        let secrets = [
            Secret::new(&configured, "SENDGRID_WEBHOOK_VERIFICATION_KEY"),
            Secret::new(&public, LOCAL_KEY_LABEL),
        ];
        let d = run(&signed, &secrets, 1_600_112_502);
        assert_eq!(ids(&d), ["wrong_key"]);
        assert_eq!(first(&d)["local_test_key"], true);
        assert!(d.causes[0].to_string().contains("hookcli keys"));
        let secrets = [
            Secret::new(&configured, "SENDGRID_WEBHOOK_VERIFICATION_KEY"),
            Secret::new(&public, "SENDGRID_WEBHOOK_PUBLIC_KEY"),
        ];
        let d = run(&signed, &secrets, 1_600_112_502);
        assert_eq!(first(&d)["matched_key"], "SENDGRID_WEBHOOK_PUBLIC_KEY");
        assert_eq!(first(&d)["local_test_key"], false);
        // No key verifies an intact body: the key is the likely cause.
        let d = run(&signed, &secrets[..1], 1_600_112_502);
        assert_eq!(ids(&d)[0], "wrong_key");
        assert_eq!(first(&d)["confidence"], "likely");
    }

    #[test]
    fn an_api_key_and_an_hmac_are_named() {
        let d = run(
            &request(SINGLE_SIG, "1600112502", SINGLE),
            &[Secret::new("SG.abc123.def456", "--secret")],
            1_600_112_502,
        );
        assert_eq!(first(&d)["kind"], "api_key");
        // Signed with HMAC-SHA256 keyed with the verification key.
        let mac = hmac_sha256(SINGLE_KEY.as_bytes(), &[b"1600112502", SINGLE]);
        let sig = base64::engine::general_purpose::STANDARD.encode(mac);
        let d = run(
            &request(&sig, "1600112502", SINGLE),
            &[Secret::new(SINGLE_KEY, "k")],
            1_600_112_502,
        );
        assert_eq!(ids(&d), ["secret_wrong_kind"]);
        assert_eq!(first(&d)["kind"], "hmac_with_verification_key");
        // An HMAC with some other secret: the algorithm is named.
        let mac = hmac_sha256(b"whsec_other", &[b"1600112502", SINGLE]);
        let sig = base64::engine::general_purpose::STANDARD.encode(mac);
        let d = run(
            &request(&sig, "1600112502", SINGLE),
            &[Secret::new(SINGLE_KEY, "k")],
            1_600_112_502,
        );
        assert_eq!(ids(&d)[0], "signature_algorithm");
        assert!(d.causes[0].to_string().contains("ECDSA P-256"));
    }
}

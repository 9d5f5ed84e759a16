//! Stripe: `Stripe-Signature: t=<unix>,v1=<hex>`, HMAC-SHA256 over
//! `<t>.<raw body>` keyed with the whole `whsec_…` string.

use super::{HeaderProblem, KeyError, Provider, Received, Scheme, SignInput};
use crate::request::Headers;

pub struct Stripe;

const HEADER: &str = "Stripe-Signature";

impl Scheme for Stripe {
    fn provider(&self) -> Provider {
        Provider::Stripe
    }

    fn signature_header(&self) -> &'static str {
        HEADER
    }

    fn key(&self, secret: &str) -> Result<Vec<u8>, KeyError> {
        if secret.is_empty() {
            return Err(KeyError("the secret is empty".into()));
        }
        Ok(secret.as_bytes().to_vec())
    }

    fn signed_prefix(&self, timestamp: Option<i64>, _id: Option<&str>) -> String {
        match timestamp {
            Some(t) => format!("{t}."),
            None => String::new(),
        }
    }

    fn encode(&self, mac: &[u8]) -> String {
        super::hex_lower(mac)
    }

    fn has_timestamp(&self) -> bool {
        true
    }

    fn headers(&self, signature: &str, input: &SignInput) -> Headers {
        // The headers Stripe's webhook deliveries carry.
        [
            (
                "Content-Type",
                "application/json; charset=utf-8".to_string(),
            ),
            (
                "User-Agent",
                "Stripe/1.0 (+https://stripe.com/docs/webhooks)".to_string(),
            ),
            ("Accept", "*/*; q=0.5, application/xml".to_string()),
            ("Cache-Control", "no-cache".to_string()),
            (HEADER, format!("t={},v1={}", input.timestamp, signature)),
        ]
        .into_iter()
        .collect()
    }

    fn parse(&self, headers: &Headers) -> Result<Received, HeaderProblem> {
        let value = headers
            .get(HEADER)
            .ok_or(HeaderProblem::Missing { header: HEADER })?;
        parse_value(value).map_err(|reason| HeaderProblem::Malformed {
            header: HEADER,
            reason,
        })
    }
}

/// Parses a `Stripe-Signature` value as strictly as Stripe's SDKs read it:
/// anything they would silently fail on is reported with the reason.
fn parse_value(value: &str) -> Result<Received, String> {
    if value.trim().is_empty() {
        return Err("the header is empty".into());
    }
    if value.contains(char::is_whitespace) {
        return Err(
            "it contains whitespace; Stripe sends `t=…,v1=…` with no spaces and its SDKs do not trim"
                .into(),
        );
    }
    let mut received = Received::default();
    let mut timestamps = 0;
    for item in value.split(',') {
        let Some((key, val)) = item.split_once('=') else {
            return Err(format!("element '{item}' is not key=value"));
        };
        match key {
            "t" => {
                timestamps += 1;
                let t = val
                    .parse::<i64>()
                    .map_err(|_| format!("t='{val}' is not a Unix timestamp"))?;
                received.timestamp = Some(t);
            }
            "v1" => received.signatures.push(val.to_ascii_lowercase()),
            "v0" => received.other_versions.push(val.to_string()),
            _ => {} // Stripe ignores unknown schemes; so do we.
        }
    }
    if timestamps == 0 {
        return Err("no t= timestamp".into());
    }
    if timestamps > 1 {
        return Err("t= appears more than once".into());
    }
    if received.signatures.is_empty() {
        return Err(if received.other_versions.is_empty() {
            "no v1= signature".into()
        } else {
            "only v0= signatures (a legacy scheme); Stripe's SDKs verify v1 only".into()
        });
    }
    Ok(received)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{Verdict, compute, sign, verify};
    use crate::secret::Secret;

    #[test]
    fn parses_multiple_signatures() {
        let r = parse_value("t=1614265330,v1=aa,v1=bb,v0=cc").unwrap();
        assert_eq!(r.timestamp, Some(1614265330));
        assert_eq!(r.signatures, vec!["aa", "bb"]);
        assert_eq!(r.other_versions, vec!["cc"]);
    }

    #[test]
    fn rejects_what_the_sdks_reject() {
        for bad in [
            "",
            "t=1, v1=aa",
            "t=1,t=2,v1=aa",
            "t=1",
            "t=1,v0=aa",
            "v1=aa",
            "t=x,v1=aa",
            "t1v1",
        ] {
            assert!(parse_value(bad).is_err(), "{bad:?} should be malformed");
        }
    }

    #[test]
    fn known_answer_from_the_official_sdks() {
        // Expected header printed by stripe-node 23.1.0
        // `webhooks.generateTestHeaderString({payload, secret, timestamp})` and
        // stripe-python 16.1.0 `WebhookSignature.generate_signature_header`,
        // for stripe-python's own test payload and secret.
        let secret = Secret::new("whsec_test_secret", "kat");
        let body = b"{\n  \"id\": \"evt_test_webhook\",\n  \"object\": \"event\"\n}";
        let input = SignInput {
            body,
            timestamp: 1_700_000_000,
            id: "evt_test_webhook",
            event_type: "x",
        };
        let headers = sign(&Stripe, &secret, &input).unwrap();
        assert_eq!(
            headers.get("Stripe-Signature"),
            Some(
                "t=1700000000,v1=4f1cd7feda9826e746b7d482c4badebb657398df1099e1046364f6196a230150"
            )
        );
    }

    #[test]
    fn signs_with_the_whole_secret_as_key() {
        // Key is the literal `whsec_…` bytes, payload `<t>.<body>`.
        let body = b"{\"id\":\"evt_1\"}";
        let expected = hex::encode(crate::provider::hmac_sha256(
            b"whsec_test",
            &[b"1700000000.", body],
        ));
        assert_eq!(
            compute(&Stripe, b"whsec_test", Some(1_700_000_000), None, body),
            expected
        );
    }

    #[test]
    fn rotation_any_v1_may_match() {
        let old = Secret::new("whsec_old", "old");
        let new = Secret::new("whsec_new", "new");
        let input = SignInput {
            body: b"{}",
            timestamp: 100,
            id: "evt",
            event_type: "x",
        };
        let a = sign(&Stripe, &old, &input).unwrap();
        let b = sign(&Stripe, &new, &input).unwrap();
        let sig = |h: &Headers| {
            h.get(HEADER)
                .unwrap()
                .rsplit_once("v1=")
                .unwrap()
                .1
                .to_string()
        };
        let both: Headers = [(HEADER, format!("t=100,v1={},v1={}", sig(&a), sig(&b)))]
            .into_iter()
            .collect();
        assert_eq!(
            verify(&Stripe, &both, b"{}", &[new], 100, 300),
            Verdict::Valid { secret_index: 0 }
        );
    }
}

//! Shopify: `X-Shopify-Hmac-Sha256`, the standard base64 of an HMAC-SHA256
//! over the raw body, keyed with the app's client secret (the "API secret
//! key") as UTF-8; no timestamp is signed. Bodies are compact JSON with
//! Rails' escaping ([`BodyForm::JsonCompactEscaped`]); the topic, shop,
//! API version and delivery id travel in headers, which the official
//! validator requires. The newer "events" deliveries send the same HMAC
//! in `shopify-hmac-sha256`.
//!
//! Sources: Shopify/shopify-app-js `packages/apps/shopify-api/lib/webhooks/`
//! (`validate.ts`, the header names in `lib/types.ts`) and its tests, MIT.

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Sig, Tail};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, MAX_SIG,
    Misuse, Scheme, SecretAdvice, SignInput, Spec,
};
use crate::request::Headers;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use include_dir::{Dir, include_dir};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub struct Shopify;

const HMAC: &str = "X-Shopify-Hmac-Sha256";
/// The events family's name for the same HMAC.
const EVENTS_HMAC: &str = "shopify-hmac-sha256";
const TOPIC: &str = "X-Shopify-Topic";
const EVENTS_TOPIC: &str = "shopify-topic";
const WEBHOOK_ID: &str = "X-Shopify-Webhook-Id";
const EVENTS_WEBHOOK_ID: &str = "shopify-webhook-id";

/// The shop of the reference objects (`shop.json`'s `myshopify_domain`).
pub const SHOP_DOMAIN: &str = "jsmith.myshopify.com";
/// The API version the reference objects were serialized for.
pub const API_VERSION: &str = "2026-07";

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/shopify");

static SPEC: Spec = Spec {
    id: "shopify",
    display: "Shopify",
    aliases: &[],
    signature_headers: &[HMAC, EVENTS_HMAC],
    // Shopify CLI's app templates read the client secret from
    // SHOPIFY_API_SECRET; the Dev Dashboard calls it the client secret.
    secret_vars: &["SHOPIFY_API_SECRET", "SHOPIFY_CLIENT_SECRET"],
    body: BodyForm::JsonCompactEscaped,
    algorithm: Algorithm::HmacSha256,
    encoding: Encoding::Base64,
    tolerance: None,
    fixtures: &FIXTURES,
};

static ACCESS_TOKEN: Misuse = Misuse {
    id: "access_token",
    advice: "is an Admin API access token (shpat_/shpca_/shppa_/shpua_…), not the secret \
             Shopify signs webhooks with: use the app's client secret (Dev Dashboard or \
             Partner Dashboard → the app → Settings → Client secret; for an app made in the \
             store admin, its API secret key, shpss_…)",
};

/// The GID prefixes of the resources whose ids `place` generates.
const GIDS: &[&str] = &[
    "gid://shopify/Order/",
    "gid://shopify/Product/",
    "gid://shopify/Customer/",
    "gid://shopify/Refund/",
    "gid://shopify/Fulfillment/",
    "gid://shopify/DraftOrder/",
    "gid://shopify/Collection/",
    "gid://shopify/OrderTransaction/",
    "gid://shopify/Location/",
    "gid://shopify/OnlineStoreTheme/",
    "gid://shopify/Theme/",
    "gid://shopify/Shop/",
    "gid://shopify/AbandonedCheckout/",
];

/// Resource ids of 18 digits, as Shopify's own samples have
/// (820982911946154508): above 2^53, where a JavaScript number loses digits.
const ID_DIGITS: u32 = 18;

/// An HMAC-SHA256 is 32 bytes.
const HMAC_LEN: usize = 32;

fn hmac_header(headers: &Headers) -> Option<(&'static str, &str)> {
    headers
        .get(HMAC)
        .map(|v| (HMAC, v))
        .or_else(|| headers.get(EVENTS_HMAC).map(|v| (EVENTS_HMAC, v)))
}

fn is_hex_digest(s: &str) -> bool {
    s.len() == 2 * HMAC_LEN && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `YYYY-MM-DDTHH:MM:SS.000000000Z` for Unix seconds, into `buf`: the
/// form of Shopify's `X-Shopify-Triggered-At`, written without allocating.
fn triggered_at(t: i64, buf: &mut [u8; 30]) -> &str {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = (yoe + era * 400 + i64::from(month <= 2)).clamp(0, 9999);
    let fields = [
        (0, 4, year),
        (5, 2, month),
        (8, 2, day),
        (11, 2, secs / 3600),
        (14, 2, secs / 60 % 60),
        (17, 2, secs % 60),
    ];
    buf.copy_from_slice(b"0000-00-00T00:00:00.000000000Z");
    for (at, width, mut n) in fields {
        for i in (at..at + width).rev() {
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
    }
    std::str::from_utf8(buf).expect("ASCII digits")
}

/// A UUID-shaped id derived from the delivery id: the event that the
/// delivery is one of (`X-Shopify-Event-Id`), reproducible from a seed.
fn event_id<'b>(delivery: &str, buf: &'b mut [u8; 36]) -> &'b str {
    let mut h = Sha256::new();
    h.update(b"shopify-event:");
    h.update(delivery.as_bytes());
    let mut b: [u8; 32] = h.finalize().into();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let mut at = 0;
    for (i, byte) in b[..16].iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            buf[at] = b'-';
            at += 1;
        }
        hex::encode_to_slice([*byte], &mut buf[at..at + 2]).expect("two digits per byte");
        at += 2;
    }
    std::str::from_utf8(buf).expect("hex digits are ASCII")
}

impl Scheme for Shopify {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    fn secret_advice(&self) -> SecretAdvice {
        SecretAdvice {
            copy: "use the app's client secret (Dev Dashboard or Partner Dashboard → the app → Settings), not its API key; webhooks made in the store admin (Settings → Notifications) are signed with the key shown on that page instead, and for up to an hour after a rotation deliveries still carry the old secret's HMAC",
            scope: "each app has its own client secret, and store-admin webhooks the store's key",
        }
    }

    /// The HMAC as `@shopify/shopify-api` reads it: the standard base64 of
    /// 32 bytes, from either header family.
    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        let (header, value) =
            hmac_header(req.headers).ok_or(HeaderProblem::Missing { header: HMAC })?;
        let malformed = |reason: &str| HeaderProblem::Malformed {
            header,
            reason: reason.to_string(),
        };
        if value != value.trim() {
            return Err(malformed("it has surrounding whitespace"));
        }
        if is_hex_digest(value) {
            return Err(malformed(
                "it is 64 hex digits: Shopify writes the HMAC in base64",
            ));
        }
        let mut bytes = [0u8; MAX_SIG];
        if Encoding::Base64.decode(value, &mut bytes) != Some(HMAC_LEN) {
            return Err(malformed(
                "it is not the base64 of an HMAC-SHA256 (44 characters ending in =)",
            ));
        }
        let mut claims = Claims {
            id: req
                .headers
                .get(WEBHOOK_ID)
                .or_else(|| req.headers.get(EVENTS_WEBHOOK_ID)),
            ..Claims::default()
        };
        claims
            .signatures
            .push(Sig::new(Algorithm::HmacSha256, value, Encoding::Base64));
        Ok(claims)
    }

    fn message(&self, _m: &Material, _head: &mut Vec<u8>) -> Result<Tail, MessageError> {
        Ok(Tail::Body)
    }

    /// The headers of an HTTPS delivery, as Shopify's documentation lists
    /// them and captured deliveries show them.
    fn write_headers(&self, signature: &str, input: &SignInput, out: &mut dyn HeaderSink) {
        let (mut at, mut event) = ([0u8; 30], [0u8; 36]);
        out.put("Content-Type", &["application/json"]);
        out.put("User-Agent", &["Shopify-Captain-Hook"]);
        out.put("Accept", &["*/*"]);
        out.put(TOPIC, &[input.event_type]);
        out.put(HMAC, &[signature]);
        out.put("X-Shopify-Shop-Domain", &[SHOP_DOMAIN]);
        out.put("X-Shopify-API-Version", &[API_VERSION]);
        out.put(WEBHOOK_ID, &[input.id]);
        out.put(
            "X-Shopify-Triggered-At",
            &[triggered_at(input.timestamp, &mut at)],
        );
        out.put("X-Shopify-Event-Id", &[event_id(input.id, &mut event)]);
    }

    /// Quotes and surrounding whitespace dropped; a hex digest read as the
    /// bytes it stands for.
    fn lenient(&self, headers: &Headers) -> Option<Headers> {
        let (_, value) = hmac_header(headers)?;
        let value = super::unquote(value);
        let mut fixed = Headers::new();
        if is_hex_digest(value) {
            let bytes = hex::decode(value).ok()?;
            fixed.push(HMAC, STANDARD.encode(bytes));
        } else {
            fixed.push(HMAC, value);
        }
        if let Some(id) = headers.get(WEBHOOK_ID) {
            fixed.push(WEBHOOK_ID, id);
        }
        Some(fixed)
    }

    fn misuse(&self, secret: &str) -> Option<&'static Misuse> {
        let s = secret.trim();
        ["shpat_", "shpca_", "shppa_", "shpua_"]
            .iter()
            .any(|p| s.starts_with(p))
            .then_some(&ACCESS_TOKEN)
    }

    /// The topic and delivery id come from headers; the resource's id from
    /// the body.
    fn event_meta(&self, headers: &Headers, body: &[u8]) -> EventMeta {
        let resource: Option<Value> = serde_json::from_slice::<Value>(body)
            .ok()
            .and_then(|v| v.get("id").cloned());
        EventMeta {
            event_type: headers
                .get(TOPIC)
                .or_else(|| headers.get(EVENTS_TOPIC))
                .map(str::to_string),
            event_id: headers
                .get(WEBHOOK_ID)
                .or_else(|| headers.get(EVENTS_WEBHOOK_ID))
                .map(str::to_string),
            object_id: resource.map(|id| match id {
                Value::String(s) => s,
                other => other.to_string(),
            }),
            ..EventMeta::default()
        }
    }

    /// A fresh id for the resource the topic is about, and the same id in
    /// its GID.
    fn place(&self, payload: &mut Value, put: &mut dyn FnMut(Generated) -> Value) {
        let Some(obj) = payload.as_object_mut() else {
            return;
        };
        if !obj.get("id").is_some_and(Value::is_u64) {
            return;
        }
        let gid = obj
            .get("admin_graphql_api_id")
            .and_then(Value::as_str)
            .and_then(|g| GIDS.iter().find(|p| g.starts_with(**p)));
        if let Some(prefix) = gid {
            let id = put(Generated {
                purpose: "resource",
                kind: GeneratedKind::NumberIn {
                    prefix,
                    digits: ID_DIGITS,
                },
            });
            obj.insert("admin_graphql_api_id".into(), id);
        }
        let id = put(Generated {
            purpose: "resource",
            kind: GeneratedKind::Number { digits: ID_DIGITS },
        });
        obj.insert("id".into(), id);
    }

    fn delivery_id(&self) -> Option<Generated> {
        Some(Generated {
            purpose: "webhook",
            kind: GeneratedKind::Uuid,
        })
    }

    /// Shopify names a delivery by its topic header: a fixture's name is its topic.
    fn event_type(&self, name: &str, _payload: &Value) -> String {
        name.to_string()
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        payload
            .get("admin_graphql_api_id")
            .and_then(Value::as_str)
            .is_some_and(|g| g.starts_with("gid://shopify/"))
            || payload
                .get("shop_domain")
                .and_then(Value::as_str)
                .is_some_and(|d| d.ends_with(".myshopify.com"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{SHOPIFY, Verdict, sign, verify_secrets};
    use crate::secret::Secret;

    /// shared/reference/providers/shopify/webhook-hmac-kat.json, from
    /// Shopify/shopify-app-js `lib/webhooks/__tests__/validate.test.ts`
    /// with `apiSecretKey: 'test_secret_key'` (MIT).
    const KAT_SECRET: &str = "test_secret_key";
    const KAT_BODY: &[u8] = br#"{"foo": "bar"}"#;
    const KAT_HMAC: &str = "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=";

    fn verdict(header: &str, value: &str, body: &[u8]) -> Verdict {
        let h: Headers = [(header, value)].into_iter().collect();
        let parts = Parts {
            method: "POST",
            url: None,
            headers: &h,
            body,
        };
        verify_secrets(SHOPIFY, &parts, &[Secret::new(KAT_SECRET, "kat")], 0, 300)
    }

    #[test]
    fn known_answer_from_shopify_api() {
        let input = SignInput {
            body: KAT_BODY,
            timestamp: 1_700_000_000,
            id: "123456789",
            event_type: "products/create",
            url: None,
        };
        let headers = sign(SHOPIFY, &Secret::new(KAT_SECRET, "kat"), &input).unwrap();
        assert_eq!(headers.get(HMAC), Some(KAT_HMAC));
        assert_eq!(headers.get(TOPIC), Some("products/create"));
        assert_eq!(headers.get(WEBHOOK_ID), Some("123456789"));
        assert_eq!(
            headers.get("X-Shopify-Triggered-At"),
            Some("2023-11-14T22:13:20.000000000Z")
        );
        let event = headers.get("X-Shopify-Event-Id").unwrap();
        assert_eq!(event.len(), 36);
        assert_ne!(event, "123456789");
        let valid = Verdict::Valid { secret_index: 0 };
        assert_eq!(verdict(HMAC, KAT_HMAC, KAT_BODY), valid);
        assert_eq!(verdict(EVENTS_HMAC, KAT_HMAC, KAT_BODY), valid);
        assert_eq!(
            verdict(HMAC, KAT_HMAC, br#"{"foo":"bar"}"#),
            Verdict::NoMatch
        );
    }

    #[test]
    fn hex_and_junk_are_malformed_and_hex_is_read_leniently() {
        let hex_digest = hex::encode(STANDARD.decode(KAT_HMAC).unwrap());
        for bad in [hex_digest.as_str(), " B23t=", "abc", ""] {
            let h: Headers = [(HMAC, bad)].into_iter().collect();
            let parts = Parts {
                method: "POST",
                url: None,
                headers: &h,
                body: KAT_BODY,
            };
            assert!(Shopify.parse(&parts).is_err(), "{bad}");
        }
        let h: Headers = [(HMAC, hex_digest.as_str())].into_iter().collect();
        assert_eq!(Shopify.lenient(&h).unwrap().get(HMAC), Some(KAT_HMAC));
    }

    #[test]
    fn triggered_at_is_rfc3339_in_utc() {
        let mut buf = [0u8; 30];
        assert_eq!(triggered_at(0, &mut buf), "1970-01-01T00:00:00.000000000Z");
        for t in [951_782_400, 1_709_210_096, 4_102_444_799, 1_700_000_000] {
            let want = jiff::Timestamp::from_second(t)
                .unwrap()
                .strftime("%Y-%m-%dT%H:%M:%S.000000000Z")
                .to_string();
            assert_eq!(triggered_at(t, &mut buf), want);
        }
    }

    #[test]
    fn access_tokens_are_not_the_secret_but_shared_secrets_are() {
        assert!(
            Shopify
                .misuse("shpat_0123456789abcdef0123456789abcdef")
                .is_some()
        );
        assert!(Shopify.misuse("shpca_0123").is_some());
        assert!(
            Shopify
                .misuse("shpss_0123456789abcdef0123456789abcdef")
                .is_none()
        );
        assert!(Shopify.misuse("0123456789abcdef0123456789abcdef").is_none());
    }

    #[test]
    fn meta_comes_from_headers_and_the_resource() {
        let h: Headers = [(TOPIC, "orders/create"), (WEBHOOK_ID, "w-1")]
            .into_iter()
            .collect();
        let m = Shopify.event_meta(&h, br##"{"id":820982911946154508,"name":"#1001"}"##);
        assert_eq!(m.event_type.as_deref(), Some("orders/create"));
        assert_eq!(m.event_id.as_deref(), Some("w-1"));
        assert_eq!(m.object_id.as_deref(), Some("820982911946154508"));
    }
}

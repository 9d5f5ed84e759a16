//! Twilio: `X-Twilio-Signature`, base64 HMAC-SHA1 keyed with the Auth Token
//! over the URL Twilio called followed by the POST parameters sorted by
//! name, each name then value (a repeated name's values de-duplicated and
//! sorted). JSON bodies (Event Streams) are signed over the URL alone, which
//! carries `bodySHA256=<hex sha256 of the body>`; the verifier checks that
//! hash separately. The official validators also accept the URL with its
//! port removed or its default port added, and (Node) as a WHATWG parser
//! writes it back.

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Sig, Tail, required};
use super::url::{self as urls, query_param};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, Misuse, Scheme,
    SecretAdvice, SignInput, Spec,
};
use crate::request::Headers;
use include_dir::{Dir, include_dir};
use serde_json::Value;
use sha2::{Digest, Sha256};
use smallvec::SmallVec;
use std::borrow::Cow;

pub struct Twilio;

const HEADER: &str = "X-Twilio-Signature";
const IDEMPOTENCY: &str = "I-Twilio-Idempotency-Token";
/// The query parameter that binds a JSON body to a URL signature.
pub const BODY_HASH: &str = "bodySHA256";

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/twilio");

static SPEC: Spec = Spec {
    id: "twilio",
    display: "Twilio",
    aliases: &[],
    signature_headers: &[HEADER],
    secret_vars: &["TWILIO_AUTH_TOKEN"],
    body: BodyForm::Form,
    algorithm: Algorithm::HmacSha1,
    encoding: Encoding::Base64,
    tolerance: None,
    fixtures: &FIXTURES,
};

static API_KEY_SID: Misuse = Misuse {
    id: "api_key",
    advice: "is an API key SID (SK…), not the Auth Token Twilio signs with: use the account's \
             Auth Token (Console → Account → API keys & tokens)",
};

static ACCOUNT_SID: Misuse = Misuse {
    id: "account_sid",
    advice: "is the Account SID (AC…), not the Auth Token Twilio signs with: use the account's \
             Auth Token",
};

/// The URLs the official validators accept for `url`: as given, with its
/// port toggled, and (Node) WHATWG-normalised; distinct, in that order.
fn accepted_urls(url: &str) -> Vec<Cow<'_, str>> {
    let mut urls: Vec<Cow<str>> = vec![Cow::Borrowed(url)];
    for other in [urls::port_toggled(url), urls::normalized(url)]
        .into_iter()
        .flatten()
    {
        if !urls.iter().any(|u| *u == other) {
            urls.push(Cow::Owned(other));
        }
    }
    urls
}

/// The POST parameters as Twilio signs them: decoded (as
/// `form_urlencoded::parse` decodes them), sorted by name, a repeated
/// name's values de-duplicated and sorted, each name then value; appended
/// to `out`. The parameters are decoded past the end of `out`, sorted as
/// ranges of it and copied into place, so that a warm buffer makes a
/// message without allocating.
pub fn signed_params(body: &[u8], out: &mut Vec<u8>) {
    let start = out.len();
    // A byte above 0x7F comes from the body itself or from a `%XX`: in an
    // ASCII body, only a part that decoded one needs its UTF-8 checked.
    let ascii = body.is_ascii();
    // The decoded parameters, then the same bytes sorted: for a UTF-8
    // body never more than twice its length, so no push below reallocates
    // (bytes that are not UTF-8 may grow into U+FFFD).
    out.reserve(2 * body.len());
    // Per parameter: the first bytes of its decoded name (to sort by
    // without a call to memcmp), where its name starts, where its value
    // starts and where it ends, in `out`.
    let mut params: SmallVec<[(u64, usize, usize, usize); 48]> = SmallVec::new();
    // One pass: each pair up to `&`, its name up to the first `=`.
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'&' {
            i += 1;
            continue;
        }
        let name_at = out.len();
        i = form_decode(body, i, true, ascii, out);
        let value_at = out.len();
        if body.get(i) == Some(&b'=') {
            i = form_decode(body, i + 1, false, ascii, out);
        }
        params.push((
            prefix(&out[name_at..value_at]),
            name_at,
            value_at,
            out.len(),
        ));
        i += 1;
    }
    /// The first 8 bytes, zero-padded, big-endian: where two of these
    /// differ, the names compare as they do.
    fn prefix(name: &[u8]) -> u64 {
        let mut first = [0u8; 8];
        let n = name.len().min(8);
        first[..n].copy_from_slice(&name[..n]);
        u64::from_be_bytes(first)
    }
    fn parts(out: &[u8], (_, n, v, e): (u64, usize, usize, usize)) -> (&[u8], &[u8]) {
        (&out[n..v], &out[v..e])
    }
    params.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| parts(out, *a).cmp(&parts(out, *b)))
    });
    params.dedup_by(|a, b| a.0 == b.0 && parts(out, *a) == parts(out, *b));
    let decoded_end = out.len();
    for &(_, name_at, _, end) in &params {
        out.extend_from_within(name_at..end);
    }
    out.drain(start..decoded_end);
}

/// Whether any of the eight bytes of `word` is `byte` (the classic
/// has-zero-byte test on `word ^ byte…byte`; exact, no false positives).
fn holds(word: u64, byte: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS != 0
}

/// Decodes `body` from `at` up to the next `&` (or, for a `name`, the
/// next `=` as well), `+` as a space and `%XX` as its byte, appended to
/// `out`; then, when that is not UTF-8, U+FFFD for each bad sequence (as
/// `form_urlencoded::parse` gives it). `ascii`: the body is ASCII, so
/// only a decoded `%XX` can break UTF-8. Returns where it stopped.
fn form_decode(body: &[u8], at: usize, name: bool, ascii: bool, out: &mut Vec<u8>) -> usize {
    let from = out.len();
    let hex = |d: Option<&u8>| d.and_then(|&d| (d as char).to_digit(16));
    let mut unchecked = !ascii;
    let mut i = at;
    'decode: loop {
        // Eight bytes at a time while none of them needs decoding.
        while let Some(chunk) = body.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let special = holds(word, b'&')
                | holds(word, b'+')
                | holds(word, b'%')
                | (name & holds(word, b'='));
            if special {
                break;
            }
            out.extend_from_slice(chunk);
            i += 8;
        }
        // Then byte by byte, through the next byte that needs decoding.
        loop {
            let Some(&b) = body.get(i) else {
                break 'decode;
            };
            i += 1;
            match b {
                b'&' => {
                    i -= 1;
                    break 'decode;
                }
                b'=' if name => {
                    i -= 1;
                    break 'decode;
                }
                b'+' => out.push(b' '),
                b'%' => match (hex(body.get(i)), hex(body.get(i + 1))) {
                    (Some(high), Some(low)) => {
                        let byte = (high * 16 + low) as u8;
                        unchecked |= !byte.is_ascii();
                        out.push(byte);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                },
                b => {
                    out.push(b);
                    continue;
                }
            }
            break;
        }
    }
    if unchecked && std::str::from_utf8(&out[from..]).is_err() {
        let fixed = String::from_utf8_lossy(&out[from..]).into_owned();
        out.truncate(from);
        out.extend_from_slice(fixed.as_bytes());
    }
    i
}

impl Scheme for Twilio {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    fn secret_advice(&self) -> SecretAdvice {
        SecretAdvice {
            copy: "use the primary Auth Token of the account that owns the number or service (Console → Account → API keys & tokens); a subaccount signs with its own token, and a secondary token signs nothing until it is promoted",
            scope: "each account and subaccount has its own Auth Token",
        }
    }

    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        let value = required(req.headers, HEADER)?;
        let mut claims = Claims {
            id: req.headers.get(IDEMPOTENCY),
            ..Claims::default()
        };
        claims.signatures.push(Sig::new(
            Algorithm::HmacSha1,
            value.trim(),
            Encoding::Base64,
        ));
        Ok(claims)
    }

    fn variants(&self, m: &Material) -> u8 {
        m.url.map_or(1, |u| accepted_urls(u).len() as u8)
    }

    fn message(&self, m: &Material, head: &mut Vec<u8>) -> Result<Tail, MessageError> {
        let url = m.url.ok_or(MessageError::NeedsUrl {
            provider: SPEC.display,
        })?;
        let accepted;
        let url = match m.variant {
            0 => url,
            n => {
                accepted = accepted_urls(url);
                accepted.get(usize::from(n)).unwrap_or(&accepted[0])
            }
        };
        head.extend_from_slice(url.as_bytes());
        if query_param(url, BODY_HASH).is_none() {
            signed_params(m.body, head);
        }
        Ok(Tail::Nothing)
    }

    fn body_bound(&self, m: &Material) -> bool {
        match m.url.and_then(|u| query_param(u, BODY_HASH)) {
            Some(expected) => hex::encode(Sha256::digest(m.body)) == expected,
            None => true,
        }
    }

    fn signs_url(&self) -> bool {
        true
    }

    fn delivery_url(&self, url: &str, body: &[u8], form: BodyForm) -> Option<String> {
        (form != BodyForm::Form && query_param(url, BODY_HASH).is_none())
            .then(|| urls::with_param(url, BODY_HASH, &hex::encode(Sha256::digest(body))))
    }

    fn write_headers(&self, signature: &str, input: &SignInput, out: &mut dyn HeaderSink) {
        let json = input
            .url
            .is_some_and(|u| query_param(u, BODY_HASH).is_some());
        out.put(
            "Content-Type",
            &[if json {
                "application/json; charset=utf-8"
            } else {
                "application/x-www-form-urlencoded"
            }],
        );
        out.put("User-Agent", &["TwilioProxy/1.1"]);
        out.put("Accept", &["*/*"]);
        out.put(IDEMPOTENCY, &[input.id]);
        out.put(HEADER, &[signature]);
    }

    fn misuse(&self, secret: &str) -> Option<&'static Misuse> {
        let s = secret.trim();
        let sid = |prefix: &str| s.len() == 34 && s.starts_with(prefix);
        if sid("SK") {
            Some(&API_KEY_SID)
        } else if sid("AC") {
            Some(&ACCOUNT_SID)
        } else {
            None
        }
    }

    /// The kind of callback, told by the parameters it carries; the
    /// idempotency token is the delivery's id.
    fn event_meta(&self, headers: &Headers, body: &[u8]) -> EventMeta {
        let mut meta = EventMeta::from_body(body);
        if meta.event_type.is_none() {
            let params: Vec<(Cow<str>, Cow<str>)> = form_urlencoded::parse(body).collect();
            let get = |name: &str| {
                params
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.as_ref())
            };
            meta.event_type = if get("MessageStatus").is_some() {
                Some("message.status".into())
            } else if get("SmsStatus") == Some("received") || get("Body").is_some() {
                Some("message.received".into())
            } else if get("CallbackSource").is_some() || get("CallDuration").is_some() {
                Some("call.status".into())
            } else if get("CallSid").is_some() {
                Some("call.received".into())
            } else {
                None
            };
            meta.object_id = get("MessageSid").or(get("CallSid")).map(str::to_string);
        }
        meta.event_id = headers
            .get(IDEMPOTENCY)
            .map(str::to_string)
            .or(meta.event_id);
        meta
    }

    fn place(&self, payload: &mut Value, put: &mut dyn FnMut(Generated) -> Value) {
        let message = Generated {
            purpose: "message",
            kind: GeneratedKind::Hex {
                prefix: "SM",
                len: 32,
            },
        };
        let call = Generated {
            purpose: "call",
            kind: GeneratedKind::Hex {
                prefix: "CA",
                len: 32,
            },
        };
        let Some(obj) = payload.as_object_mut() else {
            return;
        };
        let mut replace = |obj: &mut serde_json::Map<String, Value>, key: &str, g: Generated| {
            if obj.get(key).is_some_and(Value::is_string) {
                obj.insert(key.to_string(), put(g));
            }
        };
        for key in ["MessageSid", "SmsSid", "SmsMessageSid"] {
            replace(obj, key, message);
        }
        replace(obj, "CallSid", call);
        replace(
            obj,
            "Timestamp",
            Generated {
                purpose: "time",
                kind: GeneratedKind::Rfc2822,
            },
        );
        // Event Streams: a CloudEvent with its own id and time.
        if obj.contains_key("specversion") {
            replace(
                obj,
                "id",
                Generated {
                    purpose: "event",
                    kind: GeneratedKind::Uuid,
                },
            );
            replace(
                obj,
                "time",
                Generated {
                    purpose: "time",
                    kind: GeneratedKind::Rfc3339,
                },
            );
            if let Some(Value::Object(data)) = obj.get_mut("data") {
                replace(data, "messageSid", message);
                replace(data, "callSid", call);
            }
        }
    }

    fn delivery_id(&self) -> Option<Generated> {
        Some(Generated {
            purpose: "idempotency",
            kind: GeneratedKind::Uuid,
        })
    }

    /// Callbacks carry no type: a fixture's name is its kind.
    fn event_type(&self, name: &str, payload: &Value) -> String {
        match payload.get("type").and_then(Value::as_str) {
            Some(t) if payload.get("specversion").is_some() => t.to_string(),
            _ => name.to_string(),
        }
    }

    /// Event Streams fixtures (CloudEvents) are JSON; callbacks are forms.
    fn body_form(&self, name: &str) -> BodyForm {
        if name.starts_with("com.twilio.") {
            BodyForm::JsonCompact
        } else {
            BodyForm::Form
        }
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        payload.get("AccountSid").is_some()
            || payload
                .get("type")
                .and_then(Value::as_str)
                .is_some_and(|t| t.starts_with("com.twilio."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{TWILIO, Verdict, sign, verify_secrets};
    use crate::secret::Secret;

    /// The known answers in shared/reference/providers/twilio (from
    /// twilio-node spec/validation.spec.js and twilio-python
    /// tests/unit/test_request_validator.py, MIT).
    const TOKEN: &str = "12345";
    const URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";
    const FORM: &[u8] =
        b"CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212";

    fn check(url: &str, body: &[u8], signature: &str) -> Verdict {
        let headers: Headers = [(HEADER, signature)].into_iter().collect();
        let parts = Parts {
            method: "POST",
            url: Some(url),
            headers: &headers,
            body,
        };
        verify_secrets(TWILIO, &parts, &[Secret::new(TOKEN, "kat")], 0, 300)
    }

    #[test]
    fn known_answers_from_the_official_sdks() {
        let valid = Verdict::Valid { secret_index: 0 };
        assert_eq!(check(URL, FORM, "RSOYDt4T1cUTdK1PDd93/VVr8B8="), valid);
        // Signed with :443, received without, and the other way round.
        assert_eq!(check(URL, FORM, "kvajT1Ptam85bY51eRf/AJRuM3w="), valid);
        assert_eq!(
            check(
                "https://mycompany.com:443/myapp.php?foo=1&bar=2",
                FORM,
                "RSOYDt4T1cUTdK1PDd93/VVr8B8="
            ),
            valid
        );
        assert_eq!(
            check(
                "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2",
                FORM,
                "CukzLTc1tT5dXEDIHm/tKBanW10="
            ),
            valid
        );
        // An apostrophe in the query, signed as a WHATWG parser writes it.
        assert_eq!(
            check(
                "https://mycompany.com/myapp.php?foo=1&bar=2&Body=It's+amazing",
                FORM,
                "TfZzewPq8wqrGlMfyAud8+/IvJ0="
            ),
            valid
        );
        // Repeated names: values de-duplicated and sorted; names sorted bytewise.
        assert_eq!(
            check(
                URL,
                b"Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234&Digits=1234",
                "IK+Dwps556ElfBT0I3Rgjkr1wJU="
            ),
            valid
        );
        assert_eq!(
            check(
                URL,
                b"MessagingBinding.Address=%2B1415xxxxxxx&MessagingBinding.Address=%2B1325xxxxxxx",
                "83O6e2vORAoJHUNzJjDWN1jz+BA="
            ),
            valid
        );
        assert_eq!(
            check(URL, FORM, "AAAAAAAAAAAAAAAAAAAAAAAAAAA="),
            Verdict::NoMatch
        );
    }

    #[test]
    fn json_bodies_are_bound_by_their_hash() {
        let body = br#"{"property": "value", "boolean": true}"#;
        let url = format!(
            "{URL}&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
        );
        assert_eq!(
            check(&url, body, "a9nBmqA0ju/hNViExpshrM61xv4="),
            Verdict::Valid { secret_index: 0 }
        );
        assert_eq!(
            check(
                &url,
                br#"{"property":"value","boolean":true}"#,
                "a9nBmqA0ju/hNViExpshrM61xv4="
            ),
            Verdict::BodyChanged { secret_index: 0 }
        );
    }

    #[test]
    fn signs_json_over_the_url_with_its_hash() {
        let body = br#"{"property": "value", "boolean": true}"#;
        let url = Twilio
            .delivery_url(URL, body, BodyForm::JsonCompact)
            .unwrap();
        assert!(url.ends_with(
            "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
        ));
        let input = SignInput {
            body,
            timestamp: 0,
            id: "idem",
            event_type: "x",
            url: Some(&url),
        };
        let headers = sign(TWILIO, &Secret::new(TOKEN, "kat"), &input).unwrap();
        assert_eq!(headers.get(HEADER), Some("a9nBmqA0ju/hNViExpshrM61xv4="));
        assert_eq!(
            headers.get("Content-Type"),
            Some("application/json; charset=utf-8")
        );
    }

    #[test]
    fn a_word_holds_a_byte_exactly_when_one_of_its_bytes_is_it() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            // xorshift, with some bytes forced to the searched-for values
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mut bytes = x.to_le_bytes();
            bytes[(x >> 61) as usize] = [b'&', b'+', b'%', b'='][(x >> 59) as usize & 3];
            if x & 1 == 0 {
                bytes[(x >> 58) as usize & 7] = 0x80;
            }
            let word = u64::from_le_bytes(bytes);
            for b in [b'&', b'+', b'%', b'=', 0x00, 0x80, 0xff] {
                assert_eq!(holds(word, b), bytes.contains(&b), "{bytes:?} {b}");
            }
        }
    }

    #[test]
    fn signed_params_are_form_urlencoded_parse_sorted() {
        fn reference(body: &[u8]) -> Vec<u8> {
            let mut params: Vec<(Cow<str>, Cow<str>)> = form_urlencoded::parse(body).collect();
            params.sort();
            params.dedup();
            let mut out = b"https://x/".to_vec();
            for (name, value) in params {
                out.extend_from_slice(name.as_bytes());
                out.extend_from_slice(value.as_bytes());
            }
            out
        }
        let fixture = crate::fixtures::resolve("call.status", Some(TWILIO), &[])
            .unwrap()
            .render(&crate::fixtures::RenderOptions {
                timestamp: 1_700_000_000,
                ids: crate::ids::IdSource::new(1),
                sequence: 0,
                overrides: &[],
            })
            .unwrap()
            .body;
        // Every byte that needs decoding at every offset of an 8-byte word.
        let shifted: Vec<Vec<u8>> = (0..20)
            .flat_map(|k| {
                let pad = "x".repeat(k);
                [
                    format!("{pad}a={pad}b+c%41&{pad}=%zz{pad}&n{pad}=v=w&"),
                    format!("{pad}%E2%98%95{pad}=+{pad}&&{pad}"),
                ]
            })
            .map(String::into_bytes)
            .collect();
        for body in shifted.iter().map(Vec::as_slice).chain([
            FORM,
            b"",
            b"&&a=1&&",
            b"b=2&a=1&b=1&b=2&a",
            b"Body=It%27s+amazing%21&From=%2B1415&x=%zz&y=%4&z=%",
            b"n=%E2%98%95&bad=%FF%FE&trunc=%E2%98&plus=a+b%2Bc",
            b"==&=v&k=&k==",
            "caf\u{e9}=\u{2615}&Z=1&a=1".as_bytes(),
            b"raw=\xff\xfe&mixed=%41\xc3&split=\xe2%98%95",
            &fixture,
        ]) {
            let mut out = b"https://x/".to_vec();
            signed_params(body, &mut out);
            assert_eq!(
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&reference(body)),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
    }

    #[test]
    fn a_url_is_needed() {
        let headers: Headers = [(HEADER, "x")].into_iter().collect();
        let parts = Parts {
            method: "POST",
            url: None,
            headers: &headers,
            body: FORM,
        };
        assert!(matches!(
            verify_secrets(TWILIO, &parts, &[Secret::new(TOKEN, "kat")], 0, 300),
            Verdict::Message(MessageError::NeedsUrl { .. })
        ));
    }
}

//! Slack: `X-Slack-Signature: v0=<hex>` and `X-Slack-Request-Timestamp`,
//! HMAC-SHA256 keyed with the app's signing secret over
//! `v0:<timestamp>:<raw body>`. Events API deliveries are JSON; slash
//! commands and interactivity are form-encoded (interactivity with its
//! JSON in a `payload` parameter), and the signature covers the form's
//! bytes as sent.

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Tail};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, Misuse, Scheme,
    SignInput, Spec,
};
use crate::request::Headers;
use include_dir::{Dir, include_dir};
use serde_json::Value;
use std::borrow::Cow;

pub struct Slack;

const HEADER: &str = "X-Slack-Signature";
const TIMESTAMP: &str = "X-Slack-Request-Timestamp";

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/slack");

static SPEC: Spec = Spec {
    id: "slack",
    display: "Slack",
    aliases: &[],
    signature_headers: &[HEADER],
    secret_vars: &["SLACK_SIGNING_SECRET"],
    body: BodyForm::JsonCompact,
    algorithm: Algorithm::HmacSha256,
    encoding: Encoding::Hex,
    tolerance: Some(300),
    fixtures: &FIXTURES,
};

/// Fixtures posted as forms: a slash command's parameters, and
/// interactivity's `payload` parameter.
const FORM_FIXTURES: &[&str] = &[
    "slash_command",
    "block_actions",
    "view_submission",
    "shortcut",
    "message_action",
];

static TOKEN: Misuse = Misuse {
    id: "api_key",
    advice: "is a Slack token (xoxb-/xoxp-/xapp-), not the signing secret: use the app's Signing \
             Secret (Basic Information → App Credentials)",
};

impl Scheme for Slack {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        super::hexsig::v0_claims(req, HEADER, TIMESTAMP)
    }

    fn message(&self, m: &Material, head: &mut Vec<u8>) -> Result<Tail, MessageError> {
        head.extend_from_slice(b"v0:");
        if let Some(t) = m.timestamp {
            head.extend_from_slice(t.text.as_bytes());
        }
        head.push(b':');
        Ok(Tail::Body)
    }

    fn write_headers(&self, signature: &str, input: &SignInput, out: &mut dyn HeaderSink) {
        let json = input.body.first() == Some(&b'{');
        out.put(
            "Content-Type",
            &[if json {
                "application/json"
            } else {
                "application/x-www-form-urlencoded"
            }],
        );
        out.put(
            "User-Agent",
            &["Slackbot 1.0 (+https://api.slack.com/robots)"],
        );
        out.put("Accept", &["*/*"]);
        out.put(TIMESTAMP, &[itoa::Buffer::new().format(input.timestamp)]);
        out.put(HEADER, &["v0=", signature]);
    }

    /// Surrounding whitespace or quotes dropped, `V0=` read as `v0=`,
    /// uppercase hex read as lowercase.
    fn lenient(&self, headers: &Headers) -> Option<Headers> {
        let value = super::unquote(headers.get(HEADER)?);
        let (version, hex) = value.split_once('=')?;
        if !version.eq_ignore_ascii_case("v0") {
            return None;
        }
        let t = super::unquote(headers.get(TIMESTAMP)?);
        let mut fixed = Headers::new();
        fixed.push(HEADER, format!("v0={}", hex.trim().to_ascii_lowercase()));
        fixed.push(TIMESTAMP, t.parse::<i64>().ok()?.to_string());
        Some(fixed)
    }

    fn misuse(&self, secret: &str) -> Option<&'static Misuse> {
        let s = secret.trim();
        ["xoxb-", "xoxp-", "xoxa-", "xapp-", "xoxe"]
            .iter()
            .any(|p| s.starts_with(p))
            .then_some(&TOKEN)
    }

    /// Events API: the inner event's type and the envelope's `event_id`;
    /// a form: the command, or the interaction's type.
    fn event_meta(&self, _headers: &Headers, body: &[u8]) -> EventMeta {
        let mut meta = EventMeta::from_body(body);
        if let Ok(v) = serde_json::from_slice::<Value>(body) {
            meta.event_type = Some(event_type_of(&v).unwrap_or_default()).filter(|t| !t.is_empty());
            meta.event_id = v
                .get("event_id")
                .and_then(Value::as_str)
                .map(str::to_string);
            return meta;
        }
        let params: Vec<(Cow<str>, Cow<str>)> = form_urlencoded::parse(body).collect();
        let get = |name: &str| {
            params
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_ref())
        };
        if let Some(payload) = get("payload") {
            let v: Value = serde_json::from_str(payload).unwrap_or_default();
            meta.event_type = v.get("type").and_then(Value::as_str).map(str::to_string);
            meta.event_id = v
                .get("trigger_id")
                .and_then(Value::as_str)
                .map(str::to_string);
        } else if get("command").is_some() {
            meta.event_type = Some("slash_command".into());
            meta.event_id = get("trigger_id").map(str::to_string);
        }
        meta
    }

    fn place(&self, payload: &mut Value, put: &mut dyn FnMut(Generated) -> Value) {
        let Some(obj) = payload.as_object_mut() else {
            return;
        };
        if obj.contains_key("event_id") {
            let id = put(Generated {
                purpose: "event",
                kind: GeneratedKind::Base62 {
                    prefix: "Ev",
                    len: 9,
                },
            });
            obj.insert("event_id".into(), id);
        }
        if obj.contains_key("event_time") {
            let t = put(Generated {
                purpose: "time",
                kind: GeneratedKind::UnixSeconds,
            });
            obj.insert("event_time".into(), t);
        }
    }

    fn event_id_field(&self) -> Option<&'static str> {
        Some("event_id")
    }

    fn event_type(&self, name: &str, payload: &Value) -> String {
        if FORM_FIXTURES.contains(&name) {
            return name.to_string();
        }
        event_type_of(payload).unwrap_or_else(|| name.to_string())
    }

    fn body_form(&self, name: &str) -> BodyForm {
        if FORM_FIXTURES.contains(&name) {
            BodyForm::Form
        } else {
            BodyForm::JsonCompact
        }
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        payload.get("api_app_id").is_some()
            || payload.get("type").and_then(Value::as_str) == Some("url_verification")
    }
}

/// `event_callback`'s inner type (`app_mention`), else the envelope's type
/// (`url_verification`).
fn event_type_of(v: &Value) -> Option<String> {
    let outer = v.get("type").and_then(Value::as_str)?;
    if outer == "event_callback" {
        let inner = v
            .get("event")
            .and_then(|e| e.get("type"))
            .and_then(Value::as_str)?;
        return Some(inner.to_string());
    }
    Some(outer.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{SLACK, Verdict, verify_secrets};
    use crate::secret::Secret;

    /// Slack's documented example ("Verifying requests from Slack"): the
    /// signing secret, timestamp and slash-command body it publishes, and
    /// the signature it gives (re-computed with Python's hmac in
    /// shared/research/provider-payloads.md §K).
    const SECRET: &str = "8f742231b10e8888abcd99yyyzzz85a5";
    const BODY: &[u8] = b"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    const SIGNATURE: &str = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    fn check(headers: &[(&str, &str)], body: &[u8], now: i64) -> Verdict {
        let h: Headers = headers.iter().copied().collect();
        let parts = Parts {
            method: "POST",
            url: None,
            headers: &h,
            body,
        };
        verify_secrets(SLACK, &parts, &[Secret::new(SECRET, "kat")], now, 300)
    }

    #[test]
    fn known_answer_from_slacks_docs() {
        let headers = [(HEADER, SIGNATURE), (TIMESTAMP, "1531420618")];
        assert_eq!(
            check(&headers, BODY, 1531420618),
            Verdict::Valid { secret_index: 0 }
        );
        let input = SignInput {
            body: BODY,
            timestamp: 1531420618,
            id: "",
            event_type: "slash_command",
            url: None,
        };
        let signed = crate::provider::sign(SLACK, &Secret::new(SECRET, "kat"), &input).unwrap();
        assert_eq!(signed.get(HEADER), Some(SIGNATURE));
        assert_eq!(
            signed.get("Content-Type"),
            Some("application/x-www-form-urlencoded")
        );
        assert!(matches!(
            check(&headers, BODY, 1531420618 + 301),
            Verdict::Stale { .. }
        ));
        let upper = SIGNATURE.replace("a2114d57", "A2114D57");
        let h: Headers = [(HEADER, upper.as_str()), (TIMESTAMP, "1531420618")]
            .into_iter()
            .collect();
        assert_eq!(Slack.lenient(&h).unwrap().get(HEADER), Some(SIGNATURE));
    }

    #[test]
    fn parse_wants_v0_and_a_timestamp() {
        for headers in [
            &[(HEADER, "a2114d57"), (TIMESTAMP, "1")][..],
            &[(HEADER, SIGNATURE)][..],
            &[(HEADER, SIGNATURE), (TIMESTAMP, "soon")][..],
        ] {
            assert!(
                matches!(check(headers, BODY, 1), Verdict::Header(_)),
                "{headers:?}"
            );
        }
    }

    #[test]
    fn meta_reads_events_commands_and_interactions() {
        let h = Headers::new();
        let m = Slack.event_meta(
            &h,
            br#"{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention"}}"#,
        );
        assert_eq!(m.event_type.as_deref(), Some("app_mention"));
        assert_eq!(m.event_id.as_deref(), Some("Ev1"));
        let m = Slack.event_meta(&h, BODY);
        assert_eq!(m.event_type.as_deref(), Some("slash_command"));
        let m = Slack.event_meta(&h, b"payload=%7B%22type%22%3A%22block_actions%22%7D");
        assert_eq!(m.event_type.as_deref(), Some("block_actions"));
    }
}

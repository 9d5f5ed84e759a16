//! Discord: `X-Signature-Ed25519`, the hex Ed25519 signature of
//! `{X-Signature-Timestamp}{body}` (the timestamp's text as sent, no
//! separator), verified with the application's public key (hex, as the
//! Developer Portal shows it). Interactions (PING, application commands,
//! components, autocomplete, modals) and app Webhook Events are signed
//! alike. Discord holds the private key, so hookcli signs with its own
//! local test key pair and prints the public key to give the app.
//!
//! Sources: discord/discord-interactions-js `src/index.ts` (`verifyKey`)
//! and discord/discord-interactions-python `discord_interactions/__init__.py`.

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Sig, Tail, required};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, Misuse, Scheme,
    SignInput, Spec, VerifyKey, stamp,
};
use crate::request::Headers;
use include_dir::{Dir, include_dir};
use serde_json::Value;

pub struct Discord;

const SIGNATURE: &str = "X-Signature-Ed25519";
const TIMESTAMP: &str = "X-Signature-Timestamp";

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/discord");

static SPEC: Spec = Spec {
    id: "discord",
    display: "Discord",
    aliases: &[],
    signature_headers: &[SIGNATURE],
    // The Developer Portal calls it the application's "Public Key"; Discord's
    // example apps read it from PUBLIC_KEY.
    secret_vars: &["DISCORD_PUBLIC_KEY", "PUBLIC_KEY"],
    body: BodyForm::JsonCompact,
    algorithm: Algorithm::Ed25519,
    encoding: Encoding::Hex,
    // The official libraries check no age; the timestamp is only signed.
    tolerance: None,
    fixtures: &FIXTURES,
};

static BOT_TOKEN: Misuse = Misuse {
    id: "api_key",
    advice: "is a bot token, not the application's public key: copy the Public Key (64 hex \
             digits) from Developer Portal → the application → General Information",
};

static APPLICATION_ID: Misuse = Misuse {
    id: "application_id",
    advice: "is the Application ID, not the application's public key: copy the Public Key (64 \
             hex digits) from Developer Portal → the application → General Information",
};

/// The interaction types (discord-api-types `InteractionType`).
fn interaction_type(n: u64) -> Option<&'static str> {
    Some(match n {
        1 => "PING",
        2 => "APPLICATION_COMMAND",
        3 => "MESSAGE_COMPONENT",
        4 => "APPLICATION_COMMAND_AUTOCOMPLETE",
        5 => "MODAL_SUBMIT",
        _ => return None,
    })
}

impl Scheme for Discord {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        let signature = required(req.headers, SIGNATURE)?;
        let timestamp = required(req.headers, TIMESTAMP)?;
        let mut claims = Claims {
            timestamp: Some(stamp(TIMESTAMP, timestamp)?),
            ..Claims::default()
        };
        claims
            .signatures
            .push(Sig::new(Algorithm::Ed25519, signature, Encoding::Hex));
        Ok(claims)
    }

    fn message(&self, m: &Material, head: &mut Vec<u8>) -> Result<Tail, MessageError> {
        if let Some(t) = m.timestamp {
            head.extend_from_slice(t.text.as_bytes());
        }
        Ok(Tail::Body)
    }

    fn write_headers(&self, signature: &str, input: &SignInput, out: &mut dyn HeaderSink) {
        out.put("Content-Type", &["application/json"]);
        out.put(
            "User-Agent",
            &["Discord-Interactions/1.0 (+https://discord.com)"],
        );
        out.put(SIGNATURE, &[signature]);
        out.put(TIMESTAMP, &[itoa::Buffer::new().format(input.timestamp)]);
    }

    /// The public key as the Developer Portal shows it: 64 hex digits.
    fn public_key_text(&self, key: &VerifyKey) -> Option<String> {
        match key {
            VerifyKey::Ed25519(k) => Some(hex::encode(k.as_bytes())),
            _ => None,
        }
    }

    fn lenient(&self, headers: &Headers) -> Option<Headers> {
        let mut fixed = Headers::new();
        fixed.push(SIGNATURE, super::unquote(headers.get(SIGNATURE)?));
        fixed.push(TIMESTAMP, super::unquote(headers.get(TIMESTAMP)?));
        Some(fixed)
    }

    fn misuse(&self, secret: &str) -> Option<&'static Misuse> {
        let s = secret.trim();
        if s.split('.').count() == 3 && s.len() > 50 && !s.contains(char::is_whitespace) {
            Some(&BOT_TOKEN)
        } else if (17..=20).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
            Some(&APPLICATION_ID)
        } else {
            None
        }
    }

    /// An interaction's type and command or component; a Webhook Event's
    /// event type.
    fn event_meta(&self, _headers: &Headers, body: &[u8]) -> EventMeta {
        let Ok(v) = serde_json::from_slice::<Value>(body) else {
            return EventMeta::default();
        };
        let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
        let kind = v.get("type").and_then(Value::as_u64);
        let event_type = if v.get("version").is_some() && v.get("application_id").is_some() {
            // A Webhook Event: type 0 is its PING, 1 carries `event`.
            match kind {
                Some(0) => Some("PING".to_string()),
                _ => text(v.pointer("/event/type")),
            }
        } else {
            kind.and_then(interaction_type).map(|t| {
                match text(v.pointer("/data/name")).or(text(v.pointer("/data/custom_id"))) {
                    Some(name) => format!("{t}:{name}"),
                    None => t.to_string(),
                }
            })
        };
        EventMeta {
            event_type,
            event_id: text(v.get("id")),
            object_id: text(v.pointer("/data/id")),
            ..EventMeta::default()
        }
    }

    fn place(&self, payload: &mut Value, put: &mut dyn FnMut(Generated) -> Value) {
        if let Some(event) = payload.get_mut("event").and_then(Value::as_object_mut)
            && event.contains_key("timestamp")
        {
            let t = Generated {
                purpose: "timestamp",
                kind: GeneratedKind::Rfc3339,
            };
            event.insert("timestamp".into(), put(t));
        }
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        payload.get("application_id").is_some() && payload.get("type").is_some_and(Value::is_u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::keypair;
    use crate::provider::{DISCORD, Verdict, sign, verify_secrets};
    use crate::secret::Secret;

    #[test]
    fn signs_timestamp_then_body_and_verifies_with_the_hex_key() {
        let key = keypair::from_random(Algorithm::Ed25519, &[5; 32]).unwrap();
        let private = Secret::new(keypair::private_pem(&key).unwrap(), "k");
        let public = Discord.public_key_text(&key.verify_key()).unwrap();
        assert_eq!(public.len(), 64);
        let body = br#"{"type":1}"#;
        let input = SignInput {
            body,
            timestamp: 1_700_000_000,
            id: "",
            event_type: "PING",
            url: None,
        };
        let headers = sign(DISCORD, &private, &input).unwrap();
        // RFC 8032: the signature of the message under the seed's key.
        let expected = {
            use ed25519_dalek::Signer as _;
            let seed = ed25519_dalek::SigningKey::from_bytes(&[5; 32]);
            hex::encode(seed.sign(b"1700000000{\"type\":1}").to_bytes())
        };
        assert_eq!(headers.get(SIGNATURE), Some(expected.as_str()));
        let parts = Parts {
            method: "POST",
            url: None,
            headers: &headers,
            body,
        };
        let v = verify_secrets(
            DISCORD,
            &parts,
            &[Secret::new(public, "pk")],
            1_800_000_000,
            300,
        );
        assert_eq!(v, Verdict::Valid { secret_index: 0 });
    }

    #[test]
    fn names_interactions_and_events() {
        let m = Discord.event_meta(
            &Headers::new(),
            br#"{"id":"1","type":2,"data":{"id":"9","name":"hello"}}"#,
        );
        assert_eq!(m.event_type.as_deref(), Some("APPLICATION_COMMAND:hello"));
        let e = Discord.event_meta(
            &Headers::new(),
            br#"{"version":1,"application_id":"2","type":1,"event":{"type":"APPLICATION_AUTHORIZED"}}"#,
        );
        assert_eq!(e.event_type.as_deref(), Some("APPLICATION_AUTHORIZED"));
    }
}

//! GitHub: `X-Hub-Signature-256: sha256=<hex>` over the raw body, keyed with
//! the secret's bytes; no timestamp, so no replay window.

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Sig, Tail, required};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, Scheme,
    SecretAdvice, SignInput, Spec,
};
use crate::request::Headers;
use include_dir::{Dir, include_dir};
use serde_json::Value;

pub struct GitHub;

const HEADER: &str = "X-Hub-Signature-256";
const DELIVERY: &str = "X-GitHub-Delivery";

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/github");

static SPEC: Spec = Spec {
    id: "github",
    display: "GitHub",
    aliases: &["gh"],
    signature_headers: &[HEADER],
    secret_vars: &["GITHUB_WEBHOOK_SECRET"],
    body: BodyForm::JsonCompact,
    algorithm: Algorithm::HmacSha256,
    encoding: Encoding::Hex,
    tolerance: None,
    fixtures: &FIXTURES,
};

impl Scheme for GitHub {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    /// GitHub writes its objects in schema order (`url` before `id`, …),
    /// never sorted throughout.
    fn key_order(&self) -> super::KeyOrder {
        super::KeyOrder::NeverSorted
    }

    fn secret_advice(&self) -> SecretAdvice {
        SecretAdvice {
            copy: "set the same secret in the webhook's settings (repository, organization or GitHub App → Webhooks → Secret) and in your app; GitHub never shows it again, so set a new one if unsure",
            scope: "each webhook and GitHub App has its own",
        }
    }

    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        let value = required(req.headers, HEADER)?;
        let malformed = |reason: &str| HeaderProblem::Malformed {
            header: HEADER,
            reason: reason.to_string(),
        };
        if value != value.trim() {
            return Err(malformed("it has surrounding whitespace"));
        }
        let hex_sig = value
            .strip_prefix("sha256=")
            .ok_or_else(|| malformed("it does not start with sha256="))?;
        if hex_sig.len() != 64 || !hex_sig.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(malformed("the signature is not 64 hex digits"));
        }
        let mut claims = Claims {
            id: req.headers.get(DELIVERY),
            ..Claims::default()
        };
        claims
            .signatures
            .push(Sig::new(Algorithm::HmacSha256, hex_sig, Encoding::Hex));
        Ok(claims)
    }

    fn message(&self, _m: &Material, _head: &mut Vec<u8>) -> Result<Tail, MessageError> {
        Ok(Tail::Body)
    }

    fn write_headers(&self, signature: &str, input: &SignInput, out: &mut dyn HeaderSink) {
        let event = input
            .event_type
            .split('.')
            .next()
            .unwrap_or(input.event_type);
        out.put("Content-Type", &["application/json"]);
        out.put("User-Agent", &["GitHub-Hookshot/hookcli"]);
        out.put("X-GitHub-Event", &[event]);
        out.put(DELIVERY, &[input.id]);
        out.put("X-GitHub-Hook-ID", &["123456789"]);
        out.put(HEADER, &["sha256=", signature]);
    }

    /// Surrounding whitespace or quotes dropped, `SHA256=` read as `sha256=`.
    fn lenient(&self, headers: &Headers) -> Option<Headers> {
        let value = super::unquote(headers.get(HEADER)?);
        let (algorithm, hex) = value.split_once('=')?;
        if !algorithm.eq_ignore_ascii_case("sha256") {
            return None;
        }
        let mut fixed = Headers::new();
        fixed.push(HEADER, format!("sha256={}", hex.trim()));
        if let Some(id) = headers.get(DELIVERY) {
            fixed.push(DELIVERY, id);
        }
        Some(fixed)
    }

    /// The type is `X-GitHub-Event` plus the body's `action`; the id is
    /// the delivery GUID.
    fn event_meta(&self, headers: &Headers, body: &[u8]) -> EventMeta {
        let mut meta = EventMeta::from_body(body);
        meta.event_id = headers.get(DELIVERY).map(str::to_string);
        meta.event_type = headers.get("X-GitHub-Event").map(|e| match &meta.action {
            Some(a) => format!("{e}.{a}"),
            None => e.to_string(),
        });
        meta.object_id = None;
        meta
    }

    /// Fresh ids for each event: a push's commit, a ping's hook, the id of
    /// the issue, comment, pull request, release, check suite or workflow
    /// run the event is about, a star's time. (A redelivery of one event
    /// keeps them; a new event has new ones.)
    fn place(&self, payload: &mut Value, put: &mut dyn FnMut(Generated) -> Value) {
        let Some(obj) = payload.as_object_mut() else {
            return;
        };
        if obj.get("after").is_some_and(Value::is_string) {
            let commit = put(Generated {
                purpose: "commit",
                kind: GeneratedKind::Hex {
                    prefix: "",
                    len: 40,
                },
            });
            if let Some(Value::Object(head)) = obj.get_mut("head_commit") {
                head.insert("id".into(), commit.clone());
            }
            if let Some(Value::Array(commits)) = obj.get_mut("commits")
                && let Some(Value::Object(last)) = commits.last_mut()
            {
                last.insert("id".into(), commit.clone());
            }
            obj.insert("after".into(), commit);
        }
        if obj.get("hook_id").is_some_and(Value::is_number) {
            let hook = put(Generated {
                purpose: "hook",
                kind: GeneratedKind::Number { digits: 9 },
            });
            if let Some(Value::Object(h)) = obj.get_mut("hook") {
                h.insert("id".into(), hook.clone());
            }
            obj.insert("hook_id".into(), hook);
        }
        for subject in [
            "issue",
            "comment",
            "pull_request",
            "release",
            "check_suite",
            "workflow_run",
        ] {
            if let Some(Value::Object(o)) = obj.get_mut(subject)
                && o.get("id").is_some_and(Value::is_number)
            {
                let id = put(Generated {
                    purpose: subject,
                    kind: GeneratedKind::Number { digits: 10 },
                });
                o.insert("id".into(), id);
            }
        }
        if obj.get("starred_at").is_some_and(Value::is_string) {
            let at = put(Generated {
                purpose: "starred",
                kind: GeneratedKind::Rfc3339,
            });
            obj.insert("starred_at".into(), at);
        }
    }

    fn delivery_id(&self) -> Option<Generated> {
        Some(Generated {
            purpose: "delivery",
            kind: GeneratedKind::Uuid,
        })
    }

    /// GitHub names events by header, not in the body: a fixture's name is its type.
    fn event_type(&self, name: &str, _payload: &Value) -> String {
        name.to_string()
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        ["sender", "repository", "hook", "zen", "organization"]
            .iter()
            .any(|k| payload.get(k).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{GITHUB, sign};
    use crate::secret::Secret;

    #[test]
    fn known_answer_from_github_docs() {
        // GitHub Docs, "Validating webhook deliveries": secret "It's a Secret to
        // Everybody", payload "Hello, World!".
        let input = SignInput {
            body: b"Hello, World!",
            timestamp: 0,
            id: "guid",
            event_type: "ping",
            url: None,
        };
        let headers = sign(
            GITHUB,
            &Secret::new("It's a Secret to Everybody", "kat"),
            &input,
        )
        .unwrap();
        assert_eq!(
            headers.get(HEADER),
            Some("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")
        );
    }

    #[test]
    fn parse_rejects_sha1_and_junk() {
        for bad in ["sha1=abc", "sha256=zz", " sha256=00", "sha256="] {
            let h: Headers = [(HEADER, bad)].into_iter().collect();
            let parts = Parts {
                method: "POST",
                url: None,
                headers: &h,
                body: b"",
            };
            assert!(GitHub.parse(&parts).is_err(), "{bad}");
        }
    }

    #[test]
    fn lenient_reading() {
        let h: Headers = [(HEADER, " SHA256=ab ")].into_iter().collect();
        assert_eq!(GitHub.lenient(&h).unwrap().get(HEADER), Some("sha256=ab"));
        let h: Headers = [(HEADER, "sha1=ab")].into_iter().collect();
        assert!(GitHub.lenient(&h).is_none());
    }

    #[test]
    fn meta_comes_from_headers() {
        let h: Headers = [("X-GitHub-Event", "issues"), (DELIVERY, "guid-1")]
            .into_iter()
            .collect();
        let m = GitHub.event_meta(&h, br#"{"action":"opened"}"#);
        assert_eq!(m.event_type.as_deref(), Some("issues.opened"));
        assert_eq!(m.event_id.as_deref(), Some("guid-1"));
    }
}

//! GitLab: no signature. `X-Gitlab-Token` carries the webhook's secret
//! token as is, and a receiver compares it with its own copy; the body is
//! not covered, so a changed body cannot be detected, and a token seen
//! once opens every later delivery. Events are named by `X-Gitlab-Event`
//! (`Push Hook`, `Merge Request Hook`, …) and by the body's `object_kind`.
//!
//! Source: GitLab's webhook docs (docs.gitlab.com/user/project/integrations/webhooks,
//! "Custom headers", "Delivery headers", "Secret token"; webhook events in
//! webhook_events.md). GitLab publishes no verifier library: what a
//! receiver does is a string comparison, which hookcli makes on SHA-256
//! digests in constant time.

use super::claims::{Claims, HeaderProblem, Material, MessageError, Parts, Sig, Tail, required};
use super::{
    Algorithm, BodyForm, Encoding, EventMeta, Generated, GeneratedKind, HeaderSink, KeyError,
    Scheme, SecretAdvice, SignInput, SignKey, Spec,
};
use crate::request::Headers;
use include_dir::{Dir, include_dir};
use serde_json::Value;

pub struct GitLab;

const HEADER: &str = "X-Gitlab-Token";
const EVENT: &str = "X-Gitlab-Event";
const EVENT_UUID: &str = "X-Gitlab-Event-UUID";
const IDEMPOTENCY: &str = "Idempotency-Key";
/// The webhook's own id, the same on every delivery (invented for hookcli).
const WEBHOOK_UUID: &str = "4a9c1e2f-6b3d-4f7a-9e21-0c5d8b7a3f10";
/// The instance a delivery says it comes from.
const INSTANCE: &str = "https://gitlab.example.com";
const USER_AGENT: &str = "GitLab/18.6.0";

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/gitlab");

static SPEC: Spec = Spec {
    id: "gitlab",
    display: "GitLab",
    aliases: &["gl"],
    signature_headers: &[HEADER],
    // GitLab calls it the webhook's "Secret token"; apps name it both ways.
    secret_vars: &["GITLAB_WEBHOOK_SECRET", "GITLAB_WEBHOOK_TOKEN"],
    body: BodyForm::JsonCompact,
    algorithm: Algorithm::Token,
    encoding: Encoding::Token,
    tolerance: None,
    fixtures: &FIXTURES,
};

/// `X-Gitlab-Event` for a body's `object_kind`.
fn hook_name(object_kind: &str) -> &'static str {
    match object_kind {
        "push" => "Push Hook",
        "tag_push" => "Tag Push Hook",
        "issue" => "Issue Hook",
        "note" => "Note Hook",
        "merge_request" => "Merge Request Hook",
        "wiki_page" => "Wiki Page Hook",
        "pipeline" => "Pipeline Hook",
        "build" => "Job Hook",
        "deployment" => "Deployment Hook",
        "release" => "Release Hook",
        "feature_flag" => "Feature Flag Hook",
        "emoji" => "Emoji Hook",
        "milestone" => "Milestone Hook",
        _ => "System Hook",
    }
}

/// `merge_request.open`: the body's `object_kind`, and the action when it
/// names one (`object_attributes.action`, or a release's `action`).
fn type_of(payload: &Value) -> Option<String> {
    let kind = payload.get("object_kind")?.as_str()?;
    let action = payload
        .pointer("/object_attributes/action")
        .or_else(|| payload.get("action"))
        .and_then(Value::as_str);
    Some(match action {
        Some(action) => format!("{kind}.{action}"),
        None => kind.to_string(),
    })
}

impl Scheme for GitLab {
    fn spec(&self) -> &'static Spec {
        &SPEC
    }

    /// The token as sent, byte for byte: a receiver compares it whole.
    fn parse<'r>(&self, req: &Parts<'r>) -> Result<Claims<'r>, HeaderProblem> {
        let value = required(req.headers, HEADER)?;
        if value.is_empty() {
            return Err(HeaderProblem::Malformed {
                header: HEADER,
                reason: "the token is empty".into(),
            });
        }
        let mut claims = Claims {
            id: req
                .headers
                .get(IDEMPOTENCY)
                .or_else(|| req.headers.get(EVENT_UUID)),
            ..Claims::default()
        };
        claims
            .signatures
            .push(Sig::new(Algorithm::Token, value, Encoding::Token));
        Ok(claims)
    }

    /// A token covers nothing: the message is empty.
    fn message(&self, _m: &Material, _head: &mut Vec<u8>) -> Result<Tail, MessageError> {
        Ok(Tail::Nothing)
    }

    fn write_headers(&self, token: &str, input: &SignInput, out: &mut dyn HeaderSink) {
        let kind = input
            .event_type
            .split('.')
            .next()
            .unwrap_or(input.event_type);
        out.put("Content-Type", &["application/json"]);
        out.put("User-Agent", &[USER_AGENT]);
        out.put(EVENT, &[hook_name(kind)]);
        out.put("X-Gitlab-Instance", &[INSTANCE]);
        out.put("X-Gitlab-Webhook-UUID", &[WEBHOOK_UUID]);
        out.put(EVENT_UUID, &[input.id]);
        out.put(IDEMPOTENCY, &[input.id]);
        out.put(HEADER, &[token]);
    }

    fn sign_key(&self, secret: &str) -> Result<SignKey, KeyError> {
        if secret.is_empty() {
            return Err(KeyError::empty());
        }
        Ok(SignKey::Token(secret.to_string()))
    }

    fn secret_headers(&self) -> &'static [&'static str] {
        &[HEADER]
    }

    fn unsigned_body(&self) -> Option<&'static str> {
        Some(
            "GitLab sends a shared secret token in X-Gitlab-Token, not a signature: the body is \
             not protected (a changed body cannot be detected), and a wrong token means a wrong \
             secret; keep the token secret and compare it in constant time",
        )
    }

    fn secret_advice(&self) -> SecretAdvice {
        SecretAdvice {
            copy: "set the same Secret token in the webhook's settings (project or group → Settings → Webhooks → Secret token) and in your app; GitLab does not show it again, so set a new one if unsure",
            scope: "each webhook has its own",
        }
    }

    /// The type is the body's `object_kind` (and action); the id is the
    /// delivery's `Idempotency-Key`, else `X-Gitlab-Event-UUID`.
    fn event_meta(&self, headers: &Headers, body: &[u8]) -> EventMeta {
        let mut meta = EventMeta::from_body(body);
        if let Ok(v) = serde_json::from_slice::<Value>(body) {
            meta.event_type = type_of(&v).or_else(|| headers.get(EVENT).map(str::to_string));
            meta.object_id = v
                .pointer("/object_attributes/id")
                .or_else(|| v.get("build_id"))
                .or_else(|| v.get("deployment_id"))
                .map(|id| match id {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                });
        }
        meta.event_id = headers
            .get(IDEMPOTENCY)
            .or_else(|| headers.get(EVENT_UUID))
            .map(str::to_string);
        meta
    }

    fn delivery_id(&self) -> Option<Generated> {
        Some(Generated {
            purpose: "delivery",
            kind: GeneratedKind::Uuid,
        })
    }

    fn event_type(&self, name: &str, payload: &Value) -> String {
        type_of(payload).unwrap_or_else(|| name.to_string())
    }

    fn claims_payload(&self, payload: &Value) -> bool {
        payload.get("object_kind").is_some_and(Value::is_string)
            && (payload.get("project").is_some() || payload.get("project_id").is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{GITLAB, Verdict, sign, verify_secrets};
    use crate::secret::Secret;

    fn check(headers: &Headers, secret: &str, body: &[u8]) -> Verdict {
        let parts = Parts {
            method: "POST",
            url: None,
            headers,
            body,
        };
        verify_secrets(GITLAB, &parts, &[Secret::new(secret, "s")], 0, 300)
    }

    fn input(body: &[u8]) -> SignInput<'_> {
        SignInput {
            body,
            timestamp: 1_700_000_000,
            id: "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
            event_type: "merge_request.open",
            url: None,
        }
    }

    #[test]
    fn sends_the_token_as_is_with_gitlabs_headers() {
        let body = br#"{"object_kind":"merge_request"}"#;
        let headers = sign(GITLAB, &Secret::new("glwt-s3cret", "s"), &input(body)).unwrap();
        assert_eq!(headers.get(HEADER), Some("glwt-s3cret"));
        assert_eq!(headers.get(EVENT), Some("Merge Request Hook"));
        assert_eq!(
            headers.get(EVENT_UUID),
            Some("0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9")
        );
        assert_eq!(headers.get(IDEMPOTENCY), headers.get(EVENT_UUID));
        assert_eq!(headers.get("User-Agent"), Some("GitLab/18.6.0"));
    }

    #[test]
    fn only_the_same_token_verifies_and_the_body_is_not_covered() {
        let body = br#"{"object_kind":"push"}"#;
        let headers = sign(GITLAB, &Secret::new("tok", "s"), &input(body)).unwrap();
        assert!(check(&headers, "tok", body).is_valid());
        assert!(check(&headers, "tok", b"{\"changed\":true}").is_valid());
        for wrong in ["to", "tok ", "tok\n", "TOK", "tokk", "x"] {
            assert_eq!(check(&headers, wrong, body), Verdict::NoMatch, "{wrong:?}");
        }
        let long = "t".repeat(1000);
        let headers = sign(GITLAB, &Secret::new(long.as_str(), "s"), &input(body)).unwrap();
        assert!(check(&headers, &long, body).is_valid());
        let empty: Headers = [(HEADER, "")].into_iter().collect();
        assert!(matches!(
            check(&empty, "tok", body),
            Verdict::Header(HeaderProblem::Malformed { .. })
        ));
        assert!(matches!(
            check(&Headers::new(), "tok", body),
            Verdict::Header(HeaderProblem::Missing { .. })
        ));
    }

    #[test]
    fn the_token_is_shown_as_a_fingerprint_only() {
        let headers: Headers = [(HEADER, "hunter2-gitlab")].into_iter().collect();
        let parts = Parts {
            method: "POST",
            url: None,
            headers: &headers,
            body: b"{}",
        };
        let claims = GitLab.parse(&parts).unwrap();
        let fp = Secret::new("hunter2-gitlab", "s").fingerprint();
        assert_eq!(claims.texts(), vec![format!("token fp:{fp}")]);
        assert_eq!(claims.message_key(), None);
        assert!(!format!("{claims:?}").contains("hunter2"));
    }

    #[test]
    fn event_types_follow_object_kind_and_action() {
        let mr: Value = serde_json::json!({"object_kind": "merge_request", "object_attributes": {"action": "open"}});
        assert_eq!(GitLab.event_type("x", &mr), "merge_request.open");
        let push: Value = serde_json::json!({"object_kind": "push"});
        assert_eq!(GitLab.event_type("x", &push), "push");
        assert_eq!(hook_name("build"), "Job Hook");
    }
}

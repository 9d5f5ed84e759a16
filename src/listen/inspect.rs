//! Judges one received request: which provider, which event, whether the
//! signature holds with any of the listener's secrets and, when it does not,
//! the core diagnosis. Pure: the time and the body hookcli signed (found
//! by the recorder's batch, see `listen::recorder`) come in as arguments.

use crate::diagnose::{self, Context, Diagnosis};
use crate::provider::{self, Provider, Verdict};
use crate::request::{Headers, Request};
use crate::secret::Secret;
use serde::Deserialize;

/// What the listener verifies with.
#[derive(Debug, Clone)]
pub struct Verifier {
    /// `--provider`; `None` detects each request's provider from its headers.
    pub provider: Option<Provider>,
    /// Candidate secrets per provider, resolved as `verify` resolves them.
    pub secrets: Vec<(Provider, Vec<Secret>)>,
    pub tolerance: i64,
}

impl Verifier {
    pub fn secrets_for(&self, provider: Provider) -> &[Secret] {
        self.secrets
            .iter()
            .find(|(p, _)| *p == provider)
            .map_or(&[][..], |(_, s)| s.as_slice())
    }
}

/// The event a request carries, as far as its headers and body say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventMeta {
    pub event_type: Option<String>,
    pub event_id: Option<String>,
    /// Unix seconds the event was created (Stripe `created`).
    pub created: Option<i64>,
    /// The object the event is about (`data.object.id`).
    pub object_id: Option<String>,
    pub livemode: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct BodyFields {
    id: Option<serde_json::Value>,
    #[serde(rename = "type")]
    kind: Option<serde_json::Value>,
    created: Option<serde_json::Value>,
    livemode: Option<serde_json::Value>,
    action: Option<serde_json::Value>,
    data: Option<DataFields>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DataFields {
    object: Option<ObjectFields>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ObjectFields {
    id: Option<serde_json::Value>,
}

fn text(v: Option<serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::String(s) => Some(s),
        _ => None,
    }
}

impl EventMeta {
    pub fn of(provider: Option<Provider>, headers: &Headers, body: &[u8]) -> EventMeta {
        let fields: BodyFields = serde_json::from_slice(body).unwrap_or_default();
        let action = text(fields.action);
        let mut meta = EventMeta {
            event_type: text(fields.kind),
            event_id: text(fields.id),
            created: fields.created.and_then(|c| c.as_i64()),
            object_id: fields.data.and_then(|d| d.object).and_then(|o| text(o.id)),
            livemode: fields.livemode.and_then(|l| l.as_bool()),
        };
        match provider {
            Some(Provider::GitHub) => {
                meta.event_id = headers.get("X-GitHub-Delivery").map(str::to_string);
                meta.event_type = headers.get("X-GitHub-Event").map(|e| match &action {
                    Some(a) => format!("{e}.{a}"),
                    None => e.to_string(),
                });
                meta.object_id = None;
            }
            Some(Provider::Standard) => {
                if let Some(id) = headers.get("webhook-id") {
                    meta.event_id = Some(id.to_string());
                }
            }
            _ => {}
        }
        meta
    }
}

/// The verdict on one request.
#[derive(Debug, Clone)]
pub struct Inspection {
    pub provider: Option<Provider>,
    pub meta: EventMeta,
    /// The first signature in the header, in wire form.
    pub signature: Option<String>,
    pub valid: bool,
    /// The secret that verified it, when one did (timestamp aside).
    pub secret: Option<Secret>,
    /// The core diagnosis: always for failures, for valid requests only
    /// when asked (it costs more than the check).
    pub diagnosis: Option<Diagnosis>,
}

impl Inspection {
    pub fn cause_ids(&self) -> Vec<&'static str> {
        self.diagnosis
            .as_ref()
            .map_or_else(Vec::new, |d| d.causes.iter().map(|c| c.id()).collect())
    }
}

/// The first look at a request: its provider, its event, its first
/// signature and whether that holds.
#[derive(Debug)]
pub struct Checked {
    provider: Option<Provider>,
    meta: EventMeta,
    signature: Option<String>,
    valid: bool,
    /// Which secret verified it, timestamp aside.
    matched: Option<usize>,
}

/// Checks `request`'s signature with the listener's secrets.
pub fn check(request: &Request, verifier: &Verifier, now: i64) -> Checked {
    let provider = verifier
        .provider
        .or_else(|| Provider::detect(&request.headers));
    let meta = EventMeta::of(provider, &request.headers, &request.body);
    let scheme = provider.map(Provider::scheme);
    let signature = scheme
        .and_then(|s| s.parse(&request.headers).ok())
        .and_then(|r| r.signatures.into_iter().next());
    let verdict = scheme.map(|s| {
        provider::verify(
            s,
            &request.headers,
            &request.body,
            verifier.secrets_for(provider.unwrap_or(Provider::Stripe)),
            now,
            verifier.tolerance,
        )
    });
    let (valid, matched) = match verdict {
        Some(Verdict::Valid { secret_index }) => (true, Some(secret_index)),
        Some(Verdict::Stale { secret_index, .. }) => (false, Some(secret_index)),
        _ => (false, None),
    };
    Checked {
        provider,
        meta,
        signature,
        valid,
        matched,
    }
}

impl Checked {
    /// For a failure, what to look the body hookcli signed up by: the
    /// signature, then the event id. `None` for a valid request.
    pub fn lookup(&self) -> Option<(Option<&str>, Option<&str>)> {
        (!self.valid).then_some((self.signature.as_deref(), self.meta.event_id.as_deref()))
    }

    /// The verdict, with the core diagnosis for a failure (and for a valid
    /// request when `always_diagnose`). `original` is the body hookcli
    /// signed, found by [`lookup`](Self::lookup).
    pub fn finish(
        &self,
        request: &Request,
        verifier: &Verifier,
        now: i64,
        always_diagnose: bool,
        original: Option<&[u8]>,
    ) -> Inspection {
        // Secrets as `verify` picks them: the provider's, Stripe's when unknown.
        let secrets = verifier.secrets_for(self.provider.unwrap_or(Provider::Stripe));
        let diagnosis = (!self.valid || always_diagnose).then(|| {
            // The secret that matched goes first: it is the one "verified with".
            let mut ordered = secrets.to_vec();
            if let Some(i) = self.matched {
                ordered[..=i].rotate_right(1);
            }
            let ctx = Context {
                secrets: &ordered,
                provider: verifier.provider,
                now,
                tolerance: verifier.tolerance,
                original_body: original,
            };
            diagnose::diagnose(request, &ctx)
        });
        Inspection {
            provider: self.provider,
            meta: self.meta.clone(),
            signature: self.signature.clone(),
            valid: self.valid,
            secret: self.matched.map(|i| secrets[i].clone()),
            diagnosis,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::SignInput;

    fn signed(secret: &Secret, body: &[u8], t: i64) -> Request {
        let input = SignInput {
            body,
            timestamp: t,
            id: "msg_1",
            event_type: "x",
        };
        Request {
            headers: provider::sign(&provider::Stripe, secret, &input).unwrap(),
            body: body.to_vec(),
        }
    }

    #[test]
    fn any_listener_secret_verifies_and_is_named() {
        let test = Secret::new("whsec_test", "STRIPE_WEBHOOK_SECRET_TEST");
        let live = Secret::new("whsec_live", "STRIPE_WEBHOOK_SECRET_LIVE");
        let v = Verifier {
            provider: None,
            secrets: vec![(Provider::Stripe, vec![test, live.clone()])],
            tolerance: 300,
        };
        let body = br#"{"id":"evt_1","type":"charge.succeeded","created":5,"livemode":false,"data":{"object":{"id":"ch_1"}}}"#;
        let inspect =
            |request: &Request, now| check(request, &v, now).finish(request, &v, now, false, None);
        let i = inspect(&signed(&live, body, 1000), 1000);
        assert!(i.valid);
        assert_eq!(i.secret, Some(live.clone()));
        assert!(i.diagnosis.is_none());
        assert_eq!(i.meta.event_id.as_deref(), Some("evt_1"));
        assert_eq!(i.meta.object_id.as_deref(), Some("ch_1"));
        assert_eq!(i.meta.livemode, Some(false));
        let failed = signed(&Secret::new("whsec_other", "x"), body, 1000);
        let checked = check(&failed, &v, 1000);
        let signature = failed.headers.get("Stripe-Signature").unwrap();
        let v1 = signature.split("v1=").nth(1);
        assert_eq!(checked.lookup(), Some((v1, Some("evt_1"))));
        assert_eq!(check(&signed(&live, body, 1000), &v, 1000).lookup(), None);
        let stale = inspect(&signed(&live, body, 1000), 5000);
        assert!(!stale.valid);
        assert_eq!(stale.cause_ids(), vec!["timestamp_skew"]);
    }

    #[test]
    fn github_meta_comes_from_headers() {
        let h: Headers = [
            ("X-GitHub-Event", "issues"),
            ("X-GitHub-Delivery", "guid-1"),
        ]
        .into_iter()
        .collect();
        let m = EventMeta::of(Some(Provider::GitHub), &h, br#"{"action":"opened"}"#);
        assert_eq!(m.event_type.as_deref(), Some("issues.opened"));
        assert_eq!(m.event_id.as_deref(), Some("guid-1"));
        assert_eq!(
            EventMeta::of(None, &h, b"\xff not json"),
            EventMeta::default()
        );
    }
}

//! Judges one received request: which provider, which event, whether the
//! signature holds with any of the listener's secrets and, when it does not,
//! the core diagnosis. Pure: the time and the body hookcli signed (found
//! by the recorder's batch, see `listen::recorder`) come in as arguments.

use crate::diagnose::{self, Candidates, Context, Diagnosis};
use crate::provider::{self, Keyring, Provider, Scratch, Verdict};
use crate::request::Request;
use crate::secret::Secret;
use std::cell::RefCell;

pub use crate::provider::EventMeta;

/// What the listener verifies with.
#[derive(Debug, Clone)]
pub struct Verifier {
    /// `--provider`; `None` detects each request's provider from its headers.
    pub provider: Option<Provider>,
    /// Candidate secrets per provider, resolved as `verify` resolves them.
    pub secrets: Vec<(Provider, Vec<Secret>)>,
    pub tolerance: i64,
    /// Each provider's own default window applies instead of `tolerance`
    /// (none was chosen: Paddle's 5 s, Linear's 60 s).
    pub per_provider_tolerance: bool,
    /// The secrets made into keys once, at start-up.
    keys: Vec<(Provider, Keyring)>,
    /// The keys a diagnosis tries for them, made once too.
    candidates: Vec<(Provider, Candidates)>,
    /// How many of each provider's secrets (the first ones) are the
    /// endpoint's own; the rest are candidates a request may be signed
    /// with by mistake, named when one verifies it.
    endpoint: Vec<(Provider, usize)>,
}

impl Verifier {
    pub fn new(
        provider: Option<Provider>,
        secrets: Vec<(Provider, Vec<Secret>)>,
        tolerance: i64,
    ) -> Verifier {
        let endpoint = secrets.iter().map(|(p, s)| (*p, s.len())).collect();
        Verifier::with_candidates(provider, secrets, endpoint, tolerance)
    }

    /// A verifier whose first `endpoint` secrets per provider verify; the
    /// others are only candidates for the diagnosis.
    pub fn with_candidates(
        provider: Option<Provider>,
        secrets: Vec<(Provider, Vec<Secret>)>,
        endpoint: Vec<(Provider, usize)>,
        tolerance: i64,
    ) -> Verifier {
        let keys = secrets
            .iter()
            .map(|(p, s)| (*p, Keyring::new(*p, s.clone())))
            .collect();
        let candidates = secrets
            .iter()
            .map(|(p, s)| (*p, Candidates::new(*p, s)))
            .collect();
        Verifier {
            provider,
            secrets,
            tolerance,
            per_provider_tolerance: false,
            keys,
            candidates,
            endpoint,
        }
    }

    /// With each provider's own default window instead of `tolerance`.
    pub fn with_provider_tolerances(self, on: bool) -> Verifier {
        Verifier {
            per_provider_tolerance: on,
            ..self
        }
    }

    /// The window `provider`'s requests are held to.
    pub fn tolerance_for(&self, provider: Provider) -> i64 {
        match provider.spec().tolerance {
            Some(own) if self.per_provider_tolerance => own,
            _ => self.tolerance,
        }
    }

    /// How many of `provider`'s secrets are the endpoint's own.
    fn endpoint_count(&self, provider: Provider) -> usize {
        self.endpoint
            .iter()
            .find(|(p, _)| *p == provider)
            .map_or(0, |(_, n)| *n)
    }

    pub fn secrets_for(&self, provider: Provider) -> &[Secret] {
        self.secrets
            .iter()
            .find(|(p, _)| *p == provider)
            .map_or(&[][..], |(_, s)| s.as_slice())
    }

    fn candidates_for(&self, provider: Provider) -> Option<&Candidates> {
        self.candidates
            .iter()
            .find(|(p, _)| *p == provider)
            .map(|(_, c)| c)
    }

    fn keys_for(&self, provider: Provider) -> Option<&Keyring> {
        self.keys
            .iter()
            .find(|(p, _)| *p == provider)
            .map(|(_, k)| k)
    }
}

thread_local! {
    /// Buffers the checks on this worker thread reuse, so a check allocates nothing.
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The verdict on one request.
#[derive(Debug, Clone)]
pub struct Inspection {
    pub provider: Option<Provider>,
    pub meta: EventMeta,
    /// The first signature in the header, in wire form; `None` for a
    /// shared token, which is a secret and the same on every delivery.
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
    let parts = request.parts();
    let verdict_as = |p: Provider| match verifier.keys_for(p) {
        Some(keys) => SCRATCH.with_borrow_mut(|scratch| {
            provider::verify(p, &parts, keys, now, verifier.tolerance_for(p), scratch)
        }),
        None => Verdict::NoMatch,
    };
    let provider = Provider::which(&request.headers, &request.body, verifier.provider, |p| {
        verdict_as(p).is_valid()
    });
    let meta = match provider {
        Some(p) => p.scheme().event_meta(&request.headers, &request.body),
        None => EventMeta::from_body(&request.body),
    };
    let signature = provider
        .and_then(|p| p.scheme().parse(&parts).ok())
        .and_then(|c| c.message_key());
    let verdict = provider.map(verdict_as);
    // A candidate's signature is not the endpoint's: the app, holding the
    // endpoint's secrets, rejects it, and so does the listener.
    let own = |i: usize| provider.is_some_and(|p| i < verifier.endpoint_count(p));
    let (valid, matched) = match verdict {
        Some(Verdict::Valid { secret_index }) if own(secret_index) => (true, Some(secret_index)),
        Some(Verdict::Stale { secret_index, .. }) if own(secret_index) => {
            (false, Some(secret_index))
        }
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
        // Secrets as `verify` picks them: the provider's, else the fallback's.
        let secrets_of = self.provider.unwrap_or_else(Provider::fallback);
        let secrets = verifier.secrets_for(secrets_of);
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
                tolerance: match self.provider {
                    Some(p) => verifier.tolerance_for(p),
                    None => verifier.tolerance,
                },
                original_body: original,
                // Made for the secrets in their own order: not when the
                // matched one was moved first.
                candidates: verifier
                    .candidates_for(secrets_of)
                    .filter(|_| self.matched.is_none_or(|i| i == 0)),
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
            url: None,
        };
        Request::post(
            provider::sign(provider::STRIPE, secret, &input).unwrap(),
            body.to_vec(),
        )
    }

    #[test]
    fn any_listener_secret_verifies_and_is_named() {
        let test = Secret::new("whsec_test", "STRIPE_WEBHOOK_SECRET_TEST");
        let live = Secret::new("whsec_live", "STRIPE_WEBHOOK_SECRET_LIVE");
        let v = Verifier::new(
            None,
            vec![(provider::STRIPE, vec![test, live.clone()])],
            300,
        );
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
    fn the_listeners_prepared_keys_give_the_diagnosis_made_without_them() {
        let test = Secret::new("whsec_test", "STRIPE_WEBHOOK_SECRET_TEST");
        let live = Secret::new("whsec_live\n", "STRIPE_WEBHOOK_SECRET_LIVE");
        let v = Verifier::with_candidates(
            None,
            vec![(provider::STRIPE, vec![test.clone(), live.clone()])],
            vec![(provider::STRIPE, 1)],
            300,
        );
        let pretty = "{\n  \"id\": \"evt_1\",\n  \"object\": \"event\",\n  \"type\": \"charge.succeeded\"\n}";
        let body = pretty.as_bytes();
        let requests = [
            signed(&Secret::new("whsec_other", "x"), body, 1000),
            signed(&Secret::new("whsec_test\n", "x"), body, 1000),
            signed(&live, body, 1000),
            signed(&test, body, 1000),
            {
                let mut r = signed(&test, body, 1000);
                r.body.push(b'\n');
                r
            },
            {
                let mut r = signed(&test, body, 1000);
                r.body = br#"{"id":"evt_1","object":"event","type":"charge.succeeded"}"#.to_vec();
                r
            },
        ];
        for (n, request) in requests.iter().enumerate() {
            for now in [1000, 5000] {
                let checked = check(request, &v, now);
                let listener = checked.finish(request, &v, now, true, None).diagnosis;
                let mut ordered = v.secrets_for(provider::STRIPE).to_vec();
                if let Some(i) = checked.matched {
                    ordered[..=i].rotate_right(1);
                }
                let ctx = Context {
                    secrets: &ordered,
                    provider: None,
                    now,
                    tolerance: 300,
                    original_body: None,
                    candidates: None,
                };
                assert_eq!(
                    listener,
                    Some(diagnose::diagnose(request, &ctx)),
                    "request {n} at {now}"
                );
            }
        }
    }
}

//! Clerk: its webhooks are Svix deliveries ([`svix`](super::svix)) of
//! `{data, event_attributes, instance_id, object: "event", timestamp (ms),
//! type}`, verified by `@clerk/backend`'s `verifyWebhook`, which requires the
//! `svix-*` headers and hands them to `standardwebhooks`.
//!
//! Sources: clerk/javascript `packages/backend/src/webhooks.ts` and
//! `packages/backend/src/api/resources/Webhooks.ts` (event types).

use super::Algorithm;
use super::svix::{Brand, stamp};
use super::{BodyForm, Encoding, GeneratedKind, Misuse, Spec};
use include_dir::{Dir, include_dir};
use serde_json::Value;

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/clerk");

static SPEC: Spec = Spec {
    id: "clerk",
    display: "Clerk",
    aliases: &[],
    signature_headers: &[super::svix::SIGNATURE],
    // `verifyWebhook` reads CLERK_WEBHOOK_SIGNING_SECRET; Clerk's older
    // guides named it CLERK_WEBHOOK_SECRET.
    secret_vars: &["CLERK_WEBHOOK_SIGNING_SECRET", "CLERK_WEBHOOK_SECRET"],
    body: BodyForm::JsonCompact,
    algorithm: Algorithm::HmacSha256,
    encoding: Encoding::Base64,
    tolerance: Some(300),
    fixtures: &FIXTURES,
};

static SECRET_KEY: Misuse = Misuse {
    id: "api_key",
    advice: "is a Clerk Secret Key (sk_…), not the webhook's signing secret: copy the Signing \
             Secret (whsec_…) from Dashboard → Webhooks → the endpoint",
};

static PUBLISHABLE_KEY: Misuse = Misuse {
    id: "publishable_key",
    advice: "is a Clerk Publishable Key (pk_…), not the webhook's signing secret: copy the \
             Signing Secret (whsec_…) from Dashboard → Webhooks → the endpoint",
};

pub static CLERK: Brand = Brand {
    spec: &SPEC,
    // Stripe's events are `"object": "event"` too; Clerk's alone carry these.
    owns: |v| {
        v.get("object").and_then(Value::as_str) == Some("event")
            && v.get("type").is_some()
            && (v.get("event_attributes").is_some() || v.get("instance_id").is_some())
    },
    place: |event, put| stamp(event, "timestamp", GeneratedKind::UnixMillis, put),
    misuse: |secret| {
        if secret.starts_with("sk_test_") || secret.starts_with("sk_live_") {
            Some(&SECRET_KEY)
        } else if secret.starts_with("pk_test_") || secret.starts_with("pk_live_") {
            Some(&PUBLISHABLE_KEY)
        } else {
            None
        }
    },
};

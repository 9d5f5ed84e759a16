//! Resend: its webhooks are Svix deliveries ([`svix`](super::svix)) of
//! `{type, created_at, data}`, verified by the `resend` SDKs'
//! `webhooks.verify` (Node through `standardwebhooks`).
//!
//! Sources: resend/resend-node `src/webhooks/webhooks.ts` and
//! `src/webhooks/interfaces/webhook-event.interface.ts` (event types).

use super::svix::{Brand, stamp};
use super::{Algorithm, BodyForm, Encoding, GeneratedKind, Misuse, Spec};
use include_dir::{Dir, include_dir};
use serde_json::Value;

static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/resend");

static SPEC: Spec = Spec {
    id: "resend",
    display: "Resend",
    aliases: &[],
    signature_headers: &[super::svix::SIGNATURE],
    secret_vars: &["RESEND_WEBHOOK_SECRET"],
    body: BodyForm::JsonCompact,
    algorithm: Algorithm::HmacSha256,
    encoding: Encoding::Base64,
    tolerance: Some(300),
    fixtures: &FIXTURES,
};

static API_KEY: Misuse = Misuse {
    id: "api_key",
    advice: "is a Resend API key (re_…), not the webhook's signing secret: copy the Signing \
             Secret (whsec_…) from the webhook's page in the Resend dashboard",
};

/// The families of Resend's event types.
const FAMILIES: [&str; 5] = ["email.", "contact.", "domain.", "suppression.", "inbox."];

pub static RESEND: Brand = Brand {
    spec: &SPEC,
    owns: |v| {
        v.get("object").is_none()
            && v.get("created_at").is_some()
            && v.get("data").is_some()
            && v.get("type")
                .and_then(Value::as_str)
                .is_some_and(|t| FAMILIES.iter().any(|f| t.starts_with(f)))
    },
    place: |event, put| stamp(event, "created_at", GeneratedKind::Rfc3339, put),
    misuse: |secret| secret.starts_with("re_").then_some(&API_KEY),
};

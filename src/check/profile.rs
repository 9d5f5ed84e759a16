//! Everything the audit decides per provider, in one table: which events it
//! sends, how long the provider waits, how its timestamps are graded, which
//! forgeries its header format allows, its handshakes, and the error texts
//! its official SDKs answer with. The rest of `check` is provider-neutral
//! and reads only a [`Profile`]; a provider added to hookcli gets an audit
//! by adding one entry to [`PROFILES`] (and, later, by moving its entry into
//! the provider's own registry value as a hook).

use super::Severity;
use crate::request::Headers;
use std::time::Duration;

/// How a provider's audit is run and graded.
pub struct Profile {
    /// The provider id (`Provider::name`).
    pub provider: &'static str,
    /// A common event every handler processes: the genuine delivery.
    pub genuine_event: &'static str,
    /// A real event type handlers rarely list.
    pub rare_event: &'static str,
    /// Two dependent events, sent in the wrong order.
    pub ordered: Option<Ordered>,
    /// How long the provider waits for an answer, and who says so.
    pub budget: Duration,
    pub budget_source: &'static str,
    /// Severity of answering slower than the budget.
    pub budget_severity: Severity,
    /// Severity of accepting a timestamp older than the provider's
    /// tolerance (`Spec::tolerance`; none when it signs no timestamp).
    pub stale_severity: Severity,
    /// How an accepted future timestamp is graded.
    pub future: FutureGrade,
    /// The status a provider demands for a bad signature, when it demands
    /// one exactly (Discord, Shopify compliance); else any 4xx passes.
    pub bad_signature_status: Option<u16>,
    /// Size of the large-but-legitimate event.
    pub large_payload: usize,
    pub large_payload_source: &'static str,
    /// Header forgeries the provider's format allows.
    pub forgeries: Forgeries,
    /// Requests the provider sends to set up or check an endpoint.
    pub handshakes: &'static [Handshake],
    /// Error texts of the provider's official SDKs, and what each means
    /// when an app echoes it.
    pub sdk_texts: &'static [(&'static str, SdkMeaning)],
}

/// Two events that depend on each other, sent later-one first.
pub struct Ordered {
    /// Sent first (it depends on `earlier`).
    pub later: &'static str,
    pub earlier: &'static str,
    /// Dotted path of the object id both must share.
    pub link: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FutureGrade {
    /// Accepting it is a failure of this severity.
    Reject(Severity),
    /// The official SDKs accept future timestamps: report it, do not fail.
    ReportOnly { why: &'static str },
}

/// What an SDK's error text, echoed in an answer, says about the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SdkMeaning {
    /// The SDK found no signature matching (wrong secret or changed body).
    SignatureMismatch,
    /// The SDK was handed a parsed object, not the raw body.
    BodyParsed,
    /// The SDK saw no (or an unreadable) signature header.
    HeaderLost,
    /// The SDK saw an empty body.
    BodyLost,
    /// The SDK judged the timestamp out of tolerance.
    Timestamp,
}

/// What a forgery builder starts from: a genuine delivery's headers and the
/// signature material around it.
pub struct ForgeInput<'a> {
    pub headers: &'a Headers,
    /// The signature header's name and the genuine signature in wire form.
    pub header: &'static str,
    pub signature: &'a str,
    /// A signature over the same message with a secret the app does not hold.
    pub other: &'a str,
    pub timestamp: i64,
    /// The genuine key, for legacy-scheme MACs (downgrade).
    pub key: &'a [u8],
    pub body: &'a [u8],
}

/// A header set and a label saying what it tries.
pub type Variant = (&'static str, Headers);

/// Forgeries that depend on the header format; `None` = not applicable.
pub struct Forgeries {
    /// Two signatures in one header, one valid, in both orders.
    pub rotation: Option<fn(&ForgeInput) -> Vec<Variant>>,
    /// A valid signature next to one of a scheme the verifier must ignore.
    pub unknown_scheme: Option<fn(&ForgeInput) -> Vec<Variant>>,
    /// Only a legacy, weaker signature (valid under the real secret).
    pub downgrade: Option<fn(&ForgeInput) -> Vec<Variant>>,
}

/// A setup request a provider sends to an endpoint.
pub struct Handshake {
    /// The check id (`github_ping`).
    pub id: &'static str,
    /// The built-in fixture it sends.
    pub event: &'static str,
    pub severity: Severity,
    pub what: &'static str,
    pub fix: &'static str,
    /// What the answer's body must say, beyond a 2xx: checked against the
    /// body sent, the secret, and the body answered (Slack's `challenge`,
    /// Zoom's `encryptedToken`). `Err` says what is wrong with it.
    pub answer: Option<AnswerCheck>,
}

/// `(sent body, secret, answered body)` → whether the answer is the one
/// the provider waits for.
pub type AnswerCheck = fn(&[u8], &str, &[u8]) -> Result<(), String>;

/// Every provider's profile.
pub static PROFILES: &[Profile] = &[
    STRIPE, GITHUB, STANDARD, TWILIO, SENDGRID, SHOPIFY, SLACK, ZOOM, DISCORD, GITLAB,
];

/// The profile of a provider id.
pub fn for_provider(id: &str) -> Option<&'static Profile> {
    PROFILES.iter().find(|p| p.provider == id)
}

const STRIPE: Profile = Profile {
    provider: "stripe",
    genuine_event: "payment_intent.succeeded",
    rare_event: "climate.order.delayed",
    ordered: Some(Ordered {
        later: "invoice.paid",
        earlier: "invoice.created",
        link: "data.object.id",
    }),
    budget: Duration::from_secs(30),
    budget_source: "Stripe publishes no timeout; the Stripe CLI forwards with 30 s",
    budget_severity: Severity::Warning,
    stale_severity: Severity::Warning,
    future: FutureGrade::ReportOnly {
        why: "stripe-node, stripe-python, stripe-ruby and stripe-go accept future timestamps too",
    },
    bad_signature_status: None,
    large_payload: 256 * 1024,
    large_payload_source: "large invoices and sessions; Express's default body limit is 100 kB",
    forgeries: Forgeries {
        rotation: Some(stripe_rotation),
        unknown_scheme: Some(stripe_unknown_scheme),
        downgrade: Some(stripe_downgrade),
    },
    handshakes: &[],
    sdk_texts: &[
        (
            "No signatures found matching the expected signature",
            SdkMeaning::SignatureMismatch,
        ),
        (
            "Webhook payload must be provided as a string or a Buffer",
            SdkMeaning::BodyParsed,
        ),
        (
            "Unable to extract timestamp and signatures from header",
            SdkMeaning::HeaderLost,
        ),
        (
            "No stripe-signature header value was provided",
            SdkMeaning::HeaderLost,
        ),
        (
            "No signatures found with expected scheme",
            SdkMeaning::HeaderLost,
        ),
        ("No webhook payload was provided", SdkMeaning::BodyLost),
        (
            "Timestamp outside the tolerance zone",
            SdkMeaning::Timestamp,
        ),
    ],
};

const GITHUB: Profile = Profile {
    provider: "github",
    genuine_event: "push",
    rare_event: "star.created",
    ordered: Some(Ordered {
        later: "pull_request.closed",
        earlier: "pull_request.opened",
        link: "pull_request.id",
    }),
    budget: Duration::from_secs(10),
    budget_source: "GitHub drops the connection after 10 s",
    budget_severity: Severity::Warning,
    stale_severity: Severity::Warning,
    future: FutureGrade::Reject(Severity::Warning),
    bad_signature_status: None,
    large_payload: 1024 * 1024,
    large_payload_source: "GitHub sends payloads up to 25 MB; a push of many commits is several MB",
    forgeries: Forgeries {
        rotation: None,
        unknown_scheme: None,
        downgrade: Some(github_downgrade),
    },
    handshakes: &[Handshake {
        id: "github_ping",
        event: "ping",
        severity: Severity::Warning,
        what: "GitHub's `ping` event, sent when the webhook is created",
        fix: "answer 2xx to X-GitHub-Event: ping before looking for fields other events carry (ref, action)",
        answer: None,
    }],
    sdk_texts: &[
        (
            "signature does not match event payload and secret",
            SdkMeaning::SignatureMismatch,
        ),
        (
            "[@octokit/webhooks-methods] eventPayload must be a string",
            SdkMeaning::BodyParsed,
        ),
        (
            "[@octokit/webhooks-methods] payload must be a string",
            SdkMeaning::BodyParsed,
        ),
        (
            "[@octokit/webhooks-methods] secret, eventPayload & signature required",
            SdkMeaning::HeaderLost,
        ),
    ],
};

const STANDARD: Profile = Profile {
    provider: "standard",
    genuine_event: "user.created",
    rare_event: "email.bounced",
    ordered: Some(Ordered {
        later: "user.updated",
        earlier: "user.created",
        link: "data.id",
    }),
    budget: Duration::from_secs(15),
    budget_source: "Svix waits 15 s; the Standard Webhooks spec advises 15-30 s",
    budget_severity: Severity::Warning,
    stale_severity: Severity::Critical,
    future: FutureGrade::Reject(Severity::Warning),
    bad_signature_status: None,
    large_payload: 256 * 1024,
    large_payload_source: "the spec advises small payloads, senders allow far larger ones",
    forgeries: Forgeries {
        rotation: Some(standard_rotation),
        unknown_scheme: Some(standard_unknown_scheme),
        downgrade: None,
    },
    handshakes: &[],
    sdk_texts: &[
        ("No matching signature found", SdkMeaning::SignatureMismatch),
        ("Missing required headers", SdkMeaning::HeaderLost),
        ("Invalid Signature Headers", SdkMeaning::HeaderLost),
        ("Message timestamp too old", SdkMeaning::Timestamp),
        ("Message timestamp too new", SdkMeaning::Timestamp),
    ],
};

// Twilio signs the URL it calls and the POST parameters, no timestamp and
// one signature per request: no replay window, rotation or legacy scheme
// to forge. The audit signs the target URL (`--to`), which is the URL the
// app rebuilds from the request it receives.
const TWILIO: Profile = Profile {
    provider: "twilio",
    genuine_event: "message.received",
    // A status callback arriving at the inbound-message URL (apps often
    // point StatusCallback at the same route).
    rare_event: "message.status",
    ordered: None,
    budget: Duration::from_secs(15),
    budget_source: "Twilio waits 15 s for an answer (5 s to connect)",
    budget_severity: Severity::Warning,
    stale_severity: Severity::Warning,
    future: FutureGrade::Reject(Severity::Warning),
    bad_signature_status: None,
    large_payload: 64 * 1024,
    large_payload_source: "a message callback with a 1,600-character body and media parameters is a few KiB; 64 KiB leaves room",
    forgeries: Forgeries {
        rotation: None,
        unknown_scheme: None,
        downgrade: None,
    },
    handshakes: &[],
    sdk_texts: &[
        // twilio-node's `webhook()` middleware.
        (
            "Twilio Request Validation Failed",
            SdkMeaning::SignatureMismatch,
        ),
        (
            "X-Twilio-Signature header does not exist",
            SdkMeaning::HeaderLost,
        ),
    ],
};

// SendGrid signs with ECDSA P-256: the audit signs with hookcli's local test
// key pair (or a private key given with --secret), and the app must be
// configured with its verification key (`hookcli keys -p sendgrid`).
// Forgeries are signatures by a key pair the app does not trust; there is no
// empty key to sign with. The official libraries (@sendgrid/eventwebhook,
// sendgrid-python) check no timestamp age, so accepting an old or future
// timestamp is reported, not failed as more than info.
const SENDGRID: Profile = Profile {
    provider: "sendgrid",
    genuine_event: "delivered",
    rare_event: "group_resubscribe",
    ordered: Some(Ordered {
        later: "delivered",
        earlier: "processed",
        link: "sg_message_id",
    }),
    budget: Duration::from_secs(30),
    budget_source: "SendGrid publishes no timeout; hookcli waits 30 s",
    budget_severity: Severity::Warning,
    stale_severity: Severity::Info,
    future: FutureGrade::ReportOnly {
        why: "@sendgrid/eventwebhook and sendgrid-python check no timestamp age",
    },
    bad_signature_status: None,
    large_payload: 768 * 1024,
    large_payload_source: "SendGrid posts a batch when it reaches 768 KB; Express's default body limit is 100 kB",
    forgeries: Forgeries {
        rotation: None,
        unknown_scheme: None,
        downgrade: None,
    },
    handshakes: &[],
    // @sendgrid/eventwebhook's verifySignature answers true or false: no
    // error text to recognise.
    sdk_texts: &[],
};

const SHOPIFY: Profile = Profile {
    provider: "shopify",
    genuine_event: "orders/create",
    rare_event: "themes/publish",
    ordered: Some(Ordered {
        later: "orders/paid",
        earlier: "orders/create",
        link: "id",
    }),
    budget: Duration::from_secs(5),
    budget_source: "Shopify waits 5 s for an answer (1 s to connect), then retries 8 times over 4 hours",
    budget_severity: Severity::Warning,
    stale_severity: Severity::Warning,
    future: FutureGrade::ReportOnly {
        why: "Shopify signs no timestamp (X-Shopify-Triggered-At is not signed)",
    },
    // The mandatory compliance endpoints must answer 401 to a bad HMAC;
    // App Review sends forged requests to check.
    bad_signature_status: Some(401),
    large_payload: 256 * 1024,
    large_payload_source: "orders with hundreds of line items and products with many variants run to hundreds of kB",
    forgeries: Forgeries {
        rotation: None,
        unknown_scheme: None,
        downgrade: None,
    },
    handshakes: &[],
    // `shopify.webhooks.validate`'s reasons, as apps echo them.
    sdk_texts: &[
        ("invalid_hmac", SdkMeaning::SignatureMismatch),
        ("missing_hmac", SdkMeaning::HeaderLost),
        ("missing_headers", SdkMeaning::HeaderLost),
        ("missing_body", SdkMeaning::BodyLost),
    ],
};

const SLACK: Profile = Profile {
    provider: "slack",
    genuine_event: "app_mention",
    rare_event: "tokens_revoked",
    ordered: None,
    budget: Duration::from_secs(3),
    budget_source: "Slack retries an Events API delivery not answered within 3 s (X-Slack-Retry-Num, X-Slack-Retry-Reason: http_timeout)",
    budget_severity: Severity::Warning,
    stale_severity: Severity::Warning,
    future: FutureGrade::ReportOnly {
        why: "@slack/bolt accepts future timestamps too (slack-sdk for Python does not)",
    },
    bad_signature_status: None,
    large_payload: 64 * 1024,
    large_payload_source: "long messages and rich block payloads",
    forgeries: Forgeries {
        rotation: None,
        unknown_scheme: None,
        downgrade: None,
    },
    handshakes: &[Handshake {
        id: "slack_url_verification",
        event: "url_verification",
        severity: Severity::Critical,
        what: "Slack's url_verification challenge, sent when the Request URL is saved",
        fix: "answer a url_verification request with its challenge (the value as text, or {\"challenge\": …}), after verifying its signature",
        answer: Some(slack_challenge),
    }],
    sdk_texts: &[
        (
            "Failed to verify authenticity: signature mismatch",
            SdkMeaning::SignatureMismatch,
        ),
        (
            "must differ from system time by no more than",
            SdkMeaning::Timestamp,
        ),
        (
            "Failed to verify authenticity: header x-slack-request-timestamp",
            SdkMeaning::HeaderLost,
        ),
    ],
};

const ZOOM: Profile = Profile {
    provider: "zoom",
    genuine_event: "meeting.started",
    rare_event: "webinar.started",
    ordered: Some(Ordered {
        later: "meeting.ended",
        earlier: "meeting.started",
        link: "payload.object.uuid",
    }),
    budget: Duration::from_secs(3),
    budget_source: "Zoom expects 200 or 204 within 3 s, then retries (5, 20 and 60 minutes later)",
    budget_severity: Severity::Warning,
    stale_severity: Severity::Warning,
    future: FutureGrade::ReportOnly {
        why: "Zoom's SDK checks no timestamp at all",
    },
    bad_signature_status: None,
    large_payload: 64 * 1024,
    large_payload_source: "recording.completed with many recording files",
    forgeries: Forgeries {
        rotation: None,
        unknown_scheme: None,
        downgrade: None,
    },
    handshakes: &[Handshake {
        id: "zoom_url_validation",
        event: "endpoint.url_validation",
        severity: Severity::Critical,
        what: "Zoom's endpoint.url_validation, sent when the endpoint is saved and every 72 hours",
        fix: "answer endpoint.url_validation with {\"plainToken\": <payload.plainToken>, \"encryptedToken\": <hex HMAC-SHA256 of plainToken keyed with the Secret Token>}",
        answer: Some(zoom_validation),
    }],
    sdk_texts: &[],
};

/// GitLab sends its secret token as is, not a signature: a wrong, missing or
/// empty token must be rejected; nothing else in a delivery is protected
/// (the tampered-body check skips, see `forgery::tampered_body`).
const GITLAB: Profile = Profile {
    provider: "gitlab",
    genuine_event: "push",
    rare_event: "deployment",
    ordered: Some(Ordered {
        later: "merge_request.merge",
        earlier: "merge_request.open",
        link: "object_attributes.id",
    }),
    budget: Duration::from_secs(10),
    budget_source: "GitLab.com gives a webhook 10 s to answer (docs.gitlab.com, GitLab.com settings, Other limits), then counts a failure and disables a webhook that keeps failing",
    budget_severity: Severity::Warning,
    stale_severity: Severity::Warning,
    future: FutureGrade::ReportOnly {
        why: "GitLab sends no timestamp",
    },
    bad_signature_status: None,
    large_payload: 256 * 1024,
    large_payload_source: "pushes with many commits and merge requests with long descriptions",
    forgeries: Forgeries {
        rotation: None,
        unknown_scheme: None,
        downgrade: None,
    },
    handshakes: &[],
    sdk_texts: &[],
};

/// Slack takes the challenge back as the body's text, as a form's
/// `challenge`, or as JSON `{"challenge": …}`.
fn slack_challenge(sent: &[u8], _secret: &str, answer: &[u8]) -> Result<(), String> {
    let sent: serde_json::Value = serde_json::from_slice(sent).map_err(|e| e.to_string())?;
    let challenge = sent["challenge"].as_str().unwrap_or_default();
    let text = String::from_utf8_lossy(answer);
    let json = serde_json::from_slice::<serde_json::Value>(answer).ok();
    let form = form_urlencoded::parse(answer).find(|(k, _)| k == "challenge");
    let echoed = text.trim() == challenge
        || json.is_some_and(|j| j["challenge"] == challenge)
        || form.is_some_and(|(_, v)| v == challenge);
    if echoed {
        Ok(())
    } else {
        Err("the answer does not carry the challenge back".into())
    }
}

/// Zoom wants `{"plainToken", "encryptedToken"}`, the token's HMAC in hex.
fn zoom_validation(sent: &[u8], secret: &str, answer: &[u8]) -> Result<(), String> {
    let sent: serde_json::Value = serde_json::from_slice(sent).map_err(|e| e.to_string())?;
    let plain = sent["payload"]["plainToken"].as_str().unwrap_or_default();
    let answer: serde_json::Value = serde_json::from_slice(answer)
        .map_err(|_| "the answer is not JSON {plainToken, encryptedToken}".to_string())?;
    if answer["plainToken"] != plain {
        return Err("the answer's plainToken is not the one sent".into());
    }
    if answer["encryptedToken"] != crate::provider::zoom_encrypted_token(secret, plain) {
        return Err(
            "the answer's encryptedToken is not HMAC-SHA256(Secret Token, plainToken) in hex"
                .into(),
        );
    }
    Ok(())
}

const DISCORD: Profile = Profile {
    provider: "discord",
    genuine_event: "interaction.application_command",
    rare_event: "interaction.modal_submit",
    ordered: None,
    budget: Duration::from_secs(3),
    budget_source: "Discord fails an interaction not answered within 3 s",
    budget_severity: Severity::Warning,
    stale_severity: Severity::Warning,
    future: FutureGrade::ReportOnly {
        why: "discord-interactions (npm and PyPI) checks no timestamp age",
    },
    // Discord sends invalid signatures itself and removes an endpoint that
    // does not answer them with 401.
    bad_signature_status: Some(401),
    large_payload: 64 * 1024,
    large_payload_source: "interactions with many resolved users and messages",
    forgeries: Forgeries {
        rotation: None,
        unknown_scheme: None,
        downgrade: None,
    },
    handshakes: &[Handshake {
        id: "discord_ping",
        event: "interaction.ping",
        severity: Severity::Critical,
        what: "Discord's PING (interaction type 1), sent when the Interactions Endpoint URL is saved",
        fix: "verify the PING's signature, then answer it with {\"type\":1} (PONG) and Content-Type: application/json",
        answer: Some(discord_pong),
    }],
    sdk_texts: &[
        (
            "[discord-interactions] Invalid signature",
            SdkMeaning::SignatureMismatch,
        ),
        ("Bad request signature", SdkMeaning::SignatureMismatch),
        ("invalid request signature", SdkMeaning::SignatureMismatch),
    ],
};

/// Discord wants the PONG, `{"type":1}`, as JSON.
fn discord_pong(_sent: &[u8], _secret: &str, answer: &[u8]) -> Result<(), String> {
    let pong = serde_json::json!({"type": 1});
    match serde_json::from_slice::<serde_json::Value>(answer) {
        Ok(v) if v == pong => Ok(()),
        _ => Err(format!(
            "the answer is {}, not {{\"type\":1}}",
            crate::escape::for_terminal(
                &String::from_utf8_lossy(answer)
                    .chars()
                    .take(80)
                    .collect::<String>()
            )
        )),
    }
}

/// `headers` with `name` set to `value` (replacing every copy).
pub fn with_header(headers: &Headers, name: &str, value: String) -> Headers {
    let mut out: Headers = headers
        .iter()
        .filter(|(n, _)| !n.eq_ignore_ascii_case(name))
        .collect();
    out.push(name, value);
    out
}

/// `headers` without `name`.
pub fn without_header(headers: &Headers, name: &str) -> Headers {
    headers
        .iter()
        .filter(|(n, _)| !n.eq_ignore_ascii_case(name))
        .collect()
}

fn stripe_rotation(f: &ForgeInput) -> Vec<Variant> {
    let t = f.timestamp;
    vec![
        (
            "unknown signature first",
            with_header(
                f.headers,
                f.header,
                format!("t={t},v1={},v1={}", f.other, f.signature),
            ),
        ),
        (
            "unknown signature last",
            with_header(
                f.headers,
                f.header,
                format!("t={t},v1={},v1={}", f.signature, f.other),
            ),
        ),
    ]
}

fn stripe_unknown_scheme(f: &ForgeInput) -> Vec<Variant> {
    // Stripe adds a fake `v0` to test-mode events; verifiers skip it.
    let t = f.timestamp;
    vec![(
        "v1 valid, v0 junk",
        with_header(
            f.headers,
            f.header,
            format!("t={t},v1={},v0={}", f.signature, f.other),
        ),
    )]
}

fn stripe_downgrade(f: &ForgeInput) -> Vec<Variant> {
    // Only `v0`, carrying a MAC valid under the real secret: a verifier that
    // accepts any scheme's signature accepts it.
    let t = f.timestamp;
    vec![(
        "only v0 (valid MAC), no v1",
        with_header(f.headers, f.header, format!("t={t},v0={}", f.signature)),
    )]
}

fn standard_rotation(f: &ForgeInput) -> Vec<Variant> {
    vec![
        (
            "unknown signature first",
            with_header(
                f.headers,
                f.header,
                format!("v1,{} v1,{}", f.other, f.signature),
            ),
        ),
        (
            "unknown signature last",
            with_header(
                f.headers,
                f.header,
                format!("v1,{} v1,{}", f.signature, f.other),
            ),
        ),
    ]
}

fn standard_unknown_scheme(f: &ForgeInput) -> Vec<Variant> {
    // `v1a` (Ed25519) entries are skipped by HMAC verifiers.
    vec![(
        "v1a junk, v1 valid",
        with_header(
            f.headers,
            f.header,
            format!("v1a,{} v1,{}", f.other, f.signature),
        ),
    )]
}

fn github_downgrade(f: &ForgeInput) -> Vec<Variant> {
    // GitHub still sends the legacy SHA-1 signature; a verifier that falls
    // back to it when X-Hub-Signature-256 is absent or wrong is downgradable.
    let sha1 = format!("sha1={}", super::sign::hmac_sha1_hex(f.key, f.body));
    let legacy = with_header(f.headers, "X-Hub-Signature", sha1);
    vec![
        (
            "valid X-Hub-Signature (SHA-1), no X-Hub-Signature-256",
            without_header(&legacy, f.header),
        ),
        (
            "valid X-Hub-Signature (SHA-1), wrong X-Hub-Signature-256",
            with_header(&legacy, f.header, format!("sha256={}", f.other)),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::Provider;

    #[test]
    fn every_profile_names_a_provider_and_fixtures_that_exist() {
        for profile in PROFILES {
            let p: Provider = profile.provider.parse().expect("a registered provider");
            let mut events = vec![profile.genuine_event, profile.rare_event];
            if let Some(o) = &profile.ordered {
                events.extend([o.later, o.earlier]);
            }
            events.extend(profile.handshakes.iter().map(|h| h.event));
            for e in events {
                crate::fixtures::resolve(e, Some(p), &[])
                    .unwrap_or_else(|err| panic!("{p}: {e}: {err}"));
            }
        }
    }

    #[test]
    fn handshake_answers_are_judged_as_the_providers_judge_them() {
        let sent = br#"{"token":"t","challenge":"3eZbrw1aBm2r","type":"url_verification"}"#;
        for good in [
            &b"3eZbrw1aBm2r"[..],
            b"{\"challenge\":\"3eZbrw1aBm2r\"}",
            b"challenge=3eZbrw1aBm2r",
        ] {
            assert!(slack_challenge(sent, "s", good).is_ok());
        }
        for bad in [&b""[..], b"ok", b"{\"challenge\":\"other\"}"] {
            assert!(slack_challenge(sent, "s", bad).is_err());
        }
        // The token and its answer: see provider/zoom.rs's known answer.
        let sent = br#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1,"event":"endpoint.url_validation"}"#;
        let good = br#"{"plainToken":"qgg8vlvZRS6UYooatFL8Aw","encryptedToken":"6315a409480893fc67b4d0df7d606141dc2bdf37ddfaed8dfc12f498971d13f7"}"#;
        assert!(zoom_validation(sent, "4kPeBJ6gSGmhxaRuEPHsYg", good).is_ok());
        assert!(zoom_validation(sent, "another secret", good).is_err());
        assert!(zoom_validation(sent, "4kPeBJ6gSGmhxaRuEPHsYg", b"{}").is_err());
    }
}

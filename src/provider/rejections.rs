//! What the providers' official verifier libraries say when they reject a
//! delivery, so `send` can recognise the text in an app's answer and say
//! what it means. Per-provider data, kept in one function so it can become
//! a field of the provider's `Spec`. Texts are the libraries' own error
//! messages (stripe-node/stripe-python `Webhook.constructEvent`,
//! standardwebhooks / svix `Webhook.verify`, @octokit/webhooks `verify`).

use super::Provider;

/// What a recognised rejection says went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejected {
    /// The signature the app computed differs: another secret, or other bytes.
    Signature,
    /// The app judged the timestamp too old or too new.
    Timestamp,
    /// The app found no signature header (or could not read it).
    Header,
}

/// One library's rejection text.
#[derive(Debug, PartialEq, Eq)]
pub struct Rejection {
    /// A fragment of the library's error message, matched case-sensitively.
    pub text: &'static str,
    pub library: &'static str,
    pub kind: Rejected,
}

const fn r(text: &'static str, library: &'static str, kind: Rejected) -> Rejection {
    Rejection {
        text,
        library,
        kind,
    }
}

static STRIPE: &[Rejection] = &[
    r(
        "No signatures found matching the expected signature for payload",
        "the stripe library",
        Rejected::Signature,
    ),
    r(
        "Timestamp outside the tolerance zone",
        "the stripe library",
        Rejected::Timestamp,
    ),
    r(
        "Unable to extract timestamp and signatures from header",
        "the stripe library",
        Rejected::Header,
    ),
    r(
        "No stripe-signature header value was provided",
        "the stripe library",
        Rejected::Header,
    ),
    r(
        "No signatures found with expected scheme",
        "the stripe library",
        Rejected::Header,
    ),
];

static STANDARD: &[Rejection] = &[
    r(
        "No matching signature found",
        "standardwebhooks / svix",
        Rejected::Signature,
    ),
    r(
        "Message timestamp too old",
        "standardwebhooks / svix",
        Rejected::Timestamp,
    ),
    r(
        "Message timestamp too new",
        "standardwebhooks / svix",
        Rejected::Timestamp,
    ),
    r(
        "Missing required headers",
        "standardwebhooks / svix",
        Rejected::Header,
    ),
    r(
        "Invalid Signature Headers",
        "standardwebhooks / svix",
        Rejected::Header,
    ),
];

static GITHUB: &[Rejection] = &[r(
    "signature does not match event payload and secret",
    "@octokit/webhooks",
    Rejected::Signature,
)];

/// The official libraries' rejection texts for `provider`.
pub fn rejections(provider: Provider) -> &'static [Rejection] {
    match provider.name() {
        "stripe" => STRIPE,
        "standard" => STANDARD,
        "github" => GITHUB,
        _ => &[],
    }
}

/// The first of `provider`'s library rejections found in `answer`.
pub fn recognise(provider: Provider, answer: &str) -> Option<&'static Rejection> {
    rejections(provider)
        .iter()
        .find(|r| answer.contains(r.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripe_node_text_is_recognised() {
        let body = "Webhook Error: No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe?";
        let found = recognise(super::super::STRIPE, body).unwrap();
        assert_eq!(found.kind, Rejected::Signature);
        assert!(recognise(super::super::GITHUB, body).is_none());
    }
}

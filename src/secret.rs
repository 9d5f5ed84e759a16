//! A signing secret that never shows its value: Debug and Display print the
//! label it came from and a short fingerprint, so diagnostics can tell two
//! secrets apart without leaking either.

use sha2::{Digest, Sha256};
use std::fmt;

#[derive(Clone, PartialEq, Eq)]
pub struct Secret {
    value: String,
    label: String,
}

impl Secret {
    /// `label` says where the secret came from (`--secret #1`, `STRIPE_WEBHOOK_SECRET`, …).
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Secret {
            value: value.into(),
            label: label.into(),
        }
    }

    /// The secret text. Only signing code should call this.
    pub fn expose(&self) -> &str {
        &self.value
    }

    pub fn label(&self) -> &str {
        &self.label
    }

    /// First 8 hex digits of SHA-256 of the value: enough to compare two
    /// secrets by eye, useless for recovering one.
    pub fn fingerprint(&self) -> String {
        let digest = Sha256::digest(self.value.as_bytes());
        hex::encode(&digest[..4])
    }

    /// What kind of string this looks like, for hints ("whsec_…", "sk_test_…").
    pub fn kind(&self) -> SecretKind {
        SecretKind::of(&self.value)
    }

    /// Whitespace around the value that was almost certainly not meant to
    /// be part of it (a newline from `echo` or a file, a pasted space).
    pub fn stray_whitespace(&self) -> Option<&'static str> {
        let v = &self.value;
        if v.is_empty() || v.trim() == v {
            None
        } else if v.ends_with("\r\n") {
            Some("ends with a CRLF line ending")
        } else if v.ends_with('\n') && v.trim_end_matches('\n') == v.trim() {
            Some("ends with a newline")
        } else {
            Some("has whitespace around it")
        }
    }

    /// The same value with a different label (e.g. a trimmed variant).
    pub fn relabel(&self, value: impl Into<String>, label: impl Into<String>) -> Self {
        Secret::new(value, label)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({} fp:{})", self.label, self.fingerprint())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (fp:{})", self.label, self.fingerprint())
    }
}

/// What is shown or recorded instead of a secret a request carries as is
/// (GitLab's `X-Gitlab-Token`): its fingerprint.
pub fn redacted(value: &str) -> String {
    format!("<redacted fp:{}>", Secret::new(value, "").fingerprint())
}

/// The shape of a secret string, judged from its prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    /// `whsec_…`: a webhook signing secret (Stripe, Standard Webhooks).
    WebhookSecret,
    /// `sk_…`, `rk_…`, `pk_…`: a Stripe API key, not a signing secret.
    ApiKey,
    Other,
}

impl SecretKind {
    pub fn of(value: &str) -> Self {
        let v = value.trim();
        if v.starts_with("whsec_") {
            SecretKind::WebhookSecret
        } else if ["sk_", "rk_", "pk_"].iter().any(|p| v.starts_with(p)) {
            SecretKind::ApiKey
        } else {
            SecretKind::Other
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_hide_the_value() {
        let s = Secret::new("whsec_supersecretvalue", "--secret");
        let shown = format!("{s} {s:?}");
        assert!(!shown.contains("supersecret"), "{shown}");
        assert!(shown.contains("--secret"));
        assert!(shown.contains(&s.fingerprint()));
    }

    #[test]
    fn kinds() {
        assert_eq!(SecretKind::of("whsec_abc"), SecretKind::WebhookSecret);
        assert_eq!(SecretKind::of("sk_test_123"), SecretKind::ApiKey);
        assert_eq!(SecretKind::of("rk_live_123"), SecretKind::ApiKey);
        assert_eq!(SecretKind::of("hunter2"), SecretKind::Other);
    }
}

//! Which secret signs and which secrets verify, per provider: `--secret`,
//! then the configured and usual environment variables, then (on a
//! terminal) a prompt. Key-pair providers (SendGrid's ECDSA P-256, any
//! scheme whose Spec names a key-pair algorithm) sign with a private key,
//! `--secret` else hookcli's local test key, and verify with public keys:
//! `--secret`, then the provider's variables, then the local test key's, so
//! that what hookcli signed verifies (or is named as signed by hookcli).

use super::{Globals, env_var};
use crate::exit::Hinted;
use crate::keystore::{self, LocalKey};
use crate::provider::keypair::{self, KeyKind};
use crate::provider::{Algorithm, Provider};
use crate::secret::Secret;

impl Globals {
    /// The secret to sign with: `--secret`, else the first configured or
    /// usual variable of the provider that is set.
    pub fn signing_secret(&self, provider: Provider, flag: Option<&str>) -> Result<Secret, Hinted> {
        if is_pair(provider) {
            return signing_key(provider, flag);
        }
        let vars = self.config.secret_vars(provider);
        let secret = match secret_from(provider, flag, &vars) {
            Err(missing) => asked_secret(provider)?.ok_or(missing)?,
            found => found?,
        };
        warn_about_secret(provider, &secret);
        Ok(secret)
    }

    /// Candidate secrets for verification, each labelled by its source:
    /// every `--secret` (in order), then every configured or usual variable
    /// that is set; the first is the one the user verifies with. On a
    /// terminal, a missing secret is asked for.
    pub fn verification_secrets(
        &self,
        provider: Provider,
        flags: &[String],
    ) -> Result<Vec<Secret>, Hinted> {
        if is_pair(provider) {
            return verification_keys(self, provider, flags, false);
        }
        match candidates(provider, flags, &self.config.secret_vars(provider)) {
            Err(missing) => Ok(vec![asked_secret(provider)?.ok_or(missing)?]),
            found => found,
        }
    }

    /// Candidate secrets without asking: every `--secret`, then every
    /// configured or usual variable that is set (possibly none).
    pub fn secret_candidates(&self, provider: Provider, flags: &[String]) -> Vec<Secret> {
        if is_pair(provider) {
            return verification_keys(self, provider, flags, true).unwrap_or_default();
        }
        candidates(provider, flags, &self.config.secret_vars(provider)).unwrap_or_default()
    }

    /// The usage error for a listener with no secret for any provider: the
    /// flag, and every configured or usual variable, per provider.
    pub fn no_secret_at_all(&self) -> Hinted {
        let vars: Vec<String> = Provider::ALL
            .iter()
            .map(|&p| format!("{} ({p})", self.config.secret_vars(p).join(" / ")))
            .collect();
        Hinted::usage(
            "no signing secret to verify with",
            format!("pass --secret SECRET, or set {}", vars.join(", ")),
        )
    }
}

/// The secret to sign with: `--secret`, else the first of `vars` that is
/// set. Missing is a usage error naming both.
fn secret_from(provider: Provider, flag: Option<&str>, vars: &[String]) -> Result<Secret, Hinted> {
    if let Some(value) = flag {
        return Ok(Secret::new(value, "--secret"));
    }
    for var in vars {
        if let Some(value) = env_var(var) {
            return Ok(Secret::new(value, var.clone()));
        }
    }
    Err(missing_secret(provider, vars))
}

/// Warns (stderr) about a signing secret that is obviously not what the
/// user meant: another kind of credential for this provider (the provider
/// says which, e.g. a Stripe API key), or stray whitespace. hookcli still
/// signs with it exactly as given.
fn warn_about_secret(provider: Provider, secret: &Secret) {
    if let Some(misuse) = provider.scheme().misuse(secret.expose()) {
        crate::output::note(&format!(
            "warning: the secret from {} {}",
            secret.label(),
            misuse.advice
        ));
    }
    if let Some(problem) = secret.stray_whitespace() {
        crate::output::note(&format!(
            "warning: the secret from {} {problem}; hookcli signs with it as given, while your app's copy likely has none (set it with printf '%s', not echo)",
            secret.label()
        ));
    }
}

/// On a terminal, asks for the secret with hidden input.
pub(super) fn asked_secret(provider: Provider) -> Result<Option<Secret>, Hinted> {
    let typed = crate::prompt::secret(&format!("{provider} signing secret (input hidden)"))
        .map_err(|e| {
            Hinted::usage(
                format!("cannot ask for the secret: {e}"),
                "pass --secret SECRET",
            )
        })?;
    Ok(typed.map(|v| Secret::new(v, "prompt")))
}

fn missing_secret(provider: Provider, vars: &[String]) -> Hinted {
    Hinted::usage(
        format!("no signing secret for {provider}"),
        format!("pass --secret SECRET or set {}", vars.join(" / ")),
    )
}

/// Every `--secret` (in order), then every variable of `vars` that is set,
/// each labelled by its source; duplicates dropped; none is an error.
fn candidates(
    provider: Provider,
    flags: &[String],
    vars: &[String],
) -> Result<Vec<Secret>, Hinted> {
    let mut secrets: Vec<Secret> = Vec::new();
    let many = flags.len() > 1;
    for (i, value) in flags.iter().enumerate() {
        if value.is_empty() {
            return Err(Hinted::usage(
                "--secret is empty",
                format!(
                    "pass the signing secret, or leave --secret out to read {}",
                    vars.join(" / ")
                ),
            ));
        }
        let label = if many {
            format!("--secret #{}", i + 1)
        } else {
            "--secret".to_string()
        };
        secrets.push(Secret::new(value.clone(), label));
    }
    for var in vars {
        if let Some(value) = env_var(var)
            && !secrets.iter().any(|s| s.expose() == value)
        {
            secrets.push(Secret::new(value, var.clone()));
        }
    }
    if secrets.is_empty() {
        return Err(missing_secret(provider, vars));
    }
    Ok(secrets)
}

/// Whether `provider`'s signer and verifier hold different keys.
pub fn is_pair(provider: Provider) -> bool {
    provider.spec().algorithm.key_kind() == KeyKind::Pair
}

/// hookcli's local test key for `provider`'s algorithm, created on first use.
pub fn local(provider: Provider) -> Result<LocalKey, Hinted> {
    let dir = keystore::dir();
    keystore::load_or_create(&dir, provider.spec().algorithm).map_err(|e| {
        Hinted::usage(
            format!("cannot use hookcli's local test key: {e:#}"),
            "set HOOKCLI_KEYS to a directory you can write, or pass --secret with a private key",
        )
    })
}

/// The key to sign with: `--secret` (a private key), else the local test key.
pub fn signing_key(provider: Provider, flag: Option<&str>) -> Result<Secret, Hinted> {
    match flag {
        Some(value) => Ok(Secret::new(value, "--secret")),
        None => Ok(local(provider)?.private()),
    }
}

/// Verification keys, each labelled by its source: every `--secret`, then
/// every configured or usual variable that is set, then the local test
/// key's (first when nothing else is given). `keys_only` drops flags that
/// are no key of this algorithm at all (a listener detecting providers
/// hands every provider the same flags).
pub fn verification_keys(
    globals: &Globals,
    provider: Provider,
    flags: &[String],
    keys_only: bool,
) -> Result<Vec<Secret>, Hinted> {
    let algorithm = provider.spec().algorithm;
    let mut keys: Vec<Secret> = Vec::new();
    let wanted: Vec<&String> = flags
        .iter()
        .filter(|f| !keys_only || is_key(algorithm, f))
        .collect();
    for (i, value) in wanted.iter().enumerate() {
        let label = if wanted.len() > 1 {
            format!("--secret #{}", i + 1)
        } else {
            "--secret".to_string()
        };
        keys.push(Secret::new(value.as_str(), label));
    }
    for var in globals.config.secret_vars(provider) {
        if let Some(value) = env_var(&var)
            && !keys.iter().any(|s| s.expose() == value)
        {
            keys.push(Secret::new(value, var));
        }
    }
    for key in &keys {
        readable(provider, key)?;
    }
    let local = local(provider)?.public();
    if !keys.iter().any(|s| s.expose() == local.expose()) {
        keys.push(local);
    }
    Ok(keys)
}

/// A verification key that is no key at all is bad input (exit 2); a
/// private key or another credential is left to the diagnosis, which says
/// what it is and what to use instead.
fn readable(provider: Provider, key: &Secret) -> Result<(), Hinted> {
    if provider.scheme().misuse(key.expose()).is_some() {
        return Ok(());
    }
    match provider.scheme().verify_key(key.expose()) {
        Err(e) if e.kind != "private_key" => Err(Hinted::usage(
            format!(
                "the {provider} verification key from {} {}",
                key.label(),
                e.reason
            ),
            e.hint,
        )),
        _ => Ok(()),
    }
}

/// Keys that may sign again what a verification key verified: every
/// `--secret` that is a private key, then the local test key.
pub fn signing_candidates(provider: Provider, flags: &[String]) -> Vec<Secret> {
    let algorithm = provider.spec().algorithm;
    let mut keys: Vec<Secret> = flags
        .iter()
        .filter(|f| keypair::read_private(algorithm, f).is_ok())
        .map(|f| Secret::new(f.as_str(), "--secret"))
        .collect();
    if let Ok(local) = local(provider) {
        keys.push(local.private());
    }
    keys
}

/// Whether `text` reads as a public or private key of `algorithm`.
fn is_key(algorithm: Algorithm, text: &str) -> bool {
    keypair::read_public(algorithm, text).is_ok() || keypair::read_private(algorithm, text).is_ok()
}

/// The verification key of a signing secret, for `sign --format json` and
/// manifests; `None` for a shared-secret provider.
pub fn verification_key_of(provider: Provider, secret: &Secret) -> Option<String> {
    if !is_pair(provider) {
        return None;
    }
    let key = provider.scheme().sign_key(secret.expose()).ok()?;
    provider.scheme().public_key_text(&key.verify_key())
}

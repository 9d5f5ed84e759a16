//! Keys for key-pair providers (SendGrid's ECDSA P-256, and any scheme
//! whose Spec names a key-pair algorithm): which key signs, which keys
//! verify, and `hookcli keys`, which prints the verification key an app is
//! configured with. The signer holds a private key: `--secret`, else
//! hookcli's local test key. The verifier holds public keys: `--secret`,
//! then the provider's variables, then the local test key's, so that what
//! hookcli signed verifies (or is named as signed by hookcli).

use super::{Globals, env_var};
use crate::cli::KeysArgs;
use crate::exit::{ExitStatus, Hinted};
use crate::keystore::{self, LocalKey};
use crate::output;
use crate::provider::keypair::{self, KeyKind};
use crate::provider::{Algorithm, Provider};
use crate::secret::Secret;
use serde_json::json;

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

/// `hookcli keys`: the verification key of each key-pair provider (or the
/// one named), from `--secret`'s private key or hookcli's local test key.
pub fn run(args: &KeysArgs) -> anyhow::Result<ExitStatus> {
    let providers: Vec<Provider> = match args.provider {
        Some(p) if !is_pair(p) => {
            return Err(Hinted::usage(
                format!(
                    "{p} signs with a shared secret ({}), so there is no key pair",
                    p.spec().algorithm.name()
                ),
                format!(
                    "key pairs are used by {}",
                    Provider::ALL
                        .iter()
                        .filter(|p| is_pair(**p))
                        .map(|p| p.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .into());
        }
        Some(p) => vec![p],
        None => Provider::ALL
            .iter()
            .copied()
            .filter(|p| is_pair(*p))
            .collect(),
    };
    let mut text = String::new();
    let mut refused = None;
    let named = args.provider.is_some();
    for provider in providers {
        let (key, origin, path, created) = match args.secret.as_deref() {
            Some(secret) => {
                let key = match provider.scheme().sign_key(secret) {
                    Ok(key) => key,
                    // Unnamed, a key is shown for the providers of its algorithm.
                    Err(e) if !named && e.kind == "wrong_algorithm" => {
                        refused.get_or_insert(e);
                        continue;
                    }
                    Err(e) => {
                        return Err(Hinted::usage(
                            format!("the key from --secret {}", e.reason),
                            e.hint,
                        )
                        .into());
                    }
                };
                (key.verify_key(), "--secret", None, false)
            }
            None => {
                let local = local(provider)?;
                let path = local.path.display().to_string();
                (
                    local.verify_key(),
                    keypair::LOCAL_KEY_LABEL,
                    Some(path),
                    local.created,
                )
            }
        };
        let public = provider
            .scheme()
            .public_key_text(&key)
            .expect("a key pair's public key");
        let fingerprint = keypair::fingerprint(&key).expect("a key pair's public key");
        let var = provider.secret_env_vars()[0];
        if args.json {
            let line = json!({
                "provider": provider.name(),
                "algorithm": provider.spec().algorithm.name(),
                "verification_key": public,
                "pem": keypair::public_pem(&key),
                "fingerprint": fingerprint,
                "env": var,
                "source": origin,
                "private_key_path": path,
                "created": created,
            });
            text.push_str(&line.to_string());
            text.push('\n');
        } else {
            text.push_str(&format!(
                "{provider}: verification key of {origin} ({}, fp:{fingerprint})\n  {var}={public}\n",
                provider.spec().algorithm.name()
            ));
            if let Some(path) = &path {
                let made = if created { "created" } else { "kept" };
                text.push_str(&format!(
                    "  private key {made} in {path} (never printed; `hookcli sign` and `send` use it)\n"
                ));
            }
        }
    }
    if let (true, Some(e)) = (text.is_empty(), refused) {
        return Err(Hinted::usage(format!("the key from --secret {}", e.reason), e.hint).into());
    }
    output::stdout(&text)?;
    Ok(ExitStatus::Success)
}

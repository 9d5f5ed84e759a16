//! `hookcli keys`: prints the verification key an app of a key-pair
//! provider is configured with. Which key signs and which verify is
//! decided in `secrets`.

use super::secrets::{is_pair, local};
use crate::cli::KeysArgs;
use crate::exit::{ExitStatus, Hinted};
use crate::output;
use crate::provider::Provider;
use crate::provider::keypair;
use serde_json::json;

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

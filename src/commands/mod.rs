//! One file per subcommand: resolve what the user typed into typed settings,
//! call the pure core, hand the results to `output`. Shared resolution lives
//! here.

pub mod completions;
pub mod events;
pub mod fixtures;
pub mod listen;
pub mod replay;
pub mod send;
pub mod sign;
pub mod verify;

use crate::cli::{EventArgs, GlobalArgs};
use crate::exit::Hinted;
use crate::fixtures::{Fixture, Override, RenderOptions};
use crate::ids::IdSource;
use crate::provider::Provider;
use crate::request::Headers;
use crate::secret::Secret;
use crate::store::{Location, NewSigned, Store};

/// Settings every command shares, resolved once.
pub struct Globals {
    pub store: Location,
}

impl Globals {
    pub fn resolve(args: &GlobalArgs) -> Self {
        Globals {
            store: Location::resolve(args.store.as_deref(), args.no_store),
        }
    }

    /// Opens the event store; `None` (with a warning) when disabled or
    /// unavailable, since recording must never stop signing.
    pub fn open_store(&self) -> Option<Store> {
        match &self.store {
            Location::Disabled => None,
            Location::Path(path) => match Store::open(path) {
                Ok(store) => Some(store),
                Err(e) => {
                    crate::output::note(&format!(
                        "warning: not recording in the event store: {e:#} (use --store PATH or --no-store)"
                    ));
                    None
                }
            },
        }
    }
}

/// Records a signed request so the listener can later show exactly how a
/// received body differs from it. Returns the row id when recorded.
pub fn record_signed(
    store: Option<&Store>,
    source: &str,
    event: &crate::fixtures::Event,
    headers: &Headers,
    secret: &Secret,
    url: Option<&str>,
) -> Option<i64> {
    let store = store?;
    let signature = event
        .provider
        .scheme()
        .parse(headers)
        .ok()
        .and_then(|r| r.signatures.into_iter().next())
        .unwrap_or_default();
    let headers_json = crate::render::headers_json(headers);
    let result = store.record_signed(&NewSigned {
        source,
        provider: event.provider.name(),
        event_type: &event.event_type,
        event_id: &event.event_id,
        timestamp: event.timestamp,
        signature: &signature,
        secret_label: secret.label(),
        secret_fp: &secret.fingerprint(),
        headers: &headers_json,
        body: &event.body,
        url,
    });
    match result {
        Ok(id) => Some(id),
        Err(e) => {
            crate::output::note(&format!(
                "warning: could not record the event in {}: {e:#}",
                store.path().display()
            ));
            None
        }
    }
}

/// Current Unix time in seconds: the one place commands read the clock.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

pub fn parse_provider(name: Option<&str>) -> Result<Option<Provider>, Hinted> {
    name.map(|n| {
        n.parse::<Provider>()
            .map_err(|e| Hinted::usage(e, "pass --provider stripe, github or standard"))
    })
    .transpose()
}

/// Overrides, timestamp and ids for rendering fixtures, from the shared flags.
pub struct EventSettings {
    pub provider: Option<Provider>,
    pub overrides: Vec<Override>,
    pub timestamp: i64,
    pub ids: IdSource,
}

impl EventSettings {
    pub fn resolve(args: &EventArgs) -> Result<Self, Hinted> {
        let mut overrides = Vec::new();
        for spec in &args.set {
            overrides.push(Override::parse_set(spec)?);
        }
        for path in &args.unset {
            overrides.push(Override::parse_remove(path)?);
        }
        Ok(EventSettings {
            provider: parse_provider(args.provider.as_deref())?,
            overrides,
            timestamp: args.timestamp.unwrap_or_else(now),
            ids: IdSource::new(args.seed.unwrap_or_else(rand::random)),
        })
    }

    pub fn render_options(&self, sequence: u64) -> RenderOptions<'_> {
        RenderOptions {
            timestamp: self.timestamp,
            ids: self.ids,
            sequence,
            overrides: &self.overrides,
        }
    }
}

/// Reads an environment variable, treating an empty value as unset.
fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The secret to sign with: `--secret`, else the provider's first variable
/// that is set. Missing is a usage error naming both.
pub fn signing_secret(provider: Provider, flag: Option<&str>) -> Result<Secret, Hinted> {
    if let Some(value) = flag {
        return Ok(Secret::new(value, "--secret"));
    }
    for var in provider.secret_env_vars() {
        if let Some(value) = env_var(var) {
            return Ok(Secret::new(value, *var));
        }
    }
    Err(missing_secret(provider))
}

fn missing_secret(provider: Provider) -> Hinted {
    let vars = provider.secret_env_vars();
    Hinted::usage(
        format!("no signing secret for {provider}"),
        format!("pass --secret SECRET or set {}", vars.join(" / ")),
    )
}

/// Candidate secrets for verification, each labelled by its source: every
/// `--secret` (in order), then every provider variable that is set. The
/// first is the one the user verifies with. Duplicate values are dropped.
pub fn verification_secrets(provider: Provider, flags: &[String]) -> Result<Vec<Secret>, Hinted> {
    let mut secrets: Vec<Secret> = Vec::new();
    let many = flags.len() > 1;
    for (i, value) in flags.iter().enumerate() {
        let label = if many {
            format!("--secret #{}", i + 1)
        } else {
            "--secret".to_string()
        };
        secrets.push(Secret::new(value.clone(), label));
    }
    for var in provider.secret_env_vars() {
        if let Some(value) = env_var(var)
            && !secrets.iter().any(|s| s.expose() == value)
        {
            secrets.push(Secret::new(value, *var));
        }
    }
    if secrets.is_empty() {
        return Err(missing_secret(provider));
    }
    Ok(secrets)
}

/// A fixture by name or path, as a usage error when it cannot be found.
pub fn load_fixture(
    spec: &str,
    settings: &EventSettings,
    dirs: &[std::path::PathBuf],
) -> Result<Fixture, Hinted> {
    Ok(crate::fixtures::resolve(spec, settings.provider, dirs)?)
}

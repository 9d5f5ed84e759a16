//! One file per subcommand: resolve what the user typed into typed settings,
//! call the pure core, hand the results to `output`. Shared resolution lives
//! here.

pub mod check;
pub mod completions;
pub mod config;
pub mod events;
pub mod fixtures;
pub mod keys;
pub mod listen;
pub mod man;
pub mod replay;
pub mod secrets;
pub mod send;
pub mod sign;
pub mod store;
pub mod verify;

use crate::cli::{EventArgs, GlobalArgs};
use crate::config::{self as settings_file, Effective};
use crate::exit::Hinted;
use crate::fixtures::{Fixture, Override, RenderOptions};
use crate::ids::IdSource;
use crate::provider::Provider;
use crate::request::Headers;
use crate::secret::Secret;
use crate::store::{Location, NewSigned, Store};

/// Settings every command shares, resolved once: the event store and the
/// defaults from the environment and `hookcli.toml`.
pub struct Globals {
    pub store: Location,
    /// Whether the user named the store (`--store`, `HOOKCLI_STORE`): one
    /// that cannot be used is then an error, not a warning.
    pub store_named: bool,
    pub config: Effective,
}

impl Globals {
    pub fn resolve(args: &GlobalArgs) -> Result<Self, Hinted> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."));
        let file = settings_file::discover(args.config.as_deref(), &cwd)?;
        let parsed = file.as_deref().map(settings_file::load).transpose()?;
        let lookup = |name: &str| env_var(name);
        let config = Effective::resolve(file.as_deref().zip(parsed.as_ref()), &lookup)?;
        let (store, store_named) = Location::resolve(args.store.as_deref(), args.no_store);
        Ok(Globals {
            store,
            store_named,
            config,
        })
    }

    /// `--provider`, else the configured provider (verify and listen).
    pub fn provider(&self, flag: Option<Provider>) -> Option<Provider> {
        flag.or(self.config.provider.value)
    }

    /// `--tolerance`, else the configured one.
    pub fn tolerance(&self, flag: Option<i64>) -> i64 {
        flag.unwrap_or(self.config.tolerance.value)
    }

    /// Whether the window was chosen (flag, environment or file) rather
    /// than left to each provider's own default.
    pub fn tolerance_chosen(&self, flag: Option<i64>) -> bool {
        flag.is_some() || self.config.tolerance.source != crate::config::Source::Default
    }

    /// The window for `provider`'s requests: the one chosen, else the
    /// provider's own libraries' default (Paddle 5 s, Linear 60 s).
    pub fn tolerance_for(&self, provider: Provider, flag: Option<i64>) -> i64 {
        match provider.spec().tolerance {
            Some(own) if !self.tolerance_chosen(flag) => own,
            _ => self.tolerance(flag),
        }
    }

    /// `--to`, else the configured target, as a full URL.
    pub fn target(&self, flag: Option<&str>) -> Result<String, Hinted> {
        let typed = flag.unwrap_or(&self.config.target.value);
        crate::send::target::parse_target(typed).map_err(|e| Hinted::usage(e.to_string(), e.hint()))
    }

    /// The event to work on: the one named, else (on a terminal) one the
    /// user picks from the built-in list, else a usage error.
    pub fn event_name(
        &self,
        named: Option<&str>,
        provider: Option<Provider>,
    ) -> Result<String, Hinted> {
        if let Some(name) = named {
            return Ok(name.to_string());
        }
        let names: Vec<String> = crate::fixtures::builtin_names(provider)
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        let picked = crate::prompt::choose("Event type (type to search)", &names).map_err(|e| {
            Hinted::usage(format!("cannot ask for an event: {e}"), "name the event")
        })?;
        picked.map(|i| names[i].clone()).ok_or_else(|| {
            Hinted::usage(
                "no event given",
                "name one, e.g. payment_intent.succeeded (`hookcli fixtures list` shows them all)",
            )
        })
    }

    /// Opens the event store where recording is a side matter (`sign`,
    /// `send`, `fixtures generate`): `None` when it is off, or when the
    /// default store cannot be used (a warning says why and what to do);
    /// a store the user named that cannot be used is an error (exit 2).
    pub fn open_store(&self) -> Result<Option<Store>, Hinted> {
        Ok(match self.recording()? {
            Recording::Off => None,
            Recording::On(store) => Some(store),
            Recording::Broken(e) => {
                crate::output::note(&format!("warning: not recording: {}", e.line()));
                None
            }
        })
    }

    /// The event store as the listener sees it: on, off, or unusable (the
    /// listener then answers 503 rather than acknowledge what it cannot
    /// record). A store the user named that cannot be used is an error.
    pub fn listener_store(&self) -> Recording {
        match &self.store {
            Location::Disabled => Recording::Off,
            Location::Path(path) => match Store::open(path) {
                Ok(store) => Recording::On(store),
                Err(e) => Recording::Broken(e),
            },
        }
    }

    /// [`listener_store`](Self::listener_store), with a named store that
    /// cannot be used made an error (exit 2).
    pub fn recording(&self) -> Result<Recording, Hinted> {
        match self.listener_store() {
            Recording::Broken(e) if self.store_named => Err(e.into()),
            other => Ok(other),
        }
    }

    /// Opens the store where it is the job (`events`, `replay`, `store`):
    /// off or unusable is an error (exit 2).
    pub fn required_store(&self) -> Result<Store, Hinted> {
        match &self.store {
            Location::Disabled => Err(Hinted::usage(
                "the event store is turned off (--no-store or HOOKCLI_STORE=off)",
                "drop --no-store / HOOKCLI_STORE=off, or pass --store PATH",
            )),
            Location::Path(path) => Ok(Store::open(path)?),
        }
    }
}

/// Whether and where recording happens.
pub enum Recording {
    Off,
    On(Store),
    /// The store cannot be used, and why.
    Broken(crate::store::StoreError),
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
    let signature = signature_of(event.provider, headers);
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
                "warning: not recorded: {}",
                store.fault(&e).line()
            ));
            None
        }
    }
}

/// `--url`: the full URL the provider calls, checked to be one.
pub fn url_flag(url: &str) -> Result<String, Hinted> {
    // Kept as typed (a signed URL is signed byte for byte), but it must be
    // one a WHATWG parser, as the providers' own libraries use, accepts.
    let why = match (
        crate::provider::url::Split::parse(url),
        ::url::Url::parse(url),
    ) {
        (Some(_), Ok(_)) => return Ok(url.to_string()),
        (_, Err(e)) => format!(" ({e})"),
        (None, Ok(_)) => String::new(),
    };
    Err(Hinted::usage(
        format!(
            "--url '{}' is not a URL{why}",
            crate::escape::for_terminal(url)
        ),
        "give the full URL the provider calls, e.g. --url https://example.com/webhooks",
    ))
}

/// The first signature in `headers` as `provider` writes it: what the
/// listener and `verify` look a signed request up by (empty for a shared
/// token, which is a secret and the same on every delivery).
pub fn signature_of(provider: Provider, headers: &Headers) -> String {
    let parts = crate::provider::Parts {
        method: "POST",
        url: None,
        headers,
        body: &[],
    };
    provider
        .scheme()
        .parse(&parts)
        .ok()
        .and_then(|c| c.message_key())
        .unwrap_or_default()
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
            provider: args.provider,
            overrides,
            timestamp: args.timestamp.unwrap_or_else(crate::clock::now_s),
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
pub(super) fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// A fixture by name or path, as a usage error when it cannot be found.
pub fn load_fixture(
    spec: &str,
    settings: &EventSettings,
    dirs: &[std::path::PathBuf],
) -> Result<Fixture, Hinted> {
    Ok(crate::fixtures::resolve(spec, settings.provider, dirs)?)
}

/// `--raw`: the event for a file's exact bytes, signed at `settings`' time.
pub fn raw_event(
    spec: &str,
    settings: &EventSettings,
    sequence: u64,
) -> Result<crate::fixtures::Event, Hinted> {
    let path = std::path::Path::new(spec);
    if !path.is_file() {
        return Err(Hinted::usage(
            format!("--raw signs a file's bytes, and '{spec}' is not a file"),
            "name the file holding the exact body, or drop --raw to use an event type",
        ));
    }
    let (fixture, bytes) = crate::fixtures::load_raw(path, settings.provider)?;
    Ok(fixture.raw_event(bytes, &settings.render_options(sequence)))
}

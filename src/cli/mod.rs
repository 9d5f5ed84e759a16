//! What the user typed: clap derive types only. `commands::*` resolve these
//! into typed settings; nothing here knows how to sign or print.

pub mod errors;
pub mod listen;

pub use listen::{
    EventsArgs, EventsCommand, EventsListArgs, EventsShowArgs, ListenArgs, ReceivedFilterArgs,
    ReplayArgs, VerdictFilter,
};

use crate::provider::Provider;
use crate::units;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub mod send;
pub use send::SendArgs;

pub mod check;
pub use check::CheckArgs;

#[derive(Debug, Parser)]
#[command(
    name = "hookcli",
    version,
    about = "Sign, send, receive and diagnose webhooks locally — no account, no network.",
    long_about = None,
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Parses `args` (program name first) the way hookcli reads a command
    /// line: clap's parse, with a variable set to nothing (or blanks)
    /// counted as unset, as every variable hookcli reads is.
    pub fn parse_args(args: &[String]) -> Result<Cli, clap::Error> {
        use clap::{CommandFactory, FromArgMatches};
        let matches = blank_variables_unset(Cli::command()).try_get_matches_from(args)?;
        Cli::from_arg_matches(&matches)
    }
}

fn blank_variables_unset(cmd: clap::Command) -> clap::Command {
    let blank = |var: &std::ffi::OsStr| {
        std::env::var_os(var).is_some_and(|v| v.to_string_lossy().trim().is_empty())
    };
    cmd.mut_args(|arg| match arg.get_env() {
        Some(var) if blank(var) => arg.env(None),
        _ => arg,
    })
    .mut_subcommands(blank_variables_unset)
}

/// Options every command accepts, shown under their own heading.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db).
    #[arg(long, global = true, value_name = "PATH")]
    pub store: Option<PathBuf>,

    /// Do not record anything in the event store.
    #[arg(long, global = true)]
    pub no_store: bool,

    /// Project config file (default: hookcli.toml here or in a parent directory).
    #[arg(long, global = true, value_name = "PATH", env = crate::config::ENV_CONFIG)]
    pub config: Option<PathBuf>,

    /// When to use colour: auto (a terminal, unless NO_COLOR), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sign one event and print the request (headers and exact body).
    Sign(SignArgs),
    /// Verify a captured request's signature and explain why it fails.
    Verify(VerifyArgs),
    /// Deliver signed events to a local endpoint: retries, duplicates, order, load.
    Send(SendArgs),
    /// List, show and generate signed fixtures.
    #[command(subcommand)]
    Fixtures(FixturesCommand),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(CompletionsArgs),
    /// Print a man page (roff): hookcli's, or a subcommand's (`hookcli man sign`).
    Man(ManArgs),
    /// Where the event store is and what it holds (`store` alone is `store info`); clear it.
    Store(StoreArgs),
    /// Show the effective settings and where each comes from (flag, env, hookcli.toml, default).
    Config(ConfigArgs),
    /// Receive webhooks on a local endpoint: verify, diagnose, record, optionally proxy to your app.
    Listen(ListenArgs),
    /// List and show the requests `listen` recorded.
    Events(EventsArgs),
    /// Resend recorded requests (one, a filter, or the dead letters), re-signed when the secret is known.
    Replay(ReplayArgs),
    /// Audit a running endpoint: genuine, forged, duplicated and malformed deliveries, graded.
    Check(CheckArgs),
    /// Print the verification key to configure an app with, for providers that sign with a key pair (SendGrid).
    Keys(KeysArgs),
}

#[derive(Debug, Args)]
#[command(after_help = "\
hookcli signs key-pair providers' requests with its own local test key unless --secret gives a
private key: created on first use in $HOOKCLI_KEYS (default ~/.local/share/hookcli/keys, mode 0600),
and reused, so an app configured once with its verification key keeps working.")]
pub struct KeysArgs {
    /// Only this provider (default: every provider that signs with a key pair).
    #[arg(long, short = 'p', value_name = "PROVIDER", value_parser = ProviderParser)]
    pub provider: Option<Provider>,

    /// A private key (PKCS#8 or SEC1 PEM): print its verification key instead of the local test key's.
    #[arg(
        long,
        short = 's',
        value_name = "PRIVATE_KEY",
        allow_hyphen_values = true
    )]
    pub secret: Option<String>,

    /// One JSON object per provider: {"provider", "algorithm", "verification_key", "pem", "fingerprint", "env", "source", "private_key_path", "created"}.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct StoreArgs {
    #[command(subcommand)]
    pub command: Option<StoreCommand>,
}

#[derive(Debug, Subcommand)]
pub enum StoreCommand {
    /// The store's path, size, bounds and row counts.
    Info {
        /// One JSON object: {"path", "bytes", "tables": {name: rows}, "max_age_days", "max_rows"}.
        #[arg(long)]
        json: bool,
    },
    /// Delete everything recorded (asks first on a terminal).
    Clear {
        /// Do not ask; required when not on a terminal.
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Write a commented hookcli.toml in the current directory (refuses to overwrite one).
    #[arg(long)]
    pub init: bool,

    /// One JSON object: {"file", "settings": {name: {"value", "source"}}}.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The subcommand whose page to print, e.g. `sign` or `fixtures generate` (default: hookcli's).
    #[arg(value_name = "COMMAND")]
    pub command: Vec<String>,

    /// Write every page (hookcli.1, hookcli-sign.1, …) into DIR instead.
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// A provider by id or alias, offering every id to help and completion.
#[derive(Clone, Copy, Debug, Default)]
pub struct ProviderParser;

impl clap::builder::TypedValueParser for ProviderParser {
    type Value = Provider;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Provider, clap::Error> {
        let parse = |text: &str| {
            text.trim()
                .parse::<Provider>()
                .map_err(|message| units::Invalid {
                    message,
                    hint: "`hookcli fixtures list` shows every provider's events",
                })
        };
        clap::builder::TypedValueParser::parse_ref(&parse, cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(Provider::ALL.iter().map(|p| {
            clap::builder::PossibleValue::new(p.name()).aliases(p.spec().aliases.iter().copied())
        })))
    }
}

/// `--port`: 0 to 65535 (0 picks a free port).
pub fn port(text: &str) -> Result<u16, units::Invalid> {
    text.trim().parse().map_err(|_| units::Invalid {
        message: format!("'{text}' is not a port"),
        hint: "a number from 0 to 65535",
    })
}

/// `--tolerance`: a whole number of seconds, either direction.
pub fn tolerance(text: &str) -> Result<i64, units::Invalid> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|t| *t >= 0)
        .ok_or_else(|| units::Invalid {
            message: format!("'{text}' is not a whole number of seconds"),
            hint: "e.g. 300",
        })
}

/// Accepts any event name or path, but offers the built-in event types to
/// shell completion.
#[derive(Clone, Copy, Debug, Default)]
pub struct EventNameParser;

impl clap::builder::TypedValueParser for EventNameParser {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        Ok(value.to_string_lossy().into_owned())
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            event_names()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

/// Every built-in event name once, sorted: what shells complete.
pub fn event_names() -> Vec<String> {
    let mut names: Vec<String> = crate::fixtures::builtin_names(None)
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Options shared by every command that turns a fixture into an event.
#[derive(Debug, Args, Clone)]
pub struct EventArgs {
    /// Signing scheme (default: from the event name or payload).
    #[arg(long, short = 'p', value_name = "PROVIDER", value_parser = ProviderParser)]
    pub provider: Option<Provider>,

    /// Set a payload field: dotted path = JSON value (strings need no quotes). Repeatable.
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,

    /// Remove a payload field by dotted path. Repeatable.
    #[arg(long = "unset", value_name = "PATH")]
    pub unset: Vec<String>,

    /// Unix timestamp to sign with and to use as `created` (default: now).
    #[arg(long, value_name = "UNIX")]
    pub timestamp: Option<i64>,

    /// Seed for event and request ids; with --timestamp, output is byte-identical across runs.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// Extra directory of NAME.json fixtures, searched before the built-ins. Repeatable.
    #[arg(long = "fixtures-dir", value_name = "DIR")]
    pub fixtures_dir: Vec<PathBuf>,
}

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct SignArgs {
    /// Event type (e.g. payment_intent.succeeded) or path to a payload file; on a terminal, omit it to pick from a list.
    /// A file is a template (fresh ids and `created`, re-serialized as the provider does) unless --raw.
    /// Several go in one request for providers that batch events (SendGrid).
    #[arg(value_name = "EVENT|FILE", value_parser = EventNameParser, hide_possible_values = true)]
    pub events: Vec<String>,

    /// Sign FILE's bytes exactly as they are: no new ids, no new `created`, no re-formatting.
    #[arg(long, requires = "events", conflicts_with_all = ["set", "unset"])]
    pub raw: bool,

    #[command(flatten)]
    pub event_args: EventArgs,

    /// Signing secret (default: the provider's variable, e.g. STRIPE_WEBHOOK_SECRET); for key-pair providers (SendGrid) a private key PEM, default hookcli's local test key.
    #[arg(long, short = 's', value_name = "SECRET", allow_hyphen_values = true)]
    pub secret: Option<String>,

    /// How to print the signed request.
    #[arg(long, short = 'f', value_enum, default_value_t = SignFormat::Human)]
    pub format: SignFormat,

    /// Same as --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,

    /// Target used by --format curl and http: port, host:port/path or URL [default: localhost:4242].
    #[arg(long, value_name = "TARGET", env = crate::config::ENV_TARGET)]
    pub to: Option<String>,

    /// The URL the provider has on file, for schemes that sign it (Twilio): sign for it even
    /// when delivering elsewhere (a tunnel's public URL, say).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SignFormat {
    /// Headers and body, for a person.
    Human,
    /// One JSON object: provider, event_type, event_id, timestamp, headers, body (and verification_key for key-pair providers).
    Json,
    /// A curl command that sends byte-identical data.
    Curl,
    /// The raw HTTP/1.1 request.
    Http,
}

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct VerifyArgs {
    /// Signing secret to verify with (for SendGrid, the verification key); repeat to add labelled candidates (the first is the one you verify with).
    #[arg(long, short = 's', value_name = "SECRET", allow_hyphen_values = true)]
    pub secret: Vec<String>,

    /// A request header, `Name: value`. Repeatable.
    #[arg(long = "header", short = 'H', value_name = "NAME: VALUE")]
    pub header: Vec<String>,

    /// File holding the exact request body, or - for standard input.
    #[arg(long, value_name = "FILE|-")]
    pub body: Option<PathBuf>,

    /// A captured request: the JSON printed by `hookcli sign --format json`, or a raw HTTP request.
    #[arg(long, value_name = "FILE|-", conflicts_with = "body")]
    pub request: Option<PathBuf>,

    /// Signing scheme (default: detected from the headers).
    #[arg(long, short = 'p', value_name = "PROVIDER", env = crate::config::ENV_PROVIDER, value_parser = ProviderParser)]
    pub provider: Option<Provider>,

    /// Accepted timestamp age in seconds, either direction [default: the provider's own window: 300, Paddle 5, Linear 60].
    #[arg(long, value_name = "SECONDS", env = crate::config::ENV_TOLERANCE, value_parser = tolerance)]
    pub tolerance: Option<i64>,

    /// The URL the provider called, for schemes that sign it (Twilio); default: the request
    /// line and Host header of a raw HTTP capture, or the capture's "url".
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// Unix time to judge the timestamp against (default: now).
    #[arg(long, value_name = "UNIX")]
    pub now: Option<i64>,

    /// Print {"valid": bool, "causes": [...]} instead of the report.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum FixturesCommand {
    /// List the built-in event types (and those in --fixtures-dir).
    List(FixturesListArgs),
    /// Print a fixture's payload as it would be sent.
    Show(FixturesShowArgs),
    /// Write signed fixtures for CI: exact bodies, headers, a manifest and a replay script.
    Generate(FixturesGenerateArgs),
}

#[derive(Debug, Args)]
pub struct FixturesListArgs {
    /// Only names starting with this prefix (e.g. invoice.).
    #[arg(value_name = "PREFIX")]
    pub prefix: Option<String>,

    /// Only this provider's event types.
    #[arg(long, short = 'p', value_name = "PROVIDER", value_parser = ProviderParser)]
    pub provider: Option<Provider>,

    /// Extra directory of NAME.json fixtures. Repeatable.
    #[arg(long = "fixtures-dir", value_name = "DIR")]
    pub fixtures_dir: Vec<PathBuf>,

    /// One JSON object per line: {"provider", "name", "origin"}.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct FixturesShowArgs {
    #[arg(value_name = "EVENT|FILE", value_parser = EventNameParser, hide_possible_values = true)]
    pub event: String,

    #[command(flatten)]
    pub event_args: EventArgs,

    /// One JSON object: {"name", "provider", "event_type", "event_id", "timestamp", "payload"}.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct FixturesGenerateArgs {
    /// Event types, fixture files or directories of them (default with --prefix or --all).
    #[arg(value_name = "EVENT|FILE|DIR")]
    pub events: Vec<String>,

    /// Directory to create; refused if it exists and is not empty, unless --force.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: PathBuf,

    /// Every built-in event type whose name starts with PREFIX.
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Option<String>,

    /// Every built-in event type (of --provider, default stripe).
    #[arg(long)]
    pub all: bool,

    /// Replace DIR if it already holds files.
    #[arg(long)]
    pub force: bool,

    /// Signing secret (default: the provider's variable, e.g. STRIPE_WEBHOOK_SECRET).
    #[arg(long, short = 's', value_name = "SECRET", allow_hyphen_values = true)]
    pub secret: Option<String>,

    /// Target the replay script posts to: port, host:port/path or URL [default: localhost:4242].
    #[arg(long, value_name = "TARGET", env = crate::config::ENV_TARGET)]
    pub to: Option<String>,

    /// Print one JSON object describing what was written: {"out", "count", "manifest"}.
    #[arg(long)]
    pub json: bool,

    #[command(flatten)]
    pub event_args: EventArgs,
}

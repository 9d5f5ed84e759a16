//! Arguments of `listen`, `events` and `replay`: clap types only.

use crate::units;
use clap::{Args, Subcommand, ValueEnum};
use std::time::Duration;

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct ListenArgs {
    /// Port to listen on; 0 picks a free one (the first line printed says which) [default: 4242].
    #[arg(long, value_name = "PORT", env = crate::config::ENV_PORT, value_parser = super::port)]
    pub port: Option<u16>,

    /// Address to bind. Anything but loopback exposes the endpoint to your network.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub host: String,

    /// Accept only this path and the paths below it (others get 404). Default: every path.
    #[arg(long, value_name = "PATH", env = crate::config::ENV_PATH)]
    pub path: Option<String>,

    /// Signing scheme (default: detected per request from its headers).
    #[arg(long, short = 'p', value_name = "PROVIDER", env = crate::config::ENV_PROVIDER, value_parser = super::ProviderParser)]
    pub provider: Option<crate::provider::Provider>,

    /// The endpoint's signing secret; repeat for a rotation (any of them verifies). Without it, the
    /// provider's primary variable (STRIPE_WEBHOOK_SECRET, …); the other variables (…_TEST, …_LIVE)
    /// are candidates: a request signed with one is rejected as wrong_secret, naming it.
    #[arg(long, short = 's', value_name = "SECRET", allow_hyphen_values = true)]
    pub secret: Vec<String>,

    /// Accepted timestamp age in seconds, either direction [default: the provider's own window: 300, Paddle 5, Linear 60].
    #[arg(long, value_name = "SECONDS", env = crate::config::ENV_TOLERANCE, value_parser = super::tolerance)]
    pub tolerance: Option<i64>,

    /// The URL the provider calls, for schemes that sign it (Twilio); default: rebuilt from each
    /// request's target and Host (X-Forwarded-Proto/-Host when a proxy sets them).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// One JSON object per line on stdout: the listening address, each request, the summary.
    #[arg(long)]
    pub json: bool,

    /// Print the full diagnosis and signature diff under every failed request.
    #[arg(long)]
    pub diagnose: bool,

    /// Answer every request with this status and/or after this delay, e.g. 500, 200:3s, :800ms.
    #[arg(long, value_name = "STATUS[:DELAY]", value_parser = crate::listen::Respond::parse)]
    pub respond: Option<crate::listen::Respond>,

    /// Proxy mode: forward each request byte for byte to your app and answer as it does.
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,

    /// Give up on the app after this long (proxy mode).
    #[arg(long, default_value = "30s", value_name = "DURATION", value_parser = units::duration)]
    pub forward_timeout: Duration,

    /// Flag an app that answers slower than this (GitHub gives up at 10 s).
    #[arg(long, default_value = "10s", value_name = "DURATION", value_parser = units::duration)]
    pub budget: Duration,

    /// Largest body accepted, e.g. 5MiB, 512KiB, 100000; larger gets 413 (GitHub sends up to 25 MB).
    #[arg(long, default_value = "5MiB", value_name = "SIZE", value_parser = units::size)]
    pub max_body: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerdictFilter {
    Valid,
    Invalid,
}

/// Filters over the requests `listen` recorded.
#[derive(Debug, Args, Clone)]
pub struct ReceivedFilterArgs {
    /// Only this event type; a trailing * matches a prefix (invoice.*).
    #[arg(long = "type", value_name = "TYPE")]
    pub event_type: Option<String>,

    /// Only valid or only invalid requests.
    #[arg(long, value_enum, value_name = "VERDICT")]
    pub verdict: Option<VerdictFilter>,

    /// Only requests received since then: a duration ago (30m, 2h, 7d) or an RFC 3339 time.
    #[arg(long, value_name = "WHEN", value_parser = units::since)]
    pub since: Option<units::Since>,

    /// Only dead letters: requests the app did not accept in proxy mode.
    #[arg(long)]
    pub dead_letters: bool,
}

/// `events list|show`, and the older spellings: `events` lists, `events ID` shows.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct EventsArgs {
    #[command(subcommand)]
    pub action: Option<EventsCommand>,

    /// Show this stored request in full (same as `events show ID`).
    #[arg(value_name = "ID")]
    pub id: Option<i64>,

    #[command(flatten)]
    pub list: EventsListArgs,

    /// With ID: print only the exact body bytes.
    #[arg(long, requires = "id")]
    pub body: bool,
}

#[derive(Debug, Subcommand)]
pub enum EventsCommand {
    /// List recorded requests, newest first.
    List(EventsListArgs),
    /// Show one recorded request in full.
    Show(EventsShowArgs),
}

#[derive(Debug, Args, Clone)]
pub struct EventsListArgs {
    #[command(flatten)]
    pub filter: ReceivedFilterArgs,

    /// List at most this many, newest first.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: i64,

    /// One JSON object per request.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct EventsShowArgs {
    /// The stored request's id (see `hookcli events list`).
    #[arg(value_name = "ID")]
    pub id: i64,

    /// Print only the exact body bytes.
    #[arg(long)]
    pub body: bool,

    /// One JSON object.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct ReplayArgs {
    /// Stored request ids (see `hookcli events`).
    #[arg(value_name = "ID")]
    pub ids: Vec<i64>,

    #[command(flatten)]
    pub filter: ReceivedFilterArgs,

    /// Where to send (default: the URL each request was forwarded to by `listen --forward-to`).
    #[arg(long, value_name = "URL")]
    pub to: Option<String>,

    /// Secrets to re-sign with, as `verify` takes them; a request is re-signed with a fresh timestamp
    /// when one of them is the secret that verified it.
    #[arg(long, short = 's', value_name = "SECRET", allow_hyphen_values = true)]
    pub secret: Vec<String>,

    /// Send the stored headers unchanged (no fresh signature).
    #[arg(long)]
    pub no_resign: bool,

    /// Give up on each delivery after this long.
    #[arg(long, default_value = "30s", value_name = "DURATION", value_parser = units::duration)]
    pub timeout: Duration,

    /// At most this many requests from a filter, newest first.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub limit: i64,

    /// One JSON object per replayed request.
    #[arg(long)]
    pub json: bool,
}

//! `hookcli send`: what the user typed.

use super::{EventArgs, EventNameParser};
use crate::units;
use clap::{Args, ValueEnum};
use std::time::Duration;

#[derive(Debug, Args)]
#[command(
    allow_negative_numbers = true,
    after_help = "\
TARGETS (--to):
  4242, :4242, localhost:4242   http://localhost:4242/webhooks (default path /webhooks)
  localhost:4242/hooks/stripe   http://localhost:4242/hooks/stripe
  http(s)://host:port/path      used exactly as given

EXIT STATUS:
  0 every delivery matched --expect, 1 one did not (or got no response), 2 usage error"
)]
pub struct SendArgs {
    /// Event types, payload files or directories of them, delivered in the order given; on a terminal, omit to pick one.
    /// A file is a template (fresh ids and `created`, re-serialized as the provider does) unless --raw.
    #[arg(value_name = "EVENT|FILE|DIR", value_parser = EventNameParser, hide_possible_values = true)]
    pub events: Vec<String>,

    /// Send each FILE's bytes exactly as they are, signed at send time: no new ids, no re-formatting.
    #[arg(long, requires = "events", conflicts_with_all = ["set", "unset", "count"])]
    pub raw: bool,

    /// Where to deliver: port, :port, host:port[/path] or a full http(s):// URL [default: localhost:4242].
    #[arg(long, short = 't', value_name = "TARGET", env = crate::config::ENV_TARGET)]
    pub to: Option<String>,

    /// The URL the provider has on file, for schemes that sign it (Twilio): sign for it even
    /// when delivering elsewhere (a tunnel's public URL, say).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    #[command(flatten)]
    pub event_args: EventArgs,

    /// Signing secret (default: the provider's variable, e.g. STRIPE_WEBHOOK_SECRET); for key-pair providers (SendGrid) a private key PEM, default hookcli's local test key.
    #[arg(long, short = 's', value_name = "SECRET", allow_hyphen_values = true)]
    pub secret: Option<String>,

    /// Deliver all the events in one request, as providers that batch events send them (SendGrid).
    #[arg(long, conflicts_with = "count")]
    pub batch: bool,

    /// Statuses that count as success: a status or class, comma-separated (e.g. 2xx,409).
    #[arg(long, value_name = "STATUS", default_value = "2xx")]
    pub expect: String,

    /// Give up on a response after this long (e.g. 500ms, 10s).
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = units::duration)]
    pub timeout: Duration,

    /// Flag responses slower than this, even successful ones: providers time out and retry.
    #[arg(long, value_name = "DURATION", default_value = "2s", value_parser = units::duration)]
    pub budget: Duration,

    /// One JSON object per delivery (in load mode: one summary object).
    #[arg(long)]
    pub json: bool,

    /// Print a curl command that reproduces each request byte for byte.
    #[arg(long)]
    pub print_curl: bool,

    /// Sign and print the requests (as curl commands) without sending anything.
    #[arg(long, conflicts_with = "count")]
    pub dry_run: bool,

    /// Accept any TLS certificate (self-signed local https).
    #[arg(long, short = 'k')]
    pub insecure: bool,

    /// Retry a delivery that gets no 2xx or times out, re-signed each time, on --retry-schedule.
    #[arg(long)]
    pub retry: bool,

    /// Wait before each attempt, comma-separated; implies --retry [default: 0s,10s,30s,2m,10m,30m,2h].
    #[arg(long, value_name = "LIST", value_parser = units::duration_list)]
    pub retry_schedule: Option<units::DurationList>,

    /// Multiply every retry wait by this (0.001 turns 2h into 7.2s).
    #[arg(long, value_name = "FACTOR", default_value_t = 1.0)]
    pub time_scale: f64,

    /// At most this many attempts per event (default: one per schedule entry).
    #[arg(long, value_name = "N")]
    pub max_attempts: Option<usize>,

    /// Stop retrying once this much (scaled) time has passed since the first attempt.
    #[arg(long, value_name = "DURATION", value_parser = units::duration)]
    pub max_retry_time: Option<Duration>,

    /// Deliver each event N times with the same id, re-signed each time (idempotency).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub duplicates: u32,

    /// Order of a sequence of events; shuffled uses --seed (printed when chosen at random).
    #[arg(long, value_enum, default_value_t = SendOrder::InOrder)]
    pub order: SendOrder,

    /// Load mode: send N uniquely signed copies of the event and print a summary.
    #[arg(long, short = 'n', value_name = "N", conflicts_with_all = ["retry", "retry_schedule", "max_attempts", "max_retry_time", "duplicates", "print_curl"])]
    pub count: Option<u64>,

    /// Load mode: requests in flight at once.
    #[arg(
        long,
        short = 'c',
        value_name = "C",
        default_value_t = 16,
        requires = "count"
    )]
    pub concurrency: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SendOrder {
    InOrder,
    Reversed,
    Shuffled,
}

//! `hookcli check`: what the user typed.

use crate::units;
use clap::{Args, ValueEnum};
use std::time::Duration;

#[derive(Debug, Args)]
#[command(after_help = "\
Sends a bounded battery of genuine, forged, malformed, duplicated and oversized deliveries to a
running endpoint and grades how it answers. Every check id is explained in docs/checks.md.

TARGETS (--to):
  3000, :3000, localhost:3000   http://localhost:3000/webhooks (default path /webhooks)
  localhost:3000/api/stripe     http://localhost:3000/api/stripe
  http(s)://host:port/path      used exactly as given; a host that is not loopback needs --allow-remote

THE OBSERVER (--probe-url):
  A GET on the URL answers with the app's side-effect count: a bare integer, or JSON holding
  exactly one number. The idempotency checks read it before and after; without it they are
  `unverified`, never `pass`.

EXIT STATUS:
  0 no check at or above --fail-on failed, 1 one did, 2 usage error or nothing to talk to")]
pub struct CheckArgs {
    /// The endpoint to audit: port, :port, host:port[/path] or a full http(s):// URL [default: localhost:4242].
    #[arg(long, short = 't', value_name = "TARGET", env = crate::config::ENV_TARGET)]
    pub to: Option<String>,

    /// Provider profile: stripe, github, standard, shopify, slack, zoom, discord, twilio or sendgrid (default: from hookcli.toml, else stripe).
    #[arg(long, short = 'p', value_name = "PROVIDER", value_parser = super::ProviderParser)]
    pub provider: Option<crate::provider::Provider>,

    /// The secret the app should verify with; repeat to add candidates (the first is the one it should hold). Key-pair providers (sendgrid): a private key, default hookcli's local test key.
    #[arg(long, short = 's', value_name = "SECRET")]
    pub secret: Vec<String>,

    /// The provider's timeout for an answer (default: per provider, e.g. 30s for Stripe, 10s for GitHub).
    #[arg(long, value_name = "DURATION", value_parser = units::duration)]
    pub budget: Option<Duration>,

    /// URL whose GET answers with the app's side-effect count (an integer, or JSON with one number).
    #[arg(long, value_name = "URL")]
    pub probe_url: Option<String>,

    /// Run only these checks (comma-separated ids, repeatable).
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub only: Vec<String>,

    /// Do not run these checks (comma-separated ids, repeatable).
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub skip: Vec<String>,

    /// Lowest severity whose failure fails the run (exit 1).
    #[arg(long, value_enum, default_value_t = FailOn::Critical, value_name = "SEVERITY")]
    pub fail_on: FailOn,

    /// Report format.
    #[arg(long, short = 'f', value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Same as --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,

    /// Allow a target that is not a loopback address (the audit sends forged, oversized and malformed requests).
    #[arg(long)]
    pub allow_remote: bool,

    /// Accept any TLS certificate (self-signed local https).
    #[arg(long, short = 'k')]
    pub insecure: bool,

    /// Stop sending once the answers have taken this long in total.
    #[arg(long, value_name = "DURATION", default_value = "5m", value_parser = units::duration)]
    pub max_time: Duration,

    /// Seed for event ids (default: random).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Critical,
    Warning,
    Info,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Grouped lines, failures explained, a summary.
    Human,
    /// One JSON document (docs/json.md).
    Json,
    /// JUnit XML, one testcase per check.
    Junit,
}

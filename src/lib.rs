//! hookcli: sign, send, receive and diagnose webhooks locally.

pub mod capture;
pub mod check;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod diagnose;
pub mod escape;
pub mod exit;
pub mod fixtures;
pub mod gather;
pub mod ids;
pub mod keystore;
pub mod listen;
pub mod output;
pub mod prompt;
pub mod provider;
pub mod render;
pub mod request;
pub mod secret;
pub mod send;
pub mod store;
pub mod style;
pub mod units;

use cli::{Cli, Command};
use exit::ExitStatus;

/// Parses the process's arguments; a parse error is reported in hookcli's
/// shape (one line and a hint) and becomes the exit status. Help and the
/// version are printed by clap.
pub fn parse() -> Result<Cli, ExitStatus> {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    Cli::parse_args(&args).map_err(|err| match cli::errors::usage_error(&err, &args) {
        Some(hinted) => {
            output::init_color(cli::ColorChoice::Auto);
            output::report_error(&hinted.into())
        }
        None => {
            let _ = err.print();
            if err.use_stderr() {
                ExitStatus::Error
            } else {
                ExitStatus::Success
            }
        }
    })
}

/// Runs one parsed command line and returns its exit status, having
/// reported any error.
pub fn run(cli: Cli) -> ExitStatus {
    output::init_color(cli.global.color);
    dispatch(&cli).unwrap_or_else(|err| output::report_error(&err))
}

fn dispatch(cli: &Cli) -> anyhow::Result<ExitStatus> {
    // Commands that need no configuration run even when hookcli.toml is broken.
    match &cli.command {
        Command::Completions(args) => return commands::completions::completions(args.shell),
        Command::Man(args) => return commands::man::run(args),
        Command::Config(args) => return commands::config::run(args, &cli.global),
        Command::Keys(args) => return commands::keys::run(args),
        _ => {}
    }
    let globals = commands::Globals::resolve(&cli.global)?;
    let g = &globals;
    match &cli.command {
        Command::Sign(args) => commands::sign::run(args, g),
        Command::Verify(args) => commands::verify::run(args, g),
        Command::Send(args) => commands::send::run(args, g),
        Command::Fixtures(cmd) => commands::fixtures::run(cmd, g),
        Command::Listen(args) => commands::listen::run(args, g),
        Command::Events(args) => commands::events::run(args, g),
        Command::Replay(args) => commands::replay::run(args, g),
        Command::Store(args) => commands::store::run(args, g),
        Command::Check(args) => commands::check::run(args, g),
        Command::Completions(_) | Command::Man(_) | Command::Config(_) | Command::Keys(_) => {
            Ok(ExitStatus::Success)
        }
    }
}

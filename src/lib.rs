//! hookcli: sign, send, receive and diagnose webhooks locally.

pub mod capture;
pub mod cli;
pub mod commands;
pub mod diagnose;
pub mod escape;
pub mod exit;
pub mod fixtures;
pub mod ids;
pub mod listen;
pub mod output;
pub mod provider;
pub mod render;
pub mod request;
pub mod secret;
pub mod send;
pub mod store;

use cli::{Cli, Command};
use exit::ExitStatus;

/// Runs one parsed command line and returns its exit status, having
/// reported any error.
pub fn run(cli: Cli) -> ExitStatus {
    output::init_color(cli.global.color);
    let globals = commands::Globals::resolve(&cli.global);
    let result = match &cli.command {
        Command::Sign(args) => commands::sign::run(args, &globals),
        Command::Verify(args) => commands::verify::run(args),
        Command::Send(args) => commands::send::run(args, &globals),
        Command::Fixtures(cmd) => commands::fixtures::run(cmd, &globals),
        Command::Completions(args) => commands::completions::completions(args.shell),
        Command::Man => commands::completions::man(),
        Command::Listen(args) => commands::listen::run(args, &globals),
        Command::Events(args) => commands::events::run(args, &globals),
        Command::Replay(args) => commands::replay::run(args, &globals),
    };
    result.unwrap_or_else(|err| output::report_error(&err))
}

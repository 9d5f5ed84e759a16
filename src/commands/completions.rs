//! `hookcli completions SHELL`: generated from the clap definition; the
//! committed copies in completions/ are checked by a test.

use crate::cli::Cli;
use crate::exit::ExitStatus;
use crate::output;
use clap::CommandFactory;

/// The completion script for `shell`, as bytes.
pub fn completion_script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "hookcli", &mut buf);
    if shell == clap_complete::Shell::Fish {
        buf.extend_from_slice(fish_event_names().as_bytes());
    }
    buf
}

/// Commands whose positional argument is an event name (or a file), as
/// fish's generated helpers name them.
const EVENT_COMMANDS: &[&str] = &[
    "__fish_hookcli_using_subcommand sign",
    "__fish_hookcli_using_subcommand send",
    "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from show generate",
];

/// clap_complete's fish script completes flags and subcommands but no
/// positional values: these lines add the built-in event names (files
/// still complete beside them). PowerShell's and elvish's scripts complete
/// flags, their values and subcommands only; the README says so.
fn fish_event_names() -> String {
    let names = crate::cli::event_names();
    let mut out =
        String::from("\n# Built-in event names for EVENT arguments (added by hookcli).\n");
    for condition in EVENT_COMMANDS {
        out.push_str(&format!(
            "complete -c hookcli -n \"{condition}\" -a \"{}\"\n",
            names.join(" ")
        ));
    }
    out
}

pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitStatus> {
    output::stdout_bytes(&completion_script(shell))?;
    Ok(ExitStatus::Success)
}

//! `hookcli completions SHELL` and `hookcli man`: generated from the same
//! clap definition; the committed copies in completions/ are checked by a test.

use crate::cli::Cli;
use crate::exit::ExitStatus;
use crate::output;
use clap::CommandFactory;

/// The completion script for `shell`, as bytes.
pub fn completion_script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "hookcli", &mut buf);
    buf
}

/// The man page, as roff.
pub fn man_page() -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
    Ok(buf)
}

pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitStatus> {
    output::stdout_bytes(&completion_script(shell))?;
    Ok(ExitStatus::Success)
}

pub fn man() -> anyhow::Result<ExitStatus> {
    output::stdout_bytes(&man_page()?)?;
    Ok(ExitStatus::Success)
}

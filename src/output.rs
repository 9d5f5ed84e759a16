//! The only code that writes to the terminal. Colour is decided once, here.

use crate::cli::ColorChoice;
use crate::exit::{ExitStatus, Hinted};
use colored::Colorize;
use std::io::{self, IsTerminal, Write};

/// Decides colour once: `--color always|never` beats `NO_COLOR`, which
/// beats `CLICOLOR_FORCE`, which beats whether stdout is a terminal.
pub fn init_color(choice: ColorChoice) {
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let force =
                std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
            !no_color && (force || io::stdout().is_terminal())
        }
    };
    colored::control::set_override(on);
}

/// Whether colour was chosen for this run.
pub fn color_enabled() -> bool {
    colored::control::SHOULD_COLORIZE.should_colorize()
}

/// Writes text to stdout, treating a closed pipe as a normal end.
pub fn stdout(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Writes raw bytes to stdout (exact bodies).
pub fn stdout_bytes(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

/// Prints one JSON value on its own line, with control and bidi
/// characters as `\u` escapes (JSON lines often end up on a terminal).
pub fn json(value: &serde_json::Value) -> io::Result<()> {
    stdout(&format!("{}\n", crate::escape::json_for_terminal(value)))
}

/// A note for the person at the terminal (stderr, so stdout stays data).
pub fn note(text: &str) {
    let _ = writeln!(io::stderr(), "{text}");
}

/// Reports an error on stderr as one line plus an optional hint, and returns
/// the exit status it means. A broken pipe on stdout ends quietly.
pub fn report_error(err: &anyhow::Error) -> ExitStatus {
    if let Some(io_err) = err.downcast_ref::<io::Error>()
        && io_err.kind() == io::ErrorKind::BrokenPipe
    {
        return ExitStatus::Success;
    }
    let (message, hint, status) = match err.downcast_ref::<Hinted>() {
        Some(h) => (h.message.clone(), h.hint.clone(), h.status),
        None => (format!("{err:#}"), None, ExitStatus::Error),
    };
    let stderr_color = color_enabled() && io::stderr().is_terminal();
    let label = if stderr_color {
        "error:".red().bold().to_string()
    } else {
        "error:".to_string()
    };
    let mut text = format!("{label} {}\n", crate::escape::for_terminal(&message));
    if let Some(hint) = hint {
        let label = if stderr_color {
            "hint:".cyan().to_string()
        } else {
            "hint:".to_string()
        };
        text.push_str(&format!("  {label} {hint}\n"));
    }
    let _ = io::stderr().write_all(text.as_bytes());
    status
}

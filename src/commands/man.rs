//! `hookcli man [COMMAND…]` and `hookcli man --out DIR`: the man pages,
//! one for `hookcli` and one per subcommand (`hookcli-sign(1)`,
//! `hookcli-fixtures-generate(1)`, …), each with EXIT STATUS, ENVIRONMENT
//! and FILES sections. Generated from the clap definition; the committed
//! copies in completions/man/ are checked by a test.

use crate::cli::{Cli, ManArgs};
use crate::exit::{ExitStatus, Hinted};
use crate::output;
use clap::CommandFactory;
use std::io::Write;

/// Every page as (file name, roff), the top-level page first.
pub fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut out = Vec::new();
    collect(&cmd, &[], &mut out)?;
    Ok(out)
}

fn collect(
    cmd: &clap::Command,
    path: &[String],
    out: &mut Vec<(String, Vec<u8>)>,
) -> std::io::Result<()> {
    let page_name = std::iter::once("hookcli".to_string())
        .chain(path.iter().cloned())
        .collect::<Vec<_>>()
        .join("-");
    out.push((format!("{page_name}.1"), render(cmd, &page_name, path)?));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let mut sub_path = path.to_vec();
        sub_path.push(sub.get_name().to_string());
        collect(sub, &sub_path, out)?;
    }
    Ok(())
}

fn render(cmd: &clap::Command, page_name: &str, path: &[String]) -> std::io::Result<Vec<u8>> {
    let man = clap_mangen::Man::new(cmd.clone().name(page_name.to_string()));
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut buf)?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut buf)?;
    }
    if cmd.get_after_help().is_some() || cmd.get_after_long_help().is_some() {
        man.render_extra_section(&mut buf)?;
    }
    let first = path.first().map(String::as_str).unwrap_or("");
    section(&mut buf, "EXIT STATUS", &exit_status(first))?;
    section(&mut buf, "ENVIRONMENT", &environment())?;
    section(&mut buf, "FILES", &files())?;
    man.render_version_section(&mut buf)?;
    Ok(buf)
}

/// Writes a section of tagged paragraphs.
fn section(buf: &mut Vec<u8>, title: &str, items: &[(String, String)]) -> std::io::Result<()> {
    writeln!(buf, ".SH \"{title}\"")?;
    for (tag, text) in items {
        writeln!(buf, ".TP\n{}\n{}", roff_text(tag), roff_text(text))?;
    }
    Ok(())
}

/// Text safe in roff: backslashes and hyphens escaped, no line starting
/// with a control character.
fn roff_text(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

fn pair(tag: &str, text: &str) -> (String, String) {
    (tag.to_string(), text.to_string())
}

/// What each exit code means for `command` (`""` for the top-level page).
fn exit_status(command: &str) -> Vec<(String, String)> {
    let one = match command {
        "verify" => "The signature is invalid.",
        "send" => "A delivery did not match --expect, or got no response.",
        "replay" => "A replayed request was not answered with a 2xx.",
        "check" => "A check at or above --fail-on failed (docs/checks.md).",
        "fixtures" => "fixtures list found no event type with the prefix.",
        "store" => "store clear was declined at the prompt.",
        "sign" | "listen" | "events" | "config" | "completions" | "man" => {
            "Not used by this command."
        }
        _ => {
            "The check failed: an invalid signature, a delivery that did not match --expect, \
             nothing found, a declined prompt."
        }
    };
    let mut items = vec![
        pair(
            "0",
            "Success: the signature is valid, every delivery matched --expect.",
        ),
        pair("1", one),
        pair(
            "2",
            "Usage or I/O error: an unknown event, malformed JSON, a bad flag or hookcli.toml, \
             a missing secret, an unreadable file. The error is one line on standard error, \
             followed by a hint.",
        ),
    ];
    if matches!(command, "listen" | "") {
        items.push(pair(
            "130",
            "listen was stopped by a second Ctrl-C while requests were still being answered.",
        ));
    }
    items
}

fn environment() -> Vec<(String, String)> {
    use crate::config::*;
    let mut items = vec![
        pair(
            "HOOKCLI_STORE",
            "The event store database; off records nothing (as --no-store).",
        ),
        pair(
            ENV_CONFIG,
            "The project config file, instead of searching for hookcli.toml.",
        ),
        pair(
            ENV_PROVIDER,
            "The signing scheme for verify and listen (provider = in hookcli.toml).",
        ),
        pair(
            ENV_TOLERANCE,
            "Accepted timestamp age in seconds (tolerance =).",
        ),
        pair(ENV_TARGET, "Where send delivers ([send] to =)."),
        pair(
            ENV_RETRY_SCHEDULE,
            "Waits before each attempt with --retry ([send] retry_schedule =).",
        ),
        pair(ENV_PORT, "The port listen binds ([listen] port =)."),
        pair(ENV_PATH, "The path listen accepts ([listen] path =)."),
        pair(
            "HOOKCLI_SECRET_ENV_<PROVIDER>",
            "Comma-separated names of variables holding a provider's secrets, tried first \
             ([secret_env] in hookcli.toml).",
        ),
    ];
    for p in crate::provider::Provider::ALL {
        items.push(pair(
            &p.secret_env_vars().join(", "),
            &format!(
                "The signing secret for {}, when --secret is not given.",
                p.spec().display
            ),
        ));
    }
    items.push(pair("NO_COLOR", "No colour, unless --color always."));
    items.push(pair(
        "CLICOLOR_FORCE",
        "Colour even in pipes, unless NO_COLOR or --color never.",
    ));
    items
}

fn files() -> Vec<(String, String)> {
    vec![
        pair(
            "hookcli.toml",
            "Project defaults, found from the current directory upward; names of secret \
             variables, never secrets.",
        ),
        pair(
            "~/.local/share/hookcli/events.db",
            "The event store (the platform's data directory), with its events.db-wal log: \
             what sign, send, fixtures generate and listen signed, sent and received.",
        ),
    ]
}

pub fn run(args: &ManArgs) -> anyhow::Result<ExitStatus> {
    let pages = pages()?;
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir)?;
        for (name, roff) in &pages {
            std::fs::write(dir.join(name), roff)?;
        }
        output::note(&format!(
            "wrote {} man pages to {}",
            pages.len(),
            dir.display()
        ));
        return Ok(ExitStatus::Success);
    }
    let wanted = std::iter::once("hookcli")
        .chain(args.command.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("-");
    let file = format!("{wanted}.1");
    match pages.iter().find(|(name, _)| *name == file) {
        Some((_, roff)) => output::stdout_bytes(roff)?,
        None => {
            return Err(Hinted::usage(
                format!("no man page for `{}`", wanted.replace('-', " ")),
                "name a subcommand, e.g. `hookcli man sign` or `hookcli man fixtures generate`",
            )
            .into());
        }
    }
    Ok(ExitStatus::Success)
}

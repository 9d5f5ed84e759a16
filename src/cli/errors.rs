//! clap's parse errors made into hookcli's shape: one line, then a hint
//! that names what to type. clap's own tips are dropped: its "to pass '-1'
//! as a value, use '-- -1'" would turn a flag's value into an event name.

use crate::exit::{ExitStatus, Hinted};
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The usage error for a failed parse of `args` (the process's arguments,
/// program name first), or `None` when clap is showing help or the version
/// (which it prints itself).
pub fn usage_error(err: &clap::Error, args: &[String]) -> Option<Hinted> {
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return None;
    }
    let command = usage_command(err).unwrap_or_else(|| typed_command(args));
    if let Some(invalid) = invalid_value(err) {
        return Some(invalid_value_error(
            err, &invalid.0, invalid.1, &command, args,
        ));
    }
    let rendered = err.render().to_string();
    let message = rendered
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("invalid arguments")
        .trim_start_matches("error:")
        .trim()
        .to_string();
    Some(Hinted {
        message,
        hint: Some(hint(err, &command)),
        status: ExitStatus::Error,
    })
}

/// A value its parser refused: the parser's sentence, and its hint when it has one.
fn invalid_value(err: &clap::Error) -> Option<(String, Option<&'static str>)> {
    use std::error::Error as _;
    if err.kind() != ErrorKind::ValueValidation {
        return None;
    }
    let source = err.source()?;
    let hint = source
        .downcast_ref::<crate::units::Invalid>()
        .map(|invalid| invalid.hint);
    Some((source.to_string(), hint))
}

/// `--timeout: '-1' is not a duration`, as a resolve step would say it;
/// a value clap read from the environment is named by its variable
/// (`HOOKCLI_PORT: 'x' is not a port`).
fn invalid_value_error(
    err: &clap::Error,
    why: &str,
    hint: Option<&'static str>,
    command: &str,
    args: &[String],
) -> Hinted {
    let arg = strings(err, ContextKind::InvalidArg);
    let flag = arg
        .first()
        .and_then(|a| a.split_whitespace().next())
        .unwrap_or("a value");
    let named = env_origin(flag, args).unwrap_or_else(|| flag.to_string());
    Hinted {
        message: format!("{named}: {why}"),
        hint: Some(hint.map_or_else(|| format!("see `{command} --help`"), str::to_string)),
        status: ExitStatus::Error,
    }
}

fn strings(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

fn hint(err: &clap::Error, command: &str) -> String {
    let sub = strings(err, ContextKind::SuggestedSubcommand);
    if let Some(s) = sub.first() {
        return format!("did you mean `{command} {s}`?");
    }
    let arg = strings(err, ContextKind::SuggestedArg);
    if let Some(a) = arg.first() {
        return format!("did you mean {a}? (see `{command} --help`)");
    }
    let value = strings(err, ContextKind::SuggestedValue);
    if let Some(v) = value.first() {
        return format!("did you mean '{v}'?");
    }
    let valid = strings(err, ContextKind::ValidValue);
    if !valid.is_empty() && valid.len() <= 12 {
        return format!("one of: {}", valid.join(", "));
    }
    let subs = strings(err, ContextKind::ValidSubcommand);
    if !subs.is_empty() {
        return format!("one of: {}", subs.join(", "));
    }
    format!("see `{command} --help`")
}

/// The subcommand path the user typed (`hookcli fixtures generate`), read
/// from the arguments against the command tree.
fn typed_command(args: &[String]) -> String {
    typed_subcommand(args).1.join(" ")
}

/// The deepest subcommand named in `args`, and the names leading to it.
fn typed_subcommand(args: &[String]) -> (clap::Command, Vec<String>) {
    use clap::CommandFactory;
    let mut cmd = crate::cli::Cli::command();
    let mut path = vec!["hookcli".to_string()];
    for arg in args.iter().skip(1) {
        let Some(sub) = cmd.find_subcommand(arg).cloned() else {
            continue;
        };
        path.push(sub.get_name().to_string());
        cmd = sub;
    }
    (cmd, path)
}

/// The variable `flag`'s value came from, when the flag has one, was not
/// typed, and the variable is set: clap then read the value from it.
fn env_origin(flag: &str, args: &[String]) -> Option<String> {
    let long = flag.strip_prefix("--")?;
    let (cmd, _) = typed_subcommand(args);
    let arg = cmd.get_arguments().find(|a| a.get_long() == Some(long))?;
    let typed = |word: &String| {
        word.strip_prefix(flag)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('='))
            || arg.get_short().is_some_and(|c| {
                word.strip_prefix('-')
                    .is_some_and(|rest| !rest.starts_with('-') && rest.starts_with(c))
            })
    };
    if args.iter().skip(1).any(typed) {
        return None;
    }
    let var = arg.get_env()?;
    std::env::var_os(var)?;
    Some(var.to_string_lossy().into_owned())
}

/// `hookcli send` from clap's "Usage: hookcli send [OPTIONS] …".
fn usage_command(err: &clap::Error) -> Option<String> {
    let usage = strings(err, ContextKind::Usage).into_iter().next()?;
    let line = usage.lines().find(|l| l.contains("hookcli"))?;
    let words: Vec<&str> = line
        .split_whitespace()
        .skip_while(|w| *w != "hookcli")
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    fn error_of(args: &[&str]) -> Hinted {
        let err = Cli::try_parse_from(args).unwrap_err();
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        usage_error(&err, &args).expect("a usage error")
    }

    #[test]
    fn unknown_flags_suggest_and_never_tip_double_dash() {
        let e = error_of(&["hookcli", "sign", "x", "--formt", "json"]);
        assert!(e.message.contains("--formt"), "{}", e.message);
        assert!(!e.message.contains('\n'));
        let hint = e.hint.unwrap();
        assert!(hint.contains("--format"), "{hint}");
        assert!(!hint.contains("'--'"), "{hint}");
    }

    #[test]
    fn no_suggestion_names_the_help_of_the_command() {
        let e = error_of(&["hookcli", "send", "x", "--bogus"]);
        assert_eq!(e.hint.unwrap(), "see `hookcli send --help`");
        let e = error_of(&["hookcli", "send", "x", "--max-attempts", "-1"]);
        assert_eq!(e.hint.unwrap(), "see `hookcli send --help`");
    }

    #[test]
    fn a_refused_value_names_the_flag_and_its_syntax() {
        let e = error_of(&["hookcli", "send", "x", "--timeout", "-1"]);
        assert_eq!(e.message, "--timeout: '-1' is not a duration");
        assert_eq!(e.hint.as_deref(), Some(crate::units::DURATION_HINT));
        let e = error_of(&["hookcli", "listen", "--max-body", "lots"]);
        assert_eq!(e.message, "--max-body: 'lots' is not a size");
        assert_eq!(e.hint.as_deref(), Some(crate::units::SIZE_HINT));
    }
}

//! Project defaults from `hookcli.toml`, and where each effective setting
//! comes from.
//!
//! Precedence, highest first: a command-line flag, then an environment
//! variable (`HOOKCLI_*`), then the config file, then hookcli's default.
//! The file is `--config PATH`, else `$HOOKCLI_CONFIG`, else the first
//! `hookcli.toml` found from the current directory upward.
//!
//! The file holds names of secret variables, never secrets: a key that is
//! not listed here is an error, and a value that looks like a secret is
//! refused. Everything here is pure except [`discover`] and [`load`].

mod checked;

use crate::exit::Hinted;
use crate::provider::Provider;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The file name searched for from the current directory upward.
pub const FILE_NAME: &str = "hookcli.toml";

/// Defaults when neither flag, variable nor file sets a value.
pub const DEFAULT_TARGET: &str = "localhost:4242";
pub const DEFAULT_TOLERANCE: i64 = 300;
pub const DEFAULT_PORT: u16 = 4242;
pub const DEFAULT_RETRY_SCHEDULE: &str = crate::send::retry::DEFAULT_SCHEDULE;

/// `hookcli.toml` as written. Unknown keys are errors, so a typo (or a
/// `secret = …`) is caught rather than silently ignored.
#[derive(Debug, Default, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// Default signing scheme: a provider id from the registry (`provider::ALL`).
    #[serde(default, deserialize_with = "checked::provider")]
    pub provider: Option<String>,
    /// Accepted timestamp age in seconds (verify, listen).
    #[serde(default, deserialize_with = "checked::seconds")]
    pub tolerance: Option<i64>,
    /// Per provider, names of environment variables holding its secrets,
    /// looked at before the provider's usual ones.
    #[serde(default)]
    pub secret_env: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub send: SendSection,
    #[serde(default)]
    pub listen: ListenSection,
}

#[derive(Debug, Default, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SendSection {
    /// Where `send` delivers (and the URL `sign --format curl|http` shows).
    #[serde(default, deserialize_with = "checked::target")]
    pub to: Option<String>,
    /// Waits before each attempt when retrying, comma-separated.
    #[serde(default, deserialize_with = "checked::schedule")]
    pub retry_schedule: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ListenSection {
    pub port: Option<u16>,
    #[serde(default, deserialize_with = "checked::path")]
    pub path: Option<String>,
}

/// Where an effective value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Env(String),
    File(PathBuf),
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Env(var) => write!(f, "env {var}"),
            Source::File(path) => write!(f, "file {}", path.display()),
            Source::Default => f.write_str("default"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

/// The settings under the flags: the file and default, and the variables
/// no flag reads (see [`ENV_PROVIDER`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Effective {
    /// The config file in use, if any.
    pub file: Option<PathBuf>,
    pub provider: Sourced<Option<Provider>>,
    pub tolerance: Sourced<i64>,
    pub target: Sourced<String>,
    pub retry_schedule: Sourced<String>,
    pub listen_port: Sourced<u16>,
    pub listen_path: Sourced<Option<String>>,
    /// Extra secret variable names per provider (before the usual ones).
    pub secret_env: BTreeMap<Provider, Sourced<Vec<String>>>,
}

/// Environment variables hookcli's settings read. Those with a flag are
/// read by clap (`env =` on the flag), so a flag beats its variable and
/// both go through the flag's parser; the retry schedule's flag implies
/// `--retry`, and the secret variables have no flag, so [`Effective`]
/// reads those two itself.
pub const ENV_PROVIDER: &str = "HOOKCLI_PROVIDER";
pub const ENV_TOLERANCE: &str = "HOOKCLI_TOLERANCE";
pub const ENV_TARGET: &str = "HOOKCLI_TO";
pub const ENV_RETRY_SCHEDULE: &str = "HOOKCLI_RETRY_SCHEDULE";
pub const ENV_PORT: &str = "HOOKCLI_PORT";
pub const ENV_PATH: &str = "HOOKCLI_PATH";
pub const ENV_CONFIG: &str = "HOOKCLI_CONFIG";

/// `HOOKCLI_SECRET_ENV_<PROVIDER>`: comma-separated variable names.
pub fn secret_env_var(provider: Provider) -> String {
    format!(
        "HOOKCLI_SECRET_ENV_{}",
        provider.name().to_ascii_uppercase()
    )
}

/// A setting the file (`file`, its source) sets, else its default.
fn layer<T>(value: Option<T>, default: T, file: &Source) -> Sourced<T> {
    match value {
        Some(value) => Sourced {
            value,
            source: file.clone(),
        },
        None => Sourced {
            value: default,
            source: Source::Default,
        },
    }
}

impl Effective {
    /// The layers under the flags: the file (its values were checked as it
    /// was read), else the default; for the retry schedule and the secret
    /// variables, which no flag reads from the environment, the variable
    /// first (`env` looks one up; empty is unset), checked with its name.
    pub fn resolve(
        file: Option<(&Path, &FileConfig)>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Effective, Hinted> {
        let empty = FileConfig::default();
        let (path, cfg) = match file {
            Some((p, c)) => (Some(p.to_path_buf()), c),
            None => (None, &empty),
        };
        let from_file = Source::File(path.clone().unwrap_or_default());
        let var = |name: &str| {
            env(name)
                .filter(|v| !v.trim().is_empty())
                .map(|v| (v, Source::Env(name.to_string())))
        };

        let retry_schedule = match var(ENV_RETRY_SCHEDULE) {
            Some((v, source)) => {
                crate::send::retry::parse_schedule(&v).map_err(|e| {
                    Hinted::usage(format!("{source}: {e}"), "write waits like 0s,10s,30s,2m")
                })?;
                Sourced { value: v, source }
            }
            None => layer(
                cfg.send.retry_schedule.clone(),
                DEFAULT_RETRY_SCHEDULE.to_string(),
                &from_file,
            ),
        };

        let mut secret_env = BTreeMap::new();
        for (name, names) in &cfg.secret_env {
            let provider = name.parse::<Provider>().map_err(|_| {
                Hinted::usage(
                    format!("{from_file}: '{name}' is not a provider"),
                    format!("secret_env keys are {}", Provider::names()),
                )
            })?;
            for n in names {
                check_variable_name(n, &from_file)?;
            }
            secret_env.insert(provider, layer(Some(names.clone()), Vec::new(), &from_file));
        }
        for &provider in Provider::ALL {
            let Some((v, source)) = var(&secret_env_var(provider)) else {
                secret_env
                    .entry(provider)
                    .or_insert_with(|| layer(None, Vec::new(), &from_file));
                continue;
            };
            let names: Vec<String> = v
                .split(',')
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty())
                .collect();
            for n in &names {
                check_variable_name(n, &source)?;
            }
            secret_env.insert(
                provider,
                Sourced {
                    value: names,
                    source,
                },
            );
        }

        Ok(Effective {
            provider: layer(
                cfg.provider
                    .as_deref()
                    .and_then(|p| p.parse().ok())
                    .map(Some),
                None,
                &from_file,
            ),
            tolerance: layer(cfg.tolerance, DEFAULT_TOLERANCE, &from_file),
            target: layer(cfg.send.to.clone(), DEFAULT_TARGET.to_string(), &from_file),
            retry_schedule,
            listen_port: layer(cfg.listen.port, DEFAULT_PORT, &from_file),
            listen_path: layer(cfg.listen.path.clone().map(Some), None, &from_file),
            secret_env,
            file: path,
        })
    }

    /// Every variable that may hold `provider`'s secrets: the configured
    /// ones first, then the provider's usual ones.
    pub fn secret_vars(&self, provider: Provider) -> Vec<String> {
        let mut vars: Vec<String> = self
            .secret_env
            .get(&provider)
            .map(|s| s.value.clone())
            .unwrap_or_default();
        for v in provider.secret_env_vars() {
            if !vars.iter().any(|x| x == v) {
                vars.push((*v).to_string());
            }
        }
        vars
    }
}

/// Secret variable names must be names, not secrets pasted by mistake.
fn check_variable_name(name: &str, source: &Source) -> Result<(), Hinted> {
    let looks_like_name = name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    let looks_like_secret = ["whsec_", "sk_", "rk_", "pk_", "MFkw"]
        .iter()
        .any(|p| name.starts_with(p));
    if looks_like_name && !looks_like_secret {
        return Ok(());
    }
    Err(Hinted::usage(
        format!("{source}: secret_env holds something that is not a variable name"),
        "list the names of environment variables (e.g. ACME_STRIPE_SECRET), never the secrets",
    ))
}

/// The config file to use: the one named (`--config`, else
/// `$HOOKCLI_CONFIG`, which clap reads; empty names none), else the first
/// `hookcli.toml` from `cwd` upward. A named file must exist.
pub fn discover(named: Option<&Path>, cwd: &Path) -> Result<Option<PathBuf>, Hinted> {
    if let Some(path) = named.filter(|p| !p.as_os_str().is_empty()) {
        let path = path.to_path_buf();
        if !path.is_file() {
            return Err(Hinted::usage(
                format!("config file {} does not exist", path.display()),
                format!(
                    "check --config / {ENV_CONFIG}, or create it (see `hookcli config --init`)"
                ),
            ));
        }
        return Ok(Some(path));
    }
    Ok(cwd
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|p| p.is_file()))
}

/// Reads and parses a config file; errors name file:line:column.
pub fn load(path: &Path) -> Result<FileConfig, Hinted> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Hinted::usage(
            format!("cannot read {}: {e}", path.display()),
            "check the path and permissions of the config file",
        )
    })?;
    parse(&text).map_err(|(line, column, message)| {
        Hinted::usage(
            format!("{}:{line}:{column}: {message}", path.display()),
            "`hookcli config --init` writes a commented example of every key",
        )
    })
}

/// Parses config text; an error is (line, column, message), 1-based.
pub fn parse(text: &str) -> Result<FileConfig, (usize, usize, String)> {
    toml::from_str::<FileConfig>(text).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0).min(text.len());
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map(|i| i + 1).unwrap_or(0) + 1;
        let message = e.message().trim().to_string();
        let message = if message.contains("unknown field `secret") {
            format!(
                "{message}; hookcli.toml never holds secrets, name their variables in [secret_env]"
            )
        } else {
            message
        };
        (line, column, message)
    })
}

/// A commented starting point for `hookcli config --init`.
pub const TEMPLATE: &str = r#"# hookcli.toml: project defaults for hookcli.
# Precedence: command-line flag > HOOKCLI_* environment variable > this file > built-in default.
# Never put secrets here: name the environment variables that hold them.

# Signing scheme when hookcli cannot tell: a provider id (`hookcli fixtures list --help` lists them).  (HOOKCLI_PROVIDER)
# provider = "stripe"

# Accepted signature age in seconds, either direction.  (HOOKCLI_TOLERANCE)
# tolerance = 300

# Variables holding your secrets, looked at before the usual ones
# (STRIPE_WEBHOOK_SECRET, STRIPE_WEBHOOK_SECRET_TEST, STRIPE_WEBHOOK_SECRET_LIVE, …;
# for SendGrid the verification key: SENDGRID_WEBHOOK_VERIFICATION_KEY, SENDGRID_WEBHOOK_PUBLIC_KEY).
# (HOOKCLI_SECRET_ENV_STRIPE, _GITHUB, _STANDARD, _SENDGRID: comma-separated)
[secret_env]
# stripe = ["ACME_STRIPE_WEBHOOK_SECRET"]
# sendgrid = ["ACME_SENDGRID_VERIFICATION_KEY"]

[send]
# Where `hookcli send` delivers: port, host:port/path or a URL.  (HOOKCLI_TO)
# to = "localhost:3000/api/webhooks/stripe"
# Waits before each attempt with --retry.  (HOOKCLI_RETRY_SCHEDULE)
# retry_schedule = "0s,10s,30s,2m,10m,30m,2h"

[listen]
# (HOOKCLI_PORT, HOOKCLI_PATH)
# port = 4242
# path = "/webhooks"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    const FILE: &str = r#"
provider = "github"
tolerance = 600
[secret_env]
stripe = ["ACME_STRIPE"]
[send]
to = "localhost:3000/hooks"
[listen]
port = 5000
path = "/in"
"#;

    /// Variables with a flag are clap's (tests/it/config.rs): here they
    /// are ignored, and the two without one beat the file.
    #[test]
    fn file_beats_default_and_flagless_variables_beat_the_file() {
        let cfg = parse(FILE).unwrap();
        let path = Path::new("/p/hookcli.toml");
        let eff = Effective::resolve(
            Some((path, &cfg)),
            &env_of(&[
                ("HOOKCLI_TOLERANCE", "30"),
                ("HOOKCLI_RETRY_SCHEDULE", "1s,2s"),
                ("HOOKCLI_SECRET_ENV_GITHUB", " "),
            ]),
        )
        .unwrap();
        assert_eq!(eff.tolerance.value, 600);
        assert_eq!(eff.tolerance.source, Source::File(path.to_path_buf()));
        assert_eq!(eff.retry_schedule.value, "1s,2s");
        assert_eq!(
            eff.retry_schedule.source,
            Source::Env("HOOKCLI_RETRY_SCHEDULE".into())
        );
        assert_eq!(
            eff.secret_env[&crate::provider::GITHUB].source,
            Source::Default
        );
        assert_eq!(eff.listen_port.value, 5000);
        assert_eq!(eff.provider.value, Some(crate::provider::GITHUB));
        assert_eq!(eff.provider.source, Source::File(path.to_path_buf()));
        assert_eq!(eff.target.value, "localhost:3000/hooks");
        assert_eq!(
            eff.secret_vars(crate::provider::STRIPE),
            [
                "ACME_STRIPE",
                "STRIPE_WEBHOOK_SECRET",
                "STRIPE_WEBHOOK_SECRET_TEST",
                "STRIPE_WEBHOOK_SECRET_LIVE"
            ]
        );
        let none = Effective::resolve(None, &env_of(&[])).unwrap();
        assert_eq!(none.retry_schedule.source, Source::Default);
        assert_eq!(none.tolerance.value, DEFAULT_TOLERANCE);
        assert_eq!(none.target.value, DEFAULT_TARGET);
        assert_eq!(none.listen_path.value, None);
    }

    #[test]
    fn errors_point_at_the_line_and_refuse_secrets() {
        let (line, col, msg) =
            parse("provider = \"stripe\"\nsecret = \"whsec_abc\"\n").unwrap_err();
        assert_eq!((line, col), (2, 1), "{msg}");
        assert!(msg.contains("never holds secrets"), "{msg}");
        let (line, _, _) = parse("[listen]\nport = \"x\"\n").unwrap_err();
        assert_eq!(line, 2);
        let cfg = parse("[secret_env]\nstripe = [\"whsec_pasted\"]\n").unwrap();
        let err = Effective::resolve(Some((Path::new("h.toml"), &cfg)), &env_of(&[])).unwrap_err();
        assert!(err.hint.unwrap().contains("never the secrets"));
        assert!(!err.message.contains("whsec_pasted"));
    }

    #[test]
    fn bad_values_name_their_source() {
        let err = Effective::resolve(None, &env_of(&[("HOOKCLI_SECRET_ENV_STRIPE", "whsec_x")]))
            .unwrap_err();
        assert!(
            err.message.contains("HOOKCLI_SECRET_ENV_STRIPE"),
            "{}",
            err.message
        );
        let (line, _, msg) = parse("[listen]\npath = \"webhooks\"\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(msg.contains("start with /"), "{msg}");
    }

    #[test]
    fn values_are_checked_where_they_are_written() {
        let (line, col, msg) = parse("tolerance = \"5m\"\n").unwrap_err();
        assert_eq!((line, col), (1, 13), "{msg}");
        assert!(msg.contains("whole number of seconds"), "{msg}");
        let (line, col, msg) = parse("[send]\nretry_schedule = \"1s,abc\"\n").unwrap_err();
        assert_eq!((line, col), (2, 18), "{msg}");
        assert!(msg.contains("'abc' is not a duration"), "{msg}");
        let (line, _, msg) = parse("\n[send]\nto = \"ftp://x\"\n").unwrap_err();
        assert_eq!(line, 3, "{msg}");
        let err =
            Effective::resolve(None, &env_of(&[("HOOKCLI_RETRY_SCHEDULE", "1s,x")])).unwrap_err();
        assert!(
            err.message.contains("HOOKCLI_RETRY_SCHEDULE"),
            "{}",
            err.message
        );
    }

    #[test]
    fn template_parses_and_is_all_defaults() {
        assert_eq!(parse(TEMPLATE).unwrap(), FileConfig::default());
    }
}

//! `hookcli config`: the effective settings and where each came from, and
//! `--init` to write a commented `hookcli.toml`.

use super::Globals;
use crate::cli::{ConfigArgs, GlobalArgs};
use crate::config::{self, Effective, Source, Sourced};
use crate::exit::{ExitStatus, Hinted};
use crate::output;
use crate::provider::Provider;
use crate::secret::Secret;
use serde_json::{Value, json};

pub fn run(args: &ConfigArgs, global: &GlobalArgs) -> anyhow::Result<ExitStatus> {
    if args.init {
        return init();
    }
    let mut globals = Globals::resolve(global)?;
    from_environment(&mut globals.config)?;
    let rows = rows(&globals.config);
    if args.json {
        output::json(&to_json(&globals, &rows))?;
    } else {
        output::stdout(&human(&globals, &rows))?;
    }
    Ok(ExitStatus::Success)
}

/// The settings clap reads from the environment for the commands that
/// use them, read the same way: bare `hookcli listen` and `hookcli check`
/// command lines parsed against this process's environment, so a value is
/// shown (or refused, naming its variable) exactly as those commands would.
fn from_environment(c: &mut Effective) -> Result<(), Hinted> {
    use crate::cli::{Cli, Command};
    let parse = |sub: &str| {
        let args = ["hookcli".to_string(), sub.to_string()];
        Cli::parse_args(&args).map_err(|err| {
            crate::cli::errors::usage_error(&err, &args)
                .unwrap_or_else(|| Hinted::usage(err.to_string(), "see `hookcli config --help`"))
        })
    };
    fn overlay<T>(s: &mut Sourced<T>, value: Option<T>, var: &str) {
        if let Some(value) = value {
            *s = Sourced {
                value,
                source: Source::Env(var.to_string()),
            };
        }
    }
    if let Command::Listen(l) = parse("listen")?.command {
        overlay(&mut c.provider, l.provider.map(Some), config::ENV_PROVIDER);
        overlay(&mut c.tolerance, l.tolerance, config::ENV_TOLERANCE);
        overlay(&mut c.listen_port, l.port, config::ENV_PORT);
        overlay(&mut c.listen_path, l.path.map(Some), config::ENV_PATH);
    }
    if let Command::Check(k) = parse("check")?.command {
        overlay(&mut c.target, k.to, config::ENV_TARGET);
    }
    Ok(())
}

/// One line of the report: setting name, shown value, source.
struct Row {
    name: String,
    value: Value,
    source: Source,
}

fn row<T: serde::Serialize>(name: &str, s: &Sourced<T>) -> Row {
    Row {
        name: name.to_string(),
        value: serde_json::to_value(&s.value).unwrap_or(Value::Null),
        source: s.source.clone(),
    }
}

fn rows(c: &Effective) -> Vec<Row> {
    let provider = Sourced {
        value: c.provider.value.map(|p| p.name().to_string()),
        source: c.provider.source.clone(),
    };
    let mut rows = vec![
        row("provider", &provider),
        row("tolerance", &c.tolerance),
        row("send.to", &c.target),
        row("send.retry_schedule", &c.retry_schedule),
        row("listen.port", &c.listen_port),
        row("listen.path", &c.listen_path),
    ];
    for (p, s) in &c.secret_env {
        rows.push(row(&format!("secret_env.{}", p.name()), s));
    }
    rows
}

fn source_json(s: &Source) -> Value {
    match s {
        Source::Env(var) => json!({"source": "env", "from": var}),
        Source::File(p) => json!({"source": "file", "from": p.display().to_string()}),
        Source::Default => json!({"source": "default"}),
    }
}

/// The secret variables each provider would read, and whether each is set
/// (shown by fingerprint only).
fn secret_status(c: &Effective) -> Vec<(Provider, String, Option<Secret>)> {
    let mut out = Vec::new();
    for &p in Provider::ALL {
        for var in c.secret_vars(p) {
            let secret = super::env_var(&var).map(|v| Secret::new(v, var.clone()));
            out.push((p, var, secret));
        }
    }
    out
}

fn to_json(globals: &Globals, rows: &[Row]) -> Value {
    let mut settings = serde_json::Map::new();
    for r in rows {
        let mut v = source_json(&r.source);
        v["value"] = r.value.clone();
        settings.insert(r.name.clone(), v);
    }
    let secrets: Vec<Value> = secret_status(&globals.config)
        .into_iter()
        .map(|(p, var, s)| {
            json!({
                "provider": p.name(),
                "variable": var,
                "set": s.is_some(),
                "fingerprint": s.map(|s| s.fingerprint()),
            })
        })
        .collect();
    json!({
        "file": globals.config.file.as_ref().map(|p| p.display().to_string()),
        "settings": settings,
        "secret_variables": secrets,
        "store": store_json(&globals.store),
    })
}

fn store_json(store: &crate::store::Location) -> Value {
    match store {
        crate::store::Location::Disabled => Value::Null,
        crate::store::Location::Path(p) => p.display().to_string().into(),
    }
}

fn human(globals: &Globals, rows: &[Row]) -> String {
    let mut out = match &globals.config.file {
        Some(p) => format!("config file: {}\n", p.display()),
        None => format!(
            "config file: none ({} not found here or above; `hookcli config --init` writes one)\n",
            config::FILE_NAME
        ),
    };
    out.push_str(&format!(
        "event store: {}\n\n",
        match &globals.store {
            crate::store::Location::Disabled => "off".to_string(),
            crate::store::Location::Path(p) => p.display().to_string(),
        }
    ));
    let width = rows.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for r in rows {
        let value = match &r.value {
            Value::Null => "(none)".to_string(),
            Value::String(s) => s.clone(),
            Value::Array(a) if a.is_empty() => "(none)".to_string(),
            Value::Array(a) => a
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            v => v.to_string(),
        };
        out.push_str(&format!(
            "{:<width$}  {:<32}  {}\n",
            r.name,
            crate::escape::for_terminal(&value),
            r.source
        ));
    }
    out.push_str("\nsecret variables (flag --secret beats them all):\n");
    for (p, var, s) in secret_status(&globals.config) {
        let state = match s {
            Some(s) => format!("set, fp:{}", s.fingerprint()),
            None => "not set".to_string(),
        };
        out.push_str(&format!("  {:<8} {var:<34} {state}\n", p.name()));
    }
    out
}

/// Writes the commented template to ./hookcli.toml, never over a file.
fn init() -> anyhow::Result<ExitStatus> {
    let path = std::path::Path::new(config::FILE_NAME);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    let mut file = match file {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Hinted::usage(
                format!("{} already exists here", config::FILE_NAME),
                "edit it, or remove it first to start from the template",
            )
            .into());
        }
        Err(e) => {
            return Err(Hinted::usage(
                format!("cannot create {}: {e}", config::FILE_NAME),
                "run it in a directory you can write to",
            )
            .into());
        }
    };
    std::io::Write::write_all(&mut file, config::TEMPLATE.as_bytes())?;
    output::note(&format!(
        "wrote {} (every setting commented out)",
        config::FILE_NAME
    ));
    Ok(ExitStatus::Success)
}

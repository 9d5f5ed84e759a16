//! `hookcli fixtures list|show|generate`.

use super::{EventSettings, Globals, load_fixture, record_signed};

mod replay_script;
use crate::cli::{FixturesCommand, FixturesGenerateArgs, FixturesListArgs, FixturesShowArgs};
use crate::commands::sign::sign_event;
use crate::exit::{ExitStatus, Hinted};
use crate::fixtures::{self, Fixture};
use crate::output;
use crate::provider::Provider;
use crate::render::{self, SignedRequest};
use anyhow::Context as _;
use serde_json::json;
use std::collections::BTreeSet;
use std::path::Path;

pub fn run(cmd: &FixturesCommand, globals: &Globals) -> anyhow::Result<ExitStatus> {
    match cmd {
        FixturesCommand::List(args) => list(args),
        FixturesCommand::Show(args) => show(args),
        FixturesCommand::Generate(args) => generate(args, globals),
    }
}

fn list(args: &FixturesListArgs) -> anyhow::Result<ExitStatus> {
    let provider = args.provider;
    let prefix = args.prefix.as_deref().unwrap_or("");
    let mut rows: Vec<(String, String, String)> = Vec::new();
    for dir in &args.fixtures_dir {
        for name in fixtures::user_names(dir).map_err(Hinted::from)? {
            rows.push(("user".into(), name, dir.display().to_string()));
        }
    }
    for (p, name) in fixtures::builtin_names(provider) {
        rows.push((p.name().into(), name, "built-in".into()));
    }
    rows.retain(|(_, name, _)| name.starts_with(prefix));
    // A name several providers have is signed as the first's unless
    // --provider says otherwise: say so next to each.
    let others = |p: &str, name: &str| -> Vec<String> {
        rows.iter()
            .filter(|(q, n, o)| n == name && q != p && o == "built-in")
            .map(|(q, _, _)| q.clone())
            .collect()
    };
    let mut text = String::new();
    for (p, name, origin) in &rows {
        let also = if origin == "built-in" {
            others(p, name)
        } else {
            Vec::new()
        };
        if args.json {
            text.push_str(&json!({"provider": p, "name": name, "origin": origin}).to_string());
        } else if also.is_empty() {
            text.push_str(&format!("{p:<9} {}", crate::escape::for_terminal(name)));
        } else {
            // Rows come in registry order, which is the order a bare name resolves in.
            let default = rows.iter().find(|(_, n, o)| n == name && o == "built-in");
            let note = match default {
                Some((d, _, _)) if d == p => {
                    format!(
                        "the default; also --provider {}",
                        also.join(", --provider ")
                    )
                }
                Some((d, _, _)) => format!("needs --provider {p}; {d}'s is the default"),
                None => String::new(),
            };
            text.push_str(&format!(
                "{p:<9} {}  ({note})",
                crate::escape::for_terminal(name)
            ));
        }
        text.push('\n');
    }
    output::stdout(&text)?;
    if rows.is_empty() {
        output::note(&format!("no event types start with '{prefix}'"));
        return Ok(ExitStatus::Failure);
    }
    Ok(ExitStatus::Success)
}

fn show(args: &FixturesShowArgs) -> anyhow::Result<ExitStatus> {
    let settings = EventSettings::resolve(&args.event_args)?;
    let fixture = load_fixture(&args.event, &settings, &args.event_args.fixtures_dir)?;
    let event = fixture
        .render(&settings.render_options(0))
        .map_err(Hinted::from)?;
    if args.json {
        let payload: serde_json::Value = serde_json::from_slice(&event.body)?;
        output::json(&json!({
            "name": fixture.name,
            "provider": event.provider.name(),
            "event_type": event.event_type,
            "event_id": event.event_id,
            "timestamp": event.timestamp,
            "payload": payload,
        }))?;
        return Ok(ExitStatus::Success);
    }
    let mut body = String::from_utf8_lossy(&event.body).into_owned();
    body.push('\n');
    output::stdout(&body)?;
    Ok(ExitStatus::Success)
}

/// The fixtures `generate` was asked for, in order, without repeats.
fn select(args: &FixturesGenerateArgs, settings: &EventSettings) -> Result<Vec<Fixture>, Hinted> {
    let dirs = &args.event_args.fixtures_dir;
    let mut chosen = Vec::new();
    for spec in &args.events {
        let path = Path::new(spec);
        if path.is_dir() {
            chosen.extend(fixtures::load_dir(path, settings.provider)?);
        } else {
            chosen.push(load_fixture(spec, settings, dirs)?);
        }
    }
    if args.all || args.prefix.is_some() {
        let provider = settings.provider.unwrap_or_else(Provider::fallback);
        let prefix = args.prefix.as_deref().unwrap_or("");
        let names: Vec<String> = fixtures::builtin_names(Some(provider))
            .into_iter()
            .map(|(_, n)| n)
            .filter(|n| n.starts_with(prefix))
            .collect();
        if names.is_empty() {
            let elsewhere: Vec<&str> = Provider::ALL
                .iter()
                .filter(|p| **p != provider)
                .filter(|p| {
                    fixtures::builtin_names(Some(**p))
                        .iter()
                        .any(|(_, n)| n.starts_with(prefix))
                })
                .map(|p| p.name())
                .collect();
            let hint = match elsewhere.first() {
                Some(other) => format!(
                    "'{prefix}' names {other} event types: pass --provider {other} (`hookcli fixtures list --provider {other} {prefix}`)"
                ),
                None => "run `hookcli fixtures list` to see them".to_string(),
            };
            return Err(Hinted::usage(
                format!("no built-in {provider} event types start with '{prefix}'"),
                hint,
            ));
        }
        for name in names {
            chosen.push(fixtures::resolve(&name, Some(provider), &[])?);
        }
    }
    if chosen.is_empty() {
        return Err(Hinted::usage(
            "no events chosen",
            "name event types or files, or pass --prefix invoice. or --all",
        ));
    }
    let mut seen = BTreeSet::new();
    chosen.retain(|f| seen.insert(f.name.clone()));
    Ok(chosen)
}

fn generate(args: &FixturesGenerateArgs, globals: &Globals) -> anyhow::Result<ExitStatus> {
    let settings = EventSettings::resolve(&args.event_args)?;
    let out = &args.out;
    let occupied = out.exists()
        && (!out.is_dir()
            || std::fs::read_dir(out)
                .map(|mut d| d.next().is_some())
                .unwrap_or(true));
    if occupied && !args.force {
        return Err(Hinted::usage(
            format!("{} already exists and is not empty", out.display()),
            "choose another --out, or pass --force to replace it",
        )
        .into());
    }
    let chosen = select(args, &settings)?;
    let url = globals.target(args.to.as_deref())?;

    // Build the whole set in a temporary sibling, then move it into place:
    // on any error the temporary directory is removed and DIR is untouched.
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(".hookcli-generate-")
        .tempdir_in(&parent)
        .with_context(|| {
            format!(
                "cannot create a temporary directory in {}",
                parent.display()
            )
        })?;

    let mut manifest = Vec::new();
    let mut replay = replay_script::head(&url);
    let mut secrets = std::collections::HashMap::new();
    let mut signed = Vec::new();
    let progress = output::progress(chosen.len() as u64, "signing");
    for (i, fixture) in chosen.iter().enumerate() {
        progress.inc(1);
        let secret = match secrets.get(&fixture.provider) {
            Some(s) => s,
            None => {
                let s = globals.signing_secret(fixture.provider, args.secret.as_deref())?;
                secrets.entry(fixture.provider).or_insert(s)
            }
        };
        let mut event = fixture
            .render(&settings.render_options(i as u64))
            .map_err(Hinted::from)?;
        let headers = sign_event(&mut event, secret, Some(&url))?;
        let dir = staging.path().join(&fixture.name);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("body.json"), &event.body)?;
        let headers_json = render::headers_json(&headers);
        std::fs::write(dir.join("headers.json"), format!("{headers_json:#}\n"))?;
        let req = SignedRequest {
            url: &url,
            event: &event,
            headers: &headers,
        };
        std::fs::write(dir.join("request.http"), render::http(&req))?;
        manifest.push(json!({
            "name": fixture.name,
            "provider": event.provider.name(),
            "event_type": event.event_type,
            "event_id": event.event_id,
            "timestamp": event.timestamp,
            "secret": {"label": secret.label(), "fingerprint": secret.fingerprint()},
            "verification_key": super::secrets::verification_key_of(event.provider, secret),
            "body": format!("{}/body.json", fixture.name),
            "headers": format!("{}/headers.json", fixture.name),
            "request": format!("{}/request.http", fixture.name),
        }));
        replay.push_str(&replay_script::event(&fixture.name, &event, &headers)?);
        signed.push((event, headers, secret.clone()));
    }
    let manifest = json!({
        "format": 1,
        "generated_by": format!("hookcli {}", env!("CARGO_PKG_VERSION")),
        "url": url,
        "events": manifest,
    });
    progress.finish_and_clear();
    std::fs::write(
        staging.path().join("manifest.json"),
        format!("{manifest:#}\n"),
    )?;
    replay.push_str(replay_script::TAIL);
    std::fs::write(staging.path().join("replay.sh"), replay)?;

    move_into_place(staging, out)?;
    // Recorded only once the set is in place, so a failed run leaves no trace.
    let store = globals.open_store()?;
    for (event, headers, secret) in &signed {
        record_signed(
            store.as_ref(),
            "fixtures",
            event,
            headers,
            secret,
            Some(&url),
        );
    }
    if args.json {
        output::json(&json!({
            "out": out.display().to_string(),
            "count": chosen.len(),
            "manifest": out.join("manifest.json").display().to_string(),
        }))?;
    } else {
        let n = chosen.len();
        output::note(&format!(
            "wrote {n} signed event{} to {}; replay them with: sh {}",
            if n == 1 { "" } else { "s" },
            out.display(),
            out.join("replay.sh").display()
        ));
    }
    Ok(ExitStatus::Success)
}

/// Renames the finished staging directory to `out`, replacing what was there.
fn move_into_place(staging: tempfile::TempDir, out: &Path) -> anyhow::Result<()> {
    let staged = staging.keep();
    let result = (|| -> anyhow::Result<()> {
        if out.exists() {
            let old = staged.with_extension("old");
            std::fs::rename(out, &old)
                .with_context(|| format!("cannot move {} aside", out.display()))?;
            std::fs::rename(&staged, out)
                .with_context(|| format!("cannot create {}", out.display()))?;
            let _ = if old.is_dir() {
                std::fs::remove_dir_all(&old)
            } else {
                std::fs::remove_file(&old)
            };
        } else {
            std::fs::rename(&staged, out)
                .with_context(|| format!("cannot create {}", out.display()))?;
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staged);
    }
    result
}
